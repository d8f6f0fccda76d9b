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
  // post one review; `next(done)` is the page to show once the store has it
  const act = async (action, id, params, next) => {
    try {
      const done = await postReview(action, id, params);
      message.textContent = done.described;
      location.assign(next(done));
    } catch (error) {
      message.textContent = `Refused: ${error.message}`;
      message.className = "review-message error";
    }
  };
  const view = (ev) => `/?${new URLSearchParams(ev ? { article: articleId, ev } : { article: articleId })}`;
  const here = () => view(eventId.split("#").pop());
  const accept = el("button", { type: "button", class: "accept", text: "Accept" });
  accept.addEventListener("click", () => act("confirm", eventId, {}, here));
  const reject = el("button", { type: "button", class: "reject", text: "Reject" });
  reject.addEventListener("click", () => act("reject", eventId, {}, () => view(null)));
  const form = fieldsForm("review-edit", FIELDS, "Save changes",
    (values) => act("change", eventId, values, here));
  // the added event's place among the article's events, from the store's answer
  const missed = fieldsForm("review-add", ADD_FIELDS, "Add event",
    (values) => act("add", articleId, values, (done) => view(done.item_id ? done.item_id.split("#").pop() : null)),
    "Add a missed event");
  const who = state.reviewer ? `as ${state.reviewer}` : `as the user your proxy names (${state.reviewer_header})`;
  return el("section", { class: "panel review" }, el("h2", { text: `Review ${who}` }),
    el("div", {}, accept, " ", reject), form, missed, message);
}

function fieldsForm(cls, fields, button, submit, heading = null) {
  const form = el("form", { class: cls }, heading ? el("h3", { text: heading }) : null,
    ...fields.map(([name, label, hint]) =>
      el("label", {}, label, el("input", { name, placeholder: hint, dir: "auto", maxlength: 200 }))),
    el("button", { type: "submit", text: button }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(Object.fromEntries(new FormData(form)));
  });
  return form;
}
