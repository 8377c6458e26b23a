"""MkDocs hook: extra.meeting names the PDF, and the site name must name the meeting."""

from mkdocs.exceptions import PluginError

from committee_paper.settings import PDF_PLUGIN, ConfigurationError, check_site_name, pdf_file_name, read_meeting

PLUGIN_DEFAULT = "pdf/combined.pdf"  # the plugin's combined_output_path when mkdocs.yml sets none


def on_config(config):
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
