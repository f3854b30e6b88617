"""A fake Telegram Bot API server on 127.0.0.1 for tests and benchmarks.

Why: tests must never touch the network, yet they should drive the *real*
python-telegram-bot HTTP stack (form encoding, error mapping, timeouts, long
polling).  This module serves the Bot API over HTTP and behaves like Telegram
where a bot can notice the difference: HTML validation, keyboards, edits,
callback/inline answers, ``getUpdates`` long polling and scriptable faults.

Usage::

    import telegram
    from tests.fake_telegram import FakeTelegram, Fault

    async def test_greeting() -> None:
        async with FakeTelegram() as tg:
            async with telegram.Bot(tg.token, base_url=tg.base_url) as bot:
                await bot.send_message(42, "<b>hi</b> &amp; bye", parse_mode="HTML")
            [msg] = tg.bot_messages(42)
            assert msg.text == "hi & bye" and msg.html == "<b>hi</b> &amp; bye"
            tg.fail_next("sendMessage", kind=Fault.retry_after(1))  # next send gets a 429

A bot under test is pointed at it with
``Application.builder().token(tg.token).base_url(tg.base_url)``; users are simulated with
``inject_message`` / ``inject_callback`` / ``inject_inline_query``; tests wait with
``await tg.wait_for_messages(chat_id, 1)`` instead of sleeping.

For benchmarks or a bot running in a subprocess, run the server on its own thread::

    with FakeTelegram.in_thread() as tg:
        ...  # start the bot with base_url=tg.base_url
        tg.inject_message("/start")
        tg.wait_for_sync(lambda: tg.bot_messages(FakeTelegram.DEFAULT_USER_ID))

Thread safety: every public method and property except ``start()``/``stop()`` may be called
from any thread, and the ``async`` waiters may be awaited from any event loop.  Returned
records are immutable snapshots; treat the dicts inside them as read-only.
"""

# The waiters take ``timeout=`` on purpose: it is the API the tests call (not asyncio.timeout).
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import json
import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from aiohttp import web

JSON = dict[str, Any]
T = TypeVar("T")

MAX_MESSAGE_LENGTH = 4096  # UTF-16 code units, after entity parsing
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_RESULTS = 50
MAX_INLINE_RESULT_ID_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200

ERR_UNAUTHORIZED = "Unauthorized"
ERR_NOT_FOUND = "Not Found"
ERR_CANT_PARSE = "Bad Request: can't parse entities: "
ERR_TEXT_EMPTY = "Bad Request: message text is empty"
ERR_TOO_LONG = "Bad Request: message is too long"
ERR_BUTTON_DATA = "Bad Request: BUTTON_DATA_INVALID"
ERR_BUTTON_URL = "Bad Request: BUTTON_URL_INVALID"
ERR_EDIT_NOT_FOUND = "Bad Request: message to edit not found"
ERR_DELETE_NOT_FOUND = "Bad Request: message to delete not found"
ERR_REPLY_NOT_FOUND = "Bad Request: message to be replied not found"
ERR_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
ERR_QUERY_TOO_OLD = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
ERR_CHAT_NOT_FOUND = "Bad Request: chat not found"
ERR_CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
ERR_CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# Telegram's default when allowed_updates was never set (or set to []).
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# Methods the global ``latency`` applies to (the load benchmark's "slow Telegram").
_LATENCY_METHODS = frozenset({"sendMessage", "editMessageText"})
# Form values are JSON-encoded by PTB except for strings; these are always plain strings.
_STRING_PARAMS = frozenset(
    {
        "text",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "action",
        "url",
        "next_offset",
        "language_code",
        "caption",
        "business_connection_id",
        "message_effect_id",
        "secret_token",
        "ip_address",
        "switch_pm_text",
        "switch_pm_parameter",
        "description",
        "short_description",
        "name",
        "title",
        "emoji",
    }
)
_INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_BUTTON_URL_RE = re.compile(r"^(?:https?://[^\s/?#]+|tg://\S+)", re.IGNORECASE)
_COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")
_TG_USER_LINK_RE = re.compile(r"^tg:(?://)?user\?(?:.*&)?id=(\d+)", re.IGNORECASE)


# --------------------------------------------------------------------------- text helpers


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: Telegram counts limits and entity offsets this way."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class HtmlParseError(ValueError):
    """Raised by :func:`parse_html` with tdlib's wording (without the Bot API prefix)."""


_HTML_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_SIMPLE_TAG_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_TD_SPACES = frozenset(" \t\r\n\v\0")  # td::is_space; "\0" is also the end of the text
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _byte_offset(text: str, index: int) -> int:
    """Telegram reports HTML errors at UTF-8 byte offsets."""
    return len(text[:index].encode("utf-8", "surrogatepass"))


def _decode_html_entity(text: str, pos: int, strict: bool) -> tuple[str, int] | None:
    """Port of tdlib's decode_html_entity; strict mode also demands the trailing ';'."""
    n = len(text)
    end = pos + 1
    if end < n and text[end] == "#":
        end += 1
        code = 0
        if end < n and text[end] == "x":
            end += 1
            while end < n and text[end] in _HEX_DIGITS:
                code = code * 16 + int(text[end], 16)
                end += 1
        else:
            while end < n and "0" <= text[end] <= "9":
                code = code * 10 + int(text[end])
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
        char = chr(code)
    else:
        while end < n and text[end].isascii() and text[end].isalpha():
            end += 1
        named = _NAMED_ENTITIES.get(text[pos + 1 : end])
        if named is None:
            return None
        char = named
    if end < n and text[end] == ";":
        end += 1
    elif strict:
        return None
    return char, end


def _checked_link(url: str) -> str | None:
    """Roughly tdlib's get_checked_link: bad links make a silent plain text, not an error."""
    url = url.strip()
    if not url or any(ch.isspace() for ch in url):
        return None
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*)://", url)
    if scheme:
        name = scheme.group(1).lower()
        rest = url[scheme.end() :]
        if name in ("http", "https"):
            return url if re.match(r"^[^/?#\s]+", rest) else None
        if name in ("tg", "ton"):
            return url if rest else None
        return None
    if url.lower().startswith("tg:"):
        return url
    if re.match(r"^[^\s/?#:@]+\.[A-Za-z][^\s/?#]*", url):
        return "http://" + url
    return None


def _add_html_entity(
    entities: list[JSON], tag: str, argument: str, offset: int, length: int, content: str
) -> None:
    """Turn one closed tag into a Bot API MessageEntity, like tdlib's parse_html does."""
    if tag in _SIMPLE_TAG_TYPES:
        entities.append({"type": _SIMPLE_TAG_TYPES[tag], "offset": offset, "length": length})
    elif tag == "tg-emoji":
        if not re.fullmatch(r"-?\d{1,19}", argument) or int(argument) == 0:
            raise HtmlParseError("Invalid custom emoji identifier specified")
        entities.append(
            {
                "type": "custom_emoji",
                "offset": offset,
                "length": length,
                "custom_emoji_id": str(int(argument)),
            }
        )
    elif tag == "a":
        url = argument or content
        user = _TG_USER_LINK_RE.match(url)
        if user:
            entities.append(
                {
                    "type": "text_mention",
                    "offset": offset,
                    "length": length,
                    "user": {"id": int(user.group(1)), "is_bot": False, "first_name": ""},
                }
            )
        elif (checked := _checked_link(url)) is not None:
            entities.append(
                {"type": "text_link", "offset": offset, "length": length, "url": checked}
            )
    elif tag == "pre":
        last = entities[-1] if entities else None
        if (
            last is not None
            and last["type"] == "code"
            and (last["offset"], last["length"]) == (offset, length)
            and last.get("_language")
        ):
            last["type"] = "pre"
            last["language"] = last.pop("_language")
        else:
            entities.append({"type": "pre", "offset": offset, "length": length})
    elif tag == "code":
        last = entities[-1] if entities else None
        if (
            last is not None
            and last["type"] == "pre"
            and (last["offset"], last["length"]) == (offset, length)
            and argument
        ):
            last["language"] = argument
        else:
            entity: JSON = {"type": "code", "offset": offset, "length": length}
            if argument:
                entity["_language"] = argument
            entities.append(entity)
    elif tag == "blockquote":
        kind = "expandable_blockquote" if argument else "blockquote"
        entities.append({"type": kind, "offset": offset, "length": length})


