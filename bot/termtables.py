"""The matcher's terms, worked out one knowledge file at a time and joined with array operations.

Normalising and stemming every phrasing is most of what building a matcher costs (seconds at
100k entries), and a reload changes one file. So the terms of each file's live entries are
kept, keyed by what they depend on (the entries' texts and the synonyms), as arrays of ids in
a process-wide table of strings; a build looks up every file, works out only the new ones, and
joins the rest with numpy. Term ids come out exactly as a build entry by entry would number
them (in order of first use), so the matcher, its index and its decisions are the same.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import Path
from typing import Protocol, overload

import numpy as np
import numpy.typing as npt

from bot import forked, snapshots
from bot.index import IN_ANSWER, IN_QUESTION, IndexBuilder, TermIndex
from bot.knowledge import Entry
from bot.snapshots import Arrays
from bot.text import STOPWORDS, stem

Ids = npt.NDArray[np.int32]
PARALLEL_ENTRIES = 10_000  # entries to work out below which a pool of workers costs more
SHARES_PER_WORKER = 4  # files dealt out in this many shares per worker, to even them out
Normalise = Callable[[str], str]


@dataclass(frozen=True)
class FileTerms:
    """One file's live entries as the index needs them, in ids of the string table."""

    questions: Ids  # each entry's phrasing terms, in order of first use, entry after entry
    question_counts: Ids  # how many of `questions` belong to each entry
    answers: Ids  # each entry's terms found only in its answer, likewise
    answer_counts: Ids
    words: Ids  # every normalised word of the file (no stopwords), each once
    timed: bytes  # per entry: the answer states a date or time
    answer_sizes: Ids  # per entry: how many distinct terms its answer has
    phrasings: tuple[tuple[str, ...], ...] | None  # normalised; None when read from a cache


@dataclass(frozen=True)
class Tables:
    """What a matcher is built from: its terms numbered by first use and their index."""

    term_names: list[str]
    index: TermIndex
    surface: dict[str, str]  # each normalised knowledge word -> its term
    timed: bytes  # per entry: the answer states a date or time
    answer_sizes: Ids  # per entry: how many distinct terms its answer has
    files: list[FileTerms] | None  # per file, in entry order; None when read from a cache


