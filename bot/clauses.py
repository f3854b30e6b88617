"""The question inside a longer message: "I read the article yesterday, when was the ceremony?"

People give context before they ask. Matched whole, the context's words ("read", "yesterday",
"my friend told me") count as part of what is asked and sink the right entry. The clause that
asks (it opens with a question word or a yes/no verb) is what the bot should answer, so such a
message is matched on that clause first, and whole when the clause alone gets no answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.framing import ASKS_WH, without_framing
from bot.text import STOPWORDS

# where one clause ends and the next begins: sentence ends, commas, dashes, colons, and a
# question asked inside another ("I wonder how long ...", "tell me when ..."); not "and", which
# joins names ("Artificial Intelligence and Digital Economy Pilot Zone") as often as clauses
_BOUNDARY = re.compile(
    r"[.!?;:,]+\s+|\s+[-\u2013\u2014]+\s+"
    r"|(?:(?<=wonder)|(?<=wondered)|(?<=wondering)|(?<=know)|(?<=tell me)|(?<=curious))\s+"
    r"(?=(?:(?:on|in|at|to|for|from|by|with|of)\s+)?(?:what|when|where|who|whom|why|which|how)\b)",
    re.IGNORECASE,
)
_ASKING = re.compile(
    # a chat's lead-in ("wait", "hmm", "ok so") before what is asked
    r"^\W*(?:(?:and|but|so|then|also|ok|okay|wait|hmm|hm|um|uh|oh|btw|well|anyway|just)\W*\s+)"
    r"{0,2}"
    # "On what date ...", "To whom ...", "Since when ...": a preposition may lead the asking
    r"(?:(?:on|in|at|to|for|from|by|with|of|under|since|until)\s+"
    r"(?=(?:what|which|whom|whose|how|when)\b))?"
    # "Wasn't the ceremony ...", "Didn't they ...": asks; "didn't read" is a remark
    r"(?:(?:is|are|was|were|did|does|do|has|have|had|could|would|should|won|can)n['\u2019]?t"
    r"(?=\s+(?:the|a|an|it|its|they|their|he|his|she|her|we|you|i|this|that|these|those"
    r"|there)\b)"
    # "whats the park called", as thumbs type it
    r"|whats|wheres|whos|hows|whens|whys"
    r"|what|when|where|whereabouts|who|whom|whose|why|which|how|is|are|was|were|did|does|do|will"
    r"|has|have|had|can|could|would|should|give|tell|explain|show|describe|summarize|summarise"
    r"|summary"
    # "Name the companies", not "name popped up while I was scrolling": a request names what
    r"|list|name(?=\s+(?:the|a|an|all|any|some|every|each|its|their|his|her|those|these|one|two"
    r"|three|four|five|me|us)\b))\b",
    re.IGNORECASE,
)
MIN_WORDS = 3  # "how big?" alone has lost what it asks about


def _word_count(text: str) -> int:
    """Words with a letter or digit: an emoji or "??" is none ("what for 🤔" is two words)."""
    return sum(any(c.isalnum() for c in token) for token in text.split())


# a request with nothing in it ("Could you tell me?", "Can you help?") asks the clause before it
_REQUEST_WORDS = STOPWORDS | {"help", "explain", "answer", "confirm", "clarify", "share"}


def question_clause(message: str) -> str | None:
    """The last clause of a longer message that asks something (or its first sentence, when
    only that asks); None if that is all of it.

    None too when the context holds a figure ("For 2023, how many buildings will be capped?"
    is not the question without its year) or asks itself ("Will the park have parking, how
    many spaces?" is one question in two clauses).
    """
    message = message.strip()
    parts = _parts(message)
    if len(parts) < 2:
        return None
    for index in range(len(parts) - 1, 0, -1):
        if _ASKING.search(parts[index]) and not _is_bare_request(parts[index]):
            clause = _to_sentence_end(" ".join(parts[index:]), message, parts[index])
            context = parts[:index]
            # "For 2023, how many ...?" is not asked without its year; "I only have 5 minutes,
            # can you ...?" tells of the asker
            figures = without_askers_own_figures(" ".join(context))
            if _word_count(clause) < MIN_WORDS or any(c.isdigit() for c in figures):
                return None
            # "will the park have parking, how many spaces?" is one question; "so tell me"
            # and "which made me wonder" ask nothing of their own
            if any(
                _ASKING.search(part) and not _is_bare_request(part) and not _WONDER.match(part)
                for part in context
            ):
                return None
            # "pazhou pilot zone is for AI and what else? whats the full name": a question
            # before it, asked with its question word inside
            if _ASKED_INSIDE.search(message[: message.rfind(parts[index])]):
                return None
            return clause
    return _asked_first(message)


def parts_before(message: str, clause: str) -> list[str]:
    """The parts of the message before the clause, nearest first: where what it points back
    to is named ("Haizhu, is that in Guangzhou?")."""
    at = message.rfind(clause)
    return _parts(message[:at])[::-1] if at > 0 else []


def asking_parts(message: str) -> list[str]:
    """The clauses of a message that each ask something ("Who is quoted, and who does he work
    for?"), in order; fewer than two when it asks one thing."""
    return [
        part
        for part in _parts(message)
        if _ASKING.search(part) and not _is_bare_request(part) and _word_count(part) >= MIN_WORDS
    ]


_SENTENCE_END = re.compile(r"[.?!]+(?:\s|$)")


def _to_sentence_end(clause: str, message: str, start: str) -> str:
    """The clause up to the end of its sentence: the sentences after the last one that asks
    tell why or who asks ("Haizhu, is that in Guangzhou? I'm new here, just moved.")."""
    at = message.rfind(start)
    end = _SENTENCE_END.search(message, at + len(start)) if at >= 0 else None
    if end is None or not message[end.end() :].strip():
        return clause
    return message[at : end.start()]


# a sentence ends at its mark, not at a title's ("the person Mr. Pan reports to?")
_SENTENCE = re.compile(
    r"\S.*?(?:(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bvs)"
    r"(?<!\b[A-Z])[.?!]+(?=\s|$)|$)"
)


def asking_sentence(message: str, says_what_it_asks: Callable[[str], bool]) -> str | None:
    """The last sentence asking (ending in "?", or a request ending the message), with the
    sentence before it when it does not say what it asks alone ("Can you help?", "Which
    part?") or asks only whether the claim before it is right; None if that is all of the
    message.

    People tell a story around what they ask: "I drove a bus for 30 years. My neighbour says
    it was on 21 Feb. Is that right? I don't want to look silly." asks "My neighbour says it
    was on 21 Feb. Is that right?"; the sentences around it only say who asks and why.
    """
    found = _last_asking(message, says_what_it_asks)
    if found is None:
        return None
    sentences, last, alone = found
    first = last if alone or last == 0 else last - 1
    kept = " ".join(sentences[first : last + 1])
    return kept if kept != " ".join(sentences) else None


# "My eyes are weak now. Just tell me in short what this news is about.": a request ending
# the message asks, though it ends in a full stop, when it says what about ("Explain in one
# sentence." only says how to answer the question before it)
_REQUEST = re.compile(
    r"^\W*(?:(?:just|please|pls|kindly|so|now|ok|okay)\W+)*(?:tell|give|explain|show|describe"
    r"|summari[sz]e|list|name)\b(?=.*\b(?:what|when|where|who|which|how|why|about)\b)",
    re.IGNORECASE,
)


def sentences_of(text: str) -> list[str]:
    """The text's sentences, each with its closing mark."""
    return _SENTENCE.findall(text.strip())


def _last_asking(
    message: str, says_what_it_asks: Callable[[str], bool]
) -> tuple[list[str], int, bool] | None:
    """The message's sentences, which is the last one asking, and whether that one says what it
    asks alone; None for a message of one sentence or none asking."""
    sentences = sentences_of(message)
    asking = [
        i
        for i, sentence in enumerate(sentences)
        if sentence.endswith("?") or (i == len(sentences) - 1 and _REQUEST.match(sentence))
    ]
    if len(sentences) < 2 or not asking:
        return None
    asked = sentences[asking[-1]]
    alone = (
        _word_count(asked) >= MIN_WORDS
        and not _is_bare_request(asked)
        and says_what_it_asks(asked)
        and not _only_confirms(asked)
    )
    return sentences, asking[-1], alone


# where a told sentence's own story ends and what was told begins, at a new subject: "I import
# wine, and my partner told me about a big ceremony in Haizhu." ("this park is only a small
# one, second or third in the district" goes on about the same thing)
_SUBJECT_AHEAD = (
    r"(?=(?:i|we|my|our|his|her|their|he|she|they|someone|somebody|people|a|an|the|this|that"
    r"|one)\s|(?-i:[A-Z]))"
)
_STORY_JOINT = re.compile(
    rf"[,;]\s+(?:(?:and|but|so)\s+)?{_SUBJECT_AHEAD}|\s+(?:and|but|so)\s+{_SUBJECT_AHEAD}",
    re.IGNORECASE,
)


def asked_with_its_claim(
    message: str, says_what_it_asks: Callable[[str], bool]
) -> tuple[str, str] | None:
    """The asking sentence with the last part of the sentence before it, when it needs that
    sentence and the sentence tells a story first: "Bonjour, I import wines from Burgundy and
    my partner told me about a big ceremony in Haizhu. Which day did it take place?" asks
    "my partner told me about a big ceremony in Haizhu." and "Which day did it take place?";
    None when there is no such part."""
    found = _last_asking(message, says_what_it_asks)
    if found is None:
        return None
    sentences, last, alone = found
    if alone or last == 0:
        return None
    pieces = [p for p in _STORY_JOINT.split(sentences[last - 1]) if p.strip()]
    if len(pieces) < 2 or _word_count(pieces[-1]) < MIN_WORDS:
        return None
    return pieces[-1].strip(), sentences[last]


def _only_confirms(sentence: str) -> bool:
    """Whether the sentence asks nothing but whether the one before it is right ("Is that
    the correct date?", "Did I get that right?"): framing takes it away after a claim."""
    return without_framing(f"It was so. {sentence}").strip(" .?!").lower() == "it was so"


# "5 minutes break", "I am 74 years old": a figure of the asker's day, not of what is asked
_ASKERS_OWN_FIGURE = re.compile(
    r"\b\d+\s*(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|(?:years?|yrs?) old|kids|children"
    r"|grandchildren)\b",
    re.IGNORECASE,
)


def without_askers_own_figures(text: str) -> str:
    """The text without the figures of the asker's own day ("I have 2 minutes")."""
    return _ASKERS_OWN_FIGURE.sub("", text)


# "... and what else? whats the full name": a question word, then its question mark
_ASKED_INSIDE = re.compile(ASKS_WH.pattern + r"[^.?!]*\?", re.IGNORECASE)


def before_a_remark(message: str) -> tuple[str, str] | None:
    """The question and the remark after its last comma, when the question asks and the
    remark does not ("what day was the ceremony, i miss it on tv", "what was it for, kids
    waiting in car"); None otherwise. Whether the remark names anything is the caller's."""
    head, comma, tail = message.rstrip(" ?!.").rpartition(",")
    if not comma or _word_count(head) < MIN_WORDS or not tail.strip():
        return None
    # "..., like which venue?" narrows what is asked
    if _ASKING.search(tail.strip()) or ASKS_WH.search(tail):
        return None
    if not any(_ASKING.search(_COURTEOUS_LEAD.sub("", part)) for part in _parts(head)):
        return None
    return head, tail


# "Please summarise this news for me, I want to share it ...": a request asks, however polite
_COURTEOUS_LEAD = re.compile(r"^\W*(?:(?:please|pls|kindly|just)\W*\s+){1,2}", re.IGNORECASE)


_FIRST_SENTENCE = re.compile(r"^(.+?[.?!])\s+(?=\S)")


def _asked_first(message: str) -> str | None:
    """The first sentence, when it asks and the sentences after it only tell why ("Who took
    the photo? I need to credit it.", "Haizhu, is that in Guangzhou? I'm new here.")."""
    found = _FIRST_SENTENCE.match(message)
    if found is None:
        return None
    first = found.group(1)
    # "Haizhu is in which city? I am new here.": its question mark asks, whatever the order
    asks = first.endswith("?") or any(
        part and _ASKING.search(part) for part in _BOUNDARY.split(first)
    )
    if not asks or _word_count(first) < MIN_WORDS:
        return None
    if any(c.isdigit() for c in message[found.end() :]):
        return None
    return first[:-1]


# "..., which made me wonder.": a relative clause about the asker, no question
_WONDER = re.compile(
    r"^\W*which (?:made|makes|got|gets|has made) me (?:wonder|think|curious)\W*$"
    r"|^\W*which reminded me\W*$",
    re.IGNORECASE,
)


def _parts(message: str) -> list[str]:
    """The clauses of `message` between its boundaries, stripped, none empty."""
    return [p.strip() for p in _BOUNDARY.split(message) if p and p.strip()]


def _is_bare_request(part: str) -> bool:
    return all(word in _REQUEST_WORDS for word in re.findall(r"[a-z']+", part.lower()))
