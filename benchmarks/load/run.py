"""Load test: 20 users practising against `careprep run` on SQLite for 2 minutes (locust).

Prepares a fresh SQLite database with the bundled bank and 20 accounts, starts the server on a
loopback port, runs locust headless, and writes benchmarks/out/load.md.

    .venv/bin/python -m benchmarks.load.run [--minutes 2] [--users 20]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from ..common import ROOT, table, write_report
from ..graded import load

PASSWORD = "load-test-passphrase-42"
PORT = 8765
WARM_SECONDS = 25


def prepare(folder: Path, users: int) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'load.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
    }
    careprep = str(Path(sys.executable).parent / "careprep")
    subprocess.run([careprep, "content", "load"], env=env, check=True, capture_output=True)
    script = (
        "from accounts.services import user_create\n"
        f"for n in range(1, {users + 1}):\n"
        f"    user_create(username=f'load{{n}}', email=f'load{{n}}@example.org', "
        f"password='{PASSWORD}')\n"
    )
    subprocess.run(
        [sys.executable, "-c", "import django; django.setup();\n" + script],
        env={**env, "DJANGO_SETTINGS_MODULE": "careprep.settings"},
        check=True,
    )
    return env


def sentences() -> list[str]:
    from coach.text import sentences as split

    return [
        s.text
        for item in load("development")
        if not item["flags"]
        for s in split(item["text"])
        if s.text.endswith(".")
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=2)
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = prepare(folder, args.users)
        careprep = str(Path(sys.executable).parent / "careprep")
        server = subprocess.Popen(
            [careprep, "run", "--port", str(PORT)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(60):
                try:
                    if httpx.get(f"http://127.0.0.1:{PORT}/", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            time.sleep(WARM_SECONDS)  # workers embed the bank's questions once at start
            import django

            os.environ.update(
                {"DATABASE_URL": env["DATABASE_URL"], "DJANGO_SETTINGS_MODULE": "careprep.settings"}
            )
            django.setup()
            from questionbank.models import Question

            data = {
                "password": PASSWORD,
                "sentences": sentences(),
                "questions": list(Question.objects.values_list("slug", flat=True)),
            }
            (folder / "data.json").write_text(json.dumps(data))
            subprocess.run(
                [
                    str(Path(sys.executable).parent / "locust"),
                    "-f",
                    str(ROOT / "benchmarks/load/locustfile.py"),
                    "--headless",
                    "-u",
                    str(args.users),
                    "-r",
                    "5",
                    "-t",
                    f"{int(args.minutes * 60)}s",
                    "--host",
                    f"http://127.0.0.1:{PORT}",
                    "--csv",
                    str(folder / "stats"),
                    "--only-summary",
                ],
                env={**os.environ, "CAREPREP_LOAD_DATA": str(folder / "data.json")},
                check=False,
                capture_output=True,
            )
            rows = list(csv.DictReader((folder / "stats_stats.csv").open()))
        finally:
            server.terminate()
            server.wait(timeout=30)
    body = [
        [
            r["Name"],
            r["Request Count"],
            r["Failure Count"],
            f"{float(r['Requests/s']):.1f}",
            r["50%"],
            r["95%"],
            r["99%"],
        ]
        for r in rows
    ]
    report = "\n".join(
        [
            f"{args.users} users practising for {args.minutes:g} minutes against `careprep run` "
            "(gunicorn, 2 workers x 4 threads) on SQLite, on this 2-core machine. Each user opens "
            "a question, takes 3-8 s to write a new answer of 6-14 sentences, submits it, reads "
            "the feedback and waits 2-5 s (about ten times faster than real candidates). "
            f"Measured after the server's {WARM_SECONDS} s warm-up. Times in ms.",
            "",
            table(["request", "count", "errors", "req/s", "p50", "p95", "p99"], body),
        ]
    )
    print(report)
    write_report("load", report)


if __name__ == "__main__":
    main()
