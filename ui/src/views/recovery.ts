import { api, asApiError, type Recovery } from "../lib/api";
import { askFirst } from "../lib/confirm";
import { longDate } from "../lib/dates";
import { h, replace } from "../lib/dom";
import { describe } from "./backup";

/** Said at start when the saved information could not be read: what happened, that the file
 * is kept, and the newest safety copy to bring back. */
export function recoveryNotice(recovery: Recovery, onRestored: () => void): HTMLElement {
  const line = h("p", { role: "status" });
  const box = h("div", { class: "preview" });
  const copy = recovery.newestCopy;
  const when = copy ? `${longDate(copy.takenAt)} at ${copy.takenAt.slice(11, 16)} (UTC)` : "";
  const bring = h("button", { type: "button", class: "primary", id: "bring-back-copy" }, `Look at the safety copy of ${when}`);
  bring.addEventListener("click", async () => {
    if (!copy) return;
    try {
      const p = await api.previewSnapshot(copy.name);
      const sure = await askFirst(box, {
        text: `The safety copy of ${when} holds ${describe(p)}. Bring it back?`,
        yes: "Yes, bring it back",
        no: "No, not now",
        yesClass: "primary",
      });
      if (!sure) return;
      await api.restoreSnapshot(copy.name);
      replace(line, "Done. Your information from the safety copy is back.");
      bring.remove();
      onRestored();
    } catch (error) {
      replace(line, asApiError(error).message);
    }
  });
  return h(
    "section",
    { class: "recovery", "aria-labelledby": "recovery-title", role: "alert" },
    h("h2", { id: "recovery-title" }, "Your saved information could not be read"),
    h(
      "p",
      {},
      `The file that holds it was damaged, so the app started with an empty record. Nothing was thrown away: the damaged file is kept in the app's folder as ${recovery.movedTo}.`,
    ),
    copy
      ? h("div", { class: "actions" }, bring)
      : h("p", {}, "There is no safety copy to bring back. If you saved a backup file, you can bring it in under Backup."),
    box,
    line,
  );
}