def parse_html(source: str, *, strict: bool = True) -> tuple[str, list[JSON]]:
    """Parse Telegram's HTML subset into (plain text, entities); port of tdlib's parse_html.

    Why a port: the fake must reject exactly what Telegram rejects, with the same messages.
    ``strict=True`` additionally rejects a bare ``&`` (and entities without ``;``) that real
    Telegram would keep literally: a bot that forgets to escape must fail in tests.
    Raises :class:`HtmlParseError`.
    """
    n = len(source)

    def at(k: int) -> str:
        return source[k] if k < n else "\0"

    def where(k: int) -> int:
        return _byte_offset(source, k)

    out: list[str] = []
    entities: list[JSON] = []
    stack: list[tuple[str, str, int, int]] = []  # tag, argument, utf16 offset, len(out)
    utf16 = 0
    i = 0
    while i < n:
        c = source[i]
        if c == "&":
            decoded = _decode_html_entity(source, i, strict)
            if decoded is not None:
                char, i = decoded
                out.append(char)
                utf16 += 2 if ord(char) > 0xFFFF else 1
                continue
            if strict:
                raise HtmlParseError(
                    f'Unescaped "&" at byte offset {where(i)}: only &lt; &gt; &amp; &quot; '
                    "and numeric entities are allowed (fake_telegram strict mode)"
                )
        if c != "<":
            out.append(c)
            utf16 += 2 if ord(c) > 0xFFFF else 1
            i += 1
            continue

        begin = i
        i += 1
        if at(i) != "/":
            while at(i) not in _TD_SPACES and at(i) != ">":
                i += 1
            if at(i) == "\0":
                raise HtmlParseError(f"Unclosed start tag at byte offset {where(begin)}")
            tag = source[begin + 1 : i].lower()
            if tag not in _HTML_TAGS:
                raise HtmlParseError(f'Unsupported start tag "{tag}" at byte offset {where(begin)}')
            argument = ""
            while at(i) != ">":
                while at(i) != "\0" and at(i) in _TD_SPACES:
                    i += 1
                if at(i) == ">":
                    break
                name_begin = i
                while at(i) not in _TD_SPACES and at(i) not in "=>/\"'":
                    i += 1
                name = source[name_begin:i]
                if not name:
                    raise HtmlParseError(
                        f'Empty attribute name in the tag "{tag}" at byte offset {where(begin)}'
                    )
                while at(i) != "\0" and at(i) in _TD_SPACES:
                    i += 1
                if at(i) != "=":
                    if at(i) == "\0":
                        raise HtmlParseError(
                            f'Unclosed start tag "{tag}" at byte offset {where(begin)}'
                        )
                    if tag == "blockquote" and name == "expandable":
                        argument = "1"
                    continue
                i += 1
                while at(i) != "\0" and at(i) in _TD_SPACES:
                    i += 1
                if at(i) == "\0":
                    raise HtmlParseError(
                        f'Unclosed start tag "{tag}" at byte offset {where(begin)}'
                    )
                if at(i) not in "'\"":
                    token_begin = i
                    while at(i).isascii() and (at(i).isalnum() or at(i) in ".-"):
                        i += 1
                    value = source[token_begin:i].lower()
                    if at(i) not in _TD_SPACES and at(i) != ">":
                        raise HtmlParseError(
                            f"Unexpected end of name token at byte offset {where(token_begin)}"
                        )
                else:
                    quote = at(i)
                    i += 1
                    chars: list[str] = []
                    while at(i) != quote and at(i) != "\0":
                        if at(i) == "&":
                            decoded = _decode_html_entity(source, i, strict)
                            if decoded is not None:
                                chars.append(decoded[0])
                                i = decoded[1]
                                continue
                            if strict:
                                raise HtmlParseError(
                                    f'Unescaped "&" at byte offset {where(i)} in an attribute '
                                    "(fake_telegram strict mode)"
                                )
                        chars.append(at(i))
                        i += 1
                    if at(i) == quote:
                        i += 1
                    value = "".join(chars)
                if at(i) == "\0":
                    raise HtmlParseError(f"Unclosed start tag at byte offset {where(begin)}")
                if tag == "a" and name == "href":
                    argument = value
                elif tag == "code" and name == "class" and value.startswith("language-"):
                    argument = value[len("language-") :]
                elif tag == "span" and name == "class" and value.startswith("tg-"):
                    argument = value[len("tg-") :]
                elif tag == "tg-emoji" and name == "emoji-id":
                    argument = value
                elif tag == "blockquote" and name == "expandable":
                    argument = "1"
            if tag == "span" and argument != "spoiler":
                raise HtmlParseError(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {where(begin)}'
                )
            stack.append((tag, argument, utf16, len(out)))
            i += 1  # the '>'
        else:
            if not stack:
                raise HtmlParseError(f"Unexpected end tag at byte offset {where(begin)}")
            while at(i) not in _TD_SPACES and at(i) != ">":
                i += 1
            end_name = source[begin + 2 : i].lower()
            while at(i) in _TD_SPACES and at(i) != "\0":
                i += 1
            if at(i) != ">":
                raise HtmlParseError(f"Unclosed end tag at byte offset {where(begin)}")
            tag, argument, start, out_begin = stack[-1]
            if end_name and end_name != tag:
                raise HtmlParseError(
                    f'Unmatched end tag at byte offset {where(begin)}, expected "</{tag}>", '
                    f'found "</{end_name}>"'
                )
            if utf16 > start:
                content = "".join(out[out_begin:])
                _add_html_entity(entities, tag, argument, start, utf16 - start, content)
            stack.pop()
            i += 1  # the '>'
    if stack:
        raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    for entity in entities:
        entity.pop("_language", None)
    text = "".join(out)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise HtmlParseError(
            "Text contains invalid Unicode characters after decoding HTML entities, "
            "check for unmatched surrogate code units"
        )
    entities.sort(key=lambda e: (int(e["offset"]), -int(e["length"])))
    return text, entities


def _trim(text: str, entities: list[JSON]) -> tuple[str, list[JSON]]:
    """Telegram strips surrounding whitespace from message text and shifts entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    shift = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    result: list[JSON] = []
    for entity in entities:
        start = max(0, int(entity.get("offset", 0)) - shift)
        end = min(total, int(entity.get("offset", 0)) + int(entity.get("length", 0)) - shift)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _is_name_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def find_bot_commands(text: str) -> list[tuple[int, int]]:
    """(start, end) str indices of /commands (optionally /cmd@bot), per tdlib's matcher."""
    result: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while (p := text.find("/", i)) >= 0:
        if p > 0 and (_is_word_char(text[p - 1]) or text[p - 1] in "/<>"):
            i = p + 1
            continue
        j = p + 1
        while j < n and _is_name_char(text[j]):
            j += 1
        if not 1 <= j - (p + 1) <= 64:
            i = j
            continue
        if j < n and text[j] == "@":
            k = j + 1
            while k < n and _is_name_char(text[k]):
                k += 1
            if not 3 <= k - (j + 1) <= 32:
                i = k
                continue
            j = k
        if j < n and (_is_word_char(text[j]) or text[j] in "/<>"):
            i = j
            continue
        result.append((p, j))
        i = j
    return result


def find_mentions(text: str) -> list[tuple[int, int]]:
    """(start, end) str indices of @username mentions, per tdlib's matcher and length rule."""
    result: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while (p := text.find("@", i)) >= 0:
        if p > 0 and _is_word_char(text[p - 1]):
            i = p + 1
            continue
        j = p + 1
        while j < n and _is_name_char(text[j]):
            j += 1
        size = j - (p + 1)
        if not 2 <= size <= 32 or (j < n and _is_word_char(text[j])):
            i = max(j, p + 1)
            continue
        if size >= 4 or text[p + 1 : j].lower() in {"gif", "vid", "pic"}:
            result.append((p, j))
        i = j
    return result


