"""Normalised knowledge texts, shared by a load's checks, its matcher and the next reload.

Normalising is most of the time a big knowledge base takes to check and to index, and the
same phrasings were normalised by the last load too. This remembers the normalised form of
every knowledge text (never a user's question: those would make it grow without end) for the
latest two passes, a pass being one load (its cross-file check and its matcher build), so an
unchanged phrasing is normalised once per process and an edit costs only what it changed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

from bot.text import Normaliser

Signature = tuple[tuple[str, tuple[str, ...]], ...]


class KnowledgeNormaliser(Normaliser):
    """A Normaliser that remembers the texts of the current and the previous pass."""

    def __init__(self, synonyms: Mapping[str, Iterable[str]], signature: Signature) -> None:
        super().__init__(synonyms)
        self.signature = signature
        self._current: dict[str, str] = {}
        self._previous: dict[str, str] = {}

    def normalise(self, text: str) -> str:
        found = self._current.get(text)
        if found is None:
            found = self._previous.get(text)
            if found is None:
                found = super().normalise(text)
            self._current[text] = found
        return found

    def remember(self, texts: Mapping[str, str]) -> None:
        """Take texts normalised elsewhere (by worker processes, with the same synonyms)."""
        self._current.update(texts)

    def next_pass(self) -> None:
        """Start a pass: texts not asked for since the last one are forgotten after this one."""
        self._previous, self._current = self._current, {}


_lock = threading.Lock()
_latest: KnowledgeNormaliser | None = None


def knowledge_normaliser(
    synonyms: Mapping[str, Iterable[str]], new_pass: bool = True
) -> KnowledgeNormaliser:
    """The normaliser for knowledge texts under these synonyms, starting a new pass or not.

    The matcher joins the pass of the load it is built from: it only asks for the texts of
    edited files, and a pass of its own would make the next load forget all the others.
    """
    global _latest
    signature = tuple(sorted((str(k), tuple(map(str, v))) for k, v in synonyms.items()))
    with _lock:
        if _latest is None or _latest.signature != signature:
            _latest = KnowledgeNormaliser(synonyms, signature)
        elif new_pass:
            _latest.next_pass()
        return _latest


def forget() -> None:
    """Drop every remembered text (tests and benchmarks that mimic a fresh process)."""
    global _latest
    with _lock:
        _latest = None
