"""Recognisers for threats, incitement, wishing harm, self-harm incitement and sexual harassment."""

from __future__ import annotations

from moderation.tox_lexicon import (
    SELF_HARM_WORDS,
    SEX_WORDS,
    THREAT_WORDS,
    trigger_words,
)
from moderation.tox_rules import (
    END,
    Rule,
    rule_adder,
)

RULES: list[Rule] = []
_rule = rule_adder(RULES)

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
VIOLENT = (r"(?:kill|murder|hurt|stab|shoot|strangle|batter|beat|punch|smash|slap|knock|"
            r"kick|burn|torch|bury|end|glass|kneecap|knife|bottle|throttle|deck|lamp|twat|"
            r"smack|gut|hang|drown|run\s+over|acid|cut|slit|choke|maim|cripple|petrol|"
            r"firebomb|break|snap|waste|sort\s+out)")
_TRIG_THREAT = trigger_words(THREAT_WORDS)
_rule("i_will_violence", "threat", 0.95,
      rf"{_I_WILL}\s+(?:\w+\s+){{0,2}}?{VIOLENT}\w*(?!\s+for\b)\s+(?:\w+\s+){{0,3}}?{_OBJ}\b",
      _TRIG_THREAT, reportable=False)
_rule("i_will_get", "threat", 0.8,
      rf"{_I_WILL}\s+(?:\w+\s+){{0,2}}?(?:find|get|hunt|track|come\s+for|come\s+after|"
      rf"come\s+round\s+to|come\s+to|visit|sort|deal\s+with|catch|be\s+waiting\s+for|"
      rf"be\s+outside)\s+(?:down\s+)?(?:every\s+(?:last\s+|single\s+)?one\s+of\s+|all\s+of\s+|"
      rf"each\s+(?:and\s+every\s+)?one\s+of\s+)?"
      rf"(?:you|u|ya|him|her|them|em|your|his|her|their\s+(?:house|home))"
      rf"(?:\s+(?:down|out|one\s+day|soon|later))?{END}",
      _TRIG_THREAT, reportable=False)
_rule("make_pay", "threat", 0.82,
      r"\bregret\s+the\s+day\s+(?:you|u|he|she|they)\s+(?:was|were)\s+born|"
      r"\bmake\s+(?:you|u|ya|him|her|them|em|(?:the|that|this)\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+"
      r"(?:pay|suffer|bleed|regret|sorry|"
      r"wish)\b(?!\s+(?:more|less|tax|taxes|back|up|their\s+(?:own|fair)|for\s+(?:the\s+|their\s+"
      r"own|its|care|it\s+all)))", _TRIG_THREAT, reportable=False)
_rule("know_where", "threat", 0.84,
      r"\b(?:i|we|i've|we've)\s+(?:know|found\s+out|got|have)\s+(?:exactly\s+)?where\s+"
      r"(?:you|u|he|she|they|your\s+\w+|his\s+\w+|her\s+\w+|the\s+\w+|that\s+\w+|\w+)\s+"
      r"(?:\w+\s+)?(?:lives?|works?|"
      r"sleeps?|parks?|goes|go|drops?|picks?|stays?)\b", _TRIG_THREAT, reportable=False)
_rule("know_which", "threat", 0.84,
      r"\b(?:i|we|i've|we've)\s+(?:know|found\s+out|got)\s+(?:exactly\s+)?(?:which|what|where)\s+"
      r"(?:school|nursery|house|street|road|estate|car|gym|church|mosque|office|club)?\s*"
      r"(?:your|ur|his|her|their)\s+(?:kids|children|son|daughter|family|wife|husband|partner|"
      r"kid|boy|girl|lad|little\s+ones?|baby|grandkids|kiddies|youngest|eldest)\s+(?:go|goes|live|lives|attend|attends|play|plays|are|is)",
      frozenset({"know", "found", "got"}), reportable=False)
_rule("wants_shooting", "incitement", 0.82,
      r"\b(?:wants|needs|want|need)\s+(?:\w+ing\s+and\s+(?:then\s+)?)?(?:shooting|stringing\s+up|"
      r"hanging|a\s+bullet|putting\s+"
      r"down|kneecapping|burning|stabbing|strangling|drowning|flogging|birching|castrating|"
      r"a\s+good\s+(?:kicking|hiding|beating)|lynching|gassing|topping|taking\s+out|doing\s+in|"
      r"sorting\s+out|seeing\s+to)\b"
      r"|\b(?:run|driven|hounded|chased)\s+out\s+of\s+(?:town|the\s+(?:area|country|village|"
      r"estate))|\btarred\s+and\s+feathered",
      frozenset({"wants", "needs", "want", "need", "run", "driven", "hounded", "chased",
                 "tarred"}), reportable=False)
