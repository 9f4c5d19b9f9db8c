"""What a healthcare interviewer listens for, as data: terms, phrases and their better wording."""

from __future__ import annotations

import re
from collections.abc import Iterable


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `patterns`."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Stigmatising or non-person-first terms -> a better phrasing. Patterns are regular expressions
# matched case-insensitively on word boundaries.
# Person-first wording for a condition used as a noun ("a diabetic", "the addicts").
PERSON_FIRST = {
    "diabetic": "a person living with diabetes",
    "epileptic": "a person with epilepsy",
    "asthmatic": "a person with asthma",
    "schizophrenic": "a person living with schizophrenia",
    "alcoholic": "a person with an alcohol use disorder",
    "addict": "a person with a substance use disorder",
}
STIGMATIZING: dict[str, str] = {
    r"non-?compliant|noncompliance|non-compliance": (
        "describe what happened: 'was not taking the medication as prescribed' or "
        "'had reasons for not following the plan'"
    ),
    r"frequent flyers?": "'a person who visits often' (and ask why they need to)",
    # The rephrasing for these names the condition that was said (data: PERSON_FIRST).
    r"(?:an?|the) (?:diabetics?|epileptics?|asthmatics?|schizophrenics?|alcoholics?|addicts?)\b": (
        "person-first"
    ),
    r"(?:diabetics|epileptics|schizophrenics|alcoholics|addicts|asthmatics)\b": "person-first",
    r"difficult (?:patients?|famil(?:y|ies)|relatives?)": (
        "describe the situation, not the person: 'a patient who was frustrated' or "
        "'a family under a lot of stress'"
    ),
    r"drug[- ]seek(?:er|ers|ing)": "'a person asking for pain relief' or describe their request",
    r"bed[- ]blockers?": "'a person waiting for a safe discharge'",
    r"wheelchair[- ]bound|confined to a wheelchair": "'a person who uses a wheelchair'",
    r"suffer(?:s|ing|ed)? from": "'lives with', 'has' or 'was diagnosed with'",
    r"(?:a |the )?victims? of (?:cancer|stroke|aids|hiv|dementia|a stroke)": (
        "'a person who had a stroke', 'a person living with cancer'"
    ),
    r"the elderly|elderlies|old people": "'older adults' or 'older patients'",
    r"demented|senile": "'a person living with dementia'",
    r"crazy|psycho|nutcase|mental case|lunatic": "'a person in mental health crisis'",
    r"handicapped|retarded|cripple[ds]?": "'a person with a disability' (ask their preference)",
    r"manipulative|attention[- ]seek(?:ing|ers?)": "describe the behaviour and the need behind it",
    r"(?:stroke|cancer|accident) victims?": (
        "'a person who had a stroke', 'a person living with cancer'"
    ),
    r"hypochondriacs?|time[- ]wasters?|professional complainers?|nutters?|schizos?|hysterical": (
        "describe what the person did and what they needed, not a label"
    ),
    r"psych patients|the (?:dialysis|mental health|psych) lot|old dears": (
        "'people using the mental health service', 'older patients': name the people, not a group"
    ),
    r"the (?:anorexic|bulimic|paraplegic|quadriplegic)s?\b|an? (?:anorexic|paraplegic)\b": (
        "person-first: 'a person with anorexia', 'a person with paraplegia'"
    ),
    r"refused to cooperate|uncooperative": "'did not agree with the plan' (and say why)",
    r"abusers?|junkies?|druggies?": (
        "'a person who uses drugs' or 'a person with a substance use disorder'"
    ),
}

