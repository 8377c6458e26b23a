"""The checks follow the paper's own shape, on small made-up papers: appendices lettered or
numbered, list rows numbered or not, Roman numerals, a page titled as its file, phone numbers,
the site's own assets. No build, no real paper."""

from datetime import date
from pathlib import Path

import markdown
import pytest

from committee_paper.checks.assets import missing_assets
from committee_paper.checks.paper_checks import check_paper
from committee_paper.config import read_settings
from committee_paper.model.contacts import check_contacts, load_contacts
from committee_paper.model.paper import Paper, load_paper
from committee_paper.model.settings import (
    BackgroundPaperRules,
    ConfigurationError,
    Meeting,
    Publisher,
    Settings,
)
from committee_paper.outputs.document import Part, assemble
from committee_paper.outputs.whole_paper import whole_paper
from committee_paper.render.citable_anchors import CitableAnchorsExtension

MEETING = Meeting("Invented Borough Council", "Invented Committee", date(2031, 2, 3))
RULES = BackgroundPaperRules(("Document", "Date", "Officer"), ("%d %B %Y",), True)
CONTACTS = """\
- name: Pat Madeup
  role: Officer
  organisation: Invented Borough Council
  directorate: PLN
  phone: 0113 496 0456
  email: pat@invented.example
"""
PAGES = {
    "index.md": "# An invented paper\n\n1.1. Appendices 1 and 2 refer to [the survey](appendices/appendix-1.md) and [the map](appendices/appendix-2.md).\n",
    "background-papers.md": (
        "# Background papers\n\n| Document | Date | Officer |\n| --- | --- | --- |\n"
        "| [Survey](appendices/appendix-1.md) | 4 May 2030 | Pat Madeup/PLN/960456 |\n"
        "| [Map](appendices/appendix-2.md) | 5 May 2030 | Pat Madeup/PLN/960456 |\n"
    ),
    "appendices/appendix-1.md": "---\nbackground_paper: 1\n---\n\n# Appendix 1: Survey\n\n<!-- background paper -->\n",
    "appendices/appendix-2.md": "---\nbackground_paper: 2\n---\n\n# Appendix 2: Map\n\n<!-- background paper -->\n",
    "glossary.md": "# Glossary\n\n<!-- glossary: paper -->\n",
}


PUBLISHER = Publisher("Democratic Services", "mailto:democracy@invented.example")


def paper(changes: dict[str, str] | None = None, not_abbreviations: frozenset[str] = frozenset()) -> Paper:
    settings = Settings(MEETING, RULES, PUBLISHER, None, not_abbreviations)
    return load_paper(settings, "docs", {**PAGES, **(changes or {})}, CONTACTS, "*[PLN]: Planning\n", "")


def problems(model: Paper) -> list[str]:
    return [str(problem) for problem in check_paper(model)]


def test_numbered_appendices_and_unnumbered_rows_break_no_rule():
    assert problems(paper()) == []


def test_a_reference_to_a_numbered_appendix_that_does_not_exist_fails():
    cover = PAGES["index.md"] + "\n1.2. Appendix 3 has the costs.\n"
    assert problems(paper({"index.md": cover})) == [
        "docs/index.md:5: 'Appendix 3' refers to no appendix page (appendices: 1, 2); correct the number or add the appendix page under docs/appendices/",
    ]


def test_appendices_named_together_are_each_checked_and_paragraph_numbers_are_not_appendices():
    cover = PAGES["index.md"] + "\n1.2. Appendices 1, 2 and 12 refer; Appendix 1.2 is a paragraph.\n"
    assert problems(paper({"index.md": cover})) == [
        "docs/index.md:5: 'Appendix 12' refers to no appendix page (appendices: 1, 2); correct the number or add the appendix page under docs/appendices/",
    ]


def test_an_appendix_no_page_links_to_fails_whether_numbered_or_not():
    cover = "# An invented paper\n\n1.1. Appendix 1 is [the survey](appendices/appendix-1.md).\n"
    papers = PAGES["background-papers.md"].replace("[Map](appendices/appendix-2.md)", "Map")
    assert problems(paper({"index.md": cover, "background-papers.md": papers})) == [
        "docs/appendices/appendix-2.md:5: no page of the paper links to this appendix; link it from the paragraph or background paper that refers to it, or remove the page",
    ]


