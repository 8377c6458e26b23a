"""MkDocs hook: give numbered paragraphs and background papers citable anchors."""

from mkdocs.exceptions import PluginError

from committee_paper.anchors import CitableAnchorsExtension
from committee_paper.settings import ConfigurationError, read_background_paper_rules


def on_config(config):
    try:
        papers_heading = read_background_paper_rules(config.extra).header[0]
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    config.markdown_extensions.append(CitableAnchorsExtension(papers_heading))
    return config
