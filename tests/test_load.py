"""Real-world input: formats, encodings, metadata from headers, clear errors, nothing lost.

Fixtures are built at test time from the seed texts (no binaries in the repository).
"""

from __future__ import annotations

import gzip
import html
import io
import random
import unicodedata
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach_lib import Document, DocumentError, extract_tasks, line_accounting, load_document
from kehoach_lib.cli import main
from kehoach_lib.encodings import (
    DOUBLE_UTF8,
    EncodingProblem,
    decode,
    detect_double_utf8,
    detect_legacy_font,
    fix_legacy,
    sniff_binary,
)
from kehoach_lib.load import iso_date, read_corpus, read_manifest
from kehoach_lib.text import normalize_tone_marks

ROUND_TRIP = ["text", "lead", "due"]


# --- builders -----------------------------------------------------------------------------------
def _blocks(lines):
    """Runs of prose lines and of tab-separated table rows."""
    block, kind = [], None
    for line in lines:
        k = "table" if "\t" in line else "text"
        if k != kind and block:
            yield kind, block
            block = []
        kind = k
        block.append(line)
    if block:
        yield kind, block


def to_docx(lines, path):
    from docx import Document as Docx

    doc = Docx()
    for kind, block in _blocks(lines):
        if kind == "text":
            for line in block:
                doc.add_paragraph(line)
        else:
            rows = [line.split("\t") for line in block]
            width = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=width)
            for i, row in enumerate(rows):
                for j in range(width):
                    table.cell(i, j).text = row[j] if j < len(row) else ""
    doc.save(path)
    return path


def to_html(lines, path, *, encoding="utf-8"):
    parts = [f"<html><head><meta charset='{encoding}'><script>alert(1)</script></head><body>"]
    for kind, block in _blocks(lines):
        if kind == "text":
            parts += [f"<p>{html.escape(line)}</p>" for line in block]
        else:
            parts.append("<table>")
            for line in block:
                cells = "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t"))
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    path.write_bytes("\n".join(parts).encode(encoding))
    return path


def to_pdf(lines, path):
    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"pdf.fonttype": 42, "font.family": "DejaVu Sans"}):
        with PdfPages(path) as pdf:
            for start in range(0, len(lines), 60):
                fig = Figure(figsize=(60, 12))
                for i, line in enumerate(lines[start : start + 60]):
                    fig.text(0.005, 1 - (i + 1) / 61, line, fontsize=6, va="baseline")
                pdf.savefig(fig)
    return path


def _tasks(doc):
    return extract_tasks(doc).set_index("task_id")[ROUND_TRIP]


# --- the same plan in every format --------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["docx", "html", "pdf", "md"])
def test_same_plan_same_tasks_in_every_format(docs, tmp_path, fmt):
    seed = docs["bacgiang_kh58_2025"]
    meta = {"doc_id": seed.doc_id, "province": seed.province, "date": seed.date, "doc_type": seed.doc_type}
    path = tmp_path / f"plan.{fmt}"
    if fmt == "docx":
        to_docx(list(seed.lines), path)
    elif fmt == "html":
        to_html(list(seed.lines), path)
    elif fmt == "pdf":
        to_pdf(list(seed.lines), path)
    else:
        path.write_text(seed.text, encoding="utf-8")
    doc = load_document(path, meta=meta)
    assert doc.format == fmt
    got, want = _tasks(doc), _tasks(seed)
    assert list(got.index) == list(want.index)
    assert got.equals(want)


@pytest.mark.parametrize(
    "written, plain",
    [
        ("## I. MỤC TIÊU", "I. MỤC TIÊU"),
        ("### 1. Văn phòng UBND tỉnh ###", "1. Văn phòng UBND tỉnh"),
        ("**1. Mục tiêu chung:** Cắt giảm TTHC.", "1. Mục tiêu chung: Cắt giảm TTHC."),
        ("**Nơi nhận:**", "Nơi nhận:"),
        ("*Hà Tĩnh, ngày 25 tháng 4 năm 2025*", "Hà Tĩnh, ngày 25 tháng 4 năm 2025"),
        ("* Rà soát __TTHC__ nội bộ", "- Rà soát TTHC nội bộ"),
        ("> Thực hiện Nghị quyết số 66/NQ-CP", "Thực hiện Nghị quyết số 66/NQ-CP"),
        # a heading without a number keeps its level: it is all that says where it stands
        ("## Mục đích, yêu cầu", "## Mục đích, yêu cầu"),
        ("### **Văn phòng UBND tỉnh**", "### Văn phòng UBND tỉnh"),
        ("## KẾ HOẠCH", "KẾ HOẠCH"),  # (capitals: a title, or a section the parser knows by name)
        ("    * **Chủ trì:** Sở Tư pháp", "+ Chủ trì: Sở Tư pháp"),  # bold after a bullet
        # bold further on is the parser's: bold deadlines, headings glued with bold
        ("| 1 | **Rà soát** | Sở Tư pháp |", "| 1 | **Rà soát** | Sở Tư pháp |"),
        ("Báo cáo UBND tỉnh **trước ngày 15/8/2025**.", "Báo cáo UBND tỉnh **trước ngày 15/8/2025**."),
        # not markup: a lone star, stars inside words, an escaped star
        ("Giảm 30% * 2 lần", "Giảm 30% * 2 lần"),
        ("a*b*c", "a*b*c"),
        ("Số 5\\*", "Số 5*"),
        # text struck through is what an amended plan deletes: left out
        ("1. Rà soát ~~30%~~ 50% TTHC trước 30/6/2025.", "1. Rà soát 50% TTHC trước 30/6/2025."),
        ("| 1 | Rà soát | ~~Sở Tư pháp~~ Sở Nội vụ |", "| 1 | Rà soát | Sở Nội vụ |"),
        ("~~2. Nhiệm vụ đã bãi bỏ.~~", ""),
        ("a ~~ b ~~ c", "a ~~ b ~~ c"),  # (tildes with spaces inside mark nothing)
    ],
)
def test_markdown_markup_is_dropped_line_by_line(written, plain):
    from kehoach_lib.formats import markdown_to_text

    assert markdown_to_text(written) == plain


def test_a_plan_written_in_markdown_gives_the_tasks_of_the_plain_one(tmp_path):
    plain = ["KẾ HOẠCH", "Triển khai Nghị quyết số 66/NQ-CP", "I. MỤC TIÊU",
             "1. Mục tiêu chung: Cắt giảm thực chất TTHC.", "II. NHIỆM VỤ CỤ THỂ", "1. Văn phòng UBND tỉnh",
             "a) Tổng hợp danh mục TTHC (hoàn thành trước ngày 30/6/2025).", "b) Hướng dẫn Bộ phận một cửa.",
             "Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    marked = ["# KẾ HOẠCH", "## Triển khai Nghị quyết số 66/NQ-CP", "## I. MỤC TIÊU",
              "**1. Mục tiêu chung:** Cắt giảm thực chất TTHC.", "## II. NHIỆM VỤ CỤ THỂ", "### 1. Văn phòng UBND tỉnh",
              "a) Tổng hợp danh mục TTHC (hoàn thành trước ngày 30/6/2025).", "b) Hướng dẫn Bộ phận một cửa.",
              "**Nơi nhận:**", "* Như trên;", "* Lưu: VT."]
    meta = {"doc_id": "ht", "province": "Hà Tĩnh", "date": "2025-04-25", "doc_type": "kế hoạch"}
    (tmp_path / "plain.txt").write_text("\n".join(plain), encoding="utf-8")
    (tmp_path / "marked.md").write_text("\n".join(marked), encoding="utf-8")
    want = _tasks(load_document(tmp_path / "plain.txt", meta=meta))
    got = _tasks(load_document(tmp_path / "marked.md", meta=meta))
    assert len(want) == 3 and got.equals(want)
    assert list(want.lead) == ["", "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"]
    roles = line_accounting(load_document(tmp_path / "marked.md", meta=meta)).role.tolist()
    assert roles[-3:] == ["recipients"] * 3


def _numbered_docx(items, path):
    """A .docx whose paragraphs are numbered by Word (w:numPr), as most plans are written:
    ``items`` are (level, text), level 0 "I.", 1 "1.", 2 "a)", "-" a bullet, None no number."""
    from docx import Document as Docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    w = nsdecls("w")
    doc = Docx()
    numbering = doc.part.numbering_part.element
    formats = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")]
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                     f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(formats))
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="7">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
                               f'<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="7"><w:abstractNumId w:val="7"/></w:num>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="8"><w:abstractNumId w:val="8"/></w:num>'))
    for level, text in items:
        para = doc.add_paragraph(text)
        if level is not None:
            num_pr = para._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0 if level == "-" else level
            num_pr.get_or_add_numId().val = 8 if level == "-" else 7
    doc.save(path)
    return path


def test_word_automatic_numbering_is_read_as_the_plan_numbers_it(tmp_path):
    items = [(None, "KẾ HOẠCH"), (0, "MỤC TIÊU"), (1, "Mục tiêu năm 2025"), (2, "Giảm 30% thời gian giải quyết TTHC."),
             (0, "NHIỆM VỤ"), (1, "Cắt giảm TTHC"), (2, "Rà soát, thống kê TTHC."), ("-", "Chủ trì: Sở Tư pháp."),
             ("-", "Thời hạn: trước ngày 30/6/2025."), (2, "Công khai TTHC nội bộ."), (1, "Số hóa hồ sơ"),
             (2, "Số hóa kết quả giải quyết TTHC.")]
    doc = load_document(_numbered_docx(items, tmp_path / "p.docx"), meta={"doc_id": "w", "province": "Hà Nội"})
    assert list(doc.lines) == [
        "KẾ HOẠCH", "I. MỤC TIÊU", "1. Mục tiêu năm 2025", "a) Giảm 30% thời gian giải quyết TTHC.", "II. NHIỆM VỤ",
        "1. Cắt giảm TTHC", "a) Rà soát, thống kê TTHC.", "- Chủ trì: Sở Tư pháp.", "- Thời hạn: trước ngày 30/6/2025.",
        "b) Công khai TTHC nội bộ.", "2. Số hóa hồ sơ", "a) Số hóa kết quả giải quyết TTHC."]
    t = extract_tasks(doc)
    assert t.path.tolist() == ["I.1.a", "II.1.a", "II.1.b", "II.2.a"]
    assert t.lead.tolist()[1] == "Sở Tư pháp" and t.due.tolist()[1] == "2025-06-30"


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_tables_become_the_same_task_rows(docs, tmp_path, fmt):
    seed = docs["bacninh_kh383_2023"]
    meta = {"doc_id": seed.doc_id, "province": seed.province, "date": seed.date, "doc_type": seed.doc_type}
    write = to_docx if fmt == "docx" else to_html
    path = write(list(seed.lines), tmp_path / f"p.{fmt}")
    got = _tasks(load_document(path, meta=meta))
    want = _tasks(seed)
    rows = extract_tasks(seed)
    table_rows = [r.task_id for r in rows.itertuples() if "\t" in seed.lines[r.line_start - 1]]
    assert len(table_rows) > 60
    assert got.loc[table_rows].equals(want.loc[table_rows])


