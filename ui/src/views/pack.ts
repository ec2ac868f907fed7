import { api, asApiError, type PackOptions, type PlanQuestion } from "../lib/api";
import type { Paper } from "../lib/bindings/Paper";
import type { PrintSize } from "../lib/bindings/PrintSize";
import { h } from "../lib/dom";
import type { ViewContext } from "./context";
import { defaultList, listLabel, type ListChoice } from "./questions";

/** The appointment pack: what goes in, the print size, and the button that makes it. */
export async function renderPack(ctx: ViewContext, list: ListChoice): Promise<HTMLElement> {
  const { content } = ctx;
  const appointments = await api.listAppointments();
  if (!list.picked) list.id = defaultList(appointments);
  const plan = await api.getPlan(list.id);
  const textOf = (q: PlanQuestion) =>
    q.questionId ? (content.questions.find((x) => x.id === q.questionId)?.text ?? "") : (q.ownText ?? "");
  const questions = plan.map((q) => ({ text: textOf(q), top3: q.top3 }));
  const status = h("p", { class: "save-status", role: "status", id: "pack-status" });
  const openButton = h("button", { type: "button", class: "secondary", hidden: true }, "Open to print");
  const makeButton = h("button", { type: "button", class: "primary", id: "make-pack" }, "Make my appointment pack");

  const radios = <T extends string>(name: string, legend: string, choices: [T, string][], initial: T) =>
    h(
      "fieldset",
      { class: "choice" },
      h("legend", {}, legend),
      ...choices.map(([value, label]) =>
        h(
          "div",
          { class: "radio" },
          h("input", { type: "radio", name, id: `${name}-${value}`, value, checked: value === initial }),
          h("label", { for: `${name}-${value}` }, label),
        ),
      ),
    );
  const paper = radios<Paper>("paper", "Paper size", [["a4", "A4 (usual in the UK)"], ["letter", "US Letter"]], "a4");
  const size = radios<PrintSize>("print-size", "Print size", [["normal", "Normal print"], ["large", "Large print"]], "normal");
  const picked = (set: HTMLElement) => set.querySelector<HTMLInputElement>("input:checked")?.value;

  makeButton.addEventListener("click", async () => {
    const options: PackOptions = {
      paper: (picked(paper) as Paper | undefined) ?? "a4",
      printSize: (picked(size) as PrintSize | undefined) ?? "normal",
    };
    makeButton.disabled = true;
    status.dataset.state = "working";
    status.textContent = "Making your pack…";
    try {
      const saved = await api.savePack(options, list.id);
      if (saved) {
        status.dataset.state = "saved";
        status.textContent = `Saved ${saved.fileName}: ${saved.pages} page${saved.pages === 1 ? "" : "s"}.`;
        openButton.hidden = false;
      } else {
        status.dataset.state = "";
        status.textContent = "Not saved. You can try again when you are ready.";
      }
    } catch (error) {
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

  return h(
    "div",
    { class: "pack" },
    h("h2", { tabindex: "-1" }, "My appointment pack"),
    h("p", {}, "A PDF to print and hand to your oncologist. Each question has lines to write the answer."),
    h("p", {}, `For: ${listLabel(appointments, list.id)}. You can choose another appointment under My questions.`),
    h("h3", {}, "Questions in the pack"),
    questions.length === 0
      ? h("p", {}, "You have not chosen any questions yet. You can still make a pack with your notes.")
      : h("ol", { class: "chosen" }, ...questions.map((q) => h("li", {}, q.top3 ? h("span", { class: "badge" }, "Top 3") : null, q.text))),
    paper,
    size,
    h("div", { class: "actions" }, makeButton, openButton),
    status,
  );
}
