"""Tables whose cells stand one a line: text copied out of a PDF's table ("select all, copy").

A PDF viewer gives a table's cells in reading order, each on its own line (a long cell wrapped
over several): "STT" / "Nội dung nhiệm vụ" / "Cơ quan chủ trì" / "Cơ quan phối hợp" / "Thời gian
hoàn thành", then "1" / "Rà soát, thống kê …" / "… phạm vi quản lý" / "Các sở, ban, ngành tỉnh" /
"Văn phòng UBND tỉnh" / "Trước ngày 15/9/2025", then "2" … No spaces or rules are left to find
the columns by, so a row is read by what its lines say: it starts at its number; its statement
runs until a line that names an agency; the agencies then are its lead and its partners (a line
that begins in lower case goes on the one before); a last line that reads as a deadline is its
deadline. A group row ("I" / "CẮT GIẢM, ĐƠN GIẢN HÓA …") keeps its title. A page number followed
by the header again, or a number out of turn, is a page break.

Only tables whose columns are the statement, agencies and a deadline are read so (a column of
products or notes would be taken for the statement's lines); others are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["StackedTable", "stacked_tables"]

#: A table's number column's name, which opens its header (also a borderless PDF table's).
HEADER_START = re.compile(r"^(?:s[ốo]\s*t\s*t|s\s*t\s*t|t\s*t|s[ốo]\s+thứ\s+tự)\.?$", re.IGNORECASE)
#: Column names, and which column each names.
#: (in this order: "Thời gian thực hiện" is a deadline, "Đơn vị phối hợp thực hiện" partners,
#: "Nội dung thực hiện" the statement)
_COLUMN_NAMES = [(re.compile(r"thời (?:gian|hạn)|tiến độ", re.IGNORECASE), "deadline"),
                 (re.compile(r"phối hợp", re.IGNORECASE), "partners"),
                 (re.compile(r"nội dung|nhiệm vụ|tên|công việc", re.IGNORECASE), "text"),
                 (re.compile(r"chủ trì|thực hiện", re.IGNORECASE), "lead")]
#: A header's name is short; its wrapped end ("hợp") begins in lower case.
NAME_CHARS = 40
_NUMBER = re.compile(r"^(\d{1,2})((?:\.\d{1,2})*)\.?$")
_GROUP = re.compile(r"^(?:[IVX]{1,5}|[A-H])\.?$")
#: How a deadline cell begins ("Trước ngày" / "30/9/2025", "Quý III" / "năm 2025").
_DEADLINE_START = re.compile(r"^(?:Trước|Chậm nhất|Quý|Tháng|Năm|Hoàn thành|Trong|Từ|Đến|Hằng|Định kỳ)\b",
                             re.IGNORECASE)
#: A statement's line that does not end it: "…, trình" / "Chủ tịch UBND tỉnh phê duyệt".
_OPEN_TAIL = re.compile(r"\b(?:trình|gửi|về|cho|với|của|tại|và|các|theo|đến|trên|giữa|thuộc)$")
#: A line the table never runs past: a numbered heading with its title ("IV. TỔ CHỨC THỰC HIỆN").
_HEADING = re.compile(r"^(?:[IVX]{1,5}|\d{1,2})\.\s+\S|^(?:PHỤ LỤC|Phụ lục|BIỂU)\b")


@dataclass
class StackedTable:
    """A table read from cells one a line: ``rows`` maps a row's first line (0-based) to the row
    as tab-separated cells; ``continued`` maps each of its other lines to that first line, and a
    page break's lines to None."""

    rows: dict[int, str] = field(default_factory=dict)
    continued: dict[int, int | None] = field(default_factory=dict)


def _header(lines: list[str], i: int) -> tuple[list[str], list[str], int] | None:
    """(the columns a header at line ``i`` names, their names as written, the line after it), or
    None."""
    if not HEADER_START.match(lines[i].strip()) or i + 1 >= len(lines):
        return None
    names: list[str] = []
    j = i + 1
    while (j < len(lines) and (text := lines[j].strip()) and len(text) <= NAME_CHARS
           and not _NUMBER.match(text) and not _GROUP.match(text)):
        if names and text[:1].islower():  # "Cơ quan phối" / "hợp"
            if not _cut(names[-1]):
                break  # a name that is whole: the lower-case line is a cell's (after a page break)
            names[-1] += " " + text
        else:
            names.append(text)
        j += 1
    kinds = [next((kind for rx, kind in _COLUMN_NAMES if rx.search(n)), None) for n in names]
    if (len(names) < 3 or None in kinds or kinds[0] != "text" or "lead" not in kinds
            or len(set(kinds)) != len(kinds)):
        return None  # a column it cannot tell (products, notes) would be read as the statement
    return kinds, names, j


