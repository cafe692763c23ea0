"""Specification of reading PDFs' ruled tables (kehoach_lib.formats.pdf_lines): a table drawn
with ruling lines is one tab-separated line per row where it stands, its merged cells as .docx and
HTML give them; text outside tables is read as laid out. The PDFs in tests/data/pdf were made with
fpdf2 (a Quảng Trị walkthrough plan whose table spans a page break; a table with merged cells; a
two-level header) by helpers' scripts; the Lào Cai ones by make_lao_cai_centred.py and
top_two_line_rows.pdf by make_top_two_line_rows.py, beside them; nghe_an_ruled_landscape.pdf
and ca_mau_footnotes.pdf (walkthrough 19d) from python-docx plans converted by LibreOffice 7.4."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach_lib import Document, extract_tasks, formats, line_accounting, load_document

PDFS = Path(__file__).parent / "data" / "pdf"
QT = PDFS / "quang_tri_ruled_table.pdf"


def _doc(lines, **meta):
    meta = {"doc_id": "qt", "province": "Quảng Trị", "date": "2025-04-22", "doc_type": "kế hoạch"} | meta
    return Document(lines=tuple(lines), **meta)


QT_ROWS = [
    ("1", "Rà soát, chuẩn hóa dữ liệu TTHC trên Cơ sở dữ liệu quốc gia về TTHC",
     "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "30/5/2025"),
    ("2", "Số hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực thuộc thẩm quyền cấp tỉnh",
     "Các sở, ban, ngành cấp tỉnh", "Sở Khoa học và Công nghệ", "31/12/2025"),
    ("3", "Cung cấp dịch vụ công trực tuyến toàn trình đối với các TTHC đủ điều kiện",
     "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh; các sở, ban, ngành", "Quý IV/2025"),
    ("4", "Rà soát, đề xuất bãi bỏ các điều kiện kinh doanh không cần thiết trong lĩnh vực xây "
          "dựng, giao thông", "Sở Xây dựng", "Sở Tư pháp", "30/9/2025"),
    ("5", "Rà soát điều kiện kinh doanh trong lĩnh vực công thương, nông nghiệp",
     "Sở Công Thương; Sở Nông nghiệp và Môi trường", "Sở Tư pháp", "30/9/2025"),
    ("6", "Điện tử hóa chế độ báo cáo của doanh nghiệp", "Sở Tài chính",
     "Ban Quản lý Khu kinh tế tỉnh", "Quý III/2025"),
    ("7", "Thực hiện thanh toán trực tuyến phí, lệ phí TTHC", "Sở Tài chính",
     "Kho bạc Nhà nước tỉnh", "Năm 2025"),
    ("8", "Tuyên truyền về thực hiện TTHC trên môi trường điện tử",
     "Sở Văn hóa, Thể thao và Du lịch", "Báo Quảng Trị; Đài Phát thanh - Truyền hình tỉnh",
     "Thường xuyên"),
    ("9", "Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức làm việc tại Bộ phận một cửa",
     "Sở Nội vụ", "Văn phòng UBND tỉnh", "Hằng năm"),
]
QT_HEAD = "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn hoàn thành"
QT_DUE = ["2025-05-30", "2025-12-31", "2025-12-31", "2025-09-30", "2025-09-30", "2025-09-30",
          "2025-12-31", "", ""]


@pytest.fixture(scope="module")
def qt():
    return formats.pdf_lines(QT.read_bytes())


def test_a_ruled_table_across_a_page_break_is_one_line_per_row(qt):
    tab = [ln for ln in qt if "\t" in ln]
    # header row on page 1, row 1, header repeated on page 2, rows 2-9
    assert tab == [QT_HEAD, "\t".join(QT_ROWS[0]), QT_HEAD] + ["\t".join(r) for r in QT_ROWS[1:]]
    text = "\n".join(qt)
    for row in QT_ROWS:  # each task's wording once, in its row (no cell text left as prose)
        assert text.count(row[1]) == 1
    # the text around the table is laid out as before: the lead-in, the page number, section V
    lead_in = qt.index("Các nhiệm vụ cụ thể được phân công tại bảng sau:")
    after = qt.index("V. TỔ CHỨC THỰC HIỆN")
    assert [ln for ln in qt[lead_in + 1 : after] if "\t" not in ln] == ["2"]


def test_the_parser_gives_the_nine_table_tasks(qt):
    tasks = extract_tasks(_doc(qt))
    table = tasks[tasks.path.str.startswith("IV")]
    assert table.path.tolist() == [f"IV.{k}" for k in range(1, 10)]
    assert table.kind.eq("task").all()
    assert table.text.tolist() == [r[1] for r in QT_ROWS]
    assert table.lead.tolist() == [r[2] for r in QT_ROWS]
    assert table.partners.tolist() == [r[3] for r in QT_ROWS]
    assert table.deadline_text.tolist() == [r[4] for r in QT_ROWS]
    assert table.due.tolist() == QT_DUE
    assert len(tasks) == 19  # 4 objectives, 12 tasks, 3 duties
    acc = line_accounting(_doc(qt))
    assert not acc.role.eq("unaccounted").any()
    assert acc.role.tolist().count("table_header") == 2


def test_a_page_whose_table_finding_fails_is_read_as_laid_out(monkeypatch):
    import io

    import pdfplumber
    import pdfplumber.page

    data = QT.read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        laid_out = "\n".join(page.extract_text() or "" for page in pdf.pages).split("\n")

    def broken(self, *a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", broken)
    assert formats.pdf_lines(data) == laid_out


# --- 3. an fpdf2 PDF with ruled tables, merged cells, a framed box and a borderless table -------
MERGED_TABLE = [
    "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn",
    "A\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\t",
    "1\tTái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình\tSở Khoa học và Công nghệ"
    "\tCác sở, ban, ngành; UBND cấp huyện\tQuý II/2025",
    # the lead cell spans rows 1-2: repeated, as docx_lines and html_text give it
    "2\tNâng cấp Hệ thống thông tin giải quyết TTHC Thành phố\tSở Khoa học và Công nghệ"
    "\tVăn phòng UBND Thành phố; Công an Thành phố\ttrước ngày 31/8/2025",
    "3\tThực hiện thanh toán trực tuyến phí, lệ phí\tSở Tài chính\tCác ngân hàng thương mại trên địa bàn"
    "\tTháng 9/2025",
    "B\tSỐ HÓA HỒ SƠ\t\t\t",
    "4\tSố hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực\tCác sở, ban, ngành; UBND các quận, huyện, thị xã"
    "\tSở Khoa học và Công nghệ\tThường xuyên",
    "5\tTổ chức tiếp nhận, giải quyết TTHC không phụ thuộc vào địa giới hành chính"
    "\tTrung tâm Phục vụ hành chính công Thành phố\tUBND các quận, huyện, thị xã\ttrước ngày 01/7/2025",
]


@pytest.fixture(scope="module")
def merged():
    return formats.pdf_lines((PDFS / "merged.pdf").read_bytes())


def test_merged_cells_in_place_as_word_gives_them(merged, tmp_path):
    from docx import Document as Docx

    lead_in = "Các nhiệm vụ cụ thể được phân công tại Bảng dưới đây:"
    i = merged.index(lead_in) + 1
    assert merged[i : i + len(MERGED_TABLE)] == MERGED_TABLE
    j = i + len(MERGED_TABLE)
    assert merged[j : j + 4] == ["II. KINH PHÍ", "Kinh phí thực hiện được bố trí như sau:",
                                 "Nguồn\tGhi chú", "Ngân sách Thành phố\tTheo phân cấp"]
    prose = [ln for ln in merged if "\t" not in ln]
    assert len(prose) == len(set(prose))  # nothing read twice
    # the same table in Word (group rows merged across, a lead merged down) gives the same lines
    rows = [ln.split("\t") for ln in MERGED_TABLE]
    doc = Docx()
    table = doc.add_table(rows=len(rows), cols=5)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text and not (r == 3 and c == 2):
                table.cell(r, c).text = text
    for r in (1, 5):
        table.cell(r, 1).merge(table.cell(r, 4))
    table.cell(2, 2).merge(table.cell(3, 2))
    path = tmp_path / "t.docx"
    doc.save(path)
    docx = [ln for ln in formats.docx_lines(path, path.read_bytes()) if "\t" in ln]
    assert docx == [ln for ln in merged if "\t" in ln][: len(MERGED_TABLE)]
    tasks = extract_tasks(_doc(merged, doc_id="hn", province="Hà Nội", date="2025-04-15"))
    rows = tasks[tasks.text.str.contains("Nâng cấp Hệ thống|Tái cấu trúc|Tổ chức tiếp nhận")]
    assert rows.lead.tolist() == ["Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
                                  "Trung tâm Phục vụ hành chính công Thành phố"]


SPANS_HTML = """<p>I. NHIỆM VỤ</p><p>Phân công nhiệm vụ như sau:</p><table>
<tr><td rowspan=2>STT</td><td rowspan=2>Nội dung nhiệm vụ</td><td colspan=2>Cơ quan thực hiện</td>
<td rowspan=2>Thời hạn</td></tr><tr><td>Chủ trì</td><td>Phối hợp</td></tr>
<tr><td>1</td><td>Rà soát, công bố, công khai TTHC thuộc thẩm quyền</td><td>Sở Tư pháp</td>
<td>Các sở, ban, ngành</td><td>Quý III/2025</td></tr>
<tr><td>2</td><td>Số hóa hồ sơ, kết quả giải quyết TTHC</td><td>Sở Khoa học và Công nghệ</td>
<td>UBND cấp huyện</td><td>31/12/2025</td></tr></table>
<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td rowspan=2 colspan=2>X</td><td>c1</td></tr>
<tr><td>c2</td></tr><tr><td>p</td><td>q</td><td>r</td></tr></table>
<p>II. TỔ CHỨC THỰC HIỆN</p><p>1. Văn phòng UBND tỉnh theo dõi, đôn đốc.</p>"""


def test_fpdf_row_and_column_spans_match_the_html_path():
    """A two-level header (cells spanning two rows; one spanning two columns) and a cell spanning
    two rows and two columns: the same lines as formats.html_lines gives the same table."""
    lines = formats.pdf_lines((PDFS / "spans.pdf").read_bytes())
    assert lines == formats.html_lines(SPANS_HTML.encode())
    assert lines[2:4] == ["STT\tNội dung nhiệm vụ\tCơ quan thực hiện\t\tThời hạn",
                          "STT\tNội dung nhiệm vụ\tChủ trì\tPhối hợp\tThời hạn"]
    assert lines[6:10] == ["a\tb\tc", "X\t\tc1", "X\t\tc2", "p\tq\tr"]
    plan = lines[:6] + lines[10:]  # the task table and the prose
    tasks = extract_tasks(_doc(plan, doc_id="x", province="Hà Tĩnh", date="2025-04-15"))
    assert tasks[["path", "lead", "partners", "due"]].values.tolist() == [
        ["I.1", "Sở Tư pháp", "Các sở, ban, ngành", "2025-09-30"],
        ["I.2", "Sở Khoa học và Công nghệ", "UBND cấp huyện", "2025-12-31"],
        ["II.1", "Văn phòng UBND tỉnh", "", ""]]
    roles = line_accounting(_doc(plan, doc_id="x", province="Hà Tĩnh", date="2025-04-15")).role.tolist()
    assert roles[2:4] == ["table_header", "table_header"]


# --- 4. rows split over a page break, as Word prints a long row --------------------------------
def test_a_row_split_over_a_page_break_is_one_task_with_every_cell_whole():
    """split_rows.pdf (fpdf2, cells drawn by hand): row 4's first lines end page 1, the rest of each
    of its cells opens page 2 under the repeated header; row 2's deadline column is so narrow that
    its date wraps inside the year ('31/12/202' / '5')."""
    lines = formats.pdf_lines((PDFS / "split_rows.pdf").read_bytes())
    assert "2\tSố hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực\tCác sở, ban, ngành"\
           "\tSở Khoa học và Công nghệ\t31/12/2025" in lines
    tail = lines.index("\tđủ điều kiện; tái cấu trúc quy trình, tích hợp thanh toán trực tuyến"
                       "\tphòng UBND tỉnh; Trung tâm Phục vụ hành chính công tỉnh"
                       "\tcác xã, phường; Bưu điện tỉnh\ttháng 9 năm 2025")
    assert lines[tail - 2 : tail] == ["2", "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn"]
    doc = _doc(lines, doc_id="pt", province="Phú Thọ", date="2025-05-05")
    tasks = extract_tasks(doc).set_index("path")
    assert [p for p in tasks.index if p.startswith("II.")] == [f"II.{k}" for k in range(1, 8)]
    row = tasks.loc["II.4"]
    assert row.text == ("Cung cấp dịch vụ công trực tuyến toàn trình đối với thủ tục hành chính đủ điều "
                        "kiện; tái cấu trúc quy trình, tích hợp thanh toán trực tuyến")
    assert row.lead == "Sở Khoa học và Công nghệ; Văn phòng UBND tỉnh; Trung tâm Phục vụ hành chính công tỉnh"
    assert row.partners == "Các sở, ban, ngành; UBND các xã, phường; Bưu điện tỉnh"
    assert (row.deadline_text, row.due) == ("Trước ngày 30 tháng 9 năm 2025", "2025-09-30")
    assert tasks.loc["II.2", "due"] == "2025-12-31"
    assert not line_accounting(doc).role.eq("unaccounted").any()


@pytest.mark.parametrize(("cell", "line"), [
    ("31/12/202\n5", "31/12/2025"),          # a date wrapped inside its year
    ("tháng 6/\n2025", "tháng 6/2025"),      # after the slash
    ("2025-\n2026", "2025-2026"),            # a range
    ("Sở Tài\nchính", "Sở Tài chính"),       # words: a space
    ("Năm 2025\n2026", "Năm 2025 2026"),     # two numbers on two lines stay two
])
def test_a_pdf_cells_lines_are_joined_by_spaces_but_inside_a_date(cell, line):
    assert formats._pdf_cell(cell) == line


# --- 5. a table laid out in columns without rules (walkthrough 5: Tuyên Quang) ------------------
BORDERLESS = PDFS / "borderless.pdf"


def test_a_table_without_rules_is_read_by_its_columns_across_the_page_break():
    """fpdf2, by a walkthrough helper: the header names five columns at fixed x positions, cells
    wrap over 2-4 lines, bold group rows I-III run across the columns, a page number between
    rows 3 and 4, the table's last row on page 2 before "IV. TỔ CHỨC THỰC HIỆN"."""
    lines = formats.pdf_lines(BORDERLESS.read_bytes())
    head = lines.index("STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn")
    rows = [ln.split("\t") for ln in lines[head + 1 : lines.index("IV. TỔ CHỨC THỰC HIỆN")] if "\t" in ln]
    assert [r[0] for r in rows] == ["I", "1", "2", "3", "4", "5", "II", "6", "7", "III",
                                    "8", "9", "10", "11", "12", "13"]
    assert rows[1] == ["1", "Rà soát, thống kê đầy đủ TTHC, điều kiện đầu tư kinh doanh và chi phí tuân thủ thuộc "
                            "phạm vi quản lý của ngành, lĩnh vực", "Các sở, ban, ngành tỉnh", "Văn phòng UBND tỉnh",
                       "Trước ngày 31/8/2025"]
    assert rows[0] == ["I", "Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh", "", "", ""]
    doc = _doc(lines, doc_id="tq", province="Tuyên Quang", date="2025-07-14")
    tasks = extract_tasks(doc)
    table = tasks[tasks.path.str.startswith("III.")]
    assert len(table) == 13 and table.kind.eq("task").all()
    assert table.lead.iloc[4] == "Văn phòng UBND tỉnh" and table.due.iloc[4] == "2025-09-30"  # row 5
    assert not line_accounting(doc).role.eq("unaccounted").any()


