"""The matcher and the decision, as specifications: what is answered, clarified or refused."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answering import decide
from bot.config import Thresholds
from bot.evaluation import evaluate, load_cases
from bot.knowledge import Article, Entry, KnowledgeBase, load_knowledge
from bot.matching import SCORERS, Matcher
from bot.replies import render_plain
from bot.text import stem
from tests.bridge_knowledge import ARTICLE, ENTRIES, entry, matcher_with

KNOWLEDGE = KnowledgeBase((ARTICLE,), ENTRIES, {"bridge": ("crossing",)})
MATCHER = Matcher(KNOWLEDGE)
THRESHOLDS = Thresholds()


def answered_by(question: str, matcher: Matcher) -> str | None:
    """The id of the entry answering the question, or None when none answers it."""
    reply = decide(question, matcher, THRESHOLDS)
    return reply.entry.id if reply.status == "answer" and reply.entry else None


def status_and_entry(question: str) -> tuple[str, str | None]:
    reply = decide(question, MATCHER, THRESHOLDS)
    return reply.status, reply.entry.id if reply.entry else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long is the bridge", "bridge-length"),
        ("bridge lenght", "bridge-length"),  # a typo inside a word
        ("the bridge, how long is it?", "bridge-length"),  # word order
        ("HOW LONG IS THE BRIDGE???", "bridge-length"),  # case and punctuation
        ("how long is the crossing", "bridge-length"),  # a maintainer's synonym
        ("when did the brige open", "bridge-opening"),
        ("how much did the bridge cost", "bridge-cost"),
        ("who cut the ribon", "mayor-name"),
    ],
)
def test_rewordings_and_typos_get_the_right_answer(question: str, expected: str) -> None:
    assert status_and_entry(question) == ("answer", expected)


def test_a_function_word_typed_with_two_letters_swapped_is_read_as_that_word() -> None:
    """Read "teh" and "waht" as "the" and "what": the commonest slip must not weigh as a word the
    knowledge lacks."""

    def terms(question: str) -> list[tuple[str, float]]:
        return [(w.term, w.weight) for w in MATCHER.query_words(question)]

    assert terms("waht is teh bridge lenght") == terms("what is the bridge lenght")
    assert status_and_entry("hwen did teh bridge open") == ("answer", "bridge-opening")


def test_a_topic_word_typed_with_two_letters_swapped_is_not_read_as_a_function_word(
    shipped: Matcher,
) -> None:
    """ "opne" is one letter from "one", but it is "open" typed fast: the meaning must stay,
    whether the knowledge has the word or not."""
    assert status_and_entry("when did the bridge opne") == ("answer", "bridge-opening")
    assert decide("When will the park opne?", shipped, THRESHOLDS).status != "answer"


@pytest.mark.parametrize(
    "question",
    [
        "What is the population of Haizhu district?",
        "Whta is the population of Haizhu district?",
        "Wat is the population of Haizhu district?",
        "hWat is the population of Haizhu district?",
        "Hat is the population of Haizhu district?",  # a word of its own, where "what" goes
    ],
)
def test_a_question_word_typed_wrong_still_asks(shipped: Matcher, question: str) -> None:
    """Mended only among the terms, "Whta is the population of X?" read as a claim that X has
    a population, and the claim's entry answered; the slip is mended before anything reads
    the question."""
    assert decide(question, shipped, THRESHOLDS).status != "answer"


def test_an_opening_word_a_letter_from_a_question_word_asks_only_before_a_verb() -> None:
    mended = MATCHER.with_slips_mended("Were will the bridge open? Hen did they plan it?")
    assert mended == "Where will the bridge open? When did they plan it?"
    kept = "Here is my question. Were there other bridges? What hat did the mayor wear?"
    assert MATCHER.with_slips_mended(kept) == kept
    assert MATCHER.with_slips_mended("hat day did it open, and hat did it cost") == (
        "what day did it open, and what did it cost"  # "hat" where a question starts
    )


def test_a_slip_in_a_synonym_s_phrase_is_mended_so_the_phrase_is_found(shipped: Matcher) -> None:
    """ "the new pak" must still be "the new park", the synonyms' name of the park, as "kind
    of ocmpany" must be the lexicon's "kind of company"; "new parcs" stay plural; "rihgt"
    in a tag, "mnay" and "othr" are the words the rules look for."""
    assert shipped.with_slips_mended("Whats the name of the new prak?").endswith("new park?")
    assert shipped.with_slips_mended("how many new parcs?") == "how many new parks?"  # plural
    assert shipped.with_slips_mended("it is in Guangzhou, rihgt?") == "it is in Guangzhou, right?"
    assert shipped.with_slips_mended("How mnay othr parks?") == "How many other parks?"
    assert shipped.with_slips_mended("what kind of ocmpany") == "what kind of company"  # lexicon
    reply = decide("Whats the name of the new prak?", shipped, THRESHOLDS)
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "park-name")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Did the manager really say output would pass 20 billion yuan?", "output-value"),
        ("what's the job of the manager they quote?", "pan-hongping"),
        # what the manager said is asked of the claim before it, not of him
        (
            "Someone says the manager complained that inner-city industrial parks are rare in"
            " Guangzhou. What did he actually say about that?",
            "scarce-urban-parks",
        ),
        # a head of the district or a firm's boss is someone the article does not name
        ("Who is the head of Haizhu district?", None),
        # nor who attended: the article says who held it
        ("Who was at the ceremony, some mayor or party secretary?", None),
        ("Who hosted the ceremony?", "haizhu-district"),
        ("What did the boss of HYCAN say at the signing?", None),
    ],
)
def test_the_manager_is_the_article_s_one_manager_and_no_other_head(
    question: str, expected: str | None, shipped: Matcher
) -> None:
    reply = decide(question, shipped, THRESHOLDS)
    assert (reply.entry.id if reply.status == "answer" and reply.entry else None) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a remark of the asker's own, however common its words ("reading")
        ("When was the ceremony held, my English reading is slow", "ceremony-date"),
        # "this news" is the article, not something named before
        ("Sorry, my English is slow. Just tell me in short what this news is about?",
         "article-summary"),
        ("Could I get a short abstract of the story?", "article-summary"),
        ("Tesoro, my eyes are tired tonight. Can you tell me in few words what this whole news"
         " story is about?", "article-summary"),
        ("Please summarise this news for me, I want to share it with my friends on Sunday",
         "article-summary"),
        ("Can you resume me the news in few lines?", "article-summary"),
        # the figures of the asker's own day are no claim
        ("Give me the gist of this news please, I have 2 minutes before an investor call",
         "article-summary"),
    ],
)  # fmt: skip
def test_what_the_asker_says_of_themselves_does_not_sink_the_question(
    question: str, expected: str, shipped: Matcher
) -> None:
    assert answered_by(question, shipped) == expected


def test_a_function_word_written_as_spoken_is_not_mended_into_a_knowledge_word(
    shipped: Matcher,
) -> None:
    """Jamaican "dat" is "that", not a slip of "date"."""
    question = "Haizhu - is dat a city or a district? Which city it inna?"
    assert answered_by(question, shipped) == "haizhu-district"


def test_a_particle_of_another_language_is_not_mended_into_a_knowledge_word(
    shipped: Matcher,
) -> None:
    """Tagalog's "yun" ("that") in "tama ba yun?" is no slip of "yuan"."""
    asked = "my TL said the ceremony was feb 18, tama ba yun?"
    assert shipped.with_slips_mended(asked) == asked
    reply = decide(asked, shipped, THRESHOLDS)
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "ceremony-date")


