"""Recognisers for colloquial British abuse: street threats, slang self-harm, innuendo, regional slurs."""

from __future__ import annotations

from moderation.tox_rules import Rule, rule_adder

RULES: list[Rule] = []
_rule = rule_adder(RULES)

# A person (not a policy or a report) as the object of a threat: pronouns, or a determiner
# followed by a word for a person within a couple of words ("that foster carer").
_PERSON = (r"(?:worker|writer|author|journalist|reporter|teacher|headteacher|head|judge|carer|"
           r"councillor|mp|minister|mum|mam|dad|mother|father|kid|lad|girl|boy|woman|man|bloke|"
           r"guy|officer|copper|nurse|manager|poster|commenter|neighbour|family|lot|idiot|prat|"
           r"grass|scrote|thug|rat|nonce|paedo|cow|bitch|bastard|twat|toerag|brat|child|"
           r"person|lady|lass|one|ones|editor|hack)s?")
_OBJ = (rf"(?:you|u|ya|him|her|them|em|(?:that|the|this|those|these|your|his|their)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_PERSON})")
_FUT = (r"(?:'ll|’ll|\s+will|'m|’m|\s+am|'re|’re|\s+are|\s+is|'s|\s+gonna|\s+going\s+to|"
        r"\s+(?:are|is|am)\s+going\s+to|'(?:m|re|s)\s+going\s+to|'(?:m|re)\s+gonna)")
_BEATING = (r"(?:slap|smack|kicking|hiding|beating|slapping|thump|pasting|battering|shoeing|"
            r"doing\s+over|good\s+seeing\s+to|punch|clout|thrashing)")
_WINK = r"(?:😉|😏|😍|🥵|😘|🤤|😜|;-?\))"

# "I'm sorting him out", "the lads are going to do that judge in", "knocking her spark out".
_OBJ_ONE = (rf"(?:you|u|ya|him|her|(?:that|the|this|those|these|your|his|their)\s+"
            rf"(?:[\w-]+\s+){{0,2}}?{_PERSON})")
_rule("sort_out", "threat", 0.84,
      rf"(?:\b(?:i|we|lads|boys|they|someone|somebody){_FUT}|(?:^|(?<=[.!?,;])|(?<=[.!?,;]\s))(?:gonna|going\s+to))"
      rf"\s+(?:[^.!?]{{0,50}}?\s)?"
      rf"(?:sort|sorting|do|doing|knock|knocking|kick|kicking|deck|decking|lamp|lamping|"
      rf"batter|battering|smack|smacking|sort\s+out|sorting\s+out)\s+{_OBJ_ONE}\s+"
      r"(?:(?:right\s+|good\s+and\s+|proper\s+)?(?:\w+\s+)?(?:out|in|over)\b|proper\b)"
      r"(?!\s+(?:with|for|a|some|of)\b)",
      frozenset({"sort", "sorting", "do", "doing", "knock", "knocking", "kick", "kicking",
                 "deck", "decking", "lamp", "lamping", "batter", "battering", "smack",
                 "smacking"}), reportable=False)
# "gonna give that head teacher a slap", "hope somebody gives that kid a kicking".
_rule("give_beating", "incitement", 0.84,
      rf"\b(?:give|gives|giving|gave)\s+{_OBJ}\s+a\s+(?:(?:good|proper|right|real|sound|"
      rf"swift|hard|bloody)\s+){{0,2}}{_BEATING}\b",
      frozenset({"give", "gives", "giving", "gave"}), reportable=False)
