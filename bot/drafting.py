"""Draft knowledge from an article's published text: facts picked and questions suggested by rule.

Pure: text in, a `Draft` and YAML text out. A sentence is drafted when it carries a figure
(500,000, 10 billion, 1.5, eight, 100-billion-yuan), a date (Feb 18, 2021, the first quarter,
this year), a person (a quoted speaker, a name with a title), says where something is located,
or failing those names something (capitalised words past the sentence's start, acronyms such as
HYCAN). Each fact gets its own entry, at most three per sentence: the sentence as the answer to
rewrite, and questions made from it by rule (a count -> "How many", an amount -> "How much", a
date -> "When", a person -> "Who is", "is located in" -> "Where is", a name -> "What"). Other
sentences are listed as skipped, so no fact is dropped silently. The rules are crude grammar:
the questions are suggestions for a maintainer, who rewrites every entry before it goes live.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.article_text import YEAR_PATTERN, ArticleText, parse_article
from bot.draft_facts import (
    DATE_FACT,
    SPEAKER,
    FactCandidate,
    date_candidate,
    listing_candidate,
    location_candidate,
    name_candidate,
    names_in,
    person_candidate,
)
from bot.draft_figures import NUMBER_FACT, figure_candidate
from bot.draft_grammar import (
    NOT_SUBJECTS,
    PRONOUNS,
    as_question,
    clause_at,
    main_clause,
    plain_text,
    topic_of,
    verb_split,
)
from bot.ids import ID_MAX_BYTES, slug, unique_id
from bot.sentences import SENTENCE_END, split_sentences
from bot.text import Normaliser
from bot.validation import NEAR_IDENTICAL

MAX_ENTRIES_PER_SENTENCE = 3
MAX_QUESTIONS = 3
MAX_FACTS_READ = 12  # figures and dates read per sentence: bounds the work on a table-like line
CAPTION_REPEAT = 85.0  # token_set_ratio above which a photo caption only repeats the text


@dataclass(frozen=True)
class DraftEntry:
    """One suggested entry: questions made by rule, the article's sentence as the answer."""

    id: str
    questions: tuple[str, ...]
    answer: str
    fact: str  # what made it worth drafting: "figure: 500,000 square meters", "date: Feb 18"
    from_caption: bool = False


