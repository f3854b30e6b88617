"""Regression evaluation: how often the bot answers right, and answers what it can't."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.answering import Reply, decide
from bot.config import Thresholds
from bot.knowledge import KnowledgeBase, display_path
from bot.matching import Matcher
from bot.quoting import QuoteFinder
from bot.validation import Problem, type_name
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
    supported: bool = False  # a quoted sentence states the expected entry's answer

    @property
    def got(self) -> str:
        return self.reply.entry.id if self.reply.entry else NONE

    @property
    def answerable(self) -> bool:
        return self.case.expect != NONE

    @property
    def right(self) -> bool:
        """Answered with the expected entry; a quote counts only in `quoted_right`."""
        if self.answerable:
            return self.reply.status == "answer" and self.got == self.case.expect
        return self.reply.status != "answer"

    @property
    def quoted(self) -> bool:
        return self.reply.quote is not None


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
        """Answered with another entry's fact (quotes are counted apart)."""
        cases = self.answerable
        wrong = sum(o.reply.entry is not None and not o.right for o in cases)
        return wrong / len(cases) if cases else 0.0

    @property
    def quoted_right(self) -> int:
        """Answerable questions answered by quoting a sentence that states the expected fact."""
        return sum(o.quoted and o.supported for o in self.answerable)

    @property
    def quoted_wrong(self) -> int:
        """Quotes that were not the expected fact: of another fact, or for unanswerable ones."""
        return sum(o.quoted and not o.supported for o in self.outcomes)

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
            "quoted_right": self.quoted_right,
            "quoted_wrong": self.quoted_wrong,
        }


class EvalFileError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class QuestionSet:
    """A question set and what the README's table says of it beside its figures."""

    cases: list[Case]
    about: str | None = None  # a short label: who the questions are written as, who read them
    first_measured: str | None = None  # "85.6 / 2.2 / 0.0": the one measure before reading


# Optional top-level keys of a set, with an example for the hint when one is not text.
SET_LABELS = {"about": "issue's style; never read", "first_measured": "85.6 / 2.2 / 0.0"}


def load_cases(path: Path, knowledge: KnowledgeBase | None = None) -> list[Case]:
    """Read a question set's questions (see `load_set`)."""
    return load_set(path, knowledge).cases


def load_set(path: Path, knowledge: KnowledgeBase | None = None) -> QuestionSet:
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
    data = loaded.data if isinstance(loaded.data, dict) else {}
    items = data.get("questions")
    if not isinstance(items, list):
        problem = Problem(shown, 1, 1, "questions", "expected a list of {q, expect}")
        raise EvalFileError([problem])
    labels: dict[str, str | None] = {}
    for key, example in SET_LABELS.items():
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            mark = loaded.mark((key,))
            message = f"expected text, got {type_name(value)}"
            hint = f'quote it, e.g. {key}: "{example}"'
            problems.append(Problem(shown, mark.line, mark.column, key, message, hint))
            value = None
        labels[key] = value
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
        raise EvalFileError(sorted(problems, key=lambda p: (p.line, p.column)))
    return QuestionSet(cases, labels["about"], labels["first_measured"])


def evaluate(
    cases: Sequence[Case],
    matcher: Matcher,
    thresholds: Thresholds,
    max_chars: int = 500,
    quotes: QuoteFinder | None = None,
) -> Report:
    """Run every case through the same decision the bot makes."""
    return Report(tuple(_outcome(c, matcher, thresholds, max_chars, quotes) for c in cases))


def _outcome(
    case: Case,
    matcher: Matcher,
    thresholds: Thresholds,
    max_chars: int,
    quotes: QuoteFinder | None,
) -> Outcome:
    reply = decide(case.question, matcher, thresholds, max_chars, quotes)
    expected = matcher.knowledge.entry(case.expect)
    supported = (
        reply.quote is not None
        and quotes is not None
        and expected is not None
        and reply.quote.passage in quotes.supporting(expected)
    )
    return Outcome(case, reply, supported)


@dataclass(frozen=True)
class LeftOut:
    """How the questions for each entry fare once that entry is taken out of the knowledge."""

    questions: int
    quoted_right: int  # a sentence stating the missing entry's fact was quoted
    quoted_wrong: int  # another sentence was quoted
    other_entry: int  # another entry's answer was given: a wrong fact
    clarified: int
    unanswered: int

    def as_dict(self) -> dict[str, int]:
        return {
            "questions": self.questions,
            "quoted_right": self.quoted_right,
            "quoted_wrong": self.quoted_wrong,
            "other_entry": self.other_entry,
            "clarified": self.clarified,
            "unanswered": self.unanswered,
        }


def leave_out(
    cases: Sequence[Case], knowledge: KnowledgeBase, thresholds: Thresholds, max_chars: int = 500
) -> LeftOut:
    """Take each entry out in turn and ask its questions again, quoting allowed.

    What quoting is for: the facts of an article nobody wrote an entry for yet. With every
    entry in place the evaluation sets rarely reach it, so this is where it is measured.
    """
    full = Matcher(knowledge)
    support = QuoteFinder(knowledge, full)
    counts = dict.fromkeys(("right", "wrong", "other", "clarify", "none"), 0)
    for entry in knowledge.live_entries:
        asked = [c for c in cases if c.expect == entry.id]
        if not asked:
            continue
        rest = KnowledgeBase(
            knowledge.articles,
            tuple(e for e in knowledge.entries if e.id != entry.id),
            knowledge.synonyms,
        )
        matcher = Matcher(rest)
        quotes = QuoteFinder(rest, matcher)
        stated = support.supporting(entry)
        for case in asked:
            reply = decide(case.question, matcher, thresholds, max_chars, quotes)
            if reply.quote is not None:
                counts["right" if reply.quote.passage in stated else "wrong"] += 1
            elif reply.entry is not None:
                counts["other"] += 1
            else:
                counts[reply.status] += 1
    return LeftOut(
        sum(counts.values()), counts["right"], counts["wrong"], counts["other"],
        counts["clarify"], counts["none"],
    )  # fmt: skip


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
