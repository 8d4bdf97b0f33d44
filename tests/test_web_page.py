"""End to end in headless Chromium (Debian's, never a downloaded build): `rasd serve` in a subprocess on
a loopback port, the page draws the seed's events on the map, a click opens the panel with the Arabic
source right-to-left and its evidence in <mark>s; brushing the timeline filters the map and list; the
page fetches nothing outside the server. Screenshots go to test-artifacts/."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from conftest import REPO, SEED
from test_api_read import conflict_lines

from rasd.api.local import serve_in_subprocess
from rasd.ingest.batch import run_batch
from rasd.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "test-artifacts"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium absent: run scripts/install_browser.sh")


def build_db(path: Path, inputs: list[Path]) -> Path:
    with Store(path) as store:
        result = run_batch(inputs, store)
    assert result.failed == 0, result.errors
    return path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextmanager
def open_page(browser, base: str, lang: str = "en"):
    """A 1600×1000 page on ``base``; collects console errors and any request leaving the server."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.add_init_script(f"localStorage.setItem('rasd.lang', '{lang}')")
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: r.url.startswith((base, "data:")) or problems.append(f"outside: {r.url}"))
    try:
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20000)
        yield page, problems
    finally:
        page.close()


# wait_for_function takes arrow functions only: a bare expression is eval'd while it polls, which the
# page's Content-Security-Policy (no 'unsafe-eval') refuses, so such a wait failed whenever it had to wait.


def markers_on_map(page) -> int:
    """Events the map shows: single markers plus the counts on cluster icons."""
    singles = page.locator(".leaflet-marker-icon.ev").count()
    clustered = sum(int(t) for t in page.locator(".ev-cluster span").all_inner_texts())
    return singles + clustered


def click_some_marker(page) -> None:
    """Click a single event marker, opening clusters (zoom / spiderfy) until one is showing."""
    for _ in range(8):
        single = page.locator(".leaflet-marker-icon.ev")
        if single.count():
            single.first.click()
            return
        page.locator(".ev-cluster").first.click()
        page.wait_for_timeout(700)
    raise AssertionError("no single marker after opening clusters")


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web_seed")
    db = build_db(tmp / "seed.db", [SEED])
    with serve_in_subprocess(db, tmp / "serve.log") as base:
        yield base


def test_web_seed_events_on_map_and_evidence_in_panel(browser, seed_server):
    base = seed_server
    located = httpx.get(f"{base}/api/events.geojson").json()["features"]
    assert located, "the pipeline found no located event in the seed"
    with open_page(browser, base) as (page, problems):
        page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-icon').length > 0")
        assert int(page.get_attribute("body", "data-markers")) == len(located)
        assert markers_on_map(page) == len(located)  # the seed's places are all in view
        assert page.locator("#list tbody tr").count() == httpx.get(f"{base}/api/events").json()["total"]
        assert page.locator("#map path.leaflet-interactive, #map svg path").count() > 10  # boundaries

        click_some_marker(page)
        page.wait_for_selector("#panel .doc-text mark", timeout=10000)
        text_box = page.locator("#panel .doc-text").first
        assert text_box.get_attribute("dir") == "rtl" and text_box.get_attribute("lang") == "ar"
        doc_id = page.locator("#panel article.doc").first.get_attribute("data-doc")
        doc_text = httpx.get(f"{base}/api/documents/{doc_id}").json()["text"]
        assert text_box.inner_text().strip() == doc_text.strip()  # the whole original, unchanged
        marks = page.locator("#panel .doc-text mark")
        coded = [m for m in marks.all() if "l-sentence" != (m.get_attribute("class") or "")]
        assert coded, "no highlighted evidence besides the sentence"
        for m in marks.all():
            assert m.inner_text() in doc_text
        assert re.search(r"[\u0600-\u06FF]", coded[0].inner_text())  # Arabic evidence
        fields = page.locator("#panel dl").inner_text()
        assert "Event type" in fields and "Syria" in fields
        page.click(".leaflet-control-zoom-out")  # step back from the cluster zoom: show the places around
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "web_seed.png"))

        page.click("#lang-toggle")
        page.wait_for_function("() => document.documentElement.dir === 'rtl'")
        page.wait_for_selector("#panel .doc-text mark")
        assert "التصفية" in page.locator("#filters h2").inner_text()
        page.wait_for_timeout(400)
        page.screenshot(path=str(ARTIFACTS / "web_seed_ar.png"))
        assert not problems, problems


