import { h } from "../lib/dom";
import type { ViewContext } from "./context";

/** The second-opinion referral checklist, in the order a patient would take the steps. */
export function renderChecklist(ctx: ViewContext, focusId?: string): HTMLElement {
  const view = h(
    "div",
    { class: "checklist" },
    h("h2", { tabindex: "-1" }, "Getting a second opinion: step by step"),
    h("p", {}, "These steps follow what ALK Positive UK describes. Your oncology team can help with each one."),
    h(
      "ol",
      { class: "steps" },
      ...ctx.content.checklist.map((step) =>
        h("li", { id: `step-${step.id}`, tabindex: "-1" }, h("p", { class: "step-text" }, step.text), h("p", { class: "why" }, `Why: ${step.why}`)),
      ),
    ),
  );
  if (focusId) queueMicrotask(() => view.querySelector<HTMLElement>(`#step-${CSS.escape(focusId)}`)?.focus());
  return view;
}
