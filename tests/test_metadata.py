"""Specification of the metadata read from a document that has no manifest row."""

from __future__ import annotations

import pytest

from kehoach_lib import load_document
from kehoach_lib.metadata import guess_metadata, guess_province, province_name

PLACE = "Vinh, ngày 10 tháng 4 năm 2025"  # the capital of Nghệ An: a place, not a province


@pytest.mark.parametrize("words, name", [
    ("Thanh Hoá", "Thanh Hóa"),  # either tone-mark convention
    ("THANH HÓA", "Thanh Hóa"),  # capitals, as in a header
    ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),  # any dash
    ("Đắc Lắc", "Đắk Lắk"),  # a spelling listed under `also`
    ("Bắc Giang năm 2025", "Bắc Giang"),  # the name that starts the words
    ("Thừa Thiên Huế", "Thừa Thiên Huế"),  # the longest name that fits, not Huế's
    ("Huế", "Huế"),  # the one name new after the 2025 mergers
    ("Lục Nam", None),  # a district
    ("Bắc", None),
])
def test_province_names_are_recognised_however_they_are_spelt(words, name):
    assert province_name(words) == name


@pytest.mark.parametrize("lines, found", [
    (["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", PLACE], ("Nghệ An", "header")),
    # the issuer on two lines of a two-column header
    (["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH NGHỆ AN | Độc lập - Tự do - Hạnh phúc",
      PLACE], ("Nghệ An", "header")),
    (["UBND THÀNH PHỐ HẢI PHÒNG", "Số: 12/KH-UBND"], ("Hải Phòng", "header")),
    (["Số: 383/KH-UBND", "Bắc Ninh, ngày 17 tháng 02 năm 2023"], ("Bắc Ninh", "header")),
    # a district's plan: its place line is no province, the text names the province
    (["UBND HUYỆN LỤC NAM", "Lục Nam, ngày 10 tháng 4 năm 2025", "Thực hiện Kế hoạch của UBND tỉnh Bắc Giang",
      "... trên địa bàn tỉnh Bắc Giang"], ("Bắc Giang", "text: 2 mentions")),
    # named once only: too little to go on, and a district is no province
    (["UBND HUYỆN LỤC NAM", "Lục Nam, ngày 10 tháng 4 năm 2025", "Thực hiện Kế hoạch của UBND tỉnh Bắc Giang"],
     None),
    # a sentence that starts with UBND is not a header, and Vinh is a city
    (["UBND tỉnh Bắc Ninh giao Sở Tư pháp", PLACE], None),
    # a title in capitals that wraps to "TỈNH QUẢNG NINH …" names no issuer: it comes after KẾ HOẠCH
    (["ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH", "Đông Anh, ngày 10 tháng 4 năm 2025", "KẾ HOẠCH",
      "HỌC TẬP KINH NGHIỆM CẢI CÁCH THỦ TỤC HÀNH CHÍNH CỦA", "TỈNH QUẢNG NINH NĂM 2025",
      "Thực hiện Kế hoạch của UBND thành phố Hà Nội …", "… trên địa bàn thành phố Hà Nội"],
     ("Hà Nội", "text: 2 mentions")),
    # two provinces named as often: neither
    (["tỉnh Bắc Giang và tỉnh Bắc Ninh; tỉnh Bắc Giang, tỉnh Bắc Ninh"], None),
])
def test_the_province_is_read_from_the_issuer_the_place_line_or_the_text(lines, found):
    assert guess_province(lines) == found


def test_a_plan_without_a_header_takes_the_province_its_text_names(docs, tmp_path):
    # the Bến Tre plan starts with its legal bases: no header, no place line
    path = tmp_path / "bentre.txt"
    path.write_text(docs["bentre_kh_2024"].text, encoding="utf-8")
    doc = load_document(path)
    assert doc.province == "Bến Tre" and doc.guessed == ("province",)
    assert doc.warnings[0].startswith("metadata guessed from the header: province (from the text: ")
    assert "no date found, so coverage cannot tell whether it predates a directive" in doc.warnings[0]
    # the news article names no province, and none is made up
    news = tmp_path / "news.txt"
    news.write_text(docs["news_nq66_2025"].text, encoding="utf-8")
    assert guess_metadata(docs["news_nq66_2025"].lines)[0].get("province") is None
    assert load_document(news).province == ""


