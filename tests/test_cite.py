"""Citations of central and provincial documents."""

from __future__ import annotations

import pytest

from kehoach_lib.cite import (
    CITATION_COLUMNS,
    citation_matrix,
    citation_table,
    extract_citations,
    is_fuller_form,
    number_parts,
)


@pytest.fixture(scope="module")
def citations(corpus):
    return citation_table(corpus)


def cited(citations, doc_id):
    return citations[citations.doc_id == doc_id].set_index("cited_number")


def test_plan_cites_the_directives_it_implements(citations):
    bg = cited(citations, "bacgiang_kh58_2025")
    assert bg.loc["66/NQ-CP", "cited_date"] == "2025-03-26"
    assert bg.loc["121/QĐ-VPCP", "issuer"] == "Văn phòng Chính phủ"
    assert bg.loc["127-KL/TW", "cited_type"] == "Kết luận"
    assert "58/KH-UBND" not in bg.index  # its own number is not a citation


def test_letter_cites_qd933_and_provincial_letters(citations):
    cv = cited(citations, "bacgiang_cv_2023")
    assert cv.loc["933/QĐ-TTg", "cited_date"] == "2023-08-06"
    assert cv.loc["3995/UBND-NC", "cited_type"] == "Công văn"
    assert cv.loc["3995/UBND-NC", "issuer"] == "UBND tỉnh"


def test_citation_wrapped_over_two_lines_keeps_its_date(citations):
    bt = cited(citations, "bentre_kh_2024")
    assert bt.loc["92/2017/NĐ-CP", "cited_date"] == "2017-08-07"  # "ngày\n07/8/2017"
    assert bt.loc["1085/QĐ-TTg", "cited_date"] == "2022-09-15"
    assert bt.loc["61/2018/NĐ-CP", "line"] == 5


@pytest.mark.parametrize(
    "number, kind, issuer",
    [("61/2018/NĐ-CP", "Nghị định", "Chính phủ"), ("766/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"),
     ("02/2017/TT-VPCP", "Thông tư", "Văn phòng Chính phủ"), ("12-NQ/TU", "Nghị quyết", "Tỉnh ủy")],
)
def test_number_parts(number, kind, issuer):
    assert number_parts(number) == (kind, issuer)


def test_matrix_shows_shared_citations(citations):
    m = citation_matrix(citations, min_citing=2)
    assert m.loc["766/QĐ-TTg"].sum() == 3
    assert set(m.columns) <= set(citations.doc_id)


def test_dates_are_iso_and_numbers_unique_per_document(citations):
    assert citations.groupby("doc_id").cited_number.apply(lambda s: s.is_unique).all()
    dated = citations.cited_date[citations.cited_date != ""]
    assert dated.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_inline_example():
    from kehoach_lib import Document

    doc = Document(doc_id="x", lines=("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 và Quyết định 1291/QĐ-TTg.",))
    c = extract_citations(doc)
    assert list(c.cited_number) == ["63/2010/NĐ-CP", "1291/QĐ-TTg"]
    assert list(c.cited_date) == ["2010-06-08", ""]


def test_a_document_cited_with_and_without_its_year_is_one_row(citations):
    # before: 49 rows, "107/NĐ-CP", "45/NĐ-CP" (Bắc Ninh) and "3995/UBND" (Bắc Giang) apart
    m = citation_matrix(citations)
    assert len(m) == 46
    assert not {"107/NĐ-CP", "45/NĐ-CP", "3995/UBND"} & set(m.index)
    assert m.loc["107/2021/NĐ-CP"].sum() == 2 and m.loc["45/2020/NĐ-CP"].sum() == 2
    shared = citation_matrix(citations, min_citing=2)
    assert {"107/2021/NĐ-CP", "45/2020/NĐ-CP"} <= set(shared.index)
    bn = cited(citations, "bacninh_kh383_2023")
    assert bn.loc["107/2021/NĐ-CP", "cited_as"] == "107/NĐ-CP"  # the form as written
    assert bn.loc["45/2020/NĐ-CP", "cited_date"] == "2020-04-08"
    assert bn.loc["45/2020/NĐ-CP", "line"] == 157
    cv = cited(citations, "bacgiang_cv_2023")  # cites 3995/UBND-NC, then 3995/UBND
    assert cv.loc["3995/UBND-NC", "cited_as"] == "3995/UBND-NC; 3995/UBND"
    assert cv.loc["3995/UBND-NC", "line"] == 26  # its first mention
    assert "3995/UBND" not in cv.index
    unchanged = citations[citations.cited_as == citations.cited_number]
    assert len(unchanged) == len(citations) - 3


