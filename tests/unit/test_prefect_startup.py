"""The early start of Prefect's local API server (`flows/prefect_startup.py`)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import PROJECT_ROOT


def test_a_configured_server_is_left_alone():
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.prefect_startup import start_local_api

    before = dict(SubprocessASGIServer._instances)
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:1/api"}):
        start_local_api()()
    assert SubprocessASGIServer._instances == before


def test_the_flow_runs_on_the_server_started_early(tmp_path):
    """The flow takes the server started in the background: one server process, and the flow's client talks to it."""
    script = textwrap.dedent(
        """
        from prefect import flow, get_client
        from prefect.server.api.server import SubprocessASGIServer

        from flows.prefect_startup import start_local_api

        wait = start_local_api()
        wait()
        server = SubprocessASGIServer()
        assert server.running and server.server_process.poll() is None
        started = server.server_process.pid

        @flow
        def where() -> str:
            with get_client(sync_client=True) as client:
                return str(client.api_url)

        assert where() == server.api_url + "/", (where(), server.api_url)
        assert SubprocessASGIServer().server_process.pid == started
        print("ok")
        """
    )
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("ok")
