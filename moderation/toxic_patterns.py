"""All toxicity recognisers with their pre-filters, plus the reported-speech and negation cues."""

from __future__ import annotations

import re
from dataclasses import replace

from moderation import tox_colloquial, tox_identity, tox_insults, tox_threats, tox_veiled
from moderation.tox_lexicon import IDENTITY_ADJS, INSULT_ADJS
from moderation.tox_rules import ADJ_TRIG, NOUN_TRIG, PROFILES, SPAN_LABEL, Rule

__all__ = ["NEGATED", "PROFILES", "REPORTED", "REPORTED_AFTER", "REPORTED_EVENT", "RULES",
           "SPAN_LABEL", "Rule"]

# Pre-filters: a rule runs only when one of its trigger words and one of these is present, so
# the common case (a clean comment) costs set look-ups rather than regex scans.
_YOU_WORDS = frozenset({"you", "u", "ya", "ye", "yer", "youse", "yous", "thee", "ur", "youre",
                        "your"})
_I_WORDS = frozenset({"i", "we", "id", "ill", "im", "ive"})
_MODALS = frozenset({"should", "ought", "need", "needs", "must", "gotta", "want", "wanna",
                     "could", "deserve", "deserves", "shouldve"})
_HARM_WORDS = frozenset(
    "burn torch firebomb bomb shoot kill stab hang lynch strung beat batter attack smash hunt "
    "glass kneecap petrol fire acid visit lesson teach slash tyres key dragged paraded kicking "
    "beating hiding slap punch kick smack "
    "deck thump shot hanged hung strung lynched killed burned burnt put executed gassed "
    "castrated beaten stabbed tortured flogged whipped sterilised sterilized exterminated wiped "
    "alive quartered die suffer rot drowned aborted strangled smothered culled neutered stoned "
    "beheaded kneecapped dragged road hit bus sectioned".split())
_WISH_HARM = frozenset(
    "cancer run raped attacked beaten stabbed shot killed robbed mugged burgled coming taken "
    "sacked hurt battered same taste comeuppance deserts dies die rot rots burn burns suffer "
    "suffers fire dead slowly painful horrible slow robs hurts attacks beats stabs kills shoots "
    "rapes batters does alive death hell ditch hole lose loses lost abused torched firebombed "
    "burned burnt kicked smashed".split())


def _inflect(words: frozenset[str]) -> frozenset[str]:
    # Verbs are searched with their endings ("lamped", "batters"), so trigger on those too.
    out = set(words)
    for w in words:
        out.update({w + "s", w + "es", w + "ed", w + "d", w + "ing", w + w[-1] + "ed",
                    w + w[-1] + "ing", w[:-1] + "ing"})
    return frozenset(out)


