"""Yes/no checks of a figure: "Were 10 buildings capped this year?" when the article says eight.

The figure a user checks may be the one they got wrong. Matching counts a figure that an entry
lacks against the entry, rightly for a question about another fact ("How many buildings in
2023?"), but a check of a wrong figure deserves the right one. So a check no entry answers is
asked again without its figures, and the entry that then answers must state a figure of the
same kind. A year after the article stays in the question: it sets the scope ("capped in
2023?"), and the article saying nothing about that year is a reason to say so.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from bot.english import is_english_word
from bot.framing import (
    AGREEING_TAGS,
    ASKS_WH,
    YES_TAGS,
    confirms_a_claim,
    ends_as_a_statement_checked,
    without_particle_after_a_tag,
)
from bot.text import MONTH_NAMES, basic_normalise, stem

MONTHS = frozenset(stem(month) for month in MONTH_NAMES)
CHECKED_MONTHS = MONTHS - {"may"}  # in a question, "may I ask" is no month
# "the third in a series?" of the first, "the northern part?" of the southern: words that hold
# a figure of their own kind, checked like numbers ("the last in a series?" is a place too)
_ORDINAL_NAMES = "first second third fourth fifth sixth seventh eighth ninth tenth last final"
ORDINALS = frozenset(stem(word) for word in _ORDINAL_NAMES.split())
DIRECTIONS = frozenset(("north", "south", "east", "west"))  # "northern" reads as "north"
SCALES = frozenset(("million", "billion"))  # "5 million": part of the number checked
# "a provincial-level centre?" of a city-level one: the word before "level" is a figure too
_LEVEL_NAMES = (
    "city provincial province national municipal district county global world international"
)
LEVELS = frozenset(stem(word) for word in _LEVEL_NAMES.split())
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NEGATION = r"(?:isn|wasn|aren|weren|didn|doesn|don|won|hasn|haven|can|couldn)['\u2019]?t"
# "Is/Was/Did/Will ...?", after a greeting or an "and so"; "..., isn't it?", "..., right?"
_ASKS_YES_OR_NO = re.compile(
    r"^\W*(?:(?:hi|hey|hello|ok|okay|so|and|but|oh|um|hmm|also|just)\W+)*"
    rf"(?:is|are|was|were|did|does|do|will|has|have|had|can|could|would|should|{_NEGATION})\b"
    rf"|,\s*(?:{_NEGATION}|is|was|did|right|correct|true|accurate|yes|no)\b[^,]*$"
    r"|,\s*(?:this|that|it) is (?:right|correct|true|accurate)\W*$"
    rf"|\s(?:{'|'.join(AGREEING_TAGS)}|accurate)\s*\?*\s*$|\s(?:{'|'.join(YES_TAGS)})\s*\?+\s*$"
    # "... 30 new parks is that true", dictated without a comma
    r"|\s(?:is|isn'?t)\s+(?:that|it)\s+(?:right|correct|true|so)\s*\?*\s*$"
    # a claim, then "Is that the correct date?", "Does that match the article?"
    r"|(?:(?<=[.!])|(?<=[.!]['\"\u2019\u201d]))\s+(?:is|was|are|were|does|did|can|could)"
    r"\s+(?:that|this|it|you|the article)\b[^.!?]*\?*\s*$",
    re.IGNORECASE,
)
# "haizhu adding 20 new parks?", "10 billion level?": a statement asked, with no question word
# (ASKS_WH; bot/answering.py asks it too: a clause with one asks something of its own)
_CHECKING = re.compile(
    r"\b(?:is it true|is it correct|am i right|can you confirm|could you confirm|correct me"
    r"|fact[- ]?check|claim to (?:verify|check)|(?:quote|claim) check|please verify)\b",
    re.IGNORECASE,
)


# "bigger than 100,000 square meters?", "over 5 billion?": a bound, not a figure claimed
_COMPARING = re.compile(
    r"\b(?:(?:more|less|fewer|bigger|larger|smaller|higher|lower|greater|longer|shorter"
    r"|taller)\s+than|over|under"
    r"|above|below|past|at least|at most|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beyond)"
    r"\s+(?:about\s+|around\s+|roughly\s+)?\d",
    re.IGNORECASE,
)


def compares_a_figure(question: str) -> bool:
    """Whether the question sets a bound ("more than 5 billion?") rather than claiming a
    figure: the answer's own figure may meet it, so it cannot be said to differ."""
    return _COMPARING.search(question) is not None


# "What, precisely, was being inaugurated ...?": a question word with an aside after it asks
# that, whatever the comma before the verb looks like
_ASKS_WH_WITH_AN_ASIDE = re.compile(
    r"^\W*(?:what|when|where|who|whom|whose|why|which|how)\s*,\s*[a-z]+\s*,", re.IGNORECASE
)


