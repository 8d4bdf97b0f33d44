"""``rasd geocode`` prints places, candidates and the choice; ``rasd gazetteer info`` counts entries."""

from __future__ import annotations

import json

from click.testing import CliRunner

from rasd.cli import main


def test_geo_cli_geocode_prints_choice_and_candidates() -> None:
    res = CliRunner().invoke(main, ["geocode", "تفجير عبوة ناسفة قرب جسر مدينة الميادين شرق دير الزور"])
    assert res.exit_code == 0, res.output
    assert "Al Mayadin (Syria / Deir-ez-Zor / Al Mayadin / Al Mayadin) precision 1" in res.output
    assert "why:" in res.output and "also:" in res.output


def test_geo_cli_geocode_json_and_stdin() -> None:
    res = CliRunner().invoke(main, ["geocode", "--json"], input="هجوم بالقرب من بلدة ذيبان")
    assert res.exit_code == 0, res.output
    place = json.loads(res.output.splitlines()[0])
    assert place["admin3"] == "Thiban" and place["geo_precision"] == 2 and place["span"]["start"] == 20


def test_geo_cli_geocode_empty_is_usage_error() -> None:
    res = CliRunner().invoke(main, ["geocode", "  "])
    assert res.exit_code == 2


def test_geo_cli_gazetteer_info() -> None:
    res = CliRunner().invoke(main, ["gazetteer", "info"])
    assert res.exit_code == 0 and "entries" in res.output and "Syria" in res.output


def test_geo_cli_docs_cover_every_option() -> None:
    """docs/geo.md documents rasd geocode and rasd gazetteer build/info with every option."""
    from pathlib import Path

    from rasd.cli.gazetteer import build_cmd, info_cmd
    from rasd.cli.geocode import geocode_cmd

    doc = (Path(__file__).resolve().parents[1] / "docs" / "geo.md").read_text(encoding="utf-8")
    assert "## `rasd geocode" in doc and "rasd gazetteer build" in doc and "rasd gazetteer info" in doc
    for cmd in (geocode_cmd, build_cmd, info_cmd):
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("-") and opt not in ("-h", "--help"):
                    assert f"`{opt}" in doc, (cmd.name, opt)
