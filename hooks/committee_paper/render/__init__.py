"""The Markdown side, from the model's data: markers written out, citable anchors (a Markdown extension), mention
links, the glossary's tables, contents lists, email subjects."""
