import "./styles.css";

import { mount } from "svelte";

import App from "./App.svelte";
import { api, asApiError, type Recovery } from "./lib/api";
import { loadScreen } from "./lib/screen.svelte";

async function start(root: HTMLElement): Promise<void> {
  try {
    // Colours and text size first, so the first screen is drawn as the patient set it.
    await loadScreen().catch(() => undefined);
    const content = await api.getContent();
    const recovery: Recovery | null = await api.getRecovery().catch(() => null);
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
