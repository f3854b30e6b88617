"""python-telegram-bot callbacks: each turns an update into one core call and one reply."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from functools import partial, wraps
from html import escape
from typing import Any, TypeVar

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, TelegramError, TimedOut
from telegram.ext import ContextTypes

from bot.answering import Reply
from bot.config import Settings
from bot.delivery import deliver, split_message
from bot.engine import Engine, ReloadOutcome
from bot.knowledge import Entry
from bot.quoting import Quote
from bot.ratelimit import RateLimiter, Verdict
from bot.reloading import Reloader
from bot.replies import (
    LEFT_OPEN_OPENING,
    answer_html,
    quote_html,
    related,
    render_html,
    topics_html,
)
from bot.stats import collect, default_since, format_stats
from bot.store import Store
from bot.usage import Usage

log = logging.getLogger(__name__)
T = TypeVar("T")

PICK = "pick:"  # a "did you mean" choice: the pressed message becomes the answer
SHOW = "show:"  # an example or related question: answered in a new message
FEEDBACK = "fb:"  # "fb:+:<id>" / "fb:-:<id>": was the answer helpful?
INLINE_RESULTS = 5
INLINE_QUESTION_CHARS = 256  # Telegram's longest inline query
LEFT_OPEN_TITLE = "The article doesn't say that"
TOO_FAST = "You're sending questions faster than I can read them. Please wait a minute."
THANKS = "Thanks for your feedback!"
STALE = "Sorry, that choice is no longer available. Please ask your question again."
NOT_TEXT = "I can only read text. Type a question about the news, or /topics to see what I know."
UNKNOWN_COMMAND = "I don't know that command. Try /help."
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment."
HELP = (
    "Ask me a question about the news in your own words, for example "
    "<i>When was the launch ceremony?</i>\n\n"
    "/topics — the articles I know\n"
    "/ask <i>question</i> — ask in a group\n"
    "/help — this message\n\n"
    "In groups, mention me or reply to my message. In any chat, type my username and a "
    "question to share an answer."
)


@dataclass
class Deps:
    """What the callbacks share: the engine and the per-process state around it."""

    settings: Settings
    engine: Engine
    limiter: RateLimiter
    reloader: Reloader
    store: Store | None = None
    usage: Usage = field(default_factory=Usage)


def deps_of(context: ContextTypes.DEFAULT_TYPE) -> Deps:
    deps: Deps = context.bot_data["deps"]
    return deps


async def send_html(
    context: ContextTypes.DEFAULT_TYPE,
    message: Message,
    html: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Reply in the message's chat, split below Telegram's limit, buttons on the last part.

    The first part quotes the question, so in a busy chat each answer shows what it answers.
    """
    parts = split_message(html)
    for index, part in enumerate(parts):
        quote = (
            ReplyParameters(message.message_id, allow_sending_without_reply=True)
            if index == 0
            else None
        )
        send = partial(
            message.get_bot().send_message,
            message.chat_id,
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if index == len(parts) - 1 else None,
            reply_parameters=quote,
            link_preview_options=NO_PREVIEW,
        )
        await send_reliably(context, send)


async def send_reliably(context: ContextTypes.DEFAULT_TYPE, call: Callable[[], Awaitable[T]]) -> T:
    """Deliver a Bot API call with the configured number of retries."""
    return await deliver(call, retries=deps_of(context).settings.send_retries)


def choice_buttons(reply: Reply, prefix: str) -> InlineKeyboardMarkup | None:
    candidates = related(reply)
    if not candidates:
        return None
    rows = [
        [
            InlineKeyboardButton(
                _button_text(c.entry.main_question), callback_data=prefix + c.entry.id
            )
        ]
        for c in candidates
    ]
    return InlineKeyboardMarkup(rows)


def _button_text(question: str) -> str:
    return _clipped(question, 60)


