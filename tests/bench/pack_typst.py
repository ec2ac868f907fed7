"""Benchmark, not a test: the same 60-question pack made with Typst (PyPI `typst`), compiled
20 times in one process, warm. Prints the median time and the size of its tagged PDF."""

import pathlib
import statistics
import sys
import time
import tomllib

import typst

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTENT = ROOT / "resources" / "content"
OUT = ROOT / "target" / "bench"


def esc(text: str) -> str:
    """Escapes text for Typst markup."""
    for ch in "\\#*_`$<>@[]~/\"'=-+":
        text = text.replace(ch, "\\" + ch)
    return text


def source() -> str:
    questions = tomllib.loads((CONTENT / "questions.toml").read_text())
    checklist = tomllib.loads((CONTENT / "checklist.toml").read_text())
    topics = {t["id"]: t["title"] for t in questions["topic"]}
    chosen = questions["question"][:60]
    parts = [
        '#set page(paper: "a4", margin: (x: 70pt, top: 60pt, bottom: 80pt),'
        ' footer: context [#set text(size: 10pt); Information, not medical advice. #linebreak()'
        ' Page #counter(page).display() of #counter(page).final().first()])',
        '#set text(font: "Atkinson Hyperlegible", size: 13pt, lang: "en")',
        "#set par(leading: 0.75em)",
        "#show heading: set block(sticky: true)",
        "= My appointment pack",
        "*For my oncology team: these are the questions I would like to cover today.*",
        "== My questions",
    ]
    last_topic = None
    for n, q in enumerate(chosen, 1):
        if q["topic"] != last_topic:
            parts.append(f"=== {esc(topics[q['topic']])}")
            last_topic = q["topic"]
        lines = "#v(4pt)" + "#line(length: 100%, stroke: 0.7pt + gray)#v(16pt)" * 4
        parts.append(f"#block(breakable: false)[*{n}. {esc(q['text'])}* #v(8pt) {lines}]")
    parts.append("== Second-opinion checklist")
    for step in checklist["step"]:
        parts.append(
            f"#block(breakable: false)[#box(width: 10pt, height: 10pt, stroke: 1pt) *{esc(step['text'])}* \\ "
            f"#text(size: 12pt)[Why: {esc(step['why'])}]]"
        )
    parts.append("== My notes")
    parts.append(esc("Zoë’s łódź café note: ask about SPF ≥ 50 and the “scan” letter."))
    parts.append(esc("Bring the list of my tablets and the letter from my GP."))
    return "\n\n".join(parts)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    doc = OUT / "typst-pack.typ"
    doc.write_text(source())
    fonts = [str(ROOT / "resources" / "fonts")]
    compiler = typst.Compiler(str(doc), font_paths=fonts, ignore_system_fonts=True)
    compiler.compile()  # warm-up, not counted
    times = []
    pdf = b""
    for _ in range(20):
        started = time.perf_counter()
        pdf = compiler.compile()
        times.append((time.perf_counter() - started) * 1000)
    (OUT / "typst.pdf").write_bytes(pdf)
    print(f"typst median_ms={statistics.median(times):.2f} bytes={len(pdf)}")


if __name__ == "__main__":
    sys.exit(main())
