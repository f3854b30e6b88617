"""A tiny knowledge base about a bridge, built in code, shared by the matching and sweep specs."""

from __future__ import annotations

import datetime as dt

from bot.knowledge import Article, Entry, KnowledgeBase
from bot.matching import Matcher

ARTICLE = Article(
    "Harbor city opens a new bridge",
    "https://example.org/bridge",
    "example.org",
    dt.date(2023, 5, 4),
    "bridge.yaml",
)


def entry(entry_id: str, answer: str, *questions: str) -> Entry:
    return Entry(entry_id, questions, answer, ARTICLE, "bridge.yaml", 1)


ENTRIES = (
    entry(
        "bridge-length",
        "The bridge is 1,200 metres long.",
        "How long is the bridge?",
        "bridge length",
    ),
    entry(
        "bridge-opening",
        "The bridge opened on May 3, 2023.",
        "When did the bridge open?",
        "opening date of the bridge",
    ),
    entry(
        "bridge-cost",
        "Building the bridge cost 500,000 yuan.",
        "How much did the bridge cost?",
        "bridge budget",
    ),
    entry(
        "mayor-name",
        "The mayor, Li Wen, cut the ribbon.",
        "Who cut the ribbon?",
        "Who opened the bridge ceremony?",
    ),
)


def matcher_with(*extra: Entry) -> Matcher:
    """A matcher over the bridge entries and `extra`: a spec's own facts beside the usual ones."""
    return Matcher(KnowledgeBase((ARTICLE,), (*ENTRIES, *extra)))
