"""Content cannot carry script, nor load anything from another host; it links to another site by https: only.

Knows nothing of MkDocs. A page pasted from a word processor or a web page can bring
in a <script>, an onclick= attribute, a javascript: link, an embedded frame, a plain
http: link or an image from another site. The published site runs only the project's own scripts
(overrides/javascripts) and loads nothing from elsewhere, so each of these is a problem
at its line, with what to do instead. Code (fenced or between backticks) and HTML
comments are shown or dropped, never run, so they are not read.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from committee_paper.model.problems import Problem
from committee_paper.model.sources import SourcePage

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
FENCED_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.DOTALL | re.MULTILINE)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
# Elements that run script, embed another document or change where the page's links and forms go.
ELEMENT = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|form|meta|link|style)\b", re.IGNORECASE
)
# An HTML tag or an attribute list ({: ... }, the attr_list extension) may set attributes.
ATTRIBUTES = re.compile(r"<[A-Za-z][^<>]*>|\{:?[^{}\n]*\}")
EVENT_ATTRIBUTE = re.compile(r"(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"(?<![\w-])style\s*=", re.IGNORECASE)
# Where a link or image's address goes: Markdown's (...) and <...>, a reference definition, an HTML attribute.
ADDRESS = re.compile(
    r"(?P<image>!?)\[[^\]\n]*\]\(\s*<?(?P<inline>[^)\s>]+)"
    r"|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<reference>\S+?)>?(?:[ \t]|$)"
    r"|<(?P<autolink>[a-z][a-z0-9+.-]*:[^\s<>]+)>"
    r"|(?<![\w-])(?P<attribute>href|src|srcset|action|formaction|data|poster|background|cite|longdesc|ping)\s*=\s*[\"']?\s*(?P<value>[^\"'\s>]+)",
    re.IGNORECASE | re.MULTILINE,
)
MAILTO = re.compile(r"^\s*mailto:", re.IGNORECASE)
SCRIPT_SCHEME = re.compile(r"^\s*(javascript|vbscript)\s*:", re.IGNORECASE)
DATA_SCHEME = re.compile(r"^\s*data\s*:", re.IGNORECASE)  # an image's bytes, but a page when followed as a link
OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
IMAGE_ATTRIBUTES = {"src", "srcset", "poster", "background", "data"}


SCRIPT_ELEMENT = (
    "a <script> element: the page's content cannot run script (the site's own scripts are in overrides/javascripts); "
    "delete it"
)
PAGE_ELEMENT = (
    "a <{name}> element: the page's content cannot change how the site looks, loads or sends; "
    "delete it (the site's styles are in overrides/stylesheets)"
)
EMBEDDING_ELEMENT = (
    "an <{name}> element: the page's content cannot embed another document or run code; "
    "delete it, and describe or link what it showed in words"
)
EVENT = "an {name}= attribute runs script when a reader acts on the page; delete the attribute"
STYLE = (
    "a style= attribute: the server's Content-Security-Policy blocks inline styles; "
    "delete it, or add a class styled in overrides/stylesheets"
)
SCRIPT_LINK = "a {scheme}: link can run script; link to a page of this site, mailto: or tel:, or delete the link"
FOREIGN_IMAGE = (
    "an image from another host ({address}): the site loads nothing from elsewhere; "
    "save the image under docs/ and give its relative path"
)
# A link a reader chooses to follow to another site is published (https: only, so it cannot be read or
# changed on the way); nothing is ever loaded from another host.
HTTPS = re.compile(r"^\s*https://", re.IGNORECASE)
PLAIN_HTTP = re.compile(r"^\s*http://", re.IGNORECASE)
PLAIN_HTTP_LINK = (
    "a plain http: link ({address}): a reader following it can be watched or misled on the way; "
    "link to its https: address, {secure}"
)
HTML_EMAIL_LINK = (
    "an email link written in HTML: the build gives an email link its subject (the paper's title) only in Markdown; "
    "write it as a Markdown link, [its words]({address})"
)
FOREIGN_LINK = (
    "a link to another host without https: ({address}): the site links to other sites by https: only; "
    "link to its https: address, or write the address as plain text"
)


def blanked(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with each match of ``pattern`` replaced by spaces, newlines kept: offsets and lines stay right."""
    return pattern.sub(lambda match: re.sub(r"[^\n]", " ", match[0]), text)


def readable(text: str) -> str:
    """What Markdown turns into HTML: comments and code left out, in place."""
    return blanked(blanked(blanked(text, COMMENT), FENCED_CODE), CODE_SPAN)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def element_problems(path: str, text: str) -> list[Problem]:
    problems = []
    for match in ELEMENT.finditer(text):
        name = match[1].lower()
        if name == "script":
            message = SCRIPT_ELEMENT
        elif name in ("style", "link", "meta", "base", "form"):
            message = PAGE_ELEMENT.format(name=name)
        else:
            message = EMBEDDING_ELEMENT.format(name=name)
        problems.append(Problem(path, line_of(text, match.start()), message))
    return problems


def attribute_problems(path: str, text: str) -> list[Problem]:
    problems = []
    for tag in ATTRIBUTES.finditer(text):
        for event in EVENT_ATTRIBUTE.finditer(tag[0]):
            problems.append(Problem(path, line_of(text, tag.start() + event.start()), EVENT.format(name=event[1])))
        for style in STYLE_ATTRIBUTE.finditer(tag[0]):
            problems.append(Problem(path, line_of(text, tag.start() + style.start()), STYLE))
    return problems


def address_problem(address: str, image: bool) -> str | None:
    """What is wrong with a link's or an image's address, if anything."""
    plain = html.unescape(address)  # &#106;avascript: is javascript: to a browser
    script = SCRIPT_SCHEME.match(plain) or (None if image else DATA_SCHEME.match(plain))
    if script:
        return SCRIPT_LINK.format(scheme=script[0].strip().rstrip(":").strip().lower())
    if not OTHER_HOST.match(plain):
        return None
    if image:
        return FOREIGN_IMAGE.format(address=address)
    if HTTPS.match(plain):
        return None
    if PLAIN_HTTP.match(plain):
        return PLAIN_HTTP_LINK.format(address=address, secure=PLAIN_HTTP.sub("https://", plain, count=1).strip())
    return FOREIGN_LINK.format(address=address)


def address_problems(path: str, text: str) -> list[Problem]:
    problems = []
    for match in ADDRESS.finditer(text):
        addresses = (match["inline"], match["reference"], match["autolink"], match["value"])
        address = next(value for value in addresses if value is not None)
        image = bool(match["image"]) or (match["attribute"] or "").lower() in IMAGE_ATTRIBUTES
        # Raw HTML never reaches Python-Markdown's tree, where the email's subject is added (render/page_facts.py).
        in_html = (match["attribute"] or "").lower() == "href" and MAILTO.match(html.unescape(address))
        message = HTML_EMAIL_LINK.format(address=address) if in_html else address_problem(address, image)
        if message:
            problems.append(Problem(path, line_of(text, match.start()), message))
    return problems


def content_problems(path: str, text: str) -> list[Problem]:
    """Every script, embedded document and link or image to another host in a Markdown page, by line."""
    content = readable(text)
    return sorted(element_problems(path, content) + attribute_problems(path, content) + address_problems(path, content))


def pages_problems(pages: Iterable[SourcePage]) -> list[Problem]:
    """``content_problems`` of every page."""
    return [problem for page in pages for problem in content_problems(page.path, page.text)]
