import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import "../test/cssEscape";

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
