"""Context before a question does not sink it; a clause that lost its subject is not answered."""

from __future__ import annotations

import pytest

from bot.answering import decide
from bot.clauses import asked_with_its_claim, asking_parts, asking_sentence, question_clause
from bot.config import Thresholds
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from tests.bridge_knowledge import ARTICLE, ENTRIES, entry, matcher_with

MATCHER = Matcher(KnowledgeBase((ARTICLE,), ENTRIES, {"bridge": ("crossing",)}))


def answered_entry(message: str) -> str | None:
    """The entry answering the message with the default thresholds; None when none does."""
    reply = decide(message, MATCHER, Thresholds())
    return reply.entry.id if reply.status == "answer" and reply.entry else None


@pytest.mark.parametrize(
    ("message", "clause"),
    [
        ("I read the news yesterday, when did the bridge open?", "when did the bridge open?"),
        ("Great story. Who cut the ribbon?", "Who cut the ribbon?"),
        ("I'm a local - how long is the bridge?", "how long is the bridge?"),
        ("I was reading and I wondered how long is the bridge", "how long is the bridge"),
        ("Nice piece, so when did it open?", "so when did it open?"),
        (
            "I'm writing a feature. On what date did the bridge open?",
            "On what date did the bridge open?",
        ),
        ("Odd name. To whom does the bridge belong?", "To whom does the bridge belong?"),
        (
            "For my essay I need to know on which date the bridge opened. Could you tell me?",
            "on which date the bridge opened",
        ),
        ("Who cut the ribbon? I need to credit him in my slides.", "Who cut the ribbon"),
        ("How long is it, roughly? I need it for my slides.", "How long is it, roughly"),
        ("I live nearby. Didn't the mayor cut the ribbon?", "Didn't the mayor cut the ribbon?"),
        ("Too long, didn't read. Give me the gist.", "Give me the gist."),  # a remark first
        ("wait when did the bridge open? totally missed it", "wait when did the bridge open"),
        ("hmm, ok so who cut the ribbon? asking for a friend", "ok so who cut the ribbon"),
        # a question mark asks, whatever the order of the words before it
        ("The bridge is in which town? I am new here.", "The bridge is in which town"),
        # a bare request and a remark about the asker ask nothing of their own
        ("My son loves bridges, so tell me, how long is it?", "how long is it?"),
        (
            "It hints at more to come, which made me wonder. Was it the first one?",
            "Was it the first one?",
        ),
        ("Good morning. Whereabouts is the bridge?", "Whereabouts is the bridge?"),
        ("I saw a Kaida van, which reminded me. Who built it?", "Who built it?"),
        # "name popped up" is no request to name something
        ("who is Li Wen? name popped up while I was scrolling", "who is Li Wen"),
    ],
)
def test_the_clause_that_asks_is_found_after_its_context(message: str, clause: str) -> None:
    assert question_clause(message) == clause


@pytest.mark.parametrize(
    "message",
    [
        "how long is the bridge?",
        "the bridge, how long?",
        "bridge length please",
        "When was the Science and Technology Park set up?",  # "and" inside a name
        "For 2024, how many lanes will the bridge have?",  # the context's year is the scope
        "will the bridge have parking, how many spaces?",  # one question in two clauses
        "Who spoke at the opening, other than the mayor?",  # after a comma: it narrows
        "When did the bridge open? I thought it was 2019.",  # the figure is what is checked
        "Since when has the bridge been open, and by what means has it been paid for?",
        "wait the mayor is in this? what for 🤔",  # an emoji is no third word to ask with
    ],
)
def test_a_message_that_is_all_question_has_no_separate_clause(message: str) -> None:
    assert question_clause(message) is None


