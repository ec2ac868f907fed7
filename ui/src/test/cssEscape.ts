// jsdom has no CSS.escape, which lib/focus.ts uses to find a control by its data-focus key.
// Enough of it for keys inside a quoted attribute value: quotes and backslashes.
const css = (globalThis.CSS ?? {}) as typeof CSS;
if (typeof css.escape !== "function") {
  css.escape = (value: string) => value.replace(/["\\]/g, "\\$&");
  globalThis.CSS = css;
}
