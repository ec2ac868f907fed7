// What every part of My record does alike: reading its form, pointing at a wrong box, and
// removing a row to the bin with Undo, which takes the focus.
import { announce } from "../../lib/announce.svelte";
import { api, type Checkup, type RemovedKind } from "../../lib/api";
import { longDate } from "../../lib/dates";
import { focusKey, refocus } from "../../lib/focus";
import { done, failed, type Notice } from "../../lib/notice";
import type { RecordLabels } from "../../lib/bindings/RecordLabels";
import { labelOf } from "../../lib/record";

/** A row's key, unique across the parts (a treatment and a diary entry may share an id). */
export function rowKey(kind: RemovedKind, id: number): string {
  return `${kind}-${id}`;
}

/** A box's value as the form has it now, trimmed. */
export function formText(form: HTMLFormElement, name: string): string {
  const box = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  return box?.value.trim() ?? "";
}

export function formChecked(form: HTMLFormElement, name: string): boolean {
  return (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
}

/** Empties these boxes, leaving the rest of the form as it was. */
export function clearBoxes(form: HTMLFormElement, ...names: string[]): void {
  for (const name of names) {
    const box = form.elements.namedItem(name) as HTMLInputElement | null;
    if (box) box.value = "";
  }
}

/** An attachment: Escape inside the element calls `close` (a form being changed closes). */
export function escapeCloses(close: (() => void) | undefined) {
  return (element: HTMLElement) => {
    if (!close) return;
    const keydown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      close();
    };
    element.addEventListener("keydown", keydown);
    return () => element.removeEventListener("keydown", keydown);
  };
}

/** aria-invalid and aria-describedby for a box: the message is added when this box is wrong. */
export function fieldAria(wrong: boolean, messageId: string, hintId?: string) {
  const describedby = [hintId, wrong ? messageId : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": wrong ? ("true" as const) : undefined, "aria-describedby": describedby || undefined };
}

/** Removing rows of one kind: to the bin, with Undo in the part's message line, which takes the
 * focus; after Undo the focus goes back to the row (or `empty` if it cannot show). */
export function rowRemoval(kind: RemovedKind, reload: () => Promise<void>, say: (notice: Notice) => void, empty: string) {
  let last: number | null = null;
  return {
    async remove(id: number, what: string, remove: () => Promise<unknown>): Promise<void> {
      try {
        await remove();
      } catch (error) {
        say(failed(error));
        return;
      }
      last = id;
      await reload();
      say(done("Removed.", () => api.restoreRemoved(kind, id)));
      // After the page has updated, so these words are the ones said.
      announce(`Removed ${what}. It is in the bin for 30 days.`);
    },
    /** For the message line's `after`: shows the row again and puts the focus back on it. */
    async undone(): Promise<void> {
      await reload();
      if (last !== null) await refocus(focusKey(rowKey(kind, last), "remove"), empty);
    },
  };
}

/** A scan or check-up named for a question or a message: "the CT scan on 3 May 2026". */
export function checkupName(labels: RecordLabels, c: Checkup): string {
  const words = labelOf(labels.checkupKind, c.kind);
  const kind = c.kind === "other" ? "scan or check-up" : c.kind === "ctScan" ? words : words.charAt(0).toLowerCase() + words.slice(1);
  return `the ${kind} on ${longDate(c.onDate)}`;
}
