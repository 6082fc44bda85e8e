"""Patterns for indirect, informal and jigsaw references to one child (no state, no I/O)."""

from __future__ import annotations

import re

from moderation.child_patterns import NUM_WORDS, WordRegex, trie_regex

# Numbers in digits or words, as a prefix-sharing alternation (cheaper to try than a flat one).
NUM = r"(?:\d{1,2}|" + trie_regex(list(NUM_WORDS)) + ")"

_SING_NOUN = "(?:" + trie_regex(
    """lad lass lassie girl boy learner pupil student baby child kid teenager teen toddler youngster newborn infant
    wean bairn daughter son""".split() + ["young person"]
) + ")"
_AGE_WORDS = NUM + r"[- ]?(?:year|yr|month|week)s?[- ]?old"
_SING_MODS = (
    r"(?:(?:" + trie_regex("""little young wee teenage new other reception nursery looked-after looked after disabled
    autistic deaf blind traveller refugee trans pregnant""".split()) + r"|(?:year|yr|y)\s?\d{1,2}|[ps][1-7]|"
    + _AGE_WORDS + r")\s+){0,2}"
)
# "a lad", "one pupil", "a learner", "a baby born with ...": one child, maybe a particular one.
SINGULAR_REF = WordRegex(
    r"\b(?:a|an|one)\s+" + _SING_MODS + r"(?P<noun>" + _SING_NOUN + r")\b(?!['’]s|-|\s+(?:or|and)\b)"
    r"(?:\s+of\s+(?P<num>" + NUM + r")\b)?"
)
# "one of my Year 9s", "one of our four-year-olds", "one of my reception children".
ONE_OF_MY = WordRegex(
    r"\bone\s+of\s+(?:my|our|the)\s+(?:[\w-]+\s+){0,2}?(?:(?:year|yr|y)\s?\d{1,2}s|[\w-]+[- ]year[- ]olds|"
    r"learners|mentees|clients|service\s+users|care\s+leavers|young\s+people|looked[- ]after\s+(?:children|kids)|"
    r"foster\s+(?:children|kids)|(?:reception|nursery|year\s?\d{1,2})\s+(?:children|kids|pupils|boys|girls))\b"
)
# "our eldest", "the youngest is 4", "the little one", "our middle one" (from the noun; the owner is read back).
BIRTH_ORDER_OWNER = re.compile(r"\b(?P<det>my|our|the|their|his|her)\s+\Z")
BIRTH_ORDER = WordRegex(
    r"\b(?P<noun>eldest|oldest|youngest|middle\s+(?:one|child|girl|boy|son|"
    r"daughter|kid)|little\s+one|wee\s+one|littlest|baby\s+of\s+the\s+family)\b"
    r"(?!\s+(?:child|children|kids|sons|daughters|grandchild|brother|sister|of\s+(?:the\s+)?(?:families|"
    r"parents|children|kids|pupils))\b)"
)
# "a sibling group of four", "three brothers" (the number is read back), "twin girls".
SIBLING_COUNT = re.compile(r"\b(?:two|three|four|five|six|[2-6])\s+(?:young\s+|little\s+)?\Z")
SIBLING_GROUP = WordRegex(
    r"\b(?:sibling\s+group\s+of\s+(?:\w+)|(?P<kin>brothers|sisters|siblings)|twin\s+(?:boys|girls|babies|brothers|sisters|sons|daughters))\b"
)
# A child writing informally: "am 14 an ...", "me 15, ...", "mans 17", "Year 10 here", "Y10 student here".
SELF_INFORMAL = WordRegex(
    r"\b(?:(?:am|me|mans|man's|iam|im|just\s+turned|turned)\s*,?\s+(?:only\s+|just\s+|nearly\s+|now\s+)?(?P<num>"
    + NUM + r")\b(?P<yo>[- ]?(?:years?|yrs?)[- ]?old)?|(?:am|im)\s+(?:in\s+)?(?:year|yr|y)\s?"
    r"(?P<yr>\d{1,2})\b|"
    r"im\s+(?:a\s+)?(?:looked[- ]after\s+child|young\s+carer|young\s+person\s+in\s+care|care\s+kid|foster\s+kid|"
    r"kid\s+in\s+care)\b)"
)
# "Year 10 here", "Y10 student here".
# Read back from " here" (rarer than the year words).
YEAR_HERE = re.compile(
    r"(?:\b(?:year|yr|y)\s?(?P<n>\d{1,2})|(?:^|[.!?,\n]\s*|\b(?:a|hi|hiya)\s+)(?P<age>\d{1,2})\s*"
    r"(?:yo|y/o|[- ]?years?[- ]?old))"
    r"\s+(?:(?:student|pupil|girl|boy|lad|lass|kid)\s+)?(?:(?:from|in)\s+[\w' -]{2,25}?\s+)?\Z"
)
# "(17)" right after a self-description: "I'm a care experienced young person (17)".
PERSON_AGE = WordRegex(
    r"\b(?:young\s+person|learner|student|person)\s*(?:,\s*|\(\s*)(?:aged?\s+)?(?P<num>\d{1,2})\s*[,)]"
)
# Claims that readers can tell who the child is.
JIGSAW_CUE = WordRegex(
    r"\b(?:you\s+(?:can|could|would|will|'d|'ll)\s+(?:easily\s+)?(?:work\s+out|tell|guess|know|figure\s+out)\s+who|"
    r"(?:everyone|everybody|anyone|anybody|whole\s+\w+)\s+(?:in|on|at|round|around|from)\s+"
    r"(?:[\w'-]+\s+){1,4}?(?:knows?|would\s+know|will\s+know|can\s+tell)\s+(?:who|which)|"
    r"(?:easy|easily|possible)\s+to\s+(?:identify|work\s+out|recognise)|obvious\s+who)"
)
# "only one child at ...", "the only looked-after child at ...", "there's one family in ..." (from "only"/"one";
# what comes before is checked by SINGLE_ONE_LEAD).
SINGLE_ONE_LEAD = re.compile(r"(?:\bthe|\bthere's|\bthere\s+is|\bjust|\bonly|^|[.!?,;:]|\band|\bbut)\s*\Z")
SINGLE_ONE = WordRegex(
    r"\b(?:only\s+one|only|one)\s+(?:[\w'-]+\s+){0,2}?(?P<noun>child|kid|boy|girl|pupil|student|learner|teenager|baby|family|"
    r"household|lad|lass|twins|foster\s+child)\b(?!['’]s?\w|-)"
)
# Practitioners describing their own role or setting, found from the role or setting word (rarer than
# "i", "my" or "as") and confirmed by what comes before it (PRACTITIONER_BACK) or after it ("... here").
_ROLES = (
    "pcso constable alnco senco teacher nurse midwife visitor worker officer pc detective paramedic gp doctor "
    "paediatrician dsl lead mentor assistant ta practitioner caseworker adviser iro childminder keyworker therapist "
    "psychologist head"
)
_SETTINGS = "team ward caseload clinic surgery group form class"
_VERBS = "teach referred examined booked safeguard mentor strategy"
PRACTITIONER_WORDS = " ".join((_ROLES, _SETTINGS, _VERBS))
PRACTITIONER_ROLE = WordRegex(
    r"\b(?P<word>" + trie_regex(PRACTITIONER_WORDS.split()) + r")\b"
    r"(?P<here>\s+(?:in\s+[\w'-]+(?:\s+[\w'-]+)?\s+)?here\b)?"
)
ROLE_SET = frozenset(_ROLES.split())
SETTING_SET = frozenset(_SETTINGS.split())
ROLE_BACK = re.compile(
    r"\b(?:as|i'm|im|i\s+am|i\s+was|i\s+work\s+as|now)\s+(?:the|a|an|his|her|their|one\s+of\s+the)\s+"
    r"(?:[\w-]+\s+){0,2}\Z"
)
SETTING_BACK = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}\Z")
VERB_BACK = re.compile(r"(?:\bi|\bwe\s+(?:held|convened|called|had)\s+a)\s+\Z")

