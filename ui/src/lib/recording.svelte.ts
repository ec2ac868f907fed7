// The recording going now, shared by every screen: the bar at the top shows it with Stop, the
// appointment's page and its question list start it, and each question marks it. Rust owns the
// recording; this module asks it about once a second how it is going.
import { announce } from "./announce.svelte";
import { api, asApiError, type RecordingMark, type RecordingNow, type RecordingRow } from "./api";
import { beforeClose } from "./closing.svelte";
import { lengthWords } from "./recording";

/** How often Rust is asked how the recording is going. */
export const POLL_MS = 1000;

/** How a recording ended: saved, and if it stopped on its own, why. */
export interface Ended {
  row: RecordingRow;
  problem: string;
}

class Recorder {
  /** The recording going now, as Rust said last. */
  now: RecordingNow | null = $state(null);
  /** The words for its appointment, for the bar: "Tuesday 15 January 2030 at 2:30 pm". */
  label = $state("");
  starting = $state(false);
  stopping = $state(false);
  /** Marks made in the last recording started, newest last; kept after it stops until its
   * appointment's recordings are listed again. */
  marks: RecordingMark[] = $state([]);
  /** The appointment those marks are on. */
  markedFor: number | null = $state(null);
  /** The last recording that ended, until the patient closes the message. */
  ended: Ended | null = $state(null);
  /** Why Stop did not work, in plain words; the recording is still going. */
  stopProblem = $state("");
  /** Goes up each time a recording is saved, so views that list recordings load them again. */
  saves = $state(0);
}

export const recorder = new Recorder();

let timer: ReturnType<typeof setInterval> | undefined;
let asking = false;
let starting: Promise<unknown> = Promise.resolve();
let stopping: Promise<boolean> | null = null;

function watch() {
  clearInterval(timer);
  timer = setInterval(() => void poll(), POLL_MS);
}

function unwatch() {
  clearInterval(timer);
  timer = undefined;
}

async function poll() {
  const id = recorder.now?.id;
  // One question at a time; none while Stop is on its way.
  if (asking || id === undefined || recorder.stopping) return;
  asking = true;
  try {
    const now = await api.recordingNow();
    // Stopped while Rust was answering: the answer is old news.
    if (recorder.now?.id !== id || recorder.stopping) return;
    if (!now || now.id !== id) {
      unwatch();
      recorder.now = null;
      recorder.saves += 1;
      return;
    }
    recorder.now = now;
    if (now.problem) await stopRecording(now.problem);
  } catch {
    // One missed answer loses nothing: the next one comes in a second.
  } finally {
    asking = false;
  }
}

/** Picks up a recording Rust is making already (the page was loaded again while recording), as
 * the first screen's answer said. */
export async function resumeRecording(now: RecordingNow | null): Promise<void> {
  if (now && !recorder.now && !recorder.starting) {
    recorder.now = now;
    watch();
    if (now.problem) await stopRecording(now.problem);
  }
}

/** Starts recording the appointment. A second press while the first is on its way starts
 * nothing. Throws Rust's refusal (not agreed, one going already, no microphone). */
export async function startRecording(appointmentId: number, label: string, microphoneId: string | null, agreed: boolean): Promise<void> {
  if (recorder.now || recorder.starting) return;
  recorder.starting = true;
  recorder.ended = null;
  recorder.stopProblem = "";
  const started = api.startRecording(appointmentId, microphoneId, agreed);
  starting = started.catch(() => undefined);
  try {
    recorder.now = await started;
    recorder.label = label;
    recorder.marks = [];
    recorder.markedFor = appointmentId;
    watch();
    announce("Recording started. Stop recording is at the top of the page.");
  } finally {
    recorder.starting = false;
  }
}

/** Stops and saves the recording; `problem` is why it stopped on its own. Pressing Stop again
 * while it is stopping waits for the same stop. True once it is saved. */
export function stopRecording(problem = ""): Promise<boolean> {
  if (stopping) return stopping;
  if (!recorder.now) return Promise.resolve(true);
  recorder.stopping = true;
  recorder.stopProblem = "";
  stopping = (async () => {
    try {
      const saved = await api.stopRecording();
      unwatch();
      recorder.now = null;
      recorder.ended = { row: saved.recording, problem: problem || (saved.problem ?? "") };
      recorder.saves += 1;
      // A recording that stopped on its own is said by the bar's alert instead.
      if (!recorder.ended.problem) announce(`Recording stopped and saved. It is ${lengthWords(saved.recording.durationMs)} long.`);
      return true;
    } catch (error) {
      recorder.stopProblem = asApiError(error).message;
      return false;
    } finally {
      recorder.stopping = false;
      stopping = null;
    }
  })();
  return stopping;
}

/** "They are answering this now" on a question of the appointment being recorded. */
export async function markAnswer(planQuestionId: number): Promise<RecordingMark> {
  const mark = await api.markAnswer(planQuestionId);
  if (recorder.now?.id === mark.recordingId) {
    recorder.marks = [...recorder.marks.filter((m) => m.planQuestionId !== planQuestionId), mark];
  }
  return mark;
}

/** Before the window closes: a recording still starting is let start, then it is stopped and saved. */
async function finishForClose(): Promise<void> {
  await starting;
  await stopRecording();
}

beforeClose(finishForClose);
