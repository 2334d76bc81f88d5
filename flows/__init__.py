"""Prefect flows, settings and the `recoupe` command line: orchestration only."""
