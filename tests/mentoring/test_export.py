"""A partner's data export holds their mentoring records, and not their mentor's own entries."""

from __future__ import annotations

import json

from accounts.data_rights import account_export
from mentoring import services
from mentoring.models import Pairing
from tests.mentoring.conftest import mentor_of


def test_the_data_export_holds_the_persons_mentoring_records(pairing: Pairing) -> None:
    me = pairing.partner
    services.journal_entry_save(user=me, framework="free", title="Mine", answers={"entry": "a"})
    services.journal_entry_save(
        user=mentor_of(pairing), framework="free", title="The mentor's", answers={"entry": "b"}
    )
    services.goal_create(user=me, stage="evaluate", text="Take stock")
    services.session_log(
        pairing=pairing,
        user=mentor_of(pairing),
        held_on=pairing.created_at.date(),
        agenda="",
        notes="Both see this.",
        next_steps=[],
    )
    data = account_export(user=me)["mentoring"]
    assert [e["title"] for e in data["journal"]] == ["Mine"]
    assert data["goals"][0]["text"] == "Take stock"
    assert data["sessions"][0]["notes"] == "Both see this."
    assert data["pairings"][0]["mentor"] == mentor_of(pairing).username
    json.dumps(account_export(user=me))  # the document serialises as the download page does
