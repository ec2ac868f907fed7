import { api, asApiError, type SearchHit } from "../lib/api";
import type { HitKind } from "../lib/bindings/HitKind";
import { h, replace } from "../lib/dom";
import type { ViewContext, ViewName } from "./context";

const KIND_LABEL: Record<HitKind, string> = {
  section: "Information page",
  question: "Question",
  term: "Word meaning",
  step: "Second-opinion step",
  note: "My note",
};

const KIND_VIEW: Record<HitKind, ViewName> = {
  section: "read",
  question: "questions",
  term: "glossary",
  step: "checklist",
  note: "notes",
};

/** Shows results for the query as the user types; stale answers are dropped. */
export function renderSearch(ctx: ViewContext, query: string): HTMLElement {
  const summary = h("p", { class: "count", role: "status" });
  const list = h("ul", { class: "results" });
  const view = h("div", { class: "search" }, h("h2", { tabindex: "-1" }, "Search results"), summary, list);
  void fill(ctx, query, summary, list);
  return view;
}

let latest = 0;

async function fill(ctx: ViewContext, query: string, summary: HTMLElement, list: HTMLElement): Promise<void> {
  const ticket = ++latest;
  if (query.trim() === "") {
    summary.textContent = "Type a word to search the information, questions and word meanings.";
    replace(list);
    return;
  }
  let hits: SearchHit[];
  try {
    hits = await api.search(query);
  } catch (error) {
    summary.textContent = asApiError(error).message;
    return;
  }
  if (ticket !== latest) return;
  summary.textContent =
    hits.length === 0
      ? `Nothing found for "${query}". Try a shorter or different word.`
      : `${hits.length} result${hits.length === 1 ? "" : "s"} for "${query}".`;
  replace(
    list,
    ...hits.map((hit) => {
      const open = h("button", { type: "button", class: "result-link" }, hit.title);
      open.addEventListener("click", () => ctx.show(KIND_VIEW[hit.kind], hit.id));
      return h(
        "li",
        { "data-kind": hit.kind },
        h("span", { class: "kind" }, KIND_LABEL[hit.kind]),
        open,
        hit.snippet ? h("p", { class: "snippet" }, hit.snippet) : null,
      );
    }),
  );
}
