"""How the decisions hold up when each question has one typo in it, the shipped knowledge.

Usage: python benchmarks/typos.py [--knowledge DIR] [--questions FILE ...] [--seed N] [--worst K]

People type fast: a letter dropped or two swapped. The evaluation sets hold the typos their
writers thought of; this puts one random slip (two neighbouring letters swapped, or one letter
dropped) into one word of four letters or more of every question, and asks it again through
the decision the bot makes. It prints, for answerable questions, how many are right as written
and with the slip, and for unanswerable ones how many are answered either way (a slip must not
turn "I don't know" into a wrong fact); then the slips that cost the most right answers.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.answering import Reply, decide
from bot.config import Thresholds
from bot.evaluation import NONE, Case, load_cases
from bot.knowledge import load_knowledge
from bot.matching import Matcher
from bot.quoting import QuoteFinder
from bot.text import STOPWORDS

MIN_LETTERS = 4  # shorter words are mostly function words, and a slip of them says little


@dataclass(frozen=True)
class Slip:
    word: str
    typed: str
    question: str


def with_one_slip(question: str, rng: random.Random) -> Slip | None:
    """`question` with one word of MIN_LETTERS or more typed wrong; None when it has none."""
    words = question.split()
    spots = [i for i, w in enumerate(words) if _is_slippable(_letters(w))]
    if not spots:
        return None
    at = rng.choice(spots)
    word = _letters(words[at])
    i = rng.randrange(len(word) - 1)
    swapped = f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2 :]}"
    dropped = f"{word[:i]}{word[i + 1 :]}"
    typed = rng.choice((swapped, dropped))
    if typed == word:  # "oo" swapped is no slip
        typed = dropped
    words[at] = words[at].replace(word, typed, 1)
    return Slip(word, typed, " ".join(words))


def _letters(word: str) -> str:
    return re.sub(r"[^A-Za-z]", "", word)


def _is_slippable(word: str) -> bool:
    return len(word) >= MIN_LETTERS and word.lower() not in STOPWORDS


def _right(reply: Reply, case: Case) -> bool:
    return reply.status == "answer" and reply.entry is not None and reply.entry.id == case.expect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=Path("knowledge"))
    parser.add_argument(
        "--questions", type=Path, nargs="+", default=sorted(Path("eval").glob("*.yaml"))
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--worst", type=int, default=15, help="slips to list that cost most")
    args = parser.parse_args()

    knowledge = load_knowledge(args.knowledge).knowledge
    matcher = Matcher(knowledge)
    quotes = QuoteFinder(knowledge, matcher)
    thresholds = Thresholds()
    rng = random.Random(args.seed)
    right = right_slipped = answerable = 0
    answered = answered_slipped = unanswerable = 0
    costly: Counter[tuple[str, str]] = Counter()
    for path in args.questions:
        for case in load_cases(path, knowledge):
            slip = with_one_slip(case.question, rng)
            if slip is None:
                continue
            as_written = decide(case.question, matcher, thresholds, quotes=quotes)
            slipped = decide(slip.question, matcher, thresholds, quotes=quotes)
            if case.expect == NONE:
                unanswerable += 1
                answered += as_written.status == "answer"
                answered_slipped += slipped.status == "answer"
            else:
                answerable += 1
                right += _right(as_written, case)
                right_slipped += _right(slipped, case)
                if _right(as_written, case) and not _right(slipped, case):
                    costly[(slip.word.lower(), slip.typed.lower())] += 1

    print(f"questions with a word to slip: {answerable} answerable, {unanswerable} unanswerable")
    print(
        f"answerable right: {right / answerable:.1%} as written, "
        f"{right_slipped / answerable:.1%} with one slip"
    )
    print(
        f"unanswerable answered: {answered / unanswerable:.1%} as written, "
        f"{answered_slipped / unanswerable:.1%} with one slip"
    )
    print("slips that cost most right answers:")
    for (word, typed), count in costly.most_common(args.worst):
        print(f"  {count:4}  {word} -> {typed}")


if __name__ == "__main__":
    main()