def test_context_before_the_question_does_not_stop_the_answer() -> None:
    message = "My sister drove over it last weekend and loved it, so when did the bridge open?"
    reply = decide(message, MATCHER, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "bridge-opening"
    assert reply.question == message  # what the user sent is what is recorded


def test_a_question_opening_the_message_points_back_to_nothing_before_it() -> None:
    """A first sentence's "this bridge" is the bridge asked about, not one named earlier."""
    where = entry(
        "bridge-location", "The bridge crosses the Wend at Mill Lane.", "Where is the bridge?"
    )
    question = (
        "Where exactly is this bridge? I live in Riverton and want to know if I could walk there."
    )
    reply = decide(question, matcher_with(where), Thresholds())
    assert (reply.status, reply.entry) == ("answer", where)


def test_a_clause_that_lost_its_subject_is_not_answered_alone() -> None:
    reply = decide(
        "My friend told me about the new tunnel, how long will it be?", MATCHER, Thresholds()
    )
    assert reply.status != "answer"


def test_a_question_after_context_about_something_else_is_answered_on_its_own() -> None:
    reply = decide("I'm not from here. Who cut the ribbon?", MATCHER, Thresholds())
    assert reply.entry is not None
    assert reply.entry.id == "mayor-name"


def test_a_request_after_context_is_the_clause_that_asks() -> None:
    assert question_clause("No time to read it. Give me the gist.") == "Give me the gist."


def test_a_request_with_nothing_in_it_asks_the_clause_before_it() -> None:
    reply = decide("How long is the bridge? Can you help?", MATCHER, Thresholds())
    assert reply.entry is not None
    assert reply.entry.id == "bridge-length"


def test_a_clause_about_him_is_not_answered_without_who_he_is() -> None:
    matcher = matcher_with(
        entry("bridge-name", "It is called the Rainbow Bridge.", "What is the bridge's name?")
    )
    reply = decide("The engineer in charge, what is his name?", matcher, Thresholds())
    assert reply.status != "answer"


def test_a_message_asking_two_things_gets_the_answer_to_the_first_it_can_give() -> None:
    message = "Who cut the ribbon at the bridge, and how long did the opening take?"
    reply = decide(message, MATCHER, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "mayor-name"
    assert reply.question == message


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("My aunt sent me photos of the new bridge. When did they open it?", "bridge-opening"),
        ("My aunt works at Acme Steel. When did they open it?", None),  # "they" are Acme
        ("My aunt sent me photos. When did they open it?", None),  # of what, nobody said
    ],
)
def test_a_question_of_what_they_did_is_asked_of_what_the_context_is_about(
    message: str, expected: str | None
) -> None:
    assert answered_entry(message) == expected


def test_a_guess_at_the_answer_after_a_question_is_settled_by_the_answer() -> None:
    """ "..., was it Zhang Wei?" names someone the knowledge lacks, but guesses the answer to
    the question before it rather than asking something of its own."""
    reply = decide("Who cut the ribbon at the bridge, was it Zhang Wei?", MATCHER, Thresholds())
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "mayor-name")


@pytest.mark.parametrize(
    "message",
    [
        # the second part asks what the knowledge has no word for: a near miss
        "How much did the bridge cost, and who paid the bill?",
        # a later part leans on the first: it is not asked alone
        "Will the bridge have a car park, how long is it?",
    ],
)
def test_the_first_of_two_questions_does_not_hide_a_near_miss(message: str) -> None:
    assert decide(message, MATCHER, Thresholds()).status != "answer"


def test_the_clauses_that_ask_are_found_in_order() -> None:
    message = "Who is quoted in the story, and who does he work for?"
    assert asking_parts(message) == ["Who is quoted in the story", "and who does he work for?"]
    assert asking_parts("When did the bridge open?") == ["When did the bridge open?"]


@pytest.mark.parametrize(
    "message",
    [
        "The bridge, how long is it? I'm new here, just moved in with my son.",
        "Hello, I am new in town. The bridge, yes? How long is it?",
    ],
)
def test_a_question_pointing_back_is_asked_of_the_nearest_part_that_names_something(
    message: str,
) -> None:
    reply = decide(message, MATCHER, Thresholds())
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "bridge-length"


def test_a_list_of_questions_gets_the_answer_to_the_first_when_the_rest_get_none() -> None:
    message = (
        "Who cut the ribbon at the bridge, and who was it, and who was he, and who were they,"
        " and who was she? Asking for my grandmother Wilhelmina Ostrogradsky."
    )
    reply = decide(message, MATCHER, Thresholds())
    assert reply.entry is not None
    assert reply.entry.id == "mayor-name"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # the story before and the remark after say who asks and why
        (
            "I drove a bus over it for 30 years, now retired. My neighbour says it opened on"
            " May 9, 2023. Is that right? I don't want to correct her wrongly.",
            "bridge-opening",
        ),
        (
            "Hello, sorry, my colleague says the bridge opened on May 9, is that right? I"
            " think maybe he is confused but I'm not sure.",
            "bridge-opening",
        ),
        ("We moved here in 2019 and love it. How long is the bridge?", "bridge-length"),
        # "this" points back, and nothing after it can be what it points to
        (
            "We moved here in 2019. How long is this bridge? My Dutch is poor, sorry.",
            "bridge-length",
        ),
        # a pointing-back check past a name the knowledge lacks: "they" are Acme
        ("My aunt works at Acme Steel. She says they built it. Is that right?", None),
        # "Can you help?" and "Which part?" say nothing alone: the whole message is asked
        ("I have a reader asking about Acme Steel and the bridge. Can you help?", None),
    ],
)
def test_the_sentence_that_asks_is_answered_without_the_story_around_it(
    message: str, expected: str | None
) -> None:
    assert answered_entry(message) == expected


