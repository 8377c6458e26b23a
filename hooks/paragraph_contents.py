"""MkDocs hook: list a page's numbered paragraphs in its contents, so each can be reached from there."""

from mkdocs.structure.toc import AnchorLink

from committee_paper.paragraph_contents import paragraph_entries


def on_page_content(html, page, config, files):
    items = page.toc.items
    # Material lists the page title's children when the title is the only top entry.
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    parent.extend(AnchorLink(label, anchor, 2) for anchor, label in paragraph_entries(html))
    return html
