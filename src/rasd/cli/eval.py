"""``rasd eval``: score extracted (or given) events against a gold file, optionally against a gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from rasd.errors import RasdError


def _describe(ev: dict[str, Any]) -> str:
    place = "/".join(str(ev.get(k)) for k in ("country", "admin1", "admin2") if ev.get(k)) or "?"
    actors = " vs ".join(a for a in (ev.get("actor1"), ev.get("actor2")) if a) or "?"
    evidence = " ".join(str(ev.get("evidence") or "").split())
    if len(evidence) > 90:
        evidence = evidence[:90] + "…"
    return (f"{ev.get('event_type')} / {ev.get('sub_event_type')} @ {place} {ev.get('event_date')} "
            f"fat={ev.get('fatalities') or 0} [{actors}] «{evidence}»")


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _print_report(report: Any) -> None:
    for doc in report.docs:
        if doc.ok:
            continue
        click.echo(f"\n{doc.doc_id}  gold {doc.gold_events}, system {doc.system_events}, "
                   f"matched {doc.matched}" + (f" (+{doc.optional_matched} optional)" if doc.optional_matched
                                               else ""))
        for ev in doc.misses:
            click.echo(f"  MISS   {_describe(ev)}")
        for ev in doc.false_events:
            click.echo(f"  FALSE  {_describe(ev)}")
        for mm in doc.mismatches:
            click.echo(f"  ≠ {mm.field} (gold #{mm.gold_index}): gold {mm.gold!r}, system {mm.system!r}")
        if doc.gold_events and doc.gold_fatalities != doc.system_fatalities:
            click.echo(f"  ≠ fatalities total: gold {doc.gold_fatalities}, system {doc.system_fatalities}")
    if report.unknown_docs:
        click.echo(f"\npredictions for {len(report.unknown_docs)} documents not in the gold file were ignored")
    click.echo("\nmetrics")
    for name, value in report.metrics.items():
        click.echo(f"  {name:28s} {_fmt(value)}")


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this predictions JSONL (events with doc_id) instead of running the extractor.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder holding the corpora the gold file refers to (default: GOLD/../../data).")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--gate", type=click.Path(dir_okay=False, path_type=Path),
              help="Gate file of metric floors and the gold sha256; exit 1 when a metric is below its floor.")
@click.option("--write-gate", is_flag=True, help="Record the current figures as the floors in --gate.")
@click.option("--save-pred", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the extractor's events to this JSONL file.")
def eval_cmd(gold: Path, pred: Path | None, data_dir: Path | None, as_json: bool, gate: Path | None,
             write_gate: bool, save_pred: Path | None) -> None:
    """Score events against GOLD (a gold JSONL in the ../shared/eval format).

    Without --pred, runs segment + extract_events on every gold text.

    Example: rasd eval ../shared/eval/dev.jsonl --gate eval/baseline.json
    """
    from rasd.eval.gate import check_gate
    from rasd.eval.gate import write_gate as record_gate
    from rasd.eval.gold import load_gold
    from rasd.eval.predictions import load_predictions, run_extractor
    from rasd.eval.score import score

    if write_gate and gate is None:
        raise click.UsageError("--write-gate needs --gate FILE")
    failed: list[tuple[str, Exception]] = []
    try:
        docs = load_gold(gold, data_dir)
        if pred is not None:
            predictions = load_predictions(pred)
        else:
            try:
                predictions = run_extractor(docs, on_error=lambda d, e: failed.append((d, e)))
            except ImportError as exc:
                raise click.ClickException(f"extractor not available ({exc}); use --pred FILE") from exc
    except RasdError as exc:
        raise click.ClickException(str(exc)) from exc
    if save_pred is not None:
        with save_pred.open("w", encoding="utf-8") as fh:
            for doc_id, events in predictions.items():
                for ev in events:
                    fh.write(json.dumps({**ev, "doc_id": ev.get("doc_id") or doc_id}, ensure_ascii=False) + "\n")
    report = score(docs, predictions)
    if as_json:
        out = report.to_dict()
        out["errors"] = [{"doc_id": d, "reason": str(e)} for d, e in failed]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
    else:
        _print_report(report)
        for doc_id, exc in failed:
            click.echo(f"[E200] {doc_id}: processing failed: {type(exc).__name__}: {exc}", err=True)
    code = 1 if failed else 0
    if gate is not None:
        if write_gate:
            record_gate(gate, report, gold)
            click.echo(f"gate written: {gate}", err=True)
        else:
            if not gate.exists():
                raise click.ClickException(f"gate file {gate} not found (create it with --write-gate)")
            breaches = check_gate(gate, report, gold)
            for line in breaches:
                click.echo(f"GATE FAIL: {line}", err=True)
            if breaches:
                code = 1
            else:
                click.echo("gate passed", err=True)
    raise SystemExit(code)
