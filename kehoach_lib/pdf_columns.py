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
from dataclasses import dataclass, replace

from .aligned import PAGE_NUMBER
from .stacked import HEADER_START

__all__ = ["Columns", "borderless_table", "text_columns"]

#: Points within which words stand on one line.
LINE_TOLERANCE = 3.0
#: Smallest space between two words of a header that starts a new column's name.
HEADER_GAP = 12.0
#: Largest space between two lines of one header, in heights of a line's words.
HEADER_LINE_GAP = 0.8
#: Most words of a column's name on one line of a header written over several lines.
HEADER_PIECE_WORDS = 4
#: How far a centred row's last line may end from where its number says, in heights of a line.
CENTRED_TOLERANCE = 0.6
#: Lines a header repeated at the top of a page may take.
HEADER_LINES_MAX = 4
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
    """A borderless table's columns: the x where each column after the first begins, the
    header's cell texts (to know a header repeated on the next page), and whether a row's number
    is centred in it vertically (read on the table's first page, carried to the next)."""

    edges: tuple[float, ...]
    header: tuple[str, ...]
    centred: bool = False

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


def _gap(upper: list[dict], lower: list[dict]) -> float:
    """The space between two lines, in heights of the lower line's words."""
    height = max(w["bottom"] - w["top"] for w in lower) or 1.0
    return (min(w["top"] for w in lower) - max(w["bottom"] for w in upper)) / height


def _header_line(line: list[dict], number: dict) -> bool:
    """A line of a header written over several lines: nothing in the number column, not a row's
    number, and short pieces of names ("Cơ quan chủ  Cơ quan phối  Thời hạn", "trì  hợp")."""
    return (line[0]["x0"] > number["x1"] and not _ROW_NUMBER.match(line[0]["text"])
            and all(len(c) <= HEADER_PIECE_WORDS for c in _clusters(line, HEADER_GAP)))


def _name_end(words: list[dict]) -> bool:
    """Words under a header's line that end a column's name: in lower case ("chủ trì", "hợp"), or
    a name's own words ("Chủ trì", "Phối hợp" under "Cơ quan")."""
    text = _text(words)
    return text[:1].islower() or (len(words) <= 3 and bool(_HEADER_WORDS.search(text)))


def _header_at(lines: list[list[dict]], i: int) -> tuple[int, int, list[list[dict]]] | None:
    """(first, last, column names) when line ``i`` opens a header: "STT", then 2 or more names.
    A name wrapped in a cell centred vertically stands on lines above and below the one with
    "STT" (as many below as above); a name wrapped in a cell aligned at the top goes on below it."""
    line = lines[i]
    if not HEADER_START.match(line[0]["text"]):
        return None
    number = line[0]
    first = i
    while (first > 0 and _gap(lines[first - 1], lines[first]) <= HEADER_LINE_GAP
           and _header_line(lines[first - 1], number)
           and any(_HEADER_WORDS.search(_text(c)) for c in _clusters(lines[first - 1], HEADER_GAP))):
        first -= 1
    last = i
    while (last + 1 < len(lines) and (first == i or last - i < i - first)
           and _gap(lines[last], lines[last + 1]) <= HEADER_LINE_GAP and _header_line(lines[last + 1], number)
           # (below a header on one line, only the ends of its names, "chủ trì", "hợp", or a
           # column's word, "Chủ trì": a row's cells, "Tuyên truyền", "Sở Văn hóa, Thể", are neither)
           and (first < i or all(_name_end(c) for c in _clusters(lines[last + 1], HEADER_GAP)))):
        last += 1
    words = sorted((w for line in lines[first : last + 1] for w in line if w is not number), key=lambda w: w["x0"])
    names: list[list[dict]] = []
    for w in words:  # words of one name overlap in x, or stand close, whichever line they are on
        if names and w["x0"] - max(v["x1"] for v in names[-1]) < HEADER_GAP:
            names[-1].append(w)
        else:
            names.append([w])
    if len(names) < 2 or not any(_HEADER_WORDS.search(_text(_reading_order(c))) for c in names):
        return None
    return first, last, [[number], *(_reading_order(c) for c in names)]


def _reading_order(words: list[dict]) -> list[dict]:
    return [w for line in _lines(words) for w in line]


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

    # a line of a group's title runs past the third column's start (the lead's, after the number's
    # and the text's), as no line of a row's text does
    def group_title(k):  # a group's number, or a line of its title next to it ("II" / "Đẩy mạnh …")
        if _GROUP.match(body[k][0]["text"]):
            return True
        if _ROW_NUMBER.match(body[k][0]["text"]):
            return False  # the group's first row, right under its title ("I. CẮT GIẢM …" / "1 Rà soát …")
        near = [i for i in (k - 1, k + 1) if 0 <= i < len(body) and _GROUP.match(body[i][0]["text"])]
        return any(_gap(*sorted((body[i], body[k]), key=lambda ln: ln[0]["top"])) <= HEADER_LINE_GAP
                   for i in near) and body[k][-1]["x1"] > starts[min(2, len(starts) - 1)]

    rows = [line for k, line in enumerate(body) if not group_title(k) and not _page_number(_text(line))]
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


