"""Per-document limits between the pipeline's stages: a text longer than --max-chars is refused (E105)
before the slow stages, a document that is only boilerplate is refused (E101), the batch goes on
after both; the byte limit's message names its flag and environment variable."""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner
from conftest import ANT, HTML_PAGES, SEED

from rasd.cli import main


def _ingest(*args: str):
    return CliRunner().invoke(main, ["ingest", *args, "--no-progress", "--no-resolve"], catch_exceptions=False)


def _long_line(path: Path, chars: int) -> Path:
    """One line of real ANT article texts joined by spaces, at least ``chars`` characters long."""
    parts, n = [], 0
    with open(ANT, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"].replace("\n", " ")
            parts.append(text)
            n += len(text) + 1
            if n > chars:
                break
    path.write_text(" ".join(parts), encoding="utf-8")
    return path


def test_long_document_refused_fast_and_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    long = _long_line(folder / "a_long.txt", 600_000)
    (folder / "b_seed.txt").write_bytes(SEED.read_bytes())
    db = tmp_path / "r.db"
    started = time.perf_counter()
    r = _ingest(str(folder), "--db", str(db))
    seconds = time.perf_counter() - started
    n = len(long.read_text(encoding="utf-8"))
    assert r.exit_code == 1, r.output
    assert (f"[E105] {long}: input too large: text of {n:,} characters exceeds the per-document limit "
            "of 500,000 (--max-chars / RASD_MAX_CHARS)") in r.output
    assert "1 added" in r.output and "1 failed" in r.output
    assert seconds < 20  # the seed article only; the long text never reaches extraction


def test_max_chars_flag_and_env_apply_to_html_after_cleaning(tmp_path: Path, monkeypatch) -> None:
    page = sorted(HTML_PAGES.rglob("*.html"))[0]
    r = _ingest(str(page), "--db", str(tmp_path / "h.db"), "--no-extract", "--max-chars", "200")
    assert r.exit_code == 3, r.output
    assert "[E105]" in r.output and "limit of 200 (--max-chars / RASD_MAX_CHARS)" in r.output
    monkeypatch.setenv("RASD_MAX_CHARS", "300")
    r = _ingest(str(SEED), "--db", str(tmp_path / "s.db"), "--no-extract")
    assert "limit of 300 (--max-chars" in r.output and r.exit_code == 3


def test_byte_limit_message_names_flag_and_env(tmp_path: Path) -> None:
    r = _ingest(str(SEED), "--db", str(tmp_path / "b.db"), "--max-bytes", "1000")
    assert "limit 1,000 (--max-bytes / RASD_MAX_BYTES)" in r.output
    assert "setting max_bytes" not in r.output


def test_boilerplate_only_document_refused(tmp_path: Path) -> None:
    lines = SEED.read_text(encoding="utf-8").rstrip().splitlines()
    share = next(ln for ln in lines if ln.startswith("شارك المقال"))  # the seed's share line
    assert lines[-1] == "Send this to a friend"
    only = tmp_path / "boiler.txt"
    only.write_text(f"{share}\n\n{lines[-1]}\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    db = tmp_path / "bp.db"
    r = _ingest(str(only), str(good), "--db", str(db), "--no-extract")
    assert r.exit_code == 1, r.output
    assert f"[E101] {only}: empty input: no article text after removing boilerplate" in r.output
    assert "1 added" in r.output
