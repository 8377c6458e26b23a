"""Shapes a council paper may have, as the paper writes them (issue 27), on small made-up papers:
no background papers, appendices that are not background papers, exempt appendices, contacts
with only what the paper gives. No build, no real paper."""

from datetime import date

import pytest

from committee_paper.checks.paper_checks import check_paper
from committee_paper.config import read_settings
from committee_paper.model.contacts import load_contacts
from committee_paper.model.paper import Paper, load_paper
from committee_paper.model.settings import (
    BackgroundPaperRules,
    ConfigurationError,
    Meeting,
    Publisher,
    Settings,
)
from committee_paper.render.marker_text import page_markdown, render_contact

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
    assert "Background papers: None." in page_markdown(model, "background-papers.md")


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


def listed_row(contact: str) -> Paper:
    listed = (
        "# Background papers\n\n| Document | Date | Officer |\n| --- | --- | --- |\n"
        f"| [Survey](appendices/appendix-1.md) | 4 May 2031 | {contact} |\n"
    )
    pages = {
        **APPENDIX_PAGES,
        "background-papers.md": listed,
        "appendices/appendix-1.md": "---\nbackground_paper: 1\n---\n\n# Appendix 1: Survey\n\n<!-- appendix -->\n",
    }
    return paper(pages, RULES)


@pytest.mark.parametrize(
    "contact",
    ["Sam Invented, 0113 496 0456", "Sam Invented/Tel: 960456", "Sam Invented", "Sam Invented, Head of Parks, 960456"],
)
def test_a_background_papers_contact_gives_only_what_the_paper_gives(contact):
    model = listed_row(contact)
    assert problems(model) == []
    assert f"| {contact} |" in page_markdown(model, "background-papers.md")
    notice = page_markdown(model, "appendices/appendix-1.md")
    assert "with Sam Invented as its contact. To ask for a copy, contact:" in notice
    assert "- **Sam Invented**, Head of Parks  \n" in notice


@pytest.mark.parametrize(
    "contact, message",
    [
        (
            "Sam Invented/Parks/960456",
            "'Parks' in the contact of paper 1 is none of Sam Invented's details in docs/contacts.yml (Head of Parks, "
            "0113 496 0456, sam@made-up.example); write it as given there, or, when the paper gives it, add it there "
            "as their directorate, role or organisation",
        ),
        (
            "Sam Invented 960456",
            "contact 'Sam Invented 960456' of paper 1 must be the contact's name, then what the paper gives of their "
            "details, each after '/' or ',', as in 'Sam Invented, 0113 496 0456'",
        ),
        (
            "Sam Invented, Tel: 960999",
            "Tel '960999' of paper 1 is not Sam Invented's number (0113 496 0456) or its extension (its last "
            "digits); write '960456' or '0113 496 0456'",
        ),
    ],
)
def test_a_background_papers_contact_that_is_not_the_contacts_fails_with_a_fix(contact, message):
    assert problems(listed_row(contact)) == [f"docs/background-papers.md:5: {message}"]


# Appendices as the paper has them.

APPENDIX_PAGES = {
    **NONE_PAGES,
    "index.md": (
        "# A made-up report\n\n1.1. [Appendix 1](appendices/appendix-1.md), [Appendix 2](appendices/appendix-2.md), "
        "[the Annex](appendices/annex.md) and [Appendix 3](appendices/appendix-3.md) refer.\n"
    ),
    "appendices/appendix-1.md": "# Appendix 1: Site plan\n\n<!-- appendix -->\n",
    "appendices/appendix-2.md": "# Appendix 2: Costs\n\n<!-- appendix -->\n",
    "appendices/annex.md": "# Annex: Consultation responses\n\n<!-- appendix -->\n",
    "appendices/appendix-3.md": (
        '---\nexempt: "Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"\n---\n\n'
        "# Appendix 3: Bids received\n\n<!-- appendix -->\n"
    ),
    "appendices/index.md": "# Appendices\n\nThe report has four appendices.\n",
}


