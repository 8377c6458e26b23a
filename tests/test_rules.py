"""Each rule and each message, called directly on a small in-memory paper: no build, milliseconds each."""

from datetime import date

import pytest

from committee_paper.checks.paper_checks import check_paper
from committee_paper.config import read_settings
from committee_paper.model.contacts import check_contacts, load_contacts
from committee_paper.model.cross_references import check_contact_links
from committee_paper.model.paper import Paper, load_paper, read_paper
from committee_paper.model.settings import (
    BackgroundPaperRules,
    ConfigurationError,
    Meeting,
    Publisher,
    Settings,
    check_site_name,
    pdf_file_name,
)
from committee_paper.model.sources import SourcePage

MEETING = Meeting("Example Council", "Example Committee", date(2030, 6, 12))
RULES = BackgroundPaperRules(("Paper", "Date", "Contact/Directorate/Tel"), ("%B %Y", "%b %Y"), True)
PUBLISHER = Publisher("Democratic Services", "mailto:democracy@example.gov.uk")
SETTINGS = Settings(MEETING, RULES, PUBLISHER, None)
EXTRA = {
    "meeting": {"council": "Example Council", "committee": "Example Committee", "date": date(2030, 6, 12)},
    "paper": {
        "background_papers": {
            "header": ["Paper", "Date", "Contact/Directorate/Tel"],
            "date_formats": ["%B %Y", "%b %Y"],
            "appendix_for_each": True,
        }
    },
    "publisher": {"name": "Democratic Services", "contact": "mailto:democracy@example.gov.uk"},
}
RECORD = "date: 2030-05-01\nchromium: 120.0\naxe-core: 4.9.0\nviewports: [1280x800]\n"
CONTACTS = """\
- name: Ann Example
  role: Officer
  organisation: Example Council
  directorate: ENV
  phone: 0113 496 0123
  email: ann@example.gov.uk
"""
ABBREVIATIONS = "*[ENV]: Environment\n"
PAGES = {
    "index.md": "# A paper\n\n1.1. The first paragraph, see [Appendix A](appendices/appendix-a.md).\n",
    "background-papers.md": (
        "# Background papers\n\n| Paper | Date | Contact/Directorate/Tel |\n| --- | --- | --- |\n"
        "| 1. [Road survey](appendices/appendix-a.md) | May 2030 | Ann Example/ENV/960123 |\n"
    ),
    "appendices/appendix-a.md": "---\nbackground_paper: 1\n---\n\n# Appendix A: Road survey\n\n<!-- background paper -->\n",
    "glossary.md": "# Glossary\n\n<!-- glossary: paper -->\n",
}


def page(uri: str, text: str) -> SourcePage:
    return SourcePage(f"docs/{uri}", uri, text)


def paper(
    changes: dict[str, str | None] | None = None, contacts: str = CONTACTS, rules: BackgroundPaperRules = RULES
) -> Paper:
    """The small paper, with pages replaced or, given ``None``, removed."""
    texts = {uri: text for uri, text in {**PAGES, **(changes or {})}.items() if text is not None}
    return load_paper(Settings(MEETING, rules, PUBLISHER, None), "docs", texts, contacts, ABBREVIATIONS, RECORD)


def problems(model: Paper) -> list[str]:
    return [str(problem) for problem in check_paper(model)]


def with_row(row: str) -> str:
    return PAGES["background-papers.md"].replace(
        "| 1. [Road survey](appendices/appendix-a.md) | May 2030 | Ann Example/ENV/960123 |", row
    )


def test_the_small_paper_breaks_no_rule():
    assert problems(paper()) == []


# ── Configuration: mkdocs.yml and the files the build cannot start without ────