def test_a_title_wrapped_over_lines_is_read_whole():
    lines = ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH", "Số: 98/KH-UBND", "KẾ HOẠCH",
             "Triển khai thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ về",
             "Chương trình cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt",
             "động sản xuất, kinh doanh năm 2025 và 2026 trên địa bàn tỉnh Quảng Ninh",
             "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ, Ủy ban nhân dân tỉnh"]
    found, _ = guess_metadata(lines)
    assert found["title"] == " ".join(lines[3:6])
    # a title on one line stays one line, and the preamble after it is not part of it
    found, _ = guess_metadata(lines[:3] + ["Cải cách thủ tục hành chính năm 2025", lines[6]])
    assert found["title"] == "Cải cách thủ tục hành chính năm 2025"


def test_a_letters_subject_line_is_its_title_and_a_blank_line_may_precede_a_plans():
    letter = ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA", "Số: 3120/UBND-KSTT", "V/v triển khai thực hiện Nghị quyết",
              "số 66/NQ-CP ngày 26/3/2025 của Chính phủ", "", "Kính gửi:", "- Các sở, ban, ngành thuộc tỉnh;"]
    found, _ = guess_metadata(letter)
    assert found["title"] == "Triển khai thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ"
    assert found["doc_type"] == "công văn"
    plan = ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số: 187/KH-UBND", "KẾ HOẠCH", "",
            "Triển khai Chương trình cắt giảm thủ tục hành chính năm 2025", "", "I. MỤC TIÊU"]
    assert guess_metadata(plan)[0]["title"] == "Triển khai Chương trình cắt giảm thủ tục hành chính năm 2025"


def test_a_portal_page_without_a_header_gives_the_plans_number_and_date_from_its_lead():
    page = ["CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TÂY NINH", "Ngày đăng: 26/04/2025 08:30",
            "(Cổng TTĐT) - Ngày 25/4/2025, UBND tỉnh Tây Ninh ban hành Kế hoạch số 1456/KH-UBND triển khai thực hiện "
            "Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ.", "I. MỤC ĐÍCH, YÊU CẦU"]
    found, where = guess_metadata(page)
    assert (found["number"], found["date"], found["doc_type"]) == ("1456/KH-UBND", "2025-04-25", "kế hoạch")
    assert where["date"] == "text"
    # the header's own number and date win
    header = ["Số: 98/KH-UBND", "Quảng Ninh, ngày 25 tháng 4 năm 2025", *page[2:]]
    assert guess_metadata(header)[0]["number"] == "98/KH-UBND"


def test_the_lead_of_a_page_names_the_provinces_plan_not_a_document_it_cites():
    page = ["Ngày 10/4/2025, Văn phòng Chính phủ ban hành Công văn số 2345/VPCP-KSTT; ngày 25/4/2025, UBND tỉnh "
            "Tây Ninh ban hành Kế hoạch số 1456/KH-UBND triển khai thực hiện."]
    found, _ = guess_metadata(page)
    assert (found["number"], found["date"], found["doc_type"]) == ("1456/KH-UBND", "2025-04-25", "kế hoạch")


@pytest.mark.parametrize("lead", [
    "Ngày 25/4/2025, Phó Chủ tịch UBND tỉnh Nguyễn Văn An đã ký ban hành Kế hoạch số 1456/KH-UBND về cải cách.",
    "Ngày 25/4/2025, Ủy ban nhân dân (UBND) tỉnh Tây Ninh ban hành Kế hoạch số 1456/KH-UBND về cải cách."])
def test_the_leads_ways_of_naming_the_issuer(lead):
    assert guess_metadata(["Cải cách hành chính", lead])[0]["number"] == "1456/KH-UBND"


def test_a_title_after_a_blank_line_may_begin_thuc_hien():
    lines = ["UBND TỈNH X", "Số: 12/KH-UBND", "KẾ HOẠCH", "", "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025"]
    assert guess_metadata(lines)[0]["title"] == "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025"


