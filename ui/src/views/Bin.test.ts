import { render, screen as dom, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import { live } from "../lib/announce.svelte";
import type { Content, RemovedItem } from "../lib/api";
import { recordChanges } from "../lib/changes.svelte";
import { recordLabels, relabelled } from "../test/content";
import "../test/cssEscape";
import WithApp from "../test/WithApp.svelte";
import Bin from "./Bin.svelte";

const content = {
  questions: [{ id: "q1", text: "What are my options?" }],
  retiredQuestions: [],
  record: { drugs: [{ id: "alectinib", name: "Alectinib" }], sideEffects: [{ id: "rash", name: "Rash", group: "sideEffect" }], rhythm: [], labels: recordLabels },
} as unknown as Content;

const removed = (kind: RemovedItem["kind"], id: number, extra: Partial<RemovedItem> = {}): RemovedItem => ({
  kind,
  id,
  removedAt: "2026-11-20T10:00:00Z",
  date: null,
  refId: null,
  text: "",
  ...extra,
});

function fakeBin(start: RemovedItem[]) {
  let items = [...start];
  const calls: [string, unknown][] = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    const { kind, id } = (args ?? {}) as { kind: string; id: number };
    switch (cmd) {
      case "list_removed":
        return [...items];
      case "restore_removed":
        items = items.filter((i) => !(i.kind === kind && i.id === id));
        return null;
      case "empty_bin":
        items = [];
        return null;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return { calls };
}

function show(shown = content) {
  const user = userEvent.setup();
  render(WithApp, { props: { app: { content: shown, show: vi.fn() }, view: Bin, props: {} } });
  return user;
}

afterEach(() => {
  clearMocks();
  live.text = "";
});

describe("the bin", () => {
  it("names each thing in words and brings one back, with the focus on the next one's Bring back", async () => {
    const bin = fakeBin([
      removed("diaryEntry", 1, { refId: "rash", date: "2026-03-03" }),
      removed("question", 1, { refId: "q1" }),
      removed("note", 4, { text: "\n  Ask about the scan\nmore" }),
    ]);
    const user = show();
    const list = await waitFor(() => {
      const ul = document.getElementById("removed")!;
      expect(ul.querySelectorAll("li[data-kind]")).toHaveLength(3);
      return ul;
    });
    expect([...list.querySelectorAll("li")].map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Diary entry: Rash, 3 March 2026. Removed 20 November 2026. Bring back",
      "Question: What are my options?. Removed 20 November 2026. Bring back",
      "Note: Ask about the scan. Removed 20 November 2026. Bring back",
    ]);
    // A diary entry and a question may share an id; each has its own button.
    await user.click(within(list).getByRole("button", { name: "Bring back: Rash, 3 March 2026" }));
    await waitFor(() => expect(list.querySelectorAll("li[data-kind]")).toHaveLength(2));
    expect(bin.calls).toContainEqual(["restore_removed", { kind: "diaryEntry", id: 1 }]);
    expect(document.querySelector(".bin p.message")!.textContent).toContain("Diary entry brought back.");
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Bring back: What are my options?"));
    await waitFor(() => expect(live.text).toBe("Diary entry brought back."));
  });

  it("tells the banner when a care team contact comes back, and ends on Empty when the bin is empty", async () => {
    fakeBin([removed("contact", 2, { text: "Acute oncology line", refId: "Nurse" })]);
    const told = vi.spyOn(recordChanges, "changed");
    const user = show();
    await user.click(await waitFor(() => dom.getByRole("button", { name: "Bring back: Acute oncology line, Nurse" })));
    await waitFor(() => expect(document.getElementById("removed")!.textContent).toContain("The bin is empty."));
    expect(told).toHaveBeenCalledOnce();
    await waitFor(() => expect(document.activeElement?.id).toBe("empty-bin"));
    told.mockRestore();
  });

  it("asks before emptying: no and Escape keep everything, yes empties it", async () => {
    const bin = fakeBin([removed("note", 4, { text: "Ask about the scan" })]);
    const user = show();
    const empty = await waitFor(() => dom.getByRole("button", { name: "Empty the bin now" }));
    await user.click(empty);
    expect(document.activeElement?.textContent).toBe("No, keep it");
    await user.keyboard("{Enter}");
    expect(document.activeElement).toBe(empty);
    await user.click(empty);
    await user.keyboard("{Escape}");
    expect(document.querySelector(".confirm")).toBeNull();
    expect(document.activeElement).toBe(empty);
    expect(bin.calls.map(([c]) => c)).not.toContain("empty_bin");

    await user.click(empty);
    await user.click(dom.getByRole("button", { name: "Yes, empty the bin" }));
    await waitFor(() => expect(document.getElementById("removed")!.textContent).toContain("The bin is empty."));
    expect(bin.calls.map(([c]) => c)).toContain("empty_bin");
    expect(document.querySelector(".bin p.message")!.getAttribute("role")).toBe("status");
  });

  it("names each kind of thing in the words Rust sent, in the list and when it comes back", async () => {
    fakeBin([removed("diaryEntry", 1, { refId: "rash", date: "2026-03-03" }), removed("contact", 2, { text: "Acute oncology line" })]);
    const user = show({ ...content, record: { ...content.record, labels: relabelled } });
    const list = await waitFor(() => {
      const ul = document.getElementById("removed")!;
      expect(ul.querySelectorAll("li[data-kind]")).toHaveLength(2);
      return ul;
    });
    expect([...list.querySelectorAll("li strong")].map((s) => s.textContent)).toEqual(["Diary entry (as sent): ", "Care team contact (as sent): "]);
    await user.click(within(list).getByRole("button", { name: "Bring back: Rash, 3 March 2026" }));
    await waitFor(() => expect(document.querySelector(".bin p.message")!.textContent).toContain("Diary entry (as sent) brought back."));
  });

  it("names a scan or check-up in the words Rust sent", async () => {
    fakeBin([removed("checkup", 1, { refId: "headScan", date: "2026-03-03" })]);
    show({ ...content, record: { ...content.record, labels: relabelled } });
    await waitFor(() => expect(document.getElementById("removed")!.textContent).toContain("Head scan (as sent), 3 March 2026"));
  });

  it("names a recording by when it was made and who the appointment was with", async () => {
    const bin = fakeBin([removed("recording", 7, { date: "2030-01-15T14:35", text: "Dr Nowak" })]);
    const user = show();
    await user.click(await waitFor(() => dom.getByRole("button", { name: "Bring back: Tuesday 15 January 2030 at 2:35 pm, Dr Nowak" })));
    expect(bin.calls).toContainEqual(["restore_removed", { kind: "recording", id: 7 }]);
    await waitFor(() => expect(document.querySelector(".bin p.message")!.textContent).toContain("Recording brought back."));
  });
});
