"""Synthetic X API v2 filtered-stream traffic to UP Police: realistic, varied, deterministic for a seed (no I/O).

`generate(count, config)` yields what the filtered stream would deliver, as the raw bytes of one JSON line per
record, each with what the generator intended (`Truth`) so later stages can be tested and demonstrated:

* complaints of every triage category in Hindi (Devanagari), English and Hinglish (romanised Hindi with the
  spellings people really use), across all 75 districts, named by the district police handle, a place in the
  text, only the author's profile location, or nothing at all (district "unknown");
* a day/night curve in IST, in-progress emergencies at night, surges (one exam paper leak tweeted by many
  people within minutes), retweets, replies in an existing conversation, the same text tweeted twice;
* on request, exact numbers of re-sent tweets, malformed records and tweets by Seva's own account.

Only the standard library and the gazetteer are used, so it runs anywhere, fast (tens of thousands of records
a second), and the same seed always gives byte-identical output: one `random.Random`, nothing iterated in
hash order, no clock read.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar

from seva import districts as gaz
from seva.districts import District

CATEGORIES: tuple[str, ...] = (
    "violence", "women_safety", "exam_leak", "missing_person", "theft_fraud",
    "traffic", "police_misconduct", "nuisance", "other_complaint", "not_complaint",
)
LANGUAGES: tuple[str, ...] = ("hi", "en", "hinglish")
URGENCIES: tuple[str, ...] = ("P1", "P2", "P3", "P4")
KINDS: tuple[str, ...] = ("tweet", "duplicate", "malformed", "own")
MALFORMED_REASONS: tuple[str, ...] = (
    "malformed_json", "invalid_utf8", "missing_id", "missing_text", "oversized", "not_an_object",
)
# A woman alone, a fight or a missing child at night cannot wait for morning: one level more urgent.
NIGHT_RULE_CATEGORIES: frozenset[str] = frozenset({"violence", "women_safety", "missing_person"})

# Seva's own X account: its acknowledgements mention police handles, so sources see them and must skip them.
OWN_USER_ID = "1590011223344556677"
OWN_USERNAME = "upp_twitterseva"

IST_OFFSET_SECONDS = 19_800
_TWITTER_EPOCH_MS = 1_288_834_974_657
_VIP_HANDLES: tuple[str, ...] = ("cmofficeup", "myogiadityanath")

# Stable, made-up account ids for the police and VIP handles (real ids are not needed and not looked up).
POLICE_USER_IDS: Mapping[str, str] = MappingProxyType(
    {h: str(1_100_000_000 + 7_919 * i) for i, h in enumerate((*gaz.all_handles(), *_VIP_HANDLES))}
)

_OWN_USER: dict[str, str] = {
    "id": OWN_USER_ID, "username": OWN_USERNAME, "name": "UP Police Twitter Seva", "location": "Lucknow, India",
}
_RULE_HQ = {"id": "1860000000000000001", "tag": "hq-handles"}
_RULE_DISTRICT = {"id": "1860000000000000002", "tag": "district-handles"}
_RULE_KEYWORDS = {"id": "1860000000000000003", "tag": "up-complaint-keywords"}


@dataclass(frozen=True)
class Truth:
    """What the generator meant a tweet to be: the answer key for triage tests and demos."""

    category: str  # one of CATEGORIES
    urgency: str  # "P1".."P4", night rule applied (see NIGHT_RULE_CATEGORIES)
    district: str  # a district slug, or districts.UNKNOWN when nothing in the tweet names one
    language: str  # "hi" | "en" | "hinglish"


@dataclass(frozen=True)
class GeneratedRecord:
    """One record as a source would hand it to the publisher, with what it is."""

    raw: bytes  # exactly what a source would hand to the publisher
    kind: str  # one of KINDS
    tweet_id: str | None  # None for malformed records that carry no readable id
    truth: Truth | None  # set for kind "tweet" only
    malformed_reason: str | None  # set for kind "malformed" only: one of MALFORMED_REASONS


@dataclass(frozen=True)
class GeneratorConfig:
    """Shape of the synthetic traffic; rates of extra records are fractions of `count`."""

    seed: int = 7
    start: datetime = datetime(2026, 11, 20, tzinfo=UTC)
    tweets_per_hour: float = 180.0  # mean rate, modulated by the day/night curve and surges
    duplicate_rate: float = 0.0  # extra records re-sending an already generated tweet id
    malformed_rate: float = 0.0  # extra malformed records
    own_rate: float = 0.0  # extra tweets authored by Seva's own account
    retweet_rate: float = 0.05
    reply_rate: float = 0.05
    duplicate_text_rate: float = 0.03
    surge: bool = True
    oversized_bytes: int = 300_000  # size a record must exceed to be "oversized"

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            raise ValueError("GeneratorConfig.start must be timezone-aware (UTC)")
        if self.tweets_per_hour <= 0:
            raise ValueError("GeneratorConfig.tweets_per_hour must be positive")
        rates = (self.duplicate_rate, self.malformed_rate, self.own_rate)
        if any(r < 0 for r in rates):
            raise ValueError("GeneratorConfig rates must not be negative")
        shares = (self.retweet_rate, self.reply_rate, self.duplicate_text_rate)
        if any(r < 0 for r in shares) or sum(shares) > 1:
            raise ValueError("retweet_rate, reply_rate and duplicate_text_rate must be >= 0 and sum to <= 1")
        if self.oversized_bytes < 1024:
            raise ValueError("GeneratorConfig.oversized_bytes must be at least 1024")


DEFAULT_CONFIG = GeneratorConfig()


def generate(count: int, config: GeneratorConfig = DEFAULT_CONFIG) -> Iterator[GeneratedRecord]:
    """Exactly `count` records of kind "tweet" (distinct new ids), plus round(count * rate) duplicates,
    malformed and own records interleaved among them; time-ordered, deterministic for config.seed."""
    if count < 0:
        raise ValueError("count must not be negative")
    return _Generator(count, config).records()


def is_night_ist(epoch_seconds: float) -> bool:
    """True between 22:00 and 06:00 India Standard Time (UTC+5:30)."""
    hour = int((epoch_seconds + IST_OFFSET_SECONDS) // 3600) % 24
    return hour >= 22 or hour < 6


def night_rule(category: str, urgency: str, night: bool) -> str:
    """The urgency after the night rule: one level up (P2 -> P1…) for the NIGHT_RULE_CATEGORIES at night."""
    if night and category in NIGHT_RULE_CATEGORIES and urgency != "P1":
        return URGENCIES[URGENCIES.index(urgency) - 1]
    return urgency


# --------------------------------------------------------------------------------------------------------
# Content. Templates are (urgency, text); "P1 night" marks one that only makes sense at night (it is used
# only when created_at is 22:00-06:00 IST). Slots are filled per tweet, see _Generator._slot.
# --------------------------------------------------------------------------------------------------------

_TEMPLATE_TABLE: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("violence", "en"): (
        ("P1", "Firing going on right now {loc}! {n} men with guns, everyone is hiding inside. {urgent}"),
        ("P1", "Some goons are beating my {relm} with iron rods right now {loc}, he is bleeding badly. {urgent}"),
        ("P1", "A mob has gathered {loc} and is attacking shops, stones being thrown as I type this. {urgent}"),
        ("P2", "My neighbour attacked my {relm} with a knife {time} {loc}. He is in hospital and the accused "
               "is roaming freely. {plz}"),
        ("P2", "Fight over land {loc}: {name} and his men beat my family with lathis, {n} people injured. {plz}"),
        ("P3", "{name} is threatening to kill my family over a property dispute {loc}. Getting calls for {ago}. "
               "{plz}"),
        ("P3", "Local goons are extorting money from shopkeepers {loc}, demanding {amount} every month. {plz}"),
        ("P1 night", "Drunk men broke into our house at {clock} {loc} and beat my father. They are still outside. "
                     "{urgent}"),
    ),
    ("violence", "hinglish"): (
        ("P1", "{loc} abhi firing ho rahi hai, {n} log hathiyar leke ghoom rahe hain. {urgent}"),
        ("P1", "mere {relm} ko kuch log abhi rod se maar rahe hain {loc}, khoon beh raha hai. {urgent}"),
        ("P1", "{loc} bheed dukano pe hamla kar rahi hai, abhi pathraav ho raha hai. {urgent}"),
        ("P2", "padosi ne {time} mere {relm} par chaku se hamla kiya {loc}, hospital me bharti hai. aaropi khule "
               "ghoom rahe hain. {plz}"),
        ("P2", "zameen ke vivaad me {name} aur uske aadmiyon ne lathi dande se maara {loc}, {n} log ghayal hain. "
               "{plz}"),
        ("P3", "{name} jaan se maarne ki dhamki de raha hai {loc}, {ago} se phone aa rahe hain. {plz}"),
        ("P3", "{loc} dabang log dukandaro se hafta vasooli kar rahe hain, {amount} maang rahe hain. {plz}"),
        ("P1 night", "{clock} nashe me kuch log ghar me ghus aaye {loc}, papa ko maara. abhi bhi bahar khade hain. "
                     "{urgent}"),
    ),
    ("violence", "hi"): (
        ("P1", "{loc} अभी गोलीबारी हो रही है, {n} लोग हथियार लेकर घूम रहे हैं। {urgent}"),
        ("P1", "मेरे {relm} को कुछ लोग अभी लोहे की रॉड से पीट रहे हैं {loc}, खून बह रहा है। {urgent}"),
        ("P1", "{loc} भीड़ दुकानों पर हमला कर रही है, अभी पथराव हो रहा है। {urgent}"),
        ("P2", "पड़ोसी ने {time} मेरे {relm} पर चाकू से हमला किया {loc}, अस्पताल में भर्ती हैं। आरोपी खुलेआम घूम रहे "
               "हैं। {plz}"),
        ("P2", "ज़मीन के विवाद में {name} और उसके साथियों ने लाठी-डंडों से मारा {loc}, {n} लोग घायल हैं। {plz}"),
        ("P3", "{name} जान से मारने की धमकी दे रहा है {loc}, {ago} से फ़ोन आ रहे हैं। {plz}"),
        ("P3", "{loc} दबंग दुकानदारों से हफ्ता वसूली कर रहे हैं, {amount} माँग रहे हैं। {plz}"),
        ("P1 night", "{clock} नशे में कुछ लोग घर में घुस आए {loc}, पिताजी को पीटा। अभी भी बाहर खड़े हैं। {urgent}"),
    ),
    ("women_safety", "en"): (
        ("P1", "A man has been following me for the last {mins} minutes {loc}, I am scared. {urgent}"),
        ("P1", "My cab driver switched off the GPS and is not stopping the car, we are near {landmark} {loc}. "
               "{urgent}"),
        ("P1 night", "I am alone at home and some men are banging on my door at {clock} {loc}. {urgent}"),
        ("P2", "Boys stand outside the girls' college {loc} every day and pass lewd comments. It happened again "
               "{time}. {plz}"),
        ("P2", "My {relf} is being beaten by her in-laws for dowry {loc}. They threaten to throw her out. {plz}"),
        ("P3", "Someone keeps sending obscene messages and calls to my {relf} from unknown numbers for {ago}. "
               "{plz}"),
        ("P3", "A man {loc} is blackmailing a girl with morphed photos on Instagram. {plz}"),
    ),
    ("women_safety", "hinglish"): (
        ("P1", "ek aadmi {mins} minute se mera peecha kar raha hai {loc}, bahut darr lag raha hai. {urgent}"),
        ("P1", "cab wale ne GPS band kar diya aur gaadi nahi rok raha, {landmark} ke paas hain {loc}. {urgent}"),
        ("P1 night", "ghar me akeli hu aur {clock} kuch log darwaza peet rahe hain {loc}. {urgent}"),
        ("P2", "college ke bahar roz ladke chhed-chhaad karte hain {loc}, aaj {time} fir hua. {plz}"),
        ("P2", "meri {relf} ko dahej ke liye sasural wale maar rahe hain {loc}. {plz}"),
        ("P3", "ek unknown number se meri {relf} ko {ago} se gande msg aur call aa rahe hain. {plz}"),
        ("P3", "{loc} ek ladka ladki ki photo edit karke insta pe blackmail kar raha hai. {plz}"),
    ),
    ("women_safety", "hi"): (
        ("P1", "एक आदमी {mins} मिनट से मेरा पीछा कर रहा है {loc}, बहुत डर लग रहा है। {urgent}"),
        ("P1", "कैब ड्राइवर ने GPS बंद कर दिया है और गाड़ी नहीं रोक रहा, {landmark} के पास हैं {loc}। {urgent}"),
        ("P1 night", "मैं घर में अकेली हूँ और {clock} कुछ लोग दरवाज़ा पीट रहे हैं {loc}। {urgent}"),
        ("P2", "कॉलेज के बाहर रोज़ लड़के छेड़छाड़ करते हैं {loc}, आज {time} फिर हुआ। {plz}"),
        ("P2", "मेरी {relf} को दहेज के लिए ससुराल वाले मार रहे हैं {loc}। {plz}"),
        ("P3", "एक अनजान नंबर से मेरी {relf} को {ago} से अश्लील मैसेज और कॉल आ रहे हैं। {plz}"),
        ("P3", "{loc} एक लड़का लड़की की फोटो एडिट करके ब्लैकमेल कर रहा है। {plz}"),
    ),
    ("missing_person", "en"): (
        ("P1", "My {age} year old son was just pulled into a white van {loc}! {urgent}"),
        ("P2", "My {age} year old daughter went to school {time} and has not come back {loc}. Phone switched off. "
               "{plz}"),
        ("P2", "My {oldage} year old father, who has memory loss, is missing since morning {loc}. He was wearing a "
               "white kurta. {plz}"),
        ("P3", "My {relmd} {name} is missing for {ago}, last seen {loc}. The police are not registering a report. "
               "{plz}"),
        ("P2 night", "My {relf} went to coaching and has not returned, it is {clock} now {loc}. {urgent}"),
    ),
    ("missing_person", "hinglish"): (
        ("P1", "mere {age} saal ke bete ko abhi {loc} ek van me utha ke le gaye! {urgent}"),
        ("P2", "meri {age} saal ki beti {time} school gayi thi abhi tak wapas nahi aayi {loc}. {plz}"),
        ("P2", "mere {oldage} saal ke papa subah se laapata hain {loc}, unko bhoolne ki bimari hai. {plz}"),
        ("P3", "mera {relmd} {name} {ago} se laapata hai, last baar {loc} dikha tha. thane me report nahi likh "
               "rahe. {plz}"),
        ("P2 night", "meri {relf} coaching gayi thi, {clock} ho gaye abhi tak nahi lauti {loc}. {urgent}"),
    ),
    ("missing_person", "hi"): (
        ("P1", "मेरे {age} साल के बेटे को अभी {loc} एक वैन में उठा ले गए! {urgent}"),
        ("P2", "मेरी {age} साल की बेटी {time} स्कूल गई थी, अभी तक वापस नहीं आई {loc}। {plz}"),
        ("P2", "मेरे {oldage} वर्षीय पिताजी सुबह से लापता हैं {loc}, उन्हें भूलने की बीमारी है। {plz}"),
        ("P3", "मेरा {relmd} {name} {ago} से लापता है, आखिरी बार {loc} देखा गया था। थाने में रिपोर्ट नहीं लिखी जा "
               "रही। {plz}"),
        ("P2 night", "मेरी {relf} कोचिंग गई थी, {clock} हो गए अभी तक नहीं लौटी {loc}। {urgent}"),
    ),
    ("theft_fraud", "en"): (
        ("P3", "My {vehicle} ({reg}) was stolen from outside my house {loc} last night. {plz}"),
        ("P2", "Chain snatching just now {loc}, two men on a bike snatched my mother's gold chain and fled. "
               "{urgent}"),
        ("P3", "Thieves broke into our locked house {loc} while we were away, cash and jewellery worth {amount} "
               "gone. {plz}"),
        ("P4", "I was cheated of {amount} through a fake {app} payment link. Complained on the cybercrime portal "
               "{ago} ago, no update. {plz}"),
        ("P3", "Got a call pretending to be from {bank}, they took the OTP and {amount} was debited. {plz}"),
        ("P3", "My mobile was snatched near {landmark} {loc} {time}. {plz}"),
        ("P4", "A fake job agency {loc} took {amount} from {n} boys promising jobs abroad. {plz}"),
    ),
    ("theft_fraud", "hinglish"): (
        ("P3", "kal raat ghar ke bahar se meri {vehicle} ({reg}) chori ho gayi {loc}. {plz}"),
        ("P2", "abhi {loc} bike sawar do ladke mummy ki chain chheen ke bhaag gaye. {urgent}"),
        ("P3", "ghar me chori ho gayi {loc}, taala tod ke {amount} ka saaman le gaye. {plz}"),
        ("P4", "{app} pe fake link bhej ke mere {amount} nikal liye, cyber cell me {ago} pehle complaint ki thi, "
               "koi update nahi. {plz}"),
        ("P3", "{bank} se bata ke call aaya, OTP le liya aur account se {amount} kat gaye. {plz}"),
        ("P3", "{landmark} ke paas {loc} {time} mera mobile chheen liya. {plz}"),
        ("P4", "{loc} ek fake job agency ne {n} ladko se {amount} le liye videsh me naukri ke naam pe. {plz}"),
    ),
    ("theft_fraud", "hi"): (
        ("P3", "कल रात घर के बाहर से मेरी {vehicle} ({reg}) चोरी हो गई {loc}। {plz}"),
        ("P2", "अभी {loc} बाइक सवार दो बदमाश मम्मी की चेन छीनकर भाग गए। {urgent}"),
        ("P3", "घर में चोरी हो गई {loc}, ताला तोड़कर {amount} का सामान ले गए। {plz}"),
        ("P4", "{app} पर फर्जी लिंक भेजकर मेरे {amount} निकाल लिए, {ago} पहले साइबर सेल में शिकायत की थी, कोई जवाब "
               "नहीं। {plz}"),
        ("P3", "{bank} के नाम से कॉल आया, OTP लेकर खाते से {amount} निकाल लिए। {plz}"),
        ("P3", "{landmark} के पास {loc} {time} मेरा मोबाइल छीन लिया गया। {plz}"),
        ("P4", "{loc} एक फर्जी जॉब एजेंसी ने विदेश में नौकरी के नाम पर {n} लड़कों से {amount} ठग लिए। {plz}"),
    ),
    ("traffic", "en"): (
        ("P3", "Huge traffic jam {loc} for the last {hours} hours, no traffic police anywhere. {plz}"),
        ("P2", "Accident {loc} just now, a truck hit a biker and he is lying on the road. Send an ambulance. "
               "{urgent}"),
        ("P3", "Trucks parked on the road near {landmark} {loc} block the traffic every evening. {plz}"),
        ("P4", "The traffic signal near {landmark} {loc} has not worked for {ago}. {plz}"),
        ("P4", "E-rickshaws and wrong-side driving near {landmark} {loc} make it impossible to walk. {plz}"),
        ("P3", "Boys do bike stunts on the main road {loc} every evening, someone will die. {plz}"),
    ),
    ("traffic", "hinglish"): (
        ("P3", "{loc} {hours} ghante se bhayankar jaam laga hai, koi traffic police nahi hai. {plz}"),
        ("P2", "{loc} abhi accident hua hai, truck ne bike wale ko thok diya, sadak pe pada hai. ambulance bhejo. "
               "{urgent}"),
        ("P3", "{landmark} ke paas {loc} roz shaam ko truck sadak pe khade rehte hain, jaam lagta hai. {plz}"),
        ("P4", "{landmark} ke paas {loc} signal {ago} se kharab hai. {plz}"),
        ("P4", "{landmark} ke paas {loc} e-rickshaw aur ulti disha me chalne walo se paidal chalna mushkil hai. "
               "{plz}"),
        ("P3", "{loc} roz shaam ko ladke main road pe bike stunt karte hain, koi mar jayega. {plz}"),
    ),
    ("traffic", "hi"): (
        ("P3", "{loc} {hours} घंटे से भीषण जाम लगा है, कोई ट्रैफिक पुलिस नहीं है। {plz}"),
        ("P2", "{loc} अभी एक्सीडेंट हुआ है, ट्रक ने बाइक सवार को टक्कर मार दी, सड़क पर पड़ा है। एम्बुलेंस भेजें। "
               "{urgent}"),
        ("P3", "{landmark} के पास {loc} रोज़ शाम को ट्रक सड़क पर खड़े रहते हैं, जाम लगता है। {plz}"),
        ("P4", "{landmark} के पास {loc} ट्रैफिक सिग्नल {ago} से खराब है। {plz}"),
        ("P4", "{landmark} के पास {loc} ई-रिक्शा और गलत दिशा में चलने वालों से पैदल चलना मुश्किल है। {plz}"),
        ("P3", "{loc} रोज़ शाम को लड़के मुख्य सड़क पर बाइक से स्टंट करते हैं, कोई हादसा हो जाएगा। {plz}"),
    ),
    ("police_misconduct", "en"): (
        ("P3", "The SHO {loc} is refusing to register my FIR and pressuring me to compromise. {plz}"),
        ("P3", "A constable asked for a {amount} bribe to release my {vehicle} {loc}. {plz}"),
        ("P3", "Called 112 {hours} hours ago about a fight {loc}, nobody came. What is the use? {plz}"),
        ("P3", "Policemen at the checking point {loc} misbehaved with my {relf} and abused us. {plz}"),
        ("P4", "Gave an application at the thana {loc} {ago} ago, still no action and the IO does not pick up "
               "the phone. {plz}"),
    ),
    ("police_misconduct", "hinglish"): (
        ("P3", "{loc} thane ke SHO FIR nahi likh rahe, compromise karne ko bol rahe hain. {plz}"),
        ("P3", "sipahi ne meri {vehicle} chhodne ke liye {amount} rishwat maangi {loc}. {plz}"),
        ("P3", "{hours} ghante pehle 112 pe call kiya tha {loc} ladai ke baare me, koi nahi aaya. {plz}"),
        ("P3", "{loc} checking pe police walo ne meri {relf} ke saath badtameezi ki aur gaali di. {plz}"),
        ("P4", "{ago} pehle thane me application di thi {loc}, ab tak koi karwai nahi, IO phone nahi uthate. "
               "{plz}"),
    ),
    ("police_misconduct", "hi"): (
        ("P3", "{loc} थाना प्रभारी FIR दर्ज नहीं कर रहे, समझौते का दबाव बना रहे हैं। {plz}"),
        ("P3", "सिपाही ने मेरी {vehicle} छोड़ने के लिए {amount} रिश्वत माँगी {loc}। {plz}"),
        ("P3", "{hours} घंटे पहले 112 पर कॉल किया था {loc}, कोई नहीं आया। {plz}"),
        ("P3", "{loc} चेकिंग के दौरान पुलिसकर्मियों ने मेरी {relf} के साथ अभद्रता की। {plz}"),
        ("P4", "{ago} पहले थाने में प्रार्थना पत्र दिया था {loc}, अब तक कोई कार्रवाई नहीं। {plz}"),
    ),
    ("nuisance", "en"): (
        ("P3 night", "A DJ is blaring at {clock} {loc}, old people and kids cannot sleep. {plz}"),
        ("P4", "Illegal liquor is sold openly near {landmark} {loc}, drunk men create trouble daily. {plz}"),
        ("P4", "A gambling den runs behind {landmark} {loc} every evening. {plz}"),
        ("P3 night", "Drunk boys shouting and bursting crackers in our lane at {clock} {loc}. {plz}"),
        ("P4", "Modified silencers on bullets make a deafening noise {loc} every night. {plz}"),
        ("P4", "An illegal hookah bar is running {loc} with minors inside. {plz}"),
    ),
    ("nuisance", "hinglish"): (
        ("P3 night", "{clock} bhi {loc} tez DJ baj raha hai, bachche aur buzurg so nahi pa rahe. {plz}"),
        ("P4", "{landmark} ke paas {loc} khuleaam avaidh sharab bik rahi hai, roz sharabi hungama karte hain. {plz}"),
        ("P4", "{landmark} ke peeche {loc} roz shaam ko juaa chalta hai. {plz}"),
        ("P3 night", "gali me sharabi ladke {clock} shor macha rahe hain aur patake phod rahe hain {loc}. {plz}"),
        ("P4", "{loc} bullet ke modified silencer se raat bhar dhamake jaisi awaaz aati hai. {plz}"),
        ("P4", "{loc} avaidh hookah bar chal raha hai, andar naabalig bachche bhi hain. {plz}"),
    ),
    ("nuisance", "hi"): (
        ("P3 night", "{clock} भी {loc} तेज़ आवाज़ में डीजे बज रहा है, बच्चे और बुज़ुर्ग सो नहीं पा रहे। {plz}"),
        ("P4", "{landmark} के पास {loc} खुलेआम अवैध शराब बिक रही है, रोज़ शराबी हंगामा करते हैं। {plz}"),
        ("P4", "{landmark} के पीछे {loc} रोज़ शाम को जुआ खेला जाता है। {plz}"),
        ("P3 night", "गली में शराबी लड़के {clock} शोर मचा रहे हैं और पटाखे फोड़ रहे हैं {loc}। {plz}"),
        ("P4", "{loc} बुलेट के मॉडिफाइड साइलेंसर से रात भर पटाखे जैसी आवाज़ आती है। {plz}"),
        ("P4", "{loc} अवैध हुक्का बार चल रहा है, अंदर नाबालिग भी हैं। {plz}"),
    ),
    ("other_complaint", "en"): (
        ("P4", "My passport verification has been pending at the thana {loc} for {ago}. {plz}"),
        ("P4", "I need a copy of my FIR, it is not available online. Applied {ago} ago. {plz}"),
        ("P4", "The land mafia has encroached on our plot {loc}, the case is pending for {ago}. {plz}"),
        ("P4", "My character certificate application is stuck for {ago}, I need it for a job. {plz}"),
        ("P4", "The tenant verification form on the UPCOP app is not getting submitted. {plz}"),
        ("P4", "Someone has made a fake Facebook profile with my photos. {plz}"),
    ),
    ("other_complaint", "hinglish"): (
        ("P4", "passport verification {ago} se thane me pending hai {loc}. {plz}"),
        ("P4", "meri FIR ki copy online nahi mil rahi, {ago} pehle apply kiya tha. {plz}"),
        ("P4", "{loc} bhu-mafia ne hamare plot pe kabza kar liya hai, {ago} se case pending hai. {plz}"),
        ("P4", "character certificate ki application {ago} se atki hai, naukri ke liye chahiye. {plz}"),
        ("P4", "UPCOP app pe kirayedar verification ka form submit nahi ho raha. {plz}"),
        ("P4", "kisi ne meri photo laga ke fake fb id bana li hai. {plz}"),
    ),
    ("other_complaint", "hi"): (
        ("P4", "पासपोर्ट सत्यापन {ago} से थाने में लंबित है {loc}। {plz}"),
        ("P4", "मेरी FIR की कॉपी ऑनलाइन नहीं मिल रही, {ago} पहले आवेदन किया था। {plz}"),
        ("P4", "{loc} भू-माफिया ने हमारे प्लॉट पर कब्ज़ा कर लिया है, {ago} से मामला लंबित है। {plz}"),
        ("P4", "चरित्र प्रमाण पत्र का आवेदन {ago} से अटका है, नौकरी के लिए ज़रूरी है। {plz}"),
        ("P4", "UPCOP ऐप पर किरायेदार सत्यापन का फॉर्म सबमिट नहीं हो रहा। {plz}"),
        ("P4", "किसी ने मेरी फोटो लगाकर फर्जी फेसबुक आईडी बना ली है। {plz}"),
    ),
    ("not_complaint", "en"): (
        ("P4", "Thank you for the quick action, got my stolen {vehicle} back within a day. Proud of UP Police!"),
        ("P4", "Great work by the police team {loc} in cracking the robbery case. Salute!"),
        ("P4", "Happy Diwali to all the brave officers of UP Police. Stay safe!"),
        ("P4", "UP Police arrests {n} members of an interstate gang {loc}, says an official statement."),
        ("P4", "Congratulations to the new constables passing out today {loc}. Jai Hind"),
        ("P4", "Earn {amount} per day from home!! DM for details, limited slots 🔥🔥"),
        ("P4", "Good morning sir, Jai Hind 🇮🇳"),
        ("P4", "Road safety week: wear a helmet, it saves lives. Good initiative by the traffic police {loc}."),
    ),
    ("not_complaint", "hinglish"): (
        ("P4", "shukriya UP Police, ek din me meri chori hui {vehicle} mil gayi 🙏"),
        ("P4", "{loc} police team ne bahut accha kaam kiya, salute hai 🙏"),
        ("P4", "Happy Diwali UP Police ke sabhi jawano ko, Jai Hind 🇮🇳"),
        ("P4", "ghar baithe roz {amount} kamao!! DM karo jaldi, limited seats 🔥"),
        ("P4", "jai hind sir, aapki wajah se hum surakshit hain"),
        ("P4", "{loc} police ne {n} shatir choro ko giraftar kiya, badhai ho"),
    ),
    ("not_complaint", "hi"): (
        ("P4", "धन्यवाद उत्तर प्रदेश पुलिस, एक दिन में मेरी चोरी हुई {vehicle} बरामद कर ली 🙏"),
        ("P4", "{loc} पुलिस टीम ने सराहनीय कार्य किया, सैल्यूट 🙏"),
        ("P4", "उत्तर प्रदेश पुलिस के सभी जवानों को दीपावली की हार्दिक शुभकामनाएँ, जय हिन्द 🇮🇳"),
        ("P4", "{loc} पुलिस ने {n} शातिर चोरों को गिरफ्तार किया, बधाई।"),
        ("P4", "सुप्रभात, जय हिन्द 🙏"),
        ("P4", "घर बैठे रोज़ {amount} कमाएँ!! तुरंत DM करें 🔥"),
    ),
    ("exam_leak", "en"): (
        ("P2", "The {exam} paper was leaked on Telegram a day before the exam! Answer key viral {loc}. {plz}"),
        ("P2", "A solver gang is active {loc}, selling the {exam} exam paper for {amount}. {plz}"),
        ("P2", "The {exam} question paper is circulating on WhatsApp right now, the same questions came in the "
               "exam."),
        ("P3", "Lakhs of students worked hard for the {exam} exam. Arrest the culprits of the leak and hold a "
               "re-exam."),
        ("P2", "Dummy candidates caught writing the {exam} exam at a centre {loc}, the centre staff is involved. "
               "{plz}"),
    ),
    ("exam_leak", "hinglish"): (
        ("P2", "{exam} ka paper exam se ek din pehle telegram pe leak ho gaya! {loc} answer key viral hai. {plz}"),
        ("P2", "{loc} solver gang active hai, {exam} ka paper {amount} me bech rahe hain. {plz}"),
        ("P2", "{exam} ka paper abhi whatsapp pe ghoom raha hai, same questions aaye hain exam me."),
        ("P3", "lakho students ki mehnat barbaad, {exam} paper leak ke doshiyon ko giraftar karo aur re-exam "
               "karao."),
        ("P2", "{loc} center pe dummy candidate {exam} ka paper de rahe the, center wale mile hue hain. {plz}"),
    ),
    ("exam_leak", "hi"): (
        ("P2", "{exam} का पेपर परीक्षा से एक दिन पहले टेलीग्राम पर लीक हो गया! {loc} आंसर की वायरल है। {plz}"),
        ("P2", "{loc} सॉल्वर गैंग सक्रिय है, {exam} का पेपर {amount} में बेचा जा रहा है। {plz}"),
        ("P2", "{exam} का पेपर अभी व्हाट्सएप पर घूम रहा है, परीक्षा में वही प्रश्न आए हैं। #पेपर_लीक"),
        ("P3", "लाखों छात्रों की मेहनत बर्बाद, {exam} पेपर लीक के दोषियों को गिरफ्तार करो और दोबारा परीक्षा कराओ।"),
        ("P2", "{loc} केंद्र पर डमी कैंडिडेट {exam} की परीक्षा दे रहे थे, केंद्र वाले मिले हुए हैं। {plz}"),
    ),
}

# Paraphrases for every clause of the triage specification, in the three languages, with hard negatives (news
# about a leak or an arrest, thanks after a recovery, questions, advisories): a model trained on this traffic
# should learn the specification, not a handful of sentences. Urgencies are the specification's base levels.
_MORE_TEMPLATES: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("violence", "en"): (
        ("P1", "{n} men with sticks and a country-made pistol are attacking my {relm} outside our house {loc} "
               "right now. {urgent}"),
        ("P1", "My {relm} says he will kill himself, he has locked the room and has a rope. {urgent}"),
        ("P1", "Someone is threatening to jump from the water tank {loc}, a crowd has gathered. {urgent}"),
        ("P1", "Gunshots heard {loc} a few minutes ago, one man is lying in a pool of blood. {urgent}"),
        ("P2", "My {relm} was kidnapped {time} {loc} and the kidnappers are calling for a ransom of {amount}. "
               "{plz}"),
        ("P2", "Local goons beat up my {relm} {time} {loc} over a parking issue, his head is injured. {plz}"),
        ("P2", "I am getting extortion calls: pay {amount} or they will shoot my family. {plz}"),
        ("P3", "My neighbour keeps threatening my family with dire consequences over a drain dispute {loc}. "
               "{plz}"),
    ),
    ("violence", "hinglish"): (
        ("P1", "{loc} abhi {n} log lathi danda aur katta leke mere {relm} ko maar rahe hai, bachao {urgent}"),
        ("P1", "mera {relmd} bol raha hai fansi laga lega, kamra band kar liya hai {loc}. {urgent}"),
        ("P1", "{loc} ek ladka pul se koodne ki dhamki de raha hai, bheed jama hai. {urgent}"),
        ("P1", "{loc} abhi abhi goli chali hai, ek aadmi khoon me lathpath pada hai. {urgent}"),
        ("P2", "mere {relm} ko {time} {loc} se agwa kar liya, {amount} firauti maang rahe hai. {plz}"),
        ("P2", "{loc} {time} dabango ne mere {relm} ka sar phod diya, FIR karni hai. {plz}"),
        ("P2", "rangdari ke liye call aa rahe hai, {amount} do warna goli maar denge bol rahe. {plz}"),
        ("P3", "padosi nali ke vivad me roz jaan se maarne ki dhamki deta hai {loc}. {plz}"),
    ),
    ("violence", "hi"): (
        ("P1", "{loc} अभी {n} लोग लाठी-डंडे और तमंचा लेकर मेरे {relm} पर हमला कर रहे हैं। {urgent}"),
        ("P1", "मेरा {relmd} कह रहा है कि वह फांसी लगा लेगा, उसने कमरा बंद कर लिया है {loc}। {urgent}"),
        ("P1", "{loc} एक युवक छत से कूदने की धमकी दे रहा है, भीड़ जमा है। {urgent}"),
        ("P1", "{loc} अभी-अभी गोली चली है, एक व्यक्ति खून से लथपथ पड़ा है। {urgent}"),
        ("P2", "मेरे {relm} का {time} {loc} से अपहरण कर लिया गया, {amount} फिरौती मांग रहे हैं। {plz}"),
        ("P2", "{loc} {time} दबंगों ने मेरे {relm} का सिर फोड़ दिया, मुकदमा दर्ज कराना है। {plz}"),
        ("P2", "रंगदारी के लिए फोन आ रहे हैं, {amount} दो वरना जान से मार देंगे। {plz}"),
        ("P3", "पड़ोसी नाली के विवाद में रोज़ जान से मारने की धमकी देता है {loc}। {plz}"),
    ),
    ("women_safety", "en"): (
        ("P1", "Two boys on a bike are following my {relf} right now {loc} and trying to grab her dupatta. "
               "{urgent}"),
        ("P1", "A girl is being dragged into a car {loc} by {n} men right now, she is screaming. {urgent}"),
        ("P2", "My {relf}'s husband and in-laws beat her {time} for more dowry {loc}. {plz}"),
        ("P2", "A man keeps calling my {relf} and sending obscene photos and videos from different numbers. "
               "{plz}"),
        ("P2", "Someone morphed my photos and is threatening to make them viral unless I talk to him. {plz}"),
        ("P2", "A neighbour {loc} molested my {relf} {time} when she was alone at home. {plz}"),
        ("P2", "Boys stand at the bus stop {loc} and whistle and pass comments at school girls every day. {plz}"),
        ("P2", "My {age} year old {relf} was lured away by a man from our village {time} {loc}. {plz}"),
    ),
    ("women_safety", "hinglish"): (
        ("P1", "abhi {loc} do ladke bike pe meri {relf} ka peecha kar rahe hai, dupatta kheench rahe. {urgent}"),
        ("P1", "{loc} ek ladki ko {n} ladke zabardasti gaadi me daal rahe hai abhi, wo chilla rahi hai. {urgent}"),
        ("P2", "meri {relf} ko sasural wale dahej ke liye maarte hai, pati ne {time} bhi peeta {loc}. {plz}"),
        ("P2", "ek aadmi meri {relf} ko alag alag number se gande video aur photo bhej raha hai. {plz}"),
        ("P2", "kisi ne meri photo edit karke ashleel bana di aur viral karne ki dhamki de raha hai. {plz}"),
        ("P2", "{loc} padosi ne {time} meri {relf} ke saath chhedkhani ki jab wo ghar pe akeli thi. {plz}"),
        ("P2", "{loc} bus stand pe ladke roz school ki ladkiyon pe fabtiyan kaste hai aur seeti bajate hai. {plz}"),
        ("P2", "gaon ka ek ladka meri {age} saal ki {relf} ko behla phusla ke bhaga le gaya {time}. {plz}"),
    ),
    ("women_safety", "hi"): (
        ("P1", "अभी {loc} बाइक सवार दो लड़के मेरी {relf} का पीछा कर रहे हैं, दुपट्टा खींच रहे हैं। {urgent}"),
        ("P1", "{loc} एक लड़की को {n} लोग जबरदस्ती गाड़ी में डाल रहे हैं, वह चिल्ला रही है। {urgent}"),
        ("P2", "मेरी {relf} को ससुराल वाले दहेज के लिए प्रताड़ित करते हैं, पति ने {time} मारपीट की {loc}। {plz}"),
        ("P2", "एक व्यक्ति मेरी {relf} को अलग-अलग नंबरों से अश्लील वीडियो और फोटो भेज रहा है। {plz}"),
        ("P2", "किसी ने मेरी फोटो एडिट करके अश्लील बना दी है और वायरल करने की धमकी दे रहा है। {plz}"),
        ("P2", "{loc} पड़ोसी ने {time} मेरी {relf} से छेड़छाड़ की जब वह घर पर अकेली थी। {plz}"),
        ("P2", "{loc} बस स्टैंड पर शोहदे रोज़ छात्राओं पर फब्तियां कसते हैं। {plz}"),
        ("P2", "गांव का एक युवक मेरी {age} साल की {relf} को बहला-फुसलाकर भगा ले गया {time}। {plz}"),
    ),
    ("exam_leak", "en"): (
        ("P2", "A gang {loc} is promising a selection in the {exam} exam for {amount}, they showed fake "
               "appointment letters. {plz}"),
        ("P2", "Mass cheating going on at an exam centre {loc}, answers are being dictated on Bluetooth "
               "devices. {plz}"),
        ("P2", "Someone else wrote the {exam} exam in place of a candidate {loc}, the photo on the admit card is "
               "different. {plz}"),
        ("P2", "The {exam} answer key was being sold on Telegram the night before the exam. {plz}"),
    ),
    ("exam_leak", "hinglish"): (
        ("P2", "{loc} ek giroh {exam} me selection ke naam pe {amount} le raha hai, farzi niyukti patra de "
               "rahe hai. {plz}"),
        ("P2", "{loc} pariksha kendra pe samuhik nakal chal rahi hai, bluetooth se answer bataye ja rahe. {plz}"),
        ("P2", "{loc} {exam} me kisi aur ki jagah solver baitha tha, admit card ki photo alag thi. {plz}"),
        ("P2", "{exam} ki answer key exam se pehle telegram pe bik rahi thi. {plz}"),
    ),
    ("exam_leak", "hi"): (
        ("P2", "{loc} एक गिरोह {exam} में चयन के नाम पर {amount} ले रहा है, फर्जी नियुक्ति पत्र दे रहे हैं। {plz}"),
        ("P2", "{loc} परीक्षा केंद्र पर सामूहिक नकल कराई जा रही है, ब्लूटूथ से उत्तर बताए जा रहे हैं। {plz}"),
        ("P2", "{loc} {exam} में अभ्यर्थी की जगह सॉल्वर बैठा था, प्रवेश पत्र की फोटो अलग थी। {plz}"),
        ("P2", "{exam} की उत्तर कुंजी परीक्षा से पहले टेलीग्राम पर बेची जा रही थी। {plz}"),
    ),
    ("missing_person", "en"): (
        ("P1", "My {age} year old son got separated from us in the crowd {loc} just now, please announce. "
               "{urgent}"),
        ("P2", "We found a little boy crying alone near {landmark} {loc}, he only knows his first name. He is "
               "with us. {plz}"),
        ("P2", "My parents went on a pilgrimage and are stranded, their phones are unreachable since {time}. "
               "{plz}"),
        ("P2", "My {oldage} year old grandmother left home {time} without telling anyone {loc} and has not "
               "returned. {plz}"),
        ("P3", "My {relmd} has been missing for {ago}, the missing report was filed, no trace yet. {plz}"),
    ),
    ("missing_person", "hinglish"): (
        ("P1", "mera {age} saal ka beta abhi {loc} bheed me bichhad gaya, announcement karwa do. {urgent}"),
        ("P2", "{landmark} ke paas {loc} ek chhota bachcha akela ro raha tha, hamare paas hai, sirf apna naam "
               "bata raha. {plz}"),
        ("P2", "mummy papa yatra pe gaye the, {time} se dono ka phone switch off aa raha hai. {plz}"),
        ("P2", "meri {oldage} saal ki dadi {time} bina bataye ghar se nikli thi {loc}, abhi tak nahi lauti. "
               "{plz}"),
        ("P3", "mera {relmd} {ago} se gumshuda hai, gumshudgi darj hai par koi pata nahi chala. {plz}"),
    ),
    ("missing_person", "hi"): (
        ("P1", "मेरा {age} साल का बेटा अभी {loc} भीड़ में बिछड़ गया है, अनाउंसमेंट करवा दीजिए। {urgent}"),
        ("P2", "{landmark} के पास {loc} एक छोटा बच्चा अकेला रो रहा था, हमारे पास है, केवल अपना नाम बता पा रहा है। "
               "{plz}"),
        ("P2", "माता-पिता तीर्थ यात्रा पर गए थे, {time} से दोनों का फोन बंद आ रहा है, कोई संपर्क नहीं। {plz}"),
        ("P2", "मेरी {oldage} वर्षीय दादी {time} बिना बताए घर से निकली थीं {loc}, अभी तक नहीं लौटीं। {plz}"),
        ("P3", "मेरा {relmd} {ago} से गुमशुदा है, गुमशुदगी दर्ज है पर कोई सुराग नहीं मिला। {plz}"),
    ),
    ("theft_fraud", "en"): (
        ("P1", "Two men with a pistol are looting the jewellery shop near {landmark} {loc} right now. {urgent}"),
        ("P2", "My buffaloes were stolen from the cattle shed {loc} {time}. {plz}"),
        ("P2", "A loan app is harassing me and sending morphed photos to my contacts though I never took the "
               "loan. {plz}"),
        ("P2", "Someone hacked my {relm}'s WhatsApp and is asking all his contacts for money on UPI. {plz}"),
        ("P2", "I got a video call from a fake CBI officer who kept me under digital arrest and took {amount}. "
               "{plz}"),
        ("P2", "Two men changed my ATM card at the ATM near {landmark} {loc} and withdrew {amount}. {plz}"),
    ),
    ("theft_fraud", "hinglish"): (
        ("P1", "{landmark} ke paas {loc} abhi do log tamanche ke bal pe sunar ki dukan loot rahe hai. {urgent}"),
        ("P2", "{loc} {time} ghar ke bahar se hamari bhains chori ho gayi. {plz}"),
        ("P2", "loan app wale mujhe pareshan kar rahe hai, mere contacts ko morph photo bhej rahe, maine loan "
               "liya bhi nahi. {plz}"),
        ("P2", "mere {relm} ka whatsapp hack karke sabse UPI pe paise maang rahe hai. {plz}"),
        ("P2", "nakli CBI officer ne video call pe digital arrest bol ke {amount} transfer karwa liye. {plz}"),
        ("P2", "{landmark} ke paas ATM pe do logo ne mera card badal diya aur {amount} nikal liye {loc}. {plz}"),
    ),
    ("theft_fraud", "hi"): (
        ("P1", "{landmark} के पास {loc} अभी दो बदमाश तमंचे के बल पर सर्राफा दुकान लूट रहे हैं। {urgent}"),
        ("P2", "{loc} {time} घर के बाहर से हमारी भैंस चोरी हो गई। {plz}"),
        ("P2", "लोन ऐप वाले परेशान कर रहे हैं, मेरे कॉन्टैक्ट्स को फर्जी फोटो भेज रहे हैं, मैंने लोन लिया ही नहीं। {plz}"),
        ("P2", "मेरे {relm} का व्हाट्सएप हैक करके सबसे यूपीआई पर पैसे मांगे जा रहे हैं। {plz}"),
        ("P2", "फर्जी सीबीआई अधिकारी ने वीडियो कॉल पर डिजिटल अरेस्ट बताकर {amount} ट्रांसफर करा लिए। {plz}"),
        ("P2", "{landmark} के पास एटीएम पर दो लोगों ने मेरा कार्ड बदलकर {amount} निकाल लिए {loc}। {plz}"),
    ),
    ("traffic", "en"): (
        ("P1", "A car has overturned {loc}, people are trapped inside and one is bleeding. {urgent}"),
        ("P1", "The bus driver is drunk and driving on the wrong side with passengers near {landmark} {loc}. "
               "{urgent}"),
        ("P2", "A car hit my {relm} {time} {loc} and the driver fled, he is in hospital with a fracture. {plz}"),
        ("P3", "A baraat has blocked the main road {loc} for {hours} hours, ambulances cannot pass. {plz}"),
        ("P3", "Minor collision between two cars {loc}, nobody hurt, but the road is blocked. {plz}"),
    ),
    ("traffic", "hinglish"): (
        ("P1", "{loc} gaadi palat gayi hai, andar log fanse hai, ek ka khoon beh raha. {urgent}"),
        ("P1", "{landmark} ke paas {loc} bus ka driver nashe me hai, ulti disha me chala raha sawariyon ke saath. "
               "{urgent}"),
        ("P2", "{time} {loc} ek car ne mere {relm} ko thok diya aur bhaag gayi, haddi toot gayi hai. {plz}"),
        ("P3", "{loc} baraat ne {hours} ghante se main road rok rakhi hai, ambulance bhi nahi nikal pa rahi. "
               "{plz}"),
        ("P3", "{loc} do gaadiyon ki halki takkar hui, koi ghayal nahi, par rasta band hai. {plz}"),
    ),
    ("traffic", "hi"): (
        ("P1", "{loc} कार पलट गई है, अंदर लोग फंसे हैं, एक का खून बह रहा है। {urgent}"),
        ("P1", "{landmark} के पास {loc} बस का ड्राइवर नशे में है, सवारियों के साथ गलत दिशा में चला रहा है। "
               "{urgent}"),
        ("P2", "{time} {loc} एक कार ने मेरे {relm} को टक्कर मार दी और भाग गई, हड्डी टूट गई है। {plz}"),
        ("P3", "{loc} बारात ने {hours} घंटे से मुख्य सड़क रोक रखी है, एंबुलेंस भी नहीं निकल पा रही। {plz}"),
        ("P3", "{loc} दो गाड़ियों की मामूली टक्कर हुई, कोई घायल नहीं, पर रास्ता बंद है। {plz}"),
    ),
    ("police_misconduct", "en"): (
        ("P3", "My phone was stolen {loc} and the thana told me to write it as lost, they will not register "
               "theft. {plz}"),
        ("P3", "Traffic cops {loc} take {amount} from every truck without a receipt. {plz}"),
        ("P3", "The police picked up my {relm} {time} {loc} and are holding him without any FIR. {plz}"),
        ("P3", "A sub-inspector slapped my {relm} at the police station {loc} when we went to complain. {plz}"),
        ("P3", "My IGRS complaint was closed as resolved without anyone even calling me. {plz}"),
        ("P3", "There was a fight {loc} {time}, we called 112 and the PRV reached after {hours} hours. {plz}"),
    ),
    ("police_misconduct", "hinglish"): (
        ("P3", "{loc} mera phone chori hua, thane wale bol rahe gum hone ki report likhwao, chori ki nahi "
               "likhenge. {plz}"),
        ("P3", "{loc} traffic police wale har truck se {amount} vasoolte hai bina rasid ke. {plz}"),
        ("P3", "police {time} mere {relm} ko utha ke le gayi {loc}, bina FIR ke thane me band rakha hai. {plz}"),
        ("P3", "{loc} thane me shikayat karne gaye to daroga ne mere {relm} ko thappad maar diya. {plz}"),
        ("P3", "IGRS pe shikayat ki thi, bina kisi jaanch ke farzi nistaran kar diya. {plz}"),
        ("P3", "{loc} {time} jhagda hua tha, 112 pe call kiya, PRV {hours} ghante baad aayi. {plz}"),
    ),
    ("police_misconduct", "hi"): (
        ("P3", "{loc} मेरा फोन चोरी हुआ, थाने वाले कह रहे गुमशुदगी लिखवाओ, चोरी की रिपोर्ट नहीं लिखेंगे। {plz}"),
        ("P3", "{loc} ट्रैफिक पुलिसकर्मी हर ट्रक से बिना रसीद {amount} वसूलते हैं। {plz}"),
        ("P3", "पुलिस {time} मेरे {relm} को उठा ले गई {loc}, बिना मुकदमे के थाने में बंद रखा है। {plz}"),
        ("P3", "{loc} थाने में शिकायत करने गए तो दरोगा ने मेरे {relm} को थप्पड़ मार दिया। {plz}"),
        ("P3", "आईजीआरएस पर शिकायत की थी, बिना जांच के फर्जी निस्तारण कर दिया गया। {plz}"),
        ("P3", "{loc} {time} झगड़ा हुआ था, 112 पर कॉल किया, पीआरवी {hours} घंटे बाद पहुंची। {plz}"),
    ),
    ("nuisance", "en"): (
        ("P3", "Smack and ganja are sold openly near {landmark} {loc}, addicts sit there all day. {plz}"),
        ("P3", "Shopkeepers have encroached the whole footpath {loc}, pedestrians walk on the road. {plz}"),
        ("P3", "A temple loudspeaker plays at full volume from 5 am {loc}, students cannot study. {plz}"),
        ("P3", "Men drink openly in the park {loc} every evening and families have stopped going. {plz}"),
    ),
    ("nuisance", "hinglish"): (
        ("P3", "{landmark} ke paas {loc} khuleaam smack aur ganja bikta hai, nashedi din bhar baithe rehte hai. "
               "{plz}"),
        ("P3", "{loc} dukandaro ne poore footpath pe kabza kar liya, log sadak pe chalte hai. {plz}"),
        ("P3", "{loc} subah 5 baje se full volume me bhonpu bajta hai, bachche padh nahi pa rahe. {plz}"),
        ("P3", "{loc} park me roz shaam log khule me sharab peete hai, parivar wale jana band kar diye. {plz}"),
    ),
    ("nuisance", "hi"): (
        ("P3", "{landmark} के पास {loc} खुलेआम स्मैक और गांजा बिकता है, नशेड़ी दिन भर बैठे रहते हैं। {plz}"),
        ("P3", "{loc} दुकानदारों ने पूरे फुटपाथ पर अतिक्रमण कर लिया है, लोग सड़क पर चलते हैं। {plz}"),
        ("P3", "{loc} सुबह 5 बजे से फुल आवाज़ में लाउडस्पीकर बजता है, बच्चे पढ़ नहीं पा रहे। {plz}"),
        ("P3", "{loc} पार्क में रोज़ शाम लोग खुले में शराब पीते हैं, परिवार वालों ने जाना बंद कर दिया। {plz}"),
    ),
    ("other_complaint", "en"): (
        ("P3", "I lost my {vehicle} papers and Aadhaar card somewhere near {landmark} {loc}, I need a lost "
               "report. {plz}"),
        ("P3", "What is the status of my FIR about the fight {loc}? The IO has not updated anything. {plz}"),
        ("P3", "My uncle has occupied our ancestral land {loc} and is not giving my share. {plz}"),
        ("P3", "I want to share information about a man who sells stolen bikes {loc}, keep my name secret. {plz}"),
        ("P3", "We need permission for a religious procession {loc} next week. {plz}"),
        ("P3", "I found a wallet with cash and documents near {landmark} {loc}, how do I return it? {plz}"),
    ),
    ("other_complaint", "hinglish"): (
        ("P3", "{landmark} ke paas {loc} mera aadhar card aur {vehicle} ke kagaz kahin gir gaye, report chahiye. "
               "{plz}"),
        ("P3", "{loc} jhagde wali meri FIR ka kya hua? IO koi update nahi de rahe. {plz}"),
        ("P3", "chacha ne {loc} paitrik zameen pe kabza kar liya hai, hissa nahi de rahe. {plz}"),
        ("P3", "{loc} ek aadmi chori ki bike bechta hai, uski jankari dena chahta hu, naam gupt rakhein. {plz}"),
        ("P3", "{loc} agle hafte shobha yatra ki anumati chahiye. {plz}"),
        ("P3", "{landmark} ke paas {loc} ek purse mila hai paise aur kagaz ke saath, kaise lautaye? {plz}"),
    ),
    ("other_complaint", "hi"): (
        ("P3", "{landmark} के पास {loc} मेरा आधार कार्ड और {vehicle} के कागज़ कहीं गिर गए, रिपोर्ट चाहिए। {plz}"),
        ("P3", "{loc} मारपीट वाली मेरी एफआईआर का क्या हुआ? विवेचक कोई जानकारी नहीं दे रहे। {plz}"),
        ("P3", "चाचा ने {loc} पैतृक जमीन पर कब्जा कर लिया है, हिस्सा नहीं दे रहे। {plz}"),
        ("P3", "{loc} एक व्यक्ति चोरी की बाइक बेचता है, उसकी सूचना देना चाहता हूं, नाम गुप्त रखें। {plz}"),
        ("P3", "{loc} अगले सप्ताह शोभा यात्रा की अनुमति चाहिए। {plz}"),
        ("P3", "{landmark} के पास {loc} एक पर्स मिला है जिसमें पैसे और कागज़ात हैं, कैसे लौटाएं? {plz}"),
    ),
    ("not_complaint", "en"): (
        ("P4", "BREAKING: STF arrests {n} members of a solver gang in the {exam} paper leak case {loc}."),
        ("P4", "Police recover {n} stolen bikes and arrest two thieves {loc}, says SP."),
        ("P4", "{n} dead as a bus overturns on the expressway {loc}, police say the driver dozed off."),
        ("P4", "Thank you UP Police, my stolen phone was returned within a week. Great work!"),
        ("P4", "What is the helpline number for women in UP? And how do I file an e-FIR online?"),
        ("P4", "Sharing the UP Police advisory: never share your OTP with anyone. Stay alert."),
        ("P4", "Law and order has collapsed under this government, the opposition will raise it in the assembly."),
    ),
    ("not_complaint", "hinglish"): (
        ("P4", "badi khabar: {exam} paper leak me STF ne {n} logo ko giraftar kiya {loc}"),
        ("P4", "{loc} police ne {n} chori ki bike baramad ki, do chor giraftar"),
        ("P4", "{loc} expressway pe bus palti, {n} logo ki maut, driver ko neend aa gayi thi - khabar"),
        ("P4", "shukriya UP Police, meri chori hui phone ek hafte me wapas mil gaya, bahut accha kaam"),
        ("P4", "UP me mahila helpline number kya hai? aur online FIR kaise kare?"),
        ("P4", "UP Police ki salah: apna OTP kisi ko na batayein, satark rahein"),
        ("P4", "is sarkar me kanoon vyavastha khatam ho gayi hai, vipaksh sadan me uthayega"),
    ),
    ("not_complaint", "hi"): (
        ("P4", "बड़ी खबर: {exam} पेपर लीक मामले में एसटीएफ ने {n} लोगों को गिरफ्तार किया {loc}"),
        ("P4", "{loc} पुलिस ने चोरी की {n} बाइक बरामद कीं, दो चोर गिरफ्तार"),
        ("P4", "{loc} एक्सप्रेसवे पर बस पलटी, {n} लोगों की मौत, चालक को झपकी आ गई थी - खबर"),
        ("P4", "धन्यवाद यूपी पुलिस, मेरा चोरी हुआ फोन एक सप्ताह में वापस मिल गया, बहुत अच्छा कार्य"),
        ("P4", "यूपी में महिला हेल्पलाइन नंबर क्या है? और ऑनलाइन एफआईआर कैसे करें?"),
        ("P4", "यूपी पुलिस की सलाह: अपना ओटीपी किसी को न बताएं, सतर्क रहें"),
        ("P4", "इस सरकार में कानून व्यवस्था ध्वस्त हो गई है, विपक्ष सदन में मुद्दा उठाएगा"),
    ),
}
for _key, _rows in _MORE_TEMPLATES.items():
    _TEMPLATE_TABLE[_key] = (*_TEMPLATE_TABLE[_key], *_rows)

# A complainant's follow-up under their own complaint, tagging the police account it was addressed to.
_FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "en": (
        "Still no action, it has been {hours} hours. {plz}",
        "No one has contacted me yet. Please update.",
        "Reminder: nobody from the thana has come so far. {plz}",
    ),
    "hinglish": (
        "abhi tak koi karwai nahi hui, {hours} ghante ho gaye. {plz}",
        "sir koi response nahi mila abhi tak",
        "thane se abhi tak koi nahi aaya {plz}",
    ),
    "hi": (
        "अभी तक कोई कार्रवाई नहीं हुई, {hours} घंटे हो गए। {plz}",
        "कृपया संज्ञान लें, अभी तक कोई संपर्क नहीं हुआ।",
        "थाने से अभी तक कोई नहीं आया। {plz}",
    ),
}
# Only where there is someone to arrest.
_ACCUSED_FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "en": ("Sir, the accused are still roaming freely. No arrest yet.",),
    "hinglish": ("aaropi abhi bhi khule ghoom rahe hain, please dekhiye",),
    "hi": ("आरोपी अभी भी खुलेआम घूम रहे हैं, कोई गिरफ्तारी नहीं।",),
}
_ACCUSED_CATEGORIES = frozenset({"violence", "women_safety", "theft_fraud"})

_SLOT_VALUES: dict[str, dict[str, tuple[str, ...]]] = {
    "urgent": {
        "en": ("Please send help immediately!", "Please hurry!!", "Need help urgently, please come fast!",
               "HELP! Please send police now.", "Please come fast 🙏"),
        "hinglish": ("jaldi aao please!!", "turant madad karo 🙏", "bachao koi jaldi police bhejo",
                     "please jaldi help kijiye", "madad karo abhi!!", "help help jaldi aao"),
        "hi": ("तुरंत मदद करें!", "जल्दी पुलिस भेजिए!!", "बचाओ, जल्दी आइए 🙏", "कृपया तुरंत सहायता करें।",
               "जल्दी आइए, बचाइए!!"),
    },
    "plz": {
        "en": ("Please take action.", "Kindly look into this.", "Please help.", "Request strict action.",
               "Please do something.", "", "Kindly help 🙏"),
        "hinglish": ("please help karo", "madad karo sir", "help kijiye 🙏", "karwai kijiye", "sir please dekhiye",
                     "", "kripya action lijiye", "madad kijiye"),
        "hi": ("कृपया मदद करें।", "कृपया संज्ञान लें।", "शीघ्र कार्रवाई करें।", "कृपया कार्यवाही करें 🙏", "",
               "कृपया उचित कार्यवाही करें।"),
    },
    "relm": {  # a male relative, as the object of a verb
        "en": ("brother", "son", "father", "uncle", "cousin"),
        "hinglish": ("bhai", "bete", "papa", "chacha", "bhatije"),
        "hi": ("भाई", "बेटे", "पिताजी", "चाचा", "भतीजे"),
    },
    "relmd": {  # a male relative, as the subject
        "en": ("brother", "son", "nephew", "uncle", "cousin"),
        "hinglish": ("bhai", "beta", "bhatija", "chacha"),
        "hi": ("भाई", "बेटा", "भतीजा", "चाचा"),
    },
    "relf": {
        "en": ("sister", "daughter", "niece", "cousin sister"),
        "hinglish": ("behen", "beti", "bhatiji", "cousin"),
        "hi": ("बहन", "बेटी", "भतीजी", "ननद"),
    },
    "vehicle": {
        "en": ("Splendor bike", "Pulsar", "Activa scooty", "Apache bike", "Bolero", "e-rickshaw", "Shine bike"),
        "hinglish": ("Splendor bike", "Pulsar bike", "Activa scooty", "Apache", "Shine bike", "cycle"),
        "hi": ("स्प्लेंडर बाइक", "पल्सर बाइक", "एक्टिवा स्कूटी", "अपाचे बाइक", "साइकिल"),
    },
    "landmark": {
        "en": ("the temple", "the bus stand", "the railway station", "the petrol pump", "the sabzi mandi",
               "the school", "the district hospital", "the market", "the chauraha", "the overbridge"),
        "hinglish": ("mandir", "bus stand", "railway station", "petrol pump", "sabzi mandi", "school",
                     "hospital", "chauraha", "pul", "theka"),
        "hi": ("मंदिर", "बस स्टैंड", "रेलवे स्टेशन", "पेट्रोल पंप", "सब्जी मंडी", "स्कूल", "जिला अस्पताल",
               "चौराहे", "पुल"),
    },
    "time": {
        "en": ("this morning", "at 10 am", "in the afternoon", "yesterday evening", "around 4 pm", "today"),
        "hinglish": ("aaj subah", "subah 10 baje", "dopahar me", "kal shaam", "shaam 4 baje", "aaj"),
        "hi": ("आज सुबह", "सुबह 10 बजे", "दोपहर में", "कल शाम", "शाम 4 बजे", "आज"),
    },
    "ago": {
        "en": ("3 days", "a week", "2 weeks", "a month", "10 days", "2 months"),
        "hinglish": ("3 din", "ek hafte", "2 hafte", "ek mahine", "10 din", "2 mahine"),
        "hi": ("3 दिन", "एक हफ्ते", "2 हफ्ते", "एक महीने", "10 दिन", "2 महीने"),
    },
    "app": {
        "en": ("Paytm", "PhonePe", "Google Pay", "WhatsApp", "OLX", "Telegram"),
        "hinglish": ("Paytm", "PhonePe", "GPay", "WhatsApp", "OLX", "Telegram"),
        "hi": ("पेटीएम", "फोनपे", "गूगल पे", "व्हाट्सएप", "OLX"),
    },
    "bank": {
        "en": ("SBI", "PNB", "Bank of Baroda", "HDFC Bank", "the electricity department"),
        "hinglish": ("SBI", "PNB", "Bank of Baroda", "bijli vibhag", "KYC department"),
        "hi": ("एसबीआई", "पीएनबी", "बैंक ऑफ बड़ौदा", "बिजली विभाग"),
    },
    "exam": {
        "en": ("UP Police Constable", "UP Police SI", "UPSSSC PET", "RO/ARO", "UP Board Class 12"),
        "hinglish": ("UP Police constable", "UP Police SI", "UPSSSC PET", "RO ARO", "UP Board inter"),
        "hi": ("यूपी पुलिस सिपाही भर्ती", "दरोगा भर्ती", "UPSSSC PET", "आरओ/एआरओ", "यूपी बोर्ड इंटर"),
    },
}

_GENERIC_LOC: dict[str, tuple[str, ...]] = {
    "en": ("in our colony", "in my area", "here", "in our street", "near my house"),
    "hinglish": ("hamare mohalle me", "yaha", "hamari gali me", "mere ghar ke paas", "idhar"),
    "hi": ("हमारे मोहल्ले में", "यहाँ", "हमारी गली में", "मेरे घर के पास"),
}
_LOC_FORMS: dict[str, tuple[str, ...]] = {
    "en": ("in {p}", "in {p}", "near {p}", "at {p}"),
    "hinglish": ("{p} me", "{p} mein", "{p} mai", "{p} me"),
    "hi": ("{p} में", "{p} क्षेत्र में", "{p} इलाके में", "{p} में"),
}
_LOC_FORMS_WITH_DISTRICT: dict[str, tuple[str, ...]] = {
    "en": ("in {p}, {d}", "near {p}, {d}", "in {p} ({d})"),
    "hinglish": ("{d} ke {p} me", "{p}, {d} me", "{p} {d} mein"),
    "hi": ("{d} के {p} में", "{p}, {d} में", "{d} के {p} क्षेत्र में"),
}

_MALE_FIRST = (("Ramesh", "रमेश"), ("Suresh", "सुरेश"), ("Rajesh", "राजेश"), ("Rahul", "राहुल"), ("Amit", "अमित"),
               ("Sunil", "सुनील"), ("Manoj", "मनोज"), ("Vikas", "विकास"), ("Sanjay", "संजय"), ("Deepak", "दीपक"),
               ("Pankaj", "पंकज"), ("Arvind", "अरविंद"), ("Raju", "राजू"), ("Pappu", "पप्पू"), ("Guddu", "गुड्डू"),
               ("Ankit", "अंकित"), ("Rohit", "रोहित"), ("Vinod", "विनोद"), ("Ashok", "अशोक"), ("Shivam", "शिवम"))
_FEMALE_FIRST = (("Priya", "प्रिया"), ("Pooja", "पूजा"), ("Neha", "नेहा"), ("Anjali", "अंजलि"), ("Sunita", "सुनीता"),
                 ("Rekha", "रेखा"), ("Kajal", "काजल"), ("Ritu", "रितु"), ("Komal", "कोमल"), ("Suman", "सुमन"))
_SURNAMES = (("Yadav", "यादव"), ("Singh", "सिंह"), ("Sharma", "शर्मा"), ("Verma", "वर्मा"), ("Gupta", "गुप्ता"),
             ("Maurya", "मौर्य"), ("Pandey", "पांडेय"), ("Mishra", "मिश्रा"), ("Tiwari", "तिवारी"),
             ("Chauhan", "चौहान"), ("Kumar", "कुमार"), ("Prajapati", "प्रजापति"), ("Nishad", "निषाद"), ("Pal", "पाल"),
             ("Saxena", "सक्सेना"), ("Srivastava", "श्रीवास्तव"), ("Jatav", "जाटव"), ("Tyagi", "त्यागी"),
             ("Chaudhary", "चौधरी"))
_MUSLIM_MALE_FIRST = (("Imran", "इमरान"), ("Aslam", "असलम"), ("Shahid", "शाहिद"), ("Salim", "सलीम"),
                      ("Arif", "आरिफ"), ("Faizan", "फैज़ान"))
_MUSLIM_FEMALE_FIRST = (("Shabnam", "शबनम"), ("Nazia", "नाज़िया"), ("Sana", "सना"), ("Rukhsar", "रुख़सार"))
_MUSLIM_SURNAMES = (("Khan", "खान"), ("Ansari", "अंसारी"), ("Qureshi", "कुरैशी"), ("Siddiqui", "सिद्दीकी"),
                    ("Ahmad", "अहमद"))

_UNINFORMATIVE_LOCATIONS = ("", "", "", "India", "भारत", "Uttar Pradesh, India", "उत्तर प्रदेश", "Bharat 🇮🇳",
                            "Hindustan", "UP", "Earth 🌏")

# Relative traffic per IST hour (0..23): quiet before dawn, a morning rise, the evening peak.
_HOURLY_SHAPE = (0.45, 0.32, 0.24, 0.2, 0.2, 0.26, 0.4, 0.62, 0.85, 1.0, 1.1, 1.15,
                 1.15, 1.1, 1.05, 1.1, 1.2, 1.35, 1.55, 1.75, 1.85, 1.75, 1.35, 0.85)
_HOURLY_RATE = tuple(w * 24 / sum(_HOURLY_SHAPE) for w in _HOURLY_SHAPE)  # mean 1.0

_CATEGORY_WEIGHTS = (
    ("violence", 14), ("women_safety", 12), ("exam_leak", 3), ("missing_person", 7), ("theft_fraud", 17),
    ("traffic", 9), ("police_misconduct", 8), ("nuisance", 8), ("other_complaint", 7), ("not_complaint", 15),
)
_LANGUAGE_WEIGHTS = (("hi", 38), ("hinglish", 37), ("en", 25))
# How a tweet names its district: handle and/or place in the text, the author's profile only, or not at all.
_HINT_WEIGHTS = (("handle_place", 33), ("handle", 20), ("place", 20), ("location", 12), ("none", 15))
_EXAM_HINT_WEIGHTS = (("handle_place", 15), ("handle", 15), ("place", 20), ("location", 10), ("none", 40))
_BIG_DISTRICTS = frozenset({"lucknow", "gautam_buddh_nagar", "ghaziabad", "kanpur_nagar", "prayagraj",
                            "varanasi", "agra", "meerut"})
_MEDIUM_DISTRICTS = frozenset({"bareilly", "moradabad", "aligarh", "gorakhpur", "saharanpur", "jhansi",
                               "mathura", "muzaffarnagar", "ayodhya"})

_SURGE_RATE_MULTIPLIER = 8.0
_SURGE_EVERY = 30_000  # tweets between surge starts in long runs
_SURGE_EXAMS: tuple[dict[str, str], ...] = (
    {"en": "UP Police Constable", "hinglish": "UP Police constable", "hi": "यूपी पुलिस सिपाही भर्ती"},
    {"en": "RO/ARO", "hinglish": "RO ARO", "hi": "आरओ/एआरओ"},
    {"en": "UP Police SI", "hinglish": "UP Police SI", "hi": "दरोगा भर्ती"},
)
_SURGE_EXAM_TAGS: tuple[tuple[str, ...], ...] = (
    ("UPPoliceConstablePaperLeak", "PaperLeak", "UPPRPB", "ReExam", "UPPoliceBharti"),
    ("ROAROPaperLeak", "PaperLeak", "UPPSC", "ReExam"),
    ("UPSIPaperLeak", "PaperLeak", "UPPRPB", "JusticeForAspirants"),
)

_HINGLISH_VARIANTS: dict[str, tuple[str, ...]] = {
    "karo": ("kro", "kar do", "karo"), "madad": ("madat", "madd", "madad"), "ho gayi": ("hogyi", "ho gyi", "ho gai"),
    "ho gaya": ("hogya", "ho gya"), "hai": ("h", "he", "hai"), "hain": ("hai", "h", "hain"),
    "nahi": ("nhi", "nahin", "nai"), "please": ("plz", "pls", "plzz"), "kijiye": ("kijie", "kariye", "kro"),
    "raha": ("rha",), "rahe": ("rhe",), "rahi": ("rhi",), "gaye": ("gye", "gae"), "gayi": ("gyi", "gai"),
    "me": ("mein", "mai", "m"), "sir": ("sirji", "sar", "sir ji"), "kuch": ("kuchh", "kch"), "abhi": ("abi", "abhie"),
    "jaldi": ("jldi", "jaldi se"), "bahut": ("bohot", "bhut", "bahot"), "bhai": ("bhaiya", "bhai"),
}
_HINGLISH_RE = re.compile(r"\b(" + "|".join(sorted(_HINGLISH_VARIANTS, key=len, reverse=True)) + r")\b")
# Entities are found the way X does: "@" + a username, "#" + a tag, not glued to a preceding word. Jumping
# from one sigil to the next is several times faster than a regex with lookbehinds tried at every position.
_USERNAME_RE = re.compile(r"[A-Za-z0-9_]{1,15}(?![A-Za-z0-9_])")
_TAG_RE = re.compile(r"[^\s#@.,!?:;।()\"'…]+")


def _entities(text: str) -> list[tuple[str, int, int, str]]:
    """(sigil, start, end, username or tag) for each mention ("@"), then each hashtag ("#"), in text order
    within each kind; offsets are code points, as X v2 gives them."""
    found: list[tuple[str, int, int, str]] = []
    for sigil, pattern in (("@", _USERNAME_RE), ("#", _TAG_RE)):
        pos = text.find(sigil)
        while pos >= 0:
            before = text[pos - 1] if pos else " "
            if not (before.isalnum() or before in "_@#"):
                match = pattern.match(text, pos + 1)
                if match is not None:
                    found.append((sigil, pos, match.end(), match.group()))
            pos = text.find(sigil, pos + 1)
    return found
_INVALID_UTF8 = (b"\xff", b"\xc3\x28", b"\xe0\xa4 ", b"\x80", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80")
_BAD_BYTES_MARK = "\ue000"  # a private-use character, swapped for invalid bytes after encoding
# Compact like the stream; built once because json.dumps builds an encoder per call.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_JSON_ASCII = json.JSONEncoder(separators=(",", ":"))


@dataclass(frozen=True)
class _Template:
    urgency: str
    texts: tuple[str, ...]  # the text as different people would spell it (one for Hindi and English)
    night_only: bool


# Romanised Hindi has no standard spelling. The variants are drawn once, at import, from a fixed seed: a
# regex pass per tweet would cost a fifth of the generator's time, and the output stays deterministic.
_SPELLING_RNG = random.Random(2016)  # noqa: S311


def _spellings(text: str, count: int = 8) -> tuple[str, ...]:
    rng = _SPELLING_RNG

    def respell(match: re.Match[str]) -> str:
        word = match.group(1)
        return rng.choice(_HINGLISH_VARIANTS[word]) if rng.random() < 0.45 else word

    return tuple(dict.fromkeys([text, *(_HINGLISH_RE.sub(respell, text) for _ in range(count - 1))]))


def _build_templates() -> dict[tuple[str, str], tuple[tuple[_Template, ...], tuple[_Template, ...]]]:
    # Per (category, language): (templates usable at night, templates usable by day).
    table: dict[tuple[str, str], tuple[tuple[_Template, ...], tuple[_Template, ...]]] = {}
    for (category, language), rows in _TEMPLATE_TABLE.items():
        templates = tuple(
            _Template(u.split()[0], _spellings(text) if language == "hinglish" else (text,), u.endswith("night"))
            for u, text in rows
        )
        table[(category, language)] = (templates, tuple(t for t in templates if not t.night_only))
    return table


for _values in (_SLOT_VALUES["urgent"], _SLOT_VALUES["plz"], _FOLLOW_UPS, _ACCUSED_FOLLOW_UPS, _GENERIC_LOC):
    _values["hinglish"] = tuple(v for text in _values["hinglish"] for v in _spellings(text, 4))


_TEMPLATES = _build_templates()
assert {c for c, _ in _TEMPLATES} == set(CATEGORIES) and {lang for _, lang in _TEMPLATES} == set(LANGUAGES)


T = TypeVar("T")


class _Ring(Generic[T]):
    """The most recent items, bounded, with O(1) random access (what retweets, replies and re-sends draw on)."""

    def __init__(self, size: int) -> None:
        self._items: list[T] = []
        self._size = size
        self._next = 0

    def __len__(self) -> int:
        return len(self._items)

    def add(self, item: T) -> None:
        if len(self._items) < self._size:
            self._items.append(item)
        else:
            self._items[self._next] = item
            self._next = (self._next + 1) % self._size

    def pick(self, rng: random.Random) -> T:
        return self._items[int(rng.random() * len(self._items))]


@dataclass(frozen=True, slots=True)
class _Author:
    id: str
    username: str
    user: dict[str, str]  # the includes.users entry


class _Original(NamedTuple):
    """A new tweet that later tweets can retweet, reply under or repeat."""

    id: str
    text: str
    lang_code: str
    author: _Author
    conversation_id: str
    police_handle: str  # the police account the complaint was addressed to (replies go to it)
    category: str
    base_urgency: str  # before the night rule, which depends on each later tweet's own time
    district: str
    language: str


class _Sent(NamedTuple):
    tweet_id: str
    raw: bytes
    tweet: dict[str, Any]
    users: list[dict[str, str]]
    rules: list[dict[str, str]]
    envelope: bool


@dataclass(frozen=True, slots=True)
class _Surge:
    category: str
    district: District | None  # None: statewide (an exam leak), the district of each tweet varies
    exam: dict[str, str] | None
    hashtags: tuple[str, ...]


def _weighted(pairs: Sequence[tuple[str, float]]) -> tuple[tuple[str, ...], list[float]]:
    values = tuple(v for v, _ in pairs)
    cum: list[float] = []
    total = 0.0
    for _, w in pairs:
        total += w
        cum.append(total)
    return values, cum


class _Slots(dict[str, str]):
    """Template slots, filled on first use so a template pays only for the slots it has."""

    def __init__(self, fill: Callable[[str, str], str], language: str, given: dict[str, str]) -> None:
        super().__init__(given)
        self._fill = fill
        self._language = language

    def __missing__(self, key: str) -> str:
        value = self._fill(key, self._language)
        self[key] = value
        return value


class _Generator:
    def __init__(self, count: int, config: GeneratorConfig) -> None:
        self.count = count
        self.cfg = config
        # Reproducibility is the point here, not secrecy: one seeded PRNG drives every choice.
        self.rng = random.Random(config.seed)  # noqa: S311
        self.rnd = self.rng.random
        self.t = config.start.timestamp()
        self.last_ms = 0
        self.seq = 0
        self.machine = self.rng.randrange(1024)
        self.tweets_made = 0
        self.categories, self.category_cum = _weighted(_CATEGORY_WEIGHTS)
        self.languages, self.language_cum = _weighted(_LANGUAGE_WEIGHTS)
        self.hints, self.hint_cum = _weighted(_HINT_WEIGHTS)
        self.exam_hints, self.exam_hint_cum = _weighted(_EXAM_HINT_WEIGHTS)
        district_weights = [(d.slug, 3.0 if d.slug in _BIG_DISTRICTS else 1.8 if d.slug in _MEDIUM_DISTRICTS
                             else 1.0) for d in gaz.DISTRICTS]
        _, self.district_cum = _weighted(district_weights)
        self.district_authors: dict[str, list[_Author]] = {d.slug: [] for d in gaz.DISTRICTS}
        self.generic_authors: list[_Author] = []
        self.user_ids: set[str] = set(POLICE_USER_IDS.values()) | {OWN_USER_ID}
        self.usernames: set[str] = set(POLICE_USER_IDS) | {OWN_USERNAME}
        self.id_of_username: dict[str, str] = {**POLICE_USER_IDS, OWN_USERNAME: OWN_USER_ID}
        self.originals: _Ring[_Original] = _Ring(600)
        self.complaints: _Ring[_Original] = _Ring(600)
        self.sent: _Ring[_Sent] = _Ring(2000)
        self.geo_ids = {d.slug: hashlib.blake2b(d.slug.encode(), digest_size=8).hexdigest() for d in gaz.DISTRICTS}
        self.malformed_order = list(MALFORMED_REASONS)
        self.rng.shuffle(self.malformed_order)
        self.malformed_made = 0
        self.surge_first = int(count * 0.3) if config.surge and count >= 200 else -1
        self.surge_length = min(400, max(40, count // 25))
        self.surge: _Surge | None = None
        self.surges_started = 0
        self.surging = False
        self.day = -1
        self.day_prefix = ""

    # ---- the stream ------------------------------------------------------------------------------------

    def records(self) -> Iterator[GeneratedRecord]:
        cfg = self.cfg
        left = [self.count, round(self.count * cfg.malformed_rate), round(self.count * cfg.own_rate),
                round(self.count * cfg.duplicate_rate)]
        total = sum(left)
        rng = self.rng
        while total:
            # Drawing each kind in proportion to what is left is a uniform shuffle of the exact counts; a
            # re-send waits until something has been sent.
            usable = total if self.tweets_made else total - left[3]
            x = rng.random() * usable
            if x < left[0]:
                kind = 0
                record = self._tweet()
            elif x < left[0] + left[1]:
                kind = 1
                record = self._malformed()
            elif x < left[0] + left[1] + left[2]:
                kind = 2
                record = self._own()
            else:
                kind = 3
                record = self._resend()
            left[kind] -= 1
            total -= 1
            yield record

    # ---- time and ids ----------------------------------------------------------------------------------

    def _advance_clock(self, surging: bool) -> None:
        hour = int((self.t + IST_OFFSET_SECONDS) // 3600) % 24
        per_second = self.cfg.tweets_per_hour * _HOURLY_RATE[hour] / 3600.0
        if surging:
            per_second *= _SURGE_RATE_MULTIPLIER
        self.t += self.rng.expovariate(per_second)

    def _new_id(self) -> tuple[str, int]:
        """A snowflake id (time, machine, sequence) and its millisecond: ids increase with time, never repeat."""
        ms = int(self.t * 1000)
        if ms > self.last_ms:
            self.seq = 0
        else:
            ms = self.last_ms
            self.seq += 1
            if self.seq > 4095:
                ms += 1
                self.seq = 0
        self.last_ms = ms
        return str(((ms - _TWITTER_EPOCH_MS) << 22) | (self.machine << 12) | self.seq), ms

    # ---- records of each kind --------------------------------------------------------------------------

    def _tweet(self) -> GeneratedRecord:
        index = self.tweets_made
        self.tweets_made += 1
        surging = self.surging = self._surge_at(index)
        self._advance_clock(surging)
        tid, ms = self._new_id()
        rng = self.rng
        cfg = self.cfg
        r = rng.random()
        retweet_share = min(0.3, cfg.retweet_rate * 4) if surging else cfg.retweet_rate
        if r < retweet_share and len(self.originals):
            return self._retweet(tid, ms, self.originals.pick(rng))
        r -= retweet_share
        if r < cfg.reply_rate and len(self.complaints):
            return self._reply(tid, ms, self.complaints.pick(rng))
        r -= cfg.reply_rate
        if r < cfg.duplicate_text_rate and len(self.complaints):
            return self._same_text_again(tid, ms, self.complaints.pick(rng))
        return self._original(tid, ms, surging)

    def _original(self, tid: str, ms: int, surging: bool, remember: bool = True) -> GeneratedRecord:
        rng = self.rng
        surge = self.surge if surging else None
        if surge is not None and rng.random() < 0.85:
            category = surge.category
        else:
            surge = None
            category = self._draw(self.categories, self.category_cum)
        language = self._draw(self.languages, self.language_cum)
        if surge is not None and surge.district is not None:
            district: District = surge.district
            hint = self._draw(self.hints[:-1], self.hint_cum[:-1])  # a local surge always names its place
        else:
            district = gaz.DISTRICTS[bisect.bisect_right(self.district_cum, rng.random() * self.district_cum[-1])]
            if category == "exam_leak":
                hint = self._draw(self.exam_hints, self.exam_hint_cum)
            else:
                hint = self._draw(self.hints, self.hint_cum)

        night = is_night_ist(ms / 1000)
        with_place = hint in ("handle_place", "place")
        with_handle = hint in ("handle_place", "handle")
        if hint == "location":
            author = self._author(district, informative=True)
        elif hint == "none":
            author = self._author(None, informative=False)
        else:
            author = self._author(district, informative=rng.random() < 0.6)
        truth_district = gaz.UNKNOWN if hint == "none" else district.slug

        all_t, day_t = _TEMPLATES[(category, language)]
        template = self._pick(all_t if night else day_t)
        text = self._pick(template.texts)
        given = {"loc": self._loc(language, district, with_place), "clock": self._clock(language, ms)}
        if surge is not None and surge.exam is not None:
            given["exam"] = surge.exam[language]
        body = text.format_map(_Slots(self._slot, language, given))
        body = self._vary(" ".join(body.split()), language)

        police_handle = self._pick(district.handles) if with_handle else ""
        mentions = self._mentions(police_handle)
        hashtags: list[str] = []
        if surge is not None and rng.random() < 0.85:
            hashtags = rng.sample(surge.hashtags, k=min(len(surge.hashtags), 1 + int(rng.random() * 3)))
        elif rng.random() < 0.06:
            local = f"{district.name.replace(' ', '')}Police" if truth_district != gaz.UNKNOWN else "Help"
            hashtags = [self._pick(("UPPolice", "Help", "Justice", local))]
        text = self._compose(body, mentions, hashtags)

        lang_code = self._lang_code(language)
        geo = {"place_id": self.geo_ids[district.slug]} if truth_district != gaz.UNKNOWN and rng.random() < 0.02 \
            else None
        tweet = self._tweet_obj(tid, ms, text, author.id, lang_code, conversation_id=tid, geo=geo)
        truth = Truth(category, night_rule(category, template.urgency, night), truth_district, language)
        raw = self._emit(tid, tweet, [author.user], mentions, remember=remember)
        if remember:
            addressed = police_handle or next(h for h in mentions if h in gaz.HQ_HANDLES)
            original = _Original(tid, text, lang_code, author, tid, addressed, category, template.urgency,
                                 truth_district, language)
            self.originals.add(original)
            if category != "not_complaint":
                self.complaints.add(original)
        return GeneratedRecord(raw, "tweet", tid, truth, None)

    def _retweet(self, tid: str, ms: int, original: _Original) -> GeneratedRecord:
        slug = original.district
        author = self._author(gaz.by_slug(slug) if slug != gaz.UNKNOWN and self.rng.random() < 0.5 else None,
                              informative=slug != gaz.UNKNOWN)
        if author.id == original.author.id:
            author = self._author(None, informative=False, fresh=True)
        text = f"RT @{original.author.username}: {original.text}"
        if len(text) > 280:
            text = text[:279] + "…"
        # The conversation of the tweet it repeats: Seva keys a retweet with its original (RawTweet.partition_key).
        tweet = self._tweet_obj(tid, ms, text, author.id, original.lang_code, original.conversation_id,
                                refs=[{"type": "retweeted", "id": original.id}])
        raw = self._emit(tid, tweet, [author.user, original.author.user], self._mentioned(text))
        return GeneratedRecord(raw, "tweet", tid, self._derived_truth(original, ms), None)

    def _reply(self, tid: str, ms: int, original: _Original) -> GeneratedRecord:
        rng = self.rng
        language = original.language
        accused = original.category in _ACCUSED_CATEGORIES and rng.random() < 0.3
        follow_up = self._pick((_ACCUSED_FOLLOW_UPS if accused else _FOLLOW_UPS)[language])
        body = follow_up.format_map(_Slots(self._slot, language, {}))
        body = self._vary(" ".join(body.split()), language)
        handle = original.police_handle
        text = f"@{self._display(handle)} {body}"
        if handle not in gaz.HQ_HANDLES and rng.random() < 0.4:
            text += f" @{self._display('uppolice')}"
        tweet = self._tweet_obj(tid, ms, text, original.author.id, original.lang_code, original.conversation_id,
                                refs=[{"type": "replied_to", "id": original.id}],
                                in_reply_to_user_id=POLICE_USER_IDS[handle])
        raw = self._emit(tid, tweet, [original.author.user], self._mentioned(text))
        return GeneratedRecord(raw, "tweet", tid, self._derived_truth(original, ms), None)

    def _same_text_again(self, tid: str, ms: int, original: _Original) -> GeneratedRecord:
        # People re-tweet their own complaint word for word when nobody answers: a new id, the same text.
        tweet = self._tweet_obj(tid, ms, original.text, original.author.id, original.lang_code, tid)
        raw = self._emit(tid, tweet, [original.author.user], self._mentioned(original.text))
        return GeneratedRecord(raw, "tweet", tid, self._derived_truth(original, ms), None)

    def _own(self) -> GeneratedRecord:
        tid, ms = self._new_id()
        rng = self.rng
        if len(self.complaints) and rng.random() < 0.85:
            original = self.complaints.pick(rng)
            user = original.author.username
            ref = f"SEVA-{ms // 1000 % 1_000_000:06d}"
            hindi = original.language == "hi"
            if original.district != gaz.UNKNOWN:  # HQ forwards to the district's police
                handle = gaz.by_slug(original.district).handles[0]
                text = (f"@{user} आपकी शिकायत संज्ञान में ली गई है। आवश्यक कार्यवाही हेतु @{handle} को निर्देशित "
                        f"किया गया है। संदर्भ: {ref}" if hindi else
                        f"@{user} Your complaint has been noted and forwarded to @{handle} for necessary action. "
                        f"Ref: {ref}")
            else:  # nowhere to forward it yet
                text = (f"@{user} कृपया अपना जनपद, थाना क्षेत्र व पूरा पता बताएं ताकि शिकायत संबंधित जनपद को भेजी जा "
                        f"सके। संदर्भ: {ref}" if hindi else
                        f"@{user} Please share your district, police station area and full address so that we can "
                        f"forward your complaint. Ref: {ref}")
            tweet = self._tweet_obj(tid, ms, text, OWN_USER_ID, "hi" if original.language == "hi" else "en",
                                    original.conversation_id, refs=[{"type": "replied_to", "id": original.id}],
                                    in_reply_to_user_id=original.author.id)
        else:
            text = self._pick((
                "आपात स्थिति में तुरंत 112 डायल करें। @uppolice #UPPolice",
                "Twitter Seva: tag @uppolice with your complaint and your location, we will forward it to your "
                "district. Emergencies: dial 112.",
                "महिलाएं किसी भी समस्या में 1090 वीमेन पावर लाइन पर कॉल करें। @uppolice",
            ))
            tweet = self._tweet_obj(tid, ms, text, OWN_USER_ID, "en" if text.startswith("Twitter") else "hi", tid)
        raw = self._emit(tid, tweet, [_OWN_USER], self._mentioned(text), remember=False)
        return GeneratedRecord(raw, "own", tid, None, None)

    def _resend(self) -> GeneratedRecord:
        sent = self.sent.pick(self.rng)
        if self.rng.random() < 0.6:
            raw = sent.raw  # the stream redelivers after a reconnect: byte for byte
        else:
            # Another source (the mentions poll, a replay) has the same tweet in the other shape.
            obj = sent.tweet if sent.envelope else self._envelope(sent.tweet, sent.users, sent.rules)
            raw = _JSON.encode(obj).encode()
        return GeneratedRecord(raw, "duplicate", sent.tweet_id, None, None)

    def _malformed(self) -> GeneratedRecord:
        reason = self.malformed_order[self.malformed_made % len(self.malformed_order)]
        self.malformed_made += 1
        rng = self.rng
        tid, ms = self._new_id()
        # A believable tweet to break; it is not remembered, so nothing later refers to it.
        built = self._original(tid, ms, surging=False, remember=False)
        obj: Any = json.loads(built.raw)
        tweet: dict[str, Any] = obj["data"] if "data" in obj else obj
        tweet_id: str | None = None
        if reason == "malformed_json":
            text = json.dumps(obj, ensure_ascii=False)
            variant = rng.random()
            if variant < 0.6:
                raw = text[: rng.randrange(len(text) // 3, len(text) - 1)].encode()  # a cut line
            elif variant < 0.8:
                raw = repr(obj).encode()  # single quotes: a Python dict, not JSON
            else:
                raw = (text + text).encode()  # two objects on one line
        elif reason == "invalid_utf8":
            tweet["text"] = tweet["text"] + " " + _BAD_BYTES_MARK + " "
            raw = json.dumps(obj, ensure_ascii=False).encode().replace(
                _BAD_BYTES_MARK.encode(), self._pick(_INVALID_UTF8))
        elif reason == "missing_id":
            del tweet["id"]
            raw = json.dumps(obj, ensure_ascii=False).encode()
        elif reason == "missing_text":
            del tweet["text"]
            tweet_id = tid
            raw = json.dumps(obj, ensure_ascii=False).encode()
        elif reason == "oversized":
            tweet_id = tid
            size = len(json.dumps(obj, ensure_ascii=False).encode())
            filler = " spam" * ((self.cfg.oversized_bytes - size) // 5 + 1 + int(rng.random() * 400))
            tweet["text"] = tweet["text"] + filler
            raw = json.dumps(obj, ensure_ascii=False).encode()
        else:  # not_an_object
            raw = self._pick((
                json.dumps([obj], ensure_ascii=False), json.dumps(tweet["text"], ensure_ascii=False), "42", "null",
                "true", '"keep-alive"',
            )).encode()
        return GeneratedRecord(raw, "malformed", tweet_id, None, reason)

    # ---- building blocks -------------------------------------------------------------------------------

    def _surge_at(self, index: int) -> bool:
        if self.surge_first < 0 or index < self.surge_first:
            return False
        offset = (index - self.surge_first) % _SURGE_EVERY
        if offset == 0:
            self._start_surge()
        return offset < self.surge_length

    def _start_surge(self) -> None:
        k = self.surges_started
        self.surges_started += 1
        if k % 2 == 0:
            n = (k // 2) % len(_SURGE_EXAMS)
            self.surge = _Surge("exam_leak", None, _SURGE_EXAMS[n], _SURGE_EXAM_TAGS[n])
        else:
            district = gaz.DISTRICTS[int(self.rng.random() * len(gaz.DISTRICTS))]
            place = district.name.replace(" ", "")
            self.surge = _Surge("violence", district, None, (f"{place}Violence", f"{place}Police", "UPPolice"))

    def _draw(self, values: Sequence[str], cum: Sequence[float]) -> str:
        return values[bisect.bisect_right(cum, self.rnd() * cum[-1])]

    def _pick(self, values: Sequence[T]) -> T:
        # random.choice costs three times more and this runs ~15 times per tweet.
        return values[int(self.rnd() * len(values))]

    def _author(self, district: District | None, informative: bool, fresh: bool = False) -> _Author:
        rng = self.rng
        pool = self.district_authors[district.slug] if informative and district is not None else self.generic_authors
        limit = 60 if pool is not self.generic_authors else 400
        # A surge is many people at once: mostly accounts not seen before.
        surge_boost = 0.5 if self.surging else 0.0
        if pool and not fresh and (len(pool) >= limit or rng.random() > 0.3 + surge_boost):
            return pool[int(rng.random() * len(pool))]
        author = self._new_author(district if informative else None)
        if len(pool) < limit:
            pool.append(author)
        return author

    def _new_author(self, home: District | None) -> _Author:
        rng = self.rng
        female = rng.random() < 0.35
        if rng.random() < 0.2:
            first = self._pick(_MUSLIM_FEMALE_FIRST if female else _MUSLIM_MALE_FIRST)
            last = self._pick(_MUSLIM_SURNAMES)
        else:
            first = self._pick(_FEMALE_FIRST if female else _MALE_FIRST)
            last = self._pick(_SURNAMES)
        style = rng.random()
        if style < 0.65:
            name = f"{first[0]} {last[0]}"
        elif style < 0.85:
            name = f"{first[1]} {last[1]}"
        else:
            name = f"{first[0].lower()} {last[0].lower()} 🇮🇳"
        shape = rng.random()
        base = first[0].lower() + (last[0].lower() if shape < 0.5 else "_" + last[0].lower()[:4])
        username = base[:11] + (str(rng.randrange(10, 9999)) if shape < 0.8 else "")
        while username in self.usernames:
            username = base[:10] + str(rng.randrange(10, 99999))
        self.usernames.add(username)
        while True:
            uid = str(rng.randrange(1_200_000_000_000_000_000, 1_860_000_000_000_000_000)) if rng.random() < 0.6 \
                else str(rng.randrange(10_000_000, 3_000_000_000))
            if uid not in self.user_ids:
                break
        self.user_ids.add(uid)
        self.id_of_username[username.lower()] = uid
        user = {"id": uid, "username": username, "name": name}
        location = self._profile_location(home) if home is not None else self._pick(_UNINFORMATIVE_LOCATIONS)
        if location:  # X leaves out a location the user never set
            user["location"] = location
        return _Author(uid, username, user)

    def _profile_location(self, d: District) -> str:
        rng = self.rng
        form = rng.random()
        if form < 0.3:
            return d.name
        if form < 0.45:
            return f"{d.name}, Uttar Pradesh"
        if form < 0.55:
            return f"{d.name}, India"
        if form < 0.7 and len(d.aliases) > 1:
            return f"{self._pick(d.aliases[1:])}, {d.name}"
        if form < 0.85:
            return d.name_hi
        if form < 0.93:
            return f"{d.name_hi}, उत्तर प्रदेश"
        return d.name.lower()

    def _loc(self, language: str, d: District, with_place: bool) -> str:
        rng = self.rng
        if not with_place:
            return self._pick(_GENERIC_LOC[language])
        names = d.aliases_hi if language == "hi" else d.aliases
        if len(names) == 1 or rng.random() < 0.45:
            return self._pick(_LOC_FORMS[language]).format(p=names[0])
        place = self._pick(names[1:])
        # "Aliganj, Lucknow" reads naturally; "Sant Kabirnagar, Sant Kabir Nagar" (a mere respelling) does not.
        if rng.random() < 0.4 and place.replace(" ", "").lower()[:5] != names[0].replace(" ", "").lower()[:5]:
            return self._pick(_LOC_FORMS_WITH_DISTRICT[language]).format(p=place, d=names[0])
        return self._pick(_LOC_FORMS[language]).format(p=place)

    def _clock(self, language: str, ms: int) -> str:
        minutes = int((ms // 1000 + IST_OFFSET_SECONDS) // 60) % 1440
        hour, minute = divmod(minutes, 60)
        h12 = hour % 12 or 12
        hm = f"{h12}:{minute:02d}" if minute >= 10 and minute % 5 == 0 else str(h12)
        if language == "en":
            return f"{hm} {'a.m.' if hour < 12 else 'p.m.'}"
        part = 3 if hour >= 20 or hour < 5 else 0 if hour < 12 else 1 if hour < 16 else 2
        if language == "hi":
            return f"{('सुबह', 'दोपहर', 'शाम', 'रात')[part]} {hm} बजे"
        return f"{('subah', 'dopahar', 'shaam', 'raat')[part]} {hm} baje"

    def _slot(self, key: str, language: str) -> str:
        rng = self.rng
        values = _SLOT_VALUES.get(key)
        if values is not None:
            return self._pick(values[language])
        if key == "name":
            first, last = self._pick(_MALE_FIRST), self._pick(_SURNAMES)
            return f"{first[1]} {last[1]}" if language == "hi" else f"{first[0]} {last[0]}"
        if key == "n":
            return str(rng.randrange(3, 16))
        if key == "mins":
            return str(rng.randrange(10, 45))
        if key == "hours":
            return str(rng.randrange(1, 7))
        if key == "age":
            return str(rng.randrange(4, 17))
        if key == "oldage":
            return str(rng.randrange(60, 86))
        if key == "amount":
            return self._amount(language)
        if key == "reg":
            letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
            code = f"{rng.randrange(11, 96)}"
            pair = self._pick(letters) + self._pick(letters)
            digits = f"{rng.randrange(1, 10000):04d}"
            return self._pick((f"UP{code}{pair}{digits}", f"UP-{code}-{pair}-{digits}", f"UP {code} {pair} {digits}"))
        raise KeyError(f"template slot {{{key}}} has no filler")

    def _amount(self, language: str) -> str:
        rupees = self._pick((2_000, 5_000, 8_500, 12_000, 25_000, 40_000, 50_000, 75_000, 120_000, 250_000))
        if rupees >= 100_000:
            lakh = f"{rupees / 100_000:g}"
            return {"en": f"Rs {lakh} lakh", "hinglish": f"{lakh} lakh", "hi": f"{lakh} लाख रुपये"}[language]
        if language == "hi":
            return self._pick((f"{rupees // 1000} हज़ार रुपये", f"₹{rupees:,}"))
        if language == "hinglish":
            return self._pick((f"{rupees} rs", f"₹{rupees}", f"{rupees // 1000} hazaar"))
        return self._pick((f"Rs {rupees:,}", f"₹{rupees:,}", f"INR {rupees}"))

    def _vary(self, body: str, language: str) -> str:
        # People do not type like templates: romanised Hindi has no standard spelling, case is optional.
        rng = self.rng
        if language == "hinglish":
            if rng.random() < 0.35:  # spellings were varied at import (_spellings)
                body = body.lower()
        elif language == "en":
            if rng.random() < 0.15:
                body = body.lower()
            if rng.random() < 0.15:
                body = body.replace("Please", "Pls").replace("please", "pls")
        else:
            if rng.random() < 0.2:
                body = body.replace("।", self._pick(("|", ".", "")))
            if rng.random() < 0.1:
                body = body.replace("कृपया", "कृप्या")
        return body

    def _mentions(self, district_handle: str) -> list[str]:
        rng = self.rng
        mentions = [district_handle] if district_handle else []
        if not mentions or rng.random() < 0.7:
            mentions.append("uppolice")
        if rng.random() < 0.25:
            mentions.append("dgpup")
        if rng.random() < 0.08:
            mentions.append(self._pick(_VIP_HANDLES))
        if len(mentions) > 1 and rng.random() < 0.5:
            rng.shuffle(mentions)
        return mentions

    def _display(self, handle: str) -> str:
        # People type a handle in any case; X matches it case-insensitively, so must Seva.
        r = self.rng.random()
        if handle == "uppolice":
            return "Uppolice" if r < 0.4 else "uppolice" if r < 0.7 else "UPPolice" if r < 0.95 else "UPPOLICE"
        if handle == "dgpup":
            return "dgpup" if r < 0.6 else "DGPUP" if r < 0.9 else "DgpUp"
        return handle if r < 0.8 else handle.capitalize()

    def _compose(self, body: str, mentions: list[str], hashtags: list[str]) -> str:
        handles = " ".join("@" + self._display(h) for h in mentions)
        text = f"{handles} {body}" if self.rng.random() < 0.55 else f"{body} {handles}"
        if hashtags:
            text += " " + " ".join("#" + t for t in hashtags)
        return text

    def _lang_code(self, language: str) -> str:
        if language != "hinglish":
            return language
        # X has no code for romanised Hindi: it says hi, en, qme or und depending on the words it sees.
        r = self.rng.random()
        return "hi" if r < 0.45 else "en" if r < 0.65 else "qme" if r < 0.8 else "und"

    def _derived_truth(self, original: _Original, ms: int) -> Truth:
        urgency = night_rule(original.category, original.base_urgency, is_night_ist(ms / 1000))
        return Truth(original.category, urgency, original.district, original.language)

    def _mentioned(self, text: str) -> list[str]:
        return [value.lower() for kind, _, _, value in _entities(text) if kind == "@"]

    def _tweet_obj(self, tid: str, ms: int, text: str, author_id: str, lang: str, conversation_id: str,
                   refs: list[dict[str, str]] | None = None, in_reply_to_user_id: str | None = None,
                   geo: dict[str, str] | None = None) -> dict[str, Any]:
        tweet: dict[str, Any] = {
            "id": tid,
            "text": text,
            "created_at": self._created_at(ms),
            "author_id": author_id,
            "conversation_id": conversation_id,
            "edit_history_tweet_ids": [tid],
            "lang": lang,
        }
        if in_reply_to_user_id is not None:
            tweet["in_reply_to_user_id"] = in_reply_to_user_id
        if refs:
            tweet["referenced_tweets"] = refs
        mentions: list[dict[str, Any]] = []
        hashtags: list[dict[str, Any]] = []
        for kind, start, end, value in _entities(text):
            if kind == "@":
                mention: dict[str, Any] = {"start": start, "end": end, "username": value}
                uid = self.id_of_username.get(value.lower())
                if uid is not None:
                    mention["id"] = uid
                mentions.append(mention)
            else:
                hashtags.append({"start": start, "end": end, "tag": value})
        if mentions or hashtags:
            entities: dict[str, Any] = {}
            if mentions:
                entities["mentions"] = mentions
            if hashtags:
                entities["hashtags"] = hashtags
            tweet["entities"] = entities
        if geo is not None:
            tweet["geo"] = geo
        return tweet

    def _created_at(self, ms: int) -> str:
        seconds = ms // 1000
        day, second = divmod(seconds, 86_400)
        if day != self.day:  # strftime once a day; the time of day is plain arithmetic
            self.day = day
            self.day_prefix = time.strftime("%Y-%m-%dT", time.gmtime(seconds))
        return f"{self.day_prefix}{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}.000Z"

    @staticmethod
    def _envelope(tweet: dict[str, Any], users: list[dict[str, str]], rules: list[dict[str, str]]) -> dict[str, Any]:
        return {"data": tweet, "includes": {"users": users}, "matching_rules": rules}

    def _emit(self, tid: str, tweet: dict[str, Any], users: list[dict[str, str]], mentioned: list[str],
              remember: bool = True) -> bytes:
        rng = self.rng
        hq = district = False
        for handle in mentioned:
            if handle in gaz.HQ_HANDLES:
                hq = True
            elif gaz.by_handle(handle) is not None:
                district = True
        rules = [_RULE_HQ] if hq else []
        if district:
            rules.append(_RULE_DISTRICT)
        rules = rules or [_RULE_KEYWORDS]
        envelope = rng.random() >= 0.2
        obj = self._envelope(tweet, users, rules) if envelope else tweet
        # Mostly raw UTF-8 as X sends it; sometimes \u escapes, which a consumer must read the same way.
        raw = (_JSON_ASCII if rng.random() < 0.1 else _JSON).encode(obj).encode()
        if remember:
            self.sent.add(_Sent(tid, raw, tweet, users, rules, envelope))
        return raw
