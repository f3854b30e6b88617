"""What an edit moved on the question sets, question by question: decisions files and their diff.

`newsbot eval --decisions OUT.json` keeps every question's decision; a later run (another
commit, edited knowledge, another checkout) given `--changes-from OUT.json` lists the questions
whose outcome changed. Pure: reports and text in, data and text out; the command does the
reading, writing and printing.

Both runs are judged by the expectation of the later run's set, so a change is one of the bot.
A question moving between its right answer and a wrong entry is in two groups (no longer right
and now answering wrongly, or the reverse), so that each group's count is the move of a figure
`newsbot eval` prints: the right answers, the wrong ones.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from bot.evaluation import NONE, Report

DECISIONS_VERSION = 1
STATUSES = ("answer", "clarify", "none")
# The groups of questions whose outcome matters, in the order they are shown.
GROUPS = ("now_right", "no_longer_right", "now_answers_wrongly", "no_longer_answers_wrongly")


@dataclass(frozen=True)
class Decision:
    """What the bot did with one question of a set."""

    question: str
    expect: str  # an entry id, or "none"
    status: str  # answer | clarify | none
    entry: str | None = None  # the entry answering; None for a quote from an article
    quote: bool = False
    suggestions: tuple[str, ...] = ()  # the "did you mean" entries of a clarify

    @property
    def shown(self) -> str:
        """The outcome in a word or two: 'answer bridge-cost', 'quote', 'clarify', 'none'."""
        if self.status != "answer":
            return self.status
        return "quote" if self.entry is None else f"answer {self.entry}"

    def verdict(self, expect: str) -> str:
        """'right', 'wrong' (an answer it should not give) or 'open' (clarify, none, a quote)."""
        answered = self.status == "answer"
        if expect == NONE:
            return "wrong" if answered else "right"
        if answered and self.entry is not None:
            return "right" if self.entry == expect else "wrong"
        return "open"  # as `Report`: a quote is neither the expected entry nor a wrong one


@dataclass(frozen=True)
class SetDecisions:
    file: str  # the set's path as the run was given it
    decisions: tuple[Decision, ...]


class DecisionsError(Exception):
    """A decisions file cannot be read back: the message says where and what."""


def decisions_of(file: str, report: Report) -> SetDecisions:
    """Every question of one evaluated set, in order, with what was decided."""
    return SetDecisions(
        file,
        tuple(
            Decision(
                o.case.question,
                o.case.expect,
                o.reply.status,
                o.reply.entry.id if o.reply.entry is not None else None,
                o.reply.quote is not None,
                tuple(c.entry.id for c in o.reply.choices) if o.reply.status == "clarify" else (),
            )
            for o in report.outcomes
        ),
    )


def format_decisions(sets: Sequence[SetDecisions]) -> str:
    """A decisions file: JSON with one question a line, so that two of them diff well too."""

    def dumped(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    blocks = []
    for s in sets:
        rows = ",\n".join(
            "    " + dumped({
                "question": d.question, "expect": d.expect, "status": d.status,
                "entry": d.entry, "quote": d.quote, "suggestions": list(d.suggestions),
            })
            for d in s.decisions
        )  # fmt: skip
        listed = f"[\n{rows}\n   ]" if rows else "[]"
        blocks.append(f'  {{\n   "file": {dumped(s.file)},\n   "questions": {listed}\n  }}')
    listed_sets = "[\n" + ",\n".join(blocks) + "\n ]" if blocks else "[]"
    return f'{{\n "version": {DECISIONS_VERSION},\n "sets": {listed_sets}\n}}\n'


def parse_decisions(text: str) -> tuple[SetDecisions, ...]:
    """Read a decisions file back; DecisionsError says what is wrong, in one line."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise DecisionsError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or "version" not in data:
        raise DecisionsError('not a file written by --decisions (no "version")')
    if type(data["version"]) is not int or data["version"] != DECISIONS_VERSION:
        version = json.dumps(data["version"])
        raise DecisionsError(f'"version" {version}: this newsbot reads {DECISIONS_VERSION}')
    listed = _typed(data, "sets", list, "", "a list")
    return tuple(_set(item, f"sets[{i}]") for i, item in enumerate(listed))


