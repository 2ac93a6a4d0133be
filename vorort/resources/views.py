"""Pages for bodies (Gremien), the partner registry and personnel capacity of a municipality."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.core.access import municipality_view
from vorort.core.pagination import paginate

# The same confirmation page, `next` handling and service-error display as the measure pages.
from vorort.measures.views import _confirm, _next_url, _save

from . import capacity as maths
from . import selectors, services
from .charts import capacity_chart
from .forms import (
    AssignmentForm,
    BodyForm,
    BodyMemberForm,
    CapacityForm,
    PartnerFilterForm,
    PartnerForm,
    PersonForm,
    QuarterForm,
)
from .models import Assignment, Body, BodyKind, Capacity, Partner, Person

VIEW, CHANGE, DELETE = "resources.view_resources", "resources.change_resources", "resources.delete_resources"


def _url(name: str, municipality, pk: int | None = None, anchor: str = "") -> str:
    kwargs = {"slug": municipality.slug} if pk is None else {"slug": municipality.slug, "pk": pk}
    url = reverse(f"resources:{name}", kwargs=kwargs)
    return f"{url}#{anchor}" if anchor else url


def _permissions(request, municipality) -> dict[str, bool]:
    user = request.user
    return {
        "can_edit": user.has_perm(CHANGE, municipality),
        "can_delete": user.has_perm(DELETE, municipality),
        "can_see_contacts": user.has_perm("resources.view_partner_contact", municipality),
    }


def _page(request, template: str, municipality, **context):
    return render(
        request,
        f"resources/{template}",
        {"municipality": municipality, **_permissions(request, municipality), **context},
    )


# Bodies (Gremien) ------------------------------------------------------------------------------------------------


@municipality_view(VIEW)
def body_list(request, municipality):
    """The organisation chart: Lenkungsgruppe on top, the Smart-City-Team, the Arbeitskreise below."""
    tiers = selectors.org_chart(municipality)
    return _page(request, "body_list.html", municipality, tiers=tiers, total=sum(len(t.bodies) for t in tiers))


@municipality_view(CHANGE)
def body_create(request, municipality):
    kind = request.GET.get("art", "")
    initial = {"kind": kind} if kind in BodyKind.values else {}
    form = BodyForm(request.POST or None, instance=Body(municipality=municipality), initial=initial)
    if request.method == "POST" and form.is_valid():
        body = _save(
            form, lambda: services.body_create(actor=request.user, municipality=municipality, data=form.values())
        )
        if body is not None:
            messages.success(request, _("Gremium „%(name)s“ angelegt.") % {"name": body.name})
            return redirect(_url("body_detail", municipality, body.pk))
    return _page(request, "body_form.html", municipality, form=form)


@municipality_view(VIEW)
def body_detail(request, municipality, pk: int):
    body = selectors.body_detail(municipality, pk)
    context = {"body": body}
    if request.user.has_perm(CHANGE, municipality):
        context["member_form"] = BodyMemberForm(municipality=municipality, auto_id="id_member_%s")
    return _page(request, "body_detail.html", municipality, **context)


@municipality_view(CHANGE)
def body_edit(request, municipality, pk: int):
    body = selectors.body_in(municipality, pk)
    name = body.name
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.body_update(
                actor=request.user, body=body, data=form.values(), expected_version=form.cleaned_data["version"]
            ),
        )
        if saved is not None:
            messages.success(request, _("Gremium „%(name)s“ gespeichert.") % {"name": saved.name})
            return redirect(_url("body_detail", municipality, saved.pk))
    return _page(request, "body_form.html", municipality, form=form, body=body, name=name)


@municipality_view(DELETE)
def body_delete(request, municipality, pk: int):
    body = selectors.body_in(municipality, pk)
    names = {"name": body.name}
    return _confirm(
        request,
        municipality,
        obj=body,
        cancel_url=_url("body_detail", municipality, body.pk),
        perform=lambda: services.body_delete(actor=request.user, body=body),
        done=_("Gremium „%(name)s“ gelöscht.") % names,
        done_url=_url("body_list", municipality),
        question=_("Soll das Gremium „%(name)s“ mit allen Mitgliedschaften wirklich gelöscht werden?") % names,
    )


@municipality_view(CHANGE)
def body_member_add(request, municipality, pk: int):
    body = selectors.body_in(municipality, pk)
    form = BodyMemberForm(request.POST or None, municipality=municipality, auto_id="id_member_%s")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        membership = _save(
            form,
            lambda: services.body_member_add(
                actor=request.user,
                body=body,
                role=data["role"],
                person=data["person"],
                partner=data["partner"],
                contact_name=data["contact_name"],
            ),
        )
        if membership is not None:
            messages.success(
                request,
                _("„%(member)s“ ist jetzt Mitglied von „%(body)s“.")
                % {"member": membership.display_name, "body": body},
            )
            return redirect(_url("body_detail", municipality, body.pk, "mitglieder"))
    return _page(request, "member_form.html", municipality, body=body, form=form)


@municipality_view(CHANGE)
def body_member_remove(request, municipality, pk: int):
    membership = selectors.membership_in(municipality, pk)
    body = membership.body
    back = _url("body_detail", municipality, body.pk, "mitglieder")
    names = {"member": membership.display_name, "body": body.name}
    return _confirm(
        request,
        municipality,
        obj=membership,
        cancel_url=back,
        perform=lambda: services.body_member_remove(actor=request.user, membership=membership),
        done=_("„%(member)s“ ist nicht mehr Mitglied von „%(body)s“.") % names,
        done_url=back,
        question=_("Soll „%(member)s“ nicht mehr Mitglied von „%(body)s“ sein?") % names,
    )


# Partners --------------------------------------------------------------------------------------------------------


@municipality_view(VIEW)
def partner_list(request, municipality):
    form = PartnerFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    page = paginate(request, selectors.partner_list(municipality, filters), per_page=selectors.PARTNER_PAGE_SIZE)
    return _page(
        request,
        "partner_list.html",
        municipality,
        form=form,
        page=page,
        filtered=form.is_bound and form.active,
    )


def _partner_form_page(request, municipality, form, *, partner=None, similar=None):
    return _page(
        request,
        "partner_form.html",
        municipality,
        form=form,
        partner=partner,
        similar=similar or [],
        confirm_name=form.cleaned_data.get("name", "") if similar else "",
    )


@municipality_view(CHANGE)
def partner_create(request, municipality):
    """A new partner. If the name resembles registered ones, nothing is saved: the page lists them and the user
    may confirm with "Trotzdem anlegen"."""
    form = PartnerForm(request.POST or None, instance=Partner(municipality=municipality))
    similar = []
    if request.method == "POST" and form.is_valid():
        try:
            partner = _save(
                form,
                lambda: services.partner_register(
                    actor=request.user, municipality=municipality, data=form.values(), allow_similar=form.confirmed
                ),
            )
        except services.SimilarPartnersError as error:
            similar = error.partners
        else:
            if partner is not None:
                messages.success(request, _("Partner „%(name)s“ angelegt.") % {"name": partner.name})
                return redirect(_url("partner_detail", municipality, partner.pk))
    return _partner_form_page(request, municipality, form, similar=similar)


@municipality_view(VIEW)
def partner_detail(request, municipality, pk: int):
    partner = selectors.partner_detail(municipality, pk)
    return _page(request, "partner_detail.html", municipality, partner=partner)


@municipality_view(CHANGE)
def partner_edit(request, municipality, pk: int):
    partner = selectors.partner_in(municipality, pk)
    form = PartnerForm(request.POST or None, instance=partner)
    name = partner.name
    similar = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(
                form,
                lambda: services.partner_update(
                    actor=request.user,
                    partner=partner,
                    data=form.values(),
                    expected_version=form.cleaned_data["version"],
                    allow_similar=form.confirmed,
                ),
            )
        except services.SimilarPartnersError as error:
            similar = error.partners
        else:
            if saved is not None:
                messages.success(request, _("Partner „%(name)s“ gespeichert.") % {"name": saved.name})
                return redirect(_url("partner_detail", municipality, saved.pk))
    partner.name = name  # the heading keeps the stored name while the form shows the input
    return _partner_form_page(request, municipality, form, partner=partner, similar=similar)


@municipality_view(DELETE)
def partner_delete(request, municipality, pk: int):
    partner = selectors.partner_in(municipality, pk)
    names = {"name": partner.name}
    return _confirm(
        request,
        municipality,
        obj=partner,
        cancel_url=_url("partner_detail", municipality, partner.pk),
        perform=lambda: services.partner_delete(actor=request.user, partner=partner),
        done=_("Partner „%(name)s“ gelöscht.") % names,
        done_url=_url("partner_list", municipality),
        question=_(
            "Soll „%(name)s“ mit allen Beteiligungen an Maßnahmen und Sitzen in Gremien wirklich gelöscht werden?"
        )
        % names,
    )


# Personnel -------------------------------------------------------------------------------------------------------


@municipality_view(VIEW)
def personnel(request, municipality):
    """People with their capacity, and available against planned hours per quarter (chart and table)."""
    form = QuarterForm(request.GET or None)
    quarters = maths.horizon(timezone.localdate(), form.count())
    overview = selectors.personnel(
        municipality, quarters, lambda queryset: paginate(request, queryset, per_page=selectors.PEOPLE_PAGE_SIZE)
    )
    chart = capacity_chart(
        overview.totals,
        title=_("Personal in %(name)s: verfügbare und geplante Stunden je Quartal") % {"name": municipality.name},
        description=_("Balkendiagramm über alle Personen: je Quartal die verfügbaren und die geplanten Stunden."),
        chart_id="capacity-total",
    )
    return _page(request, "personnel.html", municipality, form=form, overview=overview, chart=chart)


@municipality_view(CHANGE)
def person_create(request, municipality):
    form = PersonForm(request.POST or None, instance=Person(municipality=municipality))
    if request.method == "POST" and form.is_valid():
        person = _save(
            form, lambda: services.person_create(actor=request.user, municipality=municipality, data=form.values())
        )
        if person is not None:
            messages.success(
                request,
                _("„%(name)s“ angelegt. Tragen Sie jetzt die verfügbaren Stunden ein.") % {"name": person.name},
            )
            return redirect(_url("person_detail", municipality, person.pk, "kapazitaet"))
    return _page(request, "person_form.html", municipality, form=form)


@municipality_view(VIEW)
def person_detail(request, municipality, pk: int):
    person = selectors.person_detail(municipality, pk)
    form = QuarterForm(request.GET or None)
    loads = selectors.person_loads(person, maths.horizon(timezone.localdate(), form.count()))
    chart = capacity_chart(
        loads,
        title=_("%(name)s: verfügbare und geplante Stunden je Quartal") % {"name": person.name},
        chart_id=f"capacity-person-{person.pk}",
    )
    return _page(
        request,
        "person_detail.html",
        municipality,
        person=person,
        form=form,
        loads=loads,
        chart=chart,
        overloaded=[load for load in loads if load.overloaded],
    )


@municipality_view(CHANGE)
def person_edit(request, municipality, pk: int):
    person = selectors.person_in(municipality, pk)
    name = person.name
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.person_update(
                actor=request.user, person=person, data=form.values(), expected_version=form.cleaned_data["version"]
            ),
        )
        if saved is not None:
            messages.success(request, _("„%(name)s“ gespeichert.") % {"name": saved.name})
            return redirect(_url("person_detail", municipality, saved.pk))
    return _page(request, "person_form.html", municipality, form=form, person=person, name=name)


@municipality_view(DELETE)
def person_delete(request, municipality, pk: int):
    person = selectors.person_in(municipality, pk)
    names = {"name": person.name}
    return _confirm(
        request,
        municipality,
        obj=person,
        cancel_url=_url("person_detail", municipality, person.pk),
        perform=lambda: services.person_delete(actor=request.user, person=person),
        done=_("„%(name)s“ gelöscht.") % names,
        done_url=_url("personnel", municipality),
        question=_(
            "Soll „%(name)s“ mit allen Kapazitäten, Einsätzen in Maßnahmen und Sitzen in Gremien wirklich aus dem "
            "Personal gelöscht werden?"
        )
        % names,
    )


@municipality_view(CHANGE)
def capacity_create(request, municipality, pk: int):
    person = selectors.person_in(municipality, pk)
    form = CapacityForm(request.POST or None, instance=Capacity(person=person))
    if request.method == "POST" and form.is_valid():
        capacity = _save(form, lambda: services.capacity_create(actor=request.user, person=person, data=form.values()))
        if capacity is not None:
            messages.success(request, _("Kapazität von „%(name)s“ gespeichert.") % {"name": person.name})
            return redirect(_url("person_detail", municipality, person.pk, "kapazitaet"))
    return _page(request, "capacity_form.html", municipality, person=person, form=form)


@municipality_view(CHANGE)
def capacity_edit(request, municipality, pk: int):
    capacity = selectors.capacity_in(municipality, pk)
    person = capacity.person
    form = CapacityForm(request.POST or None, instance=capacity)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.capacity_update(
                actor=request.user,
                capacity=capacity,
                data=form.values(),
                expected_version=form.cleaned_data["version"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Kapazität von „%(name)s“ gespeichert.") % {"name": person.name})
            return redirect(_url("person_detail", municipality, person.pk, "kapazitaet"))
    return _page(request, "capacity_form.html", municipality, person=person, form=form, capacity=capacity)


@municipality_view(CHANGE)
def capacity_delete(request, municipality, pk: int):
    capacity = selectors.capacity_in(municipality, pk)
    back = _url("person_detail", municipality, capacity.person_id, "kapazitaet")
    return _confirm(
        request,
        municipality,
        obj=capacity,
        cancel_url=back,
        perform=lambda: services.capacity_delete(actor=request.user, capacity=capacity),
        done=_("Kapazität gelöscht."),
        done_url=back,
        question=_("Soll die Kapazität „%(capacity)s“ wirklich gelöscht werden?") % {"capacity": capacity},
    )


def _preselected(request, queryset, name: str):
    """The object of `queryset` named by the query parameter `name` (an id), if any."""
    value = request.GET.get(name, "")
    return queryset.filter(pk=int(value)).first() if value.isdigit() and len(value) <= 12 else None


@municipality_view(CHANGE)
def assignment_create(request, municipality):
    """Plan a person's hours on a measure; opened from a person's page (?person=) or a measure's (?massnahme=)."""
    person = _preselected(request, selectors.people_of(municipality), "person")
    measure = _preselected(request, selectors.assignable_measures(municipality), "massnahme")
    initial = {"person": person, "measure": measure}
    if measure is not None:
        initial.update(start=measure.start_date, end=measure.end_date)
    form = AssignmentForm(request.POST or None, instance=Assignment(), initial=initial, municipality=municipality)
    if person is not None:
        fallback = _url("person_detail", municipality, person.pk, "einsaetze")
    elif measure is not None:
        fallback = (
            reverse("measures:measure", kwargs={"slug": municipality.slug, "pk": measure.pk}) + "#personaleinsatz"
        )
    else:
        fallback = _url("personnel", municipality)
    back = _next_url(request, fallback)
    if request.method == "POST" and form.is_valid():
        assignment = _save(
            form,
            lambda: services.assignment_create(actor=request.user, municipality=municipality, data=form.values()),
        )
        if assignment is not None:
            messages.success(
                request,
                _("„%(person)s“ ist für „%(measure)s“ eingeplant.")
                % {"person": assignment.person.name, "measure": assignment.measure.title},
            )
            return redirect(back)
    return _page(request, "assignment_form.html", municipality, form=form, back=back)


