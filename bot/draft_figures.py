"""Figures in a sentence and the question each answers: "How many", "How much", "How big".

A figure is a number in digits or words (500,000, 1.5 billion, eight, 100-billion-yuan); what it
measures comes from its unit (yuan: money, square meters: area) or else the noun it counts.
Where the sentence's shape allows, its clause becomes the question ("Haizhu will add 10 parks"
-> "How many parks will Haizhu add?").
"""

from __future__ import annotations

import re

from bot.draft_facts import FactCandidate
from bot.draft_grammar import (
    NEAR_NOUN_PHRASE,
    PREPOSITIONS,
    as_question,
    ask,
    clause_at,
    following_noun,
    lower_first,
    question_subject,
    trim,
    verb_split,
)

_NUMBER_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred|dozen|hundreds|thousands|millions|billions|dozens)"
)
_SCALE = r"(?:\s+(?:thousand|million|billion|trillion|bn|mn))?"
_CURRENCY = r"(?:US\$|\$|€|£|¥|RMB\s?)"
# A figure: 500,000, US$1.5 billion, 10%, eight, a 100-billion-yuan (cluster)
NUMBER_FACT = re.compile(
    rf"{_CURRENCY}?\b\d+(?:[.,]\d+)*\b{_SCALE}(?:\s*%)?(?:-[A-Za-z]+)*"
    rf"|\b(?i:{_NUMBER_WORD}(?:-{_NUMBER_WORD})?){_SCALE}\b(?:-[A-Za-z]+)*"
)
_UNITS = (
    ("money", r"yuan|dollars?|euros?|pounds?|rmb|usd|renminbi"),
    ("area", r"square\s+(?:meters?|metres?|kilometers?|kilometres?|feet|miles?)|sq\.?\s*m"
             r"|hectares?|acres?"),
    ("length", r"meters?|metres?|kilometers?|kilometres?|km|miles?|feet|foot"),
    ("weight", r"tonnes?|tons?|kilograms?|kg"),
    ("percent", r"percent|per\s+cent"),
    ("duration", r"years?|months?|weeks?|days?|hours?"),
    ("ratio", r"times"),
)  # fmt: skip
_HOW = {
    "count": "How many", "money": "How much", "area": "How big", "length": "How long",
    "weight": "How much", "percent": "How much", "duration": "How long",
}  # fmt: skip
_APPROX = (
    r"(?:about|around|nearly|almost|over|more than|less than|up to|some|approximately"
    r"|roughly|at least|just over|just under)"
)
_MEASURED = re.compile(  # "an above-ground construction area of about ..."
    r"\b(?:the|an?|its|their|his|her)\s+(?P<np>(?:[\w-]+\s+){0,4}?[\w-]+)\s+"
    rf"(?P<link>of|to|at|reaching|totalling|totaling)\s+(?:{_APPROX}\s+)?$"
)
_DIMENSIONS = {
    "long": "length", "high": "height", "tall": "height", "wide": "width", "deep": "depth",
    "old": "age", "thick": "thickness", "heavy": "weight",
}  # fmt: skip


def _unit(figure: str, after: str) -> tuple[str, str]:
    """What the figure measures ("money", "area", ..., or "count") and its unit as written."""
    if "%" in figure:
        return "percent", ""
    for kind, pattern in _UNITS:
        written = re.match(rf"\s*((?:{pattern})\b)", after, re.I)
        if written:
            return kind, written.group(1)
        if re.search(rf"-(?:{pattern})\b", figure, re.I):
            return kind, ""
    return ("money" if re.match(_CURRENCY, figure) else "count"), ""


def figure_candidate(plain: str, match: re.Match[str], resolved: str | None) -> FactCandidate:
    """A question the figure answers, else the figure alone (`ruled` False)."""
    figure = match.group()
    start, end = match.span()
    kind, unit = _unit(figure, plain[end:])
    tail = plain[end:].lstrip()[len(unit) :]
    noun_words = following_noun(tail)
    noun = " ".join(noun_words)
    clause = clause_at(plain, start, end)
    before = re.sub(rf"\b{_APPROX}\s+$", "", plain[:start])
    last = (before.split() or [""])[-1]
    how = _HOW.get(kind, "")
    dimension = re.match(r"\s*(\w+)", tail)
    measured = _MEASURED.search(plain[:start])
    questions: list[str] = []
    shown = f"{figure} {unit or noun}".strip()
    focus, suffix = (noun if kind == "count" else unit), ""
    if dimension and dimension.group(1) in _DIMENSIONS and kind in {"length", "weight"}:
        near = NEAR_NOUN_PHRASE.search(before)
        split = verb_split(clause)
        subject = (
            f"the {near.group(1)}"
            if near
            else (question_subject(split[0], resolved) if split else "")
        )
        if subject:  # "The bridge is 240 meters long" -> "How long is the bridge?"
            questions.append(as_question(f"How {dimension.group(1)} is {subject}"))
            focus, suffix = subject, _DIMENSIONS[dimension.group(1)]
    elif re.search(r"\d-[A-Za-z]", figure) and noun_words:  # "a 100-billion-yuan level cluster"
        core = re.sub(r"^(?:level|scale|class|grade)\s+", "", noun)
        questions.append(as_question(f"How big is the {core}"))
        questions.append(as_question(f"What is the {figure} {noun_words[-1]}"))
        shown, focus = f"{figure} {noun_words[-1]}", core
    elif how and (unit or noun) and re.sub(rf"^{_APPROX}\s+", "", clause).startswith(figure):
        rest = clause[clause.index(figure) + len(figure) :].strip()[len(unit or noun) :]
        counted = f" {noun}" if kind == "count" else ""
        questions.append(as_question(f"{how}{counted} {trim(rest.split())}"))
    elif how and measured:  # "an area of about 500,000 square meters", "value to 10 billion"
        np = measured.group("np")
        topic = lower_first(resolved) if resolved and measured.group("link") == "of" else ""
        if kind == "area" and topic:
            questions.append(as_question(f"How big is {topic}"))
        lead = "How much" if kind in {"money", "percent"} else "What"
        verb = f"will the {np} be" if re.search(r"\bwill\b", clause) else f"is the {np}"
        questions.append(as_question(f"{lead} {verb}{f' of {topic}' if topic else ''}"))
        focus = np
    elif how and (unit or noun) and last and last.lower() not in PREPOSITIONS:
        split = verb_split(clause)  # the figure as the object: "add 10 parks" -> "How many"
        gap = split[2][: split[2].find(figure)] if split and figure in split[2] else ","
        if split and "," not in gap:
            counted = f" {noun}" if kind == "count" and noun else ""
            rest = _remove(split[2], figure, unit or noun)
            asked = ask(f"{how}{counted}", (split[0], split[1], rest, split[3]), resolved)
            questions += [asked] if asked else []
    ruled = bool(questions)
    questions.append(shown)
    if len(focus.split()) < 2 and not suffix:
        focus = f"{figure} {focus}"
    return FactCandidate(focus, questions, f"figure: {shown}", match.span(), suffix, ruled)


def _remove(clause: str, figure: str, words: str) -> str:
    """The words without the figure and what it counts: the gap the question asks about."""
    position = clause.find(figure)
    after = clause[position + len(figure) :].lstrip()
    after = after[len(words) :] if after.startswith(words) else after
    head = re.sub(rf"\s*\b{_APPROX}$", "", clause[:position].rstrip())
    return f"{head} {after.strip()}".strip()