def _clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def answer_text(message: Message, question: str, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one path from a question to a reply, shared by private chats, groups and /ask."""
    deps = deps_of(context)
    user = message.from_user
    verdict = deps.limiter.check(user.id if user else message.chat.id)
    if verdict is Verdict.DROP:
        return
    if verdict is Verdict.NOTIFY:
        await send_html(context, message, escape(TOO_FAST))
        return
    reply = deps.engine.ask(question)
    await record(deps, reply)
    if reply.status == "answer" and reply.entry is not None:
        markup: InlineKeyboardMarkup | None = feedback_buttons(reply.entry.id)
    else:
        markup = choice_buttons(reply, PICK if reply.status == "clarify" else SHOW)
    await send_html(context, message, render_html(reply, deps.engine.knowledge), markup)


async def record(deps: Deps, reply: Reply) -> None:
    """Count the outcome; committed before the reply goes out, so a kill loses nothing."""
    deps.usage.record(reply)
    if deps.store is not None:
        await asyncio.to_thread(deps.store.record, reply, "telegram")


def feedback_buttons(entry_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("👍 Helpful", callback_data=f"{FEEDBACK}+:{entry_id}"),
                InlineKeyboardButton("👎 Not helpful", callback_data=f"{FEEDBACK}-:{entry_id}"),
            ]
        ]
    )


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A question typed in a private chat."""
    message = update.effective_message
    if message is not None and message.text:
        await answer_text(message, message.text, context)


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group chatter is ignored unless it mentions the bot or replies to it."""
    message = update.effective_message
    if message is None or not message.text:
        return
    question = addressed_question(message, context.bot.username, context.bot.id)
    if question is not None:
        await answer_text(message, question, context)


def addressed_question(message: Message, username: str, bot_id: int) -> str | None:
    """The question if the message is meant for the bot, without the @mention; else None."""
    text = message.text or ""
    mention = f"@{username}".casefold()
    mentioned = False
    for entity, value in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]
    ).items():
        is_bot = (entity.type == MessageEntity.MENTION and value.casefold() == mention) or (
            entity.user is not None and entity.user.id == bot_id
        )
        if is_bot:
            mentioned = True
            text = text.replace(value, " ")
    replied = message.reply_to_message
    replying = (
        replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    )
    if not (mentioned or replying):
        return None
    return " ".join(text.split())


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask question — the explicit way to ask, in groups as anywhere."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or [])
    if not question:
        await send_html(
            context, message, "Ask me like this: <code>/ask When was the launch ceremony?</code>"
        )
        return
    await answer_text(message, question, context)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet, say what the bot knows, and offer a few example questions as buttons."""
    message = update.effective_message
    if message is None:
        return
    knowledge = deps_of(context).engine.knowledge
    examples = list(knowledge.live_entries)[:3]
    text = (
        "Hello! I answer questions about the news, with the facts and a link to the article.\n\n"
        f"I know these articles:\n{topics_html(knowledge.live_articles)}\n\n"
        "Ask me anything about them in your own words, or try one of these:"
    )
    buttons = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(_button_text(e.main_question), callback_data=SHOW + e.id)]
            for e in examples
        ]
    )
    await send_html(context, message, text, buttons if examples else None)


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help"""
    if update.effective_message is not None:
        await send_html(context, update.effective_message, HELP)


async def on_topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/topics — the articles, with titles, dates and links."""
    if update.effective_message is not None:
        articles = deps_of(context).engine.knowledge.live_articles
        await send_html(
            context, update.effective_message, "I know these articles:\n" + topics_html(articles)
        )


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in deps_of(context).settings.admin_ids


Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def admins_only(handler: Handler) -> Handler:
    """Anyone else gets the same answer as for any unknown command, and learns nothing."""

    @wraps(handler)
    async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message is None:
            return
        if not is_admin(update, context):
            await on_unknown_command(update, context)
            return
        await handler(update, context)

    return gate


