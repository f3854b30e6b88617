"""At scale: the indexed matcher decides as a scan of every entry would; caches follow content."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot import nearduplicates
from bot.answering import decide
from bot.config import Thresholds
from bot.english import is_english_word
from bot.evaluation import load_cases
from bot.knowledge import forget as forget_load
from bot.knowledge import load_knowledge
from bot.matching import EXACT_FLOOR, Candidate, Matcher
from bot.nearduplicates import BLOCK_PREFIX, NEAR_IDENTICAL, SMALL_BLOCK, NearDuplicates
from bot.parsecache import forget as forget_parses
from bot.snapshots import flush as flush_snapshots
from bot.termtables import forget as forget_terms
from bot.textcache import forget as forget_texts
from bot.textcache import knowledge_normaliser
from bot.typos import PREFIX_CREDIT, TYPO_CREDIT, TypoMender

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = Thresholds()


def load_scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["scale"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


scale = load_scale()


def decision(question: str, matcher: Matcher) -> tuple[str, str | None]:
    reply = decide(question, matcher, THRESHOLDS)
    return reply.status, reply.entry.id if reply.entry else None


def exact_part(candidates: list[Candidate]) -> list[tuple[str, float, str]]:
    return [(c.entry.id, c.score, c.phrasing) for c in candidates if c.score >= EXACT_FLOOR]


@pytest.fixture(scope="module")
def generated() -> tuple[Matcher, list[str]]:
    knowledge, questions = scale.generate(3000, 160, seed=7)
    return Matcher(knowledge), [q.text for q in questions]


def test_indexed_decisions_agree_with_a_scan_of_every_entry(
    generated: tuple[Matcher, list[str]],
) -> None:
    matcher, questions = generated
    reference = matcher.reference()
    same = sum(decision(q, matcher) == decision(q, reference) for q in questions)
    assert same / len(questions) >= 0.99


def test_every_candidate_a_user_could_see_is_the_one_a_scan_finds(
    generated: tuple[Matcher, list[str]],
) -> None:
    matcher, questions = generated
    reference = matcher.reference()
    for question in questions[:60]:
        indexed = matcher.match(question, limit=4)
        scanned = reference.match(question, limit=4)
        assert exact_part(indexed) == exact_part(scanned), question


@pytest.fixture(scope="module")
def shipped() -> Matcher:
    result = load_knowledge(ROOT / "knowledge")
    assert result.errors == []
    return Matcher(result.knowledge)


@pytest.mark.parametrize("path", ["eval/questions.yaml", "eval/holdout.yaml"])
def test_the_shipped_evaluation_sets_get_the_same_candidates_as_a_scan(
    shipped: Matcher, path: str
) -> None:
    reference = shipped.reference()
    for case in load_cases(ROOT / path, shipped.knowledge):
        assert decision(case.question, shipped) == decision(case.question, reference)
        indexed = shipped.match(case.question, limit=10)
        scanned = reference.match(case.question, limit=10)
        assert indexed == scanned, case.question  # a small base: even the weak ones agree


def test_typos_are_mended_as_a_search_over_every_word_with_that_initial_would() -> None:
    rng = random.Random(3)
    letters = "abcdefghijklmnoprstu"
    vocabulary = {
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 11))): f"t{i}"
        for i in range(3000)
    }
    mender = TypoMender(vocabulary)
    words = sorted(vocabulary)
    checked = 0
    for word in words[:400]:
        at = rng.randrange(1, len(word))
        for typo in (word[:at] + word[at + 1 :], word[:at] + "e" + word[at:], word + "ko"):
            if len(typo) < 4 or typo in vocabulary or is_english_word(typo):
                continue  # a real English word is left alone on purpose
            same_start = [w for w in words if w[0] == typo[0]]
            edits = 1 if len(typo) < 8 else 2
            by_edits = process.extractOne(typo, same_start, scorer=OSA.distance, score_cutoff=edits)
            by_ratio = process.extractOne(typo, same_start, scorer=fuzz.ratio, score_cutoff=85)
            expected = (
                by_edits[0] if by_edits else by_ratio[0] if by_ratio and len(typo) >= 7 else None
            )
            got = mender.correct(typo)
            if expected is not None:
                checked += 1
                assert got is not None, typo
                assert got[0] == vocabulary[expected], typo
    assert checked > 300


def test_everyday_english_words_are_never_mended_into_knowledge_words() -> None:
    mender = TypoMender({"list": "list", "plan": "plan", "among": "among", "ceremony": "ceremoni"})
    assert mender.correct("last") is None
    assert mender.correct("play") is None
    assert mender.correct("along") is None
    mended = mender.correct("cerimony")
    assert mended is not None
    assert mended[0] == "ceremoni"


def test_a_rare_english_word_one_letter_from_a_knowledge_word_is_taken_as_a_slip() -> None:
    mender = TypoMender({"capped": "cap", "story": "stori", "cap": "cap"})
    assert mender.correct("caped") is not None  # "caped" is English, but rarely meant
    assert mender.correct("storey") is not None
    assert mender.correct("cape") is None  # common enough to be meant


def test_a_real_word_is_a_longer_form_of_a_knowledge_word_only_by_a_form_ending() -> None:
    mender = TypoMender(
        {"part": "role", "read": "read", "report": "report", "plan": "plan", "sign": "sign"}
    )
    assert mender.correct("party") is None  # another word, not a form of "part"
    assert mender.correct("ready") is None
    assert mender.correct("partner") is None
    assert mender.correct("reported") == ("report", PREFIX_CREDIT)
    assert mender.correct("signers") == ("sign", PREFIX_CREDIT)
    assert mender.correct("plannng") == ("plan", PREFIX_CREDIT)  # a typo: any ending


def test_an_everyday_word_for_people_is_not_a_form_of_what_they_do() -> None:
    """The park's workers are not the work that started; the reporter is not the report."""
    mender = TypoMender({"work": "work", "report": "report", "lead": "lead"})
    assert mender.correct("workers") is None
    assert mender.correct("reporter") is None
    assert mender.correct("leaders") is None


