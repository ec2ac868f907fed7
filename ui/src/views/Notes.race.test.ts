// Faults between two actions: a save still on its way while the patient opens another note.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import "../test/cssEscape";

import { SAVE_DELAY_MS } from "../lib/autosave";
import { mountNotes } from "../test/notes";

/** How long the mock store takes to answer a save: long enough to click something meanwhile. */
const SLOW_SAVE_MS = 300;

interface Row {
  id: number;
  text: string;
  appointmentId: number | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A tiny note store behind a slow IPC, like a busy disk. */
function slowStore(texts: string[]) {
  const at = "2026-11-27T10:00:00Z";
  const rows = new Map<number, Row>();
  texts.forEach((text, i) => rows.set(i + 1, { id: i + 1, text, appointmentId: null, createdAt: at, updatedAt: at, deletedAt: null }));
  let nextId = texts.length + 1;
  mockIPC(async (cmd, args) => {
    const a = args as Record<string, unknown>;
    switch (cmd) {
      case "list_appointments":
      case "list_bin":
        return [];
      case "list_notes":
        return [...rows.values()].map((r) => ({ ...r }));
      case "get_note":
        return { ...rows.get(a.id as number)! };
      case "save_note": {
        await new Promise((resolve) => setTimeout(resolve, SLOW_SAVE_MS));
        const id = (a.id as number | null) ?? nextId++;
        const row = { ...(rows.get(id) ?? { id, createdAt: at, deletedAt: null }), text: a.text as string, appointmentId: null, updatedAt: at } as Row;
        rows.set(id, row);
        return { ...row };
      }
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return rows;
}

function typeInto(box: HTMLTextAreaElement, text: string) {
  box.value = text;
  box.dispatchEvent(new Event("input"));
}

function noteButton(view: HTMLElement, firstLine: string): HTMLButtonElement {
  const button = [...view.querySelectorAll<HTMLButtonElement>(".note-list button.result-link")].find((b) => b.textContent === firstLine);
  if (!button) throw new Error(`no note called ${firstLine}`);
  return button;
}

describe("switching notes while one is saving", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    clearMocks();
    document.body.replaceChildren();
  });

  it("keeps each note's words in its own note", async () => {
    const rows = slowStore(["Note A", "Note B"]);
    const view = await mountNotes("1");
    const box = view.querySelector<HTMLTextAreaElement>("#note")!;
    expect(box.value).toBe("Note A");

    // Type in A; the save starts and is still on its way when B is clicked.
    typeInto(box, "Note A and an edit");
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    noteButton(view, "Note B").click();
    await vi.advanceTimersByTimeAsync(SLOW_SAVE_MS * 3);
    expect(box.value).toBe("Note B");

    // Then type in B.
    typeInto(box, "Note B and more");
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + SLOW_SAVE_MS * 3);

    expect(rows.get(1)!.text).toBe("Note A and an edit");
    expect(rows.get(2)!.text).toBe("Note B and more");
    expect(box.value).toBe("Note B and more");
  });

  it("does not change the box when an old reply comes back", async () => {
    const rows = slowStore(["Note A", "Note B"]);
    const view = await mountNotes("1");
    const box = view.querySelector<HTMLTextAreaElement>("#note")!;
    typeInto(box, "Note A typed quickly");
    // Leaving the box saves at once; the click on B comes while that save is on its way.
    box.dispatchEvent(new Event("blur"));
    noteButton(view, "Note B").click();
    await vi.advanceTimersByTimeAsync(SLOW_SAVE_MS * 3);
    expect(box.value).toBe("Note B");
    const status = view.querySelector("#note-status")!;
    expect(status.textContent).toMatch(/^Saved/);
    expect(rows.get(1)!.text).toBe("Note A typed quickly");
    expect(rows.get(2)!.text).toBe("Note B");
  });

  it("a new note typed in and then left at once is saved once, as a new note", async () => {
    const rows = slowStore(["Note A"]);
    const view = await mountNotes("1");
    const box = view.querySelector<HTMLTextAreaElement>("#note")!;
    view.querySelector<HTMLButtonElement>("#new-note")!.click();
    await vi.advanceTimersByTimeAsync(0);
    typeInto(box, "A brand new note");
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    // More typing while the first save of the new note is still on its way.
    typeInto(box, "A brand new note, longer");
    box.dispatchEvent(new Event("blur"));
    await vi.advanceTimersByTimeAsync(SLOW_SAVE_MS * 4);
    const texts = [...rows.values()].map((r) => r.text).sort();
    expect(texts).toEqual(["A brand new note, longer", "Note A"]);
  });
});
