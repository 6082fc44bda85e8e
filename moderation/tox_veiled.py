"""Recognisers for veiled threats, doxxing, harassment, stereotypes and insults without slur words."""

from __future__ import annotations

from moderation.tox_rules import (
    ADJ_TRIG,
    NOUN,
    NOUN_TRIG,
    PERSON_WEAK_NOUN,
    STRONG_ADJ,
    YOU_ARE,
    Rule,
    rule_adder,
)

RULES: list[Rule] = []
_rule = rule_adder(RULES)

_W = r"[\w'’-]+"
# A person named by role, as the stories and comments name them.
_SOMEONE = rf"(?:him|her|them|em|the\s+(?:{_W}\s+){{0,3}}?{_W}|that\s+{_W}|this\s+{_W}|his\s+{_W}|her\s+{_W})"

# --- veiled threats and incitement in the third person -------------------------------------
# "someone should pay the minister a visit at her house one night": a visit only threatens
# with the night, the home or the "lesson" attached to it.
_rule("pay_visit", "incitement", 0.84,
      rf"\b(?:someone|somebody|some\s+of\s+(?:us|you)|we|people|the\s+lads|they)\s+(?:\w+\s+){{0,2}}?"
      rf"(?:should|need\s+to|needs\s+to|ought\s+to|must|could|can|will|'ll|gonna|going\s+to)\s+"
      rf"(?:(?:all|go|and|just)\s+){{0,3}}pay\s+{_SOMEONE}\s+a\s+(?:\w+\s+)?visit\b[^.!?]{{0,60}}?"
      r"(?:\bone\s+night|\bat\s+night|\bafter\s+dark|\bat\s+(?:his|her|their)\s+(?:house|home|door|"
      r"place|address|flat)|\band\s+(?:show|teach|see\s+how|remind)|\b(?:his|her|their)\s+"
      r"(?:kids|family|front\s+door))",
      frozenset({"visit"}), reportable=False)
# "people like her tend to end up face down in the canal", "accidents happen to grasses".
_rule("veiled_fate", "threat", 0.82,
      r"\b(?:(?:people|folk|women|men|blokes|grasses|snitches|those|ones|types|someone|anyone)\s+"
      r"like\s+(?:him|her|them|you|u|that|this|yourself|(?:the|that|this)\s+\w+)|the\s+likes\s+of\s+(?:him|her|them|you)|"
      r"accidents?\s+(?:happen|can\s+happen)|(?:(?:would|it'?d|it\s+would)\s+be\s+a\s+)?(?:shame|"
      r"pity)\s+if|watch\s+(?:your|his|her)\s+back|(?:be|stay)\s+careful)\b[^.!?]{0,60}?"
      r"\b(?:end(?:s|ed)?\s+up|ending\s+up|wind(?:s)?\s+up|wound\s+up|turn(?:s|ed)?\s+up|"
      r"(?:get|gets|got|getting|be|being)\s+found|go(?:es)?\s+missing|ha(?:ve|s|d)\s+(?:an?\s+)?"
      r"(?:nasty\s+|little\s+)?accidents?)\b(?:[^.!?]{0,30}?\b(?:face\s*down|floating|canal|river|"
      r"ditch|skip|morgue|body\s*bag|wheelchair|hospital|dead|missing|woods|reservoir|harbour|"
      r"six\s+feet)\b|(?<=missing)|(?<=accident)|(?<=accidents))",
      frozenset({"end", "ends", "ended", "ending", "wind", "winds", "wound", "turn", "turns",
                 "turned", "found", "missing", "accident", "accidents"}), reportable=False)
# "I know a few lads who'd happily oblige": violence offered by proxy.
_rule("proxy_violence", "threat", 0.82,
      r"\b(?:i|we)\s*(?:know|have|'ve\s+got|’ve\s+got|got)\s+(?:a\s+few|a\s+couple\s+of|some|"
      r"plenty\s+of|loads\s+of|people|lads|blokes|mates|friends|someone|somebody|a\s+(?:lad|"
      r"bloke|man|guy|mate|fella|geezer))\b[^.!?]{0,25}?\b(?:who|that)\s*(?:'d|’d|would|will|'ll|"
      r"’ll|could|can)?\s+(?:\w+\s+){0,2}?(?:oblige|sort\s+(?:him|her|them|it|that)\s+out|"
      r"sort\s+(?:him|her|them)|see\s+to\s+(?:him|her|them)|take\s+care\s+of\s+(?:him|her|them)|"
      r"pay\s+(?:him|her|them)\s+a\s+visit|teach\s+(?:him|her|them)|deal\s+with\s+(?:him|her|"
      r"them)|do\s+(?:him|her|them)\s+over|(?:do|break|snap)\s+(?:his|her|their)\s+\w+)\b",
      frozenset({"oblige", "sort", "see", "care", "visit", "teach", "deal", "do", "break",
                 "snap"}), reportable=False)
