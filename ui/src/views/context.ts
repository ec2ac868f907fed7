import type { Content } from "../lib/api";

/** What every view may read and do. */
export interface ViewContext {
  content: Content;
  /** Opens another view, for example from a link in the text. */
  show: (view: ViewName, detail?: string) => void;
}

export type ViewName =
  | "welcome"
  | "home"
  | "read"
  | "questions"
  | "appointments"
  | "notes"
  | "record"
  | "checklist"
  | "glossary"
  | "pack"
  | "backup"
  | "bin"
  | "about"
  | "settings"
  | "help"
  | "search";
