"""The core knows nothing of Telegram: only the adapters may import it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ADAPTERS = {"app.py", "handlers.py", "delivery.py", "runner.py"}
CORE = sorted(p for p in Path("bot").glob("*.py") if p.name not in ADAPTERS)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.name)
def test_core_module_does_not_import_telegram(path: Path) -> None:
    assert not imported_modules(path) & {"telegram", "httpx"}


def test_the_core_is_not_empty() -> None:
    assert {"matching.py", "answering.py", "knowledge.py", "text.py"} <= {p.name for p in CORE}


def test_the_drafting_modules_are_core() -> None:
    drafting = {"article_text.py", "draft_grammar.py", "draft_facts.py", "draft_figures.py"}
    drafting |= {"drafting.py", "draft_render.py", "ids.py", "sentences.py"}
    assert drafting <= {p.name for p in CORE}