def _set(item: Any, where: str) -> SetDecisions:
    if not isinstance(item, dict):
        raise DecisionsError(f'{where}: expected {{"file": ..., "questions": [...]}}')
    file = _typed(item, "file", str, where, "text")
    listed = _typed(item, "questions", list, where, "a list")
    questions = (_decision(q, f"{where}.questions[{i}]") for i, q in enumerate(listed))
    return SetDecisions(file, tuple(questions))


def _decision(item: Any, where: str) -> Decision:
    if not isinstance(item, dict):
        raise DecisionsError(f"{where}: expected an object")
    status = _typed(item, "status", str, where, "text")
    if status not in STATUSES:
        raise DecisionsError(f"{where}.status: expected answer, clarify or none, got {status!r}")
    entry = item.get("entry")
    if entry is not None and not isinstance(entry, str):
        raise DecisionsError(f"{where}.entry: expected an entry id or null")
    suggestions = item.get("suggestions", [])
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        raise DecisionsError(f"{where}.suggestions: expected a list of entry ids")
    return Decision(
        _typed(item, "question", str, where, "text"),
        _typed(item, "expect", str, where, "text"),
        status,
        entry,
        item.get("quote") is True,
        tuple(suggestions),
    )


def _typed(item: dict[str, Any], key: str, kind: type, where: str, expected: str) -> Any:
    value = item.get(key)
    if not isinstance(value, kind):
        raise DecisionsError(f"{where + '.' if where else ''}{key}: expected {expected}")
    return value


@dataclass(frozen=True)
class Change:
    """One question whose outcome moved; `before` None: new, `after` None: gone."""

    file: str
    question: str
    expect: str
    before: Decision | None
    after: Decision | None

    def as_dict(self) -> dict[str, str | None]:
        return {
            "file": self.file,
            "question": self.question,
            "expect": self.expect,
            "before": self.before.shown if self.before else None,
            "after": self.after.shown if self.after else None,
        }


@dataclass(frozen=True)
class Changes:
    """The questions whose outcome moved, by group, and the moves that change no figure."""

    now_right: tuple[Change, ...] = ()
    no_longer_right: tuple[Change, ...] = ()
    now_answers_wrongly: tuple[Change, ...] = ()
    no_longer_answers_wrongly: tuple[Change, ...] = ()
    new: tuple[Change, ...] = ()
    gone: tuple[Change, ...] = ()
    swapped: int = 0  # unanswered either way: clarify <-> none
    quote_swapped: int = 0  # answerable, not right either way: a quote given or taken away
    other_wrong: int = 0  # answered wrongly either way, with another entry or a quote

    @property
    def counts(self) -> dict[str, int]:
        """How many in each group, and of the moves that change no figure."""
        counts = {key: len(self.group(key)) for key in GROUPS}
        counts |= {"new": len(self.new), "gone": len(self.gone), "swapped": self.swapped}
        return counts | {"quote_swapped": self.quote_swapped, "other_wrong": self.other_wrong}

    @property
    def losses(self) -> tuple[Change, ...]:
        """What `--no-losses` fails on: right answers lost, wrong ones gained."""
        return self.no_longer_right + self.now_answers_wrongly

    def group(self, key: str) -> tuple[Change, ...]:
        changes: tuple[Change, ...] = getattr(self, key)
        return changes

    def as_dict(self) -> dict[str, object]:
        listed: dict[str, object] = {
            key: [c.as_dict() for c in self.group(key)] for key in (*GROUPS, "new", "gone")
        }
        return listed | {"counts": self.counts}


