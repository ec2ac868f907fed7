// Told on `document` when the record changes in a way other parts show (the banner, home).
export const APPOINTMENTS_CHANGED = "alk-appointments-changed";
export const CONTACTS_CHANGED = "alk-contacts-changed";

/** Listens for any of `events` until the returned function is called (an effect's cleanup). */
export function onRecordChange(events: string[], listener: () => void): () => void {
  for (const name of events) document.addEventListener(name, listener);
  return () => {
    for (const name of events) document.removeEventListener(name, listener);
  };
}
