// The diary as a chart: where each mark stands, the dates on the axis and a summary in words. The
// rows come grouped from Rust (`get_diary_chart`), as the pack's summary groups them. It places
// marks and counts them; it never judges or draws a trend.
import type { Bother } from "./bindings/Bother";
import type { DiarySummary } from "./bindings/DiarySummary";
import type { Period } from "./bindings/Period";
import type { RowGroup } from "./bindings/RowGroup";
import { longDate } from "./dates";

export type { Period, RowGroup };

/** One diary entry on the chart: `x` runs from 0 (the period's first day) to 1 (its last). */
export interface ChartMark {
  id: number;
  onDate: string;
  bother: Bother;
  x: number;
}

export interface ChartRow {
  key: string;
  what: string;
  group: RowGroup;
  /** Oldest first, and on one day the most first, as the table lists them. */
  marks: ChartMark[];
}

export interface ChartTick {
  x: number;
  /** "3 Mar", with the year where a long period moves into another year. */
  label: string;
  /** How the label lines up with its tick, so labels at the ends stay inside the chart. */
  anchor: "start" | "middle" | "end";
}

export interface DiaryChart {
  /** The period's first and last day (`YYYY-MM-DD`); null for "all" with no entries. */
  from: string | null;
  to: string | null;
  rows: ChartRow[];
  ticks: ChartTick[];
  /** How many entries the chart shows. */
  count: number;
  /** One sentence for everyone, made in Rust (`diary_summary::said`), as the pack describes its chart. */
  summary: string;
}

/** Each step's mark, as a radius in em, so the marks grow with the text. */
export const MARK_RADIUS: Record<Bother, number> = { aLittle: 0.25, quiteABit: 0.4, aLot: 0.6 };

const DAY_MS = 86_400_000;
/** No more dates on the axis than fit beside each other at the largest text. */
const MOST_TICKS = 6;

/** Days since 1970 for a `YYYY-MM-DD` date, counted in UTC so summer time never moves a day. */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "3 Mar" (and "3 Mar 2030" with `year`). */
function shortDate(iso: string, year: boolean): string {
  const [day = "", month = "", y = ""] = longDate(iso).split(" ");
  return `${day} ${month.slice(0, 3)}${year ? ` ${y}` : ""}`;
}

/** The first day of month number `index` (years * 12 + months from January). */
function monthStart(index: number): number {
  return Math.round(Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS);
}

/** The days an axis marks: every 1, 2, 7 or 14 days for a short period, else the first of a month
 * every 1, 2, 3, 6 or 12 months (or a whole number of years), the first step to need six or fewer. */
function tickDays(first: number, last: number): number[] {
  if (last - first <= 62) {
    for (const step of [1, 2, 7, 14]) {
      const days: number[] = [];
      for (let day = first; day <= last; day += step) days.push(day);
      if (days.length <= MOST_TICKS) return days;
    }
  }
  const [y = 1970, m = 1] = isoDate(first).split("-").map(Number);
  let index = y * 12 + m - 1;
  if (monthStart(index) < first) index++;
  const months: number[] = [];
  for (; monthStart(index) <= last; index++) months.push(index);
  for (const step of [1, 2, 3, 6]) {
    const picked = months.filter((i) => i % step === 0);
    if (picked.length <= MOST_TICKS) return picked.map(monthStart);
  }
  const years = Math.ceil(months.length / 12 / MOST_TICKS);
  return months.filter((i) => i % (12 * years) === 0).map(monthStart);
}

function ticks(from: string, to: string): ChartTick[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const years = from.slice(0, 4) !== to.slice(0, 4);
  let shownYear = "";
  return tickDays(first, last).map((day) => {
    const iso = isoDate(day);
    const x = place(day, first, last);
    const year = years && iso.slice(0, 4) !== shownYear;
    shownYear = iso.slice(0, 4);
    return { x, label: shortDate(iso, year), anchor: x < 0.08 ? "start" : x > 0.92 ? "end" : "middle" };
  });
}

function place(day: number, first: number, last: number): number {
  return last === first ? 0.5 : (day - first) / (last - first);
}

/** "1 March and 28 March 2030", or with both years where they differ. */
/** The chart of the diary over a period, as `get_diary_chart` grouped it. */
export function diaryChart({ from, to, rows, count, summary }: DiarySummary): DiaryChart {
  if (from === null || to === null) return { from: null, to: null, rows: [], ticks: [], count: 0, summary };
  const first = dayNumber(from);
  const last = dayNumber(to);
  const placed: ChartRow[] = rows.map(({ key, what, group, marks }) => ({
    key,
    what,
    group,
    marks: marks.map((m) => ({ ...m, x: place(dayNumber(m.onDate), first, last) })),
  }));
  return { from, to, rows: placed, ticks: ticks(from, to), count, summary };
}

/** One SVG path with a circle of radius `r` at each of `xs` (0 to 1 across `width`), centred at
 * height `y`; all in pixels. A path per step, not an element per entry, keeps a long diary quick. */
export function circlesPath(xs: number[], width: number, y: number, r: number): string {
  const n = (v: number) => Math.round(v * 10) / 10;
  const arcs = `a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0z`;
  return xs.map((x) => `M${n(x * width - r)} ${n(y)}${arcs}`).join("");
}
