"""Usage figures over a period from the store's counts: one text for `newsbot stats` and /stats."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from bot.store import FeedbackCount, OutcomeCount, Store

DEFAULT_DAYS = 30
TOP_ENTRIES = 10


@dataclass(frozen=True)
class EntryFeedback:
    """Votes on one entry's answers."""

    entry_id: str
    helpful: int
    not_helpful: int


@dataclass(frozen=True)
class Stats:
    """What happened since `since`: outcomes, votes, and the entries people asked for most."""

    since: dt.date
    questions: int
    answered: int
    quoted: int  # answered in an article's words: no entry fitted
    clarified: int
    unanswered: int
    helpful: int
    not_helpful: int
    most_asked: tuple[tuple[str, int], ...]  # (entry id, answers), most first
    feedback: tuple[EntryFeedback, ...]  # least helpful first

    def share(self, count: int) -> float:
        """A count as a share of all questions (0 when there were none)."""
        return count / self.questions if self.questions else 0.0


def default_since(today: dt.date) -> dt.date:
    """The start of the default period: the last DEFAULT_DAYS days, today included."""
    return today - dt.timedelta(days=DEFAULT_DAYS - 1)


def summarise(
    since: dt.date, outcomes: Iterable[OutcomeCount], votes: Iterable[FeedbackCount]
) -> Stats:
    """Fold the store's counts into the figures maintainers read."""
    by_status: Counter[str] = Counter()
    by_entry: Counter[str] = Counter()
    for row in outcomes:
        by_status[row.status] += row.count
        if row.status == "answer" and row.entry_id is not None:
            by_entry[row.entry_id] += row.count
    helpful: Counter[str] = Counter()
    unhelpful: Counter[str] = Counter()
    for vote in votes:
        (helpful if vote.helpful else unhelpful)[vote.entry_id] += vote.count
    feedback = sorted(
        (EntryFeedback(e, helpful[e], unhelpful[e]) for e in helpful.keys() | unhelpful.keys()),
        key=lambda f: (-f.not_helpful, f.helpful, f.entry_id),
    )
    most_asked = sorted(by_entry.items(), key=lambda item: (-item[1], item[0]))
    return Stats(
        since=since,
        questions=sum(by_status.values()),
        answered=by_status["answer"],
        quoted=by_status["quote"],
        clarified=by_status["clarify"],
        unanswered=by_status["none"],
        helpful=sum(helpful.values()),
        not_helpful=sum(unhelpful.values()),
        most_asked=tuple(most_asked),
        feedback=tuple(feedback),
    )


def collect(store: Store, since: dt.date) -> Stats:
    """Read the period's counts from the store (blocking: call it via asyncio.to_thread)."""
    start = dt.datetime.combine(since, dt.time(), dt.UTC)
    return summarise(since, store.outcome_counts(start), store.feedback_counts(start))


def format_stats(stats: Stats, top: int = TOP_ENTRIES) -> str:
    """Plain text, narrow enough for a phone: the same for the terminal and Telegram."""
    lines = [f"Questions since {stats.since.isoformat()}: {stats.questions}"]
    for label, count in (
        ("answered", stats.answered),
        ("quoted", stats.quoted),
        ("did you mean", stats.clarified),
        ("not answered", stats.unanswered),
    ):
        lines.append(f"  {label:<13}{count:>6}  {stats.share(count):6.1%}")
    votes = stats.helpful + stats.not_helpful
    if votes:
        lines.append(
            f"Feedback: {stats.helpful} helpful, {stats.not_helpful} not helpful "
            f"({stats.helpful / votes:.1%} helpful)"
        )
    else:
        lines.append("Feedback: none")
    if stats.most_asked:
        lines.append("Most asked entries (answers):")
        width = max(len(entry) for entry, _ in stats.most_asked[:top])
        lines += [f"  {entry:<{width}}  {n:>5}" for entry, n in stats.most_asked[:top]]
    if stats.feedback:
        lines.append("Feedback by entry (helpful / not helpful), least helpful first:")
        width = max(len(f.entry_id) for f in stats.feedback[:top])
        lines += [
            f"  {f.entry_id:<{width}}  {f.helpful:>5} / {f.not_helpful}"
            for f in stats.feedback[:top]
        ]
    return "\n".join(lines)
