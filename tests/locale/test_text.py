"""Persian text normalization: storage form, search key, sort key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.locale import (
    normalize_multiline,
    normalize_text,
    search_key,
    sort_key,
    to_ascii_digits,
    to_persian_digits,
)

ZWNJ = "\u200c"

# Text that exercises the interesting parts: Persian and Arabic letters, digits in three
# scripts, harakat, tatweel, ZWNJ, bidi marks and odd whitespace.
persianish = st.text(
    alphabet=st.sampled_from(
        list("ابپتجچخدرزژسشعفقکگلمنوهیآأإٱؤئۀةيىكـ")
        + list("0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")
        + ["\u064e", "\u0650", "\u0651", "\u0670", ZWNJ, "\u200d", "\u200e", "\u200f"]
        + ["\u202b", "\u2067", "\ufeff", "\u00ad", " ", "\u00a0", "\t", "\n", "\r"]
        + list("AbZz.,-ﻻﻱﮐ")
    ),
    max_size=30,
)


# --- digits -------------------------------------------------------------------------


def test_to_ascii_digits_converts_both_scripts() -> None:
    assert to_ascii_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert to_ascii_digits("تلفن: ۰۹۱۲-٣٤٥") == "تلفن: 0912-345"


def test_to_persian_digits() -> None:
    assert to_persian_digits("1405/09/01") == "۱۴۰۵/۰۹/۰۱"
    assert to_persian_digits("٣٤") == "۳۴"
    assert to_persian_digits("abc") == "abc"


@settings(deadline=None)
@given(st.text(alphabet="0123456789", max_size=40))
def test_digit_round_trip(digits: str) -> None:
    persian = to_persian_digits(digits)
    assert all("۰" <= ch <= "۹" for ch in persian)
    assert to_ascii_digits(persian) == digits


# --- normalize_text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("علي", "علی"),
        ("يوسف", "یوسف"),
        ("موسى", "موسی"),
        ("كاوه", "کاوه"),
        ("بانك ملي", "بانک ملی"),
        ("تهـــران", "تهران"),
        ("مُحَمَّد", "محمد"),
        ("الرَّحْمٰن", "الرحمن"),
        ("پلاک ۱۲ واحد ٣", "پلاک 12 واحد 3"),
        ("  علی   رضایی  ", "علی رضایی"),
        ("علی\u00a0رضایی", "علی رضایی"),
        ("علی\tرضایی\nتهران", "علی رضایی تهران"),
        ("\u200fعلی\u200e", "علی"),
        ("\u202bعلی\u202c", "علی"),
        ("\u2067علی\u2069", "علی"),
        ("\ufeffعلی", "علی"),
        ("سا\u200dلار", "سالار"),
        ("نرم\u00adافزار", "نرمافزار"),
        ("abc\u200bdef", "abcdef"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_none() -> None:
    assert normalize_text(None) == ""


def test_zwnj_between_letters_is_kept() -> None:
    assert normalize_text("می\u200cخواهم") == "می\u200cخواهم"
    assert normalize_text("کتاب\u200cها") == "کتاب\u200cها"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("می\u200c\u200c\u200cخواهم", "می\u200cخواهم"),  # repeated: collapsed
        ("\u200cعلی", "علی"),  # at the start
        ("علی\u200c", "علی"),  # at the end
        ("علی\u200c رضا", "علی رضا"),  # next to a space
        ("علی \u200cرضا", "علی رضا"),
        ("علی \u200c رضا", "علی رضا"),  # between spaces: no double space left
        ("ساختمان\u200c۱۲", "ساختمان12"),  # not between two letters
        ("می\u200c\u200fخواهم", "می\u200cخواهم"),  # junk inside does not break the pair
    ],
)
def test_stray_zwnj_removed(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@settings(deadline=None)
@given(persianish)
def test_normalize_text_idempotent(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once


@settings(deadline=None)
@given(st.text())
def test_normalize_text_idempotent_any_text(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once
    assert "\n" not in once
    assert once == once.strip()
    assert "  " not in once


# --- normalize_multiline ------------------------------------------------------------


def test_normalize_multiline_keeps_lines() -> None:
    note = "  تماس با علي \nپيگيري   هفته بعد\r\n\r\nقیمت: ۱۲۰۰\n\n\n  \n"
    assert normalize_multiline(note) == "تماس با علی\nپیگیری هفته بعد\n\nقیمت: 1200"


def test_normalize_multiline_edge_cases() -> None:
    assert normalize_multiline(None) == ""
    assert normalize_multiline("") == ""
    assert normalize_multiline("\n\n  \n") == ""
    assert normalize_multiline("یک\rدو") == "یک\nدو"
    assert normalize_multiline("یک\u2028دو") == "یک\nدو"
    assert normalize_multiline("یک\tدو") == "یک دو"


@settings(deadline=None)
@given(st.one_of(persianish, st.text()))
def test_normalize_multiline_idempotent(s: str) -> None:
    once = normalize_multiline(s)
    assert normalize_multiline(once) == once
    assert not once.endswith("\n")


# --- search_key ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("علي", "علی"),
        ("كاوه", "کاوه"),
        ("می\u200cخواهم", "میخواهم"),
        ("آرش", "ارش"),
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهیم"),
        ("ٱلله", "الله"),
        ("مؤمن", "مومن"),
        ("مسئول", "مسیول"),
        ("خانۀ", "خانه"),
        ("مدرسة", "مدرسه"),
        ("مُحَمَّد", "محمد"),
        ("ﻻله", "لاله"),  # presentation form of lam-alef
        ("ﮐﺘﺎﺏ", "کتاب"),  # isolated/initial presentation forms
        ("HAMID", "hamid"),
        ("Straße", "STRASSE"),
        ("۰۹۱۲", "0912"),
        ("  علی\u00a0 رضایی ", "علی رضایی"),
    ],
)
def test_search_key_matches_variants(a: str, b: str) -> None:
    assert search_key(a) == search_key(b)


def test_search_key_values() -> None:
    assert search_key("علي") == "علی"
    assert search_key("آرش") == "ارش"
    assert search_key("می\u200cخواهم") == "میخواهم"
    assert search_key("Café") == "café"
    assert search_key(None) == ""
    assert search_key("") == ""


def test_search_key_keeps_different_words_apart() -> None:
    assert search_key("علی") != search_key("عالی")
    assert search_key("علی رضا") != search_key("علیرضا")


@settings(deadline=None)
@given(st.one_of(persianish, st.text()))
def test_search_key_idempotent(s: str) -> None:
    key = search_key(s)
    assert search_key(key) == key
    assert search_key(normalize_text(s)) == key


def plain_pairs() -> Iterator[str]:
    """Every plain character beside every other, and beside the characters that are
    not plain (the texts the shortcuts for plain text must get right)."""
    from crm_desktop.locale.text import PLAIN_CHARS

    others = "آأؤئۀةيىكـ\u064e\u0653\u0654\u200cAZÉ۱\u00a0\tﻻ"
    for a in PLAIN_CHARS:
        for b in PLAIN_CHARS + others + " ":
            yield from (a + b, b + a, f" {a}  {b} ")


def test_plain_text_keys_are_the_whole_fold() -> None:
    # The shortcut for plain text gives what the whole Unicode fold gives.
    from crm_desktop.locale.text import folded_key

    for text in plain_pairs():
        assert search_key(text) == folded_key(text), text


@settings(deadline=None)
@given(st.one_of(persianish, st.text()))
def test_search_key_is_the_whole_fold(s: str) -> None:
    from crm_desktop.locale.text import folded_key

    assert search_key(s) == (folded_key(s) if s else "")


# --- sort_key -----------------------------------------------------------------------


def _whole_sort_key(s: str) -> str:
    """``sort_key`` without its shortcut for plain text."""
    from crm_desktop.locale.text import _SORT_TABLE

    primary = search_key(s).translate(_SORT_TABLE)
    return f"{primary}\0{normalize_text(s).casefold().translate(_SORT_TABLE)}"


def test_plain_text_sort_keys_are_the_whole_key() -> None:
    for text in plain_pairs():
        assert sort_key(text) == _whole_sort_key(text), text


@settings(deadline=None)
@given(st.one_of(persianish, st.text()))
def test_sort_key_is_the_whole_key(s: str) -> None:
    assert sort_key(s) == _whole_sort_key(s)


def test_sort_key_persian_alphabet_order() -> None:
    letters = list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی")
    assert sorted(reversed(letters), key=sort_key) == letters


def test_sort_key_names() -> None:
    names = ["یاسر", "Zed", "پرویز", "alice", "گلناز", "ژاله", "بهرام", "چنگیز", "کاوه"]
    names += ["زهرا", "جواد", "آرش", "ارس"]
    assert sorted(names, key=sort_key) == [
        "ارس",
        "آرش",
        "بهرام",
        "پرویز",
        "جواد",
        "چنگیز",
        "زهرا",
        "ژاله",
        "کاوه",
        "گلناز",
        "یاسر",
        "alice",
        "Zed",
    ]


def test_sort_key_prefix_and_spaces() -> None:
    names = ["علیرضا", "علی رضا", "علی", "عباس"]
    assert sorted(names, key=sort_key) == ["عباس", "علی", "علی رضا", "علیرضا"]


def test_sort_key_arabic_spelling_sorts_with_persian() -> None:
    # "كاوه" (Arabic kaf) must sort among the ک names, not after every Persian name.
    names = ["یاسر", "كاوه", "گلناز", "بهرام"]
    assert sorted(names, key=sort_key) == ["بهرام", "كاوه", "گلناز", "یاسر"]


def test_sort_key_case_insensitive_latin_after_persian() -> None:
    assert sort_key("alice") < sort_key("Bob") < sort_key("carol")
    assert sort_key("یاسر") < sort_key("Adam")
    assert sort_key("12 فروشگاه") < sort_key("آرش")
    assert sort_key(None) == sort_key("")


ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
persian_words = st.text(alphabet=ALPHABET, min_size=1, max_size=8)


@settings(deadline=None)
@given(persian_words, persian_words)
def test_sort_key_order_is_alphabet_order(a: str, b: str) -> None:
    def ranks(word: str) -> list[int]:
        return [ALPHABET.index(ch) for ch in word]

    assert (sort_key(a) < sort_key(b)) == (ranks(a) < ranks(b))
    assert (sort_key(a) == sort_key(b)) == (a == b)


@settings(deadline=None)
@given(persianish, persianish)
def test_sort_key_same_key_means_same_text(a: str, b: str) -> None:
    if sort_key(a) == sort_key(b):
        assert normalize_text(a).casefold() == normalize_text(b).casefold()
    if search_key(a) == search_key(b):
        # Spelling variants only break ties: they never move a name out of its place.
        assert sort_key(a).split("\0")[0] == sort_key(b).split("\0")[0]
