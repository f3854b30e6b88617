"""Time per question, memory and agreement with an exhaustive scan, on synthetic knowledge.

Usage: python benchmarks/scale.py [--phrasings N] [--questions Q] [--seed S] [--json]
                                  [--agreement-sample K] [--yaml]

Generates a newsroom-sized knowledge base in memory: one article (and file) per 100 entries,
~4 phrasings per entry with overlapping wording, answers with names and figures. Words come from
a built-in English word list drawn with Zipf-like frequencies (so some words are in most
entries), plus generated names, places and product names whose number grows with the
knowledge, and numbers. The questions are perturbed phrasings (typos, dropped and swapped
words, synonyms from our lexicon) with the entry that should answer them, and unanswerable ones:
a phrasing whose key word is replaced by an unknown word or by another article's name.

Every question goes through the decision the bot makes (bot.answering.decide) on one core, in
this process. Reports p50/p95/p99 ms per question, questions per second, peak memory (ru_maxrss),
the matcher build time (`load_s`), and `agreement`: the share of questions whose decision (status
and entry) equals the one from the exhaustive reference scan (`Matcher.reference()`: the same
scoring applied to every entry, no index). With --yaml it also writes the knowledge as YAML files
(one per article) to a temporary folder and times starts and reloads from the files to a ready
matcher (load_knowledge and the Matcher build): cold (nothing cached), warm (a new process, the
cache on disk) and after editing one answer in one file (`cold_start_s`, `warm_start_s`,
`reload_s`; `reload2_s` for a second edit), and the two parts apart (`yaml_cold_s`, ...,
`matcher_cold_s`, ...).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from bot.answering import decide
from bot.config import Thresholds
from bot.knowledge import Article, Entry, KnowledgeBase, load_knowledge, settle
from bot.lexicon import EQUIVALENT_WORDS
from bot.matching import Matcher
from bot.restart import forget_all
from bot.snapshots import flush as flush_snapshots

ENTRIES_PER_ARTICLE = 100
PHRASINGS_PER_ENTRY = 4
CAST_WEIGHTS = (8, 5, 4, 3, 2, 2, 1, 1)  # who an article's entries are about

NOUNS = """
city district park project company plan budget year month school hospital bridge road railway
station airport port market price cost tax wage worker job student teacher police court law
election vote party minister mayor council government agency bank fund loan debt investment
revenue profit sale export import factory plant energy power water river lake sea coast island
mountain forest farm crop food rice wheat fish housing rent home building tower office shop
store mall museum library stadium team player coach match game season festival concert film
book article report study survey research science technology software data network internet
phone car vehicle bus train flight ticket passenger tourist visitor hotel restaurant weather
rain storm flood fire heat drought temperature climate emission pollution waste recycling
health doctor nurse patient disease vaccine drug treatment trial clinic population resident
family child youth community neighborhood village street area zone center campus site program
service system policy rule reform budget target goal aim growth development economy industry
trade business firm startup investor share stock output value capacity production supply
demand shortage crisis strike protest court case judge lawyer crime arrest prison security
army defense border embassy treaty talks summit deal agreement contract partnership merger
award prize ceremony event launch opening exhibition conference meeting speech interview
statement announcement decision license permit fee fine grant subsidy pension insurance
salary bonus contest race marathon route line lane tunnel canal dam pipeline grid battery
solar wind nuclear gas oil coal mine metal steel cement glass paper plastic chip robot
satellite rocket mission space telescope lab university degree exam course class lesson
""".split()  # noqa: SIM905
VERBS = """
build open close launch start finish sign approve reject announce cut raise lower invest
expand plan host win lose visit hire fire sell buy fund repair upgrade move ban allow test
study report publish release name elect appoint award complete delay cancel restart
""".split()  # noqa: SIM905
ADJECTIVES = """
new old main local national regional annual public private first largest final key major
small big early late total average next last current former green smart digital
""".split()  # noqa: SIM905
QUALIFIERS = "new local main first annual public key".split()  # noqa: SIM905
SYLLABLES = """
ka lo mi ren dor vel san tia bru gan zhi hai pen mor lu qin wei tor ash bel cor dan fen gor
hal jin kor lin mar nor pas quan ros sul tan ur vin yan zor ber cal dri el fra gil hu ivo
""".split()  # noqa: SIM905
ODD_SYLLABLES = "xu pryth vox quil zyg thrax plo kyv wex jub".split()  # noqa: SIM905
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905
SYNONYM_GROUPS = {word: group for group in EQUIVALENT_WORDS for word in group}
SYNONYM_HEADS = [group[0] for group in EQUIVALENT_WORDS if group[0].isalpha()]
TEMPLATES = {
    "when": (
        "When did {s} {v} the {n1} {n2}?",
        "{n1} {n2} {v} date {s}",
        "What year did {s} {v} its {q} {n1} {n2}?",
        "When was the {n2} {n1} of {s} {v}ed?",
        "When will {s} {v} the {n1}?",
    ),
    "many": (
        "How many {n1} {n2} does {s} have?",
        "number of {n1} {n2} in {s}",
        "{s} {q} {n1} {n2} count",
        "How many {n2} did {s} {v} for the {n1}?",
        "how much {n1} {n2} in {s}",
    ),
    "who": (
        "Who {v}ed the {n1} {n2} in {s}?",
        "{n1} {n2} {s} head",
        "Who will {v} the {q} {n1} {n2} of {s}?",
        "Which person is behind the {s} {n1} {n2}?",
        "who leads the {n2} {n1} {s}",
    ),
    "what": (
        "What is the {n1} {n2} of {s}?",
        "{s} {n1} {n2}",
        "What did {s} say about the {q} {n1} {n2}?",
        "Tell me about the {n2} {n1} in {s}",
        "what {n1} {n2} did {s} {v}",
    ),
    "where": (
        "Where will {s} {v} the {n1} {n2}?",
        "location of the {s} {n1} {n2}",
        "Where is the {q} {n1} {n2} of {s}?",
        "Where did {s} {v} its {n2}?",
        "{s} {n1} {n2} site",
    ),
}


@dataclass(frozen=True)
class Question:
    text: str
    expect: str  # an entry id, or "none"
    kind: str


class Vocabulary:
    """Zipf-weighted word draws and generated names, all from one seeded random source."""

    def __init__(self, rng: random.Random, names: int) -> None:
        self.rng = rng
        self.nouns = list(dict.fromkeys([*NOUNS, *SYNONYM_HEADS]))
        rng.shuffle(self.nouns)
        self.noun_weights = list(accumulate(_zipf(len(self.nouns))))
        taken: set[str] = set(self.nouns) | set(VERBS) | set(ADJECTIVES)
        self.names = self._generate(names, taken, SYLLABLES)
        self.name_weights = list(accumulate(_zipf(len(self.names), 0.8)))
        self.products = self._generate(max(names // 2, 50), taken, SYLLABLES, suffix="ex")

    def _generate(
        self, count: int, taken: set[str], syllables: Sequence[str], suffix: str = ""
    ) -> list[str]:
        found: list[str] = []
        while len(found) < count:
            parts = self.rng.randint(2, 4)
            word = "".join(self.rng.choice(syllables) for _ in range(parts)) + suffix
            if word not in taken:
                taken.add(word)
                found.append(word.capitalize())
        return found

    def noun(self) -> str:
        return self.rng.choices(self.nouns, cum_weights=self.noun_weights)[0]

    def name(self) -> str:
        return self.rng.choices(self.names, cum_weights=self.name_weights)[0]

    def unknown(self) -> str:
        return "".join(self.rng.choice(ODD_SYLLABLES) for _ in range(3)).capitalize()


def _zipf(count: int, power: float = 1.0) -> list[float]:
    return [1 / (rank + 1) ** power for rank in range(count)]


def generate(phrasings: int, questions: int, seed: int = 1) -> tuple[KnowledgeBase, list[Question]]:
    """A knowledge base of about `phrasings` phrasings and questions with expected entries."""
    rng = random.Random(seed)
    entry_count = max(phrasings // PHRASINGS_PER_ENTRY, 1)
    vocabulary = Vocabulary(rng, max(entry_count // 8, 40))
    articles: list[Article] = []
    entries: list[Entry] = []
    slots: dict[str, dict[str, str]] = {}  # entry id -> its words, for the questions
    for first in range(0, entry_count, ENTRIES_PER_ARTICLE):
        number = len(articles)
        cast = [vocabulary.name() for _ in range(8)]
        title = f"{cast[0]} {rng.choice(VERBS)}s {vocabulary.noun()} {vocabulary.noun()}"
        article = Article(
            title,
            f"https://news.example.org/{number}",
            "news.example.org",
            dt.date(2015, 1, 1) + dt.timedelta(days=number % 3650),
            f"articles/{number}.yaml",
        )
        articles.append(article)
        for index in range(first, min(first + ENTRIES_PER_ARTICLE, entry_count)):
            words = {
                "s": rng.choices(cast, CAST_WEIGHTS)[0],
                "n1": vocabulary.noun(),
                "n2": vocabulary.noun() if rng.random() < 0.7 else rng.choice(vocabulary.products),
                "v": rng.choice(VERBS),
                "q": rng.choice(QUALIFIERS),
                "kind": rng.choice(tuple(TEMPLATES)),
            }
            chosen = rng.sample(TEMPLATES[words["kind"]], PHRASINGS_PER_ENTRY)
            texts = tuple(dict.fromkeys(t.format(**words) for t in chosen))
            entry_id = f"e{index}"
            entries.append(
                Entry(entry_id, texts, _answer(rng, words, vocabulary), article, article.path, 1)
            )
            slots[entry_id] = words
    knowledge = KnowledgeBase(tuple(articles), tuple(entries), {})
    return knowledge, _questions(rng, entries, slots, vocabulary, questions)


def _answer(rng: random.Random, words: dict[str, str], vocabulary: Vocabulary) -> str:
    year = rng.randint(1995, 2030)
    date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}"
    figure = rng.choice(
        (
            f"{rng.randint(2, 999)},{rng.randint(0, 999):03d}",
            f"{rng.randint(2, 90)}.{rng.randint(1, 9)} million yuan",
            f"{rng.randint(2, 99)} percent",
            str(rng.randint(3, 500)),
        )
    )
    place = vocabulary.name()
    return (
        f"{words['s']} {words['v']}ed the {words['n1']} {words['n2']} in {place} on {date}, "
        f"with {figure} {vocabulary.noun()}s and {vocabulary.noun()} {vocabulary.noun()}."
    )


def _questions(
    rng: random.Random,
    entries: Sequence[Entry],
    slots: dict[str, dict[str, str]],
    vocabulary: Vocabulary,
    count: int,
) -> list[Question]:
    found: list[Question] = []
    while len(found) < count:
        entry = rng.choice(entries)
        words = rng.choice(entry.questions).rstrip("?").split()
        if rng.random() < 0.7:
            for _ in range(rng.choice((1, 1, 2))):
                words = rng.choice(PERTURBATIONS)(rng, words)
            found.append(Question(" ".join(words) + "?", entry.id, "perturbed"))
            continue
        key = slots[entry.id]["s"]
        if key not in words:
            continue
        if rng.random() < 0.5:
            other, kind = vocabulary.unknown(), "unknown word"
        else:
            other, kind = slots[rng.choice(entries).id]["s"], "other name"
            if other in words:
                continue
        found.append(Question(" ".join(other if w == key else w for w in words), "none", kind))
    return found


def _typo(rng: random.Random, words: list[str]) -> list[str]:
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return words
    i = rng.choice(long)
    word = words[i]
    at = rng.randint(1, len(word) - 2)
    letter = rng.choice("aeiourstnl")
    word = rng.choice(
        (
            word[:at] + word[at + 1 :],
            word[:at] + letter + word[at:],
            word[:at] + letter + word[at + 1 :],
            word[:at] + word[at + 1] + word[at] + word[at + 2 :],
        )
    )
    return [*words[:i], word, *words[i + 1 :]]


def _drop(rng: random.Random, words: list[str]) -> list[str]:
    if len(words) < 4:
        return words
    i = rng.randrange(1, len(words))
    return words[:i] + words[i + 1 :]


def _swap(rng: random.Random, words: list[str]) -> list[str]:
    if len(words) < 2:
        return words
    i = rng.randrange(len(words) - 1)
    return [*words[:i], words[i + 1], words[i], *words[i + 2 :]]


def _synonym(rng: random.Random, words: list[str]) -> list[str]:
    spots = [i for i, w in enumerate(words) if w.lower() in SYNONYM_GROUPS]
    if not spots:
        return _typo(rng, words)
    i = rng.choice(spots)
    group = [w for w in SYNONYM_GROUPS[words[i].lower()] if w != words[i].lower()]
    return [*words[:i], rng.choice(group), *words[i + 1 :]]


PERTURBATIONS = (_typo, _typo, _drop, _swap, _synonym, _synonym)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def decision(question: str, matcher: Matcher, thresholds: Thresholds) -> tuple[str, str]:
    reply = decide(question, matcher, thresholds)
    return reply.status, reply.entry.id if reply.entry else "none"


def measure(args: argparse.Namespace) -> dict[str, object]:
    started = time.perf_counter()
    knowledge, questions = generate(args.phrasings, args.questions, args.seed)
    generated = time.perf_counter()
    matcher = Matcher(knowledge)
    built = time.perf_counter()
    thresholds = Thresholds()
    timings: list[float] = []
    decisions: list[tuple[str, str]] = []
    for question in questions:
        t0 = time.perf_counter()
        decisions.append(decision(question.text, matcher, thresholds))
        timings.append(time.perf_counter() - t0)
    elapsed = sum(timings)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sample = questions[: args.agreement_sample]
    reference = matcher.reference()
    agree = sum(
        decision(q.text, reference, thresholds) == got
        for q, got in zip(sample, decisions, strict=False)
    )
    right = sum(
        (status == "answer" and got == q.expect) if q.expect != "none" else status != "answer"
        for q, (status, got) in zip(questions, decisions, strict=True)
    )
    result: dict[str, object] = {
        "phrasings": sum(len(e.questions) for e in knowledge.entries),
        "entries": len(knowledge.entries),
        "questions": len(questions),
        "p50_ms": round(statistics.median(timings) * 1000, 3),
        "p95_ms": round(percentile(timings, 0.95) * 1000, 3),
        "p99_ms": round(percentile(timings, 0.99) * 1000, 3),
        "qps": round(len(questions) / elapsed, 1),
        "rss_mb": round(rss_mb, 1),
        "load_s": round(built - generated, 2),
        "generate_s": round(generated - started, 2),
        "agreement": round(agree / len(sample), 4) if sample else None,
        "agreement_sample": len(sample),
        "synthetic_right": round(right / len(questions), 4),
    }
    if args.yaml:
        result.update(measure_yaml(knowledge))
    return result


def measure_yaml(knowledge: KnowledgeBase) -> dict[str, object]:
    """Write the knowledge as YAML files and time starts and reloads: files to a ready matcher.

    Loads are the bot's (`serving`). Cold: nothing cached (`cold_background_s`: the work a
    serving start leaves for later, the near-duplicate warnings and the disk cache, done
    after). Warm: a new process with the cache on disk (`primed_after_s`: when the background
    load that readies reloads was done). Reload: the warm process after one answer in one
    file was edited; reload 2: a second edit. Each is load_knowledge and the Matcher build,
    timed together and apart.
    """
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        files = write_yaml(knowledge, root / "knowledge")
        cache = root / "cache"
        timings: dict[str, tuple[float, float]] = {}
        results = {}
        for phase in ("cold", "warm", "reload", "reload2"):
            if phase == "warm":
                started = time.perf_counter()
                flush_snapshots()
                background = time.perf_counter() - started
            if phase in ("cold", "warm"):
                forget_all()  # cold: nothing anywhere; warm: only the disk cache
            else:  # a running bot: the snapshots of the last load are written meanwhile
                flush_snapshots()
                edit_one_answer(files[len(files) // (2 if phase == "reload" else 3)], phase)
            t0 = time.perf_counter()
            loaded = load_knowledge(root / "knowledge", cache_dir=cache, serving=True)
            t1 = time.perf_counter()
            matcher = Matcher(loaded.knowledge)
            t2 = time.perf_counter()
            timings[phase] = (t1 - t0, t2 - t1)
            results[phase] = (loaded, matcher)
            if phase == "warm":  # the background load that readies the next reload
                settle()
                primed = time.perf_counter() - t0
        cold, warm = results["cold"][0], results["warm"][0]
        assert cold.knowledge == warm.knowledge
        assert cold.errors == warm.errors  # the warm start has the warnings the cold left
        assert set(cold.problems) <= set(warm.problems)
        forget_all()  # the edited files loaded from nothing give what the reloads gave
        fresh = load_knowledge(root / "knowledge")
        assert fresh.knowledge == results["reload2"][0].knowledge
        assert fresh.problems == results["reload2"][0].problems
        out: dict[str, object] = {
            "yaml_files": len(files),
            "yaml_mb": round(sum(f.stat().st_size for f in files) / 1e6, 1),
            "yaml_errors": len(cold.errors),
        }
        out.update({f"yaml_{phase}_s": round(t[0], 2) for phase, t in timings.items()})
        out.update({f"matcher_{phase}_s": round(t[1], 2) for phase, t in timings.items()})
        out["cold_start_s"] = round(sum(timings["cold"]), 2)
        out["warm_start_s"] = round(sum(timings["warm"]), 2)
        out["reload_s"] = round(sum(timings["reload"]), 2)
        out["reload2_s"] = round(sum(timings["reload2"]), 2)
        out["cold_background_s"] = round(background, 2)
        out["primed_after_s"] = round(primed, 2)
        return out


def edit_one_answer(path: Path, marker: str) -> None:
    """What a maintainer's fix looks like: one answer in one file reworded."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('answer: "', f'answer: "({marker}) ', 1), encoding="utf-8")


