"""The theme's markup is the templates' (overrides/): valid, its landmarks named, its search dialog named and
hinted, and no page edited as text after its template rendered it."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.plugins import BasePlugin, event_priority

from conftest import soup
from made_up_paper import made_up_paper


class _Rendered(BasePlugin):  # type: ignore[type-arg]
    """Before any other plugin: each page's content as Python-Markdown rendered it, and each page and theme
    template as its template rendered it."""

    def __init__(self) -> None:
        super().__init__()
        self.contents: dict[str, str] = {}
        self.pages: dict[str, str] = {}

    @event_priority(1000)
    def on_page_content(self, html: str, *, page, config, files) -> str:  # type: ignore[no-untyped-def]
        self.contents[page.file.src_uri] = html
        return html

    @event_priority(1000)
    def on_post_page(self, output: str, *, page, config) -> str:  # type: ignore[no-untyped-def]
        self.pages[page.file.dest_uri] = output
        return output

    @event_priority(1000)
    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:  # type: ignore[no-untyped-def]
        self.pages[template_name] = output_content
        return output_content


class _Written(_Rendered):
    """After every other plugin: each page's content as the pages' templates are given it, and each page as
    MkDocs is given it to write."""

    @event_priority(-1000)
    def on_page_content(self, html: str, *, page, config, files) -> str:  # type: ignore[no-untyped-def]
        self.contents[page.file.src_uri] = html
        return html

    @event_priority(-1000)
    def on_post_page(self, output: str, *, page, config) -> str:  # type: ignore[no-untyped-def]
        self.pages[page.file.dest_uri] = output
        return output

    @event_priority(-1000)
    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:  # type: ignore[no-untyped-def]
        self.pages[template_name] = output_content
        return output_content


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[_Rendered, _Written]:
    """A build of the made-up paper in this process, each page recorded before and after every plugin. (A preview,
    so that no page is held back for the zip's size.)"""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    tmp_path = tmp_path_factory.mktemp("recorded")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("PAPER_PDF", "false")
        config = made_up_paper(tmp_path / "paper")
        cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
        rendered, written = _Rendered(), _Written()
        cfg.plugins["test-rendered"] = rendered
        cfg.plugins["test-written"] = written
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    return rendered, written


def test_no_plugin_edits_a_page_after_its_template_rendered_it(recorded: tuple[_Rendered, _Written]) -> None:
    """What MkDocs writes is what the templates rendered: the theme's markup is changed in the templates,
    not as text afterwards."""
    rendered, written = recorded
    assert "index.html" in rendered.pages and "404.html" in rendered.pages
    assert written.pages.keys() == rendered.pages.keys()
    edited = [name for name, page in rendered.pages.items() if written.pages[name] != page]
    assert edited == []


def test_no_plugin_edits_a_pages_content_after_markdown_rendered_it(recorded: tuple[_Rendered, _Written]) -> None:
    """A page's content is what Python-Markdown rendered, the tool's extensions included (email subjects, website
    meanings): no plugin reads it back and writes it anew."""
    rendered, written = recorded
    assert "index.md" in rendered.contents
    assert written.contents.keys() == rendered.contents.keys()
    edited = [name for name, content in rendered.contents.items() if written.contents[name] != content]
    assert edited == []
    # The rules still ran: the email links say what the message is about.
    assert any("mailto:" in content and "?subject=" in content for content in written.contents.values())


def _pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(path.relative_to(site).as_posix(), soup(path)) for path in sorted(site.rglob("*.html"))]


def test_the_menus_contents_and_the_sidebars_are_named_apart(site: Path) -> None:
    groups = {"Background and Advice", "Appendices: how to ask for a copy"}  # the made-up paper's menu groups
    on_this_page = []
    for name, page in _pages(site):
        in_menu = [nav["aria-label"] for nav in page.select(".md-sidebar--primary nav[aria-label]")][
            1:
        ]  # the menu's own is first
        in_sidebar = [nav["aria-label"] for nav in page.select(".md-sidebar--secondary nav[aria-label]")]
        assert all(label.endswith(", in the menu") for label in in_menu), (name, in_menu)
        assert not any(label.endswith(", in the menu") for label in in_sidebar), (name, in_sidebar)
        labels = in_menu + in_sidebar
        assert len(labels) == len(set(labels)), (name, labels)
        on_this_page += [label for label in in_sidebar if label.removesuffix(", on this page") in groups]
        for label in in_sidebar:
            assert (label.removesuffix(", on this page") in groups) == label.endswith(", on this page"), (name, label)
    assert on_this_page, "no page's contents name a group of the menu: the one-page paper lists them"


def test_the_theme_writes_no_attribute_html_forbids_and_no_unlabelled_toggle(site: Path) -> None:
    for name, page in _pages(site):
        assert page.select('input[type="checkbox"][autocomplete]') == [], name
        assert page.select('[tabindex=""]') == [], name
        assert page.select("nav[aria-expanded]") == [], name
        assert bool(page.select("#__toc")) <= bool(page.select('label[for="__toc"]')), name


def test_the_search_dialog_is_named_and_its_hint_links_to_the_background_papers(site: Path) -> None:
    for name, page in _pages(site):
        [dialog] = page.select('.md-search[role="dialog"]')
        assert dialog["aria-label"] == "Search this site", name
        [hint] = page.select(".md-search-result > p.search-hint[hidden]")
        assert hint.find_next_sibling()["class"] == ["md-search-result__list"], name
        href = hint.a["href"]
        if name == "404.html":
            assert href == "/background-papers.html"  # rooted: the 404 page is served at any depth
        else:
            assert (site / name).parent.joinpath(href).resolve() == (site / "background-papers.html").resolve(), name