def test_a_slip_of_the_first_letter_is_mended_when_one_knowledge_word_fits() -> None:
    mender = TypoMender({"haizhu": "haizhu", "event": "event", "vent": "vent", "urban": "urban"})
    assert mender.correct("ahizhu") == ("haizhu", TYPO_CREDIT)  # the first two swapped
    assert mender.correct("aizhu") == ("haizhu", TYPO_CREDIT)  # the first one dropped
    assert mender.correct("ruban") == ("urban", TYPO_CREDIT)
    assert mender.correct("veent") == ("vent", TYPO_CREDIT)  # a slip after the first letter first
    two = TypoMender({"xqzit": "x", "yqzit": "y"})
    assert two.correct("qzit") is None  # "xqzit" or "yqzit": two words fit


def test_a_three_letter_slip_is_mended_only_into_the_one_word_a_letter_longer() -> None:
    mender = TypoMender({"park": "park", "many": "mani", "pact": "pact", "pace": "pace"})
    assert mender.correct("prk") == ("park", TYPO_CREDIT)
    assert mender.correct("mny") == ("mani", TYPO_CREDIT)
    assert mender.correct("pac") is None  # "pact" or "pace"
    assert mender.correct("ark") is None  # an English word is meant as written


ARTICLE_FILE = """\
version: 1
article:
  title: Harbor city opens a new bridge
  url: https://example.org/bridge
  publisher: example.org
  date: 2023-05-04
qa:
  - id: bridge-length
    questions:
      - How long is the bridge?
      - bridge length
    answer: {answer}
"""


def snapshot(folder: Path, cache: Path | None) -> tuple[object, ...]:
    result = load_knowledge(folder, cache_dir=cache)
    return (
        [(e.id, e.questions, e.answer, e.line) for e in result.knowledge.entries],
        [p.format() for p in result.problems],
        result.knowledge.fingerprint,
    )


def forget(cache: Path | None = None) -> None:
    """A new process; with `cache`, one whose whole-load snapshots are gone, parses kept."""
    flush_snapshots()
    forget_parses()
    forget_load()
    forget_terms()
    forget_texts()
    for stored in cache.glob("*.npz") if cache is not None else ():
        stored.unlink()


def test_a_cached_parse_is_used_only_for_the_same_contents(tmp_path: Path) -> None:
    folder, cache = tmp_path / "knowledge", tmp_path / "cache"
    folder.mkdir()
    (folder / "bridge.yaml").write_text(ARTICLE_FILE.format(answer="1,200 metres."))
    first = snapshot(folder, cache)
    assert len(list(cache.glob("*.json"))) == 1
    forget(cache)  # a new process: only the disk copy of the parse is left
    assert snapshot(folder, cache) == first
    (folder / "bridge.yaml").write_text(ARTICLE_FILE.format(answer="1,300 metres."))
    edited = snapshot(folder, cache)
    assert edited[0] == [("bridge-length", first[0][0][1], "1,300 metres.", 8)]  # type: ignore[index]
    forget()
    assert snapshot(folder, cache) == edited
    assert snapshot(folder, None) == edited


def test_a_damaged_cache_file_is_parsed_again_and_rewritten(tmp_path: Path) -> None:
    folder, cache = tmp_path / "knowledge", tmp_path / "cache"
    folder.mkdir()
    (folder / "bridge.yaml").write_text(ARTICLE_FILE.format(answer="1,200 metres."))
    first = snapshot(folder, cache)
    (stored,) = cache.glob("*.json")
    for damage in ("", '{"key": "', '{"key": "other", "problems": []}', "[1, 2]"):
        stored.write_text(damage)
        forget(cache)
        assert snapshot(folder, cache) == first
        assert json.loads(stored.read_text())["key"] == stored.stem


