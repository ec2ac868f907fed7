// One polite live region for the whole app (App.svelte shows it): what happened after an
// action, said once by a screen reader without moving the focus.

export const live = $state({ text: "" });

let timer: ReturnType<typeof setTimeout> | undefined;

/** Says `text` politely. The same words twice in a row are still said twice. */
export function announce(text: string): void {
  clearTimeout(timer);
  live.text = "";
  timer = setTimeout(() => (live.text = text), 60);
}
