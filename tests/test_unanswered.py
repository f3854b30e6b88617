"""Grouping unanswered questions, and the `newsbot unanswered` table and ready-to-paste YAML.

Clustering is specified on the shipped knowledge (its vocabulary and weights are what the bot
uses); the output formats on tests/data/good, whose questions and line numbers tests own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli_maintain import add_parsers, run
from bot.config import Settings, Thresholds
from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.matching import Matcher
from bot.store import Store
from bot.unanswered import (
    Group,
    Variant,
    format_table,
    format_yaml,
    group_questions,
    similarity,
    slug,
)
from bot.validation import ID_PATTERN

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "knowledge"
GOOD = ROOT / "tests" / "data" / "good"
SINCE = dt.date(2024, 4, 1)
TODAY = dt.date(2024, 5, 1)
# "did you mean" from a score of 15: the price-tag question (about 20 against bridge-cost) is a
# near miss, the mayor (about 6 against anything) is not
LOW_CLARIFY = Thresholds(answer=76.0, clarify=15.0, margin=5.0)


def matcher_for(directory: Path) -> Matcher:
    result = load_knowledge(directory)
    assert result.errors == []
    return Matcher(result.knowledge)


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    return matcher_for(SHIPPED)


@pytest.fixture(scope="module")
def good() -> Matcher:
    return matcher_for(GOOD)


def texts(group: Group) -> list[str]:
    return [variant.text for variant in group.variants]


# --- clustering ----------------------------------------------------------------------------


def test_paraphrases_share_a_group_apart_from_another_question(shipped: Matcher) -> None:
    questions = [
        "how much did the park cost",
        "when will the park open",
        "what did the park cost?",
        "park cost",
    ]
    groups = group_questions(questions, shipped, Thresholds())
    assert [texts(g) for g in groups] == [
        ["how much did the park cost", "what did the park cost?", "park cost"],
        ["when will the park open"],
    ]


def test_the_most_asked_phrasing_leads_and_spellings_count_as_one(shipped: Matcher) -> None:
    questions = [
        "park cost",
        "what did the park cost?",
        "What did the park cost",
        "what did the park cost?",
    ]
    [group] = group_questions(questions, shipped, Thresholds())
    assert group.representative == "what did the park cost?"  # its most common spelling
    assert group.variants == (
        Variant("what did the park cost?", 3),
        Variant("park cost", 1),
    )
    assert group.count == 4


def test_groups_come_most_asked_first_then_first_asked(shipped: Matcher) -> None:
    questions = ["who is the mayor of guangzhou", "when will the park open", "park cost"]
    questions += ["when will the park open"]
    groups = group_questions(questions, shipped, Thresholds())
    assert [g.representative for g in groups] == [
        "when will the park open",
        "who is the mayor of guangzhou",
        "park cost",
    ]


def test_similarity_is_the_weight_the_shared_words_carry() -> None:
    assert similarity({"park": 2.0, "cost": 4.0}, {"park": 2.0, "cost": 4.0}) == 100.0
    assert similarity({"park": 2.0, "cost": 4.0}, {"park": 2.0, "open": 4.0}) == pytest.approx(
        100 * (2 + 2) / 12
    )
    assert similarity({"cost": 1.0}, {"open": 1.0}) == 0.0
    assert similarity({}, {}) == 0.0


def test_each_group_knows_its_closest_entry_and_whether_it_is_a_near_miss(good: Matcher) -> None:
    questions = ["what was the bridge's price tag", "who is the mayor of riverton"]
    price, mayor = group_questions(questions, good, LOW_CLARIFY)
    assert price.closest is not None
    assert price.closest.entry.id == "bridge-cost"
    assert price.closest.score >= LOW_CLARIFY.clarify
    assert price.near
    assert mayor.closest is not None
    assert mayor.closest.score < LOW_CLARIFY.clarify
    assert not mayor.near


def test_a_question_the_knowledge_answers_now_is_marked(good: Matcher) -> None:
    [group] = group_questions(["how long is the footbridge"], good, Thresholds())
    assert group.answered_now
    assert group.variants[0].answered


def test_empty_questions_are_ignored(good: Matcher) -> None:
    assert group_questions(["", "   "], good, Thresholds()) == []


# --- the table ------------------------------------------------------------------------------


def test_the_table_shows_counts_closest_entries_and_every_phrasing(good: Matcher) -> None:
    questions = [
        "who is the mayor of riverton",
        "what was the bridge's price tag",
        "who is the mayor of riverton?",
        "Who is Riverton's mayor",
        "how long is the footbridge",
    ]
    groups = group_questions(questions, good, LOW_CLARIFY)
    mayor, price, length = (f"{g.closest.score:5.1f}" for g in groups if g.closest)
    assert format_table(groups, SINCE, top=20) == (
        "Unanswered questions since 2024-04-01: 5 asked, 3 groups\n"
        "\n"
        "asked  closest entry     score  question\n"
        f"    3  bridge-architect  {mayor}  who is the mayor of riverton\n"
        "                                + Who is Riverton's mayor\n"
        f"    1  bridge-cost       {price}  what was the bridge's price tag\n"
        f"    1  bridge-length     {length}  how long is the footbridge  [answered now]"
    )


def test_the_table_shows_the_top_groups_and_says_how_many_more(good: Matcher) -> None:
    questions = ["who is the mayor of riverton", "what was the bridge's price tag"]
    table = format_table(group_questions(questions, good, Thresholds()), SINCE, top=1)
    assert table.splitlines()[0] == "Unanswered questions since 2024-04-01: 2 asked, 2 groups"
    assert table.splitlines()[-1] == "... and 1 more group (--top 2 shows all)"
    assert "price tag" not in table


def test_the_table_shows_a_dash_when_no_entry_shares_a_word(good: Matcher) -> None:
    groups = group_questions(["zebra quantum lasagna"], good, Thresholds())
    assert format_table(groups, SINCE, top=20).splitlines()[2:] == [
        "asked  closest entry  score  question",
        "    1  -                  -  zebra quantum lasagna",
    ]


def test_the_table_for_no_questions_is_one_line() -> None:
    assert format_table([], SINCE, top=20) == (
        "Unanswered questions since 2024-04-01: 0 asked, 0 groups"
    )


# --- ids for new entries -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How much did the park cost?", "park-cost"),
        ("Who is Riverton's mayor?", "riverton-mayor"),
        ("What's the Pazhou pilot zone's GDP in 2021?", "pazhou-pilot-zone-gdp"),
        ("Wie hoch ist der Turm?", "wie-hoch-ist-der"),
        ("¿Qué pasó?", "que-paso"),
        ("广州的市长是谁", "new-entry"),
        ("?!", "new-entry"),
        ("a" * 80, "a" * 40),
    ],
)
def test_new_entry_ids_come_from_the_question_topic_words(question: str, expected: str) -> None:
    made = slug(question, set())
    assert made == expected
    assert ID_PATTERN.match(made)


def test_new_entry_ids_never_clash() -> None:
    taken = {"park-cost"}
    assert [slug("park cost?", taken) for _ in range(3)] == [
        "park-cost-2",
        "park-cost-3",
        "park-cost-4",
    ]
    assert taken == {"park-cost", "park-cost-2", "park-cost-3", "park-cost-4"}


# --- --yaml ----------------------------------------------------------------------------------


def filled_in(draft: str) -> str:
    """What a maintainer does with the draft: write the answers over the TODOs."""
    return draft.replace("TODO", "text")


def test_yaml_passes_the_knowledge_check_once_its_todos_are_filled_in(
    shipped: Matcher, tmp_path: Path
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(SHIPPED, knowledge)
    questions = [
        "how much did the park cost",
        "what did the park cost?",
        "park cost",
        "when will the park open",
        "Who is the mayor of Guangzhou?",
        "what's the weather: tomorrow? #guangzhou",
        "yes",
        "2022-02-21",
        "When was the launch ceremony held?",  # the knowledge has it already
        "who is the party secretary of haizhu",
    ]
    groups = group_questions(questions, shipped, Thresholds())
    draft = format_yaml(groups, shipped, SINCE, TODAY)
    (knowledge / "unanswered.yaml").write_text(filled_in(draft), encoding="utf-8")

    result = load_knowledge(knowledge)

    assert [p.format() for p in result.errors] == []
    added = {e.id: e for e in result.knowledge.entries if e.path.endswith("unanswered.yaml")}
    assert "park-cost" in added
    assert added["park-cost"].questions == (
        "how much did the park cost",
        "what did the park cost?",
        "park cost",
    )
    assert all(e.draft and e.answer.startswith("text ") for e in added.values())
    assert "When was the launch ceremony held?" not in draft


def test_yaml_drafts_phrasings_for_near_entries_and_entries_for_the_rest(
    good: Matcher,
) -> None:
    questions = [
        "who is the mayor of riverton",
        "what was the bridge's price tag",
        "Who is Riverton's mayor",
        "how long is the footbridge",
    ]
    draft = format_yaml(group_questions(questions, good, LOW_CLARIFY), good, SINCE, TODAY)
    path = good.knowledge.entry("bridge-cost")
    assert path is not None
    assert draft.splitlines()[:8] == [
        "# Drafted by `newsbot unanswered --yaml` from questions asked since 2024-04-01.",
        "# Left out: 1 group(s) the knowledge now answers or has.",
        "#",
        "# Extra phrasings for existing entries: paste each list, uncommented,",
        "# under the entry's `questions:`, then run `newsbot check`.",
        "#",
        f"# bridge-cost ({path.path}:21), asked once, score "
        + draft.splitlines()[6].rsplit("score ", 1)[1],
        "#       - what was the bridge's price tag",
    ]
    data: Any = yaml.safe_load(draft)
    assert data["version"] == 1
    assert data["article"]["date"] == TODAY
    assert data["qa"] == [
        {
            "id": "mayor-riverton",
            "questions": ["who is the mayor of riverton", "Who is Riverton's mayor"],
            "answer": "TODO the fact in one or two sentences, in our own words",
            "draft": True,
        }
    ]


def test_yaml_without_new_entries_is_only_comments(good: Matcher) -> None:
    groups = group_questions(["what was the bridge's price tag"], good, LOW_CLARIFY)
    draft = format_yaml(groups, good, SINCE, TODAY)
    assert draft.endswith("#\n# No new entries to draft.\n")
    assert yaml.safe_load(draft) is None


@pytest.mark.parametrize(
    "question",
    [
        "yes",
        "null",
        "2022-02-21",
        "what: now?",
        "#1 question",
        "- a dash first",
        "is it 50% off? it's {cheap}",
        "@home or `code`",
        "quotes \" and ' both",
        "an emoji 🎉 and 广州",
        "  ",
    ],
)
def test_yaml_keeps_every_question_exactly_as_asked(good: Matcher, question: str) -> None:
    group = Group((Variant(question, 1), Variant("who is the mayor", 1)), None, False)
    data: Any = yaml.safe_load(format_yaml([group], good, SINCE, TODAY))
    assert data["qa"][0]["questions"] == [question, "who is the mayor"]


# --- newsbot unanswered ---------------------------------------------------------------------


def command(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsbot")
    add_parsers(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        knowledge_dir=GOOD, db_path=tmp_path / "var" / "newsbot.sqlite3", cache_dir=None
    )


def test_unanswered_prints_the_groups_from_the_database(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = Engine.load(settings)
    with Store(settings.db_path) as store:
        for question in ("who is the mayor of riverton", "Who is Riverton's mayor"):
            store.record(engine.ask(question), "telegram")
        store.record(engine.ask("how long is the footbridge"), "telegram")  # answered: no text
    since = dt.datetime.now(dt.UTC).date()

    assert run(command("unanswered", "--since", since.isoformat()), settings, engine) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Unanswered questions since {since}: 2 asked, 1 group"
    assert lines[3].endswith("  who is the mayor of riverton")
    assert lines[4].endswith("+ Who is Riverton's mayor")

    assert run(command("unanswered", "--since", since.isoformat(), "--yaml"), settings, engine) == 0
    data: Any = yaml.safe_load(capsys.readouterr().out)
    assert data["qa"][0]["questions"] == ["who is the mayor of riverton", "Who is Riverton's mayor"]


def test_unanswered_without_a_database_says_so_and_succeeds(
    settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(command("unanswered", "--yaml"), settings, Engine.load(settings)) == 0
    assert capsys.readouterr().out == f"no questions recorded yet at {settings.db_path}\n"


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (("--since", "2024-02-30"), "Error: --since: not a date: '2024-02-30'"),
        (("--top", "0"), "Error: --top: must be at least 1, got 0"),
        (("--top", "ten"), "Error: --top: not a whole number: 'ten'"),
    ],
)
def test_unanswered_with_bad_options_is_an_error(
    settings: Settings, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], error: str
) -> None:
    assert run(command("unanswered", *argv), settings, Engine.load(settings)) == 1
    assert capsys.readouterr().err.startswith(error)
