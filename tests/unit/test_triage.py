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


# --- every clause of the specification, in the three languages (rules alone and with the model) ----------

SPEC_CASES = [
    # violence: extortion by threat, self-harm, abduction of a boy, mob violence
    ("Rangdari ke liye call aa rahe hai, 2 lakh do warna goli maar denge", Category.VIOLENCE, Urgency.P2),
    ("मेरा भाई कह रहा है कि वह छत से कूद जाएगा, कमरा बंद कर लिया है", Category.VIOLENCE, Urgency.P1),
    ("My son was kidnapped from the school gate and they want a ransom", Category.VIOLENCE, Urgency.P1),
    ("Mob attacking shops with stones right now near the mandi, send force", Category.VIOLENCE, Urgency.P1),
    # women_safety: dowry, obscene calls and photos, abduction of a woman or girl
    ("मेरी बहन को ससुराल वाले दहेज के लिए प्रताड़ित करते हैं", Category.WOMEN_SAFETY, Urgency.P2),
    ("A man keeps sending obscene photos and making vulgar calls to my sister", Category.WOMEN_SAFETY, Urgency.P2),
    ("gaon ka ek ladka meri 16 saal ki beti ko behla phusla ke bhaga le gaya", Category.WOMEN_SAFETY, Urgency.P2),
    # exam_leak: solver gangs, recruitment fraud
    ("Ek giroh daroga bharti me selection ke naam pe 8 lakh le raha hai, farzi niyukti patra de rahe",
     Category.EXAM_LEAK, Urgency.P2),
    ("परीक्षा केंद्र पर सामूहिक नकल कराई जा रही है, ब्लूटूथ से उत्तर बताए जा रहे हैं", Category.EXAM_LEAK, Urgency.P2),
    # missing_person: stranded or unreachable relatives, a lost child found
    ("मेरे माता-पिता तीर्थ यात्रा पर गए थे, कल से दोनों का फोन बंद है, कोई संपर्क नहीं", Category.MISSING_PERSON,
     Urgency.P2),
    ("Found a little boy crying alone near the bus stand, he is with us now, please help find his parents",
     Category.MISSING_PERSON, Urgency.P2),
    # theft_fraud: UPI fraud, fake loans, impersonation for money
    ("Someone hacked my brother's WhatsApp and is asking all his contacts for money on UPI",
     Category.THEFT_FRAUD, Urgency.P2),
    ("loan app wale mere contacts ko morph photo bhej rahe hai, maine loan liya bhi nahi", Category.THEFT_FRAUD,
     Urgency.P2),
    ("फर्जी सीबीआई अधिकारी ने वीडियो कॉल पर डिजिटल अरेस्ट बताकर 3 लाख ट्रांसफर करा लिए", Category.THEFT_FRAUD,
     Urgency.P2),
    # traffic: broken signal, dangerous driving now, an accident that is over
    ("Chauraha pe signal 4 din se kharab hai, har taraf se gaadiyan ghus rahi hai", Category.TRAFFIC, Urgency.P3),
    ("The bus driver is drunk and swerving on the highway with 50 passengers", Category.TRAFFIC, Urgency.P1),
    ("Kal raat ek car ne mere chacha ko thok diya aur bhaag gayi, haddi toot gayi hai", Category.TRAFFIC,
     Urgency.P2),
    # police_misconduct: refused FIR, slow response as the grievance, police violence
    ("मेरा फोन चोरी हुआ, थाने वाले कह रहे गुमशुदगी लिखवाओ, चोरी की रिपोर्ट नहीं लिखेंगे",
     Category.POLICE_MISCONDUCT, Urgency.P3),
    ("Called 112 about a fight last night, the PRV reached after 3 hours. Useless.", Category.POLICE_MISCONDUCT,
     Urgency.P3),
    # nuisance: illegal liquor, gambling, encroachment, drug users
    ("Khuleaam kachchi sharab bik rahi hai mandir ke paas", Category.NUISANCE, Urgency.P3),
    ("Park ke peeche roz jua khela jata hai, satta bhi chalta hai", Category.NUISANCE, Urgency.P3),
    ("Shopkeepers have encroached the whole footpath, pedestrians walk on the road", Category.NUISANCE, Urgency.P3),
    ("स्टेशन के पास खुलेआम स्मैक बिकती है, नशेड़ी दिन भर बैठे रहते हैं", Category.NUISANCE, Urgency.P3),
    # other_complaint: verification, land, FIR status, lost (not stolen) items, tips
    ("My passport verification is pending at the thana for a month", Category.OTHER_COMPLAINT, Urgency.P3),
    ("चाचा ने पैतृक जमीन पर कब्जा कर लिया है, हिस्सा नहीं दे रहे", Category.OTHER_COMPLAINT, Urgency.P3),
    ("I lost my wallet with my Aadhaar card somewhere in the market, need a lost report", Category.OTHER_COMPLAINT,
     Urgency.P3),
    ("एक व्यक्ति चोरी की बाइक बेचता है, उसकी सूचना देना चाहता हूं, नाम गुप्त रखें", Category.OTHER_COMPLAINT,
     Urgency.P3),
    # not_complaint: news about a leak or an arrest, thanks, greetings, questions, spam
    ("बड़ी खबर: सिपाही भर्ती पेपर लीक मामले में एसटीएफ ने 6 लोगों को गिरफ्तार किया", Category.NOT_COMPLAINT, Urgency.P4),
    ("shukriya UP Police, meri chori hui bike ek hafte me wapas mil gayi", Category.NOT_COMPLAINT, Urgency.P4),
    ("Happy Holi to all the officers of UP Police, Jai Hind", Category.NOT_COMPLAINT, Urgency.P4),
    ("UP me mahila helpline number kya hai? online FIR kaise kare?", Category.NOT_COMPLAINT, Urgency.P4),
    ("Ghar baithe roz 5000 kamao!! DM for details, join our VIP group", Category.NOT_COMPLAINT, Urgency.P4),
]


