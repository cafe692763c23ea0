"""Specification of cross-province task matching, summaries and attribution."""

from __future__ import annotations

import pytest

from kehoach_lib.match import (
    MATCH_COLUMNS,
    attribute,
    baseline_matching,
    coverage_share_matrix,
    evaluate_matching,
    match_summary,
    match_tasks,
    unique_tasks,
    with_concepts,
)
from kehoach_lib.text import tokenize


@pytest.fixture(scope="module")
def matches(tasks):
    return match_tasks(tasks)


def _pair(matches, a, b):
    hit = matches[((matches.task_id_a == a) & (matches.task_id_b == b))
                  | ((matches.task_id_a == b) & (matches.task_id_b == a))]
    return hit.iloc[0] if len(hit) else None


def test_columns_order_and_pairs(matches, tasks):
    assert list(matches.columns) == MATCH_COLUMNS
    assert (matches.doc_id_a != matches.doc_id_b).all()
    order = {d: i for i, d in enumerate(dict.fromkeys(tasks.doc_id))}
    assert (matches.doc_id_a.map(order) < matches.doc_id_b.map(order)).all()
    keys = {frozenset(p) for p in zip(matches.task_id_a, matches.task_id_b, strict=False)}
    assert len(keys) == len(matches)
    assert matches.score.between(0, 1).all()


def test_shared_terms_are_real_tokens_of_both_tasks(matches, tasks):
    text = dict(zip(tasks.task_id, tasks.text, strict=False))
    for row in matches.itertuples():
        terms = [t for t in row.shared_terms.split("; ") if t]
        assert terms, row
        both = set(tokenize(text[row.task_id_a])) & set(tokenize(text[row.task_id_b]))
        assert set(terms) <= both


@pytest.mark.parametrize(
    "a, b",
    [
        # postal public service, said differently in 2023 and 2025
        ("bacgiang_kh58_2025:III.3.b.(iv)", "bacninh_kh383_2023:PL01.V.10"),
        # receiving dossiers independent of administrative boundaries
        ("bacgiang_kh58_2025:III.3.b.(i)", "bacninh_kh383_2023:PL01.V.4"),
        # digitising dossiers and results
        ("bacgiang_kh58_2025:III.3.a.(ii)", "bentre_kh_2024:PL.V.2"),
        # "tập huấn" in one plan, "đào tạo, bồi dưỡng" in the other
        ("bacgiang_kh58_2025:III.3.b.(v)", "bacninh_kh383_2023:PL01.IX.5"),
        # feedback (PAKN) handling, abbreviation in one plan, words in the other
        ("bacninh_kh383_2023:PL01.IV.2", "bentre_kh_2024:PL.IV.4.2"),
    ],
)
def test_same_commitment_in_different_words_is_matched(matches, a, b):
    assert _pair(matches, a, b) is not None


@pytest.mark.parametrize(
    "a, b",
    [
        ("bacgiang_kh58_2025:III.1.e", "bacninh_kh383_2023:PL01.V.10"),  # licensing vs postal
        ("bacninh_kh383_2023:PL01.VII.2", "bentre_kh_2024:PL.IX.1"),  # FAQ vs guidance videos
    ],
)
def test_shared_vocabulary_alone_is_not_a_match(matches, a, b):
    assert _pair(matches, a, b) is None


def test_objectives_are_matched_only_with_objectives(matches, tasks):
    kind = dict(zip(tasks.task_id, tasks.kind, strict=False))
    a = matches.task_id_a.map(kind) == "objective"
    b = matches.task_id_b.map(kind) == "objective"
    assert (a == b).all()


def test_policies():
    import pandas as pd

    t = pd.DataFrame({
        "task_id": ["a:1", "a:2", "b:1", "b:2"], "doc_id": ["a", "a", "b", "b"],
        "province": ["P", "P", "Q", "Q"], "kind": ["task"] * 4, "section": [""] * 4,
        "text": ["số hóa hồ sơ", "tuyên truyền về dịch vụ công", "số hóa hồ sơ kết quả",
                 "tập huấn nghiệp vụ"],
    })
    best = match_tasks(t, threshold=0.1)
    assert set(zip(best.task_id_a, best.task_id_b, strict=False)) >= {("a:1", "b:1")}
    one = match_tasks(t, policy="one_to_one", threshold=0.0)
    # the assignment also pairs a:2 with b:2, but they share no term, so that is no match
    assert list(zip(one.task_id_a, one.task_id_b, strict=True)) == [("a:1", "b:1")]
    with pytest.raises(ValueError, match="unknown policy"):
        match_tasks(t, policy="closest")


def test_concepts_link_different_words():
    assert "≈đào_tạo" in with_concepts(tokenize("tập huấn nghiệp vụ"))
    assert "≈đào_tạo" in with_concepts(tokenize("đào tạo, bồi dưỡng cán bộ"))


def test_summaries(tasks, matches):
    summary = match_summary(tasks, matches)
    assert len(summary) == 6  # four plans -> six pairs
    row = summary.set_index(["doc_id_a", "doc_id_b"]).loc[("bacninh_kh383_2023", "bentre_kh_2024")]
    assert row.matches > 0 and 0 < row.share_a <= 1 and 0 < row.share_b <= 1
    m = coverage_share_matrix(tasks, matches)
    assert m.loc["bacninh_kh383_2023", "bentre_kh_2024"] == row.share_a
    uniq = unique_tasks(tasks, matches)
    matched = set(matches.task_id_a) | set(matches.task_id_b)
    assert not set(uniq.task_id) & matched
    assert len(uniq) + len(matched) == len(tasks)


def test_news_article_is_attributed_to_the_plan_it_describes(docs, tasks):
    ranking = attribute(docs["news_nq66_2025"].text, tasks)
    assert ranking.doc_id.iloc[0] == "bacgiang_kh58_2025"
    assert ranking.margin.iloc[0] > 0.05


def test_default_matching_beats_the_plain_baseline(tasks):
    ours = evaluate_matching(tasks)
    base = evaluate_matching(tasks, matches=baseline_matching(tasks))
    assert ours["f1"] >= base["f1"] + 0.15
    assert ours["precision"] > base["precision"]
