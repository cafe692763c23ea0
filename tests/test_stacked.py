"""Specification of reading tables whose cells stand one a line (kehoach_lib.stacked), as text
copied out of a PDF's table gives them (the Đồng Tháp walkthrough plan): a row starts at its
number, its statement runs to the first line naming an agency, the agencies are its lead and
partners, a last line that reads as a deadline is its deadline; a group row keeps its title; a
page number with the header repeated after it, or a number out of turn, is a page break."""

from __future__ import annotations

from kehoach_lib import Document, extract_tasks, line_accounting
from kehoach_lib.parse import _AGENCY_HEADING, _reads_as_deadline, document_warnings
from kehoach_lib.stacked import stacked_tables

HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối", "hợp", "Thời gian hoàn thành"]
PLAN = [
    "III. NHIỆM VỤ, GIẢI PHÁP", "Các nhiệm vụ cụ thể như sau:", *HEADER,
    "I", "CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH LIÊN QUAN ĐẾN HOẠT ĐỘNG", "SẢN XUẤT, KINH DOANH",
    "1", "Rà soát, thống kê thời gian giải quyết, chi phí tuân thủ của", "các TTHC thuộc phạm vi quản lý",
    "Các sở, ban, ngành tỉnh", "Văn phòng UBND tỉnh", "Trước ngày 15/9/2025",
    "2", "Rà soát điều kiện kinh doanh trong lĩnh vực xây dựng, giao",
    "3", *HEADER,                                   # the page break: its number, the header again
    "thông vận tải", "Sở Xây dựng", "Sở Tư pháp", "30/10/2025",
    "3", "Điện tử hóa chế độ báo cáo của doanh nghiệp", "Sở Tài chính", "Năm 2026",  # no partners
    "4", "Tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính", "Trung tâm Phục vụ hành chính công tỉnh",
    "UBND các xã, phường; Bưu", "điện tỉnh", "Thường xuyên",                        # a wrapped agency
    "IV. TỔ CHỨC THỰC HIỆN", "1. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện.",
]


def _doc(lines):
    return Document(lines=tuple(lines), doc_id="dt", province="Đồng Tháp", date="2025-08-20", doc_type="kế hoạch")


def test_the_rows_cells_from_lines_of_one_cell_each():
    (table,) = stacked_tables(PLAN, agency=_AGENCY_HEADING, deadline=_reads_as_deadline)
    rows = [table.rows[i].split("\t") for i in sorted(table.rows)]
    assert rows == [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["I", "CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH LIÊN QUAN ĐẾN HOẠT ĐỘNG SẢN XUẤT, KINH DOANH", "", "", ""],
        ["1", "Rà soát, thống kê thời gian giải quyết, chi phí tuân thủ của các TTHC thuộc phạm vi quản lý",
         "Các sở, ban, ngành tỉnh", "Văn phòng UBND tỉnh", "Trước ngày 15/9/2025"],
        ["2", "Rà soát điều kiện kinh doanh trong lĩnh vực xây dựng, giao thông vận tải", "Sở Xây dựng", "Sở Tư pháp",
         "30/10/2025"],
        ["3", "Điện tử hóa chế độ báo cáo của doanh nghiệp", "Sở Tài chính", "", "Năm 2026"],
        ["4", "Tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính", "Trung tâm Phục vụ hành chính công tỉnh",
         "UBND các xã, phường; Bưu điện tỉnh", "Thường xuyên"]]
    page_break = PLAN.index("3")  # the first "3" is the page number
    assert table.continued[page_break] is None


def test_the_plan_gives_a_task_a_row_and_accounts_for_every_line():
    doc = _doc(PLAN)
    tasks = extract_tasks(doc)
    table = tasks[tasks.path.str.startswith("III.")]
    assert table.path.tolist() == ["III.I.1", "III.I.2", "III.I.3", "III.I.4"]
    assert table.due.tolist() == ["2025-09-15", "2025-10-30", "2026-12-31", ""]
    assert tasks.path.tolist()[-1] == "IV.1"
    roles = line_accounting(doc).role
    assert not roles.eq("unaccounted").any()
    assert not [w for w in document_warnings(doc) if "table" in w]


def test_a_table_whose_columns_it_cannot_tell_apart_is_left_as_it_is():
    """A product column would be taken for the statement's lines; a header without a lead column
    is no task table."""
    with_product = ["STT", "Nội dung nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "1", "Rà soát", "Báo cáo", "Sở Tư pháp",
                    "2", "Số hóa", "Dữ liệu", "Sở Nội vụ"]
    assert stacked_tables(with_product, agency=_AGENCY_HEADING, deadline=_reads_as_deadline) == []
    no_lead = ["STT", "Chỉ tiêu", "Năm 2025", "Năm 2026", "1", "Cắt giảm thời gian", "30%", "50%"]
    assert stacked_tables(no_lead, agency=_AGENCY_HEADING, deadline=_reads_as_deadline) == []


