"""Encodings: bytes -> NFC text, whatever encoding the source used, or a clear error.

UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL-byte pattern of ASCII-heavy text),
Windows-1258 (whose Vietnamese uses combining tone marks, so NFC matters) and decomposed
(NFD) Unicode all give the same NFC text. Text in the legacy Vietnamese font encodings
(TCVN3/ABC, VNI) decodes without error but as mojibake; it is detected and reported,
never returned silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

#: Characters of Unicode Vietnamese that legacy-font text read as Windows-1252 never has
#: (â, ê, ô exist in Windows-1252, so they prove nothing).
_VIETNAMESE = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
#: Characters that TCVN3 (ABC) text shows when read as a Windows code page (its toned
#: vowels and đ, ơ, ư sit at bytes 0xA9-0xB9, symbols that real text hardly uses).
_TCVN3_SIGNS = re.compile(r"[©ª«¬®µ¶·¸¹]")
#: VNI text read as cp1252: a vowel followed by VNI's tone bytes, and "ñ" for "đ".
_VNI_SIGNS = re.compile(r"[aeiouyAEIOUY][øùûõïö]|ñ[aeoiuôâêơư]")


class EncodingProblem(ValueError):
    """Text that cannot be read as Unicode Vietnamese; the message says why and what to do."""


def _looks_utf16(data: bytes) -> str | None:
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def detect_legacy_font(text: str) -> str | None:
    """``"TCVN3"`` or ``"VNI"`` when ``text`` looks like a legacy font encoding read as Unicode."""
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 50 or _VIETNAMESE.search(sample):
        return None
    vni = len(_VNI_SIGNS.findall(sample))
    tcvn = len(_TCVN3_SIGNS.findall(sample))
    if vni > 0.02 * letters and vni >= tcvn:
        return "VNI"
    if tcvn > 0.02 * letters:
        return "TCVN3"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """(NFC text, encoding name) of a file's bytes; :class:`EncodingProblem` when unreadable."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return unicodedata.normalize("NFC", data.decode(name)), name
    utf16 = _looks_utf16(data)
    candidates = ([utf16] if utf16 else []) + ["utf-8", "cp1258"]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "cp1258":
            # legacy-font bytes also decode as cp1258 (into odd capitals inside words);
            # seen through Windows-1252 they show their tell-tale characters
            legacy = detect_legacy_font(data.decode("cp1252", errors="replace"))
            if legacy:
                raise EncodingProblem(_legacy_message(legacy, "a Windows code page"))
            if not _VIETNAMESE.search(unicodedata.normalize("NFC", text)):
                break  # decodes, but not as Vietnamese: try harder below
        return _checked(text, name)
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001
        best = None
    if best is None:
        raise EncodingProblem("unknown text encoding (not UTF-8, UTF-16 or Windows-1258)")
    return _checked(str(best), best.encoding)


def _checked(text: str, name: str) -> tuple[str, str]:
    text = unicodedata.normalize("NFC", text)
    legacy = detect_legacy_font(text)
    if legacy:
        raise EncodingProblem(_legacy_message(legacy, name))
    return text, name


def _legacy_message(legacy: str, read_as: str) -> str:
    return (f"looks like the legacy {legacy} font encoding read as {read_as} (mojibake); "
            "convert it to Unicode first (e.g. UniKey's converter) and load it again")
