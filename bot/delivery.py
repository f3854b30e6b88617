"""Getting a reply to Telegram once: retry what surely failed, never what may have landed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from bot.limits import TELEGRAM_MESSAGE_LIMIT

log = logging.getLogger(__name__)
T = TypeVar("T")
FINAL_ERRORS = (BadRequest, Forbidden, InvalidToken, ChatMigrated, Conflict)
NOT_SENT_TIMEOUTS = (httpx.ConnectTimeout, httpx.PoolTimeout)


def _retry_after_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if hasattr(value, "total_seconds") else float(value)


async def deliver(
    call: Callable[[], Awaitable[T]],
    retries: int = 5,
    base_delay: float = 0.5,
    max_delay: float = 30.0,
) -> T:
    """Run a Bot API call, retrying flood waits, 5xx and dropped connections with backoff.

    A read timeout is not retried: Telegram may have delivered the message, and a second
    copy is worse than a late one. A timeout while connecting never reached Telegram, so it is.
    """
    attempt = 0
    while True:
        try:
            return await call()
        except RetryAfter as error:
            if attempt >= retries:
                raise
            delay = _retry_after_seconds(error)
            log.warning("flood limit: waiting %.1f s as Telegram asks", delay)
        except FINAL_ERRORS:
            raise
        except TimedOut as error:
            if attempt >= retries or not isinstance(error.__cause__, NOT_SENT_TIMEOUTS):
                raise
            delay = min(max_delay, base_delay * 2**attempt)
            log.warning("could not connect to Telegram; retrying in %.1f s", delay)
        except NetworkError as error:
            if attempt >= retries:
                raise
            delay = min(max_delay, base_delay * 2**attempt)
            log.warning("sending failed (%s); retrying in %.1f s", error.message, delay)
        attempt += 1
        await asyncio.sleep(delay)


def split_message(text: str, limit: int = TELEGRAM_MESSAGE_LIMIT) -> list[str]:
    """Split at line breaks so each part fits one message (our HTML never spans lines)."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:  # a single huge line: cut it (only plain text gets this long)
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts
