"""The public knowledge-transfer portal (no login): the network's overview at "/", municipality and measure
pages, lists with filters, the search; and the workspace's lessons learned (Wissen) and measure adoption.

Public pages read only published content through `selectors` and `vorort.search`; anything unpublished is 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from vorort.core.access import municipality_view, user_view
from vorort.core.concurrency import StaleEditError
from vorort.core.forms import add_service_error
from vorort.core.pagination import paginate
from vorort.measures.models import Measure, MeasureStatus
from vorort.network.models import ActionField, Municipality, SizeClass, UserGroup
from vorort.search import selectors as search
from vorort.search.models import DocumentKind
from vorort.strategy.selectors import action_fields_for, principles_by_field

from . import selectors, services
from .forms import AdoptForm, LessonForm, PublicLessonFilterForm, PublicMeasureFilterForm, SearchForm

SEARCH_PAGE_SIZE = 20


def _measure_url(measure: Measure) -> str:
    return reverse("portal:measure", kwargs={"slug": measure.municipality.slug, "pk": measure.pk})


# Public pages -------------------------------------------------------------------------------------------------------


@require_GET
def home(request):
    """The network's overview: member municipalities, what they published, the search."""
    return render(
        request,
        "portal/home.html",
        {
            "networks": selectors.portal_networks(),
            "figures": selectors.network_figures(),
            "latest_measures": selectors.latest_public_measures(),
            "latest_lessons": selectors.latest_lessons(),
            "events": selectors.upcoming_public_events(),
        },
    )


@require_GET
def municipality(request, slug: str):
    """A municipality's public page: adopted vision, foci with goals and indicators, public measures with their
    progress, upcoming public events and published lessons."""
    town = selectors.public_municipality(slug)
    vision = selectors.adopted_vision(town)
    page = paginate(request, selectors.municipality_measures(town), per_page=selectors.PAGE_SIZE)
    return render(
        request,
        "portal/municipality.html",
        {
            "municipality": town,
            "vision": vision,
            "principles": principles_by_field(vision, action_fields_for(town)) if vision else [],
            "foci": selectors.public_foci(town, vision),
            "page": page,
            "status_summary": selectors.status_summary(town),
            "events": selectors.upcoming_public_events(town),
            "lessons": selectors.published_lessons_of(town, limit=5),
            "publications": selectors.published_publications_of(town),
        },
    )


@require_GET
def measure(request, slug: str, pk: int):
    """A published measure with its lessons learned, similar measures elsewhere and how often it was adopted."""
    town = selectors.public_municipality(slug)
    item = selectors.public_measure(town, pk)
    context = {
        "municipality": town,
        "measure": item,
        "lessons": selectors.published_lessons_of_measure(item),
        "similar": search.similar_measures(item),
        "adoption_count": selectors.adoption_count(item),
        "adoptions": selectors.public_adoptions(item),
        "source": item.source_measure if item.source_measure_id and item.source_measure.is_public else None,
    }
    if request.user.is_authenticated:
        targets = selectors.adoption_targets(request.user, item)
        adopted = {copy.municipality_id: copy for copy in selectors.adopted_copies(item, targets)}
        open_targets = [target for target in targets if target.pk not in adopted]
        context.update(
            {
                "adopted_copies": list(adopted.values()),
                "adopt_targets": open_targets,
                "adopt_form": AdoptForm(targets=open_targets) if len(open_targets) > 1 else None,
            }
        )
    return render(request, "portal/measure.html", context)


@require_GET
def measure_list(request):
    form = PublicMeasureFilterForm(request.GET or None, choices=selectors.filter_choices())
    filters = form.filters() if form.is_bound else {}
    page = paginate(request, selectors.public_measure_list(filters), per_page=selectors.PAGE_SIZE)
    return render(request, "portal/measure_list.html", {"form": form, "page": page, "filtered": bool(filters)})


@require_GET
def lesson_list(request):
    form = PublicLessonFilterForm(request.GET or None, choices=selectors.filter_choices())
    filters = form.filters() if form.is_bound else {}
    page = paginate(request, selectors.published_lesson_list(filters), per_page=selectors.PAGE_SIZE)
    return render(request, "portal/lesson_list.html", {"form": form, "page": page, "filtered": bool(filters)})


@require_GET
def lesson(request, slug: str, pk: int):
    town = selectors.public_municipality(slug)
    item = selectors.published_lesson(town, pk)
    return render(request, "portal/lesson.html", {"municipality": town, "lesson": item})


FILTER_LABELS = {
    "art": gettext_lazy("Art"),
    "handlungsfeld": gettext_lazy("Handlungsfeld"),
    "groesse": gettext_lazy("Größenklasse"),
    "laendlich": gettext_lazy("Ländlich geprägt"),
    "status": gettext_lazy("Status"),
    "gruppe": gettext_lazy("Nutzer*innengruppe"),
    "kommune": gettext_lazy("Kommune"),
}


def _filter_label(key: str, value, town) -> str:
    """The name of a filter value the facets do not show (because nothing matches it)."""
    if key == "kommune":
        return town.name if town else str(value)
    if key == "handlungsfeld":
        return ActionField.objects.filter(pk=value).values_list("name", flat=True).first() or str(value)
    if key == "gruppe":
        return UserGroup.objects.filter(pk=value).values_list("name", flat=True).first() or str(value)
    choices = {
        "art": DocumentKind.choices,
        "groesse": SizeClass.choices,
        "status": MeasureStatus.choices,
        "laendlich": [("ja", _("ländlich")), ("nein", _("nicht ländlich"))],
    }[key]
    return str(dict(choices).get(value, value))


