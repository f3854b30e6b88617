"""Crude English grammar for drafting: just enough to turn a news sentence into questions.

A clause is split at its first verb into subject, verb, the rest and the verb's kind ("Haizhu
will add 10 parks" -> "Haizhu", "will", "add 10 parks", "aux"), then inverted behind a question
word ("How many parks will Haizhu add?"). Rules, not a parser: when unsure they give None or "",
and the caller falls back to a plainer question; a maintainer rewrites every draft anyway.
"""

from __future__ import annotations

import re

from bot.sentences import sentence_starts
from bot.text import QUESTION_WORDS, STOPWORDS


def word_set(*lines: str) -> frozenset[str]:
    """The words of `lines` as a set: word lists read as prose, wrapped to the line length."""
    return frozenset(" ".join(lines).split())


_AUX = word_set("is are was were will would can could has have had should may might must")
MODALS = word_set("will would can could should may might must")
_IRREGULAR = {
    "held": "hold", "took": "take", "began": "begin", "made": "make", "gave": "give",
    "won": "win", "saw": "see", "went": "go", "came": "come", "built": "build", "set": "set",
    "put": "put", "met": "meet", "led": "lead", "grew": "grow", "rose": "rise", "fell": "fall",
    "brought": "bring", "sold": "sell", "bought": "buy", "spent": "spend", "became": "become",
    "paid": "pay", "kept": "keep", "told": "tell", "found": "find", "drew": "draw",
    "sent": "send", "cost": "cost", "hit": "hit", "cut": "cut", "struck": "strike",
    "created": "create", "broke": "break", "chose": "choose", "wrote": "write", "ran": "run",
}  # fmt: skip
_PARTICIPLES = word_set(
    "held taken begun made given won seen gone come built set put met led grown risen fallen",
    "brought sold bought spent become paid kept told found drawn sent cost hit cut struck",
    "broken chosen written run be been being",
)
_DETERMINERS = word_set("the a an its their his her our this these those that each every")
_LOWER_FIRST = _DETERMINERS | word_set("it they many some several more most all both")
PRONOUNS = word_set("it they this")
NOT_SUBJECTS = word_set("which who that we i you us")
PREPOSITIONS = word_set(
    "about above across after against along among around at before behind below beside between",
    "beyond by during except for from in inside into near of off on onto outside over past per",
    "since than through throughout to toward towards under until upon via with within without",
    "among",
)
_LINK_WORDS = PREPOSITIONS | _DETERMINERS | word_set("and or")
_CUT_WORDS = word_set("and which who as through with while including adding because but")
_ADVERBIAL = re.compile(
    r"^(?i:as|in|on|at|since|by|for|after|before|during|from|with|under|over|following"
    r"|according to|looking ahead|meanwhile|however|also|besides|moreover|currently|now"
    r"|compared with|compared to|unlike|like|last year|this year)\b[^,]*,\s+"
)
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:which|who|where|while|whereas)\b)|,\s+(?:adding|saying)(?:\s+that)?\s+"
    r"|;\s+|:\s+|,?\s+(?:said|says|added|noted)\s+(?=[A-Z])"
    r"|\b(?:expected|said|says|noted|added|announced|stated|believes|hopes|estimated) that\s+"
)
# The noun phrase just before a figure or a "which": "... the new park " -> "new park"
NEAR_NOUN_PHRASE = re.compile(r"\b(?:the|an?|its|their)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+$")


def plain_text(sentence: str) -> str:
    """What the rules read: quotation marks and the final stop removed, apostrophes straight."""
    text = re.sub(r"[\"“”]", "", sentence).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().rstrip(".!?").strip()


def lower_first(phrase: str) -> str:
    """A leading "The", "Its" or -ing word lowercased, as the phrase reads mid-question."""
    first, _, rest = phrase.partition(" ")
    if first.lower() in _LOWER_FIRST or first.endswith("ing"):
        return f"{first.lower()} {rest}".strip()
    return phrase


def _verb_kind(words: list[str], i: int) -> str | None:
    word = words[i].lower().strip(",")
    previous = words[i - 1].lower()
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    if word in _AUX:
        return "aux"
    if previous not in _DETERMINERS | _AUX and (
        word in _IRREGULAR or (word.endswith("ed") and len(word) > 4 and word != "hundred")
    ):
        return "past"
    if (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and (following in {"to", "a", "an", "the", "on", "its", "their"} or following[:1].isdigit())
    ):
        return "present"
    return None


def verb_split(clause: str) -> tuple[str, str, str, str] | None:
    """(subject, verb, rest, kind), kind "aux", "past" or "present"; None when unsure."""
    words = clause.split()
    for i in range(1, min(len(words), 13)):
        if "," in words[i - 1] or words[i].lower() in {"including", "such"}:
            return None  # a subject with an aside: beyond these rules
        kind = _verb_kind(words, i)
        if kind:
            return " ".join(words[:i]), words[i].lower(), " ".join(words[i + 1 :]), kind
    return None