def test_problems_come_from_the_cache_as_they_were_found(tmp_path: Path) -> None:
    folder, cache = tmp_path / "knowledge", tmp_path / "cache"
    folder.mkdir()
    (folder / "bridge.yaml").write_text(ARTICLE_FILE.format(answer="[unclosed"))
    (folder / "broken.yaml").write_text("version: 1\narticle: [\n")
    first = snapshot(folder, cache)
    assert any("(syntax)" in line for line in first[1])  # type: ignore[attr-defined]
    forget(cache)
    assert snapshot(folder, cache) == first


def test_problems_across_files_name_the_same_fields_from_cached_parses(tmp_path: Path) -> None:
    folder, cache = tmp_path / "knowledge", tmp_path / "cache"
    folder.mkdir()
    (folder / "bridge.yaml").write_text(ARTICLE_FILE.format(answer="1,200 metres."))
    other = ARTICLE_FILE.format(answer="Two lanes.").replace("bridge-length", "bridge-lanes")
    (folder / "lanes.yaml").write_text(other)
    first = snapshot(folder, cache)
    assert any("qa[0].questions[0]: same question as" in line for line in first[1])  # type: ignore[attr-defined]
    forget(cache)
    assert snapshot(folder, cache) == first


def test_near_duplicates_kept_between_loads_are_those_found_from_scratch() -> None:
    rng = random.Random(3)
    words = "bridge tunnel harbour opening ceremony budget mayor station railway".split()  # noqa: SIM905
    endings = ("open", "opens", "opened", "close")
    texts = [
        " ".join(rng.choice(words) for _ in range(4)) + " " + rng.choice(endings)
        for _ in range(400)
    ]
    kept = NearDuplicates()
    kept.update(texts[:300])
    kept.update(texts[20:320])  # an edit: 20 phrasings gone, 20 new, the rest compared before
    fresh = NearDuplicates()
    fresh.update(texts[20:320])
    assert kept.linked() == fresh.linked()
    assert len(fresh.linked()) > 50


def near_texts(count: int, seed: int) -> list[str]:
    """Phrasings over a few words, so that blocks of every size up to a big one occur."""
    rng = random.Random(seed)
    words = "bridge tunnel harbour opening ceremony budget mayor station".split()  # noqa: SIM905
    endings = ("open", "opens", "opened", "close", "closed")
    return sorted(
        {
            " ".join(rng.choice(words) for _ in range(rng.randint(0, 4)))
            + " "
            + rng.choice(endings)
            for _ in range(count)
        }
    )


def test_near_duplicates_are_the_alike_pairs_sharing_a_block() -> None:
    texts = near_texts(600, 5)

    def blocks(text: str) -> set[tuple[str, ...]]:  # the definition, without hashing
        coarse = sorted(word[:BLOCK_PREFIX] for word in text.split())
        if len(coarse) < 2:
            return {tuple(coarse)}
        return {(*coarse[:i], *coarse[i + 1 :]) for i in range(len(coarse))}

    members: dict[tuple[str, ...], list[str]] = {}
    for text in texts:
        for block in blocks(text):
            members.setdefault(block, []).append(text)
    sizes = [len(group) for group in members.values()]
    assert 2 in sizes  # compared pair by pair
    assert max(sizes) > SMALL_BLOCK  # and block by block
    expected: dict[str, dict[str, float]] = {}
    for group in members.values():
        for first in group:
            for second in group:
                score = fuzz.token_sort_ratio(first, second)
                if first != second and score >= NEAR_IDENTICAL:
                    expected.setdefault(first, {})[second] = score
    found = NearDuplicates()
    found.update(texts)
    assert found.linked() == expected


def test_blocks_worked_out_in_another_process_find_the_same_pairs() -> None:
    texts = near_texts(600, 6)
    alone = NearDuplicates()
    alone.update(texts)
    half = texts[::2]  # the other half is worked out here
    nearduplicates.remember(half, *nearduplicates.blocks_of(half))
    helped = NearDuplicates()
    helped.update(texts)
    assert helped.linked() == alone.linked()
    assert not nearduplicates._remembered  # kept for one update only


def test_remembered_normalised_texts_follow_the_synonyms() -> None:
    with_synonym = knowledge_normaliser({"bridge": ("crossing",)})
    assert with_synonym.normalise("The crossing?") == "the bridge"
    assert knowledge_normaliser({}).normalise("The crossing?") == "the crossing"
    assert (
        knowledge_normaliser({"bridge": ("crossing",)}).normalise("The crossing?") == "the bridge"
    )


def test_an_everyday_word_is_not_taken_for_a_clipped_one() -> None:
    mender = TypoMender({"download": "download", "information": "inform", "particular": "partic"})
    assert mender.correct("down") is None  # "break down" is not "download"
    assert mender.correct("part") is None
    assert mender.correct("info") == ("inform", PREFIX_CREDIT)  # rarer: a clipped word
    assert TypoMender({"shortage": "scarc"}).correct("short") is None  # "a short summary"
