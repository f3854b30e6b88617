"""The JSON Schemas in schema/ that editors use for help and checks while typing.

They must accept every shipped and good knowledge file, reject what `newsbot check` rejects where
a schema can see it (at the same place), and stay in step with bot/validation.py and bot/limits.py.
What only `newsbot check` can see (YAML-level problems, duplicates across entries and files, the
exact answer budget, synonym conflicts) is listed in SCHEMA_CANNOT_SEE.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from bot.cli import main
from bot.knowledge import load_knowledge
from bot.limits import CALLBACK_ID_MAX_BYTES, REPLY_OVERHEAD_CHARS, TELEGRAM_MESSAGE_LIMIT
from bot.validation import (
    ARTICLE_FILE_KEYS,
    ARTICLE_KEYS,
    ENTRY_KEYS,
    ID_PATTERN,
    SYNONYM_FILE_KEYS,
    field_name,
)

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schema"
KNOWLEDGE_DIR = REPO / "knowledge"
DATA = REPO / "tests" / "data"
BAD = DATA / "bad"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
Validator = jsonschema.Draft202012Validator


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    return loaded


def validator(name: str) -> jsonschema.protocols.Validator:
    return Validator(schema(name), format_checker=Validator.FORMAT_CHECKER)


def kind_of(path: Path) -> str:
    return "synonyms" if path.name == "synonyms.yaml" else "knowledge"


def plain(value: Any) -> Any:
    """YAML as an editor's schema check sees it: dates as ISO text, keys as text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def load(path: Path) -> Any:
    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


def schema_fields(errors: Iterator[jsonschema.ValidationError]) -> set[str]:
    """Where the schema sees problems, written as `newsbot check` writes fields."""
    fields: set[str] = set()
    for error in errors:
        where = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
            fields.update(field_name((*where, key)) for key in error.instance if key not in known)
        else:
            fields.add(field_name(where))
    return fields


def problems(name: str, document: Any) -> set[str]:
    return schema_fields(validator(name).iter_errors(document))


# --- the schemas themselves -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["knowledge", "synonyms"])
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    document = schema(name)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Validator.check_schema(document)
    for example in document.get("examples", []):
        validator(name).validate(example)


