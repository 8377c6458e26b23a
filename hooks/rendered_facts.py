"""MkDocs hook: facts written once, rendered where readers see them, and copies checked.

The list of background papers gives the appendix pages' notices and the "Attached to
this section" boxes; docs/includes/abbreviations.md gives the glossary's table;
extra.publisher and the record of the last test run (when it names this content)
give the accessibility statement's facts; nav labels must be their pages' titles.
"""

import json
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from committee_paper import attachments, glossary, nav_titles, site_facts
from committee_paper.background_papers import APPENDIX_FOLDER, BACKGROUND_PAPERS, parse_table
from committee_paper.contacts import CONTACTS_FILE, load_contacts
from committee_paper.cross_references import parse_abbreviations
from committee_paper.glossary import GLOSSARY
from committee_paper.settings import ABBREVIATIONS_FILE, read_background_paper_rules
from committee_paper.sources import SourcePage

log = logging.getLogger("mkdocs.hooks.rendered_facts")
state = {}


def _warn(problems):
    for problem in problems:
        log.warning(str(problem))


def on_config(config):
    publisher, fix = site_facts.load_publisher(config.extra)
    if publisher is None:
        raise PluginError(fix)
    project = Path(config.config_file_path).parent
    record = project / site_facts.TEST_RECORD
    text = record.read_text(encoding="utf-8") if record.is_file() else ""
    # A record of other content (another paper, an earlier edit) says nothing of this one: "not yet tested".
    tested: dict[str, str] = {}
    if text and site_facts.recorded_content(text) == site_facts.content_hash(project):
        axe = project / "node_modules" / "axe-core" / "package.json"
        installed = json.loads(axe.read_text(encoding="utf-8"))["version"] if axe.is_file() else None
        tested, problems = site_facts.load_test_record(text, site_facts.TEST_RECORD, installed)
        _warn(problems)
    state.update(publisher=publisher, tested=tested)
    return config


def on_files(files, config):
    docs = Path(config.docs_dir)
    pages = {file.src_uri: SourcePage.read(docs, file.src_uri) for file in files.documentation_pages()}
    # check_paper reports a missing or malformed list, and the contacts file's problems;
    # citable_anchors has already stopped the build on a bad setting.
    listed = pages.get(BACKGROUND_PAPERS)
    rows = parse_table(listed, read_background_paper_rules(config.extra).header)[0] if listed else []
    contacts_file = docs / CONTACTS_FILE
    contacts = load_contacts(contacts_file.read_text(encoding="utf-8"), "")[0] if contacts_file.is_file() else []
    definitions = docs / ABBREVIATIONS_FILE
    abbreviations = parse_abbreviations(SourcePage(ABBREVIATIONS_FILE, ABBREVIATIONS_FILE, definitions.read_text(encoding="utf-8"))) if definitions.is_file() else {}
    appendices = [page for uri, page in pages.items() if uri.startswith(APPENDIX_FOLDER)]
    found = attachments.attachments(rows, appendices)
    _warn([problem for page in appendices for problem in attachments.check_notice_under_title(page)])
    if GLOSSARY in pages:  # check_paper reports a missing glossary
        _warn(glossary.check_glossary_marker(pages[GLOSSARY]))
    state["website_meanings"] = glossary.website_meanings(abbreviations, list(pages.values()), GLOSSARY)
    state.update(pages=pages, attachments=found, papers=max((row.position for row in rows), default=0), contacts=contacts, abbreviations=abbreviations)
    return files


def on_nav(nav, config, files):
    config_file = Path(config.config_file_path)
    _warn(nav_titles.check_nav_labels(config_file.read_text(encoding="utf-8"), config_file.name, state["pages"]))
    # The glossary names the first page, in reading order, that spells an abbreviation out.
    state["reading_order"] = [state["pages"][page.file.src_uri] for page in nav.pages if page.file.src_uri in state["pages"]]
    return nav


def on_page_markdown(markdown, page, config, files):
    source = state["pages"].get(page.file.src_uri)
    if source is None:
        return markdown
    # MkDocs hands over the source minus its front matter: count those lines back in.
    offset = source.text[: len(source.text) - len(markdown)].count("\n") if source.text.endswith(markdown) else 0
    markdown, problems = attachments.render_paper_markers(markdown, source, state["attachments"], state["contacts"], offset)
    markdown, more = attachments.render_attached_markers(markdown, source, state["attachments"], state["papers"], offset)
    markdown, when = site_facts.render_when_tested(markdown, bool(state["tested"]), source.path, offset)
    markdown = site_facts.render_tested(markdown, state["tested"])
    _warn(problems + more + when)
    markdown = site_facts.render_publisher(markdown, state["publisher"], source.uri)
    return glossary.render_glossary(markdown, source.uri, state["abbreviations"], state["reading_order"])


def on_page_content(html, page, config, files):
    return glossary.mark_website_meanings(html, state["website_meanings"])
