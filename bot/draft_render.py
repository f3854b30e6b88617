"""A Draft written out as a knowledge file that loads: YAML, a header saying what to do.

Every entry is marked `draft: true`; what the text did not give (url, publisher, date) is a TODO
that `newsbot check` reports until it is filled in; sentences not drafted are listed as comments,
so no fact is dropped silently.
"""

from __future__ import annotations

from typing import Any

import yaml

from bot.drafting import Draft

URL_PLACEHOLDER = "TODO"  # `newsbot check`: "not an http(s) URL: 'TODO'" until replaced
DATE_PLACEHOLDER = "TODO"  # `newsbot check`: "not a date: 'TODO'" until replaced

HEADER = """\
# DRAFT knowledge for "{title}"
# made by: newsbot draft {source}
# Nothing here is answered yet: the bot ignores entries marked 'draft: true', and
# `newsbot check` warns about each one. For every entry:
#   1. rewrite the answer in your own words (facts, figures, names and dates stay exact);
#   2. correct the questions and add the other ways people ask it;
#   3. remove 'draft: true'.
# Delete the entries not worth keeping, then run `newsbot check` and `newsbot eval`.
"""
CAPTION_NOTE = "  # from the photo caption: check that the article's text says the same\n"


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key, the way the knowledge files are written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _literal_block(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Multi-line text (the article) as a `|` block, as readable in the file as on the page."""
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _literal_block)


def render_knowledge(draft: Draft, url: str | None = None, source: str = "ARTICLE.txt") -> str:
    """The draft as a knowledge file, header comment included; it loads with our YAML loader."""
    article = draft.article
    parts = [HEADER.format(title=article.title, source=source)]
    todo = []
    if not url:
        todo.append(f"url: put the article's address in place of {URL_PLACEHOLDER}")
    if not article.publisher:
        todo.append("publisher: not found in the text; write who published it")
    if article.date is None:
        todo.append(f"date: not found in the text; write it as YYYY-MM-DD ({DATE_PLACEHOLDER})")
    parts += [f"# TODO {item} (`newsbot check` reports it until then)\n" for item in todo]
    data: dict[str, Any] = {
        "version": 1,
        "article": {
            "title": article.title,
            "url": url or URL_PLACEHOLDER,
            "publisher": article.publisher or "",
            "date": article.date or DATE_PLACEHOLDER,
            # kept for answers quoted from the article when no entry fits
            "text": "\n\n".join(article.paragraphs + article.captions) + "\n",
        },
        "qa": [
            {"id": e.id, "questions": list(e.questions), "answer": e.answer, "draft": True}
            for e in draft.entries
        ],
    }
    body = yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000,
        default_flow_style=False,
    )  # fmt: skip
    for entry in draft.entries:
        if entry.from_caption:
            line = f"  - id: {entry.id}\n"
            body = body.replace(line, CAPTION_NOTE + line)
    parts.append(body)
    if draft.skipped:
        parts.append("\n# Not drafted; add entries by hand where they matter:\n")
        parts += [f"#   [{why}] {' '.join(sentence.split())}\n" for sentence, why in draft.skipped]
    return "".join(parts)
