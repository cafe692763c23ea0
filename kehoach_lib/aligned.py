"""Space-aligned tables (``pdftotext -layout`` style) rewritten as tab-separated rows.

A PDF converted to text lays a table out in columns separated by runs of spaces, with each cell
wrapped over several physical lines::

    STT   Nhiệm vụ                          Cơ quan chủ trì     Thời gian hoàn thành
    1     Rà soát, thống kê TTHC liên quan  Các sở, ban, ngành  Trước ngày 30/6/2025
          đến sản xuất, kinh doanh

:func:`aligned_table_rows` gives the same list of lines back, the same length, with each such
table rewritten as the parser reads tables: one row per line, cells joined by TAB.  A row's
wrapped lines are merged into it cell by cell; the merged row is written at the row's first line
and its other lines become ``""``, so every source line keeps its index.
:func:`aligned_tables` says which lines went into which row (for line accounting) and which
lines were left as they were because they could not be split consistently.

How: a table starts at a header line whose first cell is ``STT`` / ``TT`` / ``Số TT`` (also
``Số`` above ``TT``) followed by 2+ more cells separated by runs of 2+ spaces, one of them naming
a column of a task table (nhiệm vụ, chủ trì, thời hạn …).  Wrapped header lines are taken from
just above and below it.  Rows are the lines numbered in the number column (``1``, ``1.``,
``1.1``, ``I``, ``A`` …); a line with an empty number column right under a row goes on that row.
The table goes on past blank lines (and a lone page number) only into a numbered row, and ends
at anything else.  In each gap between two header cells, the column's start is where the data
lines start their cells (positions are display columns: combining marks take none); a line may
have its cell one space after the previous one or pushed a column or two right.  A row whose
text runs across two column starts, or a line no cut fits, is left unchanged (reported in
:attr:`AlignedTable.kept`); a document without such a table comes back identical.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .stacked import HEADER_START

__all__ = ["PAGE_NUMBER", "AlignedRow", "AlignedTable", "aligned_table_rows", "aligned_tables"]

#: The number column's header cell.
_HEADER_CELL = HEADER_START
#: ``STT Nhiệm vụ`` glued by a single space: the header cell and the next cell.
_HEADER_GLUED = re.compile(r"^(?P<num>(?:s[ốo]\s*tt|stt|tt)\.?) (?P<rest>\S.*)$", re.IGNORECASE)
#: A header whose number cell is wrapped: ``Số`` above ``TT``.
_HEADER_TOP = re.compile(r"^(?:s[ốo]|s[ốo] thứ)$", re.IGNORECASE)
_HEADER_BOTTOM = re.compile(r"^(?:tt|thứ tự|tự)\.?$", re.IGNORECASE)
#: A header of a table of tasks names at least one of these columns (a list of members,
#: "TT   Họ và tên   Chức vụ", is not rewritten).
_TASK_HEADER = re.compile(
    r"nhiệm vụ|nội dung|công việc|giải pháp|hoạt động|chủ trì|phối hợp|thực hiện|thời gian|"
    r"thời hạn|hoàn thành|sản phẩm|cơ quan|đơn vị", re.IGNORECASE)
#: A row number: ``1``, ``1.``, ``1.1``, ``1.1.2``, ``I``, ``II.``, ``A``, ``a)``.
_NUM = r"(?:[IVXLC]{1,6}|[A-ZĐ]|[a-zđ]|\d{1,3}(?:\.\d{1,3}){0,3})[.)]?"
_NUM_CELL = re.compile(rf"^{_NUM}$")
_NUM_GLUED = re.compile(rf"^(?P<num>{_NUM}) (?P<rest>\S.*)$")
#: Group-row numbers: Roman numerals and capital letters (``I   CẮT GIẢM TTHC``).
_GROUP_NUM = re.compile(r"^(?:[IVXLC]{1,6}|[A-ZĐ])[.)]?$")
#: A row number of a second level or deeper ("1.1", "2.3.1"): a sub-row may stand alone.
_SUB_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3}){1,3}\.?$")
#: The column-numbers row under a header: ``(1)  (2)  (3)`` or ``1  2  3``.
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")
#: A page number left in scraped text ("2", "- 3 -", "Trang 4"), e.g. between two pages of a table
#: (the parser reads it too: the paragraph or table goes on across it).
PAGE_NUMBER = re.compile(r"^(?:-\s*\d{1,3}\s*-|(?:Trang\s+)?(\d{1,3})(?:\s*/\s*(\d{1,3}))?)$", re.IGNORECASE)

#: Most lines that may sit across a column gap before the table is refused (besides one line).
_ROGUE_SHARE = 5
#: How far (columns) a cell of a line may start from its column's start and still be split off.
_SHIFT = 2


@dataclass
class AlignedRow:
    """One row of a rewritten table: its kind, its source line indices (0-based), its cells."""

    kind: str  # "header" | "row" | "group"
    lines: list[int]
    cells: list[str]

    @property
    def text(self) -> str:
        return "\t".join(self.cells)


@dataclass
class AlignedTable:
    """A space-aligned table found in the lines: its rows and the lines left unchanged."""

    first: int
    last: int
    rows: list[AlignedRow] = field(default_factory=list)
    #: (line index, reason) of lines inside the table that were left as they were.
    kept: list[tuple[int, str]] = field(default_factory=list)
    #: Page numbers between two pages of the table (written as ``""``).
    page_numbers: list[int] = field(default_factory=list)


# --- lines as display columns -----------------------------------------------------------------
class _Line:
    """A source line as display columns (combining marks ride on their base letter)."""

    __slots__ = ("idx", "g", "segs")

    def __init__(self, idx: int, raw: str):
        self.idx = idx
        g: list[str] = []
        for ch in raw.lstrip("\f"):
            if g and unicodedata.combining(ch):
                g[-1] += ch
            elif ch in "\f\v\r\n\xa0\u2007\u2009\u202f":
                g.append(" ")
            else:
                g.append(ch)
        while g and g[-1] == " ":
            g.pop()
        self.g = [unicodedata.normalize("NFC", c) if len(c) > 1 else c for c in g]
        self.segs = _segments(g)

    def text(self, a: int, b: int | None = None) -> str:
        return " ".join("".join(self.g[a:b]).split())

    def seg_text(self, k: int) -> str:
        a, b = self.segs[k]
        return self.text(a, b)

    def segs_from(self, start: int) -> list[tuple[int, int]]:
        """The segments of the line with everything before ``start`` blanked out."""
        return _segments([" " if p < start else c for p, c in enumerate(self.g)])

    def blank(self) -> bool:
        return not self.segs

    def space(self, p: int) -> bool:
        return p < 0 or p >= len(self.g) or self.g[p] == " "


def _segments(g: list[str]) -> list[tuple[int, int]]:
    """Runs of text separated by 2+ spaces, as (start, end) display columns."""
    segs = []
    i, n = 0, len(g)
    while i < n:
        if g[i] == " ":
            i += 1
            continue
        j = i
        while True:
            while j < n and g[j] != " ":
                j += 1
            if j + 1 < n and g[j + 1] != " ":
                j += 1
                continue
            break
        segs.append((i, j))
        i = j
    return segs


# --- header -------------------------------------------------------------------------------
@dataclass
class _Header:
    lines: list[int]  # indices into the document, in order
    primary: int  # the line whose cells give the columns
    num_end: int  # display column where the number column's header text ends
    cells: list[tuple[int, int]]  # the primary line's cells after the number cell
    num_text: str


def _header_at(L: list[_Line | None], i: int) -> _Header | None:
    """The header starting at (or whose number cell is on) line ``i``, with its primary line."""
    line = L[i]
    if line is None or len(line.segs) < 2:
        return None
    first = line.seg_text(0)
    segs = list(line.segs)
    a0, e0 = segs[0]
    if _HEADER_CELL.match(first):
        pass
    elif m := _HEADER_GLUED.match(first):
        cut = a0 + _width(m.group("num"))
        segs[0:1] = [(a0, cut), (cut + 1, e0)]
        e0 = cut
    elif (_HEADER_TOP.match(first) and i + 1 < len(L) and L[i + 1] is not None
          and L[i + 1].segs and _HEADER_BOTTOM.match(L[i + 1].seg_text(0))
          and abs(L[i + 1].segs[0][0] - a0) <= 3):
        below = L[i + 1]
        primary = line if len(line.segs) >= len(below.segs) else below
        if len(primary.segs) < 3 or not _TASK_HEADER.search(f"{line.text(0)} {below.text(0)}"):
            return None
        return _Header([i, i + 1], primary.idx, max(e0, below.segs[0][1]), list(primary.segs[1:]),
                       f"{first} {below.seg_text(0)}")
    else:
        return None
    if len(segs) < 3 or not _TASK_HEADER.search(line.text(0)):
        return None
    return _Header([i], i, e0, segs[1:], line.text(*segs[0]))


def _is_column_numbers(line: _Line) -> bool:
    if len(line.segs) < 3:
        return False
    vals = []
    for k in range(len(line.segs)):
        m = _COLUMN_NUMBER.match(line.seg_text(k))
        if not m:
            return False
        vals.append(int(m.group(1)))
    return vals == list(range(vals[0], vals[0] + len(vals))) and vals[0] in (0, 1)


def _is_title(line: _Line) -> bool:
    """A title line above a table: one run of text in capitals, or in brackets."""
    text = line.text(0)
    letters = [c for c in text if c.isalpha()]
    return text.startswith("(") or (len(line.segs) == 1 and bool(letters)
                                    and all(c.isupper() for c in letters))


def _width(text: str) -> int:
    """Display columns of ``text`` (combining marks take none)."""
    return sum(1 for c in text if not unicodedata.combining(c))


# --- scanning a table's extent --------------------------------------------------------------
@dataclass
class _Rec:
    kind: str  # "header" | "row"
    lines: list[int]
    num: str = ""
    num_end: int = 0  # display column where the number (or the header's number cell) ends
    colnum_lines: list[int] = field(default_factory=list)


def _row_start(line: _Line, hdr: _Header, text_start: int) -> tuple[str, int] | None:
    """(number, display column where it ends) if the line starts a numbered row."""
    if not line.segs:
        return None
    a, b = line.segs[0]
    if a >= hdr.cells[0][0]:
        return None
    first = line.seg_text(0)
    if _NUM_CELL.match(first):
        return first, b
    m = _NUM_GLUED.match(first)
    if m:  # "1.1.1 Rà soát": only when the text starts where the text column starts
        cut = a + _width(m.group("num"))
        if cut + 1 >= max(hdr.num_end + 1, text_start - 1) and not _spans_gap(line, hdr, after_text=True):
            return m.group("num"), cut
    return None


def _lone(line: _Line) -> bool:
    """A numbered line with no other cell, its number glued to its text ("III. TỔ CHỨC THỰC
    HIỆN", "2. Tổ chức hội nghị tập huấn"): a row whose other cells are empty, a group row, or
    the text after the table; :func:`_leads_on` tells."""
    m = _NUM_GLUED.match(line.seg_text(0)) if line.segs else None
    return bool(m) and len(line.segs) == 1 and not _SUB_NUMBER.match(m.group("num"))


def _leads_on(L: list[_Line | None], i: int, hdr: _Header, text_start: int) -> bool:
    """Whether the table goes on after line ``i``: the next line with text goes on its text
    column, or is a row with cells of its own, or is another such numbered line alone that the
    table goes on after (a group row, then a row with empty cells, then a full row)."""
    for _ in range(8):
        j = i + 1
        while j < len(L) and L[j] is not None and L[j].blank():
            j += 1
        if j >= len(L) or L[j] is None:
            return False
        nxt = L[j]
        if not _row_start(nxt, hdr, text_start):
            return j == i + 1 and nxt.segs[0][0] >= text_start - 1
        if not _lone(nxt):
            return True
        i = j
    return False


def _spans_gap(line: _Line, hdr: _Header, *, after_text: bool = False) -> bool:
    """A segment of the line covers a whole gap between two of the header's cells (with
    ``after_text``, a gap after the text column: a number glued to its text covers the first)."""
    gaps = [(he, hs) for (_, he), (hs, _) in zip(hdr.cells, hdr.cells[1:], strict=False)]
    return any(a <= he and b >= hs for a, b in line.segs for he, hs in gaps[1 if after_text else 0 :])


def _scan(L: list[_Line | None], hdr: _Header) -> tuple[list[_Rec], list[int]]:
    """The table's records (the header, then its rows) and the page-number lines inside it;
    the table stops at the first line that fits neither as a row nor as a row's next line."""
    n = len(L)
    head = _Rec("header", list(hdr.lines), num=hdr.num_text, num_end=hdr.num_end)
    recs: list[_Rec] = [head]
    page_numbers: list[int] = []
    text_start = hdr.cells[0][0]
    # wrapped header lines directly above the number cell's line (number column empty)
    k = hdr.lines[0] - 1
    while k >= 0 and hdr.lines[0] - k <= 2:
        line = L[k]
        text = line.text(0) if line is not None else ""
        if (line is None or line.blank() or line.segs[0][0] <= hdr.num_end or _is_title(line)
                or ":" in text or _spans_gap(line, hdr) or _header_at(L, k)):
            break
        head.lines.insert(0, k)
        k -= 1
    cur = head
    i = hdr.lines[-1] + 1
    prev_blank = False
    while i < n:
        line = L[i]
        if line is None or _header_at(L, i) is not None:
            break  # a tab/pipe line, or another table's header (a new table begins there)
        if line.blank():
            # the table goes on past blank lines (and a lone page number) only into a new row
            j, pages = i, []
            while j < n and j - i < 6 and L[j] is not None and (
                    L[j].blank() or PAGE_NUMBER.match(L[j].text(0))):
                if not L[j].blank():
                    pages.append(j)
                j += 1
            if j < n and L[j] is not None and _row_start(L[j], hdr, text_start):
                page_numbers.extend(pages)
                i, prev_blank = j, True
                continue
            break
        if cur is head and _is_column_numbers(line):
            head.colnum_lines.append(i)
            head.lines.append(i)
            i += 1
            continue
        rs = _row_start(line, hdr, text_start)
        if rs and _lone(line) and not _leads_on(L, i, hdr, text_start):
            break  # "III. TỔ CHỨC THỰC HIỆN" after the table: a numbered line alone, and no row after it
        if rs:
            num, end = rs
            recs.append(_Rec("row", [i], num=num, num_end=end))
            cur, prev_blank = recs[-1], False
            rest = line.segs_from(end)
            if rest:
                text_start = min(text_start, rest[0][0])
            i += 1
            continue
        if not prev_blank:
            if cur is head:
                if line.segs[0][0] > hdr.num_end and len(head.lines) < 6:
                    head.lines.append(i)
                    i += 1
                    continue
            elif line.segs[0][0] >= text_start - 1:
                cur.lines.append(i)
                i += 1
                continue
        break
    return recs, page_numbers