def write_yaml(knowledge: KnowledgeBase, folder: Path) -> list[Path]:
    """One file per article group (~100 entries), in the format maintainers write."""
    folder.mkdir(parents=True)
    by_file: dict[str, list[Entry]] = {}
    for entry in knowledge.entries:
        by_file.setdefault(entry.path, []).append(entry)
    files = []
    for number, (path, entries) in enumerate(sorted(by_file.items())):
        article = entries[0].article
        lines = [
            "version: 1",
            "article:",
            f"  title: {json.dumps(article.title)}",
            f"  url: {article.url}",
            f"  publisher: {article.publisher}",
            f"  date: {article.date.isoformat()}",
            "qa:",
        ]
        for entry in entries:
            lines += [f"  - id: {entry.id}", "    questions:"]
            lines += [f"      - {json.dumps(q)}" for q in entry.questions]
            lines.append(f"    answer: {json.dumps(entry.answer)}")
        target = folder / f"{number:05d}-{Path(path).stem}.yaml"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(target)
    return files


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrasings", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--agreement-sample",
        type=int,
        default=300,
        help="questions also run through the exhaustive scan (slow at 1M phrasings)",
    )
    parser.add_argument("--yaml", action="store_true", help="also time loading from YAML")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args)
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:>18}: {value}")


if __name__ == "__main__":
    main()