def test_prose_pdfs_have_no_borderless_table(qt, merged):
    """The ruled tables' PDFs and their prose read as before: a borderless table needs a header
    opening STT with named columns, and prose across the page ends one."""
    assert sum("\t" in ln for ln in qt) == 11 and sum("\t" in ln for ln in merged) >= len(MERGED_TABLE)


# --- 6. text set in two columns, as a provincial gazette prints it (walkthrough 6: Bình Dương) --
TWO_COLUMNS = PDFS / "two_columns.pdf"


def test_a_gazette_page_in_two_columns_is_read_column_by_column():
    """fpdf2, by a walkthrough helper: the Công báo's running header with its page number, the
    header block and title across the page, then the body in two justified columns (card 6 split
    by the page break). Read line by line across the page, the columns interleave (2 of 17
    tasks were found); read column by column, each card is whole."""
    lines = formats.pdf_lines(TWO_COLUMNS.read_bytes())
    assert lines[lines.index("KẾ HOẠCH") + 1].startswith("Thực hiện Chương trình cắt giảm")  # across the page
    at = lines.index("Nhiệm vụ 1 - Rà soát, thống kê TTHC và")
    assert lines[at + 1 : at + 3] == ["chi phí tuân thủ", "Mục tiêu: 100% TTHC liên quan đến hoạt"]
    # the left column ends before the right one starts, on each page
    assert lines.index("Nhiệm vụ 2 - Xây dựng phương án cắt") < lines.index("Nhiệm vụ 3 - Rà soát điều kiện đầu tư")
    doc = _doc(lines, doc_id="bd", province="Bình Dương", date="2025-05-12")
    tasks = extract_tasks(doc)
    cards = tasks[tasks.path.str.startswith("II.")]
    assert cards.path.tolist() == [f"II.{k}" for k in range(1, 12)]
    six = cards.set_index("path").loc["II.6"]  # split by the page break and the gazette's running header
    assert (six.lead, six.partners, six.due) == ("Văn phòng UBND tỉnh", "Sở Nội vụ", "2025-06-30")
    seven = cards.set_index("path").loc["II.7"]  # a field's list of agencies wrapped by the column
    assert seven.lead == "Các sở, ban, ngành tỉnh; UBND các huyện, thành phố"
    roles = line_accounting(doc)
    assert roles[roles.text.str.contains("CÔNG BÁO/Số 29")].role.eq("boilerplate").all()
    assert roles[roles.text.str.startswith("Trong quá trình thực hiện")].role.eq("closing").all()
    assert not roles.role.eq("unaccounted").any()


