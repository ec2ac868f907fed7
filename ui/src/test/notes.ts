// Shows My notes as App.svelte does, for the notes tests (which use fake timers).
import { render } from "@testing-library/svelte";
import { vi } from "vitest";

import type { Content } from "../lib/api";
import Notes from "../views/Notes.svelte";
import WithApp from "./WithApp.svelte";

const app = { content: {} as Content, show: () => {} };

/** Renders the notes view and lets its first IPC answers arrive. */
export async function mountNotes(detail?: string): Promise<HTMLElement> {
  render(WithApp, { props: { app, view: Notes, props: { detail } } });
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(1);
  return document.body;
}
