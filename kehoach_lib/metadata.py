"""Metadata: province, number, type and date read from a document's header.

Used when a document has no manifest row: ``Số: 58/KH-UBND`` gives the number and the type
(KH → kế hoạch; a number without a plan code, with "V/v", → công văn); ``Bắc Giang, ngày 08
tháng 4 năm 2025`` gives the province and the date (a blank day gives ``YYYY-MM``); the line
after ``KẾ HOẠCH`` gives the title. The fields found are listed as guessed.

The province is read, in this order, from: the issuer in the header (``ỦY BAN NHÂN DÂN TỈNH
BẮC GIANG``, ``UBND THÀNH PHỐ HẢI PHÒNG``); the place line, when it names a province; the
text's mentions (``tỉnh Bến Tre`` at least :data:`MIN_MENTIONS` times, more than any other
province); else none (a warning says so where it matters). Province names come from the
editable ``data/province_names.csv``, so the place line of a district's document (``Lục Nam,
ngày …``) or a city's (``Vinh, ngày …``) never passes for a province.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from . import config

#: "Số: 58/KH-UBND", also codes with small letters: "38/CTr-UBND" (chương trình), "215/TTr-VP".
_NUMBER = re.compile(r"Số\s*:\s*(?P<number>\d*\s*/\s*[A-ZĐ0-9][A-ZĐa-zđ0-9-]*(?:/[A-ZĐ0-9][A-ZĐa-zđ0-9-]*)*)")
_DATELINE = re.compile(
    r"(?P<place>(?:[A-ZĐÂ-Ỹ][a-zđà-ỹ]+\s){0,3}[A-ZĐÂ-Ỹ][a-zđà-ỹ]+),\s*ngày\s*(?P<day>\d{0,2})\s*tháng\s*(?P<month>\d{1,2})"
    r"\s*năm\s*(?P<year>\d{4})"
)
_KIND_WORDS = {"KẾ HOẠCH": "kế hoạch", "QUYẾT ĐỊNH": "quyết định", "CÔNG VĂN": "công văn",
               "CHỈ THỊ": "chỉ thị", "THÔNG BÁO": "thông báo", "CHƯƠNG TRÌNH": "chương trình",
               "CHƯƠNG TRÌNH HÀNH ĐỘNG": "chương trình", "BÁO CÁO": "báo cáo"}
#: What follows a document's type after a blank line without being its title: the preamble
#: ("Căn cứ …", "Thực hiện …;" ending as a preamble's line does) or the first heading ("I. MỤC
#: ĐÍCH, YÊU CẦU"); "Thực hiện Nghị quyết số 66/NQ-CP …" alone is a title.
NOT_TITLE = re.compile(r"^(?:Căn cứ|Kính gửi|[IVX]{1,5}\.|\d{1,2}\.)\s|^(?:Thực hiện|Theo)\s.*[;,:]$")
#: A page that reports the plan it carries: "Ngày 25/4/2025, UBND tỉnh Tây Ninh ban hành Kế hoạch
#: số 1456/KH-UBND …" (a portal's lead sentence, when the page shows no header).
_ISSUED = re.compile(
    # (by a province's people's committee or its chair: not a ministry's letter the page cites)
    r"[Nn]gày\s+(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4}),?\s+"
    r"(?:(?:Phó\s+)?Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(?:\s*\(UBND\))?\s+(?:tỉnh|thành phố|TP\.?)"
    r"\s+[^.,]{0,60}?\s*\b(?:đã\s+)?(?:ký\s+)?ban hành\s+"
    r"(?P<kind>Kế hoạch|Công văn|Quyết định|Chỉ thị)\s+số\s+(?P<number>\d+\s*/\s*[A-ZĐ0-9-]+(?:/[A-ZĐ0-9-]+)*)")
_CODES = {"KH": "kế hoạch", "QĐ": "quyết định", "CT": "chỉ thị", "TB": "thông báo", "BC": "báo cáo",
          "CTr": "chương trình", "CTHĐ": "chương trình"}
HEADER_LINES = 20
PROVINCE_NAMES_FILE = config.DATA_DIR / "province_names.csv"
#: A province named in the text this many times (and more than any other) is the document's.
MIN_MENTIONS = 2
#: Words before a province's name: the issuer (ỦY BAN NHÂN DÂN TỈNH …) or a mention (tỉnh …).
_BEFORE_NAME = re.compile(r"\b(?:tỉnh|thành\s+phố|TP\.?)\s+", re.IGNORECASE)
_ISSUER = re.compile(r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND", re.IGNORECASE)
_NAME_WORDS = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
#: Longest province name, in words (Bà Rịa - Vũng Tàu, Thừa Thiên Huế).
_MAX_NAME_WORDS = 4


def name_key(name: str) -> str:
    """A province name's spelling, tone marks and case made alike (``THANH HOÁ`` = ``Thanh Hóa``)."""
    from .text import normalize_tone_marks

    words = _NAME_WORDS.findall(normalize_tone_marks(unicodedata.normalize("NFC", name)).casefold())
    return " ".join(words)


