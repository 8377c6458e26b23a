"""The Local Government (Access to Information) Act 1985 list of background papers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .contacts import Contact
from .problems import Problem
from .sources import SourcePage, digits, plain_text, table_cells

HEADER = ("Paper", "Date", "Contact/Directorate/Tel")
MONTH_FORMATS = ("%B %Y", "%b %Y")


@dataclass(frozen=True)
class PaperRow:
    line: int
    position: int  # 1 for the first data row, counting malformed rows too
    number: int
    title: str
    date: str
    contact: str


def parse_month(text: str) -> date | None:
    """'Sept 2014', 'Sep 2014' and 'September 2014' are all September 2014."""
    cleaned = re.sub(r"^Sept\b", "Sep", text.strip())
    for fmt in MONTH_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def parse_table(page: SourcePage) -> tuple[list[PaperRow], list[Problem]]:
    """The first pipe table on the page, checked for its shape."""
    table: list[tuple[int, str]] = []
    for number, line in page.body_lines():
        if line.lstrip().startswith("|"):
            table.append((number, line))
        elif table:
            break  # the first table only
    if not table:
        return [], [Problem(page.path, 1, "has no background-papers table; add one with the header | Paper | Date | Contact/Directorate/Tel |")]
    (header_line, header), *body = table
    problems: list[Problem] = []
    found = tuple(table_cells(header))
    if found != HEADER:
        problems.append(Problem(page.path, header_line, f"the table header is '{' | '.join(found)}'; it must be exactly '{' | '.join(HEADER)}'"))
    rows: list[PaperRow] = []
    data = [(number, line) for number, line in body if not set("".join(table_cells(line))) <= set("-: ")]  # minus the separator row
    for position, (number, line) in enumerate(data, start=1):
        cells = table_cells(line)
        if len(cells) != len(HEADER):
            problems.append(Problem(page.path, number, f"this row has {len(cells)} cells ({' | '.join(cells)}); it needs {len(HEADER)}: {' | '.join(HEADER)}"))
            continue
        paper, when, contact = (plain_text(cell) for cell in cells)
        match = re.match(r"(\d+)\.\s+(.+)", paper)
        if not match:
            problems.append(Problem(page.path, number, f"paper '{paper}' has no number; start it with its row number, as in '1. LSCB Annual Report'"))
            continue
        if int(match[1]) != position:
            problems.append(Problem(page.path, number, f"paper '{match[2].strip()}' is numbered {match[1]} but is row {position}; number the rows 1, 2, 3… in order"))
        rows.append(PaperRow(number, position, int(match[1]), match[2].strip(), when, contact))
    return rows, problems


def check_rows(rows: list[PaperRow], contacts: list[Contact], meeting: date, path: str) -> list[Problem]:
    by_name = {contact.name: contact for contact in contacts}
    problems: list[Problem] = []
    for row in rows:
        when = parse_month(row.date)
        if when is None:
            problems.append(Problem(path, row.line, f"date '{row.date}' of paper {row.number} is not a month and year; write it as 'September 2014' or 'Sept 2014'"))
        elif (when.year, when.month) > (meeting.year, meeting.month):
            problems.append(Problem(path, row.line, f"date '{row.date}' of paper {row.number} is after the meeting ({meeting:%-d %B %Y}); a background paper must date from before the meeting"))
        problems += _check_contact_cell(row, by_name, path)
    return problems


def _check_contact_cell(row: PaperRow, by_name: dict[str, Contact], path: str) -> list[Problem]:
    parts = [part.strip() for part in row.contact.split("/")]
    if len(parts) != 3:
        return [Problem(path, row.line, f"contact '{row.contact}' of paper {row.number} must have three parts, Name/Directorate/Tel, as in 'Kathryn Grindrod/LSCB/538352'")]
    name, directorate, tel = parts
    contact = by_name.get(name)
    if contact is None:
        known = ", ".join(by_name) or "none"
        return [Problem(path, row.line, f"contact '{name}' of paper {row.number} is not in docs/contacts.yml (contacts: {known}); use one of those names or add the contact there")]
    problems = []
    if directorate != contact.directorate:
        problems.append(Problem(path, row.line, f"directorate '{directorate}' of paper {row.number} is not {name}'s ({contact.directorate}); write '{contact.directorate}'"))
    dialled = digits(tel)
    if not dialled or dialled != tel.replace(" ", "") or not contact.digits.endswith(dialled) or len(dialled) < 4:
        problems.append(Problem(path, row.line, f"Tel '{tel}' of paper {row.number} is not {name}'s number ({contact.phone}) or its extension; write '{contact.digits[-6:]}' or '{contact.phone}'"))
    return problems


def check_appendix_pages(rows: list[PaperRow], appendices: list[SourcePage], path: str) -> list[Problem]:
    """Each paper has an appendix page whose title agrees with its row (its date and contact are rendered from the row)."""
    by_paper: dict[str, SourcePage] = {}
    problems: list[Problem] = []
    for page in appendices:
        paper = page.front_matter.get("background_paper")
        if paper in by_paper:
            problems.append(Problem(page.path, page.front_matter_line("background_paper"), f"background_paper {paper} is also the paper of {by_paper[paper].path}; each paper has one appendix page"))
        elif paper is not None:
            by_paper[paper] = page
    # By position, so a misnumbered row is reported once, by parse_table.
    for row in rows:
        page = by_paper.get(str(row.position))
        if page is None:
            problems.append(Problem(path, row.line, f"paper {row.position} '{row.title}' has no appendix page; add a page under docs/appendices/ with 'background_paper: {row.position}' in its front matter"))
            continue
        line, title = page.title or (1, "")
        if not title.endswith(row.title):
            problems.append(Problem(page.path, line, f"title '{title}' does not end with the paper's name in the list of background papers, '{row.title}'; make them agree"))
    return problems
