"""Specification of the parser: plan document -> task table, every line accounted for."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kehoach_lib import TASK_COLUMNS, Document, extract_tasks, line_accounting, load_document
from kehoach_lib.agencies import add_agency_columns
from kehoach_lib.aligned import PAGE_NUMBER as _PAGE_NUMBER
from kehoach_lib.parse import clean_agencies, document_warnings, inline_items, plain_markers

LABELS = Path(__file__).parent / "data" / "labelled_tasks.csv"
SEED_DOCS = ["bacgiang_kh58_2025", "bacninh_kh383_2023", "bacgiang_cv_2023", "bentre_kh_2024"]


def task_at(tasks: pd.DataFrame, doc_id: str, line: int) -> pd.Series:
    """The task of ``doc_id`` whose line span contains ``line``."""
    hit = tasks[(tasks.doc_id == doc_id) & (tasks.line_start <= line) & (tasks.line_end >= line)]
    assert len(hit) == 1, f"{doc_id}:{line} is in {len(hit)} task spans"
    return hit.iloc[0]


def doc_from(text: str, **meta) -> Document:
    meta = {"doc_id": "t", "province": "Tỉnh X", "date": "2025-04-08", "doc_type": "kế hoạch", **meta}
    return Document(lines=tuple(text.split("\n")), **meta)


# --- the table itself ------------------------------------------------------------------------
def test_columns_and_unique_ids(tasks):
    assert list(tasks.columns) == TASK_COLUMNS
    assert tasks.task_id.is_unique
    assert set(tasks.kind) == {"objective", "task", "duty"}
    assert (tasks.text.str.len() > 0).all()


def test_every_seed_plan_has_tasks_and_the_news_article_none(tasks):
    counts = tasks.groupby("doc_id").size()
    for doc_id in SEED_DOCS:
        assert counts.get(doc_id, 0) >= 10
    assert "news_nq66_2025" not in counts


def test_same_input_same_table(corpus, tasks):
    from kehoach_lib.parse import _parse_cached, extract_corpus

    _parse_cached.cache_clear()
    again = extract_corpus(corpus)
    pd.testing.assert_frame_equal(again, tasks)


def test_line_spans_contain_the_task_text(docs, tasks):
    for row in tasks.itertuples():
        lines = docs[row.doc_id].lines[row.line_start - 1 : row.line_end]
        source = " ".join(" ".join(lines).split())
        words = row.text.split()[:4]
        assert " ".join(words).replace("*", "") in source.replace("*", ""), row.task_id


# --- nothing lost ---------------------------------------------------------------------------
@pytest.mark.parametrize("doc_id", SEED_DOCS + ["news_nq66_2025"])
def test_every_seed_line_is_accounted_for(docs, doc_id):
    acc = line_accounting(docs[doc_id])
    assert len(acc) == len(docs[doc_id].lines)
    assert (acc.role == "unaccounted").sum() == 0
    blank = acc.text.str.strip() == ""
    assert (acc.role[blank] == "blank").all()


def test_task_lines_point_back_to_their_task(docs, tasks):
    acc = pd.concat([line_accounting(docs[d]) for d in SEED_DOCS])
    owned = acc[acc.task_id != ""]
    assert set(owned.task_id) == set(tasks.task_id)
    by_task = owned.groupby("task_id").line.agg(["min", "max"])
    spans = tasks.set_index("task_id")
    # every owned line lies inside its task's span (a line shared by two rows, where the
    # scrape glued one row's ending onto the next, is owned by the later row)
    assert (by_task["min"] >= spans.loc[by_task.index, "line_start"]).all()
    assert (by_task["max"] <= spans.loc[by_task.index, "line_end"]).all()


def test_frame_lines_get_their_roles(docs):
    acc = line_accounting(docs["bacgiang_kh58_2025"]).set_index("line")
    assert acc.loc[1, "role"] == "boilerplate"  # portal banner
    assert acc.loc[3, "role"] == "header"  # Số: 58/KH-UBND | Bắc Giang, ngày ...
    assert acc.loc[189, "role"] == "footnote"
    assert set(acc.loc[197:206, "role"]) == {"metadata"}  # Số hiệu / Loại văn bản / ...
    assert acc.loc[44, "role"] == "field"


# --- hand-labelled sample across the four layouts --------------------------------------------
def _labels():
    return pd.read_csv(LABELS, comment="#", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("label", _labels().to_dict("records"), ids=lambda r: f"{r['doc_id']}:{r['line']}")
def test_labelled_task(tasks, label):
    task = task_at(tasks, label["doc_id"], int(label["line"]))
    assert task.lead == label["lead"]
    assert task.partners == label["partners"]
    assert task.due == label["due"]
    assert task.recurring == bool(int(label["recurring"]))


# --- layout by layout ------------------------------------------------------------------------
def test_nested_prose_paths_kinds_and_sections(tasks):
    bg = tasks[tasks.doc_id == "bacgiang_kh58_2025"].set_index("path")
    assert bg.loc["I.1.a", "kind"] == "objective"
    assert bg.loc["II.1.a", "targets"] == "ít nhất 30%; 30%"
    assert bg.loc["III.1.b.(ii)", "kind"] == "task"
    assert bg.loc["III.1.b.(ii)", "section"].startswith("Cắt giảm, đơn giản hóa TTHC dựa trên")
    assert bg.loc["V.3.c", "kind"] == "duty"
    assert "IV.1" not in bg.index  # the budget section is not a task


def test_field_line_assigns_different_agencies_to_different_items(tasks):
    bg = tasks[tasks.doc_id == "bacgiang_kh58_2025"].set_index("path")
    assert bg.loc["III.2.a.(i)", "lead"] == "Văn phòng UBND tỉnh"
    assert bg.loc["III.2.a.(ii)", "lead"] == bg.loc["III.2.a.(iii)", "lead"]
    assert bg.loc["III.2.a.(iii)", "partners"] == "Văn phòng UBND tỉnh"
    assert bg.loc["III.2.a.(i)", "partners"] == ""


def test_page_break_row_is_merged_back(tasks, docs):
    row = tasks.set_index("task_id").loc["bacninh_kh383_2023:PL01.I.3"]
    assert row.text.endswith("giải quyết TTHC tại Trung tâm")
    assert (row.line_start, row.line_end) == (84, 88)
    acc = line_accounting(docs["bacninh_kh383_2023"]).set_index("line")
    assert acc.loc[86, "role"] == acc.loc[87, "role"] == "table_header"  # repeated header


def test_html_markup_in_cells_is_stripped(tasks):
    bn = tasks[tasks.doc_id == "bacninh_kh383_2023"]
    for column in ("text", "lead", "partners", "product"):
        assert not bn[column].str.contains("<ul|<p>|style=", regex=True).any()


def test_group_rows_without_agency_are_headings_not_tasks(tasks):
    ids = set(tasks.task_id)
    assert "bacninh_kh383_2023:PL01.V.2" not in ids  # "Số hóa kết quả giải quyết TTHC còn hiệu lực"
    assert {"bacninh_kh383_2023:PL01.V.2.1", "bacninh_kh383_2023:PL01.V.2.3"} <= ids
    assert "bentre_kh_2024:PL.I.3" not in ids
    # a group row's agencies pass down to children that have none (Bắc Ninh VI.1 -> 1.1)
    row = tasks.set_index("task_id").loc["bacninh_kh383_2023:PL01.VI.1.1"]
    assert row.lead.startswith("Sở, ban, ngành thuộc tỉnh")


def test_repeated_section_number_is_disambiguated(tasks):
    bt = tasks[tasks.doc_id == "bentre_kh_2024"].set_index("path")
    assert bt.loc["PL.IV.1.1", "text"].startswith("Đánh giá tác động")
    assert bt.loc["PL.IV(2).1", "text"].startswith("Tiếp tục tổ chức triển khai thực hiện Nghị định")
    assert bt.loc["PL.IV(2).1", "section"].startswith("THỰC HIỆN CƠ CHẾ MỘT CỬA")


def test_official_letter_items_and_paragraphs(tasks):
    cv = tasks[tasks.doc_id == "bacgiang_cv_2023"].set_index("path")
    assert list(cv.index[:4]) == ["1", "2", "2+1", "3"]
    # item 4 continues after the footnotes of a page break
    assert cv.loc["4", "text"].endswith("thẩm quyền của sở, ngành, địa phương.")
    assert (cv.loc["4", "line_start"], cv.loc["4", "line_end"]) == (24, 32)
    assert "**" not in "".join(cv.text)


# --- tiny inline documents ---------------------------------------------------------------------
def test_fields_apply_to_the_items_above_them_only():
    doc = doc_from(
        "III. NỘI DUNG\n1. Nhóm một\na) Việc A\n(i) Làm A1.\n(ii) Làm A2.\n"
        "- Cơ quan chủ trì: Sở Tư pháp.\n- Thời hạn hoàn thành: Quý II năm 2025.\n"
        "(iii) Làm A3, hoàn thành trước ngày 15/5/2025.\n- Cơ quan chủ trì: Sở Nội vụ.\n"
        "- Thời hạn hoàn thành: Thường xuyên."
    )
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["III.1.a.(i)", "III.1.a.(ii)", "III.1.a.(iii)"]
    assert list(t.lead) == ["Sở Tư pháp", "Sở Tư pháp", "Sở Nội vụ"]
    assert list(t.due) == ["2025-06-30", "2025-06-30", "2025-05-15"]
    assert list(t.recurring) == [False, False, True]


def test_tab_table_with_page_break_continuation():
    doc = doc_from(
        "Số TT\tTên nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\t\tSản phẩm\n"
        "\t\t\t\tBắt đầu\tHoàn thành\t\n"
        "I\tNhóm nhiệm vụ\t\t\t\t\t\n"
        "1\tXây dựng quy chế của\t- Sở A; - Sở\tSở C\tTháng 2\tTháng 5\tQuy chế\n"
        "\n"
        "Số TT\tTên nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\t\tSản phẩm\n"
        "\t\t\t\tBắt đầu\tHoàn thành\t\n"
        "\tCổng dịch vụ công\tB\t\t\t\t\n",
        date="2023-02-17",
    )
    t = extract_tasks(doc)
    assert len(t) == 1
    row = t.iloc[0]
    assert (row.path, row.text, row.lead) == ("I.1", "Xây dựng quy chế của Cổng dịch vụ công", "Sở A; Sở B")
    assert (row["due"], row["product"], row["line_start"], row["line_end"]) == ("2023-05-31", "Quy chế", 4, 8)


def test_pipe_table_rows_and_groups():
    cells = ["TT", "Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian",
             "Sản phẩm", "I", "CÔNG TÁC CHỈ ĐẠO", "1", "Ban hành kế hoạch", "1.1",
             "Kế hoạch kiểm tra", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Quý I/2024", "Kế hoạch",
             "2", "Tập huấn", "Văn phòng UBND tỉnh", "", "Thường xuyên", "Hội nghị"]
    doc = doc_from("\n|\n".join(cells), date="2024")
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["PL.I.1.1", "PL.I.2"]
    assert t.loc["PL.I.1.1", "due"] == "2024-03-31"
    assert t.loc["PL.I.2", "recurring"]
    acc = line_accounting(doc)
    assert (acc.role == "unaccounted").sum() == 0


def test_unrecognised_lines_are_reported_not_dropped():
    doc = doc_from("I. NỘI DUNG\n1. Làm việc A.\nSố TT\tTên nhiệm vụ\n???\tmột dòng lạ\n")
    acc = line_accounting(doc)
    assert acc.set_index("line").loc[4, "role"] == "unaccounted"


@pytest.mark.parametrize(
    "written, expected",
    [
        ("- Sở A; - Sở B.", "Sở A; Sở B"),
        ("<ul style='x'> - Sở A; - UBND cấp huyện. </ul>", "Sở A; UBND cấp huyện"),
        ("Sở Thông tin và Truyền thông -Trung tâm HCC", "Sở Thông tin và Truyền thông; Trung tâm HCC"),
        ("Đài Phát thanh - Truyền hình tỉnh", "Đài Phát thanh - Truyền hình tỉnh"),
        ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("", ""),
    ],
)
def test_clean_agencies(written, expected):
    assert clean_agencies(written) == expected


def test_corpus_overview_names_each_layout(corpus):
    from kehoach_lib.parse import corpus_overview

    ov = corpus_overview(corpus).set_index("doc_id")
    assert ov.loc["bacgiang_kh58_2025", "layout"] == "prose, field-lines"
    assert ov.loc["bacninh_kh383_2023", "layout"] == "prose, tab-table"
    assert ov.loc["bacgiang_cv_2023", "layout"] == "letter"
    assert ov.loc["bentre_kh_2024", "layout"] == "prose, pipe-table"
    assert ov.loc["news_nq66_2025", "layout"] == "news"
    assert ov.unaccounted.sum() == 0
    assert ov.tasks.sum() == len(pd.concat([extract_tasks(d) for d in corpus]))


# --- layouts of other provinces' plans ---------------------------------------------------------
HEADER = "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nSố: 41/KH-UBND\nTuyên Quang, ngày 02 tháng 5 năm 2025\nKẾ HOẠCH\n"


def test_unnumbered_items_under_a_section_are_tasks_not_headings():
    doc = doc_from(HEADER + "I. MỤC ĐÍCH, YÊU CẦU\n- Triển khai kịp thời Nghị quyết số 66/NQ-CP.\n"
                   "II. NHIỆM VỤ, GIẢI PHÁP\nCác cơ quan tập trung thực hiện các nhiệm vụ sau:\n"
                   "1. Rà soát thủ tục hành chính.\n2. Số hóa 100% hồ sơ.\n"
                   "III. TỔ CHỨC THỰC HIỆN\n- Các sở, ban, ngành căn cứ Kế hoạch triển khai thực hiện.\n"
                   "- Văn phòng UBND tỉnh theo dõi, tổng hợp báo cáo trước ngày 15/12/2025.\n")
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["I+1", "II.1", "II.2", "III+1", "III+2"]
    assert list(t.kind) == ["objective", "task", "task", "duty", "duty"]
    assert t.loc["III+2", "lead"] == "Văn phòng UBND tỉnh" and t.loc["III+2", "due"] == "2025-12-15"
    roles = line_accounting(doc).set_index("line").role
    assert roles[7] == "heading"  # "… các nhiệm vụ sau:" introduces the items, it is not one
    assert (roles != "unaccounted").all()


def test_other_numbering_styles_nest_as_written():
    doc = doc_from(HEADER + "II. NHIỆM VỤ, GIẢI PHÁP\n1. Nhóm nhiệm vụ về cắt giảm\n"
                   "1.1. Rà soát thủ tục (Sở Tư pháp chủ trì; thời hạn: tháng 6/2025).\n"
                   "1.2. Đề xuất phương án (Văn phòng UBND tỉnh chủ trì, phối hợp Sở Nội vụ; hoàn thành "
                   "trong Quý III năm 2025).\n2. Nhóm nhiệm vụ về chuyển đổi số\na. Số hóa 100% hồ sơ.\n"
                   "b. Tích hợp lên Cổng Dịch vụ công quốc gia.\n+ Hoàn thành trước 31/10/2025.\n"
                   "3/ Tăng cường kiểm tra.\n4) Tăng cường tuyên truyền.\n")
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.1.1", "II.1.2", "II.2.a", "II.2.b", "II.3", "II.4"]
    assert list(t.lead[:2]) == ["Sở Tư pháp", "Văn phòng UBND tỉnh"] and t.partners.iloc[1] == "Sở Nội vụ"
    assert list(t.due[:2]) == ["2025-06-30", "2025-09-30"]
    # a line that only says when belongs to the item above it
    assert t.loc["II.2.b", "text"] == "Tích hợp lên Cổng Dịch vụ công quốc gia. Hoàn thành trước 31/10/2025."
    assert t.loc["II.2.b", "due"] == "2025-10-31"


def test_signing_lines_and_a_tabbed_header_are_no_tasks():
    doc = doc_from("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "Độc lập - Tự do - Hạnh phúc\nSố: 215/KH-UBND\tNghệ An, ngày 10 tháng 4 năm 2025\n"
                   "KẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
                   "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A")
    t = extract_tasks(doc)
    assert list(t.path) == ["IV.1"] and t.lead.iloc[0] == "Sở Tài chính"  # the lead stops at "bố trí"
    roles = line_accounting(doc).set_index("line").role
    assert list(roles[[1, 2, 3]]) == ["header"] * 3 and list(roles[[7, 8, 9, 10]]) == ["signature"] * 4


def test_unnumbered_paragraphs_of_other_sections_and_intros_are_no_tasks():
    doc = doc_from(HEADER + "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n- Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ.\n"
                   "II. KẾT QUẢ THỰC HIỆN NĂM 2024\nNăm 2024, tỷ lệ hồ sơ trực tuyến đạt 65%.\n"
                   "III. NHIỆM VỤ\nNăm 2024, tỉnh đã đạt nhiều kết quả, còn hạn chế cần khắc phục.\n"
                   "1. Rà soát thủ tục hành chính.\n"
                   "- Hoàn thành số hóa 100% hồ sơ trong năm 2025.\n- Hoàn thành cắt giảm 30% thời gian năm 2025.\n"
                   "2. Tuyên truyền.\n")
    t = extract_tasks(doc).set_index("path")
    # legal bases and last year's results are the plan's reasons, an intro only introduces; and
    # "- Hoàn thành …" items are tasks of their own, not a deadline of the item above
    assert list(t.index) == ["III.1", "III.1+1", "III.1+2", "III.2"]
    assert (line_accounting(doc).role != "unaccounted").all()


def test_a_numbered_sentence_with_sub_items_is_a_task_too():
    doc = doc_from(HEADER + "II. NHIỆM VỤ\n1. Rà soát, cắt giảm ít nhất 30% thủ tục hành chính, hoàn thành trước "
                   "30/6/2025 (Sở Tư pháp chủ trì).\n1.1. Rà soát thủ tục lĩnh vực đất đai.\n"
                   "1.2. Rà soát thủ tục lĩnh vực xây dựng.\n2. Tuyên truyền.\n")
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.1", "II.1.1", "II.1.2", "II.2"]
    assert (t.loc["II.1", "lead"], t.loc["II.1", "due"]) == ("Sở Tư pháp", "2025-06-30")


@pytest.mark.parametrize("text, lead", [
    ("Ban quản lý các khu công nghiệp tỉnh rà soát thủ tục đầu tư.", "Ban quản lý các khu công nghiệp tỉnh"),
    ("Bộ phận tiếp nhận và trả kết quả cấp huyện công khai thủ tục.", "Bộ phận tiếp nhận và trả kết quả cấp huyện"),
    ("Rà soát thủ tục (do Văn phòng UBND tỉnh chủ trì).", "Văn phòng UBND tỉnh"),
    ("Rà soát thủ tục (theo Kế hoạch số 12/KH-UBND do Sở Nội vụ chủ trì).", ""),  # the cited plan's lead
    ("Rà soát thủ tục (các bên cùng chủ trì).", ""),  # not an agency: no lead
])
def test_leads_are_whole_agency_names(text, lead):
    doc = doc_from(HEADER + f"II. NHIỆM VỤ\n1. {text}\n")
    assert extract_tasks(doc).lead.iloc[0] == lead


def test_wrapped_lines_that_start_like_numbers_continue_their_sentence():
    doc = doc_from(HEADER + "II. NHIỆM VỤ\n1. Tiếp tục cắt giảm thủ tục theo Chương trình giai đoạn 2021\n"
                   "- 2025 của Chính phủ; các nội dung thực hiện tại\na. điểm a khoản 2 Mục II, tỷ lệ đạt\n"
                   "3/ 4 số thủ tục đủ điều kiện, hoàn thành trong năm 2025, với sự phối hợp chặt chẽ của các\n"
                   "2. Tuyên truyền kết quả cải cách thủ tục hành chính.\n")
    t = extract_tasks(doc)
    assert list(t.path) == ["II.1", "II.2"]
    assert "giai đoạn 2021 - 2025 của Chính phủ" in t.text.iloc[0] and "3/ 4 số thủ tục" in t.text.iloc[0]


def test_an_edit_of_the_lead_verbs_takes_effect_in_a_running_session(tmp_path, monkeypatch):
    from kehoach_lib import parse

    verbs = tmp_path / "lead_verbs.txt"
    verbs.write_text(parse.LEAD_VERBS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(parse, "LEAD_VERBS_FILE", verbs)
    # (a body the alias table does not know, so its name is not cut where a known one ends)
    doc = doc_from(HEADER + "II. NHIỆM VỤ\n1. Trung tâm Xúc tiến đầu tư bố trí kinh phí thực hiện.\n")
    assert extract_tasks(doc).lead.iloc[0] == "Trung tâm Xúc tiến đầu tư"
    verbs.write_text(verbs.read_text(encoding="utf-8").replace("bố trí\n", ""), encoding="utf-8")
    assert extract_tasks(doc).lead.iloc[0] == "Trung tâm Xúc tiến đầu tư bố trí kinh phí"  # up to "thực hiện"


def test_a_lead_or_partner_ends_where_a_known_bodys_name_ends_when_its_verb_is_not_in_the_list(tmp_path, monkeypatch):
    """Walkthrough 14a: "Sở Tài chính cân đối, bố trí …", "UBND các xã, phường niêm yết …" and
    "… phối hợp với Viễn thông tỉnh, Bưu điện tỉnh khắc phục tình trạng …" had leads and partners
    that ran on to the next verb of ``lead_verbs.txt``; a name of the alias table ends them (with
    the three verbs taken out of the list, so the cut does not rest on them)."""
    from kehoach_lib import parse

    verbs = tmp_path / "lead_verbs.txt"
    text = parse.LEAD_VERBS_FILE.read_text(encoding="utf-8")
    verbs.write_text("".join(ln for ln in text.splitlines(keepends=True)
                             if ln.strip() not in {"cân đối", "niêm yết", "khắc phục"}), encoding="utf-8")
    monkeypatch.setattr(parse, "LEAD_VERBS_FILE", verbs)
    t = _rows("II. NHIỆM VỤ\n1. Sở Tài chính cân đối, bố trí kinh phí mua sắm trang thiết bị.\n"
              "2. Sở Khoa học và Công nghệ chủ trì, phối hợp với Viễn thông tỉnh, Bưu điện tỉnh khắc phục "
              "tình trạng đường truyền chậm, lỗi kết nối.\n"
              "3. UBND các xã, phường niêm yết công khai danh mục thủ tục hành chính.\n"
              "4. Sở Tư pháp tỉnh Quảng Ninh chủ trì rà soát các quy định.\n")
    assert t[["lead", "partners"]].values.tolist() == [
        ["Sở Tài chính", ""], ["Sở Khoa học và Công nghệ", "Viễn thông tỉnh, Bưu điện tỉnh"],
        ["UBND các xã, phường", ""], ["Sở Tư pháp tỉnh Quảng Ninh", ""]]


def test_a_line_that_only_says_who_does_the_item_above_is_its():
    """Walkthrough 19f (Markdown pasted from Word): "3. Đánh giá …" / (blank) / "(Văn phòng UBND tỉnh
    chủ trì; Sở Khoa học và Công nghệ phối hợp)" gave an item with no lead and a row of the bracket."""
    t = _rows("II. NHIỆM VỤ\n3. Đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số.\n\n"
              "   (Văn phòng UBND tỉnh chủ trì; Sở Khoa học và Công nghệ phối hợp)\n"
              "4. Số hóa hồ sơ (Sở Nội vụ chủ trì; thời hạn: Quý III/2026).\n")
    assert t[["path", "lead", "partners"]].values.tolist() == [
        ["II.3", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ"], ["II.4", "Sở Nội vụ", ""]]


def test_a_list_of_agencies_with_a_semicolon_is_one_assignment():
    """Walkthrough 19f (a web page): "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, … căn
    cứ Kế hoạch này, xây dựng kế hoạch …" was cut at its ";" into a row of agencies alone and a
    row for the districts; a second sentence for another agency after ";" still is a task."""
    t = _rows("III. TỔ CHỨC THỰC HIỆN\n1. Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện, thị "
              "xã, thành phố căn cứ Kế hoạch này, xây dựng kế hoạch của cơ quan, đơn vị, hoàn thành trước ngày "
              "31/3/2026.\n2. Giao các sở, ban, ngành rà soát thủ tục hành chính, gửi Sở Tư pháp trước ngày "
              "15/9/2026; Văn phòng UBND tỉnh tổng hợp, báo cáo Chủ tịch UBND tỉnh trong Quý IV/2026.\n"
              "In văn bản | Tải về (.doc) | Chia sẻ: Facebook Zalo Twitter\n")
    assert t[["path", "due"]].values.tolist() == [["III.1", "2026-03-31"], ["III.2", "2026-09-15"],
                                                  ["III.2+1", "2026-12-31"]]
    assert t.lead.iloc[0].startswith("Thủ trưởng các sở, ban, ngành; Chủ tịch")


def test_a_list_of_leads_is_not_cut_at_a_word_of_a_name_with_its_comma():
    """Walkthrough 19d: "Các sở, ban, ngành tỉnh, UBND các huyện, thành phố Cà Mau rà soát …" was
    cut to "Các sở, ban, ngành": "tỉnh," with its comma was not read as a word a name goes on with."""
    t = _rows("II. NHIỆM VỤ\n1. Các sở, ban, ngành tỉnh, UBND các huyện, thành phố Cà Mau rà soát, đánh giá "
              "thủ tục hành chính thuộc thẩm quyền.\n")
    assert t.lead.tolist() == ["Các sở, ban, ngành tỉnh, UBND các huyện, thành phố Cà Mau"]


def test_the_districts_written_short_are_one_agency_to_the_end_of_their_list():
    """Walkthrough 14c: "UBND các huyện, thành, thị" (huyện, thành phố, thị xã said short) was cut
    to "UBND các huyện", the longest name of the alias table it starts with."""
    from kehoach_lib.agencies import resolve_agency

    t = _rows("II. NHIỆM VỤ\n1. UBND các huyện, thành, thị rà soát TTHC nội bộ, hoàn thành trước 30/6/2026.\n"
              "2. Sở Tư pháp chủ trì, phối hợp UBND huyện, thành, thị rà soát quy định.\n")
    assert t[["lead", "partners"]].values.tolist() == [["UBND các huyện, thành, thị", ""],
                                                       ["Sở Tư pháp", "UBND huyện, thành, thị"]]
    assert resolve_agency(t.lead[0]).canonical == resolve_agency(t.partners[1]).canonical == "UBND cấp huyện"


def test_a_verb_of_the_list_after_cac_or_nhung_is_a_noun_in_the_agencys_name():
    """Walkthrough 14c: "… và các tổ chức chính trị - xã hội tăng cường giám sát" had the lead
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các", cut at "tổ chức" (a verb of the list)."""
    t = _rows("II. NHIỆM VỤ\n1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội "
              "tăng cường giám sát việc thực thi công vụ.\n"
              "2. Sở Nội vụ chủ trì, phối hợp với Hội Cựu chiến binh tỉnh và các tổ chức đoàn thể tuyên truyền "
              "về cải cách hành chính.\n3. Sở Tư pháp tổ chức hội nghị tập huấn.\n")
    assert t[["lead", "partners"]].values.tolist() == [
        ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội", ""],
        ["Sở Nội vụ", "Hội Cựu chiến binh tỉnh và các tổ chức đoàn thể"], ["Sở Tư pháp", ""]]
    assert (add_agency_columns(t).lead_agencies.iloc[0]
            == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; các tổ chức chính trị - xã hội")


def test_a_short_plan_with_a_table_keeps_every_commitment():
    # as a province's portal or Word file gives it: short, so it reads as hard-wrapped
    doc = doc_from(
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSố: 112/KH-UBND\nQuảng Trị, ngày 22 tháng 4 năm 2025\nKẾ HOẠCH\n"
        "Triển khai Nghị quyết số 66/NQ-CP\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Rà soát, cắt giảm ít nhất 30% điều kiện kinh doanh, hoàn thành trước ngày 31/12/2025.\n"
        "2. Các nhiệm vụ cụ thể khác theo bảng phân công sau:\n"
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "1\tRà soát thủ tục hành chính liên quan đến kinh doanh\tSở Tư pháp\tSở Tài chính\tTháng 12/2025\n"
        "1.1\tRà soát thủ tục lĩnh vực đất đai\tSở Nông nghiệp và Môi trường\tUBND cấp xã\tTháng 6/2025\n"
        "2\tSố hóa hồ sơ thủ tục hành chính\tTrung tâm Phục vụ hành chính công tỉnh\t\tTháng 9/2025\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Văn phòng UBND tỉnh chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch; định kỳ báo cáo UBND tỉnh.\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nBản quyền thuộc Cổng thông tin điện tử tỉnh Quảng Trị.\nLượt truy cập: 123456")
    t = extract_tasks(doc).set_index("path")
    # the list's announcement is a heading; the row with its own lead and deadline is a task as well
    # as the heading of 1.1; the duty under the heading in capitals is not part of the heading
    assert list(t.index) == ["II.1", "II.2.1", "II.2.1.1", "II.2.2", "III+1"]
    assert (t.loc["II.2.1", "lead"], t.loc["II.2.1", "due"]) == ("Sở Tư pháp", "2025-12-31")
    assert t.loc["III+1", "lead"] == "Văn phòng UBND tỉnh" and t.loc["III+1", "section"] == "TỔ CHỨC THỰC HIỆN"
    roles = line_accounting(doc).set_index("line").role
    assert roles[8] == "heading" and list(roles[[17, 18]]) == ["boilerplate"] * 2  # the portal's footer
    assert (roles != "unaccounted").all()


def test_a_field_block_leaves_items_that_name_their_own_lead_alone():
    doc = doc_from(HEADER + "II. NHIỆM VỤ\n1. Rà soát thủ tục (Văn phòng UBND tỉnh chủ trì; thời hạn: trước ngày "
                   "30/4/2025).\n2. Rà soát thủ tục nội bộ.\n- Cơ quan chủ trì: Sở Nội vụ.\n"
                   "- Thời hạn hoàn thành: Trước ngày 30/6/2025.\n"
                   "3. Số hóa hồ sơ. Cơ quan chủ trì: Trung tâm Phục vụ hành chính công tỉnh. Thời hạn: trước "
                   "ngày 31/12/2025.\n")
    t = extract_tasks(doc).set_index("path")
    assert list(t.lead) == ["Văn phòng UBND tỉnh", "Sở Nội vụ", "Trung tâm Phục vụ hành chính công tỉnh"]
    assert list(t.due) == ["2025-04-30", "2025-06-30", "2025-12-31"]


def test_second_review_cases():
    # a duty that starts "Chịu trách nhiệm chính …" is a duty, not a portal's footer
    doc = doc_from(HEADER + "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\nChịu trách nhiệm chính trong việc tham mưu "
                   "rà soát văn bản quy phạm pháp luật.\n")
    assert "tham mưu rà soát" in extract_tasks(doc).text.iloc[0]
    # an item that ends "… sau:" but has its own field block is a task
    doc = doc_from(HEADER + "II. NHIỆM VỤ\n1. Số hóa hồ sơ.\n2. Rà soát, đơn giản hóa các thủ tục hành chính sau:\n"
                   "- Cơ quan chủ trì: Sở Tư pháp.\n- Thời hạn hoàn thành: Quý III/2025.\n")
    t = extract_tasks(doc).set_index("path")
    assert (t.loc["II.2", "lead"], t.loc["II.2", "due"]) == ("Sở Tư pháp", "2025-09-30")
    # an inline field stops at the next one; a bracketed lead wins over a shared block, which
    # still gives the deadline it does not state
    doc = doc_from(HEADER + "II. NHIỆM VỤ\n1. Số hóa hồ sơ. Cơ quan chủ trì: Sở Khoa học và Công nghệ; "
                   "Cơ quan phối hợp: Sở Nội vụ.\n2. Rà soát thủ tục\n"
                   "(i) Rà soát thủ tục đất đai (Sở Tư pháp chủ trì).\n"
                   "(ii) Rà soát thủ tục xây dựng.\n- Cơ quan chủ trì: Sở Xây dựng.\n"
                   "- Thời hạn hoàn thành: Quý IV/2025.\n")
    t = extract_tasks(doc).set_index("path")
    assert (t.loc["II.1", "lead"], t.loc["II.1", "partners"]) == ("Sở Khoa học và Công nghệ", "Sở Nội vụ")
    assert (t.loc["II.2.(i)", "lead"], t.loc["II.2.(i)", "due"]) == ("Sở Tư pháp", "2025-12-31")
    assert t.loc["II.2.(ii)", "lead"] == "Sở Xây dựng"
    # a task whose first line is in capitals goes on in lowercase on the next
    doc = doc_from(HEADER + "II. NHIỆM VỤ\n1. Rà soát thủ tục.\n2. TỔ CHỨC HỘI NGHỊ TẬP HUẤN\nnghiệp vụ cho cán "
                   "bộ làm công tác kiểm soát thủ tục hành chính.\n")
    assert extract_tasks(doc).text.iloc[1] == ("TỔ CHỨC HỘI NGHỊ TẬP HUẤN nghiệp vụ cho cán bộ làm công tác "
                                                "kiểm soát thủ tục hành chính.")


@pytest.mark.parametrize("heading", ["IV. TỔ CHỨC THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN KẾ HOẠCH",
                                     "IV. TỔ CHỨC THỰC HIỆN:"])
def test_the_part_that_assigns_duties_is_read_however_its_heading_ends(heading):
    doc = doc_from(HEADER + f"{heading}\n1. Sở Tư pháp theo dõi việc thực hiện.\n")
    assert list(extract_tasks(doc).kind) == ["duty"]


def test_an_agency_heading_in_capitals_leads_the_duties_under_it():
    doc = doc_from(HEADER + "IV. TỔ CHỨC THỰC HIỆN\n1. SỞ TƯ PHÁP\n- Chủ trì rà soát văn bản.\n"
                   "- Hướng dẫn các cơ quan.\n2. VĂN PHÒNG UBND TỈNH CÓ TRÁCH NHIỆM:\n- Theo dõi việc thực hiện.\n")
    t = extract_tasks(doc)
    assert list(t.lead) == ["SỞ TƯ PHÁP", "SỞ TƯ PHÁP", "VĂN PHÒNG UBND TỈNH"]
    assert list(add_agency_columns(t).lead_agencies[:2]) == ["Sở Tư pháp"] * 2  # named as the table names it


# --- hard-wrapped text (lines broken at ~80 characters, as scraped from PDFs) ------------------
# a plan as paragraphs, each a list of its wrapped lines
PLAN_HEAD = [
    ["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"], ["Số: 41/KH-UBND"], ["Tuyên Quang, ngày 02 tháng 5 năm 2025"],
    ["KẾ HOẠCH"], ["Triển khai thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ"],
    ["Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ về Chương trình",
     "cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt động sản xuất, kinh",
     "doanh năm 2025 và 2026, UBND tỉnh ban hành Kế hoạch thực hiện như sau:"],
    ["I. MỤC ĐÍCH, YÊU CẦU"],
    ["1. Triển khai kịp thời, đồng bộ, hiệu quả các nhiệm vụ, giải pháp tại Nghị quyết",
     "số 66/NQ-CP; xác định rõ nhiệm vụ, thời hạn và trách nhiệm của từng cơ quan, đơn",
     "vị trong tổ chức thực hiện."],
    ["2. Bảo đảm thực hiện \"05 rõ: rõ người, rõ việc, rõ thời gian, rõ kết quả, rõ trách",
     "nhiệm\" trong quá trình cắt giảm, đơn giản hóa thủ tục hành chính."],
    ["II. NHIỆM VỤ"],
    ["1. Rà soát, cắt giảm ít nhất 30% thời gian giải quyết và chi phí tuân thủ thủ tục",
     "hành chính liên quan đến hoạt động sản xuất, kinh doanh; hoàn thành trước ngày",
     "30/6/2025."],
    ["2. Số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực, bảo đảm",
     "kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về thủ tục hành chính."],
    ["III. TỔ CHỨC THỰC HIỆN"],
]
PLAN_SIGNATURE = [["TM. ỦY BAN NHÂN DÂN"], ["CHỦ TỊCH"], ["Nguyễn Văn Sơn"]]
# two duties under the unnumbered heading, each ending short of the margin (lines 22-24, 25-26)
TWO_DUTIES = [
    ["Các sở, ban, ngành, UBND các huyện, thành phố căn cứ nhiệm vụ được giao tại Kế",
     "hoạch này xây dựng kế hoạch chi tiết, tổ chức triển khai thực hiện nghiêm túc,",
     "hiệu quả."],
    ["Văn phòng UBND tỉnh chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch;",
     "tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025."],
]


def plan(duties: list[list[str]], *, wrapped: bool = True) -> Document:
    """The plan with ``duties`` under III, hard-wrapped or with each paragraph on one line (as
    a portal or a Word file gives it)."""
    paragraphs = PLAN_HEAD + duties + PLAN_SIGNATURE
    return doc_from("\n".join(("\n" if wrapped else " ").join(p) for p in paragraphs))


def test_hard_wrapped_duty_paragraphs_under_a_heading_are_tasks_of_their_own():
    # each starts with a capital on a new line, after a line that ends a sentence short of the
    # margin: a new paragraph, not the continuation of the one before
    doc = plan(TWO_DUTIES)
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["I.1", "I.2", "II.1", "II.2", "III+1", "III+2"]
    assert list(t.loc[["III+1", "III+2"], "text"]) == [" ".join(p) for p in TWO_DUTIES]
    assert list(t.loc["III+1", ["line_start", "line_end"]]) == [22, 24]
    assert list(t.loc["III+2", ["line_start", "line_end"]]) == [25, 26]
    assert (t.loc["III+1", "lead"], t.loc["III+1", "due"]) == ("Các sở, ban, ngành, UBND các huyện, thành phố", "")
    assert (t.loc["III+2", "lead"], t.loc["III+2", "due"]) == ("Văn phòng UBND tỉnh", "2025-12-15")
    # the numbered items above, wrapped the same way, are as they were
    assert list(t.loc["II.1", ["line_start", "line_end", "due"]]) == [16, 18, "2025-06-30"]
    assert (line_accounting(doc).role != "unaccounted").all()


def test_hard_wrapped_duties_under_an_agency_heading_are_its_tasks():
    duties = [["1. Văn phòng UBND tỉnh:"],
              ["Chủ trì, phối hợp với các sở, ban, ngành theo dõi, đôn đốc, kiểm tra việc thực",
               "hiện Kế hoạch, báo cáo UBND tỉnh kết quả."],
              ["Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện Kế hoạch trước ngày 15/12/2025."],
              ["2. Sở Tư pháp:"],
              ["Chủ trì rà soát, đánh giá các quy định thủ tục hành chính tại văn bản quy phạm",
               "pháp luật do HĐND tỉnh, UBND tỉnh ban hành, hoàn thành trong Quý III năm 2025."]]
    t = extract_tasks(plan(duties)).set_index("path")
    # the heading ends at its colon: the duties neither join it nor each other
    assert list(t.index[4:]) == ["III.1+1", "III.1+2", "III.2"]
    assert list(t.lead[4:]) == ["Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh", "Sở Tư pháp"]
    assert t.loc["III.1+1", "text"] == " ".join(duties[1])
    assert list(t.loc["III.1+2", ["line_start", "line_end", "due"]]) == [25, 25, "2025-12-15"]
    assert list(t.loc["III.2", ["line_start", "line_end", "due"]]) == [26, 28, "2025-09-30"]


def test_a_hard_wrapped_duty_over_full_lines_stays_one_task():
    # line 23 ends a sentence and line 24 starts with a capital, but line 23 fills the width:
    # the paragraph goes on (as it does after "Sở" at the end of line 24)
    duty = [["Văn phòng UBND tỉnh chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch, báo cáo",
             "UBND tỉnh kết quả rà soát thủ tục hành chính trước ngày 30/6/2025 và 30/11/2025.",
             "Đồng thời, tham mưu UBND tỉnh sơ kết, đánh giá kết quả thực hiện Kế hoạch; Sở",
             "Tư pháp, Sở Nội vụ phối hợp theo chức năng, nhiệm vụ được giao tại Kế hoạch này."]]
    t = extract_tasks(plan(duty)).set_index("path")
    assert list(t.index[4:]) == ["III+1"]
    assert list(t.loc["III+1", ["line_start", "line_end", "lead"]]) == [22, 25, "Văn phòng UBND tỉnh"]
    assert t.loc["III+1", "text"] == " ".join(duty[0])


def test_the_same_duties_one_line_each_give_the_same_tasks():
    # short, with a header and a signature, the one-line plan also reads as hard-wrapped, but
    # shows no wrapping width: a line that ends a sentence ends its paragraph
    wrapped, one_line = extract_tasks(plan(TWO_DUTIES)), extract_tasks(plan(TWO_DUTIES, wrapped=False))
    cols = ["path", "kind", "section", "text", "lead", "partners", "due"]
    pd.testing.assert_frame_equal(one_line[cols], wrapped[cols])
    assert list(one_line.line_start[-2:]) == [14, 15] and list(one_line.line_end[-2:]) == [14, 15]


def test_the_bundled_hard_wrapped_plan_keeps_its_paragraphs(tasks):
    # Bến Tre's plan is the bundled hard-wrapped one; its line 42 ends "… đến năm 2030;" at the
    # margin and line 43 goes on with "Kế hoạch số 6600/KH-UBND …": still item I.1.b
    bt = tasks[(tasks.doc_id == "bentre_kh_2024") & (tasks.line_start < 162)]
    assert list(zip(bt.path, bt.line_start, bt.line_end, strict=True)) == [
        ("I.1.a", 31, 35), ("I.1.b", 36, 46), ("I.1.c", 47, 54), ("I.1.d", 55, 57), ("I.2.a", 58, 59),
        ("I.2.b", 60, 70), ("I.2.c", 71, 75), ("III.1.a", 76, 79), ("III.1.b", 80, 83), ("III.1.c", 84, 87),
        ("III.1.d", 88, 94), ("III.1.đ", 95, 99), ("III.2", 100, 107), ("III.3", 108, 110),
        ("III.4.a", 111, 118), ("III.4.b", 119, 123), ("III.4.c", 124, 127), ("III.5.a", 128, 131),
        ("III.5.b", 132, 138), ("III.5.c", 139, 144), ("III.5.d", 145, 146), ("III.5.đ", 147, 153)]
    assert tasks.groupby("doc_id").size().to_dict() == {
        "bacgiang_cv_2023": 10, "bacgiang_kh58_2025": 71, "bacninh_kh383_2023": 100, "bentre_kh_2024": 81}


# --- field lines written without their bullet; field blocks shared by sibling items ---------
FIELDS_WITHOUT_BULLETS = """UBND TỈNH X
KẾ HOẠCH
II. NHIỆM VỤ
1. Rà soát, đơn giản hóa thủ tục hành chính nội bộ.
Cơ quan chủ trì: Sở Tư pháp.
Cơ quan phối hợp: Các sở, ngành.
Thời gian hoàn thành: Quý III/2025.
2. Số hóa hồ sơ thủ tục hành chính.
Thời hạn hoàn thành:
Tháng 12/2025.
3. Công khai thủ tục hành chính.
- Thời hạn hoàn thành:
+ Tháng 11/2025."""


def test_field_lines_without_a_bullet_are_fields_of_the_item_above():
    # before, each unbulleted field line was a task of its own (II.1+1 "Cơ quan chủ trì: Sở Tư
    # pháp.") and item 3's block gave items 1 and 2 its deadline
    doc = doc_from(FIELDS_WITHOUT_BULLETS)
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.1", "II.2", "II.3"]
    assert list(t.lead) == ["Sở Tư pháp", "", ""]
    assert list(t.partners) == ["Các sở, ngành", "", ""]
    # a field's name alone on its line takes the next line as its value
    assert list(t.deadline_text) == ["Quý III/2025", "Tháng 12/2025", "Tháng 11/2025"]
    assert list(t.due) == ["2025-09-30", "2025-12-31", "2025-11-30"]
    assert (line_accounting(doc).role != "unaccounted").all()


@pytest.mark.parametrize(
    "sentence",
    [
        "Thời hạn giải quyết thủ tục hành chính được rút ngắn, theo các bước sau: tiếp nhận, xử lý.",
        "Thời hạn giải quyết hồ sơ: không quá 05 ngày làm việc.",
        "Sản phẩm dịch vụ công: được cung cấp trực tuyến toàn trình.",
        "Thời gian thực hiện các thủ tục: bảo đảm đúng quy định.",
    ],
)
def test_a_sentence_that_starts_like_a_field_name_is_not_one(sentence):
    doc = doc_from(f"II. NHIỆM VỤ\n1. Rà soát thủ tục hành chính.\n{sentence}\n")
    t = extract_tasks(doc)
    assert t.deadline_text.tolist() == [""] * len(t) and t["product"].tolist() == [""] * len(t)
    assert sentence in t.text.tolist()


def test_a_duty_of_the_lead_agency_is_not_a_field():
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\nCơ quan chủ trì có trách nhiệm: xây dựng kế hoạch chi tiết, "
                   "báo cáo kết quả trước ngày 15/12/2025.\n")
    t = extract_tasks(doc)
    assert len(t) == 1 and t.due.tolist() == ["2025-12-15"]


def test_a_field_name_alone_takes_the_list_of_values_under_it():
    doc = doc_from(
        "II. NHIỆM VỤ\n1. Rà soát, đơn giản hóa thủ tục hành chính nội bộ.\n- Cơ quan chủ trì: Sở Tư pháp.\n"
        "- Cơ quan phối hợp:\n- Sở Nội vụ;\n- Văn phòng UBND tỉnh.\n- Thời hạn hoàn thành: Tháng 6/2025.\n"
        "2. Số hóa hồ sơ.\n"
    )
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.1", "II.2"]
    assert (t.loc["II.1", "partners"], t.loc["II.1", "due"]) == ("Sở Nội vụ; Văn phòng UBND tỉnh", "2025-06-30")


@pytest.mark.parametrize("bullet", ["", "- "])
def test_a_deadline_given_part_by_part_goes_to_each_part(bullet):
    doc = doc_from(
        "II. NHIỆM VỤ\n1. Nhóm nhiệm vụ\na) Thủ tục hành chính nội bộ\n"
        "(i) Rà soát, công bố các TTHC nội bộ.\n(ii) Thực thi phương án đơn giản hoá.\n"
        f"- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n- Thời hạn hoàn thành:\n"
        f"{bullet}Nội dung (i): Trước ngày 30/4/2025.\n{bullet}Nội dung (ii): Trong Quý III năm 2025.\n"
        "b) Số hóa hồ sơ.\n"
        "(i) Số hóa hồ sơ TTHC nội bộ.\n(ii) Số hóa kết quả giải quyết.\n"
        "- Thời hạn hoàn thành: Nội dung (i) trước ngày 30/6/2025; nội dung (ii) trong năm 2026.\n"
    )
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.1.a.(i)", "II.1.a.(ii)", "II.1.b.(i)", "II.1.b.(ii)"]
    assert list(t.due) == ["2025-04-30", "2025-09-30", "2025-06-30", "2026-12-31"]


def test_a_hard_wrapped_paragraph_ends_before_one_that_starts_with_a_number():
    paragraphs = [
        ["Triển khai kịp thời, đồng bộ, hiệu quả các nhiệm vụ, giải pháp tại Nghị quyết",
         "số 66/NQ-CP; xác định rõ nhiệm vụ, thời hạn và trách nhiệm của từng cơ quan,", "đơn vị."],
        ["100% thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến,",
         "thông suốt, liền mạch, hiệu quả, bảo đảm minh bạch."],
    ]
    doc = plan(paragraphs)
    t = extract_tasks(doc)
    duties = t[t.path.str.startswith("III")]
    assert duties.text.tolist() == [" ".join(p) for p in paragraphs]


def test_a_shared_field_block_is_only_the_sibling_items():
    doc = doc_from(
        "II. NHIỆM VỤ\n1. Nhóm nhiệm vụ về công khai\na) Công khai thủ tục hành chính.\n"
        "b) Niêm yết địa chỉ tiếp nhận phản ánh.\n2. Số hóa hồ sơ thủ tục hành chính.\n"
        "3. Số hóa kết quả giải quyết thủ tục hành chính.\n"
        "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n- Thời hạn hoàn thành: Năm 2025.\n"
    )
    t = extract_tasks(doc).set_index("path")
    # the block after items 2 and 3 is theirs; not 1.a's and 1.b's, items of an earlier branch
    # with none of their own (they had taken it)
    assert list(t.loc[["II.2", "II.3"], "lead"]) == ["Sở Khoa học và Công nghệ"] * 2
    assert list(t.loc[["II.2", "II.3"], "due"]) == ["2025-12-31"] * 2
    assert list(t.loc[["II.1.a", "II.1.b"], "lead"]) == ["", ""]
    assert list(t.loc[["II.1.a", "II.1.b"], "due"]) == ["", ""]


def test_a_field_block_after_an_unnumbered_paragraph_is_that_paragraphs():
    doc = doc_from(
        "II. NHIỆM VỤ\n1. Rà soát thủ tục hành chính.\nIII. TỔ CHỨC THỰC HIỆN\n"
        "Sở Tư pháp chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
        "Thời hạn hoàn thành: Tháng 12/2025.\n"
        "Văn phòng UBND tỉnh tổng hợp, báo cáo kết quả.\n"
        "1. Văn phòng UBND tỉnh:\nTheo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
        "Tổng hợp, báo cáo kết quả thực hiện.\n- Thời hạn: Trước ngày 15/12/2025.\n"
    )
    t = extract_tasks(doc).set_index("path")
    # before, the first deadline went to the heading III (and was lost), and the second to both
    # of the agency's duties
    assert list(t.loc[["III+1", "III+2"], "due"]) == ["2025-12-31", ""]
    assert list(t.loc[["III.1+1", "III.1+2"], "due"]) == ["", "2025-12-15"]
    assert list(t.loc["III+1", ["line_start", "line_end"]]) == [4, 5]  # its field line is its own
    assert list(t.loc[["III.1+1", "III.1+2"], "lead"]) == ["Văn phòng UBND tỉnh"] * 2


def test_a_numbered_heading_ending_in_a_colon_heads_its_paragraphs():
    doc = doc_from(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích:\n"
        "Cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến hoạt động kinh doanh.\n"
        "Nâng cao chất lượng phục vụ người dân, doanh nghiệp.\n2. Yêu cầu:\n"
        "Bám sát nội dung Nghị quyết số 66/NQ-CP.\nII. NHIỆM VỤ\n1. Rà soát thủ tục hành chính.\n"
    )
    t = extract_tasks(doc).set_index("path")
    # before, "Mục đích:" and "Yêu cầu:" were objectives of their own, with nothing to do
    assert list(t.index) == ["I.1+1", "I.1+2", "I.2", "II.1"]
    assert t.loc["I.2", "text"] == "Yêu cầu: Bám sát nội dung Nghị quyết số 66/NQ-CP."
    acc = line_accounting(doc).set_index("line")
    assert acc.loc[2, "role"] == "heading"


# --- other provinces' layouts: one-line pipe tables, "Chủ trì: …; phối hợp: …; thời hạn: …" -
PIPE_TABLE_PLAN = """ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ
KẾ HOẠCH
II. NHIỆM VỤ CỤ THỂ
(Chi tiết theo bảng phân công dưới đây)

| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|----|----|----|----|----|----|
| I | Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh | | | | |
| 1 | Thống kê TTHC về kinh doanh | Sở, ban, ngành thành phố | Văn phòng UBND thành phố | Trước 30/4/2025 | Báo cáo |
| 2 | Rà soát điều kiện kinh doanh | Sở Tài chính | Các sở, ngành | 6 tháng đầu năm 2026 | Báo cáo |
| II | Thực hiện TTHC trên môi trường điện tử | | | | |
| 1 | Số hóa hồ sơ, kết quả giải quyết | Trung tâm Phục vụ hành chính công | Sở, ngành | Thường xuyên | 100% hồ sơ |
III. TỔ CHỨC THỰC HIỆN
Văn phòng UBND thành phố theo dõi, đôn đốc, tổng hợp báo cáo kết quả thực hiện."""


def test_a_table_written_one_row_a_line_between_pipes_is_read_like_a_tab_separated_one():
    # before, the whole table was one task (II+1) and 3 tasks were lost, with no warning
    doc = doc_from(PIPE_TABLE_PLAN)
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.I.1", "II.I.2", "II.II.1", "III+1"]
    assert list(t.lead[:3]) == ["Sở, ban, ngành thành phố", "Sở Tài chính",
                                "Trung tâm Phục vụ hành chính công"]
    assert list(t.due[:3]) == ["2025-04-30", "2026-06-30", ""]
    assert t.loc["II.II.1", "recurring"] and t.loc["II.II.1", "product"] == "100% hồ sơ"
    acc = line_accounting(doc).set_index("line").role
    # the pointer to the table is a note, the rule under the header a table rule
    assert (acc[4], acc[6], acc[7]) == ("note", "table_header", "table_rule")
    assert (acc != "unaccounted").all()


QN_FIELDS = """II. NHIỆM VỤ
3. Rà soát, đề xuất bãi bỏ, đơn giản hóa điều kiện đầu tư kinh doanh không
cần thiết, không hợp lý; bãi bỏ điều kiện kinh doanh đối với ngành, nghề
không thuộc danh mục ngành, nghề đầu tư kinh doanh có điều kiện.
Chủ trì: Sở Tài chính; phối hợp: các sở, ban, ngành liên quan; thời hạn:
Quý III/2025.
5. Công bố, công khai và rà soát, đơn giản hóa TTHC nội bộ giữa các cơ quan
hành chính nhà nước và trong từng cơ quan hành chính nhà nước; thực hiện
2
quản trị nội bộ trên môi trường điện tử theo Nghị định số 137/2024/NĐ-CP.
Chủ trì: Văn phòng UBND tỉnh; phối hợp: các sở, ban, ngành, UBND các địa
phương; thời hạn: công bố trước ngày 30/4/2025, thực thi phương án trong
Quý III/2025.
7. Triển khai tiếp nhận, giải quyết và trả kết quả TTHC không phụ thuộc vào
địa giới hành chính trong phạm vi tỉnh tại Bộ phận Một cửa bất kỳ; giao Bưu
điện tỉnh thực hiện một số khâu trong hướng dẫn, tiếp nhận, số hóa hồ sơ.
Chủ trì: Trung tâm Phục vụ hành chính công tỉnh; phối hợp: Sở Khoa học và
Công nghệ, Bưu điện tỉnh; thời hạn: Quý II/2025.
III. TỔ CHỨC THỰC HIỆN
Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch này."""


def test_one_line_of_short_fields_wrapped_over_lines_gives_lead_partners_and_deadline():
    # a Quảng Ninh-style plan, hard-wrapped: before, leads and partners were blank, and
    # "Quý III/2025." was a task of its own
    doc = doc_from(QN_FIELDS)
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.3", "II.5", "II.7", "III+1"]
    assert list(t.lead[:3]) == ["Sở Tài chính", "Văn phòng UBND tỉnh", "Trung tâm Phục vụ hành chính công tỉnh"]
    assert list(t.partners[:3]) == ["các sở, ban, ngành liên quan", "các sở, ban, ngành, UBND các địa phương",
                                    "Sở Khoa học và Công nghệ, Bưu điện tỉnh"]
    assert list(t.deadline_text[:3]) == [
        "Quý III/2025", "công bố trước ngày 30/4/2025, thực thi phương án trong Quý III/2025", "Quý II/2025"]
    # the later step is the deadline; the page number "2" is not part of the text
    assert list(t.due[:3]) == ["2025-09-30", "2025-09-30", "2025-06-30"]
    assert "thực hiện quản trị nội bộ" in t.loc["II.5", "text"]
    acc = line_accounting(doc).set_index("line").role
    assert acc[9] == "boilerplate" and (acc != "unaccounted").all()


def test_a_duty_starting_chu_tri_is_not_a_field():
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp:\n"
                   "Chủ trì, phối hợp với các sở, ngành rà soát các quy định thủ tục hành chính.\n")
    t = extract_tasks(doc)
    assert t.text.tolist() == ["Chủ trì, phối hợp với các sở, ngành rà soát các quy định thủ tục hành chính."]
    assert t.lead.tolist() == ["Sở Tư pháp"]


def test_partners_named_after_the_lead_in_brackets():
    doc = doc_from("II. NHIỆM VỤ\n1. Rà soát điều kiện kinh doanh (Sở Tài chính chủ trì; các sở, ngành phối hợp; "
                   "thời hạn: tháng 12/2025).\n")
    t = extract_tasks(doc)
    assert (t.lead[0], t.partners[0], t.due[0]) == ("Sở Tài chính", "các sở, ngành", "2025-12-31")


PORTAL_END = """III. TỔ CHỨC THỰC HIỆN
1. Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Trần Minh Khoa
Tệp đính kèm: 145-KH-UBND.pdf
Chia sẻ: Facebook Zalo Email
Tin cùng chuyên mục
Kế hoạch cải cách hành chính năm 2025 của tỉnh Đồng Nai (10/01/2025)
Đang online: 312
Địa chỉ: Số 2 Nguyễn Văn Trị, phường Thanh Bình, thành phố Biên Hòa, tỉnh Đồng Nai
PHỤ LỤC
Danh mục nhiệm vụ trọng tâm
1. Rà soát thủ tục hành chính nội bộ.
"""


def test_the_page_around_a_signed_plan_is_not_its_text():
    # a portal's copy: "(Đã ký)" and the signer close the plan; attachments, related news and the
    # visitor counter after them had become one duty of 6 lines
    doc = doc_from(PORTAL_END)
    t = extract_tasks(doc)
    assert t.text.tolist() == ["Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch.",
                               "Rà soát thủ tục hành chính nội bộ."]
    roles = line_accounting(doc).set_index("line").role
    assert list(roles.loc[3:6]) == ["signature"] * 4
    assert set(roles.loc[7:12]) == {"boilerplate"}
    # an appendix after the signature is the plan's again
    assert roles.loc[15] == "task"


def test_a_field_block_is_not_shared_with_an_item_that_says_who_leads_it_and_by_when():
    doc = doc_from(
        "II. NHIỆM VỤ\n"
        "3. Văn phòng UBND thành phố tổng hợp, trình phê duyệt phương án trước ngày 30/6/2025.\n"
        "4. Sở Tài chính chủ trì rà soát điều kiện đầu tư kinh doanh; hoàn thành trong Quý III/2025.\n"
        "5. Công bố, công khai đầy đủ TTHC nội bộ trên Cơ sở dữ liệu quốc gia.\n"
        "- Cơ quan thực hiện: Các sở, ban, ngành; UBND các quận, huyện.\n"
        "- Thời hạn hoàn thành: trước ngày 31/5/2025.\n"
    )
    t = extract_tasks(doc).set_index("path")
    # before, items 3 and 4 took item 5's lead and deadline_text, against their own due
    assert list(t.lead) == ["Văn phòng UBND thành phố", "Sở Tài chính", "Các sở, ban, ngành; UBND các quận, huyện"]
    assert list(t.deadline_text) == ["trước ngày 30/6/2025", "hoàn thành trong Quý III/2025", "trước ngày 31/5/2025"]
    assert list(t.due) == ["2025-06-30", "2025-09-30", "2025-05-31"]


@pytest.mark.parametrize(
    "bracket, lead, deadline, due",
    [
        ("(thời hạn: Quý III/2025)", "", "Quý III/2025", "2025-09-30"),
        ("(các sở, ban, ngành tỉnh, UBND các xã thực hiện; thời hạn: Năm 2026)",
         "các sở, ban, ngành tỉnh, UBND các xã", "Năm 2026", "2026-12-31"),
        ("(các sở, ban, ngành, UBND các quận, huyện thực hiện; thường xuyên)",
         "các sở, ban, ngành, UBND các quận, huyện", "thường xuyên", ""),
    ],
)
def test_brackets_that_name_who_carries_a_task_out_or_only_when(bracket, lead, deadline, due):
    t = extract_tasks(doc_from(f"II. NHIỆM VỤ\n1. Số hóa hồ sơ, kết quả giải quyết TTHC {bracket}.\n"))
    assert (t.lead[0], t.deadline_text[0], t.due[0]) == (lead, deadline, due)


def test_the_standing_request_to_report_difficulties_closes_the_plan():
    # every plan ends with it; as a duty it matched every other plan's (p 0.94-0.98)
    closing = ("Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời "
               "báo cáo về Văn phòng UBND tỉnh để tổng hợp, trình UBND tỉnh xem xét, giải quyết./.")
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp:\nRà soát các quy định thủ tục hành chính.\n" + closing)
    t = extract_tasks(doc)
    assert t.text.tolist() == ["Rà soát các quy định thủ tục hành chính."]
    assert line_accounting(doc).set_index("line").role.loc[4] == "closing"
    # numbered, it is one of the plan's duties
    numbered = doc_from("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp rà soát các quy định.\n2. " + closing)
    assert len(extract_tasks(numbered)) == 2


def test_a_sentence_after_an_items_points_that_says_who_does_it_is_their_lead():
    doc = doc_from(
        "II. NHIỆM VỤ\n1. Nhóm nhiệm vụ\n"
        "c) Đào tạo, tập huấn cho cán bộ, công chức cấp xã về nghiệp vụ tiếp nhận, số hóa hồ sơ:\n"
        "- Tổ chức ít nhất 02 lớp tập huấn cho công chức cấp xã trong tháng 12/2025;\n"
        "- Tập huấn định kỳ hằng quý trong năm 2026.\n"
        "Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ thực hiện.\n"
        "2. Số hóa hồ sơ.\n"
    )
    t = extract_tasks(doc).set_index("path")
    # before, the sentence was a task of its own (II.1.c+3) and the points had no lead
    assert list(t.index) == ["II.1.c+1", "II.1.c+2", "II.2"]
    assert list(t.lead) == ["Sở Nội vụ", "Sở Nội vụ", ""]
    assert t.loc["II.1.c+1", "partners"] == "Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ"
    assert (line_accounting(doc).role != "unaccounted").all()


def test_a_sentence_under_an_item_that_names_no_agency_says_who_does_it_and_by_when():
    """Quảng Bình (walkthrough 19f): "Giao X chủ trì, phối hợp với Y triển khai, hoàn thành trước
    …" on its own line under an item that names no agency is the item's lead, partners and
    deadline (it had been a task "+1" of its own, and the item had none); under an item that
    names its own agency it stays a task."""
    doc = doc_from(
        "II. NHIỆM VỤ\n"
        "1. Thực hiện tiếp nhận, giải quyết TTHC không phụ thuộc vào địa giới hành chính.\n"
        "Giao Trung tâm Phục vụ hành chính công tỉnh chủ trì, phối hợp với các sở, ban, ngành triển khai, "
        "hoàn thành trước ngày 31/5/2025.\n"
        "2. Rà soát quy định TTHC.\n"
        "Giao Sở Tư pháp chủ trì thực hiện.\n"
        "Chủ trì: Văn phòng UBND tỉnh.\n"
        "3. Sở Nội vụ bố trí công chức tại Bộ phận Một cửa.\n"
        "Giao Sở Tài chính chủ trì thực hiện trước ngày 30/9/2025.\n"
    )
    t = extract_tasks(doc).set_index("path")
    assert list(t.index) == ["II.1", "II.2", "II.3", "II.3+1"]
    assert t.loc["II.1", ["lead", "partners", "due"]].tolist() == [
        "Trung tâm Phục vụ hành chính công tỉnh", "các sở, ban, ngành", "2025-05-31"]
    # (a block after it is not item 1's, nor item 2's twice)
    assert t.loc["II.2", "lead"] == "Sở Tư pháp; Văn phòng UBND tỉnh"
    assert t.loc["II.3", "lead"] == "Sở Nội vụ" and t.loc["II.3+1", "lead"] == "Sở Tài chính"
    assert (line_accounting(doc).role != "unaccounted").all()


@pytest.mark.parametrize(("line", "lead", "implementers", "deadline"), [
    # (implementers alone lead, as "Cơ quan thực hiện:" alone does)
    ("Thực hiện: Các sở, ban, ngành; UBND cấp xã. Thời gian: thường xuyên.", "Các sở, ban, ngành; UBND cấp xã", "",
     "thường xuyên"),
    ("- Chủ trì: Sở Tư pháp; thực hiện: UBND cấp xã", "Sở Tư pháp", "UBND cấp xã", ""),
])
def test_thuc_hien_before_a_colon_names_who_does_the_work(line, lead, implementers, deadline):
    """"Thực hiện:" (and "…; thực hiện: …" after another field) names who does the item's work;
    before, the first was a task of its own and the second was read as a deadline."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Bảo đảm tỷ lệ hồ sơ đúng hạn đạt 98%.\n" + line + "\n"))
    assert t[["lead", "implementers", "deadline_text"]].values.tolist() == [[lead, implementers, deadline]]


def test_agencies_a_plan_writes_cut_at_a_line_break_or_abbreviated_lead_their_tasks():
    """Walkthrough 20c (Khánh Hòa): a field's name cut after "và" goes on in capitals on the next
    line (it had ended at "Sở Khoa học và", and "Công nghệ, …" was a task taking the deadline);
    "BHXH tỉnh chủ trì …" leads its task (no lead before); "Chủ tịch UBND cấp xã trực tiếp chỉ đạo
    …" under an agencies' heading is the commune's (it had taken the heading's bodies)."""
    t = extract_tasks(doc_from(
        "II. NHIỆM VỤ\n4. Truyền thông\na) Tuyên truyền về cải cách TTHC.\n- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n"
        "- Cơ quan phối hợp: Báo và Phát thanh, Truyền hình Khánh Hòa, Sở Khoa học và\n"
        "Công nghệ, các cơ quan báo chí trên địa bàn tỉnh.\n- Thời gian thực hiện: Thường xuyên.\n"
        "b) BHXH tỉnh chủ trì thực hiện thanh toán không dùng tiền mặt.\n"
        "7. Các sở, ban, ngành tỉnh, UBND các xã, phường, đặc khu:\na) Rà soát TTHC.\n"
        "b) Chủ tịch UBND cấp xã trực tiếp chỉ đạo việc tiếp nhận hồ sơ.\n")).set_index("path")
    assert list(t.index) == ["II.4.a", "II.4.b", "II.7.a", "II.7.b"]
    assert t.loc["II.4.a", "partners"].endswith("Sở Khoa học và Công nghệ, các cơ quan báo chí trên địa bàn tỉnh")
    assert t.loc["II.4.a", "deadline_text"] == "Thường xuyên"
    assert t.lead.tolist()[1:] == ["BHXH tỉnh", "Các sở, ban, ngành tỉnh, UBND các xã, phường, đặc khu",
                                   "Chủ tịch UBND cấp xã"]


def test_an_items_line_cut_inside_an_agencys_name_goes_on():
    """Walkthrough 20c: "15. Sở Nông nghiệp và" / "Môi trường chủ trì …" is one item led by the whole
    name (the first line had been a title with lead "Sở Nông nghiệp và", the text without it), and
    so is "… phối hợp với Văn phòng" / "UBND tỉnh …" (the partner had been lost)."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n15. Sở Nông nghiệp và\nMôi trường chủ trì rà soát thủ tục đất đai.\n"
                               "16. Giao Sở Tư pháp chủ trì, phối hợp với Văn phòng\nUBND tỉnh rà soát TTHC.\n"))
    assert t[["text", "lead", "partners"]].values.tolist() == [
        ["Sở Nông nghiệp và Môi trường chủ trì rà soát thủ tục đất đai.", "Sở Nông nghiệp và Môi trường", ""],
        ["Giao Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh rà soát TTHC.", "Sở Tư pháp",
         "Văn phòng UBND tỉnh"]]


def test_a_task_with_no_text_is_a_warning_on_its_document():
    doc = doc_from("STT\tNội dung\tCơ quan chủ trì\tThời gian\n1\t\tSở Tư pháp\tQuý II/2025\n"
                   "2\tRà soát thủ tục\tSở Nội vụ\tQuý III/2025")
    assert extract_tasks(doc).text.tolist() == ["", "Rà soát thủ tục"]  # kept: nothing dropped silently
    assert [w for w in document_warnings(doc) if "no text" in w] == [
        "1 task(s) with no text (lines 2): check how the table or list there was read"]


@pytest.mark.parametrize(
    "text, paths",
    [
        # a decision signed, then the plan it issues: "KẾ HOẠCH" is not the signer's name
        ("QUYẾT ĐỊNH\nĐiều 1. Ban hành Kế hoạch.\nCHỦ TỊCH\n(Đã ký)\nKẾ HOẠCH\nCải cách thủ tục hành chính\n"
         "I. MỤC ĐÍCH\n1. Rà soát thủ tục.\nII. NHIỆM VỤ\n1. Số hóa hồ sơ.", ["I.1", "II.1"]),
        # an appendix right after "(Đã ký)"
        ("II. NHIỆM VỤ\n1. Rà soát.\nCHỦ TỊCH\n(Đã ký)\nPHỤ LỤC I\nCác nhiệm vụ trọng tâm năm 2025\n"
         "1. Công khai TTHC.\n2. Số hóa hồ sơ.", ["II.1", "PLI.1", "PLI.2"]),
        # a signature block the scrape put in the middle: the sections after it are the plan's
        ("I. MỤC ĐÍCH\n1. Rà soát.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\nII. NHIỆM VỤ\n1. Số hóa hồ sơ.\n"
         "2. Công khai TTHC.", ["I.1", "II.1", "II.2"]),
    ],
)
def test_what_a_plan_goes_on_with_after_a_signature_is_kept(text, paths):
    assert extract_tasks(doc_from(text)).path.tolist() == paths


def test_the_request_to_report_difficulties_ends_with_its_sentence():
    duties = [["Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời",
               "báo cáo về Văn phòng UBND tỉnh để tổng hợp, trình UBND tỉnh xem xét."],
              ["Giao Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này,",
               "định kỳ báo cáo UBND tỉnh."]]
    t = extract_tasks(plan(duties))
    assert t[t.path.str.startswith("III")].text.tolist() == [" ".join(duties[1])]
    # one that assigns the work is a duty
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\nTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, Sở Nội vụ "
                   "chủ trì tham mưu UBND tỉnh sửa đổi Kế hoạch.")
    assert extract_tasks(doc).lead.tolist() == ["Sở Nội vụ"]


def test_a_duty_that_names_its_lead_and_partners_is_not_an_assignment_sentence():
    doc = doc_from("II. NHIỆM VỤ\n1. Cắt giảm TTHC\nRà soát các thủ tục hành chính.\n"
                   "Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát, đề xuất bãi bỏ điều kiện kinh doanh.")
    t = extract_tasks(doc)
    assert len(t) == 2 and t.lead.tolist() == ["", "Sở Tài chính"]


def test_an_agency_heading_after_de_nghi_or_giao_leads_its_duties():
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\n6. Đề nghị Báo và Phát thanh, Truyền hình Quảng Ninh:\n"
                   "Phối hợp tuyên truyền về kết quả cắt giảm TTHC.\n7. Giao Sở Nội vụ:\n"
                   "Tham mưu kiện toàn đội ngũ công chức đầu mối.")
    t = extract_tasks(doc)
    assert t.lead.tolist() == ["Báo và Phát thanh, Truyền hình Quảng Ninh", "Sở Nội vụ"]
    assert t.text.tolist() == ["Phối hợp tuyên truyền về kết quả cắt giảm TTHC.",
                               "Tham mưu kiện toàn đội ngũ công chức đầu mối."]


def test_brackets_with_thoi_han_thuc_hien_and_partners_before_thuc_hien():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát (Văn phòng UBND tỉnh chủ trì; thời hạn thực hiện: "
                               "Quý IV/2025).\n2. Công khai (Sở Nội vụ chủ trì, phối hợp Văn phòng UBND tỉnh "
                               "thực hiện)."))
    assert t.due.tolist() == ["2025-12-31", ""] and t.partners.tolist() == ["", "Văn phòng UBND tỉnh"]


# --- more provinces' layouts: công văn by agency, "Phần I", Markdown, tables from PDF ---------
CONG_VAN_BY_AGENCY = """ỦY BAN NHÂN DÂN
THÀNH PHỐ ĐÀ NẴNG
Số: 1876/UBND-KSTTHC
V/v triển khai thực hiện Nghị quyết số 66/NQ-CP
Kính gửi:
- Các sở, ban, ngành thành phố;
- UBND các quận, huyện.

Chủ tịch UBND thành phố có ý kiến chỉ đạo như sau:

1. Sở Tài chính:
- Chủ trì rà soát, đề xuất cắt giảm điều kiện đầu tư kinh doanh; hoàn thành trước ngày 30/6/2025.
- Tham mưu bố trí kinh phí trong dự toán ngân sách hằng năm.

2. Sở Tư pháp:
- Kiểm soát chặt chẽ việc quy định TTHC trong dự thảo văn bản quy phạm pháp luật do HĐND, UBND thành phố ban hành.

3. Các sở, ban, ngành; UBND các quận, huyện:
- Báo cáo kết quả thực hiện định kỳ hằng tháng, gửi Văn phòng UBND thành phố trước ngày 20 hằng tháng."""


def test_in_a_cong_van_each_agency_heading_leads_its_items_not_the_addressees():
    t = extract_tasks(doc_from(CONG_VAN_BY_AGENCY, doc_type="công văn"))
    assert t.lead.tolist() == ["Sở Tài chính", "Sở Tài chính", "Sở Tư pháp", "Các sở, ban, ngành; UBND các quận, huyện"]
    assert t.due.tolist()[0] == "2025-06-30"


@pytest.mark.parametrize("verb", ["Báo cáo kết quả", "Ban hành quy chế", "Phòng, chống"])
def test_a_verb_that_begins_like_an_agency_is_no_lead(verb):
    t = extract_tasks(doc_from(f"II. NHIỆM VỤ\n1. {verb} phối hợp thực hiện việc cắt giảm TTHC."))
    assert t.lead.tolist() == [""]


@pytest.mark.parametrize(
    "last, closing",
    [
        ("Yêu cầu Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các quận, huyện nghiêm túc triển khai thực hiện./.",
         True),
        ("Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện.", True),
        ("Yêu cầu các sở, ngành khẩn trương triển khai thực hiện Công văn này.", True),
        ("Yêu cầu các sở, ban, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao nghiêm túc triển khai thực "
         "hiện./.", True),
        ("Yêu cầu các cơ quan chuyên môn, cơ quan tham mưu, giúp việc UBND tỉnh nghiêm túc thực hiện./.", True),
        ("Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện nghiêm túc triển khai thực hiện./.",
         True),
        # walkthroughs 11a and 11b: a portal article's last sentence, a letter's from the Văn phòng
        ("UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai, bảo đảm tiến độ, chất lượng các "
         "nhiệm vụ được giao.", True),
        ("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.", True),
        ("Văn phòng UBND tỉnh thông báo ý kiến chỉ đạo của Chủ tịch UBND tỉnh để các cơ quan, đơn vị biết, thực "
         "hiện./.", True),
        # a request that asks for work is a task
        ("Đề nghị Sở Tài chính quan tâm bố trí kinh phí thực hiện.", False),
        ("Sở Tư pháp thông báo kết quả rà soát để các cơ quan biết, cập nhật vào Cơ sở dữ liệu quốc gia.", False),
        ("Yêu cầu Sở Tư pháp nghiêm túc thực hiện việc rà soát văn bản.", False),
        ("Yêu cầu các sở, ban, ngành căn cứ nhiệm vụ được giao xây dựng kế hoạch cụ thể, nghiêm túc triển khai "
         "thực hiện.", False),
        # a line that goes on is the first line of a wrapped task
        ("Yêu cầu các sở, ban, ngành khẩn trương triển khai thực hiện\nviệc rà soát TTHC, báo cáo kết quả về Sở Tư "
         "pháp trước ngày 30/6/2025.", False),
    ],
)
def test_the_closing_exhortation_of_a_letter_is_no_task(last, closing):
    doc = doc_from(CONG_VAN_BY_AGENCY + "\n\n" + last, doc_type="công văn")
    t = extract_tasks(doc)
    assert (" ".join(last.split("\n")) not in t.text.tolist()) is closing and len(t) == 4 + (not closing)
    roles = line_accounting(doc).set_index("line").role
    assert (roles[len(doc.lines)] == "closing") is closing


PLAN_IN_PARTS = """KẾ HOẠCH
Triển khai thực hiện Nghị quyết số 66/NQ-CP

Phần I
MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU
1. Mục tiêu đến hết năm 2025
- Bãi bỏ ít nhất 30% điều kiện kinh doanh không cần thiết.

Phần II
NHIỆM VỤ, GIẢI PHÁP

Nhiệm vụ 1: Rà soát, thống kê đầy đủ TTHC liên quan đến hoạt động kinh doanh.
Đơn vị chủ trì: Các sở, ban, ngành Thành phố.
Đơn vị phối hợp: Văn phòng UBND Thành phố; Sở Tư pháp.
Thời gian hoàn thành: trước ngày 30/6/2025.

Nhiệm vụ 2: Tổng hợp, đánh giá kết quả cắt giảm TTHC.
Đơn vị chủ trì: Văn phòng UBND Thành phố.
Thời gian hoàn thành: Quý III năm 2025.

PHẦN III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch."""


def test_parts_named_phan_and_tasks_named_nhiem_vu_are_numbering():
    t = extract_tasks(doc_from(PLAN_IN_PARTS))
    assert t.path.tolist() == ["I.1", "II.1", "II.2", "III.1"]
    assert t.kind.tolist() == ["objective", "task", "task", "duty"]
    assert t.section.tolist()[1] == "NHIỆM VỤ, GIẢI PHÁP"
    assert t.text.tolist()[1] == "Rà soát, thống kê đầy đủ TTHC liên quan đến hoạt động kinh doanh."
    # each task keeps its own fields, and the objective none of them
    assert t.lead.tolist() == ["", "Các sở, ban, ngành Thành phố", "Văn phòng UBND Thành phố", "Sở Tài chính"]
    assert t.partners.tolist() == ["", "Văn phòng UBND Thành phố; Sở Tư pháp", "", ""]
    assert t.due.tolist() == ["", "2025-06-30", "2025-09-30", ""]
    roles = line_accounting(doc_from(PLAN_IN_PARTS)).set_index("line").role
    assert roles[4] == roles[5] == "heading"


def test_phan_in_a_sentence_is_no_part():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát TTHC.\nPhần I của Kế hoạch này do Sở Nội vụ theo dõi."))
    assert t.path.tolist() == ["II.1", "II.1+1"]  # a paragraph of item 1, not a part I


@pytest.mark.parametrize(
    "item, deadline, due",
    [
        ("Tham mưu phê duyệt phương án (Thời gian: Quý III năm 2025).", "Quý III năm 2025", "2025-09-30"),
        ("Hướng dẫn số hóa hồ sơ. Thời gian: Thường xuyên.", "Thường xuyên", ""),
        ("Rà soát TTHC nội bộ; thời hạn hoàn thành: Quý IV/2025.", "Quý IV/2025", "2025-12-31"),
    ],
)
def test_a_deadline_labelled_thoi_gian_or_in_lower_case_inside_the_text(item, deadline, due):
    t = extract_tasks(doc_from(f"II. NHIỆM VỤ\n1. Văn phòng UBND tỉnh\na) {item}"))
    assert (t.deadline_text.iloc[0], t.due.iloc[0]) == (deadline, due)


def test_table_groups_lettered_a_b_head_their_rows_and_an_introducing_paragraph_is_no_task():
    doc = doc_from("III. NHIỆM VỤ, GIẢI PHÁP\n3. Dịch vụ công trực tuyến và số hóa\n"
                   "Các nhiệm vụ cụ thể được phân công tại Bảng dưới đây:\n"
                   "STT\tNội dung nhiệm vụ\tChủ trì\tPhối hợp\tThời hạn\n"
                   "A\tDịch vụ công trực tuyến\t\t\t\n"
                   "1\tTái cấu trúc quy trình TTHC\tSở Khoa học và Công nghệ\tCác sở, ban, ngành\tQuý II/2025\n"
                   "B\tSố hóa hồ sơ\t\t\t\n"
                   "2\tSố hóa kết quả giải quyết TTHC\tVăn phòng UBND tỉnh\t\tThường xuyên")
    t = extract_tasks(doc)
    assert t.path.tolist() == ["III.3.A.1", "III.3.B.2"]
    assert t.section.tolist() == ["Dịch vụ công trực tuyến", "Số hóa hồ sơ"]
    assert t.lead.tolist() == ["Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh"]
    roles = line_accounting(doc).set_index("line").role
    assert roles[2] == roles[3] == roles[5] == roles[7] == "heading"


def test_a_portal_pages_tail_after_the_plan_is_boilerplate_until_the_plan_goes_on():
    tail = ["Tác giả: Minh Thư", "Nguồn: Văn phòng UBND tỉnh", "Chia sẻ: Facebook Zalo In bài", "Tin liên quan",
            "Hướng dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia (05/04/2025)", "Liên kết",
            "Ghi rõ nguồn khi phát hành lại thông tin từ website này."]
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
            + "\n".join(tail))
    doc = doc_from(text)
    assert extract_tasks(doc).path.tolist() == ["IV.1"]
    assert set(line_accounting(doc).role.iloc[2:]) == {"boilerplate"}
    # an appendix after it is the plan again; a field named "Nguồn kinh phí:" is no tail
    more = doc_from(text + "\nPHỤ LỤC\n1. Rà soát TTHC nội bộ.")
    assert extract_tasks(more).path.tolist() == ["IV.1", "PL.1"]
    funds = doc_from("II. NHIỆM VỤ\n1. Số hóa hồ sơ.\nNguồn kinh phí: ngân sách tỉnh.\n2. Công khai TTHC.")
    assert "II.2" in extract_tasks(funds).path.tolist()


def test_a_shared_deadline_is_not_for_an_item_that_says_its_own_timing():
    doc = doc_from("II. NHIỆM VỤ\n4. Các sở, ban, ngành thuộc tỉnh:\n"
                   "a) Công bố, công khai TTHC; thời gian thực hiện: Thường xuyên.\n"
                   "b) Tự đánh giá chất lượng giải quyết TTHC hằng năm.\n"
                   "c) Triển khai các phương án cắt giảm TTHC đã được phê duyệt.\n"
                   "Thời gian thực hiện: năm 2025-2026.")
    t = extract_tasks(doc)
    assert t.deadline_text.tolist() == ["Thường xuyên", "hằng năm", "năm 2025-2026"]
    assert t.due.tolist() == ["", "", "2026-12-31"]


def test_a_letters_signature_beside_its_recipients_and_the_long_closing_request():
    doc = doc_from("1. Giao Sở Tư pháp thẩm định quy định về TTHC; báo cáo kết quả trước 31/10.\n\n"
                   "Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện; trong quá trình thực "
                   "hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh (qua Văn phòng UBND tỉnh) để được "
                   "hướng dẫn, xử lý./.\n\n"
                   "Nơi nhận:                                                  KT. CHỦ TỊCH\n"
                   "- Như trên;                                                PHÓ CHỦ TỊCH\n"
                   "- Lưu: VT, KSTT.\n\n"
                   "                                                           Trần Hòa Nam", doc_type="công văn")
    t = extract_tasks(doc)
    assert t.path.tolist() == ["1"] and t.lead.tolist() == ["Sở Tư pháp"]
    assert t.due.tolist() == ["2025-10-31"]  # a day without its year is of the plan's year
    roles = line_accounting(doc).set_index("line").role
    assert roles[3] == "closing" and roles[9] == "signature"


@pytest.mark.parametrize("verb", ["kết nối, khai thác", "chia sẻ", "tích hợp", "hỗ trợ", "đào tạo, bồi dưỡng"])
def test_the_partners_end_where_the_work_begins(verb):
    t = extract_tasks(doc_from(f"II. NHIỆM VỤ\n6. Đề nghị Công an tỉnh chủ trì, phối hợp với Sở Khoa học và Công nghệ "
                               f"{verb} dữ liệu dân cư phục vụ giải quyết TTHC."))
    assert (t.lead.iloc[0], t.partners.iloc[0]) == ("Công an tỉnh", "Sở Khoa học và Công nghệ")


HARD_WRAPPED_HEADINGS = """III. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát, cắt giảm TTHC và điều kiện kinh doanh
a) Rà soát, thống kê TTHC, điều kiện kinh doanh thuộc phạm vi quản lý; đề
xuất phương án cắt giảm, đơn giản hóa gửi Văn phòng UBND tỉnh tổng hợp.
- Cơ quan chủ trì: Các sở, ban, ngành cấp tỉnh.
- Thời hạn hoàn thành: trước ngày 15/6/2025.
b) Tổng hợp, trình Chủ tịch UBND tỉnh phê duyệt phương án cắt giảm, đơn
giản hóa TTHC nội bộ giữa các cơ quan hành chính nhà nước trên địa bàn tỉnh.
- Cơ quan chủ trì: Văn phòng UBND tỉnh.
c) Công bố, công khai đầy đủ TTHC nội bộ trên Cơ sở dữ liệu quốc gia về thủ
tục hành chính theo quy định; hoàn thành trước ngày 30/9/2025, bảo đảm chất
lượng và tiến độ đề ra.
2. Thực hiện TTHC không phụ thuộc vào địa giới hành chính
Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Khoa học và Công nghệ, Bưu
điện tỉnh hướng dẫn tổ chức tiếp nhận hồ sơ, trả kết quả giải quyết TTHC không
phụ thuộc vào địa giới hành chính trong phạm vi tỉnh; hoàn thành trong tháng
6/2025."""


def test_in_hard_wrapped_text_a_short_heading_title_ends_before_its_paragraph():
    t = extract_tasks(doc_from(HARD_WRAPPED_HEADINGS)).set_index("path")
    assert t.loc["III.2", "lead"] == "Văn phòng UBND tỉnh"
    assert t.loc["III.2", "text"].startswith("Thực hiện TTHC không phụ thuộc vào địa giới hành chính: Văn phòng")
    assert t.loc["III.2", "due"] == "2025-06-30"


def test_a_single_nguon_line_inside_a_plan_is_no_page_tail():
    doc = doc_from("II. NHIỆM VỤ\n1. Hạ tầng số\na) Nâng cấp Trung tâm dữ liệu tỉnh.\n"
                   "Cơ quan chủ trì: Sở Khoa học và Công nghệ.\nNguồn: ngân sách tỉnh.\n"
                   "b) Triển khai mạng truyền số liệu chuyên dùng đến cấp xã.\nThời hạn: Quý III/2025.\n"
                   "Nguồn: ngân sách tỉnh và nguồn xã hội hóa.\nc) Số hóa hồ sơ, kết quả giải quyết TTHC.")
    t = extract_tasks(doc).set_index("path")
    assert {"II.1.b", "II.1.c"} <= set(t.index) and t.loc["II.1.b", "due"] == "2025-09-30"
    assert "boilerplate" not in set(line_accounting(doc).role)


@pytest.mark.parametrize("tail", [["Tin liên quan", "- Tỉnh X triển khai chuyển đổi số năm 2025"],
                                  ["Các tin khác", "Sở Tư pháp tổ chức hội nghị tập huấn"],
                                  ["Nguồn: Văn phòng UBND tỉnh", "", "Tỉnh X đẩy mạnh cải cách thủ tục hành chính"],
                                  ["Tác giả: Minh Thư", "Các sở, ngành triển khai thực hiện chuyển đổi số."],
                                  # walkthroughs 11a, 11b: an article's author and its link, an attachment
                                  ["Minh Anh", "Xem toàn văn Kế hoạch số 312/KH-UBND tại đây"],
                                  ["Tệp đính kèm: 168-KH-UBND.pdf"]])
def test_one_unambiguous_tail_marker_begins_a_page_tail(tail):
    plan = "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
    doc = doc_from(plan + "\n".join(tail))
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    assert "unaccounted" not in line_accounting(doc).role.tolist()


def test_a_day_without_its_year_before_the_plans_date_is_next_years():
    doc = doc_from("I. NHIỆM VỤ\n1. Các sở, ngành rà soát TTHC, báo cáo kết quả về Sở Tư pháp trước 15/01.\n"
                   "2. Sở Tư pháp tổng hợp, báo cáo UBND tỉnh trước 20/12.", date="2025-12-10")
    assert extract_tasks(doc).due.tolist() == ["2026-01-15", "2025-12-20"]


def test_words_of_frequency_in_passing_keep_a_shared_deadline_and_a_processing_time_is_none():
    doc = doc_from("II. NHIỆM VỤ\n1. Phát triển hạ tầng số\n"
                   "a) Nâng cấp Trung tâm dữ liệu của tỉnh, bảo đảm hệ thống vận hành ổn định, liên tục;\n"
                   "b) Rà soát, đánh giá Chỉ số chuyển đổi số hằng năm của tỉnh, đề xuất giải pháp;\n"
                   "c) Triển khai mạng truyền số liệu chuyên dùng đến 100% xã.\n"
                   "Cơ quan chủ trì: Sở Khoa học và Công nghệ.\nThời gian thực hiện: Quý III năm 2025.")
    assert extract_tasks(doc).due.tolist() == ["2025-09-30"] * 3
    t = extract_tasks(doc_from("I. NHIỆM VỤ\n1. Cắt giảm thời gian cấp giấy phép xây dựng (thời gian thực hiện: "
                               "7 ngày làm việc)."))
    assert t.deadline_text.tolist() == [""]


def test_a_signature_for_the_committee_beside_the_recipient_list():
    doc = doc_from("II. NHIỆM VỤ\n1. Sở Tư pháp rà soát TTHC.\n\n"
                   "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n"
                   "- Văn phòng Chính phủ;                      KT. CHỦ TỊCH\n"
                   "- TT Tỉnh ủy;                               PHÓ CHỦ TỊCH\n- Lưu: VT.\n\n"
                   "                                            Nguyễn Văn An")
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    assert line_accounting(doc).set_index("line").role[len(doc.lines)] == "signature"


@pytest.mark.parametrize("archive", ["- Lưu: VT, KSTT.", "- Lưu: VT, KSTT"])
def test_a_recipient_wrapped_onto_the_next_line_is_still_a_recipient(archive):
    """Walkthrough 19d (Cà Mau, a PDF): "- UBND các huyện, thành phố Cà" / "Mau;" ended the list, and
    "Mau;", the archive copy and the signer's name became duties; the name after "- Lưu: VT" (no
    full stop) is still the signer's."""
    doc = doc_from("II. NHIỆM VỤ\n1. Sở Tư pháp rà soát TTHC.\n\n"
                   "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n"
                   "- Các sở, ban, ngành tỉnh;                  KT. CHỦ TỊCH\n"
                   "- UBND các huyện, thành phố Cà              PHÓ CHỦ TỊCH\nMau;\n"
                   f"{archive}\n\nLâm Văn Bi")
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    roles = line_accounting(doc).set_index("line").role
    assert roles[len(doc.lines)] == "signature" and roles[len(doc.lines) - 3] == "recipients"


