const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** "2026-11-27" becomes "27 November 2026"; anything else is shown as it is. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const name = MONTHS[Number(month) - 1];
  return name ? `${Number(day)} ${name} ${year}` : iso;
}

/** The local time of a UTC timestamp, as "14:05". */
export function clockTime(isoUtc: string): string {
  const date = new Date(isoUtc);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "2026-12-03T14:30" becomes "Thursday 3 December 2026 at 14:30". */
export function appointmentTime(local: string): string {
  const [date, time] = local.split("T");
  if (!date) return local;
  const [y, m, d] = date.split("-").map(Number);
  const weekday = y && m && d ? DAYS[new Date(y, m - 1, d).getDay()] : undefined;
  return `${weekday ? `${weekday} ` : ""}${longDate(date)}${time ? ` at ${time}` : ""}`;
}
