"""Atom feeds of the public portal: what the network publishes, to follow in a feed reader.

- `LessonFeed` (/wissen/feed/): the newest published lessons learned of all municipalities;
- `MeasureFeed` (/massnahmen/feed/): the newest public measures;
- `MunicipalityFeed` (/kommunen/<slug>/feed/): one municipality's public measures and lessons together.

Content comes only through the portal selectors (`public_measures`, `published_lessons`, `public_municipality`),
so the feeds show exactly what the portal pages show. Neither a measure nor a lesson records when it was
published, so entries are ordered by their last change (`updated_at`): publishing something changes it, so newly
published content comes first – as does content edited after publication. `<published>` is the creation date.

Titles are plain text in Atom (the XML writer escapes them); summaries are declared as HTML, so everything put
into them is HTML-escaped here first (`format_html`). One query per list whatever the amount of data.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vorort.core.text import clean
from vorort.measures.models import Measure
from vorort.network.models import Municipality

from . import selectors
from .models import Lesson

FEED_SIZE = 30
EXCERPT_WORDS = 60


def _newest_measures(municipality: Municipality | None = None) -> list[Measure]:
    queryset = selectors.public_measures().select_related("municipality", "action_field")
    if municipality is not None:
        queryset = queryset.filter(municipality=municipality)
    return list(queryset.order_by("-updated_at", "-id")[:FEED_SIZE])


def _newest_lessons(municipality: Municipality | None = None) -> list[Lesson]:
    queryset = selectors.published_lessons().select_related("municipality", "measure", "event")
    if municipality is not None:
        queryset = queryset.filter(municipality=municipality)
    return list(queryset.order_by("-updated_at", "-id")[:FEED_SIZE])


def _summary(facts: list[str], text: str) -> str:
    """Facts on one line, then the text's excerpt: HTML with every value escaped."""
    facts_html = format_html_join(" · ", "{}", ((fact,) for fact in facts if fact))
    excerpt = Truncator(text).words(EXCERPT_WORDS) if text else ""
    if not excerpt:
        return format_html("<p>{}</p>", facts_html)
    return format_html("<p>{}</p><p>{}</p>", facts_html, excerpt)


def _cleaned(value):
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list | tuple):
        return [_cleaned(item) for item in value]
    return value


class CleanAtom1Feed(Atom1Feed):
    """Atom without the control characters XML cannot carry: one stray character in a title would otherwise make
    the feed fail for everyone."""

    def __init__(self, title, link, description, **kwargs):
        super().__init__(_cleaned(title), link, _cleaned(description), **{k: _cleaned(v) for k, v in kwargs.items()})

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_cleaned(title), link, _cleaned(description), **{k: _cleaned(v) for k, v in kwargs.items()})


class _PortalFeed(Feed):
    """What all portal feeds share: Atom, items are measures or lessons of the portal."""

    feed_type = CleanAtom1Feed

    def item_title(self, item) -> str:
        # Atom titles are text: the XML writer escapes them (Django's default would escape twice).
        return item.title

    def item_link(self, item) -> str:
        name = "portal:measure" if isinstance(item, Measure) else "portal:lesson"
        return reverse(name, kwargs={"slug": item.municipality.slug, "pk": item.pk})

    def item_description(self, item) -> str:
        if isinstance(item, Measure):
            facts = [
                item.municipality.name,
                _("Handlungsfeld: %(field)s") % {"field": item.action_field.name},
                _("Status: %(status)s") % {"status": item.get_status_display()},
            ]
            return _summary(facts, item.summary or item.description)
        facts = [item.municipality.name]
        if item.measure_id:
            facts.append(_("zur Maßnahme „%(title)s“") % {"title": item.measure.title})
        if item.event_id:
            facts.append(_("aus dem Format „%(title)s“") % {"title": item.event.title})
        return _summary(facts, item.text)

    def item_author_name(self, item) -> str:
        return item.municipality.name

    def item_categories(self, item) -> list[str]:
        if isinstance(item, Measure):
            return [_("Maßnahme"), item.action_field.name]
        return [_("Wissen")]

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class LessonFeed(_PortalFeed):
    """The newest published lessons learned of the whole network."""

    title = gettext_lazy("vorort – Wissen aus den Kommunen")
    subtitle = gettext_lazy("Neu veröffentlichte Erfahrungen (Lessons learned) der Kommunen im Netzwerk.")
    link = reverse_lazy("portal:lesson_list")

    def items(self) -> list[Lesson]:
        return _newest_lessons()


class MeasureFeed(_PortalFeed):
    """The newest public measures. A measure has no publication date: sorted by its last change (see above)."""

    title = gettext_lazy("vorort – Maßnahmen aller Kommunen")
    subtitle = gettext_lazy(
        "Veröffentlichte Maßnahmen der Kommunen im Netzwerk, zuletzt veröffentlichte oder geänderte zuerst."
    )
    link = reverse_lazy("portal:measure_list")

    def items(self) -> list[Measure]:
        return _newest_measures()


class MunicipalityFeed(_PortalFeed):
    """A municipality's public measures and published lessons together, newest (last changed) first; an unknown
    slug is 404 like the municipality page."""

    def get_object(self, request, slug: str) -> Municipality:
        return selectors.public_municipality(slug)

    def title(self, obj: Municipality) -> str:
        return _("vorort – Neues aus %(name)s") % {"name": obj.name}

    def subtitle(self, obj: Municipality) -> str:
        return _(
            "Veröffentlichte Maßnahmen und Erfahrungen von %(name)s, zuletzt veröffentlichte oder geänderte zuerst."
        ) % {"name": obj.name}

    def link(self, obj: Municipality) -> str:
        return reverse("portal:municipality", kwargs={"slug": obj.slug})

    def items(self, obj: Municipality) -> list[Measure | Lesson]:
        combined = [*_newest_measures(obj), *_newest_lessons(obj)]
        combined.sort(key=lambda item: item.updated_at, reverse=True)
        return combined[:FEED_SIZE]
