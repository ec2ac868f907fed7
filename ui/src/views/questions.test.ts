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

describe("an answer typed just before the list changes", () => {
  afterEach(() => {
    clearMocks();
    document.body.replaceChildren();
  });

  it("is saved first and still shows after the list is drawn again", async () => {
    const plan = [planned(1, "q1", false), planned(2, "q2", false)];
    const saved: string[] = [];
    mockIPC(async (cmd, args) => {
      const a = args as Record<string, unknown>;
      if (cmd === "list_appointments") return [];
      if (cmd === "get_plan") return plan;
      if (cmd === "answer_question") {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const q = plan.find((x) => x.id === a.id)!;
        q.answer = a.answer as string;
        saved.push(q.answer);
        return { ...q };
      }
      if (cmd === "move_plan_question") {
        plan.reverse();
        return plan.map((q) => ({ ...q }));
      }
      throw new Error(`unexpected ${cmd}`);
    });
    const view = await renderQuestions({ content, show: () => {} }, { id: null, picked: false });
    document.body.append(view);
    const answer = view.querySelector<HTMLTextAreaElement>("#answer-2")!;
    answer.value = "Every three months";
    answer.dispatchEvent(new Event("input"));
    // Up, at once: before the save-as-you-type pause is over.
    view.querySelector<HTMLButtonElement>("[data-plan-id='2'] button[aria-label^='Move up']")!.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(saved).toEqual(["Every three months"]);
    expect(view.querySelector<HTMLTextAreaElement>("#answer-2")!.value).toBe("Every three months");
    expect([...view.querySelectorAll(".planned-text")].map((el) => el.textContent)).toEqual(["Second?", "First?"]);
  });
});