# "you'll be getting a knock on the door", "he'll be getting a hiding", "we'll pay her a visit".
_rule("getting_visit", "threat", 0.82,
      r"\b(?:you|u|he|she|they)(?:'ll|’ll|\s+will)\s+(?:be\s+)?(?:get|getting|have|having|"
      r"receive|receiving)\s+(?:a|an)\s+(?:(?:little|late[\s-]night|friendly|personal|"
      r"proper|good|right|real)\s+)?(?:visit|knock\s+on\s+(?:the|your|his|her|their)\s+door|"
      rf"brick|petrol\s+bomb|{_BEATING})\b"
      r"(?!\s+from\s+(?!me\b|us\b|the\s+lads\b|the\s+boys\b|my\s|our\s))"
      rf"|\b(?:pay|paying|pays)\s+{_OBJ}(?:(?:'s|’s)\s+(?:\w+\s+)?(?:office|house|home|place|"
      r"door|work|school|family))?\s+a\s+(?:(?:little|late[\s-]night|proper|personal)\s+visit\b|"
      r"(?:quick\s+|friendly\s+)?visit\b"
      r"(?!\s+(?:at|on|next|this|tomorrow|in\s+the|during|to\s+(?:discuss|talk|see|say|show)|"
      r"when|while|soon\s+to)))",
      frozenset({"visit", "knock", "brick", "petrol", "slap", "smack", "kicking", "hiding",
                 "beating", "slapping", "thump", "pasting", "battering", "shoeing", "punch",
                 "clout", "thrashing"}), reportable=False)
_rule("threat_phrase", "threat", 0.82,
      r"\b(?:you|u|he|she|they)(?:'ll|’ll|\s+will)\s+get\s+what\s+(?:you|u|he|she|they)\s+"
      r"deserves?\s+when\b"
      r"|\b(?:i|we)(?:'ll|’ll|\s+will)\s+be\s+round\s+(?:\w+\s+)?(?:to\s+)?have\s+a\s+"
      r"(?:little\s+|quiet\s+)?word\b"
      r"|\bwhen\s+(?:i|we)\s+(?:catch\s+up\s+with|get\s+hold\s+of|get\s+my\s+hands\s+on|"
      r"get\s+to)\s+(?:you|u|him|her|them|em)\b"
      r"|\bmake\s+sure\s+(?:you|u|he|she|they)\s+regrets?\s+(?:it|this|that|the\s+day)\b"
      r"|\bthere(?:'ll|’ll|\s+will)\s+be\s+consequences\s+for\s+(?:(?:you|u|him|her|them|yours)\b"
      r"(?!\s+(?:application|claim|case|form|account|request|payment))|(?:your|ur|his|her|their)\s+"
      r"(?:family|kids|children|wife|husband|mum|mam|dad|partner|son|daughter|loved\s+ones))"
      r"|\b(?:keep|start|be|best\s+keep|better\s+keep)\s+looking\s+over\s+(?:your|ur)\s+shoulder"
      rf"|\b(?:i|we)(?:'ll|’ll|\s+will)\s+be\s+waiting\s+(?:outside|at|by|round|near)\b[^.!?]{{0,40}}?"
      rf"\bfor\s+(?:you|u|him|her|(?:that|this)\s+(?:[\w-]+\s+){{0,2}}?{_PERSON})\b",
      frozenset({"deserve", "deserves", "round", "catch", "hold", "hands", "regret", "regrets",
                 "consequences", "shoulder", "waiting"}), reportable=False)
_rule("know_stalk", "threat", 0.82,
      r"\b(?:get\s+hold\s+of|catch|find|see|get\s+my\s+hands\s+on)\s+[^.!?]{0,50}?\b(?:you|u|he|"
      r"she|they)(?:'ll|’ll|\s+will)\s+(?:soon\s+)?know\s+about\s+it\b"
      r"|\b(?:found|got|dug\s+up|tracked\s+down|looked\s+up|have)\s+(?:your|ur)\s+"
      r"(?:[\w]+(?:'s|’s)\s+)?(?:home\s+)?address\b(?=[\s\S]{0,80}?(?:see\s+you|soon|"
      r"visit|coming|round|waiting|door|electoral\s+roll|companies\s+house))"
      r"|\b(?:i|we)\s+(?:know|found\s+out)\s+(?:exactly\s+)?what\s+(?:car|van|school|street|"
      r"house|nursery|bus)\s+(?:you|u|he|she|they|your\s+\w+)\s+(?:drives?|lives?|goes|go|"
      r"gets?|takes?)"
      r"|(?:^|(?<=[.!?,])|(?<=[.!?,]\s))(?:i\s+|we\s+)?know\s+(?:exactly\s+)?where\s+(?:you|u|he|she|your\s+\w+)\s+"
      r"(?:lives?|works?|parks?|sleeps?|drops?|goes|drinks?|walks?)\b",
      frozenset({"know", "address"}), reportable=False)
