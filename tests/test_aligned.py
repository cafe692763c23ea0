"""Specification of kehoach_lib.aligned: tables laid out in columns of spaces (text converted from
a PDF's layout) read as tab-separated rows."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kehoach_lib.aligned import aligned_table_rows, aligned_tables

#: An An Giang plan (written for a walkthrough) whose appendix table is laid out with spaces.
AN_GIANG = Path(__file__).parent / "data" / "an_giang_aligned_table.txt"


def rows(text: str) -> list[str]:
    lines = text.split("\n")
    out = aligned_table_rows(lines)
    assert len(out) == len(lines)
    return out


def unchanged(text: str) -> bool:
    return rows(text) == text.split("\n")


# --- small tables ---------------------------------------------------------------------------
def test_wrapped_rows_merge_at_first_line():
    assert rows("""\
STT   Nhiệm vụ               Cơ quan chủ trì   Thời hạn
1     Rà soát, thống kê      Sở Tư pháp        Trước ngày
      TTHC nội bộ                              30/6/2025
2     Số hóa hồ sơ           Sở Khoa học và    Năm 2025
                             Công nghệ""") == [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn",
        "1\tRà soát, thống kê TTHC nội bộ\tSở Tư pháp\tTrước ngày 30/6/2025",
        "",
        "2\tSố hóa hồ sơ\tSở Khoa học và Công nghệ\tNăm 2025",
        "",
    ]


def test_header_wrapped_below():
    assert rows("""\
STT   Nhiệm vụ               Cơ quan        Cơ quan       Thời gian
                             chủ trì        phối hợp      hoàn thành
1     Rà soát TTHC           Sở Tư pháp     Các sở        Quý II/2025""") == [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
        "",
        "1\tRà soát TTHC\tSở Tư pháp\tCác sở\tQuý II/2025",
    ]


def test_header_wrapped_above_number_cell():
    """The STT cell centred on the header's second line: the header is written at its first."""
    assert rows("""\
Các nhiệm vụ như sau:

                             Cơ quan        Cơ quan       Thời gian
STT   Nhiệm vụ               chủ trì        phối hợp      hoàn thành
1.    Rà soát TTHC           Sở Tư pháp     Các sở        Quý II/2025

Ghi chú: bảng trên  có hiệu lực.""") == [
        "Các nhiệm vụ như sau:",
        "",
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành",
        "",
        "1.\tRà soát TTHC\tSở Tư pháp\tCác sở\tQuý II/2025",
        "",
        "Ghi chú: bảng trên  có hiệu lực.",
    ]


def test_so_tt_split_and_dotted_numbering():
    assert rows("""\
Số    Nội dung công việc         Đơn vị chủ trì    Thời hạn
TT
1     Nhóm nhiệm vụ chung
1.1   Rà soát TTHC nội bộ        Sở Nội vụ         30/6/2025
1.2.1 Công bố danh mục cấp xã    UBND cấp xã       31/8/2025""") == [
        "Số TT\tNội dung công việc\tĐơn vị chủ trì\tThời hạn",
        "",
        "1\tNhóm nhiệm vụ chung\t\t",
        "1.1\tRà soát TTHC nội bộ\tSở Nội vụ\t30/6/2025",
        "1.2.1\tCông bố danh mục cấp xã\tUBND cấp xã\t31/8/2025",
    ]


def test_group_rows_number_and_one_wide_cell():
    assert rows("""\
TT    Nhiệm vụ               Cơ quan chủ trì    Thời hạn
A     NHÓM NHIỆM VỤ VỀ CẮT GIẢM ĐIỀU KIỆN KINH DOANH VÀ THỦ TỤC HÀNH CHÍNH
1     Rà soát TTHC           Sở Tư pháp         Quý II/2025
II    SỐ HÓA
2     Số hóa hồ sơ           Sở KH&CN           Năm 2025""") == [
        "TT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn",
        "A\tNHÓM NHIỆM VỤ VỀ CẮT GIẢM ĐIỀU KIỆN KINH DOANH VÀ THỦ TỤC HÀNH CHÍNH",
        "1\tRà soát TTHC\tSở Tư pháp\tQuý II/2025",
        "II\tSỐ HÓA",
        "2\tSố hóa hồ sơ\tSở KH&CN\tNăm 2025",
    ]


