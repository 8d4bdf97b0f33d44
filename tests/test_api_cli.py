"""`rasd serve` as a command: loopback by default, a one-line error for a missing database."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rasd.cli import main


def test_api_cli_serve_defaults_to_loopback():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "RASD_TOKEN" in result.output and "Example:" in result.output


def test_api_cli_serve_missing_database_is_one_line(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)], env={"RASD_TOKEN": ""})
    assert result.exit_code == 2  # configuration error (docs/cli.md)
    assert "database not found" in result.output and "Traceback" not in result.output
    assert not missing.exists()
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("not a database", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(not_sqlite), "--token", "t"])
    assert result.exit_code == 2 and "cannot open database" in result.output, result.output
    result = CliRunner().invoke(main, ["serve", "--db", str(not_sqlite)], env={"RASD_TOKEN": ""})
    assert result.exit_code == 2 and "not a rasd database" in result.output, result.output


def test_api_docs_cover_every_option_and_route(tmp_path):
    """docs/api.md documents each `rasd serve` option and every API route."""
    from rasd.api import create_app
    from rasd.cli.serve import serve_cmd

    doc = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    for param in serve_cmd.params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert opt in doc, opt
    app = create_app(tmp_path / "docs.db", token="t")
    for route in app.routes:
        path = getattr(route, "path", "")
        if path.startswith("/api/"):
            assert f"`{next(iter(route.methods))} {path}`" in doc, path
