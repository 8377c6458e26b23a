"""Nothing the paper does not say: every sentence in docs/ is the paper's, rendered from data, or reviewed."""

from conftest import ROOT, SOURCE
from site_sentences import paper_text, reviewed_sentences, unsupported

DOCS = ROOT / "docs"
PAPER = paper_text(SOURCE.read_text(encoding="utf-8"))
APPENDIX_A = DOCS / "appendices" / "appendix-a.md"
APPENDIX_B = DOCS / "appendices" / "appendix-b.md"


def pages():
    return sorted(path for path in DOCS.rglob("*.md") if "includes" not in path.relative_to(DOCS).parts)


def check(path, text=None):
    used = set()
    return unsupported(DOCS, path, path.read_text(encoding="utf-8") if text is None else text, PAPER, reviewed_sentences(), used), used


def test_every_sentence_in_docs_is_the_papers_rendered_or_reviewed():
    problems, used = [], set()
    for path in pages():
        found, met = check(path)
        problems += found
        used |= met
    assert problems == []
    assert set(reviewed_sentences()) - used == set(), "reviewed sentences no page uses: remove them"


def test_an_invented_sentence_added_to_an_appendix_page_fails():
    text = APPENDIX_A.read_text(encoding="utf-8") + "\nThe report found that every service in Lancashire is effective.\n"
    lines = text.count("\n")
    assert check(APPENDIX_A, text)[0] == [f"docs/appendices/appendix-a.md:{lines}: The report found that every service in Lancashire is effective."]


def test_a_paraphrase_of_the_paper_fails():
    """Appendix B's old note: 2.6 is about the Health and Wellbeing Board, not monitoring."""
    text = APPENDIX_B.read_text(encoding="utf-8") + "- [Paragraphs 2.5 to 2.7](../background/early-help-inspection.md#para-2-5): how progress on its actions will be monitored.\n"
    lines = text.count("\n")
    assert check(APPENDIX_B, text)[0] == [f"docs/appendices/appendix-b.md:{lines}: Paragraphs 2.5 to 2.7: how progress on its actions will be monitored."]


def test_a_changed_quotation_fails():
    text = APPENDIX_B.read_text(encoding="utf-8").replace("there were eighteen areas", "there were eight areas")
    problems = check(APPENDIX_B, text)[0]
    assert len(problems) == 1 and problems[0].startswith("docs/appendices/appendix-b.md:")
    assert "quotation not in the paper: \"However, there were eight areas identified" in problems[0]


def test_a_citation_naming_the_wrong_paragraph_fails():
    text = APPENDIX_B.read_text(encoding="utf-8").replace("[Paragraph 2.5](../background/early-help-inspection.md#para-2-5)", "[Paragraph 2.6](../background/early-help-inspection.md#para-2-5)")
    problems = check(APPENDIX_B, text)[0]
    assert len(problems) == 1 and problems[0].endswith(': Paragraph 2.6: "…"')
