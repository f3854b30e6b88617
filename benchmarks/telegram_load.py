"""Replies per second and reply latency through a fake Bot API: Newsbot vs a bare echo bot.

Usage: python benchmarks/telegram_load.py [--messages N] [--chats C] [--rounds R] [--json]

The fake Telegram server (tests/fake_telegram.py) runs on its own thread with no added latency
and its flood limit off.  On this thread's event loop, in the same run and against the same
server, the benchmark alternates R rounds of three bots (the order is reversed every other
round).  In each round every bot gets N private-chat messages from C users, injected as fast as
possible; questions are drawn (seeded, shuffled) from eval/questions.yaml.  For each message,
latency runs from just before its injection to the arrival at the fake of the bot's reply that
quotes it (a sendMessage with reply_parameters); throughput is replies divided by the time from
the first injection to the last reply.  A round ends when every reply is in or after a deadline
(then the missing replies are reported), so the run is bounded.

The bots:

* newsbot -- ``build_application(settings, engine)`` on the shipped knowledge, exactly as
  ``newsbot run`` builds it, except ``rate_limit=0`` (the per-user question limit is off) and
  ``max_sends_per_second=0`` (no overall send cap, as against a self-hosted Bot API server;
  groups are still held to 20/min): ``concurrent_updates=16``, timeouts of 10 s, every
  handler; each reply is matched, rendered as HTML with a link and sent quoting the question,
  through ``bot.delivery.deliver``.  Questions repeat (they are drawn from 148), so Newsbot's
  per-knowledge decision cache serves the repeats, as it would for popular questions.
* echo -- ``ApplicationBuilder().token(...).base_url(...).concurrent_updates(16).build()``
  with one MessageHandler that sends the text back with ``reply_text(text, do_quote=True)``.
  Everything else is PTB's default: no rate limiter, 5 s timeouts, plain text.
* newsbot@30/s -- Newsbot with the default ``max_sends_per_second=30`` (Telegram's limit).
* echo+limiter -- the echo bot plus the same ``AIORateLimiter`` at 30/s as newsbot@30/s: the
  pair shows that under Telegram's limit both bots run at the cap.

The fake shares this process (and its GIL), so its work (HTML parsing for Newsbot's replies)
counts against Newsbot.

The defaults finish in well under a minute.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    filters,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.fake_telegram is not an installed package

from bot.app import ALLOWED_UPDATES, build_application  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.evaluation import load_cases  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402

KINDS = ("newsbot", "echo", "newsbot@30/s", "echo+limiter")
FIRST_USER = 700_000


@dataclass
class Totals:
    """Everything measured for one bot over all rounds."""

    latencies: list[float] = field(default_factory=list)
    rates: list[float] = field(default_factory=list)  # replies/s, one per round
    replies: int = 0
    missing: int = 0

    def summary(self) -> dict[str, Any]:
        ordered = sorted(self.latencies)
        return {
            "replies": self.replies,
            "missing": self.missing,
            "replies_per_s": round(statistics.median(self.rates), 1) if self.rates else 0.0,
            "round_replies_per_s": [round(r, 1) for r in self.rates],
            "p50_ms": round(percentile(ordered, 0.50) * 1000, 1),
            "p95_ms": round(percentile(ordered, 0.95) * 1000, 1),
        }


def percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await message.reply_text(message.text, do_quote=True)


def echo_application(tg: FakeTelegram, concurrency: int, limiter: AIORateLimiter | None) -> Any:
    """The echo bot: PTB's defaults but for the address and Newsbot's concurrency bound."""
    builder = ApplicationBuilder().token(tg.token).base_url(tg.base_url)
    builder = builder.concurrent_updates(concurrency)
    application: Any = builder.build() if limiter is None else builder.rate_limiter(limiter).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    return application


async def run_round(
    tg: FakeTelegram,
    application: Application,  # type: ignore[type-arg]
    questions: list[str],
    users: list[int],
    deadline: float,
) -> tuple[list[float], float, int]:
    """Serve ``questions`` from ``users``; return latencies, replies/s and missing replies."""
    async with application:
        await application.updater.start_polling(  # type: ignore[union-attr]
            poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES
        )
        await application.start()
        await tg.wait_until_polled()
        sent: dict[tuple[int, int], float] = {}
        started = time.monotonic()
        for index, question in enumerate(questions):
            user = users[index % len(users)]
            before = time.monotonic()
            message = tg.inject_message(question, user_id=user)
            sent[(user, message["message_id"])] = before
        wanted = set(users)
        give_up = started + deadline
        while time.monotonic() < give_up:
            done = sum(n for chat, n in tg.stats().messages_sent_per_chat.items() if chat in wanted)
            if done >= len(questions):
                break
            await asyncio.sleep(0.01)  # a cheap check, so the bot keeps the CPU
        await application.updater.stop()  # type: ignore[union-attr]
        await application.stop()
    arrivals: dict[tuple[int, int], float] = {}
    for record in tg.requests("sendMessage"):
        chat = record.params.get("chat_id")
        quoted = (record.params.get("reply_parameters") or {}).get("message_id")
        key = (chat, quoted)
        if record.ok and key in sent:
            arrivals.setdefault(key, record.at)
    latencies = [arrivals[key] - sent[key] for key in arrivals]
    elapsed = max(arrivals.values(), default=started) - started
    rate = len(arrivals) / elapsed if elapsed > 0 else 0.0
    return latencies, rate, len(questions) - len(arrivals)


async def benchmark(
    tg: FakeTelegram, messages: int, chats: int, rounds: int, seed: int
) -> dict[str, Totals]:
    settings = Settings(
        knowledge_dir=ROOT / "knowledge",
        telegram_token=tg.token,
        telegram_base_url=tg.base_url,
        rate_limit=0,
        max_sends_per_second=0,  # as against a self-hosted Bot API: no overall cap
    )
    capped = dataclasses.replace(settings, max_sends_per_second=30)  # Telegram's own limit
    engine = Engine.load(settings)
    pool = [c.question for c in load_cases(ROOT / "eval" / "questions.yaml", engine.knowledge)]
    rng = random.Random(seed)
    # Generous: Newsbot's rate limiter allows about 30 replies/s.
    deadline = 10.0 + messages / 10
    factories: dict[str, Callable[[], Any]] = {
        "newsbot": lambda: build_application(settings, engine),
        "newsbot@30/s": lambda: build_application(capped, engine),
        "echo": lambda: echo_application(tg, settings.concurrent_updates, None),
        "echo+limiter": lambda: echo_application(
            tg,
            settings.concurrent_updates,
            AIORateLimiter(overall_max_rate=30, overall_time_period=1, max_retries=0),
        ),
    }
    totals = {kind: Totals() for kind in KINDS}
    next_user = FIRST_USER
    for round_no in range(rounds):
        order = KINDS if round_no % 2 == 0 else tuple(reversed(KINDS))
        for kind in order:
            questions = [rng.choice(pool) for _ in range(messages)]
            users = list(range(next_user, next_user + chats))  # fresh chats every round
            next_user += chats
            latencies, rate, missing = await run_round(
                tg, factories[kind](), questions, users, deadline
            )
            totals[kind].latencies += latencies
            totals[kind].rates.append(rate)
            totals[kind].replies += len(latencies)
            totals[kind].missing += missing
            print(
                f"round {round_no + 1}/{rounds} {kind:<13} {rate:8.1f} replies/s"
                + (f"  ({missing} missing)" if missing else ""),
                file=sys.stderr,
            )
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=150, help="messages per bot per round")
    parser.add_argument("--chats", type=int, default=15, help="distinct private chats")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per bot, alternating")
    parser.add_argument("--seed", type=int, default=1, help="for drawing the questions")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if args.messages < 1 or args.chats < 1 or args.rounds < 1:
        parser.error("--messages, --chats and --rounds must be at least 1")
    logging.basicConfig(level=logging.WARNING)

    with FakeTelegram.in_thread() as tg:
        tg.flood_limit(None)  # Telegram's per-chat flood limit off: measure the bots
        tg.latency = 0.0
        totals = asyncio.run(benchmark(tg, args.messages, args.chats, args.rounds, args.seed))

    results = {kind: totals[kind].summary() for kind in KINDS}
    echo_rate = results["echo"]["replies_per_s"]
    limited_rate = results["echo+limiter"]["replies_per_s"]
    newsbot_rate = results["newsbot"]["replies_per_s"]
    capped_rate = results["newsbot@30/s"]["replies_per_s"]
    ratios = {
        "newsbot/echo": round(newsbot_rate / echo_rate, 3) if echo_rate else None,
        "newsbot@30/s / echo+limiter": round(capped_rate / limited_rate, 3)
        if limited_rate
        else None,
    }
    config = {"messages": args.messages, "chats": args.chats, "rounds": args.rounds}
    if args.json:
        print(json.dumps({"config": config, "results": results, "throughput_ratio": ratios}))
        return
    print(
        f"{args.messages} messages from {args.chats} chats per bot per round, "
        f"{args.rounds} rounds (median replies/s over rounds; latency over all replies)"
    )
    print(f"{'bot':<14}{'replies/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'missing':>9}")
    for kind in KINDS:
        r = results[kind]
        print(
            f"{kind:<14}{r['replies_per_s']:>10.1f}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}"
            f"{r['missing']:>9}"
        )
    for name, ratio in ratios.items():
        print(f"throughput {name}: {ratio}")


if __name__ == "__main__":
    main()
