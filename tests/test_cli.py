"""The `newsbot` command, run in-process: what it prints and the exit codes scripts rely on.

Knowledge comes from tests/data/good (NEWSBOT_KNOWLEDGE_DIR=good, working directory tests/data)
so the tests never depend on the shipped knowledge or on matcher tuning beyond "a question asked
exactly as the knowledge words it is answered" and "a question sharing no word is not".
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.chat import HELP
from bot.cli import main

DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "good"

OPENING = (
    "The Riverton footbridge opened to pedestrians on May 2, 2023.\n"
    "\n"
    "Source: Riverton opens its new footbridge over the Wend (example.org, May 4, 2023)\n"
    "https://example.org/news/riverton-footbridge"
)
TOPICS = (
    "- Riverton opens its new footbridge over the Wend (example.org, May 4, 2023)\n"
    "  https://example.org/news/riverton-footbridge"
)
UNRELATED = "zebra quantum lasagna"  # shares no word with the knowledge
MISSING_ANSWER = (
    "bad/missing-answer/article.yaml:13:5: qa[1]: missing 'answer' "
    "(write the fact the user should get)"
)

# Two entries that "zorblax festival" matches equally well: the bot must ask which one.
FESTIVAL = """\
version: 1
article:
  title: Zorblax festival returns
  url: https://example.org/zorblax
  publisher: example.org
  date: 2023-07-01
qa:
  - id: festival-opening
    questions:
      - When does the zorblax festival open?
      - zorblax festival opening day
    answer: The zorblax festival opens on July 14.
  - id: festival-closing
    questions:
      - When does the zorblax festival close?
      - zorblax festival closing day
    answer: The zorblax festival closes on July 21.
"""
FESTIVAL_ANSWERS = {
    "When does the zorblax festival open?": "The zorblax festival opens on July 14.",
    "When does the zorblax festival close?": "The zorblax festival closes on July 21.",
}


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No stray settings or token; knowledge from tests/data/good; no .env in tests/data."""
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(DATA)
    assert not (DATA / ".env").exists()
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", "good")
    monkeypatch.setenv("NEWSBOT_CACHE_DIR", "off")  # no cache written into tests/data


@pytest.fixture
def festival(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "festival"
    folder.mkdir()
    (folder / "festival.yaml").write_text(FESTIVAL, encoding="utf-8")
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", str(folder))
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = "") -> tuple[int, str, str]:
    code = main(list(argv), stdin=io.StringIO(stdin))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def eval_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty working folder for eval files, the good knowledge set by its path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", str(GOOD))
    return tmp_path


def write_eval(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- check ----------------------------------------------------------------------------------


def test_check_clean_knowledge_exits_0_with_only_the_summary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "check")
    assert (code, out) == (0, "")
    assert err == "4 entries in 1 article(s): 0 error(s), 0 warning(s)\n"


def test_check_with_errors_exits_1_and_prints_each_error_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "check", "bad/missing-answer")
    assert code == 1
    assert out == MISSING_ANSWER + "\n"
    assert err == "1 entries in 1 article(s): 1 error(s), 0 warning(s)\n"


def test_check_reads_the_folder_from_newsbot_knowledge_dir(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", "bad/missing-answer")
    code, out, _ = run(capsys, "check")
    assert (code, out) == (1, MISSING_ANSWER + "\n")


def test_check_strict_exits_2_on_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "--strict", "warn/one-phrasing")
    assert code == 2
    assert out == (
        "warn/one-phrasing/article.yaml:13:5: warning: qa[1].questions: entry 'bridge-length' "
        "has only one phrasing "
        "(add the other ways people ask it, so typos and rewordings still match)\n"
    )
    assert err == "2 entries in 1 article(s): 0 error(s), 1 warning(s)\n"


def test_check_without_strict_exits_0_on_warnings_but_prints_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "check", "warn/one-phrasing")
    assert code == 0
    assert out.startswith("warn/one-phrasing/article.yaml:13:5: warning: ")


def test_check_strict_still_exits_1_when_there_are_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, _ = run(capsys, "check", "--strict", "bad/missing-answer")
    assert code == 1


# --- ask ------------------------------------------------------------------------------------


def test_ask_answers_a_question_given_as_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "ask", "When", "did", "the", "footbridge", "open?")
    assert (code, err) == (0, "")
    assert out == OPENING + "\n"


