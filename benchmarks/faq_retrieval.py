"""FAQ retrieval on StackFAQ: our matcher against BM25 (and rapidfuzz) on the same rankings.

Usage: python benchmarks/faq_retrieval.py PATH/stackExchange-FAQ.xml
           [--fields question|question+answer] [--rankers NAME ...] [--json]

StackFAQ (Karan & Šnajder 2018) is 125 Stack Exchange web-apps threads. Each thread (`qapair`)
holds one original question, its top answers and user rephrasings of the question (`rephr`; a
lone "*" separates the two groups of rephrasings and is not a query, and the published file has
one empty rephrasing, so 1,249 queries remain). Every (question, answer) pair is one FAQ item,
719 in all; every rephrasing is a query, and its relevant items are all pairs of its own thread.
The data is not shipped with Newsbot (its licence is unclear): download `stackExchange-FAQ.xml`
yourself and pass its path.

Each ranker orders the FAQ items for every query. With `--fields question` (the default) an item
is its question text only; with `question+answer` the matcher also sees the answer (as an entry's
answer, which it credits less than its questions) and BM25 indexes question and answer together.
The rapidfuzz scorers (the matcher's baselines) always compare whole questions. Items a ranker
does not return (the matcher and BM25 only return items sharing a word with the query) count as
not retrieved. Metrics are means over all queries: MAP, MRR, P@1 and P@5, the latter divided by
5 (`p_at_5`) and by min(5, number relevant) (`p_at_5_min`, which can reach 1 for threads with
fewer than five answers). The matcher ranks every item (limit = number of items), so its time
per query is not the bot's: the bot asks for 5 and branch-and-bound skips most entries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.knowledge import Article, Entry, KnowledgeBase
from bot.matching import Matcher
from bot.text import QUESTION_WORDS, STOPWORDS, stem

SEPARATOR = "*"  # the XML's divider between the two groups of rephrasings
FIELDS = ("question", "question+answer")
K = 5
BM25_K1 = 1.2
BM25_B = 0.75
RANKERS = ("matcher", "bm25", "bm25_stem", "bm25_stop_stem", "token_set_ratio", "wratio")
DESCRIPTIONS = {
    "matcher": "our matcher (weighted)",
    "bm25": "BM25",
    "bm25_stem": "BM25 + our stemmer",
    "bm25_stop_stem": "BM25 + our stopwords, stem",
    "token_set_ratio": "rapidfuzz token_set_ratio",
    "wratio": "rapidfuzz WRatio",
}
METRICS = ("map", "mrr", "p_at_1", "p_at_5", "p_at_5_min")

Ranking = list[str]  # item ids, best first; items left out were not retrieved


@dataclass(frozen=True)
class Pair:
    """One FAQ item: a thread's question with one of its answers."""

    id: str
    thread: str
    question: str
    answer: str


@dataclass(frozen=True)
class Query:
    """A user's rephrasing of a thread's question; its relevant items are the thread's pairs."""

    text: str
    thread: str


@dataclass(frozen=True)
class Dataset:
    pairs: tuple[Pair, ...]
    queries: tuple[Query, ...]
    relevant: dict[str, frozenset[str]]  # thread -> ids of its pairs
    threads: int
    skipped_threads: int  # threads without a question or without answers


# --- parsing -------------------------------------------------------------------------------


