"""What an edit moved, question by question: decisions files and their comparison.

The comparison is specified on hand-made decisions (bot/evalchanges.py is pure).
"""

from __future__ import annotations

import json

import pytest

from bot.evalchanges import (
    Changes,
    Decision,
    DecisionsError,
    SetDecisions,
    compare,
    format_decisions,
    parse_decisions,
)


def decided(question: str, expect: str, outcome: str, *suggestions: str) -> Decision:
    """A decision written as its outcome: 'answer ENTRY', 'quote', 'clarify' or 'none'."""
    if outcome.startswith("answer "):
        return Decision(question, expect, "answer", outcome.removeprefix("answer "))
    if outcome == "quote":
        return Decision(question, expect, "answer", None, quote=True)
    return Decision(question, expect, outcome, suggestions=suggestions)


def one_set(*decisions: Decision, file: str = "eval/a.yaml") -> list[SetDecisions]:
    return [SetDecisions(file, decisions)]


def moved(question: str, expect: str, before: str, after: str) -> Changes:
    """What `compare` makes of one question of one set going from `before` to `after`."""
    return compare(
        one_set(decided(question, expect, before)), one_set(decided(question, expect, after))
    )


def listed(changes: Changes) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """The non-empty groups, each question as (question, before, after)."""
    shown = {}
    for key, value in changes.as_dict().items():
        if key != "counts" and value:
            assert isinstance(value, list)
            shown[key] = [(c["question"], c["before"], c["after"]) for c in value]
    return shown


# --- the groups -----------------------------------------------------------------------------


@pytest.mark.parametrize("before", ["clarify", "none", "quote"])
def test_a_question_now_answered_with_its_entry_is_now_right(before: str) -> None:
    changes = moved("How long is it?", "bridge-length", before, "answer bridge-length")
    assert listed(changes) == {"now_right": [("How long is it?", before, "answer bridge-length")]}
    assert changes.losses == ()


@pytest.mark.parametrize("after", ["clarify", "none", "quote"])
def test_a_question_no_longer_answered_with_its_entry_is_no_longer_right(after: str) -> None:
    changes = moved("How long is it?", "bridge-length", "answer bridge-length", after)
    assert listed(changes) == {
        "no_longer_right": [("How long is it?", "answer bridge-length", after)]
    }
    assert len(changes.losses) == 1


@pytest.mark.parametrize(
    ("expect", "before"),
    [
        ("none", "none"),  # an unanswerable question answered
        ("none", "clarify"),
        ("bridge-length", "clarify"),  # an answerable one answered with another entry
        ("bridge-length", "none"),
    ],
)
def test_a_question_now_answered_with_a_fact_it_should_not_get_is_a_loss(
    expect: str, before: str
) -> None:
    changes = moved("How tall is it?", expect, before, "answer bridge-cost")
    assert listed(changes) == {
        "now_answers_wrongly": [("How tall is it?", before, "answer bridge-cost")]
    }
    assert len(changes.losses) == 1


def test_a_quote_given_to_an_unanswerable_question_is_answering_wrongly() -> None:
    changes = moved("Who won the cup?", "none", "none", "quote")
    assert listed(changes) == {"now_answers_wrongly": [("Who won the cup?", "none", "quote")]}


@pytest.mark.parametrize(("expect", "after"), [("none", "none"), ("bridge-length", "clarify")])
def test_a_wrong_answer_no_longer_given_is_listed_as_such(expect: str, after: str) -> None:
    changes = moved("How tall is it?", expect, "answer bridge-cost", after)
    assert listed(changes) == {
        "no_longer_answers_wrongly": [("How tall is it?", "answer bridge-cost", after)]
    }
    assert changes.losses == ()


def test_a_right_answer_turned_into_a_wrong_entry_is_both_a_right_lost_and_a_wrong_gained() -> None:
    # so that each group's count is the move of its figure: right answers, wrong answers
    changes = moved(
        "How long is it?", "bridge-length", "answer bridge-length", "answer bridge-cost"
    )
    line = ("How long is it?", "answer bridge-length", "answer bridge-cost")
    assert listed(changes) == {"no_longer_right": [line], "now_answers_wrongly": [line]}
    back = moved("How long is it?", "bridge-length", "answer bridge-cost", "answer bridge-length")
    line = ("How long is it?", "answer bridge-cost", "answer bridge-length")
    assert listed(back) == {"now_right": [line], "no_longer_answers_wrongly": [line]}


