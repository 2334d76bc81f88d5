"""The extraction queue and its batches by words (in this process; worker processes and Dask are tested end to
end in tests/integration)."""

from __future__ import annotations

import polars as pl
import pytest

from flows.extraction_pool import ExtractionQueue, InlineExtractor, concat_outputs, split_by_words
from flows.settings import Settings
from tests.conftest import SEEDS
from transforms.actors import parse_dictionary, ruler_patterns
from transforms.extract import EXTRACT_OUTPUTS, extract_documents

BODIES = [
    "Le ministre a affirmé mardi que les négociations n'avaient pas repris.",
    "Selon la police, 3 000 personnes ont manifesté samedi à Paris.",
    "Le porte-parole du gouvernement a démenti toute reprise des opérations.",
    "« Nous ne céderons pas », a déclaré le syndicat jeudi soir.",
]


def _articles(bodies: list[str]) -> pl.DataFrame:
    return pl.DataFrame(
        {"article_id": [f"a{i}" for i in range(len(bodies))], "body": bodies, "language": ["fr"] * len(bodies)}
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
    assert set(joined) == set(EXTRACT_OUTPUTS)
    assert all(joined[name].schema == pl.Schema(schema) for name, schema in EXTRACT_OUTPUTS.items())


@pytest.fixture(scope="module")
def patterns():
    return ruler_patterns(parse_dictionary((SEEDS / "reference" / "actors.csv").read_text(encoding="utf-8")))


def test_the_queue_finishes_in_order_and_batches_change_nothing(nlp, patterns):
    """Chunks put on the queue in small batches by words give exactly what one call on all of them gives,
    and `done` and `after` callbacks run in the order they were queued."""
    model = Settings().spacy_model
    articles = _articles(BODIES)
    whole = extract_documents(articles, nlp)
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