@admins_only
async def on_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats: questions, rates, feedback and the most asked entries of the last 30 days."""
    message = update.effective_message
    assert message is not None  # checked by admins_only
    deps = deps_of(context)
    if deps.store is None:
        summary = deps.usage.summary()
    else:
        since = default_since(dt.datetime.now(dt.UTC).date())
        summary = format_stats(await asyncio.to_thread(collect, deps.store, since))
    await send_html(context, message, f"<pre>{escape(summary)}</pre>")


@admins_only
async def on_reload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reload: re-read the knowledge now."""
    message = update.effective_message
    assert message is not None  # checked by admins_only
    outcome = await asyncio.to_thread(deps_of(context).reloader.reload, "/reload")
    await send_html(context, message, reload_html(outcome))


def reload_html(outcome: ReloadOutcome) -> str:
    """What admins read about a reload: the change, or the check lines that refused it."""
    if outcome.status == "refused":
        lines = "\n".join(p.format() for p in outcome.problems)
        return f"Reload refused; still serving the previous knowledge.\n<pre>{escape(lines)}</pre>"
    if outcome.status == "unchanged":
        return "The knowledge has not changed."
    return f"Reloaded: {escape(outcome.summary)}"


async def alert_admins(bot: Bot, deps: Deps, outcome: ReloadOutcome) -> None:
    """Tell every admin that edited knowledge was refused, with the lines to fix."""
    for admin in sorted(deps.settings.admin_ids):
        for part in split_message(reload_html(outcome)):
            send = partial(bot.send_message, admin, part, parse_mode=ParseMode.HTML)
            try:
                await deliver(send, retries=deps.settings.send_retries)
            except TelegramError:  # e.g. the admin never started a chat with the bot
                log.warning("could not tell admin %s about the refused reload", admin)
                break


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Unknown commands (and admin ones from non-admins) get the same short hint."""
    message = update.effective_message
    if message is None:
        return
    if message.chat.type == ChatType.PRIVATE or _addressed_command(message, context.bot.username):
        await send_html(context, message, UNKNOWN_COMMAND)


def _addressed_command(message: Message, username: str) -> bool:
    first = (message.text or "").split(maxsplit=1)[0] if message.text else ""
    return first.casefold().endswith(f"@{username}".casefold())


async def on_non_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stickers, photos and the like: a hint in private chats (groups filter them out)."""
    if update.effective_message is not None:
        await send_html(context, update.effective_message, escape(NOT_TEXT))