def test_cell_overrunning_by_one_space():
    out = rows("""\
STT   Nhiệm vụ               Cơ quan chủ trì    Cơ quan phối hợp   Thời hạn
1     Rà soát TTHC           Sở Tư pháp         Các sở             Quý II/2025
2     Số hóa hồ sơ kết quả   Văn phòng UBND tỉnh Sở Khoa học và     Năm 2025
      giải quyết                                 Công nghệ
3     Công bố TTHC           Sở Nội vụ          Các sở              Quý III/2025""")
    assert out[2] == "2\tSố hóa hồ sơ kết quả giải quyết\tVăn phòng UBND tỉnh\tSở Khoa học và Công nghệ\tNăm 2025"
    assert out[3] == ""
    # the last cell one column off (pushed right by a space): still its own cell
    assert out[4] == "3\tCông bố TTHC\tSở Nội vụ\tCác sở\tQuý III/2025"


def test_centred_header_and_right_shifted_numbers():
    assert rows("""\
 STT             Nhiệm vụ                  Cơ quan chủ trì        Thời hạn
  1    Rà soát, thống kê TTHC liên quan    Văn phòng UBND         30/6/2025
       đến sản xuất, kinh doanh            tỉnh
  2    Số hóa hồ sơ                        Sở KH&CN               Năm 2025""") == [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn",
        "1\tRà soát, thống kê TTHC liên quan đến sản xuất, kinh doanh\tVăn phòng UBND tỉnh\t30/6/2025",
        "",
        "2\tSố hóa hồ sơ\tSở KH&CN\tNăm 2025",
    ]


def test_sub_columns_under_a_spanning_header_cell():
    assert rows("""\
STT   Nhiệm vụ          Cơ quan chủ trì   Thời gian thực hiện
                                          Bắt đầu     Hoàn thành
1     Rà soát TTHC      Sở Tư pháp        01/2025     06/2025
2     Số hóa hồ sơ      Sở KH&CN          03/2025     12/2025""") == [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian thực hiện Bắt đầu\tThời gian thực hiện Hoàn thành",
        "",
        "1\tRà soát TTHC\tSở Tư pháp\t01/2025\t06/2025",
        "2\tSố hóa hồ sơ\tSở KH&CN\t03/2025\t12/2025",
    ]


