import { cleanup, render, screen as dom, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";

import { live } from "../lib/announce.svelte";
import { recorder, stopRecording } from "../lib/recording.svelte";
import { fakeRecorder, tidyUp } from "../test/recorder";
import RecordStart from "./RecordStart.svelte";

const props = { appointmentId: 4, label: "Tuesday 15 January 2030 at 2:30 pm" };
const startButton = () => dom.getByRole("button", { name: "Start recording" });
const agreedBox = () => dom.getByLabelText("My doctor or nurse has agreed") as HTMLInputElement;

/** The form shown, with its microphones, and the tick given. */
async function showAgreed() {
  const user = userEvent.setup();
  render(RecordStart, props);
  await waitFor(() => expect(dom.getByLabelText("Microphone")).toBeTruthy());
  await user.click(agreedBox());
  return user;
}

afterEach(tidyUp);

describe("the first time", () => {
  it("explains recording with care once, then goes straight to the form", async () => {
    const rust = fakeRecorder({ consent: false });
    const user = userEvent.setup();
    render(RecordStart, props);
    await waitFor(() => expect(dom.getByRole("heading", { name: "Before you record an appointment" })).toBeTruthy());
    const page = document.querySelector(".consent")!.textContent!;
    expect(page).toContain("Ask your doctor or nurse before you record. Record only if they agree.");
    expect(page).toContain("The recording stays on this computer. It never leaves it unless you save a copy.");
    expect(page).toContain("private");
    expect(dom.queryByRole("button", { name: "Start recording" })).toBeNull();
    expect(rust.named("list_microphones")).toHaveLength(0);

    await user.click(dom.getByRole("button", { name: "I understand" }));
    await waitFor(() => expect(startButton()).toBeTruthy());
    expect(rust.named("set_recording_consent_seen")).toHaveLength(1);
    expect(document.activeElement).toBe(agreedBox());

    // Next time, the form at once.
    cleanup();
    render(RecordStart, props);
    await waitFor(() => expect(startButton()).toBeTruthy());
    expect(dom.queryByText("Before you record an appointment")).toBeNull();
    expect(rust.named("set_recording_consent_seen")).toHaveLength(1);
  });
});

describe("each recording", () => {
  it("starts only once the doctor or nurse has agreed, with the reason beside Start until then", async () => {
    const rust = fakeRecorder();
    const user = userEvent.setup();
    render(RecordStart, props);
    await waitFor(() => expect(dom.getByLabelText("Microphone")).toBeTruthy());
    // The computer's usual microphone is chosen first.
    expect((dom.getByLabelText("Microphone") as HTMLSelectElement).value).toBe("usual");
    expect(dom.getByRole("option", { name: "Built-in microphone (the computer’s usual one)" })).toBeTruthy();

    expect(startButton().getAttribute("aria-disabled")).toBe("true");
    const reason = document.getElementById(startButton().getAttribute("aria-describedby")!)!;
    expect(reason.textContent).toBe("Tick “My doctor or nurse has agreed” first.");
    await user.click(startButton());
    expect(rust.named("start_recording")).toHaveLength(0);
    // Pressing it anyway takes the patient to the box to tick.
    expect(document.activeElement).toBe(agreedBox());

    await user.click(agreedBox());
    expect(startButton().getAttribute("aria-disabled")).toBeNull();
    expect(startButton().getAttribute("aria-describedby")).toBeNull();
    await user.selectOptions(dom.getByLabelText("Microphone"), "usb");
    await user.click(startButton());
    await waitFor(() => expect(recorder.now?.appointmentId).toBe(4));
    expect(rust.named("start_recording")).toEqual([["start_recording", { appointmentId: 4, microphoneId: "usb", agreed: true }]]);
    expect(recorder.label).toBe(props.label);
    // While it records, the form gives way to where Stop is, and the focus goes there.
    await waitFor(() => expect(document.activeElement?.classList.contains("recording-here")).toBe(true));
    expect(document.activeElement?.textContent).toContain("Stop recording is at the top of the page.");
    expect(dom.queryByRole("button", { name: "Start recording" })).toBeNull();
  });

  it("asks again for the next recording: the tick does not stay", async () => {
    fakeRecorder();
    const user = await showAgreed();
    await user.click(startButton());
    await waitFor(() => expect(recorder.now).not.toBeNull());
    await stopRecording();
    await waitFor(() => expect(startButton()).toBeTruthy());
    expect(agreedBox().checked).toBe(false);
    expect(startButton().getAttribute("aria-disabled")).toBe("true");
  });

  it("says plainly when there is no microphone, and looks again when asked", async () => {
    const rust = fakeRecorder({ microphones: [] });
    const user = userEvent.setup();
    render(RecordStart, props);
    await waitFor(() => expect(dom.getByRole("alert").textContent).toBe("No microphone was found. Plug one in or switch it on, then look again."));
    await user.click(agreedBox());
    expect(startButton().getAttribute("aria-disabled")).toBe("true");
    expect(document.getElementById(startButton().getAttribute("aria-describedby")!)!.textContent).toBe("There is no microphone to record with.");
    await user.click(dom.getByRole("button", { name: "Look again for a microphone" }));
    expect(rust.named("list_microphones")).toHaveLength(2);
  });

  it("shows Rust's own words when it cannot list the microphones", async () => {
    fakeRecorder({ microphones: { kind: "invalidInput", message: "The app is not allowed to use the microphone." } });
    render(RecordStart, props);
    await waitFor(() => expect(dom.getByRole("alert").textContent).toBe("The app is not allowed to use the microphone."));
  });

  it("starts once when Start is pressed twice while Rust is starting", async () => {
    const rust = fakeRecorder({ delay: { start_recording: 150 } });
    const user = await showAgreed();
    await user.click(startButton());
    expect(startButton().getAttribute("aria-busy")).toBe("true");
    await user.click(startButton());
    await waitFor(() => expect(recorder.now).not.toBeNull());
    expect(rust.named("start_recording")).toHaveLength(1);
  });

  it("keeps recording when the patient moves to another screen while it starts", async () => {
    const rust = fakeRecorder({ delay: { start_recording: 150 } });
    const user = await showAgreed();
    await user.click(startButton());
    // The screen goes before Rust answers.
    cleanup();
    await waitFor(() => expect(recorder.now?.appointmentId).toBe(4));
    expect(rust.named("start_recording")).toHaveLength(1);
    await waitFor(() => expect(live.text).toBe("Recording started. Stop recording is at the top of the page."));
    // Back on the screen: it says it is recording, and offers no second Start.
    render(RecordStart, props);
    await waitFor(() => expect(document.querySelector(".recording-here")).not.toBeNull());
    expect(dom.queryByRole("button", { name: "Start recording" })).toBeNull();
  });

  it("shows Rust's refusal in plain words and keeps the form", async () => {
    fakeRecorder();
    const user = await showAgreed();
    // Another appointment is being recorded already, unknown to this page: Rust says no to a second.
    const { invoke } = await import("@tauri-apps/api/core");
    await invoke("start_recording", { appointmentId: 9, microphoneId: null, agreed: true });
    await user.click(startButton());
    await waitFor(() => expect(dom.getByRole("alert").textContent).toContain("A recording is going already."));
    expect(agreedBox().checked).toBe(true);
  });
});
