"""Checks on parsed knowledge files; problems read like a compiler's: file:line:col and a hint."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot import nearduplicates
from bot.limits import (
    CALLBACK_ID_MAX_BYTES,
    REPLY_OVERHEAD_CHARS,
    TELEGRAM_MESSAGE_LIMIT,
)
from bot.nearduplicates import TextNumbers, near_duplicates
from bot.text import Normaliser, basic_normalise
from bot.yamlio import LoadedYaml, Mark, Path_

Severity = Literal["error", "warning"]
SUPPORTED_VERSIONS = (1,)
NEAR_IDENTICAL = nearduplicates.NEAR_IDENTICAL  # token_sort_ratio of the same question
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

ARTICLE_FILE_KEYS = ("version", "article", "qa", "$schema")
ARTICLE_KEYS = ("title", "url", "publisher", "date", "text")
ENTRY_KEYS = ("id", "questions", "answer", "draft", "not_in_article")
SYNONYM_FILE_KEYS = ("version", "synonyms", "$schema")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the knowledge, located and explained."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    def format(self) -> str:
        level = "warning: " if self.severity == "warning" else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.column}: {level}{self.field}: {self.message}{hint}"


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    url: str
    publisher: str
    date: dt.date
    text: str | None


@dataclass(frozen=True)
class ParsedEntry:
    id: str
    questions: tuple[str, ...]
    answer: str
    draft: bool
    mark: Mark
    question_marks: tuple[Mark, ...]
    where: Path_  # ("qa", 3)
    id_mark: Mark
    not_in_article: tuple[str, ...] = ()
    not_in_article_marks: tuple[Mark, ...] = ()

    @property
    def field(self) -> str:
        return field_name(self.where)


@dataclass
class ParsedFile:
    """What a valid-enough file contributes; entries with errors are left out."""

    path: str
    article: ParsedArticle | None = None
    entries: list[ParsedEntry] = field(default_factory=list)
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)


def is_http_url(url: str) -> bool:
    """Only links a Telegram user can open in a browser: http(s) with a host, no spaces."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not re.search(r"\s", url)


def field_name(path: Path_) -> str:
    """Write a data path the way a maintainer reads it: qa[3].answer."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(file)"


def type_name(value: Any) -> str:
    """What a YAML value is, in the words a maintainer reads in a problem line."""
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list"}
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    return names.get(type(value), type(value).__name__)


def _closest(word: str, choices: Iterable[str]) -> str | None:
    found = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=60)
    return found[0] if found else None


class _FileChecker:
    """Collects the problems of one file while extracting its content."""

    def __init__(self, path: str, loaded: LoadedYaml) -> None:
        self.path = path
        self.loaded = loaded
        self.problems: list[Problem] = []

    def report(
        self,
        where: Path_,
        message: str,
        hint: str = "",
        severity: Severity = "error",
        at_key: bool = False,
    ) -> None:
        mark = self.loaded.key_mark(where) if at_key else self.loaded.mark(where)
        problem = Problem(
            self.path, mark.line, mark.column, field_name(where), message, hint, severity
        )
        self.problems.append(problem)

    def mapping(self, value: Any, where: Path_, allowed: tuple[str, ...], what: str) -> bool:
        if not isinstance(value, dict):
            self.report(where, f"expected {what}, got {type_name(value)}")
            return False
        for key in value:
            if str(key) not in allowed:
                suggestion = _closest(str(key), allowed)
                hint = (
                    f"did you mean '{suggestion}'?"
                    if suggestion
                    else f"allowed: {', '.join(allowed)}"
                )
                self.report((*where, str(key)), f"unknown key '{key}'", hint, at_key=True)
        return True

    def text(self, parent: Mapping[str, Any], where: Path_, hint: str) -> str | None:
        key = str(where[-1])
        if key not in parent:
            self.report(where[:-1], f"missing '{key}'", hint)
            return None
        value = parent[key]
        if value is None or (isinstance(value, str) and not value.strip()):
            self.report(where, f"empty {key}", hint)
            return None
        if not isinstance(value, str):
            self.report(where, f"expected text, got {type_name(value)}", hint)
            return None
        return value.strip()

    def duplicate_keys(self) -> None:
        for where, mark in self.loaded.duplicate_keys:
            key = where[-1]
            self.problems.append(
                Problem(
                    self.path, mark.line, mark.column, field_name(where),
                    f"duplicate key '{key}'", "the later value would silently replace the first",
                )
            )  # fmt: skip

    def version(self, data: Mapping[str, Any]) -> None:
        if "version" not in data:
            self.report((), "missing 'version'", "add 'version: 1' at the top of the file")
        elif data["version"] not in SUPPORTED_VERSIONS or isinstance(data["version"], bool):
            self.report(
                ("version",),
                f"unsupported version {data['version']!r}",
                f"this newsbot reads version {', '.join(map(str, SUPPORTED_VERSIONS))}",
            )


def check_article_file(path: str, loaded: LoadedYaml) -> tuple[ParsedFile, list[Problem]]:
    """Check one article's knowledge file and return its usable content with every problem."""
    checker = _FileChecker(path, loaded)
    parsed = ParsedFile(path)
    checker.duplicate_keys()
    data = loaded.data
    if not checker.mapping(data, (), ARTICLE_FILE_KEYS, "a mapping with version, article and qa"):
        return parsed, checker.problems
    checker.version(data)
    parsed.article = _check_article(checker, data)
    if "qa" not in data:
        checker.report((), "missing 'qa'", "add the question-and-answer entries under 'qa:'")
    elif not isinstance(data["qa"], list) or not data["qa"]:
        checker.report(("qa",), "expected a list of entries", "each entry starts with '- id: ...'")
    else:
        for index, item in enumerate(data["qa"]):
            entry = _check_entry(checker, item, ("qa", index))
            if entry is not None:
                parsed.entries.append(entry)
    if parsed.article is not None:
        _check_reply_lengths(checker, parsed.article, parsed.entries)
    return parsed, checker.problems


