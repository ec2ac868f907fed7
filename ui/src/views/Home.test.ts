import { render, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";

import App from "../App.svelte";
import type { Content } from "../lib/api";
import { screen } from "../lib/screen.svelte";

const content = {
  questions: [{ id: "ask3-options", text: "What are my options?", topic: "ask3", why: "" }],
  retiredQuestions: [],
  topics: [],
  sections: [],
  checklist: [],
  glossary: [],
  references: [],
} as unknown as Content;

afterEach(() => {
  clearMocks();
  screen.welcomed = false;
});

describe("home", () => {
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
