import { describe, expect, it } from "vitest";

import { row } from "../test/recorder";
import { answeredAt, clock, lengthWords, newestMarks, recordingDay, timeWords } from "./recording";

describe("times in a recording", () => {
  it("are shown as minutes:seconds, and h:mm:ss past an hour", () => {
    expect(clock(0)).toBe("0:00");
    expect(clock(9_999)).toBe("0:09");
    expect(clock(754_000)).toBe("12:34");
    expect(clock(3_723_000)).toBe("1:02:03");
  });

  it("are read out in words to the second", () => {
    expect(timeWords(0)).toBe("0 seconds");
    expect(timeWords(1_000)).toBe("1 second");
    expect(timeWords(754_000)).toBe("12 minutes 34 seconds");
    expect(timeWords(60_000)).toBe("1 minute");
    expect(timeWords(3_723_000)).toBe("1 hour 2 minutes 3 seconds");
  });

  it("say a recording's length to the nearest minute, or in seconds under a minute", () => {
    expect(lengthWords(42 * 60_000 + 20_000)).toBe("42 minutes");
    expect(lengthWords(24 * 60_000 + 40_000)).toBe("25 minutes");
    expect(lengthWords(65 * 60_000)).toBe("1 hour 5 minutes");
    expect(lengthWords(60 * 60_000)).toBe("1 hour");
    expect(lengthWords(40_000)).toBe("40 seconds");
    expect(recordingDay(row(1, { startedAt: "2026-12-03T10:15" }))).toBe("Thursday 3 December 2026");
  });
});

describe("where a question was answered", () => {
  it("is the newest mark on it, in the recording it was made in", () => {
    const first = row(1, { startedAt: "2030-01-15T14:35", marks: [{ recordingId: 1, planQuestionId: 7, atMs: 60_000 }, { recordingId: 1, planQuestionId: 8, atMs: 90_000 }] });
    const second = row(2, { startedAt: "2030-01-15T15:10", marks: [{ recordingId: 2, planQuestionId: 7, atMs: 30_000 }] });
    // Listed newest first by Rust or not, the later recording's mark wins.
    const marks = newestMarks([second, first]);
    expect(marks.get(7)).toEqual({ mark: { recordingId: 2, planQuestionId: 7, atMs: 30_000 }, number: 2 });
    expect(marks.get(8)?.number).toBe(1);
    // A mark just made in a recording not listed yet counts as the next one.
    expect(newestMarks([first], [{ recordingId: 9, planQuestionId: 8, atMs: 5_000 }]).get(8)?.number).toBe(2);
  });

  it("is said on the answer box, naming the recording only when there are several", () => {
    expect(answeredAt(754_000, 1, 1)).toBe("Answered at 12:34 in the recording");
    expect(answeredAt(754_000, 2, 2)).toBe("Answered at 12:34 in recording 2");
  });
});
