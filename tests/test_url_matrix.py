"""Role × URL matrix, generated from the URLconf.

Every named URL must be listed here, either as public or with the roles allowed to use it. For each
non-public URL the test checks: anonymous users go to the login; roles not allowed get 403; users of
another municipality (and citizens) get 404 for anything naming an object of town A; a user of town A
gets 404 when the URL names an object of town B. A new view without a permission check fails here.
"""

import importlib
import pkgutil

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from vorort.accounts.models import Invitation, Membership, Role
from vorort.accounts.services import invitation_create
from vorort.network.models import ActionField, Municipality
from vorort.process.models import Milestone, Phase, PhaseDefinition

from .factories import MilestoneFactory, NetworkFactory, first_phase, network_admin
from .matrix_support import ADMIN, EDIT, MANAGE, READ, Entry, town, town_and

PUBLIC = {
    "core:home",
    "core:healthz",
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:invitation_accept",
    "set_language",
    # Public participation pages (tests/participation/test_public_pages.py checks drafts are 404)
    "participation:public_list",
    "participation:participation",
    "participation:idea",
    "participation:measure",
    "participation:register",
    "participation:registered",
    "participation:confirm",
    # Public event pages and feeds (tests/events/test_visibility.py checks internal events are 404)
    "events:public_calendar",
    "events:public_detail",
    "events:ics_network",
    "events:ics_municipality",
    "events:ics_event",
    "events:ics_private",
    "events:document",
    # Published versions of publications (tests/publishing/test_versions.py checks unpublished ones are 404)
    "publishing:public_municipality",
    "publishing:public_network",
    "publishing:public_file",
    # The knowledge-transfer portal and its search (tests/portal/test_leaks.py checks nothing internal shows)
    "portal:search",
    "portal:measure_list",
    "portal:lesson_list",
    "portal:municipality",
    "portal:measure",
    "portal:lesson",
    # Atom feeds of the portal (tests/portal/test_feeds.py checks that nothing internal appears in them)
    "portal:lesson_feed",
    "portal:measure_feed",
    "portal:municipality_feed",
    # Open data: page, CSV/JSON downloads, DCAT-AP.de catalogue (tests/portal/test_opendata.py checks that nothing
    # internal appears in any file, on the web and from `vorort export_opendata`)
    "portal:opendata",
    "portal:opendata_download",
    "portal:opendata_catalogue",
    # The REST API's public reads and its OpenAPI schema (tests/api/test_public.py checks nothing unpublished shows
    # and unpublished ids are 404); the API's root and unknown addresses below it answer with a JSON 404.
    "api:openapi",
    "api-v1:municipality_list",
    "api-v1:municipality",
    "api-v1:indicator_list",
    "api-v1:measure_list",
    "api-v1:measure",
    "api-v1:lesson_list",
    "api-v1:lesson",
    "api-v1:event_list",
    "api-v1:event",
    "api-v1:api-root",
    "api-v1:not_found",
}

ROLES = ["network_admin", "coach", "coordinator", "editor", "viewer", "participant", "coordinator_b", "other_admin"]
# Roles that must not even learn that town A's objects exist.
OUTSIDERS = {"participant", "coordinator_b", "other_admin"}


MATRIX = {
    "core:dashboard": Entry("user", set(ROLES)),
    "core:municipality_audit": Entry("municipality", READ, town),
    "core:object_history": Entry(
        "municipality",
        READ,
        lambda o: {"slug": o["municipality"].slug, "model": "process.milestone", "pk": o["milestone"]},
    ),
    "core:network_audit": Entry("network", ADMIN),
    "network:workspace": Entry("municipality", READ, town),
    "network:cockpit": Entry("user", {"network_admin", "coach", "other_admin"}),
    "network:municipality_list": Entry("network", ADMIN),
    "network:municipality_create": Entry("network", ADMIN),
    "network:municipality_edit": Entry("network", ADMIN, lambda o: {"pk": o["municipality"].pk}, names_object=True),
    "network:action_field_list": Entry("network", ADMIN),
    "network:action_field_create": Entry("network", ADMIN),
    "network:action_field_edit": Entry("network", ADMIN, lambda o: {"pk": o["action_field"]}, names_object=True),
    "process:detail": Entry("municipality", READ, town),
    "process:phase_edit": Entry("municipality", EDIT, town_and("phase")),
    "process:milestone_create": Entry("municipality", EDIT, town),
    "process:milestone_edit": Entry("municipality", EDIT, town_and("milestone")),
    "process:milestone_toggle": Entry("municipality", EDIT, town_and("milestone"), method="post"),
    "process:milestone_delete": Entry("municipality", EDIT, town_and("milestone")),
    "process:phase_definitions": Entry("network", ADMIN),
    "process:phase_definition_edit": Entry("network", ADMIN, lambda o: {"pk": o["definition"]}, names_object=True),
    "process:phase_definition_move": Entry(
        "network", ADMIN, lambda o: {"pk": o["definition"]}, method="post", names_object=True
    ),
    "accounts:members": Entry("municipality", MANAGE, town),
    "accounts:member_role": Entry("municipality", MANAGE, town_and("membership"), method="post"),
    "accounts:member_remove": Entry("municipality", MANAGE, town_and("membership")),
    "accounts:invitation_revoke": Entry("municipality", MANAGE, town_and("invitation"), method="post"),
}


APP_MATRICES = []
for module_info in pkgutil.iter_modules(tests.__path__):
    if module_info.ispkg:
        try:
            APP_MATRICES.append(importlib.import_module(f"tests.{module_info.name}.matrix"))
        except ModuleNotFoundError as error:
            if error.name != f"tests.{module_info.name}.matrix":
                raise
