// The first screen's answer, as first_screen sends it, for tests that draw the whole app.
import type { FirstScreen, Home } from "../lib/api";
import { safety } from "./safety";

export const noHome: Home = { next: null, line: null, chosen: 0, top: [] };

export function firstScreen(change: Partial<FirstScreen> = {}): FirstScreen {
  return {
    screen: { theme: "system", highContrast: false, textSize: "normal", welcomed: false },
    recovery: null,
    safety,
    home: noHome,
    problem: null,
    recording: null,
    recovered: [],
    ...change,
  };
}
