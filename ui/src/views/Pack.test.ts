import { render, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import "../test/cssEscape";

import type { Content, PackPreview, PackSettings, SavedPack } from "../lib/api";
import { list } from "../lib/list.svelte";
import WithApp from "../test/WithApp.svelte";
import Pack from "./Pack.svelte";

const content = { topics: [], questions: [{ id: "q1", topic: "t", text: "What are my options?" }], retiredQuestions: [] } as unknown as Content;
const remembered: PackSettings = {
  parts: { cover: true, summary: true, questions: true, checklist: false, notes: true, diary: false, treatments: false },
  patientName: "",
  options: { paper: "a4", printSize: "normal" },
  appointmentId: null,
  noteIds: [],
  webPage: false,
};
const preview = (pages: number): PackPreview => ({
  pages,
  pageWidth: 595,
  pageHeight: 842,
  parts: [{ title: "My questions", page: 1 }],
  firstPage: [
    { x: 50, top: 60, size: 20, bold: true, text: "My appointment pack", rule: false },
    { x: 0, top: 100, size: 0, bold: false, text: "", rule: true },
  ],
});

let calls: string[] = [];
let previews: PackSettings[] = [];

function mock(slowFirstPreview = false) {
  calls = [];
  previews = [];
  mockIPC(async (cmd, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push(cmd);
    switch (cmd) {
      case "list_appointments":
        return [];
      case "get_pack_settings":
        return structuredClone(remembered);
      case "list_notes":
        return [{ id: 7, text: "\nBring the scan letter\nmore", appointmentId: null, createdAt: "2026-01-02T10:00:00Z", updatedAt: "2026-01-02T10:00:00Z", deletedAt: null }];
      case "get_plan":
        return [{ id: 1, appointmentId: null, questionId: "q1", ownText: null, top3: true, answer: "", asked: false }];
      case "preview_pack": {
        const settings = args.settings as PackSettings;
        previews.push(settings);
        const n = previews.length;
        // The first one answers last, after a newer one.
        if (slowFirstPreview && n === 1) await new Promise((resolve) => setTimeout(resolve, 600));
        return preview(settings.options.printSize === "large" ? 9 : 4);
      }
      case "save_pack":
        return { fileName: "appointment-pack.pdf", pages: 4, bytes: 1000 };
      case "open_pack":
        return null;
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

function show(detail?: string) {
  render(WithApp, { props: { app: { content, show: () => {} }, view: Pack, props: { detail } } });
}

beforeEach(() => Object.assign(list, { id: null, picked: false }));
afterEach(() => clearMocks());

describe("the pack", () => {
  it("shows the heading at once, then a preview of the first page", async () => {
    mock();
    show();
    expect(document.querySelector("h2")!.textContent).toBe("My appointment pack");
    await waitFor(() => expect(document.getElementById("preview-pages")?.textContent).toBe("4 pages."));
    const page = document.querySelector<HTMLElement>("#pack-preview .page")!;
    expect(page.textContent).toContain("My appointment pack");
    expect(page.style.width).toBe("297.5px");
    expect(page.querySelector<HTMLElement>(".line.bold")!.style.fontSize).toBe("10px");
    expect(page.querySelector<HTMLElement>(".rule")!.style.top).toBe("50px");
    expect(document.querySelector(".pack .hint")!.textContent).toContain("1 question on this list, top 3 first: What are my options?");
    expect(document.querySelector("label[for=pick-note-7]")!.textContent).toBe("Bring the scan letter (2 January 2026)");
    expect(calls).not.toContain("save_pack");
  });

  it("makes the preview again after a change, and shows only the newest", async () => {
    mock(true);
    show();
    await waitFor(() => expect(document.getElementById("print-size-large")).not.toBeNull());
    await userEvent.click(document.getElementById("print-size-large")!);
    await waitFor(() => expect(document.getElementById("preview-pages")?.textContent).toBe("9 pages."));
    // The older, slower answer arrives and changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(document.getElementById("preview-pages")?.textContent).toBe("9 pages.");
    expect(previews[previews.length - 1]!.options.printSize).toBe("large");
  });

  it("makes the pack with the choices, then offers to open it", async () => {
    mock();
    show();
    await waitFor(() => expect(document.getElementById("pick-note-7")).not.toBeNull());
    const open = [...document.querySelectorAll<HTMLButtonElement>(".pack .actions button.secondary")][0]!;
    expect(open.hidden).toBe(true);
    await userEvent.click(document.getElementById("pick-note-7")!);
    await userEvent.type(document.getElementById("pack-name")!, "Ana");
    let saved: PackSettings | undefined;
    mockSaveSpy((settings) => (saved = settings));
    await userEvent.click(document.getElementById("make-pack")!);
    await waitFor(() => expect(document.getElementById("pack-status")!.textContent).toBe("Saved appointment-pack.pdf: 4 pages."));
    expect(document.getElementById("pack-status")!.dataset.state).toBe("saved");
    expect(saved!.noteIds).toEqual([7]);
    expect(saved!.patientName).toBe("Ana");
    expect(open.hidden).toBe(false);
    expect(open.textContent).toBe("Open to print");
    await userEvent.click(open);
    await waitFor(() => expect(calls).toContain("open_pack"));
  });

  it("offers the summary page, on as remembered, and sends it turned off when unticked", async () => {
    mock();
    show();
    await waitFor(() => expect(document.getElementById("part-summary")).not.toBeNull());
    const summary = document.getElementById("part-summary") as HTMLInputElement;
    expect(summary.checked).toBe(true);
    expect(document.querySelector("label[for=part-summary]")!.textContent).toContain("since my last appointment");
    // It comes right after the front page, as it does in the pack.
    const order = [...document.querySelectorAll<HTMLInputElement>("input[id^=part-]")].map((box) => box.id);
    expect(order.slice(0, 3)).toEqual(["part-cover", "part-summary", "part-questions"]);
    await userEvent.click(summary);
    await waitFor(() => expect(previews[previews.length - 1]!.parts.summary).toBe(false));
  });

  it("offers the web page too, as remembered, and names both files once saved", async () => {
    mock();
    show();
    await waitFor(() => expect(document.getElementById("pack-web-page")).not.toBeNull());
    const box = document.getElementById("pack-web-page") as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(document.querySelector("label[for=pack-web-page]")!.textContent).toBe("Also save as a web page (for a screen reader or to email)");
    const hint = document.getElementById(box.getAttribute("aria-describedby")!)!;
    expect(hint.textContent).toBe("It is saved next to the PDF, with the same name, and opens in any web browser.");
    await userEvent.click(box);
    let sent: PackSettings | undefined;
    mockSaveSpy((settings) => (sent = settings), { webPage: "appointment-pack.html" });
    await userEvent.click(document.getElementById("make-pack")!);
    await waitFor(() =>
      expect(document.getElementById("pack-status")!.textContent).toBe(
        "Saved appointment-pack.pdf: 4 pages. Also saved the web page appointment-pack.html.",
      ),
    );
    // save_pack remembers the choice with the others.
    expect(sent!.webPage).toBe(true);
  });

  it("shows the web page ticked when it was chosen last time", async () => {
    mock();
    remembered.webPage = true;
    try {
      show();
      await waitFor(() => expect((document.getElementById("pack-web-page") as HTMLInputElement | null)?.checked).toBe(true));
    } finally {
      remembered.webPage = false;
    }
  });

  it("says in plain words when the web page could not be saved, and that the PDF is", async () => {
    mock();
    show();
    await waitFor(() => expect(document.getElementById("pack-web-page")).not.toBeNull());
    await userEvent.click(document.getElementById("pack-web-page")!);
    const problem = "The web page could not be saved in the same folder, but your PDF is saved.";
    mockSaveSpy(() => {}, { webPageProblem: problem });
    await userEvent.click(document.getElementById("make-pack")!);
    await waitFor(() => expect(document.getElementById("pack-status")!.textContent).toBe(`Saved appointment-pack.pdf: 4 pages. ${problem}`));
    expect(document.getElementById("pack-status")!.dataset.state).toBe("saved");
  });

  it("Ctrl+P (detail \"make\") makes the pack at once", async () => {
    mock();
    show("make");
    await waitFor(() => expect(document.getElementById("pack-status")!.textContent).toBe("Saved appointment-pack.pdf: 4 pages."));
    expect(calls.filter((c) => c === "save_pack")).toHaveLength(1);
    expect(document.activeElement).toBe(document.querySelector(".pack h2"));
  });
});

/** Wraps the mock so the settings sent to save_pack can be read, and save_pack answers `saved`. */
function mockSaveSpy(seen: (settings: PackSettings) => void, saved: Partial<SavedPack> = {}) {
  const before = calls;
  mockIPC(async (cmd, raw) => {
    before.push(cmd);
    if (cmd === "save_pack") {
      seen((raw as { settings: PackSettings }).settings);
      return { fileName: "appointment-pack.pdf", pages: 4, bytes: 1000, webPage: null, webPageProblem: null, ...saved };
    }
    if (cmd === "preview_pack") return preview(4);
    if (cmd === "open_pack") return null;
    throw new Error(`unexpected ${cmd}`);
  });
}
