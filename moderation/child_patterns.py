"""Compiled patterns and vocabularies for the child-data detector (no state, no I/O)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

DIGIT = re.compile(r"\d")
NAME_INTRO_GATE = re.compile(r"name|called|known\s+as|re\s*:|call\s+(?:him|her)")
PRACTITIONER_SELF_GATE = re.compile(r"i'm|i\s+am|i\s+was|as\s|here\b|client|caseload|mentee|i\s+work|i\s+teach")
PRACTITIONER_GATE = re.compile(
    r"teach|worker|nurse|senco|carer|visitor|client|caseload|mentor|sw\b|dsl|iro\b|head|doctor|gp\b|"
    r"therapist|psycholog|tutor|guardian|solicitor|barrister|officer|midwife|childminder|\bta\b|"
    r"\bhv\b|i\s+work|paediatrician|\bpc\b|lead"
)
ADULT_CHILDREN_GATE = re.compile(r"adult|grown|uni\b|university|\sown\s|twenties|thirties|forties|0s\b")
PLATFORM_GATE = re.compile(r"tik|snap|insta|twitter|facebook|fb\b|youtube|discord|roblox|xbox|psn|twitch")
CASE_GATE = re.compile(r"case|claim|court|file|ref")
SCHOOL_LOWER_GATE = re.compile(r"school|nursery|primary|academy|class|pru\b|college|infant|junior|grammar")


FIRST_PERSON_GATE = re.compile(r"i'm|i\s+am|im\s|i\s+live")
ADULT_SELF_GATE = re.compile(r"when\s+i|as\s+a|growing|i\s+was|i\s+grew|i\s+left|i'm|i\s+am")
PRACTITIONER_REF_GATE = re.compile(
    r"one\s+of|in\s+my|on\s+my|in\s+our|i\s+(?:teach|taught|work|support|foster|look|care|mentor|supervise|placed)|"
    r"we\s+(?:foster|look|placed|support)"
)


class WordRegex:
    """A pattern that must start at a word boundary, checked in Python.

    A leading ``\\b`` stops the regex engine from skipping ahead to the pattern's first
    characters, which made literal-alternation patterns several times slower here.
    """

    __slots__ = ("rx", "pattern")

    def __init__(self, source: str, flags: int = 0) -> None:
        if source.startswith(r"\b"):
            source = source[2:]
        self.rx = re.compile(source, flags)
        self.pattern = source

    def finditer(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        for m in self.rx.finditer(s, pos, endpos):
            i = m.start()
            if i == 0 or not (s[i - 1].isalnum() or s[i - 1] == "_"):
                yield m

    def search(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        for m in self.finditer(s, pos, endpos):
            return m
        return None

NUM_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
}
NUM = r"(?:\d{1,2}|" + "|".join(sorted(NUM_WORDS, key=len, reverse=True)) + r")"


def num_value(token: str) -> int | None:
    """Value of a small number written in digits or words."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return NUM_WORDS.get(token)


