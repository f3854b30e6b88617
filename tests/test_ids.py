"""Entry ids from words: the one slug rule `newsbot draft` and `newsbot unanswered` share."""

from __future__ import annotations

from bot.ids import ID_MAX_BYTES, slug, unique_id
from bot.text import QUESTION_WORDS, STOPWORDS
from bot.validation import ID_PATTERN


def test_ids_are_short_lowercase_hyphen_words() -> None:
    long = slug(
        "Ünïcode Straße, and the Pearl River Science and Technology Innovation Park Extension"
    )
    assert ID_PATTERN.match(long)
    assert len(long) <= 40
    assert slug("500,000 square meters") == "500000-square-meters"
    assert slug("above-ground construction area") == "above-ground-construction-area"


def test_a_slug_keeps_only_the_first_words_asked_for_and_skips_the_words_given() -> None:
    question = "how much did the new park cost the district"
    assert slug(question) == "how-new-park-cost-district"
    assert slug(question, skip=STOPWORDS | QUESTION_WORDS, max_words=3) == "new-park-cost"
    assert slug("the of and") == ""


def test_a_counter_makes_an_id_unique_and_still_fits_the_limit() -> None:
    taken = {"park-cost", "a" * ID_MAX_BYTES}
    assert unique_id("park-cost", taken) == "park-cost-2"
    assert unique_id("a" * ID_MAX_BYTES, taken) == "a" * (ID_MAX_BYTES - 2) + "-2"
    assert {"park-cost-2", "a" * (ID_MAX_BYTES - 2) + "-2"} <= taken
