// Removing something the patient typed asks first, in the page, with the safe choice focused.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import { renderAppointments } from "./appointments";
import { renderBackup } from "./backup";

const appointment = { id: 4, startsAt: "2030-01-15T14:30", withWhom: "Dr Nowak", place: "Clinic 4", purpose: "Scan results" };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("remove asks first", () => {
  afterEach(() => {
    clearMocks();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it("does not remove an appointment until the patient says yes", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "list_appointments") return [appointment];
      if (cmd === "delete_appointment") return null;
      if (cmd === "restore_removed") return null;
      throw new Error(`unexpected ${cmd}`);
    });
    // Under tauri-plugin-dialog, window.confirm answers with a Promise, which is always "truthy".
    vi.stubGlobal("confirm", () => Promise.resolve(false));
    const view = await renderAppointments();
    document.body.append(view);
    const remove = [...view.querySelectorAll<HTMLButtonElement>("#upcoming button")].find((b) => b.textContent === "Remove")!;
    remove.click();
    await tick();
    await tick();
    expect(calls).not.toContain("delete_appointment");
    const keep = document.activeElement as HTMLButtonElement;
    expect(keep.textContent).toMatch(/^No/);
    keep.click();
    await tick();
    expect(calls).not.toContain("delete_appointment");

    // Escape is "no" too.
    remove.click();
    await tick();
    (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await tick();
    expect(calls).not.toContain("delete_appointment");

    // Yes removes it, to the bin, and Undo brings it back.
    remove.click();
    await tick();
    [...view.querySelectorAll<HTMLButtonElement>(".confirm button")].find((b) => b.textContent?.startsWith("Yes"))!.click();
    await tick();
    await tick();
    expect(calls).toContain("delete_appointment");
    const undo = view.querySelector<HTMLButtonElement>("button.undo")!;
    expect(document.activeElement).toBe(undo);
    // A hurried double click on Undo brings it back once, not once and then an error.
    undo.click();
    undo.click();
    await tick();
    await tick();
    expect(calls.filter((c) => c === "restore_removed")).toHaveLength(1);
    expect(view.textContent).toContain("It is back.");
  });
});

describe("bringing in a backup", () => {
  afterEach(() => {
    clearMocks();
    document.body.replaceChildren();
  });

  it("focuses the safe choice, so one Enter changes nothing", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "preview_backup") {
        return { exportedAt: "2026-11-27T10:00:00Z", appointments: 1, questions: 2, notes: 3, checklistSteps: 0, treatments: 0, diaryEntries: 0, checkups: 0 };
      }
      if (cmd === "list_snapshots") return [];
      return null;
    });
    const view = renderBackup();
    document.body.append(view);
    const bring = [...view.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Bring in a backup file")!;
    bring.click();
    await tick();
    await tick();
    const focused = document.activeElement as HTMLButtonElement;
    expect(focused.textContent).toMatch(/^No/);
    expect(calls).not.toContain("import_backup");
  });
});
