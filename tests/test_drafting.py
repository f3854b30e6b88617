"""`newsbot draft`: knowledge drafted from an article's text, as specifications.

The seed article's published text is kept under tests/data/articles (as in shared/articles, the
project's source material), so these specifications run in every clone; the other small articles
there are written for these tests, in other formats, so the rules are not fitted to one file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.article_text import parse_article, parse_dateline
from bot.cli import main
from bot.cli_draft import add_parser, run
from bot.draft_render import render_knowledge
from bot.drafting import Draft, DraftEntry, draft_article
from bot.knowledge import load_knowledge
from bot.limits import CALLBACK_ID_MAX_BYTES
from bot.matching import Matcher
from bot.sentences import split_sentences
from bot.validation import ID_PATTERN

SAMPLES = Path(__file__).resolve().parent / "data" / "articles"
SEED = SAMPLES / "2022-02-21-haizhu-launch-ceremony.txt"
RIVERTON = SAMPLES / "riverton-footbridge.txt"
GOOD = Path(__file__).resolve().parent / "data" / "good"
URL = "http://en.haizhu.gov.cn/2022-02/21/c_713394.htm"
DRAFT_HINT = "(rewrite the answer in your own words, add phrasings, then remove 'draft: true')"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Draft:
    return draft_article(seed_text, SEED.name)


@pytest.fixture(scope="module")
def riverton() -> Draft:
    return draft_article(RIVERTON.read_text(encoding="utf-8"), RIVERTON.name)


def with_fact(draft: Draft, fact: str) -> list[DraftEntry]:
    return [e for e in draft.entries if fact in e.answer]


def questions_of(draft: Draft) -> dict[str, tuple[str, ...]]:
    return {e.id: e.questions for e in draft.entries}


# -------------------------------------------------------------------------- the seed article


def test_the_seed_articles_title_publisher_and_date_are_found(seed: Draft) -> None:
    article = seed.article
    assert article.title == "Haizhu holds launch ceremony for key urban industrial projects"
    assert article.publisher == "chinadaily.com.cn"
    assert article.date == dt.date(2022, 2, 21)


def test_the_seed_articles_boilerplate_is_set_aside_and_drafts_nothing(seed: Draft) -> None:
    assert seed.article.dropped == (
        "1 2 3 5 6 7",
        "3.webp (1)_副本.jpg",
        "Copyright © Haizhu·Guangzhou",
        "All rights reserved. Presented by China Daily",
    )
    text = " ".join(seed.article.paragraphs) + " ".join(e.answer for e in seed.entries)
    for noise in ("1 2 3", ".jpg", "webp", "Copyright", "rights reserved", "Presented by"):
        assert noise not in text
    assert seed.article.captions == (
        "The launch ceremony of Haizhu's key urban industrial projects and the construction of "
        "the Pearl River Science and Technology Innovation Park is held on Feb 18.",
    )


@pytest.mark.parametrize(
    ("fact", "question"),
    [
        ("on Feb 18", "When did Haizhu hold a launch ceremony for key urban industrial projects?"),
        ("Meishang, Yuanzhi Technology, and HYCAN", "Meishang, Yuanzhi Technology and HYCAN"),
        (
            "500,000 square meters",
            "How big is the Pearl River Science and Technology Innovation Park?",
        ),
        ("eight buildings", "How many buildings will be capped this year?"),
        ("10 billion yuan", "How much will the industrial output value be?"),
        ("Pan Hongping", "Who is Pan Hongping?"),
        ("100-billion-yuan", "What is the 100-billion-yuan cluster?"),
        (
            "second half of 2021",
            "Since when has Haizhu accelerated its urban industrial development?",
        ),
        (
            "10 new urban industrial parks",
            "How many new urban industrial parks will Haizhu strive to add?",
        ),
        ("Pazhou", "Where is the Pearl River Science and Technology Innovation Park?"),
    ],
)
def test_each_key_fact_of_the_seed_article_has_a_draft(
    seed: Draft, fact: str, question: str
) -> None:
    assert any(question in entry.questions for entry in with_fact(seed, fact))


def test_the_seed_drafts_ask_what_the_rules_promise(seed: Draft) -> None:
    asked = questions_of(seed)
    assert asked["launch-ceremony-date"] == (
        "When did Haizhu hold a launch ceremony for key urban industrial projects?",
        "What happened on Feb 18?",
        "launch ceremony date",
    )
    assert asked["companies-meishang"][0] == (
        "Which companies signed intention agreements to be among the first batch of enterprises "
        "to settle in the park?"
    )
    assert asked["eight-buildings"] == (
        "How many buildings will be capped this year?",
        "When will eight buildings be capped?",
        "eight buildings",
    )
    assert asked["pan-hongping"] == (
        "Who is Pan Hongping?",
        "Who is the assistant general manager of the Pearl River Science and Technology "
        "Innovation Park?",
        "What did Pan Hongping say?",
    )
    assert asked["above-ground-construction-area"][1] == (
        "What is the above-ground construction area of the Pearl River Science and Technology "
        "Innovation Park?"
    )
    assert asked["strategic-pillar-industry-cluster"][0] == (
        "How big is the strategic pillar industry cluster?"
    )


def test_one_sentence_with_three_facts_gives_three_entries_with_that_sentence(
    seed: Draft,
) -> None:
    quoted = with_fact(seed, "said Pan Hongping")
    assert [(e.id, e.fact) for e in quoted] == [
        ("eight-buildings", "figure: eight buildings"),
        ("industrial-output-value", "figure: 10 billion yuan"),
        ("pan-hongping", "person: Pan Hongping"),
    ]
    assert {e.answer for e in quoted} == {quoted[0].answer}
    assert quoted[0].answer.startswith('"It is expected that eight buildings')


def test_sentences_without_a_fact_and_a_caption_repeating_the_text_are_listed(
    seed: Draft,
) -> None:
    assert [why for _, why in seed.skipped] == [
        "no figure, date or name",
        "no figure, date or name",
        "photo caption repeating the text",
    ]
    assert seed.skipped[0][0].startswith("The park will focus deeply on")


def test_the_seed_drafts_have_valid_unique_ids_and_two_or_three_questions(seed: Draft) -> None:
    ids = [e.id for e in seed.entries]
    assert len(ids) == len(set(ids)) >= 10
    for entry in seed.entries:
        assert ID_PATTERN.match(entry.id)
        assert len(entry.id.encode()) <= CALLBACK_ID_MAX_BYTES
        assert 2 <= len(entry.questions) <= 3
        assert entry.answer in " ".join(seed.article.paragraphs)


def test_the_rendered_seed_file_loads_with_one_draft_warning_per_entry(
    seed: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = render_knowledge(seed, URL, SEED.name)
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "haizhu.yaml").write_text(rendered, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = load_knowledge(Path("kb"))
    assert result.errors == []
    draft_lines = [
        i for i, line in enumerate(rendered.splitlines(), 1) if line == "    draft: true"
    ]
    assert [p.format() for p in result.warnings] == [
        f"kb/haizhu.yaml:{line}:5: warning: qa[{n}].draft: draft entry '{entry.id}' "
        f"is not answered yet {DRAFT_HINT}"
        for n, (line, entry) in enumerate(zip(draft_lines, seed.entries, strict=True))
    ]
    knowledge = result.knowledge
    assert len(knowledge.entries) == len(seed.entries)
    assert all(entry.draft for entry in knowledge.entries)
    assert knowledge.articles[0].url == URL
    matcher = Matcher(knowledge)
    for entry in knowledge.entries:
        for question in entry.questions:
            assert matcher.match(question) == []


def test_the_rendered_file_tells_the_maintainer_what_to_do(seed: Draft) -> None:
    rendered = render_knowledge(seed, URL, SEED.name)
    header = rendered.split("version: 1")[0]
    assert "rewrite the answer in your own words" in header
    assert "add the other ways people ask it" in header
    assert "remove 'draft: true'" in header
    assert f"newsbot draft {SEED.name}" in header
    assert "#   [no figure, date or name] The park will focus deeply on" in rendered
    data = yaml.safe_load(rendered)
    assert list(data) == ["version", "article", "qa"]
    assert data["article"] == {
        "title": seed.article.title,
        "url": URL,
        "publisher": "chinadaily.com.cn",
        "date": dt.date(2022, 2, 21),
        "text": "\n\n".join(seed.article.paragraphs + seed.article.captions) + "\n",
    }
    assert "  text: |\n    Haizhu held a launch ceremony" in rendered  # readable as a block
    assert "Copyright" not in data["article"]["text"]  # boilerplate is not article text
    assert list(data["qa"][0]) == ["id", "questions", "answer", "draft"]


def test_without_a_url_the_file_fails_check_on_the_url_only(
    seed: Draft, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = render_knowledge(seed, None, SEED.name)
    assert "# TODO url: put the article's address in place of TODO" in rendered
    (tmp_path / "haizhu.yaml").write_text(rendered, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    errors = [p.format() for p in load_knowledge(Path(".")).errors]
    url_line = rendered.splitlines().index("  url: TODO") + 1
    assert errors == [
        f"haizhu.yaml:{url_line}:8: article.url: not an http(s) URL: 'TODO' "
        "(write it as https://...)"
    ]


def test_existing_ids_and_questions_are_avoided(seed_text: str) -> None:
    draft = draft_article(
        seed_text,
        SEED.name,
        taken_ids={"pan-hongping", "eight-buildings"},
        taken_questions=["Who is Pan Hongping?", "When was the launch ceremony held?"],
    )
    asked = questions_of(draft)
    assert "pan-hongping-2" in asked
    assert "eight-buildings-2" in asked
    assert "Who is Pan Hongping?" not in asked["pan-hongping-2"]


# -------------------------------------------------------------------- an article of our own


def test_a_by_line_header_gives_publisher_and_date(riverton: Draft) -> None:
    article = riverton.article
    assert article.title == "Riverton opens its new footbridge over the Wend"
    assert (article.publisher, article.date) == ("Riverton Gazette", dt.date(2023, 5, 4))
    assert article.dropped == (
        "Page 1 of 2",
        "footbridge-dusk_1.png",
        "© 2023 Riverton Gazette. All rights reserved.",
    )
    assert article.captions == ("The footbridge lit up at dusk, seen from Quay Street.",)


def test_the_sample_drafts_cover_decimals_quotes_dimensions_and_places(riverton: Draft) -> None:
    asked = questions_of(riverton)
    assert asked == {
        "riverton-footbridge-date": (
            "When did the Riverton footbridge open to pedestrians?",
            "What happened on May 2, 2023?",
            "Riverton footbridge date",
        ),
        "bridge-length": ("How long is the bridge?", "240 meters"),
        "path-width": ("How wide is the path?", "4.5 meters"),
        "lena-hoff": ("Who is Lena Hoff?", "Who is the mayor?", "What did Lena Hoff say?"),
        "12-5-million-euros": ("How much did building the bridge cost?", "12.5 million euros"),
        "footbridge-location": ("Where is the footbridge?", "Where is the footbridge located?"),
        "tomas-weil": ("Who is Tomas Weil?", "What did Tomas Weil design?", "Tomas Weil"),
        "1200-tonnes": ("How much does the deck weigh?", "1,200 tonnes"),
        "lights-benches-date": (
            "When will the city council add lights and benches along the bridge?",
            "What will happen in the third quarter of the year?",
            "lights and benches date",
        ),
        "quay-street": ("What does the article say about Quay Street?", "Quay Street"),
    }
    quoted = riverton.entries[3]
    assert quoted.answer == (
        '"We expect 3,000 people to cross it every day. It links the old town to the station," '
        "said Mayor Lena Hoff."
    )


def test_a_caption_fact_is_drafted_but_flagged(riverton: Draft) -> None:
    flagged = [e.id for e in riverton.entries if e.from_caption]
    assert flagged == ["quay-street"]
    rendered = render_knowledge(riverton, "https://example.org/footbridge", RIVERTON.name)
    assert (
        "  # from the photo caption: check that the article's text says the same\n"
        "  - id: quay-street\n"
    ) in rendered


def test_headings_are_not_drafted_and_factless_sentences_are_listed(riverton: Draft) -> None:
    assert all("Lighting and benches" not in e.answer for e in riverton.entries)
    assert riverton.skipped == (
        ("Cyclists must dismount on the bridge.", "no figure, date or name"),
    )


def test_the_rendered_sample_loads_with_draft_warnings_only(
    riverton: Draft, tmp_path: Path
) -> None:
    path = tmp_path / "riverton.yaml"
    path.write_text(render_knowledge(riverton, "https://example.org/footbridge"), "utf-8")
    result = load_knowledge(tmp_path)
    assert result.errors == []
    assert [p.field for p in result.warnings] == [f"qa[{i}].draft" for i in range(10)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("chinadaily.com.cn| Updated: Feb 21, 2022", ("chinadaily.com.cn", dt.date(2022, 2, 21))),
        ("Updated: 2022-02-21", (None, dt.date(2022, 2, 21))),
        ("By Li Wen | Xinhua | 2022-02-21", ("Xinhua", dt.date(2022, 2, 21))),
        ("Published: 3 March 2021 10:15 BJT", (None, dt.date(2021, 3, 3))),
        (
            "Updated: Sept. 9, 2023 | Source: Guangzhou Daily",
            ("Guangzhou Daily", dt.date(2023, 9, 9)),
        ),
        ("The park opened on Feb 18, 2022, with a ceremony attended by 300 people.", None),
        ("Haizhu holds launch ceremony", None),
    ],
)
def test_datelines(line: str, expected: tuple[str | None, dt.date] | None) -> None:
    assert parse_dateline(line) == expected


def test_the_date_falls_back_to_the_file_name() -> None:
    article = parse_article("A headline\n\nThe council met 12 times.\n", "2021-05-28-council.txt")
    assert (article.title, article.publisher, article.date) == (
        "A headline",
        None,
        dt.date(2021, 5, 28),
    )
    assert parse_article("A headline\n\nNo date here.\n", "notes.txt").date is None


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("It opened on Feb. 18 in Haizhu. Work starts now.", 2),
        ("No. 1 Middle School moved. It is larger.", 2),
        ("Wend Co. Ltd. built it. It cost 1.5 million yuan.", 2),
        ("Growth was 2.5 percent. Exports rose 3.1 percent.", 2),
        ('"We will grow. It is big," said Li Ming. He left.', 2),
        ("Dr. Tomas Weil of the U.S. designed it. He smiled!", 2),
        ('He said: "It is done." Then he left?', 2),
    ],
)
def test_sentences_split_at_stops_not_at_abbreviations_decimals_or_in_quotes(
    paragraph: str, sentences: int
) -> None:
    assert len(split_sentences(paragraph)) == sentences
    assert " ".join(split_sentences(paragraph)) == paragraph


def test_an_article_of_boilerplate_only_has_nothing_to_draft() -> None:
    draft = draft_article("A headline\n\n1 2 3\nphoto.jpg\nCopyright © Somebody\n")
    assert (draft.article.title, draft.entries, draft.article.paragraphs) == ("A headline", (), ())


# ------------------------------------------------------------------------------------- CLI


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="newsbot")
    add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["draft", *argv])


def test_draft_prints_the_yaml(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(parse(str(RIVERTON))) == 0
    out, err = capsys.readouterr()
    data = yaml.safe_load(out)
    assert data["article"]["url"] == "TODO"
    assert [e["draft"] for e in data["qa"]] == [True] * 10
    assert err == (
        "10 draft entries written to stdout\n"
        "note: no --url given: replace 'url: TODO' with the article's address\n"
    )


def test_draft_writes_the_file_and_refuses_to_overwrite_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "knowledge" / "riverton.yaml"
    url = "https://example.org/footbridge"
    assert run(parse(str(RIVERTON), "--url", url, "--output", str(output))) == 0
    written = output.read_text(encoding="utf-8")
    assert f"  url: {url}\n" in written
    assert capsys.readouterr() == ("", f"10 draft entries written to {output}\n")
    output.write_text("# edited by hand\n", encoding="utf-8")
    assert run(parse(str(RIVERTON), "--output", str(output))) == 1
    assert capsys.readouterr().err == f"Error: {output} exists; use --force to overwrite it\n"
    assert output.read_text(encoding="utf-8") == "# edited by hand\n"
    assert run(parse(str(RIVERTON), "--url", url, "--output", str(output), "--force")) == 0
    assert output.read_text(encoding="utf-8") == written


def test_draft_reports_a_missing_article_and_a_bad_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert run(parse(str(missing))) == 1
    assert capsys.readouterr().err == f"Error: cannot read {missing}: No such file or directory\n"
    assert run(parse(str(RIVERTON), "--url", "www.example.org/a")) == 1
    assert capsys.readouterr().err == (
        "Error: not an http(s) URL: 'www.example.org/a' (write it as https://...)\n"
    )
    assert run(parse(str(RIVERTON), "--knowledge", str(missing))) == 1
    assert capsys.readouterr().err == f"Error: --knowledge: {missing} is not a folder\n"
    empty = tmp_path / "empty.txt"
    empty.write_text("A headline\n\nNothing to see.\n", encoding="utf-8")
    assert run(parse(str(empty))) == 1
    assert "no sentence with a figure, date or name" in capsys.readouterr().err


def test_a_draft_beside_existing_knowledge_adds_no_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(GOOD, knowledge)
    before = load_knowledge(knowledge)
    output = knowledge / "riverton-draft.yaml"
    url = "https://example.org/footbridge-draft"
    assert (
        run(parse(str(RIVERTON), "--url", url, "-o", str(output), "--knowledge", str(knowledge)))
        == 0
    )
    after = load_knowledge(knowledge)
    assert after.errors == before.errors == []
    new = [p for p in after.warnings if p not in before.warnings]
    assert {p.field.rsplit(".", 1)[-1] for p in new} == {"draft"}


def test_check_strict_exits_2_on_a_draft_and_0_without_strict(
    riverton: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "riverton.yaml").write_text(
        render_knowledge(riverton, "https://example.org/footbridge"), encoding="utf-8"
    )
    assert main(["check", str(tmp_path), "--strict"]) == 2
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"riverton\.yaml:\d+:5: warning: qa\[0\]\.draft: draft entry", out)
