"""Facts written once: copies readers see are rendered from the one source, or a differing copy fails the build."""

from pathlib import Path

import pytest
import yaml

from conftest import article, run_build, soup
from test_checks import broken_project

FIXTURES = Path(__file__).parent / "fixtures" / "single-source"


def reported(output: str) -> list[str]:
    return sorted(
        line.split("WARNING -  ", 1)[1]
        for line in output.splitlines()
        if line.startswith(("WARNING -  docs/", "WARNING -  mkdocs.yml"))
    )


def text_of(site: Path, page: str) -> str:
    return " ".join(article(soup(site / page)).get_text().split())


@pytest.mark.parametrize("case", sorted(FIXTURES.glob("*.yml")), ids=lambda path: path.stem)
def test_a_copy_that_disagrees_fails_the_build_with_its_message(case, tmp_path):
    build = run_build(broken_project(case, tmp_path), tmp_path / "site", pdf=False)
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output
    assert reported(build.output) == sorted(yaml.safe_load(case.read_text(encoding="utf-8"))["expected"])


def test_facts_edited_in_their_one_source_show_everywhere(tmp_path):
    """No copy to edit: the list of background papers, an appendix title, a contact and an abbreviation, each edited
    once, in the made-up paper (tests/fixtures/paper/)."""
    edits = tmp_path / "edits.yml"
    edits.write_text(
        yaml.safe_dump(
            {
                "edits": [
                    {"file": "docs/background-papers.md", "find": "| Sept 2030 |", "replace": "| August 2030 |"},
                    {
                        "file": "docs/background-papers.md",
                        "find": "| May 2030 | Morgan Sample/PKS/960372 |",
                        "replace": "| May 2030 | Robin Testwell/PKS/960457 |",
                    },
                    {
                        "file": "docs/appendices/appendix-c.md",
                        "find": "# Appendix C: Allotments Newsletter",
                        "replace": "# Appendix C: The Allotments Newsletter",
                    },
                    {
                        "file": "docs/background-papers.md",
                        "find": "[Allotments Newsletter]",
                        "replace": "[The Allotments Newsletter]",
                    },
                    {
                        "file": "docs/includes/abbreviations.md",
                        "find": "*[PKS]: Parks Service",
                        "replace": "*[PKS]: the Parks Service",
                    },
                    {
                        "file": "mkdocs.yml",
                        "find": "name: the paper's contact officers, named on the cover",
                        "replace": "name: Democratic Services",
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    build = run_build(broken_project(edits, tmp_path / "project"), tmp_path / "site", pdf=False)
    assert build.returncode == 0, build.output
    appendix_a = text_of(build.site, "appendices/appendix-a.html")
    assert (
        "gives it as paper 1, dated August 2030, with Morgan Sample as its contact." in appendix_a
        and "Sept 2030" not in appendix_a
    )
    appendix_b = text_of(build.site, "appendices/appendix-b.html")
    assert "with Robin Testwell as its contact. To ask for a copy, contact: Robin Testwell, Chair" in appendix_b
    assert "Robin.Testwell@fernvale.example" in appendix_b and "Morgan" not in appendix_b
    box = text_of(build.site, "background/allotments.html")
    assert "Appendix C: The Allotments Newsletter was attached to the original paper (paragraph 3.3)." in box
    glossary = article(soup(build.site / "glossary.html"))
    assert "PKS the Parks Service nowhere" in " ".join(glossary.get_text().split())
    assert (
        soup(build.site / "background/tree-survey.html").find("abbr", string="PKS")["title"]
        == "the Parks Service (this website's meaning, not the paper's words)"
    )
    assert "This website is published by Democratic Services." in text_of(build.site, "accessibility.html")
