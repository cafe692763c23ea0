"""Blind reviews 15 and 16 of session 11's parser rules: inputs as offices write them where a new
rule had fired wrongly (review 15: the second batch of rules; review 16: the whole change, e.g.
agency lists with the telecoms, action points under a stem of other work, partners before a
condition). Each case returns (what kehoach gives, what a careful researcher wants); all pass.
Mirrors kehoach_lib.parse, deadlines and agencies."""
import pytest

from kehoach_lib import Document, extract_tasks, parse
from kehoach_lib.agencies import canonical_list
from kehoach_lib.deadlines import is_recurring


def tasks(text, dt="kế hoạch"):
    doc = Document(lines=tuple(text.split("\n")), doc_id="t", province="Tỉnh X", date="2025-06-01", doc_type=dt)
    return extract_tasks(doc).to_dict("records")


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


LETTER = """UBND TỈNH X
Số: 123/UBND-NC
V/v triển khai công tác kiểm soát thủ tục hành chính
Kính gửi: Các sở, ban, ngành tỉnh; UBND các xã, phường.
Thực hiện chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh đề nghị như sau:
1. Sở Tư pháp chủ trì rà soát các thủ tục hành chính, hoàn thành trước ngày 30/9/2025.
2. Sở Nội vụ hướng dẫn UBND các xã kiện toàn Bộ phận Một cửa, hoàn thành trước ngày 15/10/2025.
{closing}
"""


@case
def closing_notice_to_ubnd_and_heads():
    t = tasks(LETTER.format(closing="Văn phòng UBND tỉnh thông báo để UBND các xã, phường và Giám đốc các sở biết, "
                                    "thực hiện./."), "công văn")
    return len(t), 2


@case
def closing_notice_to_named_agencies():
    t = tasks(LETTER.format(closing="Văn phòng UBND tỉnh thông báo để Công an tỉnh, Sở Tư pháp biết, thực hiện./."),
              "công văn")
    return len(t), 2


@case
def closing_regex_variants():
    got = [bool(parse._CLOSING.match(s)) for s in [
        "Văn phòng UBND tỉnh thông báo để các ngành, địa phương biết, thực hiện./.",
        "Văn phòng Ủy ban nhân dân tỉnh thông báo để Ủy ban nhân dân các huyện, thành phố biết, thực hiện./.",
        "Văn phòng UBND tỉnh thông báo để quý cơ quan biết, thực hiện./.",
        "Yêu cầu các sở, ngành, UBND các xã nghiêm túc triển khai thực hiện, bảo đảm đúng thời gian quy định./.",
        "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các cơ quan, đơn vị khẩn trương triển khai thực hiện, đảm bảo chất "
        "lượng, hiệu quả và đúng tiến độ./.",
        "Đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện, đảm bảo hiệu quả thiết thực./."]]
    return got, [True] * 6


@case
def closing_exhortation_theo_yeu_cau():
    t = tasks(LETTER.format(closing="Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện, bảo đảm "
                                    "tiến độ, chất lượng theo yêu cầu./."), "công văn")
    return len(t), 2


REPORT = """BÁO CÁO
Kết quả thực hiện công tác kiểm soát thủ tục hành chính 9 tháng năm 2025
I. {title}
1. Công tác rà soát
Trong kỳ, các sở đã rà soát 120 thủ tục.

| STT | Nhiệm vụ | Đơn vị thực hiện | Kết quả |
|---|---|---|---|
| 1 | Rà soát, đơn giản hóa thủ tục hành chính | Sở Tư pháp | Đã hoàn thành |
| 2 | Số hóa hồ sơ, kết quả giải quyết TTHC | Sở Nội vụ | Đạt 85% |

II. NHIỆM VỤ TRỌNG TÂM QUÝ IV/2025
1. Sở Tư pháp tiếp tục rà soát thủ tục hành chính; hoàn thành trước 31/12/2025.
"""


@case
def report_results_table_nhiem_vu():
    t = tasks(REPORT.format(title="KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"), "báo cáo")
    return [r["text"][:25] for r in t], ["Sở Tư pháp tiếp tục rà so"]


