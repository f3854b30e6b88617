"""Independent pieces of one big job run in forked worker processes, one per core.

Forked workers start in milliseconds with this process's memory as it is when the pool starts:
a task can read whatever this process holds (files read, normalised texts, the knowledge)
without it being sent, and only its result comes back, pickled between our own processes
(nothing pickled is ever read from disk). Where fork is not available, or there is one core,
callers do the work themselves; so do they when a pool breaks (`run` raises).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar, cast

T = TypeVar("T")
MAX_WORKERS = 8


def workers() -> int:
    """How many worker processes are worth starting: 0 when work cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    cores = _cores()
    return min(cores, MAX_WORKERS) if cores > 1 else 0


def _cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def run(
    task: Callable[[int], T], count: int, processes: int, keep: Callable[[int, T], None]
) -> None:
    """Run task(0), ..., task(count - 1) in `processes` forked workers; `keep(i, result)` here
    as each comes back. Raises what broke the pool (a worker died, ...) or what `keep` raised;
    every worker has been joined when it returns or raises.
    """
    key = next(_keys)
    _tasks[key] = task  # set before the workers fork, so that they find it
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            with warnings.catch_warnings():  # 3.12+ warns of fork while threads run; the
                warnings.simplefilter("ignore", DeprecationWarning)  # workers only compute
                futures = {pool.submit(_call, key, index): index for index in range(count)}
            try:
                for future in as_completed(futures):
                    keep(futures[future], cast(T, future.result()))
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    finally:
        del _tasks[key]


_keys = itertools.count()
_tasks: dict[int, Callable[[int], object]] = {}  # by key: several jobs may run at once


def _call(key: int, index: int) -> object:
    """In a worker: the task inherited from the process that forked it."""
    return _tasks[key](index)
