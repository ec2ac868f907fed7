import type { ContentMeta } from "../lib/bindings/ContentMeta";
import type { Reference } from "../lib/bindings/Reference";
import { longDate } from "../lib/dates";
import { h } from "../lib/dom";
import type { ViewContext } from "./context";

/** What the app is, where its information comes from, who wrote it and who has checked it. */
export function renderAbout(ctx: ViewContext): HTMLElement {
  const { meta, references } = ctx.content;
  const { source, producer } = meta;
  return h(
    "div",
    { class: "about" },
    h("h2", { tabindex: "-1" }, "About ALK Companion"),
    ...meta.about.text
      .trim()
      .split(/\n\s*\n/)
      .map((p) => h("p", {}, p.trim())),
    h("h3", {}, "Where the information comes from"),
    h(
      "p",
      {},
      `Every page is written from one web page: ${source.title}, by ${source.publisher}. The page does not give a date of its own. Its NICE treatment flowchart is dated ${source.flowchartDated}. ${source.linksNote}`,
    ),
    h("p", {}, `Content version ${meta.version}.`),
    h("h3", {}, "Who wrote it, and who has checked it"),
    h("p", {}, `The text was written by ${producer.name}, in their own words.`),
    h("p", { class: "review" }, reviewStatus(meta)),
    h("h3", {}, "Telling us about a mistake"),
    h("p", {}, producer.feedback),
    ...(producer.address ? [h("p", {}, `Write to: ${producer.address}`)] : []),
    h("h3", {}, "The source's reference list"),
    h(
      "p",
      {},
      `${source.publisher} lists these papers at the foot of its page. A page in this app names a paper only where the source links it to what that page says.`,
    ),
    h("ul", {}, ...references.map((r) => h("li", {}, referenceText(r)))),
  );
}

/** "Source: ALK Treatment, ALK Positive UK", shown on every page. */
export function sourceLine(meta: ContentMeta): string {
  return `Source: ${meta.source.title}, ${meta.source.publisher}.`;
}

/** Whether a clinician has checked the text. It never claims a check that did not happen. */
export function reviewStatus(meta: ContentMeta): string {
  const review = meta.review;
  if (review) {
    return `Checked by ${review.reviewer}, ${review.role}, on ${longDate(review.date)}. The next check is due by ${longDate(review.nextReview)}.`;
  }
  return "This text was written from the source and has not yet been checked by a clinician. Please check anything important with your oncology team.";
}

export function referenceText(r: Reference): string {
  return `${r.authors} (${r.year}). ${r.title}. ${r.journal}${r.details ? `, ${r.details}` : ""}${r.accessed ? `. Accessed ${r.accessed}` : ""}.`;
}
