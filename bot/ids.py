"""Entry ids made from words: shared by `newsbot draft` and `newsbot unanswered --yaml`.

An id is lowercase words joined by hyphens (what validation's ID_PATTERN accepts), short enough
to type and well inside the room a Telegram button leaves for it (CALLBACK_ID_MAX_BYTES).
"""

from __future__ import annotations

import re
import unicodedata

from bot.limits import CALLBACK_ID_MAX_BYTES
from bot.text import STOPWORDS

ID_MAX_BYTES = min(40, CALLBACK_ID_MAX_BYTES)  # short enough to type, well inside a button


def slug(
    text: str,
    limit: int = ID_MAX_BYTES,
    *,
    skip: frozenset[str] = STOPWORDS,
    max_words: int | None = None,
) -> str:
    """A lowercase-hyphen id from the key words of `text`, cut at a word to fit `limit` bytes.

    Words in `skip` carry no topic and are left out; `max_words` keeps only the first few.
    "" when no word is left: each caller knows its own fallback.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = [
        w.strip("-") for w in re.split(r"[^a-z0-9-]+", ascii_text.replace(",", ""))
        if w.strip("-") and w.strip("-") not in skip
    ][:max_words]  # fmt: skip
    while words and len("-".join(words)) > limit:
        words = words[:-1] if len(words) > 1 else [words[0][:limit].strip("-")]
    return re.sub(r"-+", "-", "-".join(words))


def unique_id(base: str, taken: set[str], limit: int = ID_MAX_BYTES) -> str:
    """`base`, or `base-2`, `base-3`... cut to fit `limit` bytes: the first not in `taken`,
    which it joins."""
    candidate, number = base, 2
    while candidate in taken:
        counter = f"-{number}"
        candidate = base[: limit - len(counter)].rstrip("-") + counter
        number += 1
    taken.add(candidate)
    return candidate
