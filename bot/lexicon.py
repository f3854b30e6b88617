"""General English equivalences people use when asking about news, whatever the article.

Domain words (names, places, the article's own terms) belong in knowledge/synonyms.yaml, where
maintainers edit them; these are the everyday words that differ between how a reporter writes
and how a reader asks. Each group's words become the first word of the group.
"""

from __future__ import annotations

# Light verbs and fillers: they are in questions, but they say nothing about the topic.
FILLERS = (
    frozenset(
        """
    going gonna gotta wanna happen happens happened happening occur occurs occurred take took
    taken place exactly actually currently basically roughly approximately around anything
    everything stuff quick quickly brief briefly getting gets gotten gave others
    mean means meaning meant approx total overall mentioned mention mentions mentioning
    stated state states
    described describe describes describing explain explained explains explaining give given gives
    giving provide provided provides providing kind kinds type sort quite rather fairly somewhat
    possible possibly somehow maybe perhaps able supposed supposedly
    think thought believe guess suppose assume reckon
    wants wanted wanting try tries tried trying hope hopes hoped hoping wish wishes
    related relating regarding concerning additional extra due mid whole according
    relate relates even early forward goes supplied supply supplies local
    exact precise precisely specific effort efforts accompanying accompanies broader wider ask
    asking concise totals totalling totaling formally
    fellow fella bloke gentleman guy guys dude spelled spelt spelling identify identifies find list
    spell spells figure figures mostly mainly primarily chiefly listed shortly saying
    anyway anyhow considered regarded deemed pretty harder saw main proper regard regards alone
    folks smack shindig honey baby darling hon ane
    inside honestly sir madam random offer offers offered wonder angle angles taking keep keeps
    wondered wondering
    remember remembered remembering recall recalled recalling forget forgetting cannot
    appear appears appeared appearing approximate
    """.split()  # noqa: SIM905
    )
    | frozenset(
        # who the asker is asking for or heard it from ("My grandson needs it for school", "My
        # sister swears ..."): people around the asker are never what a news question is about
        """
    son sons daughter daughters sister sisters brother brothers nephew nephews niece nieces
    cousin cousins uncle uncles aunt aunts auntie grandson grandsons granddaughter
    granddaughters grandkid grandkids grandchild grandchildren grandma grandpa grandmother
    grandfather grandparents mum mom dad mother father parents wife husband friend friends
    neighbour neighbours neighbor neighbors colleague colleagues classmate classmates kid kids
    lady baba shushu ayi nainai yeye primo prima vecino vecina amigo amiga compadre signora
    senora senor tesoro mi
    """.split()  # noqa: SIM905
    )
    | frozenset(
        # the particles of Tagalog, Malay, Indonesian, Urdu, Ghanaian, Cantonese, Singaporean,
        # Spanish, Italian and Russian chat mixed into English ("Haizhu is in which city ba?",
        # "so big meh?", "Is that true bhai?", "Chale was it on Feb 20?", "oye", "allora",
        # "davai", "which city har?", "Saya kurang paham", Scots "hen"): tone, not topic
        """
    ba lang daw raw po naman kasi talaga yung yun iyon ko ako mga nga lah leh lor meh sih dong
    deh kok bhai yaar ji hai ka chale herh ei self ah la wor jor ge oye mira allora dime davai nu
    privet har saya kurang paham hen
    """.split()  # noqa: SIM905
    )
)

