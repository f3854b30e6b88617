"""Wires the handlers into a python-telegram-bot Application; all wiring lives here."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import handlers
from bot.config import Settings
from bot.engine import Engine
from bot.handlers import Deps
from bot.ratelimit import RateLimiter
from bot.reloading import Reloader
from bot.store import Store

log = logging.getLogger(__name__)
COMMANDS = [
    BotCommand("start", "what I know, with example questions"),
    BotCommand("ask", "ask a question (in groups)"),
    BotCommand("topics", "the articles I can answer about"),
    BotCommand("help", "how to ask"),
]
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]


async def _post_init(application: Application) -> None:  # type: ignore[type-arg]
    """Register the command menu, watch the knowledge folder, and reload on SIGHUP."""
    await application.bot.set_my_commands(COMMANDS)
    deps: Deps = application.bot_data["deps"]
    loop = asyncio.get_running_loop()
    application.bot_data["watcher"] = loop.create_task(_watch_knowledge(application, deps))
    with contextlib.suppress(NotImplementedError, RuntimeError):  # no signals off Unix
        loop.add_signal_handler(
            signal.SIGHUP, lambda: application.create_task(_reload(application, deps, "SIGHUP"))
        )


async def _post_shutdown(application: Application) -> None:  # type: ignore[type-arg]
    watcher = application.bot_data.pop("watcher", None)
    if watcher is not None:
        watcher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await watcher
    with contextlib.suppress(NotImplementedError, RuntimeError):
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)


async def _watch_knowledge(application: Application, deps: Deps) -> None:  # type: ignore[type-arg]
    """Poll the knowledge folder; parsing runs in a thread so answering never waits on it."""
    while True:
        await asyncio.sleep(deps.settings.reload_interval)
        try:
            outcome = await asyncio.to_thread(deps.reloader.poll)
        except Exception:  # a watcher that dies would silently stop live reloads
            log.exception("knowledge watch failed; will try again")
            continue
        if outcome is not None and deps.reloader.alert_due:
            await handlers.alert_admins(application.bot, deps, outcome)


async def _reload(application: Application, deps: Deps, why: str) -> None:  # type: ignore[type-arg]
    outcome = await asyncio.to_thread(deps.reloader.reload, why)
    if deps.reloader.alert_due:
        await handlers.alert_admins(application.bot, deps, outcome)


def build_application(
    settings: Settings, engine: Engine, timeout: float = 10.0, store: Store | None = None
) -> Application:  # type: ignore[type-arg]
    """The bot: bounded concurrency, Telegram's flood limits, every handler registered."""
    if not settings.telegram_token:
        raise ValueError("no token")
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .concurrent_updates(settings.concurrent_updates)
        # proactive limits only: overall rate and 20/min per group; 429s and 5xx are retried
        # once, in bot.delivery, so a flood wait is never retried twice over
        .rate_limiter(
            AIORateLimiter(
                overall_max_rate=settings.max_sends_per_second,
                overall_time_period=1 if settings.max_sends_per_second else 0,
                max_retries=0,
            )
        )
        .connect_timeout(timeout)
        .read_timeout(timeout)
        .write_timeout(timeout)
        .get_updates_read_timeout(timeout + 30)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.telegram_base_url:
        builder = builder.base_url(settings.telegram_base_url)
        if settings.telegram_base_url.rstrip("/").endswith("/bot"):  # a self-hosted Bot API
            root = settings.telegram_base_url.rstrip("/")[: -len("/bot")]
            builder = builder.base_file_url(f"{root}/file/bot")
    application = builder.build()
    limiter = RateLimiter(settings.rate_limit)
    application.bot_data["deps"] = Deps(settings, engine, limiter, Reloader(engine), store)
    register(application)
    return application


def register(application: Application) -> None:  # type: ignore[type-arg]
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    add = application.add_handler
    add(CommandHandler("start", handlers.on_start))
    add(CommandHandler("help", handlers.on_help))
    add(CommandHandler("topics", handlers.on_topics))
    add(CommandHandler("ask", handlers.on_ask))
    add(CommandHandler("stats", handlers.on_stats))
    add(CommandHandler("reload", handlers.on_reload))
    add(MessageHandler(filters.COMMAND, handlers.on_unknown_command))
    add(MessageHandler(private & filters.TEXT, handlers.on_private_text))
    add(MessageHandler(groups & filters.TEXT, handlers.on_group_text))
    add(MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.on_non_text))
    add(CallbackQueryHandler(handlers.on_button))
    add(InlineQueryHandler(handlers.on_inline))
    application.add_error_handler(handlers.on_error)
