// The one way a view loads what Rust holds.
import { untrack } from "svelte";

/**
 * Runs `load` once the view is shown, and again whenever a value `again` reads changes; what
 * `load` reads itself never runs it again. Call it while the component is set up.
 */
export function loadView(load: () => unknown, again: () => unknown = () => undefined): void {
  $effect(() => {
    again();
    untrack(() => void load());
  });
}
