"""Which normalised phrasings read as the same question, kept up to date from load to load.

Comparing every pair of phrasings is quadratic (a minute at 10k phrasings), so only phrasings
that share a block are compared: those whose words, cut to their first BLOCK_PREFIX letters, are
the same but for at most one word. A near-identical pair differs by a letter or two, which
leaves all but one word alike, and a slip after a word's first letters leaves it alike too.

Blocks are kept as one sorted array of block hashes with the phrasing each came from, so a
reload after an edit compares only the edited file's phrasings with their blocks; the pairs
found are the same whatever order phrasings came and went in.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Sequence
from itertools import chain

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

NEAR_IDENTICAL = 92.0  # token_sort_ratio above which two phrasings read as the same question
BLOCK_PREFIX = 4  # letters of each word that near-identical phrasings are assumed to share
BLOCK_ROWS = 512  # phrasings of one block compared with the rest of it at a time
REBUILD_SHARE = 4  # more than 1/4 of the phrasings new, or gone: rebuild the blocks at once
SMALL_BLOCK = 8  # blocks up to this size are compared pair by pair, all in one call
THREADED_BLOCK = 64  # blocks over this size are compared on every core (rapidfuzz's threads)
_MODULUS = 1 << 63  # block hashes fit numpy's int64

Blocks = tuple[int, ...]


def _code(prefix: str) -> int:
    """A word prefix's number: the same in every process (worker processes compute blocks)."""
    found = _codes.get(prefix)
    if found is None:
        digest = hashlib.blake2b(prefix.encode(), digest_size=8).digest()
        found = _codes[prefix] = int.from_bytes(digest) % _MODULUS
    return found


_codes: dict[str, int] = {}


def blocks(text: str) -> Blocks:
    """The blocks of a normalised text: its word prefixes with one of them left out.

    A block is hashed as the sum of its prefixes' numbers, so each is the whole sum minus one
    number; the same prefixes in any order are the same block. A one-word text's block is
    that word, which is also what a two-word text leaves when one of its words is left out.
    """
    codes = [_code(word[:BLOCK_PREFIX]) for word in text.split()]
    if len(codes) < 2:
        return tuple(codes)
    total = sum(codes)
    return tuple({(total - code) % _MODULUS for code in codes})


Hashes = npt.NDArray[np.int64]


def blocks_of(texts: Sequence[str]) -> tuple[Hashes, Hashes]:
    """Every text's blocks, one text after another, and how many each has."""
    found = [blocks(text) for text in texts]
    counts = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    hashes = np.fromiter(chain.from_iterable(found), dtype=np.int64, count=int(counts.sum()))
    return hashes, counts


# blocks worked out in other processes (as blocks_of gives them), kept for the next update only
_remembered: list[tuple[list[str], Hashes, Hashes]] = []


def remember(texts: list[str], hashes: Hashes, counts: Hashes) -> None:
    """Keep blocks worked out elsewhere (`blocks_of(texts)`) for the next `near_duplicates`."""
    with _lock:
        _remembered.append((texts, hashes, counts))


def _all_blocks(texts: list[str]) -> tuple[Hashes, Hashes]:
    """What `blocks_of(texts)` gives, taken from the remembered blocks where they have it."""
    if not _remembered:
        return blocks_of(texts)
    known = [text for batch in _remembered for text in batch[0]]
    row = dict(zip(known, range(len(known)), strict=True))
    rows = np.fromiter((row.get(text, -1) for text in texts), dtype=np.int64, count=len(texts))
    missing = np.flatnonzero(rows < 0)
    extra_hashes, extra_counts = blocks_of([texts[i] for i in missing.tolist()])
    rows[missing] = len(known) + np.arange(len(missing))
    every = np.concatenate([batch[1] for batch in _remembered] + [extra_hashes])
    sizes = np.concatenate([batch[2] for batch in _remembered] + [extra_counts])
    counts = sizes[rows]
    # each text's run of hashes, gathered in the order of `texts`
    starts = (np.cumsum(sizes) - sizes)[rows]
    ends = np.cumsum(counts)
    at = np.arange(int(ends[-1]) if len(ends) else 0) + np.repeat(starts - (ends - counts), counts)
    return every[at], counts


