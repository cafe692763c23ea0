"""Formats: .txt, .md, .html, .docx, text-layer .pdf (and .doc, .odt, .rtf) -> lines of text.

Every format becomes the same thing: lines. Paragraphs are lines; a table row is one line
with its cells joined by TAB (cell-internal newlines become spaces), which the parser
reads like the tab-separated tables of scraped plans. Nothing in a document is executed:
HTML is parsed by lxml without scripts or network access, .docx is read by python-docx
(macros are never run) after its zip members are size-checked, PDFs by pdfplumber (a table
drawn with ruling lines is read as a table; text outside tables line by line as laid out).
Word 97-2003 .doc, OpenDocument .odt and .rtf are converted to .docx by LibreOffice
(``soffice --headless --convert-to docx``, macros not run) and read as a .docx: Word's automatic
numbering, tables and merged cells come through. Without LibreOffice such a file is a
:class:`FormatProblem` that says how to read it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from .encodings import DOUBLE_UTF8, LEGACY_NAMES, MIXED_UTF8, decode
from .text import replace_line_breaks

SUPPORTED = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx",
             ".pdf": "pdf", ".doc": "office", ".odt": "office", ".rtf": "office"}
#: The environment variable naming LibreOffice's ``soffice`` program where it is not on the PATH
#: (e.g. ``/Applications/LibreOffice.app/Contents/MacOS/soffice``, ``C:\\Program
#: Files\\LibreOffice\\program\\soffice.exe``).
SOFFICE_ENV = "KEHOACH_SOFFICE"
#: Seconds LibreOffice may take to convert one file.
SOFFICE_TIMEOUT = 180
#: Largest total uncompressed size of a .docx archive (zip-bomb guard).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
#: Largest compression ratio of a .docx member (zip-bomb guard).
MAX_COMPRESSION_RATIO = 200
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
           "blockquote", "pre")
_WS = re.compile(r"[ \t\u00a0]+")
#: Markdown written around a plan's lines: "## II. NHIỆM VỤ" (ATX headings, closing #s too),
#: "> " quotes, "**bold**", "__bold__", "*italic*", "* " bullets and backslash escapes.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
#: A heading's text that is no section of the plan's body: an appendix, the recipients, the
#: addressees ("## Phụ lục I", "#### Nơi nhận:"), read as the plain line the parser knows.
_MD_NOT_SECTION = re.compile(r"^(?:Phụ lục|PHỤ LỤC|Biểu|BIỂU|Nơi nhận|Kính gửi|Danh mục|DANH MỤC)\b")
#: A heading's text that opens with its number ("II. NHIỆM VỤ", "1. Mục tiêu", "Phần I").
_MD_NUMBERED = re.compile(r"^(?:\*\*)?(?:[IVX]{1,5}[./]|\d{1,2}(?:\.\d{1,2})*[./)]|[a-zđ]\)|Phần\s|PHẦN\s)")
#: Bold at a line's start (a heading or label: "**Nơi nhận:**", "**1. Mục tiêu chung:** …") and
#: "__bold__"; "**…**" further on is left for the parser, which reads bold deadlines
#: ("… báo cáo **trước ngày 15/8/2025**") and headings glued with bold ("I. …**1. Mục đích**").
_MD_STRONG = re.compile(r"^(\s*(?:[-*+]\s+)?)\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_MD_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_MD_BULLET = re.compile(r"^(\s*)\*\s+")
#: A nested list item ("  - …", "    * …"): a "+ " item, as the plans write a point's sub-points.
_MD_NESTED = re.compile(r"^(?:\s{2,}|\t+)[-*+]\s+")
#: Text struck through, ``~~…~~``: deleted (an amended plan shows what it takes out).
_MD_STRUCK = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
#: PDF tables: pdfplumber's ruling-line strategies (its defaults), so prose, and tables drawn
#: without rules, read as laid out.
PDF_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
#: A ruled "table" of one column is a box around text (a frame, a page border): it stays prose.
PDF_TABLE_MIN_COLUMNS = 2
_PDF_EPS = 0.5  # points: cell edges pdfplumber has snapped together compare equal within this


class FormatProblem(ValueError):
    """A file that cannot be read in its format; the message says why."""


def format_of(path: Path) -> str | None:
    """The format kehoach reads ``path`` as, by its suffix (:data:`SUPPORTED`), or None."""
    return SUPPORTED.get(path.suffix.lower())


def _cell(text: str) -> str:
    return _WS.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def _docx_cell(cell) -> str:
    """A Word table cell's text in one line. Its paragraphs and line breaks are read as the text
    means them, as an HTML cell's ``<br>`` (:func:`kehoach_lib.text.replace_line_breaks`): one
    agency a line is a list ("Sở Nội vụ" / "Sở Tư pháp" -> ``Sở Nội vụ; Sở Tư pháp``), a sentence
    going on is one."""
    lines = "\n".join(_paragraph_text(p._p) for p in cell.paragraphs).replace("\r", "\n").split("\n")
    return _cell(replace_line_breaks("<br>".join(line for line in lines if line.strip())))


def _pdf_cell(text: str) -> str:
    """A PDF table cell's text in one line: its wrapped lines joined by spaces, but for a line
    wrapped inside a date or a range (:func:`kehoach_lib.pdf_columns.join_wrapped`)."""
    from functools import reduce

    from .pdf_columns import join_wrapped

    return _cell(reduce(join_wrapped, text.split("\n"), ""))


def read_lines(path: Path, data: bytes, *, legacy: str = "convert") -> tuple[list[str], str]:
    """(lines, encoding or format detail) of a file's bytes; ``legacy`` as in :func:`decode`."""
    kind = format_of(path)
    if kind in ("txt", "md"):
        text, encoding = decode(data, legacy=legacy)
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return (markdown_lines(lines) if kind == "md" else lines), encoding
    if kind == "html":
        # the page's encoding is its own business, but text repaired or converted is reported
        lines, encoding = html_text(data, legacy=legacy)
        return lines, encoding if encoding in (DOUBLE_UTF8, MIXED_UTF8, *LEGACY_NAMES) else "html"
    if kind == "docx":
        return docx_lines(path, data), "docx"
    if kind == "pdf":
        return pdf_lines(data), "pdf"
    if kind == "office":
        return office_lines(path, data, legacy=legacy)
    raise FormatProblem(f"unsupported format {path.suffix or '(no extension)'}; "
                        f"supported: {', '.join(sorted(SUPPORTED))}")


