"""What an edit moved, question by question: `newsbot eval --decisions / --changes-from`.

The comparison is specified on hand-made decisions (bot/evalchanges.py is pure); the command
end to end on a copy of tests/data/good, with an edit a maintainer would make: a phrasing added
to an entry (or taken away again) so that one question of a set is answered (or no longer is).
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.evalchanges import (
    Changes,
    Decision,
    DecisionsError,
    SetDecisions,
    compare,
    format_decisions,
    parse_decisions,
)

GOOD = Path(__file__).resolve().parent / "data" / "good"


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


# --- the command, end to end ----------------------------------------------------------------

QUESTIONS = """\
version: 1
questions:
  - q: When did the footbridge open?
    expect: bridge-opening
  - q: How far across is the Wend at the footbridge?
    expect: bridge-length
  - q: zebra quantum lasagna
    expect: none
"""
NEW_PHRASING = "      - How far across is the Wend at the footbridge?\n"
NOW_RIGHT = (
    'eval/set.yaml: "How far across is the Wend at the footbridge?" expected bridge-length: '
    "none -> answer bridge-length"
)


@pytest.fixture
def checkout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A working folder with a copy of the good knowledge and eval/set.yaml, no stray settings."""
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", "off")
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", "knowledge")
    monkeypatch.chdir(tmp_path)
    shutil.copytree(GOOD, tmp_path / "knowledge")
    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "set.yaml").write_text(QUESTIONS, encoding="utf-8")
    return tmp_path


def edit_phrasing(folder: Path, add: bool) -> None:
    """Add the phrasing to bridge-length (after 'bridge length'), or take it out again."""
    path = folder / "knowledge" / "riverton-footbridge.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "      - bridge length\n"
    text = text.replace(anchor, anchor + NEW_PHRASING) if add else text.replace(NEW_PHRASING, "")
    path.write_text(text, encoding="utf-8")


def newsbot(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), stdin=io.StringIO(""))
    out, err = capsys.readouterr()
    return code, out, err


