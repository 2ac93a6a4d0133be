"""Template helpers of the publishing app: scope-aware URLs (municipality workspace or network)."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def scope_url(scope, name: str, pk=None) -> str:
    """The URL `name` (list, download, publish, event, job, …) of the scope's pages."""
    return scope.url(name) if pk is None else scope.url(name, pk=pk)
