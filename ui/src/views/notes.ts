import { api, asApiError, type ApiError, type Appointment, type NoteItem } from "../lib/api";
import { autosave, type Autosave } from "../lib/autosave";
import { askFirst, offerUndo } from "../lib/confirm";
import { clockTime, longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";
import { field } from "../lib/forms";
import { listLabel } from "../lib/questions";

export { SAVE_DELAY_MS } from "../lib/autosave";
/** How many notes the list shows; search finds the rest. */
const SHOWN = 100;

/** Notes that save as you type. What is typed stays in the box even if saving fails, and a
 * save always goes to the note that was open when it was typed. */
export async function renderNotes(openId?: string): Promise<HTMLElement> {
  const status = h("p", { class: "save-status", id: "note-status", role: "status" });
  const box = h("textarea", { id: "note", rows: 10, "aria-describedby": "note-status note-help", spellcheck: "true", dir: "auto" });
  const about = h("select", { id: "note-about" });
  const list = h("ul", { class: "note-list" });
  const bin = h("ul", { class: "note-list", id: "bin" });
  const listMessage = h("p", { class: "message", role: "status" });
  const confirmBox = h("div", { class: "confirm-box" });
  let appointments: Appointment[] = [];
  /** The note in the box: its id once saved, and the session that saves it. */
  let open: { id: number | null; session: Autosave<Draft, NoteItem> } | null = null;
  /** Opening notes one at a time, so two quick clicks cannot leave two sessions on one box. */
  let opening: Promise<unknown> = Promise.resolve();

  const firstLine = (note: { text: string }) => note.text.split("\n").find((l) => l.trim() !== "")?.trim().slice(0, 80) || "An empty note";

  interface Draft {
    text: string;
    about: number | null;
  }
  const draft = (): Draft => ({ text: box.value, about: about.value ? Number(about.value) : null });

  const show = (note: NoteItem | null) => {
    const target: { id: number | null } = { id: note?.id ?? null };
    box.value = note?.text ?? "";
    about.value = note?.appointmentId == null ? "" : String(note.appointmentId);
    status.dataset.state = note ? "saved" : "";
    status.textContent = note ? `Saved at ${clockTime(note.updatedAt)}` : "A new note. It saves by itself as you type.";
    const session = autosave(box, {
      capture: draft,
      saved: draft(),
      skip: (d) => target.id === null && d.text.trim() === "",
      send: async (d) => {
        const saved = await api.saveNote(target.id, d.text, d.about);
        const isNew = target.id === null;
        target.id = saved.id;
        if (isNew) void refresh();
        return saved;
      },
      onState: (state, detail) => {
        status.dataset.state = state;
        if (state === "typing") status.textContent = "Not saved yet…";
        else if (state === "unchanged") status.textContent = "Saved. Nothing has changed.";
        else if (state === "saved") status.textContent = `Saved at ${clockTime((detail as NoteItem).updatedAt)}`;
        else status.textContent = `${(detail as ApiError).message} What you typed is still in the box.`;
      },
    });
    about.onchange = () => void session.flush();
    open = {
      get id() {
        return target.id;
      },
      session,
    };
  };

  /** Opens a note (or a new one, for null) once the open note is saved. If it cannot be
   * saved, the open note stays open, with its words, and this answers false. */
  const openNote = (id: number | null): Promise<boolean> => {
    const next = opening.then(async () => {
      if (open) {
        if (!(await open.session.settle())) return false;
        open.session.close();
      }
      try {
        show(id === null ? null : await api.getNote(id));
        return true;
      } catch (error) {
        show(null);
        status.textContent = asApiError(error).message;
        return false;
      }
    });
    opening = next;
    return next;
  };

  const refresh = async () => {
    const [notes, binned] = await Promise.all([api.listNotes(), api.listBin()]);
    replace(
      list,
      ...(notes.length === 0 ? [h("li", {}, "No notes yet.")] : []),
      ...notes.slice(0, SHOWN).map((note) => {
        const openButton = h("button", { type: "button", class: "result-link" }, firstLine(note));
        openButton.addEventListener("click", async () => {
          if (await openNote(note.id)) box.focus();
        });
        const remove = h("button", { type: "button", class: "small", "aria-label": `Move to bin: ${firstLine(note)}` }, "Move to bin");
        remove.addEventListener("click", async () => {
          const sure = await askFirst(confirmBox, {
            text: `Move this note to the bin? "${firstLine(note)}". You can bring it back for 30 days.`,
            yes: "Yes, move it to the bin",
            no: "No, keep it",
          });
          if (!sure) return;
          try {
            if (open?.id === note.id) {
              await open.session.settle();
              await openNote(null);
            }
            await api.deleteNote(note.id);
            offerUndo(listMessage, "The note is in the bin.", () => api.restoreNote(note.id), refresh);
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
    const first = notes.find((n) => String(n.id) === openId) ?? notes[0] ?? null;
    show(first);
    await refresh();
  } catch (error) {
    if (!open) show(null);
    status.textContent = asApiError(error).message;
  }

  const newNote = h("button", { type: "button", class: "secondary", id: "new-note" }, "Start a new note");
  newNote.addEventListener("click", async () => {
    if (await openNote(null)) box.focus();
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
    confirmBox,
    list,
    h("h3", {}, "Bin"),
    h("p", { class: "hint" }, "Notes you move to the bin stay here for 30 days, then they are removed for good."),
    bin,
  );
}
