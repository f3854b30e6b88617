"""Pausing the cyclic garbage collector while a bulk load allocates millions of objects.

Loading a big knowledge base creates millions of tuples, strings and small objects that all
stay alive; each time allocations pass a threshold the collector walks every one of them
(a third of the load time, measured at 100k phrasings) and frees nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the body with the collector off, then restore it as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