def test_column_numbers_row_goes_with_the_header():
    text = """\
STT   Nhiệm vụ          Cơ quan chủ trì   Thời hạn
(1)   (2)               (3)               (4)
1     Rà soát TTHC      Sở Tư pháp        06/2025"""
    assert rows(text) == ["STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "", "1\tRà soát TTHC\tSở Tư pháp\t06/2025"]
    (table,) = aligned_tables(text.split("\n"))
    assert table.rows[0].lines == [0, 1]


def test_line_that_cannot_be_split_is_kept_and_reported():
    text = """\
STT   Nhiệm vụ          Cơ quan chủ trì   Thời hạn
1     Rà soát TTHC      Sở Tư pháp        06/2025
2     Số hóa hồ sơ kết quả giải quyết thủ tục hành chính của tỉnh   12/2025
3     Công bố TTHC      Sở Nội vụ         09/2025"""
    lines = text.split("\n")
    assert rows(text) == ["STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "1\tRà soát TTHC\tSở Tư pháp\t06/2025",
                          lines[2], "3\tCông bố TTHC\tSở Nội vụ\t09/2025"]
    (table,) = aligned_tables(lines)
    assert table.kept == [(2, "cannot be split into the header's columns")]


def test_rows_go_on_after_blank_lines_and_a_page_number():
    text = """\
STT   Nhiệm vụ          Cơ quan chủ trì   Thời hạn
1     Rà soát TTHC      Sở Tư pháp        06/2025

                             2

\f2     Số hóa hồ sơ      Sở KH&CN          12/2025"""
    assert rows(text) == ["STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "1\tRà soát TTHC\tSở Tư pháp\t06/2025",
                          "", "", "", "2\tSố hóa hồ sơ\tSở KH&CN\t12/2025"]
    (table,) = aligned_tables(text.split("\n"))
    assert table.page_numbers == [3]  # blanked: the parser's table would stop at it
    assert table.kept == []


def test_wrapped_group_row():
    assert rows("""\
STT   Nhiệm vụ                   Cơ quan chủ trì    Thời hạn
I     CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH VÀ
      ĐIỀU KIỆN KINH DOANH
1     Rà soát TTHC               Sở Tư pháp         Quý II/2025
2     Báo cáo kết quả thực
      hiện Kế hoạch""") == [
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn",
        "I\tCẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH VÀ ĐIỀU KIỆN KINH DOANH",
        "",
        "1\tRà soát TTHC\tSở Tư pháp\tQuý II/2025",
        "2\tBáo cáo kết quả thực hiện Kế hoạch\t\t",
        "",
    ]


def test_table_ends_at_blank_then_prose_numbered_prose_and_signature():
    text = """\
STT   Nhiệm vụ          Cơ quan chủ trì   Thời hạn
1     Rà soát TTHC      Sở Tư pháp        06/2025
      nội bộ

2.  Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này và báo cáo.
Nơi nhận:                                     KT. CHỦ TỊCH
- Như trên;                                   PHÓ CHỦ TỊCH

                                              Lê Văn Phước"""
    lines = text.split("\n")
    assert rows(text) == ["STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "1\tRà soát TTHC nội bộ\tSở Tư pháp\t06/2025",
                          "", *lines[3:]]


def test_table_ends_at_prose_without_blank_and_at_signature_after_blank():
    text = """\
    STT   Nhiệm vụ          Cơ quan chủ trì   Thời hạn
    1     Rà soát TTHC      Sở Tư pháp        06/2025
Trên đây là Kế hoạch của UBND tỉnh.

STT   Nhiệm vụ          Cơ quan chủ trì   Thời hạn
1     Rà soát TTHC      Sở Tư pháp        06/2025

                                          KT. CHỦ TỊCH
                                          PHÓ CHỦ TỊCH"""
    lines = text.split("\n")
    out = rows(text)
    assert out[:2] == ["STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "1\tRà soát TTHC\tSở Tư pháp\t06/2025"]
    assert out[2:4] == lines[2:4]
    assert out[4:6] == ["STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn", "1\tRà soát TTHC\tSở Tư pháp\t06/2025"]
    assert out[6:] == lines[6:]


@pytest.mark.parametrize("text", [
    # two-column document header
    """\
ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH AN GIANG                              Độc lập - Tự do - Hạnh phúc
     -------                                     ---------------
Số: 112/KH-UBND                       An Giang, ngày 22 tháng 4 năm 2025""",
    # prose with double spaces
    ("Thực hiện Nghị quyết  số 66/NQ-CP,  UBND tỉnh  ban hành Kế hoạch.\n"
     "1.  Rà soát  các TTHC  thuộc phạm vi  quản lý.\n2.  Công bố  danh mục."),
    # signature block, "Nơi nhận:" beside it
    """\
Nơi nhận:                                     TM. ỦY BAN NHÂN DÂN
- Như trên;                                   KT. CHỦ TỊCH
- Lưu: VT.                                    PHÓ CHỦ TỊCH

                                              Lê Văn Phước""",
    "                              KT. CHỦ TỊCH        PHÓ CHỦ TỊCH",
    # "TT" starting prose, a header without any row, a list of members
    "TT   HĐND tỉnh   và   UBND tỉnh đã thống nhất.",
    "STT   Nhiệm vụ          Cơ quan chủ trì   Thời hạn\nCác nội dung được nêu tại Phụ lục.",
    "TT   Họ và tên           Chức vụ              Điện thoại\n1    Nguyễn Văn A        Chủ tịch             0901",
    # tables the parser reads already: tabs, pipes
    "STT\tNhiệm vụ\tCơ quan chủ trì\n1\tRà soát\tSở Tư pháp",
    "| STT | Nhiệm vụ  | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Rà soát  | Sở Tư pháp |",
    "",
])
def test_false_positives_unchanged(text):
    assert unchanged(text)
    assert aligned_tables(text.split("\n")) == []


# --- the An Giang appendix ------------------------------------------------------------------
@pytest.fixture(scope="module")
def an_giang() -> list[str]:
    return AN_GIANG.read_text(encoding="utf-8").split("\n")


EXPECTED_AG = {  # 1-based line: (number, text, lead, partners, deadline, product)
    45: ("1", "Rà soát, thống kê TTHC liên quan đến sản xuất, kinh doanh thuộc phạm vi quản lý",
         "Các sở, ban, ngành", "Văn phòng UBND tỉnh", "Trước ngày 30/6/2025", "Báo cáo kết quả rà soát"),
    47: ("2", "Xây dựng phương án cắt giảm 30% thời gian giải quyết và chi phí tuân thủ TTHC",
         "Văn phòng UBND tỉnh", "Sở Tư pháp; các sở, ngành", "Quý III năm 2025", "Quyết định phê duyệt phương án"),
    49: ("3", "Rà soát, đề xuất bãi bỏ điều kiện kinh doanh không cần thiết, không hợp lý",
         "Sở Tài chính", "Các sở quản lý chuyên ngành", "Năm 2025-2026", "Văn bản đề xuất"),
    52: ("4", "Cung cấp dịch vụ công trực tuyến toàn trình đối với 100% TTHC đủ điều kiện",
         "Sở Khoa học và Công nghệ", "UBND các huyện, thị xã, thành phố", "Trong tháng 7/2025",
         "Danh mục dịch vụ công trực tuyến"),
    54: ("5", "Số hóa hồ sơ, kết quả giải quyết TTHC", "Các sở, ban, ngành; UBND cấp huyện",
         "Sở Khoa học và Công nghệ", "Thường xuyên", "Hồ sơ được số hóa"),
    56: ("6", "Tiếp nhận, trả kết quả TTHC không phụ thuộc vào địa giới hành chính trong phạm vi tỉnh",
         "Trung tâm Phục vụ hành chính công tỉnh", "Bưu điện tỉnh An Giang", "Chậm nhất ngày 15 tháng 8 năm 2025",
         "Quy trình nội bộ"),
    58: ("7", "Báo cáo kết quả thực hiện Kế hoạch", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "Hằng năm", "Báo cáo"),
}


def test_an_giang_table_rows(an_giang):
    out = aligned_table_rows(an_giang)
    assert len(out) == len(an_giang)
    changed = {i + 1 for i, (a, b) in enumerate(zip(an_giang, out, strict=False)) if a != b}
    assert changed == set(range(43, 59))  # the table only
    assert out[42] == "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm"
    assert out[43] == "I\tCẮT GIẢM, ĐƠN GIẢN HÓA TTHC, ĐIỀU KIỆN KINH DOANH"
    assert out[50] == "II\tTHỰC HIỆN TTHC TRÊN MÔI TRƯỜNG ĐIỆN TỬ"
    for ln, cells in EXPECTED_AG.items():
        assert out[ln - 1].split("\t") == list(cells), ln
    assert [out[ln - 1] for ln in (46, 48, 50, 53, 55, 57)] == [""] * 6
    (table,) = aligned_tables(an_giang)
    assert [(r.kind, [i + 1 for i in r.lines]) for r in table.rows] == [
        ("header", [43]), ("group", [44]), ("row", [45, 46]), ("row", [47, 48]), ("row", [49, 50]),
        ("group", [51]), ("row", [52, 53]), ("row", [54, 55]), ("row", [56, 57]), ("row", [58])]
    assert table.kept == []


def test_an_giang_nfd_gives_the_same_rows(an_giang):
    nfd = [unicodedata.normalize("NFD", line) for line in an_giang]
    assert [unicodedata.normalize("NFC", line) for line in aligned_table_rows(nfd)] == aligned_table_rows(an_giang)


def _an_giang_doc(lines):
    from kehoach_lib import Document

    header = "\n".join(lines[:6])
    d, m, y = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", header).groups()
    return Document(lines=tuple(lines), doc_id="ag", province="An Giang", date=f"{y}-{int(m):02d}-{int(d):02d}",
                    doc_type="kế hoạch")


def test_the_parser_reads_the_tables_tasks_with_all_their_lines(an_giang):
    from kehoach_lib import extract_tasks, line_accounting

    doc = _an_giang_doc(an_giang)
    tasks = extract_tasks(doc)
    table = tasks[tasks.path.str.startswith("PL")].reset_index(drop=True)
    assert list(table.path) == ["PL.I.1", "PL.I.2", "PL.I.3", "PL.II.4", "PL.II.5", "PL.II.6", "PL.II.7"]
    assert set(table.kind) == {"task"}
    assert list(table.line_start) == sorted(EXPECTED_AG)
    assert list(table.line_end) == [46, 48, 50, 53, 55, 57, 58]  # a row's wrapped lines are the row's
    for (ln, (_n, text, lead, partners, deadline, product)), row in zip(EXPECTED_AG.items(), table.itertuples(),
                                                                        strict=True):
        assert (row.text, row.lead, row.partners, row.deadline_text, row.product) == (
            text, lead, partners, deadline, product), ln
    assert list(table.due) == ["2025-06-30", "2025-09-30", "2026-12-31", "2025-07-31", "", "2025-08-15", ""]
    roles = line_accounting(doc).set_index("line").role
    assert roles[43] == "table_header" and roles[44] == roles[51] == "heading"
    assert set(roles[45:58]) <= {"task", "heading"} and "unaccounted" not in set(roles)
    # the same lines as tab-separated rows give the same tasks
    by_tabs = extract_tasks(_an_giang_doc(aligned_table_rows(an_giang)))
    cols = ["path", "text", "lead", "partners", "deadline_text", "due", "product", "line_start"]
    assert by_tabs[cols].equals(tasks[cols])


# --- documents without such tables come back identical --------------------------------------
def test_the_bundled_documents_come_back_unchanged(corpus):
    for doc in corpus:
        assert aligned_table_rows(list(doc.lines)) == list(doc.lines), doc.doc_id



# --- generated tables -------------------------------------------------------------------------
_WORDS = ("rà soát thống kê thủ tục hành chính sở tư pháp văn phòng UBND tỉnh các ban ngành cấp huyện "
          "xã số hóa hồ sơ kết quả giải quyết quý năm 2025 tháng 6/2025 trước ngày báo cáo quyết định").split()
_HEADS = ["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm", "Ghi chú"]


def _generated(seed: int, overrun: int) -> tuple[list[str], list[str]]:
    """A table laid out as pdftotext -layout does (a cell that runs into the next column pushes
    it right, one space after), and the rows it should give."""
    import random
    import textwrap

    rng = random.Random(seed)
    hdr = _HEADS[: rng.randint(3, 6)]
    widths = [max(rng.randint(8, 40) if i == 0 else rng.randint(8, 25), len(h) + 1) for i, h in enumerate(hdr)]
    gaps = [rng.randint(1, 4) for _ in widths]
    starts, x = [], 6
    for w, g in zip(widths, gaps, strict=False):
        starts.append(x)
        x += w + g

    def layout(cells: list[list[str]], num: str) -> list[str]:
        out = []
        for li in range(max(len(c) for c in cells)):
            s = (num if li == 0 else "").ljust(6)
            for c, st in zip(cells, starts, strict=False):
                if li < len(c):
                    s = s.ljust(max(st, len(s.rstrip()) + 1) if s.strip() else st) + c[li]
            out.append(s.rstrip())
        return out

    lines = layout([[h] for h in hdr], "STT")
    expect = ["\t".join(["STT", *hdr])]
    for r in range(rng.randint(1, 6)):
        cells = []
        for j, w in enumerate(widths):
            text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 12) if j == 0 else rng.randint(0, 8)))
            width = w + gaps[j] - 1 + (rng.randint(0, overrun) if rng.random() < 0.3 else 0)
            cells.append(textwrap.wrap(text, width) if text else [])
        block = layout(cells, str(r + 1))
        lines += block
        expect += ["\t".join([str(r + 1)] + [" ".join(c) for c in cells]), *[""] * (len(block) - 1)]
    return lines, expect


