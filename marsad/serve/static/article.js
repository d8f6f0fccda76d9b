// The article view: the Arabic text with the event's spans marked from their offsets, beside the
// event's fields. Marks are built as elements holding text nodes (never markup from data).
import { el, appLink, section } from "./dom.js";
import { getJSON } from "./api.js";
import { reviewControls } from "./review.js";

// The claim that reports the event: the one whose content holds the event's trigger.
export function reportingClaim(record, event) {
  const at = event.trigger ? event.trigger.start : null;
  if (at === null) return null;
  return (record.claims || []).find((c) => c.content && c.content.start <= at && at < c.content.end) || null;
}

function claimSpan(claim) {
  const parts = [claim.speaker, claim.cue, claim.content].filter((p) => p && p.start !== undefined && p.start !== null);
  return { role: "claim", start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
}

// The text cut at every span boundary; each piece knows the roles covering it.
export function markedText(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = el("div", { class: "article-text", dir: "rtl", lang: "ar" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [lo, hi] = [points[i], points[i + 1]];
    const piece = text.slice(lo, hi);
    const roles = spans.filter((s) => s.start <= lo && hi <= s.end).map((s) => s.role);
    if (!roles.length) { out.append(document.createTextNode(piece)); continue; }
    out.append(el("mark", { class: roles.map((r) => `role-${r}`).join(" "), "data-roles": roles.join(" "),
      "data-start": lo, "data-end": hi, title: roles.join(", ") }, piece));
  }
  return out;
}

function field(name, ...value) {
  return [el("dt", { text: name }), el("dd", {}, ...value)];
}

function actorField(span) {
  if (!span) return ["—"];  // the text in its own direction, the actor after it
  const a = span.actor || {};
  return [el("span", { class: "role-text", dir: "auto", text: span.text }), " ",
    a.id ? appLink({ actor: a.id }, `${a.name_en || a.id} (${a.id})`, { dir: "ltr" })
      : el("span", { dir: "ltr", text: [a.name_en, a.country, a.sector].filter(Boolean).join(" · ") })];
}

function eventFields(view, claim) {
  const e = view.event;
  const list = el("dl", { class: "fields" });
  list.append(
    ...field("Event", view.id),
    ...field("Type", `${e.type}${e.mode ? " / " + e.mode : ""}`),
    ...field("Trigger", el("span", { dir: "auto", text: e.trigger ? e.trigger.text : "—" })),
    ...field("Source", ...actorField(e.source)),
    ...field("Target", ...actorField(e.target)),
    ...field("Date", e.date ? `${e.date.value} (${e.date.precision})` : "—", view.date_from_text ? " from the text" : ""),
    ...field("Place", el("span", { dir: "auto", text: e.location ? `${e.location.text || ""} ${e.location.name || ""}`.trim() : "—" })),
    ...field("Negated / hedged", `${e.negated ? "yes" : "no"} / ${e.hedged ? "yes" : "no"}`),
    ...field("Confidence", e.confidence ?? "—"),
    ...field("Reports", String(view.reports)),
    ...field("Claim", claim ? `${claim.speaker ? claim.speaker.text : "?"}: ${claim.cue ? claim.cue.text : ""}` : "—"));
  return list;
}

export async function articleView(articleId, index) {
  const record = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
  const head = el("div", { class: "article-head" },
    el("h2", { dir: "auto", text: record.title || record.id }),
    el("p", { class: "note" }, [record.date, record.source, record.id].filter(Boolean).join(" · ")));
  let spans = [];
  let side = el("p", { class: "note", text: "Choose an event below to mark it in the text." });
  if (index !== null && record.events[index]) {
    const view = await getJSON(`/api/events/${encodeURIComponent(`${articleId}#${index}`)}`);
    const claim = reportingClaim(record, view.event);
    spans = [...(claim ? [claimSpan(claim)] : []), ...view.spans];
    side = el("div", {}, eventFields(view, claim), legend(), await reviewControls(view.id, articleId));
  }
  const events = el("ol", { class: "article-events", start: 0 }, ...record.events.map((e, i) =>
    el("li", { class: i === index ? "current" : null }, appLink({ article: articleId, ev: i },
      `${e.type} — ${e.trigger ? e.trigger.text : ""}`, { dir: "auto" }))));
  return el("div", { class: "article-view" }, head,
    el("div", { class: "columns" }, el("div", { class: "text-col" }, markedText(record.text, spans)),
      el("aside", { class: "side-col" }, side, section("Events in this article", events))));
}

function legend() {
  return el("ul", { class: "legend" }, ...["trigger", "source", "target", "place", "date", "claim"].map((r) =>
    el("li", {}, el("mark", { class: `role-${r}`, text: r }))));
}
