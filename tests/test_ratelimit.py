"""Per-user rate limit: others are served, and the excess gets one notice, not one per message."""

from __future__ import annotations

from bot.ratelimit import RateLimiter, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_excess_messages_get_one_notice_then_silence() -> None:
    limiter = RateLimiter(3, Clock())
    verdicts = [limiter.check(1) for _ in range(6)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY] + [Verdict.DROP] * 2


def test_one_user_flooding_does_not_limit_another() -> None:
    limiter = RateLimiter(2, Clock())
    for _ in range(10):
        limiter.check(1)
    assert limiter.check(2) is Verdict.ALLOW


def test_the_window_slides_and_a_new_burst_is_noticed_again() -> None:
    clock = Clock()
    limiter = RateLimiter(1, clock)
    assert limiter.check(1) is Verdict.ALLOW
    assert limiter.check(1) is Verdict.NOTIFY
    clock.now += 61
    assert limiter.check(1) is Verdict.ALLOW
    assert limiter.check(1) is Verdict.NOTIFY


def test_zero_turns_the_limit_off() -> None:
    limiter = RateLimiter(0, Clock())
    assert all(limiter.check(1) is Verdict.ALLOW for _ in range(1000))


def test_idle_users_are_forgotten() -> None:
    clock = Clock()
    limiter = RateLimiter(5, clock)
    limiter.check(1)
    clock.now += 120
    limiter.forget_idle()
    assert limiter._users == {}
