"""kehoach benchmark: speed as ratios against the obvious alternative, in one run.

    make bench      # or: .venv/bin/python benchmarks/run.py --out benchmarks/results.csv

Measures, on a synthetic national-scale corpus made from the seed tasks (63 provinces × 300
tasks by default, see synthetic.py):
  1. tokenisation throughput: plain underthesea word_tokenize vs this toolkit cold (serial
     and parallel) and warm (cached);
  2. matching time and peak memory: sparse top-k (sparse_dot_topn and chunked scipy) vs
     scikit-learn's dense cosine_similarity, each in a fresh process;
  3. `kehoach report` end to end on the bundled corpus;
  4. `kehoach match --corpus DIR` on a folder of a few hundred synthetic plans, first run
     (cold cache) vs second run (warm).
Prints a table and writes it as CSV. Not part of the tests.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

CHILD = r"""
import resource, sys, time
import numpy as np, scipy.sparse as sp
from sklearn.metrics.pairwise import cosine_similarity
from kehoach_lib.similarity import topk_cosine
import sparse_dot_topn
x = sp.load_npz(sys.argv[1]); method = sys.argv[2]
t = time.perf_counter()
if method == "dense":
    s = cosine_similarity(x, dense_output=True)
    # what a matcher does next: the top 10 per row
    top = np.argpartition(-s, 10, axis=1)[:, :10]
else:
    s = topk_cosine(x, k=10, threshold=0.1, method=method, n_threads=2)
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