def test_a_slip_in_a_phrase_word_the_knowledge_never_keeps_is_mended_where_the_phrase_is_whole(
    shipped: Matcher,
) -> None:
    """ "moving into" is the synonyms' "settle in" before any term is made of it; "actualy
    about" is no phrase of "actual", so the slip stays for the speller of "actually"."""
    assert shipped.with_slips_mended("is hycan movng into the park") == (
        "is hycan moving into the park"
    )
    assert shipped.with_slips_mended("what was it actualy about") == "what was it actualy about"
    # "toped" is English (to drink), but so rare that a slip of "topped out" is likelier
    assert shipped.with_slips_mended("how many get toped out") == "how many get topped out"
    assert shipped.with_slips_mended("how many get taped out") == "how many get taped out"


def test_setting_up_in_a_place_is_the_synonyms_settling_in_it(shipped: Matcher) -> None:
    for said in ("committed to setting up in the park", "HYCAN sets up in the park"):
        assert " settle in " in f" {shipped.normaliser.normalise(said)} ", said


def test_the_new_park_by_its_kind_is_the_park_and_new_parks_are_the_target(
    shipped: Matcher,
) -> None:
    for question, expected in [
        ("What's the name of the new industrial park in Haizhu?", "park-name"),
        ("name of the new urban industrial park", "park-name"),
        ("How many new industrial parks will Haizhu add?", "new-parks-target"),
    ]:
        reply = decide(question, shipped, THRESHOLDS)
        assert (reply.status, reply.entry and reply.entry.id) == ("answer", expected), question


def test_a_claimed_value_settles_a_near_tie_for_the_entry_whose_slot_it_fills(
    shipped: Matcher,
) -> None:
    """Without "fintech", "Is the park meant for companies?" ties the focus with the list of
    signers; "meant for ___" is where the focus's questions ask, so the check is of it."""
    reply = decide("Is the park meant for fintech companies?", shipped, THRESHOLDS)
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "focus-industries")


def test_a_claimed_value_of_two_words_fills_the_slot_asked_in_other_words(
    shipped: Matcher,
) -> None:
    """ "concentrating on" asks as the focus's "focus on" does, and "clean energy" is one
    claimed thing: the check is of the focus, whose answer says what the park is for."""
    for question in (
        "Will the park be concentrating on clean energy?",
        "Will the park be concentrating on clean energy and green tech?",
    ):
        reply = decide(question, shipped, THRESHOLDS)
        assert (reply.status, reply.entry and reply.entry.id) == ("answer", "focus-industries")


def test_a_check_of_a_member_is_its_own_entry_s_though_the_list_shares_more_words(
    shipped: Matcher,
) -> None:
    """ "joining" is in a question of the signers' list, not of HYCAN's own entry."""
    reply = decide("Is HYCAN one of the firms joining the park?", shipped, THRESHOLDS)
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "hycan")


@pytest.mark.parametrize("word", ["form", "hwo"])  # a word of its own; "how" or "who"
def test_a_swap_that_is_a_word_or_could_be_two_words_is_not_mended(word: str) -> None:
    assert word in [w.surface for w in MATCHER.query_words(f"{word} bridge")]


@pytest.mark.parametrize(
    "question",
    [
        "How long is the river?",  # shares most words, but the rare one differs
        "who designed the tunnel",
        "what is the weather tomorrow",
        "How many lanes does the bridge have?",
        "How much did the tunnel cost?",  # the figure asked is another thing's
        "when is the bridge done",  # when it is finished, not when it opened
    ],
)
def test_near_misses_are_not_answered(question: str) -> None:
    assert status_and_entry(question)[0] != "answer"


def test_questions_without_meaningful_words_get_none() -> None:
    assert status_and_entry("what is the")[0] == "none"
    assert status_and_entry("")[0] == "none"


def test_a_huge_message_is_cut_before_matching() -> None:
    reply = decide("how long is the bridge " + "blah " * 50_000, MATCHER, THRESHOLDS, 200)
    assert reply.truncated
    assert len(reply.question) <= 200


def test_close_entries_are_offered_as_choices_not_answered() -> None:
    knowledge = KnowledgeBase(
        (ARTICLE,),
        (
            entry("north-tower", "The north tower is 80 m.", "How tall is the north tower?"),
            entry("south-tower", "The south tower is 75 m.", "How tall is the south tower?"),
        ),
    )
    reply = decide("how tall is the tower", Matcher(knowledge), THRESHOLDS)
    assert reply.status == "clarify"
    assert {c.entry.id for c in reply.choices} == {"north-tower", "south-tower"}


def test_draft_entries_are_never_matched() -> None:
    draft = Entry("draft", ("How long is the bridge?",), "TODO", ARTICLE, "x.yaml", 1, draft=True)
    matcher = Matcher(KnowledgeBase((ARTICLE,), (draft,)))
    assert matcher.match("how long is the bridge") == []


@pytest.mark.parametrize("scorer", SCORERS)
def test_every_scorer_ranks_an_exact_phrasing_first(scorer: str) -> None:
    matcher = Matcher(KNOWLEDGE, scorer)
    assert matcher.match("How long is the bridge?")[0].entry.id == "bridge-length"


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    result = load_knowledge(Path("knowledge"))
    assert result.errors == []
    return Matcher(result.knowledge)


@pytest.mark.parametrize(
    ("path", "min_accuracy", "max_answered_unanswerable"),
    [("eval/questions.yaml", 0.85, 0.05), ("eval/holdout.yaml", 0.83, 0.05)],
)
def test_shipped_knowledge_does_not_regress_on_the_evaluation_sets(
    shipped: Matcher, path: str, min_accuracy: float, max_answered_unanswerable: float
) -> None:
    report = evaluate(load_cases(Path(path), shipped.knowledge), shipped, THRESHOLDS)
    assert report.accuracy >= min_accuracy
    assert report.answered_unanswerable <= max_answered_unanswerable
    assert report.wrong_answers_to_answerable <= 0.01


def test_a_clause_whose_it_the_answering_entry_knows_is_answered(shipped: Matcher) -> None:
    """ "it" is the Haizhu launch, which the date's entry mentions ("post" reads as a role)."""
    reply = decide("saw a post about the haizhu launch, was it on feb 18?", shipped, THRESHOLDS)
    assert reply.entry is not None
    assert reply.entry.id == "ceremony-date"


@pytest.mark.parametrize(
    "message",
    [
        "I saw Meishang in the news. What part did it play in this park story?",
        "Yuanzhi Technology was in a headline. What role did it have in the story?",
    ],
)
def test_a_clause_whose_it_is_named_only_in_the_context_is_not_answered_about_another_entry(
    shipped: Matcher, message: str
) -> None:
    """Alone, "what part did it play in the story" is Pan Hongping's entry; "it" is the company,
    which Pan Hongping's entry never mentions."""
    reply = decide(message, shipped, THRESHOLDS)
    assert reply.entry is None or reply.entry.id != "pan-hongping"


@pytest.mark.parametrize(
    ("question", "entry_id", "corrected"),
    [
        ("Is the park in the northern part of the Pazhou pilot zone?", "park-location", "north"),
        ("Was the ceremony the third in a series of events?", "first-of-series", "third"),
        ("Was the ceremony the fourth in a series of events?", "first-of-series", "fourth"),
        # the day says which event: the claim is "last", not the date
        (
            "Was the Feb 18 event the last of Haizhu's first-quarter launches?",
            "first-of-series",
            "last",
        ),
        # "second" is also "the second half of 2021": the rank is the claim, not the topic
        ("park only 2nd largest in haizhu?", "largest-park", "second"),
    ],
)
def test_a_check_of_a_wrong_ordinal_or_direction_gets_the_article_s_one(
    shipped: Matcher, question: str, entry_id: str, corrected: str
) -> None:
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert reply.entry.id == entry_id
    assert reply.corrects == (corrected,)


