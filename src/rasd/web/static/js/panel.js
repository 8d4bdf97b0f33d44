// The event panel: coded (English) fields beside the Arabic source text, shown right-to-left,
// with every evidence span marked (<mark>) at its character offsets into the original text.
import { t, tv, fmt } from "./i18n.js";
import { typeClass } from "./types.js";

const FIELDS = [
  "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
  "interaction", "civilian_targeting", "country", "admin1", "admin2", "admin3", "location", "location_ar",
  "coordinates", "geo_precision", "time_precision", "fatalities", "source", "notes", "id",
];
const LABEL_ORDER = ["trigger", "actor1", "actor2", "place", "fatalities", "date", "source", "sentence"];

function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch { return null; }
}

/** Fill ``container`` with ``text`` where each stretch covered by spans is a <mark> whose classes
 *  name the labels covering it. Offsets count code points, as Python does. */
export function highlight(container, text, spans) {
  const cps = Array.from(text);
  const n = cps.length;
  const clean = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(n, s.start)), end: Math.max(0, Math.min(n, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = [...new Set([0, n, ...clean.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    const piece = cps.slice(a, b).join("");
    const labels = [...new Set(clean.filter((s) => s.start <= a && s.end >= b).map((s) => s.label))]
      .sort((x, y) => LABEL_ORDER.indexOf(x) - LABEL_ORDER.indexOf(y));
    if (!labels.length) { frag.append(piece); continue; }
    const m = h("mark", { class: labels.map((l) => `l-${l}`).join(" "), "data-labels": labels.join(" "),
                          title: labels.map((l) => tv("label", l)).join(" · ") }, piece);
    frag.append(m);
  }
  container.replaceChildren(frag);
}

function fieldValue(ev, name) {
  if (name === "coordinates") {
    return ev.latitude == null || ev.longitude == null ? null : `${ev.latitude.toFixed(4)}, ${ev.longitude.toFixed(4)}`;
  }
  const v = ev[name];
  if (v === null || v === undefined || v === "") return null;
  if (name === "fatalities") return fmt(v);
  return String(v);
}

export function renderPanel(panel, ev, documents, { onClose }) {
  const place = [ev.location, ev.admin1, ev.country].filter(Boolean);
  const head = h("div", { class: "panel-head" },
    h("div", { class: "panel-title" },
      h("span", { class: `chip ${typeClass(ev.event_type)}` }, tv("type", ev.event_type)),
      h("h3", { dir: "auto" }, ev.sub_event_type)),
    h("div", { class: "panel-meta", dir: "auto" },
      [ev.event_date, [...new Set(place)].join(", "),
       ev.fatalities ? `${fmt(ev.fatalities)} ${t("f.fatalities")}` : null].filter(Boolean).join(" · ")),
    h("button", { type: "button", class: "close", "aria-label": t("close"), title: t("close") }, "×"));
  head.querySelector(".close").addEventListener("click", onClose);

  const dl = h("dl");
  for (const name of FIELDS) {
    const v = fieldValue(ev, name);
    if (v === null) continue;
    const isAr = name === "location_ar";
    dl.append(h("dt", {}, t(`f.${name === "coordinates" ? "coordinates" : name}`)),
              h("dd", { dir: isAr ? "rtl" : "auto", lang: isAr ? "ar" : "en", class: `v-${name}` }, v));
  }
  const fields = h("section", { class: "fields" }, h("h4", {}, t("coded_fields")), dl);

  const present = new Set(ev.evidence_spans.map((s) => s.label));
  const legend = h("div", { class: "label-legend" }, h("span", {}, `${t("evidence_legend")}:`),
    ...LABEL_ORDER.filter((l) => present.has(l)).map((l) => h("mark", { class: `l-${l}` }, tv("label", l))));
  const sources = h("section", { class: "sources" }, h("h4", {}, t("source_text")), legend);
  const firstMarks = [];
  for (const doc of documents) {
    const url = safeUrl(doc.url);
    const link = url
      ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "source-link" }, `${t("open_source")} ↗`)
      : h("span", { class: "muted" }, t("no_url"));
    const meta = h("div", { class: "doc-meta" },
      h("span", { class: "outlet" }, [doc.source, (doc.published || "").slice(0, 10)].filter(Boolean).join(" · ")), link);
    const title = doc.title ? h("h5", { dir: "rtl", lang: "ar" }, doc.title) : null;
    const body = h("div", { class: "doc-text", dir: "rtl", lang: "ar" });
    const spans = ev.evidence_spans.filter((s) => s.doc_id === doc.id);
    highlight(body, doc.text || "", spans);
    sources.append(h("article", { class: "doc", "data-doc": doc.id }, meta, title, body));
    const first = body.querySelector("mark");
    if (first) firstMarks.push([body, first]);
  }

  panel.replaceChildren(head, h("div", { class: "panel-body" }, fields, sources));
  panel.scrollTop = 0;
  for (const [body, mark] of firstMarks) body.scrollTop = Math.max(0, mark.offsetTop - 40);  // .doc-text is position: relative
}

export function renderEmpty(panel) {
  panel.replaceChildren(h("div", { class: "panel-empty" }, t("panel_empty")));
}