#: A list item at the left margin: a bullet ("- ", "* ", "+ ") or a number ("1. ", "2) ").
_MD_ITEM = re.compile(r"^(?:(?P<bullet>[-*+])|\d{1,3}[.)])\s+")


def markdown_lines(lines: list[str]) -> list[str]:
    """A Markdown file's lines as plain lines (:func:`markdown_to_text`), a nested list item as a
    "+ " point where it sits under a bullet ("- **Sở Tài chính**:" / "  - Rà soát …"), as a "- "
    item where it sits under a number ("1. Rà soát …" / "   - Cơ quan chủ trì: …")."""
    out, under_bullet = [], False
    lines = _bold_headings(_setext_headings(lines))
    for line in lines:
        if m := _MD_ITEM.match(line):
            under_bullet = bool(m.group("bullet"))
        elif line.strip() and not line[:1].isspace():
            under_bullet = False
        if not under_bullet and _MD_NESTED.match(line):
            line = _MD_NESTED.sub("- ", line)
        out.append(markdown_to_text(line))
    return out


#: A thematic break: "---", "***", "___", "* * *" alone on a line.
_MD_THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
#: The underline of a Setext heading: "=====" (level 1) or "-----" (level 2).
_SETEXT_RULE = re.compile(r"^\s{0,3}(=+|-+)\s*$")


def _setext_headings(lines: list[str]) -> list[str]:
    """Setext headings ("Mục tiêu" over "--------") written as ATX ones ("## Mục tiêu"), their
    underline a blank line (so the lines keep their numbers); a rule after a blank line, a list
    item or the front matter's "---" stays as it is."""
    out = list(lines)
    for i in range(1, len(lines)):
        m = _SETEXT_RULE.match(lines[i])
        above = lines[i - 1]
        if (m and len(m.group(1)) >= 3 and above.strip() and not _MD_ITEM.match(above.lstrip())
                and not _SETEXT_RULE.match(above) and not above.lstrip().startswith(("#", "|", ">"))
                and (i < 2 or not lines[i - 2].strip() or _SETEXT_RULE.match(lines[i - 2]))):
            out[i - 1] = ("# " if m.group(1)[0] == "=" else "## ") + above.strip()
            out[i] = ""
    return out


#: A line that belongs to the list item above it rather than ending the list: a bullet ("- Chủ
#: trì: Sở Tư pháp") or a label and its value ("Thực hiện: Các sở, ban, ngành. Thời gian: …").
_MD_ITEM_PART = re.compile(r"^(?:[-+*]\s|[^.:;]{1,40}:\s*\S)")
#: A paragraph that is nothing but bold: "**Nhóm 2 – Giải quyết TTHC trên môi trường điện tử**".
_BOLD_LINE = re.compile(r"^\s{0,3}\*\*(?P<text>[^*]+?)\*\*\s*$")


class _RestartedList:
    """The items of a numbered group ("**2. Đẩy mạnh số hóa …**", a Word heading "2. …") whose
    list numbers from 1 again, as Word's numbering restarts: "1." under it is its item 2.1 while
    its items number on from 1, one by one ("2." after "2." is no item of the group)."""

    _NUMBER = re.compile(r"(\d{1,2})[.)]\s")
    _ITEM = re.compile(r"^(\d{1,2})[.)](\s+\S.*)$")  # at the line's start: an indented "1." is a sub-item

    def __init__(self) -> None:
        self.number, self.last = "", 0

    def heading(self, title: str) -> None:
        """A heading starts a group when it is numbered, and ends the one before."""
        m = self._NUMBER.match(title.strip())
        self.number, self.last = (m.group(1) if m else ""), 0

    def end(self) -> None:
        self.number = ""

    def item(self, line: str) -> str | None:
        """``line`` numbered as an item of the group ("1. Rà soát …" -> "2.1. Rà soát …"), or
        ``None`` (which ends the group when the line's number does not follow on)."""
        if not self.number or not (m := self._ITEM.match(line)):
            return None
        if int(m.group(1)) != self.last + 1:
            self.end()
            return None
        self.last = int(m.group(1))
        return f"{self.number}.{m.group(1)}.{m.group(2)}"


