"""``rasd bench`` prints docs/s, ms per stage and peak memory for 1 and 2 workers (no timing
assertions: the figures are for people to read)."""

from __future__ import annotations

from click.testing import CliRunner

from rasd.cli import main
from rasd.scale.bench import STAGES, bench


def test_bench_rows_for_one_and_two_workers(ant_path):
    rows = bench(ant_path, limit=40, workers=(1, 2), extract=False)
    assert [r.workers for r in rows] == [1, 2]
    for r in rows:
        assert r.docs == 40 and r.failed == 0
        assert r.docs_per_second > 0 and r.docs_per_cpu_second > 0 and r.peak_main_mb > 0
        assert set(r.stage_seconds) == set(STAGES)
        assert r.stage_seconds["to_document"] > 0 and r.stage_seconds["extract"] == 0
    assert rows[0].peak_worker_mb == 0 and rows[1].peak_worker_mb > 0


def test_bench_cli_prints_the_table(ant_path):
    result = CliRunner().invoke(main, ["bench", str(ant_path), "--limit", "20", "--workers", "1", "--no-extract"])
    assert result.exit_code == 0, result.output
    assert "1 worker" in result.output
    for figure in ("docs/s", "to_document CPU ms/doc", "store write CPU ms/doc", "peak RSS main MB"):
        assert figure in result.output


def test_bench_cli_rejects_bad_worker_list(ant_path):
    result = CliRunner().invoke(main, ["bench", str(ant_path), "--workers", "one"])
    assert result.exit_code == 2 and "comma-separated integers" in result.output


def test_bench_cli_scaling_mode_has_a_column_per_size(ant_path):
    result = CliRunner().invoke(main, ["bench", str(ant_path), "--limit", "10", "--workers", "1", "--no-extract",
                                       "--scaling", "10,30"])
    assert result.exit_code == 0, result.output
    assert "scaling" in result.output
    assert "10 docs" in result.output and "30 docs" in result.output
