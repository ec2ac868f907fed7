// Bringing in a backup, a safety copy or deleting everything asks first, with the safe choice focused.
import { render, screen as dom, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { BackupPreview, Snapshot } from "../lib/api";
import { recordChanges } from "../lib/changes.svelte";
import "../test/cssEscape";
import Backup from "./Backup.svelte";

const preview: BackupPreview = {
  exportedAt: "2026-11-27T10:00:00Z",
  appointments: 1,
  questions: 2,
  notes: 3,
  checklistSteps: 0,
  treatments: 0,
  diaryEntries: 1,
  checkups: 0,
  contacts: 1,
};
const copy: Snapshot = { name: "daily-1.sqlite3", takenAt: "2026-11-26T09:30:00Z", reason: "daily" };

function fake(copies: Snapshot[] = [], recordingsBytes = 0) {
  const calls: string[] = [];
  const sent: unknown[] = [];
  mockIPC((cmd, args) => {
    calls.push(cmd);
    switch (cmd) {
      case "recordings_size":
        return recordingsBytes;
      case "preview_backup":
      case "preview_snapshot":
        return preview;
      case "list_snapshots":
        return [...copies];
      case "export_backup":
        sent.push(args);
        return { fileName: "alk-companion-backup-2026-11-28.json", bytes: 100 };
      case "import_backup":
      case "restore_snapshot":
      case "delete_snapshots":
      case "delete_all_data":
        return null;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return Object.assign(calls, { sent });
}

afterEach(() => {
  clearMocks();
});

describe("bringing in a backup", () => {
  it("focuses the safe choice, so one Enter changes nothing", async () => {
    const calls = fake();
    const user = userEvent.setup();
    render(Backup);
    const bring = dom.getByRole("button", { name: "Bring in a backup file" });
    await user.click(bring);
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^No/));
    expect(document.getElementById("backup-preview")!.textContent).toContain(
      "It holds 1 appointment, 2 questions, 3 notes, 0 treatments, 1 diary entry, 0 scans and check-ups, 0 checklist steps, 1 care team contact.",
    );
    await user.keyboard("{Enter}");
    expect(calls).not.toContain("import_backup");
    expect(document.getElementById("backup-status")!.textContent).toContain("Nothing was changed.");
    expect(document.activeElement).toBe(bring);

    // Escape is no too.
    await user.click(bring);
    await waitFor(() => expect(document.querySelector(".confirm")).not.toBeNull());
    await user.keyboard("{Escape}");
    expect(document.querySelector(".confirm")).toBeNull();
    expect(calls).not.toContain("import_backup");
  });

  it("brings it in after a yes, and tells the banner", async () => {
    const calls = fake();
    const told = vi.spyOn(recordChanges, "changed");
    const user = userEvent.setup();
    render(Backup);
    await user.click(dom.getByRole("button", { name: "Bring in a backup file" }));
    await user.click(await waitFor(() => dom.getByRole("button", { name: "Yes, replace what is here" })));
    await waitFor(() => expect(document.getElementById("backup-status")!.textContent).toContain("Your information from the backup is here now."));
    expect(calls).toContain("import_backup");
    expect(told).toHaveBeenCalled();
    told.mockRestore();
  });
});

describe("backups and safety copies", () => {
  it("says the file's name after saving a backup", async () => {
    fake();
    const user = userEvent.setup();
    render(Backup);
    await user.click(dom.getByRole("button", { name: "Save a backup file" }));
    await waitFor(() => expect(document.getElementById("backup-status")!.textContent).toContain("Saved alk-companion-backup-2026-11-28.json."));
    expect(document.getElementById("backup-status")!.getAttribute("role")).toBe("status");
  });

  it("offers the recordings only when there are some, with their size, unticked", async () => {
    const calls = fake();
    const user = userEvent.setup();
    render(Backup);
    await waitFor(() => expect(calls).toContain("recordings_size"));
    expect(dom.queryByRole("checkbox")).toBeNull();
    await user.click(dom.getByRole("button", { name: "Save a backup file" }));
    await waitFor(() => expect(calls.sent).toEqual([{ withRecordings: false }]));
  });

  it("sends the choice to carry the recordings", async () => {
    const calls = fake([], 23_600_000);
    const user = userEvent.setup();
    render(Backup);
    const box = await waitFor(() => dom.getByRole<HTMLInputElement>("checkbox", { name: "Include my recordings (about 24 MB)" }));
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute("aria-describedby")!)!.textContent!.trim()).toBe(
      "They make the backup file bigger. Without them, the backup keeps when each recording was made and your marks, but not the sound.",
    );
    const save = dom.getByRole("button", { name: "Save a backup file" });
    await user.click(save);
    await user.click(box);
    await user.click(save);
    await waitFor(() => expect(calls.sent).toEqual([{ withRecordings: false }, { withRecordings: true }]));
  });

  it("shows what a safety copy holds before bringing it back, then keeps the focus on it", async () => {
    const calls = fake([copy]);
    const user = userEvent.setup();
    render(Backup);
    const list = document.getElementById("safety-copies")!;
    const look = await waitFor(() => within(list).getByRole("button", { name: "Look and bring back the safety copy of 26 November 2026 at 09:30 (UTC)" }));
    expect(list.textContent).toContain("the first time the app was opened that day");
    await user.click(look);
    const question = await waitFor(() => within(list).getByRole("alertdialog"));
    expect(question.textContent).toContain("It holds 1 appointment, 2 questions, 3 notes");
    await user.keyboard("{Escape}");
    expect(document.activeElement).toBe(look);
    expect(calls).not.toContain("restore_snapshot");

    await user.click(look);
    await user.click(await waitFor(() => dom.getByRole("button", { name: "Yes, bring it back" })));
    await waitFor(() => expect(document.getElementById("backup-status")!.textContent).toContain("The safety copy is back."));
    expect(calls).toContain("restore_snapshot");
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe(look.getAttribute("aria-label")));
  });

  it("asks before deleting everything, and before deleting the safety copies", async () => {
    const calls = fake([copy]);
    const user = userEvent.setup();
    render(Backup);
    const all = dom.getByRole("button", { name: "Delete all my information" });
    await user.click(all);
    expect(document.activeElement?.textContent).toBe("No, keep it");
    await user.keyboard("{Enter}");
    expect(document.activeElement).toBe(all);
    await user.click(all);
    await user.click(dom.getByRole("button", { name: "Yes, delete everything" }));
    await waitFor(() => expect(document.getElementById("backup-status")!.textContent).toContain("has been deleted"));
    expect(calls.filter((c) => c === "delete_all_data")).toHaveLength(1);

    const copies = dom.getByRole("button", { name: "Delete all safety copies" });
    await user.click(copies);
    await user.keyboard("{Escape}");
    expect(document.activeElement).toBe(copies);
    expect(calls).not.toContain("delete_snapshots");
    await user.click(copies);
    await user.click(dom.getByRole("button", { name: "Yes, delete the safety copies" }));
    await waitFor(() => expect(document.getElementById("backup-status")!.textContent).toContain("The safety copies are deleted."));
    expect(calls).toContain("delete_snapshots");
  });
});
