// The JSON API of the same server (relative URLs only: the page asks nothing of any other host).
export const EVENT_FILTERS = ["type", "mode", "source", "target", "country", "place", "near", "since", "until",
  "hedged", "negated", "min_reports", "outlet"];
const PAGE = 500;          // the API's largest page
export const EVENT_CAP = 5000;  // events drawn at most; the timeline counts all (from /api/stats)

export class ApiError extends Error {}

export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.size ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail)
      ? body.detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
      : body.detail || response.statusText;
    throw new ApiError(`${response.status}: ${detail}`);
  }
  return body;
}

// The filters in the page's URL that /api/events takes.
export function filtersFrom(search) {
  const params = new URLSearchParams(search);
  const out = {};
  for (const name of EVENT_FILTERS) {
    const value = params.get(name);
    if (value) out[name] = value;
  }
  return out;
}

// Every event the filters select, page by page (cursor), up to EVENT_CAP.
export async function allEvents(filters) {
  const rows = [];
  let cursor = null;
  do {
    const page = await getJSON("/api/events", { ...filters, limit: PAGE, cursor });
    rows.push(...page.events);
    cursor = page.next;
  } while (cursor && rows.length < EVENT_CAP);
  return { rows, truncated: Boolean(cursor) };
}

// A review write (`marsad serve --allow-review`): values in the query string, no body; the header
// tells the server the request comes from this app (another site's page cannot add it).
// `eventId`: ARTICLE_ID#N, or the article's id for "add"
export async function postReview(action, eventId, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const path = `/api/review/${action}/${encodeURIComponent(eventId)}`;
  const response = await fetch(query.size ? `${path}?${query}` : path,
    { method: "POST", headers: { Accept: "application/json", "X-Marsad-Review": "1" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(body.detail) ? body.detail.map((d) => d.msg).join("; ") : body.detail;
    throw new ApiError(`${response.status}: ${detail || response.statusText}`);
  }
  return body;
}
