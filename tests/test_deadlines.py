"""Deadlines as written -> ``due`` (kehoach_lib.deadlines.resolve_due), and where the parser
reads them: a deadline cell or field value that is only a time expression resolves; a year in
a task's running text is no deadline."""

from __future__ import annotations

from datetime import date

import pytest

from kehoach_lib import Document, extract_tasks
from kehoach_lib.deadlines import (
    bare_period_ends,
    is_recurring,
    own_deadline_text,
    recurrence_text,
    relative_deadline,
    resolve_due,
)

DOC_YEAR = 2025  # the document's year, for deadlines that omit theirs


@pytest.mark.parametrize(
    "written, due",
    [
        # a year resolves to its last day
        ("Năm 2025", "2025-12-31"),
        # letters OCR reads for digits in a date or a quarter
        ("trước ngày 3O/9/2025", "2025-09-30"),
        ("trước ngày l5/6/2025", "2025-06-15"),
        ("trong quý IlI/2025", "2025-09-30"),
        # dates with dashes or dots, and "T8/2025", as messages write them
        ("trước 15-7-2025", "2025-07-15"),
        ("xong trước 30.9.2025.", "2025-09-30"),
        ("T8/2025", "2025-08-31"),
        ("Q3/2025", "2025-09-30"),  # ... and a quarter as tables abbreviate it
        ("Giai đoạn 2021-2025", "2025-12-31"),  # a span of years is no date
        ("năm 2026", "2026-12-31"),
        ("NĂM 2026", "2026-12-31"),
        ("2025", "2025-12-31"),
        ("2025.", "2025-12-31"),
        ("(Năm 2025)", "2025-12-31"),
        ("Trong năm 2025", "2025-12-31"),
        ("Cuối năm 2025", "2025-12-31"),
        ("Đến hết năm 2025", "2025-12-31"),
        ("Hoàn thành trong năm 2025", "2025-12-31"),
        # several years give the latest
        ("Năm 2025-2026", "2026-12-31"),
        ("Năm 2025 - 2026", "2026-12-31"),
        ("Năm 2025 – 2026", "2026-12-31"),
        ("Năm 2025, 2026", "2026-12-31"),
        ("Năm 2025 và 2026", "2026-12-31"),
        ("Năm 2025 và năm 2026", "2026-12-31"),
        ("Giai đoạn 2025-2030", "2030-12-31"),
        ("Từ năm 2024 đến năm 2025", "2025-12-31"),
        ("Quý IV/2025; năm 2026", "2026-12-31"),
        # a month resolves to its last day
        ("12/2025", "2025-12-31"),
        ("6/2025", "2025-06-30"),
        ("02/2024", "2024-02-29"),
        ("Trước 12/2025", "2025-12-31"),
        ("Tháng 12/2025", "2025-12-31"),
        ("Tháng 6 năm 2025", "2025-06-30"),
        ("Tháng 6/2025", "2025-06-30"),
        ("Tháng 12/2025 - 2026", "2026-12-31"),
        # a half-year resolves to its last day
        ("6 tháng đầu năm 2025", "2025-06-30"),
        ("06 tháng đầu năm 2026", "2026-06-30"),
        ("Trong 6 tháng đầu năm 2025", "2025-06-30"),
        ("Sáu tháng đầu năm 2025", "2025-06-30"),
        ("Nửa đầu năm 2025", "2025-06-30"),
        ("6 tháng cuối năm 2025", "2025-12-31"),
        ("6 tháng đầu năm", "2025-06-30"),  # the document's year
        # quarters, spans and lists of quarters: the last one
        ("Quý I/2025", "2025-03-31"),
        ("Quý IV", "2025-12-31"),
        ("Quý IV/2024", "2024-12-31"),
        ("Quý 4/2025", "2025-12-31"),
        ("Quý I-II/2025", "2025-06-30"),
        ("Quý III-IV/2025", "2025-12-31"),
        ("Quý I, II/2025", "2025-06-30"),
        ("Quý I và II năm 2025", "2025-06-30"),
        ("Quý I, IV năm 2025", "2025-12-31"),
        ("Quý III năm 2025", "2025-09-30"),
        # explicit days beat periods; a missing year comes from the document
        ("Trước 30/6", "2025-06-30"),
        ("Trước 30/6/2025", "2025-06-30"),
        ("Quý III/2024 (trước ngày 15/7/2024)", "2024-07-15"),
        ("Năm 2025 (trước ngày 15/12/2025)", "2025-12-15"),
        ("Thường xuyên; năm 2025", "2025-12-31"),  # recurring, but the year is explicit
        # spans written without spaces, and a period with a remark after it
        ("Quý IV/2025-2026", "2026-12-31"), ("Quý IV/2025 - 2026", "2026-12-31"),
        ("Tháng 10-12/2025", "2025-12-31"), ("Tháng 10 - 12/2025", "2025-12-31"),
        ("2025 - 2030 (hằng năm)", "2030-12-31"),
        # the start of a year is its first quarter, its middle 30/6 (a half-year is not "đầu năm")
        ("Đầu năm 2026", "2026-03-31"), ("giữa năm 2025", "2025-06-30"), ("6 tháng đầu năm 2026", "2026-06-30"),
        # a week of a month ends on day 7k, the last week with the month
        ("Tuần đầu tháng 7/2025", "2025-07-07"), ("tuần thứ hai của tháng 8", "2025-08-14"),
        ("Tuần cuối tháng 9/2025", "2025-09-30"),
        # a day past its month's end is a typo for the month's last day
        ("trước ngày 31/6/2025", "2025-06-30"), ("ngày 31 tháng 9 năm 2025", "2025-09-30"),
    ],
)
def test_resolve_due(written, due):
    assert resolve_due(written, year=DOC_YEAR) == date.fromisoformat(due)


