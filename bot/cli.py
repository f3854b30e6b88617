"""The `newsbot` command: a thin layer over the core; main(argv) returns the exit code."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from bot import cli_draft, cli_eval, cli_maintain
from bot.answering import Reply
from bot.config import ConfigError, Settings, settings_from_env
from bot.engine import Engine, KnowledgeErrors
from bot.knowledge import load_knowledge
from bot.replies import related, render_plain

DESCRIPTION = "Newsbot: answers questions about news articles from a YAML knowledge base."
EXIT_BROKEN_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsbot", description=DESCRIPTION)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="run the bot on Telegram (needs TELEGRAM_BOT_TOKEN)")
    commands.add_parser("chat", help="chat with the bot in the terminal")
    ask = commands.add_parser("ask", help="answer one question, or one per line of stdin")
    ask.add_argument("question", nargs="*", help="the question (default: read stdin)")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--explain", action="store_true", help="show candidates and the decision")
    check = commands.add_parser("check", help="validate the knowledge files")
    check.add_argument("directory", nargs="?", type=Path, help="default: NEWSBOT_KNOWLEDGE_DIR")
    check.add_argument("--strict", action="store_true", help="exit 2 on warnings")
    cli_eval.add_parser(commands)
    cli_maintain.add_parsers(commands)
    cli_draft.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, stdin: TextIO | None = None) -> int:
    """Run one `newsbot` command; never raise for a user's mistake, print it instead."""
    try:
        return run_command(argv, stdin)
    except BrokenPipeError:
        # the reader went away (`newsbot ask < questions | head`): stop quietly, as Unix tools
        # do; stdout is pointed at /dev/null so the final flush at exit cannot fail again
        with contextlib.suppress(OSError, ValueError):  # stdout may not be a real file
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def run_command(argv: Sequence[str] | None, stdin: TextIO | None) -> int:
    args = build_parser().parse_args(argv)
    stdin = stdin or sys.stdin
    try:
        settings = settings_from_env()
    except ConfigError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    command = args.command or ("run" if settings.has_token else "chat")
    if command == "check":
        return cmd_check(settings, args.directory, args.strict)
    if command == "draft":  # works even while the knowledge has errors
        return cli_draft.run(args)
    if command == "run":
        from bot.runner import run_telegram  # imports telegram only when it is needed

        return run_telegram(settings)
    engine = load_engine(settings, "Error: the knowledge has errors; fix them (newsbot check)")
    if engine is None:
        return 1
    if command == "chat":
        from bot.chat import TerminalChat

        return TerminalChat(engine, stdin, sys.stdout, interactive=stdin.isatty()).run()
    if command == "ask":
        return cmd_ask(engine, args, stdin)
    if command in cli_maintain.COMMANDS:
        return cli_maintain.run(args, settings, engine)
    return cli_eval.run(engine, args)


def load_engine(settings: Settings, failure: str) -> Engine | None:
    """The engine, or None after printing the `newsbot check` lines and `failure`."""
    try:
        return Engine.load(settings)
    except KnowledgeErrors as error:
        for problem in error.problems:
            print(problem.format(), file=sys.stderr)
        print(failure, file=sys.stderr)
        return None


def cmd_check(settings: Settings, directory: Path | None, strict: bool) -> int:
    result = load_knowledge(directory or settings.knowledge_dir)
    for problem in result.problems:
        print(problem.format())
    kb = result.knowledge
    print(
        f"{len(kb.entries)} entries in {len(kb.articles)} article(s): "
        f"{len(result.errors)} error(s), {len(result.warnings)} warning(s)",
        file=sys.stderr,
    )
    if result.errors:
        return 1
    return 2 if strict and result.warnings else 0


def reply_json(reply: Reply, engine: Engine) -> dict[str, object]:
    entry = reply.entry
    shown = entry or reply.left_open  # a "none" may still give the nearest fact
    article = shown.article if shown else reply.quote.passage.article if reply.quote else None
    return {
        "question": reply.question,
        "status": reply.status,
        "text": render_plain(reply, engine.knowledge),
        "entry": entry.id if entry else None,
        "left_open": reply.left_open.id if reply.left_open else None,
        "source": "article" if reply.quote else "knowledge" if entry else None,
        "quote": reply.quote.passage.text if reply.quote else None,
        "url": article.url if article else None,
        "article": article.title if article else None,
        "date": article.date.isoformat() if article else None,
        "score": reply.score,
        "suggestions": [
            {"entry": c.entry.id, "question": c.entry.main_question, "score": c.score}
            for c in related(reply)
        ],
    }


def explain(reply: Reply, engine: Engine) -> str:
    lines = [f"question: {reply.question}"]
    words = engine.snapshot.matcher.query_words(reply.question)
    shown = [
        f"{w.surface}->{w.term}" + ("" if w.similarity in (0.0, 1.0) else f"~{w.similarity:.2f}")
        + f" w={w.weight:.2f}" + ("" if w.known else " (unknown)")
        for w in words
    ]  # fmt: skip
    lines.append("words: " + ("; ".join(shown) or "(none informative)"))
    for rank, c in enumerate(reply.candidates[:5], 1):
        lines.append(
            f"  {rank}. {c.score:5.1f}  {c.entry.id:<28} coverage={c.coverage:.2f} "
            f"missing={list(c.missing)}  via {c.phrasing!r}"
        )
    if reply.quote is not None:
        lines.append(f"  quote: {reply.quote.score:5.1f}  {reply.quote.passage.sentence!r}")
    lines.append(f"decision: {reply.outcome} ({reply.reason})")
    return "\n".join(lines)


def cmd_ask(engine: Engine, args: argparse.Namespace, stdin: TextIO) -> int:
    questions = [" ".join(args.question)] if args.question else [q for q in stdin if q.strip()]
    for question in questions:
        reply = engine.ask(question.strip())
        if args.json:
            print(json.dumps(reply_json(reply, engine), ensure_ascii=False))
            continue
        if args.explain:
            print(explain(reply, engine))
        print(render_plain(reply, engine.knowledge, numbered_choices=False))
        if len(questions) > 1:
            print()
    return 0
