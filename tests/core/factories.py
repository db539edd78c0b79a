from __future__ import annotations

import factory

from core.models import (
    Kommun,
    Organisation,
    OrganisationType,
    Role,
    RoleAssignment,
    User,
    Verksamhet,
)
from core.reference import load_kommuner


def kommun(kod: str = "1980") -> Kommun:
    """A kommun from the reference data (reloaded if a transactional test flushed it)."""
    found = Kommun.objects.filter(kod=kod).first()
    if found is None:
        load_kommuner(Kommun)
        found = Kommun.objects.get(kod=kod)
    return found


class VerksamhetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verksamhet
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Personligt ombud {n}")
    slug = factory.Sequence(lambda n: f"po-{n}")
    huvudman = factory.LazyFunction(lambda: kommun("1980"))

    @factory.post_generation
    def kommuner(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            self.kommuner.set(extracted or [self.huvudman])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    verksamhet = factory.SubFactory(VerksamhetFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    type = OrganisationType.ANNAN


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.se")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    password = factory.PostGenerationMethodCall("set_password", "Testlosenord-123")

    @factory.post_generation
    def _save(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            self.save()


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    verksamhet = factory.SubFactory(VerksamhetFactory)
    role = Role.OMBUD


def user_with_role(
    verksamhet: Verksamhet, role: str, organisation: Organisation | None = None, **kw
) -> User:  # type: ignore[no-untyped-def]
    user = UserFactory(**kw)
    RoleAssignment.objects.create(
        user=user, verksamhet=verksamhet, role=role, organisation=organisation
    )
    return user
