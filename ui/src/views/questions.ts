import { api, asApiError, type Appointment, type Content, type PlanQuestion } from "../lib/api";
import { appointmentTime } from "../lib/dates";
import { h, replace } from "../lib/dom";
import { field, localNow } from "../lib/forms";
import { autosave, settleAll, type Autosave } from "../lib/autosave";
import { askFirst, offerUndo } from "../lib/confirm";
import type { ViewContext } from "./context";

/** Which question list the views work on: an appointment id, or null for "not booked yet". */
export interface ListChoice {
  id: number | null;
  /** Set once the user picks a list; until then the next appointment's list is shown. */
  picked: boolean;
}

/** A library question's words, current or retired: a saved list keeps the ids it was given. */
export function libraryText(content: Content, id: string): string {
  return (content.questions.find((x) => x.id === id) ?? content.retiredQuestions.find((x) => x.id === id))?.text ?? "";
}

/** The list to show first: the next appointment's, else the one not yet booked. */
export function defaultList(appointments: Appointment[]): number | null {
  const now = localNow();
  return appointments.find((a) => a.startsAt >= now)?.id ?? null;
}

export function listLabel(appointments: Appointment[], id: number | null): string {
  const a = appointments.find((x) => x.id === id);
  return a ? `${appointmentTime(a.startsAt)}${a.withWhom ? `, ${a.withWhom}` : ""}` : "My next appointment (not booked yet)";
}