_rule("doing_time", "threat", 0.8,
      r"\b(?:end\s+up\s+)?(?:doing|do|serve|serving)\s+(?:time|a\s+stretch|life|bird|porridge)\s+"
      r"for\s+(?:you|u|him|her|them|that|this|the)\b|\b(?:someone|somebody|anyone|anybody)\s+"
      r"(?:please\s+)?(?:just\s+|go\s+)?(?:burn|torch|shoot|kill|stab|bomb|firebomb|smash|batter|"
      r"hang|lynch|petrol\s+bomb)\s+(?:that|the|this|his|her|their|them|him)\b"
      r"(?!\s+(?:\w+\s+)?(?:bill|policy|plan|idea|proposal|scheme|law|report|myth|consultation))"
      r"|\bdeserves?\s+to\s+(?:lose|have)\s+(?:your|their|her|his|ur)\s+(?:kids|children|"
      r"baby|babies)(?:\s+taken)?\b|\bfoad\b",
      frozenset({"doing", "do", "serve", "serving", "someone", "somebody", "anyone", "anybody",
                 "deserve", "deserves", "foad"}), reportable=False)
_rule("coming_round", "threat", 0.78,
      r"\b(?:i'?ll|i\s+will|we'?ll|we\s+will)\s+be\s+(?:round|over|at|outside)\s+(?:yours|your\s+"
      r"(?:house|place|door|home|work|office)|her\s+(?:house|door|home)|his\s+(?:house|door|home))"
      r"|\b(?:you|u)\s+(?:won'?t|will\s+not)\s+like\s+(?:it|what\s+happens)\b"
      r"|\b(?:you|u)(?:'ll|\s+will)\s+get\s+(?:yours|what'?s\s+coming)\b"
      r"|\b(?:turn|show)\s+up\s+(?:at|on|outside)\s+(?:your|ur|her|his)\s+(?:door|doorstep|house|"
      r"work|office)\b"
      r"|\b(?:people|someone|somebody|you|he|she|they)\s+(?:will|'ll|is\s+going\s+to|are\s+going\s+"
      r"to)\s+get\s+(?:hurt|killed|stabbed|shot|burned|burnt)\b"
      r"|\b(?:i'?d|i\s+would|i\s+want\s+to|i\s+wanna)\s+(?:happily\s+|love\s+to\s+|like\s+to\s+)?"
      r"(?:see|watch)\s+(?:\w+\s+){0,6}?(?:hang|burn|die|suffer|rot|swing|shot|hanged|killed|"
      r"burned|tortured)\b",
      frozenset({"round", "over", "outside", "like", "hurt", "killed", "stabbed", "shot", "burned",
                 "burnt", "see", "watch", "yours", "turn", "show", "coming"}), reportable=False)
_rule("hospital", "threat", 0.9,
      rf"{_I_WILL}\s+(?:\w+\s+){{0,2}}?put\s+(?:her|him|you|them|u|em|(?:that|the|this)\s+"
      r"(?:\w+\s+){0,2}?\w+)\s+in\s+(?:hospital|the\s+ground|a\s+wheelchair|a\s+box|a\s+coma|"
      r"intensive\s+care|an\s+early\s+grave)"
      r"|\bdeal\s+with\s+(?:him|her|them|you|(?:that|the|this)\s+(?:\w+\s+){0,2}?\w+)\s+"
      r"(?:ourselves|myself|personally|our\s+way|my\s+way|the\s+old[\s-]fashioned\s+way)",
      frozenset({"put", "deal"}), reportable=False)
