"""The cache-backed limits and the client address behind proxies."""

import pytest
from django.test import RequestFactory, override_settings

from careprep import ratelimit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def test_a_limit_counts_per_key_within_its_window() -> None:
    limit = ratelimit.Limit("test", 3)
    assert [limit.hit("a") for _ in range(4)] == [True, True, True, False]
    assert limit.exceeded("a") and not limit.exceeded("b")
    assert limit.hit("b")


def test_a_new_window_starts_a_new_count(monkeypatch: pytest.MonkeyPatch) -> None:
    limit = ratelimit.Limit("test", 1)
    assert limit.hit("a") and not limit.hit("a")
    monkeypatch.setattr(ratelimit, "now", lambda: 1_800_000_060.0)
    assert limit.hit("a")


def test_the_client_address_ignores_forwarded_for_unless_proxies_are_trusted() -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7"
    )
    assert ratelimit.client_ip(request) == "10.0.0.1"
    with override_settings(PROXY_COUNT=1):
        assert ratelimit.client_ip(request) == "192.0.2.7"  # the one our proxy saw
