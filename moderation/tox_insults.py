"""Recognisers for insults, dehumanising language and profanity aimed at a person."""

from __future__ import annotations

from moderation.tox_lexicon import (
    EPITHETS,
    IDENTITY_ADJS,
    STRONG_ADJS,
    alt,
    trigger_words,
)
from moderation.tox_rules import (
    ADJ,
    ADJ_TRIG,
    ANY_NOUN,
    END,
    FILLER,
    INSULT_TRIG,
    MOD,
    NOUN,
    NOUN_TRIG,
    PERSON_WEAK_NOUN,
    STRONG_ADJ,
    SUBJECT_COPULA,
    WEAK_NOUN,
    YOU,
    YOU_ARE,
    Rule,
    rule_adder,
)

RULES: list[Rule] = []
_rule = rule_adder(RULES)

# --- insults aimed at a person -------------------------------------------------------------
# "you idiot", "you absolute cunt", "you sad little troll"
_rule("you_noun", "insult", 0.88,
      rf"\b{YOU}\s+(?:{MOD}\s+){{0,3}}{ANY_NOUN}\b(?!\s+(?:of|in|out|on|down|for|at)\b)",
      NOUN_TRIG)
# "you are a liar", "you're clearly an unfit mother", "you lot are scum"
_rule("you_are_noun", "insult", 0.86,
      rf"\b(?:{YOU_ARE}|you\s+lot\s+are|you\s+people\s+are)\s+{FILLER}{{0,3}}"
      rf"(?:{MOD}\s+){{0,3}}{NOUN}\b", NOUN_TRIG)
_rule("you_are_weak_noun", "insult", 0.62,
      rf"\b(?:{YOU_ARE}|you\s+lot\s+are)\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}{WEAK_NOUN}\b",
      NOUN_TRIG)
# "you are pathetic", "you're so thick"
_rule("you_are_adj", "insult", 0.72,
      rf"\b(?:{YOU_ARE}|you\s+lot\s+are)\s+(?:(?:so|such|just|really|very|being|utterly|"
      rf"totally|completely|absolutely|clearly|obviously|a|an|plain|bloody|fucking|beyond|"
      rf"truly)\s+){{0,3}}{STRONG_ADJ}{END}", ADJ_TRIG)
# "what an idiot", "what a pathetic little man"
_rule("what_a", "insult", 0.7,
      rf"\bwhat\s+(?:a|an)\s+(?:{MOD}\s+){{0,3}}(?:{NOUN}|{MOD}\s+(?:man|woman|person|"
      rf"creature|individual|specimen|excuse))\b", frozenset({"what"}))
# "the writer is an idiot", "Donna is a liar", "she's a useless cow"
_rule("subject_is_noun", "insult", 0.84,
      rf"\b(?!(?:this|the|that|it|which|there|what|policy|report|system|idea|plan|bill|council|"
      rf"councils|government|department|ministry|dfe|ofsted|nhs|police|tories|labour|treasury|"
      rf"committee|board|agency|authority|trust|school|academy|cafcass|court|courts|charity|"
      rf"law|scheme|decision|review|consultation|article|document|process)\b)[a-z'’]+,?"
      rf"{SUBJECT_COPULA}\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}{NOUN}\b(?!\s+of\b)",
      NOUN_TRIG)
_rule("person_is_noun", "insult", 0.84,
      rf"\b(?:the|this|that|your|these|those)\s+(?:\w+\s+)?(?:writer|author|journalist|"
      rf"reporter|columnist|editor|poster|commenter|commentator|guy|bloke|man|woman|lady|girl|"
      rf"idiot|headteacher|teacher|social\s+worker|mum|mother|dad|father|carer|manager|officer|"
      rf"worker|person|people|lot|clown|moron)s?"
      rf"{SUBJECT_COPULA}\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}{ANY_NOUN}\b(?!\s+(?:of|in)\b)"
      rf"|\b(?:she|he|they)(?:'s|’s|\s+is|'re|\s+are|\s+was)\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}"
      rf"(?:{NOUN}|{PERSON_WEAK_NOUN})\b(?!\s+(?:of|in)\b)",
      NOUN_TRIG)