def test_appendices_that_are_not_background_papers_say_so_and_whom_to_ask():
    model = paper(APPENDIX_PAGES)
    assert problems(model) == []
    for uri in ("appendices/appendix-1.md", "appendices/annex.md"):
        notice = page_markdown(model, uri)
        assert "Its text is not published on this website." in notice
        assert "To ask for a copy, contact Made-up Democratic Services ([democracy@made-up.example]" in notice


def test_an_exempt_appendix_shows_the_papers_reason_and_offers_no_copy():
    notice = page_markdown(paper(APPENDIX_PAGES), "appendices/appendix-3.md")
    assert "This appendix is exempt from publication." in notice
    assert '"Paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972"' in notice
    assert "copy" not in notice and "contact" not in notice


def test_an_exempt_reason_is_text():
    broken = {
        **APPENDIX_PAGES,
        "appendices/appendix-3.md": "---\nexempt: true\n---\n\n# Appendix 3: Bids\n\n<!-- appendix -->\n",
    }
    assert problems(paper(broken)) == [
        "docs/appendices/appendix-3.md:2: exempt: True is not text; 'exempt: \"the paper's reason\"' marks the "
        "appendix exempt from publication, quoting the paper's reason, otherwise leave the line out"
    ]


def test_an_appendix_without_its_notice_fails_and_a_page_that_is_no_appendix_is_allowed():
    broken = {**APPENDIX_PAGES, "appendices/annex.md": "# Annex: Consultation responses\n\nResponses.\n"}
    assert problems(paper(broken)) == [
        "docs/appendices/annex.md:1: has no <!-- appendix --> under its title; put it on the line after the title, so "
        "readers learn at once that the text is not on the site and whom to ask for it"
    ]


def test_the_appendix_marker_on_a_page_that_is_no_appendix_fails():
    broken = {**APPENDIX_PAGES, "index.md": APPENDIX_PAGES["index.md"] + "\n<!-- appendix -->\n"}
    assert problems(paper(broken)) == [
        "docs/index.md:5: this page is no appendix; <!-- appendix --> goes under an appendix page's title "
        "(a page under docs/appendices/ titled 'Appendix …' or 'Annex …')"
    ]


def test_a_background_papers_appendix_asks_its_rows_contact():
    listed = (
        "# Background papers\n\n| Document | Date | Officer |\n| --- | --- | --- |\n"
        "| [Survey](appendices/appendix-1.md) | 4 May 2031 | Sam Invented//960456 |\n"
    )
    pages = {
        **APPENDIX_PAGES,
        "background-papers.md": listed,
        "appendices/appendix-1.md": "---\nbackground_paper: 1\n---\n\n# Appendix 1: Survey\n\n<!-- appendix -->\n",
    }
    model = paper(pages, RULES)
    assert problems(model) == []
    notice = page_markdown(model, "appendices/appendix-1.md")
    assert "with Sam Invented as its contact. To ask for a copy, contact:" in notice
    assert "democracy@made-up.example" not in notice


def test_the_statements_appendix_region_shows_only_for_a_paper_with_appendices():
    statement = (
        "# Accessibility statement\n\n- it works offline\n<!-- if appendices -->\n- the appendices' texts are not "
        "published on this website; each appendix page says so\n<!-- end if -->\n- it sets no cookie\n"
    )
    without = paper({**NONE_PAGES, "accessibility.md": statement})
    assert page_markdown(without, "accessibility.md") == (
        "# Accessibility statement\n\n- it works offline\n- it sets no cookie\n"
    )
    shown = page_markdown(paper({**APPENDIX_PAGES, "accessibility.md": statement}), "accessibility.md")
    assert "\n- the appendices' texts are not published on this website; each appendix page says so\n" in shown


# Fidelity: an abbreviation's meaning is the paper's.


def fidelity_paper(abbreviations: str, cover: str) -> Paper:
    settings = Settings(MEETING, None, PUBLISHER, None)
    return load_paper(settings, "docs", {**NONE_PAGES, "index.md": cover}, CONTACTS, abbreviations, "")


