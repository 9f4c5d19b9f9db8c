"""Precision and recall of the lawful-question guard on its two question tables.

    .venv/bin/python -m benchmarks.guard

`cases` is the table the rules were written against; `heldout` was written after and is the fairer
figure. Unlawful is the positive class. Pure Python: no database, no model.
"""

from __future__ import annotations

from hiring.guard.table import TABLES, read_table, score


def main() -> None:
    print(f"{'table':<8} {'n':>4} {'unlawful':>8} {'precision':>9} {'recall':>6} {'topics':>6}")
    for name in TABLES:
        result, mistakes = score(read_table(name))
        unlawful = result.true_pos + result.false_neg
        topics = result.topic_hits / result.true_pos if result.true_pos else 1.0
        print(
            f"{name:<8} {result.cases:>4} {unlawful:>8} {result.precision:>9.3f} "
            f"{result.recall:>6.3f} {topics:>6.3f}"
        )
        for case, lawful, found in mistakes:
            got = f"got {lawful} {sorted(found)}"
            print(f"  miss: expected lawful={case.lawful}, {got}: {case.question}")


if __name__ == "__main__":
    main()
