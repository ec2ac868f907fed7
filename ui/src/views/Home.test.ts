import { render, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import { screen } from "../lib/screen.svelte";
import type { CareContact } from "../lib/api";
import { appContent } from "../test/content";
import { firstScreen, noHome } from "../test/first";

/** Home with no appointment and the given 24-hour line, as the first screen. */
function homeWith(line: CareContact | null) {
  mockIPC((cmd) => {
    switch (cmd) {
      case "get_content":
        return appContent;
      case "show_window":
        return null;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  screen.welcomed = true;
  render(App, { first: firstScreen({ home: { ...noHome, line } }) });
}

afterEach(() => {
  clearMocks();
  screen.welcomed = false;
});

describe("home", () => {
  it("says when to get help, naming the patient's own 24-hour line", async () => {
    homeWith({ id: 1, name: "Acute oncology line", role: "", phone: "0800 000 000", roundTheClock: true });
    await waitFor(() =>
      expect(document.getElementById("home-round-the-clock")?.textContent).toBe(
        "If you feel very unwell, call your 24-hour line: Acute oncology line, 0800 000 000.",
      ),
    );
    const part = document.getElementById("home-line")!.parentElement!;
    expect(part.textContent).toContain("In an emergency, call 999 or go to A&E.");
    expect(part.textContent).toContain("If you are not sure what to do, call NHS 111.");
    expect(part.querySelector(".not-from-source")!.textContent).toBe("This is general NHS advice. It is not from ALK Positive UK's page.");
    expect(part.textContent).not.toContain("Go to My record");
  });

  it("says to call the team's line, and where to keep its number, when none is kept", async () => {
    homeWith(null);
    await waitFor(() =>
      expect(document.getElementById("home-round-the-clock")?.textContent).toBe(
        "If you feel very unwell, call your 24-hour line or acute oncology line.",
      ),
    );
    const part = document.getElementById("home-line")!.parentElement!;
    expect(part.textContent).toContain("call NHS 111");
    expect(part.textContent).toContain("Go to My record");
  });

  it("has no two landmarks of the same kind and name, with the banner beside it", async () => {
    mockIPC(() => null);
    screen.welcomed = true;
    const home = {
      next: { id: 4, startsAt: "2099-01-15T14:30", withWhom: "Dr Nowak", place: "", purpose: "" },
      line: { id: 1, name: "Acute oncology line", role: "", phone: "0800 000 000", roundTheClock: true },
      chosen: 1,
      top: [{ id: 1, text: "What are my options?" }],
    };
    render(App, { first: firstScreen({ home }) });
    await waitFor(() => expect(document.getElementById("home-next-when")?.textContent).toContain("15 January 2099"));
    await waitFor(() => expect(document.getElementById("next-when")?.textContent).toContain("15 January 2099"));
    const result = await axe.run(document.body, { runOnly: { type: "rule", values: ["landmark-unique"] } });
    expect(result.passes.length + result.violations.length).toBeGreaterThan(0);
    expect(result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
  });
});
