"""Similarity: sparse top-k cosine, so memory grows with n·k rather than n².

Rows are L2-normalised TF-IDF vectors, so a dot product is the cosine. Two methods give the
same result: ``"sparse_dot_topn"`` (multi-threaded top-n heap, the library ``sparse_dot_topn``)
and ``"chunked"`` (scipy sparse products over blocks of rows, top k kept per row).
``benchmarks/run.py`` compares them; ``"auto"`` uses the faster one measured there.
"""

from __future__ import annotations

import os

import numpy as np
import scipy.sparse as sp

#: Rows per block in the chunked method.
DEFAULT_CHUNK_ROWS = 2000
#: Method used by ``method="auto"`` (the faster one in benchmarks/run.py on 2 cores).
AUTO_METHOD = "sparse_dot_topn"
#: Entries fetched beyond the k-th, so ties at the k-th place are decided the same way by both
#: methods (and, with ``keep_ties``, kept).
TIE_SPARES = 5
#: Dot products this close count as tied.
TIE_TOLERANCE = 1e-9


def _threads(n_threads: int | None) -> int:
    return n_threads if n_threads is not None else max(1, (os.cpu_count() or 1))


def topk_cosine(a: sp.spmatrix, b: sp.spmatrix | None = None, *, k: int = 10,
                threshold: float = 0.0, n_threads: int | None = None, method: str = "auto",
                chunk_rows: int = DEFAULT_CHUNK_ROWS, keep_ties: bool = False) -> sp.csr_matrix:
    """Per row of ``a``: the ``k`` largest dot products with rows of ``b`` that are ≥ ``threshold``.

    Returns an ``n_a × n_b`` CSR matrix with sorted indices; ties are broken by the lower
    column index, so both methods return the same entries. With ``keep_ties``, values equal to
    the k-th are kept too (up to :data:`TIE_SPARES` more), so which of tied rows are kept does
    not depend on their order.
    """
    a = sp.csr_matrix(a, dtype=np.float64)
    b = a if b is None else sp.csr_matrix(b, dtype=np.float64)
    method = AUTO_METHOD if method == "auto" else method
    if method == "sparse_dot_topn":
        out = _topn_library(a, b, k, threshold, n_threads)
    elif method == "chunked":
        out = _topn_chunked(a, b, k, threshold, chunk_rows)
    else:
        raise ValueError("method must be 'auto', 'sparse_dot_topn' or 'chunked'")
    return _canonical(out, k, threshold, keep_ties)


def topk_cosine_per_group(a: sp.spmatrix, groups: np.ndarray, *, k: int = 10, threshold: float = 0.0,
                          n_threads: int | None = None, method: str = "auto") -> sp.csr_matrix:
    """Per row of ``a`` and per group of its rows (``groups[j]`` for row ``j``, e.g. the
    document): the ``k`` largest dot products with that group's rows that are ≥ ``threshold``,
    and any tied with the k-th (``keep_ties``), as one ``n × n`` CSR matrix. Unlike
    :func:`topk_cosine` over all rows, every group keeps its ``k`` nearest however many groups
    there are (a national corpus of 63 plans)."""
    a = sp.csr_matrix(a, dtype=np.float64)
    groups = np.asarray(groups)
    rows, cols, vals = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    for g in np.unique(groups):
        members = np.flatnonzero(groups == g)
        block = topk_cosine(a, a[members], k=k, threshold=threshold, n_threads=n_threads, method=method,
                            keep_ties=True).tocoo()
        rows.append(block.row.astype(np.int64))
        cols.append(members[block.col])
        vals.append(block.data)
    out = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                        shape=(a.shape[0], a.shape[0]))
    out.sort_indices()
    return out


def _topn_library(a, b, k, threshold, n_threads):
    from sparse_dot_topn import sp_matmul_topn

    threads = _threads(n_threads)
    # keep a few extra candidates so ties at the k-th place are decided like the chunked path
    return sp_matmul_topn(a, b.T.tocsr(), top_n=k + TIE_SPARES, threshold=threshold - 1e-12,
                          n_threads=threads if threads > 1 else None)


def _topn_chunked(a, b, k, threshold, chunk_rows):
    bt = b.T.tocsc()
    blocks = []
    for start in range(0, a.shape[0], chunk_rows):
        block = (a[start : start + chunk_rows] @ bt).tocsr()
        block.data[block.data < threshold - 1e-12] = 0
        block.eliminate_zeros()
        blocks.append(_keep_topk(block, k + TIE_SPARES))
    return sp.vstack(blocks).tocsr() if blocks else sp.csr_matrix((a.shape[0], b.shape[0]))


def _keep_topk(m: sp.csr_matrix, k: int, keep_ties: bool = False) -> sp.csr_matrix:
    indptr, indices, data = [0], [], []
    for i in range(m.shape[0]):
        lo, hi = m.indptr[i], m.indptr[i + 1]
        cols, vals = m.indices[lo:hi], m.data[lo:hi]
        if len(vals) > k:
            order = np.lexsort((cols, -vals))
            if keep_ties:
                order = order[vals[order] >= vals[order[k - 1]] - TIE_TOLERANCE]
            else:
                order = order[:k]
            cols, vals = cols[order], vals[order]
        indices.append(cols)
        data.append(vals)
        indptr.append(indptr[-1] + len(cols))
    return sp.csr_matrix((np.concatenate(data) if data else [], np.concatenate(indices) if indices else [],
                          indptr), shape=m.shape)


def _canonical(m: sp.csr_matrix, k: int, threshold: float, keep_ties: bool = False) -> sp.csr_matrix:
    """Exactly the top k per row (ties by column, or all of them kept), values ≥ threshold,
    sorted indices."""
    m = sp.csr_matrix(m)
    m.sum_duplicates()
    m.data[m.data < threshold - 1e-12] = 0
    m.eliminate_zeros()
    m = _keep_topk(m, k, keep_ties)
    m.sort_indices()
    return m
