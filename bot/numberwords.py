"""Numbers said in words, as a voice message or a careful writer gives them, read as digits.

"five hundred thousand" is the article's 500,000, "twenty twenty two" its 2022 and "February
twentieth" its Feb 20; one word at a time ("five", "hundred", "thousand") they are three other
numbers. A lone small number word ("ten buildings") is left to the word-by-word spelling fixes,
and "one", "first", "second" and "third" alone keep their everyday senses ("one of the first
companies", "the second half of 2021"). Runs are read only where one of their words stands
as a word of the text, after a space ("?twentieth" is left as typed): that test is what a cold
start of a big knowledge base can afford for every text.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}
# alone, these keep their words: "one of", "the first batch", "the second half", "a third",
# "the fourth quarter" (a rank: a check of "first" has it wrong, not a number)
_KEPT_ALONE = frozenset({"one", "first", "second", "third", "fourth", "fifth"})

_WORD = "|".join(sorted([*_UNITS, *_TENS, *_ORDINALS, *_MULTIPLIERS], key=len, reverse=True))
# a run of number words, joined by spaces, hyphens or the "and" of "two thousand and twenty"
_RUN = re.compile(
    rf"\b(?:{_WORD})(?:(?:[\s-]+|(?:(?<=hundred)|(?<=thousand))\s+and\s+)(?:{_WORD}))*\b"
)
# A run reads otherwise than its words one by one only with one of these words in it, as a
# word of the text (with what may follow it there) or hyphenated to a tens word: a text's
# words that are all elsewhere (most texts) skip the search.
_CUE_WORDS = [*_TENS, *_MULTIPLIERS, *(word for word in _ORDINALS if word not in _KEPT_ALONE)]
_HYPHENATED = [f"{tens}-{unit}" for tens in _TENS for unit in (*_UNITS, *_ORDINALS)]
CUE_TOKENS = frozenset(
    word + end for word in (*_CUE_WORDS, *_HYPHENATED) for end in ("", "?", ".", ",", "!", ";", ":")
)


def may_hold_number_words(tokens: list[str]) -> bool:
    """Whether the text split into `tokens` (lower case) may say a number in words."""
    return not CUE_TOKENS.isdisjoint(tokens)


def with_digits(text: str) -> str:
    """`text` (lower case) with its spoken numbers written as digits."""
    return _RUN.sub(_digits_of_run, text)


def _digits_of_run(match: re.Match[str]) -> str:
    run = match.group(0)
    words = re.split(r"[\s-]+", run)
    if len(words) == 1:
        word = words[0]
        if word in _KEPT_ALONE or word not in _ORDINALS:
            return run  # a lone cardinal: the spelling fixes write it as a digit
        return str(_ORDINALS[word])
    numbers = _numbers(words)
    return run if numbers is None else " ".join(numbers)


def _numbers(words: list[str]) -> list[str] | None:
    """The numbers a run of number words says, in order ("five ten" is two); None where it is
    not a count ("first three" is the first three of something)."""
    groups: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            continue
        if word in _ORDINALS and groups[-1] and not _ends_small(groups[-1]):
            return None  # "thousand first"
        if groups[-1] and _starts_new(groups[-1], word):
            groups.append([])
        groups[-1].append(word)
    if any(len(group) == 1 and group[0] in _KEPT_ALONE and group[0] in _ORDINALS
           for group in groups):  # fmt: skip
        return None  # "first three months": "first" is not a number there
    values = [_value(group) for group in groups]
    # "twenty twenty two", "nineteen ninety nine": a year said in two halves
    if (
        len(values) == 2
        and 10 <= values[0] <= 99
        and values[1] <= 99
        and len(groups[0]) == 1
        and groups[1][0] in _TENS
    ):
        return [str(values[0] * 100 + values[1])]
    return [str(value) for value in values]


def _ends_small(group: list[str]) -> bool:
    """Whether the group's last word leaves room for a unit: "twenty" (first), not "five"."""
    return group[-1] in _TENS or group[-1] in _MULTIPLIERS


def _starts_new(group: list[str], word: str) -> bool:
    """Whether `word` begins another number: "twenty | twenty two", "five | ten"."""
    last = group[-1]
    if word in _MULTIPLIERS:
        return last in _MULTIPLIERS and _MULTIPLIERS[word] <= _MULTIPLIERS[last]
    if last in _ORDINALS:
        return True
    small = word in _UNITS or word in _ORDINALS
    if last in _TENS:
        return not (small and _UNITS.get(word, _ORDINALS.get(word, 0)) < 10)
    # after "hundred", a unit or tens carries on; after a unit, anything but a multiplier
    # starts again: "five ten", "nineteen ninety"
    return last not in _MULTIPLIERS


def _value(group: list[str]) -> int:
    total, current = 0, 0
    for word in group:
        if word in _MULTIPLIERS:
            factor = _MULTIPLIERS[word]
            if factor == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * factor
                current = 0
        else:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0) + _ORDINALS.get(word, 0)
    return total + current
