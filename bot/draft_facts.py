"""A sentence's facts other than figures, each with the questions it answers by rule.

A date ("When"), a person ("Who is"), a place ("Where is ... located"), a listing ("Which
companies"), a name ("What does the article say about"). Each rule gives a FactCandidate: the
words its id is made of, its questions best first, and what the fact is ("date: Feb 18");
drafting.py decides which of a sentence's candidates become entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.article_text import MONTH_PATTERN, YEAR_PATTERN
from bot.draft_grammar import (
    MODALS,
    PREPOSITIONS,
    as_question,
    ask,
    base_form,
    clause_at,
    count_verb_words,
    main_clause,
    noun_words,
    question_subject,
    trim,
    verb_split,
    word_set,
)


@dataclass
class FactCandidate:
    """One fact of a sentence before it becomes an entry: its id's words, its questions."""

    focus: str  # the words the id is made of
    questions: list[str]
    fact: str
    span: tuple[int, int] = (0, 0)
    suffix: str = ""  # kept at the end of the id: "date", "location"
    ruled: bool = True  # a question was made by rule, not only the figure itself


# A date as news prose writes it: "Feb 18, 2021", "the first quarter", "this year", "in 2025"
DATE_FACT = re.compile(
    rf"\b{MONTH_PATTERN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{YEAR_PATTERN}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\b(?:\.?,?\s+{YEAR_PATTERN}\b)?"
    rf"|\b(?:(?i:early|late|mid)[- ])?{MONTH_PATTERN}\b(?:\.?,?\s+{YEAR_PATTERN}\b)?"
    rf"|\b(?i:the\s+)?(?i:(?:first|second|third|fourth|last|final)\s+(?:quarter|half))"
    rf"(?:\s+of\s+(?:the\s+year|this\s+year|{YEAR_PATTERN}))?"
    rf"|\bQ[1-4](?:\s+{YEAR_PATTERN})?\b"
    r"|\b(?i:this|last|next)\s+(?:year|month|week|quarter)\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|(?:(?<=\bin )|(?<=\bof )|(?<=\bto )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\bfrom )"
    r"|(?<=\bearly )|(?<=\blate )|(?<=\bmid-)|(?<=\bduring )|(?<=\bbefore )|(?<=\bafter ))"
    rf"{YEAR_PATTERN}s?\b"
    rf"|\b{YEAR_PATTERN}\b(?=[,.;)]|$)"
)
_DATE_PREPOSITION = r"(?:on|in|since|by|during|until|from|at|before|after)"

_TITLE_WORDS = word_set(
    "mayor president minister director professor chairman chairwoman secretary governor senator",
    "premier general chief deputy manager head officer spokesperson spokesman spokeswoman",
    "founder engineer official researcher scientist analyst leader member ceo chair partner",
    "architect designer editor curator principal vice",
)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+"
_PERSON = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}"
# Who is quoted: "said Lena Hoff", "Lena Hoff, the mayor, said", "according to Dr. Weil"
SPEAKER = re.compile(
    rf"\bsaid\s+(?:{_HONORIFIC})?(?P<n1>{_PERSON})"
    rf"|(?:{_HONORIFIC})?(?P<n2>{_PERSON})(?:,[^,]{{3,90}},)?\s+(?:said|says|told|added|noted)\b"
    rf"|\baccording to\s+(?:{_HONORIFIC})?(?P<n3>{_PERSON})"
    rf"|\b{_HONORIFIC}(?P<n4>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})"
)
_ROLE = re.compile(
    r",\s+(?:the\s+|an?\s+)?(?P<role>[a-z][\w-]*(?:\s+(?!of\b|at\b|for\b)[a-z][\w-]*){0,5}"
    r"(?:\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|and|of|for|the|&))*)?)"
)
_NAME = re.compile(
    r"\b[A-Z][\w'&.-]*(?:\s+(?:(?:and|of|for|the|on|&)\s+)*[A-Z][\w'&.-]*)+"
    r"|\b[A-Z][a-z]*[A-Z][\w-]*\b|\b[A-Z]{2,}\b|\b[A-Z][a-z]+\b"
)
_NOT_NAMES = word_set(
    "I AI IT ICT GDP CEO IoT OK TV The A An It This That These Those He She They We Its Their",
    "Our His Her In On At As By For From With And But Or If When While January February March",
    "April May June July August September October November December Monday Tuesday Wednesday",
    "Thursday Friday Saturday Sunday",
)
_LOCATED = re.compile(
    r"\s(?P<verb>is|are|was|were|will be)\s+(?:located|situated|based|sited)\s+"
    r"(?:in|at|on|near|beside|along|inside|within|next to)\b"
)


