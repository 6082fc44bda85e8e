"""Recognisers for attacks on protected characteristics: generalisations, slurs, exclusion."""

from __future__ import annotations

from moderation.tox_lexicon import (
    GROUP_HEADS,
    IDENTITY_ADJS,
    PROTECTED_GROUPS,
    SLURS,
    SOFT_SLURS,
    alt,
    trigger_words,
)
from moderation.tox_rules import (
    Rule,
    rule_adder,
)

RULES: list[Rule] = []
_rule = rule_adder(RULES)

# --- identity attacks ----------------------------------------------------------------------
_GROUP = (rf"(?:{alt(PROTECTED_GROUPS)}(?:\s+{alt(GROUP_HEADS)})?|"
          r"people\s+(?:like\s+(?:them|that)|of\s+(?:that|their)\s+(?:kind|sort|colour|religion))|"
          r"(?:that|their|his|her)\s+(?:kind|sort|lot))")
_NEG_PRED = (
    # Stereotypes that need no insult word: motive, contagion, control, misogynist nouns.
    r"(?:(?:only|just|all)\s+in\s+it\s+for\s+(?:the\s+)?(?:money|cash|benefits|handouts)"
    r"|bringing\s+(?:\w+\s+){0,2}?(?:disease|diseases|crime|knives|drugs|gangs|violence|filth)"
    r"|(?:are|is|'re)\s+(?:all\s+|just\s+|nothing\s+but\s+)?(?:[\w-]+\s+){0,3}?(?:hags|harpies|"
    r"witches|slags|sluts|whores|bitches|leeches)\b"
    r"|(?:own|owns|run|runs|control|controls)\s+(?:half|most|all)\s+(?:of\s+)?(?:the|these|our|"
    r"this|those)\b"
    r"|should(?:n'?t|n’t|\s+not|\s+never)\s+(?:be\s+(?:allowed|let|permitted)|(?:ever\s+)?"
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
    r"drunks|alcoholics|junkies|druggies|addicts|wasters|badly\s+(?:raised|behaved|brought\s+up)|"
    r"feral|a\s+burden|burdens|too\s+(?:hysterical|emotional|stupid|thick|weak|lazy|dumb)|"
    r"hysterical|grooming|raping|stealing|breeding|dragging|useless|worthless|vile|"
    r"a\s+drain|scum\s+of|filthy\s+people|the\s+worst)"
    r"|steal\w*\s+(?:everything|anything|all|whatever|from)|(?:all\s+)?steal\b|"
    r"breed\s+like|breeding\s+(?:for|like|on)|rape\b|groom\b|scrounge|infest|invade|(?:are\s+)?ruining|destroying"
    r"|should\s+(?:all\s+)?have\s+(?:their|all\s+their)\s+(?:kids|children|babies)\s+"
    r"(?:taken|removed)|should\s+(?:never\s+have\s+been|not\s+have\s+been|n'?t\s+have\s+been)\s+"
    r"born|should\s+(?:all\s+)?(?:be\s+)?(?:go\s+back|deported|sent\s+back|kicked\s+out|banned|"
    r"removed|barred|locked\s+up|sterili[sz]ed|shot|gassed|rounded\s+up|illegal|outlawed|"
    r"criminali[sz]ed|treated\s+like\s+(?:them|animals|dogs|criminals|vermin|nazis))"
    r"|bleed\w*\s+(?:\w+\s+){0,4}?dry|sponging\s+off|milking\s+(?:the|our)"
    r"|(?:don'?t|do\s+not|can'?t|cannot|never)\s+(?:know\s+how\s+to\s+|even\s+)?(?:raise|parent|"
    r"look\s+after|bring\s+up|care\s+for)\s+(?:their\s+(?:own\s+)?)?(?:children|kids|babies)"
    r"|\bnormal\s+(?:kids|children|people|families|pupils|humans|couples|parents)"
    r"|keep\s+(?:them|em)\s+away\s+from\s+(?:ours|our|us|decent|normal)"
    r"|(?:are|is|'re)\s+(?:all\s+|just\s+)?(?:robots|spoil(?:t|ed)\s+brats|brats)"
    r"|ruin\w*\s+(?:their|our|the)\s+(?:kids|children|"
    r"country|schools|neighbourhood|area)"
    r"|(?:are|is|'re)\s+(?:all\s+|just\s+)?(?:\w+\s+)?(?:attention\s+seekers|a\s+fad|delusional|"
    r"confused\s+(?:attention|little|kids)|mentally\s+ill)"
    r"|(?:don'?t|do\s+not|can'?t|cannot|never)\s+(?:love|feed|protect|care\s+about)\s+(?:their|the)\s+"
    r"(?:own\s+)?(?:kids|children|babies)"
    r"|(?:don'?t|do\s+not|never)\s+(?:value|care\s+about|respect|want\s+to|bother\s+with)\s+"
    r"(?:education|work|working|their\s+(?:kids|children)|our\s+(?:laws|values|ways)|rules|school)"
    r"|(?:are|is|'re)\s+(?:all\s+|just\s+|naturally\s+|genetically\s+)?(?:more|less)\s+(?:violent|"
    r"criminal|stupid|lazy|aggressive|dangerous|intelligent|civilised|capable|honest)"
    r"|(?:are|is|'re)\s+(?:all\s+|just\s+)?(?:\w+[\s-])?(?:feminazis|man[\s-]haters|"
    r"man[\s-]hating|snowflakes|degenerates|groomers|predators|nonces|paedos)"
    r"|need\s+to\s+(?:go\s+back|be\s+(?:deported|removed|banned|sent\s+back))"
    r"|ha(?:ve|s)\s+no\s+place|should\s+(?:all\s+)?(?:go|be\s+sent)\s+(?:home|back)|(?:are|is)\s+taking\s+over|(?:aren'?t|are\s+not|is\s+not|isn'?t)\s+"
    r"(?:fit|capable|real|proper|normal)\s+(?:to|parents|women|men|families|mothers|fathers)"
    r"|(?:don'?t|do\s+not)\s+deserve\s+(?:children|kids|to\s+(?:have|foster|adopt|live))"
    r"|(?:only|just)\s+(?:come|came)\s+here\s+(?:for|to)\s+(?:benefits|scrounge|claim)"
    r"|(?:can'?t|cannot|don'?t|do\s+not)\s+(?:even\s+)?speak\s+(?:proper\s+)?english|smell|inbred|"
    r"cousins?\s+marrying|marry\s+their\s+(?:own\s+)?cousins|beat\s+(?:their|the)\s+(?:kids|children|"
    r"wives|women)|(?:abuse|rape|groom|mutilate)\s+(?:their|our|the)\s+(?:kids|children|girls)"
    r"|(?:is|are)\s+(?:basically\s+|just\s+|literally\s+)?(?:child\s+abuse|a\s+sin|sinful|"
    r"grooming|a\s+waste\s+of\s+(?:space|resources|money|oxygen|time|skin))"
    r"|put\s+(?:them|em)\s+(?:all\s+)?(?:in\s+(?:homes|institutions|camps)|away|down)"
    r"|send\s+(?:them|em)\s+(?:all\s+)?(?:back|home)"
    r"|(?:run|runs|control|controls|own|owns)\s+(?:the|our|this|all\s+the)\s+(?:\w+\s+){0,2}?"
    r"(?:system|media|banks|country|world|government|councils?|courts?|schools|nhs|"
    r"agencies|charities|police|everything|industry|economy|care|adoption)"
    r"|are\s+(?:all\s+)?(?:the\s+)?same|(?:every|each)\s+(?:last\s+)?(?:one|single\s+one)"
    r"\s+of\s+them)"
)
_TRIG_GROUP = trigger_words(PROTECTED_GROUPS)
_rule("group_negative", "identity", 0.86,
      rf"\b{_GROUP}\b[^.!?;\n]{{0,60}}?\b{_NEG_PRED}", _TRIG_GROUP)
