"""Groups the questions the bot could not answer, so maintainers fix the most asked gaps first.

Similarity is the matcher's own view of a question: its words after normalisation, synonyms,
stemming and typo mending, each weighted by how rare it is in the knowledge (words the knowledge
lacks weigh most - they are what the unanswered questions are about). Two questions are alike
when the words they share carry most of their weight (a weighted Dice coefficient, 0-100).
Greedy leader clustering: the most asked phrasing leads a group; every other joins the leader it
is most alike, if at least SIMILARITY_THRESHOLD, or starts a group of its own.

Measured with benchmarks/clustering.py (pairwise precision / recall of the groups) on the 81
unanswerable questions of eval/questions.yaml and eval/holdout.yaml, written independently, the
ones asking the same thing paired by hand: this weighted Dice gives 0.76 / 0.72 from 72 to 76,
its best F1 (0.74), and 0.91 / 0.56 at 84. rapidfuzz's token_set_ratio on normalised text does
no better than 0.52 / 0.72 or 0.90 / 0.50 (best F1 0.64, at 96): it scores 100 whenever one
question's words are a subset of the other's, so "park" joins everything about the park;
token_sort_ratio reaches 0.67 / 0.56 (F1 0.61). On the answerable questions grouped by the entry
that answers them, 72 keeps precision at 0.94. What 72 still gets wrong: "finished" and
"completed", "how tall" and "how many floors" share no word, so stay apart; two questions on one
long-named subject ("the Pazhou pilot zone") can share a group, whose variants show both.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import yaml

from bot.answering import decide
from bot.config import Thresholds
from bot.ids import slug, unique_id
from bot.limits import CALLBACK_ID_MAX_BYTES
from bot.matching import Candidate, Matcher
from bot.text import QUESTION_WORDS, STOPWORDS, basic_normalise

SIMILARITY_THRESHOLD = 72.0
SLUG_WORDS = 4  # "how much did the park cost" -> "park-cost"
SHOWN_VARIANTS = 5  # in the table; --yaml lists them all
QUESTIONS_PER_ENTRY = 12  # in --yaml: the most asked phrasings, enough for the matcher


@dataclass(frozen=True)
class Variant:
    """One distinct phrasing (its most common spelling) and how often it was asked."""

    text: str
    count: int
    answered: bool = False  # the current knowledge answers it: nothing left to add


@dataclass(frozen=True)
class Group:
    """Questions that ask the same thing, with the entry that comes closest to answering them."""

    variants: tuple[Variant, ...]  # the representative (most asked) first
    closest: Candidate | None
    near: bool  # close enough for "did you mean": add the phrasings to that entry

    @property
    def representative(self) -> str:
        return self.variants[0].text

    @property
    def answered_now(self) -> bool:
        """The knowledge answers it since (an entry or phrasing was added after it was asked)."""
        return self.variants[0].answered

    @property
    def count(self) -> int:
        return sum(v.count for v in self.variants)


def question_terms(question: str, matcher: Matcher) -> dict[str, float]:
    """The question's terms as the matcher sees them, each with its weight."""
    terms: dict[str, float] = {}
    for word in matcher.query_words(question):
        terms[word.term] = max(terms.get(word.term, 0.0), word.weight)
    return terms