def _score(overrun: int, seeds: range) -> dict[str, int]:
    """Lines of generated tables whose header cells are 2+ spaces apart: right, left as they
    were, or wrong."""
    out = {"right": 0, "kept": 0, "wrong": 0}
    for seed in seeds:
        lines, expect = _generated(seed, overrun)
        if len(re.split(r" {2,}", lines[0])) != len(expect[0].split("\t")):
            continue  # two header cells one space apart
        for o, e, raw in zip(aligned_table_rows(lines), expect, lines, strict=False):
            out["right" if o == e else "kept" if o == raw else "wrong"] += 1
    return out


def test_generated_tables_never_give_a_wrong_row():
    """Cells at most one space apart in the rows (a cell running into the gap): every line is
    right or left as it was (rows crossing several columns)."""
    score = _score(0, range(500))
    assert score["wrong"] == 0, score
    assert score["kept"] < 0.03 * sum(score.values()), score
    score = _score(1, range(500))  # cells also overrunning their column by one more character
    assert score["wrong"] == 0, score
    assert score["kept"] < 0.05 * sum(score.values()), score


# --- what the parser makes of them -------------------------------------------------------------
TABLE = """II. NHIỆM VỤ
STT   Nhiệm vụ                               Cơ quan chủ trì       Thời gian hoàn thành
1     Rà soát, thống kê TTHC liên quan đến   Các sở, ban, ngành    Trước ngày 30/6/2025
      sản xuất, kinh doanh
2     Số hóa hồ sơ, kết quả giải quyết       Sở Khoa học và Công   Thường xuyên
      TTHC                                   nghệ"""


