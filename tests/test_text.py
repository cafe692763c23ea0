"""Specification of Vietnamese normalisation and tokenisation."""

from __future__ import annotations

import pytest

from kehoach_lib.text import (
    Tokenizer,
    correct_spelling,
    document_abbreviations,
    drop_definitions,
    expand_abbreviations,
    normalize_text,
    normalize_tone_marks,
    remove_markup,
    replace_line_breaks,
    strip_document_numbers,
    strip_markup,
    tokenize,
    tokenizer_fingerprint,
)


@pytest.mark.parametrize(
    "written, expected",
    [
        ("hoá", "hóa"), ("Hoá", "Hóa"), ("hoà", "hòa"), ("toà", "tòa"), ("khoẻ", "khỏe"),
        ("uỷ ban", "ủy ban"), ("thuỷ lợi", "thủy lợi"), ("thuý", "thúy"),
        # closed syllables and "qu" keep their marks where they are
        ("kế hoạch", "kế hoạch"), ("hoàn thành", "hoàn thành"), ("quý", "quý"),
        ("ngoài", "ngoài"), ("loại", "loại"), ("kết luận", "kết luận"), ("hoặc", "hoặc"),
        ("đơn giản hoá thủ tục", "đơn giản hóa thủ tục"),
    ],
)
def test_one_tone_mark_convention(written, expected):
    assert normalize_tone_marks(written) == expected


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Sở Nội vụ<br>Văn phòng UBND tỉnh", "Sở Nội vụ; Văn phòng UBND tỉnh"),  # a list of names
        ("Sở Tài chính<br/>Các sở, ngành", "Sở Tài chính; Các sở, ngành"),
        ("Rà soát quy định<br>TTHC của tỉnh", "Rà soát quy định TTHC của tỉnh"),  # the text goes on
        ("Triển khai thanh toán trực tuyến<BR>(phí, lệ phí)", "Triển khai thanh toán trực tuyến (phí, lệ phí)"),
        ("Sở Tư pháp;<br>Sở Nội vụ", "Sở Tư pháp; Sở Nội vụ"),
        ("không có thẻ", "không có thẻ"),
    ],
)
def test_a_cells_line_break_is_a_list_between_names_and_a_space_in_running_text(cell, expected):
    assert replace_line_breaks(cell) == expected


def test_normalisation_is_nfc_and_strips_markup():
    decomposed = "Ho\u0061\u0301 đơn"  # NFD "Hoá"
    assert normalize_text(decomposed) == "Hóa đơn"
    assert strip_markup("**trước ngày 30/4**¹ <p>“một cửa”</p>").split() == ["trước", "ngày", "30/4", "một", "cửa"]
    assert normalize_text("- Sở Tư pháp;\n+ Văn phòng") == "Sở Tư pháp; Văn phòng"


@pytest.mark.parametrize(
    "written, as_the_rules_read_it",
    [
        ("**trước ngày 30/4/2025**¹", "trước ngày 30/4/2025"),
        ("<p>Sở Tư pháp</p>", "Sở Tư pháp"),
        # quotes, bullets and bracketed references stay: the parser's patterns read them
        ("- “một cửa” [2]", "- “một cửa” [2]"),
    ],
)
def test_remove_markup_drops_only_markup(written, as_the_rules_read_it):
    assert remove_markup(written) == as_the_rules_read_it


def test_document_numbers_and_dates_are_not_topic_words():
    assert strip_document_numbers("Nghị quyết số 66/NQ-CP ngày 26/3/2025").split() == ["Nghị", "quyết", "số", "ngày"]
    stripped = strip_document_numbers("Kết luận 127-KL/TW; Nghị định 61/2018/NĐ-CP")
    assert stripped.split() == ["Kết", "luận", ";", "Nghị", "định"]


def test_document_defined_abbreviations(docs):
    found = document_abbreviations(docs["bacgiang_kh58_2025"].text)
    assert found["TTHC"] == "thủ tục hành chính"
    assert found["ĐKKD"] == "điều kiện đầu tư kinh doanh"
    assert document_abbreviations("theo Quyết định số 766/QĐ-TTg (Bộ Chỉ số phục vụ)") == {}
    assert document_abbreviations("Ủy ban nhân dân (UBND) tỉnh") == {"UBND": "ủy ban nhân dân"}


@pytest.mark.parametrize(
    "written, without_definitions",
    [
        ("Rà soát thủ tục hành chính (TTHC) nội bộ", "Rà soát thủ tục hành chính nội bộ"),
        ("điều kiện đầu tư kinh doanh (ĐKKD), tạo lập", "điều kiện đầu tư kinh doanh, tạo lập"),
        ("dịch vụ công trực tuyến ( DVCTT )toàn trình", "dịch vụ công trực tuyến toàn trình"),
        # parentheses that define nothing stay
        ("theo Quyết định số 766/QĐ-TTg (Bộ Chỉ số phục vụ)", "theo Quyết định số 766/QĐ-TTg (Bộ Chỉ số phục vụ)"),
        ("Văn phòng UBND tỉnh (VP)", "Văn phòng UBND tỉnh (VP)"),
    ],
)
def test_a_definitions_parentheses_are_dropped(written, without_definitions):
    assert drop_definitions(written) == without_definitions


