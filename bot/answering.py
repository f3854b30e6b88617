"""The one decision per question — answer, clarify or none — shared by every adapter."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise, takewhile
from typing import Literal

from bot.checks import (
    CHECKED_MONTHS,
    LEVELS,
    ORDINALS,
    SCALES,
    asks_yes_or_no,
    checks_a_date,
    compares_a_figure,
    days_naming_an_event,
    figure_kind,
    gives_figure_like,
    is_checked_figure,
    is_name_like,
    levels_named,
    may_hold_figure,
    names_something,
)
from bot.clauses import (
    asked_with_its_claim,
    asking_parts,
    asking_sentence,
    before_a_remark,
    parts_before,
    question_clause,
    sentences_of,
    without_askers_own_figures,
)
from bot.config import Thresholds
from bot.framing import ASKS_WH, without_framing
from bot.knowledge import Entry
from bot.lexicon import FILLERS, TRADES
from bot.matching import SHORT_UNKNOWN_WEIGHT, Candidate, Matcher, QueryWord
from bot.quoting import Quote, QuoteFinder
from bot.text import QUESTION_WORDS, STOPWORDS, basic_normalise, stem

Status = Literal["answer", "clarify", "none"]
MAX_CHOICES = 3
THANKS = frozenset({"thanks", "thank", "you", "thx", "ty", "cheers"})
# Greetings and thanks are not questions: answered kindly, still with status none.
SMALL_TALK = frozenset(
    {"hi", "hello", "hey", "hiya", "yo", "morning", "evening", "good", "bye", "goodbye"}
    | {"ok", "okay", "great", "nice", "cool"}
    | THANKS
)
SMALL_TALK_REASON = "small talk"
NOTHING_ASKED = "no words to look up"
# a clause asked alone must say what it is about: "how big will it be?" has lost its "it", so a
# clause pointing back with a pronoun needs two words to look up, one without needs one
POINTING_BACK = frozenset(
    "it its they them their this that these those he she him his her there".split()  # noqa: SIM905
)
MIN_PART_WORDS = 3  # the first of several questions needs more words to be asked alone
CLARIFY_WINDOW = 20.0  # "did you mean" offers only entries this close to the best one


@dataclass(frozen=True)
class Reply:
    """What the bot decided about one question; rendering turns it into text."""

    question: str
    status: Status
    entry: Entry | None = None
    score: float = 0.0
    choices: tuple[Candidate, ...] = ()
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)
    reason: str = ""
    truncated: bool = False
    quote: Quote | None = None  # an answer in the article's own words: no entry fitted
    # figures of a yes/no check that the answer does not state ("Were 10 buildings capped?"
    # answered with "Eight buildings..."): the reply says the article has it otherwise
    corrects: tuple[str, ...] = ()
    # a "none" whose question is one the entry's article leaves open ("How many companies signed
    # in total?"): the reply says the article doesn't say, and gives this entry's fact
    left_open: Entry | None = None

    @property
    def outcome(self) -> str:
        """The status, with answers quoted from an article told apart: "quote"."""
        return "quote" if self.quote is not None else self.status


def prepare(question: str, max_chars: int) -> tuple[str, bool]:
    """Trim a question to what matching needs; a huge message must not make matching slow."""
    question = " ".join(question.split())
    if len(question) <= max_chars:
        return question, False
    return question[:max_chars].rsplit(" ", 1)[0] or question[:max_chars], True


def decide(
    question: str,
    matcher: Matcher,
    thresholds: Thresholds,
    max_chars: int = 500,
    quotes: QuoteFinder | None = None,
) -> Reply:
    """Answer only when one entry is confidently ahead; a wrong fact is worse than none.

    With `quotes`, a question no entry answers confidently may still be answered by an article
    sentence that holds every distinctive word of it (bot/quoting.py); "did you mean" choices
    stay with it as related questions.
    """
    reply = decide_by_entries(question, matcher, thresholds, max_chars)
    reply = _of_the_ones_listed(reply, matcher)
    reply = _of_the_one_named(reply, matcher, thresholds)
    # the entry answering, or the nearest one: its article may leave the question open; so
    # may a near one's, asked nearly word for word ("Who wrote this article?" is nearest the
    # article's date, and left open by its publisher's entry)
    near = [reply.entry] if reply.entry else [c.entry for c in reply.candidates[:MAX_CHOICES]]
    parts: list[str] | None = None  # the question's parts, split once for every near entry
    for rank, entry in enumerate(near):
        if entry.not_in_article:
            parts = parts if parts is not None else list(_asked_parts(reply.question))
            fit = 0.0 if rank == 0 else LEFT_OPEN_ELSEWHERE_FIT
            reply = _unless_left_open(reply, entry, parts, matcher, fit)
            if reply.left_open is not None:
                return reply  # the article does not say: no sentence of it can
    if (
        quotes is None
        or reply.status == "answer"
        or reply.reason in (SMALL_TALK_REASON, NOTHING_ASKED)
    ):
        return reply
    quote = quotes.find(reply.question, thresholds.quote)
    if quote is None:
        return reply
    why = (
        f"no entry is confident ({reply.reason}); article sentence {quote.passage.number + 1} "
        f"covers {quote.coverage:.0%} of the question, {quote.score:.1f} >= quote threshold "
        f"{thresholds.quote:g}"
    )
    return replace(reply, status="answer", score=quote.score, reason=why, quote=quote)


MEMBER_CHECK_SHARE = 0.5  # of the clarify threshold: what a member's entry needs in a check
# a question asking which others, or naming one as an example of many, asks the list
_ASKS_FOR_THE_LIST = frozenset(
    """which who whom whose besides apart other others else along beside except excluding
    including like such""".split()  # noqa: SIM905
)


def _of_the_ones_listed(reply: Reply, matcher: Matcher) -> Reply:
    """A "did you mean" of a list ("Meishang, Yuanzhi Technology and HYCAN signed ...") and
    its members' entries, for a question naming two of its members or more ("Did HYCAN,
    Meishang and Yuanzhi sign up as early tenants?"): the list answers, as it names them all;
    its phrasings never do."""
    if reply.status != "clarify" or not reply.choices:
        return reply
    listed = matcher.listed_names(reply.choices[0].entry)
    if len(listed) < 2:
        return reply
    named = {w.term for w in matcher.query_words(reply.question, names_as_one=False) if w.known}
    if len(named & listed) < 2:
        return reply
    answered = _the_list_among(reply, matcher)
    if answered is reply:
        return reply
    names = ", ".join(sorted(named & listed))
    why = f"names {names}, listed by '{reply.choices[0].entry.id}': {answered.reason}"
    return replace(answered, reason=why)


def _of_the_one_named(reply: Reply, matcher: Matcher, thresholds: Thresholds) -> Reply:
    """An answer by a list ("Meishang, Yuanzhi Technology and HYCAN signed ...") to a question
    about one of its members ("Is HYCAN among the first batch?"), given by the member's own
    entry when that is a candidate worth offering: both hold the fact, the member's is
    about what was asked."""
    if reply.status != "answer" or reply.entry is None or reply.corrects:
        return reply
    listed = matcher.listed_names(reply.entry)
    if not listed:  # most answers: nothing more is worked out
        return reply
    if not _ASKS_FOR_THE_LIST.isdisjoint(basic_normalise(reply.question).split()):
        return reply  # "Besides HYCAN, which companies signed?" asks the list
    named = {
        entry.id: (word.term, entry)
        for word in matcher.query_words(reply.question, names_as_one=False)
        if word.known
        and is_name_like(word.surface)
        and (entry := matcher.about(word.term)) is not None
    }
    if len(named) != 1:
        return reply
    term, member = next(iter(named.values()))
    if member is reply.entry or term not in listed:
        return reply  # the answer does not list it, or the entry asks of it itself
    found = next((c for c in reply.candidates if c.entry is member), None)
    # a yes/no check of the member ("Is Meishang one of the companies joining?") is its own
    # entry's even where the list's questions hold its other words ("joining")
    needed = thresholds.clarify * (MEMBER_CHECK_SHARE if asks_yes_or_no(reply.question) else 1)
    if found is None or found.score < needed:
        return reply
    why = f"names {term!r}, which '{member.id}' is about, in the list of '{reply.entry.id}'"
    return replace(reply, entry=member, score=found.score, reason=f"{why}: {reply.reason}")


LEFT_OPEN_ELSEWHERE_FIT = 0.9  # what an entry other than the nearest needs to leave it open


def _unless_left_open(
    reply: Reply, entry: Entry, parts: list[str], matcher: Matcher, fit: float = 0.0
) -> Reply:
    """The reply, or "none" when the question (one of its `parts`) is one the entry's article
    leaves open, fitting it at least `fit`: the fact is near, but not what is asked ("How many
    companies signed in total?")."""
    found = next((f for part in parts if (f := matcher.left_open(part, entry))), None)
    if found is None or found[1] < fit:
        return reply
    asked, left, own = found
    why = (
        f"the article leaves this open: it fits {asked!r} ({left:.2f}) better than the "
        f"questions of '{entry.id}' ({own:.2f}), which led: {reply.reason}"
    )
    return replace(
        reply, status="none", entry=None, choices=(), corrects=(), reason=why, left_open=entry
    )


def _asked_parts(question: str) -> Iterator[str]:
    """The question, then the parts of it that may be what it asks, each when there is one:
    "Eight buildings will be capped, ok. But how many will the park have in total?" grants a
    fact of an entry and asks what the article leaves open (its clause, its last sentence, the
    part before a remark: "..., not only the ones capped this year?")."""
    yield question
    clause = question_clause(question)
    if clause:
        yield clause
    # "I know 8 buildings will be capped, but how many will the park have in total?": the
    # figure before grants the entry's fact, which a clause asked alone would keep
    asking = asking_parts(question)
    if asking and asking[-1] != clause:
        yield asking[-1]
    last = asking_sentence(question, lambda sentence: True)
    if last and question.rstrip().endswith(last):
        yield last
    remarked = before_a_remark(question)
    if remarked:
        yield remarked[0]


def decide_by_entries(
    question: str, matcher: Matcher, thresholds: Thresholds, max_chars: int = 500
) -> Reply:
    """The decision from the knowledge entries alone."""
    text, truncated = prepare(question, max_chars)
    text = matcher.with_slips_mended(text)  # "Waht is ...?" asks, as "What is ...?" does
    reply = _decide_text(text, truncated, matcher, thresholds)
    # a voice message writes names as words that sound like them ("high zoo" for Haizhu)
    heard = matcher.heard_names(text) if reply.status != "answer" else None
    if heard is not None:
        again = _decide_text(heard, truncated, matcher, thresholds)
        if again.status == "answer" or (again.status == "clarify" and reply.status == "none"):
            reply = replace(again, question=text, reason=f"heard as {heard!r}: {again.reason}")
    # "the EV brand HYCAN", "HYCAN the car brand": what the user knows of a name is not asked
    described = _description_of_names(text, matcher) if reply.status != "answer" else []
    if described:
        plain = _without_described(text, described, matcher)
        again = _decide_text(plain, truncated, matcher, thresholds)
        if again.status == "answer" and not _names_unknown_to(again.entry, text, matcher):
            why = f"{' '.join(described)!r} describes a name: {again.reason}"
            reply = replace(again, question=text, reason=why)
    if reply.corrects and compares_a_figure(text):  # "over 5 billion?" of "over 10 billion"
        reply = replace(reply, corrects=())
    return reply


def _named_in_its_story(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds
) -> Reply | None:
    """A question naming what one entry is about ("How is Yuanzhi Technology involved in the
    Haizhu project?"), asked of that entry: its words after the name found only in the
    entry's article say where the name was read, not what is asked, and are matched as if
    not there. Words before the name are what is asked of it ("How much floor space has
    HYCAN committed to take?")."""
    words = matcher.query_words(text, names_as_one=False)
    named = [
        (i, entry)
        for i, w in enumerate(words)
        if w.known and is_name_like(w.surface) and (entry := matcher.about(w.term)) is not None
    ]
    if len({entry for _, entry in named}) != 1:  # "Haizhu" is about no one entry
        return None
    first, entry = named[0]
    around = matcher.around(entry)
    story = [w.term for w in words[first + 1 :] if w.term in around]
    if not story:
        return None
    again = _without(text, story, Reply(text, "none", truncated=truncated), matcher, thresholds)
    if again.status != "answer" or again.entry != entry:
        return None
    why = f"{', '.join(story)} only place {entry.id!r} in its article: {again.reason}"
    return replace(again, question=text, reason=why)


# what opens a noun phrase: "the EV brand HYCAN", "Is the park ...?", "the general manager"
_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "these", "those", "its", "their"))
_COPULAS = frozenset(("is", "was", "are", "were", "be", "been", "being"))
_MAX_DESCRIPTION = 3  # words: "the electric car brand HYCAN"
_CATEGORY = "company"  # "the car company HYCAN": a known word inside a description
# "the investors behind Yuanzhi" relates another thing to the name: no description (the
# other relating words are stopwords, which end a description anyway)
_RELATING = frozenset(
    "behind near beside before against between without inside outside across".split()  # noqa: SIM905
)


