"""Draft knowledge from an article's published text: facts picked and questions suggested by rule.

Pure: text in, a `Draft` and YAML text out. A sentence is drafted when it carries a figure
(500,000, 10 billion, 1.5, eight, 100-billion-yuan), a date (Feb 18, 2021, the first quarter,
this year), a person (a quoted speaker, a name with a title), says where something is located,
or failing those names something (capitalised words past the sentence's start, acronyms such as
HYCAN). Each fact gets its own entry, at most three per sentence: the sentence as the answer to
rewrite, and questions made from it by rule (a count -> "How many", an amount -> "How much", a
date -> "When", a person -> "Who is", "is located in" -> "Where is", a name -> "What"). Other
sentences are listed as skipped, so no fact is dropped silently. The rules are crude grammar:
the questions are suggestions for a maintainer, who rewrites every entry before it goes live.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from bot.ids import ID_MAX_BYTES, slug, unique_id
from bot.sentences import SENTENCE_END, sentence_starts, split_sentences
from bot.text import QUESTION_WORDS, STOPWORDS, Normaliser
from bot.validation import NEAR_IDENTICAL

URL_PLACEHOLDER = "TODO"  # `newsbot check`: "not an http(s) URL: 'TODO'" until replaced
DATE_PLACEHOLDER = "TODO"  # `newsbot check`: "not a date: 'TODO'" until replaced
MAX_ENTRIES_PER_SENTENCE = 3
MAX_QUESTIONS = 3
MAX_FACTS_READ = 12  # figures and dates read per sentence: bounds the work on a table-like line
CAPTION_REPEAT = 85.0  # token_set_ratio above which a photo caption only repeats the text


def word_set(*lines: str) -> frozenset[str]:
    """The words of `lines` as a set: word lists read as prose, wrapped to the line length."""
    return frozenset(" ".join(lines).split())


# ----------------------------------------------------------------------------------- dates

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
YEAR_PATTERN = r"(?:19|20)\d{2}"
_ISO_DATE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_MONTH_DAY_YEAR = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_PATTERN})\.?,?\s+(\d{{4}})\b", re.I
)
DATE_FACT = re.compile(
    rf"\b{MONTH_PATTERN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+{YEAR_PATTERN}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\b(?:\.?,?\s+{YEAR_PATTERN}\b)?"
    rf"|\b(?:(?i:early|late|mid)[- ])?{MONTH_PATTERN}\b(?:\.?,?\s+{YEAR_PATTERN}\b)?"
    rf"|\b(?i:the\s+)?(?i:(?:first|second|third|fourth|last|final)\s+(?:quarter|half))"
    rf"(?:\s+of\s+(?:the\s+year|this\s+year|{YEAR_PATTERN}))?"
    rf"|\bQ[1-4](?:\s+{YEAR_PATTERN})?\b"
    r"|\b(?i:this|last|next)\s+(?:year|month|week|quarter)\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|(?:(?<=\bin )|(?<=\bof )|(?<=\bto )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\bfrom )"
    r"|(?<=\bearly )|(?<=\blate )|(?<=\bmid-)|(?<=\bduring )|(?<=\bbefore )|(?<=\bafter ))"
    rf"{YEAR_PATTERN}s?\b"
    rf"|\b{YEAR_PATTERN}\b(?=[,.;)]|$)"
)
_DATE_PREPOSITION = r"(?:on|in|since|by|during|until|from|at|before|after)"

# ---------------------------------------------------------------------------- people, names

_TITLE_WORDS = word_set(
    "mayor president minister director professor chairman chairwoman secretary governor senator",
    "premier general chief deputy manager head officer spokesperson spokesman spokeswoman",
    "founder engineer official researcher scientist analyst leader member ceo chair partner",
    "architect designer editor curator principal vice",
)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+"
_PERSON = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}"
SPEAKER = re.compile(
    rf"\bsaid\s+(?:{_HONORIFIC})?(?P<n1>{_PERSON})"
    rf"|(?:{_HONORIFIC})?(?P<n2>{_PERSON})(?:,[^,]{{3,90}},)?\s+(?:said|says|told|added|noted)\b"
    rf"|\baccording to\s+(?:{_HONORIFIC})?(?P<n3>{_PERSON})"
    rf"|\b{_HONORIFIC}(?P<n4>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})"
)
_ROLE = re.compile(
    r",\s+(?:the\s+|an?\s+)?(?P<role>[a-z][\w-]*(?:\s+(?!of\b|at\b|for\b)[a-z][\w-]*){0,5}"
    r"(?:\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|and|of|for|the|&))*)?)"
)
_NAME = re.compile(
    r"\b[A-Z][\w'&.-]*(?:\s+(?:(?:and|of|for|the|on|&)\s+)*[A-Z][\w'&.-]*)+"
    r"|\b[A-Z][a-z]*[A-Z][\w-]*\b|\b[A-Z]{2,}\b|\b[A-Z][a-z]+\b"
)
_NOT_NAMES = word_set(
    "I AI IT ICT GDP CEO IoT OK TV The A An It This That These Those He She They We Its Their",
    "Our His Her In On At As By For From With And But Or If When While January February March",
    "April May June July August September October November December Monday Tuesday Wednesday",
    "Thursday Friday Saturday Sunday",
)
_LOCATED = re.compile(
    r"\s(?P<verb>is|are|was|were|will be)\s+(?:located|situated|based|sited)\s+"
    r"(?:in|at|on|near|beside|along|inside|within|next to)\b"
)

# --------------------------------------------------------------------------------- figures

_NUMBER_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
    r"|ninety|hundred|dozen|hundreds|thousands|millions|billions|dozens)"
)
_SCALE = r"(?:\s+(?:thousand|million|billion|trillion|bn|mn))?"
_CURRENCY = r"(?:US\$|\$|€|£|¥|RMB\s?)"
NUMBER_FACT = re.compile(
    rf"{_CURRENCY}?\b\d+(?:[.,]\d+)*\b{_SCALE}(?:\s*%)?(?:-[A-Za-z]+)*"
    rf"|\b(?i:{_NUMBER_WORD}(?:-{_NUMBER_WORD})?){_SCALE}\b(?:-[A-Za-z]+)*"
)
_UNITS = (
    ("money", r"yuan|dollars?|euros?|pounds?|rmb|usd|renminbi"),
    ("area", r"square\s+(?:meters?|metres?|kilometers?|kilometres?|feet|miles?)|sq\.?\s*m"
             r"|hectares?|acres?"),
    ("length", r"meters?|metres?|kilometers?|kilometres?|km|miles?|feet|foot"),
    ("weight", r"tonnes?|tons?|kilograms?|kg"),
    ("percent", r"percent|per\s+cent"),
    ("duration", r"years?|months?|weeks?|days?|hours?"),
    ("ratio", r"times"),
)  # fmt: skip
_HOW = {
    "count": "How many", "money": "How much", "area": "How big", "length": "How long",
    "weight": "How much", "percent": "How much", "duration": "How long",
}  # fmt: skip
_APPROX = (
    r"(?:about|around|nearly|almost|over|more than|less than|up to|some|approximately"
    r"|roughly|at least|just over|just under)"
)
_MEASURED = re.compile(  # "an above-ground construction area of about ..."
    r"\b(?:the|an?|its|their|his|her)\s+(?P<np>(?:[\w-]+\s+){0,4}?[\w-]+)\s+"
    rf"(?P<link>of|to|at|reaching|totalling|totaling)\s+(?:{_APPROX}\s+)?$"
)
NEAR_NOUN_PHRASE = re.compile(r"\b(?:the|an?|its|their)\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+$")
_DIMENSIONS = {
    "long": "length", "high": "height", "tall": "height", "wide": "width", "deep": "depth",
    "old": "age", "thick": "thickness", "heavy": "weight",
}  # fmt: skip

# ---------------------------------------------------------------------------- crude grammar

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

# ------------------------------------------------------------------------ lines, sentences

_PAGE_NUMBERS = re.compile(
    r"^(?:(?i:page|of|next|prev|previous|more|first|last)|[\d\s|/<>«»‹›·.,()\[\]-])*\d[^A-Za-z]*$"
)
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif)\b", re.I)
_BOILERPLATE = re.compile(
    r"^(?:copyright\b|©|\(c\)\s|presented by\b|editor\s*:|responsible editor|source\s*:\s*\S+$"
    r"|share\s*(?:this|on)?\s*:?$|print$|e-?mail$|related (?:news|stories|articles)\s*:?$"
    r"|click here|follow us)|all rights reserved|copyright\s*©",
    re.I,
)
_CAPTION_CREDIT = re.compile(
    r"\s*[\[(]\s*(?i:photos?|images?|pictures?|pic|file photo|video|provided)\b[^\])]*[\])]\s*$"
)
_DATELINE_LABEL = re.compile(r"^(?i:updated|published|posted|released|date|source|from)\s*:?\s*")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?i:am|pm|gmt|utc|bjt|cst)?(?:[+-]\d+)?")


@dataclass(frozen=True)
class ArticleText:
    """An article's published text split into what the knowledge needs and what it drops."""

    title: str
    publisher: str | None
    date: dt.date | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()  # photo captions, credit cut off: a fact source to check
    dropped: tuple[str, ...] = ()  # page numbers, image file names, copyright lines