def _plan(text):
    from kehoach_lib import Document

    return Document(lines=tuple(text.split("\n")), doc_id="t", province="Tỉnh X", date="2025-04-08",
                    doc_type="kế hoạch")


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_the_headings_and_numbered_text_after_a_table_are_not_its_rows(gap):
    from kehoach_lib import extract_tasks

    after = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n" \
            "2. Các sở, ban, ngành báo cáo kết quả trước ngày 15/12/2025."
    t = extract_tasks(_plan(TABLE + gap + after))
    assert t.path.tolist() == ["II.1", "II.2", "III.1", "III.2"]
    assert t.kind.tolist() == ["task", "task", "duty", "duty"]
    assert t.lead.tolist() == ["Các sở, ban, ngành", "Sở Khoa học và Công nghệ", "Sở Tư pháp", "Các sở, ban, ngành"]
    assert t.due.tolist() == ["2025-06-30", "", "", "2025-12-15"]


def test_a_row_that_cannot_be_split_keeps_its_text_and_the_rows_after_it_their_cells():
    from kehoach_lib import extract_tasks
    from kehoach_lib.parse import document_warnings

    text = (TABLE + "\n3     Công bố, công khai đầy đủ, kịp thời thủ tục hành chính nội bộ trên Cổng   Thường xuyên\n"
            "4     Cắt giảm thời gian giải quyết TTHC     Văn phòng UBND tỉnh   Quý III năm 2025")
    doc = _plan(text)
    t = extract_tasks(doc)
    assert t.path.tolist() == ["II.1", "II.2", "II.3", "II.4"]
    assert t.text.iloc[2].startswith("Công bố, công khai đầy đủ")
    assert (t.lead.iloc[3], t.due.iloc[3]) == ("Văn phòng UBND tỉnh", "2025-09-30")
    assert any("not split into their columns (lines 7)" in w for w in document_warnings(doc))


