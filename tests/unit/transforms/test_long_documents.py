"""Long bodies: parsed in pieces cut at sentence starts, offsets into the whole body, time linear in length."""

from __future__ import annotations

import polars as pl
from hypothesis import given
from hypothesis import strategies as st

from transforms.extract import extract_batch, extract_documents
from transforms.nlp import doc_text, parse_texts, piece_bounds
from transforms.sentences import sentence_frame, split_sentences

PROSE = (
    "Le ministre de l'Intérieur a annoncé jeudi 3 janvier la suspension des opérations. "
    "Selon l'AFP, quinze personnes ont été blessées lors de l'attaque de mardi. "
    "Le porte-parole du gouvernement, Paul Martin, a démenti ces informations. "
    "« Nous n'avons jamais envisagé un retrait », a déclaré la ministre des Armées. "
    "La grève a rassemblé 5.000 personnes selon la police, 12.000 selon la CGT. "
)


@given(st.text(max_size=400), st.lists(st.integers(min_value=0, max_value=400), max_size=20), st.integers(1, 50))
def test_pieces_cover_the_text_exactly_and_respect_the_limit(text, starts, limit):
    bounds = piece_bounds(text, starts, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a < b or len(text) == 0 for a, b in bounds)
    assert all(b1 == a2 for (_, b1), (a2, _) in zip(bounds, bounds[1:], strict=False))
    assert all(b - a <= limit for a, b in bounds)


def test_pieces_are_cut_at_sentence_starts_when_sentences_fit():
    text = PROSE * 4
    starts = [s for s, _ in split_sentences(text)]
    bounds = piece_bounds(text, starts, 300)
    assert len(bounds) > 1
    assert all(a in starts for a, _ in bounds[1:])


def test_a_line_without_spaces_is_cut_at_the_limit():
    assert piece_bounds("x" * 25, [], 10) == [(0, 10), (10, 20), (20, 25)]
    assert piece_bounds("abc defgh ijkl", [], 6) == [(0, 4), (4, 10), (10, 14)]  # after the last space


def test_a_body_parsed_in_pieces_keeps_the_whole_body_offsets(nlp):
    body = PROSE * 6
    starts = [s for s, _ in split_sentences(body)]
    whole = next(parse_texts(nlp, [body], 64, [starts]))
    pieces = next(parse_texts(nlp, [body], 64, [starts], max_chars=500))
    assert doc_text(pieces) == body and len(pieces) == len(whole)
    assert [t.idx for t in pieces] == [t.idx for t in whole]
    # the project's sentences hold in both, and an entity of the last piece points into the whole body
    assert {s.start_char for s in pieces.sents} >= set(starts)
    last = [e for e in pieces.ents if e.start_char > len(body) - len(PROSE)]
    assert last and all(body[e.start_char : e.end_char] == e.text for e in last)


def test_extraction_of_a_body_in_pieces_gives_offsets_that_round_trip(nlp):
    body = PROSE * 6
    articles = pl.DataFrame({"article_id": ["a"], "body": [body]})
    out = extract_batch(articles, sentence_frame(articles), nlp, piece_chars=700)
    claims = out["claims"]
    assert claims.height >= 5 * 6 - 6  # claims all along the body, not only in its first piece
    assert claims["char_start"].max() > len(body) - len(PROSE)
    for row in claims.iter_rows(named=True):
        assert body[row["char_start"] : row["char_end"]] == row["text"]
    for row in out["mentions"].iter_rows(named=True):
        assert body[row["char_start"] : row["char_end"]] == row["surface"]
    for row in out["timex"].iter_rows(named=True):
        assert body[row["char_start"] : row["char_end"]] == row["surface"]


def test_a_document_that_makes_the_batch_raise_is_isolated(nlp, monkeypatch):
    import transforms.extract as extract

    real = extract.parse_texts

    def fragile(nlp, texts, *args, **kwargs):
        for text, doc in zip(texts, real(nlp, texts, *args, **kwargs), strict=True):
            if "BOUM" in text:
                raise RuntimeError("the parser gave up")
            yield doc

    monkeypatch.setattr(extract, "parse_texts", fragile)
    articles = pl.DataFrame(
        {
            "article_id": ["before", "bad", "after"],
            "body": [PROSE, "BOUM. " + PROSE, PROSE.replace("jeudi", "vendredi")],
            "language": ["fr", "fr", "fr"],
        }
    )
    out = extract_documents(articles, nlp)
    errors = out["errors"].to_dicts()
    assert [(e["article_id"], e["stage"]) for e in errors] == [("bad", "extract")]
    assert "RuntimeError: the parser gave up" in errors[0]["error"]
    assert set(out["claims"]["article_id"]) == {"before", "after"}
    assert set(out["sentences"]["article_id"]) == {"before", "after"}
    # the neighbours get exactly what they get alone
    alone = extract_documents(articles.filter(pl.col("article_id") == "after"), nlp)
    assert out["claims"].filter(pl.col("article_id") == "after").equals(alone["claims"])


def test_a_document_whose_transform_raises_keeps_its_batch(nlp, monkeypatch):
    import transforms.extract as extract

    real = extract.tag_timex

    def fragile(text):
        if "BOUM" in text:
            raise ValueError("no date here")
        return real(text)

    monkeypatch.setattr(extract, "tag_timex", fragile)
    articles = pl.DataFrame({"article_id": ["ok", "bad"], "body": [PROSE, PROSE + " BOUM."], "language": ["fr", "fr"]})
    out = extract_documents(articles, nlp)
    assert out["errors"]["article_id"].to_list() == ["bad"]
    assert set(out["claims"]["article_id"]) == {"ok"}


def test_doc_text_is_read_once(nlp):
    doc = nlp.make_doc("Le ministre a parlé.")
    assert doc_text(doc) == doc.text
    doc.user_data["recoupe_text"] = "cached"
    assert doc_text(doc) == "cached"