# A particular time or occasion, which turns "a 14-year-old" into one child it happened to.
EVENT_TIME = WordRegex(
    r"\b(?:yesterday|last\s+(?:night|week|month|term)|this\s+(?:morning|afternoon)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?|"
    r"tonight|earlier\s+today)\b"
)
# Comparisons and rates: "a 15-year-old in care is four times more likely ...".
STAT_CUE = re.compile(
    r"\b(?:times\s+(?:more|less)|(?:more|less|twice\s+as|half\s+as|as)\s+likely|than\s+(?:their|other|his|her)\s+"
    r"(?:peers|classmates)|on\s+average|per\s+cent|percent|rates?\s+of|proportion\s+of|likelihood)\b|\d\s*%"
)
# A child who has died (a published review, an inquest): not a living child's data.
DECEASED = WordRegex(
    r"\b(?:died|death\s+of|deaths\s+of|killed|murdered|murder\s+of|inquest|memorial|rip)\b"
)
DIED_HEDGE = re.compile(r"\b(?:nearly|almost|have|could|might|would|or)\s+\Z")
REVIEW = re.compile(
    r"\b(?:serious\s+case|safeguarding\s+practice|practice|national|child\s+death)\s+review|rest\s+in\s+peace"
)
# "If your child ...", "when your son ...": the reader's child, hypothetically.
HYPOTHETICAL_YOUR = WordRegex(
    r"\b(?:if|when|whether|where|once|should)\s+(?:your|a|my|our)\s+(?:[\w-]+\s+)?(?:child|son|daughter|kid|"
    r"young\s+person|[\w-]+-year-old)\b"
)
# An organisation's line: "ring the X Parent Partnership on 0117 ...", "phone the front door on ...".
ORG_CONTACT = re.compile(
    r"(?:ring|call|phone|contact|text|email|e-mail|reach)\s+(?:the\s+|our\s+|their\s+)?(?:[\w'&-]+\s+){0,5}?"
    r"(?:line|service|services|team|helpline|partnership|office|council|front\s+door|hub|sendiass|iass|"
    r"information|advice|charity|helpdesk|duty|desk|centre|unit|mash|on)\b[^.!?]{0,25}$"
)
# Lowercase town after these words in informal writing ("in dundee", "from gateshead").
LOWER_PLACE_LEAD = re.compile(r"\b(?:in|from|near|outside|round|around)\s+([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)")
# Names joined in a list: "Tia, Lacey and Mason", "Archie and his sister Nell".
NAME_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:(?:his|her|their)\s+(?:little\s+|baby\s+|"
                            r"big\s+|younger\s+|older\s+|twin\s+)?(?:sister|brother)\s+)?")
