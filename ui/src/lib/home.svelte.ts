// What home and the banner beside every screen show: the next appointment, the questions chosen
// for it and the 24-hour line. The first screen's answer brings it; after that, get_home.
import { api, asApiError, type FirstScreen, type Home, type Safety } from "./api";
import { localNow } from "./forms";
import { NewestReply } from "./newest";

export const home: { now: Home | null; problem: string; safety: Safety | null } = $state({ now: null, problem: "", safety: null });

/** Set while the first screen's answer is still to be shown by home, its first view. */
let unseen = false;
const newest = new NewestReply();

/** Takes the first screen's answer; `shownFirst` when home is the first view (not the welcome). */
export function startHome(first: FirstScreen, shownFirst: boolean): void {
  home.now = first.home;
  home.problem = first.problem?.message ?? "";
  home.safety = first.safety;
  unseen = shownFirst;
}

/** True once, for home's first visit, which shows the first screen's answer instead of asking again. */
export function takeFirstAnswer(): boolean {
  const was = unseen;
  unseen = false;
  return was;
}

/** Asks Rust again; the newest answer wins. */
export async function refreshHome(): Promise<void> {
  const fresh = newest.ticket();
  try {
    const now = await api.getHome(localNow());
    if (!fresh()) return;
    home.now = now;
    home.problem = "";
  } catch (error) {
    if (fresh()) home.problem = asApiError(error).message;
  }
}
