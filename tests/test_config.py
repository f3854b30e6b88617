"""Settings come from an explicit mapping (or the environment over .env); bad ones say which."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.config import ConfigError, Settings, Thresholds, check_token, settings_from_env

GOOD_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4"


def test_defaults_when_nothing_is_set() -> None:
    settings = settings_from_env({})
    assert settings == Settings()
    assert settings.knowledge_dir == Path("knowledge")
    assert settings.eval_file == Path("eval/questions.yaml")
    assert settings.thresholds == Thresholds()
    assert settings.thresholds.clarify <= settings.thresholds.answer
    assert settings.max_question_chars == 500
    assert settings.telegram_token is None
    assert settings.has_token is False
    assert settings.telegram_base_url is None
    assert settings.admin_ids == frozenset()
    assert settings.rate_limit == 20
    assert settings.concurrent_updates == 16
    assert settings.send_retries == 5
    assert settings.log_level == "INFO"
    assert settings.db_path == Path("var/newsbot.sqlite3")
    assert settings.retention_days == 180
    assert settings.reload_interval == 1.0
    assert settings.cache_dir == Path("var/cache")


def test_blank_values_mean_the_default() -> None:
    env = {
        "NEWSBOT_KNOWLEDGE_DIR": "  ",
        "NEWSBOT_ANSWER_THRESHOLD": "",
        "NEWSBOT_RATE_LIMIT": " ",
        "NEWSBOT_ADMIN_IDS": "",
        "TELEGRAM_BOT_TOKEN": "   ",
        "NEWSBOT_LOG_LEVEL": "",
    }
    assert settings_from_env(env) == Settings()


@pytest.mark.parametrize(
    ("name", "raw", "read", "expected"),
    [
        ("NEWSBOT_KNOWLEDGE_DIR", " /srv/kb ", lambda s: s.knowledge_dir, Path("/srv/kb")),
        (
            "NEWSBOT_EVAL_FILE",
            "eval/holdout.yaml",
            lambda s: s.eval_file,
            Path("eval/holdout.yaml"),
        ),
        ("NEWSBOT_ANSWER_THRESHOLD", "90", lambda s: s.thresholds.answer, 90.0),
        ("NEWSBOT_CLARIFY_THRESHOLD", "12.5", lambda s: s.thresholds.clarify, 12.5),
        ("NEWSBOT_ANSWER_MARGIN", "0", lambda s: s.thresholds.margin, 0.0),
        ("NEWSBOT_QUOTE_THRESHOLD", "101", lambda s: s.thresholds.quote, 101.0),
        ("NEWSBOT_MAX_QUESTION_CHARS", "1000", lambda s: s.max_question_chars, 1000),
        ("NEWSBOT_ADMIN_IDS", "42", lambda s: s.admin_ids, frozenset({42})),
        ("NEWSBOT_RATE_LIMIT", "0", lambda s: s.rate_limit, 0),
        ("NEWSBOT_CONCURRENT_UPDATES", "4", lambda s: s.concurrent_updates, 4),
        ("NEWSBOT_SEND_RETRIES", "2", lambda s: s.send_retries, 2),
        ("NEWSBOT_LOG_LEVEL", "debug", lambda s: s.log_level, "DEBUG"),
        ("NEWSBOT_DB", "/tmp/x.sqlite3", lambda s: s.db_path, Path("/tmp/x.sqlite3")),
        ("NEWSBOT_RETENTION_DAYS", "30", lambda s: s.retention_days, 30),
        ("NEWSBOT_RELOAD_INTERVAL", "0.5", lambda s: s.reload_interval, 0.5),
        ("NEWSBOT_CACHE_DIR", " /srv/cache ", lambda s: s.cache_dir, Path("/srv/cache")),
        ("TELEGRAM_BOT_TOKEN", f" {GOOD_TOKEN}\n", lambda s: s.telegram_token, GOOD_TOKEN),
        (
            "TELEGRAM_BASE_URL",
            "http://127.0.0.1:8081/bot",
            lambda s: s.telegram_base_url,
            "http://127.0.0.1:8081/bot",
        ),
    ],
)
def test_each_setting_is_read_from_its_variable(
    name: str, raw: str, read: Callable[[Settings], Any], expected: Any
) -> None:
    settings = settings_from_env({name: raw})
    assert read(settings) == expected
    assert read(Settings()) != expected  # the test would notice the variable being ignored


@pytest.mark.parametrize("raw", ["", "  ", "off", "OFF", " Off "])
def test_cache_dir_set_empty_or_off_turns_the_cache_off(raw: str) -> None:
    assert settings_from_env({"NEWSBOT_CACHE_DIR": raw}).cache_dir is None


def test_a_token_makes_has_token_true() -> None:
    assert settings_from_env({"TELEGRAM_BOT_TOKEN": GOOD_TOKEN}).has_token is True


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"NEWSBOT_ANSWER_THRESHOLD": "abc"},
            "NEWSBOT_ANSWER_THRESHOLD: not a number: 'abc'",
        ),
        (
            {"NEWSBOT_CLARIFY_THRESHOLD": "-1"},
            "NEWSBOT_CLARIFY_THRESHOLD: must be at least 0, got '-1'",
        ),
        ({"NEWSBOT_ANSWER_MARGIN": "5%"}, "NEWSBOT_ANSWER_MARGIN: not a number: '5%'"),
        ({"NEWSBOT_QUOTE_THRESHOLD": "high"}, "NEWSBOT_QUOTE_THRESHOLD: not a number: 'high'"),
        (
            {"NEWSBOT_MAX_QUESTION_CHARS": "10"},
            "NEWSBOT_MAX_QUESTION_CHARS: must be at least 20, got '10'",
        ),
        (
            {"NEWSBOT_RATE_LIMIT": "2.5"},
            "NEWSBOT_RATE_LIMIT: not a whole number: '2.5'",
        ),
        (
            {"NEWSBOT_CONCURRENT_UPDATES": "0"},
            "NEWSBOT_CONCURRENT_UPDATES: must be at least 1, got '0'",
        ),
        (
            {"NEWSBOT_SEND_RETRIES": "many"},
            "NEWSBOT_SEND_RETRIES: not a whole number: 'many'",
        ),
        (
            {"NEWSBOT_RETENTION_DAYS": "0"},
            "NEWSBOT_RETENTION_DAYS: must be at least 1, got '0'",
        ),
        (
            {"NEWSBOT_RELOAD_INTERVAL": "0.01"},
            "NEWSBOT_RELOAD_INTERVAL: must be at least 0.1, got '0.01'",
        ),
        (
            {"NEWSBOT_ANSWER_THRESHOLD": "40", "NEWSBOT_CLARIFY_THRESHOLD": "60"},
            "NEWSBOT_CLARIFY_THRESHOLD must not be above NEWSBOT_ANSWER_THRESHOLD (60 > 40)",
        ),
        (
            {"TELEGRAM_BASE_URL": "127.0.0.1:8081/bot"},
            "TELEGRAM_BASE_URL: not an http(s) URL: '127.0.0.1:8081/bot' "
            "(e.g. http://127.0.0.1:8081/bot; the token is appended to it)",
        ),
    ],
)
def test_bad_value_is_a_config_error_naming_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_env(env)
    assert str(caught.value) == message


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


# --- admin ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "ids"),
    [
        ("12345", {12345}),
        ("12345,67890", {12345, 67890}),
        (" 12345 ; 67890 ", {12345, 67890}),  # semicolons and spaces are forgiven
        ("12345,,67890,", {12345, 67890}),  # empty pieces are skipped
        ("-1001234567890", {-1001234567890}),  # a group chat id is negative
        ("7,7", {7}),
    ],
)
def test_admin_ids_are_numeric_ids_separated_by_commas(raw: str, ids: set[int]) -> None:
    assert settings_from_env({"NEWSBOT_ADMIN_IDS": raw}).admin_ids == frozenset(ids)


@pytest.mark.parametrize(
    ("raw", "bad"),
    [
        ("12345,alice", "alice"),
        ("@bob", "@bob"),
        ("-", "-"),
        ("--5", "--5"),
        ("5-", "5-"),
        ("1 2", "1 2"),
        ("12.5", "12.5"),
        ("²", "²"),
    ],
)
def test_admin_id_that_is_not_a_number_is_a_config_error(raw: str, bad: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_env({"NEWSBOT_ADMIN_IDS": raw})
    assert str(caught.value) == (
        f"NEWSBOT_ADMIN_IDS: {bad!r} is not a Telegram user id "
        "(use numeric ids separated by commas, e.g. 12345,67890)"
    )


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("NEWSBOT_ANSWER_THRESHOLD", "nan"),
        ("NEWSBOT_CLARIFY_THRESHOLD", "-nan"),
        ("NEWSBOT_ANSWER_MARGIN", "inf"),
        ("NEWSBOT_RELOAD_INTERVAL", "Infinity"),
    ],
)
def test_number_that_is_not_finite_is_a_config_error(name: str, raw: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_env({name: raw})
    assert str(caught.value) == f"{name}: not a finite number: {raw!r}"


# --- tokens ---------------------------------------------------------------------------------


def test_well_formed_token_is_accepted() -> None:
    check_token(GOOD_TOKEN)  # does not raise
    check_token("12345:" + "a_b-C" * 6)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        "123456789",
        "123456789:",
        "123456789:tooShortSecret",
        "12:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4",  # bot id too short
        "bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4",
        '"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4"',  # quotes copied from a snippet
        " 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4",
        "123456789:AAHdqTcvCH1vGWJxf SeofSAs0K5PALDsaw4",
        "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4!",
        "123456789;AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4",
    ],
)
def test_malformed_token_is_refused_without_echoing_it(token: str) -> None:
    with pytest.raises(ConfigError) as caught:
        check_token(token)
    message = str(caught.value)
    assert message.startswith("TELEGRAM_BOT_TOKEN does not look like a bot token")
    secret = token.partition(":")[2] or token
    for piece in (token.strip(), secret.strip()):
        if len(piece) >= 4:
            assert piece not in message
    assert "AAHdqTcv" not in message


def test_token_with_a_trailing_newline_is_refused() -> None:
    with pytest.raises(ConfigError):
        check_token(GOOD_TOKEN + "\n")


# --- the process environment and .env -------------------------------------------------------


@pytest.fixture
def no_settings_in_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)


@pytest.mark.usefixtures("no_settings_in_environ")
def test_dotenv_file_is_read_and_the_environment_overrides_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "NEWSBOT_RATE_LIMIT=7\nNEWSBOT_KNOWLEDGE_DIR=from-dotenv\n# a comment\n", encoding="utf-8"
    )
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", "from-environ")
    settings = settings_from_env(dotenv=dotenv)
    assert settings.rate_limit == 7
    assert settings.knowledge_dir == Path("from-environ")


@pytest.mark.usefixtures("no_settings_in_environ")
def test_explicit_mapping_ignores_the_environment_and_dotenv(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text("NEWSBOT_RATE_LIMIT=7\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_SEND_RETRIES", "1")
    settings = settings_from_env({})
    assert (settings.rate_limit, settings.send_retries) == (20, 5)


@pytest.mark.usefixtures("no_settings_in_environ")
def test_dotenv_in_the_working_directory_is_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text("NEWSBOT_RATE_LIMIT=3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert settings_from_env().rate_limit == 3
