"""Persian text normalization for storage, search and sorting.

Users type Persian with whatever keyboard layout they have: an Arabic layout gives
``ي`` and ``ك``, copied text brings direction marks and tatweel, Excel brings NBSP.
Everything is normalized before it is stored (``normalize_text``) so that the database
holds one spelling, and again more aggressively for matching (``search_key``) so that
"علي" finds "علی" and "می‌خواهم" finds "میخواهم".
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "normalize_multiline",
    "normalize_text",
    "search_key",
    "sort_key",
    "to_ascii_digits",
    "to_persian_digits",
]

ZWNJ = "\u200c"

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_ASCII_DIGITS = "0123456789"

_TO_ASCII_DIGITS = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, _ASCII_DIGITS * 2)
_TO_PERSIAN_DIGITS = str.maketrans(_ASCII_DIGITS + _ARABIC_DIGITS, _PERSIAN_DIGITS * 2)

# Invisible characters that only ever get in the way once text is stored: direction
# marks and embeddings (the UI sets direction itself), BOM, ZWJ, ZWSP, soft hyphen,
# word joiner, Arabic letter mark, and C0 controls that are not whitespace.
_JUNK_CHARS = (
    "\u200b\u200d\u200e\u200f\u00ad\u2060\ufeff\u061c"
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
    + "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F))
)
# Harakat are optional in Persian and make the same word compare unequal.
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_TATWEEL = "\u0640"

_STORAGE_TABLE: dict[int, int | str | None] = {
    **str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, _ASCII_DIGITS * 2),
    ord("ي"): "ی",
    ord("ى"): "ی",
    ord("ك"): "ک",
    **{ord(c): None for c in _JUNK_CHARS + _DIACRITICS + _TATWEEL},
}

# Letters that people write interchangeably; only folded for matching, never stored,
# because "آ" and "ا" are different spellings a user expects to see preserved.
_SEARCH_FOLD: dict[int, int | str | None] = {
    **{ord(c): "ا" for c in "آأإٱ"},
    ord("ؤ"): "و",
    ord("ئ"): "ی",
    ord("ۀ"): "ه",
    ord("ة"): "ه",
    # NFKD turns ۀ into ە + hamza, so ە must land on the same key as ۀ.
    ord("ە"): "ه",
    ord(ZWNJ): None,
}

# str.translate with a dict looks up every character; most text has none of the
# table's characters, which one regex scan (in C) finds out far sooner.
_STORAGE_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _STORAGE_TABLE) + "]")
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _SEARCH_FOLD) + "]")


def _plain(c: str) -> bool:
    """Whether ``search_key`` leaves ``c`` as it is, whatever is around it: no
    decomposition, case or table of this module touches it, and no combining mark
    (the only characters NFC joins to the one before them) is among them."""
    return (
        unicodedata.normalize("NFKD", c) == c
        and c.casefold() == c
        and not unicodedata.category(c).startswith(("M", "C", "Z"))
        and ord(c) not in _STORAGE_TABLE
        and ord(c) not in _SEARCH_FOLD
    )


# Text made only of these (and plain spaces) is its own search key once its spaces are
# collapsed: most names, cities and search bodies, which then skip two Unicode
# normalizations and a case fold.
PLAIN_CHARS = "".join(
    c for c in map(chr, (*range(0x21, 0x7F), *range(0x0600, 0x0700))) if _plain(c)
)
_PLAIN_TEXT = re.compile("[ " + re.escape(PLAIN_CHARS) + "]*")

_ZWNJ_RUN = re.compile(ZWNJ + "+")
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

# Persian alphabetical order. "آ" comes right after "ا"; it only matters for the
# tie-break part of sort_key because search_key folds it into "ا".
_PERSIAN_ALPHABET = "اآبپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_LATIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# Private-use code points keep the order of the letters and put every Persian letter
# above ASCII digits and punctuation, and Latin letters above Persian ones.
_PERSIAN_BASE = 0xE100
_LATIN_BASE = 0xE200
_SORT_TABLE: dict[int, int | str | None] = {
    **{ord(c): _PERSIAN_BASE + i for i, c in enumerate(_PERSIAN_ALPHABET)},
    **{ord(c): _LATIN_BASE + i for i, c in enumerate(_LATIN_ALPHABET)},
}


def to_ascii_digits(s: str) -> str:
    """Replace Persian (۰-۹) and Arabic-Indic (٠-٩) digits by ASCII digits."""
    return s.translate(_TO_ASCII_DIGITS)


def to_persian_digits(s: str) -> str:
    """Replace ASCII and Arabic-Indic digits by Persian digits (۰-۹)."""
    return s.translate(_TO_PERSIAN_DIGITS)


def _fix_zwnj(match: re.Match[str]) -> str:
    # A ZWNJ only means something between two letters ("می‌خواهم"); anywhere else it
    # is an invisible leftover that breaks equality and searching.
    text = match.string
    start, end = match.start(), match.end()
    if start > 0 and end < len(text) and text[start - 1].isalpha() and text[end].isalpha():
        return ZWNJ
    return ""


# Imports and lists normalize the same names, cities and companies over and over.
_CACHE_SIZE = 16384


@functools.lru_cache(maxsize=_CACHE_SIZE)
def normalize_text(s: str | None) -> str:
    """Normalize a single-line value (name, title, address) for storage.

    Arabic yeh/kaf become Persian, tatweel, harakat and invisible marks go, digits become
    ASCII, whitespace collapses to single spaces, and ZWNJ survives only between letters.
    """
    if not s:
        return ""
    text = s.translate(_STORAGE_TABLE) if _STORAGE_CHARS.search(s) else s
    if ZWNJ in text:
        text = _ZWNJ_RUN.sub(_fix_zwnj, text)
    # The same as collapsing r"\s+" to one space and stripping: str.split() splits on
    # exactly the characters re's \s matches in text, and does it in one C pass.
    return " ".join(text.split())


def normalize_multiline(s: str | None) -> str:
    """Like ``normalize_text`` but keeps line breaks (for notes); trailing blank lines go."""
    if not s:
        return ""
    lines = [normalize_text(line) for line in _LINE_BREAKS.split(s)]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def search_key(s: str | None) -> str:
    """A key for matching: equal keys mean "the same text" to a Persian reader.

    Case, ZWNJ, harakat and letter variants (آ/ا, ؤ/و, ئ/ی, ۀ/ة/ه, presentation forms)
    are folded away. Never store it; compare it with the key of the query.
    """
    return text_key(s)


def text_key(s: str | None) -> str:
    """``search_key`` without its cache, for text seen once (a contact's whole search
    body): the cache would only lose the names it holds."""
    if not s:
        return ""
    if _PLAIN_TEXT.fullmatch(s):
        return " ".join(s.split())
    return folded_key(s)


def folded_key(s: str) -> str:
    """``search_key`` the whole way, for any text (plain text needs none of it)."""
    # NFKD first: presentation forms become plain letters and hamza/madda split off as
    # combining marks, which normalize_text then drops together with the harakat.
    text = normalize_text(unicodedata.normalize("NFKD", s))
    # NFC afterwards so that Latin accents recombine ("é" stays one character).
    text = unicodedata.normalize("NFC", text.casefold())
    return text.translate(_SEARCH_FOLD) if _FOLD_CHARS.search(text) else text


def sort_key(s: str | None) -> str:
    """A key whose plain string order is Persian alphabetical order, then Latin.

    Built on ``search_key``, so case and letter variants do not change the order; the
    stored spelling breaks ties so that the order is still total and stable.
    """
    if s and _PLAIN_TEXT.fullmatch(s):
        # Plain text is its own search key and stored spelling: one key, twice.
        primary = " ".join(s.split()).translate(_SORT_TABLE)
        return f"{primary}\0{primary}"
    primary = search_key(s).translate(_SORT_TABLE)
    secondary = normalize_text(s).casefold().translate(_SORT_TABLE)
    # "\0" cannot occur in either part (normalize_text drops controls), so a shorter
    # primary sorts before any longer one that it is a prefix of.
    return f"{primary}\0{secondary}"
