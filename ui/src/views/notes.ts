import { api, asApiError } from "../lib/api";
import { clockTime } from "../lib/dates";
import { h } from "../lib/dom";

/** How long to wait after the last key press before saving. */
export const SAVE_DELAY_MS = 600;

/** One note box that saves as you type. What is typed stays in the box even if saving fails. */
export async function renderNotes(): Promise<HTMLElement> {
  const status = h("p", { class: "save-status", id: "note-status", role: "status" });
  const box = h("textarea", { id: "note", rows: 12, "aria-describedby": "note-status note-help", spellcheck: "true" });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  let lastSaved = "";

  try {
    const note = await api.getNote();
    box.value = note.text;
    lastSaved = note.text;
    status.textContent = note.updatedAt ? `Saved at ${clockTime(note.updatedAt)}` : "";
  } catch (error) {
    status.textContent = asApiError(error).message;
  }

  const save = () => {
    clearTimeout(timer);
    const text = box.value;
    if (text === lastSaved) return saving;
    saving = saving.then(async () => {
      try {
        const note = await api.saveNote(text);
        lastSaved = note.text;
        status.dataset.state = "saved";
        status.textContent = `Saved at ${clockTime(note.updatedAt ?? "")}`.trim();
      } catch (error) {
        status.dataset.state = "error";
        status.textContent = asApiError(error).message;
      }
    });
    return saving;
  };

  box.addEventListener("input", () => {
    status.dataset.state = "typing";
    status.textContent = "Not saved yet…";
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  box.addEventListener("blur", () => void save());
  window.addEventListener("beforeunload", () => void save());

  return h(
    "div",
    { class: "notes" },
    h("h2", { tabindex: "-1" }, "My notes"),
    h("p", { id: "note-help" }, "Write anything you want to remember or tell your team. It saves by itself as you type."),
    h("label", { for: "note", class: "field-label" }, "My note"),
    box,
    status,
  );
}