_rule("ruin_life", "threat", 0.76,
      r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|we'?ll|we\s+will)\s+(?:\w+\s+){0,5}?(?:ruin|destroy|wreck|"
      r"end)\s+(?:your|ur|her|his|their)\s+(?:life|lives|career|family|marriage)\b"
      r"|\bwith\s+(?:a|my|his|her|their)\s+(?:fist|fists|brick|baseball\s+bat|bat|knife|hammer|crowbar|"
      r"machete|blade|boot|boots)\b(?=[^.!?]{0,20}$|\s*[.!])"
      r"|\b(?:nobody|no\s+one|noone)\s+(?:would|will)\s+(?:care|notice|mourn|miss\s+you)\s+if\s+"
      r"(?:you|u)\s+(?:died|dropped\s+dead|disappeared|killed\s+yourself|were\s+dead)\b"
      r"|\b(?:your|ur)\s+(?:mum|mam|mom|mother|ma)\s+should\s+(?:have|'?ve)\s+(?:swallowed|aborted|"
      r"drowned|kept\s+her\s+legs\s+shut)",
      frozenset({"ruin", "destroy", "wreck", "end", "fist", "fists", "brick", "bat", "knife",
                 "hammer", "crowbar", "machete", "blade", "boot", "boots", "nobody", "no",
                 "noone", "mum", "mam", "mom", "mother", "ma"}), reportable=False)
_rule("know_your", "threat", 0.8,
      r"\b(?:i|we)\s+(?:know|have|got|found)\s+(?:your|his|her|their|ur)\s+"
      r"(?:car|address|house|home\s+address|number\s+plate|reg|registration|route|"
      r"daily\s+routine|kids'?\s+school)\b(?!\s+(?:on|in|from)\s+(?:the|our|your|this)\s+"
      r"(?:form|file|system|records?|database|application|account|list))", _TRIG_THREAT, reportable=False)
_rule("veiled_threat", "threat", 0.8,
      r"\b(?:watch\s+(?:your|ur)\s+back(?!\s+(?:on|when|at|in|crossing|if\s+you(?:\'re|\s+are)\s+(?:driving|cycling|walking)))|(?:you|u)(?:'ve|’ve|\s+have)\s+been\s+warned|"
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
      r"(?:you|u|she|he|they|(?:that|the|this)\s+(?:\w+\s+)?\w+)(?:'ll|\s+will|'re\s+going\s+to|"
      r"\s+are\s+going\s+to|\s+is\s+going\s+to)\s+"
      r"(?:pay\s*[.!]|pay\s+for\s+(?:this|that|what)|get\s+what'?s\s+coming|regret\s+(?:this|it|that|"
      r"the\s+day)|be\s+sorry)|you\s+won'?t\s+see\s+(?:it|me)\s+coming|"
      r"wait\s+till\s+i\s+(?:get|find|see)\s+(?:you|her|him))",
      _TRIG_THREAT, reportable=False)
_rule("incitement", "incitement", 0.88,
      r"\b(?:someone|somebody|people|we|you|they|everyone|the\s+public|parents|locals|y'all|"
      r"u|ppl|lads)\s+(?:should|ought\s+to|needs?\s+to|must|have\s+to|has\s+to|gotta|want\s+to|"
      r"wanna|could|can)\s+(?:just\s+|really\s+|all\s+|go\s+(?:and\s+|round\s+and\s+)?|"
      r"get\s+together\s+and\s+|come\s+and\s+)*(?:burn|torch|firebomb|bomb|"
      r"shoot(?!\s+(?:for|up|the\s+breeze|from\s+the\s+hip|ahead|past|through|down\s+(?:the|this|"
      r"that)\s+(?:idea|proposal|plan|bill|argument|myth)))|kill(?!\s+(?:off|for|time|two\s+birds|"
      r"it\b))|stab|slash\s+(?:the\s+)?tyres|key\s+(?:his|her|their)\s+car|"
      r"hang|lynch|string\s+up|beat|batter|attack|smash|hunt|glass|kneecap|petrol\s+bomb|"
      r"set\s+fire\s+to|blow\s+up|run\s+over|throw\s+acid|deal\s+with\s+(?:him|her|them)|"
      r"pay\s+(?:him|her|them)\s+a\s+visit|teach\s+(?:him|her|them)\s+a\s+lesson|"
      r"put\s+(?:a\s+)?(?:bullet|knife|brick|round|blade)\s+(?:in|into|through)|"
      r"put\s+(?:him|her|them|em|you|(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+"
      r"(?:in\s+(?:hospital|the\s+ground|a\s+wheelchair|a\s+box|an\s+early\s+grave|intensive\s+care)"
      r"|six\s+feet\s+under|down\b(?!\s+(?:for|as|on)))|take\s+(?:him|her|them|em)\s+out\b|"
      r"teach\s+(?:him|her|them|em|(?:that|the|this|those)\s+(?:\w+\s+)?\w+)\s+a\s+lesson|"
      r"run\s+(?:him|her|them|em|(?:that|the|this)\s+(?:\w+\s+){0,2}?\w+)\s+off\s+the\s+road|"
      r"sort\s+(?:him|her|them|you|em)\s+out|give\s+(?:him|her|them|you|em|(?:that|the|this)\s+"
      r"(?:\w+\s+){0,2}?\w+)\s+a\s+(?:good\s+)?"
      r"(?:kicking|beating|hiding|slap|smack|punch|battering|shoeing|doing\s+over)|"
      r"(?:slap|punch|kick|smack|deck|batter|thump|glass)\s+(?:him|her|them|the\s+\w+)|"
      r"knock\s+(?:his|her|their)\s+(?:head|teeth|block))\w*\b(?!\s+(?:the|this|that|a|"
      r"their|its)\s+(?:\w+\s+)?(?:bill|policy|plan|idea|proposal|scheme|law|report|"
      r"reform|myth|consultation|budget|review|motion|deal|amendment|rules?|problems?|issues?|"
      r"crisis|challenges?|backlog|waiting\s+lists?|shortages?|inequality|poverty|deficit|cuts|"
      r"system|culture|causes?|stigma|disadvantage|gaps?|targets?|figures|numbers|case|"
      r"argument|question)\b)",
      frozenset({"should", "ought", "need", "needs", "must", "have", "has", "gotta", "want",
                 "wanna", "could", "can"}), reportable=False)
