"""What everyday English tells the matcher about a word it does not know."""

from __future__ import annotations

import pytest

from bot.english import is_manner_adverb


@pytest.mark.parametrize("word", ["precisely", "generally", "specifically", "probably"])
def test_adverbs_made_of_adjectives_say_how_not_what(word: str) -> None:
    assert is_manner_adverb(word)


@pytest.mark.parametrize("word", ["family", "supply", "apply", "italy", "early"])
def test_words_that_only_end_in_ly_are_not_manner_adverbs(word: str) -> None:
    assert not is_manner_adverb(word)
