"""Extraction in parallel: where batches of new articles are parsed, behind one small interface.

`open_extractor(...)` gives one of three backends, each with `submit(articles) -> Pending` (returns at
once) and `Pending.result()`:

- `InlineExtractor`  (`workers == 1`): in this process, when the result is asked for (as before workers);
- `ProcessExtractor` (`workers > 1`): a pool of local processes, each loading the spaCy model once, when
  it starts; a pool that loses a process (killed, out of memory) is restarted and its batches submitted
  again, once;
- `DaskExtractor`    (a scheduler address): batches sent to an existing Dask `distributed` cluster; each
  worker process loads the model once, at its first batch; the scheduler gives the batch of a worker
  that dies to another worker (`distributed.scheduler.allowed-failures`, 3 by default).

Every backend runs `transforms.extract.extract_documents`, the pure per-batch function, on batches cut
by words (`split_by_words`). `ExtractionQueue` keeps a bounded number of batches in flight while the
caller reads and cleans the next files, and hands results back in submission order: the lake is written
in exactly the order of a sequential run, so a run killed at any moment leaves a prefix of it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from typing import Protocol

import polars as pl
from threadpoolctl import threadpool_limits

from flows.datasets import CLAIMS_RAW, MENTIONS_RAW, ROLES_RAW, SENTENCES, TIMEX
from flows.lake import as_lake_reads
from flows.settings import Settings
from transforms.actors import parse_dictionary, ruler_patterns
from transforms.corpus import CUE_DOCUMENT_COLUMNS, CUE_OUTPUTS, article_cues
from transforms.extract import EXTRACT_OUTPUTS, extract_documents
from transforms.nlp import load_pipeline

Patterns = tuple[tuple[str, str, str], ...]

# what a batch sent to a worker holds (its documents' columns), and what the worker returns: the extracted rows
# and the articles' cues (`cues_of_extracted`), computed where the rows are, not read back from the lake later
WORKER_COLUMNS = sorted({"article_id", "body", "language", *CUE_DOCUMENT_COLUMNS})
WORKER_OUTPUTS = {**EXTRACT_OUTPUTS, **CUE_OUTPUTS}


class ExtractionError(Exception):
    """Extraction could not go on (a worker died twice on one batch, a cluster is unreachable or runs other
    rules): the run stops before loading anything; nothing is published and the next run redoes the rest."""


class Pending(Protocol):
    def result(self) -> dict[str, pl.DataFrame]: ...

    def ready(self) -> bool: ...


class Extractor(Protocol):
    workers: int  # batches it extracts at once
    in_flight: int  # batches to keep submitted ahead (0: extract each batch when it is put)

    def submit(self, articles: pl.DataFrame) -> Pending: ...

    def close(self) -> None: ...


def split_by_words(articles: pl.DataFrame, words: int) -> list[pl.DataFrame]:
    """Consecutive slices of `articles` holding about `words` words of `body` each (a longer body is a
    slice of its own): batches of equal work, whatever the lengths of the documents."""
    counts = articles["body"].fill_null("").str.count_matches(r"\S+").to_list()
    slices, start, total = [], 0, 0
    for i, n in enumerate(counts):
        if i > start and total + n > words:
            slices.append(articles.slice(start, i - start))
            start, total = i, 0
        total += n
    if articles.height:
        slices.append(articles.slice(start, articles.height - start))
    return slices


def concat_outputs(parts: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """The outputs of consecutive batches as the outputs of one."""
    return {
        name: pl.concat([pl.DataFrame(schema=schema), *(p[name] for p in parts)])
        for name, schema in WORKER_OUTPUTS.items()
    }


def collect_outputs(pendings: list[Pending]) -> dict[str, pl.DataFrame]:
    """Wait for consecutive batches and join their outputs."""
    return concat_outputs([pending.result() for pending in pendings])


@cache
def one_blas_thread() -> None:
    """Hold numpy's BLAS to one thread in an extraction process (once per process). The model's matrix products
    run on it (`transforms.nlp.numpy_matrix_products`); OpenBLAS would otherwise start a thread per core in
    every worker, and the workers, already one per core, would wait on each other's threads."""
    threadpool_limits(1, user_api="blas")


