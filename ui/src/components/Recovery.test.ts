import { render, screen as dom, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import App from "../App.svelte";
import type { BackupPreview, Recovery as Found } from "../lib/api";
import { recordChanges } from "../lib/changes.svelte";
import { screen } from "../lib/screen.svelte";
import { firstScreen } from "../test/first";
import Recovery from "./Recovery.svelte";

const recovery: Found = {
  movedTo: "alk-companion.damaged-1.sqlite3",
  newestCopy: { name: "daily-1.sqlite3", takenAt: "2026-11-26T09:30:00Z", reason: "daily" },
};
const preview: BackupPreview = {
  exportedAt: "2026-11-26T09:30:00Z",
  appointments: 0,
  questions: 0,
  notes: 1,
  checklistSteps: 0,
  treatments: 0,
  diaryEntries: 0,
  checkups: 0,
  contacts: 0,
};

function fake() {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    switch (cmd) {
      case "preview_snapshot":
        return preview;
      case "restore_snapshot":
        return null;
      case "list_appointments":
      case "list_contacts":
      case "get_plan":
        return [];
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return calls;
}

afterEach(() => {
  clearMocks();
  screen.welcomed = false;
});

describe("the notice after a damaged store", () => {
  it("is shown by the app above the page when there was a recovery", async () => {
    fake();
    screen.welcomed = true;
    render(App, { props: { first: firstScreen({ recovery }) } });
    const notice = document.getElementById("notice")!;
    expect(within(notice).getByRole("heading", { name: "Your saved information could not be read" })).toBeTruthy();
    expect(notice.textContent).toContain("alk-companion.damaged-1.sqlite3");
  });

  it("shows what the safety copy holds, keeps it on no, and brings it back on yes", async () => {
    const calls = fake();
    const told = vi.spyOn(recordChanges, "changed");
    const user = userEvent.setup();
    render(Recovery, { props: { recovery } });
    const look = dom.getByRole("button", { name: "Look at the safety copy of 26 November 2026 at 09:30 (UTC)" });
    expect(look.id).toBe("bring-back-copy");

    await user.click(look);
    const question = await waitFor(() => document.querySelector<HTMLElement>(".recovery .confirm")!);
    expect(question.textContent).toContain("holds 0 appointments, 0 questions, 1 note");
    expect(document.activeElement?.textContent).toBe("No, not now");
    await user.keyboard("{Escape}");
    expect(document.activeElement).toBe(look);
    expect(calls).not.toContain("restore_snapshot");

    await user.click(look);
    await user.click(await waitFor(() => within(document.querySelector<HTMLElement>(".recovery .confirm")!).getByRole("button", { name: "Yes, bring it back" })));
    await waitFor(() => expect(document.querySelector(".recovery")!.textContent).toContain("is back"));
    expect(calls).toContain("restore_snapshot");
    expect(document.getElementById("bring-back-copy")).toBeNull();
    expect(document.activeElement?.textContent).toBe("Done. Your information from the safety copy is back.");
    expect(told).toHaveBeenCalledTimes(2);
    told.mockRestore();
  });

  it("says where to look when there is no safety copy", () => {
    fake();
    render(Recovery, { props: { recovery: { ...recovery, newestCopy: null } } });
    expect(dom.queryByRole("button")).toBeNull();
    expect(document.querySelector(".recovery")!.textContent).toContain("you can bring it in under Backup");
  });
});
