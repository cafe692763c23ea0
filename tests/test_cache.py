"""The token cache: same results cached or not, serial or parallel; settings changes miss."""

from __future__ import annotations

import sqlite3

from kehoach_lib.cache import DB_NAME, cached_tokenize, clear_cache, tokenize_many
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