def base_form(verb: str, kind: str) -> str:
    """held -> hold, accelerated -> accelerate, planned -> plan, aims -> aim."""
    if kind == "present":
        if verb.endswith(("ches", "shes", "sses", "xes", "zes")):
            return verb[:-2]
        return verb[:-3] + "y" if verb.endswith("ies") else verb[:-1]
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    stem = verb[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfzde":
        return stem[:-1]
    if stem.endswith("e"):
        return stem
    if re.search(r"(?:[cvuz]|iz|ys|[^aeiou]at|[^aeiou]ur|[aeiou]s|ag|rg|dg|[^aeioul]l)$", stem):
        return stem + "e"
    return stem


def count_verb_words(rest: list[str], aux: str) -> int:
    """How many words of `rest` still belong to the verb: "has [accelerated] its ..."."""
    count = 1 if aux in MODALS and rest else 0
    while count < len(rest) and (
        rest[count].lower() in _PARTICIPLES or rest[count].lower().endswith(("ed", "en"))
    ):
        count += 1
    return count


def question_subject(subject: str, resolved: str | None) -> str:
    """The subject as it reads inside a question; "it" is what the last sentence was about."""
    if subject.lower() in NOT_SUBJECTS:
        return ""
    if subject.lower() in PRONOUNS:
        return lower_first(resolved) if resolved else ""
    return lower_first(subject)


def ask(
    wh: str,
    split: tuple[str, str, str, str] | None,
    resolved: str | None,
    copula_ok: bool = True,
) -> str | None:
    """`wh` + a clause inverted: ("Haizhu", "will", "add") -> "<wh> will Haizhu add?"."""
    if split is None:
        return None
    subject, verb, rest, kind = split
    subject = question_subject(subject, resolved)
    if not subject:
        return None
    words = rest.split()
    if kind == "aux":
        if not copula_ok and not count_verb_words(words, verb):
            return None  # "the event was the first in ..." makes no good "when" question
        return as_question(f"{wh} {verb} {subject} {trim(words)}")
    helper = "did" if kind == "past" else ("do" if subject.lower().endswith("s") else "does")
    return as_question(f"{wh} {helper} {subject} {base_form(verb, kind)} {trim(words)}")


def trim(words: list[str], limit: int = 10) -> str:
    """The words up to the first comma, and a long tail cut at "and", "which", "as"..."""
    for i, word in enumerate(words):
        cut = word.endswith(",") or (len(words) > limit and i >= 3 and word.lower() in _CUT_WORDS)
        if cut:
            words = words[: i + 1] if word.endswith(",") else words[:i]
            break
    words = [w.rstrip(",") for w in words]
    while words and words[-1].lower() in _LINK_WORDS:
        words = words[:-1]
    return " ".join(words)


def as_question(text: str) -> str:
    """Spacing tidied, the first letter capitalised, a question mark at the end."""
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip().rstrip(",;:")
    return text[:1].upper() + text[1:] + "?"


def clause_at(plain: str, start: int, end: int) -> str:
    """The clause holding plain[start:end]: one sentence of a quotation, one clause of it, its
    leading "In the future, " cut off, and "which" replaced by what it stands for."""
    starts = sentence_starts(plain)
    left = max([s for s in starts if s <= start], default=0)
    right = min([s for s in starts if s > end], default=len(plain))
    for match in _CLAUSE_BREAK.finditer(plain, left, right):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = min(right, match.start())
    clause = plain[left:right].strip(" ,.")
    antecedent = NEAR_NOUN_PHRASE.search(plain[:left].rstrip(", ") + " ")
    if clause.startswith("which ") and antecedent:
        clause = f"the {antecedent.group(1)} {clause[6:]}"
    return _ADVERBIAL.sub("", clause)


def main_clause(plain: str) -> str:
    """The sentence without a leading adverbial ("In 2021, "): where its subject is."""
    return _ADVERBIAL.sub("", plain).strip()


def noun_words(text: str, limit: int = 3) -> str:
    """The first noun phrase's words: "a launch ceremony for X" -> "launch ceremony"."""
    picked: list[str] = []
    for word in text.split():
        w = word.lower().strip(",'.")
        if w in {"and", "of"} and picked:  # "lights and benches", "number of companies"
            picked.append(w)
        elif w in _LINK_WORDS | STOPWORDS | QUESTION_WORDS or not re.search("[a-z]", w):
            if picked:
                break
        else:
            picked.append(word.strip(",'.()"))
            if len([p for p in picked if p not in {"and", "of"}]) == limit or word.endswith(","):
                break
    while picked and picked[-1] in {"and", "of"}:
        picked.pop()
    return " ".join(picked)


def topic_of(plain: str, resolved: str | None) -> str:
    """What a sentence is about, in a few words: its subject's, else its object's."""
    clause = main_clause(plain)
    split = verb_split(clause)
    if split is None:
        return noun_words(clause, 6)
    subject = question_subject(split[0], resolved)
    return noun_words(subject, 6) or noun_words(split[2], 6) or noun_words(clause, 6)


def following_noun(text: str) -> list[str]:
    """What a figure counts: "10 new urban industrial parks." -> new urban industrial parks."""
    picked: list[str] = []
    for word in text.split()[:6]:
        w = word.lower().strip(",.;:'")
        stop = w in _AUX | _LINK_WORDS | {"be", "that", "each"} or (picked and w.endswith("ed"))
        if stop or not re.fullmatch(r"[a-z][\w-]*", w):
            break
        picked.append(w)
        if word.endswith((",", ";", ":")):
            break
    return picked
