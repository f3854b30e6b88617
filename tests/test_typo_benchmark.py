"""benchmarks/typos.py: the slips it puts into questions."""

from __future__ import annotations

import random

from tests.benchmark_module import load_benchmark

typos = load_benchmark("typos")


def test_one_word_of_four_letters_or_more_gets_one_swap_or_one_dropped_letter() -> None:
    rng = random.Random(1)
    question = "When did the new footbridge open?"
    for _ in range(200):
        slip = typos.with_one_slip(question, rng)
        assert slip is not None
        before, after = question.split(), slip.question.split()
        changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        assert len(changed) == 1
        word = changed[0][0].strip("?")
        assert word in ("When", "footbridge", "open")  # "did", "the", "new" are too short
        assert slip.word == word
        swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        dropped = {word[:i] + word[i + 1 :] for i in range(len(word))}
        assert slip.typed in swapped | dropped


def test_a_question_without_a_long_word_gets_no_slip() -> None:
    assert typos.with_one_slip("who is he?", random.Random(1)) is None