@pytest.mark.parametrize("use_model", [True, False], ids=["model", "rules"])
@pytest.mark.parametrize(("text", "category", "urgency"), SPEC_CASES)
def test_each_clause_of_the_specification(text: str, category: Category, urgency: Urgency, use_model: bool) -> None:
    cat, urg, _, reasons = run(text, use_model=use_model)
    assert (cat, urg) == (category, urgency), reasons


# --- P1: danger now ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "bhai ko abhi kuch log rod se maar rahe hai, khoon beh raha hai, jaldi aao",
        "घर में कुछ लोग घुस आए हैं, जान से मारने आ रहे हैं, बचाओ",
        "Firing ho rahi hai abhi market me, log bhaag rahe hai",
        "Two men are trying to break into the car outside our house right now, send patrol",
        "कार पलट गई है, अंदर लोग फंसे हैं, एक का खून बह रहा है",
        "चारबाग बस अड्डे पर एक लावारिस काला बैग आधे घंटे से पड़ा है",
    ],
)
def test_danger_now_is_p1(text: str) -> None:
    _, urg, _, reasons = run(text)
    assert urg is Urgency.P1, reasons


def test_so_far_is_not_now() -> None:
    # "abhi tak" (so far) must not read as "abhi" (now): an old case is P3 by day.
    _, urg, _, reasons = run("maarpeet case me abhi tak charge sheet nahi lagi, 4 mahine se chakkar kaat rahe hai")
    assert urg is Urgency.P3, reasons


def test_online_fraud_minutes_ago_stays_p2() -> None:
    _, urg, _, reasons = run("abhi 10 minute pehle UPI pe fake link se mere account se 40000 kat gaye, jaldi help")
    assert urg is Urgency.P2, reasons


# --- the night rule at the IST boundaries, for each category it covers and one it does not ----------------

@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Boys pass lewd comments at my sister every day outside the college", Category.WOMEN_SAFETY),
        ("padosi ne mere bhai ko lathi se maara, sar pe chot hai, FIR karni hai", Category.VIOLENCE),
        ("मेरी बेटी स्कूल गई थी, अभी तक वापस नहीं आई", Category.MISSING_PERSON),
    ],
)
@pytest.mark.parametrize(
    ("utc", "raised"),
    [
        (datetime(2026, 11, 24, 16, 29, 59, tzinfo=UTC), False),  # 21:59:59 IST
        (datetime(2026, 11, 24, 16, 30, 0, tzinfo=UTC), True),  # 22:00:00 IST
        (datetime(2026, 11, 25, 0, 29, 59, tzinfo=UTC), True),  # 05:59:59 IST
        (datetime(2026, 11, 25, 0, 30, 0, tzinfo=UTC), False),  # 06:00:00 IST
    ],
)
def test_night_rule_at_the_ist_boundaries(text: str, category: Category, utc: datetime, raised: bool) -> None:
    cat, urg, _, reasons = run(text, at=utc)
    assert (cat, urg) == (category, Urgency.P1 if raised else Urgency.P2), reasons
    assert any("night rule" in r for r in reasons) is raised


