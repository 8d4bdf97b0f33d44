"""A broken knowledge file stops a batch once (exit 2, one line naming file and line, nothing recorded
against the inputs) in ingest, extract, watch, Dask and the API POST; a code bug inside processing is
recorded per input as E200 with its type and message, and its traceback is printed once.

The broken file lives in a copy of the package (``tmp_path/pkg/rasd``) run in a subprocess, so the
shared tree's data folder is never touched.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ANT, REPO

BROKEN_LINE = "a line with no tabs at all"


@pytest.fixture(scope="module")
def broken_pkg(tmp_path_factory) -> Path:
    """A copy of the rasd package whose ``data/actors_local.tsv`` has one malformed line."""
    root = tmp_path_factory.mktemp("pkg")
    shutil.copytree(REPO / "src" / "rasd", root / "rasd", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "rasd" / "data" / "actors_local.tsv").write_text(BROKEN_LINE + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def buggy_pkg(tmp_path_factory) -> Path:
    """A copy of the rasd package whose extraction has a code bug (a name that does not exist)."""
    root = tmp_path_factory.mktemp("bug")
    shutil.copytree(REPO / "src" / "rasd", root / "rasd", ignore=shutil.ignore_patterns("__pycache__"))
    with open(root / "rasd" / "extract" / "__init__.py", "a", encoding="utf-8") as fh:
        fh.write("\n\ndef extract_events(doc, segs):\n    return no_such_name  # noqa: F821\n")
    return root


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """Six real ANT articles, as a JSON Lines file."""
    folder = tmp_path_factory.mktemp("in")
    with open(ANT, encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(6)]
    (folder / "ant6.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder


def _run(pkg: Path, *args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(pkg)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)


def _errors(db: Path) -> int:
    """Rows in the database's ``errors`` table (0 when the batch stopped before creating it)."""
    if not db.exists():
        return 0
    with sqlite3.connect(db) as con:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'errors'").fetchone():
            return 0
        return con.execute("SELECT count(*) FROM errors").fetchone()[0]


def _one_line(stderr: str) -> None:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    hits = [ln for ln in lines if "actors_local.tsv:1" in ln]
    assert len(hits) == 1, stderr
    assert "[E200]" not in stderr and "Traceback" not in stderr, stderr
    assert "[E300]" in hits[0]


def test_ingest_stops_once_on_broken_knowledge(broken_pkg: Path, inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    r = _run(broken_pkg, "-m", "rasd.cli", "ingest", str(inputs), "--db", str(db), "--no-progress")
    assert r.returncode == 2, r.stderr
    _one_line(r.stderr)
    assert _errors(db) == 0


def test_code_bug_is_recorded_per_input_with_one_traceback(buggy_pkg: Path, inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    r = _run(buggy_pkg, "-m", "rasd.cli", "ingest", str(inputs), "--db", str(db), "--no-progress")
    assert r.returncode == 3, r.stderr  # every input failed
    assert r.stderr.count("Traceback (most recent call last)") == 1
    assert "bug in rasd" in r.stderr
    assert r.stderr.count("[E200]") == 6
    with sqlite3.connect(db) as con:
        reasons = [row[0] for row in con.execute("SELECT reason FROM errors")]
    assert len(reasons) == 6
    assert all("NameError: name 'no_such_name' is not defined" in x for x in reasons)


def test_extract_and_watch_stop_once_on_broken_knowledge(broken_pkg: Path, inputs: Path, tmp_path: Path) -> None:
    r = _run(broken_pkg, "-m", "rasd.cli", "extract", str(inputs), "-o", str(tmp_path / "ev.jsonl"))
    assert r.returncode == 2, r.stderr
    _one_line(r.stderr)
    db = tmp_path / "w.db"
    r = _run(broken_pkg, "-m", "rasd.cli", "watch", str(inputs), "--once", "--db", str(db), "--no-resolve")
    assert r.returncode == 2, r.stderr
    _one_line(r.stderr)
    assert _errors(db) == 0


def test_api_post_answers_503_once_and_records_nothing(broken_pkg: Path, tmp_path: Path) -> None:
    db = tmp_path / "api.db"
    with open(ANT, encoding="utf-8") as fh:
        text = json.loads(fh.readline())["text"]
    script = (
        "import json, sys\n"
        "from fastapi.testclient import TestClient\n"
        "from rasd.api import create_app\n"
        f"c = TestClient(create_app({str(db)!r}, token='t'))\n"
        f"r = c.post('/api/documents', json=[{{'text': {text!r}}}, {{'text': {text[::-1]!r}}}],"
        " headers={'Authorization': 'Bearer t'})\n"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))\n"
    )
    r = _run(broken_pkg, "-c", script)
    out = json.loads(r.stdout.strip().splitlines()[-1])
    assert out["status"] == 503, out
    assert "actors_local.tsv:1" in out["body"]["error"]["message"]
    assert out["body"]["error"]["code"] == "configuration_error"
    assert _errors(db) == 0


def test_dask_batch_stops_on_broken_knowledge(broken_pkg: Path, inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    script = (
        "from rasd.errors import KnowledgeError\n"
        "from rasd.scale.dask_batch import run_batch_dask\n"
        "try:\n"
        f"    run_batch_dask([{str(inputs)!r}], {str(db)!r}, n_workers=1, resolve=False)\n"
        "except KnowledgeError as e:\n"
        "    print('STOPPED', e.path, e.line)\n"
    )
    r = _run(broken_pkg, "-c", script, timeout=180)
    assert "STOPPED" in r.stdout and "actors_local.tsv 1" in r.stdout, r.stdout + r.stderr
    assert "[E200]" not in r.stderr
    assert _errors(db) == 0


def test_knowledge_error_pickles_for_dask_workers() -> None:
    import pickle

    from rasd.errors import KnowledgeError

    err = pickle.loads(pickle.dumps(KnowledgeError("data/actors_local.tsv", 3, "expected 4-5 columns")))
    assert (err.path, err.line, str(err)) == ("data/actors_local.tsv", 3, "[E300] data/actors_local.tsv:3: expected 4-5 columns")


def test_bad_setting_is_a_configuration_error(inputs: Path, tmp_path: Path) -> None:
    env = {**os.environ, "RASD_MAX_CHARS": "lots"}
    r = subprocess.run([sys.executable, "-m", "rasd.cli", "ingest", str(inputs), "--db", str(tmp_path / "s.db"),
                        "--no-progress"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 2
    assert "RASD_MAX_CHARS='lots'" in r.stderr and "[E200]" not in r.stderr


def test_code_bug_recorded_with_type_and_traceback_shown_once(inputs: Path) -> None:
    from rasd.ingest.batch import run_batch
    from rasd.ingest.progress import Plain
    from rasd.pipeline import process
    from rasd.store import Store

    def buggy(source, extract=True):  # a real bug after real processing: a missing key
        processed = process(source, extract=False)
        return {"segments": processed.segments}["events"]

    out = io.StringIO()
    with Store() as store:
        r = run_batch([inputs], store, extract=False, process_fn=buggy, display=Plain(out, every=3600))
        rows = store.conn.execute("SELECT code, reason FROM errors").fetchall()
    assert r.failed == 6
    assert {code for code, _ in rows} == {"E200"}
    assert all("KeyError: 'events'" in reason for _, reason in rows)
    printed = out.getvalue()
    assert printed.count("Traceback (most recent call last)") == 1
    assert "bug in rasd" in printed and "buggy" in printed
    assert printed.count("[E200]") == 6