@pytest.mark.parametrize(
    "written",
    [
        "",
        "   ",
        # start dates and cited documents are no deadlines
        "Thực hiện từ 01/6/2023",
        "Từ năm 2025",
        "Thực hiện từ 6/2025",
        "Quyết định số 1015/QĐ-TTg ngày 30/8/2022",
        "Theo Quyết định số 44/2023/QĐ-UBND",
        "Quyết định số 12/2025/QĐ-UBND",
        # a year in wording is no deadline
        "Kế hoạch năm 2025",
        "Triển khai kế hoạch năm 2025",
        "Năm 2025 và các năm tiếp theo",
        "Thường xuyên, theo kế hoạch năm 2025",
        # not a month, or a part of a year too loose to end on a given day
        "13/2025",
        "44/2023",
        "16 tháng đầu năm 2025",
        "Từ đầu năm 2026",  # a start
        "Trước năm 2026",
        # recurring work with no explicit year
        "Thường xuyên",
        "Định kỳ 6 tháng/năm",
        "Định kỳ 6 tháng đầu năm",
        "Định kỳ hàng quý, 6 tháng, năm",
        "Thực hiện hàng Quý, năm",
        "Quý II, III",
        "Báo cáo quý I, II, III và báo cáo năm",
        "Trước 05 ngày tính đến ngày VBQPPL có quy định về TTHC có hiệu lực thi hành",
    ],
)
def test_no_due(written):
    assert resolve_due(written, year=DOC_YEAR) is None


def test_a_missing_year_without_the_documents_year_stays_missing():
    assert resolve_due("Trước 30/6") is None
    assert resolve_due("6 tháng đầu năm") is None
    assert resolve_due("Năm 2025") == date(2025, 12, 31)


@pytest.mark.parametrize(
    "written, ends",
    [
        ("Năm 2025-2026", ["2025-12-31", "2026-12-31"]),
        ("Tháng 2 – 12/2025", ["2025-12-31"]),
        ("Từ 2024 – 2025", ["2025-12-31"]),  # the part "Từ 2024" only opens the period
        ("Quý IV/2025", []),  # quarters are period_ends' business
        ("Triển khai kế hoạch năm 2025", []),
    ],
)
def test_bare_period_ends(written, ends):
    assert [d.isoformat() for d in bare_period_ends(written)] == ends


def test_own_deadline_text_needs_a_cue_so_years_in_wording_are_not_read():
    assert own_deadline_text("Triển khai kế hoạch năm 2025 của tỉnh") == ""
    assert own_deadline_text("Rà soát, hoàn thành trước ngày 30/4/2025.") == "hoàn thành trước ngày 30/4/2025"


