"""Organisations, cohorts, memberships, invitations and the one permission policy."""
