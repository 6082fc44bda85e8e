"""Sensitive-topic vocabularies (care, health/SEN, abuse, education status) as one fast regex."""

from __future__ import annotations

import re
from functools import lru_cache

from moderation.child_patterns import trie_regex

CARE_TERMS = """
in care|into care|taken into care|went into care|came into care|in foster care|foster care|
foster home|foster homes|foster placement|foster placements|fostered|being fostered|placed with|
placed in|placed at|placement|placement order|care order|interim care order|supervision order|
emergency protection order|epo|child arrangements order|special guardianship|
special guardianship order|sgo|kinship care|kinship placement|came to live with us|
come to live with us|removed at birth|removed from|taken off us|taken off me|taken from us|
taken from me|adopted|adoption|up for adoption|placed for adoption|child protection plan|
child protection plans|child protection|cp plan|on a plan|child in need plan|cin plan|
section 20|s20|section 31|s31|section 47|s47|care proceedings|family court|care case|
looked after|looked-after|lac|children's home|childrens home|residential home|
residential placement|secure children's home|secure unit|secure accommodation|care leaver|
leaving care|youth offending|yot|youth offending team|youth court|referral order|youth custody|
young offender institution|yoi|on remand|remanded|arrested|charged with|cautioned|court case|
cafcass|children's guardian|her social worker|his social worker|their social worker|
pep meeting|pep meetings|pep|virtual school|ran away|runs away|missing from care|went missing|
reported missing|missing from home|respite|respite package|short breaks|private fostering|
connected carer|residence order|parenting assessment|contact centre|supervised contact|
unaccompanied|uasc|asylum seeking child|child in need|on the child protection register|
care home|care placement|placement broke down|placement breakdown|fifth foster home|
foster homes|moved placements|semi-independent|supported lodgings|in custody|detained|
foster family|foster families|young carer|foster mum|foster dad|foster carer|foster carers|matching panel|
appropriate adult|police interview|sofa surfing|kicked out|gone missing|tribunal|
kinship order|missing from placement|missing from her placement|missing from his placement|
missing from the placement|remand|remanded to|strategy meeting|strategy discussion|mash|mash referral|
lado|section 47 enquiry|secure children's home|secure home|deprivation of liberty|dol order|dols|
supported accommodation|care plan|pathway plan|
leaving care team|placement move|emergency placement|special guardian|sgo assessment|
care review|lac review|looked after review|child protection conference|initial child protection conference|
interim supervision order|birth mum|birth dad|
birth family|birth parents|young offenders|young offenders institution|borstal|curfew|
bail conditions|in kinship with|kinship grandson|kinship granddaughter|
lives with his nan|lives with her nan|lives with his gran|lives with her gran|lives with his grandparents|
lives with her grandparents|mum went to prison|dad went to prison|mum is in prison|dad is in prison|
mum's in prison|dad's in prison|care kid|at-risk register|at risk register|was deported|been deported
"""
HEALTH_TERMS = """
ehcp|ehcps|ehc plan|education health and care plan|statement of sen|sen support|send support|
special needs|special educational needs|additional needs|autism|autistic|asd|adhd|dyslexia|
dyslexic|dyspraxia|dyscalculia|fasd|foetal alcohol|fetal alcohol|cerebral palsy|down syndrome|
down's syndrome|downs syndrome|epilepsy|epileptic|seizures|diabetes|diabetic|leukaemia|leukemia|
cancer|tumour|brain tumour|diagnosed|diagnosis|disabled|disability|learning disability|
learning disabilities|learning difficulties|global developmental delay|developmental delay|
speech delay|speech and language delay|non-verbal|nonverbal|deaf|hearing aid|hearing aids|
hearing impaired|blind|visually impaired|wheelchair|tube fed|feeding tube|mental health|
anxiety|depression|depressed|self-harm|self harm|self-harms|self-harming|self harming|selfharm|
cutting herself|cutting himself|suicidal|suicide attempt|attempted suicide|tried to kill herself|
tried to kill himself|overdose|overdosed|eating disorder|anorexia|anorexic|bulimia|ptsd|
traumatised|attachment disorder|reactive attachment|camhs|sectioned|tier 4|psychiatric|ocd|
tourette's|tourettes|pda|sensory processing|premature|nicu|scbu|pregnant|pregnancy|
expecting a baby|miscarriage|termination|abortion|hiv|anaphylaxis|medication|hospitalised|
in hospital|life-limiting|life limiting|palliative|terminally ill|hydrocephalus|spina bifida|
cystic fibrosis|sickle cell|heart condition|brain injury|paralysed|genetic condition|
selective mutism|cochlear implant|insulin|chemo|chemotherapy|tics|stammer|asthma|
neurodivergent|special school|sensory needs|complex needs|medical needs|long covid|
drug use|drinking|alcohol|cannabis|burns unit|severe burns|skin graft|skin grafts|grafts|
failure to thrive|speech therapy|gender identity clinic|
gender clinic|gender pathway|gids|gender identity service|gender service|non-binary|nonbinary|
transgender|trans|night terrors|flashbacks|bereaved|bereavement|grieving|inpatient|inpatient unit|
adolescent unit|psychiatric unit|eating disorder unit|
puberty blockers|gender dysphoria|socially transitioned|transitioning|
tracheostomy|trachy|gastrostomy|peg fed|ng tube|ventilator|methadone|
neonatal abstinence|neonatal abstinence syndrome|nas baby|born addicted|
pathological demand avoidance|arfid|tic disorder|self harms|her cuts|his cuts|
cuts herself|cuts himself|burns herself|burns himself|ligature|
panic attacks|psychosis|bipolar|bpd|eupd|personality disorder|binge eating|
laxatives|sensory issues|
burns|scalds|black eye|fracture|fractured|broken arm|broken leg|head injury|bleed on the brain|
gave birth|giving birth|had a baby|termination of pregnancy|weeks pregnant|
muscular dystrophy|duchenne|coma|ventilated|hospice|dialysis|transplant|
wets the bed|wetting the bed|bedwetting|bed wetting|enuresis|soiling|leg brace|back brace|stoma|
colostomy|centile|semh|social emotional and mental health|
mute|nonspeaking|non-speaking|alnco|aln|additional learning needs|co-ordinated support plan
"""
ABUSE_TERMS = """
groomed|grooming|county lines|cse|cce|child sexual exploitation|criminal exploitation|
sexually exploited|exploited|exploitation|abused|sexually abused|sexual abuse|physical abuse|
emotional abuse|abuse|neglect|neglected|assaulted|sexually assaulted|raped|rape|trafficked|
trafficking|modern slavery|fgm|domestic abuse|domestic violence|beaten|injuries|bruises|
bruising|non-accidental injury|non accidental injury|shaken|sexting|nudes|sextortion|
radicalised|prevent referral|stabbed|gang|gangs|drug running|running drugs|cuckooing|
forced marriage|starved|molested|indecent images|online predator|abuser|exploiting|
hits her|hits him|hit her|hit him|hitting her|hitting him|beats her|beats him|
beat her|beat him|punched|slapped|strangled|touched her|touched him|touching her|touching him|disclosed|disclosure|
sexual assault|indecent assault|inappropriate messages|nude images|
debt bondage|stabbing|restrained|restraint|witnessed the|witnessed his|witnessed her|
saw what happened to his mum|saw what happened to her mum|run gear|running gear|running a line|running for a line|
run county|use him to run|use her to run|by older men|by older males|with older men|with older males|
older boyfriend
"""
EDUCATION_TERMS = """
permanently excluded|excluded from|excluded|exclusion|exclusions|out of school|missing education|
home educated|electively home educated|managed move|isolation booth|isolation booths|
part-time timetable|reduced timetable|school refuser|school refusal|off-rolled|off rolled|
pupil referral unit|pru|fixed-term exclusion|fixed term exclusion|
permanent exclusion|alternative provision|not in school|kept off school|expelled|in isolation|
hasn't set foot in school|not set foot in school|missed school|missing school
"""

CATEGORY_KIND = {
    "care": "care_status",
    "health": "health_or_sen",
    "abuse": "abuse_or_exploitation",
    "education": "school",
}


def _phrases(block: str) -> list[str]:
    return [p.strip() for p in block.replace("\n", "").split("|") if p.strip()]


@lru_cache(maxsize=1)
def term_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """(regex over lowercase text, phrase -> category); built once per process."""
    lookup: dict[str, str] = {}
    for cat, block in (
        ("education", EDUCATION_TERMS),
        ("abuse", ABUSE_TERMS),
        ("health", HEALTH_TERMS),
        ("care", CARE_TERMS),
    ):
        for p in _phrases(block):
            lookup.setdefault(term_key(p), cat)
    # A leading \b: the phrases start with most letters, so trying them at word starts only is faster.
    pattern = re.compile(r"\b" + trie_regex(lookup) + r"\b")
    return pattern, lookup


def term_key(matched: str) -> str:
    """Lookup key for a phrase: lowercase, hyphens as spaces, single spaces."""
    return " ".join(matched.lower().replace("-", " ").split())
