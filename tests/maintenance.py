"""The maintenance commands' arguments, parsed as `newsbot` parses them: shared by their tests."""

from __future__ import annotations

import argparse

from bot.cli_maintain import add_parsers


def command(*argv: str) -> argparse.Namespace:
    """The namespace `newsbot <argv>` hands to cli_maintain.run, e.g. command("stats")."""
    parser = argparse.ArgumentParser(prog="newsbot")
    add_parsers(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)
