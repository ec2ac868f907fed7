import { api, asApiError, type BackupPreview } from "../lib/api";
import { longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";

/** A yes/no question in `box`: plain text, a warning line, then the two buttons. Either
 * answer clears the box; a "yes" that fails leaves it and says why through `onError`. */
function ask(
  box: HTMLElement,
  q: {
    text: [string, string];
    yes: [string, string];
    no: string;
    onYes: () => Promise<void>;
    onNo: () => void;
    onError: (message: string) => void;
    focus: "yes" | "no";
  },
): void {
  const yes = h("button", { type: "button", class: q.yes[1] }, q.yes[0]);
  const no = h("button", { type: "button", class: "secondary" }, q.no);
  yes.addEventListener("click", async () => {
    try {
      await q.onYes();
      replace(box);
    } catch (error) {
      q.onError(asApiError(error).message);
    }
  });
  no.addEventListener("click", () => {
    replace(box);
    q.onNo();
  });
  replace(
    box,
    q.text[0] ? h("p", {}, q.text[0]) : null,
    h("p", { class: "warning" }, q.text[1]),
    h("div", { class: "actions" }, yes, no),
  );
  (q.focus === "yes" ? yes : no).focus();
}

/** Backup to one file, import on another computer with a preview, and delete everything. */
export function renderBackup(): HTMLElement {
  const status = h("p", { class: "save-status", role: "status", id: "backup-status" });
  const preview = h("div", { class: "preview", id: "backup-preview" });
  const exportButton = h("button", { type: "button", class: "primary" }, "Save a backup file");
  exportButton.addEventListener("click", async () => {
    try {
      const saved = await api.exportBackup();
      status.textContent = saved ? `Saved ${saved.fileName}. Keep it somewhere safe: it holds your notes.` : "Not saved.";
    } catch (error) {
      status.textContent = asApiError(error).message;
    }
  });

  const describe = (p: BackupPreview) =>
    [
      `${p.appointments} appointment${p.appointments === 1 ? "" : "s"}`,
      `${p.questions} question${p.questions === 1 ? "" : "s"}`,
      `${p.notes} note${p.notes === 1 ? "" : "s"}`,
      `${p.treatments} treatment${p.treatments === 1 ? "" : "s"}`,
      `${p.diaryEntries} diary entr${p.diaryEntries === 1 ? "y" : "ies"}`,
      `${p.checkups} scan${p.checkups === 1 ? "" : "s"} and check-ups`,
      `${p.checklistSteps} checklist step${p.checklistSteps === 1 ? "" : "s"}`,
    ].join(", ");

  const importButton = h("button", { type: "button", class: "secondary" }, "Bring in a backup file");
  importButton.addEventListener("click", async () => {
    replace(preview);
    try {
      const p = await api.previewBackup();
      if (!p) return;
      ask(preview, {
        text: [
          `This backup was made on ${longDate(p.exportedAt)}. It holds ${describe(p)}.`,
          "Bringing it in replaces everything in the app on this computer now. Nothing has changed yet.",
        ],
        yes: ["Yes, replace what is here", "primary"],
        no: "No, keep what is here",
        onYes: async () => {
          await api.importBackup();
          status.textContent = "Done. Your information from the backup is here now.";
        },
        onNo: () => (status.textContent = "Nothing was changed."),
        onError: (message) => (status.textContent = message),
        focus: "yes",
      });
    } catch (error) {
      status.textContent = asApiError(error).message;
    }
  });

  const confirmBox = h("div", { class: "preview" });
  const deleteButton = h("button", { type: "button", class: "danger" }, "Delete all my information");
  deleteButton.addEventListener("click", () => {
    ask(confirmBox, {
      text: [
        "",
        "This deletes your appointments, questions, answers, notes and record from this computer. It cannot be undone. Are you sure?",
      ],
      yes: ["Yes, delete everything", "danger"],
      no: "No, keep it",
      onYes: async () => {
        await api.deleteAllData();
        status.textContent = "All your information has been deleted from this computer.";
      },
      onNo: () => {},
      onError: (message) => (status.textContent = message),
      focus: "no",
    });
  });

  return h(
    "div",
    { class: "backup" },
    h("h2", { tabindex: "-1" }, "Backup and moving computers"),
    h("p", {}, "Your information is only on this computer. A backup file lets you keep a copy, or move to a new computer."),
    h("div", { class: "actions" }, exportButton, importButton),
    preview,
    status,
    h("h3", {}, "Delete all my information"),
    deleteButton,
    confirmBox,
  );
}
