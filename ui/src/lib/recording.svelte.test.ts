import { waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";

import { fakeRecorder, tidyUp } from "../test/recorder";
import { live } from "./announce.svelte";
import { answerClose, closing } from "./closing.svelte";
import { POLL_MS, recorder, startRecording, stopRecording } from "./recording.svelte";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await tidyUp();
  closing.failed = false;
});

describe("one recording at a time", () => {
  it("starts once when Start is pressed twice before Rust answers", async () => {
    const rust = fakeRecorder({ delay: { start_recording: 100 } });
    await Promise.all([startRecording(4, "the 15th", "usual", true), startRecording(4, "the 15th", "usual", true)]);
    expect(rust.named("start_recording")).toEqual([["start_recording", { appointmentId: 4, microphoneId: "usual", agreed: true }]]);
    expect(recorder.now?.appointmentId).toBe(4);
    await waitFor(() => expect(live.text).toBe("Recording started. Stop recording is at the top of the page."));
  });

  it("stops once when Stop is pressed twice, and both presses hear it is saved", async () => {
    const rust = fakeRecorder({ delay: { stop_recording: 100 } });
    await startRecording(4, "the 15th", null, true);
    rust.elapsedMs = 12 * 60_000;
    const both = await Promise.all([stopRecording(), stopRecording()]);
    expect(both).toEqual([true, true]);
    expect(rust.named("stop_recording")).toHaveLength(1);
    expect(recorder.now).toBeNull();
    expect(recorder.ended?.row.durationMs).toBe(12 * 60_000);
    await waitFor(() => expect(live.text).toBe("Recording stopped and saved. It is 12 minutes long."));
  });

  it("asks Rust about once a second how it is going, and stops when it says a problem, keeping what was recorded", async () => {
    const rust = fakeRecorder();
    await startRecording(4, "the 15th", null, true);
    rust.elapsedMs = 5_000;
    await waitFor(() => expect(recorder.now?.elapsedMs).toBe(5_000), { timeout: POLL_MS * 2 });
    rust.elapsedMs = 7 * 60_000;
    rust.problem = "The computer's disk is full.";
    await waitFor(() => expect(rust.named("stop_recording")).toHaveLength(1), { timeout: POLL_MS * 2 });
    await waitFor(() => expect(recorder.now).toBeNull());
    expect(recorder.ended).toEqual({ row: expect.objectContaining({ durationMs: 7 * 60_000 }), problem: "The computer's disk is full." });
    // Kept: the recording is still with its appointment.
    expect(rust.rows.map((r) => r.durationMs)).toEqual([7 * 60_000]);
    // No more asking once it has stopped.
    const asked = rust.named("recording_now").length;
    await sleep(POLL_MS * 1.5);
    expect(rust.named("recording_now")).toHaveLength(asked);
  });

  it("an answer Rust gave before Stop does not bring the recording back", async () => {
    const rust = fakeRecorder({ delay: { recording_now: 300 } });
    await startRecording(4, "the 15th", null, true);
    // A question is on its way when Stop is pressed.
    await waitFor(() => expect(rust.named("recording_now")).toHaveLength(1), { timeout: POLL_MS * 2 });
    await stopRecording();
    await sleep(400);
    expect(recorder.now).toBeNull();
    expect(recorder.ended).not.toBeNull();
  });
});

describe("closing the window while recording", () => {
  it("stops and saves the recording before the window closes", async () => {
    const rust = fakeRecorder({ delay: { stop_recording: 150 } });
    await startRecording(4, "the 15th", null, true);
    await answerClose();
    expect(rust.calls.map(([cmd]) => cmd).filter((c) => c !== "recording_now")).toEqual(["start_recording", "stop_recording", "close_window"]);
    expect(rust.named("close_window")).toEqual([["close_window", { saved: true }]]);
    expect(recorder.now).toBeNull();
  });

  it("lets a recording still starting start, then stops it, then closes", async () => {
    const rust = fakeRecorder({ delay: { start_recording: 150 } });
    const started = startRecording(4, "the 15th", null, true);
    await answerClose();
    await started;
    expect(rust.calls.map(([cmd]) => cmd)).toEqual(["start_recording", "stop_recording", "close_window"]);
    expect(recorder.now).toBeNull();
  });
});