@municipality_view(CHANGE)
def assignment_edit(request, municipality, pk: int):
    assignment = selectors.assignment_in(municipality, pk)
    back = _next_url(request, _url("person_detail", municipality, assignment.person_id, "einsaetze"))
    form = AssignmentForm(request.POST or None, instance=assignment, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form,
            lambda: services.assignment_update(
                actor=request.user,
                assignment=assignment,
                data=form.values(),
                expected_version=form.cleaned_data["version"],
            ),
        )
        if saved is not None:
            messages.success(request, _("Einsatz gespeichert."))
            return redirect(back)
    return _page(request, "assignment_form.html", municipality, form=form, assignment=assignment, back=back)


@municipality_view(CHANGE)
def assignment_delete(request, municipality, pk: int):
    assignment = selectors.assignment_in(municipality, pk)
    back = _next_url(request, _url("person_detail", municipality, assignment.person_id, "einsaetze"))
    names = {"person": assignment.person.name, "measure": assignment.measure.title}
    return _confirm(
        request,
        municipality,
        obj=assignment,
        cancel_url=back,
        perform=lambda: services.assignment_delete(actor=request.user, assignment=assignment),
        done=_("Einsatz von „%(person)s“ in „%(measure)s“ gelöscht.") % names,
        done_url=back,
        question=_("Soll der Einsatz von „%(person)s“ in „%(measure)s“ wirklich gelöscht werden?") % names,
    )
