// The map: country and admin-1 outlines (basemap.json, tools/build_web_map.py) in SVG, an
// equirectangular projection squeezed by cos(30°) so the Middle East keeps its shape, and one
// marker per place sized by its number of events.
import { el, svg, appLink } from "./dom.js";

const SQUEEZE = Math.cos(Math.PI / 6);
const VIEWS = { MENA: [-18, 5, 64, 44], World: [-180, -60, 180, 80] };  // lon0, lat0, lon1, lat1

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
  for (const p of located) {
    const [x, y] = project(p.lon, p.lat);
    const n = p.events.length;
    const near = `${p.lat.toFixed(4)},${p.lon.toFixed(4)},5`;
    const link = svg("a", { href: appLink({ ...filters, near }, "").getAttribute("href") });
    link.append(svg("circle", { cx: x.toFixed(3), cy: y.toFixed(3), r: (0.35 + 0.3 * Math.sqrt(n)).toFixed(3),
      class: "marker", "data-count": n, "data-place": p.name || "" },
      svg("title", { text: `${p.name || "?"}: ${n} event${n === 1 ? "" : "s"}` })));
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
    + `${unplaced} without a place. Click a marker for the events near it.`);
  return el("div", { class: "map-box" }, buttons, chart, note);
}

export async function basemapCredit() {
  return (await loadBasemap()).credit;
}
