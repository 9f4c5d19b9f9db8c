"""The held-out sets: answers by authors with other briefs, each graded by two graders.

Never fitted or tuned on (benchmarks/calibrate.py reads only the training corpus); scored once
after the last change to the coach. Reports, per set and pooled:
  - Spearman and within-question pairwise ordering of `overall` against the mean of the two
    graders, beside the two graders' own agreement (the ceiling) and naive baselines;
  - flag precision and recall against the flags either grader raised;
  - the product targets: wrong-question and unsafe answers at most 30, concise complete answers
    (35-75 words, graded 4-5) at least 65 on average, no grade-5 answer below 50, and how often
    an answer graded 4-5 raises a flag that sinks an answer.

    .venv/bin/python -m benchmarks.heldout
"""

from __future__ import annotations

from typing import Any

import numpy as np

from coach import review
from coach.bank import use_bank

from .common import cached_embedder, spearman, table, write_report
from .corpus import AGREEMENT_HEADERS, agreement, batches, held_out, pairwise_by
from .graded import bank_questions, baselines, flag_table

SINKING = ("off_topic", "unsafe_practice", "keyword_list", "too_short", "contradicts_guidance")
WATCHED = ("off_topic", "unsafe_practice", "contradicts_guidance", "stigmatizing_language")


def coverage_length(items: list[dict[str, Any]], feedback: list[Any]) -> list[float]:
    """The naive baseline the issue names: talking-point coverage times log length."""
    return [
        f.criteria["coverage"] * np.log1p(len(i["text"].split()))
        for i, f in zip(items, feedback, strict=True)
    ]


def targets(items: list[dict[str, Any]], overall: list[int]) -> list[list[str]]:
    def share(selected: list[int], test: Any) -> str:
        if not selected:
            return "–"
        return f"{sum(test(overall[k]) for k in selected)}/{len(selected)}"

    wrong = [k for k, i in enumerate(items) if "off_topic" in i["flags"]]
    unsafe = [k for k, i in enumerate(items) if "unsafe_practice" in i["flags"]]
    concise = [
        k for k, i in enumerate(items) if 35 <= len(i["text"].split()) <= 75 and i["grade"] >= 4
    ]
    fives = [k for k, i in enumerate(items) if i["grade"] >= 5]
    mean_concise = f"{np.mean([overall[k] for k in concise]):.0f}" if concise else "–"
    return [
        [
            "wrong-question answers (a grader's off_topic) scored <= 30",
            share(wrong, lambda v: v <= 30),
        ],
        [
            "unsafe answers (a grader's unsafe_practice) scored <= 30",
            share(unsafe, lambda v: v <= 30),
        ],
        ["concise complete answers (35-75 words, graded 4-5): mean overall", mean_concise],
        ["grade-5 answers below 50", share(fives, lambda v: v < 50)],
        ["lowest overall of a grade-5 answer", str(min((overall[k] for k in fives), default="–"))],
    ]


def sinking_rate(items: list[dict[str, Any]], found: list[list[str]]) -> str:
    good = [k for k, i in enumerate(items) if i["grade"] >= 4]
    sunk = sum(bool(set(found[k]) & set(SINKING)) for k in good)
    return f"{sunk}/{len(good)} ({sunk / max(len(good), 1):.0%})"


def evaluate(name: str, items: list[dict[str, Any]]) -> str:
    feedback = [review(i["question"], i["text"]) for i in items]
    grades = [float(i["grade"]) for i in items]
    overall = [f.overall for f in feedback]
    methods: dict[str, list[float]] = {"coach overall": [float(v) for v in overall]}
    methods["coverage x log length (baseline)"] = coverage_length(items, feedback)
    methods.update(baselines(items))
    rows = [
        [method, f"{spearman(values, grades):.3f}", f"{pairwise_by(items, values, grades):.3f}"]
        for method, values in methods.items()
    ]
    found = [f.flag_codes for f in feedback]
    flags, _, _ = flag_table(items, found)
    return "\n".join(
        [
            f"### {name}: {len(items)} answers to {len({i['question_id'] for i in items})} "
            f"bank questions by {len({i['author'] for i in items})} authors",
            "",
            table(["method", "Spearman", "within-question pairwise"], rows),
            "",
            "The two graders against each other (the ceiling):",
            "",
            table(AGREEMENT_HEADERS, agreement(items)),
            "",
            "Flags (expected = raised by either grader):",
            "",
            flags,
            "",
            table(["target", "result"], targets(items, overall)),
            "",
            f"Answers graded 4-5 that raise a sinking flag ({', '.join(SINKING)}): "
            f"{sinking_rate(items, found)}",
            "",
        ]
    )


def main() -> None:
    embedder = cached_embedder()
    bank = bank_questions()
    use_bank(bank.values())
    sets = {name: held_out(name, bank) for name in batches("eval")}
    sets["all held-out sets"] = [i for items in sets.values() for i in items]
    report = "\n".join(evaluate(name, items) for name, items in sets.items())
    embedder.save()
    print(report)
    write_report("heldout", report)


if __name__ == "__main__":
    main()
