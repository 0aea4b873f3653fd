"""The gazetteer: exactly UP's 75 districts, unambiguous aliases and handles, a consistent police hierarchy."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from seva import districts
from seva.districts import DISTRICT_SLUGS, DISTRICTS, HQ_HANDLES, RANGE_ZONE, RANGES, UNKNOWN, ZONES

EXPECTED_SLUGS = """
agra aligarh ambedkar_nagar amethi amroha auraiya ayodhya azamgarh baghpat bahraich ballia balrampur banda
barabanki bareilly basti bhadohi bijnor budaun bulandshahr chandauli chitrakoot deoria etah etawah farrukhabad
fatehpur firozabad gautam_buddh_nagar ghaziabad ghazipur gonda gorakhpur hamirpur hapur hardoi hathras jalaun
jaunpur jhansi kannauj kanpur_dehat kanpur_nagar kasganj kaushambi kushinagar lakhimpur_kheri lalitpur lucknow
maharajganj mahoba mainpuri mathura mau meerut mirzapur moradabad muzaffarnagar pilibhit pratapgarh prayagraj
raebareli rampur saharanpur sambhal sant_kabir_nagar shahjahanpur shamli shravasti siddharthnagar sitapur
sonbhadra sultanpur unnao varanasi
""".split()

DEVANAGARI = re.compile(r"^[\u0900-\u097F][\u0900-\u097F .\-]*$")
X_USERNAME = re.compile(r"^[a-z0-9_]{1,15}$")


def _key(alias: str) -> str:
    # How a matcher would compare names: case, spaces, dots and hyphens do not make two names different.
    return re.sub(r"[\s.\-]+", "", alias).casefold()


def _alias_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for d in DISTRICTS:
        for alias in (*d.aliases, *d.aliases_hi):
            index[_key(alias)].add(d.slug)
    return index


def test_exactly_the_75_districts_sorted_by_slug() -> None:
    assert len(EXPECTED_SLUGS) == 75
    slugs = [d.slug for d in DISTRICTS]
    assert slugs == sorted(EXPECTED_SLUGS)
    assert len(set(slugs)) == 75
    assert DISTRICT_SLUGS == frozenset(EXPECTED_SLUGS)
    assert UNKNOWN not in DISTRICT_SLUGS


def test_every_district_has_names_in_both_scripts() -> None:
    for d in DISTRICTS:
        assert d.name and d.name.isascii(), d.slug
        assert DEVANAGARI.match(d.name_hi), f"{d.slug}: name_hi {d.name_hi!r} is not Devanagari"
        assert d.aliases[0] == d.name and d.aliases_hi[0] == d.name_hi, d.slug
        assert all(a.isascii() for a in d.aliases), d.slug
        assert all(DEVANAGARI.match(a) for a in d.aliases_hi), d.slug
        assert len(d.aliases) == len(set(d.aliases)) and len(d.aliases_hi) == len(set(d.aliases_hi)), d.slug


def test_handles_are_unique_lowercase_x_usernames() -> None:
    handles = [h for d in DISTRICTS for h in d.handles]
    assert all(d.handles for d in DISTRICTS)
    assert all(X_USERNAME.match(h) for h in handles), [h for h in handles if not X_USERNAME.match(h)]
    assert len(handles) == len(set(handles))
    assert not set(handles) & set(HQ_HANDLES)
    every = districts.all_handles()
    assert every[: len(HQ_HANDLES)] == HQ_HANDLES
    assert len(every) == len(set(every)) == len(handles) + len(HQ_HANDLES)
    for known in ("noidapolice", "cp_noida", "lkopolice", "ghaziabadpolice", "kanpurnagarpol", "prayagraj_pol",
                  "varanasipolice", "agrapolice"):
        assert known in every


def test_no_alias_belongs_to_two_districts() -> None:
    shared = {alias: sorted(slugs) for alias, slugs in _alias_index().items() if len(slugs) > 1}
    assert not shared


@pytest.mark.parametrize(
    ("alias", "slug"),
    [
        ("Allahabad", "prayagraj"), ("Prayagraj", "prayagraj"), ("इलाहाबाद", "prayagraj"),
        ("प्रयागराज", "prayagraj"), ("Faizabad", "ayodhya"),
        ("Noida", "gautam_buddh_nagar"), ("Greater Noida", "gautam_buddh_nagar"), ("Dadri", "gautam_buddh_nagar"),
        ("Jewar", "gautam_buddh_nagar"), ("नोएडा", "gautam_buddh_nagar"), ("ग्रेटर नोएडा", "gautam_buddh_nagar"),
        ("Banaras", "varanasi"), ("Benares", "varanasi"), ("Kashi", "varanasi"), ("बनारस", "varanasi"),
        ("काशी", "varanasi"), ("वाराणसी", "varanasi"),
        ("Kanpur", "kanpur_nagar"), ("कानपुर", "kanpur_nagar"), ("Kanpur Dehat", "kanpur_dehat"),
        ("Lakhimpur", "lakhimpur_kheri"), ("Rae Bareli", "raebareli"), ("Rae Bareilly", "raebareli"),
        ("Bhadohi", "bhadohi"), ("Sant Ravidas Nagar", "bhadohi"), ("Amethi", "amethi"), ("Gauriganj", "amethi"),
        ("Hapur", "hapur"), ("Pilkhuwa", "hapur"), ("Sambhal", "sambhal"), ("Chandausi", "sambhal"),
        ("Shamli", "shamli"), ("Kairana", "shamli"), ("Kasganj", "kasganj"), ("Soron", "kasganj"),
        ("Mathura", "mathura"), ("Vrindavan", "mathura"), ("Pratapgarh", "pratapgarh"),
        ("Hazratganj", "lucknow"), ("Gomti Nagar", "lucknow"), ("Aliganj", "lucknow"), ("Chinhat", "lucknow"),
        ("Indira Nagar", "lucknow"), ("लखनऊ", "lucknow"),
        ("Indirapuram", "ghaziabad"), ("Vaishali", "ghaziabad"), ("Loni", "ghaziabad"), ("Modinagar", "ghaziabad"),
        ("Tajganj", "agra"), ("Sardhana", "meerut"), ("Mawana", "meerut"),
    ],
)
def test_old_names_towns_and_localities_map_to_their_district(alias: str, slug: str) -> None:
    assert _alias_index()[_key(alias)] == {slug}


def test_police_hierarchy_18_ranges_in_8_zones() -> None:
    assert len(RANGES) == 18 and len(ZONES) == 8
    assert set(RANGE_ZONE) == set(RANGES) and set(RANGE_ZONE.values()) == set(ZONES)
    zone_of_range: dict[str, set[str]] = defaultdict(set)
    for d in DISTRICTS:
        assert d.range in RANGES and d.zone in ZONES, d.slug
        zone_of_range[d.range].add(d.zone)
    assert set(zone_of_range) == set(RANGES), "a range has no district"
    assert {r: z for r, zs in zone_of_range.items() for z in zs} == dict(RANGE_ZONE)
    assert all(len(zs) == 1 for zs in zone_of_range.values())
    assert {d.zone for d in DISTRICTS} == set(ZONES)


@pytest.mark.parametrize(
    ("slug", "range_", "zone"),
    [
        ("banda", "chitrakoot_dham", "prayagraj"), ("gonda", "devipatan", "gorakhpur"),
        ("gautam_buddh_nagar", "meerut", "meerut"), ("shamli", "saharanpur", "meerut"),
        ("ayodhya", "ayodhya", "lucknow"), ("mau", "azamgarh", "varanasi"), ("jalaun", "jhansi", "kanpur"),
        ("sambhal", "moradabad", "bareilly"), ("kasganj", "aligarh", "agra"),
        ("sant_kabir_nagar", "basti", "gorakhpur"), ("bhadohi", "mirzapur", "varanasi"),
    ],
)
def test_districts_sit_in_their_division_range(slug: str, range_: str, zone: str) -> None:
    d = districts.by_slug(slug)
    assert (d.range, d.zone) == (range_, zone)


def test_lookups() -> None:
    assert districts.by_slug("lucknow").name == "Lucknow"
    with pytest.raises(KeyError, match="allahabad"):
        districts.by_slug("allahabad")
    assert districts.by_handle("@NoidaPolice") is districts.by_slug("gautam_buddh_nagar")
    assert districts.by_handle("uppolice") is None
