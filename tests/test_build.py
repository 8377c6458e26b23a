"""The strict build of the made-up paper (tests/fixtures/paper/): clean, complete, self-contained."""

import re
from urllib.parse import quote, urlparse

import phonenumbers

from conftest import SOURCE, article, html_path, nav_files, soup
from paper_facts import appendices, background_papers, contacts, settings
from source_text import normalise, source_sentences


def test_strict_build_has_no_warnings(build):
    assert build.returncode == 0, build.output
    problems = [line for line in build.output.splitlines() if re.match(r"(WARNING|ERROR)\b", line)]
    assert problems == []


def test_every_page_has_title_description_and_language(site):
    for md_file in nav_files():
        page = soup(html_path(site, md_file))
        assert page.html.get("lang") == "en", md_file
        assert page.title and page.title.get_text(strip=True), md_file
        description = page.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 40, md_file
    descriptions = [
        soup(html_path(site, f)).find("meta", attrs={"name": "description"})["content"] for f in nav_files()
    ]
    assert len(set(descriptions)) == len(descriptions), "each page needs its own description"


def test_no_absolute_url_to_another_host(site):
    offenders = []
    for path in site.rglob("*.html"):
        for tag in soup(path).find_all(True):
            for attribute in ("href", "src", "action", "srcset", "data-src", "poster"):
                value = tag.get(attribute)
                if not value:
                    continue
                scheme = urlparse(value).scheme
                if scheme in ("mailto", "tel"):
                    continue
                if scheme or value.startswith("//"):
                    offenders.append(f"{path.relative_to(site)}: {attribute}={value}")
    assert offenders == []


def test_links_are_relative_so_the_site_works_under_a_sub_path(site):
    # 404.html is served at any depth, so MkDocs roots its links at site_url's path (README).
    for path in set(site.rglob("*.html")) - {site / "404.html"}:
        rooted = [a["href"] for a in soup(path).find_all(href=True) if a["href"].startswith("/")]
        assert rooted == [], path


def test_contacts_are_shown_with_tel_and_mailto_links(site):
    """Every contact of docs/contacts.yml on the cover. Email links carry a subject naming the paper (the site's name);
    on an appendix page, the appendix too."""
    site_name = soup(site / "index.html").select_one(".md-header__topic .md-ellipsis").get_text(strip=True)
    subject = quote(site_name)
    cover = article(soup(site / "index.html"))
    text = " ".join(cover.get_text().split())
    assert contacts()
    for person in contacts():
        tel = phonenumbers.format_number(phonenumbers.parse(person["phone"], "GB"), phonenumbers.PhoneNumberFormat.E164)
        assert f"{person['name']}, {person['role']}, {person['organisation']}" in text
        assert cover.find("a", href=f"tel:{tel}").get_text() == person["phone"]
        assert cover.find("a", href=f"mailto:{person['email']}?subject={subject}").get_text() == person["email"]
    for appendix in appendices():
        page = article(soup(html_path(site, appendix.page)))
        title = page.find("h1")
        title.find("a", class_="headerlink").decompose()
        email = page.find("a", href=re.compile("^mailto:"))
        assert email["href"].endswith(
            f"?subject={quote(site_name + ': ' + ' '.join(title.get_text().split()), safe='')}"
        ), email["href"]


def test_background_papers_is_a_real_table_with_caption_and_headers(site):
    table = article(soup(site / "background-papers.html")).find("table")
    header = settings()["extra"]["paper"]["background_papers"]["header"]
    assert [th.get_text(strip=True) for th in table.find("thead").find_all("th")] == header
    assert table.find("caption").get_text(strip=True)  # the paper's caption, as the table's own
    assert [row["id"] for row in table.find("tbody").find_all("tr")] == [
        f"paper-{paper.row}" for paper in background_papers()
    ]


def test_search_index_holds_every_sentence_of_the_paper(site):
    import html
    import json

    index = json.loads((site / "search" / "search_index.json").read_text())
    text = normalise(
        re.sub(r"<[^>]+>", " ", html.unescape(" ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"])))
    )
    sentences = source_sentences(SOURCE.read_text(encoding="utf-8"))
    assert [sentence for sentence in sentences if sentence not in text] == []