@case
def report_results_table_ke_hoach():
    t = tasks(REPORT.format(title="KẾT QUẢ THỰC HIỆN KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2025"), "báo cáo")
    return [r["text"][:25] for r in t], ["Sở Tư pháp tiếp tục rà so"]


HEADING_YEAR = """KẾ HOẠCH
I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng.
II. NHIỆM VỤ TRỌNG TÂM GIAI ĐOẠN 2021 - 2025, ĐỊNH HƯỚNG ĐẾN NĂM 2030
1. Sở Nội vụ chủ trì rà soát, sắp xếp tổ chức bộ máy.
2. Sở Tài chính chủ trì tham mưu bố trí kinh phí trong 10 ngày kể từ ngày Kế hoạch được ban hành.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ: theo dõi, đôn đốc.
"""


@case
def heading_year_overrides_relative_deadline():
    t = [r for r in tasks(HEADING_YEAR) if r["text"].startswith("Sở Tài chính")]
    return t[0]["due"], "2025-06-11"


@case
def heading_year_from_orientation_not_period():
    t = [r for r in tasks(HEADING_YEAR) if r["text"].startswith("Sở Nội vụ chủ trì")]
    return t[0]["due"], ""  # a 2021-2025 task is not due at the end of 2030


DETAIL = """KẾ HOẠCH
II. NHIỆM VỤ
1. Rà soát, đơn giản hóa 25 thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh: chi tiết tại Phụ lục I kèm theo.
2. Công bố danh mục thủ tục hành chính được cắt giảm thời gian giải quyết. Chi tiết tại Phụ lục II kèm theo \
Kế hoạch này.
3. Sở Nội vụ kiểm tra công vụ, hoàn thành trước 30/9/2025.
"""


@case
def detail_elsewhere_drops_real_tasks():
    return [r["text"][:20] for r in tasks(DETAIL)], [
        "Rà soát, đơn giản hó", "Công bố danh mục thủ", "Sở Nội vụ kiểm tra c"]


BRACKET = """KẾ HOẠCH
II. NHIỆM VỤ
1. Xây dựng kế hoạch kiểm tra (Sở Nội vụ thực hiện trong 15 ngày kể từ ngày Kế hoạch này được ban hành).
2. Tổ chức hội nghị (Sở Tư pháp thực hiện trước 10 ngày so với ngày tổ chức).
"""


@case
def bracket_relative_deadline_into_lead():
    t = tasks(BRACKET)
    return [(r["lead"], r["deadline_text"]) for r in t], [
        ("Sở Nội vụ", "trong 15 ngày kể từ ngày Kế hoạch này được ban hành"),
        ("Sở Tư pháp", "trước 10 ngày so với ngày tổ chức")]


@case
def assignment_with_partner_clause_not_split():
    p = ("Sở Nội vụ tham mưu UBND tỉnh ban hành Kế hoạch kiểm tra công vụ, phối hợp với Sở Tư pháp tổ chức kiểm tra, "
         "hoàn thành trước ngày 30/9/2025. Sở Tư pháp rà soát các thủ tục hành chính thuộc thẩm quyền, báo cáo UBND "
         "tỉnh trước ngày 15/10/2025.")
    t = tasks("1. Về cải cách hành chính\n\n" + p + "\n\nGiao Sở Y tế rà soát TTHC lĩnh vực y tế trong tháng 8/2025.",
              "công văn")
    return [(r["lead"], r["due"]) for r in t], [("Sở Nội vụ", "2025-09-30"), ("Sở Tư pháp", "2025-10-15"),
                                                 ("Sở Y tế", "2025-08-31")]


@case
def shared_time_takes_non_time_sentence():
    p = ("Giao Sở Nội vụ chủ trì rà soát TTHC nội bộ, hoàn thành trước ngày 30/9/2025. Giao Sở Tài chính hướng dẫn "
         "thanh toán trực tuyến, hoàn thành trước ngày 31/10/2025. Thời gian tới, việc này cần đẩy nhanh.")
    t = tasks("1. Về cải cách hành chính\n\n" + p + "\n\nGiao Sở Y tế rà soát TTHC lĩnh vực y tế trong tháng 8/2025.",
              "công văn")
    return "Thời gian tới" in t[0]["text"], False


