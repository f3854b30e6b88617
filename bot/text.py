"""Text normalisation: one canonical form for questions and knowledge, to compare meaning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import pairwise

import snowballstemmer

from bot import numberwords
from bot.english import is_english_word
from bot.framing import without_framing
from bot.lexicon import EQUIVALENT_WORDS, FILLERS, IRREGULAR_FORMS, PHRASES, WORD_MAP

# Words that carry no topic. Question words are kept apart (QUESTION_WORDS): they tell a "when"
# question from a "who" question, but must not outweigh the topic words.
STOPWORDS = (
    frozenset(
        """
    a about above after again all also am an and any are as at be been being both but by can
    could did do does doing done during each either else ever for from further get got had has
    have having he her here hers him his i if in into is it its itself just know let like me
    might mine more most much must my myself no nor not now of off on once only or our
    ours out over own please really said same say says she should so some such tell telling
    tells than thank thanks that the their theirs them then there these they this those
    through thus to too
    under until up upon us very want was we well were whether which while will shall with would yes
    yet you your yours hi hello hey ok okay pls plz anyone somebody someone something thing
    things info information details detail kindly wondering curious question one ones
    within among amongst onto via
    again hmm hm hmmm um umm uh er erm ah oh sorry btw lol haha nah yeah yep nope wait
    yea ya eh innit ngl tbh imo imho fr lowkey highkey tho lmao omg bruh idk
    """.split()  # noqa: SIM905
    )
    | FILLERS
)
QUESTION_WORDS = frozenset("what when where who whom whose why how".split())  # noqa: SIM905

# British spellings people type, mapped to the American ones the knowledge may use (or vice versa:
# both sides pass through this, so either spelling in either place matches).
BRITISH_TO_AMERICAN = {
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "programme": "program",
    "programmes": "programs",
    "colour": "color",
    "colours": "colors",
    "favour": "favor",
    "favourite": "favorite",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "neighbourhood": "neighborhood",
    "labour": "labor",
    "harbour": "harbor",
    "honour": "honor",
    "behaviour": "behavior",
    "theatre": "theater",
    "defence": "defense",
    "licence": "license",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analyse": "analyze",
    "analysed": "analyzed",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "jewellery": "jewelry",
    "grey": "gray",
    "tonne": "ton",
    "tonnes": "tons",
    "fibre": "fiber",
    "litre": "liter",
    "litres": "liters",
    "modelling": "modeling",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "cheque": "check",
}
# -ise/-isation verbs: only on stems we know, since "rise", "promise" must stay as they are.
_ISE_STEMS = (
    "organ|real|recogn|modern|industrial|urban|digit|optim|util|prior|special|final|central"
    "|character|standard|capital|emphas|minim|maxim|summar|author|local|global|commercial"
    "|civil|intern|apolog|visual|categor|memor|mobil|stabil|revital|subsid|normal"
)
_ISE = re.compile(rf"\b({_ISE_STEMS})is(e|ed|es|ing|ation|ations)\b")

NUMBER_WORDS = {
    "zero": "0", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40",
    "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "hundred": "100",
}  # fmt: skip
_SCALES = {
    "thousand": 3, "k": 3, "million": 6, "mn": 6, "m": 6, "mil": 6, "mln": 6,
    "billion": 9, "bn": 9, "bil": 9, "bln": 9,
}  # fmt: skip
_SCALE_NAMES = {9: "billion", 6: "million"}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "＇": "'"})
_DIGIT = re.compile(r"\d")
# "plans for more parks", "how many more companies", "more of these parks": new ones ("more
# details", "more than", "more of the money")
_MORE_OF_THEM = re.compile(
    r"\bmore (?:of (?:these|those|such) )?"
    r"(?!(?:than|of|about|details|facts|specifics|words|things)\b)"
    r"(?=(?:[a-z]+ ){0,2}[a-z]{3,}s\b)"  # "20 more urban industrial parks"
)
# "fit into Haizhu's plan for a modern industrial system" (read "role in"): the role is in
# what the plan is for ("fit into its plans" keeps them: no other thing is named)
_ROLE_IN_A_PLAN_FOR = re.compile(
    r"\brole (?:in )?((?:[a-z]+ )?)(?:(?:wider|broader|bigger|overall|big|long term) )?plans? "
    r"(?:for|to build|to develop|to create) (?:a |an |the |it is |its |their )?"
)
# "which area is this tech park in?", "what area of Guangzhou is it located in?": where it is,
# no size asked (a region is an area whatever the thing named between)
_AREA_IT_IS_IN = re.compile(
    r"\b(?:which|what) areas? (?:of [a-z]+ )?(is|are|was|were|will) ((?:[a-z0-9]+ ){1,6}?)"
    r"(?:located |situated |based |found )?in$"
)
# "In which area is the park (located)?" the same ("In what area is it focused?" asks a field)
_IN_AREA_IT_IS = re.compile(
    r"\bin (?:which|what) area (is|was) ((?:[a-z0-9]+ ){0,4}?(?![a-z]+(?:ed|ing)$)[a-z0-9]+)"
    r"(?: located| situated| based)?$"
)
MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
# "the ceremony last February": the month is the date ("last" alone may be a rank checked)
_LAST_MONTH = re.compile(rf"\blast (?=(?:{'|'.join(MONTH_NAMES)})\b)")
# "which companies have already committed": done, no more ("already have" says now: kept)
_ALREADY_DONE = re.compile(r"\balready (?=(?!been\b)[a-z]+ed\b)")
# "since late 2021": the half of the year the article names ("early 2020" stays: a check of
# when the push began, not the first quarter of the year)
_LATE_IN_A_YEAR = re.compile(r"\blate ((?:19|20)\d\d)\b")
# "How may buildings ...?", "how may more parks": "many" a letter short ("How may this help?"
# asks what may be)
_HOW_MAY = re.compile(r"\bhow may (?=more\b|(?!this\b|its\b|his\b|has\b|was\b|is\b|us\b)[a-z]+s\b)")
# "What was the ceremony for?" asks why it was held: a question ending in "for" asks a purpose;
# "what kind of industries is the park for", "what firms is it for" ask which ones
_WHAT_FOR = re.compile(
    r"^(.*?\bwhat (?:is|was|are|were|do|does|did|will|would|can|could|should|has|have|had"
    r"|the|it|its|this|that|these|those|they|their|all|exactly)\b.*) for$"
)
# "a company called Meishang" names it; "what is the park called" asks the name, and stays
_NAMED_CALLED = re.compile(r"\b((?:a|an|some|one) \w+) (?:called|named)\b")
# "Where does HYCAN come into it?" (read as "... role" by the idioms) asks no place
_WHERE_ROLE = re.compile(r"^where (?:does|do|did|will|would|is|are) (.+? role)\b")
# "What did the manager say about X?", "X - what does the article say about it": the topic is X
_SAID_ABOUT = re.compile(
    # within its own clause: "what is its name and what does it say about it" keeps its name
    r"(?<!\S)(what|how)\b(?: (?!(?:what|how|and|or|about)\b)\S+){0,6}? (?:say|said|says|tell|told"
    r"|tells|think|thinks|thought"
    r"|mention|mentions|mentioned|write|wrote|writes|report|reported|reports)(?: \w+){0,2} about "
)
# "bigger than 100000 square meters?" bounds a size, where "bigger than this one?" asks a rank
_SIZE_BOUND = re.compile(r"\b(?:(?:bigger|larger|smaller) than|as (?:big|large) as) (?=\d)")
# "How big is the park compared with other parks in Haizhu?": how it ranks, not its size
_SIZE_AGAINST_OTHERS = re.compile(
    r"\bhow (?:big|large)\b(?=.*\b(?:compared?|compares|against|versus|vs)(?: with| to)? "
    r"(?:the )?(?:other|others|rest)\b)"
)
# "how many square meters does the park cover": the size asked, whatever verb holds it (an
# article that "covers" a ceremony reports on it: only beside an area unit)
_AREA_UNIT = re.compile(r"\b(?:square|sqm|sq|m2|hectares?|acres?)\b")
_AREA_VERB = re.compile(r" (?:covers?|covered|covering|spans?|spanning|occupies|occupy|takes up)\b")
# "push output past 10 billion": beyond a figure, "over" it ("in the past" is no figure)
_PAST_FIGURE = re.compile(r"\bpast (?=\d)")
# "how many more parks will Haizhu open?": to open more of something is to add it ("When will
# the new park open?" asks a date the article does not give, and keeps its word)
_OPEN_MORE = re.compile(
    r"\b(?:more|additional|extra|another)\b.*\bopen\b|\bopen (?:up )?"
    r"(?:\d+ |some |a few )?(?:more|additional|extra|new|another)\b"
)
_OPEN = re.compile(r"\bopen\b")
_LATER_CUES = re.compile(r" (?:cover|span|occup|takes up|past |called |named )")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")  # "March 1st", "the 18th": the number
_RANK_WORDS = {"2": "second", "3": "third", "4": "fourth", "5": "fifth"}
# "the 1st of several events", "the 1st in a series": the first in a row, not a date ("the
# 1st of March" stays a number). Only the first: "the 2nd event" asks of another one, which
# as a number the knowledge lacks is no check of "first"
_FIRST_IN_A_ROW = re.compile(
    r"\b1st(?=\s+(?:of|in|one|ones|event|events|step|phase|stage|round|batch)\b)"
    r"(?!\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    re.I,
)
_RANKED = re.compile(
    r"\b([2-5])(?:nd|rd|th)(?=[\s-]+(?:largest|biggest|smallest|most|best)\b)", re.I
)
# "that big ceremony", "the big tech park": a word describing the thing, not asking its size
_DESCRIBED_BIG = re.compile(r"\b(the|this|that|a|some|such a) (?:big|huge|large) (?=\w)(?!deal\b)")
_THOUSANDS = re.compile(r"(?<=\d)[,\u202f\u00a0](?=\d{3}(?!\d))")
_NUMBER_SCALE = re.compile(
    r"\b(\d+(?:\.\d+)?)\s*(thousand|million|billion|bn|bil|bln|mn|mil|mln|k)\b"
)
_BIG_INTEGER = re.compile(r"\b(\d+?)(0{6,})\b")
# where _NUMBER_SCALE could match once ordinals and thousands separators are gone
_MAY_SCALE = re.compile(
    r"\d(?:st|nd|rd|th)?\s*(?:thousand|million|billion|bn|bil|bln|mn|mil|mln|k)\b"
)
_CONTRACTION = re.compile(r"\b(what|who|where|when|how|why|which|that|it|there|here)'?s\b")
_POSSESSIVE = re.compile(r"'s\b")
_SHORT_FORMS = {"n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would",
                "'m": " am"}  # fmt: skip
_SHORT_FORM = re.compile(r"(?<=\w)(n't|'re|'ve|'ll|'d|'m)\b")
# the same, typed without the apostrophe
_BARE_SHORT_FORMS = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not",
    "arent": "are not", "wasnt": "was not", "werent": "were not", "wont": "will not",
    "cant": "can not", "couldnt": "could not", "wouldnt": "would not", "shouldnt": "should not",
    "havent": "have not", "hasnt": "has not", "im": "i am", "ive": "i have", "youre": "you are",
}  # fmt: skip
# how people type in a chat: "can u sum it up", "how many r there"
_TEXTING = {
    "u": "you", "r": "are", "ur": "your", "cuz": "because", "coz": "because", "b4": "before",
    "abt": "about", "bout": "about", "wat": "what", "wut": "what", "thx": "thanks", "ty": "thanks",
    "kinda": "kind of", "sorta": "sort of", "yr": "year", "w": "with", "smth": "something",
    "sth": "something",
    "kya": "what",  # Urdu and Hindi typed in Latin letters: "full name kya hai?"
    # the short forms of notes and headlines: "urban ind parks", "which cos signed intent agmts"
    "ind": "industrial", "inds": "industries", "cos": "companies", "agmt": "agreement",
    "agmts": "agreements", "govt": "government", "mgr": "manager", "mgmt": "management",
    "dept": "department", "intl": "international", "yrs": "years", "bldg": "building",
    "bldgs": "buildings", "algo": "algorithm", "algos": "algorithms", "equip": "equipment",
    "mfg": "manufacturing", "biz": "business", "dev": "development",
    # the function words of Englishes written as spoken: Jamaican and Caribbean ("Is di park
    # di biggest inna Haizhu?", "Which day dat happen?"), West African pidgin ("wetin dem
    # sign?"), Scots ("Whit wis the date?", "It wisnae in Tianhe?")
    "di": "the", "inna": "in", "dat": "that", "dis": "this", "dem": "they", "fi": "to",
    "seh": "say", "wha": "what", "pon": "on", "deh": "there", "nuh": "no", "gwine": "going to",
    "waan": "want", "tek": "take", "fah": "for", "ting": "thing", "nuff": "many",
    "wetin": "what", "abeg": "please", "dey": "is", "una": "you",
    "whit": "what", "wis": "was", "hoo": "how", "whaur": "where", "aboot": "about",
    "oot": "out", "tae": "to", "ye": "you", "yer": "your", "frae": "from", "mair": "more",
    "muckle": "big", "auld": "old", "sae": "so", "nae": "no", "naw": "no", "ane": "one",
    "twa": "two", "tellt": "told", "efter": "after", "jist": "just", "ony": "any",
    "isnae": "is not", "wisnae": "was not", "didnae": "did not", "dinnae": "do not",
    "doesnae": "does not", "cannae": "can not", "wasnae": "was not", "urnae": "are not",
    "gonnae": "going to", "ken": "know", "o": "of", "fae": "from", "hae": "have", "fur": "for",
    "aff": "off", "intae": "into", "aw": "all", "wan": "one", "gaun": "going",
    "hunner": "hundred", "photie": "photo", "arenae": "are not", "toon": "town",
    "richt": "right", "dae": "do", "wi": "with", "gie": "give", "ain": "own", "hame": "home",
    "bilang": "said",  # Malay and Indonesian: "My colleague bilang the ceremony was ..."
    # Trinidadian: "wha' exactly dey was kickin off", "Mih bandleader", "wit dis park"
    "de": "the", "mih": "my", "wit": "with", "cyah": "can not", "wha'": "what",
    "abv": "above",
}  # fmt: skip
# typed as meant: no slip of a knowledge word ("dat" is "that", not "date"; bot/slips.py)
TEXTED_WORDS = frozenset(_TEXTING)
# only a word standing alone: the "u" of "U.S." and the "r" of "R&D" are not "you" and "are"
# ("'bout", its first letters dropped, is "about")
_TEXTING_WORD = re.compile(r"(?<![\w.&'])'?(" + "|".join(_TEXTING) + r")(?![\w.&'])")
_NON_WORD = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)|_")
_SPACES = re.compile(r"\s+")
# Acronyms that read as common words once lowercased: "IT" is not "it"
_CAPITAL_ACRONYMS = {"IT": "information technology"}
_ACRONYM = re.compile(r"\b(" + "|".join(_CAPITAL_ACRONYMS) + r")\b")

# the modules normalising runs: a cache of normalised text (parsed files, term tables,
# snapshots) is keyed by their source, so an edit to any of them is a miss
NORMALISING_MODULES = (__name__, "bot.framing", "bot.lexicon", "bot.numberwords", "bot.english")

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Reduce a word to its stem so "buildings" meets "building"; numbers stay as they are.

    A lexicon word's other forms join its group too: "concentrating" is "focus", as
    "concentrate" is.
    """
    found = _stem(word)
    return _LEXICON_STEMS.get(found, found)