@pytest.mark.parametrize("utc", [datetime(2026, 11, 24, 16, 30, tzinfo=UTC), datetime(2026, 11, 25, 0, 29, tzinfo=UTC)])
def test_night_rule_leaves_theft_and_traffic_alone(utc: datetime) -> None:
    assert run("Meri bike ghar ke bahar se chori ho gayi", at=utc)[:2] == (Category.THEFT_FRAUD, Urgency.P2)
    assert run("Main road pe 2 ghante se jaam laga hai", at=utc)[:2] == (Category.TRAFFIC, Urgency.P3)


def test_structural_rules_decide_over_the_model_and_say_so() -> None:
    _, _, _, reasons = run("Breaking: STF arrests 5 members of solver gang in constable recruitment paper leak case")
    assert any("news" in r for r in reasons)


def test_past_years_are_years_before_the_tweet_was_written() -> None:
    from streams.triage.classify import past_years

    written = datetime(2024, 9, 1, tzinfo=UTC)
    assert past_years("मु.अ.सं. 145/24, घटना वर्ष 2022 की है, in 2023 again", written) == ["2022", "2023"]
    assert past_years("constable exam 2024 paper leak", written) == []  # this year's: not old
    assert past_years("car UP32XX2019 hit me, FIR 56/2021", written) == []  # a number plate, a case number
    assert past_years("no year here", written) == []


def test_a_follow_up_naming_an_old_year_is_routine() -> None:
    tweet = TriageInput("@spbanda मेरे भाई के साथ 2022 में हुई मारपीट के मामले में आरोपी अब भी फरार है, कार्रवाई करें",
                        datetime(2024, 9, 1, 8, 0, tzinfo=UTC))
    # The urgency rule on the rules' category. (The model trained with the 1,400-tweet train set read this as
    # women_safety, 0.49 against violence; with 1,806 it reads violence, 0.54, women_safety next: too close to
    # pin, so kept out of this rule's test.)
    result = triage(tweet, use_model=False)
    assert result.category is Category.VIOLENCE
    assert result.urgency is Urgency.P3
    assert any("2022" in r for r in result.reasons)


@pytest.mark.parametrize("text", [
    "@kasganjpolice mera beta nahar kinare khelne gaya tha, ab nahi mil raha, gotakhor bhejo please",
    "@balliapolice गंगा में नाव पलटने के बाद से मेरे चाचा लापता हैं, गोताखोर भेजें",
])
def test_a_missing_person_in_danger_now_is_p1(text: str) -> None:
    category, urgency, _, reasons = run(text, use_model=False)
    assert category is Category.MISSING_PERSON
    assert urgency is Urgency.P1
    assert any("a missing person in danger now" in r for r in reasons)


def test_a_missing_person_near_water_days_ago_is_not_p1_by_the_danger_rule() -> None:
    category, urgency, _, reasons = run(
        "@kasganjpolice mera beta 3 din pehle nahar ki taraf gaya tha, ab tak nahi mila, talash karo", use_model=False)
    assert category is Category.MISSING_PERSON
    assert urgency is not Urgency.P1
    assert not any("a missing person in danger now" in r for r in reasons)


# --- danger now whatever the category (urgency rules read the evidence for a given category) ----------------

def urgency_of(text: str, category: Category, at: datetime = DAY) -> tuple[Urgency, list[str]]:
    from streams.triage.classify import decide_urgency, gather
    return decide_urgency(category, gather(normalize(text).tokens), at)