@pytest.mark.parametrize(
    "meeting, message",
    [
        (
            {"council": "Example Council", "committee": "Example Committee"},
            "mkdocs.yml: extra.meeting.date is missing; set it to the meeting's date as YYYY-MM-DD",
        ),
        (
            {"council": "Example Council", "committee": "Example Committee", "date": "June 2030"},
            "mkdocs.yml: extra.meeting.date is 'June 2030'; set it to the meeting's date as YYYY-MM-DD",
        ),
        (
            {"council": "Example Council", "date": date(2030, 6, 12)},
            "mkdocs.yml: extra.meeting.committee is missing; set it to the committee's name, as in 'Cabinet'",
        ),
        (
            {"committee": "Example Committee", "date": date(2030, 6, 12)},
            "mkdocs.yml: extra.meeting.council is missing; set it to the council's name, as in 'Example County Council'",
        ),
    ],
)
def test_a_missing_or_wrong_meeting_setting_is_a_configuration_error(meeting, message):
    with pytest.raises(ConfigurationError) as error:
        read_settings({**EXTRA, "meeting": meeting})
    assert str(error.value) == message


def test_no_meeting_at_all_is_a_configuration_error():
    with pytest.raises(ConfigurationError, match=r"^mkdocs.yml: extra.meeting.council is missing;"):
        read_settings({})


@pytest.mark.parametrize(
    "setting, value, message",
    [
        (
            "header",
            None,
            "mkdocs.yml: extra.paper.background_papers.header is missing; set it to the table's three column headings, as in [Paper, Date, Contact/Directorate/Tel]",
        ),
        (
            "header",
            ["Paper", "Date"],
            "mkdocs.yml: extra.paper.background_papers.header is ['Paper', 'Date']; it needs three column headings: the paper, its date and its contact (Name/Directorate/Tel)",
        ),
        (
            "date_formats",
            "%B %Y",
            "mkdocs.yml: extra.paper.background_papers.date_formats is '%B %Y'; set it to the ways dates are written, as in ['%B %Y', '%b %Y'] for 'September 2014' or 'Sep 2014'",
        ),
        (
            "date_formats",
            ["%B"],
            "mkdocs.yml: extra.paper.background_papers.date_formats is ['%B']; each must be a date format with a year (%Y), as in '%B %Y'",
        ),
        (
            "appendix_for_each",
            "yes please",
            "mkdocs.yml: extra.paper.background_papers.appendix_for_each is 'yes please'; set it to true if every background paper must have an appendix page, or false",
        ),
    ],
)
def test_a_wrong_background_papers_setting_is_a_configuration_error(setting, value, message):
    settings = {**EXTRA["paper"]["background_papers"], setting: value}
    with pytest.raises(ConfigurationError) as error:
        read_settings({**EXTRA, "paper": {"background_papers": settings}})
    assert str(error.value) == message


def test_the_settings_are_read_as_given():
    assert read_settings(EXTRA) == SETTINGS


def test_every_wrong_key_is_one_line_naming_key_value_and_fix():
    extra = {
        **EXTRA,
        "meeting": {"council": "", "committee": 7, "date": date(2030, 6, 12), "chair": "Ann"},
        "publisher": {},
    }
    with pytest.raises(ConfigurationError) as error:
        read_settings(extra)
    assert str(error.value).splitlines() == [
        "mkdocs.yml: extra.meeting.council is ''; set it to the council's name, as in 'Example County Council'",
        "mkdocs.yml: extra.meeting.committee is 7; set it to the committee's name, as in 'Cabinet'",
        "mkdocs.yml: extra.meeting.chair is not a setting; remove it (settings: council, committee, date)",
        "mkdocs.yml: extra.publisher.name is missing; set it to who publishes this website, as the README's 'Publishing under the council website' says",
        "mkdocs.yml: extra.publisher.contact is missing; set it to a link to reach them (page.md#anchor, mailto:, tel: or https:), "
        "as the README's 'Publishing under the council website' says",
    ]


LOADED_CONFIG = '{"mkdocs.yml": {"site_name": "A paper"}}'  # mkdocs.yml as the build hands it over