def _offered(query: CallbackQuery) -> bool:
    """Whether the pressed data is on the message's buttons (forged payloads are not)."""
    message = query.message
    if not isinstance(message, Message):  # too old for Telegram to show us: cannot check
        return True
    markup = message.reply_markup
    offered = {b.callback_data for row in markup.inline_keyboard for b in row} if markup else set()
    return query.data in offered


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed button: always acknowledged; forged or stale data gets a polite notice."""
    query = update.callback_query
    if query is None:
        return
    data = query.data or ""
    deps = deps_of(context)
    if data.startswith(FEEDBACK) and _offered(query):
        await on_feedback(query, data[len(FEEDBACK) :], context)
        return
    prefix = PICK if data.startswith(PICK) else SHOW if data.startswith(SHOW) else None
    reply = deps.engine.choose(data[len(prefix) :]) if prefix and _offered(query) else None
    if reply is None or reply.entry is None:
        await send_reliably(context, partial(query.answer, STALE))
        return
    await send_reliably(context, query.answer)
    await record(deps, reply)
    html = answer_html(reply.entry)
    buttons = feedback_buttons(reply.entry.id)
    message = query.message
    if prefix == PICK and isinstance(message, Message):
        edit = partial(
            message.edit_text,
            html,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=buttons,
        )
        await _ignoring_not_modified(send_reliably(context, edit))
    elif isinstance(message, Message):
        await send_html(context, message, html, buttons)
    elif query.from_user is not None:  # the button's message is too old to see: write anew
        user_id = query.from_user.id
        send = partial(
            context.bot.send_message,
            user_id,
            html,
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
            reply_markup=buttons,
        )
        await send_reliably(context, send)


async def on_feedback(query: CallbackQuery, vote: str, context: ContextTypes.DEFAULT_TYPE) -> None:
    """👍/👎 under an answer: stored (no user data), thanked, and the buttons removed."""
    deps = deps_of(context)
    sign, _, entry_id = vote.partition(":")
    if sign not in ("+", "-") or deps.engine.knowledge.entry(entry_id) is None:
        await send_reliably(context, partial(query.answer, STALE))
        return
    if deps.store is not None:
        await asyncio.to_thread(deps.store.record_feedback, entry_id, sign == "+")
    await send_reliably(context, partial(query.answer, THANKS))
    if isinstance(query.message, Message):  # one vote per answer
        remove = partial(query.message.edit_reply_markup, reply_markup=None)
        await _ignoring_not_modified(send_reliably(context, remove))


async def _ignoring_not_modified(call: Awaitable[object]) -> None:
    """A second press of the same button finds the message already as it should be."""
    try:
        await call
    except BadRequest as error:
        if "not modified" not in error.message.lower():
            raise


async def on_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """@bot question in any chat: the best answers, ready to share."""
    query = update.inline_query
    if query is None:
        return
    deps = deps_of(context)
    engine = deps.engine
    text = query.query.strip()
    if text:
        reply = engine.ask(text)
        entries = [c.entry for c in reply.candidates if c.score >= deps.settings.thresholds.clarify]
        if reply.entry is not None:
            entries = [reply.entry] + [e for e in entries if e.id != reply.entry.id]
    else:
        reply, entries = None, list(engine.knowledge.live_entries)
    results = [quote_result(reply.quote)] if reply is not None and reply.quote else []
    if reply is not None and reply.left_open is not None:  # its fact only with that said first
        results = [left_open_result(reply.question, reply.left_open)]
        entries = [e for e in entries if e.id != reply.left_open.id]
    results += [
        InlineQueryResultArticle(
            id=entry.id,
            title=entry.main_question,
            description=entry.answer[:100],
            input_message_content=InputTextMessageContent(
                answer_html(entry), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
            ),
        )
        for entry in entries[: INLINE_RESULTS - len(results)]
    ]
    await send_reliably(context, partial(query.answer, results, cache_time=30, is_personal=False))


def left_open_result(question: str, entry: Entry) -> InlineQueryResultArticle:
    """The nearest fact to a question the article leaves open, saying so first. Shared in a
    chat, the message is read without the question typed to the bot, so it carries it."""
    asked = escape(_clipped(question, INLINE_QUESTION_CHARS), quote=False)
    return InlineQueryResultArticle(
        id=f"open:{entry.id}",  # within the 64 bytes: ids leave room for a button prefix
        title=LEFT_OPEN_TITLE,
        description=f"What it does say: {entry.answer}"[:100],
        input_message_content=InputTextMessageContent(
            f"❓ <i>{asked}</i>\n" + answer_html(entry, LEFT_OPEN_OPENING),
            parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW,
        ),
    )


def quote_result(quote: Quote) -> InlineQueryResultArticle:
    """An inline result quoting the article; its id names the sentence, within Telegram's 64."""
    passage = quote.passage
    digest = hashlib.sha256(passage.article.url.encode()).hexdigest()[:16]
    return InlineQueryResultArticle(
        id=f"quote-{digest}-{passage.number}",
        title=f"From the article: {passage.article.title}",
        description=passage.sentence[:100],
        input_message_content=InputTextMessageContent(
            quote_html(quote), parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW
        ),
    )


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure (the token is redacted by the log filter) and apologise to the user."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(context.error, TimedOut):
        return  # the reply may well have arrived; an apology would invite a repeat question
    if isinstance(update, Update) and update.effective_chat is not None:
        chat = update.effective_chat
        if chat.type == ChatType.PRIVATE or update.callback_query is not None:
            try:
                await context.bot.send_message(chat.id, APOLOGY)
            except Exception:  # the apology itself failed: nothing more to do but log it
                log.warning("could not send the apology", exc_info=True)