def _local(tag: object) -> str:
    """An element's tag without namespace, lower case (comments and PIs have no str tag)."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _text(element: ET.Element) -> str:
    """All text inside an element, markup dropped and whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def parse_stackfaq(source: str | Path | bytes) -> Dataset:
    """Read StackFAQ XML from a path or from the document itself (bytes).

    Threads are `qapair` elements anywhere in the document; inside one, `rephr`, `question` and
    `answer` children may come in any order. Item ids are `<thread>-a<n>`, the thread taken from
    an `id` attribute when there is one and otherwise numbered in document order (the published
    file has no ids). Empty and "*" rephrasings are not queries; a thread without a question or
    without answers has nothing to retrieve, so it and its queries are skipped (and counted).
    """
    root = ET.fromstring(source) if isinstance(source, bytes) else ET.parse(source).getroot()
    pairs: list[Pair] = []
    queries: list[Query] = []
    relevant: dict[str, frozenset[str]] = {}
    threads = skipped = 0
    for element in root.iter():
        if _local(element.tag) != "qapair":
            continue
        threads += 1
        thread = (element.get("id") or "").strip() or f"t{threads:03d}"
        if thread in relevant:
            thread = f"{thread}#{threads}"
        children = [(_local(child.tag), _text(child)) for child in element]
        questions = [text for tag, text in children if tag == "question" and text]
        answers = [text for tag, text in children if tag == "answer" and text]
        rephrasings = [
            text for tag, text in children if tag == "rephr" and text and text != SEPARATOR
        ]
        if not questions or not answers:
            skipped += 1
            continue
        question = questions[0]  # the format has exactly one
        ids = [f"{thread}-a{n:02d}" for n in range(1, len(answers) + 1)]
        pairs += [Pair(i, thread, question, a) for i, a in zip(ids, answers, strict=True)]
        relevant[thread] = frozenset(ids)
        queries += [Query(text, thread) for text in rephrasings]
    return Dataset(tuple(pairs), tuple(queries), relevant, threads, skipped)


# --- metrics -------------------------------------------------------------------------------


def average_precision(ranking: Sequence[str], relevant: Iterable[str]) -> float:
    """Mean of precision at each relevant item's rank, over all relevant items (found or not)."""
    wanted = set(relevant)
    if not wanted:
        return 0.0
    found = 0
    total = 0.0
    for rank, item in enumerate(ranking, start=1):
        if item in wanted:
            found += 1
            total += found / rank
    return total / len(wanted)


def reciprocal_rank(ranking: Sequence[str], relevant: Iterable[str]) -> float:
    """1 / rank of the first relevant item; 0 when none is retrieved."""
    wanted = set(relevant)
    for rank, item in enumerate(ranking, start=1):
        if item in wanted:
            return 1.0 / rank
    return 0.0


def precision_at(ranking: Sequence[str], relevant: Iterable[str], k: int) -> float:
    """Relevant items among the first k, divided by k (a short ranking still divides by k)."""
    wanted = set(relevant)
    return sum(1 for item in ranking[:k] if item in wanted) / k


def precision_at_min(ranking: Sequence[str], relevant: Iterable[str], k: int) -> float:
    """Relevant items among the first k, divided by min(k, number relevant): 1 is reachable."""
    wanted = set(relevant)
    if not wanted:
        return 0.0
    return sum(1 for item in ranking[:k] if item in wanted) / min(k, len(wanted))


def evaluate(
    rankings: Sequence[Sequence[str]], relevant: Sequence[Iterable[str]], k: int = K
) -> dict[str, float]:
    """Each metric averaged over all queries (queries with an empty ranking score 0)."""
    count = len(rankings)
    if count != len(relevant):
        raise ValueError("one set of relevant items per ranking")
    sums = dict.fromkeys(METRICS, 0.0)
    for ranking, items in zip(rankings, relevant, strict=True):
        wanted = frozenset(items)
        sums["map"] += average_precision(ranking, wanted)
        sums["mrr"] += reciprocal_rank(ranking, wanted)
        sums["p_at_1"] += precision_at(ranking, wanted, 1)
        sums["p_at_5"] += precision_at(ranking, wanted, k)
        sums["p_at_5_min"] += precision_at_min(ranking, wanted, k)
    return {name: value / count if count else 0.0 for name, value in sums.items()}


# --- BM25 ----------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_FUNCTION_WORDS = STOPWORDS | QUESTION_WORDS


