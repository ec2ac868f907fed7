import { fireEvent, render, waitFor } from "@testing-library/svelte";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";

import { live } from "../lib/announce.svelte";
import type { Content, SearchHit } from "../lib/api";
import WithApp from "../test/WithApp.svelte";
import { safety } from "../test/safety";
import Checklist from "./Checklist.svelte";
import Glossary from "./Glossary.svelte";
import Read from "./Read.svelte";
import Search from "./Search.svelte";

const content = {
  meta: { source: { title: "ALK Treatment", publisher: "ALK Positive UK", flowchartDated: "February 2025" },
    scopes: {
      advanced: "About advanced or metastatic ALK-positive lung cancer.",
      early: "About early-stage ALK-positive lung cancer.",
      everyone: "For everyone with ALK-positive lung cancer.",
    },
    currency: { note: "NICE guidance and what the NHS offers may have changed since ALK Positive UK wrote its page." },
    reviews: [
      { page: "tki", title: "ALK inhibitors", review: { reviewer: "A. Name", role: "Lung cancer nurse", date: "2027-01-05", nextReview: "2028-01-05" } },
      { page: "scans", title: "Scans", review: null },
    ],
  },
  sections: [
    {
      id: "tki",
      title: "ALK inhibitors",
      scope: "advanced",
      currency: true,
      links: ["alk-positive-uk"],
      references: [],
      blocks: [{ type: "paragraph", inlines: [{ type: "text", text: "These are " }, { type: "term", id: "tki", text: "TKIs" }, { type: "text", text: "." }] }],
    },
    { id: "scans", title: "Scans", scope: "everyone", currency: false, links: [], references: [], blocks: [{ type: "heading", text: "How often" }] },
  ],
  links: [{ id: "alk-positive-uk", label: "ALKPositive.org.uk", address: "https://www.alkpositive.org.uk" }],
  safety: { ...safety, pages: ["scans"] },
  glossary: [
    { id: "tki", term: "TKI", definition: "A medicine taken as a tablet." },
    { id: "alk", term: "ALK", definition: "A gene that can change in some lung cancers." },
  ],
  references: [],
  checklist: [
    { id: "ask", text: "Ask your oncologist", why: "They can refer you." },
    { id: "copies", text: "Get copies of your scans", why: "The second team needs them." },
  ],
} as unknown as Content;

const shown: string[] = [];
const app = { content, show: (view: string, detail?: string) => void shown.push(`${view}:${detail ?? ""}`) };

afterEach(() => {
  clearMocks();
  shown.length = 0;
});

describe("an information page", () => {
  it("opens a word's meaning in place, and Escape closes it with the focus on the word", async () => {
    render(WithApp, { props: { app, view: Read } });
    const term = document.querySelector<HTMLButtonElement>("button.term")!;
    const meaning = document.getElementById(term.getAttribute("aria-controls")!)!;
    expect(meaning.hidden).toBe(true);
    term.focus();
    await fireEvent.click(term);
    expect(meaning.hidden).toBe(false);
    expect(term.getAttribute("aria-expanded")).toBe("true");
    await fireEvent.keyDown(term, { key: "Escape" });
    expect(meaning.hidden).toBe(true);
    expect(document.activeElement).toBe(term);
  });

  it("opens the page a search result names, and another page with its heading focused", async () => {
    render(WithApp, { props: { app, view: Read, props: { detail: "scans" } } });
    expect(document.getElementById("section-title")!.textContent).toBe("Scans");
    await fireEvent.click(document.querySelector<HTMLButtonElement>(".section-list button[data-id='tki']")!);
    await waitFor(() => expect(document.activeElement?.textContent).toBe("ALK inhibitors"));
    expect(document.querySelector(".section-list button[data-id='tki']")!.getAttribute("aria-current")).toBe("page");
    expect(document.querySelector(".meta")!.textContent).toBe("Source: ALK Treatment, ALK Positive UK.");
  });

  it("says who checked a page only while its sign-off holds, and plainly when nobody has", async () => {
    render(WithApp, { props: { app, view: Read, props: { detail: "tki" } } });
    expect(document.querySelector(".review")!.textContent).toBe(
      "Checked by A. Name (Lung cancer nurse) on 5 January 2027. The next check is due by 5 January 2028.",
    );
    await fireEvent.click(document.querySelector<HTMLButtonElement>(".section-list button[data-id='scans']")!);
    await waitFor(() => expect(document.querySelector(".review")!.textContent).toContain("has not yet been checked by a clinician"));
  });
});

