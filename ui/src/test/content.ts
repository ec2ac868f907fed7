// The app's content for tests: the whole app's (App, Home: one question, no pages), and the
// record's labels as get_content sends them.
import type { Content } from "../lib/api";
import type { Labelled } from "../lib/bindings/Labelled";
import type { RecordLabels } from "../lib/bindings/RecordLabels";
import labels from "./record-labels.json";
import { safety } from "./safety";

/** `content.record.labels` as Rust sends it: model/mod.rs's tests write record-labels.json from
 * the labels themselves and fail while the committed file differs. */
export const recordLabels = labels as RecordLabels;

const marked = <T>(choices: Labelled<T>[]): Labelled<T>[] => choices.map(({ value, label }) => ({ value, label: `${label} (as sent)` }));

/** Every label in other words, for tests that a view shows what Rust sent, never words of its own. */
export const relabelled: RecordLabels = {
  bother: marked(recordLabels.bother),
  stopReason: marked(recordLabels.stopReason),
  checkupKind: marked(recordLabels.checkupKind),
  rowGroup: marked(recordLabels.rowGroup),
  period: marked(recordLabels.period),
  removedKind: marked(recordLabels.removedKind),
  stillTaking: `${recordLabels.stillTaking} (as sent)`,
};

export const appContent = {
  questions: [{ id: "ask3-options", text: "What are my options?", topic: "ask3", why: "" }],
  retiredQuestions: [],
  topics: [],
  sections: [],
  checklist: [],
  glossary: [],
  references: [],
  record: { drugs: [], sideEffects: [], rhythm: [], labels: recordLabels },
  safety,
} as unknown as Content;
