// How times in a recording are said: "12:34" on screen, "12 minutes 34 seconds" when read out.
import type { RecordingMark, RecordingRow } from "./api";
import { sayDate } from "./dates";
import { count } from "./words";

const pad = (n: number) => String(n).padStart(2, "0");

/** 754000 ms becomes "12:34"; past an hour, "1:02:03". */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** 754000 ms becomes "12 minutes 34 seconds": a place in the recording, to the second. */
export function timeWords(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const parts = [h && count(h, "hour"), m && count(m, "minute"), (s || total === 0) && count(s, "second")];
  return parts.filter(Boolean).join(" ");
}

/** How long a recording is, to the nearest minute: "42 minutes", "1 hour 5 minutes"; under a
 * minute, in seconds. */
export function lengthWords(ms: number): string {
  if (ms < 60_000) return count(Math.round(Math.max(0, ms) / 1000), "second");
  const minutes = Math.round(ms / 60_000);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return [h && count(h, "hour"), m && count(m, "minute")].filter(Boolean).join(" ");
}

/** The day a recording was made: "Thursday 3 December 2026". */
export const recordingDay = (row: RecordingRow): string => sayDate(row.startedAt.slice(0, 10));

/** The newest mark on each question, from an appointment's recordings in the order made, with
 * the recording's number among them (1 for the first). */
export function newestMarks(rows: readonly RecordingRow[], extra: readonly RecordingMark[] = []): Map<number, { mark: RecordingMark; number: number }> {
  const ordered = [...rows].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id - b.id);
  const numberOf = (id: number) => {
    const at = ordered.findIndex((r) => r.id === id);
    return at < 0 ? ordered.length + 1 : at + 1;
  };
  const marks = new Map<number, { mark: RecordingMark; number: number }>();
  for (const mark of [...ordered.flatMap((r) => r.marks), ...extra]) {
    marks.set(mark.planQuestionId, { mark, number: numberOf(mark.recordingId) });
  }
  return marks;
}

/** "Answered at 12:34 in the recording", or "in recording 2" when the appointment has more than one. */
export function answeredAt(atMs: number, number: number, recordings: number): string {
  return `Answered at ${clock(atMs)} in ${recordings > 1 ? `recording ${number}` : "the recording"}`;
}
