import { h } from "../lib/dom";
import type { ViewContext } from "./context";

/** Every glossary word and its meaning, A to Z. `focusId` scrolls to one term. */
export function renderGlossary(ctx: ViewContext, focusId?: string): HTMLElement {
  const terms = [...ctx.content.glossary].sort((a, b) => a.term.localeCompare(b.term, "en-GB"));
  const view = h(
    "div",
    { class: "glossary" },
    h("h2", { tabindex: "-1" }, "Words and their meanings"),
    h("p", {}, "The medical words used in this app, in plain English."),
    h(
      "dl",
      {},
      ...terms.flatMap((term) => [
        h("dt", { id: `term-${term.id}`, tabindex: "-1" }, term.term),
        h("dd", {}, term.definition),
      ]),
    ),
  );
  if (focusId) queueMicrotask(() => view.querySelector<HTMLElement>(`#term-${CSS.escape(focusId)}`)?.focus());
  return view;
}
