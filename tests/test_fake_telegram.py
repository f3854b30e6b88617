"""Tests of the fake Bot API server, driven by the real python-telegram-bot client.

Why: every bot test trusts this fake, so it must answer PTB exactly as Telegram would.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import json
import threading
import time
import urllib.request
from collections.abc import AsyncIterator, Awaitable

import aiohttp
import pytest
import telegram
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MessageEntity,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from tests.fake_telegram import (
    NON_TEXT_KINDS,
    FakeTelegram,
    Fault,
    HtmlParseError,
    parse_html,
    utf16_len,
)

CHAT = 777


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(tg.token, base_url=tg.base_url) as client:
        yield client


def keyboard(*, callback_data: str | None = None, url: str | None = None) -> InlineKeyboardMarkup:
    """A one-button inline keyboard labelled "Press"."""
    button = InlineKeyboardButton("Press", callback_data=callback_data, url=url)
    return InlineKeyboardMarkup([[button]])


async def bad_request(call: Awaitable[object]) -> str:
    """Await ``call``, expect BadRequest and return its message lower-cased.

    PTB strips "Bad Request: " and capitalises the rest, so compare lower-case.
    """
    with pytest.raises(BadRequest) as caught:
        await call
    return caught.value.message.lower()


# --------------------------------------------------------------------------- basics


async def test_get_me_returns_the_configured_bot(tg: FakeTelegram, bot: telegram.Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (tg.bot_id, tg.username, True)
    assert tg.base_url == f"{tg.url}/bot"
    assert tg.url.startswith("http://127.0.0.1:")


async def test_wrong_token_is_rejected_as_invalid_token(tg: FakeTelegram) -> None:
    with pytest.raises(InvalidToken):
        async with telegram.Bot("999:wrong", base_url=tg.base_url):
            pass
    assert [(r.method, r.status) for r in tg.requests()] == [("getMe", 401)]


async def test_unknown_method_is_not_found(tg: FakeTelegram, bot: telegram.Bot) -> None:
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")
    assert tg.requests()[-1].status == 404


async def test_raw_http_accepts_any_method_case_json_bodies_and_query_strings(
    tg: FakeTelegram,
) -> None:
    api = f"{tg.base_url}{tg.token}"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{api}/SENDMESSAGE", json={"chat_id": CHAT, "text": "json"}) as r:
            assert (r.status, (await r.json())["result"]["text"]) == (200, "json")
        async with http.get(f"{api}/sendmessage", params={"chat_id": CHAT, "text": "q"}) as r:
            assert r.status == 200
        async with http.post(f"{api}/nope") as r:
            body = await r.json()
            assert (r.status, body) == (
                404,
                {"ok": False, "error_code": 404, "description": "Not Found"},
            )
        async with http.post(f"{tg.base_url}0:bad/getMe") as r:
            body = await r.json()
            assert (r.status, body["description"]) == (401, "Unauthorized")
    assert tg.bot_texts(CHAT) == ["json", "q"]
    assert [r.method for r in tg.requests()][:2] == ["sendMessage", "sendMessage"]


# --------------------------------------------------------------------------- HTML


async def test_valid_html_is_stored_as_plain_text_with_entities(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    html = (
        '<b>Breaking</b> &amp; <i>news</i>: <a href="https://ex.com/?a=1&amp;b=2">read</a> '
        "<code>x&lt;y</code> &#128512;&#x21;"
    )
    sent = await bot.send_message(CHAT, html, parse_mode="HTML")
    assert sent.text == "Breaking & news: read x<y 😀!"
    assert {(e.type, v) for e, v in sent.parse_entities().items()} == {
        (MessageEntity.BOLD, "Breaking"),
        (MessageEntity.ITALIC, "news"),
        (MessageEntity.TEXT_LINK, "read"),
        (MessageEntity.CODE, "x<y"),
    }
    [stored] = tg.bot_messages(CHAT)
    assert (stored.text, stored.html, stored.parse_mode) == (sent.text, html, "HTML")
    assert (stored.message_id, stored.edit_count) == (sent.message_id, 0)


async def test_every_supported_html_tag_becomes_its_entity(bot: telegram.Bot) -> None:
    html = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s>"
        "<strike>k</strike><del>d</del><tg-spoiler>p</tg-spoiler>"
        '<span class="tg-spoiler">q</span><a href="http://x.org">a</a>'
        '<pre><code class="language-python">py</code></pre><pre>pre</pre>'
        "<blockquote>bq</blockquote><blockquote expandable>ex</blockquote>"
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    sent = await bot.send_message(CHAT, html, parse_mode="HTML")
    types = [e.type for e in sent.entities]
    for expected in (
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "text_link",
        "pre",
        "blockquote",
        "expandable_blockquote",
        "custom_emoji",
    ):
        assert expected in types
    assert [e.language for e in sent.entities if e.type == "pre"] == ["python", None]


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<b>x", 'can\'t find end tag corresponding to start tag "b"'),
        ("a < b", 'unsupported start tag "" at byte offset 2'),
        ("<script>alert(1)</script>", 'unsupported start tag "script" at byte offset 0'),
        ("é <x>", 'unsupported start tag "x" at byte offset 3'),  # UTF-8 byte offsets
        ("Tom & Jerry", 'unescaped "&" at byte offset 4'),
        ("&nbsp;", 'unescaped "&" at byte offset 0'),
        ("<b>x</i>", 'unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "unexpected end tag at byte offset 1"),
        ('<span class="x">y</span>', 'tag "span" must have class "tg-spoiler"'),
        ("<b", "unclosed start tag at byte offset 0"),
        ('<tg-emoji emoji-id="abc">🙂</tg-emoji>', "invalid custom emoji identifier"),
    ],
)
async def test_invalid_html_is_rejected_like_telegram(
    tg: FakeTelegram, bot: telegram.Bot, html: str, error: str
) -> None:
    message = await bad_request(bot.send_message(CHAT, html, parse_mode="HTML"))
    assert message.startswith("can't parse entities: ")
    assert error.lower() in message
    assert tg.bot_messages(CHAT) == []
    assert tg.requests("sendMessage")[-1].status == 400


def test_bare_ampersand_is_literal_only_when_strict_html_is_off() -> None:
    assert parse_html("Tom & Jerry &nbsp; &lt", strict=False) == ("Tom & Jerry &nbsp; <", [])
    with pytest.raises(HtmlParseError):
        parse_html("&lt", strict=True)  # strict mode also wants the ';'


@pytest.mark.parametrize("html", ["<b></b>", "   ", "<i> </i>\n"])
async def test_text_empty_after_parsing_is_rejected(bot: telegram.Bot, html: str) -> None:
    assert await bad_request(bot.send_message(CHAT, html, parse_mode="HTML")) == (
        "message text is empty"
    )


async def test_length_limit_is_4096_utf16_units_after_parsing(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    for ok in ("<b>" + "a" * 4096 + "</b>", "&amp;" * 4096, "😀" * 2048):
        await bot.send_message(CHAT, ok, parse_mode="HTML")
    for too_long in ("a" * 4097, "😀" * 2048 + "a"):
        message = await bad_request(bot.send_message(CHAT, too_long, parse_mode="HTML"))
        assert message == "message is too long"
    assert [utf16_len(t) for t in tg.bot_texts(CHAT)] == [4096, 4096, 4096]


# --------------------------------------------------------------------------- keyboards


async def test_callback_data_must_be_1_to_64_bytes(tg: FakeTelegram, bot: telegram.Bot) -> None:
    await bot.send_message(CHAT, "ok", reply_markup=keyboard(callback_data="x" * 64))
    for data in ("x" * 65, "é" * 33, ""):
        message = await bad_request(
            bot.send_message(CHAT, "no", reply_markup=keyboard(callback_data=data))
        )
        assert message == "button_data_invalid"
    [stored] = tg.bot_messages(CHAT)
    assert stored.buttons == [{"text": "Press", "callback_data": "x" * 64}]


async def test_inline_buttons_need_exactly_one_valid_action(bot: telegram.Bot) -> None:
    bad_url = keyboard(url="javascript:alert(1)")
    assert await bad_request(bot.send_message(CHAT, "x", reply_markup=bad_url)) == (
        "button_url_invalid"
    )
    both = keyboard(url="https://ex.com", callback_data="x")
    assert "exactly one" in await bad_request(bot.send_message(CHAT, "x", reply_markup=both))
    bare = InlineKeyboardMarkup([[InlineKeyboardButton("no action")]])
    assert "text buttons are unallowed" in await bad_request(
        bot.send_message(CHAT, "x", reply_markup=bare)
    )
    await bot.send_message(CHAT, "x", reply_markup=keyboard(url="tg://resolve?domain=x"))


# --------------------------------------------------------------------------- edits and replies


async def test_edits_keep_history_and_reject_unknown_or_identical_edits(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    sent = await bot.send_message(
        CHAT, "<b>v1</b>", parse_mode="HTML", reply_markup=keyboard(callback_data="a")
    )
    edited = await bot.edit_message_text("v2", CHAT, sent.message_id)
    assert isinstance(edited, telegram.Message)
    assert edited.edit_date is not None
    [stored] = tg.bot_messages(CHAT)
    assert [v.text for v in stored.history] == ["v1", "v2"]
    assert stored.edit_count == 1
    assert stored.reply_markup is None  # an edit without reply_markup removes the keyboard
    same = await bad_request(bot.edit_message_text("v2", CHAT, sent.message_id))
    assert same.startswith("message is not modified")
    missing = await bad_request(bot.edit_message_text("v3", CHAT, 999))
    assert missing == "message to edit not found"
    assert await bot.delete_message(CHAT, sent.message_id)
    assert tg.bot_messages(CHAT) == []
    gone = await bad_request(bot.edit_message_text("v3", CHAT, sent.message_id))
    assert gone == "message to edit not found"


async def test_replies_record_their_target_and_unknown_targets_are_rejected(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    question = tg.inject_message("what's new?", chat_id=CHAT, user_id=CHAT)
    answer = await bot.send_message(CHAT, "this", reply_to_message_id=question["message_id"])
    assert answer.message_id == question["message_id"] + 1  # ids shared by user and bot
    assert answer.reply_to_message is not None
    assert answer.reply_to_message.text == "what's new?"
    assert [m.text for m in tg.replies_to(question["message_id"], CHAT)] == ["this"]
    missing = await bad_request(bot.send_message(CHAT, "x", reply_to_message_id=999))
    assert missing == "message to be replied not found"


# --------------------------------------------------------------------------- callbacks, inline


async def test_callback_query_reaches_ptb_and_can_be_answered_once(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    sent = await bot.send_message(CHAT, "pick", reply_markup=keyboard(callback_data="pick:1"))
    tg.press_button(CHAT, sent.message_id, "Press")
    forged = tg.inject_callback(CHAT, sent.message_id, "never-on-a-button")
    updates = await bot.get_updates()
    queries = [u.callback_query for u in updates if u.callback_query]
    assert [q.data for q in queries] == ["pick:1", "never-on-a-button"]
    message = queries[0].message
    assert isinstance(message, telegram.Message)
    assert message.reply_markup is not None
    assert message.from_user is not None
    assert message.from_user.id == tg.bot_id
    assert queries[0].chat_instance
    assert queries[0].id != forged["id"]

    assert await bot.answer_callback_query(queries[0].id, "Done", show_alert=True)
    answer = await tg.wait_for_callback_answer(queries[0].id)
    assert (answer.text, answer.show_alert) == ("Done", True)
    again = await bad_request(bot.answer_callback_query(queries[0].id))
    assert again.startswith("query is too old")
    unknown = await bad_request(bot.answer_callback_query("12345"))
    assert unknown.startswith("query is too old")


async def test_inline_answers_are_validated_and_stored(tg: FakeTelegram, bot: telegram.Bot) -> None:
    def article(result_id: str, text: str = "<b>hit</b>") -> InlineQueryResultArticle:
        content = InputTextMessageContent(text, parse_mode="HTML")
        return InlineQueryResultArticle(result_id, "title", content)

    query_id = tg.inject_inline_query("news")
    assert await bot.answer_inline_query(query_id, [article("1"), article("2")])
    answer = await tg.wait_for_inline_answer(query_id)
    assert [r["id"] for r in answer.results] == ["1", "2"]

    cases = [
        ([article(str(n)) for n in range(51)], "results_too_much"),
        ([article("1"), article("1")], "result_id_duplicate"),
        ([article("x" * 65)], "result_id_invalid"),
        ([article("1", "<b>oops")], "can't parse entities"),
    ]
    for results, error in cases:
        assert error in await bad_request(
            bot.answer_inline_query(tg.inject_inline_query("q"), results)
        )
    unknown = await bad_request(bot.answer_inline_query("42", [article("1")]))
    assert unknown.startswith("query is too old")


async def test_commands_can_be_set_read_and_deleted(tg: FakeTelegram, bot: telegram.Bot) -> None:
    assert await bot.set_my_commands([("start", "Start"), ("help", "Help")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    assert [c["command"] for c in tg.commands()] == ["start", "help"]
    assert "bot_command_invalid" in await bad_request(bot.set_my_commands([("Bad-Cmd", "x")]))
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


async def test_chat_actions_are_recorded_and_validated(tg: FakeTelegram, bot: telegram.Bot) -> None:
    assert await bot.send_chat_action(CHAT, "typing")
    assert [a.action for a in tg.chat_actions(CHAT)] == ["typing"]
    assert "wrong parameter action" in await bad_request(bot.send_chat_action(CHAT, "dancing"))


# --------------------------------------------------------------------------- faults


@pytest.mark.parametrize(("code", "text"), [(500, "Internal Server Error"), (502, "Bad Gateway")])
async def test_injected_server_error_raises_network_error_and_sends_nothing(
    tg: FakeTelegram, bot: telegram.Bot, code: int, text: str
) -> None:
    tg.fail_next("sendMessage", kind=Fault.status(code))
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(CHAT, "lost")
    assert type(caught.value) is NetworkError  # not its subclass BadRequest
    assert text in caught.value.message
    assert tg.bot_messages(CHAT) == []
    await bot.send_message(CHAT, "fault used up")
    assert tg.bot_texts(CHAT) == ["fault used up"]
    assert [r.status for r in tg.requests("sendMessage")] == [code, 200]


async def test_injected_429_raises_retry_after_with_its_seconds(
    tg: FakeTelegram, bot: telegram.Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # int retry_after is deprecated in PTB 22
    tg.fail_next("sendmessage", kind=Fault.retry_after(1))
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(CHAT, "later")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    assert tg.requests()[-1].description == "Too Many Requests: retry after 1"
    assert tg.bot_messages(CHAT) == []


async def test_drop_closes_the_connection_before_anything_is_delivered(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    tg.fail_next("sendMessage", kind=Fault.drop())
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(CHAT, "dropped")
    assert not isinstance(caught.value, BadRequest | TimedOut)
    assert tg.bot_messages(CHAT) == []
    record = tg.requests("sendMessage")[-1]
    assert (record.status, record.fault, record.params["text"]) == (0, "drop", "dropped")


async def test_hang_times_out_the_client_although_the_message_was_delivered(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    tg.fail_next("sendMessage", kind=Fault.hang(5))
    started = time.monotonic()
    with pytest.raises(TimedOut):
        await bot.send_message(CHAT, "went through", read_timeout=0.2)
    assert time.monotonic() - started < 1.5
    assert tg.bot_texts(CHAT) == ["went through"]
    assert tg.requests("sendMessage")[-1].fault == "hang(5)"


async def test_delay_and_latency_answer_late_but_successfully(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    tg.latency = 0.1
    tg.fail_next("sendMessage", kind=Fault.delay(0.2))
    started = time.monotonic()
    await bot.send_message(CHAT, "slow")
    assert time.monotonic() - started >= 0.3
    assert tg.bot_texts(CHAT) == ["slow"]


async def test_flood_limit_answers_429_per_chat(
    tg: FakeTelegram, bot: telegram.Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # else PTB's RetryAfter() itself warns
    tg.flood_limit(per_chat_per_second=2)
    await bot.send_message(CHAT, "1")
    await bot.send_message(CHAT, "2")
    with pytest.raises(RetryAfter):
        await bot.send_message(CHAT, "3")
    await bot.send_message(CHAT + 1, "other chat is fine")
    assert tg.stats().messages_sent_per_chat == {CHAT: 2, CHAT + 1: 1}


# --------------------------------------------------------------------------- updates


async def test_long_polling_returns_an_injected_message_with_parsed_entities(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await tg.wait_until_polled()
    text = "🙂 /start@newsbot_test_bot ask @some_user a/b e@mail.com /help"
    injected = tg.inject_message(text, chat_id=CHAT, user_id=CHAT)
    started = time.monotonic()
    [update] = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 1  # woken by the injection, not by the timeout
    assert update.message is not None
    assert update.message.message_id == injected["message_id"]
    parsed = {(e.type, v) for e, v in update.message.parse_entities().items()}
    assert parsed == {
        (MessageEntity.BOT_COMMAND, "/start@newsbot_test_bot"),
        (MessageEntity.MENTION, "@some_user"),
        (MessageEntity.BOT_COMMAND, "/help"),
    }
    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == ()
    assert tg.pending_updates() == []
    stats = tg.stats()
    assert (stats.updates_served, stats.updates_confirmed) == (1, 1)


async def test_empty_long_poll_returns_after_its_timeout(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=dtm.timedelta(seconds=0.3)) == ()
    assert 0.25 <= time.monotonic() - started < 1.5


async def test_a_second_poller_terminates_the_first_with_conflict(tg: FakeTelegram) -> None:
    async with (
        telegram.Bot(tg.token, base_url=tg.base_url) as first,
        telegram.Bot(tg.token, base_url=tg.base_url) as second,
    ):
        poll = asyncio.create_task(first.get_updates(timeout=10))
        await tg.wait_until_polled()
        assert await second.get_updates(timeout=0) == ()
        with pytest.raises(Conflict):
            await poll


async def test_allowed_updates_webhook_and_drop_pending_updates_act_like_telegram(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    tg.inject_message("dropped", chat_id=CHAT, user_id=CHAT)
    assert await bot.delete_webhook(drop_pending_updates=True)
    assert tg.pending_updates() == []
    sent = await bot.send_message(CHAT, "menu", reply_markup=keyboard(callback_data="m"))
    tg.inject_message("filtered out", chat_id=CHAT, user_id=CHAT)
    tg.press_button(CHAT, sent.message_id, "Press")
    [update] = await bot.get_updates(allowed_updates=["callback_query"])
    assert update.callback_query is not None
    assert await bot.set_webhook("https://example.invalid/hook")
    with pytest.raises(Conflict):
        await bot.get_updates()


async def test_group_reply_to_a_bot_message_carries_the_bot_as_sender(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    group = FakeTelegram.DEFAULT_SUPERGROUP_ID
    tg.inject_message("hello", chat_type="supergroup", chat_title="Readers")
    sent = await bot.send_message(group, "hi all")
    tg.inject_message("thanks", chat_type="supergroup", reply_to_message_id=sent.message_id)
    updates = await bot.get_updates()
    reply = updates[-1].message
    assert reply is not None
    assert (reply.chat.title, reply.chat.type) == ("Readers", "supergroup")
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.from_user is not None
    assert reply.reply_to_message.from_user.id == tg.bot_id
    assert [m.message_id for m in tg.messages(group)] == [1, 2, 3]


async def test_non_text_messages_parse_in_ptb(tg: FakeTelegram, bot: telegram.Bot) -> None:
    for kind in NON_TEXT_KINDS:
        tg.inject_non_text(kind, chat_id=CHAT, user_id=CHAT)
    tg.inject_raw_update({"edited_message": tg.inject_message("x", chat_id=CHAT, user_id=CHAT)})
    updates = await bot.get_updates()
    messages = [u.message for u in updates[: len(NON_TEXT_KINDS)]]
    for kind, message in zip(NON_TEXT_KINDS, messages, strict=True):
        assert message is not None
        assert getattr(message, kind), kind
    assert updates[-1].edited_message is not None
    assert [u.update_id for u in updates] == sorted({u.update_id for u in updates})


async def test_application_echo_bot_round_trip(tg: FakeTelegram) -> None:
    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        assert update.message.text is not None
        await update.message.reply_text(f"echo: {update.message.text}")

    app = Application.builder().token(tg.token).base_url(tg.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(timeout=5, poll_interval=0)
        tg.inject_message("ping <b>&", chat_id=CHAT, user_id=CHAT)
        [reply] = await tg.wait_for_messages(CHAT, 1)
        assert (reply.text, reply.parse_mode) == ("echo: ping <b>&", None)
        await app.updater.stop()
        await app.stop()
    assert tg.pending_updates() == []  # the final getUpdates confirmed the message
    assert tg.stats().updates_served == 1


# --------------------------------------------------------------------------- waiting and threads


async def test_wait_for_times_out_with_the_latest_requests(
    tg: FakeTelegram, bot: telegram.Bot
) -> None:
    await bot.send_message(CHAT, "only one")
    with pytest.raises(TimeoutError, match="sendMessage"):
        await tg.wait_for_messages(CHAT, 2, timeout=0.1)


def test_in_thread_server_serves_plain_threads() -> None:
    with FakeTelegram.in_thread() as tg:
        api = f"{tg.base_url}{tg.token}"
        with urllib.request.urlopen(f"{api}/getMe", timeout=5) as response:
            assert json.load(response)["result"]["username"] == tg.username

        def send_later() -> None:
            data = json.dumps({"chat_id": CHAT, "text": "from a thread"}).encode()
            request = urllib.request.Request(
                f"{api}/sendMessage", data, {"Content-Type": "application/json"}
            )
            urllib.request.urlopen(request, timeout=5).close()

        sender = threading.Thread(target=send_later)
        sender.start()
        [message] = tg.wait_for_sync(lambda: tg.bot_messages(CHAT), timeout=5)
        sender.join()
        assert message.text == "from a thread"


async def test_in_thread_server_can_be_awaited_from_another_loop() -> None:
    with FakeTelegram.in_thread() as tg:
        async with telegram.Bot(tg.token, base_url=tg.base_url) as bot:
            tg.inject_message("hi", chat_id=CHAT, user_id=CHAT)
            [update] = await bot.get_updates()
            assert update.message is not None
            waiter = asyncio.create_task(tg.wait_for_messages(CHAT, 1))
            await asyncio.sleep(0)  # a yield, not a wait: the waiter parks before the send
            assert not waiter.done()
            await update.message.reply_text("hello back")
            [reply] = await asyncio.wait_for(waiter, 2)
            assert reply.text == "hello back"