def test_a_definition_neither_doubles_its_term_nor_cuts_a_phrase():
    # before: ['rà_soát', 'thủ_tục_hành_chính', 'thủ_tục_hành_chính', 'nội_bộ']
    assert tokenize("Rà soát thủ tục hành chính (TTHC) nội bộ") == ["rà_soát", "thủ_tục_hành_chính_nội_bộ"]
    assert tokenize("Tỷ lệ dịch vụ công trực tuyến (DVCTT) toàn trình") == tokenize(
        "Tỷ lệ DVCTT toàn trình") == tokenize("Tỷ lệ dịch vụ công trực tuyến toàn trình")


def test_abbreviation_and_expansion_are_the_same_term():
    assert tokenize("rà soát TTHC") == tokenize("rà soát thủ tục hành chính")
    assert tokenize("phản ánh, kiến nghị") == tokenize("PAKN")
    # not inside document numbers
    assert expand_abbreviations("Công văn 3995/UBND-NC", {"UBND": "ủy ban nhân dân"}) == "Công văn 3995/UBND-NC"


def test_abbreviations_joined_by_a_slash_are_each_expanded():
    table = {"TTHC": "thủ tục hành chính", "UBND": "ủy ban nhân dân"}
    cases = {
        # the bundled Bắc Ninh plan's appendix heading
        "Danh mục nhóm TTHC/TTHC thực hiện": "Danh mục nhóm thủ tục hành chính / thủ tục hành chính thực hiện",
        "UBND/TTHC/TTHC": "ủy ban nhân dân / thủ tục hành chính / thủ tục hành chính",
        # document numbers stay as written
        "Công văn 3995/UBND-NC": "Công văn 3995/UBND-NC",
        "số 01/UBND/TTHC": "số 01/UBND/TTHC",
    }
    for written, expanded in cases.items():
        assert expand_abbreviations(written, table) == expanded
    assert "tthc" not in tokenize("Danh mục nhóm TTHC/TTHC thực hiện rà soát")


def test_a_definition_in_the_text_is_used_for_that_text():
    tok = Tokenizer(abbreviations=())
    assert "kiểm_soát_thủ_tục_hành_chính" in tok("kiểm soát thủ tục hành chính (KSTTHC); báo cáo KSTTHC")
    assert tok("báo cáo KSTTHC") == ["báo_cáo", "kstthc"]


def test_lexicon_keeps_agency_names_whole():
    assert "sở_khoa_học_và_công_nghệ" in tokenize("Sở Khoa học và Công nghệ chủ trì")
    assert "văn_phòng_ủy_ban_nhân_dân_tỉnh" in tokenize("Văn phòng UBND tỉnh")
    assert "số_hóa" in tokenize("số hoá hồ sơ")
    assert "đơn_giản_hóa" in tokenize("đơn giản hoá")
    # underthesea alone splits these as "định" "danh_điện_tử" and drops "số" as a stop-word
    assert "định_danh_điện_tử" in tokenize("định danh điện tử")
    assert "chuyển_đổi_số" in tokenize("đẩy mạnh chuyển đổi số")
    # underthesea alone gives "người" "đứng" "đầu": the head of a body, not standing or a head
    assert "người_đứng_đầu" in tokenize("trách nhiệm của người đứng đầu cơ quan")


def test_lexicon_does_not_leak_into_other_calls():
    plain = Tokenizer(lexicon=(), stopwords=frozenset())
    before = plain("Sở Khoa học và Công nghệ")
    tokenize("Sở Khoa học và Công nghệ")  # the default tokenizer has the lexicon
    assert plain("Sở Khoa học và Công nghệ") == before
    assert "sở_khoa_học_và_công_nghệ" not in before
    # lexicon entries are matched literally, never as regular expressions
    assert Tokenizer(lexicon=("a.b",), stopwords=frozenset())("axb a.b") != ["a.b", "a.b"]


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Công dịch vụ công quốc gia", "Cổng dịch vụ công quốc gia"),
        ("công  Dịch vụ công", "cổng dịch vụ công"),  # any spacing and case
        ("cắt giản, đơn giản hóa", "cắt giảm, đơn giản hóa"),
        ("báo cáo cáo tình hình", "báo cáo tình hình"),
        # whole words only: a longer word is not a misspelling
        ("cắt giảng", "cắt giảng"), ("công dịch vụ", "công dịch vụ"),
    ],
)
def test_known_misspellings_are_corrected(written, expected):
    table = {"công dịch vụ công": "cổng dịch vụ công", "cắt giản": "cắt giảm", "báo cáo cáo": "báo cáo"}
    assert correct_spelling(written, table) == expected


