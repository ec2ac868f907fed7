import { cleanup, render, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import "../test/cssEscape";

import { live } from "../lib/announce.svelte";
import type { Content, PlanQuestion } from "../lib/api";
import { closeAll, settleAll } from "../lib/autosave";
import { list } from "../lib/list.svelte";
import WithApp from "../test/WithApp.svelte";
import Questions from "./Questions.svelte";

const content = {
  topics: [{ id: "ask-3", title: "Ask 3 Questions (NHS)" }],
  questions: [
    { id: "q1", topic: "ask-3", section: "s", text: "First?" },
    { id: "q2", topic: "ask-3", section: "s", text: "Second?" },
    { id: "q3", topic: "ask-3", section: "s", text: "Third?" },
  ],
  retiredQuestions: [],
} as unknown as Content;

function planned(id: number, questionId: string | null, top3 = false, answer = ""): PlanQuestion {
  return { id, appointmentId: null, questionId, ownText: questionId ? null : `Own ${id}?`, top3, answer, asked: false };
}

/** A stand-in for Rust's plan: top 3 first, moves within a group, removal to the bin and back
 * to its place. `delay` slows the commands it names. */
/** `delay` holds a command's reply for some milliseconds, or until a promise settles. */
function fakeStore(start: PlanQuestion[], delay: (cmd: string) => number | Promise<void> = () => 0) {
  let plan = start.map((q) => ({ ...q }));
  const bin = new Map<number, [number, PlanQuestion]>();
  const calls: string[] = [];
  let next = 100;
  const copy = () => plan.map((q) => ({ ...q }));
  const drafts = new Map<string, Record<string, string>>();
  const order = () => (plan = [...plan.filter((q) => q.top3), ...plan.filter((q) => !q.top3)]);
  mockIPC(async (cmd, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push(cmd);
    const wait = delay(cmd);
    if (typeof wait !== "number") await wait;
    else if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = plan.findIndex((q) => q.id === args.id);
    switch (cmd) {
      case "get_draft":
        return drafts.get(args.form as string) ?? {};
      case "save_draft":
        drafts.set(args.form as string, args.fields as Record<string, string>);
        return null;
      case "list_appointments":
        return [];
      case "get_plan":
        return copy();
      case "move_plan_question": {
        const to = args.up ? at - 1 : at + 1;
        if (to >= 0 && to < plan.length && plan[to]!.top3 === plan[at]!.top3) [plan[at], plan[to]] = [plan[to]!, plan[at]!];
        return copy();
      }
      case "set_top_question":
        if (args.top && plan.filter((q) => q.top3).length >= 3) {
          throw { kind: "invalidInput", message: "You already have 3 top questions." };
        }
        plan[at]!.top3 = args.top as boolean;
        order();
        return copy();
      case "remove_plan_question":
        bin.set(args.id as number, [at, plan.splice(at, 1)[0]!]);
        return copy();
      case "restore_removed": {
        const [where, q] = bin.get(args.id as number)!;
        bin.delete(args.id as number);
        plan.splice(where, 0, q);
        return null;
      }
      case "choose_question":
        if (args.chosen) plan.push(planned(next++, args.questionId as string));
        else plan = plan.filter((q) => q.questionId !== args.questionId);
        return copy();
      case "add_own_question":
        if (!(args.text as string).trim()) throw { kind: "invalidInput", message: "Please write your question in the box first." };
        plan.push({ ...planned(next++, null), ownText: args.text as string });
        return copy();
      case "answer_question":
        Object.assign(plan[at]!, { answer: args.answer, asked: args.asked });
        return { ...plan[at]! };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return { calls, plan: () => plan };
}

const ids = () => [...document.querySelectorAll<HTMLElement>(".my-list li")].map((li) => Number(li.dataset.planId));
const byFocus = (key: string) => document.querySelector<HTMLElement>(`[data-focus="${key}"]`)!;
const said = (text: string) => waitFor(() => expect(live.text).toBe(text));

async function show(detail?: string) {
  render(WithApp, { props: { app: { content, show: () => {} }, view: Questions, props: { detail } } });
  await waitFor(() => expect(document.querySelector("p.count")).not.toBeNull());
}

beforeEach(() => {
  Object.assign(list, { id: null, picked: false });
});

afterEach(async () => {
  await closeAll();
  clearMocks();
  live.text = "";
});

describe("my question list", () => {
  it("shows top 3 first and keeps the box as it was when a fourth is refused", async () => {
    fakeStore([planned(1, "q1", true), planned(2, "q2", true), planned(3, "q3", true), planned(4, null)]);
    await show();
    const texts = [...document.querySelectorAll(".planned-text")].map((el) => el.textContent);
    // The badge and the words are apart for anything that reads the text.
    expect(texts).toEqual(["Top 3: First?", "Top 3: Second?", "Top 3: Third?", "Own 4?"]);
    expect(document.querySelector<HTMLInputElement>("input[data-question='q1']")!.checked).toBe(true);

    await userEvent.click(document.querySelector<HTMLInputElement>("#top-4")!);
    await waitFor(() => expect(document.querySelector(".questions p.message")!.textContent!.trim()).toBe("You already have 3 top questions."));
    expect(document.querySelector(".questions p.message")!.getAttribute("role")).toBe("alert");
    expect(document.querySelector<HTMLInputElement>("#top-4")!.checked).toBe(false);
  });

  it("after Up the focus stays on the same item's Up, and says where it is now", async () => {
    fakeStore([planned(1, "q1"), planned(2, "q2"), planned(3, "q3")]);
    await show();
    byFocus("3:up").focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(ids()).toEqual([1, 3, 2]));
    await said("Moved up. It is now number 2 of 3.");
    expect(document.activeElement).toBe(byFocus("3:up"));

    // At the top Up is disabled, so the focus goes to the same item's Down.
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(ids()).toEqual([3, 1, 2]));
    await said("Moved up. It is now number 1 of 3.");
    expect(document.activeElement).toBe(byFocus("3:down"));
  });

  it("after Down the focus stays on the same item's Down", async () => {
    fakeStore([planned(1, "q1"), planned(2, "q2"), planned(3, "q3")]);
    await show();
    byFocus("1:down").focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(ids()).toEqual([2, 1, 3]));
    await said("Moved down. It is now number 2 of 3.");
    expect(document.activeElement).toBe(byFocus("1:down"));
  });

  it("a question made top 3 moves to the top with the focus on its box", async () => {
    fakeStore([planned(1, "q1"), planned(2, "q2"), planned(3, "q3")]);
    await show();
    const box = document.querySelector<HTMLInputElement>("#top-3")!;
    box.focus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(ids()).toEqual([3, 1, 2]));
    await said("Now one of your top 3. It is now number 1 of 3.");
    expect(document.activeElement).toBe(box);
    expect(box.checked).toBe(true);
    expect(document.querySelector("[data-plan-id='3']")!.classList.contains("top")).toBe(true);
  });

  it("ticking Asked saves it and says so, and the focus stays on the box", async () => {
    const store = fakeStore([planned(1, "q1")]);
    await show();
    const asked = document.querySelector<HTMLInputElement>("#asked-1")!;
    await userEvent.click(asked);
    await said("Marked as asked.");
    await waitFor(() => expect(store.plan()[0]!.asked).toBe(true));
    expect(document.activeElement).toBe(asked);
    expect(document.querySelector(".my-list .saved")!.textContent).toBe("Saved");
  });
});