# "would love to see someone knock that smirk off her face", "put the lot of them down like dogs".
_rule("wish_violence", "incitement", 0.84,
      r"\bknock\s+(?:that|the|his|her|your|their)\s+(?:smug\s+|stupid\s+)?(?:smirk|grin|look|"
      r"head|teeth)\s+off\b"
      rf"|\bput\s+(?:them|em|him|her|the\s+lot(?:\s+of\s+(?:them|em))?|(?:that|the|this|"
      rf"those|these)\s+(?:\w+\s+){{0,2}}?{_PERSON})\s+down\s+like\s+(?:\w+\s+)?(?:dogs?|"
      r"animals?|vermin|rats?|the\s+(?:dog|animal)s?)\b"
      r"|\b(?:put\s+down|shot|hanged|strung\s+up|culled|destroyed)\b[^.!?]{0,30}?,?\s+so\s+"
      r"should\s+(?:he|she|they|you|him|her|the\s+\w+)\b"
      r"|\b(?:wouldn'?t|would\s+not|won'?t)\s+(?:shed\s+a\s+tear|lose\s+(?:any\s+)?sleep|mind|"
      r"care|complain)\s+if\s+(?:someone|somebody|they|anyone|he|she)\s+[^.!?]{0,40}?\b(?:put|"
      r"beat|battered|stabbed|shot|killed|hurt|attacked|smacked|slapped|glassed|kicked|lamped|"
      r"decked|torched|burned|burnt|died|got\s+hurt|was\s+killed)\b"
      r"|\b(?:hope|hoping|wish|pray)\b[^.!?]{0,60}?\b(?:gets?|got|given|receives?)\s+a\s+"
      rf"(?:\w+\s+){{0,2}}?(?:{_BEATING}|brick|petrol\s+bomb)\b(?!\s+(?:at|in|from)\s+the\s+"
      r"(?:ballot|polls?|election|voters|box|courts?|tribunal|press|media))"
      r"|\b(?:gets?|getting|got|have|has|having|needs?|deserves?)\s+(?:his|her|their|your|ur)\s+"
      r"(?:head|face|teeth|jaw|skull)\s+(?:kicked|kicking|smashed|smashing|caved|punched|bashed|"
      r"stoved|knocked)\s+in\b",
      frozenset({"knock", "put", "shot", "hanged", "strung", "culled", "destroyed", "wouldn",
                 "wouldnt", "would", "won", "wont", "hope", "hoping", "wish", "pray", "head",
                 "face", "teeth", "jaw", "skull"}),
      reportable=False)

# --- slang incitement to self-harm ---------------------------------------------------------
_rule("unalive", "self_harm", 0.9,
      r"\bunalive\s+(?:your|ur|yo)\s*(?:self|selves)\b"
      r"|\b(?:go|just|should|pls|please|and|then|can)\s+(?:and\s+|just\s+|go\s+)?unalive\b"
      r"(?!\s+(?:someone|people|others|them|him|her|a\b))"
      r"|\b(?:drown|gas|poison|shoot|stab|hang|electrocute)\s+(?:your|ur)\s*(?:self|selves)\b"
      r"(?!\s+(?:in\s+the\s+(?:foot|feet)|an?\b|some\b|the\b|over\b|up\b|out\b|down\b|"
      r"together\b|a\s+break))"
      r"|\btake\s+(?:a|the)\s+long\s+walk\s+off\s+a\s+short\s+(?:pier|cliff|bridge)"
      r"|\btake\s+the\s+(?:quick|fast|easy|short)\s+way\s+down\b"
      r"|\bdo\s+(?:\w+\s+){1,3}?a\s+"
      r"favou?r,?\s+(?:\w+,?\s+)?and\s+(?:\w+\s+){0,2}?(?:walk\s+into\s+the\s+(?:sea|river|"
      r"traffic)|jump\s+in\s+(?:the|a)\s+(?:canal|river|lake|sea|quarry|reservoir)|unalive|neck\s+(?:yourself|urself)|jump\s+off|step\s+in\s+front|"
      r"lie\s+down\s+on|stop\s+breathing|die|disappear\s+for\s+good|drop\s+dead|end\s+it)"
      r"|(?:^|(?<=[.!?,;])|(?<=[.!?,;]\s)|(?<=\bjust\s)|(?<=\bgo\s)|(?<=\bshould\s)|(?<=\bplease\s)|"
      r"(?<=\bpls\s)|(?<=\band\s))jump\s+off\s+(?:a|the|the\s+nearest|"
      r"some)\s+(?:\w+\s+)?(?:bridge|cliff|building|roof|tower|pier|multi-?storey)\b(?!\s*\?)",
      frozenset({"unalive", "walk", "way", "favour", "favor", "jump", "drown", "gas", "poison",
                 "shoot", "stab", "hang", "electrocute"}), reportable=False)

