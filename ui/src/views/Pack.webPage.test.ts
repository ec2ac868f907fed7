import axe from "axe-core";
import { describe, expect, it } from "vitest";

// The web page save_pack writes beside the PDF, as html.rs makes it: a Rust test fails when these
// committed samples differ from what the code makes now, so this checks the real page.
import large from "../../../src-tauri/core/src/pack/samples/web-page-large.html?raw";
import full from "../../../src-tauri/core/src/pack/samples/web-page.html?raw";

const SAMPLES = [
  ["every part on, with Arabic and Chinese", full],
  ["large print, Letter paper, with empty parts", large],
] as const;

/** Makes the sample the whole document, its <html> and <head> too. */
function open(html: string) {
  document.open();
  document.write(html);
  document.close();
}

describe("the pack as a web page", () => {
  for (const [name, html] of SAMPLES) {
    it(`has nothing axe finds wrong: ${name}`, async () => {
      open(html);
      expect(document.documentElement.lang).toBe("en-GB");
      expect(document.title).toBe("My appointment pack");
      expect(document.querySelectorAll("h1")).toHaveLength(1);
      // jsdom draws nothing, so contrast cannot be measured here (the page is near-black on white).
      const result = await axe.run(document, { resultTypes: ["violations"], rules: { "color-contrast": { enabled: false } } });
      expect(result.passes.length).toBeGreaterThan(15);
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(found).toEqual([]);
    });
  }

  it("names the chart by the sentence its table repeats, and runs and fetches nothing", () => {
    open(full);
    const chart = document.querySelector("svg[role=img]")!;
    const title = chart.querySelector("title")!.textContent!;
    expect(title).toMatch(/^\d+ entries for .+ between .+\.$/);
    expect(chart.getAttribute("aria-labelledby")).toBe(chart.querySelector("title")!.id);
    expect(chart.nextElementSibling!.querySelector("caption")!.textContent).toBe(title);
    expect(document.querySelectorAll("script, img, link, iframe, object, [src]")).toHaveLength(0);
  });
});
