"""Recognisers for abuse aimed at people: insults, threats, self-harm, hate, harassment."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from moderation.tox_lexicon import (
    EPITHETS,
    GROUP_HEADS,
    IDENTITY_ADJS,
    INSULT_ADJS,
    INSULT_NOUNS,
    MODIFIERS,
    PROTECTED_GROUPS,
    SELF_HARM_WORDS,
    SEX_WORDS,
    SLURS,
    SOFT_SLURS,
    STRONG_ADJS,
    THREAT_WORDS,
    WEAK_NOUNS,
    alt,
    trigger_words,
)

# How one recognised kind of abuse spreads over the labels (Jigsaw-style: toxicity is the
# umbrella, severe_toxicity marks what a site would not want to show even for a moment).
PROFILES: dict[str, dict[str, float]] = {
    "insult": {"insult": 1.0, "toxicity": 1.05, "severe_toxicity": 0.15},
    "directed_profanity": {"insult": 0.95, "toxicity": 1.08, "obscene": 0.95,
                           "severe_toxicity": 0.55},
    "epithet": {"insult": 1.0, "toxicity": 1.08, "obscene": 0.7, "severe_toxicity": 0.45},
    "threat": {"threat": 1.0, "toxicity": 1.05, "severe_toxicity": 0.7},
    "incitement": {"threat": 1.0, "toxicity": 1.05, "severe_toxicity": 0.65},
    "death_wish": {"threat": 0.85, "toxicity": 1.1, "severe_toxicity": 0.75, "insult": 0.4},
    "self_harm": {"toxicity": 1.1, "severe_toxicity": 0.95, "threat": 0.7, "insult": 0.5},
    "identity": {"identity_attack": 1.0, "toxicity": 1.05, "insult": 0.45,
                 "severe_toxicity": 0.35},
    "slur": {"identity_attack": 1.0, "toxicity": 1.08, "insult": 0.7, "severe_toxicity": 0.6,
             "obscene": 0.3},
    "soft_slur": {"identity_attack": 0.7, "toxicity": 1.05, "insult": 1.0,
                  "severe_toxicity": 0.35},
    "dehumanise": {"insult": 1.0, "toxicity": 1.08, "severe_toxicity": 0.3},
    "sexual": {"obscene": 1.0, "toxicity": 1.08, "severe_toxicity": 0.8, "insult": 0.5},
    "sexual_violence": {"threat": 1.0, "obscene": 0.9, "toxicity": 1.1, "severe_toxicity": 1.0},
}
# The label a span of each kind is shown as in the moderator UI.
SPAN_LABEL: dict[str, str] = {
    "insult": "insult", "directed_profanity": "insult", "epithet": "insult", "threat": "threat",
    "incitement": "threat", "death_wish": "threat", "self_harm": "severe_toxicity",
    "identity": "identity_attack", "slur": "identity_attack", "soft_slur": "insult",
    "dehumanise": "insult", "sexual": "obscene", "sexual_violence": "threat",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """A regex over normalised text; `strength` is the probability it gives its profile."""

    name: str
    profile: str
    strength: float
    rx: re.Pattern[str]
    triggers: frozenset[str]
    # Quoted or reported abuse ("he called me a liar") is weakened, not ignored.
    reportable: bool = True
    # A second word set of which one must also be present (cheap pre-filter).
    also: frozenset[str] = frozenset()


_RULES: list[Rule] = []


def _rule(name: str, profile: str, strength: float, pattern: str, triggers: frozenset[str],
          reportable: bool = True) -> None:
    _RULES.append(Rule(name, profile, strength, re.compile(pattern), triggers, reportable))


# --- shared fragments ----------------------------------------------------------------------
YOU = r"(?:you|u|ya|ye|yer|youse|yous|thee)"
YOU_ARE = (r"(?:you\s*(?:'re|’re|are|r|re|is|was|were|remain|look like|sound like|seem like)"
           r"|u\s*(?:r|are|'re)|ur|youre|you're)")
SUBJECT_COPULA = r"(?:\s+(?:is|was|are|were|remains|seems|looks like|sounds like)|'s|’s)"
FILLER = (r"(?:(?:such|so|just|nothing\s+but|clearly|obviously|really|truly|simply|actually|"
          r"being|acting\s+like|a|an|the|one|some|another|literally|basically|frankly|honestly|"
          r"quite|an?\s+absolute|the\s+biggest|the\s+most|definitely|indeed|still|also|"
          r"a\s+bunch\s+of|bunch\s+of|a\s+pack\s+of|a\s+load\s+of|all|typical)\s+)")
_nouns_strong = [n for n in INSULT_NOUNS if n not in WEAK_NOUNS]
_nouns_weak = [n for n in INSULT_NOUNS if n in WEAK_NOUNS]
NOUN = alt(_nouns_strong, plural=True)
WEAK_NOUN = alt(_nouns_weak, plural=True)
ANY_NOUN = alt(INSULT_NOUNS, plural=True)
MOD = alt(MODIFIERS)
ADJ = alt(INSULT_ADJS)
STRONG_ADJ = alt(STRONG_ADJS)
_NOUN_TRIG = trigger_words(INSULT_NOUNS)
_ADJ_TRIG = trigger_words(STRONG_ADJS)
_INSULT_TRIG = _NOUN_TRIG | _ADJ_TRIG
END = r"(?=\s*(?:$|[.!?,;:)\"'—–-]|and\b|but\b|who\b|like\b|too\b|as\s+well))"

# --- insults aimed at a person -------------------------------------------------------------
# "you idiot", "you absolute cunt", "you sad little troll"
_rule("you_noun", "insult", 0.88,
      rf"\b{YOU}\s+(?:{MOD}\s+){{0,3}}{ANY_NOUN}\b(?!\s+(?:of|in|out|on|down|for|at)\b)",
      _NOUN_TRIG)
# "you are a liar", "you're clearly an unfit mother", "you lot are scum"
_rule("you_are_noun", "insult", 0.86,
      rf"\b(?:{YOU_ARE}|you\s+lot\s+are|you\s+people\s+are)\s+{FILLER}{{0,3}}"
      rf"(?:{MOD}\s+){{0,3}}{NOUN}\b", _NOUN_TRIG)
_rule("you_are_weak_noun", "insult", 0.62,
      rf"\b(?:{YOU_ARE}|you\s+lot\s+are)\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}{WEAK_NOUN}\b",
      _NOUN_TRIG)
# "you are pathetic", "you're so thick"
_rule("you_are_adj", "insult", 0.72,
      rf"\b(?:{YOU_ARE}|you\s+lot\s+are)\s+(?:(?:so|such|just|really|very|being|utterly|"
      rf"totally|completely|absolutely|clearly|obviously|a|an|plain|bloody|fucking|beyond|"
      rf"truly)\s+){{0,3}}{STRONG_ADJ}{END}", _ADJ_TRIG)
# "what an idiot", "what a pathetic little man"
_rule("what_a", "insult", 0.7,
      rf"\bwhat\s+(?:a|an)\s+(?:{MOD}\s+){{0,3}}(?:{NOUN}|{MOD}\s+(?:man|woman|person|"
      rf"creature|individual|specimen|excuse))\b", frozenset({"what"}))
# "the writer is an idiot", "Donna is a liar", "she's a useless cow"
_rule("subject_is_noun", "insult", 0.84,
      rf"\b(?!(?:this|the|that|it|which|there|what|policy|report|system|idea|plan|bill|"
      rf"law|scheme|decision|review|consultation|article|document|process)\b)[a-z'’]+,?"
      rf"{SUBJECT_COPULA}\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}{NOUN}\b(?!\s+of\b)",
      _NOUN_TRIG)
_rule("person_is_noun", "insult", 0.84,
      rf"\b(?:the|this|that|your|these|those)\s+(?:\w+\s+)?(?:writer|author|journalist|"
      rf"reporter|columnist|editor|poster|commenter|commentator|guy|bloke|man|woman|lady|girl|"
      rf"idiot|minister|mp|councillor|head|headteacher|teacher|social\s+worker|judge|mum|"
      rf"mother|dad|father|carer|manager|officer|worker|person|people|lot|clown|moron)s?"
      rf"{SUBJECT_COPULA}\s+{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}{ANY_NOUN}\b(?!\s+(?:of|in)\b)",
      _NOUN_TRIG)
_rule("whoever_is", "insult", 0.82,
      rf"\bwhoever\s+(?:wrote|writes|thought|came\s+up\s+with|approved|signed\s+off|"
      rf"published|edited|decided)\b[^.!?]{{0,50}}?\b(?:is|was|are|needs\s+to\s+be)\s+"
      rf"{FILLER}{{0,3}}(?:{MOD}\s+){{0,3}}(?:{ANY_NOUN}|{STRONG_ADJ})\b",
      frozenset({"whoever"}))
# Epithet built from an insult adjective and noun: "useless cow", "sad little troll".
_rule("adj_noun", "insult", 0.8,
      rf"\b{ADJ}\s+(?:{MOD}\s+){{0,2}}{NOUN}\b(?!\s+(?:of|in)\b)", _NOUN_TRIG)
_rule("adj_weak_noun", "insult", 0.62,
      rf"\b{ADJ}\s+(?:{MOD}\s+){{0,2}}{WEAK_NOUN}\b", _NOUN_TRIG)
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
      r"evil|sick\s+in\s+the\s+head|degenerates|trash|garbage|rubbish\s+people|thugs|"
      r"feral|savages|a\s+waste\s+of\s+(?:space|oxygen|skin))\b",
      frozenset({"scum", "vermin", "animals", "parasites", "filth", "savages", "subhuman",
                 "cockroaches", "rats", "maggots", "pigs", "leeches", "disease", "plague",
                 "cancer", "lowlifes", "pond", "dogs", "monsters", "evil", "sick",
                 "degenerates", "trash", "garbage", "rubbish", "thugs", "feral", "waste"}))
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
      rf"(?:{NOUN}|{STRONG_ADJ})\b(?!\s+(?:of|about|to|that|for|if|when|with)\b)", _INSULT_TRIG)
_rule("you_all_are", "insult", 0.74,
      rf"\b(?:all\s+)?(?:yous|youse|you\s+lot|you\s+people|you\s+all|y'all|all\s+of\s+you)"
      rf"\s+(?:\w+\s+){{0,3}}?(?:are|r|'re)\s+(?:so\s+|just\s+|all\s+|a\s+bunch\s+of\s+|"
      rf"nothing\s+but\s+)*(?:{STRONG_ADJ}|{ANY_NOUN})\b(?!\s+(?:of|about|to|that)\b)",
      _INSULT_TRIG)
_rule("iq_of", "insult", 0.72,
      r"\b(?:iq|brain|brains|intelligence|brain\s+cells?|mental\s+age)\s+(?:of|like)\s+(?:a|an)\s+"
      r"(?:\w+\s+)?(?:turnip|potato|gnat|goldfish|peanut|pea|rock|plank|brick|sheep|cabbage|"
      r"walnut|toddler|doorknob|slug|amoeba|lettuce|worm|hamster)|\b(?:one|two|no)\s+brain\s+"
      r"cells?|\broom\s+temperature\s+iq",
      frozenset({"iq", "brain", "brains", "intelligence", "cells", "cell", "age"}))
_rule("vocative", "insult", 0.76,
      rf"(?:^|[,.!?;:]\s*|\s[-–—]\s*)(?:{MOD}\s+){{0,2}}{NOUN}\s*(?:[.!?]|$)", _NOUN_TRIG)
_rule("stacked_adjs", "insult", 0.72,
      rf"\b(?:is|are|was|were|'s|’s|you|u|what)\s+(?:a|an|such\s+a|one)\s+(?:{MOD}\s+)?"
      rf"{STRONG_ADJ}\s*,?\s+(?:and\s+)?{STRONG_ADJ}\s+[a-z]+", _ADJ_TRIG)
_rule("bad_human", "insult", 0.72,
      rf"\b(?:is|are|was|were|'s|’s|you|u|what|you're|youre)\s+(?:a|an|such\s+a|one|the\s+most)"
      rf"\s+(?:{MOD}\s+)?{STRONG_ADJ}\s+(?:little\s+|old\s+|excuse\s+of\s+a\s+)?"
      rf"(?:human\s+being|human|person|woman|man|individual|creature|specimen|lump|"
      rf"lump\s+of\s+lard|bloke|lady|girl|boy|sort|type|piece\s+of\s+work)\b", _ADJ_TRIG)
_rule("basement", "insult", 0.66,
      r"\b(?:living|lives|live|sat|sitting|typing)\s+in\s+(?:his|her|your|ur|their)\s+"
      r"(?:mum'?s|mother'?s|mam'?s|nan'?s|parents'?)\s+(?:basement|spare\s+room|box\s+room|"
      r"loft|bedroom)|\bbasement[\s-]dwell\w*|\bneckbeard\w*|\bkeyboard\s+warrior",
      frozenset({"basement", "neckbeard", "neckbeards", "keyboard", "living", "lives", "live",
                 "sat", "sitting", "typing", "dwellers", "dweller"}))
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
      _NOUN_TRIG | frozenset({"cunt", "bastard", "bitch"}))

# --- profanity aimed at someone ------------------------------------------------------------
_rule("directed_profanity", "directed_profanity", 0.9,
      rf"\b(?:fuck|f|screw|sod|bugger|piss|naff|frig|feck)\s+(?:off|{YOU}|yourselves|yourself|"
      rf"urself|the\s+lot\s+of\s+(?:you|ya)|him|her|them|the\s+(?:\w+\s+)?(?:writer|author|"
      rf"poster|commenter|journalist))\b(?!\s+(?:know|see|get|think|can|might|may|will|"
      rf"would|could|should))",
      frozenset({"fuck", "f", "screw", "sod", "bugger", "piss", "naff", "frig", "feck"}))
_rule("dismissal", "insult", 0.82,
      rf"\b(?:shut\s+(?:up|it)\b(?=\s*(?:$|[.!,?;]|{YOU}\b|and\s+(?:go|listen|read|sit)|"
      r"(?:\w+\s+)?(?:you|troll|idiot)))|shut\s+(?:your|ur|yer|ya)\s+(?:\w+\s+)?(?:mouth|face|"
      r"gob|trap|pie\s*hole|hole|cakehole)|shutup|stfu|gtfo|up\s+yours|eat\s+shit|"
      r"suck\s+my\s+(?:dick|cock|balls)|kiss\s+my\s+(?:arse|ass)|go\s+(?:to\s+hell|"
      r"fuck\s+yourself|screw\s+yourself|and\s+fuck\s+yourself)|get\s+(?:stuffed|fucked|"
      r"to\s+fuck|bent)|do\s+one\b(?=\s*(?:$|[.!,]))|jog\s+on\b|crawl\s+back\s+under\s+"
      r"(?:your|ur)\s+(?:rock|stone)|go\s+back\s+under\s+your\s+bridge|get\s+back\s+in\s+"
      r"(?:your|the)\s+kitchen|go\s+(?:and\s+)?cry\s+(?:to|into|in)\s+(?:your|ur)\s+"
      r"(?:mum|mummy|mam|ma|mother|pillow|bedroom)|(?:go|get|crawl|slither|run|scuttle)\s+back\s+"
      r"(?:under|to|in|into)\s+(?:your|ur|yer)\s+(?:bridge|rock|stone|hole|cave|kennel|pit|"
      r"sewer|basement)|(?:shove|stick|ram|stuff)\s+(?:it|that|this|them|(?:your|ur)\s+\w+"
      r"(?:\s+\w+)?)\s+up\s+(?:your|ur|yer)\s+(?:arse|ass|backside|jacksie|bum|hole)|"
      r"eat\s+(?:a\s+bag\s+of\s+)?(?:dicks|shit|my\s+shorts))",
      frozenset({"shut", "shutup", "stfu", "gtfo", "up", "eat", "suck", "kiss", "go", "get",
                 "do", "jog", "crawl", "cry"}))

# --- threats and incitement ----------------------------------------------------------------
_I_WILL = (r"\b(?:i|we)\s*(?:'ll|’ll| will|'m going to| am going to|'m gonna| am gonna|"
           r"'d have|'d've| would have| would've|'d| would|'d happily| would happily|"
           r"'d love to| would love to| want to| wanna|"
           r" swear i'll| shall|'re going to| are going to| are gonna|'re gonna)")
_PERSON = (r"(?:worker|writer|author|manager|teacher|judge|carer|mother|mum|father|dad|bastard|"
           r"cow|bitch|lot|twat|idiot|councillor|mp|minister|journalist|reporter|head|nonce|paedo|"
           r"one|family|kid|child|officer|woman|man|guy|bloke|person|people|staff|cunt)s?")
_OBJ = (rf"(?:you|u|ya|him|her|them|em|yourself|(?:the|that|this|every|each|all|any|those|"
        rf"these|your|his|their|some|a)\s+(?:\w+\s+){{0,3}}?{_PERSON}\b|your|his|her|their)")
_VIOLENT = (r"(?:kill|murder|hurt|stab|shoot|strangle|batter|beat|punch|smash|slap|knock|"
            r"kick|burn|torch|bury|end|glass|kneecap|knife|bottle|throttle|deck|lamp|twat|"
            r"smack|gut|hang|drown|run\s+over|acid|cut|slit|choke|maim|cripple|petrol|"
            r"firebomb|break|snap|waste|sort\s+out)")
_TRIG_THREAT = trigger_words(THREAT_WORDS)
_rule("i_will_violence", "threat", 0.95,
      rf"{_I_WILL}\s+(?:\w+\s+){{0,2}}?{_VIOLENT}\w*\s+(?:\w+\s+){{0,3}}?{_OBJ}\b",
      _TRIG_THREAT, reportable=False)
_rule("i_will_get", "threat", 0.8,
      rf"{_I_WILL}\s+(?:\w+\s+){{0,2}}?(?:find|get|hunt|track|come\s+for|come\s+after|"
      rf"come\s+round\s+to|come\s+to|visit|sort|deal\s+with|catch|be\s+waiting\s+for|"
      rf"be\s+outside)\s+(?:you|u|ya|him|her|them|em|your|his|her|their\s+(?:house|home))"
      rf"(?:\s+(?:down|out|one\s+day|soon|later))?{END}",
      _TRIG_THREAT, reportable=False)
_rule("make_pay", "threat", 0.82,
      r"\bmake\s+(?:you|u|ya|him|her|them|em|the\s+\w+)\s+(?:pay|suffer|bleed|regret|sorry|"
      r"wish)\b(?!\s+(?:more|less|tax|taxes|back|up|their\s+(?:own|fair)|for\s+(?:the\s+|their\s+"
      r"own|its|care|it\s+all)))", _TRIG_THREAT, reportable=False)
_rule("know_where", "threat", 0.84,
      r"\b(?:i|we|i've|we've)\s+(?:know|found\s+out|got|have)\s+(?:exactly\s+)?where\s+"
      r"(?:you|u|he|she|they|your\s+\w+|his\s+\w+|her\s+\w+|the\s+\w+|that\s+\w+|\w+)\s+"
      r"(?:\w+\s+)?(?:lives?|works?|"
      r"sleeps?|parks?|goes|go|drops?|picks?|stays?)\b", _TRIG_THREAT, reportable=False)
_rule("know_your", "threat", 0.8,
      r"\b(?:i|we)\s+(?:know|have|got|found)\s+(?:your|his|her|their|ur)\s+"
      r"(?:car|address|house|home\s+address|number\s+plate|reg|registration|route|"
      r"daily\s+routine|kids'?\s+school)\b", _TRIG_THREAT, reportable=False)
_rule("veiled_threat", "threat", 0.8,
      r"\b(?:watch\s+(?:your|ur)\s+back|(?:you|u)(?:'ve|’ve|\s+have)\s+been\s+warned|"
      r"your\s+days\s+are\s+numbered|your\s+card\s+is\s+marked|(?:we|i)(?:'ll|\s+will)\s+be\s+"
      r"(?:waiting|watching)(?:\s+for\s+(?:you|u|her|him|them)\b|\s+outside)|"
      r"(?:she|he|you|u|they)\s+(?:won'?t|will\s+not|wont)\s+be\s+(?:walking|going|getting|"
      r"coming|driving)\s+home|(?:you'?d|you\s+had|u'?d)\s+(?:better|best)\s+(?:hope|pray|watch|not\s+let\s+me)|"
      r"(?:deserve|get|getting)\s+(?:everything|what)\s+(?:that'?s|is)\s+coming\s+(?:to\s+)?"
      r"(?:you|u|her|him|them)\b|sleep\s+with\s+one\s+eye\s+open|"
      r"(?:would|be|it'?d|it'?s|it\s+is)\s+(?:be\s+)?a\s+(?:real\s+|right\s+|terrible\s+)?"
      r"shame\s+if\s+(?:something|anything)\s+(?:happened|were\s+to\s+happen|was\s+to\s+happen|"
      r"bad\s+happened)|watch\s+(?:yourself|urself|herself|himself|themselves|it\s+mate|"
      r"(?:her|his|their)\s+back)|"
      r"if\s+i\s+(?:saw|see|met|meet|catch|caught|ever\s+see)\s+(?:you|u|her|him)\s+(?:in\s+"
      r"person|in\s+the\s+street|irl|outside|round\s+here|in\s+town|again)|"
      r"(?:you|u)\s+(?:wouldn'?t|would\s+not)\s+(?:be\s+so|say\s+that|talk\s+like\s+that)"
      r"[^.!?]{0,20}\s+(?:to\s+my\s+face|in\s+person|if\s+i)|"
      r"(?:coming|come)\s+for\s+(?:you|u|her|him|them)\b(?!\s+(?:next|to))|"
      r"(?:you|u|she|he|they)(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to)\s+"
      r"(?:pay\s+for\s+(?:this|that|what)|get\s+what'?s\s+coming|regret\s+(?:this|it|that|"
      r"the\s+day)|be\s+sorry)|you\s+won'?t\s+see\s+(?:it|me)\s+coming|"
      r"wait\s+till\s+i\s+(?:get|find|see)\s+(?:you|her|him))",
      _TRIG_THREAT, reportable=False)
_rule("incitement", "incitement", 0.88,
      r"\b(?:someone|somebody|people|we|you|they|everyone|the\s+public|parents|locals|y'all|"
      r"u|ppl|lads)\s+(?:should|ought\s+to|needs?\s+to|must|have\s+to|has\s+to|gotta|want\s+to|"
      r"wanna|could|can)\s+(?:just\s+|really\s+|all\s+|go\s+(?:and\s+|round\s+and\s+)?|"
      r"get\s+together\s+and\s+|come\s+and\s+)*(?:burn|torch|firebomb|bomb|shoot|kill|stab|"
      r"hang|lynch|string\s+up|beat|batter|attack|smash|hunt|glass|kneecap|petrol\s+bomb|"
      r"set\s+fire\s+to|blow\s+up|run\s+over|throw\s+acid|deal\s+with\s+(?:him|her|them)|"
      r"pay\s+(?:him|her|them)\s+a\s+visit|teach\s+(?:him|her|them)\s+a\s+lesson|"
      r"put\s+(?:a\s+)?(?:bullet|knife|brick|round|blade)\s+(?:in|into|through)|"
      r"put\s+(?:him|her|them|em|you)\s+(?:in\s+(?:hospital|the\s+ground|a\s+wheelchair|"
      r"a\s+box)|six\s+feet\s+under|down\b)|take\s+(?:him|her|them|em)\s+out\b|"
      r"teach\s+(?:him|her|them|em|(?:that|the|this|those)\s+(?:\w+\s+)?\w+)\s+a\s+lesson|"
      r"sort\s+(?:him|her|them|you|em)\s+out|give\s+(?:him|her|them|you|em)\s+a\s+(?:good\s+)?"
      r"(?:kicking|beating|hiding|slap|smack|punch|battering|shoeing|doing\s+over)|"
      r"(?:slap|punch|kick|smack|deck|batter|thump|glass)\s+(?:him|her|them|the\s+\w+)|"
      r"knock\s+(?:his|her|their)\s+(?:head|teeth|block))\w*\b(?!\s+(?:the|this|that|a|"
      r"their|its)\s+(?:\w+\s+)?(?:bill|policy|plan|idea|proposal|scheme|law|report|"
      r"reform|myth|consultation|budget|review|motion|deal|amendment|rules?)\b)",
      frozenset({"should", "ought", "need", "needs", "must", "have", "has", "gotta", "want",
                 "wanna", "could", "can"}), reportable=False)
_rule("needs_a_slap", "incitement", 0.82,
      r"\b(?:needs?|deserves?|wants?|could\s+do\s+with|should\s+get|should\s+be\s+given|"
      r"ought\s+to\s+get|is\s+asking\s+for|is\s+begging\s+for)\s+(?:a|an)\s+(?:good\s+|"
      r"proper\s+|swift\s+|hard\s+|right\s+)?(?:slap|punch|kicking|beating|hiding|smack|"
      r"slapping|thrashing|brick|bullet|knife|kick|belt|clout|battering|shoeing|doing\s+over|"
      r"good\s+seeing\s+to|bottle|rope|noose|petrol\s+bomb)\b",
      frozenset({"need", "needs", "deserve", "deserves", "want", "wants", "could", "should",
                 "ought", "is"}), reportable=False)
_rule("line_up", "incitement", 0.84,
      r"\b(?:line|put|stand)\s+(?:them|em|\w+)\s+(?:all\s+)?up\s+against\s+(?:a|the)\s+wall"
      r"|\bup\s+against\s+the\s+wall\s+(?:and\s+shoot|with\s+(?:them|the\s+lot))|"
      r"\bteach\s+(?:\w+\s+){1,3}?a\s+lesson\s+(?:he|she|they|you)\s+(?:won'?t|will\s+never|"
      r"wont)\s+forget", frozenset({"wall", "lesson"}), reportable=False)
_rule("imperative_violence", "incitement", 0.8,
      r"(?:^|[.!?;]\s*|\s[-–—]\s*)(?:just\s+|so\s+|now\s+)?(?:hang|burn|shoot|kill|stab|lynch|"
      r"string\s+up|torch|firebomb|petrol\s+bomb|bomb|gas|castrate|beat|batter|behead|hunt\s+down)"
      r"\s+(?:the|them|him|her|em|that|this|those|these|all|every|each)\b(?!\s+(?:[\w-]+\s+){0,2}"
      r"(?:bill|policy|plan|idea|proposal|scheme|law|report|reform|myth|consultation|budget|"
      r"review|motion|deal|amendment|rules?|limit|cap|cuts?|target|paperwork|forms?|backlog|"
      r"books|tax|levy|fees?)\b)|\bget\s+(?:a|the)\s+(?:rope|noose|pitchforks?|torches)\b",
      frozenset({"hang", "burn", "shoot", "kill", "stab", "lynch", "string", "torch", "firebomb",
                 "petrol", "bomb", "gas", "castrate", "beat", "batter", "behead", "hunt", "rope",
                 "noose", "pitchforks", "pitchfork", "torches"}), reportable=False)
_rule("inside", "incitement", 0.9,
      r"\b(?:burn|torch|firebomb|bomb|blow)\w*\s+(?:\w+\s+){0,6}?with\s+(?:\w+\s+){0,3}?"
      r"(?:still\s+)?(?:inside|in\s+it|in\s+there)\b", _TRIG_THREAT, reportable=False)
_rule("should_be_harmed", "incitement", 0.86,
      r"\b(?:should(?:'?ve|\s+have)?|ought\s+to(?:\s+have)?|need\s+to|needs\s+to|"
      r"deserve\s+to|deserves\s+to|must)\s+(?:all\s+)?(?:be\s+|been\s+)?"
      r"(?:(?:dragged|taken|marched|led|rounded)\s+(?:out|up|outside)?\s*and\s+)?(?:shot|hanged|hung|strung\s+up|lynched|killed|burned|burnt|"
      r"put\s+down|executed|gassed|castrated|beaten|stabbed|tortured|flogged|whipped|"
      r"sterili[sz]ed|exterminated|wiped\s+out|put\s+against\s+a\s+wall|lined\s+up\s+and\s+"
      r"shot|burned\s+alive|burnt\s+alive|hung\s+drawn\s+and\s+quartered|die|suffer|rot|"
      r"drowned|aborted|strangled|smothered|culled|neutered|stoned|beheaded|knee-?capped)\b",
      _TRIG_THREAT)
_rule("death_wish", "death_wish", 0.86,
      r"\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?(?:you|u|he|she|they|it|the\s+\w+|"
      r"your\s+\w+|[a-z]+)\s+(?:\w+\s+){0,2}?(?:dies?|rots?|burns?|suffers?|chokes?|drowns?|"
      r"gets?\s+(?:cancer|hit|run\s+over|raped|attacked|beaten|stabbed|shot|killed|"
      r"what'?s\s+coming)|(?:was|were)\s+dead|(?:had\s+)?never\s+been\s+born|drops?\s+dead)\b"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?[^.!?]{0,110}?\b(?:gets?|got|is|are)\s+"
      r"(?:cancer|run\s+over|raped|attacked|beaten(?:\s+up)?|stabbed|shot|killed|robbed|"
      r"mugged|burgled|what'?s\s+coming|taken\s+(?:off|away\s+from)\s+(?:you|her|him|them)|"
      r"sacked\s+and\s+(?:dies|starves)|hurt|battered|(?:the\s+)?same\s+treatment|"
      r"a\s+taste\s+of|their\s+(?:comeuppance|just\s+deserts))\b"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?[^.!?]{0,70}?\b(?:dies\s+slowly|"
      r"dies?\s+(?:a\s+)?(?:painful|horrible|slow)|dies?\s+in\s+a\s+fire|rots?\s+in|"
      r"suffers?\s+(?:like|as)|burns?\s+(?:in|to\s+death|alive))"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?(?:you|u|he|she|they|the\s+\w+)\s+"
      r"(?:\w+\s+)?(?:lose|loses|lost)\s+(?:your|ur|his|her|their|the)\s+(?:kids|children|"
      r"baby|babies|job|home|house|everything|family|licence|son|daughter)"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?(?:someone|somebody|they|people)\s+"
      r"(?:\w+\s+)?(?:robs|hurts|attacks|beats|stabs|kills|shoots|rapes|burns|batters|does)\s+"
      r"(?:you|u|her|him|them|in)\b"
      r"|\b(?:drop\s+dead\b(?!\s+(?:gorgeous|beautiful|stunning|funny|handsome|brilliant|cool|"
      r"sexy|lovely))|rot\s+in\s+hell|burn\s+in\s+hell|die\s+in\s+a\s+(?:fire|ditch|hole)|"
      r"die\s+slowly|should\s+be\s+dead|better\s+off\s+dead)\b", _TRIG_THREAT)

# --- incitement to self-harm ---------------------------------------------------------------
_rule("self_harm", "self_harm", 0.92,
      r"\bkys\b|\bkill\s+(?:your|ur|ya|yo|thy)\s*(?:self|selves)\b|\bkill\s+urself\b|"
      r"\b(?:go|just|pls|please|then|should)\s+(?:and\s+|go\s+)?(?:die|hang\s+(?:your|ur)\s*self|"
      r"top\s+(?:your|ur)\s*self|off\s+(?:your|ur)\s*self|jump\s+off\s+(?:a|something|the\s+nearest|the)\s+(?:\w+\s+)?"
      r"(?:bridge|cliff|building|roof|tall|high|pier|tower|motorway|multi-?storey)|end\s+it(?:\s+all)?|drink\s+bleach|neck\s+(?:your|ur)\s*self)\b|"
      r"\b(?:hang|top|neck|off|end|slit)\s+(?:your|ur)\s*(?:self|selves|wrists|throat|life)\b|"
      r"\bdo\s+(?:us|the\s+world|everyone|society)\s+(?:all\s+)?a\s+favou?r\s+and\s+"
      r"(?:die|disappear|jump|drop\s+dead|end\s+it|kill|top|hang|off)\b|"
      r"\b(?:nobody|no\s+one|noone)\s+(?:would|will)\s+miss\s+(?:you|u)\b|"
      r"\bworld\s+(?:would|will)\s+be\s+(?:a\s+)?better\s+(?:place\s+)?(?:off\s+)?without\s+"
      r"(?:you|u|people\s+like\s+you)\b|\bwhy\s+don'?t\s+(?:you|u)\s+(?:just\s+)?(?:die|"
      r"kill\s+(?:your|ur)self|end\s+it|jump)\b|\bdrink\s+bleach\b|"
      r"\bgo\s+(?:play|walk)\s+(?:in|on)\s+(?:traffic|the\s+motorway)\b|"
      r"(?:^|[.!?]\s*)(?:just\s+)?(?:jump\s+off\s+(?:a|something|the)\s+\w+|get\s+a\s+rope|"
      r"(?:go\s+)?swallow\s+(?:some\s+)?pills|hang\s+yourself|end\s+yourself)\b",
      trigger_words(SELF_HARM_WORDS), reportable=False)

# --- identity attacks ----------------------------------------------------------------------
_GROUP = (rf"(?:{alt(PROTECTED_GROUPS)}(?:\s+{alt(GROUP_HEADS)})?|"
          r"people\s+(?:like\s+(?:them|that)|of\s+(?:that|their)\s+(?:kind|sort|colour|religion))|"
          r"(?:that|their|his|her)\s+(?:kind|sort|lot))")
_NEG_PRED = (
    r"(?:should(?:n'?t|n’t|\s+not|\s+never)\s+(?:be\s+(?:allowed|let|permitted)|(?:ever\s+)?"
    r"(?:foster|adopt|have\s+(?:kids|children|babies)|raise|teach|work\s+with|look\s+after|"
    r"be\s+(?:parents|foster\s+carers|adopters|teachers|trusted|around|near)|breed|vote|"
    r"live\s+here|be\s+here|come\s+here|be\s+raising|be\s+(?:a\s+|allowed\s+)?(?:\w+\s+)?"
    r"(?:workers|social\s+workers|teachers|parents|carers|nurses|doctors|judges|in\s+charge|"
    r"trusted|anywhere\s+near|around\s+(?:kids|children))))"
    r"|(?:can'?t|cannot|can\s+never)\s+be\s+trusted|(?:do\s+not|don'?t)\s+belong"
    r"|(?:are|is|'re|’re)\s+(?:all\s+|just\s+|nothing\s+but\s+|basically\s+|always\s+|"
    r"naturally\s+|inherently\s+|a\s+bunch\s+of\s+)*(?:scum|vermin|animals|parasites|criminals|"
    r"thieves|rapists|paedos?|paedophiles|pedophiles|groomers|terrorists|filth|filthy|savages|"
    r"subhuman|dirty|disgusting|a\s+disease|a\s+plague|a\s+cancer|evil|lazy|scroungers|"
    r"spongers|inferior|perverts|perverted|sick|mentally\s+ill|abominations?|degenerates?|"
    r"a\s+danger\s+to\s+(?:children|kids)|dangerous|unnatural|not\s+(?:fit|capable|human)|"
    r"unfit|thick|stupid|backward|primitive|breeding|invading|a\s+threat|liars|cockroaches|"
    r"rats|dogs|pigs|monkeys|apes|a\s+problem|the\s+problem|ruining|taking\s+over|thugs|pickpockets|beggars|predators|benefit\s+cheats|cheats|freeloaders|layabouts|"
    r"wasters|crooks|gangsters|drug\s+dealers|dealers|robbers|extremists|fanatics|barbarians|"
    r"invaders|frauds|deviants|nonces|sex\s+offenders|wife\s+beaters|child\s+abusers|abusers|"
    r"feral|a\s+burden|burdens|too\s+(?:hysterical|emotional|stupid|thick|weak|lazy|dumb)|"
    r"hysterical|grooming|raping|stealing|breeding|dragging|useless|worthless|vile|"
    r"a\s+drain|scum\s+of|filthy\s+people|the\s+worst)"
    r"|steal\w*\s+(?:everything|anything|all|whatever|from)|(?:all\s+)?steal\b|"
    r"breed\s+like|rape\b|groom\b|scrounge|infest|invade|(?:are\s+)?ruining|destroying"
    r"|should\s+(?:all\s+)?(?:be\s+)?(?:go\s+back|deported|sent\s+back|kicked\s+out|banned|"
    r"removed|barred|locked\s+up|sterili[sz]ed|shot|gassed|rounded\s+up)"
    r"|need\s+to\s+(?:go\s+back|be\s+(?:deported|removed|banned|sent\s+back))"
    r"|have\s+no\s+place|(?:are|is)\s+taking\s+over|(?:aren'?t|are\s+not|is\s+not|isn'?t)\s+"
    r"(?:fit|capable|real|proper|normal)\s+(?:to|parents|women|men|families|mothers|fathers)"
    r"|(?:don'?t|do\s+not)\s+deserve\s+(?:children|kids|to\s+(?:have|foster|adopt|live))"
    r"|(?:only|just)\s+(?:come|came)\s+here\s+(?:for|to)\s+(?:benefits|scrounge|claim)"
    r"|can'?t\s+(?:even\s+)?speak\s+english|smell|beat\s+(?:their|the)\s+(?:kids|children|"
    r"wives|women)|(?:abuse|rape|groom|mutilate)\s+(?:their|our|the)\s+(?:kids|children|girls)"
    r"|(?:is|are)\s+(?:basically\s+|just\s+|literally\s+)?(?:child\s+abuse|a\s+sin|sinful|"
    r"grooming|a\s+waste\s+of\s+(?:space|resources|money|oxygen|time|skin))"
    r"|put\s+(?:them|em)\s+(?:all\s+)?(?:in\s+(?:homes|institutions|camps)|away|down)"
    r"|send\s+(?:them|em)\s+(?:all\s+)?(?:back|home)"
    r"|(?:run|runs|control|controls|own|owns)\s+(?:the|our|this|all\s+the)\s+(?:\w+\s+){0,2}?"
    r"(?:system|media|banks|country|world|government|councils?|courts?|schools|nhs)"
    r"|are\s+(?:all\s+)?(?:the\s+)?same|(?:every|each)\s+(?:last\s+)?(?:one|single\s+one)"
    r"\s+of\s+them)"
)
_TRIG_GROUP = trigger_words(PROTECTED_GROUPS)
_rule("group_negative", "identity", 0.86,
      rf"\b{_GROUP}\b[^.!?;\n]{{0,60}}?\b{_NEG_PRED}", _TRIG_GROUP)
_rule("no_member_should", "identity", 0.8,
      rf"\b(?:no|never\s+let\s+a|never\s+trust\s+a)\s+{alt(IDENTITY_ADJS + ('man', 'woman'))}"
      rf"\s+(?:\w+\s+)?(?:should|must|can)\s+(?:ever\s+|ever\s+be\s+allowed\s+to\s+)?(?:be|"
      rf"foster|adopt|teach|work|look\s+after|raise)", frozenset({"no", "never"}))
_rule("against_group", "identity", 0.86,
      rf"\b(?:no\s+more|ban|banning|deport|deporting|get\s+rid\s+of|send\s+back|kick\s+out|"
      rf"round\s+up|exterminate|gas|hate|hang|shoot|burn)\s+(?:all\s+)?(?:the\s+|these\s+|"
      rf"those\s+)?{_GROUP}\b(?!\s+(?:rights|act|policy|discrimination|hate))", _TRIG_GROUP)
_rule("send_back_group", "identity", 0.8,
      rf"\b(?:send|ship|deport|kick)\s+(?:them|em|the\s+lot)\s+(?:all\s+)?(?:back|home|out)\b"
      rf"[^.!?]{{0,50}}?\b{_GROUP}\b", frozenset({"send", "ship", "deport", "kick"}))
_rule("go_back", "identity", 0.82,
      r"\b(?:go|send\s+(?:them|em|him|her)|fuck\s+off)\s+back\s+(?:to|where)\s+(?:your|ur|"
      r"their|his|her|they|you)\s+(?:own\s+)?(?:came\s+from|come\s+from|country|countries|"
      r"(?:own\s+)?kind|jungle|caravan|mosque|desert)",
      frozenset({"go", "send", "fuck"}))
_rule("identity_is_sin", "identity", 0.82,
      r"\b(?:homosexuality|being\s+(?:gay|trans|lesbian|queer|bisexual)|islam|judaism|"
      r"transgenderism|gay\s+marriage|same[\s-]sex\s+(?:couples|parents|adoption))\s+"
      r"(?:is|are)\s+(?:a\s+)?(?:sin|sinful|unnatural|disgusting|an?\s+abomination|a\s+disease|"
      r"a\s+mental\s+illness|wrong|evil|perverted|sick|a\s+perversion|a\s+cancer|child\s+abuse)",
      frozenset({"homosexuality", "being", "islam", "judaism", "transgenderism", "gay",
                 "same"}))
_rule("slur", "slur", 0.86,
      rf"\b{alt([s for s in SLURS if s not in SOFT_SLURS])}\b", trigger_words(SLURS))
_rule("soft_slur", "soft_slur", 0.72, rf"\b{alt(SOFT_SLURS)}\b", trigger_words(SOFT_SLURS))

# --- sexual harassment ---------------------------------------------------------------------
_TRIG_SEX = trigger_words(SEX_WORDS)
_rule("sexual_intent", "sexual", 0.86,
      rf"{_I_WILL}\s+(?:\w+\s+){{0,2}}?(?:shag|fuck|bang|screw|smash|grope|finger|lick|ride|"
      r"bend\s+(?:you|u|her|him|them|(?:that|the|this)\s+(?:\w+\s+){0,2}?\w+)\s+over|spank|have\s+(?:my\s+way|a\s+go)\s+with|get\s+my\s+"
      r"hands\s+on)\b\s*(?:\w+\s+)?(?:you|u|her|him|them|that|ur|your|her)?\b", _TRIG_SEX,
      reportable=False)
_rule("sexual_do", "sexual", 0.8,
      r"\b(?:i'?d|i\s+would|would|id)\s+(?:definitely\s+|totally\s+|so\s+|still\s+|"
      r"happily\s+|deffo\s+)?(?:do|smash|shag|bang|hit|tap|ride)\s+(?:her|him|you|u|them|that|"
      r"dat)\b(?!\s+(?:a|an|the|some|any|good|proud|justice|favou?rs?|for|with|to|more|less|"
      r"no|harm|credit|again|if|because|about|in|on|one|all|\w+ing)\b)", _TRIG_SEX,
      reportable=False)
_rule("sexual_demand", "sexual", 0.88,
      r"\b(?:send\s+(?:me|us)\s+(?:\w+\s+)?(?:nudes|nude|naked|pics\s+of\s+(?:your|ur)|"
      r"dick\s*pics?)|show\s+(?:me|us)\s+(?:your|ur|yer|her|them)\s+(?:tits|boobs|arse|ass|"
      r"pussy|body|bum|knickers|nipples)|get\s+(?:your|ur|yer|her|them)\s+(?:tits|boobs|kit|"
      r"knickers)\s+(?:out|off)|sit\s+on\s+my\s+(?:face|lap|dick|cock)|suck\s+my\s+"
      r"(?:dick|cock|balls)|(?:nice|great|lovely|massive|big|perky|fit|sexy)\s+(?:tits|boobs|rack|"
      r"arse|ass|bum|legs|pins|figure|body)|(?:you|u|she|he)(?:'re|\s+are|'s|\s+is)\s+(?:a\s+)?"
      r"(?:right\s+|proper\s+)?(?:goer|dirty\s+(?:girl|cow|bitch|slut)|freak\s+in\s+bed)|(?:good|decent|great|dirty|easy)\s+(?:shag|lay|fuck|ride)|"
      r"bet\s+(?:she|you|he|u)\s+(?:\w+\s+){0,3}?(?:in\s+bed|goes\s+like|swallows|likes\s+it)|"
      r"wet\s+dream|(?:she|you|u)(?:'s|\s+is|\s+are|'re)\s+(?:well\s+)?(?:shaggable|fuckable|"
      r"doable|gagging\s+for\s+it)|phwoa+r|(?:she|you|u)(?:'d|\s+would|'s|\s+is|\s+looks\s+like"
      r"\s+she'?d)\s+(?:be\s+)?(?:well\s+)?up\s+for\s+it|wouldn'?t\s+kick\s+(?:her|him|you)\s+"
      r"out\s+of\s+bed|(?:sexy|hot|fit)\s+(?:little\s+)?(?:mum|mummy|milf|bird|foster\s+mum|"
      r"teacher|social\s+worker)|milf)", _TRIG_SEX | frozenset({"phwoar", "phwoarr", "up",
                                                             "wouldn", "milf", "she"}),
      reportable=False)
_rule("sexual_offer", "sexual", 0.8,
      r"\b(?:fancy|want|up\s+for)\s+a\s+(?:shag|quickie|bonk|fuck|root|blowie|blowjob|threesome)"
      r"|\b(?:dm|pm|message|inbox|text)\s+me\s+(?:babe|baby|sexy|hun|gorgeous|darling|love|"
      r"sweetheart|if\s+you\s+want\s+(?:some|a\s+good\s+time))",
      frozenset({"fancy", "want", "up", "dm", "pm", "message", "inbox", "text"}),
      reportable=False)
_rule("rape_threat", "sexual_violence", 0.95,
      r"\b(?:rape|raping|molest)\s+(?:you|u|her|him|them|your)\b|"
      r"\b(?:get|be|deserves?\s+to\s+be|should\s+be|ought\s+to\s+be|hope\s+\w+\s+gets?)\s+"
      r"raped\b", _TRIG_SEX | frozenset({"rape", "raping", "molest", "raped", "hope"}),
      reportable=False)

# Pre-filters: a rule runs only when one of its trigger words and one of these is present, so
# the common case (a clean comment) costs set look-ups rather than regex scans.
_YOU_WORDS = frozenset({"you", "u", "ya", "ye", "yer", "youse", "yous", "thee", "ur", "youre"})
_I_WORDS = frozenset({"i", "we", "id", "ill", "im", "ive"})
_MODALS = frozenset({"should", "ought", "need", "needs", "must", "gotta", "want", "wanna",
                     "could", "deserve", "deserves", "shouldve"})
_HARM_WORDS = frozenset(
    "burn torch firebomb bomb shoot kill stab hang lynch strung beat batter attack smash hunt "
    "glass kneecap petrol fire acid visit lesson teach kicking beating hiding slap punch kick smack "
    "deck thump shot hanged hung strung lynched killed burned burnt put executed gassed "
    "castrated beaten stabbed tortured flogged whipped sterilised sterilized exterminated wiped "
    "alive quartered die suffer rot drowned aborted strangled smothered culled neutered stoned "
    "beheaded kneecapped dragged".split())
_WISH_HARM = frozenset(
    "cancer run raped attacked beaten stabbed shot killed robbed mugged burgled coming taken "
    "sacked hurt battered same taste comeuppance deserts dies die rot rots burn burns suffer "
    "suffers fire dead slowly painful horrible slow robs hurts attacks beats stabs kills shoots "
    "rapes batters does alive death hell ditch hole lose loses lost".split())
_ALSO: dict[str, frozenset[str]] = {
    "you_noun": _YOU_WORDS, "you_are_noun": _YOU_WORDS, "you_are_weak_noun": _YOU_WORDS,
    "you_are_adj": _YOU_WORDS, "are_you_adj": frozenset({"are"}),
    "you_all_are": _NOUN_TRIG | _ADJ_TRIG,
    "i_will_violence": _I_WORDS, "i_will_get": _I_WORDS, "sexual_intent": _I_WORDS,
    "make_pay": frozenset({"pay", "suffer", "bleed", "regret", "sorry", "wish"}),
    "veiled_threat": _YOU_WORDS | frozenset({"your", "her", "him", "them", "his", "herself",
                                             "himself", "yourself", "themselves", "she", "he",
                                             "they"}),
    "sexual_do": frozenset({"i", "id", "would"}),
    "what_a": _NOUN_TRIG | frozenset({"man", "woman", "person", "creature", "individual",
                                      "specimen", "excuse"}),
    "dumbest_comment": frozenset({"comment", "post", "thing", "take", "opinion", "argument"}),
    "know_where": frozenset({"know", "found", "got", "have"}),
    "know_your": frozenset({"know", "have", "got", "found"}),
    "incitement": _HARM_WORDS, "should_be_harmed": _HARM_WORDS, "death_wish": _WISH_HARM,
    "needs_a_slap": frozenset(
        "slap punch kicking beating hiding smack slapping thrashing brick bullet knife kick belt "
        "clout battering shoeing doing seeing bottle rope noose petrol".split()),
    "inside": frozenset({"inside", "there", "it"}),
    "group_negative": frozenset(
        "should shouldn shouldnt trusted belong deserve steal stealing steals breed breeding "
        "rape raping groom grooming scrounge scrounging infest invade invading ruining "
        "destroying taking fit capable real proper normal place benefits claim speak smell beat "
        "abuse mutilate same last single deported removed banned back scum vermin animals "
        "parasites criminals thieves rapists paedos paedo paedophiles pedophiles groomers "
        "terrorists filth filthy savages subhuman dirty disgusting disease plague cancer evil "
        "lazy scroungers spongers inferior perverts perverted sick mentally abomination "
        "abominations degenerate degenerates danger dangerous unnatural unfit thick stupid "
        "backward primitive a threat liars cockroaches rats dogs pigs monkeys apes problem "
        "thugs feral burden burdens too hysterical dragging useless worthless vile drain worst "
        "go abuse sin sinful waste put send run runs control controls own owns child pickpockets "
        "beggars predators cheats freeloaders layabouts wasters crooks gangsters dealers "
        "robbers extremists fanatics barbarians invaders frauds deviants nonces offenders "
        "beaters abusers".split()),
    "against_group": frozenset({"ban", "banning", "deport", "deporting", "rid", "send", "kick",
                                "round", "exterminate", "gas", "hate", "hang", "shoot", "burn",
                                "more"}),
}
_TRIGGERS: dict[str, frozenset[str]] = {
    "you_all_are": frozenset({"yous", "youse", "lot", "people", "all", "y"}),
    "i_will_violence": frozenset(
        "kill murder hurt stab shoot strangle batter beat punch smash slap knock kick burn torch "
        "bury end glass kneecap knife bottle throttle deck lamp twat smack gut hang drown run "
        "acid cut slit choke maim cripple petrol firebomb break snap waste sort".split())
    - {"run"},
    "appearance": frozenset({"look", "looks", "wonder"}),
    "identity_is_sin": frozenset({"homosexuality", "gay", "trans", "lesbian", "queer",
                                  "bisexual", "islam", "judaism", "transgenderism", "sex"}),
    "rape_threat": frozenset({"rape", "raping", "molest", "raped"}),
    "dumbest_comment": frozenset({"dumbest", "stupidest", "thickest", "moronic", "idiotic",
                                  "ignorant", "pathetic", "stupid"}),
    "i_will_get": frozenset({"find", "get", "hunt", "track", "come", "visit", "sort", "deal",
                             "catch", "waiting", "outside"}),
    "make_pay": frozenset({"make"}),
    "know_where": frozenset({"where"}),
    "know_your": frozenset({"car", "address", "house", "plate", "reg", "registration", "route",
                            "routine"}),
    "veiled_threat": frozenset(
        "watch warned numbered marked waiting watching eye shame coming come regret pay sorry "
        "saw see met meet catch caught wouldn wouldnt wait better best deserve getting "
        "everything home".split()),
    "incitement": _MODALS,
    "should_be_harmed": _MODALS,
    "death_wish": frozenset({"hope", "hoping", "wish", "pray", "drop", "rot", "burn", "die",
                             "better", "should"}),
    "inside": frozenset({"burn", "burns", "burning", "torch", "torched", "firebomb", "bomb",
                         "blow"}),
    "self_harm": frozenset(
        "kys yourself urself yourselves wrists throat bleach die miss favour favor "
        "world traffic motorway jump end".split()),
    "sexual_do": frozenset({"do", "smash", "shag", "bang", "hit", "tap"}),
    "sexual_demand": frozenset(
        "nudes nude naked pics tits boobs arse ass pussy knickers nipples lap cock dick balls "
        "rack shag lay ride bed swallows wet shaggable fuckable doable gagging phwoar phwoarr "
        "phwoaar kick milf sexy hot fit bum body face legs pins figure goer freak".split()),
    "dismissal": frozenset(
        "shut shutup stfu gtfo yours eat suck kiss hell stuffed fucked fuck bent jog crawl do "
        "bridge kitchen cry rock hole shove stick ram stuff dicks".split()),
}


def _inflect(words: frozenset[str]) -> frozenset[str]:
    # Verbs are searched with their endings ("lamped", "batters"), so trigger on those too.
    out = set(words)
    for w in words:
        out.update({w + "s", w + "es", w + "ed", w + "d", w + "ing", w + w[-1] + "ed",
                    w + w[-1] + "ing", w[:-1] + "ing"})
    return frozenset(out)


for _name in ("i_will_violence", "i_will_get", "imperative_violence"):
    if _name in _TRIGGERS:
        _TRIGGERS[_name] = _inflect(_TRIGGERS[_name])
_ALSO["incitement"] = _ALSO["should_be_harmed"] = _inflect(_HARM_WORDS)

RULES: tuple[Rule, ...] = tuple(
    replace(r, triggers=_TRIGGERS.get(r.name, r.triggers), also=_ALSO.get(r.name, frozenset()))
    for r in _RULES
)
ALL_TRIGGERS: frozenset[str] = frozenset().union(*(r.triggers for r in RULES))

# Reported speech: "he called me a liar", "was told I was a retard", "the word 'paki'".
REPORTED = re.compile(
    r"(?:\b(?:call(?:ed|ing|s)?|branded|labell?ed|described\s+as|name[\s-]?call\w*|"
    r"told\s+(?:me|him|her|us|them)\s+(?:i|he|she|we|they)\s+(?:was|were|am|is|are)|"
    r"said\s+(?:i|he|she|we|they)\s+(?:was|were|is|am|are)|accused\s+(?:me|him|her|us|them)?"
    r"\s*of\s+being|the\s+word|words?\s+like|terms?\s+like|such\s+as|slurs?|shouted|"
    r"shouting|scream\w*|chant\w*|abuse\s+like|insults?\s+like|phrases?\s+like)|[\"“‘])"
    r"\s*[^.!?]{0,30}$"
)
NEGATED = re.compile(r"(?:\bnot|n't|n’t|\bnever|\bno\s+one\s+is|\bnobody\s+is)\s+(?:\w+\s+)?$")
