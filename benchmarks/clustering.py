"""How well `newsbot unanswered` groups questions that ask the same thing, per threshold.

Usage: python benchmarks/clustering.py [--knowledge DIR]

Greedy leader clustering with three similarities: ours (bot/unanswered.py: the matcher's terms,
weighted Dice) and rapidfuzz's token_set_ratio and token_sort_ratio on normalised text. Two
labelled sets: the unanswerable questions of eval/questions.yaml and eval/holdout.yaml (written
independently; the ones asking the same thing are paired by hand in SAME_NEED below, the rest
each ask their own thing), and the answerable ones, labelled by the entry that answers them.
Prints pairwise precision (questions grouped together that belong together) and recall.
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from bot.evaluation import NONE, load_cases
from bot.knowledge import load_knowledge
from bot.matching import Matcher
from bot.unanswered import question_terms, similarity

EVAL_SETS = (Path("eval/questions.yaml"), Path("eval/holdout.yaml"))
SAME_NEED = (
    (
        "How much did the park cost?",
        "what is the total investment in the pearl river park",
        "How much will it cost to build the innovation park?",
    ),
    (
        "When will the park open?",
        "When will the Pearl River Science and Technology Innovation Park open?",
    ),
    (
        "when will construction of the park be completed",
        "when will construction of the park be finished",
    ),
    ("How many people work in the park?", "how many people will work at the park"),
    ("how many jobs will the park create", "how many jobs will the innovation park create?"),
    ("What is the population of Haizhu?", "What's the population of Haizhu district?"),
    ("How big is the Pazhou pilot zone?", "how big is pazhou"),
    ("how tall will the park's buildings be", "how many floors will the buildings have"),
    (
        "which officials attended the launch ceremony",
        "which Guangzhou officials attended the ceremony?",
    ),
    (
        "what was haizhu's industrial output value last year",
        "what was Haizhu's industrial output in 2021?",
    ),
    ("what's the weather tomorrow", "What's the weather in Guangzhou tomorrow?"),
    (
        "when will the ai innovation center open",
        "when will the AI innovation center be up and running?",
    ),
)

Similarity = Callable[[str, str], float]
Labelled = list[tuple[str, str]]  # (question, what it asks)


def leader_clusters(questions: list[str], similar: Similarity, threshold: float) -> list[int]:
    """The cluster of each question: it joins the most similar leader, or leads a new one."""
    leaders: list[str] = []
    assigned: list[int] = []
    for question in questions:
        scores = [similar(leader, question) for leader in leaders]
        best = max(range(len(scores)), key=scores.__getitem__, default=-1)
        if best >= 0 and scores[best] >= threshold:
            assigned.append(best)
        else:
            leaders.append(question)
            assigned.append(len(leaders) - 1)
    return assigned


def pairwise(labelled: Labelled, clusters: list[int]) -> tuple[float, float]:
    """Precision and recall over all pairs of questions."""
    together = right = should = 0
    for a, b in itertools.combinations(range(len(labelled)), 2):
        same = labelled[a][1] == labelled[b][1]
        grouped = clusters[a] == clusters[b]
        together += grouped
        right += grouped and same
        should += same
    return right / together if together else 1.0, right / should if should else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--knowledge", type=Path, default=Path("knowledge"))
    args = parser.parse_args()
    matcher = Matcher(load_knowledge(args.knowledge).knowledge)
    normalise = cache(matcher.normaliser.normalise)
    cases = [case for path in EVAL_SETS for case in load_cases(path)]
    need = {question: f"same-{i}" for i, group in enumerate(SAME_NEED) for question in group}
    sets: dict[str, Labelled] = {
        "unanswerable": [
            (c.question, need.get(c.question, normalise(c.question)))
            for c in cases
            if c.expect == NONE
        ],
        "answerable": [(c.question, c.expect) for c in cases if c.expect != NONE],
    }
    terms = cache(lambda question: question_terms(question, matcher))
    scorers: dict[str, Similarity] = {
        "weighted dice (ours)": lambda a, b: similarity(terms(a), terms(b)),
        "token_set_ratio": lambda a, b: fuzz.token_set_ratio(normalise(a), normalise(b)),
        "token_sort_ratio": lambda a, b: fuzz.token_sort_ratio(normalise(a), normalise(b)),
    }
    for name, similar in scorers.items():
        print(f"{name}\n  threshold  " + "  ".join(f"{s:>12} P / R" for s in sets))
        best = (0.0, 0)
        for threshold in range(50, 100, 2):
            figures = []
            for set_name, labelled in sets.items():
                clusters = leader_clusters([q for q, _ in labelled], similar, threshold)
                precision, recall = pairwise(labelled, clusters)
                figures.append(f"{precision:11.2f} / {recall:.2f}")
                if set_name == "unanswerable" and precision + recall:
                    best = max(best, (2 * precision * recall / (precision + recall), -threshold))
            print(f"  {threshold:9}  " + "  ".join(figures))
        print(f"  best F1 on the unanswerable questions: {best[0]:.2f} from {-best[1]}")


if __name__ == "__main__":
    main()
