"""`newsbot draft ARTICLE.txt`: a knowledge file drafted from an article's published text.

Without --url the file says `url: TODO`, which `newsbot check` reports as an error ("not an
http(s) URL: 'TODO'"): a file cannot go live without its link, since every answer shows it.
Every entry carries `draft: true` (a warning in `newsbot check`, ignored by the matcher) until a
maintainer has rewritten it. With --knowledge, ids and questions already used there are avoided,
so the draft can be added beside them without duplicate-id or duplicate-question errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.draft_render import render_knowledge
from bot.drafting import draft_article
from bot.knowledge import load_knowledge
from bot.validation import is_http_url


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `draft` on the `newsbot` subcommands."""
    draft = commands.add_parser(
        "draft",
        help="draft a knowledge file from an article's text",
        description="Draft knowledge YAML from an article's published text: one entry per fact "
        "(figure, date, name, place), its sentence as the answer to rewrite, questions "
        "suggested by rule, every entry marked 'draft: true'.",
    )
    draft.add_argument("article", type=Path, metavar="ARTICLE.txt", help="the article's text")
    draft.add_argument("--url", help="the article's address (default: TODO, which check reports)")
    draft.add_argument("--output", "-o", type=Path, help="write to this file (default: stdout)")
    draft.add_argument("--force", action="store_true", help="overwrite --output if it exists")
    draft.add_argument(
        "--knowledge", type=Path, metavar="DIR", help="avoid the ids and questions used in DIR"
    )


def run(args: argparse.Namespace) -> int:
    """Draft the article; 0 when written, 1 on a user's mistake (printed, never raised)."""
    path: Path = args.article
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return _fail(f"{path}: not UTF-8 text ({error.reason})")
    except OSError as error:
        return _fail(f"cannot read {path}: {error.strerror}")
    if args.url is not None and not is_http_url(args.url):
        return _fail(f"not an http(s) URL: '{args.url}' (write it as https://...)")
    output: Path | None = args.output
    if output is not None and output.exists() and not args.force:
        return _fail(f"{output} exists; use --force to overwrite it")
    taken_ids: set[str] = set()
    taken_questions: list[str] = []
    if args.knowledge is not None and not args.knowledge.is_dir():
        return _fail(f"--knowledge: {args.knowledge} is not a folder")
    if args.knowledge is not None:
        known = load_knowledge(args.knowledge).knowledge
        taken_ids = {entry.id for entry in known.entries}
        taken_questions = [q for entry in known.entries for q in entry.questions]
    draft = draft_article(text, path.name, taken_ids, taken_questions)
    if not draft.entries:
        return _fail(f"{path}: no sentence with a figure, date or name to draft from")
    rendered = render_knowledge(draft, args.url, path.name)
    if output is None:
        sys.stdout.write(rendered)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w" if args.force else "x", encoding="utf-8") as handle:
                handle.write(rendered)
        except FileExistsError:
            return _fail(f"{output} exists; use --force to overwrite it")
        except OSError as error:
            return _fail(f"cannot write {output}: {error.strerror}")
    where = f"{output}" if output is not None else "stdout"
    print(f"{len(draft.entries)} draft entries written to {where}", file=sys.stderr)
    if args.url is None:
        print(
            "note: no --url given: replace 'url: TODO' with the article's address", file=sys.stderr
        )
    return 0


def _fail(message: str) -> int:
    print(f"Error: {message}", file=sys.stderr)
    return 1
