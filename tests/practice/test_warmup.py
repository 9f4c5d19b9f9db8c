"""Warming the coach for the bank makes a first review of a question need no question embeddings."""

import pytest

from coach.embeddings import OnnxEmbedder, get_embedder
from coach.engine import review
from practice.warmup import warm_bank
from questionbank.models import Question

pytestmark = pytest.mark.django_db


def test_after_warming_a_review_embeds_only_the_answer(bank: None) -> None:
    embedder, _ = get_embedder()
    assert isinstance(embedder, OnnxEmbedder)
    embedder._cache.clear()
    assert warm_bank() == Question.objects.count()
    question = Question.objects.filter(type="behavioural").first()
    assert question is not None
    sentences_before = embedder.passes
    review(question.coach_question(), "I listened first. Then I called the ward for an update.")
    assert embedder.passes - sentences_before == 1  # one batch: the answer's two sentences