def _doc(doc_id, text, province=""):
    from kehoach_lib import Document

    return Document(doc_id=doc_id, lines=(text,), province=province)


def test_short_forms_merge_only_when_unambiguous():
    docs = [
        _doc("a", "Căn cứ Nghị định 107/NĐ-CP, Nghị định số 45/NĐ-CP ngày 08/4/2020 "
                  "và Nghị định 63/NĐ-CP ngày 08/6/2009."),
        _doc("b", "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021, Nghị định 45/2020/NĐ-CP, "
                  "Nghị định 63/2010/NĐ-CP."),
    ]
    c = citation_table(docs).set_index(["doc_id", "cited_number"])
    assert ("a", "107/2021/NĐ-CP") in c.index and ("a", "107/NĐ-CP") not in c.index
    assert c.loc[("a", "107/2021/NĐ-CP"), "cited_as"] == "107/NĐ-CP"
    assert c.loc[("a", "107/2021/NĐ-CP"), "cited_date"] == ""  # dates are as the citing text gives them
    assert c.loc[("a", "45/2020/NĐ-CP"), "cited_date"] == "2020-04-08"
    assert ("a", "63/NĐ-CP") in c.index  # dated 2009: not NĐ 63/2010
    assert len(citation_matrix(citation_table(docs))) == 4

    ambiguous = [*docs, _doc("c", "Căn cứ Nghị định 45/2013/NĐ-CP.")]
    m = citation_matrix(citation_table(ambiguous))
    assert {"45/NĐ-CP", "45/2020/NĐ-CP", "45/2013/NĐ-CP"} <= set(m.index)
    assert "107/2021/NĐ-CP" in m.index and "107/NĐ-CP" not in m.index


def test_provincial_numbers_are_completed_only_within_a_province():
    docs = [_doc("x", "Thực hiện Công văn số 3995/UBND ngày 19/7/2023.", "Bắc Giang"),
            _doc("y", "Thực hiện Công văn số 3995/UBND-NC ngày 19/7/2023.", "Bắc Giang"),
            _doc("z", "Thực hiện Công văn số 3995/UBND ngày 19/7/2023.", "Bến Tre")]
    c = citation_table(docs).set_index("doc_id")
    assert list(c.cited_number) == ["3995/UBND-NC", "3995/UBND-NC", "3995/UBND"]
    assert list(c.cited_as) == ["3995/UBND", "3995/UBND-NC", "3995/UBND"]
    one = extract_citations(_doc("w", "Công văn số 3995/UBND-NC ngày 19/7/2023 … Công văn số 3995/UBND."))
    assert list(one.cited_number) == ["3995/UBND-NC"] and list(one.cited_as) == ["3995/UBND-NC; 3995/UBND"]
    # the completed number is the province's document: x and y cite one, z another
    assert list(c.cited_key) == ["3995/UBND-NC (Bắc Giang)", "3995/UBND-NC (Bắc Giang)", "3995/UBND (Bến Tre)"]


@pytest.mark.parametrize(
    "short, full, fuller",
    [("107/NĐ-CP", "107/2021/NĐ-CP", True), ("3995/UBND", "3995/UBND-NC", True),
     ("12/NQ-TU", "12-NQ/TU", False), ("45/NĐ-CP", "45/QĐ-VPCP", False),
     ("45/2020/NĐ-CP", "45/2013/NĐ-CP", False), ("107/2021/NĐ-CP", "107/NĐ-CP", False),
     ("66/NQ", "66/NQ-CP", False),  # "66/NQ" does not name its issuer
     # Decisions and resolutions are numbered with and without a year: two documents
     ("28/QĐ-TTg", "28/2018/QĐ-TTg", False), ("5/NQ-HĐND", "5/2024/NQ-HĐND", False),
     ("01/TT-VPCP", "01/2018/TT-VPCP", True)],
)
def test_is_fuller_form(short, full, fuller):
    assert is_fuller_form(short, full) is fuller