@pytest.mark.parametrize(
    ("expect", "before", "after"),
    [
        ("bridge-length", "clarify", "none"),
        ("bridge-length", "none", "clarify"),
        ("none", "clarify", "none"),  # unanswered, and rightly so, either way
    ],
)
def test_clarify_and_none_swapped_is_no_change_in_rightness_only_counted(
    expect: str, before: str, after: str
) -> None:
    changes = moved("Is it long?", expect, before, after)
    assert listed(changes) == {}
    assert changes.counts["swapped"] == 1
    assert changes.losses == ()


def test_moves_that_change_no_figure_are_counted_apart_and_never_listed() -> None:
    before = one_set(
        decided("Who paid?", "bridge-cost", "none"),
        decided("Who won?", "none", "answer bridge-cost"),
        decided("How long?", "bridge-length", "answer bridge-length"),
        decided("Which one?", "bridge-length", "clarify", "bridge-length", "bridge-cost"),
    )
    after = one_set(
        decided("Who paid?", "bridge-cost", "quote"),  # an article sentence, not its entry
        decided("Who won?", "none", "answer bridge-architect"),  # another wrong fact
        decided("How long?", "bridge-length", "answer bridge-length"),
        decided("Which one?", "bridge-length", "clarify", "bridge-cost", "bridge-length"),
    )
    changes = compare(before, after)
    assert listed(changes) == {}
    assert changes.counts == {
        "now_right": 0,
        "no_longer_right": 0,
        "now_answers_wrongly": 0,
        "no_longer_answers_wrongly": 0,
        "new": 0,
        "gone": 0,
        "swapped": 0,
        "quote_swapped": 1,
        "other_wrong": 1,
    }


def test_the_same_decisions_make_no_changes_at_all() -> None:
    decisions = one_set(
        decided("How long?", "bridge-length", "answer bridge-length"),
        decided("Who won?", "none", "none"),
    )
    assert compare(decisions, decisions) == Changes()


def test_both_runs_are_judged_by_the_later_runs_expectation() -> None:
    # the set was corrected to expect bridge-cost, and the bot answered bridge-cost all along
    before = one_set(decided("What did it take?", "bridge-length", "answer bridge-cost"))
    after = one_set(decided("What did it take?", "bridge-cost", "answer bridge-cost"))
    assert compare(before, after) == Changes()


# --- pairing sets and questions ------------------------------------------------------------


def test_sets_are_paired_by_file_name_when_the_paths_differ() -> None:
    # an older checkout run on its own copy of the sets
    before = one_set(decided("How long?", "bridge-length", "none"), file="/tmp/x/eval/b3.yaml")
    now = decided("How long?", "bridge-length", "answer bridge-length")
    after = one_set(now, file="eval/b3.yaml")
    changes = compare(before, after)
    assert [c.as_dict() for c in changes.now_right] == [
        {
            "file": "eval/b3.yaml",
            "question": "How long?",
            "expect": "bridge-length",
            "before": "none",
            "after": "answer bridge-length",
        }
    ]
    assert (changes.counts["new"], changes.counts["gone"]) == (0, 0)


def test_the_same_path_is_paired_before_another_set_of_the_same_name() -> None:
    before = [
        *one_set(decided("How long?", "bridge-length", "none"), file="other/a.yaml"),
        *one_set(decided("How long?", "bridge-length", "clarify"), file="eval/a.yaml"),
    ]
    after = one_set(decided("How long?", "bridge-length", "none"), file="eval/a.yaml")
    changes = compare(before, after)
    assert changes.counts["swapped"] == 1  # clarify -> none, against eval/a.yaml
    assert [(c.file, c.question) for c in changes.gone] == [("other/a.yaml", "How long?")]


def test_a_file_name_two_sets_share_pairs_only_by_path() -> None:
    before = one_set(decided("How long?", "bridge-length", "none"), file="old/a.yaml")
    after = [
        *one_set(decided("How long?", "bridge-length", "none"), file="x/a.yaml"),
        *one_set(decided("How long?", "bridge-length", "none"), file="y/a.yaml"),
    ]
    changes = compare(before, after)
    assert [c.file for c in changes.new] == ["x/a.yaml", "y/a.yaml"]
    assert [c.file for c in changes.gone] == ["old/a.yaml"]


