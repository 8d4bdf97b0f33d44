"""``rasd ingest`` / ``export`` / ``stats`` / ``demo`` end to end on real corpora and real SQLite."""

from __future__ import annotations

import csv
import itertools
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ANT, HTML_PAGES, SEED

from rasd.cli import main
from rasd.export import ACLED_COLUMNS


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def ant_slice(path: Path, n: int, start: int = 0) -> Path:
    with open(ANT, encoding="utf-8") as fh:
        path.write_text("".join(itertools.islice(fh, start, start + n)), encoding="utf-8")
    return path


def documents(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT id, hash FROM documents").fetchall())
    finally:
        conn.close()


def test_cli_ingest_then_reingest_adds_nothing(tmp_path):
    src = ant_slice(tmp_path / "ant.jsonl", 40)
    db = tmp_path / "rasd.db"
    r = run("ingest", str(src), "--db", str(db), "--no-extract")
    assert r.exit_code == 0 and "40 added, 0 already stored, 0 failed" in r.output
    first = run("stats", "--db", str(db), "--json")
    r = run("ingest", str(src), "--db", str(db))  # with extraction: still nothing to do
    assert r.exit_code == 0 and "0 added, 40 already stored" in r.output
    assert run("stats", "--db", str(db), "--json").output == first.output
    stats = json.loads(first.output)
    assert stats["documents"] == 40 and stats["errors"] == 0


def test_cli_ingest_exit_codes(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(SEED, good / "seed.txt")
    assert run("ingest", str(good), "--db", str(tmp_path / "a.db")).exit_code == 0

    some = tmp_path / "some"
    shutil.copytree(good, some)
    (some / "empty.txt").write_bytes(b"")
    r = run("ingest", str(some), "--db", str(tmp_path / "b.db"))
    assert r.exit_code == 1 and f"[E101] {some / 'empty.txt'}: empty input" in r.output

    bad = tmp_path / "bad"
    bad.mkdir()
    for i in range(10):
        (bad / f"{i}.txt").write_bytes(b"\x00\x01binary" * 10)
    shutil.copy(SEED, bad / "z.txt")
    r = run("ingest", str(bad), "--db", str(tmp_path / "c.db"))
    assert r.exit_code == 3 and r.output.count("[E102]") == 10 and "1 added" in r.output


def test_cli_ingest_stdin(tmp_path):
    r = run("ingest", "-", "--db", str(tmp_path / "rasd.db"), "--no-extract", input=SEED.read_bytes())
    assert r.exit_code == 0 and "1 added" in r.output


def test_cli_ingest_html_pages_with_duplicate_names(tmp_path):
    """websegmentation has 12.html, 18.html ... in several folders: each page keeps its own id."""
    pages = tmp_path / "pages"
    folders = sorted(p for p in (HTML_PAGES / "websegmentation").iterdir() if p.is_dir())
    for folder in folders[:2]:
        for name in ("12.html", "18.html"):
            (pages / folder.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / name, pages / folder.name / name)
    db = tmp_path / "rasd.db"
    r = run("ingest", str(pages), "--db", str(db), "--no-extract")
    ids = [i for i, _ in documents(db)]
    assert len(ids) + r.output.count("[E") == 4
    assert len(ids) >= 3 and len(set(ids)) == len(ids)
    assert {i.split("~")[0] for i in ids} <= {"12", "18"}


def test_cli_scheduler_needs_dask_engine(tmp_path):
    r = run("ingest", str(SEED), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:8786")
    assert r.exit_code == 2 and "--engine dask" in r.output


def test_cli_bad_database_is_one_line_error(tmp_path):
    db = tmp_path / "notes.db"
    shutil.copy(SEED, db)
    r = run("stats", "--db", str(db))
    assert r.exit_code == 2 and "cannot open as a rasd database" in r.output and "Traceback" not in r.output


def test_cli_export_every_format(tmp_path):
    db = tmp_path / "rasd.db"
    run("ingest", str(ant_slice(tmp_path / "ant.jsonl", 40)), "--db", str(db))
    n = json.loads(run("stats", "--db", str(db), "--json").output)["events"]
    assert n > 0
    out = {}
    for fmt in ("jsonl", "csv", "acled-csv", "geojson"):
        path = tmp_path / f"events.{fmt}"
        r = run("export", "--format", fmt, "--db", str(db), "-o", str(path))
        assert r.exit_code == 0, r.output
        out[fmt] = path.read_text(encoding="utf-8")
    assert len(out["jsonl"].splitlines()) == n
    rows = list(csv.DictReader(out["acled-csv"].splitlines()))
    assert len(rows) == n and list(rows[0]) == list(ACLED_COLUMNS)
    assert len(list(csv.DictReader(out["csv"].splitlines()))) == n
    fc = json.loads(out["geojson"])
    with_coords = sum(1 for line in out["jsonl"].splitlines() if json.loads(line)["latitude"] is not None)
    assert len(fc["features"]) == with_coords
    stdout = run("export", "--format", "jsonl", "--db", str(db), "--event-type", "Battles").output
    assert stdout and all(json.loads(line)["event_type"] == "Battles" for line in stdout.splitlines())


def test_cli_demo(tmp_path):
    out = tmp_path / "demo"
    r = run("demo", "--out", str(out))
    assert r.exit_code == 0, r.output
    for name in ("rasd.db", "events.jsonl", "events.csv", "events.geojson"):
        assert (out / name).exists() and str(out / name) in r.output
    n = len((out / "events.jsonl").read_text(encoding="utf-8").splitlines())
    assert n > 0 and f"{n} events from the sample article" in r.output
    with open(out / "events.csv", encoding="utf-8") as fh:
        assert csv.DictReader(fh).fieldnames == list(ACLED_COLUMNS)


def test_cli_every_command_has_example_in_help():
    for cmd in ("ingest", "export", "stats", "demo"):
        r = run(cmd, "--help")
        assert r.exit_code == 0 and "Example: rasd " + cmd in r.output


def _ingest_cmd(src: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "rasd.cli", "ingest", str(src), "--db", str(db), "--no-progress", *extra]


def test_cli_interrupted_batch_resumes_to_same_documents(tmp_path):
    """Kill ``rasd ingest`` (SIGKILL: no clean-up at all) mid-run on 300 ANT articles, re-run it:
    the database ends with exactly the documents of an uninterrupted run."""
    src = ant_slice(tmp_path / "ant300.jsonl", 300, 1000)
    killed_db = tmp_path / "killed.db"
    proc = subprocess.Popen(_ingest_cmd(src, killed_db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if killed_db.exists():
                try:
                    stored = len(documents(killed_db))
                except sqlite3.OperationalError:
                    stored = 0
                if stored >= 30:
                    break
            time.sleep(0.05)
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    partial = documents(killed_db)
    assert 30 <= len(partial) < 300
    rerun = subprocess.run(_ingest_cmd(src, killed_db), capture_output=True, text=True, timeout=300)
    assert rerun.returncode in (0, 1), rerun.stderr  # 1: inputs the pipeline rejects (printed, recorded)
    assert f" added, {len(partial)} already stored" in rerun.stderr

    clean_db = tmp_path / "clean.db"
    once = subprocess.run(_ingest_cmd(src, clean_db), capture_output=True, text=True, timeout=300)
    assert once.returncode == rerun.returncode, once.stderr
    assert documents(killed_db) == documents(clean_db) and len(documents(clean_db)) > 250
    events = "SELECT id, event_type, sub_event_type, fatalities FROM events ORDER BY id"
    a, b = sqlite3.connect(killed_db), sqlite3.connect(clean_db)
    try:
        assert a.execute(events).fetchall() == b.execute(events).fetchall()
    finally:
        a.close()
        b.close()


@pytest.mark.slow
def test_cli_full_ant_corpus_twice(tmp_path):
    db = tmp_path / "rasd.db"
    first = subprocess.run(_ingest_cmd(ANT, db), capture_output=True, text=True, timeout=3600)
    assert first.returncode in (0, 1), first.stderr
    n = len(documents(db))
    assert n > 8000
    second = subprocess.run(_ingest_cmd(ANT, db), capture_output=True, text=True, timeout=3600)
    assert "0 added" in second.stderr and len(documents(db)) == n


def test_cli_docs_cover_every_option():
    """docs/cli.md documents each of these commands and every one of their options."""
    from rasd.cli import demo, export, ingest, stats

    doc = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for cmd in (ingest.ingest_cmd, export.export_cmd, stats.stats_cmd, demo.demo_cmd):
        assert f"## `rasd {cmd.name}" in doc
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("-") and opt not in ("-h", "--help"):
                    assert f"`{opt}" in doc or f"{opt}`" in doc or f", {opt}" in doc, (cmd.name, opt)


def test_cli_ingest_folder_holding_its_own_database(tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    db = tmp_path / "rasd.db"
    assert run("ingest", str(tmp_path), "--db", str(db), "--no-extract").exit_code == 0
    r = run("ingest", str(tmp_path), "--db", str(db), "--no-extract")  # rasd.db, -wal, -shm now exist
    assert r.exit_code == 0 and "0 added, 1 already stored, 0 failed" in r.output