def test_ask_without_an_answer_says_so_and_lists_the_articles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "ask", UNRELATED)
    assert code == 0
    assert out == (
        "Sorry, I don't know that: the articles I have don't cover it.\n"
        "I know about these articles:\n"
        "- Riverton opens its new footbridge over the Wend (example.org, May 4, 2023)\n"
    )


def test_ask_json_prints_one_object_per_question_read_from_stdin(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin = f"When did the footbridge open?\n\n   \n{UNRELATED}\nWho designed the footbridge?\n"
    code, out, err = run(capsys, "ask", "--json", stdin=stdin)
    assert (code, err) == (0, "")
    objects: list[dict[str, Any]] = [json.loads(line) for line in out.splitlines()]
    assert len(objects) == 3  # blank lines are not questions
    required = {"question", "status", "text", "entry", "url", "score", "suggestions"}
    for obj in objects:
        assert required <= obj.keys()
        assert obj["status"] in ("answer", "clarify", "none")
        assert isinstance(obj["score"], int | float)
        assert isinstance(obj["suggestions"], list)
    opening, unrelated, architect = objects
    assert opening["question"] == "When did the footbridge open?"
    assert opening["status"] == "answer"
    assert opening["entry"] == "bridge-opening"
    assert opening["url"] == "https://example.org/news/riverton-footbridge"
    assert opening["text"] == OPENING
    assert opening["suggestions"] == []
    assert unrelated["question"] == UNRELATED
    assert unrelated["status"] == "none"
    assert (unrelated["entry"], unrelated["url"]) == (None, None)
    assert unrelated["text"].startswith("Sorry, I don't know that")
    assert architect["entry"] == "bridge-architect"
    assert architect["text"].startswith("The footbridge was designed by the architect Lena Okafor.")


def test_ask_json_clarify_carries_the_choices_as_suggestions(
    capsys: pytest.CaptureFixture[str], festival: Path
) -> None:
    code, out, _ = run(capsys, "ask", "--json", "zorblax festival")
    assert code == 0
    reply = json.loads(out)
    assert reply["status"] == "clarify"
    assert (reply["entry"], reply["url"]) == (None, None)
    assert {s["entry"] for s in reply["suggestions"]} == {"festival-opening", "festival-closing"}
    assert {s["question"] for s in reply["suggestions"]} == set(FESTIVAL_ANSWERS)
    assert reply["text"].startswith("I'm not sure which of these you mean:\n1. ")


def test_ask_explain_shows_the_words_candidates_and_decision(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "ask", "--explain", "When did the footbridge open?")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "question: When did the footbridge open?"
    assert lines[1].startswith("words: ")
    assert re.fullmatch(r"  1\. +[\d.]+  bridge-opening +coverage=.*", lines[2])
    decision = [line for line in lines if line.startswith("decision: ")]
    assert len(decision) == 1
    assert decision[0].startswith("decision: answer (best ")
    assert out.endswith(OPENING + "\n")


def test_ask_explain_says_why_nothing_was_answered(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "ask", "--explain", UNRELATED)
    assert "decision: none (no entry shares a meaningful word)\n" in out


def test_ask_exits_1_with_the_check_lines_when_the_knowledge_has_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", "bad/missing-answer")
    code, out, err = run(capsys, "ask", "When did the footbridge open?")
    assert (code, out) == (1, "")
    assert err == (MISSING_ANSWER + "\nError: the knowledge has errors; fix them (newsbot check)\n")


@pytest.mark.parametrize("command", ["chat", "eval"])
def test_other_commands_refuse_knowledge_with_errors_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", "bad/missing-answer")
    code, out, err = run(capsys, command, stdin="When did the footbridge open?\n")
    assert (code, out) == (1, "")
    assert err.startswith(MISSING_ANSWER + "\n")


def test_knowledge_with_only_warnings_is_served(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", "warn/one-phrasing")
    code, out, err = run(capsys, "ask", "--json", "When did the footbridge open?")
    assert (code, err) == (0, "")
    assert json.loads(out)["entry"] == "bridge-opening"


# --- chat -----------------------------------------------------------------------------------


def test_chat_with_piped_input_answers_without_banner_or_prompts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "chat", stdin="When did the footbridge open?\n")
    assert (code, err) == (0, "")
    assert "you>" not in out
    assert "Newsbot:" not in out
    assert out.strip("\n") == OPENING  # the reply alone (a blank separator line is fine)


def test_chat_ends_cleanly_at_end_of_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "chat", stdin="") == (0, "", "")


