"""Text: Vietnamese normalisation and tokenisation for matching.

A pipeline of small swappable steps, in the spirit of scikit-learn's text vectorizers:

    normalize_text  NFC -> markup, quotes and bullets stripped -> one tone-mark convention
    correct_spelling  Công dịch vụ công -> Cổng dịch vụ công (the plans' known misspellings)
    expand_abbreviations  TTHC -> thủ tục hành chính (table + the document's own definitions)
    tokenize        lexicon phrases kept whole -> underthesea ``word_tokenize`` for the rest
                    -> lowercase words joined by "_" -> punctuation and stop-words dropped

:func:`tokenize` is usable directly as a scikit-learn ``analyzer``. Domain knowledge lives
in editable files under ``kehoach_lib/data/`` (``abbreviations.csv``, ``lexicon.txt``,
``stopwords.txt``, ``spelling.csv``); :class:`Tokenizer` takes other tables, and :func:`tokenizer_fingerprint`
identifies a configuration (for caches).

Lexicon handling is done here and never through underthesea's ``fixed_words``: in
underthesea 9.5.0 that option leaks the words into every later call in the process and
treats them as unescaped regular expressions.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import config

ABBREVIATIONS_FILE = config.DATA_DIR / "abbreviations.csv"
LEXICON_FILE = config.DATA_DIR / "lexicon.txt"
STOPWORDS_FILE = config.DATA_DIR / "stopwords.txt"
SPELLING_FILE = config.DATA_DIR / "spelling.csv"

# --- normalisation -------------------------------------------------------------------------
_TAGS = re.compile(r"<[^>]+>")
_BOLD = re.compile(r"\*\*")
_QUOTES = re.compile(r"[\"“”‘’«»„`]")
_BULLET = re.compile(r"(?m)^\s*[-+•·]\s*")
_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070-\u2079"  # footnote marks: ¹ ² ³ ⁰ ⁴ … ⁹
_FOOTNOTES = re.compile(rf"\[\d+\]|[{_SUPERSCRIPTS}]")
#: What :func:`remove_markup` drops: bold markers, HTML tags, footnote superscripts.
_MARKUP = re.compile(rf"\*\*|<[^>]+>|[{_SUPERSCRIPTS}]")
_SPACE = re.compile(r"\s+")
# an open syllable ending in oa/oe/uy with the tone mark on its last vowel: hoá, khoẻ, thuỷ
_OLD_TONE = re.compile(
    r"(?i)\b([^\W\d_]*?)([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\w\u0300-\u036f])"
)


#: A line break inside a table's cell: "Sở Nội vụ<br>Văn phòng UBND tỉnh" (Markdown, HTML).
_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)


def replace_line_breaks(text: str) -> str:
    """A cell's line breaks (``<br>``) as the text means them: ``; `` before an agency's name
    (``Sở Nội vụ<br>Văn phòng UBND tỉnh`` -> ``Sở Nội vụ; Văn phòng UBND tỉnh``), a space where the
    text goes on (``Rà soát quy định<br>TTHC của tỉnh``, ``trực tuyến<br>(phí, lệ phí)``)."""
    if "<" not in text:
        return text
    from .agencies import AGENCY_START  # (agencies reads this module's tone marks)

    def as_meant(m: re.Match) -> str:
        before = m.string[: m.start()].rstrip()
        return "; " if before and before[-1] not in ",;:" and AGENCY_START.match(m.string, m.end()) else " "

    return _LINE_BREAK.sub(as_meant, text)


def remove_markup(text: str) -> str:
    """Bold markers, HTML tags and footnote superscripts removed, and nothing else: the words,
    quotes, bullets and punctuation stay where they are, as the parser's and the date rules'
    patterns read them (``**trước ngày 30/4**¹`` -> ``trước ngày 30/4``). For matching,
    :func:`strip_markup` removes more."""
    return _MARKUP.sub("", text)


def strip_markup(text: str) -> str:
    """HTML tags (as spaces), bold markers, footnote marks (``¹``, ``[2]``), quotes and list
    bullets removed: the text as the tokenizer should see it."""
    text = _TAGS.sub(" ", text)
    text = _BOLD.sub("", text)
    text = _FOOTNOTES.sub("", text)
    text = _QUOTES.sub(" ", text)
    return _BULLET.sub("", text)


def _move_tone(m: re.Match) -> str:
    onset, first, second, tone = m.groups()
    if first in "uU" and onset.lower().endswith("q"):
        return m.group(0)  # "quý": u belongs to the onset, the tone stays on y
    if first in "oO" and second in "yY":
        return m.group(0)
    return onset + first + tone + second


def normalize_tone_marks(text: str) -> str:
    """One tone-mark convention: ``hoá``→``hóa``, ``uỷ``→``ủy``, ``thuỷ``→``thủy``.

    Only open syllables change; ``hoạch``, ``hoàn``, ``quý`` stay as they are.
    """
    decomposed = unicodedata.normalize("NFD", text)
    # NFD puts the vowel's own diacritic (circumflex, breve, horn) before the tone mark
    moved = _OLD_TONE.sub(_move_tone, decomposed)
    return unicodedata.normalize("NFC", moved)


#: Document numbers (``66/NQ-CP``, ``61/2018/NĐ-CP``, ``127-KL/TW``) and dates carry no topic.
_DOC_NUMBER = re.compile(r"\b\d+(?:/\d{4})?[/-][A-ZĐ]+(?:[-/][A-ZĐa-z&]+)*\b|\b\d{1,2}/\d{1,2}/\d{4}\b")


def strip_document_numbers(text: str) -> str:
    """Remove document numbers and dates, which name documents rather than topics."""
    return _DOC_NUMBER.sub(" ", text)


def normalize_text(text: str) -> str:
    """NFC, markup stripped, one tone-mark convention, whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    text = strip_markup(text)
    text = normalize_tone_marks(text)
    return _SPACE.sub(" ", text).strip()


