import { describe, expect, it } from "vitest";

import type { Content, DiaryEntry } from "./api";
import type { Bother } from "./bindings/Bother";
import { circlesPath, diaryChart, periodDays } from "./chart";

const content = {
  record: {
    sideEffects: [
      { id: "rash", name: "Rash", group: "sideEffect" },
      { id: "tiredness", name: "Tiredness", group: "sideEffect" },
      { id: "scanxiety", name: "Worry before scans", group: "feeling" },
    ],
  },
} as unknown as Content;

let next = 1;
function entry(onDate: string, what = "rash", bother: Bother = "quiteABit", otherWhat = ""): DiaryEntry {
  return { id: next++, onDate, what, otherWhat, bother, note: "" };
}

const TODAY = "2030-03-28";

describe("the period", () => {
  it("takes in its first day and today, and leaves out the day before and tomorrow", () => {
    const entries = [entry("2030-02-27"), entry("2030-02-28"), entry("2030-03-28"), entry("2030-03-29")];
    const chart = diaryChart(entries, content, "weeks4", TODAY);
    expect([chart.from, chart.to]).toEqual(["2030-02-28", "2030-03-28"]);
    expect(chart.rows[0]!.marks.map((m) => m.onDate)).toEqual(["2030-02-28", "2030-03-28"]);
    expect(chart.count).toBe(2);
  });

  it("goes back to the same date in months, or the month's last day where there is no such date", () => {
    expect(periodDays("months3", TODAY, [])).toEqual(["2029-12-28", TODAY]);
    expect(periodDays("months6", TODAY, [])).toEqual(["2029-09-28", TODAY]);
    expect(periodDays("months3", "2030-05-31", [])).toEqual(["2030-02-28", "2030-05-31"]);
    expect(periodDays("months6", "2032-08-31", [])).toEqual(["2032-02-29", "2032-08-31"]);
  });

  it("'all' runs from the first entry to today, or to a later-dated entry", () => {
    expect(periodDays("all", TODAY, [entry("2028-06-01"), entry("2029-01-01")])).toEqual(["2028-06-01", TODAY]);
    expect(periodDays("all", TODAY, [entry("2030-04-02"), entry("2029-01-01")])).toEqual(["2029-01-01", "2030-04-02"]);
    expect(periodDays("all", TODAY, [])).toBeNull();
  });

  it("places marks from 0 on the first day to 1 on the last", () => {
    const chart = diaryChart([entry("2030-02-28"), entry("2030-03-14"), entry(TODAY)], content, "weeks4", TODAY);
    expect(chart.rows[0]!.marks.map((m) => m.x)).toEqual([0, 0.5, 1]);
  });
});

describe("the rows", () => {
  it("has one row per kind, side effects then feelings in the content's order, then the patient's own words A to Z", () => {
    const chart = diaryChart(
      [
        entry("2030-03-01", "scanxiety"),
        entry("2030-03-02", "other", "aLot", "Sore feet"),
        entry("2030-03-03", "tiredness"),
        entry("2030-03-04", "rash"),
        entry("2030-03-05", "other", "aLittle", "hiccups"),
        entry("2030-03-06", "tiredness"),
      ],
      content,
      "weeks4",
      TODAY,
    );
    expect(chart.rows.map((r) => [r.what, r.group, r.marks.length])).toEqual([
      ["Rash", "sideEffect", 1],
      ["Tiredness", "sideEffect", 2],
      ["Worry before scans", "feeling", 1],
      ["hiccups", "own", 1],
      ["Sore feet", "own", 1],
    ]);
  });

  it("puts 'something else' entries on a row named in the patient's own words, one row whatever the capitals", () => {
    const chart = diaryChart(
      [entry("2030-03-01", "other", "aLittle", "Hiccups"), entry("2030-03-02", "other", "aLot", " hiccups ")],
      content,
      "weeks4",
      TODAY,
    );
    expect(chart.rows).toHaveLength(1);
    expect(chart.rows[0]!.what).toBe("Hiccups");
    expect(chart.rows[0]!.marks.map((m) => m.bother)).toEqual(["aLittle", "aLot"]);
  });

  it("keeps all three steps of how much, and lists one day's entries the most first", () => {
    const chart = diaryChart(
      [entry("2030-03-05", "rash", "aLittle"), entry("2030-03-05", "rash", "aLot"), entry("2030-03-05", "rash", "quiteABit")],
      content,
      "weeks4",
      TODAY,
    );
    expect(chart.rows[0]!.marks.map((m) => m.bother)).toEqual(["aLot", "quiteABit", "aLittle"]);
  });
});