def _bold_headings(lines: list[str]) -> list[str]:
    """A bold paragraph of its own (blank lines around it) under a heading and over list items,
    written as a heading one level below it: a group of the items after it. (The header's bold
    lines, before any heading, stay as they are.)"""
    out, level = list(lines), 0
    group = _RestartedList()
    for i, line in enumerate(lines):
        if m := re.match(r"^\s{0,3}(#{1,6})\s", line):
            level = len(m.group(1))
            # a numbered heading ("## 2. Nâng cao chất lượng …") over a list from 1 again is its group
            group.heading(markdown_to_text(line))
        elif (level and (m := _BOLD_LINE.match(line)) and (i == 0 or not lines[i - 1].strip())
              and (i + 1 == len(lines) or not lines[i + 1].strip() or _MD_ITEM.match(lines[i + 1].lstrip()))
              and not _MD_NOT_SECTION.match(m.group("text"))
              and _MD_ITEM.match(next((ln.lstrip() for ln in lines[i + 1:] if ln.strip()), ""))):
            # (it heads the items after it: a signer's name in bold does not)
            out[i] = "#" * min(level + 1, 6) + " " + m.group("text").strip()
            group.heading(m.group("text"))
        elif (item := group.item(line)) is not None:
            out[i] = item
        elif line.strip() and not line[:1].isspace() and not _MD_ITEM_PART.match(line):
            group.end()  # a paragraph of its own ends the group's list
    return out


def markdown_to_text(line: str) -> str:
    """One line of Markdown as the plain line it marks up: ``## II. NHIỆM VỤ`` -> ``II. NHIỆM
    VỤ``, ``**1. Mục tiêu chung:** Cắt giảm`` -> ``1. Mục tiêu chung: Cắt giảm``, ``* item``
    -> ``- item``, a nested ``  - item`` -> ``+ item``, text struck through (``~~…~~``) left
    out; table rows (``| … |``) keep their pipes, and bold after a line's start its ``**``."""
    line = _MD_QUOTE.sub("", line)
    if "~~" in line:
        line = re.sub(r"[ \t]{2,}", " ", _MD_STRUCK.sub("", line)) if _MD_STRUCK.sub("", line).strip() else ""
    if _MD_THEMATIC_BREAK.match(line):
        return ""  # a rule between parts ("---", "* * *"): no text
    if m := _MD_HEADING.match(line):
        title = markdown_to_text(m.group(1))
        if _MD_NUMBERED.match(title) or title.isupper() or _MD_NOT_SECTION.match(title):
            return title
        # a heading without its number keeps its level, which is all that says where it stands
        marks = line.lstrip()
        return "#" * (len(marks) - len(marks.lstrip("#"))) + " " + title
    line = _MD_NESTED.sub("+ ", line)
    line = _MD_BULLET.sub(r"\1- ", line)
    line = _MD_STRONG.sub(lambda m: (m.group(1) or "") + (m.group(2) or m.group(3)), line)
    line = _MD_EMPHASIS.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line)


def _span(value) -> int:
    """A ``colspan`` as a number of columns (1 when missing or unreadable; at most 50)."""
    try:
        return min(max(int(str(value).strip()), 1), 50)
    except (TypeError, ValueError):
        return 1


def _fill_from_above(cells: list[str], below: dict[int, tuple[str, int]]) -> None:
    """Append the cells of rows above that span down to this row's next columns (a cell spanning
    rows is in each of them, as Word gives it)."""
    while len(cells) in below:
        text, left = below.pop(len(cells))
        if left > 1:
            below[len(cells)] = (text, left - 1)
        cells.append(text)


def html_lines(data: bytes) -> list[str]:
    """The text lines of an HTML page (a table row is one tab-separated line)."""
    return html_text(data)[0]


#: A cell of a table of one or two rows or columns with more characters than this lays out a page.
LAYOUT_CELL_CHARS = 2000