@pytest.mark.parametrize(("text", "category"), [
    # The grievance is the police not coming, but the burglars are still inside / the attackers are back.
    ("112 pe 30 min pehle bataya tha, koi nahi aaya, chor abhi bhi padosi ke ghar ke andar hai, jaldi",
     Category.POLICE_MISCONDUCT),
    ("पुलिस अभी तक नहीं आई, वो लोग फिर लाठी लेकर आ गए हैं और दरवाजा पीट रहे हैं", Category.POLICE_MISCONDUCT),
    # A drunk driver on the road now, read as a nuisance: a person in immediate danger.
    ("ek car wala nashe me zigzag chala raha hai highway pe, abhi roko", Category.NUISANCE),
])
def test_an_offence_or_danger_in_progress_behind_another_grievance_is_p1(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is Urgency.P1, reasons


def test_the_police_arriving_late_after_the_offenders_fled_is_not_p1() -> None:
    urgency, reasons = urgency_of("मेरे साथ लूट हुई, 112 को तुरंत कॉल किया, गाड़ी देर से आई तब तक बदमाश फरार हो चुके थे",
                                  Category.POLICE_MISCONDUCT)
    assert urgency is Urgency.P3, reasons


def test_injured_needing_help_now_is_p1_even_as_a_request() -> None:
    urgency, reasons = urgency_of("abhi gaon me jhagda chal raha hai, ek aadmi ghayal hai, ambulance bhejo",
                                  Category.OTHER_COMPLAINT)
    assert urgency is Urgency.P1, reasons


@pytest.mark.parametrize("text", [
    "mere chhote bhai ko ek aadmi car me baitha ke le gaya, 20 min ho gaye, phone off",
    "हमारे बेटे को एक आदमी बाइक पर बैठाकर ले गया, दो घंटे हो गए, फोन भी बंद है",
    "papa ko 4 log Scorpio me zabardasti daal ke le gaye, please jaldi",
])
def test_a_person_taken_away_in_a_vehicle_is_held_now_even_as_missing(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.MISSING_PERSON)
    assert urgency is Urgency.P1, reasons
    # "20 min ho gaye" (taken minutes ago) reads as happening now, before the abduction rule.
    assert any("abducted" in r or "happening now" in r for r in reasons)


def test_an_attempted_abduction_that_failed_is_not_p1() -> None:
    urgency, reasons = urgency_of("मेरे बेटे को दो लोगों ने बाइक पर बैठाकर ले जाने का प्रयास किया, वह भाग आया",
                                  Category.VIOLENCE)
    assert urgency is Urgency.P2, reasons


def test_a_ransom_demand_means_held_now_even_days_later() -> None:
    urgency, reasons = urgency_of("My cousin went missing two days ago and today we got a call demanding "
                                  "Rs 5 lakh for his release", Category.MISSING_PERSON)
    assert urgency is Urgency.P1, reasons


def test_since_last_night_is_still_going_on_not_over() -> None:
    urgency, reasons = urgency_of("बाढ़ का पानी घरों में घुस गया है, मेरे माता-पिता छत पर फंसे हैं, कल रात से कोई नाव नहीं आई",
                                  Category.MISSING_PERSON)
    assert urgency is Urgency.P1, reasons
    urgency, _ = urgency_of("kal raat meri beti ghar nahi aayi", Category.MISSING_PERSON)
    assert urgency is Urgency.P2


@pytest.mark.parametrize("text", [
    "meri gaadi ko auto ne thok diya, kisi ko chot nahi aayi, par jaam lag gaya hai",
    "मेरी कार को बस ने टक्कर मारी, किसी को चोट नहीं लगी, बस वाला भाग गया",
])
def test_a_collision_without_injuries_is_routine(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.TRAFFIC)
    assert urgency is Urgency.P3, reasons


def test_people_trapped_inside_a_crashed_vehicle_is_p1() -> None:
    urgency, reasons = urgency_of("truck ka brake fail ho gaya, gaadiyo ko thok diya, log andar phanse h, abhi ka h",
                                  Category.TRAFFIC)
    assert urgency is Urgency.P1, reasons


def test_an_attack_in_the_continuous_tense_is_now() -> None:
    urgency, reasons = urgency_of("हमारे घर पर कुछ लोग हमला कर रहे हैं, पत्थर फेंक रहे हैं", Category.VIOLENCE)
    assert urgency is Urgency.P1, reasons


# --- live danger the rules missed: urgency-only cues (URGENCY_CUE_TERMS, not read by the category model) ------

def test_urgency_only_terms_do_not_repeat_the_cue_terms_they_extend() -> None:
    # A term in both lists would count twice for the same cue.
    from streams.triage.lexicon import CUE_TERMS, URGENCY_CUE_TERMS
    from streams.triage.matcher import parse_entries
    for cue, spec in URGENCY_CUE_TERMS.items():
        known = {t.tokens for t in parse_entries(cue, CUE_TERMS.get(cue, ""))}
        assert not [t.written for t in parse_entries(cue, spec) if t.tokens in known], cue


def test_urgency_only_terms_are_not_features_of_the_category_model() -> None:
    from streams.triage.model import default_model
    model = default_model()
    assert model is not None
    assert not [t for t in model.evidence_tags if t.startswith("urg:")]


@pytest.mark.parametrize("text", [
    "A truck is coming the wrong way on the Agra-Lucknow expressway near Fatehabad, just now",
    "नेशनल हाईवे पर एक डंपर गलत दिशा में आ रहा है, अभी टोल के पास है",
    "expressway pe ek bus ulti side se aa rahi hai abhi, jaldi roko",
])
def test_a_vehicle_coming_the_wrong_way_on_a_highway_now_is_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.TRAFFIC)
    assert urgency is Urgency.P1, reasons
    assert any("wrong way" in r for r in reasons)


