"""Content cannot carry script nor reach another host (committee_paper/checks/content_safety.py), on small made-up pages."""

import pytest

from committee_paper.checks.content_safety import content_problems
from conftest import PAPER, run_build
from publishing import publish

PAGE = "docs/report.md"


def problems(text: str) -> list[str]:
    return [str(problem) for problem in content_problems(PAGE, text)]


@pytest.mark.parametrize(
    "text, line, says",
    [
        (
            "# Report\n\nIntro.\n<script>alert(1)</script>\n",
            4,
            "a <script> element: the page's content cannot run script",
        ),
        ("Text <SCRIPT src=x.js></SCRIPT>\n", 1, "a <script> element"),
        (
            '<div markdown>\n<p onclick="go()">Click</p>\n</div>\n',
            2,
            "an onclick= attribute runs script when a reader acts on the page; delete the attribute",
        ),
        ("<img\n  src=\"chart.png\"\n  onerror='x()'>\n", 3, "an onerror= attribute"),
        ('A [link](page.md){: onmouseover="x()" }\n', 1, "an onmouseover= attribute"),
        (
            "[Open](javascript:alert(1))\n",
            1,
            "a javascript: link can run script; link to a page of this site, mailto: or tel:, or delete the link",
        ),
        ('<a href="&#106;avascript:x()">Open</a>\n', 1, "a javascript: link"),
        ("[x]: JavaScript:void(0)\n", 1, "a javascript: link"),
        ("[Open](data:text/html,hi)\n", 1, "a data: link"),
        (
            'Watch:\n\n<iframe src="video.html"></iframe>\n',
            3,
            "an <iframe> element: the page's content cannot embed another document or run code; delete it, and describe or link what it showed in words",
        ),
        ('<object data="a.swf"></object>\n', 1, "an <object> element"),
        ('<embed src="a.swf">\n', 1, "an <embed> element"),
        (
            "See [the board](http://www.example.org/board).\n",
            1,
            "a plain http: link (http://www.example.org/board): a reader following it can be watched or misled on the "
            "way; link to its https: address, https://www.example.org/board",
        ),
        ("See <http://example.org>.\n", 1, "a plain http: link (http://example.org)"),
        (
            'See [the board][b].\n\n[b]: HTTP://example.org/b "Board"\n',
            3,
            "a plain http: link (HTTP://example.org/b)",
        ),
        ("<a href='//example.org/x'>x</a>\n", 1, "a link to another host without https: (//example.org/x)"),
        ("[Files](ftp://example.org/x)\n", 1, "a link to another host without https: (ftp://example.org/x)"),
        (
            "![Chart](https://example.org/chart.png)\n",
            1,
            "an image from another host (https://example.org/chart.png): the site loads nothing from elsewhere; save the image under docs/ and give its relative path",
        ),
        ('<img src="http://example.org/c.png" alt="c">\n', 1, "an image from another host (http://example.org/c.png)"),
        (
            '<p style="color: red">Red</p>\n',
            1,
            "a style= attribute: the server's Content-Security-Policy blocks inline styles",
        ),
        ("<style>p { color: red }</style>\n", 1, "a <style> element"),
        (
            'Write to <a href="mailto:clerk@example.org">the clerk</a>.\n',
            1,
            "an email link written in HTML: the build gives an email link its subject (the paper's title) only in "
            "Markdown; write it as a Markdown link, [its words](mailto:clerk@example.org)",
        ),
    ],
)
def test_each_way_content_could_carry_script_or_reach_another_host_is_found_at_its_line(text, line, says):
    (found,) = problems(text)
    assert found.startswith(f"{PAGE}:{line}: {says}")


@pytest.mark.parametrize(
    "text",
    [
        "# Report\n\nA [page](background/annual-report.md#para-2-4), [mail](mailto:a@example.org) and [phone](tel:+441234567890).\n",
        '![Chart](images/chart.png)\n<img src="images/chart.png" alt="Chart">\n',
        '<div class="web-only" markdown>\nOnline only.\n</div>\n<nav class="x" aria-label="Go to" markdown>\n</nav>\n',
        "The address is www.example.org/board, or http://example.org written as text.\n",
        'Code shows `<script>` and `[x](javascript:y)` as text.\n\n```html\n<script>alert(1)</script>\n<iframe src="https://example.org"></iframe>\n```\n',
        "<!-- contact: jane -->\n<!-- <script>old()</script> -->\n",
        "Decisions taken on=the day, in a {: .class } block; this button is on the page.\n",
        "*[CSE]: Child Sexual Exploitation\n[^1]: A footnote.\n",
        # A link a reader chooses to follow loads nothing until then: published as a link.
        "See the [framework](https://www.example.gov.uk/framework) and <https://example.org/b>.\n",
        '[b]: https://example.org/b "Board"\n<a href="https://example.org/x">x</a>\n',
    ],
)
def test_pages_without_script_or_other_hosts_pass(text):
    assert problems(text) == []


def test_every_problem_of_a_page_is_listed_in_line_order():
    text = '[a](http://example.org)\n\n<script>x()</script>\n\n<p onclick="y()">p</p>\n'
    assert [found.split(":")[1] for found in problems(text)] == ["1", "3", "5"]


def test_pasted_script_and_a_link_to_another_host_fail_the_strict_build_at_their_lines(tmp_path):
    config = publish(PAPER, tmp_path)
    cover = tmp_path / "docs" / "index.md"
    text = cover.read_text(encoding="utf-8").rstrip("\n") + "\n"
    end = text.count("\n")
    cover.write_text(
        text + "\n<script>alert(1)</script>\n\nSee [the board](http://www.example.org/).\n", encoding="utf-8"
    )
    build = run_build(config, tmp_path / "site", pdf=False)
    assert build.returncode != 0
    assert "Traceback" not in build.output
    reported = [
        line.split("WARNING -  ", 1)[1] for line in build.output.splitlines() if line.startswith("WARNING -  docs/")
    ]
    assert reported == [
        f"docs/index.md:{end + 2}: a <script> element: the page's content cannot run script (the site's own scripts are in overrides/javascripts); delete it",
        f"docs/index.md:{end + 4}: a plain http: link (http://www.example.org/): a reader following it can be watched or misled on the way; link to its https: address, https://www.example.org/",
    ]
