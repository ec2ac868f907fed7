import { api, asApiError, type StepProgress } from "../lib/api";
import { h } from "../lib/dom";
import { autosave } from "../lib/autosave";
import type { ViewContext } from "./context";

/** The second-opinion referral checklist, with a tick and a short note for each step. */
export async function renderChecklist(ctx: ViewContext, focusId?: string): Promise<HTMLElement> {
  const steps = ctx.content.checklist;
  const progress = new Map<string, StepProgress>();
  const summary = h("p", { class: "count", id: "checklist-progress", "aria-live": "polite" });
  const message = h("p", { class: "message", role: "status" });
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
        const note = h("input", { type: "text", id: `step-note-${step.id}`, value: saved?.note ?? "", dir: "auto" });
        const session = autosave(note, {
          capture: () => ({ done: tick.checked, note: note.value }),
          saved: { done: saved?.done ?? false, note: saved?.note ?? "" },
          send: (s) => api.saveStepProgress(step.id, s.done, s.note),
          onState: (state, detail) => {
            if (state === "saved") {
              message.textContent = "";
              progress.set(step.id, detail as StepProgress);
              showSummary();
            } else if (state === "error") {
              message.textContent = asApiError(detail).message;
            }
          },
        });
        tick.addEventListener("change", () => void session.flush());
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