/** Questions for an appointment: my list (top 3 first, in order, with answers) and the library. */
export async function renderQuestions(ctx: ViewContext, list: ListChoice, focusId?: string): Promise<HTMLElement> {
  const { content } = ctx;
  const appointments = await api.listAppointments();
  if (!list.picked) list.id = defaultList(appointments);
  let plan: PlanQuestion[] = await api.getPlan(list.id);
  const count = h("p", { class: "count", "aria-live": "polite" });
  const message = h("p", { class: "message", role: "status" });
  const mine = h("ol", { class: "my-list" });
  const boxes = new Map<string, HTMLInputElement>();
  const answers = new Map<number, Autosave<{ answer: string; asked: boolean }, PlanQuestion>>();

  const textOf = (q: PlanQuestion) =>
    q.questionId ? libraryText(content, q.questionId) : (q.ownText ?? "");

  /** Changes the list. Answers being typed are saved first, so the new list shows them. */
  const act = async (work: () => Promise<PlanQuestion[]>) => {
    message.textContent = "";
    if (!(await settleAll())) {
      message.textContent = "An answer could not be saved, so the list was not changed. What you typed is still in its box.";
      syncLibrary();
      return;
    }
    try {
      plan = await work();
      show();
    } catch (error) {
      message.textContent = asApiError(error).message;
      show();
    }
  };

  /** Takes a question off the list, asking first when it holds the patient's own words. */
  const removeQuestion = async (q: PlanQuestion, confirmBox: HTMLElement) => {
    const typed = q.ownText !== null || q.answer.trim() !== "" || (answers.get(q.id)?.unsaved ?? false);
    if (typed) {
      const sure = await askFirst(confirmBox, {
        text: `Take this question off your list? "${textOf(q)}"${q.answer.trim() ? " Its answer goes with it." : ""} You can bring it back from the bin for 30 days.`,
        yes: "Yes, take it off",
        no: "No, keep it",
      });
      if (!sure) {
        syncLibrary();
        return;
      }
    }
    await act(() => api.removePlanQuestion(list.id, q.id));
    offerUndo(message, "The question is off your list.", () => api.restoreRemoved("question", q.id), async () => {
      plan = await api.getPlan(list.id);
      show();
    });
  };

  /** Ticks the library's boxes as the list is, without drawing the list again. */
  const syncLibrary = () => {
    for (const [id, box] of boxes) box.checked = plan.some((q) => q.questionId === id);
  };

  /** Draws the list afresh. */
  const show = () => {
    for (const session of answers.values()) session.close();
    answers.clear();
    const n = plan.length;
    count.textContent = n === 0 ? "You have not chosen any questions yet." : `You have chosen ${n} question${n === 1 ? "" : "s"}.`;
    syncLibrary();
    replace(
      mine,
      ...plan.map((q, index) => {
        const text = textOf(q);
        const top = h("input", { type: "checkbox", id: `top-${q.id}`, checked: q.top3 });
        top.addEventListener("change", () => void act(() => api.setTopQuestion(list.id, q.id, top.checked)));
        const asked = h("input", { type: "checkbox", id: `asked-${q.id}`, checked: q.asked });
        const answer = h("textarea", { id: `answer-${q.id}`, rows: 2, dir: "auto" });
        answer.value = q.answer;
        const saved = h("span", { class: "saved", role: "status" });
        const confirmBox = h("div", { class: "confirm-box" });
        const session = autosave(answer, {
          capture: () => ({ answer: answer.value, asked: asked.checked }),
          saved: { answer: q.answer, asked: q.asked },
          send: (a) => api.answerQuestion(q.id, a.answer, a.asked),
          onState: (state, detail) => {
            if (state === "saved") Object.assign(q, detail as PlanQuestion);
            saved.textContent =
              state === "typing" ? "Not saved yet…" : state === "error" ? asApiError(detail).message : "Saved";
          },
        });
        answers.set(q.id, session);
        asked.addEventListener("change", () => void session.flush());
        const up = h("button", { type: "button", class: "small", disabled: index === 0, "aria-label": `Move up: ${text}` }, "Up");
        up.addEventListener("click", () => void act(() => api.movePlanQuestion(list.id, q.id, true)));
        const down = h("button", { type: "button", class: "small", disabled: index === plan.length - 1, "aria-label": `Move down: ${text}` }, "Down");
        down.addEventListener("click", () => void act(() => api.movePlanQuestion(list.id, q.id, false)));
        const remove = h("button", { type: "button", class: "small", "aria-label": `Take off my list: ${text}` }, "Remove");
        remove.addEventListener("click", () => void removeQuestion(q, confirmBox));
        return h(
          "li",
          { class: q.top3 ? "planned top" : "planned", "data-plan-id": String(q.id) },
          h("p", { class: "planned-text" }, q.top3 ? h("span", { class: "badge" }, "Top 3") : null, text),
          h(
            "div",
            { class: "inline-controls" },
            h("span", { class: "check" }, top, h("label", { for: top.id }, "One of my top 3")),
            h("span", { class: "check" }, asked, h("label", { for: asked.id }, "Asked")),
            up,
            down,
            remove,
          ),
          confirmBox,
          h("label", { for: answer.id, class: "field-label" }, "The answer"),
          answer,
          saved,
        );
      }),
    );
  };

  // Which list.
  const choice = h(
    "select",
    { id: "list-choice" },
    h("option", { value: "", selected: list.id === null }, listLabel(appointments, null)),
    ...appointments.map((a) => h("option", { value: String(a.id), selected: a.id === list.id }, listLabel(appointments, a.id))),
  );
  choice.addEventListener("change", () => {
    list.id = choice.value ? Number(choice.value) : null;
    list.picked = true;
    ctx.show("questions");
  });

  // Copy what is not answered yet to the next appointment after this one.
  const copy = h("button", { type: "button", class: "secondary", id: "copy-unanswered" }, "Copy unanswered questions to the next appointment");
  copy.addEventListener("click", async () => {
    const current = appointments.find((a) => a.id === list.id);
    const later = appointments.find((a) => current && a.startsAt > current.startsAt && a.id !== current.id);
    const target = later?.id ?? null;
    if (target === list.id) {
      message.textContent = "There is no later appointment to copy to. Add one under My appointments first.";
      return;
    }
    try {
      const n = await api.copyUnanswered(list.id, target);
      message.textContent = `Copied ${n} question${n === 1 ? "" : "s"} to ${listLabel(appointments, target)}.`;
    } catch (error) {
      message.textContent = asApiError(error).message;
    }
  });

  // My own question.
  const own = h("input", { type: "text", id: "own-question", dir: "auto" });
  const ownForm = h(
    "form",
    { class: "own-question" },
    field("Write my own question", own),
    h("button", { type: "submit", class: "primary" }, "Add my question"),
  );
  ownForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void act(async () => {
      const updated = await api.addOwnQuestion(list.id, own.value);
      own.value = "";
      return updated;
    });
  });

  let view: HTMLElement;
  const groups = content.topics.map((topic) =>
    h(
      "fieldset",
      { class: "topic" },
      h("legend", {}, topic.title),
      ...content.questions
        .filter((q) => q.topic === topic.id)
        .map((question) => {
          const id = `q-${question.id}`;
          const box = h("input", { type: "checkbox", id, "data-question": question.id });
          boxes.set(question.id, box);
          box.addEventListener("change", () => {
            const planned = plan.find((q) => q.questionId === question.id);
            if (!box.checked && planned) {
              const confirmBox = view.querySelector<HTMLElement>(`[data-plan-id="${planned.id}"] .confirm-box`);
              if (confirmBox) return void removeQuestion(planned, confirmBox);
            }
            void act(() => api.chooseQuestion(list.id, question.id, box.checked));
          });
          return h("div", { class: "question" }, box, h("label", { for: id }, question.text));
        }),
    ),
  );

  show();
  view = h(
    "div",
    { class: "questions" },
    h("h2", { tabindex: "-1" }, "Questions for my appointment"),
    field("Questions for", choice),
    count,
    message,
    h("h3", {}, "My list"),
    h("p", { class: "hint" }, "Your top 3 come first, here and in your pack. Write the answers in the boxes, or on the printed pack."),
    mine,
    h("div", { class: "actions" }, copy),
    ownForm,
    h("h3", {}, "Choose from the question library"),
    ...groups,
  );
  if (focusId) queueMicrotask(() => view.querySelector<HTMLElement>(`#q-${CSS.escape(focusId)}`)?.focus());
  return view;
}
