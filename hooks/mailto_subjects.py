"""MkDocs hook: email links to the contact officers carry a subject naming the paper (and the appendix)."""

from committee_paper.background_papers import APPENDIX_KEY
from committee_paper.mailto import mail_subject, with_subject


def on_page_content(html, page, config, files):
    appendix = page.title if APPENDIX_KEY in page.meta else None
    return with_subject(html, mail_subject(config.site_name, appendix))
