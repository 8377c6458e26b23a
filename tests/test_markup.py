"""The one-page paper's HTML reader and writer (hooks/committee_paper/markup.py) writes what BeautifulSoup wrote.

The one page was put together with BeautifulSoup until its import and tree cost more than the
rest of the HTML build's hooks; the flat reader that replaced it must give the same bytes.
"""

import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))  # the rules are plain functions, importable as MkDocs imports them
from committee_paper.markup import Start, element_end, markup, tokens  # noqa: E402

AWKWARD = [
    "<p>a &amp; b &lt; c &gt; d &para; &#x27; &#39; &foo; &copy</p>",
    "<div/><br><br/></br><img src=\"x\" alt='q\"'>",
    "<p a=\"x&quot;y&#39;z\" class=\"  a   b \" b>t</p></span><div><p>unclosed</div>tail<b>",
    "<!-- c --><!DOCTYPE html><?pi x?><![CDATA[x<y]]>",
    "<script>if (a < b && c) {}</script><style>a>b{}</style>",
    "<td headers=\" a  b\">x</td><a rel=\"x  y\" href=\"a&b\">l</a>",
    "x < y & z",
    "<div>\n   <pre>  \n </pre> <textarea> </textarea>\t<p> </p></div>",
    "<!doctype html><![if !IE]>",
]


@pytest.mark.parametrize("source", AWKWARD)
def test_awkward_markup_is_written_as_beautifulsoup_writes_it(source):
    assert markup(tokens(source)) == str(BeautifulSoup(source, "html.parser"))


def test_every_page_of_the_site_is_written_as_beautifulsoup_writes_it(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        source = page.read_text(encoding="utf-8")  # the whole page: scripts, comments and all
        assert markup(tokens(source)) == str(BeautifulSoup(source, "html.parser")), page.relative_to(site)


def test_an_element_ends_at_its_own_end_tag():
    stream = tokens("<div><div><br>x</div></div><p>y</p>")
    assert element_end(stream, 0) == 5 and element_end(stream, 1) == 4 and element_end(stream, 2) == 2
    assert isinstance(stream[6], Start) and element_end(stream, 6) == 8
