"""A cold start in worker processes gives the knowledge and problems a start in one process does."""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot import coldstart, forked, knowledge, snapshots, termtables
from bot.knowledge import LoadResult, load_knowledge
from bot.matching import Matcher
from bot.restart import forget_all

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
QUESTIONS = [
    "When was the launch ceremony held?",
    "How long is the footbridge?",
    "who opened the bridge",
    "What is the budget of the new stadium?",
]


needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked"
)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """The shipped knowledge with every broken and warned-of case beside it, one folder each."""
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    shutil.copytree(DATA / "good", folder / "good")
    for kind in ("bad", "warn"):
        for case in sorted((DATA / kind).iterdir()):
            if case.name != "alias-bomb":  # seconds by design; tests/test_validation.py has it
                shutil.copytree(case, folder / kind / case.name)
    forget_all()
    return folder


@pytest.fixture
def serial(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Never start workers."""
    monkeypatch.setattr(coldstart, "MIN_BYTES", float("inf"))
    yield
    forget_all()


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Workers for any amount of knowledge, two of them even on one core."""
    monkeypatch.setattr(coldstart, "MIN_BYTES", 0)
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    yield
    assert multiprocessing.active_children() == []  # every worker joined
    forget_all()


def load(folder: Path, cache: Path | None = None) -> LoadResult:
    forget_all()
    return load_knowledge(folder, cache)


def decisions(result: LoadResult) -> list[tuple[str, float, str]]:
    matcher = Matcher(result.knowledge)
    return [
        (candidate.entry.id, candidate.score, candidate.phrasing)
        for question in QUESTIONS
        for candidate in matcher.match(question)
    ]


def worked_in_processes(caplog: pytest.LogCaptureFixture) -> bool:
    return any(
        "knowledge files worked out in 2 processes" in r.getMessage() for r in caplog.records
    )


@needs_fork
def test_workers_give_the_knowledge_and_problems_of_one_process(
    mixed: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.chdir(mixed.parent)  # problems name "knowledge/..."
    with monkeypatch.context() as patched:
        patched.setattr(coldstart, "MIN_BYTES", float("inf"))
        alone = load(Path("knowledge"))
        alone_decisions = decisions(alone)
    monkeypatch.setattr(coldstart, "MIN_BYTES", 0)
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    with caplog.at_level(logging.DEBUG, logger="bot.coldstart"):
        helped = load(Path("knowledge"))
    assert worked_in_processes(caplog)
    assert [p.format() for p in helped.problems] == [p.format() for p in alone.problems]
    assert helped.problems == alone.problems
    assert len(alone.errors) > 20  # a syntax error, not UTF-8, duplicates across files...
    assert helped.knowledge == alone.knowledge
    assert decisions(helped) == alone_decisions
    assert multiprocessing.active_children() == []
    forget_all()


@needs_fork
def test_the_matcher_after_a_start_in_workers_finds_its_terms_worked_out(
    tmp_path: Path, serial: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", folder)
    shutil.copytree(DATA / "good", folder / "good")
    alone = decisions(load(folder))
    monkeypatch.setattr(coldstart, "MIN_BYTES", 0)
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    helped = load(folder)
    monkeypatch.setattr(termtables, "_file_terms", lambda *args: pytest.fail("worked out again"))
    assert decisions(helped) == alone


@needs_fork
def test_a_worker_that_dies_leaves_the_work_to_this_process(
    mixed: Path, serial: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    alone = load(mixed)
    monkeypatch.setattr(coldstart, "MIN_BYTES", 0)
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.setattr(coldstart, "_work", lambda *args: os._exit(1))  # called in workers only
    with caplog.at_level(logging.WARNING, logger="bot.coldstart"):
        helped = load(mixed)
    failures = [r.getMessage() for r in caplog.records if r.name == "bot.coldstart"]
    assert len(failures) == 1
    assert "failed (BrokenProcessPool" in failures[0]
    assert failures[0].endswith("parsing it in this one")
    assert helped.problems == alone.problems
    assert helped.knowledge == alone.knowledge
    assert multiprocessing.active_children() == []


@needs_fork
def test_files_parsed_by_workers_are_cached_for_the_next_start(
    mixed: Path, parallel: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cold = load(mixed, cache)
    snapshots.flush()
    parses = list(cache.glob("*.json"))
    assert len(parses) == len(knowledge.knowledge_files(mixed)) - 1  # all but the one not UTF-8
    for path in cache.glob("*.npz"):  # start from the parse cache, not the snapshot
        path.unlink()
    monkeypatch.setattr(forked, "run", lambda *args: pytest.fail("nothing left to parse"))
    warm = load(mixed, cache)
    assert warm.problems == cold.problems
    assert warm.knowledge == cold.knowledge


@needs_fork
def test_a_serving_start_leaves_near_duplicate_warnings_and_the_disk_cache_for_later(
    mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(coldstart, "MIN_BYTES", float("inf"))
        alone = load(mixed)
    near = [p for p in alone.problems if p.message.startswith("nearly the same question")]
    assert near
    monkeypatch.setattr(coldstart, "MIN_BYTES", 0)
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.setattr(snapshots, "WRITE_DELAY", 3600.0)  # nothing in the background yet
    cache = tmp_path / "cache"
    forget_all()
    serving = load_knowledge(mixed, cache, serving=True)
    assert serving.knowledge == alone.knowledge
    assert serving.errors == alone.errors
    assert serving.problems == [p for p in alone.problems if p not in near]
    files = knowledge.knowledge_files(mixed)
    synonyms = [path for path in files if path.name == knowledge.SYNONYMS_FILE]
    assert len(list(cache.glob("*.json"))) == len(synonyms)  # parsed here, before the workers
    snapshots.flush()  # what the bot does once it serves
    assert len(list(cache.glob("*.json"))) == len(files) - 1  # all but the one not UTF-8
    assert load_knowledge(mixed, cache, serving=True).problems == alone.problems
    forget_all()  # a restart: from the snapshot the background wrote
    monkeypatch.setattr(forked, "run", lambda *args: pytest.fail("nothing left to parse"))
    restarted = load_knowledge(mixed, cache, serving=True)
    assert restarted.problems == alone.problems
    assert restarted.knowledge == alone.knowledge
    forget_all()


@needs_fork
def test_the_rest_of_a_serving_start_does_not_undo_a_reload_that_came_first(
    mixed: Path, parallel: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshots, "WRITE_DELAY", 3600.0)
    cache = tmp_path / "cache"
    load_knowledge(mixed, cache, serving=True)
    edited = mixed / "haizhu-launch-ceremony.yaml"
    edited.write_text(edited.read_text().replace("answer: ", "answer: (edited) ", 1))
    reloaded = load_knowledge(mixed, cache)  # a maintainer's edit, before the rest ran
    snapshots.flush()
    with monkeypatch.context() as patched:  # the reload is the last load, kept to reuse
        patched.setattr(knowledge, "_load", lambda *args, **kwargs: pytest.fail("loaded"))
        patched.setattr(snapshots, "read", lambda *args: pytest.fail("read from disk"))
        again = load_knowledge(mixed, cache, serving=True)
    assert again.knowledge == reloaded.knowledge
    forget_all()
    monkeypatch.setattr(knowledge, "_load", lambda *args, **kwargs: pytest.fail("not cached"))
    restarted = load_knowledge(mixed, cache, serving=True)  # from the reload's snapshot
    assert restarted.knowledge == reloaded.knowledge
    assert restarted.problems == reloaded.problems


@needs_fork
def test_a_cache_workers_cannot_write_is_warned_of_once(
    mixed: Path, parallel: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        result = load(mixed, blocked / "cache")
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "cannot write the knowledge cache" in warnings[0]
    assert result.errors


def test_little_knowledge_is_parsed_without_workers(
    mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.setattr(forked, "run", lambda *args: pytest.fail("workers started"))
    assert sum(p.stat().st_size for p in knowledge.knowledge_files(mixed)) < coldstart.MIN_BYTES
    assert load(mixed).errors
    forget_all()


def test_without_fork_the_files_are_parsed_here(
    mixed: Path, parallel: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(forked, "run", lambda *args: pytest.fail("workers started"))
    assert load(mixed).errors


def test_a_start_from_a_snapshot_readies_reloads_in_this_process_only(
    mixed: Path, parallel: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cold = load(mixed, cache)
    snapshots.flush()
    for path in cache.glob("*.json"):  # the background load finds no parse cache to read
        path.unlink()
    monkeypatch.setattr(forked, "run", lambda *args: pytest.fail("workers started"))
    monkeypatch.setattr(knowledge, "PRIME_DELAY", 0.0)
    warm = load(mixed, cache)
    knowledge.settle()
    assert warm.problems == cold.problems
    assert warm.knowledge == cold.knowledge


@needs_fork
def test_forked_tasks_see_this_process_memory_and_come_back_by_number() -> None:
    numbers = list(range(100))  # not sent: the workers are forked with it
    results: dict[int, int] = {}
    forked.run(lambda share: sum(numbers[share::4]), 4, 2, results.__setitem__)
    assert results == {share: sum(numbers[share::4]) for share in range(4)}
    assert multiprocessing.active_children() == []


@needs_fork
def test_what_a_forked_task_raises_is_raised_here() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        forked.run(lambda _: int("not a number"), 3, 2, lambda *_: None)
    assert multiprocessing.active_children() == []


def tables(result: LoadResult) -> dict[str, object]:
    """What a matcher is built from, in forms that compare by value."""
    matcher = Matcher(result.knowledge)
    index = matcher._index
    return {
        "terms": matcher._term_names,
        "postings": [a.tolist() for a in (*index.question_postings, *index.answer_postings)],
        "surface": matcher._surface,
        "timed": bytes(matcher._timed),
        "credit": matcher._answer_credit.tolist(),
        "phrasings": list(matcher._phrasings),
    }


@needs_fork
def test_terms_worked_out_by_workers_are_those_of_one_process(
    mixed: Path, serial: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = load(mixed)
    alone = tables(result)
    termtables.forget()
    runs: list[int] = []
    real_run = forked.run

    def counted(*args: Any) -> None:
        runs.append(args[1])
        real_run(*args)

    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.setattr(forked, "run", counted)
    monkeypatch.setattr(termtables, "PARALLEL_ENTRIES", 0)
    assert tables(result) == alone
    assert runs  # shares of files were worked out in workers
    assert multiprocessing.active_children() == []


@needs_fork
def test_terms_a_dead_worker_left_are_worked_out_here(
    mixed: Path, serial: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    result = load(mixed)
    alone = tables(result)
    termtables.forget()
    parent = os.getpid()
    real = termtables._file_terms

    def dies_in_a_worker(*args: Any) -> termtables.FileTerms:
        if os.getpid() != parent:
            os._exit(1)
        return real(*args)

    monkeypatch.setattr(forked, "_cores", lambda: 2)
    monkeypatch.setattr(termtables, "PARALLEL_ENTRIES", 0)
    monkeypatch.setattr(termtables, "_file_terms", dies_in_a_worker)
    with caplog.at_level(logging.WARNING, logger="bot.termtables"):
        assert tables(result) == alone
    assert "terms in 2 processes failed (BrokenProcessPool" in caplog.text
    assert multiprocessing.active_children() == []