def _lays_out(table) -> bool:
    """An HTML table that lays out a page: one or two rows or columns, holding a table or a
    passage of :data:`LAYOUT_CELL_CHARS` characters (a data table with a long cell, or a small
    table in one cell, is still a data table)."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    cells = [[c for c in tr.find_all(["td", "th"]) if c.find_parent("table") is table] for tr in rows]
    if len(rows) > 2 and max((len(r) for r in cells), default=0) > 2:
        return False
    return table.find("table") is not None or any(len(c.get_text()) > LAYOUT_CELL_CHARS for r in cells for c in r)


def html_text(data: bytes, *, legacy: str = "convert") -> tuple[list[str], str]:
    """(lines, encoding as :func:`decode` names it) of an HTML page."""
    from bs4 import BeautifulSoup

    text, encoding = decode(data, legacy=legacy)
    soup = BeautifulSoup(text, "lxml")
    # (and text struck through, as an amended plan shows what it deletes: no longer the plan's)
    for tag in soup(["script", "style", "noscript", "iframe", "object", "embed", "template", "del", "s", "strike"]):
        tag.decompose()
    tables = soup.find_all("table")
    # a table that lays out a page (menu | content, a frame around the text) holds tables, or
    # whole passages, in its cells: its cells are read as blocks, the tables inside as tables
    layout = {id(t) for t in tables if _lays_out(t)}
    for table in reversed(tables):  # the innermost first
        if id(table) in layout:
            for c in table.find_all(["td", "th"]):
                c.insert_before("\n")
                c.insert_after("\n")
                c.unwrap()
            for tag in table.find_all(["tr", "tbody", "thead", "tfoot", "caption"]):
                tag.unwrap()
            table.unwrap()
            continue
        rows = []
        below: dict[int, tuple[str, int]] = {}  # column -> (text, rows left) of cells spanning rows
        for tr in table.find_all("tr"):
            cells: list[str] = []
            for c in tr.find_all(["td", "th"]):
                _fill_from_above(cells, below)
                for br in c.find_all("br"):
                    br.replace_with("<br>")  # (read as the text means it: a list, or the text going on)
                text = _cell(replace_line_breaks(c.get_text(" ")))
                for k in range(_span(c.get("colspan"))):
                    # a cell spanning columns keeps the row's columns: its text, then empty cells
                    if _span(c.get("rowspan")) > 1:
                        below[len(cells)] = (text if k == 0 else "", _span(c.get("rowspan")) - 1)
                    cells.append(text if k == 0 else "")
            _fill_from_above(cells, below)
            rows.append("\t".join(cells))
        table.replace_with("\n" + "\n".join(rows) + "\n")
    _list_markers(soup)
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_after("\n")
    body = soup.body or soup
    # one line per block; the whitespace between tags is layout, not paragraph breaks
    lines = [_WS.sub(" ", ln).strip() if "\t" not in ln else ln.strip(" ")
             for ln in body.get_text().split("\n")]
    return [ln for ln in lines if ln.strip()], encoding


def _list_markers(soup) -> None:
    """Each HTML list item on a line of its own with the mark a plan writes: "1.", "2." in an
    ``<ol>`` (from its ``start``), "a)", "b)" in an ``<ol>`` inside one, "- " in a ``<ul>`` (also
    under a numbered item) and "+ " in a ``<ul>`` under a bullet (``<li><strong>Sở Nội
    vụ</strong><ul><li>…`` is the agency over its items)."""
    for li in soup.find_all("li"):
        parent = li.find_parent(["ol", "ul"])
        if parent is None:
            continue
        depth = len(li.find_parents("li"))
        # a list right after a paragraph that numbers itself or introduces it ("1. Rà soát … các thủ
        # tục sau:") is that item's list, not the plan's numbering
        before = parent.find_previous_sibling()
        said = before.get_text(" ").strip() if before is not None and before.name in ("p", "div") else ""
        if parent.name == "ol" and depth == 0 and (re.match(r"\d{1,2}[.)]\s", said) or said.endswith(":")):
            li.insert(0, "- ")
            li.insert_before("\n")
            continue
        if parent.name == "ol":
            try:
                start = int(parent.get("start", 1))
            except (TypeError, ValueError):
                start = 1
            n = start + sum(1 for sib in li.find_previous_siblings("li"))
            mark = f"{n}." if depth == 0 else (f"{chr(ord('a') + n - 1)})" if depth == 1 and n <= 26 else "+")
        else:  # (under a numbered item its bullets are its "- " items, under a bullet "+ " points)
            outer = li.find_parent("li")
            outer_list = outer.find_parent(["ol", "ul"]) if outer is not None else None
            mark = "-" if depth == 0 or (depth == 1 and outer_list is not None and outer_list.name == "ol") else "+"
        li.insert(0, f"{mark} ")
        li.insert_before("\n")


def check_zip(data: bytes) -> None:
    """Refuse archives whose members would unpack to too much (zip bombs)."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise FormatProblem("corrupt .docx (not a valid zip archive)") from exc
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_COMPRESSION_RATIO:
            raise FormatProblem(f"refused: archive member {info.filename} expands "
                                f"{info.file_size // max(info.compress_size, 1)}x (zip bomb?)")
    if total > MAX_UNZIPPED_BYTES:
        raise FormatProblem(f"refused: archive unpacks to {total} bytes (limit {MAX_UNZIPPED_BYTES})")


#: How each word-processor format's bytes begin (Word 97-2003: an OLE compound file).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_RTF_MAGIC = b"{\\rtf"
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html|\?xml[^>]*>\s*<html)", re.IGNORECASE)


def office_lines(path: Path, data: bytes, *, legacy: str = "convert") -> tuple[list[str], str]:
    """(lines, ``"office"`` or a repaired page's encoding) of a .doc, .odt or .rtf file, by what
    its bytes are: a Word 97-2003 file, an OpenDocument text or RTF through LibreOffice
    (:func:`office_to_docx`); a .docx or a web page saved under the name .doc (as older portals
    serve them) read as that; anything else a :class:`FormatProblem`."""
    suffix = path.suffix.lower()
    if data.startswith(_ZIP_MAGIC) and suffix == ".doc":
        return docx_lines(path, data), "office"
    if _HTML_START.match(data[:1024]) and suffix != ".odt":
        lines, encoding = html_text(data, legacy=legacy)
        return lines, encoding if encoding in (DOUBLE_UTF8, MIXED_UTF8, *LEGACY_NAMES) else "office"
    expected = {".doc": (_OLE_MAGIC, _RTF_MAGIC), ".odt": (_ZIP_MAGIC,), ".rtf": (_RTF_MAGIC,)}[suffix]
    if not data.startswith(expected):
        what = {".doc": "a Word 97-2003 document", ".odt": "an OpenDocument text", ".rtf": "an RTF document"}
        raise FormatProblem(f"not {what[suffix]} (its bytes do not begin as one does)")
    return docx_lines(path, office_to_docx(path, data)), "office"


def soffice_program() -> str | None:
    """LibreOffice's ``soffice``: :data:`SOFFICE_ENV` if set, else ``soffice`` or
    ``libreoffice`` on the PATH; None when there is none."""
    named = os.environ.get(SOFFICE_ENV)
    if named:
        return named
    return shutil.which("soffice") or shutil.which("libreoffice")


#: LibreOffice settings of each conversion's private profile: every internet access goes through
#: a proxy at a closed port, so a document that links a picture or a file on a server (a web
#: beacon, a request into the local network) makes no request.
_SOFFICE_SETTINGS = {"ooInetProxyType": "1", "ooInetNoProxy": "",
                     **{f"ooInet{kind}Proxy{field}": value for kind in ("HTTP", "HTTPS", "FTP")
                        for field, value in (("Name", "127.0.0.1"), ("Port", "9"))}}
