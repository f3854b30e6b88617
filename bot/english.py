"""Whether a word is ordinary English, so typo mending leaves real words alone.

"last" is one letter from "list" and "play" from "plan": mending them changes the question.
pyspellchecker ships an English word-frequency list (160k words, loaded in ~0.1 s, no network),
which knows these from misspellings such as "cerimony" or "buldings".
"""

from __future__ import annotations

from functools import lru_cache

from spellchecker import SpellChecker


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """True for a word English speakers write on purpose (lowercase input)."""
    return word in _english()