def test_a_provincial_number_names_a_document_of_the_citing_province():
    docs = [_doc("bg1", "Căn cứ Nghị quyết số 66/NQ-CP; Chỉ thị số 01/CT-UBND ngày 03/01/2023.", "Bắc Giang"),
            _doc("bg2", "Thực hiện Chỉ thị 01/CT-UBND và Nghị quyết 66/NQ-CP.", "Bắc Giang"),
            _doc("bt", "Căn cứ Chỉ thị số 01/CT-UBND ngày 10/02/2023, Nghị quyết số 12-NQ/TU.", "Bến Tre"),
            _doc("nowhere", "Theo Chỉ thị số 01/CT-UBND và Công văn số 25/SNV-VP.")]
    c = citation_table(docs)
    assert list(c.columns) == CITATION_COLUMNS  # the data contract, then cited_as and cited_key
    assert list(c.cited_key) == ["66/NQ-CP", "01/CT-UBND (Bắc Giang)",
                                 "01/CT-UBND (Bắc Giang)", "66/NQ-CP",
                                 "01/CT-UBND (Bến Tre)", "12-NQ/TU (Bến Tre)",
                                 "01/CT-UBND (nowhere)", "25/SNV-VP (nowhere)"]  # no province: the document
    assert set(c.cited_number) == {"66/NQ-CP", "01/CT-UBND", "12-NQ/TU", "25/SNV-VP"}  # as before
    m = citation_matrix(c)
    assert m.index.name == "cited_key"
    # most cited first, then by key
    assert list(m.index) == ["01/CT-UBND (Bắc Giang)", "66/NQ-CP", "01/CT-UBND (Bến Tre)",
                             "01/CT-UBND (nowhere)", "12-NQ/TU (Bến Tre)", "25/SNV-VP (nowhere)"]
    assert m.loc["01/CT-UBND (Bắc Giang)"].to_dict() == {"bg1": 1, "bg2": 1, "bt": 0, "nowhere": 0}
    assert m.loc["66/NQ-CP"].to_dict() == {"bg1": 1, "bg2": 1, "bt": 0, "nowhere": 0}
    assert list(citation_matrix(c, min_citing=2).index) == ["01/CT-UBND (Bắc Giang)", "66/NQ-CP"]
    one = extract_citations(docs[2])
    assert list(one.cited_key) == ["01/CT-UBND (Bến Tre)", "12-NQ/TU (Bến Tre)"]


def test_matrix_of_a_table_without_keys_keeps_provincial_numbers_apart():
    c = citation_table([_doc("a", "Chỉ thị 01/CT-UBND, Nghị quyết 66/NQ-CP.", "Bắc Giang"),
                        _doc("b", "Chỉ thị 01/CT-UBND, Nghị quyết 66/NQ-CP.", "Bắc Giang")])
    m = citation_matrix(c.drop(columns="cited_key"))  # e.g. a table saved before the column existed
    assert list(m.index) == ["66/NQ-CP", "01/CT-UBND (a)", "01/CT-UBND (b)"]  # no provinces known


