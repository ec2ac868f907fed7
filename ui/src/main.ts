import "./styles.css";

import { api, asApiError, type Content } from "./lib/api";
import { h, replace } from "./lib/dom";
import { renderAbout } from "./views/about";
import { renderChecklist } from "./views/checklist";
import type { ViewContext, ViewName } from "./views/context";
import { renderGlossary } from "./views/glossary";
import { renderNotes } from "./views/notes";
import { renderPack } from "./views/pack";
import { renderQuestions } from "./views/questions";
import { renderRead } from "./views/read";
import { renderSearch } from "./views/search";

const VIEWS: [ViewName, string][] = [
  ["read", "Information"],
  ["questions", "My questions"],
  ["checklist", "Second opinion"],
  ["glossary", "Word meanings"],
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
    const body = await render(view, ctx, detail);
    replace(main, body);
    if (focus && !detail) main.querySelector<HTMLElement>("h2")?.focus();
  };
  const render = async (view: ViewName, ctx: ViewContext, detail?: string): Promise<HTMLElement> => {
    switch (view) {
      case "read":
        return renderRead(ctx, detail);
      case "questions":
        return renderQuestions(ctx, chosen, detail);
      case "checklist":
        return renderChecklist(ctx, detail);
      case "glossary":
        return renderGlossary(ctx, detail);
      case "notes":
        return renderNotes();
      case "pack":
        return renderPack(ctx, chosen);
      case "about":
        return renderAbout(ctx);
      case "search":
        return renderSearch(ctx, detail ?? "");
    }
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

  const searchBox = h("input", { type: "search", id: "search", autocomplete: "off", spellcheck: "false" });
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  searchBox.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void show("search", searchBox.value, false), 150);
  });
  const searchForm = h(
    "form",
    { role: "search", class: "search-form" },
    h("label", { for: "search" }, "Search"),
    searchBox,
  );
  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void show("search", searchBox.value, false);
  });

  replace(
    root,
    h(
      "header",
      { class: "top" },
      h("h1", {}, "ALK Companion"),
      h("p", { class: "tagline" }, "Information and appointment planning for ALK-positive lung cancer. Information, not medical advice."),
      searchForm,
    ),
    nav,
    main,
    announcer,
  );
  await show("read", undefined, false);
}

const root = document.getElementById("app");
if (root) void start(root);
