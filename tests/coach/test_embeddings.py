"""The packaged model: checked, loaded once, semantic; a fallback that says why."""

from pathlib import Path

import numpy as np
import pytest

from coach.embeddings import LexicalEmbedder, OnnxEmbedder, get_embedder, load_embedder


def test_the_packaged_model_loads_and_is_semantic() -> None:
    embedder, why = get_embedder()
    assert why == "" and isinstance(embedder, OnnxEmbedder)
    a, b, c = embedder.encode(
        [
            "I listened to the patient's worries before explaining anything.",
            "First I heard out what was bothering her, then I explained.",
            "The car park charges went up last year.",
        ]
    )
    assert abs(float(np.linalg.norm(a.vector)) - 1) < 1e-4
    assert float(a.vector @ b.vector) > float(a.vector @ c.vector) + 0.2


def test_it_is_loaded_once_per_process() -> None:
    assert get_embedder()[0] is get_embedder()[0]


def test_a_tampered_model_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    monkeypatch.setenv("CAREPREP_MODEL_PATH", str(fake))
    embedder, why = load_embedder()
    assert isinstance(embedder, LexicalEmbedder)
    assert "checksum" in why


def test_a_missing_model_falls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPREP_MODEL_PATH", str(tmp_path / "absent.onnx"))
    embedder, why = load_embedder()
    assert isinstance(embedder, LexicalEmbedder) and "not installed" in why


def test_the_fallback_matches_shared_words() -> None:
    a, b, c = LexicalEmbedder().encode(
        ["patients waiting in clinic", "the clinic kept patients waiting", "budget report"]
    )
    assert float(a.vector @ b.vector) > 0.5 and float(a.vector @ c.vector) == 0.0
