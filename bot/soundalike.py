"""Names as speech-to-text writes them: "high zoo" for Haizhu, "pa joe" for Pazhou.

Voice messages turn a romanised Chinese name into English words that sound like it, often
two of them. No spelling correction reaches those ("highzoo" is three edits from "haizhu"),
but they sound alike: a key that keeps how a name is said and drops how it is spelt
("zh" and a soft "g" are a "j", "igh" and "y" an "i", "oo" a "u") is the same for both.
Only names are keyed (words no English dictionary has), so ordinary words are never taken
for one another; whether a sound-alike reading is used at all is the answering's decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.english import is_english_word
from bot.text import STOPWORDS

# in this order: each rule sees what the ones before it made
_RULES = (
    (re.compile(r"igh"), "i"),  # "high" is said "hi"
    (re.compile(r"zh|dg|z"), "j"),  # "zhu", "zoo", "joe": one sound to an English ear
    (re.compile(r"g(?=[eiy])"), "j"),  # "gee" for "zhi"
    (re.compile(r"x"), "sh"),  # pinyin x, "Xinhua" heard as "shin hua"
    (re.compile(r"q"), "ch"),
    (re.compile(r"ee|ea|ie"), "i"),
    (re.compile(r"oo|ew"), "u"),
    (re.compile(r"ou|oe|ow|oa"), "o"),
    (re.compile(r"ai"), "i"),  # pinyin "ai" is the "i" of "high"
    (re.compile(r"ay|ey|ei"), "e"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(?<=[^aeiou])h"), ""),  # "me shang", "meishang": an h after a consonant
    (re.compile(r"(?<=.)e$"), ""),  # a silent final e
    (re.compile(r"(.)\1+"), r"\1"),
)
MIN_NAME = 4  # shorter names would sound like too much
# what may follow a function word as its subject: "how high can it go", "... can the park go"
_SUBJECTS = frozenset(
    """
    i you he she it we they this that these those there the a an its their his her my our your
    """.split()  # noqa: SIM905
)
_WORD_EDGES = re.compile(r"^\W+|\W+$")


@lru_cache(maxsize=1 << 14)  # a pure function of one word; chats repeat their words
def sound_key(word: str) -> str:
    """How `word` sounds, roughly: equal for "highzoo" and "haizhu", "pajoe" and "pazhou"."""
    key = word.lower()
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key


class SoundAlikes:
    """The knowledge's names by how they sound."""

    def __init__(self, words: Iterable[str]) -> None:
        self._names: dict[str, str] = {}
        for word in sorted(words):
            if len(word) >= MIN_NAME and word.isalpha() and not is_english_word(word):
                self._names.setdefault(sound_key(word), word)

    def heard(self, text: str) -> str | None:
        """`text` with each name heard as one or two other words ("high zoo") written as the
        knowledge writes it; None when there is none. Punctuation after a name stays."""
        tokens = text.split()
        cores = [_WORD_EDGES.sub("", token).lower() for token in tokens]
        out: list[str] = []
        found = False
        i = 0
        while i < len(tokens):
            pair = cores[i] + cores[i + 1] if i + 1 < len(tokens) else ""
            # not across a comma, nor onto a function word that has a subject after it ("how
            # high can it go"): "what did hi can sign" has none
            after = cores[i + 2] if i + 2 < len(tokens) else ""
            function_word = bool(pair) and cores[i + 1] in STOPWORDS and after in (_SUBJECTS | {""})
            joinable = pair.isalpha() and not _trailing(tokens[i]) and not function_word
            name = self._name_for(pair) if joinable else None
            if name is not None and name != pair:
                out.append(name + _trailing(tokens[i + 1]))
                found, i = True, i + 2
                continue
            word = cores[i].replace("-", "")  # "Hi-Can"
            name = self._name_for(word) if word.isalpha() else None
            if name is not None and name != word and not is_english_word(word):
                out.append(name + _trailing(tokens[i]))  # one word, no word of its own: "pajoe"
                found = True
            else:
                out.append(tokens[i])
            i += 1
        return " ".join(out) if found else None

    def _name_for(self, text: str) -> str | None:
        if len(text) < MIN_NAME:
            return None
        return self._names.get(sound_key(text))


def _trailing(token: str) -> str:
    """The punctuation a token ends with ("zoo?" -> "?")."""
    found = re.search(r"\W+$", token)
    return found.group(0) if found else ""
