"""Rate limits in the shared cache, so they hold across workers (fixed one-minute or one-hour
windows), and the client address that they and django-axes key on."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def now() -> float:
    return time.time()


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the address PROXY_COUNT trusted proxies saw."""
    count = settings.PROXY_COUNT
    if count > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= count:
            return hops[-count]
    return str(request.META.get("REMOTE_ADDR", ""))


@dataclass(frozen=True)
class Limit:
    """`limit` events per `window` seconds for one key, e.g. answers per user per minute."""

    name: str
    limit: int
    window: int = 60

    def _key(self, who: str) -> tuple[str, int]:
        bucket = int(now() // self.window)
        return f"rl:{self.name}:{who}:{bucket}", bucket

    def hit(self, who: str) -> bool:
        """Count one event; False once `who` is past the limit in this window."""
        if self.limit <= 0:
            return True
        key, _ = self._key(who)
        # Each window has its own key, so a long expiry changes nothing but keeps a slow request
        # (or a test with a stopped clock) from seeing its count vanish mid-window.
        ttl = 2 * self.window + 120
        if cache.add(key, 1, timeout=ttl):
            return True
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=ttl)
            count = 1
        return count <= self.limit

    def exceeded(self, who: str) -> bool:
        """Whether `who` is already past the limit, without counting an event."""
        key, _ = self._key(who)
        return self.limit > 0 and int(cache.get(key, 0)) >= self.limit

    def retry_after(self) -> int:
        """Seconds until this window ends."""
        return self.window - int(now()) % self.window


def answers() -> Limit:
    return Limit("answers", settings.RATE_ANSWERS_PER_MINUTE)


def logins() -> Limit:
    return Limit("logins", settings.RATE_LOGINS_PER_MINUTE)


def bad_tokens() -> Limit:
    return Limit("bad-tokens", settings.RATE_BAD_TOKENS_PER_MINUTE)


def signups() -> Limit:
    return Limit("signups", settings.RATE_SIGNUPS_PER_HOUR, window=3600)