@pytest.mark.parametrize(
    ("statement", "entry_id", "corrected"),
    [
        ("Haizhu is adding 30 new parks?", "new-parks-target", ("30",)),
        ("the park's area is 2 million square meters?", "park-area", ("2", "million")),
        ("heard the output will hit 5 billion yuan, true?", "output-value", ("5",)),
        ("the ceremony was on feb 20 yeah?", "ceremony-date", ("20",)),
        ("the park is on the west side of pazhou right?", "park-location", ("west",)),
        ("Will the park set up a national-level AI centre?", "ai-innovation-center", ("nation",)),
    ],
)
def test_a_statement_sent_as_a_question_is_checked_like_a_yes_no_question(
    shipped: Matcher, statement: str, entry_id: str, corrected: tuple[str, ...]
) -> None:
    reply = decide(statement, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert reply.entry.id == entry_id
    assert reply.corrects == corrected


@pytest.mark.parametrize(
    "question",
    [
        "Is it a city-level AI innovation center?",
        "Is the park in the southern part of the Pazhou pilot zone?",
        "is the park in the north or the south of pazhou?",  # a choice, not a claim
    ],
)
def test_a_check_the_answer_bears_out_is_not_said_to_differ(
    shipped: Matcher, question: str
) -> None:
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert reply.entry.id in ("park-location", "ai-innovation-center")
    assert reply.corrects == ()


@pytest.mark.parametrize(
    "question",
    ["Is Pan Hongping the general manager of the park?", "pan hongping is a manager there yeah?"],
)
def test_a_check_naming_part_of_a_title_the_answer_spells_out_gets_that_answer(
    shipped: Matcher, question: str
) -> None:
    """The synonyms fold "assistant general manager" into one term; the answer gives it whole."""
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert reply.entry.id == "pan-hongping"


@pytest.mark.parametrize(
    "question", ["Did the mayor attend the ceremony?", "Is HYCAN a car company?"]
)
def test_a_check_with_words_no_answer_spells_out_is_not_answered(
    shipped: Matcher, question: str
) -> None:
    assert decide(question, shipped, THRESHOLDS).status != "answer"


@pytest.mark.parametrize(
    "question",
    [
        "Is the park about biotech and medicine?",
        "The park is for biotech and pharma companies, no?",
        "Is the park mainly for biomedicine and textiles?",
    ],
)
def test_a_check_naming_other_sectors_gets_the_sectors_the_park_focuses_on(
    shipped: Matcher, question: str
) -> None:
    assert answered_by(question, shipped) == "focus-industries"


def test_a_sector_named_beside_something_the_knowledge_lacks_is_not_answered(
    shipped: Matcher,
) -> None:
    question = "Does the park give tax breaks to semiconductor companies?"
    assert decide(question, shipped, THRESHOLDS).status != "answer"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "I saw the name Yuanzhi Technology in Haizhu news. What did this company do in "
            "connection with the park?",
            "yuanzhi-technology",
        ),
        ("Why does the name HYCAN come up in this story about Haizhu's new park?", "hycan"),
        # "its", "his": the first name before the question, not the place the news was from
        (
            "I keep seeing the name Meishang in the Haizhu coverage - what was its role at the "
            "ceremony?",
            "meishang",
        ),
        (
            "My Chinese language teacher mentioned a man called Pan Hongping when we discussed "
            "the Haizhu news. What is his position?",
            "pan-hongping",
        ),
        # the question after the dash is asked of the name before it, not of the quoted man
        ("Yuanzhi Tech - what role in this story?", "yuanzhi-technology"),
        # "what his name" of a person asks who he is
        ("The park assistant general manager, what his name again?", "pan-hongping"),
        (
            "What is the complete name of the Pazhou zone they are talking about?",
            "pazhou-pilot-zone",
        ),
    ],
)
def test_a_name_the_asker_came_across_is_what_the_question_asks_about(
    shipped: Matcher, question: str, expected: str
) -> None:
    assert answered_by(question, shipped) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Haizhu plans 20 more industrial parks. that what the news say?",
        "My cousin read they plan 20 new parks. What is the real number?",
        "My roommate says Haizhu plans 20 more industrial parks in future. Na true?",
        "haizhu aims 20 new parks is it",
        "My tito who works in Guangzhou told me Haizhu plans 20 more industrial parks. Correct ba?",
    ],
)
def test_a_claim_then_a_what_asking_for_the_real_figure_is_a_check_of_it(
    shipped: Matcher, question: str
) -> None:
    assert answered_by(question, shipped) == "new-parks-target"


@pytest.mark.parametrize(
    "question",
    [
        "Can you give me the quick version of this news story?",
        "short version of the news pls",
        "can u give me the short version of this news, im busy with the ovens",
        "gimme quick summary of the news, no time",
        "Give me a short rundown of the story.",
        "a brief recap of this news?",
        "Give me a short sitrep on this news item, the whole thing in a nutshell.",
        "Can you give me a quick rundown of the story, no need for detail?",
        "I am busy with the wok right now, just give me the short version of this news pls",
        "Give me a quick summary of this news yaar, no time to read full thing, test cycle is on.",
        "I don't have time to read all. Can you give me short what the article is about?",
    ],
)
def test_the_short_version_of_the_news_is_its_summary(shipped: Matcher, question: str) -> None:
    assert answered_by(question, shipped) == "article-summary"


def test_a_name_asked_after_a_title_the_knowledge_lacks_is_not_answered(shipped: Matcher) -> None:
    """ "the general manager": "general" before the title is not dropped to find a referent."""
    question = "And the general manager of the park, not the assistant, what is his name?"
    assert decide(question, shipped, THRESHOLDS).status != "answer"


def test_a_question_word_with_an_aside_asks_no_check(shipped: Matcher) -> None:
    """A question word then an aside ("What, precisely, was ...") opens no tag like ", was it?"."""
    question = "What, precisely, was being inaugurated at the ceremony Haizhu held in Feb 2022?"
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is None or reply.entry.id != "ceremony-date"


@pytest.mark.parametrize(
    "question",
    [
        "Is the weather in Guangzhou nice in February?",
        "whats the weather like in guangzhou in feb, is it cold",
        "Is the food in Haizhu good?",
    ],
)
def test_a_check_whose_subject_the_knowledge_lacks_is_not_answered(
    shipped: Matcher, question: str
) -> None:
    """ "Is Haizhu in Guangzhou?" has a place; the weather in that place is another topic."""
    assert decide(question, shipped, THRESHOLDS).status != "answer"


@pytest.mark.parametrize(
    ("message", "opening"),
    [
        ("hi", "Hello!"),
        ("Hello there", "Hello!"),
        ("thanks!", "You're welcome!"),
        ("thank you", "You're welcome!"),
        ("???", "Ask me a question about the news"),
    ],
)
def test_small_talk_gets_a_kind_reply_not_an_apology(message: str, opening: str) -> None:
    reply = decide(message, MATCHER, THRESHOLDS)
    assert reply.status == "none"
    assert render_plain(reply, KNOWLEDGE).startswith(opening)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how does auto play work", "autoplay"),  # two words for the knowledge's one
        ("where is the webapp menu", "web-app"),  # one word for the knowledge's two
    ],
)
def test_compounds_meet_however_they_are_split(question: str, expected: str) -> None:
    knowledge = KnowledgeBase(
        (ARTICLE,),
        (
            entry("autoplay", "Settings, Playback.", "How do I disable autoplay?"),
            entry("web-app", "Top right.", "Where is the web app menu?"),
            entry("auto-menu", "Nowhere.", "Where is the auto menu?"),
        ),
    )
    assert Matcher(knowledge).match(question)[0].entry.id == expected


