"""Scores a question against every entry: rare words weigh most, typos are mended word by word.

Measured on eval/questions.yaml (see `newsbot eval --compare`): whole-string rapidfuzz scorers
either answer near misses ("How big is Guangzhou?" scores high against "How big is the park?")
or miss rewordings. Weighting each word by its rarity in the knowledge (IDF) and asking how much
of the question an entry accounts for is what refuses near misses; rapidfuzz mends typos against
the knowledge's vocabulary and adds a whole-phrasing similarity as a tie-breaker.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.knowledge import Entry, KnowledgeBase
from bot.lexicon import WORD_MAP
from bot.text import QUESTION_WORDS, STOPWORDS, Normaliser, stem

# "when"/"who" steer between entries but never carry a match; "what" and "how" say even less
QUESTION_WORD_WEIGHTS = {"what": 0.1, "how": 0.4}
QUESTION_WORD_WEIGHT = 1.0
COVERAGE_POWER = 1.0  # missing one informative word should cost more than its share
WRONG_KIND_PENALTY = 0.8  # a "where" question against an entry nobody asks "where" about
TIMELESS_PENALTY = 0.75  # a "when" question against an answer that has no date or time in it
SPECIFIC_QUESTION_WORDS = frozenset({"when", "where", "who", "why"})
TIME_CUE = re.compile(
    r"\b(1[89]\d\d|20\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february"
    r"|march|april|june|july|august|september|october|november|december|quarter|since|today"
    r"|yesterday|tomorrow|year|years|month|months|week|weeks|day|days|date|until|ago)\b",
    re.IGNORECASE,
)
ANSWER_CREDIT = 0.7  # a question word found only in the answer text is weaker evidence
MIN_WEIGHT = 0.15  # words found in every entry still count a little
PREFIX_CREDIT = 0.8  # a clipped word ("tech") counts a little less than the whole one
TYPO_CREDIT = 0.95  # per mended slip: "cerimony" is almost as good as "ceremony"
SHORT_UNKNOWN_WEIGHT = 0.6  # an unknown one- or two-letter word is more likely noise than meaning
OTHER_NUMBER_PENALTY = 0.7  # "nine buildings" when the entry says eight: not this fact
UNKNOWN_WEIGHT_SHARE = 1.0  # an unknown word weighs this share of the rarest known word's weight
PHRASING_SHARE = 0.2  # how much the best single phrasing's overlap adds to entry coverage
STRING_SHARE = 0.15  # how much rapidfuzz's whole-string similarity adds

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


@dataclass(frozen=True)
class _Phrasing:
    text: str  # as the maintainer wrote it
    normalised: str
    terms: tuple[str, ...]
    weight: float  # total idf of its terms


@dataclass(frozen=True)
class _Doc:
    entry: Entry
    question_terms: frozenset[str]
    answer_terms: frozenset[str]
    phrasings: tuple[_Phrasing, ...]
    timed: bool  # the answer states a date or time, so it can answer "when"
    asked: frozenset[str]  # the question words its phrasings use ("who", "when"...)
    numbers: frozenset[str]  # the figures it states or is asked with


class Matcher:
    """Built once per knowledge load; `match` is then cheap and has no side effects."""

    def __init__(self, knowledge: KnowledgeBase, scorer: str = "weighted") -> None:
        if scorer not in SCORERS:
            raise ValueError(f"unknown scorer {scorer!r}; choose from {', '.join(SCORERS)}")
        self.knowledge = knowledge
        self.scorer = scorer
        self.normaliser: Normaliser = knowledge.normaliser()
        self._surface: dict[str, str] = {}  # normalised word -> term
        entries = knowledge.live_entries
        tokenised = [
            ([self._terms(q, learn=True) for q in e.questions], self._terms(e.answer, learn=True))
            for e in entries
        ]
        document_frequency: Counter[str] = Counter()
        for phrasing_terms, answer_terms in tokenised:
            document_frequency.update(set(chain.from_iterable(phrasing_terms)) | set(answer_terms))
        count = max(len(entries), 1)
        self._idf = {
            term: _question_word_weight(term)
            if term in QUESTION_WORDS
            else max(math.log(1 + (count - df + 0.5) / (df + 0.5)), MIN_WEIGHT)
            for term, df in document_frequency.items()
        }
        self._unknown_weight = UNKNOWN_WEIGHT_SHARE * math.log(1 + (count + 0.5) / 0.5)
        self._docs: list[_Doc] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        for index, (entry, (phrasing_terms, answer_terms)) in enumerate(
            zip(entries, tokenised, strict=True)
        ):
            question_set = frozenset(chain.from_iterable(phrasing_terms))
            for term in question_set | set(answer_terms):
                self._postings[term].append(index)
            phrasings = tuple(
                _Phrasing(
                    text, self.normaliser.normalise(text), tuple(terms),
                    sum(self._idf[t] for t in terms),
                )
                for text, terms in zip(entry.questions, phrasing_terms, strict=True)
            )  # fmt: skip
            answer_only = frozenset(answer_terms) - question_set
            timed = bool(TIME_CUE.search(entry.answer))
            asked = question_set & SPECIFIC_QUESTION_WORDS
            numbers = frozenset(t for t in question_set | answer_only if t[0].isdigit())
            self._docs.append(
                _Doc(entry, question_set, answer_only, phrasings, timed, asked, numbers)
            )
        # typos are mended against every word that normalises to a knowledge word, so
        # "pictrue" finds "picture" even though the knowledge says "photo"
        self._correctable = dict(self._surface)
        for variant, canonical in chain(WORD_MAP.items(), self._single_word_synonyms()):
            if canonical in self._surface:
                self._correctable.setdefault(variant, self._surface[canonical])
        self._vocabulary = sorted(self._correctable)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            self._by_initial[word[0]].append(word)
        self._all_phrasings = [(p, i) for i, d in enumerate(self._docs) for p in d.phrasings]
        self._correct = lru_cache(maxsize=16384)(self._correct_uncached)

    def _single_word_synonyms(self) -> list[tuple[str, str]]:
        pairs = []
        for canonical, variants in self.knowledge.synonyms.items():
            target = self.normaliser.normalise(canonical)
            pairs += [(v.casefold(), target) for v in variants if " " not in v.strip()]
        return pairs

    def _terms(self, text: str, learn: bool = False) -> list[str]:
        words = [w for w in self.normaliser.normalise(text).split() if w not in STOPWORDS]
        terms = [stem(w) for w in words]
        if learn:
            for word, term in zip(words, terms, strict=True):
                self._surface.setdefault(word, term)
        return terms

    def idf(self, term: str) -> float:
        """How much a knowledge term tells entries apart (unknown terms tell the most)."""
        return self._idf.get(term, self._unknown_weight)

    def _correct_uncached(self, word: str) -> tuple[str, float] | None:
        """Mend a typo by the closest knowledge word; None when nothing is close enough."""
        if len(word) < 4 or word[0].isdigit():
            return None
        # one slip (a letter missing, extra, wrong or swapped) per word, two in long words;
        # typos rarely hit the first letter, and "designed" must not become "signed"
        edits = 1 if len(word) < 8 else 2
        same_start = self._by_initial.get(word[0], [])
        found = process.extractOne(word, same_start, scorer=OSA.distance, score_cutoff=edits)
        if found is not None:
            return self._correctable[found[0]], TYPO_CREDIT ** int(found[1])
        if len(word) >= 7:  # long words survive two slips next to each other ("artical")
            close = process.extractOne(word, same_start, scorer=fuzz.ratio, score_cutoff=85)
            if close is not None:
                return self._correctable[close[0]], TYPO_CREDIT**2
        # a clipped word ("tech" for "technology"): the shortest knowledge word it begins
        start = bisect_left(self._vocabulary, word)
        longer = [
            v for v in self._vocabulary[start : start + 50] if v.startswith(word) and v != word
        ]
        if longer:
            return self._correctable[min(longer, key=len)], PREFIX_CREDIT
        # a longer form of a knowledge word ("signers" for "sign")
        for cut in range(len(word) - 1, max(3, len(word) - 4), -1):
            if word[:cut] in self._correctable:
                return self._correctable[word[:cut]], PREFIX_CREDIT
        return None

    def query_words(self, question: str) -> list[QueryWord]:
        """The question's words as the matcher sees them: terms, weights, mended typos."""
        words = self.normaliser.normalise(question).split()
        words = self._join_split_words(words)
        result: list[QueryWord] = []
        for word in words:
            if word in STOPWORDS:
                continue
            mended = _mend_function_word(word) if word not in self._surface else None
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
                result.append(QueryWord(word, term, self._idf[term], 1.0, True))
                continue
            corrected = self._correct(word)
            if corrected is not None:
                term, similarity = corrected
                result.append(QueryWord(word, term, self._idf[term], similarity, True))
            else:
                noise = len(word) <= 2 and not word[0].isdigit()
                weight = SHORT_UNKNOWN_WEIGHT if noise else self._unknown_weight
                result.append(QueryWord(word, term, weight, 0.0, False))
        return result

    def _join_split_words(self, words: list[str]) -> list[str]:
        """Rejoin a name typed in two pieces ("hong ping") when the knowledge writes it as one."""
        if len(words) < 2:
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and words[i] not in self._surface:
                joined = words[i] + words[i + 1]
                if joined in self._surface:
                    out.append(joined)
                    i += 2
                    continue
            out.append(words[i])
            i += 1
        return out

    def match(self, question: str, limit: int = 5) -> list[Candidate]:
        """The best entries for `question`, one candidate per entry, best first."""
        if self.scorer != "weighted":
            return self._match_baseline(question, limit)
        query = self.query_words(question)
        informative = [w for w in query if w.term not in QUESTION_WORDS]
        if not informative:
            return []
        total = sum(w.weight for w in query)
        candidates_ids = {i for w in query if w.known for i in self._postings.get(w.term, ())}
        normalised = self.normaliser.normalise(question)
        # Branch and bound: score entries in order of how much of the question they account
        # for, and stop once no remaining entry could reach the top `limit` (exact, and most
        # entries that share only a common word are never scored in full).
        bounds = sorted(
            ((self._upper_bound(self._docs[i], query, total), i) for i in candidates_ids),
            reverse=True,
        )
        candidates: list[Candidate] = []
        for bound, index in bounds:
            if len(candidates) >= limit and bound < candidates[limit - 1].score:
                break
            candidates.append(self._score(self._docs[index], query, total, normalised))
            candidates.sort(key=lambda c: (-c.score, c.entry.id))
        return candidates[:limit]

    @staticmethod
    def _upper_bound(doc: _Doc, query: list[QueryWord], total: float) -> float:
        """The most `_score` could give `doc`: its coverage with a perfect phrasing match."""
        gained = 0.0
        for word in query:
            if word.term in doc.question_terms:
                gained += word.weight * word.similarity
            elif word.term in doc.answer_terms:
                gained += word.weight * ANSWER_CREDIT * word.similarity
        coverage = gained / total if total else 0.0
        blended = coverage * (1 - PHRASING_SHARE - STRING_SHARE) + PHRASING_SHARE + STRING_SHARE
        return float(100 * blended * coverage**COVERAGE_POWER) + 0.1  # + rounding slack

    def _score(self, doc: _Doc, query: list[QueryWord], total: float, text: str) -> Candidate:
        gained = 0.0
        matched: list[str] = []
        missing: list[str] = []
        query_terms: dict[str, float] = {}
        for word in query:
            if word.term in doc.question_terms:
                credit = word.similarity
            elif word.term in doc.answer_terms:
                credit = ANSWER_CREDIT * word.similarity
            else:
                credit = 0.0
            gained += word.weight * credit
            (matched if credit else missing).append(word.surface)
            if credit:
                query_terms[word.term] = max(query_terms.get(word.term, 0.0), word.similarity)
        coverage = gained / total if total else 0.0
        # the best phrasing covers the question and is covered by it (an F-measure), so a
        # short phrasing like "What is Haizhu?" does not win on one shared word
        best, best_overlap = doc.phrasings[0], -1.0
        for phrasing in doc.phrasings:
            terms = set(phrasing.terms)
            covered = sum(self._idf[t] * query_terms.get(t, 0.0) for t in terms)
            of_phrasing = covered / phrasing.weight if phrasing.weight else 0.0
            of_question = sum(w.weight for w in query if w.term in terms) / total if total else 0.0
            both = of_phrasing + of_question
            overlap = 2 * of_phrasing * of_question / both if both else 0.0
            if overlap > best_overlap:
                best, best_overlap = phrasing, overlap
        similarity = fuzz.token_set_ratio(text, best.normalised) / 100
        blended = (
            coverage * (1 - PHRASING_SHARE - STRING_SHARE)
            + best_overlap * PHRASING_SHARE
            + similarity * STRING_SHARE
        )
        score = 100 * blended * coverage**COVERAGE_POWER
        if any(w.term[0].isdigit() and w.term not in doc.numbers for w in query):
            score *= OTHER_NUMBER_PENALTY
        for word in query:
            if word.term not in SPECIFIC_QUESTION_WORDS or word.term in doc.asked:
                continue
            if word.term == "when":
                score *= 1.0 if doc.timed else TIMELESS_PENALTY
            else:
                score *= WRONG_KIND_PENALTY
        return Candidate(
            doc.entry,
            round(score, 1),
            best.text,
            round(coverage, 3),
            tuple(matched),
            tuple(missing),
        )

    def _match_baseline(self, question: str, limit: int) -> list[Candidate]:
        """Plain rapidfuzz over whole phrasings: kept to measure our scorer against."""
        scorer = BASELINE_SCORERS[self.scorer]
        text = self.normaliser.normalise(question)
        best: dict[int, tuple[float, str]] = {}
        choices = [p.normalised for p, _ in self._all_phrasings]
        for _, score, index in process.extract(text, choices, scorer=scorer, limit=None):
            phrasing, doc_index = self._all_phrasings[index]
            if doc_index not in best or score > best[doc_index][0]:
                best[doc_index] = (score, phrasing.text)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        return [
            Candidate(self._docs[i].entry, round(score, 1), phrasing)
            for i, (score, phrasing) in ranked
        ]


def _question_word_weight(word: str) -> float:
    return QUESTION_WORD_WEIGHTS.get(word, QUESTION_WORD_WEIGHT)


_FUNCTION_WORDS: Sequence[str] = sorted(QUESTION_WORDS | {w for w in STOPWORDS if len(w) >= 3})


@lru_cache(maxsize=4096)
def _mend_function_word(word: str) -> str | None:
    """Mend "wen", "wat", "hw": typos of question and function words, never of topic words."""
    if len(word) > 4 or word.isdigit():
        return None
    if word in QUESTION_WORDS:
        return word
    choices = [w for w in _FUNCTION_WORDS if w[0] == word[0]]  # "tall" is not "all"
    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=80)
    return found[0] if found else None
