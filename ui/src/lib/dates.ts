// Dates and times as a UK patient types and reads them. The computer's own locale is never
// asked: 15/01/2030 is the 15th of January everywhere, and what cannot be read is refused in
// plain words, never moved to another day.

/** What was read from a box: the value the store keeps and the words said back, or why not. */
export type Reading = { ok: true; value: string; words: string } | { ok: false; message: string };

// Made once: a formatter per call would be made again for every card of a long list.
const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const WEEKDAY_NAME = new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" });

const MONTHS = Array.from({ length: 12 }, (_, i) => MONTH_NAME.format(new Date(Date.UTC(2000, i, 1))));

const pad = (n: number) => String(n).padStart(2, "0");
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** "2030-01-15" becomes "15 January 2030"; anything else is shown as it is. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** "2030-01-15" becomes "Tuesday 15 January 2030". */
export function sayDate(iso: string): string {
  const long = longDate(iso);
  if (long === iso) return iso;
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${WEEKDAY_NAME.format(new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)))} ${long}`;
}

/** "14:30" becomes "2:30 pm"; noon and midnight are said as words. */
export function sayTime(hhmm: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return hhmm;
  const hour = Number(match[1]);
  const minutes = match[2];
  if (minutes === "00" && hour === 12) return "12 noon";
  if (minutes === "00" && hour === 0) return "midnight";
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minutes} ${hour < 12 ? "am" : "pm"}`;
}

/** The local time of a UTC timestamp, as "14:05". */
export function clockTime(isoUtc: string): string {
  const date = new Date(isoUtc);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** "2030-01-15T14:30" becomes "Tuesday 15 January 2030 at 2:30 pm". */
export function appointmentTime(local: string): string {
  const [date, time] = local.split("T");
  if (!date) return local;
  return `${sayDate(date)}${time ? ` at ${sayTime(time)}` : ""}`;
}

const EXAMPLE_DATE = "for example 15/01/2030";

/** Reads a date typed the UK way: day first (15/01/2030, 15/1/30, 15.1.2030), with a month's
 * name (15 January 2030, 15th Jan 30, with or without the weekday), or 2030-01-15. */
export function readDate(typed: string): Reading {
  const text = typed.trim().toLowerCase().replace(/,/g, " ");
  if (!text) return { ok: false, message: `Please write the date, ${EXAMPLE_DATE}.` };
  let day: number, month: number, year: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numbers = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{2}|\d{4}))?$/.exec(text);
  const named = /^(?:[a-z]+\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:\s+(\d{2}|\d{4}))?$/.exec(text);
  if (iso) {
    [year, month, day] = [iso[1]!, Number(iso[2]), Number(iso[3])];
  } else if (numbers) {
    if (!numbers[3]) return { ok: false, message: `Please add the year, ${EXAMPLE_DATE}.` };
    [day, month, year] = [Number(numbers[1]), Number(numbers[2]), numbers[3]];
  } else if (named) {
    const index = MONTHS.findIndex((m) => named[2]!.length >= 3 && m.toLowerCase().startsWith(named[2]!));
    if (index < 0) return { ok: false, message: `"${named[2]}" is not a month the app knows. Please write the date ${EXAMPLE_DATE}.` };
    if (!named[3]) return { ok: false, message: `Please add the year, ${EXAMPLE_DATE}.` };
    [day, month, year] = [Number(named[1]), index + 1, named[3]];
  } else {
    return { ok: false, message: `The date could not be read. Please write it as day, month and year, ${EXAMPLE_DATE}.` };
  }
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  if (month < 1 || month > 12) {
    return { ok: false, message: `There is no month ${month}. Please write the day first, then the month: ${EXAMPLE_DATE}.` };
  }
  if (day < 1 || day > daysIn(y, month)) {
    return { ok: false, message: `There is no ${day} ${MONTHS[month - 1]} in ${y}. Please check the date.` };
  }
  const value = isoOf(y, month, day);
  return { ok: true, value, words: sayDate(value) };
}

const EXAMPLE_TIME = "for example 2:30 pm or 14:30";

