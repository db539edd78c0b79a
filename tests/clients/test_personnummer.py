"""Personnummer validation: checksum, plausible date, samordningsnummer; stored as 12 digits."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from clients.personnummer import birth_date, normalise

TODAY = datetime.date(2026, 6, 1)


def luhn(digits: str) -> int:
    total = 0
    for i, ch in enumerate(digits):
        v = int(ch) * (2 - i % 2)
        total += v - 9 if v > 9 else v
    return (10 - total % 10) % 10


def build(day: datetime.date, serial: int, *, samordning: bool = False) -> str:
    dd = day.day + (60 if samordning else 0)
    short = f"{day:%y%m}{dd:02d}{serial:03d}"
    return f"{day.year}{day:%m}{dd:02d}{serial:03d}{luhn(short)}"


dates = st.dates(min_value=datetime.date(1920, 1, 1), max_value=datetime.date(2008, 12, 31))
serials = st.integers(min_value=1, max_value=999)


@given(day=dates, serial=serials, samordning=st.booleans())
def test_valid_numbers_are_stored_as_twelve_digits(day, serial, samordning) -> None:
    number = build(day, serial, samordning=samordning)
    stored = normalise(f"{number[:8]}-{number[8:]}", today=TODAY)
    assert stored == number
    assert len(stored) == 12 and stored.isdigit()
    assert birth_date(stored) == day
    # the ten-digit form gives the same number (everyone here is under 100)
    if TODAY.year - day.year < 100:
        assert normalise(number[2:], today=TODAY) == number


@given(day=dates, serial=serials, wrong=st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_refused(day, serial, wrong) -> None:
    number = build(day, serial)
    bad = number[:-1] + str((int(number[-1]) + wrong) % 10)
    with pytest.raises(ValidationError):
        normalise(bad, today=TODAY)


@given(text=st.text(alphabet="0123456789-+ ", max_size=14))
def test_anything_accepted_is_a_valid_twelve_digit_number(text) -> None:
    try:
        stored = normalise(text, today=TODAY)
    except ValidationError:
        return
    if stored:
        assert len(stored) == 12
        assert luhn(stored[2:11]) == int(stored[11])
        assert birth_date(stored) <= TODAY


def test_impossible_date_future_and_garbage_are_refused() -> None:
    for bad in ["19850230-1234", "20990101-0000", "hej", "1985031", "19850312-12345"]:
        with pytest.raises(ValidationError):
            normalise(bad, today=TODAY)
    future = build(datetime.date(2026, 12, 1), 123)
    with pytest.raises(ValidationError):
        normalise(future, today=TODAY)


def test_empty_is_allowed() -> None:
    assert normalise("  ", today=TODAY) == ""