@pytest.mark.parametrize("agency", ["Sở Dân tộc và Tôn giáo", "Ban Quản lý Khu kinh tế tỉnh", "Báo Lạng Sơn",
                                    "Sở Tài chính, Sở Tư pháp", "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh"])
def test_an_agency_heading_in_a_task_section_leads_whether_or_not_the_agency_table_knows_it(agency):
    doc = doc_from(f"II. NHIỆM VỤ\n1. {agency}\n- Rà soát thủ tục hành chính thuộc thẩm quyền.\n- Số hóa hồ sơ.")
    assert extract_tasks(doc).lead.tolist() == [agency, agency]


def test_a_topic_heading_in_a_task_section_is_no_lead_but_an_agency_with_a_colon_is():
    doc = doc_from("II. NHIỆM VỤ\n1. Văn phòng điện tử\n- Triển khai phần mềm quản lý văn bản liên thông 4 cấp.\n"
                   "- Số hóa văn bản đi, đến.\n2. Sở Tài chính\n- Bố trí kinh phí.\n- Hướng dẫn thanh toán.\n"
                   "3. Trung tâm dữ liệu vùng:\n- Xây dựng trung tâm dữ liệu.\n- Vận hành thử nghiệm.")
    leads = extract_tasks(doc).lead.tolist()
    assert leads == ["", "", "Sở Tài chính", "Sở Tài chính", "Trung tâm dữ liệu vùng", "Trung tâm dữ liệu vùng"]