def test_decisions_are_written_without_changing_what_is_printed(
    capsys: pytest.CaptureFixture[str], checkout: Path
) -> None:
    plain = newsbot(capsys, "eval", "eval/set.yaml")
    assert newsbot(capsys, "eval", "eval/set.yaml", "--decisions", "before.json") == plain
    data = json.loads((checkout / "before.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [s["file"] for s in data["sets"]] == ["eval/set.yaml"]
    assert [(q["status"], q["entry"]) for q in data["sets"][0]["questions"]] == [
        ("answer", "bridge-opening"),
        ("none", None),
        ("none", None),
    ]


def test_changes_from_lists_the_question_a_knowledge_edit_made_right(
    capsys: pytest.CaptureFixture[str], checkout: Path
) -> None:
    # before the edit, run as another checkout would: the set by its absolute path
    newsbot(capsys, "eval", str(checkout / "eval" / "set.yaml"), "--decisions", "before.json")
    edit_phrasing(checkout, add=True)
    code, out, err = newsbot(capsys, "eval", "eval/set.yaml", "--changes-from", "before.json")
    assert (code, err) == (0, "")
    assert out == (
        "answerable: 2, right: 100.0%, wrong entry: 0.0%\n"
        "unanswerable: 1, answered anyway: 0.0%\n"
        "clarify rate: 0.0% of 3 questions\n"
        "\n"
        "now right: 1\n"
        f"{NOW_RIGHT}\n"
        "no longer right: 0\n"
        "now answers a question it should not: 0\n"
        "no longer answers wrongly: 0\n"
        "new questions: 0\n"
        "gone: 0\n"
        "unanswered either way, clarify/none swapped: 0\n"
    )


def test_changes_follow_the_table_of_several_sets_and_list_new_questions_when_few(
    capsys: pytest.CaptureFixture[str], checkout: Path
) -> None:
    newsbot(capsys, "eval", "eval/set.yaml", "--decisions", "before.json")
    (checkout / "eval" / "more.yaml").write_text(
        "version: 1\nquestions:\n  - q: zebra quantum lasagna\n    expect: none\n",
        encoding="utf-8",
    )
    code, out, _ = newsbot(
        capsys, "eval", "eval/set.yaml", "eval/more.yaml", "--changes-from", "before.json"
    )
    assert code == 0
    table, changes = out.split("\n\n")
    assert table.splitlines()[-1].startswith("all 2 sets")
    assert changes.splitlines()[4:7] == [
        "new questions: 1",
        'eval/more.yaml: "zebra quantum lasagna" expected none: (new) -> none',
        "gone: 0",
    ]


def test_no_losses_fails_on_a_question_no_longer_right(
    capsys: pytest.CaptureFixture[str], checkout: Path
) -> None:
    edit_phrasing(checkout, add=True)
    newsbot(capsys, "eval", "eval/set.yaml", "--decisions", "before.json")
    edit_phrasing(checkout, add=False)
    options = ("eval", "eval/set.yaml", "--changes-from", "before.json")
    code, out, err = newsbot(capsys, *options)
    assert (code, err) == (0, "")  # without --no-losses the exit is as before
    lost = (
        'eval/set.yaml: "How far across is the Wend at the footbridge?" expected bridge-length: '
        "answer bridge-length -> none"
    )
    figures, changes = out.split("\n\n")
    assert figures.startswith("miss: line 5: 'How far across is the Wend at the footbridge?'")
    assert changes.splitlines()[:3] == ["now right: 0", "no longer right: 1", lost]
    code, _, err = newsbot(capsys, *options, "--no-losses")
    assert (code, err) == (1, "FAIL: 1 no longer right, 0 now answered wrongly\n")


def test_changes_go_into_the_json_figures(
    capsys: pytest.CaptureFixture[str], checkout: Path
) -> None:
    newsbot(capsys, "eval", "eval/set.yaml", "--decisions", "before.json")
    edit_phrasing(checkout, add=True)
    code, out, _ = newsbot(
        capsys, "eval", "eval/set.yaml", "--changes-from", "before.json", "--json"
    )
    assert code == 0
    figures = json.loads(out)
    assert figures["accuracy"] == 1.0
    assert figures["changes"]["now_right"] == [
        {
            "file": "eval/set.yaml",
            "question": "How far across is the Wend at the footbridge?",
            "expect": "bridge-length",
            "before": "none",
            "after": "answer bridge-length",
        }
    ]
    assert figures["changes"]["no_longer_right"] == []
    assert figures["changes"]["counts"]["now_right"] == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "Error: old.json: cannot read: [Errno 2] No such file or directory: "),
        ("not json", "Error: old.json: not JSON: Expecting value: line 1 column 1"),
        ('{"version": 9, "sets": []}', 'Error: old.json: "version" 9: this newsbot'),
        ('{"accuracy": 1.0}', 'Error: old.json: not a file written by --decisions (no "'),
    ],
)
def test_a_broken_changes_from_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], checkout: Path, text: str | None, message: str
) -> None:
    if text is not None:
        (checkout / "old.json").write_text(text, encoding="utf-8")
    for sets in (["eval/set.yaml"], ["eval/set.yaml", "eval/set.yaml"]):
        code, out, err = newsbot(capsys, "eval", *sets, "--changes-from", "old.json")
        assert (code, out) == (2, "")
        assert err.startswith(message)
        assert err.count("\n") == 1


def test_a_decisions_file_that_cannot_be_written_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], checkout: Path
) -> None:
    code, _, err = newsbot(capsys, "eval", "eval/set.yaml", "--decisions", "no/such/dir.json")
    assert code == 2
    assert err.startswith("Error: no/such/dir.json: cannot write: [Errno 2] ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--no-losses"], "--no-losses fails on what --changes-from lists"),
        (["--decisions", "d.json", "--sweep"], "--decisions and --changes-from are of a plain"),
        (["--changes-from", "d.json", "--leave-out"], "--decisions and --changes-from are of"),
    ],
)
def test_options_that_do_not_go_with_the_changes_are_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], checkout: Path, options: list[str], message: str
) -> None:
    code, out, err = newsbot(capsys, "eval", "eval/set.yaml", *options)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {message}")
    assert not (checkout / "d.json").exists()
