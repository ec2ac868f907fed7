import { api, asApiError, type DiaryInput, type RemovedKind, type TreatmentInput } from "../lib/api";
import type { Bother } from "../lib/bindings/Bother";
import type { CheckupKind } from "../lib/bindings/CheckupKind";
import type { StopReason } from "../lib/bindings/StopReason";
import { longDate } from "../lib/dates";
import { askFirst, offerUndo } from "../lib/confirm";
import { h, replace } from "../lib/dom";
import { field, localNow, messageLine, select, today } from "../lib/forms";
import type { ViewContext } from "./context";

export const BOTHER_WORDS: Record<Bother, string> = { aLittle: "A little", quiteABit: "Quite a bit", aLot: "A lot" };
export const STOP_WORDS: Record<StopReason, string> = {
  stoppedWorking: "It stopped working",
  sideEffects: "Side effects",
  other: "Another reason",
};
export const CHECKUP_WORDS: Record<CheckupKind, string> = {
  ctScan: "CT scan",
  headScan: "Head scan",
  xRay: "Chest X-ray",
  checkUp: "Check-up with the team",
  other: "Something else",
};

/** Runs `save` when the form is sent, then says "Added." or the problem in plain words.
 * On a problem, what was typed stays in the form. */
function whenSent(form: HTMLFormElement, message: HTMLElement, save: () => Promise<void>, refresh: () => Promise<void>) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await save();
      message.textContent = "Added.";
      await refresh();
    } catch (error) {
      message.textContent = asApiError(error).message;
    }
  });
}

/** A "Remove" button for one row of the record, with the place where it asks first. It
 * removes only after a yes, to the bin, with an Undo. */
function removeButton(
  what: string,
  row: { kind: RemovedKind; id: number },
  remove: () => Promise<unknown>,
  message: HTMLElement,
  refresh: () => Promise<void>,
): [HTMLButtonElement, HTMLElement] {
  const button = h("button", { type: "button", class: "small", "aria-label": `Remove ${what}` }, "Remove");
  const confirmBox = h("div", { class: "confirm-box" });
  button.addEventListener("click", async () => {
    const sure = await askFirst(confirmBox, {
      text: `Remove ${what}? It goes to the bin, where it stays for 30 days.`,
      yes: "Yes, remove it",
      no: "No, keep it",
    });
    if (!sure) return;
    try {
      await remove();
      offerUndo(message, "Removed.", () => api.restoreRemoved(row.kind, row.id), refresh);
      await refresh();
      message.querySelector<HTMLElement>("button")?.focus();
    } catch (error) {
      message.textContent = asApiError(error).message;
    }
  });
  return [button, confirmBox];
}

/** Treatment history, side-effect diary, and scans and check-ups: a record, never a comment. */
export async function renderRecord(ctx: ViewContext): Promise<HTMLElement> {
  return h(
    "div",
    { class: "record" },
    h("h2", { tabindex: "-1" }, "My treatment record"),
    h("p", {}, "A record for you and your team. The app keeps what you write; it does not comment on it."),
    await contactsPart(),
    await treatmentsPart(ctx),
    await diaryPart(ctx),
    await checkupsPart(ctx),
  );
}

import { CONTACTS_CHANGED } from "../lib/events";

/** The patient's own care team, with their 24-hour or acute oncology line. */
async function contactsPart(): Promise<HTMLElement> {
  const list = h("ul", { class: "cards", id: "contacts" });
  const message = messageLine();
  const name = h("input", { type: "text", dir: "auto" });
  const role = h("input", { type: "text", dir: "auto" });
  const phone = h("input", { type: "tel", dir: "auto" });
  const urgent = h("input", { type: "checkbox", id: "contact-24h" });
  const refresh = async () => {
    const contacts = await api.listContacts();
    document.dispatchEvent(new CustomEvent(CONTACTS_CHANGED));
    replace(
      list,
      ...(contacts.length === 0 ? [h("li", {}, "No one added yet. Your team can give you the numbers to keep here.")] : []),
      ...contacts.map((c) => {
        const label = [c.name, c.role].filter(Boolean).join(", ");
        const [remove, confirmBox] = removeButton(label || c.phone, { kind: "contact", id: c.id }, () => api.deleteContact(c.id), message, refresh);
        return h(
          "li",
          { class: "card" },
          c.roundTheClock ? h("p", { class: "badge" }, "My 24-hour line") : null,
          h("p", { dir: "auto" }, label),
          c.phone ? h("p", { dir: "auto" }, `Phone: ${c.phone}`) : null,
          remove,
          confirmBox,
        );
      }),
    );
  };
  const form = h(
    "form",
    { class: "record-form" },
    h("div", { class: "row" }, field("Name", name, "A person or a service, for example: acute oncology line."), field("What they do", role)),
    h("div", { class: "row" }, field("Phone number", phone)),
    h("div", { class: "question" }, urgent, h("label", { for: "contact-24h" }, "This is the number to call day or night if I am unwell (the 24-hour or acute oncology line)")),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Add to my care team")),
    message,
  );
  whenSent(form, message, async () => {
    await api.saveContact(null, { name: name.value.trim(), role: role.value.trim(), phone: phone.value.trim(), roundTheClock: urgent.checked });
    form.reset();
  }, refresh);
  await refresh();
  return h(
    "section",
    { "aria-labelledby": "contacts-title" },
    h("h3", { id: "contacts-title" }, "My care team"),
    h("p", { class: "hint" }, "Names and numbers your team gives you. The app has no numbers of its own."),
    list,
    form,
  );
}

