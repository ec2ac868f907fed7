// The parts of the record shown outside their own view (the banner at the top shows the next
// appointment and the 24-hour line). A view that changes one says so here; a view that shows
// one loads it again when its count changes (see loadView).

export type SharedPart = "appointments" | "contacts";

class RecordChanges {
  appointments = $state(0);
  contacts = $state(0);

  /** Says `part` changed, so every view that shows it loads it again. */
  changed(part: SharedPart): void {
    this[part] += 1;
  }
}

export const recordChanges = new RecordChanges();
