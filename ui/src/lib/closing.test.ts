import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";

import { Autosave } from "./autosave";
import { answerClose, closing } from "./closing.svelte";

/** Rust's side of closing: the calls in order, with saves that take `delay` ms or fail. */
function fakeRust(delay: number, fail = false) {
  const calls: string[] = [];
  mockIPC(async (cmd, raw) => {
    const args = raw as Record<string, unknown>;
    if (cmd === "save_note") {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (fail) throw { kind: "io", message: "The disk is full." };
      calls.push(`save ${String(args.text)}`);
      return null;
    }
    if (cmd === "close_window") {
      calls.push(`close ${String(args.saved)}`);
      return null;
    }
    throw new Error(`unexpected ${cmd}`);
  });
  return calls;
}

/** A box with an autosave session, as a note box has. */
function box(text: string) {
  const state = { text };
  const session = new Autosave<string, null>({
    capture: () => state.text,
    saved: "",
    send: async (t) => {
      const { invoke } = await import("@tauri-apps/api/core");
      await invoke("save_note", { text: t });
      return null;
    },
  });
  return { state, session };
}

afterEach(() => {
  clearMocks();
  closing.failed = false;
});

describe("closing the window", () => {
  it("lets the window close only after the last words typed have been saved", async () => {
    const calls = fakeRust(200);
    const { state, session } = box("Bring the scan letter");
    session.changed();
    // Typed more, right as the window is closed.
    state.text = "Bring the scan letter and the blue card";
    await answerClose();
    expect(calls).toEqual(["save Bring the scan letter and the blue card", "close true"]);
    expect(closing.failed).toBe(false);
    session.close();
  });

  it("keeps the window open and says so when a save fails, with the words still in the box", async () => {
    const calls = fakeRust(50, true);
    const { state, session } = box("Ask about the headaches");
    session.changed();
    await answerClose();
    expect(calls).toEqual(["close false"]);
    expect(closing.failed).toBe(true);
    expect(state.text).toBe("Ask about the headaches");
    expect(session.unsaved).toBe(true);
    session.close();
  });

  it("closes without saving only when the patient asks for it", async () => {
    const calls = fakeRust(50, true);
    const { session } = box("Words the disk cannot take");
    session.changed();
    await answerClose(true);
    expect(calls).toEqual(["close true"]);
    session.close();
  });
});