@pytest.mark.parametrize(
    "text, phrase, due",
    [
        ("Rà soát các TTHC nội bộ, hoàn thành trong năm 2025.", "hoàn thành trong năm 2025", "2025-12-31"),
        ("Số hóa hồ sơ; thời hạn hoàn thành: trong năm 2026", "trong năm 2026", "2026-12-31"),
        ("Xong trong quý III năm 2025", "Xong trong quý III năm 2025", "2025-09-30"),
        # ... in words: a day of the plan's year, a half of a year, a year after "hoàn thành" alone
        ("Trình Chủ tịch UBND tỉnh phê duyệt trước ngày 30 tháng 6.", "trước ngày 30 tháng 6", "2025-06-30"),
        ("Điện tử hóa chế độ báo cáo, hoàn thành trong 6 tháng cuối năm 2025.",
         "hoàn thành trong 6 tháng cuối năm 2025", "2025-12-31"),
        ("Hướng dẫn tái cấu trúc quy trình; hoàn thành năm 2026.", "hoàn thành năm 2026", "2026-12-31"),
        # ... given as written, dashes and "Hạn:" too
        ("Công bố danh mục, hoàn thành trước 31-12-2025.", "hoàn thành trước 31-12-2025", "2025-12-31"),
        ("Điện tử hóa chế độ báo cáo – Chủ trì: Sở TC – Hạn: năm 2026", "năm 2026", "2026-12-31"),
        # a span of quarters, also after "thời gian thực hiện" without its colon (Yên Bái)
        ("Nâng cấp hệ thống, thời gian thực hiện Quý II-III/2025;", "Quý II-III/2025", "2025-09-30"),
        ("Kết nối dữ liệu, hoàn thành trong quý II - quý III năm 2025.",
         "hoàn thành trong quý II - quý III năm 2025", "2025-09-30"),
        # a year alone says when the work happens, not when it is due, without a word of completion
        ("Triển khai trong năm 2025 các nhiệm vụ trọng tâm", "", None),
        # "before 2026" would end on 31/12/2025, but the rules read years as their end: left out
        ("Hoàn thành trước năm 2026", "", None),
        # periodic work in or up to a year runs to that year's end
        ("Tập huấn định kỳ hằng quý trong năm 2026 cho cán bộ", "định kỳ hằng quý trong năm 2026", "2026-12-31"),
        ("Báo cáo hằng tháng, quý trong năm 2025.", "hằng tháng, quý trong năm 2025", "2025-12-31"),
        ("Kiểm tra hàng năm đến năm 2030", "hàng năm đến năm 2030", "2030-12-31"),
        # the clause that closes a task with its years, and the label without its colon
        ("Tổng hợp phương án, trình phê duyệt; thực hiện trong năm 2025-2026.", "thực hiện trong năm 2025-2026",
         "2026-12-31"),
        ("Rà soát điều kiện kinh doanh; thời gian thực hiện năm 2025-2026.", "năm 2025-2026", "2026-12-31"),
        ("Rà soát; triển khai trong năm 2025 các nhiệm vụ trọng tâm", "", None),  # the clause goes on
        # the year that closes a sentence, and the year a target opens with (walkthrough 9)
        ("Sở Nội vụ số hóa hồ sơ đạt 80% trong năm 2025.", "trong năm 2025", "2025-12-31"),
        ("Tỷ lệ hài lòng đạt tối thiểu 95% trong năm 2026", "trong năm 2026", "2026-12-31"),
        ("Đến hết năm 2025, 100% TTHC đủ điều kiện được cung cấp trực tuyến toàn trình.", "Đến hết năm 2025",
         "2025-12-31"),
        ("Phấn đấu đến hết năm 2025 cắt giảm 30% thời gian giải quyết TTHC.", "Phấn đấu đến hết năm 2025",
         "2025-12-31"),
        ("Rà soát TTHC, trong năm 2025 hoàn thành công bố danh mục", "", None),
        # (walkthrough 10a) a year before its baseline, a year labelling the target, "Đến năm …,"
        ("Giảm 30% thời gian giải quyết trong năm 2025 so với năm 2024.", "trong năm 2025", "2025-12-31"),
        ("Năm 2025, cắt giảm ít nhất 30% chi phí tuân thủ TTHC.", "Năm 2025", "2025-12-31"),
        ("Năm 2025: cắt giảm 30%; năm 2026: cắt giảm 50% thời gian.", "Năm 2025; năm 2026", "2026-12-31"),
        ("Đến năm 2026, 100% TTHC được thực hiện trực tuyến.", "Đến năm 2026", "2026-12-31"),
        ("Đánh giá kết quả năm 2025 của các cơ quan", "", None),
        # (walkthrough 10b) a span of quarters over a year's end, lists of quarters or months of
        # a year, "hoàn thành" alone before a quarter, a period closing the sentence
        ("Xác thực tài khoản VNeID, thời gian thực hiện: Quý IV/2025 – Quý I/2026.", "Quý IV/2025 – Quý I/2026",
         "2026-03-31"),
        ("Cung cấp dịch vụ công trực tuyến trong Quý III và Quý IV/2025.", "trong Quý III và Quý IV/2025",
         "2025-12-31"),
        ("Kiểm tra việc thực hiện vào tháng 9 và tháng 12/2025.", "vào tháng 9 và tháng 12/2025", "2025-12-31"),
        ("Bảo đảm an toàn thông tin, hoàn thành Quý I/2026.", "hoàn thành Quý I/2026", "2026-03-31"),
        ("Số hóa hồ sơ trong giai đoạn 2025 - 2026.", "trong giai đoạn 2025 - 2026", "2026-12-31"),
        ("Đạt 80% hồ sơ trực tuyến toàn trình đến hết năm 2025.", "đến hết năm 2025", "2025-12-31"),
        ("Báo cáo quý I, II, III và năm", "", None),
        # (walkthrough 11a) a year at the latest, anywhere; a year opening the sentence after "Trong"
        ("Chậm nhất năm 2026, 100% TTHC được cung cấp trực tuyến toàn trình.", "Chậm nhất năm 2026", "2026-12-31"),
        ("Sở Nội vụ rà soát, hoàn thành chậm nhất năm 2026.", "chậm nhất năm 2026", "2026-12-31"),
        ("Trong năm 2026, hoàn thành số hóa 100% hồ sơ TTHC.", "Trong năm 2026", "2026-12-31"),
        # (walkthrough 12b) a clause after ";" that is only a time, after the lead's
        ("Rút ngắn thời gian giao đất; Sở Nông nghiệp và Môi trường chủ trì; Quý III/2025.", "Quý III/2025",
         "2025-09-30"),
        ("Tổ chức hội nghị; Sở Tài chính chủ trì, phối hợp Hiệp hội Doanh nghiệp tỉnh; tháng 10-11/2025.",
         "tháng 10-11/2025", "2025-11-30"),
        # (walkthrough 14c) a period that closes a target's sentence, with or without "trong"
        ("100% hồ sơ, kết quả giải quyết TTHC được số hóa giai đoạn 2025 - 2026.", "giai đoạn 2025 - 2026",
         "2026-12-31"),
        ("100% hồ sơ được số hóa trong giai đoạn 2025 - 2026.", "trong giai đoạn 2025 - 2026", "2026-12-31"),
        # ... and a target's opening year after its heading's label
        ("Mục tiêu chung: Đến hết năm 2026, tỉnh thuộc nhóm 10 tỉnh dẫn đầu về Chỉ số SIPAS.", "Đến hết năm 2026",
         "2026-12-31"),
        # ... but not a period that only names a plan: no target
        ("Xây dựng Kế hoạch cải cách hành chính giai đoạn 2026 - 2030.", "", None),
        # ... but not a year that is only near it, nor periodic work with no year
        ("Chỉ số cải cách hành chính hàng năm của tỉnh năm 2025", "", None),
        ("Định kỳ hằng tháng tổng hợp báo cáo", "", None),
    ],
)
def test_a_year_in_a_tasks_own_wording_is_its_deadline_after_a_word_of_completion(text, phrase, due):
    assert own_deadline_text(text) == phrase
    assert (resolve_due(phrase, year=2025).isoformat() if phrase else None) == due


