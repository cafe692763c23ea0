"""Cite: the central and provincial documents a plan cites.

``Nghị quyết số 66/NQ-CP ngày 26/3/2025``, ``Quyết định 766/QĐ-TTg``,
``Nghị định số 61/2018/NĐ-CP``, ``Công văn số 3995/UBND-NC``, ``Kết luận 127-KL/TW`` …
become rows of a normalised table: the cited number (``66/NQ-CP``), its type, its issuer
(from the number's suffix) and its date when the text gives one.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

import pandas as pd

from .load import Document

CITATION_COLUMNS = ["doc_id", "cited_number", "cited_type", "issuer", "cited_date", "line", "context"]

#: Document types, by the word that introduces them.
_TYPES = {
    "nghị quyết": "Nghị quyết", "nghị định": "Nghị định", "quyết định": "Quyết định",
    "thông tư": "Thông tư", "chỉ thị": "Chỉ thị", "công văn": "Công văn", "kế hoạch": "Kế hoạch",
    "kết luận": "Kết luận", "công điện": "Công điện", "đề án": "Đề án", "luật": "Luật",
}
#: Type by the code in the number, when no word introduces it.
_CODES = {
    "NQ": "Nghị quyết", "NĐ": "Nghị định", "QĐ": "Quyết định", "TT": "Thông tư", "CT": "Chỉ thị",
    "KH": "Kế hoạch", "KL": "Kết luận", "CĐ": "Công điện", "ĐA": "Đề án",
}
#: Issuer by the suffix of the number.
_ISSUERS = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ",
    "UBND": "UBND tỉnh", "TW": "Trung ương Đảng", "TU": "Tỉnh ủy", "QH": "Quốc hội",
    "QH15": "Quốc hội", "BNV": "Bộ Nội vụ", "BTTTT": "Bộ Thông tin và Truyền thông",
    "HĐND": "HĐND tỉnh",
}
_TYPE_WORDS = "|".join(sorted((re.escape(k) for k in _TYPES), key=len, reverse=True))
_NUMBER = (
    r"(?P<number>\d{1,5}(?:\.\d+)?(?:/\d{4})?[/-](?:[A-ZĐ][A-Za-zĐđ&]*)(?:[-/][A-ZĐ][A-Za-zĐđ0-9&]*)*"
    r"|\d{1,5}/[A-ZĐ]+(?:-[A-ZĐ]+)?)"
)
_CITATION = re.compile(
    rf"(?P<type>{_TYPE_WORDS})\s+(?:số\s+)?{_NUMBER}"
    r"(?:\s+ngày\s+(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(
    rf"(?<![\w/]){_NUMBER}(?:\s+ngày\s+(?P<date>\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}}))?"
)
_LONG_DATE = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def normalize_number(number: str) -> str:
    """``66/NQ-CP``: spaces removed, NFC; the number as documents write it."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", number)).strip(".,;")


def number_parts(number: str) -> tuple[str, str]:
    """(type, issuer) read from a number's codes: ``61/2018/NĐ-CP`` -> (Nghị định, Chính phủ)."""
    codes = re.split(r"[/-]", number)[1:]
    codes = [c for c in codes if not c.isdigit()]
    kind = next((_CODES[c] for c in codes if c in _CODES), "")
    issuer = next((_ISSUERS[c] for c in reversed(codes) if c in _ISSUERS), "")
    if not issuer and codes:
        issuer = codes[-1]
    return kind, issuer


def _iso_date(text: str | None) -> str:
    if not text:
        return ""
    m = _LONG_DATE.search(text)
    parts = m.groups() if m else re.split(r"\s*/\s*", text.strip())
    day, month, year = (int(p) for p in parts)
    return f"{year:04d}-{month:02d}-{day:02d}"


def extract_citations(doc: Document) -> pd.DataFrame:
    """Documents cited by ``doc``, one row per cited number (first mention wins).

    Lines are read joined, so a citation wrapped over two lines keeps its date.
    """
    own = normalize_number(doc.number) if doc.number else ""
    starts, parts, pos = [], [], 0
    for line in doc.lines:
        starts.append(pos)
        clean = unicodedata.normalize("NFC", line.replace("**", ""))
        parts.append(clean)
        pos += len(clean) + 1
    text = " ".join(parts)
    rows: dict[str, dict] = {}
    spans = []
    for m in _CITATION.finditer(text):
        spans.append(m.span("number"))
        _add(rows, doc, starts, text, m, _TYPES[m.group("type").lower()], own)
    for m in _BARE_NUMBER.finditer(text):
        if any(a <= m.start("number") < b for a, b in spans):
            continue
        kind, _ = number_parts(m.group("number"))
        if kind:  # a bare number counts only when its code says what it is
            _add(rows, doc, starts, text, m, kind, own)
    out = pd.DataFrame(sorted(rows.values(), key=lambda r: r["_pos"]), columns=CITATION_COLUMNS)
    return out.astype({c: "str" for c in CITATION_COLUMNS if c != "line"})


def _add(rows, doc, starts, text, m, kind, own):
    number = normalize_number(m.group("number"))
    if number == own or number in rows:
        if number in rows and not rows[number]["cited_date"] and m.group("date"):
            rows[number]["cited_date"] = _iso_date(m.group("date"))
        return
    _, issuer = number_parts(number)
    start, end = m.span()
    rows[number] = {
        "doc_id": doc.doc_id, "cited_number": number, "cited_type": kind, "issuer": issuer,
        "cited_date": _iso_date(m.group("date")), "line": bisect_right(starts, start),
        "context": text[max(0, start - 60) : end + 60].strip(), "_pos": start,
    }


def citation_table(docs) -> pd.DataFrame:
    """Citations of every document, in corpus order."""
    frames = [extract_citations(d) for d in docs]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=CITATION_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def citation_matrix(citations: pd.DataFrame, *, min_citing: int = 1) -> pd.DataFrame:
    """Cited document × citing document (1 = cites); rows cited by ``min_citing`` or more."""
    if citations.empty:
        return pd.DataFrame()
    m = pd.crosstab(citations["cited_number"], citations["doc_id"]).clip(upper=1)
    m = m[list(dict.fromkeys(citations["doc_id"]))]
    m = m[m.sum(axis=1) >= min_citing]
    order = m.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return m.loc[order]
