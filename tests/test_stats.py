"""Usage figures: exact numbers from a fixed set of rows, and the `newsbot stats` command."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pytest

from bot.answering import Reply
from bot.cli_maintain import add_parsers, run
from bot.config import Settings
from bot.engine import Engine
from bot.knowledge import Article, Entry
from bot.stats import EntryFeedback, collect, default_since, format_stats, summarise
from bot.store import FeedbackCount, OutcomeCount, Store

GOOD = Path(__file__).resolve().parent / "data" / "good"
SINCE = dt.date(2024, 4, 1)
OUTCOMES = [
    OutcomeCount("answer", "park-area", 5),
    OutcomeCount("answer", "ceremony-date", 3),
    OutcomeCount("answer", "hycan", 3),
    OutcomeCount("clarify", None, 2),
    OutcomeCount("none", None, 3),
]
VOTES = [
    FeedbackCount("park-area", True, 4),
    FeedbackCount("park-area", False, 1),
    FeedbackCount("hycan", False, 2),
    FeedbackCount("ceremony-date", True, 1),
]
REPORT = """\
Questions since 2024-04-01: 16
  answered         11   68.8%
  did you mean      2   12.5%
  not answered      3   18.8%
Feedback: 5 helpful, 3 not helpful (62.5% helpful)
Most asked entries (answers):
  park-area          5
  ceremony-date      3
  hycan              3
Feedback by entry (helpful / not helpful), least helpful first:
  hycan              0 / 2
  park-area          4 / 1
  ceremony-date      1 / 0"""


def test_figures_are_exact_for_a_fixed_set_of_rows() -> None:
    stats = summarise(SINCE, OUTCOMES, VOTES)
    assert (stats.questions, stats.answered, stats.clarified, stats.unanswered) == (16, 11, 2, 3)
    assert (stats.helpful, stats.not_helpful) == (5, 3)
    assert stats.most_asked == (("park-area", 5), ("ceremony-date", 3), ("hycan", 3))
    assert stats.feedback == (
        EntryFeedback("hycan", 0, 2),
        EntryFeedback("park-area", 4, 1),
        EntryFeedback("ceremony-date", 1, 0),
    )
    assert stats.share(stats.answered) == 11 / 16


def test_the_report_shows_rates_feedback_and_most_asked_entries() -> None:
    assert format_stats(summarise(SINCE, OUTCOMES, VOTES)) == REPORT


def test_the_report_lists_only_the_top_entries() -> None:
    lines = format_stats(summarise(SINCE, OUTCOMES, VOTES), top=1).splitlines()
    assert lines[5:] == [
        "Most asked entries (answers):",
        "  park-area      5",
        "Feedback by entry (helpful / not helpful), least helpful first:",
        "  hycan      0 / 2",
    ]


def test_an_empty_period_reads_as_zero_not_as_an_error() -> None:
    assert format_stats(summarise(SINCE, [], [])) == (
        "Questions since 2024-04-01: 0\n"
        "  answered          0    0.0%\n"
        "  did you mean      0    0.0%\n"
        "  not answered      0    0.0%\n"
        "Feedback: none"
    )


def test_the_default_period_is_the_last_30_days_today_included() -> None:
    assert default_since(dt.date(2024, 5, 30)) == dt.date(2024, 5, 1)


ARTICLE = Article("A", "https://example.org/a", "example.org", dt.date(2024, 1, 1), "a.yaml")
PARK = Entry("park-area", ("How big is the park?",), "Big.", ARTICLE, "a.yaml", 1)


def record_fixed_rows(store: Store, since: dt.date = SINCE) -> None:
    """Two questions and a vote the second before the period, the rest on its first moment."""
    start = dt.datetime.combine(since, dt.time(), dt.UTC)
    before = start - dt.timedelta(seconds=1)
    answer = Reply("how big is the park", "answer", PARK, 90.0)
    store.record(answer, "telegram", at=before)
    store.record(Reply("who is the mayor", "none"), "telegram", at=before)
    store.record_feedback("park-area", False, at=before)
    for _ in range(3):
        store.record(answer, "telegram", at=start)
    store.record(Reply("park numbers", "clarify", None, 50.0), "chat", at=start)
    store.record(Reply("who is the mayor", "none"), "chat", at=start)
    store.record_feedback("park-area", True, at=start)
    store.record_feedback("park-area", True, at=start)


def test_figures_from_the_store_count_the_period_only(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite3") as store:
        record_fixed_rows(store)
        stats = collect(store, SINCE)
    assert (stats.questions, stats.answered, stats.clarified, stats.unanswered) == (5, 3, 1, 1)
    assert stats.most_asked == (("park-area", 3),)
    assert stats.feedback == (EntryFeedback("park-area", 2, 0),)


# --- newsbot stats -------------------------------------------------------------------------


def command(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsbot")
    add_parsers(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        knowledge_dir=GOOD, db_path=tmp_path / "var" / "newsbot.sqlite3", cache_dir=None
    )


@pytest.fixture
def engine(settings: Settings) -> Engine:
    return Engine.load(settings)


def test_stats_prints_the_report_for_the_period(
    settings: Settings, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    since = dt.datetime.now(dt.UTC).date() - dt.timedelta(days=10)  # inside the retention
    with Store(settings.db_path) as store:
        record_fixed_rows(store, since)
    assert run(command("stats", "--since", since.isoformat()), settings, engine) == 0
    assert capsys.readouterr().out.splitlines()[:4] == [
        f"Questions since {since.isoformat()}: 5",
        "  answered          3   60.0%",
        "  did you mean      1   20.0%",
        "  not answered      1   20.0%",
    ]


def test_stats_without_a_database_says_so_and_succeeds(
    settings: Settings, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(command("stats"), settings, engine) == 0
    assert capsys.readouterr().out == f"no questions recorded yet at {settings.db_path}\n"
    assert not settings.db_path.exists()  # reading must not create it


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "01/04/2024"])
def test_stats_with_a_bad_date_is_an_error(
    settings: Settings, engine: Engine, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    assert run(command("stats", "--since", bad), settings, engine) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"Error: --since: not a date: '{bad}' (write it as YYYY-MM-DD, e.g. ")


def test_stats_on_a_file_that_is_not_a_database_is_an_error(
    settings: Settings, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.db_path.parent.mkdir(parents=True)
    settings.db_path.write_text("not a database, just text " * 100)
    assert run(command("stats"), settings, engine) == 1
    assert capsys.readouterr().err == (
        f"Error: cannot read the database {settings.db_path}: file is not a database\n"
    )
