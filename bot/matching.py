"""Scores a question against the entries: rare words weigh most, typos are mended word by word.

Measured on eval/questions.yaml (see `newsbot eval --compare`): whole-string rapidfuzz scorers
either answer near misses ("How big is Guangzhou?" scores high against "How big is the park?")
or miss rewordings. Weighting each word by its rarity in the knowledge (IDF) and asking how much
of the question an entry accounts for is what refuses near misses; rapidfuzz mends typos against
the knowledge's vocabulary and adds a whole-phrasing similarity as a tie-breaker.

At newsroom scale (a million phrasings) only the entries that could make the top are scored:
an inverted index (bot/index.py) finds them by the question's rarer terms and a bound on each
entry's score skips the rest (`_Search`). `Matcher.reference()` scores every entry instead;
benchmarks/scale.py and the tests hold the two to the same decisions.
"""

from __future__ import annotations

import copy
import hashlib
import math
import re
from bisect import insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache, partial
from itertools import chain

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot.checks import MONTHS, is_name_like
from bot.english import is_manner_adverb, rarity
from bot.gcpause import paused_gc
from bot.index import IN_ANSWER, IN_QUESTION, Docs, member
from bot.knowledge import Entry, KnowledgeBase
from bot.lexicon import WORD_MAP
from bot.slips import TextSlips, mend_function_word
from bot.snapshots import code_version, later
from bot.soundalike import SoundAlikes
from bot.termtables import Phrasings, Tables, build_tables, read_cached, write_cached
from bot.text import (
    NORMALISING_MODULES,
    QUESTION_WORDS,
    STOPWORDS,
    Normaliser,
    basic_normalise,
    stem,
)
from bot.textcache import knowledge_normaliser
from bot.typos import TypoMender, slips_into

# "when"/"who" steer between entries but never carry a match; "what" and "how" say even less
QUESTION_WORD_WEIGHTS = {"what": 0.1, "how": 0.4}
QUESTION_WORD_WEIGHT = 1.0
NAME_WORDS = 3  # a synonym's canonical name this long weighs as one word in a question
COVERAGE_POWER = 1.0  # missing one informative word should cost more than its share
WRONG_KIND_PENALTY = 0.8  # a "where" question against an entry nobody asks "where" about
TIMELESS_PENALTY = 0.75  # a "when" question against an answer that has no date or time in it
FIGURELESS_PENALTY = 0.75  # a "how big/many/much" question against an answer without a figure
# "What was launched at the Feb 18 event?" names the date to say which event: against the entry
# that answers "when", the date describes what is asked about, it is not what is asked
DATE_GIVEN_PENALTY = 0.85
# ... and one with no "when" and no time word at all ("Did the ceremony kick off construction
# of the park?") asks something else of what the date is about (0.9: 3 wrong entries fewer
# over every set, 0.8: one more but two dates of "the same day as the ceremony" lost)
UNTIMED_PENALTY = 0.9
# a question that asks, as its first word says
_ASKS = re.compile(
    r"(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|should|what|which|who"
    r"|whom|whose|how|why|where)\b"
)
# ("Feb 18 event - what was launched?": the asking may follow the topic)
_ASKS_OTHER_THAN_WHEN = re.compile(r"(?:^|\s)(?:what|which|who|whom|whose|why|how)\b")
# "how big", "how many", "how much", "how long", "how tall"...: the question asks for a figure
QUANTITY_ASKED = re.compile(r"\bhow (?:big|many|much|long|tall|far|old|high|wide|deep|heavy)\b")
SPECIFIC_QUESTION_WORDS = frozenset({"when", "where", "who", "why"})
TIME_CUE = re.compile(
    r"\b(1[89]\d\d|20\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february"
    r"|march|april|june|july|august|september|october|november|december|quarter|since|today"
    r"|yesterday|tomorrow|year|years|month|months|week|weeks|day|days|date|until|ago)\b",
    re.IGNORECASE,
)
ANSWER_CREDIT = 0.7  # a question word found only in the answer text is weaker evidence
# ... and the weaker the longer the answer: a word in a one-sentence fact is what it says, a word
# somewhere in a long explanation may be a passing mention. Answers up to ANSWER_TERMS distinct
# terms get ANSWER_CREDIT; longer ones ANSWER_CREDIT * (ANSWER_TERMS / terms) ** ANSWER_DECAY.
ANSWER_TERMS = 20
ANSWER_DECAY = 0.5
MIN_WEIGHT = 0.15  # words found in every entry still count a little
SHORT_UNKNOWN_WEIGHT = 0.6  # an unknown one- or two-letter word is more likely noise than meaning
OTHER_NUMBER_PENALTY = 0.7  # "nine buildings" when the entry says eight: not this fact
UNKNOWN_WEIGHT_SHARE = 1.0  # an unknown word weighs this share of the rarest known word's weight
PHRASING_SHARE = 0.2  # how much the best single phrasing's overlap adds to entry coverage
STRING_SHARE = 0.15  # how much rapidfuzz's whole-string similarity adds
# a question with a word only the entry's open questions have ("later", "other") is one of
# them when it fits them nearly as well as the entry's own ("What were the later events in the
# Q1 series?" fits "series of activities" a little better, and asks what the article lacks)
LEFT_OPEN_SHARE = 0.9
# a question fitting an open question this little asks something else: "how rare are city
# industrial parks ...?", 0.06 of "How long has Pan Hongping worked at the park?", is no
# question the article leaves open, and may still be quoted from it
MIN_LEFT_OPEN_FIT = 0.3
# A knowledge term's IDF is scaled by how rare its words are in English (bot/english.rarity):
# COMMON_MIN of it at COMMON_FLOOR ("the" 1.3, "make" 2.7), all of it from COMMON_RARE ("park"
# 4.5), linearly between. Chosen on StackFAQ (question+answer MAP 0.798 -> 0.800).
COMMON_FLOOR = 1.5
COMMON_RARE = 4.0
COMMON_MIN = 0.1

