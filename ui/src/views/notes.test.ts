import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { renderNotes, SAVE_DELAY_MS } from "./notes";

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
      if (cmd === "get_note") return { text: "", updatedAt: null };
      if (cmd === "save_note") {
        const text = (args as { text: string }).text;
        saved.push(text);
        return { text, updatedAt: "2026-11-27T10:00:00Z" };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const view = await renderNotes();
    document.body.append(view);
    const box = view.querySelector("textarea")!;
    box.value = "Ask about scans";
    box.dispatchEvent(new Event("input"));
    expect(view.querySelector("#note-status")!.textContent).toBe("Not saved yet…");
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(saved).toEqual(["Ask about scans"]);
    expect(view.querySelector("#note-status")!.textContent).toMatch(/^Saved/);
  });

  it("keeps the typed words in the box when saving fails", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_note") return { text: "old", updatedAt: "2026-11-27T09:00:00Z" };
      throw { kind: "invalidInput", message: "This note is too long to save." };
    });
    const view = await renderNotes();
    const box = view.querySelector("textarea")!;
    box.value = "old and much more";
    box.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    const status = view.querySelector<HTMLElement>("#note-status")!;
    expect(status.textContent).toBe("This note is too long to save.");
    expect(status.dataset.state).toBe("error");
    expect(box.value).toBe("old and much more");
  });
});
