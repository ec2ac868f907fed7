import { describe, expect, it } from "vitest";

import type { Reference } from "./bindings/Reference";
import { referenceText } from "./source";

describe("a reference as the source gives it", () => {
  it("shows the year a paper was published", () => {
    const paper: Reference = { id: "peters-2017", authors: "Peters, S. et al.", year: 2017, title: "Alectinib versus Crizotinib", journal: "NEJM" };
    expect(referenceText(paper)).toBe("Peters, S. et al. (2017). Alectinib versus Crizotinib. NEJM.");
  });

  it("gives no year where the source gives none, only the day it was accessed", () => {
    const emc: Reference = { id: "emc", authors: "Electronic Medicines Compendium (eMC)", title: "Alecensa 150 mg Hard Capsules", journal: "eMC", accessed: "5 November 2024" };
    expect(referenceText(emc)).toBe("Electronic Medicines Compendium (eMC). Alecensa 150 mg Hard Capsules. eMC. Accessed 5 November 2024.");
  });
});
