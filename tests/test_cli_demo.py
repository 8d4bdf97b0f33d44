"""``rasd demo`` tells a newcomer what each output file holds and why dates are missing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rasd.cli import main


@pytest.mark.issue(2)
def test_cli_demo_explains_its_outputs(tmp_path):
    r = CliRunner().invoke(main, ["demo", "--out", str(tmp_path / "d")])
    assert r.exit_code == 0, r.output
    for name, words in (("events.jsonl", "evidence spans"), ("events.csv", "ACLED's columns"),
                        ("events.geojson", "FeatureCollection")):
        line = next(line for line in r.output.splitlines() if f"{name}:" in line)
        assert str(tmp_path / "d" / name) in line and words in line
    assert "no publication date" in r.output  # the sample's events have no dates: say why
    assert "rasd serve --db" in r.output