def test_a_word_in_a_short_answer_counts_more_than_in_a_long_one() -> None:
    long_answer = "The museum shows " + ", ".join(f"exhibit{n}" for n in range(60)) + " in red."
    knowledge = KnowledgeBase(
        (ARTICLE,),
        (
            entry("museum", long_answer, "What does the museum show?"),
            entry("tower", "The tower is painted red.", "How tall is the tower?"),
        ),
    )
    ranked = Matcher(knowledge).match("which one is red")
    assert [c.entry.id for c in ranked] == ["tower", "museum"]
    assert ranked[0].score > ranked[1].score


def test_a_word_said_twice_weighs_as_much_as_said_once() -> None:
    once = MATCHER.match("how long is the bridge")[0]
    twice = MATCHER.match("how long is the bridge, the bridge")[0]
    assert (twice.entry.id, twice.score) == (once.entry.id, once.score)


def test_a_word_common_in_english_weighs_less_than_a_rare_one_used_as_often() -> None:
    knowledge = KnowledgeBase(
        (ARTICLE,),
        (
            entry("make", "Use the menu.", "How do I make a playlist?"),
            entry("encrypt", "Use a key.", "How do I encrypt a mailbox?"),
        ),
    )
    matcher = Matcher(knowledge)
    assert matcher.idf("make") < matcher.idf("encrypt")
    assert matcher.idf("playlist") == matcher.idf("mailbox")  # unknown to English: full weight


def test_the_lexicon_aspect_words_keep_their_weight_however_common() -> None:
    knowledge = KnowledgeBase(
        (ARTICLE,),
        (
            entry("size", "Two hectares.", "How big is the garden?"),
            entry("owner", "The city.", "Who owns the encyclopedia?"),
        ),
    )
    matcher = Matcher(knowledge)
    assert matcher.idf(stem("big")) == matcher.idf(stem("encyclopedia"))


def test_a_small_word_and_the_next_are_not_read_as_one_word() -> None:
    knowledge = KnowledgeBase(
        (ARTICLE,), (entry("away", "At home.", "Where do fans stay when the team plays away?"),)
    )
    terms = [w.term for w in Matcher(knowledge).query_words("is there a way to pay")]
    assert stem("away") not in terms


def test_a_figure_found_in_the_answer_counts_as_fully_as_one_in_a_phrasing() -> None:
    knowledge = KnowledgeBase(
        (ARTICLE,),
        (
            entry("opening", "The footbridge opened on May 2, 2023.", "When did the bridge open?"),
            entry("length", "The footbridge is 120 metres long.", "How long is the bridge?"),
        ),
    )
    best = Matcher(knowledge).match("did the bridge open on 2 May 2023?")[0]
    assert best.entry.id == "opening"
    assert best.coverage == 1.0  # "may", "2" and "2023" are only in the answer


def test_a_how_big_question_is_marked_down_against_an_answer_without_a_figure() -> None:
    def score(answer: str) -> float:
        knowledge = KnowledgeBase((ARTICLE,), (entry("zone", answer, "How big is the zone?"),))
        return Matcher(knowledge).match("how big is the mill lane zone")[0].score

    figured = score("The Mill Lane zone covers 12 hectares.")
    vague = score("The Mill Lane zone covers many hectares.")
    assert vague < 0.8 * figured
    assert score("The Mill Lane zone covers twelve hectares.") == figured  # words count too


def test_a_long_name_from_the_synonyms_weighs_as_one_word_in_a_question() -> None:
    knowledge = KnowledgeBase(
        (ARTICLE,),
        (
            entry("name", "The Mill Lane Riverside Footbridge.", "What is the bridge called?"),
            entry("part", "The north end is closed.", "Which part of the bridge is closed?"),
        ),
        {"mill lane riverside footbridge": ("mill bridge",)},
    )
    matcher = Matcher(knowledge)
    words = matcher.query_words("which part of the mill bridge is closed")
    name = [w for w in words if w.surface in ("mill", "lane", "riverside", "footbridge")]
    assert len(name) == 4
    heaviest = max(matcher.idf(w.term) for w in name)
    assert sum(w.weight for w in name) == pytest.approx(heaviest)


def test_a_slip_of_a_filler_word_is_no_topic() -> None:
    asked = [w.surface for w in MATCHER.query_words("when was the bridge opened, as mentiond")]
    assert "mentiond" not in asked


def test_asking_for_other_ones_is_not_asking_for_this_one() -> None:
    assert status_and_entry("Which other bridges did the mayor open?")[0] != "answer"


def test_a_question_asked_as_an_entrys_phrasing_is_answered_despite_a_close_runner_up() -> None:
    town = entry("town", "Harbor city lies on the east coast.", "Where is Harbor city?")
    place = entry(
        "place",
        "The bridge is in the south of Harbor city.",
        "Which part of Harbor city is the bridge in?",
    )
    matcher = matcher_with(town, place)  # 'bridge' is common
    reply = decide("where is harbor city", matcher, THRESHOLDS)
    assert reply.candidates[1].score > reply.candidates[0].score - THRESHOLDS.margin  # close
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "town"
    assert decide("harbor city where", matcher, THRESHOLDS).status != "answer"  # not verbatim


@pytest.mark.parametrize(
    "question",
    [
        "What exactly was being launched at the Feb 18 event?",
        "what did the feb 18 event kick off",
        "What was the Feb 18 ceremony in Haizhu meant to launch?",
        "Feb 18 event - what exactly was being kicked off?",
    ],
)
def test_a_date_named_to_say_which_event_does_not_make_it_a_question_about_the_date(
    shipped: Matcher, question: str
) -> None:
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "ceremony-purpose"


def test_a_date_asked_about_is_still_the_date_s_entry(shipped: Matcher) -> None:
    for question in ("When was the launch ceremony on Feb 18 held?", "Was it held on Feb 18?"):
        reply = decide(question, shipped, THRESHOLDS)
        assert reply.entry is not None
        assert reply.entry.id == "ceremony-date"


@pytest.mark.parametrize(
    "question",
    [
        "Did HYCAN sign an intention agreement to settle in the park?",
        "Did HYCAN sign an intention agreement to settle in the Pearl River park?",
    ],
)
def test_a_near_tie_goes_to_the_entry_about_the_name_asked_not_the_list_that_holds_it(
    shipped: Matcher, question: str
) -> None:
    """The signing entry's answer lists HYCAN among others; HYCAN's own entry is about it."""
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "hycan"


@pytest.mark.parametrize(
    "question",
    [
        "so which firms said they'd be the first tenants?",
        "Which companies will be the first tenants?",
    ],
)
def test_a_near_tie_with_entries_about_names_the_question_never_gives_goes_to_the_list(
    shipped: Matcher, question: str
) -> None:
    """HYCAN's entry matches through "Is HYCAN one of the park's first tenants?": a question
    naming no company asks of none of them, so the list of signers is the answer."""
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "company-agreements"


