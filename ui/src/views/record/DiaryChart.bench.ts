// How long the diary chart takes to draw 2,000 entries (jsdom: building the SVG, not painting it).
// Prints median and p95 over 20 runs; it never fails on time. Run by `./dev.sh bench`.
import { cleanup, render, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { bench, describe } from "vitest";

import type { Content, DiaryEntry } from "../../lib/api";
import type { Bother } from "../../lib/bindings/Bother";
import type { DiaryRow } from "../../lib/bindings/DiaryRow";
import type { DiarySummary } from "../../lib/bindings/DiarySummary";
import { localNow } from "../../lib/forms";
import { fakeResizeObserver } from "../../test/resize";
import WithApp from "../../test/WithApp.svelte";
import DiaryChart from "./DiaryChart.svelte";

const RUNS = 20;
const WARM_UP = 2;
const KINDS = 12;
const BOTHERS: Bother[] = ["aLittle", "quiteABit", "aLot"];

const content = {
  record: {
    drugs: [],
    sideEffects: Array.from({ length: KINDS }, (_, i) => ({ id: `k${i}`, name: `Side effect ${i + 1}`, group: i < 10 ? "sideEffect" : "feeling" })),
    rhythm: [],
  },
} as unknown as Content;

// 2,000 entries over the last 2 years (a long illness, as in the Rust bench), newest first as the store lists them.
const now = Date.parse(localNow().slice(0, 10));
const entries: DiaryEntry[] = Array.from({ length: 2000 }, (_, i) => ({
  id: i + 1,
  onDate: new Date(now - Math.floor(i * 0.365) * 86_400_000).toISOString().slice(0, 10),
  what: i % 50 === 7 ? "other" : `k${(i * 7) % KINDS}`,
  otherWhat: i % 50 === 7 ? `My own words ${i % 3}` : "",
  bother: BOTHERS[i % 3]!,
  note: "",
}));

// Rust groups the diary (get_diary_chart): here, as it answers for every entry, a row per kind.
const rows = new Map<string, DiaryRow>();
for (const e of [...entries].reverse()) {
  const key = e.what === "other" ? `own:${e.otherWhat.toLowerCase()}` : e.what;
  const row = rows.get(key) ?? { key, what: key, group: "sideEffect", marks: [], days: 0, most: "aLot", first: e.onDate, last: e.onDate };
  row.marks.push({ id: e.id, onDate: e.onDate, bother: e.bother });
  row.last = e.onDate;
  rows.set(key, row);
}
const all: DiarySummary = { from: entries[entries.length - 1]!.onDate, to: entries[0]!.onDate, rows: [...rows.values()], count: entries.length, summary: "" };
const weeks4: DiarySummary = { ...all, rows: [], count: 0 };
mockIPC((_cmd, args) => ((args as { period: string }).period === "all" ? all : weeks4));

// jsdom lays nothing out: the chart is told it is 600 pixels wide, in 18-pixel text.
globalThis.ResizeObserver = fakeResizeObserver(600, 18);

const times: Record<string, number[]> = { first: [], all: [] };

function ms(values: number[], share: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!.toFixed(1);
}

/** Prints the measured runs' figures, after the warm-up ones. */
function report(): void {
  for (const [what, words] of [
    ["first", "first draw (the last 4 weeks)"],
    ["all", "All my diary (2,000 marks)"],
  ] as const) {
    const runs = times[what]!.slice(-RUNS);
    console.log(`diary chart ${words}: median_ms=${ms(runs, 0.5)} p95_ms=${ms(runs, 0.95)} runs=${runs.length}`);
  }
}

describe("diary chart, 2,000 entries", () => {
  bench(
    "draw",
    async () => {
      // From asking Rust (answered at once here) to the chart drawn.
      let start = performance.now();
      render(WithApp, { props: { app: { content, show: () => {} }, view: DiaryChart, props: { entries } } });
      await waitFor(() => document.getElementById("diary-chart-summary") ?? Promise.reject(new Error("not drawn")), { interval: 1 });
      times.first!.push(performance.now() - start);

      const select = document.getElementById("diary-chart-period") as HTMLSelectElement;
      select.value = "all";
      start = performance.now();
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await waitFor(() => document.querySelector(".chart-strip") ?? Promise.reject(new Error("not drawn")), { interval: 1 });
      times.all!.push(performance.now() - start);
      const drawn = [...document.querySelectorAll(".chart-strip path.mark")].map((p) => p.getAttribute("d")!.split("M").length - 1);
      if (drawn.reduce((a, b) => a + b, 0) !== entries.length) throw new Error("not every entry was drawn");
      cleanup();
      if (times.all!.length === WARM_UP + RUNS) report();
    },
    { iterations: RUNS, time: 0, warmupIterations: WARM_UP, warmupTime: 0 },
  );

});
