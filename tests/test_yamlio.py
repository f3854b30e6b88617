"""YAML loading: PyYAML's own values, and the position of every key and value in the file."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from bot.yamlio import Mark, YamlSyntaxError, load_yaml

DOCUMENTS = [
    "version: 1\ntitle: 'Quoted: text'\nitems: [a, 'b', \"c\"]\n",
    "n: 12\nf: 1.5\nhex: 0x1F\nyes: yes\nno: off\nnothing: ~\nempty:\n",
    "d: 2022-02-21\nt: 2022-02-21 10:30:00\nforced: !!str 2022-02-21\nnumber: !!int '7'\n",
    "1: one\ntrue: yes\n~: null key\n1.5: float key\n",
    "base: &b {x: 1, y: [2, 3]}\nother:\n  <<: *b\n  y: 4\nboth:\n  <<: [*b, {z: 5}]\n",
    "a: &a [1, {k: v}]\nb: *a\n",
    "- |\n  block\n  text\n- >\n  folded\n  text\n- plain\n",
    "nested:\n  - - deep\n    - {key: [1, 2]}\n",
    "",
    "just text",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_values_are_those_pyyaml_gives(text: str) -> None:
    assert load_yaml(text).data == yaml.load(text, Loader=yaml.SafeLoader)


def test_every_value_and_key_has_its_position() -> None:
    loaded = load_yaml("version: 1\nqa:\n  - id: park\n    questions:\n      - How big?\n")
    assert loaded.mark(()) == Mark(1, 1)
    assert loaded.mark(("version",)) == Mark(1, 10)
    assert loaded.key_mark(("version",)) == Mark(1, 1)
    assert loaded.mark(("qa", 0)) == Mark(3, 5)
    assert loaded.key_mark(("qa", 0)) == Mark(3, 5)  # a list item has no key: its own place
    assert loaded.mark(("qa", 0, "id")) == Mark(3, 9)
    assert loaded.key_mark(("qa", 0, "id")) == Mark(3, 5)
    assert loaded.mark(("qa", 0, "questions", 0)) == Mark(5, 9)
    assert loaded.item_marks(("qa", 0, "questions")) == [Mark(5, 9)]


def test_a_path_not_written_is_placed_at_its_nearest_written_ancestor() -> None:
    loaded = load_yaml("qa:\n  - id: park\n")
    assert loaded.mark(("qa", 0, "answer")) == Mark(2, 5)
    assert loaded.key_mark(("qa", 0, "answer")) == Mark(2, 5)
    assert loaded.mark(("qa", 3)) == Mark(2, 3)
    assert loaded.mark(("qa", "0")) == Mark(2, 3)  # lists are indexed by numbers only
    assert loaded.mark(("qa", 0, "id", "deeper")) == Mark(2, 9)
    assert loaded.item_marks(("qa", 0, "id")) == []
    assert load_yaml("").mark(("anything",)) == Mark(1, 1)


def test_keys_other_than_text_are_named_as_text_in_paths() -> None:
    loaded = load_yaml("1: one\nnull: two\n")
    assert loaded.data == {1: "one", None: "two"}
    assert loaded.mark(("1",)) == Mark(1, 4)
    assert loaded.key_mark(("None",)) == Mark(2, 1)


def test_merged_and_aliased_values_are_placed_where_they_were_written() -> None:
    loaded = load_yaml("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nsame: *b\n")
    assert loaded.data["other"] == {"x": 1, "y": 3}
    assert loaded.mark(("other", "x")) == Mark(1, 14)  # from the anchor
    assert loaded.mark(("other", "y")) == Mark(4, 6)  # its own value wins over the merged one
    assert loaded.mark(("same", "y")) == Mark(1, 20)


def test_a_key_written_twice_is_listed_with_both_values_kept_by_the_later() -> None:
    loaded = load_yaml("a: {x: 1}\nb: 2\na: 3\n")
    assert loaded.data == {"a": 3, "b": 2}
    assert loaded.duplicate_keys == [(("a",), Mark(3, 1))]
    assert loaded.mark(("a",)) == Mark(3, 4)


@pytest.mark.parametrize(
    ("text", "message", "mark"),
    [
        ("a: [1, 2\n", "did not find expected ',' or ']'", Mark(2, 1)),
        (
            "d: 2023-02-30\n",
            "invalid value '2023-02-30': day is out of range for month",
            Mark(1, 4),
        ),
        ("? [a, b]\n: c\n", "mapping keys must be plain values", Mark(1, 3)),
        ("x: !!python/name:os.system ''\n", None, Mark(1, 4)),
    ],
)
def test_unreadable_documents_raise_with_a_position(
    text: str, message: str | None, mark: Mark
) -> None:
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml(text)
    assert raised.value.mark == mark
    if message is not None:
        assert raised.value.message == message


def test_dates_stay_dates() -> None:
    assert load_yaml("d: 2022-02-21\n").data == {"d": dt.date(2022, 2, 21)}
