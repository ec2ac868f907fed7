// Keeping the keyboard's place when a list changes under it.
//
// A control that should keep the focus carries `data-focus="<item key>:<control>"`. After a
// list action, `refocus` puts the focus back on the same control of the same item once Svelte
// has updated the page; when an item leaves a list by Bring back, `focusAfterRemoval` moves it to
// the next sensible one. (After a removal, Undo takes the focus: lib/Message.svelte.)
import { tick } from "svelte";

export function focusKey(item: string | number, control: string): string {
  return `${item}:${control}`;
}

function byKey(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`);
}

/** Focuses the control with `key` after the page updates; falls back to `fallback` (a CSS
 * selector) when that control is gone or disabled (such as "Up" on what is now first). */
export async function refocus(key: string, fallback?: string): Promise<void> {
  await tick();
  const target = byKey(key);
  if (target && !(target as HTMLButtonElement).disabled) {
    target.focus();
    return;
  }
  if (fallback) document.querySelector<HTMLElement>(fallback)?.focus();
}

/** After removing item `removed` from `keys` (the list as it was, in order), focuses the
 * same control of the next item, else the previous one, else `empty` (a CSS selector). */
export async function focusAfterRemoval(
  keys: readonly (string | number)[],
  removed: string | number,
  control: string,
  empty: string,
): Promise<void> {
  const at = keys.indexOf(removed);
  const next = keys[at + 1] ?? keys[at - 1];
  await tick();
  const target = next === undefined ? null : byKey(focusKey(next, control));
  (target ?? document.querySelector<HTMLElement>(empty))?.focus();
}