def test_html_scripts_are_dropped(tmp_path):
    doc = load_document(to_html(["I. NỘI DUNG", "1. Số hóa hồ sơ."], tmp_path / "x.html"))
    assert "alert" not in doc.text


# --- encodings ----------------------------------------------------------------------------------
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese used it: letters precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(p for p in parts if p in _TONES)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        lambda t: t.encode("utf-32"),
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
        lambda t: to_cp1258(t),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16-le", "utf16-be", "utf32-bom", "nfd", "cp1258"],
)
def test_encodings_load_to_the_same_nfc_text(docs, tmp_path, encode):
    text = docs["bacgiang_kh58_2025"].text
    path = tmp_path / "letter.txt"
    path.write_bytes(encode(text))
    doc = load_document(path, meta={"doc_id": "cv"})
    assert doc.text == unicodedata.normalize("NFC", text)


# TCVN3 (ABC) and VNI text of "Kế hoạch kiểm soát thủ tục hành chính", as it looks when the
# legacy-font bytes are read as Windows-1252.
TCVN3 = "KÕ ho¹ch kiÓm so¸t thñ tôc hµnh chÝnh, ®¬n gi¶n ho¸ thñ tôc hµnh chÝnh. " * 3
VNI = "Keá hoaïch kieåm soaùt thuû tuïc haønh chính, ñôn giaûn hoùa thuû tuïc haønh chính. " * 3


UNICODE = "Kế hoạch kiểm soát thủ tục hành chính, đơn giản hoá thủ tục hành chính. " * 3


@pytest.mark.parametrize("text, legacy", [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_font_encodings_are_converted_with_a_warning(tmp_path, text, legacy):
    assert detect_legacy_font(text) == legacy
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(path, meta={"doc_id": "old"})
    assert normalize_tone_marks(doc.text.strip()) == normalize_tone_marks(UNICODE.strip())
    assert doc.encoding == legacy
    assert any(legacy in w and "converted" in w for w in doc.warnings)


@pytest.mark.parametrize("text, legacy", [(TCVN3, "TCVN3"), (VNI, "VNI")])
def test_legacy_font_encodings_can_be_refused_instead(tmp_path, text, legacy):
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(DocumentError, match=f"old.txt.*{legacy}.*convert it to Unicode"):
        load_document(path, legacy="error")


def test_unicode_lines_of_a_mostly_legacy_document_are_left_alone():
    header = "Ủy ban nhân dân tỉnh"
    text, found = fix_legacy("\n".join([header, TCVN3, TCVN3]))
    lines = text.split("\n")
    assert found == "TCVN3" and lines[0] == header
    assert [normalize_tone_marks(ln) for ln in lines[1:]] == [normalize_tone_marks(UNICODE)] * 2


def test_unicode_vietnamese_is_not_mistaken_for_legacy(docs):
    for doc in docs.values():
        assert detect_legacy_font(doc.text) is None
        assert fix_legacy(doc.text) == (doc.text, None)
    with pytest.raises(EncodingProblem, match="TCVN3"):
        decode(TCVN3.encode("cp1252"), legacy="error")


# --- metadata guessed from the header -------------------------------------------------------------
def test_document_without_manifest_row_guesses_metadata(docs, tmp_path):
    path = tmp_path / "Kế hoạch 58.txt"
    path.write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    doc = load_document(path)
    assert doc.doc_id == "ke_hoach_58"
    assert (doc.province, doc.number, doc.doc_type, doc.date) == ("Bắc Giang", "58/KH-UBND", "kế hoạch", "2025-04-08")
    assert set(doc.guessed) == {"province", "number", "doc_type", "date", "title"}
    assert any("guessed" in w for w in doc.warnings)


def test_letter_with_blank_day_and_number(docs, tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    doc = load_document(path)
    assert (doc.doc_type, doc.date, doc.number) == ("công văn", "2023-08", "/UBND-NC")


# --- bad input: one clear message each; the rest of the folder is processed ------------------------
def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"0" * 5_000_000)
    return path


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("empty.txt", lambda p: p.write_bytes(b""), "the file is empty"),
        ("blank.txt", lambda p: p.write_bytes(b"  \n\n "), "the file is empty"),
        ("notes.xyz", lambda p: p.write_text("x"), "unsupported format .xyz (supported: .doc, .docx, .htm"),
        ("appendix.xlsx", lambda p: p.write_bytes(b"PK\x03\x04"), "unsupported format .xlsx (supported: "),
        ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 not really"), "corrupt .docx"),
        ("bomb.docx", _zip_bomb, "zip bomb"),
        ("scan.pdf", None, "no text layer"),
        ("big.txt", lambda p: p.write_text("Số: 1/KH\n" * 20000), "file too large"),
    ],
)
def test_bad_inputs_give_one_clear_message(tmp_path, name, make, reason):
    path = tmp_path / name
    if make is None:  # a PDF page with no text at all, like a scan without OCR
        from matplotlib.figure import Figure

        fig = Figure()
        ax = fig.add_subplot()
        ax.plot([0, 1], [0, 1])
        ax.set_axis_off()  # a drawing, no text at all
        fig.savefig(path, format="pdf")
    else:
        make(path)
    with pytest.raises(DocumentError) as err:
        load_document(path, max_bytes=100_000)
    assert str(path) in str(err.value) and reason in str(err.value)


def _image(fmt):
    """A small real image file (a chart), as matplotlib and Pillow write it."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 2))
    fig.add_subplot().plot([0, 1, 2], [2, 0, 1])
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt)
    return buffer.getvalue()


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _docx_bytes(tmp_path):
    return to_docx(["KẾ HOẠCH", "I. NỘI DUNG", "1. Số hóa hồ sơ."], tmp_path / "real.docx").read_bytes()


PLAN = "KẾ HOẠCH\nI. NỘI DUNG\n1. Rà soát, cắt giảm thủ tục hành chính.\n" * 20


@pytest.mark.parametrize(
    "name, make, reason",
    [
        ("plan.txt", lambda tmp: _image("png"), "binary data, not text (a PNG image?)"),
        ("plan.md", lambda tmp: _image("jpg"), "binary data, not text (a JPEG image?)"),
        ("plan.txt", lambda tmp: _image("gif"), "binary data, not text (a GIF image?)"),
        ("plan.txt", lambda tmp: _image("tiff"), "binary data, not text (a TIFF image?)"),
        ("plan.txt", lambda tmp: _image("pdf"), "binary data, not text (a PDF document? name it .pdf)"),
        ("plan.html", lambda tmp: _image("png"), "binary data, not text (a PNG image?)"),
        ("plan.txt", _docx_bytes, "binary data, not text (a Word .docx document? name it .docx)"),
        ("plan.txt", lambda tmp: _zip({"plan.txt": PLAN}), "binary data, not text (a ZIP archive?)"),
        ("plan.txt", lambda tmp: gzip.compress(PLAN.encode()), "binary data, not text (gzip-compressed data?)"),
        ("plan.txt", lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000),
         "binary data, not text (an old Word or Excel file (.doc, .xls)? save it as .docx)"),
        ("plan.txt", lambda tmp: b"\x7fELF\x02\x01\x01" + bytes(3000), "binary data, not text (a program (ELF)?)"),
        ("plan.txt", lambda tmp: b"{\\rtf1\\ansi " + PLAN.encode() + b"}", "an RTF document, not plain text"),
        # no signature: random bytes (which read as Windows-1252 even look like TCVN3), NULs, and
        # a binary format we do not know
        ("plan.txt", lambda tmp: random.Random(0).randbytes(20_000), "not text: 11% control characters"),
        ("plan.txt", lambda tmp: bytes(5000), "not text: 100% control characters"),
        ("plan.txt", lambda tmp: b"XYZ1" + bytes(range(256)) * 40, "not text: 11% control characters"),
    ],
    ids=["png", "jpeg", "gif", "tiff", "pdf", "png-as-html", "docx", "zip", "gzip", "doc", "elf", "rtf",
         "random", "nul", "unknown"],
)
def test_binary_files_under_a_text_name_give_one_clear_message(tmp_path, name, make, reason):
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert str(err.value).startswith(f"{path}: {reason}")
    assert "TCVN3" not in str(err.value)


def test_text_with_page_breaks_and_word_line_breaks_is_text(docs, tmp_path):
    # text extracted from a PDF has form feeds between pages, text copied from Word a vertical
    # tab for a manual line break, and old DOS files end with ^Z: text, not binary data
    lines = docs["bacgiang_cv_2023"].lines
    path = tmp_path / "plan.txt"
    path.write_text("\f".join(lines[:3]) + "\v" + "\n".join(lines[3:]) + "\x1a", encoding="utf-8")
    assert load_document(path, meta={"doc_id": "cv"}).encoding == "utf-8"
    assert sniff_binary(path.read_bytes()) is None
    for raw in Path("data/raw").glob("*.txt"):  # the bundled files have no signature either
        assert sniff_binary(raw.read_bytes()) is None


def test_binary_files_in_a_folder_are_named_and_the_rest_is_read(docs, tmp_path, capsys):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(_image("png"))
    (tmp_path / "noise.txt").write_bytes(random.Random(1).randbytes(5000))
    found, problems = read_corpus(tmp_path)
    assert [d.doc_id for d in found] == ["plan"]
    assert dict(zip(problems.source.map(lambda s: Path(s).name), problems.reason, strict=True)) == {
        "noise.txt": "not text: 11% control characters (binary data?)",
        "photo.txt": "binary data, not text (a PNG image?)"}
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {tmp_path / 'photo.txt'}: binary data, not text (a PNG image?)\n" in err
    assert "TCVN3" not in err


def test_a_spreadsheet_saved_as_xlsx_under_the_manifest_name_is_one_message(docs, tmp_path, capsys):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(_zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}))
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv")]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path / 'manifest.csv'}: binary data, not text "
                                       "(an Excel .xlsx workbook?); save it as CSV UTF-8\n")


# --- double-encoded UTF-8 (mojibake) --------------------------------------------------------------
def _read_as_windows(data: bytes) -> str:
    """What a Windows program that takes UTF-8 for Windows-1252 shows: the five bytes Windows-1252
    leaves undefined become the control characters U+0081 …, as Windows reads them."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


MOJIBAKE = {  # how each damage looks, and how it was made
    "cp1252": lambda t: _read_as_windows(t.encode()).encode(),
    "latin-1": lambda t: t.encode().decode("latin-1").encode(),
    "twice": lambda t: _read_as_windows(_read_as_windows(t.encode()).encode()).encode(),
    "utf-16": lambda t: _read_as_windows(t.encode()).encode("utf-16"),
    "nfd": lambda t: _read_as_windows(unicodedata.normalize("NFD", t).encode()).encode(),
    # the no-break space Windows-1252 shows for the byte 0xA0 ("à" is C3 A0) turned into a space
    "spaces": lambda t: _read_as_windows(t.encode()).replace("\xa0", " ").encode(),
}


