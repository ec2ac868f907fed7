import { render, screen as dom, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import App from "./App.svelte";
import { screen } from "./lib/screen.svelte";
import { appContent } from "./test/content";
import { firstScreen } from "./test/first";

// The file of one view cannot be loaded, as if it were missing from the app.
vi.mock("./views/Help.svelte", () => {
  throw new Error("not there");
});

afterEach(() => {
  clearMocks();
  screen.welcomed = false;
});

describe("a view whose file cannot be loaded", () => {
  it("says so in plain words under its heading, instead of a blank page, and the others still open", async () => {
    mockIPC((cmd) => (cmd === "get_content" ? appContent : null));
    screen.welcomed = true;
    render(App, { first: firstScreen() });
    const nav = (view: string) => document.querySelector<HTMLButtonElement>(`nav.main-nav button[data-view='${view}']`)!;
    nav("help").click();
    const heading = await dom.findByRole("heading", { level: 2, name: "Help" });
    expect(document.getElementById("view-problem")?.textContent).toBe(
      "This page could not be opened. Please close ALK Companion and open it again. What you saved is safe.",
    );
    expect(document.getElementById("view-problem")?.getAttribute("role")).toBe("alert");
    await waitFor(() => expect(document.activeElement).toBe(heading));
    nav("glossary").click();
    await dom.findByRole("heading", { level: 2, name: "Words and their meanings" });
    expect(document.getElementById("view-problem")).toBeNull();
  });
});
