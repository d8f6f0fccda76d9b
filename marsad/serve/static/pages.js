// The search results and the actor page.
import { el, appLink, section } from "./dom.js";
import { getJSON } from "./api.js";
import { drawTable } from "./table.js";
import { drawTimeline } from "./timeline.js";

// A search snippet marks its matches with **…**: they become <mark> elements, the rest text.
function snippet(text) {
  const out = el("p", { class: "snippet", dir: "rtl", lang: "ar" });
  text.split("**").forEach((part, i) => out.append(i % 2 ? el("mark", { text: part }) : document.createTextNode(part)));
  return out;
}

export async function searchView(q) {
  const answer = await getJSON("/api/search", { q, limit: 50 });
  const list = el("ol", { class: "hits" }, ...answer.hits.map((h) => el("li", {},
    appLink({ article: h.id }, h.title || h.id, { dir: "auto", class: "hit-title" }),
    el("span", { class: "note", text: ` ${[h.date, h.source].filter(Boolean).join(" · ")}` }),
    snippet(h.snippet))));
  return section(`Search: ${answer.hits.length}${answer.next ? "+" : ""} articles`,
    answer.hits.length ? list : el("p", { text: "No article matches every word." }));
}

export async function actorView(id) {
  const answer = await getJSON(`/api/actors/${encodeURIComponent(id)}`);
  const a = answer.actor;
  const [asSource, asTarget] = await Promise.all(["source", "target"].map((role) =>
    getJSON("/api/stats", { [role]: id, period: "month", by: "type" })));
  const claims = el("ul", { class: "claims" }, ...answer.claims.map((c) => el("li", {},
    el("span", { class: "note", text: `${c.date || ""} ` }),
    el("span", { dir: "auto", text: c.content_text || c.speaker_text || "" }), " ",
    appLink({ article: c.article_id }, "article"))));
  return el("div", { class: "actor-view" },
    el("h2", {}, `${a.name || id} `, el("span", { class: "note", text: `${id}${a.country ? " · " + a.country : ""}` })),
    el("p", { text: `${a.as_source} events as source, ${a.as_target} as target, ${a.as_speaker} claims as speaker.` }),
    el("p", {}, appLink({ source: id }, "All its events as source"), " · ", appLink({ target: id }, "as target")),
    section("As source, over time", drawTimeline(asSource)),
    section("As target, over time", drawTimeline(asTarget)),
    section(`First events as source (${answer.as_source.length})`, drawTable(answer.as_source)),
    section(`First events as target (${answer.as_target.length})`, drawTable(answer.as_target)),
    section(`First claims (${answer.claims.length})`, claims));
}
