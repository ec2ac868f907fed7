// Closing the window waits for every box to be saved. Rust holds the close and tells the page
// (watchWindowClose); the page saves what every box shows and answers. If a save fails, the
// window stays open and the app says so, with the words still in their boxes.
import { Channel } from "@tauri-apps/api/core";

import { api } from "./api";
import { settleAll } from "./autosave";

export const closing = $state({ failed: false, busy: false });

/** Asks Rust to tell the page when the window is asked to close. */
export async function watchClose(): Promise<void> {
  const channel = new Channel<null>();
  channel.onmessage = () => void answerClose();
  await api.watchWindowClose(channel);
}

/** Saves every box, then lets the window close; `anyway` closes without waiting for them. */
export async function answerClose(anyway = false): Promise<void> {
  closing.busy = true;
  try {
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
