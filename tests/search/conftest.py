import pytest

from tests.factories import MunicipalityFactory


@pytest.fixture
def town_c(network):
    """A third member: a large town (Großstadt), not rural."""
    return MunicipalityFactory(network=network, name="Münster", slug="muenster", population=320_000, rural=False)