# --- sexual harassment in innuendo and emoji -----------------------------------------------
_BODY = (r"(?:uniform|knickers|underwear|undies|bra|legs?|bum|arse|tits|boobs|lingerie|"
         r"stockings|tights|figure|curves|thighs|cleavage|rack|skirt|bikini|lips|body|chest|"
         r"bottom|backside|assets|pins|booty|rear)"
         r"(?!\s+(?:policy|policies|rules?|code|grants?|costs?|allowance|shops?|list|prices?|"
         r"changes?|requirements?|suppliers?|of\s+(?:evidence|work|research|the\s+report)))")
_rule("innuendo_wink", "sexual", 0.82,
      r"\bbet\s+(?:the|that|this|she|you)\b[^.!?]{0,40}?\b(?:is|'s|’s|are|'re)\s+(?:a\s+)?"
      r"(?:right\s+|proper\s+|real\s+)?(?:dirty|filthy|naughty|kinky|wild|freaky)\s+(?:one|girl|"
      r"cow|minx|bitch|thing|lass)\b"
      r"|\bbet\s+(?:she|he|you|the\s+\w+|that\s+\w+)\s+(?:\w+\s+){0,2}?(?:wears?|wearing|has\s+on)"
      r"\s+(?:\w+\s+){0,2}?(?:knickers|thongs?|underwear|lingerie|stockings|suspenders|bra)\b"
      r"|\b(?:cracking|lovely|nice|great|fine|massive|decent)\s+(?:pair\s+on\s+(?:her|you|him)|"
      r"pair\s+of\s+(?:tits|boobs|legs|pins))\b"
      r"|\bslide\s+into\s+(?:my|me)\s+dms?\b"
      r"|\b(?:i'?ll|i\s+will)\s+give\s+(?:you|u|her)\s+something\s+to\s+(?:write|moan|scream|"
      r"shout|talk)\s+about\b"
      r"|\b(?:she|he|you|u)\b[^.!?]{0,40}?\b(?:in\s+the\s+sack|between\s+the\s+sheets)\b"
      r"|\bget\s+(?:her|him|you|that|the|this)\b[^.!?]{0,30}?\balone\b[^.!?]{0,40}?"
      rf"(?:if\s+you\s+know\s+what\s+i\s+mean|{_WINK})"
      r"|\bbend\s+(?:you|u|her|him|them|(?:that|the|this)\s+(?:\w+\s+){0,2}?\w+)\s+over\s+"
      r"(?:a|the|my|that|her|his|your)\s+(?:\w+\s+)?(?:desk|table|bed|sofa|chair|knee|car|"
      r"bonnet|bench)",
      frozenset({"bet", "cracking", "pair", "slide", "give", "sack", "sheets", "alone", "bend"}),
      reportable=False)
# A remark on someone's body or clothes with a leer ("nice bit of leg on the councillor 😉"),
# unless it is about one's own family ("my husband in his uniform 😉").
_rule("body_wink", "sexual", 0.82,
      rf"(?:^|[.!?]\s*)(?!(?:\w+\s+){{0,3}}?(?:my|our)\b)[^.!?]{{0,60}}?\b{_BODY}\b"
      rf"[^.!?]{{0,60}}?{_WINK}",
      frozenset({"uniform", "knickers", "underwear", "undies", "bra", "legs", "bum", "arse",
                 "tits", "boobs", "lingerie", "stockings", "tights", "figure", "curves",
                 "thighs", "cleavage", "rack", "skirt", "bikini", "lips", "leg", "body", "chest",
                 "bottom", "backside", "assets", "pins", "booty", "rear"}), reportable=False)