@pytest.mark.parametrize(
    "missing, message",
    [
        (
            "contacts.yml",
            "docs/contacts.yml: not found; the contact officers must be listed there (see guides/editors.md)",
        ),
        (
            "includes/abbreviations.md",
            "docs/includes/abbreviations.md: not found; the abbreviations shown on hover are defined there (see guides/editors.md)",
        ),
    ],
)
def test_a_missing_contacts_or_abbreviations_file_is_a_configuration_error(missing, message, tmp_path):
    docs = tmp_path / "docs"
    (docs / "includes").mkdir(parents=True)
    (docs / "contacts.yml").write_text(CONTACTS, encoding="utf-8")
    (docs / "includes" / "abbreviations.md").write_text(ABBREVIATIONS, encoding="utf-8")
    (docs / "index.md").write_text(PAGES["index.md"], encoding="utf-8")
    assert read_paper(SETTINGS, docs, ["index.md"], LOADED_CONFIG).pages == {
        "index.md": page("index.md", PAGES["index.md"])
    }
    (docs / missing).unlink()
    with pytest.raises(ConfigurationError) as error:
        read_paper(SETTINGS, docs, ["index.md"], LOADED_CONFIG)
    assert str(error.value) == message


def test_the_site_name_must_name_the_meeting():
    check_site_name("Road survey report to Example Committee, 12 June 2030", MEETING)
    with pytest.raises(ConfigurationError) as error:
        check_site_name("Road survey report to Example Committee, 12 July 2030", MEETING)
    assert str(error.value) == (
        "mkdocs.yml: site_name 'Road survey report to Example Committee, 12 July 2030' does not name the meeting in "
        "extra.meeting (Example Committee, 12 June 2030); write it as '<the paper's title> to Example Committee, 12 June 2030'"
    )


def test_the_pdf_is_named_from_the_meeting():
    assert pdf_file_name(MEETING) == "pdf/example-committee-2030-06-12.pdf"
    assert (
        pdf_file_name(Meeting("C", "Children's Services & Schools Scrutiny", date(2031, 1, 2)))
        == "pdf/childrens-services-schools-scrutiny-2031-01-02.pdf"
    )


# ── Contacts ──────────────────────────────────────────────────────────────────


def test_contacts_file_that_is_not_yaml():
    contacts, found = load_contacts("- name: Ann Example\n  role: [Officer\n", "docs/contacts.yml")
    assert contacts == []
    assert [str(problem) for problem in found] == [
        "docs/contacts.yml:3: is not valid YAML (expected ',' or ']', but got '<stream end>'); fix the indentation or quoting",
    ]


def test_contacts_file_that_is_not_a_list():
    contacts, found = load_contacts("name: Ann Example\nrole: Officer\n", "docs/contacts.yml")
    assert contacts == []
    assert [str(problem) for problem in found] == [
        "docs/contacts.yml:1: must be a list of contacts, each starting with '- name:'"
    ]


def test_a_contact_that_is_not_a_mapping():
    _, found = load_contacts(CONTACTS + "- Bob Example\n", "docs/contacts.yml")
    assert [str(problem) for problem in found] == [
        "docs/contacts.yml:7: each contact must be a mapping of name, role, organisation, directorate, phone and email",
    ]


def test_two_contacts_with_one_name():
    twin = CONTACTS.replace("ann@example.gov.uk", "ann.two@example.gov.uk").replace("0113 496 0123", "0113 496 0999")
    contacts, found = load_contacts(CONTACTS + twin, "docs/contacts.yml")
    assert found == []
    assert [str(problem) for problem in check_contacts(contacts, "docs/contacts.yml")] == [
        "docs/contacts.yml:7: Ann Example: name 'Ann Example' is already used by the contact on line 1; each contact needs their own",
    ]


def test_a_bad_contacts_file_is_reported_by_the_whole_check():
    assert problems(paper(contacts="name: Ann Example\n")) == [
        "docs/background-papers.md:5: contact 'Ann Example' of paper 1 is not in docs/contacts.yml (contacts: none); use one of those names or add the contact there",
        "docs/contacts.yml:1: must be a list of contacts, each starting with '- name:'",
    ]


# ── Links that write or dial ──────────────────────────────────────────────────


