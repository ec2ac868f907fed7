// What a message line under a form or list says.
import { asApiError } from "./api";

export interface Notice {
  text: string;
  /** "done" reads calm; "error" reads as a problem. */
  kind: "done" | "error";
  /** Offers an Undo button that does this, then says "It is back." */
  undo?: () => Promise<unknown>;
}

export const done = (text: string, undo?: () => Promise<unknown>): Notice => ({ text, kind: "done", undo });
export const problem = (text: string): Notice => ({ text, kind: "error" });

/** The message line's words for whatever a command threw: its plain message, as a problem. */
export const failed = (error: unknown): Notice => problem(asApiError(error).message);
