"""Tables drawn without rules in a PDF: columns found from the words' positions.

A task table exported without borders ("STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối
hợp | Thời hạn", its cells wrapped over several lines) has no lines for pdfplumber's table finder,
and its text as laid out mixes the columns line by line. Its header names the columns; the
whitespace that runs down the page between them (a *gutter*: x positions almost no word of the
table covers) gives their edges. Each word then goes to the column it starts in, a row starts
where the number column has a number, and a group row ("II  Cắt giảm TTHC nội bộ") keeps its
title whole. The table ends at a line that crosses a gutter (prose across the page) or a
numbered heading ("IV. TỔ CHỨC THỰC HIỆN"); it goes on at the top of the next page (after its
page number and a repeated header) when it ran to the foot of the page.

Text set in two columns (a provincial gazette, Công báo) is found the same way: one gutter near
the middle of the page that no word of a tall band of lines crosses (:func:`text_columns`); the
band is read column by column, the lines above and below it across the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .aligned import PAGE_NUMBER
from .stacked import HEADER_START

__all__ = ["Columns", "borderless_table", "text_columns"]

#: Points within which words stand on one line.
LINE_TOLERANCE = 3.0
#: Smallest space between two words of a header that starts a new column's name.
HEADER_GAP = 12.0
#: Narrowest gutter between two columns.
GUTTER_MIN = 4.0
#: Share of a table's lines that may cover a gutter (a group row written across the columns).
GUTTER_SHARE = 0.1
#: A header's first word, and words one of its other columns must hold.
_HEADER_WORDS = re.compile(r"nội dung|nhiệm vụ|chủ trì|phối hợp|thời hạn|thời gian|sản phẩm|cơ quan|đơn vị",
                           re.IGNORECASE)
#: A row's number, and a group's ("I", "II", "A").
_ROW_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,5}\.?|[A-H]\.?)$")
_GROUP = re.compile(r"^(?:[IVX]{1,5}|[A-H])\.?$")
#: A numbered heading after the table: "IV. TỔ CHỨC THỰC HIỆN", "3. Kinh phí".
_HEADING = re.compile(r"^(?:[IVX]{1,5}|\d{1,2})\.$")
#: Space after a heading's number ("IV. TỔ CHỨC"): a row's number stands apart from its text.
HEADING_GAP = 6.0
#: A cell's line wrapped inside a date or a range ("31/12/202" + "5"): no space between them.
_CUT_NUMBER = re.compile(r"(?:\d[/-]|\d{1,2}/\d{1,2}/\d{1,3})$")


def _page_number(text: str) -> bool:
    """A page number ("2", "- 2 -", "Trang 2/5"; not a day "30/11", where the page would exceed
    the pages)."""
    m = PAGE_NUMBER.match(text)
    return bool(m) and not (m.group(2) and int(m.group(1)) > int(m.group(2)))


def _heading(line: list[dict]) -> bool:
    """A numbered heading after the table ("IV. TỔ CHỨC THỰC HIỆN"): its title right after the
    number, where a row's text stands in the next column."""
    return bool(_HEADING.match(line[0]["text"])) and (
        len(line) == 1 or line[1]["x0"] - line[0]["x1"] < HEADING_GAP)


def join_wrapped(a: str, b: str) -> str:
    """Two lines of a cell as one: with a space, but for a line wrapped inside a date or a range
    ("31/12/202" + "5", "tháng 6/" + "2025", "2025-" + "2026")."""
    if not a or not b:
        return a or b
    return a + b if _CUT_NUMBER.search(a) and b[:1].isdigit() else f"{a} {b}"


@dataclass(frozen=True)
class Columns:
    """A borderless table's columns: the x where each column after the first begins, and the
    header's cell texts (to know a header repeated on the next page)."""

    edges: tuple[float, ...]
    header: tuple[str, ...]

    def column(self, x0: float) -> int:
        return sum(x0 >= edge for edge in self.edges)


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines, top to bottom, each line left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def _clusters(line: list[dict], gap: float) -> list[list[dict]]:
    out: list[list[dict]] = []
    for w in line:
        if out and w["x0"] - out[-1][-1]["x1"] < gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _header_at(lines: list[list[dict]], i: int) -> list[list[dict]] | None:
    """The header's column names when line ``i`` opens one ("STT", then 2 or more names)."""
    line = lines[i]
    if not HEADER_START.match(line[0]["text"]):
        return None
    clusters = [[line[0]], *_clusters(line[1:], HEADER_GAP)]  # the number column is narrow
    if len(clusters) < 3:
        return None
    if not any(_HEADER_WORDS.search(_text(c)) for c in clusters[1:]):
        return None
    return clusters