describe("taking a question off the list", () => {
  it("asks first when it has an answer; No and Escape keep it and go back to Remove; Yes focuses Undo", async () => {
    const store = fakeStore([planned(1, "q1"), planned(2, "q2", false, "Every three months"), planned(3, "q3")]);
    await show();
    const remove = byFocus("2:remove");
    await userEvent.click(remove);
    expect(document.querySelector(".confirm")!.textContent).toContain("Its answer goes with it.");
    expect((document.activeElement as HTMLElement).textContent).toBe("No, keep it");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(document.querySelector(".confirm")).toBeNull();

    await userEvent.keyboard("{Enter}");
    expect((document.activeElement as HTMLElement).textContent).toBe("No, keep it");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(document.querySelector(".confirm")).toBeNull();
    expect(store.calls).not.toContain("remove_plan_question");

    await userEvent.keyboard("{Enter}");
    await userEvent.click(document.querySelector<HTMLButtonElement>(".confirm button.danger")!);
    await waitFor(() => expect(ids()).toEqual([1, 3]));
    const undo = document.querySelector<HTMLButtonElement>("button.undo")!;
    // The focus goes to Undo, which names its shortcut.
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(undo.textContent).toBe("Undo (Ctrl+Z)");
    expect(undo.getAttribute("aria-keyshortcuts")).toBe("Control+Z");
    await said("The question is off your list. It is in the bin for 30 days.");
    expect(document.querySelector("p.count")!.textContent).toBe("You have chosen 2 questions.");

    // Undo brings it back with its answer, and the focus to its Remove.
    await userEvent.click(undo);
    await waitFor(() => expect(ids()).toEqual([1, 2, 3]));
    expect(document.querySelector<HTMLTextAreaElement>("#answer-2")!.value).toBe("Every three months");
    await waitFor(() => expect(document.activeElement).toBe(byFocus("2:remove")));
    await said("It is back.");
  });

  it("Remove on a library question without an answer asks first too", async () => {
    const store = fakeStore([planned(1, "q1"), planned(2, "q2")]);
    await show();
    const remove = byFocus("1:remove");
    await userEvent.click(remove);
    expect(document.querySelector("[data-plan-id='1'] .confirm")!.textContent).toContain("Take this question off your list?");
    expect((document.activeElement as HTMLElement).textContent).toBe("No, keep it");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(store.calls).not.toContain("remove_plan_question");
    expect(ids()).toEqual([1, 2]);
  });

  it("unticking a library question without words takes it off at once; the focus stays on the box, and Ctrl+Z puts it back in its place", async () => {
    fakeStore([planned(1, "q1"), planned(2, "q2")]);
    await show();
    const box = document.querySelector<HTMLInputElement>("input[data-question='q1']")!;
    await userEvent.click(box);
    await waitFor(() => expect(ids()).toEqual([2]));
    expect(box.checked).toBe(false);
    expect(document.querySelector("button.undo")).not.toBeNull();
    expect(document.activeElement).toBe(box);
    await said("The question is off your list. Press Ctrl+Z to undo.");
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(ids()).toEqual([1, 2]));
    expect(box.checked).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(box));
  });

  it("Undo puts a question back where it was, with its top 3 mark and answer, and the focus on it", async () => {
    fakeStore([planned(1, "q1", true), planned(2, "q2", true, "Every 3 months"), planned(3, "q3"), planned(4, null), planned(5, null)]);
    await show();
    await userEvent.click(byFocus("2:remove"));
    await userEvent.click(document.querySelector<HTMLButtonElement>(".confirm button.danger")!);
    await waitFor(() => expect(ids()).toEqual([1, 3, 4, 5]));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector("button.undo")));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(ids()).toEqual([1, 2, 3, 4, 5]));
    expect(document.querySelector<HTMLInputElement>("#top-2")!.checked).toBe(true);
    expect(document.querySelector<HTMLTextAreaElement>("#answer-2")!.value).toBe("Every 3 months");
    await waitFor(() => expect(document.activeElement).toBe(byFocus("2:remove")));
  });

  it("Ctrl+Z brings back what was removed, but not while the focus is in a text box", async () => {
    const store = fakeStore([planned(1, "q1"), planned(2, "q2"), planned(3, "q3")]);
    await show();
    await userEvent.click(byFocus("2:remove"));
    await userEvent.click(document.querySelector<HTMLButtonElement>(".confirm button.danger")!);
    await waitFor(() => expect(ids()).toEqual([1, 3]));
    document.querySelector<HTMLTextAreaElement>("#answer-1")!.focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.calls).not.toContain("restore_removed");
    byFocus("1:down").focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(ids()).toEqual([1, 2, 3]));
    await waitFor(() => expect(document.activeElement).toBe(byFocus("2:remove")));
  });

  it("unticking a library question with an answer asks under it; No ticks the box again", async () => {
    const store = fakeStore([planned(1, "q1", false, "Yes")]);
    await show();
    const box = document.querySelector<HTMLInputElement>("input[data-question='q1']")!;
    await userEvent.click(box);
    expect(document.querySelector("[data-plan-id='1'] .confirm")).not.toBeNull();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(box.checked).toBe(true));
    expect(document.activeElement).toBe(box);
    expect(store.calls).not.toContain("remove_plan_question");
  });
});

