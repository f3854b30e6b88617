"""Numbers said in words read as the digits an article prints."""

from __future__ import annotations

import pytest

from bot.numberwords import with_digits
from bot.text import Normaliser, basic_normalise


@pytest.mark.parametrize(
    ("spoken", "digits"),
    [
        ("five hundred thousand square meters", "500000 square meters"),
        ("twenty twenty two", "2022"),
        ("twenty twenty-two", "2022"),
        ("two thousand and twenty two", "2022"),
        ("nineteen ninety nine", "1999"),
        ("twenty one", "21"),
        ("ninety-nine", "99"),
        ("one hundred billion", "100 billion"),
        ("february twentieth", "february 20"),
        ("the eighteenth of february", "the 18 of february"),
        ("the twenty first century", "the 21 century"),
    ],
)
def test_a_number_said_in_words_is_written_in_digits(spoken: str, digits: str) -> None:
    assert with_digits(spoken) == digits


@pytest.mark.parametrize(
    "text",
    [
        "one of the first companies",
        "the first three months",
        "the second half of 2021",
        "a third of the buildings",
        "the fourth quarter",  # a rank, checked like "first"
        "ten buildings",
        "one and two",
    ],
)
def test_everyday_words_and_lone_small_numbers_keep_their_words(text: str) -> None:
    assert with_digits(text) == text


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("ten buildings capped in twenty twenty two", "10 buildings capped in 2022"),
        ("five hundred thousand square metres?", "500,000 square meters?"),
        ("was it on february eighteenth?", "was it on Feb 18th?"),
        ("an output of twenty billion yuan", "an output of 20 billion yuan"),
    ],
)
def test_spoken_and_written_numbers_meet_after_normalising(spoken: str, written: str) -> None:
    assert basic_normalise(spoken) == basic_normalise(written)
    assert Normaliser().words(spoken) == Normaliser().words(written)
