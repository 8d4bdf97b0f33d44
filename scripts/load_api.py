"""Measure `rasd serve` latency on loopback: a bounded mix of filtered /api/events requests.

Starts `rasd serve --db DB` on a free 127.0.0.1 port (or uses --url, which must be a loopback
address), sends at most --requests requests (≤ 5000, stopping after --max-seconds) from
--concurrency client threads, and prints the median / p90 / p99 latency per kind of query as JSON.

Example: .venv/bin/python scripts/load_api.py --db rasd.db --requests 400
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

from rasd.api.local import serve_in_subprocess

MAX_REQUESTS = 5000
SEARCH_WORDS = ["قتلى", "غارة", "قصف", "هجوم", "اشتباكات", "انفجار", "مقتل", "الجيش", "داعش", "حلب"]


def check_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise SystemExit(f"refusing {url}: load tests only target loopback addresses")


def query_mix(base: str, rng: random.Random) -> list[tuple[str, dict]]:
    """(kind, params) candidates built from the database's own facets and dates."""
    facets = httpx.get(f"{base}/api/facets", timeout=30).json()
    stats = httpx.get(f"{base}/api/stats", timeout=30).json()
    days = [d["date"] for d in stats["by_day"]]
    mix: list[tuple[str, dict]] = [("all", {}), ("sorted_fatalities", {"sort": "-fatalities"})]
    mix += [("event_type", {"event_type": f["value"]}) for f in facets["event_type"][:6]]
    mix += [("country", {"country": f["value"]}) for f in facets["country"][:5]]
    mix += [("admin1", {"admin1": f["value"]}) for f in facets["admin1"][:10]]
    mix += [("q", {"q": w}) for w in SEARCH_WORDS]
    mix += [("actor", {"actor": a}) for a in ("Islamic State", "Military Forces", "Rebels", "Civilians")]
    mix += [("fatalities_min", {"fatalities_min": n, "sort": "-fatalities"}) for n in (1, 5, 20)]
    for _ in range(10):
        if len(days) > 2:
            a, b = sorted(rng.sample(days, 2))
            mix.append(("dates", {"date_from": a, "date_to": b}))
            if facets["event_type"]:
                mix.append(("dates+type", {"date_from": a, "date_to": b,
                                           "event_type": rng.choice(facets["event_type"])["value"]}))
    mix += [("page_3", {"page": 3, "page_size": 100})]
    return mix


def run(base: str, n: int, concurrency: int, max_seconds: float, seed: int) -> dict:
    rng = random.Random(seed)
    mix = query_mix(base, rng)
    plan = [rng.choice(mix) for _ in range(n)]
    timings: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + max_seconds
    cursor = iter(plan)

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop_at:
                with lock:
                    item = next(cursor, None)
                if item is None:
                    return
                kind, params = item
                t0 = time.perf_counter()
                resp = client.get("/api/events", params={"page_size": 50, **params})
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    if resp.status_code != 200:
                        errors.append(f"{resp.status_code} {params}")
                    timings.setdefault(kind, []).append(ms)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - started
    every = sorted(ms for v in timings.values() for ms in v)

    def pct(values: list[float], p: float) -> float:
        return round(values[min(len(values) - 1, int(p * len(values)))], 1)

    return {
        "base": base, "requests": len(every), "errors": len(errors), "error_samples": errors[:5],
        "concurrency": concurrency, "seconds": round(wall, 2), "requests_per_second": round(len(every) / wall, 1),
        "median_ms": round(statistics.median(every), 1), "p90_ms": pct(every, 0.9), "p99_ms": pct(every, 0.99),
        "max_ms": round(every[-1], 1),
        "by_kind_median_ms": {k: round(statistics.median(v), 1) for k, v in sorted(timings.items())},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--db", type=Path, help="database to serve (starts `rasd serve` on loopback)")
    src.add_argument("--url", help="an already running server on a loopback address")
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--concurrency", type=int, default=2)
    ap.add_argument("--max-seconds", type=float, default=120.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    n = max(1, min(args.requests, MAX_REQUESTS))
    conc = max(1, min(args.concurrency, 16))
    if args.url:
        check_loopback(args.url)
        report = run(args.url.rstrip("/"), n, conc, args.max_seconds, args.seed)
    else:
        with serve_in_subprocess(args.db, Path(tempfile.gettempdir()) / "rasd-load-api-serve.log") as base:
            report = run(base, n, conc, args.max_seconds, args.seed)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
