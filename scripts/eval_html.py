"""Score rasd's HTML main-text extraction against known article text (build/test script, not shipped).

Pages (under ../shared/data/arabic_html_pages, see its SOURCE.md):
  * library/human gold: newspaper4k (CNN Arabic 2013; goose3's copy has only a prefix as gold), magic-html (2 Youm7 pages,
    human-annotated), omnivore (BBC Arabic, readability output), waddle (EU press release,
    reference text), fundus (LBCI, expected paragraphs);
  * websegmentation pages whose JSON-LD carries the publisher's own ``articleBody``: the JSON-LD
    is STRIPPED from the page before extraction, so the extractor cannot copy it.
Score: bag-of-words precision/recall/F1 over normalised word tokens (rasd.clean.normalize),
per page and the mean over pages.

Usage: python scripts/eval_html.py [--pages DIR] [--json] [--write-baseline tests/eval_baseline_html.json]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

from rasd.clean.html import (
    _clean_body,
    _jsonld_meta,
    _jsonld_objects,
    extract_html,
    fragment_text,
    strip_jsonld,
)
from rasd.clean.normalize import norm
from rasd.clean.segments import article_segments
from rasd.model import Document

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = REPO.parent / "shared" / "data" / "arabic_html_pages"
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Page:
    name: str  # path relative to the pages folder
    html: str
    gold: str
    url: str | None = None


@dataclass(slots=True)
class Score:
    name: str
    precision: float
    recall: float
    f1: float
    method: str
    kept_f1: float = 0.0  # F1 of the text the segmenter keeps (boilerplate/teasers dropped)


def _read(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def _html_text(fragment: str) -> str:
    return _clean_body(fragment_text(fragment))


def load_pages(root: Path = DEFAULT_PAGES) -> list[Page]:
    """Every page with known article text, in a stable order."""
    pages: list[Page] = []
    n4k = root / "newspaper4k"
    pages.append(Page("newspaper4k/arabic_article.html", _read(n4k / "arabic_article.html"),
                      _read(n4k / "arabic_article.txt")))
    # goose3/test_cnn_arabic.html is the same CNN article; its gold is only a 149-character prefix
    base = json.loads(_read(root / "magic-html" / "base.json"))
    for page in sorted((root / "magic-html").glob("*.html")):
        entry = base[page.stem]
        pages.append(Page(f"magic-html/{page.name}", _read(page), entry["content"], entry.get("url")))
    omni = root / "omnivore" / "bbc-arabic"
    pages.append(Page("omnivore/bbc-arabic/source.html", _read(omni / "source.html"),
                      _html_text(_read(omni / "expected.html")), _read(omni / "url.txt").strip()))
    for ref in sorted((root / "waddle" / "europa_original" / "reference").glob("*.html")):
        pages.append(Page(f"waddle/europa_original/html/{ref.name}",
                          _read(root / "waddle" / "europa_original" / "html" / ref.name), _html_text(_read(ref))))
    fundus = json.loads(_read(root / "fundus" / "LBCGroup.json"))
    paras = [p for sec in fundus["V1"]["body"]["sections"] for p in sec["paragraphs"]]
    pages.append(Page("fundus/LBCGroup_2026_01_08.html.gz", _read(root / "fundus" / "LBCGroup_2026_01_08.html.gz"),
                      "\n".join(paras)))
    for page in sorted((root / "websegmentation").rglob("*.html"), key=lambda p: (p.parent.name, int(p.stem))):
        html = _read(page)
        gold = publisher_body(html)
        if gold and len(gold) >= 200:
            pages.append(Page(str(page.relative_to(root)), strip_jsonld(html), gold))
    return pages


def publisher_body(html: str) -> str | None:
    """The publisher's own article text: JSON-LD ``articleBody``, else the text of the element
    marked ``id``/``itemprop``/``class`` = ``articleBody`` (scripts, styles and figures removed)."""
    body = _jsonld_meta(_jsonld_objects(html))["body"]
    if body:
        return _clean_body(body)
    tree = lxml_html.fromstring(html)
    found = tree.xpath('//*[@id="articleBody" or @itemprop="articleBody" or @class="articleBody"]')
    if not found:
        return None
    el = found[0]
    for bad in el.xpath(".//script|.//style|.//noscript|.//figure|.//iframe"):
        bad.drop_tree()
    return _html_text(lxml_html.tostring(el, encoding="unicode"))


def page_list_hash(pages: list[Page]) -> str:
    """sha256 of the page names and their gold texts (changes when the corpus changes)."""
    h = hashlib.sha256()
    for p in pages:
        h.update(p.name.encode() + b"\0" + hashlib.sha256(p.gold.encode()).digest())
    return h.hexdigest()


def _tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(norm(text)))


def prf(system: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 of ``system`` against ``gold`` (normalised tokens)."""
    s, g = _tokens(system), _tokens(gold)
    common = sum((s & g).values())
    p = common / sum(s.values()) if s else 0.0
    r = common / sum(g.values()) if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_pages(pages: list[Page]) -> list[Score]:
    scores = []
    for page in pages:
        try:
            ext = extract_html(page.html, page.url, page.name, use_jsonld_body=False)
            text, method = ext.text, ext.method
        except Exception as exc:  # noqa: BLE001 - a failed page scores 0 and is reported
            text, method = "", f"error: {exc}"
        kept = "\n".join(s.text for s in article_segments(Document(id=page.name, text=text))) if text else ""
        scores.append(Score(page.name, *prf(text, page.gold), method, prf(kept, page.gold)[2]))
    return scores


def mean(scores: list[Score], attr: str) -> float:
    return sum(getattr(s, attr) for s in scores) / len(scores) if scores else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    ap.add_argument("--json", action="store_true", help="print the per-page scores as JSON")
    ap.add_argument("--write-baseline", type=Path, help="write floor = mean F1 - margin to this file")
    ap.add_argument("--margin", type=float, default=0.02)
    args = ap.parse_args(argv)
    pages = load_pages(args.pages)
    scores = score_pages(pages)
    if args.json:
        print(json.dumps([{k: getattr(s, k) for k in s.__slots__} for s in scores], ensure_ascii=False, indent=1))
    else:
        for s in scores:
            print(f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.kept_f1:6.3f}  {s.method:11s} {s.name}")
    summary = {k: round(mean(scores, k), 4) for k in ("precision", "recall", "f1", "kept_f1")}
    print(f"pages {len(scores)}  mean P {summary['precision']:.3f}  R {summary['recall']:.3f}  "
          f"F1 {summary['f1']:.3f}  kept-segments F1 {summary['kept_f1']:.3f}  hash {page_list_hash(pages)[:12]}",
          file=sys.stderr)
    if args.write_baseline:
        floor = {"pages": len(pages), "page_list_sha256": page_list_hash(pages), "mean": summary,
                 "floor_f1": round(summary["f1"] - args.margin, 3),
                 "floor_kept_f1": round(summary["kept_f1"] - args.margin, 3)}
        args.write_baseline.write_text(json.dumps(floor, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