# Jargon a patient (or a lay panel member) would not follow; acronyms that are everyday in
# patient-engagement work (HIPAA, EHR, ...) are in COMMON_ACRONYMS and not counted.
JARGON = frozenset(
    [
        "comorbidity",
        "comorbidities",
        "prn",
        "npo",
        "bid",
        "tid",
        "qid",
        "stat",
        "titrate",
        "titrated",
        "idiopathic",
        "iatrogenic",
        "contraindicated",
        "contraindication",
        "prognosis",
        "etiology",
        "aetiology",
        "sequelae",
        "nosocomial",
        "ambulate",
        "ambulating",
        "ambulatory",
        "hba1c",
        "dyspnea",
        "dyspnoea",
        "tachycardic",
        "hypertensive",
        "nephropathy",
        "emesis",
        "synergy",
        "synergies",
        "leverage",
        "leveraged",
        "leveraging",
        "operationalize",
        "operationalise",
        "operationalized",
        "operationalised",
        "actioned",
        "actionable",
        "bandwidth",
        "deliverables",
        "deliverable",
        "stakeholdering",
        "paradigm",
        "holistically",
        "optimization",
        "optimisation",
        "kpis",
        "kpi",
        "roi",
        "throughput",
        "capacity-building",
        "value-add",
        "ideate",
        "ideation",
        "disintermediate",
        "touchpoints",
        "touchpoint",
        "onboarded",
        "onboarding",
        "escalations",
        "workstream",
        "workstreams",
        "socialize",
        "socialise",
        "socialized",
        "socialised",
        "interoperability",
        "hcahps",
        "cahps",
        "proms",
        "prems",
        "pdsa",
        "rca",
        "dnr",
        "dnar",
        "mrn",
        "adt",
        "los",
        "pcp",
        "ed",
        "icu",
    ]
)
COMMON_ACRONYMS = frozenset(
    [
        "I",
        "HIPAA",
        "EHR",
        "EMR",
        "ICU",
        "ER",
        "GP",
        "NHS",
        "US",
        "UK",
        "AI",
        "IT",
        "HR",
        "QI",
        "STAR",
        "OK",
        "ID",
        "TV",
        "PDF",
        "MRI",
        "CT",
        "A&E",
        "HIV",
        "AIDS",
        "COVID",
    ]
)

FILLERS = (
    "um",
    "uh",
    "erm",
    "you know",
    "sort of",
    "kind of",
    "i mean",
    "basically",
    "literally",
    "actually",
    "like i said",
    "to be honest",
    "stuff like that",
    "and stuff",
    "or whatever",
    "things like that",
)
HEDGES = (
    "i think maybe",
    "i guess",
    "i suppose",
    "probably",
    "perhaps",
    "somewhat",
    "not sure",
    "maybe",
    "kind of",
    "i would try to",
    "hopefully",
)

