"""MkDocs hook: render contact blocks into pages from docs/contacts.yml (hooks/check_paper.py reports its problems)."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from committee_paper.contacts import CONTACTS_FILE, load_contacts
from committee_paper.markers import render_markers
from committee_paper.settings import ConfigurationError, read_required

contacts = []


def on_config(config):
    global contacts
    try:
        contacts, _ = load_contacts(read_required(Path(config.docs_dir), CONTACTS_FILE), CONTACTS_FILE)
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    return config


def on_page_markdown(markdown, page, config, files):
    return render_markers(markdown, contacts, page.file.src_uri)[0]
