"""Embed: a sentence encoder's view of the tasks, as one more piece of evidence for the matcher.

kehoach ships no sentence encoder: the one Vietnamese-capable encoder that installs from PyPI
with its weights (multilingual-e5-small) ranked the corpus's pairs worse than the word TF-IDF
(see the README). A researcher who has a better one (say a PhoBERT-based bi-encoder on another
machine) can still bring its vectors::

    emb = embed_tasks(tasks, encoder.encode)         # any texts -> 2-D array function
    write_embeddings(emb, "embeddings.csv")          # one row per task_id
    model = fit_pair_model(tasks, embeddings=emb)    # the scorer with feature "embedding"
    match_tasks(tasks, embeddings=emb, model=model)

or, from the command line, ``kehoach evaluate --embeddings embeddings.csv --save-model model.csv``
(which measures the gain, cross-validated) and then ``kehoach match --embeddings embeddings.csv
--model model.csv``. The vectors' cosine becomes the pair scorer's feature ``embedding``; the
candidate pairs stay those the TF-IDF proposes (texts sharing a word), so an encoder can reorder
and accept or reject them, not add pairs that share no word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

#: Texts per call of the encoder.
DEFAULT_BATCH_SIZE = 64
#: Column of an embeddings file that names the task; every other column is one dimension.
ID_COLUMN = "task_id"
#: Significant digits written per value.
DIGITS = 7


class EmbeddingError(ValueError):
    """Embeddings that cannot be used: unreadable, not numeric, or not for these tasks."""


def embed_tasks(tasks: pd.DataFrame, encode: Callable[[list[str]], Sequence[Sequence[float]]], *,
                column: str = "text", batch_size: int = DEFAULT_BATCH_SIZE) -> pd.DataFrame:
    """One row per task (index ``task_id``, columns ``e0 … e{d-1}``): ``encode`` applied to the
    tasks' ``column`` in batches of ``batch_size``. ``encode`` is any function from a list of
    texts to an array of one vector per text, e.g. sentence-transformers' ``model.encode``."""
    _require_unique(pd.Index(tasks["task_id"]), "the task table")
    texts = tasks[column].fillna("").astype(str).tolist()
    parts = [np.asarray(encode(texts[lo: lo + batch_size]), dtype=float)
             for lo in range(0, len(texts), batch_size)]
    vectors = np.vstack(parts) if parts else np.zeros((0, 0))
    if vectors.ndim != 2 or len(vectors) != len(texts):
        raise EmbeddingError(f"the encoder gave {vectors.shape} for {len(texts)} texts: "
                             "it must return one vector per text")
    if not np.isfinite(vectors).all():
        raise EmbeddingError(f"the encoder gave {int((~np.isfinite(vectors)).sum())} values that are not "
                             "finite numbers (NaN or infinite)")
    out = pd.DataFrame(vectors, columns=[f"e{k}" for k in range(vectors.shape[1])])
    out.index = pd.Index(tasks["task_id"].to_numpy(), name=ID_COLUMN)
    return out


def _require_unique(ids: pd.Index, where: str) -> None:
    if not ids.is_unique:
        raise EmbeddingError(f"{where} names task {ids[ids.duplicated()][0]!r} more than once: "
                             "one vector per task")


def write_embeddings(embeddings: pd.DataFrame, path: str | Path) -> Path:
    """Embeddings as a CSV: a ``task_id`` column, then one column per dimension."""
    _require_unique(embeddings.index, "the embeddings")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    embeddings.rename_axis(ID_COLUMN).to_csv(path, float_format=f"%.{DIGITS}g", lineterminator="\n")
    return path


def read_embeddings(path: str | Path) -> pd.DataFrame:
    """Embeddings written by :func:`write_embeddings`, or by any program that writes a CSV with a
    ``task_id`` column and numeric columns (one row per task)."""
    path = Path(path)
    try:
        table = pd.read_csv(path, encoding="utf-8-sig", dtype={ID_COLUMN: str})
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        reason = " ".join(str(exc).split())
        raise EmbeddingError(f"{path}: cannot be read as a CSV of embeddings ({reason})") from None
    if ID_COLUMN not in table:
        raise EmbeddingError(f"{path}: no {ID_COLUMN!r} column (columns: {', '.join(map(str, table.columns[:5]))})")
    values = table.drop(columns=ID_COLUMN)
    if values.empty or values.shape[1] == 0:
        raise EmbeddingError(f"{path}: no vector columns next to {ID_COLUMN!r}")
    unnamed = [c for c in values.columns if str(c).startswith("Unnamed:")]
    if unnamed:
        raise EmbeddingError(f"{path}: a column without a name ({unnamed[0]!r}), such as a table's row "
                             "numbers written with it (write with index=False, or use write_embeddings)")
    numeric = values.apply(pd.to_numeric, errors="coerce")
    bad = ~np.isfinite(numeric.to_numpy(dtype=float))
    if bad.any():
        row, col = np.argwhere(bad)[0]
        raise EmbeddingError(f"{path}: {int(bad.sum())} values are missing or not finite numbers "
                             f"(first: row {row + 2}, column {values.columns[col]!r})")
    duplicated = table[ID_COLUMN][table[ID_COLUMN].duplicated()]
    if len(duplicated):
        raise EmbeddingError(f"{path}: task {duplicated.iloc[0]!r} has more than one row")
    numeric.index = pd.Index(table[ID_COLUMN].to_numpy(), name=ID_COLUMN)
    return numeric.astype(float)


def embedding_matrix(embeddings: pd.DataFrame, tasks: pd.DataFrame) -> np.ndarray:
    """The unit-length vector of every row of ``tasks``, in its order (a zero vector stays zero).
    Every task needs a vector: embeddings made from another task table are an error that says
    how many tasks lack one."""
    ids = tasks["task_id"].to_numpy()
    _require_unique(embeddings.index, "the embeddings")
    missing = pd.Index(ids).difference(embeddings.index)
    if len(missing):
        raise EmbeddingError(f"the embeddings have no vector for {len(missing)} of the {len(ids)} tasks "
                             f"(e.g. {missing[0]!r}); embed the current task table again (embed_tasks)")
    x = embeddings.loc[ids].to_numpy(dtype=float)
    if not np.isfinite(x).all():
        raise EmbeddingError("the embeddings hold values that are not finite numbers (NaN or infinite)")
    x = x / np.maximum(np.abs(x).max(axis=1, keepdims=True), np.finfo(float).tiny)  # no overflow below
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norm > 0, norm, 1.0)