def _gutters(lines: list[list[dict]], lo: float, hi: float, *, share: float = 0.0) -> list[tuple[float, float]]:
    """x intervals within (lo, hi) that no line covers (at most ``share`` of them, or one)."""
    if not lines or hi <= lo:
        return []
    width = int(hi - lo) + 1
    cover = [0] * width
    for line in lines:
        seen = set()
        for w in line:
            for x in range(max(0, int(w["x0"] - lo)), min(width, int(w["x1"] - lo) + 1)):
                seen.add(x)
        for x in seen:
            cover[x] += 1
    limit = max(1, int(share * len(lines))) if share else 0
    out, start = [], None
    for x in range(width + 1):
        free = x < width and cover[x] <= limit
        if free and start is None:
            start = x
        elif not free and start is not None:
            if x - start >= GUTTER_MIN:
                out.append((lo + start, lo + x))
            start = None
    return out


def _columns(header: list[list[dict]], body: list[list[dict]]) -> Columns:
    """Column edges: in the widest gutter between two header names' starts that no word covers
    (else one that few cover; else just before the second name)."""
    starts = [c[0]["x0"] for c in header]
    rows = [line for line in body if not _GROUP.match(line[0]["text"]) and not _page_number(_text(line))]
    hi = max(w["x1"] for line in rows for w in line) if rows else max(starts)
    clear = _gutters(rows, min(starts), hi)  # where no word of the table stands
    loose = _gutters(rows, min(starts), hi, share=GUTTER_SHARE)
    edges = []
    for left, right in zip(starts, starts[1:], strict=False):
        between = [g for g in clear if g[0] >= left and g[1] <= right + 2] or [
            g for g in loose if g[0] >= left and g[1] <= right + 2]
        if between:
            g = max(between, key=lambda g: g[1] - g[0])
            edges.append((g[0] + g[1]) / 2)
        else:
            edges.append(right - 2)
    return Columns(edges=tuple(edges), header=tuple(_text(c) for c in header))


def _crosses(line: list[dict], columns: Columns) -> bool:
    """A word of ``line`` runs over a column's edge: prose across the page, not a table line."""
    return any(w["x0"] < edge - 1 < w["x1"] - 1 for w in line for edge in columns.edges)


def borderless_table(words: list[dict], carry: Columns | None = None
                     ) -> tuple[float, float, list[str], Columns | None] | None:
    """The first borderless table of a page's words: (top, bottom, lines, columns to carry to
    the next page or None), its lines tab-separated (the header, then one line a row); or None.
    ``carry`` are the columns of a table that ran to the foot of the page before: the page's
    first lines that fit them go on with it (its page number and a repeated header skipped)."""
    lines = _lines(words)
    start, columns, out = None, carry, []
    if carry is None:
        for i in range(len(lines)):
            if (header := _header_at(lines, i)) is not None:
                body_end = next((j for j in range(i + 1, len(lines)) if _heading(lines[j])), len(lines))
                columns = _columns(header, lines[i + 1 : body_end])
                start = i
                break
        if columns is None:
            return None
    else:
        start = next((i for i, line in enumerate(lines) if not _page_number(_text(line))), None)
        if start is None or _crosses(lines[start], carry) or _heading(lines[start]):
            return None
    rows: list[list[str]] = []
    header_rows: list[list[str]] = []
    n = len(columns.edges) + 1
    top, bottom, end = lines[start][0]["top"], lines[start][0]["bottom"], None
    for j in range(start, len(lines)):
        line = lines[j]
        text = _text(line)
        first = line[0]["text"]
        if _page_number(text) and j > start:
            break  # the page's foot: the table may go on on the next page
        if (j == start and carry is None) or (not rows and HEADER_START.match(first) and carry is not None):
            header_rows.append(_cells(line, columns, n))  # the header (repeated on a later page)
        elif header_rows and not rows and not _ROW_NUMBER.match(first) and not _crosses(line, columns):
            header_rows.append(_cells(line, columns, n))  # the header's second line ("hợp")
        elif _heading(line) or (_crosses(line, columns) and not _GROUP.match(first)):
            end = j
            break
        elif columns.column(line[0]["x0"]) == 0 and _ROW_NUMBER.match(first):
            cells = _cells(line, columns, n)
            if _GROUP.match(first):  # a group's title across the columns
                cells = [first, " ".join(w["text"] for w in line[1:])] + [""] * (n - 2)
            rows.append(cells)
        elif rows or carry is not None:
            cells = _cells(line, columns, n)
            if rows:
                rows[-1] = [join_wrapped(a, b) for a, b in zip(rows[-1], cells, strict=True)]
            else:  # a row the page break cut: its cells open the page, without their number
                rows.append(cells)
        else:
            end = j
            break
        bottom = max(w["bottom"] for w in line)
    if not rows:
        return None
    out = []
    if header_rows:
        out.append("\t".join(" ".join(c for c in col if c).strip() for col in zip(*header_rows, strict=True)))
    out += ["\t".join(cells) for cells in rows]
    return top, bottom, out, (columns if end is None else None)