@pytest.mark.parametrize("question", ["Haizhu GDP 2021?", "Haizhu population 2021?"])
def test_keywords_naming_what_they_ask_are_no_claim_about_a_wrong_name(
    shipped: Matcher, question: str
) -> None:
    """Names then a year are a question's keywords: "GDP" is what is asked, not a wrong name
    in a claim to check without it (that answered with Haizhu's 2021 industrial push)."""
    assert decide(question, shipped, THRESHOLDS).status != "answer"


def test_a_question_of_its_own_pointing_back_asks_of_the_name_before_it(
    shipped: Matcher,
) -> None:
    """ "that" in "Which city is that in?" is Haizhu, not the cousin's work."""
    reply = decide("My cousin works in Haizhu. Which city is that in again?", shipped, THRESHOLDS)
    assert reply.status == "answer"
    assert reply.entry is not None
    assert reply.entry.id == "haizhu-district"


def test_pointing_back_asks_of_what_the_context_names_last_not_of_the_asker(
    shipped: Matcher,
) -> None:
    """ "it" is the story: the neighbour forwarding it and the missing link are the asker's."""
    question = "My neighbour forwarded me this story without a link. Who published it?"
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert (reply.status, reply.entry.id) == ("answer", "article-publisher")


@pytest.mark.parametrize(
    "question",
    [
        "I heard the park's budget was approved. When was that?",
        "My friend told me about a hospital in the park. When will it open?",
    ],
)
def test_pointing_back_at_something_the_knowledge_lacks_is_not_answered(
    shipped: Matcher, question: str
) -> None:
    """What the context names last (a budget, a hospital) is unknown: a near miss."""
    assert decide(question, shipped, THRESHOLDS).status != "answer"


def test_a_clause_ending_on_whose_is_not_asked_without_what_came_before(
    shipped: Matcher,
) -> None:
    """ "How does the park fit into Haizhu's?" is Haizhu's modern industrial system, said
    before it: alone the clause asked of the park's role for Haizhu, another entry."""
    question = (
        "I've heard officials talk about a 'modern industrial system' and never knew what they"
        " meant. How does the park fit into Haizhu's?"
    )
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is None or reply.entry.id == "modern-industrial-system"


def test_asking_whether_the_article_says_it_asks_what_comes_before(shipped: Matcher) -> None:
    """ "Does the article say?" names nothing: the population before it is what is asked."""
    question = "My colleague asked how many people live in Guangzhou. Does the article say?"
    assert decide(question, shipped, THRESHOLDS).status != "answer"


def test_a_near_tie_is_not_settled_by_a_clause_whose_names_are_before_it(
    shipped: Matcher,
) -> None:
    """ "they" is Yuanzhi Tech: the clause alone names no company, but the message does."""
    question = (
        "A friend of mine works at Yuanzhi Tech. Is it true they signed up to be in this park?"
    )
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is None or reply.entry.id == "yuanzhi-technology"


def test_a_confirmation_pointing_back_asks_of_the_whole_claim_before_it(shipped: Matcher) -> None:
    """ "is that correct?" after "Haizhu wants five new parks" checks the claim, not Haizhu."""
    question = "I heard Haizhu wants five new urban industrial parks, is that correct?"
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert reply.entry.id == "new-parks-target"


@pytest.mark.parametrize("question", ["Where is Haizhu anyway?", "where even is haizhu"])
def test_a_phrasing_asked_word_for_word_but_a_filler_still_settles_a_near_tie(
    shipped: Matcher, question: str
) -> None:
    """The entry's "Where is Haizhu?", with "anyway": the park's location entry, under four
    points behind through "Which part of Haizhu is the park in?", makes it no guess."""
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert (reply.status, reply.entry.id) == ("answer", "haizhu-district")


def test_a_near_tie_naming_something_the_knowledge_lacks_goes_to_no_one_member(
    shipped: Matcher,
) -> None:
    """Tencent is none of the signers the article names: the list of them answers, saying
    the article has it otherwise, never one signer's entry."""
    reply = decide("Will Tencent be one of the first tenants?", shipped, THRESHOLDS)
    assert reply.entry is not None
    assert (reply.entry.id, reply.corrects) == ("company-agreements", ("tencent",))


@pytest.mark.parametrize(
    "question",
    [
        "Did Huawei sign an agreement to move into the park?",
        "did huawei sign a deal to go in the park",
        "A friend told me Huawei signed to settle in the Pearl River park, it is true?",
    ],
)
def test_a_firm_the_article_does_not_list_claimed_to_have_signed_gets_the_signers(
    question: str, shipped: Matcher
) -> None:
    """What a signer did ("sign to settle in the park") is asked of each signer's entry as
    much as of their list: a firm the knowledge lacks gets the list, said to differ."""
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is not None
    assert (reply.status, reply.entry.id, reply.corrects) == (
        "answer",
        "company-agreements",
        ("huawei",),
    )


def test_a_firm_asked_of_as_well_as_the_signers_is_not_answered_with_them(
    shipped: Matcher,
) -> None:
    """ "as well" asks whether Tencent joins the named firms, which the article cannot say."""
    reply = decide(
        "My neighbour says Tencent is moving into the park as well. Is it?", shipped, THRESHOLDS
    )
    assert reply.status != "answer"


def test_a_manner_adverb_a_phrasing_happens_to_use_is_still_no_topic(shipped: Matcher) -> None:
    """ "officially" says how it was launched; the date's phrasing "did construction officially
    start" must not pull a question about what was launched."""
    reply = decide("What got officially kicked off at the event in Haizhu?", shipped, THRESHOLDS)
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "ceremony-purpose")


@pytest.mark.parametrize(
    "question",
    ["@anna and who's the guy from the park they quoted?", "who was the guy they quoted"],
)
def test_asking_who_was_quoted_asks_for_the_person_quoted(shipped: Matcher, question: str) -> None:
    """ "quoted" is what sets the one person apart from every other entry answering "who"."""
    assert answered_by(question, shipped) == "pan-hongping"


@pytest.mark.parametrize(
    "question",
    ["Who is the general manager of the park?", "What is the underground construction area?"],
)
def test_a_term_the_synonyms_fold_into_is_no_name_to_describe(
    shipped: Matcher, question: str
) -> None:
    """ "manager of the park" folds into "agm", "construction area" into "gfa": the words left
    before them ("general", "underground") ask for something else, and stay."""
    assert decide(question, shipped, THRESHOLDS).status != "answer"


def test_a_margin_wider_than_any_score_leaves_a_lone_candidate_to_clarify() -> None:
    """With one candidate there is no runner-up to compare names with."""
    reply = decide("Did Li Wen cut the ribbon?", MATCHER, Thresholds(answer=50, margin=200))
    assert reply.status == "clarify"
    assert len(reply.candidates) == 1


SIGNING = Entry(
    "signing",
    (
        "Which companies signed agreements?",
        "Who signed up?",
        "Which companies are named?",
    ),
    "Many companies signed, Acme and Birch among them; the article names only these two.",
    ARTICLE,
    "bridge.yaml",
    1,
    not_in_article=("How many companies signed in total?", "What does Acme make?"),
)


@pytest.mark.parametrize(
    "question",
    [
        "how many companies signed agreements in total?",
        "exactly how many firms signed up",
        "what does acme make",
    ],
)
def test_a_question_the_article_leaves_open_gets_none_with_the_nearest_fact(question: str) -> None:
    reply = decide(question, matcher_with(SIGNING), THRESHOLDS)
    assert (reply.status, reply.entry, reply.left_open) == ("none", None, SIGNING)
    text = render_plain(reply, KNOWLEDGE)
    assert text.startswith("The article doesn't say that. What it does say:\nMany companies")
    assert ARTICLE.url in text