RECUR = """KẾ HOẠCH
II. NHIỆM VỤ
1. Sở Nội vụ chủ trì xây dựng kế hoạch cải cách hành chính giai đoạn 2026-2030 và các năm tiếp theo; hoàn \
thành trong năm 2025.
2. Sở Tư pháp tham mưu tổng kết giai đoạn 2021-2025 và định hướng các năm tiếp theo, trình UBND tỉnh trong năm 2025.
"""


@case
def recurring_from_next_years_as_object():
    return [r["recurring"] for r in tasks(RECUR)], [False, False]


@case
def is_recurring_next_years_object():
    return [is_recurring(s) for s in ["Xây dựng kế hoạch các năm tiếp theo",
                                      "làm cơ sở triển khai cho những năm tiếp theo"]], [False, False]


CONTENTS = """KẾ HOẠCH
II. NHIỆM VỤ
1. Công tác kiểm tra
Kiểm tra việc thực hiện cải cách hành chính tại các cơ quan, đơn vị như sau:
- Việc niêm yết, công khai thủ tục hành chính;
- Việc giải quyết hồ sơ đúng hạn.
2. Công tác tập huấn
Tổ chức tập huấn, bồi dưỡng kỹ năng cho công chức Bộ phận Một cửa, gồm:
- Kỹ năng giao tiếp;
- Kỹ năng sử dụng phần mềm.
"""


@case
def contents_list_split_into_fragments():
    t = tasks(CONTENTS)
    return len(t), 2  # each point is what the task covers, folded into it (as before)


# (left out: "VNPT Bà Rịa - Vũng Tàu" and "Viettel Bắc Ninh - Chi nhánh Tập đoàn …", whose dashes read
# as commas in the alias key; a pattern that took commas swallowed the next agencies of a list,
# "VNPT tỉnh, Viettel tỉnh, MobiFone tỉnh", review 16)


COLLECTIVE = """KẾ HOẠCH
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành, UBND các xã, phường:
- Người đứng đầu chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả giải quyết TTHC.
- Cơ quan, đơn vị để xảy ra hồ sơ trễ hạn thực hiện xin lỗi người dân.
2. Sở Nội vụ:
- Theo dõi, đôn đốc.
"""


@case
def collective_lead_replaced_by_generic_subject():
    t = tasks(COLLECTIVE)
    return [r["lead"] for r in t[:2]], ["Các sở, ban, ngành, UBND các xã, phường"] * 2


LINK = """KẾ HOẠCH
II. NHIỆM VỤ
1. Công khai thủ tục hành chính
- Sở Tư pháp công bố danh mục TTHC được cắt giảm, hoàn thành trước 30/9/2025.
Nội dung chi tiết danh mục TTHC được công khai tại: https://dichvucong.bacninh.gov.vn
- Văn phòng UBND tỉnh cập nhật dữ liệu lên Cổng Dịch vụ công quốc gia, hoàn thành trước 31/10/2025.
2. Số hóa hồ sơ
- Sở Nội vụ hướng dẫn số hóa hồ sơ, hoàn thành trước 30/11/2025.
"""


@case
def link_line_inside_plan_ends_it():
    leads = [r["lead"] for r in tasks(LINK)]
    return "Văn phòng UBND tỉnh" in leads, True


AMEND = """KẾ HOẠCH
Sửa đổi, bổ sung Kế hoạch số 45/KH-UBND ngày 10/3/2025
I. NỘI DUNG SỬA ĐỔI, BỔ SUNG
1. Sửa đổi, bổ sung khoản 3 Mục IV Tổ chức thực hiện như sau: “Sở Tư pháp chủ trì kiểm tra việc thực hiện; \
báo cáo trước ngày 15/11/2025.”
"""


@case
def amended_duty_without_brackets():
    return [r["kind"] for r in tasks(AMEND)], ["duty"]


LOWER = """KẾ HOẠCH
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp
rà soát các thủ tục hành chính thuộc lĩnh vực quản lý, hoàn thành trước 30/9/2025;
công khai thủ tục hành chính trên Cổng Dịch vụ công, hoàn thành trước 31/10/2025;
tổng hợp, báo cáo UBND tỉnh trước 15/12/2025.
2. Sở Nội vụ
Theo dõi, đôn đốc.
"""


