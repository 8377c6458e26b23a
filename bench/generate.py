"""Generate a committee paper of roughly N PDF pages, shaped like the real one.

Numbered paragraphs in sections, a table per section, a list of background
papers with an appendix page for each, the real contacts, abbreviations and
glossary: every build-time check runs on it as on the real paper, and it passes
them all (its cover has no "Executive Summary": bench/run.py builds it with the
PDF's contents list after the title block). The prose is
assembled from council-business phrases with a fixed seed, so runs compare.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPHS_PER_PAGE = 3.8  # of about 70 words, with tables and headings between: measured on the PDF
PARAGRAPHS_PER_SECTION = 12
MAX_APPENDICES = 26  # one letter each, as committee papers letter them

SUBJECTS = [
    "The Board", "The Committee", "The Cabinet Member for Children, Young People and Schools",
    "Each Children's Partnership Board", "The multi-agency audit group", "The Business Management Team",
    "Partner agencies", "The Local Authority", "The LSCB", "The CSE sub group", "Health partners",
    "The Independent Chair",
]
VERBS = [
    "will receive a progress report on", "has agreed to review", "continues to monitor",
    "reported an improvement in", "asked for further assurance about", "will publish its findings on",
    "has commissioned an audit of", "agreed a shared set of outcomes for",
]
OBJECTS = [
    "referral rates to early help services", "the timeliness of child protection conferences",
    "attendance at strategy meetings by health partners", "the quality of assessments in the north of the county",
    "training take-up among designated safeguarding leads in schools", "the response to children missing from home",
    "the use of the CAF in each district", "information shared through CP-IS with unscheduled care settings",
    "support for children experiencing emotional and mental health issues", "the SEND reforms and their effect on thresholds",
    "placements made by other Local Authority areas", "the findings of the thematic inspection",
]
TAILS = [
    "in the third quarter of 2014-15.", "before the next meeting of the Committee.", "across all twelve districts.",
    "with figures broken down by district.", "and will report the outcome to the Board.",
    "so that members can see the trend over three years.", "in line with the LGA best practice guidance.",
]
DISTRICTS = ["Burnley", "Chorley", "Fylde", "Hyndburn", "Lancaster", "Pendle", "Preston", "Ribble Valley", "Rossendale", "South Ribble", "West Lancashire", "Wyre"]
MONTHS = ["Jan 2014", "March 2014", "May 2014", "June 2014", "August 2014", "Sept 2014", "October 2014", "November 2014"]


def paragraph(rng: random.Random, earlier: list[str]) -> str:
    sentences = []
    for _ in range(4):
        sentence = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
        if earlier and rng.random() < 0.15:
            sentence = sentence[:-1] + f", as set out in paragraph {rng.choice(earlier)}."
        sentences.append(sentence)
    return " ".join(sentences)


def section_page(number: int, appendix: str, rng: random.Random, earlier: list[str]) -> str:
    lines = [
        "---",
        f"description: Section {number} of the generated benchmark paper, with {PARAGRAPHS_PER_SECTION} numbered paragraphs.",
        "---",
        "",
        f"# {number}. Safeguarding performance report, part {number}",
        "",
    ]
    for index in range(1, PARAGRAPHS_PER_SECTION + 1):
        lines += [f"{number}.{index}. {paragraph(rng, earlier)}", ""]
        earlier.append(f"{number}.{index}")
        if index == PARAGRAPHS_PER_SECTION // 2:
            lines += ["| District | Referrals | Assessments completed |", "| --- | --- | --- |"]
            lines += [f"| {district} | {rng.randint(80, 400)} | {rng.randint(60, 380)} |" for district in rng.sample(DISTRICTS, 6)]
            lines += ["", "/// table-caption", f"Referrals and assessments by district, section {number}.", "///", ""]
    lines += [f"The report for this section is attached as [Appendix {appendix}](../appendices/appendix-{appendix.lower()}.md).", ""]
    return "\n".join(lines)


def generate(pages: int, target: Path) -> list[dict]:
    """Write docs/ for a paper of about ``pages`` PDF pages; return its nav."""
    rng = random.Random(pages)
    docs = target / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    (docs / "background").mkdir(parents=True)
    (docs / "appendices").mkdir()
    for name in ["contacts.yml", "includes", "glossary.md"]:
        source = ROOT / "docs" / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, docs / name)

    sections = max(4, round(pages * PARAGRAPHS_PER_PAGE / PARAGRAPHS_PER_SECTION))
    appendices = [chr(65 + i) for i in range(min(MAX_APPENDICES, max(4, sections // 16)))]
    earlier: list[str] = []
    section_nav = []
    for number in range(1, sections + 1):
        appendix = appendices[(number - 1) * len(appendices) // sections]
        (docs / "background" / f"section-{number}.md").write_text(section_page(number, appendix, rng, earlier), encoding="utf-8")
        section_nav.append(f"background/section-{number}.md")

    rows, appendix_nav = [], []
    for position, letter in enumerate(appendices, start=1):
        title, month = f"Performance report {letter}", rng.choice(MONTHS)
        rows.append(f"| {position}. [{title}](appendices/appendix-{letter.lower()}.md) | {month} | Kathryn Grindrod/LSCB/538352 |")
        (docs / "appendices" / f"appendix-{letter.lower()}.md").write_text(
            "\n".join([
                "---", f"description: Appendix {letter} of the generated benchmark paper.",
                f"background_paper: {position}", "---", "",
                f"# Appendix {letter}: {title}", "",
                "<!-- background paper -->", "",
            ]),
            encoding="utf-8",
        )
        appendix_nav.append(f"appendices/appendix-{letter.lower()}.md")

    (docs / "index.md").write_text(
        "\n".join([
            "---", f"description: A generated committee paper of about {pages} pages, for the benchmark.", "---", "",
            "**Overview and Scrutiny Committee**  ", "Meeting to be held on 5 December 2014", "",
            f"# Generated safeguarding performance pack ({pages} pages)", "",
            "## Contact for further information", "", "<!-- contacts -->", "",
            "## Background and Advice", "",
            *[f"{number}. [Part {number}](background/section-{number}.md)" for number in range(1, sections + 1)], "",
        ]),
        encoding="utf-8",
    )
    (docs / "background-papers.md").write_text(
        "\n".join([
            "---", "description: The list of background papers of the generated benchmark paper.", "---", "",
            "# Local Government (Access to Information) Act 1985", "", "## List of Background Papers", "",
            "| Paper | Date | Contact/Directorate/Tel |", "| --- | --- | --- |", *rows, "",
        ]),
        encoding="utf-8",
    )
    return [
        "index.md",  # nav labels are the pages' titles (hooks/committee_paper/nav_titles.py)
        {"Background and Advice": section_nav},
        "background-papers.md",
        {"Appendices": appendix_nav},
        "glossary.md",
    ]
