"""Hiring teams: interview kits, hiring candidates, blind panel scorecards, debriefs."""
