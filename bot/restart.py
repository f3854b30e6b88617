"""Forget what this process remembers, as a restart would: for tests and benchmarks of starts.

The disk cache stays, and snapshots still being written are written first, so what follows
sees what a new process would find; and what was forgotten is collected, as a new process
has nothing to collect.
"""

from __future__ import annotations

import gc

from bot import knowledge, parsecache, snapshots, termtables, textcache


def forget_all() -> None:
    """Everything loads, parses, texts and term tables keep in memory, gone."""
    snapshots.flush()  # a restart finds what the last process wrote
    knowledge.forget()  # first: it waits for a background load that would fill the others
    parsecache.forget()
    textcache.forget()
    termtables.forget()
    # a new process starts with no garbage: the collector's first pass over what this one
    # made must not land in the start that follows (0.65 s in the middle of a warm start
    # at 100k entries, measured in benchmarks/scale.py)
    gc.collect()
