// rasd's page: wires the filters, map, timeline, list and event panel to the read API.
import { loadStrings, applyStrings, setLang, currentLang, t, tv, fmt } from "./js/i18n.js";
import { createMap } from "./js/map.js";
import { createTimeline } from "./js/timeline.js";
import { renderPanel, renderEmpty } from "./js/panel.js";
import { typeClass } from "./js/types.js";

const FILTER_KEYS = ["q", "date_from", "date_to", "event_type", "sub_event_type", "country", "admin1",
                     "admin2", "actor", "fatalities_min"];
const state = { filters: {}, sort: "-date", page: 1, pageSize: 50, total: 0, selected: null, facets: null,
                adminAr: {} };
const $ = (sel) => document.querySelector(sel);

async function api(path, params) {
  const qs = params ? `?${params}` : "";
  const res = await fetch(`api/${path}${qs}`, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message || `${res.status} ${res.statusText}`);
  return body;
}

function filterParams({ dates = true } = {}) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = state.filters[k];
    if (v === undefined || v === null || v === "") continue;
    if (!dates && (k === "date_from" || k === "date_to")) continue;
    p.set(k, v);
  }
  return p;
}

function showError(err) {
  const box = $("#error");
  if (!err) { box.hidden = true; return; }
  box.textContent = String(err.message || err);
  box.hidden = false;
}

// --- filters -------------------------------------------------------------------------------
function fillSelect(select, values, labelOf) {
  const keep = select.value;
  select.replaceChildren(new Option(t("any"), ""));
  for (const v of values) select.append(new Option(labelOf ? labelOf(v) : v, v));
  select.value = values.includes(keep) ? keep : "";
}

function fillFacets() {
  const f = state.facets;
  if (!f) return;
  const form = $("#filters");
  fillSelect(form.event_type, f.event_type.map((x) => x.value), (v) => tv("type", v));
  const type = form.event_type.value;
  fillSelect(form.sub_event_type, [...new Set(f.sub_event_types
    .filter((x) => !type || x.event_type === type).map((x) => x.value))]);
  fillSelect(form.country, f.country.map((x) => x.value), (v) => tv("country", v));
  const country = form.country.value;
  const adminLabel = (v) => (currentLang() === "ar" && state.adminAr[v]) || v;
  fillSelect(form.admin1, [...new Set(f.admin1s.filter((x) => !country || x.country === country)
    .map((x) => x.value))].sort(), adminLabel);
  const admin1 = form.admin1.value;
  fillSelect(form.admin2, [...new Set(f.admin2s.filter((x) => !admin1 || x.admin1 === admin1)
    .map((x) => x.value))].sort());
}

function readForm() {
  const form = $("#filters");
  const next = {};
  for (const k of FILTER_KEYS) next[k] = form[k].value.trim();
  state.filters = next;
}

function writeForm() {
  const form = $("#filters");
  for (const k of FILTER_KEYS) form[k].value = state.filters[k] ?? "";
}

let debounce = null;
function onFilterChange(ev) {
  if (ev && ["event_type", "country", "admin1"].includes(ev.target.name)) fillFacets();
  clearTimeout(debounce);
  debounce = setTimeout(() => { readForm(); state.page = 1; refresh(); }, ev?.type === "input" ? 350 : 0);
}

// --- list ----------------------------------------------------------------------------------
function renderList(page) {
  const tbody = $("#list tbody");
  tbody.replaceChildren();
  if (!page.items.length) {
    const tr = tbody.insertRow();
    const td = tr.insertCell();
    td.colSpan = 5;
    td.className = "empty";
    td.textContent = t("no_events");
  }
  for (const ev of page.items) {
    const tr = tbody.insertRow();
    tr.dataset.id = ev.id;
    tr.tabIndex = 0;
    if (ev.id === state.selected) tr.classList.add("selected");
    tr.insertCell().textContent = ev.event_date || "";
    const type = tr.insertCell();
    const dot = document.createElement("span");
    dot.className = `dot ${typeClass(ev.event_type)}`;
    type.append(dot, document.createTextNode(ev.sub_event_type));
    type.title = tv("type", ev.event_type);
    const place = tr.insertCell();
    place.textContent = [ev.location, ev.admin1].filter((x, i, a) => x && a.indexOf(x) === i).join(", ")
      || t("no_location");
    tr.insertCell().textContent = [ev.actor1, ev.actor2].filter(Boolean).join(" — ");
    const fat = tr.insertCell();
    fat.className = "num";
    fat.textContent = ev.fatalities ? fmt(ev.fatalities) : "";
    tr.addEventListener("click", () => select(ev.id, { pan: true }));
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") select(ev.id, { pan: true }); });
  }
  const from = page.total ? (page.page - 1) * page.page_size + 1 : 0;
  const to = Math.min(page.total, page.page * page.page_size);
  $("#page-info").textContent = t("page_info", { from: fmt(from), to: fmt(to), total: fmt(page.total) });
  $("#prev").disabled = page.page <= 1;
  $("#next").disabled = to >= page.total;
  for (const th of document.querySelectorAll("#list th[data-sort]")) {
    const key = th.dataset.sort;
    th.classList.toggle("asc", state.sort === key);
    th.classList.toggle("desc", state.sort === `-${key}`);
    th.setAttribute("aria-sort", state.sort === key ? "ascending" : state.sort === `-${key}` ? "descending" : "none");
  }
}