_rule("needs_a_slap", "incitement", 0.82,
      r"\b(?:needs?|deserves?|wants?|could\s+do\s+with|should\s+get|should\s+be\s+given|"
      r"ought\s+to\s+get|is\s+asking\s+for|is\s+begging\s+for)\s+(?:a|an)\s+(?:(?:good|"
      r"proper|swift|hard|right|real|sound)\s+){0,2}(?:slap|punch|kicking|beating|hiding|smack|"
      r"slapping|thrashing|brick|bullet|knife|kick|belt|clout|battering|shoeing|doing\s+over|"
      r"good\s+seeing\s+to|bottle|rope|noose|petrol\s+bomb)\b"
      # "needs a kick up the backside": told to get moving, not to be hurt.
      r"(?!\s+up\s+the\s+(?:backside|arse|ass|bum|pants|rear|jacksie|behind))"
      r"(?!\s+(?:in|at|from)\s+the\s+(?:lords|commons|polls|ballot|election|press|courts?|house|"
      r"review|select\s+committee))",
      frozenset({"need", "needs", "deserve", "deserves", "want", "wants", "could", "should",
                 "ought", "is"}), reportable=False)
_rule("break_legs", "incitement", 0.84,
      r"\b(?:needs?|deserves?|wants?|should\s+(?:have|get)|ought\s+to\s+have|could\s+do\s+with)\s+"
      r"(?:his|her|their|your|ur|its)\s+(?:legs|arms|neck|kneecaps|knees|fingers|teeth|head|"
      r"face|jaw|nose|skull|ribs)\s+(?:broken|smashed|kicked\s+in|caved\s+in|snapped|done\s+in|"
      r"punched\s+in|rearranged|bashed\s+in|stamped\s+on)",
      frozenset({"legs", "arms", "neck", "kneecaps", "knees", "fingers", "teeth", "head", "face",
                 "jaw", "nose", "skull", "ribs"}), reportable=False)
_rule("brick_through", "incitement", 0.8,
      r"(?:^|[.!?;,]\s*)(?:just\s+|someone\s+|somebody\s+|go\s+and\s+)?(?:put|throw|lob|chuck)\s+"
      r"(?:a\s+)?(?:brick|bricks|rock|rocks|stone|stones|petrol\s+bomb|firework)\s+through",
      frozenset({"brick", "bricks", "rock", "rocks", "stone", "stones", "petrol", "firework"}),
      reportable=False)
_rule("line_up", "incitement", 0.84,
      r"\b(?:line|put|stand)\s+(?:them|em|\w+)\s+(?:all\s+)?up\s+against\s+(?:a|the)\s+wall"
      r"|\bup\s+against\s+the\s+wall\s+(?:and\s+shoot|with\s+(?:them|the\s+lot))|"
      r"\bteach\s+(?:\w+\s+){1,3}?a\s+lesson\s+(?:he|she|they|you)\s+(?:won'?t|will\s+never|"
      r"wont)\s+forget", frozenset({"wall", "lesson"}), reportable=False)
