"""The knowledge base: articles and their question-and-answer entries, loaded from YAML files."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from bot import parsecache
from bot.gcpause import paused_gc
from bot.parsecache import SOURCE_MODULES, Parsed, cache_key, parse_cached
from bot.text import Normaliser
from bot.textcache import knowledge_normaliser
from bot.validation import (
    ParsedFile,
    Problem,
    check_across,
    check_article_file,
    check_synonym_file,
)
from bot.validation import forget as forget_checks
from bot.yamlio import YamlSyntaxError, load_yaml

if TYPE_CHECKING:
    from bot.coldstart import Text

SYNONYMS_FILE = "synonyms.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)  # slots: a warm start makes 100k of these at once
class Article:
    """A published article that answers point to."""

    title: str
    url: str
    publisher: str
    date: dt.date
    path: str
    text: str | None = None

    @property
    def date_text(self) -> str:
        """The date as news sites print it: Feb 21, 2022."""
        return f"{self.date:%b} {self.date.day}, {self.date.year}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One fact: the ways people ask for it and the answer, tied to its article."""

    id: str
    questions: tuple[str, ...]
    answer: str
    article: Article
    path: str
    line: int
    draft: bool = False
    # questions people ask near this fact that the article leaves open ("How many companies
    # signed in total?" when it names three of "many"): the bot says so, and gives the fact
    not_in_article: tuple[str, ...] = ()

    @property
    def main_question(self) -> str:
        return self.questions[0]


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot knows; immutable, so a reload swaps it whole."""

    articles: tuple[Article, ...]
    entries: tuple[Entry, ...]
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fingerprint: str = ""
    # where load_knowledge kept what it computed, so the matcher can keep its tables there too,
    # under `digest` (every file's path and bytes); neither is part of the knowledge itself
    cache_dir: Path | None = field(default=None, compare=False, repr=False)
    digest: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {entry.id: entry for entry in self.entries})

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None (ids arrive from buttons, so may be forged)."""
        by_id: dict[str, Entry] = self._by_id  # type: ignore[attr-defined]
        return by_id.get(entry_id)

    @property
    def live_entries(self) -> tuple[Entry, ...]:
        """Entries the matcher may answer with: finished ones, not drafts."""
        return tuple(entry for entry in self.entries if not entry.draft)

    @property
    def live_articles(self) -> tuple[Article, ...]:
        """Articles users can ask about: those with at least one finished entry."""
        live = {entry.article for entry in self.live_entries}
        return tuple(article for article in self.articles if article in live)

    def normaliser(self) -> Normaliser:
        return Normaliser(self.synonyms)


