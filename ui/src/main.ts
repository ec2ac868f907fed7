import "./styles.css";

import { mount } from "svelte";

import App from "./App.svelte";
import { api, asApiError, type Recovery } from "./lib/api";
import { loadScreen } from "./lib/screen.svelte";

async function start(root: HTMLElement): Promise<void> {
  try {
    // All three at once; colours and text size are in place before the first screen is drawn.
    const [, content, recovery] = await Promise.all([
      loadScreen().catch(() => undefined),
      api.getContent(),
      api.getRecovery().catch((): Recovery | null => null),
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