_SOFFICE_PROFILE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    + "".join(f'<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="{name}" oor:op="fuse">'
              f"<value>{value}</value></prop></item>\n" for name, value in _SOFFICE_SETTINGS.items())
    + "</oor:items>\n")


def office_to_docx(path: Path, data: bytes, *, timeout: float = SOFFICE_TIMEOUT) -> bytes:
    """The bytes of a .doc, .odt or .rtf file converted to .docx by LibreOffice, in a private
    folder with a private profile (conversions side by side do not share one) that lets it reach
    no server (:data:`_SOFFICE_PROFILE`). No LibreOffice, a failed conversion or one that runs out
    of time (LibreOffice and what it started are stopped) is a :class:`FormatProblem` saying so."""
    import signal

    program = soffice_program()
    suffix = path.suffix.lower()
    if program is None:
        raise FormatProblem(f"a {suffix} file is read through LibreOffice, which was not found (no "
                            f"'soffice' on the PATH, no {SOFFICE_ENV}): install LibreOffice, or "
                            "save the file as .docx")
    with tempfile.TemporaryDirectory(prefix="kehoach-office-", ignore_cleanup_errors=True) as tmp:
        source = Path(tmp) / f"document{suffix}"
        source.write_bytes(data)
        user = Path(tmp) / "profile" / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(_SOFFICE_PROFILE, encoding="utf-8")
        command = [program, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "docx", "--outdir", tmp, str(source)]
        try:
            # a session of its own, so that a conversion that hangs is stopped with all it started
            run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        except OSError as exc:
            raise FormatProblem(f"LibreOffice ({program}) could not be started: {exc}") from exc
        try:
            out, err = run.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            with contextlib.suppress(ProcessLookupError):
                if hasattr(os, "killpg"):
                    os.killpg(run.pid, signal.SIGKILL)
                else:  # Windows: no process groups to stop
                    run.kill()
            run.communicate()
            raise FormatProblem(f"LibreOffice took more than {timeout:g} s to convert it") from exc
        converted = Path(tmp) / "document.docx"
        if run.returncode != 0 or not converted.exists():
            said = (err or out).decode("utf-8", "replace").strip().splitlines()
            raise FormatProblem(f"LibreOffice could not convert it to .docx (exit {run.returncode}"
                                + (f": {said[-1]}" if said else "") + "); is it a corrupt or protected file?")
        return converted.read_bytes()


def _is_frame(tbl) -> bool:
    """A Word table that frames others: a table in one of its cells, and one or two rows or
    columns (a data table with a small table in one cell is still a data table)."""
    if tbl.find(f"{_W}tr/{_W}tc/{_W}tbl") is None:
        return False
    rows = tbl.findall(f"{_W}tr")
    return len(rows) <= 2 or max(len(tr.findall(f"{_W}tc")) for tr in rows) <= 2


#: What a Word table laid out as a letterhead or a signature block holds: the national motto
#: beside the issuer ("ỦY BAN NHÂN DÂN TỈNH X / Số: …" | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM …"),
#: or "Nơi nhận:" beside the signer.
_LAYOUT_TABLE = re.compile(r"CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do|Nơi nhận\s*:")


def _is_layout(tbl) -> bool:
    """A Word table of one to three rows of at most three cells that lays out the letterhead or
    the signature block side by side: its cells are passages (the issuer's lines, then the
    motto's), not a row of a task table."""
    rows = tbl.findall(f"{_W}tr")
    if not rows or len(rows) > 3 or max(len(tr.findall(f"{_W}tc")) for tr in rows) > 3:
        return False
    cells = [" ".join("".join(t.text or "" for t in p.iter(f"{_W}t")).strip() for p in tc.iter(f"{_W}p")).strip()
             for tr in rows for tc in tr.findall(f"{_W}tc")]
    # the marker opens a cell, and no cell names a task table's column ("STT", "Nội dung")
    return (any(_LAYOUT_TABLE.match(c) for c in cells)
            and not any(re.match(r"(?:STT|TT|Nội dung|Nhiệm vụ)\b", c, re.IGNORECASE) for c in cells))


#: The values that switch a Word on/off property off.
_OFF = ("false", "0", "off")


def _struck(run) -> bool:
    """A Word run formatted as struck through (``w:strike``, ``w:dstrike``, not switched off)."""
    props = run.find(f"{_W}rPr")
    return props is not None and any(
        (el := props.find(f"{_W}{tag}")) is not None and el.get(f"{_W}val", "true").lower() not in _OFF
        for tag in ("strike", "dstrike"))


def _paragraph_text(p) -> str:
    """A Word paragraph's text as its final version reads: its runs, also those inserted with
    changes tracked (``w:ins``, which python-docx's ``Paragraph.text`` leaves out), in links and
    fields; not deleted text (``w:del``, ``w:moveFrom``) nor text struck through, which is what an
    amended plan shows it deletes (as ``~~…~~`` in Markdown and ``<del>`` in HTML)."""
    out: list[str] = []
    struck = False
    for el in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        ancestors = list(el.iterancestors())
        if any(a.tag in (f"{_W}del", f"{_W}moveFrom") for a in ancestors):
            continue
        if any(a.tag == f"{_W}r" and _struck(a) for a in ancestors):
            struck = True
            continue
        tag = el.tag.rsplit("}", 1)[-1]
        out.append(el.text or "" if tag == "t" else "\t" if tag == "tab" else "\n")
    # the spaces on both sides of a word struck out are one ("Rà soát ~~30%~~ 50%" -> "Rà soát 50%")
    return re.sub(r" {2,}", " ", "".join(out)).strip(" ") if struck else "".join(out)


