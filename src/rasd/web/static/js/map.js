// The Leaflet map: admin boundaries as the only base layer (no tiles, no internet), events as
// markers coloured by type and sized by fatalities, clustered when dense.
import { t, tv, fmt, currentLang } from "./i18n.js";
import { TYPES, typeClass, sizeBucket, BUCKET_PX } from "./types.js";

const DEFAULT_VIEW = { center: [34.6, 40.8], zoom: 6 };

export function createMap(el, { onSelect }) {
  const map = L.map(el, { zoomSnap: 0.25, minZoom: 3, maxZoom: 14, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Leaflet · OCHA COD-AB");
  map.setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
  // Leaflet 1.9 dropped hasLayer's guard against undefined, which markercluster 1.5 relies on when a
  // zoomToShowLayer is still pending after its marker was replaced (a refresh during the animation).
  const hasLayer = map.hasLayer.bind(map);
  map.hasLayer = (layer) => !!layer && hasLayer(layer);
  map.createPane("boundaries").style.zIndex = 250;

  let boundaryLayer = null;
  let boundaryData = null;
  const labels = { 1: L.layerGroup(), 2: L.layerGroup() };
  const markers = new Map();
  let selectedId = null;
  let fitted = false;

  const cluster = L.markerClusterGroup({
    maxClusterRadius: 36,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction(c) {
      const n = c.getChildCount();
      const size = n < 10 ? 32 : n < 100 ? 40 : 48;
      // a ring showing the share of each event type (set through CSSOM: the CSP allows no inline styles)
      const counts = new Map();
      for (const m of c.getAllChildMarkers()) {
        const type = m.feature.properties.event_type;
        counts.set(type, (counts.get(type) || 0) + 1);
      }
      const css = getComputedStyle(document.documentElement);
      let acc = 0;
      const stops = [];
      for (const type of [...TYPES, ...[...counts.keys()].filter((k) => !TYPES.includes(k))]) {
        const k = counts.get(type);
        if (!k) continue;
        const color = css.getPropertyValue(`--${typeClass(type)}`).trim() || "#6b6b6b";
        stops.push(`${color} ${(acc / n) * 360}deg ${((acc + k) / n) * 360}deg`);
        acc += k;
      }
      const ring = document.createElement("div");
      ring.className = "ring";
      ring.style.background = `conic-gradient(${stops.join(", ")})`;
      const label = document.createElement("span");
      label.textContent = String(n);
      ring.append(label);
      return L.divIcon({ html: ring, className: "ev-cluster", iconSize: [size, size] });
    },
  });
  map.addLayer(cluster);

  const legend = L.control({ position: "topright" });
  legend.onAdd = () => {
    const div = L.DomUtil.create("div", "legend");
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  legend.addTo(map);

  function drawLegend() {
    const div = legend.getContainer();
    div.replaceChildren();
    const h = document.createElement("div");
    h.className = "legend-title";
    h.textContent = t("legend");
    div.append(h);
    for (const type of TYPES) {
      const row = document.createElement("div");
      const dot = document.createElement("span");
      dot.className = `legend-dot ${typeClass(type)}`;
      row.append(dot, document.createTextNode(tv("type", type)));
      div.append(row);
    }
  }

  // admin names: provinces at country zoom, districts closer in; in the page's language
  function drawLabels() {
    for (const g of Object.values(labels)) g.clearLayers();
    if (!boundaryLayer) return;
    boundaryLayer.eachLayer((l) => {
      const p = l.feature.properties || {};
      const name = currentLang() === "ar" ? (p.name_ar || p.name_en) : (p.name_en || p.name_ar);
      if (!name || !labels[p.level]) return;
      const icon = L.divIcon({ className: `admin-label lvl${p.level}`, html: "<span></span>", iconSize: null });
      const m = L.marker(l.getBounds().getCenter(), { icon, interactive: false, keyboard: false, pane: "labels" });
      m.on("add", () => { m.getElement().firstChild.textContent = name; });
      labels[p.level].addLayer(m);
    });
    showLabels();
  }

  function showLabels() {
    const z = map.getZoom();
    const want = { 1: z >= 5.5 && z < 8, 2: z >= 8 };
    for (const [lvl, g] of Object.entries(labels)) {
      if (want[lvl] && !map.hasLayer(g)) g.addTo(map);
      if (!want[lvl] && map.hasLayer(g)) g.remove();
    }
  }
  map.createPane("labels").style.zIndex = 350;
  map.getPane("labels").style.pointerEvents = "none";
  map.on("zoomend", showLabels);

  function setBoundaries(fc) {
    if (boundaryLayer) boundaryLayer.remove();
    boundaryData = fc;
    if (!fc || !fc.features || fc.features.length === 0) return;  // not built yet: draw nothing
    boundaryLayer = L.geoJSON(fc, {
      pane: "boundaries",
      interactive: false,
      style: (f) => (f.properties && f.properties.level === 2)
        ? { color: "#b9b4a6", weight: 0.6, fill: false }
        : { color: "#8c8574", weight: 1.4, fillColor: "#f6f3ea", fillOpacity: 1 },
    });
    // admin1 fills first, admin2 lines above them
    boundaryLayer.addTo(map);
    boundaryLayer.eachLayer((l) => { if (l.feature.properties.level === 2) l.bringToFront(); });
    drawLabels();
    // the base layer is the area of interest: start there (events elsewhere show as clusters at the edge)
    if (!fitted) {
      map.fitBounds(boundaryLayer.getBounds(), { padding: [12, 12] });
      fitted = true;
    }
  }

  function iconFor(p, selected) {
    const b = sizeBucket(p.fatalities);
    const px = BUCKET_PX[b];
    return L.divIcon({
      className: `ev ${typeClass(p.event_type)} s${b}${selected ? " selected" : ""}`,
      iconSize: [px, px],
      html: "",
    });
  }

  function setEvents(fc) {
    cluster.clearLayers();
    markers.clear();
    const layers = [];
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const m = L.marker([lat, lon], { icon: iconFor(p, p.id === selectedId), keyboard: true,
                                       title: `${p.event_date || ""} ${tv("type", p.event_type)}` });
      m.feature = f;
      m.bindTooltip(() => tooltip(p), { direction: "top", offset: [0, -6] });
      m.on("click", () => onSelect(p.id));
      markers.set(p.id, m);
      layers.push(m);
    }
    cluster.addLayers(layers);
    if (!fitted && !boundaryData && layers.length) {  // no base layer (yet): frame the events
      map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 8 });
    }
  }

  function tooltip(p) {
    const div = document.createElement("div");
    div.className = "ev-tip";
    const a = document.createElement("strong");
    a.textContent = `${tv("type", p.event_type)} · ${p.sub_event_type}`;
    const b = document.createElement("div");
    b.textContent = [p.event_date, p.location || p.admin1, p.fatalities ? `${fmt(p.fatalities)} ✝` : ""]
      .filter(Boolean).join(" · ");
    div.append(a, b);
    return div;
  }

  // a cluster hiding the selected event gets a ring, so the selection stays visible when zoomed out
  function ringSelectedCluster() {
    for (const el of document.querySelectorAll(".ev-cluster.has-selected")) el.classList.remove("has-selected");
    const m = markers.get(selectedId);
    const parent = m && cluster.getVisibleParent(m);
    if (parent && parent !== m && parent._icon) parent._icon.classList.add("has-selected");
  }
  map.on("zoomend moveend", ringSelectedCluster);
  cluster.on("animationend", ringSelectedCluster);

  function select(id, { pan = false } = {}) {
    const old = markers.get(selectedId);
    if (old) old.setIcon(iconFor(old.feature.properties, false));
    selectedId = id;
    const m = markers.get(id);
    if (!m) { ringSelectedCluster(); return false; }
    m.setIcon(iconFor(m.feature.properties, true));
    ringSelectedCluster();
    // keep the zoom (and the context): bring it into view; a cluster holding it gets the ring
    if (pan && !map.getBounds().pad(-0.05).contains(m.getLatLng())) map.panTo(m.getLatLng());
    return true;
  }

  return {
    map, setBoundaries, setEvents, select, drawLegend, drawLabels,
    invalidate: () => map.invalidateSize(),
    count: () => markers.size,
  };
}
