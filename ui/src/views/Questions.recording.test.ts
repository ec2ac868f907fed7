import { cleanup, render, screen as dom, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import "../test/cssEscape";

import { live } from "../lib/announce.svelte";
import type { Content } from "../lib/api";
import { list } from "../lib/list.svelte";
import { recorder, startRecording, stopRecording } from "../lib/recording.svelte";
import { fakeRecorder, tidyUp, planned, row } from "../test/recorder";
import WithApp from "../test/WithApp.svelte";
import Questions from "./Questions.svelte";

const content = {
  topics: [],
  questions: [
    { id: "q1", topic: "ask-3", section: "s", text: "What is ALK?" },
    { id: "q2", topic: "ask-3", section: "s", text: "What are my options?" },
  ],
  retiredQuestions: [],
} as unknown as Content;
const plan = [planned(1, "q1"), planned(2, "q2"), planned(3, null, "Can I fly in March?")];

const item = (id: number) => document.querySelector<HTMLElement>(`[data-plan-id="${id}"]`)!;
const markButton = (id: number) => within(item(id)).queryByRole("button", { name: /^They are answering this now/ });
const answeredLine = (id: number) => item(id).querySelector(".answered")?.textContent;

async function show() {
  render(WithApp, { props: { app: { content, show: () => undefined }, view: Questions } });
  await waitFor(() => expect(item(3)).not.toBeNull());
}

beforeEach(() => {
  list.id = 4;
  list.picked = true;
});

afterEach(tidyUp);

describe("marking answers while the appointment is recorded", () => {
  it("offers no marks when nothing is recorded, and shows where earlier recordings answered a question", async () => {
    fakeRecorder({ plan, recordings: [row(1, { marks: [{ recordingId: 1, planQuestionId: 2, atMs: 754_000 }] })] });
    await show();
    expect(markButton(1)).toBeNull();
    await waitFor(() => expect(answeredLine(2)).toBe("Answered at 12:34 in the recording"));
    expect(answeredLine(1)).toBeUndefined();
    // The answer box names it too, for a screen reader.
    const box = item(2).querySelector("textarea")!;
    expect(document.getElementById(box.getAttribute("aria-describedby")!)?.textContent).toBe("Answered at 12:34 in the recording");
  });

  it("each question gets 'They are answering this now', which marks that question at the moment now", async () => {
    const rust = fakeRecorder({ plan });
    await show();
    await startRecording(4, "the 15th", null, true);
    await waitFor(() => expect(markButton(1)).not.toBeNull());
    expect(markButton(3)?.getAttribute("aria-label")).toBe("They are answering this now: Can I fly in March?");
    const user = userEvent.setup();

    rust.elapsedMs = 754_000;
    await user.click(markButton(2)!);
    expect(rust.named("mark_answer")).toEqual([["mark_answer", { planQuestionId: 2 }]]);
    await waitFor(() => expect(answeredLine(2)).toBe("Answered at 12:34 in the recording"));
    expect(answeredLine(1)).toBeUndefined();
    expect(markButton(2)?.getAttribute("aria-describedby")).toBe("answered-2");
    await waitFor(() => expect(live.text).toBe("Marked at 12:34 in the recording."));

    rust.elapsedMs = 65_000 + 754_000;
    await user.click(markButton(3)!);
    await waitFor(() => expect(answeredLine(3)).toBe("Answered at 13:39 in the recording"));

    // A second press moves the mark to now.
    rust.elapsedMs = 900_000;
    await user.click(markButton(2)!);
    await waitFor(() => expect(answeredLine(2)).toBe("Answered at 15:00 in the recording"));
    expect(rust.rows[0]?.marks.filter((m) => m.planQuestionId === 2)).toEqual([{ recordingId: 1, planQuestionId: 2, atMs: 900_000 }]);

    // Stopped: the buttons go and the times stay.
    await stopRecording();
    await waitFor(() => expect(markButton(2)).toBeNull());
    expect(answeredLine(2)).toBe("Answered at 15:00 in the recording");
    expect(answeredLine(3)).toBe("Answered at 13:39 in the recording");
  });

  it("names the recording when the appointment has more than one", async () => {
    const rust = fakeRecorder({ plan, recordings: [row(1, { durationMs: 60_000, marks: [{ recordingId: 1, planQuestionId: 1, atMs: 30_000 }] })] });
    await show();
    await waitFor(() => expect(answeredLine(1)).toBe("Answered at 0:30 in the recording"));
    await startRecording(4, "the 15th", null, true);
    rust.elapsedMs = 5_000;
    await waitFor(() => expect(markButton(1)).not.toBeNull());
    await userEvent.click(markButton(1)!);
    await waitFor(() => expect(answeredLine(1)).toBe("Answered at 0:05 in recording 2"));
  });

  it("says in plain words when a mark could not be kept", async () => {
    const rust = fakeRecorder({ plan });
    await show();
    await startRecording(4, "the 15th", null, true);
    await waitFor(() => expect(markButton(1)).not.toBeNull());
    rust.going = null;
    await userEvent.click(markButton(1)!);
    await waitFor(() => expect(dom.getByRole("alert").textContent).toContain("Nothing is being recorded."));
    expect(answeredLine(1)).toBeUndefined();
    expect(recorder.marks).toEqual([]);
  });

  it("offers to record the appointment from its question list, and not for one not booked yet", async () => {
    const rust = fakeRecorder({ plan });
    await show();
    const user = userEvent.setup();
    const toggle = dom.getByRole("button", { name: "Record this appointment" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(rust.named("get_recording_consent")).toHaveLength(0);
    await user.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await user.click(await dom.findByLabelText("My doctor or nurse has agreed"));
    await user.click(dom.getByRole("button", { name: "Start recording" }));
    await waitFor(() => expect(recorder.now?.appointmentId).toBe(4));
    await waitFor(() => expect(markButton(1)).not.toBeNull());
    expect(dom.queryByRole("button", { name: "Record this appointment" })).toBeNull();

    cleanup();
    list.id = null;
    await show();
    expect(dom.queryByRole("button", { name: "Record this appointment" })).toBeNull();
  });
});
