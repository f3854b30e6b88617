"""A second bot process for tests/test_store.py: records unanswered questions into a store.

Usage: python tests/store_worker.py PATH COUNT NAME

Opens the store, prints "ready" and waits for a line on stdin (so tests can start several
workers at once), then records COUNT questions "NAME 0", "NAME 1"... (COUNT 0: until killed),
printing "committed I" after each write has returned, that is, after it was committed.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from bot.answering import Reply
from bot.store import Store


def main(path: str, count: int, name: str) -> None:
    with Store(Path(path)) as store:
        print("ready", flush=True)
        sys.stdin.readline()
        numbers = range(count) if count else itertools.count()
        for number in numbers:
            store.record(Reply(f"{name} {number}", "none"), "telegram")
            print(f"committed {number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
