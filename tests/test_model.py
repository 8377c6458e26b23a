"""The paper as one model, on small made-up papers: no build, milliseconds each."""

from datetime import date
from types import SimpleNamespace

import pytest

from committee_paper.model.glossary import in_the_paper
from committee_paper.model.paper import load_paper
from committee_paper.model.settings import ConfigurationError, Meeting, pdf_file_name, slug, zip_file_name
from committee_paper.model.sources import SourcePage
from committee_paper.outputs import pdf_plugin
from committee_paper.render.marker_text import page_markdown
from test_rules import ABBREVIATIONS, CONTACTS, PAGES, RECORD, SETTINGS

CHILDREN = Meeting("Example Council", "Children's Services Committee", date(2031, 1, 2))


def test_the_pdf_and_the_zip_are_named_with_one_slug():
    assert slug(CHILDREN.committee) == "childrens-services-committee"
    assert pdf_file_name(CHILDREN) == "pdf/childrens-services-committee-2031-01-02.pdf"
    assert zip_file_name(CHILDREN) == "childrens-services-committee-2031-01-02-website.zip"


@pytest.mark.parametrize("written", ["no", "False", "false", "off"])
def test_pdf_no_false_and_false_mean_the_same_everywhere(written):
    page = SourcePage("docs/site.md", "site.md", f"---\npdf: {written}\n---\n\n# Site\n\nThe WCAG rules.\n")
    assert page.front_matter_problems() == []
    assert not page.in_pdf and not page.in_whole_paper
    # The glossary: an abbreviation used only there is the website's, not the paper's.
    assert not in_the_paper("WCAG", [SourcePage("docs/index.md", "index.md", "# Paper\n"), page])


@pytest.mark.parametrize("written, shown", [('"false"', "'false'"), ("maybe", "'maybe'"), ("0", "0")])
def test_pdf_written_as_anything_but_true_or_false_is_rejected_with_its_line(written, shown):
    page = SourcePage("docs/site.md", "site.md", f"---\ntitle: Site\npdf: {written}\n---\n\n# Site\n")
    assert [str(problem) for problem in page.front_matter_problems()] == [
        f"docs/site.md:3: pdf: {shown} is not true or false; 'pdf: false' leaves the page out of the PDF "
        "(a page about the website only), otherwise leave the line out",
    ]


def test_front_matter_keys_have_one_type_each():
    page = SourcePage("docs/a.md", "a.md", "---\ntitle: A\npdf_new_page: 1\nbackground_paper: two\n---\n\n# A\n")
    assert [str(problem) for problem in page.front_matter_problems()] == [
        "docs/a.md:3: pdf_new_page: 1 is not true or false; 'pdf_new_page: true' starts the page on a new sheet "
        "(a major part, such as the appendices), otherwise leave the line out",
        "docs/a.md:4: background_paper: 'two' is not a whole number; 'background_paper: N' makes the page "
        "the appendix page of paper N of the list of background papers, otherwise leave the line out",
    ]
    assert (
        SourcePage(
            "docs/a.md", "a.md", "---\npdf: true\npdf_new_page: true\nbackground_paper: 2\n---\n"
        ).front_matter_problems()
        == []
    )


def test_a_problem_after_an_expanded_marker_names_its_own_line():
    cover = (
        "# A paper\n\n<!-- contacts -->\n\n<!-- contact: Bob -->\n\n"
        "<!-- when tested --><!-- tested: browser --><!-- when not tested -->no<!-- end when -->\n"
    )
    paper = load_paper(SETTINGS, "docs", {**PAGES, "index.md": cover}, CONTACTS, ABBREVIATIONS, RECORD)
    assert sorted(str(problem) for problem in paper.problems) == [
        "docs/index.md:5: contact 'Bob' is not in docs/contacts.yml (contacts: Ann Example); "
        "use one of those names or add the contact there",
        "docs/index.md:7: tested marker 'browser' is not one of date, chromium, axe-core, viewports; use one of those",
    ]
    assert page_markdown(paper, "index.md").startswith("# A paper\n\n- **Ann Example**, Officer, Example Council  \n")


def test_markers_render_once_into_the_body_mkdocs_hands_over():
    paper = load_paper(SETTINGS, "docs", PAGES, CONTACTS, ABBREVIATIONS, RECORD)
    appendix = page_markdown(paper, "appendices/appendix-a.md")
    assert appendix.startswith('# Appendix A: Road survey\n\n<p class="appendix-notice" markdown>')
    assert "gives it as paper 1, dated May 2030, with Ann Example as its contact." in appendix
    assert paper.attachments[1].page is paper.pages["appendices/appendix-a.md"]


def test_a_page_is_an_appendix_page_only_when_a_background_paper_is_attached_to_it():
    paper = load_paper(SETTINGS, "docs", PAGES, CONTACTS, ABBREVIATIONS, RECORD)
    assert paper.attachment("appendices/appendix-a.md") is paper.attachments[1]
    assert [uri for uri in paper.pages if paper.attachment(uri) is not None] == ["appendices/appendix-a.md"]


def test_the_pdf_plugin_adapter_stops_the_build_for_another_plugin_version(monkeypatch):
    plugin = SimpleNamespace(enabled=True, config={"combined": True, "combined_output_path": "pdf/combined.pdf"})
    assert pdf_plugin.PdfPlugin.of({pdf_plugin.NAME: plugin}) is not None  # the version installed by requirements.txt
    monkeypatch.setattr(pdf_plugin, "version", lambda name: "0.6.0")
    with pytest.raises(ConfigurationError) as error:
        pdf_plugin.PdfPlugin.of({pdf_plugin.NAME: plugin})
    assert str(error.value).startswith(
        "mkdocs-pdf-export-plugin is 0.6.0, but hooks/committee_paper/outputs/pdf_plugin.py was written for 0.5.10; "
        "install mkdocs-pdf-export-plugin==0.5.10 (requirements.txt)"
    )
    assert pdf_plugin.PdfPlugin.of({pdf_plugin.NAME: SimpleNamespace(enabled=False)}) is None  # a preview


def test_the_adapter_hands_the_plugins_page_order_to_the_new_renderer():
    plugin = SimpleNamespace(
        renderer=SimpleNamespace(page_order=["index.html", "a.html"], pages=[None, None], theme="x")
    )
    renderer = SimpleNamespace(page_order=[], pages=[])
    pdf_plugin.PdfPlugin(plugin).replace_renderer(renderer)
    assert (
        plugin.renderer is renderer
        and renderer.page_order == ["index.html", "a.html"]
        and renderer.pages == [None, None]
    )
    assert not hasattr(renderer, "theme")  # nothing else of the plugin's renderer is copied
