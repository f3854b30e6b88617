"""A yes/no check of a wrong figure gets the right one, said to differ; a year keeps its scope."""

from __future__ import annotations

import pytest

from bot.answering import decide
from bot.checks import asks_yes_or_no, checks_a_date, gives_figure_like, is_checked_figure
from bot.config import Thresholds
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from bot.replies import CORRECTION_OPENING, render_html, render_plain
from tests.bridge_knowledge import ARTICLE, ENTRIES, entry, matcher_with

KNOWLEDGE = KnowledgeBase((ARTICLE,), ENTRIES, {"bridge": ("crossing",)})
MATCHER = Matcher(KNOWLEDGE)


@pytest.mark.parametrize(
    "question",
    [
        "Did the bridge open in June?",
        "so was it 900 metres long?",
        "The bridge opened on May 3, right?",
        "It opened in May, didn't it?",
        "Is it true that the mayor cut the ribbon?",
        "Reports put the opening in June. Is that the correct date?",
        "The bridge is 900 metres long. Does that match the article?",
        "bridge cost 900,000 yuan?",  # a statement asked
        "the bridge opened in may yeah?",
        "the bridge is 900 metres long is that true",  # dictated, no comma
        "bridge cost 900,000 yuan? 🤷",  # an emoji after the question mark
        "it opened in June? 👍🏽",
    ],
)
def test_checks_of_a_statement_are_told_from_questions_for_a_fact(question: str) -> None:
    assert asks_yes_or_no(question)


@pytest.mark.parametrize(
    "question",
    [
        "When did the bridge open?",
        "how long is it",
        "Which bridge is it, the new one?",
        "the bridge, how long is it?",
    ],
)
def test_questions_for_a_fact_are_not_checks(question: str) -> None:
    assert not asks_yes_or_no(question)


def test_numbers_and_months_are_checked_figures_but_years_and_may_are_not() -> None:
    assert is_checked_figure("900000")
    assert is_checked_figure("june")
    assert not is_checked_figure("2024")
    assert not is_checked_figure("may")  # "may I ask"
    assert not is_checked_figure("bridg")


def test_ordinals_and_directions_are_checked_figures_of_their_own_kind() -> None:
    assert is_checked_figure("third")
    assert is_checked_figure("north")
    assert gives_figure_like("It was the first of a series of events.", "third")
    assert gives_figure_like("The park lies in the southern part of the zone.", "north")
    assert not gives_figure_like("The park lies in the southern part of the zone.", "third")
    assert not gives_figure_like("It was the first of a series of events.", "north")
    assert gives_figure_like("It is the largest park in the district.", "second")  # a rank
    assert gives_figure_like("It aims at a city-level AI centre.", "provinci")
    assert not gives_figure_like("It lies in the city of Guangzhou.", "provinci")


def test_an_answer_gives_a_figure_of_the_kind_checked() -> None:
    assert gives_figure_like("The bridge opened on May 3, 2023.", "june")
    assert gives_figure_like("Building the bridge cost 500,000 yuan.", "900000")
    assert not gives_figure_like("The mayor, Li Wen, cut the ribbon.", "june")
    assert not gives_figure_like("It opened in 2023.", "9")  # a year is not a count


