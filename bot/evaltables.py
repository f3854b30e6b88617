"""The table of several question sets: for the terminal, or as the README's Markdown.

Either may carry a last column of another run's figures (`--against`): what `newsbot eval
FILE... --json` printed, often from an older checkout, so a change is weighed set by set.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.evaluation import QuestionSet, Report

AGAINST_HEADING = "against (right / wrong / unanswerable)"
# The figures of `Report.as_dict` a cell of another run shows, in the order it shows them.
AGAINST_FIGURES = ("accuracy", "wrong_answer_rate_answerable", "answered_unanswerable_rate")
MARKDOWN_HEADINGS = (
    "set",
    "questions (unanswerable)",
    "answerable right",
    "wrong entry",
    "unanswerable answered",
    "clarify",
    "first measured (right / wrong / unanswerable)",
)


@dataclass(frozen=True)
class SetRow:
    """One line of a table: a set, or the total of all of them (`question_set` None)."""

    name: str  # the set's file as `display_path` shows it, or "all 3 sets"
    report: Report
    question_set: QuestionSet | None = None
    against: str = ""  # another run's "96.7 / 0.0 / 0.0", empty when it lacks the set


class AgainstError(Exception):
    """The --against file cannot be read as what `newsbot eval --json` prints."""


@dataclass(frozen=True)
class Against:
    """Another run's figures, per set by the file it showed, and for all sets together."""

    total: str
    sets: Mapping[str, str] = field(default_factory=dict)  # empty: one set's figures alone
    one_set: bool = False

    def cell(self, shown: str) -> str:
        """The figures for the set shown as `shown`, by its path, else its file name, else ''."""
        if self.one_set:
            return self.total
        if shown in self.sets:
            return self.sets[shown]
        name = Path(shown).name
        same_name = [cell for file, cell in self.sets.items() if Path(file).name == name]
        return same_name[0] if len(same_name) == 1 else ""


def load_against(path: Path, set_count: int) -> Against:
    """Read `newsbot eval --json` output; a single set's figures go with one set only."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise AgainstError(f"--against {path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise AgainstError(f"--against {path}: not JSON: {error}") from None
    expected = "expected what 'newsbot eval FILE... --json' prints"
    if not isinstance(data, dict):
        raise AgainstError(f"--against {path}: {expected}")
    if "sets" not in data:
        if set_count != 1:
            raise AgainstError(
                f"--against {path}: the figures of one set (no 'sets'), but {set_count} "
                "sets are evaluated; give it the --json of the same files"
            )
        return Against(_figures(data, path, "the file"), one_set=True)
    listed, total = data["sets"], data.get("total")
    if not isinstance(listed, list) or not isinstance(total, dict):
        raise AgainstError(f"--against {path}: {expected} ('sets' a list, 'total' figures)")
    sets: dict[str, str] = {}
    for index, figures in enumerate(listed):
        file = figures.get("file") if isinstance(figures, dict) else None
        if not isinstance(file, str):
            raise AgainstError(f"--against {path}: sets[{index}]: needs 'file'")
        sets[file] = _figures(figures, path, f"sets[{index}]")
    return Against(_figures(total, path, "total"), sets)


def _figures(figures: Any, path: Path, where: str) -> str:
    """Right / wrong entry / unanswerable answered, in percent, as a table cell shows them."""
    values = [figures.get(name) if isinstance(figures, dict) else None for name in AGAINST_FIGURES]
    shares = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(shares) != len(AGAINST_FIGURES):
        needed = ", ".join(f"'{name}'" for name in AGAINST_FIGURES)
        raise AgainstError(f"--against {path}: {where}: needs the numbers {needed}")
    return " / ".join(f"{100 * share:.1f}" for share in shares)


def format_set_table(rows: Sequence[SetRow], against_heading: str | None = None) -> str:
    """One line per set: its size and the figures `print_report` gives for one."""
    width = max(len("set"), *(len(row.name) for row in rows))
    header = f"{'set':<{width}}  questions  unanswerable   right  wrong entry  answered  clarify"
    lines = [header + (f"  {against_heading}" if against_heading is not None else "")]
    for row in rows:
        r = row.report
        line = (
            f"{row.name:<{width}}  {len(r.outcomes):>9}  {len(r.unanswerable):>12}"
            f"  {r.accuracy:>6.1%}  {r.wrong_answers_to_answerable:>11.1%}"
            f"  {r.answered_unanswerable:>8.1%}  {r.clarify_rate:>7.1%}"
        )
        if against_heading is not None:
            line = f"{line}  {row.against:>{len(against_heading)}}".rstrip()
        lines.append(line)
    return "\n".join(lines)


def format_markdown_table(rows: Sequence[SetRow], against_heading: str | None = None) -> str:
    """The README's table: a row per set, with its label and first measure, and the total."""
    headings = [*MARKDOWN_HEADINGS, *([against_heading] if against_heading is not None else [])]
    lines = [_markdown_row(headings), "|" + "---|" * len(headings)]
    for row in rows:
        r, labels = row.report, row.question_set
        name = row.name if labels is None else f"`{row.name}`"
        if labels is not None and labels.about:
            name += f" ({labels.about})"
        cells = [
            name,
            f"{len(r.outcomes)} ({len(r.unanswerable)})",
            f"{r.accuracy:.1%}",
            f"{r.wrong_answers_to_answerable:.1%}",
            f"{r.answered_unanswerable:.1%}",
            f"{r.clarify_rate:.1%}",
            (labels.first_measured or "") if labels is not None else "",
        ]
        if against_heading is not None:
            cells.append(row.against)
        lines.append(_markdown_row(cells))
    return "\n".join(lines)


def _markdown_row(cells: Sequence[str]) -> str:
    """A table row; a '|' in a label would end its cell, so it is escaped."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"