def test_table_rows_lettered_a_b_that_assign_work_are_tasks():
    doc = doc_from("II. NHIỆM VỤ\nSTT\tNội dung\tChủ trì\tThời hạn\nA\tRà soát TTHC nội bộ\tSở Tư pháp\tQuý III/2025\n"
                   "B\tSố hóa hồ sơ\tVăn phòng UBND tỉnh\tNăm 2025")
    t = extract_tasks(doc)
    assert t.lead.tolist() == ["Sở Tư pháp", "Văn phòng UBND tỉnh"] and t.due.tolist() == ["2025-09-30", "2025-12-31"]


def test_tasks_named_nhiem_vu_hold_their_own_items_and_a_part_closes_every_section():
    doc = doc_from("II. NHIỆM VỤ\nNhiệm vụ 1: Cắt giảm, đơn giản hóa thủ tục hành chính\n"
                   "1. Rà soát các thủ tục hành chính lĩnh vực đất đai.\n2. Cắt giảm 30% thời gian giải quyết.\n"
                   "Nhiệm vụ 2: Chuyển đổi số\n1. Số hóa hồ sơ.\nPHẦN III\nTỔ CHỨC THỰC HIỆN\n"
                   "1. Sở Tư pháp theo dõi, đôn đốc.")
    t = extract_tasks(doc)
    assert t.path.tolist() == ["II.1.1", "II.1.2", "II.2.1", "III.1"]
    assert t.kind.tolist() == ["task", "task", "task", "duty"]


def test_a_page_number_between_two_pages_of_a_table_does_not_cut_it():
    doc = doc_from("I. NHIỆM VỤ\nSTT\tNhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\n"
                   "1\tRà soát TTHC lĩnh vực đất đai\tSở Nông nghiệp và Môi trường\tQuý II/2025\n"
                   "2\tSố hóa hồ sơ\tSở Khoa học và Công nghệ\tQuý III/2025\n2\n"
                   "3\tCắt giảm thời gian giải quyết TTHC\tVăn phòng UBND tỉnh\tQuý IV/2025")
    t = extract_tasks(doc)
    assert t.lead.tolist()[-1] == "Văn phòng UBND tỉnh" and t.due.tolist()[-1] == "2025-12-31"
    assert line_accounting(doc).set_index("line").role[5] == "boilerplate"


@pytest.mark.parametrize("closing", [
    "Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện nghiêm túc triển khai thực hiện\nKế hoạch này./.",
    "Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố nghiêm túc\n"
    "triển khai thực hiện./."])
def test_a_closing_exhortation_wrapped_over_two_lines_is_closing(closing):
    doc = doc_from("II. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch.\n" + closing)
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    assert line_accounting(doc).role.tolist()[-2:] == ["closing", "closing"]


# --- walkthrough 4: fields written inside a task's sentence ---------------------------------------
HUE_ITEMS = (
    "II. NHIỆM VỤ TRỌNG TÂM\n1. Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh\n"
    "a) Rà soát toàn bộ TTHC liên quan đến hoạt động sản xuất, kinh doanh đã\n"
    "được điều chỉnh thẩm quyền giải quyết sau khi không tổ chức cấp huyện; đề\n"
    "xuất phương án cắt giảm thời gian giải quyết, chi phí tuân thủ. Chủ trì:\n"
    "Văn phòng UBND thành phố; phối hợp: các sở, ban, ngành; thời hạn: hoàn\n"
    "thành trước 30/9/2025; báo cáo kết quả trước 15/10/2025.\n"
    "b) Rà soát, đề xuất bãi bỏ các điều kiện kinh doanh không cần thiết quy\n"
    "định tại văn bản quy phạm pháp luật của HĐND, UBND thành phố còn hiệu lực. Chủ trì: Sở Tư pháp; phối hợp: Sở\n"
    "Tài chính, Sở Công Thương; thời hạn: trong quý III và quý IV năm 2025.\n")


def test_short_field_names_after_a_sentence_give_the_items_lead_partners_and_both_deadline_steps():
    """Huế (walkthrough 4): "… chi phí tuân thủ. Chủ trì: X; phối hợp: Y; thời hạn: Z", hard-wrapped."""
    t = extract_tasks(doc_from(HUE_ITEMS, date="2025-08-12"))
    assert t.path.tolist() == ["II.1.a", "II.1.b"]
    assert t.lead.tolist() == ["Văn phòng UBND thành phố", "Sở Tư pháp"]
    assert t.partners.tolist() == ["các sở, ban, ngành", "Sở Tài chính, Sở Công Thương"]
    assert t.deadline_text.tolist() == ["hoàn thành trước 30/9/2025; báo cáo kết quả trước 15/10/2025",
                                        "trong quý III và quý IV năm 2025"]
    assert t.due.tolist() == ["2025-10-15", "2025-12-31"]


@pytest.mark.parametrize(("item", "lead", "partners"), [
    # lower-case names inside the brackets (Lào Cai)
    ("1. Rà soát các điều kiện đầu tư kinh doanh (Cơ quan chủ trì: Sở Tài chính; cơ quan phối hợp: Sở Tư "
     "pháp, Sở Công Thương; thời gian hoàn thành: tháng 8/2025).", "Sở Tài chính", "Sở Tư pháp, Sở Công Thương"),
    # a lead of two agencies joined by ";" before the next field
    ("1. Rà soát TTHC nội bộ (Cơ quan chủ trì: Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố; "
     "thời gian hoàn thành: Quý IV/2025).", "Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố", ""),
    # "chủ trì, phối hợp với" is a verb, not a field
    ("1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát TTHC; hoàn thành trong Quý III/2025.",
     "Sở Tư pháp", "Sở Nội vụ"),
    # a "cơ chế / quy chế phối hợp với X" is what the task builds: X is no partner (review 13)
    ("1. Sở Nội vụ chủ trì xây dựng cơ chế phối hợp với Công an tỉnh trong giải quyết TTHC liên thông.",
     "Sở Nội vụ", ""),
    ("1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ xây dựng quy chế phối hợp với Công an tỉnh.",
     "Sở Tư pháp", "Sở Nội vụ"),
    # OCR's "Sờ" for "Sở" still names the lead (the resolver reads it as Sở Tư pháp)
    ("1. Sờ Tư pháp chủ trì rà soát các quy định; hoàn thành trong Quý IV/2025.", "Sờ Tư pháp", ""),
    # the utilities and the tax office lead tasks too
    ("1. Công ty Điện lực tỉnh chủ trì rút ngắn thời gian cấp điện trung áp cho doanh nghiệp.",
     "Công ty Điện lực tỉnh", ""),
    ("1. Thuế tỉnh chủ trì, phối hợp với Sở Tài chính triển khai hóa đơn điện tử.", "Thuế tỉnh", "Sở Tài chính"),
    # a clause of helpers after the work: "Giao Sở Nội vụ chủ trì …; Sở Tài chính, … phối hợp thực hiện."
    ("1. Giao Sở Nội vụ chủ trì rà soát TTHC nội bộ; Sở Tài chính, Văn phòng UBND tỉnh phối hợp thực hiện.",
     "Sở Nội vụ", "Sở Tài chính, Văn phòng UBND tỉnh"),
    # walkthrough 12b: partners up to a ";" before when
    ("1. Rà soát TTHC đất đai; Sở Tài chính chủ trì, phối hợp Công an tỉnh; thời gian: năm 2025.",
     "Sở Tài chính", "Công an tỉnh"),
    # walkthrough 11a: "hoàn thành" ends the lead's name, also after a year that opens the target
    ("1. Chậm nhất năm 2026, Sở Nội vụ hoàn thành rà soát TTHC nội bộ.", "Sở Nội vụ", ""),
    ("1. Trung tâm Phục vụ hành chính công tỉnh hoàn thành kết nối trong tháng 9/2025.",
     "Trung tâm Phục vụ hành chính công tỉnh", ""),
    # walkthrough 11b: the issuers named before a ";" lead nothing; a bracket of doers and when
    ("1. Thực hiện nghiêm quy trình ban hành văn bản quy phạm pháp luật của HĐND, UBND tỉnh; kiểm tra, rà soát "
     "văn bản sau ban hành.", "", ""),
    ("1. Tăng cường kỷ luật, kỷ cương hành chính (Sở Nội vụ, Văn phòng UBND tỉnh thực hiện thường xuyên).",
     "Sở Nội vụ, Văn phòng UBND tỉnh", ""),
    # walkthrough 11a: a bracket after the lead's name is part of it (the resolver keeps it as its unit)
    ("1. Công an thành phố (Cơ quan Thường trực Tổ công tác triển khai Đề án 06) hướng dẫn các xã làm sạch dữ liệu.",
     "Công an thành phố (Cơ quan Thường trực Tổ công tác triển khai Đề án 06)", ""),
])
def test_fields_inside_an_items_wording(item, lead, partners):
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n" + item))
    assert (t.lead.iloc[0], t.partners.iloc[0]) == (lead, partners)


SON_LA = """III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM VỀ CẮT GIẢM, ĐƠN
GIẢN HÓA THỦ TỤC HÀNH CHÍNH
1. Rà soát, thống kê đầy đủ thời gian giải quyết, chi phí
tuân thủ của các TTHC liên quan đến hoạt động sản xuất, kinh
doanh thuộc thẩm quyền giải quyết của các cấp chính quyền
tỉnh. Chủ trì: Các sở, ban, ngành tỉnh; phối hợp: Văn phòng
UBND tỉnh; thời hạn: trước ngày 15/8/2025.
2. Xây dựng phương án cắt giảm, đơn giản hóa TTHC năm 2026,
trình Chủ tịch UBND tỉnh phê duyệt (Văn phòng UBND tỉnh chủ
trì, phối hợp với các sở, ban, ngành; thời hạn: trước ngày
30/6/2026).
Trang 2/5

KẾ HOẠCH SỐ 140/KH-UBND
3.
Công bố, công khai danh mục TTHC sau khi sắp xếp, tổ chức
lại đơn vị hành chính cấp xã; cập nhật đầy đủ trên Cơ sở dữ
liệu quốc gia về TTHC. Chủ trì: Văn phòng UBND tỉnh; phối
hợp: các sở, ban, ngành; thời hạn: hoàn thành trong tháng 8/2025.
4. Tổ chức tiếp nhận, giải quyết TTHC không phụ thuộc vào
địa giới hành chính tại Trung tâm Phục vụ hành chính công
tỉnh và Trung tâm phục vụ hành chính công các xã, phường.
Chủ trì: Trung tâm Phục vụ hành chính công tỉnh; phối hợp:
UBND các xã, phường, Bưu điện tỉnh; thời hạn: thường xuyên.
5. Điện tử hóa chế độ báo cáo của doanh nghiệp, bảo đảm 100%
chế độ báo cáo được thực hiện điện tử. Chủ trì: Sở Tài
Trang 3/5

KẾ HOẠCH SỐ 140/KH-UBND
chính; phối hợp: các sở, ban, ngành có liên quan; thời hạn:
năm 2026.
IV. TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ THÔNG TIN,
BÁO CÁO
1. Các sở, ban, ngành tỉnh, UBND các xã, phường tổ chức
triển khai thực hiện Kế hoạch; báo cáo kết quả định kỳ hằng
quý về Văn phòng UBND tỉnh trước ngày 15 tháng cuối quý.
Nơi nhận:
- Văn phòng Chính phủ;
Trang 4/5

KẾ HOẠCH SỐ 140/KH-UBND
- Các sở, ban, ngành tỉnh;
- Lưu: VT, KSTT."""


def test_page_furniture_of_text_scraped_from_a_pdf_is_boilerplate_wherever_it_falls():
    """Sơn La (walkthrough 4): "Trang 2/5" and the running head "KẾ HOẠCH SỐ 140/KH-UBND" between
    items, inside an item's paragraph and inside the recipients; an item's number alone on its line."""
    doc = doc_from(SON_LA, date="2025-07-21")
    t = extract_tasks(doc)
    assert t.path.tolist() == ["III.1", "III.2", "III.3", "III.4", "III.5", "IV.1"]
    assert not t.text.str.contains("Trang|140/KH").any()
    assert t.text.iloc[2].startswith("Công bố, công khai danh mục TTHC")
    assert t.text.iloc[4].endswith(
        "Chủ trì: Sở Tài chính; phối hợp: các sở, ban, ngành có liên quan; thời hạn: năm 2026.")
    # each item its own lead: the field line of item 4 (a wrapped line opening "Chủ trì:") is its own
    assert t.lead.tolist() == ["Các sở, ban, ngành tỉnh", "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh",
                               "Trung tâm Phục vụ hành chính công tỉnh", "Sở Tài chính",
                               "Các sở, ban, ngành tỉnh, UBND các xã, phường"]
    assert t.due.tolist()[:5] == ["2025-08-15", "2026-06-30", "2025-08-31", "", "2026-12-31"]
    # section IV is the organisation of the plan: duties, its heading's two lines one title
    assert t.kind.tolist() == ["task"] * 5 + ["duty"]
    assert t.section.iloc[-1] == "TỔ CHỨC THỰC HIỆN VÀ CHẾ ĐỘ THÔNG TIN, BÁO CÁO"
    roles = line_accounting(doc).set_index("line").role
    lines = SON_LA.split("\n")
    furniture = [k + 1 for k, ln in enumerate(lines) if ln.startswith(("Trang", "KẾ HOẠCH SỐ"))]
    assert roles[furniture].eq("boilerplate").all()
    assert roles[lines.index("3.") + 1] == "task"
    assert roles[len(lines) - 1 :].eq("recipients").all()  # the list goes on after the page break


@pytest.mark.parametrize("line", ["Trang 2/5", "2/5", "- 2 -", "Trang 3", "12"])
def test_page_number_forms(line):
    assert _PAGE_NUMBER.match(line)


def test_a_line_repeated_at_page_breaks_but_numbered_or_a_field_is_not_furniture():
    text = ("II. NHIỆM VỤ\n1. Rà soát TTHC.\n- Cơ quan chủ trì: Sở Tư pháp.\nTrang 1/3\n"
            "2. Số hóa hồ sơ.\n- Cơ quan chủ trì: Sở Tư pháp.\nTrang 2/3\n3. Công bố TTHC.")
    t = extract_tasks(doc_from(text))
    assert t.lead.tolist() == ["Sở Tư pháp", "Sở Tư pháp", ""]


VINH_LONG = "\n".join([
    "Kính gửi: Các sở, ban, ngành tỉnh; UBND các xã, phường.",
    "3. Thanh tra tỉnh: chủ trì, phối hợp với Sở Nội vụ kiểm tra đột xuất việc giải quyết thủ tục "
    "hành chính tại Trung tâm Phục vụ hành chính công tỉnh; hoàn thành trong Quý III/2025.",
    "4. Kho bạc Nhà nước khu vực XIX:",
    "- Phối hợp với Sở Tài chính và các ngân hàng thương mại trên địa bàn mở rộng thanh toán trực "
    "tuyến phí, lệ phí thủ tục hành chính; hoàn thành trong tháng 9/2025.",
    "- Rút ngắn thời gian kiểm soát chi các khoản chi thường xuyên, chi đầu tư qua Kho bạc; thực "
    "hiện thường xuyên.",
    "5. Văn phòng UBND tỉnh:",
    "- Theo dõi, đôn đốc việc thực hiện Công văn này; báo cáo kết quả thực hiện năm 2025 trước ngày "
    "10/12/2025.",
    "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các xã, phường "
    "nghiêm túc triển khai thực hiện./.",
])


