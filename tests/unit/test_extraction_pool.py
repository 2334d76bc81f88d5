"""The extraction queue and its batches by words (in this process; worker processes and Dask are tested end to
end in tests/integration)."""

from __future__ import annotations

import polars as pl
import pytest

from flows.corpus import write_missing_cues
from flows.datasets import CLAIMS_RAW, DATASETS, DOCUMENTS, MENTIONS_RAW, ROLES_RAW, SENTENCES, TIMEX
from flows.extraction_pool import (
    WORKER_OUTPUTS,
    ExtractionQueue,
    InlineExtractor,
    concat_outputs,
    extract_on_worker,
    split_by_words,
)
from flows.lake import LakeQuery, write_part
from flows.settings import Settings
from tests.conftest import SEEDS
from transforms.actors import parse_dictionary, ruler_patterns
from transforms.corpus import CUE_OUTPUTS
from transforms.extract import EXTRACT_OUTPUTS, extract_documents

BODIES = [
    "Le ministre a affirmé mardi que les négociations n'avaient pas repris.",
    "Selon la police, 3 000 personnes ont manifesté samedi à Paris.",
    "Le porte-parole du gouvernement a démenti toute reprise des opérations.",
    "« Nous ne céderons pas », a déclaré le syndicat jeudi soir.",
]


def _articles(bodies: list[str], date_hint: str | None = None) -> pl.DataFrame:
    n = len(bodies)
    return pl.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "body": bodies,
            "language": ["fr"] * n,
            "date_hint": [date_hint] * n,
            "metadata_date": [None] * n,
        },
        schema_overrides={"date_hint": pl.String, "metadata_date": pl.String},
    )


def test_batches_by_words_cover_every_article_once_in_order():
    articles = _articles(["un deux trois", "quatre cinq", "six", "sept huit neuf dix onze", ""])
    batches = split_by_words(articles, 5)
    # 3 + 2 words fill the first; `six` then the five-word body would pass 5, so it starts the next
    assert [b["article_id"].to_list() for b in batches] == [["a0", "a1"], ["a2"], ["a3", "a4"]]
    assert pl.concat(batches).equals(articles)


def test_a_body_longer_than_a_batch_is_a_batch_of_its_own():
    articles = _articles(["un " * 50, "deux", "trois " * 40])
    assert [b.height for b in split_by_words(articles, 10)] == [1, 1, 1]
    assert split_by_words(articles.head(0), 10) == []


def test_concatenated_outputs_keep_every_dataset_and_schema():
    joined = concat_outputs([])
    assert set(joined) == set(EXTRACT_OUTPUTS) | set(CUE_OUTPUTS)
    assert all(joined[name].schema == pl.Schema(schema) for name, schema in WORKER_OUTPUTS.items())


@pytest.fixture(scope="module")
def patterns():
    return ruler_patterns(parse_dictionary((SEEDS / "reference" / "actors.csv").read_text(encoding="utf-8")))


def test_the_queue_finishes_in_order_and_batches_change_nothing(nlp, patterns):
    """Chunks put on the queue in small batches by words give exactly what one call on all of them gives,
    and `done` and `after` callbacks run in the order they were queued."""
    model = Settings().spacy_model
    articles = _articles(BODIES)
    whole = extract_documents(articles.select("article_id", "body", "language"), nlp)
    queue = ExtractionQueue(InlineExtractor(model, patterns, 64), words=12)
    finished: list = []
    queue.put(articles.head(2), lambda out: finished.append(("chunk", out)))
    queue.after(lambda: finished.append(("after", None)))
    queue.put(articles.tail(2), lambda out: finished.append(("chunk", out)))
    queue.drain()
    assert [kind for kind, _ in finished] == ["chunk", "after", "chunk"]
    joined = concat_outputs([out for kind, out in finished if kind == "chunk"])
    for name in EXTRACT_OUTPUTS:
        assert joined[name].equals(whole[name]), name
    assert joined["claims"].height >= 3  # the example holds claims: the comparison is not of empty frames


def test_an_extraction_process_holds_numpy_blas_to_one_thread():
    """Workers are one per core: each keeps numpy's BLAS (the model's matrix products) on one thread."""
    from threadpoolctl import threadpool_info

    from flows.extraction_pool import one_blas_thread

    one_blas_thread()
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_a_worker_gives_the_cues_the_corpus_stage_would_compute_from_the_lake(tmp_path, patterns):
    """The cues a worker computes with its batch are those `write_missing_cues` computes from the lake once the
    batch's rows are written there (the corpus stage then finds none missing)."""
    bodies = [
        "Selon le porte-parole du ministère, le général a été tué jeudi. Mme Dupont, ministre des Armées, "
        "a démenti vendredi toute frappe. Il a affirmé que personne n'a été blessé.",
        "Marie Durand, directrice de l'hôpital, a déclaré jeudi que la situation était grave. La présidente de la "
        "région, Anne Martin, a démenti.",
        *BODIES,
        "Pas une date ici, ni un nom : rien que du texte.",
    ]
    articles = _articles(bodies, date_hint="2020-01-09")
    out = extract_on_worker(articles, Settings().spacy_model, patterns, 64)
    assert out["cues_publications"].height == articles.height  # every article, extracted or not
    assert out["cues_titles"].height and out["cues_roles"].height and out["cues_speakers"].height
    lake_dir = tmp_path / "lake"
    # written in two parts, in reverse order: what the lake gives back does not depend on how it was written
    halves = (articles.slice(3), articles.head(3))
    for index, half in enumerate(halves):
        ids = half["article_id"].to_list()
        for name, dataset in (
            ("sentences", SENTENCES),
            ("mentions", MENTIONS_RAW),
            ("claims", CLAIMS_RAW),
            ("timex", TIMEX),
            ("roles", ROLES_RAW),
        ):
            write_part(out[name].filter(pl.col("article_id").is_in(ids)), lake_dir, dataset, f"r-{index}")
        write_part(half, lake_dir, DOCUMENTS, f"r-{index}")
    lake = LakeQuery(lake_dir)
    try:
        assert write_missing_cues(lake, lake_dir, articles["article_id"].to_list(), "r") == articles.height
        for name in CUE_OUTPUTS:
            from_lake = lake.read(DATASETS[name])
            from_worker = out[name].sort(list(DATASETS[name].keys))
            assert from_lake.equals(from_worker), name
    finally:
        lake.close()
