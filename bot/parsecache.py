"""Parsed knowledge files remembered by their contents: in memory for reloads, on disk for starts.

Parsing YAML is most of the time a large knowledge base takes to load (the C loader reads
about 5 MB a second), and an edit touches one file. A parsed file is stored under a key made of
its bytes, the path it is shown as (problems name it) and the source of the code that parses and
checks it, so an edited file, a moved file or a new release of the checks is simply a miss. The
disk copy is JSON (loading it cannot run code), written to a temporary name and renamed into
place; one that cannot be read back whole is treated as missing and written again. It holds
only what the knowledge files say.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import logging
import os
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path
from typing import Any

from bot.text import NORMALISING_MODULES
from bot.validation import ParsedArticle, ParsedEntry, ParsedFile, Problem
from bot.yamlio import Mark

Parsed = tuple[ParsedFile | None, tuple[Problem, ...]]  # None: the file is not valid YAML
Encoded = dict[str, Any]  # a parse as `encode` writes it
MEMORY_FILES = 8192  # parsed files kept in memory, most recently used first
# 2: an entry's place is stored as its path, not its printed field name; 3: with the
# questions its article leaves open (not_in_article) and where they are written
FORMAT = 3
SOURCE_MODULES = (
    "bot.knowledge",
    "bot.yamlio",
    "bot.validation",
    *NORMALISING_MODULES,
    "bot.limits",
    __name__,
)


def _code_version() -> str:
    digest = hashlib.sha256(str(FORMAT).encode())
    for name in SOURCE_MODULES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()
_memory: OrderedDict[str, Parsed] = OrderedDict()
log = logging.getLogger(__name__)
_unwritable: set[Path] = set()  # folders already warned about: once each, not once per file


def warn_unwritable(directory: Path, error: OSError) -> None:
    """Log once per folder that the cache cannot be written (it only costs start-up time)."""
    if directory not in _unwritable:
        _unwritable.add(directory)
        log.warning("cannot write the knowledge cache in %s (%s); loading works without it",
                    directory, error.strerror or error)  # fmt: skip


def cache_key(shown: str, raw: bytes) -> str:
    """What a parse depends on: the file's bytes, its shown path and the parsing code."""
    digest = hashlib.sha256(f"{CODE_VERSION}\0{shown}\0".encode())
    digest.update(raw)
    return digest.hexdigest()


def parse_cached(key: str, parse: Callable[[], Parsed], directory: Path | None = None) -> Parsed:
    """The parse stored under `key`, or `parse()` (then stored in memory and on disk)."""
    found = _memory.get(key)
    if found is None and directory is not None:
        found = _read(directory / f"{key}.json", key)
        if found is None:
            found = parse()
            _write(directory, key, found)
    if found is None:
        found = parse()
    remember(key, found)
    return found


def is_known(key: str, directory: Path | None = None) -> bool:
    """Whether `parse_cached` would find this parse without parsing (in memory or on disk)."""
    return key in _memory or (directory is not None and (directory / f"{key}.json").is_file())


def remember(key: str, parsed: Parsed) -> None:
    """Keep a parse made elsewhere (a worker process) in memory, as `parse_cached` would."""
    _memory[key] = parsed
    _memory.move_to_end(key)
    while len(_memory) > MEMORY_FILES:
        _memory.popitem(last=False)


def write_remembered(directory: Path, keys: list[str]) -> None:
    """Write to the disk cache the parses of these keys still remembered (a start's, later)."""
    for key in keys:
        found = _memory.get(key)
        if found is not None:
            _write(directory, key, found)


def store(directory: Path, data: Encoded) -> OSError | None:
    """Write an `encode`d parse to the disk cache; the error if it could not be (to warn of)."""
    try:
        _write_file(directory, data)
    except OSError as error:
        return error
    return None


def forget() -> None:
    """Drop the in-memory copies (tests; the disk copies stay valid)."""
    _memory.clear()


def _read(path: Path, key: str) -> Parsed | None:
    try:
        data = json.loads(path.read_bytes())
        if data["key"] != key:
            return None
        return decode(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # half-written or damaged: parse again and overwrite


def _write(directory: Path, key: str, parsed: Parsed) -> None:
    error = store(directory, encode(key, parsed))
    if error is not None:
        warn_unwritable(directory, error)  # a cache that cannot be written only costs time


def _write_file(directory: Path, data: Encoded) -> None:
    temporary = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, directory / f"{data['key']}.json")
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise


def encode(key: str, parsed: Parsed) -> Encoded:
    """The parse as plain lists and texts: JSON on disk, and cheap to send between processes."""
    parsed_file, problems = parsed
    data: Encoded = {"key": key, "problems": [astuple(p) for p in problems]}
    if parsed_file is None:
        return data
    article = parsed_file.article
    data["path"] = parsed_file.path
    data["synonyms"] = parsed_file.synonyms
    if article is not None:
        date = article.date.isoformat()
        data["article"] = [article.title, article.url, article.publisher, date, article.text]
    data["entries"] = [
        [
            e.id, e.questions, e.answer, e.draft, [e.mark.line, e.mark.column],
            [m.line for m in e.question_marks], [m.column for m in e.question_marks],
            list(e.where), [e.id_mark.line, e.id_mark.column], e.not_in_article,
            [[m.line, m.column] for m in e.not_in_article_marks],
        ]
        for e in parsed_file.entries
    ]  # fmt: skip
    return data


def decode(data: Encoded) -> Parsed:
    """The parse `encode` gave `data` for."""
    problems = tuple(Problem(*p) for p in data["problems"])
    if "path" not in data:
        return None, problems
    article = data.get("article")
    parsed_file = ParsedFile(
        data["path"],
        None
        if article is None
        else ParsedArticle(
            article[0], article[1], article[2], dt.date.fromisoformat(article[3]), article[4]
        ),
        [
            ParsedEntry(
                entry_id, tuple(questions), answer, draft, Mark(*mark),
                tuple(map(Mark, lines, columns)), tuple(where), Mark(*id_mark), tuple(left_open),
                tuple(Mark(*m) for m in left_open_marks),
            )
            for (
                entry_id, questions, answer, draft, mark, lines, columns, where, id_mark,
                left_open, left_open_marks,
            ) in data["entries"]
        ],
        {canonical: tuple(variants) for canonical, variants in data["synonyms"].items()},
    )  # fmt: skip
    return parsed_file, problems
