import { api, asApiError, type BackupPreview } from "../lib/api";
import { longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";

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
      const yes = h("button", { type: "button", class: "primary" }, "Yes, replace what is here");
      const no = h("button", { type: "button", class: "secondary" }, "No, keep what is here");
      yes.addEventListener("click", async () => {
        try {
          await api.importBackup();
          replace(preview);
          status.textContent = "Done. Your information from the backup is here now.";
        } catch (error) {
          status.textContent = asApiError(error).message;
        }
      });
      no.addEventListener("click", () => {
        replace(preview);
        status.textContent = "Nothing was changed.";
      });
      replace(
        preview,
        h("p", {}, `This backup was made on ${longDate(p.exportedAt)}. It holds ${describe(p)}.`),
        h("p", { class: "warning" }, "Bringing it in replaces everything in the app on this computer now. Nothing has changed yet."),
        h("div", { class: "actions" }, yes, no),
      );
      yes.focus();
    } catch (error) {
      status.textContent = asApiError(error).message;
    }
  });

  const confirmBox = h("div", { class: "preview" });
  const deleteButton = h("button", { type: "button", class: "danger" }, "Delete all my information");
  deleteButton.addEventListener("click", () => {
    const yes = h("button", { type: "button", class: "danger" }, "Yes, delete everything");
    const no = h("button", { type: "button", class: "secondary" }, "No, keep it");
    yes.addEventListener("click", async () => {
      try {
        await api.deleteAllData();
        replace(confirmBox);
        status.textContent = "All your information has been deleted from this computer.";
      } catch (error) {
        status.textContent = asApiError(error).message;
      }
    });
    no.addEventListener("click", () => replace(confirmBox));
    replace(
      confirmBox,
      h("p", { class: "warning" }, "This deletes your appointments, questions, answers, notes and record from this computer. It cannot be undone. Are you sure?"),
      h("div", { class: "actions" }, yes, no),
    );
    no.focus();
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