def test_a_page_in_one_column_has_no_text_columns(qt, merged):
    """Prose across the page, a signature beside the recipients, ruled and borderless tables:
    no gutter runs down a tall band of lines, so nothing is read column by column."""
    import pdfplumber

    from kehoach_lib.pdf_columns import text_columns

    for name in ("quang_tri_ruled_table.pdf", "merged.pdf", "spans.pdf", "borderless.pdf", "split_rows.pdf"):
        with pdfplumber.open(PDFS / name) as pdf:
            for page in pdf.pages:
                assert text_columns(page.extract_words(), page.width) is None, (name, page.page_number)


# --- 7. a borderless table whose cells are centred vertically (walkthrough 12a: Tuyên Quang) -----
LAO_CAI_ROWS = {
    "1": ("Rà soát, thống kê toàn bộ thủ tục hành chính, điều kiện kinh doanh và chi phí tuân thủ thuộc "
          "phạm vi quản lý của ngành, lĩnh vực", "Các sở, ban, ngành tỉnh", "Văn phòng UBND tỉnh",
          "Trước ngày 31/8/2025"),
    "2": ("Xây dựng phương án cắt giảm tối thiểu 30% thời gian giải quyết và 30% chi phí tuân thủ thủ tục "
          "hành chính", "Các sở, ban, ngành tỉnh", "Sở Tư pháp; Văn phòng UBND tỉnh", "Tháng 9/2025"),
    "6": ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Trung tâm Phục vụ hành chính công tỉnh",
          "Các sở, ban, ngành; UBND cấp xã", "Trước ngày 30/11/2025"),
    "8": ("Đánh giá mức độ hài lòng của tổ chức, cá nhân", "Sở Nội vụ", "Văn phòng UBND tỉnh", "Hằng quý"),
    "11": ("Tuyên truyền", "Sở Văn hóa, Thể thao và Du lịch", "Báo và Phát thanh, Truyền hình Lào Cai",
           "Năm 2025"),
}


