import { api, asApiError, type BackupPreview, type Snapshot } from "../lib/api";
import { askFirst, ifSure } from "../lib/confirm";
import { longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";

const REASONS: Record<string, string> = {
  "before-import": "before a backup file was brought in",
  "before-delete-all": "before everything was deleted",
  "before-update": "before the app was updated",
  "before-restore": "before a safety copy was brought back",
  daily: "the first time the app was opened that day",
};

/** What a backup or safety copy holds, in words. */
export function describe(p: BackupPreview): string {
  return [
    `${p.appointments} appointment${p.appointments === 1 ? "" : "s"}`,
    `${p.questions} question${p.questions === 1 ? "" : "s"}`,
    `${p.notes} note${p.notes === 1 ? "" : "s"}`,
    `${p.treatments} treatment${p.treatments === 1 ? "" : "s"}`,
    `${p.diaryEntries} diary entr${p.diaryEntries === 1 ? "y" : "ies"}`,
    `${p.checkups} scan${p.checkups === 1 ? "" : "s"} and check-ups`,
    `${p.checklistSteps} checklist step${p.checklistSteps === 1 ? "" : "s"}`,
    `${p.contacts} care team contact${p.contacts === 1 ? "" : "s"}`,
  ].join(", ");
}

/** Backup to one file, import on another computer with a preview, safety copies, and delete everything. */
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

  const importButton = h("button", { type: "button", class: "secondary" }, "Bring in a backup file");
  importButton.addEventListener("click", async () => {
    replace(preview);
    try {
      const p = await api.previewBackup();
      if (!p) return;
      const sure = await askFirst(preview, {
        text: `This backup was made on ${longDate(p.exportedAt)}. It holds ${describe(p)}. Bringing it in replaces everything in the app on this computer now. A safety copy of what is here now is kept first. Nothing has changed yet.`,
        yes: "Yes, replace what is here",
        no: "No, keep what is here",
      });
      if (!sure) {
        status.textContent = "Nothing was changed.";
        return;
      }
      await api.importBackup();
      status.textContent = "Done. Your information from the backup is here now.";
      await showCopies();
    } catch (error) {
      status.textContent = asApiError(error).message;
    }
  });

  // Safety copies: taken by the app before big changes, and once a day.
  const copies = h("ul", { class: "note-list", id: "safety-copies" });
  const copyBox = h("div", { class: "preview" });
  const showCopies = async () => {
    let list: Snapshot[] = [];
    try {
      list = await api.listSnapshots();
    } catch (error) {
      replace(copies, h("li", {}, asApiError(error).message));
      return;
    }
    replace(
      copies,
      ...(list.length === 0 ? [h("li", {}, "There are no safety copies yet.")] : []),
      ...list.map((copy) => {
        const when = `${longDate(copy.takenAt)} at ${copy.takenAt.slice(11, 16)} (UTC)`;
        const bring = h("button", { type: "button", class: "small", "aria-label": `Bring back the safety copy of ${when}` }, "Look and bring back");
        bring.addEventListener("click", async () => {
          try {
            const p = await api.previewSnapshot(copy.name);
            const sure = await askFirst(copyBox, {
              text: `This safety copy was taken on ${when}, ${REASONS[copy.reason] ?? "by the app"}. It holds ${describe(p)}. Bringing it back replaces what is in the app now. A safety copy of what is here now is kept first.`,
              yes: "Yes, bring it back",
              no: "No, keep what is here",
            });
            if (!sure) return;
            await api.restoreSnapshot(copy.name);
            status.textContent = "Done. The safety copy is back.";
            await showCopies();
          } catch (error) {
            status.textContent = asApiError(error).message;
          }
        });
        return h("li", {}, `${when}, ${REASONS[copy.reason] ?? "by the app"}. `, bring);
      }),
    );
  };
  const deleteCopies = h("button", { type: "button", class: "secondary" }, "Delete all safety copies");
  deleteCopies.addEventListener("click", () =>
    ifSure(
      copyBox,
      {
        text: "Delete every safety copy from this computer? This cannot be undone.",
        yes: "Yes, delete the safety copies",
        no: "No, keep them",
      },
      async () => {
        await api.deleteSnapshots();
        status.textContent = "The safety copies are deleted.";
        await showCopies();
      },
      status,
    ),
  );

  const confirmBox = h("div", { class: "preview" });
  const deleteButton = h("button", { type: "button", class: "danger" }, "Delete all my information");
  deleteButton.addEventListener("click", () =>
    ifSure(
      confirmBox,
      {
        text: "This deletes your appointments, questions, answers, notes and record from this computer. One safety copy is kept, in case this is a mistake; you can delete it below. Are you sure?",
        yes: "Yes, delete everything",
        no: "No, keep it",
      },
      async () => {
        await api.deleteAllData();
        status.textContent =
          "All your information has been deleted from this computer. A safety copy was kept: to remove it too, use Delete all safety copies.";
        await showCopies();
      },
      status,
    ),
  );

  void showCopies();
  return h(
    "div",
    { class: "backup" },
    h("h2", { tabindex: "-1" }, "Backup and moving computers"),
    h("p", {}, "Your information is only on this computer. A backup file lets you keep a copy, or move to a new computer."),
    h("div", { class: "actions" }, exportButton, importButton),
    preview,
    status,
    h("h3", {}, "Safety copies"),
    h(
      "p",
      {},
      "The app keeps its own copies of your information on this computer: before a backup is brought in, before everything is deleted, before an update, and once a day. It keeps the newest 7.",
    ),
    copies,
    copyBox,
    deleteCopies,
    h("h3", {}, "Delete all my information"),
    deleteButton,
    confirmBox,
  );
}
