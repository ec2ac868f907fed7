// What the question list means, shared by home, questions, notes, the pack and the bin.
import type { Appointment, Content } from "./api";
import { appointmentTime } from "./dates";
import { localNow } from "./forms";

/** A library question's words, current or retired: a saved list keeps the ids it was given. */
export function libraryText(content: Content, id: string): string {
  return (content.questions.find((x) => x.id === id) ?? content.retiredQuestions.find((x) => x.id === id))?.text ?? "";
}

/** The list to show first: the next appointment's, else the one not yet booked. */
export function defaultList(appointments: Appointment[]): number | null {
  const now = localNow();
  return appointments.find((a) => a.startsAt >= now)?.id ?? null;
}

/** How a list is named: its appointment, or the one not booked yet. */
export function listLabel(appointments: Appointment[], id: number | null): string {
  const a = appointments.find((x) => x.id === id);
  return a ? `${appointmentTime(a.startsAt)}${a.withWhom ? `, ${a.withWhom}` : ""}` : "My next appointment (not booked yet)";
}