def tokenise(text: str) -> list[str]:
    """Lower-cased runs of letters and digits: "Don't" -> ["don", "t"]."""
    return _WORD.findall(text.lower())


def stem_tokenise(text: str) -> list[str]:
    return [stem(word) for word in tokenise(text)]


def content_tokenise(text: str) -> list[str]:
    """Stems of the words our matcher weighs: its stopwords and question words dropped."""
    return [stem(word) for word in tokenise(text) if word not in _FUNCTION_WORDS]


TOKENISERS: dict[str, Callable[[str], list[str]]] = {
    "bm25": tokenise,
    "bm25_stem": stem_tokenise,
    "bm25_stop_stem": content_tokenise,
}


class BM25:
    """Okapi BM25 over a fixed set of documents (no stopwords; IDF as in Lucene, never < 0)."""

    def __init__(
        self,
        documents: Sequence[str],
        tokens: Callable[[str], list[str]] = tokenise,
        k1: float = BM25_K1,
        b: float = BM25_B,
    ) -> None:
        self.tokens = tokens
        self.k1 = k1
        self.b = b
        counts = [Counter(tokens(document)) for document in documents]
        self.lengths = [sum(c.values()) for c in counts]
        average = sum(self.lengths) / len(counts) if counts else 0.0
        self.average_length = average or 1.0
        frequency: Counter[str] = Counter()
        for c in counts:
            frequency.update(c.keys())
        n = len(counts)
        self.idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in frequency.items()}
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for index, c in enumerate(counts):
            for term, tf in c.items():
                self.postings.setdefault(term, []).append((index, tf))

    def scores(self, query: str) -> dict[int, float]:
        """Score of every document sharing a term with the query (repeated query terms count)."""
        result: dict[int, float] = {}
        for term in self.tokens(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for index, tf in self.postings[term]:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[index] / self.average_length)
                gain = idf * tf * (self.k1 + 1) / (tf + norm)
                result[index] = result.get(index, 0.0) + gain
        return result

    def rank(self, query: str) -> list[int]:
        """Indices of the documents sharing a term, best first, ties in document order."""
        scored = self.scores(query)
        return sorted(scored, key=lambda index: (-scored[index], index))


# --- rankers -------------------------------------------------------------------------------

ARTICLE = Article(
    "StackFAQ (Karan & Šnajder 2018)",
    "https://takelab.fer.hr/data/StackFAQ/",
    "takelab.fer.hr",
    dt.date(2018, 1, 1),
    "stackExchange-FAQ.xml",
)


def knowledge_base(pairs: Sequence[Pair], fields: str) -> KnowledgeBase:
    """Each pair an entry; its answer is the answer text only when `fields` includes it."""
    entries = tuple(
        Entry(
            pair.id,
            (pair.question,),
            pair.answer if fields == "question+answer" else "",
            ARTICLE,
            ARTICLE.path,
            index + 1,
        )
        for index, pair in enumerate(pairs)
    )
    return KnowledgeBase((ARTICLE,), entries)


def document_text(pair: Pair, fields: str) -> str:
    return f"{pair.question}\n{pair.answer}" if fields == "question+answer" else pair.question


def run_rankers(
    data: Dataset, fields: str, rankers: Sequence[str]
) -> dict[str, tuple[list[Ranking], float]]:
    """Each ranker's ranking for every query, with the seconds it took (building included)."""
    results: dict[str, tuple[list[Ranking], float]] = {}
    texts = [query.text for query in data.queries]
    limit = len(data.pairs)
    for name in rankers:
        started = time.perf_counter()
        if name in TOKENISERS:
            bm25 = BM25([document_text(p, fields) for p in data.pairs], TOKENISERS[name])
            ids = [pair.id for pair in data.pairs]
            rankings = [[ids[i] for i in bm25.rank(text)] for text in texts]
        else:
            scorer = "weighted" if name == "matcher" else name
            matcher = Matcher(knowledge_base(data.pairs, fields), scorer)
            rankings = [[c.entry.id for c in matcher.match(text, limit)] for text in texts]
        results[name] = (rankings, time.perf_counter() - started)
    return results