describe("moves that cannot happen", () => {
  it("Down on the last top 3 question and Up on the first below are off, with the reason", async () => {
    fakeStore([planned(4, null, true), planned(1, "q1", true), planned(3, "q3"), planned(2, "q2"), planned(5, null)]);
    await show();
    const down = byFocus("1:down") as HTMLButtonElement;
    const up = byFocus("3:up") as HTMLButtonElement;
    expect(down.disabled).toBe(true);
    expect(up.disabled).toBe(true);
    expect(document.getElementById(down.getAttribute("aria-describedby")!)!.textContent).toBe(
      "Top 3 questions stay above the others. Untick One of my top 3 to move it down.",
    );
    expect(document.getElementById(up.getAttribute("aria-describedby")!)!.textContent).toBe(
      "Your top 3 stay above this question. Tick One of my top 3 to move it up.",
    );
    expect((byFocus("4:down") as HTMLButtonElement).disabled).toBe(false);
    expect((byFocus("4:down") as HTMLButtonElement).hasAttribute("aria-describedby")).toBe(false);
  });

  it("a move the reply shows did not happen is not announced", async () => {
    const plan = [planned(1, "q1"), planned(2, "q2")];
    mockIPC((cmd) => {
      if (cmd === "list_appointments") return [];
      if (cmd === "get_plan" || cmd === "move_plan_question") return plan.map((q) => ({ ...q }));
      throw new Error(`unexpected ${cmd}`);
    });
    await show();
    // Whatever an earlier test left to be said is said first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    live.text = "";
    byFocus("2:up").focus();
    await userEvent.keyboard("{Enter}");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(live.text).toBe("");
    expect(ids()).toEqual([1, 2]);
  });

  it("a second Up while the first is on its way moves it once and says so once", async () => {
    const store = fakeStore([planned(1, "q1"), planned(2, "q2"), planned(3, "q3")], (cmd) => (cmd === "move_plan_question" ? 40 : 0));
    await show();
    byFocus("3:up").focus();
    await userEvent.keyboard("{Enter}{Enter}");
    await waitFor(() => expect(ids()).toEqual([1, 3, 2]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.calls.filter((c) => c === "move_plan_question")).toHaveLength(1);
    expect(ids()).toEqual([1, 3, 2]);
    await said("Moved up. It is now number 2 of 3.");
  });
});

describe("the library and my own questions", () => {
  it("keeps a question half written when the patient leaves the screen and comes back", async () => {
    fakeStore([]);
    const first = render(WithApp, { props: { app: { content, show: () => {} }, view: Questions, props: {} } });
    await waitFor(() => expect(document.querySelector("p.count")).not.toBeNull());
    await userEvent.type(document.getElementById("own-question")!, "Can I fly to Kraków?");
    expect(await settleAll()).toBe(true);
    first.unmount();
    await show();
    await waitFor(() => expect((document.getElementById("own-question") as HTMLInputElement).value).toBe("Can I fly to Kraków?"));
    // Added, it is no longer kept as half written.
    await userEvent.click(document.querySelector<HTMLButtonElement>(".own-question button[type=submit]")!);
    await waitFor(() => expect(document.querySelector(".my-list")!.textContent).toContain("Can I fly to Kraków?"));
    expect(await settleAll()).toBe(true);
    cleanup();
    await show();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((document.getElementById("own-question") as HTMLInputElement).value).toBe("");
  });

  it("Add my question is busy until its call returns: Enter twice adds one", async () => {
    // The reply is held until both presses are in, however slow the machine (a timer could end first).
    let reply = () => {};
    const held = new Promise<void>((resolve) => (reply = resolve));
    const store = fakeStore([], (cmd) => (cmd === "add_own_question" ? held : 0));
    await show();
    const own = document.querySelector<HTMLInputElement>("#own-question")!;
    const add = [...document.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Add my question")!;
    await userEvent.type(own, "Can I fly in March?{Enter}");
    await waitFor(() => expect(add.getAttribute("aria-busy")).toBe("true"));
    expect(add.getAttribute("aria-disabled")).toBe("true");
    await userEvent.keyboard("{Enter}");
    await userEvent.click(add);
    reply();
    await waitFor(() => expect(document.querySelector(".my-list")!.textContent).toContain("Can I fly in March?"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.calls.filter((c) => c === "add_own_question")).toHaveLength(1);
    expect(ids()).toHaveLength(1);
    expect(add.hasAttribute("aria-busy")).toBe(false);
  });

  it("a library box clicked twice while its change is on the way changes once", async () => {
    // The reply is held until both clicks are in, however slow the machine (a timer could end first).
    let reply = () => {};
    const held = new Promise<void>((resolve) => (reply = resolve));
    const store = fakeStore([], (cmd) => (cmd === "choose_question" ? held : 0));
    await show();
    const box = document.querySelector<HTMLInputElement>("input[data-question='q2']")!;
    await userEvent.click(box);
    await userEvent.click(box);
    reply();
    await waitFor(() => expect(ids()).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(store.calls.filter((c) => c === "choose_question")).toHaveLength(1);
    expect(box.checked).toBe(true);
  });

  it("a ticked library question is added and the focus stays on its box", async () => {
    fakeStore([planned(1, "q1")]);
    await show();
    const box = document.querySelector<HTMLInputElement>("input[data-question='q3']")!;
    box.focus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(document.querySelector("p.count")!.textContent).toBe("You have chosen 2 questions."));
    await said("Added to your list. It is now number 2 of 2.");
    expect(document.activeElement).toBe(box);
    expect(box.checked).toBe(true);
  });

  it("an own question is added with Enter; an empty one is refused with the box marked", async () => {
    fakeStore([]);
    await show();
    const own = document.querySelector<HTMLInputElement>("#own-question")!;
    expect(own.dir).toBe("auto");
    own.focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(own.getAttribute("aria-invalid")).toBe("true"));
    expect(own.getAttribute("aria-describedby")).toBe("questions-message");
    expect(document.getElementById("questions-message")!.textContent).toContain("Please write your question");

    await userEvent.type(own, "Can I fly in March?{Enter}");
    await waitFor(() => expect(document.querySelector(".my-list")!.textContent).toContain("Can I fly in March?"));
    await said("Your question is added. It is now number 1 of 1.");
    expect(own.value).toBe("");
    expect(own.hasAttribute("aria-invalid")).toBe(false);
    expect(document.activeElement).toBe(own);
  });

  it("a question opened from search has the focus on its box", async () => {
    fakeStore([]);
    await show("q2");
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById("q-q2")));
  });
});