// --- loading -------------------------------------------------------------------------------
let generation = 0;
let lastQuery = null;
async function refresh({ force = false } = {}) {
  const params = filterParams();
  const listParams = new URLSearchParams(params);
  listParams.set("sort", state.sort);
  listParams.set("page", state.page);
  listParams.set("page_size", state.pageSize);
  if (!force && listParams.toString() === lastQuery) return;  // nothing changed (e.g. a late "change")
  lastQuery = listParams.toString();
  const gen = ++generation;
  $("#dl-csv").href = `api/events.csv?${params}`;
  $("#dl-geojson").href = `api/events.geojson?${params}`;
  try {
    const [geo, page, stats, timeline] = await Promise.all([
      api("events.geojson", params), api("events", listParams), api("stats", params),
      api("stats", filterParams({ dates: false })),
    ]);
    if (gen !== generation) return;
    showError(null);
    map.setEvents(geo);
    document.body.dataset.markers = String(map.count());  // events on the map layer (tests read it)
    if (state.selected) map.select(state.selected);
    renderList(page);
    state.lastStats = stats;
    renderSummary();
    timelineView.update(timeline, { from: state.filters.date_from, to: state.filters.date_to });
    $("#brush-clear").hidden = !(state.filters.date_from || state.filters.date_to);
    document.body.dataset.ready = "1";
  } catch (err) {
    if (gen === generation) { showError(err); lastQuery = null; }
  }
}

function renderSummary() {
  const s = state.lastStats;
  if (!s) return;
  $("#summary").textContent = t("summary", { events: fmt(s.events), fatalities: fmt(s.fatalities),
                                             documents: fmt(s.documents) });
}

async function select(id, { pan = false } = {}) {
  state.selected = id;
  for (const tr of document.querySelectorAll("#list tbody tr")) tr.classList.toggle("selected", tr.dataset.id === id);
  map.select(id);
  try {
    const ev = await api(`events/${encodeURIComponent(id)}`);
    const docs = await Promise.all(ev.documents.map((d) => api(`documents/${encodeURIComponent(d.id)}`)));
    if (state.selected !== id) return;
    document.body.classList.add("has-panel");
    renderPanel($("#panel"), ev, docs, { onClose: closePanel });
    map.invalidate();
    if (pan) map.select(id, { pan });  // after the panel took its room from the map
    timelineView.render();
  } catch (err) {
    showError(err);
  }
}

function closePanel() {
  state.selected = null;
  map.select(null);
  document.body.classList.remove("has-panel");
  renderEmpty($("#panel"));
  for (const tr of document.querySelectorAll("#list tbody tr.selected")) tr.classList.remove("selected");
  map.invalidate();
  timelineView.render();
}

// --- boot ----------------------------------------------------------------------------------
await loadStrings();
applyStrings(document);
const map = createMap($("#map"), { onSelect: (id) => select(id) });
map.drawLegend();
const timelineView = createTimeline($("#timeline"), {
  onBrush(from, to) {
    state.filters.date_from = from;
    state.filters.date_to = to;
    state.page = 1;
    writeForm();
    refresh();
  },
});

$("#filters").addEventListener("change", onFilterChange);
$("#filters").addEventListener("input", (ev) => { if (ev.target.type === "search" || ev.target.type === "text") onFilterChange(ev); });
$("#filters").addEventListener("submit", (ev) => ev.preventDefault());
$("#filters").addEventListener("reset", () => setTimeout(() => { fillFacets(); readForm(); state.page = 1; refresh(); }, 0));
$("#brush-clear").addEventListener("click", () => {
  state.filters.date_from = state.filters.date_to = "";
  writeForm();
  refresh();
});
$("#prev").addEventListener("click", () => { state.page = Math.max(1, state.page - 1); refresh(); });
$("#next").addEventListener("click", () => { state.page += 1; refresh(); });
for (const th of document.querySelectorAll("#list th[data-sort]")) {
  th.tabIndex = 0;
  const sortBy = () => {
    const key = th.dataset.sort;
    state.sort = state.sort === `-${key}` ? key : `-${key}`;
    state.page = 1;
    refresh();
  };
  th.addEventListener("click", sortBy);
  th.addEventListener("keydown", (e) => { if (e.key === "Enter") sortBy(); });
}
$("#lang-toggle").addEventListener("click", () => {
  setLang(currentLang() === "ar" ? "en" : "ar");
  fillFacets();
  map.drawLegend();
  map.drawLabels();
  renderSummary();
  refresh({ force: true });
  if (state.selected) select(state.selected); else renderEmpty($("#panel"));
});

renderEmpty($("#panel"));
api("boundaries.geojson").then((fc) => {
  map.setBoundaries(fc);
  for (const f of fc.features || []) {  // Arabic names of provinces for the drop-down
    const p = f.properties || {};
    if (p.level === 1 && p.name_en && p.name_ar) state.adminAr[p.name_en] = p.name_ar;
  }
  fillFacets();
}).catch(showError);  // the page works without its base layer, but says why it is missing
try {
  state.facets = await api("facets");
  fillFacets();
} catch (err) { showError(err); }
refresh();
