"""MkDocs hook: check the contacts file and render contact blocks into pages."""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from committee_paper.contacts import CONTACTS_FILE, check_contacts, load_contacts
from committee_paper.markers import render_markers

log = logging.getLogger("mkdocs.hooks.contact_blocks")
contacts = []


def on_config(config):
    global contacts
    path = Path(config.docs_dir) / CONTACTS_FILE
    if not path.is_file():
        raise PluginError(f"{path}: not found; the contact officers must be listed there (see README, 'For editors')")
    shown = f"{Path(config.docs_dir).name}/{CONTACTS_FILE}"
    contacts, problems = load_contacts(path.read_text(encoding="utf-8"), shown)
    for problem in problems + check_contacts(contacts, shown):
        log.warning(str(problem))
    return config


def on_page_markdown(markdown, page, config, files):
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    # MkDocs hands over the source minus its front matter: count those lines back in.
    front_matter_lines = source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0
    rendered, problems = render_markers(markdown, contacts, f"{Path(config.docs_dir).name}/{page.file.src_uri}", front_matter_lines)
    for problem in problems:
        log.warning(str(problem))
    return rendered