# words the stemmer cuts to another word's stem: "busy" to "busi", which is "business" (a
# company: "im busy with the ovens" said nothing of one)
_KEPT_WHOLE = frozenset(("busy", "busier", "busiest"))


def _stem(word: str) -> str:
    if word[:1].isdigit() or word in QUESTION_WORDS or word in _KEPT_WHOLE:  # "why": not "whi"
        return word
    found = str(_stemmer.stemWord(word))
    if word.endswith(("er", "ers")) and word.rstrip("s")[:-2] == found:
        return found + "er"  # a "developer" builds, but is not "develop": who, not what
    return found


# Stems whose other words mean something else: "initiative" is not "initial" (first), an
# "activity" not "activate", a "convention" not "conventional", "completion" not "complete"
# (full), "entirely" not "entire", an "objection" not an "objective", "days" not "date",
# "parking spaces" are places, not floor space, "products" are not "production" (output), and
# what is "designed" has no "designation" (name).
_STEMS_OF_OTHER_WORDS = frozenset(
    ("initi", "activ", "convent", "complet", "entir", "object", "day", "space", "product", "design")
)


def _lexicon_stems() -> dict[str, str]:
    """The stem of each lexicon word, to its group's stem; not of a word already inflected
    ("projected" shares "project") nor of an abbreviation ("mar"), and never a stem that two
    groups claim or that is a group's own."""
    own = {_stem(group[0]) for group in EQUIVALENT_WORDS}
    claimed: dict[str, set[str]] = {}
    for group in EQUIVALENT_WORDS:
        target = _stem(group[0])
        for word in group[1:]:
            found = _stem(word)
            if len(word) < 4 or word.endswith(("ed", "ing")) or found in own:
                continue
            if found != target and found not in _STEMS_OF_OTHER_WORDS:
                claimed.setdefault(found, set()).add(target)
    return {found: next(iter(t)) for found, t in claimed.items() if len(t) == 1}


