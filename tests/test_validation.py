"""Knowledge checks: every rule reports the exact file:line:col, field, message and hint.

Each case under tests/data/bad/<case>/ (and tests/data/warn/<case>/) breaks exactly one rule and
is loaded on its own, with the working directory set to its parent so paths print as
"<case>/article.yaml", the way `newsbot check` shows them to a maintainer.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from bot import snapshots
from bot.cli import main
from bot.knowledge import LoadResult, load_knowledge
from bot.limits import CALLBACK_ID_MAX_BYTES, REPLY_OVERHEAD_CHARS, TELEGRAM_MESSAGE_LIMIT
from bot.restart import forget_all
from bot.text import Normaliser
from bot.validation import NEAR_IDENTICAL, ParsedEntry, ParsedFile, check_across
from bot.yamlio import Mark

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
BAD = DATA / "bad"
WARN = DATA / "warn"
GOOD = DATA / "good"

Load = Callable[[str], LoadResult]

# A valid article file for cases built in tmp_path: url on line 4 (value at column 8),
# the entry on line 8 (id value at column 9), the answer on line 12 (value at column 13).
TEMPLATE = """\
version: 1
article:
  title: {title}
  url: {url}
  publisher: example.org
  date: 2023-05-04
qa:
  - id: {id}
    questions:
      - When did the footbridge open?
      - footbridge opening date
    answer: {answer}
