// The first screen waits for its fonts before the window is shown, so index.html asks for them
// at once, while the script loads, rather than after the screen is laid out.
import { describe, expect, it } from "vitest";

import html from "../index.html?raw";
import css from "./styles.css?raw";

describe("the first screen's fonts", () => {
  const faces = [...css.matchAll(/@font-face\s*{[^}]*url\("([^"]+)"\)/g)].map((m) => m[1]?.split("/").pop());
  const preloads = [...html.matchAll(/<link\s+rel="preload"[^>]*>/g)].map((m) => m[0]);

  it("are the app's own", () => {
    expect(faces.length).toBeGreaterThan(0);
  });

  it("are each asked for as a font before the script runs", () => {
    for (const face of faces) {
      const link = preloads.find((l) => l.includes(`/${face}"`));
      expect(link, `${face} is preloaded`).toBeDefined();
      // Without `crossorigin` WebKit fetches the font twice: fonts are always fetched in CORS mode.
      expect(link).toMatch(/as="font"/);
      expect(link).toMatch(/crossorigin/);
    }
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf("<script"));
  });
});
