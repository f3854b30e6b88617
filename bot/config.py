"""Settings from the environment (and `.env`): the only module that reads os.environ."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

# Telegram tokens look like "123456789:AAH...": a numeric bot id, a colon and 30+ URL-safe chars.
TOKEN_PATTERN = re.compile(r"^\d{3,20}:[A-Za-z0-9_-]{30,}$")


class ConfigError(ValueError):
    """A setting has a value we cannot use; the message says which and how to fix it."""


@dataclass(frozen=True)
class Thresholds:
    """When a match is confident enough to answer, and when it is worth a "did you mean"."""

    answer: float = 76.0
    clarify: float = 45.0
    margin: float = 4.0
    quote: float = 80.0  # an article sentence this complete is quoted when no entry fits


@dataclass(frozen=True)
class Settings:
    """Everything the bot can be told from outside; defaults suit a checkout of the repository."""

    knowledge_dir: Path = Path("knowledge")
    eval_file: Path = Path("eval/questions.yaml")
    thresholds: Thresholds = field(default_factory=Thresholds)
    max_question_chars: int = 500
    telegram_token: str | None = None
    telegram_base_url: str | None = None
    admin_ids: frozenset[int] = frozenset()
    rate_limit: int = 20
    concurrent_updates: int = 16
    send_retries: int = 5
    max_sends_per_second: int = 30
    log_level: str = "INFO"
    db_path: Path = Path("var/newsbot.sqlite3")
    retention_days: int = 180
    reload_interval: float = 1.0
    cache_dir: Path | None = Path("var/cache")  # None: parse everything at every start

    @property
    def has_token(self) -> bool:
        return bool(self.telegram_token)


def _number(env: Mapping[str, str], name: str, default: float, minimum: float = 0.0) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}: not a number: {raw!r}") from None
    if not math.isfinite(value):
        raise ConfigError(f"{name}: not a finite number: {raw!r}")
    if value < minimum:
        raise ConfigError(f"{name}: must be at least {minimum:g}, got {raw!r}")
    return value


def _integer(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}: not a whole number: {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name}: must be at least {minimum}, got {raw!r}")
    return value


def _admin_ids(raw: str) -> frozenset[int]:
    ids: set[int] = set()
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not re.fullmatch(r"-?\d+", part):
            raise ConfigError(
                f"NEWSBOT_ADMIN_IDS: {part!r} is not a Telegram user id "
                "(use numeric ids separated by commas, e.g. 12345,67890)"
            )
        ids.add(int(part))
    return frozenset(ids)


def _cache_dir(env: Mapping[str, str]) -> Path | None:
    """Unset means the default folder; set but empty, or "off", turns the cache off."""
    if "NEWSBOT_CACHE_DIR" not in env:
        return Settings.cache_dir
    raw = env["NEWSBOT_CACHE_DIR"].strip()
    return None if raw.lower() in ("", "off") else Path(raw)


def check_token(token: str) -> None:
    """Refuse a token that cannot be right, without ever echoing it."""
    if not TOKEN_PATTERN.fullmatch(token):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN does not look like a bot token (expected '<digits>:<secret>', "
            "as @BotFather gives it); check for quotes or spaces"
        )


def settings_from_env(env: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
    """Read settings from `env` (default: the process environment over `.env`)."""
    if env is None:
        merged: dict[str, str] = {}
        dotenv_path = dotenv or Path(".env")
        if dotenv_path.is_file():
            merged.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
        merged.update(os.environ)
        env = merged
    thresholds = Thresholds(
        answer=_number(env, "NEWSBOT_ANSWER_THRESHOLD", Thresholds.answer),
        clarify=_number(env, "NEWSBOT_CLARIFY_THRESHOLD", Thresholds.clarify),
        margin=_number(env, "NEWSBOT_ANSWER_MARGIN", Thresholds.margin),
        quote=_number(env, "NEWSBOT_QUOTE_THRESHOLD", Thresholds.quote),
    )
    if thresholds.clarify > thresholds.answer:
        raise ConfigError(
            "NEWSBOT_CLARIFY_THRESHOLD must not be above NEWSBOT_ANSWER_THRESHOLD "
            f"({thresholds.clarify:g} > {thresholds.answer:g})"
        )
    token = env.get("TELEGRAM_BOT_TOKEN", "").strip() or None
    base_url = env.get("TELEGRAM_BASE_URL", "").strip() or None
    if base_url and not re.match(r"^https?://", base_url):
        raise ConfigError(
            f"TELEGRAM_BASE_URL: not an http(s) URL: {base_url!r} "
            "(e.g. http://127.0.0.1:8081/bot; the token is appended to it)"
        )
    return Settings(
        knowledge_dir=Path(env.get("NEWSBOT_KNOWLEDGE_DIR", "").strip() or "knowledge"),
        eval_file=Path(env.get("NEWSBOT_EVAL_FILE", "").strip() or "eval/questions.yaml"),
        thresholds=thresholds,
        max_question_chars=_integer(env, "NEWSBOT_MAX_QUESTION_CHARS", 500, minimum=20),
        telegram_token=token,
        telegram_base_url=base_url,
        admin_ids=_admin_ids(env.get("NEWSBOT_ADMIN_IDS", "")),
        rate_limit=_integer(env, "NEWSBOT_RATE_LIMIT", 20),
        concurrent_updates=_integer(env, "NEWSBOT_CONCURRENT_UPDATES", 16, minimum=1),
        send_retries=_integer(env, "NEWSBOT_SEND_RETRIES", 5),
        max_sends_per_second=_integer(env, "NEWSBOT_MAX_SENDS_PER_SECOND", 30),
        log_level=(env.get("NEWSBOT_LOG_LEVEL", "").strip() or "INFO").upper(),
        db_path=Path(env.get("NEWSBOT_DB", "").strip() or "var/newsbot.sqlite3"),
        retention_days=_integer(env, "NEWSBOT_RETENTION_DAYS", 180, minimum=1),
        reload_interval=_number(env, "NEWSBOT_RELOAD_INTERVAL", 1.0, minimum=0.1),
        cache_dir=_cache_dir(env),
    )