def test_a_letters_agencies_thanh_tra_and_kho_bac_lead_and_the_chairmans_exhortation_closes():
    """Vĩnh Long (walkthrough 4): agencies the heads did not know, partners that stop at their clause."""
    doc = doc_from(VINH_LONG, doc_type="công văn")
    t = extract_tasks(doc)
    assert t.lead.tolist() == ["Thanh tra tỉnh", "Kho bạc Nhà nước khu vực XIX", "Kho bạc Nhà nước khu vực XIX",
                               "Văn phòng UBND tỉnh"]
    assert t.partners.tolist()[:2] == ["Sở Nội vụ", "Sở Tài chính và các ngân hàng thương mại trên địa bàn"]
    assert line_accounting(doc).role.iloc[-1] == "closing"


@pytest.mark.parametrize("text", ["Thanh tra, kiểm tra việc giải quyết thủ tục hành chính tại các xã.",
                                  "Thanh tra việc thực hiện quy định về thủ tục hành chính."])
def test_thanh_tra_the_verb_is_not_an_agency(text):
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. " + text))
    assert t.lead.tolist() == [""]


def test_a_lead_never_keeps_the_colon_after_its_name():
    assert clean_agencies("Sở Tài chính:") == "Sở Tài chính"


def test_a_table_column_the_parser_has_no_field_for_is_kept_with_the_tasks_text_and_a_note_in_notes():
    """Lạng Sơn (walkthrough 4): the appendix's "Phương án cắt giảm" is what the row asks for; its
    "Ghi chú" is said about the task, so it goes to ``notes``, not into the text the matcher reads."""
    doc = doc_from("PHỤ LỤC\nSTT\tTên thủ tục hành chính\tPhương án cắt giảm\tCơ quan thực hiện\tThời hạn\tGhi chú\n"
                   "1\tCấp Giấy phép bán lẻ sản phẩm rượu\tGiảm thời gian giải quyết từ 15 ngày xuống 10 ngày"
                   "\tSở Công Thương\tQuý III/2025\t\n"
                   "2\tCấp giấy phép xây dựng\t\tSở Xây dựng\tQuý IV/2025\tLiên thông với cấp xã")
    t = extract_tasks(doc)
    assert t.text.tolist() == [
        "Cấp Giấy phép bán lẻ sản phẩm rượu — Phương án cắt giảm: Giảm thời gian giải quyết từ 15 ngày xuống 10 ngày",
        "Cấp giấy phép xây dựng"]
    assert t.notes.tolist() == ["", "Ghi chú: Liên thông với cấp xã"]
    assert t.lead.tolist() == ["Sở Công Thương", "Sở Xây dựng"]
    assert t.due.tolist() == ["2025-09-30", "2025-12-31"]


def test_a_tables_budget_and_remarks_columns_are_the_tasks_notes_as_any_table_layout_writes_them():
    """"Kinh phí", "Nguồn kinh phí", "Ghi chú" (names in ``note_columns.txt``) say something about
    a task: ``notes`` holds them as "name: value", the text is the task's wording alone, in a tab
    table and in Markdown alike."""
    tab = doc_from("II. NHIỆM VỤ\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\tNguồn kinh phí"
                   "\tGhi chú\n1\tRà soát TTHC lĩnh vực đất đai\tSở Nông nghiệp và Môi trường\tQuý III/2025"
                   "\tNgân sách tỉnh\tNhiệm vụ chuyển tiếp\n2\tSố hóa hồ sơ TTHC\tTrung tâm Phục vụ hành chính "
                   "công tỉnh\tThường xuyên\t\t")
    md = doc_from("II. NHIỆM VỤ\n\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian | Kinh phí (triệu đồng) | Ghi chú |\n"
                  "|---|---|---|---|---|---|\n| 1 | Rà soát TTHC lĩnh vực đất đai | Sở Nông nghiệp và Môi trường "
                  "| Quý III/2025 | 200 | Nhiệm vụ chuyển tiếp |\n", format="md")
    for doc, budget in ((tab, "Nguồn kinh phí: Ngân sách tỉnh"), (md, "Kinh phí (triệu đồng): 200")):
        t = extract_tasks(doc)
        assert t.text.iloc[0] == "Rà soát TTHC lĩnh vực đất đai"
        assert t.notes.iloc[0] == f"{budget} — Ghi chú: Nhiệm vụ chuyển tiếp"
        assert t.due.iloc[0] == "2025-09-30"
    assert extract_tasks(tab).notes.iloc[1] == ""


def test_a_tab_tables_cell_wrapped_onto_a_line_without_tabs_stays_in_its_row():
    """Walkthrough 14b: one wrapped line without tabs ("gửi Văn phòng UBND tỉnh tổng hợp") had
    cut a scraped tab table in two, and every row after it came out with no text, lead or due; a
    cell broken mid-text with the rest of the row on the next line lost the rest. The wrap goes
    to the text cell (or to the cell the row stopped in); a line in lower case under the last
    row ("(dự kiến 02 lớp, 200 học viên)") is that row's too; Markdown's "<br>" in a cell."""
    head = "II. NHIỆM VỤ\nSTT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện\n"
    doc = doc_from(head + "1\tRà soát TTHC lĩnh vực đất đai\tSở Xây dựng\tVăn phòng UBND tỉnh\tQuý III/2025\n"
                   "gửi Văn phòng UBND tỉnh tổng hợp\n"
                   "2\tTập huấn nghiệp vụ kiểm soát\nTTHC cho công chức\tVăn phòng UBND tỉnh\tSở Nội vụ\tTháng 9/2025\n"
                   "3\tKiểm tra công tác kiểm soát TTHC\tVăn phòng UBND tỉnh\tThanh tra tỉnh<br>Sở Nội vụ"
                   "\tQuý IV/2025\n"
                   "(dự kiến 05 cuộc kiểm tra)\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.")
    t = extract_tasks(doc)
    assert t[["path", "text", "lead", "partners", "due"]].values.tolist() == [
        ["II.1", "Rà soát TTHC lĩnh vực đất đai gửi Văn phòng UBND tỉnh tổng hợp", "Sở Xây dựng",
         "Văn phòng UBND tỉnh", "2025-09-30"],
        ["II.2", "Tập huấn nghiệp vụ kiểm soát TTHC cho công chức", "Văn phòng UBND tỉnh", "Sở Nội vụ", "2025-09-30"],
        ["II.3", "Kiểm tra công tác kiểm soát TTHC (dự kiến 05 cuộc kiểm tra)", "Văn phòng UBND tỉnh",
         "Thanh tra tỉnh; Sở Nội vụ", "2025-12-31"],
        ["III.1", "Sở Tài chính bố trí kinh phí thực hiện.", "Sở Tài chính", "", ""]]
    assert not line_accounting(doc).role.eq("unaccounted").any()


def test_a_header_laid_out_in_two_columns_with_the_issuers_province_is_header():
    """Walkthrough 14b: "TỈNH PHÚ THỌ | Độc lập - Tự do - Hạnh phúc" had ended the header, and the
    lines after it, the title and the legal bases among them, were unaccounted."""
    doc = doc_from("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ THỌ\tĐộc lập - Tự do - Hạnh phúc\n"
                   "Số: 52/KH-UBND\tPhú Thọ, ngày 20 tháng 02 năm 2025\nKẾ HOẠCH\nKiểm soát TTHC năm 2025\n"
                   "Căn cứ Nghị định số 63/2010/NĐ-CP của Chính phủ;\nI. NHIỆM VỤ\n1. Sở Tư pháp rà soát TTHC.")
    assert line_accounting(doc).role.tolist() == ["header"] * 5 + ["preamble", "heading", "task"]


def test_the_recipients_beside_the_signature_on_one_tab_line_are_no_table_under_the_last_item():
    """"Nơi nhận: … | TM. ỦY BAN NHÂN DÂN … Võ Ngọc Hiệp" (a page's two cells on one line) had been
    read as a table under the last item, which became its heading and was lost."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Tư pháp rà soát TTHC.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\n"
              "Nơi nhận: - Như trên; - Lưu: VT.\tTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Võ Ngọc Hiệp\n"
              "Cổng Thông tin điện tử tỉnh – Lượt xem: 1.204 | In bài viết")
    assert t[["path", "kind"]].values.tolist() == [["II.1", "task"], ["III.1", "duty"]]


def test_the_row_of_column_numbers_under_a_tables_header_is_header():
    doc = doc_from("II. NHIỆM VỤ\nSTT\tNội dung nhiệm vụ\tSản phẩm\tThời gian hoàn thành\tCơ quan chủ trì\n"
                   "(1)\t(2)\t(3)\t(4)\t(5)\n1\tSố hóa hồ sơ TTHC\tDữ liệu số\tQuý IV/2025\tSở Khoa học và Công nghệ")
    t = extract_tasks(doc)
    assert t[["text", "product", "lead", "due"]].values.tolist() == [
        ["Số hóa hồ sơ TTHC", "Dữ liệu số", "Sở Khoa học và Công nghệ", "2025-12-31"]]
    assert line_accounting(doc).role.tolist()[1:3] == ["table_header", "table_header"]


DAK_LAK_MD = "\n".join([
    "## III. NHIỆM VỤ, GIẢI PHÁP",
    "",
    "### 1. Cắt giảm, đơn giản hóa TTHC liên quan đến hoạt động sản xuất, kinh doanh",
    "",
    "- **Sở Tài chính**: chủ trì, phối hợp với Sở Tư pháp rà soát, đề xuất bãi bỏ điều kiện đầu tư "
    "kinh doanh; hoàn thành trước ngày 30/9/2025.",
    "- **Văn phòng UBND tỉnh**:",
    "  - Tổng hợp, trình Chủ tịch UBND tỉnh phê duyệt phương án cắt giảm TTHC năm 2026 trước ngày "
    "30/6/2026.",
    "  - Hướng dẫn các sở, ngành rà soát, chuẩn hóa danh mục TTHC; hoàn thành trong tháng 8/2025.",
    "- **Các sở, ban, ngành tỉnh**:",
    "    * Rà soát, thống kê thời gian giải quyết, chi phí tuân thủ của các TTHC, gửi Văn phòng "
    "UBND tỉnh trước ngày 15/9/2025.",
    "- **Sở Nội vụ**: chủ trì rà soát TTHC nội bộ sau sắp xếp; thời hạn: Quý IV/2025.",
    "- Số hóa 100% hồ sơ, kết quả giải quyết TTHC thuộc thẩm quyền trước 31/12/2025.",
])


def test_an_agency_bullet_leads_the_points_under_it(tmp_path):
    """Đắk Lắk (walkthrough 4, Markdown): "- **Văn phòng UBND tỉnh**:" heads its nested points; a
    point at the bullet's own level after them is not its."""
    from kehoach_lib import load_document

    path = tmp_path / "dak-lak.md"
    path.write_text(DAK_LAK_MD, encoding="utf-8")
    doc = load_document(path, meta={"doc_id": "dl", "province": "Đắk Lắk", "date": "2025-08-05",
                                    "doc_type": "kế hoạch"})
    t = extract_tasks(doc)
    assert t.path.tolist() == [f"III.1+{k}" for k in range(1, 7)]
    assert t.lead.tolist() == ["Sở Tài chính", "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh",
                               "Các sở, ban, ngành tỉnh", "Sở Nội vụ", ""]
    assert t.text.iloc[1].startswith("Tổng hợp, trình Chủ tịch")
    roles = line_accounting(doc).set_index("line").role
    lines = DAK_LAK_MD.split("\n")
    assert roles[lines.index("- **Văn phòng UBND tỉnh**:") + 1] == "heading"


def test_agency_bullets_with_plus_points_in_plain_text():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Cắt giảm, đơn giản hóa TTHC\n- Sở Tư pháp:\n"
                               "+ Rà soát văn bản quy phạm pháp luật; hoàn thành trong Quý III/2025.\n"
                               "+ Đề xuất bãi bỏ điều kiện kinh doanh không cần thiết.\n- Sở Nội vụ:\n"
                               "+ Rà soát TTHC nội bộ; thời hạn: năm 2025."))
    assert t.lead.tolist() == ["Sở Tư pháp", "Sở Tư pháp", "Sở Nội vụ"]
    assert t.due.tolist() == ["2025-09-30", "", "2025-12-31"]


def test_a_table_of_targets_without_a_number_column_gives_one_objective_a_row():
    """Đắk Lắk (walkthrough 4): "| Chỉ tiêu | Năm 2025 | Năm 2026 |" under MỤC TIÊU had been lost."""
    doc = doc_from("II. MỤC TIÊU\nCác chỉ tiêu chủ yếu của tỉnh đến năm 2026:\nChỉ tiêu\tNăm 2025\tNăm 2026\n"
                   "Cắt giảm chi phí tuân thủ TTHC\tÍt nhất 30%\t50% so với năm 2024\n"
                   "TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến\t100%\t100%\n"
                   "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp theo dõi, đôn đốc.")
    t = extract_tasks(doc)
    assert t[["path", "kind", "text"]].values.tolist() == [
        ["II+1", "objective", "Cắt giảm chi phí tuân thủ TTHC — Năm 2025: Ít nhất 30% — Năm 2026: 50% so với năm 2024"],
        ["II+2", "objective",
         "TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến — Năm 2025: 100% — Năm 2026: 100%"],
        ["III.1", "duty", "Sở Tư pháp theo dõi, đôn đốc."]]
    assert not line_accounting(doc).role.eq("unaccounted").any()


def test_an_items_one_further_paragraph_before_its_fields_is_the_item_not_a_task_of_its_own():
    """Lạng Sơn (walkthrough 4): item 8 goes on in a second paragraph, then its field block."""
    t = extract_tasks(doc_from(
        "III. NHIỆM VỤ, GIẢI PHÁP\n8. Rà soát, thống kê các TTHC nội bộ; xây dựng phương án đơn giản hóa, trình "
        "Chủ tịch UBND tỉnh phê duyệt.\nTrên cơ sở phương án được phê duyệt, các cơ quan cập nhật quy trình nội bộ.\n"
        "- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n- Cơ quan phối hợp: Sở Nội vụ; các sở, ban, ngành tỉnh.\n"
        "- Thời gian thực hiện: Chậm nhất ngày 31/10/2025.\n9. Đào tạo, bồi dưỡng kỹ năng số cho công chức.\n"
        "- Cơ quan chủ trì: Sở Nội vụ."))
    assert t.path.tolist() == ["III.8", "III.9"]
    assert t.text.iloc[0].endswith(
        "phê duyệt. Trên cơ sở phương án được phê duyệt, các cơ quan cập nhật quy trình nội bộ.")
    assert t[["lead", "partners", "due"]].values.tolist()[0] == [
        "Văn phòng UBND tỉnh", "Sở Nội vụ; các sở, ban, ngành tỉnh", "2025-10-31"]


def test_the_header_of_a_plan_attached_after_the_decisions_signature_is_header():
    """Lạng Sơn (walkthrough 4): the decision's recipients with its signature beside them, then the
    plan's own header table, "KẾ HOẠCH", its title and "(Ban hành kèm theo …)"."""
    doc = doc_from(
        "QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện.\n"
        "Nơi nhận: - Như Điều 3; - Lưu: VT, KSTT.\tTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Văn Nghiêm\n\n"
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "KẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 66/NQ-CP trên địa bàn tỉnh Lạng Sơn\n"
        "(Ban hành kèm theo Quyết định số 812/QĐ-UBND ngày 12/5/2025 của UBND tỉnh Lạng Sơn)\n"
        "I. NHIỆM VỤ\n1. Rà soát TTHC nội bộ.\n- Cơ quan chủ trì: Văn phòng UBND tỉnh.", doc_type="quyết định")
    roles = line_accounting(doc).role.tolist()
    assert roles[4:8] == ["header"] * 4
    assert extract_tasks(doc).lead.tolist() == ["Văn phòng UBND tỉnh"]


def test_a_start_after_a_deadline_label_is_its_timing_as_written_with_no_due_date():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính. Chủ trì: "
                               "Trung tâm Phục vụ hành chính công; thời hạn: thực hiện từ ngày 01/7/2025."))
    assert t[["lead", "deadline_text", "due"]].values.tolist() == [
        ["Trung tâm Phục vụ hành chính công", "thực hiện từ ngày 01/7/2025", ""]]


def test_a_tables_cells_one_a_line_are_not_taken_for_page_furniture():
    """Đồng Tháp (walkthrough 5): bare row numbers counting up a few lines apart are a table's, so
    the cells beside them ("Văn phòng UBND tỉnh" twice) are not a running header."""
    rows = []
    for k, (task, lead) in enumerate([("Rà soát TTHC nội bộ", "Văn phòng UBND tỉnh"),
                                      ("Số hóa hồ sơ", "Sở Khoa học và Công nghệ"),
                                      ("Công bố danh mục TTHC", "Văn phòng UBND tỉnh")], start=1):
        rows += [str(k), task, lead, "Các sở, ban, ngành", "Quý IV/2025"]
    doc = doc_from("\n".join(["II. NHIỆM VỤ", "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", *rows]))
    roles = line_accounting(doc).set_index("line").role
    lines = ["II. NHIỆM VỤ", "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", *rows]
    leads = [k + 1 for k, ln in enumerate(lines) if ln == "Văn phòng UBND tỉnh"]
    assert not roles[leads].eq("boilerplate").any()


def test_result_fields_notes_pointers_and_a_tables_total_are_no_tasks():
    """Cao Bằng and Điện Biên (walkthrough 5)."""
    doc = doc_from(
        "III. NHIỆM VỤ\nNhiệm vụ 1. Rà soát, đánh giá TTHC (Sở Tư pháp chủ trì; thời hạn: Quý III/2025).\n"
        "Kết quả/sản phẩm: Báo cáo kết quả rà soát trình Chủ tịch UBND tỉnh.\n"
        "Nhiệm vụ 2. Văn phòng UBND tỉnh là cơ quan đầu mối theo dõi, đôn đốc việc thực hiện.\n"
        "IV. BẢNG PHÂN CÔNG\nCác nhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành và sản "
        "phẩm được phân công tại Phụ lục kèm theo Kế hoạch này.\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\n"
        "1\tSố hóa hồ sơ\tSở Khoa học và Công nghệ\nTổng cộng: 1 nhiệm vụ\t\t\n"
        "Ghi chú: Các nhiệm vụ có ký hiệu (*) là nhiệm vụ trọng tâm.")
    t = extract_tasks(doc)
    assert t.path.tolist() == ["III.1", "III.2", "IV.1"]
    assert t["product"].iloc[0] == "Báo cáo kết quả rà soát trình Chủ tịch UBND tỉnh."
    assert t.lead.tolist() == ["Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ"]
    roles = line_accounting(doc).role.tolist()
    assert roles[-2:] == ["note", "note"] and "unaccounted" not in roles


def test_an_attached_plans_header_after_a_signature_with_its_title_opening_thuc_hien():
    doc = doc_from(
        "QUYẾT ĐỊNH\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
        "Nơi nhận: - Như Điều 3; - Lưu: VT.\tKT. CHỦ TỊCH PHÓ CHỦ TỊCH Lò Văn Tiến\n"
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nKẾ HOẠCH\nThực hiện Nghị quyết số 66/NQ-CP trên địa bàn tỉnh Điện Biên\n"
        "(Ban hành kèm theo Quyết định số 1820/QĐ-UBND ngày 05 tháng 9 năm 2025)\nI. NHIỆM VỤ\n"
        "1. Sở Tư pháp rà soát TTHC; hoàn thành trong Quý IV/2025.\nNơi nhận:\n- Như trên;\n"
        "Số ký hiệu\t1820/QĐ-UBND\tNgày ban hành\t05/09/2025\nLoại văn bản\tQuyết định\tNgười ký\tLò Văn Tiến",
        doc_type="quyết định")
    roles = line_accounting(doc).role.tolist()
    assert roles[3:7] == ["header"] * 4 and roles[-2:] == ["metadata", "metadata"]
    assert extract_tasks(doc).path.tolist() == ["I.1"]


# --- review of walkthrough 4/5 changes ------------------------------------------------------------
def test_a_markdown_numbered_items_indented_fields_are_its_fields(tmp_path):
    from kehoach_lib import load_document

    path = tmp_path / "p.md"
    path.write_text("## II. NHIỆM VỤ\n\n1. Rà soát, đơn giản hóa thủ tục hành chính.\n"
                    "   - Cơ quan chủ trì: Sở Tư pháp.\n   - Thời hạn hoàn thành: Quý III/2025.\n"
                    "2. Công khai danh mục thủ tục hành chính.\n   + Cơ quan chủ trì: Văn phòng UBND tỉnh.\n",
                    encoding="utf-8")
    t = extract_tasks(load_document(path, meta={"doc_id": "p", "province": "X", "date": "2025-04-08"}))
    assert t[["path", "lead", "due"]].values.tolist() == [["II.1", "Sở Tư pháp", "2025-09-30"],
                                                         ["II.2", "Văn phòng UBND tỉnh", ""]]


def test_a_table_without_numbers_then_a_numbered_one_in_the_same_region():
    doc = doc_from("I. MỤC TIÊU\nChỉ tiêu\tĐơn vị tính\tNăm 2025\nTỷ lệ hồ sơ trực tuyến toàn trình\t%\t60\n\n"
                   "II. NHIỆM VỤ\nNội dung\tChủ trì\tThời hạn\nRà soát quy trình nội bộ\tSở Nội vụ\tQuý II/2025\n\n"
                   "STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn\n1\tRà soát thủ tục hành chính\tSở Tư pháp\tQuý III/2025")
    t = extract_tasks(doc)
    assert t[["kind", "text", "lead", "due"]].values.tolist() == [
        # (its year column dates it)
        ["objective", "Tỷ lệ hồ sơ trực tuyến toàn trình — Đơn vị tính: % — Năm 2025: 60", "", "2025-12-31"],
        ["task", "Rà soát quy trình nội bộ", "Sở Nội vụ", "2025-06-30"],
        ["task", "Rà soát thủ tục hành chính", "Sở Tư pháp", "2025-09-30"]]


def test_a_form_laid_out_as_a_two_column_table_is_no_table_without_numbers():
    doc = doc_from("II. NỘI DUNG\nMục tiêu\tCắt giảm ít nhất 30% thời gian giải quyết thủ tục hành chính\n"
                   "Cơ quan chủ trì\tVăn phòng UBND tỉnh")
    assert extract_tasks(doc).empty  # left unaccounted, with its warning, rather than a false task


def test_an_item_naming_its_own_lead_keeps_it_and_the_paragraph_after_it_is_the_next_task():
    t = extract_tasks(doc_from(
        "III. NHIỆM VỤ\n2. Cắt giảm TTHC nội bộ\na. Các sở rà soát TTHC nội bộ trước 30/11.\n"
        "b. Văn phòng UBND tỉnh tổng hợp, trình Chủ tịch UBND tỉnh công bố danh mục TTHC nội bộ.\n"
        "Xây dựng quy trình điện tử giải quyết TTHC nội bộ.\n- Chủ trì: Sở Khoa học và Công nghệ.\n"
        "- Thời gian hoàn thành: 6 tháng đầu năm 2026."))
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["III.2.a", "Các sở", "2025-11-30"], ["III.2.b", "Văn phòng UBND tỉnh", ""],
        ["III.2.b+1", "Sở Khoa học và Công nghệ", "2026-06-30"]]


@pytest.mark.parametrize(("item", "lead", "partners"), [
    ("Rà soát quy trình nội bộ. Cơ quan chủ trì: Sở Tư pháp; Sở Nội vụ, UBND các huyện phối hợp thực hiện.",
     "Sở Tư pháp", "Sở Nội vụ, UBND các huyện"),
    ("Rà soát quy định (Chủ trì: Sở Tư pháp, phối hợp: Sở Nội vụ, thời hạn: Quý IV/2025).", "Sở Tư pháp", "Sở Nội vụ"),
    ("Công khai danh mục (chủ trì: Văn phòng UBND tỉnh, hoàn thành trong Quý III/2025).", "Văn phòng UBND tỉnh", ""),
])
def test_an_inline_lead_ends_at_the_next_clause_field_or_deadline(item, lead, partners):
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. " + item))
    assert (t.lead.iloc[0], t.partners.iloc[0]) == (lead, partners)


def test_a_sentence_repeated_beside_page_numbers_is_no_running_header():
    text = ("II. NHIỆM VỤ\n1. Rà soát thủ tục hành chính.\n"
            "Văn phòng UBND tỉnh chủ trì, phối hợp với các sở thực hiện.\n"
            "- 2 -\n2. Cắt giảm thời gian giải quyết.\nVăn phòng UBND tỉnh chủ trì, phối hợp với các sở thực hiện.\n"
            "- 3 -\n3. Công khai danh mục.")
    roles = line_accounting(doc_from(text)).role.tolist()
    assert roles.count("boilerplate") == 2  # the two page numbers only


@pytest.mark.parametrize(("bullet", "lead"), [
    ("- Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan thực hiện các nội dung sau:", "Sở Tư pháp"),
    ("- UBND các xã, phường có trách nhiệm:", "UBND các xã, phường"),
])
def test_an_agency_bullet_that_is_a_sentence_gives_its_subject_as_the_points_lead(bullet, lead):
    t = extract_tasks(doc_from("III. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các cơ quan:\n" + bullet +
                               "\n+ Rà soát các văn bản quy phạm pháp luật.\n+ Tổng hợp, báo cáo kết quả."))
    assert t.lead.tolist() == [lead, lead]


def test_a_tables_rows_are_tasks_under_a_sub_heading_that_merely_mentions_a_requirement():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Các nhiệm vụ theo yêu cầu của Nghị quyết số 66/NQ-CP\n"
                               "STT\tNhiệm vụ\tCơ quan chủ trì\n1\tRà soát thủ tục hành chính\tSở Tư pháp\n"
                               "2. Công tác tổ chức thực hiện và kiểm tra\na) Sở Nội vụ kiểm tra công vụ."))
    # (the sub-heading over the table is a heading: the table holds its items)
    assert t[["path", "kind"]].values.tolist() == [["II.1.1", "task"], ["II.2.a", "task"]]


def test_a_directives_duties_addressed_to_heads_of_bodies_are_led_by_them():
    t = extract_tasks(doc_from("1. Giám đốc Sở Tài chính:\na) Rà soát điều kiện đầu tư kinh doanh.\n"
                               "b) Hướng dẫn lập dự toán kinh phí, chậm nhất ngày 15/11/2025.\n"
                               "2. Chủ tịch UBND các xã, phường:\na) Bố trí công chức tại bộ phận một cửa.",
                               doc_type="chỉ thị"))
    assert t.lead.tolist() == ["Giám đốc Sở Tài chính"] * 2 + ["Chủ tịch UBND các xã, phường"]


def test_two_level_numbers_without_a_dot_and_agency_bullets_beside_a_shared_field_block():
    """Quảng Ngãi (walkthrough 5): "1.1 Rà soát …" numbers its item; the points under "- Sở …:" are
    that agency's, whatever field block follows the next item."""
    t = extract_tasks(doc_from(
        "III. NHIỆM VỤ\n3. Thực hiện TTHC không phụ thuộc vào địa giới hành chính\n"
        "3.1 Cung cấp dịch vụ công trực tuyến, số hóa hồ sơ\n- Sở Khoa học và Công nghệ:\n"
        "+ Nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh; hoàn thành trong Quý IV/2025.\n"
        "- UBND các xã, phường:\n+ Bố trí công chức tại Bộ phận Một cửa; hoàn thành trong tháng 9 năm 2025.\n"
        "3.2 Tổ chức tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính\n"
        "- Chủ trì: Trung tâm Phục vụ hành chính công tỉnh.\n- Thời gian thực hiện: thường xuyên.",
        date="2025-07-25"))
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["III.3.1+1", "Sở Khoa học và Công nghệ", "2025-12-31"], ["III.3.1+2", "UBND các xã, phường", "2025-09-30"],
        ["III.3.2", "Trung tâm Phục vụ hành chính công tỉnh", ""]]


def test_days_without_a_year_in_periodic_work_give_no_due_date():
    """Điện Biên (walkthrough 5): the days recur every year."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12), "
                               "Văn phòng UBND tỉnh tổng hợp, báo cáo kết quả thực hiện."))
    assert (t.due.iloc[0], bool(t.recurring.iloc[0])) == ("", True)
    # (walkthrough 14c) the same without "định kỳ": the half-year and the year say it
    t = extract_tasks(doc_from("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp tổng hợp báo cáo kết quả 6 tháng "
                               "(trước ngày 15/6) và năm (trước ngày 15/12) gửi Văn phòng Chính phủ."))
    assert (t.due.iloc[0], bool(t.recurring.iloc[0])) == ("", True)


def test_a_table_held_whole_in_one_tasks_text_is_a_warning():
    """A table whose cells stand one a line with a column the reader of such tables cannot tell
    (products: kehoach_lib.stacked leaves it) is not split into rows: the task that holds it is
    named, so its tasks are not lost without a word."""
    doc = doc_from("III. NHIỆM VỤ\nCác nhiệm vụ như sau:\nSTT\nNội dung nhiệm vụ\nSản phẩm\nCơ quan chủ trì\n1\n"
                   "Rà soát thủ tục hành chính\nBáo cáo\nSở Tư pháp\n2\nSố hóa hồ sơ\nDữ liệu số\n"
                   "Sở Khoa học và Công nghệ")
    warned = [w for w in document_warnings(doc) if "hold a table" in w]
    assert len(warned) == 1 and "(lines" in warned[0]
    assert not [w for w in document_warnings(doc_from("II. NHIỆM VỤ\n1. Rà soát TTHC (STT nội dung).")) if "table" in w]


# --- walkthrough 6 -----------------------------------------------------------------------------------
def test_a_table_with_the_lead_before_the_task_and_x_marks_under_periods():
    """Kon Tum (walkthrough 6): "STT | Cơ quan chủ trì | Nội dung nhiệm vụ | … | Quý II/2025 | Quý
    III/2025 | Năm 2026", an "x" under the periods it is due in."""
    doc = doc_from("II. NHIỆM VỤ\nSTT\tCơ quan chủ trì\tNội dung nhiệm vụ\tCơ quan phối hợp\tThời gian thực hiện\t\t\n"
                   "STT\tCơ quan chủ trì\tNội dung nhiệm vụ\tCơ quan phối hợp\tQuý II/2025\tQuý III/2025\tNăm 2026\n"
                   "1\tSở Tài chính\tRà soát điều kiện đầu tư kinh doanh\tSở Tư pháp\t\tx\tx\n"
                   "2\tVăn phòng UBND tỉnh\tTổng hợp phương án cắt giảm\tCác sở, ban, ngành\t\t\tTrước 30/6/2026",
                   date="2025-05-09")
    t = extract_tasks(doc)
    assert t[["text", "lead", "partners", "deadline_text", "due"]].values.tolist() == [
        ["Rà soát điều kiện đầu tư kinh doanh", "Sở Tài chính", "Sở Tư pháp", "Quý III/2025; Năm 2026", "2026-12-31"],
        ["Tổng hợp phương án cắt giảm", "Văn phòng UBND tỉnh", "Các sở, ban, ngành", "Trước 30/6/2026", "2026-06-30"]]


@pytest.mark.parametrize(("item", "lead"), [
    # Hà Giang: the assignment closes the item, or follows its topic
    ("Rà soát TTHC thuộc phạm vi quản lý. Giao Văn phòng UBND tỉnh chủ trì, phối hợp với các sở thực hiện.",
     "Văn phòng UBND tỉnh"),
    ("Lĩnh vực công thương: giao Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch chủ trì theo lĩnh vực quản lý.",
     "Sở Công Thương, Sở Văn hóa, Thể thao và Du lịch"),
    # Thái Bình: the agency ends at its colon, whatever follows it
    ("Sở Tài chính: Tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch.", "Sở Tài chính"),
])
def test_an_assignment_inside_the_item_and_a_lead_before_its_colon(item, lead):
    assert extract_tasks(doc_from("II. NHIỆM VỤ\n1. " + item)).lead.tolist() == [lead]


def test_tasks_named_with_a_dash():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\nNhiệm vụ 1 - Rà soát TTHC nội bộ\nĐơn vị chủ trì: Sở Nội vụ\n"
                               "Nhiệm vụ 2 – Số hóa hồ sơ\nĐơn vị chủ trì: Sở Khoa học và Công nghệ"))
    assert t[["path", "lead"]].values.tolist() == [["II.1", "Sở Nội vụ"], ["II.2", "Sở Khoa học và Công nghệ"]]


# --- review 2 -----------------------------------------------------------------------------------------
def test_a_one_off_day_beside_periodic_reporting_keeps_its_due_date():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Sở Tư pháp hoàn thành rà soát văn bản trước ngày 31/10, báo cáo "
                               "định kỳ 6 tháng.\n2. Các sở gửi kế hoạch trước ngày 30/9; định kỳ hằng quý báo cáo."))
    assert t.due.tolist() == ["2025-10-31", "2025-09-30"]


def test_a_pointer_to_an_appendix_that_sets_a_deadline_is_a_duty():
    t = extract_tasks(doc_from("IV. TỔ CHỨC THỰC HIỆN\nCác sở, ban, ngành tổ chức thực hiện các nhiệm vụ được giao tại "
                               "Phụ lục II, báo cáo kết quả về Văn phòng UBND tỉnh trước ngày 15/12/2025."))
    assert t.due.tolist() == ["2025-12-15"]


def test_an_item_naming_its_lead_goes_on_in_a_paragraph_opening_tren_co_so():
    t = extract_tasks(doc_from(
        "III. NHIỆM VỤ\n8. Văn phòng UBND tỉnh rà soát, xây dựng phương án cắt giảm TTHC, trình Chủ tịch UBND tỉnh "
        "phê duyệt.\nTrên cơ sở phương án được phê duyệt, tổ chức cập nhật quy trình nội bộ.\n"
        "- Thời gian thực hiện: Chậm nhất ngày 31/10/2025."))
    assert t[["path", "lead", "due"]].values.tolist() == [["III.8", "Văn phòng UBND tỉnh", "2025-10-31"]]


def test_a_table_of_targets_under_a_numbered_section_of_a_plan_without_parts():
    t = extract_tasks(doc_from("1. MỤC TIÊU\nChỉ tiêu\tNăm 2025\tNăm 2026\n"
                               "Cắt giảm thời gian giải quyết TTHC\t30%\t50%\n2. NHIỆM VỤ\n2.1. Rà soát TTHC."))
    assert t[["path", "kind"]].values.tolist() == [["1+1", "objective"], ["2.1", "task"]]


def test_duties_addressed_to_heads_in_capitals():
    t = extract_tasks(doc_from("1. GIÁM ĐỐC SỞ TÀI CHÍNH:\na) Rà soát điều kiện kinh doanh.\n"
                               "2. CHỦ TỊCH UBND CÁC XÃ, PHƯỜNG:\na) Bố trí công chức.", doc_type="chỉ thị"))
    assert agencies_of(t) == ["Sở Tài chính", "UBND cấp xã"]


def agencies_of(tasks):
    return add_agency_columns(tasks).lead_agencies.tolist()


def test_a_progress_chart_of_months_after_the_plan_is_its_appendix_of_tasks():
    """Thái Bình (walkthrough 6): "BIỂU TIẾN ĐỘ THỰC HIỆN", an "x" under the months T5 … T12."""
    doc = doc_from("IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh: Là cơ quan thường trực, theo dõi việc thực hiện.\n"
                   "BIỂU TIẾN ĐỘ THỰC HIỆN\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tT5\tT6\tT7\n"
                   "1\tRà soát TTHC nội bộ\tSở Nội vụ\tx\tx\t\n2\tSố hóa hồ sơ\tSở Khoa học và Công nghệ\t\t\tx",
                   date="2025-05-20")
    t = extract_tasks(doc)
    assert t[["path", "kind", "lead", "deadline_text", "due"]].values.tolist() == [
        ["IV.1", "duty", "Văn phòng UBND tỉnh", "", ""],
        ["PL.1", "task", "Sở Nội vụ", "Tháng 5; Tháng 6", "2025-06-30"],
        ["PL.2", "task", "Sở Khoa học và Công nghệ", "Tháng 7", "2025-07-31"]]


