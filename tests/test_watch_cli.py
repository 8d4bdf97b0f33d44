"""``rasd watch`` from the command line: ``--once`` over a folder of real articles, a bad target."""

from __future__ import annotations

import json
import os
import sqlite3
import time

from click.testing import CliRunner

from rasd.cli import main


def test_watch_cli_once_then_restart(tmp_path, ant_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    old = time.time() - 60
    with ant_path.open(encoding="utf-8") as fh:
        for _ in range(3):
            rec = json.loads(next(fh))
            path = inbox / f"{rec['id']}.txt"
            path.write_text(rec["text"], encoding="utf-8")
            os.utime(path, (old, old))
    db = tmp_path / "w.db"
    runner = CliRunner()
    first = runner.invoke(main, ["watch", str(inbox), "--db", str(db), "--once"])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("3 added, 0 already stored, 0 failed")
    again = runner.invoke(main, ["watch", str(inbox), "--db", str(db), "--once"])
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("0 added, 0 already stored, 0 failed")
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (3,)
        assert con.execute("SELECT count(*) FROM watch_items WHERE status = 'done'").fetchone() == (3,)
    finally:
        con.close()


def test_watch_cli_rejects_a_target_that_is_neither_folder_nor_feed(tmp_path):
    result = CliRunner().invoke(main, ["watch", str(tmp_path / "missing"), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2  # a configuration error (docs/cli.md, exit status)
    assert "[E100]" in result.output and "not a folder or a feed URL" in result.output