describe("the axis", () => {
  it("marks every week of 4 weeks, in the plain form '3 Mar'", () => {
    const chart = diaryChart([], content, "weeks4", TODAY);
    expect(chart.ticks.map((t) => t.label)).toEqual(["28 Feb", "7 Mar", "14 Mar", "21 Mar", "28 Mar"]);
    expect(chart.ticks.map((t) => t.anchor)).toEqual(["start", "middle", "middle", "middle", "end"]);
  });

  it("marks the first of each month over 6 months, with the year where it changes", () => {
    const chart = diaryChart([], content, "months6", TODAY);
    expect(chart.ticks.map((t) => t.label)).toEqual(["1 Oct 2029", "1 Nov", "1 Dec", "1 Jan 2030", "1 Feb", "1 Mar"]);
  });

  it("never has more than six dates, however long the diary", () => {
    for (const first of ["2029-12-20", "2028-03-01", "2021-07-15", "2001-01-01"]) {
      const chart = diaryChart([entry(first)], content, "all", TODAY);
      expect(chart.ticks.length).toBeGreaterThan(0);
      expect(chart.ticks.length).toBeLessThanOrEqual(6);
      expect(chart.ticks.every((t) => t.x >= 0 && t.x <= 1)).toBe(true);
    }
  });
});

describe("the summary", () => {
  it("counts the entries and the kinds, and names the period's dates", () => {
    const entries = [
      ...Array.from({ length: 10 }, (_, i) => entry(`2030-03-${String(i + 1).padStart(2, "0")}`, i % 2 ? "rash" : "tiredness")),
      entry("2030-03-20", "other", "aLot", "Sore feet"),
      entry("2030-03-21", "other", "aLot", "Sore feet"),
    ];
    const chart = diaryChart(entries, content, "weeks4", TODAY);
    expect(chart.summary).toBe("12 entries for 2 side effects and 1 other thing between 28 February and 28 March 2030.");
  });

  it("says one entry, feelings, and both years when the period crosses a new year", () => {
    const chart = diaryChart([entry("2030-01-02", "scanxiety")], content, "months3", TODAY);
    expect(chart.summary).toBe("1 entry for 1 feeling between 28 December 2029 and 28 March 2030.");
  });

  it("lists three groups with commas and 'and'", () => {
    const chart = diaryChart(
      [entry("2030-03-01", "rash"), entry("2030-03-01", "scanxiety"), entry("2030-03-01", "other", "aLot", "Cramp")],
      content,
      "weeks4",
      TODAY,
    );
    expect(chart.summary).toBe("3 entries for 1 side effect, 1 feeling and 1 other thing between 28 February and 28 March 2030.");
  });

  it("says so in words when the period has no entries", () => {
    const chart = diaryChart([entry("2029-01-01")], content, "weeks4", TODAY);
    expect(chart.rows).toEqual([]);
    expect(chart.count).toBe(0);
    expect(chart.summary).toBe("No diary entries between 28 February and 28 March 2030.");
    expect(diaryChart([], content, "all", TODAY).summary).toBe("No diary entries yet.");
  });
});

describe("the marks' path", () => {
  it("draws one whole circle per mark, centred where the mark's place falls across the width", () => {
    expect(circlesPath([0, 0.5], 200, 9, 4)).toBe("M-4 9a4 4 0 1 0 8 0a4 4 0 1 0 -8 0zM96 9a4 4 0 1 0 8 0a4 4 0 1 0 -8 0z");
    expect(circlesPath([], 200, 9, 4)).toBe("");
  });
});