def _deleted_paragraph(p) -> bool:
    """A paragraph deleted with changes tracked: its mark deleted and no text left in it."""
    mark = p.find(f"{_W}pPr/{_W}rPr/{_W}del")
    return mark is not None and not _paragraph_text(p).strip()


def docx_lines(path: Path, data: bytes) -> list[str]:
    """The text lines of a .docx, paragraphs and tables in document order (a table row is one
    tab-separated line); a broken or oversized archive is a :class:`FormatProblem`."""
    import io

    check_zip(data)
    try:
        from docx import Document as Docx
        from docx.table import Table

        doc = Docx(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several kinds
        raise FormatProblem(f"corrupt .docx ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    numbering = WordNumbering(doc)
    levels = _heading_levels(doc)
    group = _RestartedList()  # a numbered heading ("2. …", style Heading 2) whose list restarts at 1

    def blocks(parent) -> None:
        for child in parent.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                if _deleted_paragraph(child):
                    continue  # a paragraph deleted with changes tracked: neither its text nor its number
                # "1.<tab>Rà soát …": the tab after a typed number is Word's indent, not a table's cell
                text = _NUMBER_TAB.sub(r"\1 ", _paragraph_text(child))
                label = numbering.label(child)
                line = f"{label} {text}" if label and text.strip() else text
                if _heading_level(child, levels):
                    group.heading(line)
                elif (item := group.item(line.strip())) is not None:
                    text, label = item, ""
                if (not label and (level := _heading_level(child, levels)) and text.strip() and "\n" not in text
                        and not text.isupper() and not _MD_NUMBERED.match(text.strip())
                        and not _MD_NOT_SECTION.match(text.strip())):
                    # a heading without a number ("Cắt giảm TTHC nội bộ" in style Heading 2) keeps
                    # its level as Markdown writes it, which is all that says where it stands
                    text = "#" * level + " " + text.strip()
                lines.extend(_soft_breaks_joined(f"{label} {text}" if label and text.strip() else text))
            elif tag == "tbl" and (_is_frame(child) or _is_layout(child)):
                # a frame around a table (a table in a cell of a table of one or two rows or
                # columns), or a letterhead or signature laid out side by side: its cells are
                # read as passages, one after the other, and the tables in them as tables
                for tr in child.findall(f"{_W}tr"):
                    for tc in tr.findall(f"{_W}tc"):
                        blocks(tc)
            elif tag == "tbl":
                for row in Table(child, doc).rows:
                    cells = list(row.cells)  # a merged cell appears once per column it spans
                    texts = [_docx_cell(c) for c in cells]
                    for k in range(len(cells) - 1, 0, -1):
                        if cells[k]._tc is cells[k - 1]._tc:
                            texts[k] = ""  # its text once, in its first column; the row keeps its columns
                    lines.append("\t".join(texts))
            elif tag == "sdt":  # a content control around paragraphs or tables
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    blocks(content)

    blocks(doc.element.body)
    return lines


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


#: A typed number and the tab after it that opens a Word paragraph: "1.\t", "a)\t", "II.\t".
_NUMBER_TAB = re.compile(r"^(\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)/:]?)\t+(?=\S)")
#: A line that opens an item of its own: "a) …", "đ. …", "b/ …", "iv) …".
_ITEM_MARK = re.compile(r"^(?:[a-zđ]|[ivx]{1,4})[).:/]\s")


def _soft_breaks_joined(text: str) -> list[str]:
    """A paragraph's lines at its manual line breaks, but a line that goes on in lowercase ("…
    Công văn này;" / "tổng hợp kết quả …") is the same sentence: one line with it."""
    out: list[str] = []
    for part in text.split("\n"):
        if out and part[:1].islower() and not _ITEM_MARK.match(part):
            out[-1] = f"{out[-1].rstrip()} {part}"
        else:
            out.append(part)
    return out
_HEADING_STYLE = re.compile(r"^heading\s*([1-6])$", re.IGNORECASE)


def _heading_levels(doc) -> dict[str, int]:
    """Paragraph style id -> heading level (1-6): styles named "Heading n", or with an outline
    level of their own."""
    out: dict[str, int] = {}
    for style in doc.styles.element.iter(f"{_W}style"):
        name = style.find(f"{_W}name")
        m = _HEADING_STYLE.match(name.get(f"{_W}val", "") if name is not None else "")
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        value = outline.get(f"{_W}val", "") if outline is not None else ""
        level = int(m.group(1)) if m else (int(value) + 1 if value.isdigit() else 0)
        if 1 <= level <= 6:
            out[style.get(f"{_W}styleId")] = level
    return out


def _heading_level(p, levels: dict[str, int]) -> int:
    """A paragraph's heading level (0: body text), by its outline level or its style's."""
    outline = p.find(f"{_W}pPr/{_W}outlineLvl")
    if outline is not None and (value := outline.get(f"{_W}val", "")).isdigit():
        return int(value) + 1 if int(value) < 6 else 0
    style = p.find(f"{_W}pPr/{_W}pStyle")
    return levels.get(style.get(f"{_W}val"), 0) if style is not None else 0
#: Word list formats kehoach writes as text (others, and "none", give no label).
_ROMAN_NUMERALS = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                   (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_LEVEL_REF = re.compile(r"%([1-9])")


def roman(n: int) -> str:
    """``n`` in lower-case Roman numerals (4 -> "iv")."""
    out = ""
    for value, letters in _ROMAN_NUMERALS:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, then aa … zz."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _formatted(n: int, fmt: str) -> str:
    return {"decimal": str(n), "decimalZero": f"{n:02d}", "lowerLetter": _letters(n),
            "upperLetter": _letters(n).upper(), "lowerRoman": roman(n),
            "upperRoman": roman(n).upper()}.get(fmt, str(n))


class WordNumbering:
    """The numbers and bullets Word draws in front of list paragraphs (automatic numbering:
    ``w:numPr`` on the paragraph or its style), which ``Paragraph.text`` leaves out. Plans
    numbered this way lost their "I.", "1.", "a)" and "-" and, with them, their structure.

    :meth:`label` is called on every body paragraph in document order: counters advance per
    list (``numId``) and level, a level restarts when a higher one advances, ``startOverride``
    and ``start`` are honoured. Bullets become ``-``, the parser's bullet."""

    def __init__(self, doc):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        linked: dict[str, str] = {}  # abstractNumId -> the list style it takes its levels from
        styles: dict[str, dict] = {}  # list style -> the levels of the list that defines it
        for abstract in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""), int(_val(lvl, "start", "1") or 1))
            key = abstract.get(f"{_W}abstractNumId")
            self.levels[key] = levels
            if style := _val(abstract, "styleLink", ""):
                styles[style] = levels
            if style := _val(abstract, "numStyleLink", ""):
                linked[key] = style
        for key, style in linked.items():  # a list defined through a list style (numStyleLink)
            if not self.levels[key] and style in styles:
                self.levels[key] = styles[style]
        for num in root.iter(f"{_W}num"):
            overrides = {int(o.get(f"{_W}ilvl", "0")): int(_val(o, "startOverride", "1") or 1)
                         for o in num.iter(f"{_W}lvlOverride") if o.find(f"{_W}startOverride") is not None}
            self.lists[num.get(f"{_W}numId")] = (_val(num, "abstractNumId", ""), overrides)
        for style in doc.styles.element.iter(f"{_W}style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None and (num_id := _val(num_pr, "numId", "")):
                self.style_numbering[style.get(f"{_W}styleId")] = (num_id, int(_val(num_pr, "ilvl", "0") or 0))

    def label(self, p) -> str:
        """The number or bullet of paragraph element ``p`` (``""`` when it has none)."""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId", ""), int(_val(num_pr, "ilvl", "0") or 0)
        else:
            style = p.find(f"{_W}pPr/{_W}pStyle")
            num_id, ilvl = self.style_numbering.get(style.get(f"{_W}val") if style is not None else "", ("", 0))
        if not num_id or num_id == "0" or num_id not in self.lists:
            return ""
        abstract, overrides = self.lists[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the levels under it
        start = overrides.get(ilvl, levels[ilvl][2])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return ""

        def number(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            value = counters.get(k, overrides.get(k, levels[k][2]))
            return _formatted(value, levels[k][0])

        return _LEVEL_REF.sub(number, text).strip()


def _val(element, child: str, default: str) -> str:
    """The ``w:val`` of ``element``'s child ``w:<child>``, or ``default``."""
    found = element.find(f"{_W}{child}")
    return found.get(f"{_W}val", default) if found is not None else default


def _pdf_in(obj, bbox) -> bool:
    """A char is in a box as pdfplumber's ``Table.extract`` decides it: by its centre."""
    v_mid = (obj["top"] + obj["bottom"]) / 2
    h_mid = (obj["x0"] + obj["x1"]) / 2
    x0, top, x1, bottom = bbox
    return x0 <= h_mid < x1 and top <= v_mid < bottom


def _pdf_table_rows(table) -> list[str]:
    """A pdfplumber table as tab-separated lines, every row with the table's columns. pdfplumber
    gives None where no cell starts; as in .docx and HTML, a cell spanning rows is in each of them
    (its text in its first column) and a cell spanning columns is its text, then empty cells."""
    texts = table.extract()
    text_of = {bbox: _pdf_cell(value or "") for row, values in zip(table.rows, texts, strict=True)
               for bbox, value in zip(row.cells, values, strict=True) if bbox is not None}
    xs = sorted({c[0] for c in table.cells})
    lines = []
    for row, values in zip(table.rows, texts, strict=True):
        y = min(c[1] for c in row.cells if c is not None)
        cells = []
        for x, bbox, value in zip(xs, row.cells, values, strict=True):
            if bbox is not None:
                cells.append(_pdf_cell(value or ""))
                continue
            over = next((c for c in table.cells if c[0] - _PDF_EPS <= x < c[2] - _PDF_EPS
                         and c[1] - _PDF_EPS <= y < c[3] - _PDF_EPS), None)
            # a cell of a row above that starts in this column spans down to here; the tail of a
            # cell spanning columns, or a hole in an irregular grid, is empty
            down = over is not None and abs(over[0] - x) <= _PDF_EPS and over[1] < y - _PDF_EPS
            cells.append(text_of.get(over, "") if down else "")
        lines.append("\t".join(cells))
    return lines


#: A digit this much smaller than the text before it, and raised, is a footnote's mark ("quy định²").
PDF_MARK_RATIO = 0.75
#: ... and a number at a line's start in a size this far from its text's is a footnote's number.
PDF_FOOTNOTE_RATIO = 0.85
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _pdf_text(page) -> str:
    """A page's (or a part of a page's) ``extract_text()``, with its footnotes' numbers written as
    the superscripts they are, as the other formats give them: a digit raised and smaller than
    the text before it (``quy định²;``), and a number at a line's start that stands raised over
    the smaller text of its footnote (``²`` over ``Theo Điều 10 …`` -> ``² Theo Điều 10 …``)."""
    from pdfplumber.utils import chars_to_textmap

    chars = _pdf_marked(page.chars)
    return chars_to_textmap(chars, layout_bbox=page.bbox, layout_width=page.width,
                            layout_height=page.height).as_string or ""


def _pdf_marked(chars: list[dict]) -> list[dict]:
    out, i = list(chars), 0
    while i < len(chars):
        c = chars[i]
        if not c["text"].isdigit():
            i += 1
            continue
        run = i  # the number's digits: same size, same line
        while (run + 1 < len(chars) and chars[run + 1]["text"].isdigit() and chars[run + 1]["size"] == c["size"]
               and abs(chars[run + 1]["top"] - c["top"]) < 1):
            run += 1
        before = next((chars[k] for k in range(i - 1, -1, -1) if chars[k]["text"].strip()), None)
        after = next((chars[k] for k in range(run + 1, len(chars)) if chars[k]["text"].strip()), None)
        on_line = before is not None and abs(before["bottom"] - c["bottom"]) < before["size"]
        if on_line and c["size"] < PDF_MARK_RATIO * before["size"] and c["bottom"] < before["bottom"] - 1:
            marked = {}  # "quy định" + a raised, smaller "2": its footnote's mark
        elif not on_line and after is not None and run - i < 2 and _pdf_beside(c, after):
            # a footnote's number at the start of its line in another size than its text, so read as
            # a line of its own: on its text's line
            marked = {"top": after["top"], "bottom": after["bottom"], "y0": after["y0"], "y1": after["y1"]}
        else:
            i = run + 1
            continue
        for k in range(i, run + 1):
            out[k] = {**chars[k], "text": chars[k]["text"].translate(_SUPERSCRIPT), **marked}
        i = run + 1
    return out


def _pdf_beside(number: dict, text: dict) -> bool:
    """``text`` starts right of ``number``, in another size, overlapping it but not on its top."""
    small, big = sorted((number["size"], text["size"]))
    return (small < PDF_FOOTNOTE_RATIO * big and abs(text["top"] - number["top"]) >= 1
            and text["x0"] >= number["x1"] - 1 and number["top"] < text["bottom"] and text["top"] < number["bottom"])


def _pdf_page_text(page, carry=None):
    """(text, columns to carry): a page's ``extract_text()``, its ruled tables as tab-separated
    rows where they stand; on a page without one, a table drawn without rules
    (:mod:`kehoach_lib.pdf_columns`) as such rows, and its columns when it runs on to the next
    page (``carry``, from the page before). A page with neither is exactly its text as
    :func:`_pdf_text` reads it (``extract_text()``, footnote numbers as superscripts)."""
    from .pdf_columns import borderless_table, text_columns

    tables = sorted((t for t in page.find_tables(PDF_TABLE_SETTINGS)
                     if len({c[0] for c in t.cells}) >= PDF_TABLE_MIN_COLUMNS),
                    key=lambda t: (t.bbox[1], t.bbox[0]))
    if not tables:
        words = page.extract_words()
        found = borderless_table(words, carry)

        def band(keep):
            return page.filter(lambda o: o.get("object_type") != "char" or keep((o["top"] + o["bottom"]) / 2))

        if found is None:
            if (two := text_columns(words, page.width)) is None:
                return _pdf_text(page), None
            top, bottom, x = two  # text in two columns: above them, the left one, the right one, below

            def side(keep):
                return page.filter(lambda o: o.get("object_type") != "char" or (
                    top - 1 <= (o["top"] + o["bottom"]) / 2 <= bottom + 1 and keep((o["x0"] + o["x1"]) / 2)))

            parts = (_pdf_text(band(lambda y: y < top - 1)), _pdf_text(side(lambda cx: cx < x)),
                     _pdf_text(side(lambda cx: cx >= x)), _pdf_text(band(lambda y: y > bottom + 1)))
            return "\n".join(part for part in parts if part), None
        top, bottom, rows, carry = found

        above = _pdf_text(band(lambda y: y < top - 1))
        below = _pdf_text(band(lambda y: y > bottom + 1))
        return "\n".join(part for part in (above, "\n".join(rows), below) if part), carry
    tops = [t.bbox[1] for t in tables]
    band = {}  # id of each char outside the tables' cells -> how many tables start above it
    for char in page.chars:
        if not any(_pdf_in(char, t.bbox) and any(_pdf_in(char, c) for c in t.cells) for t in tables):
            v_mid = (char["top"] + char["bottom"]) / 2
            band[id(char)] = sum(top <= v_mid for top in tops)
    parts: list[str] = []
    for k in range(len(tables) + 1):
        prose = page.filter(lambda o, k=k: o.get("object_type") != "char" or band.get(id(o)) == k)
        if text := _pdf_text(prose):
            parts.append(text)
        if k < len(tables):
            parts += _pdf_table_rows(tables[k])
    return "\n".join(parts), None


def pdf_lines(data: bytes) -> list[str]:
    """The text lines of a PDF's text layer (a scan without one is a :class:`FormatProblem`); a
    table drawn with ruling lines, or laid out in columns without them under a header that
    names them ("STT  Nội dung nhiệm vụ  Cơ quan chủ trì …"), is one tab-separated line per row,
    where it stands."""
    import io

    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages, carry = [], None
            for page in pdf.pages:
                try:
                    text, carry = _pdf_page_text(page, carry)
                except Exception:  # noqa: BLE001 - finding its tables failed: the page as laid out
                    text, carry = _pdf_text(page), None
                pages.append(text)
    except Exception as exc:  # noqa: BLE001
        raise FormatProblem(f"corrupt PDF ({type(exc).__name__})") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise FormatProblem("no text layer (a scanned PDF?): run OCR first")
    return text.split("\n")
