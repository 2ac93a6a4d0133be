"""Bearer-token authentication and rate limits for the API (counted by vorort.core.ratelimit).

A token acts as its user: permissions are the user's memberships and roles, checked with the same django-rules
permissions as the web pages. Session cookies are never looked at, so writes need no CSRF token and a browser
session cannot be abused for them.
"""

from __future__ import annotations

import hashlib
import threading

from ninja.errors import Throttled
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from vorort.core.ratelimit import client_ip, hit

from . import selectors, services

PUBLIC_LIMIT = "api"  # per client IP: anonymous reads and failed token attempts
TOKEN_LIMIT = "api_token"  # per token


def _ip_identity(request) -> str:
    return "ip" + hashlib.sha256(client_ip(request).encode()).hexdigest()[:24]


class TokenAuth(HttpBearer):
    """`Authorization: Bearer vo_…`. Unknown, revoked and expired tokens get 401; guessing is rate limited."""

    def authenticate(self, request, token: str):
        found = selectors.active_token(token.strip())
        if found is None:
            if (retry_after := hit(PUBLIC_LIMIT, _ip_identity(request))) is not None:
                raise Throttled(wait=retry_after)
            return None
        services.api_token_touch(token=found)
        request.user = found.user  # the token acts as its user, whatever session cookie came along
        return found


class RateLimit(BaseThrottle):
    """Requests with a token count per token, all others per client IP address. A refused request gets 429 with
    Retry-After: the rest of the fixed window it was counted in."""

    def __init__(self):
        self._refused = threading.local()  # ninja asks wait() right after allow_request(), in the same thread

    def allow_request(self, request) -> bool:
        token = getattr(request, "auth", None)
        name, identity = (TOKEN_LIMIT, f"t{token.pk}") if token is not None else (PUBLIC_LIMIT, _ip_identity(request))
        retry_after = hit(name, identity)
        self._refused.seconds = retry_after
        return retry_after is None

    def wait(self) -> float | None:
        return getattr(self._refused, "seconds", None)