# --- columns --------------------------------------------------------------------------------
def _column_start(masks: list[list[bool]], starts: list[set[int]], header: list[bool],
                  lo: int, hi: int) -> tuple[int, int] | None:
    """(column start, lines that do not fit it): the position in ``lo..hi`` where the next
    column starts.  A position scores for each line with a cell (text after 2+ spaces) starting
    there, the header's cell too, and a little for a word one space after the previous one (a
    cell overrunning the gap); it loses for each line with a word across it or a cell starting
    left of it inside the gap.  The best score wins, the rightmost of equals."""
    def text(m: list[bool], p: int) -> bool:
        return 0 <= p < len(m) and m[p]

    def cell_start(m: list[bool], p: int) -> bool:
        return text(m, p) and not text(m, p - 1) and not text(m, p - 2)

    best = None
    for c in range(lo, hi + 1):
        support = sum(1 for m in masks if cell_start(m, c)) + (1 if cell_start(header, c) else 0)
        weak = sum(1 for m in masks if text(m, c) and not text(m, c - 1) and text(m, c - 2))
        errors = sum(1 for m in masks if text(m, c) and text(m, c - 1))
        errors += sum(1 for s in starts if any(lo <= p < c for p in s))
        score = support + 0.25 * weak - 2 * errors
        if best is None or score >= best[0]:
            best = (score, c, errors)
    return (best[1], best[2]) if best else None