/** Reads a time typed the UK way: 14:30, 14.30, 1430, 0930, 2.30pm, 2pm, noon. */
export function readTime(typed: string): Reading {
  const text = typed.trim().toLowerCase().replace(/\s+/g, "");
  if (!text) return { ok: false, message: `Please write the time, ${EXAMPLE_TIME}.` };
  if (text === "noon" || text === "midday" || text === "12noon") return { ok: true, value: "12:00", words: sayTime("12:00") };
  if (text === "midnight") return { ok: true, value: "00:00", words: sayTime("00:00") };
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/.exec(text);
  if (!match) return { ok: false, message: `The time could not be read. Please write it with numbers, ${EXAMPLE_TIME}.` };
  let hour = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.replace(/\./g, "") ?? "";
  if (match[2] === undefined && !half) {
    return { ok: false, message: "Please add the minutes, or am or pm: for example 9:00 am, or 14:30." };
  }
  if (!half && hour > 23) {
    return { ok: false, message: `There is no hour ${hour} in a day. Please check the time, ${EXAMPLE_TIME}.` };
  }
  if (minutes > 59) return { ok: false, message: `A time has at most 59 minutes. Please check the time, ${EXAMPLE_TIME}.` };
  if (half) {
    if (hour > 12 && half === "am") {
      return { ok: false, message: `${pad(hour)}:${pad(minutes)} is an afternoon or evening time, so it cannot be am. Please check the time.` };
    }
    if (hour === 0 || hour > 23) return { ok: false, message: `There is no ${hour} o'clock. Please check the time, ${EXAMPLE_TIME}.` };
    if (hour <= 12) hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  const value = `${pad(hour)}:${pad(minutes)}`;
  return { ok: true, value, words: sayTime(value) };
}

/** Whom a date box is for: an appointment still to come, a day that has been, or either. */
export type DateExpected = "coming" | "past" | "any";

/** A question to ask once when a date is unusual for its box, or null. `today` is YYYY-MM-DD. */
export function checkDate(iso: string, expected: DateExpected, today: string): string | null {
  const said = sayDate(iso);
  const [y, m, d] = today.split("-").map(Number);
  const yearAhead = isoOf((y ?? 0) + 1, m ?? 1, d ?? 1);
  const longAgo = isoOf((y ?? 0) - 20, m ?? 1, d ?? 1);
  if (expected === "coming" && iso < today) return `That date has passed: ${said}. Is that right?`;
  if (expected === "past" && iso > today) return `That day has not come yet: ${said}. Is that right?`;
  if (expected !== "past" && iso > yearAhead) return `That is in ${iso.slice(0, 4)}, more than a year from now: ${said}. Is that right?`;
  if (expected !== "coming" && iso < longAgo) return `That is more than 20 years ago: ${said}. Is that right?`;
  return null;
}

/** A question to ask once when a time is in the small hours (2.30 typed for 2:30 pm), or null. */
export function checkTime(hhmm: string): string | null {
  const hour = Number(hhmm.slice(0, 2));
  return hour < 7 ? `That is at ${sayTime(hhmm)}, in the night. Is that right?` : null;
}

/** A date as the boxes show it: "2030-01-15" becomes "15/01/2030". */
export function ukDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

function reading(box: HTMLInputElement): Reading {
  return box.dataset.when === "time" ? readTime(box.value) : readDate(box.value);
}

/** The value the store keeps for the date or time box `name` of `form`, or "" when it is empty
 * or cannot be read (checkWhenBoxes has said why). */
export function whenValue(form: HTMLFormElement, name: string): string {
  const box = form.elements.namedItem(name);
  if (!(box instanceof HTMLInputElement)) return "";
  const r = reading(box);
  return r.ok ? r.value : "";
}

export interface WhenChecked {
  /** The first box that cannot be read, and why, in plain words. */
  problem: { box: HTMLInputElement; message: string } | null;
  /** Unusual dates and times, to ask about once before saving. */
  asks: string[];
}

/** Reads every date and time box of `form` (DateField marks them), as on saving. */
export function checkWhenBoxes(form: HTMLFormElement, today: string): WhenChecked {
  const asks: string[] = [];
  for (const box of form.querySelectorAll<HTMLInputElement>("input[data-when]")) {
    if (!box.value.trim() && box.getAttribute("aria-required") !== "true") continue;
    const r = reading(box);
    if (!r.ok) return { problem: { box, message: r.message }, asks: [] };
    const ask = box.dataset.when === "time" ? checkTime(r.value) : checkDate(r.value, (box.dataset.expected ?? "any") as DateExpected, today);
    if (ask) asks.push(ask);
  }
  return { problem: null, asks };
}