Scorer = Callable[..., float]
BASELINE_SCORERS: dict[str, Scorer] = {
    "wratio": fuzz.WRatio,
    "ratio": fuzz.ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "partial_ratio": fuzz.partial_ratio,
}
SCORERS = ("weighted", *BASELINE_SCORERS)


@dataclass(frozen=True)
class Candidate:
    """One entry's best showing for a question, with what explains the score."""

    entry: Entry
    score: float
    phrasing: str
    coverage: float = 0.0
    matched: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryWord:
    surface: str  # as the user wrote it, after normalisation
    term: str  # the knowledge term it stands for (stem), possibly typo-corrected
    weight: float
    similarity: float  # 1.0 exact; below 1 when a typo was mended
    known: bool


Floats = npt.NDArray[np.float64]
SEED_DOCS = 2048  # entries scored first to learn how high the top scores are
# Scores from EXACT_FLOOR up are always exactly those a scan of every entry gives: every entry
# a user can be shown (related suggestions start at 25, "did you mean" at the clarify threshold)
# and everything the decision compares. When the question's words are in more than EXACT_WORK
# entries, weaker matches are looked for only among the entries that could reach the floor, and
# only LOW_BUDGET of them are scored, the most promising first: in a big knowledge base tens of
# thousands of entries may share just "photo" with a hopeless question.
EXACT_FLOOR = 25.0
EXACT_WORK = 4096
PHRASING_CACHE = 8192  # entries whose phrasings' terms are kept once scored
SMALL_WORK = 1024  # below this many (term, entry) pairs plain Python beats numpy's overheads
LOW_BUDGET = 32


@dataclass(frozen=True)
class _Terms:
    """One entry's terms as a plain scan sees them (only built for `Matcher.reference`)."""

    question: frozenset[str]
    answer_only: frozenset[str]


