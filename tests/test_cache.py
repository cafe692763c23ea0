"""The token cache: same results cached or not, serial or parallel; settings changes miss."""

from __future__ import annotations

import dataclasses
import sqlite3

import pandas as pd

from kehoach_lib.cache import DB_NAME, cached_extract, cached_tokenize, clear_cache, tokenize_many
from kehoach_lib.text import Tokenizer, tokenize, tokenizer_fingerprint


def counting(calls):
    def tok(text):
        calls.append(text)
        return tokenize(text)
    return tok


def test_cached_equals_uncached_and_warm_run_tokenises_nothing(tmp_path, tasks):
    texts = tasks.text.tolist()[:60]
    fp = tokenizer_fingerprint()
    calls: list[str] = []
    cold = cached_tokenize(texts, tokenizer=counting(calls), fingerprint=fp, cache_dir=tmp_path)
    assert cold == [tokenize(t) for t in texts]
    assert len(calls) == len(set(texts))
    calls.clear()
    warm = cached_tokenize(texts, tokenizer=counting(calls), fingerprint=fp, cache_dir=tmp_path)
    assert warm == cold and calls == []


def test_a_settings_change_invalidates_exactly_what_it_affects(tmp_path):
    texts = ["số hoá hồ sơ TTHC", "tập huấn nghiệp vụ"]
    fp = tokenizer_fingerprint()
    cached_tokenize(texts, tokenizer=tokenize, fingerprint=fp, cache_dir=tmp_path)
    other = Tokenizer(stopwords=frozenset())
    assert other.fingerprint() != fp
    calls: list[str] = []

    def tok(text):
        calls.append(text)
        return other(text)

    result = cached_tokenize(texts, tokenizer=tok, fingerprint=other.fingerprint(), cache_dir=tmp_path)
    assert calls == texts and result == [other(t) for t in texts]
    calls.clear()
    cached_tokenize(texts + ["một cửa"], tokenizer=tok, fingerprint=other.fingerprint(), cache_dir=tmp_path)
    assert calls == ["một cửa"]  # only the new text


def test_parallel_equals_serial(tasks):
    texts = tasks.text.tolist()[:80]
    serial = tokenize_many(texts, tokenizer=tokenize, n_jobs=1)
    parallel = tokenize_many(texts, tokenizer=tokenize, n_jobs=2, chunk=20)
    assert parallel == serial


def test_cache_is_safe_to_delete(tmp_path):
    cached_tokenize(["một cửa"], tokenizer=tokenize, fingerprint="f", cache_dir=tmp_path)
    with sqlite3.connect(tmp_path / DB_NAME) as con:
        assert con.execute("select count(*) from tokens").fetchone()[0] == 1
    clear_cache(tmp_path)
    assert not (tmp_path / DB_NAME).exists()
    cached = cached_tokenize(["một cửa"], tokenizer=tokenize, fingerprint="f", cache_dir=tmp_path)
    assert cached == [tokenize("một cửa")]


# --- parsed documents -----------------------------------------------------------------------------
def test_parsed_task_tables_are_cached_and_identical(tmp_path, corpus, tasks):
    from kehoach_lib.parse import extract_corpus, extract_tasks

    parsed: list[str] = []

    def counting_extract(doc):
        parsed.append(doc.doc_id)
        return extract_tasks(doc)

    cold = cached_extract(corpus, extract=counting_extract, cache_dir=tmp_path)
    assert len(parsed) == len(corpus)
    parsed.clear()
    warm = cached_extract(corpus, extract=counting_extract, cache_dir=tmp_path)
    assert parsed == []
    assert [list(w.task_id) for w in warm] == [list(c.task_id) for c in cold]
    pd.testing.assert_frame_equal(extract_corpus(corpus, cache=True, cache_dir=tmp_path), tasks)


def test_an_edited_document_or_parser_is_parsed_again(tmp_path, corpus, monkeypatch):
    import kehoach_lib.cache as cache
    from kehoach_lib.parse import extract_tasks

    parsed: list[str] = []

    def counting_extract(doc):
        parsed.append(doc.doc_id)
        return extract_tasks(doc)

    cached_extract(corpus, extract=counting_extract, cache_dir=tmp_path)
    parsed.clear()
    first = corpus[0]
    edited = dataclasses.replace(first, lines=first.lines + ("c) Một nhiệm vụ mới thêm vào.",))
    cached_extract([edited, *corpus[1:]], extract=counting_extract, cache_dir=tmp_path)
    assert parsed == [first.doc_id]
    parsed.clear()
    monkeypatch.setattr(cache, "parser_fingerprint", lambda: "another parser")
    cached_extract(corpus, extract=counting_extract, cache_dir=tmp_path)
    assert parsed == [d.doc_id for d in corpus]


