// Where the information comes from and who has checked it: the same words on every page and in About.
import type { ContentMeta } from "./bindings/ContentMeta";
import type { Reference } from "./bindings/Reference";
import { longDate } from "./dates";

/** "Source: ALK Treatment, ALK Positive UK", shown on every page. */
export function sourceLine(meta: ContentMeta): string {
  return `Source: ${meta.source.title}, ${meta.source.publisher}.`;
}

/**
 * Whether a clinician has checked this page. Core sends only sign-offs whose page is unchanged since,
 * so this never claims a check of words the clinician did not see.
 */
export function reviewStatus(meta: ContentMeta, page: string): string {
  const review = meta.reviews.find((r) => r.page === page)?.review;
  if (review) {
    return `Checked by ${review.reviewer} (${review.role}) on ${longDate(review.date)}. The next check is due by ${longDate(review.nextReview)}.`;
  }
  return "This page was written from the source and has not yet been checked by a clinician. Please check anything important with your oncology team.";
}

/** Which of the app's pages a clinician has checked, for the About page. */
export function reviewSummary(meta: ContentMeta): string {
  const checked = meta.reviews.filter((r) => r.review);
  if (checked.length === 0) {
    return "No page of this text has yet been checked by a clinician. Please check anything important with your oncology team.";
  }
  const titles = checked.map((r) => r.title).join(", ");
  return `${checked.length} of ${meta.reviews.length} pages have been checked by a clinician: ${titles}. The others have not yet been checked by a clinician.`;
}

export function referenceText(r: Reference): string {
  return `${r.authors}${r.year ? ` (${r.year})` : ""}. ${r.title}. ${r.journal}${r.details ? `, ${r.details}` : ""}${r.accessed ? `. Accessed ${r.accessed}` : ""}.`;
}
