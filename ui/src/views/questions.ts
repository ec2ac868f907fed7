import { api, asApiError } from "../lib/api";
import { h } from "../lib/dom";
import type { ViewContext } from "./context";

/** The question library: tick the questions to take to the next appointment. */
export function renderQuestions(ctx: ViewContext, chosen: Set<string>, focusId?: string): HTMLElement {
  const { content } = ctx;
  const count = h("p", { class: "count", "aria-live": "polite" });
  const message = h("p", { class: "message", role: "alert" });
  const showCount = () => {
    const n = chosen.size;
    count.textContent = n === 0 ? "You have not chosen any questions yet." : `You have chosen ${n} question${n === 1 ? "" : "s"}.`;
  };
  showCount();

  const groups = content.topics.map((topic) => {
    const questions = content.questions.filter((q) => q.topic === topic.id);
    return h(
      "fieldset",
      { class: "topic" },
      h("legend", {}, topic.title),
      ...questions.map((question) => {
        const id = `q-${question.id}`;
        const box = h("input", { type: "checkbox", id, "data-question": question.id, checked: chosen.has(question.id) });
        box.addEventListener("change", async () => {
          const wanted = box.checked;
          message.textContent = "";
          try {
            const ids = await api.setQuestionChosen(question.id, wanted);
            chosen.clear();
            ids.forEach((qid) => chosen.add(qid));
            showCount();
          } catch (error) {
            box.checked = !wanted;
            message.textContent = asApiError(error).message;
          }
        });
        return h("div", { class: "question" }, box, h("label", { for: id }, question.text));
      }),
    );
  });

  const view = h(
    "div",
    { class: "questions" },
    h("h2", { tabindex: "-1" }, "Questions for my next appointment"),
    h("p", {}, "Tick the questions you would like to ask. They go into your appointment pack."),
    count,
    message,
    ...groups,
  );
  if (focusId) queueMicrotask(() => view.querySelector<HTMLElement>(`#q-${CSS.escape(focusId)}`)?.focus());
  return view;
}