def test_prose_after_the_last_row_is_not_its_text():
    lines = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "1", "Rà soát TTHC", "Sở Tư pháp",
             "Quý III/2025", "2", "Số hóa hồ sơ", "Sở Nội vụ", "Quý IV/2025",
             "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc."]
    (table,) = stacked_tables(lines, agency=_AGENCY_HEADING, deadline=_reads_as_deadline)
    assert table.rows[8] == "2\tSố hóa hồ sơ\tSở Nội vụ\tQuý IV/2025" and 12 not in table.continued


def _rows(lines):
    (table,) = stacked_tables(lines, agency=_AGENCY_HEADING, deadline=_reads_as_deadline)
    return [table.rows[i].split("\t") for i in sorted(table.rows)][1:]


def test_numbers_that_start_again_in_each_group_and_sub_numbers_are_rows():
    rows = _rows(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện",
                  "I", "CẮT GIẢM TTHC", "1", "Rà soát TTHC", "Sở Tư pháp", "Quý III/2025",
                  "1.1", "Rà soát lĩnh vực đất đai", "Sở Nông nghiệp và Môi trường", "Quý III/2025",
                  "II", "TTHC NỘI BỘ", "1", "Công bố TTHC nội bộ", "Văn phòng UBND tỉnh", "Quý IV/2025"])
    assert [r[0] for r in rows] == ["I", "1", "1.1", "II", "1"]
    assert rows[2][2] == "Sở Nông nghiệp và Môi trường" and rows[4][3] == "Quý IV/2025"


def test_wrapped_cells_a_columns_numbers_and_a_list_after_the_table():
    rows = _rows(["Số TT", "Nội dung thực hiện", "Đơn vị chủ trì", "Tiến độ thực hiện", "1", "2", "3", "4",
                  "1", "Rà soát, đơn giản hóa TTHC nội bộ giữa các", "cơ quan hành chính nhà nước", "Sở Nội vụ",
                  "Quý III", "năm 2025",
                  "2", "Tổng hợp phương án cắt giảm TTHC năm 2026, trình", "Chủ tịch UBND tỉnh phê duyệt",
                  "Văn phòng UBND tỉnh", "Trước ngày", "30/6/2026",
                  "- Các sở, ngành chủ động triển khai."])
    assert rows == [["1", "Rà soát, đơn giản hóa TTHC nội bộ giữa các cơ quan hành chính nhà nước", "Sở Nội vụ",
                     "Quý III năm 2025"],
                    ["2", "Tổng hợp phương án cắt giảm TTHC năm 2026, trình Chủ tịch UBND tỉnh phê duyệt",
                     "Văn phòng UBND tỉnh", "Trước ngày 30/6/2026"]]


def test_a_deadline_cell_without_a_date_ends_its_row_and_the_table():
    """"Theo lộ trình" says when without a date: the last row's deadline, and the next appendix's
    table is a table of its own (it had become the row's partners)."""
    lines = ["PHỤ LỤC I", "NHIỆM VỤ CẮT GIẢM THỦ TỤC HÀNH CHÍNH", *HEADER,
             "1", "Rà soát, thống kê TTHC", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Quý III/2025",
             "2", "Cắt giảm thời gian giải quyết TTHC", "Các sở, ngành", "Văn phòng UBND tỉnh", "Theo lộ trình",
             "PHỤ LỤC II", "NHIỆM VỤ CHUYỂN ĐỔI SỐ", *HEADER,
             "1", "Số hóa hồ sơ TTHC", "Sở Khoa học và Công nghệ", "Các sở, ngành", "Quý IV/2025",
             "2", "Điện tử hóa chế độ báo cáo", "Sở Tài chính", "Sở Nội vụ", "30/10/2025"]
    t = extract_tasks(_doc(lines))
    assert t[["path", "partners", "deadline_text", "due"]].values.tolist() == [
        ["I.1", "Văn phòng UBND tỉnh", "Quý III/2025", "2025-09-30"],
        ["I.2", "Văn phòng UBND tỉnh", "Theo lộ trình", ""],
        ["PLII.1", "Các sở, ngành", "Quý IV/2025", "2025-12-31"],
        ["PLII.2", "Sở Nội vụ", "30/10/2025", "2025-10-30"]]