@dataclass(frozen=True)
class Draft:
    """The entries drafted from one article, and the sentences that gave none."""

    article: ArticleText
    entries: tuple[DraftEntry, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (sentence, why it was not drafted)


def _candidates(plain: str, resolved: str | None) -> list[FactCandidate]:
    """Each fact of the sentence, in the order written; at most three."""
    found = [c for c in (location_candidate(plain, resolved), listing_candidate(plain)) if c]
    dates = list(itertools.islice(DATE_FACT.finditer(plain), MAX_FACTS_READ))
    numbers = (
        m
        for m in NUMBER_FACT.finditer(plain)
        if not re.fullmatch(YEAR_PATTERN, m.group())  # a year the date rules did not need
        and not plain[: m.start()].endswith("(")  # "($37.8 billion)" restates a figure
        and not any(d.start() <= m.start() < d.end() for d in dates)
    )
    figures = [
        figure_candidate(plain, m, resolved) for m in itertools.islice(numbers, MAX_FACTS_READ)
    ]
    found += [f for f in figures if f.ruled]
    for match in SPEAKER.finditer(plain):
        person = person_candidate(plain, match)
        if all(person.focus != c.focus for c in found):
            found.append(person)
    for match in dates:
        date = date_candidate(plain, match, resolved)
        clause = clause_at(plain, *match.span())
        same = [f for f in figures if f.ruled and clause_at(plain, *f.span) == clause]
        if same:  # "eight buildings will be capped this year": one entry, "when" in its questions
            same[0].questions[1:1] = [q for q in date.questions if q.startswith(("When", "Since"))]
        elif not any(c.suffix == "date" for c in found):
            found.append(date)
    if not found and figures:  # figures no rule could ask about: one entry on what they are of
        shown = [f.questions[-1] for f in figures]
        found.append(FactCandidate(topic_of(plain, resolved), [], f"figures: {', '.join(shown)}"))
    if not found and (names := names_in(plain)):
        found.append(name_candidate(plain, names, resolved))
    found.sort(key=lambda c: c.span[0])
    return found[:MAX_ENTRIES_PER_SENTENCE]


class _Registry:
    """Keeps ids unique and questions distinct, across the draft and the existing knowledge."""

    def __init__(self, taken_ids: Iterable[str], taken_questions: Iterable[str]) -> None:
        self.normaliser = Normaliser()
        self.ids = set(taken_ids)
        self.keys = [self.normaliser.normalise(q) for q in taken_questions]

    def questions(self, proposed: Iterable[str], room: int = MAX_QUESTIONS) -> list[str]:
        """Up to `room` of the proposed questions, none close to one already taken."""
        kept: list[str] = []
        keys: list[str] = []
        for question in proposed:
            key = self.normaliser.normalise(question)
            if not key or key in keys or len(kept) == room:
                continue
            if process.extractOne(
                key, self.keys, scorer=fuzz.token_sort_ratio, score_cutoff=NEAR_IDENTICAL - 1
            ):
                continue
            kept.append(question)
            keys.append(key)
        self.keys.extend(keys)
        return kept

    def new_id(self, focus: str, suffix: str = "") -> str:
        tail = f"-{suffix}" if suffix else ""
        base = (slug(focus, ID_MAX_BYTES - len(tail)) or "fact") + tail
        return unique_id(base, self.ids)


def draft_article(
    text: str,
    filename: str = "",
    taken_ids: Iterable[str] = (),
    taken_questions: Iterable[str] = (),
) -> Draft:
    """Draft an entry per fact of the article; ids and questions avoid those already taken."""
    article = parse_article(text, filename)
    registry = _Registry(taken_ids, taken_questions)
    body = [s for p in article.paragraphs for s in split_sentences(p)]
    captions = [s for c in article.captions for s in split_sentences(c)]
    entries: list[DraftEntry] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    resolved: str | None = None  # what "it" stands for: the last sentence's named subject
    for sentence, from_caption in [(s, False) for s in body] + [(s, True) for s in captions]:
        plain = plain_text(sentence)
        if not SENTENCE_END.search(sentence) and len(plain.split()) < 8:
            continue  # a heading
        repeats = (fuzz.token_set_ratio(plain, plain_text(b)) >= CAPTION_REPEAT for b in body)
        if plain in seen:
            skipped.append((sentence, "repeats an earlier sentence"))
            continue
        seen.add(plain)
        if from_caption and any(repeats):
            skipped.append((sentence, "photo caption repeating the text"))
            continue
        if sentence.rstrip(" \"”’')").endswith("?"):
            skipped.append((sentence, "a question, not a statement"))
            continue
        found = _candidates(plain, resolved)
        topic = topic_of(plain, resolved)
        split = verb_split(main_clause(plain))
        if split and split[0].lower() not in PRONOUNS | NOT_SUBJECTS:
            resolved = split[0]
        if not found:
            skipped.append((sentence, "no figure, date or name"))
        for candidate in found:
            questions = registry.questions(candidate.questions)
            if len(questions) < 2:  # one phrasing is warned about: offer plainer ones too
                focus = re.sub(r"^(?i:the|an?)\s+", "", candidate.focus)
                named = f"{focus} {candidate.suffix}".strip()
                fallback = [
                    named,
                    as_question(f"What does the article say about {focus}"),
                    as_question(f"What does the article say about {topic}"),
                    f"{topic} {named}" if topic != named else "",
                ]
                questions += registry.questions(fallback, 2 - len(questions))
            if not questions:
                skipped.append((sentence, "its questions would repeat earlier entries'"))
                continue
            entry_id = registry.new_id(candidate.focus, candidate.suffix)
            entries.append(
                DraftEntry(entry_id, tuple(questions), sentence, candidate.fact, from_caption)
            )
    return Draft(article, tuple(entries), tuple(skipped))