def _address(params: QueryDict, **changes) -> str:
    """The search address with `changes` applied (None removes a parameter); always back to page 1."""
    params = params.copy()
    params.pop("seite", None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return "?" + params.urlencode() if params else "?"


@require_GET
def search_page(request):
    """Full-text search over everything published, with facets. Any input answers with a page, never an error."""
    form = SearchForm(request.GET or None)
    values = form.values() if form.is_bound else {}
    query = values.get("q", "")
    town = None
    if slug := values.get("kommune"):
        town = Municipality.objects.filter(slug=slug).only("id", "name", "slug").first()
    filters = form.search_filters(town.pk if town else None) if form.is_bound else search.Filters()
    results = search.search(query, filters, page=values.get("seite", 1), per_page=SEARCH_PAGE_SIZE)
    params = request.GET
    selected = {}
    for facet in results.facets:
        for option in facet.options:
            option.url = _address(params, **{facet.key: None if option.selected else option.value})
            if option.selected:
                selected[facet.key] = option.label
    active = [
        {
            "label": label,
            "value": selected.get(key) or _filter_label(key, values[key], town),
            "url": _address(params, **{key: None}),
        }
        for key, label in FILTER_LABELS.items()
        if key in values and (key != "kommune" or town is not None)
    ]
    return render(
        request,
        "portal/search.html",
        {
            "form": form,
            "query": query,
            "results": results,
            "active_filters": active,
            "previous_url": _address(params) + f"&seite={results.page - 1}" if results.has_previous else "",
            "next_url": _address(params) + f"&seite={results.page + 1}" if results.has_next else "",
        },
    )


# Adoption --------------------------------------------------------------------------------------------------------


@user_view()
@require_POST
def adopt(request, slug: str, pk: int):
    """Take a published measure of another municipality into one's own catalogue as an Idee."""
    town = selectors.public_municipality(slug)
    source = selectors.public_measure(town, pk)
    targets = selectors.adoption_targets(request.user, source)
    if not targets:
        raise PermissionDenied
    if len(targets) == 1 and not request.POST.get("kommune"):
        target = targets[0]
    else:
        form = AdoptForm(request.POST, targets=targets)
        if not form.is_valid():
            return render(request, "portal/adopt.html", {"measure": source, "municipality": town, "form": form})
        target = next(item for item in targets if item.slug == form.cleaned_data["kommune"])
    existing = selectors.existing_adoption(source, target)
    if existing is not None:
        messages.info(
            request,
            _("„%(title)s“ steht bereits im Maßnahmenkatalog von %(name)s.")
            % {"title": source.title, "name": target.name},
        )
        return redirect("measures:measure", slug=target.slug, pk=existing.pk)
    try:
        adopted = services.measure_adopt(
            actor=request.user,
            source=source,
            municipality=target,
            source_url=request.build_absolute_uri(_measure_url(source)),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_measure_url(source))
    messages.success(
        request,
        _("„%(title)s“ ist jetzt als Idee im Maßnahmenkatalog von %(name)s.")
        % {"title": adopted.title, "name": target.name},
    )
    return redirect("measures:measure", slug=target.slug, pk=adopted.pk)


# Workspace: lessons learned ---------------------------------------------------------------------------------------


def _lessons_url(municipality) -> str:
    return reverse("portal:lessons", kwargs={"slug": municipality.slug})


@municipality_view("portal.view_lessons")
def lessons(request, municipality):
    page = paginate(request, selectors.lessons_of(municipality), per_page=selectors.PAGE_SIZE)
    user = request.user
    return render(
        request,
        "portal/lessons.html",
        {
            "municipality": municipality,
            "page": page,
            "can_edit": user.has_perm("portal.change_lesson", municipality),
            "can_publish": user.has_perm("portal.publish_lesson", municipality),
        },
    )


def _save(form, write):
    try:
        return write()
    except StaleEditError as error:
        form.show_stale(error)
    except ValidationError as error:
        add_service_error(form, error)
    return None


@municipality_view("portal.change_lesson")
def lesson_create(request, municipality):
    can_publish = request.user.has_perm("portal.publish_lesson", municipality)
    form = LessonForm(request.POST or None, municipality=municipality, can_publish=can_publish)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.lesson_create(actor=request.user, municipality=municipality, data=form.changed_values()),
        )
        if saved is not None:
            messages.success(request, _("„%(title)s“ gespeichert.") % {"title": saved.title})
            return redirect(_lessons_url(municipality))
    return render(request, "portal/lesson_form.html", {"municipality": municipality, "form": form})


@municipality_view("portal.change_lesson")
def lesson_edit(request, municipality, pk: int):
    item = selectors.lesson_in(municipality, pk)
    can_publish = request.user.has_perm("portal.publish_lesson", municipality)
    form = LessonForm(request.POST or None, instance=item, municipality=municipality, can_publish=can_publish)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.lesson_update(
                actor=request.user,
                lesson=item,
                data=form.changed_values(),
                expected_version=form.cleaned_data.get("version"),
            ),
        )
        if saved is not None:
            messages.success(request, _("„%(title)s“ gespeichert.") % {"title": saved.title})
            return redirect(_lessons_url(municipality))
    return render(request, "portal/lesson_form.html", {"municipality": municipality, "form": form, "lesson": item})


@municipality_view("portal.delete_lesson")
def lesson_delete(request, municipality, pk: int):
    item = selectors.lesson_in(municipality, pk)
    if item.is_public and not request.user.has_perm("portal.publish_lesson", municipality):
        raise PermissionDenied
    if request.method == "POST":
        services.lesson_delete(actor=request.user, lesson=item)
        messages.success(request, _("„%(title)s“ gelöscht.") % {"title": item.title})
        return redirect(_lessons_url(municipality))
    return render(
        request,
        "core/confirm_delete.html",
        {"municipality": municipality, "object": item, "cancel_url": _lessons_url(municipality)},
    )
