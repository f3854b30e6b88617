"""Regression evaluation: how often the bot answers right, and answers what it can't."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.answering import Reply, decide
from bot.config import Thresholds
from bot.knowledge import KnowledgeBase, display_path
from bot.matching import Matcher
from bot.validation import Problem
from bot.yamlio import YamlSyntaxError, load_yaml

NONE = "none"
# The most of the unanswerable questions a recommended threshold may answer anyway.
WRONG_ANSWER_BUDGET = 0.05


@dataclass(frozen=True)
class Case:
    question: str
    expect: str  # an entry id, or "none"
    kind: str
    line: int


@dataclass(frozen=True)
class Outcome:
    case: Case
    reply: Reply

    @property
    def got(self) -> str:
        return self.reply.entry.id if self.reply.entry else NONE

    @property
    def answerable(self) -> bool:
        return self.case.expect != NONE

    @property
    def right(self) -> bool:
        if self.answerable:
            return self.reply.status == "answer" and self.got == self.case.expect
        return self.reply.status != "answer"


@dataclass(frozen=True)
class Report:
    outcomes: tuple[Outcome, ...]

    @property
    def answerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.answerable]

    @property
    def unanswerable(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.answerable]

    @property
    def accuracy(self) -> float:
        """Share of answerable questions answered with the expected entry."""
        cases = self.answerable
        return sum(o.right for o in cases) / len(cases) if cases else 1.0

    @property
    def wrong_answers_to_answerable(self) -> float:
        cases = self.answerable
        wrong = sum(o.reply.status == "answer" and not o.right for o in cases)
        return wrong / len(cases) if cases else 0.0

    @property
    def answered_unanswerable(self) -> float:
        """Share of questions the articles don't answer that got an answer anyway."""
        cases = self.unanswerable
        return sum(o.reply.status == "answer" for o in cases) / len(cases) if cases else 0.0

    @property
    def clarify_rate(self) -> float:
        cases = self.outcomes
        return sum(o.reply.status == "clarify" for o in cases) / len(cases) if cases else 0.0

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.right]

    def as_dict(self) -> dict[str, float | int]:
        return {
            "questions": len(self.outcomes),
            "answerable": len(self.answerable),
            "unanswerable": len(self.unanswerable),
            "accuracy": round(self.accuracy, 4),
            "wrong_answer_rate_answerable": round(self.wrong_answers_to_answerable, 4),
            "answered_unanswerable_rate": round(self.answered_unanswerable, 4),
            "clarify_rate": round(self.clarify_rate, 4),
        }


class EvalFileError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems


def load_cases(path: Path, knowledge: KnowledgeBase | None = None) -> list[Case]:
    """Read a question set; every problem is reported at once, compiler style."""
    shown = display_path(path)
    try:
        loaded = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise EvalFileError([Problem(shown, 1, 1, "(file)", f"cannot read: {error}")]) from None
    except YamlSyntaxError as error:
        problem = Problem(shown, error.mark.line, error.mark.column, "(syntax)", error.message)
        raise EvalFileError([problem]) from None
    problems: list[Problem] = []
    items = loaded.data.get("questions") if isinstance(loaded.data, dict) else None
    if not isinstance(items, list):
        problem = Problem(shown, 1, 1, "questions", "expected a list of {q, expect}")
        raise EvalFileError([problem])
    cases: list[Case] = []
    for index, item in enumerate(items):
        mark = loaded.mark(("questions", index))
        where = f"questions[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("q"), str) or not item["q"]:
            problems.append(Problem(shown, mark.line, mark.column, where, "needs 'q: question'"))
            continue
        expect = str(item.get("expect", "")).strip()
        if not expect:
            hint = "an entry id, or none"
            problems.append(Problem(shown, mark.line, mark.column, where, "needs 'expect'", hint))
            continue
        if knowledge is not None and expect != NONE and knowledge.entry(expect) is None:
            problems.append(
                Problem(shown, mark.line, mark.column, f"{where}.expect", f"no entry '{expect}'")
            )
            continue
        cases.append(Case(item["q"], expect, str(item.get("kind", "")), mark.line))
    if problems:
        raise EvalFileError(problems)
    return cases


def evaluate(
    cases: Sequence[Case], matcher: Matcher, thresholds: Thresholds, max_chars: int = 500
) -> Report:
    """Run every case through the same decision the bot makes."""
    return Report(
        tuple(Outcome(c, decide(c.question, matcher, thresholds, max_chars)) for c in cases)
    )


@dataclass(frozen=True)
class SweepPoint:
    threshold: float
    accuracy: float
    answered_unanswerable: float

    def as_dict(self) -> dict[str, float]:
        return {
            "threshold": self.threshold,
            "accuracy": round(self.accuracy, 4),
            "answered_unanswerable_rate": round(self.answered_unanswerable, 4),
        }


def sweep(
    cases: Sequence[Case],
    matcher: Matcher,
    margin: float,
    thresholds: Sequence[float] = tuple(range(101)),
) -> list[SweepPoint]:
    """Accuracy and wrong-answer rate at each answer threshold: the trade-off to choose from."""
    ranked = [(c, matcher.match(c.question, limit=2)) for c in cases]
    points = []
    for threshold in thresholds:
        right = answerable = answered_bad = unanswerable = 0
        for case, candidates in ranked:
            answered = None
            if candidates:
                best = candidates[0]
                second = candidates[1].score if len(candidates) > 1 else 0.0
                if best.score >= threshold and best.score - second >= margin:
                    answered = best.entry.id
            if case.expect == NONE:
                unanswerable += 1
                answered_bad += answered is not None
            else:
                answerable += 1
                right += answered == case.expect
        points.append(
            SweepPoint(
                float(threshold),
                right / answerable if answerable else 1.0,
                answered_bad / unanswerable if unanswerable else 0.0,
            )
        )
    return points


def recommend(
    points: Sequence[SweepPoint], max_wrong: float = WRONG_ANSWER_BUDGET
) -> SweepPoint | None:
    """The threshold with the best accuracy among those answering at most `max_wrong` of misses."""
    safe = [p for p in points if p.answered_unanswerable <= max_wrong]
    if not safe:
        return None
    best = max(p.accuracy for p in safe)
    # among equally accurate thresholds take the middle one: the most room on both sides
    plateau = [p for p in safe if p.accuracy == best]
    return plateau[len(plateau) // 2]