def test_what_double_encoded_utf8_looks_like():
    assert MOJIBAKE["cp1252"]("Cắt giảm thủ tục hành chính") == "Cáº¯t giáº£m thá»§ tá»¥c hÃ\xa0nh chÃ\xadnh".encode()
    # as the researcher found it
    assert decode("Cáº¯t giáº£m thá»§ tá»¥c hÃ nh chÃ­nh".encode()) == ("Cắt giảm thủ tục hành chính", DOUBLE_UTF8)


@pytest.mark.parametrize("damage", sorted(MOJIBAKE))
def test_double_encoded_utf8_is_repaired_with_a_warning(tmp_path, damage):
    # "ề ọ ỏ ờ Đ" hold the bytes Windows-1252 leaves undefined; “ ” – are Windows-1252 punctuation
    text = ("Kế hoạch cắt giảm, đơn giản hóa thủ tục hành chính năm 2025\n"
            "1. Rà soát, đề xuất phương án “cắt giảm” – Đơn vị chủ trì: Sở Tư pháp; thời hạn: trước ngày 30/6.\n"
            "II. TỔ CHỨC THỰC HIỆN: KẾ HOẠCH CỦA ỦY BAN\n"
            "2. Ủy ban nhân dân cấp huyện thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục.\n")
    path = tmp_path / "plan.txt"
    path.write_bytes(MOJIBAKE[damage](text))
    doc = load_document(path, meta={"doc_id": "p"})
    assert doc.text == text
    assert doc.encoding == DOUBLE_UTF8
    assert doc.warnings == ('repaired: UTF-8 that had been read as Windows-1252 and saved again (mojibake '
                            'such as "Cáº¯t giáº£m" for "Cắt giảm"); check the text',)


@pytest.mark.parametrize("text, encoding", [(None, DOUBLE_UTF8), (TCVN3, "TCVN3")])
def test_an_html_page_repaired_or_converted_says_so(tmp_path, text, encoding):
    lines = ["KẾ HOẠCH", "I. NỘI DUNG", "1. Rà soát, cắt giảm thủ tục hành chính."]
    page = to_html(lines, tmp_path / "clean.html").read_text(encoding="utf-8")
    path = tmp_path / "plan.html"
    path.write_bytes(MOJIBAKE["cp1252"](page) if text is None else f"<p>{text}</p>".encode("cp1252"))
    doc = load_document(path, meta={"doc_id": "p"})
    assert doc.format == "html" and doc.encoding == encoding
    assert len(doc.warnings) == 1 and ("repaired" if text is None else "converted") in doc.warnings[0]
    if text is None:
        assert doc.lines == tuple(lines)
    assert load_document(tmp_path / "clean.html", meta={"doc_id": "c"}).warnings == ()


@pytest.mark.parametrize("raw", sorted(Path("data/raw").glob("*.txt")), ids=lambda p: p.stem)
def test_every_bundled_file_is_read_as_before_and_repaired_when_double_encoded(raw):
    data = raw.read_bytes()
    want = unicodedata.normalize("NFC", data.decode("utf-8"))
    # correct Vietnamese is never "repaired" (nor taken for a legacy font or binary data)
    assert decode(data) == (want, "utf-8")
    assert not detect_double_utf8(want)
    for damage in ("cp1252", "latin-1", "twice", "spaces"):
        assert decode(MOJIBAKE[damage](data.decode("utf-8"))) == (want, DOUBLE_UTF8)


def test_text_that_only_happens_to_hold_a_tell_tale_pair_is_not_repaired():
    # "Ã”" is a tell-tale pair (the bytes of "Ô") but here it is "XÃ" and a closing quote
    text = "Chương trình “NÔNG THÔN MỚI – XÃ” được triển khai ở “CẤP XÃ” trên địa bàn tỉnh."
    assert decode(text.encode()) == (text, "utf-8")
    for data in (Path("kehoach_lib/data"), Path("tests/data"), Path("data")):  # every bundled table
        for csv_file in data.glob("*.csv"):
            assert decode(csv_file.read_bytes())[1] in ("utf-8", "utf-8-sig"), csv_file


def test_lines_typed_into_a_double_encoded_file_afterwards_are_left_alone(tmp_path):
    damaged = MOJIBAKE["spaces"]("Kế hoạch cải cách thủ tục hành chính\n1. Số hóa hồ sơ, đơn giản hóa.\n")
    typed = "2. Sở Tư pháp chủ trì, thời hạn: Quý III/2025.\nBÁO CÁO KÊ KHAI TÀI SẢN\n"
    half = "3. Rà soát " + MOJIBAKE["cp1252"]("thủ tục").decode() + " trong quý."  # one word edited
    path = tmp_path / "plan.txt"
    path.write_bytes(damaged + typed.encode() + half.encode())
    assert load_document(path, meta={"doc_id": "p"}).lines == (
        "Kế hoạch cải cách thủ tục hành chính", "1. Số hóa hồ sơ, đơn giản hóa.",
        "2. Sở Tư pháp chủ trì, thời hạn: Quý III/2025.", "BÁO CÁO KÊ KHAI TÀI SẢN", "3. Rà soát thủ tục trong quý.")


@pytest.mark.parametrize("lost", ["replace", "ignore", "?"])
def test_double_encoded_utf8_that_lost_characters_is_one_clear_message(docs, tmp_path, lost):
    # a program that dropped the five bytes Windows-1252 leaves undefined (or put U+FFFD or ? for them)
    data = Path(docs["bacgiang_cv_2023"].source).read_bytes()
    damaged = data.decode("cp1252", errors="ignore" if lost == "ignore" else "replace")
    path = tmp_path / "plan.txt"
    path.write_bytes(damaged.replace("\ufffd", "?" if lost == "?" else "\ufffd").encode())
    with pytest.raises(DocumentError) as err:
        load_document(path)
    message = str(err.value)
    assert message.startswith(f"{path}: looks like UTF-8 read as Windows-1252 and saved again")
    assert "but line 5 cannot be repaired ('TTHC trá»" in message and "a character was lost" in message
    # and the rest of a folder is read
    (tmp_path / "good.txt").write_bytes(data)
    found, problems = read_corpus(tmp_path)
    assert [d.doc_id for d in found] == ["good"] and list(problems.reason) == [message.removeprefix(f"{path}: ")]


def test_a_double_encoded_manifest_is_repaired_with_a_warning(docs, tmp_path):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(MOJIBAKE["cp1252"](
        "doc_id,province,title,source_file\ncv,Bắc Giang,Công văn về cải cách thủ tục,plan.txt\n"))
    with pytest.warns(UserWarning, match="repaired: UTF-8 that had been read as Windows-1252"):
        found, _ = read_corpus(tmp_path)
    assert [(d.doc_id, d.province, d.title) for d in found] == [("cv", "Bắc Giang", "Công văn về cải cách thủ tục")]


def test_a_mixed_folder_is_processed_and_problems_listed(docs, tmp_path, capsys):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_kh58_2025"].text, encoding="utf-8")
    to_docx(list(docs["bentre_kh_2024"].lines), tmp_path / "bentre.docx")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "memo.txt").write_text("Kính gửi các sở.\nĐề nghị các đơn vị quan tâm.", encoding="utf-8")
    found, problems = read_corpus(tmp_path)
    assert [d.doc_id for d in found] == ["bentre", "memo", "plan"]
    assert sorted(problems.source.map(lambda s: s.rsplit("/", 1)[-1])) == ["empty.txt", "photo.jpg"]
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "out" / "t.csv")]) == 0
    err = capsys.readouterr().err
    assert "empty.txt: the file is empty" in err and "photo.jpg: unsupported format" in err
    assert "memo.txt: no recognisable tasks" in err
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv"), "--strict"]) == 1


# --- the parser never crashes and never loses a line -----------------------------------------------
_PIECES = st.sampled_from(["I. NỘI DUNG", "1. Làm A.", "a) Việc b", "(i) Rà soát.", "- Cơ quan chủ trì: Sở Tư pháp.",
                           "+ Nội dung (i): Sở Nội vụ.", "- Thời hạn hoàn thành: Quý II năm 2025.",
                           "Số TT\tTên nhiệm vụ\tĐơn vị chủ trì", "1\tViệc\tSở A", "\tcòn tiếp\t", "|", "",
                           "Phụ lục 01", "KT. CHỦ TỊCH", "Nơi nhận:", "- Như trên;", "**Xong trước ngày 1/2/2025**",
                           "Nhiệm vụ, giải pháp:", "IV", "(1)", "1.1", "Trên đây là Kế hoạch"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=40),
       st.sampled_from(["kế hoạch", "công văn", ""]))
def test_parser_never_crashes_and_accounts_for_every_line(lines, doc_type):
    lines = [ln.replace("\r", " ").replace("\n", " ") for ln in lines]
    doc = Document(doc_id="h", lines=tuple(lines), doc_type=doc_type, date="2025")
    tasks = extract_tasks(doc)
    acc = line_accounting(doc)
    assert len(acc) == len(lines)
    assert acc.role.notna().all() and (acc.role != "").all()
    blank = acc.text.str.strip() == ""
    assert (acc.role[~blank] != "blank").all()
    assert tasks.task_id.is_unique
    for row in tasks.itertuples():
        assert 1 <= row.line_start <= row.line_end <= len(lines)


def test_short_legacy_text_and_its_word_punctuation_are_converted():
    # one line in TCVN3 typed in Word: Vietnamese letters in the font, quotes and dash in Windows-1252
    tcvn3 = "KÕ ho¹ch kinh tÕ \u2013 x· héi \u201cn¨m 2025\u201d"
    assert decode(tcvn3.encode("cp1252")) == ("Kế hoạch kinh tế – xã hội “năm 2025”", "TCVN3")


@pytest.mark.parametrize("text", ["Vào thuở ấy, kế hoạch năm 2025.", "Nhớ thuở ban đầu: Sở Tư pháp."])
def test_short_windows_1258_text_is_not_mistaken_for_legacy(text):
    assert decode(to_cp1258(text)) == (text, "cp1258")


def test_utf8_with_a_stray_windows_byte_keeps_its_utf8_and_is_reported(docs, tmp_path):
    # a quote pasted from a Windows program into a UTF-8 plan: that byte is read as Windows-1258,
    # the rest as UTF-8 (not the whole file as Windows-1258 mojibake)
    text = docs["bacgiang_cv_2023"].text
    path = tmp_path / "plan.txt"
    path.write_bytes(f"{text}\n".encode() + b"\x93" + "Trên đây".encode() + b"\x94" + " là kế hoạch.\n".encode())
    doc = load_document(path, meta={"doc_id": "cv"})
    clean = tmp_path / "clean.txt"
    clean.write_text(text + "\n“Trên đây” là kế hoạch.\n", encoding="utf-8")
    assert doc.lines == load_document(clean, meta={"doc_id": "cv"}).lines
    assert any("UTF-8 with a few bytes that are not UTF-8" in w for w in doc.warnings)
    # a file of Windows-1258 bytes is still read as Windows-1258 throughout
    assert decode(to_cp1258("Sở Tư pháp chủ trì.") * 3)[1] == "cp1258"