@pytest.mark.parametrize("text", [
    # Every day, not now; and the wrong way now, but in a market lane.
    "Trucks come down the wrong side of the highway near the Gajraula cut every day, please put a checkpoint",
    "abhi market me ek e-rickshaw galat disha me chal raha hai, sab pareshan",
])
def test_the_wrong_way_as_a_habit_or_off_the_highway_is_routine(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.TRAFFIC)
    assert urgency is Urgency.P3, reasons


@pytest.mark.parametrize("text", [
    "Our bus is weaving across all lanes, the driver was drunk at the dhaba, 40 passengers on board",
    "रोडवेज बस के चालक ने शराब पी रखी है, बस लहराकर चला रहा है",
    "accident ke baad ek aadmi sadak kinare hosh me nahi hai, 108 bhejo",
])
def test_a_drunk_weaving_driver_or_a_rider_not_conscious_is_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.TRAFFIC)
    assert urgency is Urgency.P1, reasons


def test_a_drunk_driver_who_hit_a_car_last_night_is_not_p1() -> None:
    urgency, reasons = urgency_of("kal raat ek driver ne sharab pi ke meri car thok di, kisi ko chot nahi aayi",
                                  Category.TRAFFIC)
    assert urgency is Urgency.P3, reasons


@pytest.mark.parametrize(("text", "category"), [
    ("मेरे भाई ने कर्ज़ से परेशान होकर कीटनाशक पी लिया है, मुंह से झाग आ रहा है", Category.VIOLENCE),
    ("My neighbour's daughter swallowed poison after a fight with her in-laws, she is vomiting",
     Category.WOMEN_SAFETY),
    ("chacha ne sulphas ki goli kha li hai, gaon me koi gaadi nahi mil rahi", Category.OTHER_COMPLAINT),
])
def test_poison_swallowed_is_p1_whatever_the_category(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is Urgency.P1, reasons
    assert any("poison" in r for r in reasons)


@pytest.mark.parametrize("text", [
    "My father drank pesticide last month and died; the police have not registered a case against the lender",
    "कल रात मेरी बहन ने ससुराल में जहर पी लिया था, उसकी मौत हो गई, ससुराल वालों पर कार्रवाई हो",
])
def test_poison_swallowed_in_the_past_or_a_death_is_not_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.VIOLENCE)
    assert urgency is not Urgency.P1, reasons


@pytest.mark.parametrize("text", [
    "मेरा 6 साल का बेटा दोस्तों के साथ तालाब में नहाने गया था, वापस नहीं आया",
    "meri 3 saal ki beti aangan se gayab hai, ghar ke peeche pokhar hai",
    "Our son went swimming in the canal with his friends and has not come back",
])
def test_a_child_missing_by_the_water_is_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.MISSING_PERSON)
    assert urgency is Urgency.P1, reasons
    assert any("in danger now" in r for r in reasons)


