"""MkDocs hook, stage 2: render the paper's facts into its pages.

Each page's Markdown is the model's (committee_paper/model/paper.py), its markers written out
from the data the model resolved them to (render/marker_text.py); mentions of paragraphs and
appendices are linked, and what needs the whole nav is added (the cover's contents list, the
glossary's tables). Numbered paragraphs and background papers
get citable anchors, and the glossary's "website meaning" notes and email subjects are rendered
into the page (Markdown extensions, given each page's facts before it renders); the rendered HTML is
read, never rewritten, for the numbered paragraphs in the page's contents and the page's title.
"""

from __future__ import annotations

from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from committee_paper.markup import Start, tokens
from committee_paper.render.caption_elements import CaptionsExtension
from committee_paper.render.citable_anchors import CitableAnchorsExtension
from committee_paper.render.glossary_table import render_glossary
from committee_paper.render.mailto import mail_subject
from committee_paper.render.marker_text import page_markdown
from committee_paper.render.mention_links import link_mentions
from committee_paper.render.nav_contents import render_nav_contents
from committee_paper.render.page_facts import PageFacts
from committee_paper.render.paragraph_contents import paragraph_entries
from committee_paper.render.title import title_parts
from committee_paper.stages.build import build_of


def tool_extensions(papers_heading: str | None) -> list[Extension]:
    """The tool's own Markdown extensions, after those defaults.yml lists: the paper's citable anchors, its captions."""
    return [CitableAnchorsExtension(papers_heading), CaptionsExtension()]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = build_of(config)
    rules = build.settings.background_papers
    papers_heading = rules.header[0] if rules else None  # None: the paper lists no background papers
    # MkDocs takes an extension's instance as well as its name; its type says names only. The page facts'
    # extension is the build's own, as every page's Markdown instance is made from this list.
    config.markdown_extensions.extend([*tool_extensions(papers_heading), build.page_facts])  # type: ignore[list-item]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Every page's abbreviations, on hover and focus: abbr's glossary, from the one file the model read.
    config.mdx_configs["abbr"] = {
        **config.mdx_configs.get("abbr", {}),
        "glossary": build_of(config).loaded().abbreviations,
    }
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = build_of(config)
    paper = build.loaded()
    uri = page.file.src_uri
    # What the page's Markdown instance, made next, renders into it: its email subject, the website's meanings.
    appendix = paper.title(uri) if paper.attachment(uri) is not None else None
    build.page_facts.page = PageFacts(mail_subject(config.site_name, appendix), paper.website_meanings)
    if uri not in paper.markers:
        return markdown  # a page the hooks made (the one-page paper)
    # The page's name in the menu is its own title: MkDocs takes the first heading only when nothing stands before
    # it, and calls the cover "Home" when something does (a cover's committee line above its title).
    page.title = paper.title(uri) or page.title
    # Mentions the paper wrote without a link ("paragraph 2.4", "Appendix B") are linked.
    markdown = link_mentions(page_markdown(paper, uri), uri, paper.paragraph_pages, paper.appendix_pages)
    markdown = render_nav_contents(markdown, paper.nav, uri)
    # The glossary names the first page, in reading order, that spells an abbreviation out.
    return render_glossary(markdown, uri, paper.abbreviations, paper.used_in_the_paper, paper.spelt_out, paper.title)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    content = tokens(html)  # read once for the contents and the title, never written back
    items = page.toc.items
    # Material lists the page title's children when the title is the only top entry.
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    place = {
        token.attrs["id"]: index
        for index, token in enumerate(content)
        if isinstance(token, Start) and "id" in token.attrs
    }
    for anchor, label in paragraph_entries(content):
        _insert(parent, AnchorLink(label, anchor, 2), place)
    build_of(config).title_parts[page.file.src_uri] = title_parts(content)
    return html


def _insert(entries: list[AnchorLink], entry: AnchorLink, place: dict[str, int]) -> None:
    """``entry`` among ``entries`` (in page order) where the page has it, ``place`` giving each id's position.

    It goes after the entries before it; under the last of them only if one of that one's own
    entries comes before it too, so that the contents read in the page's order.
    """
    at = place[entry.id]
    index = sum(1 for item in entries if place.get(item.id, -1) < at)
    before = entries[index - 1] if index else None
    if before is not None and before.children and place.get(before.children[0].id, -1) < at:
        entry.level = before.children[0].level
        _insert(before.children, entry, place)
    else:
        entries.insert(index, entry)
