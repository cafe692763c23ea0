"""Paths and documented defaults, in one place.

Every option that a function, the CLI or a notebook exposes takes its default from here,
so changing a default is one edit and the notebooks never carry magic numbers.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: Domain knowledge a researcher can read and edit (abbreviations, lexicon, stop-words,
#: agency aliases and successions, directive catalogues).
DATA_DIR = PACKAGE_DIR / "data"
#: The checkout's top level (the package is installed editable from it).
PROJECT_DIR = PACKAGE_DIR.parent
#: The bundled corpus: ``manifest.csv`` plus ``raw/`` (read-only source documents).
CORPUS_DIR = PROJECT_DIR / "data"

#: Largest source file that is read, in bytes (bigger files are reported, not loaded).
MAX_FILE_BYTES = 20 * 1024 * 1024


def data_lines(path: str | Path) -> list[str]:
    """Non-blank lines of an editable data file, ``#`` comment lines skipped.

    Lines are split on newlines only (never on the other characters ``str.splitlines``
    treats as breaks, which the legacy-font table contains as data).
    """
    text = Path(path).read_text(encoding="utf-8")
    return [ln.rstrip("\r") for ln in text.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]


def data_rows(path: str | Path) -> list[dict[str, str]]:
    """Rows of an editable CSV data file (header row first, ``#`` comment lines skipped)."""
    import csv

    return list(csv.DictReader(data_lines(path)))
