"""Registry lookups through the CamDX adapter against the registry simulators
(standins.registries, real HTTP on loopback): what is sent, what is accepted, what is
refused, and that every lookup is logged and audited about the person."""

from __future__ import annotations

import pytest
from django.utils import translation

from accounts.tests.factories import create_user
from audit.models import AuditEntry
from registries.lookups import SOURCES, LookupFailed, do_look_up
from registries.models import Lookup

pytestmark = pytest.mark.django_db


@pytest.fixture
def sokha():
    return create_user("sokha", name_latin="CHAN SOKHA", national_id="012345678")


def look_up_person(person, case="SR-2026-000123"):
    return do_look_up(
        None,
        "population",
        person.national_id,
        person=person,
        case_reference=case,
        purpose="Residence certificate",
        fields=["name", "date_of_birth", "address"],
    )


def test_the_population_register_answers_with_the_person_s_record(registries, sokha):
    found = look_up_person(sokha)
    assert found.value("population.name") == {"km": "ចាន់ សុខា", "latin": "CHAN SOKHA"}
    assert found.value("population.date_of_birth") == "1988-02-14"
    assert "Khan Daun Penh" in found.value("population.address")["en"]


def test_each_call_names_the_portal_the_citizen_and_the_case(registries, sokha):
    look_up_person(sokha, case="SR-2026-000123")
    [received] = registries["population"].log
    assert received["client"] == "KH/GOV/SALA/PORTAL"
    assert received["user_id"] == "012345678"
    assert received["issue"] == "SR-2026-000123"
    assert received["record"] == "012345678"


def test_the_portal_keeps_a_message_log_and_an_audit_entry_about_the_person(registries, sokha):
    found = look_up_person(sokha)
    lookup = Lookup.objects.get()
    assert lookup == found.lookup
    assert lookup.outcome == Lookup.Outcome.ANSWERED
    assert lookup.service == "KH/GOV/MOI/POPULATION/person"
    assert str(lookup.request_id) == registries["population"].log[0]["request_id"]
    assert lookup.x_road_id == registries["population"].log[0]["x_road_id"]
    assert len(lookup.response_hash) == 64
    entry = AuditEntry.objects.get(action="registries.lookup")
    assert entry.person == sokha
    assert entry.data["fields"] == ["name", "date_of_birth", "address"]
    assert entry.data["case"] == "SR-2026-000123"
    assert "CHAN SOKHA" not in str(entry.data)  # never the answer itself


def test_the_business_register_gives_the_company_and_its_directors(registries, sokha):
    found = do_look_up(
        sokha,
        "business",
        "00054321",
        person=sokha,
        case_reference="BR-1",
        purpose="Business licence",
        fields=["company_name", "directors"],
    )
    assert found.value("business.name")["en"] == "ANGKOR TRANSPORT CO., LTD."
    assert found.value("business.number") == "00054321"
    assert [d["latin"] for d in found.value("business.directors")] == ["LY VANNA", "KEO SREYMOM"]
    assert registries["business"].log[0]["user_id"] == "012345678"


def look_up_company(person, number="00054321"):
    return do_look_up(
        person,
        "business",
        number,
        person=person,
        case_reference="BR-1",
        purpose="Business licence",
        fields=["company_name", "directors"],
    )


@pytest.mark.parametrize("registry", ["population", "business"])
@pytest.mark.parametrize(
    ("mode", "outcome", "message"),
    [
        ("slow", "late", "did not answer in time"),
        ("wrong", "wrong", "about someone else"),
        ("bad_signature", "bad_signature", "could not be checked"),
    ],
)
def test_a_late_wrong_or_badly_signed_answer_is_refused_and_logged(
    registries, sokha, registry, mode, outcome, message
):
    registries[registry].mode = mode
    with pytest.raises(LookupFailed) as failed:
        look_up_person(sokha) if registry == "population" else look_up_company(sokha)
    assert failed.value.outcome == outcome
    with translation.override("en"):
        assert message in failed.value.message
    lookup = Lookup.objects.get()
    assert (lookup.registry, lookup.outcome) == (registry, outcome)
    assert AuditEntry.objects.get(action="registries.lookup").data["outcome"] == outcome


def test_an_unknown_record_is_not_found(registries, sokha):
    sokha.national_id = "999999999"
    with pytest.raises(LookupFailed) as failed:
        look_up_person(sokha)
    assert failed.value.outcome == "not_found"


def test_a_client_the_exchange_does_not_know_is_refused(registries, sokha, settings):
    settings.SALA_CAMDX_CLIENT = "KH/GOV/SOMEONE/ELSE"
    with pytest.raises(LookupFailed) as failed:
        look_up_person(sokha)
    assert failed.value.outcome == "unavailable"
    assert Lookup.objects.get().outcome == "unavailable"


def test_without_configuration_nobody_is_asked_and_nothing_breaks(settings, sokha):
    settings.SALA_CAMDX_REGISTRIES = {}
    with pytest.raises(LookupFailed) as failed:
        look_up_person(sokha)
    assert failed.value.outcome == "unavailable"
    assert not Lookup.objects.exists()


def test_every_source_names_a_known_registry():
    assert {source.registry for source in SOURCES.values()} == set(Lookup.Registry.values)