def asks_yes_or_no(question: str) -> bool:
    """Whether the question checks a statement rather than asking for a fact."""
    question = without_particle_after_a_tag(question)
    if _ASKS_WH_WITH_AN_ASIDE.match(question):
        return False
    if _ASKS_YES_OR_NO.search(question) or _CHECKING.search(question):
        return True
    if ends_as_a_statement_checked(question):  # "haizhu aims 20 new parks is it"
        return True
    if not question.rstrip().endswith("?") and confirms_a_claim(question):
        return True  # "Heard they want 20 new parks. Correct that if wrong."
    if not _without_trailing_symbols(question).endswith("?"):
        return False
    return not ASKS_WH.search(question) or confirms_a_claim(question)


def _without_trailing_symbols(text: str) -> str:
    """The text without the emoji and spaces it ends with ("5 new parks? 🤷"): the "?"
    before them still ends the question."""
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1])[0] in "SCM"):
        end -= 1
    return text[:end]


def is_checked_figure(term: str, reported_until: int | None = None) -> bool:
    """A number, a month, an ordinal or a direction a check may have wrong, or a year up to
    `reported_until`.

    A year the article could report on ("sped up since 2020?" when it says 2021) may be the
    user's mistake; a later one ("capped in 2023?") sets a scope the article cannot cover.
    """
    if term in CHECKED_MONTHS or term in ORDINALS or term in DIRECTIONS or term in SCALES:
        return True
    if not term[:1].isdigit():
        return False
    if _YEAR.fullmatch(term) is None:
        return True
    return reported_until is not None and int(term) <= reported_until


_FIGURE_WORDS = MONTHS | ORDINALS | DIRECTIONS | SCALES


def may_hold_figure(terms: list[str]) -> bool:
    """Whether any of these stemmed words could be a checked figure (a cheap first look)."""
    return any(term[:1].isdigit() or term in _FIGURE_WORDS for term in terms)


def levels_named(words: list[str]) -> list[str]:
    """The words naming a level in these normalised words ("provincial level"), as written."""
    return [word for word, after in pairwise(words) if after == "level" and stem(word) in LEVELS]


def gives_figure_like(answer: str, term: str) -> bool:
    """Whether `answer` states a figure of `term`'s kind: a month, a year, an ordinal, a
    direction, else a number."""
    words = basic_normalise(answer).split()
    if term in LEVELS:
        return bool(levels_named(words))
    if term in ORDINALS and "largest" in words:  # "second-largest?" of "the largest": a rank
        return True
    for kind in (MONTHS, ORDINALS, DIRECTIONS):
        if term in kind:
            return any(stem(word) in kind for word in words)
    if _YEAR.fullmatch(term):
        return any(_YEAR.fullmatch(word) for word in words)
    return any(word[:1].isdigit() and _YEAR.fullmatch(word) is None for word in words)


def is_name_like(word: str) -> bool:
    """A word no English dictionary has, a name ("Tianhe", "Xinhua", "shenzen"): in a check
    that the knowledge cannot place, it may be the wrong name the user has heard."""
    return len(word) >= 3 and word.isalpha() and not is_english_word(word)


def names_something(answer: str) -> bool:
    """Whether `answer` states a name, as a check of a wrong name needs the right one."""
    return any(is_name_like(word) for word in basic_normalise(answer).split())


def figure_kind(term: str) -> str:
    """Which kind of figure `term` is, for telling a choice ("north or south?") from a claim."""
    kinds = (("month", MONTHS), ("ordinal", ORDINALS), ("direction", DIRECTIONS), ("level", LEVELS))
    for name, kind in kinds:
        if term in kind:
            return name
    return "year" if _YEAR.fullmatch(term) else "number"


# "Was the Feb 18 event the last of ...?": a day before the event's noun says which event the
# check is of, as a name would ("the February 18 ceremony", "the 18 February launch")
_MONTH = "|".join(MONTH_NAMES)
_DAY_OF_MONTH = rf"(?:\d{{1,2}} (?:{_MONTH})|(?:{_MONTH}) \d{{1,2}})"
_DAY_NAMING_AN_EVENT = re.compile(
    rf"\b(?:the|this|that) ({_DAY_OF_MONTH}) (?:event|ceremony|launch|kickoff|gathering|meeting)\b"
)


def days_naming_an_event(normalised: str) -> frozenset[str]:
    """The terms of a day that only says which event a normalised check is about."""
    return frozenset(
        stem(word)
        for match in _DAY_NAMING_AN_EVENT.finditer(normalised)
        for word in match.group(1).split()
    )


def checks_a_date(checked: list[str], asked: list[str]) -> bool:
    """Whether the figures checked are (part of) a date: a month, a year, or a day by a month."""
    if any(t in MONTHS or _YEAR.fullmatch(t) for t in checked):
        return True
    named_month = any(t in MONTHS for t in asked)
    return named_month and any(t.isdigit() and 1 <= int(t) <= 31 for t in checked)
