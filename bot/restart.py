"""Forget what this process remembers, as a restart would: for tests and benchmarks of starts.

The disk cache stays, and snapshots still being written are written first, so what follows
sees what a new process would find.
"""

from __future__ import annotations

from bot import knowledge, parsecache, snapshots, termtables, textcache


def forget_all() -> None:
    """Everything loads, parses, texts and term tables keep in memory, gone."""
    snapshots.flush()  # a restart finds what the last process wrote
    knowledge.forget()  # first: it waits for a background load that would fill the others
    parsecache.forget()
    textcache.forget()
    termtables.forget()
