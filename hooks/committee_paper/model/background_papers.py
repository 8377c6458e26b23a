"""The Local Government (Access to Information) Act 1985 list of background papers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from committee_paper.model.contacts import Contact
from committee_paper.model.problems import Problem
from committee_paper.model.settings import BackgroundPaperRules, Meeting
from committee_paper.model.sources import SourcePage, digits, plain_text, table_cells

BACKGROUND_PAPERS = "background-papers.md"  # the page that lists them, under docs/
APPENDIX_FOLDER = "appendices/"  # each paper's appendix page, under docs/
APPENDIX_KEY = "background_paper"  # front matter: the number of the paper an appendix page is for
# An appendix page's title, as the paper names it: "Appendix A: …", "Appendix 2: …", "Annex: …".
APPENDIX_HEADING = re.compile(r"(?:Appendix|Annex)\b")
MIN_EXTENSION = 4  # digits: fewer could match almost any number
TEL_LABEL = re.compile(r"^(?:Tel(?:ephone)?|Ext(?:ension)?)\.?:?\s*", re.IGNORECASE)  # "Tel: 960456"
ROW_NUMBER = re.compile(r"(\d+)\.\s+(.+)")  # "1. Annual report": a numbered row
# The paper's line saying it has none: "Background papers: None." or "None." alone.
NONE_LISTED = re.compile(r"(?:^|:\s*)None\.?\s*$")
SETTINGS_NEEDED = (
    "the paper lists background papers, but mkdocs.yml has no extra.paper.background_papers; set its header, "
    "date_formats and appendix_for_each (PUBLISHING.md, step 3)"
)


@dataclass(frozen=True)
class PaperRow:
    line: int
    position: int  # 1 for the first data row, counting malformed rows too
    number: int
    title: str
    date: str
    contact: str


def is_appendix(page: SourcePage) -> bool:
    """A page under docs/appendices/ that stands for an appendix: a background paper's, an exempt one, or one
    titled as the paper names appendices. Any other page there (a list of them) is an ordinary page."""
    if not page.uri.startswith(APPENDIX_FOLDER):
        return False
    titled = page.title is not None and APPENDIX_HEADING.match(page.title[1]) is not None
    return titled or page.background_paper is not None or page.exempt is not None


def says_none(page: SourcePage) -> bool:
    """Whether the page says, as the paper does, that there are no background papers ("Background papers: None.")."""
    return any(NONE_LISTED.search(line.strip()) for _, line in page.plain_lines())


def parse_table(page: SourcePage, rules: BackgroundPaperRules | None) -> tuple[list[PaperRow], list[Problem]]:
    """The first pipe table on the page, checked for its shape against the header in mkdocs.yml; no table and
    no rows when the page says the paper has none."""
    table: list[tuple[int, str]] = []
    for number, line in page.body_lines():
        if line.lstrip().startswith("|"):
            table.append((number, line))
        elif table:
            break  # the first table only
    if not table:
        if says_none(page):
            return [], []
        fix = f" (with the header | {' | '.join(rules.header)} |)" if rules else ""
        return [], [
            Problem(
                page.path,
                page.title_line,
                f"has no list of background papers; write the paper's table of them{fix}, or its line saying "
                "there are none, as in 'Background papers: None.'",
            )
        ]
    if rules is None:
        return [], [Problem(page.path, table[0][0], SETTINGS_NEEDED)]
    header = rules.header
    (header_line, header_text), *body = table
    problems: list[Problem] = []
    found = tuple(table_cells(header_text))
    if found != header:
        problems.append(
            Problem(
                page.path,
                header_line,
                f"the table header is '{' | '.join(found)}'; it must be exactly '{' | '.join(header)}' "
                "(extra.paper.background_papers.header in mkdocs.yml)",
            )
        )
    rows: list[PaperRow] = []
    data = [
        (number, line) for number, line in body if not set("".join(table_cells(line))) <= set("-: ")
    ]  # minus the separator row
    # The rows are numbered ("1. Annual report") or not, as the paper writes them: all or none.
    numbered = any(ROW_NUMBER.match(plain_text(cells[0])) for _, line in data if (cells := table_cells(line)))
    for position, (number, line) in enumerate(data, start=1):
        cells = table_cells(line)
        if len(cells) != len(header):
            problems.append(
                Problem(
                    page.path,
                    number,
                    f"this row has {len(cells)} cells ({' | '.join(cells)}); it needs {len(header)}: "
                    f"{' | '.join(header)}",
                )
            )
            continue
        paper, when, contact = (plain_text(cell) for cell in cells)
        match = ROW_NUMBER.match(paper)
        if not numbered:
            rows.append(PaperRow(number, position, position, paper, when, contact))
            continue
        if not match:
            fix = f"start it with its row number, as in '{position}. {paper}', or number no row"
            problems.append(Problem(page.path, number, f"paper '{paper}' has no number but other rows have; {fix}"))
            continue
        if int(match[1]) != position:
            problems.append(
                Problem(
                    page.path,
                    number,
                    f"paper '{match[2].strip()}' is numbered {match[1]} but is row {position}; number the rows 1, 2, "
                    "3… in order",
                )
            )
        rows.append(PaperRow(number, position, int(match[1]), match[2].strip(), when, contact))
    return rows, problems


def check_rows(
    rows: list[PaperRow], contacts: list[Contact], meeting: Meeting, rules: BackgroundPaperRules, path: str
) -> list[Problem]:
    by_name = {contact.name: contact for contact in contacts}
    problems: list[Problem] = []
    for row in rows:
        parsed = rules.parse_date(row.date)
        if parsed is None:
            problems.append(
                Problem(
                    path,
                    row.line,
                    f"date '{row.date}' of paper {row.number} is not written in this paper's date style "
                    "(extra.paper.background_papers.date_formats in mkdocs.yml); write it as "
                    f"{rules.date_examples(meeting.date)}",
                )
            )
        elif _after(*parsed, meeting.date):
            problems.append(
                Problem(
                    path,
                    row.line,
                    f"date '{row.date}' of paper {row.number} is after the meeting ({meeting.long_date}); a "
                    "background paper must date from before the meeting",
                )
            )
        problems += _check_contact_cell(row, by_name, contacts, path)
    return problems


def _after(when: date, names_day: bool, meeting: date) -> bool:
    """A month-and-year date is after the meeting only from the month after."""
    return when > meeting if names_day else (when.year, when.month) > (meeting.year, meeting.month)


def contact_parts(cell: str) -> list[str]:
    """A row's contact as the paper writes it: the name, then what the paper gives of the contact's details
    (directorate, role, Tel…), each after '/' ("Name/Directorate/Tel") or, with no '/', after ',' ("Name, Tel")."""
    return [part.strip() for part in cell.split("/" if "/" in cell else ",")]


def _example(contact: Contact) -> str:
    if contact.directorate:
        return "/".join(part for part in (contact.name, contact.directorate, contact.phone) if part)
    return ", ".join(part for part in (contact.name, contact.phone) if part)


def _check_contact_cell(
    row: PaperRow, by_name: dict[str, Contact], contacts: list[Contact], path: str
) -> list[Problem]:
    name, *details = contact_parts(row.contact)
    contact = by_name.get(name)
    if contact is None:
        near = next((contact for contact in contacts if row.contact.startswith(contact.name)), None)
        if near is not None:
            return [
                Problem(
                    path,
                    row.line,
                    f"contact '{row.contact}' of paper {row.number} must be the contact's name, then what the paper "
                    f"gives of their details, each after '/' or ',', as in '{_example(near)}'",
                )
            ]
        known = ", ".join(by_name) or "none"
        return [
            Problem(
                path,
                row.line,
                f"contact '{name}' of paper {row.number} is not in docs/contacts.yml (contacts: {known}); use one of "
                "those names or add the contact there",
            )
        ]
    given = {contact.directorate, contact.role, contact.organisation, contact.email} - {""}
    problems = []
    for detail in details:
        tel = TEL_LABEL.sub("", detail)
        if digits(tel):
            problems += _check_tel(row, contact, tel, path)
        elif detail and detail not in given and contact.directorate:
            problems.append(
                Problem(
                    path,
                    row.line,
                    f"directorate '{detail}' of paper {row.number} is not {name}'s ({contact.directorate}); write "
                    f"'{contact.directorate}'",
                )
            )
        elif detail and detail not in given:
            shown = ", ".join(
                part for part in (contact.role, contact.organisation, contact.phone, contact.email) if part
            )
            problems.append(
                Problem(
                    path,
                    row.line,
                    f"'{detail}' in the contact of paper {row.number} is none of {name}'s details in docs/contacts.yml "
                    f"({shown or 'only the name'}); write it as given there, or, when the paper gives it, add it there "
                    "as their directorate, role or organisation",
                )
            )
    return problems


def _check_tel(row: PaperRow, contact: Contact, tel: str, path: str) -> list[Problem]:
    dialled = digits(tel)
    if dialled == tel.replace(" ", "") and contact.digits.endswith(dialled) and len(dialled) >= MIN_EXTENSION:
        return []
    # Suggest the extension with as many digits as the editor wrote, when that is an extension.
    extension = (
        f"'{contact.digits[-len(dialled) :]}' or " if MIN_EXTENSION <= len(dialled) < len(contact.digits) else ""
    )
    return [
        Problem(
            path,
            row.line,
            f"Tel '{tel}' of paper {row.number} is not {contact.name}'s number ({contact.phone}) or its extension (its "
            f"last digits); write {extension}'{contact.phone}'",
        )
    ]


def check_appendix_pages(
    rows: list[PaperRow], appendices: list[SourcePage], path: str, appendix_for_each: bool
) -> list[Problem]:
    """A paper's appendix page has a title that agrees with its row (its date and contact are
    rendered from the row); with ``appendix_for_each`` (extra.paper.background_papers in
    mkdocs.yml) every paper has one."""
    by_paper: dict[int, SourcePage] = {}
    problems: list[Problem] = []
    for page in appendices:
        paper = page.background_paper
        if paper in by_paper:
            problems.append(
                Problem(
                    page.path,
                    page.front_matter_line(APPENDIX_KEY),
                    f"{APPENDIX_KEY} {paper} is also the paper of {by_paper[paper].path}; each paper has one appendix "
                    "page",
                )
            )
        elif paper is not None:
            by_paper[paper] = page
    # By position, so a misnumbered row is reported once, by parse_table.
    for row in rows:
        appendix = by_paper.get(row.position)
        if appendix is None:
            if appendix_for_each:
                problems.append(
                    Problem(
                        path,
                        row.line,
                        f"paper {row.position} '{row.title}' has no appendix page; add a page under docs/appendices/ "
                        f"with 'background_paper: {row.position}' in its front matter",
                    )
                )
            continue
        line, title = appendix.title or (1, "")
        if not title.endswith(row.title):
            problems.append(
                Problem(
                    appendix.path,
                    line,
                    f"title '{title}' does not end with the paper's name in the list of background papers, "
                    f"'{row.title}'; make them agree",
                )
            )
    return problems
