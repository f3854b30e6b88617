"""Counts of what the bot decided since it started, for the admins' /stats."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from bot.answering import Reply


@dataclass
class Usage:
    started: float = field(default_factory=time.time)
    statuses: Counter[str] = field(default_factory=Counter)
    entries: Counter[str] = field(default_factory=Counter)

    def record(self, reply: Reply) -> None:
        self.statuses[reply.outcome] += 1
        if reply.entry is not None:
            self.entries[reply.entry.id] += 1

    def summary(self) -> str:
        total = sum(self.statuses.values())
        hours = (time.time() - self.started) / 3600
        lines = [f"Questions since start ({hours:.1f} h ago): {total}"]
        for status in ("answer", "quote", "clarify", "none"):
            count = self.statuses[status]
            share = count / total if total else 0.0
            lines.append(f"  {status}: {count} ({share:.0%})")
        if self.entries:
            lines.append("Most asked:")
            lines += [f"  {entry}: {n}" for entry, n in self.entries.most_common(5)]
        return "\n".join(lines)
