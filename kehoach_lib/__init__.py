"""kehoach: compare how Vietnamese provinces turn central directives into local plans."""

from .deadlines import extract_targets, is_recurring, resolve_due
from .load import Document, DocumentError, load_corpus, load_document, read_manifest
from .parse import TASK_COLUMNS, extract_corpus, extract_tasks, line_accounting, unaccounted_lines

__all__ = [
    "TASK_COLUMNS",
    "Document",
    "DocumentError",
    "extract_corpus",
    "extract_tasks",
    "extract_targets",
    "is_recurring",
    "line_accounting",
    "load_corpus",
    "load_document",
    "read_manifest",
    "resolve_due",
    "unaccounted_lines",
]