def test_the_sentence_that_asks_keeps_the_claim_it_checks() -> None:
    says = lambda sentence: True  # noqa: E731
    message = "I live nearby. A friend says it is 900 m. Is that the right figure? Just curious."
    assert asking_sentence(message, says) == "A friend says it is 900 m. Is that the right figure?"
    assert asking_sentence("How long is it? I'm new here.", says) == "How long is it?"
    assert asking_sentence("How long is the bridge?", says) is None


def test_a_request_ending_the_message_is_the_sentence_that_asks() -> None:
    says = lambda sentence: True  # noqa: E731
    message = "My eyes are weak now. Just tell me in short what this bridge is about."
    assert asking_sentence(message, says) == "Just tell me in short what this bridge is about."
    # how to answer the question before it is no request of its own
    message = "The bridge is the first of what? Explain in one sentence."
    assert asking_sentence(message, says) == "The bridge is the first of what?"


def test_a_short_question_is_asked_of_the_claim_that_ends_the_story_before_it() -> None:
    says = lambda sentence: False  # noqa: E731
    message = "Hi, I sell fish at the market and my cousin told me it opened in May. Is that so?"
    assert asked_with_its_claim(message, says) == (
        "my cousin told me it opened in May.",
        "Is that so?",
    )
    # "second or third in the district" goes on about the park: no new subject, no story
    told = "Someone told me this park is only a small one, second or third in the district. True?"
    assert asked_with_its_claim(told, says) is None
    assert asked_with_its_claim("My cousin told me it opened in May. Is that so?", says) is None


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "Hi, I sell fish at the Lyon market and my cousin told me the bridge opened on May 9."
            " Is that right?",
            "bridge-opening",
        ),
        # the claim points back into the story: "they" are Acme
        ("My aunt drives for Acme Steel in Lyon and they built it. When did it open?", None),
    ],
)
def test_the_story_a_claim_ends_does_not_sink_the_question_asked_of_it(
    message: str, expected: str | None
) -> None:
    assert answered_entry(message) == expected


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("when did the bridge open, i missed it on tv", "bridge-opening"),
        ("how long is the bridge, kids waiting in the car", "bridge-length"),
        # "like which venue" narrows what is asked: no remark
        ("when did the bridge open, like which hour", None),
    ],
)
def test_a_remark_after_the_last_comma_does_not_sink_the_question(
    message: str, expected: str | None
) -> None:
    assert answered_entry(message) == expected


def test_a_short_last_sentence_is_asked_of_the_claim_before_it() -> None:
    """ "What is the real level?" alone would be the city-level hub's; after a claim about the
    fund it asks of the fund, not of the hub."""
    hub = entry("hub-level", "The hub will serve at city level.", "What level is the hub?")
    fund = entry(
        "fund-size",
        "The fund is meant to reach the 100-million-yuan level.",
        "How big is the fund meant to be?",
        "fund target",
    )
    message = (
        "Someone wrote in that the fund target is only 10 million yuan. What is the real level?"
    )
    reply = decide(message, matcher_with(hub, fund), Thresholds())
    assert reply.entry != hub


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Checking my notes: the bridge opened on May 9, correct?", "bridge-opening"),
        ("Note for the show: the bridge opened in June?", "bridge-opening"),
    ],
)
def test_a_lead_in_before_a_colon_does_not_sink_the_question(
    message: str, expected: str | None
) -> None:
    assert answered_entry(message) == expected


def test_a_thumb_typed_question_word_asks() -> None:
    assert question_clause("ok im doing a project on it, whats the bridge called") == (
        "whats the bridge called"
    )


def test_a_question_before_it_keeps_a_clause_from_being_asked_alone() -> None:
    assert question_clause("the bridge is for cars and what else? whats its name") is None


def test_a_title_with_a_full_stop_does_not_end_the_sentence() -> None:
    says = lambda sentence: True  # noqa: E731
    message = "Who is the engineer, the one Mr. Li reports to? I ask for a friend."
    assert asking_sentence(message, says) == "Who is the engineer, the one Mr. Li reports to?"


def test_a_figure_of_the_askers_day_is_no_figure_of_the_question() -> None:
    assert question_clause("I only have 5 minutes break, can you tell me how long the bridge is?")
    # a figure the asker claims is part of what is asked
    assert question_clause("I heard 900 metres, but how long is the bridge?") is None


def test_a_lead_in_and_a_remark_are_both_cut_from_one_question() -> None:
    reply = decide(
        "Checking my notes: when did the bridge open, i missed it on tv", MATCHER, Thresholds()
    )
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "bridge-opening")