def similarity(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Weighted Dice, 0-100: the share of both questions' weight that their shared terms carry."""
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0
    shared = sum(min(a[t], b[t]) for t in a.keys() & b.keys())
    return 200 * shared / total


def group_questions(
    questions: Iterable[str],
    matcher: Matcher,
    thresholds: Thresholds,
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[Group]:
    """Cluster questions (oldest first) into groups, most asked first."""
    counts: Counter[str] = Counter()  # normalised form -> times asked
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for raw in questions:
        text = " ".join(raw.split())
        if text:
            key = matcher.normaliser.normalise(text)
            counts[key] += 1
            spellings[key][text] += 1
    order = {key: index for index, key in enumerate(counts)}  # first asked breaks ties
    keys = sorted(counts, key=lambda k: (-counts[k], order[k]))
    leaders: list[dict[str, float]] = []
    members: list[list[str]] = []
    by_term: dict[str, list[int]] = defaultdict(list)  # only leaders sharing a term can match
    for key in keys:
        terms = question_terms(spellings[key].most_common(1)[0][0], matcher)
        best, best_score = -1, 0.0
        for index in sorted({i for t in terms for i in by_term.get(t, ())}):
            score = similarity(terms, leaders[index])
            if score > best_score:  # ties go to the earlier, more asked leader
                best, best_score = index, score
        if best >= 0 and best_score >= threshold:
            members[best].append(key)
            continue
        for term in terms:
            by_term[term].append(len(leaders))
        leaders.append(terms)
        members.append([key])
    groups = [_group(keys_, counts, spellings, matcher, thresholds) for keys_ in members]
    return sorted(groups, key=lambda g: -g.count)  # stable: ties stay in first-asked order


def _group(
    keys: list[str],
    counts: Counter[str],
    spellings: Mapping[str, Counter[str]],
    matcher: Matcher,
    thresholds: Thresholds,
) -> Group:
    ordered = [keys[0], *sorted(keys[1:], key=lambda k: -counts[k])]
    texts = [spellings[k].most_common(1)[0][0] for k in ordered]
    replies = [decide(text, matcher, thresholds) for text in texts]
    variants = tuple(
        Variant(text, counts[k], reply.status == "answer")
        for text, k, reply in zip(texts, ordered, replies, strict=True)
    )
    closest = replies[0].candidates[0] if replies[0].candidates else None
    near = closest is not None and closest.score >= thresholds.clarify
    return Group(variants, closest, near)


def format_table(groups: Sequence[Group], since: dt.date, top: int) -> str:
    """The groups as a text table: how often asked, the closest entry, every phrasing."""
    asked = sum(g.count for g in groups)
    count = _count(len(groups), "group")
    lines = [f"Unanswered questions since {since.isoformat()}: {asked} asked, {count}"]
    if not groups:
        return lines[0]
    shown = groups[:top]
    width = max([len("closest entry")] + [len(g.closest.entry.id) for g in shown if g.closest])
    lines += ["", f"asked  {'closest entry':<{width}}  score  question"]
    indent = " " * (7 + width + 2 + 7)
    for group in shown:
        entry = group.closest.entry.id if group.closest else "-"
        score = f"{group.closest.score:5.1f}" if group.closest else "    -"
        note = "  [answered now]" if group.answered_now else ""
        lines.append(f"{group.count:5}  {entry:<{width}}  {score}  {group.representative}{note}")
        for variant in group.variants[1 : 1 + SHOWN_VARIANTS]:
            times = f" ({variant.count})" if variant.count > 1 else ""
            lines.append(f"{indent}+ {variant.text}{times}")
        hidden = len(group.variants) - 1 - SHOWN_VARIANTS
        if hidden > 0:
            lines.append(f"{indent}+ {hidden} more (see --yaml)")
    if len(groups) > top:
        more = _count(len(groups) - top, "more group")
        lines.append(f"... and {more} (--top {len(groups)} shows all)")
    return "\n".join(lines)


def new_entry_id(question: str, taken: set[str]) -> str:
    """An entry id from a question's topic words, unique among `taken` (which it joins)."""
    normalised = basic_normalise(question)  # as the matcher reads it: "zone's" -> "zone"
    base = slug(normalised, skip=STOPWORDS | QUESTION_WORDS, max_words=SLUG_WORDS) or "new-entry"
    return unique_id(base, taken, CALLBACK_ID_MAX_BYTES)  # a counter may pass the slug's 40


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _scalar(text: str) -> str:
    """A YAML scalar for `text`: plain when that reads back the same, quoted otherwise."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=1 << 30)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


@dataclass
class _Draft:
    """What --yaml proposes: phrasings per near entry, new entries for the rest."""

    additions: dict[str, tuple[Candidate, list[str], int]]  # id -> closest, phrasings, asked
    fresh: list[tuple[Group, list[str]]]
    skipped: int  # groups the knowledge answers or already phrases


def _draft(groups: Sequence[Group], matcher: Matcher) -> _Draft:
    normalise = matcher.normaliser.normalise
    known = {normalise(q) for e in matcher.knowledge.entries for q in e.questions}
    draft = _Draft({}, [], 0)
    for group in groups:
        texts = [
            v.text for v in group.variants if not v.answered and normalise(v.text) not in known
        ]
        if not texts:
            draft.skipped += 1
        elif group.near and group.closest is not None:
            entry_id = group.closest.entry.id
            _, before, asked = draft.additions.get(entry_id, (group.closest, [], 0))
            draft.additions[entry_id] = (group.closest, before + texts, asked + group.count)
        else:
            draft.fresh.append((group, texts[:QUESTIONS_PER_ENTRY]))
    return draft


def format_yaml(groups: Sequence[Group], matcher: Matcher, since: dt.date, today: dt.date) -> str:
    """Ready-to-paste knowledge: phrasings for near entries, a draft article file for the rest.

    The output is one valid article file once its TODOs are replaced: new entries carry
    `draft: true`, so a half-written answer never reaches a user. Phrasings for existing entries
    are comments, as they belong in another file; questions the knowledge already answers or
    has are left out, so pasting never makes a duplicate.
    """
    draft = _draft(groups, matcher)
    lines = [f"# Drafted by `newsbot unanswered --yaml` from questions asked since {since}."]
    if draft.skipped:
        lines.append(f"# Left out: {draft.skipped} group(s) the knowledge now answers or has.")
    if draft.additions:
        lines.append("#")
        lines.append("# Extra phrasings for existing entries: paste each list, uncommented,")
        lines.append("# under the entry's `questions:`, then run `newsbot check`.")
    for entry_id, (closest, texts, asked) in draft.additions.items():
        where = f"{closest.entry.path}:{closest.entry.line}"
        lines.append("#")
        lines.append(f"# {entry_id} ({where}), asked {_times(asked)}, score {closest.score:.1f}:")
        lines += [f"#       - {_scalar(text)}" for text in texts]
    if not draft.fresh:
        lines += ["#", "# No new entries to draft."]
        return "\n".join(lines) + "\n"
    lines += [
        "#",
        "# New entries: write each answer from the article (replace every TODO), delete",
        "# `draft: true` once it is right, and keep this as a new file in knowledge/ for the",
        "# article that answers them, or move the entries under that article's `qa:`.",
        "# Then run `newsbot check`.",
        "version: 1",
        "article:",
        "  title: TODO headline of the article that answers these questions",
        "  url: https://example.org/TODO",
        "  publisher: TODO publisher",
        f"  date: {today.isoformat()}  # TODO the article's date",
        "qa:",
    ]
    taken = {e.id for e in matcher.knowledge.entries}
    for group, texts in draft.fresh:
        best = group.closest
        note = f"; closest entry {best.entry.id} ({best.score:.1f})" if best else ""
        lines += [
            f"  - id: {_scalar(new_entry_id(texts[0], taken))}",  # "2022-02-21" must stay text
            f"    # asked {_times(group.count)}{note}",
            "    questions:",
            *(f"      - {_scalar(text)}" for text in texts),
            "    answer: TODO the fact in one or two sentences, in our own words",
            "    draft: true  # TODO delete this line once the answer is right",
        ]
    return "\n".join(lines) + "\n"
