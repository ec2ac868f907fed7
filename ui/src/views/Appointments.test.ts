import { render, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import "../test/cssEscape";

import type { Appointment } from "../lib/api";
import { settleAll } from "../lib/autosave";
import { recordChanges } from "../lib/changes.svelte";
import Appointments from "./Appointments.svelte";

const appointment: Appointment = { id: 4, startsAt: "2030-01-15T14:30", withWhom: "Dr Nowak", place: "Clinic 4", purpose: "Scan results" };
const later: Appointment = { id: 5, startsAt: "2030-02-20T10:00", withWhom: "", place: "", purpose: "" };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Rust's appointments, with the bin and the kept half-typed form. `delay` holds each save back. */
function fakeStore(start: Appointment[], delay = 0) {
  let all = [...start];
  const drafts = new Map<string, Record<string, string>>();
  const removed = new Map<number, Appointment>();
  const calls: string[] = [];
  const sent: unknown[] = [];
  let nextId = 9;
  mockIPC((cmd, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push(cmd);
    const saveOne = () => {
      const saved = { id: (args.id as number | null) ?? nextId++, ...(args.input as object) } as Appointment;
      all = [...all.filter((a) => a.id !== saved.id), saved];
      return saved;
    };
    switch (cmd) {
      case "list_appointments":
        return [...all].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      case "get_draft":
        return drafts.get(args.form as string) ?? {};
      case "save_draft":
        drafts.set(args.form as string, args.fields as Record<string, string>);
        return null;
      case "save_appointment": {
        sent.push(args.input);
        if (delay) return new Promise((resolve) => setTimeout(() => resolve(saveOne()), delay));
        return saveOne();
      }
      case "add_appointment": {
        sent.push(args.input);
        const added = () => ({ appointment: saveOne(), questionsMoved: 0 });
        if (delay) return new Promise((resolve) => setTimeout(() => resolve(added()), delay));
        return added();
      }
      case "move_unbooked_questions":
        return 0;
      case "delete_appointment":
        removed.set(args.id as number, all.find((a) => a.id === args.id)!);
        all = all.filter((a) => a.id !== args.id);
        return null;
      case "restore_removed":
        all.push(removed.get(args.id as number)!);
        return null;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return { calls, sent, drafts };
}

const removeButton = (id: number) => document.querySelector<HTMLButtonElement>(`[data-focus="${id}:remove"]`)!;

async function show() {
  render(Appointments);
  await waitFor(() => expect(document.querySelector("#upcoming li")).not.toBeNull());
}

// "Today" is a month before the appointments above, so none of them is asked about as unusual.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2029, 11, 3, 10, 0));
});

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

describe("remove asks first", () => {
  it("does not remove an appointment until the patient says yes", async () => {
    const { calls } = fakeStore([appointment]);
    await show();
    const remove = [...document.querySelectorAll<HTMLButtonElement>("#upcoming button")].find((b) => b.textContent === "Remove")!;
    remove.click();
    await tick();
    await tick();
    expect(calls).not.toContain("delete_appointment");
    const keep = document.activeElement as HTMLButtonElement;
    expect(keep.textContent).toMatch(/^No/);
    keep.click();
    await waitFor(() => expect(document.activeElement).toBe(removeButton(4)));
    expect(calls).not.toContain("delete_appointment");

    // Escape is "no" too, and the focus goes back to Remove.
    remove.click();
    await tick();
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await waitFor(() => expect(document.activeElement).toBe(removeButton(4)));
    expect(document.querySelector(".confirm")).toBeNull();
    expect(calls).not.toContain("delete_appointment");

    // Yes removes it, to the bin, and Undo brings it back.
    remove.click();
    await tick();
    [...document.querySelectorAll<HTMLButtonElement>(".confirm button")].find((b) => b.textContent?.startsWith("Yes"))!.click();
    await waitFor(() => expect(document.querySelector("button.undo")).not.toBeNull());
    expect(calls).toContain("delete_appointment");
    expect(document.getElementById("upcoming")!.textContent).toContain("No upcoming appointments.");
    const undo = document.querySelector<HTMLButtonElement>("button.undo")!;
    // The focus goes to Undo.
    await waitFor(() => expect(document.activeElement).toBe(undo));
    // A hurried double click on Undo brings it back once, not once and then an error.
    undo.click();
    undo.click();
    await waitFor(() => expect(document.body.textContent).toContain("It is back."));
    expect(calls.filter((c) => c === "restore_removed")).toHaveLength(1);
    // Back in the list, with the focus on its Remove.
    await waitFor(() => expect(document.activeElement).toBe(removeButton(4)));
  });

  it("the banner and home are told when the appointments change", async () => {
    fakeStore([appointment]);
    let told = 0;
    const listener = () => (told += 1);
    const changed = recordChanges.changed.bind(recordChanges);
    const spy = vi.spyOn(recordChanges, "changed").mockImplementation((part) => {
      if (part === "appointments") listener();
      changed(part);
    });
    await show();
    await userEvent.click(removeButton(4));
    await userEvent.click(document.querySelector<HTMLButtonElement>(".confirm button.danger")!);
    await waitFor(() => expect(told).toBe(1));
    spy.mockRestore();
  });
});

describe("exactly what the patient meant", () => {
  const box = (id: string) => document.getElementById(id) as HTMLInputElement;
  const submit = () => userEvent.click(document.querySelector<HTMLButtonElement>(".record-form button[type=submit]")!);
  const message = () => document.getElementById("appt-message")!.textContent ?? "";

  it("reads 15/01/2030 and 1430 the UK way, says them back in words, and saves exactly that", async () => {
    const { sent } = fakeStore([]);
    await show();
    await userEvent.type(box("appt-date"), "15/01/2030");
    await userEvent.type(box("appt-time"), "1430");
    expect(document.getElementById("appt-date-said")!.textContent).toContain("Tuesday 15 January 2030");
    expect(document.getElementById("appt-time-said")!.textContent).toContain("2:30 pm");
    expect(box("appt-date").getAttribute("aria-describedby")).toContain("appt-date-said");
    await submit();
    await waitFor(() => expect(sent).toEqual([{ startsAt: "2030-01-15T14:30", withWhom: "", place: "", purpose: "" }]));
    await waitFor(() => expect(message()).toContain("Appointment added: Tuesday 15 January 2030 at 2:30 pm."));
  });

  it("reads 0930 as half past nine and 2.30pm as half past two in the afternoon", async () => {
    const { sent } = fakeStore([]);
    await show();
    await userEvent.type(box("appt-date"), "15/1/30");
    await userEvent.type(box("appt-time"), "0930");
    await submit();
    await waitFor(() => expect(sent).toHaveLength(1));
    await userEvent.type(box("appt-date"), "16/01/2030");
    await userEvent.type(box("appt-time"), "2.30pm");
    await submit();
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((a) => (a as { startsAt: string }).startsAt)).toEqual(["2030-01-15T09:30", "2030-01-16T14:30"]);
  });

  it("refuses 31/02/2026 in plain words, marks the box and keeps every word typed", async () => {
    const { calls } = fakeStore([]);
    await show();
    await userEvent.type(box("appt-date"), "31/02/2026");
    await userEvent.type(box("appt-time"), "14:30");
    await userEvent.type(box("appt-with"), "Dr Nowak");
    await submit();
    await waitFor(() => expect(message()).toContain("There is no 31 February in 2026. Please check the date."));
    expect(document.getElementById("appt-message")!.getAttribute("role")).toBe("alert");
    expect(box("appt-date").getAttribute("aria-invalid")).toBe("true");
    expect(box("appt-date").getAttribute("aria-describedby")).toContain("appt-message");
    expect(document.activeElement).toBe(box("appt-date"));
    expect(calls).not.toContain("save_appointment");
    expect(box("appt-date").value).toBe("31/02/2026");
    expect(box("appt-with").value).toBe("Dr Nowak");
  });

  it("uses the app's own messages, never the browser's: the form is novalidate", async () => {
    const { calls } = fakeStore([]);
    await show();
    const form = document.querySelector("form.record-form") as HTMLFormElement;
    expect(form.noValidate).toBe(true);
    expect(form.querySelector("[required]")).toBeNull();
    await submit();
    await waitFor(() => expect(message()).toContain("Please write the date, for example 15/01/2030."));
    expect(document.activeElement).toBe(box("appt-date"));
    await userEvent.type(box("appt-date"), "15/01/2030");
    await submit();
    await waitFor(() => expect(message()).toContain("Please write the time"));
    expect(box("appt-time").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(box("appt-time"));
    expect(calls).not.toContain("save_appointment");
  });

  it("asks once about a date that has passed; Enter keeps the form as it is", async () => {
    const { sent } = fakeStore([]);
    await show();
    await userEvent.type(box("appt-date"), "02/01/2020");
    await userEvent.type(box("appt-time"), "10:00");
    await submit();
    await waitFor(() => expect(document.querySelector(".confirm")?.textContent).toContain("That date has passed: Thursday 2 January 2020. Is that right?"));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(document.querySelector(".confirm")).toBeNull());
    expect(sent).toEqual([]);
    expect(document.activeElement).toBe(box("appt-date"));
    await submit();
    await waitFor(() => expect(document.querySelector(".confirm")).not.toBeNull());
    await userEvent.click([...document.querySelectorAll<HTMLButtonElement>(".confirm button")].find((b) => b.textContent?.startsWith("Yes"))!);
    await waitFor(() => expect(sent).toEqual([{ startsAt: "2020-01-02T10:00", withWhom: "", place: "", purpose: "" }]));
  });

  it("adds once, however often Add is pressed while the save is on its way", async () => {
    const { sent } = fakeStore([], 300);
    await show();
    await userEvent.type(box("appt-date"), "15/01/2030");
    await userEvent.type(box("appt-time"), "14:30");
    const add = document.querySelector<HTMLButtonElement>(".record-form button[type=submit]")!;
    await userEvent.dblClick(add);
    await userEvent.type(box("appt-with"), "{Enter}{Enter}");
    expect(add.getAttribute("aria-busy")).toBe("true");
    await waitFor(() => expect(message()).toContain("Appointment added"));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).toHaveLength(1);
  });

  it("keeps a half-typed form when the patient leaves the screen and comes back", async () => {
    const { drafts } = fakeStore([]);
    const first = render(Appointments);
    await waitFor(() => expect(document.querySelector("#upcoming li")).not.toBeNull());
    await userEvent.type(box("appt-with"), "Dr Nowak");
    await userEvent.type(box("appt-place"), "Clinic 4");
    await userEvent.type(box("appt-date"), "15/01/2030");
    // Leaving the screen saves every box first, as App does.
    expect(await settleAll()).toBe(true);
    first.unmount();
    expect(drafts.get("appointment")).toEqual({ withWhom: "Dr Nowak", place: "Clinic 4", date: "15/01/2030" });
    await show();
    await waitFor(() => expect(box("appt-with").value).toBe("Dr Nowak"));
    expect(box("appt-place").value).toBe("Clinic 4");
    expect(box("appt-date").value).toBe("15/01/2030");
    expect(document.getElementById("appt-date-said")!.textContent).toContain("Tuesday 15 January 2030");
  });
});

