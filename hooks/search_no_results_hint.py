"""MkDocs hook: when a search finds nothing, say that the appendices' own texts are not on
this site and link to the list of background papers (a member may be looking for an appendix)."""

import logging
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

from committee_paper.search_hint import RESULT_LIST, add_no_results_hint, lists_background_papers

log = logging.getLogger("mkdocs.hooks.search_no_results_hint")
papers: list[str] = []  # the URL of the page listing the background papers, once found


def on_nav(nav, config, files):
    papers.clear()
    return nav


# Every page's content is rendered before any page is written, so the list is known by then.
def on_page_content(html, page, config, files):
    if lists_background_papers(html) and page.url not in papers:
        papers.append(page.url)
    return html


def hinted(output: str, href_for, dest: str) -> str:
    if not papers:
        return output  # a paper without background papers: nothing to point to
    result = add_no_results_hint(output, href_for(papers[0]))
    if result is None:
        log.warning(f"{dest}: Material's search result list ({RESULT_LIST}) not found once; update hooks/committee_paper/search_hint.py for this theme version")
        return output
    return result


def on_post_page(output, page, config):
    return hinted(output, lambda url: get_relative_url(url, page.url), page.file.dest_uri)


def on_post_template(output_content, template_name, config):
    # 404.html is served at any depth: MkDocs roots its links at site_url's path.
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    return hinted(output_content, lambda url: root + url, template_name) if template_name.endswith(".html") else output_content