# Office holders get the stronger words only: "the minister is a clown" is political
# speech, "the minister is a cunt" is not.
_rule("office_is_noun", "insult", 0.8,
      rf"\b(?:the|this|that|our|your)\s+(?:\w+\s+)?(?:minister|mp|councillor|head|judge|"
      rf"secretary|pm|prime\s+minister|director|chief\s+exec\w*|leader|mayor)s?{SUBJECT_COPULA}\s+"
      rf"{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}{NOUN}\b(?!\s+(?:of|in)\b)", NOUN_TRIG)
_rule("whoever_is", "insult", 0.82,
      rf"\b(?:whoever|anyone\s+who|anybody\s+who)\s+\w+\b[^.!?]{{0,50}}?\b(?:is|was|are|"
      rf"needs\s+to\s+be)\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}(?:[\w-]+\s+)?(?:{ANY_NOUN}|"
      rf"{STRONG_ADJ})\b",
      frozenset({"whoever", "anyone", "anybody"}))
# Epithet built from an insult adjective and noun: "useless cow", "sad little troll".
_rule("adj_noun", "insult", 0.8,
      rf"\b{ADJ}\s+(?:{MOD}\s+){{0,2}}{NOUN}\b(?!\s+(?:of|in)\b)", NOUN_TRIG)
_rule("adj_weak_noun", "insult", 0.62,
      rf"\b{ADJ}\s+(?:{MOD}\s+){{0,2}}{WEAK_NOUN}\b", NOUN_TRIG)
_rule("epithet", "epithet", 0.8, rf"\b{alt(EPITHETS, plural=True)}\b", trigger_words(EPITHETS))
_rule("scum", "dehumanise", 0.72,
      r"\b(?:scum(?:bags?)?|vermin|lowlifes?|subhumans?|sub-humans?|pond\s+life|"
      r"parasites|filth|degenerates)\b(?!\s+(?:behaviour|tactic))",
      frozenset({"scum", "scumbag", "scumbags", "vermin", "lowlife", "lowlifes", "subhuman",
                 "subhumans", "sub", "pond", "parasites", "filth", "degenerates"}))
# "they are all scum", "social workers are animals", "nothing but parasites"
_rule("group_dehumanise", "dehumanise", 0.84,
      r"\b(?:they|them|these|those|all|every|you\s+lot|that\s+lot|\w+s)(?:\s+\w+)?"
      r"(?:\s+are|\s+is|'re|’re)\s+(?:basically\s+|literally\s+|simply\s+)?(?:all\s+|just\s+|nothing\s+but\s+|a\s+bunch\s+of\s+|"
      r"a\s+pack\s+of\s+|the\s+|like\s+|no\s+better\s+than\s+|worse\s+than\s+)*"
      r"(?:scum|vermin|animals|parasites|filth|savages|subhuman|cockroaches|rats|maggots|"
      r"pigs|leeches|a\s+disease|a\s+plague|a\s+cancer|lowlifes|pond\s+life|dogs|monsters|"
      r"evil|sick\s+in\s+the\s+head|degenerates|trash|garbage|rubbish\s+people|thugs|nazis|"
      r"feral|savages|a\s+waste\s+of\s+(?:space|oxygen|skin))\b",
      frozenset({"scum", "vermin", "animals", "parasites", "filth", "savages", "subhuman",
                 "cockroaches", "rats", "maggots", "pigs", "leeches", "disease", "plague",
                 "cancer", "lowlifes", "pond", "dogs", "monsters", "evil", "sick",
                 "degenerates", "trash", "garbage", "rubbish", "thugs", "feral", "waste", "nazis"}))
_rule("contempt_people", "dehumanise", 0.76,
      r"\b(?:filthy|dirty|disgusting|vile|backward|primitive|savage|feral|inbred|subhuman|"
      r"scummy|worthless|evil)\s+(?:little\s+|bunch\s+of\s+)?(?:people|lot|bunch|animals|"
      r"creatures|race|breed|vermin|specimens?|excuses?\s+for|wretches|rabble|mob|scum)\b",
      frozenset({"filthy", "dirty", "disgusting", "vile", "backward", "primitive", "savage",
                 "feral", "inbred", "subhuman", "scummy", "worthless", "evil"}))
