"""Shapes a council paper may have, as the paper writes them (issue 27), on small made-up papers:
no background papers, appendices that are not background papers, exempt appendices, contacts
with only what the paper gives. No build, no real paper."""

from datetime import date

import pytest

from committee_paper.checks import check_paper
from committee_paper.contacts import load_contacts, render_contact
from committee_paper.paper import Paper, load_paper
from committee_paper.settings import (
    BackgroundPaperRules,
    ConfigurationError,
    Meeting,
    Publisher,
    Settings,
    read_settings,
)

MEETING = Meeting("Made-up City Council", "Made-up Cabinet", date(2031, 6, 18))
RULES = BackgroundPaperRules(("Document", "Date", "Officer"), ("%d %B %Y",), True)
PUBLISHER = Publisher("Made-up Democratic Services", "mailto:democracy@made-up.example")
CONTACTS = "- name: Sam Invented\n  role: Head of Parks\n  phone: 0113 496 0456\n  email: sam@made-up.example\n"
NONE_PAGES = {
    "index.md": "# A made-up report\n\n1.1. The park is tidy.\n",
    "background-papers.md": "# Background papers\n\nBackground papers: None.\n",
    "glossary.md": "# Glossary\n\n<!-- glossary: paper -->\n",
}
EXTRA = {
    "meeting": {"council": "Made-up City Council", "committee": "Made-up Cabinet", "date": date(2031, 6, 18)},
    "paper": {},
    "publisher": {"name": "Made-up Democratic Services", "contact": "mailto:democracy@made-up.example"},
}


def paper(pages: dict[str, str], rules: BackgroundPaperRules | None = None, contacts: str = CONTACTS) -> Paper:
    settings = Settings(MEETING, rules, PUBLISHER, None)
    return load_paper(settings, "docs", pages, contacts, "", "")


def problems(model: Paper) -> list[str]:
    return [str(problem) for problem in check_paper(model)]


# "None." is a list of background papers.


def test_a_paper_with_no_background_papers_needs_no_header_settings():
    assert read_settings(EXTRA).background_papers is None


def test_background_papers_none_is_published_as_the_paper_says_with_no_table():
    model = paper(NONE_PAGES)
    assert problems(model) == []
    assert model.papers == []
    assert "Background papers: None." in model.rendered["background-papers.md"]


def test_a_list_with_neither_a_table_nor_none_says_both_ways_out():
    model = paper({**NONE_PAGES, "background-papers.md": "# Background papers\n\nTo follow.\n"})
    assert problems(model) == [
        "docs/background-papers.md:1: has no list of background papers; write the paper's table of them, or its "
        "line saying there are none, as in 'Background papers: None.'"
    ]


def test_a_table_of_background_papers_needs_its_settings():
    listed = (
        "# Background papers\n\n| Document | Date | Officer |\n| --- | --- | --- |\n| Survey | 4 May 2031 | Sam |\n"
    )
    assert problems(paper({**NONE_PAGES, "background-papers.md": listed})) == [
        "docs/background-papers.md:3: the paper lists background papers, but mkdocs.yml has no "
        "extra.paper.background_papers; set its header, date_formats and appendix_for_each (PUBLISHING.md, step 3)"
    ]


def test_a_quoted_date_in_the_settings_is_a_date():
    quoted = {**EXTRA, "meeting": {**EXTRA["meeting"], "date": "2031-06-18"}}
    assert read_settings(quoted).meeting.date == date(2031, 6, 18)
    with pytest.raises(ConfigurationError, match="extra.meeting.date is '18 June'; set it to the meeting's date"):
        read_settings({**EXTRA, "meeting": {**EXTRA["meeting"], "date": "18 June"}})


# Contacts with only what the paper gives.


def test_a_contact_needs_only_a_name_and_shows_only_what_is_given():
    contacts, found = load_contacts(CONTACTS + "- name: Alex Only\n", "docs/contacts.yml")
    assert found == []
    sam, alex = contacts
    assert render_contact(sam) == (
        "- **Sam Invented**, Head of Parks  \n"
        "  Tel: [0113 496 0456](tel:+441134960456)  \n"
        "  Email: [sam@made-up.example](mailto:sam@made-up.example)\n"
    )
    assert render_contact(alex) == "- **Alex Only**\n"
    assert problems(paper(NONE_PAGES, contacts=CONTACTS + "- name: Alex Only\n")) == []


def test_a_contact_without_a_name_fails():
    _, found = load_contacts("- role: Head of Parks\n", "docs/contacts.yml")
    assert [str(problem) for problem in found] == [
        "docs/contacts.yml:1: a contact has no name; every contact needs a name (role, organisation, directorate, "
        "phone and email as the paper gives them)"
    ]