def trie_regex(phrases: Iterable[str]) -> str:
    """One alternation with shared prefixes, so a long phrase list costs little per position."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts: list[str] = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            piece = r"[\s-]+" if ch == " " else re.escape(ch)
            alts.append(piece + emit(node[ch]))
        if not alts:
            return ""
        if end:
            # "(?:...|)" rather than "(?:...)?": the same matches, but sre runs an alternation
            # with an empty branch faster than an optional group.
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


# --- references to a child --------------------------------------------------------------------
CHILD_SING = {
    "son": "m", "daughter": "f", "boy": "m", "girl": "f", "lad": "m", "lass": "f", "laddie": "m",
    "kid": "", "child": "", "grandson": "m", "granddaughter": "f", "grandchild": "",
    "nephew": "m", "niece": "f", "stepson": "m", "stepdaughter": "f", "stepchild": "",
    "step-son": "m", "step-daughter": "f", "step son": "m", "step daughter": "f", "toddler": "",
    "baby": "", "bairn": "", "newborn": "", "teen": "", "teenager": "", "youngster": "",
    "little one": "", "godson": "m", "goddaughter": "f", "pupil": "", "student": "",
    "young person": "", "foster child": "", "foster son": "m", "foster daughter": "f",
    "little boy": "m", "little girl": "f", "baby boy": "m", "baby girl": "f", "grandbaby": "",
    "great-grandson": "m", "great-granddaughter": "f", "twin": "", "wean": "", "lassie": "f",
    "wee one": "", "wee boy": "m", "wee girl": "f", "looked-after child": "", "looked after child": "",
}
CHILD_PLUR = {
    "sons": "m", "daughters": "f", "boys": "m", "girls": "f", "lads": "m", "kids": "",
    "children": "", "grandsons": "m", "granddaughters": "f", "grandchildren": "", "grandkids": "",
    "nephews": "m", "nieces": "f", "twins": "", "toddlers": "", "babies": "", "teenagers": "",
    "teens": "", "little ones": "", "stepchildren": "", "stepkids": "", "foster children": "",
    "pupils": "", "students": "", "weans": "", "bairns": "", "wee ones": "", "siblings": "",
}
_CHILD_NOUN = trie_regex(list(CHILD_SING) + list(CHILD_PLUR))
_AGE_ADJ = NUM + r"(?:[- ]?(?:year|yr|month|week)s?[- ]?old|\s?(?:yo|y/o|y\.o))"
AGE_ADJ_PARTS = re.compile(r"(?P<num>" + NUM + r")[- ]?(?P<unit>year|yr|month|week|yo|y/o|y\.o)")
_MOD_WORDS = (
    r"little|wee|eldest|oldest|youngest|middle|younger|older|baby|one|two|three|four|foster|"
    r"adopted|adoptive|step|twin|teenage|kinship|disabled|autistic|new|beautiful|lovely|gorgeous|only|"
    r"own|poor|precious|looked[- ]after|refugee|asylum[- ]seeking|unaccompanied|trans|vulnerable|"
    r"sick|poorly|premature|severely|non-verbal|deaf|blind|wheelchair[- ]using|black|white|"
    r"mixed[- ]race|syrian|afghan|ukrainian|polish|romanian|eritrean|sudanese|somali|albanian|"
    r"kurdish|iraqi|iranian|traveller|gypsy|roma|muslim|jewish|sikh|reception|nursery|young|"
    r"(?:year|yr|y)\s?\d{1,2}|[ps][1-7]|[2-9]|" + _AGE_ADJ
)
_MODS = r"(?:(?:" + _MOD_WORDS + r")\s+){0,3}"
# "my son", "both my children", "her little girl", "Donna's daughter", "my 8-year-old".
POSSESSIVE_REF = WordRegex(
    r"\b(?P<poss>my|our|his|her|their|your|both\s+my|both\s+our|all\s+my|one\s+of\s+my)\s+"
    + _MODS
    + r"(?:(?P<noun>" + _CHILD_NOUN + r")\b|(?P<agenoun>" + _AGE_ADJ + r")\b)"
)
# Welsh and Scots possessives: "fy mab", "ei merch", "fy ŵyr", "oor wean", "ma wee boy". Welsh nouns are
# kept out of CHILD_SING so that English "my merch" (merchandise) is no child.
DIALECT_SING = {
    "mab": "m", "fab": "m", "merch": "f", "ferch": "f", "ŵyr": "m", "wyr": "m", "wyres": "f", "plentyn": "",
    "mhlentyn": "", "blentyn": "", "babi": "", "mhabi": "", "bachgen": "m", "fachgen": "m", "wean": "",
    "bairn": "", "wee one": "", "wee boy": "m", "wee girl": "f", "lassie": "f", "laddie": "m", "boy": "m",
    "girl": "f", "son": "m", "daughter": "f", "grandwean": "", "grandbairn": "", "wee lad": "m", "wee lass": "f",
}
DIALECT_POSSESSIVE = WordRegex(
    r"\b(?P<poss>fy|ein|ei|oor|ma|mah)\s+(?:(?:wee|little|wee\s+wee)\s+)?"
    r"(?P<noun>" + trie_regex(list(DIALECT_SING)) + r")\b(?!['’]s)"
)
# "Donna's daughter", "my pal's wee boy": found from the "'s" and read back to the owner's word.
NAMED_POSSESSIVE_REF = re.compile(
    r"'(?<=[a-z]')s\s+" + _MODS + r"(?P<noun>" + _CHILD_NOUN + r")\b"
)
NOT_POSSESSIVE = frozenset(
    {"it's", "that's", "there's", "what's", "he's", "she's", "who's", "let's", "here's",
     "where's", "how's", "one's", "everyone's", "nobody's", "someone's", "council's",
     "government's", "today's", "name's", "world's", "nation's", "country's", "society's",
     "county's", "authority's", "lord's", "year's"}
)
# "the girl at ...", "the 13 year old from ...", "this little boy".
DEFINITE_REF = WordRegex(
    r"\b(?P<det>the|this|that)\s+(?:(?:same|" + _MOD_WORDS + r")\s+){0,2}"
    r"(?P<noun>girl|boy|lad|lass|lassie|wean|baby|toddler|teenager|teen|kid|"
    r"child|youngster|young\s+person|pupil|" + _AGE_ADJ + r"(?:\s+(?:girl|boy|lad|child|kid))?)"
    r"\s+(?P<tail>at|in|from|who|whose|with|next\s+door|on|down|across|over|living|that|i|we|"
    r"they|he|she|involved|mentioned|named|called|was|is|has|had|placed|staying|fostered|,)\b"
)
# "a 14 year old lad", "one 9-year-old": someone specific is often meant, but not always.
INDEFINITE_AGE_REF = WordRegex(
    r"\b(?:a|an|one)\s+(?:little\s+|young\s+|wee\s+)?(?P<num>" + NUM + r")(?:[- ]?(?P<unit>year|yr|month|week)s?"
    r"[- ]?old|\s?(?:yo|y/o))\b(?:\s+(?P<noun>boy|girl|lad|lass|child|kid|daughter|son|pupil|foster\s+child))?"
)
# "a P7 girl at ...", "a little boy in ...": usually a particular child, though not always.
INDEFINITE_REF = WordRegex(
    r"\b(?:a|an)\s+(?:(?:little|young|wee|teenage|reception|nursery|(?:year|yr)\s?\d{1,2}|[ps][1-7]|"
    r"looked[- ]after|disabled|autistic|refugee|traveller|deaf)\s+){0,2}(?P<noun>girl|boy|lad|lass|lassie|"
    r"child|pupil|student|teenager|toddler|baby|kid)\s+(?:at|in|from|on|who|whose|i|we|with|of\s+\d)\b"
)
PLURAL_DEFINITE_REF = WordRegex(
    r"\b(?:the|these|those)\s+(?:(?P<count>two|three|four|five|wee|little|young)\s+){0,2}(?P<noun>girls|boys|"
    r"kids|children|lads|weans|bairns|siblings|twins|brothers|sisters)\s+(?P<tail>at|next\s+door|across|"
    r"opposite|from\s+the|over\s+the\s+road|in\s+(?:number|no\.?)\s*\d)\b"
)
CHILD_NOUN_AGE = WordRegex(
    r"\b(?:boy|girl|lad|lass|child|pupil|teenager|teen|youngster|toddler|baby|son|daughter|kid|wean)"
    r"\s*(?:,\s*|\(\s*)(?:aged\s+)?(?P<num>\d{1,2})\s*[,)]"
)
MINOR_PARENT = WordRegex(
    r"\b(?:mum|mam|mother|dad|father|parent|mum-to-be)\s+(?:is|was|who\s+is|,)\s*(?:only\s+|just\s+)?"
    r"(?P<num>1[0-7]|thirteen|fourteen|fifteen|sixteen|seventeen)\b"
)
PRACTITIONER_SELF = WordRegex(
    r"\b(?:(?:i'm|i\s+am|i\s+was|as|i\s+work\s+as)\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+)?(?:senco|"
    r"teacher|social\s+worker|sw|ta|teaching\s+assistant|nurse|health\s+visitor|youth\s+worker|"
    r"worker|key\s*worker|foster\s+carer|iro|designated\s+teacher|head|headteacher|support\s+worker|"
    r"mentor|case\s*worker|paediatrician|gp|doctor|therapist|psychologist|tutor|guardian|solicitor|"
    r"barrister|police\s+officer|pc|midwife|dsl|safeguarding\s+lead|childminder)|(?:sw|social\s+worker|"
    r"teacher|ta|nurse|senco|dsl|hv)\s+here|(?:my|our)\s+(?:client|caseload|mentee)|on\s+my\s+caseload|"
    r"i\s+(?:teach|work)\s+(?:at|in)\s+(?:a|an|the)?)"
)
PRACTITIONER_REF = WordRegex(
    r"\b(?:one\s+of\s+(?:my|our)\s+(?:pupils|students|young\s+people|foster\s+children|"
    r"looked[- ]after\s+children|children|kids|cases|mentees|service\s+users)|"
    r"one\s+of\s+(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:girls|boys|lads|kids|children|pupils|students|"
    r"young\s+people|foster\s+children|cases)|"
    r"(?:a|one|the|this)\s+(?:boy|girl|lad|child|pupil|student|young\s+person|kid|baby|teenager)\s+"
    r"(?:in\s+my\s+(?:class|form|tutor\s+group|care)|on\s+my\s+caseload|i\s+(?:teach|taught|work\s+with|"
    r"support|foster|look\s+after|care\s+for|mentor|supervise|placed)|we\s+(?:foster|look\s+after|"
    r"placed|support)|in\s+our\s+care))\b"
)
PRONOUN_AGE = WordRegex(
    r"\b(?P<pro>he|she|he's|she's|hes|shes|who|who's)\s+(?:is\s+|was\s+|turned\s+|turns\s+|has\s+just\s+turned\s+)?"
    r"(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|barely\s+)?(?P<num>" + NUM + r")\b"
)
SELF_AGE = WordRegex(
    r"\b(?:i'm|im|i\s+am|i'm\s+only|i\s+am\s+only|as\s+a)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|a\s+)?"
    r"(?P<num>" + NUM + r")\b(?P<yo>[- ]?(?:years?|yrs?)[- ]?old)?"
)
SELF_CHILD = WordRegex(
    r"\b(?:i'm|im|i\s+am)\s+(?:currently\s+|still\s+|now\s+)?(?:in\s+(?:year|yr)\s*\d{1,2}\b|"
    r"(?:in\s+)?[sp][1-7]\s+(?:at|in|and|,)|in\s+primary\s+[1-7]\b|"
    r"the\s+only\s+(?:[\w-]+\s+){0,2}(?:kid|girl|boy|child|pupil|one\s+in\s+my\s+(?:class|year))\b|"
    r"in\s+(?:foster\s+care|care\b|a\s+children's\s+home|a\s+foster\s+home|residential|kinship\s+care|"
    r"a\s+secure\s+unit)|a\s+looked[- ]after\s+child|a\s+young\s+carer|in\s+sixth\s+form|"
    r"at\s+(?:primary|secondary)\s+school|a\s+(?:teenager|schoolgirl|schoolboy|pupil\s+at))|"
    r"\bi\s+live\s+in\s+(?:a\s+)?(?:children's\s+home|foster\s+home|foster\s+care|residential)"
)
ADULT_SELF = WordRegex(
    r"\b(?:when\s+i\s+was\s+(?:" + NUM + r"|a\s+(?:child|kid|teenager|teen|baby|toddler|boy|girl|pupil)|"
    r"little|young|younger|in\s+care|at\s+school|growing\s+up)|as\s+a\s+(?:child|kid|teenager|young\s+girl|"
    r"young\s+boy|care\s+leaver|care[- ]experienced\s+adult),?\s+i\b|growing\s+up,?\s+i\b|"
    r"i\s+(?:was|grew\s+up)\s+in\s+(?:care|foster\s+care|a\s+children's\s+home)|i\s+left\s+care|"
    r"(?:i'm|i\s+am)\s+(?:now\s+)?(?:in\s+my\s+(?:twenties|thirties|forties|fifties|sixties|\d0s)|"
    r"a\s+(?:grandparent|grandmother|grandfather|pensioner|retired)))"
)
ADULT_CHILDREN = WordRegex(
    r"\b(?:(?:are|is)\s+(?:all\s+|both\s+)?(?:now\s+)?(?:adults?|grown[- ]?up|grown\s+up|in\s+(?:their|his|her)\s+"
    r"(?:twenties|thirties|forties|\d0s))|grown[- ]up\s+(?:children|kids|son|daughter)|adult\s+"
    r"(?:children|kids|son|daughter|sons|daughters)|(?:at|left\s+for)\s+uni(?:versity)?\b|"
    r"(?:has|have)\s+(?:kids|children)\s+of\s+(?:his|her|their)\s+own)"
)

# --- names ------------------------------------------------------------------------------------
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+|'(?![sS]\b)[^\W\d_]+)*")
# Capitalised words only: names and places are written that way, and there are far fewer of them.
CAP_WORD = re.compile(
    r"[A-Z\u00c0-\u00de\u0100-\u024f\u0400-\u042f](?<![^\W\d_].)[^\W\d_]*(?:-[^\W\d_]+|'(?![sS]\b)[^\W\d_]+)*"
)
NAME_AFTER_REF = re.compile(r"\s*(?:,\s*|\s+(?:called|named|known\s+as)\s+)?")
NAME_INTRO = WordRegex(
    r"\b(?:(?:her|his|their|the\s+(?:girl|boy|child|baby|kid)'s)\s+name\s+(?:is|was)|"
    r"(?:a\s+|the\s+)?(?:girl|boy|child|baby|lad|kid|toddler|teenager|pupil)\s+(?:called|named|known\s+as)|"
    r"(?:her|his|their)\s+name's|(?:child's|child|pupil|young\s+person's|baby's|son's|daughter's|"
    r"pupil's|student's)\s+(?:full\s+)?name\s*(?:is|was|:|-)|(?:re|name)\s*:|"
    r"(?:she's|he's|she\s+is|he\s+is)\s+called|(?:his|her)\s+nickname\s+is|nicknamed|"
    r"we\s+call\s+(?:him|her))\s+"
)
NAME_AGE_TAIL = re.compile(
    r"(?:(?:\s+(?:from|in|of|off)\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?(?:\s+estate)?){1,2}"
    r"(?=,|\s+(?:is|was)\s))?"
    r"\s*(?:'s\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?(?P<a5>\d{1,2}|" + "|".join(NUM_WORDS) + r")\b"
    r"(?!\s*(?:%|per|times|minutes|hours|days|weeks|months|miles|points|pounds|p\b|am\b|pm\b|:))|"
    r"\(\s*(?:dob|d\.o\.b\.?|born|b\.)\s*:?\s*(?P<dob1>[\d./-]{6,10}|\d{1,2}\s+[a-z]+\s+\d{4})|"
    r",\s*(?:dob|d\.o\.b\.?|born|b\.)\s*:?\s*(?:on\s+)?(?P<dob2>[\d./-]{6,10}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4})|"
    r"\(\s*(?:in\s+)?(?:year|yr|y|primary|p|s)\s*(?P<yr2>\d{1,2})\b|"
    r"\(\s*(?:(?:twins?|triplets|siblings|brothers|sisters)\s*,?\s*)?(?:aged?\s*)?(?P<a1>\d{1,2})\s*(?:yrs?|years?)?\s*\)|,\s*(?:aged?\s+)?(?P<a2>\d{1,2})\s*"
    r"(?:(?:y/o|yo|yrs?(?:\s+old)?|years?\s+old)\s*)?"
    r"(?=[,.;:)!]|\s+(?:and|but|has|is|was|who|from|in|at)\b)|,?\s+aged?\s+(?P<a3>\d{1,2})\b(?!\s*(?:-|to|and|&)\s*\d)|"
    r",\s*(?:in\s+)?(?:year|yr|y)\s*(?P<yr>\d{1,2})\b|\s+(?:is|was|turned|turns|has\s+just\s+turned)\s+"
    r"(?:only\s+|just\s+|now\s+|nearly\s+)?(?P<a4>\d{1,2}|" + "|".join(NUM_WORDS) + r")\b"
    r"(?!\s*(?:%|per|times|minutes|hours|days|weeks|months|miles|points|pounds|p\b|am\b|pm\b|:))"
    r"|\s+was\s+born\b|\s+(?:is|was)\s+(?:in|starting|starts|in\s+the)\s+(?:year|yr|reception|nursery)\b)",
    re.IGNORECASE,
)
BABY_NAME = WordRegex(r"\b(?:[Bb]aby|[Ww]ee|[Ll]ittle|[Oo]ur)\s+(?=[A-Z])")
STOP_NAMES = frozenset(
    """the a an my our his her their your its i i'd i'll i've i'm id ive he she they we it this that these
    those and but or
    so if when while as at in on of for to from with by is was has had have be been will would can
    could should may might must do did does not no yes all any both each every some most many much
    more less very just only also even still then than there here where what which who whom whose
    why how after before since until because though although however therefore meanwhile today
    tomorrow yesterday now later never always often sometimes mum mam mom mummy dad daddy nan nanna
    nana gran granny grandma grandad grandpa mother father sister brother aunt auntie uncle cousin
    god jesus christmas easter eid diwali ramadan monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december
    year reception nursery primary secondary school academy college university council councils
    ofsted nhs camhs send sen police court courts judge social services care government minister
    mp mps labour tory tories conservative conservatives lib dem reform parliament uk gb england
    britain british english welsh scottish irish muslim christian catholic jewish sikh hindu
    asian black white gypsy traveller roma polish african caribbean eastern european dear hi hello
    thanks thank please sorry yes ok okay well oh wow lol omg sir madam mr mrs ms miss dr prof
    cllr rev lord lady dame saint st head teacher headteacher senco iro cafcass local authority
    family families child children kid kids baby boy boys girl girls son sons daughter daughters foster
    fostering adoption
    adopted home homes house street road lane avenue close drive why whilst yet again never ever
    another other same new old young little big first second third last next every one two three
    four five six seven eight nine ten eleven twelve section act bill plan plans ehcp report review
    consultation question response answer chapter page part our tiktok snapchat instagram facebook
    youtube twitter whatsapp google apple amazon covid lockdown nobody everyone someone anyone
    none bless respect shame luckily sadly unfortunately honestly seriously apparently actually
    basically currently recently finally hopefully thankfully obviously clearly surely""".split()
)
ADULT_BEFORE = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady cllr councillor minister secretary
    mp judge justice mum mam mom mother dad father nan nana nanna gran granny grandma grandmother
    grandad grandpa grandfather aunt auntie aunty uncle stepdad stepmum step-dad step-mum partner
    husband wife boyfriend girlfriend fiance fiancee ex carer carers worker workers teacher teachers
    head headteacher headmistress headmaster manager solicitor barrister officer pc sergeant nurse
    doctor midwife visitor guardian senco iro chair director chief ceo editor reporter journalist
    author writer colleague colleagues neighbour with thanks thank dear hi hello sorry per by cc
    agree disagree reply replying respond responding re mentor tutor coach vicar reverend rev
    inspector therapist psychologist psychiatrist paediatrician gp consultant councillors adviser
    advisor lawyer clerk mayor president leader commissioner spokesperson spokeswoman spokesman
    state sw mate""".split()
)
ADULT_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:mp\b|qc\b|kc\b|said\b|says\b|wrote\b|writes\b|commented\b|argues\b|argued\b|"
    r"is\s+right\b|is\s+wrong\b|you\b|your\b|you're\b|i\s+agree\b|'s\s+(?:comment|post|point|article|"
    r"report|review|husband|wife|partner|boyfriend|girlfriend|mum|dad|colleague|team|book|speech)\b|"
    r"(?:the|our|my|a|his|her|their)\s+(?:social\s+worker|teacher|head|headteacher|manager|"
    r"solicitor|barrister|mum|dad|mother|father|carer|foster\s+carer|nan|gran|grandmother|aunt|"
    r"uncle|partner|iro|senco|guardian|judge|mp|minister|nurse|doctor|health\s+visitor|"
    r"family\s+support\s+worker|key\s+worker|councillor|director|reporter|journalist|"
    r"social\s+workers)\b|(?:from|at)\s+(?:the\s+)?(?:council|ofsted|cafcass|nspcc|barnardo's|"
    r"department|dfe|local\s+authority|charity)\b|\(\s*(?:1[89]|[2-9]\d)\s*\)|,\s*(?:1[89]|[2-9]\d)\s*,)"
)

