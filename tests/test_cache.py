"""The knowledge cache (NEWSBOT_CACHE_DIR) makes restarts quick and never changes an answer."""

from __future__ import annotations

import ast
import importlib.util
import logging
import shutil
from pathlib import Path

import pytest

from bot import knowledge, parsecache, snapshots
from bot.config import Settings
from bot.engine import Engine
from bot.evaluation import load_cases
from bot.knowledge import load_knowledge
from bot.matching import TABLE_MODULES
from bot.restart import forget_all
from bot.text import NORMALISING_MODULES

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [case.question for case in load_cases(ROOT / "eval" / "questions.yaml")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped knowledge that a test may edit."""
    copy = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", copy)
    forget_all()
    return copy


def decisions(engine: Engine) -> list[tuple[str, str | None, float, tuple[str, ...]]]:
    replies = [engine.ask(question) for question in QUESTIONS]
    return [
        (r.status, r.entry.id if r.entry else None, r.score, tuple(c.entry.id for c in r.choices))
        for r in replies
    ]


def problems(folder: Path, cache: Path | None) -> list[str]:
    return [p.format() for p in load_knowledge(folder, cache).problems]


def test_a_warm_start_from_the_cache_decides_and_reports_as_a_cold_start(
    folder: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cold = Engine.load(Settings(knowledge_dir=folder, cache_dir=None))
    expected, expected_problems = decisions(cold), problems(folder, None)
    forget_all()
    Engine.load(Settings(knowledge_dir=folder, cache_dir=cache))  # fills the cache
    snapshots.flush()
    assert [p.name.split("-")[0] for p in sorted(cache.glob("*.npz"))] == ["knowledge", "terms"]
    forget_all()
    warm = Engine.load(Settings(knowledge_dir=folder, cache_dir=cache))
    assert decisions(warm) == expected
    forget_all()
    assert problems(folder, cache) == expected_problems
    assert warm.knowledge == cold.knowledge


@pytest.mark.parametrize("kind", ["knowledge", "terms"])
@pytest.mark.parametrize("damage", ["empty", "not a zip", "truncated"])
def test_a_damaged_cache_file_is_ignored_and_written_again(
    folder: Path, tmp_path: Path, kind: str, damage: str
) -> None:
    cache = tmp_path / "cache"
    settings = Settings(knowledge_dir=folder, cache_dir=cache)
    expected = decisions(Engine.load(settings))
    snapshots.flush()
    (stored,) = cache.glob(f"{kind}-*.npz")
    whole = stored.read_bytes()
    broken = {"empty": b"", "not a zip": b"PK\x03\x04 nonsense", "truncated": whole[:-99]}
    stored.write_bytes(broken[damage])
    forget_all()
    assert decisions(Engine.load(settings)) == expected
    snapshots.flush()
    assert stored.read_bytes() == whole  # written again, the same as before


@pytest.mark.parametrize("primed", [False, True], ids=["at-once", "after-the-background-load"])
def test_an_edit_after_a_warm_start_is_picked_up(
    folder: Path, tmp_path: Path, primed: bool
) -> None:
    cache = tmp_path / "cache"
    settings = Settings(knowledge_dir=folder, cache_dir=cache)
    Engine.load(settings)
    forget_all()
    engine = Engine.load(settings)  # warm: from the cache
    if primed:
        knowledge.settle()
    question = "When was the launch ceremony held?"
    before = engine.ask(question)
    assert before.status == "answer"
    assert before.entry is not None
    path = folder / "haizhu-launch-ceremony.yaml"
    text = path.read_text(encoding="utf-8")
    assert before.entry.answer in text
    path.write_text(text.replace(before.entry.answer, "It was held on a rainy Monday."), "utf-8")
    assert engine.reload().status == "reloaded"
    after = engine.ask(question)
    assert after.entry is not None
    assert after.entry.answer == "It was held on a rainy Monday."
    forget_all()
    cold = Engine.load(Settings(knowledge_dir=folder, cache_dir=None))
    assert decisions(engine) == decisions(cold)


def test_an_unwritable_cache_folder_only_warns_once(
    folder: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    settings = Settings(knowledge_dir=folder, cache_dir=blocked / "cache")
    with caplog.at_level(logging.WARNING):
        first = Engine.load(settings)
        forget_all()
        second = Engine.load(settings)
        snapshots.flush()
    assert decisions(first) == decisions(second)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "cannot write the knowledge cache" in warnings[0]


def test_snapshots_wait_for_loads_and_builds_unless_someone_waits_for_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(snapshots, "WRITE_DELAY", 0.0)
    written: list[str] = []
    with snapshots.busy():
        snapshots.later(lambda: written.append("during a build"))
        snapshots.flush()  # a benchmark or a test waiting: written at once, busy or not
        assert written == ["during a build"]
        snapshots.later(lambda: written.append("after the build"))
    snapshots.flush()
    assert written == ["during a build", "after the build"]


def _imported_bot_modules(module: str) -> set[str]:
    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text())
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bot.")
    }


def test_every_module_normalising_runs_keys_the_caches_of_normalised_text() -> None:
    """An edit to framing or the lexicon changes what text normalises to: parsed files and
    term tables made by the old code must not be reused (a stale cache answered wrongly)."""
    reached: set[str] = set()
    waiting = ["bot.text"]
    while waiting:
        module = waiting.pop()
        if module not in reached:
            reached.add(module)
            waiting += _imported_bot_modules(module)
    assert reached <= set(NORMALISING_MODULES)
    assert set(NORMALISING_MODULES) <= set(parsecache.SOURCE_MODULES)
    assert set(NORMALISING_MODULES) <= set(TABLE_MODULES)
