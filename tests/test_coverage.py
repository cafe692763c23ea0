"""Coverage of central directives by the provinces' plans, checked against judgements made by reading them."""

from __future__ import annotations

import pytest

from kehoach_lib.coverage import (
    COVERAGE_COLUMNS,
    compare_targets,
    coverage,
    coverage_matrix,
    coverage_summary,
    evaluate_coverage,
    gaps,
)


@pytest.fixture(scope="module")
def doc_types(corpus):
    return {d.doc_id: d.doc_type for d in corpus}


@pytest.fixture(scope="module")
def nq66(tasks, doc_types):
    return coverage(tasks, "nq66", doc_types=doc_types).set_index(["requirement_id", "province"])


def test_columns_and_provinces(tasks, doc_types):
    cov = coverage(tasks, "nq66", doc_types=doc_types)
    assert list(cov.columns) == COVERAGE_COLUMNS
    assert set(cov.province) == {"Bắc Giang", "Bắc Ninh", "Bến Tre"}  # the news article is left out
    assert set(cov.status) <= {"covered", "partial", "missing"}
    found = cov[cov.status != "missing"]
    assert (found.task_id != "").all() and (found.evidence != "").all()


def test_a_corpus_with_no_task_covers_nothing(tasks, doc_types):
    cov = coverage(tasks.iloc[:0], "nq66", doc_types=doc_types)
    assert cov.empty and list(cov.columns) == COVERAGE_COLUMNS


def test_a_plan_without_a_province_is_named_when_left_out_of_the_per_province_view(tasks, doc_types):
    unnamed = tasks.assign(province=tasks.province.where(tasks.doc_id != "bentre_kh_2024", ""))
    with pytest.warns(UserWarning, match=r"1 document\(s\) with no province left out \(bentre_kh_2024\)"):
        cov = coverage(unnamed, "nq66", doc_types=doc_types)
    assert set(cov.province) == {"Bắc Giang", "Bắc Ninh"}
    assert "bentre_kh_2024" in set(coverage(unnamed, "nq66", by="document", doc_types=doc_types).doc_id)


def test_bac_giang_58_covers_boundary_independent_items(nq66):
    for rid in ("nq66.2025.boundary_independent", "nq66.task.any_desk"):
        row = nq66.loc[(rid, "Bắc Giang")]
        assert row.status == "covered" and row.doc_id == "bacgiang_kh58_2025"
    assert nq66.loc[("nq66.2025.boundary_independent", "Bắc Giang"), "target_compare"] == "same"


def test_earlier_plans_of_other_provinces_miss_or_partly_cover_nq66(nq66):
    for province in ("Bắc Ninh", "Bến Tre"):
        assert nq66.loc[("nq66.2025.business_conditions", province), "status"] == "missing"
        assert nq66.loc[("nq66.task.restructuring", province), "status"] == "missing"
    assert nq66.loc[("nq66.task.postal", "Bắc Ninh"), "status"] != "missing"
    assert nq66.loc[("nq66.task.digitisation", "Bến Tre"), "status"] == "covered"
    assert nq66.loc[("nq66.2025.boundary_independent", "Bến Tre"), "status"] == "missing"


def test_deadlines_compared_in_days(nq66):
    row = nq66.loc[("nq66.task.statistics", "Bắc Giang")]
    assert (row.central_due, row.province_due, row.days_late) == ("2025-04-30", "2025-04-30", 0)


@pytest.mark.parametrize(
    "central, written, expected",
    [
        ([{"value": 30, "unit": "%"}], "ít nhất 30%", ("30%", "same")),
        ([{"value": 30, "unit": "%"}], "tối thiểu 20%", ("20%", "weaker")),
        ([{"value": 30, "unit": "%"}], "50%", ("50%", "stricter")),
        ([{"value": 100, "unit": "%"}], "", ("", "absent")),
        ([], "100%", ("", "")),
    ],
)
def test_compare_targets(central, written, expected):
    assert compare_targets(central, written) == expected


def test_views(tasks, doc_types):
    cov = coverage(tasks, "nq66", doc_types=doc_types)
    wide = coverage_matrix(cov)
    assert wide.shape == (cov.requirement_id.nunique(), 3)
    summary = coverage_summary(cov)
    assert summary.loc["Bắc Giang", "share_covered"] > summary.loc["Bến Tre", "share_covered"]
    assert (gaps(cov).status != "covered").all()
    by_doc = coverage(tasks, "qd933", by="document", doc_types=doc_types)
    assert set(by_doc.doc_id[by_doc.status != "missing"]) <= set(tasks.doc_id)


def test_agreement_with_reading_judgements(tasks, doc_types):
    result = evaluate_coverage(tasks, doc_types=doc_types)
    assert result["n"] == 114
    assert result["accuracy"] >= 0.8
    assert result["presence_accuracy"] >= 0.95


def test_a_misspelt_term_still_carries_its_requirement(tasks):
    # Bắc Ninh writes "Công dịch vụ công quốc gia" for the national portal (spelling.csv)
    from kehoach_lib.coverage import eligible

    misspelt = tasks.text.str.contains("công dịch vụ công", case=False, regex=False)
    assert misspelt.sum() >= 5
    assert eligible(tasks[misspelt], [["cổng dịch vụ công"]]).all()