def _check_article(checker: _FileChecker, data: Mapping[str, Any]) -> ParsedArticle | None:
    where: Path_ = ("article",)
    if "article" not in data:
        checker.report((), "missing 'article'", "add the article's title, url, publisher and date")
        return None
    article = data["article"]
    if not checker.mapping(
        article, where, ARTICLE_KEYS, "a mapping with title, url, publisher, date"
    ):
        return None
    title = checker.text(article, (*where, "title"), "the article's headline as published")
    url = checker.text(article, (*where, "url"), "the address of the article")
    publisher = checker.text(
        article, (*where, "publisher"), "who published it, e.g. chinadaily.com.cn"
    )
    if url is not None and not is_http_url(url):
        checker.report((*where, "url"), f"not an http(s) URL: '{url}'", "write it as https://...")
        url = None
    date = _check_date(checker, article, (*where, "date"))
    text = article.get("text")
    if text is not None and not isinstance(text, str):
        checker.report((*where, "text"), f"expected text, got {type_name(text)}")
        text = None
    if title is None or url is None or publisher is None or date is None:
        return None
    return ParsedArticle(title, url, publisher, date, text)


def _check_date(checker: _FileChecker, article: Mapping[str, Any], where: Path_) -> dt.date | None:
    hint = "write it as YYYY-MM-DD, e.g. 2022-02-21"
    if "date" not in article:
        checker.report(where[:-1], "missing 'date'", hint)
        return None
    value = article["date"]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    checker.report(where, f"not a date: '{value}'", hint)
    return None


