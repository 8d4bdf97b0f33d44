"""``rasd eval`` on a predictions file, and the gate: floors, gold hash, --write-gate."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import EVAL

from rasd.cli import main

GOLD = EVAL / "dev.jsonl"


def _write_preds(path, drop_first=False):
    with path.open("w", encoding="utf-8") as fh:
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            events = d["events"][1:] if drop_first and len(d["events"]) > 1 else d["events"]
            for ev in events:
                fh.write(json.dumps({**ev, "doc_id": d["doc_id"]}, ensure_ascii=False) + "\n")


def test_eval_cli_prints_metrics_and_misses(tmp_path):
    pred = tmp_path / "pred.jsonl"
    _write_preds(pred, drop_first=True)
    res = CliRunner().invoke(main, ["eval", str(GOLD), "--pred", str(pred)])
    assert res.exit_code == 0, res.output
    assert "event_recall" in res.output and "MISS" in res.output
    res = CliRunner().invoke(main, ["eval", str(GOLD), "--pred", str(pred), "--json"])
    report = json.loads(res.output)
    assert report["metrics"]["event_precision"] == 1.0 and report["metrics"]["event_recall"] < 1.0


def test_eval_cli_gate_fails_below_floor_and_on_changed_gold(tmp_path):
    runner = CliRunner()
    good, worse, gate = tmp_path / "good.jsonl", tmp_path / "worse.jsonl", tmp_path / "gate.json"
    _write_preds(good)
    _write_preds(worse, drop_first=True)
    res = runner.invoke(main, ["eval", str(GOLD), "--pred", str(good), "--gate", str(gate), "--write-gate"])
    assert res.exit_code == 0, res.output
    assert json.loads(gate.read_text())["floors"]["event_f1"] == 1.0
    assert runner.invoke(main, ["eval", str(GOLD), "--pred", str(good), "--gate", str(gate)]).exit_code == 0
    res = runner.invoke(main, ["eval", str(GOLD), "--pred", str(worse), "--gate", str(gate)])
    assert res.exit_code == 1 and "event_recall" in res.output and "below floor" in res.output
    data = json.loads(gate.read_text())
    data["gold_sha256"] = "0" * 64
    gate.write_text(json.dumps(data))
    res = runner.invoke(main, ["eval", str(GOLD), "--pred", str(good), "--gate", str(gate)])
    assert res.exit_code == 1 and "gold file changed" in res.output


def test_eval_cli_runs_the_extractor_and_saved_predictions_score_the_same(tmp_path):
    saved = tmp_path / "pred.jsonl"
    runner = CliRunner()
    res = runner.invoke(main, ["eval", str(GOLD), "--json", "--save-pred", str(saved)])
    assert res.exit_code in (0, 1), res.output  # 1 only when some document failed to process
    direct = json.loads(res.output[res.output.index("{"):])
    again = json.loads(runner.invoke(main, ["eval", str(GOLD), "--pred", str(saved), "--json"]).output)
    assert direct["metrics"] == again["metrics"]
    assert direct["metrics"]["documents"] == 60