LONG_GROUP = ("Đẩy mạnh số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến "
              "toàn trình cho người dân, doanh nghiệp trên địa bàn tỉnh")


@pytest.mark.parametrize("name", ["lao_cai_centred.pdf", "lao_cai_centred_top_text.pdf"])
def test_a_borderless_table_with_cells_centred_vertically_is_one_line_per_row(name):
    """make_lao_cai_centred.py (fpdf2): no rules; the header's names wrap over three lines around
    "STT"; each row's number, and in the first file every cell, stands half-way down its row, so
    a row's first lines come before its number. In the second file the task's text is at the top
    of its cell, rows have no padding, and group II's title wraps over two lines across the columns
(around its number). The table runs onto page 2 under a repeated header."""
    lines = formats.pdf_lines((PDFS / name).read_bytes())
    head = "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn hoàn thành"
    assert lines.count(head) == 2  # on each page, in one line
    rows = {r[0]: tuple(r[1:]) for r in (ln.split("\t") for ln in lines) if len(r) == 5 and r[0] != "STT"}
    assert list(rows) == ["I", "1", "2", "3", "4", "II", "5", "6", "7", "8", "III", "9", "10", "11"]
    assert {k: rows[k] for k in LAO_CAI_ROWS} == LAO_CAI_ROWS
    title = "Số hóa và dịch vụ công trực tuyến" if name == "lao_cai_centred.pdf" else LONG_GROUP
    assert rows["II"] == (title, "", "", "")
    doc = _doc(lines, doc_id="lc", province="Lào Cai", date="2025-07-18")
    tasks = extract_tasks(doc)
    table = tasks[tasks.path.str.startswith("II.")]
    assert len(table) == 11 and table.kind.eq("task").all() and table.lead.ne("").all()
    assert table.due.tolist() == ["2025-08-31", "2025-09-30", "2025-12-31", "", "2025-12-31", "2025-11-30",
                                  "2025-09-30", "", "2025-12-31", "2025-12-15", "2025-12-31"]
    assert not line_accounting(doc).role.eq("unaccounted").any()