#: The whole of match_tasks (TF-IDF, candidates, policy, shared terms) on a pickled task table.
CHILD_MATCH = r"""
import resource, sys, time
import pandas as pd
from kehoach_lib.match import match_tasks
tasks = pd.read_pickle(sys.argv[1])
t = time.perf_counter()
m = match_tasks(tasks, cache_dir=sys.argv[2])
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(m))
"""


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def run_child(*args: str, code: str = CHILD) -> tuple[float, float, list[str]]:
    """Seconds, peak MB and whatever else the child printed."""
    out = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    seconds, kb, *rest = out.stdout.split()
    return float(seconds), int(kb) / 1024, rest


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(HERE / "results.csv"))
    ap.add_argument("--provinces", type=int, default=63)
    ap.add_argument("--tasks-per-province", type=int, default=300)
    ap.add_argument("--tokenise", type=int, default=0, help="texts in the tokenisation runs (0 = all)")
    ap.add_argument("--plans", type=int, default=300, help="plans in the folder for `kehoach match`")
    ap.add_argument("--skip", nargs="*", default=[], choices=["tokenise", "match", "report", "folder"])
    args = ap.parse_args()

    from synthetic import synthetic_tasks, write_plans
    from underthesea import word_tokenize

    from kehoach_lib.cache import cached_tokenize
    from kehoach_lib.match import TaskVectorizer
    from kehoach_lib.text import Tokenizer

    rows: list[dict] = []

    def add(step, variant, seconds, *, chars=None, peak_mb=None, note=""):
        rows.append({"step": step, "variant": variant, "seconds": round(seconds, 3),
                     "chars_per_s": round(chars / seconds) if chars else "",
                     "peak_mb": round(peak_mb) if peak_mb else "", "note": note})
        print(f"  {step:<12} {variant:<28} {seconds:8.2f} s", flush=True)

    tasks = synthetic_tasks(args.provinces, args.tasks_per_province)
    print(f"synthetic corpus: {len(tasks)} tasks in {tasks.doc_id.nunique()} provinces", flush=True)
    work = Path(tempfile.mkdtemp(prefix="kehoach-bench-"))

    if "tokenise" not in args.skip:
        texts = tasks.text.tolist()[: args.tokenise or None]
        chars = sum(map(len, texts))
        print(f"  ({len(texts)} texts, {len(set(texts))} distinct; the toolkit tokenises each distinct text once)")
        word_tokenize("khởi động")  # load the model once, outside the timings
        add("tokenise", "underthesea word_tokenize", timed(lambda: [word_tokenize(t) for t in texts])[0], chars=chars)
        tok = Tokenizer()
        fp = tok.fingerprint()
        serial, _ = timed(lambda: cached_tokenize(texts, tokenizer=tok, fingerprint=fp, cache_dir=work / "c1"))
        add("tokenise", "kehoach cold, serial", serial, chars=chars)
        parallel, _ = timed(lambda: cached_tokenize(texts, tokenizer=tok, fingerprint=fp,
                                                    cache_dir=work / "c2", n_jobs=2))
        add("tokenise", "kehoach cold, 2 processes", parallel, chars=chars, note=f"{serial / parallel:.2f}x serial")
        warm, _ = timed(lambda: cached_tokenize(texts, tokenizer=tok, fingerprint=fp, cache_dir=work / "c1"))
        add("tokenise", "kehoach warm (cached)", warm, chars=chars, note=f"{serial / warm:.0f}x cold")

    if "match" not in args.skip:
        cache = work / "c1" if "tokenise" not in args.skip else None
        t, x = timed(lambda: TaskVectorizer(section_weight=0, cache_dir=cache).fit_transform(tasks.text.tolist()))
        add("match", f"TF-IDF of {len(tasks)} tasks", t, note="tokens cached" if cache else "tokens cold")
        import scipy.sparse as sp

        npz = work / "x.npz"
        sp.save_npz(npz, x)
        results = {}
        for method in ("sparse_dot_topn", "chunked", "dense"):
            seconds, mb, _ = run_child(npz, method)
            results[method] = seconds
            add("match", {"dense": "sklearn dense cosine_similarity"}.get(method, f"top-k {method}"),
                seconds, peak_mb=mb)
        rows[-3]["note"] = f"{results['chunked'] / results['sparse_dot_topn']:.1f}x faster than chunked"
        rows[-1]["note"] = f"{results['dense'] / results['sparse_dot_topn']:.1f}x the time of sparse_dot_topn"
        pkl = work / "tasks.pkl"
        tasks.to_pickle(pkl)
        cache = work / "c1" if "tokenise" not in args.skip else work / "match-cache"
        seconds, mb, (pairs,) = run_child(pkl, cache, code=CHILD_MATCH)
        add("match", f"match_tasks, {len(tasks)} tasks", seconds, peak_mb=mb,
            note=f"{pairs} pairs; whole matching step, "
            + ("tokens cached" if "tokenise" not in args.skip else "cold tokens"))

    if "report" not in args.skip:
        env = {**os.environ, "KEHOACH_CACHE_DIR": str(work / "report-cache")}
        kehoach = str(Path(sys.executable).with_name("kehoach"))
        t, _ = timed(lambda: subprocess.run([kehoach, "report", "--out", str(work / "reports"), "--quiet"],
                                            check=True, capture_output=True, env=env, cwd=ROOT))
        add("report", "kehoach report, seed corpus", t, note="cold cache")

    if "folder" not in args.skip:
        folder = write_plans(work / "plans", plans=args.plans)
        env = {**os.environ, "KEHOACH_CACHE_DIR": str(work / "folder-cache")}
        kehoach = str(Path(sys.executable).with_name("kehoach"))

        def run_match():
            subprocess.run([kehoach, "match", "--corpus", str(folder), "--out", str(work / "m.csv")],
                           check=True, capture_output=True, env=env, cwd=ROOT)

        first, _ = timed(run_match)
        add("folder", f"kehoach match, {args.plans} plans, 1st", first)
        second, _ = timed(run_match)
        add("folder", f"kehoach match, {args.plans} plans, 2nd", second, note=f"{first / second:.1f}x faster")

    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    from tabulate import tabulate

    print()
    print(tabulate(rows, headers="keys", tablefmt="github"))
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
