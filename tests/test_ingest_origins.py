"""Inputs are identified by their absolute path: the same bad file ingested from two working
directories is one row in `errors`, and its documents carry the same origin; JSON errors read
plainly; the library's batch runner resolves by default, like `rasd ingest`."""

from __future__ import annotations

import inspect
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from conftest import SEED

from rasd.cli import main


def _ingest(*args: str):
    return CliRunner().invoke(main, ["ingest", *args, "--no-progress", "--no-extract"])


def test_same_bad_file_from_two_directories_is_one_error_row(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    bad = tmp_path / "a" / "b" / "bad.jsonl"
    bad.write_text('{"title": "no text field"}\n', encoding="utf-8")
    good = tmp_path / "a" / "b" / "good.txt"
    good.write_bytes(SEED.read_bytes())
    db = tmp_path / "r.db"
    monkeypatch.chdir(tmp_path / "a")
    first = _ingest("b/bad.jsonl", "b/good.txt", "--db", str(db))
    monkeypatch.chdir(tmp_path / "a" / "b")
    second = _ingest("bad.jsonl", "../b/good.txt", "--db", str(db))
    assert first.exit_code == second.exit_code == 1, first.output + second.output
    assert f"[E106] {bad}#L1:" in second.output  # absolute, whatever the working directory
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT origin FROM errors").fetchall()
        origins = con.execute("SELECT origin FROM documents").fetchall()
    assert rows == [(f"{bad}#L1",)]
    assert origins == [(str(good),)]
    assert "1 already stored" in second.output


def test_json_error_message_has_no_doubled_word(tmp_path: Path) -> None:
    f = tmp_path / "ctl.jsonl"
    f.write_bytes('{"text": "قصف\x01 مدينة"}\n'.encode())
    r = _ingest(str(f), "--db", str(tmp_path / "j.db"))
    assert "Invalid control character at column" in r.output
    assert "at at" not in r.output
    g = tmp_path / "ctl.json"
    g.write_bytes('[{"text": "قصف\x01"}]'.encode())
    r = _ingest(str(g), "--db", str(tmp_path / "j.db"))
    assert "Invalid control character at line 1 column" in r.output and "at at" not in r.output


def test_run_batch_resolves_by_default_like_the_cli() -> None:
    from rasd.cli.ingest import ingest_cmd
    from rasd.ingest.batch import run_batch
    from rasd.scale.dask_batch import run_batch_dask

    cli_default = next(p.default for p in ingest_cmd.params if p.name == "resolve")
    assert cli_default is True
    assert inspect.signature(run_batch).parameters["resolve"].default is cli_default
    assert inspect.signature(run_batch_dask).parameters["resolve"].default is cli_default