class TextNumbers:
    """Texts numbered in the order first seen, so that they can be compared as numbers."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self.names: list[str] = []
        self.numbers: dict[str, int] = {}
        for text in texts:
            self.number(text)

    def number(self, text: str) -> int:
        found = self.numbers.get(text)
        if found is None:
            found = self.numbers[text] = len(self.names)
            self.names.append(text)
        return found


class NearDuplicates:
    """Pairs of texts at least NEAR_IDENTICAL alike, among the texts last passed to `update`."""

    def __init__(self) -> None:
        self._present: set[str] = set()
        self._stale = 0  # block entries of texts since removed
        self._texts = TextNumbers()  # every text ever indexed, by number
        self._hashes = np.zeros(0, dtype=np.int64)  # sorted
        self._owners = np.zeros(0, dtype=np.int64)  # the number of the text each hash came from
        self._alike: dict[str, dict[str, float]] = {}

    def update(self, texts: Iterable[str]) -> None:
        """Make the pairs those among `texts` (empty texts have none)."""
        try:
            self._update(texts)
        finally:
            _remembered.clear()

    def _update(self, texts: Iterable[str]) -> None:
        current = {text for text in texts if text}
        added = current - self._present
        removed = self._present - current
        if (len(added) + len(removed) + self._stale) * REBUILD_SHARE > max(len(current), 1):
            self._rebuild(current)
            return
        for text in removed:
            for other in self._alike.pop(text, {}):
                self._alike[other].pop(text, None)
            self._stale += len(blocks(text))
        self._present = current
        if added:
            self._add(sorted(added))

    def linked(self) -> dict[str, dict[str, float]]:
        """Each text with alike ones, and how alike they are (a percentage)."""
        return {text: dict(others) for text, others in self._alike.items() if others}

    def _hashed(self, texts: list[str]) -> tuple[Hashes, Hashes]:
        """Every block hash of `texts` with its text's number, sorted by hash."""
        numbers = np.array([self._texts.number(text) for text in texts], dtype=np.int64)
        hashes, counts = _all_blocks(texts)
        order = np.argsort(hashes)  # the order within a block changes no pair found
        return hashes[order], np.repeat(numbers, counts)[order]

    def _rebuild(self, texts: set[str]) -> None:
        self._texts = TextNumbers(texts)
        hashes, counts = _all_blocks(self._texts.names)
        order = np.argsort(hashes)
        self._hashes = hashes[order]
        self._owners = np.repeat(np.arange(len(self._texts.names), dtype=np.int64), counts)[order]
        self._present, self._stale, self._alike = texts, 0, {}
        hashes = self._hashes
        edges = np.flatnonzero(hashes[1:] != hashes[:-1]) + 1
        starts = np.concatenate(([0], edges)).astype(np.int64)
        sizes = np.diff(np.concatenate((starts, [len(hashes)])))
        self._compare_pairs(starts, sizes)
        for start, size in zip(
            starts[sizes > SMALL_BLOCK].tolist(), sizes[sizes > SMALL_BLOCK].tolist(), strict=True
        ):
            self._compare_block(
                [self._texts.names[n] for n in self._owners[start : start + size].tolist()]
            )

    def _compare_pairs(self, starts: npt.NDArray[np.int64], sizes: npt.NDArray[np.int64]) -> None:
        """Compare within the small blocks: every pair of each, in one call for all of them.

        Most blocks hold two or three phrasings; a call per block would cost more than the
        comparisons themselves.
        """
        firsts, seconds = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
        for size in range(2, SMALL_BLOCK + 1):
            at = starts[sizes == size]
            rows, columns = np.triu_indices(size, 1)
            firsts.append(self._owners[(at[:, None] + rows).ravel()])
            seconds.append(self._owners[(at[:, None] + columns).ravel()])
        first, second = np.concatenate(firsts), np.concatenate(seconds)
        if not len(first):
            return
        names = self._texts.names
        alike = process.cpdist(
            [names[n] for n in first.tolist()], [names[n] for n in second.tolist()],
            scorer=fuzz.token_sort_ratio, score_cutoff=NEAR_IDENTICAL, dtype=np.float64,
            workers=-1,  # rapidfuzz's threads, on every core: hundreds of thousands of pairs
        )  # fmt: skip
        found = np.flatnonzero(alike)
        for one, other, score in zip(
            first[found].tolist(), second[found].tolist(), alike[found].tolist(), strict=True
        ):
            self._link(names[one], names[other], score)

    def _compare_block(self, members: list[str]) -> None:
        for start in range(0, len(members), BLOCK_ROWS):  # bounded memory for a huge block
            alike = process.cdist(
                members[start : start + BLOCK_ROWS], members, scorer=fuzz.token_sort_ratio,
                score_cutoff=NEAR_IDENTICAL, dtype=np.float64,
                workers=-1 if len(members) > THREADED_BLOCK else 1,
            )  # fmt: skip
            rows, columns = np.nonzero(alike)
            for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
                first, second = members[start + row], members[column]
                if first != second:
                    self._link(first, second, float(alike[row, column]))

    def _add(self, added: list[str]) -> None:
        hashes, owners = self._hashed(added)
        places = np.searchsorted(self._hashes, hashes)
        self._hashes = np.insert(self._hashes, places, hashes)
        self._owners = np.insert(self._owners, places, owners)
        for text in added:
            candidates: set[int] = set()
            for key in blocks(text):
                low = int(np.searchsorted(self._hashes, key, side="left"))
                high = int(np.searchsorted(self._hashes, key, side="right"))
                candidates.update(self._owners[low:high].tolist())
            choices = [self._texts.names[n] for n in candidates]
            choices = [c for c in choices if c != text and c in self._present]
            hits = process.extract(
                text, choices, scorer=fuzz.token_sort_ratio, score_cutoff=NEAR_IDENTICAL,
                limit=None,
            )  # fmt: skip
            for other, score, _ in hits:
                self._link(text, other, float(score))

    def _link(self, first: str, second: str, score: float) -> None:
        self._alike.setdefault(first, {})[second] = score
        self._alike.setdefault(second, {})[first] = score


_lock = threading.Lock()
_latest = NearDuplicates()


def near_duplicates(texts: Iterable[str]) -> dict[str, dict[str, float]]:
    """Each of `texts` with those alike to it, worked out from the last call's pairs."""
    with _lock:
        _latest.update(texts)
        return _latest.linked()


def forget() -> None:
    """Start from nothing again (tests and benchmarks that mimic a fresh process)."""
    global _latest
    with _lock:
        _latest = NearDuplicates()
        _remembered.clear()
