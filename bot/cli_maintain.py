"""`newsbot unanswered` and `newsbot stats`: the maintainers' view of the questions database."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys

from bot.config import Settings
from bot.engine import Engine
from bot.stats import collect, default_since, format_stats
from bot.store import Store, StoreError
from bot.unanswered import format_table, format_yaml, group_questions

COMMANDS = ("unanswered", "stats")
DEFAULT_TOP = 20
SINCE_HELP = "only questions asked on or after this day, YYYY-MM-DD (default: the last 30 days)"


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `unanswered` and `stats` to the `newsbot` command's subcommands."""
    unanswered = commands.add_parser(
        "unanswered", help="group the questions the bot could not answer, most asked first"
    )
    unanswered.add_argument("--since", metavar="DATE", help=SINCE_HELP)
    unanswered.add_argument(
        "--top", metavar="N", default=str(DEFAULT_TOP), help=f"groups shown (default {DEFAULT_TOP})"
    )
    unanswered.add_argument(
        "--yaml", action="store_true", help="print knowledge YAML to paste: phrasings and entries"
    )
    stats = commands.add_parser("stats", help="questions, answer rates and feedback over a period")
    stats.add_argument("--since", metavar="DATE", help=SINCE_HELP)


def parse_since(raw: str | None, today: dt.date) -> dt.date:
    """The period's first day; ValueError with a message fit for an `Error:` line."""
    if raw is None:
        return default_since(today)
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(
            f"--since: not a date: {raw!r} (write it as YYYY-MM-DD, e.g. {today.isoformat()})"
        ) from None


def parse_top(raw: str) -> int:
    """How many groups to show; ValueError with a message fit for an `Error:` line."""
    try:
        top = int(raw)
    except ValueError:
        raise ValueError(f"--top: not a whole number: {raw!r}") from None
    if top < 1:
        raise ValueError(f"--top: must be at least 1, got {top}")
    return top


def run(args: argparse.Namespace, settings: Settings, engine: Engine) -> int:
    """Run `unanswered` or `stats`; print an `Error:` line rather than raise for bad input."""
    today = dt.datetime.now(dt.UTC).date()
    try:
        since = parse_since(args.since, today)
        top = parse_top(args.top) if args.command == "unanswered" else 0
    except ValueError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    path = settings.db_path
    if not path.is_file():
        print(f"no questions recorded yet at {path}")
        return 0
    start = dt.datetime.combine(since, dt.time(), dt.UTC)
    try:
        with Store(path, settings.retention_days) as store:
            if args.command == "stats":
                print(format_stats(collect(store, since)))
                return 0
            rows = store.unanswered(start)
    except (StoreError, sqlite3.Error) as error:
        print(f"Error: cannot read the database {path}: {error}", file=sys.stderr)
        return 1
    matcher = engine.snapshot.matcher
    groups = group_questions((row.question for row in rows), matcher, settings.thresholds)
    if args.yaml:
        print(format_yaml(groups[:top], matcher, since, today), end="")
    else:
        print(format_table(groups, since, top))
    return 0
