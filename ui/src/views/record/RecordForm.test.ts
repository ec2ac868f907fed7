// The record's forms take exactly what the patient meant: dates read the UK way and said back,
// the app's own messages, an unusual date asked about once, and half-typed words kept.
import { render, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { settleAll } from "../../lib/autosave";
import type { Content } from "../../lib/api";
import { recordLabels } from "../../test/content";
import "../../test/cssEscape";
import WithApp from "../../test/WithApp.svelte";
import Diary from "./Diary.svelte";
import Treatments from "./Treatments.svelte";

const content = {
  record: {
    drugs: [{ id: "alectinib", name: "Alectinib" }],
    sideEffects: [{ id: "rash", name: "Rash", group: "sideEffect" }],
    rhythm: [],
    labels: recordLabels,
  },
} as unknown as Content;

/** Rust's diary and treatments, keeping what is sent and the drafts. */
function fakeStore() {
  const sent: [string, unknown][] = [];
  const drafts = new Map<string, Record<string, string>>();
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "list_diary":
      case "list_treatments":
        return [];
      case "get_draft":
        return drafts.get(args.form as string) ?? {};
      case "save_draft":
        drafts.set(args.form as string, args.fields as Record<string, string>);
        return null;
      case "add_diary_entry":
        sent.push([cmd, args.input]);
        return { id: 1, ...(args.input as object) };
      case "save_treatment":
        sent.push([cmd, args.input]);
        return { id: 1, ...(args.input as object) };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return { sent, drafts };
}

const show = (view: typeof Diary) => render(WithApp, { props: { app: { content, show: vi.fn() }, view, props: {} } });
const box = (id: string) => document.getElementById(id) as HTMLInputElement;
const message = (id: string) => document.getElementById(id)!.textContent ?? "";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 11, 3, 10, 0));
});

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

describe("the diary's date", () => {
  it("starts at today, in the UK form, said back in words", async () => {
    fakeStore();
    show(Diary);
    await waitFor(() => expect(box("diary-date").value).toBe("03/12/2026"));
    expect(document.getElementById("diary-date-said")!.textContent).toContain("Thursday 3 December 2026");
  });

  it("reads 1/11/26 as the 1st of November and saves exactly that", async () => {
    const { sent } = fakeStore();
    show(Diary);
    await userEvent.clear(box("diary-date"));
    await userEvent.type(box("diary-date"), "1/11/26");
    document.querySelector<HTMLSelectElement>("#diary-what")!.value = "rash";
    await userEvent.click(document.querySelector<HTMLButtonElement>("form button[type=submit]")!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0]![1] as { onDate: string }).onDate).toBe("2026-11-01");
  });

  it("refuses a date that does not exist in the app's own words, never the browser's", async () => {
    const { sent } = fakeStore();
    show(Diary);
    const form = box("diary-date").form!;
    expect(form.noValidate).toBe(true);
    await userEvent.clear(box("diary-date"));
    await userEvent.type(box("diary-date"), "30/02/2026");
    await userEvent.click(form.querySelector<HTMLButtonElement>("button[type=submit]")!);
    await waitFor(() => expect(message("diary-message")).toContain("There is no 30 February in 2026. Please check the date."));
    expect(box("diary-date").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(box("diary-date"));
    expect(sent).toEqual([]);
  });

  it("asks once about a day still to come, and Enter on the question changes nothing", async () => {
    const { sent } = fakeStore();
    show(Diary);
    await userEvent.clear(box("diary-date"));
    await userEvent.type(box("diary-date"), "04/12/2027");
    document.querySelector<HTMLSelectElement>("#diary-what")!.value = "rash";
    await userEvent.click(document.querySelector<HTMLButtonElement>("form button[type=submit]")!);
    await waitFor(() => expect(document.querySelector(".confirm")?.textContent).toContain("That day has not come yet: Saturday 4 December 2027."));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(document.querySelector(".confirm")).toBeNull());
    expect(sent).toEqual([]);
  });
});

describe("half-typed words are kept", () => {
  it("a treatment typed but not added is there after leaving and coming back", async () => {
    const { drafts } = fakeStore();
    const first = show(Treatments);
    await waitFor(() => expect(box("treatment-new-started")).not.toBeNull());
    await userEvent.type(box("treatment-new-started"), "01/03/2024");
    await userEvent.type(box("treatment-new-note"), "Started after the scan");
    expect(await settleAll()).toBe(true);
    first.unmount();
    expect(drafts.get("treatment")).toEqual({ startedOn: "01/03/2024", reasonNote: "Started after the scan" });
    show(Treatments);
    await waitFor(() => expect(box("treatment-new-note").value).toBe("Started after the scan"));
    expect(box("treatment-new-started").value).toBe("01/03/2024");
  });
});