@pytest.mark.parametrize(("wording", "due"), [
    ("Rà soát TTHC; hoàn thành trong tháng 6.", "2025-06-30"),
    ("Số hóa hồ sơ, thực hiện từ nay đến hết năm 2025.", "2025-12-31"),
])
def test_a_month_of_the_plans_year_and_the_time_left_to_its_end(wording, due):
    item = "1. Sở Tư pháp " + wording[0].lower() + wording[1:]
    assert extract_tasks(doc_from("II. NHIỆM VỤ\n" + item)).due.tolist() == [due]


def test_a_heading_that_gives_its_items_time_is_their_deadline_unless_they_state_one():
    """Bình Định (walkthrough 6): tasks grouped by when they are due."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ VÀ LỘ TRÌNH THỰC HIỆN\n1. Nhiệm vụ thực hiện trong Quý II/2025\n"
                               "a) Văn phòng UBND tỉnh: tổng hợp danh mục TTHC.\n"
                               "b) Sở Tư pháp rà soát văn bản, hoàn thành trước ngày 20/5/2025.\n"
                               "2. Nhiệm vụ thực hiện thường xuyên\na) Sở Nội vụ: bồi dưỡng kỹ năng số cho công chức."))
    assert t[["path", "lead", "deadline_text", "due"]].values.tolist() == [
        ["II.1.a", "Văn phòng UBND tỉnh", "trong Quý II/2025", "2025-06-30"],
        ["II.1.b", "Sở Tư pháp", "hoàn thành trước ngày 20/5/2025", "2025-05-20"],
        ["II.2.a", "Sở Nội vụ", "thường xuyên", ""]]


# --- items numbered inline in one paragraph (Yên Bái, walkthrough 6) ----------------------
@pytest.mark.parametrize(("text", "split"), [
    ("Kế hoạch nhằm: (1) cụ thể hóa Nghị quyết 66; (2) cắt giảm 30% thời gian.",
     ("Kế hoạch nhằm:", ["cụ thể hóa Nghị quyết 66", "cắt giảm 30% thời gian."], "")),
    ("(1) rà soát TTHC nội bộ; (2) số hóa hồ sơ TTHC; (3) báo cáo kết quả.",
     ("", ["rà soát TTHC nội bộ", "số hóa hồ sơ TTHC", "báo cáo kết quả."], "")),
    # the items count from 1, in order, each after a colon, semicolon or full stop
    ("Sở Tư pháp: (1) rà soát quy định TTHC; (3) báo cáo kết quả.", None),
    ("Sở Tư pháp: (2) rà soát quy định TTHC; (3) báo cáo kết quả.", None),
    ("Thực hiện nội dung (1) và (2) của Phụ lục.", None),
    ("Văn phòng UBND tỉnh: (1) tổng hợp danh mục TTHC.", None),  # one item is no list
    ("Sở Nội vụ: (1) rà soát TTHC (theo mục (2) của Phụ lục); (2) đào tạo công chức.",
     ("Sở Nội vụ:", ["rà soát TTHC (theo mục (2) của Phụ lục)", "đào tạo công chức."], "")),
    # ... and they are tasks, not the objects of one: "các lĩnh vực: (1) đất đai; (2) xây dựng"
    ("Rà soát TTHC trong các lĩnh vực: (1) đất đai; (2) xây dựng; (3) đầu tư.", None),
    # a sentence after the last item is said of them all
    ("Thực hiện: (1) rà soát quy định TTHC; (2) công bố danh mục TTHC. Sở Tư pháp chủ trì, "
     "hoàn thành trước 30/9/2025.",
     ("Thực hiện:", ["rà soát quy định TTHC", "công bố danh mục TTHC."],
      "Sở Tư pháp chủ trì, hoàn thành trước 30/9/2025.")),
])
def test_inline_items_are_numbered_from_one_after_a_colon_or_semicolon(text, split):
    assert inline_items(text) == split


YEN_BAI = """II. NHIỆM VỤ, GIẢI PHÁP
1. Về rà soát và xây dựng phương án cắt giảm TTHC: các sở, ban, ngành tỉnh; UBND các huyện chủ trì
thực hiện: (1) rà soát, thống kê thời gian giải quyết các TTHC, gửi Văn phòng UBND tỉnh trước 30/6/2025; (2) xây
dựng phương án cắt giảm, đơn giản hóa TTHC năm 2025; (3) đề xuất bãi bỏ điều kiện đầu tư kinh doanh không cần thiết,
hoàn thành trong Quý III/2025.
2. Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh, Công an tỉnh: (1) nâng cấp Hệ thống thông tin
giải quyết TTHC tỉnh, thời gian thực hiện Quý II-III/2025; (2) chủ trì, phối hợp với Sở Tư pháp đánh giá tác động
của việc cắt giảm, báo cáo UBND tỉnh trong tháng 11/2025.
3. Sở Nội vụ:
(1) rà soát TTHC nội bộ;
(2) đào tạo kỹ năng số cho công chức, hoàn thành trước ngày 31/12/2025."""


def test_what_the_stem_and_the_tail_say_of_the_inline_items_is_said_of_each():
    """Review 11: a stem's deadline in words, a sentence before the stem, a sentence after the
    last item."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ, hoàn thành trong "
                               "Quý III/2025: (1) rà soát quy định TTHC; (2) công bố danh mục TTHC, trước 30/6/2025."))
    assert t[["path", "lead", "due"]].values.tolist() == [["II.1.(1)", "Sở Tư pháp", "2025-09-30"],
                                                          ["II.1.(2)", "Sở Tư pháp", "2025-06-30"]]
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Cắt giảm ít nhất 30% thời gian giải quyết TTHC. Sở Nội vụ chủ trì: "
                               "(1) rà soát TTHC nội bộ; (2) công bố danh mục TTHC."))
    assert t[["path", "lead", "text"]].values.tolist() == [
        ["II.1", "Sở Nội vụ", "Cắt giảm ít nhất 30% thời gian giải quyết TTHC."],
        ["II.1.(1)", "Sở Nội vụ", "rà soát TTHC nội bộ"], ["II.1.(2)", "Sở Nội vụ", "công bố danh mục TTHC."]]
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Thực hiện: (1) rà soát quy định TTHC; (2) công bố danh mục TTHC. "
                               "Sở Tư pháp chủ trì, hoàn thành trước 30/9/2025."))
    assert t[["path", "lead", "due"]].values.tolist() == [["II.1.(1)", "Sở Tư pháp", "2025-09-30"],
                                                          ["II.1.(2)", "Sở Tư pháp", "2025-09-30"]]
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát, đơn giản hóa TTHC, tập trung vào các lĩnh vực: (1) đất đai; "
                               "(2) xây dựng; (3) đầu tư. Sở Tư pháp chủ trì, hoàn thành trước 30/9/2025."))
    assert t[["path", "lead", "due"]].values.tolist() == [["II.1", "Sở Tư pháp", "2025-09-30"]]


def test_each_inline_item_is_a_task_led_as_its_stem_says_with_its_own_deadline():
    t = extract_tasks(doc_from(YEN_BAI))
    assert t[["path", "lead", "partners", "due"]].values.tolist() == [
        ["II.1.(1)", "các sở, ban, ngành tỉnh; UBND các huyện", "", "2025-06-30"],
        ["II.1.(2)", "các sở, ban, ngành tỉnh; UBND các huyện", "", ""],
        ["II.1.(3)", "các sở, ban, ngành tỉnh; UBND các huyện", "", "2025-09-30"],
        # the stem's partners help with every item, unless the item names its own
        ["II.2.(1)", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh, Công an tỉnh", "2025-09-30"],
        ["II.2.(2)", "Sở Khoa học và Công nghệ", "Sở Tư pháp", "2025-11-30"],
        ["II.3.(1)", "Sở Nội vụ", "", ""],
        ["II.3.(2)", "Sở Nội vụ", "", "2025-12-31"]]
    assert t.text.str.match(r"^(?:rà soát|xây|đề xuất|nâng cấp|chủ trì|đào tạo)").all()
    # each item's lines: from its mark to the next (the stem's lines go with the first item)
    assert t[["line_start", "line_end"]].values.tolist() == [[2, 3], [3, 4], [4, 5], [6, 7], [7, 8], [9, 10],
                                                             [11, 11]]


# --- a plan pasted into an e-mail or a chat, with pictographs for marks (Long An, walkthrough 6)
@pytest.mark.parametrize(("line", "plain"), [
    ("1️⃣ TTHC liên quan đến SXKD", "1. TTHC liên quan đến SXKD"),  # keycap digit: a number
    ("🎯 MỤC TIÊU", "MỤC TIÊU"),  # before capitals: dropped
    ("📌 NHIỆM VỤ CỤ THỂ (anh chị lưu ý hạn nhé)", "NHIỆM VỤ CỤ THỂ (anh chị lưu ý hạn nhé)"),
    ("👉 Rà soát TTHC nội bộ.", "- Rà soát TTHC nội bộ."),  # any other: a bullet
    ("✅ 100% TTHC được thực hiện trực tuyến.", "- 100% TTHC được thực hiện trực tuyến."),
    ("   🏢 Chủ trì: Sở TP; phối hợp: Sở TC", "   - Chủ trì: Sở TP; phối hợp: Sở TC"),
    ("   ⏰ Hằng tháng", "   - Thời hạn: Hằng tháng"),  # a clock: when
    ("   ⏰ Hạn: đến 30/6", "   - Hạn: đến 30/6"),  # ... unless a field is named
    ("👍🏻 Đồng ý", "- Đồng ý"),  # a skin tone is part of its pictograph
    ("Rà soát TTHC 👉 báo cáo", "Rà soát TTHC 👉 báo cáo"),  # only a line's first mark
    ("- Sở Tư pháp", "- Sở Tư pháp"),
])
def test_pictographs_that_open_a_line_are_read_as_a_plans_marks(line, plain):
    assert plain_markers(line) == plain


E_MAIL = """Từ: Phòng Kiểm soát TTHC - VP UBND tỉnh X <kstthc@x.gov.vn>
Chủ đề: Triển khai KH 15/KH-UBND

Kính gửi anh chị đầu mối KSTTHC các Sở, ban, ngành tỉnh,

🎯 MỤC TIÊU
✅ Năm 2025: giảm ít nhất 30% thời gian giải quyết TTHC.
✅ 100% TTHC liên quan đến doanh nghiệp được thực hiện trực tuyến.

📌 NHIỆM VỤ CỤ THỂ
1️⃣ TTHC nội bộ
👉 Công bố danh mục TTHC nội bộ giữa các cơ quan hành chính nhà nước.
   🏢 Chủ trì: VP UBND tỉnh; phối hợp: Sở NV
   ⏰ Hạn: xong trước 30.9.2025
👉 Điện tử hóa chế độ báo cáo của doanh nghiệp – Chủ trì: Sở TC – Hạn: năm 2026
👉 Tổ chức tiếp nhận TTHC không phụ thuộc địa giới hành chính.
   🏢 Chủ trì: TT PVHCC tỉnh
   ⏰ Thực hiện thường xuyên

🔔 TỔ CHỨC THỰC HIỆN
🔸 Các Sở, ngành cử 01 công chức đầu mối, gửi danh sách về VP UBND tỉnh trước 05-5-2025.

Anh chị có vướng mắc gì liên hệ trực tiếp em Hà nhé 🙏
Trân trọng cảm ơn anh chị!

--
Nguyễn Thị Hà
Văn phòng UBND tỉnh X"""


def test_a_plan_pasted_into_an_e_mail_reads_its_pictographs_sections_and_dashed_fields():
    doc = doc_from(E_MAIL)
    t = extract_tasks(doc)
    assert t[["path", "kind", "lead", "partners", "deadline_text", "due"]].values.tolist() == [
        ["I+1", "objective", "", "", "Năm 2025", "2025-12-31"],  # the year its target is labelled with
        ["I+2", "objective", "", "", "", ""],
        ["II.1+1", "task", "VP UBND tỉnh", "Sở NV", "xong trước 30.9.2025", "2025-09-30"],
        ["II.1+2", "task", "Sở TC", "", "năm 2026", "2026-12-31"],
        ["II.1+3", "task", "TT PVHCC tỉnh", "", "Thực hiện thường xuyên", ""],
        ["III+1", "duty", "Các Sở, ngành", "", "trước 05-5-2025", "2025-05-05"]]
    roles = line_accounting(doc).set_index("line").role
    assert roles[6] == roles[10] == roles[11] == roles[20] == "heading"
    assert roles[23] == roles[24] == "closing"
    assert (roles[26:] == "signature").all()


# --- walkthrough 7: agencies as headings, in capitals or addressed "Đối với" -------------------
def test_an_agency_alone_in_capitals_leads_the_items_under_it():
    """Nam Định (an OCR'd PDF): "SỞ TƯ PHÁP" on its own line over "- " items; a line in capitals
    after a wrapped item starts a heading, it does not go on with the item."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ CỤ THỂ\nPhân công nhiệm vụ cho các cơ quan, đơn vị như sau:\n"
                               "VĂN PHÒNG UBND TỈNH\n- Tổng hợp phương án cắt giảm TTHC, trình phê duyệt trước\n"
                               "ngày 30/6/2025.\nSỞ TÀI CHINH\n- Rà soát điều kiện đầu tư kinh doanh.\n"
                               "- Điện tử hóa chế độ báo cáo, hoàn thành trong năm 2026.\n"
                               "CÁC SỞ, BAN, NGÀNH; UBND CÁC HUYỆN, THÀNH PHỐ\n- Số hóa hồ sơ TTHC còn hiệu lực."))
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["II.1", "VĂN PHÒNG UBND TỈNH", "2025-06-30"],  # its one item, as under "1. Văn phòng UBND tỉnh"
        ["II.2+1", "SỞ TÀI CHINH", ""], ["II.2+2", "SỞ TÀI CHINH", "2026-12-31"],
        ["II.3", "CÁC SỞ, BAN, NGÀNH; UBND CÁC HUYỆN, THÀNH PHỐ", ""]]
    # a line in capitals that names no agency is no agency heading
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát TTHC.\nNĂM 2025\n- Số hóa hồ sơ."))
    assert t.lead.eq("").all()


def test_duties_addressed_to_an_agency_with_doi_voi_are_its_own():
    """Hải Dương (a công văn): "1. Đối với Sở Tài chính:" then "a) Chủ trì, phối hợp …"."""
    doc = doc_from("Kính gửi: Các sở, ban, ngành tỉnh; Công an tỉnh\n"
                   "UBND tỉnh đề nghị các cơ quan thực hiện một số nhiệm vụ sau:\n"
                   "1. Đối với Sở Tài chính:\na) Chủ trì, phối hợp với Sở Tư pháp rà soát điều kiện kinh doanh.\n"
                   "b) Điện tử hóa chế độ báo cáo, hoàn thành trong 6 tháng cuối năm 2025.\n"
                   "2. Đối với Văn phòng UBND tỉnh:\na) Trình Chủ tịch UBND tỉnh phê duyệt trước ngày 30 tháng 6.",
                   doc_type="công văn", date="2025-06-10")
    t = extract_tasks(doc)
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["1.a", "Sở Tài chính", ""], ["1.b", "Sở Tài chính", "2025-12-31"],
        ["2.a", "Văn phòng UBND tỉnh", "2025-06-30"]]


# --- walkthrough 7: numbering, fields and tables as other provinces write them -------------------
def test_slash_numbering_and_sections_named_muc():
    """Vĩnh Phúc ("I/", "1/", "a/") and Sóc Trăng ("Mục 1. Mục đích" then "a/ …")."""
    t = extract_tasks(doc_from("I/ MỤC ĐÍCH, YÊU CẦU\n1/ Mục đích\na/ Cắt giảm thực chất TTHC.\n"
                               "b/ Đẩy mạnh giải quyết TTHC trên môi trường điện tử.\nII/ NHIỆM VỤ CỤ THỂ\n"
                               "1/ Cắt giảm TTHC nội bộ\na/ Công bố danh mục TTHC nội bộ.\n"
                               "PHẦN III. TỔ CHỨC THỰC HIỆN\nMục 1. Văn phòng UBND tỉnh\na/ Theo dõi, đôn đốc."))
    assert t[["path", "kind", "lead"]].values.tolist() == [
        ["I.1.a", "objective", ""], ["I.1.b", "objective", ""], ["II.1.a", "task", ""],
        ["III.1.a", "duty", "Văn phòng UBND tỉnh"]]


def test_tien_do_is_a_deadline_field_and_a_task_may_be_numbered_in_words():
    """Kiên Giang: "Nhiệm vụ thứ mười: …", a description, then "Đơn vị thực hiện: …; đơn vị phối
    hợp: …" / "Sản phẩm: …" / "Tiến độ: …" lines."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\nNhiệm vụ thứ chín: Tiếp nhận TTHC không phụ thuộc địa giới\n"
                               "Đơn vị thực hiện: Trung tâm Phục vụ hành chính công tỉnh.\nTiến độ: thường xuyên.\n"
                               "Nhiệm vụ thứ mười: Số hóa hồ sơ, kết quả giải quyết TTHC còn hiệu lực\n"
                               "Cấp huyện đạt 100% hồ sơ được số hóa.\n"
                               "Đơn vị thực hiện: UBND các huyện; đơn vị phối hợp: Sở Khoa học và Công nghệ.\n"
                               "Sản phẩm: Dữ liệu số hóa.\nTiến độ: trước ngày 15 tháng 12 năm 2025."))
    assert t[["path", "lead", "partners", "product", "due"]].values.tolist() == [
        ["II.9", "Trung tâm Phục vụ hành chính công tỉnh", "", "", ""],
        ["II.10", "UBND các huyện", "Sở Khoa học và Công nghệ", "Dữ liệu số hóa.", "2025-12-15"]]
    assert t.text.iloc[1].endswith("Cấp huyện đạt 100% hồ sơ được số hóa.")


@pytest.mark.parametrize(("words", "number"), [
    ("nhất", 1), ("hai", 2), ("tư", 4), ("mười", 10), ("mười một", 11), ("mười lăm", 15), ("hai mươi", 20),
    ("hai mươi mốt", 21), ("mốt", None), ("lăm", None), ("một mươi", None), ("trăm", None)])
def test_ordinals_in_words(words, number):
    from kehoach_lib.parse import ordinal_number

    assert ordinal_number(words) == number


def test_a_word_hyphenated_at_a_hard_line_end_is_joined():
    """Vĩnh Phúc (a .txt wrapped at 78 characters): "Sở Công Thươn-" / "g; thời hạn: …"."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát điều kiện kinh doanh. Cơ quan chủ trì: Sở Tư pháp; "
                               "phối hợp: Sở Công Thươn-\n"
                               "g, Ngân hàng N-\nhà nước; t-\nhời hạn: trong quý III năm 2025."))
    assert t.partners.iloc[0] == "Sở Công Thương, Ngân hàng Nhà nước"
    assert t.due.iloc[0] == "2025-09-30"


@pytest.mark.parametrize(("lines", "joined"), [
    (["Sở Công Thươn-", "g; thời hạn"], "Sở Công Thương; thời hạn"),
    (["giai đoạn 2021-", "2025"], "giai đoạn 2021- 2025"),  # digits: a range wrapped, not a word
    (["kinh tế -", "xã hội"], "kinh tế - xã hội"),  # a spaced dash
    (["Sở Tư pháp-", "Sở Nội vụ"], "Sở Tư pháp- Sở Nội vụ"),  # a capital: another name
    (["phát triển kinh tế-", "xã hội"], "phát triển kinh tế-xã hội"),  # two words: the hyphen stays
    (["khu công nghiệp tr-", "ên địa bàn"], "khu công nghiệp trên địa bàn"),  # a piece without a vowel
])
def test_lines_join_a_hyphenated_word_only(lines, joined):
    from kehoach_lib.parse import _join

    assert _join(lines) == joined


def test_a_number_column_wrapped_in_its_narrow_cell_still_opens_the_header():
    """Sóc Trăng (a PDF table, "TT" in a 10 mm column reads "T T")."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ CỤ THỂ\nT T\tNội dung công việc\tĐơn vị chủ trì\tThời hạn hoàn thành\n"
                               "1\tRà soát, thống kê TTHC\tVăn phòng UBND tỉnh\tTrước ngày 30 tháng 9\n"
                               "2\tSố hóa hồ sơ\tUBND các huyện\tTừ tháng 7 năm 2025, thực hiện thường xuyên"))
    assert t[["text", "lead", "due"]].values.tolist() == [
        ["Rà soát, thống kê TTHC", "Văn phòng UBND tỉnh", "2025-09-30"],
        ["Số hóa hồ sơ", "UBND các huyện", ""]]  # a start is no deadline


# --- walkthrough 7: an appendix that lists procedures is no list of tasks -----------------------
def test_an_appendix_listing_procedures_gives_their_lines_a_role_and_no_tasks():
    """Lai Châu (a table with no column for the work) and Nam Định (numbered procedure names
    under "DANH MỤC TTHC …"); Lạng Sơn's table says what to do with each procedure: tasks."""
    listing = ("II. NHIỆM VỤ\n1. Rà soát TTHC.\nPHỤ LỤC II\nDANH MỤC THỦ TỤC HÀNH CHÍNH ĐỀ XUẤT CẮT GIẢM\n"
               "STT\tTên thủ tục hành chính\tLĩnh vực\tCơ quan giải quyết\tThời gian hiện hành\n"
               "1\tCấp giấy phép xây dựng\tXây dựng\tSở Xây dựng\t20 ngày\n"
               "2\tĐăng ký hộ kinh doanh\tĐăng ký kinh doanh\tUBND cấp xã\t03 ngày")
    doc = doc_from(listing)
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    roles = line_accounting(doc).set_index("line").role
    assert roles[6] == roles[7] == "procedure"
    prose = ("II. NHIỆM VỤ\n1. Rà soát TTHC.\nPHỤ LỤC\nDANH MỤC TTHC ĐỀ XUẤT CẮT GIẢM NĂM 2025\nA. TTHC CẤP TỈNH\n"
             "1. Thủ tục cấp Giấy phép môi trường (lĩnh vực Môi trường).\n"
             "2. Thủ tục đăng ký thành lập hộ kinh doanh (lĩnh vực Đăng ký kinh doanh).")
    doc = doc_from(prose)
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    assert line_accounting(doc).set_index("line").role[[6, 7]].eq("procedure").all()
    work = listing.replace("Thời gian hiện hành", "Thời hạn").replace("20 ngày", "Quý III/2025")
    t = extract_tasks(doc_from(work))
    assert len(t) == 3 and t.due.iloc[1] == "2025-09-30"


@pytest.mark.parametrize(("item", "lead"), [
    ("Tỉnh đoàn chủ trì tuyên truyền kết quả cắt giảm TTHC.", "Tỉnh đoàn"),
    ("Hội Liên hiệp Phụ nữ tỉnh phối hợp tuyên truyền đến hội viên.", "Hội Liên hiệp Phụ nữ tỉnh"),
    ("Bảo hiểm xã hội tỉnh chủ trì số hóa hồ sơ.", "Bảo hiểm xã hội tỉnh"),
    ("Hội nghị triển khai Kế hoạch trong tháng 5/2025.", ""),  # a conference, not a body
])
def test_the_mass_organisations_lead_as_agencies_do(item, lead):
    assert extract_tasks(doc_from("III. TỔ CHỨC THỰC HIỆN\n1. " + item)).lead.tolist() == [lead]


def test_an_appendix_table_that_repeats_the_plans_tasks_is_named_and_kept():
    """Kiên Giang (walkthrough 7): a summary table after the plan lists its tasks again, with
    their leads and deadlines; both are kept, and the warning says so."""
    body = "\n".join(f"{k}. {agency} rà soát nhóm TTHC số {k}, hoàn thành trước ngày {k}/9/2025."
                     for k, agency in enumerate(["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"], start=1))
    table = "\n".join(f"{k}\tNhóm {k}\t{agency}\tTrước ngày {k}/9/2025"
                      for k, agency in enumerate(["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"], start=1))
    doc = doc_from("II. NHIỆM VỤ\n" + body + "\nPHỤ LỤC\nSTT\tNội dung\tCơ quan chủ trì\tThời hạn\n" + table)
    assert len(extract_tasks(doc)) == 6
    (warning,) = [w for w in document_warnings(doc) if "repeat" in w]
    assert warning.startswith("3 row(s) of an appendix table repeat tasks of the plan")
    assert "PL.1, PL.2, PL.3" in warning
    single = doc_from("II. NHIỆM VỤ\n" + body + "\nPHỤ LỤC\nSTT\tNội dung\tCơ quan chủ trì\tThời hạn\n"
                      + table.split("\n")[0])
    assert not [w for w in document_warnings(single) if "repeat" in w]  # one row alike is a coincidence


# --- review 11: the new rules where they must not apply ---------------------------------------
BASE = "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng.\nII. NHIỆM VỤ\n{}\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp theo dõi."


def test_a_heading_in_capitals_wrapped_onto_an_agencys_name_is_one_heading():
    t = extract_tasks(doc_from("I. MỤC ĐÍCH\nNâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN VÀ TRÁCH NHIỆM CỦA CÁC\n"
                               "CƠ QUAN, ĐƠN VỊ\n1. Sở Tư pháp chủ trì theo dõi.\n2. Sở Nội vụ chủ trì đánh giá."))
    assert t[["path", "lead"]].values.tolist()[1:] == [["II.1", "Sở Tư pháp"], ["II.2", "Sở Nội vụ"]]
    t = extract_tasks(doc_from(BASE.format("SỞ TƯ PHÁP\n1. Rà soát quy định.\n2. Công bố TTHC.\nSỞ NỘI VỤ\n"
                                           "1. Đào tạo công chức.")))
    assert t[["path", "lead"]].values.tolist()[1:4] == [["II.1.1", "SỞ TƯ PHÁP"], ["II.1.2", "SỞ TƯ PHÁP"],
                                                         ["II.2.1", "SỞ NỘI VỤ"]]


def test_deadline_values_that_repeat_with_later_years_are_no_running_header():
    items = "\n".join(f"{k}. Rà soát nhóm {k}\n- Cơ quan chủ trì: Sở Nội vụ\n- Thời gian hoàn thành:\nQuý IV năm {y}"
                      for k, y in ((1, 2025), (2, 2026)))
    assert extract_tasks(doc_from(BASE.format(items))).due.tolist()[1:3] == ["2025-12-31", "2026-12-31"]


def test_doi_voi_in_a_sentence_says_for_whom_not_who():
    t = extract_tasks(doc_from(BASE.format("1. Số hóa\na) Đối với cơ quan chưa hoàn thành số hóa hồ sơ, khẩn "
                                           "trương triển khai trước 30/9/2025.")))
    assert t.lead.iloc[1] == ""


def test_symbols_that_are_text_are_no_bullets():
    footer = "© Bản quyền thuộc Cổng Thông tin điện tử tỉnh X"
    assert plain_markers(footer) == footer
    doc = doc_from(BASE.format("1. Rà soát TTHC.") + "\n© Bản quyền thuộc Cổng Thông tin điện tử tỉnh X\n"
                   "® Ghi rõ nguồn khi phát hành lại thông tin")
    assert len(extract_tasks(doc)) == 3
    assert line_accounting(doc).role.iloc[-2:].eq("boilerplate").all()


def test_a_title_that_opens_with_a_sections_name_stays_the_title():
    doc = doc_from("KẾ HOẠCH\nNHIỆM VỤ TRỌNG TÂM VỀ CẢI CÁCH THỦ TỤC HÀNH CHÍNH\nTRÊN ĐỊA BÀN TỈNH NĂM 2025\n"
                   "Căn cứ Nghị quyết số 66/NQ-CP;\n" + BASE.format("1. Rà soát TTHC."))
    assert extract_tasks(doc).path.tolist() == ["I+1", "II.1", "III.1"]


def test_a_table_of_procedures_that_says_what_to_do_with_each_is_tasks():
    doc = doc_from(BASE.format("1. Rà soát TTHC.") + "\nPHỤ LỤC\nPHƯƠNG ÁN ĐƠN GIẢN HÓA TTHC\n"
                   "STT\tTên thủ tục hành chính\tNội dung đơn giản hóa\tLý do\n"
                   "1\tCấp giấy phép xây dựng\tGiảm thời gian từ 20 xuống 15 ngày\tThuận lợi\n"
                   "2\tĐăng ký hộ kinh doanh\tBỏ bản sao CCCD\tDữ liệu dân cư")
    assert extract_tasks(doc).path.tolist()[-2:] == ["PL.1", "PL.2"]


def test_plus_lines_go_on_with_a_field_unless_they_are_points_with_fields_of_their_own():
    t = extract_tasks(doc_from(BASE.format("1. Rà soát TTHC nội bộ\n- Cơ quan chủ trì: Văn phòng UBND tỉnh\n"
                                           "- Cơ quan phối hợp: Sở Nội vụ\n+ Sở Tài chính\n+ các sở, ban, ngành tỉnh\n"
                                           "- Sản phẩm: Báo cáo kết quả rà soát\n+ Quyết định công bố danh mục TTHC\n"
                                           "- Thời gian hoàn thành: Quý III/2025")))
    row = t.iloc[1]
    assert row.partners == "Sở Nội vụ; Sở Tài chính; các sở, ban, ngành tỉnh"
    assert row["product"] == "Báo cáo kết quả rà soát; Quyết định công bố danh mục TTHC"
    assert row.text == "Rà soát TTHC nội bộ" and row.due == "2025-09-30"


# --- walkthrough 8: reports to a ministry, decisions, trailing assignments ----------------------
def test_a_letter_to_a_ministry_reports_its_results_and_assigns_its_tasks_in_brackets():
    """Bắc Kạn (a công văn to Bộ Tài chính): the addressee leads nothing; "I. KẾT QUẢ …" is what
    was done; "(Sở Tài chính; trước 31/8/2025)", "(X chủ trì, Y phối hợp; Quý III/2025)"."""
    doc = doc_from("Kính gửi: Bộ Tài chính.\nPhúc đáp Công văn số 3021/BTC-PC, UBND tỉnh báo cáo như sau:\n"
                   "I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN\n1. Công tác chỉ đạo, điều hành\n"
                   "UBND tỉnh đã ban hành Kế hoạch số 211.\n"
                   "2. Kết quả rà soát\n- Đã rà soát 1.426 TTHC.\nII. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI\n"
                   "1. Hoàn thành rà soát điều kiện đầu tư kinh doanh (Sở Tài chính; trước 31/8/2025).\n"
                   "2. Sửa đổi quy trình nội bộ (Văn phòng UBND tỉnh chủ trì, các đơn vị liên quan phối hợp; "
                   "Quý III/2025).\n"
                   "3. Số hóa hồ sơ đạt 100% (các sở, ban, ngành; UBND các huyện, thành phố).",
                   doc_type="công văn", date="2025-07-08")
    t = extract_tasks(doc)
    assert t[["path", "lead", "partners", "due"]].values.tolist() == [
        ["II.1", "Sở Tài chính", "", "2025-08-31"],
        ["II.2", "Văn phòng UBND tỉnh", "các đơn vị liên quan", "2025-09-30"],
        ["II.3", "các sở, ban, ngành; UBND các huyện, thành phố", "", ""]]


def test_a_decisions_article_on_carrying_it_out_holds_its_duties():
    """Trà Vinh: "Điều 2. Tổ chức thực hiện" and its paragraphs; "Điều 3. Quyết định này có hiệu
    lực …" and "… chịu trách nhiệm thi hành Quyết định này" close it."""
    doc = doc_from("QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt kèm theo Quyết định này Danh mục nhiệm vụ.\n"
                   "STT\tNội dung nhiệm vụ\tCơ quan thực hiện\tThời gian hoàn thành\n"
                   "1\tRà soát TTHC\tChủ trì: Văn phòng UBND tỉnh Phối hợp: Các sở, ban, ngành\tQuý III/2025\n"
                   "2\tSố hóa hồ sơ\tSở Nông nghiệp và Môi trường chủ trì; các đơn vị liên quan phối hợp\tNăm 2026\n"
                   "Điều 2. Tổ chức thực hiện\nSở Tài chính tham mưu bố trí kinh phí thực hiện.\n"
                   "Sở Nội vụ đưa kết quả thực hiện vào đánh giá thi đua.\n"
                   "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
                   "Chánh Văn phòng UBND tỉnh; Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.",
                   doc_type="quyết định")
    t = extract_tasks(doc)
    assert t[["path", "kind", "lead", "partners"]].values.tolist() == [
        ["1", "task", "Văn phòng UBND tỉnh", "Các sở, ban, ngành"],
        ["2", "task", "Sở Nông nghiệp và Môi trường", "các đơn vị liên quan"],
        ["Đ2+1", "duty", "Sở Tài chính", ""], ["Đ2+2", "duty", "Sở Nội vụ", ""]]
    roles = line_accounting(doc).role.tolist()
    assert roles[-2:] == ["closing", "closing"] and "unaccounted" not in roles


_PLAN_ITEMS = ("KẾ HOẠCH\nI. NHIỆM VỤ\n1. Các sở, ban, ngành rà soát, cắt giảm TTHC nội bộ, hoàn thành trước "
               "ngày 30/6/2026.\n2. Sở Khoa học và Công nghệ nâng cấp Hệ thống thông tin giải quyết TTHC tỉnh.\n")


@pytest.mark.parametrize(("closing", "work"), [
    ("Kế hoạch này có hiệu lực kể từ ngày ký. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện, tổng hợp báo cáo "
     "Chủ tịch UBND tỉnh trước ngày 15/12/2026./.",
     "Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện, tổng hợp báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2026./."),
    ("Trên đây là Kế hoạch cắt giảm TTHC năm 2026 của UBND tỉnh. Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp "
     "báo cáo kết quả trước ngày 15/12/2026./.",
     "Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp báo cáo kết quả trước ngày 15/12/2026./."),
])
def test_work_given_after_a_plans_closing_words_in_their_paragraph_is_a_task(closing, work):
    """The closing words end with their sentence: a later sentence that gives an agency work is
    the plan's last task, with its lead and due date, not part of the closing."""
    doc = doc_from(_PLAN_ITEMS + closing)
    last = extract_tasks(doc).iloc[-1]
    assert (last.text, last.due, last.line_start) == (work, "2026-12-15", 5)
    assert line_accounting(doc).role.tolist()[-1] == "task"


@pytest.mark.parametrize("closing", [
    "Kế hoạch này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành "
    "Kế hoạch này./.",
    "Trên đây là Kế hoạch của UBND tỉnh. Đề nghị các sở, ban, ngành nghiêm túc triển khai thực hiện./.",
    "Trên đây là Kế hoạch của UBND tỉnh. Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
    "Trên đây là Kế hoạch của UBND tỉnh, yêu cầu các cơ quan nghiêm túc thực hiện. Trong quá trình thực hiện, nếu có "
    "khó khăn, vướng mắc, các cơ quan báo cáo về Văn phòng UBND tỉnh để tổng hợp./.",
])
def test_closing_words_of_more_than_one_sentence_stay_closing(closing):
    doc = doc_from(_PLAN_ITEMS + closing)
    assert len(extract_tasks(doc)) == 2
    assert line_accounting(doc).role.tolist()[-1] == "closing"


