"""One run at a time per warehouse: an exclusive, non-blocking file lock next to it."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HELD: set[Path] = set()  # locks this process holds: taking one again (CLI, then flow) is a no-op


class RunLocked(Exception):
    """Another run holds the lock of this warehouse."""


@contextmanager
def run_lock(db_path: Path) -> Iterator[Path]:
    """Hold `<db>.lock` for the duration of a run. The lock dies with the process (a killed run never
    leaves a stale lock behind); its file records the holder's pid for the error message."""
    lock_path = (db_path.with_name(db_path.name + ".lock")).resolve()
    if lock_path in _HELD:
        yield lock_path
        return
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "a+")  # noqa: SIM115 - held open for the whole run
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise RunLocked(
                f"another recoupe run (pid {holder}) is writing {db_path}; try again when it ends"
            ) from error
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        _HELD.add(lock_path)
        yield lock_path
    finally:
        _HELD.discard(lock_path)
        handle.close()