def _description_of_names(text: str, matcher: Matcher) -> list[str]:
    """The words the knowledge lacks that describe a name it has, between a determiner and the
    name ("the EV brand HYCAN") or after it ("HYCAN, the car brand, ...")."""
    words = matcher.normaliser.normalise(text).split()
    found = matcher.query_words(text, names_as_one=False)
    unknown = {w.surface for w in found if not w.known}
    # as typed: "the general manager" folds into "agm", a term, not a name the user gave
    typed = set(re.findall(r"\w+", text.lower()))
    names = {w.surface for w in found if w.known and is_name_like(w.surface) and w.surface in typed}
    if not unknown or not names:
        return []

    def run(indices: range) -> tuple[list[str], int]:
        taken: list[str] = []
        end = indices.start
        for k in indices:
            if words[k] in _RELATING or (words[k] not in unknown and words[k] != _CATEGORY):
                break
            taken.append(words[k])
            end = k + indices.step
            if len(taken) == _MAX_DESCRIPTION:
                break
        return taken, end

    described: list[str] = []
    for i, word in enumerate(words):
        if word not in names:
            continue
        before, stop = run(range(i - 1, -1, -1))
        if before and stop >= 0 and words[stop] in _DETERMINERS:
            described += reversed(before)
        # "HYCAN the EV brand, ...": after the name only "the", and not as what a check claims
        # of it ("Is HYCAN a car company?", "Is HYCAN the EV brand?")
        claimed = i > 0 and words[i - 1] in _COPULAS
        if i + 1 < len(words) and words[i + 1] == "the" and not claimed:
            after, stop = run(range(i + 2, len(words)))
            if after and (stop == len(words) or words[stop] in STOPWORDS):
                described += after
    # the category goes with the words describing it ("the car company HYCAN" is HYCAN)
    if not unknown.intersection(described):
        return []
    return [w for w in dict.fromkeys(described) if w in unknown or w == _CATEGORY]