def cues_of_extracted(documents: pl.DataFrame, extracted: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The cues of articles just extracted (`documents`, and the outputs of `transforms.extract.extract_documents`
    on them), the same as `flows.corpus.write_missing_cues` computes from the lake once those outputs are written."""
    return article_cues(
        documents.select(CUE_DOCUMENT_COLUMNS),
        as_lake_reads(extracted["mentions"], MENTIONS_RAW),
        as_lake_reads(extracted["roles"], ROLES_RAW),
        as_lake_reads(extracted["claims"], CLAIMS_RAW),
        as_lake_reads(extracted["timex"], TIMEX),
        as_lake_reads(extracted["sentences"], SENTENCES),
    )


def extract_on_worker(
    articles: pl.DataFrame, model: str, patterns: Patterns, batch_size: int
) -> dict[str, pl.DataFrame]:
    """What a worker runs on a batch (`WORKER_COLUMNS`): the model of this process (loaded at its first call), the
    pure per-batch extraction, and the articles' cues from its outputs (`WORKER_OUTPUTS`)."""
    one_blas_thread()
    extracted = extract_documents(
        articles.select("article_id", "body", "language"), load_pipeline(model, patterns), batch_size
    )
    return {**extracted, **cues_of_extracted(articles, extracted)}


# --- in this process --------------------------------------------------------------------------------


class _Deferred:
    def __init__(self, work: Callable[[], dict[str, pl.DataFrame]]) -> None:
        self._work = work

    def result(self) -> dict[str, pl.DataFrame]:
        return self._work()

    def ready(self) -> bool:
        return False  # the work is done when the result is asked for


class InlineExtractor:
    """Extraction in this process, done when the result is asked for."""

    workers, in_flight = 1, 0

    def __init__(self, model: str, patterns: Patterns, batch_size: int) -> None:
        self._args = (model, patterns, batch_size)

    def submit(self, articles: pl.DataFrame) -> Pending:
        return _Deferred(lambda: extract_on_worker(articles, *self._args))

    def close(self) -> None:
        pass


# --- local processes --------------------------------------------------------------------------------

_worker_args: tuple[str, Patterns, int] | None = None


def _start_worker(model: str, patterns: Patterns, batch_size: int) -> None:
    """Initializer of a pool process: exit when the run's process dies (a killed run leaves no worker
    behind), and load the model now (once), while the parent reads and cleans."""
    global _worker_args
    _worker_args = (model, patterns, batch_size)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _settle_model(model, patterns)


def _exit_with_parent(parent: int, every: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _extract_in_pool(articles: pl.DataFrame) -> dict[str, pl.DataFrame]:
    assert _worker_args is not None, "pool process started without its initializer"
    return extract_on_worker(articles, *_worker_args)


# one pool per (workers, model, patterns, batch size) and process: `recoupe serve` and the test suite run
# many flows in one process, and each worker keeps its model between runs (as the inline model does)
_POOLS: dict[tuple, ProcessPoolExecutor] = {}


class _PoolPending:
    def __init__(self, owner: ProcessExtractor, articles: pl.DataFrame, future: Future) -> None:
        self.owner, self.articles, self.future, self.attempts = owner, articles, future, 0

    def result(self) -> dict[str, pl.DataFrame]:
        while True:
            try:
                outputs = self.future.result()
            except (BrokenProcessPool, CancelledError) as error:
                self.owner._recover(error)
                continue
            self.owner._pending.remove(self)
            return outputs

    def ready(self) -> bool:
        return self.future.done()

    def succeeded(self) -> bool:
        return self.future.done() and not self.future.cancelled() and self.future.exception() is None


class ProcessExtractor:
    """`workers` local processes (started with `spawn`: no state of this process is inherited)."""

    max_attempts = 2  # a batch whose worker died is submitted once more, to a new pool

    def __init__(self, workers: int, model: str, patterns: Patterns, batch_size: int) -> None:
        self.workers, self.in_flight = workers, 2 * workers
        self._key = (workers, model, patterns, batch_size)
        self._pending: list[_PoolPending] = []

    def _pool(self) -> ProcessPoolExecutor:
        pool = _POOLS.get(self._key)
        if pool is None:
            workers, model, patterns, batch_size = self._key
            pool = _POOLS[self._key] = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(model, patterns, batch_size),
            )
        return pool

    def _submit(self, articles: pl.DataFrame) -> Future:
        return self._pool().submit(_extract_in_pool, articles)

    def submit(self, articles: pl.DataFrame) -> Pending:
        try:
            future = self._submit(articles)
        except BrokenProcessPool as error:  # the pool broke since the last batch: recover, then submit
            self._recover(error)
            future = self._submit(articles)
        pending = _PoolPending(self, articles, future)
        self._pending.append(pending)  # until its result is taken
        return pending

    def _recover(self, error: BaseException) -> None:
        """A process of the pool died: a new pool, and every unfinished batch submitted to it again."""
        broken = _POOLS.pop(self._key, None)
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
        for pending in self._pending:
            if pending.succeeded():
                continue
            pending.attempts += 1
            if pending.attempts >= self.max_attempts:
                raise ExtractionError(
                    f"an extraction worker process died twice on a batch of {pending.articles.height} documents "
                    f"(first: {pending.articles['article_id'][0]}): {error}"
                ) from error
            pending.future = self._submit(pending.articles)

    def close(self) -> None:
        self._pending = []  # the pool stays up for the next run of this process (see `_POOLS`)


def _started() -> bool:
    return _worker_args is not None


def start_workers(workers: int, model: str, patterns: Patterns, batch_size: int) -> None:
    """Start the worker processes `ProcessExtractor(workers, model, patterns, batch_size)` will use, without
    waiting for them: each loads the model while this process does something else (starts Prefect, reads and
    cleans the inputs). Nothing for `workers` 1 (the model is loaded in this process when first needed)."""
    if workers <= 1:
        return
    pool = ProcessExtractor(workers, model, patterns, batch_size)._pool()
    for _ in range(workers):  # one process is spawned per task while none is idle
        pool.submit(_started)


def start_extraction_workers(settings: Settings, dictionary_text: str) -> None:
    """Start the local extraction processes of a run with these settings now. `recoupe run` does it first
    thing when a run has work, so that loading the model in each overlaps with the start of Prefect, the import
    of the pipeline and the reading of the inputs."""
    if settings.dask_address is None:
        patterns = ruler_patterns(parse_dictionary(dictionary_text))
        start_workers(settings.workers, settings.spacy_model, patterns, settings.spacy_batch_size)


def idle_pool(settings: Settings, dictionary_text: str) -> ProcessPoolExecutor | None:
    """The local extraction processes of a run with these settings when they are up (after the run's extraction,
    idle): the corpus stage resolves its chunks of articles on them. None for extraction in this process or on
    a Dask cluster (whose workers may not see the lake), or when the processes were never started."""
    if settings.dask_address or settings.workers <= 1:
        return None
    patterns = ruler_patterns(parse_dictionary(dictionary_text))
    return _POOLS.get((settings.workers, settings.spacy_model, patterns, settings.spacy_batch_size))


def shutdown_pools() -> None:
    """Stop every local pool of this process (its worker processes exit)."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        pool.shutdown(wait=True, cancel_futures=True)


# --- a Dask cluster ---------------------------------------------------------------------------------


def worker_fingerprint(model: str) -> str:
    """The extraction rules a worker would apply (`flows.lake.extraction_fingerprint`)."""
    from flows.lake import extraction_fingerprint

    return extraction_fingerprint(model)


def extract_on_dask_worker(
    articles: pl.DataFrame, model: str, patterns: Patterns, batch_size: int
) -> dict[str, pl.DataFrame]:
    """What a Dask worker runs on a batch: `extract_on_worker`, the model loaded and settled at the first batch
    the worker process gets (`_settle_model`)."""
    _settle_model(model, patterns)
    return extract_on_worker(articles, model, patterns, batch_size)


@cache
def _settle_model(model: str, patterns: Patterns) -> None:
    """Load the model in this worker process (local or Dask) and tell the collector to skip it from now on: the
    model lives as long as the process, the collector need not scan it, nor at exit. 5,000 articles on a
    localhost cluster: the two Dask workers spent 247 CPU-s before they froze it, 218 after (two local workers:
    178–182); the run 161 → 139 s."""
    one_blas_thread()
    load_pipeline(model, patterns)
    gc.freeze()


class _DaskPending:
    def __init__(self, future) -> None:
        self.future = future

    def ready(self) -> bool:
        return self.future.done()

    def result(self) -> dict[str, pl.DataFrame]:
        from distributed import KilledWorker

        try:
            return self.future.result()
        except KilledWorker as error:
            raise ExtractionError(f"Dask workers died on every attempt at an extraction batch: {error}") from error


class DaskExtractor:
    """Batches on an existing `distributed` cluster, connected to at the first batch (a run with nothing new
    to extract does not need the cluster). Every worker must have this recoupe installed: the same
    `transforms/` and spaCy model, checked when connecting."""

    def __init__(self, address: str, model: str, patterns: Patterns, batch_size: int, timeout: float = 60) -> None:
        self.address, self.timeout = address, timeout
        self._args = (model, patterns, batch_size)
        self._client = None
        self._workers = 0

    def _connect(self):
        if self._client is not None:
            return self._client
        from distributed import Client

        model = self._args[0]
        try:
            client = Client(self.address, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise ExtractionError(f"no Dask scheduler answers at {self.address}: {error}") from error
        try:
            client.wait_for_workers(1, timeout=self.timeout)
            rules = client.run(worker_fingerprint, model)
        except Exception as error:  # noqa: BLE001 - any failure here means the cluster cannot extract
            client.close()
            raise ExtractionError(
                f"the Dask cluster at {self.address} cannot run recoupe's extraction (install this recoupe and its "
                f"spaCy model on every worker): {type(error).__name__}: {error}"
            ) from error
        expected = worker_fingerprint(model)
        others = sorted(worker for worker, fingerprint in rules.items() if fingerprint != expected)
        if others:
            client.close()
            raise ExtractionError(
                f"Dask workers {', '.join(others)} run other extraction rules than this recoupe (another "
                "version of recoupe or of the spaCy model): install the same version everywhere"
            )
        self._client, self._workers = client, max(1, sum(client.nthreads().values()))
        return client

    @property
    def workers(self) -> int:
        self._connect()
        return self._workers

    @property
    def in_flight(self) -> int:
        return 2 * self.workers

    def submit(self, articles: pl.DataFrame) -> Pending:
        client = self._connect()
        return _DaskPending(client.submit(extract_on_dask_worker, articles, *self._args, pure=False))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def open_extractor(
    workers: int, dask_address: str | None, model: str, patterns: Patterns, batch_size: int
) -> Extractor:
    """The backend the settings ask for: a Dask cluster when an address is given, else local processes."""
    if dask_address:
        return DaskExtractor(dask_address, model, patterns, batch_size)
    if workers <= 1:
        return InlineExtractor(model, patterns, batch_size)
    return ProcessExtractor(workers, model, patterns, batch_size)


# --- the queue ----------------------------------------------------------------------------------------


class ExtractionQueue:
    """Batches in flight, finished in submission order.

    `put(articles, done)` cuts `articles` into batches of about `words` words, submits them and returns,
    unless more than `extractor.in_flight` batches are then in flight: it first finishes the oldest entries
    (never the one just put, so the workers stay busy while the caller prepares the next). An entry is
    finished by `done(collect(its pending batches))` in this thread; `collect` waits for them and joins their
    outputs (`collect_outputs`). `after(callback)` runs `callback` once everything put before it is
    finished; `drain()` finishes everything."""

    def __init__(
        self,
        extractor: Extractor,
        words: int,
        collect: Callable[[list[Pending]], dict[str, pl.DataFrame]] | None = None,
    ) -> None:
        self.extractor, self.words = extractor, words
        self.collect = collect or collect_outputs
        self._entries: deque[tuple[list[Pending] | None, Callable]] = deque()
        self._in_flight = 0

    def put(self, articles: pl.DataFrame, done: Callable[[dict[str, pl.DataFrame]], None]) -> None:
        pendings = [self.extractor.submit(batch) for batch in split_by_words(articles, self.words)]
        self._entries.append((pendings, done))
        self._in_flight += len(pendings)
        self._settle()

    def after(self, callback: Callable[[], None]) -> None:
        self._entries.append((None, callback))
        self._settle()

    def drain(self) -> None:
        while self._entries:
            self._finish_oldest()

    def _settle(self) -> None:
        """Finish the oldest entries while they are callbacks or done, or while too many batches are in flight."""
        while self._entries:
            pendings = self._entries[0][0]
            limit = self.extractor.in_flight
            if not (
                pendings is None
                or all(p.ready() for p in pendings)
                or (self._in_flight > limit and (len(self._entries) > 1 or not limit))
            ):
                return
            self._finish_oldest()

    def _finish_oldest(self) -> None:
        pendings, done = self._entries.popleft()
        if pendings is None:
            done()
            return
        outputs = self.collect(pendings)
        self._in_flight -= len(pendings)
        done(outputs)