def test_a_meaning_that_contradicts_the_papers_spelling_out_fails_naming_both_places():
    cover = "# A made-up report\n\n1.1. Every child has a Common Parks Framework (CPF) plan.\n"
    model = fidelity_paper("*[CPF]: Common Parks Form\n", cover)
    assert problems(model) == [
        "docs/includes/abbreviations.md:1: 'CPF' means 'Common Parks Form' here, but docs/index.md:3 spells it out as "
        "'Common Parks Framework'; write the paper's words"
    ]
    assert problems(fidelity_paper("*[CPF]: Common Parks Framework\n", cover)) == []
    after = "# A made-up report\n\n1.1. The 'CPF' process (Common Parks Framework – a plan) is new.\n"
    assert problems(fidelity_paper("*[CPF]: Common Parks Form\n", after)) == [
        "docs/includes/abbreviations.md:1: 'CPF' means 'Common Parks Form' here, but docs/index.md:3 spells it out as "
        "'Common Parks Framework'; write the paper's words"
    ]


def test_a_meaning_written_out_in_the_same_paragraph_as_its_abbreviation_is_spelt_out_there():
    from committee_paper.model.glossary import where_spelt_out

    cover = "# A made-up report\n\n1.1. The Tree Risk – Survey Team project is new. TR-ST maps every tree.\n"
    model = fidelity_paper("*[TR-ST]: Tree Risk – Survey Team\n", cover)
    found = where_spelt_out("TR-ST", "Tree Risk – Survey Team", list(model.pages.values()))
    assert found is not None and (found[0].uri, found[1]) == ("index.md", "1.1")
    assert model.website_meanings == set()


# References the paper makes in words are linked by the build.


def test_a_mention_of_a_paragraph_or_an_appendix_is_linked_where_the_paper_left_it_plain():
    from committee_paper.render.mention_links import link_mentions

    pages = {
        **APPENDIX_PAGES,
        "sections/costs.md": "# Costs\n\n2.1. As paragraph 1.1 says, Appendix 2 and Appendices 1 and 3 refer.\n",
    }
    model = paper(pages)
    linked = link_mentions(
        page_markdown(model, "sections/costs.md"), "sections/costs.md", model.paragraph_pages, model.appendix_pages
    )
    assert linked == (
        "# Costs\n\n2.1. As [paragraph 1.1](../index.md#para-1-1) says, [Appendix 2](../appendices/appendix-2.md) "
        "and Appendices [1](../appendices/appendix-1.md) and [3](../appendices/appendix-3.md) refer.\n"
    )
    # Already a link, in code, or on the appendix's own page: left as it is.
    kept = "See [Appendix 2](../appendices/appendix-2.md) and `Appendix 1`.\n"
    assert link_mentions(kept, "sections/costs.md", model.paragraph_pages, model.appendix_pages) == kept
    own = "# Appendix 2: Costs\n\nAppendix 2 sets out the costs.\n"
    assert link_mentions(own, "appendices/appendix-2.md", model.paragraph_pages, model.appendix_pages) == own


def test_a_mention_of_an_annex_is_linked_like_an_appendix():
    from committee_paper.render.mention_links import link_mentions

    pages = {
        **APPENDIX_PAGES,
        "sections/costs.md": "# Costs\n\n2.1. The Annex and Appendix 2 refer; see the Annex.\n",
    }
    model = paper(pages)
    assert problems(model) == []
    linked = link_mentions(
        page_markdown(model, "sections/costs.md"), "sections/costs.md", model.paragraph_pages, model.appendix_pages
    )
    assert linked == (
        "# Costs\n\n2.1. The [Annex](../appendices/annex.md) and [Appendix 2](../appendices/appendix-2.md) refer; "
        "see the [Annex](../appendices/annex.md).\n"
    )
    own = "# Annex: Consultation responses\n\nThe Annex lists the responses.\n"
    assert link_mentions(own, "appendices/annex.md", model.paragraph_pages, model.appendix_pages) == own