def test_a_year_and_the_ones_after_it_is_ongoing_work():
    """Walkthrough 12b: "…; Sở Tài chính chủ trì; năm 2025 và các năm tiếp theo." is its deadline as
    written, recurring, with no due date (as "Thường xuyên")."""
    text = "Bảo đảm 100% các khoản thu phí; Sở Tài chính chủ trì; năm 2025 và các năm tiếp theo."
    assert own_deadline_text(text) == "năm 2025 và các năm tiếp theo"
    assert is_recurring(text) and resolve_due("năm 2025 và các năm tiếp theo", year=2025) is None


def test_a_day_in_words_without_its_year_is_of_the_plans_year_and_beats_its_month():
    assert resolve_due("trước ngày 15 tháng 8", year=2025).isoformat() == "2025-08-15"
    assert resolve_due("trước ngày 15 tháng 8") is None  # no year to give it


@pytest.mark.parametrize(
    "written, recurring",
    [
        ("Quý I, II/2025", False),  # two quarters of one year: a span ending 30/6/2025
        ("Quý I, II, III năm 2025", False),
        ("Quý II, III", True),  # quarters of every year
        ("Báo cáo quý I, II, III và báo cáo năm", True),
        ("Hằng quý", True),
        # (walkthrough 11b) a frequency, not a length of time
        ("6 tháng/lần", True), ("01 lần/năm", True), ("02 lần/năm", True), ("mỗi quý một lần", True),
        ("Rút ngắn 6 tháng so với quy định", False), ("6 tháng một lần", True),
        ("năm 2025 và các năm tiếp theo", True),
        # (walkthrough 14c) half-yearly and yearly reports with no year
        ("báo cáo kết quả 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)", True),
        ("công bố kết quả 6 tháng và cả năm", True), ("sơ kết 06 tháng, năm", True),
        ("6 tháng đầu năm 2026", False), ("6 tháng và năm 2025", False),
        # (walkthroughs 21a, 21b) rounds a year, and work each year at a clause's start
        ("tổ chức tối thiểu 02 lượt/năm đối thoại", True), ("Mỗi năm kiểm tra tối thiểu 20% số xã", True),
        ("tại mỗi xã, phường", False),
    ],
)
def test_quarters_of_a_stated_year_are_a_span_not_periodic_work(written, recurring):
    assert is_recurring(written) is recurring


