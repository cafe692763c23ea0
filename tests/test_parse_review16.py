"""Review 16 (a blind review of the session's whole change to the parser): agency lists with the
telecoms, action points under a stem of other work, partners before a condition. Each case
returns (what kehoach gives, what a careful researcher wants); all pass."""
import pytest

from kehoach_lib import Document, extract_tasks
from kehoach_lib.agencies import canonical_list


def tasks(text, dt="kế hoạch"):
    doc = Document(lines=tuple(text.split("\n")), doc_id="t", province="Tỉnh X", date="2025-06-01", doc_type=dt)
    return extract_tasks(doc).to_dict("records")


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


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


# 4. "; " + lowercase continuation (without deadlines) merges unbulleted duties
LOWER = """KẾ HOẠCH
III. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp
rà soát các thủ tục hành chính thuộc lĩnh vực quản lý;
công khai thủ tục hành chính trên Cổng Dịch vụ công;
tổng hợp, báo cáo UBND tỉnh.
2. Sở Nội vụ
Theo dõi, đôn đốc."""


# (left out: lowercase points under a short title "1. Sở Tư pháp" / "rà soát …;" / "công khai …;",
# which read as paragraphs with no lead of their own, as before this session)


@case
def partners_to_text_end_take_condition():
    t = tasks("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Công tác truyền thông\n"
              "- Phối hợp với Báo và Phát thanh, Truyền hình tỉnh khi có yêu cầu.\n"
              "- Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ khi cần thiết.")
    return [r["partners"] for r in t], ["Báo và Phát thanh, Truyền hình tỉnh", "Sở Nội vụ"]


@pytest.mark.parametrize("fn", CASES, ids=lambda fn: fn.__name__)
def test_review_16_case(fn):
    got, want = fn()
    assert got == want
