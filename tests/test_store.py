"""The questions database: what it keeps and refuses to keep, its schema, and its durability."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from bot.answering import Reply
from bot.knowledge import Article, Entry
from bot.matching import Candidate
from bot.quoting import Passage, Quote
from bot.store import MIGRATIONS, Store, StoreError

WORKER = Path(__file__).resolve().parent / "store_worker.py"
NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
ARTICLE = Article(
    "Riverton opens a footbridge", "https://example.org/b", "example.org", dt.date(2023, 5, 4), "b"
)


def entry(entry_id: str) -> Entry:
    return Entry(entry_id, (f"{entry_id}?",), "The fact.", ARTICLE, "bridge.yaml", 1)


LENGTH, COST, OPENING = entry("bridge-length"), entry("bridge-cost"), entry("bridge-opening")


def answered(question: str = "how long is the bridge") -> Reply:
    best = Candidate(LENGTH, 91.0, "How long is the bridge?")
    return Reply(question, "answer", LENGTH, 91.0, (), (best,))


def clarified(question: str = "bridge numbers") -> Reply:
    choices = (Candidate(LENGTH, 60.0, "bridge length"), Candidate(COST, 55.5, "bridge cost"))
    return Reply(question, "clarify", None, 60.0, choices, choices)


def unknown(question: str = "who is the mayor") -> Reply:
    return Reply(question, "none", None, 20.5, (), (Candidate(OPENING, 20.5, "x"),))


def quoted(question: str = "what crosses the river") -> Reply:
    passage = Passage(ARTICLE, "The footbridge crosses the river at Mill Lane.", "", 0)
    nearest = (Candidate(OPENING, 30.0, "x"),)
    return Reply(question, "answer", None, 88.0, (), nearest, quote=Quote(passage, 88.0, 1.0))


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read the file as another program would, bypassing Store."""
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchall()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "var" / "newsbot.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    with Store(path) as opened:
        yield opened


# --- schema --------------------------------------------------------------------------------


def test_opening_creates_the_folder_and_a_versioned_schema(path: Path) -> None:
    with Store(path) as store:
        assert store.schema_version == len(MIGRATIONS) == 2
    assert rows(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    tables = rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    assert tables == [("feedback",), ("questions",)]


def test_the_file_is_in_wal_mode_and_writers_wait_and_sync(store: Store, path: Path) -> None:
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]  # persistent: any reader sees it
    connection = store._db  # per-connection settings
    assert connection.execute("PRAGMA busy_timeout").fetchone() == (10_000,)
    assert connection.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL


def test_the_schema_has_no_place_for_user_data(store: Store, path: Path) -> None:
    columns = {
        table: {row[1] for row in rows(path, f"PRAGMA table_info({table})")}
        for table in ("questions", "feedback")
    }
    assert columns == {
        "questions": {
            "id", "asked_at", "source", "status", "entry_id", "score", "question", "closest_id",
            "choices",
        },
        "feedback": {"id", "given_at", "entry_id", "helpful"},
    }  # fmt: skip


def test_migrations_newer_than_the_file_are_applied_once_in_order(path: Path) -> None:
    applied: list[int] = []

    def first(db: sqlite3.Connection) -> None:
        applied.append(1)
        db.execute("CREATE TABLE t (a TEXT)")

    def second(db: sqlite3.Connection) -> None:
        applied.append(2)
        db.execute("ALTER TABLE t ADD COLUMN b TEXT")

    Store(path, migrations=[first]).close()
    assert applied == [1]
    with Store(path, migrations=[first, second]) as store:
        assert store.schema_version == 2
    assert applied == [1, 2]
    Store(path, migrations=[first, second]).close()
    assert applied == [1, 2]
    assert [row[1] for row in rows(path, "PRAGMA table_info(t)")] == ["a", "b"]