_rule("imperative_violence", "incitement", 0.8,
      r"(?:^|[.!?;]\s*|\s[-–—]\s*)(?:just\s+|so\s+|now\s+)?(?:hang|burn|shoot|kill|stab|lynch|"
      r"string\s+up|torch|firebomb|petrol\s+bomb|bomb|gas|castrate|beat|batter|behead|hunt\s+down|"
      r"slap|punch|kick|smack|thump|deck|glass|knife|strangle)"
      r"\s+(?:the|them|him|her|em|that|this|those|these|all|every|each)\b(?!\s+(?:[\w-]+\s+){0,2}"
      r"(?:bill|policy|plan|idea|proposal|scheme|law|report|reform|myth|consultation|budget|"
      r"review|motion|deal|amendment|rules?|limit|cap|cuts?|target|paperwork|forms?|backlog|"
      r"books|tax|levy|fees?|rule\s*book|red\s+tape|guidance|manual|documents?|letters?|"
      r"evidence|idea|myths?|lot\s+of\s+(?:it|them)\s+down\s+and\s+start)\b)"
      r"|\bget\s+(?:a|the)\s+(?:rope|noose|pitchforks?|torches)\b",
      frozenset({"hang", "burn", "shoot", "kill", "stab", "lynch", "string", "torch", "firebomb",
                 "petrol", "bomb", "gas", "castrate", "beat", "batter", "behead", "hunt", "rope",
                 "noose", "pitchforks", "pitchfork", "torches", "slap", "punch", "kick", "smack",
                 "thump", "deck", "glass", "knife", "strangle"}), reportable=False)
_rule("never_again", "threat", 0.76,
      r"\bmake\s+sure\s+(?:she|he|you|they|u)\s+(?:never|doesn'?t|don'?t|can'?t|won'?t)\s+"
      r"(?:\w+\s+)?(?:works?|walks?|sees?|talks?|breathes?|harms?|hurts?|does|do)\b[^.!?]{0,30}?"
      r"\b(?:again|anyone|ever)\b|\b(?:i'?ll|i\s+will|we'?ll|we\s+will)\b[^.!?]{0,80}?,?\s*one\s+way\s+or\s+"
      r"another\b|\bmess\s+with\s+(?:my|our)\s+\w+\s+and\s+(?:you|u)(?:'ll|\s+will)\s+(?:be\s+sorry|"
      r"regret\s+it|pay)",
      frozenset({"sure", "another", "mess"}), reportable=False)
_rule("inside", "incitement", 0.9,
      r"\b(?:burn|torch|firebomb|bomb|blow)\w*\s+(?:\w+\s+){0,6}?with\s+(?:\w+\s+){0,3}?"
      r"(?:still\s+)?(?:inside|in\s+it|in\s+there)\b", _TRIG_THREAT, reportable=False)
_rule("should_be_harmed", "incitement", 0.86,
      r"\b(?:should(?:'?ve|\s+have)?|ought\s+to(?:\s+have)?|need\s+to|needs\s+to|"
      r"deserve\s+to|deserves\s+to|must)\s+(?:all\s+)?(?:be\s+|been\s+)?"
      r"(?:(?:dragged|taken|marched|led|rounded)\s+(?:out|up|outside)?\s*and\s+)?(?:shot|"
      r"dragged\s+through\s+the\s+streets|paraded\s+through|run\s+out\s+of\s+town|hanged|hung|strung\s+up|lynched|killed|burned|burnt|"
      r"put\s+down|executed|gassed|castrated|beaten|stabbed|tortured|flogged|whipped|"
      r"sterili[sz]ed|exterminated|wiped\s+out|put\s+against\s+a\s+wall|lined\s+up\s+and\s+"
      r"shot|burned\s+alive|burnt\s+alive|hung\s+drawn\s+and\s+quartered|die|suffer|rot|sectioned|"
      r"hit\s+by\s+a\s+(?:bus|car|train|truck|lorry)|run\s+over|"
      r"drowned|aborted|strangled|smothered|culled|neutered|stoned|beheaded|knee-?capped)\b"
      r"|\b(?:should|ought\s+to)\s+(?:never\s+have|not\s+have|n'?t\s+have)\s+been\s+born\b",
      _TRIG_THREAT)
