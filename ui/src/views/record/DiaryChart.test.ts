import { render, screen as dom, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { live } from "../../lib/announce.svelte";
import type { Content, DiaryEntry } from "../../lib/api";
import type { Bother } from "../../lib/bindings/Bother";
import type { DiaryRow } from "../../lib/bindings/DiaryRow";
import type { DiarySummary } from "../../lib/bindings/DiarySummary";
import type { Period, RowGroup } from "../../lib/chart";
import { recordLabels, relabelled } from "../../test/content";
import "../../test/cssEscape";
import { fakeResizeObserver } from "../../test/resize";
import WithApp from "../../test/WithApp.svelte";
import Diary from "./Diary.svelte";
import DiaryChart from "./DiaryChart.svelte";

const content = {
  record: {
    drugs: [],
    sideEffects: [
      { id: "rash", name: "Rash", group: "sideEffect" },
      { id: "tiredness", name: "Tiredness", group: "sideEffect" },
      { id: "scanxiety", name: "Worry before scans", group: "feeling" },
    ],
    rhythm: [],
    labels: recordLabels,
  },
} as unknown as Content;

let next = 1;
const entry = (onDate: string, what = "rash", bother: Bother = "quiteABit", otherWhat = ""): DiaryEntry => ({
  id: next++,
  onDate,
  what,
  otherWhat,
  bother,
  note: "",
});

const ENTRIES = [
  entry("2030-03-27", "rash", "aLot"),
  entry("2030-03-20", "rash", "aLittle"),
  entry("2030-03-10", "scanxiety", "quiteABit"),
  entry("2030-03-05", "other", "aLittle", "Hiccups"),
  entry("2030-01-15", "tiredness", "aLot"),
];

/** A row as get_diary_chart groups it in Rust, from the entries it holds (oldest first). */
function row(what: string, group: RowGroup, held: DiaryEntry[]): DiaryRow {
  const marks = held.map(({ id, onDate, bother }) => ({ id, onDate, bother }));
  const order: Bother[] = ["aLittle", "quiteABit", "aLot"];
  const most = order[Math.max(...marks.map((m) => order.indexOf(m.bother)))]!;
  return { key: what, what, group, marks, days: new Set(marks.map((m) => m.onDate)).size, most, first: marks[0]!.onDate, last: marks[marks.length - 1]!.onDate };
}

/** Rust's answer: the rows, and its sentence for them (diary_summary::said). */
const chartOf = (from: string | null, rows: DiaryRow[], summary = ""): DiarySummary => ({
  from,
  to: from && "2030-03-28",
  rows,
  count: rows.reduce((n, r) => n + r.marks.length, 0),
  summary,
});

/** What Rust answers for ENTRIES on 28 March 2030, for each period. */
const [rash27, rash20, scans, hiccups, tired] = ENTRIES as [DiaryEntry, DiaryEntry, DiaryEntry, DiaryEntry, DiaryEntry];
const WEEKS4 = [row("Rash", "sideEffect", [rash20, rash27]), row("Worry before scans", "feeling", [scans]), row("Hiccups", "own", [hiccups])];
const CHARTS: Partial<Record<Period, DiarySummary>> = {
  weeks4: chartOf("2030-02-28", WEEKS4, "4 entries for 1 side effect, 1 feeling and 1 other thing between 28 February and 28 March 2030."),
  months3: chartOf(
    "2029-12-28",
    [WEEKS4[0]!, row("Tiredness", "sideEffect", [tired]), ...WEEKS4.slice(1)],
    "5 entries for 2 side effects, 1 feeling and 1 other thing between 28 December 2029 and 28 March 2030.",
  ),
};

/** Rust's diary chart, answering from `charts`; each call's arguments are kept. */
function fakeChart(charts: Partial<Record<Period, DiarySummary>> = CHARTS) {
  const asked: { period: Period; now: string }[] = [];
  mockIPC((cmd, args) => {
    if (cmd !== "get_diary_chart") throw new Error(`unexpected ${cmd}`);
    const { period, now } = args as { period: Period; now: string };
    asked.push({ period, now });
    return charts[period];
  });
  return asked;
}

async function show(entries: DiaryEntry[] = ENTRIES, charts?: Partial<Record<Period, DiarySummary>>, shownContent = content) {
  const asked = fakeChart(charts);
  const user = userEvent.setup();
  const shown = render(WithApp, { props: { app: { content: shownContent, show: vi.fn() }, view: DiaryChart, props: { entries } } });
  await waitFor(() => expect(document.getElementById("diary-chart-summary")).not.toBeNull());
  return { user, asked, ...shown };
}

const summary = () => document.getElementById("diary-chart-summary")!.textContent;
/** Each row's marks, as how many circles each step's path draws, biggest (drawn first) first. */
const marks = () =>
  [...document.querySelectorAll(".chart-strip")].map((strip) =>
    [...strip.querySelectorAll("path.mark")].map((p) => `${p.getAttribute("class")!.split(" ")[1]} ${p.getAttribute("d")!.split("M").length - 1}`),
  );
const rowNames = () => [...document.querySelectorAll(".chart-what")].map((n) => n.textContent);

beforeEach(() => {
  // Only the clock: the user's typing and the live region still use real timers.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2030, 2, 28, 15, 30));
  // 500 pixels wide, in 20-pixel text.
  vi.stubGlobal("ResizeObserver", fakeResizeObserver(500, 20));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  clearMocks();
  live.text = "";
});

describe("the diary chart", () => {
  it("shows the last 4 weeks at first: a row per kind, a mark per entry, and a summary in words", async () => {
    const { asked } = await show();
    expect(asked).toEqual([{ period: "weeks4", now: "2030-03-28T15:30" }]);
    expect(dom.getByLabelText("Time shown")).toHaveProperty("value", "weeks4");
    expect(summary()).toBe("4 entries for 1 side effect, 1 feeling and 1 other thing between 28 February and 28 March 2030.");
    expect(rowNames()).toEqual(["Rash", "Worry before scans", "Hiccups"]);
    expect(marks()).toEqual([
      ["aLot 1", "quiteABit 0", "aLittle 1"],
      ["aLot 0", "quiteABit 1", "aLittle 0"],
      ["aLot 0", "quiteABit 0", "aLittle 1"],
    ]);
    // Feelings and the patient's own words are named apart from the side effects.
    expect([...document.querySelectorAll(".chart-group")].map((g) => g.textContent)).toEqual(["Side effects", "Feelings", "Other things"]);
  });

  it("draws with the theme's colours only through classes, marks sized by the text, and dates on the axis as '3 Mar'", async () => {
    await show();
    // 27 March is 27/28 of the way across 500 pixels; a lot is 0.6em of 20-pixel text, in a row 1.8em high.
    expect(document.querySelector(".chart-strip path.aLot")!.getAttribute("d")).toBe("M470.1 18a12 12 0 1 0 24 0a12 12 0 1 0 -24 0z");
    expect(document.querySelector(".chart-frame [fill], .chart-frame [stroke]")).toBeNull();
    expect([...document.querySelectorAll(".chart-axis text")].map((t) => t.textContent)).toEqual([
      "28 Feb",
      "7 Mar",
      "14 Mar",
      "21 Mar",
      "28 Mar",
    ]);
  });

  it("changes period when another is chosen, and says the new summary", async () => {
    const { user, asked } = await show();
    await user.selectOptions(dom.getByLabelText("Time shown"), "The last 3 months");
    expect(asked.map((a) => a.period)).toEqual(["weeks4", "months3"]);
    await waitFor(() => expect(summary()).toBe("5 entries for 2 side effects, 1 feeling and 1 other thing between 28 December 2029 and 28 March 2030."));
    expect(rowNames()).toEqual(["Rash", "Tiredness", "Worry before scans", "Hiccups"]);
    await waitFor(() => expect(live.text).toBe(summary()));
  });

  it("says so in words when the period has no entries, and draws nothing", async () => {
    const early = entry("2029-01-01");
    const { user } = await show([early], {
      weeks4: chartOf("2030-02-28", [], "No diary entries between 28 February and 28 March 2030."),
      all: chartOf("2029-01-01", [row("Rash", "sideEffect", [early])], "1 entry for 1 side effect between 1 January 2029 and 28 March 2030."),
    });
    expect(summary()).toBe("No diary entries between 28 February and 28 March 2030.");
    expect(document.querySelector(".chart-frame")).toBeNull();
    expect(dom.queryByRole("button", { name: "Show as a table" })).toBeNull();
    await user.selectOptions(dom.getByLabelText("Time shown"), "All my diary");
    await waitFor(() => expect(summary()).toBe("1 entry for 1 side effect between 1 January 2029 and 28 March 2030."));
  });

  it("has a legend in words for the three steps", async () => {
    await show();
    const key = document.querySelector(".chart-key")!;
    expect(within(key as HTMLElement).getAllByRole("listitem").map((li) => li.textContent!.trim())).toEqual([
      "A little",
      "Quite a bit",
      "A lot",
    ]);
    expect(dom.getByText(/Each mark is one diary entry/).textContent).toContain("The bigger the mark, the more it bothered me");
  });

  it("says how much in the words Rust sent, in its key and its table", async () => {
    const { user } = await show(ENTRIES, CHARTS, { ...content, record: { ...content.record, labels: relabelled } });
    const key = document.querySelector<HTMLElement>(".chart-key")!;
    expect(within(key).getAllByRole("listitem").map((li) => li.textContent!.trim())).toEqual(["A little (as sent)", "Quite a bit (as sent)", "A lot (as sent)"]);
    await user.click(dom.getByRole("button", { name: "Show as a table" }));
    const bothered = [...dom.getByRole("table").querySelectorAll("tbody tr td:last-child")].map((c) => c.textContent);
    expect(bothered).toEqual(["A little (as sent)", "A lot (as sent)", "Quite a bit (as sent)", "A little (as sent)"]);
  });

  it("names its groups and the times to choose from in the words Rust sent, in Rust's order", async () => {
    const { user, asked } = await show(ENTRIES, CHARTS, { ...content, record: { ...content.record, labels: relabelled } });
    expect([...document.querySelectorAll(".chart-group")].map((g) => g.textContent)).toEqual(["Side effects (as sent)", "Feelings (as sent)", "Other things (as sent)"]);
    const period = dom.getByLabelText("Time shown");
    expect([...period.querySelectorAll("option")].map((o) => [o.value, o.textContent])).toEqual([
      ["weeks4", "The last 4 weeks (as sent)"],
      ["months3", "The last 3 months (as sent)"],
      ["months6", "The last 6 months (as sent)"],
      ["all", "All my diary (as sent)"],
    ]);
    await user.selectOptions(period, "The last 3 months (as sent)");
    expect(asked.map((a) => a.period)).toEqual(["weeks4", "months3"]);
  });

  it("keeps the picture from screen readers, which get the summary and the table instead", async () => {
    await show();
    expect(document.querySelector(".chart-frame")!.getAttribute("aria-hidden")).toBe("true");
  });

  it("shows the same entries as a table one click away, and hides it again", async () => {
    const { user } = await show();
    const button = dom.getByRole("button", { name: "Show as a table" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(dom.queryByRole("table")).toBeNull();

    await user.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const table = dom.getByRole("table", { name: summary()! });
    expect(button.getAttribute("aria-controls")).toBe(table.id);
    const rows = within(table)
      .getAllByRole("row")
      .map((r) => [...r.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["What", "Date", "How much it bothered me"],
      ["Rash", "20 March 2030", "A little"],
      ["Rash", "27 March 2030", "A lot"],
      ["Worry before scans", "10 March 2030", "Quite a bit"],
      ["Hiccups", "5 March 2030", "A little"],
    ]);

    await user.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(dom.queryByRole("table")).toBeNull();
  });
});

describe("the chart's answers", () => {
  it("shows the newest chart asked for, even when the older answer comes last", async () => {
    // The first chart (4 weeks) is held back until the one asked for after it (3 months) has come.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    mockIPC(async (cmd, args) => {
      if (cmd !== "get_diary_chart") throw new Error(`unexpected ${cmd}`);
      const { period } = args as { period: Period };
      if (period === "weeks4") await held;
      return CHARTS[period];
    });
    const user = userEvent.setup();
    render(WithApp, { props: { app: { content, show: vi.fn() }, view: DiaryChart, props: { entries: ENTRIES } } });
    await user.selectOptions(dom.getByLabelText("Time shown"), "The last 3 months");
    await waitFor(() => expect(summary()).toMatch(/^5 entries/));
    release();
    await held;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(summary()).toMatch(/^5 entries/);
    expect(rowNames()).toEqual(["Rash", "Tiredness", "Worry before scans", "Hiccups"]);
  });

  it("says Rust's plain message when the chart cannot be made", async () => {
    mockIPC(() => {
      throw { kind: "storage", message: "Your diary could not be read just now. Please try again." };
    });
    render(WithApp, { props: { app: { content, show: vi.fn() }, view: DiaryChart, props: { entries: ENTRIES } } });
    const message = await waitFor(() => dom.getByRole("alert"));
    expect(message.textContent).toContain("Your diary could not be read just now. Please try again.");
    expect(document.getElementById("diary-chart-summary")).toBeNull();
  });
});

describe("the chart in the diary", () => {
  it("is drawn again when an entry is added", async () => {
    const rows: DiaryEntry[] = [entry("2030-03-20")];
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "list_diary":
          return [...rows].reverse();
        case "add_diary_entry": {
          const saved = { ...((args as { input: DiaryEntry }).input), id: next++ };
          rows.push(saved);
          return saved;
        }
        case "get_diary_chart": {
          // Each entry here is of a kind of its own: a row each, in the order Rust lists them.
          const names: Record<string, string> = { rash: "Rash", tiredness: "Tiredness" };
          const said = rows.length === 1 ? "1 entry for 1 side effect" : `${rows.length} entries for ${rows.length} side effects`;
          return chartOf("2030-02-28", rows.map((e) => row(names[e.what]!, "sideEffect", [e])), `${said} between 28 February and 28 March 2030.`);
        }
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    const user = userEvent.setup();
    render(WithApp, { props: { app: { content, show: vi.fn() }, view: Diary, props: {} } });
    await waitFor(() => expect(summary()).toMatch(/^1 entry for 1 side effect/));

    await user.selectOptions(dom.getByLabelText("What"), "Tiredness");
    await user.click(dom.getByRole("button", { name: "Add to my diary" }));
    await waitFor(() => expect(summary()).toMatch(/^2 entries for 2 side effects/));
    expect(rowNames()).toEqual(["Rash", "Tiredness"]);
  });
});