def _check_entry(checker: _FileChecker, item: Any, where: Path_) -> ParsedEntry | None:
    if not checker.mapping(item, where, ENTRY_KEYS, "an entry with id, questions and answer"):
        return None
    ok = True
    entry_id = checker.text(item, (*where, "id"), "a short stable name such as 'park-area'")
    if entry_id is not None and not ID_PATTERN.match(entry_id):
        checker.report(
            (*where, "id"), f"invalid id '{entry_id}'", "use lowercase letters, digits and hyphens"
        )
        ok = False
    elif entry_id is not None and len(entry_id.encode()) > CALLBACK_ID_MAX_BYTES:
        checker.report(
            (*where, "id"),
            f"id too long for a Telegram button ({len(entry_id.encode())} bytes)",
            f"at most {CALLBACK_ID_MAX_BYTES} bytes fit the 64 bytes of callback data",
        )
        ok = False
    questions, marks = _check_questions(checker, item, (*where, "questions"))
    answer = checker.text(item, (*where, "answer"), "write the fact the user should get")
    left_open = _check_left_open(checker, item, (*where, "not_in_article"), questions)
    draft = item.get("draft", False)
    if not isinstance(draft, bool):
        checker.report((*where, "draft"), f"expected true or false, got {type_name(draft)}")
        ok = False
    elif draft:  # a warning, not an error: the rest loads, and the matcher skips drafts
        checker.report(
            (*where, "draft"),
            f"draft entry '{entry_id or '?'}' is not answered yet",
            "rewrite the answer in your own words, add phrasings, then remove 'draft: true'",
            "warning",
            at_key=True,
        )
    if not ok or entry_id is None or answer is None or not questions or left_open is None:
        return None
    mark = checker.loaded.mark(where)
    id_mark = checker.loaded.key_mark((*where, "id"))
    return ParsedEntry(
        entry_id, tuple(questions), answer, bool(draft), mark, tuple(marks), where, id_mark,
        *left_open,
    )  # fmt: skip


def _check_questions(
    checker: _FileChecker, item: Mapping[str, Any], where: Path_
) -> tuple[list[str], list[Mark]]:
    hint = "list the ways people ask it, the main question first"
    if "questions" not in item:
        checker.report(where[:-1], "missing 'questions'", hint)
        return [], []
    value = item["questions"]
    if isinstance(value, str):
        checker.report(where, "expected a list of questions, got text", "start each with '- '")
        return [], []
    if not isinstance(value, list) or not value:
        checker.report(where, f"expected a list of questions, got {type_name(value)}", hint)
        return [], []
    return _question_items(checker, value, where)


def _question_items(
    checker: _FileChecker, value: list[Any], where: Path_
) -> tuple[list[str], list[Mark]]:
    questions: list[str] = []
    marks: list[Mark] = []
    written = checker.loaded.item_marks(where)  # one look-up for the list, not one per item
    for index, question in enumerate(value):
        place = (*where, index)
        if question is None or (isinstance(question, str) and not question.strip()):
            checker.report(place, "empty question", "delete the line or write the question")
        elif not isinstance(question, str):
            checker.report(place, f"expected text, got {type_name(question)}", "quote it")
        else:
            questions.append(question.strip())
            marks.append(written[index])
    return questions, marks


def _check_left_open(
    checker: _FileChecker, item: Mapping[str, Any], where: Path_, asked: list[str]
) -> tuple[tuple[str, ...], tuple[Mark, ...]] | None:
    """The questions the article leaves open near this entry (optional), None when any is
    broken; none may be one the entry answers, or the bot would both answer and decline it."""
    if "not_in_article" not in item:
        return (), ()
    value = item["not_in_article"]
    hint = "list questions people ask here that the article does not answer"
    if isinstance(value, str):
        checker.report(where, "expected a list of questions, got text", "start each with '- '")
        return None
    if not isinstance(value, list) or not value:
        checker.report(where, f"expected a list of questions, got {type_name(value)}", hint)
        return None
    left_open, marks = _question_items(checker, value, where)
    answered = {" ".join(q.casefold().split()) for q in asked}
    also = [
        index
        for index, question in enumerate(value)
        if isinstance(question, str) and " ".join(question.casefold().split()) in answered
    ]
    for index in also:
        checker.report(
            (*where, index),
            f"'{' '.join(value[index].split())}' is also one of the entry's questions",
            "a question is either answered or left open: remove it from one of the lists",
        )
    return (tuple(left_open), tuple(marks)) if len(left_open) == len(value) and not also else None


