"""An article's published text, as pasted from a news page: title, publisher, date, paragraphs.

What `newsbot draft` reads before any fact is picked. A dateline ("chinadaily.com.cn| Updated:
Feb 21, 2022", "By X | Publisher | date") gives the publisher and date; page numbers, image file
names, copyright and share lines are set aside in `dropped`, so nothing vanishes unseen; photo
captions, their credit cut off, are kept apart from the paragraphs, as a caption may only repeat
the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from bot.sentences import SENTENCE_END

# Dates written in full; MONTH_PATTERN and YEAR_PATTERN also find dates in drafting's facts
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

# Lines that are no part of the article: set aside, each kept in ArticleText.dropped
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