def test_chat_ignores_blank_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "chat", stdin="\n   \n\n") == (0, "", "")


def test_chat_topics_lists_the_articles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "chat", stdin="/topics\n")
    assert code == 0
    assert out.strip("\n") == TOPICS


def test_chat_help_explains_questions_choices_and_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "chat", stdin="/help\n")
    assert code == 0
    assert out.strip("\n") == HELP
    assert "/topics" in HELP
    assert "/quit" in HELP


def test_chat_quit_stops_before_the_remaining_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "chat", stdin="/topics\n/quit\nWhen did the footbridge open?\n")
    assert code == 0
    # no "Bye." when nobody is typing, and no answer to the line after /quit
    assert out.strip("\n") == TOPICS


def test_chat_numbered_choice_after_a_clarify_gives_that_answer(
    capsys: pytest.CaptureFixture[str], festival: Path
) -> None:
    code, out, _ = run(capsys, "chat", stdin="zorblax festival\n2\n")
    assert code == 0
    lines = [line for line in out.splitlines() if line]
    assert lines[0] == "I'm not sure which of these you mean:"
    assert lines[1].startswith("1. ")
    assert lines[2].startswith("2. ")
    assert lines[3] == "Reply with a number, or ask again in other words."
    second = lines[2].removeprefix("2. ")
    assert {lines[1].removeprefix("1. "), second} == set(FESTIVAL_ANSWERS)
    assert lines[4] == FESTIVAL_ANSWERS[second]
    assert lines[5:] == [
        "Source: Zorblax festival returns (example.org, Jul 1, 2023)",
        "https://example.org/zorblax",
    ]


def test_chat_choice_out_of_range_asks_for_a_valid_number(
    capsys: pytest.CaptureFixture[str], festival: Path
) -> None:
    _, out, _ = run(capsys, "chat", stdin="zorblax festival\n7\n")
    assert out.rstrip("\n").endswith("\nChoose a number from 1 to 2, or ask a new question.")


def test_chat_without_a_pending_choice_treats_a_number_as_a_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "chat", stdin="2\n")
    _, asked, _ = run(capsys, "ask", "2")
    assert "Choose a number" not in out
    assert out.startswith(asked.strip())  # the reply to the question "2"


def test_no_command_without_a_token_starts_the_terminal_chat(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, stdin="/help\n")
    assert (code, err) == (0, "")
    assert out.strip("\n") == HELP


# --- eval -----------------------------------------------------------------------------------

EVAL = """\
version: 1
questions:
  - q: When did the footbridge open?
    expect: bridge-opening
  - q: Who designed the footbridge?
    expect: bridge-architect
  - q: zebra quantum lasagna
    expect: none
"""


def test_eval_prints_accuracy_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_eval(tmp_path / "questions.yaml", EVAL)
    code, out, err = run(capsys, "eval", str(path))
    assert (code, err) == (0, "")
    assert out == (
        "answerable: 2, right: 100.0%, wrong entry: 0.0%\n"
        "unanswerable: 1, answered anyway: 0.0%\n"
        "clarify rate: 0.0% of 3 questions\n"
    )


def test_eval_reads_the_file_from_newsbot_eval_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = write_eval(tmp_path / "questions.yaml", EVAL)
    monkeypatch.setenv("NEWSBOT_EVAL_FILE", str(path))
    code, out, _ = run(capsys, "eval")
    assert code == 0
    assert out.startswith("answerable: 2, right: 100.0%")


def test_eval_min_accuracy_above_100_percent_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_eval(tmp_path / "questions.yaml", EVAL)
    code, _, err = run(capsys, "eval", str(path), "--min-accuracy", "101")
    assert code == 1
    assert err == "FAIL: accuracy 100.0% < 101.0%\n"