_rule("nudge_wink", "sexual", 0.82,
      r"\b(?:wouldn'?t\s+mind|would\s+love\s+to|i'?d\s+love\s+to|i'?d\s+like\s+to|fancy)\b"
      rf"[^.!?]{{0,50}}?\b(?:her|him|you|(?:the|that|this)\s+(?:\w+\s+)?{_PERSON})\b[^.!?]{{0,40}}?"
      r"(?:if\s+you\s+know\s+what\s+i\s+mean|wink\s+wink|nudge\s+nudge)",
      frozenset({"mind", "love", "like", "fancy"}), reportable=False)

# --- insults in British register -----------------------------------------------------------
_rule("little_thug", "insult", 0.74,
      r"(?<!i was a )(?<!i am a )(?<!i'm a )(?<!we were )\blittle\s+"
      r"(?:rat|thug|scrote|toerag|shit|git|runt|oik|yob|scumbag|thief|cretin|weasel|"
      r"turd|bitch|cow|bastard|sod|swine|madam|brat|chav)s?\b",
      frozenset({"little"}))
_rule("like_you_people", "insult", 0.78,
      r"\b(?:brain[\s-]?dead|illiterate|thick|stupid|ignorant|moronic|gormless|pig[\s-]ignorant|"
      r"halfwit|mouth[\s-]?breathing|knuckle[\s-]dragging|inbred)\s+(?:\w+\s+)?(?:commenters|"
      r"posters|people|idiots|morons|types|trolls|gammons|muppets|clowns|lot)\s+like\s+"
      r"(?:you|u|yourself|him|her)\b"
      r"|\b(?:you|u)(?:'re|’re|\s+are|\s+r)\s+(?:a|an)\s+(?:\w+\s+)?(?:illiterate|brain[\s-]?dead|"
      r"knuckle[\s-]dragging|mouth[\s-]?breathing)\s+\w+"
      r"|\bwhat\s+(?:a|an)\s+(?:\w+\s+)?(?:gormless|useless|pathetic|thick|clueless|brainless|"
      r"illiterate|talentless|spineless|vile|nasty|idiotic|moronic|stupid)\s+(?:\w+\s+)?"
      r"(?:writer|author|journalist|reporter|hack|commenter|poster|mother|mum|father|dad|"
      r"parent|woman|bloke)\b"
      r"|\btypical\s+(?:\w+\s+)?(?:scrounger|chav|sponger|gammon|pikey|scrote|benefits\s+"
      r"(?:scrounger|cheat|queen))\b",
      frozenset({"brain", "braindead", "illiterate", "thick", "stupid", "ignorant", "moronic",
                 "gormless", "pig", "halfwit", "mouth", "knuckle", "inbred", "what", "typical"}))
# Regional and national nicknames are slurs when an insult word is attached: "whinging Jock",
# "sheep-shagging Taff", "thick Paddy" (but Paddy McGuinness and the River Taff are fine).
_REGION = (r"(?:taffs?|taffy|taffies|jocks?|paddy|paddies|micks?|polacks?|polaks?|krauts?|"
           r"eyeties?|dagos?|scousers?|scouse|brummies?|geordies?)")
_rule("regional_slur", "slur", 0.82,
      r"\b(?:sheep[\s-]?shagging|sheep[\s-]?shagger|thick|dirty|stupid|whinging|whingeing|"
      r"lazy|drunk|drunken|bloody|typical|thieving|inbred|scrounging|filthy|moaning|useless|"
      r"fucking|fuckin|ignorant|smelly|feral|greasy|you|ya|u)\s+(?:\w+\s+)?" + _REGION + r"\b"
      r"(?!\s+(?:mcguinness|mccartney|kelly|power|field|street|road|river|valley|trail))"
      r"|\b(?:polacks?|polaks?|krauts?|dagos?)\b",
      frozenset({"sheep", "sheepshagging", "thick", "dirty", "stupid", "whinging", "whingeing",
                 "lazy", "drunk", "drunken", "bloody", "typical", "thieving", "inbred",
                 "scrounging", "filthy", "moaning", "useless", "fucking", "fuckin", "ignorant",
                 "smelly", "feral", "greasy", "polack", "polacks", "polak", "polaks", "kraut",
                 "krauts", "dago", "dagos"}),
      reportable=True)