@pytest.mark.parametrize(("text", "words"), [
    # walkthrough 11b: a recurring task with no date shows the words that say so as its deadline
    ("Công an tỉnh khai thác dữ liệu dân cư theo Đề án 06; thực hiện thường xuyên.", "thường xuyên"),
    ("Định kỳ hằng quý, năm tham mưu UBND tỉnh tổng hợp báo cáo.", "Định kỳ hằng quý, năm"),
    ("Tổ chức đối thoại doanh nghiệp 6 tháng/lần.", "6 tháng/lần"),
    # the periods after "định kỳ" are part of it (walkthrough 19c: cut to "Định kỳ")
    ("Đối thoại với doanh nghiệp: Định kỳ 6 tháng, tổ chức Hội nghị đối thoại.", "Định kỳ 6 tháng"),
    ("Báo cáo kết quả thực hiện với UBND tỉnh theo định kỳ 6 tháng, năm.", "định kỳ 6 tháng, năm"),
    ("Báo cáo kết quả định kỳ về Văn phòng UBND tỉnh.", "định kỳ"),
    # the day of each period with it (walkthrough 20a: cut to "tháng cuối quý")
    ("Các sở báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 15 của tháng cuối quý.",
     "trước ngày 15 của tháng cuối quý"),
    ("Gửi báo cáo tình hình giải quyết hồ sơ trước ngày 20 hằng tháng.", "trước ngày 20 hằng tháng"),
    ("Rà soát thủ tục hành chính trong Quý III/2025.", ""),
    ("Đưa tiêu chí vào đánh giá năm 2025 và các năm tiếp theo.", "năm 2025 và các năm tiếp theo"),
    # the clause at the end says it of the task, not a period named in its work (walkthrough 12b)
    ("Lập kế hoạch sử dụng đất hằng năm cấp huyện; Sở Nông nghiệp và Môi trường chủ trì; thường xuyên.",
     "thường xuyên"),
])
def test_the_words_that_say_work_recurs(text, words):
    assert recurrence_text(text) == words


# --- through the parser: cells and field values resolve, running text does not ---------------
def doc_from(text: str, **meta) -> Document:
    meta = {"doc_id": "t", "province": "Tỉnh X", "date": "2025-04-08", "doc_type": "kế hoạch", **meta}
    return Document(lines=tuple(text.split("\n")), **meta)


def test_field_values_that_are_only_a_time_resolve():
    doc = doc_from(
        "III. NỘI DUNG\n1. Nhóm một\na) Việc A\n(i) Làm A1.\n- Cơ quan chủ trì: Sở Tư pháp.\n"
        "- Thời hạn hoàn thành: Năm 2026.\n(ii) Triển khai kế hoạch năm 2026 của tỉnh.\n"
        "- Cơ quan chủ trì: Sở Nội vụ.\n- Thời hạn hoàn thành: 6 tháng đầu năm 2026.\n"
        "(iii) Xây dựng kế hoạch năm 2026.\n- Cơ quan chủ trì: Sở Nội vụ.\n"
    )
    t = extract_tasks(doc).set_index("path")
    assert list(t.due) == ["2026-12-31", "2026-06-30", ""]


def test_table_cells_that_are_only_a_time_resolve():
    cells = ["TT", "Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm",
             "I", "CÔNG TÁC CHỈ ĐẠO",
             "1", "Ban hành kế hoạch năm 2025", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Năm 2025-2026", "Kế hoạch",
             "2", "Tập huấn", "Văn phòng UBND tỉnh", "", "12/2025", "Hội nghị",
             "3", "Rà soát thủ tục năm 2025", "Văn phòng UBND tỉnh", "", "Thường xuyên", "Báo cáo",
             "4", "Rà soát", "Văn phòng UBND tỉnh", "", "2025", "Báo cáo"]
    t = extract_tasks(doc_from("\n|\n".join(cells), date="2024")).set_index("path")
    assert list(t.due) == ["2026-12-31", "2025-12-31", "", "2025-12-31"]
    assert t.loc["PL.I.3", "recurring"]


def test_a_year_in_running_text_is_no_deadline():
    header = "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 41/KH-UBND\nTuyên Quang, ngày 02 tháng 5 năm 2025\nKẾ HOẠCH\n"
    doc = doc_from(header + "II. NHIỆM VỤ\n1. Rà soát thủ tục (Sở Tư pháp chủ trì; thời hạn: năm 2025).\n"
                   "2. Triển khai kế hoạch năm 2025 (Sở Nội vụ chủ trì).\n"
                   "3. Tuyên truyền. Thời hạn hoàn thành: năm 2025.\n")
    t = extract_tasks(doc).set_index("path")
    assert list(t.due) == ["2025-12-31", "", "2025-12-31"]


def test_a_task_without_a_deadline_field_takes_the_year_its_wording_says_it_is_completed_in():
    doc = doc_from(
        "II. NHIỆM VỤ\n1. Rà soát, đơn giản hóa TTHC nội bộ, hoàn thành trong năm 2025.\n"
        "2. Triển khai trong năm 2025 các nhiệm vụ trọng tâm về cải cách TTHC.\n"
    )
    t = extract_tasks(doc).set_index("path")
    assert list(t.due) == ["2025-12-31", ""]


