"""`newsbot eval`: question sets run through the engine, with the figures a change is judged by."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import cli_changes, plotting
from bot.config import Thresholds
from bot.engine import Engine
from bot.evaltables import (
    AGAINST_HEADING,
    AgainstError,
    SetRow,
    format_markdown_table,
    format_set_table,
    load_against,
)
from bot.evaluation import (
    WRONG_ANSWER_BUDGET,
    Case,
    EvalFileError,
    LeftOut,
    QuestionSet,
    Report,
    SweepPoint,
    evaluate,
    leave_out,
    load_cases,
    load_set,
    recommend,
    sweep,
)
from bot.knowledge import display_path
from bot.matching import SCORERS, Matcher
from bot.validation import Problem

SWEEP_TABLE_STEP = 5  # `eval --sweep` prints every 5th threshold, plus the ones that matter


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `eval` to the `newsbot` command's subcommands."""
    ev = commands.add_parser("eval", help="run a regression question set")
    ev.add_argument(
        "file",
        nargs="*",
        type=Path,
        help="default: NEWSBOT_EVAL_FILE; several give a line each and their total",
    )
    ev.add_argument("--min-accuracy", type=float, help="exit 1 below this (0-1 or percent)")
    ev.add_argument("--max-answered-unanswerable", type=float, help="exit 1 above this (0-1)")
    ev.add_argument("--scorer", choices=SCORERS, default="weighted", help="matcher scorer")
    ev.add_argument("--compare", action="store_true", help="compare all scorers side by side")
    ev.add_argument("--sweep", action="store_true", help="accuracy vs wrong answers per threshold")
    ev.add_argument(
        "--plot", type=Path, metavar="FILE", help="draw the --sweep as a PNG (implies --sweep)"
    )
    ev.add_argument(
        "--leave-out",
        action="store_true",
        help="take each entry out in turn: how often quoting the article still answers",
    )
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument(
        "--markdown", action="store_true", help="print the sets' table as the README's Markdown"
    )
    ev.add_argument(
        "--against",
        type=Path,
        metavar="FILE.json",
        help="add a column of another run's figures (what --json printed for the same files)",
    )
    ev.add_argument(
        "--against-label",
        metavar="TEXT",
        help=f"the heading of the --against column (default: '{AGAINST_HEADING}')",
    )
    cli_changes.add_arguments(ev)


def run(engine: Engine, args: argparse.Namespace) -> int:
    """Run `newsbot eval` as parsed: one set (or its sweep, comparison, leave-out) or several."""
    try:
        return _run(engine, args)
    except cli_changes.ChangesFileError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2


def _run(engine: Engine, args: argparse.Namespace) -> int:
    if args.plot is not None and args.compare:
        print("Error: --plot draws the --sweep; it does not go with --compare", file=sys.stderr)
        return 2
    if args.plot is not None and not plotting.available():
        print(f"Error: --plot needs matplotlib ({plotting.INSTALL_HINT})", file=sys.stderr)
        return 1
    paths = args.file or [engine.settings.eval_file]
    refused = _eval_options_refused(args, several=len(paths) > 1) or cli_changes.refused(args)
    if refused:
        print(f"Error: {refused}", file=sys.stderr)
        return 2
    if len(paths) > 1 or args.markdown:
        return cmd_eval_sets(engine, paths, args)
    earlier = cli_changes.read_earlier(args)
    path = paths[0]
    try:
        cases = load_cases(path, engine.knowledge)
    except EvalFileError as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    thresholds = engine.settings.thresholds
    if args.compare:
        return print_comparison(engine, cases)
    matcher = _eval_matcher(engine, args.scorer)
    if args.sweep or args.plot is not None:
        return cmd_sweep(cases, matcher, thresholds, path, args)
    max_chars = engine.settings.max_question_chars
    if args.leave_out:
        left = leave_out(cases, engine.knowledge, thresholds, max_chars)
        print(json.dumps(left.as_dict()) if args.json else format_left_out(left))
        return 0
    quotes = engine.snapshot.quotes if args.scorer == "weighted" else None
    report = evaluate(cases, matcher, thresholds, max_chars, quotes)
    changes = cli_changes.record(args, [(path, report)], earlier)
    if args.json:
        print(json.dumps(cli_changes.with_changes(report.as_dict(), changes)))
    else:
        print_report(report, quoting=bool(quotes and quotes.passages))
        cli_changes.print_changes(changes)
    exit_code = _eval_exit(report, args.min_accuracy, args.max_answered_unanswerable)
    return exit_code or cli_changes.losses_exit(args, changes)