# "string them up outside the town hall": a lynching urged.
_rule("string_up", "incitement", 0.86,
      r"\bstring(?:ing)?\s+(?:them|him|her|em|'em|the\s+lot(?:\s+of\s+(?:them|em))?|every\s+"
      r"(?:last\s+|single\s+)?(?:one|\w+)(?:\s+of\s+them)?|all\s+of\s+them|(?:the|these|those)\s+"
      r"(?:\w+\s+)?(?:gang|lot|nonces?|paedos?|bastards|scum|traitors|rapists|groomers|animals|"
      r"politicians|mps|councillors|men|coppers|police|judges|ministers))\s+up\b",
      frozenset({"string", "stringing"}), reportable=False)
# "I'd hold the director under the water myself".
_rule("drown", "threat", 0.88,
      r"\b(?:(?:i|we)\s*(?:'d|’d|\s+would|'ll|’ll|\s+will|\s+could)|someone\s+(?:should|needs\s+"
      r"to)|somebody\s+(?:should|needs\s+to))\s+(?:happily\s+|gladly\s+|personally\s+)?(?:hold|"
      r"push|keep|shove|stick)\s+(?:[\w'’-]+\s+){1,8}?(?:under\s+(?:the\s+)?water|underwater|head\s+"
      r"under)\b",
      frozenset({"water", "underwater", "under"}), reportable=False)
# "find out where the caseworker lives and post it here", "anyone know where she lives?"
_rule("doxx_where", "threat", 0.84,
      r"\b(?:someone|somebody|anyone|anybody|let'?s|lets|we\s+(?:should|need\s+to|must)|"
      r"who\s+knows)\s+(?:\w+\s+){0,2}?(?:find|dig|track|get|post|share|know|found)\s+"
      r"(?:out\s+|up\s+|down\s+)?where\s+(?:\w+\s+){1,8}?(?:lives?|sleeps?|stays?|parks?)\b",
      frozenset({"lives", "live", "sleeps", "sleep", "stays", "stay", "parks", "park"}),
      reportable=False)
# "drives a silver Audi and leaves at half four, in case anyone wants a word with him".
_rule("stalk_invite", "threat", 0.8,
      r"\b(?:lives|drives|parks|leaves|address|street|house|walks|finishes|gets\s+the\s+bus)\b"
      r"[^.!?]{0,120}?\bin\s+case\s+(?:anyone|anybody|someone|somebody|any\s+of\s+you)\s+"
      r"(?:\w+\s+)?(?:wants?|fancies|feels?\s+like|needs?)\s+(?:to\s+)?(?:have\s+a\s+(?:\w+\s+)?"
      r"(?:word|chat)|a\s+(?:\w+\s+)?(?:word|chat)|pay|visit|pop\s+round|drop\s+by|call\s+round|"
      r"say\s+hello|let\s+(?:him|her|them)\s+know|tell\s+(?:him|her|them))",
      frozenset({"case"}), reportable=False)
# "people round here will sort it themselves".
_rule("vigilante", "incitement", 0.76,
      r"\b(?:people|folk|we|the\s+lads|locals|residents|someone|the\s+community)\s+(?:round|"
      r"around|in|from)\s+here\s+(?:will|'ll|are\s+going\s+to|gonna|should)\s+(?:sort|deal\s+with|"
      r"take\s+care\s+of|handle)\s+(?:it|him|her|them|this|things)\s+(?:out\s+)?(?:themselves|"
      r"ourselves)\b",
      frozenset({"themselves", "ourselves"}), reportable=False)
# "if someone dragged him out and gave him a taste of his own scalpel I wouldn't shed a tear".
_HARMED = (r"(?:dragged|beat|beats|battered|stabbed|shot|hung|hanged|kicked|torched|burned|burnt|"
           r"gave\s+(?:him|her|them)\s+a\s+taste|taught\s+(?:him|her|them)\s+a\s+lesson|"
           r"kneecapped|lynched|smashed|killed|attacked|ran\s+(?:him|her|them)\s+over|drowned|"
           r"topped|strung|did\s+(?:him|her|them)\s+in|sorted\s+(?:him|her|them)\s+out|"
           r"glassed|bottled|petrol|firebombed)")
_NO_TEAR = (r"(?:i|we)\s+(?:wouldn'?t|would\s+not|won'?t|will\s+not|wouldnt)\s+(?:shed\s+a\s+"
            r"(?:single\s+)?tear|lose\s+(?:any\s+|a\s+wink\s+of\s+)?sleep|be\s+(?:sad|sorry|"
            r"upset)|cry|complain|mind)")
