from django import template

from ..selectors import citizen_participations as _citizen_participations
from ..text import render_rich_text

register = template.Library()


@register.filter
def rich_text(value):
    """The municipality's formatted text, cleaned with the allowlist (plain text gets paragraphs)."""
    return render_rich_text(value or "")


@register.simple_tag
def citizen_participations(user):
    """The public participations `user` takes part in (one query)."""
    return list(_citizen_participations(user))
