import "./styles.css";

import { api, asApiError, type Content } from "./lib/api";
import { h, replace } from "./lib/dom";
import { renderAbout } from "./views/about";
import type { ViewContext, ViewName } from "./views/context";
import { renderNotes } from "./views/notes";
import { renderPack } from "./views/pack";
import { renderQuestions } from "./views/questions";
import { renderRead } from "./views/read";

const VIEWS: [ViewName, string][] = [
  ["read", "Information"],
  ["questions", "My questions"],
  ["notes", "My notes"],
  ["pack", "Appointment pack"],
  ["about", "About"],
];

async function start(root: HTMLElement): Promise<void> {
  const announcer = h("div", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  const main = h("main", { id: "main", tabindex: "-1" });
  let content: Content;
  let chosen: Set<string>;
  try {
    content = await api.getContent();
    chosen = new Set(await api.listChosenQuestions());
  } catch (error) {
    replace(
      root,
      h("main", { id: "main", class: "fatal" }, h("h1", {}, "ALK Companion"), h("p", { role: "alert" }, asApiError(error).message)),
    );
    return;
  }

  const buttons = new Map<ViewName, HTMLButtonElement>();
  const show = async (view: ViewName, detail?: string, focus = true) => {
    for (const [name, button] of buttons) button.setAttribute("aria-current", String(name === view));
    const ctx: ViewContext = { content, announce, show: (v, d) => void show(v, d) };
    const body =
      view === "read"
        ? renderRead(ctx, detail)
        : view === "questions"
          ? renderQuestions(ctx, chosen)
          : view === "notes"
            ? await renderNotes()
            : view === "pack"
              ? renderPack(ctx, chosen)
              : renderAbout(ctx);
    replace(main, body);
    if (focus) main.querySelector<HTMLElement>("h2")?.focus();
  };
  const announce = (message: string) => {
    announcer.textContent = message;
  };

  const nav = h("nav", { class: "main-nav", "aria-label": "Main" });
  const list = h("ul", {});
  for (const [name, label] of VIEWS) {
    const button = h("button", { type: "button", "data-view": name }, label);
    button.addEventListener("click", () => void show(name));
    buttons.set(name, button);
    list.append(h("li", {}, button));
  }
  nav.append(list);

  replace(
    root,
    h(
      "header",
      { class: "top" },
      h("h1", {}, "ALK Companion"),
      h("p", { class: "tagline" }, "Information and appointment planning for ALK-positive lung cancer. Information, not medical advice."),
    ),
    nav,
    main,
    announcer,
  );
  await show("read", undefined, false);
}

const root = document.getElementById("app");
if (root) void start(root);
