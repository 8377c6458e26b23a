"""The one HTML reader and writer (hooks/committee_paper/markup.py): what it reads, and what it writes back.

Unchanged HTML is written back as it was read, byte for byte: every page of the made-up paper's build
(Python-Markdown's and Material's output, scripts and SVG icons included) and awkward hand-written
markup. What a rule changes is written anew, and only that.
"""

from __future__ import annotations

import markdown
import pytest

from committee_paper.markup import (
    End,
    Raw,
    Start,
    Text,
    Token,
    element_end,
    markup,
    split_off,
    starts,
    text_of,
    tokens,
)

AWKWARD = [
    "<p>a &amp; b &lt; c &gt; d &para; &#x27; &#39; &foo; &copy</p>",
    '<div/><br><br/></br><img src="x" alt=\'q"\'>',
    '<p a="x&quot;y&#39;z" class="  a   b " b>t</p></span><div><p>unclosed</div>tail<b>',
    "<!-- c --><!DOCTYPE html><?pi x?><![CDATA[x<y]]>",
    "<script>if (a < b && c) {}</script><style>a>b{}</style>",
    "x < y & z",
    "<div>\n   <pre>  \n </pre> <textarea> </textarea>\t<p> </p></div>",
    "<!doctype html><![if !IE]>",
    '<svg viewBox="0 0 24 24"><path d="M1 2"/></svg>',
    "",
    "text only",
    "</p>leading stray end tag",
]


def names(stream: list[Token]) -> list[str]:
    """The stream in short: <tag, </tag (implied end: </tag?), "text", !raw."""
    short = {
        Start: lambda token: f"<{token.name}",
        End: lambda token: f"</{token.name}{'?' if token.implied else ''}",
        Text: lambda token: repr(token.text),
        Raw: lambda token: "!",
    }
    return [short[type(token)](token) for token in stream]


@pytest.mark.parametrize("source", AWKWARD)
def test_awkward_markup_is_written_back_as_it_was_read(source):
    assert markup(tokens(source)) == source


def test_every_page_of_the_site_is_written_back_as_it_was_read_with_every_element_closed(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        source = page.read_text(encoding="utf-8")  # the whole page: scripts, comments, SVG icons and all
        stream = tokens(source)
        assert markup(stream) == source, page.relative_to(site)
        for index, token in enumerate(stream):
            if isinstance(token, Start) and not token.void:
                end = stream[element_end(stream, index)]
                assert isinstance(end, End) and end.name == token.name, (page.relative_to(site), token)


def test_python_markdowns_output_is_written_back_as_it_was_read():
    source = (
        '# Title {#top}\n\nA *b* & **c** [link](x.md "T") `<code>` &copy;\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n'
        "- one\n- two\n\n    indented < code >\n\nHTML: <span data-x='1'>raw</span>\n\n"
        "*[HTML]: Hyper Text[^1]\n\n[^1]: Note.\n"
    )
    rendered = markdown.markdown(source, extensions=["abbr", "attr_list", "footnotes", "tables", "toc"])
    assert markup(tokens(rendered)) == rendered


def test_text_and_attributes_read_as_characters():
    stream = tokens('<a href="?a=1&amp;b=2" title="&quot;q&quot;" hidden>x &amp; y &para; &#8217;</a>')
    start, text = stream[0], stream[1]
    assert isinstance(start, Start) and start.attrs == {"href": "?a=1&b=2", "title": '"q"', "hidden": ""}
    assert isinstance(text, Text) and text.text == "x & y ¶ ’"


def test_every_element_is_closed_and_a_stray_end_tag_closes_nothing():
    stream = tokens("<div><p>unclosed</div></span>tail<br><svg><path/></svg><b>open")
    assert names(stream) == [
        "<div", "<p", "'unclosed'", "</p?", "</div", "!", "'tail'", "<br",
        "<svg", "<path", "</path?", "</svg", "<b", "'open'", "</b?",
    ]  # fmt: skip
    assert element_end(stream, 0) == 4 and element_end(stream, 7) == 7 and element_end(stream, 9) == 10


def test_a_changed_tag_is_written_anew_in_its_attributes_order_and_the_rest_as_it_was():
    source = "<p class='a'  id=x>A &amp; B<br/><svg><path d='1'/></svg></p>\n<h2 id=y>T</h2>"
    stream = tokens(source)
    for token in stream:
        if isinstance(token, Start) and token.name == "p":
            token.attrs["id"] = 'x"&<'
            token.attrs["data-new"] = ""
        if isinstance(token, Start) and token.name == "path":
            del token.attrs["d"]
        if isinstance(token, (Start, End)) and token.name == "h2":
            token.name = "h3"
    assert markup(stream) == (
        '<p class="a" id="x&quot;&amp;&lt;" data-new="">A &amp; B<br/><svg><path/></svg></p>\n<h3 id="y">T</h3>'
    )


def test_changed_and_new_text_is_escaped_except_in_a_script():
    stream = tokens("<p>a &lt; b</p><script>x</script>")
    paragraph_text, script_text = stream[1], stream[4]
    assert isinstance(paragraph_text, Text) and isinstance(script_text, Text)
    paragraph_text.text += " & c"
    script_text.text = "if (a < b) {}"
    stream[3:3] = [Start("em", {"title": "it's"}), Text("<new>"), End("em")]
    assert (
        markup(stream) == '<p>a &lt; b &amp; c</p><em title="it&#x27;s">&lt;new&gt;</em><script>if (a < b) {}</script>'
    )


def test_elements_are_found_split_off_and_read_as_text():
    stream = tokens('<nav class="toc">x</nav><p id="a">One <em>two</em></p><nav class="toc other"><nav>y</nav></nav>z')
    found = starts(stream, lambda tag: tag.name == "p")
    assert [(index, token.attrs) for index, token in found] == [(3, {"id": "a"})]
    assert text_of(stream, 3) == "One two"
    kept, removed = split_off(stream, lambda tag: "toc" in tag.attrs.get("class", "").split())
    assert markup(kept) == '<p id="a">One <em>two</em></p>z'
    assert [markup(element) for element in removed] == [
        '<nav class="toc">x</nav>',
        '<nav class="toc other"><nav>y</nav></nav>',
    ]