def test_a_failing_migration_leaves_the_file_at_the_previous_version(path: Path) -> None:
    def first(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE t (a TEXT)")

    def broken(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE half_done (a TEXT)")
        raise RuntimeError("bug in migration 2")

    Store(path, migrations=[first]).close()
    with pytest.raises(RuntimeError, match="bug in migration 2"):
        Store(path, migrations=[first, broken])
    assert rows(path, "PRAGMA user_version") == [(1,)]
    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'half_done'") == []


def test_a_file_from_a_newer_newsbot_is_refused(path: Path) -> None:
    Store(path, migrations=[*MIGRATIONS, lambda db: None]).close()
    with pytest.raises(StoreError, match="schema version 3, newer than this newsbot knows"):
        Store(path)


# --- what is kept ------------------------------------------------------------------------


def test_question_text_is_kept_only_when_the_bot_did_not_answer(store: Store, path: Path) -> None:
    store.record(answered("how long is the bridge"), "telegram", at=NOW)
    store.record(clarified("bridge numbers"), "chat", at=NOW)
    store.record(unknown("who is the mayor"), "telegram", at=NOW)
    store.record(Reply("zebra lasagna", "none"), "telegram", at=NOW)
    store.record(quoted("what crosses the river"), "chat", at=NOW)
    assert rows(path, "SELECT * FROM questions ORDER BY id") == [
        (1, "2024-05-01T12:00:00Z", "telegram", "answer", "bridge-length", 91.0, None, None, None),
        (2, "2024-05-01T12:00:00Z", "chat", "clarify", None, 60.0, "bridge numbers",
         "bridge-length", "bridge-length bridge-cost"),
        (3, "2024-05-01T12:00:00Z", "telegram", "none", None, 20.5, "who is the mayor",
         "bridge-opening", None),
        (4, "2024-05-01T12:00:00Z", "telegram", "none", None, 0.0, "zebra lasagna", None, None),
        (5, "2024-05-01T12:00:00Z", "chat", "quote", None, 88.0, "what crosses the river",
         "bridge-opening", None),
    ]  # fmt: skip


def test_a_file_from_before_quotes_keeps_its_rows_and_accepts_quotes(path: Path) -> None:
    with Store(path, migrations=MIGRATIONS[:1]) as old:
        old.record(answered("how long is the bridge"), "telegram", at=NOW)
        old.record(unknown("who is the mayor"), "telegram", at=NOW)
    with Store(path) as store:
        assert store.schema_version == 2
        store.record(quoted("what crosses the river"), "chat", at=NOW)
        counts = store.outcome_counts(NOW - dt.timedelta(days=1))
        asked = [q.question for q in store.unanswered(NOW - dt.timedelta(days=1))]
    assert [(c.status, c.entry_id, c.count) for c in counts] == [
        ("answer", "bridge-length", 1),
        ("none", None, 1),
        ("quote", None, 1),
    ]
    assert asked == ["who is the mayor", "what crosses the river"]
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
    assert rows(path, indexes) == [("feedback_given_at",), ("questions_asked_at",)]


@pytest.mark.parametrize("source", ["", "12345", "telegram:987654321", "Telegram", "chat 42"])
def test_the_source_must_be_an_adapter_name_not_a_chat(store: Store, source: str) -> None:
    with pytest.raises(ValueError, match="adapter name"):
        store.record(unknown(), source)


def test_times_are_stored_in_utc_and_must_say_their_zone(store: Store, path: Path) -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    store.record(unknown(), "chat", at=dt.datetime(2024, 5, 2, 1, 30, tzinfo=beijing))
    store.record_feedback("bridge-length", True, at=dt.datetime(2024, 5, 2, 1, 30, tzinfo=beijing))
    assert rows(path, "SELECT asked_at FROM questions") == [("2024-05-01T17:30:00Z",)]
    assert rows(path, "SELECT given_at, helpful FROM feedback") == [("2024-05-01T17:30:00Z", 1)]
    with pytest.raises(ValueError, match="timezone-aware"):
        store.record(unknown(), "chat", at=dt.datetime(2024, 5, 2))


def test_queries_return_the_period_only(store: Store) -> None:
    store.record(unknown("old question"), "telegram", at=NOW - dt.timedelta(days=2))
    store.record(unknown("who is the mayor"), "telegram", at=NOW)
    store.record(clarified("bridge numbers"), "telegram", at=NOW)
    store.record(answered(), "telegram", at=NOW)
    store.record_feedback("bridge-length", False, at=NOW - dt.timedelta(days=2))
    store.record_feedback("bridge-length", True, at=NOW)
    since = NOW - dt.timedelta(days=1)
    assert [(q.question, q.status, q.closest_id, q.score) for q in store.unanswered(since)] == [
        ("who is the mayor", "none", "bridge-opening", 20.5),
        ("bridge numbers", "clarify", "bridge-length", 60.0),
    ]
    assert store.unanswered(since)[0].asked_at == NOW
    assert [(c.status, c.entry_id, c.count) for c in store.outcome_counts(since)] == [
        ("answer", "bridge-length", 1),
        ("clarify", None, 1),
        ("none", None, 1),
    ]
    assert [(f.entry_id, f.helpful, f.count) for f in store.feedback_counts(since)] == [
        ("bridge-length", True, 1)
    ]


# --- retention -----------------------------------------------------------------------------


def test_prune_deletes_rows_older_than_the_retention(store: Store, path: Path) -> None:
    for days in (31, 29):
        store.record(unknown(f"{days} days ago"), "telegram", at=NOW - dt.timedelta(days=days))
        store.record_feedback("bridge-length", True, at=NOW - dt.timedelta(days=days))
    assert store.prune(30, now=NOW) == 2
    assert rows(path, "SELECT question FROM questions") == [("29 days ago",)]
    assert rows(path, "SELECT COUNT(*) FROM feedback") == [(1,)]


def test_opening_prunes_with_the_retention_given(path: Path) -> None:
    now = dt.datetime.now(dt.UTC)
    with Store(path) as store:
        store.record(unknown("stale"), "telegram", at=now - dt.timedelta(days=181))
        store.record(unknown("recent"), "telegram", at=now - dt.timedelta(days=179))
    Store(path, retention_days=180).close()
    assert rows(path, "SELECT question FROM questions") == [("recent",)]


# --- sharing and durability --------------------------------------------------------------


def test_two_stores_on_one_file_writing_at_once_lose_nothing(path: Path) -> None:
    per_writer = 200
    start = threading.Barrier(2)

    def write(name: str) -> None:
        with Store(path) as store:
            start.wait(timeout=10)
            for number in range(per_writer):
                store.record(unknown(f"{name} {number}"), "telegram")
                store.record_feedback("bridge-length", number % 2 == 0)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert rows(path, "SELECT COUNT(DISTINCT question) FROM questions") == [(2 * per_writer,)]
    assert rows(path, "SELECT COUNT(*) FROM feedback") == [(2 * per_writer,)]


async def test_one_store_serves_the_handlers_worker_threads(store: Store, path: Path) -> None:
    await asyncio.gather(
        *(asyncio.to_thread(store.record, unknown(f"q{n}"), "telegram") for n in range(100))
    )
    assert rows(path, "SELECT COUNT(DISTINCT question) FROM questions") == [(100,)]


def start_worker(path: Path, count: int, name: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), str(count), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    return process


def wait_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"


def go(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()


def test_two_bot_processes_writing_one_new_file_lose_nothing(path: Path) -> None:
    per_process = 300
    workers = [start_worker(path, per_process, name) for name in ("first", "second")]
    # communicate() closes the pipes
    for worker in workers:  # both opened (and raced to create the schema) before writing
        wait_ready(worker)
    for worker in workers:
        go(worker)
    for worker in workers:
        output, _ = worker.communicate(timeout=30)
        assert worker.returncode == 0
        assert output.splitlines()[-1] == f"committed {per_process - 1}"
    assert rows(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    assert rows(path, "SELECT COUNT(DISTINCT question) FROM questions") == [(2 * per_process,)]


def test_a_killed_bot_process_loses_nothing_it_had_committed(path: Path) -> None:
    with start_worker(path, 0, "asked") as worker:  # writes until killed
        assert worker.stdout is not None
        wait_ready(worker)
        go(worker)
        committed = [worker.stdout.readline() for _ in range(150)]
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    assert worker.returncode == -signal.SIGKILL
    assert committed == [f"committed {n}\n" for n in range(150)]
    with Store(path) as store:  # recovers from the WAL the dead process left behind
        kept = {q.question for q in store.unanswered(NOW - dt.timedelta(days=3650))}
    assert {f"asked {n}" for n in range(150)} <= kept
    assert rows(path, "PRAGMA integrity_check") == [("ok",)]
