// Safety copies and backups, in words (Backup and the notice shown after a recovery).
import type { BackupPreview } from "./api";
import { longDate } from "./dates";
import { count } from "./words";

const REASONS: Record<string, string> = {
  "before-import": "before a backup file was brought in",
  "before-delete-all": "before everything was deleted",
  "before-update": "before the app was updated",
  "before-restore": "before a safety copy was brought back",
  daily: "the first time the app was opened that day",
};

/** Why the app took a safety copy. */
export function copyReason(reason: string): string {
  return REASONS[reason] ?? "by the app";
}

/** When a safety copy was taken: "27 November 2026 at 10:00 (UTC)". */
export function copyTime(takenAt: string): string {
  return `${longDate(takenAt)} at ${takenAt.slice(11, 16)} (UTC)`;
}

/** What a backup or safety copy holds, in words. */
export function holds(p: BackupPreview): string {
  return [
    count(p.appointments, "appointment", "appointments"),
    count(p.questions, "question", "questions"),
    count(p.notes, "note", "notes"),
    count(p.treatments, "treatment", "treatments"),
    count(p.diaryEntries, "diary entry", "diary entries"),
    `${count(p.checkups, "scan", "scans")} and check-ups`,
    count(p.checklistSteps, "checklist step", "checklist steps"),
    count(p.contacts, "care team contact", "care team contacts"),
  ].join(", ");
}
