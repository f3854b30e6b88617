"""The live engine: knowledge and matcher, swapped whole so no question sees half a reload."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from bot.answering import Reply, choose, decide
from bot.config import Settings
from bot.knowledge import KnowledgeBase, LoadResult, load_knowledge
from bot.matching import Matcher
from bot.quoting import QuoteFinder
from bot.validation import Problem

log = logging.getLogger(__name__)


class KnowledgeErrors(Exception):
    """The knowledge has errors; carries them so callers can print the `newsbot check` lines."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} error(s) in the knowledge")
        self.problems = problems


DECISION_CACHE_SIZE = 4096  # popular questions repeat; a decision is pure, so reuse it


@dataclass(frozen=True)
class Snapshot:
    """A consistent pair: the knowledge and the matcher built from it, with remembered decisions.

    The cache lives and dies with the snapshot, so a reload can never serve a stale decision.
    """

    knowledge: KnowledgeBase
    matcher: Matcher
    quotes: QuoteFinder
    decide: Callable[[str], Reply]


@dataclass(frozen=True)
class ReloadOutcome:
    """What a reload did: swapped in new knowledge, found nothing new, or refused bad knowledge."""

    status: str  # "reloaded" | "unchanged" | "refused"
    problems: list[Problem] = field(default_factory=list)
    summary: str = ""


def build_snapshot(result: LoadResult, settings: Settings) -> Snapshot:
    matcher = Matcher(result.knowledge)
    quotes = QuoteFinder(result.knowledge, matcher)

    def decide_once(question: str) -> Reply:
        return decide(question, matcher, settings.thresholds, settings.max_question_chars, quotes)

    return Snapshot(result.knowledge, matcher, quotes, lru_cache(DECISION_CACHE_SIZE)(decide_once))


class Engine:
    """Answers questions from the last good knowledge; adapters share one instance."""

    def __init__(self, settings: Settings, snapshot: Snapshot) -> None:
        self.settings = settings
        self._snapshot = snapshot
        self._reload_lock = threading.Lock()

    @classmethod
    def load(cls, settings: Settings) -> Engine:
        """Load the knowledge; raise KnowledgeErrors rather than serve a broken base."""
        result = load_knowledge(settings.knowledge_dir, settings.cache_dir, serving=True)
        if result.errors:
            raise KnowledgeErrors(result.errors)
        return cls(settings, build_snapshot(result, settings))

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._snapshot.knowledge

    def ask(self, question: str) -> Reply:
        """Decide what to say to `question` (one snapshot for the whole decision)."""
        return self._snapshot.decide(question)

    def choose(self, entry_id: str) -> Reply | None:
        """Answer a "did you mean" pick; None for ids the knowledge does not have."""
        return choose(entry_id, self._snapshot.matcher)

    def reload(self) -> ReloadOutcome:
        """Re-read the knowledge; swap it in if valid, otherwise keep serving the old one."""
        with self._reload_lock:
            result = load_knowledge(self.settings.knowledge_dir, self.settings.cache_dir)
            if result.errors:
                return ReloadOutcome("refused", result.errors)
            old = self._snapshot.knowledge
            new = result.knowledge
            if new.fingerprint == old.fingerprint:
                return ReloadOutcome("unchanged")
            self._snapshot = build_snapshot(result, self.settings)  # one assignment: atomic
            return ReloadOutcome("reloaded", result.warnings, describe_change(old, new))


def describe_change(old: KnowledgeBase, new: KnowledgeBase) -> str:
    """One log line of what a reload changed, by entry id."""
    before = {e.id: e for e in old.entries}
    after = {e.id: e for e in new.entries}
    added = sorted(after.keys() - before.keys())
    removed = sorted(before.keys() - after.keys())
    changed = sorted(
        i
        for i in after.keys() & before.keys()
        if (after[i].questions, after[i].answer, after[i].draft, after[i].article)
        != (before[i].questions, before[i].answer, before[i].draft, before[i].article)
    )
    parts = [f"{len(new.entries)} entries in {len(new.articles)} article(s)"]
    for label, ids in (("added", added), ("removed", removed), ("changed", changed)):
        if ids:
            shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
            parts.append(f"{label}: {shown}")
    if new.synonyms != old.synonyms:
        parts.append("synonyms changed")
    return "; ".join(parts)
