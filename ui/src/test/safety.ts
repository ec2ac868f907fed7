// The safety-netting words for tests, shaped as safety.toml gives them.
import type { Safety } from "../lib/bindings/Safety";

export const safety: Safety = {
  heading: "When to get help",
  team: "If you feel very unwell, call your 24-hour line or acute oncology line.",
  teamWithLine: "If you feel very unwell, call your 24-hour line: {line}.",
  emergency: "In an emergency, call 999 or go to A&E.",
  unsure: "If you are not sure what to do, call NHS 111.",
  marked: "This is general NHS advice. It is not from ALK Positive UK's page.",
  pages: [],
};
