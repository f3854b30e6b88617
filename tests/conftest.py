"""Test-wide setup, and the settings the maintenance commands' tests run with."""

import os
from pathlib import Path

import pytest

from bot.config import Settings

# python-telegram-bot 22 warns when RetryAfter.retry_after is read as an int unless timedelta
# mode is on; warnings are errors in this suite, and the bot runs in timedelta mode too.
os.environ.setdefault("PTB_TIMEDELTA", "true")

# Commands run in-process read the environment: keep their knowledge cache out of the checkout
# (tests that exercise the cache give it a temporary folder).
os.environ.setdefault("NEWSBOT_CACHE_DIR", "off")

GOOD = Path(__file__).resolve().parent / "data" / "good"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The tests/data/good knowledge and a database not yet created, in this test's folder."""
    return Settings(
        knowledge_dir=GOOD, db_path=tmp_path / "var" / "newsbot.sqlite3", cache_dir=None
    )
