import "./styles.css";

import { api, asApiError, type Content } from "./lib/api";
import { closeAll } from "./lib/autosave";
import { h, replace } from "./lib/dom";
import { renderAbout } from "./views/about";
import { APPOINTMENTS_CHANGED, nextAppointmentBanner, renderAppointments } from "./views/appointments";
import { renderBackup } from "./views/backup";
import { renderBin } from "./views/bin";
import { renderChecklist } from "./views/checklist";
import type { ViewContext, ViewName } from "./views/context";
import { renderGlossary } from "./views/glossary";
import { renderNotes } from "./views/notes";
import { renderPack } from "./views/pack";
import { renderQuestions, type ListChoice } from "./views/questions";
import { renderRead } from "./views/read";
import { CONTACTS_CHANGED, renderRecord } from "./views/record";
import { recoveryNotice } from "./views/recovery";
import { renderSearch } from "./views/search";

const VIEWS: [ViewName, string][] = [
  ["read", "Information"],
  ["appointments", "My appointments"],
  ["questions", "My questions"],
  ["notes", "My notes"],
  ["record", "My record"],
  ["checklist", "Second opinion"],
  ["pack", "Appointment pack"],
  ["glossary", "Word meanings"],
  ["bin", "Bin"],
  ["backup", "Backup"],
  ["about", "About"],
];

async function start(root: HTMLElement): Promise<void> {
  const main = h("main", { id: "main", tabindex: "-1" });
  const banner = h("div", { id: "banner" });
  let content: Content;
  const list: ListChoice = { id: null, picked: false };
  try {
    content = await api.getContent();
  } catch (error) {
    replace(
      root,
      h("main", { id: "main", class: "fatal" }, h("h1", {}, "ALK Companion"), h("p", { role: "alert" }, asApiError(error).message)),
    );
    return;
  }
  const refreshBanner = async () => {
    try {
      const [appointments, contacts] = await Promise.all([api.listAppointments(), api.listContacts()]);
      replace(banner, nextAppointmentBanner(appointments, contacts.find((c) => c.roundTheClock) ?? null));
      return appointments;
    } catch (error) {
      replace(banner, h("p", { class: "message", role: "alert" }, asApiError(error).message));
      return [];
    }
  };
  await refreshBanner();
  document.addEventListener(APPOINTMENTS_CHANGED, () => void refreshBanner());
  document.addEventListener(CONTACTS_CHANGED, () => void refreshBanner());

  const buttons = new Map<ViewName, HTMLButtonElement>();
  const render = async (view: ViewName, ctx: ViewContext, detail?: string): Promise<HTMLElement> => {
    switch (view) {
      case "read":
        return renderRead(ctx, detail);
      case "appointments":
        return renderAppointments();
      case "questions":
        return renderQuestions(ctx, list, detail);
      case "notes":
        return renderNotes(detail);
      case "record":
        return renderRecord(ctx);
      case "checklist":
        return renderChecklist(ctx, detail);
      case "glossary":
        return renderGlossary(ctx, detail);
      case "pack":
        return renderPack(ctx, list);
      case "backup":
        return renderBackup();
      case "bin":
        return renderBin(ctx);
      case "about":
        return renderAbout(ctx);
      case "search":
        return renderSearch(ctx, detail ?? "");
    }
  };
  const leaving = h("p", { class: "message", role: "alert", id: "unsaved" });
  const show = async (view: ViewName, detail?: string, focus = true) => {
    // What is being typed is saved before the screen changes; if it cannot be, the screen stays.
    if (!(await closeAll())) {
      leaving.textContent = "Something you typed could not be saved, so this page stays open. Your words are still in the box.";
      main.prepend(leaving);
      return;
    }
    leaving.remove();
    for (const [name, button] of buttons) button.setAttribute("aria-current", String(name === view));
    const ctx: ViewContext = { content, show: (v, d) => void show(v, d) };
    try {
      replace(main, await render(view, ctx, detail));
    } catch (error) {
      replace(main, h("p", { class: "message", role: "alert" }, asApiError(error).message));
    }
    if (focus && !detail) main.querySelector<HTMLElement>("h2")?.focus();
  };

  const nav = h("nav", { class: "main-nav", "aria-label": "Main" });
  const navList = h("ul", {});
  for (const [name, label] of VIEWS) {
    const button = h("button", { type: "button", "data-view": name }, label);
    button.addEventListener("click", () => void show(name));
    buttons.set(name, button);
    navList.append(h("li", {}, button));
  }
  nav.append(navList);

  const searchBox = h("input", { type: "search", id: "search", autocomplete: "off", spellcheck: "false" });
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  searchBox.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void show("search", searchBox.value, false), 150);
  });
  const searchForm = h("form", { role: "search", class: "search-form" }, h("label", { for: "search" }, "Search"), searchBox);
  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void show("search", searchBox.value, false);
  });

  const notice = h("div", { id: "notice" });
  try {
    const recovery = await api.getRecovery();
    if (recovery) replace(notice, recoveryNotice(recovery, () => void refreshBanner()));
  } catch (error) {
    replace(notice, h("p", { class: "message", role: "alert" }, asApiError(error).message));
  }

  replace(
    root,
    h(
      "header",
      { class: "top" },
      h("h1", {}, "ALK Companion"),
      h("p", { class: "tagline" }, "Information and appointment planning for ALK-positive lung cancer. Information, not medical advice."),
      searchForm,
    ),
    notice,
    banner,
    nav,
    main,
  );
  await show("read", undefined, false);
}

const root = document.getElementById("app");
if (root) void start(root);