BLAME = (
    r"(?:wasn'?t|was not|isn'?t|is not) my fault",
    r"(?:it was|that was) (?:the |their |his |her |\w+'s |\w+s' )(?:\w+ )?fault",
    r"(?:their|his|her|the \w+'s|the \w+s'|management's|my manager's) fault",
    r"(?:they|he|she|the (?:nurses?|doctors?|team|staff|manager|management|scheduler)) "
    r"(?:just )?(?:didn'?t|did not|never|wouldn'?t|couldn'?t be bothered to) "
    r"(?:do|care|listen|bother|follow|read|pass|bother to)",
    r"\b(?:incompetent|lazy|clueless)\b",
    r"\b(?:he|she|they|supervisor|manager|colleagues?|team|staff|nurses?|doctors?|consultant)s? "
    r"(?:was|were|is|are) (?:\w+ )?(?:useless|careless|hopeless|a nightmare)\b",
    r"\b(?:mostly|all|entirely|largely) down to (?:the|my|our|his|her|their) "
    r"(?:consultant|doctors?|nurses?|admin|team|staff|management|manager|supervisor|colleagues?|"
    r"receptionists?|patients?)",
    r"\bwas a disgrace\b",
    r"\bwhat they got wrong\b",
    r"\b(?:nurses|doctors|staff|consultant|team|they) (?:just )?ignored\b",
    r"\bnever once (?:spoke|listened|helped|called|asked)\b",
    r"\b(?:half|most|some) (?:of )?(?:the|my) (?:team|colleagues|staff) (?:just )?"
    r"(?:couldn'?t cope|didn'?t care|gave up)",
    r"blame[ds]? (?:the|my|them|him|her)",
    r"(?:because|since) (?:of )?(?:my|the|our) (?:manager|colleagues?|coworkers?|co-workers?|team|"
    r"management|doctors?|nurses?) (?:was|were|is|are|kept|never|didn'?t|failed)",
    r"not my (?:job|problem|department|responsibility)",
    r"the patient was (?:being )?(?:unreasonable|impossible|rude|ridiculous|hysterical)",
    r"\b(?:staff|team|colleagues?|management|manager|nurses?|doctors?|they)\b[^.]{0,40}\b"
    r"(?:were|was|are|is) (?:honestly |really |simply |just )?the (?:real )?problem",
    r"(?:couldn'?t|could not) be bothered",
    r"pull(?:ed|ing)? (?:their|his|her) weight",
    r"(?:error|mistake|fault),? not mine",
    r"\b(?:was|is) (?:a|such a) (?:mess|joke|shambles|disaster)\b",
    r"colleagues (?:just )?(?:moan|complain|whinge)",
    r"(?:some |most |the )?(?:doctors|nurses|staff|management|clinicians) (?:just )?"
    r"(?:don'?t|never) (?:listen|care|help|bother)",
    r"never back (?:us|me) up",
    r"nobody (?:ever )?(?:took|takes|would take) responsibility",
    r"treated (?:my family|us|me|patients|him|her) (?:terribly|badly|awfully|appallingly)",
    r"badly (?:run|managed|led)",
    r"(?:can'?t|couldn'?t) get away with",
    r"(?:the )?doctor is (?:clearly|obviously) (?:missing|wrong)",
    r"it'?s the management",
)

ABSOLUTE = (
    r"i (?:have )?never (?:make|made|makes) (?:a )?(?:mistakes?|errors?)",
    r"i (?:have )?never (?:been|got|get|gotten) (?:stressed|upset|overwhelmed|angry|frustrated|"
    r"affected|wrong)",
    r"(?:doesn'?t|does not|didn'?t|did not|never) (?:really )?(?:affect|bother|get to|upset) me"
    r"(?: at all)?",
    r"nothing (?:ever )?(?:bothers|affects|upsets|gets to|fazes) me",
    r"i (?:am|'m) never (?:wrong|stressed|late|upset)",
    r"i (?:always|never) get (?:it|everything) right",
    r"i (?:have )?never (?:had|been in) (?:a |any )?(?:conflicts?|disagreements?|complaints?)",
    r"i don'?t (?:get|feel) (?:stressed|stress|burnout|burned out|burnt out)",
    r"(?:mistakes|errors) (?:just )?don'?t happen (?:to me|on my watch)",
    r"i(?:'m| am) (?:a )?perfectionist,? so",
    r"i don'?t make mistakes",
    r"i (?:don'?t|do not) (?:really |ever )?make (?:any )?mistakes",
    r"(?:none of it|nothing) (?:really |ever )?(?:gets to|affects|bothers|upsets|fazes) me",
    r"i(?:'ve| have) never (?:once )?(?:felt|been|got) (?:stressed|upset|overwhelmed|affected)",
    r"never (?:once )?made a (?:single )?(?:\w+ )?(?:mistake|error)",
    r"never fails",
    r"never had a (?:single )?(?:complaint|problem|issue)",
    r"(?:one hundred|100) ?(?:percent|per cent|%) of the time",
    r"i (?:never|don'?t ever) (?:get|feel) (?:stressed|overwhelmed|upset)",
    r"i (?:don'?t|do not|never) (?:really |ever )?(?:get|receive) (?:any )?"
    r"(?:negative feedback|complaints|criticism)",
    r"never been anything (?:for anyone )?to complain about",
)

