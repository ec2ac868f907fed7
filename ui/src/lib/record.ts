// The record's words: what the store keeps as ids, said in plain words (My record and the Bin).
import type { Content } from "./api";
import type { Labelled } from "./bindings/Labelled";

/** A choice's words as Rust sent them in `content.record.labels`; its stored name if none came. */
export function labelOf<T extends string>(choices: Labelled<T>[], value: T): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}

/** A treatment's name: from the content's list, or the patient's own words for "other". */
export function drugName(content: Content, id: string, other: string): string {
  return id === "other" ? other : (content.record.drugs.find((d) => d.id === id)?.name ?? id);
}

/** A diary entry's side effect or feeling: from the content's list, or the patient's own words. */
export function diaryWhat(content: Content, id: string, other: string): string {
  return id === "other" ? other : (content.record.sideEffects.find((s) => s.id === id)?.name ?? id);
}
