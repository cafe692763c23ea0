"""kehoach: compare how Vietnamese provinces turn central directives into local plans."""

from .load import Document, DocumentError, load_corpus, load_document, read_manifest

__all__ = ["Document", "DocumentError", "load_corpus", "load_document", "read_manifest"]
