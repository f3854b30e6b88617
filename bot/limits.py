"""Telegram's hard limits, shared by validation (which refuses what won't fit) and the adapters."""

TELEGRAM_MESSAGE_LIMIT = 4096  # characters of text in one message, after entity parsing
CALLBACK_DATA_MAX_BYTES = 64  # bytes of callback_data on one inline button
CALLBACK_PREFIX_MAX_BYTES = 8  # room kept for the longest button prefix, e.g. "fb:up:"
CALLBACK_ID_MAX_BYTES = CALLBACK_DATA_MAX_BYTES - CALLBACK_PREFIX_MAX_BYTES
# Markup, the article line and a little slack around an answer; an answer plus its article's
# title, url and publisher must stay under the message limit by this much.
REPLY_OVERHEAD_CHARS = 200