_ALSO: dict[str, frozenset[str]] = {
    "you_noun": _YOU_WORDS, "you_are_noun": _YOU_WORDS, "you_are_weak_noun": _YOU_WORDS,
    "you_are_adj": _YOU_WORDS, "are_you_adj": frozenset({"are"}),
    "you_all_are": NOUN_TRIG | ADJ_TRIG,
    "i_will_violence": _I_WORDS, "i_will_get": _I_WORDS, "sexual_intent": _I_WORDS,
    "make_pay": frozenset({"pay", "suffer", "bleed", "regret", "sorry", "wish", "born"}),
    "sexual_offer": frozenset(
        "shag quickie bonk fuck root blowie blowjob threesome babe baby sexy hun gorgeous darling "
        "sweetheart more pic pics photo photos selfie".split()),
    "veiled_threat": _YOU_WORDS | frozenset({"your", "her", "him", "them", "his", "herself",
                                             "himself", "yourself", "themselves", "she", "he",
                                             "they", "regret", "pay"}),
    "sexual_do": frozenset({"i", "id", "would"}),
    "doing_time": _inflect(_HARM_WORDS) | frozenset({"time", "stretch", "porridge", "lose",
                                                     "foad"}),
    "doxx": frozenset({"address", "number", "details", "likes", "like", "enjoys", "enjoy"}),
    "you_disgust": frozenset({"me", "without", "idiot", "idiots", "troll", "trolls", "moron",
                              "morons", "clown", "clowns", "nutter", "halfwit", "fruitcake",
                              "river", "hoo", "boohoo", "harder", "diddums", "snowflake",
                              "lefty", "leftie", "gammon", "karen"}),
    "in_bed": frozenset({"fit", "hot", "sexy", "peng", "tidy", "milf", "gagging", "bed"}),
    "know_which": frozenset({"kids", "children", "son", "daughter", "family", "wife", "husband",
                             "partner", "kid", "boy", "girl", "lad", "one", "ones", "baby",
                             "grandkids", "kiddies", "youngest", "eldest"}),
    "wants_shooting": frozenset(
        "shooting stringing hanging bullet putting kneecapping burning stabbing strangling "
        "drowning flogging birching castrating kicking hiding beating lynching gassing topping "
        "taking doing sorting seeing "
        "town area country village estate feathered".split()),
    "what_a": NOUN_TRIG | frozenset({"man", "woman", "person", "creature", "individual",
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
        "beaters abusers drunks alcoholics junkies druggies addicts badly home born breeding "
        "taken illegal outlawed treated bleeding bleed sponging milking know raise parent normal "
        "look bring feminazis haters hating snowflakes groomers predators more less violent "
        "criminal aggressive intelligent keep value respect bother seekers fad delusional robots "
        "ruin ruining ruins brats spoilt spoiled love feed protect inbred cousins marrying marry "
        "speak "
        "confused mentally money cash handouts bringing hags harpies witches slags sluts whores "
        "bitches leeches half most all".split()),
    "against_group": frozenset({"ban", "banning", "deport", "deporting", "rid", "send", "kick",
                                "ship", "throw", "lock", "drive", "chase", "shove", "put", "belong",
                                "round", "exterminate", "gas", "hate", "hang", "shoot", "burn",
                                "more"}),
}
_FIRST_WORDS_OF_ADJS = frozenset(re.findall(r"[a-z]+", w)[0] for w in INSULT_ADJS)
_BEATINGS = frozenset("slap smack kicking hiding beating slapping thump pasting battering shoeing "
                      "doing good punch clout thrashing".split())
_ALSO.update({
    "regional_slur": frozenset(
        "taff taffs taffy taffies jock jocks paddy paddies mick micks polack polacks polak polaks "
        "kraut krauts eyetie eyeties dago dagos scouser scousers scouse brummie brummies geordie "
        "geordies".split()),
    "little_thug": frozenset(
        "rat thug scrote toerag shit git runt oik yob scumbag thief cretin weasel turd bitch cow "
        "bastard sod swine madam brat chav rats thugs scrotes toerags gits runts oiks yobs "
        "scumbags cretins weasels turds bitches cows bastards sods brats chavs".split()),
    "sort_out": frozenset({"out", "in", "over", "proper"}),
    "know_stalk": frozenset({"where", "what", "about", "address"}),
    "nudge_wink": frozenset({"mean", "wink", "nudge"}),
    # Every branch of the slang self-harm rule needs one of these.
    "unalive": frozenset("unalive yourself urself yourselves selves self pier way favour favor "
                         "bridge cliff building roof tower storey multi".split()),
    "give_beating": _BEATINGS,
    "wish_violence": _BEATINGS | frozenset(
        "smirk grin look head teeth down should tear sleep mind care complain brick petrol".split()),
    # Every match names the office (or "chief exec"); most texts with an insult noun do not.
    "office_is_noun": frozenset(
        "minister ministers mp mps councillor councillors head heads judge judges secretary "
        "secretarys pm pms director directors chief leader leaders mayor mayors".split()),
    # Each branch needs one of these whole words ("... like you", "nobody cares", "imagine
    # being", "too stupid to", "you're so thick to").
    "like_you": frozenset({"like", "cares", "asked", "wants", "imagine", "too", "so"}),
    # Matches open with an identity adjective, an intensifier or "<noun> you are".
    "identity_insult": frozenset(IDENTITY_ADJS),
    "mod_noun": frozenset(
        "absolute complete total utter fucking fuckin effing bloody proper massive right pathetic "
        "useless stupid thick wee you u ya ye".split()),
    "you_adj_vocative": frozenset({"you", "u", "ya", "ye"}),
    # An insult adjective opens the match: its first word ("two-faced" -> "two") is there.
    "adj_noun": _FIRST_WORDS_OF_ADJS,
    "adj_weak_noun": _FIRST_WORDS_OF_ADJS,
    "you_are_listed_noun": _YOU_WORDS,
    "you_are_so_adj": frozenset({"so", "such", "really", "very", "that", "too"}),
    "veiled_fate": frozenset({"like", "likes", "accident", "accidents", "shame", "pity",
                              "careful", "back"}),
    "proxy_violence": frozenset({"know", "have", "got"}),
    "drown": frozenset({"i", "we", "someone", "somebody"}),
    "doxx_where": frozenset({"where"}),
    "stalk_invite": frozenset({"lives", "drives", "parks", "leaves", "address", "street", "house",
                               "walks", "finishes", "gets"}),
    "no_tear": frozenset({"if"}),
    "string_up": frozenset({"up"}),
    "show_us": frozenset("hun hon babe baby love luv darling sweetheart gorgeous sexy beautiful "
                         "princess doll got have".split()),
    "come_round": frozenset({"night", "tonight", "bed", "place", "room"}),
})
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
    "make_pay": frozenset({"make", "regret"}),
    "doing_time": frozenset({"time", "stretch", "porridge", "someone", "somebody", "anyone",
                             "anybody", "deserve", "deserves", "foad"}),
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
        "world traffic motorway jump end better kill neck hang top slit rope pills swallow "
        "drink".split()),
    "sexual_do": frozenset({"do", "smash", "shag", "bang", "hit", "tap"}),
    "sexual_demand": frozenset(
        "nudes nude naked pics tits boobs arse ass pussy knickers nipples lap cock dick balls "
        "kit rack shag lay ride bed swallows wet shaggable fuckable doable gagging phwoar phwoarr "
        "phwoaar kick milf sexy hot fit bum body face legs pins figure goer freak post share "
        "show upload bend send".split()),
    "dismissal": frozenset(
        "shut shutup stfu gtfo yours eat suck kiss hell stuffed fucked fuck bent jog crawl do "
        "bridge kitchen cry rock hole shove stick ram stuff dicks keep carry try happens".split()),
}


