// Words the screens make from the patient's own data, written once.

/** "1 question", "3 questions"; `many` where the plural is not the word and "s" ("diary entries"). */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A note's first line with words in it, to name the note in lists and on buttons. */
export const firstLine = (text: string): string =>
  text.split("\n").find((l) => l.trim() !== "")?.trim().slice(0, 80) || "An empty note";
