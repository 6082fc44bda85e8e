"""Word lists for the embedded toxicity recognisers (insults, slurs, groups, profanity)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Nouns that are insults when aimed at a person ("you idiot", "the writer is a liar").
INSULT_NOUNS: tuple[str, ...] = (
    "idiot", "moron", "imbecile", "cretin", "fool", "liar", "cow", "bitch", "troll", "scum",
    "scumbag", "cunt", "twat", "prick", "dickhead", "dick", "wanker", "tosser", "pillock",
    "plonker", "muppet", "clown", "numpty", "loser", "jerk", "bastard", "arsehole", "asshole",
    "arse", "slag", "slut", "whore", "hag", "sket", "pig", "parasite", "vermin", "leech", "nonce",
    "paedo", "pedo", "paedophile", "pedophile", "pervert", "perv", "psycho", "lunatic", "freak",
    "halfwit", "dimwit", "dunce", "simpleton", "buffoon", "bellend", "knobhead", "knob", "git",
    "witch", "harpy", "retard", "spastic", "spaz", "mong", "degenerate", "lowlife", "rat",
    "snake", "worm", "maggot", "cockroach", "thicko", "dumbass", "dipshit", "fuckwit",
    "shithead", "douchebag", "douche", "berk", "prat", "gobshite", "bint", "slapper", "skank",
    "trollop", "nutter", "nutjob", "weirdo", "creep", "sicko", "sleazebag", "troglodyte",
    "neanderthal", "motherfucker", "fucker", "cocksucker", "shit", "sod", "dog", "mutt",
    "hypocrite", "coward", "fraud", "disgrace", "waste of space", "waste of oxygen",
    "waste of skin", "excuse for a human being", "excuse for a human", "piece of shit",
    "piece of garbage", "piece of trash", "sack of shit", "bag of shit", "sack of crap",
    "bag of shite", "sack of shite", "pond life", "scrounger", "sponger",
    "snowflake", "unfit mother", "unfit father", "unfit parent", "joke",
    "monkey", "ape", "baboon", "animal", "savage", "thug", "chav", "scrote", "incel", "hack",
    "crackhead", "junkie", "smackhead", "tramp", "cockwomble", "wazzock", "melt", "weapon",
    "minger", "munter", "fanny", "walloper", "bawbag", "eejit", "plank", "div", "pleb",
    "nobhead", "knobend", "bellend", "nob head", "knob head", "bell end", "dick head",
    "jobsworth", "gobshite", "grifter", "shill", "bimbo",
    "airhead", "harridan", "shrew", "battleaxe", "old bag", "hussy", "tart", "floozy",
    "tool", "sheep", "puppet", "lapdog", "stooge", "leech", "cuck", "simp", "dog", "mare",
    "twit", "nitwit", "wally", "dipstick", "turd", "twerp", "imbecile", "halfwit", "oaf", "lump",
    "gimp", "spanner", "pillock", "weasel", "fud",
    "bampot", "dafty", "hitler", "little hitler", "nazi", "loner", "virgin", "jackass", "nutcase",
    "psychopath", "sociopath", "fuckhead", "fucktard", "douchebag", "fruitcake", "crank",
    "headcase", "wacko", "loon", "loony", "professional victim", "attention seeker",
    "drama queen", "crybaby", "cry baby", "moaning minnie", "fantasist", "windbag", "tyrant",
    "gasbag", "blowhard", "busybody", "crone", "gargoyle", "bottom feeder", "bottom-feeder",
    "narcissist", "child abuser", "embarrassment", "waste of a salary", "waste of air",
    "snob", "child snatcher",
    "baby snatcher", "kidnapper", "zombie",
)
# Nouns whose sting depends on context: weaker when not aimed at "you".
WEAK_NOUNS: frozenset[str] = frozenset(
    {"hypocrite", "coward", "fraud", "disgrace", "joke", "snowflake", "dog", "rat", "snake",
     "worm", "git", "sod", "fool", "clown", "muppet", "arse",
     "shit", "witch", "scrounger", "sponger", "creep", "weirdo", "liar", "pig", "knob", "dick",
     "hack", "animal", "savage", "melt", "weapon", "plank", "tool", "sheep", "puppet",
     "lapdog", "stooge", "bag", "tart", "jobsworth", "shill", "grifter", "pleb", "tramp",
     "div", "thug", "chav", "embarrassment", "monkey", "nazi", "loner", "virgin", "mare", "twit",
     "wally", "dipstick", "twerp"}
)
# Epithets that are abusive wherever they appear, target or not.
EPITHETS: tuple[str, ...] = (
    "cunt", "twat", "bitch", "whore", "slut", "slag", "wanker", "dickhead", "bellend", "nonce",
    "skank", "motherfucker", "fuckwit", "cocksucker", "knobhead", "shithead", "dipshit",
    "scumbag", "slapper", "gobshite", "fucker", "tosser", "arsehole", "asshole", "dumbass",
    "prick", "pricks", "shit for brains", "shit-for-brains",
)
# Adjectives that make an insult when aimed at a person ("you are pathetic").
INSULT_ADJS: tuple[str, ...] = (
    "stupid", "thick", "dumb", "brainless", "pathetic", "worthless", "retarded", "moronic",
    "idiotic", "ugly", "vile", "disgusting", "repulsive", "scummy", "spineless", "gutless",
    "braindead", "brain dead", "gormless", "useless", "incompetent", "lying", "two faced",
    "two-faced", "despicable", "twisted", "hateful", "rancid", "dense", "ignorant", "evil",
    "sick", "deluded", "clueless", "senile", "mental", "deranged", "delusional", "psychotic",
    "pig ignorant", "thick as shit", "nasty", "smelly", "fat", "dozy", "dim", "daft", "dopey",
    "insane", "unhinged", "rotten", "sad", "shameless", "heartless", "cruel", "corrupt",
    "filthy", "dirty", "lazy", "worthless", "cowardly", "sadistic", "perverted", "obnoxious",
    "arrogant", "smug", "ridiculous", "laughable", "manipulative", "pompous", "sadistic",
    "vindictive", "malicious", "deceitful", "conniving", "slimy", "insufferable", "narcissistic",
    "feral", "thieving", "scrounging",
    "grasping", "scheming", "vile", "disgusting", "horrible", "hideous", "repugnant",
    "contemptible", "loathsome", "odious", "gobby", "mouthy", "bitter", "jealous", "miserable",
    "nasty", "spiteful", "poisonous", "toxic", "demented", "bonkers", "barmy", "crackpot",
    "simple minded", "dimwitted", "half witted", "pea brained", "thick skulled", "inbred",
    "greedy", "money grabbing", "money-grabbing", "brainwashed", "gullible", "failed",
    "illiterate",
)
# Adjectives strong enough to count as an insult on their own after "you are".
STRONG_ADJS: frozenset[str] = frozenset(
    {"stupid", "thick", "dumb", "brainless", "pathetic", "worthless", "retarded", "moronic",
     "idiotic", "ugly", "vile", "disgusting", "repulsive", "scummy", "spineless", "gutless",
     "braindead", "brain dead", "gormless", "useless", "despicable", "twisted", "hateful",
     "rancid", "dense", "evil", "sick", "deranged", "psychotic", "pig ignorant", "thick as shit",
     "nasty", "smelly", "fat", "dozy", "unhinged", "sadistic", "perverted", "obnoxious",
     "ignorant", "deluded", "delusional", "clueless", "lying", "two faced", "two-faced",
     "shameless", "heartless", "filthy", "insane", "mental", "senile", "incompetent",
     "inbred", "pea brained", "dimwitted", "half witted", "simple minded", "hideous", "feral",
     "repugnant", "contemptible", "loathsome", "odious", "demented", "lazy"}
)
# Fillers allowed between an insult adjective and its noun ("absolute", "sad little").
MODIFIERS: tuple[str, ...] = (
    "absolute", "complete", "total", "utter", "proper", "right", "real", "bloody", "fucking",
    "fuckin", "effing", "flipping", "frigging", "bleeding", "massive", "big", "little", "old",
    "silly", "pompous", "jumped up", "jumped-up", "self righteous", "self-righteous",
    "sanctimonious", "typical", "miserable", "nasty", "horrible", "dirty", "ignorant",
    "stuck up", "stuck-up", "arrogant", "smug", "lazy", "fat", "ugly", "pathetic", "stupid",
    "useless", "thick", "vile", "sad", "lying", "evil", "sick", "twisted", "spiteful", "poisonous",
    "interfering", "nosy", "bitter", "jealous", "wee", "manipulative", "pompous", "sadistic",
    "vindictive", "malicious", "deceitful", "dishonest", "conniving", "sneaky", "slimy", "smarmy",
    "condescending", "patronising", "self-important", "insufferable", "grotesque", "wretched",
    "entitled", "controlling", "narcissistic", "psychotic", "unhinged", "vicious", "cruel",
    "dried up", "dried-up", "washed up",
    "washed-up", "wrinkled", "frigid", "has-been", "sour", "saggy", "demented", "deluded", "dumb", "brainless",
    "worthless", "moronic", "idiotic", "retarded", "disgusting", "filthy", "gormless", "dozy",
    "smelly", "scummy", "heartless", "corrupt", "incompetent", "fraudulent", "psychotic",
    "unfit", "deranged", "rancid", "snivelling", "whining", "whinging", "mouthy", "gobby",
    "creepy", "sleazy", "pervy", "blonde", "blond", "shameless", "two faced", "two-faced", "cowardly", "spineless",
    "feral", "thieving", "scrounging", "grasping", "scheming", "hideous", "inbred", "braindead",
    "brain dead", "gobby", "mouthy", "toxic", "entitled", "whiny", "whingeing", "bone idle",
    "dim", "dozy", "daft", "clueless", "senile", "autistic", "retarded", "tory", "lefty",
    "woke", "scummy", "jumped up little", "overpaid", "useless", "illiterate",
)
# Identity adjectives that turn an insult into an attack on a group ("autistic freak").
IDENTITY_ADJS: tuple[str, ...] = (
    "black", "white", "asian", "paki", "muslim", "jewish", "jew", "gay", "lesbian", "queer",
    "trans", "tranny", "disabled", "autistic", "spastic", "retarded", "downs", "polish",
    "romanian", "gypsy", "gyppo", "pikey", "traveller", "foreign", "immigrant", "migrant",
    "chinese", "indian", "african", "arab", "hindu", "sikh", "catholic", "irish", "scottish",
    "welsh", "deaf", "blind", "mongoloid", "romany", "albanian", "nigerian", "somali",
    "pakistani", "bangladeshi", "islamic", "lezza", "lesbo", "homo",
)
# Slurs: attacks on a protected characteristic wherever they appear.
SLURS: tuple[str, ...] = (
    "nigger", "nigga", "niggers", "niggas", "negroes", "coon", "coons", "wog", "wogs", "paki",
    "pakis", "gyppo", "gyppos", "gippo", "gippos", "pikey", "pikeys", "kike", "kikes", "yid",
    "yids", "chink", "chinks", "spic", "spics", "raghead", "ragheads", "towelhead",
    "towelheads", "faggot", "faggots", "fag", "fags", "poof", "poofs", "poofter", "poofters",
    "dyke", "dykes", "tranny", "trannies", "shemale", "shemales", "retard", "retards",
    "retarded", "spastic", "spastics", "spaz", "mong", "mongs", "mongoloid", "darkie",
    "darkies", "golliwog", "sambo", "half caste", "half-caste", "muzzie", "muzzies", "muzzrat",
    "jihadi scum", "bogtrotter", "bog trotter", "gook", "gooks", "slant eye", "slanty",
    "jungle bunny", "porch monkey", "sandnigger", "camel jockey", "carpet muncher",
    "batty boy", "bum boy", "shirtlifter", "shirt lifter", "ladyboy", "gimp",
    "sheepshagger", "sheep shagger", "sheepshaggers", "sheep shaggers", "gypo", "gypos",
    "pikies", "jigaboo", "zipperhead", "wetback", "beaner", "kaffir", "golliwogs", "muzrat",
    "lezza", "lezzer", "lesbo", "homo", "homos", "trannie", "chinky", "chinkies",
    "jungle bunnies",
)
# Disability words that are insults rather than hate on their own: identity score is lower.
SOFT_SLURS: frozenset[str] = frozenset(
    {"retard", "retards", "retarded", "spastic", "spastics", "spaz", "mong", "mongs", "gimp"}
)
# Groups defined by a protected characteristic (plural forms, as in generalisations).
PROTECTED_GROUPS: tuple[str, ...] = (
    "gypsies", "gipsies", "gypsys", "travellers", "travelers", "roma", "romanies", "jews",
    "muslims", "moslems", "islamists", "immigrants", "migrants", "illegals", "asylum seekers",
    "refugees", "foreigners", "blacks", "whites", "asians", "pakistanis", "bangladeshis",
    "somalis", "nigerians", "poles", "romanians", "bulgarians", "albanians", "africans", "arabs",
    "indians", "chinese", "gays", "lesbians", "homosexuals", "queers", "bisexuals",
    "transgenders", "transsexuals", "trannies", "trans", "women", "females", "female", "feminists",
    "disabled", "cripples", "autistics", "catholics", "christians", "hindus", "sikhs", "irish",
    "scots", "welsh", "eastern europeans", "lgbt", "lgbtq", "lgbtq+", "queer",
    "men", "males", "blind", "deaf", "the disabled", "jewish", "muslim", "black", "gay",
    "wheelchair users", "disabled people", "deaf people", "blind people", "autistic people",
    "people with autism", "people with down syndrome", "down's", "downs", "downies",
    "people with learning disabilities", "mentally ill people", "the mentally ill", "pensioners",
    "asylum-seekers", "economic migrants", "boat people",
    "the gays", "the trans", "trans women", "trans men", "the jews",
    "lesbian", "transgender", "immigrant", "migrant", "foreign", "asian", "african", "polish",
    "romanian", "albanian", "traveller", "gypsy", "pakistani", "islamic", "somali", "arab",
    "hindu", "sikh", "catholic", "christian", "disabled", "autistic", "bisexual", "homosexual",
    # Regional and national nicknames used for whole peoples ("Taffs are all inbred").
    "taffs", "jocks", "paddies", "scousers", "brummies", "geordies", "pikeys", "polacks",
)
# Nouns that turn an identity adjective into a group ("gay couples", "muslim families").
GROUP_HEADS: tuple[str, ...] = (
    "people", "men", "women", "couples", "parents", "families", "folk", "folks", "kids",
    "children", "carers", "foster carers", "adopters", "lads", "girls", "boys", "lot", "types",
    "communities", "community", "mums", "dads", "mothers", "fathers", "teachers", "workers",
    "social workers", "staff", "ones", "kids", "pupils", "children", "families", "lads",
    "teenagers", "youths", "gangs", "men", "blokes", "users", "parents", "households",
)
# Whole-word profanity, strong and mild (mild words are common in legitimate anger).
STRONG_PROFANITY: tuple[str, ...] = (
    "fuck", "fucks", "fucking", "fuckin", "fucked", "fucker", "fuckers", "fuk", "fukin",
    "fucken", "effing", "shit", "shits", "shite", "shitty", "shitting", "bullshit", "cunt",
    "cunts", "twat", "twats", "wank", "wanker", "wankers", "wanking", "motherfucker",
    "motherfucking", "cock", "cocks", "cocksucker", "bollocks", "arsehole", "arseholes",
    "asshole", "assholes", "bitch", "bitches", "bastard", "bastards", "dickhead", "prick",
    "pricks", "pussy", "tits", "piss", "pissed", "pissing", "shag", "shagging", "jizz", "spunk",
)
MILD_PROFANITY: tuple[str, ...] = (
    "bloody", "damn", "damned", "dammit", "hell", "crap", "crappy", "sod", "bugger", "arse",
    "rubbish", "bollocks", "git", "bleeding", "frigging", "flipping", "feck", "feckin", "sodding",
    "piss", "pissed", "balls", "bum", "naff", "tosh", "twaddle", "cobblers", "ass",
)
# Words the recognisers never fire without; texts lacking all of them skip the regexes.
THREAT_WORDS: tuple[str, ...] = (
    "kill", "murder", "hurt", "stab", "shoot", "strangle", "batter", "beat", "punch", "smash",
    "slap", "knock", "kick", "burn", "torch", "bury", "end", "hunt", "track", "find", "get",
    "come", "coming", "visit", "know", "pay", "suffer", "regret", "sorry", "watch", "warned",
    "days", "waiting", "watching", "accidents", "shame", "firebomb", "bomb", "hang", "lynch",
    "string", "attack", "shot", "hanged", "hung", "killed", "burned", "burnt", "executed",
    "gassed", "castrated", "beaten", "stabbed", "tortured", "raped", "die", "dies", "dead",
    "rot", "drown", "choke", "rape", "inside", "petrol", "glass", "kneecap", "strung", "lynched",
    "put", "deserve", "deserves", "hope", "wish", "blow", "cut", "throat", "neck", "eye",
    "suffer", "suffers", "fire", "address", "dox", "doxx", "set", "wall", "flogged", "whipped",
    "hanging", "sterilised", "sterilized", "gas", "exterminate", "wipe", "cancer", "run",
)
SELF_HARM_WORDS: tuple[str, ...] = (
    "kys", "kill", "die", "hang", "top", "neck", "end", "slit", "wrists", "bleach", "jump",
    "miss", "better", "favour", "favor", "yourself", "urself", "yourselves", "off", "rope",
)
SEX_WORDS: tuple[str, ...] = (
    "shag", "fuck", "bang", "screw", "smash", "rape", "raped", "grope", "finger", "lick", "ride",
    "bend", "do", "nudes", "nude", "naked", "tits", "boobs", "arse", "ass", "pussy", "body",
    "bum", "knickers", "sit", "suck", "rack", "legs", "lay", "bed", "swallows", "wet", "dick",
    "cock", "pics", "pictures", "photos", "sexy", "hot", "horny", "fit", "spank", "spread",
)


def _char(c: str) -> str:
    if c == " ":
        return r"[\s-]+"
    if c == "-":
        return r"[\s-]?"
    return re.escape(c)


def _trie_regex(trie: dict[str, dict], depth: int = 0) -> str:
    # A trie-shaped alternation: the regex engine rejects a word after its first letters
    # instead of trying every word of the list in turn (several times faster on long lists).
    end = "" in trie
    branches = [_char(c) + _trie_regex(sub, depth + 1) for c, sub in sorted(trie.items()) if c]
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


def alt(words: Iterable[str], plural: bool = False) -> str:
    """A regex alternation of words (as a trie), optionally allowing a plural ending."""
    trie: dict[str, dict] = {}
    for w in set(words):
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    inner = _trie_regex(trie)
    if plural:
        return rf"(?:{inner}(?:e?s)?)"
    return rf"(?:{inner})"


# Words too common to say anything about whether a phrase is present.
_STOP = frozenset({"the", "a", "an", "of", "for", "to", "in", "old", "bad", "people", "all",
                   "piece", "mother", "father", "parent", "human", "being", "space", "with",
                   "as", "like", "is", "are", "excuse", "waste", "two", "half", "simple", "pea",
                   "brain", "thick", "pig", "self", "jumped", "stuck", "bone", "pond", "he",
                   "she", "little", "child", "good", "head", "baby", "professional", "bottom",
                   "skin", "dead", "case", "drama", "attention", "sack", "bag", "cry",
                   "nothing"})


def trigger_words(*lists: Iterable[str]) -> frozenset[str]:
    """One telling word of every phrase in the lists: a cheap pre-filter before regexes."""
    out: set[str] = set()
    for lst in lists:
        for w in lst:
            parts = [p for p in re.split(r"[\s\-('’]+", w) if len(p) > 1 and "?" not in p]
            telling = [p for p in parts if p not in _STOP]
            first = (telling or parts or [w])[0]
            out.add(first)
            if not first.endswith("s"):
                out.add(first + "s")
            if first.endswith(("s", "x", "ch", "sh", "z")):
                out.add(first + "es")
    return frozenset(out)
