"""Sparse top-k cosine: both methods agree with a dense reference."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from kehoach_lib.similarity import topk_cosine, topk_cosine_per_group


def dense_topk(a, b, k, threshold):
    full = (a @ b.T).toarray()
    out = np.zeros_like(full)
    for i, row in enumerate(full):
        order = np.lexsort((np.arange(len(row)), -row))[:k]
        keep = [j for j in order if row[j] >= threshold]
        out[i, keep] = row[keep]
    return out


@pytest.mark.parametrize("method", ["sparse_dot_topn", "chunked"])
@pytest.mark.parametrize("k, threshold", [(1, 0.0), (5, 0.0), (5, 0.3), (50, 0.1)])
def test_methods_agree_with_dense_reference(method, k, threshold):
    rng = np.random.default_rng(0)
    a = normalize(sp.random(120, 40, density=0.15, random_state=1, format="csr"))
    b = normalize(sp.random(90, 40, density=0.15, random_state=2, format="csr"))
    got = topk_cosine(a, b, k=k, threshold=threshold, method=method, chunk_rows=37).toarray()
    assert np.allclose(got, dense_topk(a, b, k, threshold))
    assert rng is not None


def test_self_similarity_on_real_task_vectors(tasks):
    from kehoach_lib.match import TaskVectorizer

    x = TaskVectorizer().fit_transform(tasks.text.tolist())
    lib = topk_cosine(x, k=10, threshold=0.05, method="sparse_dot_topn")
    chunked = topk_cosine(x, k=10, threshold=0.05, method="chunked")
    assert (abs(lib - chunked) > 1e-9).nnz == 0
    assert lib.shape == (len(tasks), len(tasks))
    assert lib.getnnz(axis=1).max() <= 10
    nonempty = np.flatnonzero(np.asarray(x.sum(axis=1)).ravel() > 0)
    assert np.allclose(lib.diagonal()[nonempty], 1.0)  # every task is its own nearest


def test_unknown_method():
    with pytest.raises(ValueError):
        topk_cosine(sp.eye(3, format="csr"), method="magic")


@pytest.mark.parametrize("method", ["sparse_dot_topn", "chunked"])
def test_each_group_keeps_its_own_k_nearest(method):
    # three "documents" of 40 rows: every row keeps its 3 nearest rows in each of them, where the
    # 3 nearest over all rows can come from one document only
    a = normalize(sp.random(120, 40, density=0.15, random_state=4, format="csr"))
    groups = np.repeat([0, 1, 2], 40)
    got = topk_cosine_per_group(a, groups, k=3, threshold=0.05, method=method).toarray()
    for g in range(3):
        cols = groups == g
        assert np.allclose(got[:, cols], dense_topk(a, a[cols], 3, 0.05))
    assert ((got > 0).sum(axis=1) <= 9).all() and ((got > 0).sum(axis=1) > 3).any()
