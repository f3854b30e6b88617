"""Slips of the keys on the small words: question words, function words and tags.

"teh", "waht", "wen", "rihgt": the terms mend them (bot/matching.py asks `mend_function_word`
for every word the knowledge lacks), but rules that read the question's own words run first:
whether a clause asks ("Whta is the population of X?" read as a claim that X has one), the
tags of a check ("..., rihgt?") and the synonyms' phrases ("the new pak" is the park's name).
`TextSlips` mends those in the text itself, and leaves everything else as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.english import is_english_word, rarity
from bot.framing import TAG_WORDS
from bot.lexicon import FILLERS
from bot.text import IDIOMS, QUESTION_WORDS, STOPWORDS, TEXTED_WORDS, stem
from bot.typos import TypoMender, meant_as_typed

MIN_PHRASE_SLIP = 5  # letters: "movng" may be "moving"; "mve" is too short to tell

COMMON_WORD_RARITY = 5.0  # "open", "park", "sign" are under it; "wast", "hera" are not
# question words first: a slip as near one as another word ("wat": "what", "wait") is the
# question word, which the first best match gives
_FUNCTION_WORDS: Sequence[str] = [
    *sorted(QUESTION_WORDS),
    *sorted(w for w in STOPWORDS if len(w) >= 3 and w not in QUESTION_WORDS),
]


def _swaps(words: Sequence[str]) -> dict[str, str]:
    """Each word with two neighbouring letters typed the wrong way round ("teh", "waht",
    "thier"), the commonest slip; one that could be either of two words ("hwo") is left out."""
    found: dict[str, str | None] = {}
    for word in words:
        for i in range(len(word) - 1):
            if word[i] != word[i + 1]:
                slip = f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2 :]}"
                found[slip] = word if found.get(slip, word) == word else None
    return {slip: word for slip, word in found.items() if word is not None}


_SWAPPED = _swaps(_FUNCTION_WORDS)


@lru_cache(maxsize=4096)
def mend_function_word(word: str) -> str | None:
    """Mend "wen", "wat", "hw", "teh": typos of question and function words, never of topic
    words, nor words of their own ("form" is not "from")."""
    swapped = _swapped_function_word(word)
    if swapped is not None:
        return swapped
    if len(word) > 4 or word.isdigit():
        return None
    if word in QUESTION_WORDS:
        return word
    if _swapped_into_a_word(word):  # "opne" is "open" typed fast, not "one"
        return None
    choices = [w for w in _FUNCTION_WORDS if w[0] == word[0]]  # "tall" is not "all"
    found = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=80)
    if found is None or word.startswith(found[0]):
        return None  # "owns" is not a typo of "own": an inflection carries its own meaning
    return str(found[0])


def _swapped_function_word(word: str) -> str | None:
    """The function word `word` is with two letters swapped ("cmoe", "teh"), when it is no
    word of its own."""
    swapped = _SWAPPED.get(word)
    if swapped is None or word in _FUNCTION_WORDS or is_english_word(word):
        return None
    return swapped


def _swapped_into_a_word(word: str) -> bool:
    """Whether two neighbouring letters swapped make a common English word other than a
    function word: the slip of a topic word, whose meaning must not go."""
    for i in range(len(word) - 1):
        slip = f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2 :]}"
        if slip != word and slip not in _FUNCTION_WORDS and _is_common_word(slip):
            return True
    return False


def _is_common_word(word: str) -> bool:
    seen = rarity(word)
    return seen is not None and seen < COMMON_WORD_RARITY


# the small words rules read in the text besides question words: the tags of a check
# ("..., right?"), "how many/much", "which other ones"
_RULE_WORDS = TypoMender(
    {w: w for w in (*TAG_WORDS, "many", "much", "other", "others", "else") if len(w) >= 4}
)


def _slip_of_a_rule_word(word: str) -> str | None:
    """The rule word `word` is a slip of ("rihgt", "mnay", "othr"), when it is no word."""
    if is_english_word(word):
        return None
    found = _RULE_WORDS.correct(word)
    return None if found is None else found[0]


# a sentence opening with a common word a letter from a question word, and a verb after it:
# "Hen did ...?", "Were will ...?" ("Here is ..." says something; "hat" is below)
_OPENING_SLIP = re.compile(
    r"(?:^|(?<=[.!?] ))\W*\b(hen|hy|were|here|wen|wat|wo|ow)\b(?= (?:is|was|are|were|will"
    r"|did|does|do|can|could|should|would|has|have|had)\b)",
    re.IGNORECASE,
)
_LETTERS_ONLY = re.compile(r"[a-z]+")
_A_WORD = re.compile(r"(?<![\w'\u2019])[A-Za-z]+(?![\w'\u2019])")  # not part of "it's", "HY-5"


# "hat" where a question starts is "what" whatever follows ("hat sectors is it targeting?"):
# a message about a hat is no news question
_HAT = re.compile(
    r"(?:^|(?<=[.!?,] )|(?<=\band )|(?<=\bso )|(?<=\blike ))(\W*)\b(hat)\b(?!['\u2019])", re.I
)


def _what_for_hat(found: re.Match[str]) -> str:
    return found.group(1) + ("What" if found.group(2)[0].isupper() else "what")


def _opening_question_word(found: re.Match[str]) -> str:
    word = found.group(1)
    after = found.string[found.end() + 1 : found.end() + 5].lower()
    if word.lower() == "here" and after.startswith(("is", "are")):
        return found.group(0)
    meant = min(QUESTION_WORDS, key=lambda q: (OSA.distance(word.lower(), q), q))
    if OSA.distance(word.lower(), meant) != 1:
        return found.group(0)
    return found.group(0).replace(word, meant.capitalize() if word[0].isupper() else meant)


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


class TextSlips:
    """The slips of one knowledge's questions that are mended in the text, before any rule."""

    def __init__(
        self,
        surface: Mapping[str, str],
        mender: TypoMender,
        synonyms: Mapping[str, Sequence[str]],
    ) -> None:
        self._surface = surface  # the knowledge's own words are never slips
        self._mender = mender
        self._synonyms = synonyms

    def mended(self, text: str) -> str:
        text = _OPENING_SLIP.sub(_opening_question_word, _A_WORD.sub(self._mended_word, text))
        if "hat" in self._surface:  # a knowledge about hats may be asked about them
            return text
        return _HAT.sub(_what_for_hat, text)

    def _mended_word(self, found: re.Match[str]) -> str:
        word = found.group(0)
        lowered = word.lower()
        if lowered in STOPWORDS or lowered in QUESTION_WORDS or lowered in self._surface:
            return word
        if lowered in FILLERS or lowered in TEXTED_WORDS:  # "tama ba yun?": not "yuan"; "dat"
            return word
        if lowered[-1] == "s" and lowered[:-1] in QUESTION_WORDS:  # "whos" is "who's"
            return word
        meant = (
            self._question_word(lowered)
            or _swapped_function_word(lowered)  # "cmoe out", "teh"
            or _slip_of_a_rule_word(lowered)  # "..., rihgt?" asks as "..., right?" does
            or self._phrase_word(lowered)  # "the new pak": the synonyms' "new park"
            or self._phrase_word_in_place(found)  # "movng into": the synonyms' "moving into"
        )
        if meant is None:
            return word
        return meant.capitalize() if word[0].isupper() else meant

    @staticmethod
    def _question_word(word: str) -> str | None:
        """ "Whta", "hWen", "wat": a question word ("hong" of a name is no "how", "were" no
        "where": a common word is meant as typed)."""
        meant = mend_function_word(word)
        if meant not in QUESTION_WORDS or meant == word or _is_common_word(word):
            return None
        return meant

    def _phrase_word(self, word: str) -> str | None:
        """The word of a synonym's or the lexicon's phrase `word` is a slip of: the phrase
        must be whole to be found. A plural stays plural ("new parcs" are parks, not the new
        park): of the phrases' forms of the term, the nearest with the same ending."""
        if is_english_word(word) or word[:1].isdigit():
            return None
        corrected = self._mender.correct(word)
        forms = [] if corrected is None else self._phrase_words.get(corrected[0], [])
        same_ending = [f for f in forms if f.endswith("s") == word.endswith("s")]
        return min(same_ending, key=lambda f: (OSA.distance(word, f), f), default=None)

    def _phrase_word_in_place(self, found: re.Match[str]) -> str | None:
        """ "movng into": a word of a phrase the knowledge never keeps as such ("moving into"
        is "settle in" by then), a slip away with its first letter, where the phrase is then
        whole ("actualy about" is no phrase of "actual")."""
        word = found.group(0).lower()
        if len(word) < MIN_PHRASE_SLIP or meant_as_typed(word):
            return None
        near = [
            form
            for form, _, _ in process.extract(
                word, self._phrase_forms, scorer=OSA.distance, score_cutoff=1, limit=None
            )
            if form[0] == word[0] and form != word
        ]
        if not near:  # most unknown words: no phrase's word is a slip away
            return None
        text = found.string.lower()
        start, end = found.span()
        fits = [
            form
            for form in near
            if any(
                _has_phrase(f"{text[:start]}{form}{text[end:]}", phrase)
                for phrase in self._phrases_by_word[form]
            )
        ]
        return fits[0] if len(fits) == 1 else None

    @cached_property
    def _phrase_forms(self) -> list[str]:
        return sorted(self._phrases_by_word)

    @cached_property
    def _phrases_by_word(self) -> dict[str, list[str]]:
        """The phrases by each word in them, as written."""
        found: dict[str, list[str]] = {}
        for phrase in self._phrases:
            for word in _LETTERS_ONLY.findall(phrase):
                if word not in STOPWORDS:
                    found.setdefault(word, []).append(phrase)
        return found

    @cached_property
    def _phrases(self) -> list[str]:
        """The synonyms' and the lexicon's phrases of more than one word, casefolded."""
        synonyms = [p for c, vs in self._synonyms.items() for p in (c, *vs) if " " in p.strip()]
        return [p.casefold() for p in (*synonyms, *(p for p in IDIOMS if " " in p))]

    @cached_property
    def _phrase_words(self) -> dict[str, list[str]]:
        """The words of the synonyms' and the lexicon's phrases by their term ("park" of "new
        park", "company" of "kind of company")."""
        forms: dict[str, set[str]] = {}
        for word in self._phrases_by_word:  # as written, not rewritten
            forms.setdefault(stem(word), set()).add(word)
        return {term: sorted(words) for term, words in forms.items()}
