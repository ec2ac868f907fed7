import { render, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import { screen } from "../lib/screen.svelte";
import { appContent } from "../test/content";

const content = appContent;

/** Home with no appointment and the given contacts. */
function homeWith(contacts: unknown[]) {
  mockIPC((cmd) => {
    switch (cmd) {
      case "list_appointments":
      case "get_plan":
        return [];
      case "list_contacts":
        return contacts;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  screen.welcomed = true;
  render(App, { content, recovery: null });
}

afterEach(() => {
  clearMocks();
  screen.welcomed = false;
});

describe("home", () => {
  it("says when to get help, naming the patient's own 24-hour line", async () => {
    homeWith([{ id: 1, name: "Acute oncology line", role: "", phone: "0800 000 000", roundTheClock: true }]);
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
    homeWith([{ id: 2, name: "Dr Nowak", role: "Oncologist", phone: "0800 111 111", roundTheClock: false }]);
    await waitFor(() =>
      expect(document.getElementById("home-round-the-clock")?.textContent).toBe(
        "If you feel very unwell, call your 24-hour line or acute oncology line.",
      ),
    );
    const part = document.getElementById("home-line")!.parentElement!;
    expect(part.textContent).not.toContain("0800 111 111");
    expect(part.textContent).toContain("call NHS 111");
    expect(part.textContent).toContain("Go to My record");
  });

  it("has no two landmarks of the same kind and name, with the banner beside it", async () => {
    mockIPC((cmd) => {
      switch (cmd) {
        case "list_appointments":
          return [{ id: 4, startsAt: "2099-01-15T14:30", withWhom: "Dr Nowak", place: "", purpose: "" }];
        case "list_contacts":
          return [{ id: 1, name: "Acute oncology line", role: "", phone: "0800 000 000", roundTheClock: true }];
        case "get_plan":
          return [{ id: 1, appointmentId: 4, questionId: "ask3-options", ownText: null, top3: true, answer: "", asked: false }];
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    screen.welcomed = true;
    render(App, { content, recovery: null });
    await waitFor(() => expect(document.getElementById("home-next-when")?.textContent).toContain("15 January 2099"));
    await waitFor(() => expect(document.getElementById("next-when")?.textContent).toContain("15 January 2099"));
    const result = await axe.run(document.body, { runOnly: { type: "rule", values: ["landmark-unique"] } });
    expect(result.passes.length + result.violations.length).toBeGreaterThan(0);
    expect(result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
  });
});
