"""Load: raw file -> :class:`Document`.

A document is the NFC text of one source file, split into lines that keep the source's
line numbers (line ``i`` of the file is ``doc.lines[i - 1]``), plus its metadata from the
corpus manifest (or guessed from its header).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import config

MANIFEST_NAME = "manifest.csv"


class DocumentError(ValueError):
    """A source file that cannot be read as a document; the message names file and reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Document:
    """One source document: its lines (NFC, source numbering) and metadata."""

    doc_id: str
    lines: tuple[str, ...]
    province: str = ""
    number: str = ""
    doc_type: str = ""
    #: Issue date as far as known: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.
    date: str = ""
    title: str = ""
    #: Central documents the document says it implements (numbers, e.g. ``66/NQ-CP``).
    implements: tuple[str, ...] = ()
    source: str = ""
    format: str = "txt"
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    #: Metadata fields that were guessed from the text rather than read from a manifest.
    guessed: tuple[str, ...] = ()
    #: Layout hints (lost headings restored by a reader), from ``<file>.hints.yaml``.
    hints: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def year(self) -> int | None:
        """The document's year, used when a deadline omits it."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def to_nfc_lines(text: str) -> tuple[str, ...]:
    """Unicode NFC, universal newlines, lines numbered as in the source."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return tuple(text.split("\n"))


def read_manifest(corpus_dir: str | Path | None = None) -> list[dict[str, str]]:
    """Rows of ``manifest.csv`` in corpus order (empty list when there is no manifest)."""
    path = Path(corpus_dir or config.CORPUS_DIR) / MANIFEST_NAME
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [dict(row) for row in csv.DictReader(fh)]


def read_hints(path: Path) -> dict:
    """Layout hints stored next to a source file as ``<name>.hints.yaml`` (or ``{}``)."""
    hints_path = path.with_name(path.stem + ".hints.yaml")
    if not hints_path.exists():
        return {}
    return yaml.safe_load(hints_path.read_text(encoding="utf-8")) or {}


def load_document(path: str | Path, *, meta: dict[str, str] | None = None) -> Document:
    """Read one UTF-8 text file into a :class:`Document` with the given manifest row."""
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(path, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    meta = meta or {}
    implements = tuple(s.strip() for s in meta.get("implements", "").split(";") if s.strip())
    return Document(
        doc_id=meta.get("doc_id") or path.stem,
        lines=to_nfc_lines(text),
        province=meta.get("province", ""),
        number=meta.get("number", ""),
        doc_type=meta.get("doc_type", ""),
        date=meta.get("date", ""),
        title=meta.get("title", ""),
        implements=implements,
        source=str(path),
        hints=read_hints(path),
    )


def load_corpus(corpus_dir: str | Path | None = None) -> list[Document]:
    """Every document of a corpus folder, in manifest order."""
    corpus_dir = Path(corpus_dir or config.CORPUS_DIR)
    return [
        load_document(corpus_dir / row["source_file"], meta=row)
        for row in read_manifest(corpus_dir)
    ]