def _boundaries(hdr: _Header, header: _Line, data: list[tuple[_Line, int]],
                secondary: list[_Line]) -> tuple[list[tuple[int, int]], set[int]] | None:
    """Column gaps as (gap start, next column's start), one in each gap between two header
    cells (see :func:`_column_start`; a line or a few may not fit: they are cut one by one);
    None when the data do not fit the header."""
    masks = [[p >= start and c != " " for p, c in enumerate(line.g)] for line, start in data]
    starts = [{a for a, _b in line.segs_from(start)} for line, start in data]
    n = len(masks)
    hmask = [p > hdr.num_end and c != " " for p, c in enumerate(header.g)]

    def counts(lo: int, hi: int) -> list[int]:
        return [sum(1 for m in masks if p < len(m) and m[p]) for p in range(lo, hi)]

    bounds: list[tuple[int, int]] = []
    regions = [(he, hs) for (_, he), (hs, _) in zip(hdr.cells, hdr.cells[1:], strict=False)]
    for he, hs in regions:
        found = _column_start(masks, starts, hmask, he + 1, hs)
        if found is None or found[1] > max(1, n // _ROGUE_SHARE):
            return None
        bounds.append((found[0] - 1, found[0]))
    # sub-columns: a gap of a wrapped header line inside one of the header line's cells
    # ("Thời gian thực hiện" over "Bắt đầu   Hoàn thành"), where the data have a clean gap too
    for line in secondary:
        segs = line.segs_from(hdr.num_end + 1)
        for (_, x), (y, _) in zip(segs, segs[1:], strict=False):
            if any(x < hs and y > he for he, hs in regions):
                continue
            c = counts(x, y)
            if c and not any(c) and not any(x <= ge <= y for _gs, ge in bounds):
                smask = [p >= x and ch != " " for p, ch in enumerate(line.g)]
                found = _column_start(masks, starts, smask, x + 1, y)
                if found and found[1] == 0:
                    bounds.append((found[0] - 1, found[0]))
    # a column the header did not separate ("Cơ quan chủ trì Cơ quan phối hợp", one space
    # apart): inside a header cell, a word of the header where 2+ data lines start a cell (after
    # 2+ spaces), none has a word across it, and data are on both sides of it: split the
    # header cell there.  A gap of 2+ columns that no data line writes in, with data on both
    # sides, and no such word of the header: refuse the table.
    def text(m: list[bool], p: int) -> bool:
        return 0 <= p < len(m) and m[p]

    glued: set[int] = set()
    for hs, he in hdr.cells:
        c = counts(hs, he)
        for p in range(hs + 1, he):
            if not (text(hmask, p) and not text(hmask, p - 1)) or not any(c[: p - hs]):
                continue
            support = sum(1 for m in masks if text(m, p) and not text(m, p - 1) and not text(m, p - 2))
            errors = sum(1 for m in masks if text(m, p) and text(m, p - 1))
            if support >= 2 and errors == 0:
                bounds.append((p - 1, p))
                glued.add(p)
        p = 0
        while p < len(c):
            if c[p]:
                p += 1
                continue
            q = p
            while q < len(c) and not c[q]:
                q += 1
            x, y = hs + p, hs + q
            if (y - x >= 2 and any(c[:p]) and any(c[q:])
                    and not any(x <= ge <= y for _gs, ge in bounds)):
                return None
            p = q
    return sorted(bounds), glued


def _cuts(line: _Line, start: int, bounds: list[tuple[int, int]], strict: bool = False) -> list[int] | None:
    """Where the line is cut into cells (the start of each cell after the first), or None
    when it cannot be cut consistently (``strict``: when any run of text is cut)."""
    cuts = []
    for _gs, ge in bounds:
        if line.space(ge - 1) or line.space(ge):
            c = ge  # no word across the column's start (a cell may overrun into the gap)
        else:
            # a word across the column's start: the next cell starts a little off its column
            cands = [c for c in range(ge - 1, ge + _SHIFT + 1)
                     if c > start and line.space(c - 1) and not line.space(c)]
            if not cands:
                return None
            c = min(cands, key=lambda c: (abs(c - ge), -c))
        if c < start or (cuts and c <= cuts[-1]):
            return None
        cuts.append(c)
    # a run of text (words one space apart) is cut at most once: a cell that overran into the
    # next column; a run across several columns is not a row of this table
    limit = 0 if strict else 1
    for a, b in line.segs_from(start):
        if sum(1 for c in cuts if a < c < b) > limit:
            return None
    return cuts


def _cells(line: _Line, start: int, cuts: list[int]) -> list[str]:
    edges = [start, *cuts, max(len(line.g), cuts[-1] if cuts else start)]
    return [line.text(a, b) for a, b in zip(edges, edges[1:], strict=False)]


def _header_cells(line: _Line, start: int, cuts: list[int], glued: set[int]) -> list[list[str]]:
    """A header line's text per column; a cell spanning several columns goes to each column
    it mostly covers (a spanning cell over its sub-columns), else to the one it covers most;
    cells glued by one space are first cut apart at ``glued``."""
    edges = [start, *cuts, max(len(line.g), cuts[-1] if cuts else start) + 1]
    out: list[list[str]] = [[] for _ in range(len(edges) - 1)]
    segs = []
    for a, b in line.segs_from(start):
        for p in sorted(glued):
            if a < p < b and line.space(p - 1) and not line.space(p):
                segs.append((a, p - 1))
                a = p
        segs.append((a, b))
    for a, b in segs:
        overlaps = [max(0, min(b, hi) - max(a, lo)) for lo, hi in zip(edges, edges[1:], strict=False)]
        best = max(range(len(overlaps)), key=lambda k: overlaps[k])
        for k, ov in enumerate(overlaps):
            if k == best or ov >= 0.5 * min(edges[k + 1] - edges[k], b - a):
                out[k].append(line.text(a, b))
    return out


def _single(r: _Rec, L: list[_Line | None]) -> bool:
    """A group row: one run of text on each of its lines, with a Roman or letter number or in
    capitals.  It is an ordinary row only if that text stays in one column."""
    return (all(len(L[i].segs_from(r.num_end if i == r.lines[0] else 0)) <= 1 for i in r.lines)
            and _group_like(r.num, _single_text(r, L)))


def _single_text(r: _Rec, L: list[_Line | None]) -> str:
    return " ".join(L[i].text(r.num_end if i == r.lines[0] else 0) for i in r.lines).strip()


def _group_like(num: str, text: str) -> bool:
    """``I   CẮT GIẢM TTHC`` / ``A   NHÓM NHIỆM VỤ``: a Roman or letter number, or a title in
    capitals."""
    letters = [c for c in text if c.isalpha()]
    upper = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    return bool(_GROUP_NUM.match(num)) or upper


# --- the table --------------------------------------------------------------------------------
def _build(L: list[_Line | None], hdr: _Header) -> AlignedTable | None:
    recs, pages = _scan(L, hdr)
    head, rows = recs[0], recs[1:]
    primary = L[hdr.primary]
    secondary = [L[i] for i in head.lines if i != hdr.primary and i not in head.colnum_lines]
    excluded: set[int] = set()  # rows left as they were (by position in rows)
    bounds: list[tuple[int, int]] | None = None
    for _attempt in range(8):
        live = [k for k in range(len(rows)) if k not in excluded]
        if not live:
            return None
        data: list[tuple[_Line, int]] = []
        for k in live:
            r = rows[k]
            first = L[r.lines[0]]
            if _single(r, L):
                continue  # maybe a group row: one cell across the columns
            data.append((first, r.num_end))
            data.extend((L[i], 0) for i in r.lines[1:])
        found = _boundaries(hdr, primary, data, secondary)
        if found is None:
            return None
        bounds, glued = found
        bad = set()
        for k in live:
            r = rows[k]
            single = _single(r, L)
            fits = (_cuts(L[r.lines[0]], r.num_end, bounds, strict=single) is not None
                    and all(_cuts(L[i], 0, bounds, strict=single) is not None for i in r.lines[1:]))
            if not fits and not single:
                bad.add(k)
        if not bad:
            break
        excluded |= bad
    else:
        return None
    assert bounds is not None
    cuts = [ge for _gs, ge in bounds]
    table = AlignedTable(first=head.lines[0], last=max(i for r in recs for i in r.lines))
    # the header: its lines merged column by column
    cols: list[list[str]] = [[] for _ in range(len(cuts) + 1)]
    for i in head.lines:
        if i in head.colnum_lines:
            continue
        start = hdr.num_end + 1 if i in hdr.lines else 0
        for k, texts in enumerate(_header_cells(L[i], start, cuts, glued)):
            cols[k].extend(texts)
    table.rows.append(AlignedRow("header", list(head.lines), [hdr.num_text] + [" ".join(t) for t in cols]))
    for k, r in enumerate(rows):
        if k in excluded:
            table.kept.extend((i, "cannot be split into the header's columns") for i in r.lines)
            continue
        first = L[r.lines[0]]
        single = _single(r, L)
        line_cuts = [_cuts(L[i], r.num_end if i == r.lines[0] else 0, bounds, strict=single) for i in r.lines]
        if any(c is None for c in line_cuts):  # a group row: its number and one wide cell
            table.rows.append(AlignedRow("group", list(r.lines), [r.num, _single_text(r, L)]))
            continue
        cells = _cells(first, r.num_end, line_cuts[0])
        for i, cuts_i in zip(r.lines[1:], line_cuts[1:], strict=False):
            more = _cells(L[i], 0, cuts_i)
            cells = [f"{a} {b}".strip() for a, b in zip(cells, more, strict=False)]
        if single and not any(cells[1:]) and _GROUP_NUM.match(r.num):
            table.rows.append(AlignedRow("group", list(r.lines), [r.num, cells[0]]))
            continue
        table.rows.append(AlignedRow("row", list(r.lines), [r.num, *cells]))
    if not any(r.kind == "row" for r in table.rows):
        return None
    # rows that could not be split after the last one that could are not part of the table
    table.last = max(i for r in table.rows for i in r.lines)
    table.kept = [(i, why) for i, why in table.kept if i <= table.last]
    table.page_numbers = [i for i in pages if i <= table.last]
    return table


# --- API ------------------------------------------------------------------------------------
def aligned_tables(lines: list[str]) -> list[AlignedTable]:
    """The space-aligned tables in ``lines`` (0-based line indices)."""
    L: list[_Line | None] = [None if ("\t" in raw or "|" in raw) else _Line(i, raw)
                             for i, raw in enumerate(lines)]
    tables: list[AlignedTable] = []
    i = 0
    while i < len(L):
        hdr = _header_at(L, i)
        table = _build(L, hdr) if hdr is not None else None
        if table is None:
            i += 1
            continue
        tables.append(table)
        i = table.last + 1
    return tables


def aligned_table_rows(lines: list[str]) -> list[str]:
    """``lines`` with every space-aligned table rewritten as TAB-separated rows.

    The list comes back the same length: a row (its wrapped lines merged cell by cell) is
    written at its first line and its other lines become ``""`` (so do the wrapped lines of
    the header, a column-numbers row under it, and a lone page number between two pages of
    the table); lines outside tables, and table rows that cannot be split consistently, are
    returned unchanged.  :func:`aligned_tables` tells which lines make up which row.
    """
    out = list(lines)
    for table in aligned_tables(lines):
        for row in table.rows:
            out[row.lines[0]] = row.text
            for i in row.lines[1:]:
                out[i] = ""
        for i in table.page_numbers:
            out[i] = ""
    return out
