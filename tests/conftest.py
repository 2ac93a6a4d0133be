import pytest

from vorort.accounts.models import Role

from .factories import MunicipalityFactory, NetworkFactory, member, network_admin


@pytest.fixture
def network(db):
    return NetworkFactory(name="Netzwerk Innenstadt NRW")


@pytest.fixture
def town_a(network):
    return MunicipalityFactory(network=network, name="Beckum", slug="beckum", population=37_000, rural=False)


@pytest.fixture
def town_b(network):
    return MunicipalityFactory(network=network, name="Billerbeck", slug="billerbeck", population=12_000)


@pytest.fixture
def users(network, town_a, town_b):
    """One user per role; municipality roles in town A (the coach is assigned to A only)."""
    return {
        "network_admin": network_admin(network, email="admin@example.org"),
        "coach": member(town_a, Role.COACH, email="coach@example.org"),
        "coordinator": member(town_a, Role.COORDINATOR, email="koordination@example.org"),
        "editor": member(town_a, Role.EDITOR, email="redaktion@example.org"),
        "viewer": member(town_a, Role.VIEWER, email="rat@example.org"),
        "participant": member(town_a, Role.PARTICIPANT, email="buerger@example.org"),
        "coordinator_b": member(town_b, Role.COORDINATOR, email="koordination-b@example.org"),
    }


@pytest.fixture
def client_for(client):
    """Log the test client in as a user: `client_for(user)`."""

    def login(user):
        client.force_login(user, backend="vorort.accounts.backends.EmailBackend")
        return client

    return login
