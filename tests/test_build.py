"""The strict build of the real paper: clean, complete, self-contained."""

import re
from urllib.parse import quote, urlparse

from conftest import article, html_path, nav_files, soup


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
    descriptions = [soup(html_path(site, f)).find("meta", attrs={"name": "description"})["content"] for f in nav_files()]
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
    """Email links carry a subject naming the paper (the site's name); on an appendix page, the appendix too."""
    site_name = soup(site / "index.html").select_one(".md-header__topic .md-ellipsis").get_text(strip=True)
    subject = quote(site_name)
    cover = article(soup(site / "index.html"))
    text = " ".join(cover.get_text().split())
    for name, role, phone, tel, email in [
        ("Jane Booth", "Independent Chair", "07795 061538", "tel:+447795061538", "Jane.Booth@lancashire.gov.uk"),
        ("Kathryn Grindrod", "Business Manager", "01772 538352", "tel:+441772538352", "Kathryn.Grindrod@lancashire.gov.uk"),
    ]:
        assert f"{name}, {role}, Lancashire Safeguarding Children Board" in text
        assert cover.find("a", href=tel).get_text() == phone
        assert cover.find("a", href=f"mailto:{email}?subject={subject}").get_text() == email
    appendix = article(soup(site / "appendices" / "appendix-a.html")).find("a", href=re.compile("^mailto:"))
    assert appendix["href"] == f"mailto:Kathryn.Grindrod@lancashire.gov.uk?subject={subject}%3A%20Appendix%20A%3A%20LSCB%20Annual%20Report"
    assert "Electoral Division affected: All" in text
    assert "Meeting to be held on 5 December 2014" in text


def test_background_papers_is_a_real_table_with_caption_and_headers(site):
    table = article(soup(site / "background-papers.html")).find("table")
    assert [th.get_text(strip=True) for th in table.find("thead").find_all("th")] == ["Paper", "Date", "Contact/Directorate/Tel"]
    assert table.find_parent("figure").find("figcaption").get_text(strip=True)
    assert [row["id"] for row in table.find("tbody").find_all("tr")] == ["paper-1", "paper-2", "paper-3", "paper-4"]


def test_search_index_holds_every_paragraph(site):
    import json

    index = json.loads((site / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"])
    for phrase in ["Morecambe Bay NHS Foundation Trust", "eighteen areas identified", "Alexis Jay", "CP-IS", "SEND reforms"]:
        assert phrase in text
