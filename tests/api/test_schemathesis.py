"""Property-based run of the whole API against its own OpenAPI schema (schemathesis over WSGI): no input produces a
server error and every response matches the documented schema and status codes – once without a token, once with
an editor's token for Beckum. The data: the portal fixture (published and internal content in two towns), whose
slugs and ids are offered to the generator next to arbitrary values. Deterministic: derandomised hypothesis
without an example database.

(The schema is loaded at import and parametrised per operation; schemathesis' lazy fixture loader does not work
with pytest 9.)
"""

import collections

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from vorort.api.services import api_token_create
from vorort.measures.models import Measure
from vorort.portal.models import Lesson
from vorort.strategy.models import Indicator

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
HYPOTHESIS = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
TOWNS = ["beckum", "billerbeck"]
KNOWN_IDS: list[int] = []  # filled by the fixture: ids of measures, lessons, indicators and the public event
CALLS = collections.Counter()

schema = schemathesis.openapi.from_wsgi(
    "/api/openapi.json",
    get_wsgi_application(),
    config=SchemathesisConfig.from_dict(
        {
            "dictionaries": {"towns": {"values": TOWNS}},
            "parameters": {
                "path.slug": {"dictionary": "towns", "probability": 0.8},
                "query.municipality": {"dictionary": "towns", "probability": 0.5},
            },
        }
    ),
)


@schema.hook("flatmap_path_parameters")
def known_ids(context, path_parameters):
    """Half of the time an id that exists (public or internal), so the details, PATCH, DELETE and the measurements
    of an indicator get past the 404."""
    if not path_parameters or "id" not in path_parameters or not KNOWN_IDS:
        return st.just(path_parameters)
    known = st.sampled_from(KNOWN_IDS).map(lambda pk: {**path_parameters, "id": pk})
    return st.one_of(known, st.just(path_parameters))


@pytest.fixture
def api_data(portal, users, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api": (10**6, 60), "api_token": (10**6, 60)}
    KNOWN_IDS[:] = sorted(
        {
            *Measure.objects.values_list("pk", flat=True),
            *Lesson.objects.values_list("pk", flat=True),
            *Indicator.objects.values_list("pk", flat=True),
            portal["forum"].pk,
        }
    )
    # Like Django's test client: keep the test's transaction (and its data) across the WSGI requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield api_token_create(actor=users["editor"], name="schemathesis")[1]
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    KNOWN_IDS.clear()


@pytest.mark.django_db
@schema.parametrize()
@HYPOTHESIS
def test_anonymous(case, api_data):
    CALLS[("anonymous", case.operation.label)] += 1
    case.call_and_validate(checks=CHECKS)


@pytest.mark.django_db
@schema.parametrize()
@HYPOTHESIS
def test_with_token(case, api_data):
    CALLS[("token", case.operation.label)] += 1
    case.call_and_validate(headers={"Authorization": f"Bearer {api_data}"}, checks=CHECKS)


def test_report():
    """Runs last in this module: how much the two runs above checked (shown with -s)."""
    if CALLS:
        operations = {label for _mode, label in CALLS}
        print(f"\nschemathesis: {len(operations)} operations, {sum(CALLS.values())} requests")
        for (mode, label), number in sorted(CALLS.items()):
            print(f"  {mode:9} {label}: {number}")