@pytest.mark.parametrize("text", [
    "राप्ती नदी में नहाने गए दो किशोर डूबे, गोताखोरों ने शव निकाले",
    "mera beta kal shaam nahar pe nahane gaya tha, tab se ghar nahi aaya",
])
def test_a_drowning_with_the_body_found_or_a_day_old_is_not_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.MISSING_PERSON)
    assert urgency is not Urgency.P1, reasons


@pytest.mark.parametrize(("text", "category"), [
    ("भीड़ में मेरी 5 साल की बेटी हाथ छुड़ाकर चली गई, 15 मिनट हो गए", Category.MISSING_PERSON),
    ("mera 6 saal ka beta mall me 20 min se nahi mil raha", Category.MISSING_PERSON),
    ("Two bikers snatched my phone outside the station, it has been 10 minutes now", Category.THEFT_FRAUD),
])
def test_minutes_since_is_now(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is Urgency.P1, reasons


def test_online_fraud_minutes_since_stays_p2() -> None:
    urgency, reasons = urgency_of("20 min ho gaye, OTP batate hi account se 40,000 kat gaye", Category.THEFT_FRAUD)
    assert urgency is Urgency.P2, reasons


@pytest.mark.parametrize("text", [
    "पड़ोस के घर से किसी महिला की चीखें आ रही हैं",
    "upar wale flat me ek aurat chilla rahi hai, koi use pit raha hai",
    "A woman is screaming for help in the house across our lane",
])
def test_screams_heard_now_are_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.WOMEN_SAFETY)
    assert urgency is Urgency.P1, reasons


def test_screams_heard_last_night_are_not_p1() -> None:
    urgency, reasons = urgency_of("Last night we heard a woman screaming from the house next door, please check on her",
                                  Category.WOMEN_SAFETY)
    assert urgency is Urgency.P2, reasons


@pytest.mark.parametrize("text", [
    "बस स्टैंड पर एक आदमी रास्ता रोककर खड़ा है, जाने नहीं दे रहा",
    "auto wala sunsaan road pe le aaya, haath nahi chhod raha",
    "A man at the bus stop won't let me go, he is holding my wrist",
])
def test_a_woman_held_or_blocked_now_is_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.WOMEN_SAFETY)
    assert urgency is Urgency.P1, reasons


def test_a_woman_blocked_yesterday_is_not_p1() -> None:
    urgency, reasons = urgency_of("Yesterday evening a man blocked my way near the college gate and passed comments",
                                  Category.WOMEN_SAFETY)
    assert urgency is Urgency.P2, reasons


@pytest.mark.parametrize("text", [
    "दबंग फिर से आ गए हैं, लाठी लेकर खड़े हैं दरवाजे पर",
    "padosi tamancha leke khada hai gate pe, bahar nikalne nahi de raha",
    "The same goons are back again, standing outside with sticks at our gate",
])
def test_armed_men_at_the_door_or_back_again_are_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.VIOLENCE)
    assert urgency is Urgency.P1, reasons


def test_armed_men_at_the_door_last_evening_are_not_p1() -> None:
    urgency, reasons = urgency_of("कल शाम वो लड़का चाकू लेकर खड़ा था, आज थाने में शिकायत देनी है", Category.VIOLENCE)
    assert urgency is not Urgency.P1, reasons


