import pytest

from tests.programmes.cast import Cast, cast_build


@pytest.fixture
def cast(db: None) -> Cast:
    return cast_build()