@pytest.mark.parametrize("after_blank", ["Căn cứ Nghị quyết số 66/NQ-CP ngày 26/3/2025;", "I. MỤC ĐÍCH, YÊU CẦU",
                                         "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ;"])
def test_the_preamble_or_a_heading_after_a_blank_line_is_no_title(after_blank):
    found, _ = guess_metadata(["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số: 187/KH-UBND", "KẾ HOẠCH", "", after_blank])
    assert "title" not in found


# --- walkthrough 4 ------------------------------------------------------------------------------
CA_MAU_PAGE = [
    "Hotline: 1900 6192 Đăng nhập | Đăng ký", "Trang chủ", "Văn bản pháp luật",
    "Trang chủ > Văn bản pháp luật > Bộ máy hành chính > Kế hoạch 112/KH-UBND",
    "Số hiệu:\t112/KH-UBND\tLoại văn bản:\tKế hoạch", "Nơi ban hành:\tTỉnh Cà Mau\tNgười ký:\tLâm Văn Bi",
    "Tóm tắt Nội dung Tiếng Anh Lược đồ Tải về",
    "ỦY BAN NHÂN DÂN TỈNH CÀ MAU -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
    "Số: 112/KH-UBND\tCà Mau, ngày 20 tháng 5 năm 2025", "KẾ HOẠCH",
    "THỰC HIỆN NGHỊ QUYẾT SỐ 66/NQ-CP CỦA CHÍNH PHỦ VỀ CHƯƠNG TRÌNH CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH",
    "CHÍNH TRÊN ĐỊA BÀN TỈNH CÀ MAU",
    "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Cụ thể hóa các nhiệm vụ tại Nghị quyết số 66/NQ-CP."]


def test_a_legal_database_page_gives_the_header_after_its_menus_and_attributes():
    found, _ = guess_metadata(CA_MAU_PAGE)
    assert found == {"province": "Cà Mau", "number": "112/KH-UBND", "date": "2025-05-20", "doc_type": "kế hoạch",
                     "title": "THỰC HIỆN NGHỊ QUYẾT SỐ 66/NQ-CP CỦA CHÍNH PHỦ VỀ CHƯƠNG TRÌNH CẮT GIẢM, ĐƠN GIẢN HÓA "
                              "THỦ TỤC HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH CÀ MAU"}


def test_the_page_around_it_is_header_and_metadata_not_unaccounted():
    from kehoach_lib import Document, line_accounting

    doc = Document(lines=tuple(CA_MAU_PAGE), doc_id="cm", province="Cà Mau", date="2025-05-20", doc_type="kế hoạch")
    roles = line_accounting(doc).role.tolist()
    assert roles[:12] == ["header"] * 4 + ["metadata"] * 2 + ["header"] * 6
    assert "unaccounted" not in roles


def test_a_letters_subject_in_the_number_cell_of_its_header_table_is_its_title():
    """Vĩnh Long (walkthrough 4): "Số: 125/UBND-KSTT V/v triển khai …" in one cell of a .docx header."""
    found, _ = guess_metadata([
        "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 125/UBND-KSTT V/v triển khai các nhiệm vụ cắt giảm, đơn giản hóa thủ tục hành chính năm 2025"
        "\tVĩnh Long, ngày 10 tháng 7 năm 2025", "Kính gửi: - Các sở, ban, ngành tỉnh;"])
    assert (found["number"], found["doc_type"], found["title"]) == (
        "125/UBND-KSTT", "công văn", "Triển khai các nhiệm vụ cắt giảm, đơn giản hóa thủ tục hành chính năm 2025")