describe("adding and changing", () => {
  it("adds an appointment whose date was set without an input event, as a date picker may", async () => {
    const { sent } = fakeStore([]);
    await show();
    (document.getElementById("appt-date") as HTMLInputElement).value = "2030-01-15";
    (document.getElementById("appt-time") as HTMLInputElement).value = "14:30";
    await userEvent.type(document.getElementById("appt-with")!, "Dr Nowak");
    await userEvent.click(document.querySelector<HTMLButtonElement>(".record-form button[type=submit]")!);
    await waitFor(() => expect(document.getElementById("upcoming")!.textContent).toContain("Tuesday 15 January 2030 at 2:30 pm"));
    expect(sent).toEqual([{ startsAt: "2030-01-15T14:30", withWhom: "Dr Nowak", place: "", purpose: "" }]);
    expect(document.getElementById("appt-message")!.textContent).toContain("Appointment added: Tuesday 15 January 2030 at 2:30 pm.");
    expect((document.getElementById("appt-date") as HTMLInputElement).value).toBe("");
  });

  it("without a date it says so, marks the date box and puts the focus there", async () => {
    const { calls } = fakeStore([]);
    await show();
    await userEvent.type(document.getElementById("appt-with")!, "Dr Nowak");
    // The browser's own check of "required" is skipped, as a date box cleared by a picker can be.
    document.querySelector("form.record-form")!.dispatchEvent(new Event("submit", { cancelable: true }));
    const date = document.getElementById("appt-date")!;
    await waitFor(() => expect(date.getAttribute("aria-invalid")).toBe("true"));
    expect(date.getAttribute("aria-describedby")).toContain("appt-message");
    expect(document.getElementById("appt-message")!.textContent).toContain("Please write the date, for example 15/01/2030.");
    expect(document.getElementById("appt-message")!.getAttribute("role")).toBe("alert");
    expect(document.activeElement).toBe(date);
    expect(calls).not.toContain("save_appointment");
    expect((document.getElementById("appt-with") as HTMLInputElement).value).toBe("Dr Nowak");
  });

  it("names, places and purposes follow the writing's direction", async () => {
    fakeStore([appointment]);
    await show();
    const card = document.querySelector("#upcoming li.card")!;
    expect([...card.querySelectorAll("[dir=auto]")].map((el) => el.textContent)).toEqual(["Dr Nowak", "Clinic 4", "Scan results"]);
    expect(document.getElementById("appt-with")!.getAttribute("dir")).toBe("auto");
  });

  it("Escape while changing stops changing, empties the form and goes back to Change", async () => {
    const { calls } = fakeStore([appointment, later]);
    await show();
    const change = document.querySelector<HTMLButtonElement>('[data-focus="5:change"]')!;
    await userEvent.click(change);
    const date = document.getElementById("appt-date") as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(date));
    expect(date.value).toBe("20/02/2030");
    expect(document.querySelector(".record-form button[type=submit]")!.textContent).toBe("Save changes");
    await userEvent.type(document.getElementById("appt-place")!, "Ward 2");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(document.activeElement).toBe(change));
    expect(date.value).toBe("");
    expect((document.getElementById("appt-place") as HTMLInputElement).value).toBe("");
    expect(document.querySelector(".record-form button[type=submit]")!.textContent).toBe("Add appointment");
    expect(calls).not.toContain("save_appointment");
  });

  it("changes an appointment", async () => {
    const { sent } = fakeStore([appointment]);
    await show();
    await userEvent.click(document.querySelector<HTMLButtonElement>('[data-focus="4:change"]')!);
    const place = document.getElementById("appt-place") as HTMLInputElement;
    await userEvent.clear(place);
    await userEvent.type(place, "Clinic 7");
    await userEvent.click(document.querySelector<HTMLButtonElement>(".record-form button[type=submit]")!);
    await waitFor(() => expect(document.getElementById("upcoming")!.textContent).toContain("Clinic 7"));
    expect(sent).toEqual([{ startsAt: "2030-01-15T14:30", withWhom: "Dr Nowak", place: "Clinic 7", purpose: "Scan results" }]);
    expect(document.getElementById("appt-message")!.textContent).toContain("Appointment changed: Tuesday 15 January 2030 at 2:30 pm.");
  });
});

