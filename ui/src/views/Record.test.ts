import { render, screen as dom, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import { live } from "../lib/announce.svelte";
import type { CareContact, Checkup, Content, DiaryEntry, Treatment } from "../lib/api";
import { recordChanges } from "../lib/changes.svelte";
import { recordLabels, relabelled } from "../test/content";
import "../test/cssEscape";
import WithApp from "../test/WithApp.svelte";
import RecordView from "./Record.svelte";

const content = {
  record: {
    drugs: [
      { id: "alectinib", name: "Alectinib" },
      { id: "lorlatinib", name: "Lorlatinib" },
    ],
    sideEffects: [
      { id: "rash", name: "Rash", group: "sideEffect" },
      { id: "tiredness", name: "Tiredness", group: "sideEffect" },
      { id: "scanxiety", name: "Worry before scans", group: "feeling" },
    ],
    rhythm: [{ id: "r1", text: "Scans are often every 3 months." }],
    labels: recordLabels,
  },
} as unknown as Content;

interface Rows {
  treatments?: Treatment[];
  diary?: DiaryEntry[];
  checkups?: Checkup[];
  contacts?: CareContact[];
}

/** A stand-in for Rust's record: lists, saves, removal to the bin and back. `slow` delays an
 * answer by some milliseconds, or until a promise settles. */
function fakeStore(start: Rows = {}, slow: (cmd: string, args: Record<string, unknown>) => number | Promise<void> = () => 0) {
  const rows = {
    treatments: [...(start.treatments ?? [])],
    diary: [...(start.diary ?? [])],
    checkups: [...(start.checkups ?? [])],
    contacts: [...(start.contacts ?? [])],
  };
  const calls: [string, Record<string, unknown>][] = [];
  const bin = new Map<string, [number, unknown]>();
  let next = 100;
  const lists: Record<string, keyof typeof rows> = {
    treatment: "treatments",
    diaryEntry: "diary",
    checkup: "checkups",
    contact: "contacts",
  };
  const remove = (kind: string, id: number) => {
    const list = rows[lists[kind]!] as { id: number }[];
    const at = list.findIndex((r) => r.id === id);
    bin.set(`${kind}-${id}`, [at, list.splice(at, 1)[0]]);
    return null;
  };
  const save = <T extends { id: number }>(list: T[], id: number | null, input: object): T => {
    const row = { ...input, id: id ?? next++ } as T;
    const at = list.findIndex((r) => r.id === id);
    if (at >= 0) list[at] = row;
    else list.push(row);
    return row;
  };
  mockIPC(async (cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push([cmd, args]);
    const wait = slow(cmd, args);
    if (typeof wait !== "number") await wait;
    else if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const input = args.input as Record<string, string | null>;
    switch (cmd) {
      case "get_draft":
        return {};
      case "save_draft":
        return null;
      case "list_treatments":
        return [...rows.treatments];
      case "list_diary":
        return args.sinceLastAppointment ? rows.diary.filter((e) => e.onDate >= "2026-01-01") : [...rows.diary];
      case "list_checkups":
        return [...rows.checkups];
      case "list_contacts":
        return [...rows.contacts];
      case "save_treatment":
        if (input.stoppedOn && input.stoppedOn < input.startedOn!) {
          throw { kind: "invalidInput", message: "The stop date is before the start date. Please check both dates." };
        }
        return save(rows.treatments, args.id as number | null, input);
      case "add_diary_entry":
        if (!input.what) throw { kind: "invalidInput", message: "Please choose what the side effect is, or describe it." };
        return save(rows.diary, null, input);
      case "add_checkup":
        return save(rows.checkups, null, input);
      case "save_contact":
        if (!input.name && !input.phone) throw { kind: "invalidInput", message: "Please write a name or a phone number." };
        return save(rows.contacts, args.id as number | null, input);
      case "delete_treatment":
        return remove("treatment", args.id as number);
      case "delete_diary_entry":
        return remove("diaryEntry", args.id as number);
      case "delete_checkup":
        return remove("checkup", args.id as number);
      case "delete_contact":
        return remove("contact", args.id as number);
      case "restore_removed": {
        const key = `${args.kind as string}-${args.id as number}`;
        const [at, row] = bin.get(key)!;
        bin.delete(key);
        (rows[lists[args.kind as string]!] as unknown[]).splice(at, 0, row);
        return null;
      }
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  const called = (cmd: string) => calls.filter(([c]) => c === cmd);
  return { rows, calls, called };
}

const entry = (id: number, onDate: string, what = "rash", note = ""): DiaryEntry => ({ id, onDate, what, otherWhat: "", bother: "quiteABit", note });
const treatment = (id: number, drug: string, startedOn: string, stoppedOn: string | null = null): Treatment => ({
  id,
  drug,
  otherName: "",
  startedOn,
  stoppedOn,
  stopReason: null,
  reasonNote: "",
});

function show(shown = content) {
  const user = userEvent.setup();
  render(WithApp, { props: { app: { content: shown, show: vi.fn() }, view: RecordView, props: {} } });
  return user;
}

const part = (title: string) => document.querySelector<HTMLElement>(`section[aria-labelledby=${title}]`)!;
const removeButtons = (list: HTMLElement) => within(list).queryAllByRole("button", { name: /^Remove/ });

afterEach(() => {
  clearMocks();
  live.text = "";
});

describe("removing from the record", () => {
  it("asks first; no and Escape keep it; yes puts it in the bin with the focus on Undo, and Undo brings it back once", async () => {
    // Bringing back takes a moment, so a second click lands while the first is on its way.
    const store = fakeStore({ diary: [entry(1, "2026-03-03"), entry(2, "2026-03-02"), entry(3, "2026-03-01")] }, (cmd) =>
      cmd === "restore_removed" ? 30 : 0,
    );
    const user = show();
    const diary = await waitFor(() => {
      const list = document.getElementById("diary")!;
      expect(removeButtons(list)).toHaveLength(3);
      return list;
    });
    const first = removeButtons(diary)[0]!;
    expect(first.getAttribute("aria-label")).toBe("Remove the diary entry of 3 March 2026");

    // No: nothing changes, and the focus comes back to Remove.
    await user.click(first);
    expect((document.activeElement as HTMLElement).textContent).toBe("No, keep it");
    await user.keyboard("{Enter}");
    expect(store.called("delete_diary_entry")).toHaveLength(0);
    expect(document.activeElement).toBe(first);

    // Escape is no too.
    await user.click(first);
    await user.keyboard("{Escape}");
    expect(store.called("delete_diary_entry")).toHaveLength(0);
    expect(diary.querySelector(".confirm")).toBeNull();
    expect(document.activeElement).toBe(first);

    // Yes: to the bin, the focus on Undo, and it is said.
    await user.click(first);
    await user.click(dom.getByRole("button", { name: "Yes, remove it" }));
    await waitFor(() => expect(removeButtons(diary)).toHaveLength(2));
    expect(store.called("delete_diary_entry")[0]![1]).toEqual({ id: 1 });
    const message = part("diary-title").querySelector(".message")!;
    const undo = within(message as HTMLElement).getByRole("button", { name: "Undo (Ctrl+Z)" });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await waitFor(() => expect(live.text).toBe("Removed the diary entry of 3 March 2026. It is in the bin for 30 days."));
    expect(message.textContent).toContain("Removed.");

    // A hurried double click on Undo brings it back once; the focus goes back to it.
    await user.dblClick(undo);
    await waitFor(() => expect(removeButtons(diary)).toHaveLength(3));
    expect(store.called("restore_removed")).toHaveLength(1);
    expect(message.textContent).toContain("It is back.");
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Remove the diary entry of 3 March 2026"));
  });

  it("puts the focus on Undo each time, the last one too", async () => {
    fakeStore({ treatments: [treatment(1, "alectinib", "2024-01-01"), treatment(2, "lorlatinib", "2025-01-01")] });
    const user = show();
    const body = await waitFor(() => {
      const tbody = part("treatments-title").querySelector("tbody")!;
      expect(removeButtons(tbody)).toHaveLength(2);
      return tbody;
    });
    await user.click(within(body).getByRole("button", { name: "Remove Lorlatinib from my history" }));
    await user.click(dom.getByRole("button", { name: "Yes, remove it" }));
    await waitFor(() => expect(document.activeElement?.classList.contains("undo")).toBe(true));
    await user.click(within(body).getByRole("button", { name: "Remove Alectinib from my history" }));
    await user.click(dom.getByRole("button", { name: "Yes, remove it" }));
    await waitFor(() => expect(body.textContent).toContain("Nothing added yet."));
    await waitFor(() => expect(document.activeElement?.classList.contains("undo")).toBe(true));
  });

  it("lets the next scan be removed too, with the focus on Undo", async () => {
    const store = fakeStore({
      checkups: [
        { id: 1, onDate: "2090-01-10", kind: "ctScan", note: "Bring the letter" },
        { id: 2, onDate: "2090-04-10", kind: "headScan", note: "" },
      ],
    });
    const user = show();
    await waitFor(() => expect(document.getElementById("next-scan")?.textContent).toContain("My next: CT scan on 10 January 2090 (Bring the letter)."));
    await user.click(dom.getByRole("button", { name: "Remove the CT scan on 10 January 2090" }));
    await user.click(dom.getByRole("button", { name: "Yes, remove it" }));
    await waitFor(() => expect(document.getElementById("next-scan")?.textContent).toContain("Head scan on 10 April 2090"));
    expect(store.called("delete_checkup")[0]![1]).toEqual({ id: 1 });
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Undo (Ctrl+Z)"));
  });
});

describe("adding to the record", () => {
  it("reads the form as the page shows it, even when a date picker set it without an input event", async () => {
    const store = fakeStore();
    const user = show();
    const section = part("treatments-title");
    const drug = section.querySelector("select")!;
    await waitFor(() => expect(section.textContent).toContain("Nothing added yet."));
    drug.value = "alectinib";
    section.querySelectorAll<HTMLInputElement>("input[data-when]")[0]!.value = "2025-03-01";
    await user.click(within(section).getByRole("button", { name: "Add to my history" }));
    await waitFor(() => expect(section.querySelector("tbody")!.textContent).toContain("Alectinib"));
    expect(store.called("save_treatment")[0]![1]).toEqual({
      id: null,
      input: { drug: "alectinib", otherName: "", startedOn: "2025-03-01", stoppedOn: null, stopReason: null, reasonNote: "" },
    });
    expect(section.querySelector(".message")!.textContent).toContain("Added.");
    expect(drug.value).toBe("");
    await waitFor(() => expect(live.text).toBe("Added."));
  });

  it("marks the box that was wrong, points it at the message, and puts the focus on it", async () => {
    fakeStore();
    const user = show();
    const section = part("treatments-title");
    section.querySelector("select")!.value = "alectinib";
    const [started, stopped] = section.querySelectorAll<HTMLInputElement>("input[data-when]");
    started!.value = "2025-03-01";
    stopped!.value = "2025-02-01";
    await user.click(within(section).getByRole("button", { name: "Add to my history" }));
    const message = await waitFor(() => within(section).getByRole("alert"));
    expect(message.textContent).toContain("before the start date");
    expect(section.querySelector(".message")).toBe(message);
    expect(stopped!.getAttribute("aria-invalid")).toBe("true");
    expect(stopped!.getAttribute("aria-describedby")).toContain(message.id);
    expect(started!.hasAttribute("aria-invalid")).toBe(false);
    expect(document.activeElement).toBe(stopped);
    // What was typed stays, to be put right.
    expect(stopped!.value).toBe("2025-02-01");

    stopped!.value = "2025-04-01";
    await user.click(within(section).getByRole("button", { name: "Add to my history" }));
    await waitFor(() => expect(section.querySelector(".message")!.textContent).toContain("Added."));
    expect(stopped!.hasAttribute("aria-invalid")).toBe(false);
  });

  it("adds once when the button is pressed twice in a hurry", async () => {
    const store = fakeStore({}, (cmd) => (cmd === "add_checkup" ? 30 : 0));
    const user = show();
    const section = part("scans-title");
    section.querySelector<HTMLInputElement>("input[data-when]")!.value = "2025-01-10";
    await user.dblClick(within(section).getByRole("button", { name: "Add" }));
    await waitFor(() => expect(section.querySelector("ul.cards")!.textContent).toContain("10 January 2025: CT scan"));
    expect(store.called("add_checkup")).toHaveLength(1);
  });

  it("offers side effects and feelings apart, and keeps the day for the next entry", async () => {
    const store = fakeStore();
    const user = show();
    const section = part("diary-title");
    const what = section.querySelector("select")!;
    expect([...what.querySelectorAll("optgroup")].map((g) => [g.label, [...g.querySelectorAll("option")].map((o) => o.textContent)])).toEqual([
      ["Side effects", ["Rash", "Tiredness"]],
      ["Feelings", ["Worry before scans"]],
    ]);
    const date = section.querySelector<HTMLInputElement>("input[data-when]")!;
    date.value = "2026-02-01";
    what.value = "other";
    const [other, note] = section.querySelectorAll<HTMLInputElement>("input[type=text]:not([data-when])");
    expect(other!.getAttribute("dir")).toBe("auto");
    expect(note!.getAttribute("dir")).toBe("auto");
    await user.type(other!, "Sore feet");
    await user.type(note!, "After the walk");
    await user.click(within(section).getByRole("button", { name: "Add to my diary" }));
    await waitFor(() => expect(document.getElementById("diary")!.textContent).toContain("Sore feet. How much it bothers me: quite a bit."));
    expect(store.called("add_diary_entry")[0]![1]).toEqual({
      input: { onDate: "2026-02-01", what: "other", otherWhat: "Sore feet", bother: "quiteABit", note: "After the walk" },
    });
    expect(within(document.getElementById("diary")!).getByText("After the walk").getAttribute("dir")).toBe("auto");
    expect([other!.value, note!.value, date.value]).toEqual(["", "", "2026-02-01"]);
  });

  it("tells the banner when the care team changes, and marks the 24-hour line", async () => {
    const store = fakeStore();
    const told = vi.spyOn(recordChanges, "changed");
    const user = show();
    const section = part("contacts-title");
    await waitFor(() => expect(section.textContent).toContain("No one added yet."));
    const inputs = section.querySelectorAll<HTMLInputElement>("form input");
    inputs[0]!.value = "Acute oncology line";
    inputs[2]!.value = "0800 000 000";
    (document.getElementById("contact-24h") as HTMLInputElement).checked = true;
    await user.click(within(section).getByRole("button", { name: "Add to my care team" }));
    await waitFor(() => expect(document.getElementById("contacts")!.textContent).toContain("My 24-hour line"));
    expect(store.called("save_contact")[0]![1]).toEqual({
      id: null,
      input: { name: "Acute oncology line", role: "", phone: "0800 000 000", roundTheClock: true },
    });
    expect(told).toHaveBeenCalled();
    expect((document.getElementById("contact-24h") as HTMLInputElement).checked).toBe(false);
    told.mockRestore();
  });

  it("asks for a name or a number by marking both boxes", async () => {
    fakeStore();
    const user = show();
    const section = part("contacts-title");
    await user.click(within(section).getByRole("button", { name: "Add to my care team" }));
    const message = await waitFor(() => within(section).getByRole("alert"));
    const [name, , phone] = section.querySelectorAll<HTMLInputElement>("form input");
    expect(name!.getAttribute("aria-invalid")).toBe("true");
    expect(name!.getAttribute("aria-describedby")).toBe(`contact-new-name-hint ${message.id}`);
    expect(phone!.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(name);
  });
});

describe("changing the record", () => {
  it("opens the treatment in a form, closes it with Escape, and saves a change in place", async () => {
    const store = fakeStore({ treatments: [treatment(7, "alectinib", "2024-01-01")] });
    const user = show();
    const change = await waitFor(() => dom.getByRole("button", { name: "Change Alectinib" }));
    await user.click(change);
    expect(change.getAttribute("aria-expanded")).toBe("true");
    const form = document.getElementById("treatment-7-drug")!.closest("form")!;
    expect(document.activeElement?.id).toBe("treatment-7-drug");
    expect((document.getElementById("treatment-7-started") as HTMLInputElement).value).toBe("01/01/2024");

    // Escape closes it unchanged, and the focus goes back to Change.
    await user.keyboard("{Escape}");
    expect(form.isConnected).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(change));
    expect(store.called("save_treatment")).toHaveLength(0);

    await user.click(change);
    (document.getElementById("treatment-7-stopped") as HTMLInputElement).value = "2025-06-01";
    (document.getElementById("treatment-7-reason") as HTMLSelectElement).value = "sideEffects";
    await user.type(document.getElementById("treatment-7-note")!, "Too tired");
    await user.click(dom.getByRole("button", { name: "Save the change" }));
    await waitFor(() => expect(part("treatments-title").querySelector("tbody")!.textContent).toContain("1 June 2025"));
    expect(store.called("save_treatment")[0]![1]).toEqual({
      id: 7,
      input: { drug: "alectinib", otherName: "", startedOn: "2024-01-01", stoppedOn: "2025-06-01", stopReason: "sideEffects", reasonNote: "Too tired" },
    });
    expect(part("treatments-title").querySelector("tbody")!.textContent).toContain("Side effects: Too tired");
    expect(document.getElementById("treatment-7-drug")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(dom.getByRole("button", { name: "Change Alectinib" })));
    await waitFor(() => expect(live.text).toBe("The change is saved."));
  });

  it("changes a care team contact and tells the banner", async () => {
    const store = fakeStore({ contacts: [{ id: 3, name: "Dr Nowak", role: "Oncologist", phone: "", roundTheClock: false }] });
    const told = vi.spyOn(recordChanges, "changed");
    const user = show();
    await user.click(await waitFor(() => dom.getByRole("button", { name: "Change Dr Nowak, Oncologist" })));
    const phone = document.getElementById("contact-3-phone") as HTMLInputElement;
    await user.type(phone, "0161 000 0000");
    await user.click(dom.getByRole("button", { name: "Save the change" }));
    await waitFor(() => expect(document.getElementById("contacts")!.textContent).toContain("Phone: 0161 000 0000"));
    expect(store.called("save_contact")[0]![1]).toMatchObject({ id: 3, input: { name: "Dr Nowak", phone: "0161 000 0000" } });
    expect(told).toHaveBeenCalled();
    told.mockRestore();
  });
});

describe("the diary's 'only since my last appointment'", () => {
  it("shows the newest list asked for, even when the older answer comes last", async () => {
    // The full list is held back until the shorter one, asked for after it, has come.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = fakeStore({ diary: [entry(1, "2026-02-01"), entry(2, "2025-06-01")] }, (cmd, args) =>
      cmd === "list_diary" && !args.sinceLastAppointment ? held : 0,
    );
    const user = show();
    await user.click(dom.getByLabelText("Show only since my last appointment"));
    await waitFor(() => expect(removeButtons(document.getElementById("diary")!)).toHaveLength(1));
    expect(store.called("list_diary").map(([, args]) => args.sinceLastAppointment)).toEqual([false, true]);
    release();
    await held;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(removeButtons(document.getElementById("diary")!)).toHaveLength(1);
  });
});

describe("the record's labels", () => {
  it("are the words Rust sent, in Rust's order, in every choice and every row", async () => {
    fakeStore({
      treatments: [{ ...treatment(1, "alectinib", "2024-01-01", "2025-01-01"), stopReason: "stoppedWorking" }, treatment(2, "lorlatinib", "2025-02-01")],
      diary: [{ ...entry(1, "2026-03-03"), bother: "aLot" }],
      checkups: [
        { id: 1, onDate: "2090-01-10", kind: "ctScan", note: "" },
        { id: 2, onDate: "2025-01-10", kind: "xRay", note: "" },
      ],
    });
    show({ ...content, record: { ...content.record, labels: relabelled } });
    const options = (id: string) => [...document.getElementById(id)!.querySelectorAll("option")].map((o) => o.textContent);
    const sent = (choices: { label: string }[]) => choices.map((c) => c.label);

    expect(options("diary-bother")).toEqual(sent(relabelled.bother));
    expect(options("scan-kind")).toEqual(sent(relabelled.checkupKind));
    expect(options("treatment-new-reason")).toEqual(["Still taking it (as sent)", ...sent(relabelled.stopReason)]);
    expect([...document.getElementById("diary-what")!.querySelectorAll("optgroup")].map((g) => g.label)).toEqual(["Side effects (as sent)", "Feelings (as sent)"]);
    await waitFor(() => expect(document.getElementById("diary")!.textContent).toContain("How much it bothers me: a lot (as sent)."));
    expect(part("treatments-title").querySelector("tbody")!.textContent).toContain("It stopped working (as sent)");
    expect(part("treatments-title").querySelector("tbody")!.textContent).toContain("Still taking it (as sent)");
    expect(document.getElementById("next-scan")!.textContent).toContain("My next: CT scan (as sent) on 10 January 2090.");
    expect(dom.getByRole("button", { name: "Remove the CT scan (as sent) on 10 January 2090" })).toBeTruthy();
    expect(part("scans-title").querySelector("ul.cards")!.textContent).toContain("10 January 2025: Chest X-ray (as sent)");
    expect(dom.getByRole("button", { name: "Remove the chest X-ray (as sent) on 10 January 2025" })).toBeTruthy();
  });
});
