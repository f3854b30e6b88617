"""Answers quoted from the article text: only a sentence holding the whole question is quoted.

Knowledge: tests/data/quoting, an invented article whose text says more than its two entries.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings, Thresholds
from bot.engine import Engine
from bot.evaluation import Case, evaluate, leave_out
from bot.knowledge import load_knowledge
from bot.matching import Candidate
from bot.quoting import QuoteFinder, article_passages
from bot.replies import render_html, render_plain

DATA = Path(__file__).resolve().parent / "data"
QUOTING = DATA / "quoting"
URL = "https://example.org/news/mill-lane-footbridge"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.load(Settings(knowledge_dir=QUOTING, cache_dir=None))


def test_an_article_is_cut_into_sentences_and_fragments_are_left_out(engine: Engine) -> None:
    (article,) = engine.knowledge.articles
    sentences = [p.sentence for p in article_passages(article)]
    assert sentences[0] == (
        "Riverton opened the Mill Lane footbridge on May 4, 2023, after two years of work."
    )
    assert "Mayor Alice Brook cut the ribbon at the opening." in sentences
    assert "Photo by staff." not in sentences  # too short to answer anything
    assert len(sentences) == 7


def test_a_sentence_opening_with_a_pronoun_is_quoted_with_the_one_before(engine: Engine) -> None:
    reply = engine.ask("how many people does the bridge carry a day")
    assert reply.quote is not None
    assert reply.quote.passage.text == (
        "The bridge is 120 metres long and cost 4.5 million pounds. "
        "It carries about 3,000 people a day between the station and the market."
    )


def test_a_question_no_entry_answers_is_answered_in_the_articles_words(engine: Engine) -> None:
    reply = engine.ask("who cut the ribbon?")
    assert (reply.status, reply.outcome, reply.entry) == ("answer", "quote", None)
    assert reply.quote is not None
    assert reply.quote.passage.sentence == "Mayor Alice Brook cut the ribbon at the opening."
    text = render_plain(reply, engine.knowledge)
    assert "“Mayor Alice Brook cut the ribbon at the opening.”" in text
    assert text.endswith(URL)
    assert "Mill Lane footbridge opens in Riverton (example.org, May 5, 2023)" in text


def test_an_entry_that_fits_is_answered_rather_than_a_quote(engine: Engine) -> None:
    reply = engine.ask("How long is the Mill Lane footbridge?")
    assert reply.entry is not None
    assert reply.entry.id == "bridge-length"
    assert reply.quote is None


@pytest.mark.parametrize(
    "question",
    [
        "how many cars does the bridge carry a day",  # "cars" is nowhere in the article
        "when will the lighting be installed",  # "installed" neither
        "who paid for the footbridge",
        "what is the population of Riverton",
    ],
)
def test_a_question_with_a_word_the_article_lacks_is_not_quoted(
    engine: Engine, question: str
) -> None:
    reply = engine.ask(question)
    assert (reply.status, reply.quote) == ("none", None)


def test_a_question_two_different_sentences_answer_alike_is_not_quoted(engine: Engine) -> None:
    assert engine.ask("what does the council plan to add").quote is None  # lighting? benches?
    reply = engine.ask("what does the council plan to add to the bridge")
    assert reply.quote is not None
    assert "lighting" in reply.quote.passage.sentence


def test_a_when_question_needs_a_date_in_the_sentence(engine: Engine) -> None:
    assert engine.ask("when did the mayor cut the ribbon").quote is None
    assert engine.ask("who cut the ribbon").quote is not None


def test_a_how_many_question_needs_a_figure_in_the_sentence(engine: Engine) -> None:
    assert engine.ask("how many plans does the council have for lighting").quote is None


def test_small_talk_is_never_quoted(engine: Engine) -> None:
    assert engine.ask("hello").quote is None
    assert engine.ask("thanks!").quote is None


def test_a_quote_threshold_above_100_turns_quoting_off() -> None:
    off = Settings(knowledge_dir=QUOTING, thresholds=Thresholds(quote=101), cache_dir=None)
    assert Engine.load(off).ask("who cut the ribbon").status == "none"


def test_knowledge_without_article_text_has_nothing_to_quote() -> None:
    knowledge = load_knowledge(DATA / "good").knowledge
    engine = Engine.load(Settings(knowledge_dir=DATA / "good", cache_dir=None))
    assert QuoteFinder(knowledge, engine.snapshot.matcher).passages == ()


def test_the_quote_is_escaped_in_telegram_html(engine: Engine) -> None:
    reply = engine.ask("who built the deck")
    html = render_html(reply, engine.knowledge)
    assert "<blockquote>Smith &amp; Sons &lt;Engineering&gt; built the deck.</blockquote>" in html
    assert f'<a href="{URL}">' in html


def test_ask_json_says_the_answer_comes_from_the_article(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSBOT_KNOWLEDGE_DIR", str(QUOTING))
    assert main(["ask", "--json", "who cut the ribbon"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "answer"
    assert (shown["entry"], shown["source"], shown["url"]) == (None, "article", URL)
    assert shown["quote"] == "Mayor Alice Brook cut the ribbon at the opening."


def test_evaluation_counts_a_quote_as_right_only_when_it_states_the_expected_fact(
    engine: Engine,
) -> None:
    opening = engine.knowledge.entry("bridge-opening")
    assert opening is not None
    matcher = engine.snapshot.matcher
    finder = engine.snapshot.quotes
    stated = finder.supporting(opening)
    assert [p.sentence[:30] for p in stated] == ["Riverton opened the Mill Lane "]
    cases = [
        Case("when did riverton open the mill lane footbridge", "bridge-opening", "", 1),
        Case("who cut the ribbon", "none", "", 2),
    ]
    left = leave_out(cases[:1], engine.knowledge, Thresholds())
    assert (left.questions, left.quoted_right, left.quoted_wrong) == (1, 1, 0)
    report = evaluate(cases, matcher, Thresholds(), quotes=finder)
    assert (report.quoted_right, report.quoted_wrong) == (0, 1)  # the entry answers the first
    assert report.answered_unanswerable == 1.0  # a quote to an unanswerable case is an answer


def test_related_questions_under_a_quote_are_introduced_in_both_renderings(engine: Engine) -> None:
    quoted = engine.ask("who built the deck")
    length = engine.knowledge.entry("bridge-length")
    assert quoted.quote is not None
    assert length is not None
    with_choices = dataclasses.replace(quoted, choices=(Candidate(length, 60.0, "x"),))
    assert render_plain(with_choices, engine.knowledge).endswith(
        "Questions I can answer that sound related:\n- How long is the Mill Lane footbridge?"
    )
    assert render_html(with_choices, engine.knowledge).endswith(
        "\n\nQuestions I can answer that sound related:"
    )