def date_candidate(plain: str, match: re.Match[str], resolved: str | None) -> FactCandidate:
    """ "When did ...?" from the clause around a date, and "What happened on <date>?"."""
    date = match.group()
    clause = clause_at(plain, *match.span())
    written = re.search(rf"(?i:\b({_DATE_PREPOSITION})\s+)$", plain[: match.start()])
    preposition = (
        written.group(1).lower() if written else ("on" if re.search(r"\d", date) else "in")
    )
    without = re.sub(rf"(?i:\b{_DATE_PREPOSITION}\s+)?{re.escape(date)}", "", clause)
    without = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", without)).strip(" ,")
    when = "Since when" if preposition == "since" else "When"
    split = verb_split(without)
    questions = [q for q in [ask(when, split, resolved, copula_ok=False)] if q]
    tense = "will happen" if re.search(r"\bwill\b", clause) else "happened"
    tense = "has happened" if preposition == "since" else tense
    questions.append(as_question(f"What {tense} {preposition} {date}"))
    topic = ""
    if split:  # what the date is of: the object, or the subject of "was", "opened to"
        rest = split[2].split()
        verb_words = count_verb_words(rest, split[1]) if split[3] == "aux" else 0
        rest = rest[verb_words:]
        intransitive = (
            (split[3] == "aux" and not verb_words)
            or rest[:1] == []
            or (rest[0].lower() in PREPOSITIONS)
        )
        topic = noun_words(split[0] if intransitive else " ".join(rest))
    if topic:
        questions.append(f"{topic} date")
    return FactCandidate(topic or date, questions, f"date: {date}", match.span(), "date")


def person_candidate(plain: str, match: re.Match[str]) -> FactCandidate:
    """ "Who is <name>?", by role too, and what the person said or did."""
    name = next(g for g in (match.group(k) for k in ("n1", "n2", "n3", "n4")) if g)
    title = ""
    if name.split()[0].lower() in _TITLE_WORDS and len(name.split()) > 2:
        title, name = name.split(" ", 1)  # "Mayor Lena Hoff"
    questions = [as_question(f"Who is {name}")]
    role = _ROLE.match(plain, match.end("n2") if match.group("n2") else match.end())
    if role and _TITLE_WORDS & set(role.group("role").lower().split()):
        words = role.group("role").split()
        while words[-1] in {"and", "of", "for", "the", "&"}:
            words.pop()
        questions.append(as_question(f"Who is the {' '.join(words)}"))
    elif title:
        questions.append(as_question(f"Who is the {title.lower()}"))
    if re.search(rf"\bsaid\s+(?:\S+\s+)?{re.escape(name)}|{re.escape(name)}\s+said", plain):
        questions.append(as_question(f"What did {name} say"))
    split = verb_split(clause_at(plain, *match.span()))
    if split and name in split[0] and split[3] == "past":
        questions.append(as_question(f"What did {name} {base_form(split[1], 'past')}"))
    questions.append(name)
    return FactCandidate(name, questions, f"person: {name}", match.span())


def location_candidate(plain: str, resolved: str | None) -> FactCandidate | None:
    """ "Where is X located?" from "X is located in ..."; None without one."""
    match = _LOCATED.search(plain)
    if match is None:
        return None
    subject = question_subject(main_clause(plain[: match.start()]), resolved)
    if not subject or len(subject.split()) > 12:
        return None
    verb = "are" if match.group("verb") in {"are", "were"} else "is"
    questions = [
        as_question(f"Where {verb} {subject}"),
        as_question(f"Where {verb} {subject} located"),
    ]
    place = plain[match.end() :].strip()
    return FactCandidate(subject, questions, f"place: {place}", suffix="location")


def listing_candidate(plain: str) -> FactCandidate | None:
    """ "Many companies, including A, B and C, signed ..." -> "Which companies signed ...?"."""
    match = re.search(
        r"\b(?P<noun>[A-Za-z]+s)\s*,\s+(?:including|such as|among them)\s+(?P<names>[^;]+?),\s+"
        r"(?!and\b|or\b)(?P<rest>[a-z][^;]*)$",
        main_clause(plain),
    )
    if match is None or not re.search(r"[A-Z]", match.group("names")):
        return None
    names = re.sub(r",\s+and\s+", " and ", match.group("names"))
    noun = match.group("noun").lower()
    questions = [as_question(f"Which {noun} {trim(match.group('rest').split(), 16)}"), names]
    first = re.split(r",| and ", names)[0]
    return FactCandidate(f"{noun} {first}", questions, f"names: {names}")


def names_in(plain: str) -> list[str]:
    """Names past the sentence's first word: runs of capitalised words, acronyms."""
    found: list[str] = []
    for match in _NAME.finditer(plain):
        words = match.group().split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        name = " ".join(words).strip(".,'")
        if name and name not in _NOT_NAMES and (match.start() > 0 or len(words) > 1):
            found.append(name)
    return found


def name_candidate(plain: str, names: list[str], resolved: str | None) -> FactCandidate:
    """ "What does the article say about <name>?", and a yes/no question it answers."""
    name = max(names, key=len)
    article = "the " if re.search(rf"\bthe {re.escape(name)}", plain, re.I) else ""
    questions = [as_question(f"What does the article say about {article}{name}")]
    split = verb_split(main_clause(plain))
    if split and split[3] == "aux" and split[1] not in MODALS | {"has", "have", "had"}:
        subject = question_subject(split[0], resolved)  # a yes/no question the sentence answers
        if subject:
            questions.append(as_question(f"{split[1]} {subject} {trim(split[2].split(), 16)}"))
    questions.append(name)
    return FactCandidate(name, questions, f"names: {', '.join(dict.fromkeys(names))}")
