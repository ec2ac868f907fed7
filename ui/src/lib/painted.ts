// Tells Rust once, after the first screen's content is painted (for the start-up benchmark).
import { tick } from "svelte";

import { api } from "./api";

let told = false;

export async function firstScreenPainted(): Promise<void> {
  if (told) return;
  told = true;
  await tick();
  requestAnimationFrame(() => requestAnimationFrame(() => void api.firstScreenShown().catch(() => undefined)));
}
