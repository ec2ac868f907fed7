// The window is hidden until the first screen is ready to paint, so it never shows blank; once it
// is painted, what the first screen did not need is fetched.
import { tick } from "svelte";

import { api } from "./api";

let told = false;
/** When each step of the start happened (ms since the epoch), for the start-up benchmark's build. */
const marks: [string, number][] = [];

/** Notes when a step of the start happened; the benchmark's build prints them. */
export function markStart(step: string): void {
  marks.push([step, performance.timeOrigin + performance.now()]);
}
let painted = false;
const waiting: (() => void)[] = [];

/** Runs `work` once the first screen is painted, or now if it has been. */
export function afterFirstPaint(work: () => void): void {
  if (painted) work();
  else waiting.push(work);
}

/** The first screen calls this once its content is in place. */
export async function firstScreenPainted(): Promise<void> {
  if (told) return;
  told = true;
  await tick();
  markStart("mounted");
  // Laid out now, so the fonts it uses are asked for; shown with them, never with blank text.
  void document.body.offsetWidth;
  await (document.fonts as FontFaceSet | undefined)?.ready;
  // WebKit paints nothing and runs no animation frames for a window that is not shown, so the
  // window is shown now, ready to paint, and the rest waits for that paint.
  markStart("fonts");
  void api.showWindow().catch(() => undefined);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  painted = true;
  markStart("painted");
  // The start-up benchmark's line; only its build has the command.
  void api.firstScreenShown(marks).catch(() => undefined);
  for (const work of waiting.splice(0)) work();
}
