"""`rasd serve` as a command: loopback by default, a one-line error for a missing database."""

from __future__ import annotations

from click.testing import CliRunner

from rasd.cli import main


def test_api_cli_serve_defaults_to_loopback():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "RASD_TOKEN" in result.output and "Example:" in result.output


def test_api_cli_serve_missing_database_is_one_line(tmp_path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)], env={"RASD_TOKEN": ""})
    assert result.exit_code == 1
    assert "database not found" in result.output and "Traceback" not in result.output
    assert not missing.exists()