def test_a_year_in_the_wording_does_not_override_the_deadline_field():
    doc = doc_from(
        "II. NHIỆM VỤ\n1. Rà soát thủ tục hành chính nội bộ, hoàn thành trong năm 2025.\n"
        "- Cơ quan chủ trì: Sở Tư pháp.\n- Thời hạn hoàn thành: Tháng 6/2025.\n"
    )
    t = extract_tasks(doc)
    assert list(t.due) == ["2025-06-30"]


@pytest.mark.parametrize(
    "written, due",
    [
        # a day inside the period refines it
        ("Quý II/2025, trước ngày 15/6/2025", "2025-06-15"),
        ("Năm 2025; trước ngày 30/6/2025", "2025-06-30"),
        # a period that starts after the day is a later step: the plan is done at its end
        ("công bố trước ngày 30/4/2025, thực thi phương án trong Quý III/2025", "2025-09-30"),
        ("Trước 30/4/2025; Năm 2026", "2026-12-31"),
    ],
)
def test_a_later_step_after_an_explicit_day_is_the_deadline(written, due):
    assert resolve_due(written, year=2025).isoformat() == due


@pytest.mark.parametrize(
    "text, due",
    [
        ("Rà soát các thủ tục hành chính, hoàn thành trong năm 2025-2026.", "2026-12-31"),
        # a target for each year, not a deadline
        ("Cắt giảm thời hạn giải quyết TTHC: trong năm 2025 giảm ít nhất 30%, năm 2026 giảm 50%.", ""),
    ],
)
def test_a_year_in_the_wording_reads_a_span_to_its_end_and_not_a_target(text, due):
    t = extract_tasks(doc_from(f"II. NHIỆM VỤ\n1. {text}\n"))
    assert t.due.tolist() == [due]


def test_a_year_in_the_wording_does_not_stand_in_for_a_deadline_field_that_says_recurring():
    doc = doc_from("II. NHIỆM VỤ\n1. Rà soát thủ tục hành chính, hoàn thành trong năm 2025.\n"
                   "- Thời hạn hoàn thành: Thường xuyên.\n")
    t = extract_tasks(doc)
    assert (t.deadline_text[0], t.due[0], bool(t.recurring[0])) == ("Thường xuyên", "", True)


@pytest.mark.parametrize("written", ["Quý I, II và III/2025", "Quý I và II năm 2025"])
def test_quarters_joined_by_va_of_a_stated_year_are_a_span(written):
    assert not is_recurring(written)


@pytest.mark.parametrize(
    "text, issued, phrase, due",
    [
        ("Xây dựng kế hoạch, hoàn thành trong 10 ngày kể từ ngày Kế hoạch này được ban hành.", "2025-04-25",
         "trong 10 ngày kể từ ngày Kế hoạch này được ban hành", "2025-05-05"),
        # working days skip the weekends (25/4/2025 is a Friday)
        ("Gửi báo cáo chậm nhất 15 ngày làm việc kể từ ngày ký", "2025-04-25",
         "chậm nhất 15 ngày làm việc kể từ ngày ký", "2025-05-16"),
        # without the plan's full date there is nothing to count from: the phrase, no day
        ("trong 10 ngày kể từ ngày Kế hoạch này được ban hành", "2025-04",
         "trong 10 ngày kể từ ngày Kế hoạch này được ban hành", None),
        ("Rà soát trong 10 ngày làm việc đối với hồ sơ", "2025-04-25", "", None),
    ],
)
def test_a_deadline_counted_from_the_plans_date(text, issued, phrase, due):
    found, day = relative_deadline(text, issued)
    assert (found, day.isoformat() if day else None) == (phrase, due)


def test_a_task_due_some_days_after_the_plan_gets_its_date():
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành xây dựng kế hoạch thực hiện, hoàn thành "
                   "trong 10 ngày kể từ ngày Kế hoạch này được ban hành.\n", date="2025-04-25")
    t = extract_tasks(doc)
    assert (t.deadline_text[0], t.due[0]) == ("trong 10 ngày kể từ ngày Kế hoạch này được ban hành", "2025-05-05")


def test_the_last_month_of_each_quarter_is_periodic():
    assert is_recurring("Gửi Văn phòng UBND tỉnh trước ngày 15 của tháng cuối quý")


