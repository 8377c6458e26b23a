"""MkDocs hook: email links to the contact officers carry a subject naming the paper (and the appendix)."""

from committee_paper.mailto import mail_subject, with_subject

# Front matter key that makes a page an appendix page (see README, 'Add an appendix').
APPENDIX_KEY = "background_paper"


def on_page_content(html, page, config, files):
    appendix = page.title if APPENDIX_KEY in page.meta else None
    return with_subject(html, mail_subject(config.site_name, appendix))