_rule("death_wish", "death_wish", 0.86,
      r"\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?(?:you|u|he|she|they|it|the\s+\w+|"
      r"your\s+\w+|[a-z]+)\s+(?:\w+\s+){0,2}?(?:dies?|rots?|burns?|suffers?|chokes?|drowns?|"
      r"gets?\s+(?:cancer|hit|run\s+over|raped|attacked|beaten|stabbed|shot|killed|"
      r"what'?s\s+coming)|(?:was|were)\s+dead|(?:had\s+)?never\s+been\s+born|drops?\s+dead)\b"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?[^.!?]{0,110}?\b(?:gets?|got|is|are)\s+"
      r"(?:cancer|run\s+over|raped|attacked|beaten(?:\s+up)?|stabbed|shot|killed|robbed|"
      r"mugged|burgled|abused|groomed|what'?s\s+coming|taken\s+(?:off|away\s+from)\s+(?:you|her|him|them)|"
      r"sacked\s+and\s+(?:dies|starves)|hurt|battered|(?:the\s+)?same\s+treatment|"
      r"a\s+taste\s+of|their\s+(?:comeuppance|just\s+deserts))\b"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?[^.!?]{0,70}?\b(?:dies\s+slowly|"
      r"dies?\s+(?:a\s+)?(?:painful|horrible|slow)|dies?\s+in\s+a\s+fire|rots?\s+in|"
      r"suffers?\s+(?:like|as)|(?:burns?|burnt|burned)\s+down|gets?\s+(?:torched|burned\s+down|"
      r"firebombed)|burns?\s+(?:in|to\s+death|alive))"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?(?:you|u|he|she|they|the\s+\w+)\s+"
      r"(?:\w+\s+)?(?:lose|loses|lost)\s+(?:your|ur|his|her|their|the)\s+(?:kids|children|"
      r"baby|babies|job|home|house|everything|family|licence|son|daughter)"
      r"|\b(?:hope|hoping|wish|pray)\s+(?:that\s+)?[^.!?]{0,40}?\b(?:kids|children|baby|babies|"
      r"grandkids)\s+(?:get|gets|are|is|being)\s+(?:taken|removed)\b"
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
      r"(?:\w+\s+){0,2}?(?:die|disappear|jump|drop\s+dead|end\s+it|kill|top|hang|off|stop\s+breathing|"
      r"run\s+over|hit\s+by|drown|choke|overdose|get\s+cancer)\b|"
      r"\bbetter\s+off\s+if\s+(?:you|u)\s+(?:weren'?t|were\s+not|wasn'?t)\s+(?:in\s+it|here|"
      r"alive|around|born)|\bbetter\s+off\s+(?:dead|without\s+you\s+in\s+it)|"
      r"\b(?:nobody|no\s+one|noone)\s+(?:would|will)\s+miss\s+(?:you|u)\b|"
      r"\bworld\s+(?:would|will)\s+be\s+(?:a\s+)?better\s+(?:place\s+)?(?:off\s+)?without\s+"
      r"(?:you|u|people\s+like\s+you)\b|\bwhy\s+don'?t\s+(?:you|u)\s+(?:just\s+)?(?:die|"
      r"kill\s+(?:your|ur)self|end\s+it|jump)\b|\bdrink\s+bleach\b|"
      r"\bgo\s+(?:play|walk)\s+(?:in|on)\s+(?:traffic|the\s+motorway)\b|"
      r"(?:^|[.!?]\s*)(?:just\s+)?(?:jump\s+off\s+(?:something\s+(?:tall|high)|(?:a|the)\s+(?:bridge|cliff|building|"
      r"roof|tower|pier|multi-?storey|motorway|balcony|ledge|tall\s+\w+|high\s+\w+|"
      r"nearest\s+\w+))(?!\s*\?)|get\s+a\s+rope|"
      r"(?:go\s+)?swallow\s+(?:some\s+)?pills|hang\s+yourself|end\s+yourself)\b",
      trigger_words(SELF_HARM_WORDS), reportable=False)

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
      r"\bsend\s+nudes\b|\b(?:fun|nice|good)\s+to\s+bend\s+over\b|\bbend\s+(?:you|u|her)?\s*over\s+"
    r"(?:a|the|my|that)\s+(?:desk|table|bed|sofa|chair)|"
    r"\b(?:send\s+(?:me|us)\s+(?:\w+\s+)?(?:nudes|nude|naked|pics\s+of\s+(?:your|ur)|"
      r"dick\s*pics?)|show\s+(?:me|us)\s+(?:your|ur|yer|her|them)\s+(?:tits|boobs|arse|ass|"
      r"pussy|body|bum|knickers|nipples)|get\s+(?:your|ur|yer|her|them)\s+(?:tits|boobs|kit|"
      r"knickers)\s+(?:out|off)|sit\s+on\s+my\s+(?:face|lap|dick|cock)|suck\s+my\s+"
      r"(?:dick|cock|balls)|(?:post|send|share|dm|show|upload)\s+(?:me\s+|us\s+)?(?:a\s+)?(?:pic|pics|"
      r"photo|photos|picture|selfie|vid|video)\s+of\s+(?:you|u|yourself)\s+in\s+(?:your|ur)\s+"
      r"(?:school\s+)?(?:uniform|underwear|knickers|bra|bikini|pjs|pyjamas|nightie|tights)"
      r"|(?:nice|great|lovely|massive|big|perky|fit|sexy)\s+(?:tits|boobs|rack|"
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
      r"|\b(?:love|like|want|wanna)\s+to\s+see\s+(?:a\s+lot\s+)?more\s+of\s+(?:you|u|her)\b"
      r"(?=\s*(?:;-?\)|😉|😏|😍|🥵|xx?\b|babe|love|sweetheart|in\s+person))"
      r"|\b(?:nice|hot|sexy|fit|cute|lovely)\s+(?:pic|pics|photo|photos|profile\s+pic|selfie)\b"
      r"[^.]{0,50}?(?:;-?\)|😉|😏|😍|🥵|\bbabe\b|\bsexy\b)"
      r"|\b(?:dm|pm|message|inbox|text|snap|whatsapp)\s+me\b[^.!?]{0,50}?(?:;-?\)|😉|😏|😍|🥵|"
      r"\bbabe\b|\bsexy\b|\bgorgeous\b|\byou\s+look\s+(?:about\s+)?(?:1[0-7]|young))"
      r"|,\s*sexy\s*[,.!?]|\b(?:dm|pm|message|inbox|text)\s+me\s+(?:babe|baby|sexy|hun|gorgeous|darling|love|"
      r"sweetheart|if\s+you\s+want\s+(?:some|a\s+good\s+time))",
      frozenset({"fancy", "want", "up", "dm", "pm", "message", "inbox", "text", "love", "like",
                 "wanna", "pic", "pics", "photo", "photos", "selfie", "snap", "whatsapp"}),
      reportable=False)