def test_a_count_from_another_documents_date_is_not_from_the_plans():
    assert relative_deadline("trong 05 ngày làm việc kể từ ngày ký Quyết định công bố", "2025-04-25") == ("", None)
    # a deadline as written ("Thường xuyên") is not replaced by a count in the wording
    doc = doc_from("II. NHIỆM VỤ\n1. Cập nhật thủ tục trong 10 ngày kể từ ngày ký.\n"
                   "- Thời hạn hoàn thành: Thường xuyên.", date="2025-04-25")
    t = extract_tasks(doc)
    assert (t.deadline_text[0], t.due[0]) == ("Thường xuyên", "")


def test_the_last_month_of_a_named_quarter_is_one_date_not_periodic():
    assert not is_recurring("trước ngày 15 của tháng cuối quý III/2025")


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Giao Sở Tư pháp thẩm định; báo cáo kết quả trước 31/10.", "trước 31/10"),
        ("Báo cáo chậm nhất ngày 15/9.", "chậm nhất ngày 15/9"),
        ("Giảm trong 3/4 số thủ tục hành chính.", ""),  # a share, not a day
    ],
)
def test_a_day_without_its_year_after_truoc_or_cham_nhat_is_a_deadline_of_the_plans_year(text, phrase):
    assert own_deadline_text(text) == phrase


@pytest.mark.parametrize(
    "written, due",
    [
        ("hàng năm đến năm 2030", "2030-12-31"),
        # a deadline kept up afterwards is the deadline, not the end of the period
        ("Quý II/2025 (duy trì đến năm 2030)", "2025-06-30"),
        ("Trước ngày 30/6/2025, duy trì đến năm 2030", "2025-06-30"),
        ("Tháng 9/2025; triển khai nhân rộng đến năm 2030", "2025-09-30"),
    ],
)
def test_a_period_up_to_a_year_ends_then_only_when_nothing_else_is_due(written, due):
    assert resolve_due(written, year=2025).isoformat() == due


def test_a_date_after_what_was_issued_or_received_says_which_things_not_by_when():
    """"… các văn bản được ban hành trước ngày 01/7/2025" names the documents to review; it had
    been the task's deadline (and, over points, theirs)."""
    assert own_deadline_text("Rà soát các văn bản được ban hành trước ngày 01/7/2025, hoàn thành trước "
                             "30/9/2025") == "hoàn thành trước 30/9/2025"
    assert own_deadline_text("Số hóa hồ sơ đã tiếp nhận trước ngày 01/7/2025") == ""
    assert own_deadline_text("Ban hành quy chế trước ngày 01/7/2025") == "trước ngày 01/7/2025"


@pytest.mark.parametrize(("text", "day"), [
    # (walkthrough 13a) a deadline as written that starts with its count, and "Kế hoạch" without "này"
    ("30 ngày kể từ ngày ban hành Kế hoạch.", "2025-06-04"),
    ("15 ngày kể từ ngày ký", "2025-05-20"),
    ("15 ngày kể từ ngày Kế hoạch được ban hành.", "2025-05-20"),
    # ... but a count in the middle of a sentence still needs its cue
    ("Báo cáo 30 ngày kể từ ngày ký", None),
])
def test_a_deadline_counted_from_the_plans_date_may_start_with_the_count(text, day):
    found, due = relative_deadline(text, "2025-05-05")
    assert (due.isoformat() if due else None) == day


def test_a_targets_year_after_a_semicolon_is_its_deadline():
    """(walkthrough 13b, Bình Định) "…; phấn đấu đến hết năm 2026 hoàn thành 100% chỉ tiêu" had no
    deadline, though "Đến hết năm 2025, …" at a sentence's start has one."""
    assert own_deadline_text("Giảm chi phí tuân thủ cho doanh nghiệp; phấn đấu đến hết năm 2026 hoàn thành 100% "
                             "chỉ tiêu Chính phủ giao.") == "phấn đấu đến hết năm 2026"


def test_thuong_xuyen_among_adjectives_is_a_manner_not_a_frequency():
    """(walkthrough 13a, Hà Nam) "Bảo đảm sự phối hợp chặt chẽ, thường xuyên giữa các cơ quan" had
    been recurring work; "…; thực hiện thường xuyên." still is."""
    from kehoach_lib.deadlines import is_recurring

    assert not is_recurring("Bảo đảm sự phối hợp chặt chẽ, thường xuyên giữa các cơ quan, đơn vị")
    assert not is_recurring("bảo đảm Hệ thống vận hành thông suốt, liên tục 24/7")
    assert is_recurring("Theo dõi việc thực hiện; thực hiện thường xuyên.")
    assert is_recurring("Phối hợp chặt chẽ, thường xuyên.")


