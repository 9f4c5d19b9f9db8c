"""The lawful-question guard: pure Python (no Django), rules and examples as data beside it.

`check(question, jurisdiction=..., role=...)` says whether an interview question asks a candidate
about a protected topic in the US, the UK or Canada, names the topic and the rule, explains why, and
offers a lawful job-related alternative. It is a screening aid for kit writers, not legal advice.
"""

from .check import TopicHit, Verdict, check, jurisdiction_code

__all__ = ["TopicHit", "Verdict", "check", "jurisdiction_code"]