@config.reread_on_change
def load_province_names(path: str | Path = PROVINCE_NAMES_FILE) -> dict[str, str]:
    """Every spelling of ``province_names.csv`` (as :func:`name_key` makes it) -> the name."""
    names = {}
    for row in config.data_rows(path):
        for spelling in [row["name"], *(row.get("also") or "").split(";")]:
            if spelling.strip():
                names[name_key(spelling)] = row["name"].strip()
    return names


def province_name(words: str, names: dict[str, str] | None = None) -> str | None:
    """The province whose name starts ``words`` (the longest that fits), or None; ``names`` is
    :func:`load_province_names` (read when not given)."""
    names = load_province_names(PROVINCE_NAMES_FILE) if names is None else names
    found = name_key(words).split()
    for n in range(min(_MAX_NAME_WORDS, len(found)), 0, -1):
        if (name := names.get(" ".join(found[:n]))) is not None:
            return name
    return None


def _provinces_after_marker(text: str) -> list[str]:
    """The known provinces named right after each ``tỉnh``/``thành phố``/``TP.`` of ``text``."""
    out, names = [], load_province_names(PROVINCE_NAMES_FILE)  # once, not at every mention
    for m in _BEFORE_NAME.finditer(text):
        if (name := province_name(text[m.end() : m.end() + 60], names)) is not None:
            out.append(name)
    return out


def canonical_province(name: str) -> str | None:
    """The province a written name stands for (``tỉnh Thừa Thiên - Huế``, ``TP. Hồ Chí Minh``,
    ``THANH HOÁ``), or None when it names none."""
    text = str(name or "").strip()
    words = text[m.end():] if (m := _BEFORE_NAME.match(text)) else text
    found = province_name(words)
    return found if found and len(name_key(found).split()) == len(name_key(words).split()) else None


def provinces_named(text: str) -> Counter:
    """How often ``text`` names each known province (after ``tỉnh``, ``thành phố``, ``TP.``)."""
    return Counter(_provinces_after_marker(text))


def guess_province(lines) -> tuple[str, str] | None:
    """(province, where it was read: ``header`` or ``text: N mentions``) for a document's
    lines, in the order of the module's docstring; None when nothing names one."""
    lines = list(lines)
    head = header_lines(lines)
    # the issuer, in capitals: a cell (of a header flattened with |) that starts with ỦY BAN
    # NHÂN DÂN TỈNH …, or with TỈNH … (the issuer's second line); a sentence is not a header
    for line in head:
        if " ".join(line.replace("|", " ").split()).upper() in _KIND_WORDS or line.strip().startswith("V/v"):
            break  # the issuer stands above the document's type; the title's lines come after it
        for cell in (" ".join(c.split()) for c in line.split("|")):
            if not cell.isupper():
                continue
            if m := _ISSUER.match(cell):
                cell = cell[m.end() :].strip()
            if _BEFORE_NAME.match(cell) and (names := _provinces_after_marker(cell)):
                return names[0], "header"
    place = next((m.group("place").strip() for ln in head if (m := _DATELINE.search(ln))), None)
    if place is not None:
        place = re.sub(r"^(tỉnh|thành phố|TP\.?)\s+", "", place, flags=re.IGNORECASE)
        if (name := province_name(place)) is not None and name_key(name) == name_key(place):
            return name, "header"
    counts = provinces_named("\n".join(lines)).most_common(2)
    if counts and counts[0][1] >= MIN_MENTIONS and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        return counts[0][0], f"text: {counts[0][1]} mentions"
    return None  # a place that is no province (a district, a city) is not guessed to be one


#: Words a title's line cannot end on: the title goes on on the next line ("… của Chính phủ về" /
#: "Chương trình cắt giảm …").
_OPEN_END = re.compile(r"\b(?:về|của|và|với|đến|trong|trên|tại|cho|theo|các|những|năm|giai đoạn|"
                       r"liên quan|thực hiện|triển khai|địa bàn(?: tỉnh| thành phố)?|tỉnh|thành phố)$",
                       re.IGNORECASE)
#: Lines a title never runs into: the preamble, the addressees, a decision's authority ("CHỦ TỊCH
#: ỦY BAN NHÂN DÂN TỈNH …"), the issuer or motto, a heading ("A. MỤC ĐÍCH"), the number.
_TITLE_STOP = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Kính gửi|CHỦ TỊCH|ỦY BAN NHÂN DÂN|CỘNG HÒA|Độc lập"
                         r"|Số\s*:|[A-ZĐ]\.\s|[IVX]{1,5}\.\s|\d{1,2}\.\s|\((?:Ban hành|Kèm theo|Kèm))")
#: The longest title read from a header (a scraped header may run into the text).
TITLE_LINES = 4


