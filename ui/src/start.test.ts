import { waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { FirstScreen } from "./lib/api";
import { appContent } from "./test/content";
import { firstScreen } from "./test/first";

const welcomed = { theme: "dark", highContrast: false, textSize: "large", welcomed: true } as const;
const home = {
  next: { id: 4, startsAt: "2099-01-15T14:30", withWhom: "Dr Nowak", place: "", purpose: "" },
  line: null,
  chosen: 1,
  top: [{ id: 1, text: "What are my options?" }],
};

/** Rust answering the page's start; every command asked for, in order, is in `calls`. */
function rust(first: FirstScreen | { kind: string; message: string }) {
  const calls: [string, Record<string, unknown>][] = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, (args ?? {}) as Record<string, unknown>]);
    switch (cmd) {
      case "first_screen":
        if ("kind" in first) throw first;
        return first;
      case "get_content":
        return appContent;
      default:
        return null;
    }
  });
  return { calls, names: () => calls.map(([cmd]) => cmd) };
}

/** Starts the page, as main.ts does, in a fresh copy of its modules: it is told it painted once. */
async function start() {
  const root = document.createElement("div");
  document.body.append(root);
  const { start } = await import("./start");
  await start(root);
  return root;
}

beforeEach(() => vi.resetModules());
afterEach(() => {
  clearMocks();
  document.body.replaceChildren();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.size;
});

describe("the start", () => {
  it("draws home from one call, shows the window, and asks for the content only once home is painted", async () => {
    const ipc = rust(firstScreen({ screen: welcomed, home }));
    const root = await start();
    expect(root.querySelector("h2")?.textContent).toBe("Home");
    expect(root.querySelector("#home-next-when")?.textContent).toContain("15 January 2099");
    expect(root.querySelector(".home-top li")?.textContent).toBe("What are my options?");
    // Colours and size were in place when it was drawn.
    expect(document.documentElement.dataset.theme).toBe("dark");
    await waitFor(() => expect(ipc.names()).toContain("show_window"));
    expect(ipc.names().slice(0, ipc.names().indexOf("show_window"))).toEqual(["first_screen"]);
    const [, args] = ipc.calls[0]!;
    expect(args.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(JSON.stringify(args.onClose)).toMatch(/^"__CHANNEL__:\d+"$/);
    // The benchmark's line (its build only), then the content.
    await waitFor(() => expect(ipc.names()).toEqual(["first_screen", "show_window", "first_screen_shown", "get_content"]));
  });

  it("draws the welcome at the first start from the same one call", async () => {
    const ipc = rust(firstScreen());
    const root = await start();
    expect(root.querySelector("h2")?.textContent).toBe("Welcome to ALK Companion");
    await waitFor(() => expect(ipc.names()).toContain("show_window"));
    expect(ipc.names().slice(0, ipc.names().indexOf("show_window"))).toEqual(["first_screen"]);
  });

  it("says why when the first call fails, and still shows the window", async () => {
    const ipc = rust({ kind: "storage", message: "The app's information could not be read." });
    const root = await start();
    expect(root.querySelector("[role=alert]")?.textContent).toBe("The app's information could not be read.");
    await waitFor(() => expect(ipc.names()).toContain("show_window"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ipc.names()).toEqual(["first_screen", "show_window"]);
  });
});