# --- walkthrough 20b: a table of 179 phrases written blind, each with what a researcher expects ---
@pytest.mark.parametrize(("value", "due", "recurring"), [
    # "… và các năm tiếp theo" in any form is ongoing work (only "Năm 2025 và …" was read so)
    ("Năm 2025 và duy trì các năm tiếp theo", "", True),
    ("2025 và các năm tiếp theo", "", True),
    ("Năm 2025, 2026 và các năm tiếp theo", "", True),
    ("Năm 2025 và các năm sau", "", True),
    # (a first deadline it states is kept, the work recurring after it)
    ("Tháng 6/2025 và các năm tiếp theo", "2025-06-30", True),
    # a day without its year before the plan's date (2025-04-08) is next year's, in a field too
    ("Trước 15/01", "2026-01-15", False),
    ("Trước 30/6", "2025-06-30", False),
])
def test_a_deadline_field_reads_ongoing_work_and_days_after_the_plan(value, due, recurring):
    t = extract_tasks(doc_from(f"II. NHIỆM VỤ\n1. Rà soát TTHC.\n- Cơ quan chủ trì: Sở Tư pháp.\n"
                               f"- Thời hạn hoàn thành: {value}.\n")).iloc[0]
    assert (t.due, bool(t.recurring)) == (due, recurring)


@pytest.mark.parametrize(("text", "due"), [
    ("1. Hoàn thành việc sắp xếp Bộ phận Một cửa cấp xã cuối năm 2025.", "2025-12-31"),
    ("1. Sắp xếp, kiện toàn Bộ phận Một cửa cấp huyện vào cuối năm 2025.", "2025-12-31"),
    ("1. Đưa Trung tâm Phục vụ hành chính công vào vận hành vào năm 2026.", "2026-12-31"),
    ("1. Hoàn thành việc sửa đổi Quy chế hoạt động của Bộ phận Một cửa đến ngày 30/6.", "2025-06-30"),
    ("1. Hoàn thành việc rà soát quy trình nội bộ giải quyết TTHC trong quý III.", "2025-09-30"),
    # (walkthrough 21b: a table's year columns, as the task's text joins them: the last year)
    ("1. Tỷ lệ hồ sơ trực tuyến — Năm 2025: ≥ 60% — Năm 2026: ≥ 80%", "2026-12-31"),
    # (walkthrough 21b: a clause after "," that is only a year)
    ("1. Triển khai trợ lý ảo tại các xã, phường, đặc khu, năm 2026.", "2026-12-31"),
    # (when the work happens, not by when: no due)
    ("1. Triển khai trong năm 2025 các nhiệm vụ số hóa hồ sơ.", ""),
    ("1. Rà soát trong quý III các thủ tục hành chính nội bộ.", ""),
])
def test_a_time_that_closes_a_tasks_sentence_is_its_deadline(text, due):
    assert extract_tasks(doc_from(f"II. NHIỆM VỤ\n{text}\n")).due.tolist() == [due]


@pytest.mark.parametrize(("text", "targets"), [
    ("Tỷ lệ hồ sơ giải quyết đúng hạn từ 98% trở lên.", "ít nhất 98%"),
    ("Tỷ lệ hồ sơ trực tuyến đạt tỷ lệ 95% trở lên.", "ít nhất 95%"),
    ("Cắt giảm ít nhất 30% thời gian giải quyết.", "ít nhất 30%"),
    ("Tỷ lệ hồ sơ trực tuyến đạt 95%.", "đạt 95%"),
    # (walkthrough 21b: a table's cells write it with signs)
    ("Tỷ lệ hồ sơ trực tuyến — Năm 2025: ≥ 60% — Năm 2026: ≥ 80%", "ít nhất 60%; ít nhất 80%"),
    ("Tỷ lệ hồ sơ trễ hạn ≤ 2%", "tối đa 2%"),
])
def test_at_least_is_kept_with_its_target(text, targets):
    from kehoach_lib.deadlines import extract_targets

    assert extract_targets(text) == targets


@pytest.mark.parametrize(("text", "targets"), [
    # walkthroughs 21a, 21b: time limits and counts are targets too, with their units
    ("Rút ngắn thời gian giải quyết xuống còn không quá 05 ngày làm việc.", "không quá 05 ngày làm việc"),
    ("Rút ngắn thời gian cấp phép từ 90 ngày xuống còn 60 ngày.", "xuống còn 60 ngày"),
    ("Tổ chức tối thiểu 02 lượt/năm đối thoại với doanh nghiệp.", "tối thiểu 02 lượt/năm"),
    ("Thời gian chờ tại quầy tiếp nhận không quá 15 phút.", "không quá 15 phút"),
    ("Mỗi khu công nghiệp có ít nhất 01 đầu mối hỗ trợ; ít nhất 30% hồ sơ trực tuyến.",
     "ít nhất 01 đầu mối; ít nhất 30%"),
    # (a number without a word of limit is no target: a date, a document, a count of what was done)
    ("Trong 10 ngày kể từ ngày ban hành, rà soát 25 thủ tục.", ""),
])
def test_time_limits_and_counts_are_targets(text, targets):
    from kehoach_lib.deadlines import extract_targets

    assert extract_targets(text) == targets