@pytest.mark.parametrize(("tail", "lead", "partners", "due"), [
    ("— Sở Nông nghiệp và Môi trường (chủ trì), Sở Tài chính; hạn tháng 9/2025.", "Sở Nông nghiệp và Môi trường",
     "Sở Tài chính", "2025-09-30"),
    ("— Sở Tư pháp; hằng năm, trước 15/12.", "Sở Tư pháp", "", ""),  # periodic: no one due date
    ("— Ban Quản lý các khu công nghiệp tỉnh; thực hiện kể từ ngày 01/7/2025 đến hết 31/12/2026.",
     "Ban Quản lý các khu công nghiệp tỉnh", "", "2026-12-31"),
    ("; báo cáo trước ngày 30/6/2025 (báo cáo sơ bộ) và 30/9/2025 (báo cáo chính thức).", "", "", "2025-09-30"),
])
def test_a_dash_at_the_end_names_the_agencies_and_when(tail, lead, partners, due):
    """Hà Nam (a hand-typed .md): "1) Rà soát … — Agency (chủ trì), Partner; hạn …"."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát, cắt giảm thời gian giải quyết TTHC " + tail))
    assert t[["lead", "partners", "due"]].values.tolist() == [[lead, partners, due]]


@pytest.mark.parametrize(("item", "lead", "partners"), [
    # a field line whose agencies each carry their role in brackets
    ("1. Rà soát TTHC nội bộ.\n- Đơn vị thực hiện: Văn phòng UBND tỉnh (chủ trì); Sở Nội vụ (phối hợp).",
     "Văn phòng UBND tỉnh", "Sở Nội vụ"),
    ("1. Số hóa hồ sơ TTHC.\n- Đơn vị: Sở Khoa học và Công nghệ (chủ trì); Văn phòng UBND tỉnh, "
     "Công an tỉnh (phối hợp).",
     "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh, Công an tỉnh"),
    # ... or inside the item's wording, after a sentence; an agency after the lead unmarked helps
    ("1. Kiểm tra việc thực hiện TTHC. Đơn vị: Văn phòng UBND tỉnh (chủ trì); Sở Nội vụ (phối hợp).",
     "Văn phòng UBND tỉnh", "Sở Nội vụ"),
    ("1. Tuyên truyền cải cách TTHC; đơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch (chủ trì), "
     "Báo Lào Cai (phối hợp); thời hạn: năm 2025.", "Sở Văn hóa, Thể thao và Du lịch", "Báo Lào Cai"),
    ("1. Cắt giảm điều kiện kinh doanh. Cơ quan thực hiện: Sở Tài chính (chủ trì), Sở Tư pháp.",
     "Sở Tài chính", "Sở Tư pháp"),
    # "Đơn vị" alone names agencies only with a role marked: "Đơn vị tính: triệu đồng" is a unit
    ("1. Bố trí kinh phí thực hiện. Đơn vị tính: triệu đồng.", "", ""),
])
def test_roles_marked_in_brackets_split_lead_and_partners(item, lead, partners):
    """Lào Cai walkthrough: "Đơn vị: X (chủ trì); Y (phối hợp)"."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n" + item))
    assert t[["lead", "partners"]].values.tolist() == [[lead, partners]]


def test_an_items_own_lead_wins_over_a_field_block_shared_with_later_items():
    doc = doc_from("II. NHIỆM VỤ\n1. Cắt giảm điều kiện kinh doanh. Cơ quan thực hiện: Sở Tài chính.\n"
                   "2. Nâng cấp Hệ thống thông tin giải quyết TTHC.\n"
                   "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n- Cơ quan phối hợp: Công an tỉnh.\n"
                   "- Thời gian hoàn thành: Quý IV/2025.")
    t = extract_tasks(doc)
    assert t[["path", "lead", "partners"]].values.tolist() == [
        ["II.1", "Sở Tài chính", ""], ["II.2", "Sở Khoa học và Công nghệ", "Công an tỉnh"]]


@pytest.mark.parametrize(("item", "lead"), [
    ("Đối với Sở Tư pháp: rà soát văn bản quy phạm pháp luật có quy định TTHC.", "Sở Tư pháp"),
    ("Đối với các sở, ban, ngành: công khai TTHC trên Cổng dịch vụ công.", "các sở, ban, ngành"),
    # for whom, not who: not an agency, or no colon
    ("Đối với TTHC cấp xã: rà soát, đơn giản hóa thành phần hồ sơ.", ""),
    ("Đối với UBND cấp xã, trong năm 2025 hoàn thành số hóa hồ sơ.", ""),
])
def test_for_an_agency_and_a_colon_names_the_lead(item, lead):
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. " + item))
    assert t.lead.tolist() == [lead]


def test_a_portal_pages_attachment_box_is_its_tail():
    doc = doc_from("II. NHIỆM VỤ\n1. Công khai TTHC trên Cổng dịch vụ công quốc gia.\n"
                   "Tệp đính kèm\nKH12.pdf\nLượt xem: 125")
    assert extract_tasks(doc).text.tolist() == ["Công khai TTHC trên Cổng dịch vụ công quốc gia."]
    assert "unaccounted" not in line_accounting(doc).role.tolist()


def test_an_attached_files_size_is_part_of_the_attachment_box():
    """Đồng Nai (walkthrough 21b): "Tệp đính kèm: 245-KH-UBND.pdf (512 KB)" after the signature was
    a duty of the last agency heading."""
    doc = doc_from("IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện.\n"
                   "Tệp đính kèm: 245-KH-UBND.pdf (512 KB)")
    assert extract_tasks(doc).text.tolist() == ["Văn phòng UBND tỉnh theo dõi, đôn đốc thực hiện."]


@pytest.mark.parametrize(("item", "lead", "partners", "due"), [
    # walkthrough 21b: a list of leads in square brackets, before the clause that says by when
    ("Rà soát điều kiện kinh doanh [Các sở: Công Thương, Y tế chủ trì]; hoàn thành trước ngày 30/10/2025.",
     "Các sở: Công Thương, Y tế", "", "2025-10-30"),
    # ... and a bracket that names only the helpers
    ("Triển khai thanh toán trực tuyến phí, lệ phí (Công an tỉnh, Bảo hiểm xã hội tỉnh phối hợp).",
     "", "Công an tỉnh, Bảo hiểm xã hội tỉnh", ""),
    ("Rà soát quy định TTHC (Sở Tư pháp; trước 31/8/2025).", "Sở Tư pháp", "", "2025-08-31"),
    # (a bracket that is no list of bodies stays in the text)
    ("Rà soát quy định (trừ lĩnh vực đất đai); hoàn thành trong năm 2025.", "", "", "2025-12-31"),
])
def test_a_bracket_at_the_end_names_who_leads_or_helps(item, lead, partners, due):
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. " + item))
    assert t[["lead", "partners", "due"]].values.tolist() == [[lead, partners, due]]


def test_a_bracket_of_helpers_under_an_agency_heading_gives_the_points_partners():
    """An Giang (walkthrough 21b): under "4. Sở Tư pháp:", "- Triển khai liên thông … (Công an tỉnh,
    Bảo hiểm xã hội tỉnh phối hợp)." had no partners."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n4. Sở Tư pháp:\n- Chủ trì số hóa dữ liệu hộ tịch.\n"
                               "- Triển khai liên thông TTHC khai sinh (Công an tỉnh, Bảo hiểm xã hội tỉnh phối hợp)."))
    assert t[["lead", "partners"]].values.tolist() == [["Sở Tư pháp", ""],
                                                       ["Sở Tư pháp", "Công an tỉnh, Bảo hiểm xã hội tỉnh"]]


# --- walkthrough 9 -----------------------------------------------------------------------------------
def test_an_agency_named_alone_as_a_sentence_writes_it_leads_the_items_under_it():
    """Hà Tĩnh (walkthrough 9a): "Văn phòng UBND tỉnh" bold in Word, no number, no colon, then its
    "- " duties; a line that only names an agency over no items stays what it was."""
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\nVăn phòng UBND tỉnh\n- Hướng dẫn, đôn đốc thực hiện Kế hoạch này.\n"
                   "- Tổng hợp, báo cáo kết quả định kỳ.\nSở Tư pháp\n- Thẩm định quy định TTHC trong dự thảo.")
    t = extract_tasks(doc)
    assert t[["path", "kind", "lead"]].values.tolist() == [
        ["III.1+1", "duty", "Văn phòng UBND tỉnh"], ["III.1+2", "duty", "Văn phòng UBND tỉnh"],
        ["III.2", "duty", "Sở Tư pháp"]]  # (an agency's one item takes its place)
    assert line_accounting(doc).role.tolist()[1] == "heading"


def test_an_agency_named_across_its_own_table_leads_the_rows():
    """Hà Tĩnh: each agency a table, its name in a merged row above the header."""
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\nSở Khoa học và Công nghệ\t\t\nSTT\tNhiệm vụ\tThời hạn\n"
                   "1\tBảo đảm hạ tầng kỹ thuật cho Hệ thống thông tin giải quyết TTHC\tThường xuyên\n\n"
                   "Công an tỉnh\t\t\nSTT\tNhiệm vụ\tThời hạn\n1\tLàm sạch dữ liệu dân cư\tQuý III/2025")
    t = extract_tasks(doc)
    assert t[["lead", "due"]].values.tolist() == [["Sở Khoa học và Công nghệ", ""], ["Công an tỉnh", "2025-09-30"]]
    roles = line_accounting(doc).role.tolist()
    assert roles[1] == roles[5] == "heading" and "unaccounted" not in roles


def test_a_table_with_the_deadline_before_the_task():
    """Lào Cai (walkthrough 9a): "STT | Thời gian hoàn thành | Nội dung nhiệm vụ | Cơ quan chủ trì | …"."""
    doc = doc_from("II. NHIỆM VỤ\nSTT\tThời gian hoàn thành\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\n"
                   "1\tTháng 5/2025\tRà soát, thống kê TTHC liên quan đến kinh doanh\tSở Tài chính\tCác sở, ngành")
    t = extract_tasks(doc)
    assert t[["text", "lead", "partners", "due"]].values.tolist() == [
        ["Rà soát, thống kê TTHC liên quan đến kinh doanh", "Sở Tài chính", "Các sở, ngành", "2025-05-31"]]


def test_an_agency_that_issues_a_document_does_not_lead_the_task():
    """Hà Tĩnh: "… dự thảo văn bản do HĐND, UBND tỉnh ban hành" names who issues the draft."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Đánh giá tác động TTHC trong dự thảo VBQPPL do HĐND, UBND tỉnh "
                               "ban hành theo quy định.\n2. Rà soát quy định, các sở, ngành thực hiện công bố TTHC."))
    assert t.lead.tolist() == ["", "các sở, ngành"]


def test_a_legal_portals_tabs_after_the_text_are_its_tail():
    """Lào Cai (walkthrough 9b, a thuvienphapluat copy): "Lược đồ", "Văn bản liên quan", "Tải về", …"""
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Theo dõi việc thực hiện.\n"
                   "Lược đồ\nVăn bản liên quan\nTải về\nVăn bản gốc")
    assert extract_tasks(doc).text.tolist() == ["Theo dõi việc thực hiện."]
    assert "unaccounted" not in line_accounting(doc).role.tolist()


def test_a_field_block_without_a_bullet_after_a_headings_items_is_the_headings():
    """Hà Tĩnh (walkthrough 9a): "Cơ quan thực hiện: …" closes the "- " items of "1. …" and holds
    for each of them; a "- " field line is the last item's own."""
    doc = doc_from("II. NHIỆM VỤ\n1. Kiểm soát quy định TTHC\n- Đánh giá tác động TTHC trong dự thảo.\n"
                   "- Thẩm định quy định TTHC.\nCơ quan thực hiện: Sở Tư pháp. Thời gian: thường xuyên.\n"
                   "2. Công khai TTHC\n- Công bố danh mục.\n- Cập nhật dữ liệu.\n"
                   "- Cơ quan chủ trì: Văn phòng UBND tỉnh.")
    t = extract_tasks(doc)
    assert t[["path", "lead", "deadline_text"]].values.tolist() == [
        ["II.1+1", "Sở Tư pháp", "thường xuyên"], ["II.1+2", "Sở Tư pháp", "thường xuyên"],
        ["II.2+1", "", ""], ["II.2+2", "Văn phòng UBND tỉnh", ""]]


def test_an_agency_bullet_right_under_a_part_leads_its_points():
    """Khánh Hòa (walkthrough 9b): "III. TỔ CHỨC THỰC HIỆN" / "- Sở Tư pháp:" / "+ …"."""
    t = extract_tasks(doc_from("III. TỔ CHỨC THỰC HIỆN\n- Sở Tư pháp:\n+ Hướng dẫn nghiệp vụ rà soát.\n"
                               "+ Tổng hợp kết quả cắt giảm.\n- Văn phòng UBND tỉnh: Theo dõi, đôn đốc."))
    assert t[["path", "lead"]].values.tolist() == [
        ["III+1", "Sở Tư pháp"], ["III+2", "Sở Tư pháp"], ["III+3", "Văn phòng UBND tỉnh"]]


@pytest.mark.parametrize(("field", "key", "value"), [
    ("- Kết quả đầu ra: Quyết định phê duyệt phương án.", "product", "Quyết định phê duyệt phương án."),
    ("- Kết quả: Báo cáo rà soát.", "product", "Báo cáo rà soát."),
    ("- Chủ trì thực hiện: Sở Nội vụ.", "lead", "Sở Nội vụ"),
])
def test_more_names_of_fields(field, key, value):
    """Đắk Lắk (walkthrough 9b): "Nhiệm vụ N:" with its fields in other words."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\nNhiệm vụ 1: Rà soát TTHC nội bộ.\n" + field +
                               "\n- Thời hạn hoàn thành: tháng 9/2025."))
    assert len(t) == 1 and t.iloc[0][key] == value and t.iloc[0].due == "2025-09-30"


def test_a_named_task_number_alone_on_its_line_numbers_the_next():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\nNhiệm vụ 1: Rà soát TTHC.\nNhiệm vụ 2:\nSố hóa hồ sơ TTHC."))
    assert t[["path", "text"]].values.tolist() == [["II.1", "Rà soát TTHC."], ["II.2", "Số hóa hồ sơ TTHC."]]


@pytest.mark.parametrize("pointer", [
    "2. Nhiệm vụ cụ thể\n(Chi tiết tại Phụ lục kèm theo Kế hoạch này).",
    "2. Các nhiệm vụ cụ thể của từng cơ quan, đơn vị được phân công tại Phụ lục kèm theo Kế hoạch này.",
])
def test_an_item_that_says_its_tasks_are_in_the_appendix_is_no_task(pointer):
    """Cà Mau, Lâm Đồng (walkthrough 9a); an item that works on an appendix's list is one."""
    doc = doc_from("II. NHIỆM VỤ\n1. Rà soát, đơn giản hóa các TTHC tại Phụ lục kèm theo Kế hoạch này.\n" + pointer)
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    assert "unaccounted" not in line_accounting(doc).role.tolist()


def test_a_decision_copied_from_a_legal_portal_keeps_its_header_and_the_attached_plans_title():
    """Lào Cai (walkthrough 9b): the two-column header copied with tabs and its rules
    ("-------<tab>CỘNG HÒA …"), "UỶ" as older documents spell it, and the attached plan's
    title after the signature without an issuer above it."""
    text = ("UỶ BAN NHÂN DÂN\nTỈNH LÀO CAI\n-------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "---------------\nSố: 1285/QĐ-UBND\tLào Cai, ngày 12 tháng 5 năm 2025\nQUYẾT ĐỊNH\nBan hành Kế hoạch\n"
            "Căn cứ Nghị quyết số 66/NQ-CP;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\nNơi nhận:\n- Lưu: VT.\tKT. CHỦ TỊCH\n"
            "PHÓ CHỦ TỊCH\nNguyễn Văn A\nKẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT SỐ 66/NQ-CP TRÊN ĐỊA BÀN TỈNH LÀO CAI\n"
            "(Ban hành kèm theo Quyết định số 1285/QĐ-UBND ngày 12/5/2025)\nI. NHIỆM VỤ\n1. Rà soát TTHC nội bộ.")
    doc = doc_from(text, doc_type="quyết định")
    roles = line_accounting(doc).role.tolist()
    assert roles[:6] == ["header"] * 6 and roles[16:19] == ["header"] * 3 and "unaccounted" not in roles
    assert extract_tasks(doc).path.tolist() == ["I.1"]


def test_a_scans_l_for_1_numbers_the_first_item():
    """Hà Tĩnh (walkthrough 9b, OCR): "l. Sờ Tư pháp …" before "2. …"; a letter list up to "l." keeps it."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\nl. Văn phòng UBND tỉnh rà soát TTHC.\n2. Sở Nội vụ kiểm tra.\n"
                               "3. Sở Tài chính bố trí kinh phí."))
    assert t.path.tolist() == ["II.1", "II.2", "II.3"]
    letters = "\n".join(f"{c}) Rà soát lĩnh vực {c}." for c in "abcdeghik")
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát TTHC theo lĩnh vực\n" + letters + "\nl. Rà soát lĩnh vực l.\n"
                               "2. Công khai TTHC."))
    assert "II.1.l" in t.path.tolist()


def test_a_headings_one_bullet_goes_on_from_it_and_names_its_lead():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n3. Tăng cường kiểm tra\n- Công an tỉnh kiểm tra việc giải quyết TTHC."))
    assert t[["path", "text", "lead"]].values.tolist() == [
        ["II.3", "Tăng cường kiểm tra: Công an tỉnh kiểm tra việc giải quyết TTHC.", "Công an tỉnh"]]


def test_a_plan_for_next_year_dates_its_yearless_deadlines_in_that_year():
    """Hưng Yên (walkthrough 10a): "Kế hoạch kiểm soát TTHC năm 2026" issued on 15/12/2025."""
    doc = doc_from("II. NHIỆM VỤ\n1. Rà soát TTHC nội bộ (Sở Tư pháp chủ trì; Quý II).",
                   date="2025-12-15", title="Kế hoạch kiểm soát thủ tục hành chính năm 2026")
    assert extract_tasks(doc).due.tolist() == ["2026-06-30"]
    both = doc_from("II. NHIỆM VỤ\n1. Rà soát TTHC nội bộ (Sở Tư pháp chủ trì; Quý II).",
                    date="2025-04-15", title="Kế hoạch năm 2025 và 2026")
    assert extract_tasks(both).due.tolist() == ["2025-06-30"]


def test_an_appendix_titled_on_its_own_line_holds_its_table():
    doc = doc_from("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi.\nPhụ lục: Danh mục nhiệm vụ\n"
                   "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\n1\tRà soát TTHC\tSở Tư pháp")
    t = extract_tasks(doc)
    assert t[["path", "kind"]].values.tolist() == [["III.1", "duty"], ["PL.1", "task"]]


def test_years_alone_on_their_lines_group_the_points_under_them():
    """Tây Ninh (walkthrough 10a): "Năm 2025:" / "+ …" / "Năm 2026:" / "+ …"."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Rà soát, cắt giảm TTHC\nNăm 2025:\n"
                               "+ Rà soát TTHC (Sở Tư pháp chủ trì).\n"
                               "+ Công bố danh mục (Văn phòng UBND tỉnh chủ trì; tháng 10/2025).\nNăm 2026:\n"
                               "+ Đánh giá kết quả cắt giảm (Sở Tư pháp chủ trì)."))
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["II.1+1", "Sở Tư pháp", "2025-12-31"], ["II.1+2", "Văn phòng UBND tỉnh", "2025-10-31"],
        ["II.1+3", "Sở Tư pháp", "2026-12-31"]]


# --- review 12: the walkthrough 9-10 rules do not fire on ordinary plan text ---------------------
@pytest.mark.parametrize(("item", "lead"), [
    # who issued a document, then who does the task
    ("Rà soát các thủ tục hành chính do UBND tỉnh ban hành, Sở Tư pháp chủ trì thực hiện.", "Sở Tư pháp"),
    # "Đối với" a sentence, not an agency list, before its colon
    ("Đối với UBND cấp xã, việc tiếp nhận hồ sơ thực hiện theo quy định tại Điều 5 Nghị định 61/2018/NĐ-CP, "
     "cụ thể như sau: niêm yết công khai TTHC.", ""),
])
def test_leads_the_new_rules_leave_alone(item, lead):
    assert extract_tasks(doc_from("II. NHIỆM VỤ\n1. " + item)).lead.tolist() == [lead]


@pytest.mark.parametrize(("field", "lead", "partners"), [
    ("- Đơn vị thực hiện: Sở Tư pháp; các sở, ngành (phối hợp).", "Sở Tư pháp", "các sở, ngành"),
    ("- Đơn vị: UBND TP. Tây Ninh (chủ trì); Sở Nội vụ (phối hợp).", "UBND TP. Tây Ninh", "Sở Nội vụ"),
    ("Số hóa hồ sơ. Đơn vị thực hiện: Văn phòng UBND tỉnh (Chủ trì); Sở Nội vụ (Phối hợp).",
     "Văn phòng UBND tỉnh", "Sở Nội vụ"),
])
def test_marked_roles_with_one_mark_a_town_or_capitals(field, lead, partners):
    text = "II. NHIỆM VỤ\n1. " + (field if not field.startswith("-") else "Rà soát TTHC nội bộ.\n" + field)
    t = extract_tasks(doc_from(text))
    assert t[["lead", "partners"]].values.tolist() == [[lead, partners]]


def test_a_past_year_in_a_tasks_wording_is_no_deadline():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Khắc phục những tồn tại, hạn chế được chỉ ra qua kiểm tra "
                               "trong năm 2024.\n2. Tổng kết kết quả đạt được trong năm 2024; Sở Nội vụ chủ trì.",
                               date="2025-03-01"))
    assert t.due.tolist() == ["", ""]


def test_an_agency_on_a_hard_wrapped_line_is_no_heading():
    doc = doc_from("II. NHIỆM VỤ\n1. Kiểm soát thủ tục hành chính.\n- Văn phòng UBND tỉnh chủ trì, phối hợp với\n"
                   "Sở Thông tin và Truyền thông\n- Sở Nội vụ kiểm tra việc thực hiện TTHC tại các cơ quan, đơn vị.")
    t = extract_tasks(doc)
    assert t.lead.tolist()[-1] == "Sở Nội vụ"
    assert "heading" not in line_accounting(doc).role.tolist()[3:]


def test_an_item_on_an_appendixs_list_with_its_lead_is_a_task():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Nội dung rà soát quy định tại Phụ lục II, Sở Tư pháp chủ trì, "
                               "hoàn thành trước 30/6/2025."))
    assert t[["lead", "due"]].values.tolist() == [["Sở Tư pháp", "2025-06-30"]]


def test_a_scans_l_before_a_title_in_capitals_is_a_parts_I():
    t = extract_tasks(doc_from("KẾ HOẠCH\nCăn cứ Nghị định số 61/2018/NĐ-CP;\nl. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
                               "Nâng cao chất lượng giải quyết TTHC.\nII. NHIỆM VỤ\n1. Rà soát, đơn giản hóa TTHC.\n"
                               "2. Số hóa hồ sơ."))
    assert t[["path", "kind"]].values.tolist() == [["I.1", "objective"], ["II.1", "task"], ["II.2", "task"]]


def test_an_agency_across_one_table_does_not_lead_the_next():
    doc = doc_from("II. NHIỆM VỤ\n1. Phân công nhiệm vụ cụ thể\nSở Tư pháp\t\t\n"
                   "STT\tNội dung nhiệm vụ\tThời gian hoàn thành\n1\tRà soát TTHC\tQuý II/2025\n"
                   "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\n1\tSố hóa hồ sơ\t\tQuý IV/2025")
    t = extract_tasks(doc)
    assert t[["lead", "due"]].values.tolist() == [["Sở Tư pháp", "2025-06-30"], ["", "2025-12-31"]]


@pytest.mark.parametrize(("item", "lead", "partners"), [
    # walkthrough 10b (Quảng Trị, from a PDF): the lead after a semicolon, mid-sentence
    ("Tái cấu trúc quy trình đối với TTHC đủ điều kiện; Sở Khoa học và Công nghệ chủ trì, hoàn thành trong "
     "Quý IV/2025.", "Sở Khoa học và Công nghệ", ""),
    # "phối hợp" without "với" before an agency (Lâm Đồng; Bến Tre's seed plan too)
    ("VP UBND tỉnh chủ trì, phối hợp Sở KH&CN rà soát quy trình điện tử.", "VP UBND tỉnh", "Sở KH&CN"),
    # abbreviated agencies, a commune's officials, an adverb after the agency (10a, 10b)
    ("BQL các KCN tỉnh cung cấp trực tuyến toàn trình thủ tục đăng ký đầu tư.", "BQL các KCN tỉnh", ""),
    ("TTPVHCC tỉnh bố trí nhân sự hướng dẫn người dân.", "TTPVHCC tỉnh", ""),
    ("Công chức Văn phòng - Thống kê tham mưu UBND phường ban hành quy chế.", "Công chức Văn phòng - Thống kê", ""),
    ("Văn phòng UBND tỉnh sớm hoàn thiện Hệ thống thông tin giải quyết TTHC.", "Văn phòng UBND tỉnh", ""),
    # ("thường xuyên", "hoàn thành" are no lead words: "Các sở, ngành có TTHC thường xuyên phát sinh hồ sơ
    # chủ trì …", "UBND các xã chưa hoàn thành chỉ tiêu … rà soát" — review 13)
])
def test_more_ways_an_items_wording_names_its_lead_and_partners(item, lead, partners):
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. " + item))
    assert t[["lead", "partners"]].values.tolist() == [[lead, partners]]


def test_a_reports_shortcomings_and_requests_are_no_tasks():
    """Gia Lai (walkthrough 10a, a progress report): only "Nhiệm vụ, giải pháp thời gian tới" sets tasks."""
    doc = doc_from("I. KẾT QUẢ THỰC HIỆN\n1. Đã cắt giảm 35% thời gian giải quyết TTHC.\n"
                   "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN\n- Tỷ lệ hồ sơ trực tuyến toàn trình còn thấp.\n"
                   "III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI\n1. Sở Tư pháp rà soát TTHC.\n"
                   "IV. ĐỀ XUẤT, KIẾN NGHỊ\n1. Đề nghị Văn phòng Chính phủ sớm hoàn thiện Cổng Dịch vụ công quốc gia.",
                   doc_type="báo cáo")
    assert extract_tasks(doc).path.tolist() == ["III.1"]
    # a task that proposes is a task
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Đề xuất phương án cắt giảm TTHC\n- Sở Tư pháp rà soát.\n"
                               "- Sở Nội vụ kiểm tra."))
    assert len(t) == 2


@pytest.mark.parametrize("bracket", [
    "(Chủ trì: Sở Tư pháp; Phối hợp: Sở Nội vụ; Thời hạn: tháng 9/2025)",
    "(Phối hợp: Sở Nội vụ; Chủ trì: Sở Tư pháp; thời hạn: tháng 9/2025)",
    "(Thời hạn: tháng 9/2025; Chủ trì: Sở Tư pháp; Phối hợp: Sở Nội vụ)",
])
def test_a_brackets_fields_in_any_order(bracket):
    """Ninh Bình (walkthrough 10b): 'Phối hợp:' first had been read as the lead, 'Thời hạn:' first
    had taken the rest of the bracket."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Xây dựng quy trình nội bộ giải quyết TTHC " + bracket + "."))
    assert t[["lead", "partners", "deadline_text", "due"]].values.tolist() == [
        ["Sở Tư pháp", "Sở Nội vụ", "tháng 9/2025", "2025-09-30"]]


def test_a_letters_closing_exhortation_and_a_label_over_a_table_are_no_tasks():
    """Đồng Nai, Lâm Đồng (walkthrough 10b)."""
    doc = doc_from("II. NHIỆM VỤ\n1. Sở Tư pháp rà soát TTHC.\nCác nhiệm vụ về chia sẻ dữ liệu:\n"
                   "STT\tNội dung nhiệm vụ\tChủ trì\n2\tKết nối dữ liệu đất đai\tSở Nông nghiệp và Môi trường\n"
                   "Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các xã, phường nghiêm túc triển khai "
                   "thực hiện; trong quá trình thực hiện nếu có khó khăn, vướng mắc kịp thời báo cáo Chủ tịch UBND "
                   "tỉnh để chỉ đạo giải quyết.", doc_type="công văn")
    assert extract_tasks(doc).path.tolist() == ["II.1", "II.1.2"]  # (a table stands under the item above it)
    roles = line_accounting(doc).role.tolist()
    assert roles[2] == "label" and roles[-1] == "closing"


def test_a_footnote_wrapped_at_the_foot_of_a_page_stays_out_of_the_task_it_interrupts():
    """Quảng Trị (walkthrough 10b, from a PDF): the footnote's second line had joined task 3."""
    doc = doc_from("II. NHIỆM VỤ\n3. Thực hiện thanh toán trực tuyến phí, lệ phí; Sở Tài chính chủ trì, phối hợp với "
                   "Trung tâm Phục vụ hành chính\n¹ Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ về "
                   "Chương trình cắt giảm, đơn giản hóa thủ tục hành\n"
                   "chính liên quan đến hoạt động sản xuất, kinh doanh.\n"
                   "Trang 1/4\ncông tỉnh thực hiện, hoàn thành trước ngày 31/12/2025.")
    t = extract_tasks(doc)
    assert t.partners.tolist() == ["Trung tâm Phục vụ hành chính công tỉnh"] and "Nghị quyết" not in t.text.iloc[0]
    assert line_accounting(doc).role.tolist()[2:4] == ["footnote", "footnote"]


# --- review 13: the walkthrough 10 rules do not fire on ordinary plan text -----------------------
def test_a_reference_to_an_appendix_inside_an_item_opens_none():
    doc = doc_from("II. NHIỆM VỤ\n1. Rà soát TTHC nội bộ theo danh mục sau:\n"
                   "Phụ lục: Danh mục TTHC nội bộ được rà soát năm 2025 do Sở Nội vụ tổng hợp.\n2. Số hóa hồ sơ.")
    assert [p for p in extract_tasks(doc).path if not p.startswith("PL")] == extract_tasks(doc).path.tolist()
    assert "II.2" in extract_tasks(doc).path.tolist()


def test_report_words_inside_a_plans_tasks_keep_them_tasks():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n2. Đề xuất, kiến nghị phương án đơn giản hóa TTHC\n"
                               "a) Sở Tư pháp tổng hợp đề xuất.\nb) Văn phòng UBND tỉnh thẩm tra.\n"
                               "3. Số hóa hồ sơ, kết quả giải quyết TTHC.\n\n"
                               "Sở Tư pháp hướng dẫn, kiểm tra việc số hóa theo các nội dung sau:\n"
                               "- Số hóa hồ sơ hộ tịch.\n- Số hóa hồ sơ chứng thực."))
    assert t.path.tolist()[:4] == ["II.2.a", "II.2.b", "II.3", "II.3+1"]
    assert t.lead.tolist()[3] == "Sở Tư pháp"


@pytest.mark.parametrize(("text", "date", "title", "due"), [
    # a plan for 2026 recalling 2025; a period the programme spans; months of a past year
    ("1. Tiếp tục số hóa hồ sơ. Năm 2025, toàn tỉnh đã số hóa 85% hồ sơ.", "2025-12-15", "Kế hoạch năm 2026", ""),
    ("1. Triển khai các nhiệm vụ CCHC trong giai đoạn 2021 - 2030.", "2025-04-08", "Kế hoạch", ""),
    ("1. Kiểm tra việc thực hiện vào tháng 9 và tháng 12/2024.\n- Thời hạn: tháng 6/2025.", "2025-04-08", "Kế hoạch",
     "2025-06-30"),
    # "đến năm 2026" in the title does not make the plan next year's
    ("1. Rà soát TTHC nội bộ.\n- Thời hạn: tháng 6.", "2025-04-08", "Kế hoạch cải cách TTHC đến năm 2026",
     "2025-06-30"),
    # months of one year end with the last
    ("1. Kiểm tra việc thực hiện trong tháng 3, 6, 9/2025.", "2025-01-08", "Kế hoạch", "2025-09-30"),
])
def test_years_that_are_no_deadlines_and_months_of_one_year(text, date, title, due):
    assert extract_tasks(doc_from("II. NHIỆM VỤ\n" + text, date=date, title=title)).due.tolist()[0] == due


def test_a_full_stops_subject_beats_a_clauses():
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Liên thông điện tử TTHC; Sở Tư pháp chủ trì việc cập nhật dữ liệu hộ "
                               "tịch. Văn phòng UBND tỉnh chủ trì, hoàn thành trong Quý IV/2025."))
    assert t.lead.tolist() == ["Văn phòng UBND tỉnh"]


def test_a_table_numbered_from_1_under_item_1_keeps_its_paths():
    doc = doc_from("II. NHIỆM VỤ\n1. Nhiệm vụ trọng tâm\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\n1\tRà soát TTHC\t\n"
                   "1.1\tRà soát TTHC nội bộ\tSở Nội vụ\n2\tSố hóa hồ sơ\t\n2.1\tSố hóa kết quả\tSở Tư pháp")
    assert extract_tasks(doc).path.tolist() == ["II.1.1.1", "II.1.2.1"]


def test_an_amending_plans_edits_set_no_tasks_and_its_new_items_read_without_their_lead_in():
    """Khánh Hòa (walkthrough 10a, "Kế hoạch sửa đổi, bổ sung Kế hoạch số 210/KH-UBND")."""
    doc = doc_from("I. SỬA ĐỔI, BỔ SUNG MỘT SỐ NỘI DUNG CỦA KẾ HOẠCH SỐ 210/KH-UBND\n"
                   "2. Bổ sung điểm c khoản 2 Mục II như sau:\n“c) Tái cấu trúc quy trình, cung cấp dịch vụ công trực "
                   "tuyến toàn trình. Sở Khoa học và Công nghệ chủ trì, hoàn thành trong tháng 10/2025.”\n"
                   "5. Bãi bỏ điểm d khoản 1 Mục II.\n6. Thay thế cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ "
                   "“Sở Khoa học và Công nghệ”.\nII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh theo dõi, đôn đốc.\n"
                   "2. Các nội dung khác của Kế hoạch số 210/KH-UBND giữ nguyên hiệu lực thi hành.")
    t = extract_tasks(doc)
    assert t.path.tolist() == ["I.2", "II.1"]
    assert t.text.iloc[0].startswith("Tái cấu trúc quy trình") and t.lead.iloc[0] == "Sở Khoa học và Công nghệ"
    assert "unaccounted" not in line_accounting(doc).role.tolist()


@pytest.mark.parametrize(("lead_in", "kind"), [
    ("Sửa đổi khoản 2 Mục I như sau:", "objective"),  # a plan's Mục I: MỤC ĐÍCH, YÊU CẦU
    ("Sửa đổi điểm b khoản 2 (Yêu cầu) như sau:", "objective"),
    ("Bổ sung điểm c khoản 2 Mục II như sau:", "task"),
    ("Sửa đổi khoản 3 Mục IV (Tổ chức thực hiện) như sau:", "duty"),
])
def test_an_amending_plans_new_text_takes_the_kind_of_the_part_it_amends(lead_in, kind):
    """Khánh Hòa (walkthrough 10a): the new wording of an amended "Yêu cầu" is an objective,
    though the edits stand in the amending plan's tasks."""
    doc = doc_from("I. SỬA ĐỔI, BỔ SUNG MỘT SỐ NỘI DUNG CỦA KẾ HOẠCH SỐ 210/KH-UBND\n"
                   f"1. {lead_in}\n“Bảo đảm 100% hồ sơ TTHC được số hóa, tái sử dụng dữ liệu đã số hóa.”")
    t = extract_tasks(doc)
    assert (t.kind.tolist(), t.text.iloc[0][:8]) == ([kind], "Bảo đảm ")


KHANH_HOA_LISTS = """I. NHIỆM VỤ VÀ GIẢI PHÁP
1. Kiện toàn tổ chức
- Rà soát, kiện toàn Bộ phận Một cửa cấp huyện; hoàn thành trước ngày 30/6/2025 (Chủ trì: UBND các huyện).
- Sở Nội vụ chủ trì tổ chức tập huấn cho công chức Bộ phận Một cửa, hoàn thành trong Quý III/2025.
2. Công khai, minh bạch TTHC
- Niêm yết công khai đầy đủ tại Bộ phận Một cửa các cấp các nội dung sau:
+ Danh mục TTHC được tiếp nhận tại Bộ phận Một cửa;
+ Số điện thoại đường dây nóng.
Chủ trì: Văn phòng UBND tỉnh. Thời gian: Thường xuyên.
- Công khai kết quả giải quyết hồ sơ TTHC (Chủ trì: Văn phòng UBND tỉnh; thời gian: định kỳ hằng tháng)."""


