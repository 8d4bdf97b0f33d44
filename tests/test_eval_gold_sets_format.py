"""Validate the drawn gold sets eval/heldout2.jsonl, eval/dev3a.jsonl and eval/dev3b.jsonl: each loads as gold,
has ACLED fields, verbatim evidence, ids disjoint from the other sets, and the doc list its selection draw gives."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DATA, EVAL, REPO
from test_eval_heldout import DOC_KEYS, EVENT_KEYS, acled_types, admin_triples, all_events, iso, load_jsonl

from rasd.eval.gold import GoldDoc, load_gold

GOLD = REPO / "eval"
SELECT = GOLD / "heldout2_select.py"
DEV, HELDOUT, HELDOUT2 = EVAL / "dev.jsonl", GOLD / "heldout.jsonl", GOLD / "heldout2.jsonl"
DEV3A_DOCS, DEV3B_DOCS = GOLD / "dev3a_docs.tsv", GOLD / "dev3b_docs.tsv"
MAX_CHARS = 3000  # the selection script draws only texts this long at most
HEAD = 300  # two texts sharing their first HEAD characters are near-duplicates


@dataclass(frozen=True)
class GoldSet:
    """One drawn gold set and the facts its checks need."""

    name: str  # the gold file is eval/<name>.jsonl
    n_docs: range  # allowed number of coded documents
    corpora: tuple[tuple[str, int], ...]  # documents per corpus, where the set fixes them
    seed: int | None  # --seed of the draw; None: the script's default draw (no arguments)
    exclude: tuple[Path, ...]  # the draw's --exclude (gold JSONL, or a docs TSV passed as a JSONL of its ids)
    also_disjoint: tuple[Path, ...]  # further sets whose doc ids this one must not share
    docs_tsv: Path | None  # the drawn list the gold follows in order; None: the draw itself is the list

    @property
    def path(self) -> Path:
        return GOLD / f"{self.name}.jsonl"


SETS = (
    GoldSet("heldout2", range(30, 31), (("ant_corpus_multisource", 26), ("saudinewsnet", 4)),
            None, (DEV, HELDOUT), (EVAL / "seed.gold.jsonl",), None),
    GoldSet("dev3a", range(29, 30), (), 20261127, (DEV, HELDOUT, HELDOUT2), (), DEV3A_DOCS),
    GoldSet("dev3b", range(20, 31), (), 20261128, (DEV, HELDOUT, HELDOUT2, DEV3A_DOCS), (), DEV3B_DOCS),
)
each_set = pytest.mark.parametrize("spec", SETS, ids=lambda s: s.name)


@functools.cache
def gold(spec: GoldSet) -> list[dict]:
    return load_jsonl(spec.path)


@functools.cache
def docs(spec: GoldSet) -> list[GoldDoc]:
    return load_gold(spec.path, DATA)


def events(spec: GoldSet) -> Iterator[tuple[dict, str, dict]]:
    """(gold doc, where, event) for every event and optional event of the set."""
    for doc in gold(spec):
        for where, ev in all_events(doc):
            yield doc, where, ev


def tsv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def doc_ids(path: Path) -> set[str]:
    """The doc ids of a gold JSONL file or of a docs TSV (first column)."""
    if path.suffix == ".tsv":
        return {r[0] for r in tsv_rows(path)}
    return {d["doc_id"] for d in load_jsonl(path)}


def listed(rows: list[list[str]]) -> list[tuple[str, ...]]:
    """(doc_id, corpus, published, outlet) of drawn rows (doc_id, corpus, pool, published, outlet, title)."""
    return [(r[0], r[1], r[3], r[4]) for r in rows]


def coded(spec: GoldSet) -> list[tuple[str, ...]]:
    return [(d["doc_id"], d["corpus"], d["published"], d["source"]) for d in gold(spec)]


@each_set
def test_every_line_loads_with_the_gold_loader(spec: GoldSet) -> None:
    got = docs(spec)
    assert [d.doc_id for d in got] == [g["doc_id"] for g in gold(spec)]
    assert len(got) in spec.n_docs and len({d.doc_id for d in got}) == len(got)
    for corpus, n in spec.corpora:
        assert sum(d.corpus == corpus for d in got) == n, corpus
    assert all(d.text and len(d.text) <= MAX_CHARS for d in got)


@pytest.mark.parametrize("spec", [s for s in SETS if s.docs_tsv], ids=lambda s: s.name)
def test_doc_ids_and_metadata_follow_the_drawn_list(spec: GoldSet) -> None:
    assert listed(tsv_rows(spec.docs_tsv)[: len(gold(spec))]) == coded(spec)


@each_set
def test_doc_ids_disjoint_from_the_other_sets(spec: GoldSet) -> None:
    ids = {d["doc_id"] for d in gold(spec)}
    for path in spec.exclude + spec.also_disjoint:
        taken = doc_ids(path)
        assert taken and not ids & taken, path.name


@each_set
def test_no_near_duplicate_text_within_or_of_the_excluded_sets(spec: GoldSet) -> None:
    others = [d for path in spec.exclude if path.suffix == ".jsonl" for d in load_gold(path, DATA)]
    heads = {d.text[:HEAD] for d in others}
    mine = [d.text[:HEAD] for d in docs(spec)]
    assert len(set(mine)) == len(mine)
    assert not heads & set(mine)


@each_set
def test_doc_and_event_fields(spec: GoldSet) -> None:
    types = acled_types()
    for doc in gold(spec):
        assert set(doc) == DOC_KEYS, doc["doc_id"]
        pub = iso(doc["published"])
        assert isinstance(doc["notes"], str) and doc["notes"].strip(), doc["doc_id"]
        for where, ev in all_events(doc):
            assert set(ev) == EVENT_KEYS, where
            assert ev["sub_event_type"] in types.get(ev["event_type"], set()), where
            assert isinstance(ev["actor1"], str) and ev["actor1"], where
            assert ev["actor2"] is None or (isinstance(ev["actor2"], str) and ev["actor2"]), where
            assert ev["geo_precision"] in (1, 2, 3), where
            assert isinstance(ev["fatalities"], int) and ev["fatalities"] >= 0, where
            if ev["event_date"] is None:
                assert ev["time_precision"] is None, where
            else:
                assert iso(ev["event_date"]) <= pub, where
                assert ev["time_precision"] in (1, 2, 3), where


@each_set
def test_evidence_and_location_ar_are_verbatim(spec: GoldSet) -> None:
    texts = {d.doc_id: d.text for d in docs(spec)}
    n = 0
    for doc, where, ev in events(spec):
        assert ev["evidence"] and ev["evidence"] in texts[doc["doc_id"]], where
        if ev["location_ar"]:
            assert ev["location_ar"] in texts[doc["doc_id"]], where
        n += 1
    assert n > 30


@each_set
def test_syria_iraq_admin_names_are_ocha(spec: GoldSet) -> None:
    valid = admin_triples()
    for _, where, ev in events(spec):
        triple = (ev["admin1"], ev["admin2"], ev["admin3"])
        if ev["country"] in valid and triple != (None, None, None):
            assert triple in valid[ev["country"]], f"{where}: {triple}"


@each_set
def test_selection_script_reproduces_the_doc_list(spec: GoldSet, tmp_path: Path) -> None:
    args: list[str] = []
    if spec.seed is not None:
        args = ["--seed", str(spec.seed), "--exclude"]
        for path in spec.exclude:
            if path.suffix == ".tsv":  # the script reads JSONL with a doc_id: pass the TSV ids as one
                ids = [r[0] for r in tsv_rows(path)]
                path = tmp_path / f"{path.stem}_ids.jsonl"
                path.write_text("".join(json.dumps({"doc_id": i}) + "\n" for i in ids), encoding="utf-8")
            args.append(str(path))
    out = subprocess.run([sys.executable, str(SELECT), *args], capture_output=True, text=True, check=True,
                         cwd=SELECT.parent).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    if spec.docs_tsv is None:  # no docs TSV: the gold is the draw itself, in order
        assert listed(rows) == coded(spec)
    else:
        assert rows == tsv_rows(spec.docs_tsv)