def test_a_lone_row_number_in_the_number_column_is_not_a_page_number():
    """A centred row's number alone on its line ("1") would read as a page's foot; in the number
    column of a table it is the row's number (the page's number stands in the page's middle)."""
    from kehoach_lib.pdf_columns import Columns, borderless_table

    def word(text, x0, top):
        return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + 10}

    words = [word("STT", 50, 100), word("Nội", 90, 100), word("dung", 115, 100), word("Cơ", 300, 100),
             word("quan", 318, 100), word("chủ", 348, 100), word("trì", 370, 100),
             word("Rà", 90, 120), word("soát", 108, 120), word("Sở", 300, 120), word("Tư", 318, 120),
             word("1", 55, 127),  # half-way down the row's two lines, alone on its line
             word("TTHC", 90, 134), word("pháp", 300, 134), word("2", 290, 300)]
    top, bottom, out, carry = borderless_table(words)
    assert out == ["STT\tNội dung\tCơ quan chủ trì", "1\tRà soát TTHC\tSở Tư pháp"]
    assert isinstance(carry, Columns) and carry.centred


def test_a_borderless_table_with_its_cells_at_the_top_is_read_from_number_to_number():
    """make_top_two_line_rows.py (fpdf2): cells at the top, no padding, rows of two lines each,
    evenly spaced, so the lines also fit rows centred around their numbers ("1" alone on the
    first line, then "hành chính …" above "2"). That reading cuts cells mid-sentence; the table's
    rows had been "Rà soát, thống kê toàn bộ thủ tục" and "hành chính thuộc … Kiện toàn …"."""
    lines = formats.pdf_lines((PDFS / "top_two_line_rows.pdf").read_bytes())
    rows = [ln.split("\t") for ln in lines if ln[:1].isdigit()]
    assert rows == [
        ["1", "Rà soát, thống kê toàn bộ thủ tục hành chính thuộc phạm vi quản lý của ngành", "Sở Tư pháp",
         "Văn phòng UBND", "Quý III/2025"],
        ["2", "Kiện toàn Bộ phận Một cửa các cấp bảo đảm đủ điều kiện hoạt động theo quy định", "Sở Nội vụ",
         "UBND cấp xã", "Năm 2025"]]


