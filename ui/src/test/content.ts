// The app's content for tests: the whole app's (App, Home: one question, no pages), and the
// record's labels as get_content sends them.
import type { Content } from "../lib/api";
import type { Labelled } from "../lib/bindings/Labelled";
import type { RecordLabels } from "../lib/bindings/RecordLabels";
import { safety } from "./safety";

/** `content.record.labels` as Rust sends it: the JSON that model/mod.rs's
 * the_ui_is_sent_every_label_in_order_by_its_stored_name pins, in the same order. */
export const recordLabels: RecordLabels = {
  bother: [
    { value: "aLittle", label: "A little" },
    { value: "quiteABit", label: "Quite a bit" },
    { value: "aLot", label: "A lot" },
  ],
  stopReason: [
    { value: "stoppedWorking", label: "It stopped working" },
    { value: "sideEffects", label: "Side effects" },
    { value: "other", label: "Another reason" },
  ],
  checkupKind: [
    { value: "ctScan", label: "CT scan" },
    { value: "headScan", label: "Head scan" },
    { value: "xRay", label: "Chest X-ray" },
    { value: "checkUp", label: "Check-up with the team" },
    { value: "other", label: "Something else" },
  ],
};

const marked = <T>(choices: Labelled<T>[]): Labelled<T>[] => choices.map(({ value, label }) => ({ value, label: `${label} (as sent)` }));

/** Every label in other words, for tests that a view shows what Rust sent, never words of its own. */
export const relabelled: RecordLabels = {
  bother: marked(recordLabels.bother),
  stopReason: marked(recordLabels.stopReason),
  checkupKind: marked(recordLabels.checkupKind),
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
