"""Load: raw file -> :class:`Document`.

A document is the NFC text of one source file, split into lines that keep the source's
line numbers (line ``i`` of the file is ``doc.lines[i - 1]``), plus its metadata from the
corpus manifest (or guessed from its header).
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from . import config

MANIFEST_NAME = "manifest.csv"
#: Columns a manifest must have (the others, doc_id included, are optional: see read_manifest).
MANIFEST_REQUIRED = ("source_file",)
#: A document with at least :data:`LANGUAGE_MIN_LETTERS` letters of which fewer than this share
#: carry a mark only Vietnamese uses among the languages in Latin letters a corpus may hold (đ,
#: the horn of ơ ư, the breve of ă, the hook above and the dot below; not the acute, grave,
#: tilde or circumflex of French or Portuguese) does not look Vietnamese: tokenising,
#: abbreviations and stop-words are Vietnamese. The bundled documents have 15–17%; Romanian
#: text (ă) about 6%, French and German 0%.
VIETNAMESE_MIN_MARKED = 0.08
LANGUAGE_MIN_LETTERS = 200
_LETTER = re.compile(r"[^\W\d_]")
#: Years a document's date may have (a date outside them is a typing slip).
DATE_YEARS = (1945, 2100)
#: How a date may be written in a manifest: ISO, and as a spreadsheet program in a Vietnamese
#: locale writes it (day first), also in words. Each pattern gives year, and month and day if any.
_DATE_FORMATS = (
    re.compile(r"(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?)?"),   # 2025-04-10, 2025-04, 2025
    re.compile(r"(?:ngày\s*)?(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"),  # 10/04/2025, 10/4/2025
    re.compile(r"(?:tháng\s*)?(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"),            # 4/2025, tháng 4/2025
    re.compile(r"(?:ngày\s*(?P<d>\d{1,2})\s*)?tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})"),  # ngày 10 tháng 4 năm 2025
    re.compile(r"năm\s*(?P<y>\d{4})"),                                                # năm 2025
)
#: A time of day after the date (a spreadsheet's date-and-time cell): dropped.
_TIME = re.compile(r"(?:[ t]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:am|pm|sa|ch))?)$")
DATE_EXAMPLES = "10/04/2025, 10/4/2025, 4/2025, tháng 4/2025, 2025 or 2025-04-10"
_VIETNAMESE_MARKS = {"\u031b", "\u0306", "\u0309", "\u0323"}  # horn, breve, hook above, dot below


def _vietnamese_marked() -> re.Pattern:
    """The letters that carry one of :data:`_VIETNAMESE_MARKS` (or are đ), as a character class."""
    letters = {unicodedata.normalize("NFC", vowel + tone) for vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
               for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")}
    marked = sorted(c for c in letters if _VIETNAMESE_MARKS & set(unicodedata.normalize("NFD", c)))
    return re.compile("[đĐ" + "".join(marked) + "]")


_VIETNAMESE_MARKED = _vietnamese_marked()


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
    def issued_year(self) -> int | None:
        """The year of the document's date."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    @property
    def year(self) -> int | None:
        """The year a deadline that omits it falls in: the document's, or the next one when the
        title names only that year ("Kế hoạch kiểm soát TTHC năm 2026" dated 15/12/2025: "Quý II"
        is Quý II/2026)."""
        year = self.issued_year
        if year is None:
            return None
        # (issued in its last quarter, and the title's one year is "năm 2026", not "đến năm 2026")
        late = self.date[5:7].isdigit() and int(self.date[5:7]) >= 10
        named = re.findall(r"(?<!đến )(?<!giai đoạn )\bnăm (20\d{2})\b", self.title or "")
        only = set(named) == {str(year + 1)} and len(re.findall(r"20\d{2}", self.title)) == 1
        return year + 1 if late and only else year

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def to_nfc_lines(text: str) -> tuple[str, ...]:
    """Unicode NFC, universal newlines, lines numbered as in the source."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return tuple(text.split("\n"))


def iso_date(value: str) -> str | None:
    """A date as written in a manifest, as the rest of kehoach reads dates: ``YYYY-MM-DD``,
    ``YYYY-MM`` or ``YYYY`` (``""`` for a blank cell; None when it cannot be read as a date).

    Read are ISO dates and the forms a spreadsheet program in a Vietnamese locale writes, day
    first: ``10/04/2025``, ``10/4/2025``, ``10-04-2025``, ``10.04.2025``, ``4/2025``, ``tháng
    4/2025``, ``ngày 10 tháng 4 năm 2025``, ``2025``; a time after the date is dropped. A day or
    month that does not exist (``31/02/2025``, the month-first ``4/30/2025``) or a year outside
    :data:`DATE_YEARS` is not a date.
    """
    import datetime

    value = "" if value is None else str(value)  # a caller's meta may hold a date object
    text = " ".join(unicodedata.normalize("NFC", value).split()).lower()
    text = _TIME.sub("", text).strip()
    if not text:
        return ""
    for pattern in _DATE_FORMATS:
        if m := pattern.fullmatch(text):
            parts = m.groupdict()
            year, month, day = (int(parts[k]) if parts.get(k) else None for k in ("y", "m", "d"))
            if not DATE_YEARS[0] <= year <= DATE_YEARS[1]:
                return None
            try:
                datetime.date(year, 1 if month is None else month, 1 if day is None else day)
            except ValueError:
                return None
            return (f"{year}-{month:02d}-{day:02d}" if day is not None else
                    f"{year}-{month:02d}" if month is not None else f"{year}")
    return None


def read_manifest(corpus_dir: str | Path | None = None) -> list[dict[str, str]]:
    """Rows of ``manifest.csv`` in corpus order (empty list when there is no manifest). It needs
    a ``source_file`` column (the file, relative to the folder) with a value on every row;
    ``doc_id``, ``province``, ``number``, ``doc_type``, ``date``, ``title`` … are optional (a row
    without a ``doc_id`` has its metadata read from the file's header). A manifest that breaks
    this is a :class:`DocumentError`. It is read as :func:`kehoach_lib.csvfiles.csv_records`
    reads it, so one saved by a spreadsheet program (``;`` separators, Windows-1258) is fine;
    lines that start with ``#`` are comments. A ``date`` is given as :func:`iso_date` reads it
    (``10/04/2025`` -> ``2025-04-10``); one it cannot read is left as written, and
    :func:`load_document` warns about it and uses the header's date."""
    from .csvfiles import CsvProblem, csv_records

    path = Path(corpus_dir or config.CORPUS_DIR) / MANIFEST_NAME
    if not path.exists():
        return []
    columns, rows = None, []
    try:
        for line, cells in csv_records(path, stacklevel=3):
            if not any(c.strip() for c in cells):  # rows of empty cells (a spreadsheet's leftovers)
                continue
            if columns is None:
                columns = [c.strip() for c in cells]
                repeated = sorted({c for c in columns if c and columns.count(c) > 1})
                if repeated:
                    raise DocumentError(path, f"line {line}: the column(s) {', '.join(repeated)} appear twice")
                continue
            if any(c.strip() for c in cells[len(columns):]):
                raise DocumentError(path, f"line {line}: {len(cells)} cells, but the header names "
                                          f"{len(columns)} columns")
            rows.append((line, dict(zip(columns, [*cells, *[""] * (len(columns) - len(cells))], strict=False))))
    except CsvProblem as exc:
        raise DocumentError(path, str(exc)) from None
    columns = columns or []
    missing = [c for c in MANIFEST_REQUIRED if c not in columns]
    if missing:
        raise DocumentError(path, f"needs the column(s) {', '.join(missing)} "
                                  f"(it has: {', '.join(columns) or 'none'})")
    folder, seen = path.parent.resolve(), {}
    for line, row in rows:
        source = (row.get("source_file") or "").strip()
        if not source:
            raise DocumentError(path, f"line {line}: no source_file")
        if "\x00" in source or not (folder / source).resolve().is_relative_to(folder):
            raise DocumentError(path, f"line {line}: source_file {source!r} is not a file inside the folder")
        if source in seen:
            raise DocumentError(path, f"line {line}: source_file {source!r} is also on line {seen[source]}")
        seen[source] = line
        row["source_file"] = source
        if "date" in row and (iso := iso_date(row["date"])) is not None:
            row["date"] = iso
    return [row for _, row in rows]


def read_hints(path: Path) -> dict:
    """Layout hints stored next to a source file as ``<name>.hints.yaml`` (or ``{}``)."""
    hints_path = path.with_name(path.stem + ".hints.yaml")
    if not hints_path.exists():
        return {}
    return yaml.safe_load(hints_path.read_text(encoding="utf-8")) or {}


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "document"


def load_document(path: str | Path, *, meta: dict[str, str] | None = None,
                  max_bytes: int = config.MAX_FILE_BYTES, legacy: str = "convert") -> Document:
    """Read one file (.txt, .md, .html, .docx, text-layer .pdf; .doc, .odt, .rtf through LibreOffice)
    into a :class:`Document`.

    Text in a legacy Vietnamese font encoding (TCVN3/ABC, VNI) is converted to Unicode with a
    warning on the document (``legacy="convert"``), or refused (``legacy="error"``).

    Without a manifest row (``meta``), province, number, type, date and title are read from
    the header and listed in ``Document.guessed``. The row's ``date`` is read by
    :func:`iso_date` (``10/04/2025`` -> ``2025-04-10``); one it cannot read is a warning on the
    document naming the value, and the header's date is used (when it has one). Raises
    :class:`DocumentError` naming the file and the reason when it cannot be read.
    """
    from .encodings import EncodingProblem, encoding_warning
    from .formats import SUPPORTED, FormatProblem, format_of, read_lines
    from .metadata import guess_metadata

    path = Path(path)
    if not path.exists():
        raise DocumentError(path, "no such file")
    if path.is_dir():
        raise DocumentError(path, "a folder, not a file (a corpus folder goes to --corpus)")
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentError(path, f"file too large ({size} bytes; the limit is {max_bytes})")
    kind = format_of(path)
    if kind is None:
        raise DocumentError(path, f"unsupported format {path.suffix or '(no extension)'} "
                                  f"(supported: {', '.join(sorted(SUPPORTED))})")
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError(path, "the file is empty")
    try:
        lines, encoding = read_lines(path, data, legacy=legacy)
    except (EncodingProblem, FormatProblem) as exc:
        raise DocumentError(path, str(exc)) from exc
    lines = tuple(unicodedata.normalize("NFC", ln) for ln in lines)
    if not any(ln.strip() for ln in lines):
        raise DocumentError(path, "no text in the file")
    meta = dict(meta or {})
    guessed: tuple[str, ...] = ()
    warnings_: list[str] = []
    bad_date = None
    if (date := iso_date(meta.get("date", ""))) is None:
        bad_date, meta["date"] = meta["date"], ""
    else:
        meta["date"] = date
    if not meta.get("doc_id"):
        found, where = guess_metadata(lines)
        given = {k: v for k, v in meta.items() if v}  # what the manifest's row says wins
        meta = {**found, **given}
        guessed = tuple(sorted(set(found) - set(given)))
        if guessed:
            notes = [f"{k} (from the {where[k]})" if where[k] != "header" else k for k in guessed]
            undated = "" if meta.get("date") else (
                "; no date found, so coverage cannot tell whether it predates a directive (give it one in "
                "manifest.csv)")
            warnings_.append("metadata guessed from the header: " + ", ".join(notes) + undated)
    elif bad_date is not None and (header_date := guess_metadata(lines)[0].get("date")):
        meta["date"], guessed = header_date, ("date",)
    if bad_date is not None:
        used = (f"the date in its header, {meta['date']}, is used" if meta.get("date") else
                "it has no date in its header either, so deadlines that omit the year get no due date")
        warnings_.append(f"the manifest's date {bad_date!r} cannot be read as a date (write it as "
                         f"{DATE_EXAMPLES}); {used}")
    if note := encoding_warning(encoding, expected=("utf-8", "utf-8-sig", kind)):
        warnings_.append(note)
    implements = tuple(s.strip() for s in meta.get("implements", "").split(";") if s.strip())
    return Document(
        doc_id=meta.get("doc_id") or _slug(path.stem),
        lines=lines,
        province=meta.get("province", ""),
        number=meta.get("number", ""),
        doc_type=meta.get("doc_type", ""),
        date=meta.get("date", ""),
        title=meta.get("title", ""),
        implements=implements,
        source=str(path),
        format=kind,
        encoding=encoding,
        warnings=tuple(warnings_),
        guessed=guessed,
        hints=read_hints(path),
    )


def corpus_files(corpus_dir: str | Path | None = None) -> list[tuple[Path, dict[str, str]]]:
    """(file, manifest row) for every document of a folder: manifest rows first, in order,
    then the other files by name (sub-folders included; hidden files, Word's ``~$`` lock files and
    side files skipped)."""
    corpus_dir = Path(corpus_dir or config.CORPUS_DIR)
    if corpus_dir.is_file():
        raise DocumentError(corpus_dir, "a file, not a folder: give the folder that holds the documents")
    if not corpus_dir.is_dir():
        raise DocumentError(corpus_dir, "no such folder")
    rows = read_manifest(corpus_dir)
    listed = [(corpus_dir / r["source_file"], r) for r in rows]
    seen = {p.resolve() for p, _ in listed}
    others = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if (not path.is_file() or any(part.startswith(".") for part in rel.parts)
                or path.name.startswith("~$")  # Word's lock file beside an open document
                or path.name == MANIFEST_NAME or path.name.endswith(".hints.yaml")
                or path.resolve() in seen):
            continue
        others.append((path, {}))
    return listed + others


def read_corpus(corpus_dir: str | Path | None = None, *, max_bytes: int = config.MAX_FILE_BYTES):
    """(documents, problems): every readable document, and one row per file that is not.

    ``problems`` has columns ``source, reason``; the rest of the corpus is always read.
    """
    import pandas as pd

    docs: list[Document] = []
    problems = []
    ids: dict[str, int] = {}
    for path, row in corpus_files(corpus_dir):
        try:
            doc = load_document(path, meta=row, max_bytes=max_bytes)
        except DocumentError as exc:
            problems.append({"source": exc.path, "reason": exc.reason})
            continue
        if doc.doc_id in ids:  # two files with the same slug
            ids[doc.doc_id] += 1
            doc = replace(doc, doc_id=f"{doc.doc_id}_{ids[doc.doc_id]}")
        else:
            ids[doc.doc_id] = 1
        docs.append(doc)
    return docs, pd.DataFrame(problems, columns=["source", "reason"])


def usable_corpus(corpus_dir: str | Path | None = None, *, max_bytes: int = config.MAX_FILE_BYTES):
    """:func:`read_corpus` for work that needs documents (the commands, the report): each file
    that cannot be read gives one warning naming it and the reason (it is left out, the rest
    runs), and a folder with no document to work on is a :class:`DocumentError` (see
    :func:`require_documents`)."""
    docs, problems = read_corpus(corpus_dir, max_bytes=max_bytes)
    require_documents(docs, problems, corpus_dir)
    for row in problems.itertuples():
        warnings.warn(f"{row.source}: {row.reason}", stacklevel=2)
    for message in corpus_warnings(docs):
        warnings.warn(message, stacklevel=2)
    return docs, problems


def corpus_warnings(docs: list[Document]) -> list[str]:
    """What to know before comparing the documents: files with the same text (every task would
    be matched with its copy), and documents that do not look Vietnamese (see
    :data:`VIETNAMESE_MIN_MARKED`). They are still read; each warning names the files."""
    out = []
    by_text: dict[str, list[str]] = {}
    for doc in docs:
        by_text.setdefault(" ".join(doc.text.split()), []).append(doc.source)
    for text, sources in by_text.items():
        if len(sources) > 1 and text:
            out.append(f"{', '.join(sources)}: the same text in {len(sources)} files "
                       "(each task would be matched with its copy)")
    for doc in docs:
        letters = _LETTER.subn("", doc.text)[1]  # counts, without a list of every letter
        marked = _VIETNAMESE_MARKED.subn("", doc.text)[1]
        if letters >= LANGUAGE_MIN_LETTERS and marked < VIETNAMESE_MIN_MARKED * letters:
            out.append(f"{doc.source}: does not look Vietnamese ({marked / letters:.0%} of its letters carry "
                       f"marks only Vietnamese uses, against {VIETNAMESE_MIN_MARKED:.0%} or more in Vietnamese text); "
                       "words, abbreviations and stop-words are read as Vietnamese")
    return out


def require_documents(docs: list[Document], problems, corpus_dir: str | Path | None = None) -> list[Document]:
    """``docs`` (from :func:`read_corpus`), or a :class:`DocumentError` naming the folder when
    it gives no document to work on: it is empty, or none of its files can be read (each is
    named with its reason)."""
    if docs:
        return docs
    folder = Path(corpus_dir or config.CORPUS_DIR)
    if problems is None or len(problems) == 0:
        raise DocumentError(folder, "no documents in the folder")
    listed = "; ".join(f"{_relative(src, folder)}: {reason}"
                       for src, reason in zip(problems.source, problems.reason, strict=True))
    raise DocumentError(folder, f"no readable documents ({listed})")


def _relative(path: str | Path, folder: Path) -> str:
    """``path`` as written inside ``folder`` (so two files of one name in sub-folders differ)."""
    try:
        return str(Path(path).relative_to(folder))
    except ValueError:
        return str(path)


def load_corpus(corpus_dir: str | Path | None = None, *, max_bytes: int = config.MAX_FILE_BYTES) -> list[Document]:
    """Every readable document of a corpus folder (manifest optional), in corpus order.

    Files that cannot be read are skipped with one warning each (a ``UserWarning`` naming
    the file and the reason); :func:`read_corpus` returns them as a table instead.
    """
    docs, problems = read_corpus(corpus_dir, max_bytes=max_bytes)
    for row in problems.itertuples():
        warnings.warn(f"{row.source}: {row.reason}", stacklevel=2)
    return docs