_LEXICON_STEMS = _lexicon_stems()


def _fold_accents(text: str) -> str:
    if text.isascii():  # nothing to fold, and most knowledge and questions are ASCII
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _scale_number(match: re.Match[str]) -> str:
    number, scale = match.group(1), _SCALES[match.group(2)]
    if scale in _SCALE_NAMES:
        return f"{number} {_SCALE_NAMES[scale]}"
    whole, _, fraction = number.partition(".")
    digits = (whole + fraction).lstrip("0") or "0"
    return digits + "0" * (scale - len(fraction))


def _big_integer(match: re.Match[str]) -> str:
    """Write 10000000000 as "10 billion", the way articles and people say it."""
    head, zeros = match.group(1), len(match.group(2))
    for power in (9, 6):
        if zeros >= power:
            return f"{head}{'0' * (zeros - power)} {_SCALE_NAMES[power]}"
    return match.group(0)  # pragma: no cover - the pattern needs six zeros


def basic_normalise(text: str) -> str:
    """Case, Unicode, punctuation, numbers and spelling: everything but synonyms.

    A big knowledge base normalises hundreds of thousands of texts at a cold start, so the
    rewrites of single words run once per distinct word (cached), and the rewrites that look
    across words only where their words occur. The order is that of `_normalise_in_order`.
    """
    text = _normalise_head(text)
    tokens = text.split()
    if numberwords.may_hold_number_words(tokens):  # "five hundred thousand", "twenty twenty two"
        text = numberwords.with_digits(text)
        tokens = text.split()
    if "big" in text or "huge" in text or "large" in text:
        return _normalise_rest_in_order(text)  # "the big X" must see the text's own spacing
    if _DIGIT.search(text):
        text = " ".join([_token_front(token) for token in tokens])
        if _MAY_SCALE.search(text):  # "5 million", "5 k": a number read across two words
            text = _numbers(text)
            return _normalise_tail([word for t in text.split() for word in _token_back(t)])
    return _normalise_tail([word for token in tokens for word in _token_whole(token)])