def _without_described(text: str, described: list[str], matcher: Matcher) -> str:
    """The text without the words describing a name: as typed where it has them all, else
    as normalised ("the automaker HYCAN" reads "the car company HYCAN")."""
    typed = all(_replaced_word(text, word, "") != text for word in described)
    if typed:
        return _without_words(text, described)
    normalised = matcher.normaliser.normalise(text).split()
    return " ".join(word for word in normalised if word not in described)


def _without_words(text: str, words: list[str]) -> str:
    for word in words:
        text = _replaced_word(text, word, " ")
    return text


def _replaced_word(text: str, word: str, by: str) -> str:
    """`text` with the first whole `word` (a normalised surface, matched case-blind) as `by`."""
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", by, text, count=1, flags=re.IGNORECASE)


# how many times a message is cut down to what in it asks (its asking sentence, the question
# before a remark, what follows a lead-in): "Checking my notes: when was it, i forgot?" needs
# two; a forged message of many commas and colons must not cost a decision per cut
MAX_CUTS = 2


def _decide_text(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds, cuts: int = 0
) -> Reply:
    """The decision on `text` as written: its asking clause first, then the whole of it."""
    clause = question_clause(text)  # context before the question must not decide the answer
    # a clause opening the message has nothing before it to point back to ("Where is this
    # park? I live nearby."): "this park" is the park it asks about
    opening = clause is not None and text.lstrip().startswith(clause)
    if clause is not None and _says_what_it_asks(clause, matcher, can_point_back=not opening):
        focused = _decide_read_again(clause, truncated, matcher, thresholds)
        if focused.status == "answer" and not opening:
            # "I saw HYCAN in a headline. What role did it play?": "it" is in the context, so
            # a name the context gives must be one the answering entry knows
            context = _context_of(clause, text)
            if _names_unknown_to(focused.entry, context, matcher) or (
                _points_back(clause, matcher)
                and _names_in(context, matcher)
                and _won_a_near_tie(focused, thresholds)
            ):
                # a near tie settled by what the clause names ("Is it true they signed up?"
                # after "... works at Yuanzhi Tech.") is not settled: the names are before it
                focused = replace(focused, status="none")
        if focused.status == "answer":
            why = f"asked in {clause!r}: {focused.reason}"
            return replace(focused, question=text, reason=why)
    referred = _with_referent(text, clause, matcher) if clause else None
    if referred is not None:  # "Haizhu, is that in Guangzhou? I'm new here."
        again = _decide_read_again(referred, truncated, matcher, thresholds)
        if again.status == "answer":
            return replace(again, question=text, reason=f"asked in {referred!r}: {again.reason}")
    whole = _decide_read_again(text, truncated, matcher, thresholds)
    if whole.status != "answer":
        whole = _named_in_its_story(text, truncated, matcher, thresholds) or whole
    if whole.status != "answer" and clause is not None and not opening:
        whole = _asked_of_whoever_did_it(text, clause, truncated, matcher, thresholds) or whole
    for cut in (
        _asked_in_its_sentence,
        _asked_of_its_claim,
        _asked_before_a_remark,
        _asked_after_a_lead_in,
    ):
        if whole.status == "answer" or cuts >= MAX_CUTS:
            break
        whole = cut(text, truncated, matcher, thresholds, cuts + 1) or whole
    if whole.status == "answer" or clause is not None:
        return whole
    return _one_of_its_questions(text, truncated, matcher, thresholds) or whole


def _asked_before_a_remark(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds, cuts: int
) -> Reply | None:
    """The question without a remark after its last comma that names nothing the knowledge
    has ("what day was the ceremony, i miss it on tv"), when the whole got no answer."""
    split = before_a_remark(text)
    if split is None:
        return None
    head, remark = split
    if _known_words(remark, matcher) and not _of_the_asker(remark, matcher):
        return None
    return _answered_as(head, text, truncated, matcher, thresholds, cuts)


# "..., my English reading is slow", "..., I don't have my reading glasses on"
_ASKER_FIRST = re.compile(r"^\W*(?:i|i['\u2019]m|i am|my|me)\b", re.IGNORECASE)


def _of_the_asker(remark: str, matcher: Matcher) -> bool:
    """Whether a remark tells of the asker, naming no figure and nothing the knowledge names:
    its common words ("reading") are not what is asked ("..., my son says it was in Haizhu"
    names a place; "..., I read 20 parks" a figure)."""
    return (
        _ASKER_FIRST.match(remark) is not None
        and not any(c.isdigit() for c in without_askers_own_figures(remark))
        and not _names_in(remark, matcher)
    )


def _answered_as(
    part: str, text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds, cuts: int
) -> Reply | None:
    """The answer to the part of `text` that asks, recorded as the answer to `text`; None
    when the part gets no answer either."""
    reply = _decide_text(part, truncated, matcher, thresholds, cuts)
    if reply.status != "answer":
        return None
    return replace(reply, question=text, reason=f"asked in {part!r}: {reply.reason}")


def _known_words(text: str, matcher: Matcher) -> int:
    """How many of the text's words the knowledge has, question words aside."""
    return sum(w.known and w.term not in QUESTION_WORDS for w in matcher.query_words(text))


def _says_enough_alone(sentence: str, matcher: Matcher) -> bool:
    """Whether a sentence after others names two things the knowledge has: "What is the real
    level?" after "... the cluster target is only 10 billion yuan." asks of the cluster."""
    return _says_what_it_asks(sentence, matcher) and _known_words(sentence, matcher) >= 2


MAX_LEAD_IN = 10  # words: "Quick fact check before we go on air:"


def _asked_after_a_lead_in(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds, cuts: int
) -> Reply | None:
    """What follows a lead-in ending in a colon that names nothing the knowledge has
    ("Checking my notes: ...", "Reading a listener message: ..."), when the whole got no
    answer: the lead-in says what the asker is doing, not what they ask."""
    lead_in, colon, rest = text.partition(":")
    if not colon or not rest.strip() or len(lead_in.split()) > MAX_LEAD_IN:
        return None
    if _known_words(lead_in, matcher):
        return None
    return _answered_as(rest.strip(), text, truncated, matcher, thresholds, cuts)


# "what this news is about", "this article": the article the bot holds, not something named
# before
_THIS_ARTICLE = re.compile(
    r"\b(?:this|that)\s+(?:whole\s+)?(?:news|article|story|report|piece|news story)\b",
    re.IGNORECASE,
)


def _asked_in_its_sentence(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds, cuts: int
) -> Reply | None:
    """The sentence that asks (with the claim it checks), decided alone when the whole
    message got no answer: the story around it says who asks and why. Not when it points
    back past what it keeps to a name ("My aunt works at Acme Steel. She says they signed.
    Is that right?": "they" are Acme)."""
    kept = asking_sentence(text, lambda sentence: _says_enough_alone(sentence, matcher))
    if kept is None:
        return None
    reply = _answered_as(kept, text, truncated, matcher, thresholds, cuts)
    if reply is None:
        return None
    # what it points back to is before it ("... simple words? My English is not so good."
    # names nothing it could point to)
    dropped = text[: text.rfind(kept)]
    # kept with the sentence before it, its pointing back is to that sentence ("My professor
    # mention some ceremony in Haizhu. Which day it happened?"), unless that one points too
    told, *_ = sentences_of(kept)
    pointing = told if told != kept and not told.endswith("?") else kept
    if _points_past_its_name(pointing, matcher) and (
        _names_unknown_to(reply.entry, dropped, matcher)
        or _MID_SENTENCE_CAPITAL.search(dropped) is not None
    ):
        return None
    return reply