# --- abbreviations -------------------------------------------------------------------------
_DEFINITION = re.compile(r"((?:[^\W\d_]+[\s,]+){1,8}?)\(\s*([A-ZĐ][A-ZĐ&]{1,9})\s*\)")


def _initial(word: str) -> str:
    return unicodedata.normalize("NFD", word)[0].upper().replace("Đ", "Đ")


def document_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a document defines itself: ``thủ tục hành chính (TTHC)``.

    A definition counts when the abbreviation's letters are, in order, initials of the
    words just before the parenthesis (the first letter on the first word), so
    ``điều kiện đầu tư kinh doanh (ĐKKD)`` is found and ``(Bộ Chỉ số …)`` is not.
    """
    found: dict[str, str] = {}
    for abbr, expansion, _ in _definitions(unicodedata.normalize("NFC", text)):
        found.setdefault(abbr, expansion)
    return found


def drop_definitions(text: str) -> str:
    """The parentheses that define an abbreviation removed, the words they define kept:
    ``thủ tục hành chính (TTHC) nội bộ`` -> ``thủ tục hành chính nội bộ``. Expanded, the
    abbreviation would say its words twice and cut the phrase they begin in two."""
    return _without_spans(text, [span for _, _, span in _definitions(text)])


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in reversed(spans):
        text = text[:start].rstrip() + (" " if end < len(text) and text[end].isalnum() else "") + text[end:]
    return text


def _definitions(text: str):
    """(abbreviation, its words in lower case, the span of its parentheses with the space before)
    of each definition of ``text`` (:func:`document_abbreviations`)."""
    for m in _DEFINITION.finditer(text):
        words = re.findall(r"[^\W\d_]+", m.group(1))
        abbr = m.group(2)
        letters = [c for c in abbr if c != "&"]
        for start in range(len(words) - 1, -1, -1):
            cand = words[start:]
            initials = [_initial(w) for w in cand]
            if initials[0] != _initial(letters[0]) or len(cand) < len(letters):
                continue
            if _is_subsequence([_initial(c) for c in letters], initials) and \
                    initials[-1] == _initial(letters[-1]):
                yield abbr, " ".join(cand).lower(), (m.end(1), m.end())
                break


def _is_subsequence(needle: list[str], hay: list[str]) -> bool:
    it = iter(hay)
    return all(any(c == h for h in it) for c in needle)


def expand_abbreviations(text: str, table: dict[str, str]) -> str:
    """Replace whole-word abbreviations by their expansions (longest first)."""
    if not table:
        return text
    keys = tuple(sorted(table, key=len, reverse=True))
    # two abbreviations joined by a slash ("nhóm TTHC/TTHC") are two words
    text = _abbreviation_pair_regex(keys).sub(lambda m: m.group(0).replace("/", " / "), text)
    return _abbreviation_regex(keys).sub(lambda m: table[m.group(1)], text)


def _abbreviation_pattern(keys: tuple[str, ...]) -> str:
    alternation = "|".join(re.escape(k) for k in keys)
    # not inside a document number such as 66/NQ-CP or 3995/UBND-NC
    return rf"(?<![\w/&-])({alternation})(?![\w&]|-[A-ZĐ])"


@lru_cache(maxsize=32)
def _abbreviation_regex(keys: tuple[str, ...]) -> re.Pattern:
    return re.compile(_abbreviation_pattern(keys))


@lru_cache(maxsize=32)
def _abbreviation_pair_regex(keys: tuple[str, ...]) -> re.Pattern:
    # abbreviations joined by slashes, as a whole ("TTHC/TTHC"); not inside a document number
    alternation = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"(?<![\w/&-])(?:{alternation})(?:/(?:{alternation}))+(?![\w&/]|-[A-ZĐ])")


def correct_spelling(text: str, table: dict[str, str]) -> str:
    """Replace the whole-word, case-insensitive misspellings of ``table`` (normalised, lowercase
    keys) by their corrections, keeping a capital first letter."""
    if not table:
        return text
    rx = _spelling_regex(tuple(sorted(table, key=len, reverse=True)))

    def fix(m: re.Match) -> str:
        # case-insensitive matching admits case variants that lower() maps elsewhere (İ, ı):
        # those are left as written
        new = table.get(_SPACE.sub(" ", m.group(0).lower()))
        if new is None:
            return m.group(0)
        return new[:1].upper() + new[1:] if m.group(0)[:1].isupper() else new

    return rx.sub(fix, text)


@lru_cache(maxsize=8)
def _spelling_regex(keys: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


# --- data files -----------------------------------------------------------------------------
def _data_lines(path: Path) -> list[str]:
    return [ln.strip() for ln in config.data_lines(path)]


# each is read again when its file changes (config.reread_on_change)
@config.reread_on_change
def load_abbreviations(path: Path = ABBREVIATIONS_FILE) -> dict[str, str]:
    """Abbreviation -> expansion, from the editable ``abbreviations.csv``."""
    rows = config.data_rows(path)
    return {r["abbreviation"].strip(): r["expansion"].strip() for r in rows}


@config.reread_on_change
def load_lexicon(path: Path = LEXICON_FILE) -> tuple[str, ...]:
    """The phrases kept whole when tokenising (agency and programme names), from ``lexicon.txt``."""
    return tuple(normalize_text(ln).lower() for ln in _data_lines(Path(path)))


@config.reread_on_change
def load_stopwords(path: Path = STOPWORDS_FILE) -> frozenset[str]:
    """The words left out of matching (boilerplate verbs, function words), from ``stopwords.txt``."""
    return frozenset(normalize_text(ln).lower() for ln in _data_lines(Path(path)))


@config.reread_on_change
def load_spelling(path: Path = SPELLING_FILE) -> dict[str, str]:
    """Misspelling (normalised, lowercase) -> correction; a blank or repeated written form is an
    error naming the file."""
    out: dict[str, str] = {}
    for r in config.data_rows(path):
        written = _SPACE.sub(" ", normalize_text(r["written"] or "").lower()).strip()
        correct = normalize_text(r["correct"] or "").strip()
        if not written or not correct:
            raise ValueError(f"{path}: a row without its written form or correction: {r}")
        if out.get(written, correct) != correct:
            raise ValueError(f"{path}: {written!r} has two corrections, {out[written]!r} and {correct!r}")
        out[written] = correct
    return out


def _table_stamps() -> tuple:
    # the module's paths are read at call time, so a test can point them elsewhere
    return config.file_stamps(ABBREVIATIONS_FILE, LEXICON_FILE, STOPWORDS_FILE, SPELLING_FILE)


# --- tokenising -----------------------------------------------------------------------------
_PUNCT = re.compile(r"^[\W_]+$")
_NUMBER = re.compile(r"^[\d.,/%-]+$")


@lru_cache(maxsize=8)
def _lexicon_regex(lexicon: tuple[str, ...]) -> re.Pattern | None:
    if not lexicon:
        return None
    phrases = sorted(set(lexicon), key=len, reverse=True)
    alternation = "|".join(re.escape(p).replace(r"\ ", r"[\s,]+") for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def _underthesea_words(text: str) -> list[str]:
    from underthesea import word_tokenize  # imported lazily: ~1 s

    return word_tokenize(text)


@dataclass(frozen=True)
class Tokenizer:
    """A configured tokenizer: ``Tokenizer()(text) -> list[str]``.

    ``abbreviations`` maps abbreviations to expansions; ``lexicon`` lists phrases kept as
    one token; ``stopwords`` lists tokens dropped (``_``-joined, lowercase); ``spelling``
    maps misspellings (lowercase) to corrections. ``numbers``
    keeps numeric tokens such as ``100%``; ``use_document_abbreviations`` adds the
    definitions found in the text being tokenised.
    """

    abbreviations: tuple[tuple[str, str], ...] = field(
        default_factory=lambda: tuple(load_abbreviations(ABBREVIATIONS_FILE).items()))
    lexicon: tuple[str, ...] = field(default_factory=lambda: load_lexicon(LEXICON_FILE))
    stopwords: frozenset[str] = field(default_factory=lambda: load_stopwords(STOPWORDS_FILE))
    spelling: tuple[tuple[str, str], ...] = field(default_factory=lambda: tuple(load_spelling(SPELLING_FILE).items()))
    numbers: bool = False
    use_document_abbreviations: bool = True

    def __post_init__(self):
        # tables may be given as dicts or lists; stored as tuples (hashable, fingerprinted whole)
        for name in ("abbreviations", "spelling"):
            value = getattr(self, name)
            object.__setattr__(self, name, tuple(tuple(p) for p in (value.items() if isinstance(value, dict)
                                                                    else value)))
        object.__setattr__(self, "lexicon", tuple(self.lexicon))
        object.__setattr__(self, "stopwords", frozenset(self.stopwords))

    def __call__(self, text: str, *, extra_abbreviations: dict[str, str] | None = None) -> list[str]:
        return self.tokenize(text, extra_abbreviations=extra_abbreviations)

    def tokenize(self, text: str, *, extra_abbreviations: dict[str, str] | None = None) -> list[str]:
        text = correct_spelling(strip_document_numbers(normalize_text(text)), dict(self.spelling))
        table = dict(self.abbreviations)
        defined = list(_definitions(text))  # (the text is NFC already) read once for both uses:
        if self.use_document_abbreviations:  # the abbreviations it defines (the first definition wins) ...
            table.update({abbr: words for abbr, words, _ in reversed(defined)})
        text = _without_spans(text, [span for _, _, span in defined])  # ... and its definitions' brackets
        if extra_abbreviations:
            table.update(extra_abbreviations)
        text = expand_abbreviations(text, table)
        tokens: list[str] = []
        rx = _lexicon_regex(self.lexicon)
        pos = 0
        for m in rx.finditer(text) if rx else ():
            tokens += self._words(text[pos : m.start()])
            tokens.append(_join_words(re.split(r"[\s,]+", m.group(0).lower())))
            pos = m.end()
        tokens += self._words(text[pos:])
        return [t for t in tokens if t not in self.stopwords]

    def _words(self, chunk: str) -> list[str]:
        if not chunk.strip():
            return []
        out = []
        for word in _underthesea_words(chunk):
            word = word.lower()
            if _PUNCT.match(word) or (not self.numbers and _NUMBER.match(word)):
                continue
            out.append(_join_words(word.split()))
        return out

    def fingerprint(self) -> str:
        """A hash of this configuration and the underthesea version (for caches)."""
        import underthesea

        h = hashlib.sha256()
        # "kehoach-text-N": raised whenever a change to this module's code changes the tokens
        for part in (
            repr(sorted(self.abbreviations)), repr(sorted(self.lexicon)),
            repr(sorted(self.stopwords)), repr(sorted(self.spelling)), repr(self.numbers),
            repr(self.use_document_abbreviations), underthesea.__version__, "kehoach-text-2",
        ):
            h.update(part.encode("utf-8"))
        return h.hexdigest()[:16]


def _join_words(parts: list[str]) -> str:
    return "_".join(p for p in parts if p)


def default_tokenizer() -> Tokenizer:
    """The tokenizer with the current data files (a new one after any of them is edited)."""
    return _default_tokenizer(_table_stamps())


@lru_cache(maxsize=2)
def _default_tokenizer(stamps: tuple) -> Tokenizer:
    return Tokenizer()


def tokenize(text: str) -> list[str]:
    """Tokens of ``text`` with the default tables (a scikit-learn ``analyzer``)."""
    return list(_tokenize_default(_table_stamps(), text))


@lru_cache(maxsize=1 << 16)
def _tokenize_default(stamps: tuple, text: str) -> tuple[str, ...]:
    # memoised within the process: the same task texts are tokenised by matching,
    # coverage and attribution; the on-disk cache (kehoach_lib.cache) spans processes
    return tuple(_default_tokenizer(stamps)(text))


def tokenizer_fingerprint(tokenizer: Tokenizer | None = None) -> str:
    """Identifies a tokenizer configuration, for cache keys."""
    return (tokenizer or default_tokenizer()).fingerprint()


def syllables(text: str) -> list[str]:
    """Plain lowercase syllables: the naive baseline analyzer (no normalisation, no lexicon)."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower())
