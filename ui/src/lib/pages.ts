// Words an information page shows around its text, all from the content: who it is about,
// and what to do when very unwell (with the patient's own 24-hour line).
import type { CareContact, Content } from "./api";
import type { Safety } from "./bindings/Safety";
import type { Section } from "./bindings/Section";

/** The page's first line: who it is about. */
export const scopeLine = (content: Content, section: Section): string => content.meta.scopes[section.scope];

/** A contact as one line: its name and number. */
export const contactWords = (contact: CareContact): string => [contact.name, contact.phone].filter(Boolean).join(", ");

/** Call the team's line, naming the patient's own 24-hour line when they have kept one. */
export const teamLine = (safety: Safety, line: CareContact | null): string => {
  const words = line ? contactWords(line) : "";
  return words ? safety.teamWithLine.replace("{line}", words) : safety.team;
};
