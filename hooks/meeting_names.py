"""MkDocs hook: extra.meeting names the PDF, and the site name must name the meeting."""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from committee_paper.fill import unfilled_in_project
from committee_paper.settings import PDF_PLUGIN, ConfigurationError, check_site_name, pdf_file_name, read_meeting

log = logging.getLogger("mkdocs.hooks.meeting_names")
PLUGIN_DEFAULT = "pdf/combined.pdf"  # the plugin's combined_output_path when mkdocs.yml sets none


def on_config(config):
    # A paper started from the skeleton (scripts/new-paper) builds only when every place is filled.
    unfilled = unfilled_in_project(Path(config.config_file_path), Path(config.docs_dir))
    for problem in unfilled:
        log.error(str(problem))
    if unfilled:
        raise PluginError(f"{len(unfilled)} places are not filled in yet (listed above, with their files and lines); fill them, then build again")
    try:
        meeting = read_meeting(config.extra)
        check_site_name(config.site_name, meeting)
    except ConfigurationError as error:
        raise PluginError(str(error)) from None
    pdf = config.plugins.get(PDF_PLUGIN)
    if pdf is not None:
        if pdf.config["combined_output_path"] not in (PLUGIN_DEFAULT, pdf_file_name(meeting)):
            raise PluginError(f"mkdocs.yml: plugins: {PDF_PLUGIN}: remove combined_output_path; the PDF is named from extra.meeting, as {pdf_file_name(meeting)}")
        pdf.config["combined_output_path"] = pdf_file_name(meeting)
    return config