@case
def lowercase_points_after_semicolon_merged():
    return [r["due"] for r in tasks(LOWER)][:3], ["2025-09-30", "2025-10-31", "2025-12-15"]


# --- review 16 ---------------------------------------------------------------------------------
# 1. VNPT/Viettel alias patterns (commas allowed inside the name) swallow the agencies after them
@case
def telecom_list_keeps_mobifone():
    # (BEFORE kept the list unsplit but whole; AFTER drops MobiFone)
    return "MobiFone tỉnh" in canonical_list("VNPT tỉnh, Viettel tỉnh, MobiFone tỉnh"), True


@case
def telecom_list_keeps_mass_organisations():
    return (["Tỉnh đoàn" in canonical_list("Viettel tỉnh, Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh"),
             "Hội Nông dân tỉnh" in canonical_list("VNPT tỉnh, Hội Nông dân tỉnh"),
             "đoàn thể" in canonical_list("VNPT tỉnh, các hội, đoàn thể")], [True] * 3)


@case
def telecom_short_names_keep_all():
    return "MobiFone" in canonical_list("VNPT, Viettel, MobiFone"), True


# 2. _lists_contents folds action points whose verb is not in the lists into the stem's task
FOLD = """KẾ HOẠCH
II. NHIỆM VỤ
1. Cải cách thủ tục hành chính
- Tập trung triển khai một số nội dung sau:
+ Đổi mới phương thức tiếp nhận, giải quyết hồ sơ TTHC;
+ Ứng dụng trí tuệ nhân tạo trong hướng dẫn người dân;
+ Khắc phục tình trạng hồ sơ trễ hạn.
2. Kiểm tra, khảo sát
- Năm 2025 thực hiện các nội dung sau:
+ Khảo sát mức độ hài lòng của người dân;
+ Chấn chỉnh tình trạng nhũng nhiễu, gây phiền hà;
+ Xin lỗi người dân khi giải quyết hồ sơ trễ hạn."""


@case
def action_points_under_noi_dung_sau_stay_tasks():
    return len(tasks(FOLD)), 6


# 3. ... and a fold that stops at the first listed verb: the stem sticks to point 1 only,
#    the later points lose it (BEFORE: every point carried the stem)
PARTIAL = """KẾ HOẠCH
II. NHIỆM VỤ
1. Tuyên truyền
- Tổ chức tuyên truyền bằng nhiều hình thức, gồm:
+ Đăng tải tin, bài trên Cổng Thông tin điện tử tỉnh;
+ Phát sóng trên Đài Phát thanh và Truyền hình tỉnh;
+ Treo băng rôn, khẩu hiệu tại trụ sở cơ quan."""


@case
def partial_fold_is_consistent():
    t = tasks(PARTIAL)
    # either one task holding all three forms, or three tasks each with the stem (as before)
    ok = len(t) == 1 or all(r["text"].startswith("Tổ chức tuyên truyền") and "+" not in r["text"] for r in t)
    return ok, True


DUTY_PARTIAL = """KẾ HOẠCH
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp:
- Chủ trì thực hiện các nội dung sau:
+ Đầu mối theo dõi việc thực hiện Kế hoạch;
+ Hướng dẫn nghiệp vụ kiểm soát TTHC;
+ Định kỳ báo cáo UBND tỉnh."""


@case
def partial_fold_in_duties():
    t = tasks(DUTY_PARTIAL)
    return [("+" in r["text"], r["text"].startswith("Chủ trì thực hiện")) for r in t], [(False, True)] * 3


# (left out: lowercase points under a short title "1. Sở Tư pháp" / "rà soát …;" / "công khai …;",
# which read as paragraphs with no lead of their own, as before this session)


@case
def partners_to_text_end_take_condition():
    t = tasks("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Công tác truyền thông\n"
              "- Phối hợp với Báo và Phát thanh, Truyền hình tỉnh khi có yêu cầu.\n"
              "- Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ khi cần thiết.")
    return [r["partners"] for r in t], ["Báo và Phát thanh, Truyền hình tỉnh", "Sở Nội vụ"]


@pytest.mark.parametrize("fn", CASES, ids=lambda fn: fn.__name__)
def test_review_case(fn):
    got, want = fn()
    assert got == want
