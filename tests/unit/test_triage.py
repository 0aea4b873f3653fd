"""The pure triage core: categories, urgency with the night rule at its IST boundaries, districts, reasons."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from seva.events import Category, Urgency
from streams.triage import TriageInput, triage
from streams.triage.classify import is_night
from streams.triage.normalize import fold_token, normalize

DAY = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # 12:00 IST


def run(text: str, *, at: datetime = DAY, mentions: tuple[str, ...] = (), location: str | None = None,
        use_model: bool = True) -> tuple[Category, Urgency, str, tuple[str, ...]]:
    r = triage(TriageInput(text, at, mentions, location), use_model=use_model)
    return r.category, r.urgency, r.district, r.reasons


# --- normalisation --------------------------------------------------------------------------------------

def test_devanagari_variants_fold_together() -> None:
    assert fold_token("ज़मीन") == fold_token("जमीन")  # nukta
    assert fold_token("हाँ") == fold_token("हां")  # chandrabindu / anusvara
    assert fold_token("हिन्दी") == fold_token("हिंदी")  # half nasal / anusvara
    assert fold_token("बचाओओओ") == fold_token("बचाओ")  # elongation


def test_hinglish_spelling_variants_fold_together() -> None:
    assert fold_token("choree") == fold_token("chori") == fold_token("chory")
    assert fold_token("helppp") == fold_token("help")
    assert fold_token("threatened") == fold_token("threaten")


def test_hashtags_are_read_as_words_and_mentions_as_handles() -> None:
    norm = normalize("@NoidaPolice #PaperLeak https://t.co/x")
    assert norm.handles == ("noidapolice",)
    assert "paper" in norm.tokens and "leak" in norm.tokens and "t" not in norm.tokens


# --- the night rule at its boundaries -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("utc", "night"),
    [
        (datetime(2026, 11, 24, 16, 29, 59, tzinfo=UTC), False),  # 21:59:59 IST
        (datetime(2026, 11, 24, 16, 30, 0, tzinfo=UTC), True),  # 22:00:00 IST
        (datetime(2026, 11, 24, 20, 0, 0, tzinfo=UTC), True),  # 01:30 IST
        (datetime(2026, 11, 25, 0, 29, 59, tzinfo=UTC), True),  # 05:59:59 IST
        (datetime(2026, 11, 25, 0, 30, 0, tzinfo=UTC), False),  # 06:00:00 IST
    ],
)
def test_night_is_22_to_06_ist(utc: datetime, night: bool) -> None:
    assert is_night(utc) is night


def test_night_raises_missing_person_p2_to_p1_and_says_so() -> None:
    text = "@kanpurnagarpol mera beta kal se ghar nahi aaya, bahut pareshan hai, please help"
    cat, urg, _, reasons = run(text, at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC))
    assert (cat, urg) == (Category.MISSING_PERSON, Urgency.P2)
    cat, urg, _, reasons = run(text, at=datetime(2026, 11, 24, 18, 0, tzinfo=UTC))  # 23:30 IST
    assert (cat, urg) == (Category.MISSING_PERSON, Urgency.P1)
    assert any("night rule" in r for r in reasons)


def test_night_rule_does_not_apply_to_nuisance() -> None:
    cat, urg, _, _ = run("Loud DJ playing at full volume in our colony in Gomti Nagar, cannot sleep, please stop it",
                         at=datetime(2026, 11, 24, 19, 0, tzinfo=UTC))
    assert (cat, urg) == (Category.NUISANCE, Urgency.P3)


# --- categories and urgency, in the three languages ----------------------------------------------------

@pytest.mark.parametrize("use_model", [True, False], ids=["model", "rules"])
@pytest.mark.parametrize(
    ("text", "category", "urgency"),
    [
        ("@noidapolice please help, I am alone and men are banging on my door in Sector 62 Noida",
         Category.WOMEN_SAFETY, Urgency.P1),
        ("UP police constable bharti ka paper leak ho gaya hai, solver gang active hai Prayagraj me",
         Category.EXAM_LEAK, Urgency.P2),
        ("मेरी बाइक हजरतगंज से चोरी हो गई है, कृपया कार्रवाई करें", Category.THEFT_FRAUD, Urgency.P2),
        ("Firing going on right now in Meerut Kotwali area, people injured, send police", Category.VIOLENCE,
         Urgency.P1),
        ("Thana Cantt ke daroga ne FIR likhne se mana kar diya aur 5000 rishwat maang rahe hai",
         Category.POLICE_MISCONDUCT, Urgency.P3),
        ("Agra me MG road pe bhayankar jam laga hai, 2 ghante se gaadiyan khadi hai", Category.TRAFFIC,
         Urgency.P3),
        ("Thank you @lkopolice for the quick help, great work!", Category.NOT_COMPLAINT, Urgency.P4),
        ("मैं आत्महत्या करने जा रहा हूं, अब और नहीं सह सकता", Category.VIOLENCE, Urgency.P1),
    ],
)
def test_clear_cases(text: str, category: Category, urgency: Urgency, use_model: bool) -> None:
    cat, urg, _, reasons = run(text, use_model=use_model)
    assert (cat, urg) == (category, urgency), reasons


def test_news_about_a_paper_leak_is_not_a_complaint() -> None:
    cat, urg, _, _ = run("Breaking: STF arrests 5 members of solver gang in constable recruitment paper leak case")
    assert (cat, urg) == (Category.NOT_COMPLAINT, Urgency.P4)


def test_retweet_of_a_police_advisory_is_not_a_complaint() -> None:
    advisory = "RT @Uppolice: Anjaan video call uthane se pehle sochein! Sextortion ka shikar hone par 1930"
    cat, _, _, reasons = run(advisory)
    assert cat is Category.NOT_COMPLAINT and any("retweet" in r for r in reasons)


# --- districts ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("My phone was stolen near Civil Lines in Allahabad yesterday", "prayagraj"),
        ("Faizabad me kal raat chori hui", "ayodhya"),
        ("Chain snatching near Godowlia in Banaras today", "varanasi"),
        ("Accident on the expressway near Greater Noida, people injured", "gautam_buddh_nagar"),
        ("Kanpur me mera mobile chori ho gaya", "kanpur_nagar"),
        ("Lakhimpur me jua khela ja raha hai", "lakhimpur_kheri"),
        ("इलाहाबाद में मेरे भाई के साथ मारपीट हुई", "prayagraj"),
        ("Loud DJ in Delhi's Laxmi Nagar all night", "unknown"),
    ],
)
def test_district_from_places_and_old_names(text: str, district: str) -> None:
    assert run(text)[2] == district


def test_handle_when_no_place_and_profile_location_last() -> None:
    assert run("my bike was stolen this morning please help", mentions=("noidapolice",))[2] == "gautam_buddh_nagar"
    assert run("my bike was stolen this morning please help", mentions=("sspmeerut",))[2] == "meerut"
    assert run("my bike was stolen this morning please help", location="Gorakhpur, UP")[2] == "gorakhpur"
    assert run("my bike was stolen this morning please help", mentions=("uppolice",))[2] == "unknown"


def test_place_of_incident_beats_handle_profile_and_residence() -> None:
    district, reasons = run("I am a resident of Kanpur, my phone was stolen in Lucknow at Charbagh",
                            mentions=("kanpurnagarpol",), location="Kanpur")[2:]
    assert district == "lucknow"
    assert any("lucknow" in r and "Lucknow" in r or "Charbagh" in r for r in reasons)


def test_every_result_carries_reasons_for_each_decision() -> None:
    _, _, _, reasons = run("@noidapolice please help, men are banging on my door in Sector 62 Noida")
    assert any(r.startswith("category:") for r in reasons)
    assert any(r.startswith("urgency") for r in reasons)
    assert any(r.startswith("district") for r in reasons)
