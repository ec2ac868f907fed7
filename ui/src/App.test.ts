import { fireEvent, render, screen as dom, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import App from "./App.svelte";
import type { ScreenSettings } from "./lib/api";
import { screen } from "./lib/screen.svelte";
import { appContent } from "./test/content";
import { firstScreen } from "./test/first";
import Settings from "./views/Settings.svelte";

const content = appContent;
const home = {
  next: { id: 4, startsAt: "2099-01-15T14:30", withWhom: "Dr Nowak", place: "", purpose: "" },
  line: { id: 1, name: "Acute oncology line", role: "", phone: "0800 000 000", roundTheClock: true },
  chosen: 2,
  top: [{ id: 1, text: "What are my options?" }],
};

let saved: ScreenSettings[] = [];

beforeEach(() => {
  saved = [];
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "get_home":
        return home;
      case "get_content":
        return appContent;
      case "show_window":
        return null;
      case "save_screen_settings": {
        const { settings } = args as { settings: ScreenSettings };
        saved.push(settings);
        return settings;
      }
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
});

afterEach(() => {
  clearMocks();
  Object.assign(screen, { theme: "system", highContrast: false, textSize: "normal", welcomed: false });
});

describe("the first screen", () => {
  it("welcomes a new user once, then opens on home with the next appointment and the top 3", async () => {
    render(App, { first: firstScreen() });
    expect(dom.getByRole("heading", { level: 2, name: "Welcome to ALK Companion" })).toBeTruthy();
    await fireEvent.click(dom.getByRole("button", { name: "Go to my home page" }));
    await waitFor(() => expect(saved[saved.length - 1]?.welcomed).toBe(true));
    await waitFor(() => expect(document.getElementById("home-next-when")?.textContent).toContain("15 January 2099"));
    expect(document.getElementById("home-count")?.textContent).toBe("2 questions chosen.");
    expect([...document.querySelectorAll(".home-top li")].map((li) => li.textContent)).toEqual(["What are my options?"]);
    expect(document.getElementById("home-round-the-clock")?.textContent).toContain("0800 000 000");
    expect(document.activeElement?.textContent).toBe("Home");
  });

  it("opens on home when the welcome was seen before", async () => {
    screen.welcomed = true;
    render(App, { first: firstScreen({ home }) });
    expect(dom.getByRole("heading", { level: 2, name: "Home" })).toBeTruthy();
    expect(dom.queryByText("Welcome to ALK Companion")).toBeNull();
    // Drawn from the first screen's answer, without asking again.
    expect(document.getElementById("home-next-when")?.textContent).toContain("15 January 2099");
    expect(document.getElementById("next-when")?.textContent).toContain("15 January 2099");
  });
});

describe("views loaded when first opened", () => {
  it("waits for the content before showing a view that reads it, then puts the focus on its heading", async () => {
    let give: (content: unknown) => void = () => undefined;
    const asked: string[] = [];
    mockIPC((cmd) => {
      asked.push(cmd);
      if (cmd === "get_content") return new Promise((resolve) => (give = resolve));
      return null;
    });
    screen.welcomed = true;
    render(App, { first: firstScreen({ home }) });
    // Asked for once home is painted (start.test.ts: only after the window is shown).
    await waitFor(() => expect(asked).toContain("get_content"));
    await fireEvent.click(document.querySelector<HTMLButtonElement>("nav.main-nav button[data-view='glossary']")!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector("main h2")?.textContent).toBe("Home");
    give(content);
    const heading = await dom.findByRole("heading", { level: 2, name: "Words and their meanings" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    // Fetched once: the next view uses the same.
    const fetched = asked.filter((cmd) => cmd === "get_content").length;
    await fireEvent.click(document.querySelector<HTMLButtonElement>("nav.main-nav button[data-view='help']")!);
    await dom.findByRole("heading", { level: 2, name: "Help" });
    expect(asked.filter((cmd) => cmd === "get_content")).toHaveLength(fetched);
  });

  it("says plainly when the content cannot be read, and home still works", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_content") throw { kind: "storage", message: "The app's information files could not be read." };
      return cmd === "get_home" ? home : null;
    });
    screen.welcomed = true;
    render(App, { first: firstScreen({ home }) });
    await fireEvent.click(document.querySelector<HTMLButtonElement>("nav.main-nav button[data-view='glossary']")!);
    const heading = await dom.findByRole("heading", { level: 2, name: "Word meanings" });
    expect(document.getElementById("view-problem")?.textContent).toBe("The app's information files could not be read.");
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await fireEvent.click(document.querySelector<HTMLButtonElement>("nav.main-nav button[data-view='home']")!);
    await waitFor(() => expect(document.getElementById("home-count")?.textContent).toBe("2 questions chosen."));
  });
});

describe("keys", () => {
  it("Ctrl+F and / go to search, but / while typing is just a letter", async () => {
    screen.welcomed = true;
    render(App, { first: firstScreen() });
    const search = document.getElementById("search") as HTMLInputElement;
    await fireEvent.keyDown(document.body, { key: "f", ctrlKey: true });
    expect(document.activeElement).toBe(search);
    search.blur();
    await fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(search);
    search.blur();
    const box = document.createElement("textarea");
    document.body.append(box);
    box.focus();
    await fireEvent.keyDown(box, { key: "/" });
    expect(document.activeElement).toBe(box);
    box.remove();
  });

  it("Escape closes the folded menu and gives the focus back to its button", async () => {
    screen.welcomed = true;
    render(App, { first: firstScreen() });
    const toggle = dom.getByRole("button", { name: "Menu" });
    await fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(toggle);
  });
});

describe("settings", () => {
  it("shows a change at once on the page and asks Rust to remember it", async () => {
    render(Settings);
    await fireEvent.click(dom.getByLabelText("Dark"));
    expect(document.documentElement.dataset.theme).toBe("dark");
    await fireEvent.click(dom.getByLabelText(/High contrast/));
    expect(document.documentElement.dataset.contrast).toBe("high");
    await fireEvent.click(dom.getByLabelText(/Larger/));
    expect(document.documentElement.dataset.size).toBe("larger");
    await waitFor(() => expect(saved[saved.length - 1]).toEqual({ theme: "dark", highContrast: true, textSize: "larger", welcomed: false }));
    await waitFor(() => expect(document.getElementById("settings-status")?.textContent).toContain("Saved"));
    expect(document.getElementById("settings-status")?.getAttribute("role")).toBe("status");
  });
});
