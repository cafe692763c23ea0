"""Cite: the central and provincial documents a plan cites.

``Nghị quyết số 66/NQ-CP ngày 26/3/2025``, ``Quyết định 766/QĐ-TTg``,
``Nghị định số 61/2018/NĐ-CP``, ``Công văn số 3995/UBND-NC``, ``Kết luận 127-KL/TW`` …
become rows of a normalised table: the cited number (``66/NQ-CP``), its type, its issuer
(from the number's suffix) and its date when the text gives one.

A document cited in a shorter form and in full (``107/NĐ-CP`` and ``107/2021/NĐ-CP``,
``3995/UBND`` and ``3995/UBND-NC``) is one document, named by its fullest form in the corpus,
when that is unambiguous (:func:`unify_numbers`); ``cited_as`` keeps the forms as written.

A central number (``66/NQ-CP``, ``766/QĐ-TTg``) names one document everywhere, but every
province's UBND, HĐND and Tỉnh ủy number their own documents, so ``01/CT-UBND`` of Bắc Giang
and ``01/CT-UBND`` of Bến Tre are two documents. ``cited_key`` says which one a row means:
the ``cited_number`` for a central issuer, ``cited_number + " (" + province + ")"`` for a
provincial one or an issuer the suffix does not name (the citing document's province; without
one, its ``doc_id``): ``01/CT-UBND (Bắc Giang)``. :func:`citation_matrix` has a row per key.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

import pandas as pd

from .load import Document, iso_date

CITATION_COLUMNS = ["doc_id", "cited_number", "cited_type", "issuer", "cited_date", "line", "context",
                    "cited_as", "cited_key"]
#: Columns of one document's citations as read, before :func:`unify_numbers` names them.
_READ_COLUMNS = CITATION_COLUMNS[:-1]
#: Separator of several written forms in ``cited_as`` (a document cited two ways by one plan).
FORMS_SEPARATOR = "; "

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
#: Codes of the documents whose numbers always carry their year (Nghị định, Thông tư).
_ALWAYS_DATED = frozenset({"NĐ", "TT"})
#: Issuer by the suffix of the number.
_ISSUERS = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ",
    "UBND": "UBND tỉnh", "TW": "Trung ương Đảng", "TU": "Tỉnh ủy", "QH": "Quốc hội",
    "QH15": "Quốc hội", "BNV": "Bộ Nội vụ", "BTTTT": "Bộ Thông tin và Truyền thông",
    "HĐND": "HĐND tỉnh",
}
_TYPE_WORDS = "|".join(sorted((re.escape(k) for k in _TYPES), key=len, reverse=True))
_NUMBER = (
    r"(?P<number>\d{1,5}(?:\.\d+)?(?:/\d{4})?[/-](?:[A-ZĐ][A-Za-zĐđ0-9&]*)(?:[-/][A-ZĐ][A-Za-zĐđ0-9&]*)*"
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
_YEAR = re.compile(r"\d{4}")
#: Issuers whose numbers repeat from province to province: a short form of theirs is completed
#: only from citations by documents of the same province (or, without one, the same document).
_LOCAL_ISSUERS = frozenset({"UBND tỉnh", "HĐND tỉnh", "Tỉnh ủy"})


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


def _cited_date(written: str | None) -> str:
    """``YYYY-MM-DD`` of a citation's date as :data:`_CITATION` captures it after ``ngày``
    (``26/3/2025``, ``07/ 8/2017``, ``26 tháng 3 năm 2025``), read by :func:`.load.iso_date`;
    ``""`` for none, for a day that does not exist (``31/02/2023``: a typing slip) and for a
    year outside :data:`.load.DATE_YEARS`."""
    if not written:
        return ""
    return iso_date("ngày " + re.sub(r"\s*/\s*", "/", written)) or ""


def extract_citations(doc: Document) -> pd.DataFrame:
    """Documents cited by ``doc``, one row per cited document (first mention wins).

    Lines are read joined, so a citation wrapped over two lines keeps its date. A shorter form
    of a number the document also gives in full is that number (:func:`unify_numbers`, with
    the document as the corpus), and ``cited_key`` names a provincial number by the document's
    province (or, without one, its ``doc_id``).
    """
    return unify_numbers(_extract(doc), {doc.doc_id: doc.province})


def _extract(doc: Document) -> pd.DataFrame:
    """One row per number as written (``cited_as`` = ``cited_number``), first mention wins."""
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
    out = pd.DataFrame(sorted(rows.values(), key=lambda r: r["_pos"]), columns=_READ_COLUMNS)
    return out.astype({c: "str" for c in _READ_COLUMNS if c != "line"})


def _same_number(a: str, b: str) -> bool:
    """One number written two ways: ``145/KH-UBND`` and ``145-KH-UBND`` (a file name's)."""
    return bool(a) and a.replace("/", "-").upper() == b.replace("/", "-").upper()


def _add(rows, doc, starts, text, m, kind, own):
    number = normalize_number(m.group("number"))
    if _same_number(number, own) or number in rows:
        if number in rows and not rows[number]["cited_date"] and m.group("date"):
            rows[number]["cited_date"] = _cited_date(m.group("date"))
        return
    _, issuer = number_parts(number)
    start, end = m.span()
    rows[number] = {
        "doc_id": doc.doc_id, "cited_number": number, "cited_type": kind, "issuer": issuer,
        "cited_date": _cited_date(m.group("date")), "line": bisect_right(starts, start),
        "context": text[max(0, start - 60) : end + 60].strip(), "cited_as": number, "_pos": start,
    }


def citation_table(docs) -> pd.DataFrame:
    """Citations of every document, in corpus order, one row per document and cited document.

    Shorter forms of a number are unified across the corpus (:func:`unify_numbers`): the row
    is named by the fullest form and ``cited_as`` gives the forms the citing document wrote.
    ``cited_key`` is the document meant: ``cited_number`` for central issuers, with the citing
    document's ``Document.province`` (or its ``doc_id``) after it for provincial ones
    (``01/CT-UBND (Bắc Giang)``).
    """
    docs = list(docs)
    frames = [_extract(d) for d in docs]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame(columns=CITATION_COLUMNS)
    return unify_numbers(pd.concat(frames, ignore_index=True), {d.doc_id: d.province for d in docs})


def number_key(number: str) -> tuple[str, str, tuple[str, ...]]:
    """(number, year, codes) of a cited number: ``107/2021/NĐ-CP`` -> (107, 2021, (NĐ, CP)),
    ``127-KL/TW`` -> (127, "", (KL, TW)); separators are not told apart."""
    first, *rest = re.split(r"[/-]", number)
    year = rest.pop(0) if rest and _YEAR.fullmatch(rest[0]) else ""
    return first, year, tuple(rest)


def is_fuller_form(short: str, full: str) -> bool:
    """Whether ``full`` is ``short`` with more written: the year (``107/NĐ-CP`` ->
    ``107/2021/NĐ-CP``) or trailing codes (``3995/UBND`` -> ``3995/UBND-NC``).

    ``short`` must name its issuer (a code that is not a type code: ``66/NQ`` is never
    completed), and its codes must begin ``full``'s, with the same number and no other year.
    """
    n1, y1, c1 = number_key(short)
    n2, y2, c2 = number_key(full)
    # a year is added only to types that always carry one (decrees, circulars); a Decision of
    # the Prime Minister or a provincial resolution is numbered in two series, with and
    # without a year (28/2018/QĐ-TTg and 28/QĐ-TTg are different decisions)
    adds_year = bool(y2 and not y1)
    return (n1 == n2 and c2[: len(c1)] == c1 and (not y1 or y1 == y2)
            and (len(c2) > len(c1) or adds_year)
            and (not adds_year or bool(set(c1) & _ALWAYS_DATED))
            and any(c not in _CODES for c in c1))


#: A ministry's code: Bộ Tư pháp ``BTP``, Bộ Tài chính ``BTC``, Bộ Kế hoạch và Đầu tư ``BKHĐT``;
#: not a province's boards (Ban Chỉ đạo ``BCĐ``, Ban Quản lý ``BQL``, Ban Dân tộc ``BDT``).
_MINISTRY = re.compile(r"^(?!BCĐ$|BQL|BDT$|BCH)B[A-ZĐ&]{1,7}$")


def _is_central(number: str, issuer: str) -> bool:
    """A central document: a central issuer (Chính phủ, Thủ tướng, a ministry: ``BTP``), or a
    decree or circular (``NĐ``, ``TT``), which only central bodies issue."""
    if issuer in _LOCAL_ISSUERS:
        return False
    if issuer in _ISSUERS.values() or _MINISTRY.match(issuer or ""):
        return True
    codes = re.split(r"[/-]", number)[1:]
    return bool(set(codes) & _ALWAYS_DATED)


def _scope(issuer: str, doc_id: str, provinces: dict, number: str = "") -> tuple[str, str]:
    """Where a number is unique: the corpus for central documents, else the citing province."""
    if issuer and _is_central(number, issuer):
        return ("corpus", "")
    province = str(provinces.get(doc_id, "") or "").strip()
    return ("province", province) if province else ("document", doc_id)


def _key(number: str, issuer: str, doc_id: str, provinces: dict) -> str:
    """The ``cited_key`` of a number cited by ``doc_id``: the number where it is unique in the
    corpus, else the number with its province (or the citing document) in brackets."""
    kind, where = _scope(issuer, doc_id, provinces, number)
    return number if kind == "corpus" else f"{number} ({where})"


def _agree(short: dict, full: dict, full_year: str) -> bool:
    """No evidence that two forms are different documents: dates, the number's year, types."""
    if short["dates"] and full["dates"] and not short["dates"] & full["dates"]:
        return False
    if full_year and any(d[:4] != full_year for d in short["dates"]):
        return False
    return not (short["types"] and full["types"] and not short["types"] & full["types"])


def unify_numbers(citations: pd.DataFrame, provinces: dict | None = None) -> pd.DataFrame:
    """A new citation table where a shorter form of a number is its fullest form in the table.

    A form is replaced when exactly one fullest form of it (:func:`is_fuller_form`, not itself
    shorter than another) is cited in its scope and nothing contradicts it (a different date,
    a date of another year than the full number's, another document type); with both
    ``45/2020/NĐ-CP`` and ``45/2013/NĐ-CP`` cited, ``45/NĐ-CP`` stays. The scope is the whole
    table for central issuers and, for provincial ones (UBND, HĐND, Tỉnh ủy, unknown codes),
    documents of the same province (``provinces``: doc_id -> province; a document without one
    is its own scope). ``cited_as`` keeps the forms as written; a document citing one document
    in two forms keeps one row, at its first mention, with the first date given.

    ``cited_key`` (added, or recomputed) is the unified number for central issuers and
    ``number (province)`` for the others (``number (doc_id)`` without a province), so one
    province's citations of its ``01/CT-UBND`` share a key and two provinces' do not.
    """
    if citations.empty:
        out = citations.copy()
        for column in ("cited_as", "cited_key"):
            if column not in out:
                out[column] = pd.Series(dtype="str")
        return out
    provinces = provinces or {}
    rows = citations.to_dict("records")
    for r in rows:
        if not isinstance(r.get("cited_as"), str) or not r["cited_as"]:
            r["cited_as"] = r["cited_number"]
    evidence: dict[tuple, dict] = {}
    for r in rows:
        r["_scope"] = _scope(r["issuer"], r["doc_id"], provinces, r["cited_number"])
        e = evidence.setdefault((r["_scope"], r["cited_number"]), {"dates": set(), "types": set()})
        e["dates"].update([r["cited_date"]] if r["cited_date"] else [])
        e["types"].update([r["cited_type"]] if r["cited_type"] else [])
    forms: dict[tuple, list[str]] = {}  # (scope, the number's digits) -> its forms
    for scope, number in evidence:
        forms.setdefault((scope, number_key(number)[0]), []).append(number)
    target: dict[tuple, str] = {}
    for (scope, _), numbers in forms.items():
        for short in numbers:
            fuller = [f for f in numbers if is_fuller_form(short, f)]
            fullest = [f for f in fuller if not any(is_fuller_form(f, g) for g in fuller)]
            if len(fullest) == 1 and all(
                    _agree(evidence[(scope, short)], evidence[(scope, f)], number_key(fullest[0])[1])
                    for f in fuller):
                target[(scope, short)] = fullest[0]
    merged: dict[tuple, dict] = {}
    for r in rows:
        number = target.get((r["_scope"], r["cited_number"]), r["cited_number"])
        key = (r["doc_id"], number)
        if key not in merged:
            merged[key] = {**r, "cited_number": number,
                           "issuer": number_parts(number)[1] or r["issuer"]}
            continue
        kept = merged[key]
        kept["cited_date"] = kept["cited_date"] or r["cited_date"]
        written = kept["cited_as"].split(FORMS_SEPARATOR) + r["cited_as"].split(FORMS_SEPARATOR)
        kept["cited_as"] = FORMS_SEPARATOR.join(dict.fromkeys(written))
    for r in merged.values():
        r["cited_key"] = _key(r["cited_number"], r["issuer"], r["doc_id"], provinces)
    columns = list(dict.fromkeys([*citations.columns, "cited_as", "cited_key"]))
    out = pd.DataFrame(list(merged.values()), columns=columns)
    return out.astype({c: "str" for c in CITATION_COLUMNS if c != "line" and c in out})


def citation_matrix(citations: pd.DataFrame, *, min_citing: int = 1) -> pd.DataFrame:
    """Cited document × citing document (1 = cites); rows cited by ``min_citing`` or more.

    Rows are the ``cited_key`` of the citations (index named ``cited_key``): one row per
    central number, and per province for provincial numbers, so ``01/CT-UBND (Bắc Giang)``
    and ``01/CT-UBND (Bến Tre)`` are two rows. A table without ``cited_key`` (made by hand, or
    read back from an older file) gets it from its issuers with no provinces known: a
    provincial number is then a row of its own for each citing document.
    """
    if citations.empty:
        return pd.DataFrame()
    keys = citations["cited_key"] if "cited_key" in citations else pd.Series(
        [_key(n, i, d, {}) for n, i, d in zip(citations["cited_number"], citations["issuer"],
                                                citations["doc_id"], strict=True)],
        index=citations.index, dtype="str")
    m = pd.crosstab(keys.rename("cited_key"), citations["doc_id"]).clip(upper=1)
    m = m[list(dict.fromkeys(citations["doc_id"]))]
    m = m[m.sum(axis=1) >= min_citing]
    order = m.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return m.loc[order]