PLATITUDES = (
    "people person",
    "passionate about",
    "passion for helping",
    "always put patients first",
    "always put the patient first",
    "team player",
    "hard worker",
    "hard-working",
    "go above and beyond",
    "give 110",
    "love helping people",
    "love to help people",
    "i just care",
    "i really care",
    "make a difference",
    "i am very good at",
    "i'm very good at",
    "excellent communication skills",
    "great communicator",
    "i would do my best",
    "do whatever it takes",
    "care too much",
    "perfectionist",
    "patients always come first",
    "patients come first",
    "treat everyone the same",
    "treat every patient the same",
    "open-minded",
    "the most important thing",
    "very seriously",
    "incredibly important to me",
    "do the right thing",
    "genuinely care",
    "natural fit",
    "amazing reputation",
    "great place to work",
)

# Signs a long answer has wandered into the speaker's own life.
DIGRESSION = (
    r"\banyway\b",
    r"\bso yeah\b",
    r"\blong story short\b",
    r"\bwhere was i\b",
    r"\bgrowing up\b",
    r"\bwhen i was (?:a kid|little|young|at school|growing up)\b",
    r"\bat school\b",
    r"\bmy (?:cousin|aunt|uncle|husband|wife|boyfriend|girlfriend|kids|dog|cat|solicitor)\b",
    r"\bon holiday\b|\bvacation\b",
    r"\bwedding\b|\bdivorce\b",
    r"\b(?:the )?pub\b|\bfootball\b|\bmatch days?\b",
    r"\bweekends?\b",
    r"\bto be fair\b",
    r"\bi remember\b",
    r"\bfunny\b|\bfunnily\b",
)

