import { render, screen as dom, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

import { live } from "../lib/announce.svelte";
import { list } from "../lib/list.svelte";
import { POLL_MS, recorder, resumeRecording, startRecording, stopRecording } from "../lib/recording.svelte";
import { appContent } from "../test/content";
import { fakeRecorder, tidyUp, row } from "../test/recorder";
import WithApp from "../test/WithApp.svelte";
import RecordingBar from "./RecordingBar.svelte";

const twoPolls = { timeout: POLL_MS * 2.5 };

function showBar() {
  const show = vi.fn();
  render(WithApp, { props: { app: { content: appContent, show }, view: RecordingBar } });
  return show;
}

afterEach(tidyUp);

describe("while recording", () => {
  it("shows Recording and the time going, in words and not only colour, and says so once, not every second", async () => {
    const rust = fakeRecorder();
    showBar();
    await startRecording(4, "Tuesday 15 January 2030 at 2:30 pm", null, true);
    const time = () => document.getElementById("recording-time")?.textContent?.replace(/\s+/g, " ").trim();
    await waitFor(() => expect(time()).toBe("Recording — 0:00"));
    expect(document.querySelector(".recording-what")?.textContent).toBe("Recording the appointment on Tuesday 15 January 2030 at 2:30 pm.");
    await waitFor(() => expect(live.text).toBe("Recording started. Stop recording is at the top of the page."));
    rust.elapsedMs = 754_000;
    await waitFor(() => expect(time()).toBe("Recording — 12:34"), twoPolls);
    rust.elapsedMs = 755_000;
    await waitFor(() => expect(time()).toBe("Recording — 12:35"), twoPolls);
    // The live region said the start and nothing since.
    expect(live.text).toBe("Recording started. Stop recording is at the top of the page.");
    expect(document.getElementById("recording-time")?.closest("[aria-live], [role=status], [role=alert], [role=timer]")).toBeNull();
  });

  it("Stop saves it, says so, and puts the focus on what happened", async () => {
    const rust = fakeRecorder();
    const show = showBar();
    const user = userEvent.setup();
    await startRecording(4, "Tuesday 15 January 2030 at 2:30 pm", null, true);
    rust.elapsedMs = 12 * 60_000 + 5_000;
    await user.click(await dom.findByRole("button", { name: "Stop recording" }));
    await waitFor(() => expect(document.activeElement?.id).toBe("recording-ended"));
    expect(document.activeElement?.textContent?.trim()).toBe("Your recording is saved with the appointment. It is 12 minutes long.");
    expect(rust.named("stop_recording")).toHaveLength(1);
    await waitFor(() => expect(live.text).toBe("Recording stopped and saved. It is 12 minutes long."));
    expect(dom.queryByRole("button", { name: "Stop recording" })).toBeNull();
    await user.click(dom.getByRole("button", { name: "Listen to it" }));
    expect(show).toHaveBeenCalledWith("appointments", "4");
    expect(document.querySelector(".recording-bar")).toBeNull();
  });

  it("keeps what the keyboard moves to from going under the bar while it is there", async () => {
    fakeRecorder();
    showBar();
    const root = document.documentElement;
    expect(root.style.scrollPaddingTop).toBe("");
    await startRecording(4, "the 15th", null, true);
    await waitFor(() => expect(root.style.scrollPaddingTop).toMatch(/^\d+px$/));
    await stopRecording();
    await waitFor(() => expect(root.style.scrollPaddingTop).toBe(""));
  });

  it("a second press on Stop while the first is on its way stops it once", async () => {
    const rust = fakeRecorder({ delay: { stop_recording: 200 } });
    showBar();
    const user = userEvent.setup();
    await startRecording(4, "the 15th", null, true);
    const stop = await dom.findByRole("button", { name: "Stop recording" });
    await user.click(stop);
    expect(stop.getAttribute("aria-busy")).toBe("true");
    await user.click(stop);
    await waitFor(() => expect(document.getElementById("recording-ended")).not.toBeNull());
    expect(rust.named("stop_recording")).toHaveLength(1);
    expect(dom.queryByRole("alert")).toBeNull();
  });

  it("when the recording stops on its own, says why in plain words and that everything is kept", async () => {
    const rust = fakeRecorder();
    showBar();
    await startRecording(4, "the 15th", null, true);
    rust.elapsedMs = 7 * 60_000;
    rust.problem = "The microphone was unplugged.";
    await waitFor(() => expect(dom.getByRole("alert").textContent?.replace(/\s+/g, " ").trim()).toBe(
      "The recording stopped by itself. The microphone was unplugged. Everything up to then is saved with the appointment. It is 7 minutes long.",
    ), twoPolls);
    expect(rust.named("stop_recording")).toHaveLength(1);
    expect(rust.rows[0]?.durationMs).toBe(7 * 60_000);
    expect(dom.queryByRole("button", { name: "Stop recording" })).toBeNull();
  });

  it("says when the microphone has heard nothing for a few seconds", async () => {
    const rust = fakeRecorder();
    showBar();
    await startRecording(4, "the 15th", null, true);
    rust.heardSound = false;
    rust.elapsedMs = 3_000;
    await waitFor(() => expect(document.getElementById("recording-clock")?.textContent).toBe("0:03"), twoPolls);
    expect(document.getElementById("recording-quiet")).toBeNull();
    rust.elapsedMs = 6_000;
    await waitFor(() => expect(document.getElementById("recording-quiet")?.textContent).toContain("has not heard any sound yet"), twoPolls);
    rust.heardSound = true;
    await waitFor(() => expect(document.getElementById("recording-quiet")).toBeNull(), twoPolls);
  });

  it("keeps Stop and says why when Rust could not stop it", async () => {
    const rust = fakeRecorder();
    showBar();
    const user = userEvent.setup();
    await startRecording(4, "the 15th", null, true);
    rust.going = null;
    await user.click(await dom.findByRole("button", { name: "Stop recording" }));
    await waitFor(() => expect(document.getElementById("stop-problem")?.textContent).toBe("Nothing is being recorded."));
    expect(recorder.now).not.toBeNull();
    // Rust says nothing is going: the bar goes, and the list of recordings is looked at again.
    const saves = recorder.saves;
    await waitFor(() => expect(recorder.now).toBeNull(), twoPolls);
    expect(recorder.saves).toBe(saves + 1);
  });

  it("picks up a recording Rust is already making when the page is loaded again", async () => {
    const rust = fakeRecorder();
    rust.going = { id: 3, appointmentId: 4, elapsedMs: 0, heardSound: true, problem: null };
    rust.rows.push(row(3));
    rust.elapsedMs = 61_000;
    // As the first screen's answer said it (App.svelte).
    await resumeRecording(rust.going);
    showBar();
    await waitFor(() => expect(document.getElementById("recording-clock")?.textContent).toBe("1:01"));
    expect(dom.getByRole("button", { name: "Stop recording" })).toBeTruthy();
  });

  it("opens the appointment's questions, to mark the answers", async () => {
    fakeRecorder();
    const show = showBar();
    const user = userEvent.setup();
    await startRecording(4, "the 15th", null, true);
    await user.click(await dom.findByRole("button", { name: "My questions for this appointment" }));
    expect(list).toEqual({ id: 4, picked: true });
    expect(show).toHaveBeenCalledWith("questions", undefined);
  });
});
