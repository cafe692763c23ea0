"""Citations of central and provincial documents."""

from __future__ import annotations

import pytest

from kehoach_lib.cite import citation_matrix, citation_table, extract_citations, number_parts


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
