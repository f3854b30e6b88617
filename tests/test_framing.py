"""The guards in bot/framing.py only save work: the text comes out as every rewrite gives it."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from bot import framing as f


def _every_rewrite(text: str) -> str:
    """without_framing with no guard: each rewrite tried on every text, in the same order."""
    text = f._MENTION.sub("", text)
    text = f._COURTESY.sub("", text)
    text = f._ANY_LANGUAGE_TAG.sub("", text)
    text = f._CHAT_GREETING.sub("", text)
    text = f._ADDRESSED.sub("", text)
    text = f._NAMED_AS.sub("", text)
    text = f._OWN_MEMORY.sub("", text)
    text = f._WHERE_HEARD.sub(r"\1 ", text)
    text = f._HOW_IT_SOUNDS.sub(" ", text)
    text = f._DOUBT.sub("", text)
    text = f._IF_KNOWN.sub("", text)
    text = f._CHECKING_FOR.sub("", text)
    text = f._ENOUGH.sub("", text)
    text = f._GIVEN_AS_A_FIGURE.sub("", text)
    text = f._CHECK_LABEL.sub("", text)
    text = f._PURPOSE.sub(" ", text)
    text = f._DRAFT_CLAIM.sub("", text)
    for _ in range(3):
        text, found = f._INTRODUCTION.subn("", text)
        if not found:
            break
    text = f._WHICH_PARAGRAPH.sub("", text)
    text = f._CONFIRMATION_SENTENCE.sub("", text)
    text = f._without_confirming_tails(text)
    kept = f._PARTICLE_AFTER_A_TAG.sub("", text)
    if kept[-24:].lower().rstrip(" ?!.'\"\u2019\u201d").rpartition(" ")[2] in f.TAG_WORDS:
        text = kept  # "Correct ba?": a particle closing a tag
    last = text[-24:].lower().rstrip(" ?!.'\"\u2019\u201d").rpartition(" ")[2]
    if last in f.TAG_WORDS:  # what the tags ask of the text, not a guard
        text = f._CONFIRMATION_TAG.sub("", text)
        if text.count(" ") >= 3:
            text = f._BARE_CONFIRMATION_TAG.sub("", text)
            if f._STATEMENT_RIGHT.search(text) and not f._ASKS_FOR_SOMETHING.match(text):
                text = f._STATEMENT_RIGHT.sub("", text)
            if f.ends_as_a_statement_checked(text):
                text = f._STATEMENT_IS_IT.sub("", text)
    text = f._CONFIRMATION_LEAD.sub(" ", text)
    text = f._SOURCED_CLAIM.sub(" ", text)
    text = f._ANYONE_SAYS.sub(" ", text)
    text = f._HEARSAY.sub(" ", text)
    text = f._CONFIRMED_THEN_ASKED.sub(" ", text)
    text = f._PUT_TO_ITS_SOURCE.sub("", text)
    text = f._SAID_BY_ITS_SOURCE.sub(r"\1", text)
    text = f._ACCORDING_TO_SPEAKER.sub("", text)
    text = f._ATTRIBUTED.sub("", text)
    text = f._CLAIMED_BY.sub("", text)
    text = f._NEEDED_FOR.sub("", text)
    text = f._ARTICLE_AS_SOURCE.sub(" ", text)
    return f._WHERE_TO_LOOK.sub(r"\1\2", text)


def _questions() -> list[str]:
    """Every question of the evaluation sets: thousands of ways people frame one."""
    texts = []
    for path in sorted(Path("eval").glob("*.yaml")):
        texts += [case["q"] for case in yaml.safe_load(path.read_text())["questions"]]
    return texts


def _framed(count: int) -> list[str]:
    """Random texts made of the framings' pieces, with their punctuation and case."""
    pieces = [
        "Is it true that", "I heard", "I've read", "My cousin says", '"Did', "the article say",
        "Did the manager say that", "according to the report", "Fact check:", "Homework check:",
        "- accurate?", ", right?", " right", "? That's what I read.", ". Is that correct?",
        "I keep forgetting", "or am I mixing it up", "(correct)", "it opened in May", " ",
        "Someone in my group said", "Retired here,", "in the third paragraph", "attributed to",
        "Find the date in the article.", "yes?", "wrong", "the case", "suppose", "told me",
        "Sorry for dumb question,", "or did I misread that", "stupid q -",
        "My mum asked whether", "My dad thinks", "my uncle read that", "Is that right",
        "I have written in my notes that", "or did I record the wrong day?", "Our group wrote",
        "or have I confused it with something else", "for our class report on the park,",
        "as one of my students claims?", "as my friend says", "so that my students understand",
        "so I can follow", "as", "so", "Need it for the dateline.", ", for the lede", "for",
        "want to get it exactly right", "or is that overstating it?", "Can we call", "Draft has",
        "Is that the figure the article gives?", "Does the article support that?",
        "Sorry, my English not so good.", "Excuse my English,", "english", "@anna", "@leo,",
        "mail@example.org", "based on the article", "or should it be a different part",
        "gm all 👋", "gm!", "gm", "GN everyone,", "gn", "gm of the park",
        "According to the park's assistant general manager,", "according to", "Did the GM say",
        "How many buildings", "did the manager say", "does the report expect", "What",
        "The reporter calls", "for my daughter's homework", "For my briefing", "journalist",
        "i read Kaida wants", "I read news", "I'm checking a draft that calls", "Can I confirm",
        "for the council update", "in the annual report", "or is that just PR?", "or just",
        "or is it just for show", "A patron says", "Headline says", "They claim", "my aunt",
        "for my wechat group", "A guest asked me about", "Visitors keep asking me", "for a",
        "briefing note", "Just checking", "to share with my students", "as I thought I read",
        "I seem to remember", "or is it still empty plans", "i keep getting it wrong",
        "My sister swears", "A former colleague of mine told me", ", a retired engineer,",
        "insists that", "or has his memory slipped", "or did he get it mixed up",
        "and I promised her I would check", "if you happen to know", "if the article says",
        "Just the names are fine.", "I could well be wrong", "That's what I vaguely recall",
        "Having organised events before I retired,", "I'm not good with big numbers, but",
        "or was it fewer than that", "or does he have a different title", "I keep forgetting it",
        "I read somewhere that", "Whereabouts is", "Sorry if this is basic, but",
        "Someone in my book club said", "I wrote down", "10 billion", "My son-in-law says",
        "A man at the bus stop said", "Sorry, my teacher asked whether", "Someone here asked if",
        "I'm sorry, I might have misread.", "Sorry, I don't really know construction terms.",
        "I want to tell her correctly:", "I got a bit confused reading it.",
        "Surely that's too many?", "please?", "Please,", "thanks!", "kindly,", "pls",
        "verdad?", "¿Es verdad?", "tochno?", "da?", "zhen de ma?", "giusto?", "is that right day?",
        "Have I got that wrong?",
        "or is he havering", "legit",
        "Correct size?", "Kindly confirm whether I am correct.", "I told my church elders that",
        "in the locker room that", "at the market", "that", "and my partner told me",
        "diba?", "or no?", "Is it good?", "c'est exact?", "betul ke?", "tama ba yun?",
        "the park official",
        "boss", "mate how", "Boss was", "ama?", "si ndio?", "Na true?", ". that what the news say?",
        ". What is the real number?", "what is real number?", "the name", "Saw the name HYCAN",
        "a man called Pan", "a company named", "What is the name of", "this name", "Called",
        "é verdade?", "benar tidak?", "tidak", "swears blind", "Is that richt?", "is it",
        ", isn't it", "where is it", "10 buildings capped in 2022 is it", "Hullo there,",
        "retired joiner fae Paisley here.", "ent?", "true anot?", "anot", "correct no?",
        "or he is lying?", "swears up and down", "She right, baby?", "Boss give me", "Correct ba?",
        "right po?", "ba", "lah?", "quoted as", "quoted at the", "stated as 5",
        "For comparison with our station,", "for scale:", "For reference,",
        ". Correct that if wrong.", "correct me if wrong",
    ]  # fmt: skip
    rng = random.Random(12)
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(count)]


def test_framing_gives_what_every_rewrite_gives() -> None:
    for text in _questions() + _framed(20_000):
        assert f.without_framing(text) == _every_rewrite(text), repr(text)