def _eval_options_refused(args: argparse.Namespace, several: bool) -> str | None:
    """Why the table options given do not go together, or None when they do."""
    if args.markdown and args.json:
        return "--markdown and --json print the same figures two ways; give one"
    if args.markdown and (args.compare or args.sweep or args.plot is not None or args.leave_out):
        one_set = "--compare, --sweep, --plot or --leave-out"
        return f"--markdown prints the sets' table; it does not go with {one_set}"
    if args.against is not None and args.json:
        return "--against adds a column to a table; --json prints no table"
    if args.against is not None and not (several or args.markdown):
        return "--against adds a column to the table of several sets or to --markdown"
    if args.against_label is not None and args.against is None:
        return "--against-label names the --against column; give --against too"
    return None


def _eval_matcher(engine: Engine, scorer: str) -> Matcher:
    """The live matcher for the bot's own scorer; another scorer gets one of its own."""
    live = engine.snapshot.matcher if scorer == "weighted" else None
    return live or Matcher(engine.knowledge, scorer)


def cmd_eval_sets(engine: Engine, paths: Sequence[Path], args: argparse.Namespace) -> int:
    """Several question sets at once: how each fares and all of them together, what a change to
    the matching must be weighed on (a rule written from one set's misses moves the others).
    Also one set for --markdown, which is the README's table of them."""
    if args.compare or args.sweep or args.plot is not None or args.leave_out:
        print("Error: --compare, --sweep, --plot and --leave-out take one file", file=sys.stderr)
        return 2
    try:  # before any set is run: a mistyped name should not cost a whole evaluation
        against = load_against(args.against, len(paths)) if args.against is not None else None
    except AgainstError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    earlier = cli_changes.read_earlier(args)
    sets: list[tuple[Path, QuestionSet]] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            sets.append((path, load_set(path, engine.knowledge)))
        except EvalFileError as error:
            problems.extend(error.problems)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if problems:
        return 1
    matcher = _eval_matcher(engine, args.scorer)
    quotes = engine.snapshot.quotes if args.scorer == "weighted" else None
    thresholds, max_chars = engine.settings.thresholds, engine.settings.max_question_chars
    rows = [
        SetRow(
            display_path(path),
            evaluate(question_set.cases, matcher, thresholds, max_chars, quotes),
            question_set,
            against.cell(display_path(path)) if against else "",
        )
        for path, question_set in sets
    ]
    total = Report(tuple(outcome for row in rows for outcome in row.report.outcomes))
    evaluated = [(path, row.report) for (path, _), row in zip(sets, rows, strict=True)]
    changes = cli_changes.record(args, evaluated, earlier)
    if args.json:
        listed = [{"file": row.name, **row.report.as_dict()} for row in rows]
        figures = {"sets": listed, "total": total.as_dict()}
        print(json.dumps(cli_changes.with_changes(figures, changes)))
    else:
        every = f"all {len(rows)} set" + ("s" if len(rows) != 1 else "")
        table = [*rows, SetRow(every, total, against=against.total if against else "")]
        heading = (args.against_label or AGAINST_HEADING) if against else None
        formatter = format_markdown_table if args.markdown else format_set_table
        print(formatter(table, heading))
        cli_changes.print_changes(changes)
    exit_code = _eval_exit(total, args.min_accuracy, args.max_answered_unanswerable)
    return exit_code or cli_changes.losses_exit(args, changes)


def cmd_sweep(
    cases: Sequence[Case],
    matcher: Matcher,
    thresholds: Thresholds,
    path: Path,
    args: argparse.Namespace,
) -> int:
    """Accuracy and wrong answers per answer threshold, a recommendation, optionally a plot."""
    points = sweep(cases, matcher, thresholds.margin)
    best = recommend(points)
    configured = next((p for p in points if p.threshold == thresholds.answer), None)
    configured = configured or sweep(cases, matcher, thresholds.margin, (thresholds.answer,))[0]
    if args.json:
        figures = {
            "file": display_path(path),
            "margin": thresholds.margin,
            "wrong_answer_budget": WRONG_ANSWER_BUDGET,
            "configured": configured.as_dict(),
            "recommended": best.as_dict() if best else None,
            "points": [p.as_dict() for p in points],
        }
        print(json.dumps(figures))
    else:
        print_sweep(points, best, configured)
    if args.plot is not None:
        title = f"{display_path(path)}: answer threshold trade-off (margin {thresholds.margin:g})"
        try:
            plotting.plot_sweep(
                points, args.plot, title=title, configured=thresholds.answer, recommended=best
            )
        except plotting.PlotUnavailable as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1
        except OSError as error:
            print(f"Error: cannot write {args.plot}: {error}", file=sys.stderr)
            return 1
        print(f"plot written to {args.plot}", file=sys.stderr)
    return 0


