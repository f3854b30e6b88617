"""Answers quoted from the articles' own sentences when no knowledge entry is confident.

Entries are written for the questions maintainers foresaw; the article text kept beside them
(`article.text`) often says more. When no entry fits, the sentence that accounts for all of the
question's meaningful words, weighted by their rarity as for entries, is quoted word for word with
its link: the article's own words cannot state a wrong fact, but a sentence that merely shares a
topic word would answer another question, so only near-complete coverage qualifies, and a
question asking "when", "how many", "who" or "where" needs a sentence holding a date, a figure,
a name or a place. Measured with `newsbot eval --leave-out`: each entry taken out in turn, how
often the sentence stating its fact is quoted, and how often another one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from bot.knowledge import Article, Entry, KnowledgeBase
from bot.matching import TIME_CUE, Matcher, QueryWord
from bot.sentences import split_sentences
from bot.text import QUESTION_WORDS, STOPWORDS, stem
from bot.textcache import Signature, knowledge_normaliser

CONTEXT_CREDIT = 0.7  # a word found only in the sentence before ("It" refers to it) counts less
REQUIRED_WEIGHT = 1.0  # a word at least this distinctive must be in the sentence, not just most
MIN_SENTENCE_WORDS = 6  # headings and captions' fragments are not answers
QUOTE_MARGIN = 2.0  # the best sentence must lead every different one by this much
SAME_SENTENCE = 80  # rapidfuzz token_set_ratio from which two sentences say the same
SUPPORT_MIN = 0.5  # an entry whose answer no sentence half covers is not stated by the text
SUPPORT_SHARE = 0.9  # sentences covering the answer nearly as well as the best one state it too
# "It is currently the largest..." reads only with the sentence that names what "it" is
LEANS_ON_PREVIOUS = frozenset(
    "it its it's this these those that they their them he his she her such there".split()  # noqa: SIM905
)
_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
# "in the southern part of the Pazhou...", "located at Pazhou": a place named after a preposition
_PLACE = re.compile(
    r"\b(?:in|at|near|inside|outside|located|situated|part of|south of|north of|east of|west of)"
    r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}[A-Z]"
)


@dataclass(frozen=True)
class Passage:
    """A sentence of an article, with the one before it when it leans on it."""

    article: Article
    sentence: str
    context: str  # the previous sentence, or "" when this one stands alone
    number: int  # position in the article, from 0

    @property
    def text(self) -> str:
        """What the user reads: the sentence, preceded by its context when it needs one."""
        return f"{self.context} {self.sentence}" if self.context else self.sentence


@dataclass(frozen=True)
class Quote:
    passage: Passage
    score: float
    coverage: float


@dataclass(frozen=True)
class _Terms:
    sentence: frozenset[str]
    context: frozenset[str]


def article_passages(article: Article) -> tuple[Passage, ...]:
    """The sentences of an article's text worth quoting, in order."""
    if not article.text:
        return ()
    passages: list[Passage] = []
    previous = ""
    for paragraph in re.split(r"\n\s*\n", article.text):
        paragraph = " ".join(paragraph.split())
        for sentence in split_sentences(paragraph):
            first = sentence.lstrip("\"“'‘(").split(" ", 1)[0].casefold().rstrip(",")
            context = previous if first in LEANS_ON_PREVIOUS and previous else ""
            if len(sentence.split()) >= MIN_SENTENCE_WORDS:
                passages.append(Passage(article, sentence, context, len(passages)))
            previous = sentence
    return tuple(passages)


ARTICLES_REMEMBERED = 65536  # articles whose sentences a reload need not split and normalise


@lru_cache(maxsize=ARTICLES_REMEMBERED)
def _article_terms(article: Article, signature: Signature) -> tuple[tuple[Passage, _Terms], ...]:
    """An article's passages and their terms; unchanged articles cost nothing on a reload.

    `signature` names the synonyms (bot/textcache.py), whose normaliser the matcher uses too.
    """
    normaliser = knowledge_normaliser(dict(signature), new_pass=False)

    def terms(text: str) -> frozenset[str]:
        words = normaliser.normalise(text).split() if text else []
        return frozenset(stem(w) for w in words if w not in STOPWORDS)

    return tuple(
        (p, _Terms(terms(p.sentence), terms(p.context))) for p in article_passages(article)
    )


