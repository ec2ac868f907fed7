import { api, asApiError, type PackPreview, type PackSettings, type PlanQuestion } from "../lib/api";
import type { PackParts } from "../lib/bindings/PackParts";
import type { Paper } from "../lib/bindings/Paper";
import type { PrintSize } from "../lib/bindings/PrintSize";
import { longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";
import { field, localNow } from "../lib/forms";
import type { ViewContext } from "./context";
import { defaultList, libraryText, listLabel, type ListChoice } from "./questions";

/** Show "working" only when making the pack takes longer than this. */
export const PROGRESS_AFTER_MS = 200;

const PART_LABELS: [keyof PackParts, string][] = [
  ["cover", "Front page: my name, the appointment and how to use the pack"],
  ["questions", "My questions, top 3 first, with room for the answers"],
  ["checklist", "The second-opinion checklist, with what I have done"],
  ["notes", "The notes I pick below"],
  ["diary", "My side-effect diary since my last appointment"],
  ["treatments", "My treatment history"],
];

/** The appointment pack: what goes in, how it prints, a preview, then save and print. */
export async function renderPack(ctx: ViewContext, list: ListChoice): Promise<HTMLElement> {
  const { content } = ctx;
  const [appointments, remembered, notes] = await Promise.all([api.listAppointments(), api.getPackSettings(), api.listNotes()]);
  if (!list.picked) list.id = defaultList(appointments);
  const plan = await api.getPlan(list.id);
  const settings: PackSettings = {
    ...remembered,
    appointmentId: list.id,
    noteIds: notes.filter((n) => n.appointmentId !== null && n.appointmentId === list.id).map((n) => n.id),
  };

  const status = h("p", { class: "save-status", role: "status", id: "pack-status" });
  const previewBox = h("div", { class: "pack-preview", id: "pack-preview" });
  const openButton = h("button", { type: "button", class: "secondary", hidden: true }, "Open to print");
  const makeButton = h("button", { type: "button", class: "primary", id: "make-pack" }, "Make my appointment pack");

  const checkbox = (id: string, label: string, checked: boolean, onChange: (value: boolean) => void) => {
    const box = h("input", { type: "checkbox", id, checked });
    box.addEventListener("change", () => {
      onChange(box.checked);
      schedulePreview();
    });
    return h("div", { class: "question" }, box, h("label", { for: id }, label));
  };
  const radios = <T extends string>(name: string, legend: string, choices: [T, string][], initial: T, onChange: (v: T) => void) =>
    h(
      "fieldset",
      { class: "choice" },
      h("legend", {}, legend),
      ...choices.map(([value, label]) => {
        const input = h("input", { type: "radio", name, id: `${name}-${value}`, value, checked: value === initial });
        input.addEventListener("change", () => {
          onChange(value);
          schedulePreview();
        });
        return h("div", { class: "radio" }, input, h("label", { for: input.id }, label));
      }),
    );

  const name = h("input", { type: "text", id: "pack-name", value: settings.patientName, autocomplete: "name" });
  name.addEventListener("input", () => {
    settings.patientName = name.value;
    schedulePreview();
  });
  const parts = h(
    "fieldset",
    { class: "choice" },
    h("legend", {}, "What goes in my pack"),
    ...PART_LABELS.map(([key, label]) =>
      checkbox(`part-${key}`, label, settings.parts[key], (v) => {
        settings.parts[key] = v;
      }),
    ),
  );
  const firstLine = (text: string) => text.split("\n").find((l) => l.trim() !== "")?.trim().slice(0, 80) || "An empty note";
  const notePicks = h(
    "fieldset",
    { class: "choice" },
    h("legend", {}, "Notes to print"),
    ...(notes.length === 0
      ? [h("p", {}, "You have no notes yet.")]
      : notes.slice(0, 50).map((n) =>
          checkbox(`pick-note-${n.id}`, `${firstLine(n.text)} (${longDate(n.updatedAt)})`, settings.noteIds.includes(n.id), (v) => {
            settings.noteIds = v ? [...settings.noteIds, n.id] : settings.noteIds.filter((id) => id !== n.id);
          }),
        )),
  );
  const paper = radios<Paper>("paper", "Paper size", [["a4", "A4 (usual in the UK)"], ["letter", "US Letter"]], settings.options.paper, (v) => {
    settings.options.paper = v;
  });
  const size = radios<PrintSize>("print-size", "Print size", [["normal", "Normal print"], ["large", "Large print"]], settings.options.printSize, (v) => {
    settings.options.printSize = v;
  });

  // Preview: made again a moment after each change; only the newest answer is shown.
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let previewTicket = 0;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void showPreview(), 250);
  }
  async function showPreview() {
    const ticket = ++previewTicket;
    try {
      const preview = await api.previewPack(settings, localNow());
      if (ticket === previewTicket) replace(previewBox, ...renderPreview(preview));
    } catch (error) {
      if (ticket === previewTicket) replace(previewBox, h("p", { class: "message", role: "alert" }, asApiError(error).message));
    }
  }

  makeButton.addEventListener("click", async () => {
    makeButton.disabled = true;
    status.dataset.state = "";
    status.textContent = "";
    const slow = setTimeout(() => {
      status.dataset.state = "working";
      status.textContent = "Making your pack…";
    }, PROGRESS_AFTER_MS);
    try {
      const saved = await api.savePack(settings, localNow());
      clearTimeout(slow);
      if (saved) {
        status.dataset.state = "saved";
        status.textContent = `Saved ${saved.fileName}: ${saved.pages} page${saved.pages === 1 ? "" : "s"}.`;
        openButton.hidden = false;
      } else {
        status.textContent = "Not saved. You can try again when you are ready.";
      }
    } catch (error) {
      clearTimeout(slow);
      status.dataset.state = "error";
      status.textContent = asApiError(error).message;
    } finally {
      makeButton.disabled = false;
    }
  });
  openButton.addEventListener("click", async () => {
    try {
      await api.openPack();
    } catch (error) {
      status.dataset.state = "error";
      status.textContent = asApiError(error).message;
    }
  });

  const textOf = (q: PlanQuestion) =>
    q.questionId ? libraryText(content, q.questionId) : (q.ownText ?? "");
  void showPreview();
  return h(
    "div",
    { class: "pack" },
    h("h2", { tabindex: "-1" }, "My appointment pack"),
    h("p", {}, "A PDF to print and hand to your oncologist. Each question has lines to write the answer."),
    h("p", {}, `For: ${listLabel(appointments, list.id)}. You can choose another appointment under My questions.`),
    h("div", { class: "pack-columns" },
      h(
        "div",
        { class: "pack-choices" },
        field("My name on the front page (you can leave it empty)", name),
        parts,
        h("p", { class: "hint" }, `${plan.length} question${plan.length === 1 ? "" : "s"} on this list${plan.some((q) => q.top3) ? `, top 3 first: ${plan.filter((q) => q.top3).map(textOf).join(" / ")}` : ""}.`),
        notePicks,
        paper,
        size,
        h("div", { class: "actions" }, makeButton, openButton),
        status,
      ),
      h("section", { class: "pack-preview-part", "aria-labelledby": "preview-title" }, h("h3", { id: "preview-title" }, "Preview"), previewBox),
    ),
  );
}

function renderPreview(preview: PackPreview): Node[] {
  const scale = 0.5;
  // Positions go through the CSSOM: the CSP allows no inline style attributes.
  const place = (el: HTMLElement, styles: Partial<Record<"left" | "top" | "width" | "height" | "fontSize", string>>) => {
    Object.assign(el.style, styles);
    return el;
  };
  const page = h("div", { class: "page", role: "img", "aria-label": "The first page of the pack, as it will print" });
  place(page, { width: `${preview.pageWidth * scale}px`, height: `${preview.pageHeight * scale}px` });
  for (const line of preview.firstPage) {
    page.append(
      line.rule
        ? place(h("div", { class: "rule" }), { top: `${line.top * scale}px` })
        : place(h("div", { class: line.bold ? "line bold" : "line" }, line.text), {
            left: `${line.x * scale}px`,
            top: `${line.top * scale}px`,
            fontSize: `${line.size * scale}px`,
          }),
    );
  }
  return [
    h("p", { id: "preview-pages" }, `${preview.pages} page${preview.pages === 1 ? "" : "s"}.`),
    h("ul", { class: "parts" }, ...preview.parts.map((p) => h("li", {}, `${p.title}: page ${p.page}`))),
    page,
  ];
}
