"""Template helpers of the events app: host-aware URLs and German date ranges."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def host_url(host, name: str, pk=None) -> str:
    """The management URL `name` (list, detail, edit, …) of the host: network or municipality."""
    return host.url(name, pk)


@register.simple_tag
def event_link(host, event) -> str:
    """Where a calendar row leads: the host's management page for its own events, else the event page."""
    if host is not None and event.network_id == host.network.pk:
        own = event.municipality_id == (host.municipality.pk if host.municipality is not None else None)
        if own:
            return host.url("detail", event.pk)
    return reverse("events:public_detail", kwargs={"pk": event.pk})


@register.filter
def event_when(event) -> str:
    """'Di., 3. März 2026, 10:00–12:00 Uhr', or with both dates if the event spans several days."""
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    day = date_format(start, "D., j. F Y")
    if start.date() == end.date():
        return _("%(day)s, %(start)s–%(end)s Uhr") % {"day": day, "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
    return _("%(day)s, %(start)s Uhr – %(end_day)s, %(end)s Uhr") % {
        "day": day,
        "start": f"{start:%H:%M}",
        "end_day": date_format(end, "D., j. F Y"),
        "end": f"{end:%H:%M}",
    }


@register.filter
def filesize(size) -> str:
    """1.234.567 → '1,2 MB'; small files in KB."""
    from vorort.core.templatetags.vorort_format import format_number

    if size is None:
        return ""
    if size >= 1024 * 1024:
        return f"{format_number(size / 1024 / 1024, 1)}\u00a0MB"
    return f"{format_number(max(size / 1024, 1), 0)}\u00a0KB"


@register.simple_tag
def idea_url(idea) -> str:
    """The public page of a participation idea; "" while the participation is a draft, the idea is hidden, or the
    participation app offers no such page."""
    from django.urls import NoReverseMatch

    participation = idea.participation
    if not participation.is_public or idea.is_hidden:
        return ""
    try:
        return reverse(
            "participation:idea",
            kwargs={"slug": participation.municipality.slug, "pk": participation.pk, "idea_pk": idea.pk},
        )
    except NoReverseMatch:
        return ""