@pytest.mark.parametrize(
    "question", ["which companies signed agreements?", "who signed up", "which firms are named"]
)
def test_what_the_entry_answers_is_still_answered_beside_what_it_leaves_open(
    question: str,
) -> None:
    assert decide(question, matcher_with(SIGNING), THRESHOLDS).entry == SIGNING


KORVANE = Entry(
    "korvane",
    ("Did Korvane sign?", "What is Korvane's role?", "Is Korvane one of the companies?"),
    "Korvane is one of the companies that signed; the article says nothing else about it.",
    ARTICLE,
    "bridge.yaml",
    1,
    not_in_article=("What kind of company is Korvane?",),
)


@pytest.mark.parametrize(
    "question", ["Is Korvane a tech company or something else?", "is korvane an EV maker"]
)
def test_checking_a_named_company_s_kind_asks_what_kind_it_is(question: str) -> None:
    reply = decide(question, matcher_with(KORVANE), THRESHOLDS)
    assert (reply.status, reply.left_open) == ("none", KORVANE)
    assert decide("Is Korvane one of the companies?", matcher_with(KORVANE), THRESHOLDS).entry == (
        KORVANE
    )


SIGNERS = entry(
    "signers",
    "At the opening, Korvane, Talmiro and Besko signed up as the first batch of tenants.",
    "Which companies signed up as the first batch of tenants?",
    "first batch of tenants",
    "Who are the first tenants?",
)
TALMIRO = entry(
    "talmiro",
    "Talmiro is one of the companies that signed up as a first tenant of the bridge's shops.",
    "Did Talmiro sign up?",
    "Is Talmiro one of the first tenants?",
    "What did Talmiro sign?",
)


@pytest.mark.parametrize(
    "question",
    ["Is Talmiro among the first batch of tenants?", "Talmiro - one of the first-batch tenants?"],
)
def test_a_check_of_one_member_of_a_list_is_answered_by_the_member_s_own_entry(
    question: str,
) -> None:
    reply = decide(question, matcher_with(SIGNERS, TALMIRO), THRESHOLDS)
    assert (reply.status, reply.entry) == ("answer", TALMIRO)


@pytest.mark.parametrize(
    "question",
    ["Besides Talmiro, which companies signed?", "Other than Talmiro, which companies signed up?"],
)
def test_a_question_naming_a_member_while_asking_for_the_list_gets_the_list(
    question: str,
) -> None:
    reply = decide(question, matcher_with(SIGNERS, TALMIRO), THRESHOLDS)
    assert (reply.status, reply.entry) == ("answer", SIGNERS)


BESKO = entry(
    "besko",
    "Besko is one of the companies that signed up as a first tenant of the bridge's shops.",
    "Did Besko sign up?",
    "Is Besko one of the first tenants?",
    "What did Besko sign?",
)


@pytest.mark.parametrize(
    "question",
    [
        "Did Zorbex sign up to be one of the first tenants?",
        "Is it true that Zorbex and Quilan signed up as the first tenants?",
    ],
)
def test_a_name_claimed_one_of_a_group_is_answered_by_the_group_s_list(question: str) -> None:
    """The list says who signed; the entries about its members only that each one did."""
    reply = decide(question, matcher_with(SIGNERS, TALMIRO, BESKO), THRESHOLDS)
    assert (reply.status, reply.entry) == ("answer", SIGNERS)
    assert reply.corrects  # the reply says the article has it otherwise


LAUNCH_DATE = entry(
    "launch-date",
    "The launch ceremony was held on Feb 18, 2022, marking the start of work on the tower.",
    "When was the launch ceremony held?",
    "On what date did work on the tower start?",
)


@pytest.mark.parametrize(
    ("question", "weighed_down"),
    [
        ("Did the ceremony start work on the tower?", True),  # asks what it started
        ("When did work on the tower start?", False),
        ("Did work on the tower start in February?", False),  # a month: asks when
        ("ceremony tower work", False),  # keywords ask nothing of it: may be its date
    ],
)
def test_a_date_entry_asked_with_no_time_word_is_weighed_down(
    monkeypatch: pytest.MonkeyPatch, question: str, weighed_down: bool
) -> None:
    def score() -> float:
        found = matcher_with(LAUNCH_DATE).match(question)
        return next(c.score for c in found if c.entry is LAUNCH_DATE)

    penalised = score()
    monkeypatch.setattr("bot.matching.UNTIMED_PENALTY", 1.0)
    whole = score()
    assert penalised == (pytest.approx(round(whole * 0.9, 1), abs=0.1) if weighed_down else whole)


def test_a_left_open_question_needs_a_word_the_entry_s_own_questions_lack() -> None:
    """ "Which companies signed?" fits "Which companies signed in total?" as well as any own
    question once "in total" is read as filler: only a word of its own ("many") declines."""
    generic = Entry(
        "signing", SIGNING.questions, SIGNING.answer, ARTICLE, "bridge.yaml", 1,
        not_in_article=("Which companies signed agreements, in total?",),
    )  # fmt: skip
    matcher = matcher_with(generic)
    assert matcher.left_open("which companies signed agreements", generic) is None
    assert decide("which companies signed agreements", matcher, THRESHOLDS).entry == generic


def test_a_question_that_barely_fits_an_open_question_is_not_left_open() -> None:
    """One shared word of many ("total") is not asking what the article leaves open: the
    article may still be quoted for it."""
    matcher = matcher_with(SIGNING)
    asked = "what total length of steel cable did the builders string across the river"
    assert matcher.left_open(asked, SIGNING) is None
    assert matcher.left_open("how many companies signed in total", SIGNING) is not None


def test_a_question_with_an_open_question_s_own_word_is_left_open_though_it_fits_a_bit_worse(
    shipped: Matcher,
) -> None:
    """ "later" is only in "What is the next event in the series?"-like open questions; the
    series' own "series of activities" fits a little better, but the later events are what the
    article does not name."""
    reply = decide("What were the later events in the Q1 series?", shipped, THRESHOLDS)
    assert reply.status == "none"
    assert reply.left_open is not None
    assert reply.left_open.id == "first-of-series"


@pytest.mark.parametrize(
    "question",
    [
        "I know 8 buildings get their roofs capped in 2022. But how many buildings does the park"
        " have in total?",
        "Eight buildings reach their caps this year, got it, but how many buildings will the park"
        " have in total?",
        "How many buildings does the park have in total, not just the ones capped in 2022?",
    ],
)
def test_a_fact_granted_before_asking_what_the_article_leaves_open_does_not_answer_it(
    question: str, shipped: Matcher
) -> None:
    """The granted claim fits the entry's own questions; the sentence or clause that asks fits
    the question its article leaves open."""
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.status == "none"
    assert reply.left_open is not None
    assert reply.left_open.id == "buildings-capped"


REPORTED = Article(
    "Harbor city opens a new bridge",
    "https://example.org/bridge-story",
    "example.org",
    dt.date(2023, 5, 4),
    "story.yaml",
    text="The Harbor bridge project opened on May 3. Zentrix Steel made the project's cables.",
)
ZENTRIX = Entry(
    "zentrix-steel",
    ("What did Zentrix Steel do?", "Zentrix Steel", "How was Zentrix Steel involved?"),
    "Zentrix Steel made the bridge's cables.",
    REPORTED,
    "story.yaml",
    1,
)
OPENING = Entry(
    "opening", ("When did the bridge open?",), "It opened on May 3.", REPORTED, "story.yaml", 5
)


