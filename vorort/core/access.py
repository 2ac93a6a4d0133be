"""View decorators: log-in, tenant scoping (404) and the role check (403) in one place."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from vorort.network.selectors import administered_network_or_403, municipality_for


def _login_first(request):
    return redirect_to_login(request.get_full_path())


def municipality_view(perm: str):
    """Load the municipality named by `slug` among those the user may see; then check `perm`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug: str, **kwargs):
            if not request.user.is_authenticated:
                return _login_first(request)
            municipality = municipality_for(request.user, slug)
            if not request.user.has_perm(perm, municipality):
                raise PermissionDenied
            return view(request, municipality, **kwargs)

        wrapper.vorort_access = ("municipality", perm)
        return wrapper

    return decorator


def network_admin_view(view):
    """Pages of the Netzwerk-Geschäftsstelle: the network the user administers, else 403."""

    @wraps(view)
    def wrapper(request, **kwargs):
        if not request.user.is_authenticated:
            return _login_first(request)
        network = administered_network_or_403(request.user)
        if not request.user.has_perm("network.manage_network", network):
            raise PermissionDenied
        return view(request, network, **kwargs)

    wrapper.vorort_access = ("network", "network.manage_network")
    return wrapper


def user_view(perm: str | None = None):
    """Pages about the signed-in user themself, optionally behind a global permission."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, **kwargs):
            if not request.user.is_authenticated:
                return _login_first(request)
            if perm and not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, **kwargs)

        wrapper.vorort_access = ("user", perm)
        return wrapper

    return decorator
