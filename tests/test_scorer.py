"""Specification of the pair scorer: its features, its model file and how it was fitted."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from kehoach_lib.match import fit_pair_model
from kehoach_lib.scorer import FEATURES, PairModel, fit_model, lead_ids, load_pair_model, pair_features


def test_the_shipped_model_is_the_one_the_alignment_gives(tasks):
    # pair_model.csv must be refitted (kehoach evaluate --refit) whenever the alignment, the
    # features or the text settings change; this fails until it is
    shipped = load_pair_model()
    refit = fit_pair_model(tasks)
    assert shipped.features == refit.features == FEATURES
    np.testing.assert_allclose(shipped.coef, refit.coef, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(shipped.intercept, refit.intercept, rtol=1e-3)


def test_evidence_points_the_expected_way():
    coef = dict(zip(load_pair_model().features, load_pair_model().coef, strict=True))
    # more alike, and each other's nearest, and led by the same agency: more likely the same task
    assert coef["cosine"] > 0 and coef["syllables"] > 0 and coef["same_lead"] > 0
    assert coef["rank_best"] < 0 and coef["rank_worst"] < 0


def test_features_of_candidate_pairs():
    # tasks 0, 1 in document 0; 2, 3 in document 1. Directed candidates as the matcher gives
    # them: sorted by task, other document, score (highest first).
    cand = pd.DataFrame({"i": [0, 0, 1, 2, 2, 3], "j": [2, 3, 2, 0, 1, 0],
                         "s": [0.6, 0.3, 0.4, 0.6, 0.4, 0.3], "dj": [1, 1, 1, 0, 0, 0]})
    x = sp.csr_matrix(np.array([[1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 1, 0]], dtype=float))
    out = pair_features(cand, np.array([0, 0, 1, 1]), x_text=x, x_syllables=x,
                        leads=np.array([5, -1, 5, 7]), missing_rank=50).set_index(["a", "b"])
    assert list(out.index) == [(0, 2), (0, 3), (1, 2)]
    assert out.loc[(0, 2), ["rank_best", "rank_worst", "ratio", "same_lead"]].tolist() == [0, 0, 1, 1]
    # task 1's best in document 1 is task 2 (rank 0), but task 2 prefers task 0 (rank 1)
    assert out.loc[(1, 2), "rank_worst"] == pytest.approx(np.log(2))
    assert out.loc[(1, 2), "ratio"] == pytest.approx(0.4 / 0.6)
    assert out.loc[(0, 3), "shared"] == 1 and out.loc[(0, 2), "shared"] == 2
    assert out.loc[(1, 2), "same_lead"] == 0  # no lead is never the same lead
    assert out.loc[(0, 2), "length"] == pytest.approx(np.log1p(3))


def test_a_pair_seen_from_one_side_only_gets_the_missing_rank():
    cand = pd.DataFrame({"i": [0], "j": [1], "s": [0.5], "dj": [1]})
    x = sp.identity(2, format="csr")
    out = pair_features(cand, np.array([0, 1]), x_text=x, x_syllables=x, leads=np.array([-1, -1]),
                        missing_rank=50)
    assert out.rank_best.iloc[0] == 0 and out.rank_worst.iloc[0] == pytest.approx(np.log1p(50))


def test_lead_ids_use_canonical_agencies_as_of_today():
    ids = lead_ids(["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Tư pháp", "", None])
    assert ids[0] == ids[1] >= 0  # the 2025 merger: TT&TT's roles went to KH&CN
    assert ids[2] >= 0 and ids[2] != ids[0]
    assert ids[3] == ids[4] == -1


def test_model_file_round_trip_and_errors(tmp_path):
    table = pd.DataFrame({f: np.linspace(0, 1, 40) + (k % 3) * 0.1 for k, f in enumerate(FEATURES)})
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
