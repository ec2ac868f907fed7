import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { saveAsYouType, SAVE_DELAY_MS } from "./typing";

describe("save as you type", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves once after typing stops, and at once on leaving the box", () => {
    const box = document.createElement("textarea");
    const save = vi.fn();
    saveAsYouType(box, save);
    box.dispatchEvent(new Event("blur"));
    expect(save).not.toHaveBeenCalled();

    box.dispatchEvent(new Event("input"));
    vi.advanceTimersByTime(SAVE_DELAY_MS / 2);
    box.dispatchEvent(new Event("input"));
    vi.advanceTimersByTime(SAVE_DELAY_MS / 2);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);

    box.dispatchEvent(new Event("input"));
    box.dispatchEvent(new Event("blur"));
    expect(save).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