async function treatmentsPart(ctx: ViewContext): Promise<HTMLElement> {
  const { record } = ctx.content;
  const drugName = (id: string, other: string) => (id === "other" ? other : (record.drugs.find((d) => d.id === id)?.name ?? id));
  const body = h("tbody");
  const message = messageLine();
  const drug = select([["", "Choose a treatment"], ...record.drugs.map((d): [string, string] => [d.id, d.name]), ["other", "Other treatment"]]);
  const other = h("input", { type: "text" });
  const started = h("input", { type: "date", required: true });
  const stopped = h("input", { type: "date" });
  const reason = select([["", "Still taking it"], ...Object.entries(STOP_WORDS)] as [string, string][]);
  const reasonNote = h("input", { type: "text" });

  const refresh = async () => {
    const rows = await api.listTreatments();
    replace(
      body,
      ...(rows.length === 0 ? [h("tr", {}, h("td", { colspan: "5" }, "Nothing added yet."))] : []),
      ...rows.map((t) => {
        const [remove, confirmBox] = removeButton(
          `${drugName(t.drug, t.otherName)} from my history`,
          { kind: "treatment", id: t.id },
          () => api.deleteTreatment(t.id),
          message,
          refresh,
        );
        return h(
          "tr",
          {},
          h("th", { scope: "row" }, drugName(t.drug, t.otherName)),
          h("td", {}, longDate(t.startedOn)),
          h("td", {}, t.stoppedOn ? longDate(t.stoppedOn) : "Still taking it"),
          h("td", {}, [t.stopReason ? STOP_WORDS[t.stopReason] : "", t.reasonNote].filter(Boolean).join(": ")),
          h("td", {}, remove, confirmBox),
        );
      }),
    );
  };
  const form = h(
    "form",
    { class: "record-form" },
    h("div", { class: "row" }, field("Treatment", drug), field("If other, its name", other)),
    h("div", { class: "row" }, field("Started on", started), field("Stopped on (if it has)", stopped)),
    h("div", { class: "row" }, field("Why it stopped", reason), field("In my own words", reasonNote)),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Add to my history")),
    message,
  );
  whenSent(form, message, async () => {
    const input: TreatmentInput = {
      drug: drug.value,
      otherName: other.value.trim(),
      startedOn: started.value,
      stoppedOn: stopped.value || null,
      stopReason: (reason.value || null) as StopReason | null,
      reasonNote: reasonNote.value.trim(),
    };
    await api.saveTreatment(null, input);
    form.reset();
  }, refresh);
  await refresh();
  return h(
    "section",
    { "aria-labelledby": "treatments-title" },
    h("h3", { id: "treatments-title" }, "Treatment history"),
    h(
      "table",
      { class: "record-table" },
      h("caption", { class: "visually-hidden" }, "My treatments"),
      h("thead", {}, h("tr", {}, ...["Treatment", "Started", "Stopped", "Why it stopped", ""].map((c) => h("th", { scope: "col" }, c)))),
      body,
    ),
    form,
  );
}

