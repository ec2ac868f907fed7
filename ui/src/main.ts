import "./styles.css";

import { mount } from "svelte";

import App from "./App.svelte";
import { api, asApiError, type Recovery } from "./lib/api";
import { watchClose } from "./lib/closing.svelte";
import { loadScreen } from "./lib/screen.svelte";

async function start(root: HTMLElement): Promise<void> {
  try {
    // All three at once; colours and text size are in place before the first screen is drawn.
    // Closing the window waits for the boxes to be saved from the first screen on.
    const [, content, recovery] = await Promise.all([
      loadScreen().catch(() => undefined),
      api.getContent(),
      api.getRecovery().catch((): Recovery | null => null),
      watchClose().catch(() => undefined),
    ]);
    mount(App, { target: root, props: { content, recovery } });
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
  }
}

const root = document.getElementById("app");
if (root) void start(root);