@pytest.mark.parametrize(("title_lines", "title"), [
    (["Triển khai Chương trình cắt giảm TTHC năm 2025 và 2026 trên địa bàn thành phố",
      "Huế sau sắp xếp đơn vị hành chính"],
     "Triển khai Chương trình cắt giảm TTHC năm 2025 và 2026 trên địa bàn thành phố Huế sau sắp xếp đơn vị hành chính"),
    (["THỰC HIỆN CHƯƠNG TRÌNH CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH", "CHÍNH NĂM 2025 VÀ 2026 TRÊN ĐỊA BÀN TỈNH SƠN LA"],
     "THỰC HIỆN CHƯƠNG TRÌNH CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NĂM 2025 VÀ 2026 TRÊN ĐỊA BÀN TỈNH SƠN LA"),
    (["Thực hiện Nghị quyết số 66/NQ-CP trên địa bàn tỉnh", "I. MỤC ĐÍCH, YÊU CẦU"],
     "Thực hiện Nghị quyết số 66/NQ-CP trên địa bàn tỉnh"),
])
def test_a_title_goes_on_after_the_province_word_and_in_capitals_but_not_into_a_heading(title_lines, title):
    head = ["ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Số: 140/KH-UBND", "KẾ HOẠCH"]
    found, _ = guess_metadata([*head, *title_lines, "Căn cứ Luật …;"])
    assert found["title"] == title


@pytest.mark.parametrize(("after", "title"), [
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 TRÊN ĐỊA BÀN TỈNH"),
    ("A. MỤC ĐÍCH, YÊU CẦU", "BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 TRÊN ĐỊA BÀN TỈNH"),
    ("Kính gửi: Các sở, ban, ngành tỉnh", "BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 TRÊN ĐỊA BÀN TỈNH"),
    ("Thực hiện Nghị quyết số 66/NQ-CP của Chính phủ",
     "BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 TRÊN ĐỊA BÀN TỈNH"),
])
def test_a_title_stops_before_the_authority_a_heading_the_addressees_and_the_preamble(after, title):
    found, _ = guess_metadata(["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "Số: 1820/QĐ-UBND", "QUYẾT ĐỊNH",
                               "BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 TRÊN ĐỊA BÀN TỈNH", after])
    assert found["title"] == title


def test_a_departments_header_is_read_from_the_top_even_when_the_text_names_the_committee_later():
    found, _ = guess_metadata(["SỞ TƯ PHÁP TỈNH BẮC GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "Số: 15/KH-STP\tBắc Giang, ngày 08 tháng 4 năm 2025", "KẾ HOẠCH",
                               "Kiểm soát thủ tục hành chính năm 2025", "Căn cứ Kế hoạch của", "ỦY BAN NHÂN DÂN TỈNH"])
    assert (found["number"], found["date"], found["title"]) == (
        "15/KH-STP", "2025-04-08", "Kiểm soát thủ tục hành chính năm 2025")


def test_a_title_goes_on_into_ubnd_and_a_bracketed_period():
    found, _ = guess_metadata(["ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Số: 12/KH-UBND", "KẾ HOẠCH",
                               "CẢI CÁCH HÀNH CHÍNH TỈNH ĐỒNG THÁP", "(GIAI ĐOẠN 2026 - 2030)", "Căn cứ Luật …;"])
    assert found["title"] == "CẢI CÁCH HÀNH CHÍNH TỈNH ĐỒNG THÁP (GIAI ĐOẠN 2026 - 2030)"


def test_a_dateline_wrapped_in_its_header_cell():
    """Sóc Trăng (a PDF): "Sóc Trăng, ngày 03 tháng 6 năm" / "2025"."""
    found, _ = guess_metadata(["ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG", "Số: 145/KH-UBND", "Sóc Trăng, ngày 03 tháng 6 năm",
                               "2025", "KẾ HOẠCH"])
    assert found["date"] == "2025-06-03"


@pytest.mark.parametrize(("number_line", "kind", "number", "doc_type"), [
    # walkthrough 10a: a code with small letters, "CTr" for chương trình, and a report
    ("Số: 38/CTr-UBND", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "38/CTr-UBND", "chương trình"),
    ("Số: 412/BC-UBND", "BÁO CÁO", "412/BC-UBND", "báo cáo"),
])
def test_programmes_and_reports_are_read_as_what_they_are(number_line, kind, number, doc_type):
    found, _ = guess_metadata(["ỦY BAN NHÂN DÂN TỈNH TÂY NINH", number_line, kind,
                               "Thực hiện Nghị quyết số 66/NQ-CP trên địa bàn tỉnh", "I. MỤC TIÊU"])
    assert (found["number"], found["doc_type"]) == (number, doc_type)
    assert found["title"] == "Thực hiện Nghị quyết số 66/NQ-CP trên địa bàn tỉnh"