@dataclass
class LoadResult:
    """A knowledge base built from whatever was valid, and every problem found on the way."""

    knowledge: KnowledgeBase
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def display_path(path: Path) -> str:
    """A path as the maintainer typed it: relative to the working directory where possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def knowledge_files(directory: Path) -> list[Path]:
    """The YAML files under `directory`, in a stable order, hidden ones skipped."""
    files = [
        path
        for path in directory.rglob("*")
        if path.suffix in YAML_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    ]
    return sorted(files)


def load_knowledge(
    directory: Path, cache_dir: Path | None = None, serving: bool = False
) -> LoadResult:
    """Load and check every file under `directory`, reporting all problems at once.

    Files parsed before with the same contents are not parsed again (bot/parsecache.py): those
    of this process are remembered in memory, and with `cache_dir` on disk across restarts.
    When no file changed at all, the whole result is reused: the last one of this process, or
    the snapshot in `cache_dir` (bot/snapshots.py), checks included. After a start from a
    snapshot, a background thread loads the files the ordinary way too (from the parse cache),
    so that the first reload after an edit finds every other file worked out already.

    `serving`: the caller is a bot about to answer people, which needs the knowledge and its
    errors now. When the start is big enough for worker processes (bot/coldstart.py), the
    warnings about nearly the same questions and the disk cache are then worked out in the
    background: this result lacks those warnings, the next load of the same files has them.
    """
    from bot import knowledgecache, snapshots  # they build on this module's types

    global _last, _loads
    if cache_dir is not None:  # snapshots are written later, maybe after a chdir
        cache_dir = cache_dir.absolute()
    if not directory.is_dir():
        problem = Problem(
            display_path(directory), 1, 1, "(folder)", "knowledge folder not found",
            "set NEWSBOT_KNOWLEDGE_DIR or run from the project root",
        )  # fmt: skip
        return LoadResult(KnowledgeBase((), ()), [problem])
    # millions of objects, none of them garbage: collecting only costs; snapshots of the last
    # load are written once this one (and the matcher build after it) is done
    with _lock, paused_gc(), snapshots.busy():
        _loads += 1
        sources, problems, digest = _read_files(directory)
        folder = display_path(directory)  # named by the "no entries" problem
        key = hashlib.sha256(f"{_snapshot_version()}\0{folder}\0{digest}".encode()).hexdigest()
        reusable = not problems  # a file that could not be read is not in the digest
        # (undecodable bytes are: their problem is cached with the rest)
        # the ordinary load in this process, for background work once the bot serves
        again = partial(_load, directory, sources, problems, digest, cache_dir, parallel=False)
        if reusable and _last is not None and _last[0] == (key, cache_dir):
            return _copy(_last[1])
        if reusable and cache_dir is not None:
            stored = snapshots.read(cache_dir, "knowledge", key)
            if stored is not None:
                result = knowledgecache.decode(*stored, cache_dir, digest)
                _last = ((key, cache_dir), result)
                # in the background, in this process only: the bot is serving meanwhile
                _prime(again)
                return _copy(result)
        result, unwritten = _load(directory, sources, problems, digest, cache_dir, serving)
        if unwritten is not None:  # the rest of a serving start, once the bot serves
            reuse_as = key if reusable else None
            snapshots.later(partial(_complete, again, reuse_as, cache_dir, unwritten, _loads))
        elif reusable:
            _last = ((key, cache_dir), result)
            if cache_dir is not None:
                snapshots.later(partial(_write_snapshot, cache_dir, key, result))
        return _copy(result)


def _complete(
    load: Callable[[], tuple[LoadResult, list[str] | None]],
    key: str | None,
    cache_dir: Path | None,
    unwritten: list[str],
    count: int,
) -> None:
    """Finish a serving start: write its disk cache, then load again with every check (all
    in memory by now but the near-duplicate warnings) to reuse and to keep as a snapshot;
    not when another load (`count` is theirs) came since: that one is the last."""
    global _last
    with _lock:
        if cache_dir is not None:
            parsecache.write_remembered(cache_dir, unwritten)
        if _loads != count:
            return
        with paused_gc():
            result, _ = load()
        if key is not None:
            _last = ((key, cache_dir), result)
            if cache_dir is not None:
                _write_snapshot(cache_dir, key, result)


_last: tuple[tuple[str, Path | None], LoadResult] | None = None  # the last load, to reuse
_lock = threading.Lock()  # one load at a time: they share what they remember
_loads = 0  # loads begun in this process, so that background work knows when it is stale


def _prime(load: Callable[[], object]) -> None:
    """Run `load` in the background for what it leaves remembered; loads wait for it.

    It starts after PRIME_DELAY, so that the start it follows (the matcher build, connecting
    to Telegram) does not share the interpreter with it.
    """
    global _primer

    def run() -> None:
        with _lock:
            with paused_gc():
                load()
            # the collector's first pass over all it made, here rather than in the next reload
            gc.collect()

    _primer = threading.Timer(PRIME_DELAY, run)
    _primer.name, _primer.daemon = "knowledge-primer", True
    _primer.start()


def settle() -> None:
    """Wait for the background load after a start from a snapshot (benchmarks)."""
    if _primer is not None:
        _primer.join()


PRIME_DELAY = 1.0  # seconds
_primer: threading.Timer | None = None


def forget() -> None:
    """Forget the last load and its checks (tests and benchmarks mimicking a fresh process)."""
    if _primer is not None:
        _primer.cancel()  # if it has not started yet
        _primer.join()
    global _last, _made, _made_before
    _last, _made, _made_before = None, {}, {}
    forget_checks()


def _write_snapshot(cache_dir: Path, key: str, result: LoadResult) -> None:
    from bot import knowledgecache, snapshots

    snapshots.write(cache_dir, "knowledge", key, *knowledgecache.encode(result))


def _copy(result: LoadResult) -> LoadResult:
    """The same knowledge with a list of problems the caller may change."""
    return LoadResult(result.knowledge, list(result.problems))


@lru_cache(maxsize=1)
def _snapshot_version() -> str:
    from bot.snapshots import code_version

    return code_version(
        (*SOURCE_MODULES, "bot.knowledgecache", "bot.textcache", "bot.nearduplicates")
    )


def _read_files(directory: Path) -> tuple[list[tuple[str, Path, bytes]], list[Problem], str]:
    """Every knowledge file's shown path and bytes, problems reading them, and their digest."""
    sources: list[tuple[str, Path, bytes]] = []
    problems: list[Problem] = []
    digest = hashlib.sha256()
    for path in knowledge_files(directory):
        shown = display_path(path)
        try:
            raw = path.read_bytes()
        except OSError as error:
            problems.append(Problem(shown, 1, 1, "(file)", f"cannot read: {error.strerror}"))
            continue
        digest.update(shown.encode() + b"\0" + raw + b"\0")
        sources.append((shown, path, raw))
    return sources, problems, digest.hexdigest()


