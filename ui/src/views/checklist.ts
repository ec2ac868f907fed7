import { api, asApiError, type StepProgress } from "../lib/api";
import { h } from "../lib/dom";
import { saveAsYouType } from "../lib/typing";
import type { ViewContext } from "./context";

/** The second-opinion referral checklist, with a tick and a short note for each step. */
export async function renderChecklist(ctx: ViewContext, focusId?: string): Promise<HTMLElement> {
  const steps = ctx.content.checklist;
  const progress = new Map<string, StepProgress>();
  const summary = h("p", { class: "count", id: "checklist-progress", "aria-live": "polite" });
  const message = h("p", { class: "message", role: "alert" });
  try {
    for (const p of await api.listStepProgress()) progress.set(p.stepId, p);
  } catch (error) {
    message.textContent = asApiError(error).message;
  }
  const showSummary = () => {
    const done = steps.filter((s) => progress.get(s.id)?.done).length;
    summary.textContent = `${done} of ${steps.length} done`;
  };
  showSummary();

  const view = h(
    "div",
    { class: "checklist" },
    h("h2", { tabindex: "-1" }, "Getting a second opinion: step by step"),
    h("p", {}, "These steps follow what ALK Positive UK describes. Your oncology team can help with each one."),
    summary,
    message,
    h(
      "ol",
      { class: "steps" },
      ...steps.map((step) => {
        const saved = progress.get(step.id);
        const tick = h("input", { type: "checkbox", id: `done-${step.id}`, checked: saved?.done ?? false });
        const note = h("input", { type: "text", id: `step-note-${step.id}`, value: saved?.note ?? "" });
        const store = async () => {
          message.textContent = "";
          try {
            progress.set(step.id, await api.saveStepProgress(step.id, tick.checked, note.value));
            showSummary();
          } catch (error) {
            message.textContent = asApiError(error).message;
          }
        };
        tick.addEventListener("change", () => void store());
        saveAsYouType(note, () => void store());
        return h(
          "li",
          { id: `step-${step.id}`, tabindex: "-1" },
          h("div", { class: "question" }, tick, h("label", { for: tick.id, class: "step-text" }, step.text)),
          h("p", { class: "why" }, `Why: ${step.why}`),
          h("label", { for: note.id, class: "small-label" }, "My note on this step"),
          note,
        );
      }),
    ),
  );
  if (focusId) queueMicrotask(() => view.querySelector<HTMLElement>(`#step-${CSS.escape(focusId)}`)?.focus());
  return view;
}
