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


class NoProvinceWarning(UserWarning):
    """Documents whose province (or other grouping column) is not known: a table by province
    leaves them out or counts each as a province of its own, and says so with this warning."""


def blank(values):
    """Where a column of a table (a pandas Series) has no value: missing, or only spaces."""
    return values.isna() | (values.astype("string").str.strip() == "")


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


def file_stamps(*paths: str | Path) -> tuple[tuple[str, int, int], ...]:
    """``(path, modification time in ns, size)`` of each file: part of the key of every
    in-process cache built from an editable data file, so an edit is picked up at once."""
    import os

    out = []
    for p in paths:
        st = os.stat(p)
        out.append((os.fspath(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


def reread_on_change(loader):
    """Decorator for a loader ``loader(path) -> value`` of an editable data file: the value is
    kept in memory and read again whenever the file changes (modification time or size), so a
    researcher who edits a table in a running notebook gets the new table on the next call.

    Values are shared between callers: treat them as read-only.
    """
    import inspect
    from functools import lru_cache, wraps

    default = inspect.signature(loader).parameters["path"].default

    @lru_cache(maxsize=16)
    def cached(path: Path, stamp: tuple) -> object:
        return loader(path)

    def read(path: str | Path):
        path = Path(path)
        return cached(path, file_stamps(path))

    if default is inspect.Parameter.empty:
        wrapper = wraps(loader)(read)
    else:
        @wraps(loader)
        def wrapper(path: str | Path = default):
            return read(path)

    wrapper.cache_clear = cached.cache_clear
    return wrapper
