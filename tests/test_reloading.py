"""Live knowledge: edits go live whole, broken edits are refused, and nothing is lost."""

from __future__ import annotations

import io
import shutil
import threading
from pathlib import Path
from typing import TextIO, cast

import pytest

from bot.chat import TerminalChat
from bot.config import Settings
from bot.engine import Engine
from bot.reloading import Reloader

QUESTION = "When was the launch ceremony held?"
OLD = "Haizhu held the launch ceremony on Feb 18, 2022,"
NEW = "Edited, the ceremony was on Feb 18, 2022,"


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree("knowledge", folder)
    return folder


@pytest.fixture
def engine(knowledge: Path) -> Engine:
    return Engine.load(Settings(knowledge_dir=knowledge, cache_dir=None))


def edit(knowledge: Path, old: str, new: str) -> None:
    path = knowledge / "haizhu-launch-ceremony.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def answer_text(engine: Engine) -> str:
    reply = engine.ask(QUESTION)
    assert reply.entry is not None
    return reply.entry.answer


def test_a_change_is_applied_once_the_folder_holds_still(knowledge: Path, engine: Engine) -> None:
    reloader = Reloader(engine)
    assert reloader.poll() is None
    edit(knowledge, OLD, NEW)
    assert reloader.poll() is None  # seen changing: wait one interval for the save to finish
    outcome = reloader.poll()
    assert outcome is not None
    assert outcome.status == "reloaded"
    assert "changed: ceremony-date" in outcome.summary
    assert answer_text(engine).startswith("Edited")


def test_broken_knowledge_is_refused_and_the_last_good_one_is_served(
    knowledge: Path, engine: Engine
) -> None:
    reloader = Reloader(engine)
    edit(knowledge, "qa:\n", "qa:\n  - id: broken\n    answr: typo\n")
    outcome = reloader.reload("test")
    assert outcome.status == "refused"
    assert any("unknown key 'answr'" in p.format() for p in outcome.problems)
    assert answer_text(engine).startswith("Haizhu held")


def test_the_same_refusal_is_alerted_once_and_a_new_one_again(
    knowledge: Path, engine: Engine
) -> None:
    reloader = Reloader(engine)
    edit(knowledge, "qa:\n", "qa:\n  - id: broken\n    answr: typo\n")
    reloader.reload("first")
    assert reloader.alert_due
    reloader.reload("second")
    assert not reloader.alert_due
    edit(knowledge, "answr: typo", "answr: typo\n    questoins: [x]")
    reloader.reload("third")
    assert reloader.alert_due


def test_a_deleted_file_is_noticed(knowledge: Path, engine: Engine) -> None:
    extra = knowledge / "extra.yaml"
    shutil.copy(knowledge / "haizhu-launch-ceremony.yaml", extra)
    reloader = Reloader(engine)
    extra.unlink()
    assert reloader.check_now() is not None


def test_questions_during_reloads_always_see_a_whole_knowledge_base(
    knowledge: Path, engine: Engine
) -> None:
    seen: set[str] = set()
    stop = threading.Event()

    def ask_repeatedly() -> None:
        while not stop.is_set():
            seen.add(answer_text(engine)[:6])

    asker = threading.Thread(target=ask_repeatedly)
    asker.start()
    try:
        for _ in range(10):
            edit(knowledge, OLD, NEW)
            engine.reload()
            edit(knowledge, NEW, OLD)
            engine.reload()
    finally:
        stop.set()
        asker.join()
    assert seen <= {"Haizhu", "Edited"}


def test_the_terminal_chat_picks_up_edits_between_questions(
    knowledge: Path, engine: Engine
) -> None:
    class Typing:
        """A person who edits the knowledge after their first question."""

        def __init__(self, lines: list[str]) -> None:
            self.lines = lines

        def readline(self) -> str:
            if not self.lines:
                return ""
            line = self.lines.pop(0)
            if line.startswith("and "):
                edit(knowledge, OLD, NEW)
            return line.removeprefix("and ")

    stdout = io.StringIO()
    person = cast(TextIO, Typing([f"{QUESTION}\n", f"and {QUESTION}\n"]))
    TerminalChat(engine, person, stdout, interactive=False).run()
    out = stdout.getvalue()
    assert out.startswith("Haizhu held")
    assert "\nEdited, the ceremony" in out
