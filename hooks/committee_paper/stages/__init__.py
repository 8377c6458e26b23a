"""The build's stages, in order, each a set of MkDocs event handlers run by the plugin (plugin.py)."""
