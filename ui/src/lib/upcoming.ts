// What the banner and home show on every visit: the next appointment and the 24-hour line.
import { api, type Appointment, type CareContact } from "./api";
import { localNow } from "./forms";

export interface Upcoming {
  appointments: Appointment[];
  next: Appointment | null;
  /** The contact the patient marked as their day-or-night line. */
  line: CareContact | null;
}

export async function loadUpcoming(): Promise<Upcoming> {
  const [appointments, contacts] = await Promise.all([api.listAppointments(), api.listContacts()]);
  const now = localNow();
  return {
    appointments,
    next: appointments.find((a) => a.startsAt >= now) ?? null,
    line: contacts.find((c) => c.roundTheClock) ?? null,
  };
}