async function diaryPart(ctx: ViewContext): Promise<HTMLElement> {
  const { record } = ctx.content;
  const whatName = (id: string, other: string) => (id === "other" ? other : (record.sideEffects.find((s) => s.id === id)?.name ?? id));
  const list = h("ul", { class: "cards", id: "diary" });
  const message = messageLine();
  const onDate = h("input", { type: "date", required: true, value: today() });
  // Side effects and feelings (such as worry before scans) are shown apart.
  const group = (g: "sideEffect" | "feeling", label: string) =>
    h("optgroup", { label }, ...record.sideEffects.filter((s) => s.group === g).map((s) => h("option", { value: s.id }, s.name)));
  const what = h(
    "select",
    {},
    h("option", { value: "" }, "Choose one"),
    group("sideEffect", "Side effects"),
    group("feeling", "Feelings"),
    h("option", { value: "other" }, "Something else"),
  );
  const other = h("input", { type: "text" });
  const bother = select(Object.entries(BOTHER_WORDS) as [string, string][], "quiteABit");
  const note = h("input", { type: "text" });
  const sinceOnly = h("input", { type: "checkbox", id: "diary-since" });

  const refresh = async () => {
    const entries = await api.listDiary(sinceOnly.checked, localNow());
    replace(
      list,
      ...(entries.length === 0 ? [h("li", {}, "No entries to show.")] : []),
      ...entries.map((e) => {
        const [remove, confirmBox] = removeButton(
          `the diary entry of ${longDate(e.onDate)}`,
          { kind: "diaryEntry", id: e.id },
          () => api.deleteDiaryEntry(e.id),
          message,
          refresh,
        );
        return h(
          "li",
          { class: "card" },
          h("p", { class: "when" }, longDate(e.onDate)),
          h("p", {}, `${whatName(e.what, e.otherWhat)}. How much it bothers me: ${BOTHER_WORDS[e.bother].toLowerCase()}.`),
          e.note ? h("p", { dir: "auto" }, e.note) : null,
          remove,
          confirmBox,
        );
      }),
    );
  };
  sinceOnly.addEventListener("change", () => void refresh());
  const form = h(
    "form",
    { class: "record-form" },
    h("div", { class: "row" }, field("Date", onDate), field("What", what), field("If something else, what", other)),
    h("div", { class: "row" }, field("How much it bothers me", bother), field("Note", note)),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Add to my diary")),
    message,
  );
  whenSent(form, message, async () => {
    const input: DiaryInput = {
      onDate: onDate.value,
      what: what.value,
      otherWhat: other.value.trim(),
      bother: bother.value as Bother,
      note: note.value.trim(),
    };
    await api.addDiaryEntry(input);
    note.value = "";
    other.value = "";
  }, refresh);
  await refresh();
  return h(
    "section",
    { "aria-labelledby": "diary-title" },
    h("h3", { id: "diary-title" }, "Side-effect and feelings diary"),
    form,
    h("div", { class: "question" }, sinceOnly, h("label", { for: "diary-since" }, "Show only since my last appointment")),
    list,
  );
}

async function checkupsPart(ctx: ViewContext): Promise<HTMLElement> {
  const next = h("p", { id: "next-scan" });
  const past = h("ul", { class: "cards" });
  const message = messageLine();
  const onDate = h("input", { type: "date", required: true });
  const kind = select(Object.entries(CHECKUP_WORDS) as [string, string][], "ctScan");
  const note = h("input", { type: "text" });
  const refresh = async () => {
    const all = await api.listCheckups();
    const now = today();
    const upcoming = all.filter((c) => c.onDate >= now);
    const first = upcoming[0];
    next.textContent = first
      ? `My next: ${CHECKUP_WORDS[first.kind]} on ${longDate(first.onDate)}${first.note ? ` (${first.note})` : ""}.`
      : "No date added for my next scan or check-up.";
    replace(
      past,
      ...[...upcoming.slice(1), ...all.filter((c) => c.onDate < now).reverse()].map((c) => {
        const [remove, confirmBox] = removeButton(
          `the ${CHECKUP_WORDS[c.kind].toLowerCase()} on ${longDate(c.onDate)}`,
          { kind: "checkup", id: c.id },
          () => api.deleteCheckup(c.id),
          message,
          refresh,
        );
        return h(
          "li",
          { class: "card" },
          h("p", { dir: "auto" }, `${longDate(c.onDate)}: ${CHECKUP_WORDS[c.kind]}${c.note ? `. ${c.note}` : ""}`),
          remove,
          confirmBox,
        );
      }),
    );
  };
  const form = h(
    "form",
    { class: "record-form" },
    h("div", { class: "row" }, field("Date", onDate), field("What kind", kind), field("Note", note)),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Add")),
    message,
  );
  whenSent(form, message, async () => {
    await api.addCheckup({ onDate: onDate.value, kind: kind.value as CheckupKind, note: note.value.trim() });
    note.value = "";
  }, refresh);
  await refresh();
  return h(
    "section",
    { "aria-labelledby": "scans-title" },
    h("h3", { id: "scans-title" }, "Scans and check-ups"),
    next,
    form,
    h("h4", {}, "Other dates"),
    past,
    h(
      "aside",
      { class: "general-info", "aria-labelledby": "rhythm-title" },
      h("h4", { id: "rhythm-title" }, "General information, not about you"),
      ...ctx.content.record.rhythm.map((r) => h("p", {}, r.text)),
    ),
  );
}
