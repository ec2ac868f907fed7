import type { Content } from "../lib/api";
import type { Block } from "../lib/bindings/Block";
import type { Inline } from "../lib/bindings/Inline";
import type { Section } from "../lib/bindings/Section";
import { h, replace } from "../lib/dom";
import { referenceText, reviewStatus, sourceLine } from "../lib/source";
import type { ViewContext } from "./context";

/** The information pages: a list of sections and one open to read. */
export function renderRead(ctx: ViewContext, sectionId?: string): HTMLElement {
  const { content } = ctx;
  const first = content.sections[0];
  let current = content.sections.find((s) => s.id === sectionId) ?? first;
  const article = h("article", { class: "section", "aria-labelledby": "section-title" });
  const list = h("ul", { class: "section-list" });

  const open = (section: Section, focus: boolean) => {
    current = section;
    for (const button of list.querySelectorAll("button")) {
      button.setAttribute("aria-current", String(button.dataset.id === section.id));
    }
    replace(article, ...sectionBody(content, section));
    if (focus) article.querySelector<HTMLElement>("h2")?.focus();
  };

  for (const section of content.sections) {
    const button = h("button", { type: "button", "data-id": section.id }, section.title);
    button.addEventListener("click", () => open(section, true));
    list.append(h("li", {}, button));
  }
  if (current) open(current, false);

  return h(
    "div",
    { class: "read" },
    h("nav", { class: "section-nav", "aria-label": "Information pages" }, h("h2", { class: "small-heading" }, "Pages"), list),
    article,
  );
}

function sectionBody(content: Content, section: Section): Node[] {
  const { meta } = content;
  const research = content.references.filter((r) => section.references.includes(r.id));
  return [
    h("h2", { id: "section-title", tabindex: "-1" }, section.title),
    h("p", { class: "meta" }, sourceLine(meta)),
    h("p", { class: "meta review" }, reviewStatus(meta)),
    ...section.blocks.map((block, index) => renderBlock(content, block, `${section.id}-${index}`)),
    h(
      "aside",
      { class: "team-note", "aria-label": "Your care team" },
      h("p", {}, "This page gives general information, not advice. Your oncology team knows you and your cancer: please ask them about your own care."),
    ),
    h(
      "section",
      { class: "sources", "aria-labelledby": `${section.id}-sources` },
      h("h3", { id: `${section.id}-sources` }, "Source"),
      h(
        "p",
        {},
        `${meta.source.title}, a web page by ${meta.source.publisher}. The page does not give a date of its own. Its NICE treatment flowchart is dated ${meta.source.flowchartDated}.`,
      ),
      ...(research.length === 0
        ? []
        : [
            h("h3", {}, "Research the source refers to"),
            h("p", {}, `${meta.source.publisher} links these papers to what this page says.`),
            h("ul", {}, ...research.map((r) => h("li", { class: "research" }, referenceText(r)))),
          ]),
    ),
  ];
}

function renderBlock(content: Content, block: Block, key: string): Node {
  switch (block.type) {
    case "heading":
      return h("h3", {}, block.text);
    case "paragraph":
      return h("p", {}, ...renderInlines(content, block.inlines, key));
    case "list":
      return h("ul", {}, ...block.items.map((item, i) => h("li", {}, ...renderInlines(content, item, `${key}-${i}`))));
  }
}

/** Glossary words open their meaning in place: by click, Enter or Space, and Escape closes. */
function renderInlines(content: Content, inlines: Inline[], key: string): Node[] {
  return inlines.flatMap((inline, index): Node[] => {
    if (inline.type === "text") return [document.createTextNode(inline.text)];
    const term = content.glossary.find((t) => t.id === inline.id);
    const shown = inline.text;
    if (!term) return [document.createTextNode(shown)];
    const id = `def-${key}-${index}`;
    const definition = h("span", { class: "definition", id, hidden: true }, h("strong", {}, `${term.term}: `), term.definition);
    const button = h(
      "button",
      { type: "button", class: "term", "aria-expanded": "false", "aria-controls": id },
      shown,
      h("span", { class: "visually-hidden" }, " (show meaning)"),
    );
    const toggle = (open: boolean) => {
      button.setAttribute("aria-expanded", String(open));
      definition.hidden = !open;
    };
    button.addEventListener("click", () => toggle(definition.hidden));
    button.addEventListener("keydown", (event) => {
      if (event.key === "Escape") toggle(false);
    });
    return [button, definition];
  });
}
