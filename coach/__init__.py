"""The answer coach: offline, explainable feedback on an interview answer.

Pure Python (NumPy, ONNX Runtime, tokenizers); it never imports the web app.
"""

from .engine import review
from .types import CRITERIA, FLAG_CODES, Feedback, Question

__all__ = ["CRITERIA", "FLAG_CODES", "Feedback", "Question", "review"]