def _check_reply_lengths(
    checker: _FileChecker, article: ParsedArticle, entries: list[ParsedEntry]
) -> None:
    budget = TELEGRAM_MESSAGE_LIMIT - REPLY_OVERHEAD_CHARS - len(article.title) - len(article.url)
    budget -= len(article.publisher)
    for entry in entries:
        if len(entry.answer) > budget:
            checker.report(
                (*entry.where, "answer"),
                f"answer too long for one Telegram message ({len(entry.answer)} characters; "
                f"at most {budget} fit with its title and link)",
                "keep the fact to one or two sentences",
            )


def check_synonym_file(path: str, loaded: LoadedYaml) -> tuple[ParsedFile, list[Problem]]:
    """Check the maintainers' synonyms: canonical form -> list of variants rewritten to it."""
    checker = _FileChecker(path, loaded)
    parsed = ParsedFile(path)
    checker.duplicate_keys()
    data = loaded.data
    if not checker.mapping(data, (), SYNONYM_FILE_KEYS, "a mapping with version and synonyms"):
        return parsed, checker.problems
    checker.version(data)
    groups = data.get("synonyms")
    if not isinstance(groups, dict):
        checker.report(
            ("synonyms",) if "synonyms" in data else (),
            "expected a mapping of canonical words to lists of variants",
            "e.g. 'artificial intelligence: [ai, a.i.]'",
        )
        return parsed, checker.problems
    seen: dict[str, str] = {}  # compared as matching sees them: "sci-tech" is "sci tech"
    canonical_forms = {basic_normalise(str(c)): str(c) for c in groups}
    for canonical, variants in groups.items():
        where: Path_ = ("synonyms", str(canonical))
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            checker.report(where, "expected a list of variants", "e.g. [ai, a.i.]")
            continue
        for index, variant in enumerate(variants):
            key = basic_normalise(variant)
            if not key:
                checker.report((*where, index), "empty variant", "delete it")
            elif key in seen and seen[key] != str(canonical):
                checker.report(
                    (*where, index),
                    f"'{variant}' is already a variant of '{seen[key]}'",
                    "a word can be rewritten to one canonical form only",
                )
            elif canonical_forms.get(key, str(canonical)) != str(canonical):
                checker.report(
                    (*where, index),
                    f"'{variant}' is itself a canonical form",
                    "merge the two groups into one",
                )
            else:
                seen[key] = str(canonical)
        parsed.synonyms[str(canonical)] = tuple(v.strip() for v in variants if v.strip())
    return parsed, checker.problems


