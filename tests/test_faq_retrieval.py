"""benchmarks/faq_retrieval.py: metrics, BM25 and the StackFAQ parser on hand-made data."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.benchmark_module import load_benchmark

faq = load_benchmark("faq_retrieval")

# --- metrics -------------------------------------------------------------------------------

# two of three relevant items found, at ranks 1 and 3; the ranking is shorter than 5
MIXED = (["a", "x", "b", "y"], {"a", "b", "c"})
# the only relevant item at rank 3
LATE = (["x", "y", "a"], {"a"})
# nothing retrieved (the matcher shares no word with the query)
EMPTY: tuple[list[str], set[str]] = ([], {"a", "b"})
# seven relevant items, the first five ranks all relevant
MANY = (["r1", "r2", "r3", "r4", "r5", "x"], {f"r{i}" for i in range(1, 8)})


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        (MIXED, (1 / 1 + 2 / 3) / 3),
        (LATE, 1 / 3),
        (EMPTY, 0.0),
        (MANY, 5 / 7),  # relevant items never retrieved still count in the denominator
    ],
)
def test_average_precision(case: tuple[list[str], set[str]], expected: float) -> None:
    assert faq.average_precision(*case) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("case", "expected"), [(MIXED, 1.0), (LATE, 1 / 3), (EMPTY, 0.0), (MANY, 1.0)]
)
def test_reciprocal_rank(case: tuple[list[str], set[str]], expected: float) -> None:
    assert faq.reciprocal_rank(*case) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("case", "at_1", "at_5", "at_5_min"),
    [
        (MIXED, 1.0, 2 / 5, 2 / 3),  # 3 relevant: P@5 can reach 3/5 at most, P@5min 1
        (LATE, 0.0, 1 / 5, 1.0),
        (EMPTY, 0.0, 0.0, 0.0),
        (MANY, 1.0, 1.0, 1.0),
    ],
)
def test_precision_both_definitions(
    case: tuple[list[str], set[str]], at_1: float, at_5: float, at_5_min: float
) -> None:
    assert faq.precision_at(*case, 1) == pytest.approx(at_1)
    assert faq.precision_at(*case, 5) == pytest.approx(at_5)
    assert faq.precision_at_min(*case, 5) == pytest.approx(at_5_min)


def test_evaluate_averages_over_all_queries_including_empty_rankings() -> None:
    cases = [MIXED, LATE, EMPTY]
    metrics = faq.evaluate([c[0] for c in cases], [c[1] for c in cases])
    assert metrics == pytest.approx(
        {
            "map": (5 / 9 + 1 / 3 + 0) / 3,
            "mrr": (1 + 1 / 3 + 0) / 3,
            "p_at_1": 1 / 3,
            "p_at_5": (2 / 5 + 1 / 5 + 0) / 3,
            "p_at_5_min": (2 / 3 + 1 + 0) / 3,
        }
    )


def test_evaluate_needs_one_relevant_set_per_ranking() -> None:
    with pytest.raises(ValueError, match="one set"):
        faq.evaluate([["a"]], [])


# --- BM25 ----------------------------------------------------------------------------------

CORPUS = [
    "How to delete my Facebook account?",  # 6 tokens
    "Delete a Google account",  # 4 tokens
    "Share a Facebook photo album with friends",  # 7 tokens
]


def test_bm25_ranks_by_shared_rare_words_and_drops_the_rest() -> None:
    bm25 = faq.BM25(CORPUS)
    assert bm25.rank("delete facebook account") == [0, 1, 2]
    # the same term in two documents: the shorter one wins (length normalisation)
    assert bm25.rank("facebook") == [0, 2]
    assert bm25.rank("twitter") == []


def test_bm25_score_is_okapi_with_lucene_idf() -> None:
    bm25 = faq.BM25(CORPUS)
    average = (6 + 4 + 7) / 3
    idf = math.log(1 + (3 - 1 + 0.5) / (1 + 0.5))  # "google": in one document of three
    norm = 1.2 * (1 - 0.75 + 0.75 * 4 / average)
    assert bm25.scores("google") == {1: pytest.approx(idf * 2.2 / (1 + norm))}


def test_bm25_tokenisation_is_plain_unless_stemmed() -> None:
    assert faq.tokenise("Don't DELETE it!") == ["don", "t", "delete", "it"]
    assert faq.BM25(CORPUS).rank("deleting accounts") == []
    stemmed = faq.BM25(CORPUS, faq.stem_tokenise)
    assert stemmed.rank("deleting accounts") == [1, 0]  # document 1 is the shorter
    content = faq.BM25(CORPUS, faq.content_tokenise)
    assert content.rank("how to") == []  # only stopwords and question words


# --- parsing -------------------------------------------------------------------------------

TINY_XML = b"""<root>
<qapair>
<rephr>
How do I cross out text on GitHub?
</rephr>
<rephr>
*
</rephr>
<rephr>
Does the &lt;s&gt; tag   work in markdown?
</rephr>
<rephr>
</rephr>
<question>
Strikethrough with GitHub Markdown
</question>
<answer>
   Use ~~tildes~~.
