"""A small rate limiter on Django's cache API, answering with a German 429 page.

Limits are named in ``settings.RATE_LIMITS`` as ``name -> (requests, window in seconds)`` and counted in fixed
windows: the first request of a window creates the counter with the window as its timeout, every further one
increments it. A request over the limit gets status 429, a ``Retry-After`` header and a German page.

Caveat: the counters live in the ``default`` cache. With Django's default local-memory cache each process counts
for itself, so behind N worker processes a client gets up to N times the limit. Production with several workers
should configure a shared cache (Redis, Memcached or the database cache) in ``CACHES``; nothing else changes.

The client IP address is read from ``request.META[settings.RATE_LIMIT_IP_META]`` (``REMOTE_ADDR`` unless a
trusted reverse proxy sets another header).
"""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

KEY_PREFIX = "vorort-rl"


def client_ip(request) -> str:
    value = request.META.get(getattr(settings, "RATE_LIMIT_IP_META", "REMOTE_ADDR"), "") or ""
    # In a forwarded-for list only the last entry was written by the (trusted) proxy; the others are hearsay.
    return value.split(",")[-1].strip() or "unknown"


def _identity(request, per: str) -> str:
    user = getattr(request, "user", None)
    if per == "user" and user is not None and user.is_authenticated:
        return f"u{user.pk}"
    return "ip" + hashlib.sha256(client_ip(request).encode()).hexdigest()[:24]


def limit_of(name: str) -> tuple[int, int]:
    requests, window = settings.RATE_LIMITS[name]
    return int(requests), int(window)


def hit(name: str, identity: str) -> int | None:
    """Count one request of `identity` against limit `name`: None if allowed, else seconds until it is again."""
    requests, window = limit_of(name)
    now = int(time.time())
    window_start = now - now % window
    key = f"{KEY_PREFIX}:{name}:{identity}:{window_start}"
    # add() only sets a missing key; incr() is atomic in the local-memory, Redis and Memcached caches.
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window + 1)
        count = 1
    if count > requests:
        return max(1, window_start + window - now)
    return None


def too_many_requests(request, retry_after: int):
    minutes = max(1, round(retry_after / 60))
    response = render(request, "core/too_many_requests.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def over_limit(request, name: str, *, per: str = "user"):
    """Count this request against limit `name`; the 429 response if it is over, else None.

    For views that count only some requests (e.g. only complete submissions). `per="user"` counts per signed-in
    user (the IP for anonymous visitors), `per="ip"` per client IP address.
    """
    retry_after = hit(name, _identity(request, per))
    return None if retry_after is None else too_many_requests(request, retry_after)


def rate_limited(name: str, *, per: str = "user", methods: tuple[str, ...] = ("POST",)):
    """Limit a view by `name` (see `over_limit`). Only requests with one of `methods` count; reading a page is
    never limited."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods and (refused := over_limit(request, name, per=per)) is not None:
                return refused
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
