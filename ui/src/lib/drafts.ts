// A form keeps what is half typed in it: in Rust, a moment after typing stops, on leaving the
// screen and on closing the window (the same saving as every other box, lib/autosave.ts). When
// the form opens again, what was kept is put back.
import { api, type DraftForm } from "./api";
import { Autosave } from "./autosave";

type Fields = Record<string, string>;

/** The form's named boxes (not buttons), as typed now. */
function boxes(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return [...form.elements].filter(
    (el): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement =>
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) &&
      el.name !== "" &&
      !["button", "submit", "reset", "checkbox", "radio", "file"].includes(el.type),
  );
}

function read(form: HTMLFormElement): Fields {
  return Object.fromEntries(boxes(form).map((box) => [box.name, box.value]));
}

export interface Draft {
  /** Saves what the form shows now (an emptied form keeps nothing); true once saved. */
  flush(): Promise<boolean>;
  close(): void;
}

/** Keeps what is typed in `form` as `name`'s draft. `restored` is told what was put back, for
 * state the boxes do not hold (such as which appointment was being changed). */
export function keepDraft(form: HTMLFormElement, name: DraftForm, restored?: (fields: Fields) => void): Draft {
  // What the form shows before anything is typed: only what differs from it is kept.
  const defaults = read(form);
  const typed = (): Fields => {
    const now = read(form);
    return Object.fromEntries(Object.entries(now).filter(([key, value]) => value !== defaults[key]));
  };
  let session: Autosave<Fields, null> | undefined;
  let closed = false;
  const changed = () => session?.changed();
  const blur = () => void session?.flush();

  // Until the kept words are back, typing is not lost: a box the patient has typed in keeps it.
  const ready = api
    .getDraft(name)
    .catch((): Fields => ({}))
    .then((kept) => {
      if (closed) return;
      const put: Fields = {};
      for (const box of boxes(form)) {
        const value = kept[box.name];
        if (value === undefined || box.value !== defaults[box.name]) continue;
        box.value = value;
        // So a bound value (Svelte's bind:value) hears it too.
        box.dispatchEvent(new Event("input", { bubbles: true }));
        put[box.name] = value;
      }
      if (Object.keys(put).length > 0) restored?.(put);
      session = new Autosave<Fields, null>({
        capture: typed,
        saved: put,
        send: (fields) => api.saveDraft(name, fields),
      });
      form.addEventListener("input", changed);
      form.addEventListener("change", changed);
      form.addEventListener("focusout", blur);
      session.onClose(() => {
        form.removeEventListener("input", changed);
        form.removeEventListener("change", changed);
        form.removeEventListener("focusout", blur);
      });
      // Typed before the kept words arrived: kept too.
      if (Object.keys(typed()).length > Object.keys(put).length) session.changed();
    });

  return {
    async flush() {
      await ready;
      return session ? session.settle() : true;
    },
    close() {
      closed = true;
      session?.close();
    },
  };
}
