"""How `overall` is put together: fitted weights that stay explainable, and the sentence probes."""

from typing import Any

from coach import CRITERIA, FLAG_CODES, review
from coach.analysis import Analysis
from coach.embeddings import LexicalEmbedder
from coach.overall import CAPS, FULL, TERMS, bend, development, weights
from coach.probes import NAMES, guidance_examples, probes
from coach.types import Question

GOOD = dict.fromkeys(CRITERIA, 80)


def test_every_weight_adds_and_every_flag_takes_away() -> None:
    fitted = weights()
    assert len(fitted.weights) == len(CRITERIA) + 3 + len(FLAG_CODES) == len(TERMS)
    assert all(w >= 0 for w in fitted.weights)
    clean = fitted.overall(GOOD, [], FULL)
    for code in FLAG_CODES:
        assert fitted.overall(GOOD, [code], FULL) <= clean, code
    assert fitted.overall(GOOD, ["confidentiality_risk"], FULL) < clean


def test_longer_is_not_better_past_full_development() -> None:
    assert development(FULL) == development(3 * FULL) == 1.0
    assert development(10) == 0.0
    fitted = weights()
    assert fitted.overall(GOOD, [], FULL) == fitted.overall(GOOD, [], 4 * FULL)
    assert fitted.overall(GOOD, [], 60) < fitted.overall(GOOD, [], FULL)


def test_the_bounds_bend_softly_so_weak_answers_keep_their_order() -> None:
    # Clipping would tie every weighted sum below 0 at 0 and every one above 100 at 100.
    assert 0 < bend(-8) < bend(-3) < bend(0) < 10
    assert abs(bend(50) - 50) < 0.5
    assert 90 < bend(98) < bend(103) < 100
    assert round(bend(-3)) > round(bend(-12))


def test_an_answer_that_is_not_an_answer_is_capped() -> None:
    perfect = dict.fromkeys(CRITERIA, 100)
    for code, cap in CAPS.items():
        assert weights().overall(perfect, [code], FULL) <= cap


def test_the_probes_ship_for_the_pinned_model() -> None:
    assert set(probes()) == set(NAMES)
    examples = guidance_examples("Skipping identity checks for callers you recognise.")
    assert examples is not None and examples[0].shape[1] == examples[1].shape[1] == 384
    assert guidance_examples("An item written after the examples were.") is None


def test_the_word_overlap_fallback_does_not_use_the_probes(delay_question: dict[str, Any]) -> None:
    analysis = Analysis.build(
        Question.from_dict(delay_question), "I listened and she was seen.", LexicalEmbedder()
    )
    assert analysis.probe("result") is None
    feedback = review(delay_question, "I listened and she was seen.", embedder=LexicalEmbedder())
    assert feedback.method == "lexical"
