"""Shared fixtures: the bundled seed corpus, loaded once per test session."""

from __future__ import annotations

import pytest

from kehoach_lib import load_corpus


@pytest.fixture(scope="session")
def corpus():
    """The bundled corpus as a list of Documents, in manifest order."""
    return load_corpus()


@pytest.fixture(scope="session")
def docs(corpus):
    """The bundled corpus keyed by doc_id."""
    return {d.doc_id: d for d in corpus}


@pytest.fixture(scope="session")
def tasks(corpus):
    """The task table of the bundled corpus (kehoach_lib.parse.extract_corpus)."""
    from kehoach_lib.parse import extract_corpus

    return extract_corpus(corpus)
