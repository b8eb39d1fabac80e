from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from termbase.check.context import build_context
from termbase.check.engine import Selection, check_text
from termbase.cli import align as _align_command  # noqa: F401  (registers commands)
from termbase.cli import check as _check_command  # noqa: F401  (registers commands)
from termbase.cli import cli, main  # noqa: F401
from termbase.cli import exchange as _exchange_commands  # noqa: F401
from termbase.cli import glossary as _glossary_commands  # noqa: F401
from termbase.cli import rules as _rules_command  # noqa: F401
from termbase.cli import segment as _segment_command  # noqa: F401
from termbase.cli import serve as _serve_command  # noqa: F401
from termbase.cli import tm as _tm_commands  # noqa: F401
from termbase.cli import users as _users_commands  # noqa: F401
from termbase.cli import workspace as _workspace_commands  # noqa: F401

# Property-based tests draw as many examples as the Hypothesis profile says, and a test
# that needs more or fewer asks for a multiple of it, so one switch scales them all:
#   termbase  (default) 100, what every run and CI draws
#   quick     20, while editing
#   thorough  1,000, before a release or after a change to a reader
# HYPOTHESIS_PROFILE=thorough pytest ... chooses one.
settings.register_profile("termbase", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", settings.get_profile("termbase"), max_examples=20)
settings.register_profile("thorough", settings.get_profile("termbase"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "termbase"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def ctx():
    """The shipped glossaries and the default dictionary, built once."""
    return build_context()


@pytest.fixture
def lint(ctx):
    def run(text: str, select: tuple[str, ...] = (), path: str = "t.txt"):
        return check_text(path, text, ctx, Selection(select=select)).findings

    return run


@pytest.fixture
def invoke():
    runner = CliRunner()

    def run(*args, input=None, env=None):
        environment = {"NO_COLOR": "1", **(env or {})}
        return runner.invoke(cli, list(args), input=input, env=environment,
                             catch_exceptions=False)

    return run


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "eval" / "dev").is_dir():
        pytest.skip("../shared is not present (fresh clone)")
    return SHARED


def rules_of(findings) -> list[str]:
    return [f.rule for f in findings]


os.environ.setdefault("NO_COLOR", "1")
# Tests never read or write the user's glossary cache.
os.environ["TERMBASE_CACHE_DIR"] = tempfile.mkdtemp(prefix="termbase-test-cache-")
# Tests run from the repository root, so its termbase.toml is the workspace in force on
# purpose: its glossaries/ are the shipped starter glossaries the tests expect. Its memory
# (tm/memory.sqlite) is not: no test reads or writes it, nor the user's memory.
os.environ["TERMBASE_TM"] = str(Path(tempfile.mkdtemp(prefix="termbase-test-tm-"))
                                / "memory.sqlite")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A `postgresql://` URL of an empty database on a real server, or skip."""
    from tests.postgres import ENV, throwaway_cluster

    pytest.importorskip("psycopg")
    if os.environ.get(ENV):
        yield os.environ[ENV]
        return
    try:
        with throwaway_cluster() as url:
            yield url
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