_rule("excuse_for", "insult", 0.82,
      r"\b(?:excuse|apology|waste)\s+(?:for|of)\s+(?:a|an)\s+(?:\w+\s+)?(?:woman|man|human|"
      r"person|mother|father|mum|dad|parent|journalist|reporter|writer|social\s+worker|teacher|"
      r"councillor|professional|being|carer|lawyer|judge|minister|mp|oxygen|space|skin)\b",
      frozenset({"excuse", "apology", "waste"}))
_rule("are_you_adj", "insult", 0.72,
      rf"\bare\s+(?:you|u|ya)\s+(?:\w+\s+){{0,2}}?(?:(?:a|an)\s+)?(?:{MOD}\s+){{0,2}}"
      rf"(?:{NOUN}|{STRONG_ADJ})\b(?!\s+(?:of|about|to|that|for|if|when|with)\b)", INSULT_TRIG)
_rule("you_all_are", "insult", 0.74,
      rf"\b(?:all\s+)?(?:yous|youse|you\s+lot|you\s+people|you\s+all|y'all|all\s+of\s+you|"
      rf"every\s+(?:single\s+|last\s+)?one\s+of\s+you(?:\s+\w+){{0,2}}|"
      rf"(?:the\s+(?:whole\s+)?)?lot\s+of\s+you)"
      rf"\s+(?:\w+\s+){{0,3}}?(?:are|r|'re)\s+(?:so\s+|just\s+|all\s+|a\s+bunch\s+of\s+|"
      rf"nothing\s+but\s+)*(?:{STRONG_ADJ}|{ANY_NOUN})\b(?!\s+(?:of|about|to|that)\b)",
      INSULT_TRIG)
_rule("iq_of", "insult", 0.72,
      r"\b(?:iq|brain|brains|intelligence|brain\s+cells?|mental\s+age)\s+(?:of|like)\s+(?:a|an)\s+"
      r"(?:\w+\s+)?(?:turnip|potato|gnat|goldfish|peanut|pea|rock|plank|brick|sheep|cabbage|"
      r"walnut|toddler|doorknob|slug|amoeba|lettuce|worm|hamster)|\b(?:one|two|no)\s+brain\s+"
      r"cells?|\broom\s+temperature\s+iq",
      frozenset({"iq", "brain", "brains", "intelligence", "cells", "cell", "age"}))
_rule("vocative", "insult", 0.76,
      rf"(?:^|[,.!?;:]\s*|\s[-–—]\s*)(?:{MOD}\s+){{0,2}}{NOUN}\s*(?:[.!?]|$)", NOUN_TRIG)
_rule("stacked_adjs", "insult", 0.72,
      rf"\b(?:is|are|was|were|'s|’s|you|u|what)\s+(?:a|an|such\s+a|one)\s+(?:{MOD}\s+)?"
      rf"{STRONG_ADJ}\s*,?\s+(?:and\s+)?{STRONG_ADJ}\s+[a-z]+", ADJ_TRIG)
_SOUR = alt(STRONG_ADJS | {"bitter", "twisted", "nasty", "vile", "horrible", "evil", "spiteful",
                          "poisonous", "vindictive", "malicious", "hateful", "greedy"})
_rule("bad_human", "insult", 0.72,
      rf"\b(?:is|are|was|were|'s|’s|you|u|what|you're|youre)\s+(?:a|an|such\s+a|one|the\s+most)"
      rf"\s+(?:(?:{MOD}|{_SOUR})\s*,?\s+(?:and\s+)?){{0,2}}{_SOUR}\s+"
      rf"(?:little\s+|old\s+|excuse\s+of\s+a\s+)?"
      rf"(?:human\s+being|human|person|woman|man|individual|creature|specimen|lump|"
      rf"lump\s+of\s+lard|bloke|lady|girl|boy|sort|type|piece\s+of\s+work)\b", ADJ_TRIG)
