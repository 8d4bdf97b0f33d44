"""Build rasd's shipped gazetteer and admin boundaries from ../shared/data (build time only).

Example: .venv/bin/python scripts/build_gazetteer.py --data ../shared/data
Same as: rasd gazetteer build --data ../shared/data
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rasd.geo.build import build
from rasd.geo.gazetteer import DATA_DIR


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    args = ap.parse_args()
    print(json.dumps(build(args.data, args.out), indent=1))


if __name__ == "__main__":
    main()
