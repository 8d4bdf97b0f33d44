"""``rasd export`` filters: country by any known name, event type in any case, checked dates, bad output path;
the ACLED CSV knows every country rasd can code."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import REPO
from test_store_db import seed_processed

from rasd.cli import main
from rasd.export.acled import countries
from rasd.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "rasd.db"
    with Store(path) as store, store.atomic():
        store.add_processed(seed_processed())
    return str(path)


def export(*args):
    return CliRunner().invoke(main, ["export", *args])


@pytest.mark.issue(2)
@pytest.mark.parametrize("name", ["Syria", "syria", "SYR", "سوريا"])
def test_export_country_any_known_name(db, name):
    r = export("--db", db, "--country", name)
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert rows and all(row["country"] == "Syria" for row in rows)


@pytest.mark.issue(2)
def test_export_event_type_any_case_and_unknown_listed(db):
    r = export("--db", db, "--event-type", "battles")
    assert r.exit_code == 0 and all(json.loads(line)["event_type"] == "Battles" for line in r.output.splitlines())
    bad = export("--db", db, "--event-type", "war")
    assert bad.exit_code == 2 and "Violence against civilians" in bad.output


@pytest.mark.issue(2)
@pytest.mark.parametrize("value", ["08/01/2019", "2019-08", "2019-02-30"])
def test_export_rejects_malformed_dates(db, value):
    r = export("--db", db, "--since", value)
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


@pytest.mark.issue(2)
def test_export_unwritable_output_is_one_line(db, tmp_path):
    r = export("--db", db, "-o", str(tmp_path / "missing" / "x.csv"))
    assert r.exit_code == 2 and "cannot write" in r.output and "Traceback" not in r.output


@pytest.mark.issue(2)
def test_export_acled_knows_every_country_rasd_codes():
    """Every country in the gazetteer's and the extractor's country files has ISO codes and a region."""
    known = {c.name for c in countries().values()}
    for name in ("countries.tsv", "cues_countries.tsv"):
        lines = (REPO / "src" / "rasd" / "data" / name).read_text(encoding="utf-8").splitlines()
        coded = {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}
        assert coded <= known, (name, sorted(coded - known))
