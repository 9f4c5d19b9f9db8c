"""CarePrep: interview coach for patient-engagement roles in healthcare."""

__version__ = "0.1.0"
