"""Replies: knowledge text is escaped, answers carry title, date and link, and fit one message."""

from __future__ import annotations

import datetime as dt

from bot.answering import Reply
from bot.delivery import split_message
from bot.knowledge import Article, Entry, KnowledgeBase
from bot.limits import REPLY_OVERHEAD_CHARS, TELEGRAM_MESSAGE_LIMIT
from bot.replies import answer_html, render_html, render_plain

ARTICLE = Article(
    "Tom & Jerry <live>", "https://example.org/a?x=1&y=2", "pub", dt.date(2022, 2, 21), "a.yaml"
)


def test_answer_html_escapes_everything_from_the_knowledge() -> None:
    entry = Entry("e", ("q?",), "a < b & c > d", ARTICLE, "a.yaml", 1)
    html = answer_html(entry)
    assert "a &lt; b &amp; c &gt; d" in html
    assert "Tom &amp; Jerry &lt;live&gt;" in html
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html
    assert "Feb 21, 2022" in html


def test_plain_answer_has_fact_title_date_and_link() -> None:
    entry = Entry("e", ("q?",), "The fact.", ARTICLE, "a.yaml", 1)
    text = render_plain(Reply("q?", "answer", entry), KnowledgeBase((ARTICLE,), (entry,)))
    assert text.startswith("The fact.")
    assert "Tom & Jerry <live>" in text
    assert "Feb 21, 2022" in text
    assert text.endswith("https://example.org/a?x=1&y=2")


def test_the_longest_valid_answer_fits_one_telegram_message() -> None:
    budget = (
        TELEGRAM_MESSAGE_LIMIT
        - REPLY_OVERHEAD_CHARS
        - len(ARTICLE.title)
        - len(ARTICLE.url)
        - len(ARTICLE.publisher)
    )
    entry = Entry("e", ("q?",), "x" * budget, ARTICLE, "a.yaml", 1)
    assert len(answer_html(entry)) <= TELEGRAM_MESSAGE_LIMIT


def test_none_reply_lists_the_articles_when_nothing_is_related() -> None:
    entry = Entry("e", ("q?",), "The fact.", ARTICLE, "a.yaml", 1)
    knowledge = KnowledgeBase((ARTICLE,), (entry,))
    html = render_html(Reply("weather?", "none"), knowledge)
    assert "don't know" in html
    assert "Tom &amp; Jerry" in html


def test_long_text_is_split_at_line_breaks_below_the_limit() -> None:
    text = "\n".join(f"line {i} " + "x" * 90 for i in range(200))
    parts = split_message(text)
    assert len(parts) > 1
    assert all(len(p) <= TELEGRAM_MESSAGE_LIMIT for p in parts)
    assert "\n".join(parts) == text


def test_articles_with_only_draft_entries_are_not_offered_to_users() -> None:
    draft = Entry("d", ("q?",), "TODO", ARTICLE, "a.yaml", 1, draft=True)
    html = render_html(Reply("weather?", "none"), KnowledgeBase((ARTICLE,), (draft,)))
    assert "Tom &amp; Jerry" not in html


def test_a_question_left_open_shows_the_nearest_fact_escaped_with_its_link() -> None:
    entry = Entry("e", ("q?",), "a < b", ARTICLE, "a.yaml", 1, not_in_article=("why?",))
    html = render_html(Reply("why?", "none", left_open=entry), KnowledgeBase((ARTICLE,), (entry,)))
    assert html.startswith("The article doesn't say that. What it does say:\na &lt; b")
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html
