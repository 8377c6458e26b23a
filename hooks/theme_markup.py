"""MkDocs hook: valid theme markup and unique landmark names on every page (html-validate, WCAG 1.3.1)."""

from committee_paper.theme_markup import valid_theme_markup


def on_post_page(output, page, config):
    return valid_theme_markup(output)


def on_post_template(output_content, template_name, config):
    # 404.html is a theme template, not a page.
    return valid_theme_markup(output_content) if template_name.endswith(".html") else output_content
