"""Where sentences begin and end in news prose: shared by drafting and quoting from articles.

"Feb. 18", "No. 1" and "Co. Ltd" do not end a sentence, decimals such as 1.5 never split, and a
quotation stays in one piece, so a quoted sentence reads as the article printed it.
"""

from __future__ import annotations

import itertools
import re

SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*$""")
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*\s+(?=["“‘(\[]?[A-Z0-9])""")
_ABBREVIATION_LIST = """
jan feb mar apr jun jul aug sep sept oct nov dec no nos co corp inc ltd mr mrs ms dr prof st mt
gen gov sen rep jr sr vs fig vol dept est approx ave rev capt col lt sgt adm messrs
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())


def sentence_starts(text: str) -> list[int]:
    """Where each sentence but the first begins."""
    starts: list[int] = []
    for match in _BOUNDARY.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()].split()
        last = before[-1] if before else ""
        abbreviated = last.lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]|(?:\w\.)+\w", last)
        if not (match.group().strip() == "." and abbreviated):
            starts.append(match.end())
    return starts


def split_sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, a quotation kept whole even when it holds several."""
    cuts = [0, *sentence_starts(paragraph), len(paragraph)]
    pieces = [paragraph[a:b].strip() for a, b in itertools.pairwise(cuts)]
    sentences: list[str] = []
    pending: list[str] = []
    for piece in filter(None, pieces):
        pending.append(piece)
        if quotes_balanced(" ".join(pending)):
            sentences.append(" ".join(pending))
            pending = []
    return sentences + pending  # a quotation never closed: its pieces stay as they were


def quotes_balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")
