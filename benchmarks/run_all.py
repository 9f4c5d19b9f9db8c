"""Run every coach benchmark and write docs/benchmarks.md from their reports.

.venv/bin/python -m benchmarks.run_all      (or: make benchmarks)
"""

from __future__ import annotations

import platform
import sys

from . import calibrate, graded, keypoints, mohler, probes, semeval, speed
from .common import OUT, ROOT
from .load import run as load

SECTIONS = [
    ("probes", "1. Sentence probes", "python -m benchmarks.probes", probes.main),
    ("calibrate", "2. Fitting overall", "python -m benchmarks.calibrate", calibrate.main),
    ("graded", "3. Graded interview answers", "python -m benchmarks.graded", graded.main),
    ("keypoints", "3a. Talking points", "python -m benchmarks.keypoints", keypoints.main),
    ("mohler", "4. Mohler/UNT, zero-shot", "python -m benchmarks.mohler", mohler.main),
    ("semeval", "5. SemEval-2013 Task 7, 2-way", "python -m benchmarks.semeval", semeval.main),
    ("speed", "6. Speed", "python -m benchmarks.speed", speed.main),
    ("load", "7. Load: 20 users practising", "python -m benchmarks.load.run", load.main),
]


def main() -> None:
    # --assemble: rebuild docs/benchmarks.md from the reports already in benchmarks/out/.
    if "--assemble" not in sys.argv:
        for _, _, _, run in SECTIONS:
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
        parts += [f"## {title}", "", f"`.venv/bin/{command}`", "", (OUT / f"{name}.md").read_text()]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
