// The app's content for tests that show the whole app (App, Home): one question, no pages.
import type { Content } from "../lib/api";
import { safety } from "./safety";

export const appContent = {
  questions: [{ id: "ask3-options", text: "What are my options?", topic: "ask3", why: "" }],
  retiredQuestions: [],
  topics: [],
  sections: [],
  checklist: [],
  glossary: [],
  references: [],
  safety,
} as unknown as Content;