class QuoteFinder:
    """The article sentences of one knowledge snapshot, searchable by the question's terms."""

    def __init__(self, knowledge: KnowledgeBase, matcher: Matcher) -> None:
        self.matcher = matcher
        signature = knowledge_normaliser(knowledge.synonyms, new_pass=False).signature
        found = [pair for a in knowledge.live_articles for pair in _article_terms(a, signature)]
        self.passages = tuple(passage for passage, _ in found)
        self._terms = [terms for _, terms in found]
        self._index: dict[str, list[int]] = {}
        for number, terms in enumerate(self._terms):
            for term in terms.sentence | terms.context:
                self._index.setdefault(term, []).append(number)

    def supporting(self, entry: Entry) -> frozenset[Passage]:
        """The passages of the entry's article that state its answer: for the evaluation.

        Those covering the answer's words about as well as the best one does (SUPPORT_SHARE),
        when the best covers at least half of them; an entry the text does not state has none.
        """
        query = self.matcher.query_words(entry.answer, names_as_one=False)
        informative = [w for w in query if w.term not in QUESTION_WORDS]
        total = sum(w.weight for w in informative)
        if not total:
            return frozenset()
        text = self.matcher.normaliser.normalise(entry.answer)
        coverage = {
            number: self._score(number, query, informative, total, text).coverage
            for number, passage in enumerate(self.passages)
            if passage.article == entry.article
        }
        best = max(coverage.values(), default=0.0)
        if best < SUPPORT_MIN:
            return frozenset()
        return frozenset(self.passages[n] for n, c in coverage.items() if c >= SUPPORT_SHARE * best)

    def find(self, question: str, threshold: float) -> Quote | None:
        """The best passage for `question` if it scores at least `threshold`, else None."""
        query = self.matcher.query_words(question, names_as_one=False)
        informative = [w for w in query if w.term not in QUESTION_WORDS]
        if not informative or not self.passages:
            return None
        total = sum(w.weight for w in informative)
        shared: set[int] = set()
        for word in informative:
            shared.update(self._index.get(word.term, ()))
        text = self.matcher.normaliser.normalise(question)
        scored = (self._score(n, query, informative, total, text, threshold) for n in shared)
        found = sorted((q for q in scored if q.score >= threshold), key=_rank)
        if not found:
            return None
        best = found[0]
        # another sentence as good (not the same one repeated, as a caption repeats the lead)
        # means the question's words do not single out what it asks: "what kind of place is
        # Haizhu district" is in every sentence naming the district
        rivals = (
            q for q in found[1:]
            if fuzz.token_set_ratio(q.passage.sentence, best.passage.sentence) < SAME_SENTENCE
        )  # fmt: skip
        rival = next(rivals, None)
        if rival is not None and best.score - rival.score < QUOTE_MARGIN:
            return None
        return best

    def _score(
        self,
        number: int,
        query: Sequence[QueryWord],
        informative: Sequence[QueryWord],
        total: float,
        text: str,
        threshold: float = -1.0,
    ) -> Quote:
        """Score a passage; one that cannot reach `threshold` is not compared as a string."""
        passage, terms = self.passages[number], self._terms[number]
        gained = 0.0
        complete = True
        for word in informative:
            # a word no entry has may still be the article's: found as typed, it counts fully
            credit = word.similarity if word.known else 1.0
            if word.term in terms.sentence:
                gained += word.weight * credit
            elif word.term in terms.context:
                gained += word.weight * credit * CONTEXT_CREDIT
            elif word.weight >= REQUIRED_WEIGHT:
                complete = False
        coverage = gained / total
        if 100 * coverage < threshold:  # the score is at most 100 * coverage
            return Quote(passage, 0.0, round(coverage, 3))
        # a tie between sentences covering the same words goes to the one worded most alike
        similarity = fuzz.token_set_ratio(text, passage.sentence.casefold()) / 100
        score = 100 * coverage * (0.95 + 0.05 * similarity)
        if not complete or not _answers_kind(text, passage):
            score = 0.0
        return Quote(passage, round(score, 1), round(coverage, 3))


def _rank(quote: Quote) -> tuple[float, str, int]:
    return -quote.score, quote.passage.article.url, quote.passage.number


def _answers_kind(text: str, passage: Passage) -> bool:
    """A "when" needs a date, "how many/much" a figure, "who" a name and "where" a place."""
    terms = set(text.split())
    sentence = passage.sentence
    if "when" in terms and not TIME_CUE.search(sentence):
        return False
    if "how" in terms and terms & {"many", "much"} and not _NUMBER.search(sentence):
        return False
    if "where" in terms and not _PLACE.search(sentence):
        return False
    return not ("who" in terms and not _NAME.search(sentence))
