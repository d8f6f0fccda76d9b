// The map: country and admin-1 outlines (basemap.json, tools/build_web_map.py) in SVG, an
// equirectangular projection squeezed by cos(30°) so the Middle East keeps its shape, and markers
// for clusters of nearby places (within CLUSTER_DEGREES of the cluster's first, busiest place),
// sized by their number of events and labelled with it.
import { el, svg, appLink } from "./dom.js";

const SQUEEZE = Math.cos(Math.PI / 6);
const VIEWS = { MENA: [-18, 5, 64, 44], World: [-180, -60, 180, 80] };  // lon0, lat0, lon1, lat1

const CLUSTER_DEGREES = 1.5;  // about 165 km at this zoom: places closer than this to a busier one join its marker
const project = (lon, lat) => [lon * SQUEEZE, -lat];

function viewBox([lon0, lat0, lon1, lat1]) {
  const [x0, y0] = project(lon0, lat1);
  const [x1, y1] = project(lon1, lat0);
  return `${x0} ${y0} ${x1 - x0} ${y1 - y0}`;
}

function ringsPath(coordinates) {
  return coordinates.map((polygon) => polygon.map((ring) => "M" + ring.map(([lon, lat]) => {
    const [x, y] = project(lon, lat);
    return `${x.toFixed(2)},${y.toFixed(2)}`;
  }).join("L") + "Z").join("")).join("");
}

let basemap = null;
async function loadBasemap() {
  if (!basemap) basemap = fetch("/basemap.json").then((r) => r.json());
  return basemap;
}

// Events grouped by their place's point: [{lat, lon, name, events: [...]}].
export function places(events) {
  const groups = new Map();
  for (const e of events) {
    if (e.lat === null || e.lon === null || e.lat === undefined) continue;
    const key = `${e.lat.toFixed(3)},${e.lon.toFixed(3)}`;
    if (!groups.has(key)) groups.set(key, { lat: e.lat, lon: e.lon, name: e.place_name || e.place_text, events: [] });
    groups.get(key).events.push(e);
  }
  return [...groups.values()].sort((a, b) => b.events.length - a.events.length);
}

// Places grouped around the busiest place near them (greedy, busiest first: deterministic).
export function clusters(located) {
  const out = [];
  for (const p of located) {
    const home = out.find((c) => Math.hypot((c.lon - p.lon) * SQUEEZE, c.lat - p.lat) <= CLUSTER_DEGREES);
    if (home) { home.places.push(p); home.count += p.events.length; } else {
      out.push({ lat: p.lat, lon: p.lon, name: p.name, places: [p], count: p.events.length });
    }
  }
  return out;
}

export async function drawMap(events, filters) {
  const geo = await loadBasemap();
  const chart = svg("svg", { viewBox: viewBox(VIEWS.MENA), class: "map", role: "img", "aria-label": "Map of events" });
  const outlines = svg("g", { class: "outlines" });
  for (const f of geo.features) {
    const level = f.properties.level;
    const title = svg("title", { text: f.properties.name + (f.properties.name_ar ? ` — ${f.properties.name_ar}` : "") });
    outlines.append(svg("path", { d: ringsPath(f.geometry.coordinates), class: level ? "admin1" : "country",
      "fill-rule": "evenodd" }, title));
  }
  chart.append(outlines);
  const markers = svg("g", { class: "markers" });
  const located = places(events);
  for (const c of clusters(located)) {
    const [x, y] = project(c.lon, c.lat);
    const n = c.count;
    // the events near the cluster's centre, out to its farthest place (+5 km)
    const km = Math.max(...c.places.map((p) => 111 * Math.hypot((p.lon - c.lon) * Math.cos(c.lat * Math.PI / 180),
      p.lat - c.lat)));
    const near = `${c.lat.toFixed(4)},${c.lon.toFixed(4)},${Math.ceil(km + 5)}`;
    const names = c.places.map((p) => p.name || "?");
    const label = c.places.length > 1 ? `${names.slice(0, 3).join(", ")}${names.length > 3 ? " …" : ""} (${c.places.length} places)` : names[0];
    const link = svg("a", { href: appLink({ ...filters, near }, "").getAttribute("href") });
    const r = 0.35 + 0.3 * Math.sqrt(n);
    link.append(svg("circle", { cx: x.toFixed(3), cy: y.toFixed(3), r: r.toFixed(3),
      class: "marker", "data-count": n, "data-places": c.places.length, "data-place": c.name || "" },
      svg("title", { text: `${label}: ${n} event${n === 1 ? "" : "s"}` })));
    if (n > 1) {
      link.append(svg("text", { x: x.toFixed(3), y: (y + r * 0.35).toFixed(3), class: "marker-count",
        "font-size": Math.max(0.6, r * 0.9).toFixed(2), "text-anchor": "middle", text: String(n) }));
    }
    markers.append(link);
  }
  chart.append(markers);
  const unplaced = events.length - located.reduce((sum, p) => sum + p.events.length, 0);
  const buttons = el("div", { class: "map-views" });
  for (const [name, box] of Object.entries(VIEWS)) {
    const button = el("button", { type: "button", text: name });
    button.addEventListener("click", () => chart.setAttribute("viewBox", viewBox(box)));
    buttons.append(button);
  }
  const note = el("p", { class: "note" }, `${events.length - unplaced} events at ${located.length} places; `
    + `${unplaced} without a place. Nearby places share a marker; click one for the events near it.`);
  return el("div", { class: "map-box" }, buttons, chart, note);
}

export async function basemapCredit() {
  return (await loadBasemap()).credit;
}