def test_a_whole_plan_in_tcvn3_is_still_read_as_tcvn3_not_as_utf8_with_stray_bytes(docs):
    from kehoach_lib.encodings import legacy_tables

    text = unicodedata.normalize("NFC", docs["bacgiang_kh58_2025"].text)
    to_legacy = {}
    for legacy, letter in legacy_tables()["TCVN3"][0].items():
        to_legacy.setdefault(unicodedata.normalize("NFC", letter), legacy)
    data = "".join(to_legacy.get(ch, ch) for ch in text).encode("cp1252", errors="replace")
    read, encoding = decode(data)
    assert encoding == "TCVN3"
    assert sum(a == b for a, b in zip(read, text, strict=False)) > 0.99 * len(text)


def test_a_byte_order_mark_on_invalid_bytes_is_a_clear_encoding_problem():
    with pytest.raises(EncodingProblem, match="byte-order mark but is not valid utf-8-sig"):
        decode(b"\xef\xbb\xbfK\xe1\xba\xbf ho\xff")


# --- warnings about the corpus as a whole --------------------------------------------------------
def test_the_bundled_corpus_needs_no_warning(corpus):
    from kehoach_lib.load import corpus_warnings

    assert corpus_warnings(corpus) == []


def test_copies_and_text_that_is_not_vietnamese_are_named(docs, tmp_path, capsys):
    plan = docs["bacgiang_cv_2023"].text
    (tmp_path / "a.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "b.txt").write_text(plan.replace("\n", "\n\n"), encoding="utf-8")  # only spacing differs
    (tmp_path / "c.txt").write_text(docs["bentre_kh_2024"].text, encoding="utf-8")
    english = ("PLAN to cut administrative procedures in 2025\nI. OBJECTIVES\n1. Cut 30% of the time "
               "spent on business procedures.\nII. TASKS\n1. Review every procedure and propose cuts; "
               "lead: Department of Justice; deadline: June 2025.\n2. Publish the list of procedures online.\n")
    (tmp_path / "english.txt").write_text(english * 2, encoding="utf-8")
    assert main(["match", "--corpus", str(tmp_path), "--out", str(tmp_path / "m.csv")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {tmp_path / 'a.txt'}, {tmp_path / 'b.txt'}: the same text in 2 files" in err
    assert f"warning: {tmp_path / 'english.txt'}: does not look Vietnamese (0% of its letters" in err
    assert "c.txt" not in err  # the other plan is fine


@pytest.mark.parametrize("manifest, reason", [
    ("doc_id,file,province\nx,plan.txt,\n", "needs the column(s) source_file (it has: doc_id, file, province)"),
    ("doc_id,source_file\nx,\n", "line 2: no source_file"),
    ('doc_id,source_file\nx,"plan.txt\n', "row 2: not valid CSV"),
    ("doc_id,source_file,doc_id\nx,plan.txt,y\n", "line 1: the column(s) doc_id appear twice"),
    ("doc_id,source_file\nx,plan.txt,Bắc Giang\n", "line 2: 3 cells, but the header names 2 columns"),
    ("doc_id,source_file\nx,plan.txt\n\n\n,,\ny,plan.txt\n", "line 6: source_file 'plan.txt' is also on line 2"),
    ("doc_id,source_file\nx,../../etc/hostname\n", "line 2: source_file '../../etc/hostname' is not a file inside"),
])
def test_a_manifest_that_cannot_be_used_is_one_message(docs, tmp_path, capsys, manifest, reason):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    path = tmp_path / "manifest.csv"
    path.write_bytes(manifest if isinstance(manifest, bytes) else manifest.encode("utf-8"))
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}: ") and reason in err and err.count("\n") == 1
    assert not (tmp_path / "t.csv").exists()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1258", "utf-16"])
def test_a_manifest_saved_by_a_spreadsheet_program_is_read(docs, tmp_path, capsys, encoding):
    # semicolons (a locale with a decimal comma), and Windows-1258 (which spells Vietnamese
    # with combining tone marks) as a Vietnamese Windows saves "CSV"
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    text = "# our corpus\ndoc_id;province;source_file;title\ncv;Bắc Giang;plan.txt;Công văn 2023\n"
    data = to_cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    (tmp_path / "manifest.csv").write_bytes(data)
    assert main(["extract", "--corpus", str(tmp_path), "--out", str(tmp_path / "t.csv")]) == 0
    tasks = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")
    assert set(tasks.doc_id) == {"cv"} and set(tasks.province) == {"Bắc Giang"}
    err = capsys.readouterr().err
    assert ("not UTF-8; read as" in err) == (encoding != "utf-8-sig")


def test_a_manifest_may_have_blank_rows_and_spaces_around_file_names(docs, tmp_path):
    (tmp_path / "plan.txt").write_text(docs["bacgiang_cv_2023"].text, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,province,source_file\ncv,Bắc Giang, plan.txt \n,,\n\n",
                                           encoding="utf-8")
    found, problems = read_corpus(tmp_path)
    assert [(d.doc_id, d.province) for d in found] == [("cv", "Bắc Giang")] and problems.empty


# --- manifest dates as a spreadsheet program writes them -------------------------------------------
@pytest.mark.parametrize("written, iso", [
    ("2025-04-10", "2025-04-10"), ("2025-04", "2025-04"), ("2025", "2025"),
    ("10/04/2025", "2025-04-10"), ("10/4/2025", "2025-04-10"), ("8/4/2025", "2025-04-08"),
    ("10-04-2025", "2025-04-10"), ("10.04.2025", "2025-04-10"), ("4/2025", "2025-04"), ("04/2025", "2025-04"),
    ("tháng 4/2025", "2025-04"), ("Tháng 4 năm 2025", "2025-04"), ("ngày 10 tháng 4 năm 2025", "2025-04-10"),
    ("năm 2025", "2025"), ("10/04/2025 00:00", "2025-04-10"), ("2025-04-10 00:00:00", "2025-04-10"),
    (" 10/4/2025 ", "2025-04-10"), ("", ""), ("  ", ""),
    # not dates: a day or month that does not exist (month first, as a US locale writes it), a
    # two-digit year, a spreadsheet's day number, a quarter, a year that is a typing slip
    ("31/02/2025", None), ("4/30/2025", None), ("0/4/2025", None), ("13/2025", None), ("2025-13", None),
    ("10/4/25", None), ("45757", None), ("Quý II/2025", None), ("20255", None), ("1025", None), ("sắp ban hành", None),
])
def test_manifest_dates_are_read_as_iso(written, iso):
    assert iso_date(written) == iso


BACNINH = "raw/bac-ninh_kh-383-ubnd_2023-02-17.txt"  # deadlines such as "Chậm nhất Tháng 5" take the plan's year


def _bacninh_corpus(tmp_path, date, *, doc_id="bn"):
    (tmp_path / "plan.txt").write_bytes((Path("data") / BACNINH).read_bytes())
    (tmp_path / "manifest.csv").write_text(f"doc_id,date,source_file\n{doc_id},{date},plan.txt\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("date, iso", [("17/02/2023", "2023-02-17"), ("17/2/2023", "2023-02-17"),
                                       ("2/2023", "2023-02"), ("tháng 2/2023", "2023-02"), ("2023", "2023"),
                                       ("2023-02-17", "2023-02-17")])
@pytest.mark.parametrize("doc_id", ["bn", ""], ids=["with-doc_id", "metadata-from-header"])
def test_a_manifest_date_as_a_spreadsheet_writes_it_gives_the_deadlines_their_year(docs, tmp_path, date, iso, doc_id):
    corpus = _bacninh_corpus(tmp_path, date, doc_id=doc_id)
    assert read_manifest(corpus)[0]["date"] == iso
    found, problems = read_corpus(corpus)
    assert problems.empty and found[0].date == iso and found[0].year == 2023
    assert not [w for w in found[0].warnings if "date" in w and "guessed" not in w]
    seed = docs["bacninh_kh383_2023"]
    got, want = extract_tasks(found[0]), extract_tasks(seed)
    assert want.due.notna().sum() > 60  # the real plan: most tasks have a due date ...
    assert list(got.due) == list(want.due)  # ... and keep it


def test_a_manifest_date_that_cannot_be_read_is_a_warning_and_the_header_date_is_used(docs, tmp_path, capsys):
    corpus = _bacninh_corpus(tmp_path, "31/02/2023")
    (doc,), _ = read_corpus(corpus)
    assert doc.date == "2023-02-17" and "date" in doc.guessed  # from "Bắc Ninh, ngày 17 tháng 02 năm 2023"
    assert ("the manifest's date '31/02/2023' cannot be read as a date (write it as 10/04/2025, 10/4/2025, "
            "4/2025, tháng 4/2025, 2025 or 2025-04-10); the date in its header, 2023-02-17, is used") in doc.warnings
    assert list(extract_tasks(doc).due) == list(extract_tasks(docs["bacninh_kh383_2023"]).due)
    assert main(["extract", "--corpus", str(corpus), "--out", str(tmp_path / "t.csv")]) == 0
    err = capsys.readouterr().err
    assert f"warning: {corpus / 'plan.txt'}: the manifest's date '31/02/2023' cannot be read" in err
    assert main(["extract", "--corpus", str(corpus), "--out", str(tmp_path / "t.csv"), "--strict"]) == 1


def test_a_manifest_date_that_cannot_be_read_without_a_header_date_says_so(docs, tmp_path):
    (tmp_path / "plan.txt").write_text(docs["bentre_kh_2024"].text, encoding="utf-8")  # no header
    (tmp_path / "manifest.csv").write_text("doc_id,date,source_file\nbt,Quý I/2024,plan.txt\n", encoding="utf-8")
    (doc,), problems = read_corpus(tmp_path)
    assert problems.empty and doc.date == "" and doc.year is None
    assert [w for w in doc.warnings if "date" in w] == [
        "the manifest's date 'Quý I/2024' cannot be read as a date (write it as 10/04/2025, 10/4/2025, 4/2025, "
        "tháng 4/2025, 2025 or 2025-04-10); it has no date in its header either, so deadlines that omit "
        "the year get no due date"]


def test_the_bundled_manifest_dates_are_unchanged(corpus):
    assert [d.date for d in corpus] == ["2025-04-08", "2023-02-17", "2025", "2023-08", "2024"]
    assert all(not d.warnings for d in corpus)


def test_a_manifest_row_without_a_doc_id_gives_what_it_says_and_the_header_the_rest(tmp_path):
    plan = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 245/KH-UBND\nNghệ An, ngày 21 tháng 4 năm 2025\nKẾ HOẠCH\nCải cách TTHC\n"
    (tmp_path / "kh.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("source_file,date\nkh.txt,2025-04-22\n", encoding="utf-8")
    doc = read_corpus(tmp_path)[0][0]
    assert (doc.date, doc.province, doc.number) == ("2025-04-22", "Nghệ An", "245/KH-UBND")
    # only what the header gave is listed as guessed (the note had named the date too)
    assert "date" not in doc.guessed and {"province", "number"} <= set(doc.guessed)
    assert not any("date" in w.split(":", 1)[1] for w in doc.warnings if "guessed" in w)


# --- group rows merged across a table (Word, HTML colspan) ---------------------------------------
GROUPED_TABLE = [
    ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Kết quả/sản phẩm"],
    ["I. CẮT GIẢM, ĐƠN GIẢN HÓA TTHC LIÊN QUAN ĐẾN KINH DOANH"],
    ["1", "Rà soát, thống kê TTHC liên quan đến kinh doanh", "Sở, ban, ngành", "Văn phòng UBND tỉnh",
     "Trước ngày 25/4/2025", "Báo cáo"],
    ["II. THỦ TỤC HÀNH CHÍNH NỘI BỘ"],
    ["2", "Công bố TTHC nội bộ", "Văn phòng UBND tỉnh", "Sở, ban, ngành", "Quý II/2025", "Quyết định"],
]
GROUPED_TEXT = ["ỦY BAN NHÂN DÂN TỈNH THANH HÓA", "KẾ HOẠCH", "II. NHIỆM VỤ, GIẢI PHÁP"]


def _grouped_docx(path):
    from docx import Document as Docx

    doc = Docx()
    for line in GROUPED_TEXT:
        doc.add_paragraph(line)
    table = doc.add_table(rows=len(GROUPED_TABLE), cols=6)
    for i, row in enumerate(GROUPED_TABLE):
        if len(row) == 1:
            table.cell(i, 0).merge(table.cell(i, 5)).text = row[0]  # a group row over all columns
        else:
            for j, text in enumerate(row):
                table.cell(i, j).text = text
    doc.save(path)
    return path


def _grouped_html(path):
    rows = "".join(
        f"<tr><td colspan='6'><strong>{html.escape(r[0])}</strong></td></tr>" if len(r) == 1
        else "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in GROUPED_TABLE)
    body = "".join(f"<p>{html.escape(t)}</p>" for t in GROUPED_TEXT)
    path.write_text(f"<html><body>{body}<table>{rows}</table></body></html>", encoding="utf-8")
    return path


@pytest.mark.parametrize("write, name", [(_grouped_docx, "kh.docx"), (_grouped_html, "kh.html")])
def test_group_rows_merged_across_a_table_head_its_rows(write, name, tmp_path):
    # before, the merged row was a line without tabs: the rows after it lost text, lead and deadline
    doc = load_document(write(tmp_path / name))
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.I.1", "II.II.2"]
    assert list(t.lead) == ["Sở, ban, ngành", "Văn phòng UBND tỉnh"]
    assert list(t.due) == ["2025-04-25", "2025-06-30"]
    assert t.loc["II.II.2", "section"] == "THỦ TỤC HÀNH CHÍNH NỘI BỘ"
    assert (line_accounting(doc).role != "unaccounted").all()


def test_a_two_row_html_header_with_rowspans_reads_like_the_word_one(tmp_path):
    page = ("<html><body><p>ỦY BAN NHÂN DÂN TỈNH BẮC NINH</p><p>KẾ HOẠCH</p><p>II. NHIỆM VỤ</p><table>"
            "<tr><th rowspan=2>Số TT</th><th rowspan=2>Tên nhiệm vụ</th><th rowspan=2>Đơn vị chủ trì</th>"
            "<th colspan=2>Thời gian</th><th rowspan=2>Sản phẩm</th></tr><tr><th>Bắt đầu</th><th>Hoàn thành</th></tr>"
            "<tr><td>1</td><td>Xây dựng quy chế</td><td>Sở A</td><td>Tháng 2</td><td>Tháng 5</td><td>Quy chế</td></tr>"
            "</table></body></html>")
    (tmp_path / "kh.html").write_text(page, encoding="utf-8")
    doc = load_document(tmp_path / "kh.html", meta={"date": "2023-02-17"})
    t = extract_tasks(doc)
    # before, the second header row was unaccounted and the start month read as the deadline
    assert (t.deadline_text[0], t.due[0], t["product"][0]) == ("Tháng 2 – Tháng 5", "2023-05-31", "Quy chế")
    assert (line_accounting(doc).role != "unaccounted").all()


def test_numbering_given_by_a_paragraph_style_is_read_too(tmp_path):
    from docx import Document as Docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    w = nsdecls("w")
    doc = Docx()
    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="3"/>'
                               f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1/"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="5"><w:abstractNumId w:val="5"/></w:num>'))
    style = doc.styles["List Number"]
    style.element.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>'))
    doc.add_paragraph("Rà soát TTHC.", style="List Number")
    doc.add_paragraph("Công khai TTHC.", style="List Number")
    doc.add_paragraph("Không đánh số.")
    doc.save(tmp_path / "s.docx")
    lines = load_document(tmp_path / "s.docx", meta={"doc_id": "s", "province": "Hà Nội"}).lines
    assert list(lines) == ["3/ Rà soát TTHC.", "4/ Công khai TTHC.", "Không đánh số."]  # its start and its format


def test_bold_deadlines_and_headings_glued_with_bold_in_markdown_are_read_as_in_text(tmp_path):
    text = ("I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**\nNâng cao chất lượng giải quyết TTHC.\nII. NHIỆM VỤ\n"
            "1. Sở Tư pháp rà soát TTHC, báo cáo UBND tỉnh **ngày 15/8/2025**.")
    (tmp_path / "p.md").write_text(text, encoding="utf-8")
    meta = {"doc_id": "m", "province": "Hà Tĩnh", "date": "2025-04-01"}
    t = extract_tasks(load_document(tmp_path / "p.md", meta=meta))
    assert t.path.tolist() == ["I.1", "II.1"] and t.due.tolist() == ["", "2025-08-15"]


def test_a_list_defined_through_a_list_style_is_numbered_too(tmp_path):
    from docx import Document as Docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    w = nsdecls("w")
    doc = Docx()
    numbering = doc.part.numbering_part.element
    # the levels are in the list that defines the list style "KHList"; the list used links to it
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="10"><w:styleLink w:val="KHList"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
    link = '<w:numStyleLink w:val="KHList"/>'
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="11">{link}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="5"><w:abstractNumId w:val="11"/></w:num>'))
    for text, level in [("MỤC ĐÍCH", 0), ("Nâng cao chất lượng.", 1), ("NHIỆM VỤ", 0), ("Rà soát TTHC.", 1)]:
        para = doc.add_paragraph(text)
        num_pr = f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr>'
        para._p.get_or_add_pPr().append(parse_xml(num_pr))
    doc.save(tmp_path / "l.docx")
    lines = load_document(tmp_path / "l.docx", meta={"doc_id": "l", "province": "Hà Nội"}).lines
    assert list(lines) == ["I. MỤC ĐÍCH", "1. Nâng cao chất lượng.", "II. NHIỆM VỤ", "1. Rà soát TTHC."]


# --- walkthrough 5: tables inside tables ------------------------------------------------------
def test_a_pages_layout_tables_are_read_as_passages_and_the_table_inside_as_a_table():
    """Phú Thọ (walkthrough 5): an old portal lays its page out in tables; the plan's text is in a
    cell, with its task table nested in it."""
    from kehoach_lib import formats

    page = ("<html><body><table><tr><td>Trang chủ<br>Tin tức</td><td>"
            "<p>I. MỤC ĐÍCH, YÊU CẦU</p><p>- Triển khai kịp thời các nhiệm vụ.</p>"
            "<p>- Thống nhất danh mục TTHC.</p><p>II. NHIỆM VỤ</p>"
            "<table><tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>"
            "<tr><td>1</td><td>Rà soát TTHC</td><td>Sở Tư pháp</td></tr></table>"
            "<p>III. TỔ CHỨC THỰC HIỆN</p></td></tr></table></body></html>").encode()
    lines, _ = formats.html_text(page)
    assert lines == ["Trang chủ", "Tin tức", "I. MỤC ĐÍCH, YÊU CẦU", "- Triển khai kịp thời các nhiệm vụ.",
                     "- Thống nhất danh mục TTHC.", "II. NHIỆM VỤ", "STT\tNội dung\tCơ quan chủ trì",
                     "1\tRà soát TTHC\tSở Tư pháp", "III. TỔ CHỨC THỰC HIỆN"]


def test_a_word_table_framed_in_a_one_cell_table_is_read_row_by_row(tmp_path):
    """Cao Bằng (walkthrough 5): the task table sits in the cell of a frame table."""
    from docx import Document as Docx

    from kehoach_lib import formats

    doc = Docx()
    doc.add_paragraph("IV. BẢNG PHÂN CÔNG NHIỆM VỤ")
    frame = doc.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "BẢNG PHÂN CÔNG"
    inner = frame.add_table(rows=2, cols=3)
    for r, row in enumerate([["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"], ["1", "Rà soát TTHC", "Sở Tư pháp"]]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    doc.add_paragraph("V. TỔ CHỨC THỰC HIỆN")
    path = tmp_path / "cb.docx"
    doc.save(path)
    lines = formats.docx_lines(path, path.read_bytes())
    assert [ln for ln in lines if ln] == ["IV. BẢNG PHÂN CÔNG NHIỆM VỤ", "BẢNG PHÂN CÔNG",
                                          "STT\tNội dung nhiệm vụ\tCơ quan chủ trì", "1\tRà soát TTHC\tSở Tư pháp",
                                          "V. TỔ CHỨC THỰC HIỆN"]


def test_a_word_documents_tracked_changes_read_as_its_final_version(tmp_path):
    """Quảng Nam (walkthrough 6): text inserted with changes tracked is read (python-docx's
    Paragraph.text leaves it out); deleted text, and a deleted paragraph, are not."""
    from docx import Document as Docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from kehoach_lib import formats

    doc = Docx()
    w = nsdecls("w")
    body = doc.element.body
    body.append(parse_xml(f'<w:p {w}><w:r><w:t xml:space="preserve">1. Rà soát TTHC, hoàn thành trước ngày </w:t></w:r>'
                          f'<w:del w:id="1" w:author="a"><w:r><w:delText>30/5/2025</w:delText></w:r></w:del>'
                          f'<w:ins w:id="2" w:author="a"><w:r><w:t>15/6/2025</w:t></w:r></w:ins>'
                          f'<w:r><w:t>.</w:t></w:r></w:p>'))
    body.append(parse_xml(f'<w:p {w}><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>'
                          f'<w:del w:id="4" w:author="a"><w:r><w:delText>2. Nhiệm vụ đã bỏ.</w:delText></w:r>'
                          f'</w:del></w:p>'))
    body.append(parse_xml(f'<w:p {w}><w:ins w:id="5" w:author="a"><w:r><w:t>2. Nhiệm vụ thêm vào.</w:t></w:r>'
                          f'</w:ins></w:p>'))
    path = tmp_path / "qn.docx"
    doc.save(path)
    lines = [ln for ln in formats.docx_lines(path, path.read_bytes()) if ln]
    assert lines == ["1. Rà soát TTHC, hoàn thành trước ngày 15/6/2025.", "2. Nhiệm vụ thêm vào."]


def test_a_word_documents_text_struck_through_is_left_out_in_paragraphs_and_cells(tmp_path):
    """An amended plan strikes through what it deletes (w:strike, w:dstrike), as Markdown's
    ~~…~~ and HTML's <del>: left out, in a paragraph and in a table's cell; strike switched off
    (w:val="0") is text."""
    from docx import Document as Docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from kehoach_lib import formats

    w = nsdecls("w")

    def runs(*parts):
        return "".join(f'<w:r>{f"<w:rPr><{tag}/></w:rPr>" if tag else ""}<w:t xml:space="preserve">{t}</w:t></w:r>'
                       for t, tag in parts)

    doc = Docx()
    first = runs(("1. Rà soát ", ""), ("30%", "w:strike"), (" 50% TTHC", ""),
                 (" trước 30/6/2025", 'w:strike w:val="0"'), (".", ""))
    doc.element.body.insert(0, parse_xml(f"<w:p {w}>{first}</w:p>"))
    doc.element.body.insert(1, parse_xml(f"<w:p {w}>" + runs(("2. Nhiệm vụ đã bãi bỏ.", "w:dstrike")) + "</w:p>"))
    table = doc.add_table(rows=1, cols=3)
    table.rows[0].cells[0].text = "3"
    table.rows[0].cells[1].text = "Số hóa hồ sơ"
    cell = table.rows[0].cells[2]._tc
    cell.remove(cell.find(f"{formats._W}p"))
    cell.append(parse_xml(f"<w:p {w}>" + runs(("Sở Tư pháp", "w:strike"), (" Sở Nội vụ", "")) + "</w:p>"))
    path = tmp_path / "struck.docx"
    doc.save(path)
    lines = [ln for ln in formats.docx_lines(path, path.read_bytes()) if ln]
    assert lines == ["1. Rà soát 50% TTHC trước 30/6/2025.", "3\tSố hóa hồ sơ\tSở Nội vụ"]


def test_agencies_on_lines_of_their_own_in_a_word_cell_are_a_list(tmp_path):
    # walkthrough 19a: "Sở Nội vụ" / "Sở Tư pháp" as two paragraphs of a cell (or a Shift+Enter
    # break) were read as one body "Sở Nội vụ Sở Tư pháp"; a text going on stays one text
    from docx import Document as Docx

    doc = Docx()
    for line in ["ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", "KẾ HOẠCH", "II. NHIỆM VỤ"]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=2, cols=5)
    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    for j, name in enumerate(header):
        table.cell(0, j).text = name
    row = table.rows[1].cells
    row[0].text = "1"
    row[1].text = "Rà soát quy định"
    row[1].add_paragraph("thủ tục hành chính của tỉnh")
    row[2].text = "Sở Nội vụ"
    row[2].paragraphs[0].add_run().add_break()  # a line break inside one paragraph
    row[2].paragraphs[0].add_run("Văn phòng UBND tỉnh")
    row[3].text = "Sở Tư pháp"
    row[3].add_paragraph("Sở Tài chính")
    row[4].text = "Quý III/2025"
    path = tmp_path / "cells.docx"
    doc.save(path)
    t = extract_tasks(load_document(path))
    assert list(t.text) == ["Rà soát quy định thủ tục hành chính của tỉnh"]
    assert list(t.lead) == ["Sở Nội vụ; Văn phòng UBND tỉnh"]
    assert list(t.partners) == ["Sở Tư pháp; Sở Tài chính"]


def test_a_frame_of_many_cells_is_read_whole_and_a_data_table_with_a_small_table_in_a_cell_stays_one(tmp_path):
    from docx import Document as Docx

    from kehoach_lib import formats

    doc = Docx()
    frame = doc.add_table(rows=5, cols=2)
    for r in range(5):
        for c in range(2):
            frame.cell(r, c).text = f"Ô {r}.{c}"
    inner = frame.cell(2, 1).add_table(rows=1, cols=3)
    for c, text in enumerate(["1", "Rà soát TTHC", "Sở Tư pháp"]):
        inner.cell(0, c).text = text
    data = doc.add_table(rows=3, cols=3)
    cells = [["STT", "Nội dung", "Chủ trì"], ["1", "Số hóa hồ sơ", "Sở Nội vụ"], ["2", "Chỉ tiêu:", "Sở Tài chính"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            data.cell(r, c).text = text
    data.cell(2, 1).add_table(rows=1, cols=2).cell(0, 0).text = "Năm 2025"
    path = tmp_path / "f.docx"
    doc.save(path)
    lines = [ln for ln in formats.docx_lines(path, path.read_bytes()) if ln]
    assert [ln for ln in lines if ln.startswith("Ô")] == [f"Ô {r}.{c}" for r in range(5) for c in range(2)]
    assert "1\tRà soát TTHC\tSở Tư pháp" in lines
    assert lines[-3:] == ["STT\tNội dung\tChủ trì", "1\tSố hóa hồ sơ\tSở Nội vụ", "2\tChỉ tiêu:\tSở Tài chính"]


def test_an_html_data_table_with_a_long_cell_is_read_row_by_row():
    from kehoach_lib import formats

    cell = "".join(f"<p>- Rà soát nhóm thủ tục {k} thuộc lĩnh vực đất đai;</p>" for k in range(12))
    page = (f"<table><tr><td>STT</td><td>Nội dung</td><td>Chủ trì</td></tr><tr><td>1</td><td>{cell}</td>"
            "<td>Sở Tư pháp</td></tr><tr><td>2</td><td>Số hóa hồ sơ</td><td>Sở Nội vụ</td></tr></table>").encode()
    lines, _ = formats.html_text(page)
    assert len(lines) == 3 and lines[2] == "2\tSố hóa hồ sơ\tSở Nội vụ"


def test_an_html_cells_line_breaks_separate_agencies_and_join_text():
    """Walkthrough 14b: "Sở Nội vụ<br>Văn phòng UBND tỉnh" had read as one agency."""
    from kehoach_lib import formats

    page = ("<table><tr><td>STT</td><td>Nội dung</td><td>Phối hợp</td></tr><tr><td>1</td>"
            "<td>Rà soát quy định<br>TTHC của tỉnh</td><td>Sở Nội vụ<br>Văn phòng UBND tỉnh</td></tr></table>").encode()
    lines, _ = formats.html_text(page)
    assert lines[1] == "1\tRà soát quy định TTHC của tỉnh\tSở Nội vụ; Văn phòng UBND tỉnh"


def test_walkthrough_14b_an_html_plans_group_row_signature_cell_and_portal_footer(tmp_path):
    """A group row written as one cell across the table with its number inside ("1. Công tác rà
    soát TTHC") is the section of the rows "1.1", … under it; the portal's footer under a
    signature laid out beside the recipients ("… Lượt xem: 1.204 | In bài viết") is no duty."""
    page = ("<html><body><p>UBND TỈNH LÂM ĐỒNG</p><p>Số: 03/KH-UBND</p><p>KẾ HOẠCH</p><p><b>II. NHIỆM VỤ</b></p>"
            "<table><tr><th>STT</th><th>Nội dung nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời hạn</th></tr>"
            "<tr><td colspan='4'><b>1. Công tác rà soát TTHC</b></td></tr>"
            "<tr><td>1.1</td><td>Rà soát quy định TTHC của tỉnh</td><td>Sở Tư pháp</td><td>Tháng 6/2026</td></tr>"
            "</table><p>III. TỔ CHỨC THỰC HIỆN</p><p>1. Sở Tài chính bố trí kinh phí.</p>"
            "<table style='border:none'><tr><td><b>Nơi nhận:</b><br>- Như trên;<br>- Lưu: VT.</td>"
            "<td><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b><br><br><b>Võ Ngọc Hiệp</b></td></tr>"
            "</table><div class='footer'>Cổng Thông tin điện tử tỉnh Lâm Đồng &ndash; Lượt xem: 1.204 | In bài viết"
            " | Chia sẻ</div>"
            "</body></html>")
    (tmp_path / "ld.html").write_text(page, encoding="utf-8")
    doc = load_document(tmp_path / "ld.html")
    t = extract_tasks(doc)
    assert t[["path", "section"]].values.tolist() == [["II.1.1", "Công tác rà soát TTHC"],
                                                      ["III.1", "TỔ CHỨC THỰC HIỆN"]]
    assert line_accounting(doc).role.iloc[-1] == "boilerplate"


def test_html_text_struck_through_is_left_out():
    from kehoach_lib import formats

    lines, _ = formats.html_text("<p>1. Rà soát <del>30%</del> 50% TTHC, <s>Sở Tư pháp</s> Sở Nội vụ chủ trì.</p>"
                                 "<p><strike>2. Nhiệm vụ đã bãi bỏ.</strike></p>".encode())
    assert lines == ["1. Rà soát 50% TTHC, Sở Nội vụ chủ trì."]


QUANG_BINH = """**ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH**
Số: 1035/KH-UBND

## KẾ HOẠCH

**Thực hiện Nghị quyết số 66/NQ-CP trên địa bàn tỉnh Quảng Bình**

Căn cứ Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ;

## Mục tiêu

* Năm 2025:
    * cắt giảm ít nhất 30% thời gian giải quyết TTHC;
    * bãi bỏ ít nhất 30% điều kiện đầu tư kinh doanh không cần thiết.

## Nhiệm vụ, giải pháp

### Cắt giảm, đơn giản hóa TTHC liên quan đến sản xuất, kinh doanh

* Xây dựng phương án cắt giảm TTHC năm 2025, trình Chủ tịch UBND tỉnh phê duyệt.
    * **Chủ trì:** Văn phòng UBND tỉnh
    * **Phối hợp:** các sở, ban, ngành
    * **Thời hạn:** trước ngày 30 tháng 6
* Nhóm TTHC về đất đai, xây dựng:
    * Rà soát TTHC về đất đai đối với dự án đầu tư.
        * **Chủ trì:** Sở Nông nghiệp và Môi trường
        * **Thời hạn:** trong quý III năm 2025
    * Rút ngắn thời gian cấp giấy phép xây dựng.
        * **Chủ trì:** Sở Xây dựng

## Tổ chức thực hiện

### Sở Tài chính

* Tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch.
* Hướng dẫn thanh toán trực tuyến phí, lệ phí.

Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan kịp thời phản ánh về Văn phòng UBND tỉnh./.
"""


def test_a_wiki_page_whose_headings_lost_their_numbers_reads_by_its_heading_levels(tmp_path):
    """Quảng Bình (walkthrough 7): "##"/"###" headings without numbers, "*" bullets nested three
    deep, bold field names on nested bullets, a group bullet ("* Nhóm …:") over its points."""
    (tmp_path / "qb.md").write_text(QUANG_BINH, encoding="utf-8")
    doc = load_document(tmp_path / "qb.md", meta={"doc_id": "qb", "date": "2025-06-03"})
    t = extract_tasks(doc)
    assert t[["path", "kind", "lead", "partners", "due"]].values.tolist() == [
        ["I+1", "objective", "", "", "2025-12-31"], ["I+2", "objective", "", "", "2025-12-31"],  # its group's year
        ["II.1+1", "task", "Văn phòng UBND tỉnh", "các sở, ban, ngành", "2025-06-30"],
        ["II.1+2", "task", "Sở Nông nghiệp và Môi trường", "", "2025-09-30"],
        ["II.1+3", "task", "Sở Xây dựng", "", ""],
        ["III.1+1", "duty", "Sở Tài chính", "", ""], ["III.1+2", "duty", "Sở Tài chính", "", ""]]
    # a group's points go on from its title
    assert t.text.iloc[0].startswith("Năm 2025: cắt giảm ít nhất 30%")
    assert t.text.iloc[3].startswith("Nhóm TTHC về đất đai, xây dựng: Rà soát TTHC")
    roles = line_accounting(doc).set_index("text").role
    for heading in ("## Mục tiêu", "- Năm 2025:", "### Cắt giảm, đơn giản hóa TTHC liên quan đến sản xuất, kinh doanh",
                    "- Nhóm TTHC về đất đai, xây dựng:", "### Sở Tài chính"):
        assert roles[heading] == "heading", heading
    assert roles[roles.index.str.startswith("Trong quá trình triển khai")].eq("closing").all()


def test_word_headings_without_numbers_are_sections(tmp_path):
    """Lai Châu (walkthrough 7, an .odt from Word): "MỤC ĐÍCH, YÊU CẦU" in Heading 1 and the
    groups of tasks in Heading 2, with no numbers of their own, the items in Word lists."""
    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Căn cứ Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ;")
    doc.add_heading("Nhiệm vụ cụ thể", level=1)
    doc.add_heading("Cắt giảm, đơn giản hóa thủ tục hành chính nội bộ", level=2)
    doc.add_paragraph("- Sở Nội vụ rà soát TTHC nội bộ trong lĩnh vực tổ chức cán bộ.")
    doc.add_paragraph("- Văn phòng UBND tỉnh công bố danh mục TTHC nội bộ.")
    doc.add_heading("Chuyển đổi số trong giải quyết thủ tục hành chính", level=2)
    doc.add_paragraph("- Sở Khoa học và Công nghệ nâng cấp Hệ thống thông tin giải quyết TTHC.")
    doc.add_heading("Tổ chức thực hiện", level=1)
    doc.add_heading("Sở Tài chính", level=2)
    doc.add_paragraph("- Tham mưu bố trí kinh phí thực hiện Kế hoạch.")
    doc.save(tmp_path / "lc.docx")
    d = load_document(tmp_path / "lc.docx", meta={"doc_id": "lc", "province": "Lai Châu", "date": "2025-07-02"})
    assert "## Cắt giảm, đơn giản hóa thủ tục hành chính nội bộ" in d.lines
    t = extract_tasks(d)
    assert t[["path", "kind", "lead"]].values.tolist() == [
        ["I.1+1", "task", "Sở Nội vụ"], ["I.1+2", "task", "Văn phòng UBND tỉnh"],
        ["I.2+1", "task", "Sở Khoa học và Công nghệ"], ["II.1", "duty", "Sở Tài chính"]]


def test_a_manual_line_break_inside_a_sentence_keeps_it_one_line():
    """Hải Dương (walkthrough 7): "… việc thực hiện Công văn này;" <w:br/> "tổng hợp kết quả …" in
    one Word paragraph is one item; a break before a capital still starts a line."""
    from kehoach_lib.formats import _soft_breaks_joined

    assert _soft_breaks_joined("c) Theo dõi việc thực hiện Công văn này;\ntổng hợp kết quả trước 10/12/2025.") == [
        "c) Theo dõi việc thực hiện Công văn này; tổng hợp kết quả trước 10/12/2025."]
    assert _soft_breaks_joined("Nơi nhận:\n- Như trên;\nLưu: VT.") == ["Nơi nhận:", "- Như trên;", "Lưu: VT."]
    assert _soft_breaks_joined("1. Cắt giảm TTHC nội bộ:\na) Rà soát;\nđ) Công bố.") == [  # lettered items
        "1. Cắt giảm TTHC nội bộ:", "a) Rà soát;", "đ) Công bố."]


def test_an_appendix_or_the_recipients_as_a_markdown_heading_are_what_they_are(tmp_path):
    text = ("KẾ HOẠCH\n\n## I. NHIỆM VỤ\n\n1. Rà soát TTHC nội bộ, hoàn thành trước 30/6/2025.\n\n## Phụ lục I\n\n"
            "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
            "| 1 | Số hóa hồ sơ TTHC | Sở Khoa học và Công nghệ | Quý IV/2025 |\n"
            "| 2 | Công bố danh mục TTHC | Văn phòng UBND tỉnh | Quý III/2025 |\n\n"
            "#### Nơi nhận:\n\n- Như trên;\n- Lưu: VT.")
    (tmp_path / "p.md").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "p.md", meta={"doc_id": "p", "province": "Tỉnh X", "date": "2025-04-25"})
    assert extract_tasks(doc)[["path", "kind"]].values.tolist() == [["I.1", "task"], ["PLI.1", "task"],
                                                                   ["PLI.2", "task"]]
    roles = line_accounting(doc).set_index("text").role
    assert roles["Nơi nhận:"] == roles["- Như trên;"] == roles["- Lưu: VT."] == "recipients"


def test_strict_does_not_fail_on_a_clean_read_of_windows_1258_but_does_on_repaired_text(tmp_path, capsys):
    """A Windows-1258 file read cleanly is a note; the same plan as mojibake repaired is a warning."""
    plan = "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Sở Tư pháp rà soát TTHC, hoàn thành trước ngày 30/6/2025."
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "plan.txt").write_bytes(to_cp1258(plan))
    out = str(tmp_path / "t.csv")
    assert main(["extract", "--corpus", str(corpus), "--out", out, "--strict"]) == 0
    assert f"note: {corpus / 'plan.txt'}: not UTF-8; read as cp1258" in capsys.readouterr().err
    (corpus / "plan.txt").write_bytes(plan.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"))
    assert main(["extract", "--corpus", str(corpus), "--out", out, "--strict"]) == 1
    err = capsys.readouterr().err
    assert f"warning: {corpus / 'plan.txt'}: " in err and "repaired: UTF-8 that had been read as Windows-1252" in err



def test_setext_headings_and_bold_group_lines_in_markdown(tmp_path):
    """Hà Nam (walkthrough 8): "Mục tiêu" over "--------", and "**Nhóm 2 – …**" over its items."""
    text = ("KẾ HOẠCH\n========\n\nCăn cứ Nghị quyết số 66/NQ-CP;\n\nMục tiêu\n--------\n\n- Năm 2025: cắt giảm 30% "
            "thời gian.\n\nNhiệm vụ, giải pháp\n-------------------\n\n**Nhóm 1 – Sản xuất, kinh doanh**\n\n"
            "1) Rà soát TTHC — Sở Tư pháp; hạn tháng 9/2025.\n\n**Nhóm 2 – Môi trường điện tử**\n\n"
            "1) Số hóa hồ sơ — Sở Khoa học và Công nghệ.\n\nTổ chức thực hiện\n-----------------\n\n"
            "- Văn phòng UBND tỉnh theo dõi, đôn đốc.\n\nTM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH\n\n**Nguyễn Văn A**\n")
    (tmp_path / "p.md").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "p.md", meta={"doc_id": "p", "province": "Hà Nam", "date": "2025-04-28"})
    t = extract_tasks(doc)
    assert t[["path", "kind", "lead"]].values.tolist() == [
        ["I+1", "objective", ""], ["II.1.1", "task", "Sở Tư pháp"], ["II.2.1", "task", "Sở Khoa học và Công nghệ"],
        ["III+1", "duty", "Văn phòng UBND tỉnh"]]
    last = [ln for ln in doc.lines if ln.strip()][-1]
    assert "Nguyễn Văn A" in last and not last.startswith("#")  # a signer's name in bold


def test_a_numbered_bold_group_over_a_list_numbered_from_1_again_in_markdown(tmp_path):
    """Khánh Hòa (walkthrough 9b, pandoc from Word): "**1. Về rà soát …**" over "1. …", "2. …":
    the items are 1.1 and 1.2, the bold line their heading."""
    text = ("## II. NHIỆM VỤ, GIẢI PHÁP\n\n**1. Về rà soát TTHC**\n\n1. Sở Tư pháp chủ trì rà soát TTHC.\n"
            "2. Các sở, ban, ngành xây dựng phương án cắt giảm.\n\n**2. Về môi trường điện tử**\n\n"
            "1. Công an tỉnh làm sạch dữ liệu dân cư.\n")
    (tmp_path / "kh.md").write_text(text, encoding="utf-8")
    t = extract_tasks(load_document(tmp_path / "kh.md", meta={"doc_id": "kh", "province": "Khánh Hòa"}))
    assert t[["path", "section", "lead"]].values.tolist() == [
        ["II.1.1", "Về rà soát TTHC", "Sở Tư pháp"], ["II.1.2", "Về rà soát TTHC", "Các sở, ban, ngành"],
        ["II.2.1", "Về môi trường điện tử", "Công an tỉnh"]]


def test_a_tab_after_a_typed_number_in_word_is_its_indent_not_a_tables_cell(tmp_path):
    """Bình Phước (walkthrough 8): "1.<tab>Rà soát …" typed in Word paragraphs had been read as
    table rows with the number in one cell, every task without text."""
    from docx import Document as Docx

    doc = Docx()
    for line in ("KẾ HOẠCH", "Căn cứ Nghị quyết số 66/NQ-CP;", "II.\tNHIỆM VỤ",
                 "1.\tSở Tư pháp rà soát quy định TTHC, hoàn thành trước 30/9/2025.",
                 "2.\tVăn phòng UBND tỉnh công bố danh mục TTHC nội bộ."):
        doc.add_paragraph(line)
    doc.save(tmp_path / "bp.docx")
    d = load_document(tmp_path / "bp.docx", meta={"doc_id": "bp", "province": "Bình Phước", "date": "2025-06-05"})
    assert "1. Sở Tư pháp rà soát quy định TTHC, hoàn thành trước 30/9/2025." in d.lines
    t = extract_tasks(d)
    assert t[["path", "lead", "due"]].values.tolist() == [["II.1", "Sở Tư pháp", "2025-09-30"],
                                                          ["II.2", "Văn phòng UBND tỉnh", ""]]


def test_a_word_letterhead_laid_out_in_a_table_reads_as_the_header_lines(tmp_path):
    """Hà Tĩnh (walkthrough 9a): issuer and number in one cell, the national motto, place and date
    in the other; a row of a task table would hide the province from the header's reader."""
    from docx import Document as Docx

    from kehoach_lib import load_document

    doc = Docx()
    head = doc.add_table(rows=1, cols=2)
    head.cell(0, 0).text = "UỶ BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 58/KH-UBND"
    head.cell(0, 1).text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                            "Hà Tĩnh, ngày 17 tháng 02 năm 2025")
    for text in ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2025", "I. NHIỆM VỤ", "1. Rà soát TTHC nội bộ."]:
        doc.add_paragraph(text)
    path = tmp_path / "hatinh.docx"
    doc.save(path)
    loaded = load_document(path)
    assert loaded.lines[:6] == ("UỶ BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "Số: 58/KH-UBND",
                                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                "Hà Tĩnh, ngày 17 tháng 02 năm 2025")
    assert (loaded.province, loaded.number, loaded.date) == ("Hà Tĩnh", "58/KH-UBND", "2025-02-17")
    assert "unaccounted" not in line_accounting(loaded).role.tolist()


def test_a_numbered_word_heading_over_a_list_numbered_from_1_again(tmp_path):
    """Thái Nguyên (walkthrough 9a): "2. Đẩy mạnh số hóa …" in style Heading 2, then its list
    "1.", "2." (Word restarts the numbering): items 2.1 and 2.2, not siblings of the heading."""
    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph("II. NHIỆM VỤ", style="Heading 1")
    doc.add_paragraph("1. Kiện toàn Bộ phận Một cửa", style="Heading 2")
    doc.add_paragraph("a) Sở Nội vụ bố trí công chức làm việc tại Bộ phận Một cửa.")
    doc.add_paragraph("2. Đẩy mạnh số hóa", style="Heading 2")
    doc.add_paragraph("1. Trung tâm Phục vụ hành chính công tỉnh số hóa hồ sơ TTHC.")
    doc.add_paragraph("2. Sở Tài chính triển khai thanh toán trực tuyến.")
    doc.add_paragraph("3. Tăng cường kiểm tra", style="Heading 2")
    doc.add_paragraph("- Công an tỉnh kiểm tra việc giải quyết TTHC.")
    doc.add_paragraph("- Văn phòng UBND tỉnh kiểm tra đột xuất.")
    doc.save(tmp_path / "tn.docx")
    t = extract_tasks(load_document(tmp_path / "tn.docx", meta={"doc_id": "tn", "province": "Thái Nguyên"}))
    assert t[["path", "lead"]].values.tolist() == [
        ["II.1.a", "Sở Nội vụ"], ["II.2.1", "Trung tâm Phục vụ hành chính công tỉnh"], ["II.2.2", "Sở Tài chính"],
        ["II.3+1", "Công an tỉnh"], ["II.3+2", "Văn phòng UBND tỉnh"]]


def test_a_markdown_groups_list_ends_with_the_group(tmp_path):
    """Review 12: a bold group line right above its list, and the next group, each number their own."""
    text = ("## I. NHIỆM VỤ\n\n**1. Về rà soát TTHC**\n1. Rà soát quy định TTHC.\n2. Đơn giản hóa TTHC.\n\n"
            "**2. Về số hóa hồ sơ**\n1. Số hóa kết quả giải quyết TTHC.\n")
    (tmp_path / "g.md").write_text(text, encoding="utf-8")
    t = extract_tasks(load_document(tmp_path / "g.md", meta={"doc_id": "g", "province": "X"}))
    assert t.path.tolist() == ["I.1.1", "I.1.2", "I.2.1"]


def test_a_numbered_markdown_heading_over_a_list_numbered_from_1_again(tmp_path):
    """Quảng Bình (walkthrough 19f): "## 2. Nâng cao …" over "1.", "2.", "3.": items 2.1 … 2.3 in
    their heading's section (they had been II.1(2), II.2(2), … and the heading a task), and the
    lines of an item between them ("Thực hiện: … Thời gian: …") do not end the group."""
    text = ("# II. NHIỆM VỤ TRỌNG TÂM\n\n## 1. Rà soát TTHC\n\na) Rà soát quy định TTHC.\n\n"
            "## 2. Nâng cao chất lượng giải quyết TTHC\n\n1. Giải quyết TTHC không phụ thuộc địa giới hành chính.\n\n"
            "2. Bảo đảm tỷ lệ hồ sơ đúng hạn đạt từ 98% trở lên.\n\n"
            "Thực hiện: Các sở, ban, ngành. Thời gian: **thường xuyên**.\n\n"
            "3. Đánh giá chất lượng phục vụ hằng tháng.\n\n## 3. Chuyển đổi số\n\n1. Số hóa hồ sơ TTHC.\n")
    (tmp_path / "qb.md").write_text(text, encoding="utf-8")
    t = extract_tasks(load_document(tmp_path / "qb.md", meta={"doc_id": "qb", "province": "Quảng Bình"}))
    assert t[["path", "section"]].values.tolist() == [
        ["II.1.a", "Rà soát TTHC"], ["II.2.1", "Nâng cao chất lượng giải quyết TTHC"],
        ["II.2.2", "Nâng cao chất lượng giải quyết TTHC"], ["II.2.3", "Nâng cao chất lượng giải quyết TTHC"],
        ["II.3.1", "Chuyển đổi số"]]
    assert t.set_index("path").loc["II.2.2", ["lead", "deadline_text"]].tolist() == ["Các sở, ban, ngành",
                                                                                   "thường xuyên"]


def test_a_word_group_ends_where_its_numbers_stop_following_on(tmp_path):
    from docx import Document as Docx

    doc = Docx()
    doc.add_paragraph("I. NHIỆM VỤ", style="Heading 1")
    doc.add_paragraph("1. Về rà soát TTHC", style="Heading 2")
    doc.add_paragraph("1. Rà soát quy định TTHC.")
    doc.add_paragraph("2. Đơn giản hóa TTHC.")
    doc.add_paragraph("2. Về số hóa hồ sơ")  # a heading styled by hand
    doc.add_paragraph("- Số hóa kết quả giải quyết TTHC.")
    doc.add_paragraph("- Tái sử dụng dữ liệu số hóa.")
    doc.save(tmp_path / "w.docx")
    lines = load_document(tmp_path / "w.docx", meta={"doc_id": "w", "province": "X"}).lines
    assert "1.2. Đơn giản hóa TTHC." in lines and "2. Về số hóa hồ sơ" in lines


def test_a_small_task_table_that_mentions_the_recipients_stays_a_table(tmp_path):
    from docx import Document as Docx

    from kehoach_lib import formats

    doc = Docx()
    table = doc.add_table(rows=2, cols=3)
    for r, row in enumerate([["STT", "Nội dung", "Ghi chú"], ["1", "Rà soát TTHC", "Gửi theo Nơi nhận: các sở"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.save(tmp_path / "t.docx")
    assert formats.docx_lines(tmp_path / "t.docx", (tmp_path / "t.docx").read_bytes())[:2] == [
        "STT\tNội dung\tGhi chú", "1\tRà soát TTHC\tGửi theo Nơi nhận: các sở"]


def test_html_lists_read_with_the_marks_a_plan_writes(tmp_path):
    """Đà Nẵng (walkthrough 10a, a page written in the portal's editor): <ol> numbers, an agency in
    <strong> with its duties in a nested <ul>, and a table's group row across its columns."""
    page = ("<html><body><p>III. TỔ CHỨC THỰC HIỆN</p><ol>"
            "<li><strong>Sở Nội vụ</strong><ul><li>Đưa kết quả thực hiện vào tiêu chí thi đua.</li>"
            "<li>Bố trí đủ công chức tại Bộ phận Một cửa trước ngày 30/9/2025.</li></ul></li>"
            "<li><strong>Sở Tài chính</strong><ul><li>Bố trí kinh phí thực hiện.</li>"
            "<li>Hướng dẫn thanh toán trực tuyến.</li></ul></li></ol>"
            "<p>IV. PHÂN CÔNG</p><table><tr><td>STT</td><td>Nội dung nhiệm vụ</td><td>Cơ quan chủ trì</td></tr>"
            "<tr><td colspan='3'><b>1. Số hóa hồ sơ</b></td></tr>"
            "<tr><td>1.1</td><td>Số hóa kết quả giải quyết TTHC</td><td>Sở Tư pháp</td></tr></table></body></html>")
    (tmp_path / "dn.html").write_text(page, encoding="utf-8")
    doc = load_document(tmp_path / "dn.html", meta={"doc_id": "dn", "province": "Đà Nẵng", "date": "2025-08-01"})
    assert "1. Sở Nội vụ" in doc.lines and "- Đưa kết quả thực hiện vào tiêu chí thi đua." in doc.lines
    t = extract_tasks(doc)
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["III.1+1", "Sở Nội vụ", ""], ["III.1+2", "Sở Nội vụ", "2025-09-30"],
        ["III.2+1", "Sở Tài chính", ""], ["III.2+2", "Sở Tài chính", ""], ["IV.1.1", "Sở Tư pháp", ""]]
    assert "unaccounted" not in line_accounting(doc).role.tolist()


def test_an_html_list_under_a_numbered_paragraph_is_its_items_list(tmp_path):
    """Review 13: "<p>1. … các thủ tục sau:</p><ol>…</ol><p>2. …</p>": the list is item 1's."""
    page = ("<html><body><p>II. NHIỆM VỤ</p><p>1. Rà soát, cắt giảm thời gian giải quyết các thủ tục sau:</p>"
            "<ol><li>Thủ tục cấp giấy phép xây dựng;</li><li>Thủ tục đăng ký hộ kinh doanh.</li></ol>"
            "<p>2. Số hóa hồ sơ TTHC.</p></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    t = extract_tasks(load_document(tmp_path / "p.html", meta={"doc_id": "p", "province": "X", "date": "2025-05-01"}))
    assert "II.2" in t.path.tolist() and not any(p.startswith("II.2(") for p in t.path)


def test_a_restarted_list_renumbers_its_items_one_by_one():
    """The rule both the Markdown and the Word reader read (formats._RestartedList): under a
    numbered group heading, "1.", "2." are its items; an indented "1." is a sub-item, and a
    number that does not follow on ends the group."""
    from kehoach_lib.formats import _bold_headings

    lines = ["# II. NHIỆM VỤ", "", "**2. Đẩy mạnh số hóa**", "", "1. Số hóa hồ sơ.", "   1. Hồ sơ đất đai.",
             "2. Tái sử dụng dữ liệu.", "4. Báo cáo kết quả.", "5. Không thuộc nhóm."]
    assert _bold_headings(lines)[2:] == ["## 2. Đẩy mạnh số hóa", "", "2.1. Số hóa hồ sơ.", "   1. Hồ sơ đất đai.",
                                         "2.2. Tái sử dụng dữ liệu.", "4. Báo cáo kết quả.", "5. Không thuộc nhóm."]