_rule("only_a", "insult", 0.7,
      rf"\bonly\s+(?:a|an|some)\s+(?:{MOD}\s+)?{ANY_NOUN}\s+(?:would|could|can|thinks?|"
      rf"believes?|writes?)\b|\b(?:from|by)\s+(?:a|an|another|some|this|that|the\s+usual)\s+"
      rf"(?:{MOD}\s+)?{NOUN}\s*(?:[.!?]|$)|\b(?:pack|bunch|load|gang|shower|nest|den|lot)\s+of\s+"
      rf"(?:[\w-]+\s+){{0,2}}?{ANY_NOUN}\b|\b{ANY_NOUN},?\s+(?:the\s+(?:whole\s+)?lot\s+of\s+(?:them|you|"
      rf"em)|every\s+(?:last\s+|single\s+)?one\s+of\s+(?:them|you|em)|all\s+of\s+(?:them|you))|"
      r"\b(?:the\s+)?(?:worst|lowest|vilest)\s+(?:kind|sort|type|form)\s+of\s+(?:person|human|"
      r"woman|man|scum|people|parent|mother|father|individual|creature)\b", NOUN_TRIG |
      frozenset({"worst", "lowest", "vilest"}))
_rule("mod_noun", "insult", 0.72,
      rf"\b(?:absolute|complete|total|utter|fucking|fuckin|effing|bloody|proper|massive|"
      rf"right|pathetic|useless|stupid|thick|wee)\s+{NOUN}\b(?!\s+of\b)"
      rf"|\b(?:absolute|complete|total|utter|fucking|fuckin|effing|proper|wee)\s+"
      rf"{PERSON_WEAK_NOUN}\b(?!\s+of\b)"
      rf"|\b(?:(?:{MOD}|proper|right|wee)\s+)?{ANY_NOUN}\s+(?:you|u|ya|ye)\s+(?:are|r|is)\b",
      NOUN_TRIG)
_rule("dialect_insult", "insult", 0.76,
      r"\b(?:away\s+and\s+(?:bile|boil|raffle)\s+(?:yer|your)\s+heid|give\s+(?:yer|your)\s+"
      r"head\s+a\s+wobble(?=\s*,?\s*(?:you|ya|u)\b))|\b(?:ya|you|u)\s+(?:wee\s+)?(?:fud|bawbag|"
      r"bampot|roaster|rocket|dafty|walloper|tube|balloon|gowk|eejit|knobhead|weapon|melt|"
      r"nugget|doughnut|donut|plank|plum|spanner|wazzock|clown)s?\b",
      frozenset({"away", "fud", "bawbag", "bampot", "roaster", "rocket", "dafty", "walloper",
                 "tube", "balloon", "gowk", "eejit", "knobhead", "weapon", "melt", "nugget",
                 "doughnut", "donut", "plank", "plum", "spanner", "wazzock", "clown", "wobble"}))
_rule("you_adj_vocative", "insult", 0.76,
      rf"(?:^|[,.!?;:]\s*|\band\s+)(?:you|u|ya|ye)\s+(?:(?:{MOD})\s+){{0,2}}{ADJ}\s+"
      r"(?:little\s+|old\s+)?[\w-]+\s*(?:[.!?]|$)", ADJ_TRIG | frozenset(
          ["horrible", "lazy", "nasty", "vile", "bitter", "twisted", "spineless", "pathetic"]))
