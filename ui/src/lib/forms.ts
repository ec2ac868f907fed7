import { h } from "./dom";

let counter = 0;

/** A labelled form control. The label is always visible, never a placeholder. */
export function field(label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: string): HTMLElement {
  const id = control.id || `field-${++counter}`;
  control.id = id;
  const hintEl = hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: id }, label), hintEl, control);
}

export function select(options: [string, string][], value?: string): HTMLSelectElement {
  const el = h("select", {}, ...options.map(([v, label]) => h("option", { value: v, selected: v === value }, label)));
  return el;
}

/** A line for messages about a form: errors in plain words, or "Saved". */
export function messageLine(): HTMLParagraphElement {
  return h("p", { class: "message", role: "status" });
}

/** Local date and time now, as `YYYY-MM-DDTHH:MM`, the form the store keeps. */
export function localNow(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export function today(): string {
  return localNow().slice(0, 10);
}
