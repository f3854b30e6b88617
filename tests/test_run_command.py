"""`newsbot run` as a real process against the fake Bot API server on a thread.

Why: the in-process tests (tests/test_telegram.py) cannot see what only the command does:
argument and environment checks, logging set-up with the token redacted, PTB's run_polling
and its signal handling.  Each process runs in an empty temporary directory, so a developer's
`.env` cannot leak into the test (or a real token into a request).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
SECRET = "AAHrunCommandSECRET_abcdefghij0123456789"
TOKEN = f"123456789:{SECRET}"
BOT_USERNAME = "newsbot_run_bot"
ANSWERED = "When was the launch ceremony held?"
ANSWERED_FACT = "Feb 18, 2022"
START_TIMEOUT = 20.0  # the first reply includes interpreter start-up and imports


@pytest.fixture
def tg() -> Iterator[FakeTelegram]:
    with FakeTelegram.in_thread(token=TOKEN, bot_id=123456789, username=BOT_USERNAME) as fake:
        yield fake


def environment(**settings: str) -> dict[str, str]:
    """The current environment without any Telegram/Newsbot setting, plus ``settings``.

    The knowledge cache is off unless a test sets it: a test must not write into the checkout.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "NEWSBOT_"))}
    env["NEWSBOT_CACHE_DIR"] = "off"
    env.update(settings)
    return env


def bot_env(tg: FakeTelegram, **settings: str) -> dict[str, str]:
    """A bot on the fake with the shipped knowledge and DEBUG logging, plus ``settings``."""
    defaults = {
        "TELEGRAM_BOT_TOKEN": tg.token,
        "TELEGRAM_BASE_URL": tg.base_url,
        "NEWSBOT_KNOWLEDGE_DIR": str(KNOWLEDGE),
        "NEWSBOT_LOG_LEVEL": "DEBUG",  # the most log output: every line must still be redacted
    }
    return environment(**{**defaults, **settings})


