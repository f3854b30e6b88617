"""Names a voice message wrote as words that sound like them are read as the names."""

from __future__ import annotations

import pytest

from bot.answering import decide
from bot.config import Thresholds
from bot.soundalike import SoundAlikes, sound_key
from tests.bridge_knowledge import entry, matcher_with

NAMES = SoundAlikes(["haizhu", "hycan", "meishang", "yuanzhi", "pazhou", "bridge", "ribbon"])


@pytest.mark.parametrize(
    ("heard", "name"),
    [
        ("highzoo", "haizhu"),
        ("highcan", "hycan"),
        ("meshang", "meishang"),
        ("yuangee", "yuanzhi"),
        ("pajoe", "pazhou"),
        ("guangjoe", "guangzhou"),
    ],
)
def test_a_name_and_the_words_it_was_heard_as_sound_alike(heard: str, name: str) -> None:
    assert sound_key(heard) == sound_key(name)


@pytest.mark.parametrize(
    ("message", "read"),
    [
        ("when did high zoo hold it?", "when did haizhu hold it?"),
        ("did me shang sign", "did meishang sign"),
        ("which part of pa joe?", "which part of pazhou?"),
        ("Is Yuan Gee Technology in?", "Is yuanzhi Technology in?"),
        ("what did hi can sign?", "what did hycan sign?"),  # "can" with no subject after it
        ("Hi-Can involvement?", "hycan involvement?"),
    ],
)
def test_names_heard_as_other_words_are_written_as_the_knowledge_writes_them(
    message: str, read: str
) -> None:
    assert NAMES.heard(message) == read


@pytest.mark.parametrize(
    "message",
    [
        "how high can the park go",  # onto a function word with a subject: "can" is said
        "so how high can",
        "way up high, zoo animals",  # not across a comma
        "when did the bridge open",  # dictionary words are never names: "bridge" stays
        "how long is the bridge",
    ],
)
def test_ordinary_words_are_not_taken_for_names(message: str) -> None:
    assert NAMES.heard(message) is None


def test_a_dictated_name_gets_the_answer_the_written_name_gets() -> None:
    district = entry(
        "bridge-district",
        "The bridge links the old town with Haizhu district.",
        "Which district does the bridge reach?",
        "Does the bridge reach Haizhu?",
    )
    matcher = matcher_with(district)
    written = decide("does the bridge reach haizhu", matcher, Thresholds())
    dictated = decide("does the bridge reach high zoo", matcher, Thresholds())
    assert written.entry is district
    assert dictated.entry is district
    assert dictated.question == "does the bridge reach high zoo"