class Strings:
    """A process-wide numbering of the words and terms seen; grows, never renumbers."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.ids: dict[str, int] = {}
        self.stems: list[int] = []  # id -> the id of its stem

    def id(self, text: str) -> int:
        found = self.ids.get(text)
        if found is None:
            found = self.ids[text] = len(self.names)
            self.names.append(text)
            self.stems.append(-1)
        return found

    def word(self, word: str) -> int:
        """The id of a knowledge word, remembering its term."""
        found = self.id(word)
        if self.stems[found] < 0:
            self.stems[found] = self.id(stem(word))
        return found


log = logging.getLogger(__name__)
_lock = threading.Lock()
_strings = Strings()
_current: dict[object, FileTerms] = {}  # this build's files and the last build's
_previous: dict[object, FileTerms] = {}
# the last tables read from a cache, kept whole until a build needs their files one by one
_stored: tuple[list[str], Arrays, list[list[Entry]], object] | None = None


def file_key(entries: Sequence[EntryTexts], signature: object) -> object:
    """What a file's terms depend on: its live entries' texts and the synonyms."""
    return signature, tuple((entry.questions, entry.answer) for entry in entries)


def by_file(entries: Sequence[Entry]) -> Iterator[list[Entry]]:
    """Consecutive live entries of one file (a knowledge base lists each file's together)."""
    for _, group in groupby(entries, key=lambda entry: entry.path):
        yield list(group)


def build_tables(
    entries: Sequence[Entry],
    signature: object,
    normalise: Normalise,
    timed: Callable[[str], bool],
) -> Tables:
    """The matcher's tables for `entries`, reusing the files worked out before."""
    with _lock, snapshots.busy():
        global _current, _previous, _stored
        _previous, _current = _current, {}
        if _stored is not None:  # the files of the tables read at start, split up at last
            _previous.update(_split(*_stored))
            _stored = None
        groups = list(by_file(entries))
        keys = [file_key(group, signature) for group in groups]
        files = [_previous.get(key) for key in keys]
        missing = [number for number, found in enumerate(files) if found is None]
        worked = _in_workers([groups[number] for number in missing], normalise, timed)
        for at, number in enumerate(missing):
            files[number] = worked.get(at) or _file_terms(groups[number], normalise, timed)
        done = [found for found in files if found is not None]
        _current.update(zip(keys, done, strict=True))
        return _join(done)


def _in_workers(
    groups: list[list[Entry]], normalise: Normalise, timed: Callable[[str], bool]
) -> dict[int, FileTerms]:
    """Many files' terms worked out in forked workers, by their place in `groups`.

    Each worker numbers the strings of its share afresh; they are numbered here as they come
    back. Empty when there are too few entries for a pool to pay, or it could not be used.
    """
    processes = forked.workers()
    if not processes or sum(map(len, groups)) < PARALLEL_ENTRIES:
        return {}
    shares = [range(start, len(groups), processes * SHARES_PER_WORKER)
              for start in range(processes * SHARES_PER_WORKER)]  # fmt: skip
    found: dict[int, FileTerms] = {}

    def work(share: int) -> tuple[list[str], list[int], list[FileTerms]]:
        strings = Strings()
        terms = [_file_terms(groups[at], normalise, timed, strings) for at in shares[share]]
        return strings.names, strings.stems, terms

    def keep(share: int, result: tuple[list[str], list[int], list[FileTerms]]) -> None:
        names, stems, terms = result
        found.update(zip(shares[share], _renumbered(names, stems, terms), strict=True))

    try:
        forked.run(work, len(shares), processes, keep)
    except Exception as error:  # a worker died or could not start: the rest is done here
        log.warning("working out the matcher's terms in %d processes failed (%s: %s)",
                    processes, type(error).__name__, error)  # fmt: skip
    return found


def _renumbered(names: list[str], stems: list[int], terms: list[FileTerms]) -> list[FileTerms]:
    """Files worked out in another process, with a Strings of its own, in this one's ids."""
    ids = np.array([_strings.id(name) for name in names], dtype=np.int32)
    known = ids.tolist()
    for word, of in enumerate(stems):
        if of >= 0 and _strings.stems[known[word]] < 0:
            _strings.stems[known[word]] = known[of]
            stem(names[word])  # cached for questions, as a build in this process leaves it
    return [
        replace(
            local,
            questions=ids[local.questions],
            answers=ids[local.answers],
            words=np.sort(ids[local.words]),
        )
        for local in terms
    ]


class EntryTexts(Protocol):
    """What a file's terms are made of: an entry's phrasings and answer."""

    @property
    def questions(self) -> tuple[str, ...]: ...
    @property
    def answer(self) -> str: ...


def worked_out(
    entries: Sequence[EntryTexts],
    normalise: Normalise,
    timed: Callable[[str], bool],
    strings: Strings,
) -> FileTerms:
    """One file's terms, worked out in a worker process with `strings` of its own.

    The normalised phrasings are left out: the load has them, and the matcher asks for them
    only as it needs them.
    """
    return replace(_file_terms(entries, normalise, timed, strings), phrasings=None)


def remember(
    names: list[str],
    stems: list[int],
    files: Sequence[tuple[Sequence[EntryTexts], object, FileTerms]],
) -> None:
    """Keep terms worked out in another process during a load (`worked_out`, with the strings
    `names` and their `stems`), each with its file's live entries and the synonyms' signature,
    where the next build looks first."""
    with _lock:
        renumbered = _renumbered(names, stems, [terms for _, _, terms in files])
        for (entries, signature, _), terms in zip(files, renumbered, strict=True):
            _current[file_key(entries, signature)] = terms


def _file_terms(
    entries: Iterable[EntryTexts],
    normalise: Normalise,
    timed: Callable[[str], bool],
    strings: Strings | None = None,
) -> FileTerms:
    strings = strings or _strings
    questions: list[int] = []
    answers: list[int] = []
    question_counts: list[int] = []
    answer_counts: list[int] = []
    words: set[int] = set()
    flags = bytearray()
    sizes: list[int] = []
    phrasings = []
    for entry in entries:
        normalised = tuple(normalise(q) for q in entry.questions)
        phrasings.append(normalised)
        asked: dict[int, None] = {}  # ordered set: terms in order of first use
        for text in normalised:
            for word in text.split():
                if word not in STOPWORDS:
                    word_id = strings.word(word)
                    words.add(word_id)
                    asked[strings.stems[word_id]] = None
        answered: dict[int, None] = {}
        in_answer: set[int] = set()
        for word in normalise(entry.answer).split():
            if word not in STOPWORDS:
                word_id = strings.word(word)
                words.add(word_id)
                term = strings.stems[word_id]
                in_answer.add(term)
                if term not in asked:
                    answered[term] = None
        sizes.append(len(in_answer))
        questions += asked
        answers += answered
        question_counts.append(len(asked))
        answer_counts.append(len(answered))
        flags.append(timed(entry.answer))
    return FileTerms(
        _ids(questions), _ids(question_counts), _ids(answers), _ids(answer_counts),
        _ids(sorted(words)), bytes(flags), _ids(sizes), tuple(phrasings),
    )  # fmt: skip


def _ids(values: Iterable[int]) -> Ids:
    return np.fromiter(values, dtype=np.int32)


def _join(files: list[FileTerms]) -> Tables:
    """Number the terms by first use over all files and list the (term, entry) pairs."""
    empty = np.zeros(0, dtype=np.int32)
    questions = np.concatenate([f.questions for f in files] or [empty])
    answers = np.concatenate([f.answers for f in files] or [empty])
    question_counts = np.concatenate([f.question_counts for f in files] or [empty])
    answer_counts = np.concatenate([f.answer_counts for f in files] or [empty])
    docs = np.arange(len(question_counts), dtype=np.int32)
    question_docs = np.repeat(docs, question_counts)
    answer_docs = np.repeat(docs, answer_counts)
    # first use: entry by entry, an entry's phrasing terms before its answer's (the merge of
    # two runs already in order); then each term's first place, without sorting all uses
    order = np.argsort(np.concatenate((question_docs * 2, answer_docs * 2 + 1)), kind="stable")
    used = np.concatenate((questions, answers))[order]
    first = np.full(len(_strings.names), len(used), dtype=np.int64)
    np.minimum.at(first, used, np.arange(len(used), dtype=np.int64))
    present = np.flatnonzero(first < len(used))
    numbered = present[np.argsort(first[present], kind="stable")]
    renumber = np.full(len(_strings.names), -1, dtype=np.int32)
    renumber[numbered] = np.arange(len(numbered), dtype=np.int32)
    names = _strings.names
    stems = _strings.stems
    words = np.unique(np.concatenate([f.words for f in files] or [empty])).tolist()
    builder = IndexBuilder()
    builder.add_pairs(renumber[questions], question_docs, IN_QUESTION)
    builder.add_pairs(renumber[answers], answer_docs, IN_ANSWER)
    return Tables(
        [names[i] for i in numbered.tolist()],
        builder.build(len(numbered), len(docs)),
        {names[w]: names[stems[w]] for w in words},
        b"".join(f.timed for f in files),
        np.concatenate([f.answer_sizes for f in files] or [empty]),
        files,
    )


class Phrasings(Sequence[tuple[str, ...]]):
    """Each live entry's phrasings, normalised; those a cache did not keep, when first asked."""

    def __init__(self, tables: Tables, entries: Sequence[Entry], normalise: Normalise):
        self._entries = entries
        self._normalise = normalise
        self._known: list[tuple[str, ...] | None] = [None] * len(entries)
        if tables.files is not None:
            self._known = []
            for terms in tables.files:
                self._known += terms.phrasings or [None] * len(terms.timed)

    def __len__(self) -> int:
        return len(self._known)

    @overload
    def __getitem__(self, doc: int) -> tuple[str, ...]: ...
    @overload
    def __getitem__(self, doc: slice) -> Sequence[tuple[str, ...]]: ...
    def __getitem__(self, doc: int | slice) -> tuple[str, ...] | Sequence[tuple[str, ...]]:
        if isinstance(doc, slice):
            return [self[i] for i in range(*doc.indices(len(self)))]
        found = self._known[doc]
        if found is None:  # a race only normalises twice: the same texts, the same result
            found = self._known[doc] = tuple(map(self._normalise, self._entries[doc].questions))
        return found


def read_cached(
    directory: Path, key: str, entries: Sequence[Entry], signature: object
) -> Tables | None:
    """The tables `write_cached` stored under `key`, or None (missing or damaged)."""
    global _stored
    stored = snapshots.read(directory, "terms", key)
    if stored is None:
        return None
    arrays, strings = stored
    if not isinstance(strings, list) or not all(isinstance(text, str) for text in strings):
        return None
    try:
        index = TermIndex(
            (arrays["question_docs"], arrays["question_offsets"]),
            (arrays["answer_docs"], arrays["answer_offsets"]),
            len(entries),
        )
        term_names = [strings[i] for i in arrays["term_names"].tolist()]
        stems = arrays["stems"].tolist()
        surface = {strings[w]: strings[t] for w, t in enumerate(stems) if t >= 0}
        timed = arrays["timed"].tobytes()
        answer_sizes = arrays["answer_sizes"]
        groups = list(by_file(entries))
        if (
            len(timed) != len(entries)
            or len(answer_sizes) != len(entries)
            or len(arrays["sizes"]) != 5 * len(groups)
            or len(stems) != len(strings)
            or len(arrays["question_offsets"]) != len(term_names) + 1
        ):
            return None
    except (IndexError, KeyError, ValueError):
        return None  # stored for other knowledge than its key says: built again
    with _lock:
        _stored = (strings, arrays, groups, signature)
    return Tables(term_names, index, surface, timed, answer_sizes, None)


def _split(
    strings: list[str], arrays: Arrays, groups: list[list[Entry]], signature: object
) -> dict[object, FileTerms]:
    """The files of tables read from a cache, renumbered into this process's strings."""
    ids = np.array([_strings.id(text) for text in strings], dtype=np.int32)
    for local, stem_of in enumerate(arrays["stems"].tolist()):
        if stem_of >= 0:
            _strings.stems[ids[local]] = int(ids[stem_of])
    sizes = arrays["sizes"]
    parts = {
        name: np.split(
            ids[arrays[name]] if name in _STRING_IDS else arrays[name],
            np.cumsum(sizes[column::5])[:-1],
        )
        for column, name in enumerate(_COLUMNS)
    }
    timed = arrays["timed"].tobytes()
    answer_sizes = arrays["answer_sizes"]
    found: dict[object, FileTerms] = {}
    start = 0
    for number, group in enumerate(groups):
        end = start + len(group)
        questions, question_counts, answers, answer_counts, words = (
            parts[name][number] for name in _COLUMNS
        )
        if len(question_counts) != len(group):
            return {}  # not the files these tables were made of: worked out again
        found[file_key(group, signature)] = FileTerms(
            questions, question_counts, answers, answer_counts, words, timed[start:end],
            answer_sizes[start:end], None,
        )  # fmt: skip
        start = end
    return found


_COLUMNS = ("questions", "question_counts", "answers", "answer_counts", "words")
_STRING_IDS = frozenset({"questions", "answers", "words"})


def write_cached(directory: Path, key: str, tables: Tables) -> None:
    """Store the tables under `key` for the next start (a failure only logs, once)."""
    files = tables.files
    if files is None:
        return
    empty = np.zeros(0, dtype=np.int32)
    words = np.unique(np.concatenate([empty] + [f.words for f in files]))
    terms = np.concatenate([empty] + [f.questions for f in files] + [f.answers for f in files])
    with _lock:
        word_stems = np.array(_strings.stems, dtype=np.int32)[words]
        term_ids = np.array([_strings.ids[name] for name in tables.term_names], dtype=np.int32)
        used = np.union1d(np.union1d(words, terms), np.union1d(word_stems, term_ids))
        strings = [_strings.names[i] for i in used.tolist()]
    local = np.full(len(used), -1, dtype=np.int32)
    local[np.searchsorted(used, words)] = np.searchsorted(used, word_stems)
    arrays = {
        name: np.concatenate([empty] + [getattr(f, name) for f in files]) for name in _COLUMNS
    }
    for name in _STRING_IDS:
        arrays[name] = np.searchsorted(used, arrays[name]).astype(np.int32)
    arrays["sizes"] = np.array(
        [len(getattr(f, name)) for f in files for name in _COLUMNS], dtype=np.int64
    )
    arrays["stems"] = local
    arrays["timed"] = np.frombuffer(tables.timed, dtype=np.uint8)
    arrays["answer_sizes"] = tables.answer_sizes
    arrays["term_names"] = np.searchsorted(used, term_ids).astype(np.int32)
    index = tables.index
    arrays["question_docs"], arrays["question_offsets"] = index.question_postings
    arrays["answer_docs"], arrays["answer_offsets"] = index.answer_postings
    snapshots.write(directory, "terms", key, arrays, strings)


def forget() -> None:
    """Drop every remembered file and string (tests and benchmarks that mimic a fresh start)."""
    global _strings, _current, _previous, _stored
    with _lock:
        _strings = Strings()
        _current, _previous, _stored = {}, {}, None