@dataclass(frozen=True)
class DraftEntry:
    """One suggested entry: questions made by rule, the article's sentence as the answer."""

    id: str
    questions: tuple[str, ...]
    answer: str
    fact: str  # what made it worth drafting: "figure: 500,000 square meters", "date: Feb 18"
    from_caption: bool = False


@dataclass(frozen=True)
class Draft:
    article: ArticleText
    entries: tuple[DraftEntry, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (sentence, why it was not drafted)


# --------------------------------------------------------------------------- reading the text


def parse_date(text: str) -> dt.date | None:
    """The first date written in full: 2022-02-21, Feb 21, 2022, 21 February 2022."""
    found: list[tuple[int, dt.date]] = []
    for pattern, order in ((_ISO_DATE, "ymd"), (_MONTH_DAY_YEAR, "mdy"), (_DAY_MONTH_YEAR, "dmy")):
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["m"]
            number = int(month) if month.isdigit() else _MONTHS.index(month[:3].lower()) + 1
            try:
                found.append((match.start(), dt.date(int(parts["y"]), number, int(parts["d"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def parse_dateline(line: str) -> tuple[str | None, dt.date] | None:
    """Publisher and date from "chinadaily.com.cn| Updated: Feb 21, 2022", "By X | Pub | date"."""
    if len(line) > 120:
        return None
    publisher: str | None = None
    date: dt.date | None = None
    for part in (p.strip() for p in re.split(r"[|｜]", line) if p.strip()):
        bare = _DATELINE_LABEL.sub("", part)
        found = parse_date(bare)
        rest = bare
        for pattern in (_ISO_DATE, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _TIME):
            rest = pattern.sub("", rest)
        if found is not None and date is None and len(rest.strip(" ,.-").split()) <= 2:
            date = found
        elif re.match(r"(?i:by)\s", part):
            continue  # the author
        elif publisher is None and bare and len(bare.split()) <= 6:
            publisher = None if SENTENCE_END.search(bare) else bare
    return (publisher, date) if date is not None else None


def _is_boilerplate(line: str) -> bool:
    words = line.split()
    return bool(
        (len(line) < 80 and _PAGE_NUMBERS.match(line))
        or (_IMAGE_FILE.search(line) and (len(words) <= 4 or _IMAGE_FILE.search(words[-1])))
        or _BOILERPLATE.search(line)
    )


def parse_article(text: str, filename: str = "") -> ArticleText:
    """Title, publisher, date, paragraphs and captions; boilerplate set aside."""
    title = ""
    publisher: str | None = None
    date: dt.date | None = None
    paragraphs: list[str] = []
    captions: list[str] = []
    dropped: list[str] = []
    block: list[str] = []
    seen = 0  # meaningful lines so far: the dateline is looked for near the top only

    def close_block() -> None:
        if block:
            paragraphs.append(" ".join(block))
            block.clear()

    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            close_block()
        elif _is_boilerplate(line):
            dropped.append(line)
        elif seen < 6 and date is None and (dateline := parse_dateline(line)):
            publisher, date = publisher or dateline[0], dateline[1]
        elif not title:
            title, seen = line, seen + 1
        elif _CAPTION_CREDIT.search(line):
            close_block()
            captions.append(_CAPTION_CREDIT.sub("", line))
        elif not SENTENCE_END.search(line) and len(line.split()) < 8:
            close_block()  # a heading: kept apart so it does not run into the next sentence
            paragraphs.append(line)
        else:
            seen += 1
            block.append(line)
    close_block()
    if date is None and filename:
        date = parse_date(PurePath(filename).name)
    return ArticleText(title, publisher, date, tuple(paragraphs), tuple(captions), tuple(dropped))


# ------------------------------------------------------------------------- grammar, roughly


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


# ------------------------------------------------------------------------------------ facts


@dataclass
class FactCandidate:
    """One fact of a sentence before it becomes an entry: its id's words, its questions."""

    focus: str  # the words the id is made of
    questions: list[str]
    fact: str
    span: tuple[int, int] = (0, 0)
    suffix: str = ""  # kept at the end of the id: "date", "location"
    ruled: bool = True  # a question was made by rule, not only the figure itself


def date_candidate(plain: str, match: re.Match[str], resolved: str | None) -> FactCandidate:
    """ "When did ...?" from the clause around a date, and "What happened on <date>?"."""
    date = match.group()
    clause = clause_at(plain, *match.span())
    written = re.search(rf"(?i:\b({_DATE_PREPOSITION})\s+)$", plain[: match.start()])
    preposition = (
        written.group(1).lower() if written else ("on" if re.search(r"\d", date) else "in")
    )
    without = re.sub(rf"(?i:\b{_DATE_PREPOSITION}\s+)?{re.escape(date)}", "", clause)
    without = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", without)).strip(" ,")
    when = "Since when" if preposition == "since" else "When"
    split = verb_split(without)
    questions = [q for q in [ask(when, split, resolved, copula_ok=False)] if q]
    tense = "will happen" if re.search(r"\bwill\b", clause) else "happened"
    tense = "has happened" if preposition == "since" else tense
    questions.append(as_question(f"What {tense} {preposition} {date}"))
    topic = ""
    if split:  # what the date is of: the object, or the subject of "was", "opened to"
        rest = split[2].split()
        verb_words = count_verb_words(rest, split[1]) if split[3] == "aux" else 0
        rest = rest[verb_words:]
        intransitive = (
            (split[3] == "aux" and not verb_words)
            or rest[:1] == []
            or (rest[0].lower() in PREPOSITIONS)
        )
        topic = noun_words(split[0] if intransitive else " ".join(rest))
    if topic:
        questions.append(f"{topic} date")
    return FactCandidate(topic or date, questions, f"date: {date}", match.span(), "date")


def _unit(figure: str, after: str) -> tuple[str, str]:
    """What the figure measures ("money", "area", ..., or "count") and its unit as written."""
    if "%" in figure:
        return "percent", ""
    for kind, pattern in _UNITS:
        written = re.match(rf"\s*((?:{pattern})\b)", after, re.I)
        if written:
            return kind, written.group(1)
        if re.search(rf"-(?:{pattern})\b", figure, re.I):
            return kind, ""
    return ("money" if re.match(_CURRENCY, figure) else "count"), ""


def figure_candidate(plain: str, match: re.Match[str], resolved: str | None) -> FactCandidate:
    """A question the figure answers, else the figure alone (`ruled` False)."""
    figure = match.group()
    start, end = match.span()
    kind, unit = _unit(figure, plain[end:])
    tail = plain[end:].lstrip()[len(unit) :]
    noun_words = following_noun(tail)
    noun = " ".join(noun_words)
    clause = clause_at(plain, start, end)
    before = re.sub(rf"\b{_APPROX}\s+$", "", plain[:start])
    last = (before.split() or [""])[-1]
    how = _HOW.get(kind, "")
    dimension = re.match(r"\s*(\w+)", tail)
    measured = _MEASURED.search(plain[:start])
    questions: list[str] = []
    shown = f"{figure} {unit or noun}".strip()
    focus, suffix = (noun if kind == "count" else unit), ""
    if dimension and dimension.group(1) in _DIMENSIONS and kind in {"length", "weight"}:
        near = NEAR_NOUN_PHRASE.search(before)
        split = verb_split(clause)
        subject = (
            f"the {near.group(1)}"
            if near
            else (question_subject(split[0], resolved) if split else "")
        )
        if subject:  # "The bridge is 240 meters long" -> "How long is the bridge?"
            questions.append(as_question(f"How {dimension.group(1)} is {subject}"))
            focus, suffix = subject, _DIMENSIONS[dimension.group(1)]
    elif re.search(r"\d-[A-Za-z]", figure) and noun_words:  # "a 100-billion-yuan level cluster"
        core = re.sub(r"^(?:level|scale|class|grade)\s+", "", noun)
        questions.append(as_question(f"How big is the {core}"))
        questions.append(as_question(f"What is the {figure} {noun_words[-1]}"))
        shown, focus = f"{figure} {noun_words[-1]}", core
    elif how and (unit or noun) and re.sub(rf"^{_APPROX}\s+", "", clause).startswith(figure):
        rest = clause[clause.index(figure) + len(figure) :].strip()[len(unit or noun) :]
        counted = f" {noun}" if kind == "count" else ""
        questions.append(as_question(f"{how}{counted} {trim(rest.split())}"))
    elif how and measured:  # "an area of about 500,000 square meters", "value to 10 billion"
        np = measured.group("np")
        topic = lower_first(resolved) if resolved and measured.group("link") == "of" else ""
        if kind == "area" and topic:
            questions.append(as_question(f"How big is {topic}"))
        lead = "How much" if kind in {"money", "percent"} else "What"
        verb = f"will the {np} be" if re.search(r"\bwill\b", clause) else f"is the {np}"
        questions.append(as_question(f"{lead} {verb}{f' of {topic}' if topic else ''}"))
        focus = np
    elif how and (unit or noun) and last and last.lower() not in PREPOSITIONS:
        split = verb_split(clause)  # the figure as the object: "add 10 parks" -> "How many"
        gap = split[2][: split[2].find(figure)] if split and figure in split[2] else ","
        if split and "," not in gap:
            counted = f" {noun}" if kind == "count" and noun else ""
            rest = _remove(split[2], figure, unit or noun)
            asked = ask(f"{how}{counted}", (split[0], split[1], rest, split[3]), resolved)
            questions += [asked] if asked else []
    ruled = bool(questions)
    questions.append(shown)
    if len(focus.split()) < 2 and not suffix:
        focus = f"{figure} {focus}"
    return FactCandidate(focus, questions, f"figure: {shown}", match.span(), suffix, ruled)


def _remove(clause: str, figure: str, words: str) -> str:
    """The words without the figure and what it counts: the gap the question asks about."""
    position = clause.find(figure)
    after = clause[position + len(figure) :].lstrip()
    after = after[len(words) :] if after.startswith(words) else after
    head = re.sub(rf"\s*\b{_APPROX}$", "", clause[:position].rstrip())
    return f"{head} {after.strip()}".strip()


def person_candidate(plain: str, match: re.Match[str]) -> FactCandidate:
    """ "Who is <name>?", by role too, and what the person said or did."""
    name = next(g for g in (match.group(k) for k in ("n1", "n2", "n3", "n4")) if g)
    title = ""
    if name.split()[0].lower() in _TITLE_WORDS and len(name.split()) > 2:
        title, name = name.split(" ", 1)  # "Mayor Lena Hoff"
    questions = [as_question(f"Who is {name}")]
    role = _ROLE.match(plain, match.end("n2") if match.group("n2") else match.end())
    if role and _TITLE_WORDS & set(role.group("role").lower().split()):
        words = role.group("role").split()
        while words[-1] in {"and", "of", "for", "the", "&"}:
            words.pop()
        questions.append(as_question(f"Who is the {' '.join(words)}"))
    elif title:
        questions.append(as_question(f"Who is the {title.lower()}"))
    if re.search(rf"\bsaid\s+(?:\S+\s+)?{re.escape(name)}|{re.escape(name)}\s+said", plain):
        questions.append(as_question(f"What did {name} say"))
    split = verb_split(clause_at(plain, *match.span()))
    if split and name in split[0] and split[3] == "past":
        questions.append(as_question(f"What did {name} {base_form(split[1], 'past')}"))
    questions.append(name)
    return FactCandidate(name, questions, f"person: {name}", match.span())


def location_candidate(plain: str, resolved: str | None) -> FactCandidate | None:
    """ "Where is X located?" from "X is located in ..."; None without one."""
    match = _LOCATED.search(plain)
    if match is None:
        return None
    subject = question_subject(main_clause(plain[: match.start()]), resolved)
    if not subject or len(subject.split()) > 12:
        return None
    verb = "are" if match.group("verb") in {"are", "were"} else "is"
    questions = [
        as_question(f"Where {verb} {subject}"),
        as_question(f"Where {verb} {subject} located"),
    ]
    place = plain[match.end() :].strip()
    return FactCandidate(subject, questions, f"place: {place}", suffix="location")


def listing_candidate(plain: str) -> FactCandidate | None:
    """ "Many companies, including A, B and C, signed ..." -> "Which companies signed ...?"."""
    match = re.search(
        r"\b(?P<noun>[A-Za-z]+s)\s*,\s+(?:including|such as|among them)\s+(?P<names>[^;]+?),\s+"
        r"(?!and\b|or\b)(?P<rest>[a-z][^;]*)$",
        main_clause(plain),
    )
    if match is None or not re.search(r"[A-Z]", match.group("names")):
        return None
    names = re.sub(r",\s+and\s+", " and ", match.group("names"))
    noun = match.group("noun").lower()
    questions = [as_question(f"Which {noun} {trim(match.group('rest').split(), 16)}"), names]
    first = re.split(r",| and ", names)[0]
    return FactCandidate(f"{noun} {first}", questions, f"names: {names}")


def names_in(plain: str) -> list[str]:
    """Names past the sentence's first word: runs of capitalised words, acronyms."""
    found: list[str] = []
    for match in _NAME.finditer(plain):
        words = match.group().split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        name = " ".join(words).strip(".,'")
        if name and name not in _NOT_NAMES and (match.start() > 0 or len(words) > 1):
            found.append(name)
    return found


def name_candidate(plain: str, names: list[str], resolved: str | None) -> FactCandidate:
    """ "What does the article say about <name>?", and a yes/no question it answers."""
    name = max(names, key=len)
    article = "the " if re.search(rf"\bthe {re.escape(name)}", plain, re.I) else ""
    questions = [as_question(f"What does the article say about {article}{name}")]
    split = verb_split(main_clause(plain))
    if split and split[3] == "aux" and split[1] not in MODALS | {"has", "have", "had"}:
        subject = question_subject(split[0], resolved)  # a yes/no question the sentence answers
        if subject:
            questions.append(as_question(f"{split[1]} {subject} {trim(split[2].split(), 16)}"))
    questions.append(name)
    return FactCandidate(name, questions, f"names: {', '.join(dict.fromkeys(names))}")


def _candidates(plain: str, resolved: str | None) -> list[FactCandidate]:
    """Each fact of the sentence, in the order written; at most three."""
    found = [c for c in (location_candidate(plain, resolved), listing_candidate(plain)) if c]
    dates = list(itertools.islice(DATE_FACT.finditer(plain), MAX_FACTS_READ))
    numbers = (
        m
        for m in NUMBER_FACT.finditer(plain)
        if not re.fullmatch(YEAR_PATTERN, m.group())  # a year the date rules did not need
        and not plain[: m.start()].endswith("(")  # "($37.8 billion)" restates a figure
        and not any(d.start() <= m.start() < d.end() for d in dates)
    )
    figures = [
        figure_candidate(plain, m, resolved) for m in itertools.islice(numbers, MAX_FACTS_READ)
    ]
    found += [f for f in figures if f.ruled]
    for match in SPEAKER.finditer(plain):
        person = person_candidate(plain, match)
        if all(person.focus != c.focus for c in found):
            found.append(person)
    for match in dates:
        date = date_candidate(plain, match, resolved)
        clause = clause_at(plain, *match.span())
        same = [f for f in figures if f.ruled and clause_at(plain, *f.span) == clause]
        if same:  # "eight buildings will be capped this year": one entry, "when" in its questions
            same[0].questions[1:1] = [q for q in date.questions if q.startswith(("When", "Since"))]
        elif not any(c.suffix == "date" for c in found):
            found.append(date)
    if not found and figures:  # figures no rule could ask about: one entry on what they are of
        shown = [f.questions[-1] for f in figures]
        found.append(FactCandidate(topic_of(plain, resolved), [], f"figures: {', '.join(shown)}"))
    if not found and (names := names_in(plain)):
        found.append(name_candidate(plain, names, resolved))
    found.sort(key=lambda c: c.span[0])
    return found[:MAX_ENTRIES_PER_SENTENCE]


# ------------------------------------------------------------------------------- the draft


class _Registry:
    """Keeps ids unique and questions distinct, across the draft and the existing knowledge."""

    def __init__(self, taken_ids: Iterable[str], taken_questions: Iterable[str]) -> None:
        self.normaliser = Normaliser()
        self.ids = set(taken_ids)
        self.keys = [self.normaliser.normalise(q) for q in taken_questions]

    def questions(self, proposed: Iterable[str], room: int = MAX_QUESTIONS) -> list[str]:
        """Up to `room` of the proposed questions, none close to one already taken."""
        kept: list[str] = []
        keys: list[str] = []
        for question in proposed:
            key = self.normaliser.normalise(question)
            if not key or key in keys or len(kept) == room:
                continue
            if process.extractOne(
                key, self.keys, scorer=fuzz.token_sort_ratio, score_cutoff=NEAR_IDENTICAL - 1
            ):
                continue
            kept.append(question)
            keys.append(key)
        self.keys.extend(keys)
        return kept

    def new_id(self, focus: str, suffix: str = "") -> str:
        tail = f"-{suffix}" if suffix else ""
        base = (slug(focus, ID_MAX_BYTES - len(tail)) or "fact") + tail
        return unique_id(base, self.ids)


def draft_article(
    text: str,
    filename: str = "",
    taken_ids: Iterable[str] = (),
    taken_questions: Iterable[str] = (),
) -> Draft:
    """Draft an entry per fact of the article; ids and questions avoid those already taken."""
    article = parse_article(text, filename)
    registry = _Registry(taken_ids, taken_questions)
    body = [s for p in article.paragraphs for s in split_sentences(p)]
    captions = [s for c in article.captions for s in split_sentences(c)]
    entries: list[DraftEntry] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    resolved: str | None = None  # what "it" stands for: the last sentence's named subject
    for sentence, from_caption in [(s, False) for s in body] + [(s, True) for s in captions]:
        plain = plain_text(sentence)
        if not SENTENCE_END.search(sentence) and len(plain.split()) < 8:
            continue  # a heading
        repeats = (fuzz.token_set_ratio(plain, plain_text(b)) >= CAPTION_REPEAT for b in body)
        if plain in seen:
            skipped.append((sentence, "repeats an earlier sentence"))
            continue
        seen.add(plain)
        if from_caption and any(repeats):
            skipped.append((sentence, "photo caption repeating the text"))
            continue
        if sentence.rstrip(" \"”’')").endswith("?"):
            skipped.append((sentence, "a question, not a statement"))
            continue
        found = _candidates(plain, resolved)
        topic = topic_of(plain, resolved)
        split = verb_split(main_clause(plain))
        if split and split[0].lower() not in PRONOUNS | NOT_SUBJECTS:
            resolved = split[0]
        if not found:
            skipped.append((sentence, "no figure, date or name"))
        for candidate in found:
            questions = registry.questions(candidate.questions)
            if len(questions) < 2:  # one phrasing is warned about: offer plainer ones too
                focus = re.sub(r"^(?i:the|an?)\s+", "", candidate.focus)
                named = f"{focus} {candidate.suffix}".strip()
                fallback = [
                    named,
                    as_question(f"What does the article say about {focus}"),
                    as_question(f"What does the article say about {topic}"),
                    f"{topic} {named}" if topic != named else "",
                ]
                questions += registry.questions(fallback, 2 - len(questions))
            if not questions:
                skipped.append((sentence, "its questions would repeat earlier entries'"))
                continue
            entry_id = registry.new_id(candidate.focus, candidate.suffix)
            entries.append(
                DraftEntry(entry_id, tuple(questions), sentence, candidate.fact, from_caption)
            )
    return Draft(article, tuple(entries), tuple(skipped))


# ---------------------------------------------------------------------------------- output

HEADER = """\
# DRAFT knowledge for "{title}"
# made by: newsbot draft {source}
# Nothing here is answered yet: the bot ignores entries marked 'draft: true', and
# `newsbot check` warns about each one. For every entry:
#   1. rewrite the answer in your own words (facts, figures, names and dates stay exact);
#   2. correct the questions and add the other ways people ask it;
#   3. remove 'draft: true'.
# Delete the entries not worth keeping, then run `newsbot check` and `newsbot eval`.
"""
CAPTION_NOTE = "  # from the photo caption: check that the article's text says the same\n"


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key, the way the knowledge files are written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _literal_block(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Multi-line text (the article) as a `|` block, as readable in the file as on the page."""
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _literal_block)


def render_knowledge(draft: Draft, url: str | None = None, source: str = "ARTICLE.txt") -> str:
    """The draft as a knowledge file, header comment included; it loads with our YAML loader."""
    article = draft.article
    parts = [HEADER.format(title=article.title, source=source)]
    todo = []
    if not url:
        todo.append(f"url: put the article's address in place of {URL_PLACEHOLDER}")
    if not article.publisher:
        todo.append("publisher: not found in the text; write who published it")
    if article.date is None:
        todo.append(f"date: not found in the text; write it as YYYY-MM-DD ({DATE_PLACEHOLDER})")
    parts += [f"# TODO {item} (`newsbot check` reports it until then)\n" for item in todo]
    data: dict[str, Any] = {
        "version": 1,
        "article": {
            "title": article.title,
            "url": url or URL_PLACEHOLDER,
            "publisher": article.publisher or "",
            "date": article.date or DATE_PLACEHOLDER,
            # kept for answers quoted from the article when no entry fits
            "text": "\n\n".join(article.paragraphs + article.captions) + "\n",
        },
        "qa": [
            {"id": e.id, "questions": list(e.questions), "answer": e.answer, "draft": True}
            for e in draft.entries
        ],
    }
    body = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
        default_flow_style=False,
    )  # fmt: skip
    for entry in draft.entries:
        if entry.from_caption:
            line = f"  - id: {entry.id}\n"
            body = body.replace(line, CAPTION_NOTE + line)
    parts.append(body)
    if draft.skipped:
        parts.append("\n# Not drafted; add entries by hand where they matter:\n")
        parts += [f"#   [{why}] {' '.join(sentence.split())}\n" for sentence, why in draft.skipped]
    return "".join(parts)