def check_across(
    files: list[ParsedFile], normaliser: Normaliser, near: bool = True
) -> list[Problem]:
    """Problems that only show across entries and files: duplicate ids and shared questions,
    and with `near` the warnings about nearly the same questions.

    Runs at every load, so it is linear in the knowledge and redoes little for an edit: each
    file's normalised questions are kept while its parse is (`_file_keys`), duplicates are
    found with numpy over ids of texts, and near-identical phrasings come from blocks kept
    between loads (bot/nearduplicates.py).
    """
    _next_pass()
    checked = [_file_keys(parsed, normaliser) for parsed in files]
    problems = [problem for keys in checked for problem in keys.lonely]
    ids = [entry_id for keys in checked for entry_id in keys.entry_ids]
    if len(set(ids)) == len(ids):
        kept = [np.arange(len(keys.entry_ids)) for keys in checked]
    else:
        kept = _unique_ids(files, problems)
    # every question of the kept entries, as text numbers, with its entry and place in it
    questions, sizes = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]
    for keys, numbers in zip(checked, kept, strict=True):
        if len(numbers) == len(keys.entry_ids):
            questions.append(keys.ids)
        else:
            questions.append(keys.ids[np.repeat(keys.kept(numbers), keys.counts)])
        sizes.append(keys.counts[numbers])
    text_ids, counts = np.concatenate(questions), np.concatenate(sizes)
    entry_starts = np.cumsum([0] + [len(n) for n in kept])
    owners = np.repeat(np.arange(len(counts)), counts)
    within = np.arange(len(text_ids)) - np.repeat(np.cumsum(counts) - counts, counts)

    def owner(position: int) -> tuple[ParsedFile, ParsedEntry]:
        return owners_of([position])[position]

    def owners_of(positions: list[int]) -> dict[int, tuple[ParsedFile, ParsedEntry]]:
        """The file and entry each of these questions belongs to."""
        numbers = owners[positions]
        in_file = np.searchsorted(entry_starts, numbers, side="right") - 1
        found = {}
        for position, number, file in zip(
            positions, numbers.tolist(), in_file.tolist(), strict=True
        ):
            parsed = files[file]
            found[position] = parsed, parsed.entries[int(kept[file][number - entry_starts[file]])]
        return found

    # the first time each text is asked owns it; later ones repeat it
    unique, firsts = np.unique(text_ids, return_index=True)
    first_at = np.zeros(len(_texts.names), dtype=np.int64)
    first_at[unique] = firsts
    for position in np.flatnonzero(first_at[text_ids] != np.arange(len(text_ids))).tolist():
        parsed, entry = owner(position)
        index = int(within[position])
        mark = entry.question_marks[index]
        where = f"{entry.field}.questions[{index}]"
        earlier = int(first_at[text_ids[position]])
        other_parsed, other = owner(earlier)
        if other is not entry:
            other_mark = other.question_marks[int(within[earlier])]
            problems.append(
                Problem(
                    parsed.path, mark.line, mark.column, where,
                    f"same question as '{other.id}' ({other_parsed.path}:{other_mark.line})",
                    "a question may belong to one entry only; delete or rephrase one",
                )
            )  # fmt: skip
        else:
            problems.append(
                Problem(
                    parsed.path, mark.line, mark.column, where,
                    "repeats an earlier question of the same entry", "delete it", "warning",
                )
            )  # fmt: skip
    for parsed, keys in zip(files, checked, strict=True):  # answered by one, left open by another
        for said, entry, index in keys.left_open:
            if not len(text_ids) or text_ids[first_at[said]] != said:
                continue
            other_parsed, other = owner(int(first_at[said]))
            other_mark = other.question_marks[int(within[first_at[said]])]
            mark = entry.not_in_article_marks[index]
            problems.append(
                Problem(
                    parsed.path, mark.line, mark.column, f"{entry.field}.not_in_article[{index}]",
                    f"'{other.id}' answers it ({other_parsed.path}:{other_mark.line})",
                    "a question is either answered or left open: remove it from one of the lists",
                )
            )  # fmt: skip
    if not near:
        return problems
    firsts.sort()
    names = _texts.names
    linked = near_duplicates(names[i] for i in unique.tolist())
    if not linked:
        return problems
    numbers = np.array([_texts.numbers[text] for text in linked], dtype=np.int64)
    shown = firsts[np.isin(text_ids[firsts], numbers)]
    at = {names[int(text_ids[p])]: p for p in shown.tolist()}
    owned = owners_of(list(at.values()))
    for text, position in at.items():
        parsed, entry = owned[position]
        index = int(within[position])
        for other_text, score in linked[text].items():
            later = at.get(other_text)
            if later is None or later < position:
                continue
            other_parsed, other = owned[later]
            if other is entry:
                continue
            other_index = int(within[later])
            other_mark = other.question_marks[other_index]
            problems.append(
                Problem(
                    other_parsed.path, other_mark.line, other_mark.column,
                    f"{other.field}.questions[{other_index}]",
                    f"nearly the same question as '{entry.id}' "
                    f"({parsed.path}:{entry.question_marks[index].line}), {score:.0f}% alike",
                    "people asking it may get either answer; make the two questions distinct",
                    "warning",
                )
            )  # fmt: skip
    return problems


