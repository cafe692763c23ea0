"""Match: which tasks in one plan correspond to which tasks in another.

Tasks are compared by TF-IDF cosine over the tokens of :mod:`kehoach_lib.text` (words and
the concepts they belong to, one vectorizer fitted on the whole task table so every score
shares one IDF). Which pairs count as matches is a documented *policy*, applied to every pair of
documents separately:

``scored`` (default)
    every candidate pair (texts sharing a term, cosine ≥ :data:`~kehoach_lib.scorer.CANDIDATE_FLOOR`)
    whose probability of stating the same commitment, from the pair scorer of
    :mod:`kehoach_lib.scorer` (cosine, syllable overlap, each task's rank among the other's
    candidates, shared terms, lead agency), reaches ``probability``; one task may match several;
``best``
    each task's best counterpart in the other document, in either direction, when its
    score reaches ``threshold`` (``mutual_threshold`` when the two are each other's best);
``mutual``
    only pairs that are each other's best;
``all``
    every pair at or above ``threshold`` that is among the ``top_k`` best of both its tasks in
    the other's document (so no task has more than ``top_k`` counterparts in a document, but
    for ties, which share a place; a pair sharing no word counts in that ranking, and is then
    left out);
``one_to_one``
    an optimal one-to-one assignment between the two plans (Hungarian algorithm), keeping
    assigned pairs at or above ``threshold``.

Every kind of task (objective, task, duty) is compared with every other by default, because
one plan states as an objective what another assigns as a task; ``compare_kinds`` restricts
the comparison to groups of kinds (e.g. objectives only with objectives).
A researcher's sentence encoder can add its cosine to the scorer (``embeddings`` with a ``model``
fitted on them, :mod:`kehoach_lib.embed`). Under every policy, two tasks whose texts share no
word of their own are never a match. The defaults below are the ones the CLI uses;
``evaluate_matching`` scores any setting on the hand-labelled pairs in
``tests/data/match_pairs.csv`` and ``evaluate_alignment`` on the exhaustive alignment in
``tests/data/match_alignment.csv``; ``cross_validated_matches`` scores the pair scorer on
document pairs it was not fitted on (``kehoach evaluate`` prints all three).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from . import config, scorer
from .scorer import (
    CANDIDATE_FLOOR,
    DEFAULT_C,
    EMBEDDING,
    FEATURES,
    PAIR_MODEL_FILE,
    ModelError,
    PairModel,
    fit_model,
    lead_matrix,
    load_pair_model,
    model_comment,
    pair_features,
    reverse_ranks,
    rowwise_dot,
)
from .text import syllables, tokenize

#: Cosine score a pair must reach to count as a match (policy "best": a task's best counterpart).
DEFAULT_THRESHOLD = 0.25
#: With policy "best", pairs that are each other's best count from this lower score.
DEFAULT_MUTUAL_THRESHOLD = 0.10
#: Weight of the enclosing heading's words next to the task's own (0 = text only).
DEFAULT_SECTION_WEIGHT = 0.5
#: Which pairs count as matches: "scored", "best", "mutual", "all" or "one_to_one".
DEFAULT_POLICY = "scored"
#: With policy "scored", the pair scorer's probability a pair must reach (chosen by the
#: cross-validated F1 on the alignment: 0.25–0.35 are within 0.01 of each other).
DEFAULT_PROBABILITY = 0.3
#: Decimals of the ``probability`` (and ``score``) column; a pair is kept by its probability as
#: written there, so a table never shows 0.3000 for a pair it left out at 0.3.
DECIMALS = 4
#: Word n-grams used as TF-IDF features (bigrams measured worse on the labelled pairs).
DEFAULT_NGRAM_RANGE = (1, 1)
#: Number of terms listed in ``shared_terms``.
DEFAULT_TOP_TERMS = 5
#: With policy "all", the most counterparts kept per task and document pair.
DEFAULT_TOP_K = 5
#: Up to this many tasks, every pair is scored; above it, each task's nearest candidates.
EXACT_LIMIT = 2000
#: From this many texts, tokenisation runs in parallel processes (one per core).
PARALLEL_MIN_TEXTS = 2000
#: Candidates kept per task and other document above :data:`EXACT_LIMIT` (sparse top-k products,
#: one per document). On a synthetic corpus of 25 provinces × 300 tasks, 5 per document give
#: 98.5% of the pairs every-pair scoring matches (10 give all but 1 of 248,695); 50 nearest
#: over all documents, as before, gave 70%, since 24 other plans share them. match_tasks alone,
#: tokens cached: 63 provinces (18,900 tasks) 35 s and 1.9 GB; 300 plans of 60 tasks 120 s and
#: 8.6 GB. Kept per kind group where kinds are compared apart, and ties at the k-th place kept.
DEFAULT_CANDIDATES = 5
#: Groups of task kinds compared with each other: all together, because one plan's objective
#: ("100% TTHC đủ điều kiện ... trực tuyến toàn trình") is often another's task; in the exhaustive
#: alignment 29% of corresponding pairs join an objective to a task or duty.
DEFAULT_COMPARE_KINDS = (("objective", "task", "duty"),)
#: Hand-labelled pairs for :func:`evaluate_matching`.
LABELLED_PAIRS = config.PROJECT_DIR / "tests" / "data" / "match_pairs.csv"
#: Exhaustive alignment of the seed plans for :func:`evaluate_alignment`.
ALIGNMENT = config.PROJECT_DIR / "tests" / "data" / "match_alignment.csv"
#: Groups of terms plans use for the same thing in different words.
CONCEPTS_FILE = config.DATA_DIR / "concepts.csv"
CONCEPT_PREFIX = "≈"
#: :func:`attribute`: below this cosine the text shares too little with any plan to name one as
#: its likely source (the bundled news article scores 0.43 with the plan it describes and 0.29
#: with the next; a short English plan scores 0.004 with its best).
ATTRIBUTE_MIN_SCORE = 0.1

MATCH_COLUMNS = ["task_id_a", "task_id_b", "doc_id_a", "doc_id_b", "province_a", "province_b",
                 "score", "shared_terms", "probability", "text_a", "text_b"]
POLICIES = ("scored", "best", "mutual", "all", "one_to_one")


@config.reread_on_change
def load_concepts(path: str | Path = CONCEPTS_FILE) -> dict[str, frozenset[str]]:
    """Term -> concepts it belongs to, from ``concepts.csv`` (read again whenever it changes)."""
    out: dict[str, set[str]] = {}
    for row in config.data_rows(path):
        for term in row["terms"].split():
            out.setdefault(term, set()).add(CONCEPT_PREFIX + row["concept"].strip())
    return {k: frozenset(v) for k, v in out.items()}


def with_concepts(tokens: Sequence[str], concepts: dict[str, frozenset[str]] | None = None) -> list[str]:
    """Tokens followed by the concepts they belong to (each concept once, sorted).

    A term of ``concepts.csv`` is found as one token or as a run of tokens joined by ``_``:
    ``môi_trường_mạng`` is found in ``môi_trường mạng``, as the tokenizer writes it.
    """
    return list(tokens) + _concept_finder(load_concepts(CONCEPTS_FILE) if concepts is None else concepts)(tokens)


def _concept_finder(concepts: dict[str, frozenset[str]]) -> Callable[[Sequence[str]], list[str]]:
    """The function giving the concepts (sorted) of a token list, as :func:`with_concepts` finds
    them; made once for many texts (it knows every term's syllable prefixes, so a run of tokens
    is extended only while some term may still begin with it)."""
    parts = [term.split("_") for term in concepts]
    prefixes = frozenset("_".join(p[:k]) for p in parts for k in range(1, len(p)))

    def find(tokens: Sequence[str]) -> list[str]:
        found: set[str] = set()
        n = len(tokens)
        for i in range(n):
            run, j = tokens[i], i + 1
            while True:
                if run in concepts:
                    found |= concepts[run]
                if j == n or run not in prefixes:  # no longer run can be a term
                    break
                run, j = run + "_" + tokens[j], j + 1
        return sorted(found)

    return find


def ngrams(tokens: Sequence[str], ngram_range: tuple[int, int] = DEFAULT_NGRAM_RANGE) -> list[str]:
    """Word n-grams of a token list (n-grams joined with a space)."""
    lo, hi = ngram_range
    out = []
    for n in range(lo, hi + 1):
        out += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return out


def tokenize_texts(texts: Sequence[str], *, analyzer: Callable[[str], list[str]] = tokenize,
                   cache_dir=None) -> list[list[str]]:
    """Tokens of each text; the default analyzer goes through the on-disk token cache."""
    from .cache import cached_tokenize
    from .text import default_tokenizer, tokenizer_fingerprint

    if analyzer is tokenize:
        texts = list(texts)
        parallel = len(texts) >= PARALLEL_MIN_TEXTS
        current = default_tokenizer()
        # worker processes get the tokenizer itself (the tables this process reads), the
        # serial path the memoised module function
        return cached_tokenize(texts, tokenizer=current if parallel else tokenize,
                               fingerprint=tokenizer_fingerprint(current), cache_dir=cache_dir,
                               n_jobs=-1 if parallel else 1)
    return [analyzer(t) for t in texts]


class TaskVectorizer:
    """TF-IDF over task texts (fitted once, so every score shares one IDF).

    Features: the task's tokens (word n-grams) plus the concepts they belong to; with
    ``section_weight`` > 0, the enclosing heading's features are added, at that weight, to the
    task's own (same vocabulary), so a terse table row ("Đối với TTHC cấp xã") is read in the
    light of its group row ("Số hóa hồ sơ, kết quả giải quyết TTHC") and can match another
    plan's task that says it in its own words. Measured on the labelled pairs: F1 0.66 with
    the heading in the task's vocabulary, 0.61 with it as separate features, 0.62 without.
    """

    def __init__(self, *, ngram_range: tuple[int, int] = DEFAULT_NGRAM_RANGE,
                 analyzer: Callable[[str], list[str]] = tokenize, sublinear_tf: bool = True,
                 concepts: bool = True, section_weight: float = DEFAULT_SECTION_WEIGHT,
                 cache_dir=None):
        self.ngram_range = ngram_range
        self.analyzer = analyzer
        self.sublinear_tf = sublinear_tf
        self.concepts = concepts
        self.section_weight = section_weight
        self.cache_dir = cache_dir

    def _features(self, texts: Sequence[str]) -> list[list[str]]:
        return self._tokens_and_features(texts)[1]

    def _tokens_and_features(self, texts: Sequence[str]) -> tuple[list[list[str]], list[list[str]]]:
        tokens = tokenize_texts(texts, analyzer=self.analyzer, cache_dir=self.cache_dir)
        grams = [ngrams(t, self.ngram_range) for t in tokens]
        if self.concepts:
            find = _concept_finder(load_concepts(CONCEPTS_FILE))
            grams = [g + find(t) for g, t in zip(grams, tokens, strict=True)]
        return tokens, grams

    def _new_tfidf(self) -> TfidfVectorizer:
        return TfidfVectorizer(analyzer=_identity, sublinear_tf=self.sublinear_tf, norm="l2",
                               lowercase=False)

    def fit(self, texts: Sequence[str], sections: Sequence[str] | None = None) -> TaskVectorizer:
        """Learn the vocabulary and IDF from the task texts (headings only add weight to it).
        ``tokens_`` keeps the fitted texts' tokens."""
        return self._fit_features(*self._tokens_and_features(texts))

    def _fit_features(self, tokens: list[list[str]], features: list[list[str]]) -> TaskVectorizer:
        self.tokens_ = tokens
        self.tfidf_ = self._new_tfidf().fit(features)
        self.vocabulary_ = np.array(self.tfidf_.get_feature_names_out())
        #: terms that may be listed as shared terms: single words, not concepts
        self.eligible_ = np.array([" " not in t and not t.startswith(CONCEPT_PREFIX) for t in self.vocabulary_],
                                  dtype=bool)
        return self

    def transform(self, texts: Sequence[str], sections: Sequence[str] | None = None) -> sp.csr_matrix:
        return self.with_sections(self.tfidf_.transform(self._features(texts)).tocsr(), sections)

    def fit_transform(self, texts: Sequence[str], sections: Sequence[str] | None = None) -> sp.csr_matrix:
        tokens, features = self._tokens_and_features(texts)  # tokenised once for both steps
        x = self._fit_features(tokens, features).tfidf_.transform(features).tocsr()
        return self.with_sections(x, sections)

    def with_sections(self, x: sp.csr_matrix, sections: Sequence[str] | None) -> sp.csr_matrix:
        """Text vectors ``x`` with their headings' words added at ``section_weight``, re-normalised."""
        if not self.section_weight or sections is None:
            return x
        s = self.tfidf_.transform(self._features(sections)).tocsr()
        return normalize((x + self.section_weight * s).tocsr())

    def shared_terms(self, a: sp.csr_matrix, b: sp.csr_matrix, *, top: int = DEFAULT_TOP_TERMS) -> str:
        """The single-word tokens of both texts that contribute most to their cosine."""
        return self.shared_terms_many(sp.vstack([a, b]).tocsr(), [0], [1], top=top)[0]

    def shared_terms_many(self, x: sp.csr_matrix, rows_a: Sequence[int], rows_b: Sequence[int], *,
                          top: int = DEFAULT_TOP_TERMS) -> list[str]:
        """:meth:`shared_terms` of every pair (``x[rows_a[i]]``, ``x[rows_b[i]]``), vectorised.

        Terms are ordered by contribution, ties alphabetically (the vocabulary is sorted).
        """
        if len(rows_a) == 0:
            return []
        n = len(self.vocabulary_)
        rows_a, rows_b = np.asarray(rows_a), np.asarray(rows_b)
        contrib = x[rows_a][:, :n].multiply(x[rows_b][:, :n]).tocoo()
        keep = self.eligible_[contrib.col] & (contrib.data > 0)
        pair, col, val = contrib.row[keep], contrib.col[keep], contrib.data[keep]
        order = np.lexsort((col, -val, pair))
        pair, col = pair[order], col[order]
        starts = np.searchsorted(pair, np.arange(len(rows_a)))
        rank = np.arange(len(pair)) - starts[pair]
        pair, col = pair[rank < top], col[rank < top]
        terms = self.vocabulary_[col].tolist()
        bounds = np.searchsorted(pair, np.arange(len(rows_a) + 1)).tolist()
        return ["; ".join(terms[lo:hi]) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]


