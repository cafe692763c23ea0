"""Specification of bringing a sentence encoder's vectors to the matcher (kehoach_lib.embed)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

from kehoach_lib.cli import main
from kehoach_lib.embed import EmbeddingError, embed_tasks, embedding_matrix, read_embeddings, write_embeddings
from kehoach_lib.match import (
    MATCH_COLUMNS,
    cross_validated_matches,
    evaluate_alignment,
    fit_pair_model,
    label_task_ids,
    load_alignment,
    match_tasks,
)
from kehoach_lib.scorer import (
    EMBEDDING,
    FEATURES,
    ModelError,
    lead_matrix,
    load_pair_model,
    pair_features,
    scorer_inputs,
)


class LsaEncoder:
    """A real (if lexical) sentence encoder: character n-gram TF-IDF reduced by SVD, fitted once."""

    def __init__(self, texts, dim=32):
        self.tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4)).fit(texts)
        self.svd = TruncatedSVD(dim, random_state=0).fit(self.tfidf.transform(texts))
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        return self.svd.transform(self.tfidf.transform(texts))


@pytest.fixture(scope="module")
def lsa(tasks):
    return embed_tasks(tasks, LsaEncoder(tasks.text.tolist()).encode)


def _oracle(tasks):
    """Vectors a perfect encoder would give: one dimension per aligned pair of the alignment,
    set in both its tasks (and one of its own for a task aligned with none), so two tasks'
    cosine is above 0 exactly when they are aligned."""
    gold = label_task_ids(tasks, load_alignment()).dropna(subset=["task_a", "task_b"])
    row = {t: i for i, t in enumerate(tasks.task_id)}
    x = np.zeros((len(tasks), len(gold) + len(tasks)))
    for k, (a, b) in enumerate(zip(gold.task_a, gold.task_b, strict=True)):
        x[row[a], k] = x[row[b], k] = 1.0
    x[np.arange(len(tasks)), len(gold) + np.arange(len(tasks))] = 0.5 * (x.sum(axis=1) == 0)
    return pd.DataFrame(x, index=pd.Index(tasks.task_id.to_numpy(), name="task_id"))


def test_one_vector_per_task_in_batches(tasks):
    encoder = LsaEncoder(tasks.text.tolist())
    emb = embed_tasks(tasks, encoder.encode, batch_size=100)
    assert emb.shape == (len(tasks), 32) and list(emb.index) == tasks.task_id.tolist()
    assert encoder.calls == 3  # 262 tasks in batches of 100
    np.testing.assert_allclose(emb.to_numpy(), encoder.encode(tasks.text.tolist()))


def test_an_encoder_that_loses_texts_is_refused(tasks):
    with pytest.raises(EmbeddingError, match="one vector per text"):
        embed_tasks(tasks.head(5), lambda texts: np.zeros((len(texts) - 1, 4)))


def test_written_embeddings_read_back(lsa, tmp_path):
    path = write_embeddings(lsa, tmp_path / "emb.csv")
    back = read_embeddings(path)
    assert list(back.index) == list(lsa.index) and back.shape == lsa.shape
    np.testing.assert_allclose(back.to_numpy(), lsa.to_numpy(), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("content, reason", [
    ("id,e0\nx,1\n", "no 'task_id' column"),
    ("task_id\nx\n", "no vector columns"),
    ("task_id,e0,e1\nx,1,2\ny,3,abc\n", r"1 values are missing or not finite numbers \(first: row 3, column 'e1'\)"),
    ("task_id,e0,e1\nx,1,2\ny,3\n", "missing or not finite numbers"),
    ("task_id,e0\nx,1\nx,2\n", "task 'x' has more than one row"),
    ("task_id,e0\nx,1\ny,inf\n", r"1 values are missing or not finite numbers \(first: row 3, column 'e0'\)"),
    ("Unnamed: 0,task_id,e0\n0,x,1\n", "a column without a name"),
    ("", "cannot be read"),
])
def test_unusable_embedding_files_say_why(tmp_path, content, reason):
    path = tmp_path / "emb.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EmbeddingError, match=reason) as err:
        read_embeddings(path)
    assert str(path) in str(err.value)


def test_vectors_that_are_not_finite_or_not_one_per_task_are_refused(tasks, lsa):
    with pytest.raises(EmbeddingError, match="3 values that are not finite"):
        embed_tasks(tasks.head(3), lambda texts: np.full((len(texts), 1), np.nan))
    twice = pd.concat([tasks.head(2), tasks.head(1)])
    with pytest.raises(EmbeddingError, match="names task .* more than once"):
        embed_tasks(twice, lambda texts: np.ones((len(texts), 2)))
    with pytest.raises(EmbeddingError, match="more than once"):
        embedding_matrix(pd.concat([lsa, lsa.head(1)]), tasks)
    huge = pd.DataFrame([[1e300, 1e300], [3.0, 4.0]], index=["a", "b"])
    np.testing.assert_allclose(embedding_matrix(huge, pd.DataFrame({"task_id": ["a", "b"]})),
                               [[2 ** -0.5, 2 ** -0.5], [0.6, 0.8]])  # no overflow to zero


def test_every_task_needs_a_vector(tasks, lsa):
    with pytest.raises(EmbeddingError, match=f"no vector for 2 of the {len(tasks)} tasks"):
        embedding_matrix(lsa.iloc[2:], tasks)
    x = embedding_matrix(lsa, tasks.iloc[::-1])
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0)  # unit vectors, in the tasks' order
    np.testing.assert_allclose(x[0] * np.linalg.norm(lsa.iloc[-1]), lsa.iloc[-1].to_numpy())
    zero = pd.DataFrame([[0.0, 0.0], [3.0, 4.0]], index=["a", "b"])
    assert embedding_matrix(zero, pd.DataFrame({"task_id": ["a", "b"]})).tolist() == [[0, 0], [0.6, 0.8]]


def test_the_embedding_feature_is_the_cosine_of_the_vectors():
    x = sp.csr_matrix(np.eye(3))
    cand = pd.DataFrame({"i": [0, 0, 1], "j": [1, 2, 2], "s": [0.5, 0.2, 0.1], "dj": [1, 2, 2]})
    common = {"x": x, "docs": np.arange(3), "groups": np.zeros(3, dtype=int), "x_text": x, "x_syllables": x,
              "leads": lead_matrix([None] * 3), "profiles": sp.csr_matrix((3, 0))}
    e = np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]])
    out = pair_features(cand, embeddings=e, **common).set_index(["a", "b"])
    assert out[EMBEDDING].round(6).to_dict() == {(0, 1): 0.6, (0, 2): 0.0, (1, 2): 0.8}
    assert EMBEDDING not in pair_features(cand, **common)  # no vectors, no feature


def test_the_shipped_model_and_the_embeddings_go_together_or_not_at_all(tasks, lsa):
    with pytest.raises(ModelError, match="does not read embeddings"):
        match_tasks(tasks, embeddings=lsa)
    model = fit_pair_model(tasks, embeddings=lsa)
    assert model.features == (*FEATURES, EMBEDDING)
    with pytest.raises(ModelError, match="reads embeddings"):
        match_tasks(tasks, model=model)
    with pytest.raises(ModelError, match="needs embeddings"):
        fit_pair_model(tasks, features=(*FEATURES, EMBEDDING))


def test_a_model_fitted_with_embeddings_matches_and_round_trips(tasks, lsa, tmp_path):
    model = fit_pair_model(tasks, embeddings=lsa)
    matches = match_tasks(tasks, embeddings=lsa, model=model)
    assert list(matches.columns) == MATCH_COLUMNS and len(matches) > 100
    assert (matches.probability >= 0.3).all()
    again = match_tasks(tasks, embeddings=lsa, model=load_pair_model(model.save(tmp_path / "m.csv")))
    # the file keeps 6 significant digits, which can move a probability (written to 4 decimals)
    # by one unit of its last decimal
    pd.testing.assert_frame_equal(matches, again, check_exact=False, rtol=0, atol=1.5e-4)


def test_a_good_encoder_lifts_the_cross_validated_f1(tasks):
    # the vectors of a perfect encoder (they know the alignment, so this measures the plumbing,
    # not an encoder): the scorer learns to trust them on the other pairs of plans
    plain = evaluate_alignment(tasks, matches=cross_validated_matches(tasks)).iloc[-1]
    oracle = evaluate_alignment(tasks, matches=cross_validated_matches(tasks, embeddings=_oracle(tasks))).iloc[-1]
    assert plain.f1 < 0.55 and oracle.precision == 1.0 and oracle.f1 > 0.9
    # what is left are aligned pairs that are no candidates (sharing no word, or cosine < 0.05)


def test_cli_measures_saves_and_uses_a_model_with_embeddings(lsa, tmp_path, capsys):
    emb, model = write_embeddings(lsa, tmp_path / "emb.csv"), tmp_path / "model.csv"
    cache = ["--cache-dir", str(tmp_path / "c")]
    assert main(["evaluate", "--embeddings", str(emb), "--save-model", str(model), *cache]) == 0
    out = capsys.readouterr().out
    assert "scorer + embeddings, cross-validated by document pair" in out and str(model) in out
    assert load_pair_model(model).features == (*FEATURES, EMBEDDING)
    assert main(["match", "--model", str(model), "--embeddings", str(emb), "--out", str(tmp_path / "m.csv"),
                 *cache]) == 0
    written = pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig")
    assert list(written.columns) == MATCH_COLUMNS and len(written) > 100
    assert main(["review", "--model", str(model), "--embeddings", str(emb), "--out", str(tmp_path / "r.csv"),
                 *cache]) == 0
    sheet = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig")
    assert sheet.matched.sum() == len(written)  # the sheet's matches are that matcher's
    assert main(["report", "--quiet", "--model", str(model), "--embeddings", str(emb), "--out",
                 str(tmp_path / "report"), *cache]) == 0
    reported = pd.read_csv(tmp_path / "report" / "tables" / "matches.csv", encoding="utf-8-sig")
    assert len(reported) == len(written)
    assert main(["report", "--quiet", "--embeddings", str(emb), "--out", str(tmp_path / "bad"), *cache]) == 2
    assert "does not read embeddings" in capsys.readouterr().err and not (tmp_path / "bad").exists()


@pytest.mark.parametrize("args, reason", [
    (["match", "--embeddings", "{emb}"], "does not read embeddings"),
    (["match", "--model", "{emb}"], "not a pair model"),
    (["match", "--policy", "best", "--embeddings", "{emb}"], "need --policy scored"),
    (["evaluate", "--save-model", "{model}"], "give --embeddings too"),
])
def test_cli_refuses_what_does_not_fit_together(lsa, tmp_path, capsys, args, reason):
    emb = write_embeddings(lsa, tmp_path / "emb.csv")
    argv = [a.format(emb=emb, model=tmp_path / "model.csv") for a in args]
    out = ["--out", str(tmp_path / "m.csv")] if argv[0] == "match" else []
    assert main([*argv, *out, "--cache-dir", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and reason in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "m.csv").exists() and not (tmp_path / "model.csv").exists()


def test_a_model_without_its_embeddings_is_refused_before_any_work(tasks, lsa, tmp_path, capsys):
    model = fit_pair_model(tasks, embeddings=lsa).save(tmp_path / "model.csv")
    with pytest.raises(ModelError, match="reads embeddings"):
        scorer_inputs(model)
    with pytest.raises(ModelError, match="does not read embeddings"):
        scorer_inputs(embeddings=lsa)
    # the corpus is not even looked at: its error would come first otherwise
    argv = ["report", "--quiet", "--model", str(model), "--corpus", str(tmp_path / "no such folder"),
            "--out", str(tmp_path / "r")]
    assert main(argv) == 2
    assert "reads embeddings" in capsys.readouterr().err and not (tmp_path / "r").exists()