def subschemas(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema that describes a field: properties, items, map values and key names."""
    if not isinstance(node, dict):
        return
    for key, child in node.get("properties", {}).items():
        yield f"{where}.{key}", child
        yield from subschemas(child, f"{where}.{key}")
    for keyword in ("items", "additionalProperties", "propertyNames"):
        if isinstance(node.get(keyword), dict):
            yield f"{where}[{keyword}]", node[keyword]
            yield from subschemas(node[keyword], f"{where}[{keyword}]")
    for key, child in node.get("$defs", {}).items():
        yield f"$defs.{key}", child
        yield from subschemas(child, f"$defs.{key}")


@pytest.mark.parametrize("name", ["knowledge", "synonyms"])
def test_every_field_has_a_description_and_examples_for_editors(name: str) -> None:
    for where, node in subschemas(schema(name)):
        if "$ref" in node:  # described where it points, under $defs
            continue
        assert node.get("description"), f"{where} has no description"
        assert node.get("examples"), f"{where} has no examples"


@pytest.mark.parametrize("name", ["knowledge", "synonyms"])
def test_every_mapping_says_what_other_keys_it_takes(name: str) -> None:
    for where, node in [("(root)", schema(name)), *subschemas(schema(name))]:
        if node.get("type") == "object":
            extra = node.get("additionalProperties")
            assert extra is False or isinstance(extra, dict), f"{where} allows any key"


def test_knowledge_schema_follows_the_validator_and_the_limits() -> None:
    document = schema("knowledge")
    article = document["$defs"]["article"]
    entry = document["$defs"]["entry"]
    assert set(document["properties"]) == set(ARTICLE_FILE_KEYS)
    assert set(article["properties"]) == set(ARTICLE_KEYS)
    assert set(entry["properties"]) == set(ENTRY_KEYS)
    assert entry["properties"]["id"]["pattern"] == ID_PATTERN.pattern
    assert entry["properties"]["id"]["maxLength"] == CALLBACK_ID_MAX_BYTES
    answer_limit = TELEGRAM_MESSAGE_LIMIT - REPLY_OVERHEAD_CHARS
    assert entry["properties"]["answer"]["maxLength"] == answer_limit
    assert str(CALLBACK_ID_MAX_BYTES) in entry["properties"]["id"]["description"]
    assert str(answer_limit) in entry["properties"]["answer"]["description"]


def test_synonyms_schema_follows_the_validator() -> None:
    assert set(schema("synonyms")["properties"]) == set(SYNONYM_FILE_KEYS)


# --- the shipped files ----------------------------------------------------------------------

SHIPPED = sorted(KNOWLEDGE_DIR.glob("*.yaml"))


def test_there_are_shipped_files_of_both_kinds() -> None:
    assert {kind_of(p) for p in SHIPPED} == {"knowledge", "synonyms"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_file_points_editors_to_its_schema_on_the_first_line(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    found = MODELINE.match(first)
    assert found, f"{path.name}: first line is {first!r}"
    target = (path.parent / found.group(1)).resolve()
    assert target == SCHEMAS / f"{kind_of(path)}.schema.json"
    assert target.is_file()


@pytest.mark.parametrize(
    "path",
    [*SHIPPED, *sorted((DATA / "good").glob("*.yaml"))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_knowledge_file_validates_against_its_schema(path: Path) -> None:
    validator(kind_of(path)).validate(load(path))


def test_loader_and_check_strict_accept_the_shipped_files(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in list(os.environ):  # no stray settings, no .env: only the files are judged
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    result = load_knowledge(KNOWLEDGE_DIR)
    assert (result.errors, result.warnings) == ([], [])
    assert main(["check", "--strict", str(KNOWLEDGE_DIR)]) == 0
    assert capsys.readouterr().out == ""


# --- bad documents --------------------------------------------------------------------------

ARTICLE_DOC: dict[str, Any] = {
    "version": 1,
    "article": {
        "title": "Riverton opens its new footbridge",
        "url": "https://example.org/news/footbridge?page=1#top",
        "publisher": "example.org",
        "date": "2023-05-04",
    },
    "qa": [
        {
            "id": "bridge-opening",
            "questions": ["When did the footbridge open?", "footbridge opening date"],
            "answer": "The footbridge opened on May 2, 2023.",
        },
        {
            "id": "bridge-length",
            "questions": ["How long is the footbridge?", "bridge length in metres"],
            "answer": "The footbridge is 240 meters long.",
        },
    ],
}
SYNONYMS_DOC: dict[str, Any] = {
    "version": 1,
    "synonyms": {"footbridge": ["pedestrian bridge", "walkway"], "500000": ["500,000"]},
}

Change = Callable[[dict[str, Any]], None]


def setter(*path: str | int, value: Any) -> Change:
    def change(document: dict[str, Any]) -> None:
        node: Any = document
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return change


def deleter(*path: str | int) -> Change:
    def change(document: dict[str, Any]) -> None:
        node: Any = document
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return change


BAD_ARTICLES: dict[str, tuple[Change, set[str]]] = {
    "unknown top-level key": (setter("author", value="Li Wen"), {"author"}),
    "unknown article key": (setter("article", "summary", value="x"), {"article.summary"}),
    "unknown entry key": (setter("qa", 1, "source", value="p. 2"), {"qa[1].source"}),
    "misspelt entry key": (
        lambda d: d["qa"][0].update(answr=d["qa"][0].pop("answer")),
        {"qa[0]", "qa[0].answr"},
    ),
    "id with capitals and a space": (setter("qa", 0, "id", value="Bridge Opening"), {"qa[0].id"}),
    "id with a double hyphen": (setter("qa", 0, "id", value="bridge--opening"), {"qa[0].id"}),
    "id ending in a hyphen": (setter("qa", 0, "id", value="bridge-"), {"qa[0].id"}),
    "id with an accent": (setter("qa", 0, "id", value="brücke"), {"qa[0].id"}),
    "id longer than a button allows": (
        setter("qa", 0, "id", value="a" * (CALLBACK_ID_MAX_BYTES + 1)),
        {"qa[0].id"},
    ),
    "empty questions": (setter("qa", 0, "questions", value=[]), {"qa[0].questions"}),
    "blank question": (setter("qa", 0, "questions", 1, value="  "), {"qa[0].questions[1]"}),
    "missing question": (setter("qa", 0, "questions", 1, value=None), {"qa[0].questions[1]"}),
    "questions as text": (setter("qa", 0, "questions", value="When?"), {"qa[0].questions"}),
    "empty answer": (setter("qa", 1, "answer", value=""), {"qa[1].answer"}),
    "missing answer": (deleter("qa", 1, "answer"), {"qa[1]"}),
    "answer as a number": (setter("qa", 1, "answer", value=240), {"qa[1].answer"}),
    "draft not a boolean": (setter("qa", 0, "draft", value="maybe"), {"qa[0].draft"}),
    "ftp url": (setter("article", "url", value="ftp://example.org/x"), {"article.url"}),
    "url without scheme": (setter("article", "url", value="www.example.org/x"), {"article.url"}),
    "javascript url": (setter("article", "url", value="javascript:alert(1)"), {"article.url"}),
    "url without host": (setter("article", "url", value="https://"), {"article.url"}),
    "url with a space": (
        setter("article", "url", value="https://example.org/a b"),
        {"article.url"},
    ),
    "date in words": (setter("article", "date", value="4 May 2023"), {"article.date"}),
    "impossible date": (setter("article", "date", value="2023-02-30"), {"article.date"}),
    "blank title": (setter("article", "title", value=" "), {"article.title"}),
    "missing publisher": (deleter("article", "publisher"), {"article"}),
    "version 2": (setter("version", value=2), {"version"}),
    "version as text": (setter("version", value="1"), {"version"}),
    "version true": (setter("version", value=True), {"version"}),
    "missing version": (deleter("version"), {"(file)"}),
    "no entries": (setter("qa", value=[]), {"qa"}),
}
BAD_SYNONYMS: dict[str, tuple[Change, set[str]]] = {
    "unknown key": (setter("synonym", value={}), {"synonym"}),
    "variants as text": (
        setter("synonyms", "footbridge", value="walkway"),
        {"synonyms.footbridge"},
    ),
    "empty variant": (setter("synonyms", "footbridge", 1, value=""), {"synonyms.footbridge[1]"}),
    "version 2": (setter("version", value=2), {"version"}),
    "missing synonyms": (deleter("synonyms"), {"(file)"}),
    "synonyms not a mapping": (setter("synonyms", value=["walkway"]), {"synonyms"}),
}


def write(folder: Path, name: str, document: Any) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")


def test_the_base_documents_are_valid_for_both(tmp_path: Path) -> None:
    assert problems("knowledge", ARTICLE_DOC) == set()
    assert problems("synonyms", SYNONYMS_DOC) == set()
    write(tmp_path, "article.yaml", ARTICLE_DOC)
    write(tmp_path, "synonyms.yaml", SYNONYMS_DOC)
    assert load_knowledge(tmp_path).errors == []


@pytest.mark.parametrize(
    "accepted",
    [
        setter("qa", 0, "draft", value=True),
        setter("article", "text", value="The full text of the article."),
        setter("article", "text", value=None),
        setter("$schema", value="../schema/knowledge.schema.json"),
        setter("article", "url", value="http://en.haizhu.gov.cn/2022-02/21/c_713394.htm"),
    ],
    ids=["draft", "text", "empty-text", "schema-key", "plain-http"],
)
def test_optional_fields_are_accepted(accepted: Change) -> None:
    document = copy.deepcopy(ARTICLE_DOC)
    accepted(document)
    assert problems("knowledge", document) == set()


def rejected_by_both(
    kind: str, base: dict[str, Any], change: Change, fields: set[str], tmp_path: Path
) -> None:
    document = copy.deepcopy(base)
    change(document)
    assert problems(kind, document) == fields
    write(tmp_path, "synonyms.yaml" if kind == "synonyms" else "article.yaml", document)
    assert {p.field for p in load_knowledge(tmp_path).errors} == fields


@pytest.mark.parametrize(("change", "fields"), BAD_ARTICLES.values(), ids=BAD_ARTICLES)
def test_bad_article_document_is_rejected_by_schema_and_validator_at_the_same_field(
    change: Change, fields: set[str], tmp_path: Path
) -> None:
    rejected_by_both("knowledge", ARTICLE_DOC, change, fields, tmp_path)


@pytest.mark.parametrize(("change", "fields"), BAD_SYNONYMS.values(), ids=BAD_SYNONYMS)
def test_bad_synonyms_document_is_rejected_by_schema_and_validator_at_the_same_field(
    change: Change, fields: set[str], tmp_path: Path
) -> None:
    rejected_by_both("synonyms", SYNONYMS_DOC, change, fields, tmp_path)


def test_a_variant_that_is_a_number_is_rejected_by_both(tmp_path: Path) -> None:
    """The one place they point differently: the validator at the list, the schema at the item."""
    document = copy.deepcopy(SYNONYMS_DOC)
    document["synonyms"]["500000"] = [500000]
    assert problems("synonyms", document) == {"synonyms.500000[0]"}
    write(tmp_path, "synonyms.yaml", document)
    assert {p.field for p in load_knowledge(tmp_path).errors} == {"synonyms.500000"}


# --- the validator's own bad cases (tests/data/bad) -----------------------------------------

SCHEMA_AGREES = [
    "bad-date",
    "bad-url",
    "draft-not-boolean",
    "empty-answer",
    "empty-question",
    "id-too-long",
    "invalid-id",
    "left-open-not-a-list",
    "missing-answer",
    "missing-article",
    "missing-qa",
    "missing-version",
    "misspelt-key",
    "not-a-mapping",
    "questions-not-a-list",
    "several-errors",  # its other file is a YAML syntax error: compared on the readable one
    "unknown-key",
    "unsupported-version",
    "wrong-type",
]
YAML_ONLY = {"duplicate key 'answer'"}  # several-errors repeats a key, which a loader hides
YAML_LEVEL = {"alias-bomb", "not-utf8", "python-tag", "syntax"}
SCHEMA_CANNOT_SEE = {
    "alias-bomb": "YAML-level: our loader refuses the aliases before any schema applies",
    "not-utf8": "YAML-level: not text",
    "python-tag": "YAML-level: safe loading refuses the tag",
    "syntax": "YAML-level: not YAML",
    "duplicate-key": "YAML loaders keep the last value; only newsbot check sees the first",
    "duplicate-id": "uniqueness across files",
    "duplicate-id-same-file": "uniqueness across entries",
    "duplicate-question-across-files": "uniqueness across files",
    "duplicate-question-same-file-other-entry": "uniqueness across entries",
    "answer-too-long": "the budget depends on the article's title, url and publisher",
    "left-open-also-answered": "a question in two lists of one entry",
    "left-open-answered-by-another": "a question one entry answers and another leaves open",
    "synonyms-conflict": "a variant under two canonical forms",
    "synonyms-variant-is-canonical": "a variant that is another group's canonical form",
}


def test_every_bad_case_says_whether_the_schema_can_see_it() -> None:
    cases = {p.name for p in BAD.iterdir() if p.is_dir()}
    unclassified = cases - set(SCHEMA_AGREES) - set(SCHEMA_CANNOT_SEE)
    assert not unclassified, "add to SCHEMA_AGREES or SCHEMA_CANNOT_SEE in tests/test_schema.py"
    assert not (set(SCHEMA_AGREES) | set(SCHEMA_CANNOT_SEE)) - cases


@pytest.fixture
def in_bad(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths print as "<case>/article.yaml", as in tests/test_validation.py."""
    monkeypatch.chdir(BAD)


@pytest.mark.usefixtures("in_bad")
@pytest.mark.parametrize("case", SCHEMA_AGREES)
def test_schema_and_validator_reject_the_same_fields_of_a_bad_case(case: str) -> None:
    errors = load_knowledge(Path(case)).errors
    compared = 0
    for path in sorted(Path(case).glob("*.yaml")):
        try:
            document = load(path)
        except yaml.YAMLError:
            continue
        shown = os.path.join(case, path.name)
        ours = {p.field for p in errors if p.path == shown and p.message not in YAML_ONLY}
        assert ours, f"newsbot check finds nothing in {path}"
        assert problems(kind_of(path), document) == ours, path
        compared += 1
    assert compared


@pytest.mark.usefixtures("in_bad")
@pytest.mark.parametrize("case", sorted(set(SCHEMA_CANNOT_SEE) - YAML_LEVEL))
def test_schema_accepts_what_only_check_sees_so_check_must_still_run(case: str) -> None:
    assert load_knowledge(Path(case)).errors
    for path in sorted(Path(case).glob("*.yaml")):
        assert problems(kind_of(path), load(path)) == set(), path


@pytest.mark.parametrize("case", sorted(p.name for p in (DATA / "warn").iterdir() if p.is_dir()))
def test_files_with_only_warnings_are_valid_for_the_schema(case: str) -> None:
    for path in sorted((DATA / "warn" / case).glob("*.yaml")):
        assert problems(kind_of(path), load(path)) == set(), path
