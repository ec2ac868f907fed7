import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";

import { api, asApiError, isApiError } from "./api";

describe("the api module", () => {
  afterEach(() => clearMocks());

  it("passes camelCase arguments to the right command", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return ["ask3-options"];
    });
    const chosen = await api.chooseQuestion(null, "ask3-options", true);
    expect(chosen).toEqual(["ask3-options"]);
    expect(calls).toEqual([["choose_question", { appointmentId: null, questionId: "ask3-options", chosen: true }]]);
  });

  it("rejects with the command's kind and message", async () => {
    mockIPC(() => {
      throw { kind: "notFound", message: "That question is not in the question library." };
    });
    await expect(api.chooseQuestion(null, "x", true)).rejects.toEqual({
      kind: "notFound",
      message: "That question is not in the question library.",
    });
  });

  it("turns anything else into a plain internal error", () => {
    expect(isApiError("boom")).toBe(false);
    const error = asApiError(new Error("stack trace here"));
    expect(error.kind).toBe("internal");
    expect(error.message).not.toContain("stack");
  });
});
