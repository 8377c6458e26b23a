"""MkDocs hook: give numbered paragraphs and background papers citable anchors."""

from committee_paper.anchors import CitableAnchorsExtension


def on_config(config):
    config.markdown_extensions.append(CitableAnchorsExtension())
    return config
