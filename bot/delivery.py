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
    """Split at line breaks so each part fits one message and stays valid HTML.

    Our HTML keeps tags on one line except <pre> blocks; a <pre> cut between two parts is
    closed at the end of one and reopened at the start of the next.
    """
    if len(text) <= limit:
        return [text]
    room = limit - len(PRE_CLOSE) - len(PRE_OPEN)
    parts: list[str] = []
    current = ""
    in_pre = False  # whether `current` ends inside an open <pre>
    for line in text.split("\n"):
        while len(line) > room:  # a single huge line: cut it (only plain text gets this long)
            if current:
                parts.append(current + (PRE_CLOSE if in_pre else ""))
                current = PRE_OPEN if in_pre else ""
            parts.append(current + line[:room] + (PRE_CLOSE if in_pre else ""))
            current = PRE_OPEN if in_pre else ""
            line = line[room:]
        candidate = f"{current}\n{line}" if current and current != PRE_OPEN else current + line
        if len(candidate) > room and current:
            parts.append(current + (PRE_CLOSE if in_pre else ""))
            current = (PRE_OPEN if in_pre else "") + line
        else:
            current = candidate
        in_pre = _ends_inside_pre(current)
    if current:
        parts.append(current + (PRE_CLOSE if in_pre else ""))
    return parts


PRE_OPEN, PRE_CLOSE = "<pre>", "</pre>"


def _ends_inside_pre(html: str) -> bool:
    return html.rfind(PRE_OPEN) > html.rfind(PRE_CLOSE)
