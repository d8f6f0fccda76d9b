// The app's one page: the URL's query string says what it shows (the filters, an article, an
// actor, a search), so every view can be bookmarked and shared.
import { el, section } from "./dom.js";
import { allEvents, filtersFrom, getJSON, EVENT_CAP } from "./api.js";
import { drawMap, basemapCredit } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { drawTable } from "./table.js";
import { articleView } from "./article.js";
import { searchView, actorView } from "./pages.js";

const TRI_STATE = [["", "any"], ["true", "yes"], ["false", "no"]];

function input(name, label, value, attrs = {}) {
  return el("label", {}, label, el("input", { name, value: value || "", dir: "auto", maxlength: 200, ...attrs }));
}

function choice(name, label, value, options) {
  const select = el("select", { name }, ...options.map(([v, text]) => el("option", { value: v, text })));
  select.value = value || "";
  return el("label", {}, label, select);
}

// The filter form: submitting it loads `/?…` with the filled-in fields only.
function filterForm(filters, types) {
  const form = el("form", { class: "filters", action: "/", method: "get" },
    choice("type", "Type", filters.type, [["", "any"], ...types.map((t) => [t, t])]),
    input("source", "Source actor", filters.source, { placeholder: "e.g. RUS-GOV" }),
    input("target", "Target actor", filters.target, { placeholder: "e.g. USA" }),
    input("country", "Country", filters.country, { placeholder: "ISO3, e.g. SYR" }),
    input("since", "Since", filters.since, { placeholder: "YYYY-MM-DD" }),
    input("until", "Until", filters.until, { placeholder: "YYYY-MM-DD" }),
    input("outlet", "Outlet", filters.outlet),
    choice("hedged", "Hedged", filters.hedged, TRI_STATE),
    choice("negated", "Negated", filters.negated, TRI_STATE),
    el("button", { type: "submit", text: "Apply" }),
    el("a", { href: "/", text: "Clear" }));
  for (const name of ["near", "place", "mode", "min_reports"]) {
    if (filters[name]) form.append(el("input", { type: "hidden", name, value: filters[name] }));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (value) query.set(key, value);
    location.assign(query.size ? `/?${query}` : "/");
  });
  return form;
}

async function dashboard(filters) {
  const [allTypes, events, stats] = await Promise.all([
    getJSON("/api/stats", { by: "type" }),
    allEvents(filters),
    getJSON("/api/stats", { ...filters, period: "month", by: "type" }),
  ]);
  const types = allTypes.rows.map((r) => r.type).sort();
  const shown = events.rows.length;
  const summary = el("p", { class: "summary", id: "summary", "data-count": shown },
    `${shown}${events.truncated ? "+" : ""} events`,
    events.truncated ? ` (the map and the table show the first ${EVENT_CAP})` : "");
  return el("div", { class: "dashboard" }, filterForm(filters, types), summary,
    el("div", { class: "columns" }, section("Map", await drawMap(events.rows, filters)),
      section("Timeline: acts per month and type (counted as `marsad count` counts)", drawTimeline(stats))),
    section("Events", el("div", { class: "table-box" }, drawTable(events.rows))));
}

async function render() {
  const main = document.getElementById("main");
  const params = new URLSearchParams(location.search);
  document.querySelector("#search input").value = params.get("q") || "";
  let view;
  try {
    if (params.get("article")) {
      const index = params.get("ev");
      view = await articleView(params.get("article"), index === null ? null : Number(index));
    } else if (params.get("actor")) {
      view = await actorView(params.get("actor"));
    } else if (params.get("q")) {
      view = await searchView(params.get("q"));
    } else {
      view = await dashboard(filtersFrom(location.search));
    }
  } catch (error) {
    view = el("p", { class: "error", role: "alert", text: `Could not load this view: ${error.message}` });
  }
  main.replaceChildren(view);
  document.getElementById("credit").replaceChildren(el("span", { text: await basemapCredit() }));
  document.body.dataset.ready = "true";  // for the browser tests: the view is drawn
}

render();
