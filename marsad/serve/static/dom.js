// DOM building from data: text goes in as text nodes and attributes only, never as markup,
// so an article holding <script> or `" onerror=` is shown as the characters it is.
const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

// A link inside the app: its query string built from values, so no value can become a scheme.
export function appLink(params, label, attrs = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  return el("a", { href: "/?" + query.toString(), ...attrs }, label);
}

export function section(title, ...children) {
  return el("section", { class: "panel" }, el("h2", { text: title }), ...children);
}