@pytest.fixture(scope="module")
def ant_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("web_ant")
    src = tmp / "ant.jsonl"
    src.write_text("".join(conflict_lines(50)), encoding="utf-8")
    db = build_db(tmp / "ant.db", [src])
    with serve_in_subprocess(db, tmp / "serve.log") as base:
        yield base


def list_dates(page) -> list[str]:
    return [d for d in page.locator("#list tbody tr td:first-child").all_inner_texts() if d]


def test_web_timeline_brush_filters_map_and_list(browser, ant_server):
    base = ant_server
    with open_page(browser, base) as (page, problems):
        assert page.locator("#timeline g.tl-bar").count() > 1
        before = int(page.get_attribute("body", "data-markers"))
        box = page.locator("#timeline rect.tl-overlay").bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] * 0.30, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.55, y, steps=5)
        page.mouse.up()
        page.wait_for_function("() => document.querySelector('input[name=date_from]').value !== ''")
        lo = page.input_value("input[name=date_from]")
        hi = page.input_value("input[name=date_to]")
        page.wait_for_selector("#timeline g.tl-bar.out")
        expected = httpx.get(f"{base}/api/events.geojson", params={"date_from": lo, "date_to": hi}).json()
        assert 0 < int(page.get_attribute("body", "data-markers")) == len(expected["features"]) < before
        assert markers_on_map(page) > 0
        assert all(lo <= d[:10] <= hi for d in list_dates(page))
        page.screenshot(path=str(ARTIFACTS / "web_timeline.png"))

        page.click("#brush-clear")
        page.wait_for_function("() => document.querySelector('input[name=date_from]').value === ''")
        page.click("#list th[data-sort=fatalities]")
        page.wait_for_selector("#list th.desc[data-sort=fatalities]")
        page.wait_for_timeout(300)
        fat = [int(x or 0) for x in page.locator("#list tbody td.num").all_inner_texts()]
        assert fat == sorted(fat, reverse=True) and fat[0] > 0

        etype = page.locator("select[name=event_type] option").nth(1).get_attribute("value")
        page.select_option("select[name=event_type]", etype)
        expected = httpx.get(f"{base}/api/events", params={"event_type": etype}).json()["total"]
        page.wait_for_function(f"() => document.body.dataset.markers !== undefined && "
                               f"document.querySelector('#page-info').textContent.endsWith(' {expected}')")
        titles = set(page.locator("#list tbody td:nth-child(2)").evaluate_all("tds => tds.map(t => t.title)"))
        assert titles == {etype}
        assert not problems, problems


MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"


def axis_labels(page) -> list[str]:
    """The timeline's month labels (SVG text has no innerText)."""
    return page.locator("#timeline text.tl-month").evaluate_all("ts => ts.map(t => t.textContent)")


def test_web_timeline_axis_labels_name_the_year(browser, ant_server):
    """Month ticks read "Mar 2018", never "Mar 18" (which reads as a day); the year is the data's, in
    English and in Arabic."""
    base = ant_server
    years = {f["properties"]["event_date"][:4]
             for f in httpx.get(f"{base}/api/events.geojson").json()["features"] if f["properties"]["event_date"]}
    assert years
    with open_page(browser, base) as (page, problems):
        page.wait_for_selector("#timeline text.tl-month")
        labels = axis_labels(page)
        assert len(labels) >= 2, labels
        for label in labels:
            m = re.fullmatch(rf"({MONTHS}) (\d{{4}})", label)
            assert m, f"{label!r} is not 'Mon YYYY'"
            assert m.group(2) in years
        page.click("#lang-toggle")
        page.wait_for_function("() => document.documentElement.dir === 'rtl'")
        page.wait_for_function("() => [...document.querySelectorAll('#timeline text.tl-month')]"
                               ".some(t => /[\\u0600-\\u06FF]/.test(t.textContent))")
        ar = axis_labels(page)
        assert ar and all(re.fullmatch(r"[\u0600-\u06FF]+ (\d{4})", x) for x in ar), ar
        assert {re.search(r"\d{4}", x).group() for x in ar} <= years
        assert not problems, problems
