// Which question list the questions and pack screens work on, shared between them.

/** An appointment id, or null for "not booked yet". */
export interface ListChoice {
  id: number | null;
  /** Set once the user picks a list; until then the next appointment's list is shown. */
  picked: boolean;
}

export const list = $state<ListChoice>({ id: null, picked: false });