for app_matrix in APP_MATRICES:
    duplicated = set(MATRIX) & set(app_matrix.ENTRIES)
    assert not duplicated, f"URL listed twice in the matrix: {duplicated}"
    MATRIX.update(app_matrix.ENTRIES)

# URLs that authenticate with an API token instead of a session (no login page to send anyone to): their own role
# matrix (no token → 401, roles → 200/403, other towns → 404) runs in tests/api/test_token_matrix.py.
TOKEN_URLS = {name for app_matrix in APP_MATRICES for name in getattr(app_matrix, "TOKEN_ENTRIES", {})}


def _named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_is_in_the_matrix():
    names = set(_named_urls())
    missing = names - PUBLIC - set(MATRIX) - TOKEN_URLS
    assert not missing, f"URLs without an entry in the permission matrix: {sorted(missing)}"
    stale = (set(MATRIX) | PUBLIC | TOKEN_URLS) - names
    assert not stale, f"Matrix entries for URLs that no longer exist: {sorted(stale)}"


def _objects(municipality: Municipality, coordinator) -> dict:
    milestone = MilestoneFactory(phase=first_phase(municipality))
    invitation = invitation_create(
        actor=coordinator, municipality=municipality, email="neu@example.org", role=Role.EDITOR, site_url="http://x"
    )
    objects = {
        "municipality": municipality,
        "phase": first_phase(municipality).pk,
        "milestone": milestone.pk,
        "membership": Membership.objects.get(user=coordinator, municipality=municipality).pk,
        "invitation": invitation.pk,
        "action_field": ActionField.objects.filter(network=municipality.network).first().pk,
        "definition": PhaseDefinition.objects.filter(network=municipality.network).first().pk,
    }
    for app_matrix in APP_MATRICES:
        if hasattr(app_matrix, "objects"):
            objects.update(app_matrix.objects(municipality, coordinator))
    return objects


@pytest.fixture
def world(users, town_a, town_b):
    other = NetworkFactory(name="Anderes Netzwerk")
    users = dict(users, other_admin=network_admin(other, email="andere@example.org"))
    return {
        "users": users,
        "a": _objects(town_a, users["coordinator"]),
        "b": _objects(town_b, users["coordinator_b"]),
    }


def _call(client, entry, url):
    return client.post(url) if entry.method == "post" else client.get(url)


def _isolated(call):
    """Run one request inside a savepoint that is rolled back, so requests cannot affect each other."""
    with transaction.atomic():
        response = call()
        transaction.set_rollback(True)
    return response


def _problems_for(client, world, name) -> list[str]:
    """Every way URL `name` breaks the rules: anonymous, each role, and town B's objects."""
    entry = MATRIX[name]
    url = reverse(name, kwargs=entry.kwargs(world["a"]))
    problems = []

    def request(user, target=url):
        def call():
            client.logout()
            if user is not None:
                client.force_login(user, backend="vorort.accounts.backends.EmailBackend")
            return _call(client, entry, target)

        return _isolated(call)

    response = request(None)
    if response.status_code != 302 or not response["Location"].startswith(reverse(settings.LOGIN_URL)):
        problems.append(f"{name}: anonymous got {response.status_code}, expected the login redirect")
    for role in ROLES:
        status = request(world["users"][role]).status_code
        hidden_from_outsider = entry.scope == "municipality" and role in OUTSIDERS
        foreign_network_object = entry.scope == "network" and role == "other_admin" and entry.names_object
        if hidden_from_outsider or foreign_network_object:
            expected = "404"
            good = status == 404
        elif role in entry.allowed or (entry.scope == "network" and role == "other_admin"):
            expected = "200/302"
            good = status in (200, 302)
        else:
            expected = "403"
            good = status == 403
        if not good:
            problems.append(f"{name}: {role} got {status}, expected {expected}")
    if entry.scope == "municipality":
        b_kwargs = entry.kwargs(world["b"])
        targets = [reverse(name, kwargs=b_kwargs)]
        if "pk" in b_kwargs:  # own town in the address, but an object of town B
            targets.append(reverse(name, kwargs=dict(b_kwargs, slug=world["a"]["municipality"].slug)))
        for target in targets:
            status = request(world["users"]["coordinator"], target).status_code
            if status != 404:
                problems.append(f"{name}: town A's coordinator got {status} for {target}, expected 404")
    return problems


NAMESPACES = sorted({name.split(":")[0] for name in MATRIX})


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_role_matrix(client, world, namespace):
    """Per app: anonymous → login, allowed roles reach it, others 403, outsiders and town B's objects 404."""
    problems = []
    for name in sorted(n for n in MATRIX if n.split(":")[0] == namespace):
        problems.extend(_problems_for(client, world, name))
    assert not problems, "\n".join(problems)


def test_refused_posts_change_nothing(client, world):
    viewer = world["users"]["viewer"]
    client.force_login(viewer, backend="vorort.accounts.backends.EmailBackend")
    milestone = world["a"]["milestone"]
    url = reverse("process:milestone_toggle", kwargs={"slug": "beckum", "pk": milestone})
    assert client.post(url, {"done": "1"}).status_code == 403
    assert Milestone.objects.get(pk=milestone).done is False
    client.force_login(world["users"]["coordinator_b"], backend="vorort.accounts.backends.EmailBackend")
    assert client.post(url, {"done": "1"}).status_code == 404
    assert Milestone.objects.get(pk=milestone).done is False
    assert Phase.objects.filter(pk=world["a"]["phase"]).exists()
    assert Invitation.objects.get(pk=world["a"]["invitation"]).revoked_at is None


def test_admin_site_needs_staff(client, world):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(world["users"]["editor"], backend="vorort.accounts.backends.EmailBackend")
    assert client.get("/admin/").status_code == 302