@pytest.mark.parametrize(
    "link, found",
    [
        ("[0113 496 0123](tel:+441134960123)", []),
        ("[0113 496 0123](tel:01134960123)", []),
        (
            "[0113 496 0123](tel:+441134960124)",
            [
                "docs/index.md:1: the link shows '0113 496 0123' but dials 'tel:+441134960124'; make them the same number"
            ],
        ),
        (
            "[Call us](tel:+441134960123)",
            ["docs/index.md:1: the link shows 'Call us' but dials 'tel:+441134960123'; make them the same number"],
        ),
        ("[ann@example.gov.uk](mailto:ann@example.gov.uk?subject=Road%20survey)", []),
    ],
)
def test_a_tel_or_mailto_link_shows_what_it_dials_or_writes_to(link, found):
    assert [str(problem) for problem in check_contact_links([page("index.md", link)])] == found


# ── The list of background papers, by this paper's settings ─────────────────


def test_missing_list_of_background_papers_or_glossary():
    assert problems(paper({"background-papers.md": None})) == [
        "docs/background-papers.md:1: is missing; the list of background papers must be published"
    ]
    assert problems(paper({"glossary.md": None})) == [
        "docs/glossary.md:1: is missing; the glossary of abbreviations must be published"
    ]


def test_a_page_without_a_table():
    assert problems(paper({"background-papers.md": "# Background papers\n\nTo follow.\n"})) == [
        "docs/background-papers.md:1: has no list of background papers; write the paper's table of them (with the "
        "header | Paper | Date | Contact/Directorate/Tel |), or its line saying there are none, as in 'Background "
        "papers: None.'",
    ]


def test_the_header_is_a_setting():
    custom = BackgroundPaperRules(("Document", "Date", "Officer"), RULES.date_formats, True)
    assert problems(paper(rules=custom)) == [
        "docs/background-papers.md:3: the table header is 'Paper | Date | Contact/Directorate/Tel'; it must be exactly 'Document | Date | Officer' (extra.paper.background_papers.header in mkdocs.yml)",
    ]
    assert (
        problems(
            paper(
                {
                    "background-papers.md": PAGES["background-papers.md"].replace(
                        "| Paper | Date | Contact/Directorate/Tel |", "| Document | Date | Officer |"
                    )
                },
                rules=custom,
            )
        )
        == []
    )


def test_rows_the_paper_does_not_number_are_papers_by_position():
    assert (
        problems(
            paper(
                {
                    "background-papers.md": with_row(
                        "| [Road survey](appendices/appendix-a.md) | May 2030 | Ann Example/ENV/960123 |"
                    )
                }
            )
        )
        == []
    )


def test_a_row_without_its_number_among_numbered_rows_gets_its_own_text_as_the_example():
    rows = "| 1. [Road survey](appendices/appendix-a.md) | May 2030 | Ann Example/ENV/960123 |\n| Bridge survey | May 2030 | Ann Example/ENV/960123 |"
    assert problems(paper({"background-papers.md": with_row(rows)})) == [
        "docs/background-papers.md:6: paper 'Bridge survey' has no number but other rows have; start it with its row number, as in '2. Bridge survey', or number no row",
    ]


def test_dates_follow_the_date_style_and_examples_come_from_the_meeting():
    assert problems(
        paper(
            {
                "background-papers.md": with_row(
                    "| 1. [Road survey](appendices/appendix-a.md) | 3 May 2030 | Ann Example/ENV/960123 |"
                )
            }
        )
    ) == [
        "docs/background-papers.md:5: date '3 May 2030' of paper 1 is not written in this paper's date style "
        "(extra.paper.background_papers.date_formats in mkdocs.yml); write it as 'June 2030' or 'Jun 2030'",
    ]
    days = BackgroundPaperRules(RULES.header, ("%d %B %Y",), True)
    assert days.parse_date("3 May 2030") == (date(2030, 5, 3), True)
    assert days.date_examples(MEETING.date) == "'12 June 2030'"
    assert RULES.parse_date("Sept 2030") == (date(2030, 9, 1), False)


