/** How long to wait after the last key press before saving what was typed. */
export const SAVE_DELAY_MS = 600;

/** Calls `save` a moment after typing stops, and at once when the box loses focus or the
 * window closes, so no typed word is lost. */
export function saveAsYouType(box: HTMLInputElement | HTMLTextAreaElement, save: () => void, delay = SAVE_DELAY_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const now = () => {
    clearTimeout(timer);
    if (!pending) return;
    pending = false;
    save();
  };
  box.addEventListener("input", () => {
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(now, delay);
  });
  box.addEventListener("blur", now);
  window.addEventListener("beforeunload", now);
}
