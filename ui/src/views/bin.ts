import { api, asApiError, type RemovedItem, type RemovedKind } from "../lib/api";
import { ifSure } from "../lib/confirm";
import { appointmentTime, longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";
import { CHECKUP_WORDS } from "./record";
import type { ViewContext } from "./context";
import { libraryText } from "./questions";

const KIND_WORDS: Record<RemovedKind, string> = {
  note: "Note",
  appointment: "Appointment",
  question: "Question",
  treatment: "Treatment",
  diaryEntry: "Diary entry",
  checkup: "Scan or check-up",
  contact: "Care team contact",
};

/** Everything removed, of every kind, for 30 days: each can be brought back. */
export async function renderBin(ctx: ViewContext): Promise<HTMLElement> {
  const { content } = ctx;
  const list = h("ul", { class: "note-list", id: "removed" });
  const message = h("p", { class: "message", role: "status" });
  const confirmBox = h("div", { class: "preview" });

  const name = (item: RemovedItem): string => {
    const ref = item.refId ?? "";
    switch (item.kind) {
      case "note":
        return item.text.split("\n").find((l) => l.trim() !== "")?.trim().slice(0, 80) || "An empty note";
      case "appointment":
        return `${item.date ? appointmentTime(item.date) : ""}${item.text ? `, ${item.text}` : ""}`;
      case "question":
        return libraryText(content, ref) || item.text;
      case "treatment":
        return `${ref === "other" ? item.text : (content.record.drugs.find((d) => d.id === ref)?.name ?? ref)}, started ${longDate(item.date ?? "")}`;
      case "diaryEntry":
        return `${ref === "other" ? item.text : (content.record.sideEffects.find((s) => s.id === ref)?.name ?? ref)}, ${longDate(item.date ?? "")}`;
      case "checkup":
        return `${CHECKUP_WORDS[ref as keyof typeof CHECKUP_WORDS] ?? ref}, ${longDate(item.date ?? "")}`;
      case "contact":
        return [item.text, ref].filter(Boolean).join(", ");
      default:
        return item.text;
    }
  };

  const refresh = async () => {
    let items: RemovedItem[];
    try {
      items = await api.listRemoved();
    } catch (error) {
      message.textContent = asApiError(error).message;
      return;
    }
    replace(
      list,
      ...(items.length === 0 ? [h("li", {}, "The bin is empty.")] : []),
      ...items.map((item) => {
        const label = name(item);
        const back = h("button", { type: "button", class: "small", "aria-label": `Bring back: ${label}` }, "Bring back");
        back.addEventListener("click", async () => {
          try {
            await api.restoreRemoved(item.kind, item.id);
            message.textContent = `${KIND_WORDS[item.kind]} brought back.`;
            await refresh();
            list.querySelector<HTMLElement>("button")?.focus();
          } catch (error) {
            message.textContent = asApiError(error).message;
          }
        });
        return h(
          "li",
          { "data-kind": item.kind },
          h("strong", {}, `${KIND_WORDS[item.kind]}: `),
          h("span", { dir: "auto" }, label),
          h("span", { class: "note-date" }, `. Removed ${longDate(item.removedAt)}. `),
          back,
        );
      }),
    );
  };

  const empty = h("button", { type: "button", class: "danger", id: "empty-bin" }, "Empty the bin now");
  empty.addEventListener("click", () =>
    ifSure(
      confirmBox,
      { text: "Remove everything in the bin for good? This cannot be undone.", yes: "Yes, empty the bin", no: "No, keep it" },
      async () => {
        await api.emptyBin();
        message.textContent = "The bin is empty.";
        await refresh();
      },
      message,
    ),
  );

  await refresh();
  return h(
    "div",
    { class: "bin" },
    h("h2", { tabindex: "-1" }, "Bin"),
    h("p", {}, "What you remove waits here for 30 days, then it is removed for good. You can bring anything back before then."),
    message,
    list,
    h("div", { class: "actions" }, empty),
    confirmBox,
  );
}
