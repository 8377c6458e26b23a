"""MkDocs hook: check the paper's contacts, background papers, cross-references and abbreviations on every build."""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from committee_paper.assets import missing_assets
from committee_paper.checks import check_paper, read_sources
from committee_paper.settings import ConfigurationError, read_background_paper_rules, read_meeting, read_not_abbreviations

log = logging.getLogger("mkdocs.hooks.check_paper")


def on_config(config):
    # docs/, then the theme's folders: custom_dir first (overrides/), then Material's own.
    folders = [Path(config.docs_dir), *(Path(folder) for folder in config.theme.dirs)]
    problems = missing_assets("extra_css", config.extra_css, folders) + missing_assets("extra_javascript", config.extra_javascript, folders)
    if problems:
        raise PluginError("\n".join(problems))
    return config


def on_files(files, config):
    try:
        sources = read_sources(Path(config.docs_dir), [file.src_uri for file in files.documentation_pages()])
        problems = check_paper(sources, read_meeting(config.extra), read_background_paper_rules(config.extra), read_not_abbreviations(config.extra))
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    for problem in problems:
        log.warning(str(problem))
    return files