describe("an answer typed just before the list changes", () => {
  it("is saved first and still shows after the list is drawn again", async () => {
    const plan = [planned(1, "q1"), planned(2, "q2")];
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
    await show();
    const answer = document.querySelector<HTMLTextAreaElement>("#answer-2")!;
    answer.value = "Every three months";
    answer.dispatchEvent(new Event("input"));
    // Up, at once: before the save-as-you-type pause is over.
    document.querySelector<HTMLButtonElement>("[data-plan-id='2'] button[aria-label^='Move up']")!.click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(saved).toEqual(["Every three months"]);
    expect(document.querySelector<HTMLTextAreaElement>("#answer-2")!.value).toBe("Every three months");
    expect([...document.querySelectorAll(".planned-text")].map((el) => el.textContent)).toEqual(["Second?", "First?"]);
  });

  it("that cannot be saved stops the list from changing, and stays in its box", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "list_appointments") return [];
      if (cmd === "get_plan") return [planned(1, "q1"), planned(2, "q2")];
      if (cmd === "answer_question") throw { kind: "storage", message: "The answer could not be saved." };
      throw new Error(`unexpected ${cmd}`);
    });
    await show();
    const answer = document.querySelector<HTMLTextAreaElement>("#answer-2")!;
    answer.value = "Words to keep";
    answer.dispatchEvent(new Event("input"));
    document.querySelector<HTMLButtonElement>("[data-plan-id='2'] button[aria-label^='Move up']")!.click();
    await waitFor(() => expect(document.querySelector(".questions p.message")!.textContent).toContain("the list was not changed"));
    expect(calls).not.toContain("move_plan_question");
    expect(answer.value).toBe("Words to keep");
    // Cleared so the next test starts with nothing unsaved.
    answer.value = "";
    answer.dispatchEvent(new Event("input"));
  });
});
