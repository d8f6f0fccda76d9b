// The event table: one row per event, its text fields in their own direction (dir="auto").
import { el, appLink } from "./dom.js";

function actorCell(text, id, name) {
  const cell = el("td", { dir: "auto" }, text || "");
  if (id) cell.append(el("br"), appLink({ actor: id }, name ? `${name} (${id})` : id, { class: "actor", dir: "ltr" }));
  else if (name) cell.append(el("br"), el("span", { class: "actor", dir: "ltr", text: name }));
  return cell;
}

export function drawTable(events) {
  const head = el("tr", {}, ...["Date", "Type", "Trigger", "Source", "Target", "Place", "Flags", ""].map((h) =>
    el("th", { text: h })));
  const body = el("tbody");
  for (const e of events) {
    const flags = [e.negated ? "negated" : "", e.hedged ? "hedged" : "", e.reports > 1 ? `${e.reports} reports` : ""]
      .filter(Boolean).join(", ");
    body.append(el("tr", { "data-event": e.id },
      el("td", { text: e.date || "" }),
      el("td", {}, e.type, e.mode ? el("span", { class: "mode", text: ` ${e.mode}` }) : null),
      el("td", { dir: "auto", text: e.trigger_text || "" }),
      actorCell(e.source_text, e.source_actor_id, e.source_actor_name),
      actorCell(e.target_text, e.target_actor_id, e.target_actor_name),
      el("td", { dir: "auto" }, e.place_text || "", e.place_name ? el("span", { class: "actor", text: ` ${e.place_name}` }) : null),
      el("td", { text: flags }),
      el("td", {}, appLink({ article: e.article_id, ev: e.idx }, "article", { class: "open" }))));
  }
  return el("table", { class: "events" }, el("thead", {}, head), body);
}
