"""Start Prefect's local API server in the background while a run does its own start-up.

Without `PREFECT_API_URL`, Prefect starts a temporary ("ephemeral") API server in a subprocess the first time a
flow needs it, and waits for it: 4–7 s on the reference machine, during which the run's process only polls.
`recoupe run` calls `start_local_api()` as soon as it knows the run has work to do (just after starting the
extraction processes), imports the pipeline while the server boots, and calls the returned function, which
waits for the server, just before the flow. The server is Prefect's own (`SubprocessASGIServer`, one per
process, stopped at exit by Prefect): the flow then finds it running and uses it, exactly as if it had started
it itself.

Nothing changes when a server is configured (`PREFECT_API_URL`) or ephemeral mode is off: there is nothing to
start. If the early start fails, the wait returns anyway and the flow starts the server itself and reports
the error the usual way.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Callable


def _start() -> None:
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        return  # a configured server, or no local one: the flow connects as usual
    from prefect.server.api.server import SubprocessASGIServer

    SubprocessASGIServer().start()  # the instance the flow's client takes (one per process and port)


def start_local_api() -> Callable[[], None]:
    """Start Prefect's local API server in a thread now; the returned function waits until it is up."""

    def target() -> None:
        with contextlib.suppress(Exception):  # the flow starts the server again and reports the error itself
            _start()

    context = contextvars.copy_context()  # the caller's Prefect settings, also temporary ones
    thread = threading.Thread(target=context.run, args=(target,), name="prefect-local-api", daemon=True)
    thread.start()
    return thread.join
