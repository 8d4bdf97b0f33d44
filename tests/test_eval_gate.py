"""The evaluation gate (as trafilatura's ``eval_gate.py``): the real extractor on the real gold sets
must not fall below the floors pinned in ``eval/baseline*.json``. Lower a floor only on purpose,
with ``rasd eval GOLD --gate FILE --write-gate`` and a reason in the commit."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import EVAL, REPO

from rasd.cli import main


@pytest.mark.parametrize(
    ("gold", "gate"),
    [
        (EVAL / "seed.gold.jsonl", REPO / "eval" / "baseline_seed.json"),
        (EVAL / "dev.jsonl", REPO / "eval" / "baseline.json"),
        (REPO / "eval" / "heldout.jsonl", REPO / "eval" / "baseline_heldout.json"),
    ],
    ids=["seed", "dev", "heldout"],
)
def test_eval_gate_real_extractor_meets_floors(gold, gate):
    res = CliRunner().invoke(main, ["eval", str(gold), "--gate", str(gate)])
    assert res.exit_code == 0, res.output[-3000:]
    assert "event_f1" in res.output