def test_a_borderless_header_on_one_line_is_not_joined_to_the_centred_row_under_it():
    """make_lao_cai_centred.py, mode centred-nopad-short: the header's names on one line, no
    padding, and a first row whose agencies wrap around its short task ("0  Tuyên truyền"). The
    header had taken that row's first lines ("Chủ trì Sở Văn hóa, Thể") and every row was garbled."""
    lines = formats.pdf_lines((PDFS / "lao_cai_centred_short_header.pdf").read_bytes())
    assert lines.count("STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn") == 2
    rows = {r[0]: tuple(r[1:]) for r in (ln.split("\t") for ln in lines) if len(r) == 5 and r[0] != "STT"}
    assert rows["0"] == ("Tuyên truyền", *LAO_CAI_ROWS["11"][1:])
    assert {k: rows[k] for k in LAO_CAI_ROWS} == LAO_CAI_ROWS


def test_a_centred_row_cut_by_a_page_break_ends_the_page_and_opens_the_next():
    """A centred row whose number and first lines stand at the foot of page 1 and whose last line
    opens page 2: page 1's last row ended short, so no row "fitted" and the page was read from
    number to number ("1 | trên địa bàn … Rà soát …"); page 2 glued that last line to row 3.
    Now page 1 ends with row 2 as far as it goes, and page 2 opens with a row without a number,
    which the parser joins to the row before the break."""
    from kehoach_lib.pdf_columns import borderless_table

    def row(n, top, text, lead, when):  # three lines of text, the rest centred on the second
        return (_words(text[0], 90, top) + _words(n, 55, top + 13) + _words(text[1], 90, top + 13)
                + _words(lead, 300, top + 13) + _words(when, 420, top + 13) + _words(text[2], 90, top + 26))

    header = _words("STT", 50, 100) + _words("Nội dung", 90, 100) + _words("Cơ quan chủ trì", 300, 100) + \
        _words("Thời hạn", 420, 100)
    page1 = (header + row("1", 120, ("Tuyên truyền về cải cách hành chính", "trên địa bàn tỉnh năm 2025 cho",
                                     "người dân và doanh nghiệp"), "Sở Nội vụ", "Năm 2025")
             + _words("Rà soát thủ tục hành chính nội bộ", 90, 166) + _words("2", 55, 179)
             + _words("giữa các cơ quan hành chính", 90, 179) + _words("Sở Tư pháp", 300, 179)
             + _words("Quý III", 420, 179) + _words("1", 300, 780))
    _, _, out, carry = borderless_table(page1)
    assert out[1:] == ["1\tTuyên truyền về cải cách hành chính trên địa bàn tỉnh năm 2025 cho người dân và "
                       "doanh nghiệp\tSở Nội vụ\tNăm 2025",
                       "2\tRà soát thủ tục hành chính nội bộ giữa các cơ quan hành chính\tSở Tư pháp\tQuý III"]
    assert carry is not None and carry.centred
    page2 = (_words("nhà nước trên địa bàn tỉnh", 90, 60)
             + row("3", 90, ("Số hóa hồ sơ, kết quả giải quyết", "thủ tục hành chính tại Trung tâm",
                             "Phục vụ hành chính công"), "Sở Nội vụ", "Năm 2025") + _words("2", 300, 780))
    _, _, out, _ = borderless_table(page2, carry)
    assert out == ["\tnhà nước trên địa bàn tỉnh\t\t",
                   "3\tSố hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính "
                   "công\tSở Nội vụ\tNăm 2025"]


