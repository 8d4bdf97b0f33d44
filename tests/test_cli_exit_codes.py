"""Usage and configuration errors exit 2 with one line and no traceback (docs/cli.md, exit status):
a port in use, an unwritable output, a file that is not a database, an unreachable Dask scheduler,
a missing watch folder; the summary line counts "1 input", not "1 inputs"."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED

from rasd.cli import main
from rasd.store import Store


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "rasd.db"
    Store(path).close()
    return path


def test_serve_port_in_use_exits_2(db: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        r = run("serve", "--db", str(db), "--port", str(port))
    assert r.exit_code == 2, r.output
    assert f"cannot bind 127.0.0.1:{port}" in r.output and "Traceback" not in r.output


def test_serve_file_that_is_not_a_database_exits_2(tmp_path: Path) -> None:
    fake = tmp_path / "notes.db"
    shutil.copy(SEED, fake)
    r = run("serve", "--db", str(fake))
    assert r.exit_code == 2 and "not a rasd database" in r.output


def test_unwritable_output_exits_2(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "out.csv"
    r = run("export", "--db", str(db), "-o", str(missing))
    assert r.exit_code == 2 and "cannot write" in r.output
    r = run("extract", str(SEED), "-o", str(missing))
    assert r.exit_code == 2 and "cannot write" in r.output and "Traceback" not in r.output


def test_ingest_into_a_file_that_is_not_a_database_exits_2(tmp_path: Path) -> None:
    fake = tmp_path / "notes.db"
    shutil.copy(SEED, fake)
    r = run("ingest", str(SEED), "--db", str(fake), "--no-progress")
    assert r.exit_code == 2 and "cannot open as a rasd database" in r.output


def test_watch_missing_folder_exits_2(tmp_path: Path) -> None:
    r = run("watch", str(tmp_path / "missing"), "--once", "--db", str(tmp_path / "w.db"))
    assert r.exit_code == 2 and "not a folder or a feed URL" in r.output


def test_unreachable_dask_scheduler_is_one_line_exit_2(tmp_path: Path) -> None:
    env = {**os.environ, "RASD_CONNECT_TIMEOUT": "2"}
    started = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "rasd.cli", "ingest", str(SEED), "--db", str(tmp_path / "d.db"),
                        "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--no-progress"],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2, r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:1 within 2 s" in lines[0]
    assert time.monotonic() - started < 20


def test_summary_says_one_input(tmp_path: Path) -> None:
    r = run("ingest", str(SEED), "--db", str(tmp_path / "one.db"), "--no-progress", "--no-extract")
    assert r.exit_code == 0
    assert "(1 input in" in r.output
    r = run("extract", str(tmp_path / "missing.txt"))
    assert "1 input, 1 failed, 0 events" in r.output
