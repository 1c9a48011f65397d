"""The demo generator: valid particulars, deterministic for a seed."""

import datetime as dt
import random

from dutydesk.demo.people import RARE_GIVEN, VILLAGE_GROUPS, make_person
from dutydesk.domain.idcard import parse_id_number
from dutydesk.domain.phone import parse_mobile

TODAY = dt.date(2026, 11, 24)


def people(seed, n=500):
    rng = random.Random(seed)
    return [make_person(rng, TODAY) for _ in range(n)]


def test_generated_ids_have_valid_check_digits_and_match_birth_and_gender():
    for person in people(1):
        parsed = parse_id_number(person.id_number, TODAY)
        assert parsed.birth_date == person.birth_date
        assert parsed.gender == person.gender
        assert parse_mobile(person.mobile) == person.mobile
        assert person.village_group in VILLAGE_GROUPS


def test_same_seed_same_people_other_seed_other_people():
    assert people(7) == people(7)
    assert people(7) != people(8)


def test_names_include_rare_characters():
    names = "".join(p.name for p in people(3, 2000))
    assert set(RARE_GIVEN) & set(names)
    assert "十二组" in VILLAGE_GROUPS
