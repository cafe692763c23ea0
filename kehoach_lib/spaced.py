"""Tables whose cells are run together with single spaces, as text copied from a PDF viewer has
them::

    STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành
    5.1 Cắt giảm thời gian cấp giấy phép xây dựng Sở Xây dựng UBND các xã, phường Quý IV/2025

The header is known by its column names (:data:`COLUMN_NAMES`, read left to right until the
line is used up). A row is cut from its ends: its number first, then the time column's cell
(the longest run of words at the end that says when), then the agency columns (read from the
end back, each run of words that names a known agency, at most :data:`AGENCY_WORDS` words and
none that only a task's text has; the first is the lead, the others help); the rest is the
task's text. A row that cannot be cut so (no agency and no time where the header has them) is
left whole in the text column and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

#: Column names a header may run together, longest first where one begins another.
COLUMN_NAMES = {
    "text": ("Nội dung nhiệm vụ", "Nội dung công việc", "Tên nhiệm vụ", "Nội dung", "Nhiệm vụ"),
    "lead": ("Cơ quan chủ trì thực hiện", "Cơ quan chủ trì", "Đơn vị chủ trì", "Cơ quan thực hiện", "Chủ trì"),
    "partners": ("Cơ quan phối hợp thực hiện", "Cơ quan phối hợp", "Đơn vị phối hợp", "Phối hợp"),
    "time": ("Thời gian hoàn thành", "Thời hạn hoàn thành", "Thời gian thực hiện", "Thời hạn", "Thời gian",
             "Tiến độ"),
    "product": ("Sản phẩm", "Kết quả"),
    "note": ("Ghi chú",),
}
_HEADER_START = re.compile(r"^(?:STT|TT|Số TT)\s+", re.IGNORECASE)
_ROW = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>\.?)\s+(?P<rest>\S.*)$")
#: Longest time cell, in words ("Quý IV/2025 – Quý I/2026").
TIME_WORDS = 8


@dataclass
class SpacedTable:
    columns: list[str]  # the header's columns, as :data:`COLUMN_NAMES` keys, after the number's
    header: int  # 0-based line of the header
    rows: dict[int, str] = field(default_factory=dict)  # 0-based line -> tab-separated row
    kept: list[int] = field(default_factory=list)  # rows that could not be cut into the columns


def header_columns(line: str) -> list[str] | None:
    """The columns of a header that runs its names together, or ``None``."""
    m = _HEADER_START.match(line.strip())
    if not m or "\t" in line or "  " in line.strip():
        return None
    rest, columns = line.strip()[m.end():], []
    while rest:
        found = next(((k, n) for k, names in COLUMN_NAMES.items() for n in names
                      if rest.lower().startswith(n.lower()) and (len(rest) == len(n) or rest[len(n)] == " ")), None)
        if found is None:
            return None
        columns.append(found[0])
        rest = rest[len(found[1]):].strip()
    # (with an agency's column: "STT Nội dung Thời hạn" in a sentence that lists a form's columns is none)
    return columns if columns[:1] == ["text"] and {"lead", "partners"} & set(columns) else None


#: A word of a time cell: "Quý", "IV/2025", "–", "đến", "Trước", "ngày", "30/6/2025", "Thường xuyên".
_TIME_WORD = re.compile(r"^(?:[-–—]|đến|và|[Qq]uý|[Tt]háng|[Nn]ăm|[Tt]rước|[Tt]rong|[Nn]gày|[Hh]oàn|thành|[Tt]ừ"
                        r"|[Hh]ằng|[Hh]àng|[Tt]hường|xuyên|[Đđ]ịnh|kỳ|[IVX]+(?:/\d{4})?,?|\d[\d/.,-]*)$")


def _time_cut(words: list[str], deadline: Callable[[str], bool]) -> int:
    """Where the time cell starts in ``words`` (``len(words)`` for none): the shortest end that
    says when, then on to the left over words of time ("Quý IV/2025 – Quý I/2026"), at most
    :data:`TIME_WORDS` words, starting with a capital or a digit."""
    for k in range(len(words) - 1, max(0, len(words) - TIME_WORDS) - 1, -1):
        if _TIME_WORD.match(words[k]) and deadline(" ".join(words[k:])):
            while k > 1 and len(words) - k < TIME_WORDS and _TIME_WORD.match(words[k - 1]):
                k -= 1
            while k < len(words) and not (words[k][:1].isupper() or words[k][:1].isdigit()):
                k += 1
            return k
        if not _TIME_WORD.match(words[k]):
            break
    return len(words)


#: Words of a task's text that no agency's name holds: a run of words with one of them is no agency.
_NOT_IN_NAMES = re.compile(r"\b(?:hồ sơ|thủ tục|dữ liệu|thực hiện|hướng dẫn|rà soát|triển khai|cung cấp|công bố"
                           r"|kiểm tra|cắt giảm|đơn giản hóa|số hóa|cấp giấy|đối với|theo)\b", re.IGNORECASE)
#: Most words of one agency's name ("Trung tâm Phục vụ hành chính công tỉnh").
AGENCY_WORDS = 10


def _agency_cuts(words: list[str], is_agency: Callable[[str], bool]) -> list[int] | None:
    """Where the agency cells start: read from the end of ``words`` back, the longest run of at
    most :data:`AGENCY_WORDS` words before the last cut that names an agency (``is_agency``),
    beginning with a capital, while there is one (``None`` when the last words name none)."""
    cuts: list[int] = []
    end = len(words)
    while end > 1:
        # the longest name that ends here ("Văn phòng UBND tỉnh", not "UBND tỉnh")
        starts = [k for k in range(max(1, end - AGENCY_WORDS), end)
                  if words[k][:1].isupper() and not _NOT_IN_NAMES.search(name := " ".join(words[k:end]).strip(" ;,"))
                  and is_agency(name)]
        # ... that is not two names run together ("Văn phòng UBND tỉnh Công an tỉnh")
        whole = [k for k in starts if not any(
            words[m][:1].isupper() and is_agency(" ".join(words[k:m]).strip(" ;,")) and m in starts
            for m in range(k + 1, end))]
        if not whole:
            break
        cuts.insert(0, end := whole[0])
    return cuts or None


def _cells_of_names(names: list[str]) -> list[str]:
    """Names run together, grouped into cells: a name ending in ``;`` or ``,`` goes on in the
    next one's cell ("VNPT tỉnh; Viettel tỉnh" is one lead cell)."""
    cells: list[str] = []
    for name in names:
        if cells and cells[-1].endswith((";", ",")):
            cells[-1] = f"{cells[-1]} {name}"
        else:
            cells.append(name)
    return cells


