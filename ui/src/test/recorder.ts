// A stand-in for Rust's recording commands (and the few others the recording screens call), for
// tests through mockIPC. The test moves the recording's clock and gives it a problem.
import { cleanup } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { vi } from "vitest";

import type { Appointment, Microphone, PlanQuestion, RecordingMark, RecordingNow, RecordingRow } from "../lib/api";
import { live } from "../lib/announce.svelte";
import { list } from "../lib/list.svelte";
import { recorder, stopRecording } from "../lib/recording.svelte";
import { appContent } from "./content";
import { noHome } from "./first";

export const MICROPHONES: Microphone[] = [
  { id: "usual", name: "Built-in microphone", isDefault: true },
  { id: "usb", name: "USB headset", isDefault: false },
];

export const APPOINTMENT: Appointment = { id: 4, startsAt: "2030-01-15T14:30", withWhom: "Dr Nowak", place: "Clinic 4", purpose: "" };

export function planned(id: number, questionId: string | null, ownText: string | null = null): PlanQuestion {
  return { id, appointmentId: APPOINTMENT.id, questionId, ownText, top3: false, answer: "", asked: false };
}

export function row(id: number, extra: Partial<RecordingRow> = {}): RecordingRow {
  return {
    id,
    appointmentId: APPOINTMENT.id,
    startedAt: "2030-01-15T14:35",
    durationMs: 42 * 60_000,
    recovered: false,
    present: true,
    src: `http://asset.localhost/recording-${id}.mp3`,
    marks: [],
    ...extra,
  };
}

export interface FakeOptions {
  consent?: boolean;
  /** What list_microphones answers, or the error it throws. */
  microphones?: Microphone[] | { kind: string; message: string };
  recordings?: RecordingRow[];
  plan?: PlanQuestion[];
  appointments?: Appointment[];
  /** How long each named command takes, in ms. */
  delay?: Record<string, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rust's recording commands over one store. Every call is kept in `calls`, in order. */
export function fakeRecorder(options: FakeOptions = {}) {
  const rows = [...(options.recordings ?? [])];
  const fake = {
    calls: [] as [string, Record<string, unknown>][],
    consent: options.consent ?? true,
    /** The recording's clock, as Rust would say it next. */
    elapsedMs: 0,
    heardSound: true,
    /** Set to make the recording stop on its own. */
    problem: null as string | null,
    going: null as RecordingNow | null,
    rows,
    removed: [] as RecordingRow[],
    /** What the save dialog gives back: null when the patient cancels it. */
    copyName: "recording.mp3" as string | null,
    /** The names of the commands called, in order. */
    named: (cmd: string) => fake.calls.filter(([c]) => c === cmd),
  };
  let nextId = Math.max(0, ...rows.map((r) => r.id)) + 1;
  mockIPC(async (cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    fake.calls.push([cmd, args]);
    // Rust answers as things are when it is asked; a delay holds the answer back on its way.
    let answer: { value: unknown } | { error: unknown };
    try {
      answer = { value: respond(cmd, args) };
    } catch (error) {
      answer = { error };
    }
    const wait = options.delay?.[cmd];
    if (wait) await sleep(wait);
    if ("error" in answer) throw answer.error;
    return answer.value;
  });

  function respond(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "get_recording_consent":
        return fake.consent;
      case "set_recording_consent_seen":
        fake.consent = true;
        return null;
      case "list_microphones":
        if (options.microphones && !Array.isArray(options.microphones)) throw options.microphones;
        return options.microphones ?? MICROPHONES;
      case "start_recording": {
        if (args.agreed !== true) throw { kind: "invalidInput", message: "Please tick that your doctor or nurse has agreed." };
        if (fake.going) throw { kind: "invalidInput", message: "A recording is going already." };
        const id = nextId++;
        fake.going = { id, appointmentId: args.appointmentId as number, elapsedMs: 0, heardSound: true, problem: null };
        rows.push(row(id, { appointmentId: args.appointmentId as number, durationMs: 0 }));
        return { ...fake.going };
      }
      case "recording_now":
        return fake.going ? { ...fake.going, elapsedMs: fake.elapsedMs, heardSound: fake.heardSound, problem: fake.problem } : null;
      case "stop_recording": {
        if (!fake.going) throw { kind: "invalidInput", message: "Nothing is being recorded." };
        const saved = rows.find((r) => r.id === fake.going?.id)!;
        saved.durationMs = fake.elapsedMs;
        fake.going = null;
        return { recording: { ...saved }, problem: fake.problem };
      }
      case "mark_answer": {
        if (!fake.going) throw { kind: "invalidInput", message: "Nothing is being recorded." };
        const saved = rows.find((r) => r.id === fake.going?.id)!;
        const mark: RecordingMark = { recordingId: saved.id, planQuestionId: args.planQuestionId as number, atMs: fake.elapsedMs };
        saved.marks = [...saved.marks.filter((m) => m.planQuestionId !== mark.planQuestionId), mark];
        return mark;
      }
      case "list_recordings":
        return rows.filter((r) => r.appointmentId === args.appointmentId).map((r) => ({ ...r, marks: [...r.marks] }));
      case "remove_recording": {
        const at = rows.findIndex((r) => r.id === args.id);
        fake.removed.push(...rows.splice(at, 1));
        return null;
      }
      case "restore_removed": {
        const back = fake.removed.find((r) => r.id === args.id)!;
        rows.push(back);
        return null;
      }
      case "save_recording_copy":
        return fake.copyName;
      case "get_content":
        return appContent;
      case "get_home":
        return noHome;
      case "show_window":
        return null;
      case "dismiss_recovered_recordings":
        return null;
      case "list_appointments":
        return options.appointments ?? [APPOINTMENT];
      case "get_plan":
        return options.plan ?? [];
      case "list_contacts":
        return [];
      case "get_draft":
        return {};
      case "save_draft":
      case "close_window":
        return null;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  }
  return fake;
}

/** Leaves no recording going and nothing on the bar, for the next test. */
export async function forgetRecording(): Promise<void> {
  const going = recorder.now;
  if (going) {
    // Whatever the test's own stand-in says now, this stop is saved.
    mockIPC((cmd) => (cmd === "stop_recording" ? { recording: row(going.id), problem: null } : null));
    await stopRecording();
  }
  recorder.ended = null;
  recorder.stopProblem = "";
  recorder.label = "";
  recorder.marks = [];
  recorder.markedFor = null;
}

/** The web view's reading of a recording's sound into memory, which jsdom does not have: the
 * addresses read, and the memory given back. Each sound is 3 bytes, so its address is blob:sound-of-3. */
export function fakeSounds() {
  const sounds = { fetched: [] as string[], freed: [] as string[] };
  vi.stubGlobal("fetch", async (url: string) => {
    sounds.fetched.push(url);
    return new Response(new Uint8Array([73, 68, 51]), { headers: { "content-type": "audio/mpeg" } });
  });
  URL.createObjectURL = (blob: Blob) => `blob:sound-of-${blob.size}`;
  URL.revokeObjectURL = (url: string) => void sounds.freed.push(url);
  return sounds;
}

/** After each test: the page gone, no recording going, and the shared list and live region as at start. */
export async function tidyUp(): Promise<void> {
  cleanup();
  await forgetRecording();
  clearMocks();
  list.id = null;
  list.picked = false;
  live.text = "";
  vi.unstubAllGlobals();
}