def test_group_rows_and_rows_with_empty_cells_glued_to_their_number_stay_in_the_table():
    from kehoach_lib import extract_tasks

    text = """I. NHIỆM VỤ
TT  Nhiệm vụ                              Cơ quan chủ trì       Thời gian hoàn thành
I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
1. Rà soát, thống kê TTHC liên quan đến   Các sở, ban, ngành    Trước ngày 30/6/2025
   sản xuất, kinh doanh
II. CHUYỂN ĐỔI SỐ
1. Tổ chức hội nghị tập huấn cho cán bộ
2. Cắt giảm thời gian giải quyết TTHC     Văn phòng UBND tỉnh   Quý III năm 2025
II. TỔ CHỨC THỰC HIỆN
Sở Tư pháp theo dõi, đôn đốc."""
    t = extract_tasks(_plan(text))
    assert t.path.tolist() == ["I.I.1", "I.II.1", "I.II.2", "II+1"]
    assert t.section.tolist()[:3] == ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "CHUYỂN ĐỔI SỐ", "CHUYỂN ĐỔI SỐ"]
    assert t.lead.tolist() == ["Các sở, ban, ngành", "", "Văn phòng UBND tỉnh", "Sở Tư pháp"]
    assert t.due.tolist()[:3] == ["2025-06-30", "", "2025-09-30"]