def _normalise_in_order(text: str) -> str:
    """Every rewrite over the whole text, one after the other: what basic_normalise computes."""
    text = _normalise_head(text)
    if numberwords.may_hold_number_words(text.split()):
        text = numberwords.with_digits(text)
    return _normalise_rest_in_order(text)


def _normalise_head(text: str) -> str:
    """What needs the text as typed: what frames the question (bot/framing.py), Unicode, case."""
    text = without_framing(text)
    if _DIGIT.search(text) is not None:
        text = _THOUSANDS.sub("", text)  # before NFKC turns no-break-space separators into spaces
        if "est" in text:  # "the 2nd largest" is a rank, as "the second largest" is
            text = _RANKED.sub(lambda m: _RANK_WORDS[m.group(1)], text)
        if "1st" in text:
            text = _FIRST_IN_A_ROW.sub("first", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    if "IT" in text and not text.isupper():  # in a shouted question "IT" is just "it"
        text = _ACRONYM.sub(lambda m: _CAPITAL_ACRONYMS[m.group(1)], text)
    return _fold_accents(text).casefold()


def _normalise_rest_in_order(text: str) -> str:
    text = _front(text)
    if _DIGIT.search(text):
        text = _numbers(text)
    text = _texting(text)
    if " big " in text or " huge " in text or " large " in text:
        text = _DESCRIBED_BIG.sub(r"\1 ", text)
    return _normalise_tail(_back(text).split())


# "What does Yuanzhi Technology actually do?": what a company does is its line of business;
# "what did HYCAN do" (read "what do hycan do" by then), "what does the park do for Haizhu",
# "what does Meishang plan to do" ask other things
_WHAT_IT_DOES = re.compile(
    r"\bwhat does ((?:(?!to )[a-z]+ ){1,3}?)(?:actually |really |even |exactly )?do\b"
    r"(?!\s+(?:at|in|for|with|to|about|on|there|here|that|this|it)\b)"
)


# "What is Yuanzhi Technology's business?" (its "'s" gone by then): its line of business too
_ITS_BUSINESS = re.compile(r"\bwhat is ((?:[a-z]+ ){1,3}?)(?:business|line of business)$")
# "What business is Meishang in?": the same ("what business will move in" asks which firm)
_BUSINESS_IT_IS_IN = re.compile(r"\bwhat business (is|are) ((?:[a-z]+ ){1,3}?)in$")


def _business_it_is_in(match: re.Match[str]) -> str:
    name = match.group(2)
    return f"what industry {match.group(1)} {name}in" if _names_one(name) else match.group(0)


def _names_one(words: str) -> bool:
    """Whether the words hold a name: one no English dictionary has ("Meishang")."""
    return any(not is_english_word(word) for word in words.split())


def _its_industry(match: re.Match[str]) -> str:
    """Only of a name ("Meishang"): what the manager does is his role."""
    return f"what {match.group(1)}industry" if _names_one(match.group(1)) else match.group(0)


# "Is Meishang a tech company?", "is HYCAN an EV maker": a check of what kind of company a
# named one is asks its line of business, as "What kind of company is it?" does
_KIND_WORDS = frozenset(
    ("company", "firm", "business", "brand", "maker", "manufacturer", "startup", "enterprise")
)
_ITS_KIND = re.compile(
    r"\b(is|was|are|were) ((?:[a-z]+ ){1,3}?)(an?) ((?:[a-z-]+ ){1,2})"
    rf"(?:{'|'.join(sorted(_KIND_WORDS))})\b"
)


def _kind_as_industry(match: re.Match[str]) -> str:
    """Only of a name: "Is the park a tech company?" is no check of a company's kind."""
    verb, name, article, kind = match.groups()
    return f"{verb} {name}{article} {kind}industry" if _names_one(name) else match.group(0)


def _front(text: str) -> str:
    """Short forms: "what's", "whats", "don't"; a possessive "'s" goes."""
    text = _CONTRACTION.sub(r"\1 is", text)
    if "'" in text:
        text = _SHORT_FORM.sub(lambda m: _SHORT_FORMS[m.group(1)], text)
        text = _POSSESSIVE.sub("", text)
    return text


def _numbers(text: str) -> str:
    """Numbers as digits: "18th" is 18, "500,000" is 500000, "10 billion" reads as written."""
    text = _ORDINAL.sub(r"\1", text)
    text = _THOUSANDS.sub("", text)
    text = _NUMBER_SCALE.sub(_scale_number, text)
    return _BIG_INTEGER.sub(_big_integer, text)


def _texting(text: str) -> str:
    text = _TEXTING_WORD.sub(lambda m: _TEXTING[m.group(1)], text)
    return _DROPPED_G.sub(_with_its_g, text)


# "readin", "kickin'", "buildin": a word as spoken, its "g" dropped ("certain", "cousin" are
# words as they are)
_DROPPED_G = re.compile(r"(?<![\w'])([a-z]{3,}in)'?(?![\w'])")


def _with_its_g(found: re.Match[str]) -> str:
    word = found.group(1)
    if is_english_word(word) or not is_english_word(f"{word}g"):
        return found.group(0)
    return f"{word}g"


def _back(text: str) -> str:
    """Punctuation, -ise spellings, and the spelling of each word."""
    text = text.replace("-", " ").replace("'", "").replace("%", " percent ")
    text = _NON_WORD.sub(" ", text)
    if "ise" in text or "ising" in text or "isation" in text:  # what _ISE can rewrite
        text = _ISE.sub(r"\1iz\2", text)
    return " ".join([_SPELLING.get(w, w) for w in text.split()])


# The rewrites of _front, _texting and _back never reach across a space, so a text's words
# can be rewritten one by one, each distinct word once.
_TOKENS_KEPT = 1 << 17


@lru_cache(maxsize=_TOKENS_KEPT)
def _token_front(token: str) -> str:
    return _front(token)


@lru_cache(maxsize=_TOKENS_KEPT)
def _token_back(token: str) -> tuple[str, ...]:
    return tuple(_back(_texting(token)).split())


@lru_cache(maxsize=_TOKENS_KEPT)
def _token_whole(token: str) -> tuple[str, ...]:
    """A word through every rewrite, numbers read within the word (see _MAY_SCALE)."""
    text = _front(token)
    if _DIGIT.search(text):
        text = _ORDINAL.sub(r"\1", text)
        text = _THOUSANDS.sub("", text)
        text = _BIG_INTEGER.sub(_big_integer, text)
    return tuple(_back(_texting(text)).split())


def _has_phrase(words: list[str], text: str) -> bool:
    """Whether _PHRASE would find an idiom, at the cost of a few substring searches."""
    if _PHRASE_WORDS.isdisjoint(words) and _PHRASE_PAIRS.isdisjoint(pairwise(words)):
        return False
    padded = ""
    for word in words:
        phrases = _PHRASES_BY_START.get(word)
        if phrases is not None:
            padded = padded or f" {text} "
            if any(phrase in padded for phrase in phrases):
                return True
    return False


# "What did the manager mean when he compared ...?", "Who spoke when the park opened?": a
# "when" joining a clause to a question asking something else says when, it does not ask it
_JOINING_WHEN = re.compile(
    r"^((?:[a-z0-9]+ ){0,2}(?:what|who|whom|which|why|how|where)\b(?:(?! and | or ).)*?)"
    r" when (?=(?:he|she|they|it|we|i|you|the|this|that|these|those|his|her|their|its)\b)"
)


# "a two-sentence rundown", "the 2 line executive summary": a summary, however long
_SUMMARY_WORDS = frozenset(("summary", "rundown", "overview", "recap", "gist", "synopsis"))
_SUMMARY_LENGTH = re.compile(
    r"\b(?:\d+|a few|few|a couple of|a couple) (?:lines?|sentences?|paragraphs?|words?|minutes?) "
    r"(?=(?:executive )?(?:summary|rundown|overview|recap|gist|synopsis)\b)"
)


# "when is construction of the park done?": asking when it ends is asking when it is finished
_ASKS_WHEN_DONE = re.compile(r"(?:when|by when|how soon|how long until|how long till)\b")
# a word one of the rarest rewrites needs: most texts have none
_RARE_CUES = frozenset(("big", "large", "business", "when", "done", *_KIND_WORDS, *_SUMMARY_WORDS))


def _rare_rewrites(text: str, words: list[str]) -> str:
    """A named company's line of business or kind, a joining "when", "when ... done"."""
    if text.endswith("business") and "what is " in text:
        text = _ITS_BUSINESS.sub(_its_industry, text)
    if text.endswith(" in") and "what business " in text:
        text = _BUSINESS_IT_IS_IN.sub(_business_it_is_in, text)
    if not _KIND_WORDS.isdisjoint(words):
        text = _ITS_KIND.sub(_kind_as_industry, text)
    if " when " in text:
        text = _JOINING_WHEN.sub(r"\1 ", text)
    if text.endswith(" done") and _ASKS_WHEN_DONE.match(text):  # "when is the park done"
        text = f"{text[:-5]} finish"
    return text


def _normalise_tail(words: list[str]) -> str:
    """What reads across words: idioms, "what ... for", roles, "say about", a size bound or
    against others, opening more, more of them, the area a thing is in, already done, last
    month, late in a year, a role in a plan, "name the ...", a named company's line of
    business or kind, a joining "when", "when ... done", an area's verb, "past" a figure, "a
    company called ..."; then meanings."""
    text = " ".join(words)
    rare = not _RARE_CUES.isdisjoint(words)  # one look for the rarest rewrites below
    if rare and not _SUMMARY_WORDS.isdisjoint(words):
        text = _SUMMARY_LENGTH.sub("", text)
    if _has_phrase(words, text):
        text = _PHRASE.sub(lambda m: IDIOMS[m.group(1)], text)
    if text.endswith(" for"):
        text = _WHAT_FOR.sub(r"\1 why", text)
    if text.startswith("where"):
        text = _WHERE_ROLE.sub(r"what is \1", text)
    if " about " in text:
        text = _SAID_ABOUT.sub(r"\1 about ", text)
    if " than " in text or " as " in text:
        text = _SIZE_BOUND.sub("big ", text)
    if rare and ("how big" in text or "how large" in text):
        text = _SIZE_AGAINST_OTHERS.sub("how largest", text)
    if "open" in text and _OPEN_MORE.search(text):
        text = _OPEN.sub("add", text)
    if "how may " in text:
        text = _HOW_MAY.sub("how many ", text)
    if "more " in text:
        text = _MORE_OF_THEM.sub("new ", text)
    if "which area" in text or "what area" in text:
        if text.endswith(" in"):
            text = _AREA_IT_IS_IN.sub(r"where \1 \2", text).rstrip()
        text = _IN_AREA_IT_IS.sub(r"where \1 \2", text)
    if "already " in text:
        text = _ALREADY_DONE.sub("", text)
    if "last " in text:
        text = _LAST_MONTH.sub("", text)
    if "late " in text:
        text = _LATE_IN_A_YEAR.sub(r"second half of \1", text)
    if "role " in text and " plan" in text:
        text = _ROLE_IN_A_PLAN_FOR.sub(r"role in \1", text)
    if text.startswith("name the "):  # "Name the companies ...": a request to say which
        text = f"which{text[4:]}"
    if "what does " in text:
        text = _WHAT_IT_DOES.sub(_its_industry, text)
    if rare:
        text = _rare_rewrites(text, words)
    if _LATER_CUES.search(text):  # one look for the three rewrites below: most texts have none
        if _AREA_UNIT.search(text):
            text = _AREA_VERB.sub("", text)
        text = _PAST_FIGURE.sub("over ", text)
        text = _NAMED_CALLED.sub(r"\1", text)
    return " ".join([_MEANING.get(w, w) for w in text.split()])


# One lookup per word where there were several: the spelling fixes, in priority order (a short
# form typed bare, then British spelling, then a number word), before idioms are rewritten;
# after them, an irregular form becomes its verb and then the word of its lexicon group.
_SPELLING = {**NUMBER_WORDS, **BRITISH_TO_AMERICAN, **_BARE_SHORT_FORMS}
_MEANING = {
    **WORD_MAP,
    **{form: WORD_MAP.get(verb, verb) for form, verb in IRREGULAR_FORMS.items()},
}


# The idioms as the text reads when they are looked for (each word through the rewrites
# above): "put its name to" is looked for as "put it is name to", as "its" reads by then, and
# what they mean is written the same way
def _as_read_then(text: str) -> str:
    return " ".join(word for token in text.split() for word in _token_whole(token))


IDIOMS: dict[str, str] = {
    _as_read_then(phrase): _as_read_then(meaning) for phrase, meaning in PHRASES.items()
}
_PHRASE = re.compile(
    r"(?<!\S)(" + "|".join(map(re.escape, sorted(IDIOMS, key=len, reverse=True))) + r")(?!\S)"
)
# an idiom of one word, or the first two words of a longer one: a text without any has none
_PHRASE_WORDS = frozenset(phrase for phrase in IDIOMS if " " not in phrase)
_PHRASE_PAIRS = frozenset(tuple(phrase.split()[:2]) for phrase in IDIOMS if " " in phrase)
# each idiom, padded with spaces, under its first word: a text holds it where " text " holds it
_PHRASES_BY_START: dict[str, tuple[str, ...]] = {}
for _phrase in IDIOMS:
    _start = _phrase.split()[0]
    _PHRASES_BY_START[_start] = (*_PHRASES_BY_START.get(_start, ()), f" {_phrase} ")


# a few questions in flight; fewer than a benchmark round's questions, so it gains nothing there
RECENT_TEXTS = 64


class Normaliser:
    """Applies basic normalisation and the maintainers' synonyms, the same for both sides."""

    def __init__(self, synonyms: Mapping[str, Iterable[str]] | None = None) -> None:
        self._canonical: dict[str, str] = {}
        for canonical, variants in (synonyms or {}).items():
            target = basic_normalise(canonical)
            for variant in variants:
                source = basic_normalise(variant)
                if source and source != target:
                    self._canonical[source] = target
        if self._canonical:
            alternatives = sorted(self._canonical, key=len, reverse=True)
            self._pattern: re.Pattern[str] | None = re.compile(
                r"(?<!\S)(" + "|".join(map(re.escape, alternatives)) + r")(?!\S)"
            )
        else:
            self._pattern = None
        # a question is normalised several times on its way to a decision (its words, its text,
        # a second reading of a clause or a check): the recent ones are kept
        self._recent = lru_cache(maxsize=RECENT_TEXTS)(self._normalise)

    def normalise(self, text: str) -> str:
        """The canonical text: what two ways of writing the same question have in common."""
        return self._recent(text)

    def _normalise(self, text: str) -> str:
        text = basic_normalise(text)  # single spaces, none at the ends
        if self._pattern is None:
            return text
        text, count = self._pattern.subn(lambda m: self._canonical[m.group(1)], text)
        return _SPACES.sub(" ", text).strip() if count else text

    def words(self, text: str) -> list[str]:
        """Normalised, stemmed words, stopwords dropped, question words kept."""
        return [stem(w) for w in self.normalise(text).split() if w not in STOPWORDS]


def is_question_word(word: str) -> bool:
    """Question words are signal, but weak: "when" tells a date question, not which date."""
    return word in QUESTION_WORDS