def print_sweep(
    points: Sequence[SweepPoint], best: SweepPoint | None, configured: SweepPoint
) -> None:
    marks: dict[float, list[str]] = {}
    if best:
        marks.setdefault(best.threshold, []).append("recommended")
    marks.setdefault(configured.threshold, []).append("configured")
    rows = {p.threshold: p for p in points if p.threshold % SWEEP_TABLE_STEP == 0}
    rows.update((p.threshold, p) for p in (best, configured) if p is not None)
    print("threshold  accuracy  answered-unanswerable")
    for threshold, p in sorted(rows.items()):
        mark = f"  <- {', '.join(marks[threshold])}" if threshold in marks else ""
        print(f"{threshold:9g}  {p.accuracy:8.1%}  {p.answered_unanswerable:21.1%}{mark}")
    if best:
        print(f"recommended answer threshold: {best.threshold:g} ({best.accuracy:.1%} right, "
              f"{best.answered_unanswerable:.1%} of unanswerable answered; "
              f"configured: {configured.threshold:g})")  # fmt: skip
    else:
        print(f"no threshold answers at most {WRONG_ANSWER_BUDGET:.0%} of unanswerable questions")


def _eval_exit(report: Report, min_accuracy: float | None, max_wrong: float | None) -> int:
    if min_accuracy is not None:
        floor = min_accuracy / 100 if min_accuracy > 1 else min_accuracy
        if report.accuracy < floor:
            print(f"FAIL: accuracy {report.accuracy:.1%} < {floor:.1%}", file=sys.stderr)
            return 1
    if max_wrong is not None and report.answered_unanswerable > max_wrong:
        print(f"FAIL: answered unanswerable {report.answered_unanswerable:.1%}", file=sys.stderr)
        return 1
    return 0


def print_report(report: Report, quoting: bool = False) -> None:
    for miss in report.misses:
        c, r = miss.case, miss.reply
        got = f"answer {miss.got}" if r.entry is not None else r.outcome
        if r.status == "clarify":
            got += " [" + ", ".join(ch.entry.id for ch in r.choices) + "]"
        top = (
            f"; best {r.candidates[0].entry.id} {r.candidates[0].score:.1f}" if r.candidates else ""
        )
        print(f"miss: line {c.line}: {c.question!r}: expected {c.expect}, got {got}{top}")
    print(
        f"answerable: {len(report.answerable)}, right: {report.accuracy:.1%}, "
        f"wrong entry: {report.wrong_answers_to_answerable:.1%}\n"
        f"unanswerable: {len(report.unanswerable)}, answered anyway: "
        f"{report.answered_unanswerable:.1%}\n"
        f"clarify rate: {report.clarify_rate:.1%} of {len(report.outcomes)} questions"
    )
    if quoting:
        print(
            f"quoted from articles: {report.quoted_right} stating the expected fact, "
            f"{report.quoted_wrong} not (see --leave-out)"
        )


def format_left_out(left: LeftOut) -> str:
    shown = [
        ("article sentence stating its fact quoted", left.quoted_right),
        ("another sentence quoted", left.quoted_wrong),
        ("another entry answered (wrong fact)", left.other_entry),
        ("did you mean", left.clarified),
        ("not answered", left.unanswered),
    ]
    width = max(len(label) for label, _ in shown)
    lines = [f"{left.questions} questions, each asked with its entry taken out of the knowledge:"]
    for label, count in shown:
        share = count / left.questions if left.questions else 0.0
        lines.append(f"  {label:<{width}}  {count:>5}  {share:6.1%}")
    return "\n".join(lines)


def print_comparison(engine: Engine, cases: Sequence[object]) -> int:
    """Each scorer at its own best threshold (<= 5% unanswerable answered), side by side."""
    typed = [c for c in cases if isinstance(c, Case)]
    margin = engine.settings.thresholds.margin
    print("scorer              best-threshold  accuracy  answered-unanswerable  top1-ranked")
    for name in SCORERS:
        matcher = Matcher(engine.knowledge, name)
        best = recommend(sweep(typed, matcher, margin))
        answerable = [c for c in typed if c.expect != "none"]
        top1 = sum(
            bool(ranked) and ranked[0].entry.id == c.expect
            for c in answerable
            for ranked in [matcher.match(c.question, limit=1)]
        ) / max(len(answerable), 1)
        if best is None:
            print(f"{name:<20}{'-':>14}  {'-':>8}  {'-':>21}  {top1:10.1%}")
        else:
            print(
                f"{name:<20}{best.threshold:14g}  {best.accuracy:8.1%}  "
                f"{best.answered_unanswerable:21.1%}  {top1:10.1%}"
            )
    return 0