# --- ages, dates, years -------------------------------------------------------------------------
# Anchored on the unit so the scan skips ahead; the number is read back from just before it.
# Welsh "yn 13 oed", "sy'n 8 oed" (years of age).
OED_AGE = re.compile(r"\b(?P<num>" + NUM + r")\s+(?:mlwydd\s+|blwydd\s+)?oed\b")
AGE_UNIT = re.compile(r"(?P<unit>year|yr|month|week)s?[- ]?old(?P<plural>s)?\b")
AGE_NUM_BEFORE = re.compile(r"(?:^|[^\w])(?P<num>" + NUM + r")[- ]?\Z")
AGED = WordRegex(r"\baged?\s+(?:just\s+|only\s+)?(?P<num2>" + NUM + r")\b(?P<range>\s*(?:-|to|and|&)\s*\d)?")
AT_MONTHS = WordRegex(r"\bat\s+(?P<num3>\d{1,2})\s+months\b")
COMMA_AGE = re.compile(r",(?<=[a-z],)\s*(?P<num4>\d{1,2})\s*,(?!\s*\d)")
YO_AGE = re.compile(r"(?P<num5>\d(?<![\d.]\d)\d?)\s?(?:yo|y/o)\b")
AGE_FOLLOW_UNITS = frozenset(
    """per percent times minutes mins hours hrs days weeks months miles points pounds quid grand
    million thousand hundred of out am pm o'clock p pence kg lbs stone children kids people pupils
    schools families cases years social workers councils places sessions appointments visits
    referrals staff others more less too th st nd rd""".split()
)
YEAR_GROUP = WordRegex(
    r"\b(?:year|yr|y)\s?(?P<n>1[0-3]|[1-9])\b(?!\s*(?:-|to|/)\s*\d)(?P<tail>\s+[a-z]+)?"
)
SCOTTISH_YEAR = re.compile(
    r"(?:in\s+(?P<sc>[ps][1-7])\b|(?P<sc2>[ps](?<![\w][ps])[1-7])\s+(?=girl|boy|pupil|class|kid|child))(?P<tail>\s+[a-z]+)?"
)
RECEPTION = re.compile(
    r"(?:in\s+(?P<rec>reception)\b|(?P<rec2>reception)\s+(?=class|kid|child|pupil|boy|girl))(?P<tail>\s+[a-z]+)?"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATE_GATE = re.compile(r"born|birth|dob|d\.o\.b|hearing|court|ifh|fhdra")
DATE = WordRegex(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
    + r"\b(?:,?\s+(?:19|20)\d{2})?|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{2})?)"
)
BIRTH_WORD = re.compile(r"\b(?:born|birth|dob|d\.o\.b|date\s+of\s+birth|birthday)\b")
BORN_YEAR = WordRegex(r"\b(?:born|dob:?)\s+(?:in\s+)?(?P<date>(?:" + _MONTH + r"\s+)?(?:19|20)\d{2})\b")
HEARING_WORD = re.compile(
    r"\b(?:hearing|court\s+date|final\s+hearing|directions\s+hearing|ifh|fhdra|court\s+on|in\s+court|"
    r"before\s+the\s+judge|family\s+court)\b"
)
HEARING_WHEN = WordRegex(
    r"\b(?:hearing|court\s+date|in\s+court|at\s+court|family\s+court)\b[^.!?\n]{0,40}?\b(?P<when>next\s+"
    r"(?:week|month|monday|tuesday|wednesday|thursday|friday)|on\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday)|tomorrow|this\s+(?:week|friday|thursday|monday|tuesday|wednesday))\b"
)

# --- places, schools, addresses -----------------------------------------------------------------
_CAPW = r"[A-Z][A-Za-z'’]*[a-z][A-Za-z'’]*"
_STREET_SUFFIX = (
    r"(?i:street|st|road|rd|avenue|ave|grove|close|lane|drive|way|crescent|place|court|gardens|"
    r"terrace|walk|row|rise|view|mews|square|parade|vale|meadows?|fields|approach|chase|croft|"
    r"heights|mount|orchard|ridge|yard|cottages|villas|green|hill|park|wynd|gate)"
)
ADDRESS = WordRegex(
    r"\b(?:(?i:flat|apartment)\s+\d{1,4}[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?,?\s+(?:" + _CAPW + r"\s+){1,3}"
    + _STREET_SUFFIX + r"\b"
)
ADDRESS_LOWER = WordRegex(
    r"\b\d{1,4}[a-z]?,?\s+(?:(?!(?:on|in|at|of|the|and|to|a)\s)[a-z]+\s+){1,2}(?:street|road|avenue|grove|close|lane|drive|crescent|"
    r"terrace|gardens|mews|way)\b"
)
LIVES_ON = re.compile(
    r"\b(?:lives?|living|lived|staying|stays)\s+(?:on|at|in)\s+(?P<street>(?:" + _CAPW + r"\s+){1,3}"
    + _STREET_SUFFIX + r")\b"
)
POSTCODE = WordRegex(r"\b(?i:[a-z]{1,2}\d[a-z\d]?\s*\d[abd-hjlnp-uw-z]{2})\b")
_SCHOOL_SUFFIX = (
    r"(?:Primary(?:\s+School|\s+Academy)?|Infants?(?:\s+School)?|Juniors?(?:\s+School)?|"
    r"Nursery(?:\s+School)?|Pre-?[Ss]chool|Academy|Grammar(?:\s+School)?|"
    r"High(?:\s+School)?(?!\s+(?:Court|Street|Road|Sheriff|Commission|Commissioner))|"
    r"Secondary(?:\s+School)?|Comprehensive(?:\s+School)?|Middle\s+School|First\s+School|"
    r"Community\s+(?:School|College|Primary)|C\.?\s?of\s?E\.?(?:\s+(?:Primary|School|Academy))?|"
    r"CE\s+(?:Primary|School|Academy|Junior|Infant)|RC\s+(?:Primary|School|High|Academy)|"
    r"Catholic\s+(?:Primary|School|High|College|Academy)|Free\s+School|Prep(?:aratory)?(?:\s+School)?|"
    r"Special\s+School|School|College(?!\s+of)|Sixth\s+Form(?:\s+College)?|Pupil\s+Referral\s+Unit|PRU|"
    r"(?i:children'?s\s+home))"
)
SCHOOL_GATE = re.compile(
    r"(?:Primary|Infant|Junior|Nursery|School|Academy|Grammar|High|Secondary|Comprehensive|College|"
    r"Sixth|PRU|Prep|CE|RC|Children'?s\s+[Hh]ome|children'?s\s+[Hh]ome|Pupil\s+Referral|Pre-?[Ss]chool)\b"
)
SCHOOL_NAME = re.compile(
    r"\b(?:(?:St|Saint)\.?\s+)?(?:" + _CAPW + r"(?:-" + _CAPW + r")?\s+){1,4}" + _SCHOOL_SUFFIX + r"\b"
)
# "Ysgol Bro Dinefwr", "Gaelscoil Mhíchíl", "Sgoil Lionacleit": the school word comes first.
CELTIC_SCHOOL = re.compile(
    r"\b(?:Ysgol|Sgoil|Scoil|Bunscoil|Gaelscoil|Gaelcholáiste|Coláiste)(?:\s+(?:Gynradd|Uwchradd|Gyfun|Feithrin|"
    r"Gymraeg|Naomh|Mhuire|an|na|y|yr))?(?:\s+" + _CAPW + r"){1,3}"
)
SAINT_SCHOOL = re.compile(
    r"\b(?:at|from|to|attends|attending|excluded\s+from|goes\s+to|pupil\s+at|started\s+at)\s+"
    r"(?P<name>St\.?\s+[A-Z][a-z]+'s)(?!\s+(?:Hospital|Church|Cathedral|Road|Street|Park|Day|Eve|Place|Square|"
    r"Primary|Academy|School|High|College|Infant|Junior|Catholic|CE|RC|C\s?of))"
)
SCHOOL_LOWER = re.compile(
    r"\b(?:at|attends|attending|to|from|goes\s+to|pupil\s+at)\s+(?P<name>(?:st\s+)?[a-z'’]+(?:\s+[a-z'’]+)?\s+"
    r"(?:primary|infants?|juniors?|academy|grammar|high\s+school|nursery))\b"
)
SCHOOL_GENERIC_WORDS = frozenset(
    """the a an his her their my our your this that new old local village same other nearby
    secondary primary special mainstream high at in to of from st saint""".split()
)
PLACEMENT_GATE = re.compile(r"(?:House|Lodge|Hall|Manor|Farm|Grange|Court|Cottage|Centre|Unit|View|Place)\b")
PLACEMENT_NAME = re.compile(
    r"\b(?:" + _CAPW + r"\s+){1,3}(?:House|Lodge|Hall|Manor|Farm|Grange|Court|Cottage|Centre|Unit|"
    r"View|Place)\b"
)
ESTATE = WordRegex(r"\b(?:the\s+)?(?:" + _CAPW + r"\s+){1,2}(?i:estate)\b")
HOSPITAL = WordRegex(r"\b(?:" + _CAPW + r"\s+){1,3}(?:Hospital|Infirmary|Children's\s+Hospital)\b")
PLACE_PREPOSITION = re.compile(r"(?:\b(?:in|from|near|at|of|around|outside|to|nr)\s+)$")
SCHOOL_GENERIC = WordRegex(
    r"\b(?:(?:his|her|their|my|our|the|a|new|village|local|same)\s+)(?:\w+\s+)?(?:school|nursery|"
    r"primary|academy|class|pru|infant\s+school|junior\s+school|college)\b"
)
SINGLE_OUT = WordRegex(
    r"(?<!not\s)\b(?:the\s+only\s+(?:one|boy|girl|child|kid|pupil|twins|\w+\s+(?:boy|girl|child|pupil|kid)|black|"
    r"white|asian|traveller|deaf|disabled)|only\s+(?:black|asian|mixed[- ]race|traveller|deaf|"
    r"disabled|autistic)\s+(?:boy|girl|child|kid|pupil))\b"
)

# --- contact details and case references --------------------------------------------------------
PHONE = re.compile(r"(?:\+(?<![\d+]\+)44[\s-]?(?:\(0\)[\s-]?)?|0(?<![\d+]0))\d(?:[\s-]?\d){8,9}(?!\d)")
HELPLINE_PREFIXES = ("0800", "0808", "0300", "0330", "0345", "0344", "0845", "0870", "0843", "0844")
EMAIL_LEFT = re.compile(r"[\w.+-]{1,64}\Z")
EMAIL_RIGHT = re.compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
HANDLE = re.compile(r"@(?<![\w@.]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})")
PLATFORM_HANDLE = WordRegex(
    r"\b(?:tiktok|tik\s+tok|snapchat|snap|insta|instagram|twitter|facebook|fb|youtube|discord|"
    r"roblox|xbox|psn|twitch)\s*(?:name|handle|username|user\s+name|account|id)?\s*(?:is|:|as|=)\s*"
    r"(?P<handle>@?[a-z0-9_.]{3,30})\b"
)
COURT_CASE_NO = WordRegex(r"\b[A-Z]{2}\d{2}[A-Z]\d{4,6}\b")
CASE_NUMBER = WordRegex(
    r"\b(?:case|claim|court|file|reference|ref)\s*(?:no\.?|number|num|ref(?:erence)?|#)?\s*[:#.]?\s*"
    r"(?P<ref>[a-z]{0,4}\d[a-z0-9/-]{3,20})\b"
)
NAMED_CASE = WordRegex(r"\bthe\s+(?:" + _CAPW + r"\s+){1,2}case\b")

# --- generic talk about children (weakens links) -----------------------------------------------
GENERIC_PLURAL = WordRegex(
    r"\b(?:" + trie_regex(
        ["children", "kids", "pupils", "students", "young people", "youngsters", "teenagers", "teens",
         "adolescents", "babies", "toddlers", "families", "minors", "care leavers", "every child",
         "any child", "each child", "no child", "every young person", "any young person",
         "every pupil", "any pupil", "every kid", "any kid"]
    ) + r")\b(?!['’])"
)
GENERIC_STRUCT = WordRegex(
    r"\b(?:under-?\d{1,2}s|(?:a|any)\s+(?:\w+\s+)?(?:child|kid)\s+(?:with|who|in)|"
    r"(?:if|when|where|whether)\s+a\s+(?:child|young\s+person|pupil|kid|baby))\b"
)
PRONOUN = WordRegex(r"\b(?:he|she|him|his|her|hers|he's|she's|himself|herself)\b")
# Same matches as `[.!?]["')\]]*\s+|\n\s*`, written to start with one character class so that
# the engine skips ahead to candidate characters instead of trying both branches everywhere.
SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=[.!?])[\"')\]]*\s+|(?<=\n)\s*)")
