"""Parsing, checking and normalising many knowledge files at once, in worker processes.

A cold start of a big knowledge base is mostly work done file by file: reading the YAML,
checking the file, normalising its phrasings and answers. Files are independent, so when there
are megabytes to parse and more than one core, worker processes do that work and send back
what they found, and this process keeps it where the ordinary load looks first: the parse
cache, the normalised texts, the near-duplicate blocks. The load then runs as it always does
and finds everything worked out. Each of those is a pure function of the file or the text, so
the knowledge and the problems are those of a load in one process, whatever the workers did or
failed to do; a pool that breaks only means this process does the rest itself.

The workers are forked (bot/forked.py): they find the files' texts in memory, and send back
parses in the parse cache's plain encoding, the normalised texts and the blocks as arrays.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bot import forked, nearduplicates, parsecache, termtables
from bot.parsecache import Parsed, parse_cached
from bot.text import Normaliser
from bot.textcache import KnowledgeNormaliser, knowledge_normaliser

log = logging.getLogger(__name__)

MIN_BYTES = 4_000_000  # less YAML than this to parse: starting workers costs more than it saves
CHUNKS_PER_WORKER = 6  # smaller chunks even out the workers' shares, more cost more round trips

Text = tuple[str, bool, str, str]  # a decoded file: shown path, is synonyms, text, its cache key
ParseFile = Callable[[str, bool, str], Parsed]  # (shown path, is the synonyms file, text)
_Task = tuple[str, str, str]  # shown path, parse-cache key, text


@dataclass(frozen=True)
class _Batch:
    """A chunk of files worked out by a worker, in the forms cheapest to send back."""

    parses: list[parsecache.Encoded]  # each file's parse and its cache key
    normalised: list[str]  # per parse, per entry: its phrasings, then its answer, normalised
    phrasings: list[str]  # the normalised phrasings, each once
    blocks: tuple[nearduplicates.Hashes, nearduplicates.Hashes] | None  # theirs (blocks_of)
    unwritable: OSError | None  # the disk cache could not be written
    # the matcher's terms of each parse's live entries (None: it has none), with their strings
    terms: tuple[list[str], list[int], list[termtables.FileTerms | None]]


def prepare(
    texts: list[Text], cache_dir: Path | None, parse_file: ParseFile, serving: bool = False
) -> list[str] | None:
    """Work out in worker processes the files the load would parse itself, when worth it.

    `texts` are the decoded files, `parse_file(shown, is_synonyms, text)` parses and checks
    one. The synonyms files are parsed here first (the workers normalise with them).

    When `serving`, the workers neither write the disk cache nor block the phrasings for
    near-duplicate warnings, which a bot about to serve does not wait for: what is returned
    then is the parse-cache keys left unwritten (none without `cache_dir`). None: nothing was
    left for later (not serving, or no worker ran).
    """
    tasks: list[_Task] = []
    synonyms: dict[str, tuple[str, ...]] = {}
    for shown, synonyms_file, text, key in texts:
        if synonyms_file:
            parsed, _ = parse_cached(key, partial(parse_file, shown, True, text), cache_dir)
            if parsed is not None:
                synonyms.update(parsed.synonyms)  # in file order, as the load merges them
        elif not parsecache.is_known(key, cache_dir):
            tasks.append((shown, key, text))
    size = sum(len(text) for _, _, text in tasks)
    processes = forked.workers() if size and size >= MIN_BYTES else 0
    if not processes:
        return None
    started = time.perf_counter()
    chunks = list(_chunks(tasks, processes * CHUNKS_PER_WORKER))
    normaliser = Normaliser(synonyms)
    knowledge = knowledge_normaliser(synonyms, new_pass=False)  # where the load looks for texts
    from bot.matching import states_time  # the matcher's terms are worked out here too

    try:
        writes = None if serving else cache_dir
        forked.run(
            lambda index: _work(
                chunks[index], normaliser, writes, parse_file, states_time, not serving
            ),
            len(chunks),
            processes,
            lambda _, batch: _keep(batch, knowledge, cache_dir),
        )
    except Exception as error:  # a worker died, could not start, or its result not come back
        log.warning(
            "parsing the knowledge in %d processes failed (%s: %s); parsing it in this one",
            processes, type(error).__name__, error,
        )  # fmt: skip
        return None
    log.debug("%d knowledge files worked out in %d processes in %.2f s",
              len(tasks), processes, time.perf_counter() - started)  # fmt: skip
    if not serving:
        return None
    return [key for _, key, _ in tasks] if cache_dir is not None else []


def _chunks(tasks: list[_Task], count: int) -> Iterator[list[_Task]]:
    """Consecutive files in about `count` chunks of about the same size."""
    target = sum(len(text) for _, _, text in tasks) / count
    chunk: list[_Task] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += len(task[2])
        if size >= target:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _keep(batch: _Batch, normaliser: KnowledgeNormaliser, cache_dir: Path | None) -> None:
    """Keep what a worker found where the load will look for it."""
    texts: list[str] = []
    files = []
    names, stems, terms = batch.terms
    for data, file_terms in zip(batch.parses, terms, strict=True):
        parsed = parsecache.decode(data)
        parsecache.remember(data["key"], parsed)
        for entry in parsed[0].entries if parsed[0] is not None else ():
            texts += entry.questions
            texts.append(entry.answer)
        if parsed[0] is not None and file_terms is not None:
            live = [entry for entry in parsed[0].entries if not entry.draft]
            files.append((live, normaliser.signature, file_terms))
    normaliser.remember(dict(zip(texts, batch.normalised, strict=True)))
    termtables.remember(names, stems, files)
    if batch.blocks is not None:
        nearduplicates.remember(batch.phrasings, *batch.blocks)
    if batch.unwritable is not None and cache_dir is not None:
        parsecache.warn_unwritable(cache_dir, batch.unwritable)


def _work(
    chunk: list[_Task],
    normaliser: Normaliser,
    cache_dir: Path | None,
    parse_file: ParseFile,
    timed: Callable[[str], bool],
    block: bool,
) -> _Batch:
    """In a worker: parse and check each file, normalise its texts, block its phrasings (when
    `block`), and work out the matcher's terms of its live entries."""
    normalise = normaliser.normalise
    parses = []
    normalised: list[str] = []
    phrasings: dict[str, None] = {}
    strings = termtables.Strings()
    terms: list[termtables.FileTerms | None] = []
    unwritable = None
    for shown, key, text in chunk:
        parsed = parse_file(shown, False, text)
        data = parsecache.encode(key, parsed)
        parses.append(data)
        if cache_dir is not None and unwritable is None:
            unwritable = parsecache.store(cache_dir, data)
        entries = parsed[0].entries if parsed[0] is not None else []
        of: dict[str, str] = {}  # this file's texts, normalised, for its terms
        for entry in entries:
            questions = list(map(normalise, entry.questions))
            answer = normalise(entry.answer)
            phrasings.update(dict.fromkeys(questions))
            normalised += questions
            normalised.append(answer)
            of.update(zip(entry.questions, questions, strict=True))
            of[entry.answer] = answer
        live = [entry for entry in entries if not entry.draft]
        terms.append(termtables.worked_out(live, of.__getitem__, timed, strings) if live else None)
    unique = list(phrasings) if block else []
    blocks = nearduplicates.blocks_of(unique) if block else None
    return _Batch(
        parses, normalised, unique, blocks, unwritable, (strings.names, strings.stems, terms)
    )