def test_eval_min_accuracy_above_1_is_read_as_percent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # so 1.01 means 1.01% (met), not 101%; 1 itself means 100%
    path = write_eval(
        tmp_path / "questions.yaml", EVAL + f"  - q: {UNRELATED}\n    expect: bridge-cost\n"
    )
    assert run(capsys, "eval", str(path), "--min-accuracy", "1.01")[0] == 0
    assert run(capsys, "eval", str(path), "--min-accuracy", "1")[0] == 1


def test_eval_reports_misses_and_fails_a_share_floor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_eval(
        tmp_path / "questions.yaml", EVAL + f"  - q: {UNRELATED}\n    expect: bridge-cost\n"
    )
    code, out, err = run(capsys, "eval", str(path), "--min-accuracy", "0.9")
    assert code == 1
    assert err == "FAIL: accuracy 66.7% < 90.0%\n"
    assert out.splitlines()[0] == (
        "miss: line 9: 'zebra quantum lasagna': expected bridge-cost, got none"
    )
    assert "answerable: 3, right: 66.7%, wrong entry: 0.0%" in out


def test_eval_at_or_above_min_accuracy_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_eval(tmp_path / "questions.yaml", EVAL)
    assert run(capsys, "eval", str(path), "--min-accuracy", "100")[0] == 0
    assert run(capsys, "eval", str(path), "--min-accuracy", "1")[0] == 0


def test_eval_fails_when_too_many_unanswerable_questions_are_answered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a question the knowledge answers word for word, marked as one the bot must not answer
    path = write_eval(
        tmp_path / "questions.yaml", EVAL.replace("q: zebra quantum lasagna", "q: bridge cost")
    )
    code, _, err = run(capsys, "eval", str(path), "--max-answered-unanswerable", "0")
    assert code == 1
    assert err == "FAIL: answered unanswerable 100.0%\n"