@pytest.mark.parametrize(
    "rules, written, after",
    [
        (RULES, "June 2030", False),  # the meeting's own month is not after it
        (RULES, "July 2030", True),
        (BackgroundPaperRules(RULES.header, ("%d %B %Y",), True), "12 June 2030", False),
        (BackgroundPaperRules(RULES.header, ("%d %B %Y",), True), "13 June 2030", True),
    ],
)
def test_a_paper_dated_after_the_meeting(rules, written, after):
    row = with_row(f"| 1. [Road survey](appendices/appendix-a.md) | {written} | Ann Example/ENV/960123 |")
    message = f"docs/background-papers.md:5: date '{written}' of paper 1 is after the meeting (12 June 2030); a background paper must date from before the meeting"
    assert problems(paper({"background-papers.md": row}, rules=rules)) == ([message] if after else [])


def test_a_contact_cell_without_separators_gets_a_listed_contact_as_the_example():
    assert problems(
        paper(
            {
                "background-papers.md": with_row(
                    "| 1. [Road survey](appendices/appendix-a.md) | May 2030 | Ann Example 960123 |"
                )
            }
        )
    ) == [
        "docs/background-papers.md:5: contact 'Ann Example 960123' of paper 1 must be the contact's name, then what the paper gives of their details, each after '/' or ',', as in 'Ann Example/ENV/0113 496 0123'",
    ]


@pytest.mark.parametrize(
    "tel, fix",
    [
        ("960124", "write '960123' or '0113 496 0123'"),  # as many digits as the editor wrote
        ("0124", "write '0123' or '0113 496 0123'"),
        ("12", "write '0113 496 0123'"),  # too short to be an extension
    ],
)
def test_a_tel_that_is_not_the_contacts_number_or_extension(tel, fix):
    assert problems(
        paper(
            {
                "background-papers.md": with_row(
                    f"| 1. [Road survey](appendices/appendix-a.md) | May 2030 | Ann Example/ENV/{tel} |"
                )
            }
        )
    ) == [
        f"docs/background-papers.md:5: Tel '{tel}' of paper 1 is not Ann Example's number (0113 496 0123) or its extension (its last digits); {fix}",
    ]


def test_every_paper_has_an_appendix_page_only_when_the_setting_says_so():
    row = "| 1. Road survey, held by the Highways Service | May 2030 | Ann Example/ENV/960123 |"
    without_appendix = {
        "background-papers.md": with_row(row),
        "appendices/appendix-a.md": None,
        "index.md": "# A paper\n\n1.1. The first paragraph.\n",
    }
    assert problems(paper(without_appendix)) == [
        "docs/background-papers.md:5: paper 1 'Road survey, held by the Highways Service' has no appendix page; add a page under docs/appendices/ with 'background_paper: 1' in its front matter",
    ]
    assert problems(paper(without_appendix, rules=BackgroundPaperRules(RULES.header, RULES.date_formats, False))) == []


# ── Cross-references: what is not prose is not checked ───────────────────────


def test_fenced_code_and_comments_are_not_checked():
    mentions = "See paragraph 9.9, Appendix Z and the QQX.\n"
    assert problems(paper({"index.md": PAGES["index.md"] + mentions})) == [
        "docs/index.md:4: 'Appendix Z' refers to no appendix page (appendices: A); correct the letter or add the appendix page under docs/appendices/",
        "docs/index.md:4: 'paragraph 9.9' refers to no numbered paragraph; correct the number (paragraphs run from 1.1 to 1.1)",
        "docs/index.md:4: abbreviation 'QQX' is not explained in docs/includes/abbreviations.md; add '*[QQX]: what it stands for' there (the glossary is made from it), or, if it is not an abbreviation, list it under extra.paper.not_abbreviations in mkdocs.yml",
    ]
    for fence in ("```", "~~~"):
        assert problems(paper({"index.md": PAGES["index.md"] + f"\n{fence}text\n{mentions}{fence}\n"})) == []
    assert problems(paper({"index.md": PAGES["index.md"] + f"\n<!--\n{mentions}-->\n"})) == []


def test_a_paragraph_mention_in_a_paper_without_numbered_paragraphs():
    assert problems(
        paper({"index.md": "# A paper\n\nSee paragraph 1.1 and [Appendix A](appendices/appendix-a.md).\n"})
    ) == [
        "docs/index.md:3: 'paragraph 1.1' refers to no numbered paragraph; correct the number (the paper has no numbered paragraphs)",
    ]