for _name in ("i_will_violence", "i_will_get", "imperative_violence"):
    if _name in _TRIGGERS:
        _TRIGGERS[_name] = _inflect(_TRIGGERS[_name])
_ALSO["incitement"] = _ALSO["should_be_harmed"] = _inflect(_HARM_WORDS)

# How far a match can reach before and after its trigger word, per rule (default 170 each
# way): single-word rules need only the word, noun-final rules little after the noun, and
# group rules start at the group word and run on after it.
_WORD_ONLY = (2, 20)
_WINDOWS: dict[str, tuple[int, int]] = {
    **dict.fromkeys(("epithet", "slur", "soft_slur", "scum"), _WORD_ONLY),
    **dict.fromkeys(("you_noun", "vocative", "mod_noun", "adj_noun", "adj_weak_noun",
                     "identity_insult"), (70, 30)),
    **dict.fromkeys(("you_are_noun", "you_are_weak_noun", "subject_is_noun", "person_is_noun"),
                    (120, 30)),
    "only_a": (70, 50), "like_you": (80, 60), "you_disgust": (60, 60), "doxx": (60, 80),
    **dict.fromkeys(("bad_human", "stacked_adjs", "adj_list", "you_are_adj", "are_you_adj",
                     "you_all_are"), (70, 70)),
    **dict.fromkeys(("self_harm", "sexual_offer", "sexual_demand", "dismissal"), (70, 90)),
    "veiled_threat": (90, 110), "this_adj_person": (60, 50), "office_is_noun": (140, 30),
    "tail_vocative": (40, 20), "why_let": (10, 140), "another_idiot": (5, 60), "sexual_remark": (70, 60),
    "superlative": (70, 70),
    "group_negative": (20, 200), "identity_neg_noun": (20, 120),
    "regional_slur": (2, 40), "little_thug": (2, 30), "sort_out": (60, 70),
    "give_beating": (5, 90), "wish_violence": (80, 130), "getting_visit": (70, 90),
    "threat_phrase": (70, 90), "know_stalk": (70, 110),
    "body_wink": (80, 80), "nudge_wink": (20, 130),
    "like_you_people": (30, 90), "innuendo_wink": (80, 90), "unalive": (60, 110),
    "weak_vocative": (30, 20), "you_are_listed_noun": (140, 30), "you_are_so_adj": (70, 70),
    "accuse_abuser": (140, 40), "bender": (60, 60), "is_vermin": (140, 30), "on_knees": (90, 20),
    "show_us": (120, 120), "come_round": (120, 110), "pay_visit": (140, 150),
    "veiled_fate": (140, 80), "proxy_violence": (110, 30), "string_up": (10, 120),
    "drown": (140, 20), "hope_choke": (60, 20), "masked_slur": (24, 24),
    "doxx_where": (120, 20), "stalk_invite": (200, 120),
    "vigilante": (140, 20), "no_tear": (200, 140), "breed_like": (60, 60),
    "wouldnt_piss": (60, 80), "condescend": (40, 60),
}
RULES: tuple[Rule, ...] = tuple(
    replace(r, triggers=_TRIGGERS.get(r.name, r.triggers), also=_ALSO.get(r.name, frozenset()),
            before=_WINDOWS.get(r.name, (170, 170))[0], after=_WINDOWS.get(r.name, (170, 170))[1])
    for r in (*tox_insults.RULES, *tox_threats.RULES, *tox_identity.RULES,
              *tox_colloquial.RULES, *tox_veiled.RULES)
)
ALL_TRIGGERS: frozenset[str] = frozenset().union(*(r.triggers for r in RULES))

