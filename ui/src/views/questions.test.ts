import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";

import type { Content } from "../lib/api";
import { renderQuestions } from "./questions";

const content = {
  topics: [{ id: "ask-3", title: "Ask 3 Questions (NHS)" }],
  questions: [
    { id: "q1", topic: "ask-3", section: "s", text: "First?" },
    { id: "q2", topic: "ask-3", section: "s", text: "Second?" },
  ],
} as unknown as Content;

function planned(id: number, questionId: string, top3: boolean) {
  return { id, appointmentId: null, questionId, ownText: null, top3, answer: "", asked: false };
}

describe("my question list", () => {
  afterEach(() => {
    clearMocks();
    document.body.replaceChildren();
  });

  it("shows top 3 first and keeps the box as it was when a fourth is refused", async () => {
    const plan = [planned(2, "q2", true), planned(1, "q1", false)];
    mockIPC((cmd) => {
      if (cmd === "list_appointments") return [];
      if (cmd === "get_plan") return plan;
      if (cmd === "set_top_question") {
        throw { kind: "invalidInput", message: "You already have 3 top questions." };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const view = await renderQuestions({ content, show: () => {} }, { id: null, picked: false });
    document.body.append(view);
    const texts = [...view.querySelectorAll(".planned-text")].map((el) => el.textContent);
    expect(texts).toEqual(["Top 3Second?", "First?"]);
    expect(view.querySelector<HTMLInputElement>("input[data-question='q1']")!.checked).toBe(true);

    const top = view.querySelector<HTMLInputElement>("#top-1")!;
    top.checked = true;
    top.dispatchEvent(new Event("change"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(view.querySelector(".questions p.message")!.textContent).toBe("You already have 3 top questions.");
    expect(view.querySelector<HTMLInputElement>("#top-1")!.checked).toBe(false);
  });
});
