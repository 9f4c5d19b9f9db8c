"""What a healthcare interviewer listens for, as data: terms, phrases and their better wording."""

from __future__ import annotations

# Stigmatising or non-person-first terms -> a better phrasing. Patterns are regular expressions
# matched case-insensitively on word boundaries.
STIGMATIZING: dict[str, str] = {
    r"non-?compliant|noncompliance|non-compliance": (
        "describe what happened: 'was not taking the medication as prescribed' or "
        "'had reasons for not following the plan'"
    ),
    r"frequent flyers?": "'a person who visits often' (and ask why they need to)",
    r"(?:an?|the) (?:diabetics?|epileptics?|asthmatics?|schizophrenics?|alcoholics?|addicts?)\b": (
        "person-first: 'a person living with diabetes', 'a person with epilepsy', "
        "'a person with a substance use disorder'"
    ),
    r"(?:diabetics|epileptics|schizophrenics|alcoholics|addicts)\b": (
        "person-first: 'people living with diabetes', 'people with a substance use disorder'"
    ),
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
    r"manipulative|attention[- ]seeking": "describe the behaviour and the need behind it",
    r"refused to cooperate|uncooperative": "'did not agree with the plan' (and say why)",
    r"abuser|junkie|druggie": (
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
    "at the end of the day",
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
    r"(?:it was|that was) (?:\w+ ){0,3}fault",
    r"(?:their|his|her|the \w+'s|management's|my manager's) fault",
    r"(?:they|he|she|the (?:nurses?|doctors?|team|staff|manager|management|scheduler)) "
    r"(?:just )?(?:didn'?t|did not|never|wouldn'?t|couldn'?t be bothered to) "
    r"(?:do|care|listen|bother|follow|read|pass|bother to)",
    r"\b(?:incompetent|lazy|useless|clueless|careless)\b",
    r"blame[ds]? (?:the|my|them|him|her)",
    r"(?:because|since) (?:of )?(?:my|the|our) (?:manager|colleagues?|coworkers?|co-workers?|team|"
    r"management|doctors?|nurses?) (?:was|were|is|are|kept|never|didn'?t|failed)",
    r"not my (?:job|problem|department|responsibility)",
    r"the patient was (?:being )?(?:unreasonable|impossible|rude|ridiculous|hysterical)",
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
    "at the end of the day",
    "i am very good at",
    "i'm very good at",
    "excellent communication skills",
    "great communicator",
    "i would do my best",
    "do whatever it takes",
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
    r"\bas a result\b",
    r"\bin the end\b",
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
