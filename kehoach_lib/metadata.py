"""Metadata: province, number, type and date read from a document's header.

Used when a document has no manifest row: ``Số: 58/KH-UBND`` gives the number and the type
(KH → kế hoạch; a number without a plan code, with "V/v", → công văn); ``Bắc Giang, ngày 08
tháng 4 năm 2025`` gives the province and the date (a blank day gives ``YYYY-MM``); the line
after ``KẾ HOẠCH`` gives the title. The fields found are listed as guessed.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"Số\s*:\s*(?P<number>\d*\s*/\s*[A-ZĐ0-9-]+(?:/[A-ZĐ0-9-]+)*)")
_DATELINE = re.compile(
    r"(?P<place>(?:[A-ZĐÂ-Ỹ][a-zđà-ỹ]+\s){0,3}[A-ZĐÂ-Ỹ][a-zđà-ỹ]+),\s*ngày\s*(?P<day>\d{0,2})\s*tháng\s*(?P<month>\d{1,2})"
    r"\s*năm\s*(?P<year>\d{4})"
)
_KIND_WORDS = {"KẾ HOẠCH": "kế hoạch", "QUYẾT ĐỊNH": "quyết định", "CÔNG VĂN": "công văn",
               "CHỈ THỊ": "chỉ thị", "THÔNG BÁO": "thông báo"}
_CODES = {"KH": "kế hoạch", "QĐ": "quyết định", "CT": "chỉ thị", "TB": "thông báo", "BC": "báo cáo"}
HEADER_LINES = 20


def guess_metadata(lines) -> dict[str, str]:
    """Fields read from the first lines of a document (only those found)."""
    head = [re.sub(r"\s+", " ", ln.replace("|", " ")).strip() for ln in list(lines)[:HEADER_LINES]]
    found: dict[str, str] = {}
    for i, line in enumerate(head):
        if "number" not in found and (m := _NUMBER.search(line)):
            found["number"] = re.sub(r"\s+", "", m.group("number"))
        if "date" not in found and (m := _DATELINE.search(line)):
            place = m.group("place").strip()
            place = re.sub(r"^(tỉnh|thành phố|TP\.?)\s+", "", place, flags=re.IGNORECASE)
            found["province"] = place
            day, month, year = m.group("day"), int(m.group("month")), m.group("year")
            found["date"] = f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"
        key = line.upper().strip()
        if "doc_type" not in found and key in _KIND_WORDS:
            found["doc_type"] = _KIND_WORDS[key]
            if i + 1 < len(head) and head[i + 1]:
                found["title"] = head[i + 1].strip()
    if "doc_type" not in found and "number" in found:
        codes = re.split(r"[/-]", found["number"])
        kind = next((_CODES[c] for c in codes if c in _CODES), None)
        if kind is None and any(ln.startswith("V/v") for ln in head):
            kind = "công văn"
        if kind:
            found["doc_type"] = kind
    return found