def test_a_borderless_headers_second_line_of_capitalised_name_words_is_the_headers():
    """(review 2) "Cơ quan | Cơ quan" over "Chủ trì | Phối hợp": the second line, in capitals, ends
    the names; it had been left out of the header as a row's first line."""
    from kehoach_lib.pdf_columns import borderless_table

    page = (_words("STT", 50, 100) + _words("Nội dung", 90, 100) + _words("Cơ quan", 300, 100)
            + _words("Cơ quan", 380, 100) + _words("Thời hạn", 460, 100)
            + _words("Chủ trì", 300, 111) + _words("Phối hợp", 380, 111)
            + _words("1", 55, 130) + _words("Rà soát thủ tục hành chính nội bộ", 90, 130)
            + _words("Sở Tư pháp", 300, 130)
            + _words("Sở Nội vụ", 380, 130) + _words("Quý III/2025", 460, 130))
    _, _, out, _ = borderless_table(page)
    assert out == ["STT\tNội dung\tCơ quan Chủ trì\tCơ quan Phối hợp\tThời hạn",
                   "1\tRà soát thủ tục hành chính nội bộ\tSở Tư pháp\tSở Nội vụ\tQuý III/2025"]


def test_agencies_on_lines_of_their_own_in_a_pdf_cell_are_each_a_body():
    # walkthrough 19d: a ruled table over four landscape pages, a partner a line in its cells;
    # the PDF's cell reads "Sở Nội vụ Sở Tư pháp Các sở, ban, ngành cấp tỉnh" (its line breaks
    # are gone), which the canonical columns had as one body or the last one alone
    from kehoach_lib.agencies import add_agency_columns

    t = add_agency_columns(extract_tasks(load_document(PDFS / "nghe_an_ruled_landscape.pdf")))
    assert (t.kind == "task").sum() == 20
    by_id = t.set_index("path")
    assert by_id.loc["II.I.3", "partner_agencies"] == "Sở Nội vụ; Sở Tư pháp; Sở, ban, ngành tỉnh"
    assert by_id.loc["II.IV.16", "partner_agencies"] == "Sở Nội vụ; Sở Tư pháp"


