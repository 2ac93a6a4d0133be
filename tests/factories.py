"""factory_boy factories shared by all tests."""

import datetime

import factory
from django.utils.text import slugify

from vorort.accounts.models import Membership, Role, User
from vorort.network.models import ActionField, Municipality, Network
from vorort.network.services import network_ensure_defaults
from vorort.process.models import Milestone, Phase
from vorort.process.services import process_create

PASSWORD = "sicheres-passwort-2026"


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Netzwerk {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    programme = "Netzwerk vor Ort – Smart City"

    @factory.post_generation
    def defaults(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            network_ensure_defaults(actor=None, network=obj)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory, name="Netzwerk Innenstadt NRW")
    name = factory.Sequence(lambda n: f"Stadt {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    county = "Kreis Warendorf"
    population = 15_000
    rural = True

    @factory.post_generation
    def with_process(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            process_create(actor=None, municipality=obj)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    network = factory.LazyAttribute(lambda o: o.municipality.network)
    role = Role.EDITOR


class ActionFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionField

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Feld {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    order = factory.Sequence(lambda n: n + 10)


def first_phase(municipality) -> Phase:
    return Phase.objects.filter(process__municipality=municipality).order_by("definition__order").first()


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    phase = factory.LazyAttribute(lambda o: first_phase(o.municipality))
    title = factory.Sequence(lambda n: f"Meilenstein {n}")
    due_date = datetime.date(2030, 1, 15)

    class Params:
        municipality = factory.SubFactory(MunicipalityFactory)


def member(municipality, role: str, **user_fields) -> User:
    """A user with `role` in `municipality`."""
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, network=municipality.network, municipality=municipality, role=role)
    return user


def network_admin(network, **user_fields) -> User:
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, network=network, municipality=None, role=Role.NETWORK_ADMIN)
    return user


class MeasureFactory(factory.django.DjangoModelFactory):
    """A measure (Maßnahme) in a municipality, filed under the network's first action field."""

    class Meta:
        model = "measures.Measure"

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    action_field = factory.LazyAttribute(
        lambda o: ActionField.objects.filter(network_id=o.municipality.network_id).order_by("order").first()
    )
