"""Run every coach benchmark and write docs/benchmarks.md from their reports.

.venv/bin/python -m benchmarks.run_all      (or: make benchmarks)
"""

from __future__ import annotations

import platform
import sys

from . import (
    calibrate,
    corpus,
    flags,
    graded,
    heldout,
    keypoints,
    mohler,
    probes,
    references,
    relevance,
    semeval,
    speed,
    unsafe_answers,
)
from .common import OUT, ROOT
from .faults import worker_kill
from .load import cluster
from .load import run as load

SECTIONS = [
    ("heldout", "0. Held-out sets, scored once", "python -m benchmarks.heldout", heldout.main),
    ("corpus", "1. The graded corpus", "python -m benchmarks.corpus", corpus.main),
    ("probes", "1a. Sentence probes", "python -m benchmarks.probes", probes.main),
    ("relevance", "1b. Relevance", "python -m benchmarks.relevance", relevance.main),
    ("flags", "1c. Flag thresholds", "python -m benchmarks.flags", flags.main),
    (
        "references",
        "1d. Graded references (built before overall is fitted)",
        "python -m benchmarks.references",
        references.main,
    ),
    (
        "unsafe_answers",
        "1e. Unsafe practice, read at the answer level",
        "python -m benchmarks.unsafe_answers",
        unsafe_answers.main,
    ),
    ("calibrate", "2. Fitting overall", "python -m benchmarks.calibrate", calibrate.main),
    ("graded", "3. Earlier graded sets (in-sample)", "python -m benchmarks.graded", graded.main),
    ("keypoints", "3a. Talking points", "python -m benchmarks.keypoints", keypoints.main),
    ("mohler", "4. Mohler/UNT, zero-shot", "python -m benchmarks.mohler", mohler.main),
    ("semeval", "5. SemEval-2013 Task 7, 2-way", "python -m benchmarks.semeval", semeval.main),
    ("speed", "6. Speed", "python -m benchmarks.speed", speed.main),
    ("load", "7. Load: 20 users practising", "python -m benchmarks.load.run", load.main),
    (
        "cluster",
        "8. Cluster: 200 users on PostgreSQL and Redis, review workers",
        "python -m benchmarks.load.cluster",
        cluster.main,
    ),
    (
        "fault_worker_kill",
        "9. Fault: a review worker killed mid-review",
        "python -m benchmarks.faults.worker_kill",
        worker_kill.main,
    ),
]


def main() -> None:
    # --assemble: rebuild docs/benchmarks.md from the reports already in benchmarks/out/.
    if "--assemble" not in sys.argv:
        # The held-out sets are scored last: once, after everything they could depend on.
        for _, _, _, run in sorted(SECTIONS, key=lambda section: section[0] == "heldout"):
            run()
    parts = [
        "# Answer coach benchmarks",
        "",
        f"Produced by `make benchmarks` on {platform.machine()} with {platform.python_version()}; "
        "each section can be re-run alone with the command shown.",
        "",
        (ROOT / "docs" / "benchmarks_intro.md").read_text(encoding="utf-8").strip(),
        "",
    ]
    for name, title, command, _ in SECTIONS:
        report = OUT / f"{name}.md"
        body = report.read_text() if report.exists() else "Not run in this build of the page.\n"
        parts += [f"## {title}", "", f"`.venv/bin/{command}`", "", body]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