# --- report --------------------------------------------------------------------------------


def report(
    data: Dataset, fields: str, results: dict[str, tuple[list[Ranking], float]]
) -> dict[str, Any]:
    relevant = [data.relevant[query.thread] for query in data.queries]
    per_ranker: dict[str, dict[str, float]] = {}
    for name, (rankings, seconds) in results.items():
        metrics = evaluate(rankings, relevant)
        hits = sum(1 for r, rel in zip(rankings, relevant, strict=True) if rel.intersection(r))
        metrics["found_any"] = hits / len(rankings) if rankings else 0.0
        metrics["mean_ranked"] = sum(map(len, rankings)) / len(rankings) if rankings else 0.0
        metrics["seconds"] = seconds
        metrics["ms_per_query"] = 1000 * seconds / len(rankings) if rankings else 0.0
        per_ranker[name] = metrics
    summary: dict[str, Any] = {
        "fields": fields,
        "threads": data.threads - data.skipped_threads,
        "skipped_threads": data.skipped_threads,
        "pairs": len(data.pairs),
        "queries": len(data.queries),
    }
    for prefix, name in (("", "matcher"), ("bm25_", "bm25")):
        if name in per_ranker:
            summary.update({prefix + m: per_ranker[name][m] for m in METRICS})
    summary["rankers"] = per_ranker
    return summary


def print_table(summary: dict[str, Any], parse_seconds: float, total_seconds: float) -> None:
    print(
        f"StackFAQ: {summary['threads']} threads, {summary['pairs']} question-answer pairs, "
        f"{summary['queries']} queries; items ranked by {summary['fields']} text"
    )
    if summary["skipped_threads"]:
        print(f"skipped {summary['skipped_threads']} threads without a question or answers")
    header = (
        f"{'ranker':<27} {'MAP':>6} {'MRR':>6} {'P@1':>6} {'P@5':>6} {'P@5min':>7}"
        f" {'found':>6} {'ranked':>7} {'ms/q':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, m in summary["rankers"].items():
        print(
            f"{DESCRIPTIONS[name]:<27} {m['map']:6.3f} {m['mrr']:6.3f} {m['p_at_1']:6.3f}"
            f" {m['p_at_5']:6.3f} {m['p_at_5_min']:7.3f} {m['found_any']:6.3f}"
            f" {m['mean_ranked']:7.1f} {m['ms_per_query']:7.2f}"
        )
    print("P@5 divides by 5, P@5min by min(5, relevant)")
    print("found: share of queries with any relevant item ranked; ranked: mean items returned")
    print(f"time: parse {parse_seconds:.2f} s, total {total_seconds:.1f} s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", type=Path, help="stackExchange-FAQ.xml as downloaded")
    parser.add_argument("--fields", choices=FIELDS, default="question")
    parser.add_argument(
        "--rankers", nargs="+", choices=RANKERS, default=list(RANKERS), metavar="NAME",
        help=f"which rankers to run (default: all of {', '.join(RANKERS)})",
    )  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    try:
        data = parse_stackfaq(args.path)
    except OSError as error:
        print(f"cannot read {args.path}: {error.strerror or error}", file=sys.stderr)
        return 2
    except ET.ParseError as error:
        print(f"{args.path} is not well-formed XML: {error}", file=sys.stderr)
        return 2
    parsed = time.perf_counter()
    if not data.pairs or not data.queries:
        print(f"{args.path}: no StackFAQ threads (qapair) with answers found", file=sys.stderr)
        return 2
    rankers = list(dict.fromkeys(args.rankers))
    summary = report(data, args.fields, run_rankers(data, args.fields, rankers))
    total = time.perf_counter() - started
    summary["parse_seconds"] = parsed - started
    summary["seconds"] = total
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print_table(summary, parsed - started, total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