def test_bundled_provincial_citations_are_keyed_by_province(citations):
    keys = citations.set_index(["doc_id", "cited_number"]).cited_key
    assert keys[("bacninh_kh383_2023", "01/CT-UBND")] == "01/CT-UBND (Bắc Ninh)"
    assert keys[("bacgiang_cv_2023", "3995/UBND-NC")] == "3995/UBND-NC (Bắc Giang)"
    assert keys[("bentre_kh_2024", "12-NQ/TU")] == "12-NQ/TU (Bến Tre)"
    assert keys[("bentre_kh_2024", "766/QĐ-TTg")] == "766/QĐ-TTg"
    central = ~citations.cited_key.str.endswith(")")
    assert (citations.cited_key[central] == citations.cited_number[central]).all()
    assert central.sum() == len(citations) - 15
    # no two plans of the bundled corpus cite one provincial number: 46 rows, as by number;
    # the documents cited by two or more are all central, and keep their names
    m = citation_matrix(citations)
    assert len(m) == 46 and "01/CT-UBND (Bắc Ninh)" in m.index and "01/CT-UBND" not in m.index
    shared = citation_matrix(citations, min_citing=2)
    assert len(shared) == 9 and set(shared.index) <= set(citations.cited_number)


@pytest.mark.parametrize(
    "text, date",
    [("Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022.", "2022-06-23"),
     ("Căn cứ Nghị định số 92/2017/NĐ-CP ngày 07/ 8 /2017.", "2017-08-07"),
     ("Căn cứ Nghị quyết số 66/NQ-CP ngày 26 tháng 3 năm 2025.", "2025-03-26"),
     ("Căn cứ Nghị quyết số 66/NQ-CP ngày 26 Tháng 03 năm 2025.", "2025-03-26"),
     ("CĂN CỨ NGHỊ QUYẾT SỐ 66/NQ-CP NGÀY 26 THÁNG 3 NĂM 2025", "2025-03-26"),  # a heading in capitals
     ("Thực hiện 12/KH-UBND ngày 19/7/2023.", "2023-07-19"),  # a bare number and its date
     # a day that does not exist is a typing slip: no date, and the table is still made
     ("Căn cứ Quyết định số 766/QĐ-TTg ngày 31/02/2023.", ""),
     ("Căn cứ Quyết định số 766/QĐ-TTg ngày 30 tháng 02 năm 2024.", ""),
     ("Căn cứ Quyết định số 766/QĐ-TTg ngày 12/13/2023.", ""),
     ("Căn cứ Quyết định số 766/QĐ-TTg ngày 00/6/2022.", ""),
     ("Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/1922.", ""),  # before 1945 (load.DATE_YEARS): a slip
     ("Căn cứ Quyết định số 766/QĐ-TTg.", "")],
)
def test_cited_date(text, date):
    assert list(extract_citations(_doc("x", text)).cited_date) == [date]


def test_a_later_mention_gives_the_date_a_typing_slip_lost():
    c = extract_citations(_doc("x", "Quyết định số 766/QĐ-TTg ngày 31/02/2022 … Quyết định 766/QĐ-TTg ngày 23/6/2022."))
    assert list(c.cited_date) == ["2022-06-23"]


def test_a_ministrys_circular_is_one_document_whichever_province_cites_it():
    docs = [_doc("bn", "Thực hiện Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ Tư pháp.", "Bắc Ninh"),
            _doc("bt", "Theo Thông tư số 01/2020/TT-BTP ngày 03/3/2020.", "Bến Tre"),
            _doc("bt2", "Kế hoạch số 01/KH-BCĐ của Ban Chỉ đạo tỉnh.", "Bến Tre")]
    table = citation_table(docs)
    assert set(table.cited_key) == {"01/2020/TT-BTP", "01/KH-BCĐ (Bến Tre)"}
    assert citation_matrix(table).loc["01/2020/TT-BTP"].tolist() == [1, 1, 0]


def test_a_national_assembly_resolution_keeps_its_term_and_its_date():
    text = "Thực hiện Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội."
    table = citation_table([_doc("gl", text, "Gia Lai")])
    row = table.iloc[0]
    assert (row.cited_number, row.issuer, row.cited_date, row.cited_key) == (
        "202/2025/QH15", "Quốc hội", "2025-06-12", "202/2025/QH15")


def test_a_plan_does_not_cite_itself_through_its_attachments_file_name():
    from kehoach_lib import Document

    doc = Document(doc_id="dn", lines=("Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ.",
                                       "Tệp đính kèm: 145-KH-UBND.pdf"), province="Đồng Nai", number="145/KH-UBND")
    assert extract_citations(doc).cited_number.tolist() == ["66/NQ-CP"]
