"""Specification of the pair scorer: its features, its model file and how it was fitted."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from kehoach_lib.match import fit_pair_model
from kehoach_lib.scorer import FEATURES, PairModel, fit_model, lead_matrix, load_pair_model, pair_features


def test_the_shipped_model_is_the_one_the_alignment_gives(tasks):
    # pair_model.csv must be refitted (kehoach evaluate --refit) whenever the alignment, the
    # features or the text settings change; this fails until it is
    shipped = load_pair_model()
    refit = fit_pair_model(tasks)
    assert shipped.features == refit.features == FEATURES
    np.testing.assert_allclose(shipped.coef, refit.coef, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(shipped.intercept, refit.intercept, rtol=1e-3)


@pytest.mark.parametrize("row, reason", [
    ("cosine,0.1,0,1.0", "every scale must be above 0"),
    ("cosine,0.1,1,nan", "not a finite number"),
    ("cosine,0.1,1,x", "a value is not a number"),
])
def test_a_broken_model_file_is_refused(tmp_path, row, reason):
    from kehoach_lib.scorer import ModelError

    path = tmp_path / "model.csv"
    path.write_text(f"term,mean,scale,coefficient\n{row}\nintercept,0,1,-1\n", encoding="utf-8")
    with pytest.raises(ModelError, match=reason):
        load_pair_model(path)


@pytest.mark.parametrize("text, reason", [
    ("", "no rows: not a pair model"),
    ("term;mean;scale;coefficient\ncosine;0.1;1;1\n", r"no column\(s\) term, mean, scale, coefficient \(it has: "
     "term;mean;scale;coefficient"),
    ("task_id,doc_id,text\na:1,a,Rà soát\n", r"no column\(s\) term, mean, scale, coefficient \(it has: task_id"),
    ("term,mean,scale,coefficient\ncosine,0,1,1\ncosine,0,1,2\nintercept,0,1,0\n",
     "more than one row for the feature.s. cosine"),
])
def test_a_file_that_is_no_pair_model_says_what_it_lacks(tmp_path, text, reason):
    from kehoach_lib.scorer import ModelError

    path = tmp_path / "model.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelError, match=reason):
        load_pair_model(path)


def test_evidence_points_the_expected_way():
    coef = dict(zip(load_pair_model().features, load_pair_model().coef, strict=True))
    # more alike, each other's nearest, led by the same agency, answering the same requirements:
    # more likely the same task
    assert coef["cosine"] > 0 and coef["syllables"] > 0 and coef["same_lead"] > 0 and coef["directive"] > 0
    assert coef["rank_best"] < 0 and coef["rank_worst"] < 0


def _features(cand, x, docs, leads, profiles=None):
    profiles = sp.csr_matrix((len(docs), 0)) if profiles is None else sp.csr_matrix(profiles)
    return pair_features(cand, x=x, docs=np.asarray(docs), groups=np.zeros(len(docs), dtype=int), x_text=x,
                         x_syllables=x, leads=lead_matrix(leads), profiles=profiles).set_index(["a", "b"])


def test_features_of_candidate_pairs():
    # tasks 0, 1 in document 0; 2, 3 in document 1; cosines of the rows of x
    x = sp.csr_matrix(np.array([[1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 0]], dtype=float))
    x = sp.csr_matrix(x.multiply(1 / np.sqrt(x.multiply(x).sum(axis=1))))
    s = (x @ x.T).toarray()
    cand = pd.DataFrame([(i, j, s[i, j], [1, 1, 0, 0][i]) for i in (0, 1) for j in (2, 3)]
                        + [(i, j, s[i, j], 0) for i in (2, 3) for j in (0, 1)], columns=["i", "j", "s", "dj"])
    out = _features(cand, x, [0, 0, 1, 1], ["Sở Tư pháp", None, "Sở Tư pháp", "Sở Nội vụ"])
    assert list(out.index) == [(0, 2), (0, 3), (1, 2), (1, 3)]
    # 0 and 2 are each other's best: rank 0 on both sides, the ratio to the best is 1
    assert out.loc[(0, 2), ["rank_best", "rank_worst", "ratio", "same_lead"]].tolist() == [0, 0, 1, 1]
    # task 1's best in document 1 is task 2 (cos 0.58), but task 2 prefers task 0 (0.82)
    assert out.loc[(1, 2), "rank_best"] == 0 and out.loc[(1, 2), "rank_worst"] == pytest.approx(np.log(2))
    assert out.loc[(1, 2), "ratio"] == pytest.approx(s[1, 2] / s[0, 2])
    assert out.loc[(0, 3), "shared"] == 1 and out.loc[(0, 2), "shared"] == 2 and out.loc[(1, 3), "shared"] == 0
    assert out.loc[(1, 2), "same_lead"] == 0  # no lead is never the same lead
    assert out.loc[(0, 2), "length"] == pytest.approx(np.log1p(3))
    # the order of the candidate rows never matters
    shuffled = _features(cand.sample(frac=1, random_state=3), x, [0, 0, 1, 1],
                         ["Sở Tư pháp", None, "Sở Tư pháp", "Sở Nội vụ"])
    pd.testing.assert_frame_equal(out, shuffled)


def test_the_directive_feature_is_the_cosine_of_the_requirement_profiles():
    # tasks 0 and 2 answer the same requirement (the first), 1 answers none, 3 another one
    x = sp.csr_matrix(np.eye(4))
    cand = pd.DataFrame({"i": [0, 0, 1, 1], "j": [2, 3, 2, 3], "s": [0.5] * 4, "dj": [1] * 4})
    profiles = np.array([[0.6, 0.8], [0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    out = _features(cand, x, [0, 0, 1, 1], [None] * 4, profiles)
    assert out["directive"].round(6).to_dict() == {(0, 2): 0.6, (0, 3): 0.8, (1, 2): 0.0, (1, 3): 0.0}


def test_tied_cosines_share_a_rank():
    x = sp.csr_matrix(np.array([[1, 0], [1, 0], [1, 0]], dtype=float))  # 1 and 2 are copies
    cand = pd.DataFrame({"i": [0, 0, 1, 2], "j": [1, 2, 0, 0], "s": [1.0, 1.0, 1.0, 1.0], "dj": [1, 1, 0, 0]})
    out = _features(cand, x, [0, 1, 1], [None] * 3)
    assert out.rank_best.tolist() == [0, 0] and out.rank_worst.tolist() == [0, 0]


def test_near_ties_share_a_rank_on_both_paths():
    # 1 and 2 differ by rounding noise: kept from both sides or from one, 1 is tied with 2
    x = sp.csr_matrix(np.array([[1, 0], [1, 1e-5], [1, 0]], dtype=float))
    x = sp.csr_matrix(x.multiply(1 / np.sqrt(x.multiply(x).sum(axis=1))))
    s = (x @ x.T).toarray()
    assert s[0, 1] != s[0, 2]
    both = pd.DataFrame({"i": [0, 0, 1, 2], "j": [1, 2, 0, 0], "s": [s[0, 1], s[0, 2], s[1, 0], s[2, 0]],
                         "dj": [1, 1, 0, 0]})
    one = both.iloc[[1, 2, 3]]  # task 0 did not keep task 1
    for cand in (both, one):
        out = _features(cand, x, [0, 1, 1], [None] * 3)
        assert out.loc[(0, 1), "rank_worst"] == 0 and out.loc[(0, 2), "rank_worst"] == 0


def test_ranks_count_only_comparable_tasks():
    # task 3 (another kind group) is closer to task 0 than task 1 is, but is not compared with it
    x = sp.csr_matrix(np.array([[1, 0], [1, 1], [1, 0.01], [1, 0]], dtype=float))
    x = sp.csr_matrix(x.multiply(1 / np.sqrt(x.multiply(x).sum(axis=1))))
    s = (x @ x.T).toarray()
    cand = pd.DataFrame({"i": [1], "j": [0], "s": [s[1, 0]], "dj": [0]})  # 0 kept only 2
    cand = pd.concat([cand, pd.DataFrame({"i": [0, 2], "j": [2, 0], "s": [s[0, 2], s[2, 0]], "dj": [1, 0]})])
    groups = np.array([0, 0, 0, 1])
    out = pair_features(cand, x=x, docs=np.array([0, 1, 1, 1]), groups=groups, x_text=x, x_syllables=x,
                        leads=lead_matrix([None] * 4), profiles=sp.csr_matrix((4, 0))).set_index(["a", "b"])
    # among 0's comparable tasks in document 1 (1 and 2), 2 is nearer: 1 is second
    assert out.loc[(0, 1), "rank_worst"] == pytest.approx(np.log(2))


def test_the_model_file_is_read_again_when_it_changes(tmp_path):
    import os

    path = tmp_path / "m.csv"
    path.write_text("term,mean,scale,coefficient\ncosine,0,1,1\nintercept,0,1,0\n", encoding="utf-8")
    assert load_pair_model(path).coef == (1.0,)
    path.write_text("term,mean,scale,coefficient\ncosine,0,1,2\nintercept,0,1,0\n", encoding="utf-8")
    os.utime(path, ns=(1, 10**9))  # a different modification time, whatever the clock's resolution
    assert load_pair_model(path).coef == (2.0,)


def test_a_pair_kept_from_one_side_only_gets_its_exact_other_side():
    # large corpora keep each task's nearest few: here task 3 kept only its pair with task 0,
    # and task 0 (which prefers 1 and 2 in document 1) did not keep task 3
    x = sp.csr_matrix(np.array([[1, 0, 0], [1, 0.1, 0], [1, 0.5, 0], [1, 1, 1]], dtype=float))
    x = sp.csr_matrix(x.multiply(1 / np.sqrt(x.multiply(x).sum(axis=1))))
    s = (x @ x.T).toarray()
    cand = pd.DataFrame({"i": [0, 0, 3], "j": [1, 2, 0], "s": [s[0, 1], s[0, 2], s[3, 0]], "dj": [1, 1, 0]})
    out = _features(cand, x, [0, 1, 1, 1], [None] * 4)
    row = out.loc[(0, 3)]
    assert row.rank_best == 0  # 0 is 3's only and best counterpart in document 0
    assert row.rank_worst == pytest.approx(np.log1p(2))  # 3 is 0's third in document 1: computed exactly
    assert row.ratio == pytest.approx(s[0, 3] / s[0, 1])


def test_lead_matrix_uses_canonical_agencies_as_of_today():
    m = lead_matrix(["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Tư pháp", "", None,
                     "Các sở, ban, ngành", "Sở Tư pháp; Sở Nội vụ"]).toarray()
    assert (m[0] == m[1]).all() and m[0].sum() == 1  # the 2025 merger: TT&TT's roles went to KH&CN
    assert m[2].sum() == 1 and not (m[2] == m[0]).all()
    assert m[3].sum() == m[4].sum() == 0
    assert m[5].sum() == 0  # a collective lead names no one agency
    assert m[6].sum() == 2 and (m[6] >= m[2]).all()


def test_model_file_round_trip_and_errors(tmp_path):
    rng = np.random.default_rng(0)
    table = pd.DataFrame({f: rng.uniform(size=40) for f in FEATURES}).sort_values("cosine", ignore_index=True)
    labels = (table["cosine"] > 0.5).astype(int)
    model = fit_model(table, labels)
    assert model.predict_proba(table.iloc[[-1]])[0] > 0.5 > model.predict_proba(table.iloc[[0]])[0]
    path = model.save(tmp_path / "m.csv", comment="fitted in a test")
    assert path.read_text(encoding="utf-8").startswith("# fitted in a test\n")
    again = load_pair_model(path)
    np.testing.assert_allclose(again.predict_proba(table), model.predict_proba(table), rtol=1e-5)
    bad = tmp_path / "bad.csv"
    bad.write_text("term,mean,scale,coefficient\nnot_a_feature,0,1,1\nintercept,0,1,0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown features"):
        load_pair_model(bad)
    bad.write_text("term,mean,scale,coefficient\ncosine,0,1,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="intercept"):
        load_pair_model(bad)


def test_a_model_with_fewer_features_scores_with_those_only():
    model = PairModel(features=("cosine",), mean=(0.0,), scale=(1.0,), coef=(10.0,), intercept=-5.0)
    p = model.predict_proba(pd.DataFrame({"cosine": [0.0, 0.5, 1.0]}))
    assert p[1] == pytest.approx(0.5) and p[0] < 0.01 and p[2] > 0.99


def test_refit_writes_a_model_file_that_explains_itself(tasks, tmp_path):
    from kehoach_lib.match import refit_pair_model

    path, cross = refit_pair_model(tasks, path=tmp_path / "pair_model.csv")
    text = path.read_text(encoding="utf-8")
    assert "tests/data/match_alignment.csv" in text and f"F1 {cross.iloc[-1].f1:.3f}" in text
    assert load_pair_model(path).features == FEATURES
    assert list(cross.doc_id_a.iloc[:-1]) and cross.iloc[-1].doc_id_a == "all"
