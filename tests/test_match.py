"""Specification of cross-province task matching, summaries and attribution."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kehoach_lib.match import (
    DEFAULT_CANDIDATES,
    DEFAULT_PROBABILITY,
    MATCH_COLUMNS,
    POLICIES,
    attribute,
    baseline_matching,
    coverage_share_matrix,
    cross_validated_matches,
    evaluate_alignment,
    evaluate_matching,
    load_concepts,
    match_summary,
    match_tasks,
    province_summary,
    unique_tasks,
    with_concepts,
)
from kehoach_lib.text import tokenize


@pytest.fixture(scope="module")
def matches(tasks):
    return match_tasks(tasks)


@pytest.fixture(scope="module")
def best_matches(tasks):
    """The cosine best-counterpart policy the scorer replaced."""
    return match_tasks(tasks, policy="best")


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
    # the default policy keeps the pairs the scorer finds likely enough, and says how likely
    assert (matches.probability >= DEFAULT_PROBABILITY).all() and (matches.probability <= 1).all()


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
        # "tập huấn" in one plan, "đào tạo, bồi dưỡng" in the other (both about officials of
        # the one-stop shop and TTHC control; kh58's "Đào tạo, bồi dưỡng ... cán bộ" is missed:
        # cosine 0.26, probability 0.22, its only shared words are "chuyên_môn nghiệp_vụ")
        ("bentre_kh_2024:PL.VIII.1", "bacninh_kh383_2023:PL01.IX.5"),
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


def test_an_objective_in_one_plan_matches_the_task_that_carries_it_out_in_another(matches):
    # "100% TTHC đủ điều kiện được thực hiện trực tuyến toàn trình" (objective) and
    # "Cung cấp dịch vụ công trực tuyến ... đối với 100% TTHC đủ điều kiện" (task)
    assert _pair(matches, "bacgiang_kh58_2025:II.2.đ", "bacninh_kh383_2023:PL01.VI.1.1") is not None


@pytest.mark.parametrize(
    "a, bs",
    [
        # one 2024 Bến Tre task (review TTHC eligible for full online service) answers two
        # 2023 Bắc Ninh targets: online public services for 100% of eligible TTHC, and their
        # integration on the national portal; neither is the other's best counterpart
        ("bentre_kh_2024:PL.V.3", ["bacninh_kh383_2023:PL01.VI.1.1", "bacninh_kh383_2023:PL01.VII.1"]),
        # one 2023 Bắc Giang duty (have the TTHC list published, in full, on the national TTHC
        # database) is two 2024 Bến Tre tasks: publishing the list, and posting it on the database
        ("bacgiang_cv_2023:2", ["bentre_kh_2024:PL.IV.2.1.2", "bentre_kh_2024:PL.IV.2.3.2"]),
    ],
)
def test_one_task_may_correspond_to_several_in_another_plan(matches, best_matches, a, bs):
    for b in bs:
        assert _pair(matches, a, b) is not None, b
    # the cosine best-counterpart policy keeps only one of them
    assert sum(_pair(best_matches, a, b) is not None for b in bs) <= 1


def test_compare_kinds_restricts_which_kinds_are_compared(tasks):
    kind = dict(zip(tasks.task_id, tasks.kind, strict=False))
    m = match_tasks(tasks, compare_kinds=(("objective",), ("task", "duty")))
    a = m.task_id_a.map(kind) == "objective"
    b = m.task_id_b.map(kind) == "objective"
    assert len(m) and (a == b).all()


def test_policies():
    t = pd.DataFrame({
        "task_id": ["a:1", "a:2", "b:1", "b:2"], "doc_id": ["a", "a", "b", "b"],
        "province": ["P", "P", "Q", "Q"], "kind": ["task"] * 4, "section": [""] * 4,
        "text": ["số hóa hồ sơ", "tuyên truyền về dịch vụ công", "số hóa hồ sơ kết quả",
                 "tập huấn nghiệp vụ"],
    })
    best = match_tasks(t, policy="best", threshold=0.1)
    assert set(zip(best.task_id_a, best.task_id_b, strict=False)) >= {("a:1", "b:1")}
    assert best.probability.isna().all()  # only the scorer gives probabilities
    scored = match_tasks(t, probability=0.0)
    # every candidate pair is scored; only texts sharing a term are candidates
    assert list(zip(scored.task_id_a, scored.task_id_b, strict=True)) == [("a:1", "b:1")]
    assert 0 < scored.probability.iloc[0] < 1
    one = match_tasks(t, policy="one_to_one", threshold=0.0)
    # the assignment also pairs a:2 with b:2, but they share no term, so that is no match
    assert list(zip(one.task_id_a, one.task_id_b, strict=True)) == [("a:1", "b:1")]
    with pytest.raises(ValueError, match="unknown policy"):
        match_tasks(t, policy="closest")


def test_texts_linked_only_by_a_concept_are_not_matched_under_any_policy():
    # "công khai" and "công bố" are one concept (concepts.csv), which strengthens a match, but two
    # texts sharing nothing else have no word to show in shared_terms
    t = pd.DataFrame({
        "task_id": ["a:1", "b:1"], "doc_id": ["a", "b"], "province": ["P", "Q"], "kind": ["task"] * 2,
        "section": [""] * 2, "text": ["công khai quy trình nội bộ", "công bố danh mục thủ tục"],
    })
    assert match_tasks(t, policy="all", threshold=0.0).empty
    assert match_tasks(t, policy="one_to_one", threshold=0.0).empty
    assert match_tasks(t, probability=0.0).empty
    linked = match_tasks(t.assign(text=["công khai quy trình nội bộ", "công bố quy trình nội bộ"]),
                         policy="all", threshold=0.0)
    assert linked.shared_terms.tolist() == ["quy_trình_nội_bộ"]  # a lexicon phrase


@pytest.mark.parametrize("policy", POLICIES)
def test_every_policy_shows_shared_words_for_every_pair(tasks, policy):
    found = match_tasks(tasks, policy=policy)
    assert len(found) and found.shared_terms.str.len().gt(0).all()
    assert (found.doc_id_a != found.doc_id_b).all()


def test_policy_all_keeps_at_most_top_k_counterparts_of_any_task_in_a_document(tasks, monkeypatch):
    from kehoach_lib import match as match_module

    found = match_tasks(tasks, policy="all", top_k=3)
    per_task = pd.concat([found.groupby(["task_id_a", "doc_id_b"]).size(),
                          found.groupby(["task_id_b", "doc_id_a"]).size()])
    assert per_task.max() == 3
    # nearest candidates only (as on corpora above EXACT_LIMIT): with top_k of them per document
    # nothing is lost; with fewer, a pair listed from one side only is kept when it is among the
    # other task's top_k too, that rank computed exactly
    assert match_tasks(tasks, policy="all", top_k=3, candidates=3).equals(found)
    few = match_tasks(tasks, policy="all", top_k=3, candidates=2)
    assert set(zip(few.task_id_a, few.task_id_b, strict=True)) < set(zip(found.task_id_a, found.task_id_b, strict=True))
    # tied cosines share a place on both sides, whatever the order of rows or the candidates kept:
    # with top_k 1 a task keeps two counterparts in a plan only when they tie
    one = match_tasks(tasks, policy="all", top_k=1)
    per_doc = one.groupby(["task_id_a", "doc_id_b"]).score
    assert (per_doc.size() > 1).any() and (per_doc.nunique() == 1).all()
    assert one.equals(match_tasks(tasks, policy="all", top_k=1, candidates=1))
    assert _by_pair(match_tasks(tasks.sample(frac=1, random_state=2), policy="all", top_k=1)).keys() == \
        _by_pair(one).keys()
    monkeypatch.setattr(match_module, "reverse_ranks", lambda i, j, **_: (np.full(len(i), 10**6), None))
    assert len(match_tasks(tasks, policy="all", top_k=3, candidates=2)) < len(few)


def test_concepts_link_different_words():
    assert "≈đào_tạo" in with_concepts(tokenize("tập huấn nghiệp vụ"))
    assert "≈đào_tạo" in with_concepts(tokenize("đào tạo, bồi dưỡng cán bộ"))


def test_a_concept_term_of_several_tokens_is_found_as_their_run():
    # the tokenizer writes "môi trường mạng" as two tokens; the concept term joins them
    assert tokenize("tiếp nhận hồ sơ trên môi trường mạng")[-2:] == ["môi_trường", "mạng"]
    assert "≈trực_tuyến" in with_concepts(tokenize("tiếp nhận hồ sơ trên môi trường mạng"))
    concepts = {"môi_trường_mạng": frozenset({"≈x"})}
    assert with_concepts(["môi_trường", "mạng", "a"], concepts) == ["môi_trường", "mạng", "a", "≈x"]
    assert with_concepts(["mạng", "môi_trường"], concepts) == ["mạng", "môi_trường"]  # not out of order
    assert with_concepts(["môi_trường"], concepts) == ["môi_trường"]  # not a part of the run


def test_every_term_of_the_concepts_file_can_be_found():
    # a term the tokenizer can never produce (a stop-word, say) would silently never count
    concepts = load_concepts()
    lost = [term for term, found in concepts.items()
            if not found <= set(with_concepts(tokenize(term.replace("_", " ")), concepts))]
    assert not lost


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


def test_province_by_province_all_plans_of_a_province_together(tasks, matches):
    provinces = province_summary(tasks, matches)
    assert provinces[["province_a", "province_b"]].values.tolist() == [
        ["Bắc Giang", "Bắc Ninh"], ["Bắc Giang", "Bến Tre"], ["Bắc Ninh", "Bến Tre"]]
    bg = provinces.iloc[0]
    assert (bg.documents_a, bg.tasks_a) == (2, (tasks.province == "Bắc Giang").sum())  # KH 58 and the công văn
    # the province pair's matches are its documents' matches (either way round: corpus order puts
    # Bắc Ninh's plan before the công văn), and a Bắc Ninh task with a counterpart in both Bắc Giang
    # plans counts once
    pair = {"Bắc Giang", "Bắc Ninh"}
    docs = match_summary(tasks, matches)
    docs = docs[[{a, b} == pair for a, b in zip(docs.province_a, docs.province_b, strict=True)]]
    assert len(docs) == 2 and bg.matches == docs.matches.sum()
    between = matches[[{a, b} == pair for a, b in zip(matches.province_a, matches.province_b, strict=True)]]
    ninh = (set(between.task_id_a[between.province_a == "Bắc Ninh"])
            | set(between.task_id_b[between.province_b == "Bắc Ninh"]))
    assert bg.matched_b == len(ninh) < docs.matched_a.iloc[1] + docs.matched_b.iloc[0]
    giang = (set(between.task_id_a[between.province_a == "Bắc Giang"])
             | set(between.task_id_b[between.province_b == "Bắc Giang"]))
    assert bg.matched_a == len(giang) and bg.share_a == round(len(giang) / bg.tasks_a, 3)
    assert bg.share_b == round(len(ninh) / bg.tasks_b, 3)
    # after the 2025 mergers Bắc Giang is part of Bắc Ninh: one province, its plans' matches inside it
    today = province_summary(tasks.assign(province_today=tasks.province.replace({"Bắc Giang": "Bắc Ninh"})),
                             matches, column="province_today")
    assert len(today) == 1 and today.documents_a.iloc[0] == 3


def test_a_plan_whose_province_is_not_known_counts_as_a_province_of_its_own(tasks, matches):
    unnamed = tasks.assign(province=tasks.province.where(tasks.doc_id != "bacgiang_cv_2023", ""))
    with pytest.warns(UserWarning, match=r"1 document\(s\) have no province \(bacgiang_cv_2023\)"):
        provinces = province_summary(unnamed, matches)
    assert len(provinces) == 6 and "(bacgiang_cv_2023)" in set(provinces.province_b)
    with pytest.raises(ValueError, match="not in the task table"):
        province_summary(tasks[tasks.doc_id != "bentre_kh_2024"], matches)


def test_a_task_matched_only_within_its_province_is_unique_to_it_across_provinces(tasks, matches):
    kh58, cv, bn = ("bacgiang_kh58_2025:I.1.a", "bacgiang_cv_2023:1", "bacninh_kh383_2023:I.1")
    rows = tasks.set_index("task_id").loc[[kh58, cv, bn]]
    two = pd.DataFrame({"task_id_a": [kh58, kh58], "task_id_b": [cv, bn]})  # within Bắc Giang, and across
    assert set(unique_tasks(tasks, two.head(1)).task_id) == set(tasks.task_id) - {kh58, cv}
    assert set(unique_tasks(tasks, two.head(1), across="province").task_id) == set(tasks.task_id)
    assert set(unique_tasks(tasks, two, across="province").task_id) == set(tasks.task_id) - {kh58, bn}
    assert rows.province.tolist() == ["Bắc Giang", "Bắc Giang", "Bắc Ninh"]
    by_doc, by_province = unique_tasks(tasks, matches), unique_tasks(tasks, matches, across="province")
    assert set(by_doc.task_id) <= set(by_province.task_id)


def test_news_article_is_attributed_to_the_plan_it_describes(docs, tasks):
    ranking = attribute(docs["news_nq66_2025"].text, tasks)
    assert ranking.doc_id.iloc[0] == "bacgiang_kh58_2025"
    assert ranking.margin.iloc[0] > 0.05
    assert not ranking.named.any()  # the article names no province


def test_a_text_that_names_its_province_is_attributed_to_that_provinces_plans(docs, tasks):
    # the same article, had it said whose plan it was: Bến Tre's plan then comes first, though
    # its wording is further from the article's than Bắc Giang's plan of NQ 66
    text = "UBND tỉnh Bến Tre vừa ban hành kế hoạch. " + docs["news_nq66_2025"].text
    ranking = attribute(text, tasks)
    assert ranking.doc_id.iloc[0] == "bentre_kh_2024" and ranking.named.iloc[0]
    assert ranking.score.iloc[0] < ranking.score.iloc[1] and list(ranking.named) == [True] + [False] * 3
    # however the task table spells the province
    spelt = tasks.assign(province=tasks.province.replace({"Bến Tre": "tỉnh BẾN TRE"}))
    assert attribute(text, spelt).doc_id.iloc[0] == "bentre_kh_2024"


def test_default_matching_beats_the_plain_baseline(tasks):
    ours = evaluate_matching(tasks)
    base = evaluate_matching(tasks, matches=baseline_matching(tasks))
    assert ours["f1"] >= base["f1"] + 0.15
    assert ours["precision"] > base["precision"]


def test_alignment_scores_every_predicted_pair_between_covered_documents():
    t = pd.DataFrame({"task_id": ["a:1", "a:2", "b:1", "b:2", "c:1"], "doc_id": list("aabbc"),
                      "line_start": [1, 5, 1, 5, 1], "line_end": [4, 8, 4, 8, 4]})
    alignment = pd.DataFrame({"doc_a": ["a", "a"], "line_a": [2, 6], "doc_b": ["b", "b"], "line_b": [1, 7]})
    matches = pd.DataFrame({"task_id_a": ["a:1", "a:1", "a:1"], "task_id_b": ["b:1", "b:2", "c:1"]})
    out = evaluate_alignment(t, alignment, matches=matches).set_index("doc_id_a")
    # a-b: a:1-b:1 right, a:1-b:2 wrong, a:2-b:2 missed; a-c is not covered, so not judged
    assert out.loc["a", ["tp", "fp", "fn"]].tolist() == [1, 1, 1]
    assert out.loc["all", ["precision", "recall", "f1"]].tolist() == [0.5, 0.5, 0.5]
    with pytest.raises(ValueError, match="fall in no task"):
        evaluate_alignment(t, alignment.assign(line_b=[1, 9]), matches=matches)
    # an alignment of other plans (the bundled one, on a researcher's own corpus) says so
    with pytest.raises(ValueError, match=r"documents that are not in this task table \(d\)"):
        evaluate_alignment(t, alignment.assign(doc_b=["b", "d"]), matches=matches)


def test_default_matching_beats_the_baseline_on_the_exhaustive_alignment(tasks, best_matches):
    # the shipped scorer was fitted on this alignment, so judge it cross-validated: each pair
    # of documents scored by a model fitted on the other pairs
    ours = evaluate_alignment(tasks, matches=cross_validated_matches(tasks))
    base = evaluate_alignment(tasks, matches=baseline_matching(tasks))
    cosine = evaluate_alignment(tasks, matches=best_matches)
    assert ours.iloc[-1].f1 >= base.iloc[-1].f1 + 0.1
    assert ours.iloc[-1].precision > base.iloc[-1].precision and ours.iloc[-1].recall > base.iloc[-1].recall
    # and better than the cosine policy it replaced, overall and on most pairs of documents
    assert ours.iloc[-1].f1 > cosine.iloc[-1].f1
    assert (ours.f1.iloc[:-1] > cosine.f1.iloc[:-1]).sum() >= 4


def test_cross_validation_scores_only_the_documents_the_alignment_covers(tasks):
    from kehoach_lib.match import load_alignment

    one_pair = load_alignment().query("doc_a == 'bacgiang_kh58_2025' and doc_b == 'bacninh_kh383_2023'")
    others = load_alignment().drop(one_pair.index)
    m = cross_validated_matches(tasks, others)
    assert len(m) and not ((m.doc_id_a == "bacgiang_kh58_2025") & (m.doc_id_b == "bacninh_kh383_2023")).any()
    assert m.probability.ge(DEFAULT_PROBABILITY).all()


def test_the_scorer_holds_up_on_a_second_annotators_labels(tasks, best_matches):
    from kehoach_lib.config import PROJECT_DIR
    from kehoach_lib.match import load_alignment

    second = load_alignment(PROJECT_DIR / "tests" / "data" / "match_alignment_second_annotator.csv")
    ours = evaluate_alignment(tasks, second, matches=cross_validated_matches(tasks)).iloc[-1]
    cosine = evaluate_alignment(tasks, second, matches=best_matches).iloc[-1]
    base = evaluate_alignment(tasks, second, matches=baseline_matching(tasks)).iloc[-1]
    assert ours.f1 > cosine.f1 and ours.f1 >= base.f1 + 0.1


def _by_pair(m):
    return {frozenset(p): prob for p, prob in zip(zip(m.task_id_a, m.task_id_b, strict=True), m.probability,
                                                   strict=True)}


def test_the_order_of_task_rows_never_changes_the_matches(tasks, matches):
    # rows shuffled across documents too (the documents' order, and so which side is "a", changes)
    shuffled = tasks.sample(frac=1, random_state=7)
    assert _by_pair(match_tasks(shuffled)) == pytest.approx(_by_pair(matches), abs=1e-9)
    for hold_out in ("pair", "plans"):
        cv = cross_validated_matches(tasks, hold_out=hold_out)
        again = cross_validated_matches(shuffled, hold_out=hold_out)
        assert _by_pair(again) == pytest.approx(_by_pair(cv), abs=1e-6)


def test_nearest_candidates_give_the_same_probabilities_as_every_pair(tasks, matches):
    # large corpora keep each task's nearest few; the features of a kept pair stay exact, so
    # a pair's probability does not depend on how many candidates were kept
    near = match_tasks(tasks, candidates=2)  # each task's 2 nearest in every other plan
    both = matches.merge(near, on=["task_id_a", "task_id_b"], suffixes=("", "_near"))
    assert len(both) == len(near) >= 0.9 * len(matches)
    assert (both.probability - both.probability_near).abs().max() < 1e-9
    # the default for large corpora, 5 per document, loses no match of the bundled corpus
    pd.testing.assert_frame_equal(match_tasks(tasks, candidates=DEFAULT_CANDIDATES), matches)


def test_nearest_candidates_are_kept_per_kind_group_when_kinds_are_compared_apart(tasks):
    # objectives compared only with objectives: a task's nearest objectives in a plan must not
    # take the places of its nearest tasks there, so each task keeps its 2 nearest comparable
    # tasks in every other plan (or all of them above the floor, where there are fewer)
    from kehoach_lib.match import _VECTOR_DEFAULTS, _candidates, _prepare
    from kehoach_lib.scorer import CANDIDATE_FLOOR

    kinds = (("objective",), ("task", "duty"))
    prep = _prepare(tasks, **{**_VECTOR_DEFAULTS, "compare_kinds": kinds})
    cand = _candidates(prep, 2, CANDIDATE_FLOOR)
    cos = (prep.x @ prep.x.T).toarray()
    kept = cand.groupby(["i", "dj"]).size()
    for i in range(0, len(tasks), 7):
        for d in set(prep.docs) - {prep.docs[i]}:
            comparable = (prep.docs == d) & (prep.groups == prep.groups[i])
            expected = min(2, int((cos[i, comparable] >= CANDIDATE_FLOOR - 1e-12).sum()))
            assert kept.get((i, d), 0) >= expected, (tasks.task_id[i], d)


def test_tied_candidates_are_kept_whatever_the_order_of_rows(tasks):
    # three copies of Bến Tre's plan: each task's nearest in them tie in threes, and which of
    # them make the 2 nearest must not depend on the order of rows
    bt = tasks[tasks.doc_id == "bentre_kh_2024"]
    copies = pd.concat([tasks] + [bt.assign(task_id=bt.task_id + f"#{r}", line_start=bt.line_start + 10_000 * r)
                                  for r in (1, 2)], ignore_index=True)
    near = match_tasks(copies, candidates=2)
    again = match_tasks(copies.sample(frac=1, random_state=3), candidates=2)
    assert _by_pair(again) == pytest.approx(_by_pair(near), abs=1e-9)


def test_cached_matching_needs_no_lead_column(tasks, tmp_path):
    from kehoach_lib.match import cached_match_tasks

    slim = tasks[["task_id", "doc_id", "province", "kind", "section", "text"]]
    first = cached_match_tasks(slim, cache_dir=tmp_path)
    assert len(first) and first.equals(cached_match_tasks(slim, cache_dir=tmp_path))


def test_given_pairs_are_scored_as_the_matcher_scores_them(tasks, matches):
    from kehoach_lib.match import pair_rows

    some = matches.iloc[[0, 5, 9]]
    # sides given in either order, one pair twice
    rows = pair_rows(tasks, [*some.task_id_b, some.task_id_a.iloc[0]], [*some.task_id_a, some.task_id_b.iloc[0]])
    cols = ["task_id_a", "task_id_b", "probability", "shared_terms"]
    pd.testing.assert_frame_equal(rows[cols], some[cols].reset_index(drop=True))
    assert np.allclose(rows.score, some.score, atol=1e-4)
    within = tasks[tasks.doc_id == "bentre_kh_2024"].task_id.iloc[:2].tolist()
    same_doc = pair_rows(tasks, within[:1], within[1:])
    assert np.isnan(same_doc.probability.iloc[0])  # the scorer never compares tasks of one document


def test_an_example_pair_of_plans_and_sections_is_picked_from_the_data(docs, tasks, matches):
    from kehoach_lib.match import example_pair, section_path

    paths = pd.DataFrame({"path": ["III.3.b.(iv)", "III+2", "PL01.V.2", "1"]})
    assert list(section_path(paths)) == ["III.3", "III", "PL01.V", "1"]
    ex = example_pair(tasks, matches, dates={d.doc_id: d.date for d in docs.values()})
    # the newest plan (Bắc Giang's KH 58 of 2025) and the largest of another province (Bắc Ninh's)
    assert (ex["doc_a"], ex["doc_b"]) == ("bacgiang_kh58_2025", "bacninh_kh383_2023")
    assert (ex["section_a"], ex["section_b"]) == ("III.3", "PL01.V") and ex["shared"] == 13
    # matches made from the tasks in another order name the plans the other way round
    swapped = matches.rename(columns={"task_id_a": "task_id_b", "task_id_b": "task_id_a",
                                      "doc_id_a": "doc_id_b", "doc_id_b": "doc_id_a"})
    again = example_pair(tasks, swapped, dates={d.doc_id: d.date for d in docs.values()})
    assert (again["section_a"], again["section_b"], again["shared"]) == ("III.3", "PL01.V", 13)
    one = tasks[tasks.doc_id == "bentre_kh_2024"]
    assert example_pair(one, matches.iloc[:0])["summary"].startswith("One plan only (bentre_kh_2024)")


def test_an_option_the_policy_does_not_read_is_named_not_silently_ignored(tasks):
    with pytest.warns(UserWarning, match="policy 'best' does not read probability"):
        best = match_tasks(tasks, policy="best", probability=0.9)
    assert len(best) == len(match_tasks(tasks, policy="best"))  # ignored, as it says
    with pytest.warns(UserWarning, match="policy 'scored' does not read threshold"):
        match_tasks(tasks, threshold=0.9)


def test_matching_on_three_plans_of_one_directive_written_with_a_blind_key():
    """Walkthrough 21a: three NQ 66 plans (.docx) and the 69 pairs their writer aligned before the
    tool ran; the default matcher finds them at F1 0.795 (P 0.713, R 0.899) on 2026-12-04."""
    from pathlib import Path

    from kehoach_lib import agencies, extract_corpus, load_corpus
    from kehoach_lib.match import load_alignment

    data = Path(__file__).parent / "data"
    tasks = agencies.add_agency_columns(extract_corpus(load_corpus(data / "walkthrough_21a")))
    result = evaluate_alignment(tasks, load_alignment(data / "walkthrough_21a_alignment.csv")).iloc[-1]
    assert result["aligned"] == 69
    assert result["f1"] >= 0.75 and result["recall"] >= 0.85
