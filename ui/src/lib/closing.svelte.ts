// Closing the window waits for every box to be saved. Rust holds the close and tells the page
// (on the channel sent with its first call); the page saves what every box shows and answers. If
// a save fails, the window stays open and the app says so, with the words still in their boxes.
import { Channel } from "@tauri-apps/api/core";

import { api } from "./api";
import { settleAll } from "./autosave";

export const closing = $state({ failed: false, busy: false });

/** Work that must be finished before the window closes, such as stopping and saving a recording. */
const finishers = new Set<() => Promise<unknown>>();

/** Waits for `finish` before the window closes, every time it is asked to. Returns the way to stop that. */
export function beforeClose(finish: () => Promise<unknown>): () => void {
  finishers.add(finish);
  return () => void finishers.delete(finish);
}

/** The line on which Rust tells the page that the window is asked to close; it goes with the
 * page's first call (api.firstScreen). */
export function closeChannel(): Channel<null> {
  const channel = new Channel<null>();
  channel.onmessage = () => void answerClose();
  return channel;
}

/** Stops a recording and saves every box, then lets the window close; `anyway` closes without
 * waiting for the boxes. */
export async function answerClose(anyway = false): Promise<void> {
  closing.busy = true;
  try {
    // A recording is stopped and saved first, even when closing anyway. One that could not be
    // stopped keeps the window no longer: Rust keeps it up to that moment for the next start.
    await Promise.all([...finishers].map((finish) => finish().catch(() => undefined)));
    const saved = anyway || (await settleAll());
    closing.failed = !saved;
    await api.closeWindow(saved);
  } catch {
    // Rust could not be told: the window stays open, which loses nothing.
    closing.failed = true;
  } finally {
    closing.busy = false;
  }
}
