"""Mentors of patient partners: the pathway, the journal, pairing, sessions and reviews."""
