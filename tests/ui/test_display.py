"""Values set into Persian text keep the order people read them in."""

from __future__ import annotations

from typing import cast

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from crm_desktop.ui.widgets.display import LRI, PDI, own_direction


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+98 901 234 5678", f"{LRI}+98 901 234 5678{PDI}"),
        ("۰۹۱۲ ۱۲۳ ۴۵۶۷", f"{LRI}۰۹۱۲ ۱۲۳ ۴۵۶۷{PDI}"),
        ("hamid.n@mail.example", f"{LRI}hamid.n@mail.example{PDI}"),
        ("علی رضایی", "\u2068علی رضایی\u2069"),
        ("شرکت ABC", "\u2068شرکت ABC\u2069"),
        ("", ""),
    ],
)
def test_values_without_persian_letters_are_laid_out_left_to_right(
    value: str, expected: str
) -> None:
    assert own_direction(value) == expected


def _x_positions(text: str) -> list[float]:
    """Where Qt draws each character of a right-to-left line (its cursor x)."""
    layout = QTextLayout(text, QApplication.font())
    option = layout.textOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return [cast(tuple[float, int], line.cursorToX(i))[0] for i in range(len(text))]


def test_a_phone_among_persian_samples_reads_in_its_own_order(qapp: QApplication) -> None:
    # In a right-to-left line of samples, "+98 901 234 5678" must still read from its
    # left: the groups of digits left to right, not "5678 234 901 98+".
    phone = "+98 901 234 5678"
    text = "\u200f" + "، ".join(["علی", own_direction(phone), "مریم"])
    x = _x_positions(text)
    start = text.index(phone)
    groups = [start + phone.index(group) + 1 for group in ("98", "901", "234", "5678")]
    assert [x[i] for i in groups] == sorted(x[i] for i in groups)
    # and without the isolate the same line is laid out the wrong way: the test can fail
    plain = "\u200f" + "، ".join(["علی", phone, "مریم"])
    x = _x_positions(plain)
    start = plain.index(phone)
    groups = [start + phone.index(group) + 1 for group in ("98", "901", "234", "5678")]
    assert [x[i] for i in groups] != sorted(x[i] for i in groups)
