"""Patterns for indirect, informal and jigsaw references to one child (no state, no I/O)."""

from __future__ import annotations

import re

from moderation.child_patterns import NUM, WordRegex

_SING_NOUN = (
    r"(?:lad|lass|lassie|girl|boy|learner|pupil|student|baby|child|kid|teenager|teen|toddler|youngster|"
    r"young\s+person|newborn|infant|wean|bairn|daughter|son)"
)
_AGE_WORDS = NUM + r"[- ]?(?:year|yr|month|week)s?[- ]?old"
_SING_MODS = (
    r"(?:(?:little|young|wee|teenage|new|other|reception|nursery|looked[- ]after|disabled|autistic|deaf|blind|"
    r"traveller|refugee|trans|pregnant|(?:year|yr|y)\s?\d{1,2}|[ps][1-7]|" + _AGE_WORDS + r")\s+){0,2}"
)
# "a lad", "one pupil", "a learner", "a baby born with ...": one child, maybe a particular one.
SINGULAR_REF = WordRegex(
    r"\b(?:a|an|one)\s+" + _SING_MODS + r"(?P<noun>" + _SING_NOUN + r")\b(?!['’]s|-|\s+(?:of|or|and)\b)"
)
# "one of my Year 9s", "one of our four-year-olds", "one of my reception children".
ONE_OF_MY = WordRegex(
    r"\bone\s+of\s+(?:my|our|the)\s+(?:[\w-]+\s+){0,2}?(?:(?:year|yr|y)\s?\d{1,2}s|[\w-]+[- ]year[- ]olds|"
    r"learners|mentees|clients|service\s+users|care\s+leavers|young\s+people|looked[- ]after\s+(?:children|kids)|"
    r"foster\s+(?:children|kids)|(?:reception|nursery|year\s?\d{1,2})\s+(?:children|kids|pupils|boys|girls))\b"
)
# "our eldest", "the youngest is 4", "the little one", "our middle one".
BIRTH_ORDER = WordRegex(
    r"\b(?P<det>my|our|the|their|his|her)\s+(?P<noun>eldest|oldest|youngest|middle\s+(?:one|child|girl|boy|son|"
    r"daughter|kid)|little\s+one|wee\s+one|littlest|baby\s+of\s+the\s+family)\b"
    r"(?!\s+(?:child|children|kids|sons|daughters|grandchild|brother|sister|of\s+(?:the\s+)?(?:families|"
    r"parents|children|kids|pupils))\b)"
)
# "a sibling group of four", "three brothers", "twin girls".
SIBLING_GROUP = WordRegex(
    r"\b(?:(?:a|the)\s+sibling\s+group\s+of\s+(?:\w+)|(?:two|three|four|five|six|[2-6])\s+(?:young\s+|little\s+)?"
    r"(?:brothers|sisters|siblings)|twin\s+(?:boys|girls|babies|brothers|sisters|sons|daughters))\b"
)
# A child writing informally: "am 14 an ...", "me 15, ...", "mans 17", "Year 10 here", "Y10 student here".
SELF_INFORMAL = WordRegex(
    r"\b(?:(?:am|me|mans|man's|ma|i\s+m|iam|i'm|im)\s*,?\s+(?:only\s+|just\s+|nearly\s+|now\s+)?(?P<num>"
    + NUM + r")\b(?P<yo>[- ]?(?:years?|yrs?)[- ]?old)?|(?:am|i'm|im|i\s+am)\s+(?:in\s+)?(?:year|yr|y)\s?"
    r"(?P<yr>\d{1,2})\b|(?:year|yr|y)\s?(?P<yr2>\d{1,2})\s+(?:(?:student|pupil|girl|boy|lad|kid)\s+)?here\b|"
    r"(?:i'm|im|i\s+am)\s+(?:a\s+)?(?:care[- ]experienced|looked[- ]after|young\s+carer|young\s+person\s+in\s+care|"
    r"care\s+kid|foster\s+kid|kid\s+in\s+care)\b)"
)
# "(17)" right after a self-description: "I'm a care experienced young person (17)".
PERSON_AGE = WordRegex(r"\b(?:young\s+person|learner|student|person)\s*(?:,\s*|\(\s*)(?:aged?\s+)?(?P<num>\d{1,2})\s*[,)]")
# Claims that readers can tell who the child is.
JIGSAW_CUE = WordRegex(
    r"\b(?:you\s+(?:can|could|would|will|'d|'ll)\s+(?:easily\s+)?(?:work\s+out|tell|guess|know|figure\s+out)\s+who|"
    r"(?:everyone|everybody|anyone|anybody|the\s+whole\s+\w+)\s+(?:in|on|at|round|around|from)\s+"
    r"(?:[\w'-]+\s+){1,4}?(?:knows?|would\s+know|will\s+know|can\s+tell)\s+(?:who|which)|"
    r"(?:easy|easily|possible)\s+to\s+(?:identify|work\s+out|recognise)|(?:it's|its|it\s+is)\s+obvious\s+who)"
)
# "only one child at ...", "the only looked-after child at ...", "there's one family in ...".
SINGLE_ONE = WordRegex(
    r"\b(?:(?:the\s+)?only\s+one|the\s+only|the\s+one|there's\s+(?:only\s+)?one|there\s+is\s+(?:only\s+)?one|"
    r"just\s+one)\s+(?:[\w'-]+\s+){0,2}?(?P<noun>child|kid|boy|girl|pupil|student|learner|teenager|baby|family|"
    r"household|lad|lass|twins|foster\s+child)\b(?!['’]s?\w|-)"
)
# Practitioners describing their own role or setting.
PRACTITIONER_ROLE = WordRegex(
    r"\b(?:(?:as|i'm|im|i\s+am|i\s+was|i\s+work\s+as)\s+(?:the|a|an|his|her|their|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:alnco|senco|teacher|nurse|midwife|health\s+visitor|social\s+worker|allocated\s+worker|worker|"
    r"police\s+officer|officer|pc|detective|paramedic|gp|doctor|paediatrician|head\s+of\s+year|dsl|"
    r"safeguarding\s+lead|mentor|teaching\s+assistant|ta|practitioner|caseworker|personal\s+adviser|iro|"
    r"childminder|keyworker|key\s+worker|therapist|psychologist|head)|(?:alnco|senco|teacher|nurse|midwife|"
    r"health\s+visitor|social\s+worker|youth\s+worker|police\s+officer|paramedic|dsl|childminder)\s+"
    r"(?:in\s+[\w'-]+(?:\s+[\w'-]+)?\s+)?here|(?:my|our)\s+(?:[\w-]+\s+){0,2}?(?:team|ward|caseload|clinic|"
    r"surgery|tutor\s+group|form\s+group|form|class)|i\s+(?:teach|referred|examined|booked\s+in|safeguard|"
    r"mentor)|we\s+(?:held|convened|called)\s+a\s+strategy)\b"
)
# A particular time or occasion, which turns "a 14-year-old" into one child it happened to.
EVENT_TIME = WordRegex(
    r"\b(?:yesterday|last\s+(?:night|week|month|term|friday|monday|tuesday|wednesday|thursday|saturday|sunday)|"
    r"this\s+(?:morning|afternoon|week)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:night|morning|afternoon|evening)|"
    r"tonight|earlier\s+today|at\s+the\s+weekend)\b"
)
# A child who has died (a published review, an inquest): not a living child's data.
DECEASED = WordRegex(
    r"\b(?:(?<!nearly\s)(?<!almost\s)(?<!have\s)died|death\s+of|deaths\s+of|was\s+killed|were\s+killed|murdered|"
    r"murder\s+of|inquest|serious\s+case\s+review|practice\s+review|national\s+review|case\s+review|"
    r"killed\s+by|memorial|rest\s+in\s+peace|rip)\b"
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
    r"\b(?:adopted|adopting|fostered|fostering|foster|took|take|took\s+in|look\s+after|looking\s+after|"
    r"care\s+for|caring\s+for|raising|bringing\s+up|placed)\s+(?=[A-Z])"
)
# A social handle with a birth year in it: "@lilymae_2011", "ellie.r2010".
HANDLE_YEAR = re.compile(r"(?:@|\b)(?P<h>[A-Za-z][\w.]{1,24}?(?P<y>20[0-2]\d)[\w.]{0,6})\b")
_PLATFORM = r"(?:tiktok|tik\s+tok|snapchat|snap|insta|instagram|twitter|facebook|fb|youtube|discord|roblox|xbox|psn|twitch)"
PLATFORM_NEAR = re.compile(_PLATFORM)