def _asked_of_its_claim(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds, cuts: int
) -> Reply | None:
    """The sentence that asks with the claim that ends the sentence before it, when the whole
    got no answer: the story that sentence starts with ("I import wines from Burgundy and my
    partner told me about ...") says who asks. Not when the claim itself points back ("and
    they signed"): what it points to is in the story."""
    found = asked_with_its_claim(text, lambda sentence: _says_enough_alone(sentence, matcher))
    if found is None:
        return None
    claim, asked = found
    if _points_back(without_framing(claim), matcher):
        return None
    return _answered_as(f"{claim} {asked}", text, truncated, matcher, thresholds, cuts)


def _context_of(clause: str, text: str) -> str:
    """What the text says before its asking clause (the clause ends at its sentence's end, not
    the text's)."""
    at = text.rfind(clause)
    return text[:at] if at > 0 else text


# "... some big ceremony in Haizhu. What were they launching?": "they" are whoever did it
_ASKS_WHAT_THEY_DID = re.compile(
    r"^\W*(?:what|which|when|where|why|how)\b[^?]*\bthey\b(?!['\u2019])", re.IGNORECASE
)


def _asked_of_whoever_did_it(
    text: str, clause: str, truncated: bool, matcher: Matcher, thresholds: Thresholds
) -> Reply | None:
    """A question asking what "they" did, after context about what the answering entry is
    about ("... ceremony in Haizhu."): answered as asked. Not after a name the knowledge lacks
    ("My aunt works at Acme Steel. When did they open it?": "they" are Acme), nor in a near
    tie."""
    if not _ASKS_WHAT_THEY_DID.match(clause):
        return None
    reply = _decide_read_again(clause, truncated, matcher, thresholds)
    if reply.status != "answer" or reply.entry is None or _won_a_near_tie(reply, thresholds):
        return None
    context = _context_of(clause, text)
    words = matcher.query_words(context)
    shared = {w.term for w in words if w.known and w.term not in QUESTION_WORDS}
    if not shared & matcher.entry_terms(reply.entry) or _names_unknown_to(
        reply.entry, context, matcher
    ):
        return None
    unknown = {w.surface for w in words if not w.known}
    if any(name.lower() in unknown for name in _MID_SENTENCE_CAPITAL.findall(context)):
        return None
    return replace(reply, question=text, reason=f"asked in {clause!r}: {reply.reason}")


# a capitalised word inside a sentence: a name ("works at Acme Steel"); not "I", nor the
# language the asker practises ("I read news to practise my English.")
_LANGUAGES = (
    "English|Chinese|Mandarin|Cantonese|Tagalog|Filipino|Spanish|French|German|Arabic|Hindi"
    "|Urdu|Russian|Portuguese|Japanese|Korean|Vietnamese|Thai|Malay|Indonesian|Bahasa|Swahili"
    "|Italian|Polish|Turkish"
)
_MID_SENTENCE_CAPITAL = re.compile(
    rf"(?<=[a-z,;:] )(?!I\b|I['\u2019]|(?:{_LANGUAGES})\b)[A-Z][a-z'\u2019-]*"
)


# "... the manager complained that such parks are rare. What did he say about that?": what
# was said is asked, of the claim before it, not who said it
_ASKS_WHAT_WAS_SAID = re.compile(
    r"\b(?:he|she|they)\b[^?]*\b(?:say|said|mean|meant)\b[^?]*\b(?:about|of|by) (?:that|it)\b",
    re.IGNORECASE,
)


def _with_referent(text: str, clause: str, matcher: Matcher) -> str | None:
    """A clause pointing back ("is that in Guangzhou?"), with the nearest part before it that
    names something the knowledge has ("Haizhu"); a tag ("yes?") names nothing."""
    if not _points_back(clause, matcher):
        return None
    for part in parts_before(text, clause):
        words = matcher.query_words(part)
        if any(w.known and w.term not in QUESTION_WORDS for w in words):
            # "My cousin works in Haizhu. Which city is that in?": a question of its own points
            # at a name ("... five new parks, is that correct?" points at the whole claim)
            named = _first_name(part, words, matcher)
            if named and ASKS_WH.search(clause) and not _ASKS_WHAT_WAS_SAID.search(clause):
                return f"{' '.join(named)} {clause}"
            # "My son works near Pazhou and mentioned some big ceremony. What day was that?":
            # "that" is what the part names last; what the asker says of themselves before it
            # is not asked ("I heard of the park's budget. When was that?" ends unknown: whole)
            # ("... built over in Tianhe district. Is that correct?" checks the whole claim:
            # one word after the unknown one is too little to be what a check points at)
            last_unknown = max((i for i, w in enumerate(words) if not w.known), default=-1)
            named_last = [w.surface for w in words[last_unknown + 1 :]]
            enough = 1 if ASKS_WH.search(clause) else 2
            if last_unknown >= 0 and sum(w not in QUESTION_WORDS for w in named_last) >= enough:
                return f"{' '.join(named_last)} {clause}"
            return f"{part} {clause}"
    return None


# "which sectors is the park targeting, is it biotech?": a guess at the answer to the question
# before it, which that question's answer settles (a question of its own asks "what venue")
_GUESSES_AN_ANSWER = re.compile(r"^\W*(?:is|are|was|were) (?:it|they|that|those|these)\b", re.I)


def _one_of_its_questions(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds
) -> Reply | None:
    """A message asking two things ("Who is quoted, and who does he work for?"), answered by
    the entry that answers the first when no other part is answered otherwise: what the
    articles hold, given rather than nothing. Only the first: a later part leans on it ("...
    underground parking, how many spaces?" is not a question about space)."""
    parts = asking_parts(text)
    if len(parts) < 2:
        return None
    first, rest = parts[0], parts[1:]
    if len(first.split()) <= MIN_PART_WORDS:  # "Which came first, ...?" says too little alone
        return None
    # "..., what venue, and at what time of day?": the rest asks what the knowledge has no word
    # for, a near miss the first part must not hide
    asked = [part for part in rest if not _GUESSES_AN_ANSWER.match(part)]
    if any(not w.known for part in asked for w in matcher.query_words(part)):
        return None
    reply = _decide_read_again(first, truncated, matcher, thresholds)
    if reply.entry is None or reply.status != "answer":
        return None
    for part in rest:
        other = _decide_read_again(part, truncated, matcher, thresholds)
        if other.status == "answer" and other.entry != reply.entry:
            return None  # two answers: the whole message decides
    why = f"of the questions it asks, {first!r} is answered: {reply.reason}"
    return replace(reply, question=text, reason=why)


def _decide_read_again(
    text: str, truncated: bool, matcher: Matcher, thresholds: Thresholds
) -> Reply:
    """The decision on `text`, a yes/no check read again for what it may have wrong."""
    reply = _chosen_between(_decide_from(text, truncated, matcher, thresholds), matcher, thresholds)
    if not asks_yes_or_no(text):
        return reply
    claimed = _of_another_fact(reply, matcher, thresholds)
    if claimed is not None:
        return claimed
    if reply.status == "answer":
        return _corrected(reply, matcher)
    return _checked_again(reply, matcher, thresholds)


# A check matched again without its figures may have one "did you mean" this close to the
# answer threshold and alone: the figure it checks, of the kind the entry states, is the
# evidence the missing points stand for ("5 million square meters of buildings, is that
# right?", "buildings" being no word of the area's entry)
SOLE_CHOICE_SLACK = 10.0


def _sole_choice(reply: Reply, thresholds: Thresholds) -> Reply:
    if reply.status != "clarify" or len(reply.choices) != 1:
        return reply
    if reply.score < thresholds.answer - SOLE_CHOICE_SLACK:
        return reply
    best = reply.choices[0]
    why = f"the one choice, {best.score:g} within {SOLE_CHOICE_SLACK:g} of the answer threshold"
    return replace(reply, status="answer", entry=best.entry, reason=why)