def _identity(tokens):
    return tokens


def _cosine(x: sp.csr_matrix, y: sp.csr_matrix) -> np.ndarray:
    """Dense cosine block between two small sets of L2-normalised rows."""
    return (x @ y.T).toarray()


def _kind_group(kind: str, compare_kinds) -> int:
    for g, kinds in enumerate(compare_kinds):
        if kind in kinds:
            return g
    return -1


@dataclass
class _Prepared:
    """What every policy reads: the fitted vectorizer, the vectors and each task's groups."""

    vec: TaskVectorizer
    x_text: sp.csr_matrix  # task texts alone (shared terms are read from these)
    x: sp.csr_matrix  # texts with their headings' words (the score)
    docs: np.ndarray  # document rank in corpus order
    groups: np.ndarray  # kind group (-1: not compared)
    tie: np.ndarray  # rank of the task id: breaks ties of cosine whatever the order of rows

    @cached_property
    def words(self) -> sp.csr_matrix:
        """The texts' own tokens (no concepts, no n-grams): what shared_terms lists."""
        n = len(self.vec.vocabulary_)
        return (self.x_text[:, :n] @ sp.diags(self.vec.eligible_.astype(float))).tocsr()


def _prepare(tasks: pd.DataFrame, *, ngram_range, analyzer, concepts, section_weight, compare_kinds,
             cache_dir) -> _Prepared:
    vec = TaskVectorizer(ngram_range=ngram_range, analyzer=analyzer, concepts=concepts,
                         section_weight=section_weight, cache_dir=cache_dir)
    x_text = vec.fit_transform(tasks["text"].tolist())
    x = vec.with_sections(x_text, tasks["section"].tolist())
    rank = {d: i for i, d in enumerate(dict.fromkeys(tasks["doc_id"]))}
    docs = tasks["doc_id"].map(rank).to_numpy()
    groups = tasks["kind"].map(lambda k: _kind_group(k, compare_kinds)).to_numpy()
    tie = np.argsort(np.argsort(tasks["task_id"].to_numpy(), kind="stable"), kind="stable")
    return _Prepared(vec, x_text, x, docs, groups, tie)


