"""Facts written once: copies readers see are rendered from the one source, or a differing copy fails the build."""

from pathlib import Path

import pytest
import yaml

from conftest import article, run_build, soup
from test_checks import broken_project

FIXTURES = Path(__file__).parent / "fixtures" / "single-source"


def reported(output: str) -> list[str]:
    return sorted(line.split("WARNING -  ", 1)[1] for line in output.splitlines() if line.startswith(("WARNING -  docs/", "WARNING -  mkdocs.yml")))


def text_of(site: Path, page: str) -> str:
    return " ".join(article(soup(site / page)).get_text().split())


@pytest.mark.parametrize("case", sorted(FIXTURES.glob("*.yml")), ids=lambda path: path.stem)
def test_a_copy_that_disagrees_fails_the_build_with_its_message(case, tmp_path):
    build = run_build(broken_project(case, tmp_path), tmp_path / "site", pdf=False)
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output
    assert reported(build.output) == sorted(yaml.safe_load(case.read_text(encoding="utf-8"))["expected"])


def test_facts_edited_in_their_one_source_show_everywhere(tmp_path):
    """No copy to edit: the list of background papers, an appendix title, a contact and an abbreviation, each edited once."""
    edits = tmp_path / "edits.yml"
    edits.write_text(yaml.safe_dump({"edits": [
        {"file": "docs/background-papers.md", "find": "| Sept 2014 |", "replace": "| August 2014 |"},
        {"file": "docs/background-papers.md", "find": "| May 2014 | Kathryn Grindrod/LSCB/538352 |", "replace": "| May 2014 | Jane Booth/LSCB/061538 |"},
        {"file": "docs/appendices/appendix-c.md", "find": "# Appendix C: Information-sharing pilot Newsletter", "replace": "# Appendix C: The Information-sharing pilot Newsletter"},
        {"file": "docs/background-papers.md", "find": "[Information-sharing pilot Newsletter]", "replace": "[The Information-sharing pilot Newsletter]"},
        {"file": "docs/includes/abbreviations.md", "find": "*[LGA]: Local Government Association", "replace": "*[LGA]: the Local Government Association"},
        {"file": "mkdocs.yml", "find": "name: the paper's contact officers, named on the cover", "replace": "name: Democratic Services"},
    ]}), encoding="utf-8")
    build = run_build(broken_project(edits, tmp_path), tmp_path / "site", pdf=False)
    assert build.returncode == 0, build.output
    appendix_a = text_of(build.site, "appendices/appendix-a.html")
    assert "gives it as paper 1, dated August 2014, with Kathryn Grindrod as its contact." in appendix_a and "Sept 2014" not in appendix_a
    appendix_b = text_of(build.site, "appendices/appendix-b.html")
    assert "with Jane Booth as its contact. To ask for a copy, contact: Jane Booth, Independent Chair" in appendix_b
    assert "Jane.Booth@lancashire.gov.uk" in appendix_b and "Kathryn" not in appendix_b
    box = text_of(build.site, "background/information-sharing-pilot.html")
    assert "Appendix C: The Information-sharing pilot Newsletter was attached to the original paper (paragraph 3.3)." in box
    glossary = article(soup(build.site / "glossary.html"))
    assert "LGA the Local Government Association nowhere" in " ".join(glossary.get_text().split())
    assert soup(build.site / "background/child-sexual-exploitation.html").find("abbr", string="LGA")["title"] == "the Local Government Association (this website's meaning, not the paper's words)"
    assert "This website is published by Democratic Services." in text_of(build.site, "accessibility.html")
