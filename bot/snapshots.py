"""Whole-knowledge results on disk, so a restart with unchanged files skips the work.

Each snapshot is one uncompressed .npz file: numpy arrays plus a JSON document stored as bytes,
read with allow_pickle=False, so reading one cannot run code. Its name holds a key made of the
contents of every knowledge file and the source of the code that produced it; the key is also
stored inside and checked, so an edited file or a new release is simply a miss. It is written to
a temporary name and renamed into place (a reader sees the old file or the new one, never half),
and a file that cannot be read back whole (zip checksums, shapes, JSON) is treated as missing
and written again. Writing a snapshot removes the older ones of its kind.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.parsecache import warn_unwritable

Arrays = dict[str, npt.NDArray[Any]]
FORMAT = 1
_savez: Any = np.savez  # its stubs take every keyword for `allow_pickle`


def code_version(modules: Iterable[str]) -> str:
    """A digest of these modules' source: results computed by other code are not reused."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for name in (*modules, __name__):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()[:16]


WRITE_DELAY = 1.0  # seconds a write waits after the last load or build, so they run alone
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="snapshots")
_pending: list[Future[None]] = []
_hurry = threading.Event()  # set while someone waits for the writes
_quiet = threading.Condition()  # guards the two below, notified when either changes
_busy = 0  # loads and builds running (`busy`)
_since = 0.0  # when the last of them ended, or the last write was submitted (monotonic)


def later(task: Callable[[], None]) -> None:
    """Run `task` (a write) on the background writer, after those submitted before it.

    It waits until WRITE_DELAY has passed with no load or build running: a write shares the
    interpreter with them, and at a cold start the matcher is built right after the load.
    """
    global _since

    def delayed() -> None:
        with _quiet:
            while not _hurry.is_set():
                left = _since + WRITE_DELAY - time.monotonic()
                if not _busy and left <= 0:
                    break
                _quiet.wait(None if _busy else left)
        task()

    with _quiet:
        _since = time.monotonic()
    _pending[:] = [future for future in _pending if not future.done()]
    _pending.append(_writer.submit(delayed))


@contextmanager
def busy() -> Iterator[None]:
    """Hold back snapshot writes while the body (a load, a matcher build) runs."""
    global _busy, _since
    with _quiet:
        _busy += 1
    try:
        yield
    finally:
        with _quiet:
            _busy -= 1
            _since = time.monotonic()
            _quiet.notify_all()


def flush() -> None:
    """Wait until every snapshot submitted so far is written (or has failed to be)."""
    _hurry.set()
    with _quiet:
        _quiet.notify_all()
    try:
        for future in list(_pending):
            future.result()
    finally:
        _hurry.clear()


def read(directory: Path, kind: str, key: str) -> tuple[Arrays, Any] | None:
    """The arrays and document stored under `key`, or None when missing or damaged."""
    path = directory / f"{kind}-{key}.npz"
    try:
        with path.open("rb") as handle:  # closed here whatever np.load makes of it
            stored = np.load(handle, allow_pickle=False)
            if not isinstance(stored, np.lib.npyio.NpzFile):
                return None
            with stored:
                arrays = {name: stored[name] for name in stored.files}
        document = json.loads(arrays.pop("document").tobytes())
        if document.get("key") != key:
            return None
        return arrays, document["content"]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile):
        return None  # half-written or damaged: computed again and overwritten


def write(directory: Path, kind: str, key: str, arrays: Arrays, content: Any) -> None:
    """Store `arrays` and the JSON-able `content` under `key`; a failure only logs, once."""
    document = json.dumps({"key": key, "content": content}, ensure_ascii=False).encode()
    temporary = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            named: dict[str, Any] = {"document": np.frombuffer(document, dtype=np.uint8)}
            _savez(out, **named, **arrays)
        target = directory / f"{kind}-{key}.npz"
        os.replace(temporary, target)
        for older in directory.glob(f"{kind}-*.npz"):
            if older != target:
                older.unlink(missing_ok=True)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        warn_unwritable(directory, error)