_rule("like_you", "insult", 0.74,
      rf"\b(?:a|an|some)\s+(?:(?:{ADJ}|failed|useless|bad|terrible|awful|unfit)\s+)?"
      rf"(?:{ANY_NOUN}|(?:failed|useless|terrible|awful|unfit|pathetic)\s+(?:mother|mum|father|dad|"
      r"parent|carer|teacher|human|person|woman|man))\s+like\s+(?:you|u|yourself)\b"
      r"|\b(?:nobody|no\s+one|noone)\s+(?:cares|asked|wants\s+to\s+hear)\s+(?:for\s+|about\s+)?"
      r"(?:what\s+)?(?:you|u|your|ur|a)\b|\bimagine\s+being\s+(?:this|that|so)\s+(?:\w+\s+)?(?:thick|stupid|dumb|"
      r"dense|ignorant|pathetic|ugly|gullible|braindead|brain\s+dead)\b"
      r"|\btoo\s+(?:stupid|thick|dumb|lazy|selfish|ignorant)\s+to\s+[^.!?]{0,40}?(?:you'?re|"
      r"you\s+are|ur)\s+one\s+of\s+them|\b(?:you|u)(?:'re|\s+are|\s+r)\s+(?:too|so)\s+"
      r"(?:stupid|thick|dumb|ignorant|selfish|lazy)\s+to\b",
      NOUN_TRIG | frozenset({"nobody", "noone", "cares", "asked", "imagine", "failed", "useless",
                             "terrible", "awful", "unfit", "pathetic", "stupid", "thick", "dumb",
                             "lazy", "selfish", "ignorant"}))
# A whole comment that is one insult ("Clown.", "Brainless."): anchored, so cheap.
_rule("bare_insult", "insult", 0.62,
      rf"^\s*(?:(?:{MOD})\s+)?(?:{PERSON_WEAK_NOUN}|(?:so\s+|how\s+)?(?:brainless|thick|ugly|"
      r"braindead|brain\s+dead|gormless|dense|dimwitted|senile|inbred|retarded|moronic))"
      r"\s*[.!?]*\s*$", NOUN_TRIG | frozenset({"brainless", "thick", "ugly", "braindead", "brain",
                                               "gormless", "dense", "dimwitted", "senile",
                                               "inbred", "retarded", "moronic"}))
_rule("tail_vocative", "insult", 0.62,
      rf",\s*(?:{MOD}\s+)?{PERSON_WEAK_NOUN}\s*[.!?]*\s*$", NOUN_TRIG)
_rule("another_idiot", "insult", 0.62,
      rf"\banother\s+(?:{MOD}\s+)?{NOUN}\b"
      r"|\bgo\s+(?:and\s+)?cry\s+(?:somewhere|elsewhere|about\s+it|me\s+a\s+river|to)\b",
      frozenset({"another", "cry"}))
_rule("more_sense", "insult", 0.7,
      r"\b(?:more|better)\s+(?:sense|brains|brain\s+cells|intelligence|iq|manners|class|morals)\s+"
      r"than\s+(?:you|u|her|him|them|that\s+\w+)\b"
      r"|\bsays\s+the\s+(?:woman|man|person|guy|bloke|one|lad|girl|mother|mum|dad|idiot)\s+(?:who|with|"
      r"that)\b|(?:^|[.!?]\s*)sit\s+down\s*[.!]*\s*$"
      r"|\b(?:should|needs\s+to|ought\s+to)\s+be\s+sectioned\b",
      frozenset({"sense", "brains", "brain", "intelligence", "iq", "manners", "class", "morals",
                 "says", "sit", "sectioned"}))
_rule("superlative", "insult", 0.74,
      r"\b(?:you|u)(?:'re|\s+are|\s+r)\s+(?:\w+\s+)?(?:the|easily\s+the)\s+(?:thickest|stupidest|"
      r"dumbest|ugliest|laziest|nastiest|vilest|most\s+(?:stupid|ignorant|pathetic|useless|"
      r"annoying|obnoxious|vile|hateful|deluded|arrogant|moronic))\b"
      r"|\b(?:out\s+of\s+)?(?:your|ur)\s+(?:mouth|gob|keyboard)\s+(?:is|are)\s+(?:\w+\s+)?(?:garbage|"
      r"rubbish|lies|shit|crap|bullshit|drivel|bile|poison|vomit|diarrhoea|trash)\b",
      frozenset({"thickest", "stupidest", "dumbest", "ugliest", "laziest", "nastiest", "vilest",
                 "most", "mouth", "gob", "keyboard"}))