describe("what a page says around its text", () => {
  it("says first who the page is about, and notes that what is offered may have changed", async () => {
    render(WithApp, { props: { app, view: Read, props: { detail: "tki" } } });
    const scope = document.getElementById("section-scope")!;
    expect(scope.textContent).toBe("About advanced or metastatic ALK-positive lung cancer.");
    expect(scope.previousElementSibling?.id).toBe("section-title");
    expect(document.getElementById("section-currency")!.textContent).toContain("may have changed since ALK Positive UK wrote its page");
    await fireEvent.click(document.querySelector<HTMLButtonElement>(".section-list button[data-id='scans']")!);
    await waitFor(() => expect(document.getElementById("section-scope")!.textContent).toBe("For everyone with ALK-positive lung cancer."));
    expect(document.getElementById("section-currency")).toBeNull();
  });

  it("names the flowchart as ALK Positive UK's, drawn following NICE guidance, not as NICE's", async () => {
    render(WithApp, { props: { app, view: Read, props: { detail: "tki" } } });
    const sources = document.querySelector("article.section .sources")!.textContent!.replace(/\s+/g, " ");
    expect(sources).toContain("Its treatment flowchart, which ALK Positive UK drew following NICE guidance, is dated February 2025.");
    expect(sources).not.toContain("NICE treatment flowchart");
  });

  it("opens the charity's website in the web browser by its id, and shows its address as text", async () => {
    const opened: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "open_link") opened.push(args);
      return null;
    });
    render(WithApp, { props: { app, view: Read, props: { detail: "tki" } } });
    const button = document.querySelector<HTMLButtonElement>(".web-links button")!;
    expect(button.textContent).toBe("ALKPositive.org.uk (opens in your web browser)");
    expect(document.querySelector(".web-links .address")!.textContent).toBe("https://www.alkpositive.org.uk");
    await fireEvent.click(button);
    await waitFor(() => expect(opened).toEqual([{ id: "alk-positive-uk" }]));
  });

  it("says in plain words when no web browser could be opened", async () => {
    mockIPC((cmd) => {
      if (cmd === "open_link") throw { kind: "notFound", message: "This computer could not open a web browser." };
      return null;
    });
    render(WithApp, { props: { app, view: Read, props: { detail: "tki" } } });
    await fireEvent.click(document.querySelector<HTMLButtonElement>(".web-links button")!);
    await waitFor(() => expect(document.querySelector(".web-links [role='alert']")!.textContent).toBe("This computer could not open a web browser."));
  });

  it("says when to get help on the pages safety.toml names, with the patient's own 24-hour line", async () => {
    mockIPC((cmd) =>
      cmd === "list_contacts" ? [{ id: 1, name: "Ward 5", role: "", phone: "0800 000 000", roundTheClock: true }] : null,
    );
    render(WithApp, { props: { app, view: Read, props: { detail: "tki" } } });
    expect(document.querySelector(".safety")).toBeNull();
    await fireEvent.click(document.querySelector<HTMLButtonElement>(".section-list button[data-id='scans']")!);
    await waitFor(() =>
      expect(document.getElementById("section-safety-team")!.textContent).toBe("If you feel very unwell, call your 24-hour line: Ward 5, 0800 000 000."),
    );
    const safety = document.querySelector(".safety")!;
    expect(safety.textContent).toContain("call 999 or go to A&E");
    expect(safety.textContent).toContain("call NHS 111");
    expect(safety.querySelector(".not-from-source")!.textContent).toBe("This is general NHS advice. It is not from ALK Positive UK's page.");
  });

  it("says to call the team's line when the patient has kept no 24-hour number", async () => {
    mockIPC((cmd) => (cmd === "list_contacts" ? [] : null));
    render(WithApp, { props: { app, view: Read, props: { detail: "scans" } } });
    await waitFor(() => expect(document.querySelector(".safety")).not.toBeNull());
    expect(document.getElementById("section-safety-team")!.textContent).toBe(
      "If you feel very unwell, call your 24-hour line or acute oncology line.",
    );
  });
});

