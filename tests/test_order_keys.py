"""Order keys: a card dropped anywhere gets a key between its neighbours'."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.models.order_keys import (
    DIGITS,
    appended_key,
    key_between,
    spread_keys,
)

keys = st.text(alphabet=DIGITS, min_size=1, max_size=8).filter(lambda k: not k.endswith("0"))


@given(keys, keys)
def test_a_key_between_two_sorts_between_them(a: str, b: str) -> None:
    if a == b:
        return
    low, high = sorted((a, b))
    key = key_between(low, high)
    assert low < key < high and not key.endswith("0")


@given(keys)
def test_before_the_first_and_after_the_last(a: str) -> None:
    assert key_between(None, a) < a < key_between(a, None)


def test_many_drops_in_the_same_place_stay_ordered_and_short() -> None:
    low, high = "i", "j"
    made = []
    for _ in range(200):  # always dropped right after the first card
        high = key_between(low, high)
        made.append(high)
    assert made == sorted(made, reverse=True)
    assert max(len(k) for k in made) < 60


@given(st.integers(1, 3000))
def test_spread_keys_are_in_order_and_distinct(count: int) -> None:
    made = spread_keys(count)
    assert made == sorted(set(made)) and len(made) == count
    assert all(not k.endswith("0") for k in made)


def test_appended_keys_follow_the_last_card_in_order() -> None:
    made = [appended_key("r", n) for n in range(2000)]
    assert made == sorted(made) and made[0] > "r" and all(k.startswith("r") for k in made)
    assert [appended_key(None, n) for n in range(3)] == sorted(
        appended_key(None, n) for n in range(3)
    )


@pytest.mark.parametrize(("a", "b"), [("b", "a"), ("a", "a"), ("a0", "b"), ("A", None)])
def test_bad_bounds_are_refused(a: str, b: str | None) -> None:
    with pytest.raises(ValueError):
        key_between(a, b)


def test_cards_appended_one_by_one_keep_short_keys() -> None:
    from crm_desktop.models.order_keys import key_after

    keys = ["i"]
    for _ in range(5000):
        keys.append(key_after(keys[-1]))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert max(map(len, keys)) <= 4  # not one digit more every few cards
    assert key_after("zzzz") > "zzzz" and key_after(None) < key_after(key_after(None))