def _anchored(line: list[dict], columns: Columns) -> bool:
    """A row's number stands at the start of ``line``, in the number column."""
    return columns.column(line[0]["x0"]) == 0 and bool(_ROW_NUMBER.match(line[0]["text"]))


def _centre(line: list[dict]) -> float:
    return (min(w["top"] for w in line) + max(w["bottom"] for w in line)) / 2


def _group_row(lines: list[list[dict]], j: int, columns: Columns) -> bool:
    """Line ``j``, numbered as a heading ("I. CẮT GIẢM, ĐƠN GIẢN HÓA TTHC", its title right after
    the number), is a group's row of the table, not the heading after it: a table's line follows
    it (one that runs over no column's edge), where prose would follow a heading."""
    below = lines[j + 1] if j + 1 < len(lines) else None
    return (bool(_GROUP.match(lines[j][0]["text"])) and below is not None and not _heading(below)
            and not _page_number(_text(below)) and not _crosses(below, columns))


def _group_title_line(lines: list[list[dict]], j: int, body: list[list[dict]], columns: Columns) -> bool:
    """Line ``j`` runs across the columns as a group's title wrapped over lines does ("II  Đẩy
    mạnh số hóa … dịch vụ công" / "trực tuyến toàn trình …"): right after the group's number, or
    a line of its title that goes on, or just above a number alone on its line (the title
    centred around it), each close to the next. Else it is prose across the page."""
    def group_line(line):
        return _anchored(line, columns) and bool(_GROUP.match(line[0]["text"]))

    above = body[-1] if body else None
    if above is not None and _gap(above, lines[j]) <= HEADER_LINE_GAP and (
            group_line(above) or (len(body) > 1 and group_line(body[-2]) and _crosses(above, columns))):
        return True
    below = lines[j + 1] if j + 1 < len(lines) else None
    return (below is not None and group_line(below) and len(below) == 1
            and _gap(lines[j], below) <= HEADER_LINE_GAP)


def _rows_at_number(body: list[list[dict]], columns: Columns) -> list[list[list[dict]]]:
    """Rows whose number stands on their first line: a row runs from one number to the next.
    Lines before the first number are a row the page break cut (its cells open the page)."""
    rows: list[list[list[dict]]] = []
    for line in body:
        if _anchored(line, columns) or not rows:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def _rows_around_number(body: list[list[dict]], columns: Columns, *, cut: bool = False, foot: bool = False
                        ) -> tuple[list[list[list[dict]]], bool]:
    """(rows, whether they fit) for rows whose number is centred in them vertically: the first
    row starts at the first line, its number stands half-way down, so it ends as far below the
    number as it starts above; the next row starts at the next line. They fit when each row's
    last line ends where its number says (within :data:`CENTRED_TOLERANCE` of a line's height)
    and before the next number.

    ``cut``: the page goes on with a row the page break cut, whose last lines open it: the rows
    start at the first line from which they fit, and the lines above it are that row's (a row
    without a number). ``foot``: the table runs to the page's foot, where its last row may end
    short (the page break cut it)."""
    anchors = [j for j, line in enumerate(body) if _anchored(line, columns)]
    first: list[list[list[dict]]] | None = None
    # (rows that fit whole first: a short last row would fit too soon a page whose first row is cut)
    for short_last in ((False, True) if foot else (False,)):
        for s in range((anchors[0] + 1) if cut and anchors else 1):
            rows, fits = _rows_centred_from(body, s, anchors, foot=short_last)
            rows = ([body[:s]] if s else []) + rows
            if fits:
                return rows, True
            first = rows if first is None else first
    return first, False


def _rows_centred_from(body: list[list[dict]], j: int, anchors: list[int], *, foot: bool
                       ) -> tuple[list[list[list[dict]]], bool]:
    rows: list[list[list[dict]]] = []
    fits = True
    for k, a in enumerate(anchors):
        if j > a:
            fits = False  # the row above ran past this number
            continue
        top = min(w["top"] for w in body[j])
        bottom = 2 * _centre(body[a]) - top
        end = anchors[k + 1] if k + 1 < len(anchors) else len(body)
        stop = a + 1
        while stop < end and _centre(body[stop]) <= bottom:
            stop += 1
        last = max(w["bottom"] for w in body[stop - 1])
        height = max(w["bottom"] - w["top"] for w in body[a])
        short = foot and stop == len(body) and last < bottom  # the page's last row, cut by its foot
        fits = fits and (short or abs(last - bottom) <= CENTRED_TOLERANCE * height) and (
            stop == end or _centre(body[stop]) > bottom)
        rows.append(body[j:stop])
        j = stop
    if j < len(body):
        if rows:
            rows[-1] += body[j:]
        else:
            rows.append(body[j:])
        fits = fits and not anchors
    return rows, fits


