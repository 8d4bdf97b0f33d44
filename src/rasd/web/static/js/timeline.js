// The timeline: events per day (or per ISO week over long spans) as SVG bars; dragging across it
// (a brush) picks a date range, which the page applies as date_from/date_to to the map and list.
import { t, tv, fmt, currentLang } from "./i18n.js";
import { TYPES, typeClass } from "./types.js";

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const PAD = { l: 34, r: 10, t: 10, b: 22 };

const toMs = (iso) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

function el(name, attrs, parent) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (parent) parent.append(e);
  return e;
}

export function createTimeline(container, { onBrush }) {
  let stats = null;
  let range = { from: null, to: null };
  const H = 112;

  // The drawn span leaves out stray outliers (the 0.5 % of events dated furthest out on each side,
  // when they lie far away); they are counted at the ends instead.
  function core(days) {
    const total = days.reduce((a, d) => a + d.events, 0);
    const cut = Math.floor(total * 0.005);
    let lo = 0;
    let hi = days.length - 1;
    for (let seen = 0; lo < hi && seen + days[lo].events <= cut; lo++) seen += days[lo].events;
    for (let seen = 0; hi > lo && seen + days[hi].events <= cut; hi--) seen += days[hi].events;
    // keep the outliers if they are close (within 30 days of the core)
    const first = toMs(days[0].date) >= toMs(days[lo].date) - 30 * DAY ? 0 : lo;
    const last = toMs(days[days.length - 1].date) <= toMs(days[hi].date) + 30 * DAY ? days.length - 1 : hi;
    const sum = (a, b) => days.slice(a, b).reduce((x, d) => x + d.events, 0);
    return { from: days[first].date, to: days[last].date, before: sum(0, first), after: sum(last + 1, days.length) };
  }

  function bins() {
    const days = (stats?.by_day || []).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d.date));
    if (!days.length) return { bins: [], width: DAY };
    const c = core(days);
    const lo = toMs(c.from);
    const hi = toMs(c.to);
    const span = (hi - lo) / DAY + 1;
    const extra = { before: c.before, after: c.after };
    if (span > 150) {
      const weeks = stats.by_week.filter((w) => toMs(w.start) + 7 * DAY > lo && toMs(w.start) <= hi);
      return { bins: weeks.map((w) => ({ start: toMs(w.start), n: w.events, types: w.types || {} })),
               width: 7 * DAY, unit: "per_week", ...extra };
    }
    return { bins: days.filter((d) => toMs(d.date) >= lo && toMs(d.date) <= hi)
               .map((d) => ({ start: toMs(d.date), n: d.events, types: d.types || {} })),
             width: DAY, unit: "per_day", ...extra };
  }

  function render() {
    container.replaceChildren();
    const W = Math.max(320, container.clientWidth || 600);
    const { bins: data, width, unit, before, after } = bins();
    const svg = el("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
                            "aria-label": t("timeline") }, container);
    if (!data.length) {
      const tx = el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "tl-empty",
                              direction: currentLang() === "ar" ? "rtl" : "ltr" }, svg);
      tx.textContent = t("no_dated_events");
      return;
    }
    // show at least ~3 weeks (or 8 bins) so a few days of events do not become one wide slab
    const minSpan = Math.max(21 * DAY, 8 * width);
    const pad = Math.max(0, minSpan - (data[data.length - 1].start + width - data[0].start)) / 2;
    const x0 = data[0].start - Math.ceil(pad / DAY) * DAY;
    const x1 = data[data.length - 1].start + width + Math.ceil(pad / DAY) * DAY;
    const maxN = Math.max(...data.map((d) => d.n));
    const sx = (ms) => PAD.l + ((ms - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
    const sy = (n) => H - PAD.b - (n / maxN) * (H - PAD.t - PAD.b);
    const inRange = (b) => (!range.from || b.start + width - DAY >= toMs(range.from))
                        && (!range.to || b.start <= toMs(range.to));

    // y axis: zero line and the maximum
    el("line", { x1: PAD.l, x2: W - PAD.r, y1: H - PAD.b, y2: H - PAD.b, class: "tl-axis" }, svg);
    const top = el("text", { x: PAD.l - 4, y: PAD.t + 8, "text-anchor": "end", class: "tl-label" }, svg);
    top.textContent = fmt(maxN);
    const unitLabel = el("text", { x: W - PAD.r, y: PAD.t, "text-anchor": "end", class: "tl-unit" }, svg);
    unitLabel.textContent = t(unit) + (after ? ` · ${t("later", { n: fmt(after) })}` : "");
    if (before) {
      const b = el("text", { x: PAD.l, y: PAD.t, class: "tl-unit" }, svg);
      b.textContent = t("earlier", { n: fmt(before) });
    }

    // current range (under the bars)
    if (range.from || range.to) {
      const a = range.from ? Math.max(sx(toMs(range.from)), PAD.l) : PAD.l;
      const b = range.to ? Math.min(sx(toMs(range.to) + DAY), W - PAD.r) : W - PAD.r;
      el("rect", { x: a, y: PAD.t - 4, width: Math.max(2, b - a), height: H - PAD.t - PAD.b + 4,
                   class: "tl-range" }, svg);
    }

    // bars
    const bw = Math.max(1, sx(x0 + width) - sx(x0) - (width === DAY && data.length > 120 ? 0 : 1));
    const g = el("g", {}, svg);
    for (const b of data) {
      const out = (range.from || range.to) && !inRange(b);
      const bar = el("g", { class: `tl-bar${out ? " out" : ""}` }, g);
      // stacked by event type, in the map's colours (types in the legend's order)
      let acc = 0;
      const order = [...TYPES, ...Object.keys(b.types).filter((k) => !TYPES.includes(k))];
      for (const type of order) {
        const n = b.types[type];
        if (!n) continue;
        el("rect", { x: sx(b.start), y: sy(acc + n), width: bw, height: sy(acc) - sy(acc + n),
                     class: typeClass(type) }, bar);
        acc += n;
      }
      const tip = el("title", {}, bar);
      const parts = order.filter((k) => b.types[k]).map((k) => `${tv("type", k)}: ${fmt(b.types[k])}`);
      tip.textContent = `${toIso(b.start)}${width > DAY ? " +7" : ""} · ${t("events_count", { n: fmt(b.n) })}\n${parts.join("\n")}`;
    }

    // month ticks, labelled with the full year ("Mar 2018"): a two-digit year ("Mar 18") reads as a day
    const fmtMonth = new Intl.DateTimeFormat(currentLang() === "ar" ? "ar-u-nu-latn" : "en",
                                             { month: "short", year: "numeric", timeZone: "UTC" });
    const d = new Date(x0);
    let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0), 1);
    const months = [];
    while (m <= x1) { months.push(m); const n = new Date(m); m = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1); }
    const every = Math.max(1, Math.ceil(months.length / Math.max(1, (W - PAD.l) / 80)));
    months.forEach((ms, i) => {
      el("line", { x1: sx(ms), x2: sx(ms), y1: H - PAD.b, y2: H - PAD.b + 4, class: "tl-axis" }, svg);
      if (i % every === 0 && sx(ms) < W - PAD.r - 52) {
        const lab = el("text", { x: sx(ms) + 2, y: H - 6, class: "tl-label tl-month" }, svg);
        lab.textContent = fmtMonth.format(new Date(ms));
      }
    });

    // brush
    const overlay = el("rect", { x: PAD.l, y: 0, width: W - PAD.l - PAD.r, height: H, class: "tl-overlay" }, svg);
    const brush = el("rect", { x: 0, y: PAD.t - 4, width: 0, height: H - PAD.t - PAD.b + 4, class: "tl-brush" }, svg);
    let startX = null;
    const localX = (ev) => {
      const box = svg.getBoundingClientRect();
      return Math.min(W - PAD.r, Math.max(PAD.l, ((ev.clientX - box.left) / box.width) * W));
    };
    const toDate = (px) => x0 + ((px - PAD.l) / (W - PAD.l - PAD.r)) * (x1 - x0);
    const snap = (ms) => Math.max(x0, Math.min(x1 - width, x0 + Math.floor((ms - x0) / width) * width));
    overlay.addEventListener("pointerdown", (ev) => {
      startX = localX(ev);
      overlay.setPointerCapture(ev.pointerId);
      brush.setAttribute("x", startX);
      brush.setAttribute("width", 0);
    });
    overlay.addEventListener("pointermove", (ev) => {
      if (startX === null) return;
      const x = localX(ev);
      brush.setAttribute("x", Math.min(x, startX));
      brush.setAttribute("width", Math.abs(x - startX));
    });
    overlay.addEventListener("pointerup", (ev) => {
      if (startX === null) return;
      const x = localX(ev);
      const a = snap(toDate(Math.min(x, startX)));
      const b = snap(toDate(Math.max(x, startX)));
      startX = null;
      onBrush(toIso(a), toIso(b + width - DAY));
    });
  }

  new ResizeObserver(() => { if (stats) render(); }).observe(container);

  return {
    update(nextStats, nextRange) { stats = nextStats; range = nextRange; render(); },
    render,
  };
}