def test_eval_json_prints_the_figures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_eval(tmp_path / "questions.yaml", EVAL)
    code, out, _ = run(capsys, "eval", str(path), "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["questions"] == 3
    assert (figures["answerable"], figures["unanswerable"]) == (2, 1)
    assert figures["accuracy"] == 1.0
    assert figures["answered_unanswerable_rate"] == 0.0


def test_malformed_eval_file_gives_file_line_errors_and_exit_1(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(
        eval_folder / "questions.yaml",
        "version: 1\n"
        "questions:\n"
        "  - q: When did the footbridge open?\n"
        "    expect: bridge-opening\n"
        "  - expect: bridge-cost\n"
        "  - q: Who designed the footbridge?\n"
        "  - q: How tall is the footbridge?\n"
        "    expect: bridge-height\n",
    )
    code, out, err = run(capsys, "eval", "questions.yaml")
    assert (code, out) == (1, "")
    assert err == (
        "questions.yaml:5:5: questions[1]: needs 'q: question'\n"
        "questions.yaml:6:5: questions[2]: needs 'expect' (an entry id, or none)\n"
        "questions.yaml:7:5: questions[3].expect: no entry 'bridge-height'\n"
    )


def test_eval_file_with_broken_yaml_gives_a_syntax_line(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "questions.yaml", "questions:\n  - q: [unclosed\n")
    code, _, err = run(capsys, "eval", "questions.yaml")
    assert code == 1
    assert re.fullmatch(r"questions\.yaml:\d+:\d+: \(syntax\): .+\n", err)


def test_eval_file_that_does_not_exist_is_an_error(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    code, _, err = run(capsys, "eval", "missing.yaml")
    assert code == 1
    assert err.startswith("missing.yaml:1:1: (file): cannot read: ")


MISSED = """\
version: 1
questions:
  - q: When did the footbridge open?
    expect: bridge-opening
  - q: zebra quantum lasagna
    expect: bridge-architect
"""


def test_eval_of_several_sets_gives_a_line_each_and_their_total(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    write_eval(eval_folder / "b.yaml", MISSED)
    code, out, err = run(capsys, "eval", "a.yaml", "b.yaml")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "set         questions  unanswerable   right  wrong entry  answered  clarify",
        "a.yaml              3             1  100.0%         0.0%      0.0%     0.0%",
        "b.yaml              2             0   50.0%         0.0%      0.0%     0.0%",
        "all 2 sets          5             1   75.0%         0.0%      0.0%     0.0%",
    ]


def test_eval_of_several_sets_exits_on_their_total_and_gives_each_in_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = [
        str(write_eval(tmp_path / "a.yaml", EVAL)),
        str(write_eval(tmp_path / "b.yaml", MISSED)),
    ]
    code, out, err = run(capsys, "eval", *paths, "--json", "--min-accuracy", "80")
    assert (code, err) == (1, "FAIL: accuracy 75.0% < 80.0%\n")
    figures = json.loads(out)
    assert [s["accuracy"] for s in figures["sets"]] == [1.0, 0.5]
    assert figures["total"]["questions"] == 5


def test_eval_of_several_sets_reports_every_broken_file_and_evaluates_none(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    write_eval(eval_folder / "b.yaml", "version: 1\nquestions:\n  - q: Who?\n")
    code, out, err = run(capsys, "eval", "missing.yaml", "a.yaml", "b.yaml")
    assert (code, out) == (1, "")
    assert err.startswith("missing.yaml:1:1: (file): cannot read: ")
    assert err.endswith("b.yaml:3:5: questions[0]: needs 'expect' (an entry id, or none)\n")


@pytest.mark.parametrize("option", ["--compare", "--sweep", "--leave-out"])
def test_eval_options_made_for_one_set_refuse_several(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str
) -> None:
    paths = [str(write_eval(tmp_path / n, EVAL)) for n in ("a.yaml", "b.yaml")]
    code, out, err = run(capsys, "eval", *paths, option)
    assert (code, out) == (2, "")
    assert "take one file" in err


def test_eval_file_labels_that_are_not_text_are_reported_with_file_and_line(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(
        eval_folder / "a.yaml",
        EVAL.replace(
            "version: 1\n", "version: 1\nabout: [casual, never read]\nfirst_measured: 85.6\n"
        ),
    )
    code, out, err = run(capsys, "eval", "a.yaml")
    assert (code, out) == (1, "")
    assert err == (
        "a.yaml:2:8: about: expected text, got a list "
        '(quote it, e.g. about: "issue\'s style; never read")\n'
        "a.yaml:3:17: first_measured: expected text, got a number "
        '(quote it, e.g. first_measured: "85.6 / 2.2 / 0.0")\n'
    )


# --- eval --markdown: the README's table ----------------------------------------------------

LABELLED = EVAL.replace(
    "version: 1\n", "version: 1\nabout: tuned, read\nfirst_measured: 85.6 / 2.2 / 0.0\n"
)
MARKDOWN_HEADER = (
    "| set | questions (unanswerable) | answerable right | wrong entry | unanswerable answered "
    "| clarify | first measured (right / wrong / unanswerable) |"
)


def test_eval_markdown_prints_the_readme_table_with_each_sets_labels_and_the_total(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", LABELLED)
    write_eval(eval_folder / "b.yaml", MISSED)
    code, out, err = run(capsys, "eval", "a.yaml", "b.yaml", "--markdown")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        MARKDOWN_HEADER,
        "|---|---|---|---|---|---|---|",
        "| `a.yaml` (tuned, read) | 3 (1) | 100.0% | 0.0% | 0.0% | 0.0% | 85.6 / 2.2 / 0.0 |",
        "| `b.yaml` | 2 (0) | 50.0% | 0.0% | 0.0% | 0.0% |  |",
        "| all 2 sets | 5 (1) | 75.0% | 0.0% | 0.0% | 0.0% |  |",
    ]


def test_eval_markdown_of_one_set_gives_its_row_and_the_total(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL.replace("version: 1\n", "version: 1\nabout: a|b\n"))
    code, out, _ = run(capsys, "eval", "a.yaml", "--markdown")
    assert code == 0
    assert out.splitlines()[2:] == [
        "| `a.yaml` (a\\|b) | 3 (1) | 100.0% | 0.0% | 0.0% | 0.0% |  |",
        "| all 1 set | 3 (1) | 100.0% | 0.0% | 0.0% | 0.0% |  |",
    ]


def test_eval_markdown_keeps_the_min_accuracy_exit(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    write_eval(eval_folder / "b.yaml", MISSED)
    code, out, err = run(capsys, "eval", "a.yaml", "b.yaml", "--markdown", "--min-accuracy", "80")
    assert (code, err) == (1, "FAIL: accuracy 75.0% < 80.0%\n")
    assert out.splitlines()[-1] == "| all 2 sets | 5 (1) | 75.0% | 0.0% | 0.0% | 0.0% |  |"


def earlier_run(folder: Path, *sets: tuple[str, float, float, float]) -> Path:
    """What `newsbot eval --json` printed for `sets` (file, right, wrong entry, answered)."""

    def figures(right: float, wrong: float, answered: float) -> dict[str, float]:
        return {
            "accuracy": right,
            "wrong_answer_rate_answerable": wrong,
            "answered_unanswerable_rate": answered,
            "clarify_rate": 0.0,
        }

    listed = [{"file": file, **figures(*shares)} for file, *shares in sets]
    document = {"sets": listed, "total": figures(0.8125, 0.0625, 0.5)}
    path = folder / "earlier.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_eval_markdown_against_an_earlier_run_matches_sets_by_path_then_file_name(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", LABELLED)
    write_eval(eval_folder / "b.yaml", MISSED)
    (eval_folder / "c").mkdir()
    write_eval(eval_folder / "c" / "c.yaml", EVAL)
    earlier = earlier_run(
        eval_folder,
        ("b.yaml", 0.9667, 0.0, 0.0),  # listed first: rows follow the files given, not the JSON
        ("a.yaml", 0.5, 0.25, 0.0333),
        ("elsewhere/a.yaml", 0.1, 0.1, 0.1),  # another set of the same name: the path decides
        ("../start/c/c.yaml", 0.75, 0.0, 1.0),  # an older checkout run on the same file
    )
    code, out, err = run(
        capsys, "eval", "a.yaml", "b.yaml", "c/c.yaml", "--markdown", "--against", str(earlier)
    )
    assert (code, err) == (0, "")
    rows = out.splitlines()
    assert rows[0] == MARKDOWN_HEADER + " against (right / wrong / unanswerable) |"
    assert rows[1] == "|---|---|---|---|---|---|---|---|"
    assert [row.rsplit(" | ", 1)[1] for row in rows[2:]] == [
        "50.0 / 25.0 / 3.3 |",
        "96.7 / 0.0 / 0.0 |",
        "75.0 / 0.0 / 100.0 |",
        "81.2 / 6.2 / 50.0 |",
    ]


def test_eval_against_leaves_the_cell_of_a_set_the_earlier_run_lacks_empty(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    write_eval(eval_folder / "b.yaml", MISSED)
    earlier = earlier_run(eval_folder, ("a.yaml", 0.5, 0.0, 0.0))
    label = "this session's start (abc1234)"
    code, out, _ = run(
        capsys, "eval", "a.yaml", "b.yaml", "--markdown", "--against", str(earlier),
        "--against-label", label,
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[0].endswith(
        f" first measured (right / wrong / unanswerable) | {label} |"
    )
    assert out.splitlines()[3] == "| `b.yaml` | 2 (0) | 50.0% | 0.0% | 0.0% | 0.0% |  |  |"


def test_eval_table_of_several_sets_against_an_earlier_run_adds_a_column(
    capsys: pytest.CaptureFixture[str], eval_folder: Path
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    write_eval(eval_folder / "b.yaml", MISSED)
    earlier = earlier_run(eval_folder, ("a.yaml", 0.5, 0.0, 0.0))
    code, out, err = run(capsys, "eval", "a.yaml", "b.yaml", "--against", str(earlier))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "set         questions  unanswerable   right  wrong entry  answered  clarify"
        "  against (right / wrong / unanswerable)",
        "a.yaml              3             1  100.0%         0.0%      0.0%     0.0%"
        "                        50.0 / 0.0 / 0.0",
        "b.yaml              2             0   50.0%         0.0%      0.0%     0.0%",
        "all 2 sets          5             1   75.0%         0.0%      0.0%     0.0%"
        "                       81.2 / 6.2 / 50.0",
    ]


@pytest.mark.parametrize(
    ("files", "cells"),
    [
        (["a.yaml", "b.yaml"], ["100.0 / 0.0 / 0.0", "50.0 / 0.0 / 0.0", "75.0 / 0.0 / 0.0"]),
        (["b.yaml"], ["50.0 / 0.0 / 0.0", "50.0 / 0.0 / 0.0"]),  # --json of one set: no "sets"
    ],
)
def test_eval_against_reads_what_eval_json_printed_for_the_same_files(
    capsys: pytest.CaptureFixture[str], eval_folder: Path, files: list[str], cells: list[str]
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    write_eval(eval_folder / "b.yaml", MISSED)
    _, printed, _ = run(capsys, "eval", *files, "--json")
    (eval_folder / "earlier.json").write_text(printed, encoding="utf-8")
    code, out, _ = run(capsys, "eval", *files, "--markdown", "--against", "earlier.json")
    assert code == 0
    assert [row.split(" | ")[-1] for row in out.splitlines()[2:]] == [f"{c} |" for c in cells]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "Error: --against earlier.json: cannot read: "),
        ('{"sets": [', "Error: --against earlier.json: not JSON: Expecting value: line 1"),
        ('["a.yaml"]', "Error: --against earlier.json: expected what 'newsbot eval FILE"),
        ('{"sets": [{"accuracy": 1}], "total": {}}', "Error: --against earlier.json: sets[0]: "),
        ('{"accuracy": 1.0}', "Error: --against earlier.json: the figures of one set (no "),
    ],
)
def test_eval_against_a_file_that_is_not_an_eval_json_is_one_error_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], eval_folder: Path, text: str | None, message: str
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    write_eval(eval_folder / "b.yaml", MISSED)
    if text is not None:
        (eval_folder / "earlier.json").write_text(text, encoding="utf-8")
    code, out, err = run(
        capsys, "eval", "a.yaml", "b.yaml", "--markdown", "--against", "earlier.json"
    )
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--markdown", "--json"], "--markdown and --json"),
        (["--markdown", "--sweep"], "--markdown prints the sets' table; it does not go with"),
        (["--markdown", "--compare"], "--markdown prints the sets' table; it does not go with"),
        (["--markdown", "--leave-out"], "--markdown prints the sets' table; it does not go with"),
        (["--against", "x.json", "--json"], "--against adds a column to a table; --json"),
        (["--against", "x.json"], "--against adds a column to the table of several sets"),
        (["--markdown", "--against-label", "x"], "--against-label names the --against column"),
    ],
)
def test_eval_table_options_that_do_not_go_together_are_refused_with_exit_2(
    capsys: pytest.CaptureFixture[str], eval_folder: Path, options: list[str], message: str
) -> None:
    write_eval(eval_folder / "a.yaml", EVAL)
    code, out, err = run(capsys, "eval", "a.yaml", *options)
    assert (code, out) == (2, "")
    assert err.startswith(f"Error: {message}")


# --- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["ask", "hi"], ["chat"], ["eval"]])
def test_bad_setting_gives_a_one_line_error_and_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("NEWSBOT_ANSWER_THRESHOLD", "abc")
    code, out, err = run(capsys, *command)
    assert (code, out) == (1, "")
    assert err == "Error: NEWSBOT_ANSWER_THRESHOLD: not a number: 'abc'\n"


def test_bad_admin_ids_give_a_one_line_error_and_exit_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSBOT_ADMIN_IDS", "12345,alice")
    code, _, err = run(capsys, "check")
    assert code == 1
    assert err.count("\n") == 1
    assert err.startswith("Error: NEWSBOT_ADMIN_IDS: 'alice' is not a Telegram user id")


def test_ask_stops_quietly_when_its_reader_goes_away() -> None:
    """`newsbot ask < questions | head -1` must not end in a BrokenPipeError traceback."""
    env = {**os.environ, "NEWSBOT_KNOWLEDGE_DIR": str(GOOD)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdin is not None
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdin.write(b"When did the footbridge open?\n" * 5000)
    process.stdin.close()
    process.stdout.readline()
    process.stdout.close()  # the reader goes away while answers are still being printed
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in errors


def test_ask_json_of_a_question_the_article_leaves_open_is_none_with_the_fact_it_has(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "ask", "--json", "what other bridges did okafor design")
    reply = json.loads(out)
    assert code == 0
    assert (reply["status"], reply["entry"], reply["left_open"]) == (
        "none",
        None,
        "bridge-architect",
    )
    assert reply["url"] == "https://example.org/news/riverton-footbridge"
    assert reply["text"].startswith(
        "The article doesn't say that. What it does say:\n"
        "The footbridge was designed by the architect Lena Okafor."
    )
