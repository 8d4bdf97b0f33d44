"""Folders: an empty folder is an error, links to folders are followed, link loops end with an error."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import HTML_PAGES

from rasd.cli import main
from rasd.errors import InputError
from rasd.ingest import iter_sources
from rasd.model import Source

BBC = HTML_PAGES / "omnivore" / "bbc-arabic" / "source.html"


@pytest.mark.issue(2)
def test_ingest_empty_folder_is_reported(tmp_path):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / ".hidden.html").write_bytes(BBC.read_bytes())
    [err] = list(iter_sources([tmp_path / "inbox"]))
    assert isinstance(err, InputError) and err.code == "E101" and "no input files" in err.detail
    r = CliRunner().invoke(main, ["ingest", str(tmp_path / "inbox"), "--db", str(tmp_path / "r.db")])
    assert r.exit_code == 3 and "[E101]" in r.output


@pytest.mark.issue(2)
def test_ingest_follows_link_to_folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(BBC, data / "bbc.html")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "linked").symlink_to(data, target_is_directory=True)
    [s] = list(iter_sources([inputs]))
    assert isinstance(s, Source) and s.origin == str(inputs / "linked" / "bbc.html")


@pytest.mark.issue(2)
def test_ingest_symlink_loop_ends_with_one_error_each(tmp_path):
    top = tmp_path / "top"
    (top / "sub").mkdir(parents=True)
    shutil.copy(BBC, top / "bbc.html")
    (top / "sub" / "up").symlink_to(top, target_is_directory=True)
    (top / "self").symlink_to(top, target_is_directory=True)
    items = list(iter_sources([top]))
    assert [type(i).__name__ for i in items] == ["Source", "InputError", "InputError"]
    assert {i.origin for i in items[1:]} == {str(top / "self"), str(top / "sub" / "up")}
    assert all("symbolic link loop" in i.detail for i in items[1:])
