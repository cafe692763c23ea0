"""Encodings: bytes -> NFC text, whatever encoding the source used, or a clear error.

UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL-byte pattern of ASCII-heavy text),
Windows-1258 (whose Vietnamese uses combining tone marks, so NFC matters) and decomposed
(NFD) Unicode all give the same NFC text; charset-normalizer is the last resort.

Text in the legacy Vietnamese font encodings (TCVN3/ABC, VNI) decodes without error but as
mojibake ("KÕ ho¹ch", "Keá hoaïch"). It is detected by its tell-tale characters and, by
default, converted with the table in ``data/legacy_fonts.csv`` (the caller records a
warning, see :func:`legacy_warning`); with ``legacy="error"`` it is refused with a message
saying what to do. It is never returned as mojibake without notice.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from . import config

#: What to do with legacy-font text: ``"convert"`` (to Unicode, with a warning) or ``"error"``.
LEGACY_POLICY = "convert"
LEGACY_POLICIES = ("convert", "error")
LEGACY_TABLE = "legacy_fonts.csv"
#: Characters examined when deciding whether a text is legacy-font mojibake.
SAMPLE_CHARS = 20_000
#: Fewer letters than this: too little text to call it legacy.
MIN_LETTERS = 50
#: ... or than this when the bytes are 8-bit (not valid UTF-8), where legacy text is expected.
MIN_LETTERS_8BIT = 10
#: At least this many legacy signs (one stray symbol is not a legacy document) ...
MIN_SIGNS = 2
#: ... and they must be at least this share of the letters ...
MIN_LEGACY_SHARE = 0.02
#: ... and outnumber the Unicode-only Vietnamese letters this many times.
LEGACY_OVER_UNICODE = 4
#: Share of NUL bytes in one byte position that marks UTF-16 without a BOM.
UTF16_NUL_SHARE = 0.4
#: Name :func:`decode` gives UTF-8 text with a few stray bytes that are not UTF-8 (a quote
#: pasted from a Windows program), which it reads as Windows-1258 instead of giving up on the
#: file's UTF-8; "a few": at least this many valid non-ASCII characters per stray byte (in
#: Windows-1258 text, where letters are single bytes and combining marks are not UTF-8 continuation
#: bytes, valid UTF-8 sequences hardly ever occur).
MIXED_UTF8 = "utf-8 with stray Windows-1258 bytes"
MIXED_UTF8_RATIO = 2

#: Letters only Unicode Vietnamese has (â, ê, ô, à, á ... also exist in Windows-1252).
_VIETNAMESE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
_STRAY = re.compile("[\udc80-\udcff]")
#: TCVN3 (ABC) read as a Windows code page: its toned vowels and đ, ơ, ư sit at bytes
#: 0xA9-0xB9, symbols that real text hardly uses.
#: Bytes 0x80-0x9F read as Latin-1 are control characters; in Windows-1252 (which legacy-font
#: documents typed in Word use for punctuation) they are “ ” – … • € and so on.
_C1_AS_CP1252 = {chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0)
                 if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_LETTER = re.compile(r"[^\W\d_]")
_TCVN3_SIGNS = re.compile(r"[©ª«¬®µ¶·¸¹]")
#: VNI read as Windows-1252: a vowel followed by a VNI tone byte, and "ñ" for "đ".
_VNI_SIGNS = re.compile(r"[aeiouyAEIOUY][øùûõïöØÙÛÕÏ]|[ñÑ][aeoiuôâêơưAEOIUÔ]")
_MARKS = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303",
          "dot": "\u0323", "circumflex": "\u0302", "breve": "\u0306"}
LEGACY_NAMES = {"TCVN3": "TCVN3 (ABC, .VnTime fonts)", "VNI": "VNI (VNI-Times fonts)"}


class EncodingProblem(ValueError):
    """Text that cannot be read as Unicode Vietnamese; the message says why and what to do."""


def legacy_tables() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """``{encoding: (letters, marks)}`` from ``data/legacy_fonts.csv`` (read again when it changes).

    ``letters`` maps a legacy character to a Unicode letter; ``marks`` (VNI) maps one to the
    combining marks it adds to the vowel before it.
    """
    return _legacy_tables(config.DATA_DIR / LEGACY_TABLE)


@config.reread_on_change
def _legacy_tables(path) -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    tables: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
    for row in config.data_rows(path):
        letters, marks = tables.setdefault(row["encoding"], ({}, {}))
        if row["kind"] == "mark":
            marks[row["legacy"]] = "".join(_MARKS[m] for m in row["unicode"].split("+"))
        else:
            letters[row["legacy"]] = row["unicode"]
    return tables


def detect_legacy_font(text: str, *, min_letters: int = MIN_LETTERS) -> str | None:
    """``"TCVN3"`` or ``"VNI"`` when ``text`` looks like a legacy font encoding read as Unicode."""
    sample = text[:SAMPLE_CHARS]
    vni = len(_VNI_SIGNS.findall(sample))
    tcvn = len(_TCVN3_SIGNS.findall(sample))
    if not (vni or tcvn):
        return None
    letters = len(_LETTER.findall(sample))
    if letters < min_letters:
        return None
    unicode_letters = len(_VIETNAMESE.findall(sample))
    for name, signs in (("VNI", vni if vni >= tcvn else 0), ("TCVN3", tcvn)):
        if (signs >= MIN_SIGNS and signs > MIN_LEGACY_SHARE * letters
                and signs > LEGACY_OVER_UNICODE * unicode_letters):
            return name
    return None


def convert_legacy(text: str, encoding: str) -> str:
    """``text`` (legacy-font characters as read through Windows-1252) in Unicode, NFC.

    Lines that already contain Unicode-only Vietnamese letters are left alone, so a document
    mixing Unicode and legacy paragraphs keeps its Unicode ones intact.
    """
    letters, marks = legacy_tables()[encoding]
    out_lines = []
    for line in text.split("\n"):
        if _VIETNAMESE.search(line):
            out_lines.append(line)
            continue
        out: list[str] = []
        for ch in line:
            if ch in marks and out and unicodedata.normalize("NFD", out[-1])[:1].lower() in "aeiouyơư":
                out[-1] += marks[ch]
            else:
                out.append(letters.get(ch) or _C1_AS_CP1252.get(ch, ch))
        out_lines.append(unicodedata.normalize("NFC", "".join(out)))
    return "\n".join(out_lines)


def legacy_warning(encoding: str) -> str:
    """The warning recorded on a document converted from a legacy font encoding."""
    note = " (capitals typed in the .VnTimeH font come out in lower case)" if encoding == "TCVN3" else ""
    return (f"converted from the legacy {LEGACY_NAMES.get(encoding, encoding)} font encoding"
            f"{note}; check the text")


def encoding_warning(encoding: str, *, expected: tuple[str, ...] = ("utf-8", "utf-8-sig")) -> str | None:
    """What to tell a reader about text :func:`decode` read as ``encoding`` (None when it is
    one of the ``expected`` ones): the one wording for documents and CSV files alike."""
    if encoding in expected:
        return None
    if encoding in LEGACY_NAMES:
        return legacy_warning(encoding)
    if encoding == MIXED_UTF8:
        return "UTF-8 with a few bytes that are not UTF-8, read as Windows-1258: check the characters they became"
    return f"not UTF-8; read as {encoding}"


def _legacy_message(legacy: str, read_as: str) -> str:
    return (f"looks like the legacy {LEGACY_NAMES.get(legacy, legacy)} font encoding read as "
            f"{read_as} (mojibake); convert it to Unicode first (e.g. UniKey's converter) "
            "or load it with legacy='convert'")


def fix_legacy(text: str, *, read_as: str = "Unicode", legacy: str = LEGACY_POLICY,
               min_letters: int = MIN_LETTERS) -> tuple[str, str | None]:
    """(text, legacy encoding found or None): legacy-font text converted, or refused.

    Raises :class:`EncodingProblem` for legacy text when ``legacy="error"``.
    """
    if legacy not in LEGACY_POLICIES:
        raise ValueError(f"legacy must be one of {LEGACY_POLICIES}, not {legacy!r}")
    found = detect_legacy_font(text, min_letters=min_letters)
    if found is None:
        return text, None
    if legacy == "error":
        raise EncodingProblem(_legacy_message(found, read_as))
    return convert_legacy(text, found), found


def _looks_utf16(data: bytes) -> str | None:
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > UTF16_NUL_SHARE * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > UTF16_NUL_SHARE * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, *, legacy: str = LEGACY_POLICY) -> tuple[str, str]:
    """(NFC text, encoding name) of a file's bytes; :class:`EncodingProblem` when unreadable.

    The name is a Python codec name, or ``"TCVN3"`` / ``"VNI"`` when legacy-font text was
    converted (see :func:`fix_legacy`).
    """
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise EncodingProblem(f"starts with a {name} byte-order mark but is not valid {name} "
                                      f"(bad byte at position {exc.start})") from exc
            return _checked(text, name, legacy)
    utf16 = _looks_utf16(data)
    for name in ([utf16] if utf16 else []) + ["utf-8"]:
        try:
            return _checked(data.decode(name), name, legacy)
        except UnicodeDecodeError:
            continue
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return _checked(mixed, MIXED_UTF8, legacy)
    # 8-bit: legacy-font bytes decode as anything; seen byte for byte (Latin-1, which
    # agrees with Windows-1252 on the bytes these fonts use) they show their tell-tale signs
    text, found = fix_legacy(data.decode("latin-1"), read_as="a Windows code page", legacy=legacy,
                             min_letters=MIN_LETTERS_8BIT)
    if found:
        return text, found
    text = data.decode("cp1258", errors="replace")
    if "\ufffd" not in text and _VIETNAMESE.search(unicodedata.normalize("NFC", text)):
        return _checked(text, "cp1258", legacy)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a failed guess is reported below
        best = None
    if best is None:
        raise EncodingProblem("unknown text encoding (not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI)")
    return _checked(str(best), best.encoding, legacy)


def _mostly_utf8(data: bytes) -> str | None:
    """The text of UTF-8 bytes with a few stray bytes that are not UTF-8, those read as
    Windows-1258; None when the bytes are not mostly UTF-8 (see :data:`MIXED_UTF8_RATIO`)."""
    loose = data.decode("utf-8", errors="surrogateescape")  # each stray byte -> U+DC80..U+DCFF
    stray = len(_STRAY.findall(loose))
    valid = sum(1 for ch in loose if ch > "\x7f") - stray
    if not stray or valid < MIXED_UTF8_RATIO * stray:
        return None
    return _STRAY.sub(lambda m: m.group().encode("utf-8", "surrogateescape").decode("cp1258", errors="replace"),
                      loose)


def _checked(text: str, name: str, legacy: str) -> tuple[str, str]:
    text, found = fix_legacy(unicodedata.normalize("NFC", text), read_as=name, legacy=legacy)
    return text, found or name