def _title(head: list[str], start: int) -> str:
    """The title from ``head[start]`` on: a wrapped title's lines go on while a line ends on a
    word a title cannot end on, or the next starts in lowercase."""
    lines = [head[start]]
    for nxt in head[start + 1 : start + TITLE_LINES]:
        # a title in capitals goes on in capitals ("… THỦ TỤC HÀNH" / "CHÍNH LIÊN QUAN …")
        capitals = lines[-1].isupper() and nxt.isupper()
        if (not nxt or NOT_TITLE.match(nxt) or _TITLE_STOP.match(nxt) or _DATELINE.search(nxt)
                or not (_OPEN_END.search(lines[-1]) or nxt[:1].islower() or capitals)):
            break
        lines.append(nxt)
    return " ".join(lines).strip()


#: Lines searched for the header's first line, on a page whose site chrome comes before it.
HEADER_SEARCH = 60
#: A header's first line: the issuer or the national motto.
_HEADER_START = re.compile(
    r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND (?:TỈNH|THÀNH PHỐ)|CỘNG HÒA XÃ HỘI|HỘI ĐỒNG NHÂN DÂN)")


def header_lines(lines) -> list[str]:
    """The :data:`HEADER_LINES` lines of a document's header, from its first line (the issuer,
    which a legal database's page puts after its menus and the document's attributes; else the
    document's first line), a header laid out in a table (tabs, or "|" as scrapes flatten it)
    cell by cell, and a letter's "V/v"
    subject apart from the number written before it in the same cell (a Markdown heading without
    its "#" marks)."""
    lines = list(lines)
    first = [ln for ln in lines[:HEADER_SEARCH] if ln.strip()][:5]
    looks_like_header = any(re.search(r"CỘNG HÒA|Độc lập|Số\s*:", ln) for ln in first)
    start = 0 if looks_like_header else next(
        (i for i, ln in enumerate(lines[:HEADER_SEARCH]) if _HEADER_START.match(ln.replace("|", " ").strip())), 0)
    out = []
    for ln in lines[start : start + HEADER_LINES]:
        for cell in re.split(r"[\t|]", ln):
            for part in re.split(r"\s+(?=V/v\b)", cell):
                # (a Markdown heading's level marks are no part of its text: "## Triển khai …")
                out.append(re.sub(r"^#{1,6}\s+", "", re.sub(r"\s+", " ", part).strip()))
    return out


def guess_metadata(lines) -> tuple[dict[str, str], dict[str, str]]:
    """Fields read from a document's lines (only those found), and where each was read
    (``header``, or for the province possibly the text: see :func:`guess_province`)."""
    lines = list(lines)
    head = header_lines(lines)
    found: dict[str, str] = {}
    where = {}
    if province := guess_province(lines):
        found["province"], where["province"] = province
    for i, line in enumerate(head):
        if "number" not in found and (m := _NUMBER.search(line)):
            found["number"] = re.sub(r"\s+", "", m.group("number"))
        if "date" not in found and (m := _DATELINE.search(line) or (
                # "Sóc Trăng, ngày 03 tháng 6 năm" / "2025": a dateline wrapped in its header cell
                re.search(r"năm\s*$", line) and i + 1 < len(head) and re.fullmatch(r"\d{4}", head[i + 1].strip())
                and _DATELINE.search(f"{line.rstrip()} {head[i + 1].strip()}"))):
            day, month, year = m.group("day"), int(m.group("month")), m.group("year")
            found["date"] = f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
        key = line.upper().strip()
        if "doc_type" not in found and key in _KIND_WORDS:
            found["doc_type"] = _KIND_WORDS[key]
            # the title is on the next line, or after one blank line; not the preamble or a heading
            nxt = next((k for k in range(i + 1, min(i + 3, len(head))) if head[k]), None)
            if nxt is not None and (nxt == i + 1 or not NOT_TITLE.match(head[nxt])):
                found["title"] = _title(head, nxt)
    if "number" not in found and "date" not in found:
        lead = next((m for ln in head for m in _ISSUED.finditer(ln)), None)
        if lead:
            found["number"] = re.sub(r"\s+", "", lead.group("number"))
            found["date"] = f"{lead.group('year')}-{int(lead.group('month')):02d}-{int(lead.group('day')):02d}"
            found.setdefault("doc_type", lead.group("kind").lower())
            where.update(number="text", date="text", doc_type="text")
    if "title" not in found:  # an official letter's subject line: "V/v triển khai …" / "của Chính phủ về …"
        subject = next((i for i, ln in enumerate(head) if re.match(r"V/v\b", ln)), None)
        if subject is not None and (first := re.sub(r"^V/v\.?\s*", "", head[subject])):
            found["title"] = _title([*head[:subject], first[:1].upper() + first[1:], *head[subject + 1 :]], subject)
    if "doc_type" not in found and "number" in found:
        codes = re.split(r"[/-]", found["number"])
        kind = next((_CODES[c] for c in codes if c in _CODES), None)
        if kind is None and any(ln.startswith("V/v") for ln in head):
            kind = "công văn"
        if kind:
            found["doc_type"] = kind
    return found, {field: where.get(field, "header") for field in found}
