"""Cache: tokenised text, parsed task tables and match tables on disk; parallel tokenisation.

Each text's tokens are stored under ``sha256(settings fingerprint + text)`` in a small
SQLite database (stdlib, safe for concurrent readers, one file to delete). The fingerprint
covers the abbreviation table, lexicon, stop-words and the underthesea version, so a change
of settings misses exactly the texts it affects, and an unchanged corpus is never
tokenised twice. A document's task table is stored under the hash of the whole document
(text, metadata, hints) and of the parser's source code, so editing the document or the
parser re-parses exactly what changed. A match table is stored under the hash of the tasks,
the parameters, the matching code and the settings. The folder is the ``cache_dir`` given,
or ``$KEHOACH_CACHE_DIR``, or the user's cache folder; deleting it is always safe.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from . import config

#: Texts per parallel work unit (underthesea takes ~1 s to import in each worker).
DEFAULT_CHUNK = 400
DB_NAME = "tokens.sqlite"
#: Match tables kept in the cache (newest first).
MATCH_CACHE_ENTRIES = 8
#: Modules whose code decides a task table (their source is part of the cache key).
PARSER_MODULES = ("parse.py", "deadlines.py", "load.py", "formats.py", "aligned.py", "stacked.py", "spaced.py",
                  "agencies.py", "metadata.py", "text.py")
#: Editable data files (in ``data/``) the parser reads (their content is part of the cache key).
PARSER_DATA = ("lead_verbs.txt", "agency_aliases.csv", "person_titles.txt", "note_columns.txt")
#: Modules whose code decides a match table (their source is part of the cache key).
MATCH_MODULES = ("match.py", "scorer.py", "similarity.py", "text.py", "agencies.py")
#: Task-table columns a match table depends on.
MATCH_INPUT_COLUMNS = ("task_id", "doc_id", "province", "kind", "section", "text", "lead")


def default_cache_dir() -> Path:
    """``$KEHOACH_CACHE_DIR``, else the user cache folder (``platformdirs``) under ``kehoach``."""
    env = os.environ.get("KEHOACH_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kehoach"))


def resolve_cache_dir(cache_dir: str | Path | None = None) -> Path:
    """The folder given, else :func:`default_cache_dir`."""
    return Path(cache_dir) if cache_dir else default_cache_dir()


@lru_cache(maxsize=4)
def source_fingerprint(modules: tuple[str, ...]) -> str:
    """Hash of these modules' source code and the pandas version (a code change misses)."""
    import pandas as pd

    h = hashlib.sha256(pd.__version__.encode())
    for name in modules:
        h.update((Path(__file__).parent / name).read_bytes())
    return h.hexdigest()


def _key(fingerprint: str, text: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{text}".encode()).hexdigest()


def _connect(cache_dir: Path) -> sqlite3.Connection:
    cache_dir.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(cache_dir / DB_NAME, timeout=30)
    for table in ("tokens", "tasks", "warnings"):
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    return con


def _tokenize_chunk(tokenizer: Callable[[str], list[str]], texts: list[str]) -> list[list[str]]:
    return [list(tokenizer(t)) for t in texts]


def tokenize_many(texts: Sequence[str], *, tokenizer: Callable[[str], list[str]], n_jobs: int = 1,
                  chunk: int = DEFAULT_CHUNK, progress: bool = False) -> list[list[str]]:
    """Tokens of every text, in order; in parallel over chunks when ``n_jobs`` > 1."""
    texts = list(texts)
    if n_jobs == 1 or len(texts) <= chunk:
        from tqdm import tqdm

        return [list(tokenizer(t)) for t in tqdm(texts, disable=not progress, desc="tokenise")]
    from joblib import Parallel, delayed

    parts = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
    results = Parallel(n_jobs=n_jobs, backend="loky", verbose=10 if progress else 0)(
        delayed(_tokenize_chunk)(tokenizer, part) for part in parts)
    # stop the worker processes now, rather than leaving loky to clean up at interpreter exit
    # (which prints "leaked semlock" warnings)
    from joblib.externals.loky import get_reusable_executor

    get_reusable_executor().shutdown(wait=True)
    return [tokens for part in results for tokens in part]


def cached_tokenize(texts: Sequence[str], *, tokenizer: Callable[[str], list[str]], fingerprint: str,
                    cache_dir: str | Path | None = None, n_jobs: int = 1,
                    progress: bool = False) -> list[list[str]]:
    """Tokens of every text, from the cache where present; only missing texts are tokenised."""
    cache_dir = resolve_cache_dir(cache_dir)
    keys = [_key(fingerprint, t) for t in texts]
    found: dict[str, list[str]] = {}
    try:
        con = _connect(cache_dir)
    except (sqlite3.Error, OSError):  # an unwritable cache must not stop the analysis
        return tokenize_many(texts, tokenizer=tokenizer, n_jobs=n_jobs, progress=progress)
    with con:
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 900):
            batch = unique[start : start + 900]
            marks = ",".join("?" * len(batch))
            for key, value in con.execute(f"SELECT key, value FROM tokens WHERE key IN ({marks})", batch):
                found[key] = json.loads(value)
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
        if missing:
            fresh = tokenize_many(list(missing.values()), tokenizer=tokenizer, n_jobs=n_jobs,
                                  progress=progress)
            rows = [(k, json.dumps(v, ensure_ascii=False)) for k, v in zip(missing, fresh, strict=True)]
            con.executemany("INSERT OR REPLACE INTO tokens (key, value) VALUES (?, ?)", rows)
            found.update(dict(zip(missing, fresh, strict=True)))
    con.close()
    return [list(found[k]) for k in keys]


