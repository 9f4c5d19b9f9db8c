"""Train the coach's sentence probes (coach/probes.py) and report how well they separate.

Training data, written and labelled for CarePrep (never the graded sets):
  coach/data/star_stories.yaml     behavioural stories, each sentence labelled with its STAR part
  coach/data/moves.yaml            sentences labelled blame / absolute / generic / neutral
  coach/data/stance.yaml           hard negatives in the same words: stigmatising terms used or
                                   challenged, blame made or disowned, bad moves made or refused
  coach/data/guidance_pairs.yaml   for each bank "what not to say" item, sentences that do what
                                   it warns against and sentences on the same topic that do not
  coach/data/unsafe_practice.yaml  for about a hundred principles of safe practice, sentences that
                                   propose or endorse breaking them and hard negatives that refuse,
                                   correct, escalate or state them (the `unsafe` probe, with
                                   ordinary sentences from the other files and the bank's
                                   example answers as further negatives)

The report gives each probe's ROC AUC under 5-fold cross-validation grouped by story or question
(no story or question in both the training and the test folds).

    .venv/bin/python -m benchmarks.probes           # train, write coach/data/probes.npz, report
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, cross_val_predict

from coach.embeddings import MODEL_SHA256, get_embedder
from coach.probes import EXAMPLES, PATH, UNSAFE_EXAMPLES, item_key
from coach.text import sentences
from questionbank.content import read_pack

from .common import ROOT, cached_embedder, table, write_report

DATA = ROOT / "coach" / "data"
# Inverse regularisation strength; the cross-validated AUC is flat from 1 to 10.
C = 3.0


def encode(texts: list[str]) -> np.ndarray:
    embedder, why = get_embedder()
    if why or not embedder.semantic:
        raise SystemExit(f"The probes need the sentence model: {why}")
    return np.vstack([code.vector for code in embedder.encode(texts)])


def read(name: str) -> dict:
    return yaml.safe_load(Path(DATA / name).read_text(encoding="utf-8"))


def result_data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    stories = read("star_stories.yaml")["stories"]
    rows = [(i, label, text) for i, s in enumerate(stories) for label, text in s["sentences"]]
    x = encode([text for _, _, text in rows])
    y = np.array([label == "result" for _, label, _ in rows])
    return x, y, np.array([i for i, _, _ in rows])


def move_data(label: str, x: np.ndarray, labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    return x, np.array([item == label for item in labels])


def guidance_data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentences that do what a "what not to say" item warns against, against sentences on the
    same topics that do not (the engine pairs the probe with similarity to the item)."""
    questions = read("guidance_pairs.yaml")["questions"]
    sentences, y, groups = [], [], []
    for q_index, question in enumerate(questions):
        for item in question["items"]:
            for kind in ("violates", "respects", "unrelated"):
                for sentence in item.get(kind, []):
                    sentences.append(sentence)
                    y.append(kind == "violates")
                    groups.append(q_index)
    # Common bad moves against the same words reported, refused or named as what not to do.
    stance = read("stance.yaml")["guidance_stance"]
    for kind in ("does", "reports_or_refuses"):
        for i, sentence in enumerate(stance[kind]):
            sentences.append(sentence)
            y.append(kind == "does")
            groups.append(len(questions) + i // 20)
    return encode(sentences), np.array(y), np.array(groups)


def unsafe_data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentences that propose or endorse an unsafe action against ones on the same topics that
    refuse, correct, escalate or just state the rule, grouped by principle; as further negatives,
    the ordinary sentences of the STAR stories, the guidance pairs' hard negatives, the neutral
    interview moves and the bank's strong and adequate example answers."""
    rows = [
        (g, kind == "unsafe", text)
        for g, (_, principle) in enumerate(unsafe_principles())
        for kind in ("unsafe", "safe", "neutral")
        for text in principle.get(kind, [])
    ]
    ordinary = [[text for _, text in s["sentences"]] for s in read("star_stories.yaml")["stories"]]
    ordinary += [
        [t for item in q["items"] for t in item["respects"] + item.get("unrelated", [])]
        for q in read("guidance_pairs.yaml")["questions"]
    ]
    ordinary += [[t for label, t in read("moves.yaml")["sentences"] if label == "neutral"]]
    ordinary += [
        [s.text for s in sentences(answer.text)]
        for spec, _ in read_pack(ROOT / "content").questions
        for answer in spec.example_answers
        if answer.quality in ("strong", "adequate")
    ]
    offset = len(rows)
    rows += [(offset + i, False, text) for i, group in enumerate(ordinary) for text in group]
    x = encode([text for _, _, text in rows])
    return x, np.array([u for _, u, _ in rows]), np.array([g for g, _, _ in rows])


def unsafe_principles() -> list[tuple[str, dict]]:
    areas = read("unsafe_practice.yaml")["areas"]
    return [(area["area"], p) for area in areas for p in area["principles"]]


def unsafe_examples() -> dict[str, np.ndarray]:
    """The library's unsafe and safe sentences, and each unsafe one's principle, for the coach's
    nearest-example check and for saying what to do instead."""
    principles = unsafe_principles()
    unsafe = [(i, t) for i, (_, p) in enumerate(principles) for t in p["unsafe"]]
    safe = [t for _, p in principles for t in p["safe"] + p.get("neutral", [])]
    return {
        "model_sha256": np.array(MODEL_SHA256),
        "unsafe": encode([t for _, t in unsafe]).astype(np.float16),
        "unsafe_principle": np.array([i for i, _ in unsafe], dtype=np.int32),
        "safe": encode(safe).astype(np.float16),
        "principles": np.array([p["principle"] for _, p in principles]),
        "areas": np.array([area for area, _ in principles]),
    }


def guidance_examples() -> dict[str, np.ndarray]:
    """Per bank "what not to say" item, its example sentences' vectors, keyed by the item."""
    arrays: dict[str, np.ndarray] = {"model_sha256": np.array(MODEL_SHA256)}
    for question in read("guidance_pairs.yaml")["questions"]:
        for item in question["items"]:
            key = item_key(item["guidance"])
            does_not = item["respects"] + item.get("unrelated", [])
            arrays[f"does_{key}"] = encode(item["violates"]).astype(np.float16)
            arrays[f"does_not_{key}"] = encode(does_not).astype(np.float16)
    return arrays


def train(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple[LogisticRegression, float]:
    model = LogisticRegression(C=C, max_iter=5000)
    folds = GroupKFold(5)
    predicted = cross_val_predict(model, x, y, groups=groups, cv=folds, method="predict_proba")
    return model.fit(x, y), float(roc_auc_score(y, predicted[:, 1]))


def main() -> None:
    embedder = cached_embedder()
    arrays: dict[str, np.ndarray] = {"model_sha256": np.array(MODEL_SHA256)}
    rows = []

    def keep(name: str, x: np.ndarray, y: np.ndarray, groups: np.ndarray, source: str) -> None:
        model, auc = train(x, y, groups)
        arrays[f"{name}_weights"] = model.coef_[0].astype(np.float32)
        arrays[f"{name}_bias"] = np.array(model.intercept_[0], dtype=np.float32)
        rows.append([name, source, str(len(y)), str(int(y.sum())), f"{auc:.3f}"])

    keep("result", *result_data(), "star_stories.yaml (grouped by story)")
    # The stance file's blame pairs join the moves: blaming against owning, reporting or quoting
    # someone else's blame in order to disagree, in the same words.
    stance = read("stance.yaml")
    moves = read("moves.yaml")["sentences"]
    moves += [["blame", t] for t in stance["blame"]["blames"]]
    moves += [["neutral", t] for t in stance["blame"]["owns"]]
    labels = [label for label, _ in moves]
    x_moves = encode([text for _, text in moves])
    # Neighbouring sentences were written together: group them in blocks of 20 for the folds.
    blocks = np.arange(len(moves)) // 20
    for label in ("blame", "absolute", "generic"):
        keep(label, *move_data(label, x_moves, labels), blocks, "moves + stance (blocks of 20)")
    keep("guidance", *guidance_data(), "guidance_pairs.yaml + stance.yaml (by question)")
    keep("unsafe", *unsafe_data(), "unsafe_practice.yaml + ordinary sentences (by principle)")
    embedder.save()
    np.savez_compressed(PATH, allow_pickle=False, **arrays)
    np.savez_compressed(UNSAFE_EXAMPLES, allow_pickle=False, **unsafe_examples())
    np.savez_compressed(EXAMPLES, allow_pickle=False, **guidance_examples())
    report = "\n".join(
        [
            "Sentence probes, 5-fold cross-validated ROC AUC:",
            "",
            table(["probe", "trained on", "sentences", "positives", "ROC AUC"], rows),
            "",
        ]
    )
    print(report)
    write_report("probes", report)


if __name__ == "__main__":
    main()
