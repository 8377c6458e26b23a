"""The Markdown side: what each page's rendered content gains (contents lists, email subjects)."""
