// The one way a text box saves as you type: notes, answers, checklist notes.
//
// A save is bound, at the moment it is asked for, to its target (the session) and to the
// words of that moment. Saves of one session go one after another, in order. A session that
// is closed (its note is no longer open) still finishes what it was asked to save, but
// changes nothing on screen.
import { asApiError, type ApiError } from "./api";

/** How long to wait after the last key press before saving what was typed. */
export const SAVE_DELAY_MS = 600;

/** "unchanged": the box shows what is saved already (typed, then put back), so nothing is sent. */
export type SaveState = "typing" | "saved" | "unchanged" | "error";

export interface AutosaveOptions<S, R> {
  /** Reads what to save from the screen, at the moment the save is asked for. */
  capture: () => S;
  /** Sends one captured state to Rust. */
  send: (state: S) => Promise<R>;
  /** What is saved already, so an unchanged box is not saved again. */
  saved: S;
  /** True for a state not worth saving, such as an empty new note. */
  skip?: (state: S) => boolean;
  /** Told what happened; never called once the session is closed. */
  onState?: (state: SaveState, detail?: R | ApiError) => void;
  delay?: number;
}

const live = new Set<Autosave<unknown, unknown>>();

export class Autosave<S, R> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<boolean> = Promise.resolve(true);
  private lastSaved: string;
  private lastAsked: string;
  private closed = false;
  /** What `close` undoes besides stopping, such as listeners on a box. */
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: AutosaveOptions<S, R>) {
    this.lastSaved = JSON.stringify(options.saved);
    this.lastAsked = this.lastSaved;
    live.add(this as Autosave<unknown, unknown>);
  }

  /** Call on every key press: saves a moment after typing stops. */
  changed(): void {
    if (this.closed) return;
    this.options.onState?.("typing");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delay ?? SAVE_DELAY_MS);
  }

  /** Saves what the screen shows now, after any save already on its way. Resolves true
   * once everything asked for so far is saved. */
  flush(): Promise<boolean> {
    clearTimeout(this.timer);
    if (this.closed) return this.queue;
    const state = this.options.capture();
    const key = JSON.stringify(state);
    if (key === this.lastSaved && key === this.lastAsked) this.options.onState?.("unchanged");
    const skipped = this.options.skip?.(state) ?? false;
    if (key === this.lastAsked || skipped) {
      // Nothing new to send: fine once what is on its way is done, or if the screen is saved
      // already (a failed save followed by the words put back as they were).
      return this.queue.then((ok) => ok || skipped || this.lastSaved === key);
    }
    this.lastAsked = key;
    this.queue = this.queue.then(async () => {
      try {
        const reply = await this.options.send(state);
        this.lastSaved = key;
        if (!this.closed) this.options.onState?.("saved", reply);
        return true;
      } catch (error) {
        // Asked again next time, even if nothing more is typed.
        if (this.lastAsked === key) this.lastAsked = this.lastSaved;
        if (!this.closed) this.options.onState?.("error", asApiError(error));
        return false;
      }
    });
    return this.queue;
  }

  /** Saves until what the screen shows is saved, even if more was typed while saving.
   * Resolves false if a save failed: then the words are still on screen, unsaved. */
  async settle(): Promise<boolean> {
    for (;;) {
      const ok = await this.flush();
      if (!ok) return false;
      if (this.closed) return true;
      const state = this.options.capture();
      if (JSON.stringify(state) === this.lastSaved || this.options.skip?.(state)) return true;
    }
  }

  /** True when the screen shows words that are not saved yet. */
  get unsaved(): boolean {
    if (this.closed) return false;
    const state = this.options.capture();
    return JSON.stringify(state) !== this.lastSaved && !this.options.skip?.(state);
  }

  /** Runs `cleanup` when the session closes. */
  onClose(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Stops this session: no more saves start, and replies change nothing on screen. */
  close(): void {
    clearTimeout(this.timer);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.closed = true;
    live.delete(this as Autosave<unknown, unknown>);
  }
}

/** Saves as you type in `box`: a moment after typing stops, and at once on leaving the box.
 * Returns the session; closing it stops listening to the box. */
export function autosave<S, R>(box: HTMLInputElement | HTMLTextAreaElement, options: AutosaveOptions<S, R>): Autosave<S, R> {
  const session = new Autosave(options);
  const input = () => session.changed();
  const blur = () => void session.flush();
  box.addEventListener("input", input);
  box.addEventListener("blur", blur);
  session.onClose(() => {
    box.removeEventListener("input", input);
    box.removeEventListener("blur", blur);
  });
  return session;
}

/** Saves every open session; true when all of them are saved. */
export async function settleAll(): Promise<boolean> {
  const results = await Promise.all([...live].map((session) => session.settle()));
  return results.every(Boolean);
}

/** Before the screen changes: saves every open session and closes them all. If a save fails,
 * nothing is closed and it answers false, so the words stay on screen. */
export async function closeAll(): Promise<boolean> {
  if (!(await settleAll())) return false;
  for (const session of [...live]) session.close();
  return true;
}

/** True when any box shows words not saved yet. */
export function anyUnsaved(): boolean {
  return [...live].some((session) => session.unsaved);
}