_rule("this_adj_person", "insult", 0.72,
      rf"\b(?:this|that|these|those)\s+(?:{MOD}\s+)?{STRONG_ADJ}\s+(?:old\s+|little\s+)?(?:woman|man|"
      r"mum|mother|dad|father|idiot|person|people|lot|bloke|guy|girl|lad|cow|parent|carer|worker|"
      r"teacher|judge|councillor|journalist|writer|author|poster|commenter|troll|individual)s?\b"
      r"|\bback\s+in\s+(?:your|yer|ur)\s+(?:box|kitchen|cage|hole|place|kennel)\b",
      ADJ_TRIG | frozenset({"back"}))
_rule("basement", "insult", 0.66,
      r"\b(?:living|lives|live|sat|sitting|typing)\s+in\s+(?:his|her|your|ur|their)\s+"
      r"(?:mum'?s|mother'?s|mam'?s|nan'?s|parents'?)\s+(?:basement|spare\s+room|box\s+room|"
      r"loft|bedroom)|\bbasement[\s-]dwell\w*|\bneckbeard\w*|\bkeyboard\s+warrior",
      frozenset({"basement", "neckbeard", "neckbeards", "keyboard", "living", "lives", "live",
                 "sat", "sitting", "typing", "dwellers", "dweller"}))
_rule("you_disgust", "insult", 0.74,
      r"\b(?:you|u)\s+(?:\w+\s+)?(?:disgust|sicken|repulse|revolt|nauseate)\s+me\b|"
      r"\b(?:you|u)\s+(?:\w+\s+)?make\s+me\s+(?:sick|vomit|puke|want\s+to\s+(?:vomit|puke|throw\s+up))|"
      r"\bbetter\s+off\s+without\s+(?:you|u|a\s+(?:\w+\s+)?like\s+you)\b|"
      r"\b(?:village|resident|local|site|token|certified)\s+(?:idiot|troll|moron|clown|nutter|"
      r"halfwit|fruitcake)s?\b|\bcry\s+me\s+a\s+river|\bboo\s*hoo\b|\bcry\s+harder\b|"
      r"\bdiddums\b|\btypical\s+(?:\w+\s+)?(?:snowflake|lefty|leftie|gammon|karen)\b",
      frozenset({"disgust", "disgusts", "sicken", "sickens", "repulse", "revolt", "nauseate",
                 "make", "without", "village", "resident", "local", "site", "token",
                 "certified", "cry", "boo", "boohoo", "diddums", "typical"}))
_rule("adj_list", "insult", 0.6,
      rf"\b{STRONG_ADJ}\s*(?:,|\s+and|\s)\s*{STRONG_ADJ}\s*(?:,|\s+and|\s)\s*(?:{STRONG_ADJ}\s+)?"
      r"(?:\w+\s+)?(?:workers?|people|staff|managers?|teachers?|carers?|parents?|mothers?|mums?|"
      r"fathers?|dads?|women|men|woman|man|bloke|lot|officials?|councillors?|mps?|ministers?|"
      r"judges?|journalists?|hacks?|reporters?|writers?|author|commenters?|posters?|kids|"
      r"idiots?|individuals?|pen\s+pushers?|bureaucrats?|jobsworths?)\b", ADJ_TRIG)
_rule("careful_pal", "threat", 0.72,
      r"\b(?:you|u)\s+(?:want|wanna|need|ought|should|better|had\s+better|'d\s+better)\s+(?:to\s+)?"
      r"(?:be\s+(?:very\s+)?careful|watch\s+(?:it|yourself|your\s+(?:back|step|mouth)))\b"
      r"|\b(?:five|5|ten|10|two|2|one|1)\s+minutes\s+(?:alone\s+)?(?:in\s+a\s+room\s+|outside\s+)?"
      r"with\s+(?:him|her|them|that|the|this|you)\b"
      r"|\b(?:taken|dragged|marched)\s+out(?:side|\s+the\s+back)?\s+and\s+(?:dealt\s+with|shot|"
      r"sorted|done\s+in|given\s+a\s+(?:kicking|beating|hiding))",
      frozenset({"careful", "watch", "minutes", "taken", "dragged", "marched"}), reportable=False)
