"""Scorer: how likely two tasks of different plans state the same commitment.

A cosine score alone cannot tell a broad task's second-best counterpart that says the same
thing from a task's best counterpart that merely shares the domain's vocabulary. The scorer
reads each *candidate pair* (two tasks of different documents whose texts share a term and
whose cosine reaches :data:`CANDIDATE_FLOOR`) through a few kinds of evidence, its
:data:`FEATURES`:

``cosine``
    the word TF-IDF cosine with headings (the score the matcher reports);
``syllables``
    the cosine of plain syllable TF-IDF over the normalised texts, which does not depend on
    how the two texts were segmented into words;
``rank_best``, ``rank_worst``
    log of each task's rank among the other's candidates in its document (0 = its best);
``ratio``
    the cosine over the best cosine either task reaches in the other's document;
``length``
    log(1 + distinct terms of the longer text): long texts share words by chance;
``shared``
    the number of distinct terms the two texts share;
``same_lead``
    both tasks are led by the same agency (canonical names, 2025 successions applied);

and combines them in a logistic regression fitted on the exhaustive, blind-labelled alignment
of the bundled corpus (``tests/data/match_alignment.csv``). The fitted coefficients live in
``kehoach_lib/data/pair_model.csv``, readable and editable; :func:`kehoach_lib.match.fit_pair_model`
refits them and :func:`kehoach_lib.match.cross_validated_matches` measures the scorer on
document pairs it was not fitted on (``kehoach evaluate`` prints both).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from . import config

#: The fitted model shipped with kehoach.
PAIR_MODEL_FILE = config.DATA_DIR / "pair_model.csv"
#: Evidence read for every candidate pair, in the model's order.
FEATURES = ("cosine", "syllables", "rank_best", "rank_worst", "ratio", "length", "shared", "same_lead")
#: Candidate pairs start at this cosine (below it, no labelled pair of the alignment is found
#: by any setting, and the pairs are too many to score).
CANDIDATE_FLOOR = 0.05
#: Inverse regularisation strength of the logistic regression (scikit-learn's ``C``).
DEFAULT_C = 0.3
#: Pairs per block when reading sparse rows pairwise (bounds memory on large corpora).
BLOCK_PAIRS = 200_000


@dataclass(frozen=True)
class PairModel:
    """A logistic model over standardised features: ``p = σ(b + Σ wᵢ (xᵢ − μᵢ) / σᵢ)``."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def predict_proba(self, table: pd.DataFrame) -> np.ndarray:
        """Probability that each row of a feature table is a corresponding pair."""
        x = table[list(self.features)].to_numpy(dtype=float)
        z = self.intercept + ((x - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.coef)
        return 1.0 / (1.0 + np.exp(-z))

    def to_frame(self) -> pd.DataFrame:
        rows = [{"term": f, "mean": m, "scale": s, "coefficient": c}
                for f, m, s, c in zip(self.features, self.mean, self.scale, self.coef, strict=True)]
        rows.append({"term": "intercept", "mean": 0.0, "scale": 1.0, "coefficient": self.intercept})
        return pd.DataFrame(rows)

    def save(self, path: str | Path = PAIR_MODEL_FILE, *, comment: str = "") -> Path:
        """Write the model as an editable CSV (``#`` lines explain where it came from)."""
        path = Path(path)
        header = "".join(f"# {ln}\n" for ln in comment.splitlines())
        body = self.to_frame().to_csv(index=False, float_format="%.6g", lineterminator="\n")
        path.write_text(header + body, encoding="utf-8")
        return path


@lru_cache(maxsize=4)
def load_pair_model(path: Path = PAIR_MODEL_FILE) -> PairModel:
    """The model in ``pair_model.csv`` (rows: each feature, then ``intercept``)."""
    rows = config.data_rows(path)
    feats = [r for r in rows if r["term"] != "intercept"]
    intercept = [float(r["coefficient"]) for r in rows if r["term"] == "intercept"]
    if len(intercept) != 1:
        raise ValueError(f"{path}: needs exactly one 'intercept' row")
    unknown = {r["term"] for r in feats} - set(FEATURES)
    if unknown:
        raise ValueError(f"{path}: unknown features {sorted(unknown)}; known: {FEATURES}")
    return PairModel(features=tuple(r["term"] for r in feats), mean=tuple(float(r["mean"]) for r in feats),
                     scale=tuple(float(r["scale"]) for r in feats),
                     coef=tuple(float(r["coefficient"]) for r in feats), intercept=intercept[0])


def fit_model(table: pd.DataFrame, labels: Sequence[int], *, features: Sequence[str] = FEATURES,
              C: float = DEFAULT_C) -> PairModel:
    """A :class:`PairModel` fitted by logistic regression on a feature table and 0/1 labels."""
    from sklearn.linear_model import LogisticRegression

    x = table[list(features)].to_numpy(dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=5000).fit((x - mean) / scale, np.asarray(labels))
    return PairModel(features=tuple(features), mean=tuple(mean.tolist()), scale=tuple(scale.tolist()),
                     coef=tuple(lr.coef_[0].tolist()), intercept=float(lr.intercept_[0]))


# --- features -------------------------------------------------------------------------------
def rowwise_dot(x: sp.csr_matrix, y: sp.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """``x[i[k]] · y[j[k]]`` for every k, in blocks of :data:`BLOCK_PAIRS`."""
    out = np.empty(len(i), dtype=float)
    for lo in range(0, len(i), BLOCK_PAIRS):
        hi = lo + BLOCK_PAIRS
        out[lo:hi] = np.asarray(x[i[lo:hi]].multiply(y[j[lo:hi]]).sum(axis=1)).ravel()
    return out


def lead_ids(leads: Sequence[str]) -> np.ndarray:
    """An integer per task for its first lead agency (canonical, as of today); -1 if none."""
    from .agencies import canonical_list

    @cache
    def first(field: str) -> str:
        names = canonical_list(field, mapped_to_today=True)
        return names.split("; ")[0] if names else ""

    names = [first(str(f)) if isinstance(f, str) and f.strip() else "" for f in leads]
    codes = {n: k for k, n in enumerate(sorted(set(names) - {""}))}
    return np.array([codes.get(n, -1) for n in names], dtype=np.int64)


def pair_features(cand: pd.DataFrame, docs: np.ndarray, *, x_text: sp.csr_matrix, x_syllables: sp.csr_matrix,
                  leads: np.ndarray, missing_rank: int) -> pd.DataFrame:
    """One row per unordered candidate pair (``a < b``) with its :data:`FEATURES`.

    ``cand`` holds directed pairs ``i, j, s, dj`` sorted by task, other document, score
    (highest first) and ``j``, as the matcher's candidate step gives them; a pair seen from
    one side only (large corpora keep each task's nearest few) gets ``missing_rank`` on the
    other side.
    """
    i, j, s, dj = (cand[c].to_numpy() for c in ("i", "j", "s", "dj"))
    n = len(i)
    first = np.ones(n, dtype=bool)
    first[1:] = (i[1:] != i[:-1]) | (dj[1:] != dj[:-1])
    start = np.maximum.accumulate(np.where(first, np.arange(n), 0)) if n else np.zeros(0, dtype=int)
    directed = pd.DataFrame({"i": i, "j": j, "s": s, "rank": np.arange(n) - start, "best": s[start]})
    back = directed.rename(columns={"i": "j", "j": "i", "rank": "rank_back", "best": "best_back"})
    both = directed.merge(back[["i", "j", "rank_back", "best_back"]], on=["i", "j"], how="left")
    # each unordered pair once: from its lower index, or from the only side that has it
    keep = (both.i < both.j) | both.rank_back.isna()
    both = both[keep].reset_index(drop=True)
    a = np.minimum(both.i, both.j).to_numpy()
    b = np.maximum(both.i, both.j).to_numpy()
    rank = both["rank"].to_numpy(dtype=float)
    rank_back = both.rank_back.fillna(missing_rank).to_numpy(dtype=float)
    best = np.fmax(both.best.to_numpy(), both.best_back.to_numpy())
    binary = x_text.copy()
    binary.data[:] = 1.0
    length = np.diff(x_text.indptr).astype(float)
    out = pd.DataFrame({
        "a": a, "b": b,
        "cosine": both.s.to_numpy(),
        "syllables": rowwise_dot(x_syllables, x_syllables, a, b),
        "rank_best": np.log1p(np.minimum(rank, rank_back)),
        "rank_worst": np.log1p(np.maximum(rank, rank_back)),
        "ratio": both.s.to_numpy() / np.where(best > 0, best, 1.0),
        "length": np.log1p(np.maximum(length[a], length[b])),
        "shared": rowwise_dot(binary, binary, a, b),
        "same_lead": ((leads[a] == leads[b]) & (leads[a] >= 0)).astype(float),
    })
    return out.sort_values(["a", "b"], kind="stable").reset_index(drop=True)


def model_comment(report: pd.DataFrame | None, *, C: float, pairs: int, positives: int, aligned: int) -> str:
    """The explanation written above the coefficients in ``pair_model.csv``."""
    lines = [
        "Pair scorer of kehoach_lib.match (policy 'scored'): a logistic regression over standardised",
        "features, p = 1 / (1 + exp(-(intercept + sum(coefficient * (value - mean) / scale)))).",
        "Features are defined in kehoach_lib/scorer.py. Written by kehoach_lib.match.refit_pair_model",
        f"from the exhaustive alignment tests/data/match_alignment.csv ({aligned} aligned pairs):",
        f"{pairs} candidate pairs between the documents it covers, {positives} of them aligned; C = {C}.",
        "Refit with `kehoach evaluate --refit` after changing the alignment, the features or the text",
        "settings (abbreviations, lexicon, stop-words, concepts).",
    ]
    if report is not None:
        row = report.iloc[-1]
        lines.append(f"Cross-validated by document pair (each pair scored by a model fitted on the others): "
                     f"P {row.precision:.3f}, R {row.recall:.3f}, F1 {row.f1:.3f}.")
    return "\n".join(lines)