def stacked_tables(lines: list[str], *, agency: re.Pattern, deadline: Callable[[str], bool]) -> list[StackedTable]:
    """The tables of ``lines`` whose cells stand one a line (see the module). ``agency`` matches
    a line that begins with an agency's name; ``deadline`` says whether a line reads as one."""
    out: list[StackedTable] = []
    i = 0
    while i < len(lines):
        found = _header(lines, i)
        if found is None:
            i += 1
            continue
        kinds, names, j = found
        table = StackedTable(rows={i: "\t".join(["STT", *names])})
        table.continued.update({k: i for k in range(i + 1, j)})
        row: list[int] = []
        expected, top = 1, 0  # the next row number, and the last one (of "1", not of "1.2")
        after_group = False
        k = _skip_column_numbers(lines, j, len(kinds) + 1, table)
        while k < len(lines):
            text = lines[k].strip()
            if not text:
                k += 1
                continue
            if _HEADING.match(text):
                break
            number = _NUMBER.match(text)
            repeated = _next_header(lines, k + 1)
            if number and repeated is not None:  # a page number, then the header again
                table.continued[k] = None
                table.continued.update({m: None for m in range(k + 1, repeated)})
                k = repeated
                continue
            if (repeated := _header(lines, k)) is not None:  # the header again, with no page number
                table.continued.update({m: None for m in range(k, repeated[-1])})
                k = repeated[-1]
                continue
            value = int(number.group(1)) if number else 0
            sub_row = bool(number and number.group(2)) and value == top  # "1.2" under row "1"
            # a row's number: the next one, a sub-number of the last, or 1 again after a group
            if number and (sub_row or (not number.group(2) and (value == expected or (after_group and value == 1)))) \
                    or _GROUP.match(text):
                if row:
                    _write(table, lines, row, kinds, agency, deadline)
                row = [k]
                after_group = bool(_GROUP.match(text))
                if number and not sub_row:
                    top, expected = value, value + 1
            elif number and row:  # out of turn: a page number
                table.continued[k] = None
            elif row and _ends_table(lines, row, text, agency, deadline):
                break
            elif row:
                row.append(k)
            else:
                break
            k += 1
        if row:
            _write(table, lines, row, kinds, agency, deadline)
        if sum(1 for r in table.rows.values() if r.split("\t")[0].isdigit()) >= 2:
            out.append(table)
        i = k
    return out


def _skip_column_numbers(lines: list[str], j: int, n: int, table: StackedTable) -> int:
    """After the header, a row of the columns' numbers ("1" / "2" / … / "5", or "(1)" …) is the
    header's too: the line after it."""
    texts = [lines[k].strip() for k in range(j, min(j + n, len(lines)))]
    if texts == [str(m) for m in range(1, n + 1)] or texts == [f"({m})" for m in range(1, n + 1)]:
        table.continued.update({k: min(table.rows) for k in range(j, j + n)})
        return j + n
    return j


def _cut(name: str) -> bool:
    """A header's name cut by its cell's width: it names no column yet, or ends in mid-phrase."""
    return (next((kind for rx, kind in _COLUMN_NAMES if rx.search(name)), None) is None
            or bool(_CUT_END.search(name)))


#: Words a column's name does not end on ("Cơ quan phối" / "hợp", "Thời gian hoàn" / "thành").
_CUT_END = re.compile(r"\b(?:phối|chủ|hoàn|thực|nội|nhiệm|thời|cơ|quan)$", re.IGNORECASE)


def _ends_table(lines: list[str], row: list[int], text: str, agency: re.Pattern,
               deadline: Callable[[str], bool]) -> bool:
    """After a row that ends on its deadline, a sentence that is neither a wrapped cell nor an
    agency is the text after the table."""
    last = lines[row[-1]].strip()
    sentence = text.endswith(".") and len(text.split()) > 6  # "Các cơ quan, đơn vị triển khai … ."
    if text[:1] in "-+•–" and len(row) >= 3:
        return True  # a list after the table
    return len(row) >= 3 and deadline(last) and text[:1].isupper() and (sentence or not agency.match(text))


def _next_header(lines: list[str], k: int) -> int | None:
    """The line after a header repeated at ``k`` (blank lines before it skipped), or None."""
    while k < len(lines) and not lines[k].strip():
        k += 1
    found = _header(lines, k) if k < len(lines) else None
    return found[-1] if found else None


def _write(table: StackedTable, lines: list[str], row: list[int], kinds: list[str], agency: re.Pattern,
           deadline: Callable[[str], bool]) -> None:
    """One row's cells from its lines (``row``: the number's line, then the others)."""
    first, rest = row[0], row[1:]
    texts = [lines[k].strip() for k in rest]
    cells = dict.fromkeys(kinds, "")
    if _GROUP.match(lines[first].strip()):
        cells["text"] = " ".join(texts)
    else:
        joined = f"{texts[-2]} {texts[-1]}" if len(texts) >= 2 else ""
        if ("deadline" in kinds and joined and _DEADLINE_START.match(texts[-2]) and deadline(joined)
                and (not deadline(texts[-2]) or texts[-1][:1].islower())):
            cells["deadline"], texts = f"{texts[-2]} {texts[-1]}", texts[:-2]  # "Trước ngày" / "30/9/2025"
        elif "deadline" in kinds and texts and deadline(texts[-1]):
            cells["deadline"], texts = texts[-1], texts[:-1]
        statement, agencies = [], []
        for text in texts:
            if agencies and text[:1].islower():
                agencies[-1] += " " + text  # a wrapped agency
            elif ((agencies or statement) and text[:1].isupper() and agency.match(text)
                  and (agencies or not _OPEN_TAIL.search(statement[-1]))):
                agencies.append(text)  # (a lower-case "cơ quan hành chính …" goes on the statement)
            elif agencies:
                agencies[-1] += " " + text
            else:
                statement.append(text)
        cells["text"] = " ".join(statement)
        cells["lead"] = agencies[0] if agencies else ""
        if "partners" in kinds:
            cells["partners"] = "; ".join(agencies[1:])
        elif len(agencies) > 1:
            cells["lead"] = "; ".join(agencies)
    number = lines[first].strip().rstrip(".")
    table.rows[first] = "\t".join([number, *(cells[k] for k in kinds)])
    table.continued.update({k: first for k in rest})
