"""What everyday English knows about a word: whether it is one, and how common it is.

"last" is one letter from "list" and "play" from "plan": mending them changes the question, so
typo mending leaves real words alone. And "make" or "way" say little about a topic even when a
small knowledge base has them in one entry only, so matching weighs them down.
pyspellchecker ships an English word-frequency list (160k words, loaded in ~0.1 s, no network),
which knows these from misspellings such as "cerimony" or "buldings", and how often each is used.
"""

from __future__ import annotations

import math
from functools import lru_cache

from spellchecker import SpellChecker


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """True for a word English speakers write on purpose (lowercase input)."""
    return word in _english()


@lru_cache(maxsize=1)
def _total() -> int:
    return max(int(_english().word_frequency.total_words), 1)


@lru_cache(maxsize=65536)
def rarity(word: str) -> float | None:
    """How rare `word` is in everyday English, as -log10 of its share of all words written.

    "the" is about 1.3, "make" 2.7, "building" 4.1, "ceremony" 5; None for words the list lacks
    (names, products, numbers), which are as rare as they come.
    """
    count = _english().word_frequency[word]
    return -math.log10(count / _total()) if count else None


@lru_cache(maxsize=16384)
def is_manner_adverb(word: str) -> bool:
    """An adverb made of an English adjective: "precisely", "generally", "specifically".

    They say how something is asked, not what: a knowledge base without the word should not
    count it as a topic the question names and the entry lacks.
    """
    if len(word) < 7 or not word.endswith("ly") or not is_english_word(word):
        return False
    bases = (
        word[:-2],
        word[:-1] + "e",
        word[:-3] + "y",
        word[:-4],
    )  # exact, simple, easy, specific
    return any(len(base) >= 4 and is_english_word(base) for base in bases)