def test_lettered_annexes_are_linked_each_and_the_annex_is_the_only_one():
    from committee_paper.render.mention_links import link_mentions

    pages = {
        **NONE_PAGES,
        "index.md": "# A made-up report\n\n1.1. Annexes A and B refer, and Annex A most.\n",
        "appendices/annex-a.md": "# Annex A: Responses\n\n<!-- appendix -->\n",
        "appendices/annex-b.md": "# Annex B: Maps\n\n<!-- appendix -->\n",
    }
    model = paper(pages)
    assert problems(model) == []
    assert link_mentions(page_markdown(model, "index.md"), "index.md", model.paragraph_pages, model.appendix_pages) == (
        "# A made-up report\n\n1.1. Annexes [A](appendices/annex-a.md) and [B](appendices/annex-b.md) refer, and "
        "[Annex A](appendices/annex-a.md) most.\n"
    )
    only = {**pages, "index.md": "# A made-up report\n\n1.1. [Annex A](appendices/annex-a.md) and the Annex.\n"}
    del only["appendices/annex-b.md"]
    model = paper(only)
    assert problems(model) == []
    assert "the [Annex](appendices/annex-a.md)." in link_mentions(
        page_markdown(model, "index.md"), "index.md", model.paragraph_pages, model.appendix_pages
    )


def test_a_mention_of_an_annex_that_names_no_page_fails_naming_its_line():
    pages = {
        **APPENDIX_PAGES,
        "sections/costs.md": "# Costs\n\n2.1. Annex B refers.\n",
    }
    assert problems(paper(pages)) == [
        "docs/sections/costs.md:3: 'Annex B' refers to no appendix page (appendices: Appendix 1, Appendix 2, "
        "Appendix 3, the Annex); correct the letter or add the appendix page under docs/appendices/"
    ]
    without = {key: text for key, text in pages.items() if key != "appendices/annex.md"}
    without["index.md"] = without["index.md"].replace("[the Annex](appendices/annex.md)", "the report")
    without["sections/costs.md"] = "# Costs\n\n2.1. The Annex refers.\n"
    assert problems(paper(without)) == [
        "docs/sections/costs.md:3: 'The Annex' refers to no appendix page (appendices: 1, 2, 3); correct the "
        "name or add the appendix page under docs/appendices/"
    ]


def test_the_annex_when_the_paper_has_several_must_be_linked_by_hand():
    pages = {
        **NONE_PAGES,
        "index.md": (
            "# A made-up report\n\n1.1. [Annex A](appendices/annex-a.md) and [Annex B](appendices/annex-b.md).\n\n"
            "1.2. The Annex refers.\n\n1.3. [The Annex](appendices/annex-b.md) refers.\n"
        ),
        "appendices/annex-a.md": "# Annex A: Responses\n\n<!-- appendix -->\n",
        "appendices/annex-b.md": "# Annex B: Maps\n\n<!-- appendix -->\n",
    }
    assert problems(paper(pages)) == [
        "docs/index.md:5: 'The Annex' could be Annex A or Annex B; link it to the one the paper means, as in "
        "'[The Annex](appendices/annex-a.md)'"
    ]


def test_the_sources_recommendations_are_those_under_its_recommendations_heading(tmp_path):
    from committee_paper.verify.source import recommendations

    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "a.md").write_text(
        "(i) not under the heading\n\n**Recommendations**\n\nCabinet is recommended to:\n\n(i) approve it;\n\n"
        "(iii) out of order\n\n(ii) note it.\n\n**Proposals**\n\n(iii) under another heading\n",
        encoding="utf-8",
    )
    (tmp_path / "source" / "b.md").write_text(
        "## Recommendation(s)\n\n1. Approve it.\n2. Note it.\n\n1.1. A numbered paragraph.\n", encoding="utf-8"
    )
    assert recommendations(tmp_path) == [
        ("source/a.md", 7, "i"),
        ("source/a.md", 11, "ii"),
        ("source/b.md", 3, "1"),
        ("source/b.md", 4, "2"),
    ]


def test_sub_points_of_a_numbered_paragraph_under_the_recommendations_heading_are_not_recommendations(tmp_path):
    """The build makes "(i)", "(ii)" right after a numbered paragraph its sub-points (#para-1-1), wherever it stands;
    verify, reading the source, does not look for #recommendation-i there."""
    from committee_paper.verify.source import recommendations

    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "a.md").write_text(
        "## Recommendation\n\n1.1 The committee is asked to:\n\n(i) note the report;\n\n(ii) agree the plan.\n\n"
        "## Recommendations\n\nCabinet is recommended to:\n\n(i) approve it.\n",
        encoding="utf-8",
    )
    assert recommendations(tmp_path) == [("source/a.md", 13, "i")]
