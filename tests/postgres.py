"""A throw-away PostgreSQL cluster for the tests that need the real server.

`TERMBASE_TEST_POSTGRES` names a server to use instead (a `postgresql://` URL); without
it the session starts its own cluster in a temporary folder, listening only on a Unix
socket there, and removes it at the end. Where PostgreSQL is not installed the tests
that need it skip, so a fresh clone still tests with pip alone; `.ci/run` installs it.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "TERMBASE_TEST_POSTGRES"
DATABASE = "termbase_test"


def server_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, newest version first."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


def _as_server_user(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; CI runs as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster in a temporary folder and yield a URL of an empty database."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (initdb/pg_ctl not found)")
    folder = Path(tempfile.mkdtemp(prefix="termbase-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    try:
        subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-U", user,
                                        "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                       **quiet)
        options = f"-k {folder} -c listen_addresses='' -c fsync=off"
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
                                        "-l", str(folder / "log"), "-w", "start"]), **quiet)
        try:
            subprocess.run(_as_server_user([str(binaries / "createdb"), "-h", str(folder),
                                            "-U", user, DATABASE]), **quiet)
            yield f"postgresql:///{DATABASE}?host={folder}&user={user}"
        finally:
            subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data),
                                            "-m", "immediate", "stop"]),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