@pytest.mark.parametrize(("text", "category"), [
    ("Two men are trying to break open the shutter of the shop below our flat", Category.THEFT_FRAUD),
    ("दो लोग गैस कटर से एटीएम मशीन काट रहे हैं", Category.THEFT_FRAUD),
    ("koi darwaza kholne ki koshish kar raha hai, hum andar hai", Category.VIOLENCE),
])
def test_forcing_a_way_in_or_cutting_open_now_is_p1(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is Urgency.P1, reasons


def test_running_around_the_police_station_is_not_cutting_anything() -> None:
    urgency, reasons = urgency_of("maarpeet case me 4 mahine se thane ke chakkar kaat rahe hain, koi sunwai nahi",
                                  Category.VIOLENCE)
    assert urgency is not Urgency.P1, reasons


def test_a_clash_under_way_with_people_hurt_is_p1() -> None:
    urgency, reasons = urgency_of("A violent clash with sticks is presently underway in our village, two are injured",
                                  Category.VIOLENCE)
    assert urgency is Urgency.P1, reasons
    urgency, reasons = urgency_of("The investigation into my assault case is underway, please share an update",
                                  Category.VIOLENCE)
    assert urgency is not Urgency.P1, reasons


@pytest.mark.parametrize("text", [
    "My uncle just threw boiling oil at my father in a fight, he is badly burnt",
    "झगड़े में पड़ोसियों ने भाई पर तेल फेंक दिया, वो बुरी तरह झुलस गया है, जल्दी आइए",
    "ladai me bhai jhulas gaya hai, jaldi ambulance bhejo",
])
def test_burns_are_injuries_needing_help_now(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.VIOLENCE)
    assert urgency is Urgency.P1, reasons


def test_burns_from_last_month_are_not_p1() -> None:
    urgency, reasons = urgency_of("My brother was badly burnt in a fight last month and the accused are still free",
                                  Category.VIOLENCE)
    assert urgency is not Urgency.P1, reasons


@pytest.mark.parametrize(("text", "category"), [
    ("दो लड़के एक लड़की को खींचकर गाड़ी में ले गए", Category.WOMEN_SAFETY),
    ("My brother was forced onto a bike by three men outside the coaching centre", Category.VIOLENCE),
    ("ek ladki ko do log kheench ke car me le gaye", Category.WOMEN_SAFETY),
])
def test_dragged_off_or_forced_onto_a_vehicle_is_an_abduction(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is Urgency.P1, reasons
    assert any("abducted" in r for r in reasons)


def test_dragged_off_days_ago_and_back_home_is_not_p1() -> None:
    urgency, reasons = urgency_of("3 din pehle mere bete ko kuch log kheench kar le gaye the, ab wo ghar aa gaya hai",
                                  Category.VIOLENCE)
    assert urgency is Urgency.P2, reasons


@pytest.mark.parametrize("text", [
    "meri beti ko padosi ka ladka aaj subah behla phusla ke le gaya, phone band hai",
    "मेरी 15 साल की बेटी को एक युवक दो घंटे पहले बहला-फुसलाकर ले गया",
    "My niece was lured away by a man she met online this morning",
])
def test_lured_away_within_the_last_hours_is_p1(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.WOMEN_SAFETY)
    assert urgency is Urgency.P1, reasons


@pytest.mark.parametrize("text", [
    "4 din pehle gaon ka ladka meri beti ko behla phusla ke le gaya, ab tak nahi mili",
    "gaon ka ek ladka meri 16 saal ki beti ko behla phusla ke bhaga le gaya",  # undated: P2 (SPEC_CASES)
])
def test_lured_away_days_ago_or_undated_is_p2(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.WOMEN_SAFETY)
    assert urgency is Urgency.P2, reasons


@pytest.mark.parametrize("text", [
    "बाज़ार में ठेलों से रोज़ जाम लगता है, एम्बुलेंस तक नहीं निकल पाती",
    "hospital ke gate pe double parking, ambulance bhi nahi nikal pati",
    "Cars are parked on both sides outside the hospital gate, even an ambulance cannot get in",
])
def test_even_an_ambulance_cannot_pass_is_a_jam_not_a_patient(text: str) -> None:
    urgency, reasons = urgency_of(text, Category.TRAFFIC)
    assert urgency is Urgency.P3, reasons


def test_an_ambulance_with_a_patient_stuck_in_a_jam_stays_p1() -> None:
    urgency, reasons = urgency_of("jam me ambulance phasi hai, andar heart attack ka patient hai, 20 min se",
                                  Category.TRAFFIC)
    assert urgency is Urgency.P1, reasons


# --- a harmful act told as going on (urg:ongoing), unless a habit or of days (urg:habitual) ----------------------

@pytest.mark.parametrize(("text", "category"), [
    ("चौराहे पर भीड़ एक ड्राइवर को पीट रही है, कोई रोक नहीं रहा", Category.VIOLENCE),
    ("कॉलेज के गेट पर चार लड़कों ने मेरी बहन की स्कूटी घेर ली है", Category.WOMEN_SAFETY),
    ("बैंक में तीन लोग तमंचा लेकर घुसे हुए हैं, गार्ड को बैठा दिया", Category.THEFT_FRAUD),
    ("station ke bahar 3 ladke yatriyon se mobile chheen rahe, koi rok nahi raha", Category.THEFT_FRAUD),
    ("2 ladke bike pe meri behen ke peeche peeche chal rahe, wo coaching se ghar aa rahi", Category.WOMEN_SAFETY),
    ("petrol pump pe 4 log ghuse h katta leke, staff ko bitha diya", Category.THEFT_FRAUD),
    ("3 men with pistols are inside the jewellery shop next to mine, shutter half down", Category.THEFT_FRAUD),
    ("Two guys are breaking car windows in our lane and taking bags. Still at it.", Category.THEFT_FRAUD),
    ("A man groped my friend on the metro platform. He is still on the train to Noida.", Category.WOMEN_SAFETY),
])
def test_a_harmful_act_told_as_going_on_is_p1(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is Urgency.P1, reasons
    assert any("going on now" in r for r in reasons)


@pytest.mark.parametrize(("text", "category"), [
    # A habit, a situation of weeks, a past continuous, a threat by phone.
    ("2 ladke roz college ke bahar ladkiyon ko chhed rahe, koi kuch nahi karta", Category.WOMEN_SAFETY),
    ("पिछले दो महीने से पड़ोसी का लड़का मेरी बेटी को छेड़ रहा है", Category.WOMEN_SAFETY),
    ("A man is following my daughter to school every day for weeks now", Category.WOMEN_SAFETY),
    ("A man is following girls from our coaching on Instagram and messages them every night", Category.WOMEN_SAFETY),
    ("जब हम पहुंचे तो भीड़ उसे पीट रही थी, अब वो अस्पताल में भर्ती है", Category.VIOLENCE),
    ("jab main pahuncha to 2 ladke ek aurat ka purse chheen rahe the, dekhte hi bhaag gaye", Category.THEFT_FRAUD),
])
def test_a_habit_or_a_past_continuous_is_not_going_on_now(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is Urgency.P2, reasons


@pytest.mark.parametrize(("text", "category"), [
    # Going on, but not a harm that is danger now: a search party, people in an empty house.
    ("Villagers are inside the forest searching for the boy, he went out to graze goats", Category.MISSING_PERSON),
    ("Two men are inside the empty house next door, probably workers, please check once", Category.OTHER_COMPLAINT),
])
def test_going_on_is_read_only_for_harms_that_are_danger_now(text: str, category: Category) -> None:
    urgency, reasons = urgency_of(text, category)
    assert urgency is not Urgency.P1, reasons


def test_an_offence_going_on_behind_a_police_grievance_is_p1() -> None:
    text = "112 pe 3 baar call kiya, koi nahi aaya. 5 log lathi dande leke padosi pe toot pade h"
    urgency, reasons = urgency_of(text, Category.POLICE_MISCONDUCT)
    assert urgency is Urgency.P1, reasons


# --- danger now is never not_complaint, whatever wraps it ---------------------------------------------------

@pytest.mark.parametrize("text", [
    # Sarcasm, thanks and greetings the model takes for not_complaint.
    "Great job @Uppolice, dialled 112 three times. Meanwhile three men are breaking shop shutters on our street. "
    "Still at it.",
    "Thanks a lot @Uppolice, very helpful. Meanwhile a gang is snatching phones at the bus stop. Still at it.",
    "good morning sir 🙏 padosi ke ghar me 2 log ghuse h, wo log bahar gaye h",
    "सुप्रभात 🙏 दो लोग हमारे घर में घुसे हुए हैं",
])
def test_danger_now_is_a_complaint_whatever_wraps_it(text: str) -> None:
    category, urgency, _, reasons = run(text)
    assert category is not Category.NOT_COMPLAINT, reasons
    assert urgency is not Urgency.P4, reasons


@pytest.mark.parametrize("text", [
    "Thank you @Uppolice for catching the men who were snatching chains in our colony 🙏",
    "अभी खबर आई कि चौराहे पर भीड़ ने एक चोर को पकड़कर पीटा, पुलिस मौके पर",
    "विपक्ष के नेता को नज़रबंद करना लोकतंत्र की हत्या है @Uppolice #लोकतंत्र_बचाओ",
])
def test_praise_news_and_slogans_with_no_danger_now_stay_not_complaints(text: str) -> None:
    category, urgency, _, reasons = run(text)
    assert category is Category.NOT_COMPLAINT, reasons
