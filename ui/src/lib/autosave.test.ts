import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { autosave, closeAll, SAVE_DELAY_MS } from "./autosave";

/** A send that answers after `ms`, recording what it was given and in what order. */
function slowSend(ms: number) {
  const sent: string[] = [];
  const send = (text: string) =>
    new Promise<string>((resolve) =>
      setTimeout(() => {
        sent.push(text);
        resolve(text);
      }, ms),
    );
  return { sent, send };
}

describe("autosave", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once after typing stops, and at once on leaving the box", async () => {
    const box = document.createElement("textarea");
    const { sent, send } = slowSend(0);
    const session = autosave(box, { capture: () => box.value, send, saved: "" });
    box.dispatchEvent(new Event("blur"));
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual([]);
    box.value = "a";
    box.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 2);
    box.value = "ab";
    box.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS / 2);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(sent).toEqual(["ab"]);
    box.value = "abc";
    box.dispatchEvent(new Event("input"));
    box.dispatchEvent(new Event("blur"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(sent).toEqual(["ab", "abc"]);
    session.close();
  });

  it("binds each save to the words of the moment it was asked for, and keeps their order", async () => {
    const box = document.createElement("textarea");
    const { sent, send } = slowSend(300);
    const session = autosave(box, { capture: () => box.value, send, saved: "" });
    box.value = "first";
    void session.flush();
    box.value = "second";
    void session.flush();
    box.value = "something else on screen later";
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual(["first", "second"]);
    session.close();
  });

  it("a closed session finishes its save but changes nothing on screen", async () => {
    const box = document.createElement("textarea");
    const { sent, send } = slowSend(300);
    const states: string[] = [];
    const session = autosave(box, { capture: () => box.value, send, saved: "", onState: (s) => states.push(s) });
    box.value = "words";
    void session.flush();
    session.close();
    box.value = "another note's words";
    box.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1000);
    expect(sent).toEqual(["words"]);
    expect(states).toEqual([]);
  });

  it("settles only when what is on screen is saved, even if typed during a save", async () => {
    const box = document.createElement("textarea");
    const { sent, send } = slowSend(300);
    const session = autosave(box, { capture: () => box.value, send, saved: "" });
    box.value = "one";
    const settled = session.settle();
    await vi.advanceTimersByTimeAsync(100);
    box.value = "one two";
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled).toBe(true);
    expect(sent).toEqual(["one", "one two"]);
    session.close();
  });

  it("a failed save says so, keeps the words, and is tried again", async () => {
    const box = document.createElement("textarea");
    let fail = true;
    const sent: string[] = [];
    const states: string[] = [];
    const session = autosave(box, {
      capture: () => box.value,
      send: async (text: string) => {
        if (fail) throw { kind: "storage", message: "Could not save." };
        sent.push(text);
        return text;
      },
      saved: "",
      onState: (s) => states.push(s),
    });
    box.value = "keep me";
    expect(await session.settle()).toBe(false);
    expect(states).toEqual(["error"]);
    expect(await closeAll()).toBe(false);
    expect(box.value).toBe("keep me");
    fail = false;
    expect(await session.settle()).toBe(true);
    expect(sent).toEqual(["keep me"]);
    expect(await closeAll()).toBe(true);
  });

  it("says it is saved when the words are put back as they were, and sends nothing", async () => {
    const box = document.createElement("textarea");
    box.value = "saved words";
    const { sent, send } = slowSend(0);
    const states: string[] = [];
    const session = autosave(box, { capture: () => box.value, send, saved: "saved words", onState: (s) => states.push(s) });
    box.value = "saved words and more";
    box.dispatchEvent(new Event("input"));
    box.value = "saved words";
    box.dispatchEvent(new Event("input"));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(sent).toEqual([]);
    expect(states[states.length - 1]).toBe("unchanged");
    session.close();
  });

  it("after a failed save, words put back as they were can be left", async () => {
    const box = document.createElement("textarea");
    box.value = "saved";
    const session = autosave(box, {
      capture: () => box.value,
      send: async () => {
        throw { kind: "invalidInput", message: "Too long." };
      },
      saved: "saved",
    });
    box.value = "saved and far too long";
    expect(await session.settle()).toBe(false);
    box.value = "saved";
    expect(await session.settle()).toBe(true);
    expect(await closeAll()).toBe(true);
  });
});
