// The timeline: events per period (month) and type from /api/stats, as stacked SVG bars.
import { el, svg } from "./dom.js";

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
  "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];

export function colourOf(types) {
  const sorted = [...types].sort();
  return (type) => COLOURS[sorted.indexOf(type) % COLOURS.length];
}

// stats: an /api/stats answer with by = [period, "type"].
export function drawTimeline(stats) {
  const period = stats.by[0];
  const unit = stats.counted;
  const periods = [...new Set(stats.rows.map((r) => r[period] ?? "undated"))].sort();
  const types = [...new Set(stats.rows.map((r) => r.type))];
  const colour = colourOf(types);
  const totals = new Map(periods.map((p) => [p, 0]));
  for (const r of stats.rows) totals.set(r[period] ?? "undated", totals.get(r[period] ?? "undated") + r[unit]);
  const highest = Math.max(1, ...totals.values());
  // bars share 560 units of width, 4 to 40 each (a long span of months scrolls sideways)
  const gap = 4, height = 160, left = 30, bottom = 60;
  const barW = Math.max(4, Math.min(40, 560 / Math.max(1, periods.length) - gap));
  const width = left + periods.length * (barW + gap) + 10;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height + bottom}`, class: "timeline", role: "img",
    "aria-label": "Acts per month and type" });
  chart.setAttribute("width", width);
  chart.append(svg("text", { x: 2, y: 10, class: "axis", text: String(highest) }),
    svg("line", { x1: left - 2, x2: width, y1: height, y2: height, class: "axis-line" }));
  periods.forEach((p, i) => {
    const x = left + i * (barW + gap);
    let y = height;
    for (const r of stats.rows.filter((row) => (row[period] ?? "undated") === p).sort((a, b) => a.type < b.type ? -1 : 1)) {
      const h = (r[unit] / highest) * (height - 15);
      y -= h;
      chart.append(svg("rect", { x, y: y.toFixed(2), width: barW, height: h.toFixed(2), fill: colour(r.type),
        class: "bar", "data-period": p, "data-type": r.type, "data-count": r[unit] },
        svg("title", { text: `${p} ${r.type}: ${r[unit]}` })));
    }
    chart.append(svg("text", { x: x + barW / 2, y: height + 8, class: "tick",
      transform: `rotate(60 ${x + barW / 2} ${height + 8})`, text: p }));
  });
  const legend = el("ul", { class: "legend" }, ...types.sort().map((t) =>
    el("li", {}, el("span", { class: "swatch", "data-colour": colour(t) }), t)));
  for (const swatch of legend.querySelectorAll(".swatch")) swatch.style.background = swatch.dataset.colour;
  const note = stats.truncated ? el("p", { class: "note", text: "Only the first rows of the counts are drawn." }) : null;
  return el("div", { class: "timeline-box" }, el("div", { class: "scroll" }, chart), legend, note,
    el("p", { class: "note", text: stats.note }));
}
