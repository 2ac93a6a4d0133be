from vorort.accounts.selectors import role_map


def navigation(request):
    """What the main navigation shows; one cached role lookup per request."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}}
    roles = role_map(user)
    return {
        "nav": {
            "cockpit": bool(roles.admin_networks) or roles.is_coach,
            "network_admin": bool(roles.admin_networks),
            "workspaces": bool(roles.internal_municipality_ids) or bool(roles.admin_networks),
        }
    }
