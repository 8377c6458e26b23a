"""Generate a committee paper of roughly N PDF pages, in the shape of the project's paper.

Numbered paragraphs in sections, a table per section, a list of background papers with an
appendix page for each, and the project's own contacts, abbreviations and glossary: every
build-time check runs on it as on the real paper, and it passes them all. Its facts come
from the paper it is generated beside (its mkdocs.yml settings, contacts and abbreviations),
so the benchmark runs unchanged for any council's paper. The prose is assembled from
neutral council-business phrases with a fixed seed, so runs compare.
"""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

import yaml
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent

from committee_paper.config import read_settings, settings_text  # noqa: E402
from committee_paper.model.contacts import CONTACTS_FILE  # noqa: E402
from committee_paper.model.glossary import GLOSSARY  # noqa: E402
from committee_paper.model.paper import Paper, read_paper  # noqa: E402
from committee_paper.model.settings import ABBREVIATIONS_FILE  # noqa: E402

PARAGRAPHS_PER_PAGE = 3.8  # of about 70 words, with tables and headings between: measured on the PDF
PARAGRAPHS_PER_SECTION = 12
MAX_APPENDICES = 26  # one letter each
COPIED = [CONTACTS_FILE, Path(ABBREVIATIONS_FILE).parent.as_posix(), GLOSSARY]  # the paper's own, under its docs/

SUBJECTS = [
    "The Board",
    "The Committee",
    "The Cabinet Member",
    "Each partnership board",
    "The audit group",
    "The management team",
    "Partner agencies",
    "The Council",
    "The sub group",
    "The Independent Chair",
]
VERBS = [
    "will receive a progress report on",
    "has agreed to review",
    "continues to monitor",
    "reported an improvement in",
    "asked for further assurance about",
    "will publish its findings on",
    "has commissioned an audit of",
    "agreed a shared set of outcomes for",
]
OBJECTS = [
    "referral rates to the service",
    "the timeliness of case conferences",
    "attendance at strategy meetings",
    "the quality of assessments in the north of the area",
    "training take-up among staff in schools",
    "the response to people reported missing",
    "information shared with partner agencies",
    "support for residents waiting for a service",
    "the effect of the reforms on thresholds",
    "placements made by other areas",
    "the findings of the inspection",
]
TAILS = [
    "in the third quarter of the year.",
    "before the next meeting of the Committee.",
    "across all areas.",
    "with figures broken down by area.",
    "and will report the outcome to the Board.",
    "so that members can see the trend over three years.",
    "in line with best practice guidance.",
]
AREAS = ["North", "South", "East", "West", "Central", "Coastal", "Rural", "Urban", "Upland", "Valley"]


def the_paper(config: Path) -> tuple[Paper, Path]:
    """The paper that ``config`` (its mkdocs.yml) builds, as the build's model holds its settings, contacts and
    abbreviations (none of its pages: the generated ones take their place), and its docs folder."""
    with config.open("rb") as file:
        settings = yaml_load(file)
    docs = config.parent / settings.get("docs_dir", "docs")
    loaded = settings_text(load_config(str(config)))  # as the build hands the model mkdocs.yml
    return read_paper(read_settings(settings.get("extra", {})), docs, [], loaded), docs


def paragraph(rng: random.Random, earlier: list[str], abbreviations: list[str]) -> str:
    sentences = []
    for _ in range(4):
        sentence = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
        if earlier and rng.random() < 0.15:
            sentence = sentence[:-1] + f", as set out in paragraph {rng.choice(earlier)}."
        sentences.append(sentence)
    if abbreviations:  # the paper's own, so the abbreviation checks and tooltips have work to do
        sentences.append(f"The figures for {rng.choice(abbreviations)} are included.")
    return " ".join(sentences)


def section_page(number: int, appendix: str, rng: random.Random, earlier: list[str], abbreviations: list[str]) -> str:
    lines = [
        "---",
        f"description: Section {number} of the generated benchmark paper.",
        "---",
        "",
        f"# {number}. Performance report, part {number}",
        "",
    ]
    for index in range(1, PARAGRAPHS_PER_SECTION + 1):
        lines += [f"{number}.{index}. {paragraph(rng, earlier, abbreviations)}", ""]
        earlier.append(f"{number}.{index}")
        if index == PARAGRAPHS_PER_SECTION // 2:
            lines += ["| Area | Referrals | Assessments completed |", "| --- | --- | --- |"]
            lines += [f"| {area} | {rng.randint(80, 400)} | {rng.randint(60, 380)} |" for area in rng.sample(AREAS, 6)]
            lines += ["", "/// table-caption", f"Referrals and assessments by area, section {number}.", "///", ""]
    link = f"../appendices/appendix-{appendix.lower()}.md"
    lines += [f"The report for this section is attached as [Appendix {appendix}]({link}).", ""]
    return "\n".join(lines)


