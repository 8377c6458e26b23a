"""Rules and renderers for a committee paper, free of any MkDocs import."""