EQUIVALENT_WORDS: tuple[tuple[str, ...], ...] = (
    ("big", "large", "huge", "size", "sized", "vast", "spacious", "sizeable", "sizable"),
    ("largest", "biggest", "larger", "bigger", "greatest"),
    ("located", "situated", "sited", "location", "locate", "locations", "whereabouts", "sits"),
    ("start", "begin", "began", "begun", "begins", "commence", "commenced", "starting"),
    ("build", "built", "construct", "constructed", "construction", "constructing", "building"),
    ("technology", "tech", "technologies", "technological"),
    # "pushing urban industry faster" is accelerating it
    ("accelerate", "faster", "quicker", "hasten", "hastened", "hastening", "expedite", "expedited"),
    ("company", "companies", "firm", "firms", "enterprise", "enterprises", "business"),
    ("company", "outfit", "outfits"),
    # the formal words of planners and researchers
    ("batch", "cohort", "wave"),
    ("tenant", "tenants", "occupant", "occupants", "occupier", "occupiers"),
    ("name", "designation"),
    ("sector", "sectors", "sectoral"),
    ("publish", "published", "released", "release", "publishing", "printed", "prints"),
    ("article", "story", "piece", "report", "news", "articles", "stories", "pieces", "reports"),
    ("photo", "photos", "picture", "pictures", "image", "images", "photograph", "pic"),
    ("cost", "costs", "price", "spend", "spent", "spending", "invest", "investment", "budget"),
    ("aim", "aims", "goal", "goals", "target", "targets", "targeted", "targeting", "objective"),
    ("many", "number", "count", "amount", "quantity", "lots", "plenty", "numerous"),
    ("development", "growth", "expansion", "progress", "develop", "grow", "expand"),
    ("south", "southern", "southward"),
    ("north", "northern", "northward"),
    ("east", "eastern", "eastward"),
    ("west", "western", "westward"),
    ("expect", "expected", "forecast", "predicted", "projected", "anticipated", "estimate"),
    # "what output are they projecting": expecting (the stem is "project", the projects' word)
    ("expect", "projecting", "forecasting", "predicting", "anticipating", "estimating"),
    ("expect", "slated", "scheduled"),
    ("scarce", "rare", "few", "uncommon", "scarcity", "rarity", "shortage", "availability"),
    # to reshape an industrial system is to build it anew ("plans to reshape its structure")
    ("build", "reshape", "reshaping", "restructure", "restructuring", "overhaul"),
    # "Haizhu's wider industrial setup": how its industries are arranged
    ("system", "setup", "setups"),
    (
        "focus",
        "concentrate",
        "focusing",
        "specialise",
        "specialize",
        "emphasis",
        "emphasise",
        "emphasize",
        "prioritise",
        "prioritize",
    ),
    ("when", "date", "day"),  # but "launched that day" asks no date (PHRASES)
    ("exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed", "beyond"),
    (
        "role",
        "involvement",
        "involved",
        "part",
        "connection",
        "connections",
        "connected",
        "relation",
        "relationship",
        "relations",
        "ties",
    ),
    ("summary", "summarise", "summarize", "overview", "gist", "recap", "rundown", "synopsis"),
    ("summary", "sitrep", "lowdown"),
    ("summary", "abstract"),
    ("yuan", "rmb", "cny", "renminbi"),
    ("future", "later", "eventually", "someday", "become", "becomes", "becoming"),
    ("plan", "intend", "intends", "intended"),
    ("agreement", "agreements", "agree", "agreed", "agrees", "agreeing"),
    # what a company "promised" or "committed to" at a signing is what it agreed to
    ("agreement", "promise", "promised", "pledge", "pledged", "commit", "committed", "commitment"),
    ("agreement", "contract", "contracts", "document", "documents", "paperwork"),
    ("compare", "compared", "compares", "comparing", "comparison", "contrast", "contrasted"),
    ("compare", "contrasts", "contrasting", "versus"),
    ("sign", "signed", "signing", "signatory", "signatories", "signer", "signers"),
    # ("head", "chief" and "boss" are not: "the head of Haizhu district" is not the park's
    # manager, whom the synonyms know as the article's one manager)
    ("leader", "leaders", "head", "heads", "chief", "chiefs", "boss", "bosses"),
    # the nouns a Spanish or Russian speaker keeps from their own language ("How many
    # edificios will be capped?", "which kompanii signed", "norte or sur?")
    ("building", "edificio", "edificios"),
    ("event", "evento", "eventos"),
    ("company", "empresa", "empresas", "kompaniya", "kompanii", "kompanija"),
    ("north", "norte"),
    ("south", "sur"),
    ("series", "serie"),
    ("system", "sistema"),
    ("million", "millones", "millon", "milliona", "millionov"),
    ("role", "cargo", "puesto"),
    (
        "manager",
        "executive",
        "exec",
        "management",
        "manage",
        "manages",
        "managed",
    ),
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
    ("area", "space", "footprint", "surface"),
    # everyday verbs and nouns people swap for one another in any subject
    ("delete", "deleted", "deletes", "deleting", "remove", "removed", "removes", "removing"),
    ("delete", "erase", "erased", "erasing", "wipe", "wiped"),
    ("email", "emails", "mail", "mails", "mailed", "emailed", "emailing", "mailing"),
    ("disable", "disabled", "disables", "disabling", "deactivate", "deactivated"),
    ("enable", "enabled", "enables", "enabling", "activate", "activated"),
    ("backup", "backups"),
    ("replace", "replaced", "replaces", "replacing", "substitute", "swap"),
    ("ensure", "ensures", "ensured", "ensuring", "guarantee"),
    ("notification", "notifications", "notify", "notified", "alert", "alerts", "notices"),
    ("hide", "hides", "hidden", "hiding", "conceal"),
    ("computer", "computers", "pc", "pcs", "laptop", "desktop"),
    ("private", "privacy", "privately"),
    ("message", "messages", "msg", "msgs"),
    ("display", "displays", "displayed", "displaying", "show", "shows", "showing", "shown"),
    ("first", "initial", "initially", "earliest"),
    ("full", "complete", "entire"),
    # a park being finished or completed ("complete" alone is whole, above)
    ("finish", "finished", "finishes", "finishing", "completed", "completion", "completes"),
    ("series", "program", "sequence", "lineup", "lineups"),
    ("central", "downtown"),
    # "city industry", "industry in the city": what the article calls urban industry
    ("urban", "city"),
    # a business "campus" or an industrial "estate" is a park; "manufacturing" is industry; a
    # "scheme" is a project, in British news
    ("park", "campus", "campuses", "estate", "estates"),
    ("industrial", "manufacturing", "factory", "factories"),
    ("project", "scheme", "schemes"),
    ("traditional", "conventional", "ordinary", "typical", "normal"),
    ("center", "hub", "facility", "facilities"),
    ("output", "production"),
    ("cluster", "grouping", "agglomeration"),
    ("equipment", "machinery", "machines"),
    ("pillar", "backbone", "mainstay", "core"),
    # a formal writer's words for the everyday ones ("Of what magnitude is the cluster?", "in
    # which branches of industry", "assist Haizhu in erecting a modern system")
    ("big", "magnitude", "dimensions"),
    ("sector", "branch", "branches"),
    # an industry named by its field ("Is the park about biotech and medicine?"): a sector,
    # which the knowledge says a park focuses on, or not (not "logistics" or "textiles", which
    # askers name as their own trade, and "text" would be read as one)
    (
        "sector",
        *("biotech", "biotechnology", "biomedicine", "biomedical", "pharma", "pharmaceutical"),
        *("pharmaceuticals", "medicine", "medical", "healthcare", "fintech", "semiconductor"),
        "semiconductors",
    ),
    ("help", "assist", "assists", "assisted", "assisting"),
    # ("erect" itself would be the slip a typed "efect" mends to)
    ("build", "erected", "erecting"),
    ("aim", "aspire", "aspires", "aspired", "aspiring", "aspiration", "aspirations"),
    ("have", "possess", "possesses", "possessed"),
)

# trades an asker offers as another choice than the park's fields ("for IT or for food
# factories?"); not sectors of the knowledge: askers name them as their own trade too
TRADES = frozenset(
    """logistics food textiles textile garments garment clothing furniture agriculture agro
    farming mining finance banking retail tourism shipping chemicals steel petroleum oil cars
    automotive""".split()  # noqa: SIM905
)