def detect_entities(text: str) -> list[JSON]:
    """The entities Telegram adds to incoming user text: bot_command and mention."""
    found = [("bot_command", span) for span in find_bot_commands(text)]
    found += [("mention", span) for span in find_mentions(text)]
    found.sort(key=lambda item: item[1][0])
    return [
        {"type": kind, "offset": utf16_len(text[:start]), "length": utf16_len(text[start:end])}
        for kind, (start, end) in found
    ]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Fault:
    """A scripted failure for :meth:`FakeTelegram.fail_next`; build it with the classmethods."""

    kind: Literal["status", "retry_after", "drop", "hang", "delay"]
    code: int = 0
    description: str = ""
    seconds: float = 0.0

    @classmethod
    def status(cls, code: int = 500, description: str | None = None) -> Fault:
        """Answer with this HTTP status and ``{"ok": false, ...}``; nothing is processed."""
        phrases = {
            400: "Bad Request",
            403: "Forbidden: bot was blocked by the user",
            409: "Conflict",
            500: "Internal Server Error",
            502: "Bad Gateway",
            503: "Service Unavailable",
            504: "Gateway Timeout",
        }
        return cls("status", code=code, description=description or phrases.get(code, "Error"))

    @classmethod
    def retry_after(cls, seconds: int = 1) -> Fault:
        """Answer 429 ``Too Many Requests: retry after N`` with ``parameters.retry_after``."""
        return cls("retry_after", code=429, seconds=float(int(seconds)))

    @classmethod
    def drop(cls) -> Fault:
        """Close the TCP connection without answering, before processing: nothing delivered."""
        return cls("drop")

    @classmethod
    def hang(cls, seconds: float) -> Fault:
        """Process the request (it IS delivered), then hold the answer: the client times out."""
        return cls("hang", seconds=seconds)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait, then process and answer normally: a slow but successful Telegram."""
        return cls("delay", seconds=seconds)

    @property
    def label(self) -> str:
        """Short text for logs and request records."""
        if self.kind == "status":
            return f"status({self.code})"
        if self.kind == "drop":
            return "drop"
        return f"{self.kind}({self.seconds:g})"


@dataclass(frozen=True)
class RequestRecord:
    """One HTTP request the bot made; ``status`` is None while pending, 0 if never answered."""

    seq: int
    method: str
    params: JSON
    status: int | None
    description: str | None = None
    fault: str | None = None
    at: float = 0.0  # time.monotonic() on arrival

    @property
    def ok(self) -> bool:
        """True when Telegram would have answered ``{"ok": true}``."""
        return self.status == 200


@dataclass(frozen=True)
class MessageVersion:
    """One version of a message's content (the original, then one per edit)."""

    text: str | None
    html: str | None
    parse_mode: str | None
    entities: list[JSON]
    reply_markup: JSON | None
    date: int


@dataclass(frozen=True)
class StoredMessage:
    """A message in a chat as the fake knows it (bot's and users'); current state after edits.

    ``text`` is the plain text after HTML parsing; ``html`` is the text parameter exactly as
    the bot sent it; ``history`` holds every version, oldest first (``history[-1]`` is now).
    ``raw`` is the Bot API Message object as Telegram would send it today.
    """

    chat_id: int
    message_id: int
    from_bot: bool
    kind: str
    text: str | None
    html: str | None
    parse_mode: str | None
    entities: list[JSON]
    reply_markup: JSON | None
    reply_to_message_id: int | None
    date: int
    history: tuple[MessageVersion, ...]
    raw: JSON
    deleted: bool = False

    @property
    def edit_count(self) -> int:
        """How many successful edits this message had."""
        return len(self.history) - 1

    @property
    def buttons(self) -> list[JSON]:
        """Inline keyboard buttons, row by row, flattened."""
        if not self.reply_markup:
            return []
        rows = self.reply_markup.get("inline_keyboard") or []
        return [button for row in rows for button in row]


@dataclass(frozen=True)
class CallbackAnswer:
    """What the bot answered to a callback query."""

    callback_query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int | None


@dataclass(frozen=True)
class InlineAnswer:
    """What the bot answered to an inline query."""

    inline_query_id: str
    results: list[JSON]
    cache_time: int | None
    is_personal: bool
    next_offset: str | None
    button: JSON | None


@dataclass(frozen=True)
class ChatAction:
    """A sendChatAction call."""

    chat_id: int
    action: str


@dataclass(frozen=True)
class FakeStats:
    """Counters for benchmarks and duplicate-delivery checks."""

    requests_by_method: dict[str, int]
    updates_injected: int
    updates_served: int  # distinct updates returned by getUpdates at least once
    updates_delivered: int  # all updates returned, counting re-deliveries
    updates_confirmed: int  # dropped from the queue by a later offset
    get_updates_calls: int
    messages_sent_per_chat: dict[int, int]
    edits: int
    faults_applied: int


class _ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _resolve_future(fut: asyncio.Future[None]) -> None:
    if not fut.done():
        fut.set_result(None)


# --------------------------------------------------------------------------- the server


