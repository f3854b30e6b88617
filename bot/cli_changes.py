"""`newsbot eval --decisions, --changes-from, --no-losses`: their files, their text, their exit.

What moved is worked out in bot/evalchanges.py; this adapter reads and writes the files and
prints what it found, one compiler-style line per question so that grep and editors take it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.evalchanges import (
    Change,
    Changes,
    DecisionsError,
    SetDecisions,
    compare,
    decisions_of,
    format_decisions,
    parse_decisions,
)
from bot.evaluation import Report

HEADINGS = {
    "now_right": "now right",
    "no_longer_right": "no longer right",
    "now_answers_wrongly": "now answers a question it should not",
    "no_longer_answers_wrongly": "no longer answers wrongly",
}
FEW = 5  # new and gone questions are listed one by one up to this many, else only counted
ONE_SET_MODES = "--compare, --sweep, --plot or --leave-out"


class ChangesFileError(Exception):
    """The file of --decisions or --changes-from cannot be written or read: one line, exit 2."""


def add_arguments(ev: argparse.ArgumentParser) -> None:
    """Add the three options to `newsbot eval`."""
    ev.add_argument(
        "--decisions",
        type=Path,
        metavar="OUT.json",
        help="also write every question's decision to OUT.json, for a later --changes-from",
    )
    ev.add_argument(
        "--changes-from",
        type=Path,
        metavar="OLD.json",
        help="after the figures, the questions whose outcome moved since OLD.json (--decisions)",
    )
    ev.add_argument(
        "--no-losses",
        action="store_true",
        help="exit 1 when a question is no longer right or now answered wrongly",
    )


def refused(args: argparse.Namespace) -> str | None:
    """Why these options do not go with the others given, or None when they do."""
    if args.no_losses and args.changes_from is None:
        return "--no-losses fails on what --changes-from lists; give --changes-from too"
    recorded = args.decisions is not None or args.changes_from is not None
    if recorded and (args.compare or args.sweep or args.plot is not None or args.leave_out):
        return f"--decisions and --changes-from are of a plain run, not of {ONE_SET_MODES}"
    return None


def read_earlier(args: argparse.Namespace) -> tuple[SetDecisions, ...] | None:
    """The decisions --changes-from names (None without it); read before any set is run, so
    that a mistyped name does not cost a whole evaluation."""
    path: Path | None = args.changes_from
    if path is None:
        return None
    try:
        return parse_decisions(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ChangesFileError(f"{path}: cannot read: {error}") from None
    except DecisionsError as error:
        raise ChangesFileError(f"{path}: {error}") from None


def record(
    args: argparse.Namespace,
    evaluated: Sequence[tuple[Path, Report]],
    earlier: Sequence[SetDecisions] | None,
) -> Changes | None:
    """Write --decisions (printing nothing); what moved since --changes-from, None without it."""
    now = [decisions_of(str(path), report) for path, report in evaluated]
    if args.decisions is not None:
        try:
            args.decisions.write_text(format_decisions(now), encoding="utf-8")
        except OSError as error:
            raise ChangesFileError(f"{args.decisions}: cannot write: {error}") from None
    return compare(earlier, now) if earlier is not None else None


def with_changes(figures: dict[str, Any], changes: Changes | None) -> dict[str, Any]:
    """The --json figures, with what moved under "changes" when --changes-from is given."""
    return figures if changes is None else {**figures, "changes": changes.as_dict()}


def print_changes(changes: Changes | None) -> None:
    """After the figures, a blank line and the groups: each one's count, then its questions."""
    if changes is not None:
        print("\n" + format_changes(changes))


def format_changes(changes: Changes) -> str:
    lines = []
    for key, heading in HEADINGS.items():
        lines.append(f"{heading}: {len(changes.group(key))}")
        lines.extend(change_line(c) for c in changes.group(key))
    for listed, heading in ((changes.new, "new questions"), (changes.gone, "gone")):
        lines.append(f"{heading}: {len(listed)}")
        lines.extend(change_line(c) for c in listed if len(listed) <= FEW)
    lines.append(f"unanswered either way, clarify/none swapped: {changes.swapped}")
    if changes.quote_swapped:  # rare: shown only when there are some
        lines.append(f"not right either way, a quote given or taken: {changes.quote_swapped}")
    if changes.other_wrong:
        lines.append(f"answered wrongly either way, another answer: {changes.other_wrong}")
    return "\n".join(lines)


def change_line(change: Change) -> str:
    """`eval/blind3.yaml: "question" expected X: clarify -> answer X`"""
    before = change.before.shown if change.before else "(new)"
    after = change.after.shown if change.after else "(gone)"
    question = json.dumps(change.question, ensure_ascii=False)
    return f"{change.file}: {question} expected {change.expect}: {before} -> {after}"


def losses_exit(args: argparse.Namespace, changes: Changes | None) -> int:
    """1 with a FAIL line when --no-losses is given and something was lost, else 0."""
    if not args.no_losses or changes is None or not changes.losses:
        return 0
    lost, wrong = len(changes.no_longer_right), len(changes.now_answers_wrongly)
    print(f"FAIL: {lost} no longer right, {wrong} now answered wrongly", file=sys.stderr)
    return 1
