"""The knowledge's inverted index: for each term, the entries asked or answered with it.

Postings live in two flat numpy arrays (one for terms in an entry's phrasings, one for terms only
in its answer) with an offset per term, sorted by entry: a million phrasings take tens of
megabytes rather than a Python set per term, and "which of these entries have this term" is one
vectorised membership test instead of a Python loop over the entries.
"""

from __future__ import annotations

from array import array

import numpy as np
import numpy.typing as npt

Docs = npt.NDArray[np.int32]
Mask = npt.NDArray[np.bool_]
IN_QUESTION = 1  # the term is in one of the entry's phrasings
IN_ANSWER = 2  # the term is only in the entry's answer
_SEARCH_RATIO = 16  # below this size ratio a binary search beats a lookup table


class IndexBuilder:
    """Collects (term, entry) pairs entry by entry; `build` freezes them into a TermIndex."""

    def __init__(self) -> None:
        self._terms = {IN_QUESTION: array("i"), IN_ANSWER: array("i")}
        self._docs = {IN_QUESTION: array("i"), IN_ANSWER: array("i")}

    def add(self, doc: int, term_ids: set[int], kind: int) -> None:
        """Record that entry `doc` has these terms, in its phrasings or only in its answer."""
        self._terms[kind].extend(term_ids)
        self._docs[kind].extend([doc] * len(term_ids))

    def add_pairs(self, term_ids: Docs, docs: Docs, kind: int) -> None:
        """Record many (term, entry) pairs at once, entries ascending as with `add`."""
        self._terms[kind].frombytes(term_ids.astype(np.int32).tobytes())
        self._docs[kind].frombytes(docs.astype(np.int32).tobytes())

    def build(self, term_count: int, doc_count: int) -> TermIndex:
        parts = {}
        for kind in (IN_QUESTION, IN_ANSWER):
            terms = np.frombuffer(self._terms[kind], dtype=np.int32)
            docs = np.frombuffer(self._docs[kind], dtype=np.int32)
            # entries were added in order: a stable sort keeps them so (a radix sort when the
            # term ids fit 16 bits, eight times quicker than on 32)
            keys = terms.astype(np.uint16) if term_count <= 1 << 16 else terms
            order = np.argsort(keys, kind="stable")
            counts = np.bincount(terms, minlength=term_count)
            offsets = np.zeros(term_count + 1, dtype=np.int64)
            np.cumsum(counts, out=offsets[1:])
            parts[kind] = (docs[order].copy(), offsets)
        return TermIndex(parts[IN_QUESTION], parts[IN_ANSWER], doc_count)


class TermIndex:
    """Read-only postings; safe to share between threads."""

    def __init__(
        self,
        question: tuple[Docs, npt.NDArray[np.int64]],
        answer: tuple[Docs, npt.NDArray[np.int64]],
        doc_count: int,
    ) -> None:
        self._question_docs, self._question_offsets = question
        self._answer_docs, self._answer_offsets = answer
        self.doc_count = doc_count

    def question_docs(self, term: int) -> Docs:
        """Entries with `term` in a phrasing, ascending."""
        offsets = self._question_offsets
        return self._question_docs[offsets[term] : offsets[term + 1]]

    def answer_docs(self, term: int) -> Docs:
        """Entries with `term` only in the answer, ascending."""
        offsets = self._answer_offsets
        return self._answer_docs[offsets[term] : offsets[term + 1]]

    def size(self, term: int) -> int:
        """How many entries have `term` anywhere."""
        q, a = self._question_offsets, self._answer_offsets
        return int(q[term + 1] - q[term] + a[term + 1] - a[term])

    def docs(self, term: int) -> Docs:
        """Every entry with `term`, ascending."""
        return np.sort(np.concatenate((self.question_docs(term), self.answer_docs(term))))

    def kinds(self, docs: Docs, term: int) -> npt.NDArray[np.uint8]:
        """For each of `docs` (ascending, unique): IN_QUESTION, IN_ANSWER or 0."""
        kinds = member(docs, self.question_docs(term)).astype(np.uint8)
        kinds[member(docs, self.answer_docs(term))] = IN_ANSWER
        return kinds

    @property
    def question_postings(self) -> tuple[Docs, npt.NDArray[np.int64]]:
        """The phrasing postings and their offsets, as the constructor takes them."""
        return self._question_docs, self._question_offsets

    @property
    def answer_postings(self) -> tuple[Docs, npt.NDArray[np.int64]]:
        """The answer-only postings and their offsets, as the constructor takes them."""
        return self._answer_docs, self._answer_offsets

    def nbytes(self) -> int:
        q, a = self._question_docs, self._answer_docs
        return q.nbytes + a.nbytes + self._question_offsets.nbytes + self._answer_offsets.nbytes


def member(docs: Docs, posting: Docs) -> Mask:
    """Which of `docs` are in `posting` (both ascending and unique), the cheapest way round."""
    if len(docs) == 0 or len(posting) == 0:
        return np.zeros(len(docs), dtype=np.bool_)
    if len(posting) * _SEARCH_RATIO <= len(docs):  # a few postings: find each among the docs
        where = np.searchsorted(docs, posting)
        inside = where < len(docs)
        where, posting = where[inside], posting[inside]
        mask = np.zeros(len(docs), dtype=np.bool_)
        mask[where[docs[where] == posting]] = True
        return mask
    if len(docs) * _SEARCH_RATIO <= len(posting):  # a few docs: find each in the postings
        where = np.minimum(np.searchsorted(posting, docs), len(posting) - 1)
        return np.asarray(posting[where] == docs)
    return np.isin(docs, posting, assume_unique=True, kind="table")
