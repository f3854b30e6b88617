"""Noticing edits under the knowledge folder, so changes go live without a restart.

Polling file signatures (path, size, mtime) once a second costs a few hundred stat calls for a
newsroom's worth of files and needs no extra dependency or OS support; a change is acted on
only once the folder has held still for one interval, so an editor's half-written save is not
read (and reported) as broken knowledge.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.engine import Engine, ReloadOutcome
from bot.knowledge import knowledge_files

log = logging.getLogger(__name__)
Signature = frozenset[tuple[str, int, int]]


def folder_signature(directory: Path) -> Signature:
    """What changes when any knowledge file is added, removed or edited."""
    entries = []
    for path in knowledge_files(directory) if directory.is_dir() else []:
        try:
            stat = path.stat()
        except OSError:  # deleted between listing and stat: the next poll sees it
            continue
        entries.append((str(path), stat.st_size, stat.st_mtime_ns))
    return frozenset(entries)


class Reloader:
    """Reloads the engine when the knowledge folder changed and then held still."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.directory = engine.settings.knowledge_dir
        self.alert_due = False  # the last reload was refused for reasons not yet reported
        self._loaded = folder_signature(self.directory)
        self._pending: Signature | None = None
        self._last_refusal: tuple[str, ...] = ()

    def poll(self) -> ReloadOutcome | None:
        """Call once per interval; returns what a reload did, or None when nothing was due."""
        current = folder_signature(self.directory)
        if current == self._loaded:
            self._pending = None
            return None
        if current != self._pending:  # still changing: wait one more interval
            self._pending = current
            return None
        self._pending = None
        return self.reload("files changed", current)

    def check_now(self) -> ReloadOutcome | None:
        """Reload at once if anything changed (between a person's questions, saves are done)."""
        current = folder_signature(self.directory)
        if current == self._loaded:
            return None
        return self.reload("files changed", current)

    def reload(self, why: str, signature: Signature | None = None) -> ReloadOutcome:
        """Reload now (for /reload and SIGHUP too), log it, and report a refusal once."""
        self._loaded = signature if signature is not None else folder_signature(self.directory)
        outcome = self.engine.reload()
        self.alert_due = False
        if outcome.status == "reloaded":
            log.info("knowledge reloaded (%s): %s", why, outcome.summary)
            self._last_refusal = ()
        elif outcome.status == "refused":
            lines = tuple(p.format() for p in outcome.problems)
            log.error(
                "knowledge reload refused (%s); still serving the previous knowledge:\n%s",
                why,
                "\n".join(lines),
            )
            self.alert_due = lines != self._last_refusal
            self._last_refusal = lines
        else:
            log.info("knowledge unchanged (%s)", why)
        return outcome