describe("search results", () => {
  it("say who an information page is about", async () => {
    const hits: SearchHit[] = [{ kind: "section", id: "tki", title: "ALK inhibitors", snippet: "…TKIs…" } as SearchHit];
    mockIPC((cmd) => (cmd === "search" ? hits : null));
    render(WithApp, { props: { app, view: Search, props: { query: "tki" } } });
    await waitFor(() => expect(document.querySelector(".results .scope")!.textContent).toBe("About advanced or metastatic ALK-positive lung cancer."));
  });

  it("shows what was found and opens a result where it belongs", async () => {
    const hits: SearchHit[] = [{ kind: "note", id: "3", title: "Bring the scan letter", snippet: "…scan letter…" } as SearchHit];
    mockIPC((cmd) => (cmd === "search" ? hits : null));
    render(WithApp, { props: { app, view: Search, props: { query: "scan" } } });
    await waitFor(() => expect(document.querySelector(".count")!.textContent).toBe('1 result for "scan".'));
    const open = document.querySelector<HTMLButtonElement>(".result-link")!;
    expect(open.getAttribute("dir")).toBe("auto");
    await fireEvent.click(open);
    expect(shown).toEqual(["notes:3"]);
  });

  it("drops an answer to an older query that comes back after a newer one", async () => {
    const waiting = new Map<string, (hits: SearchHit[]) => void>();
    mockIPC((cmd, raw) => {
      if (cmd !== "search") return null;
      return new Promise((resolve) => waiting.set((raw as { query: string }).query, resolve));
    });
    const view = render(WithApp, { props: { app, view: Search, props: { query: "sca" } } });
    await waitFor(() => expect(waiting.has("sca")).toBe(true));
    // Wrapped in `props`: WithApp has a prop of that name, which rerender would unwrap (and warns).
    await view.rerender({ props: { app, view: Search, props: { query: "scan" } } } as never);
    await waitFor(() => expect(waiting.has("scan")).toBe(true));
    waiting.get("scan")!([{ kind: "section", id: "scans", title: "Scans", snippet: "" } as SearchHit]);
    await waitFor(() => expect(document.querySelector(".count")!.textContent).toBe('1 result for "scan".'));
    // The slow answer for "sca" arrives last and must not replace it.
    waiting.get("sca")!([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector(".count")!.textContent).toBe('1 result for "scan".');
    expect(document.querySelectorAll(".results li")).toHaveLength(1);
  });
});

describe("the second-opinion checklist", () => {
  it("saves a tick, counts it and says so politely", async () => {
    const saved: string[] = [];
    mockIPC((cmd, raw) => {
      const args = raw as { stepId: string; done: boolean; note: string };
      if (cmd === "list_step_progress") return [];
      if (cmd === "save_step_progress") {
        saved.push(`${args.stepId}:${args.done}:${args.note}`);
        return { stepId: args.stepId, done: args.done, note: args.note };
      }
      return null;
    });
    render(WithApp, { props: { app, view: Checklist } });
    const tick = await waitFor(() => {
      const box = document.querySelector<HTMLInputElement>("#done-copies");
      expect(box).not.toBeNull();
      return box!;
    });
    await fireEvent.click(tick);
    await waitFor(() => expect(saved).toEqual(["copies:true:"]));
    await waitFor(() => expect(document.getElementById("checklist-progress")!.textContent).toBe("1 of 2 done"));
    await waitFor(() => expect(live.text).toBe("Done. 1 of 2 steps done."));
  });
});

describe("word meanings", () => {
  it("lists the words A to Z and focuses the one a search result names", async () => {
    render(WithApp, { props: { app, view: Glossary, props: { detail: "tki" } } });
    expect([...document.querySelectorAll(".glossary dt")].map((dt) => dt.textContent)).toEqual(["ALK", "TKI"]);
    await waitFor(() => expect(document.activeElement?.id).toBe("term-tki"));
  });
});

describe("the second-opinion checklist, by search", () => {
  it("focuses the step a search result names, and saves its note to that step", async () => {
    const saved: string[] = [];
    mockIPC((cmd, raw) => {
      const args = raw as { stepId: string; done: boolean; note: string };
      if (cmd === "list_step_progress") return [{ stepId: "ask", done: true, note: "" }];
      if (cmd === "save_step_progress") {
        saved.push(`${args.stepId}:${args.done}:${args.note}`);
        return { stepId: args.stepId, done: args.done, note: args.note };
      }
      return null;
    });
    render(WithApp, { props: { app, view: Checklist, props: { detail: "copies" } } });
    await waitFor(() => expect(document.activeElement?.id).toBe("step-copies"));
    expect(document.getElementById("checklist-progress")!.textContent).toBe("1 of 2 done");
    const note = document.querySelector<HTMLInputElement>("#step-note-copies")!;
    expect(note.getAttribute("dir")).toBe("auto");
    note.value = "Asked the GP";
    await fireEvent.input(note);
    await fireEvent.blur(note);
    await waitFor(() => expect(saved).toEqual(["copies:false:Asked the GP"]));
  });
});
