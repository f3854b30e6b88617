"""Per-user rate limit: a sliding window, and one notice per burst rather than one per message."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

WINDOW_SECONDS = 60.0
FORGET_EVERY = 1000  # checks between sweeps of idle users, so memory follows active users


class Verdict(Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # over the limit: tell the user once
    DROP = "drop"  # over the limit and already told


@dataclass
class _User:
    times: deque[float] = field(default_factory=deque)
    notified: bool = False


class RateLimiter:
    """Allows `per_minute` messages per user in any 60 s; 0 turns the limit off."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._users: dict[int, _User] = {}
        self._checks = 0

    def check(self, user_id: int) -> Verdict:
        if self.per_minute <= 0:
            return Verdict.ALLOW
        self._checks += 1
        if self._checks % FORGET_EVERY == 0:
            self.forget_idle()
        now = self.clock()
        user = self._users.setdefault(user_id, _User())
        while user.times and now - user.times[0] >= WINDOW_SECONDS:
            user.times.popleft()
        if len(user.times) < self.per_minute:
            user.times.append(now)
            user.notified = False
            return Verdict.ALLOW
        if user.notified:
            return Verdict.DROP
        user.notified = True
        return Verdict.NOTIFY

    def forget_idle(self) -> None:
        """Drop users with nothing in the window, so memory follows active users only."""
        now = self.clock()
        idle = [
            uid
            for uid, user in self._users.items()
            if not user.times or now - user.times[-1] >= WINDOW_SECONDS
        ]
        for uid in idle:
            del self._users[uid]
