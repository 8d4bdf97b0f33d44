"""``rasd clean FILE --json`` prints one JSON object per kept segment (``--all``: dropped ones too)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import HTML_PAGES, SEED

from rasd.cli.clean import clean_cmd


def _run(*args):
    result = CliRunner().invoke(clean_cmd, list(args))
    return result, [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_clean_cli_seed_kept_segments():
    result, rows = _run(str(SEED), "--json")
    assert result.exit_code == 0, result.output
    text = SEED.read_text(encoding="utf-8")
    assert {r["kind"] for r in rows} <= {"article", "title"}
    assert sum(r["kind"] == "article" for r in rows) == 3
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]


def test_clean_cli_all_includes_dropped():
    _, rows = _run(str(SEED), "--json", "--all")
    kinds = [r["kind"] for r in rows]
    assert "teaser" in kinds and "boilerplate" in kinds


def test_clean_cli_html_page():
    result, rows = _run(str(HTML_PAGES / "websegmentation" / "newHTMLfull1" / "2.html"), "--json")
    assert result.exit_code == 0
    assert rows[0]["kind"] == "title" and "تونس" in rows[0]["text"]


def test_clean_cli_bad_input_exit_code(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(clean_cmd, [str(empty)])
    assert result.exit_code == 3
    assert "E101" in result.output


@pytest.mark.issue(2)
def test_clean_cli_without_json_prints_readable_segments():
    result = CliRunner().invoke(clean_cmd, [str(SEED)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("== 000_8dbeb5ba9d9aad17 (") and not any(line.startswith("{") for line in lines)
    text = SEED.read_text(encoding="utf-8")
    first = next(line for line in lines if line.startswith("[article "))
    start, end = map(int, first.split(" ", 2)[1].rstrip("]").split("-"))
    assert first == f"[article {start}-{end}] {text[start:end].splitlines()[0]}"