@dataclass(frozen=True)
class _FileKeys:
    """A file's questions, normalised, as numbers in `_texts`, and what each entry alone shows."""

    ids: npt.NDArray[np.int64]  # every question's text, entry after entry
    counts: npt.NDArray[np.int64]  # questions per entry
    entry_ids: list[str]
    lonely: list[Problem]  # entries with a single phrasing, questions left open in vain
    left_open: list[tuple[int, ParsedEntry, int]]  # each question left open: text, entry, index

    def kept(self, kept: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        mask = np.zeros(len(self.entry_ids), dtype=np.bool_)
        mask[kept] = True
        return mask


def _unique_ids(files: list[ParsedFile], problems: list[Problem]) -> list[npt.NDArray[np.int64]]:
    """Report ids used twice; per file, the entries that keep their id (the first of each)."""
    ids: dict[str, tuple[str, Mark]] = {}  # id -> where its "id:" key was written
    kept = []
    for parsed in files:
        numbers = []
        for number, entry in enumerate(parsed.entries):
            if entry.id in ids:
                first_path, first = ids[entry.id]
                problems.append(
                    Problem(
                        parsed.path, entry.id_mark.line, entry.id_mark.column, f"{entry.field}.id",
                        f"duplicate id '{entry.id}', first used at {first_path}:{first.line}",
                        "ids must be unique across all files; rename one",
                    )
                )  # fmt: skip
                continue
            ids[entry.id] = (parsed.path, entry.id_mark)
            numbers.append(number)
        kept.append(np.array(numbers, dtype=np.int64))
    return kept


_texts = TextNumbers()  # a process-wide numbering of normalised questions
_keys_lock = threading.Lock()
_keys: dict[int, tuple[ParsedFile, Normaliser, _FileKeys]] = {}  # id(parsed): this load's
_keys_before: dict[int, tuple[ParsedFile, Normaliser, _FileKeys]] = {}  # and the last load's


def _file_keys(parsed: ParsedFile, normaliser: Normaliser) -> _FileKeys:
    """The file's normalised questions, worked out once per parse (parses are cached)."""
    for memo in (_keys, _keys_before):
        found = memo.get(id(parsed))
        if found is not None and found[0] is parsed and found[1] is normaliser:
            _keys[id(parsed)] = found
            return found[2]
    normalise, number = normaliser.normalise, _texts.number  # 400k phrasings at a cold start
    with _keys_lock:
        numbers = [number(normalise(q)) for entry in parsed.entries for q in entry.questions]
        left_open = [
            (number(normalise(question)), entry, index)
            for entry in parsed.entries
            for index, question in enumerate(entry.not_in_article)
        ]
    lonely = [
        Problem(
            parsed.path, entry.mark.line, entry.mark.column, f"{entry.field}.questions",
            f"entry '{entry.id}' has only one phrasing",
            "add the other ways people ask it, so typos and rewordings still match", "warning",
        )
        for entry in parsed.entries
        if len(entry.questions) == 1
    ]  # fmt: skip
    lonely += _left_open_in_vain(parsed, normaliser)
    keys = _FileKeys(
        np.array(numbers, dtype=np.int64),
        np.array([len(entry.questions) for entry in parsed.entries], dtype=np.int64),
        [entry.id for entry in parsed.entries],
        lonely,
        left_open,
    )
    _keys[id(parsed)] = (parsed, normaliser, keys)
    return keys


def _left_open_in_vain(parsed: ParsedFile, normaliser: Normaliser) -> list[Problem]:
    """Questions left open whose every word is in the entry's own questions: the matcher needs
    a word of their own ("many", "next") to tell them from what the entry answers."""
    found = []
    for entry in parsed.entries:
        if not entry.not_in_article:
            continue
        asked = {term for question in entry.questions for term in normaliser.words(question)}
        for index, (question, mark) in enumerate(
            zip(entry.not_in_article, entry.not_in_article_marks, strict=True)
        ):
            if set(normaliser.words(question)) <= asked:
                found.append(Problem(
                    parsed.path, mark.line, mark.column, f"{entry.field}.not_in_article[{index}]",
                    "every word of it is in the entry's questions, so no question is told apart "
                    "by it", "name what the article leaves open with a word they lack, such as "
                    "'many' or 'next'", "warning",
                ))  # fmt: skip
    return found


def _next_pass() -> None:
    """Start a check: parses not checked since the last one are forgotten after this one."""
    global _keys, _keys_before
    _keys_before, _keys = _keys, {}


def forget() -> None:
    """Forget every remembered file and text (tests and benchmarks mimicking a fresh process)."""
    global _texts, _keys, _keys_before
    _texts, _keys, _keys_before = TextNumbers(), {}, {}
    nearduplicates.forget()