_rule("womans_place", "identity", 0.8,
      r"\b(?:a\s+)?(?:woman|women)(?:'s|s'|’s)?\s+place\s+is\s+(?:in\s+the\s+(?:home|kitchen)|"
      r"not\s+in)|\bget\s+back\s+(?:in|to)\s+the\s+kitchen",
      frozenset({"place", "kitchen"}))
_rule("get_cancer", "death_wish", 0.82,
      r"(?:^|[.!?;,]\s*)(?:just\s+|go\s+(?:and\s+)?)?(?:get|catch)\s+(?:cancer|aids|ebola|covid)\b"
      r"|\bgo\s+(?:and\s+)?die\b|\bdie\s+(?:already|pls|please)\b"
      r"|^\s*(?:just\s+|pls\s+|please\s+|now\s+)?die\s*[.!]*\s*$",
      frozenset({"cancer", "aids", "ebola", "covid", "die"}), reportable=False)
_rule("breeding_for", "dehumanise", 0.74,
      r"\bbreed(?:ing|s)?\s+(?:for|like)\s+(?:benefits|council\s+houses?|handouts|money|a\s+house|"
      r"the\s+dole|rabbits|rats|flies|cattle)\b",
      frozenset({"breed", "breeding", "breeds"}))
_rule("blood", "threat", 0.8,
      r"\bthere(?:'ll|’ll|\s+will|\s+is\s+going\s+to|'s\s+going\s+to)\s+be\s+(?:blood|"
      r"bloodshed|violence|a\s+bloodbath|bodies)\b|\bblood\s+(?:will\s+be\s+spilt|on\s+the\s+"
      r"streets)\b", frozenset({"blood", "bloodshed", "violence", "bloodbath", "bodies"}),
      reportable=False)
_rule("doxx", "threat", 0.76,
      r"\b(?:give|post|share|publish|put|leak|find)\s+(?:out\s+)?(?:her|his|their|(?:this|that|the)\s+"
      r"(?:\w+\s+){0,2}?\w+'?s)\s+(?:home\s+)?(?:address|phone\s+number|number|details)\b"
      r"|\blet'?s\s+see\s+how\s+(?:she|he|they|you)\s+(?:likes?|enjoys?)\s+it\b",
      frozenset({"give", "post", "share", "publish", "put", "leak", "find", "see"}),
      reportable=False)
_rule("thick_as", "insult", 0.74,
      r"\b(?:thick|dumb|daft)\s+as\s+(?:mince|shit|pigshit|two\s+short\s+planks|a\s+brick|"
      r"a\s+plank|porridge|a\s+post|they\s+come|mud)\b",
      frozenset({"thick", "dumb", "daft"}))
_rule("dumbest_comment", "insult", 0.62,
      r"\b(?:dumbest|stupidest|thickest|most\s+(?:moronic|idiotic|ignorant|pathetic|stupid))\s+"
      r"(?:comment|post|thing|take|opinion|argument)\s+(?:i'?ve|i\s+have|ever|on|in)",
      frozenset({"dumbest", "stupidest", "thickest", "most"}))
_rule("appearance", "insult", 0.7,
      r"\b(?:(?:you|u|she|he)\s+(?:look|looks)\s+like\s+(?:a|an|the\s+back\s+end\s+of\s+a)\s+"
      r"(?:\w+\s+)?(?:bloke|man|pig|horse|troll|witch|hag|tramp|slag|whore|dog|bulldog|"
      r"crackhead|junkie|potato|gremlin|goblin|walrus|hippo|cow|slapper|bus)"
      r"|no\s+wonder\s+(?:your|ur|her|his)\s+(?:husband|wife|partner|fella|man|boyfriend|"
      r"girlfriend|kids?|children)\s+(?:left|cheated|walked|ran|hates?|don'?t\s+speak)"
      r"|no\s+wonder\s+(?:you|u|she|he)\s+(?:can'?t|couldn'?t|never)\s+(?:keep|get|find)\s+"
      r"(?:a|an)\s+(?:man|woman|husband|wife|partner|boyfriend|girlfriend|fella))",
      frozenset({"you", "u", "she", "he", "no"}))
