// The record's words: what the store keeps as ids, said in plain words (My record and the Bin).
import type { Content } from "./api";
import type { Bother } from "./bindings/Bother";
import type { CheckupKind } from "./bindings/CheckupKind";
import type { StopReason } from "./bindings/StopReason";

export const BOTHER_WORDS: Record<Bother, string> = { aLittle: "A little", quiteABit: "Quite a bit", aLot: "A lot" };
export const STOP_WORDS: Record<StopReason, string> = {
  stoppedWorking: "It stopped working",
  sideEffects: "Side effects",
  other: "Another reason",
};
export const CHECKUP_WORDS: Record<CheckupKind, string> = {
  ctScan: "CT scan",
  headScan: "Head scan",
  xRay: "Chest X-ray",
  checkUp: "Check-up with the team",
  other: "Something else",
};

/** A treatment's name: from the content's list, or the patient's own words for "other". */
export function drugName(content: Content, id: string, other: string): string {
  return id === "other" ? other : (content.record.drugs.find((d) => d.id === id)?.name ?? id);
}

/** A diary entry's side effect or feeling: from the content's list, or the patient's own words. */
export function diaryWhat(content: Content, id: string, other: string): string {
  return id === "other" ? other : (content.record.sideEffects.find((s) => s.id === id)?.name ?? id);
}
