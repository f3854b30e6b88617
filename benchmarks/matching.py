"""Questions per second and time per question for the shipped knowledge, on one core.

Usage: python benchmarks/matching.py [--knowledge DIR] [--questions FILE ...] [--rounds N]

Every question of the evaluation sets is asked `rounds` times through the same decision the bot
makes (normalise, match, decide, and quote the article when no entry is confident); the figures
are medians over rounds, so a noisy neighbour on a shared machine moves them less. Also prints
the cold build time of the matcher and of the article sentence index.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot.answering import decide
from bot.config import Thresholds
from bot.evaluation import load_cases
from bot.knowledge import load_knowledge
from bot.matching import Matcher
from bot.quoting import QuoteFinder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=Path("knowledge"))
    parser.add_argument(
        "--questions",
        type=Path,
        nargs="+",
        default=[Path("eval/questions.yaml"), Path("eval/holdout.yaml")],
    )
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    started = time.perf_counter()
    result = load_knowledge(args.knowledge)
    loaded = time.perf_counter()
    matcher = Matcher(result.knowledge)
    built = time.perf_counter()
    quotes = QuoteFinder(result.knowledge, matcher)
    indexed = time.perf_counter()
    questions = [c.question for path in args.questions for c in load_cases(path, result.knowledge)]
    thresholds = Thresholds()

    per_question: list[list[float]] = [[] for _ in questions]
    round_rates: list[float] = []
    for _ in range(args.rounds):
        matcher = Matcher(result.knowledge)  # a cold cache each round: typo lookups included
        quotes = QuoteFinder(result.knowledge, matcher)
        round_start = time.perf_counter()
        for index, question in enumerate(questions):
            t0 = time.perf_counter()
            decide(question, matcher, thresholds, quotes=quotes)
            per_question[index].append(time.perf_counter() - t0)
        round_rates.append(len(questions) / (time.perf_counter() - round_start))

    medians = sorted(statistics.median(times) * 1000 for times in per_question)
    p50 = medians[len(medians) // 2]
    p95 = medians[min(len(medians) - 1, int(len(medians) * 0.95))]
    entries = len(result.knowledge.entries)
    phrasings = sum(len(e.questions) for e in result.knowledge.entries)
    print(f"knowledge: {entries} entries, {phrasings} phrasings; {len(questions)} questions")
    build_ms, index_ms = (built - loaded) * 1000, (indexed - built) * 1000
    print(
        f"load: {(loaded - started) * 1000:.1f} ms, matcher build: {build_ms:.1f} ms,"
        f" sentence index: {index_ms:.1f} ms ({len(quotes.passages)} sentences)"
    )
    rate = statistics.median(round_rates)
    print(f"questions per second (median of {args.rounds} rounds): {rate:.0f}")
    print(f"time per question: p50 {p50:.3f} ms, p95 {p95:.3f} ms, max {medians[-1]:.3f} ms")


if __name__ == "__main__":
    main()
