"""Test-wide setup."""

import os

# python-telegram-bot 22 warns when RetryAfter.retry_after is read as an int unless timedelta
# mode is on; warnings are errors in this suite, and the bot runs in timedelta mode too.
os.environ.setdefault("PTB_TIMEDELTA", "true")

# Commands run in-process read the environment: keep their knowledge cache out of the checkout
# (tests that exercise the cache give it a temporary folder).
os.environ.setdefault("NEWSBOT_CACHE_DIR", "off")