_rule("undressed", "sexual", 0.84,
      # "with nothing on" needs a person wearing it: "a jacket potato with nothing on it"
      # is lunch.
      r"\b(?:you|u|yourself|her|herself|she|him|he|pics?|photos?|pictures?|selfies?)\b"
      r"[^.!?]{0,40}?\bwith\s+nothing\s+on\b(?!\s+(?:it|them|top|the|a|but|except|tv|telly|"
      r"offer|today|tonight|show))|\bin\s+(?:your|ur|her)\s+(?:underwear|knickers|bra|undies|"
      r"birthday\s+suit|bikini)\b|\bsend\s+(?:me|us)\s+(?:a\s+|some\s+)?(?:pic|pics|photo|"
      r"photos|picture|pictures|selfie|selfies|snap|snaps|vid|video)\b(?:[^.!?]{0,60}?(?:;-?\)|😉|"
      r"😏|😍|🥵|\buniform\b|\bnaked\b|\bbed\b|\bbath\b|\bshower\b)|\s+of\s+(?:you|u|yourself)"
      r"\s+in\b)",
      frozenset({"nothing", "underwear", "knickers", "bra", "undies", "birthday", "bikini",
                 "send"}), reportable=False)
_rule("in_bed", "sexual", 0.82,
      r"\b(?:dirty|wild|filthy|freak|good|great|naughty|kinky)\s+(?:one\s+|girl\s+|cow\s+|bitch\s+)?"
      r"in\s+bed\b|\b(?:your|ur|yer)\s+(?:mum|mam|mom|ma|sister|daughter|wife|missus|bird)\b"
      r"[^.!?]{0,25}?\b(?:is|'s|she's|shes)\s+(?:well\s+|dead\s+|proper\s+|so\s+)?(?:fit|hot|sexy|"
      r"peng|tidy|a\s+milf|gagging)\b",
      frozenset({"bed", "mum", "mam", "mom", "ma", "sister", "daughter", "wife", "missus",
                 "bird"}), reportable=False)