@pytest.mark.parametrize(
    "question",
    ["How is Zentrix Steel involved in the Harbor project?", "zentrix steel harbor project"],
)
def test_a_name_one_entry_is_about_is_asked_of_it_whatever_the_story_around_it(
    question: str,
) -> None:
    matcher = Matcher(KnowledgeBase((REPORTED,), (ZENTRIX, OPENING)))
    assert decide(question, matcher, THRESHOLDS).entry == ZENTRIX


@pytest.mark.parametrize(
    "question",
    [
        "How is Zentrix Steel involved in the Zorblax lawsuit?",  # words the article lacks
        "Which Harbor projects did Zentrix Steel do?",  # what is asked comes before the name
    ],
)
def test_what_is_asked_of_a_name_still_stops_it_from_answering(question: str) -> None:
    matcher = Matcher(KnowledgeBase((REPORTED,), (ZENTRIX, OPENING)))
    assert decide(question, matcher, THRESHOLDS).status != "answer"


MATERIAL = entry(
    "bridge-material",
    "The bridge is made of steel and glass.",
    "What is the bridge made of?",
    "Is the bridge made of steel?",
)


@pytest.mark.parametrize(
    "question",
    [
        "Is the bridge made of bamboo?",
        "is the bridge made of steel and driftwood",
        "Is bamboo one of the things the bridge is made of?",  # a claim of belonging: anywhere
    ],
)
def test_a_check_claiming_a_value_the_knowledge_lacks_where_it_asks_gets_the_fact(
    question: str,
) -> None:
    reply = decide(question, matcher_with(MATERIAL), THRESHOLDS)
    assert (reply.status, reply.entry) == ("answer", MATERIAL)


@pytest.mark.parametrize(
    "question", ["Was the bridge opening livestreamed?", "Is the bridge lit at night?"]
)
def test_a_check_of_something_else_about_the_topic_is_not_answered(question: str) -> None:
    assert decide(question, matcher_with(MATERIAL), THRESHOLDS).status != "answer"


@pytest.mark.parametrize(
    ("question", "claimed"),
    [
        ("Did the bridge cost 1,200 yuan?", "1200"),
        ("bridge budget 1200 yuan?", "1200"),
        ("Did the bridge cost 9,000 yuan?", "9000"),
    ],
)
def test_a_check_with_a_wrong_figure_gets_the_fact_it_is_about_said_to_differ(
    question: str, claimed: str
) -> None:
    """1,200 is the bridge's length in metres, 9,000 nothing's: the check is of the cost."""
    reply = decide(question, MATCHER, THRESHOLDS)
    assert (reply.status, status_and_entry(question)[1], reply.corrects) == (
        "answer",
        "bridge-cost",
        (claimed,),
    )
    assert render_plain(reply, KNOWLEDGE).startswith("That is not what the article says.")


def test_a_wrong_direction_checked_is_not_taken_for_a_question_about_the_zone(
    shipped: Matcher,
) -> None:
    """Without "north", "in the northern part of the Pazhou zone?" asks about the zone."""
    reply = decide("It's in the northern part of the Pazhou zone, right?", shipped, THRESHOLDS)
    assert reply.entry is None or reply.entry.id == "park-location"


def test_an_amount_checked_of_it_is_asked_of_what_the_sentence_before_names(
    shipped: Matcher,
) -> None:
    """ "it" is the output; alone, "over 1 billion yuan?" would be any amount's entry."""
    question = "I need the projected output figure. Is it over 1 billion yuan?"
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is None or reply.entry.id == "output-value"
    assert "output-value" in {c.entry.id for c in reply.choices} | {
        reply.entry.id if reply.entry else ""
    }


def test_a_check_s_one_choice_near_the_threshold_once_its_figure_is_left_out_is_the_answer(
    shipped: Matcher,
) -> None:
    """ "buildings" is no word of the area's entry: without the wrong figure it is the one
    "did you mean", just short; the figure of the kind the entry states makes it the answer."""
    question = "A friend says the park will have 5 million square meters of buildings. Is that it?"
    reply = decide(question, shipped, THRESHOLDS)
    assert (reply.status, reply.entry and reply.entry.id) == ("answer", "park-area")
    assert "5" in reply.corrects


@pytest.mark.parametrize(
    ("question", "allowed"),
    [
        # a day checked is asked as when, not matched without it
        ("The ceremony was on the 21st, yeah?", "ceremony-date"),
        ("Was the big launch event on the 18th or the 21st?", "ceremony-date"),
        # a date naming which event, read without it, is no question about the date
        (
            "So the Feb 18 event was to start construction on the Pearl River innovation park "
            "and the district's key urban industrial projects, right?",
            "ceremony-purpose",
        ),
        # a word describing what follows it is not a claimed member
        ("Is the car company one of the ones moving into the park?", "hycan"),
        ("Haizhu - is that a city on its own or part of somewhere bigger?", "haizhu-district"),
    ],
)
def test_a_check_read_without_its_figures_or_values_keeps_to_what_it_asks(
    shipped: Matcher, question: str, allowed: str
) -> None:
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.entry is None or reply.entry.id == allowed


def test_scores_do_not_depend_on_the_string_hash_seed() -> None:
    """Two phrasings that fit a question equally must not be told apart by the order a set
    of words is summed in, which changes with each process's hash seed: the same question
    gets the same score and decision in every process."""
    questions = "\n".join(
        [
            "What does the story tell us about the Pazhou experimental zone itself?",
            "why they do launch ceremony in haizhu, what it start",
            "For what reason Haizhu make this ceremony, what it launch?",
        ]
    )
    root = Path(__file__).resolve().parent.parent
    replies = []
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "NEWSBOT_KNOWLEDGE_DIR": "knowledge"}
        ran = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "--json"],
            input=questions,
            capture_output=True,
            text=True,
            env=env,
            cwd=root,
            timeout=120,
            check=True,
        )
        replies.append([json.loads(line) for line in ran.stdout.splitlines()])
    assert replies[0] == replies[1] == replies[2]


def test_the_language_an_asker_practises_is_no_name_a_question_points_back_to(
    shipped: Matcher,
) -> None:
    """ "that event" could point back to a name in the sentence before; "English" is the
    language the asker reads in, so the question is asked alone."""
    question = (
        "I read news on my day off for practice my English. In that event in Haizhu, what "
        "exactly they launched po?"
    )
    assert answered_by(question, shipped) == "ceremony-purpose"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Just confirming for my file - the ceremony took place on Feb 12, right?",
            "ceremony-date",
        ),
        ("I have the launch event logged as Feb 28 in my records, is that right?", "ceremony-date"),
        ("We have the construction area down as 50,000 square metres - correct?", "park-area"),
        ("For my novel: the park has 5 million square meters above ground, right?", "park-area"),
    ],
)
def test_a_claim_kept_in_the_askers_own_records_is_checked(
    question: str, expected: str, shipped: Matcher
) -> None:
    """What the asker keeps a claim in (a file, a log, a novel) and how ("logged as", "down
    as") are not what is asked: the claim is, and gets the article's figure."""
    assert answered_by(question, shipped) == expected


def test_a_fact_granted_with_its_figure_before_what_is_left_open_is_not_the_answer(
    shipped: Matcher,
) -> None:
    """The capped buildings' count, granted, then the park's whole count asked: the article
    leaves that open, and the clause after the figure is what is asked."""
    question = (
        "I know 8 buildings will be capped, but how many buildings in total the park will have?"
    )
    reply = decide(question, shipped, THRESHOLDS)
    assert reply.left_open is not None
    assert (reply.status, reply.left_open.id) == ("none", "buildings-capped")


