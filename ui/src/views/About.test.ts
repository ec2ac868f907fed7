import { render, screen as dom, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Content } from "../lib/api";
import WithApp from "../test/WithApp.svelte";
import About from "./About.svelte";

const content = {
  meta: {
    version: "2026.11.1",
    source: { title: "ALK Treatment", publisher: "ALK Positive UK", flowchartDated: "February 2025", linksNote: "" },
    producer: { name: "The ALK Companion team", feedback: "Tell us through the charity." },
    reviews: [
      { page: "tkis", title: "What TKIs are", review: null },
      { page: "about", title: "About", review: null },
    ],
    about: { text: "ALK Companion helps you.\n\nIt gives information, not advice." },
  },
  references: [{ id: "r1", authors: "Peters S, et al", year: 2017, title: "Alectinib versus Crizotinib", journal: "N Engl J Med" }],
} as unknown as Content;

afterEach(() => clearMocks());

function show(fail = false) {
  const calls: string[] = [];
  mockIPC((cmd) => {
    calls.push(cmd);
    if (fail) throw { kind: "storage", message: "The folder could not be opened." };
    if (cmd === "get_about") return { appVersion: "0.1.0", dataFolder: "/home/sam/.local/share/uk.alkcompanion.desktop" };
    if (cmd === "open_data_folder") return null;
    throw new Error(`unexpected ${cmd}`);
  });
  const app = { content, show: vi.fn() };
  render(WithApp, { props: { app, view: About, props: {} } });
  return { app, calls, user: userEvent.setup() };
}

describe("about", () => {
  it("says truthfully that no clinician has checked the text yet, and gives the content version", () => {
    show();
    expect(document.querySelector(".about .review")!.textContent).toContain("No page of this text has yet been checked by a clinician");
    expect(document.querySelector(".about .review-about")!.textContent).toContain("has not yet been checked by a clinician");
    expect(document.querySelector(".about")!.textContent).toContain("Content version 2026.11.1.");
    expect(dom.getByText("Peters S, et al (2017). Alectinib versus Crizotinib. N Engl J Med.")).toBeTruthy();
  });

  it("shows the welcome again", async () => {
    const { app, user } = show();
    await user.click(dom.getByRole("button", { name: "Show the welcome again" }));
    expect(app.show).toHaveBeenCalledWith("welcome", undefined);
  });

  it("gives the app's version and data folder from Rust, and opens the folder", async () => {
    const { calls, user } = show();
    await waitFor(() => expect(document.querySelector(".about")!.textContent).toContain("App version 0.1.0."));
    expect(document.querySelector(".about .path")!.textContent).toBe("/home/sam/.local/share/uk.alkcompanion.desktop");
    await user.click(dom.getByRole("button", { name: "Open the folder" }));
    expect(calls).toContain("open_data_folder");
  });

  it("keeps the rest of the page when the app's facts cannot be read", async () => {
    show(true);
    await waitFor(() => expect(dom.getByRole("alert").textContent).toContain("The folder could not be opened."));
    expect(dom.getByRole("button", { name: "Show the welcome again" })).toBeTruthy();
  });
});