"""
TITLE = "Riverton opens its new footbridge"
URL = "https://example.org/news/footbridge"
PUBLISHER = "example.org"


def write_article(
    folder: Path,
    *,
    title: str = TITLE,
    url: str = URL,
    entry_id: str = "bridge-opening",
    answer: str = "The footbridge opened on May 2, 2023.",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "article.yaml"
    path.write_text(
        TEMPLATE.format(title=title, url=url, id=entry_id, answer=answer), encoding="utf-8"
    )
    return path


def lines(result: LoadResult) -> list[str]:
    return [problem.format() for problem in result.problems]


def entry_ids(result: LoadResult) -> list[str]:
    return [entry.id for entry in result.knowledge.entries]


@pytest.fixture
def bad(monkeypatch: pytest.MonkeyPatch) -> Load:
    """Load one case of tests/data/bad, paths printed relative to tests/data/bad."""
    monkeypatch.chdir(BAD)
    return lambda case: load_knowledge(Path(case))


@pytest.fixture
def warn(monkeypatch: pytest.MonkeyPatch) -> Load:
    monkeypatch.chdir(WARN)
    return lambda case: load_knowledge(Path(case))


@pytest.fixture
def in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Work in tmp_path so knowledge built there prints as 'kb/article.yaml'."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)


# --- YAML itself ----------------------------------------------------------------------------


def test_yaml_syntax_error_is_reported_where_the_parser_stopped(bad: Load) -> None:
    # an unquoted ": " inside the answer; libyaml and pure-Python PyYAML word it differently
    message = (
        "mapping values are not allowed in this context"
        if yaml.__with_libyaml__
        else "mapping values are not allowed here"
    )
    result = bad("syntax")
    assert lines(result) == [f"syntax/article.yaml:12:24: (syntax): {message}"]
    assert result.knowledge.entries == ()


def test_duplicate_key_is_an_error_at_its_second_occurrence(bad: Load) -> None:
    assert lines(bad("duplicate-key")) == [
        "duplicate-key/article.yaml:13:5: qa[0].answer: duplicate key 'answer' "
        "(the later value would silently replace the first)"
    ]


def test_file_that_is_a_list_is_an_error(bad: Load) -> None:
    assert lines(bad("not-a-mapping")) == [
        "not-a-mapping/article.yaml:1:1: (file): "
        "expected a mapping with version, article and qa, got a list"
    ]


def test_file_that_is_not_utf8_is_an_error(bad: Load) -> None:
    assert (BAD / "not-utf8" / "article.yaml").read_bytes().count(b"\xe9") == 1  # latin-1 "é"
    assert lines(bad("not-utf8")) == [
        "not-utf8/article.yaml:1:1: (file): not UTF-8 text: invalid continuation byte"
    ]


def test_yaml_alias_bomb_is_refused_as_an_error(bad: Load) -> None:
    # nine levels of ten aliases would expand to a billion strings
    result = bad("alias-bomb")
    assert lines(result) == [
        "alias-bomb/article.yaml:2:49: (syntax): "
        "document too large (aliases expanding without bound?)"
    ]


def test_python_tag_is_refused_as_an_error(bad: Load) -> None:
    assert lines(bad("python-tag")) == [
        "python-tag/article.yaml:12:13: (syntax): could not determine a constructor "
        "for the tag 'tag:yaml.org,2002:python/name:os.system'"
    ]


def test_python_object_apply_tag_is_never_executed(in_tmp: Path) -> None:
    marker = in_tmp / "executed"
    write_article(in_tmp / "kb", answer=f'!!python/object/apply:os.system ["touch {marker}"]')
    result = load_knowledge(Path("kb"))
    assert not marker.exists()
    assert [(p.line, p.field) for p in result.errors] == [(12, "qa[0].answer")]
    assert result.knowledge.entries == ()


# --- the file's shape -----------------------------------------------------------------------


def test_missing_version_is_an_error_where_the_document_starts(bad: Load) -> None:
    # line 1 is a comment, so the document (and the error) starts on line 2
    assert lines(bad("missing-version")) == [
        "missing-version/article.yaml:2:1: (file): missing 'version' "
        "(add 'version: 1' at the top of the file)"
    ]


def test_unsupported_version_is_an_error(bad: Load) -> None:
    assert lines(bad("unsupported-version")) == [
        "unsupported-version/article.yaml:1:10: version: unsupported version 2 "
        "(this newsbot reads version 1)"
    ]


def test_missing_article_is_an_error(bad: Load) -> None:
    result = bad("missing-article")
    assert lines(result) == [
        "missing-article/article.yaml:1:1: (file): missing 'article' "
        "(add the article's title, url, publisher and date)"
    ]
    assert result.knowledge.entries == ()  # answers without a source are never served


def test_missing_qa_is_an_error(bad: Load) -> None:
    assert lines(bad("missing-qa")) == [
        "missing-qa/article.yaml:1:1: (file): missing 'qa' "
        "(add the question-and-answer entries under 'qa:')"
    ]


def test_unknown_key_lists_the_allowed_keys(bad: Load) -> None:
    assert lines(bad("unknown-key")) == [
        "unknown-key/article.yaml:14:5: qa[1].source: unknown key 'source' "
        "(allowed: id, questions, answer, draft, not_in_article)"
    ]


def test_misspelt_key_suggests_the_intended_key_and_the_entry_misses_it(bad: Load) -> None:
    result = bad("misspelt-key")
    assert lines(result) == [
        "misspelt-key/article.yaml:8:5: qa[0]: missing 'answer' "
        "(write the fact the user should get)",
        "misspelt-key/article.yaml:12:5: qa[0].answr: unknown key 'answr' (did you mean 'answer'?)",
    ]
    assert entry_ids(result) == ["bridge-length"]


# --- the article ----------------------------------------------------------------------------


def test_link_without_http_scheme_is_an_error(bad: Load) -> None:
    result = bad("bad-url")
    assert lines(result) == [
        "bad-url/article.yaml:4:8: article.url: not an http(s) URL: "
        "'www.example.org/news/footbridge' (write it as https://...)"
    ]
    assert result.knowledge.articles == ()


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/news/footbridge",
        "mailto:news@example.org",
        "javascript:alert(1)",
        "https://",
        "'https://example.org/news/foot bridge'",
        "/news/footbridge",
    ],
)
def test_link_a_browser_cannot_open_is_an_error(in_tmp: Path, url: str) -> None:
    write_article(in_tmp / "kb", url=url)
    shown = url.strip("'")
    assert lines(load_knowledge(Path("kb"))) == [
        f"kb/article.yaml:4:8: article.url: not an http(s) URL: '{shown}' (write it as https://...)"
    ]


@pytest.mark.parametrize("url", ["http://example.org", "https://example.org/a?b=c#d"])
def test_http_and_https_links_are_accepted(in_tmp: Path, url: str) -> None:
    write_article(in_tmp / "kb", url=url)
    assert load_knowledge(Path("kb")).errors == []


def test_date_not_written_as_yyyy_mm_dd_is_an_error(bad: Load) -> None:
    assert lines(bad("bad-date")) == [
        "bad-date/article.yaml:6:9: article.date: not a date: '4 May 2023' "
        "(write it as YYYY-MM-DD, e.g. 2022-02-21)"
    ]


def test_impossible_calendar_date_is_an_error_not_a_crash(in_tmp: Path) -> None:
    path = write_article(in_tmp / "kb")
    path.write_text(path.read_text().replace("2023-05-04", "2023-02-30"))
    assert lines(load_knowledge(Path("kb"))) == [
        "kb/article.yaml:6:9: (syntax): invalid value '2023-02-30': day is out of range for month"
    ]


# --- entries --------------------------------------------------------------------------------


def test_missing_answer_is_an_error_at_the_entry(bad: Load) -> None:
    result = bad("missing-answer")
    assert lines(result) == [
        "missing-answer/article.yaml:13:5: qa[1]: missing 'answer' "
        "(write the fact the user should get)"
    ]
    assert entry_ids(result) == ["bridge-opening"]


def test_empty_answer_is_an_error(bad: Load) -> None:
    result = bad("empty-answer")
    assert lines(result) == [
        "empty-answer/article.yaml:12:13: qa[0].answer: empty answer "
        "(write the fact the user should get)"
    ]
    assert entry_ids(result) == ["bridge-length"]  # the broken entry is left out, not the file


def test_a_question_both_answered_and_left_open_is_an_error(bad: Load) -> None:
    result = bad("left-open-also-answered")
    assert lines(result) == [
        "left-open-also-answered/article.yaml:15:9: qa[0].not_in_article[1]: "
        "'how long is the Footbridge?' is also one of the entry's questions "
        "(a question is either answered or left open: remove it from one of the lists)"
    ]
    assert entry_ids(result) == []


def test_a_question_left_open_that_another_entry_answers_is_an_error_at_each_place(
    bad: Load,
) -> None:
    assert lines(bad("left-open-answered-by-another")) == [
        "left-open-answered-by-another/article.yaml:14:9: qa[0].not_in_article[0]: "
        "'bridge-cost' answers it (left-open-answered-by-another/article.yaml:25) "
        "(a question is either answered or left open: remove it from one of the lists)",
        "left-open-answered-by-another/article.yaml:22:9: qa[1].not_in_article[1]: "
        "'bridge-cost' answers it (left-open-answered-by-another/article.yaml:25) "
        "(a question is either answered or left open: remove it from one of the lists)",
    ]


def test_left_open_questions_written_as_text_are_an_error(bad: Load) -> None:
    assert lines(bad("left-open-not-a-list")) == [
        "left-open-not-a-list/article.yaml:13:21: qa[0].not_in_article: expected a list of "
        "questions, got text (start each with '- ')"
    ]


def test_answer_of_the_wrong_type_is_an_error(bad: Load) -> None:
    assert lines(bad("wrong-type")) == [
        "wrong-type/article.yaml:12:13: qa[0].answer: expected text, got a number "
        "(write the fact the user should get)",
        "wrong-type/article.yaml:18:7: qa[1].answer: expected text, got a mapping "
        "(write the fact the user should get)",
    ]


def test_empty_question_is_an_error(bad: Load) -> None:
    assert lines(bad("empty-question")) == [
        "empty-question/article.yaml:11:8: qa[0].questions[1]: empty question "
        "(delete the line or write the question)"
    ]


def test_questions_written_as_text_instead_of_a_list_is_an_error(bad: Load) -> None:
    assert lines(bad("questions-not-a-list")) == [
        "questions-not-a-list/article.yaml:9:16: qa[0].questions: "
        "expected a list of questions, got text (start each with '- ')"
    ]


def test_draft_that_is_not_true_or_false_is_an_error(bad: Load) -> None:
    assert lines(bad("draft-not-boolean")) == [
        "draft-not-boolean/article.yaml:13:12: qa[0].draft: expected true or false, got text"
    ]


def test_id_with_uppercase_or_spaces_is_an_error(bad: Load) -> None:
    assert lines(bad("invalid-id")) == [
        "invalid-id/article.yaml:8:9: qa[0].id: invalid id 'Bridge Opening' "
        "(use lowercase letters, digits and hyphens)"
    ]


@pytest.mark.parametrize(
    "entry_id", ["bridge_opening", "-bridge", "bridge-", "bridge--opening", "brücke", "park/1"]
)
def test_id_outside_lowercase_digits_and_single_hyphens_is_an_error(
    in_tmp: Path, entry_id: str
) -> None:
    write_article(in_tmp / "kb", entry_id=entry_id)
    assert lines(load_knowledge(Path("kb"))) == [
        f"kb/article.yaml:8:9: qa[0].id: invalid id '{entry_id}' "
        "(use lowercase letters, digits and hyphens)"
    ]


def test_id_over_the_callback_data_budget_is_an_error(bad: Load) -> None:
    assert CALLBACK_ID_MAX_BYTES == 56  # 64 bytes of callback data minus the button prefix
    assert lines(bad("id-too-long")) == [
        "id-too-long/article.yaml:8:9: qa[0].id: id too long for a Telegram button (57 bytes) "
        "(at most 56 bytes fit the 64 bytes of callback data)"
    ]


def test_id_of_exactly_the_callback_data_budget_is_accepted(in_tmp: Path) -> None:
    entry_id = "footbridge-" + "a" * (CALLBACK_ID_MAX_BYTES - len("footbridge-"))
    assert len(entry_id.encode()) == CALLBACK_ID_MAX_BYTES
    write_article(in_tmp / "kb", entry_id=entry_id)
    result = load_knowledge(Path("kb"))
    assert result.errors == []
    assert entry_ids(result) == [entry_id]


def test_answer_that_cannot_fit_one_telegram_message_with_its_link_is_an_error(
    bad: Load,
) -> None:
    budget = TELEGRAM_MESSAGE_LIMIT - REPLY_OVERHEAD_CHARS - len(TITLE) - len(URL)
    budget -= len(PUBLISHER)
    assert budget == 3817
    assert lines(bad("answer-too-long")) == [
        "answer-too-long/article.yaml:12:13: qa[0].answer: answer too long for one Telegram "
        "message (3818 characters; at most 3817 fit with its title and link) "
        "(keep the fact to one or two sentences)"
    ]


def test_answer_that_just_fits_one_telegram_message_is_accepted(in_tmp: Path) -> None:
    budget = TELEGRAM_MESSAGE_LIMIT - REPLY_OVERHEAD_CHARS - len(TITLE) - len(URL)
    budget -= len(PUBLISHER)
    answer = ("The footbridge opened. " * 400)[: budget - 1] + "."
    assert len(answer) == budget
    write_article(in_tmp / "kb", answer=answer)
    assert load_knowledge(Path("kb")).errors == []


def test_longer_title_leaves_less_room_for_the_answer(in_tmp: Path) -> None:
    answer = ("The footbridge opened. " * 400)[:3700]
    write_article(in_tmp / "short", answer=answer)
    write_article(in_tmp / "long", answer=answer, title="Riverton footbridge " * 10)
    assert load_knowledge(Path("short")).errors == []
    assert [p.field for p in load_knowledge(Path("long")).errors] == ["qa[0].answer"]


# --- across entries and files ---------------------------------------------------------------


def test_duplicate_id_across_files_is_an_error_pointing_at_the_first_use(bad: Load) -> None:
    result = bad("duplicate-id")
    assert lines(result) == [
        "duplicate-id/ribbon.yaml:8:5: qa[0].id: duplicate id 'bridge-opening', first used at "
        "duplicate-id/footbridge.yaml:8 (ids must be unique across all files; rename one)"
    ]
    # the first file's entry keeps the id; the second file's entry is not served
    opening = result.knowledge.entry("bridge-opening")
    assert opening is not None
    assert opening.path == "duplicate-id/footbridge.yaml"


def test_duplicate_id_in_the_same_file_is_an_error(bad: Load) -> None:
    assert lines(bad("duplicate-id-same-file")) == [
        "duplicate-id-same-file/article.yaml:13:5: qa[1].id: duplicate id 'bridge-opening', "
        "first used at duplicate-id-same-file/article.yaml:8 "
        "(ids must be unique across all files; rename one)"
    ]


def test_duplicate_question_across_files_is_an_error(bad: Load) -> None:
    # "when did the footbridge open" and "When did the footbridge open?" are the same question
    assert lines(bad("duplicate-question-across-files")) == [
        "duplicate-question-across-files/ribbon.yaml:10:9: qa[0].questions[0]: "
        "same question as 'bridge-opening' (duplicate-question-across-files/footbridge.yaml:10) "
        "(a question may belong to one entry only; delete or rephrase one)"
    ]


def test_duplicate_question_in_another_entry_of_the_same_file_is_an_error(bad: Load) -> None:
    assert lines(bad("duplicate-question-same-file-other-entry")) == [
        "duplicate-question-same-file-other-entry/article.yaml:16:9: qa[1].questions[1]: "
        "same question as 'bridge-opening' "
        "(duplicate-question-same-file-other-entry/article.yaml:10) "
        "(a question may belong to one entry only; delete or rephrase one)"
    ]


# --- synonyms -------------------------------------------------------------------------------


def test_synonym_variant_used_by_two_groups_is_an_error(bad: Load) -> None:
    assert lines(bad("synonyms-conflict")) == [
        "synonyms-conflict/synonyms.yaml:4:17: synonyms.path[1]: "
        "'walkway' is already a variant of 'footbridge' "
        "(a word can be rewritten to one canonical form only)"
    ]


def test_synonym_variant_that_is_another_groups_canonical_form_is_an_error(bad: Load) -> None:
    assert lines(bad("synonyms-variant-is-canonical")) == [
        "synonyms-variant-is-canonical/synonyms.yaml:3:35: synonyms.footbridge[1]: "
        "'bridge' is itself a canonical form (merge the two groups into one)"
    ]


def test_synonym_variants_that_normalise_alike_in_two_groups_are_an_error(in_tmp: Path) -> None:
    write_article(in_tmp / "kb")
    (in_tmp / "kb" / "synonyms.yaml").write_text(
        "version: 1\nsynonyms:\n  science and technology: [sci-tech]\n  scitech: [sci tech]\n",
        encoding="utf-8",
    )
    result = load_knowledge(Path("kb"))
    assert [(p.path, p.line, p.field) for p in result.errors] == [
        ("kb/synonyms.yaml", 4, "synonyms.scitech[0]")
    ]


# --- folders --------------------------------------------------------------------------------


def test_empty_folder_is_an_error(in_tmp: Path) -> None:
    (in_tmp / "kb").mkdir()
    assert lines(load_knowledge(Path("kb"))) == [
        "kb:1:1: (folder): no knowledge entries found "
        "(add one YAML file per article (see README: Editing the knowledge))"
    ]


def test_missing_folder_is_an_error(in_tmp: Path) -> None:
    assert lines(load_knowledge(Path("nowhere"))) == [
        "nowhere:1:1: (folder): knowledge folder not found "
        "(set NEWSBOT_KNOWLEDGE_DIR or run from the project root)"
    ]


def test_hidden_and_non_yaml_files_are_not_read(in_tmp: Path) -> None:
    write_article(in_tmp / "kb")
    (in_tmp / "kb" / "notes.txt").write_text("not: [valid")
    (in_tmp / "kb" / ".drafts").mkdir()
    (in_tmp / "kb" / ".drafts" / "draft.yaml").write_text("not: [valid")
    (in_tmp / "kb" / ".hidden.yaml").write_text("not: [valid")
    result = load_knowledge(Path("kb"))
    assert result.errors == []
    assert entry_ids(result) == ["bridge-opening"]


def test_utf8_bom_and_windows_line_endings_are_accepted(in_tmp: Path) -> None:
    path = write_article(in_tmp / "kb")
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = load_knowledge(Path("kb"))
    assert result.errors == []
    assert entry_ids(result) == ["bridge-opening"]


# --- warnings -------------------------------------------------------------------------------


def test_entry_with_one_phrasing_is_a_warning(warn: Load) -> None:
    result = warn("one-phrasing")
    assert result.errors == []
    assert lines(result) == [
        "one-phrasing/article.yaml:13:5: warning: qa[1].questions: "
        "entry 'bridge-length' has only one phrasing "
        "(add the other ways people ask it, so typos and rewordings still match)"
    ]


def test_a_question_left_open_with_only_the_entry_s_words_is_a_warning(
    warn: Load, tmp_path: Path
) -> None:
    expected = [
        "left-open-in-vain/article.yaml:14:9: warning: qa[0].not_in_article[0]: every word of "
        "it is in the entry's questions, so no question is told apart by it (name what the "
        "article leaves open with a word they lack, such as 'many' or 'next')"
    ]
    assert lines(warn("left-open-in-vain")) == expected
    forget_all()
    load_knowledge(Path("left-open-in-vain"), tmp_path)
    snapshots.flush()
    for whole in tmp_path.glob("knowledge-*.npz"):
        whole.unlink()  # checked again from the file's cached parse, marks and all
    forget_all()
    assert lines(load_knowledge(Path("left-open-in-vain"), tmp_path)) == expected


def _without_percent(line: str) -> str:
    """The similarity percentage comes from tunable normalisation; check it apart."""
    match = re.search(r", (\d+)% alike", line)
    assert match, line
    assert float(match.group(1)) >= NEAR_IDENTICAL
    return line.replace(match.group(0), ", NN% alike")


def test_nearly_identical_questions_of_two_entries_are_warnings(warn: Load) -> None:
    result = warn("near-identical")
    assert result.errors == []
    hint = "(people asking it may get either answer; make the two questions distinct)"
    assert [_without_percent(line) for line in lines(result)] == [
        "near-identical/article.yaml:15:9: warning: qa[1].questions[0]: nearly the same question "
        f"as 'bridge-opening' (near-identical/article.yaml:10), NN% alike {hint}",
        "near-identical/article.yaml:16:9: warning: qa[1].questions[1]: nearly the same question "
        f"as 'bridge-opening' (near-identical/article.yaml:11), NN% alike {hint}",
    ]
    assert entry_ids(result) == ["bridge-opening", "bridge-reopening"]


def _parsed_file(path: str, questions: list[tuple[str, ...]]) -> ParsedFile:
    """A parsed article file with one entry per tuple of phrasings, ids made from its path."""
    entries = [
        ParsedEntry(
            f"{Path(path).stem}-{n}", phrasings, "An answer.", False, Mark(3 + 5 * n, 5),
            tuple(Mark(4 + 5 * n + k, 9) for k in range(len(phrasings))), ("qa", n),
            Mark(3 + 5 * n, 9),
        )
        for n, phrasings in enumerate(questions)
    ]  # fmt: skip
    return ParsedFile(path, None, entries)


def test_near_identical_questions_are_found_across_files_in_a_large_knowledge_base() -> None:
    # 27,405 distinct phrasings from a 30-word vocabulary: well above the 20,000 at which the
    # old pairwise check gave up; thousands of pairs share three of their four words
    vocabulary = (  # noqa: SIM905
        "harbour lantern meadow orchard quarry ribbon saddle timber valley willow anchor basket "
        "candle dragon engine falcon garden hammer island jacket kettle ladder mirror needle "
        "pepper rocket silver tunnel violin wagon"
    ).split()
    phrasings = [" ".join(words) for words in combinations(vocabulary, 4)]
    bulk = [
        _parsed_file(
            f"bulk-{n}.yaml", [tuple(phrasings[i : i + 4]) for i in range(start, start + 400, 4)]
        )
        for n, start in enumerate(range(0, len(phrasings), 400))
    ]
    first = _parsed_file("coast.yaml", [("What is the tallest lighthouse on the northern coast?",)])
    second = _parsed_file(
        "shore.yaml", [("What is the tallest lighthouse on the northern coasts?",)]
    )
    problems = check_across([first, *bulk, second], Normaliser())
    near = [p.format() for p in problems if "as 'coast-0'" in p.message]
    assert [_without_percent(line) for line in near] == [
        "shore.yaml:4:9: warning: qa[0].questions[0]: nearly the same question as 'coast-0' "
        "(coast.yaml:4), NN% alike (people asking it may get either answer; "
        "make the two questions distinct)"
    ]


def test_question_repeated_within_one_entry_is_a_warning(warn: Load) -> None:
    result = warn("repeated-question")
    assert lines(result) == [
        "repeated-question/article.yaml:12:9: warning: qa[0].questions[2]: "
        "repeats an earlier question of the same entry (delete it)"
    ]


# --- reporting ------------------------------------------------------------------------------


def test_all_problems_are_reported_at_once_sorted_by_file_and_line(bad: Load) -> None:
    # article.yaml's duplicate key is found first but printed last: output is sorted;
    # another.yaml's line-8 error comes before article.yaml's line-1 error: by file first
    assert lines(bad("several-errors")) == [
        "several-errors/another.yaml:8:5: qa[0]: missing 'answer' "
        "(write the fact the user should get)",
        "several-errors/article.yaml:1:10: version: unsupported version 3 "
        "(this newsbot reads version 1)",
        "several-errors/article.yaml:3:10: article.title: empty title "
        "(the article's headline as published)",
        "several-errors/article.yaml:4:8: article.url: not an http(s) URL: "
        "'ftp://example.org/footbridge' (write it as https://...)",
        "several-errors/article.yaml:12:13: qa[0].answer: empty answer "
        "(write the fact the user should get)",
        "several-errors/article.yaml:13:9: qa[1].id: invalid id 'Bridge-Length' "
        "(use lowercase letters, digits and hyphens)",
        "several-errors/article.yaml:14:16: qa[1].questions: expected a list of questions, "
        "got text (start each with '- ')",
        "several-errors/article.yaml:16:5: qa[1].answer: duplicate key 'answer' "
        "(the later value would silently replace the first)",
    ]


def test_every_bad_case_has_an_error_and_every_warning_case_only_warnings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(BAD)
    for case in sorted(path.name for path in BAD.iterdir()):
        if case == "alias-bomb":  # slow (seconds) by design; it has its own test
            continue
        assert load_knowledge(Path(case)).errors, f"bad/{case} loads without errors"
    monkeypatch.chdir(WARN)
    for case in sorted(path.name for path in WARN.iterdir()):
        result = load_knowledge(Path(case))
        assert result.errors == [], f"warn/{case} has errors"
        assert result.warnings, f"warn/{case} has no warning"


# --- the knowledge that ships ---------------------------------------------------------------


def test_cli_test_knowledge_is_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    result = load_knowledge(Path("good"))
    assert lines(result) == []
    assert len(result.knowledge.entries) == 4
    assert result.knowledge.synonyms["footbridge"] == (
        "pedestrian bridge",
        "foot bridge",
        "walkway",
    )


def test_shipped_knowledge_has_no_errors_and_no_warnings(
    monkeypatch: pytest.MonkeyPatch, clean_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)
    result = load_knowledge(Path("knowledge"))
    assert lines(result) == []
    assert result.knowledge.entries
    assert main(["check", "--strict"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.endswith(": 0 error(s), 0 warning(s)\n")


def test_duplicate_id_points_at_the_id_lines_even_when_id_is_not_the_first_key(
    in_tmp: Path,
) -> None:
    (in_tmp / "kb").mkdir()
    (in_tmp / "kb" / "a.yaml").write_text(
        "version: 1\n"
        "article:\n"
        "  title: T\n"
        "  url: https://example.org/t\n"
        "  publisher: p\n"
        "  date: 2023-05-04\n"
        "qa:\n"
        "  - questions: [How long is it?, length, how long]\n"
        "    answer: Long.\n"
        "    id: a\n"
        "  - questions: [How wide is it?, width, how wide]\n"
        "    answer: Wide.\n"
        "    id: a\n",
        encoding="utf-8",
    )
    assert [p.format() for p in load_knowledge(Path("kb")).errors] == [
        "kb/a.yaml:13:5: qa[1].id: duplicate id 'a', first used at kb/a.yaml:10 "
        "(ids must be unique across all files; rename one)"
    ]


def test_impossible_calendar_date_as_a_key_is_an_error_not_a_crash(in_tmp: Path) -> None:
    path = write_article(in_tmp / "kb")
    path.write_text(path.read_text() + "2023-02-30: stray\n")
    assert lines(load_knowledge(Path("kb"))) == [
        f"kb/article.yaml:{len(path.read_text().splitlines())}:1: (syntax): invalid key "
        "'2023-02-30': day is out of range for month"
    ]
