"""`newsbot run`: checks, logging without secrets, then long polling until a signal."""

from __future__ import annotations

import logging
import os
import sqlite3
import sys

from bot.cli import load_engine
from bot.config import ConfigError, Settings, check_token
from bot.store import Store, StoreError

log = logging.getLogger("bot")


class RedactSecrets(logging.Filter):
    """Replace the token wherever it appears in a log record, including exception text."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        for secret in self.secrets:
            message = message.replace(secret, "[token]")
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, "[token]")
        record.msg, record.args = message, None
        return True


def setup_logging(level: str, secrets: list[str]) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and Bot API URLs contain the token
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def run_telegram(settings: Settings) -> int:
    """Start long polling; refuse to start on bad knowledge or a missing/malformed token."""
    token = settings.telegram_token
    if not token:
        print(
            "Error: TELEGRAM_BOT_TOKEN is not set; put it in .env or the environment "
            "(get one from @BotFather), or run 'newsbot chat' to try the bot in the terminal",
            file=sys.stderr,
        )
        return 1
    try:
        check_token(token)
    except ConfigError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    setup_logging(settings.log_level, [token])
    engine = load_engine(settings, "Error: not starting: the knowledge has errors (newsbot check)")
    if engine is None:
        return 1
    # PTB 22 warns on every RetryAfter read unless durations are timedeltas; ours handle both
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    from bot.app import ALLOWED_UPDATES, build_application

    try:
        store = Store(settings.db_path, settings.retention_days)
    except (StoreError, sqlite3.Error, OSError) as error:
        print(f"Error: cannot open the database {settings.db_path}: {error} "
              "(set NEWSBOT_DB to a writable file)", file=sys.stderr)  # fmt: skip
        return 1
    with store:
        application = build_application(settings, engine, store=store)
        knowledge = engine.knowledge
        log.info(
            "starting: %d entries from %d article(s); questions recorded in %s",
            len(knowledge.entries),
            len(knowledge.articles),
            settings.db_path,
        )
        # run_polling handles SIGINT/SIGTERM: it stops polling, finishes and shuts down cleanly
        application.run_polling(allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False)
    log.info("stopped")
    return 0
