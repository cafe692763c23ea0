"""Deadlines, recurrence and quantitative targets, read from Vietnamese text.

Small pure functions used by the parser:

- :func:`resolve_due` turns a deadline as written (``Quý III/2024 (trước ngày 15/7/2024)``)
  into the ISO date a researcher compares: an explicit day beats the period that contains
  it; several dates for successive steps or years give the latest; a month, quarter or
  year resolves to its last day; a missing year comes from the document.
- :func:`own_deadline_text` finds a deadline a task states in its own wording
  (``hoàn thành trước ngày 30/4/2025``), ignoring dates of cited documents.
- :func:`is_recurring` flags ongoing work (``Thường xuyên``, ``hằng tháng``, ``định kỳ``).
- :func:`extract_targets` lists quantities such as ``100%`` or ``ít nhất 30%``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MARKUP = re.compile(r"\*\*|<[^>]+>|[\u00b9\u00b2\u00b3\u2070-\u2079]")
_FULL_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
_LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
_MONTH = re.compile(r"tháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*(\d{4}))?(?![\d/])")
_QUARTER = re.compile(
    r"quý\s+(i{1,3}|iv|[1-4])(?:\s*-\s*(i{1,3}|iv|[1-4]))?(?:\s*(?:/|năm)\s*(\d{4}))?(?![\w/])"
)
_YEAR = re.compile(r"(?:trong|cả|hết|cuối)\s+năm\s+(\d{4})")
#: Dates that open a period (``Thực hiện từ 01/6/2023``) are starts, not deadlines.
_START = re.compile(r"\b(?:từ|bắt đầu)\s+(?:ngày\s+)?\d")
#: A date right after a document number is the cited document's date, not a deadline.
_CITED = re.compile(r"\d+/[\w.Đđ-]+\s+(?:ngày\s+)?$")
_RECURRING = re.compile(
    r"thường\s+xuyên|liên\s+tục|định\s+kỳ|(?:hằng|hàng)\s+(?:ngày|tuần|tháng|quý|năm)"
    # a list of periods ("quý I, II, III và năm") describes periodic work
    r"|quý\s+(?:i{1,3}|iv|[1-4])\s*,\s*(?:i{1,3}|iv|[1-4])\b"
)
#: Cue words that introduce a task's own deadline inside its text.
_OWN_DEADLINE = re.compile(
    r"(?:(?:hoàn\s+thành|xong|chậm\s+nhất(?:\s+xong)?|thời\s+hạn[^:]*:)\s*)?"
    r"(?:trước|chậm\s+nhất|trong|đến)\s+(?:ngày\s+)?"
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|tháng\s+\d{1,2}\s*/\s*\d{4}|quý\s+[ivx\d]+\s*(?:/|năm)\s*\d{4})",
    re.IGNORECASE,
)
_TARGET = re.compile(
    r"(?:(ít\s+nhất|tối\s+thiểu|tối\s+đa|trên|dưới|đạt|không\s+quá|giảm|cắt\s+giảm)\s+)?"
    r"(\d+(?:[.,]\d+)?)\s*%",
    re.IGNORECASE,
)


def strip_markup(text: str) -> str:
    """Remove bold markers, HTML tags and footnote superscripts."""
    return _MARKUP.sub("", text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", strip_markup(text)).lower()


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_number(token: str) -> int:
    return int(token) if token.isdigit() else _ROMAN[token]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def explicit_dates(text: str, *, year: int | None = None) -> list[date]:
    """Every explicit calendar day in ``text`` (start dates excluded)."""
    folded = _fold(text)
    found: list[date] = []
    spans: list[tuple[int, int]] = []
    for rx in (_FULL_DATE, _LONG_DATE):
        for m in rx.finditer(folded):
            spans.append(m.span())
            if _is_start(folded, m.start()) or _CITED.search(folded[max(0, m.start() - 40) : m.start()]):
                continue
            d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            if d:
                found.append(d)
    if year is not None:
        masked = _mask(folded, spans)
        for m in _DAY_MONTH.finditer(masked):
            if _is_start(masked, m.start()):
                continue
            d = _safe_date(year, int(m.group(2)), int(m.group(1)))
            if d:
                found.append(d)
    return found


def period_ends(text: str, *, year: int | None = None) -> list[date]:
    """Last days of the months, quarters and years named in ``text``."""
    folded = _mask(_fold(text), [m.span() for m in _FULL_DATE.finditer(_fold(text))])
    ends: list[date] = []
    for m in _MONTH.finditer(folded):
        y = int(m.group(2)) if m.group(2) else year
        month = int(m.group(1))
        if y and 1 <= month <= 12 and not _is_start(folded, m.start()):
            ends.append(_last_day(y, month))
    for m in _QUARTER.finditer(folded):
        y = int(m.group(3)) if m.group(3) else year
        if y:
            q = _quarter_number(m.group(2) or m.group(1))
            ends.append(_last_day(y, 3 * q))
    for m in _YEAR.finditer(folded):
        ends.append(date(int(m.group(1)), 12, 31))
    return ends


def resolve_due(deadline_text: str, *, year: int | None = None) -> date | None:
    """The ISO-comparable deadline of a deadline as written, or ``None``.

    An explicit day beats any period; among several, the latest wins. Without an explicit
    day, the latest end of a named month, quarter or year. A period without a year takes
    ``year`` (the document's) unless the text describes recurring work.
    """
    if not deadline_text or not deadline_text.strip():
        return None
    if is_recurring(deadline_text):
        explicit = explicit_dates(deadline_text)
        ends = period_ends(deadline_text)
    else:
        explicit = explicit_dates(deadline_text, year=year)
        ends = period_ends(deadline_text, year=year)
    if explicit:
        return max(explicit)
    return max(ends) if ends else None


def own_deadline_text(text: str) -> str:
    """Deadline phrases a task states in its own wording (``; ``-joined), or ``""``.

    Only dates introduced by a cue (``trước``, ``chậm nhất``, ``trong``, ``đến``) count, so
    the dates of cited documents (``Quyết định số 1015/QĐ-TTg ngày 30/8/2022``) do not.
    """
    phrases = [m.group(0).strip() for m in _OWN_DEADLINE.finditer(strip_markup(text))]
    return "; ".join(dict.fromkeys(phrases))


def is_recurring(text: str) -> bool:
    """True for ongoing or periodic work (``Thường xuyên``, ``hằng tháng``, ``định kỳ``)."""
    return bool(_RECURRING.search(_fold(text or "")))


def extract_targets(text: str) -> str:
    """Quantitative targets written in ``text``, ``; ``-joined in order of appearance."""
    found = []
    for m in _TARGET.finditer(strip_markup(text or "")):
        qualifier = (m.group(1) or "").strip()
        qualifier = re.sub(r"\s+", " ", qualifier)
        if qualifier.lower() in {"giảm", "cắt giảm"}:
            qualifier = ""
        value = m.group(2).replace(",", ".")
        found.append(f"{qualifier} {value}%".strip())
    return "; ".join(dict.fromkeys(found))


def _is_start(text: str, pos: int) -> bool:
    return bool(_START.search(text[max(0, pos - 12) : pos + 1]))


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
