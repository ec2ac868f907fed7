import { h } from "../lib/dom";
import type { ViewContext } from "./context";

/** What the app is, the content version and its source. */
export function renderAbout(ctx: ViewContext): HTMLElement {
  const { meta, references } = ctx.content;
  return h(
    "div",
    { class: "about" },
    h("h2", { tabindex: "-1" }, "About ALK Companion"),
    ...meta.about.text
      .trim()
      .split(/\n\s*\n/)
      .map((p) => h("p", {}, p.trim())),
    h("h3", {}, "The information in this app"),
    h(
      "p",
      {},
      `Content version ${meta.version}. It is based on "${meta.source.title}" by ${meta.source.publisher}, whose NICE treatment flowchart is dated ${meta.source.dated}. ${meta.source.note}`,
    ),
    h("h3", {}, "References"),
    h("ul", {}, ...references.map((r) => h("li", {}, `${r.authors} (${r.year}). ${r.title}. ${r.journal}.`))),
  );
}