# --- match tables ---------------------------------------------------------------------------------
def test_match_tables_are_cached_and_any_change_recomputes(tmp_path, tasks, monkeypatch):
    import kehoach_lib.match as match

    computed: list[dict] = []
    real = match.match_tasks

    def counting(t, **params):
        computed.append(params)
        return real(t, **params)

    monkeypatch.setattr(match, "match_tasks", counting)
    cold = match.cached_match_tasks(tasks, cache_dir=tmp_path)
    warm = match.cached_match_tasks(tasks, cache_dir=tmp_path)
    assert len(computed) == 1
    pd.testing.assert_frame_equal(warm, cold)
    pd.testing.assert_frame_equal(cold, real(tasks, cache_dir=tmp_path))
    match.cached_match_tasks(tasks, cache_dir=tmp_path, probability=0.4)    # other parameters
    edited = tasks.assign(text=tasks.text.where(tasks.index != 0, tasks.text + " (sửa)"))
    match.cached_match_tasks(edited, cache_dir=tmp_path)                     # one task edited
    assert len(computed) == 3
    clear_cache(tmp_path)
    match.cached_match_tasks(tasks, cache_dir=tmp_path)
    assert len(computed) == 4


def test_an_edited_alias_table_gives_a_new_match_table_not_the_cached_one(tmp_path, tasks, monkeypatch):
    import kehoach_lib.agencies as agencies
    import kehoach_lib.match as match

    before = match.cached_match_tasks(tasks, cache_dir=tmp_path)
    copy = tmp_path / "aliases.csv"
    header = next(ln for ln in agencies.ALIASES_FILE.read_text(encoding="utf-8").splitlines()
                  if ln.startswith("canonical"))
    copy.write_text(header + "\n", encoding="utf-8")  # no agency known: 'same lead' changes
    monkeypatch.setattr(agencies, "ALIASES_FILE", copy)
    after = match.cached_match_tasks(tasks, cache_dir=tmp_path)
    pd.testing.assert_frame_equal(after, match.match_tasks(tasks, cache_dir=tmp_path))
    assert not after.equals(before)


def test_worker_processes_tokenise_with_this_process_tables(tmp_path, monkeypatch):
    # the workers import kehoach_lib afresh: they must get the tables, not re-read the defaults
    import kehoach_lib.text as text
    from kehoach_lib.text import default_tokenizer

    copy = tmp_path / "stopwords.txt"
    copy.write_text(text.STOPWORDS_FILE.read_text(encoding="utf-8") + "\nhồ_sơ\n", encoding="utf-8")
    monkeypatch.setattr(text, "STOPWORDS_FILE", copy)
    texts = ["số hoá hồ sơ"] * 6
    assert tokenize_many(texts, tokenizer=default_tokenizer(), n_jobs=2, chunk=2) == [["số_hóa"]] * 6


def test_large_inputs_send_the_tokenizer_to_the_workers(monkeypatch):
    import kehoach_lib.cache as cache
    import kehoach_lib.match as match
    from kehoach_lib.text import default_tokenizer

    seen = {}

    def capture(texts, *, tokenizer, n_jobs, **kw):
        seen.update(tokenizer=tokenizer, n_jobs=n_jobs)
        return [[] for _ in texts]

    monkeypatch.setattr(cache, "cached_tokenize", capture)
    match.tokenize_texts(["a"] * match.PARALLEL_MIN_TEXTS)
    assert seen == {"tokenizer": default_tokenizer(), "n_jobs": -1}
    match.tokenize_texts(["a"])
    assert seen == {"tokenizer": tokenize, "n_jobs": 1}


def test_document_warnings_are_cached_like_task_tables(tmp_path, corpus):
    from kehoach_lib.cache import cached_document_warnings
    from kehoach_lib.parse import document_warnings

    found: list[str] = []

    def counting(doc):
        found.append(doc.doc_id)
        return document_warnings(doc)

    cold = cached_document_warnings(corpus, warn=counting, cache_dir=tmp_path)
    warm = cached_document_warnings(corpus, warn=counting, cache_dir=tmp_path)
    assert warm == cold == [document_warnings(d) for d in corpus] and found == [d.doc_id for d in corpus]
    first = corpus[0]
    edited = dataclasses.replace(first, lines=first.lines + ("một dòng không ai hiểu",))
    again = cached_document_warnings([edited, *corpus[1:]], warn=counting, cache_dir=tmp_path)
    assert found[len(corpus):] == [first.doc_id] and again[0] == document_warnings(edited)


def test_every_module_and_data_file_the_parser_reads_is_part_of_the_key():
    """A change to any module the parse goes through (tables laid out with spaces or one cell a
    line, the agency names) or to a table it reads must re-parse."""
    import ast

    from kehoach_lib import cache, config

    tree = ast.parse((config.PACKAGE_DIR / "parse.py").read_text(encoding="utf-8"))
    imported = {f"{node.module}.py" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1
                and node.module}
    code = imported - {"cache.py"}  # (the cache itself)
    assert code <= set(cache.PARSER_MODULES), code - set(cache.PARSER_MODULES)
    assert {"lead_verbs.txt", "agency_aliases.csv"} <= set(cache.PARSER_DATA)