@pytest.mark.parametrize(
    "misspelt, correct",
    [
        # as written in the seed plans (Bắc Ninh KH 383, Bắc Giang công văn 2023)
        ("Kiểm tra, đơn đốc việc thực hiện Quyết định", "Kiểm tra, đôn đốc việc thực hiện Quyết định"),
        ("các ngành với đầy mạnh cải cách TTHC", "các ngành với đẩy mạnh cải cách TTHC"),
        ("Công dịch vụ công quốc gia", "Cổng dịch vụ công quốc gia"),
        ("cán bộ trung tập hoặc biệt phái", "cán bộ trưng tập hoặc biệt phái"),
    ],
)
def test_the_shipped_spelling_table_makes_a_misspelt_task_the_same_terms(misspelt, correct):
    assert tokenize(misspelt) == tokenize(correct)


@pytest.mark.parametrize("text", ["Tập trung tập huấn cho cán bộ", "tập trung tập hợp ý kiến",
                                  "một tinh thần đầy mạnh mẽ", "đi đôi với việc tuyên truyền"])
def test_the_shipped_spelling_table_leaves_right_phrases_that_hold_a_misspelling_alone(text):
    from kehoach_lib.text import correct_spelling, load_spelling

    assert correct_spelling(text, load_spelling()) == text


def test_case_variants_outside_the_table_are_left_as_written():
    # re.IGNORECASE matches "İ" and "ı" as i, but they are not the table's spelling: untouched
    table = {"công thông tin dịch vụ công": "cổng thông tin dịch vụ công", "cắt giản": "cắt giảm"}
    assert correct_spelling("CÔNG THÔNG TİN DỊCH VỤ CÔNG", table) == "CÔNG THÔNG TİN DỊCH VỤ CÔNG"
    assert correct_spelling("cắt gıản", table) == "cắt gıản"


def test_a_spelling_table_with_a_blank_or_doubled_form_is_an_error(tmp_path):
    from kehoach_lib.text import load_spelling

    path = tmp_path / "spelling.csv"
    path.write_text("written,correct,source\n,cổng,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="without its written form"):
        load_spelling(path)
    path.write_text("written,correct,source\ncắt giản,cắt giảm,x\nCắt  giản,cắt giản,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'cắt giản' has two corrections"):
        load_spelling(path)


def test_tables_given_as_dicts_are_fingerprinted_whole():
    one = Tokenizer(spelling={"cắt giản": "cắt giảm"})
    other = Tokenizer(spelling={"cắt giản": "cắt giảng"})
    assert one.fingerprint() != other.fingerprint()
    assert one("cắt giản") == ["cắt_giảm"]


def test_a_misspelt_portal_is_the_portal():
    # Bắc Ninh's plan writes "Công dịch vụ công quốc gia" (Cổng without its hook) 10 times
    assert tokenize("Kết nối Công dịch vụ công quốc gia") == tokenize("Kết nối Cổng Dịch vụ công quốc gia")
    assert "cổng_dịch_vụ_công_quốc_gia" in tokenize("Công dịch vụ công quốc gia")


def test_words_spelt_two_ways_are_one_term():
    # Bắc Ninh and Bến Tre report "hàng quý", Bắc Giang "hằng tháng": both spellings are in use
    assert tokenize("Báo cáo hàng quý") == tokenize("Báo cáo hằng quý")
    assert tokenize("hàng năm") == tokenize("hằng năm")
    assert tokenize("mặt hàng") != tokenize("mặt hằng")  # only before năm/tháng/quý/tuần/ngày


def test_the_task_table_keeps_the_text_as_written(tasks):
    written = tasks[tasks.text.str.contains("Công dịch vụ công", case=False, regex=False)]
    assert len(written) >= 5 and (written.doc_id == "bacninh_kh383_2023").all()


def test_stopwords_drop_boilerplate_verbs():
    toks = tokenize("Tổ chức triển khai thực hiện số hóa hồ sơ")
    assert "thực_hiện" not in toks and "triển_khai" not in toks
    assert toks[-2:] == ["số_hóa", "hồ_sơ"]


def test_tokenize_works_as_a_sklearn_analyzer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=tokenize).fit(["số hoá hồ sơ TTHC", "tiếp nhận hồ sơ"])
    assert {"số_hóa", "hồ_sơ", "thủ_tục_hành_chính", "tiếp_nhận"} <= set(vec.get_feature_names_out())


def test_fingerprint_changes_with_settings():
    assert tokenizer_fingerprint() == tokenizer_fingerprint()
    assert Tokenizer(stopwords=frozenset()).fingerprint() != tokenizer_fingerprint()


def _edit(path, text):
    import os

    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1, path.stat().st_mtime_ns + 10**9))  # a new modification time, whatever the clock


def test_an_edited_stopword_file_is_used_at_once(tmp_path, monkeypatch):
    # a researcher edits a data file in a running notebook: the next call uses it, no restart
    import kehoach_lib.text as text

    copy = tmp_path / "stopwords.txt"
    copy.write_text(text.STOPWORDS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(text, "STOPWORDS_FILE", copy)
    before = tokenizer_fingerprint()
    assert "hồ_sơ" in tokenize("số hoá hồ sơ")
    _edit(copy, copy.read_text(encoding="utf-8") + "\nhồ_sơ\n")
    assert tokenize("số hoá hồ sơ") == ["số_hóa"]
    # the on-disk caches see a new configuration too
    assert tokenizer_fingerprint() != before