_YEAR = re.compile(r"(?:19|20)\d\d")
# "on the 21st": a day; "the 2nd largest" is a rank
_DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)\b(?![\s-]+(?:largest|biggest|smallest|most|best)\b)", re.IGNORECASE
)
_CURRENCIES = frozenset(("yuan", "dollar", "euro"))


def _of_another_fact(reply: Reply, matcher: Matcher, thresholds: Thresholds) -> Reply | None:
    """A check no entry answers whose figures (an amount, a rank) are wrong, even another
    fact's ("Is the industry cluster worth 10 billion yuan?" when 10 billion is the output's,
    "only the 2nd largest?" when "second" is the second half of 2021): matched without them,
    an entry stating a figure of their kind answers; they are the claim, the rest its topic.
    Not directions: without "north", "in the northern part of the Pazhou zone?" is a question
    about the zone, which names the part the park is in."""
    if reply.status == "answer":
        return None  # what a confident match says is read as it is (_corrected)
    text = reply.question
    terms = matcher.normaliser.words(text)
    if not may_hold_figure(terms):
        return None
    reported_until = reply.candidates[0].entry.article.date.year if reply.candidates else None
    if not CHECKED_MONTHS.isdisjoint(terms) or _DAY.search(text):
        return None  # a date checked ("on the 21st?"): when, whatever else it names
    figures = [
        t
        for t in terms
        if ((t[:1].isdigit() and not _YEAR.fullmatch(t)) or t in ORDINALS)
        and is_checked_figure(t, reported_until)
    ]
    if not figures:
        return None
    # the amount whole: "10 billion yuan" is the claim, its scale and currency with it
    amount = [t for t in terms if t in SCALES or t in _CURRENCIES]
    bare = _sole_choice(_without(text, figures + amount, reply, matcher, thresholds), thresholds)
    entry = bare.entry
    if entry is None or bare.status != "answer":
        return None
    if not all(gives_figure_like(entry.answer, t) for t in figures):
        return None
    stated = set(matcher.normaliser.words(entry.answer))
    why = f"a yes/no check of {', '.join(figures)}, matched without them: {bare.reason}"
    claimed = figures + [t for t in amount if t in SCALES]  # "2 million" of "500,000"
    corrects = tuple(t for t in claimed if t not in stated)
    return replace(bare, question=text, reason=why, corrects=corrects)


def _chosen_between(reply: Reply, matcher: Matcher, thresholds: Thresholds) -> Reply:
    """A question offering a choice ("at what level, city or provincial?") matched without
    the alternative its best entry lacks, when it has the other: one of them is the answer."""
    if reply.status == "answer" or not reply.candidates or " or " not in reply.question:
        return reply
    words = matcher.normaliser.normalise(reply.question).split()
    missing = set(reply.candidates[0].missing)
    offered = [
        (before, after)
        for before, word, after in zip(words, words[1:], words[2:], strict=False)
        if word == "or"
    ]
    lacked = [
        first if first in missing else second
        for first, second in offered
        if (first in missing) != (second in missing)
    ]
    # only values may be dropped: in "the investment or construction cost?" each is what is asked
    lacked = [word for word in dict.fromkeys(lacked) if _is_value(word)]
    # "Is the park for IT or for something else like logistics?": a trade offered beside
    # another, wherever it stands, is one of the values the answer chooses between
    # ("national level or what level?": a level offered, wherever it stands, as a trade is)
    levels = {word for word, after in pairwise(words) if after == "level" and stem(word) in LEVELS}
    anywhere = [
        word
        for word in dict.fromkeys(words)
        if (word in TRADES or word in levels) and word in missing
    ]
    if not lacked and not anywhere:
        return reply
    terms = [stem(word) for word in [*lacked, *anywhere]]
    again = _without(reply.question, terms, reply, matcher, thresholds)
    if again.status != "answer" or (again.entry != reply.candidates[0].entry and not anywhere):
        return reply
    why = f"a choice, matched without {', '.join([*lacked, *anywhere])}: {again.reason}"
    return replace(again, question=reply.question, reason=why)


def _is_value(word: str) -> bool:
    """A figure, a level or a name: what one fact may hold one of ("north or south?")."""
    term = stem(word)
    return is_checked_figure(term) or term in LEVELS or is_name_like(word)


_PLACING = frozenset(("in", "from", "by", "at", "near", "of"))
_CHECKING_VERBS = frozenset(("did", "does", "do", "has", "have", "had", "will", "would"))
_JOINING = frozenset(("and", "or", "&"))
_ASKS_OF_ANOTHER = frozenset(("too", "also", "either", "another", "own", "similar", "likewise"))


def _asks_of_another(words: list[str]) -> bool:
    """Whether a question asks of a subject besides the one the knowledge has ("Is Tencent
    moving in as well?"), rather than claiming its name is the one the article gives."""
    return not _ASKS_OF_ANOTHER.isdisjoint(words) or ("as", "well") in pairwise(words)


def _placed_words(text: str, matcher: Matcher) -> set[str]:
    """The words right after "in", "from", "by", "at", "near" or "of", and the names a check
    opens with ("Did Huawei and Tencent sign ...?"): where a claim's wrong name stands."""
    words = matcher.normaliser.normalise(text).split()
    placed = {word for before, word in pairwise(words) if before in _PLACING}
    # the names a check opens with ("Did Huawei and Tencent sign ...?", or "Huawei and Tencent
    # signed ..." once "Is it true that" is read off); "Did Tianhe build a park too?" asks of
    # Tianhe: another subject, not a wrong one
    opening = 1 if words and words[0] in _CHECKING_VERBS | {"that"} else 0
    if words[opening:] and not _asks_of_another(words):
        run = list(takewhile(lambda w: w in _JOINING or is_name_like(w), words[opening:]))
        after = words[opening + len(run) : opening + len(run) + 1]
        # names then what they did make a claim; "Haizhu GDP 2021?" names what is asked
        if after and not after[0][:1].isdigit():
            placed.update(run)
    return placed


_MEMBERSHIP = re.compile(r"\b(?:among|amongst|one of|part of|include[sd]?|including)\b")


def _claims_membership(text: str) -> bool:
    return _MEMBERSHIP.search(text.lower()) is not None


def _without(
    text: str, terms: list[str], reply: Reply, matcher: Matcher, thresholds: Thresholds
) -> Reply:
    """The decision on `text` (a second reading of `reply`) with these terms left out."""
    return _decide_from(
        text, reply.truncated, matcher, thresholds, leave_out=frozenset(terms).__contains__
    )


def _checked_without_names(
    reply: Reply, names: list[str], matcher: Matcher, thresholds: Thresholds, group: bool
) -> Reply:
    """A check of a name the knowledge lacks, matched without it: the entry that then answers
    must itself name something (the right place, outlet or person). Claimed one of a group,
    it is answered by the group's list over its members' entries."""
    again = _without(reply.question, names, reply, matcher, thresholds)
    # claimed of a group ("one of the signers"), or of what its members did ("Did Huawei sign
    # to settle in the park?" reads as a choice between the signers' list and each signer)
    if again.status == "clarify" and (group or len(again.choices) > 1):
        again = _the_list_among(again, matcher)
    if again.entry is None or not names_something(again.entry.answer):
        return reply
    why = f"a yes/no check of {', '.join(names)}, matched without it: {again.reason}"
    return replace(again, question=reply.question, reason=why, corrects=tuple(names))


