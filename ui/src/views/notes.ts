import { api, asApiError, type Appointment, type NoteItem } from "../lib/api";
import { clockTime, longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";
import { field } from "../lib/forms";
import { listLabel } from "./questions";

import { SAVE_DELAY_MS } from "../lib/typing";

export { SAVE_DELAY_MS };
/** How many notes the list shows; search finds the rest. */
const SHOWN = 100;

/** Notes that save as you type. What is typed stays in the box even if saving fails. */
export async function renderNotes(openId?: string): Promise<HTMLElement> {
  const status = h("p", { class: "save-status", id: "note-status", role: "status" });
  const box = h("textarea", { id: "note", rows: 10, "aria-describedby": "note-status note-help", spellcheck: "true" });
  const about = h("select", { id: "note-about" });
  const list = h("ul", { class: "note-list" });
  const bin = h("ul", { class: "note-list", id: "bin" });
  const listMessage = h("p", { class: "message", role: "status" });
  let current: NoteItem | null = null;
  let appointments: Appointment[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  let lastSaved = "";

  const firstLine = (note: NoteItem) => note.text.split("\n").find((l) => l.trim() !== "")?.trim().slice(0, 80) || "An empty note";

  const open = (note: NoteItem | null) => {
    void save();
    current = note;
    box.value = note?.text ?? "";
    lastSaved = box.value;
    about.value = note?.appointmentId == null ? "" : String(note.appointmentId);
    status.dataset.state = note ? "saved" : "";
    status.textContent = note ? `Saved at ${clockTime(note.updatedAt)}` : "A new note. It saves by itself as you type.";
  };

  const save = () => {
    clearTimeout(timer);
    const text = box.value;
    const appointmentId = about.value ? Number(about.value) : null;
    if (text === lastSaved && (current?.appointmentId ?? null) === appointmentId) return saving;
    if (!current && text.trim() === "") return saving;
    saving = saving.then(async () => {
      try {
        const note = await api.saveNote(current?.id ?? null, text, appointmentId);
        const isNew = !current;
        current = note;
        lastSaved = note.text;
        status.dataset.state = "saved";
        status.textContent = `Saved at ${clockTime(note.updatedAt)}`;
        if (isNew) await refresh();
      } catch (error) {
        status.dataset.state = "error";
        status.textContent = asApiError(error).message;
      }
    });
    return saving;
  };

  const refresh = async () => {
    const [notes, binned] = await Promise.all([api.listNotes(), api.listBin()]);
    replace(
      list,
      ...(notes.length === 0 ? [h("li", {}, "No notes yet.")] : []),
      ...notes.slice(0, SHOWN).map((note) => {
        const openButton = h("button", { type: "button", class: "result-link" }, firstLine(note));
        openButton.addEventListener("click", () => {
          open(note);
          box.focus();
        });
        const remove = h("button", { type: "button", class: "small", "aria-label": `Move to the bin: ${firstLine(note)}` }, "Move to bin");
        remove.addEventListener("click", async () => {
          try {
            await api.deleteNote(note.id);
            if (current?.id === note.id) open(null);
            listMessage.textContent = "The note is in the bin. You can bring it back for 30 days.";
            await refresh();
          } catch (error) {
            listMessage.textContent = asApiError(error).message;
          }
        });
        return h(
          "li",
          {},
          openButton,
          h("span", { class: "note-date" }, ` Changed ${longDate(note.updatedAt)}`),
          note.appointmentId != null ? h("span", { class: "note-date" }, `. About: ${listLabel(appointments, note.appointmentId)}`) : null,
          " ",
          remove,
        );
      }),
      notes.length > SHOWN ? h("li", {}, `And ${notes.length - SHOWN} older notes: use Search to find them.`) : null,
    );
    replace(
      bin,
      ...(binned.length === 0 ? [h("li", {}, "The bin is empty.")] : []),
      ...binned.map((note) => {
        const restore = h("button", { type: "button", class: "small", "aria-label": `Bring back: ${firstLine(note)}` }, "Bring back");
        restore.addEventListener("click", async () => {
          try {
            await api.restoreNote(note.id);
            await refresh();
          } catch (error) {
            listMessage.textContent = asApiError(error).message;
          }
        });
        return h("li", {}, firstLine(note), h("span", { class: "note-date" }, ` Deleted ${longDate(note.deletedAt ?? "")} `), restore);
      }),
    );
  };

  try {
    appointments = await api.listAppointments();
    replace(
      about,
      h("option", { value: "" }, "A general note"),
      ...appointments.map((a) => h("option", { value: String(a.id) }, listLabel(appointments, a.id))),
    );
    const notes = await api.listNotes();
    open(notes.find((n) => String(n.id) === openId) ?? notes[0] ?? null);
    await refresh();
  } catch (error) {
    status.textContent = asApiError(error).message;
  }

  box.addEventListener("input", () => {
    status.dataset.state = "typing";
    status.textContent = "Not saved yet…";
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  });
  box.addEventListener("blur", () => void save());
  about.addEventListener("change", () => void save());
  window.addEventListener("beforeunload", () => void save());
  const newNote = h("button", { type: "button", class: "secondary", id: "new-note" }, "Start a new note");
  newNote.addEventListener("click", () => {
    open(null);
    box.focus();
  });

  return h(
    "div",
    { class: "notes" },
    h("h2", { tabindex: "-1" }, "My notes"),
    h("p", { id: "note-help" }, "Write anything you want to remember or tell your team. It saves by itself as you type."),
    h("div", { class: "actions" }, newNote),
    h("label", { for: "note", class: "field-label" }, "My note"),
    box,
    status,
    field("This note is about", about),
    h("h3", {}, "All my notes"),
    listMessage,
    list,
    h("h3", {}, "Bin"),
    h("p", { class: "hint" }, "Notes you move to the bin stay here for 30 days, then they are removed for good."),
    bin,
  );
}