_rule("profane_group", "identity", 0.8,
      rf"\b(?:fucking|fuckin|bloody|effing|filthy|dirty|stinking|flaming)\s+{_GROUP}\b",
      frozenset({"fucking", "fuckin", "bloody", "effing", "filthy", "dirty", "stinking",
                 "flaming"}))
_rule("why_let", "identity", 0.76,
      rf"\bwhy\s+(?:do|are|does|should)\s+(?:we|they|you|councils?|the\s+council)\s+(?:even\s+)?"
      rf"(?:let|allow|letting|allowing)\s+(?:the\s+|these\s+|those\s+)?{_GROUP}\s+(?:to\s+)?(?:foster|"
      r"adopt|in|come|stay|teach|work|near|anywhere|have|raise|live|into)\b", frozenset({"why"}))
_rule("no_member_should", "identity", 0.8,
      rf"\b(?:no|never\s+let\s+a|never\s+trust\s+a)\s+{alt(IDENTITY_ADJS + ('man', 'woman'))}"
      rf"\s+(?:\w+\s+)?(?:should|must|can)\s+(?:ever\s+|ever\s+be\s+allowed\s+to\s+)?(?:be|"
      rf"foster|adopt|teach|work|look\s+after|raise)", frozenset({"no", "never"}))
_NEG_NOUNS = (r"(?:beggars|thieves|scroungers|spongers|criminals|rapists|groomers|terrorists|"
              r"parasites|invaders|drunks|junkies|savages|animals|breeders|vermin|scum|filth|"
              r"leeches|pickpockets|gangsters|thugs|paedos|nonces|perverts|degenerates)")