def _the_list_among(reply: Reply, matcher: Matcher) -> Reply:
    """A "did you mean" between a list ("Meishang, Yuanzhi Technology and HYCAN signed") and
    the entries about its members: a name the knowledge lacks, claimed to be one of them
    ("Did Huawei sign up as a first tenant?"), is answered by the list of who is."""
    lists = [c for c in reply.choices if len(matcher.listed_names(c.entry)) >= 2]
    if len(lists) != 1:
        return reply
    listing = lists[0]
    members = {matcher.about(name) for name in matcher.listed_names(listing.entry)}
    if any(c is not listing and c.entry not in members for c in reply.choices):
        return reply
    why = f"the one list among {len(reply.choices)} choices, the rest its members"
    return replace(
        reply, status="answer", entry=listing.entry, score=listing.score, choices=(), reason=why
    )


_ARTICLE_TERM = stem("article")
_SOURCE_WORD = "publisher"  # what a source is, in the words a knowledge base uses for it
_TOPIC_LEADS = frozenset(("about", "on", "regarding", "concerning", "mention", "mentions"))


def _claimed_sources(text: str, words: list[QueryWord], matcher: Matcher) -> list[str]:
    """The names a check of the article itself gives it as its source: "was this story from
    Xinhua?", "Is this a Xinhua article?", "Was it Xinhua that ran it?" (not what it is about:
    "Is the article about Tencent?")."""
    terms = {w.term for w in words}
    if _ARTICLE_TERM not in terms:
        return []
    normalised = matcher.normaliser.normalise(text).split()
    topics = {word for before, word in pairwise(normalised) if before in _TOPIC_LEADS}
    return [
        w.surface
        for w in words
        if not w.known and is_name_like(w.surface) and w.surface not in topics
    ]


def _checked_as_source(
    reply: Reply, sources: list[str], matcher: Matcher, thresholds: Thresholds
) -> Reply:
    """A check of the article's source by a name the knowledge lacks, matched with the name
    read as "the publisher": the entry that then answers names the one that published it."""
    asked = _replaced_word(_without_words(reply.question, sources[1:]), sources[0], _SOURCE_WORD)
    again = _decide_from(asked, reply.truncated, matcher, thresholds)
    if again.entry is None or not names_something(again.entry.answer):
        return reply
    why = f"a yes/no check of {', '.join(sources)} as the source: {again.reason}"
    return replace(again, question=reply.question, reason=why, corrects=tuple(sources))


def _stated_unknowns(entry: Entry, words: list[QueryWord]) -> list[str]:
    """The check's words the knowledge's terms lack but the entry's answer spells out, when
    every such word is: "general manager" in "assistant general manager", a title the synonyms
    fold into one term ("agm"). Empty when any unknown word is not in the answer."""
    unknown = [w for w in words if not w.known]
    written = set(basic_normalise(entry.answer).split())
    if not unknown or any(w.surface not in written for w in unknown):
        return []
    return [w.term for w in unknown]


_MAX_CLAIMED = 3  # words: "biomedicine and new energy"
# a claimed word may stand anywhere in a claim of belonging ("include" is a verb: what it
# claims is a topic of its own, "Did the ceremony include a ritual?")
_CLAIMED_MEMBER = re.compile(r"\b(?:one of|among|amongst|part of)\b")
_LISTING = frozenset(("and", "or"))


def _claimed_values(words: list[QueryWord]) -> list[QueryWord]:
    """The words the knowledge lacks in a check, when few: what it may claim of a thing the
    knowledge has ("Does the park focus on biomedicine and new energy?")."""
    unknown = [w for w in words if not w.known and w.weight > SHORT_UNKNOWN_WEIGHT]
    return unknown if len(unknown) <= _MAX_CLAIMED else []


# "Is the park in Haizhu?": what follows a verb and a determiner is the subject asked about,
# no slot for a claim ("Is the weather in Guangzhou nice?" asks of the weather)
_OPENING_VERBS = frozenset(("is", "are", "was", "were", "does", "do", "did", "will", "has", "have"))


def _fill_its_slots(
    text: str, values: list[QueryWord], asked: list[QueryWord], entry: Entry, matcher: Matcher
) -> bool:
    """Whether each claimed word stands where the entry's questions put what it answers: after
    the words they ask it with ("focus on ___" of "What will the park focus on?"), or listed
    with a word of its answer ("IT and robots"). A claimed word elsewhere ("Was the ceremony
    livestreamed?", "Did the mayor attend?") asks something else of the topic: no check."""
    words = matcher.normaliser.normalise(text).split()
    if _CLAIMED_MEMBER.search(text.lower()):  # "Is biotech one of the park's focus areas?"
        # not a word describing what follows it ("the car company", "somewhere bigger")
        known = {w.surface for w in asked if w.known}
        return all(
            i + 1 == len(words) or words[i + 1] in STOPWORDS or words[i + 1] not in known
            for i, word in enumerate(words)
            if word in {w.surface for w in values}
        )
    phrasings = [matcher.normaliser.normalise(q).split() for q in entry.questions]
    # "focus on" of "Will the park focus on IT?": asking words, then what is asked about (as
    # terms: "concentrating on" asks as "focus on" does)
    asked_with = {
        (stem(a), b)
        for p in phrasings
        for a, b, c in zip(p, p[1:], p[2:], strict=False)
        if c not in STOPWORDS and not (a in _OPENING_VERBS and b in _DETERMINERS)
    }
    stated = set(matcher.normaliser.words(entry.answer))
    kinds = {w for p in phrasings for w in p if w not in STOPWORDS}
    claimed = {w.surface for w in values}
    placed: set[str] = set()
    for i, word in enumerate(words):
        if word not in claimed:
            continue
        if (
            i >= 2
            and words[i - 1] in STOPWORDS - _LISTING
            and (stem(words[i - 2]), words[i - 1]) in asked_with
        ):
            placed.add(word)
            continue
        # "clean energy?", "clean energy and ...": one claimed thing of two words, ending the
        # claim ("the mayor attend the ceremony" goes on: a claim of something else)
        if i >= 1 and words[i - 1] in placed and (i + 1 == len(words) or words[i + 1] in _LISTING):
            placed.add(word)
            continue
        # "... and new energy": one word may go with the claimed one in a listed item, listed
        # with a claimed or stated one, or one of the kind the entry asks for ("biomedicine and
        # textiles", the first a sector)
        j = (
            i - 2
            if i >= 3 and words[i - 2] in _LISTING and words[i - 1] not in STOPWORDS
            else i - 1
        )
        if (
            j >= 1
            and words[j] in _LISTING
            and (words[j - 1] in placed or stem(words[j - 1]) in stated or words[j - 1] in kinds)
        ):
            placed.add(word)
            continue
        return False
    return placed == claimed


def _checked_without_values(
    reply: Reply,
    values: list[QueryWord],
    asked: list[QueryWord],
    matcher: Matcher,
    thresholds: Thresholds,
) -> Reply:
    """Matched without the values it claims, an entry answers that asks for them where they
    stand: the check is of that entry's fact, and its answer says what the article has."""
    terms = [w.term for w in values]
    again = _without(reply.question, terms, reply, matcher, thresholds)
    if again.status == "clarify":  # a near tie: the entry whose slot the values fill settles it
        filled = [
            c
            for c in again.choices
            if _fill_its_slots(reply.question, values, asked, c.entry, matcher)
        ]
        if (
            len(filled) == 1
            and filled[0] is again.choices[0]
            and filled[0].score >= thresholds.answer
        ):
            again = replace(again, status="answer", entry=filled[0].entry, score=filled[0].score)
    if again.entry is None or not _fill_its_slots(
        reply.question, values, asked, again.entry, matcher
    ):
        return reply
    why = f"a yes/no check of {', '.join(terms)} where it asks: {again.reason}"
    # the answer says what the article has; "not what the article says" could be wrong, as
    # the word may be a synonym the knowledge lacks ("a citywide AI hub" of "city-level")
    return replace(again, question=reply.question, reason=why)


