"""Turn a Reply into words: plain text for terminals and JSON, Telegram HTML for chats.

All escaping lives here: knowledge text is data, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.answering import NOTHING_ASKED, SMALL_TALK_REASON, THANKS, Reply
from bot.knowledge import Article, Entry, KnowledgeBase
from bot.matching import Candidate
from bot.quoting import Quote
from bot.text import basic_normalise

RELATED_FLOOR = 25.0  # weak matches still worth suggesting after "I don't know"
MAX_TOPICS_LISTED = 10
QUOTE_OPENING = "I have no ready answer to that, but the article says:"
CORRECTION_OPENING = "That is not what the article says. It says:"
LEFT_OPEN_OPENING = "The article doesn't say that. What it does say:"


def related(reply: Reply) -> tuple[Candidate, ...]:
    """Entries to suggest with a "none" or a quote: on topic, but never offered as the answer."""
    if reply.status == "clarify" or (reply.quote is not None and reply.choices):
        return reply.choices
    if reply.status == "none" or reply.quote is not None:
        shown = reply.left_open  # its fact is in the reply already
        return tuple(c for c in reply.candidates if c.score >= RELATED_FLOOR and c.entry != shown)[
            :3
        ]
    return ()


def source_line(article: Article) -> str:
    return f"{article.title} ({article.publisher}, {article.date_text})"


def render_plain(reply: Reply, knowledge: KnowledgeBase, numbered_choices: bool = True) -> str:
    """What a user reads in the terminal, and the `text` of `newsbot ask --json`."""
    if reply.status == "answer" and reply.entry is not None:
        entry = reply.entry
        opening = f"{CORRECTION_OPENING}\n" if reply.corrects else ""
        return (
            f"{opening}{entry.answer}\n\nSource: {source_line(entry.article)}\n{entry.article.url}"
        )
    if reply.status == "answer" and reply.quote is not None:
        quoted = f"{QUOTE_OPENING}\n“{reply.quote.passage.text}”"
        return _sourced_with_related(quoted, reply.quote.passage.article, reply)
    if reply.left_open is not None:
        entry = reply.left_open
        return _sourced_with_related(f"{LEFT_OPEN_OPENING}\n{entry.answer}", entry.article, reply)
    if reply.status == "clarify":
        lines = ["I'm not sure which of these you mean:"]
        lines += [f"{i}. {c.entry.main_question}" for i, c in enumerate(reply.choices, 1)]
        if numbered_choices:
            lines.append("Reply with a number, or ask again in other words.")
        return "\n".join(lines)
    return _none_plain(reply, knowledge)


def _sourced_with_related(said: str, article: Article, reply: Reply) -> str:
    """What the article says, its source, then the questions that sound related."""
    text = f"{said}\n\nSource: {source_line(article)}\n{article.url}"
    also = related(reply)
    if also:
        text += "\n\nQuestions I can answer that sound related:\n"
        text += "\n".join(f"- {c.entry.main_question}" for c in also)
    return text


def _none_plain(reply: Reply, knowledge: KnowledgeBase) -> str:
    lines = [_none_opening(reply)]
    suggestions = related(reply)
    if suggestions:
        lines.append("Questions I can answer that sound related:")
        lines += [f"- {c.entry.main_question}" for c in suggestions]
    else:
        lines.append("I know about these articles:")
        lines += [f"- {source_line(a)}" for a in knowledge.live_articles[:MAX_TOPICS_LISTED]]
    return "\n".join(lines)


def _none_opening(reply: Reply) -> str:
    if reply.reason == SMALL_TALK_REASON:
        if set(basic_normalise(reply.question).split()) & (THANKS - {"you"}):
            return "You're welcome! Ask me anything else about the news."
        return "Hello! Ask me a question about the news in your own words."
    if not reply.question.strip() or reply.reason == NOTHING_ASKED:
        return "Ask me a question about the news, for example about the articles below."
    if reply.reason.startswith("no entry shares") and not reply.candidates:
        base = "Sorry, I don't know that: the articles I have don't cover it."
    else:
        base = "Sorry, I don't know that: the articles I have don't say."
    if reply.truncated:
        base += " (Your message was long, so I read only its beginning.)"
    return base


def render_html(reply: Reply, knowledge: KnowledgeBase) -> str:
    """Telegram HTML: the answer, its article title and date, and a link; everything escaped."""
    if reply.status == "answer" and reply.entry is not None:
        return answer_html(reply.entry, CORRECTION_OPENING if reply.corrects else "")
    if reply.status == "answer" and reply.quote is not None:
        html = quote_html(reply.quote)
        return f"{html}\n\nQuestions I can answer that sound related:" if related(reply) else html
    if reply.left_open is not None:
        html = answer_html(reply.left_open, LEFT_OPEN_OPENING)
        return f"{html}\n\nQuestions I can answer that sound related:" if related(reply) else html
    if reply.status == "clarify":
        return "I'm not sure which of these you mean. Tap one, or ask again in other words:"
    text = escape(_none_opening(reply), quote=False)
    if related(reply):
        return f"{text}\nQuestions I can answer that sound related:"
    return f"{text}\nI know about these articles:\n{topics_html(knowledge.live_articles)}"


def answer_html(entry: Entry, opening: str = "") -> str:
    article = entry.article
    return (
        (f"{escape(opening, quote=False)}\n" if opening else "")
        + f"{escape(entry.answer, quote=False)}\n\n"
        f'📰 <a href="{escape(article.url)}">{escape(article.title, quote=False)}</a>\n'
        f"<i>{escape(article.publisher, quote=False)}, {article.date_text}</i>"
    )


def quote_html(quote: Quote) -> str:
    """The article's own words, marked as a quotation, with the article they come from."""
    article = quote.passage.article
    return (
        f"{escape(QUOTE_OPENING, quote=False)}\n"
        f"<blockquote>{escape(quote.passage.text, quote=False)}</blockquote>\n"
        f'📰 <a href="{escape(article.url)}">{escape(article.title, quote=False)}</a>\n'
        f"<i>{escape(article.publisher, quote=False)}, {article.date_text}</i>"
    )


def topics_html(articles: Sequence[Article]) -> str:
    """The articles as a list of links, newest first."""
    lines = [
        f'• <a href="{escape(a.url)}">{escape(a.title, quote=False)}</a> — {a.date_text}'
        for a in sorted(articles, key=lambda a: a.date, reverse=True)
    ]
    return "\n".join(lines) if lines else "(no articles loaded)"


def topics_plain(articles: Sequence[Article]) -> str:
    lines = [
        f"- {a.title} ({a.publisher}, {a.date_text})\n  {a.url}"
        for a in sorted(articles, key=lambda a: a.date, reverse=True)
    ]
    return "\n".join(lines) if lines else "(no articles loaded)"