# Idioms, rewritten (after case, punctuation and spelling are normalised) to plain words.
PHRASES: dict[str, str] = {
    "information technology": "infotech",  # "information" alone is a filler word
    "put pen to paper": "sign",
    # "some companies sign a paper", "what kind of papers did they sign": a paper signed is an
    # agreement, not a newspaper
    **{
        f"{verb} {det}{paper}": f"{verb} agreement"
        for verb in ("sign", "signs", "signed", "signing")
        for det in ("", "a ", "the ", "some ", "any ")
        for paper in ("paper", "papers")
    },
    **{f"kind of {paper}": "kind of agreement" for paper in ("paper", "papers")},
    # "Why does the article talk about HYCAN?": it mentions it
    **{f"{talk} about": "mentioned" for talk in ("talk", "talks", "talked")},
    "break ground": "start build",
    "broke ground": "start build",
    "breaks ground": "start build",
    "put out": "publish",
    # "Which newspaper wrote this?": an outlet writes what it publishes (a person who wrote it
    # is its author, whom the article may not name)
    **{
        f"{outlet} {wrote}": f"{outlet} published"
        for outlet in ("newspaper", "paper", "outlet", "website", "publication", "agency")
        for wrote in ("wrote", "write", "writes", "written")
    },
    **{f"site {wrote}": "website published" for wrote in ("wrote", "write", "writes", "written")},
    "back in": "in",  # "back in February", "back in 2021"
    # "to what extent will it help", "contribute to development", "in what capacity was X named"
    "to what extent": "how",
    "contribute to": "help",
    **{f"{feed} into": "help" for feed in ("feed", "feeds", "feeding", "fed")},
    "contributes to": "helps",
    "contributing to": "helping",
    "in what capacity": "what role",
    "long term": "future",
    "long run": "future",
    # "more of these lined up", "more parks in the works": planned
    "lined up": "planned",
    "in the works": "planned",
    # "how does it stack up in size": how it ranks; "what are they shooting for": their aim
    "stack up": "rank",
    "stacks up": "ranks",
    "stack up in size": "rank largest",
    "stacks up in size": "ranks largest",
    # "what businesses are they trying to pull in?": to attract
    "pull in": "attract",
    "pulling in": "attract",
    "draw in": "attract",
    "drawing in": "attract",
    "shooting for": "aim",
    "shoot for": "aim",
    "in what way": "how",
    "a one time": "a series",
    "first of many": "first of a series",
    "first one of many": "first of a series",
    "first one of": "first of",
    # "the first of a few planned" counts them: "a few" are several, where "few" are scarce
    "a few": "several",
    **{f"{only} a few": "few" for only in ("only", "just", "very")},  # "or only a few?": scarce
    "quite a few": "many",
    "latter half": "second half",
    "a run of": "a series of",
    # "sum this news up": summarise it
    **{
        f"sum {this} up": "summary"
        for this in (
            *("this", "it", "that", "everything", "things", "this news", "the news"),
            *("this story", "the story", "this article", "the article"),
        )
    },
    "real estate": "property",  # not an estate that is a park (above)
    "in town": "urban",
    "in city": "urban",
    "machine intelligence": "artificial intelligence",
    "data economy": "digital economy",
    "a dozen": "12",
    "edge of": "in",
    # "is it X or somewhere else?": the alternative left open asks nothing of its own
    "or somewhere else": "",
    "or something else": "",
    "or something different": "",
    # "was this the first one or were there others before?": the other answer to the same question
    **{
        f"or {be} there {others}{tail}": ""
        for be in ("are", "were", "is", "was")
        for others in ("others", "other ones", "more", "any others", "any more", "another")
        for tail in ("", " before", " earlier", " too", " as well")
    },
    # "Did HYCAN sign a final contract?": what kind of agreement it claims is checked against
    # the one the entry states, not asked as a word of its own
    **{
        f"{kind} {deal}": "agreement"
        for kind in (
            *("full", "final", "binding", "formal", "firm", "actual", "real", "proper"),
            *("investment", "lease", "leasing", "rental", "purchase", "land", "tenancy"),
            *("full investment", "final investment", "binding investment", "formal investment"),
            *("full lease", "final lease", "binding lease", "formal lease"),
        )
        for deal in ("contract", "contracts", "agreement", "agreements")
    },
    # "Is the park mainly about biotech?", "mostly for tech companies?": what it focuses on
    **{
        f"{mostly} {about}": "focus on"
        for mostly in ("mainly", "mostly", "primarily", "chiefly", "largely")
        for about in (
            *("about", "for", "on", "into", "going to be for", "meant for", "aimed at"),
            *("going to be about", "going after", "targeting"),
            *("a", "an"),  # "is it mainly a biotech park?"
        )
    },
    # "what will it build in the area of artificial intelligence?": in it, no area asked
    **{f"in the {field} of": "in" for field in ("area", "areas", "field", "fields", "domain")},
    # "aren't there loads of industrial parks around Guangzhou?": many
    **{f"{lot} of": "many" for lot in ("loads", "tons", "a ton", "heaps", "a bunch", "bags")},
    # "pretty sure it's only the 3rd largest", "not sure, but ...": how sure the asker is
    **{f"{how} sure": "" for how in ("pretty", "quite", "fairly", "not", "i am", "im", "so")},
    # "Could you explain it in simpler terms?": how to say it, not what is asked
    **{f"in {plain} terms": "" for plain in ("simpler", "simple", "plain", "layman", "laymans")},
    "in plain english": "",
    "the statement that": "",  # "What is meant by the statement that the park will ..."
    "about something different": "",
    # "the biggest at present", "in the years ahead": now, and what comes
    "at present": "",
    # "How many buildings are they planning to top out this year?": what they will do ("How
    # many more parks are planned?" asks of plans, and keeps them)
    "planning to": "",
    "how any": "how many",  # "How any parks ...?": "any" after "how" is "many" short of a letter
    # "push it more fast", "more quickly": faster, as a second language says it
    **{f"more {fast}": "faster" for fast in ("fast", "quick", "quickly", "rapid", "rapidly")},
    "in the years ahead": "future",
    "years ahead": "future",
    # "what level of output": how much of it ("what level of center": which one); "set in
    # motion": launched
    **{
        f"what level of {amount}": f"how much {amount}"
        for amount in (
            *("output", "production", "investment", "funding", "spending", "revenue"),
            *("industrial output", "economic output", "industrial production"),
        )
    },
    "set in motion": "launch",
    "sets in motion": "launch",
    # "floor space above street level", "putting up buildings"
    "street level": "ground",
    "ground level": "ground",
    "putting up": "building",
    "size wise": "",  # "how does it rank size-wise": the rank is the question
    # "Haizhu's biggest park by scale": how it is the biggest, said again
    **{f"{by} {scale}": "" for by in ("by", "in") for scale in ("scale", "size")},
    # "above-grade GFA": a builder's above ground
    "above grade": "above ground",
    # "Which firms inked agreements?": signed them
    **{
        f"{ink}{obj}": f"sign{obj}"
        for ink in ("ink", "inks", "inked", "inking")
        for obj in ("", " a", " an", " the")
    },
    "down the road": "future",
    "down the line": "future",
    "years to come": "future",
    # "a one-off or part of something bigger?" asks whether it is one of a series, not of size
    "one off": "series",
    **{f"one time {thing}": "series" for thing in ("thing", "event", "affair")},
    **dict.fromkeys(("only one time", "just one time"), "series"),
    "more or less": "",  # "where is it located, more or less?": roughly
    # "the system the park will help Haizhu put in place / build up": build it
    **dict.fromkeys(("put in place", "build up", "built up", "building up"), "build"),
    "tryna": "",  # "what is haizhu tryna set up": trying to, a filler
    # "Could you remind me which day ...": tell me
    "remind me": "",
    # "is it a city by itself or part of some bigger city?": a city, not the largest anything
    **dict.fromkeys(("bigger city", "larger city", "big city", "separate city"), "city"),
    # "What did the manager remark about ...?": what he said about it
    **{f"{remark} about": "say about" for remark in ("remark", "remarked", "remarks")},
    # "a single event, or part of a bigger row of activities?": one of a series, or not
    **dict.fromkeys(("single event", "lone event"), "series"),
    **{f"{row} of": "series of" for row in ("row", "string", "chain")},
    # "a passenger told me of some big ceremony last month": when the asker heard of it
    **dict.fromkeys(("last month", "last week", "the other day", "not long ago"), ""),
    # "What is Meishang's main business?", "Yuanzhi's main product": what a firm makes
    **{
        f"{main} {line}": "make"
        for main in ("main", "core", "key", "chief", "primary")
        for line in ("business", "businesses", "product", "products", "line")
    },
    "line of business": "make",
    "credit line": "credit",  # "Who gets the credit line for the photo?"
    "dateline": "date",  # "What's the dateline on the article?"
    "stand alone": "series",  # "a stand-alone event, or one of several?"
    "standalone": "series",
    "something bigger": "something",
    "something larger": "something",
    # "I saw it mentioned somewhere": where a claim was seen, not where the thing is
    "mentioned somewhere": "mentioned",
    # "Why does HYCAN come up in this story?": where it is mentioned ("coming up in" is upcoming)
    **{
        f"{verb} up in": "mentioned in"
        for verb in (
            *("come", "comes", "came", "show", "shows", "showed", "turn", "turns", "turned"),
            *("crop", "crops", "cropped", "pop", "pops", "popped"),
        )
    },
    "read somewhere": "read",
    # "I read in paper some firms sign ...": where the asker read it, not a newspaper asked of
    **dict.fromkeys(("read in paper", "read in the paper", "read in the newspaper"), "read"),
    **dict.fromkeys(("saw in paper", "saw in the paper", "saw in the newspaper"), "saw"),
    # an Irish or British "launch do" is the party for it; "a rake of firms" is many of them
    "launch do": "launch ceremony",
    "rake of": "many",
    # Southern American: "How many buildings they fixin' to top off?", "hurryin' up its push"
    **dict.fromkeys(("fixing to", "fixin to"), "will"),
    **dict.fromkeys(("top off", "topped off", "topping off", "tops off"), "top out"),
    **dict.fromkeys(("hurrying up", "hurry up", "hurried up", "hurries up"), "accelerate"),
    **{f"or is {he} pulling my leg": "" for he in ("he", "she", "it", "they")},
    "where in the world": "where",  # not "the biggest park in the world"
    "generally speaking": "",
    "in general": "",  # "What will the park do for Haizhu industry in general?"
    # "I think he is mixing up. Was it 28th?": the asker's doubt of a source, no topic
    **{
        f"{he} {is_} {mixing}": ""
        for he in ("he", "she", "they", "i")
        for is_ in ("is", "are", "am", "s", "m", "was", "were")
        for mixing in ("mixing up", "mixing it up", "mixing things up", "mixed up")
    },
    # "they plan to cap 10 buildings in 2022": expected to, as the answer says
    **{
        f"{plan} to cap": "expected to cap"
        for plan in ("plan", "plans", "planned", "planning", "aim", "aims", "want", "wants")
    },
    # "one time thing, or one of many events they planned?": of a series (not how many)
    **{
        f"one of many {events}": f"in a series of {events}"
        for events in ("events", "activities", "ceremonies")
    },
    # "Activities for what period of the year?", "for which period": the quarter
    "period of the year": "quarter",
    **{f"{which} period": f"{which} quarter" for which in ("which", "what")},
    # "sign up as early tenants": the first ones
    **{
        f"{early} {tenants}": f"first {tenants}"
        for early in ("early", "earliest")
        for tenants in ("tenants", "occupants", "residents", "settlers", "movers", "batch")
    },
    # "The text says it was the first of some activities": the article
    **{f"{the} text": f"{the} article" for the in ("the", "this", "that")},
    # "What was that ceremony for anyhow?": what it was for
    **dict.fromkeys(("for anyhow", "for anyway"), "for"),
    "bore da": "hello",  # Welsh "good morning"
    # "The park's assistant general manager, what his name again?": who he is
    **{
        f"what{is_} {his} name": f"who is {he}"
        for is_ in ("", " is", " s")
        for his, he in (("his", "he"), ("her", "she"))
    },
    # "Who's this Pan Hongping when he's at home?": who he is, in a British idiom
    # ("he's" has lost its "'s" by then)
    **{f"when {he}{is_} at home": "" for he in ("he", "she", "it") for is_ in ("", " is")},
    # "firms signed agreements to install themselves in the park": to settle there
    **dict.fromkeys(("install themselves", "install itself"), "settle"),
    # a formal or British hand: a ceremony "carried out" or "conducted", letters of intent
    # "executed" (not the stem of "executive", a manager) or "put pen to paper" on, a park
    # that "focusses", a city "in its own right"
    "carry out": "hold",
    "carried out": "held",
    "conducted": "held",
    "conduct": "hold",
    "executed": "signed",
    "execute": "sign",
    **dict.fromkeys(("put pen to paper", "putting pen to paper", "puts pen to paper"), "sign"),
    "focusses": "focuses",
    "focussed": "focused",
    "focussing": "focusing",
    "in its own right": "",  # "Is Haizhu a city in its own right or a district?"
    "heard somewhere": "heard",
    "seen somewhere": "seen",
    "saw somewhere": "saw",
    "put online": "publish",
    "put it online": "publish it",
    "posted online": "publish",
    "put up online": "publish",
    "came out": "publish",
    "come out": "publish",
    "next gen": "new generation",
    "next generation": "new generation",
    "tl dr": "summary",
    "tldr": "summary",
    "sum up": "summary",
    "in a nutshell": "summary",
    # "what's this story about?": its gist, not one of its facts ("What is the park about?" is
    # not the story)
    **{
        f"what is {this} {story} about": "what is the summary of the article"
        for this in ("this", "the", "that")
        for story in ("story", "article", "piece", "news", "report", "news story")
    },
    # politeness around a question is not part of it
    "would you mind": "please",
    "if you do not mind": "please",
    "if it is no trouble": "please",
    "if that is ok": "please",
    "if that is okay": "please",
    "may i ask": "please",
    "may i know": "please",
    "if i may ask": "please",
    "if i might ask": "please",
    **{f"{excuse} my ignorance": "please" for excuse in ("excuse", "forgive", "pardon")},
    "might i ask": "please",
    "can i ask": "please",
    "could i ask": "please",
    # "by the end of the year" is within the year, as "this year" is
    "end of the year": "year",
    "end of this year": "year",
    "end of year": "year",
    "year end": "year",
    "in short": "summary",
    # "pls tell me short what this news about": a summary, as a second language asks
    **{f"{tell} me short": "summary" for tell in ("tell", "say", "explain")},
    "give me short what": "summary what",  # "give me short what the article is about"
    # "..., no need for detail": how long the answer may be, not what it is about
    **dict.fromkeys(("no need for detail", "no need for details", "no details needed"), ""),
    "just curious": "",  # "Hello, just curious, were there other firms ...?"
    "tama ba": "",  # Tagalog "is it right?": "..., tama ba? is that correct?"
    "abi": "",  # Nigerian English "isn't it?": "So this was the final event, abi?"
    # "Were ten buildings planned to be capped?": expected to be, as the answer says
    **{f"{planned} to be": "expected to be" for planned in ("planned", "scheduled", "due")},
    "in brief": "summary",
    "short story": "summary",
    # "..., I don't have time to read it": why the asker asks, not what
    **{
        f"{have} time to read{it}": ""
        for have in ("dont have", "do not have", "don t have", "have no", "havent got", "no")
        for it in (
            *("", " it", " the article", " the story", " the whole thing", " all", " everything"),
            *(" full thing", " the full thing", " the full article", " the whole article"),
        )
    },
    "no time": "",  # "gimme quick summary of the news, no time"
    # "the opening ceremony" of new projects is their launch ceremony
    "opening ceremony": "launch ceremony",
    "launch party": "launch ceremony",
    # "I would be grateful to learn ...": politeness, as "please" is
    "excuse me": "please",
    "pardon me": "please",
    # "the zone everyone keeps talking about": what is said of it, not what is asked
    "they keep mentioning": "",
    **dict.fromkeys(("they keep talking about", "keep talking about", "keeps talking about"), ""),
    "keep mentioning": "",
    "keeps mentioning": "",
    "keep hearing about": "",
    "keep seeing": "",
    "keep reading about": "",
    "everyone keeps talking about": "",
    **dict.fromkeys(
        ("they are talking about", "they were talking about", "everybody mentioning"), ""
    ),
    "everybody keeps talking about": "",
    "everyone is talking about": "",
    "everybody is talking about": "",
    # as a learner puts it: "everybody talk about the 'pilot zone'"
    "everyone talk about": "",
    "everybody talk about": "",
    "people talk about": "",
    "be grateful to learn": "please",
    "be grateful to know": "please",
    "be grateful if": "please",
    "would like to learn": "please",
    # "going forward" is from now on; a story "last updated" on a date was updated then
    "going forward": "future",
    "last updated": "updated",
    # the "official name" of a place is its full name
    "official name": "full name",
    "official designation": "full name",
    "long name": "full name",  # "What is the whole long name of that zone?"
    # a formal writer's courtesies and turns ("Would you be so kind as to inform me ...", "if I
    # may enquire", "In what manner ...", "last brought up to date")
    **dict.fromkeys(
        (
            "would you be so kind as to",
            "be so kind as to",
            "if you would be so good as to tell me",
            "if you would be so kind as to tell me",
            "be so good as to",
            "i should very much like to know",
            "i should like to know",
            "i would very much like to know",
            "if i may enquire",
            "if i may inquire",
            "may i enquire",
            "may i inquire",
            "if one may speak of such expectations",
        ),
        "please",
    ),
    "inform me": "tell me",
    **{f"in {which} {way}": "how" for which in ("what", "which") for way in ("manner", "way")},
    # "The park lies in the northern part ...", "In which portion of the zone does it lie?": it
    # is located there
    **{f"{lies} in": "located in" for lies in ("lies", "lie", "lying", "lay")},
    **{f"does {it} lie": f"is {it} located" for it in ("it", "the park", "this park")},
    # a judge's hand: "what office does he hold" (his post), "has the district undertaken to
    # add ..." (it plans to), "Which news organisation is responsible for publishing this?"
    **dict.fromkeys(("what office", "which office"), "what role"),
    **dict.fromkeys(("undertaken to", "undertake to", "undertook to", "undertakes to"), "plan to"),
    "responsible for publishing": "publishing",
    "by what means": "how",
    **{f"{brought} up to date": "updated" for brought in ("brought", "bring", "brings", "kept")},
    "last brought up to date": "updated",
    "in the coming years": "in the future",
    "the coming years": "the future",
    "coming years": "future",
    "is it so that": "",  # "Is it so that ...?" checks, as "is it true that" does
    **dict.fromkeys(
        ("festivity", "festivities", "festive occasion", "celebration", "celebrations"), "ceremony"
    ),
    **dict.fromkeys(("undertaking", "undertakings"), "projects"),
    "ceremonial inauguration": "launch ceremony",
    **{f"establish {self}": "settle" for self in ("themselves", "itself", "themself")},
    **{f"{of} greater size": "bigger" for of in ("of", "with")},
    **dict.fromkeys(("singular occasion", "singular event"), "series"),
    # "which firms put their names down": signed up
    "put their names down": "sign",
    "put their name down": "sign",
    "put its name down": "sign",
    "put names down": "sign",
    # "which firms put their signatures to ...", "put hand to paper": signed
    **{
        f"put {their} {signature}": "sign"
        for their in ("their", "its", "a", "the")
        for signature in ("signature", "signatures", "signature down", "signatures down")
    },
    "put hand to paper": "sign",
    # "companies signed some papers", "the intention papers": agreements, not newspapers
    **{
        f"{sign} {some}papers": f"{sign} {some}agreements"
        for sign in ("sign", "signs", "signed", "signing")
        for some in ("", "some ", "the ", "any ", "their ")
    },
    "intention papers": "intention agreements",
    # "the Pazhou zone that appears in the article": where the asker saw it, not what is asked
    **{
        f"{appears} in {the} {article}": ""
        for appears in ("that appears", "which appears", "appearing")
        for the in ("the", "this")
        for article in ("article", "story", "text", "report", "news")
    },
    **{
        f"{illustrates} {the} {article}": ""
        for illustrates in ("that illustrates", "illustrating", "that goes with", "going with")
        for the in ("the", "this")
        for article in ("article", "story", "report", "news")
    },
    # "was this the only one, or part of a bunch of events?": one of a series, or not
    **{
        f"{a}bunch of {events}": f"{a}series of {events}"
        for a in ("", "a ")
        for events in ("events", "activities")
    },
    "the only one or": "a series or",
    "only event": "series",
    # "Who was at the ceremony?", "who came to it": who attended, not who held it
    **{
        f"who {was} {at}": "who attended"
        for was in ("was", "were", "went", "came")
        for at in ("at", "to")
    },
    # "Did HYCAN take part in the ceremony in some way?": whether it did, not how
    **dict.fromkeys(("in some way", "in any way", "in one way or another"), ""),
    # Spanish typed into English: "Cómo se llama the park?", "cuáles?", "metros cuadrados"
    "como se llama": "what is the name of",
    **dict.fromkeys(("cuales", "cual"), "which"),
    **dict.fromkeys(("cuando",), "when"),
    **dict.fromkeys(("donde",), "where"),
    **dict.fromkeys(("cuanto", "cuantos", "cuantas"), "how many"),
    "metros cuadrados": "square meters",
    "metro cuadrado": "square meter",
    # Cantonese typed in Latin letters: "Gei si they do the launch ceremony ah?", "Bin dou ah
    # this park?", "Expected output value gei do?"
    "gei si": "when",
    "bin dou": "where",
    **dict.fromkeys(("gei do", "gei dou", "gei doh"), "how much"),
    "date of the text": "date of the article",  # "the date of the text, not of the event"
    # "the opening event of a series", "a run of events": the first of a series; "the opening
    # event on 18 February" alone is the launch ceremony
    **{f"opening event {of}": f"first event {of}" for of in ("of", "in", "among")},
    "opening event": "launch ceremony",
    "opening round": "first round",
    "opening act": "first act",
    "opening phase": "first phase",
    "opening stage": "first stage",
    "run of events": "series of events",
    "string of": "series of",
    "chain of events": "series of events",
    "sequence of events": "series of events",
    "round of": "series of",  # "Haizhu's Q1 round of project launches"
    "run of": "series of",  # "a bigger run of activities", "Haizhu's run of launches"
    # "how much floor space are we talking about?": asks the figure, nothing more
    "are we talking about": "please",
    "are we talking": "please",
    "we are talking about": "please",
    "we're talking about": "please",
    # "what will the park do for Haizhu": what good it does ("what has it been doing for
    # industry" asks what it did, and keeps its words)
    "do for": "benefit",
    "does for": "benefit",
    "did for": "benefit",
    # "send me the link", "can u drop me the link": a request, as "give me" is
    "send me": "give me",
    "gimme": "give me",
    "to be found": "located",  # "Where exactly is the park to be found?"
    # "kick off the new industrial projects": the projects the ceremony launched ("new parks"
    # are the district's target, and keep their "new")
    **{
        f"new {kind}projects": f"{kind}projects"
        for kind in ("", "industrial ", "urban industrial ")
    },
    # "how does the park fit into the bigger industry plan": the plan, not a size
    **{
        f"{bigger} {kind}plan": f"{kind}plan"
        for bigger in ("bigger", "broader", "larger", "wider", "overall")
        for kind in ("", "industry ", "industrial ", "economic ", "development ")
    },
    "i noticed": "",  # "I noticed a company called Meishang in the piece."
    # "the northern part of the zone", "which part of Pazhou, north side?": a direction
    # ("part" alone is a role)
    **{
        f"{way}{ern} {part}": f"{way}{ern}"
        for way in ("north", "south", "east", "west")
        for ern in ("", "ern")
        for part in ("part", "side", "end", "bit", "section", "half")
    },
    # "Just checking for my notes, ...": that the asker checks, not what
    **{
        f"{just} {checking}": ""
        for just in ("just", "only", "double", "quickly")
        for checking in ("checking", "confirming", "verifying")
    },
    # "Was the output target quoted as 100 million?", "Did the manager put it at 1 billion?",
    # "they put the figure at 20": a figure given, checked
    **{
        f"{put} {it} {at}": ""
        for put in ("put", "puts", "quoted", "quote", "quotes", "pegged", "pegs", "peg")
        for it in ("it", "that", "this", "the figure", "the number", "the total", "output")
        for at in ("at", "as")
    },
    **{f"pegged {at}": "" for at in ("at", "as")},  # not "quoted at the ceremony"
    # "I have the event logged as Feb 28", "We have the area down as 50,000 sqm": the asker's
    # record of a claim, checked
    **{f"{logged} as": "" for logged in ("logged", "down", "noted", "recorded", "filed")},
    "send us": "give me",
    # "They want to make some AI centre there?": to build it ("What does Meishang make?" asks
    # what it produces)
    **{
        f"{want} to make": f"{want} to build"
        for want in ("want", "wants", "plan", "plans", "aim", "aims")  # not "going"
    },
    "planning to make": "build",  # as "planning to build" reads by then
    # "Is the park going to host a city-level AI centre?": to have one
    **{f"host {a}": f"have {a}" for a in ("a", "an")},
    # "Confirm for me: ceremony went ahead on 21 February, correct?": a check asked for
    **dict.fromkeys(("confirm for me", "confirm to me", "check for me", "verify for me"), ""),
    **dict.fromkeys(("went ahead", "go ahead", "goes ahead", "gone ahead"), "held"),
    # "the start party for the science park": its launch ceremony
    **{
        f"{start} {party}": "launch ceremony"
        for start in ("start", "starting", "kickoff", "launching")  # "opening event": first
        for party in ("party", "event", "ceremony", "celebration")
    },
    "drop me": "give me",
    "shoot me": "give me",
    "share with me": "give me",
    # "What does the Pazhou AI zone stand for?": what a short name is short for
    "stand for": "full name",
    "stands for": "full name",
    "short for": "full name",
    # a summary is short: "a short/brief/quick summary", "a short rundown" asks for one
    **{
        f"{short} {summary}": "summary"
        for short in ("short", "brief", "quick", "fast", "shortest")
        for summary in (
            "summary",
            "abstract",
            "overview",
            "rundown",
            "recap",
            "gist",
            "synopsis",
            "version",
            "sitrep",
            "lowdown",
        )
    },
    "in few words": "summary",  # a learner's "in few words", "in few lines": briefly
    "in few lines": "summary",
    "resume me": "summarise for me",  # French "résumer", Spanish "resumir"
    "in a few words": "summary",
    "in a few lines": "summary",
    "in a couple of lines": "summary",
    "key points": "main points",
    "main idea": "summary",
    "inner city": "urban",
    "too long didnt read": "summary",
    "too long did not read": "summary",
    "called in full": "full name",
    # "what is the zone called properly?": its full name
    "called properly": "full name",
    "properly called": "full name",
    # "Meishang - what's their link to the park?": the part it plays ("the link to the article"
    # is its address, and stays)
    "their link to": "their role in",
    # "what is the link between Yuanzhi Technology and this park?": its role in it
    **{
        f"the {link} between": "the role of"
        for link in ("link", "links", "connection", "relationship", "relation", "tie", "ties")
    },
    "its link to": "its role in",
    # "HYCAN and the park, how are they linked?": what one's role is in the other
    **{
        f"how {are} {they} {linked}": "what is its role"
        for are in ("are", "is")
        for they in ("they", "it", "these", "those", "the two")
        for linked in ("linked", "connected", "related", "tied")
    },
    # "Where does HYCAN come into the picture?": its role in the story (no photo is asked of)
    **{
        f"{come} into the {picture}": "role in the story"
        for come in ("come", "comes", "came", "fit", "fits")
        for picture in ("picture", "story", "news", "article")
    },
    **{
        f"where {does} {it} {come} into": "what is its role in"
        for does in ("does", "do", "did")
        for it in ("it", "he", "she", "they", "this", "that")
        for come in ("come", "fit")
    },
    # "signed to come to the park": to settle in it ("going into the park" is left: it
    # answered one question right and one wrong)
    **{
        f"{come} {to} the park": "settle in the park"
        for come in ("come", "comes", "coming")
        for to in ("to", "into", "in")
    },
    # "entered into intention agreements": signed them
    **dict.fromkeys(("entered into", "enter into", "enters into", "entering into"), "signed"),
    # "did hycan sing an intention agreemnt": a slip no mender takes, "sing" being a word
    **{
        f"{sing} {what}": f"sign {what}"
        for sing in ("sing", "sang", "singed")
        for what in ("an", "the", "up", "agreement", "agreements", "deals", "intention")
    },
    "their link with": "their role in",
    "its link with": "its role in",
    "their connection to": "their role in",
    "its connection to": "its role in",
    "his link to": "his role in",
    "her link to": "her role in",
    "churn out": "output",
    "churns out": "output",
    "in a couple lines": "summary",
    "in 2 or 3 sentences": "summary",
    "in 2 or 3 lines": "summary",
    "in 3 sentences": "summary",
    "in a sentence": "summary",
    "in one line": "summary",
    "in one sentence": "summary",
    "in a couple of sentences": "summary",
    "in a few sentences": "summary",
    "in two sentences": "summary",
    "in 2 sentences": "summary",
    "executive summary": "summary",  # its length ("the two-line ...") is read in bot/text.py
    # "How does it rank by size": which is largest; GFA is gross floor area
    "rank by size": "rank largest",
    "ranks by size": "ranks largest",
    "gfa": "construction area",
    "gross floor area": "construction area",
    # "the tenant mix": which industries the tenants are in
    "tenant mix": "industries",
    "new energy": "sector",
    "clean energy": "sector",
    "renewable energy": "sector",
    "green energy": "sector",
    "electric vehicles": "sector",
    "life sciences": "sector",
    "green tech": "sector",
    "in the pipeline": "planned",
    # "what was being kicked off": launched
    "kick off": "launch",
    "kicks off": "launch",
    "kicked off": "launch",
    "kicking off": "launch",
    "q1": "first quarter",
    # "once the park is up and running": in the future
    "up and running": "future",
    "or is the focus elsewhere": "",
    # "when is construction done", "once it's all done": finished ("What has Haizhu done?"
    # keeps "done" a light word)
    **{f"{verb} done": "finish" for verb in ("is", "be", "are", "get", "gets", "all")},
    "in terms of": "about",
    "how come": "why",
    # greetings in front of a question are not its topic (hi, hello are stopwords already)
    "good morning": "hello",
    "good afternoon": "hello",
    "good evening": "hello",
    "good day": "hello",
    "e mail": "email",
    "get rid of": "delete",
    "turn off": "disable",
    "turned off": "disable",
    "switch off": "disable",
    "turn on": "enable",
    "turned on": "enable",
    "switch on": "enable",
    "back up": "backup",
    "backed up": "backup",
    "backing up": "backup",
    "make sure": "ensure",
    "what for": "why",
    # "which part of the city" asks where; "is Haizhu part of Guangzhou" asks whether it is in it
    "which part of": "where",
    # "which site posted this?": a website that published it, not the park's site
    **{f"site {verb}": f"website {verb}" for verb in ("published", "ran", "carried")},
    "site posted": "website published",
    **{f"site {put} out": "website published" for put in ("put", "puts", "putting")},
    # "Is the new park in that area?", "... near Pazhou, is it in the area?": where it is, no
    # size asked ("in the area of AI" is "in", above)
    **{f"in {that} area": "where" for that in ("that", "this", "the", "the same", "my", "our")},
    "what part of": "where",
    "which end of": "where",
    "which side": "where",  # "which zone and which side?"
    "which bit of": "where",
    "what bit of": "where",
    "what area is it in": "where is it",
    "which area is it in": "where is it",
    "what end of": "where",
    "which side of": "where",
    "what side of": "where",
    # "right in the middle of the city": "right" only stresses where
    "right in": "in",
    "right at": "at",
    "part of": "in",
    "going after": "target",
    "middle of": "central",
    "heart of": "central",
    "that day": "then",
    "that same day": "then",
    "the same day": "then",
    # the first months of a year are its first quarter ("a run of launches early in the year")
    "early in the year": "in the first quarter",
    "early this year": "in the first quarter",
    "start of the year": "first quarter",
    "beginning of the year": "first quarter",
    "first part of the year": "first quarter",
    "first few months": "first quarter",
    # "the first quarter of the year" is the first quarter: the year is said by the context
    "quarter of the year": "quarter",
    "half of the year": "half",
    "months of the year": "months",
    # "where does HYCAN come into it?" asks what part it plays
    "come into it": "role",
    "come into this": "role",
    "come into all this": "role",
    "come in": "role",
    "fit into this": "role",
    "fit into all this": "role",
    "fit in": "role",
    "fit into": "role in",  # "How does the park fit into Haizhu's plans?"
    "fits into": "role in",
    # ranking or comparing by size asks which is largest, not how big one is
    # ("... in size against Haizhu's other parks": compared with them)
    **{
        f"{rank} {by} size{against}": f"rank largest{compared}"
        for rank in ("rank", "ranks", "ranked")
        for by in ("in", "for", "by", "on")
        for against, compared in (("", ""), (" against", " compared with"))
    },
    "compare in size": "compare largest",
    "compares in size": "compare largest",
    "go after": "target",
    "goes after": "target",
    "in order to": "to",
    "put their names to": "sign",
    "put its name to": "sign",
    "put their name to": "sign",
    "under way": "start",
    # "speeding up", "ramping up", "stepped up" urban industry: what "accelerating" it is
    "speed up": "accelerate",
    "speeds up": "accelerate",
    "speeding up": "accelerate",
    "sped up": "accelerate",
    "ramp up": "accelerate",
    "ramps up": "accelerate",
    "ramping up": "accelerate",
    "ramped up": "accelerate",
    # "who put this out", "didn't Haizhu start speeding this up": the verb split by its object
    **{
        f"{verb} {what} {particle}": meaning
        for verbs, particle, meaning in (
            (("put", "puts", "putting"), "out", "publish"),
            (
                ("speed", "speeds", "speeding", "sped", "ramp", "ramps", "ramping"),
                "up",
                "accelerate",
            ),
        )
        for verb in verbs
        for what in ("this", "it", "that", "things", "them")
    },
    # "which outlet put this story out": published it
    **{
        f"{verb} {that} {text} out": "publish"
        for verb in ("put", "puts", "putting")
        for that in ("this", "the", "that")
        for text in ("story", "article", "piece", "report", "news")
    },
    "pub date": "publication date",  # "story pub date": the trade's shorthand
    "harder to find": "hard to find",  # "harder" alone is a filler: "pushing it harder"
    "against other": "compared with other",  # "how does it rank in size against other parks"
    "against the other": "compared with the other",
    "easy to find": "hard to find",  # "are such parks easy to find?" asks how scarce they are
    "easy to come by": "hard to find",
    "hard to come by": "hard to find",
    "in any way": "",  # "was Yuanzhi involved in the ceremony in any way?"
    # "the cluster the park is meant to help create": what it creates, not a boost it gives
    **{f"help {make}": make for make in ("create", "build", "develop", "form", "grow")},
    # what line a company is in: its industry ("What kind of business is Meishang in?")
    **{
        f"{kind} of {thing}": "industry"
        for kind in ("kind", "kinds", "sort", "sorts", "type", "types", "line", "lines")
        for thing in ("business", "company", "firm", "businesses", "companies", "firms")
    },
    # "What is its goal when it comes to AI?": about AI, no "when"
    "when it comes to": "about",
    # "how big, in money terms?": in yuan, the article's money
    **{
        f"in {kind} terms": "in yuan" for kind in ("money", "monetary", "financial", "yuan", "cash")
    },
    "money wise": "in yuan",  # "how large is the cluster money-wise"
    "in money": "in yuan",
    # "kick off its big industrial projects": the key ones the ceremony launched
    **{
        f"{big} {kind}projects": f"key {kind}projects"
        for big in ("big", "major", "main", "important")
        for kind in ("", "industrial ", "urban industrial ")
    },
    "in terms of money": "in yuan",
    # "that sounds small", "seems like a lot": what the asker makes of a claim, not the claim
    **{
        f"{verb} {remark}": ""
        for verb in ("sounds", "seems", "sounds like", "seems like")
        for remark in ("small", "big", "huge", "a lot", "low", "high", "tiny", "too much", "crazy")
    },
    # a city-based park, industry inside the city: urban ones
    "city based": "urban",
    "inside the city": "urban",
    "factory estate": "industrial park",
    "factory estates": "industrial parks",
    # "why does the district care so much about this park?": why it is important
    "care so much about": "is important",
    "cares so much about": "is important",
    "as a business": "industry",
    "their business": "their industry",  # "what does Meishang do, what's their business"
    "its business": "its industry",
    "normal ones": "traditional ones",  # "special compared to normal ones"
    "usual ones": "traditional ones",
    # "a big deal vs normal industrial parks": the traditional ones
    **{
        f"{usual} {kind}": f"traditional {kind}"
        for usual in ("normal", "regular", "ordinary", "usual", "typical")
        for kind in ("industrial parks", "industrial park", "parks", "industrial estates")
    },
    "the usual kind": "the traditional kind",
    # "compare with the old kind of park", "the older type", "old-school ones": traditional
    **{
        f"{old} {kind}": "traditional"
        for old in ("old", "older")
        for kind in ("kind of", "type of", "kind", "type", "style", "school", "fashioned")
    },
    **{f"{old} ones": "traditional ones" for old in ("old", "older")},
    "step up": "accelerate",
    "steps up": "accelerate",
    "stepping up": "accelerate",
    "stepped up": "accelerate",
    "put together": "build",
    # "there was big ceremony in Haizhu", "a grand launch event": how it sounded, not its size
    **{
        f"{big} {event}": "ceremony" if event == "celebration" else event
        for big in ("big", "large", "huge", "grand", "major", "fancy", "important")
        for event in ("ceremony", "launch ceremony", "event", "launch event", "celebration")
    },
    # "Which day Haizhu make the ceremony?": a learner's verb for holding it ("did the
    # ceremony launch" is not one: "did" asks)
    **{
        f"{make} {the}{event}": f"hold {the}{event}"
        for make in ("make", "makes", "made", "making")
        for the in ("", "the ", "a ", "this ", "that ", "their ", "its ")
        for event in ("ceremony", "launch ceremony", "event", "launch event", "launch")
    },
    # a ribbon-cutting is an opening ceremony; "most big" is how a learner says "biggest"
    "ribbon cutting": "launch ceremony",
    "most big": "biggest",
    "most large": "largest",
    "more big": "bigger",
    # a learner's "resume" of the news (French "résumé", Spanish "resumen") is a summary
    "short resume": "summary",
    "a resume of": "a summary of",
    # "the February get-together", "a news item", "which sectors will it zero in on"
    "get together": "event",
    "news item": "article",
    "0 in on": "focus on",  # "zero" is a number by now
    "zeroes in on": "focus on",
    "zeros in on": "focus on",
    "zeroing in on": "focus on",
    "big deal": "",  # "why is X a big deal?" asks why, of X
    # "the car maker HYCAN": a company, described by what it makes
    **dict.fromkeys(
        ("car maker", "carmaker", "auto maker", "automaker", "automobile maker"), "car company"
    ),
    "ev maker": "ev company",
    # how an economy is put together is its industrial system ("structure" alone is any building)
    **{
        f"{kind} structure": "industrial system"
        for kind in ("industrial", "industry", "economic", "economy")
    },
    **{
        f"{economy} {be} {organised}": "industrial system"
        for economy in ("economy", "industries", "industry")
        for be in ("is", "are")
        for organised in ("organised", "organized", "structured", "built")
    },
    # "a group of core industries", "the grouping of key sectors": a cluster of them
    **{f"{group} of": "cluster of" for group in ("group", "grouping")},
    "first group": "first batch",
    **{f"anchor {tenant}": f"first {tenant}" for tenant in ("tenant", "tenants")},
    # "in plain words, please": how to answer, not what
    **{
        f"in {plain} {words}": ""
        for plain in ("plain", "simple", "a few", "few", "layman s")
        for words in ("words", "terms", "english")
    },
    # "sped up urban industry from which time": since when
    **{f"from {which} time": "since when" for which in ("which", "what")},
    "since what time": "since when",
    "so far": "",  # "who has signed on so far?"
    # "..., im on my break": where the asker is, not what they ask
    **{f"on {my} {lunch}break": "" for my in ("my", "a") for lunch in ("", "lunch ", "coffee ")},
    # "the full name in English", "its English name": the knowledge is in English already
    "in english": "",
    "english name": "name",
    # "I need the date for my notes": what the asker needs is what they ask ("Why does Haizhu
    # need the park?" keeps its need)
    **{f"{who} {need}": f"{who} want" for who in ("i", "we") for need in ("need", "needed")},
    # "how many are set to be capped this year": expected to be
    "set to": "expected to",
    # "the photo used in the article" is the article's photo
    **{
        f"used in {that} {text}": "in the article"
        for that in ("the", "this", "that")
        for text in ("article", "story", "report", "piece")
    },
    "set of": "series of",
    "underway": "start",
    # "the northern section of the zone" is where "the southern part of" it is
    "which section of": "where",
    "what section of": "where",
    "section of": "in",
    # "the northern bit of the zone" is its northern part ("part of" is "in", below)
    "northern bit of": "northern in",
    "southern bit of": "southern in",
    "eastern bit of": "eastern in",
    "western bit of": "western in",
    "sections of": "in",
    "portion of": "in",
    "end of": "in",
    "side of": "in",
    "corner of": "in",
    # "what's Meishang got to do with this?" asks what part it plays
    "got to do with": "role",
    "have to do with": "role",
    "has to do with": "role",
    "had to do with": "role",
    "a bunch of": "some",
    "bunch of": "some",
    # what a system or plan stands on
    "rests on": "based on",
    "rest on": "based on",
    "founded on": "based on",
    "anchored by": "based on",
    "anchored in": "based on",
    "underpinned by": "based on",
}