_rule("identity_insult", "slur", 0.82,
      rf"\b{alt(IDENTITY_ADJS)}\s+(?:{MOD}\s+){{0,2}}(?:{ANY_NOUN}|cunt|bastard|bitch)\b",
      NOUN_TRIG | frozenset({"cunt", "bastard", "bitch"}))

# --- profanity aimed at someone ------------------------------------------------------------
_rule("directed_profanity", "directed_profanity", 0.9,
      rf"\b(?:fuck|f|screw|sod|bugger|piss|naff|frig|feck)\s+(?:off|{YOU}|yourselves|yourself|"
      rf"urself|the\s+lot\s+of\s+(?:you|ya)|him|her|them|the\s+(?:\w+\s+)?(?:writer|author|"
      rf"poster|commenter|journalist))\b(?!\s+(?:know|see|get|think|can|might|may|will|"
      rf"would|could|should))"
      # "then sod off to a job in the Lords" narrates where someone went, at no one.
      r"(?!(?<=off)\s+(?:to|into)\s+(?:a|an|the|their|his|her)\s+(?:\w+\s+)?(?:job|jobs|"
      r"seat|role|post|peerage|lords|board|consultancy|villa|retirement|directorship))",
      frozenset({"fuck", "f", "screw", "sod", "bugger", "piss", "naff", "frig", "feck"}))
_rule("dismissal", "insult", 0.82,
      rf"\b(?:shut\s+(?:the\s+)?(?:fuck|hell|f|fk|feck)\s+up|shut\s+(?:up|it)\b(?=\s*(?:$|[.!,?;]|{YOU}\b|and\s+(?:go|listen|read|sit)|"
      r"(?:\w+\s+)?(?:you|troll|idiot)))|shut\s+(?:your|ur|yer|ya)\s+(?:\w+\s+)?(?:mouth|face|"
      r"gob|trap|pie\s*hole|hole|cakehole)|keep\s+(?:your|ur|yer)\s+(?:\w+\s+)?(?:mouth|gob|trap|"
      r"pie\s*hole|cakehole)\s+shut|shutup|stfu|gtfo|up\s+yours|eat\s+shit|"
      r"suck\s+my\s+(?:dick|cock|balls)|kiss\s+my\s+(?:arse|ass)|go\s+(?:to\s+hell|"
      r"fuck\s+yourself|screw\s+yourself|and\s+fuck\s+yourself)|get\s+(?:stuffed|fucked|"
      r"to\s+fuck|bent)|do\s+one\b(?=\s*(?:$|[.!,]))|jog\s+on\b|crawl\s+back\s+under\s+"
      r"(?:your|ur)\s+(?:rock|stone)|go\s+back\s+under\s+your\s+bridge|get\s+back\s+in\s+"
      r"(?:your|the)\s+kitchen|go\s+(?:and\s+)?cry\s+(?:to|into|in)\s+(?:your|ur)\s+"
      r"(?:mum|mummy|mam|ma|mother|pillow|bedroom)|(?:go|get|crawl|slither|run|scuttle)\s+back\s+"
      r"(?:under|to|in|into)\s+(?:your|ur|yer)\s+(?:bridge|rock|stone|hole|cave|kennel|pit|"
      r"sewer|basement)|(?:shove|stick|ram|stuff)\s+(?:it|that|this|them|(?:your|ur)\s+\w+"
      r"(?:\s+\w+)?)\s+up\s+(?:your|ur|yer)\s+(?:arse|ass|backside|jacksie|bum|hole)|"
      r"eat\s+(?:a\s+bag\s+of\s+)?(?:dicks|shit|my\s+shorts)|shove\s+it\b(?!\s+(?:in|into|"
      r"through|under|on|at)\b)|(?:keep\s+(?:talking|it\s+up|going|running\s+your\s+mouth)|"
      r"carry\s+on|try\s+it|say\s+that\s+again)\s+and\s+(?:see|watch)\s+what\s+happens)",
      frozenset({"shut", "shutup", "stfu", "gtfo", "up", "eat", "suck", "kiss", "go", "get",
                 "do", "jog", "crawl", "cry"}))