def _checked_without_stated(
    reply: Reply, stated: list[str], matcher: Matcher, thresholds: Thresholds
) -> Reply:
    """Matched without the words the best entry's answer spells out, that entry answers, as it
    is: its answer gives the claim's words in full ("Is Pan Hongping the general manager?")."""
    best = reply.candidates[0].entry
    again = _without(reply.question, stated, reply, matcher, thresholds)
    if again.entry != best:
        return reply
    why = f"a yes/no check whose {', '.join(stated)} its answer spells out: {again.reason}"
    return replace(again, question=reply.question, reason=why)


def _corrected(reply: Reply, matcher: Matcher) -> Reply:
    """A check answered as it is: does the answer state its figures otherwise? "Is the park in
    the northern part?" of an answer that says "southern" is answered, and said to differ."""
    entry = reply.entry
    question = matcher.normaliser.words(reply.question)
    if entry is None or not (may_hold_figure(question) or "level" in question):
        return reply  # most checks hold no figure: the answer need not be read
    year = entry.article.date.year
    stated = set(matcher.normaliser.words(entry.answer))
    figures = [
        w.term for w in matcher.query_words(reply.question) if is_checked_figure(w.term, year)
    ]
    figures += [stem(w) for w in levels_named(matcher.normaliser.normalise(reply.question).split())]
    # "in the north or the south?" offers a choice: one of its kind stated, none is a mistake
    chosen = {figure_kind(t) for t in figures if t in stated}
    corrects = tuple(
        t
        for t in figures
        if t not in stated and figure_kind(t) not in chosen and gives_figure_like(entry.answer, t)
    )
    return replace(reply, corrects=corrects) if corrects else reply


def _checked_again(reply: Reply, matcher: Matcher, thresholds: Thresholds) -> Reply:
    """A yes/no check no entry answers, matched without what it may have wrong.

    That is the figures the best entry lacks (bot/checks.py), a checked date making the
    question one about when ("held on Feb 21?" asks the date, whatever else it names); else a
    name the knowledge lacks where a place or source goes ("in Shenzhen?") or in a group
    ("among the signers?"); else words the best entry's answer spells out though its terms
    lack them ("the general manager?"); else the date checked, though the best entry states
    it (the article's date is not the ceremony's).
    """
    text = reply.question
    lacking = set(reply.candidates[0].missing) if reply.candidates else None
    reported_until = reply.candidates[0].entry.article.date.year if reply.candidates else None
    words = matcher.query_words(text)
    checked = [
        w.term
        for w in words
        if is_checked_figure(w.term, reported_until) and (lacking is None or w.surface in lacking)
    ]
    normalised = matcher.normaliser.normalise(text)
    levels = levels_named(normalised.split())
    checked += [stem(w) for w in levels if lacking is None or w in lacking]
    # "Was the Feb 18 event the last ...?" checks "last": the day says which event, and is
    # left out of the matching with what is checked, but never said to differ
    naming = days_naming_an_event(normalised)
    if naming and any(t not in naming for t in checked):
        checked = [t for t in checked if t not in naming]
    else:
        naming = frozenset()
    terms = [w.term for w in words]
    # "Is Haizhu in Shenzhen?", "from Xinhua?": a name the knowledge lacks, where a place or a
    # source goes, may be the claim's wrong value ("Does Tianhe have a park too?" asks of Tianhe)
    placed = _placed_words(text, matcher)
    # "Were Huawei and Tencent among the signers?": a claim that names belong to a group the
    # knowledge lists, wherever the names stand
    member = _claims_membership(text)
    names = [
        w.term
        for w in words
        if not w.known and is_name_like(w.surface) and (member or w.surface in placed)
    ]
    if names and not checked:
        # claimed of a group: "one of the signers", or with other names ("Huawei and Tencent")
        group = member or sum(is_name_like(w.surface) for w in words) >= 2
        again = _checked_without_names(reply, names, matcher, thresholds, group)
        if again is not reply:
            return again
    sources = _claimed_sources(text, words, matcher) if not checked else []
    if sources:
        return _checked_as_source(reply, sources, matcher, thresholds)
    if not checked and reply.candidates:
        spelt_out = _stated_unknowns(reply.candidates[0].entry, words)
        if spelt_out:
            return _checked_without_stated(reply, spelt_out, matcher, thresholds)
    if not checked:
        values = _claimed_values(words)
        if values:
            again = _checked_without_values(reply, values, words, matcher, thresholds)
            if again is not reply:
                return again
    if not checked:  # the best entry states every figure: a date among them may be another
        # thing's ("Was the ceremony on Feb 21?" of the article's date), so it is asked as when
        checked = [t for t in terms if is_checked_figure(t, reported_until)]
        if not checked or not checks_a_date(checked, terms):
            return reply
    a_date = checks_a_date(checked, terms)
    asked = _as_when(text, matcher) if a_date else text
    again = _without(asked, [*checked, *naming], reply, matcher, thresholds)
    # a day may only say which event ("So the Feb 18 event was to ...?"); a year is a claim
    if not a_date or all(_YEAR.fullmatch(t) for t in checked):
        again = _sole_choice(again, thresholds)
    entry = again.entry
    if entry is None:  # no confident entry either way: "did you mean" beats "I don't know"
        if again.status == "clarify" and reply.status == "none":
            return replace(again, question=text)
        return reply
    if not all(gives_figure_like(entry.answer, t) for t in checked):
        return reply
    stated = set(matcher.normaliser.words(entry.answer))
    why = f"a yes/no check of {', '.join(checked)}, matched without it: {again.reason}"
    corrects = tuple(t for t in checked if t not in stated)
    return replace(again, question=text, reason=why, corrects=corrects)


def _normalised(text: str, matcher: Matcher) -> str:
    """The text as the matcher reads it, its fillers aside ("Where is Haizhu anyway?" is
    "Where is Haizhu?" word for word)."""
    return " ".join(w for w in matcher.normaliser.normalise(text).split() if w not in FILLERS)


def _as_when(text: str, matcher: Matcher) -> str:
    """The check asked as "when": normalised first, since what a check ends with ("..., is
    that the correct date?") is read off the end of the text as typed."""
    return f"{matcher.normaliser.normalise(text)} when"


# "..., how many people live in Guangzhou. Does the article say?": asking whether the article
# says something names no topic; what it asks is before it
_DOES_THE_ARTICLE_SAY = re.compile(
    r"^\W*(?:does|did|do|can) (?:the|this|that|your) (?:article|story|report|piece|text)"
    r" (?:say|mention|tell us|cover|give)(?: (?:it|that|so|this|anything|one))?\W*$",
    re.IGNORECASE,
)


# "... a 'modern industrial system' ... How does the park fit into Haizhu's?": whose what is
# said before the clause
_ENDS_ON_WHOSE = re.compile(r"\w['\u2019]s\W*$")  # not a closing quote: "the 'AI centre'?"


def _says_what_it_asks(clause: str, matcher: Matcher, can_point_back: bool = True) -> bool:
    """Whether the clause names what it asks about; one pointing back needs two words, and
    an amount is no topic: "Is it over 1 billion yuan?" after "... the projected output
    figure." is asked of the output, which only the sentence before names."""
    if _DOES_THE_ARTICLE_SAY.match(clause) or _ENDS_ON_WHOSE.search(clause):
        return False
    back = can_point_back and _points_back(clause, matcher)
    words = matcher.query_words(clause)
    terms = {w.term for w in words}
    amount = back and not terms.isdisjoint(SCALES | _CURRENCIES)  # a date is a topic: "18 feb?"
    informative = sum(
        w.term not in QUESTION_WORDS
        and not (amount and (w.term[:1].isdigit() or w.term in SCALES or w.term in _CURRENCIES))
        for w in words
    )
    return informative >= (2 if back else 1)