@pytest.mark.parametrize(
    "question",
    [
        "Is the park in the northern end of that pilot zone?",
        "It's in the northern part of the Pazhou zone, right?",
        "its in the north side of the pazhou zone right? i always go wrong way",
    ],
)
def test_a_wrong_part_of_the_pilot_zone_gets_the_parks_location(
    question: str, shipped: Matcher
) -> None:
    """Read without its wrong direction, the check asks whether the park is in the pilot
    zone: where the park is, not what the zone is."""
    assert answered_by(question, shipped) == "park-location"


def test_who_wrote_the_article_is_left_open_with_its_publisher(shipped: Matcher) -> None:
    """The article names no reporter: the reply says so and gives who published it."""
    reply = decide("Who wrote this article?", shipped, THRESHOLDS)
    assert reply.left_open is not None
    assert (reply.status, reply.left_open.id) == ("none", "article-publisher")
    assert decide("Which reporter wrote the China Daily piece?", shipped, THRESHOLDS).status == (
        "none"
    )


@pytest.mark.parametrize(
    "question",
    [
        "Which newspaper wrote this article?",
        "which paper wrote this news",
        "Which news site wrote this article?",
    ],
)
def test_the_outlet_that_wrote_the_story_is_its_publisher(question: str, shipped: Matcher) -> None:
    assert answered_by(question, shipped) == "article-publisher"


@pytest.mark.parametrize(
    "question",
    [
        "Did the manager put it at 1 billion yuan of output?",
        "Was the output target quoted as 100 million yuan?",
        "Is the output pegged at 20 billion yuan?",
    ],
)
def test_how_a_checked_figure_was_given_is_not_what_is_asked(
    question: str, shipped: Matcher
) -> None:
    """'put it at', 'quoted as', 'pegged at' only say the figure was given: the check is of
    the figure, and gets the article's."""
    assert answered_by(question, shipped) == "output-value"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("HYCAN and the Pearl River innovation park, how are they linked?", "hycan"),
        ("Where does HYCAN come into the picture here?", "hycan"),
        ("HYCAN - where does it come into the story?", "hycan"),
        ("did hycan sing an intention agreemnt for the park?", "hycan"),
        ("which companys signed to come to the park", "company-agreements"),
    ],
)
def test_how_a_name_is_linked_or_comes_into_the_story_asks_its_role(
    question: str, expected: str, shipped: Matcher
) -> None:
    """How things are linked, where one comes into the picture (no photo), what firms signed
    to come to (the park they settle in), and a 'sing' for 'sign'."""
    assert answered_by(question, shipped) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Is this park for IT and smart equipment or for something else like logistics?",
        "Is the park for clothing business or for what sectors?",
    ],
)
def test_a_trade_offered_as_another_choice_gets_the_parks_fields(
    question: str, shipped: Matcher
) -> None:
    """Logistics or clothing, offered beside the park's fields, is one of the values the
    answer chooses between, not a topic the knowledge lacks."""
    assert answered_by(question, shipped) == "focus-industries"


def test_a_trade_asked_alone_is_still_not_the_parks_focus(shipped: Matcher) -> None:
    assert answered_by("Will there be logistics companies in the park?", shipped) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Confirm for me: ceremony went ahead on 21 February, correct?", "ceremony-date"),
        ("which day they do the start party for the science park in haizhu?", "ceremony-date"),
        ("Someone said it is in northern Pazhou area. Correct?", "park-location"),
        ("The park is in the north side of Pazhou AI zone, yes?", "park-location"),
    ],
)
def test_everyday_names_of_the_event_and_the_zone_are_theirs(
    question: str, expected: str, shipped: Matcher
) -> None:
    """A start party is the launch ceremony, going ahead is being held, and the Pazhou area
    or AI zone is the pilot zone (not the park's area)."""
    assert answered_by(question, shipped) == expected


def test_a_question_pointing_back_to_the_sentence_it_keeps_ignores_names_before_that(
    shipped: Matcher,
) -> None:
    """'it' is the ceremony the sentence before names, not the university the asker is at."""
    question = (
        "Hi, I am Korean exchange student at Sun Yat-sen Univ. My professor mention some "
        "ceremony in Haizhu about industry park. Which day it happened exactly?"
    )
    assert answered_by(question, shipped) == "ceremony-date"


@pytest.mark.parametrize(
    "question",
    [
        "They want to make some AI centre there? What level is it?",
        "Is the park going to host a city-level artificial inteligence centre?",
        "The AI innovation center they want to build, it is national level or what level?",
    ],
)
def test_an_ai_centre_they_want_to_make_or_host_is_the_planned_one(
    question: str, shipped: Matcher
) -> None:
    """Wanting to make a centre is planning to build it, hosting one is having it, and a
    level offered as a choice is a value, not a topic."""
    assert answered_by(question, shipped) == "ai-innovation-center"


def test_what_a_named_firm_is_going_to_make_is_still_its_products(shipped: Matcher) -> None:
    assert answered_by("What is HYCAN going to make at the park?", shipped) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "My neighbour told me the opening event for the new science park was on 18 February."
            " Is that right?",
            "ceremony-date",
        ),
        ("What is the park expected to do for Haizhu industry in general?", "industrial-boost"),
    ],
)
def test_an_opening_event_alone_is_the_launch_and_in_general_is_no_topic(
    question: str, expected: str, shipped: Matcher
) -> None:
    """'the opening event of a series' is its first; alone it is the launch ceremony."""
    assert answered_by(question, shipped) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Did HYCAN, Meishang and Yuanzhi sign up as early tenants?",
        "Did Meishang, Yuanzhi and HYCAN all put pen to paper on intention agreements?",
    ],
)
def test_a_question_naming_several_signers_gets_their_list(question: str, shipped: Matcher) -> None:
    """The list names them all, though none of its phrasings does."""
    assert answered_by(question, shipped) == "company-agreements"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("I never been to China. Haizhu, it is a city or part of Guangzhou?", "haizhu-district"),
        (
            "Allora, HYCAN. My nephew Marco says it is something with cars. What did HYCAN do at "
            "this event in Haizhu?",
            "hycan",
        ),
    ],
)
def test_a_question_naming_what_it_points_to_first_is_asked_alone(
    question: str, expected: str, shipped: Matcher
) -> None:
    """'Haizhu, it is ...': 'it' is Haizhu, named first, not China or Marco before."""
    assert answered_by(question, shipped) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "My supplier say the Haizhu launch was on Feb 28, I think he is mixing up. "
            "Was it 28th?",
            "ceremony-date",
        ),
        ("They plan to cap ten buildings in 2022, correct?", "buildings-capped"),
    ],
)
def test_a_doubt_of_the_source_and_a_plan_to_cap_are_read_as_the_claim(
    question: str, expected: str, shipped: Matcher
) -> None:
    assert answered_by(question, shipped) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Heard they want 20 new parks in the district. Correct that if wrong.",
            "new-parks-target",
        ),
        (
            "Which companies entered into intention agreements to be among the first tenants?",
            "company-agreements",
        ),
    ],
)
def test_a_claim_asked_to_be_corrected_is_a_check_and_entering_an_agreement_signs_it(
    question: str, expected: str, shipped: Matcher
) -> None:
    assert answered_by(question, shipped) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Was this ceremony just one time thing, or one of many events they planned?",
        "They say it is the first of a series... series of what exactly, and for which period?",
    ],
)
def test_one_of_many_events_and_the_period_they_fall_in_ask_of_the_series(
    question: str, shipped: Matcher
) -> None:
    """'one of many events' is not 'how many events', which the article leaves open."""
    assert answered_by(question, shipped) == "first-of-series"