def _syllable_vectors(vec: TaskVectorizer) -> sp.csr_matrix:
    """Syllable TF-IDF of the tokens of the texts ``vec`` was fitted on (independent of word
    segmentation)."""
    sylls = [[s for tok in toks for s in tok.split("_") if s] for toks in vec.tokens_]
    return TfidfVectorizer(analyzer=_identity, sublinear_tf=True, lowercase=False).fit_transform(sylls).tocsr()


def _scored_candidates(tasks: pd.DataFrame, prep: _Prepared, k: int,
                       embeddings: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every candidate pair (``a < b``) with the pair scorer's features (and ``embedding`` when
    ``embeddings`` are given)."""
    from .coverage import requirement_profiles  # coverage reads tasks with this module's vectorizer
    from .embed import embedding_matrix

    cand = _candidates(prep, k, CANDIDATE_FLOOR)
    leads = tasks["lead"].tolist() if "lead" in tasks else [None] * len(tasks)
    profiles = requirement_profiles(tasks, vectorizer=prep.vec, x=prep.x_text)
    table = pair_features(cand, x=prep.x, docs=prep.docs, groups=prep.groups, x_text=prep.x_text,
                          x_syllables=_syllable_vectors(prep.vec), leads=lead_matrix(leads), profiles=profiles,
                          embeddings=None if embeddings is None else embedding_matrix(embeddings, tasks))
    # two texts that share no term are never a match (a heading can strengthen a match only)
    return table[table.shared > 0].reset_index(drop=True)


def match_tasks(
    tasks: pd.DataFrame,
    *,
    threshold: float | None = None,
    policy: str = DEFAULT_POLICY,
    probability: float | None = None,
    model: PairModel | None = None,
    embeddings: pd.DataFrame | None = None,
    ngram_range: tuple[int, int] = DEFAULT_NGRAM_RANGE,
    top_terms: int = DEFAULT_TOP_TERMS,
    top_k: int = DEFAULT_TOP_K,
    compare_kinds=DEFAULT_COMPARE_KINDS,
    mutual_threshold: float = DEFAULT_MUTUAL_THRESHOLD,
    section_weight: float = DEFAULT_SECTION_WEIGHT,
    concepts: bool = True,
    candidates: int | None = None,
    analyzer: Callable[[str], list[str]] = tokenize,
    cache_dir=None,
) -> pd.DataFrame:
    """Matched task pairs from different documents (columns :data:`MATCH_COLUMNS`).

    ``a`` is the task from the earlier document in corpus order; each unordered pair once.
    ``score`` is the cosine; ``probability`` the pair scorer's (policy ``scored``, with
    ``model`` or the shipped :func:`~kehoach_lib.scorer.load_pair_model`; empty otherwise).
    ``embeddings`` (:mod:`kehoach_lib.embed`: a vector per task id) feed a ``model`` fitted with
    them (:func:`fit_pair_model` with ``embeddings``); the shipped model reads none.
    Up to :data:`EXACT_LIMIT` tasks every pair is scored; above it (or with ``candidates``
    set) each task keeps its ``candidates`` nearest tasks in every other document from sparse
    top-k products, so memory grows with n·k·documents rather than n².
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; choose one of {POLICIES}")
    threshold, probability = _policy_options(policy, threshold, probability, model, embeddings)
    tasks = tasks.reset_index(drop=True)
    if tasks.empty:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    prep = _prepare(tasks, ngram_range=ngram_range, analyzer=analyzer, concepts=concepts,
                    section_weight=section_weight, compare_kinds=compare_kinds, cache_dir=cache_dir)
    k = candidates or _default_k(len(tasks))
    if policy == "scored":
        table, p = _candidate_probabilities(tasks, prep, k, model, embeddings)
        keep = _reaches(p, probability) & _share_a_word(prep, table.a.to_numpy(), table.b.to_numpy())
        return _match_table(tasks, prep, table.a.to_numpy()[keep], table.b.to_numpy()[keep],
                            table.cosine.to_numpy()[keep], p[keep], top_terms)
    if policy == "one_to_one":
        pairs = _one_to_one(prep.x, prep.docs, prep.groups, threshold)
        a = np.array([p[0] for p in pairs], dtype=int)
        b = np.array([p[1] for p in pairs], dtype=int)
        score = np.array([p[2] for p in pairs], dtype=float)
    else:
        cand = _candidates(prep, k, min(threshold, mutual_threshold))
        if policy != "all":  # a pair without a shared word never takes a task's best place
            cand = cand[_share_a_word(prep, cand.i.to_numpy(), cand.j.to_numpy())].reset_index(drop=True)
        # (under "all" it may take a top_k place: ranks then count every task, as they must where
        # the nearest candidates of a large corpus leave one side's rank to compute exactly)
        a, b, score = _apply_policy(cand, prep, policy, threshold, mutual_threshold, top_k)
    if len(a):
        # a one-to-one assignment may pair leftovers at score 0, or by a heading's words or a
        # concept alone
        own = _share_a_word(prep, a, b)
        a, b, score = a[own], b[own], score[own]
    return _match_table(tasks, prep, a, b, score, np.full(len(a), np.nan), top_terms)


def _policy_options(policy: str, threshold, probability, model, embeddings) -> tuple[float, float]:
    """``threshold`` and ``probability`` with their defaults, and one warning for each option
    given that ``policy`` does not read (``probability``, ``model`` and ``embeddings`` are the
    scorer's; ``threshold`` the cosine policies')."""
    import warnings

    scored = policy == "scored"
    unread = [name for name, value, read in (("threshold", threshold, not scored),
                                              ("probability", probability, scored),
                                              ("model", model, scored), ("embeddings", embeddings, scored))
              if value is not None and not read]
    if unread:
        warnings.warn(f"policy {policy!r} does not read {', '.join(unread)}: ignored (probability, model "
                      "and embeddings are for policy 'scored', threshold for the cosine policies)", stacklevel=3)
    return (DEFAULT_THRESHOLD if threshold is None else threshold,
            DEFAULT_PROBABILITY if probability is None else probability)