_rule("body_like", "sexual", 0.8,
      r"\b(?:body|figure|legs|arse|bum|tits|boobs|lips)\s+like\s+(?:that|yours|hers|that\s+on\s+"
      r"(?:you|her))\b|\bgives?\s+(?:good\s+|great\s+)?(?:head|blowjobs?|bjs?)\b|"
      r"\b(?:blowjob|bj)\s+(?:from|off)\s+(?:her|you|u)\b",
      frozenset({"body", "figure", "legs", "arse", "bum", "tits", "boobs", "lips", "give",
                 "gives", "blowjob", "bj"}), reportable=False)
_rule("sexual_remark", "sexual", 0.8,
      r"\b(?:i'?d|i\s+would|would)\s+(?:definitely\s+|happily\s+|so\s+)?give\s+(?:her|him|you|"
      r"that|the\s+(?:\w+\s+){0,3}?\w+)\s+one\b|\b(?:she|he|you|u)(?:'s|\s+is|'re|\s+are)\s+"
      r"(?:well|dead|proper|so|really)\s+(?:fit|hot|sexy|peng|tidy)\b"
      r"|\b(?:your|ur)\s+(?:daughter|son|kid|girl|boy|sister)(?:'s|\s+is)\s+(?:a\s+)?(?:looker|"
      r"stunner|fit|hot|sexy|cute\s+one|peng)\b",
      frozenset({"give", "fit", "hot", "sexy", "peng", "tidy", "looker", "stunner", "cute"}),
      reportable=False)
_rule("minor_sexual", "sexual", 0.86,
      r"\b(?:is|looks?|she'?s|he'?s)\s+(?:so\s+|well\s+|really\s+|proper\s+)?(?:hot|fit|sexy|peng|"
      r"tidy|gorgeous)\b[^.!?]{0,30}[.,!?]?\s*how\s+old\s+(?:is\s+she|is\s+he|are\s+(?:you|they))"
      r"|\b(?:see|show\s+you|feel)\s+what'?s\s+(?:under|in)\s+my\s+(?:desk|trousers|pants|boxers|"
      r"jeans|shorts)",
      frozenset({"hot", "fit", "sexy", "peng", "tidy", "gorgeous", "see", "show", "feel"}),
      reportable=False)
_rule("innuendo", "sexual", 0.82,
      r"\b(?:do|doing)\s+(?:filthy|dirty|naughty|unspeakable|nasty|rude)\s+things\s+(?:to|with)\s+"
      r"(?:her|him|you|u|that|the|this)\b|"
      r"\b(?:get\s+my\s+hands\s+on|have\s+my\s+way\s+with|do\s+things\s+to)\s+(?:that|her|you|u|the|"
      r"this)\b[^.!?]{0,50}?(?:if\s+you\s+know\s+what\s+i\s+mean|;-?\)|😉|😏|\bwink\b)"
      r"|\bget\s+my\s+hands\s+on\s+(?:that|this|the)\s+(?:young|little|teen|teenage)\s+\w+",
      frozenset({"hands", "way", "things"}), reportable=False)
_rule("legs_open", "sexual", 0.84,
      r"\b(?:legs|knees)\s+(?:open|apart|spread|in\s+the\s+air)\b|\bon\s+(?:your|ur|her)\s+knees\s+"
      r"(?:for|in\s+front)|\bmouth\s+(?:shut|closed)\s+and\s+(?:your|ur|her)\s+legs",
      frozenset({"legs", "knees", "mouth"}), reportable=False)
_rule("rape_threat", "sexual_violence", 0.95,
      r"\b(?:rape|raping|molest)\s+(?:you|u|her|him|them|your|(?:that|this|the|those|these)\s+"
      r"(?:\w+\s+)?(?:woman|girl|bitch|cow|worker|teacher|mum|mother|carer|judge|one|lot|\w+er))\b|"
      r"\b(?:get|be|deserves?\s+to\s+be|should\s+be|ought\s+to\s+be|hope\s+\w+\s+gets?)\s+"
      r"raped\b", _TRIG_SEX | frozenset({"rape", "raping", "molest", "raped", "hope"}),
      reportable=False)

# Pre-filters: a rule runs only when one of its trigger words and one of these is present, so
