"""MkDocs hook: check the paper's contacts, background papers, cross-references and abbreviations on every build,
and that its content carries no script and reaches no other host."""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from committee_paper.checks import check_paper, read_sources
from committee_paper.content_safety import content_problems
from committee_paper.settings import ConfigurationError, read_background_paper_rules, read_meeting

log = logging.getLogger("mkdocs.hooks.check_paper")


def on_files(files, config):
    try:
        sources = read_sources(Path(config.docs_dir), [file.src_uri for file in files.documentation_pages()])
        problems = check_paper(sources, read_meeting(config.extra), read_background_paper_rules(config.extra))
        problems += [problem for page in [*sources.pages, sources.abbreviations] for problem in content_problems(page.path, page.text)]
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    for problem in problems:
        log.warning(str(problem))
    return files
