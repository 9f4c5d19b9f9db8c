"""Speed of the coach: p50/p95 per answer (warm) at 50, 250 and 600 words, the ratio to the bare
embedding passes the same answers need, model load time and peak memory.

    .venv/bin/python -m benchmarks.speed
"""

from __future__ import annotations

import random
import resource
import statistics
import time

from coach import review
from coach.embeddings import OnnxEmbedder, default_paths, get_embedder, load_embedder
from coach.engine import prepare
from coach.text import sentences

from .common import table, write_report
from .graded import load

RUNS = 60


def sentence_pool() -> list[str]:
    pool = []
    for item in load("development"):
        if not item["flags"]:
            pool += [s.text for s in sentences(item["text"])]
    return pool


def make_answer(pool: list[str], words: int, rng: random.Random, serial: int) -> str:
    chosen: list[str] = []
    while sum(len(s.split()) for s in chosen) < words:
        chosen.append(rng.choice(pool))
    text = " ".join(chosen)
    cut = " ".join(text.split()[:words])
    # A serial number makes every answer new to the embedding cache, as a real answer is.
    return f"{cut} This was case {serial}."


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    started = time.perf_counter()
    model, _ = default_paths()
    embedder, why = load_embedder()
    load_seconds = time.perf_counter() - started
    if why or not isinstance(embedder, OnnxEmbedder):
        raise SystemExit(f"the sentence model is not available: {why}")
    shared, _ = get_embedder()
    assert isinstance(shared, OnnxEmbedder)
    question = load("development")[0]["question"]
    pool = sentence_pool()
    rng = random.Random(7)
    review(question, make_answer(pool, 250, rng, 0))  # warm: model loaded, talking points cached
    rows = []
    serial = 1
    for words in (50, 250, 600):
        coach_ms, bare_ms = [], []
        for _ in range(RUNS):
            answer = make_answer(pool, words, rng, serial)
            serial += 1
            texts = list(dict.fromkeys(s.text for s in sentences(answer)))
            # Alternate the order so neither measure always runs on a cold thread pool.
            for first in ("bare", "review") if serial % 2 else ("review", "bare"):
                if first == "bare":
                    t0 = time.perf_counter()
                    shared.run(texts)
                    bare_ms.append(1000 * (time.perf_counter() - t0))
                else:
                    # A new answer, warm process: question texts cached, answer not.
                    shared._cache.clear()
                    prepare(question)
                    t0 = time.perf_counter()
                    review(question, answer)
                    coach_ms.append(1000 * (time.perf_counter() - t0))
        rows.append(
            [
                str(words),
                f"{statistics.median(coach_ms):.1f}",
                f"{percentile(coach_ms, 0.95):.1f}",
                f"{statistics.median(bare_ms):.1f}",
                f"{percentile(bare_ms, 0.95):.1f}",
                f"{statistics.median(coach_ms) / statistics.median(bare_ms):.2f}",
            ]
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = "\n".join(
        [
            f"Answer coach speed, warm, {RUNS} answers per length, one process on this machine "
            f"(2 cores). Model: {model}.",
            "",
            table(
                [
                    "words",
                    "review p50 ms",
                    "review p95 ms",
                    "embedding passes p50 ms",
                    "embedding passes p95 ms",
                    "ratio (p50)",
                ],
                rows,
            ),
            "",
            f"Model load (checksums + ONNX session + tokenizer): {load_seconds:.2f} s. "
            f"Peak memory of the process (two model sessions loaded): {peak_mb:.0f} MB.",
        ]
    )
    print(report)
    write_report("speed", report)


if __name__ == "__main__":
    main()