def test_a_group_row_right_under_a_borderless_header_is_the_tables():
    """(walkthrough 19d) "I. CẮT GIẢM …", numbered as a heading, right under the header: it was read
    as the heading after the table, which then had no rows, and the page's tasks were lost; and
    the group's first row next to it was taken for a line of its title when the columns were
    measured."""
    from kehoach_lib.pdf_columns import borderless_table

    page = (_words("STT", 50, 100) + _words("Nội dung", 120, 100) + _words("Cơ quan chủ trì", 300, 100)
            + _words("Thời hạn", 420, 100)
            + _words("I.", 50, 120) + _words("CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH", 62, 120)
            + _words("1", 55, 135) + _words("Rà soát, cắt giảm thủ tục", 90, 135) + _words("Các sở, ngành", 290, 135)
            + _words("Quý I/2026", 420, 135)
            + _words("hành chính nội bộ", 90, 147) + _words("2", 55, 162) + _words("Số hóa hồ sơ", 90, 162)
            + _words("Sở Nội vụ", 300, 162) + _words("Năm 2026", 420, 162))
    _, _, out, _ = borderless_table(page)
    assert out == ["STT\tNội dung\tCơ quan chủ trì\tThời hạn",
                   "I.\tCẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH\t\t",
                   "1\tRà soát, cắt giảm thủ tục hành chính nội bộ\tCác sở, ngành\tQuý I/2026",
                   "2\tSố hóa hồ sơ\tSở Nội vụ\tNăm 2026"]


def test_a_pdfs_footnotes_are_footnotes():
    """(walkthrough 19d, Cà Mau) A footnote's mark is a smaller raised digit ("quy định" + "2"), its
    number at the page's foot is in the body's size over its smaller text, so it stood on a line
    of its own: the footnote became a task, or was glued to one, and the marks stayed in words
    ("quy định2;"). They read as the superscripts the other formats give."""
    doc = load_document(PDFS / "ca_mau_footnotes.pdf")
    assert any(line.startswith("quy định²;") for line in doc.lines)
    assert any(line.startswith("² Theo Điều 10 Nghị định số 63/2010/NĐ-CP") for line in doc.lines)
    roles = line_accounting(doc).set_index("line").role
    assert {roles[i + 1] for i, line in enumerate(doc.lines) if line[:1] in "¹²³⁴"} == {"footnote"}
    t = extract_tasks(doc)
    assert not t.text.str.contains("Theo Điều 10|10/02/2022 của Bộ Tư pháp|Lâm Văn Bi").any()
    assert not t.text.str.contains(r"[^\W\d_][0-9][;.,\s]", regex=True).any()  # no "quy định2;", "thời hạn3 "
    listed = t.set_index("path").loc["II.3.b", "text"]  # its "+" points, the last after the page's foot
    assert listed.endswith("+ Địa chỉ tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức.")


def _words(text, x0, top):
    """pdfplumber's words of ``text`` on one line from ``x0`` at ``top`` (5 points a character)."""
    out, x = [], x0
    for t in text.split(" "):
        out.append({"text": t, "x0": x, "x1": x + 5 * len(t), "top": top, "bottom": top + 10})
        x += 5 * len(t) + 3
    return out