@pytest.mark.parametrize(
    ("question", "figure"),
    [("Did the bridge open in June?", "june"), ("Did the bridge open on May 9?", "9")],
)
def test_a_check_of_a_wrong_figure_gets_the_right_one_said_to_differ(
    question: str, figure: str
) -> None:
    reply = decide(question, MATCHER, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "bridge-opening"
    assert reply.corrects == (figure,)
    assert render_plain(reply, KNOWLEDGE).startswith(CORRECTION_OPENING + "\nThe bridge opened")
    assert render_html(reply, KNOWLEDGE).startswith(CORRECTION_OPENING + "\nThe bridge opened")


@pytest.mark.parametrize(
    "message",
    [
        "Some reports I've seen put the bridge opening on May 9, 2023. Is that the correct date?",
        "A colleague says the bridge opened on May 9. Does that match the article?",
    ],
)
def test_a_claim_from_elsewhere_sent_for_checking_gets_the_article_s_figure(message: str) -> None:
    reply = decide(message, MATCHER, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "bridge-opening"
    assert reply.corrects == ("9",)


@pytest.mark.parametrize(
    "message",
    [
        "Fact check: 'the bridge opened on May 9, 2023.' Correct date?",
        "Our draft gives the opening date as May 9, 2023. Please verify the exact date.",
        "I read the bridge opened on May 9 - accurate?",
        "bridge opened on may 9 rite?",
        "the bridge opened on may 9 yes?",
    ],
)
def test_a_fact_checker_s_claim_gets_the_article_s_figure(message: str) -> None:
    reply = decide(message, MATCHER, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "bridge-opening"
    assert reply.corrects == ("9",)


def test_a_check_of_the_right_figure_is_answered_without_a_correction() -> None:
    reply = decide("Did the bridge open on May 3?", MATCHER, Thresholds())
    assert reply.status == "answer"
    assert reply.corrects == ()
    assert not render_plain(reply, KNOWLEDGE).startswith(CORRECTION_OPENING)


def test_a_check_about_another_year_is_not_answered_with_this_one() -> None:
    assert decide("Did the bridge open in 2024?", MATCHER, Thresholds()).status == "none"


def test_a_figure_asked_for_rather_than_checked_still_counts_against_the_entry() -> None:
    assert decide("Which bridge opened on June 9?", MATCHER, Thresholds()).status != "answer"


def test_a_check_answered_only_by_an_entry_without_such_a_figure_is_not_answered() -> None:
    assert decide("Did the mayor cut the ribbon in June?", MATCHER, Thresholds()).status != (
        "answer"
    )


def test_a_confirmation_typed_without_a_comma_is_a_check() -> None:
    assert asks_yes_or_no("the bridge opened in june right?")


def test_a_check_of_a_wrong_past_year_gets_the_right_year() -> None:
    reply = decide("Did the bridge open in 2021?", MATCHER, Thresholds())
    assert reply.entry is not None
    assert reply.entry.id == "bridge-opening"  # the article (2023) could report on 2021
    assert reply.corrects == ("2021",)


def test_years_up_to_the_articles_are_checked_figures_later_ones_scope_the_question() -> None:
    assert is_checked_figure("2021", reported_until=2023)
    assert not is_checked_figure("2024", reported_until=2023)
    assert not is_checked_figure("2021")


def test_a_yes_tag_makes_a_check() -> None:
    assert asks_yes_or_no("the bridge opened in june, yes?")


def test_a_checked_date_asks_when_whatever_else_the_question_names() -> None:
    reply = decide("Did the mayor open the bridge on May 9?", MATCHER, Thresholds())
    assert reply.candidates[0].entry.id == "bridge-opening"  # not the mayor's: a date is checked


def test_a_day_is_a_date_only_beside_a_month() -> None:
    assert checks_a_date(["9"], ["bridg", "may", "9"])
    assert checks_a_date(["june"], ["bridg", "june"])
    assert not checks_a_date(["9"], ["bridg", "9", "lane"])


def test_a_check_of_the_right_date_asks_when() -> None:
    reply = decide(
        "Did the mayor cut the ribbon when the bridge opened on May 3?", MATCHER, Thresholds()
    )
    assert reply.candidates[0].entry.id == "bridge-opening"


BUILDERS = entry(
    "bridge-builders",
    "Two firms, Kaida and Fenglin, built the bridge.",
    "Which companies built the bridge?",
    "bridge builders",
)
WITH_BUILDERS = matcher_with(BUILDERS)


@pytest.mark.parametrize(
    "question",
    [
        "Were Huawei and Tencent among the companies that built the bridge?",
        "Was Sinohydro one of the companies that built the bridge?",
        "Did Huawei and Tencent build the bridge?",
    ],
)
def test_a_claim_that_unknown_names_belong_to_a_group_gets_the_group_said_to_differ(
    question: str,
) -> None:
    reply = decide(question, WITH_BUILDERS, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is BUILDERS
    assert reply.corrects
    assert render_plain(reply, WITH_BUILDERS.knowledge).startswith(CORRECTION_OPENING)


@pytest.mark.parametrize(
    "question",
    ["Does Tianhe have a bridge that long too?", "Did Tianhe build a bridge too?"],
)
def test_a_name_the_knowledge_lacks_asked_about_is_not_answered_with_another(
    question: str,
) -> None:
    assert decide(question, WITH_BUILDERS, Thresholds()).status != "answer"


def test_a_check_of_the_last_place_in_an_order_gets_the_first_said_to_differ() -> None:
    series = entry(
        "opening-series",
        "The opening was the first of a series of spring events in the harbor district.",
        "Was the opening part of a series of events?",
        "Is the opening the first in a series?",
    )
    matcher = matcher_with(series)
    reply = decide("Was the opening the last in a series of events?", matcher, Thresholds())
    assert reply.entry is series
    assert reply.corrects


def test_a_check_asked_before_its_context_is_read_again_on_its_own() -> None:
    message = "Did the bridge open in June? My notes from the trip are a smudged mess."
    reply = decide(message, MATCHER, Thresholds())
    assert reply.entry is not None
    assert reply.entry.id == "bridge-opening"
    assert reply.corrects == ("june",)


def test_a_checked_date_another_entry_holds_is_asked_as_when_without_it() -> None:
    published = entry(
        "article-date",
        "The article is dated May 4, 2023.",
        "When was the article published?",
        "article date",
    )
    matcher = matcher_with(published)
    reply = decide("Did the bridge open on May 4th?", matcher, Thresholds())
    assert reply.entry is not None
    assert reply.entry.id == "bridge-opening"
    assert reply.corrects == ("4",)


def test_a_bound_is_not_a_figure_claimed_so_the_answer_is_not_said_to_differ() -> None:
    traffic = entry(
        "bridge-traffic",
        "The bridge is expected to carry over 40,000 cars a day.",
        "How many cars will the bridge carry?",
        "bridge traffic",
    )
    matcher = matcher_with(traffic)
    bound = decide("Will the bridge carry more than 30,000 cars a day?", matcher, Thresholds())
    past = decide("Will the bridge carry past 30,000 cars a day?", matcher, Thresholds())
    claim = decide("Will the bridge carry 30,000 cars a day?", matcher, Thresholds())
    assert bound.entry is traffic
    assert bound.corrects == ()
    assert past.entry is traffic
    assert past.corrects == ()
    assert claim.entry is traffic
    assert claim.corrects == ("30000",)


def test_a_question_offering_a_choice_is_answered_by_the_entry_holding_one_of_them() -> None:
    level = entry(
        "bridge-level",
        "The bridge is listed as a city-level landmark.",
        "What level of landmark is the bridge?",
        "Is the bridge a city-level landmark?",
    )
    message = "At what level is the bridge listed as a landmark, city or national?"
    reply = decide(message, matcher_with(level), Thresholds())
    assert reply.status == "answer"
    assert reply.entry is level


KAIDA = entry(
    "kaida",
    "Kaida is one of the two firms that built the bridge; the article says nothing else of it.",
    "What did Kaida do?",
    "Who is Kaida?",
)
WITH_KAIDA = matcher_with(KAIDA)


@pytest.mark.parametrize(
    "question",
    [
        "What did the steel giant Kaida do?",
        "What did Kaida, the steel giant, do?",
        "What did the automaker Kaida do?",  # read as "the car company Kaida": both words go
    ],
)
def test_words_describing_a_known_name_are_not_what_is_asked(question: str) -> None:
    reply = decide(question, WITH_KAIDA, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is KAIDA


def test_a_thing_related_to_a_known_name_is_still_asked() -> None:
    assert decide("Who are the investors behind Kaida?", WITH_KAIDA, Thresholds()).status != (
        "answer"
    )


PUBLISHER = entry(
    "bridge-publisher",
    "The story was published by example.org, the city's news site.",
    "Who published the story?",
    "Which site ran the story?",
)


@pytest.mark.parametrize(
    "question",
    ["Is this a Xinhua story?", "was this story from xinhua", "Was it Xinhua that ran the story?"],
)
def test_a_source_the_knowledge_lacks_gets_the_publisher_said_to_differ(question: str) -> None:
    reply = decide(question, matcher_with(PUBLISHER), Thresholds())
    assert reply.status == "answer"
    assert reply.entry is PUBLISHER
    assert reply.corrects == ("xinhua",)


def test_a_name_the_story_is_asked_to_be_about_is_no_source() -> None:
    reply = decide("Is the story about Tencent?", matcher_with(PUBLISHER), Thresholds())
    assert reply.status != "answer"


def test_a_claim_that_opens_with_names_the_knowledge_lacks_gets_the_right_ones() -> None:
    reply = decide(
        "Is it true that Huawei and Tencent built the bridge?", WITH_BUILDERS, Thresholds()
    )
    assert reply.status == "answer"
    assert reply.entry is BUILDERS
    assert reply.corrects