def _load(
    directory: Path,
    sources: list[tuple[str, Path, bytes]],
    problems: list[Problem],
    digest: str,
    cache_dir: Path | None,
    serving: bool = False,
    parallel: bool = True,
) -> tuple[LoadResult, list[str] | None]:
    """The load itself; with it, when a serving start left work for later (`load_knowledge`),
    the parse-cache keys it did not write."""
    problems = list(problems)
    unwritten = None
    texts: list[Text] = []
    for shown, path, raw in sources:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(shown, 1, 1, "(file)", f"not UTF-8 text: {error.reason}"))
            continue
        texts.append((shown, path.name == SYNONYMS_FILE, text, cache_key(shown, raw)))
    if parallel:  # many files to parse: worker processes do it first, this load finds it done
        from bot import coldstart

        unwritten = coldstart.prepare(texts, cache_dir, _parse_file, serving)
    parsed_files: list[ParsedFile] = []
    for shown, synonyms_file, text, key in texts:
        parse = partial(_parse_file, shown, synonyms_file, text)
        parsed, found = parse_cached(key, parse, cache_dir)
        problems.extend(found)
        if parsed is not None:
            parsed_files.append(parsed)
    synonyms: dict[str, tuple[str, ...]] = {}
    for parsed in parsed_files:
        synonyms.update(parsed.synonyms)
    near = unwritten is None  # a serving start with workers works them out later
    problems.extend(check_across(parsed_files, knowledge_normaliser(synonyms), near))
    if not any(parsed.entries for parsed in parsed_files) and not any(
        p.severity == "error" for p in problems
    ):
        problems.append(
            Problem(
                display_path(directory), 1, 1, "(folder)", "no knowledge entries found",
                "add one YAML file per article (see README: Editing the knowledge)",
            )
        )  # fmt: skip
    knowledge = _build(parsed_files, synonyms, digest, cache_dir)
    problems.sort(key=_order)
    return LoadResult(knowledge, problems), unwritten


def _order(problem: Problem) -> tuple[str, int, int, str, str, str, str]:
    """The order Problem compares in (by file, line, column, ...), quicker to sort by."""
    p = problem
    return p.path, p.line, p.column, p.field, p.message, p.hint, p.severity


def _parse_file(shown: str, synonyms: bool, text: str) -> Parsed:
    """Parse and check one file on its own; None in place of its content when not YAML."""
    try:
        loaded = load_yaml(text)
    except YamlSyntaxError as error:
        mark = error.mark
        return None, (Problem(shown, mark.line, mark.column, "(syntax)", error.message),)
    checker = check_synonym_file if synonyms else check_article_file
    parsed, found = checker(shown, loaded)
    return parsed, tuple(found)


def _build(
    parsed_files: list[ParsedFile],
    synonyms: dict[str, tuple[str, ...]],
    digest: str,
    cache_dir: Path | None,
) -> KnowledgeBase:
    global _made, _made_before
    _made_before, _made = _made, {}
    made = [_entries_of(parsed) for parsed in parsed_files if parsed.article is not None]
    articles = [article for article, _ in made]
    ids = [entry.id for _, entries in made for entry in entries]
    if len(set(ids)) == len(ids):
        kept = [entry for _, entries in made for entry in entries]
    else:  # a duplicate id (an error) keeps its first entry
        seen: set[str] = set()
        kept = []
        for _, entries in made:
            for entry in entries:
                if entry.id not in seen:
                    seen.add(entry.id)
                    kept.append(entry)
    articles.sort(key=lambda a: (a.date, a.title))
    return KnowledgeBase(tuple(articles), tuple(kept), synonyms, digest[:12], cache_dir, digest)


def _entries_of(parsed: ParsedFile) -> tuple[Article, tuple[Entry, ...]]:
    """A file's article and entries, made once per parse: a reload makes only the edited ones."""
    for memo in (_made, _made_before):
        found = memo.get(id(parsed))
        if found is not None and found[0] is parsed:
            _made[id(parsed)] = found
            return found[1]
    source = parsed.article
    assert source is not None
    article = Article(
        source.title, source.url, source.publisher, source.date, parsed.path, source.text
    )
    entries = tuple(
        Entry(
            item.id, item.questions, item.answer, article, parsed.path, item.mark.line,
            item.draft, item.not_in_article,
        )
        for item in parsed.entries
    )  # fmt: skip
    _made[id(parsed)] = (parsed, (article, entries))
    return article, entries


# each parse's article and entries, for this load and the last (held with the parse itself, so
# its id cannot be taken by another object while remembered)
_made: dict[int, tuple[ParsedFile, tuple[Article, tuple[Entry, ...]]]] = {}
_made_before: dict[int, tuple[ParsedFile, tuple[Article, tuple[Entry, ...]]]] = {}
