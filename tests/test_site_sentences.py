"""Nothing the paper does not say: every sentence in docs/ is the paper's, rendered from data, or reviewed.

Checked on the made-up paper (tests/fixtures/paper/), which passes, and broken one way at a time, so no sentence of
any real paper is typed here.
"""

from pathlib import Path

from committee_paper.verify.site_sentences import (
    NOT_THE_PAPERS,
    OWN,
    check_site_sentences,
    reviewed_lines,
    tool_reviewed,
    unsupported,
)
from committee_paper.verify.source import paper_text
from conftest import PAPER

MADE_UP = PAPER / "docs"
MADE_UP_PAPER = paper_text(PAPER)
APPENDIX_A = MADE_UP / "appendices" / "appendix-a.md"
APPENDIX_B = MADE_UP / "appendices" / "appendix-b.md"


def check(path: Path, text: str) -> list[str]:
    """What verify's check finds on one page of the made-up paper, its text changed."""
    own_list = PAPER / OWN
    own = (
        [sentence for _, sentence in reviewed_lines(own_list.read_text(encoding="utf-8"))] if own_list.is_file() else []
    )
    return [str(problem) for problem in unsupported(MADE_UP, path, text, MADE_UP_PAPER, tool_reviewed() + own, set())]


def test_every_sentence_of_the_made_up_paper_is_the_papers_rendered_or_reviewed():
    # Also reports each of the paper's own reviewed sentences that no page uses (the tool's list is shared with
    # the skeleton and other papers: tests/test_new_paper.py checks the skeleton's).
    checked, problems = check_site_sentences(PAPER, MADE_UP_PAPER)
    assert checked and [str(problem) for problem in problems] == []


def test_an_invented_sentence_added_to_an_appendix_page_fails():
    text = APPENDIX_A.read_text(encoding="utf-8") + "\nThe report found that every play area in Fernvale is safe.\n"
    lines = text.count("\n")
    assert check(APPENDIX_A, text) == [
        f'docs/appendices/appendix-a.md:{lines}: sentence "The report found that every play area in Fernvale is safe." '
        f"{NOT_THE_PAPERS}"
    ]


def test_a_paraphrase_of_the_paper_fails():
    """2.4 is about felling, not monitoring."""
    text = (
        APPENDIX_B.read_text(encoding="utf-8")
        + "- [Paragraphs 2.4 to 2.5](../background/tree-survey.md#para-2-4): how the trees will be watched.\n"
    )
    lines = text.count("\n")
    assert check(APPENDIX_B, text) == [
        f'docs/appendices/appendix-b.md:{lines}: sentence "Paragraphs 2.4 to 2.5: how the trees will be watched." '
        f"{NOT_THE_PAPERS}"
    ]


def test_a_changed_quotation_fails():
    text = APPENDIX_B.read_text(encoding="utf-8").replace("there were nine trees", "there were eight trees")
    problems = check(APPENDIX_B, text)
    assert len(problems) == 1 and problems[0].startswith("docs/appendices/appendix-b.md:")
    assert 'quotation "However, there were eight trees identified' in problems[0]
    assert problems[0].endswith("is not in the paper (source/); quote it verbatim")


def test_a_citation_naming_the_wrong_paragraph_fails():
    text = APPENDIX_B.read_text(encoding="utf-8").replace(
        "[Paragraph 2.5](../background/tree-survey.md#para-2-5)",
        "[Paragraph 2.6](../background/tree-survey.md#para-2-5)",
    )
    problems = check(APPENDIX_B, text)
    assert len(problems) == 1 and problems[0].endswith(f': sentence "Paragraph 2.6: "…"" {NOT_THE_PAPERS}')