# Irregular verb forms the stemmer cannot relate to their verb ("sent" is not "send" to it).
# Forms that are also everyday nouns or other verbs are left out: found (to found), ground
# (to grind), left, saw, rose, fell, felt, lay, bore, wound, shot, sat, fed (the Fed); and known,
# told, which would become the stopwords "know" and "tell".
IRREGULAR_FORMS: dict[str, str] = {
    form: verb
    for verb, forms in {
        "send": "sent", "spend": "spent", "build": "built", "buy": "bought",
        "bring": "brought", "catch": "caught", "choose": "chose chosen", "draw": "drew drawn",
        "drive": "drove driven", "eat": "ate eaten", "forget": "forgot forgotten",
        "grow": "grew grown", "hold": "held", "hide": "hid hidden", "keep": "kept", "lead": "led",
        "lend": "lent", "lose": "lost", "make": "made", "meet": "met", "pay": "paid",
        "run": "ran", "sell": "sold", "sleep": "slept",
        "speak": "spoke spoken", "stand": "stood", "steal": "stole stolen", "strike": "struck",
        "teach": "taught", "think": "thought", "throw": "threw thrown", "understand": "understood",
        "wear": "wore worn", "win": "won", "write": "wrote written", "go": "went gone",
        "begin": "began begun", "become": "became", "come": "came", "fight": "fought",
        "fly": "flew flown", "freeze": "froze frozen", "hang": "hung",
        "flee": "fled", "deal": "dealt", "dig": "dug", "ride": "rode ridden", "rise": "risen",
        "sing": "sang sung", "sink": "sank sunk", "shake": "shook shaken", "seek": "sought",
        "stick": "stuck", "swim": "swam swum", "tear": "tore torn", "break": "broke broken",
        "undertake": "undertook undertaken", "withdraw": "withdrew withdrawn",
        "take": "took taken", "give": "gave given", "see": "seen", "do": "did done",
        "mean": "meant", "show": "shown", "learn": "learnt", "burn": "burnt",
    }.items()
    for form in forms.split()
}  # fmt: skip

WORD_MAP: dict[str, str] = {
    word: group[0] for group in EQUIVALENT_WORDS for word in group[1:] if word != group[0]
}