_rule("no_tear", "incitement", 0.8,
      rf"\bif\s+(?:someone|somebody|anyone|they|people|the\s+lads|a\s+few\s+\w+)\s+[^.!?]{{0,60}}?"
      rf"\b{_HARMED}\b[^.!?]{{0,80}}?\b{_NO_TEAR}|\b{_NO_TEAR}\s+if\s+(?:someone|somebody|"
      rf"anyone|they|people)\s+[^.!?]{{0,50}}?\b{_HARMED}\b",
      frozenset({"tear", "sleep", "sad", "sorry", "upset", "cry", "complain", "mind"}),
      reportable=False)

# --- sexual harassment of a commenter or a woman in the story -------------------------------
_rule("on_knees", "sexual", 0.82,
      r"\b(?:bet|imagine|picture|you'?d|you\s+would|you\s+look|she'?d|she\s+would|she\s+looks?|"
      r"look\s+better|looks\s+better|belong|belongs)\b[^.!?]{0,40}?\bon\s+(?:your|ur|her|yer)\s+"
      r"knees\b",
      frozenset({"knees"}), reportable=False)
_rule("show_us", "sexual", 0.8,
      r"\b(?:send|post|give)\s+(?:us|me)\s+(?:a\s+)?(?:pic|pics|photo|selfie|picture|snap)\b"
      r"[^.!?]{0,15}?\b(?:hun|hon|babe|baby|love|luv|darling|sweetheart|gorgeous|sexy|beautiful|"
      r"princess|doll)\b|(?:\bpic|\bphoto|\bselfie|\bhun|\bbabe|\bbaby|\bdarling|\bsweetheart|"
      r"\bgorgeous|\bsexy|😘|😏|😉|😍|🥵|;\))[^.!?]{0,60}?\bshow\s+(?:us|me)\s+what\s+"
      r"(?:you'?ve|you\s+have|u\s+have|youve|you)\s+(?:got|have)",
      frozenset({"pic", "pics", "photo", "selfie", "picture", "snap", "show"}), reportable=False)
_rule("come_round", "sexual", 0.8,
      r"\b(?:she|her|the\s+(?:\w+\s+){0,4}?(?:mum|mother|woman|girl|lass|wife|lady|teacher|worker|"
      r"reporter|journalist|carer|nurse|one)(?:\s+(?:in|from|on|off)\s+(?:the|this|that)\s+\w+)?|you|u)"
      r"\s+(?:can|could|is\s+welcome\s+to|should)\s+"
      r"(?:come|pop)\s+(?:round|over|to\s+mine)\b[^.!?]{0,60}?(?:\bany\s+night|\btonight|"
      r"\bmy\s+(?:place|bed|room)|\bin\s+bed|😏|😉|😘|🥵|😍|;\))",
      frozenset({"round", "over", "mine"}), reportable=False)

# --- identity: accusations, dehumanising and slurs the lexicon lacks ------------------------
# "the youth worker in the article is a p.a.e.d.o", "the man is a butcher and a groomer".
_rule("accuse_abuser", "insult", 0.84,
      r"\b(?:is|'s|’s|was|are|'re|looks\s+like|must\s+be|clearly|obviously|probably|definitely)\s+"
      r"(?:a|an)\s+(?:[\w-]+\s+(?:and\s+a\s+)?){0,3}?(?:paedo|pedo|nonce|groomer|kiddie\s+fiddler|"
      r"kiddy\s+fiddler|child\s+molester|nonce\s+case)s?\b(?!\s+(?:hunters?|rings?|gangs?|"
      r"scandal|case|inquiry|trial|wing|unit))",
      frozenset({"paedo", "pedo", "nonce", "groomer", "fiddler", "molester", "paedos", "nonces",
                 "groomers"}))
_rule("bender", "slur", 0.8,
      r"\b(?:(?:he|she|you|u|him|they)(?:'s|’s|\s+is|\s+are|'re|\s+was|\s+looks?\s+like|"
      r"\s+seems?\s+like)|looks?\s+like|you|what)\s+(?:a\s+)?(?:(?:proper|right|total|massive|"
      r"bloody|fucking|absolute|complete|little|big|raging)\s+)?benders?\b"
      r"(?!\s+(?:weekend|night|session|party|in|on|at|last|this))",
      frozenset({"bender", "benders"}))
_DEHUMANE = (r"(?:cockroach|cockroaches|maggot|maggots|parasite|parasites|leech|leeches|vermin|"
             r"savage|savages|subhuman|sub-human|scumbag|animal)")
