"""What frames a question without being asked: confirmations, hearsay, where a claim is from.

"Is it true that ...", "..., right?", "Reports put it on Feb 25. Is that the correct date?",
"A colleague says ...", "according to the article": the fact asked about is what is left.
These rewrites read the text as typed (its punctuation and case), before normalising.
"""

from __future__ import annotations

import re

# The words a thumb-typed tag closes a claim with ("..., right?", "... yes?"), here and in
# bot/checks.py, which reads such a claim as a yes/no check
AGREEING_TAGS = ("right", "correct", "rite")
YES_TAGS = ("yes", "yeah", "yep", "ya", "innit")
_AGREEING = "|".join(AGREEING_TAGS)
_AGREEING_OR_TRUE = frozenset(("true", "right", "correct"))
_YES = "|".join(YES_TAGS)
# "8 buildings, right?", "... - is that correct?", "... sqm. True?": a tag asking for
# confirmation is not a topic
_CONFIRMATION_TAG = re.compile(
    r"(?:\s*[,.!?\-]['\"\u2019\u201d]?\s*"
    # ("Na true?": Nigerian English "is it true?")
    r"(?:is that |is it |isn'?t it |am i |this is |that is |it is |is |na )?"
    r"|\s+(?:is that|is it|isn'?t it|am i)\s+)"
    r"(?:right|correct|true|accurate|rite|true or false|true or not|right or wrong)\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# "Reports put the ceremony on Feb 25. Is that the correct date?", "... Does that match the
# article?": a sentence pointing back at a claim to have it checked is not a topic
_CONFIRMATION_SENTENCE = re.compile(
    # after a sentence's end (a question's too), a closing quote or a dash (one look back:
    # three cost 3x here)
    r"(?<=[.!?'\"\u2019\u201d\-\u2013\u2014])\s+"
    # "Is that right?", "Is he right?", "Is correct?" as a learner asks, "Is this the correct
    # day of the event?"
    r"(?:(?:is|was|are|were)(?: (?:that|this|it|he|she|they))?(?: (?:really|actually|still))?"
    r"(?: (?:the|a))? (?:right|correct|true|accurate|so|the case|a fact)"
    r"(?: (?:date|day|year|figure|number|amount|name|title|place|one))?"
    r"(?: (?:of|for) (?:the|this|that) [a-z]+)?"
    # "Is that his title?", "Is ten the number they gave?"
    r"|(?:is|was) (?:that|this|it|[\w.,-]+) (?:his|her|its|their|the) (?:real |actual |exact "
    r"|right )?(?:title|name|job|role|position|date|day|figure|number|amount|year)"
    r"(?: (?:that )?(?:they|he|she|it|the [a-z]+) (?:gave|give|gives|said|say|says|used|uses"
    r"|mentioned|mentions|put|puts))?"
    # "Is that number right?", "Did I get that right?", "Did I write it down correctly?"
    r"|(?:is|was) (?:that|this|the|my) (?:number|figure|date|day|name|title|year|amount)"
    r" (?:right|correct|true|accurate)"
    r"|did (?:i|we|he|she|they|you) (?:get|write|read|remember|note|copy|hear|understand|have"
    r"|put)"
    r"(?: (?:that|this|it|them))?(?: down)?(?: right| correctly| correct)"
    # "He is right?", "She is wrong right?": the claimant checked
    r"|(?:he|she|they) (?:is|are|was|were) (?:right|wrong|correct)(?: or (?:wrong|right|not))?"
    r"(?:,? right)?"
    # "My memory is bad, please correct me."
    r"|(?:my memory is (?:bad|poor|terrible|not (?:so |very )?good|not great)[.,;!]*\s*)?"
    r"please correct me(?: if (?:i(?:['\u2019]m| am)|i was) wrong)?"
    # "Correct that if wrong.", "Correct me if wrong."
    r"|correct (?:me|that|it|this) if (?:i(?:['\u2019]m| am) |i was |it(?:['\u2019]s| is) )?wrong"
    r"|my memory is (?:bad|poor|terrible|not (?:so |very )?good|not great)"
    r"|(?:does|do|did) (?:that|this|it) (?:match|agree with|fit|square with|tally with)"
    r"(?: (?:the|this|what|your))?(?: (?:article|report|story|piece|knowledge|records?))?"
    r"(?: says?)?"
    r"|(?:does|did) (?:the|this|your) (?:article|report|story|piece|source|text)"
    r" (?:agree|confirm (?:it|this|that)|say so|back (?:it|this|that) up|support (?:it|this|that))"
    # "Is that the figure the article gives?", "Is that what the story says?", "that what the
    # news say?", "Is that what they said?"
    r"|(?:(?:is|was) )?(?:that|this|it) (?:the (?:figure|number|date|name|title|wording|term)"
    r"(?: that)?|what) (?:(?:the|your) (?:article|report|story|piece|text|news)|they|he|she)"
    r" (?:gives|gave|says|say|said|uses|used|has|states|stated|reports|reported)"
    # "What is the real number?": the claim before it, checked
    r"|what(?: is|['’]s|s)? (?:the )?(?:real|correct|right|actual|true) (?:number|figure"
    r"|date|day|name|title|amount)"
    # "Please verify the exact figure.", "Can you confirm those names?", "Correct number?"
    r"|(?:(?:please|kindly|(?:can|could) you)(?: please| kindly)? )?(?:confirm|verify|check)"
    r"(?: (?:that|this|it|those|these|the))?(?: (?:exact|correct|right|real))?"
    r"(?: (?:figure|number|date|names?|title|spelling|facts?))?"
    r"|(?:the )?(?:correct|right|exact) (?:figure|number|date|name|title)"
    # "... worth 10 billion yuan? That's what I read.": where the claim came from
    r"|(?:that['\u2019]?s|that is|this is) what (?:i|we) (?:read|heard|saw|was told|were told"
    r"|remember|thought)(?: (?:somewhere|online|earlier|before))?)\s*[?!.]*\s*$",
    re.IGNORECASE,
)

# "... add 5 new parks right?", typed without a comma (in a longer text: "Is that right?" asks)
# ("... yes?", "... innit?", "... rite?" as thumbs type it)
_BARE_CONFIRMATION_TAG = re.compile(rf"\s+(?:{_AGREEING}|{_YES})\s*\?+\s*$", re.IGNORECASE)
# "hycan signed to be among the first in the park right": a statement ending in "right" checks
# it; "which way do I turn right" asks something, and keeps its "right"
_STATEMENT_RIGHT = re.compile(rf"\s+(?:{_AGREEING})\s*$", re.IGNORECASE)
# "10 buildings capped in 2022 is it", "haizhu aims 20 new parks, isn't it": a statement
# closed by "is it", as Singapore, India or Hong Kong put a check (a text asking "what" or
# opening with a verb, "where is it", "Is it?", keeps it)
_OPENS_WITH_A_VERB = re.compile(r"\W*(?:is|are|was|were|did|will|has|have)\b", re.IGNORECASE)
_STATEMENT_IS_IT = re.compile(r",?\s+is(?:n['\u2019]?t)? it\s*\?*\s*$", re.IGNORECASE)
# a question word anywhere (bot/checks.py reads a question with none as a check)
ASKS_WH = re.compile(r"\b(?:what|when|where|who|whom|whose|why|which|how)\b", re.IGNORECASE)
# every tag above ends with one of these: a text ending otherwise skips their search
TAG_WORDS = frozenset(
    (*AGREEING_TAGS, *YES_TAGS, "true", "accurate", "false", "wrong", "not", "it")
)
_ASKS_FOR_SOMETHING = re.compile(
    r"\W*(?:what|when|where|who|whom|whose|why|which|how|should|can|could|do|does|shall)\b",
    re.IGNORECASE,
)


def ends_as_a_statement_checked(text: str) -> bool:
    """Whether the text is a statement closed by "is it" ("10 buildings capped in 2022 is
    it"): a check of the statement."""
    return (
        _STATEMENT_IS_IT.search(text) is not None
        and not ASKS_WH.search(text)
        and not _ASKS_FOR_SOMETHING.match(text)
        and not _OPENS_WITH_A_VERB.match(text)
    )


def confirms_a_claim(text: str) -> bool:
    """Whether the text ends with a sentence asking to confirm the claim before it ("Haizhu
    plans 20 new parks. What is the real number?"): a check, though it asks "what"."""
    return _CONFIRMATION_SENTENCE.search(text) is not None


# "I heard in the locker room that ...", "She told me at the market that ...": where the claim
# was heard is not part of it
_WHERE_HEARD = re.compile(
    r"\b(heard|read|saw|seen|was told|were told|told me|told us|said|says|mentioned)"
    r"\s+(?:in|at|on|from|during|over)\s+(?:[\w'\u2019-]+\s+){1,4}?(?=that\b)",
    re.IGNORECASE,
)
# "Is it true that ...", "Am I right that ...": asking to confirm a fact does not change the fact
_CONFIRMATION_LEAD = re.compile(
    r"\b(?:(?:is|was) it (?:true|correct|accurate|the case)"
    # "Is true this is the biggest park?", as a learner asks
    r"|^\W*is true(?: that)?"
    # "Confirm the event was on February 18?"
    r"|^\W*(?:confirm|verify)(?: that)?(?= (?:the|it|this|they|he|she)\b)"
    r"|am i (?:right|correct|accurate)(?: in (?:thinking|saying|understanding|describing|calling"
    r"|stating|writing|assuming))?"
    r"|(?:(?:can|could|would) you (?:please |kindly )?|please |kindly "
    r"|(?:can|could|may) (?:i|we) |just to )"
    r"(?:confirm|verify)"
    r"(?: (?:the|this) (?:claim|statement|report|idea|figure))?(?: that)?"
    r"|did i (?:read|hear|understand|get) (?:it |this |that )?(?:right|correctly)"
    r"|correct me if i(?:['\u2019]?m| am) wrong"
    # "is it right the park is ...": a claim follows ("is it right next to ..." asks where)
    r"|is it right(?= (?:that|the|this|these|those|they|it|its|he|she|we)\b)"
    r"|would it be (?:right|correct|true|fair|accurate) to (?:say|write|state|describe|claim)"
    # "Can we call the park Haizhu's largest ...?": may the claim be written
    r"|(?:can|could|may) (?:we|i) (?:call|describe|say|write|claim)(?: that)?"
    r"|(?:i|we)(?:'ve| have)? (?:heard|was told|were told)|^\W*heard(?: that)?"
    # "I told my boss the park has ...": the asker's own claim, passed on
    r"|(?:i|we) (?:told|tell) (?:(?:my|our|the|a) (?:[a-z]+ ){0,2}?[a-z]+ that\b"
    r"|(?:my|our|the|a) [a-z]+)"
    # "I remember about 300,000 sqm", "I thought it was 20 parks": a claim from memory
    r"|(?:i|we) (?:(?:still |always |kind of |sort of |seem to |seemed to |half |vaguely )?"
    r"(?:remember|recall|think|thought|believe"
    r"|believed|understand|understood|assume|assumed|guess|guessed|suppose|supposed))"
    r"(?: reading| hearing| seeing)?(?: that)?"
    # "I read the park has 800k sqm", "I saw 5 million sqm mentioned": a claim; "I read the
    # article" is a remark
    r"|(?:i|we)(?:'ve| have)? (?:read|saw|seen)(?: somewhere| online| recently)?"
    r"(?= (?:that|it|its|they|there)\b| \d"
    r"| (?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a hundred)\b"
    r"| the (?:[a-z'\u2019-]+ ){1,3}(?:is|was|are|were|has|had|have|will|would|[a-z]+ed)\b"
    # "I read Haizhu wants 20 more parks": a name and what it does
    r"| [a-z]+ (?:wants|plans|aims|targets|expects|hopes|has|had|is|was|will|signed|held"
    r"|built|added|said|says)\b)"
    # "I have written in my notes that ...", "Our group wrote that ...": a claim to check
    r"|(?:i|we|our group|my group|our team|my notes|our notes)(?:'ve| have)? (?:written|wrote"
    r"|noted|put down|jotted down|have down|say|says)(?: down)?(?: in (?:my|our) [a-z]+)?"
    r"(?=\s+that\b|\s+\d)(?:\s+that)?"
    r"|(?:someone|somebody|people|a friend|my friend|they) (?:told|tell|tells|said|say|says"
    r"|claim|claims|claimed)"
    r"(?: me| us)?)"
    r"(?=[\s,:]+\w)",  # something is asked after it: "Is it true?" alone keeps its words
    re.IGNORECASE,
)
# "I'm checking a draft that calls it the largest park": the draft's claim is checked (read
# before an introduction, "I'm a reporter.", would take the whole sentence for one)
_DRAFT_CLAIM = re.compile(
    r"\b(?:i|we)(?:['\u2019]m| am|['\u2019]re| are) (?:checking|editing|reviewing|fact checking"
    r"|fact-checking) (?:a|my|our|the) (?:draft|story|copy|piece|article|report|text)"
    r"(?: that| which)? (?:calls|says|puts|gives|describes|lists|has|claims)\b",
    re.IGNORECASE,
)
# who or what a claim may come from: the words the search below needs (and looks for)
_SOURCE_WORDS = frozenset(
    """report reports source sources article articles outlet outlets coverage stories post posts
    people colleague colleagues draft drafts editor editors friend friends website websites
    site sites blog blogs paper papers note notes copy cousin cousins brother brothers sister
    sisters mother father mum mom dad parents wife husband neighbour neighbours neighbor
    neighbors boss teacher teachers coworker coworkers classmate classmates uncle aunt guy man
    woman someone somebody reporter reporters journalist journalists writer writers author
    authors correspondent correspondents son sons daughter daughters grandson grandsons
    granddaughter granddaughters grandkids grandchildren nephew nephews niece nieces kid kids
    son-in-law daughter-in-law brother-in-law sister-in-law in-laws
    lady grandma grandpa client clients patron patrons customer customers listener listeners
    passenger passengers caller callers reader readers memo memos""".split()  # noqa: SIM905
)
_SOURCE = "|".join(sorted(_SOURCE_WORDS, key=lambda w: (-len(w), w)))  # "son-in-law" first
# "Some reports I've seen put the ceremony on ...", "A colleague identified Pan as ...", "My
# draft says ...": where a claim comes from is not what it is about
_SOURCED_CLAIM = re.compile(
    r"^\W*(?:sorry\W+)?(?:(?:a|an|my|one|our|the|some|many|several|other|a few|most) )?"
    r"(?:(?!(?:what|which|whose|who|how|when|where|why)\b)[a-z]+ )?"
    rf"(?:{_SOURCE})"
    # "A former colleague of mine told me ...", "My neighbour, a retired engineer, insists ..."
    r"(?: of (?:mine|ours))?(?:, [^,.?!]{1,40},)?"
    # "My neighbour in Chigang said ...", "Someone in my WeChat group said ..."
    r"(?: (?:in|from|at|on) (?:my |our |the |a )?[a-z]+(?: [a-z]+){0,2}?| here)?"
    r"(?: (?:i|we)(?:'ve| have)? (?:seen|read|found|heard|got)| (?:i|we)(?:'m| am| are) "
    r"(?:editing|reading|writing|checking))?"
    r" (?:say|says|said|claim|claims|claimed|state|states|stated|suggest|suggests|suggested"
    # "Some reports put the ceremony on ..." sources a claim; "a site put out" published
    r"|put(?! out\b)|puts(?! out\b)|identified|identifies|describe|describes|described"
    r"|call|calls|called|list|lists"
    r"|listed|mention|mentions|mentioned|report|reported|reports|told|tells|give|gives|gave"
    r"|has|have|had"
    # "My uncle read that ...", "My dad thinks ...", "My mum asked whether ...": on their behalf
    r"|read|reads|heard|hears|think|thinks|thought|believes|believed|reckons|asked|asks"
    r"|(?:is|was) (?:asking|wondering)|wonders|wondered|wants? to know|wanted to know"
    # "My sister swears ...", "My grandson is sure ...", "She wrote in her homework that ..."
    r"|swears(?: blind| up and down)?|swore(?: blind| up and down)?|insists|insisted"
    r"|(?:is|was) (?:sure|convinced|certain)"
    r"|wrote in (?:his|her|their|my|our) [a-z]+|wrote|writes)"
    r"(?: me| us)?(?: somewhere| online| recently| in the (?:paper|news))?"
    r"(?: that| whether| if)?\b"
    r"(?=\W+\w+\W+\w)",  # the claim follows: "The article says what?" keeps its words
    re.IGNORECASE,
)
# "according to the article", "as far as the report describes it", "named in the story": every
# answer comes from the article, so pointing at it asks nothing more
_ARTICLE_AS_SOURCE = re.compile(
    r"(?:\b(?:according to|as per|per|as (?:stated|reported|described|mentioned|said) in"
    r"|as far as)"
    r" (?:the|this|that|your) (?:article|report|story|piece|coverage|text|passage|author"
    r"|writer|reporter)"
    r"(?: (?:says|goes|describes it|tells it|reports it|puts it|is concerned))?"
    r"|\bbased on (?:the|this|that|your) (?:article|report|story|piece|coverage|text|passage)"
    r"|\b(?:referred to|mentioned|named|described|cited|discussed) in (?:the|this) "
    r"(?:article|report|story|piece|coverage|text|passage))\b",
    re.IGNORECASE,
)
# who is quoted, by title: "the manager", "the park's assistant general manager"
_SPEAKER = (
    r"(?:the|this|that|your) (?:[a-z]+(?:['\u2019]s)? )?(?:(?:assistant|deputy|vice|general) )*"
    r"(?:manager|gm|official|officials|spokesman|spokeswoman|spokesperson|speaker)"
)
# "Did the article say the park is 50,000 sqm?", "Did the manager say ten buildings ...?": a
# claim put to its source is a check of the claim ("Did the article say who ...?" asks who)
_PUT_TO_ITS_SOURCE = re.compile(
    r"^\W*(?:did|does|do) (?:(?:the|this|that|your) (?:article|report|story|piece|text|author"
    rf"|writer|reporter)|{_SPEAKER})"
    r" (?:say|mention|state|claim|report|write|confirm|tell us)(?: that)?\b(?=\W+\w+\W+\w)",
    re.IGNORECASE,
)
# "How many buildings did the manager say would be capped?", "What output does the report
# expect?": who says it is where the answer comes from, not what is asked ("What did the
# manager say about ...?" asks about what follows, below)
_SAID_BY_ITS_SOURCE = re.compile(
    r"^(\W*(?:how|what|which|when|where|why|who)\b(?: [\w'\u2019-]+){0,4}?)"
    r" (?:did|does|do) (?:(?:the|this|that|your) (?:article|report|story|piece|text|author"
    rf"|writer|reporter)|{_SPEAKER}|(?:the )?(?:officials|organi[sz]ers))"
    r" (?:say|expect|estimate|predict|reckon|think|claim|state|forecast)(?: that)?\b"
    r"(?=\W+\w)(?!\W+about\b)",
    re.IGNORECASE,
)
# "A patron says the ceremony was on Feb 20", "Headline says ...": anyone's claim, whoever
# they are ("My X says" of any X; "the X says" only of the sources above)
_ANYONE_SAYS = re.compile(
    r"^\W*(?:(?:a|an|my|our|one) [a-z]+|(?:the |a |our |my )?headlines?)"
    r" (?:says|said|claims|claimed|insists|insisted|reckons|thinks|tells me|told me)(?: that)?"
    r"\b(?=\W+\w+\W+\w)"
    # "A guest asked me about Yuanzhi Tech.", "Visitors keep asking me about HYCAN -": who
    # asks, on whose behalf ("about" and what follows stay: the thing asked about)
    r"|^\W*(?:(?:a|an|my|our|one|some) [a-z]+|[a-z]+s)"
    r" (?:asked me|asks me|asked|asks|keeps? asking(?: me)?|(?:is|are) asking(?: me)?"
    r"|wants? to know|wanted to know)\b(?=\W+\w)",
    re.IGNORECASE,
)
# what passing a claim on is said with: "says", a learner's "say", "told", "swear"; "She asks
# me is there ...", on whose behalf; "My students read that ...", "a listener texted that ..."
_HEARSAY_VERBS = frozenset(
    """say says said tell tells told swear swears swore insist insists insisted claim claims
    claimed reckon reckons mention mentions mentioned remember remembers remembered ask asks
    asked read heard texted messaged wrote think thinks believe believes""".split()  # noqa: SIM905
)
# "Our tour guide told us ...", "Somebody at the tea house swear ...", "My neighbour Mrs Lee she
# tell me ...", "My friend who works construction says ...", and after the asker's own
# sentences "He says ...": whoever passed the claim on, in however many words and with the
# verb as a learner writes it, is not what is claimed ("Some companies said ..." keeps them:
# "some" may be the knowledge's own subject)
_HEARSAY = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=, )|(?<= and )|(?<= but ))"
    r"\W*(?:(?:hi|hello|hey|sorry|ok|okay|so|and|but|also)\W+)*"
    r"(?:(?:(?:a|an|my|our|one) |(?=(?:someone|somebody|everyone|everybody|people)\b))"
    r"(?:(?!(?:what|which|whom|whose|how|when|where|why|i|we|you|it|the park)\b)"
    r"[\w'\u2019-]+,? ){1,7}?(?:(?:he|she|they) )?|(?:he|she|they) "
    # "So the manager said the park will ...": the quoted man's claim, checked
    rf"|{_SPEAKER} "
    # "colleague told me ...", "Client says ...": a source named without an article
    rf"|(?:{_SOURCE}) )"
    rf"(?:{'|'.join(sorted(_HEARSAY_VERBS, key=lambda w: (-len(w), w)))})"
    # "swears blind", "swears up and down"
    r"(?: blind| up and down)?(?: me| us)?(?: that| if| whether)?\b(?=\W+\w+\W+\w)",
    re.IGNORECASE,
)
# "HYCAN will be in the park. Is this true, did they sign something?": the check of the
# sentence before, then what is asked of it
_CONFIRMED_THEN_ASKED = re.compile(
    r"(?<=[.!?])\s+(?:is|was) (?:this|that|it) (?:really )?(?:true|right|correct)\s*,\s*"
    r"(?:or\s+)?(?=\w)",
    re.IGNORECASE,
)
# "According to the park's assistant general manager, ten buildings ...": the claim is checked
# ("according to the manager, how rare are parks?" asks what he said, and keeps him); said
# last ("how many are capped, according to the manager?") it is only where the answer is from
_ACCORDING_TO_SPEAKER = re.compile(
    rf"^\W*according to {_SPEAKER}\s*,\s*"
    r"(?!\s|(?:what|which|who|whom|whose|how|when|where|why|is|are|was|were|did|does|do|can"
    r"|could|will|would)\b)"
    rf"|\s*,?\s*\baccording to {_SPEAKER}(?=\W*$)",
    re.IGNORECASE,
)
# "..., I keep forgetting", "... or am I mixing it up with something else?", "totally missed
# it": what the asker says of their own memory is not what they ask
_OWN_MEMORY = re.compile(
    r"(?:[,;.!?]\s*|\s+-\s+|\s+)(?:i (?:keep|always) (?:forgetting|forget|mixing (?:it|them|this"
    r"|that) up|getting (?:it|them|this|that) (?:wrong|mixed up))(?: it| this| that| them)?"
    r"|i forg[eo]t"
    r"|or am i (?:mixing|confusing|getting) (?:it|this|them|that|things)(?: up)?"
    r"(?: with [^?.!]*)?|or did i (?:get|read|hear) (?:it|that|this|the [a-z]+) wrong"
    # "..., I could well be wrong.", "That's what I vaguely recall, anyway."
    r"|i (?:could|may|might) (?:well |easily )?be wrong"
    r"|that['\u2019]?s what i (?:vaguely |half |seem to )?(?:recall|remember)(?:,? anyway)?"
    # "... or did I record the wrong day?", "... or have I confused it with something else?"
    r"|or (?:should|would|could|is|was|must) (?:it|that|this) be (?:a |an |in )?(?:different"
    r"|another|other)\b[^?.!]*"
    r"|or (?:is|would) (?:that|this|it) (?:be )?(?:overstating|overstate|an overstatement"
    r"|a stretch|going too far|too strong|exaggerating|an exaggeration)(?: it| things)?"
    r"|or (?:did|have|had) (?:i|we) (?:(?:get|got|record|recorded|write|written|wrote|note|noted"
    r"|copy|copied|put|jot|jotted)(?: down)? (?:the|a) wrong [a-z]+(?: down)?"
    r"|(?:confuse|confused|mix|mixed) (?:it|this|that|them)(?: up)?(?: with [^?.!]*)?)"
    # "..., or was it fewer than that?", "... or does he have a different title?": the check
    # offers its own alternative, which the answer settles
    r"|or (?:was|is|were|are) (?:it|that|they) (?:fewer|more|less|higher|lower|bigger|smaller"
    r"|later|earlier)(?: than that)?"
    r"|or (?:does|do|did) (?:he|she|it|they) (?:have|hold) (?:a |an )?(?:different|other)"
    r" (?:title|name|role|job|position)"
    # "... I got a bit confused reading it.", "Surely that's too many?"
    r"|i got (?:a bit |a little |quite )?confused(?: reading (?:it|the article|the story))?"
    r"|surely (?:that|this|it)(?:['\u2019]s| is) (?:too (?:many|much|high|low|big|small)|wrong)"
    # "..., or has his memory slipped?", "... or did he get it mixed up?"
    r"|or (?:has|had) (?:his|her|my|their|your) memory slipped"
    r"|or (?:did|has|have) (?:he|she|they|i|we) (?:get|got|gotten) (?:it|that|this|things|them)"
    r" (?:mixed up|wrong|muddled)"
    r"|or (?:did i|have i) (?:misread|misheard|misunderstood|misunderstand|misremembered)"
    r"(?: (?:it|that|this|something))?|or am i misremembering|(?:i )?(?:totally )?"
    r"missed (?:it|that|the news))\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# "Is it really the biggest park, or is that just PR?", "... or is it just for show": a
# sceptic's aside, not what is asked ("or just an intention agreement?" offers a value: kept)
_DOUBT = re.compile(
    r"[,;]?\s*\bor (?:is|was|are|were) (?:it|that|this|they|these) (?:all )?(?:just|only|simply"
    r"|merely) [^?.!]*"
    r"|[,;]?\s*\bor (?:just|only) (?:for show|pr|hype|a photo op|propaganda|spin|marketing|talk"
    r"|window dressing)\b[^?.!]*"
    # "... or is it still empty plans?", "or is it all talk?"
    r"|[,;]?\s*\bor (?:is|was|are|were) (?:it|that|this|they|these) (?:still |all )?(?:empty"
    r"|vague|hollow|only|just)? ?(?:plans?|talk|words|promises|hype|on paper)\b[^?.!]*",
    re.IGNORECASE,
)
# "That sound too big to me, is it true?", "Sounds small for the biggest park, is that the
# number?": what the asker makes of a claim is not the claim
_HOW_IT_SOUNDS = re.compile(
    r"(?:(?<=[.,;!?])|^)\s*(?:(?:that|it|this|which)(?:['\u2019]s)? )?sounds? "
    r"(?:too |very |so |a bit |quite |rather |a little )?"
    r"(?:small|big|large|high|low|many|much|few|little|short|long|strange|odd|wrong|weird"
    r"|impossible|unlikely)(?: (?:for|to) [^,.;!?]{1,40})?\s*"
    r"(?:,\s*(?=\S)|(?=[.;!?]|$))",
    re.IGNORECASE,
)
# "..., if you happen to know?", "..., if the article says?", "... if they gave a number?":
# whether the answer exists is what the bot says anyway
_IF_KNOWN = re.compile(
    r",?\s*\bif (?:you (?:happen to |even )?know(?: it)?|(?:they|it|the (?:article|story|report"
    r"|piece)) (?:gave|gives|says|said|mentions|mentioned|has|had)(?: (?:a|one|any|the)"
    r" (?:number|figure|date|name|detail))?(?: so)?)\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# "..., and I promised her I would check, is she right?", "... and I would like to check that
# before she hands it in": that the asker checks, not what
_CHECKING_FOR = re.compile(
    r",?\s*\band i (?:would like to|want to|need to|have to|promised (?:her|him|them|my [a-z]+)"
    r"(?: (?:that )?i would| to| i'd)?) (?:double[- ])?check(?: (?:it|that|this))?"
    r"(?: before [^,?.!]*)?",
    re.IGNORECASE,
)
# "Which firms signed up? Just the names are fine.": how much to answer, not what
_ENOUGH = re.compile(
    r"(?:^|(?<=[.?!]))\s*just (?:the [a-z]+|a [a-z]+|one [a-z]+) (?:is|are|would be|will do)"
    r"(?: (?:fine|enough|ok|okay|great))?\s*[.!]*\s*$",
    re.IGNORECASE,
)
_DOUBT_WORDS = frozenset(
    "just only simply merely plan plans talk words promises hype paper".split()  # noqa: SIM905
)
# "..., as one of my students claims?", "... as my friend says": who claims it is not what is
# claimed; "... so that my students understand the main points": nor what the answer is for
_CLAIMING = """claim claims claimed say says said think thinks thought believe believes believed
    told tells wrote suggest suggests suggested insist insists insisted""".split()  # noqa: SIM905
_TAKING_IN = "understand know learn get grasp follow see explain include use".split()  # noqa: SIM905
_CLAIMED_BY = re.compile(
    r",?\s+as (?:one of |some of )?(?:my|our|a|the|some) (?:[a-z]+ ){0,2}[a-z]+ "
    rf"(?:{'|'.join(w for w in _CLAIMING if w not in ('told', 'tells'))}|told me|tells me)"
    r"\s*[?!.]*\s*$"
    # "..., as I thought I read?", "..., as I remember": where the asker has it from
    r"|,?\s+as\s+(?:i|we)(?:\s+thought(?:\s+(?:i|we))?)?\s+(?:half\s+|vaguely\s+)?"
    r"(?:read|heard|saw|remember"
    r"|recall)(?: (?:it|somewhere|online|earlier|before))?\s*[?!.]*\s*$"
    r"|,?\s+so (?:that )?(?:i|we|my [a-z]+|our [a-z]+|the [a-z]+|they|he|she)"
    rf" (?:can |could |will )?(?:{'|'.join(_TAKING_IN)})\b"
    r"[^?!]*[?!.]*\s*$",
    re.IGNORECASE,
)
# "Need it for the dateline.", ", for the lede", ", want to get it exactly right": what the
# answer is needed for is not what is asked
_NEWSROOM = "lede dateline headline caption copy budget intro standfirst subhead byline".split()  # noqa: SIM905
_NEEDED_FOR = re.compile(
    r"(?:[.?!,;]\s*|\s+-\s+)(?:(?:i|we) )?(?:need|needed|want|wanted)"
    r"(?: (?:it|this|that|the answer))?(?: for| to use (?:it )?(?:for|in)| to put in)"
    r" (?:the|my|our|a) [a-z]+(?: [a-z]+)?\s*[?!.]*\s*$"
    rf"|(?:,\s*|\s+)for (?:the|my|our) (?:news )?(?:{'|'.join(_NEWSROOM)})\s*[?!.]*\s*$"
    r"|(?:[.?!,;]\s*|\s+-\s+)(?:(?:i|we) )?(?:want|need|have) to get (?:it|this|that|the [a-z]+)"
    r"(?: exactly| just)? right\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# the words one of these rewrites needs: most texts have none, and skip their search
_CLAIMED_BY_WORDS = frozenset(
    (*_CLAIMING, *_TAKING_IN, "read", "heard", "saw", "remember", "recall")
)
_NEEDED_FOR_WORDS = frozenset(("need", "needed", "want", "wanted", *_NEWSROOM))
_TAIL_WORDS = _CLAIMED_BY_WORDS | _NEEDED_FOR_WORDS
# "'six buildings will be capped,' attributed to the park's management": who said it is not
# what was said
_ATTRIBUTED = re.compile(r",?\s*\battributed to\b[^.?!]*", re.IGNORECASE)
# "Find the date of the ceremony in the article.": where to look, at the end of a request ("Who
# is quoted in the article?" asks of the article, and keeps it)
_WHERE_TO_LOOK = re.compile(
    r"^(\W*(?:find|identify|list|name|give|state|tell|show|quote|explain|describe|summari[sz]e)"
    r"\b.*?)\s+in (?:the|this) (?:article|text|passage|story|piece|report)(\s*[?.!]*\s*)$",
    re.IGNORECASE,
)
# Each rewrite below needs one of its words as a word of the text (the punctuation around it
# aside): a text without any (most answers) skips its search. A set lookup per word costs
# half what a case-blind search for any of the words did (tests/test_framing.py holds the
# result equal to every rewrite tried on every text).
_LEAD_WORDS = frozenset(
    """true correct accurate case right confirm verify wrong fair heard told tell tells read saw
    seen said say says remember recall think thought believe believed understand understood
    assume assumed guess guessed suppose supposed written wrote noted down call describe write
    claim""".split()  # noqa: SIM905
)
_ARTICLE_WORDS = frozenset(
    "article report story piece coverage text passage author writer reporter".split()  # noqa: SIM905
)
_SOURCE_VERBS = frozenset(
    "say expect estimate predict reckon think claim state forecast".split()  # noqa: SIM905
)
_SAYING = frozenset(
    """says said claims claimed insists insisted reckons thinks tells told asked asks asking
    know""".split()  # noqa: SIM905
)
_MEMORY_WORDS = frozenset(
    """forget forgetting forgot mixing confusing missed wrong misread misheard misunderstood
    misunderstand misremembered misremembering confuse confused mix mixed overstating overstate
    overstatement stretch far strong exaggerating exaggeration different another slipped
    muddled recall remember fewer more less higher lower bigger smaller later earlier confused
    surely""".split()  # noqa: SIM905
)
# a word one of the asker's introductions needs as a word of the text ("Stupid question but
# ...", "Having organised ...", "I'm not good with numbers, but ...", "Sorry if this is
# obvious, ...", "I might have misread", "I don't really know construction terms", "I want to
# tell her correctly:"); the other introductions are looked for by their letters
_INTRODUCING = frozenset(
    """dumb stupid silly naive noob newbie basic simple having but sorry misread misheard
    misunderstood know understand tell explain""".split()  # noqa: SIM905
)
_AROUND_A_WORD = "?!.,;:'\"\u2019\u201c\u201d()[]*-\u2013\u2014/"


# "Fact check: ...", "Claim to verify: ...", "Verifying a line in our draft: ...", "quote check
# the park ...": a fact-checker's label says the rest is a claim to check, not what it is about
_CHECK_LABEL = re.compile(
    r"^\W*(?:fact[- ]?check(?:ing)?|claim(?: to (?:verify|check))?"
    r"|(?:quote|claim|homework|quiz|quick|spelling|name|figure|date) check"
    r"|to verify|verifying|checking)"
    r"(?: (?:a|this|one|the) (?:line|claim|quote|sentence|fact|figure|statement)"
    r"(?: (?:in|from) (?:my|our|the|a) [a-z]+)?)?"
    r"\s*(?:[:\u2013\u2014-]+\s*|(?=(?:the|a|an|it|this|that|they)\s))",
    re.IGNORECASE,
)


# "Was the output target quoted as 100 million yuan?": how a figure was given is not what is
# asked ("Who was quoted at the ceremony?" gives none)
_GIVEN_AS_WORDS = frozenset(("quoted", "cited", "given", "stated", "reported", "listed"))
_GIVEN_AS_A_FIGURE = re.compile(
    rf"\b(?:{'|'.join(sorted(_GIVEN_AS_WORDS))}) (?:as|at)"
    r"(?= (?:about |around |roughly |some |over |above |under |below |more than |less than )?\d)",
    re.IGNORECASE,
)


# "for my assignment", "in our class notes": what the answer is for is not what is asked
_PURPOSE = re.compile(
    r"\b(?:for|in) (?:my|our) (?:[a-z]+(?:['\u2019]s)? )?(?:assignments?|homework|projects?"
    r"|essays?|reports?|presentations?|notes|thesis|dissertation|research|class|lessons?"
    r"|coursework|studies|papers?|slides|newsletter|bulletin|blog|podcast|school work|briefings?"
    r"|memos?"
    r"|quiz|quizzes|worksheets?|columns?|talks?|speech|lectures?|segment|show|updates?|meeting"
    r"|translation|talking points|files?|records?|logs?|spreadsheets?|database|worldbuilding"
    r"|novel|screenplay)\b"
    # "For our class report on Guangzhou's development, ...": what the report is about too
    r"(?: (?:on|about) [^,.;:?!]{1,60}(?=[,;:]))?"
    # "a short summary to share with my students": who it is for
    r"|\bto (?:share|use) (?:it |this |them )?with (?:my|our) [a-z]+\b"
    # "for my wechat group": who it is for ("someone in my WeChat group said" is a source)
    r"|\bfor (?:my|our) (?:[a-z]+ )?(?:group|group chat|chat|channel|followers|readers)\b"
    # "for the council update", "for the morning briefing": what it is for, not what is in it
    r"|\bfor the [a-z]+ (?:update|briefing|newsletter|meeting|memo|podcast|segment|show|lesson"
    r"|presentation|quiz)\b"
    # "a quick rundown for a patron": who the answer is for
    r"|\bfor (?:a|my|our|the) (?:patron|client|customer|reader|listener|caller|student|boss)s?\b"
    # "For comparison with our flow station footprint, ...", "for scale": why the asker asks
    r"|\bfor (?:comparison|compare|comparing|reference|scale)(?:['\u2019]s sake)?"
    r"(?: (?:with|to|against) [^,.;:?!]{1,50})?(?=\s*[,;:.])"
    # "for a briefing note", "for a quiz": what kind of thing it is for
    r"|\bfor an? (?:[a-z]+ )?(?:notes?|briefing|memo|newsletter|blog post|podcast|column"
    r"|presentation|quiz|essay|assignment|homework|handout)\b",
    re.IGNORECASE,
)


# "according to paragraph one", "the zone mentioned in the third paragraph": where to look is
# not the topic (how long the answer should be, "in two sentences", asks a summary: lexicon)
_WHICH_PARAGRAPH = re.compile(
    r"\s*\b(?:(?:mentioned|named|given|stated|described) )?(?:in|from|according to) (?:the )?"
    r"(?:(?:first|second|third|fourth|fifth|last|final|opening|closing) paragraph"
    r"|paragraph (?:one|two|three|four|five|\d+))\b",
    re.IGNORECASE,
)


# "Property agent here.", "Retired here,", "As a property agent I wonder:": who asks is not
# what is asked ("The park is here." says something, and keeps its words)
_INTRODUCTION = re.compile(
    # "Retired teacher here.", "Hullo there, retired joiner fae Paisley here."
    r"^\W*(?:(?:hi|hello|hullo|hey|hiya)(?:\s+there)?\W+)?"
    r"(?:(?!(?:is|are|was|were|it|its|this|that|they|we|you|i|be|been)\b)[a-z]+\s+){1,4}"
    r"here\s*[.,:;!\u2013\u2014-]+\s*"
    r"|^\W*as an? (?:[a-z]+\s+){0,2}[a-z]+\s*(?:,\s*|(?=(?:i|we)\b))"
    r"|^\W*i(?:['\u2019]m|\s+am)\s+an?\s+(?:[a-z]+\s+){0,2}?[a-z]+\s*(?:[.,;:!]+\s*|and\s+)"
    # "Sorry, not from China - where is Haizhu?", "New to Guangzhou, ...", "Sorry, I am new
    # here.": where the asker is from
    r"|^\W*(?:sorry\W+)?(?:i(?:['\u2019]m|\s+am)\s+)?(?:(?:not\s+from|new\s+(?:to|in))\s+"
    r"(?:here|[a-z]+(?:\s+[a-z]+)?)|new\s+here)\s*[.,:;!\u2013\u2014-]+\s*"
    # "I'm job hunting in Guangzhou. ...", "I am writing a report on Haizhu. ...": what the
    # asker is doing, before what they ask
    r"|^\W*i(?:['\u2019]m|\s+am)\s+(?:[a-z]+\s+){0,2}[a-z]+ing\b[^.?!]{0,60}[.!]+\s+(?=\S)"
    # "Sorry, my English not so good.", "Excuse my English,": how the asker writes
    r"|^\W*(?:(?:sorry|excuse me|pardon)\W+)?"
    r"(?:(?:sorry for|excuse|pardon) my (?:bad |poor )?english"
    r"|my english (?:is )?(?:not (?:so |very |too )?good|bad|poor|not great))"
    r"\s*[.,:;!\u2013\u2014-]+\s*"
    # "Sorry for dumb question, ...", "Stupid question but ...": what the asker thinks of it
    r"|^\W*(?:sorry\s+(?:for|if)\s+(?:this\s+is\s+)?(?:the|a|my)?\s*|(?:maybe|probably)\s+a\s+)?"
    r"(?:dumb|stupid|silly|naive|noob|newbie|basic|simple)\s+(?:question|q)\s*"
    r"(?:but\s+|[.,:;!?\u2013\u2014-]+\s*)"
    # "Sorry if this is basic, but ...": what the asker thinks of it
    r"|^\W*sorry\s+if\s+(?:this|that|it)\s+is\s+(?:a\s+)?(?:basic|obvious|simple|silly)"
    r"(?:\s+(?:one|question))?\s*,?\s*(?:but\s+|[.,:;!?\u2013\u2014-]+\s*)"
    # "I'm sorry, I might have misread.", "Sorry, I don't really know construction terms.",
    # "I want to tell her correctly:": what the asker says of their own reading
    r"|^\W*(?:i(?:['\u2019]m|\s+am)\s+sorry\W+|sorry\W+)?i\s+(?:might|may|could)\s+have\s+"
    r"(?:misread|misheard|misunderstood)(?:\s+(?:it|that|something))?\s*[.,;:!]+\s*"
    r"|^\W*(?:sorry\W+)?i\s+(?:don['\u2019]?t|do\s+not)\s+(?:really\s+)?(?:know|understand)\s+"
    r"(?:[a-z]+\s+){0,2}(?:terms|words|jargon|english)\s*[.,;:!]+\s*"
    r"|^\W*i\s+want\s+to\s+(?:tell|explain\s+(?:it\s+)?to)\s+(?:her|him|them|my\s+[a-z]+)"
    r"(?:\s+correctly|\s+right)?\s*[.,;:!]+\s*"
    # "Having organised events before I retired, I wonder ...": what the asker has done
    r"|^\W*having\s+[a-z]+\b[^,.?!]{0,80},\s*"
    # "I'm not good with big numbers, but ...": what the asker finds hard
    r"|^\W*i(?:['\u2019]m|\s+am)\s+not\s+(?:very\s+|so\s+|too\s+)?(?:good|great)\s+(?:with|at)\s+"
    r"[^,.?!]{1,30}?,?\s+but\s+",
    re.IGNORECASE,
)


# "Is this correct please?", "..., is it true pls?", "Please, is this right?": a courtesy
# around the confirmation, which the confirmation's patterns must not have to allow for
_COURTESY = re.compile(
    r"[\s,]+(?:please|pls|plz|thank you|thanks|thx)[\s!.]*(?=\?*\s*$)"
    r"|(?<![\w'\u2019])(?:please|kindly),\s*",
    re.IGNORECASE,
)
# "..., verdad?", "... c'est exact?", "... diba?", "... betul ke?", "... or no?", "I heard right
# or no?": a second language's tag asking whether the claim before it is right
_ANY_LANGUAGE_TAGS = (
    *("verdad", "es correcto", "correcto", "es cierto", "es verdad", "en serio"),
    *("correcto o no", "correct o no", "verdad o no"),
    *("n'est-ce pas", "n'est ce pas", "c'est exact", "c'est vrai", "c'est ça", "c'est ca", "non"),
    *("nicht wahr", "oder", "não é", "nao e", "né", "ne", "giusto", "vero", "è vero"),
    *("betul", "betul ke", "betul tak", "betul kan", "ya kan", "kan", "hai mai"),
    *("boleh percaya ke", "bukan", "benar", "benar kan"),
    *("diba", "di ba", "tama ba", "tama ba yun", "tama ba iyon", "tama ba yan", "totoo ba"),
    *("tama", "mali ba", "or mali ako", "ganun ba", "ganun ba kalaki"),
    *("zhen de ma", "dui ma", "dui bu dui", "shi bu shi", "shi ma", "hai na", "na"),
    *("tochno", "konechno", "da", "pravda"),
    *("ama", "si ndio", "sindio", "ndio"),  # Swahili "or?", "isn't it?"
    *("é verdade", "e verdade", "verdade", "é isso", "certo"),  # Portuguese
    *("benar tidak", "betul tidak", "tidak"),  # Indonesian and Malay "right or not?"
    *("ent", "true anot", "anot", "right anot"),  # Trinidadian "isn't it?", Singlish "or not?"
    *("correct no", "right no", "true no"),  # Sri Lankan "That is correct no?"
    *("right or no", "true or no", "yes or no", "correct or no", "good or no", "or no"),
)
_ANY_LANGUAGE_TAG = re.compile(
    r"(?:[\s,.;¿¡-]+|^)(?:(?:i heard|i have|i got|is it|it is|is that|that is) )?(?:"
    + "|".join(re.escape(tag).replace("'", "['\u2019]") for tag in _ANY_LANGUAGE_TAGS)
    + r")\s*[?!.]*\s*$"
    r"|(?:[\s,.;-]+|^)(?:is it|it is|is that|that is|is this) good\s*[?!.]*\s*$",
    re.IGNORECASE,
)
# the last word of each tag: a text ending in none of them has none (a cheap guard)
_ANY_LANGUAGE_TAG_ENDS = frozenset(tag.rpartition(" ")[2] for tag in _ANY_LANGUAGE_TAGS) | {"good"}
# "@anna no wait, ...": in a group chat, who a message answers is not what it asks
_MENTION = re.compile(r"(?<![\w@])@\w+[,:]?")
# "gm all 👋 ...", "gm! ...": a chat's good morning (good night), not a general manager ("gm
# of the park?" keeps it)
_CHAT_GREETING = re.compile(
    r"^\s*g[mn](?:\s+(?:all|everyone|everybody|guys|folks|fam|frens|friends|people|ppl|y'?all"
    r"|team|gang|chat)\b[^\w\s]*|\s*[^\w\s'@]+)\s*",
    re.IGNORECASE,
)

# "boss was the launch on feb 20?", "mate how big is the park": whom a question is put to, a
# word before its verb or question word
_ADDRESS_WORDS = frozenset(
    "boss mate bro bruh bruv dude buddy chief fam oga sir madam maam".split()  # noqa: SIM905
)
_FIRST_WORD = re.compile(r"\W*(\w+)")
_ADDRESSED = re.compile(
    rf"^\W*(?:{'|'.join(sorted(_ADDRESS_WORDS))})[,:!]?\s+(?=(?:is|was|are|were|did|does|do|will|can"
    r"|could|has|have|how|what|when|where|which|who|why|give|tell|explain|show|summari[sz]e)\b)",
    re.IGNORECASE,
)

# "I keep seeing the name Meishang in ...": the name is what is talked of, not asked for
# ("What is the name of the park?" asks it)
_NAMED_AS = re.compile(r"\b(?:the|a|this|that) name (?=(?-i:[A-Z]))", re.IGNORECASE)


# "..., is that right day?", "Is he havering or is that right?", "Have I got that wrong?",
# "Kindly confirm whether I am correct.", "that sound right??", "Correct size?": a last part
# made only of these words, one of them a verdict, asks whether the claim before it is right,
# however a learner or a dialect puts it
_VERDICTS = frozenset(
    """right correct true wrong legit accurate confirm mistaken misinformed confused havering
    exaggerating correctly mai richt""".split()  # noqa: SIM905
)
_CONFIRMING_WORDS = _VERDICTS | frozenset(
    """is was are were am be that this it he she they i we you the my his her a or no not yes
    sound sounds kindly please whether remember remembering got have has did get think believe
    number figure amount day date size name really actually so just me if bit still quite all
    bhai yaar ji sir madam dear ok okay then mixes mixing mixed mix up again heard read hear talk
    lying joking kidding baby honey
    talking nonsense rubbish kak can could""".split()  # noqa: SIM905
)
_TAIL_BOUNDARY = re.compile(r"[,;.?!]+\s*|\s+[-\u2013\u2014]+\s+|\s+(?=or\s)", re.IGNORECASE)
MAX_CONFIRMING_TAILS = 3  # "Is he havering, or is that right?" has two
_MIN_LEFT_WORDS = 3  # a claim is left to check


def _without_confirming_tails(text: str) -> str:
    """The text without the parts at its end that only ask whether the rest is right ("Is
    she right or she mixes up again?": an "or ..." part goes with the verdict before it)."""
    kept = text
    waiting = False  # an "or ..." part taken off, waiting for the verdict before it
    for _ in range(MAX_CONFIRMING_TAILS):
        stripped = text.rstrip(" ?!.,;")
        cuts = [m.start() for m in _TAIL_BOUNDARY.finditer(stripped)]
        if not cuts:
            break
        head, tail = stripped[: cuts[-1]], stripped[cuts[-1] :]
        words = re.findall(r"[a-z']+", tail.lower())
        if not words or not set(words) <= _CONFIRMING_WORDS or len(head.split()) < _MIN_LEFT_WORDS:
            break
        if _VERDICTS.isdisjoint(words):
            if words[0] != "or" or waiting:
                break
            waiting = True
        else:
            kept, waiting = head, False
        text = head
    return kept


def without_framing(text: str) -> str:
    """The text without what frames its question (most texts hold nothing of it).

    Each rewrite has its own cheap guard: at a cold start every phrasing and answer of a big
    knowledge base comes here, and a guard searching for any of many words (a case-blind
    alternation most of all) cost more than the rewrites it saved (12.5 -> 4.7 us an answer).
    """
    if "@" in text:
        text = _MENTION.sub("", text)
    lowered = text.lower()
    if (
        "please" in lowered
        or "pls" in lowered
        or "plz" in lowered
        or "thank" in lowered
        or "thx" in lowered
        or "kindly," in lowered
    ) and _COURTESY.search(text):  # a chain of "in": a third of any() over a tuple
        text = _COURTESY.sub("", text)
        lowered = text.lower()
    last_word = lowered.rstrip(" ?!.").rpartition(" ")[2].lstrip("¿¡")
    if last_word in _ANY_LANGUAGE_TAG_ENDS and _ANY_LANGUAGE_TAG.search(text):
        text = _ANY_LANGUAGE_TAG.sub("", text)
        lowered = text.lower()
    if lowered.lstrip()[:2] in ("gm", "gn"):
        text = _CHAT_GREETING.sub("", text)
        lowered = text.lower()
    words = [word.strip(_AROUND_A_WORD) for word in lowered.split()]
    first = _FIRST_WORD.match(lowered)
    if first and first.group(1) in _ADDRESS_WORDS:
        text = _ADDRESSED.sub("", text)
    if "name" in words:
        text = _NAMED_AS.sub("", text)
    if not _MEMORY_WORDS.isdisjoint(words):  # first: a tag before it ends the text after it
        text = _OWN_MEMORY.sub("", text)
    if " that" in lowered and _WHERE_HEARD.search(text):
        text = _WHERE_HEARD.sub(r"\1 ", text)
    if "sound" in words or "sounds" in words:
        text = _HOW_IT_SOUNDS.sub(" ", text)
    if "or" in words and not _DOUBT_WORDS.isdisjoint(words):
        text = _DOUBT.sub("", text)
    if "if" in words:
        text = _IF_KNOWN.sub("", text)
    if "check" in words:
        text = _CHECKING_FOR.sub("", text)
    if "just" in words:
        text = _ENOUGH.sub("", text)
    if not _GIVEN_AS_WORDS.isdisjoint(words):
        text = _GIVEN_AS_A_FIGURE.sub("", text)
    if ("check" in lowered or "verif" in lowered or "claim" in lowered) and (
        _CHECK_LABEL.search(text)
    ):
        text = _CHECK_LABEL.sub("", text)
    if (
        "my " in lowered
        or "our " in lowered
        or "for the " in lowered
        or "for a" in lowered
        or "for comp" in lowered
        or "for ref" in lowered
        or "for scale" in lowered
    ) and _PURPOSE.search(text):
        text = _PURPOSE.sub(" ", text)
    if ("checking" in lowered or "editing" in lowered or "reviewing" in lowered) and (
        _DRAFT_CLAIM.search(text)
    ):
        text = _DRAFT_CLAIM.sub("", text)
        lowered = text.lower()
    if (
        " here" in lowered
        or lowered.lstrip()[:2] in ("as", "i'", "i ", "i\u2019")
        or "not from" in lowered
        or "new to" in lowered
        or "new in" in lowered
        or "english" in lowered
        or not _INTRODUCING.isdisjoint(words)
    ) and _INTRODUCTION.search(text):
        # "Sorry for the stupid question, I'm not from China - ...": one after another
        for _ in range(3):
            text, found = _INTRODUCTION.subn("", text)
            if not found:
                break
    if "paragraph" in lowered:
        text = _WHICH_PARAGRAPH.sub("", text)
    if (
        "." in text
        or "!" in text
        or "? " in text
        or " -" in text
        or "\u2013" in text
        or "\u2014" in text
    ):
        # the sentence follows one that ends, or a dash
        text = _CONFIRMATION_SENTENCE.sub("", text)
    if not _VERDICTS.isdisjoint(words):  # the rewrites above only take words away
        text = _without_confirming_tails(text)
    return _without_tags_and_sources(text, words)


# "Correct ba?", "right po?", "true lah?": a chat particle after a tag is still the tag
_PARTICLE_AFTER_A_TAG = re.compile(
    r"(?<=\w)\s+(?:ba|po|lah|leh|lor|ah|na|hai|ji|yaar|bhai|ne|nga|wor|hor)(?=\s*[?!.]*\s*$)",
    re.IGNORECASE,
)


def _last_word(text: str) -> str:
    return text[-24:].lower().rstrip(" ?!.'\"\u2019\u201d").rpartition(" ")[2]


def without_particle_after_a_tag(text: str) -> str:
    """The text without a chat particle closing its tag ("Correct ba?" is "Correct?")."""
    if not _PARTICLE_AFTER_A_TAG.search(text[-12:]):
        return text
    kept = _PARTICLE_AFTER_A_TAG.sub("", text)
    return kept if _last_word(kept) in TAG_WORDS else text


def _without_tags_and_sources(text: str, words: list[str]) -> str:
    """The rewrites of tags, leads and sources; `words` are the text's words as it came to
    without_framing (the rewrites before only take words away, so a word absent there is
    absent here)."""
    text = without_particle_after_a_tag(text)
    last = _last_word(text)
    if last in TAG_WORDS:
        text = _CONFIRMATION_TAG.sub("", text)
        if text.count(" ") >= 3:
            text = _BARE_CONFIRMATION_TAG.sub("", text)
            if _STATEMENT_RIGHT.search(text) and not _ASKS_FOR_SOMETHING.match(text):
                text = _STATEMENT_RIGHT.sub("", text)
            if ends_as_a_statement_checked(text):
                text = _STATEMENT_IS_IT.sub("", text)
    if not _LEAD_WORDS.isdisjoint(words):
        text = _CONFIRMATION_LEAD.sub(" ", text)
    if not _SOURCE_WORDS.isdisjoint(words):
        text = _SOURCED_CLAIM.sub(" ", text)
    if not _SAYING.isdisjoint(words):
        text = _ANYONE_SAYS.sub(" ", text)
    if not _HEARSAY_VERBS.isdisjoint(words):
        text = _HEARSAY.sub(" ", text)
    if "," in text and not _AGREEING_OR_TRUE.isdisjoint(words):
        text = _CONFIRMED_THEN_ASKED.sub(" ", text)
    if "did" in words or "does" in words or "do" in words:
        text = _PUT_TO_ITS_SOURCE.sub("", text)
        if not _SOURCE_VERBS.isdisjoint(words):
            text = _SAID_BY_ITS_SOURCE.sub(r"\1", text)
    if "according" in words:
        text = _ACCORDING_TO_SPEAKER.sub("", text)
    if "attributed" in text:
        text = _ATTRIBUTED.sub("", text)
    if not _TAIL_WORDS.isdisjoint(words):  # one look for both: most texts have neither
        if not _CLAIMED_BY_WORDS.isdisjoint(words) and ("as" in words or "so" in words):
            text = _CLAIMED_BY.sub("", text)
        if not _NEEDED_FOR_WORDS.isdisjoint(words):
            text = _NEEDED_FOR.sub("", text)
    if not _ARTICLE_WORDS.isdisjoint(words):
        text = _ARTICLE_AS_SOURCE.sub(" ", text)
        text = _WHERE_TO_LOOK.sub(r"\1\2", text)
    return text