def test_a_field_block_under_one_heading_is_not_an_earlier_headings():
    """Khánh Hòa (walkthrough 11a): the block after 2.'s "+" list had led and dated the items of
    heading 1. too, which name their own."""
    t = extract_tasks(doc_from(KHANH_HOA_LISTS))
    assert t[["path", "lead", "due"]].values.tolist()[:2] == [["I.1+1", "UBND các huyện", "2025-06-30"],
                                                           ["I.1+2", "Sở Nội vụ", "2025-09-30"]]


def test_points_that_name_things_are_part_of_the_task_that_lists_them():
    """... and "+ Danh mục TTHC …;" / "+ Số điện thoại …" are what "Niêm yết … các nội dung sau:"
    posts: one task, with the block's lead and deadline."""
    t = extract_tasks(doc_from(KHANH_HOA_LISTS))
    assert t.path.tolist() == ["I.1+1", "I.1+2", "I.2+1", "I.2+2"]
    listed = t.iloc[2]
    assert listed.text.startswith("Niêm yết") and "Số điện thoại đường dây nóng" in listed.text
    assert (listed.lead, listed.recurring) == ("Văn phòng UBND tỉnh", True)


def test_points_that_name_things_are_part_of_a_lettered_point_that_lists_them():
    """Walkthrough 19d (Cà Mau): the same under a lettered point whose agency does the work
    ("b) Văn phòng UBND tỉnh … niêm yết công khai … các nội dung sau:"): its three "+" points were
    three tasks without a lead."""
    t = extract_tasks(doc_from(
        "II. NHIỆM VỤ\n3. Công khai thủ tục hành chính\n"
        "b) Văn phòng UBND tỉnh cập nhật, công khai thủ tục hành chính trên Cơ sở dữ liệu quốc gia; niêm "
        "yết công khai tại Trung tâm Phục vụ hành chính công tỉnh các nội dung sau:\n"
        "+ Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết;\n+ Số điện thoại đường dây nóng;\n"
        "+ Địa chỉ tiếp nhận phản ánh, kiến nghị.\nc) Sở Nội vụ kiểm tra việc niêm yết, hằng quý.\n"))
    assert t.path.tolist() == ["II.3.b", "II.3.c"]
    assert t.lead.tolist() == ["Văn phòng UBND tỉnh", "Sở Nội vụ"]
    assert "Số điện thoại đường dây nóng" in t.text.iloc[0]


def test_points_that_name_things_are_part_of_a_lettered_point_that_names_no_agency():
    """Walkthrough 20a (Quảng Ninh): "a) Niêm yết công khai … gồm các nội dung sau:" with its field
    block after the points: one task with the block's lead (it had been the points' two tasks, the
    first with no lead, the second with the block; without the block they took the next item's)."""
    t = extract_tasks(doc_from(
        "II. NHIỆM VỤ\n4. Nâng cao chất lượng phục vụ\n"
        "a) Niêm yết công khai đầy đủ, kịp thời các TTHC tại nơi tiếp nhận hồ sơ, gồm các nội dung sau:\n"
        "+ Danh mục TTHC và quy trình giải quyết;\n+ Số điện thoại đường dây nóng.\n"
        "- Cơ quan chủ trì: Trung tâm Phục vụ hành chính công tỉnh; UBND các xã, phường.\n"
        "- Thời hạn hoàn thành: Thường xuyên.\n"
        "b) Tiếp nhận, xử lý phản ánh, kiến nghị.\n- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n"))
    assert t[["path", "lead", "deadline_text"]].values.tolist() == [
        ["II.4.a", "Trung tâm Phục vụ hành chính công tỉnh; UBND các xã, phường", "Thường xuyên"],
        ["II.4.b", "Văn phòng UBND tỉnh", ""]]
    assert "Số điện thoại đường dây nóng" in t.text.iloc[0]


def test_a_bracket_names_who_carries_the_work_out_after_who_leads_it():
    """Walkthrough 20a (Đắk Lắk): "(Sở Tư pháp chủ trì; UBND các xã, phường thực hiện; thời hạn: …)":
    the communes are the implementers (they had been lost)."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Thực hiện chứng thực điện tử bản sao từ bản chính (Sở Tư "
                               "pháp chủ trì; UBND các xã, phường thực hiện; thời hạn: năm 2025).\n"))
    assert t[["lead", "implementers", "due"]].values.tolist() == [["Sở Tư pháp", "UBND các xã, phường", "2025-12-31"]]


@pytest.mark.parametrize("stem", ["- Sở Nội vụ thực hiện các nội dung sau:", "- Thực hiện các nội dung sau:"])
def test_points_that_start_with_an_action_stay_tasks_of_their_own(stem):
    t = extract_tasks(doc_from(f"II. NHIỆM VỤ\n1. Kiểm soát TTHC\n{stem}\n+ Rà soát quy định TTHC;\n"
                               "+ Tổ chức đối thoại với doanh nghiệp."))
    assert len(t) == 2 and t.text.str.contains("Rà soát").sum() == 1


def test_a_fields_value_goes_on_past_a_page_foot():
    """Khánh Hòa (walkthrough 11a, a PDF): "Thời gian: Thường", the page's footnote and number,
    then "xuyên." on the next page: one value, no task "xuyên."."""
    doc = doc_from("II. NHIỆM VỤ\n1. Công khai, minh bạch TTHC\n"
                   "- Niêm yết công khai kết quả giải quyết hồ sơ theo Đề án 468¹ tại Bộ phận Một cửa.\n"
                   "Chủ trì: Văn phòng UBND tỉnh. Thời gian: Thường\n"
                   "¹ Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới việc\n"
                   "thực hiện cơ chế một cửa, một cửa liên thông.\n2\nxuyên.\n"
                   "- Công khai tỷ lệ hồ sơ trễ hạn (Chủ trì: Văn phòng UBND tỉnh; thời gian: định kỳ hằng tháng).")
    t = extract_tasks(doc)
    assert t[["path", "deadline_text", "recurring"]].values.tolist() == [
        ["II.1+1", "Thường xuyên", True], ["II.1+2", "định kỳ hằng tháng", True]]
    roles = line_accounting(doc).set_index("line").role
    assert (roles[5], roles[7]) == ("footnote", "boilerplate")


def test_a_reports_table_of_results_is_no_task():
    """An Giang (walkthrough 11b, a báo cáo): "STT | Chỉ tiêu | Kế hoạch năm 2025 | Kết quả 9 tháng"
    under "I. KẾT QUẢ THỰC HIỆN" says what was done, as the part's paragraphs do."""
    doc = doc_from("I. KẾT QUẢ THỰC HIỆN\n1. Dịch vụ công\nSTT\tChỉ tiêu\tKế hoạch năm 2025\tKết quả 9 tháng\n"
                   "1\tTỷ lệ hồ sơ trực tuyến toàn trình\t80%\t62,4%\n2\tTỷ lệ thanh toán trực tuyến\t50%\t45,1%\n"
                   "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI\n1. Sở Tài chính đẩy mạnh thanh toán trực tuyến.",
                   doc_type="báo cáo")
    assert extract_tasks(doc).path.tolist() == ["II.1"]
    assert line_accounting(doc).set_index("line").role[4] == "prose"


NGHE_AN_LETTER = """1. Về rà soát, cắt giảm thủ tục hành chính

Giao các sở, ban, ngành cấp tỉnh rà soát toàn bộ thủ tục hành chính thuộc phạm vi quản lý, gửi Văn phòng UBND tỉnh \
tổng hợp trước ngày 15/9/2025. Văn phòng UBND tỉnh tổng hợp, thẩm định phương án, tham mưu UBND tỉnh trình cấp có \
thẩm quyền trong Quý IV/2025.

Giao Sở Nội vụ chủ trì xây dựng Kế hoạch cải thiện Chỉ số PAR INDEX năm 2026, trình UBND tỉnh trước ngày 15/01/2026.
Giao Sở Tài chính chủ trì xây dựng Kế hoạch nâng cao Chỉ số PCI năm 2026, trình UBND tỉnh trong tháng 01/2026."""


def test_a_clause_after_a_semicolon_that_gives_work_to_another_agency_is_a_task_of_its_own():
    t = extract_tasks(doc_from("1. Về rà soát\n\nGiao Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật về "
                               "TTHC, hoàn thành trước ngày 30/9/2025; Văn phòng UBND tỉnh tổng hợp kết quả, báo cáo "
                               "UBND tỉnh trong Quý IV/2025.\n\nGiao Sở Nội vụ rà soát TTHC nội bộ trong tháng 8/2025.",
                               doc_type="công văn"))
    assert t[["lead", "due"]].values.tolist() == [["Sở Tư pháp", "2025-09-30"], ["Văn phòng UBND tỉnh", "2025-12-31"],
                                                  ["Sở Nội vụ", "2025-08-31"]]
    assert t.text.iloc[0].endswith("30/9/2025")


def test_a_letters_paragraph_of_two_assignments_is_two_tasks():
    """Nghệ An (walkthrough 11b, a công văn in running paragraphs): each sentence that gives work
    to another agency is a task of its own, with its lead and deadline."""
    doc = doc_from(NGHE_AN_LETTER, doc_type="công văn")
    t = extract_tasks(doc)
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["1+1", "các sở, ban, ngành cấp tỉnh", "2025-09-15"], ["1+2", "Văn phòng UBND tỉnh", "2025-12-31"],
        ["1+3", "Sở Nội vụ", "2026-01-15"], ["1+4", "Sở Tài chính", "2026-01-31"]]
    assert t.line_start.tolist() == [3, 3, 5, 6]
    assert "unaccounted" not in line_accounting(doc).role.tolist()


@pytest.mark.parametrize("paragraph", [
    # the next sentence only says who leads it, or helps, or the same agency goes on
    "Giao Sở Nội vụ chủ trì rà soát thủ tục hành chính nội bộ của tỉnh; Sở Tài chính, Văn phòng UBND tỉnh phối "
    "hợp thực hiện.",
    "Rà soát toàn bộ thủ tục hành chính thuộc phạm vi quản lý của tỉnh. Sở Tư pháp chủ trì, hoàn thành trước "
    "ngày 30/9/2025.",
    "Giao Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật của tỉnh. Sở Tư pháp tổng hợp kết quả, báo "
    "cáo UBND tỉnh trước ngày 30/9/2025.",
    # the first sentence gives no one work
    "Năm 2025 là năm cuối thực hiện Kế hoạch cải cách hành chính giai đoạn. Sở Nội vụ tổng hợp kết quả, báo cáo "
    "UBND tỉnh trong Quý IV/2025.",
])
def test_a_paragraph_of_one_assignment_stays_one_task(paragraph):
    t = extract_tasks(doc_from("1. Về cải cách hành chính\n\n" + paragraph, doc_type="công văn"))
    assert len(t) == 1


# --- review 14: cases where a rule of session 11 had fired wrongly ------------------------------
REVIEW14_L_DUTIES = """III. TỔ CHỨC THỰC HIỆN
Để triển khai thực hiện có hiệu quả Kế hoạch này, UBND tỉnh phân công trách nhiệm như sau:
- Sở Nội vụ: theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.
- Sở Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.
- Các sở, ban, ngành, UBND các xã, phường: xây dựng kế hoạch cụ thể để triển khai thực hiện."""
REVIEW14_L_PLUS = """II. NHIỆM VỤ
1. Rà soát, đơn giản hóa TTHC
- Phân công nhiệm vụ cụ thể như sau:
+ Sở Tư pháp: rà soát TTHC lĩnh vực tư pháp, hoàn thành trước ngày 30/9/2025;
+ Sở Nội vụ: rà soát TTHC lĩnh vực nội vụ, hoàn thành trước ngày 31/10/2025.
2. Công khai TTHC
Căn cứ tình hình thực tế, UBND tỉnh giao nhiệm vụ cụ thể như sau:
- Sở Tư pháp: cập nhật cơ sở dữ liệu quốc gia về TTHC, hoàn thành trước ngày 30/9/2025;
- Văn phòng UBND tỉnh: công bố danh mục TTHC, hoàn thành trước ngày 31/10/2025."""
REVIEW14_L_ACT = """I. MỤC ĐÍCH, YÊU CẦU
2. Mục tiêu
- Phấn đấu đến hết năm 2025 đạt các chỉ tiêu như sau:
+ 100% TTHC được công khai trên Cổng Dịch vụ công quốc gia;
+ Tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%;
+ Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%.
II. NHIỆM VỤ
1. Đổi mới cơ chế một cửa
- Tập trung thực hiện các nội dung sau:
+ Vận động người dân sử dụng dịch vụ công trực tuyến, hoàn thành trong Quý III/2025;
+ Thúc đẩy thanh toán trực tuyến phí, lệ phí, hoàn thành trong Quý IV/2025;
+ Phân công công chức hướng dẫn tại Bộ phận Một cửa."""
REVIEW14_SPACED = """II. NHIỆM VỤ CỤ THỂ
STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành
1 Tích hợp hệ thống VNPT iGate với Cổng Dịch vụ công quốc gia Sở Khoa học và Công nghệ Văn phòng UBND tỉnh Quý IV/2025
2 Kết nối dữ liệu hóa đơn với Công ty Điện lực, cấp nước Sở Công Thương Sở Xây dựng Quý IV/2025"""
REVIEW14_C1 = """II. NHIỆM VỤ
1. Công khai thủ tục hành chính
- Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa các cấp.
- UBND các xã, phường thông báo rộng rãi trên hệ thống truyền thanh cơ sở để người dân, doanh nghiệp biết, \
thực hiện."""
REVIEW14_C2 = """1. Về báo cáo kết quả

Giao Sở Nội vụ tổng hợp kết quả thực hiện cải cách hành chính của tỉnh, báo cáo UBND tỉnh trước ngày 20/12/2025.

Đề nghị các sở, ban, ngành khẩn trương triển khai, bảo đảm tiến độ, gửi báo cáo kết quả về Sở Nội vụ trước \
ngày 15/12/2025.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."""
REVIEW14_A2 = """1. Về cải cách thủ tục hành chính

Giao Sở Tư pháp chủ trì rà soát các quy định về thủ tục hành chính thuộc phạm vi quản lý, hoàn thành trước \
ngày 30/9/2025. Các sở, ban, ngành có trách nhiệm phối hợp chặt chẽ với Sở Tư pháp trong quá trình thực hiện.

Giao Sở Nội vụ chủ trì hướng dẫn số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; Sở Tài chính, Văn phòng \
UBND tỉnh theo chức năng, nhiệm vụ được giao phối hợp thực hiện.

Sở Tư pháp cập nhật, công khai đầy đủ thủ tục hành chính trên Cơ sở dữ liệu quốc gia. Văn phòng UBND tỉnh \
công bố danh mục thủ tục hành chính được chuẩn hóa trên Cổng thông tin điện tử. Thời gian hoàn thành trước \
ngày 31/10/2025.

Giao Sở Nội vụ tham mưu UBND tỉnh kiện toàn Bộ phận Một cửa các cấp trong Quý IV/2025. UBND tỉnh đã ban hành \
Quyết định số 1234/QĐ-UBND ngày 12/3/2025 về việc công bố danh mục thủ tục hành chính.

Giao Sở Nội vụ chủ trì xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm 2026, trình UBND tỉnh \
trước ngày 15/01/2026. UBND tỉnh giao Sở Tài chính bố trí kinh phí thực hiện theo quy định."""
REVIEW14_E1 = """I. SỬA ĐỔI, BỔ SUNG MỘT SỐ NỘI DUNG CỦA KẾ HOẠCH SỐ 210/KH-UBND
1. Sửa đổi điểm 3 Mục I Phụ lục kèm theo Kế hoạch số 210/KH-UBND như sau:
“Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực đất đai; Sở Nông nghiệp và Môi trường chủ trì; hoàn thành \
trong Quý IV/2025.”
2. Sửa đổi khoản 4 Mục II (Nâng cao trách nhiệm của người đứng đầu trong giải quyết TTHC) như sau:
“Sở Nội vụ tham mưu UBND tỉnh ban hành quy định xử lý trách nhiệm người đứng đầu; hoàn thành trong Quý III/2025.”
3. Bổ sung điểm d khoản 2 Mục II (Giải quyết TTHC theo yêu cầu của người dân) như sau:
“Sở Tư pháp hướng dẫn UBND cấp xã giải quyết TTHC không phụ thuộc địa giới hành chính; hoàn thành trong Quý \
III/2025.”"""
REVIEW14_D1 = """II. NHIỆM VỤ
1. Nâng cao chất lượng giải quyết thủ tục hành chính
- Rút ngắn thời gian giải quyết thủ tục cấp phép xây dựng còn 3 tháng; thực hiện thường xuyên (Sở Xây dựng chủ trì).
- Văn phòng UBND tỉnh công khai kết quả đánh giá 6 tháng, năm trên Cổng thông tin điện tử tỉnh; thực hiện hằng quý."""
REVIEW14_R2 = """II. NHIỆM VỤ
1. Sở Tư pháp rà soát TTHC.
III. KẾT QUẢ ĐẦU RA VÀ PHÂN CÔNG THỰC HIỆN
STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành
1\tSố hóa 100% hồ sơ TTHC\tSở Khoa học và Công nghệ\tQuý IV/2025
2\tCông khai TTHC\tVăn phòng UBND tỉnh\tQuý III/2025"""
REVIEW14_F1 = """II. NHIỆM VỤ
1. Số hóa hồ sơ, kết quả giải quyết TTHC
a) Số hóa hồ sơ TTHC
- Số hóa 100% hồ sơ tiếp nhận tại Bộ phận Một cửa các cấp.
b) Tái sử dụng dữ liệu
- Khai thác, tái sử dụng dữ liệu đã được số hóa.
Cơ quan chủ trì: Sở Khoa học và Công nghệ. Thời gian: năm 2025."""
REVIEW14_W1 = """II. NHIỆM VỤ
1. Giải quyết thủ tục hành chính
- Giải quyết hồ sơ đăng ký khai sinh cho trẻ em (UBND cấp xã thực hiện trong 03 ngày làm việc).
- Rà soát quy trình nội bộ giải quyết thủ tục hành chính (Sở Tư pháp chủ trì; hoàn thành trong Quý III/2025)."""
REVIEW14_B3 = """II. TỔ CHỨC THỰC HIỆN
1. Sở Tư pháp theo dõi, đôn đốc việc thực hiện Kế hoạch, báo cáo UBND tỉnh trong
Quý IV/2025.
Tệp đính kèm: 168-KH-UBND.pdf"""


def _rows(text, doc_type="kế hoạch"):
    return extract_tasks(doc_from(text.strip("\n"), doc_type=doc_type, date="2025-06-01"))


def test_points_an_agency_leads_or_that_have_a_deadline_are_tasks_of_their_own():
    assert _rows(REVIEW14_L_DUTIES).lead.tolist() == ["Sở Nội vụ", "Sở Tài chính",
                                                      "Các sở, ban, ngành, UBND các xã, phường"]
    t = _rows(REVIEW14_L_PLUS)
    assert t[t.path.str.startswith("II.1")].due.tolist() == ["2025-09-30", "2025-10-31"]
    assert t[t.path.str.startswith("II.2") & (t.due != "")][["lead", "due"]].values.tolist() == [
        ["Sở Tư pháp", "2025-09-30"], ["Văn phòng UBND tỉnh", "2025-10-31"]]
    t = _rows(REVIEW14_L_ACT)
    assert t[t.kind == "task"].due.tolist() == ["2025-09-30", "2025-12-31", ""]
    assert t[t.kind == "objective"].due.tolist() == ["2025-12-31"] * 3


def test_a_spaced_row_keeps_a_software_or_company_named_in_its_text():
    t = _rows(REVIEW14_SPACED)
    assert t[["text", "lead", "partners"]].values.tolist() == [
        ["Tích hợp hệ thống VNPT iGate với Cổng Dịch vụ công quốc gia", "Sở Khoa học và Công nghệ", "Văn \
phòng UBND tỉnh"],
        ["Kết nối dữ liệu hóa đơn với Công ty Điện lực, cấp nước", "Sở Công Thương", "Sở Xây dựng"]]


def test_a_task_that_informs_people_or_asks_for_a_report_is_no_closing():
    assert _rows(REVIEW14_C1).text.str.contains("thông báo rộng rãi").sum() == 1
    assert sorted(d for d in _rows(REVIEW14_C2, "công văn").due if d) == ["2025-12-15", "2025-12-20"]


def test_only_a_sentence_that_gives_another_agency_work_is_a_task_of_its_own():
    t = _rows(REVIEW14_A2, "công văn")
    assert not t.text.str.startswith(("Các sở, ban, ngành có trách nhiệm phối hợp",
                                      "Sở Tài chính, Văn phòng UBND tỉnh theo", "UBND tỉnh đã ban hành")).any()
    assert t[t.text.str.contains("Sở Tư pháp cập nhật, công khai")].due.tolist() == ["2025-10-31"]
    assert not t.lead.str.contains(" giao ").any()
    assert "Sở Tài chính" in t.lead.tolist()  # "UBND tỉnh giao Sở Tài chính bố trí kinh phí …"


def test_an_edits_kind_comes_only_from_the_part_it_names():
    assert _rows(REVIEW14_E1).kind.tolist() == ["task", "task", "task"]


def test_a_length_of_time_is_no_recurrence():
    assert _rows(REVIEW14_D1).deadline_text.tolist() == ["thường xuyên", "hằng quý"]


def test_a_plans_table_of_results_to_reach_is_tasks():
    assert _rows(REVIEW14_R2).path.tolist() == ["II.1", "III.1", "III.2"]


def test_a_field_block_reaches_an_earlier_sub_heading_whose_items_name_no_lead():
    assert _rows(REVIEW14_F1)[["lead", "due"]].values.tolist() == [["Sở Khoa học và Công nghệ", "2025-12-31"]] * 2


def test_a_processing_time_in_a_bracket_is_no_deadline():
    assert _rows(REVIEW14_W1)[["lead", "deadline_text"]].values.tolist()[0] == ["UBND cấp xã", ""]


def test_a_wrapped_deadline_above_a_page_tail_is_no_author():
    assert line_accounting(doc_from(REVIEW14_B3)).set_index("line").role[3] != "signature"



GIA_LAI_DIRECTIVE = """CHỈ THỊ
Về nâng cao chất lượng giải quyết thủ tục hành chính
1. Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh:
a) Rà soát, chuẩn hóa danh mục TTHC tiếp nhận tại Trung tâm Phục vụ hành chính công.
2. Giám đốc Sở Nội vụ chủ trì rà soát đội ngũ công chức một cửa của các huyện cũ;
tổ chức bồi dưỡng nghiệp vụ một cửa cho đội ngũ này, hoàn thành trước ngày 31/8/2025.
3. Chánh Văn phòng UBND tỉnh:
a) Theo dõi, đôn đốc việc thực hiện Chỉ thị này."""


def test_a_directives_items_are_the_duties_of_those_it_addresses():
    """Gia Lai (walkthrough 12a, a Chỉ thị): items addressed to agencies' heads are duties; a line
    that goes on after a ";" in lowercase is the same sentence; "Chánh Văn phòng UBND tỉnh:" leads."""
    t = extract_tasks(doc_from(GIA_LAI_DIRECTIVE, doc_type="chỉ thị"))
    assert t[["path", "kind", "lead", "due"]].values.tolist() == [
        ["1.a", "duty", "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh", ""],
        ["2", "duty", "Giám đốc Sở Nội vụ", "2025-08-31"],
        ["3.a", "duty", "Chánh Văn phòng UBND tỉnh", ""]]


def test_a_points_own_agency_leads_it_under_a_group_or_a_collective_heading():
    """Vĩnh Long and Tây Ninh (walkthrough 12a)."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ\n1. Cắt giảm TTHC nội bộ\n"
                               "- Đối với TTHC nội bộ lĩnh vực tổ chức, công vụ:\n"
                               "+ Sở Nội vụ rà soát, đơn giản hóa các thủ tục về tuyển dụng.\n"
                               "+ Sở Tài chính rà soát quy trình thẩm định dự toán.\n"
                               "2. Kết nối cơ sở dữ liệu\n"
                               "c) Các sở, ngành được giao quản lý cơ sở dữ liệu chuyên ngành:\n"
                               "- Sở Y tế kết nối dữ liệu khám sức khỏe lái xe.\n- Rà soát dữ liệu dùng chung."))
    assert t.lead.tolist() == ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế",
                               "Các sở, ngành được giao quản lý cơ sở dữ liệu chuyên ngành"]


@pytest.mark.parametrize("pointer", ["7. Các nhiệm vụ cụ thể khác: chi tiết tại Phụ lục kèm theo Kế hoạch này.",
                                     "7. Nhiệm vụ cụ thể về Đề án 06: (Chi tiết tại Bảng phân công nhiệm vụ dưới đây)"])
def test_a_title_that_says_its_items_are_elsewhere_is_a_heading(pointer):
    """Thái Nguyên (walkthrough 12b) and Tây Ninh (12a)."""
    doc = doc_from("II. NHIỆM VỤ\n6. Sở Tư pháp rà soát TTHC.\n" + pointer)
    assert extract_tasks(doc).path.tolist() == ["II.6"]
    assert line_accounting(doc).set_index("line").role[3] == "heading"


def test_a_heading_that_says_by_when_dates_its_items():
    """Phú Thọ (walkthrough 12a): "II. MỤC TIÊU CỤ THỂ ĐẾN HẾT NĂM 2025"."""
    t = extract_tasks(doc_from("II. MỤC TIÊU CỤ THỂ ĐẾN HẾT NĂM 2025\n- 100% Trung tâm Phục vụ hành chính công cấp xã "
                               "đi vào hoạt động.\n- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.\nIII. NHIỆM VỤ\n"
                               "1. Sở Nội vụ kiện toàn Bộ phận Một cửa."))
    assert t.due.tolist() == ["2025-12-31", "2025-12-31", ""]


def test_a_heading_that_is_a_year_alone_dates_its_objectives():
    """Lạng Sơn (walkthrough 19c): "1. Năm 2025" / "2. Năm 2026" over the objectives gave them no
    date, where "Mục tiêu đến hết năm 2025" did; so does "1. Trong năm 2025" (Đồng Nai, walkthrough
    21b). The year a target is measured against ("so với năm 2024") is no year of its own; a year
    it names as its time is ("đến năm 2027")."""
    t = extract_tasks(doc_from("II. MỤC TIÊU\n1. Năm 2025\n- Cắt giảm tối thiểu 30% thời gian giải quyết TTHC.\n"
                               "2. Năm 2026\n- Giảm tối thiểu 50% chi phí tuân thủ so với năm 2024.\n"
                               "- Tỷ lệ hài lòng đạt tối thiểu 90%.\n- Đến năm 2027, tỷ lệ hồ sơ trực tuyến đạt 90%.\n"
                               "3. Trong năm 2025\n- Giảm 20% số TTHC nội bộ.\nIII. NHIỆM VỤ\n"
                               "1. Sở Nội vụ kiện toàn Bộ phận Một cửa."))
    assert t.kind.tolist() == ["objective"] * 5 + ["task"]
    assert t.due.tolist() == ["2025-12-31", "2026-12-31", "2026-12-31", "2027-12-31", "2025-12-31", ""]


def test_a_markdown_rule_is_no_task(tmp_path):
    """Hưng Yên and Vĩnh Long (walkthroughs 12a, 12b): "---" before "Nơi nhận"."""
    (tmp_path / "hy.md").write_text("## III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ theo dõi, đôn đốc.\n\n---\n\n"
                                    "**Nơi nhận:**\n- Như trên;\n", encoding="utf-8")
    t = extract_tasks(load_document(tmp_path / "hy.md", meta={"doc_id": "hy", "province": "Hưng Yên"}))
    assert t.path.tolist() == ["III.1"]


def test_a_letters_requests_in_running_paragraphs_after_nhu_sau_are_tasks():
    """Review 16: a công văn with no numbered items, "… Văn phòng UBND tỉnh đề nghị như sau:" over
    its paragraphs, had given no task at all (every line preamble)."""
    doc = doc_from("UBND TỈNH X\nVĂN PHÒNG\nSố: 123/VP-KSTT\nKính gửi: Các sở, ban, ngành; UBND các xã, phường.\n"
                   "Thực hiện chỉ đạo của Chủ tịch UBND tỉnh, Văn phòng UBND tỉnh đề nghị như sau:\n"
                   "Các sở, ban, ngành rà soát TTHC thuộc lĩnh vực quản lý, gửi kết quả về Sở Tư pháp trước ngày "
                   "20/8/2025. Sở Nội vụ theo dõi, đánh giá việc thực hiện của các đơn vị.\n"
                   "Đề nghị các cơ quan, đơn vị quan tâm phối hợp thực hiện./.", doc_type="công văn")
    t = extract_tasks(doc)
    assert t[["path", "lead", "due"]].values.tolist() == [["+1", "Các sở, ban, ngành", "2025-08-20"],
                                                          ["+2", "Sở Nội vụ", ""]]
    assert "unaccounted" not in line_accounting(doc).role.tolist()


def test_a_title_whose_items_a_note_on_its_own_line_points_to_is_a_heading():
    """Walkthrough 12a: "3. Nhiệm vụ cụ thể …" and, on the next line, "(Chi tiết tại Bảng …)" had
    been a task; a task that a pointer note follows stays one."""
    doc = doc_from("II. NHIỆM VỤ CỤ THỂ\n3. Sở Tài chính chủ trì hướng dẫn thanh toán trực tuyến phí, lệ phí.\n"
                   "(Chi tiết tại Phụ lục kèm theo)\n4. Nhiệm vụ cụ thể của các sở, ngành\n"
                   "(Chi tiết tại Bảng 1 kèm theo)\n5. Nhiệm vụ của UBND cấp xã\n(Chi tiết theo Bảng 2 đính kèm)")
    assert extract_tasks(doc).path.tolist() == ["II.3"]
    roles = line_accounting(doc).set_index("line").role
    assert roles[[4, 6]].tolist() == ["heading", "heading"] and roles[[5, 7]].tolist() == ["note", "note"]


def test_a_line_in_capitals_among_items_is_a_sub_heading_not_an_items_text():
    """"CÁC NHIỆM VỤ KHÁC" after an item had become that item's text (and its wrapped title its
    lead); "TỔ CHỨC THỰC HIỆN CÁC NHIỆM VỤ" after a "- " point had been a task of its own."""
    doc = doc_from("II. NHIỆM VỤ CỤ THỂ\n1. Sở Tư pháp rà soát các thủ tục hành chính\nthuộc phạm vi quản lý\n"
                   "CÁC NHIỆM VỤ KHÁC\n2. Sở Nội vụ kiện toàn Bộ phận Một cửa.\n"
                   "- Văn phòng UBND tỉnh theo dõi, đôn đốc\nTỔ CHỨC THỰC HIỆN CÁC NHIỆM VỤ\n"
                   "Các sở, ban, ngành triển khai.")
    t = extract_tasks(doc)
    assert t[["path", "lead", "text"]].values.tolist() == [
        ["II.1", "Sở Tư pháp", "Sở Tư pháp rà soát các thủ tục hành chính thuộc phạm vi quản lý"],
        ["II.2", "Sở Nội vụ", "Sở Nội vụ kiện toàn Bộ phận Một cửa."],
        ["II.2+1", "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh theo dõi, đôn đốc"],
        ["II.2+2", "Các sở, ban, ngành", "Các sở, ban, ngành triển khai."]]
    roles = line_accounting(doc).set_index("line").role
    assert roles[[4, 7]].tolist() == ["heading", "heading"]


def test_an_item_that_names_its_agency_and_its_work_without_a_full_stop_is_led_by_the_agency():
    """"3. Sở Tài chính hướng dẫn thanh toán trực tuyến" (no full stop, nothing under it) had been
    read as an agency heading: its whole text was its lead. "2. Sở Tư pháp" over points stays one."""
    t = extract_tasks(doc_from("II. NHIỆM VỤ CỤ THỂ\n1. Sở Nội vụ kiện toàn Bộ phận Một cửa\n"
                               "2. Sở Tư pháp\n- Rà soát các văn bản có quy định TTHC.\n"
                               "3. Sở Tài chính hướng dẫn thanh toán trực tuyến"))
    assert t[["path", "lead"]].values.tolist() == [["II.1", "Sở Nội vụ"], ["II.2", "Sở Tư pháp"],
                                                   ["II.3", "Sở Tài chính"]]


def test_one_paragraph_under_a_title_that_assigns_work_to_two_agencies_is_two_tasks():
    """As two paragraphs under a title were already: "1. Về rà soát TTHC" over "Giao các sở … trước
    ngày 15/9/2025. Văn phòng UBND tỉnh tổng hợp … trong Quý IV/2025." had been one task led by the
    first agency and due at the later date."""
    t = _rows("II. NHIỆM VỤ CỤ THỂ\n1. Về rà soát, đơn giản hóa TTHC\nGiao các sở, ban, ngành rà soát toàn bộ TTHC "
              "thuộc phạm vi quản lý, hoàn thành trước ngày 15/9/2025. Văn phòng UBND tỉnh tổng hợp, thẩm định "
              "phương án cắt giảm, trình UBND tỉnh trong Quý IV/2025.\n2. Về số hóa hồ sơ\nSở Khoa học và Công "
              "nghệ hướng dẫn số hóa hồ sơ, kết quả giải quyết TTHC.")
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["II.1+1", "các sở, ban, ngành", "2025-09-15"], ["II.1+2", "Văn phòng UBND tỉnh", "2025-12-31"],
        ["II.2", "Sở Khoa học và Công nghệ", ""]]


def test_a_titles_deadline_dates_the_points_under_it_that_name_none():
    """"2. Về số hóa hồ sơ, hoàn thành trong năm 2025" over two paragraphs: the heading's deadline
    had been lost (the title is a heading, its points the tasks)."""
    t = _rows("II. NHIỆM VỤ CỤ THỂ\n2. Về số hóa hồ sơ, hoàn thành trong năm 2025\nSở Khoa học và Công nghệ hướng "
              "dẫn số hóa hồ sơ, kết quả giải quyết TTHC.\nTrung tâm Phục vụ hành chính công tỉnh thực hiện số hóa, "
              "hoàn thành trước ngày 30/9/2025.\nVăn phòng UBND tỉnh theo dõi thường xuyên.")
    assert t[["path", "due", "recurring"]].values.tolist() == [["II.2+1", "2025-12-31", False],
                                                               ["II.2+2", "2025-09-30", False],
                                                               ["II.2+3", "", True]]


def test_an_aspect_word_after_the_agency_is_not_part_of_its_name():
    """"Sở Nội vụ đang …", "Văn phòng UBND tỉnh đã ban hành …": the lead had been "Sở Nội vụ đang"."""
    t = _rows("II. NHIỆM VỤ CỤ THỂ\n1. Sở Nội vụ đang hoàn thiện quy chế đánh giá cán bộ tại Bộ phận Một cửa.\n"
              "2. Sở Tài chính sẽ bố trí kinh phí số hóa hồ sơ trong năm 2025.")
    assert t.lead.tolist() == ["Sở Nội vụ", "Sở Tài chính"]


def test_a_heading_that_says_who_leads_and_who_helps_gives_both_to_its_points():
    """"1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ sau:" over a), b):
    the lead of every point had been the heading's whole sentence, and the partners lost."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ sau:\n"
              "a) Rà soát các TTHC có yêu cầu kết quả giải quyết là bản giấy, hoàn thành trong Quý II/2025.\n"
              "b) Đề xuất phương án đơn giản hóa các TTHC nội bộ.\n"
              "2. Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh thực hiện các nội dung sau:\n"
              "- Rà soát quy chế phối hợp giữa các cơ quan.\n"
              "3. Sở Tài chính có trách nhiệm:\n- Bố trí kinh phí thực hiện Kế hoạch.")
    assert t[["path", "lead", "partners"]].values.tolist() == [
        ["II.1.a", "Sở Tư pháp", "các sở, ngành"], ["II.1.b", "Sở Tư pháp", "các sở, ngành"],
        ["II.2", "Sở Nội vụ", "Văn phòng UBND tỉnh"], ["II.3", "Sở Tài chính", ""]]


