import { render, screen as dom, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import "./test/cssEscape";

import App from "./App.svelte";
import { screen } from "./lib/screen.svelte";
import { firstScreen } from "./test/first";
import { fakeRecorder, tidyUp, planned, row } from "./test/recorder";

const navTo = (view: string) => document.querySelector<HTMLButtonElement>(`nav.main-nav button[data-view='${view}']`)!;

beforeEach(() => {
  screen.welcomed = true;
});

afterEach(async () => {
  await tidyUp();
  Object.assign(screen, { theme: "system", highContrast: false, textSize: "normal", welcomed: false });
});

describe("recording in the whole app", () => {
  it("records from the appointment's page, and Stop stays on top while the patient moves to the questions and back", async () => {
    const rust = fakeRecorder({ plan: [planned(1, "ask3-options")] });
    const user = userEvent.setup();
    render(App, { first: firstScreen() });
    await user.click(navTo("appointments"));
    await user.click(await dom.findByRole("button", { name: "Record or listen: the appointment on Tuesday 15 January 2030 at 2:30 pm" }));
    await user.click(await dom.findByLabelText("My doctor or nurse has agreed"));
    await user.click(dom.getByRole("button", { name: "Start recording" }));
    const stop = () => dom.queryByRole("button", { name: "Stop recording" });
    await waitFor(() => expect(stop()).not.toBeNull());

    // The bar's own way to the questions, beside Stop.
    await user.click(document.getElementById("recording-questions")!);
    await waitFor(() => expect(document.querySelector("[data-plan-id='1'] button.mark")).not.toBeNull());
    expect(stop()).not.toBeNull();
    await user.click(navTo("home"));
    await dom.findByRole("heading", { level: 2, name: "Home" });
    expect(stop()).not.toBeNull();
    // The bar comes before the page, so it is found first, by eye and by keyboard.
    const bar = document.querySelector(".recording-bar")!;
    expect(bar.compareDocumentPosition(document.getElementById("main")!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(stop()!);
    await waitFor(() => expect(stop()).toBeNull());
    expect(rust.named("stop_recording")).toHaveLength(1);
  });

  it("picks up a recording going when the page is loaded again, with its bar and Stop", async () => {
    const rust = fakeRecorder({ recordings: [row(9, { durationMs: 0 })] });
    rust.going = { id: 9, appointmentId: 4, elapsedMs: 65_000, heardSound: true, problem: null };
    rust.elapsedMs = 66_000;
    const user = userEvent.setup();
    render(App, { first: firstScreen({ recording: rust.going }) });
    expect(document.getElementById("recording-clock")?.textContent).toBe("1:05");
    await user.click(dom.getByRole("button", { name: "Stop recording" }));
    await waitFor(() => expect(dom.queryByRole("button", { name: "Stop recording" })).toBeNull());
    expect(rust.named("stop_recording")).toHaveLength(1);
  });

  it("says calmly at start that a recording was kept when the app closed while recording", async () => {
    const recovered = [row(5, { recovered: true, startedAt: "2026-12-03T10:15", durationMs: 24 * 60_000 })];
    const rust = fakeRecorder({ recordings: recovered });
    const user = userEvent.setup();
    render(App, { first: firstScreen({ recovered }) });
    await waitFor(() => expect(document.querySelector(".recovered-recordings")).not.toBeNull());
    const banner = document.querySelector<HTMLElement>(".recovered-recordings")!;
    expect(banner.getAttribute("role")).toBe("status");
    expect(banner.querySelector("p")?.textContent?.replace(/\s+/g, " ").trim()).toBe(
      "We kept your recording from Thursday 3 December 2026 (24 minutes). The app closed while it was recording; everything up to that moment is saved with that appointment.",
    );
    await user.click(dom.getByRole("button", { name: "Listen to it" }));
    await dom.findByRole("heading", { level: 2, name: "The appointment on Tuesday 15 January 2030 at 2:30 pm" });
    expect(document.querySelector(".recovered-recordings")).toBeNull();
    expect(rust.named("dismiss_recovered_recordings")).toHaveLength(1);
  });

  it("OK puts the message about a kept recording away for good", async () => {
    const recovered = [row(5, { recovered: true })];
    const rust = fakeRecorder({ recordings: recovered });
    const user = userEvent.setup();
    render(App, { first: firstScreen({ recovered }) });
    await user.click(await dom.findByRole("button", { name: "OK" }));
    expect(document.querySelector(".recovered-recordings")).toBeNull();
    expect(rust.named("dismiss_recovered_recordings")).toHaveLength(1);
  });
});