# A carer's verb before a child's name: "we adopted Kenzie", "we're fostering Tyler".
CARE_VERB_NAME = WordRegex(
    r"\b(?:adopted|adopting|fostered|fostering|foster|took(?:\s+in)?|raising)\s+(?=[A-Z])"
)
_PLATFORM = (
    r"(?:tiktok|tik\s+tok|snapchat|snap|insta|instagram|twitter|facebook|fb|youtube|discord|roblox|xbox|psn|twitch)"
)
PLATFORM_NEAR = re.compile(_PLATFORM)
# A four-digit birth year glued to the letters of a handle: "lilymae_2011", "ellie.r2010".
# (A literal start lets the engine skip ahead; the letter before is checked in code.)
HANDLE_YEAR = re.compile(r"20[0-2]\d\b")
# "young lad, about 15" (the noun before is checked in code); "saw twins last week" from a practitioner.
ABOUT_AGE = WordRegex(r"\b(?:about|around|aged|roughly|maybe)\s+(?P<num>\d{1,2})\b")
CASE_SEEN = WordRegex(
    r"\b(?:saw|seen|seeing|visited|visiting|assessed|examined|weighed|admitted|treated|treating)\s+"
    r"(?:a\s+|the\s+|two\s+|three\s+)?(?:twins|triplets|siblings|baby|newborn|toddler|infant|brothers|sisters)\b"
)