def _won_a_near_tie(reply: Reply, thresholds: Thresholds) -> bool:
    """Whether the answer came less than the margin ahead of the next entry (by its phrasing
    asked word for word, or by the names asked)."""
    scores = [c.score for c in reply.candidates[:2]]
    return len(scores) == 2 and scores[0] - scores[1] < thresholds.margin


def _names_unknown_to(entry: Entry | None, context: str, matcher: Matcher) -> bool:
    """Whether `context` names something (a known word no dictionary has, "HYCAN") that
    `entry`'s phrasings and answer never mention."""
    if entry is None:
        return False
    named = _names_in(context, matcher)
    if not named:
        return False
    own = matcher.entry_terms(entry)
    return any(term not in own for term in named)


def _points_past_its_name(clause: str, matcher: Matcher) -> bool:
    """Whether the clause points back to something before it, not to a name the knowledge
    has that it gives itself first ("Haizhu, it is a city or part of Guangzhou?")."""
    if not _points_back(clause, matcher):
        return False
    words = matcher.normaliser.normalise(_THIS_ARTICLE.sub(" ", clause)).split()
    before = list(takewhile(lambda word: word not in POINTING_BACK, words))
    return not any(
        w.known and is_name_like(w.surface) for w in matcher.query_words(" ".join(before))
    )


def _points_back(clause: str, matcher: Matcher) -> bool:
    clause = _THIS_ARTICLE.sub(" ", clause)  # "this news" is the article the bot holds
    return not POINTING_BACK.isdisjoint(matcher.normaliser.normalise(clause).split())


def _decide_from(
    text: str,
    truncated: bool,
    matcher: Matcher,
    thresholds: Thresholds,
    leave_out: Callable[[str], bool] | None = None,
) -> Reply:
    candidates = tuple(matcher.match(text, limit=MAX_CHOICES + 1, leave_out=leave_out))
    if not candidates:
        words = set(matcher.normaliser.normalise(text).split())
        if words & SMALL_TALK and words - STOPWORDS <= SMALL_TALK:
            reason = SMALL_TALK_REASON
        elif not any(w.term not in QUESTION_WORDS for w in matcher.query_words(text)):
            reason = NOTHING_ASKED
        else:
            reason = "no entry shares a meaningful word"
        return Reply(text, "none", reason=reason, truncated=truncated)
    best = candidates[0]
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    margin = best.score - runner_up
    # asked word for word as one of the best entry's phrasings: the maintainers said whose it is
    # (no two entries may share a phrasing), so a close runner-up does not make it a guess
    confident = best.score >= thresholds.answer
    verbatim = (
        confident
        and margin < thresholds.margin
        and leave_out is None
        and _normalised(text, matcher) == _normalised(best.phrasing, matcher)
    )
    own_name = (
        confident
        and not verbatim
        and margin < thresholds.margin
        and len(candidates) > 1
        and _named_as_its_own(best, candidates[1], text, matcher)
    )
    others_named = (
        confident
        and not verbatim
        and not own_name
        and margin < thresholds.margin
        and _rivals_named_otherwise(best, candidates, text, thresholds, matcher)
    )
    if confident and (margin >= thresholds.margin or verbatim or own_name or others_named):
        lead = (
            f"{margin:.1f} ahead of the next entry (margin {thresholds.margin:g})"
            if margin >= thresholds.margin
            else f"asked as its phrasing {best.phrasing!r}"
            if verbatim
            else f"the only close entry whose phrasings name {', '.join(_names_in(text, matcher))}"
            if own_name
            else "the close entries are about names the question does not give"
        )
        return Reply(
            text, "answer", best.entry, best.score, (), candidates,
            f"best {best.score:.1f} >= answer threshold {thresholds.answer:g} and {lead}",
            truncated,
        )  # fmt: skip
    if best.score >= thresholds.clarify:
        floor = max(thresholds.clarify, best.score - CLARIFY_WINDOW)
        choices = tuple(c for c in candidates if c.score >= floor)[:MAX_CHOICES]
        why = (
            f"only {margin:.1f} ahead of the next entry (margin {thresholds.margin:g})"
            if best.score >= thresholds.answer
            else f"best {best.score:.1f} is below the answer threshold {thresholds.answer:g}"
        )
        return Reply(
            text, "clarify", None, best.score, choices, candidates,
            f"{why}; offering {len(choices)} choice(s) scoring >= {floor:.1f}", truncated,
        )  # fmt: skip
    return Reply(
        text, "none", None, best.score, (), candidates,
        f"best {best.score:.1f} is below the clarify threshold {thresholds.clarify:g}", truncated,
    )  # fmt: skip


def _names_in(text: str, matcher: Matcher) -> list[str]:
    """The known words no dictionary has ("HYCAN", "Haizhu") that `text` names, as terms."""
    return [w.term for w in _name_words(matcher.query_words(text))]


def _name_words(words: list[QueryWord]) -> list[QueryWord]:
    return [w for w in words if w.known and is_name_like(w.surface)]


def _first_name(part: str, words: list[QueryWord], matcher: Matcher) -> list[str]:
    """The first name the part gives, its words in a row ("a man called Pan Hongping when we
    discussed the Haizhu news": Pan Hongping, of whom "his position?" asks; Haizhu names
    where the news was), with the words the knowledge lacks right before it ("the general
    manager" is no assistant general manager)."""
    names = {w.surface for w in _name_words(words)}
    unknown = {w.surface for w in words if not w.known}
    run: list[str] = []
    # what the knowledge lacks between an article and the name: "the general manager" ("I
    # see HYCAN", "never heard Meishang" have none)
    before: list[str] | None = None
    for token in matcher.normaliser.normalise(part).split():
        if token in names:
            run = run or list(before or ())
            run.append(token)
        elif run:
            break
        elif token in _DETERMINERS:
            before = []
        else:
            before = [*before, token] if before is not None and token in unknown else None
    return run


def _named_as_its_own(best: Candidate, runner_up: Candidate, text: str, matcher: Matcher) -> bool:
    """Whether the names the question gives ("Did HYCAN sign ...?") are in the best entry's
    phrasings, the entry about them, and in none of the runner-up's, which at most lists them
    in its answer among others: a near tie between the two is no guess."""
    names = _names_in(text, matcher)
    if not names:
        return False

    asked_of_best = matcher.question_terms(best.entry)
    return set(names) <= asked_of_best and matcher.question_terms(runner_up.entry).isdisjoint(names)


def _rivals_named_otherwise(
    best: Candidate,
    candidates: tuple[Candidate, ...],
    text: str,
    thresholds: Thresholds,
    matcher: Matcher,
) -> bool:
    """Whether every close runner-up matched through a phrasing about a name the question
    never gives ("Is HYCAN one of the first tenants?" for "which firms will be the first
    tenants?") while the best one's phrasing names nothing the question lacks: the question
    asks of none of those names, so they are no rivals."""
    asked = set(_names_in(text, matcher))
    if any(not w.known and is_name_like(w.surface) for w in matcher.query_words(text)):
        return False  # it names something the knowledge lacks: a near miss, not a tie
    if set(_names_in(best.phrasing, matcher)) - asked:
        return False
    rivals = [c for c in candidates[1:] if best.score - c.score < thresholds.margin]
    return bool(rivals) and all(set(_names_in(c.phrasing, matcher)) - asked for c in rivals)


def choose(entry_id: str, matcher: Matcher, question: str = "") -> Reply | None:
    """The answer for a "did you mean" choice; None when the id is unknown (stale or forged)."""
    entry = matcher.knowledge.entry(entry_id)
    if entry is None or entry.draft:
        return None
    return Reply(question or entry.main_question, "answer", entry, 100.0, reason="chosen by user")
