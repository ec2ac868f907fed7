import { render, screen as dom, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import "../test/cssEscape";

import { live } from "../lib/announce.svelte";
import type { Content } from "../lib/api";
import { list } from "../lib/list.svelte";
import { startRecording, stopRecording } from "../lib/recording.svelte";
import { fakeRecorder, fakeSounds, tidyUp, planned, row } from "../test/recorder";
import WithApp from "../test/WithApp.svelte";
import AppointmentPage from "./AppointmentPage.svelte";

const content = {
  questions: [{ id: "q1", topic: "ask-3", section: "s", text: "What are my options?" }],
  retiredQuestions: [],
} as unknown as Content;
const plan = [planned(1, null, "Can I fly in March?"), planned(2, null, "Is the rash normal?"), planned(3, "q1")];

function show(id = 4) {
  fakeSounds();
  const app = { content, show: vi.fn() };
  render(WithApp, { props: { app, view: AppointmentPage, props: { id } } });
  return { show: app.show, user: userEvent.setup() };
}

afterEach(tidyUp);

describe("an appointment's page", () => {
  it("names the appointment, with the focus on its heading, and offers to record it", async () => {
    fakeRecorder({ plan });
    show();
    const heading = await dom.findByRole("heading", { level: 2 });
    expect(heading.textContent).toBe("The appointment on Tuesday 15 January 2030 at 2:30 pm");
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.body.textContent).toContain("With: Dr Nowak");
    expect(await dom.findByRole("button", { name: "Start recording" })).toBeTruthy();
    expect(document.getElementById("no-recordings")?.textContent).toBe("No recordings of this appointment yet.");
  });

  it("lists the answers marked in a recording by their number and words on the question list", async () => {
    const marks = [
      { recordingId: 7, planQuestionId: 3, atMs: 754_000 },
      { recordingId: 7, planQuestionId: 99, atMs: 800_000 },
    ];
    fakeRecorder({ plan, recordings: [row(7, { marks })] });
    show();
    await waitFor(() => expect(document.querySelectorAll(".marks button")).toHaveLength(2));
    expect([...document.querySelectorAll(".marks button")].map((b) => b.textContent)).toEqual([
      "Question 3: What are my options? — 12:34",
      "A question no longer on your list — 13:20",
    ]);
  });

  it("shows a recording as soon as it is saved", async () => {
    const rust = fakeRecorder({ plan });
    show();
    await dom.findByRole("button", { name: "Start recording" });
    await startRecording(4, "the 15th", null, true);
    rust.elapsedMs = 3 * 60_000;
    await stopRecording();
    await waitFor(() => expect(document.querySelector(".recording h4")?.textContent).toBe("Recording of Tuesday 15 January 2030 at 2:35 pm, 3 minutes"));
    expect(document.getElementById("no-recordings")).toBeNull();
  });

  it("removes a recording to the bin, with Undo bringing it back", async () => {
    const rust = fakeRecorder({ plan, recordings: [row(7)] });
    const { user } = show();
    await user.click(await dom.findByRole("button", { name: "Remove the recording of Tuesday 15 January 2030 at 2:35 pm" }));
    await user.click(dom.getByRole("button", { name: "Yes, remove it" }));
    await waitFor(() => expect(document.querySelector(".recording")).toBeNull());
    expect(rust.named("remove_recording")).toEqual([["remove_recording", { id: 7 }]]);
    const undo = await dom.findByRole("button", { name: "Undo (Ctrl+Z)" });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await waitFor(() => expect(live.text).toBe("The recording of Tuesday 15 January 2030 at 2:35 pm is removed. It is in the bin for 30 days."));
    await user.click(undo);
    await waitFor(() => expect(document.querySelector(".recording")).not.toBeNull());
    expect(rust.named("restore_removed")).toEqual([["restore_removed", { kind: "recording", id: 7 }]]);
  });

  it("opens the appointment's questions", async () => {
    fakeRecorder({ plan });
    const { show: open, user } = show();
    await user.click(await dom.findByRole("button", { name: "My questions for this appointment" }));
    expect(list).toEqual({ id: 4, picked: true });
    expect(open).toHaveBeenCalledWith("questions", undefined);
  });

  it("says so when the appointment is not there any more", async () => {
    fakeRecorder({ appointments: [] });
    show(4);
    expect((await dom.findByRole("heading", { level: 2 })).textContent).toBe("This appointment is not here");
  });
});