def _cut_cells(rows: list[list[list[dict]]], columns: Columns, n: int) -> int:
    """How many of the rows' cells start in lowercase, as a cell cut from the one above does
    ("hành chính thuộc phạm vi …")."""
    return sum(cell[:1].islower() for row in rows for cell in _row_cells(row, columns, n)[1:])


def _row_cells(row: list[list[dict]], columns: Columns, n: int) -> list[str]:
    """A row's cells, each line's words in the column they start in; a group's title ("II  Số
    hóa …", across the columns) whole in the second."""
    number = next((line[0] for line in row if _anchored(line, columns)), None)
    if number is not None and _GROUP.match(number["text"]):
        title = " ".join(w["text"] for line in row for w in line if w is not number)
        return [number["text"], title] + [""] * (n - 2)
    cells = [""] * n
    for line in row:
        for k, text in enumerate(_cells(line, columns, n)):
            cells[k] = join_wrapped(cells[k], text)
    return cells


def borderless_table(words: list[dict], carry: Columns | None = None
                     ) -> tuple[float, float, list[str], Columns | None] | None:
    """The first borderless table of a page's words: (top, bottom, lines, columns to carry to
    the next page or None), its lines tab-separated (the header, then one line a row); or None.
    ``carry`` are the columns of a table that ran to the foot of the page before: the page's
    first lines that fit them go on with it (its page number and a repeated header skipped).

    A row's number stands on its first line, or half-way down the row when its cells are
    centred vertically (:attr:`Columns.centred`): then the lines between the header and the
    first number are the first row's."""
    lines = _lines(words)
    columns, band = carry, None
    if carry is None:
        for i in range(len(lines)):
            if (found := _header_at(lines, i)) is not None:
                first, last, names = found
                # (a heading right under the header is the first group's row: "I. CẮT GIẢM TTHC")
                body_end = next((j for j in range(last + 2, len(lines)) if _heading(lines[j])), len(lines))
                columns = _columns(names, lines[i + 1 : body_end])
                band = (first, last)
                break
        if columns is None:
            return None
        start = band[0]
    else:
        start = next((i for i, line in enumerate(lines) if not _page_number(_text(line))), None)
        if start is None or _heading(lines[start]):
            return None
        repeated = next((found for i in range(start, min(start + HEADER_LINES_MAX, len(lines)))
                         if (found := _header_at(lines, i)) is not None and found[0] == start), None)
        if repeated is not None:
            band = repeated[:2]
        elif _crosses(lines[start], carry):
            return None
    n = len(columns.edges) + 1
    header = [_cells(line, columns, n) for line in lines[band[0] : band[1] + 1]] if band else []
    body_start = band[1] + 1 if band else start
    body, end = [], None
    for j in range(body_start, len(lines)):
        line = lines[j]
        first = line[0]["text"]
        if _page_number(_text(line)) and j > start and not _anchored(line, columns):
            break  # the page's foot: the table may go on on the next page
        if (_heading(line) and not _group_row(lines, j, columns)) or (
                _crosses(line, columns) and not _GROUP.match(first) and not _group_title_line(lines, j, body, columns)):
            end = j
            break
        body.append(line)
    if not any(_anchored(line, columns) for line in body) and (carry is None or not body):
        return None
    centred, fits = _rows_around_number(body, columns, cut=carry is not None, foot=end is None)
    if carry is None and fits and any(not _anchored(row[0], columns) for row in centred) and (
            not _anchored(body[0], columns)
            or _cut_cells(centred, columns, n) < _cut_cells(_rows_at_number(body, columns), columns, n)):
        # rows' first lines stand above their numbers: the table's first line is no row's number,
        # or read so, fewer cells start mid-sentence than read from number to number (a table with
        # its cells at the top whose rows take two lines each fits both readings)
        columns = replace(columns, centred=True)
    rows = centred if columns.centred else _rows_at_number(body, columns)
    out = []
    if header:
        out.append("\t".join(" ".join(c for c in col if c).strip() for col in zip(*header, strict=True)))
    out += ["\t".join(_row_cells(row, columns, n)) for row in rows]
    top = lines[start][0]["top"]
    bottom = max(w["bottom"] for line in (body or lines[start : start + 1]) for w in line)
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
