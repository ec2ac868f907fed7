import { cleanup, render, screen as dom, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { live } from "../lib/announce.svelte";
import type { RecordingRow } from "../lib/api";
import { fakeRecorder, fakeSounds, row, tidyUp } from "../test/recorder";
import RecordingPlayer from "./RecordingPlayer.svelte";

const marked = row(7, {
  marks: [
    { recordingId: 7, planQuestionId: 12, atMs: 754_000 },
    { recordingId: 7, planQuestionId: 10, atMs: 95_000 },
  ],
});
const QUESTIONS: Record<number, string> = { 10: "Question 1: What is ALK?", 12: "Question 3: What are my options?" };
const questionOf = (id: number) => QUESTIONS[id] ?? "A question no longer on your list";

/** The browser's player, which jsdom does not have: play and pause say so as a browser does. */
let playing: HTMLMediaElement[] = [];
let sounds: ReturnType<typeof fakeSounds>;
beforeEach(() => {
  playing = [];
  sounds = fakeSounds();
  vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (this: HTMLMediaElement) {
    Object.defineProperty(this, "paused", { value: false, configurable: true });
    playing.push(this);
    this.dispatchEvent(new Event("play"));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(function (this: HTMLMediaElement) {
    Object.defineProperty(this, "paused", { value: true, configurable: true });
    playing = playing.filter((a) => a !== this);
    this.dispatchEvent(new Event("pause"));
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await tidyUp();
});

async function show(recording: RecordingRow = marked) {
  const onremove = vi.fn();
  render(RecordingPlayer, { row: recording, questionOf, onremove });
  // Once the sound is read, or could not be.
  if (recording.present) await waitFor(() => expect(document.querySelector("audio, [role=alert]")).not.toBeNull());
  const audio = document.querySelector("audio")!;
  return { audio, onremove, user: userEvent.setup() };
}

/** Moves the player, as the browser does while it plays. */
function playedTo(audio: HTMLAudioElement, seconds: number) {
  audio.currentTime = seconds;
  audio.dispatchEvent(new Event("timeupdate"));
}

describe("playing a recording in the app", () => {
  it("plays the recording's own file, read into memory, with the app's controls, not the browser's", async () => {
    const { audio } = await show();
    expect(sounds.fetched).toEqual(["http://asset.localhost/recording-7.mp3"]);
    expect(audio.getAttribute("src")).toBe("blob:sound-of-3");
    expect(audio.hasAttribute("controls")).toBe(false);
    expect(dom.getByRole("heading", { level: 4 }).textContent).toBe("Recording of Tuesday 15 January 2030 at 2:35 pm, 42 minutes");
    // The memory is given back when the page goes.
    cleanup();
    expect(sounds.freed).toEqual(["blob:sound-of-3"]);
  });

  it("Play and Pause, saying where it stopped in words", async () => {
    const { audio, user } = await show();
    await user.click(dom.getByRole("button", { name: "Play" }));
    expect(playing).toEqual([audio]);
    playedTo(audio, 754);
    await waitFor(() => expect(document.querySelector(".position")?.textContent?.replace(/\s+/g, " ").trim()).toBe("At 12:34 of 42:00"));
    // Playing says nothing every second.
    expect(live.text).toBe("");
    await user.click(dom.getByRole("button", { name: "Pause" }));
    expect(playing).toEqual([]);
    expect(dom.getByRole("button", { name: "Play" })).toBeTruthy();
    await waitFor(() => expect(live.text).toBe("Paused at 12 minutes 34 seconds of 42 minutes."));
  });

  it("shows Play again at the end, and says it is the end", async () => {
    const { audio, user } = await show();
    await user.click(dom.getByRole("button", { name: "Play" }));
    // As WebKit does: the end, without a pause.
    audio.dispatchEvent(new Event("ended"));
    await waitFor(() => expect(dom.getByRole("button", { name: "Play" })).toBeTruthy());
    await waitFor(() => expect(live.text).toBe("That is the end of the recording."));
  });

  it("says where it is when asked", async () => {
    const { audio, user } = await show();
    playedTo(audio, 61);
    await user.click(dom.getByRole("button", { name: "Say where I am" }));
    await waitFor(() => expect(live.text).toBe("1 minute 1 second of 42 minutes."));
  });

  it("goes back 10 seconds, and no further than the start", async () => {
    const { audio, user } = await show();
    playedTo(audio, 25);
    await user.click(dom.getByRole("button", { name: "Back 10 seconds" }));
    expect(audio.currentTime).toBe(15);
    playedTo(audio, 4);
    await user.click(dom.getByRole("button", { name: "Back 10 seconds" }));
    expect(audio.currentTime).toBe(0);
    await waitFor(() => expect(document.querySelector(".position .clock")?.textContent).toBe("0:00"));
  });

  it("plays slower or faster, and keeps the speed when it plays again", async () => {
    const { audio, user } = await show();
    const speed = dom.getByLabelText("Speed") as HTMLSelectElement;
    expect([...speed.options].map((o) => o.value)).toEqual(["0.75", "1", "1.25", "1.5"]);
    expect(speed.value).toBe("1");
    await user.selectOptions(speed, "0.75");
    expect(audio.playbackRate).toBe(0.75);
    audio.playbackRate = 1;
    await user.click(dom.getByRole("button", { name: "Play" }));
    expect(audio.playbackRate).toBe(0.75);
    await user.selectOptions(speed, "1.5");
    expect(audio.playbackRate).toBe(1.5);
    expect(audio.defaultPlaybackRate).toBe(1.5);
  });

  it("lists the marked answers in time order, each playing from its moment", async () => {
    const { audio, user } = await show();
    const marks = [...document.querySelectorAll<HTMLButtonElement>(".marks button")];
    expect(marks.map((b) => b.textContent)).toEqual(["Question 1: What is ALK? — 1:35", "Question 3: What are my options? — 12:34"]);
    await user.click(marks[1]!);
    expect(audio.currentTime).toBe(754);
    expect(playing).toEqual([audio]);
    expect(dom.getByRole("button", { name: "Pause" })).toBeTruthy();
  });

  it("says plainly when the recording could not be played", async () => {
    const { audio, user } = await show();
    vi.mocked(HTMLMediaElement.prototype.play).mockRejectedValueOnce(new DOMException("no", "NotSupportedError"));
    await user.click(dom.getByRole("button", { name: "Play" }));
    await waitFor(() => expect(dom.getByRole("alert").textContent).toContain("The recording could not be played. Please try again."));
    audio.dispatchEvent(new Event("error"));
    await waitFor(() => expect(dom.getByRole("alert").textContent).toContain("The sound file may be damaged."));
  });

  it("says plainly when the sound could not be read, and offers no controls", async () => {
    vi.stubGlobal("fetch", async () => new Response("", { status: 404 }));
    await show(row(9, { marks: marked.marks }));
    await waitFor(() => expect(dom.getByRole("alert").textContent).toContain("The recording could not be opened. Please try again later."));
    expect(document.querySelector("audio")).toBeNull();
    expect(dom.queryByText("Getting the recording ready…")).toBeNull();
    expect(document.querySelectorAll(".marks button")).toHaveLength(0);
  });

  it("says so when the sound is not on this computer, and still lists the marks", async () => {
    await show(row(8, { present: false, src: null, marks: marked.marks }));
    expect(document.querySelector("audio")).toBeNull();
    expect(document.getElementById("absent-8")?.textContent).toBe("The sound of this recording is not on this computer, so it cannot be played here.");
    expect(dom.queryByRole("button", { name: "Play" })).toBeNull();
    expect(dom.queryByRole("button", { name: "Save a copy of this recording" })).toBeNull();
    expect(document.querySelector(".marks")?.textContent).toContain("Question 3: What are my options? — 12:34");
    expect(document.querySelectorAll(".marks button")).toHaveLength(0);
  });

  it("saves a copy through the save dialog, and says nothing when it is cancelled", async () => {
    const rust = fakeRecorder();
    const { user } = await show();
    const message = () => document.querySelector(".recording .message")?.textContent?.trim();
    rust.copyName = null;
    await user.click(dom.getByRole("button", { name: "Save a copy of this recording" }));
    await waitFor(() => expect(rust.named("save_recording_copy")).toEqual([["save_recording_copy", { id: 7 }]]));
    expect(message()).toBe("");
    rust.copyName = "Appointment 15 January.mp3";
    await user.click(dom.getByRole("button", { name: "Save a copy of this recording" }));
    await waitFor(() => expect(message()).toBe("Saved a copy as Appointment 15 January.mp3."));
  });

  it("asks before removing, and removes only after a yes", async () => {
    const { onremove, user } = await show();
    await user.click(dom.getByRole("button", { name: "Remove the recording of Tuesday 15 January 2030 at 2:35 pm" }));
    expect(onremove).not.toHaveBeenCalled();
    expect(document.querySelector(".confirm")?.textContent).toContain("It goes to the bin, where it stays for 30 days.");
    await user.click(dom.getByRole("button", { name: "Yes, remove it" }));
    expect(onremove).toHaveBeenCalledTimes(1);
  });
});
