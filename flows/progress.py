"""Progress on long runs: a bar per streamed stage and a line per corpus-wide stage, on a terminal only
(logs and CI output stay clean)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn


@contextmanager
def stage_progress(description: str, total: int) -> Iterator[Callable[[int], None]]:
    """Yield `advance(n)`; shows a bar only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task(description, total=total)
        yield lambda n: progress.advance(task, n)


def stage_note(message: str) -> None:
    """One line per corpus-wide stage (resolve, load, validate, publish), on a terminal only."""
    if sys.stderr.isatty():
        Console(stderr=True).print(f"[dim]…[/dim] {message}")