_rule("identity_neg_noun", "identity", 0.82,
      rf"\b{alt(IDENTITY_ADJS)}\s+(?:\w+\s+)?{_NEG_NOUNS}\b"
      rf"|\btypical\s+(?:{alt(IDENTITY_ADJS)}|woman|women|man|men|female|male|bloke|girl)\b"
      r"(?:\s+\w+)?[^.!?]{0,40}?\b(?:drunk|useless|lazy|thieving|scrounging|dirty|smelly|violent|"
      r"stupid|thick|criminal|feral|backward|scum|filthy|savage|greedy|primitive|emotional|"
      r"hysterical|irrational|too\s+\w+\s+to)\b",
      trigger_words(IDENTITY_ADJS) | frozenset({"typical"}))
_rule("against_group", "identity", 0.86,
      rf"\b(?:no\s+more|ban|banning|deport|deporting|get\s+rid\s+of|send\s+back|kick\s+out|"
      rf"round\s+up|exterminate|gas|hate|hang|shoot|burn)\s+(?:all\s+)?(?:the\s+|these\s+|"
      rf"those\s+)?{_GROUP}\b(?!\s+(?:rights|act|policy|discrimination|hate))"
      rf"|\b(?:send|ship|kick|throw|lock|drive|chase|shove|put)\s+(?:all\s+)?(?:the\s+|these\s+|"
      rf"those\s+)?{_GROUP}\s+(?:back|out|away|home|off|in\s+the\s+closet)\b"
      rf"|\b{_GROUP}\b[^.!?]{{0,60}}?\bwhere\s+(?:they|you)\s+belong\b", _TRIG_GROUP)
_rule("send_back_group", "identity", 0.8,
      rf"\b(?:send|ship|deport|kick)\s+(?:them|em|the\s+lot)\s+(?:all\s+)?(?:back|home|out)\b"
      rf"[^.!?]{{0,50}}?\b{_GROUP}\b", frozenset({"send", "ship", "deport", "kick"}))
_rule("go_back_to", "identity", 0.8,
      r"(?:^|[.!?,;:]\s*|\b(?:just|should|must|can|why\s+don'?t\s+(?:you|they))\s+)(?:go|fuck\s+off|"
      r"piss\s+off|sod\s+off|get)\s+back\s+to\s+(?:africa|pakistan|india|poland|romania|jamaica|"
      r"bangladesh|somalia|china|syria|iraq|afghanistan|nigeria|albania|asia|the\s+caribbean|"
      r"eastern\s+europe|the\s+jungle|the\s+desert|your\s+own\s+country|where\s+you\s+came\s+from)\b",
      frozenset({"back"}))
_rule("go_back", "identity", 0.82,
      r"\b(?:go|send\s+(?:them|em|him|her)|fuck\s+off)\s+back\s+(?:to|where)\s+(?:your|ur|"
      r"their|his|her|they|you)\s+(?:own\s+)?(?:came\s+from|come\s+from|country|countries|"
      r"(?:own\s+)?kind|jungle|caravan|mosque|desert)",
      frozenset({"go", "send", "fuck"}))
_rule("identity_is_sin", "identity", 0.82,
      r"\b(?:homosexuality|being\s+(?:gay|trans|lesbian|queer|bisexual)|islam|judaism|"
      r"transgenderism|(?:gay|lesbian|same[\s-]sex|trans|queer)\s+(?:marriage|couples|parents|"
      r"parenting|adoption|fostering|adopters|families))\s+"
      r"(?:is|are)\s+(?:a\s+)?(?:sin|sinful|unnatural|disgusting|an?\s+abomination|a\s+disease|"
      r"a\s+mental\s+illness|wrong|evil|perverted|sick|a\s+perversion|a\s+cancer|child\s+abuse)",
      frozenset({"homosexuality", "being", "islam", "judaism", "transgenderism", "gay",
                 "same"}))
_rule("slur", "slur", 0.86,
      rf"\b{alt([s for s in SLURS if s not in SOFT_SLURS], plural=True)}\b"
      r"(?!\s*(?:packet|end|ash|break|butt|lighter|smoke|machine|and\s+booze)s?\b)",
      trigger_words(SLURS))
_rule("soft_slur", "soft_slur", 0.72, rf"\b{alt(SOFT_SLURS)}\b", trigger_words(SOFT_SLURS))
