"""A loaded knowledge base and its problems as a snapshot (bot/snapshots.py) and back.

A warm start reads one snapshot instead of a thousand parsed files and the cross-file checks:
the entries are stored column by column (texts in the JSON document, numbers as arrays), which
json and numpy read in a fraction of the time the parsed files take to decode one by one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np

from bot.knowledge import Article, Entry, KnowledgeBase, LoadResult
from bot.snapshots import Arrays
from bot.validation import Problem


def encode(result: LoadResult) -> tuple[Arrays, Any]:
    """The arrays and JSON document that `decode` turns back into `result`."""
    knowledge = result.knowledge
    number = {article: n for n, article in enumerate(knowledge.articles)}
    entries = knowledge.entries
    content = {
        "fingerprint": knowledge.fingerprint,
        "articles": [
            [a.title, a.url, a.publisher, a.date.isoformat(), a.path, a.text]
            for a in knowledge.articles
        ],
        "ids": [e.id for e in entries],
        "questions": [q for e in entries for q in e.questions],
        "answers": [e.answer for e in entries],
        # few entries list questions their article leaves open: kept by entry number
        "left_open": {str(n): e.not_in_article for n, e in enumerate(entries) if e.not_in_article},
        "synonyms": knowledge.synonyms,
        "problems": [
            [p.path, p.line, p.column, p.field, p.message, p.hint, p.severity]
            for p in result.problems
        ],
    }
    arrays: Arrays = {
        "question_counts": np.array([len(e.questions) for e in entries], dtype=np.int32),
        "articles": np.array([number[e.article] for e in entries], dtype=np.int32),
        "lines": np.array([e.line for e in entries], dtype=np.int32),
        "drafts": np.array([e.draft for e in entries], dtype=np.uint8),
    }
    return arrays, content


def decode(arrays: Arrays, content: Any, cache_dir: Path, digest: str) -> LoadResult:
    """The load result `encode` stored, its knowledge tied to this cache for the matcher."""
    articles = [
        Article(title, url, publisher, dt.date.fromisoformat(date), path, text)
        for title, url, publisher, date, path, text in content["articles"]
    ]
    questions = content["questions"]
    ends = np.cumsum(arrays["question_counts"]).tolist()
    starts = [0, *ends[:-1]]
    owners = [articles[n] for n in arrays["articles"].tolist()]
    left_open = content["left_open"]
    entries = tuple(
        Entry(
            entry_id, tuple(questions[start:end]), answer, article, article.path, line, draft,
            tuple(left_open.get(str(n), ())),
        )
        for n, (entry_id, start, end, answer, article, line, draft) in enumerate(zip(
            content["ids"], starts, ends, content["answers"], owners,
            arrays["lines"].tolist(), (arrays["drafts"] == 1).tolist(), strict=True,
        ))
    )  # fmt: skip
    synonyms = {canonical: tuple(variants) for canonical, variants in content["synonyms"].items()}
    knowledge = KnowledgeBase(
        tuple(articles), entries, synonyms, content["fingerprint"], cache_dir, digest
    )
    problems = [Problem(*p) for p in content["problems"]]
    return LoadResult(knowledge, problems)