class FakeTelegram:
    """A Bot API server for one bot; see the module docstring for usage."""

    DEFAULT_USER_ID = 1001
    DEFAULT_GROUP_ID = -400000001
    DEFAULT_SUPERGROUP_ID = -1001000000001

    def __init__(
        self,
        token: str = "123456:TEST-token",
        username: str = "newsbot_test_bot",
        bot_id: int = 123456,
        *,
        first_name: str = "Newsbot",
        latency: float = 0.0,
        strict_html: bool = True,
        require_known_chats: bool = False,
    ) -> None:
        """``strict_html`` rejects a bare ``&`` (real Telegram keeps it; see parse_html).

        ``require_known_chats`` answers "chat not found" for chats no user wrote from.
        """
        self.token = token
        self.username = username
        self.bot_id = bot_id
        self.first_name = first_name
        self.latency = latency  # seconds added to every sendMessage/editMessageText
        self.strict_html = strict_html
        self.require_known_chats = require_known_chats

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = set()

        self._runner: web.AppRunner | None = None
        self._loop_thread: int | None = None
        self._stop_event: asyncio.Event | None = None
        self._stopping = False
        self._port = 0

        self._requests: list[RequestRecord] = []
        self._faults: dict[str, deque[Fault]] = {}
        self._faults_applied = 0
        self._flood_limit: int | None = None
        self._flood_windows: dict[int, deque[float]] = {}

        self._next_update_id = 10001
        self._pending: list[JSON] = []
        self._update_log: list[JSON] = []
        self._served_ids: set[int] = set()
        self._delivered = 0
        self._confirmed = 0
        self._get_updates_calls = 0
        self._poll_seq = 0
        self._parked_polls = 0
        self._idle_polls = 0
        self._allowed_updates: frozenset[str] | None = None
        self._webhook_url = ""

        self._chats: dict[int, JSON] = {}
        self._users: dict[int, JSON] = {}
        self._messages: dict[int, dict[int, StoredMessage]] = {}
        self._next_message_id: dict[int, int] = {}
        self._sent_per_chat: dict[int, int] = {}
        self._edits = 0
        self._inline_edits: list[JSON] = []
        self._ids = itertools.count(1)

        self._callbacks: dict[str, JSON] = {}
        self._callback_answers: dict[str, CallbackAnswer] = {}
        self._inline_queries: dict[str, JSON] = {}
        self._inline_answers: dict[str, InlineAnswer] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._chat_actions: list[ChatAction] = []

        self._methods: dict[str, tuple[str, Callable[[JSON], Any] | None]] = {
            name.lower(): (name, fn)
            for name, fn in (
                ("getMe", self._api_get_me),
                ("getUpdates", None),  # async, handled in _handle
                ("deleteWebhook", self._api_delete_webhook),
                ("setWebhook", self._api_set_webhook),
                ("getWebhookInfo", self._api_get_webhook_info),
                ("sendMessage", self._api_send_message),
                ("editMessageText", self._api_edit_message_text),
                ("editMessageReplyMarkup", self._api_edit_message_reply_markup),
                ("deleteMessage", self._api_delete_message),
                ("answerCallbackQuery", self._api_answer_callback_query),
                ("answerInlineQuery", self._api_answer_inline_query),
                ("setMyCommands", self._api_set_my_commands),
                ("getMyCommands", self._api_get_my_commands),
                ("deleteMyCommands", self._api_delete_my_commands),
                ("sendChatAction", self._api_send_chat_action),
                ("close", self._api_true),
                ("logOut", self._api_true),
            )
        }

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Bind 127.0.0.1 on a free port and serve in the running event loop."""
        if self._runner is not None:
            raise RuntimeError("FakeTelegram already started")
        self._loop_thread = threading.get_ident()
        self._stop_event = asyncio.Event()
        self._stopping = False
        app = web.Application(client_max_size=16 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=2.0
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        self._port = int(runner.addresses[0][1])

    async def stop(self) -> None:
        """Stop serving; parked long polls and fault sleeps end at once. Idempotent."""
        runner = self._runner
        if runner is None:
            return
        with self._lock:
            self._stopping = True
        if self._stop_event is not None:
            self._stop_event.set()
        self._changed()
        await runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @classmethod
    @contextlib.contextmanager
    def in_thread(cls, **kwargs: Any) -> Iterator[FakeTelegram]:
        """Serve from a background thread with its own event loop (benchmarks, subprocesses).

        ``kwargs`` go to the constructor.  Use the thread-safe query methods, ``wait_for_sync``
        from plain threads, or the async waiters from any other event loop.
        """
        fake = cls(**kwargs)
        ready = threading.Event()
        errors: list[BaseException] = []
        holder: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

        async def main() -> None:
            await fake.start()
            quit_event = asyncio.Event()
            holder.append((asyncio.get_running_loop(), quit_event))
            ready.set()
            try:
                await quit_event.wait()
            finally:
                await fake.stop()

        def run() -> None:
            try:
                asyncio.run(main())
            except BaseException as exc:
                errors.append(exc)
            finally:
                ready.set()

        thread = threading.Thread(target=run, name="FakeTelegram", daemon=True)
        thread.start()
        ready.wait(10)
        if errors or not holder:
            thread.join(5)
            raise RuntimeError("FakeTelegram thread failed to start") from (
                errors[0] if errors else None
            )
        try:
            yield fake
        finally:
            loop, quit_event = holder[0]
            loop.call_soon_threadsafe(quit_event.set)
            thread.join(10)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` once started."""
        if not self._port:
            raise RuntimeError("FakeTelegram is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def base_url(self) -> str:
        """What PTB wants as ``base_url`` (it appends the token and the method)."""
        return f"{self.url}/bot"

    @property
    def bot_user(self) -> JSON:
        """The bot as a Bot API User object."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.first_name,
            "username": self.username,
        }

    # ------------------------------------------------------------------ change notification

    def _changed(self) -> None:
        """Wake every waiter (any thread, any loop): something was recorded or injected."""
        with self._lock:
            self._cond.notify_all()
            waiters = list(self._waiters)
            self._waiters.clear()
        for loop, fut in waiters:
            with contextlib.suppress(RuntimeError):  # that loop is closed: nobody waits
                loop.call_soon_threadsafe(_resolve_future, fut)

    def _register_waiter(self) -> asyncio.Future[None]:
        loop = asyncio.get_running_loop()
        fut: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._waiters.add((loop, fut))
        return fut

    def _unregister_waiter(self, fut: asyncio.Future[None]) -> None:
        with self._lock:
            self._waiters.discard((fut.get_loop(), fut))

    async def wait_for(
        self, predicate: Callable[[], T | None], timeout: float = 5.0, *, description: str = ""
    ) -> T:
        """Return the first truthy ``predicate()``, re-checked after every recorded change.

        Why: tests must not sleep; this wakes on each request, injection or answer.
        Raises TimeoutError listing the latest requests (for a readable failure).
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            fut = self._register_waiter()  # before checking: no lost wake-up
            try:
                result = predicate()
                if result:
                    return result
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise TimeoutError(self._timeout_message(description or repr(predicate)))
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(fut, remaining)
            finally:
                self._unregister_waiter(fut)

    def wait_for_sync(
        self, predicate: Callable[[], T | None], timeout: float = 5.0, *, description: str = ""
    ) -> T:
        """Blocking :meth:`wait_for` for plain threads (never call it on the server's loop)."""
        if self._loop_thread == threading.get_ident():
            raise RuntimeError("wait_for_sync would deadlock the server's own thread")
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                result = predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(self._timeout_message(description or repr(predicate)))
                self._cond.wait(remaining)

    def _timeout_message(self, what: str) -> str:
        lines = [f"FakeTelegram: timed out waiting for {what}; last requests:"]
        for record in self.requests()[-10:]:
            params = {k: v for k, v in record.params.items() if k not in ("reply_markup",)}
            lines.append(
                f"  #{record.seq} {record.method} {params} -> {record.status} "
                f"{record.description or ''} {record.fault or ''}".rstrip()
            )
        return "\n".join(lines)

    async def wait_for_messages(
        self, chat_id: int, count: int = 1, timeout: float = 5.0
    ) -> list[StoredMessage]:
        """Wait until the bot has at least ``count`` messages in the chat; return them all."""

        def enough() -> list[StoredMessage] | None:
            messages = self.bot_messages(chat_id)
            return messages if len(messages) >= count else None

        return await self.wait_for(
            enough, timeout, description=f"{count} bot message(s) in chat {chat_id}"
        )

    async def wait_for_callback_answer(
        self, callback_id: str, timeout: float = 5.0
    ) -> CallbackAnswer:
        """Wait until the bot answered this callback query."""
        return await self.wait_for(
            lambda: self.callback_answer(callback_id),
            timeout,
            description=f"answerCallbackQuery({callback_id})",
        )

    async def wait_for_inline_answer(self, query_id: str, timeout: float = 5.0) -> InlineAnswer:
        """Wait until the bot answered this inline query."""
        return await self.wait_for(
            lambda: self.inline_answer(query_id),
            timeout,
            description=f"answerInlineQuery({query_id})",
        )

    async def wait_for_request(
        self, method: str, count: int = 1, timeout: float = 5.0
    ) -> list[RequestRecord]:
        """Wait until ``method`` was answered ``count`` times; return those records."""

        def enough() -> list[RequestRecord] | None:
            done = [r for r in self.requests(method) if r.status is not None]
            return done if len(done) >= count else None

        return await self.wait_for(enough, timeout, description=f"{count}x {method}")

    async def wait_until_polled(self, timeout: float = 5.0) -> None:
        """Wait until the bot is idle in getUpdates: a poll is parked or found nothing new.

        It says the bot fetched everything pending, not that its handlers finished.
        """
        with self._lock:
            idle_before = self._idle_polls

        def polled() -> bool:
            with self._lock:
                return self._parked_polls > 0 or self._idle_polls > idle_before

        await self.wait_for(polled, timeout, description="an idle getUpdates call")

    # ------------------------------------------------------------------ fault injection

    def fail_next(self, method: str, times: int = 1, kind: Fault | None = None) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``kind`` (default: 500).

        ``method`` is case-insensitive; ``"*"`` means any method except getUpdates.
        Queued faults are used in order, method-specific ones before ``"*"``.
        """
        fault = kind or Fault.status(500)
        key = "*" if method == "*" else self._canonical(method)
        if key is None:
            raise ValueError(f"FakeTelegram does not implement {method!r}")
        with self._lock:
            self._faults.setdefault(key, deque()).extend([fault] * times)

    def clear_faults(self) -> None:
        """Forget every queued fault."""
        with self._lock:
            self._faults.clear()

    def pending_faults(self) -> dict[str, list[Fault]]:
        """Faults not used yet, per method."""
        with self._lock:
            return {k: list(v) for k, v in self._faults.items() if v}

    def flood_limit(self, per_chat_per_second: int | None) -> None:
        """Answer 429 when a chat gets more than N sendMessage per second (None: off)."""
        with self._lock:
            self._flood_limit = per_chat_per_second
            self._flood_windows.clear()

    def _pop_fault(self, method: str) -> Fault | None:
        with self._lock:
            for key in (method, "*"):
                if key == "*" and method == "getUpdates":
                    continue
                queue = self._faults.get(key)
                if queue:
                    self._faults_applied += 1
                    return queue.popleft()
        return None

    # ------------------------------------------------------------------ HTTP plumbing

    def _canonical(self, method: str) -> str | None:
        entry = self._methods.get(method.lower())
        return entry[0] if entry else None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        """Route ``/bot<token>/<method>`` like api.telegram.org does."""
        path = request.path
        token, slash, method = path[len("/bot") :].partition("/")
        if not path.startswith("/bot") or not slash or not method or "/" in method:
            return self._json(404, _ApiError(404, ERR_NOT_FOUND).payload())
        try:
            params = await self._read_params(request)
        except _ApiError as exc:
            return self._json(exc.status, exc.payload())
        canonical = self._canonical(method)
        seq = self._log_request(canonical or method, params)
        if token != self.token:
            self._finish(seq, 401, ERR_UNAUTHORIZED, None)
            return self._json(401, _ApiError(401, ERR_UNAUTHORIZED).payload())
        if canonical is None:
            self._finish(seq, 404, ERR_NOT_FOUND, None)
            return self._json(404, _ApiError(404, ERR_NOT_FOUND).payload())

        fault = self._pop_fault(canonical)
        label = fault.label if fault else None
        try:
            if fault is not None and fault.kind == "drop":
                self._finish(seq, 0, "connection dropped", label)
                request.protocol.force_close()  # no response at all: the client sees EOF
                return web.Response(status=500)
            if fault is not None and fault.kind == "delay":
                await self._sleep(fault.seconds)
            if canonical in _LATENCY_METHODS and self.latency > 0:
                await self._sleep(self.latency)
            if fault is not None and fault.kind in ("status", "retry_after"):
                retry = int(fault.seconds) if fault.kind == "retry_after" else None
                description = (
                    f"Too Many Requests: retry after {retry}" if retry is not None else None
                )
                error = _ApiError(fault.code, description or fault.description, retry)
                status, payload = error.status, error.payload()
            elif canonical == "getUpdates":
                status, payload = await self._get_updates(params)
            else:
                status, payload = self._call(canonical, params)
            self._finish(seq, status, payload.get("description"), label)
            if fault is not None and fault.kind == "hang":
                await self._sleep(fault.seconds)  # delivered; the answer comes (too) late
            return self._json(status, payload)
        except asyncio.CancelledError:
            self._finish(seq, 0, "client disconnected", label, only_if_pending=True)
            raise

    @staticmethod
    def _json(status: int, payload: JSON) -> web.Response:
        return web.json_response(payload, status=status)

    async def _read_params(self, request: web.Request) -> JSON:
        """Merge query string and body (JSON, urlencoded or multipart), then decode values."""
        raw: JSON = dict(request.query)
        if request.body_exists:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError as exc:
                    raise _ApiError(400, "Bad Request: can't parse JSON object") from exc
                if not isinstance(body, dict):
                    raise _ApiError(400, "Bad Request: can't parse JSON object")
                raw.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    raw[key] = (
                        value
                        if isinstance(value, str)
                        else f"<file {getattr(value, 'filename', '')}>"
                    )
        return {key: self._decode_param(key, value) for key, value in raw.items()}

    @staticmethod
    def _decode_param(name: str, value: Any) -> Any:
        """PTB JSON-encodes every non-string value into the form; undo that."""
        if not isinstance(value, str) or name in _STRING_PARAMS:
            return value
        try:
            return json.loads(value)
        except ValueError:
            return value

    def _log_request(self, method: str, params: JSON) -> int:
        with self._lock:
            seq = len(self._requests)
            self._requests.append(RequestRecord(seq, method, params, None, at=time.monotonic()))
        self._changed()
        return seq

    def _finish(
        self,
        seq: int,
        status: int,
        description: str | None,
        fault: str | None,
        *,
        only_if_pending: bool = False,
    ) -> None:
        with self._lock:
            record = self._requests[seq]
            if only_if_pending and record.status is not None:
                return
            self._requests[seq] = dataclasses.replace(
                record, status=status, description=description, fault=fault
            )
        self._changed()

    async def _sleep(self, seconds: float) -> None:
        """Sleep for a fault, but wake at once when the server stops."""
        if seconds <= 0 or self._stop_event is None:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop_event.wait(), seconds)

    def _call(self, method: str, params: JSON) -> tuple[int, JSON]:
        handler = self._methods[method.lower()][1]
        assert handler is not None
        try:
            with self._lock:
                result = handler(params)
        except _ApiError as exc:
            return exc.status, exc.payload()
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            error = _ApiError(400, f"Bad Request: invalid parameters (fake_telegram: {exc!r})")
            return error.status, error.payload()
        self._changed()
        return 200, {"ok": True, "result": result}

    # ------------------------------------------------------------------ getUpdates

    async def _get_updates(self, params: JSON) -> tuple[int, JSON]:
        """Long polling: answer at once if updates are pending, else park until one arrives."""
        try:
            offset = _int_param(params, "offset")
            limit = min(100, max(1, _int_param(params, "limit") or 100))
            timeout = max(0.0, float(params.get("timeout") or 0))
        except (_ApiError, TypeError, ValueError):
            return 400, _ApiError(400, "Bad Request: invalid getUpdates parameters").payload()
        allowed = params.get("allowed_updates")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        with self._lock:
            if self._webhook_url:
                return 409, _ApiError(409, ERR_CONFLICT_WEBHOOK).payload()
            self._poll_seq += 1
            my_seq = self._poll_seq
            self._get_updates_calls += 1
            if isinstance(allowed, list):
                self._allowed_updates = frozenset(allowed) if allowed else None
            if offset:
                self._confirm(offset)
        parked = False
        try:
            while True:
                fut = self._register_waiter()
                try:
                    with self._lock:
                        if self._poll_seq != my_seq:
                            return 409, _ApiError(409, ERR_CONFLICT_POLL).payload()
                        batch = self._take_batch(limit)
                        if batch:
                            return 200, {"ok": True, "result": batch}
                        remaining = deadline - loop.time()
                        if remaining <= 0 or self._stopping:
                            self._idle_polls += 0 if parked else 1
                            return 200, {"ok": True, "result": []}
                        if not parked:
                            parked = True
                            self._parked_polls += 1
                            self._idle_polls += 1
                            newly_parked = True
                        else:
                            newly_parked = False
                    if newly_parked:
                        self._changed()
                        continue
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(fut, remaining)
                finally:
                    self._unregister_waiter(fut)
        finally:
            if parked:
                with self._lock:
                    self._parked_polls -= 1

    def _confirm(self, offset: int) -> None:
        """Drop updates the bot confirmed (positive offset) or skipped (negative offset)."""
        if offset > 0:
            keep = [u for u in self._pending if u["update_id"] >= offset]
        else:
            keep = self._pending[offset:]
        self._confirmed += len(self._pending) - len(keep)
        self._pending = keep

    def _take_batch(self, limit: int) -> list[JSON]:
        allowed = self._allowed_updates
        deliverable: list[JSON] = []
        for update in self._pending:
            kind = next((k for k in update if k != "update_id"), "")
            ok = kind in allowed if allowed is not None else kind not in _DEFAULT_EXCLUDED_UPDATES
            if ok:
                deliverable.append(update)
        self._pending = deliverable  # Telegram never delivers filtered-out updates
        batch = deliverable[:limit]
        for update in batch:
            self._served_ids.add(update["update_id"])
        self._delivered += len(batch)
        return batch

    # ------------------------------------------------------------------ API methods

    def _api_true(self, params: JSON) -> bool:
        return True

    def _api_get_me(self, params: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _api_delete_webhook(self, params: JSON) -> bool:
        self._webhook_url = ""
        if _bool_param(params, "drop_pending_updates"):
            self._confirmed += len(self._pending)
            self._pending = []
        return True

    def _api_set_webhook(self, params: JSON) -> bool:
        self._webhook_url = str(params.get("url") or "")
        return True

    def _api_get_webhook_info(self, params: JSON) -> JSON:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }

    def _api_send_message(self, params: JSON) -> JSON:
        chat_id = self._chat_id(params)
        text, html, parse_mode, entities = self._message_text(params)
        markup = self._reply_markup(params.get("reply_markup"))
        reply_to = self._reply_target(chat_id, params)
        self._check_flood(chat_id)
        message_id = self._alloc_message_id(chat_id)
        date = int(time.time())
        raw = self._message_dict(
            chat_id, message_id, self.bot_user, date, reply_to=reply_to, text=text
        )
        if entities:
            raw["entities"] = entities
        if markup and "inline_keyboard" in markup:
            raw["reply_markup"] = markup
        version = MessageVersion(text, html, parse_mode, entities, markup, date)
        stored = StoredMessage(
            chat_id=chat_id,
            message_id=message_id,
            from_bot=True,
            kind="text",
            text=text,
            html=html,
            parse_mode=parse_mode,
            entities=entities,
            reply_markup=markup,
            reply_to_message_id=reply_to.message_id if reply_to else None,
            date=date,
            history=(version,),
            raw=raw,
        )
        self._messages.setdefault(chat_id, {})[message_id] = stored
        self._sent_per_chat[chat_id] = self._sent_per_chat.get(chat_id, 0) + 1
        return _copy(raw)

    def _editable(self, params: JSON, not_found: str) -> StoredMessage:
        chat_id = self._chat_id(params)
        message_id = _int_param(params, "message_id")
        if message_id is None:
            raise _ApiError(400, "Bad Request: message identifier is not specified")
        stored = self._messages.get(chat_id, {}).get(message_id)
        if stored is None or stored.deleted:
            raise _ApiError(400, not_found)
        return stored

    def _api_edit_message_text(self, params: JSON) -> JSON | bool:
        if params.get("inline_message_id"):
            self._message_text(params)
            self._reply_markup(params.get("reply_markup"))
            self._inline_edits.append(dict(params))
            return True
        stored = self._editable(params, ERR_EDIT_NOT_FOUND)
        if not stored.from_bot:
            raise _ApiError(400, "Bad Request: message can't be edited")
        if stored.kind != "text":
            raise _ApiError(400, "Bad Request: there is no text in the message to edit")
        text, html, parse_mode, entities = self._message_text(params)
        markup = self._reply_markup(params.get("reply_markup"), inline_only=True)
        if text == stored.text and entities == stored.entities and markup == stored.reply_markup:
            raise _ApiError(400, ERR_NOT_MODIFIED)
        return self._apply_edit(stored, text, html, parse_mode, entities, markup)

    def _api_edit_message_reply_markup(self, params: JSON) -> JSON | bool:
        if params.get("inline_message_id"):
            self._reply_markup(params.get("reply_markup"), inline_only=True)
            self._inline_edits.append(dict(params))
            return True
        stored = self._editable(params, ERR_EDIT_NOT_FOUND)
        if not stored.from_bot:
            raise _ApiError(400, "Bad Request: message can't be edited")
        markup = self._reply_markup(params.get("reply_markup"), inline_only=True)
        if markup == stored.reply_markup:
            raise _ApiError(400, ERR_NOT_MODIFIED)
        return self._apply_edit(
            stored, stored.text, stored.html, stored.parse_mode, stored.entities, markup
        )

    def _apply_edit(
        self,
        stored: StoredMessage,
        text: str | None,
        html: str | None,
        parse_mode: str | None,
        entities: list[JSON],
        markup: JSON | None,
    ) -> JSON:
        now = int(time.time())
        raw = dict(stored.raw)
        raw["text"] = text
        raw["edit_date"] = now
        raw.pop("entities", None)
        raw.pop("reply_markup", None)
        if entities:
            raw["entities"] = entities
        if markup:
            raw["reply_markup"] = markup
        version = MessageVersion(text, html, parse_mode, entities, markup, now)
        self._messages[stored.chat_id][stored.message_id] = dataclasses.replace(
            stored,
            text=text,
            html=html,
            parse_mode=parse_mode,
            entities=entities,
            reply_markup=markup,
            history=(*stored.history, version),
            raw=raw,
        )
        self._edits += 1
        return _copy(raw)

    def _api_delete_message(self, params: JSON) -> bool:
        stored = self._editable(params, ERR_DELETE_NOT_FOUND)
        self._messages[stored.chat_id][stored.message_id] = dataclasses.replace(
            stored, deleted=True
        )
        return True

    def _api_answer_callback_query(self, params: JSON) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._callbacks or query_id in self._callback_answers:
            raise _ApiError(400, ERR_QUERY_TOO_OLD)
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self._callback_answers[query_id] = CallbackAnswer(
            callback_query_id=query_id,
            text=None if text is None else str(text),
            show_alert=_bool_param(params, "show_alert"),
            url=params.get("url"),
            cache_time=_int_param(params, "cache_time"),
        )
        return True

    def _api_answer_inline_query(self, params: JSON) -> bool:
        query_id = str(params.get("inline_query_id") or "")
        if query_id not in self._inline_queries or query_id in self._inline_answers:
            raise _ApiError(400, ERR_QUERY_TOO_OLD)
        results = params.get("results")
        if not isinstance(results, list):
            raise _ApiError(400, "Bad Request: can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise _ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict):
                raise _ApiError(400, "Bad Request: can't parse InlineQueryResult JSON object")
            result_id = str(result.get("id", ""))
            if not 1 <= len(result_id.encode("utf-8")) <= MAX_INLINE_RESULT_ID_BYTES:
                raise _ApiError(400, "Bad Request: RESULT_ID_INVALID")
            if result_id in seen:
                raise _ApiError(400, "Bad Request: RESULT_ID_DUPLICATE")
            seen.add(result_id)
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._message_text(
                    {
                        "text": content.get("message_text"),
                        "parse_mode": content.get("parse_mode"),
                        "entities": content.get("entities"),
                    }
                )
            if "reply_markup" in result:
                self._reply_markup(result["reply_markup"], inline_only=True)
        button = params.get("button")
        self._inline_answers[query_id] = InlineAnswer(
            inline_query_id=query_id,
            results=results,
            cache_time=_int_param(params, "cache_time"),
            is_personal=_bool_param(params, "is_personal"),
            next_offset=params.get("next_offset"),
            button=button if isinstance(button, dict) else None,
        )
        return True

    @staticmethod
    def _commands_key(params: JSON) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _api_set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _ApiError(400, "Bad Request: can't parse commands JSON object")
        if len(commands) > 100:
            raise _ApiError(400, "Bad Request: too many commands")
        clean: list[JSON] = []
        for entry in commands:
            if not isinstance(entry, dict):
                raise _ApiError(400, "Bad Request: can't parse BotCommand JSON object")
            command = entry.get("command")
            description = entry.get("description")
            if not isinstance(command, str) or not _COMMAND_RE.match(command):
                raise _ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise _ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
            clean.append({"command": command, "description": description})
        self._commands[self._commands_key(params)] = clean
        return True

    def _api_get_my_commands(self, params: JSON) -> list[JSON]:
        return _copy(self._commands.get(self._commands_key(params), []))

    def _api_delete_my_commands(self, params: JSON) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    def _api_send_chat_action(self, params: JSON) -> bool:
        chat_id = self._chat_id(params)
        action = params.get("action")
        if action not in CHAT_ACTIONS:
            raise _ApiError(400, "Bad Request: wrong parameter action in request")
        self._chat_actions.append(ChatAction(chat_id, str(action)))
        return True

    # ------------------------------------------------------------------ validation helpers

    def _chat_id(self, params: JSON) -> int:
        value = params.get("chat_id")
        if value is None or value == "":
            raise _ApiError(400, "Bad Request: chat_id is empty")
        chat_id: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            chat_id = value
        elif isinstance(value, str):
            value = value.strip()
            if re.fullmatch(r"-?\d+", value):
                chat_id = int(value)
            elif value.startswith("@"):
                name = value[1:].lower()
                for known in self._chats.values():
                    if str(known.get("username", "")).lower() == name:
                        chat_id = int(known["id"])
        if chat_id is None or (self.require_known_chats and chat_id not in self._chats):
            raise _ApiError(400, ERR_CHAT_NOT_FOUND)
        return chat_id

    def _message_text(self, params: JSON) -> tuple[str, str, str | None, list[JSON]]:
        """Validate text + parse_mode like Telegram: (plain, as sent, parse_mode, entities)."""
        raw = params.get("text")
        if raw is None or raw == "":
            raise _ApiError(400, ERR_TEXT_EMPTY)
        source = raw if isinstance(raw, str) else json.dumps(raw)
        parse_mode = params.get("parse_mode") or None
        entities: list[JSON] = []
        if parse_mode is not None:
            mode = str(parse_mode).lower()
            if mode == "html":
                try:
                    text, entities = parse_html(source, strict=self.strict_html)
                except HtmlParseError as exc:
                    raise _ApiError(400, ERR_CANT_PARSE + str(exc)) from exc
            elif mode in ("markdown", "markdownv2"):
                text = source  # accepted but not validated by this fake
            else:
                raise _ApiError(400, "Bad Request: unsupported parse_mode")
        else:
            text = source
            given = params.get("entities")
            entities = [e for e in given if isinstance(e, dict)] if isinstance(given, list) else []
        text, entities = _trim(text, entities)
        if not text:
            raise _ApiError(400, ERR_TEXT_EMPTY)
        if utf16_len(text) > MAX_MESSAGE_LENGTH:
            raise _ApiError(400, ERR_TOO_LONG)
        return text, source, parse_mode, entities

    def _reply_markup(self, value: Any, *, inline_only: bool = False) -> JSON | None:
        """Validate reply_markup like Telegram; returns the parsed dict (None if absent)."""
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise _ApiError(
                    400, "Bad Request: can't parse reply keyboard markup JSON object"
                ) from None
        if not isinstance(value, dict):
            raise _ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in value:
            rows = value["inline_keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise _ApiError(
                    400,
                    'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup '
                    "must be an Array of Arrays",
                )
            for row in rows:
                for button in row:
                    _check_inline_button(button)
            return value
        if inline_only:
            raise _ApiError(400, "Bad Request: inline keyboard expected")
        if "keyboard" in value:
            rows = value["keyboard"]
            if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
                raise _ApiError(
                    400,
                    'Bad Request: field "keyboard" of the ReplyKeyboardMarkup '
                    "must be an Array of Arrays",
                )
            for row in rows:
                for button in row:
                    text = button.get("text") if isinstance(button, dict) else button
                    if not isinstance(text, str) or not text:
                        raise _ApiError(400, "Bad Request: can't parse keyboard button")
            return value
        if "remove_keyboard" in value or "force_reply" in value:
            return value
        raise _ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")

    def _reply_target(self, chat_id: int, params: JSON) -> StoredMessage | None:
        message_id = _int_param(params, "reply_to_message_id")
        allow_missing = _bool_param(params, "allow_sending_without_reply")
        reply_parameters = params.get("reply_parameters")
        if isinstance(reply_parameters, dict):
            message_id = _int_param(reply_parameters, "message_id")
            allow_missing = _bool_param(reply_parameters, "allow_sending_without_reply")
        if not message_id:
            return None
        target = self._messages.get(chat_id, {}).get(message_id)
        if target is None or target.deleted:
            if allow_missing:
                return None
            raise _ApiError(400, ERR_REPLY_NOT_FOUND)
        return target

    def _check_flood(self, chat_id: int) -> None:
        limit = self._flood_limit
        if not limit:
            return
        now = time.monotonic()
        window = self._flood_windows.setdefault(chat_id, deque())
        while window and now - window[0] >= 1.0:
            window.popleft()
        if len(window) >= limit:
            retry = max(1, math.ceil(1.0 - (now - window[0])))
            raise _ApiError(429, f"Too Many Requests: retry after {retry}", retry)
        window.append(now)

    # ------------------------------------------------------------------ message plumbing

    def _alloc_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _chat_object(self, chat_id: int) -> JSON:
        known = self._chats.get(chat_id)
        if known is not None:
            return dict(known)
        if chat_id > 0:
            user = self._users.get(chat_id, {})
            return {
                "id": chat_id,
                "type": "private",
                "first_name": user.get("first_name", f"User {chat_id}"),
            }
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"Chat {chat_id}"}

    def _message_dict(
        self,
        chat_id: int,
        message_id: int,
        sender: JSON,
        date: int,
        *,
        reply_to: StoredMessage | None = None,
        text: str | None = None,
    ) -> JSON:
        message: JSON = {
            "message_id": message_id,
            "from": dict(sender),
            "chat": self._chat_object(chat_id),
            "date": date,
        }
        if reply_to is not None:
            nested = _copy(reply_to.raw)
            nested.pop("reply_to_message", None)  # Telegram never nests replies deeper
            message["reply_to_message"] = nested
        if text is not None:
            message["text"] = text
        return message

    # ------------------------------------------------------------------ injecting user actions

    def _remember_user(
        self,
        user_id: int,
        first_name: str,
        username: str | None,
        last_name: str | None = None,
    ) -> JSON:
        user: JSON = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        user["language_code"] = "en"
        self._users[user_id] = user
        return user

    def _remember_chat(
        self, chat_id: int | None, chat_type: str, user: JSON, chat_title: str | None
    ) -> int:
        if chat_type == "private":
            resolved = user["id"] if chat_id is None else chat_id
            chat: JSON = {"id": resolved, "type": "private", "first_name": user["first_name"]}
            if "username" in user:
                chat["username"] = user["username"]
        elif chat_type in ("group", "supergroup"):
            default = self.DEFAULT_GROUP_ID if chat_type == "group" else self.DEFAULT_SUPERGROUP_ID
            resolved = default if chat_id is None else chat_id
            known_title = self._chats.get(resolved, {}).get("title")
            title = chat_title or known_title or "Newsbot test group"
            chat = {"id": resolved, "type": chat_type, "title": title}
        else:
            raise ValueError(f"unsupported chat_type {chat_type!r}")
        self._chats[resolved] = chat
        return int(resolved)

    def _inject_user_message(
        self,
        *,
        kind: str,
        content: JSON,
        text: str | None,
        chat_id: int | None,
        user_id: int,
        chat_type: str,
        first_name: str,
        username: str | None,
        chat_title: str | None,
        reply_to_message_id: int | None,
    ) -> JSON:
        with self._lock:
            user = self._remember_user(user_id, first_name, username)
            resolved = self._remember_chat(chat_id, chat_type, user, chat_title)
            reply_to = None
            if reply_to_message_id is not None:
                reply_to = self._messages.get(resolved, {}).get(reply_to_message_id)
                if reply_to is None or reply_to.deleted:
                    raise ValueError(
                        f"no message {reply_to_message_id} in chat {resolved} to reply to"
                    )
            message_id = self._alloc_message_id(resolved)
            date = int(time.time())
            raw = self._message_dict(resolved, message_id, user, date, reply_to=reply_to)
            raw.update(content)
            entities = list(content.get("entities") or content.get("caption_entities") or [])
            version = MessageVersion(text, None, None, entities, None, date)
            self._messages.setdefault(resolved, {})[message_id] = StoredMessage(
                chat_id=resolved,
                message_id=message_id,
                from_bot=False,
                kind=kind,
                text=text,
                html=None,
                parse_mode=None,
                entities=entities,
                reply_markup=None,
                reply_to_message_id=reply_to_message_id,
                date=date,
                history=(version,),
                raw=raw,
            )
            self._enqueue("message", raw)
        return _copy(raw)

    def _enqueue(self, key: str, payload: JSON) -> JSON:
        with self._lock:
            update = {"update_id": self._next_update_id, key: payload}
            self._next_update_id += 1
            self._pending.append(update)
            self._update_log.append(update)
        self._changed()
        return update

    def inject_message(
        self,
        text: str,
        *,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: Literal["private", "group", "supergroup"] = "private",
        first_name: str = "Alice",
        username: str | None = "alice",
        chat_title: str | None = None,
        reply_to_message_id: int | None = None,
        entities: list[JSON] | None = None,
    ) -> JSON:
        """A user sends ``text``; returns the Message dict (Telegram computes entities).

        ``chat_id`` defaults to ``user_id`` (private) or a default group id.  ``entities``
        overrides the computed bot_command/mention entities.
        """
        found = detect_entities(text) if entities is None else entities
        content: JSON = {"text": text}
        if found:
            content["entities"] = found
        return self._inject_user_message(
            kind="text",
            content=content,
            text=text,
            chat_id=chat_id,
            user_id=user_id,
            chat_type=chat_type,
            first_name=first_name,
            username=username,
            chat_title=chat_title,
            reply_to_message_id=reply_to_message_id,
        )

    def inject_non_text(
        self,
        kind: str = "sticker",
        *,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: Literal["private", "group", "supergroup"] = "private",
        first_name: str = "Alice",
        username: str | None = "alice",
        chat_title: str | None = None,
        caption: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """A user sends a non-text message (see NON_TEXT_KINDS); returns the Message dict."""
        if kind not in NON_TEXT_KINDS:
            raise ValueError(f"kind must be one of {sorted(NON_TEXT_KINDS)}")
        n = next(self._ids)
        content: JSON = {kind: _copy(NON_TEXT_KINDS[kind])}
        for item in content[kind] if isinstance(content[kind], list) else [content[kind]]:
            if "file_id" in item:
                item["file_id"] = f"{kind.upper()}-{n}-{item['file_id']}"
                item["file_unique_id"] = f"u{n}{item['file_unique_id']}"
        if caption is not None:
            content["caption"] = caption
            found = detect_entities(caption)
            if found:
                content["caption_entities"] = found
        return self._inject_user_message(
            kind=kind,
            content=content,
            text=None,
            chat_id=chat_id,
            user_id=user_id,
            chat_type=chat_type,
            first_name=first_name,
            username=username,
            chat_title=chat_title,
            reply_to_message_id=reply_to_message_id,
        )

    def inject_callback(
        self,
        chat_id: int,
        message_id: int,
        data: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        first_name: str = "Alice",
        username: str | None = "alice",
    ) -> JSON:
        """A user presses a button on a stored message; ``data`` may be forged.

        Returns the CallbackQuery dict; its ``id`` is fresh and answerable once.
        """
        with self._lock:
            stored = self._messages.get(chat_id, {}).get(message_id)
            if stored is None or stored.deleted:
                raise ValueError(f"no message {message_id} in chat {chat_id}")
            user = self._users.get(user_id) or self._remember_user(user_id, first_name, username)
            query_id = str(4_000_000_000_000_000 + next(self._ids))
            query: JSON = {
                "id": query_id,
                "from": dict(user),
                "message": _copy(stored.raw),
                "chat_instance": str((abs(chat_id) * 2654435761) % 10**18),
                "data": data,
            }
            self._callbacks[query_id] = query
            self._enqueue("callback_query", query)
        return _copy(query)

    def press_button(
        self, chat_id: int, message_id: int, button_text: str, *, user_id: int = DEFAULT_USER_ID
    ) -> JSON:
        """Press the callback button labelled ``button_text`` (must exist on the message)."""
        stored = self.message(chat_id, message_id)
        if stored is None:
            raise ValueError(f"no message {message_id} in chat {chat_id}")
        for button in stored.buttons:
            if button.get("text") == button_text and "callback_data" in button:
                return self.inject_callback(
                    chat_id, message_id, button["callback_data"], user_id=user_id
                )
        labels = [b.get("text") for b in stored.buttons]
        raise ValueError(f"no callback button {button_text!r} on the message; have {labels}")

    def inject_inline_query(
        self,
        query: str,
        *,
        user_id: int = DEFAULT_USER_ID,
        first_name: str = "Alice",
        username: str | None = "alice",
        offset: str = "",
        chat_type: str | None = "private",
    ) -> str:
        """A user types ``@bot query``; returns the inline query id."""
        with self._lock:
            user = self._users.get(user_id) or self._remember_user(user_id, first_name, username)
            query_id = str(5_000_000_000_000_000 + next(self._ids))
            inline: JSON = {"id": query_id, "from": dict(user), "query": query, "offset": offset}
            if chat_type is not None:
                inline["chat_type"] = chat_type
            self._inline_queries[query_id] = inline
            self._enqueue("inline_query", inline)
        return query_id

    def inject_raw_update(self, update: JSON) -> JSON:
        """Queue any update dict (one payload field); ``update_id`` is assigned or kept if higher.

        Callback and inline queries injected this way become answerable.
        """
        body = {key: value for key, value in update.items() if key != "update_id"}
        if len(body) != 1:
            raise ValueError("an update has exactly one field besides update_id")
        ((key, payload),) = _copy(body).items()
        with self._lock:
            given = update.get("update_id")
            if isinstance(given, int) and given > self._next_update_id:
                self._next_update_id = given
            if key == "callback_query" and isinstance(payload, dict) and "id" in payload:
                self._callbacks[str(payload["id"])] = payload
            if key == "inline_query" and isinstance(payload, dict) and "id" in payload:
                self._inline_queries[str(payload["id"])] = payload
            result = self._enqueue(key, payload)
        return _copy(result)

    # ------------------------------------------------------------------ queries (thread-safe)

    def requests(self, method: str | None = None) -> list[RequestRecord]:
        """Every request in arrival order (optionally one method, case-insensitive)."""
        wanted = None if method is None else (self._canonical(method) or method)
        with self._lock:
            return [r for r in self._requests if wanted is None or r.method == wanted]

    def messages(self, chat_id: int, *, include_deleted: bool = False) -> list[StoredMessage]:
        """All messages of a chat (users' and the bot's) by message_id."""
        with self._lock:
            chat = self._messages.get(chat_id, {})
            return [m for m in chat.values() if include_deleted or not m.deleted]

    def bot_messages(self, chat_id: int, *, include_deleted: bool = False) -> list[StoredMessage]:
        """The bot's messages in a chat, current state after edits."""
        return [m for m in self.messages(chat_id, include_deleted=include_deleted) if m.from_bot]

    def bot_texts(self, chat_id: int) -> list[str]:
        """Plain texts of the bot's current messages in a chat."""
        return [m.text or "" for m in self.bot_messages(chat_id)]

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """One stored message (even if deleted), or None."""
        with self._lock:
            return self._messages.get(chat_id, {}).get(message_id)

    def replies_to(self, message_id: int, chat_id: int | None = None) -> list[StoredMessage]:
        """Bot messages replying to ``message_id`` (all chats if ``chat_id`` is None).

        Why: more than one reply to a single user message means a duplicate delivery.
        """
        with self._lock:
            chats = [chat_id] if chat_id is not None else list(self._messages)
            return [
                m
                for c in chats
                for m in self._messages.get(c, {}).values()
                if m.from_bot and m.reply_to_message_id == message_id
            ]

    def duplicate_texts(self, chat_id: int) -> dict[str, int]:
        """Bot texts sent more than once in a chat, with their counts."""
        counts: dict[str, int] = {}
        for text in self.bot_texts(chat_id):
            counts[text] = counts.get(text, 0) + 1
        return {text: n for text, n in counts.items() if n > 1}

    def callback_answer(self, callback_id: str) -> CallbackAnswer | None:
        """The bot's answer to a callback query, if any."""
        with self._lock:
            return self._callback_answers.get(callback_id)

    def callback_answers(self) -> list[CallbackAnswer]:
        """All callback answers in order."""
        with self._lock:
            return list(self._callback_answers.values())

    def inline_answer(self, query_id: str) -> InlineAnswer | None:
        """The bot's answer to an inline query, if any."""
        with self._lock:
            return self._inline_answers.get(query_id)

    def inline_answers(self) -> list[InlineAnswer]:
        """All inline answers in order."""
        with self._lock:
            return list(self._inline_answers.values())

    def inline_edits(self) -> list[JSON]:
        """Params of edits addressed by inline_message_id (not tied to a stored message)."""
        with self._lock:
            return _copy(self._inline_edits)

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands set with setMyCommands for a scope (default scope if None)."""
        key = self._commands_key({"scope": scope, "language_code": language_code})
        with self._lock:
            return _copy(self._commands.get(key, []))

    def chat_actions(self, chat_id: int | None = None) -> list[ChatAction]:
        """sendChatAction calls, optionally for one chat."""
        with self._lock:
            return [a for a in self._chat_actions if chat_id is None or a.chat_id == chat_id]

    def updates(self) -> list[JSON]:
        """Every injected update, confirmed or not."""
        with self._lock:
            return _copy(self._update_log)

    def pending_updates(self) -> list[JSON]:
        """Updates the bot has not confirmed with a later offset yet."""
        with self._lock:
            return _copy(self._pending)

    def stats(self) -> FakeStats:
        """A snapshot of the counters."""
        with self._lock:
            by_method: dict[str, int] = {}
            for record in self._requests:
                by_method[record.method] = by_method.get(record.method, 0) + 1
            return FakeStats(
                requests_by_method=by_method,
                updates_injected=len(self._update_log),
                updates_served=len(self._served_ids),
                updates_delivered=self._delivered,
                updates_confirmed=self._confirmed,
                get_updates_calls=self._get_updates_calls,
                messages_sent_per_chat=dict(self._sent_per_chat),
                edits=self._edits,
                faults_applied=self._faults_applied,
            )


# --------------------------------------------------------------------------- module helpers


def _copy(value: T) -> T:
    """Deep copy of JSON-like data (cheaper than copy.deepcopy)."""
    result: T = json.loads(json.dumps(value))
    return result


def _int_param(params: JSON, name: str) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise _ApiError(400, f"Bad Request: invalid {name} specified")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise _ApiError(400, f"Bad Request: invalid {name} specified")


def _bool_param(params: JSON, name: str) -> bool:
    value = params.get(name)
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _check_inline_button(button: Any) -> None:
    """An inline button needs text and exactly one action; callback_data is 1-64 bytes."""
    prefix = "Bad Request: can't parse inline keyboard button: "
    if not isinstance(button, dict):
        raise _ApiError(400, prefix + "InlineKeyboardButton must be an Object")
    if not isinstance(button.get("text"), str):
        raise _ApiError(400, prefix + 'Field "text" must be of type String')
    actions = [key for key in _INLINE_BUTTON_ACTIONS if button.get(key) is not None]
    if not actions:
        raise _ApiError(400, prefix + "Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise _ApiError(
            400, prefix + f"exactly one of {', '.join(actions)} must be used (fake_telegram)"
        )
    if "callback_data" in actions:
        data = button["callback_data"]
        if not isinstance(data, str):
            raise _ApiError(400, ERR_BUTTON_DATA)
        if not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES:
            raise _ApiError(400, ERR_BUTTON_DATA)
    if "url" in actions:
        url = button["url"]
        if not isinstance(url, str) or not _BUTTON_URL_RE.match(url.strip()):
            raise _ApiError(400, ERR_BUTTON_URL)


# Minimal but PTB-parseable payloads for inject_non_text (file ids are made unique per call).
NON_TEXT_KINDS: dict[str, Any] = {
    "sticker": {
        "file_id": "sticker",
        "file_unique_id": "st",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "🙂",
    },
    "photo": [
        {"file_id": "photo-s", "file_unique_id": "ps", "width": 90, "height": 60},
        {"file_id": "photo-m", "file_unique_id": "pm", "width": 800, "height": 600},
    ],
    "document": {
        "file_id": "document",
        "file_unique_id": "dc",
        "file_name": "file.pdf",
        "mime_type": "application/pdf",
    },
    "voice": {"file_id": "voice", "file_unique_id": "vo", "duration": 3},
    "audio": {"file_id": "audio", "file_unique_id": "au", "duration": 30},
    "video": {
        "file_id": "video",
        "file_unique_id": "vi",
        "width": 640,
        "height": 360,
        "duration": 5,
    },
    "animation": {
        "file_id": "animation",
        "file_unique_id": "an",
        "width": 320,
        "height": 240,
        "duration": 2,
    },
    "video_note": {"file_id": "video_note", "file_unique_id": "vn", "length": 240, "duration": 4},
    "location": {"latitude": 52.52, "longitude": 13.405},
    "contact": {"phone_number": "+10000000000", "first_name": "Bob"},
    "dice": {"emoji": "🎲", "value": 4},
}
