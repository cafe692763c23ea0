"""Scorer: how likely two tasks of different plans state the same commitment.

A cosine score alone cannot tell a broad task's second-best counterpart that says the same
thing from a task's best counterpart that merely shares the domain's vocabulary. The scorer
reads each *candidate pair* (two tasks of different documents whose texts share a term and
whose cosine reaches :data:`CANDIDATE_FLOOR`) through a few kinds of evidence, its
:data:`FEATURES`:

``cosine``
    the word TF-IDF cosine with headings (the score the matcher reports);
``syllables``
    the cosine of syllable TF-IDF over the processed tokens (normalised, abbreviations
    expanded, stop-words dropped, then split into syllables), which does not depend on how
    the two texts were segmented into words;
``rank_best``, ``rank_worst``
    log(1 + rank) of each task among the other's comparable tasks in its document (0 = its
    best; the better and the worse of the two sides);
``ratio``
    the cosine over the best cosine either task reaches in the other's document;
``length``
    log(1 + distinct terms, words and concepts, of the longer text): long texts share words by
    chance;
``shared``
    the number of distinct terms (words and concepts) the two texts share;
``same_lead``
    one named agency leads both tasks (canonical names, 2025 successions applied; collective
    leads such as "Sở, ban, ngành tỉnh" do not count; UBND cấp xã and the one-stop shops do,
    which measured better on the alignment than leaving them out, 0.49 against 0.48);
``directive``
    the cosine of the two tasks' profiles over the requirements of the directive catalogues
    (:func:`kehoach_lib.coverage.requirement_profiles`: each task's cosine with every
    requirement it may carry, as coverage reads them). Two tasks that answer the same
    requirement of NQ 66 are likely to say the same thing even in different words; measured
    cross-validated on the alignment, F1 0.525 with it against 0.494 without (precision 0.60
    against 0.52, recall the same);

and, only when the researcher brings a sentence encoder's vectors (:mod:`kehoach_lib.embed`),

``embedding``
    the cosine of the two tasks' vectors (:data:`EMBEDDING`; not in the shipped model);

and combines them in a logistic regression fitted on the exhaustive, blind-labelled alignment
of the bundled corpus (``tests/data/match_alignment.csv``). The fitted coefficients live in
``kehoach_lib/data/pair_model.csv``, readable and editable; :func:`kehoach_lib.match.fit_pair_model`
refits them and :func:`kehoach_lib.match.cross_validated_matches` measures the scorer on
document pairs it was not fitted on (``kehoach evaluate`` prints both).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from . import config

#: The fitted model shipped with kehoach.
PAIR_MODEL_FILE = config.DATA_DIR / "pair_model.csv"
#: Evidence read for every candidate pair, in the model's order.
FEATURES = ("cosine", "syllables", "rank_best", "rank_worst", "ratio", "length", "shared", "same_lead",
            "directive")
#: The feature read from a sentence encoder's vectors, when they are given.
EMBEDDING = "embedding"
#: Candidate pairs start at this cosine: below it lie 10 of the alignment's 385 pairs (another 15
#: share no term at all) and 63% of all cross-document pairs of the bundled corpus.
CANDIDATE_FLOOR = 0.05
#: Inverse regularisation strength of the logistic regression (scikit-learn's ``C``).
DEFAULT_C = 0.3
#: Pairs per block when reading sparse rows pairwise (bounds memory on large corpora).
BLOCK_PAIRS = 200_000
#: Cells per dense block when ranks are computed exactly for pairs kept from one side only.
BLOCK_CELLS = 2_000_000
#: Cosines equal to this many decimals are ties (they share a rank).
ROUND = 9


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


#: The columns of a pair model file.
MODEL_COLUMNS = ("term", "mean", "scale", "coefficient")


class ModelError(ValueError):
    """A pair model file that cannot be used, or a model used without the inputs it reads."""


@config.reread_on_change
def load_pair_model(path: str | Path = PAIR_MODEL_FILE) -> PairModel:
    """The model in ``pair_model.csv`` (rows: each feature, then ``intercept``); read again
    whenever the file changes."""
    try:
        rows = config.data_rows(path)
        if not rows:
            raise ModelError(f"{path}: no rows: not a pair model (columns {', '.join(MODEL_COLUMNS)})")
        if missing := [c for c in MODEL_COLUMNS if c not in rows[0]]:
            raise ModelError(f"{path}: not a pair model: no column(s) {', '.join(missing)} (it has: "
                             f"{', '.join(c for c in rows[0] if c) or 'none'}; a pair model is a CSV with the "
                             f"columns {', '.join(MODEL_COLUMNS)}, from kehoach evaluate --save-model)")
        feats = [r for r in rows if r["term"] != "intercept"]
        intercept = [float(r["coefficient"]) for r in rows if r["term"] == "intercept"]
        if len(intercept) != 1:
            raise ModelError(f"{path}: needs exactly one 'intercept' row")
        unknown = {r["term"] for r in feats} - {*FEATURES, EMBEDDING}
        if unknown:
            raise ModelError(f"{path}: unknown features {sorted(unknown)}; known: {(*FEATURES, EMBEDDING)}")
        model = PairModel(features=tuple(r["term"] for r in feats), mean=tuple(float(r["mean"]) for r in feats),
                          scale=tuple(float(r["scale"]) for r in feats),
                          coef=tuple(float(r["coefficient"]) for r in feats), intercept=intercept[0])
    except (KeyError, TypeError, UnicodeDecodeError) as exc:  # a column missing, a row short, not text
        raise ModelError(f"{path}: not a pair model (columns term, mean, scale, coefficient): {exc!r}") from None
    except ValueError as exc:
        if isinstance(exc, ModelError):
            raise
        raise ModelError(f"{path}: a value is not a number ({exc})") from None
    if repeated := sorted({f for f in model.features if model.features.count(f) > 1}):
        raise ModelError(f"{path}: more than one row for the feature(s) {', '.join(repeated)}")
    if not np.isfinite([*model.mean, *model.scale, *model.coef, model.intercept]).all():
        raise ModelError(f"{path}: a value is not a finite number")
    if min(model.scale, default=1.0) <= 0:
        raise ModelError(f"{path}: every scale must be above 0")
    return model


def scorer_inputs(model=None, embeddings=None) -> dict:
    """``{"model": …, "embeddings": …}`` for :func:`kehoach_lib.match.match_tasks` and the
    functions that score pairs like it: a model file's path is read with :func:`load_pair_model`,
    an embeddings file's with :func:`kehoach_lib.embed.read_embeddings`; objects (and ``None``,
    the shipped scorer without vectors) pass through."""
    from .embed import read_embeddings

    if model is not None and not isinstance(model, PairModel):
        model = load_pair_model(model)
    if embeddings is not None and not isinstance(embeddings, pd.DataFrame):
        embeddings = read_embeddings(embeddings)
    check_scorer(model or load_pair_model(PAIR_MODEL_FILE), embeddings)  # before any work, not after it
    return {"model": model, "embeddings": embeddings}


def check_scorer(model: PairModel, embeddings) -> None:
    """A :class:`ModelError` unless ``embeddings`` are given exactly when ``model`` reads them."""
    reads = EMBEDDING in model.features
    if reads and embeddings is None:
        raise ModelError("this pair model reads embeddings (feature 'embedding'): give the embeddings "
                         "it was fitted with (--embeddings FILE on the command line, embeddings= in Python)")
    if not reads and embeddings is not None:
        raise ModelError("the pair model does not read embeddings: give a model fitted with them too "
                         "(--model FILE, made by kehoach evaluate --embeddings FILE --save-model FILE)")


def fit_model(table: pd.DataFrame, labels: Sequence[int], *, features: Sequence[str] = FEATURES,
              C: float = DEFAULT_C) -> PairModel:
    """A :class:`PairModel` fitted by logistic regression on a feature table and 0/1 labels."""
    from sklearn.linear_model import LogisticRegression

    labels = np.asarray(labels)
    if len(np.unique(labels)) < 2:
        raise ValueError("the pair scorer needs both matching and non-matching pairs to be fitted")
    x = table[list(features)].to_numpy(dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=5000).fit((x - mean) / scale, labels)
    return PairModel(features=tuple(features), mean=tuple(mean.tolist()), scale=tuple(scale.tolist()),
                     coef=tuple(lr.coef_[0].tolist()), intercept=float(lr.intercept_[0]))


# --- features -------------------------------------------------------------------------------
def rowwise_dot(x: sp.csr_matrix | np.ndarray, y: sp.csr_matrix | np.ndarray, i: np.ndarray,
                j: np.ndarray) -> np.ndarray:
    """``x[i[k]] · y[j[k]]`` for every k (sparse or dense rows), in blocks of :data:`BLOCK_PAIRS`."""
    out = np.empty(len(i), dtype=float)
    for lo in range(0, len(i), BLOCK_PAIRS):
        hi = lo + BLOCK_PAIRS
        if sp.issparse(x):
            out[lo:hi] = np.asarray(x[i[lo:hi]].multiply(y[j[lo:hi]]).sum(axis=1)).ravel()
        else:
            out[lo:hi] = np.einsum("ij,ij->i", x[i[lo:hi]], y[j[lo:hi]])
    return out


def lead_matrix(leads: Sequence[str | None]) -> sp.csr_matrix:
    """Tasks × agencies: 1 where an agency leads the task (canonical names as of today, so a
    2023 Sở TT&TT and a 2025 Sở KH&CN are one agency; collective bodies such as
    "Sở, ban, ngành tỉnh" are left out, since they lead everything)."""
    from .agencies import resolve_agency, split_agencies

    @cache
    def named(field: str) -> tuple[str, ...]:
        found = (resolve_agency(w, mapped_to_today=True) for w in split_agencies(field))
        return tuple(dict.fromkeys(a.canonical for a in found if a.type != "collective"))

    names = [named(f) if isinstance(f, str) and f.strip() else () for f in leads]
    codes = {n: k for k, n in enumerate(sorted({n for ns in names for n in ns}))}
    rows = [r for r, ns in enumerate(names) for _ in ns]
    cols = [codes[n] for ns in names for n in ns]
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(names), max(len(codes), 1)))


def reverse_ranks(i, j, *, x, docs, groups) -> tuple[np.ndarray, np.ndarray]:
    """For directed pairs (i, j) whose reverse is not a candidate: i's rank among j's comparable
    tasks in i's document, and j's best cosine there, computed exactly (block products; ties
    as in :func:`pair_features`, on cosines rounded to :data:`ROUND` decimals)."""
    rank, best = np.zeros(len(i)), np.zeros(len(i))
    for d in np.unique(docs[i]):
        pick = np.flatnonzero(docs[i] == d)
        rows_d = np.flatnonzero(docs == d)
        step = max(1, BLOCK_CELLS // len(rows_d))
        for lo in range(0, len(pick), step):
            part = pick[lo: lo + step]
            block = (x[j[part]] @ x[rows_d].T).toarray()
            block[groups[rows_d][None, :] != groups[j[part]][:, None]] = -np.inf
            rounded = np.round(block, ROUND)
            own = rounded[np.arange(len(part)), np.searchsorted(rows_d, i[part])]
            rank[part] = (rounded > own[:, None]).sum(axis=1)
            best[part] = block.max(axis=1)
    return rank, best


def pair_features(cand: pd.DataFrame, *, x: sp.csr_matrix, docs: np.ndarray, groups: np.ndarray,
                  x_text: sp.csr_matrix, x_syllables: sp.csr_matrix, leads: sp.csr_matrix,
                  profiles: sp.csr_matrix, embeddings: np.ndarray | None = None) -> pd.DataFrame:
    """One row per unordered candidate pair (``a < b``) with its :data:`FEATURES`.

    ``cand`` holds directed pairs ``i, j, s, dj`` (``s`` the cosine of ``x``), as the matcher's
    candidate step gives them: every pair above the floor, or each task's nearest few in every
    other document on large corpora. A task's rank in a document counts the comparable tasks there with a higher cosine
    (ties share a rank, so the order of rows never matters); where a pair was kept from one side
    only, the other side's rank and best are computed exactly. ``x_text`` (the texts alone) gives
    ``length`` and ``shared`` (words and concepts); ``leads`` is :func:`lead_matrix`;
    ``profiles`` the tasks' unit profiles over the directives' requirements
    (:func:`kehoach_lib.coverage.requirement_profiles`); with
    ``embeddings`` (unit vectors, one row per task: :func:`kehoach_lib.embed.embedding_matrix`)
    the table also has :data:`EMBEDDING`.
    """
    directed = cand[["i", "j", "s", "dj"]].reset_index(drop=True)
    rounded = directed.assign(r=directed.s.round(ROUND)).groupby(["i", "dj"]).r
    directed["rank"] = rounded.rank(method="min", ascending=False) - 1
    directed["best"] = directed.groupby(["i", "dj"]).s.transform("max")
    back = directed.rename(columns={"i": "j", "j": "i", "rank": "rank_back", "best": "best_back"})
    both = directed.merge(back[["i", "j", "rank_back", "best_back"]], on=["i", "j"], how="left")
    # each unordered pair once: from its lower index, or from the only side that has it
    both = both[(both.i < both.j) | both.rank_back.isna()].reset_index(drop=True)
    one_sided = both.rank_back.isna().to_numpy()
    if one_sided.any():
        rb, bb = reverse_ranks(both.i.to_numpy()[one_sided], both.j.to_numpy()[one_sided],
                                x=x, docs=docs, groups=groups)
        both.loc[one_sided, "rank_back"], both.loc[one_sided, "best_back"] = rb, bb
    a = np.minimum(both.i, both.j).to_numpy()
    b = np.maximum(both.i, both.j).to_numpy()
    rank, rank_back = both["rank"].to_numpy(dtype=float), both.rank_back.to_numpy(dtype=float)
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
        "same_lead": (rowwise_dot(leads, leads, a, b) > 0).astype(float),
        "directive": rowwise_dot(profiles, profiles, a, b),
    })
    if embeddings is not None:
        out[EMBEDDING] = rowwise_dot(embeddings, embeddings, a, b)
    return out.sort_values(["a", "b"], kind="stable").reset_index(drop=True)


def model_comment(report: pd.DataFrame | None, *, C: float, pairs: int, positives: int, aligned: int,
                  embeddings: bool = False) -> str:
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
    if embeddings:
        lines[-2:] = [
            "It also reads the feature 'embedding' (the cosine of a sentence encoder's task vectors):",
            "use it as `kehoach match --model FILE --embeddings VECTORS` with the vectors it was fitted",
            "with, and refit it with `kehoach evaluate --embeddings VECTORS --save-model FILE`.",
        ]
    if report is not None:
        row = report.iloc[-1]
        lines.append(f"Cross-validated by document pair (each pair scored by a model fitted on the others): "
                     f"P {row.precision:.3f}, R {row.recall:.3f}, F1 {row.f1:.3f}.")
    return "\n".join(lines)
