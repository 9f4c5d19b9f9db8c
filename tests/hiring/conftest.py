from __future__ import annotations

from functools import cache

import pytest
from django.conf import settings

from questionbank.bank import bank_load, pack_read
from questionbank.content import Pack
from tests.hiring.cast import HiringCast, hiring_cast_build


@cache
def _small_pack() -> Pack:
    """Every role and competency of the bundled pack, and two questions of each competency: all
    a kit needs, loaded in a fraction of the whole bank's time."""
    pack = pack_read(settings.CONTENT_DIR)
    kept, seen = [], dict[str, int]()
    for spec, origin in pack.questions:
        if seen.get(spec.competency, 0) < 2:
            kept.append((spec, origin))
            seen[spec.competency] = seen.get(spec.competency, 0) + 1
    return Pack(roles=pack.roles, competencies=pack.competencies, questions=kept)


@pytest.fixture
def small_bank(db: None) -> None:
    bank_load(pack=_small_pack())


@pytest.fixture
def hiring(small_bank: None) -> HiringCast:
    return hiring_cast_build()