def _share_a_word(prep: _Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether the texts of each pair share a word of their own, the evidence ``shared_terms``
    lists: two texts that share only a concept (``công khai`` and ``công bố``) or a heading's
    words are never a match (a concept or a heading can strengthen a match but not make one)."""
    return rowwise_dot(prep.words, prep.words, a, b) > 0


def _default_k(n: int) -> int:
    """Candidates kept per task: all of them on small corpora, the nearest few in each document
    on large ones."""
    return n if n <= EXACT_LIMIT else DEFAULT_CANDIDATES


def _candidate_probabilities(tasks: pd.DataFrame, prep: _Prepared, k: int, model: PairModel | None = None,
                             embeddings: pd.DataFrame | None = None) -> tuple[pd.DataFrame, np.ndarray]:
    """Every candidate pair (``a < b``) with its features, and the pair scorer's probability."""
    model = model or load_pair_model(scorer.PAIR_MODEL_FILE)
    scorer.check_scorer(model, embeddings)
    table = _scored_candidates(tasks, prep, k, embeddings)
    return table, model.predict_proba(table)


def pair_rows(tasks: pd.DataFrame, ids_a: Sequence[str], ids_b: Sequence[str], *,
              probability: float | None = None, model: PairModel | None = None,
              embeddings: pd.DataFrame | None = None, cache_dir=None,
              top_terms: int = DEFAULT_TOP_TERMS) -> pd.DataFrame:
    """Match-table rows (:data:`MATCH_COLUMNS`) for given pairs of task ids and, with
    ``probability``, for every pair the default matcher keeps at that probability too (each
    unordered pair once; one vectorisation and one scoring for both). Pairs are scored as the
    default matcher scores them: cosine and shared terms always, and the pair scorer's
    probability where the scorer considers the pair (at any probability; empty for pairs it
    never considers: no shared term, another kind, the same document); ``model`` and
    ``embeddings`` as in :func:`match_tasks`. Pairs listed for ``probability`` share a word, as
    every match does; given pairs are listed whatever they share."""
    tasks = tasks.reset_index(drop=True)
    if tasks.empty:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    prep = _prepare(tasks, **{**_VECTOR_DEFAULTS, "cache_dir": cache_dir})
    table, p = _candidate_probabilities(tasks, prep, _default_k(len(tasks)), model, embeddings)
    scored = pd.DataFrame({"a": table.a.to_numpy(), "b": table.b.to_numpy(), "s": table.cosine.to_numpy(), "p": p})
    index = {t: i for i, t in enumerate(tasks["task_id"])}
    given = sorted({tuple(sorted((index[x], index[y]))) for x, y in zip(ids_a, ids_b, strict=True)})
    rows = pd.DataFrame(given, columns=["a", "b"], dtype=int).merge(scored, on=["a", "b"], how="left")
    if probability is not None:
        sharing = _share_a_word(prep, scored.a.to_numpy(), scored.b.to_numpy())
        listed = scored[_reaches(scored.p.to_numpy(), probability) & sharing]
        rows = pd.concat([listed, rows]).drop_duplicates(["a", "b"])
    a, b = rows.a.to_numpy(dtype=int), rows.b.to_numpy(dtype=int)
    score = rows.s.to_numpy(dtype=float, copy=True)
    unscored = np.isnan(score)
    score[unscored] = rowwise_dot(prep.x, prep.x, a[unscored], b[unscored])
    return _match_table(tasks, prep, a, b, score, rows.p.to_numpy(dtype=float), top_terms)


def _reaches(p: np.ndarray, probability: float) -> np.ndarray:
    """Which probabilities reach ``probability`` as the table writes them (:data:`DECIMALS`)."""
    return np.round(np.asarray(p, dtype=float), DECIMALS) >= probability


def _match_table(tasks: pd.DataFrame, prep: _Prepared, a: np.ndarray, b: np.ndarray, score: np.ndarray,
                 probability: np.ndarray, top_terms: int) -> pd.DataFrame:
    """The match table of pairs (a, b): a in the earlier document, sorted by a then b."""
    swap = prep.docs[a] > prep.docs[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)
    order = np.lexsort((b, a))
    a, b, score, probability = a[order], b[order], score[order], probability[order]
    side_a, side_b = tasks.iloc[a].reset_index(drop=True), tasks.iloc[b].reset_index(drop=True)
    out = pd.DataFrame({
        "task_id_a": side_a.task_id, "task_id_b": side_b.task_id,
        "doc_id_a": side_a.doc_id, "doc_id_b": side_b.doc_id,
        "province_a": side_a.province, "province_b": side_b.province,
        "score": np.round(score, DECIMALS),
        "probability": np.round(probability, DECIMALS),
        "shared_terms": prep.vec.shared_terms_many(prep.x_text, a, b, top=top_terms),
        "text_a": side_a.text, "text_b": side_b.text,
    })
    return out[MATCH_COLUMNS]


def cached_match_tasks(tasks: pd.DataFrame, *, cache_dir=None, **params) -> pd.DataFrame:
    """:func:`match_tasks`, reusing the table computed before for the same tasks, parameters,
    code and text-processing settings (on-disk cache; the ``kehoach`` commands use this)."""
    from .cache import cached_matches
    from .text import default_tokenizer, tokenizer_fingerprint

    if (params.get("analyzer", tokenize) is not tokenize  # a custom analyzer has no fingerprint,
            or params.get("model") is not None or params.get("embeddings") is not None):  # nor these
        return match_tasks(tasks, cache_dir=cache_dir, **params)
    # the key holds the tables this process computes with (not the files' bytes), so a file
    # edited after a table was loaded can never store results under the new file's key
    # the modules' paths are read at call time (as the loaders' callers do), so a test can
    # point them elsewhere
    from . import agencies

    tables = (load_concepts(CONCEPTS_FILE), load_pair_model(scorer.PAIR_MODEL_FILE),
              agencies.load_aliases(agencies.ALIASES_FILE), agencies.load_alias_patterns(agencies.ALIASES_FILE),
              agencies.load_successions(agencies.SUCCESSIONS_FILE))
    settings = hashlib.sha256(json.dumps(tables, sort_keys=True, ensure_ascii=False, default=_plain).encode())
    return cached_matches(tasks, compute=lambda: match_tasks(tasks, cache_dir=cache_dir, **params),
                          params=params, fingerprint=tokenizer_fingerprint(default_tokenizer())
                          + settings.hexdigest(), cache_dir=cache_dir)


def _plain(obj):
    """JSON form of the settings objects in a cache key (sets sorted, so the key is stable)."""
    if isinstance(obj, set | frozenset):
        return sorted(obj)
    if isinstance(obj, re.Pattern):
        return [obj.pattern, obj.flags]
    if dataclasses.is_dataclass(obj):
        return dataclasses.asdict(obj)
    raise TypeError(f"no stable form for {type(obj).__name__}")


def _candidates(prep: _Prepared, k: int, threshold: float) -> pd.DataFrame:
    """Scored candidate pairs (i, j) between tasks of different documents and the same kind group,
    sorted by task, other document, score (highest first) and j's task id."""
    from .similarity import topk_cosine, topk_cosine_per_group

    x, docs, groups = prep.x, prep.docs, prep.groups
    if k >= x.shape[0]:
        sim = topk_cosine(x, k=k, threshold=threshold).tocoo()
    else:  # each task's k nearest (and any tied with the k-th) in every document and kind group
        block = docs * (int(groups.max(initial=0)) + 2) + groups + 1
        sim = topk_cosine_per_group(x, block, k=k, threshold=threshold).tocoo()
    i, j, s = sim.row.astype(np.int64), sim.col.astype(np.int64), sim.data
    keep = (docs[i] != docs[j]) & (groups[i] == groups[j]) & (groups[i] >= 0)
    i, j, s = i[keep], j[keep], s[keep]
    dj = docs[j]
    order = np.lexsort((prep.tie[j], -np.round(s, scorer.ROUND), dj, i))
    return pd.DataFrame({"i": i[order], "j": j[order], "s": s[order], "dj": dj[order]})


def _apply_policy(cand: pd.DataFrame, prep: _Prepared, policy: str, threshold: float, mutual_threshold: float,
                  top_k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The selected pairs as arrays (a, b, score), each unordered pair once (:func:`_match_table`
    puts them in document order)."""
    docs = prep.docs
    i, j, s, dj = (cand[c].to_numpy() for c in ("i", "j", "s", "dj"))
    n = len(i)
    first = np.ones(n, dtype=bool)
    first[1:] = (i[1:] != i[:-1]) | (dj[1:] != dj[:-1])
    if policy == "all":
        # a task's rank in a document counts the tasks there with a higher cosine (ties share a
        # place, as in scorer.reverse_ranks and the scorer's features)
        everyone = pd.DataFrame({"i": i, "j": j, "s": s, "dj": dj})
        everyone["rank"] = everyone.assign(r=everyone.s.round(scorer.ROUND)).groupby(["i", "dj"]).r.rank(
            method="min", ascending=False).to_numpy() - 1
        directed = everyone[(everyone.s >= threshold) & (everyone["rank"] < top_k)]
        # among the top_k of both tasks (a pair chosen from one side only would give the other
        # task more than top_k counterparts); where the other side's list was cut short (the
        # nearest candidates of a large corpus), its rank is computed exactly
        back = everyone.rename(columns={"i": "j", "j": "i", "rank": "back"})[["i", "j", "back"]]
        both = directed.merge(back, on=["i", "j"], how="left")
        one_sided = both.back.isna().to_numpy()
        if one_sided.any():
            both.loc[one_sided, "back"] = reverse_ranks(both.i.to_numpy()[one_sided], both.j.to_numpy()[one_sided],
                                                         x=prep.x, docs=docs, groups=prep.groups)[0]
        both = both[both.back < top_k]
        ci, cj, cs = both.i.to_numpy(), both.j.to_numpy(), both.s.to_numpy()
    else:
        bi, bj, bs = i[first], j[first], s[first]
        # mutual: bi is also bj's best in bi's document (keys are sorted: cand is sorted by i, dj)
        ndocs = int(docs.max()) + 1 if len(docs) else 1
        keys = bi * ndocs + docs[bj]
        back = bj * ndocs + docs[bi]
        pos = np.minimum(np.searchsorted(keys, back), max(len(keys) - 1, 0))
        mutual = (keys[pos] == back) & (bj[pos] == bi) if len(keys) else np.zeros(0, dtype=bool)
        if policy == "mutual":
            sel = mutual & (bs >= threshold)
        else:
            sel = (bs >= threshold) | (mutual & (bs >= mutual_threshold))
        ci, cj, cs = bi[sel], bj[sel], bs[sel]
    # the same pair selected from both sides has the same cosine: keep it once
    pairs = pd.DataFrame({"a": np.minimum(ci, cj), "b": np.maximum(ci, cj), "s": cs}).drop_duplicates(["a", "b"])
    return pairs.a.to_numpy(), pairs.b.to_numpy(), pairs.s.to_numpy(dtype=float)


def _one_to_one(x, docs, groups, threshold: float) -> list[tuple[int, int, float]]:
    """Optimal one-to-one assignment per pair of documents (dense blocks: small corpora)."""
    pairs = []
    for da in range(int(docs.max()) + 1):
        for db in range(da + 1, int(docs.max()) + 1):
            for g in sorted(set(groups) - {-1}):
                ra = np.flatnonzero((docs == da) & (groups == g))
                rb = np.flatnonzero((docs == db) & (groups == g))
                if len(ra) and len(rb):
                    block = _cosine(x[ra], x[rb])
                    for i, j in zip(*linear_sum_assignment(-block), strict=True):
                        if block[i, j] >= threshold:
                            pairs.append((int(ra[i]), int(rb[j]), float(block[i, j])))
    return sorted(pairs)


def similarity_matrix(tasks_a: pd.DataFrame, tasks_b: pd.DataFrame, *,
                      fit_on: pd.DataFrame | None = None,
                      ngram_range: tuple[int, int] = DEFAULT_NGRAM_RANGE) -> pd.DataFrame:
    """Cosine scores between every task of ``tasks_a`` (rows) and ``tasks_b`` (columns)."""
    corpus = fit_on if fit_on is not None else pd.concat([tasks_a, tasks_b])
    vec = TaskVectorizer(ngram_range=ngram_range).fit(corpus["text"].tolist())
    block = _cosine(vec.transform(tasks_a["text"].tolist()), vec.transform(tasks_b["text"].tolist()))
    return pd.DataFrame(block, index=tasks_a["task_id"].to_list(), columns=tasks_b["task_id"].to_list())


# --- summaries -----------------------------------------------------------------------------
def _counterparts(matches: pd.DataFrame) -> pd.DataFrame:
    """Long form: (task_id, doc_id, other_doc) for every side of every match."""
    a = matches[["task_id_a", "doc_id_a", "doc_id_b"]].set_axis(["task_id", "doc_id", "other_doc"], axis=1)
    b = matches[["task_id_b", "doc_id_b", "doc_id_a"]].set_axis(["task_id", "doc_id", "other_doc"], axis=1)
    return pd.concat([a, b], ignore_index=True).drop_duplicates()


def _doc_pairs(tasks: pd.DataFrame) -> pd.DataFrame:
    """Every pair of documents (a before b in corpus order) with province and task counts."""
    docs = list(dict.fromkeys(tasks["doc_id"]))
    size = tasks.groupby("doc_id").size()
    province = tasks.groupby("doc_id")["province"].first()
    ia, ib = np.triu_indices(len(docs), k=1)
    a, b = pd.Index(docs)[ia], pd.Index(docs)[ib]
    return pd.DataFrame({"doc_id_a": a, "doc_id_b": b,
                         "province_a": province.reindex(a).to_numpy(), "province_b": province.reindex(b).to_numpy(),
                         "tasks_a": size.reindex(a).to_numpy(), "tasks_b": size.reindex(b).to_numpy()})


def match_summary(tasks: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Per pair of documents: matches, and the share of each plan's tasks with a counterpart."""
    out = _doc_pairs(tasks)
    stats = matches.groupby(["doc_id_a", "doc_id_b"]).score.agg(["size", "mean"])
    counts = _counterparts(matches).groupby(["doc_id", "other_doc"]).task_id.nunique()
    key_ab = pd.MultiIndex.from_arrays([out.doc_id_a, out.doc_id_b])
    key_ba = pd.MultiIndex.from_arrays([out.doc_id_b, out.doc_id_a])
    out["matches"] = stats["size"].reindex(key_ab).fillna(0).astype(int).to_numpy()
    out["matched_a"] = counts.reindex(key_ab).fillna(0).astype(int).to_numpy()
    out["matched_b"] = counts.reindex(key_ba).fillna(0).astype(int).to_numpy()
    out["share_a"] = (out.matched_a / out.tasks_a).round(3)
    out["share_b"] = (out.matched_b / out.tasks_b).round(3)
    out["mean_score"] = stats["mean"].reindex(key_ab).fillna(0.0).round(3).to_numpy()
    return out


def coverage_share_matrix(tasks: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    """Document × document: share of the row document's tasks with a counterpart in the column's."""
    docs = list(dict.fromkeys(tasks["doc_id"]))
    size = tasks.groupby("doc_id").size()
    counts = _counterparts(matches).groupby(["doc_id", "other_doc"]).task_id.nunique()
    shares = (counts.unstack().reindex(index=docs, columns=docs).fillna(0)
              .div(size.reindex(docs), axis=0).round(3).to_numpy(dtype=float, copy=True))
    np.fill_diagonal(shares, np.nan)
    return pd.DataFrame(shares, index=pd.Index(docs, name="doc_id"),
                        columns=pd.Index(docs, name="counterpart_in"))


def _groups_of(tasks: pd.DataFrame, matches: pd.DataFrame, column: str) -> tuple[pd.Series, dict[str, str]]:
    """Each task's group (``column``; a document without one is a group of its own, with one
    warning), and the task id -> group mapping, checked against the matches' task ids."""
    import warnings

    values = tasks[column].astype("string")
    missing = config.blank(values)
    if missing.any():
        docs = list(dict.fromkeys(tasks["doc_id"][missing]))
        warnings.warn(f"{len(docs)} document(s) have no {column} ({', '.join(docs[:3])}"
                      f"{', …' if len(docs) > 3 else ''}): each counts as one of its own",
                      config.NoProvinceWarning, stacklevel=3)
        values = values.mask(missing, "(" + tasks["doc_id"].astype("string") + ")")
    of = dict(zip(tasks["task_id"], values, strict=True))
    unknown = (set(matches["task_id_a"]) | set(matches["task_id_b"])) - set(of)
    if unknown:
        raise ValueError(f"the matches name {len(unknown)} task(s) not in the task table "
                         f"(e.g. {sorted(unknown)[0]!r}): pass the tasks they were matched from")
    return values, of


def province_summary(tasks: pd.DataFrame, matches: pd.DataFrame, *, column: str = "province") -> pd.DataFrame:
    """Per pair of provinces (``column``: ``province`` as the plans name it, or
    ``province_today`` after the 2025 mergers), all their documents together: documents, tasks,
    matches between them, how many of each province's tasks have a counterpart in the other's
    plans and that share. Matches within one province (two plans of Bắc Giang) do not count; a
    document whose province is not known counts as a province of its own (with a warning)."""
    values, of = _groups_of(tasks, matches, column)
    tasks = tasks.assign(**{column: values})
    names = list(dict.fromkeys(values))
    sides = pd.DataFrame({"task_a": matches["task_id_a"], "task_b": matches["task_id_b"],
                          "pa": matches["task_id_a"].map(of), "pb": matches["task_id_b"].map(of)})
    sides = sides[sides.pa != sides.pb]
    long = pd.concat([sides[["task_a", "pa", "pb"]].set_axis(["task_id", "p", "other"], axis=1),
                      sides[["task_b", "pb", "pa"]].set_axis(["task_id", "p", "other"], axis=1)])
    counted = long.drop_duplicates().groupby(["p", "other"]).task_id.nunique()
    pairs = sides.assign(key=[tuple(sorted(k, key=names.index)) for k in zip(sides.pa, sides.pb, strict=True)])
    per_pair = pairs.groupby("key").size()
    size, docs = tasks.groupby(column).size(), tasks.groupby(column)["doc_id"].nunique()
    ia, ib = np.triu_indices(len(names), k=1)
    a, b = pd.Index(names)[ia], pd.Index(names)[ib]
    out = pd.DataFrame({f"{column}_a": a, f"{column}_b": b,
                        "documents_a": docs.reindex(a).to_numpy(), "documents_b": docs.reindex(b).to_numpy(),
                        "tasks_a": size.reindex(a).to_numpy(), "tasks_b": size.reindex(b).to_numpy()})
    out["matches"] = [int(per_pair.get((x, y), 0)) for x, y in zip(a, b, strict=True)]
    out["matched_a"] = counted.reindex(pd.MultiIndex.from_arrays([a, b])).fillna(0).astype(int).to_numpy()
    out["matched_b"] = counted.reindex(pd.MultiIndex.from_arrays([b, a])).fillna(0).astype(int).to_numpy()
    out["share_a"] = (out.matched_a / out.tasks_a).round(3)
    out["share_b"] = (out.matched_b / out.tasks_b).round(3)
    return out


def unique_tasks(tasks: pd.DataFrame, matches: pd.DataFrame, *, across: str = "doc_id") -> pd.DataFrame:
    """Tasks with no counterpart in any other document (``across="doc_id"``), or in any other
    province's plans (``across="province"`` or ``"province_today"``: a counterpart in another
    plan of the same province does not count; a document whose province is not known counts as
    a province of its own, with a warning)."""
    _, of = _groups_of(tasks, matches, across)
    a, b = matches["task_id_a"], matches["task_id_b"]
    other = (a.map(of) != b.map(of)).to_numpy()
    matched = set(a[other]) | set(b[other])
    return tasks[~tasks["task_id"].isin(matched)].reset_index(drop=True)


# --- attribution ---------------------------------------------------------------------------
def section_path(tasks: pd.DataFrame, *, depth: int = 2) -> pd.Series:
    """Each task's numbering cut to ``depth`` levels (``III.3.b.(iv)`` -> ``III.3``; ``III+2`` ->
    ``III``): the section it belongs to, to compare plans section by section."""
    cut = tasks["path"].str.replace(r"\+\d+$", "", regex=True).str.split(".").str[:depth].str.join(".")
    return cut.where(cut != "", tasks["path"])  # "+1" (an item before any number) is its own section


def example_pair(tasks: pd.DataFrame, matches: pd.DataFrame, *, dates: dict | None = None,
                 depth: int = 2) -> dict:
    """Two plans and a section of each to look at side by side: the newest plan (by ``dates``,
    doc_id -> date; else the first) and the plan with most tasks in another province (in the same
    one if there is no other), in corpus order; and the sections (:func:`section_path`) between
    which they share most matched pairs. Keys ``doc_a``, ``doc_b``, ``section_a``, ``section_b``,
    ``pairs`` (their matches), ``shared`` (matches between the two sections) and ``summary``."""
    plans = tasks.groupby("doc_id", sort=False).agg(province=("province", "first"), n=("task_id", "size"))
    order = list(plans.index)
    newest = max(order, key=lambda d: (str((dates or {}).get(d) or ""), -order.index(d)))
    other = plans.drop(newest).assign(elsewhere=lambda p: p.province != plans.province[newest])
    largest = other.sort_values(["elsewhere", "n"], ascending=False, kind="stable").index[0] if len(other) else newest
    doc_a, doc_b = sorted((newest, largest), key=order.index)
    swapped = (matches.doc_id_a == doc_b) & (matches.doc_id_b == doc_a)  # matched in another order
    flip = {f"{c}_a": f"{c}_b" for c in ("task_id", "doc_id", "province", "text")}
    pairs = pd.concat([matches[(matches.doc_id_a == doc_a) & (matches.doc_id_b == doc_b)],
                       matches[swapped].rename(columns={**flip, **{v: k for k, v in flip.items()}})])
    section = dict(zip(tasks.task_id, section_path(tasks, depth=depth), strict=True))
    shared = pd.crosstab(pairs.task_id_a.map(section), pairs.task_id_b.map(section)).stack()
    if len(shared):
        sec_a, sec_b = shared.idxmax()
    else:  # no matched pair: each plan's largest section
        sec_a, sec_b = (pd.Series([section[t] for t in tasks.task_id[tasks.doc_id == d]]).mode()[0]
                        for d in (doc_a, doc_b))
    n = int(shared.max()) if len(shared) else 0
    summary = (f"{doc_a} × {doc_b}: {len(pairs)} matched pairs, {n} of them between sections {sec_a} and {sec_b}"
               if doc_a != doc_b else f"One plan only ({doc_a}): no two plans to compare.")
    return {"doc_a": doc_a, "doc_b": doc_b, "section_a": sec_a, "section_b": sec_b, "pairs": pairs,
            "shared": n, "summary": summary}


def attribute(text: str, tasks: pd.DataFrame, *, ngram_range: tuple[int, int] = DEFAULT_NGRAM_RANGE,
              cache_dir=None) -> pd.DataFrame:
    """Rank the corpus documents by how likely ``text`` (e.g. a news article) describes them.

    Each document is represented by all its task texts together; ``score`` is the cosine
    between the text and the document. When the text names a province (``tỉnh Nghệ An``; the
    one it names most, if it names several), that province's documents come first
    (``named`` True), each group by score; ``margin`` is the lead over the next document.
    """
    from .metadata import canonical_province, provinces_named

    docs = tasks.groupby("doc_id", sort=False).agg(province=("province", "first"),
                                                   text=("text", " ".join)).reset_index()
    vec = TaskVectorizer(ngram_range=ngram_range, cache_dir=cache_dir)
    x = vec.fit_transform(docs["text"].tolist() + [text])
    scores = _cosine(x[-1], x[:-1]).ravel()
    named = provinces_named(text).most_common(2)
    province = named[0][0] if named and (len(named) == 1 or named[0][1] > named[1][1]) else None
    canonical = docs["province"].map(canonical_province)  # "tỉnh Bắc Giang", "TP. Hồ Chí Minh"
    out = docs[["doc_id", "province"]].assign(score=np.round(scores, 4),
                                              named=(canonical.eq(province) & canonical.notna()).to_numpy())
    out = out.sort_values(["named", "score", "doc_id"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)
    out["margin"] = (out["score"] - out["score"].shift(-1)).fillna(0).round(4)
    out["shared_terms"] = [
        vec.shared_terms(x[-1], x[docs.index[docs.doc_id == d][0]], top=8) for d in out.doc_id
    ]
    return out


# --- evaluation ----------------------------------------------------------------------------
def load_labelled_pairs(path: str | Path = LABELLED_PAIRS) -> pd.DataFrame:
    """The hand-labelled pairs of tasks (``tests/data/match_pairs.csv``: doc and line of each
    side, label 1/0) that :func:`evaluate_matching` scores against."""
    return pd.read_csv(path, comment="#",
                       dtype={"line_a": int, "line_b": int, "label": int, "anchor": int})


def _task_at(tasks: pd.DataFrame, doc_id: str, line: int) -> str | None:
    """The task a source line belongs to; where two spans share a line (a table row continued
    on the next row's line), the one starting there, whatever the order of the rows."""
    hit = tasks[(tasks.doc_id == doc_id) & (tasks.line_start <= line) & (tasks.line_end >= line)]
    if not len(hit):
        return None
    return hit.sort_values(["line_start", "line_end", "task_id"], ascending=[False, True, True]).task_id.iloc[0]


def label_task_ids(tasks: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Labelled pairs with the task ids their lines fall in (``None`` if a line is in no task)."""
    ids_a = [_task_at(tasks, d, ln) for d, ln in zip(labels.doc_a, labels.line_a, strict=True)]
    ids_b = [_task_at(tasks, d, ln) for d, ln in zip(labels.doc_b, labels.line_b, strict=True)]
    return labels.assign(task_a=ids_a, task_b=ids_b)


def evaluate_matching(tasks: pd.DataFrame, labels: pd.DataFrame | None = None, *,
                      matches: pd.DataFrame | None = None, **params) -> dict:
    """Precision, recall and F1 of a matching on hand-labelled pairs.

    A predicted pair is a true positive when labelled 1, and a false positive when labelled
    0 or when it joins an *anchor* task (side a of a row with ``anchor`` = 1) to a task of
    that row's other document that is not among the anchor's labelled counterparts. The
    ``anchor`` column is optional (a researcher's judgements from :mod:`kehoach_lib.review`).
    Predicted pairs the labels say nothing about are not counted.
    """
    labels = label_task_ids(tasks, load_labelled_pairs() if labels is None else labels)
    # a label must name two tasks of different documents (lines in no task are not counted)
    labels = labels.dropna(subset=["task_a", "task_b"])
    labels = labels[(labels.task_a != labels.task_b) & (labels.doc_a != labels.doc_b)]
    if matches is None:
        matches = match_tasks(tasks, **params)
    predicted = {frozenset(p) for p in zip(matches.task_id_a, matches.task_id_b, strict=True)}
    doc_of = dict(zip(tasks.task_id, tasks.doc_id, strict=True))
    anchor = labels["anchor"] if "anchor" in labels else pd.Series(0, index=labels.index)
    pairs = [(frozenset((a, b)), lab, anc, a, db) for a, b, lab, anc, db in
             zip(labels.task_a, labels.task_b, labels.label, anchor, labels.doc_b, strict=True)]
    positives = {p for p, lab, *_ in pairs if lab == 1}
    negatives = {p for p, lab, *_ in pairs if lab == 0}
    anchors = {(a, db) for _, lab, anc, a, db in pairs if lab == 1 and anc == 1}
    tp = len(predicted & positives)
    fp = 0
    for p in predicted - positives:
        a, b = tuple(p)
        if p in negatives or (a, doc_of[b]) in anchors or (b, doc_of[a]) in anchors:
            fp += 1
    return {**_prf(tp, fp, len(positives - predicted)), "predicted": len(predicted)}


def load_alignment(path: str | Path = ALIGNMENT) -> pd.DataFrame:
    """The exhaustive alignment: ``doc_a, line_a, doc_b, line_b, confidence, note``."""
    return pd.read_csv(path, comment="#", dtype={"line_a": int, "line_b": int})


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def evaluate_alignment(tasks: pd.DataFrame, alignment: pd.DataFrame | None = None, *,
                       matches: pd.DataFrame | None = None, **params) -> pd.DataFrame:
    """Precision, recall and F1 of a matching against an exhaustive alignment, per pair of documents.

    The alignment lists *every* corresponding task pair between the documents it covers
    (``tests/data/match_alignment.csv``), so each predicted pair between two covered documents
    is judged: a true positive if listed, a false positive if not. One row per covered pair
    of documents, then ``all`` (micro-averaged over every judged pair).
    """
    gold = label_task_ids(tasks, load_alignment() if alignment is None else alignment)
    absent = sorted((set(gold.doc_a) | set(gold.doc_b)) - set(tasks["doc_id"]))
    if absent:
        raise ValueError(f"the alignment is of documents that are not in this task table ({', '.join(absent)}): "
                         "it judges the bundled corpus's plans (or give an alignment of these plans)")
    missing = gold[gold.task_a.isna() | gold.task_b.isna()]
    if len(missing):
        raise ValueError(f"{len(missing)} aligned lines fall in no task, e.g. "
                         f"{missing.iloc[0][['doc_a', 'line_a', 'doc_b', 'line_b']].to_dict()}")
    if matches is None:
        matches = match_tasks(tasks, **params)
    doc_of = dict(zip(tasks.task_id, tasks.doc_id, strict=True))

    def by_docs(pairs):
        out: dict[frozenset, set] = {}
        for a, b in pairs:
            out.setdefault(frozenset((doc_of[a], doc_of[b])), set()).add(frozenset((a, b)))
        return out

    truth = by_docs(zip(gold.task_a, gold.task_b, strict=True))
    predicted = by_docs(zip(matches.task_id_a, matches.task_id_b, strict=True))
    order = {d: i for i, d in enumerate(dict.fromkeys(tasks.doc_id))}
    rows = []
    for docs in sorted(truth, key=lambda d: sorted(order[x] for x in d)):
        t, p = truth[docs], predicted.get(docs, set())
        doc_a, doc_b = sorted(docs, key=order.get)
        rows.append({"doc_id_a": doc_a, "doc_id_b": doc_b, "aligned": len(t), "predicted": len(p),
                     **_prf(len(t & p), len(p - t), len(t - p))})
    out = pd.DataFrame(rows)
    total = _prf(int(out.tp.sum()), int(out.fp.sum()), int(out.fn.sum()))
    out.loc[len(out)] = {"doc_id_a": "all", "doc_id_b": "", "aligned": int(out.aligned.sum()),
                         "predicted": int(out.predicted.sum()), **total}
    return out


_VECTOR_DEFAULTS = {"ngram_range": DEFAULT_NGRAM_RANGE, "analyzer": tokenize, "concepts": True,
                    "section_weight": DEFAULT_SECTION_WEIGHT, "compare_kinds": DEFAULT_COMPARE_KINDS,
                    "cache_dir": None}


@dataclass
class _Labelled:
    """The scored candidates between the documents an alignment covers, with 0/1 labels."""

    tasks: pd.DataFrame
    prep: _Prepared
    table: pd.DataFrame
    y: np.ndarray
    doc_a: np.ndarray  # each row's earlier document (corpus order) ...
    doc_b: np.ndarray  # ... and later one
    aligned: int  # aligned pairs in the alignment


def _labelled_candidates(tasks: pd.DataFrame, alignment: pd.DataFrame | None, *,
                         embeddings: pd.DataFrame | None = None, **params) -> _Labelled:
    unknown = set(params) - set(_VECTOR_DEFAULTS)
    if unknown:
        raise TypeError(f"unknown text options {sorted(unknown)}; known: {sorted(_VECTOR_DEFAULTS)}")
    tasks = tasks.reset_index(drop=True)
    gold = label_task_ids(tasks, load_alignment() if alignment is None else alignment)
    gold = gold.dropna(subset=["task_a", "task_b"])
    prep = _prepare(tasks, **{**_VECTOR_DEFAULTS, **params})
    table = _scored_candidates(tasks, prep, len(tasks), embeddings)
    ids, doc_ids = tasks["task_id"].to_numpy(), tasks["doc_id"].to_numpy()
    covered = {frozenset(p) for p in zip(gold.doc_a, gold.doc_b, strict=True)}
    on = np.array([frozenset(p) in covered for p in zip(doc_ids[table.a], doc_ids[table.b], strict=True)],
                  dtype=bool)
    table = table[on].reset_index(drop=True)
    truth = {frozenset(p) for p in zip(gold.task_a, gold.task_b, strict=True)}
    y = np.array([frozenset(p) in truth for p in zip(ids[table.a], ids[table.b], strict=True)], dtype=int)
    earlier = prep.docs[table.a] <= prep.docs[table.b]
    first, second = np.where(earlier, table.a, table.b), np.where(earlier, table.b, table.a)
    return _Labelled(tasks, prep, table, y, doc_ids[first], doc_ids[second], len(gold))


def _features(features: Sequence[str] | None, embeddings: pd.DataFrame | None) -> tuple[str, ...]:
    """The scorer's features: as given, or the defaults (with ``embedding`` when there are embeddings)."""
    if features is not None:
        if EMBEDDING in features and embeddings is None:
            raise ModelError(f"the feature {EMBEDDING!r} needs embeddings")
        return tuple(features)
    return FEATURES if embeddings is None else (*FEATURES, EMBEDDING)


def fit_pair_model(tasks: pd.DataFrame, alignment: pd.DataFrame | None = None, *, C: float = DEFAULT_C,
                   features: Sequence[str] | None = None, embeddings: pd.DataFrame | None = None,
                   **params) -> PairModel:
    """The pair scorer fitted on every candidate pair between the documents the alignment covers
    (label 1 when aligned). ``features`` default to :data:`~kehoach_lib.scorer.FEATURES`, plus
    ``embedding`` when ``embeddings`` are given; ``params`` are :func:`match_tasks`' text options."""
    lab = _labelled_candidates(tasks, alignment, embeddings=embeddings, **params)
    return fit_model(lab.table, lab.y, features=_features(features, embeddings), C=C)


#: How :func:`cross_validated_matches` holds data out: "pair" fits on the labels of every other
#: pair of documents; "plans" only on pairs that involve neither of the held-out plans (stricter:
#: the model has seen no label of either plan, but with four plans it learns from one pair).
HOLD_OUT = ("pair", "plans")


def cross_validated_matches(tasks: pd.DataFrame, alignment: pd.DataFrame | None = None, *,
                            probability: float = DEFAULT_PROBABILITY, C: float = DEFAULT_C,
                            features: Sequence[str] | None = None, embeddings: pd.DataFrame | None = None,
                            top_terms: int = DEFAULT_TOP_TERMS, hold_out: str = "pair", **params) -> pd.DataFrame:
    """Policy ``scored`` with each pair of documents scored by a model fitted without its labels
    (see :data:`HOLD_OUT`): a measure of the scorer on labels it was not fitted on. Only the
    pairs of documents the alignment covers appear. ``features`` and ``embeddings`` as in
    :func:`fit_pair_model`."""
    if hold_out not in HOLD_OUT:
        raise ValueError(f"hold_out must be one of {HOLD_OUT}")
    lab = _labelled_candidates(tasks, alignment, embeddings=embeddings, **params)
    return _cross_validated(lab, probability=probability, C=C, features=_features(features, embeddings),
                            top_terms=top_terms, hold_out=hold_out)


def _cross_validated(lab: _Labelled, *, probability, C, features, top_terms, hold_out) -> pd.DataFrame:
    pairs = sorted(set(zip(lab.doc_a, lab.doc_b, strict=True)))
    prob = np.full(len(lab.table), np.nan)
    for da, db in pairs:
        test = (lab.doc_a == da) & (lab.doc_b == db)
        if hold_out == "pair":
            train = ~test
        else:
            train = ~np.isin(lab.doc_a, (da, db)) & ~np.isin(lab.doc_b, (da, db))
        if not train.any():
            raise ValueError(f"no labelled pairs of documents left to fit on when holding out {da} x {db}")
        model = fit_model(lab.table[train], lab.y[train], features=features, C=C)
        prob[test] = model.predict_proba(lab.table[test])
    t = lab.table
    keep = _reaches(prob, probability) & _share_a_word(lab.prep, t.a.to_numpy(), t.b.to_numpy())
    return _match_table(lab.tasks, lab.prep, t.a.to_numpy()[keep], t.b.to_numpy()[keep],
                        t.cosine.to_numpy()[keep], prob[keep], top_terms)


def refit_pair_model(tasks: pd.DataFrame, alignment: pd.DataFrame | None = None, *,
                     path: str | Path = PAIR_MODEL_FILE, C: float = DEFAULT_C,
                     embeddings: pd.DataFrame | None = None) -> tuple[Path, pd.DataFrame]:
    """Fit the pair scorer on the alignment and write it to ``path`` with an explanation of where
    it came from; returns the path and the cross-validated :func:`evaluate_alignment` table.
    With ``embeddings`` the model also reads ``embedding``; it cannot replace the shipped model,
    which every default command uses without embeddings."""
    if embeddings is not None and Path(path).resolve() == Path(PAIR_MODEL_FILE).resolve():
        raise ModelError("a pair model that reads embeddings cannot replace the shipped one "
                         f"({PAIR_MODEL_FILE.name}): write it to another file")
    features = _features(None, embeddings)
    lab = _labelled_candidates(tasks, alignment, embeddings=embeddings)
    model = fit_model(lab.table, lab.y, features=features, C=C)
    cv = _cross_validated(lab, probability=DEFAULT_PROBABILITY, C=C, features=features,
                          top_terms=DEFAULT_TOP_TERMS, hold_out="pair")
    cross = evaluate_alignment(tasks, alignment, matches=cv)
    comment = model_comment(cross, C=C, pairs=len(lab.table), positives=int(lab.y.sum()), aligned=lab.aligned,
                            embeddings=embeddings is not None)
    return model.save(path, comment=comment), cross


def evaluation_table(tasks: pd.DataFrame, *, embeddings: pd.DataFrame | None = None, **params) -> pd.DataFrame:
    """The matching settings ``params`` (default: the defaults) next to the alternatives, scored on
    both evaluation sets: the labelled pairs and the exhaustive alignment.

    The default pair scorer was fitted on the alignment, so its row there is optimistic; the
    cross-validated rows score each pair of documents with a model fitted without its labels
    (on the other pairs' labels, or, stricter, only on pairs involving neither of its plans).
    With ``embeddings`` (:mod:`kehoach_lib.embed`), two more rows score the scorer that also
    reads them, cross-validated the same two ways.
    """
    lab = _labelled_candidates(tasks, None, embeddings=embeddings,
                               **{k: v for k, v in params.items() if k in _VECTOR_DEFAULTS})
    cv = {"probability": params.get("probability", DEFAULT_PROBABILITY), "C": DEFAULT_C, "features": FEATURES,
          "top_terms": params.get("top_terms", DEFAULT_TOP_TERMS)}
    settings = [
        ("given settings" if params else "default settings (scorer fitted on this alignment)",
         match_tasks(tasks, **params)),
        ("scorer, cross-validated by document pair", _cross_validated(lab, hold_out="pair", **cv)),
        ("scorer, cross-validated, no label of either plan", _cross_validated(lab, hold_out="plans", **cv)),
    ]
    if embeddings is not None:
        with_emb = {**cv, "features": (*FEATURES, EMBEDDING)}
        settings += [
            ("scorer + embeddings, cross-validated by document pair",
             _cross_validated(lab, hold_out="pair", **with_emb)),
            ("scorer + embeddings, cross-validated, no label of either plan",
             _cross_validated(lab, hold_out="plans", **with_emb)),
        ]
    settings += [
        ("cosine, best counterpart (policy best)", match_tasks(tasks, policy="best")),
        ("plain syllable TF-IDF", baseline_matching(tasks)),
    ]
    rows = {}
    for name, matches in settings:
        pairs = evaluate_matching(tasks, matches=matches)
        aligned = evaluate_alignment(tasks, matches=matches).iloc[-1]
        rows[name] = {("labelled pairs", k): pairs[k] for k in ("precision", "recall", "f1")}
        rows[name] |= {("alignment", k): aligned[k] for k in ("precision", "recall", "f1")}
    return pd.DataFrame.from_dict(rows, orient="index")


def baseline_matching(tasks: pd.DataFrame, *, threshold: float = 0.3) -> pd.DataFrame:
    """The naive baseline: plain syllable TF-IDF, every cross-document pair above a threshold."""
    return match_tasks(tasks, threshold=threshold, policy="all", ngram_range=(1, 1),
                       analyzer=syllables, compare_kinds=(("objective", "task", "duty"),),
                       top_k=10**6, concepts=False, section_weight=0.0)