def split_row(rest: str, columns: list[str], *, is_agency: Callable[[str], bool],
              deadline: Callable[[str], bool]) -> list[str] | None:
    """The cells of a row's text after its number, in the order of ``columns``, or ``None``."""
    words = rest.split()
    cells = dict.fromkeys(columns, "")
    end = len(words)
    if "time" in columns:
        cut = _time_cut(words, deadline)
        cells["time"], end = " ".join(words[cut:]), cut
    wanted = [c for c in ("lead", "partners") if c in columns]
    if wanted:
        cuts = _agency_cuts(words[:end], is_agency)
        if cuts:
            chunks = _cells_of_names([" ".join(words[a:b]) for a, b in zip(cuts, [*cuts[1:], end], strict=True)])
            cells[wanted[0]] = chunks[0]
            if len(wanted) > 1:
                cells["partners"] = "; ".join(c.strip(" ;,") for c in chunks[1:])
            elif len(chunks) > 1:
                cells[wanted[0]] = "; ".join(c.strip(" ;,") for c in chunks)
            end = cuts[0]
    if not any(cells[c] for c in columns if c in ("time", "lead", "partners")):
        return None
    cells["text"] = " ".join(words[:end])
    return [cells[c] for c in columns]


def spaced_tables(lines: list[str], *, is_agency: Callable[[str], bool],
                  deadline: Callable[[str], bool]) -> list[SpacedTable]:
    """Every table of ``lines`` whose header runs its column names together, its rows cut into
    cells (the rows are the numbered lines right after the header, up to a line that is not
    one; a wrapped row is not joined)."""
    tables = []
    for i, line in enumerate(lines):
        columns = header_columns(line)
        if columns is None:
            continue
        table = SpacedTable(columns, i)
        table.rows[i] = "\t".join(["STT", *(COLUMN_NAMES[c][0] for c in columns)])
        # the rows' numbers have one shape ("5.1", "5.2" or "1", "2"; "6." or "2." after them are the plan's)
        shape = None
        for j in range(i + 1, len(lines)):
            m = _ROW.match(lines[j].strip())
            if not lines[j].strip() or "\t" in lines[j] or m is None:
                break
            if shape is None:
                shape = (m.group("num").count("."), m.group("dot"))
            elif (m.group("num").count("."), m.group("dot")) != shape:
                break
            cells = split_row(m.group("rest"), columns, is_agency=is_agency, deadline=deadline)
            if cells is None:
                table.kept.append(j)
                table.rows[j] = "\t".join([m.group("num"), m.group("rest"), *([""] * (len(columns) - 1))])
            else:
                table.rows[j] = "\t".join([m.group("num"), *cells])
        tables.append(table)
    return tables
