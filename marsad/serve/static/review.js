// Review controls of the article view, shown only when the server takes reviews (--allow-review):
// accept, reject, or change the event's type, source, target, date or place; add an event it missed.
import { el } from "./dom.js";
import { getJSON, postReview } from "./api.js";

const FIELDS = [["type", "Type", "e.g. REJECT"], ["source", "Source", "START:END or words, - clears"],
  ["target", "Target", "START:END or words, - clears"], ["date", "Date", "YYYY-MM-DD, - clears"],
  ["place", "Place", "START:END or words, - clears"]];

const ADD_FIELDS = [["type", "Type", "e.g. COERCE (required)"], ["trigger", "Trigger", "START:END or words (required)"],
  ...FIELDS.slice(1)];

export async function reviewControls(eventId, articleId) {
  const state = await getJSON("/api/review");
  if (!state.enabled) return null;
  const message = el("p", { class: "review-message", role: "status" });
  const act = async (action, params, next) => {
    try {
      const done = await postReview(action, eventId, params);
      message.textContent = done.described;
      location.assign(next);
    } catch (error) {
      message.textContent = `Refused: ${error.message}`;
      message.className = "review-message error";
    }
  };
  const here = `/?${new URLSearchParams({ article: articleId, ev: eventId.split("#").pop() })}`;
  const accept = el("button", { type: "button", class: "accept", text: "Accept" });
  accept.addEventListener("click", () => act("confirm", {}, here));
  const reject = el("button", { type: "button", class: "reject", text: "Reject" });
  reject.addEventListener("click", () => act("reject", {}, `/?${new URLSearchParams({ article: articleId })}`));
  const form = el("form", { class: "review-edit" }, ...FIELDS.map(([name, label, hint]) =>
    el("label", {}, label, el("input", { name, placeholder: hint, dir: "auto", maxlength: 200 }))),
  el("button", { type: "submit", text: "Save changes" }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    act("change", Object.fromEntries(new FormData(form)), here);
  });
  const missed = el("form", { class: "review-add" }, el("h3", { text: "Add a missed event" }),
    ...ADD_FIELDS.map(([name, label, hint]) =>
      el("label", {}, label, el("input", { name, placeholder: hint, dir: "auto", maxlength: 200 }))),
    el("button", { type: "submit", text: "Add event" }));
  missed.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const done = await postReview("add", articleId, Object.fromEntries(new FormData(missed)));
      message.textContent = done.described;
      const added = done.item_id ? done.item_id.split("#").pop() : null;
      location.assign(`/?${new URLSearchParams(added ? { article: articleId, ev: added } : { article: articleId })}`);
    } catch (error) {
      message.textContent = `Refused: ${error.message}`;
      message.className = "review-message error";
    }
  });
  const who = state.reviewer ? `as ${state.reviewer}` : `as the user your proxy names (${state.reviewer_header})`;
  return el("section", { class: "panel review" }, el("h2", { text: `Review ${who}` }),
    el("div", {}, accept, " ", reject), form, missed, message);
}