_rule("is_vermin", "dehumanise", 0.82,
      rf"\b(?:is|'s|are|was|'re)\s+(?:a|an)\s+(?:[\w-]+\s*,?\s+(?:and\s+)?){{1,5}}?{_DEHUMANE}\b"
      r"(?!\s+(?:lover|rights|welfare|charity|shelter|sanctuary|testing|control|behaviour))",
      frozenset({"cockroach", "cockroaches", "maggot", "maggots", "parasite", "parasites",
                 "leech", "leeches", "vermin", "savage", "savages", "subhuman", "sub",
                 "scumbag", "animal"}))
_rule("breed_like", "identity", 0.8,
      r"\b(?:they|these\s+people|those\s+people|them|that\s+lot)\s+(?:all\s+)?breed\s+"
      r"(?:like|at\s+(?:\w+\s+){0,3}?(?:rate|times)|faster)",
      frozenset({"breed"}))

# --- insults to a commenter without the classic words ---------------------------------------
_rule("wouldnt_piss", "insult", 0.82,
      r"\b(?:wouldn'?t|would\s+not|wouldnt|won'?t)\s+(?:even\s+)?(?:piss|pee|spit)\s+on\s+"
      r"(?:you|u|ya|him|her|them)\s+if\s+(?:you|u|ya|he|she|they)\s+(?:was|were)\s+on\s+fire",
      frozenset({"piss", "pee", "spit"}))
_rule("condescend", "insult", 0.74,
      r"\bmove\s+(?:your|ur|yer)\s+lips\b|\b(?:use|using)\s+(?:small|smaller|short|shorter)\s+"
      r"words\s+(?:for\s+(?:you|u|him|her)|so\s+(?:you|u)|since\s+(?:you|u))|\bdropped\s+on\s+"
      r"(?:your|ur|yer)\s+head\b|\bask\s+(?:an?\s+)?(?:adult|grown[\s-]?up)\s+to\s+(?:read|"
      r"explain)",
      frozenset({"lips", "words", "dropped", "adult", "grown"}))
# "Read it again, muppet." - a weak insult noun used as a form of address mid-text.
_rule("weak_vocative", "insult", 0.62,
      rf"(?:,\s*|^\s*)(?:(?:absolute|complete|total|utter|proper|right|you)\s+)?{PERSON_WEAK_NOUN}"
      r"\s*[.!?]+(?=\s|$)|^\s*(?:(?:absolute|complete|total|utter|proper|right)\s+)?"
      rf"{PERSON_WEAK_NOUN}\s*,\s*(?:read|learn|look|go|try|get|stop|think|do)\b",
      NOUN_TRIG)
# "you are a sad, friendless little incel": the adjectives come as a list.
_rule("you_are_listed_noun", "insult", 0.82,
      rf"\b{YOU_ARE}\s+(?:a|an|such\s+a)\s+(?:(?!not?\b|never\b)[\w-]+\s*,\s*|(?!not?\b|never\b)"
      rf"[\w-]+\s+(?:and\s+)?){{1,4}}?{NOUN}\b",
      NOUN_TRIG)
# "you are so stupid it actually hurts".
_rule("you_are_so_adj", "insult", 0.74,
      rf"\b{YOU_ARE}\s+(?:so|such|really|very|that|too)\s+(?:(?:so|very|really)\s+)?{STRONG_ADJ}\b"
      r"(?!\s+(?:about|to|of|for|with|at|in|on|as|than|but)\b)",
      ADJ_TRIG)
# "I hope ye choke on yer Sunday roast" (a wish, not a worry: no negation in between).
_rule("hope_choke", "death_wish", 0.84,
      r"\b(?:hope|hoping|wish)\s+(?:that\s+)?(?:you|u|ye|ya|he|she|they)\s+(?:(?!not\b|never\b|"
      r"don|doesn|won|didn)\w+\s+)?(?:choke|chokes|choking)\s+(?:on|to)\b",
      frozenset({"choke", "chokes", "choking"}))


def _masked(word: str) -> str:
    # Each letter after the first may be hidden behind a symbol: "j*ngle", "b*nn!es".
    return word[0] + "".join(f"[{c}*#@$!._]" for c in word[1:])


# Two-word slurs typed with masked letters ("j*ngle b*nnies"); the normaliser restores only
# single masked words, so the halves are matched here letter by letter.
_TWO_WORD_SLURS = (("jungle", "bunny"), ("jungle", "bunnies"), ("porch", "monkey"),
                   ("porch", "monkeys"), ("camel", "jockey"), ("shirt", "lifter"))
_rule("masked_slur", "slur", 0.86,
      r"\b(?:" + "|".join(rf"{_masked(a)}\s+{_masked(b)}" for a, b in _TWO_WORD_SLURS)
      + r")(?![a-z])",
      frozenset(b[i:] for _, b in _TWO_WORD_SLURS for i in range(1, 4)
                if len(b) - i >= 4 and b[i:] != "keys"))