# Reported speech: "he called me a liar", "was told I was a retard", "the word 'paki'".
REPORTED = re.compile(
    r"(?:\b(?:(?<!so-)(?<!so\s)call(?:ed|ing|s)?|branded|labell?ed|described\s+as|name[\s-]?call\w*|"
    r"told\s+(?:me|him|her|us|them)\s+(?:i|he|she|we|they)\s+(?:was|were|am|is|are)|"
    r"said\s+(?:i|he|she|we|they)\s+(?:was|were|is|am|are)|accused\s+(?:me|him|her|us|them)?"
    r"\s*of\s+being|the\s+word|words?\s+like|terms?\s+like|such\s+as|slurs?|shouted|"
    r"shouting|scream\w*|chant\w*|abuse\s+like|insults?\s+like|phrases?\s+like)|[\"“‘])"
    r"\s*[^.!?]{0,30}$"
)
# Abuse reported as evidence ("he threatened to burn the house down", "the court heard"):
# weakens every rule, threats included.
REPORTED_EVENT = re.compile(
    r"(?:\bthreaten\w*\s+to|\b(?:he|she|they|the\s+\w+)\s+(?:said|told\s+\w+|wrote|texted|"
    r"shouted|screamed)\s+(?:that\s+)?(?:he|she|they)\s+(?:would|'d|was\s+going\s+to)|"
    r"\b(?:court|jury|inquiry|tribunal|panel)\s+(?:heard|was\s+told)|\bconvicted\s+of|"
    r"\btold\s+(?:me|him|her|them|us|kids|children|pupils|young\s+people)\s+to|"
    r"\bjailed\s+for|\bcharged\s+with)[^.!?]{0,60}$"
)
REPORTED_AFTER = re.compile(
    r"[^.!?]{0,60}?(?:\bthe\s+(?:court|jury|inquiry|tribunal|hearing|panel)\s+(?:heard|was\s+told)|"
    r"\b(?:he|she|they)\s+(?:told|wrote\s+to|texted)\s+(?:the|her|him|police))"
)
NEGATED = re.compile(r"(?:\bnot|n't|n’t|\bnever|\bno\s+one\s+is|\bnobody\s+is)\s+(?:\w+\s+)?$")
