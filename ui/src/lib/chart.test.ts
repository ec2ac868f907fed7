import { describe, expect, it } from "vitest";

import type { DiarySummary } from "./bindings/DiarySummary";
import { circlesPath, diaryChart, type RowGroup } from "./chart";

// Which entries fall in a period and how they are grouped into rows is Rust's (diary_summary.rs,
// tested there); here, what get_diary_chart sends: rows with their entries' dates.
let next = 1;
function diary(from: string | null, to: string | null, rows: [string, RowGroup, string[]][] = []): DiarySummary {
  return {
    from,
    to,
    rows: rows.map(([what, group, dates]) => ({
      key: what.toLowerCase(),
      what,
      group,
      marks: dates.map((onDate) => ({ id: next++, onDate, bother: "quiteABit" as const })),
      days: new Set(dates).size,
      most: "quiteABit" as const,
      first: dates[0]!,
      last: dates[dates.length - 1]!,
    })),
    count: rows.reduce((n, [, , dates]) => n + dates.length, 0),
    summary: `Rust's sentence for ${from} to ${to}.`,
  };
}

const TODAY = "2030-03-28";
const WEEKS4 = "2030-02-28";

describe("the period", () => {
  it("places marks from 0 on the first day to 1 on the last", () => {
    const chart = diaryChart(diary(WEEKS4, TODAY, [["Rash", "sideEffect", ["2030-02-28", "2030-03-14", TODAY]]]));
    expect(chart.rows[0]!.marks.map((m) => m.x)).toEqual([0, 0.5, 1]);
  });
});

describe("the axis", () => {
  it("marks every week of 4 weeks, in the plain form '3 Mar'", () => {
    const chart = diaryChart(diary(WEEKS4, TODAY));
    expect(chart.ticks.map((t) => t.label)).toEqual(["28 Feb", "7 Mar", "14 Mar", "21 Mar", "28 Mar"]);
    expect(chart.ticks.map((t) => t.anchor)).toEqual(["start", "middle", "middle", "middle", "end"]);
  });

  it("marks the first of each month over 6 months, with the year where it changes", () => {
    const chart = diaryChart(diary("2029-09-28", TODAY));
    expect(chart.ticks.map((t) => t.label)).toEqual(["1 Oct 2029", "1 Nov", "1 Dec", "1 Jan 2030", "1 Feb", "1 Mar"]);
  });

  it("never has more than six dates, however long the diary", () => {
    for (const first of ["2029-12-20", "2028-03-01", "2021-07-15", "2001-01-01"]) {
      const chart = diaryChart(diary(first, TODAY, [["Rash", "sideEffect", [first]]]));
      expect(chart.ticks.length).toBeGreaterThan(0);
      expect(chart.ticks.length).toBeLessThanOrEqual(6);
      expect(chart.ticks.every((t) => t.x >= 0 && t.x <= 1)).toBe(true);
    }
  });
});

// The sentence itself is made and tested in Rust (diary_summary::said), where the pack's chart
// gets its description too.
describe("the summary", () => {
  it("is the sentence Rust made, with and without entries", () => {
    expect(diaryChart(diary(WEEKS4, TODAY, [["Rash", "sideEffect", ["2030-03-01"]]])).summary).toBe(
      `Rust's sentence for ${WEEKS4} to ${TODAY}.`,
    );
    expect(diaryChart(diary(null, null)).summary).toBe("Rust's sentence for null to null.");
  });
});

describe("the marks' path", () => {
  it("draws one whole circle per mark, centred where the mark's place falls across the width", () => {
    expect(circlesPath([0, 0.5], 200, 9, 4)).toBe("M-4 9a4 4 0 1 0 8 0a4 4 0 1 0 -8 0zM96 9a4 4 0 1 0 8 0a4 4 0 1 0 -8 0z");
    expect(circlesPath([], 200, 9, 4)).toBe("");
  });
});
