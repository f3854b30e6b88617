"""Mending a mistyped word by the closest word the knowledge uses ("cerimony" -> "ceremony").

Words are bucketed by first letter and length: an edit distance of k can only join words whose
lengths differ by at most k, and a `fuzz.ratio` of 85 only words whose lengths are within 15% of
their sum, so only those buckets are searched. The result is the same word a search over every
word with the same first letter would find (ties go to the alphabetically first), but a
newsroom's vocabulary of a few hundred thousand words costs a few buckets per typo, not all.
Only when that finds nothing is the first letter taken for the slip ("ahizhu", "aizhu"), by
looking the few words it could be up directly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.english import is_english_word, rarity

TYPO_CREDIT = 0.95  # per mended slip: "cerimony" is almost as good as "ceremony"
PREFIX_CREDIT = 0.8  # a clipped word ("tech") counts a little less than the whole one
CLOSE_RATIO = 85  # fuzz.ratio for two slips next to each other in a long word ("artical")
CACHE_SIZE = 16384
CLIPPED_RARITY = 4.25  # English words more common than this (bot/english.rarity) are never clipped
# English words rarer than this ("caped", "storey") are more often slips of a knowledge word
# one letter away than meant: they may be mended like non-words
MENDED_RARITY = 6.0
# endings that make another form of the same word; "-y", "-ry", "-et", "-up" make other words
FORM_ENDINGS = frozenset({"s", "es", "d", "ed", "er", "ers", "or", "ors", "ing", "ings", "ly"})


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_AGENT_ENDINGS = frozenset(("er", "ers", "or", "ors"))
# an everyday word for people ("workers", "leaders") names them, not what they do: "work"
# in a story is the job's start, and the park's workers are not in it
AGENT_RARITY = 5.0


def _is_form_of(word: str, cut: int) -> bool:
    """Whether a real word is a form of its first `cut` letters by its ending: "signers" of
    "sign", "reported" of "report"; not "party" of "part", nor "workers" of "work"."""
    ending = word[cut:]
    if ending not in FORM_ENDINGS:
        return False
    return ending not in _AGENT_ENDINGS or (rarity(word) or AGENT_RARITY) >= AGENT_RARITY


class TypoMender:
    """Built once per knowledge load from every word that normalises to a knowledge term."""

    def __init__(self, correctable: Mapping[str, str]) -> None:
        self._correctable = dict(correctable)  # word -> the knowledge term it stands for
        self._vocabulary = sorted(self._correctable)
        buckets: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        for word in self._vocabulary:  # sorted, so every bucket is sorted too
            buckets[word[0]][len(word)].append(word)
        self._buckets = {initial: dict(by_length) for initial, by_length in buckets.items()}
        self.correct = lru_cache(maxsize=CACHE_SIZE)(self._correct)

    def __contains__(self, word: str) -> bool:
        return word in self._correctable

    def _correct(self, word: str) -> tuple[str, float] | None:
        """Mend a typo by the closest knowledge word; None when nothing is close enough."""
        if len(word) < 3 or word[0].isdigit():
            return None
        real = is_english_word(word)
        slip = not meant_as_typed(word)
        if len(word) == 3:  # "pak", "mny", "uan": a letter short of one knowledge word
            return (self._one_letter_short(word) or self._first_letter_slip(word)) if slip else None
        # one slip (a letter missing, extra, wrong or swapped) per word, two in long words;
        # typos rarely hit the first letter, and "designed" must not become "signed"
        if slip:
            edits = 1 if len(word) < 8 or real else 2
            by_length = self._buckets.get(word[0], {})
            found = self._closest_by_edits(word, by_length, edits)
            if found is not None:
                return self._correctable[found[0]], TYPO_CREDIT ** found[1]
            if len(word) >= 7 and not real:  # two slips next to each other ("artical")
                close = self._closest_by_ratio(word, by_length)
                if close is not None:
                    return self._correctable[close], TYPO_CREDIT**2
            first = self._first_letter_slip(word)  # the rarer slip: "ahizhu", "aizhu"
            if first is not None:
                return first
        # a clipped word ("tech" for "technology"): the shortest knowledge word it begins;
        # an everyday word ("down", "part") is not clipped, only rarer ones ("info", "pic")
        common = rarity(word)
        if common is not None and common < CLIPPED_RARITY:
            return self._longer_form(word)
        start = bisect_left(self._vocabulary, word)
        longer = [
            v for v in self._vocabulary[start : start + 50] if v.startswith(word) and v != word
        ]
        if longer:
            return self._correctable[min(longer, key=len)], PREFIX_CREDIT
        return self._longer_form(word)

    def _one_letter_short(self, word: str) -> tuple[str, float] | None:
        """The one knowledge word with the same first letter `word` is a letter short of."""
        found = [
            v
            for v in self._buckets.get(word[0], {}).get(len(word) + 1, [])
            if OSA.distance(word, v, score_cutoff=1) <= 1
        ]
        return (self._correctable[found[0]], TYPO_CREDIT) if len(found) == 1 else None

    def _first_letter_slip(self, word: str) -> tuple[str, float] | None:
        """The one knowledge word `word` is with its first two letters swapped or its first
        letter dropped ("ahizhu", "aizhu" for "haizhu"); None when none is, or several."""
        found = {f"{word[1]}{word[0]}{word[2:]}"} | {f"{c}{word}" for c in _LETTERS}
        terms = {self._correctable[v] for v in found if v in self._correctable}
        return (terms.pop(), TYPO_CREDIT) if len(terms) == 1 else None

    def _longer_form(self, word: str) -> tuple[str, float] | None:
        """A longer form of a knowledge word ("signers" for "sign"); a real word is one only
        by an ending that makes forms ("reporter"), since "party" is not a form of "part"."""
        real = is_english_word(word)
        for cut in range(len(word) - 1, max(3, len(word) - 4), -1):
            if word[:cut] in self._correctable and (not real or _is_form_of(word, cut)):
                return self._correctable[word[:cut]], PREFIX_CREDIT
        return None

    @staticmethod
    def _closest_by_edits(
        word: str, by_length: Mapping[int, list[str]], edits: int
    ) -> tuple[str, int] | None:
        """The fewest-edits word within `edits` (alphabetically first of equals)."""
        best: tuple[int, str] | None = None
        for length in range(len(word) - edits, len(word) + edits + 1):
            choices = by_length.get(length)
            if not choices:
                continue
            cutoff = edits if best is None else best[0]
            found = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=cutoff)
            if found is not None and (best is None or (found[1], found[0]) < best):
                best = (int(found[1]), found[0])
        return None if best is None else (best[1], best[0])

    @staticmethod
    def _closest_by_ratio(word: str, by_length: Mapping[int, list[str]]) -> str | None:
        """The most similar word by fuzz.ratio, at least CLOSE_RATIO (alphabetically first)."""
        best: tuple[float, str] | None = None
        share = 1 - CLOSE_RATIO / 100  # ratio <= 100 * (1 - |len difference| / len sum)
        for length, choices in by_length.items():
            if abs(length - len(word)) > share * (length + len(word)) + 1:
                continue
            cutoff = CLOSE_RATIO if best is None else best[0]
            found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found is not None and (best is None or (-found[1], found[0]) < (-best[0], best[1])):
                best = (found[1], found[0])
        return None if best is None else best[1]


def meant_as_typed(word: str) -> bool:
    """A real English word ("last", "play") is what the user meant, not a slip; a rare one
    ("caped", "toped") is more often a slip of a knowledge word."""
    return is_english_word(word) and (rarity(word) or MENDED_RARITY) < MENDED_RARITY


@lru_cache(maxsize=CACHE_SIZE)
def slips_into(word: str, words: frozenset[str]) -> bool:
    """Whether `word` is no English word but one slip from one of `words` ("mentiond")."""
    if len(word) < 5 or is_english_word(word):
        return False
    choices = [w for w in words if w[0] == word[0] and abs(len(w) - len(word)) <= 1]
    return process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=1) is not None