def clear_cache(cache_dir: str | Path | None = None) -> None:
    """Delete the cached tokens, task tables and match tables (rebuilt on demand)."""
    folder = resolve_cache_dir(cache_dir)
    if (folder / DB_NAME).exists():
        (folder / DB_NAME).unlink()
    for path in (folder / "matches").glob("*.pkl") if (folder / "matches").is_dir() else ():
        path.unlink()


def parser_fingerprint() -> str:
    """Hash of the parser's source code, the editable data files it reads and the pandas
    version (a change to any re-parses)."""
    h = hashlib.sha256(source_fingerprint(PARSER_MODULES).encode())
    for name in PARSER_DATA:
        h.update((config.DATA_DIR / name).read_bytes())
    return h.hexdigest()


def document_key(doc) -> str:
    """Hash of everything a document's task table depends on."""
    fields = dataclasses.asdict(doc)
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{parser_fingerprint()}\0{payload}".encode()).hexdigest()


def cached_extract(docs: Sequence, *, extract: Callable, cache_dir: str | Path | None = None) -> list:
    """``[extract(doc) for doc in docs]`` (task tables), from the cache where present."""
    import pandas as pd

    def load(value: str):
        stored = json.loads(value)
        return pd.DataFrame(stored["data"], columns=stored["columns"])

    def dump(table) -> str:
        return json.dumps({"columns": list(table.columns), "data": table.to_dict(orient="list")}, ensure_ascii=False)

    return _per_document(docs, "tasks", extract, dump=dump, load=load, cache_dir=cache_dir)


def cached_document_warnings(docs: Sequence, *, warn: Callable, cache_dir: str | Path | None = None) -> list:
    """``[warn(doc) for doc in docs]`` (lists of warnings, which take a parse to find), from the
    cache where present: the commands after ``extract`` repeat them without parsing again."""
    return _per_document(docs, "warnings", warn, dump=lambda w: json.dumps(list(w), ensure_ascii=False),
                         load=json.loads, cache_dir=cache_dir)


def _per_document(docs: Sequence, table: str, compute: Callable, *, dump: Callable, load: Callable,
                  cache_dir: str | Path | None) -> list:
    """``[compute(doc) for doc in docs]``, each kept in the cache's ``table`` under
    :func:`document_key` (computed and stored where missing)."""
    docs = list(docs)
    cache_dir = resolve_cache_dir(cache_dir)
    try:
        con = _connect(cache_dir)
    except (sqlite3.Error, OSError):
        return [compute(d) for d in docs]
    out = []
    with con:
        for doc in docs:
            key = document_key(doc)
            row = con.execute(f"SELECT value FROM {table} WHERE key = ?", (key,)).fetchone()  # noqa: S608
            if row is None:
                value = compute(doc)
                con.execute(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", (key, dump(value)))  # noqa: S608
            else:
                value = load(row[0])
            out.append(value)
    con.close()
    return out


def matches_key(tasks, params: dict, fingerprint: str) -> str:
    """Hash of a task table's matching inputs, the matching parameters and code, and settings."""
    code = source_fingerprint(MATCH_MODULES)
    h = hashlib.sha256(f"{fingerprint}\0{code}\0{sorted(params.items())!r}".encode())
    for col in MATCH_INPUT_COLUMNS:  # a column the table lacks (e.g. no "lead") hashes as absent
        h.update("\0".join(tasks[col].astype(str)).encode() if col in tasks else b"\2")
        h.update(b"\1")
    return h.hexdigest()


def cached_matches(tasks, *, compute: Callable, params: dict, fingerprint: str,
                   cache_dir: str | Path | None = None):
    """``compute()`` (a match table), or the table stored for the same inputs and settings.

    Stored as a pickle file in the cache folder, written by this process only (never load
    pickles from elsewhere); at most :data:`MATCH_CACHE_ENTRIES` are kept, newest first.
    """
    import pandas as pd

    folder = resolve_cache_dir(cache_dir) / "matches"
    path = folder / f"{matches_key(tasks, params, fingerprint)}.pkl"
    if path.exists():
        try:
            return pd.read_pickle(path)
        except Exception:  # noqa: BLE001 - a damaged entry is recomputed
            path.unlink(missing_ok=True)
    table = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        table.to_pickle(tmp)
        tmp.replace(path)
        old = sorted(folder.glob("*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[MATCH_CACHE_ENTRIES:]:
            stale.unlink(missing_ok=True)
    except OSError:  # an unwritable cache must not stop the analysis
        pass
    return table