def test_an_item_that_names_its_lead_and_ends_on_a_colon_with_nothing_under_it_is_a_task():
    """"1. Sở Tư pháp chủ trì, phối hợp với … rà soát …:" with no points: its lead had been its whole text."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành rà soát các TTHC có yêu cầu "
              "kết quả giải quyết là bản giấy:\n2. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí "
              "thực hiện Kế hoạch:")
    assert t[["path", "lead", "partners"]].values.tolist() == [
        ["II.1", "Sở Tư pháp", "các sở, ngành"], ["II.2", "Sở Tài chính", "Sở Nội vụ"]]


def test_helpers_in_a_sentence_of_their_own_are_the_partners():
    """"… hoàn thành trước 30/9/2025. Các sở, ban, ngành có trách nhiệm phối hợp cung cấp dữ liệu.":
    the helpers had been left out; a clause after ";" was read already."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ chủ trì nâng cấp Cổng dịch vụ công tỉnh, hoàn thành "
              "trước 30/9/2025. Các sở, ban, ngành có trách nhiệm phối hợp cung cấp dữ liệu.\n"
              "2. Sở Nội vụ rà soát quy chế làm việc; Sở Tư pháp phối hợp.\n"
              "3. Sở Tài chính hướng dẫn thanh toán trực tuyến. Các ngân hàng thương mại triển khai thanh toán.")
    assert t[["lead", "partners"]].values.tolist() == [
        ["Sở Khoa học và Công nghệ", "Các sở, ban, ngành"], ["Sở Nội vụ", "Sở Tư pháp"], ["Sở Tài chính", ""]]


def test_a_sentence_of_what_was_done_does_not_lead_the_work_after_it():
    """"Sở Nội vụ đã ban hành Kế hoạch …. Văn phòng UBND tỉnh hướng dẫn …": the lead had been Sở Nội vụ."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Nội vụ đã ban hành Kế hoạch số 12/KH-SNV về số hóa hồ sơ. Văn phòng UBND tỉnh "
              "hướng dẫn các cơ quan cập nhật dữ liệu trên Hệ thống thông tin giải quyết TTHC của tỉnh.\n"
              "2. Sở Tư pháp đã tham mưu ban hành quy chế, tiếp tục theo dõi việc thực hiện.")
    assert t.lead.tolist() == ["Văn phòng UBND tỉnh", "Sở Tư pháp"]


def test_a_line_in_capitals_that_is_a_point_a_sentence_or_what_a_colon_introduces_is_no_sub_heading():
    """(review) "- TỔ CHỨC TẬP HUẤN …" is a point; "CÁC CƠ QUAN GỬI BÁO CÁO … TRƯỚC NGÀY 15/9/2025."
    a task with its deadline; a slogan after "… với nội dung:" part of that task. All three had
    been sub-headings, and their text no task's."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Tư pháp rà soát các thủ tục hành chính.\n- TỔ CHỨC TẬP HUẤN NGHIỆP VỤ KIỂM SOÁT "
              "TTHC\n2. Các sở, ban, ngành báo cáo kết quả thực hiện.\nCÁC CƠ QUAN GỬI BÁO CÁO VỀ SỞ NỘI VỤ TRƯỚC "
              "NGÀY 15/9/2025.\n3. Tuyên truyền cải cách hành chính\nSở Văn hóa, Thể thao và Du lịch treo băng rôn "
              "với nội dung:\nCẢI CÁCH HÀNH CHÍNH LÀ ĐỘNG LỰC PHÁT TRIỂN")
    assert t[["path", "text", "due"]].values.tolist() == [
        ["II.1", "Sở Tư pháp rà soát các thủ tục hành chính.", ""],
        ["II.1+1", "TỔ CHỨC TẬP HUẤN NGHIỆP VỤ KIỂM SOÁT TTHC", ""],
        ["II.2", "Các sở, ban, ngành báo cáo kết quả thực hiện.", ""],
        ["II.2+1", "CÁC CƠ QUAN GỬI BÁO CÁO VỀ SỞ NỘI VỤ TRƯỚC NGÀY 15/9/2025.", "2025-09-15"],
        ["II.3", "Tuyên truyền cải cách hành chính: Sở Văn hóa, Thể thao và Du lịch treo băng rôn với nội dung: "
                 "CẢI CÁCH HÀNH CHÍNH LÀ ĐỘNG LỰC PHÁT TRIỂN", ""]]
    # (a stem's colon, "… với nội dung:", ends no agency's name: the lead had been all the words before it)
    assert t.lead.iloc[4] == ""


def test_after_a_sub_heading_in_capitals_the_items_title_no_longer_says_by_when():
    """(review) the paragraphs after "CÁC NHIỆM VỤ KHÁC" had taken the deadline of "1. Về số hóa hồ
    sơ, hoàn thành trước ngày 30/9/2025"; an agency heading still says who does them."""
    t = _rows("II. NHIỆM VỤ CỤ THỂ\n1. Về số hóa hồ sơ, hoàn thành trước ngày 30/9/2025\nSở Khoa học và Công nghệ "
              "hướng dẫn số hóa hồ sơ.\nCÁC NHIỆM VỤ KHÁC\nSở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n"
              "2. Sở Tư pháp:\n- Rà soát các văn bản có quy định TTHC.\nCÁC NHIỆM VỤ KHÁC\n"
              "- Tổng hợp báo cáo UBND tỉnh.")
    assert t[["lead", "due"]].values.tolist() == [["Sở Khoa học và Công nghệ", "2025-09-30"], ["Sở Tài chính", ""],
                                                  ["Sở Tư pháp", ""], ["Sở Tư pháp", ""]]


def test_a_titles_recurrence_is_its_points_and_a_title_in_capitals_goes_on_in_capitals():
    """(review) "1. Định kỳ hằng quý" over points: they recur. "1. TĂNG CƯỜNG CÔNG TÁC CHỈ ĐẠO, ĐIỀU
    HÀNH" / "CỦA CÁC CẤP, CÁC NGÀNH": one title (its second line had been a sub-heading, lost from the
    task). "2. Sở Tài chính thực hiện": the lead is the agency, not the words."""
    t = _rows("II. NHIỆM VỤ CỤ THỂ\n1. Định kỳ hằng quý\nSở Tư pháp rà soát các TTHC thuộc phạm vi quản lý.\n"
              "Sở Nội vụ kiện toàn Bộ phận Một cửa các cấp.\n2. TĂNG CƯỜNG CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\nCỦA CÁC "
              "CẤP, CÁC NGÀNH\nCác sở, ban, ngành quán triệt nội dung Kế hoạch.\n3. Sở Tài chính thực hiện")
    assert t.recurring.tolist() == [True, True, False, False]
    assert t.text.iloc[2].startswith("TĂNG CƯỜNG CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CỦA CÁC CẤP, CÁC NGÀNH: ")
    assert t.lead.iloc[3] == "Sở Tài chính"


def test_a_numbered_item_that_gives_work_to_two_agencies_is_a_task_per_assignment():
    """(walkthrough 13b, Sơn La) "2. Giao Sở Tư pháp … trước ngày 15/7/2025. Văn phòng UBND tỉnh thẩm
    định … trong tháng 8/2025." had been one task led by Sở Tư pháp and due at the later date; a
    paragraph was split already. A ";" inside a list of partners cuts nothing."""
    t = _rows("II. NHIỆM VỤ\n2. Giao Sở Tư pháp tổng hợp phương án cắt giảm thủ tục hành chính của các cơ quan, "
              "trình UBND tỉnh trước ngày 15/7/2025. Văn phòng UBND tỉnh thẩm định, trình Chủ tịch UBND tỉnh phê "
              "duyệt phương án trong tháng 8/2025.\n3. Sở Công Thương rà soát điều kiện kinh doanh trong lĩnh vực "
              "thương mại, hoàn thành trước ngày 31/7/2025; Sở Xây dựng rà soát điều kiện kinh doanh trong lĩnh "
              "vực xây dựng, hoàn thành trước ngày 31/8/2025.\n4. Trung tâm Phục vụ hành chính công tỉnh chủ động, "
              "phối hợp với các sở, ban, ngành; UBND cấp huyện thực hiện rà soát quy trình nội bộ.")
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["II.2", "Sở Tư pháp", "2025-07-15"], ["II.2+1", "Văn phòng UBND tỉnh", "2025-08-31"],
        ["II.3", "Sở Công Thương", "2025-07-31"], ["II.3+1", "Sở Xây dựng", "2025-08-31"],
        ["II.4", "Trung tâm Phục vụ hành chính công tỉnh", ""]]
    assert t.partners.iloc[4] == "các sở, ban, ngành; UBND cấp huyện"


def test_helpers_who_phoi_hop_voi_the_lead_are_the_partners_not_the_lead():
    """(walkthrough 13b) "…. Sở Tư pháp, Văn phòng UBND tỉnh có trách nhiệm phối hợp với Sở Tài chính
    xác định …": the partners had been "Sở Tài chính xác định nhu cầu kinh phí"."""
    t = _rows("II. NHIỆM VỤ\n7. Sở Tài chính tham mưu UBND tỉnh bố trí kinh phí thực hiện nhiệm vụ, hoàn thành "
              "trước ngày 30/11/2025. Sở Tư pháp, Văn phòng UBND tỉnh có trách nhiệm phối hợp với Sở Tài chính xác "
              "định nhu cầu kinh phí.\n8. Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp rà soát quy chế. Các sở có trách "
              "nhiệm phối hợp.")
    assert t[["lead", "partners"]].values.tolist() == [["Sở Tài chính", "Sở Tư pháp, Văn phòng UBND tỉnh"],
                                                       ["Sở Nội vụ", "Sở Tư pháp"]]


def test_an_agency_headings_block_and_bracket_are_its_own_points():
    """(walkthrough 13b, Quảng Trị) "2. Sở Tài chính chủ trì, phối hợp với Sở Công Thương (hoàn thành
    trước ngày 31/8/2025):" had put the bracket into the points' partners; "Thời gian hoàn thành: …"
    after 3.'s points had been the deadline text of 1.'s points as well (their due their own)."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Tư pháp:\n- Chủ trì rà soát danh mục thủ tục hành chính; hoàn thành trước ngày "
              "30/6/2025.\n- Theo dõi, đôn đốc việc thực hiện Kế hoạch.\n2. Sở Tài chính chủ trì, phối hợp với Sở Công "
              "Thương (hoàn thành trước ngày 31/8/2025):\n- Rà soát các điều kiện kinh doanh thuộc phạm vi quản lý;\n"
              "3. Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng UBND tỉnh:\n- Nâng cấp Hệ thống thông tin "
              "giải quyết thủ tục hành chính; hoàn thành trong Quý III/2025.\n- Triển khai dịch vụ công trực tuyến "
              "toàn trình.\n- Bảo đảm an toàn thông tin cho Hệ thống; thực hiện thường xuyên.\nThời gian hoàn thành: "
              "trước ngày 31/12/2025.")
    assert t[["path", "partners", "due", "recurring", "deadline_text"]].values.tolist() == [
        ["II.1+1", "", "2025-06-30", False, "hoàn thành trước ngày 30/6/2025"],
        ["II.1+2", "", "", False, ""],
        ["II.2", "Sở Công Thương", "2025-08-31", False, "hoàn thành trước ngày 31/8/2025"],
        ["II.3+1", "Văn phòng UBND tỉnh", "2025-09-30", False, "hoàn thành trong Quý III/2025"],
        ["II.3+2", "Văn phòng UBND tỉnh", "2025-12-31", False, "trước ngày 31/12/2025"],
        ["II.3+3", "Văn phòng UBND tỉnh", "", True, "thường xuyên"]]


def test_second_review_vua_scope_dates_helpers_and_what_was_done():
    """(review 2) "nhỏ và vừa" is part of a name ("vừa" had been read as a verb, cutting it); a
    date after "Quy chế được ban hành" is a deadline, after "các văn bản được ban hành" a scope;
    "… xây dựng quy chế phối hợp …" names no helpers; "đã được giao" is an assignment, not what
    was done. (Since walkthrough 14a the items' second sentences, which give a named body work
    of its own, are tasks +1 of their own.)"""
    t = _rows("II. NHIỆM VỤ\n1. Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh tuyên truyền thủ tục hành chính đến hội viên. "
              "Sở Tư pháp cung cấp tài liệu tuyên truyền.\n2. Sở Tư pháp tham mưu xây dựng Quy chế phối hợp, bảo "
              "đảm Quy chế được ban hành trước ngày 30/6/2025.\n3. Sở Tư pháp chủ trì rà soát các thủ tục hành chính. "
              "Văn phòng UBND tỉnh xây dựng quy chế phối hợp giữa các cơ quan.\n4. Sở Nội vụ đã được giao chủ trì "
              "rà soát quy định về TTHC, báo cáo UBND tỉnh trong Quý III/2025.")
    assert t[["path", "lead", "partners", "due"]].values.tolist() == [
        ["II.1", "Hiệp hội Doanh nghiệp nhỏ và vừa tỉnh", "", ""], ["II.1+1", "Sở Tư pháp", "", ""],
        ["II.2", "Sở Tư pháp", "", "2025-06-30"], ["II.3", "Sở Tư pháp", "", ""],
        ["II.3+1", "Văn phòng UBND tỉnh", "", ""], ["II.4", "Sở Nội vụ", "", "2025-09-30"]]


def test_second_review_sub_headings_that_open_with_ve_or_doi_voi_and_titles_in_passing():
    """(review 2) "ĐỐI VỚI CÔNG TÁC KIỂM SOÁT TTHC" under "1. Sở Tư pháp có trách nhiệm:" and "VỀ …"
    under a title in capitals are sub-headings (they had become a task, or been lost); a title
    that mentions "định kỳ" in passing does not make its points recurring."""
    doc = doc_from("II. NHIỆM VỤ CỤ THỂ\n1. Sở Tư pháp có trách nhiệm:\nĐỐI VỚI CÔNG TÁC KIỂM SOÁT TTHC\n"
                   "- Rà soát các TTHC thuộc phạm vi quản lý.\n2. CẢI CÁCH THỦ TỤC HÀNH CHÍNH\nVỀ KIỂM SOÁT THỦ TỤC "
                   "HÀNH CHÍNH\nSở Nội vụ rà soát các thủ tục hành chính.\n3. Nâng cao chất lượng chế độ báo cáo định "
                   "kỳ về kiểm soát thủ tục hành chính\nSở Tư pháp ban hành mẫu đề cương báo cáo.\nSở Khoa học và Công "
                   "nghệ xây dựng phần mềm tổng hợp báo cáo.", date="2025-06-01")
    t = extract_tasks(doc)
    assert t.text.tolist() == ["Rà soát các TTHC thuộc phạm vi quản lý.",
                               "CẢI CÁCH THỦ TỤC HÀNH CHÍNH: Sở Nội vụ rà soát các thủ tục hành chính.",
                               "Sở Tư pháp ban hành mẫu đề cương báo cáo.",
                               "Sở Khoa học và Công nghệ xây dựng phần mềm tổng hợp báo cáo."]
    assert t.recurring.tolist() == [False] * 4
    roles = line_accounting(doc).set_index("line").role
    assert roles[[3, 6]].tolist() == ["heading", "heading"]


def test_a_tab_table_rows_cells_wrapped_onto_a_line_of_their_own_go_on_with_the_row():
    """(walkthrough 13b, Bình Định) " | hiệu lực tại … | công tỉnh | thành phố" under row 6 had been
    a task of its own (lead "công tỉnh"), and "doanh nghiệp đối với … | Sở Nội vụ | …" under
    "10 | Tổ chức khảo sát … người dân," an unaccounted line, row 10 left without lead or deadline."""
    doc = doc_from("II. NHIỆM VỤ CỤ THỂ\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\t"
                   "Thời gian hoàn thành\n"
                   "6\tSố hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn\tTrung tâm Phục vụ hành chính\t"
                   "UBND các huyện, thị xã,\tTrước ngày 31/10/2025\n\thiệu lực tại Bộ phận Một cửa các cấp\tcông tỉnh\t"
                   "thành phố\t\n10\tTổ chức khảo sát mức độ hài lòng của người dân,\ndoanh nghiệp đối với việc giải "
                   "quyết thủ tục hành chính\tSở Nội vụ\tCác sở, ban, ngành\tTháng 11/2025\n"
                   "11\tTuyên truyền kết quả cắt giảm thủ tục hành chính\tSở Văn hóa, Thể thao và Du lịch\t\tNăm 2025",
                   date="2025-06-01")
    t = extract_tasks(doc)
    assert t[["path", "lead", "partners", "due"]].values.tolist() == [
        ["II.6", "Trung tâm Phục vụ hành chính công tỉnh", "UBND các huyện, thị xã, thành phố", "2025-10-31"],
        ["II.10", "Sở Nội vụ", "Các sở, ban, ngành", "2025-11-30"],
        ["II.11", "Sở Văn hóa, Thể thao và Du lịch", "", "2025-12-31"]]
    assert t.text.iloc[1] == ("Tổ chức khảo sát mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết "
                              "thủ tục hành chính")
    assert not line_accounting(doc).role.eq("unaccounted").any()


def test_walkthrough_13a_roman_sub_items_wrapped_abbreviations_and_dates():
    """(walkthrough 13a) "i." / "ii." under "b." are its sub-items, as Word's lowerRoman numbering
    writes them ("i." had been a letter beside b., "ii." text); "… tuân thủ" / "TTHC cho người
    dân …" is one line of text; a field's "… trước ngày" / "31/10/2025." one deadline (the date had
    been a task of its own). "i)" after "h)" is still a letter."""
    doc = doc_from("I. MỤC ĐÍCH, YÊU CẦU\n- Giảm chi phí tuân thủ\nTTHC cho người dân, doanh nghiệp.\nII. NHIỆM VỤ\n"
                   "1. Cắt giảm TTHC nội bộ\na. Rà soát thủ tục hành chính nội bộ (Sở Tư pháp chủ trì).\nb. Đơn giản "
                   "hóa thủ tục dựa trên dữ liệu:\ni. Tái sử dụng dữ liệu dân cư (Sở Nội vụ chủ trì).\nii. Tái sử dụng "
                   "dữ liệu đất đai (Sở Nội vụ chủ trì).\n2. Số hóa hồ sơ còn hiệu lực.\n"
                   "- Cơ quan chủ trì: Sở Nội vụ.\n- Thời hạn: hoàn thành số hóa 100% hồ sơ trước ngày\n31/10/2025.\n"
                   "3. Các việc khác\ng) Rà soát TTHC.\n"
                   "h) Công bố TTHC.\ni) Niêm yết TTHC.", date="2025-05-05")
    t = extract_tasks(doc)
    assert t.path.tolist() == ["I+1", "II.1.a", "II.1.b.(i)", "II.1.b.(ii)", "II.2", "II.3.g", "II.3.h", "II.3.i"]
    assert t.text.iloc[0] == "Giảm chi phí tuân thủ TTHC cho người dân, doanh nghiệp."
    assert t.text.iloc[3] == "Tái sử dụng dữ liệu đất đai (Sở Nội vụ chủ trì)."
    assert t.due.iloc[4] == "2025-10-31"


def test_walkthrough_13c_a_reminder_letters_intro_adverbs_topics_and_time_brackets():
    """(walkthrough 13c, Kiên Giang) "Đề nghị … thực hiện một số nội dung sau:" two lines under "… có ý
    kiến như sau:" had been unaccounted (blank lines hid the "a)" below); "Trung tâm … thường xuyên theo
    dõi" had the lead "Trung tâm … thường xuyên"; "Về …: Văn phòng UBND tỉnh …" had the letter's
    addressees as its lead; "(tháng 6/2025)" after the work is its deadline."""
    doc = doc_from("Kính gửi: Các sở, ban, ngành tỉnh.\n\nChủ tịch UBND tỉnh có ý kiến như sau:\n\n"
                   "Đề nghị các cơ quan, đơn vị khẩn trương thực hiện một số nội dung sau:\n\n"
                   "a) Trung tâm Phục vụ hành chính công tỉnh thường xuyên theo dõi tình hình giải quyết hồ sơ.\n"
                   "b) Về công bố danh mục thủ tục hành chính nội bộ: Văn phòng UBND tỉnh hướng dẫn các cơ quan "
                   "cập nhật danh mục (tháng 8/2025).", doc_type="công văn")
    t = extract_tasks(doc)
    assert t[["lead", "due"]].values.tolist() == [["Trung tâm Phục vụ hành chính công tỉnh", ""],
                                                  ["Văn phòng UBND tỉnh", "2025-08-31"]]
    assert not line_accounting(doc).role.eq("unaccounted").any()


def test_a_point_that_gives_its_work_to_another_agency_is_that_agencys_not_its_headings(tasks):
    """Under "1. Sở Tư pháp chủ trì, phối hợp với … các nhiệm vụ sau:" or "2. Sở Nội vụ:", a point
    whose own first words give the work to another body ("b) Văn phòng UBND tỉnh tổng hợp …",
    "- Sở Tài chính bảo đảm kinh phí …") is led by that body, without the heading's partners;
    the other points keep the heading's lead (Bến Tre's "c) UBND các huyện, thành phố có trách
    nhiệm …" under its duties of "Các sở, ban, ngành tỉnh; UBND các huyện, thành phố" too)."""
    t = _rows("II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ sau:\n"
              "a) Rà soát các quy định TTHC liên quan đến hoạt động kinh doanh trong Quý III/2025.\n"
              "b) Văn phòng UBND tỉnh tổng hợp kết quả rà soát, báo cáo Chủ tịch UBND tỉnh trước ngày 15/10/2025.\n"
              "2. Sở Nội vụ:\n- Kiểm tra công tác cải cách hành chính tại các xã, phường trong năm 2025.\n"
              "- Sở Tài chính bảo đảm kinh phí thực hiện Kế hoạch.")
    assert t[["path", "lead", "partners"]].values.tolist() == [
        ["II.1.a", "Sở Tư pháp", "các sở, ngành"], ["II.1.b", "Văn phòng UBND tỉnh", ""],
        ["II.2+1", "Sở Nội vụ", ""], ["II.2+2", "Sở Tài chính", ""]]
    bentre = tasks[tasks.doc_id == "bentre_kh_2024"].set_index("path")
    assert bentre.loc["III.1.c", "lead"] == "UBND các huyện, thành phố"
    assert bentre.loc["III.1.b", "lead"] == "Các sở, ban, ngành tỉnh; UBND các huyện, thành phố"


def test_a_rule_over_the_footnotes_is_no_task_and_an_en_dash_is_a_bullet():
    """Walkthrough 14a: "________________" after the last item, over the footnotes, had become a
    duty of its own; "– Giảm …" kept its en dash in the text. The header's rule stays header."""
    doc = doc_from("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NINH\n-------\nSố: 10/KH-UBND\nKẾ HOẠCH\nI. MỤC TIÊU\n"
                   "– Giảm ít nhất 30% thời gian giải quyết TTHC.\nII. NHIỆM VỤ\n"
                   "1. Sở Tư pháp rà soát thủ tục hành chính¹, hoàn thành trước 30/6/2025.\n"
                   "________________\n¹ Không bao gồm hồ sơ mật.")
    t = extract_tasks(doc)
    assert t.text.tolist() == ["Giảm ít nhất 30% thời gian giải quyết TTHC.",
                               "Sở Tư pháp rà soát thủ tục hành chính, hoàn thành trước 30/6/2025."]
    assert line_accounting(doc).role.tolist()[2::7] == ["header", "boilerplate"]


def test_walkthrough_14a_who_leads_points_under_a_stem_a_topic_or_a_last_clause():
    """Walkthrough 14a (a merged province's plan): "- UBND các xã, phường niêm yết công khai … các
    nội dung sau:" lists what it posts (its "+" points stay in it, as without the agency); a point
    "+ Đối với TTHC cấp tỉnh: các sở, ban, ngành chủ trì, …" under a group's stem is led by the
    agency after its topic; "…; UBND các xã, phường thực hiện thường xuyên." names who does it."""
    t = _rows("II. NHIỆM VỤ\n2. Chuẩn hóa, công bố, công khai TTHC\n"
              "- Rà soát, chuẩn hóa danh mục TTHC cấp tỉnh và cấp xã, trình Chủ tịch UBND tỉnh công bố:\n"
              "  + Đối với TTHC cấp tỉnh: các sở, ban, ngành chủ trì, hoàn thành trước 30/9/2025.\n"
              "  + Đối với TTHC cấp xã: Văn phòng UBND tỉnh chủ trì, phối hợp UBND các xã, phường; hoàn "
              "thành trong tháng 10/2025.\n"
              "- UBND các xã, phường niêm yết công khai tại Trung tâm Phục vụ hành chính công cấp xã các "
              "nội dung sau:\n  + Danh mục TTHC được tiếp nhận;\n  + Số điện thoại đường dây nóng.\n"
              "3. Chuyển đổi số\n• Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC ngay khi tiếp nhận; UBND "
              "các xã, phường thực hiện thường xuyên.")
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["II.2+1", "các sở, ban, ngành", "2025-09-30"], ["II.2+2", "Văn phòng UBND tỉnh", "2025-10-31"],
        ["II.2+3", "UBND các xã, phường", ""], ["II.3", "UBND các xã, phường", ""]]
    assert t.text.iloc[2].endswith("+ Danh mục TTHC được tiếp nhận; + Số điện thoại đường dây nóng.")


def test_a_last_clause_that_has_a_body_carry_out_the_work_it_names_gives_the_lead_however_long():
    """Walkthrough 14c: "…; Sở Nội vụ thực hiện việc tổng hợp, đánh giá … và báo cáo UBND tỉnh."
    had no lead (only a short "…; X thực hiện thường xuyên." gave one); a clause that only names
    the work ("…; thực hiện việc …") names no one."""
    t = _rows("II. NHIỆM VỤ\n1. Rà soát, cắt giảm TTHC nội bộ; Sở Nội vụ thực hiện việc tổng hợp, đánh giá kết quả cắt "
              "giảm TTHC nội bộ của các cơ quan, đơn vị trên địa bàn tỉnh và báo cáo UBND tỉnh.\n"
              "2. Rà soát TTHC nội bộ; thực hiện việc tổng hợp, đánh giá kết quả cắt giảm TTHC nội bộ.\n")
    assert t.lead.tolist() == ["Sở Nội vụ", ""]


def test_a_letters_item_splits_where_a_later_sentence_gives_a_named_body_its_own_work():
    """Walkthrough 14a: "3. Sở Khoa học và Công nghệ … trước ngày 15/10/2025. Công an tỉnh hướng
    dẫn …" is two assignments though the second says no date; "… Sở Nội vụ là cơ quan thường
    trực …" says what a body is and stays in the item."""
    doc = doc_from("Kính gửi: Các sở, ban, ngành tỉnh.\nChủ tịch UBND tỉnh yêu cầu:\n"
                   "1. Sở Khoa học và Công nghệ khắc phục lỗi kết nối Hệ thống, hoàn thành trước ngày 15/10/2025. "
                   "Công an tỉnh hướng dẫn các xã, phường khai thác dữ liệu dân cư.\n"
                   "2. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Công văn này trong năm 2025. Sở Nội vụ "
                   "là cơ quan thường trực về cải cách hành chính của tỉnh.", doc_type="công văn")
    t = extract_tasks(doc)
    assert t[["path", "lead", "due"]].values.tolist() == [
        ["1", "Sở Khoa học và Công nghệ", "2025-10-15"], ["1+1", "Công an tỉnh", ""],
        ["2", "Văn phòng UBND tỉnh", "2025-12-31"]]


def test_a_letters_item_that_only_tells_what_was_done_is_no_task():
    """"1. Sở Tư pháp đã hoàn thành …" before what a letter asks is what was done: its line is
    prose, not a task; an item that goes on to ask for more is still one."""
    doc = doc_from("Kính gửi: Các sở, ban, ngành tỉnh.\nĐể tiếp tục cải cách TTHC, Chủ tịch UBND tỉnh yêu cầu:\n"
                   "1. Sở Tư pháp đã hoàn thành việc rà soát 120 thủ tục hành chính trong 6 tháng đầu năm 2025.\n"
                   "2. Sở Nội vụ đã ban hành Kế hoạch kiểm tra; đề nghị tiếp tục kiểm tra các xã trong Quý IV/2025.\n"
                   "3. Văn phòng UBND tỉnh tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 20/12/2025.",
                   doc_type="công văn", date="2025-08-01")
    t = extract_tasks(doc)
    assert t[["path", "due"]].values.tolist() == [["2", "2025-12-31"], ["3", "2025-12-20"]]
    acc = line_accounting(doc)
    assert acc.loc[acc.line == 3, "role"].tolist() == ["prose"]


def test_a_paragraph_under_a_heading_is_not_split_at_who_answers_for_it_or_who_helps():
    """The sentence after an assignment that says who answers for its result ("… chịu trách nhiệm
    trước Chủ tịch UBND tỉnh …") or who helps ("… căn cứ chức năng, nhiệm vụ được giao, phối hợp
    …") stays in the one task; a second body given work of its own still makes a second task."""
    t = _rows("II. NHIỆM VỤ\n1. Về rà soát thủ tục hành chính\nGiao Sở Tư pháp rà soát các thủ tục hành "
              "chính liên quan đến kinh doanh trước ngày 30/6/2025. Thủ trưởng các sở, ban, ngành chịu trách "
              "nhiệm trước Chủ tịch UBND tỉnh về kết quả rà soát của cơ quan mình.\n"
              "2. Về dịch vụ công\nSở Khoa học và Công nghệ nâng cấp Hệ thống thông tin giải quyết TTHC "
              "của tỉnh. Các sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao, phối hợp thực hiện.\n"
              "3. Về số hóa\nSở Nội vụ hướng dẫn số hóa hồ sơ giải quyết TTHC của các cơ quan. Văn phòng "
              "UBND tỉnh tổng hợp kết quả số hóa, báo cáo Chủ tịch UBND tỉnh hằng quý.")
    assert t[["path", "lead"]].values.tolist() == [
        ["II.1", "Sở Tư pháp"], ["II.2", "Sở Khoa học và Công nghệ"],
        ["II.3+1", "Sở Nội vụ"], ["II.3+2", "Văn phòng UBND tỉnh"]]
    assert t.text.iloc[0].endswith("về kết quả rà soát của cơ quan mình.")


def test_third_review_a_numbered_item_splits_only_where_each_assignment_says_by_when():
    """(review 3) an item's later sentence that says who answers for it, who helps or what a body is
    had become a task of its own; a sub-row "a) …" under a row of a tab table had been merged into it;
    "… ban hành quyết định" without "này" is another document's date."""
    t = _rows("II. NHIỆM VỤ\n1. Văn phòng UBND tỉnh chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này. Thủ "
              "trưởng các sở, ban, ngành chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện.\n"
              "2. Sở Tư pháp rà soát các văn bản có quy định thủ tục hành chính. Các sở, ban, ngành căn cứ chức "
              "năng, nhiệm vụ được giao phối hợp thực hiện.\n3. Sở Tư pháp tham mưu UBND tỉnh công bố danh mục "
              "TTHC trong thời hạn 05 ngày làm việc kể từ ngày ban hành quyết định.")
    assert t[["path", "lead", "due"]].values.tolist() == [["II.1", "Văn phòng UBND tỉnh", ""],
                                                          ["II.2", "Sở Tư pháp", ""], ["II.3", "Sở Tư pháp", ""]]
    doc = doc_from("II. NHIỆM VỤ\nSTT\tNội dung\tChủ trì\tThời gian\n1\tRà soát, đơn giản hóa TTHC\t\t\n"
                   "\ta) Rà soát TTHC lĩnh vực đất đai\tSở Nông nghiệp và Môi trường\tQuý II/2025\n"
                   "\tb) Rà soát TTHC lĩnh vực đầu tư\tSở Tài chính\tQuý III/2025", date="2025-06-01")
    rows = extract_tasks(doc)
    assert rows[["lead", "due"]].values.tolist() == [["Sở Nông nghiệp và Môi trường", "2025-06-30"],
                                                     ["Sở Tài chính", "2025-09-30"]]


# --- walkthrough 21 ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("item", "lead"), [
    # Tuyên Quang (walkthrough 21a): a title, a colon, then the bodies that do the work; the subject
    # found inside the text had been the last body only, or none ("thúc đẩy" was no verb of the list)
    ("3.2. Số hóa hồ sơ, kết quả giải quyết TTHC: Trung tâm Phục vụ hành chính công tỉnh, UBND các xã, "
     "phường thực hiện số hóa 100% hồ sơ; hoàn thành trong năm 2025.",
     "Trung tâm Phục vụ hành chính công tỉnh, UBND các xã, phường"),
    ("3.4. Thanh toán trực tuyến: Thuế tỉnh, Sở Tài chính thúc đẩy thanh toán trực tuyến phí, lệ phí.",
     "Thuế tỉnh, Sở Tài chính"),
    # (walkthrough 21c: "sắp xếp" is a verb of the list)
    ("2.3.1. Ủy ban nhân dân các xã, phường sắp xếp lại Bộ phận Một cửa, bảo đảm trụ sở.",
     "Ủy ban nhân dân các xã, phường"),
    # (walkthrough 21c: a known body with its province's name bare ends where the name ends; "thông
    # báo" is a verb of the list)
    ("2.4.1. Sở Văn hóa, Thể thao và Du lịch, Báo và Phát thanh, Truyền hình Quảng Ngãi thông tin rộng rãi "
     "về kết quả cải cách TTHC.", "Sở Văn hóa, Thể thao và Du lịch, Báo và Phát thanh, Truyền hình Quảng Ngãi"),
    ("2.4.2. Sở Tư pháp Quảng Ngãi thông báo kết quả rà soát.", "Sở Tư pháp Quảng Ngãi"),
    # (a title that is an agency's own work stays as it was)
    ("3.5. Cải cách thủ tục: rà soát các thủ tục, Sở Tư pháp thực hiện.", "Sở Tư pháp"),
])
def test_the_bodies_after_a_tasks_title_and_colon_lead_it(item, lead):
    assert extract_tasks(doc_from("III. NHIỆM VỤ\n" + item)).lead.tolist() == [lead]


def test_a_bodys_second_dated_work_after_a_connective_is_a_task_of_its_own():
    """Gia Lai (walkthrough 21b): "… trước ngày 15/10/2025. Đồng thời, Sở Nội vụ tổ chức tập huấn …,
    hoàn thành trong tháng 11/2025." was one task due 30/11, its partner on both works; the same
    body's second sentence without a date of its own stays with the first."""
    t = extract_tasks(doc_from(
        "II. NHIỆM VỤ\n1. Giao Sở Nội vụ chủ trì, phối hợp với Thanh tra tỉnh kiểm tra công vụ tại các xã, "
        "phường, báo cáo UBND tỉnh trước ngày 15/10/2025. Đồng thời, Sở Nội vụ tổ chức tập huấn nghiệp vụ "
        "cho công chức một cửa cấp xã, hoàn thành trong tháng 11/2025.\n2. Sở Tư pháp rà soát các quy định "
        "trước ngày 30/9/2025. Sở Tư pháp tổng hợp kết quả, báo cáo UBND tỉnh."))
    assert t[["path", "lead", "partners", "due"]].values.tolist() == [
        ["II.1", "Sở Nội vụ", "Thanh tra tỉnh", "2025-10-15"], ["II.1+1", "Sở Nội vụ", "", "2025-11-30"],
        ["II.2", "Sở Tư pháp", "", "2025-09-30"]]


def test_work_that_opens_with_its_recurrence_has_days_but_no_due():
    """Ninh Bình (walkthrough 21d): "Định kỳ 6 tháng, hằng năm, các cơ quan … báo cáo … trước ngày 10/6
    và ngày 10/12 …" was due 10/6/2025, a date of one year of work that recurs every year."""
    t = extract_tasks(doc_from(
        "IV. TỔ CHỨC THỰC HIỆN\n3. Định kỳ 6 tháng, hằng năm, các cơ quan, đơn vị báo cáo kết quả thực hiện, "
        "tổng hợp khó khăn, vướng mắc gửi Sở Tư pháp trước ngày 10/6 và ngày 10/12 để tổng hợp."))
    assert t[["due", "recurring"]].values.tolist() == [["", True]]
