// Where the information comes from and who has checked it: the same words on every page and in About.
import type { ContentMeta } from "./bindings/ContentMeta";
import type { Reference } from "./bindings/Reference";
import { longDate } from "./dates";

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