</answer>
<answer>
   Use &lt;del&gt; ... &lt;/del&gt;.
</answer>
</qapair>
<qapair>
<rephr>
Removing my FB account.
</rephr>
<question>
How do I delete my Facebook account?
</question>
<answer>
   Go to <b>settings</b> and delete it.
</answer>
</qapair>
<qapair>
<rephr>
A thread nobody answered.
</rephr>
<question>
Unanswered question
</question>
</qapair>
</root>
"""


def test_parse_stackfaq_pairs_queries_and_relevance() -> None:
    data = faq.parse_stackfaq(TINY_XML)
    assert [(p.id, p.thread, p.question, p.answer) for p in data.pairs] == [
        ("t001-a01", "t001", "Strikethrough with GitHub Markdown", "Use ~~tildes~~."),
        ("t001-a02", "t001", "Strikethrough with GitHub Markdown", "Use <del> ... </del>."),
        (
            "t002-a01",
            "t002",
            "How do I delete my Facebook account?",
            "Go to settings and delete it.",
        ),
    ]
    # "*" and the empty rephrasing are not queries; whitespace collapses, entities decode
    assert [(q.text, q.thread) for q in data.queries] == [
        ("How do I cross out text on GitHub?", "t001"),
        ("Does the <s> tag work in markdown?", "t001"),
        ("Removing my FB account.", "t002"),
    ]
    assert data.relevant == {
        "t001": frozenset({"t001-a01", "t001-a02"}),
        "t002": frozenset({"t002-a01"}),
    }
    assert (data.threads, data.skipped_threads) == (3, 1)  # the thread without answers


def test_parse_stackfaq_takes_thread_ids_when_present(tmp_path: Path) -> None:
    path = tmp_path / "faq.xml"
    path.write_bytes(
        b'<root><qapair id="fb"><answer>Settings.</answer><question>Delete FB?</question>'
        b"<rephr>Remove facebook</rephr></qapair></root>"
    )
    data = faq.parse_stackfaq(path)
    assert [p.id for p in data.pairs] == ["fb-a01"]
    assert [q.thread for q in data.queries] == ["fb"]


def test_knowledge_base_shows_the_answer_only_when_asked() -> None:
    pairs = faq.parse_stackfaq(TINY_XML).pairs
    assert {e.answer for e in faq.knowledge_base(pairs, "question").entries} == {""}
    both = faq.knowledge_base(pairs, "question+answer")
    assert [e.answer for e in both.entries] == [p.answer for p in pairs]
    assert [e.questions for e in both.entries] == [(p.question,) for p in pairs]


# --- the command ---------------------------------------------------------------------------


def test_main_prints_json_for_every_ranker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stackExchange-FAQ.xml"
    path.write_bytes(TINY_XML)
    assert faq.main([str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["pairs"], result["queries"], result["fields"]) == (3, 3, "question")
    for key in ("map", "mrr", "p_at_1", "p_at_5", "p_at_5_min", "bm25_map", "bm25_mrr"):
        assert 0.0 <= result[key] <= 1.0
    assert set(result["rankers"]) == set(faq.RANKERS)
    # "Removing my FB account." shares "my" and "account" with its own thread
    assert result["rankers"]["bm25"]["found_any"] > 0


def test_main_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "stackExchange-FAQ.xml"
    path.write_bytes(TINY_XML)
    assert faq.main([str(path), "--rankers", "matcher", "bm25", "--fields", "question+answer"]) == 0
    out = capsys.readouterr().out
    assert "our matcher (weighted)" in out
    assert "BM25" in out
    assert "question+answer" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"<root><qapair>", "not well-formed"), (b"<root/>", "no StackFAQ threads")],
)
def test_main_refuses_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "faq.xml"
    path.write_bytes(content)
    assert faq.main([str(path)]) == 2
    assert message in capsys.readouterr().err


def test_main_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert faq.main([str(tmp_path / "missing.xml")]) == 2
    assert "cannot read" in capsys.readouterr().err
