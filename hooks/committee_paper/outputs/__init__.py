"""What the build writes besides the pages: the paper as one document, the one-page paper, the PDF, the search
index, the zip and the compressed copies."""
