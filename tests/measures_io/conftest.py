import shutil
from pathlib import Path

import pytest

from vorort.measures.services import measure_create
from vorort.network.models import ActionField

from ..factories import MunicipalityFactory

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "beispiel-projektliste-velbert.xlsx"
# The shared original next to the repository (present in the development checkout, not on a clean clone).
SHARED_SAMPLE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "beispiel-projektliste-velbert.xlsx"


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    """Uploads waiting for confirmation go to a temporary VORORT_DATA_DIR."""
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def velbert(network):
    return MunicipalityFactory(network=network, name="Velbert", slug="velbert", population=81_000, rural=False)


@pytest.fixture
def field(network):
    def get(slug: str) -> ActionField:
        return ActionField.objects.get(network=network, slug=slug)

    return get


@pytest.fixture
def make_measure(field):
    def make(municipality, title: str, **data):
        data.setdefault("action_field", field("mobilitaet"))
        return measure_create(actor=None, municipality=municipality, data={"title": title, **data})

    return make


def copy_sample(target: Path) -> Path:
    shutil.copy(SAMPLE, target)
    return target