describe("add to my calendar", () => {
  /** The store above, with save_calendar answering as `answer` says. */
  function withCalendar(answer: (id: number | null) => unknown) {
    const sent: (number | null)[] = [];
    const store = fakeStore([appointment, later]);
    const plain = (window as unknown as { __TAURI_INTERNALS__: { invoke: (cmd: string, args: unknown) => Promise<unknown> } })
      .__TAURI_INTERNALS__.invoke;
    mockIPC(async (cmd, raw) => {
      if (cmd === "save_calendar") {
        const id = (raw as { id: number | null }).id;
        sent.push(id);
        return answer(id);
      }
      return plain(cmd, raw);
    });
    return { sent, store };
  }

  it("saves one coming appointment, and says where and what next", async () => {
    const { sent } = withCalendar(() => ({ fileName: "appointment-2030-01-15.ics", appointments: 1 }));
    await show();
    const button = document.querySelector<HTMLButtonElement>('[data-focus="4:calendar"]')!;
    expect(button.textContent).toBe("Add to my calendar");
    expect(button.getAttribute("aria-label")).toContain("Add to my calendar");
    await userEvent.click(button);
    await waitFor(() => expect(document.body.textContent).toContain("Saved appointment-2030-01-15.ics with 1 appointment. Open the file to add it to your calendar."));
    expect(sent).toEqual([4]);
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it("saves all coming appointments at once", async () => {
    const { sent } = withCalendar(() => ({ fileName: "my-appointments.ics", appointments: 2 }));
    await show();
    await userEvent.click(document.getElementById("calendar-all")!);
    await waitFor(() => expect(document.body.textContent).toContain("Saved my-appointments.ics with 2 appointments."));
    expect(sent).toEqual([null]);
  });

  it("says nothing when the save dialog is cancelled, and the plain message when it fails", async () => {
    let fail = false;
    withCalendar(() => {
      if (fail) throw { kind: "io", message: "The file could not be saved. Please try another folder." };
      return null;
    });
    await show();
    await userEvent.click(document.querySelector<HTMLButtonElement>('[data-focus="5:calendar"]')!);
    await tick();
    await tick();
    expect(document.body.textContent).not.toContain("Saved");
    fail = true;
    await userEvent.click(document.querySelector<HTMLButtonElement>('[data-focus="5:calendar"]')!);
    await waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toContain("could not be saved"));
  });
});
