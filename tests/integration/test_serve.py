"""`recoupe serve` against a real (temporary) Prefect API: it registers its schedule and stops cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

from tests.conftest import PROJECT_ROOT


def _deployment(name: str):
    from prefect.client.orchestration import get_client

    async def read():
        async with get_client() as client:
            try:
                return await client.read_deployment_by_name(f"dispatch_pipeline/{name}")
            except Exception:  # noqa: BLE001 - not registered yet
                return None

    return asyncio.run(read())


def test_serve_registers_its_schedule_and_stops(prefect, tmp_path):
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "serve",
            "--cron",
            "*/5 * * * *",
            "--name",
            "recoupe-test",
            "--db",
            str(tmp_path / "w.duckdb"),
            "--lake",
            str(tmp_path / "lake"),
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deployment, deadline = None, time.monotonic() + 180
        while deployment is None and time.monotonic() < deadline and process.poll() is None:
            time.sleep(1)
            deployment = _deployment("recoupe-test")
        assert deployment is not None, process.stdout.read() if process.poll() is not None else "not registered"
        crons = [getattr(s.schedule, "cron", None) for s in deployment.schedules]
        assert "*/5 * * * *" in crons
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode is not None  # stopped: nothing left running