def test_unnumbered_rows_are_anchored_by_position_and_numbered_rows_by_number():
    table = "| Document | Date |\n| --- | --- |\n| Survey | May 2030 |\n| Map | May 2030 |\n"
    html = markdown.markdown(table, extensions=["tables", CitableAnchorsExtension("Document")])
    assert html.count('<tr id="paper-1">') == 1 and html.count('<tr id="paper-2">') == 1
    numbered = markdown.markdown(
        table.replace("| Survey", "| 1. Survey").replace("| Map", "| 2. Map"),
        extensions=["tables", CitableAnchorsExtension("Document")],
    )
    assert numbered.count('<tr id="paper-1">') == 1 and numbered.count('<tr id="paper-2">') == 1


def test_roman_numerals_are_not_demanded_in_the_glossary_and_other_words_can_be_declared():
    cover = PAGES["index.md"] + "\n1.2. Reason for inclusion in Part II, if appropriate: Schedule XII. NOTE the date.\n"
    assert problems(paper({"index.md": cover})) == [
        "docs/index.md:5: abbreviation 'NOTE' is not explained in docs/includes/abbreviations.md; add '*[NOTE]: what it stands for' there "
        "(the glossary is made from it), or, if it is not an abbreviation, list it under extra.paper.not_abbreviations in mkdocs.yml",
    ]
    assert problems(paper({"index.md": cover}, frozenset({"NOTE"}))) == []


EXTRA = {
    "meeting": {"council": "Invented Borough Council", "committee": "Invented Committee", "date": date(2031, 2, 3)},
    "paper": {
        "background_papers": {
            "header": ["Document", "Date", "Officer"],
            "date_formats": ["%d %B %Y"],
            "appendix_for_each": True,
        }
    },
    "publisher": {"name": "Democratic Services", "contact": "mailto:democracy@invented.example"},
}


def test_the_words_that_are_not_abbreviations_are_an_optional_list_in_the_settings():
    assert read_settings(EXTRA).not_abbreviations == frozenset()
    assert read_settings(
        {**EXTRA, "paper": {**EXTRA["paper"], "not_abbreviations": ["NOTE"]}}
    ).not_abbreviations == frozenset({"NOTE"})
    with pytest.raises(
        ConfigurationError, match=r"extra.paper.not_abbreviations is 'NOTE'; set it to a list of the words in capitals"
    ):
        read_settings({**EXTRA, "paper": {**EXTRA["paper"], "not_abbreviations": "NOTE"}})


def test_a_page_whose_heading_is_its_file_name_goes_on_the_one_page():
    parts = [
        Part("index.html", "docs/index.md", '<h1 id="t">T</h1><a href="consultations.html#consultations">c</a>'),
        Part("consultations.html", "docs/consultations.md", '<h1 id="consultations">Consultations</h1><p>None.</p>'),
    ]
    result = whole_paper(assemble(parts), [], "whole-paper.html")
    assert result.problems == []
    assert result.ids["consultations.html"] == {"consultations": "consultations:consultations"}
    assert result.html.count('id="consultations"') == 1  # the part's section
    assert 'href="#consultations:consultations"' in result.html


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        (
            "01632 960123",
            "has the right number of digits but is in a range no UK telephone number is allocated from; check its digits against the paper as received",
        ),
        ("0113 496 045", "is not a valid UK number; write the full number with its area code"),
        ("+33 1 23 45 67 89", "is not a UK number (it dials country code +33); write the UK number the paper gives"),
    ],
)
def test_a_phone_number_that_is_wrong_says_what_is_wrong(phone, message):
    contacts, found = load_contacts(CONTACTS.replace("0113 496 0456", phone), "docs/contacts.yml")
    assert found == []
    reported = [str(problem) for problem in check_contacts(contacts, "docs/contacts.yml")]
    assert len(reported) == 1 and reported[0].startswith(
        f"docs/contacts.yml:1: Pat Madeup: phone '{phone}' {message}"
    ), reported


def test_a_stylesheet_or_script_in_neither_docs_nor_the_theme_fails(tmp_path: Path):
    docs, theme = tmp_path / "docs", tmp_path / "overrides"
    (theme / "javascripts").mkdir(parents=True)
    docs.mkdir()
    (theme / "javascripts" / "here.js").write_text("", encoding="utf-8")
    assert missing_assets("extra_javascript", ["javascripts/here.js"], [docs, theme]) == []
    assert missing_assets("extra_javascript", ["javascripts/here.js", "javascripts/gone.js"], [docs, theme]) == [
        "mkdocs.yml: extra_javascript 'javascripts/gone.js' is in neither docs/ nor overrides/ (the theme's custom_dir); "
        "put the file back there (the site's own files are under overrides/) or remove the entry",
    ]