# Cues of STAR parts in a behavioural answer.
SITUATION_CUES = (
    r"\b(?:when|while) i (?:was|worked|volunteered)",
    r"\bin my (?:previous|last|current|former) (?:role|job|position|post)",
    r"\b(?:last|this|one) (?:year|month|week|spring|summer|autumn|fall|winter)",
    r"\b(?:at|on) (?:a|our|my|the) (?:clinic|hospital|ward|unit|practice|committee|council|desk|"
    r"centre|center|helpline|department)",
    r"\bthere was a (?:time|patient|situation|family|case)",
    r"\b(?:once|one day|a few years ago|recently|two years ago|three years ago)\b",
    r"\b(?:a|one) (?:patient|family|caller|member|colleague|clinician|nurse|doctor) (?:who|was|had|"
    r"came|called|told)",
)
TASK_CUES = (
    r"\bmy (?:role|job|task|goal|aim|responsibility|priority) (?:was|were|is)",
    r"\bi (?:was|were) (?:asked|responsible|tasked|expected|assigned)",
    r"\bi (?:needed|had|wanted) to\b",
    r"\bthe (?:goal|aim|challenge|problem|issue) was\b",
    r"\bso that\b",
)
ACTION_CUES = (
    r"\bi (?:\w+ed|met|took|spoke|sat|set|made|wrote|ran|led|went|called|brought|built|gave|"
    r"began|chose|found|held|kept|put|rang|sent|told|drew|got|did)\b",
    r"\bfirst,? i\b",
    r"\bthen i\b",
)
RESULT_CUES = (
    r"\b(?:calmer|relieved|reassured|happier|satisfied|grateful)\b",
    r"\b(?:managing well|went home|got it right|came back|came to the)\b",
    r"\bno (?:\w+ )?(?:complaints|repeats?|errors|problems|incidents|misdirected|further)\b",
    r"\bhas(?:n'?t| not) (?:had|happened|recurred)\b",
    r"\b(?:the )?lessons? (?:for me|i)\b",
    r"\b(?:it'?s|it is|is|are|was) now\b",
    r"\b(?:approved|overturned|agreed|accepted|reinstated|refunded|paid)\b",
    r"\b(?:is|was) what (?:lets|helps|allows|keeps)\b",
    r"\b(?:helped|helps) (?:me|her|him|them|us)\b",
    r"\bas a result\b",
    # Reflection counts in any tense: what was learned, and what would be done next time.
    r"\bnext time\b",
    r"\bin (?:the )?future\b",
    r"\bgoing forward\b",
    r"\bi (?:would|'d) now\b",
    r"\bif i (?:did|had|were to do) (?:it|that) again\b",
    r"\bi(?:'ve| have)? learn(?:t|ed)\b",
    r"\bsince then\b",
    r"\bresult(?:ed|s)?\b",
    r"\boutcome\b",
    r"\b(?:led|leading) to\b",
    r"\b(?:reduced|increased|improved|rose|fell|dropped|cut|halved|doubled|grew|went from|"
    r"went up|went down|decreased)\b",
    r"\d+ ?(?:%|percent|per cent)",
    r"\b(?:afterwards|after that|since then|by the end|within \w+ (?:weeks?|months?|days?))\b",
    r"\b(?:thanked|thanked me|wrote to|came back|fed back|feedback was|was resolved|resolved)\b",
    r"\bi (?:learned|learnt|now|still)\b",
    r"\b(?:which|that) (?:meant|helped|allowed|gave)\b",
)
SEQUENCE_CUES = (
    r"\bfirst(?:ly)?\b",
    r"\bthen\b",
    r"\bnext\b",
    r"\bafter that\b",
    r"\bfinally\b",
    r"\bsecond(?:ly)?\b",
    r"\bthird(?:ly)?\b",
    r"\bbefore\b",
    r"\bonce\b",
    r"\bif (?:that|this|they|the)\b",
    r"\bi would\b",
    r"\bmy (?:first|next) step\b",
)
EXPLANATION_CUES = (
    r"\bbecause\b",
    r"\bfor example\b",
    r"\bfor instance\b",
    r"\bsuch as\b",
    r"\bwhich means\b",
    r"\bso that\b",
    r"\bin practice\b",
    r"\bthe reason\b",
    r"\bthis (?:means|matters|helps)\b",
)
MOTIVATION_CUES = (
    r"\b(?:drew|draws|brought|led) me\b",
    r"\bwhy i\b",
    r"\bmy (?:own|family's|mother's|father's|experience)\b",
    r"\byour (?:organisation|organization|hospital|team|programme|program|clinic|trust|council|"
    r"mission|work)\b",
    r"\bthis role\b",
    r"\bi want(?:ed)? to\b",
)
CONCRETE_CUES = (
    r"\bfor example\b",
    r"\bfor instance\b",
    r"\bone (?:time|patient|family|day|case)\b",
    r"\bin my (?:previous|last|current) (?:role|job)\b",
    r"\blast (?:year|month|week)\b",
    r"\bwhen i (?:was|worked)\b",
)
TOOLS = frozenset(
    [
        "epic",
        "cerner",
        "mychart",
        "followmyhealth",
        "nextgen",
        "meditech",
        "athenahealth",
        "allscripts",
        "qualtrics",
        "surveymonkey",
        "redcap",
        "excel",
        "teams",
        "zoom",
        "slack",
        "sharepoint",
        "powerbi",
        "tableau",
        "outlook",
        "datix",
        "ulysses",
        "pemat",
        "ppeet",
        "pdsa",
        "hcahps",
        "press",
        "ganey",
    ]
)

DIAGNOSES = (
    r"cancer|hiv|aids|diabetes|dementia|depression|schizophrenia|bipolar|psychosis|overdose|"
    r"stroke|hepatitis|tuberculosis|miscarriage|abortion|pregnan\w+|dialysis|chemo\w*|"
    r"leukaemia|leukemia|tumou?r|suicid\w+|self-harm|addiction|alzheimer'?s|parkinson'?s|"
    r"sepsis|covid|diagnos\w+|terminal|palliative"
)
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
