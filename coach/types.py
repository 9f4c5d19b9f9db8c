"""The coach's public data: what it reads (Question) and what it returns (Feedback)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CRITERIA = ("coverage", "structure", "specificity", "clarity", "language")

FLAG_CODES = (
    "off_topic",
    "too_short",
    "rambling",
    "keyword_list",
    "jargon",
    "stigmatizing_language",
    "confidentiality_risk",
    "blame",
    "absolute_claims",
    "missing_result",
    "contradicts_guidance",
    "generic",
    "unsafe_practice",
)


@dataclass(frozen=True)
class Question:
    """A question as the coach needs it. Only `text` is required.

    A bank question may also carry its `id`, its `red_flags` (what an interviewer would mark down,
    read for unsafe practice) and `other_examples` (further example answers, read for relevance).
    """

    text: str
    type: str = ""
    competency: str = ""
    key_points: tuple[str, ...] = ()
    example_answer: str = ""
    what_not_to_say: tuple[str, ...] = ()
    id: str = ""
    red_flags: tuple[str, ...] = ()
    other_examples: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        if not isinstance(data, dict) or not str(data.get("text", "")).strip():
            raise ValueError("a question needs a non-empty `text`")
        return cls(
            text=str(data["text"]),
            type=str(data.get("type") or "").lower(),
            competency=str(data.get("competency") or ""),
            key_points=tuple(str(p) for p in data.get("key_points") or () if str(p).strip()),
            example_answer=str(data.get("example_answer") or ""),
            what_not_to_say=tuple(str(p) for p in data.get("what_not_to_say") or ()),
            id=str(data.get("id") or ""),
            red_flags=tuple(str(p) for p in data.get("red_flags") or () if str(p).strip()),
            other_examples=tuple(
                str(p) for p in data.get("other_examples") or () if str(p).strip()
            ),
        )


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of the answer."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class KeyPointResult:
    index: int
    text: str
    similarity: float
    covered: bool
    evidence: Span | None = None


@dataclass(frozen=True)
class FlagResult:
    code: str
    message: str
    evidence: tuple[Span, ...] = ()
    replacement: str = ""


@dataclass(frozen=True)
class Suggestion:
    criterion: str
    text: str


@dataclass(frozen=True)
class ScorePart:
    """One term of `overall`: points earned out of the most it can give (criteria, development),
    or points taken off (flags, with `possible` 0)."""

    name: str
    points: float
    possible: float = 0.0


@dataclass
class Feedback:
    overall: int
    criteria: dict[str, int]
    flags: list[FlagResult]
    key_points: list[KeyPointResult]
    suggestions: list[Suggestion]
    strengths: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    method: str = "embedding"
    word_count: int = 0
    # Words in sentences that are about the question: what `overall` counts as development.
    on_topic_words: int = 0
    # How `overall` was put together, term by term (coach.overall); the parts add up to it.
    score_parts: list[ScorePart] = field(default_factory=list)
    # The probability that the answer is about its question (coach.relevance).
    relevance: float = 1.0
    # How interviewers graded the answers nearest this one among the graded answers to the same
    # bank question (1..5, coach.references), and how many graded answers there are; None when
    # the question has no references.
    references_grade: float | None = None
    references_count: int = 0
    # Flags the coach read but is not sure of (coach.engine.TENTATIVE): shown as a note, never
    # counted in `overall` nor listed in `flags`.
    tentative: list[FlagResult] = field(default_factory=list)
    # Set only when an administrator configured the optional LLM reviewer (coach.llm).
    llm: Any = None

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]

    @property
    def covered_key_points(self) -> list[int]:
        return [k.index for k in self.key_points if k.covered]

    @property
    def missing_key_points(self) -> list[int]:
        return [k.index for k in self.key_points if not k.covered]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["flag_codes"] = self.flag_codes
        data["covered_key_points"] = self.covered_key_points
        data["missing_key_points"] = self.missing_key_points
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feedback:
        """The Feedback that `to_dict` stored (the derived keys it adds are ignored)."""

        def span(item: dict[str, Any] | None) -> Span | None:
            return Span(item["start"], item["end"], item["text"]) if item else None

        def flag(f: dict[str, Any]) -> FlagResult:
            return FlagResult(
                f["code"],
                f["message"],
                tuple(Span(e["start"], e["end"], e["text"]) for e in f.get("evidence", ())),
                f.get("replacement", ""),
            )

        return cls(
            overall=data["overall"],
            criteria=dict(data["criteria"]),
            flags=[flag(f) for f in data["flags"]],
            tentative=[flag(f) for f in data.get("tentative", [])],
            key_points=[
                KeyPointResult(
                    k["index"], k["text"], k["similarity"], k["covered"], span(k.get("evidence"))
                )
                for k in data["key_points"]
            ],
            suggestions=[
                Suggestion(s["criterion"], s["text"]) for s in data.get("suggestions", [])
            ],
            strengths=list(data.get("strengths", [])),
            notes=list(data.get("notes", [])),
            method=data.get("method", "embedding"),
            word_count=data.get("word_count", 0),
            on_topic_words=data.get("on_topic_words", 0),
            score_parts=[
                ScorePart(p["name"], p["points"], p["possible"])
                for p in data.get("score_parts", [])
            ],
            llm=data.get("llm"),
            relevance=data.get("relevance", 1.0),
            references_grade=data.get("references_grade"),
            references_count=data.get("references_count", 0),
        )

    def batch_line(self, item_id: str) -> dict[str, Any]:
        """One output line of `careprep coach evaluate` (the batch contract in PRODUCT.md)."""
        return {
            "id": item_id,
            "overall": self.overall,
            "criteria": dict(self.criteria),
            "flags": self.flag_codes,
            "covered_key_points": self.covered_key_points,
            "missing_key_points": self.missing_key_points,
        }