def months_before(meeting: date, count: int) -> date:
    """The first of the month ``count`` months before the meeting's month."""
    months = meeting.year * 12 + meeting.month - 1 - count
    return date(months // 12, months % 12 + 1, 1)


def generate(pages: int, target: Path, config: Path) -> list[dict]:
    """Write docs/ for a paper of about ``pages`` PDF pages beside the paper ``config`` builds; return its nav."""
    paper, source = the_paper(config)
    rules, meeting, contact = paper.settings.background_papers, paper.settings.meeting, paper.contacts[0]
    abbreviations = list(paper.abbreviations)
    rng = random.Random(pages)
    docs = target / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    (docs / "background").mkdir(parents=True)
    (docs / "appendices").mkdir()
    for name in COPIED:
        (shutil.copytree if (source / name).is_dir() else shutil.copy)(source / name, docs / name)

    sections = max(4, round(pages * PARAGRAPHS_PER_PAGE / PARAGRAPHS_PER_SECTION))
    appendices = [chr(65 + i) for i in range(min(MAX_APPENDICES, max(4, sections // 16)))]
    earlier: list[str] = []
    section_nav = []
    for number in range(1, sections + 1):
        appendix = appendices[(number - 1) * len(appendices) // sections]
        (docs / "background" / f"section-{number}.md").write_text(
            section_page(number, appendix, rng, earlier, abbreviations), encoding="utf-8"
        )
        section_nav.append(f"background/section-{number}.md")

    rows, appendix_nav = [], []
    for position, letter in enumerate(appendices, start=1):
        title = f"Performance report {letter}"
        # Written in the paper's own date style, from before its meeting.
        dated = months_before(meeting.date, rng.randint(1, 12)).strftime(rules.date_formats[0].replace("%d", "%-d"))
        cell = f"{contact.name}/{contact.directorate}/{contact.phone}"
        rows.append(f"| {position}. [{title}](appendices/appendix-{letter.lower()}.md) | {dated} | {cell} |")
        (docs / "appendices" / f"appendix-{letter.lower()}.md").write_text(
            "\n".join(
                [
                    "---",
                    f"description: Appendix {letter} of the generated benchmark paper.",
                    f"background_paper: {position}",
                    "---",
                    "",
                    f"# Appendix {letter}: {title}",
                    "",
                    "<!-- background paper -->",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        appendix_nav.append(f"appendices/appendix-{letter.lower()}.md")

    (docs / "index.md").write_text(
        "\n".join(
            [
                "---",
                f"description: A generated committee paper of about {pages} pages, for the benchmark.",
                "---",
                "",
                f"**{meeting.committee}**  ",
                meeting.long_date,
                "",
                f"# Generated performance pack ({pages} pages)",
                "",
                "## Contact for further information",
                "",
                "<!-- contacts -->",
                "",
                "## Sections",
                "",
                *[f"{number}. [Part {number}](background/section-{number}.md)" for number in range(1, sections + 1)],
                "",
            ]
        ),
        encoding="utf-8",
    )
    (docs / "background-papers.md").write_text(
        "\n".join(
            [
                "---",
                "description: The list of background papers of the generated benchmark paper.",
                "---",
                "",
                "# List of Background Papers",
                "",
                f"| {' | '.join(rules.header)} |",
                "| --- | --- | --- |",
                *rows,
                "",
            ]
        ),
        encoding="utf-8",
    )
    return [
        "index.md",  # nav labels are the pages' titles (hooks/committee_paper/checks/nav_titles.py)
        {"Sections": section_nav},
        "background-papers.md",
        {"Appendices": appendix_nav},
        GLOSSARY,
    ]


def generated_config(pages: int, work: Path, config: Path) -> tuple[Path, list]:
    """A paper of about ``pages`` PDF pages generated into ``work``, and an mkdocs.yml inheriting ``config``.

    The new mkdocs.yml sits beside ``config``, so its relative paths (hooks, overrides) resolve the same; the caller
    deletes it. The generated cover has no heading where the real cover ends: its PDF contents follow the title block.
    """
    nav = generate(pages, work, config)
    generated = config.parent / f".bench-{pages}.yml"
    settings = {
        "INHERIT": config.name,
        "docs_dir": str(work / "docs"),
        "nav": nav,
        "extra": {"paper": {"pdf_contents_before": None}},
    }
    generated.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return generated, nav