class Matcher:
    """Built once per knowledge load; `match` is then cheap and has no side effects."""

    def __init__(self, knowledge: KnowledgeBase, scorer: str = "weighted") -> None:
        if scorer not in SCORERS:
            raise ValueError(f"unknown scorer {scorer!r}; choose from {', '.join(SCORERS)}")
        self.knowledge = knowledge
        self.scorer = scorer
        self.exhaustive = False  # True only for the copy that `reference` returns
        self.normaliser: Normaliser = knowledge.normaliser()
        # multi-word names the synonyms define, as the query's content words spell them
        self._names = sorted(
            {
                name
                for canonical in knowledge.synonyms
                if len(
                    name := tuple(
                        w
                        for w in self.normaliser.normalise(canonical).split()
                        if w not in STOPWORDS
                    )
                )
                >= NAME_WORDS
            },
            key=len,
            reverse=True,
        )
        self._entries = knowledge.live_entries
        # normalising is most of a build: each file's terms are kept (bot/termtables.py), in
        # memory for a reload after an edit and with the knowledge's cache for the next start
        with paused_gc():
            tables = _tables(knowledge, self._entries)
        self._surface = tables.surface  # normalised word -> term
        self._term_names = tables.term_names
        self._term_ids = {term: number for number, term in enumerate(self._term_names)}
        self._phrasings = Phrasings(tables, self._entries, self.normaliser.normalise)
        self._timed = bytearray(tables.timed)  # the answer states a date or time: "when"
        self._index = tables.index
        # what a term found only in the answer is worth: less in a long answer
        self._answer_credit = _answer_credits(tables.answer_sizes)
        self._timed_docs = np.frombuffer(self._timed, dtype=np.uint8)
        count = max(len(self._entries), 1)
        self._idf = {
            term: _question_word_weight(term)
            if term in QUESTION_WORDS
            else max(math.log(1 + (count - df + 0.5) / (df + 0.5)), MIN_WEIGHT)
            for term, df in zip(
                self._term_names, map(self._index.size, range(len(self._term_names))), strict=True
            )
        }
        self._weigh_by_english_rarity()
        self._unknown_weight = UNKNOWN_WEIGHT_SHARE * math.log(1 + (count + 0.5) / 0.5)
        # typos are mended against every word that normalises to a knowledge word, so
        # "pictrue" finds "picture" even though the knowledge says "photo"
        correctable = dict(self._surface)
        for variant, canonical in chain(WORD_MAP.items(), self._single_word_synonyms()):
            if canonical in self._surface:
                correctable.setdefault(variant, self._surface[canonical])
        self._mender = TypoMender(correctable)
        self._reference_terms: list[_Terms] = []
        # the terms of each phrasing of entries' questions and questions left open
        self._own_terms: dict[tuple[str, ...], tuple[frozenset[str], ...]] = {}
        self._around: dict[str, frozenset[str]] = {}  # entries' article terms beyond their own
        self._listed: dict[str, frozenset[str]] = {}  # names entries' answers list, not ask of
        self._article_terms: dict[tuple[str, str], frozenset[str]] = {}  # by file and link
        self._phrasing_terms = lru_cache(maxsize=PHRASING_CACHE)(self._phrasing_terms_uncached)

    def _weigh_by_english_rarity(self) -> None:
        """Scale each term's IDF down when English uses it everywhere ("make", "way", "need").

        A small knowledge base cannot tell that "make" says little: it may be in one entry only.
        """
        rarest: dict[str, float] = {}
        for word, term in self._surface.items():
            found = rarity(word)
            # the lexicon's words ("big", "many", "cost") say which fact is asked: kept whole
            value = COMMON_RARE if found is None or word in _ASPECT_WORDS else found
            rarest[term] = max(rarest.get(term, value), value)
        for term, value in rarest.items():
            if term in QUESTION_WORDS:
                continue
            share = (value - COMMON_FLOOR) / (COMMON_RARE - COMMON_FLOOR)
            self._idf[term] *= min(max(share, COMMON_MIN), 1.0)

    def _single_word_synonyms(self) -> list[tuple[str, str]]:
        pairs = []
        for canonical, variants in self.knowledge.synonyms.items():
            target = self.normaliser.normalise(canonical)
            pairs += [(v.casefold(), target) for v in variants if " " not in v.strip()]
        return pairs

    def reference(self) -> Matcher:
        """The same matcher scanning every entry, no index: what the index must agree with."""
        if not self._reference_terms:
            for entry in self._entries:
                question = frozenset(t for q in entry.questions for t in self.normaliser.words(q))
                answer = frozenset(self.normaliser.words(entry.answer)) - question
                self._reference_terms.append(_Terms(question, answer))
        scan = copy.copy(self)
        scan.exhaustive = True
        return scan

    def idf(self, term: str) -> float:
        """How much a knowledge term tells entries apart (unknown terms tell the most)."""
        return self._idf.get(term, self._unknown_weight)

    def with_slips_mended(self, question: str) -> str:
        """`question` with the slips the rules reading its words must not miss mended
        (bot/slips.py): "Whta is ...?", "..., rihgt?", "the new pak"."""
        return self._text_slips.mended(question)

    @cached_property
    def _text_slips(self) -> TextSlips:  # on first use: most questions have none
        return TextSlips(self._surface, self._mender, self.knowledge.synonyms)

    def heard_names(self, question: str) -> str | None:
        """`question` with the knowledge's names that speech-to-text wrote as other words
        ("high zoo") written as the knowledge writes them; None when it has none."""
        return self._sound_alikes.heard(question)

    @cached_property
    def _sound_alikes(self) -> SoundAlikes:  # on first use: most questions never need it
        return SoundAlikes(self._surface)

    def query_words(self, question: str, names_as_one: bool = True) -> list[QueryWord]:
        """The question's words as the matcher sees them: terms, weights, mended typos.

        With `names_as_one`, a long name from the synonyms weighs as its heaviest word.
        """
        words = self.normaliser.normalise(question).split()
        words = self._join_split_words(words)
        result: list[QueryWord] = []
        for word in words:
            if word in STOPWORDS:
                continue
            mended = mend_function_word(word) if word not in self._surface else None
            if mended is not None:
                if mended in QUESTION_WORDS:
                    weight = _question_word_weight(mended)
                    result.append(QueryWord(word, mended, weight, 1.0, True))
                continue
            if word in QUESTION_WORDS:
                result.append(QueryWord(word, word, _question_word_weight(word), 1.0, True))
                continue
            term = stem(word)
            if term in self._idf:
                if is_manner_adverb(word):  # "officially": how, even where a phrasing has it
                    continue
                result.append(QueryWord(word, term, self._idf[term], 1.0, True))
                continue
            corrected = self._mender.correct(word)
            if corrected is not None:
                term, similarity = corrected
                result.append(QueryWord(word, term, self._idf[term], similarity, True))
            elif not slips_into(word, _LONG_FILLERS):  # "mentiond" says as little as "mentioned"
                noise = len(word) <= 2 and not word[0].isdigit()
                manner = is_manner_adverb(word)  # "precisely", "generally"
                weight = SHORT_UNKNOWN_WEIGHT if noise or manner else self._unknown_weight
                result.append(QueryWord(word, term, weight, 0.0, False))
        return _once_each(self._names_as_one(result) if names_as_one else result)

    def _names_as_one(self, words: list[QueryWord]) -> list[QueryWord]:
        """A long name from the synonyms ("pazhou ... pilot zone") weighs as one word, its
        heaviest: six words of one name must not outweigh what the question asks about it."""
        if not self._names:
            return words
        surfaces = [w.surface for w in words]
        out = list(words)
        for name in self._names:
            size = len(name)
            for start in range(len(surfaces) - size + 1):
                if tuple(surfaces[start : start + size]) == name:
                    run = out[start : start + size]
                    heaviest = max(w.weight for w in run)
                    share = heaviest / sum(w.weight for w in run)
                    out[start : start + size] = [replace(w, weight=w.weight * share) for w in run]
        return out

    def _join_split_words(self, words: list[str]) -> list[str]:
        """Rejoin a name typed in two pieces ("hong ping") when the knowledge writes it as one."""
        if len(words) < 2:
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and words[i] not in STOPWORDS:  # "a way" is not "away"
                joined = words[i] + words[i + 1]
                if joined in self._surface:
                    out.append(joined)
                    i += 2
                    continue
            out += self._split(words[i])
            i += 1
        return out

    def _split(self, word: str) -> list[str]:
        """Split a compound the knowledge writes as two words ("autoplay", "webapp")."""
        if word in self._surface or len(word) < 6 or stem(word) in self._idf:
            return [word]
        for cut in range(2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            if head in self._surface and tail in self._surface:
                return [head, tail]
        return [word]

    def match(
        self, question: str, limit: int = 5, leave_out: Callable[[str], bool] | None = None
    ) -> list[Candidate]:
        """The best entries for `question`, one candidate per entry, best first.

        `leave_out` says which of the question's terms to match as if they were not there.
        """
        if self.scorer != "weighted":
            return self._match_baseline(question, limit)
        query = self.query_words(question)
        normalised = self.normaliser.normalise(question)
        if leave_out is not None:
            query = [w for w in query if not leave_out(w.term)]
            normalised = " ".join(w for w in normalised.split() if not leave_out(stem(w)))
        informative = [w for w in query if w.term not in QUESTION_WORDS]
        if not informative:
            return []
        total = sum(w.weight for w in query)
        if self.exhaustive:
            return self._scan(query, total, normalised, limit)
        return _Search(self, query, total, normalised, limit).run()

    def left_open(self, question: str, entry: Entry) -> tuple[str, float, float] | None:
        """The question of `entry.not_in_article` that `question` asks, when it fits it better
        than any of the entry's own questions and shares a word with it that none of those
        has ("many", "next"): with its fit and the best own fit. None: the entry answers."""
        if not entry.not_in_article:
            return None
        left_open, own = self._terms_of(entry.not_in_article), self._terms_of(entry.questions)
        readings = self._readings(question)
        asked: frozenset[str] = frozenset().union(*(terms for terms, _ in readings))
        owned = self.question_terms(entry)
        if asked.isdisjoint(frozenset().union(*left_open) - owned):
            return None  # most questions: no word of its own
        left, which, shared = self._fit(readings, left_open)
        fitted, _, _ = self._fit(readings, own)
        if left < MIN_LEFT_OPEN_FIT or left <= LEFT_OPEN_SHARE * fitted or shared <= owned:
            return None
        return entry.not_in_article[which], left, fitted

    def about(self, term: str) -> Entry | None:
        """The one entry whose questions hold `term` ("yuanzhi"), when most of them do: what
        the entry is about. None for a term several entries ask about ("haizhu")."""
        number = self._term_ids.get(term)
        if number is None:
            return None
        docs = self._index.question_docs(number)
        if len(docs) != 1:
            return None
        doc = int(docs[0])
        phrasings = self._phrasing_terms(doc)
        holding = sum(term in terms for terms, _, _ in phrasings)
        return self._entries[doc] if 2 * holding >= len(phrasings) else None

    def around(self, entry: Entry) -> frozenset[str]:
        """The terms of the entry's article (title and text) that its questions and answer lack:
        what a question may say of the story around the fact ("the Haizhu project")."""
        found = self._around.get(entry.id)
        if found is None:
            article = entry.article
            said = self._article_terms.get((article.path, article.url))
            if said is None:
                told = f"{article.title}\n{article.text or ''}"
                said = self._article_terms[article.path, article.url] = frozenset(
                    self.normaliser.words(told)
                )
            own = self.entry_terms(entry)
            if len(self._around) >= PHRASING_CACHE:
                self._around.clear()
                self._article_terms.clear()
            found = self._around[entry.id] = said - own - QUESTION_WORDS
        return found

    def listed_names(self, entry: Entry) -> frozenset[str]:
        """The names the entry's answer gives that its questions do not ask of ("Meishang,
        Yuanzhi Technology and HYCAN signed"): what it lists (English lacks a name's word)."""
        found = self._listed.get(entry.id)
        if found is None:
            said = self.normaliser.normalise(entry.answer).split()
            named = {stem(w) for w in said if is_name_like(w)}
            if len(self._listed) >= PHRASING_CACHE:
                self._listed.clear()
            found = self._listed[entry.id] = frozenset(named) - self.question_terms(entry)
        return found

    def question_terms(self, entry: Entry) -> frozenset[str]:
        """The terms of all the entry's questions (kept with each phrasing's, `_terms_of`)."""
        return frozenset().union(*self._terms_of(entry.questions))

    def entry_terms(self, entry: Entry) -> frozenset[str]:
        """The terms of the entry's questions and answer: every word it can be said to know."""
        return self.question_terms(entry) | frozenset(self.normaliser.words(entry.answer))

    def _readings(self, question: str) -> list[tuple[frozenset[str], float]]:
        # each word as matched and as typed: "make" is not "male", whatever the typo mender says
        return [
            (frozenset((word.term, stem(word.surface))), word.weight)
            for word in self.query_words(question, names_as_one=False)
        ]

    def _terms_of(self, phrasings: tuple[str, ...]) -> tuple[frozenset[str], ...]:
        found = self._own_terms.get(phrasings)
        if found is None:
            if len(self._own_terms) >= PHRASING_CACHE:
                self._own_terms.clear()
            found = self._own_terms[phrasings] = tuple(
                frozenset(self.normaliser.words(p)) for p in phrasings
            )
        return found

    def _fit(
        self, readings: list[tuple[frozenset[str], float]], phrasings: tuple[frozenset[str], ...]
    ) -> tuple[float, int, frozenset[str]]:
        """How closely the question says what the best of `phrasings` says (an F-measure of
        the rarity-weighted terms they share, as `score` takes for a phrasing), which phrasing
        that is, and the terms they share. The phrasings need not be indexed: their words may
        be unknown to the matcher ("make", "next")."""
        asked: frozenset[str] = frozenset().union(*(terms for terms, _ in readings))
        total = sum(weight for _, weight in readings)

        def weigh(term: str) -> float:
            return _question_word_weight(term) if term in QUESTION_WORDS else self.idf(term)

        best, best_fit, best_shared = 0, 0.0, frozenset[str]()
        for number, terms in enumerate(phrasings):
            shared = terms & asked
            said = math.fsum(map(weigh, terms))  # exact: a set's order varies with the hash seed
            of_phrasing = math.fsum(map(weigh, shared)) / said if said else 0.0
            share = sum(weight for found, weight in readings if not found.isdisjoint(terms))
            of_question = share / total if total else 0.0
            both = of_phrasing + of_question
            fitted = 2 * of_phrasing * of_question / both if both else 0.0
            if fitted > best_fit:
                best, best_fit, best_shared = number, fitted, shared
        return best_fit, best, best_shared

    def _scan(self, query: list[QueryWord], total: float, text: str, limit: int) -> list[Candidate]:
        """Score every entry that shares a word with the question: the reference for `_Search`."""
        candidates = []
        for doc, terms in enumerate(self._reference_terms):
            kinds = {
                w.term: IN_QUESTION if w.term in terms.question else IN_ANSWER
                for w in query
                if w.term in terms.question or w.term in terms.answer_only
            }
            if kinds:
                candidates.append(self.score(doc, query, total, text, kinds))
        candidates.sort(key=_rank)
        return candidates[:limit]

    def _phrasing_terms_uncached(
        self, doc: int
    ) -> tuple[tuple[frozenset[str], float, tuple[str, ...]], ...]:
        """Each phrasing's terms, their total weight, and the terms once each in the order the
        phrasing says them: summed in that order, a score is the same in every process (a
        set's order changes with the hash seed) (kept for recently scored entries)."""
        found = []
        for normalised in self._phrasings[doc]:
            terms = [stem(w) for w in normalised.split() if w not in STOPWORDS]
            found.append(
                (frozenset(terms), sum(self._idf[t] for t in terms), tuple(dict.fromkeys(terms)))
            )
        return tuple(found)

    def score(
        self, doc: int, query: list[QueryWord], total: float, text: str, kinds: dict[str, int]
    ) -> Candidate:
        """Score entry number `doc`; `kinds` says where it has each query term (else absent)."""
        gained = 0.0
        matched: list[str] = []
        missing: list[str] = []
        query_terms: dict[str, float] = {}
        for word in query:
            kind = kinds.get(word.term, 0)
            if kind == IN_QUESTION:
                credit = word.similarity
            elif kind == IN_ANSWER:
                credit = _in_answer_credit(word.term, self._answer_credit[doc]) * word.similarity
            else:
                credit = 0.0
            gained += word.weight * credit
            (matched if credit else missing).append(word.surface)
            if credit:
                query_terms[word.term] = max(query_terms.get(word.term, 0.0), word.similarity)
        coverage = gained / total if total else 0.0
        # the best phrasing covers the question and is covered by it (an F-measure), so a
        # short phrasing like "What is Haizhu?" does not win on one shared word
        best, best_overlap = 0, -1.0
        asked: dict[str, float] = {}  # each query term's share of the question
        for word in query:
            asked[word.term] = asked.get(word.term, 0.0) + word.weight
        for number, (terms, weight, in_order) in enumerate(self._phrasing_terms(doc)):
            if terms.isdisjoint(asked):
                overlap = 0.0
                if overlap > best_overlap:
                    best, best_overlap = number, overlap
                continue
            # in the phrasing's order: a tie between two phrasings must not be broken by
            # rounding in one process and not in another
            covered = sum(self._idf[t] * query_terms.get(t, 0.0) for t in in_order)
            of_phrasing = covered / weight if weight else 0.0
            share = sum(w for t, w in asked.items() if t in terms)
            of_question = share / total if total else 0.0
            both = of_phrasing + of_question
            overlap = 2 * of_phrasing * of_question / both if both else 0.0
            if overlap > best_overlap:
                best, best_overlap = number, overlap
        similarity = fuzz.token_set_ratio(text, self._phrasings[doc][best]) / 100
        blended = (
            coverage * (1 - PHRASING_SHARE - STRING_SHARE)
            + best_overlap * PHRASING_SHARE
            + similarity * STRING_SHARE
        )
        score = 100 * blended * coverage**COVERAGE_POWER
        if any(w.term[0].isdigit() and w.term not in kinds for w in query):
            score *= OTHER_NUMBER_PENALTY
        for word in query:
            if word.term not in SPECIFIC_QUESTION_WORDS or kinds.get(word.term) == IN_QUESTION:
                continue
            if word.term == "when":
                score *= 1.0 if self._timed[doc] else TIMELESS_PENALTY
            else:
                score *= WRONG_KIND_PENALTY
        entry = self._entries[doc]
        # only lowers a score, so the bounds of the indexed search stay bounds without it
        if QUANTITY_ASKED.search(text) and not _states_figure(entry.answer):
            score *= FIGURELESS_PENALTY
        if self._phrasings[doc][0].startswith("when ") and _names_a_date(query, text):
            score *= DATE_GIVEN_PENALTY
        if (
            self._phrasings[doc][0].startswith("when ")
            and _ASKS.match(text)  # "footbridge" alone asks nothing of it: may be its date
            and not any(w.term == "when" for w in query)
            and not TIME_CUE.search(text)
        ):
            score *= UNTIMED_PENALTY
        return Candidate(
            entry,
            round(score, 1),
            entry.questions[best],
            round(coverage, 3),
            tuple(matched),
            tuple(missing),
        )

    def _match_baseline(self, question: str, limit: int) -> list[Candidate]:
        """Plain rapidfuzz over whole phrasings: kept to measure our scorer against."""
        scorer = BASELINE_SCORERS[self.scorer]
        text = self.normaliser.normalise(question)
        owners = [(d, n) for d, texts in enumerate(self._phrasings) for n in range(len(texts))]
        choices = [self._phrasings[d][n] for d, n in owners]
        best: dict[int, tuple[float, str]] = {}
        for _, score, index in process.extract(text, choices, scorer=scorer, limit=None):
            doc, number = owners[index]
            if doc not in best or score > best[doc][0]:
                best[doc] = (score, self._entries[doc].questions[number])
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        return [
            Candidate(self._entries[i], round(score, 1), phrasing)
            for i, (score, phrasing) in ranked
        ]


def _tables(knowledge: KnowledgeBase, entries: Sequence[Entry]) -> Tables:
    """The build's tables: from the knowledge's cache when it has them, else worked out."""
    normaliser = knowledge_normaliser(knowledge.synonyms, new_pass=False)
    directory, key = knowledge.cache_dir, ""
    if directory is not None and knowledge.digest:
        key = hashlib.sha256(f"{_TABLES_VERSION}\0{knowledge.digest}".encode()).hexdigest()
        cached = read_cached(directory, key, entries, normaliser.signature)
        if cached is not None:
            return cached
    tables = build_tables(entries, normaliser.signature, normaliser.normalise, states_time)
    if directory is not None and key:
        later(partial(write_cached, directory, key, tables))
    return tables


def _names_a_date(query: list[QueryWord], text: str) -> bool:
    """Whether a question asking something other than "when" names a month to say which."""
    return (
        _ASKS_OTHER_THAN_WHEN.search(text) is not None
        and any(w.term in MONTHS for w in query)
        and not any(w.term == "when" for w in query)
    )


def states_time(answer: str) -> bool:
    """Whether an answer states a date or time: what a "when" question needs."""
    return bool(TIME_CUE.search(answer))


TABLE_MODULES = ("bot.matching", "bot.termtables", *NORMALISING_MODULES)  # what tables hold
_TABLES_VERSION = code_version(TABLE_MODULES)


def upper_bound(gained: float, total: float) -> float:
    """The most `Matcher.score` can give an entry whose words account for `gained` of `total`.

    That is its coverage with a perfect phrasing match and no penalty, plus rounding slack.
    """
    coverage = gained / total if total else 0.0
    blended = coverage * (1 - PHRASING_SHARE - STRING_SHARE) + PHRASING_SHARE + STRING_SHARE
    return float(100 * blended * coverage**COVERAGE_POWER) + 0.1


def _once_each(words: list[QueryWord]) -> list[QueryWord]:
    """A term said twice ("mails ... mail") is asked about once: keep its best showing."""
    best: dict[str, QueryWord] = {}
    for word in words:
        kept = best.get(word.term)
        if kept is None or word.weight * word.similarity > kept.weight * kept.similarity:
            best[word.term] = word
    return [word for word in words if best[word.term] is word]


@lru_cache(maxsize=65536)
def _states_figure(answer: str) -> bool:
    """Whether an answer gives a number (in digits or words: "eight", "500,000")."""
    return any(c.isdigit() for c in basic_normalise(answer))


def _is_figure(term: str) -> bool:
    """A number or a month: what an answer states exactly, so finding it there is strong."""
    return term[0].isdigit() or term in MONTHS


def _in_answer_credit(term: str, credit: float) -> float:
    """A figure the answer states ("21 Feb 2022") is as good as one in a phrasing: full credit."""
    return 1.0 if _is_figure(term) else credit


def _answer_credits(sizes: npt.NDArray[np.int32]) -> Floats:
    """Each entry's credit for a term found only in its answer, from its answer's term count."""
    shares = np.minimum(1.0, ANSWER_TERMS / np.maximum(sizes, 1).astype(np.float64))
    return np.asarray(ANSWER_CREDIT * shares**ANSWER_DECAY, dtype=np.float64)


def _rank(candidate: Candidate) -> tuple[float, str]:
    return -candidate.score, candidate.entry.id


class _Search:
    """The top `limit` entries for one question, scoring only entries that could be among them.

    No entry scores above `upper_bound` of the share of the question it accounts for, and the
    `limit`-th best score found so far (the threshold) only rises, so an entry whose bound is
    below it can be skipped without changing the result. First the entries with the question's
    least common term are scored, which usually finds the right one and sets a high threshold.
    Then, if some term is so weighty that no entry lacking it can reach the threshold, only
    the entries with the least common such term are looked at; otherwise terms are taken from
    the weightiest down (MaxScore) until the terms left could not lift a new entry to the
    threshold. Words found in most entries ("city", "what") are thus never expanded into every
    entry that has them, yet every candidate scoring at least EXACT_FLOOR is the one scoring
    every entry would give, so the decision is the same.
    """

    def __init__(
        self, matcher: Matcher, query: list[QueryWord], total: float, text: str, limit: int
    ) -> None:
        self.matcher, self.query, self.total, self.text, self.limit = (
            matcher, query, total, text, limit,
        )  # fmt: skip
        self.index = matcher._index
        gains: dict[int, float] = {}  # term -> what an entry with it in a phrasing gains
        for word in query:
            term = matcher._term_ids.get(word.term)
            if term is not None:
                gains[term] = gains.get(term, 0.0) + word.weight * word.similarity
        self.terms = sorted(gains, key=lambda t: (-gains[t], t))
        self.gains = [gains[t] for t in self.terms]
        self.names = [matcher._term_names[t] for t in self.terms]
        rows = {name: row for row, name in enumerate(self.names)}
        # for the bound on the best phrasing's overlap: the question's share in each term
        self.shares = [sum(w.weight for w in query if w.term == n) / total for n in self.names]
        # the penalties `score` applies, as (row whose kind decides, penalty, when-question):
        # row None means no entry has the term, so every entry is penalised
        self.penalties: list[tuple[int | None, float, bool]] = []
        for word in query:
            if word.term in SPECIFIC_QUESTION_WORDS:
                when = word.term == "when"
                penalty = TIMELESS_PENALTY if when else WRONG_KIND_PENALTY
                self.penalties.append((rows.get(word.term), penalty, when))
        self.numbers = [rows.get(w.term) for w in query if w.term[0].isdigit()]
        self.top: list[Candidate] = []
        self.scored: set[int] = set()
        # a question whose words are in few entries is answered exactly, weak matches included
        work = sum(self.index.size(t) for t in self.terms)
        self.work = work
        self.floor = EXACT_FLOOR if work > EXACT_WORK else -math.inf
        self.budget = LOW_BUDGET if work > EXACT_WORK else math.inf  # weak matches to score
        self._docs: dict[int, Docs] = {}

    def threshold(self) -> float:
        """The score an unscored entry must beat to make the top so far."""
        return self.top[self.limit - 1].score if len(self.top) >= self.limit else -math.inf

    def needed(self) -> float:
        """The score an entry must be able to reach to change the exact part of the top."""
        return max(self.threshold(), self.floor)

    def docs(self, term: int) -> Docs:
        if term not in self._docs:
            self._docs[term] = self.index.docs(term)
        return self._docs[term]

    def run(self) -> list[Candidate]:
        if not self.terms:
            return []
        if self.work <= SMALL_WORK:
            return self.run_small()
        rarest = min(self.terms, key=self.index.size)
        self.consider(self.docs(rarest)[:SEED_DOCS])
        everything = sum(self.gains)
        required = [
            term
            for term, gain in zip(self.terms, self.gains, strict=True)
            if upper_bound(everything - gain, self.total) < self.needed()
        ]
        if required:  # every entry that can still make the top has all of these terms
            self.consider(self.docs(min(required, key=self.index.size)))
            return self.top
        left = everything
        for position, term in enumerate(self.terms):
            if upper_bound(left, self.total) < self.needed():
                break  # an entry with none of the terms so far cannot reach the top
            docs = self.docs(term)
            for earlier in self.terms[:position]:  # those were considered with that term
                docs = docs[~member(docs, self.docs(earlier))]
            self.consider(docs)
            left -= self.gains[position]
        return self.top

    def run_small(self) -> list[Candidate]:
        """Few entries share a word with the question: bound each of them in plain Python."""
        where: dict[int, dict[str, int]] = {}
        for term, name in zip(self.terms, self.names, strict=True):
            for doc in self.index.question_docs(term).tolist():
                where.setdefault(doc, {})[name] = IN_QUESTION
            for doc in self.index.answer_docs(term).tolist():
                where.setdefault(doc, {})[name] = IN_ANSWER
        bounds = []
        answer_credit = self.matcher._answer_credit
        for doc, kinds in where.items():
            gained = 0.0
            for word in self.query:
                kind = kinds.get(word.term)
                if kind is not None:
                    credit = (
                        1.0
                        if kind == IN_QUESTION
                        else _in_answer_credit(word.term, answer_credit[doc])
                    )
                    gained += word.weight * credit * word.similarity
            bounds.append((upper_bound(gained, self.total), doc))
        bounds.sort(reverse=True)
        for bound, doc in bounds:
            if bound < self.threshold():
                break
            candidate = self.matcher.score(doc, self.query, self.total, self.text, where[doc])
            insort(self.top, candidate, key=_rank)
            del self.top[self.limit :]
        return self.top

    def consider(self, docs: Docs) -> None:
        """Score those of `docs` that could still make the top, most promising first."""
        if len(docs) == 0:
            return
        kinds = np.zeros((len(self.terms), len(docs)), dtype=np.uint8)
        gained = np.zeros(len(docs))
        answer_credit = self.matcher._answer_credit[docs]
        for row, (term, gain) in enumerate(zip(self.terms, self.gains, strict=True)):
            kinds[row] = kind = self.index.kinds(docs, term)
            in_answer = gain if _is_figure(self.names[row]) else answer_credit * gain
            gained += (kind == IN_QUESTION) * gain + (kind == IN_ANSWER) * in_answer
        bounds = self.bounds(docs, kinds, gained)
        hopeful = np.flatnonzero(bounds >= self.threshold())
        hopeful = hopeful[np.argsort(-bounds[hopeful], kind="stable")]
        for position, bound in zip(hopeful.tolist(), bounds[hopeful].tolist(), strict=True):
            if bound < self.threshold() or (bound < self.floor and self.budget <= 0):
                break
            doc = int(docs[position])
            if doc in self.scored:
                continue
            self.scored.add(doc)
            if bound < self.floor:  # a weak match, listed only while the budget lasts
                self.budget -= 1
            where = {
                self.names[row]: kind
                for row, kind in enumerate(kinds[:, position].tolist())
                if kind
            }
            candidate = self.matcher.score(doc, self.query, self.total, self.text, where)
            insort(self.top, candidate, key=_rank)
            del self.top[self.limit :]

    def bounds(self, docs: Docs, kinds: npt.NDArray[np.uint8], gained: Floats) -> Floats:
        """The most `Matcher.score` can give each of `docs`, knowing which terms each has.

        As `upper_bound`, but the best phrasing's overlap (an F-measure) can be no higher than
        its recall of the question's words found in the entry's phrasings, and the penalties
        for a missing figure or the wrong kind of question are known exactly.
        """
        coverage = gained / self.total
        asked = np.zeros(len(docs))
        for row, share in enumerate(self.shares):
            asked += (kinds[row] == IN_QUESTION) * share
        overlap = 2 * asked / (1 + asked)
        blended = (
            coverage * (1 - PHRASING_SHARE - STRING_SHARE) + overlap * PHRASING_SHARE + STRING_SHARE
        )
        bounds = 100 * blended * coverage**COVERAGE_POWER
        if self.numbers:
            missing = np.zeros(len(docs), dtype=np.bool_)
            for found in self.numbers:
                missing |= True if found is None else kinds[found] == 0
            bounds *= np.where(missing, OTHER_NUMBER_PENALTY, 1.0)
        for found, penalty, when in self.penalties:
            spared = np.zeros(len(docs), dtype=np.bool_) if found is None else kinds[found] == 1
            if when:
                spared |= self.matcher._timed_docs[docs] == 1
            bounds *= np.where(spared, 1.0, penalty)
        return bounds + 0.1  # rounding slack, as in upper_bound


def _question_word_weight(word: str) -> float:
    return QUESTION_WORD_WEIGHTS.get(word, QUESTION_WORD_WEIGHT)


_ASPECT_WORDS = frozenset(WORD_MAP.values())
_LONG_FILLERS = frozenset(w for w in STOPWORDS if len(w) >= 5)
