// The one module that talks to Rust. Every command has a typed wrapper here; the types
// come from Rust through ts-rs (src/lib/bindings), never typed again by hand.
import { invoke } from "@tauri-apps/api/core";

import type { ApiError } from "./bindings/ApiError";
import type { Content } from "./bindings/Content";
import type { Note } from "./bindings/Note";
import type { PackOptions } from "./bindings/PackOptions";
import type { SavedPack } from "./bindings/SavedPack";
import type { SearchHit } from "./bindings/SearchHit";

export type { ApiError, Content, Note, PackOptions, SavedPack, SearchHit };

const FALLBACK: ApiError = {
  kind: "internal",
  message: "Something went wrong inside ALK Companion. What you saved before is safe. Please try again.",
};

/** True for the `{ kind, message }` shape every command rejects with. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ApiError).kind === "string" &&
    typeof (value as ApiError).message === "string"
  );
}

/** Turns anything a command throws into an ApiError the UI can show. */
export function asApiError(value: unknown): ApiError {
  return isApiError(value) ? value : FALLBACK;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw asApiError(error);
  }
}

export const api = {
  getContent: () => call<Content>("get_content"),
  search: (query: string) => call<SearchHit[]>("search", { query }),
  listChosenQuestions: () => call<string[]>("list_chosen_questions"),
  setQuestionChosen: (questionId: string, chosen: boolean) =>
    call<string[]>("set_question_chosen", { questionId, chosen }),
  getNote: () => call<Note>("get_note"),
  saveNote: (text: string) => call<Note>("save_note", { text }),
  savePack: (options: PackOptions) => call<SavedPack | null>("save_pack", { options }),
  openPack: () => call<null>("open_pack"),
};