def _cells(line: list[dict], columns: Columns, n: int) -> list[str]:
    cells = [""] * n
    for w in line:
        k = columns.column(w["x0"])
        cells[k] = join_wrapped(cells[k], w["text"])
    return cells


#: Where a page's gutter between two columns of text may lie (shares of the page's width).
TEXT_GUTTER_WINDOW = (0.35, 0.65)
#: Lines of the page the gutter may be crossed by (the header and title across the page above
#: the columns, a signature under them).
TEXT_GUTTER_SHARE = 0.3
#: Lines each column of text holds at least: fewer is a layout within the page (a signature
#: block beside the list of recipients), not a page set in columns.
TEXT_COLUMN_MIN_LINES = 12


def text_columns(words: list[dict], width: float) -> tuple[float, float, float] | None:
    """(top, bottom, x) of a band of a page's text set in two columns with a gutter at x, or
    None: the tallest run of lines that no word crosses at x, with at least
    :data:`TEXT_COLUMN_MIN_LINES` lines on each side and most lines reaching near the gutter on
    the left (justified text, not a few short lines beside a block)."""
    lines = _lines(words)
    if len(lines) < 2 * TEXT_COLUMN_MIN_LINES:
        return None
    lo, hi = (share * width for share in TEXT_GUTTER_WINDOW)
    gutters = _gutters(lines, lo, hi, share=TEXT_GUTTER_SHARE)
    if not gutters:
        return None
    a, b = max(gutters, key=lambda g: g[1] - g[0])
    x = (a + b) / 2
    best: tuple[int, int] | None = None
    run_start = None
    for i in range(len(lines) + 1):
        open_line = i < len(lines) and not any(w["x0"] < x < w["x1"] for w in lines[i])
        if open_line and run_start is None:
            run_start = i
        elif not open_line and run_start is not None:
            if best is None or i - run_start > best[1] - best[0]:
                best = (run_start, i)
            run_start = None
    if best is None:
        return None
    band = lines[best[0]:best[1]]
    left = [[w for w in line if w["x1"] <= x] for line in band]
    right = [[w for w in line if w["x0"] >= x] for line in band]
    if min(sum(1 for ws in left if ws), sum(1 for ws in right if ws)) < TEXT_COLUMN_MIN_LINES:
        return None
    reach = [max(w["x1"] for w in ws) for ws in left if ws]
    if sum(r >= a - 0.15 * width for r in reach) < len(reach) / 2:
        return None
    for side in (left, right):  # each column is text: no gutter of its own (a table's columns)
        side = [ws for ws in side if ws]
        lo, hi = min(w["x0"] for ws in side for w in ws), max(w["x1"] for ws in side for w in ws)
        if _gutters(side, lo + GUTTER_MIN, hi - GUTTER_MIN, share=GUTTER_SHARE):
            return None
    top = min(w["top"] for line in band for w in line)
    bottom = max(w["bottom"] for line in band for w in line)
    return top, bottom, x
