"""Users extend the actor and trigger lexicons from their own folder (``RASD_KNOWLEDGE_DIR``), which
an upgrade of the package does not replace; a folder that does not exist stops the run once."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ANT

# The package ships "Settlers (Israel)"; a user's more specific local actor (a longer alias) wins over it.
LOCAL = "Stone-throwing Settlers (Israel)\t4\tgroup\tمستوطنون اسرائيليون بالحجارة\n"


def _article(tmp_path):
    """SkyNews, 13 Oct 2018: Israeli settlers stone a Palestinian car near Nablus; a woman dies."""
    with ANT.open(encoding="utf-8") as fh:
        line = next(x for x in fh if "مقتل أم فلسطينية رشقها مستوطنون" in x)
    path = tmp_path / "settlers.jsonl"
    path.write_text(line, encoding="utf-8")
    return path


def _extract(src, out, knowledge_dir=None):
    env = {k: v for k, v in os.environ.items() if k != "RASD_KNOWLEDGE_DIR"}
    if knowledge_dir is not None:
        env["RASD_KNOWLEDGE_DIR"] = str(knowledge_dir)
    cmd = [sys.executable, "-m", "rasd.cli", "extract", str(src), "-o", str(out)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)


def _actors(path):
    return [(e["actor1"], e["actor2"]) for e in map(json.loads, path.read_text(encoding="utf-8").splitlines())]


def test_extract_reads_actor_aliases_from_the_users_folder(tmp_path):
    src = _article(tmp_path)
    mine = tmp_path / "knowledge"
    mine.mkdir()
    (mine / "actors_local.tsv").write_text(LOCAL, encoding="utf-8")
    plain, extended = tmp_path / "plain.jsonl", tmp_path / "extended.jsonl"
    assert _extract(src, plain).returncode == 0
    assert _extract(src, extended, mine).returncode == 0
    assert ("Settlers (Israel)", "Civilians (Palestine)") in _actors(plain)
    assert all("Stone-throwing Settlers (Israel)" not in pair for pair in _actors(plain))
    assert ("Stone-throwing Settlers (Israel)", "Civilians (Palestine)") in _actors(extended)


def test_extract_stops_once_when_the_users_folder_is_missing(tmp_path):
    res = _extract(_article(tmp_path), tmp_path / "out.jsonl", tmp_path / "no-such-folder")
    assert res.returncode == 2
    assert "[E300]" in res.stderr and "no-such-folder" in res.stderr and "RASD_KNOWLEDGE_DIR" in res.stderr