def test_questions_in_one_run_only_are_new_or_gone_and_not_judged() -> None:
    before = one_set(
        decided("How long?", "bridge-length", "answer bridge-length"),
        decided("Who paid?", "bridge-cost", "answer bridge-cost"),
    )
    after = one_set(
        decided("How long?", "bridge-length", "answer bridge-length"),
        decided("Who won?", "none", "answer bridge-cost"),  # wrong, but there is no before
    )
    changes = compare(before, after)
    assert listed(changes) == {
        "new": [("Who won?", None, "answer bridge-cost")],
        "gone": [("Who paid?", "answer bridge-cost", None)],
    }
    assert changes.losses == ()


def test_a_set_only_in_the_earlier_run_is_gone_whole() -> None:
    before = one_set(decided("How long?", "bridge-length", "none"), file="eval/old.yaml")
    changes = compare(before, [])
    assert [(c.file, c.question, c.before, c.after) for c in changes.gone] == [
        ("eval/old.yaml", "How long?", before[0].decisions[0], None)
    ]


def test_a_question_a_set_asks_twice_is_paired_in_order() -> None:
    before = one_set(
        decided("How long?", "bridge-length", "none"),
        decided("How long?", "bridge-length", "answer bridge-length"),
    )
    after = one_set(
        decided("How long?", "bridge-length", "none"),
        decided("How long?", "bridge-length", "clarify"),
    )
    assert listed(compare(before, after)) == {
        "no_longer_right": [("How long?", "answer bridge-length", "clarify")]
    }


# --- the decisions file ---------------------------------------------------------------------

SETS = [
    SetDecisions(
        "eval/a.yaml",
        (
            decided("Wann öffnete die Brücke?", "bridge-opening", "answer bridge-opening"),
            decided('Was it "cheap"?', "bridge-cost", "clarify", "bridge-cost", "bridge-length"),
            decided("Who won the cup?", "none", "quote"),
        ),
    ),
    SetDecisions("eval/empty.yaml", ()),
]


def test_a_decisions_file_reads_back_as_written() -> None:
    assert parse_decisions(format_decisions(SETS)) == tuple(SETS)
    assert parse_decisions(format_decisions([])) == ()


def test_a_decisions_file_is_json_with_a_version_and_one_question_a_line() -> None:
    text = format_decisions(SETS)
    data = json.loads(text)
    assert list(data) == ["version", "sets"]
    assert data["version"] == 1
    assert data["sets"][0]["questions"][1] == {
        "question": 'Was it "cheap"?',
        "expect": "bridge-cost",
        "status": "clarify",
        "entry": None,
        "quote": False,
        "suggestions": ["bridge-cost", "bridge-length"],
    }
    rows = [line.strip().rstrip(",") for line in text.splitlines() if '"question"' in line]
    assert [json.loads(row)["question"] for row in rows] == [
        "Wann öffnete die Brücke?",  # UTF-8, not escaped
        'Was it "cheap"?',
        "Who won the cup?",
    ]
    assert "Wann öffnete die Brücke?" in text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{",
            "not JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        ('{"sets": [], "total": {}}', 'not a file written by --decisions (no "version")'),
        ('{"version": 2, "sets": []}', '"version" 2: this newsbot reads 1'),
        ('{"version": true, "sets": []}', '"version" true: this newsbot reads 1'),
        ('{"version": 1}', "sets: expected a list"),
        ('{"version": 1, "sets": [{"questions": []}]}', "sets[0].file: expected text"),
        (
            '{"version": 1, "sets": [{"file": "a.yaml", "questions": [{"question": "Why?", '
            '"expect": "none", "status": "maybe"}]}]}',
            "sets[0].questions[0].status: expected answer, clarify or none, got 'maybe'",
        ),
    ],
)
def test_a_file_that_is_not_a_decisions_file_says_where_and_what(text: str, message: str) -> None:
    with pytest.raises(DecisionsError) as raised:
        parse_decisions(text)
    assert str(raised.value) == message
