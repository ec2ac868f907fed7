import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import "../test/cssEscape";

import { live } from "../lib/announce.svelte";
import { SAVE_DELAY_MS } from "../lib/autosave";
import { mountNotes } from "../test/notes";

function note(id: number, text: string) {
  const at = "2026-11-27T10:00:00Z";
  return { id, text, appointmentId: null, createdAt: at, updatedAt: at, deletedAt: null };
}

describe("the note box", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    clearMocks();
    document.body.replaceChildren();
  });

  it("saves after typing stops and says Saved", async () => {
    const saved: string[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_notes" || cmd === "list_bin" || cmd === "list_appointments") return [];
      if (cmd === "save_note") {
        const { id, text } = args as { id: number | null; text: string };
        saved.push(`${id}:${text}`);
        return note(7, text);
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const view = await mountNotes();
    const box = view.querySelector("textarea")!;
    box.value = "Ask about scans";
    box.dispatchEvent(new Event("input"));
    // Svelte shows the new state in its next microtask.
    await vi.advanceTimersByTimeAsync(0);
    expect(view.querySelector("#note-status")!.textContent).toBe("Not saved yet…");
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(saved).toEqual(["null:Ask about scans"]);
    expect(view.querySelector("#note-status")!.textContent).toMatch(/^Saved/);
    // The next change goes to the same note, not a new one.
    box.value = "Ask about scans and tablets";
    box.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(saved).toEqual(["null:Ask about scans", "7:Ask about scans and tablets"]);
  });

  it("takes no typing until the open note has arrived, so the note cannot overwrite it", async () => {
    mockIPC(async (cmd) => {
      if (cmd === "list_bin" || cmd === "list_appointments") return [];
      if (cmd === "list_notes") {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return [note(3, "My saved note")];
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const view = await mountNotes();
    const box = view.querySelector<HTMLTextAreaElement>("#note")!;
    expect(box.readOnly).toBe(true);
    await vi.advanceTimersByTimeAsync(700);
    expect(box.value).toBe("My saved note");
    expect(box.readOnly).toBe(false);
  });

  it("keeps the typed words in the box when saving fails", async () => {
    mockIPC((cmd) => {
      if (cmd === "list_notes") return [note(3, "old")];
      if (cmd === "list_bin" || cmd === "list_appointments") return [];
      throw { kind: "invalidInput", message: "This note is too long to save." };
    });
    const view = await mountNotes();
    const box = view.querySelector("textarea")!;
    box.value = "old and much more";
    box.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    const status = view.querySelector<HTMLElement>("#note-status")!;
    expect(status.textContent).toBe("This note is too long to save. What you typed is still in the box.");
    expect(status.dataset.state).toBe("error");
    expect(box.value).toBe("old and much more");
  });
});

/** Notes and a bin behind IPC; delete and restore move a note between them. */
function noteStore(texts: string[]) {
  const notes = texts.map((text, i) => note(i + 1, text));
  const bin: ReturnType<typeof note>[] = [];
  const calls: string[] = [];
  mockIPC((cmd, args) => {
    const id = (args as { id?: number }).id;
    calls.push(id === undefined ? cmd : `${cmd}:${id}`);
    const take = (from: typeof notes, to: typeof notes) => {
      const at = from.findIndex((n) => n.id === id);
      const moved = from.splice(at, 1)[0]!;
      to.push(moved);
      return moved;
    };
    switch (cmd) {
      case "list_appointments":
        return [];
      case "list_notes":
        return notes.map((n) => ({ ...n }));
      case "list_bin":
        return bin.map((n) => ({ ...n, deletedAt: "2026-11-28T10:00:00Z" }));
      case "get_note":
        return { ...(notes.find((n) => n.id === id) ?? bin.find((n) => n.id === id))! };
      case "delete_note":
        take(notes, bin);
        return null;
      case "restore_note":
        return take(bin, notes);
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return { notes, bin, calls };
}

const binButton = (id: number) => document.querySelector<HTMLButtonElement>(`.note-list button[data-focus="${id}:remove"]`)!;

describe("moving a note to the bin", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    clearMocks();
    live.text = "";
    document.body.replaceChildren();
  });

  it("asks first; Escape keeps the note, with the focus back on its Move to bin", async () => {
    const store = noteStore(["Note A", "Note B"]);
    const view = await mountNotes();
    binButton(1).focus();
    binButton(1).click();
    await vi.advanceTimersByTimeAsync(10);
    const ask = view.querySelector<HTMLElement>(".confirm")!;
    expect(ask.textContent).toContain('Move this note to the bin? "Note A"');
    expect(document.activeElement?.textContent).toBe("No, keep it");
    document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await vi.advanceTimersByTimeAsync(10);
    expect(view.querySelector(".confirm")).toBeNull();
    expect(document.activeElement).toBe(binButton(1));
    expect(store.calls).not.toContain("delete_note:1");
    expect(store.notes.map((n) => n.text)).toEqual(["Note A", "Note B"]);
  });

  it("after Yes, the focus goes to Undo and the live region says so", async () => {
    const store = noteStore(["Note A", "Note B", "Note C"]);
    const view = await mountNotes();
    binButton(2).click();
    await vi.advanceTimersByTimeAsync(10);
    view.querySelector<HTMLButtonElement>(".confirm button.danger")!.click();
    await vi.advanceTimersByTimeAsync(200);
    expect(store.calls).toContain("delete_note:2");
    expect([...view.querySelectorAll(".note-list button.result-link")].map((b) => b.textContent)).toEqual(["Note A", "Note C"]);
    expect(document.activeElement).toBe(view.querySelector("button.undo"));
    expect(live.text).toBe("The note is in the bin for 30 days.");
    expect(view.querySelector("#bin")!.textContent).toContain("Note B");
  });

  it("Undo brings the note back with the focus on its Move to bin, not on the page", async () => {
    noteStore(["Note A", "Note B"]);
    const view = await mountNotes();
    binButton(2).click();
    await vi.advanceTimersByTimeAsync(10);
    view.querySelector<HTMLButtonElement>(".confirm button.danger")!.click();
    await vi.advanceTimersByTimeAsync(200);
    view.querySelector<HTMLButtonElement>("button.undo")!.click();
    await vi.advanceTimersByTimeAsync(200);
    expect(view.querySelector("#bin")!.textContent).toContain("The bin is empty.");
    expect(document.activeElement).toBe(binButton(2));
  });

  it("Bring back puts the note back and moves the focus to the next Bring back", async () => {
    const store = noteStore(["Note A", "Note B", "Note C"]);
    const view = await mountNotes();
    for (const id of [1, 2]) {
      binButton(id).click();
      await vi.advanceTimersByTimeAsync(10);
      view.querySelector<HTMLButtonElement>(".confirm button.danger")!.click();
      await vi.advanceTimersByTimeAsync(200);
    }
    const back = (id: number) => view.querySelector<HTMLButtonElement>(`#bin button[data-focus="${id}:back"]`);
    back(1)!.click();
    await vi.advanceTimersByTimeAsync(200);
    expect(store.calls).toContain("restore_note:1");
    expect(back(1)).toBeNull();
    expect(document.activeElement).toBe(back(2));
    expect(live.text).toBe("The note is back in your notes.");
    // The last one in the bin: the focus goes to the note itself, back in the list.
    back(2)!.click();
    await vi.advanceTimersByTimeAsync(200);
    expect(document.activeElement).toBe(binButton(2));
    expect(view.querySelector("#bin")!.textContent).toContain("The bin is empty.");
  });

  it("shows note text and list items in the writer's own direction", async () => {
    noteStore(["مرحبا"]);
    const view = await mountNotes();
    expect(view.querySelector("#note")!.getAttribute("dir")).toBe("auto");
    expect(view.querySelector(".note-list button.result-link")!.getAttribute("dir")).toBe("auto");
  });
});
