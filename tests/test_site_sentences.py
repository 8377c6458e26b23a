"""Nothing the paper does not say: every sentence in docs/ is the paper's, rendered from data, or reviewed.

Checked on the made-up paper (tests/fixtures/paper/), which passes, and broken one way at a time, so no sentence of
any real paper is typed here.
"""

from pathlib import Path

from conftest import PAPER, SOURCE
from site_sentences import OWN, paper_text, reviewed_sentences, unsupported

MADE_UP = PAPER / "docs"
MADE_UP_SOURCE = SOURCE.parent
MADE_UP_PAPER = paper_text(SOURCE.read_text(encoding="utf-8"))
APPENDIX_A = MADE_UP / "appendices" / "appendix-a.md"
APPENDIX_B = MADE_UP / "appendices" / "appendix-b.md"


def pages(docs: Path) -> list[Path]:
    return sorted(path for path in docs.rglob("*.md") if "includes" not in path.relative_to(docs).parts)


def reviewed(source: Path) -> list[str]:
    """The tool's reviewed sentences and the paper's own, if it has any."""
    return reviewed_sentences() + reviewed_sentences(source / OWN)


def problems_in(docs: Path, source: Path, paper: str) -> tuple[list[str], set[str]]:
    problems, used = [], set()
    for path in pages(docs):
        problems += unsupported(docs, path, path.read_text(encoding="utf-8"), paper, reviewed(source), used)
    return problems, used


def check(path: Path, text: str) -> list[str]:
    """What the check finds on one page of the made-up paper, its text changed."""
    return unsupported(MADE_UP, path, text, MADE_UP_PAPER, reviewed(MADE_UP_SOURCE), set())


def test_every_sentence_of_the_made_up_paper_is_the_papers_rendered_or_reviewed():
    problems, used = problems_in(MADE_UP, MADE_UP_SOURCE, MADE_UP_PAPER)
    assert problems == []
    # The tool's list is shared with the skeleton and other papers (tests/test_new_paper.py checks the skeleton's).
    assert set(reviewed_sentences(MADE_UP_SOURCE / OWN)) - used == set(), (
        "the paper's own reviewed sentences no page uses: remove them"
    )


def test_an_invented_sentence_added_to_an_appendix_page_fails():
    text = APPENDIX_A.read_text(encoding="utf-8") + "\nThe report found that every play area in Fernvale is safe.\n"
    lines = text.count("\n")
    assert check(APPENDIX_A, text) == [
        f"docs/appendices/appendix-a.md:{lines}: The report found that every play area in Fernvale is safe."
    ]


def test_a_paraphrase_of_the_paper_fails():
    """2.4 is about felling, not monitoring."""
    text = (
        APPENDIX_B.read_text(encoding="utf-8")
        + "- [Paragraphs 2.4 to 2.5](../background/tree-survey.md#para-2-4): how the trees will be watched.\n"
    )
    lines = text.count("\n")
    assert check(APPENDIX_B, text) == [
        f"docs/appendices/appendix-b.md:{lines}: Paragraphs 2.4 to 2.5: how the trees will be watched."
    ]


def test_a_changed_quotation_fails():
    text = APPENDIX_B.read_text(encoding="utf-8").replace("there were nine trees", "there were eight trees")
    problems = check(APPENDIX_B, text)
    assert len(problems) == 1 and problems[0].startswith("docs/appendices/appendix-b.md:")
    assert 'quotation not in the paper: "However, there were eight trees identified' in problems[0]


def test_a_citation_naming_the_wrong_paragraph_fails():
    text = APPENDIX_B.read_text(encoding="utf-8").replace(
        "[Paragraph 2.5](../background/tree-survey.md#para-2-5)",
        "[Paragraph 2.6](../background/tree-survey.md#para-2-5)",
    )
    problems = check(APPENDIX_B, text)
    assert len(problems) == 1 and problems[0].endswith(': Paragraph 2.6: "…"')
