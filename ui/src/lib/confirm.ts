// Asking before anything the patient typed is removed or replaced: in the page, never with
// window.confirm (under tauri-plugin-dialog it answers with a Promise, which is always truthy).
import { asApiError } from "./api";
import { h, replace } from "./dom";

let counter = 0;

export interface Question {
  /** What will happen, in plain words. */
  text: string;
  /** The button that goes ahead, such as "Yes, remove it". */
  yes: string;
  /** The safe button, such as "No, keep it". It has the focus, so one Enter changes nothing. */
  no: string;
  /** "danger" for what cannot be undone. */
  yesClass?: "danger" | "primary";
}

/** Shows the question in `box` and answers true for yes. Escape, like the safe button, answers
 * false. Either way the box is emptied and focus goes back to where it was. */
export function askFirst(box: HTMLElement, q: Question): Promise<boolean> {
  const before = document.activeElement as HTMLElement | null;
  const id = `ask-${++counter}`;
  const yes = h("button", { type: "button", class: q.yesClass ?? "danger" }, q.yes);
  const no = h("button", { type: "button", class: "secondary" }, q.no);
  const panel = h(
    "div",
    { class: "confirm", role: "alertdialog", "aria-modal": "false", "aria-describedby": id, "aria-label": "Please confirm" },
    h("p", { id, class: "warning" }, q.text),
    h("div", { class: "actions" }, no, yes),
  );
  return new Promise((resolve) => {
    const answer = (value: boolean) => {
      replace(box);
      if (!value && before?.isConnected) before.focus();
      resolve(value);
    };
    yes.addEventListener("click", () => answer(true));
    no.addEventListener("click", () => answer(false));
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        answer(false);
      }
    });
    replace(box, panel);
    no.focus();
  });
}

/** Asks first; on yes does `work`, and says in `line` if it failed. */
export async function ifSure(box: HTMLElement, q: Question, work: () => Promise<void>, line: HTMLElement): Promise<void> {
  if (!(await askFirst(box, q))) return;
  try {
    await work();
  } catch (error) {
    line.textContent = asApiError(error).message;
  }
}

/** Says what was removed in `line`, with an Undo button that brings it back. */
export function offerUndo(line: HTMLElement, said: string, undo: () => Promise<unknown>, after: () => Promise<void>): void {
  const button = h("button", { type: "button", class: "small undo" }, "Undo");
  button.addEventListener("click", async () => {
    // A second click while the first is on its way would try to bring it back twice.
    if (button.disabled) return;
    button.disabled = true;
    try {
      await undo();
      replace(line, "It is back.");
      await after();
    } catch (error) {
      line.classList.remove("done");
      replace(line, asApiError(error).message);
    }
  });
  line.classList.add("done");
  replace(line, `${said} `, button, " It is in the bin for 30 days.");
}
