// The page's start: one call brings everything the first screen shows, then the app is drawn.
// The window stays hidden until that screen is painted (lib/painted.ts), or shows this message.
import { mount } from "svelte";

import App from "./App.svelte";
import { api, asApiError } from "./lib/api";
import { closeChannel } from "./lib/closing.svelte";
import { localNow } from "./lib/forms";
import { markStart } from "./lib/painted";
import { showScreen } from "./lib/screen.svelte";

export async function start(root: HTMLElement): Promise<void> {
  try {
    // Closing the window waits for the boxes to be saved from the first screen on.
    markStart("script");
    const first = await api.firstScreen(localNow(), closeChannel());
    markStart("first_screen");
    // Colours and text size are in place before the first screen is drawn.
    showScreen(first.screen);
    mount(App, { target: root, props: { first } });
  } catch (error) {
    const main = document.createElement("main");
    main.id = "main";
    main.className = "fatal";
    const title = document.createElement("h1");
    title.textContent = "ALK Companion";
    const line = document.createElement("p");
    line.setAttribute("role", "alert");
    line.textContent = asApiError(error).message;
    main.append(title, line);
    root.replaceChildren(main);
    void api.showWindow().catch(() => undefined);
  }
}
