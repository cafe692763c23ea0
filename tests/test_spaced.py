"""Specification of tables whose cells are run together with single spaces (kehoach_lib.spaced)."""

from __future__ import annotations

import pytest

from kehoach_lib import Document, extract_tasks, line_accounting
from kehoach_lib.parse import _known_agency, _reads_as_deadline, document_warnings
from kehoach_lib.spaced import header_columns, split_row

HEADER = "STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành"


@pytest.mark.parametrize(("line", "columns"), [
    (HEADER, ["text", "lead", "partners", "time"]),
    ("TT Nhiệm vụ Chủ trì Thời hạn Sản phẩm", ["text", "lead", "time", "product"]),
    # not a header: a name it does not know, columns laid out with spaces, no task column first
    ("STT Nội dung nhiệm vụ Kinh phí", None),
    ("STT  Nội dung nhiệm vụ  Cơ quan chủ trì", None),
    ("STT Cơ quan chủ trì Nội dung nhiệm vụ", None),
])
def test_a_header_is_known_by_its_column_names(line, columns):
    assert header_columns(line) == columns


@pytest.mark.parametrize(("rest", "cells"), [
    ("Cắt giảm thời gian cấp giấy phép xây dựng nhà ở riêng lẻ Sở Xây dựng UBND các xã, phường Quý IV/2025",
     ["Cắt giảm thời gian cấp giấy phép xây dựng nhà ở riêng lẻ", "Sở Xây dựng", "UBND các xã, phường", "Quý IV/2025"]),
    # a lead of several words with "và", partners with ";", a time cell over a year's end
    ("Đơn giản hóa thủ tục chuyển mục đích sử dụng đất Sở Nông nghiệp và Môi trường Sở Tư pháp; Bảo hiểm xã hội tỉnh "
     "Quý IV/2025 – Quý I/2026",
     ["Đơn giản hóa thủ tục chuyển mục đích sử dụng đất", "Sở Nông nghiệp và Môi trường",
      "Sở Tư pháp; Bảo hiểm xã hội tỉnh", "Quý IV/2025 – Quý I/2026"]),
    # an agency inside the task's text stays in it
    ("Hướng dẫn UBND các xã tiếp nhận hồ sơ không phụ thuộc địa giới Văn phòng UBND tỉnh Công an tỉnh 30/9/2025",
     ["Hướng dẫn UBND các xã tiếp nhận hồ sơ không phụ thuộc địa giới", "Văn phòng UBND tỉnh", "Công an tỉnh",
      "30/9/2025"]),
    # utilities and the tax office are agencies too; names joined by ";" are one cell
    ("Di dời lưới điện phục vụ dự án đầu tư Công ty Điện lực tỉnh UBND các xã Quý IV/2025",
     ["Di dời lưới điện phục vụ dự án đầu tư", "Công ty Điện lực tỉnh", "UBND các xã", "Quý IV/2025"]),
    ("Cung cấp chữ ký số cho người dân VNPT tỉnh; Viettel tỉnh Sở Khoa học và Công nghệ Năm 2025",
     ["Cung cấp chữ ký số cho người dân", "VNPT tỉnh; Viettel tỉnh", "Sở Khoa học và Công nghệ", "Năm 2025"]),
    ("Hoàn thuế điện tử cho doanh nghiệp Thuế tỉnh Sở Tài chính Quý III/2025",
     ["Hoàn thuế điện tử cho doanh nghiệp", "Thuế tỉnh", "Sở Tài chính", "Quý III/2025"]),
])
def test_a_row_is_cut_from_its_ends(rest, cells):
    assert split_row(rest, ["text", "lead", "partners", "time"], is_agency=_known_agency,
                     deadline=_reads_as_deadline) == cells


def test_a_row_with_no_agency_and_no_time_is_not_cut():
    assert split_row("Rà soát các thủ tục còn lại", ["text", "lead", "time"], is_agency=_known_agency,
                     deadline=_reads_as_deadline) is None


def test_a_plans_table_run_together_gives_its_rows_lead_partners_and_deadline():
    """Quảng Trị (walkthrough 10b, text copied from a PDF viewer): the rows had been tasks whose
    text held the lead, the partners and the deadline."""
    text = ("II. NHIỆM VỤ\n5. Các nhiệm vụ cắt giảm, đơn giản hóa cụ thể theo lĩnh vực:\n" + HEADER + "\n"
            "5.1 Cắt giảm thời gian cấp giấy phép xây dựng Sở Xây dựng UBND các xã, phường Quý IV/2025\n"
            "5.2 Số hóa kết quả đăng ký hộ kinh doanh Sở Tài chính Trung tâm Phục vụ hành chính công tỉnh Quý II/2026\n"
            "5.3 Rà soát các thủ tục còn lại\n"
            "6. Tăng cường kiểm tra việc thực hiện TTHC; Văn phòng UBND tỉnh chủ trì.")
    doc = Document(lines=tuple(text.split("\n")), doc_id="qt", province="Quảng Trị", date="2025-06-01",
                   doc_type="kế hoạch")
    t = extract_tasks(doc)
    assert t[["path", "lead", "partners", "due"]].values.tolist() == [
        ["II.5.1", "Sở Xây dựng", "UBND các xã, phường", "2025-12-31"],
        ["II.5.2", "Sở Tài chính", "Trung tâm Phục vụ hành chính công tỉnh", "2026-06-30"],
        ["II.5.3", "", "", ""],
        ["II.6", "Văn phòng UBND tỉnh", "", ""]]
    assert t.text.tolist()[:3] == ["Cắt giảm thời gian cấp giấy phép xây dựng", "Số hóa kết quả đăng ký hộ kinh doanh",
                                   "Rà soát các thủ tục còn lại"]
    assert line_accounting(doc).role.tolist()[2] == "table_header"
    assert any("not split into their columns (lines 6)" in w for w in document_warnings(doc))


def test_a_spaced_table_ends_where_the_plans_items_go_on_and_a_form_in_prose_is_none():
    text = ("II. NHIỆM VỤ\n1. Phân công cụ thể:\nSTT Nội dung nhiệm vụ Cơ quan chủ trì Thời gian hoàn thành\n"
            "1 Rà soát TTHC nội bộ Sở Nội vụ Quý III/2025\n2. Tổ chức kiểm tra việc thực hiện TTHC.\n"
            "3. Xây dựng biểu mẫu báo cáo gồm các cột:\nSTT Nội dung Thời hạn\n4. Số hóa hồ sơ.")
    doc = Document(lines=tuple(text.split("\n")), doc_id="t", province="X", date="2025-04-08", doc_type="kế hoạch")
    t = extract_tasks(doc)
    assert {"II.2", "II.3", "II.4"} <= set(t.path)
    assert t[t.path.str.endswith(".1")].lead.tolist() == ["Sở Nội vụ"]