def compare(before: Sequence[SetDecisions], after: Sequence[SetDecisions]) -> Changes:
    """Pair the sets (by path, else by file name) and their questions (by text), and sort
    every question whose outcome moved into its groups."""
    groups: dict[str, list[Change]] = {key: [] for key in GROUPS}
    new: list[Change] = []
    gone: list[Change] = []
    quiet: Counter[str] = Counter()
    paired, unpaired = _paired_sets(before, after)
    for old, now in paired:
        earlier = dict(_keyed(old.decisions if old else ()))
        for key, decision in _keyed(now.decisions):
            was = earlier.pop(key, None)
            change = Change(now.file, decision.question, decision.expect, was, decision)
            if was is None:
                new.append(change)
                continue
            for group in _groups(was, decision, quiet):
                groups[group].append(change)
        if old is not None:  # what is left of the earlier run's set is gone
            gone.extend(Change(old.file, d.question, d.expect, d, None) for d in earlier.values())
    for old in unpaired:
        gone.extend(Change(old.file, d.question, d.expect, d, None) for d in old.decisions)
    return Changes(
        now_right=tuple(groups["now_right"]),
        no_longer_right=tuple(groups["no_longer_right"]),
        now_answers_wrongly=tuple(groups["now_answers_wrongly"]),
        no_longer_answers_wrongly=tuple(groups["no_longer_answers_wrongly"]),
        new=tuple(new),
        gone=tuple(gone),
        swapped=quiet["swapped"],
        quote_swapped=quiet["quote_swapped"],
        other_wrong=quiet["other_wrong"],
    )


def _groups(was: Decision, now: Decision, quiet: Counter[str]) -> list[str]:
    """The groups a question moving from `was` to `now` is listed in, judged by what the later
    run expects (often none); a move that changes no figure is counted in `quiet` instead."""
    if was.shown == now.shown:
        return []
    expect = now.expect
    before, after = was.verdict(expect), now.verdict(expect)
    listed = []
    if expect != NONE and before != after == "right":
        listed.append("now_right")
    if expect != NONE and after != before == "right":
        listed.append("no_longer_right")
    if before != after == "wrong":
        listed.append("now_answers_wrongly")
    if after != before == "wrong":
        listed.append("no_longer_answers_wrongly")
    if not listed:
        quote = "quote" in (was.shown, now.shown)
        quiet["other_wrong" if after == "wrong" else "quote_swapped" if quote else "swapped"] += 1
    return listed


def _keyed(decisions: Iterable[Decision]) -> list[tuple[tuple[str, int], Decision]]:
    """Each decision by its question, and which time the set asks it (a set may repeat one)."""
    seen: Counter[str] = Counter()
    keyed = []
    for d in decisions:
        keyed.append(((d.question, seen[d.question]), d))
        seen[d.question] += 1
    return keyed


def _paired_sets(
    before: Sequence[SetDecisions], after: Sequence[SetDecisions]
) -> tuple[list[tuple[SetDecisions | None, SetDecisions]], list[SetDecisions]]:
    """Each set of the later run with the earlier run's of the same path, else of the same file
    name when only one set on each side has that name; and the earlier sets left unpaired."""
    unpaired = list(before)
    found: dict[int, SetDecisions] = {}
    for index, now in enumerate(after):
        same = next((old for old in unpaired if old.file == now.file), None)
        if same is not None:
            found[index] = same
            unpaired.remove(same)
    left = [now for index, now in enumerate(after) if index not in found]
    for index, now in enumerate(after):
        name = PurePath(now.file).name
        olds = [old for old in unpaired if PurePath(old.file).name == name]
        news = [n for n in left if PurePath(n.file).name == name]
        if index not in found and len(olds) == 1 and len(news) == 1:
            found[index] = olds[0]
            unpaired.remove(olds[0])
    return [(found.get(index), now) for index, now in enumerate(after)], unpaired