def start(env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.fixture
def running(tg: FakeTelegram, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """`newsbot run` polling the fake; killed at teardown if a test left it running."""
    process = start(bot_env(tg), tmp_path)
    try:
        tg.wait_for_sync(
            lambda: tg.requests("getUpdates") or process.poll() is not None,
            START_TIMEOUT,
            description="the bot polling",
        )
        assert process.poll() is None, process.communicate()[1]
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def stop(process: subprocess.Popen[str], signum: int) -> tuple[int, str]:
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=20)
    return process.returncode, stderr


def test_run_answers_a_question_about_the_first_article_with_the_fact_and_link(
    tg: FakeTelegram, running: subprocess.Popen[str]
) -> None:
    question = tg.inject_message(ANSWERED, user_id=2001)

    [reply] = tg.wait_for_sync(
        lambda: tg.replies_to(question["message_id"], 2001),
        START_TIMEOUT,
        description="the answer",
    )
    _, stderr = stop(running, signal.SIGTERM)

    assert reply.text is not None
    assert ANSWERED_FACT in reply.text
    assert "http://en.haizhu.gov.cn/2022-02/21/c_713394.htm" in [
        e.get("url") for e in reply.entities
    ]
    assert [c["command"] for c in tg.commands()] == ["start", "ask", "topics", "help"]
    assert SECRET not in stderr


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_run_stops_cleanly_on_a_signal_without_logging_the_token(
    tg: FakeTelegram, running: subprocess.Popen[str], signum: int
) -> None:
    code, stderr = stop(running, signum)

    assert code == 0, stderr
    assert "starting: " in stderr  # it did log (at DEBUG), so the next check means something
    assert "Traceback" not in stderr
    assert SECRET not in stderr
    assert stderr.rstrip().endswith("stopped")


def test_run_with_a_malformed_token_exits_1_with_one_line_that_hides_it(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    secret = "not-a-real-secret-value"

    result = run(bot_env(tg, TELEGRAM_BOT_TOKEN=f"12345:{secret}"), tmp_path)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: TELEGRAM_BOT_TOKEN")
    assert secret not in result.stderr + result.stdout
    assert tg.requests() == []  # refused before contacting Telegram


def test_run_without_a_token_says_how_to_get_one_and_exits_1(tmp_path: Path) -> None:
    result = run(environment(NEWSBOT_KNOWLEDGE_DIR=str(KNOWLEDGE)), tmp_path)

    assert result.returncode == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr
    assert "@BotFather" in result.stderr


def test_run_with_broken_knowledge_prints_the_problems_and_exits_1(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "broken.yaml").write_text(
        "version: 1\n"
        "article:\n"
        "  title: A broken article\n"
        "  url: https://example.org/broken\n"
        "  publisher: example.org\n"
        "  date: 2024-01-02\n"
        "qa:\n"
        "  - id: broken\n"
        "    questions: [What is broken?, broken thing]\n"
        "    answr: The key above is misspelt.\n",
        encoding="utf-8",
    )

    result = run(bot_env(tg, NEWSBOT_KNOWLEDGE_DIR=str(knowledge)), tmp_path)

    assert result.returncode == 1
    assert re.search(r"^knowledge/broken\.yaml:10:\d+: .*answr", result.stderr, re.MULTILINE)
    assert "not starting" in result.stderr
    assert SECRET not in result.stderr
    assert tg.requests() == []


def test_sighup_reloads_edited_knowledge_without_a_restart(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    # a long poll interval, so only the signal can explain the reload
    process = start(
        bot_env(tg, NEWSBOT_KNOWLEDGE_DIR=str(knowledge), NEWSBOT_RELOAD_INTERVAL="3600"),
        tmp_path,
    )
    try:
        tg.wait_for_sync(
            lambda: tg.requests("getUpdates") or process.poll() is not None, START_TIMEOUT
        )
        path = knowledge / "haizhu-launch-ceremony.yaml"
        old = "Haizhu held the launch ceremony on Feb 18, 2022,"
        path.write_text(
            path.read_text(encoding="utf-8").replace(old, "After SIGHUP, the ceremony was on"),
            encoding="utf-8",
        )
        process.send_signal(signal.SIGHUP)

        def edited_reply() -> bool:
            question = tg.inject_message(ANSWERED, user_id=2002)
            [reply] = tg.wait_for_sync(
                lambda: tg.replies_to(question["message_id"], 2002), START_TIMEOUT
            )
            return (reply.text or "").startswith("After SIGHUP")

        deadline = time.monotonic() + 10
        while not edited_reply():
            assert time.monotonic() < deadline, "SIGHUP did not reload the knowledge"
        code, stderr = stop(process, signal.SIGTERM)
        assert code == 0, stderr
        assert "knowledge reloaded (SIGHUP)" in stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_unanswered_questions_survive_sigkill_and_show_up_grouped(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    database = tmp_path / "var" / "newsbot.sqlite3"
    process = start(bot_env(tg, NEWSBOT_DB=str(database)), tmp_path)
    try:
        tg.wait_for_sync(
            lambda: tg.requests("getUpdates") or process.poll() is not None, START_TIMEOUT
        )
        questions = [
            "How much did the park cost?",
            "what did the park cost",
            "Who is the mayor of Guangzhou?",
        ]
        for user, question in enumerate(questions, start=3001):
            sent = tg.inject_message(question, user_id=user)["message_id"]
            tg.wait_for_sync(
                lambda sent=sent, user=user: tg.replies_to(sent, user),  # type: ignore[misc]
                START_TIMEOUT,
            )
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()

    result = subprocess.run(
        [sys.executable, "-m", "bot", "unanswered"],
        env=environment(NEWSBOT_DB=str(database), NEWSBOT_KNOWLEDGE_DIR=str(KNOWLEDGE)),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    cost = [line for line in lines if "cost" in line.casefold()]
    assert cost, result.stdout
    assert re.search(r"\b2\b", cost[0]), result.stdout  # the two cost questions, one group
    assert any("mayor" in line.casefold() for line in lines), result.stdout
