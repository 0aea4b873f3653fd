"""Category and urgency from lexicon evidence, with the rules of the triage specification (pure)."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from seva.events import Category, Urgency
from streams.triage.lexicon import CATEGORY_TERMS, CUE_TERMS, URGENCY_CUE_TERMS
from streams.triage.matcher import Hit, Matcher, Term, parse_entries

IST = timezone(timedelta(hours=5, minutes=30), "IST")

# The members through module globals: on Python 3.11 `Category.VIOLENCE` is a metaclass lookup and `.value` a
# descriptor call (each ~0.1 µs), and the rules read dozens per tweet. Members of a StrEnum are their values as
# strings (same hash, same text in an f-string), so they also key the evidence dicts directly.
VIOLENCE, WOMEN_SAFETY, EXAM_LEAK = Category.VIOLENCE, Category.WOMEN_SAFETY, Category.EXAM_LEAK
MISSING_PERSON, THEFT_FRAUD, TRAFFIC = Category.MISSING_PERSON, Category.THEFT_FRAUD, Category.TRAFFIC
POLICE_MISCONDUCT, NUISANCE = Category.POLICE_MISCONDUCT, Category.NUISANCE
OTHER_COMPLAINT, NOT_COMPLAINT = Category.OTHER_COMPLAINT, Category.NOT_COMPLAINT
P1, P2, P3, P4 = Urgency.P1, Urgency.P2, Urgency.P3, Urgency.P4

COMPLAINT_CATEGORIES = tuple(c for c in Category if c is not NOT_COMPLAINT)
NIGHT_RULE_CATEGORIES = frozenset({VIOLENCE, WOMEN_SAFETY, MISSING_PERSON})
BASE_URGENCY = {
    VIOLENCE: P2,
    WOMEN_SAFETY: P2,
    EXAM_LEAK: P2,
    MISSING_PERSON: P2,
    THEFT_FRAUD: P2,
    TRAFFIC: P3,
    POLICE_MISCONDUCT: P3,
    NUISANCE: P3,
    OTHER_COMPLAINT: P3,
    NOT_COMPLAINT: P4,
}
# Abduction of a woman or girl is women_safety; of anyone else, violence.
ABDUCTION_WORDS = frozenset({"kidnap", "abduct", "agwa", "apahar", "utha le gaye", "utha liya", "uthwa",
                             "अपहरण", "अगवा", "उठा ले गए"})
# Category weight below which the evidence is too thin to call a tweet a complaint of that kind.
MIN_CATEGORY_SCORE = 1.5
# Words in a message to the police beyond which, absent praise, news or greetings, it is a request.
SUBSTANTIVE_TOKENS = 8
HARM_CATEGORIES = (VIOLENCE, WOMEN_SAFETY, MISSING_PERSON, THEFT_FRAUD, EXAM_LEAK, POLICE_MISCONDUCT)
CONTEXT_CATEGORIES = frozenset({NUISANCE, OTHER_COMPLAINT, TRAFFIC})
PRAISE_EMOJI = frozenset("👏🫡💐👍🙌❤")
PRAISE_EMOJI_WEIGHT = 1.5

# The category and cue lexicons, parsed; triage matches them in one pass together with the places. Urgency-only
# terms are tagged "urg:<cue>": they add to the cue the rules read, but their tag is no feature of the model.
EVIDENCE_LEXICON: tuple[Term, ...] = (
    *(t for tag, spec in CATEGORY_TERMS.items() for t in parse_entries(tag, spec)),
    *(t for tag, spec in CUE_TERMS.items() for t in parse_entries("cue:" + tag, spec)),
    *(t for tag, spec in URGENCY_CUE_TERMS.items() for t in parse_entries("urg:" + tag, spec)),
)
_EVIDENCE_TAGS = frozenset(t.tag for t in EVIDENCE_LEXICON)
_CUE_NAMES = {t.tag: t.tag[4:] for t in EVIDENCE_LEXICON if t.tag.startswith(("cue:", "urg:"))}
# Every cue at 0.0, copied per tweet: the rules read a dozen cues, most absent, and a key already there is read
# faster than a defaultdict's missing one (which calls the factory and inserts it).
_NO_CUES: defaultdict[str, float] = defaultdict(float, dict.fromkeys(_CUE_NAMES.values(), 0.0))
# Every evidence tag, with its cue name (None for a category): one lookup tells both.
_CUE_OF: dict[str, str | None] = {tag: _CUE_NAMES.get(tag) for tag in _EVIDENCE_TAGS}
_MATCHER = Matcher(EVIDENCE_LEXICON)


# The per-tweet results of this module are NamedTuples, not frozen dataclasses: as immutable, and built about twice
# as fast (a frozen dataclass sets each field through object.__setattr__).
class Evidence(NamedTuple):
    """What the lexicons found in one tweet: scores per tag and the terms behind them."""

    scores: dict[str, float]
    terms: dict[str, list[str]]
    # The cue scores again, by bare name ("female" for "cue:female"), 0.0 when absent: the rules read a dozen
    # cues per tweet, and a subscript is cheaper than a method call.
    cues: defaultdict[str, float]

    def has_term(self, tag: str, words: frozenset[str]) -> bool:
        return not words.isdisjoint(self.terms.get(tag, ()))


def gather(tokens: tuple[str, ...]) -> Evidence:
    return evidence_from(_MATCHER.find(tokens))


def evidence_from(hits: list[Hit]) -> Evidence:
    """The evidence in `hits`; hits of other lexicons (places) are ignored."""
    cue_of = _CUE_OF
    scores: dict[str, float] = {}
    terms: dict[str, list[str]] = {}
    cues = _NO_CUES.copy()
    seen: set[int] = set()
    for term, _ in hits:
        tag = term.tag
        if tag not in cue_of or term.key in seen:  # a word repeated is not more evidence
            continue
        seen.add(term.key)
        weight = term.weight
        if tag in scores:
            scores[tag] += weight
            terms[tag].append(term.written)
        else:
            scores[tag] = 0.0 + weight  # as a sum from 0.0 (a weight of -0.0 would become 0.0)
            terms[tag] = [term.written]
        cue = cue_of[tag]
        if cue is not None:
            cues[cue] += weight
    return Evidence(scores, terms, cues)


def _fmt(ev: Evidence, tag: str, limit: int = 4) -> str:
    terms = ev.terms.get(tag, [])
    if tag.startswith("cue:") and (urgency_only := ev.terms.get("urg:" + tag[4:])):
        terms = terms + urgency_only
    return ", ".join(map(repr, terms[:limit]))


class CategoryDecision(NamedTuple):
    """The rules' category, their reasons, and the structural rule (if any) that decided it."""

    category: Category
    reasons: list[str]
    rule: str | None = None  # e.g. "news", "self_harm": see RULES_OVER_MODEL in streams.triage


def decide_category(
    ev: Evidence, n_tokens: int, *, is_question: bool = False, emoji_praise: int = 0, retweet_of_police: bool = False
) -> CategoryDecision:
    found, cues = ev.scores, ev.cues
    scores: dict[Category, float] = {c: found.get(c, 0.0) for c in COMPLAINT_CATEGORIES}  # StrEnum keys
    reasons: list[str] = []
    fired: list[str] = []

    if cues["female"] >= 2 and ev.has_term(VIOLENCE, ABDUCTION_WORDS):
        scores[WOMEN_SAFETY] += 4.0
        reasons.append(f"abduction of a woman or girl ({_fmt(ev, 'cue:female', 2)}) is women_safety")
        fired.append("female_abduction")
    if cues["self_harm"] >= SELF_HARM_MIN:
        scores[VIOLENCE] += 3.0
        fired.append("self_harm")
    if cues["alone"] >= 2 and cues["strange_men"] >= 1.5:
        scores[WOMEN_SAFETY] += 3.0
        reasons.append(f"alone ({_fmt(ev, 'cue:alone', 1)}) with unknown men ({_fmt(ev, 'cue:strange_men', 2)})")
        fired.append("alone_with_men")
    # Lost (not stolen) things are a service request; "kho gaya" about a thing is not a missing person.
    if cues["lost_item"] and cues["item"] and scores[THEFT_FRAUD] < 3 and not cues["person"]:
        scores[OTHER_COMPLAINT] += 3.0
        scores[MISSING_PERSON] = 0.0
        reasons.append(f"a lost item ({_fmt(ev, 'cue:item', 2)}), not a theft")
        fired.append("lost_item")
    if scores[MISSING_PERSON] and not cues["person"] and scores[MISSING_PERSON] < 3:
        scores[MISSING_PERSON] /= 2
    # Violence by a husband or in-laws against a woman is domestic violence: women_safety.
    if scores[VIOLENCE] >= 2 and cues["domestic"] >= 1.5 and cues["female"] >= 1:
        scores[WOMEN_SAFETY] += scores[VIOLENCE] + 1
        reasons.append(f"violence by family ({_fmt(ev, 'cue:domestic', 2)}) against a woman is women_safety")
        fired.append("domestic")
    # Information about someone else's crime is a tip (other_complaint), whatever the crime.
    if cues["tip"] >= 3 and cues["in_progress"] < 3:
        scores[OTHER_COMPLAINT] = max(scores.values()) + 1
        reasons.append(f"a tip about someone else's offence ({_fmt(ev, 'cue:tip', 2)})")
        fired.append("tip")
    # Police failing to act, or acting wrongly, is the grievance even when the original matter is a crime.
    if scores[POLICE_MISCONDUCT] >= 1.5 and cues["police_actor"] >= 1:
        scores[POLICE_MISCONDUCT] += 3.0
        reasons.append(f"the grievance is the police ({_fmt(ev, 'cue:police_actor', 2)})")
        fired.append("police_grievance")

    best = max(scores, key=scores.__getitem__)
    # Drinking, noise or a crowded road are often the setting of a harm, not the complaint itself.
    if best in CONTEXT_CATEGORIES:
        harms = [c for c in HARM_CATEGORIES if scores[c] >= 2]
        if harms and "tip" not in fired:
            setting = best
            best = max(harms, key=scores.__getitem__)
            reasons.append(f"{setting} is the setting, the harm is {best}")
            fired.append("harm_over_setting")
    best_score = scores[best]

    praise = 0.0 if cues["thanks_in_advance"] else cues["praise"]
    news, greeting, spam, question = cues["news"], cues["greeting"], cues["spam"], cues["question"]
    request, first_person = cues["request"], cues["first_person"]
    urgent_now = cues["in_progress"] >= NOW_MIN or cues["self_harm"] >= SELF_HARM_MIN or going_on(cues)

    nc = NOT_COMPLAINT
    # Retweets of police accounts are advisories, not complaints.
    if retweet_of_police:
        return CategoryDecision(nc, [*reasons, "a retweet of a police account's post"], "retweet_of_police")
    praise += PRAISE_EMOJI_WEIGHT * emoji_praise
    if spam >= 3 and not urgent_now:
        return CategoryDecision(nc, [*reasons, f"spam or promotion: {_fmt(ev, 'cue:spam')}"], "spam")
    if not urgent_now:
        if praise >= 2.5 and request < 2.5:
            return CategoryDecision(nc, [*reasons, f"praise or thanks: {_fmt(ev, 'cue:praise')}"], "praise")
        if news >= 2 and request < 2 and first_person < 1:
            return CategoryDecision(nc, [*reasons, f"news or a report, not a complaint: {_fmt(ev, 'cue:news')}"],
                                    "news")
        if question >= 1.5 and is_question and request < 2 and first_person < 2 and best_score < 4:
            return CategoryDecision(nc, [*reasons, f"a question for information: {_fmt(ev, 'cue:question')}"],
                                    "question")
        if greeting >= 2.5 and best_score < 4:
            return CategoryDecision(nc, [*reasons, f"greeting: {_fmt(ev, 'cue:greeting')}"], "greeting")
    decided_by = next((r for r in fired if _rule_category(r, best) is best), None) if fired else None
    if best_score >= MIN_CATEGORY_SCORE:
        return CategoryDecision(best, [*reasons, f"{best}: {_fmt(ev, best)}"], decided_by)
    if request >= 2 or (request >= 1 and urgent_now):
        return CategoryDecision(OTHER_COMPLAINT,
                                [*reasons, f"a request for police action: {_fmt(ev, 'cue:request')}"])
    if question and best_score == 0 and request < 2:
        return CategoryDecision(nc, [*reasons, f"a question needing no police action: {_fmt(ev, 'cue:question')}"])
    if n_tokens >= SUBSTANTIVE_TOKENS and not (praise or news or greeting or spam) and (request or first_person) \
            and not is_question:
        # Written to the police at some length and not praise, news or a greeting: a request for service.
        return CategoryDecision(OTHER_COMPLAINT,
                                [*reasons, "a message to the police that names no specific offence"])
    return CategoryDecision(nc, [*reasons, "no complaint found"])


# The category each structural rule argues for (a rule decides only when its category also wins on score).
_RULE_CATEGORY = {
    "female_abduction": WOMEN_SAFETY, "self_harm": VIOLENCE, "alone_with_men": WOMEN_SAFETY,
    "lost_item": OTHER_COMPLAINT, "tip": OTHER_COMPLAINT, "domestic": WOMEN_SAFETY,
    "police_grievance": POLICE_MISCONDUCT,
}


def _rule_category(rule: str, best: Category) -> Category:
    return best if rule == "harm_over_setting" else _RULE_CATEGORY[rule]


def is_night(created_at: datetime) -> bool:
    """22:00 to 06:00 in India (created_at is UTC)."""
    hour = created_at.astimezone(IST).hour
    return hour >= 22 or hour < 6


# Below this a self-harm cue is a word ("fansi", "apni jaan") rather than a threat.
SELF_HARM_MIN = 3.0
# In-progress evidence from which an offence counts as happening now (P1).
NOW_MIN = 2.5
# A harmful act told as going on ("ongoing": "पीट रही है", "ghuse h", "are breaking") is P1 for these categories,
# unless the tweet tells of a habit or a situation of days ("habitual": "roz", "for weeks", "raha tha").
ONGOING_MIN = 3.0
DANGER_NOW_MIN = 3.0
HABIT_MIN = 2.5
ONGOING_CATEGORIES = frozenset({VIOLENCE, WOMEN_SAFETY, THEFT_FRAUD})


def going_on(cues: defaultdict[str, float]) -> bool:
    """A harmful act told as going on now, and no habit or situation of days."""
    return cues["ongoing"] >= ONGOING_MIN and cues["habitual"] < HABIT_MIN


def danger_now(cues: defaultdict[str, float]) -> bool:
    """Strong evidence of danger now: a harmful act going on, a suicide threat, or in-progress cues of 3 told by
    the writer or with a call for help. A tweet telling of it is a complaint, however it is wrapped. A lone
    "abhi" or "turant" (2.5) is too weak (it opens news, "अभी खबर आई", and thanks, "turant call kiya tha"), and
    "बचाओ" alone is as often a slogan ("#लोकतंत्र_बचाओ")."""
    return (going_on(cues) or cues["self_harm"] >= SELF_HARM_MIN
            or (cues["in_progress"] >= DANGER_NOW_MIN and (cues["first_person"] >= 1 or cues["request"] >= 1)))


# A ransom demanded means the person is held now, however many days ago they were taken.
RANSOM_WORDS = frozenset({"ransom", "firauti", "फिरौती", "for his release", "for her release", "warna laash",
                          "varna laash", "laash milegi", "वरना लाश", "लाश मिलेगी"})
# Categories whose complaint can be the setting of an offence going on now (police not coming, a noise).
OFFENCE_SETTING_CATEGORIES = frozenset({POLICE_MISCONDUCT, NUISANCE})


def past_years(text: str, created_at: datetime) -> list[str]:
    """Years named in the text before the year the tweet was written ("FIR of 2022", "2023 में"): an old case."""
    if "20" not in text and "19" not in text:
        return []
    return [y for y in _YEAR.findall(text) if int(y) < created_at.year]


_YEAR = re.compile(r"(?<![\w/.-])(?:19[89]\d|20[0-4]\d)(?!\d)")


def decide_urgency(category: Category, ev: Evidence, created_at: datetime,
                   old_years: list[str] | None = None) -> tuple[Urgency, list[str]]:
    urgency = BASE_URGENCY[category]
    found, cues = ev.scores, ev.cues
    reasons = []
    if category is NOT_COMPLAINT:
        return P4, ["not a complaint: P4"]
    in_progress = cues["in_progress"]
    now = in_progress >= NOW_MIN
    past = cues["past"] >= 3 and in_progress < 3
    if cues["self_harm"] >= SELF_HARM_MIN:
        return P1, [f"suicide or self-harm threat: {_fmt(ev, 'cue:self_harm')}"]
    if cues["suspicious_object"] >= 3:
        return P1, [f"a suspicious object in a public place: {_fmt(ev, 'cue:suspicious_object')}"]
    if cues["poison"] >= 3 and not past and not cues["death"] and cues["days_ago"] < 2 and cues["followup"] < 2.5:
        # Poison or pesticide swallowed (a suicide attempt or not): a person needing help now, unless it is over.
        return P1, [f"poison swallowed, needs help now: {_fmt(ev, 'cue:poison')}"]
    if category is TRAFFIC:
        hurt = cues["injured"] >= 2 and not cues["no_injury"]
        if (hurt or cues["danger"] >= 3) and not past:
            urgency = P1
            reasons.append(f"people hurt or in danger on the road: {_fmt(ev, 'cue:injured')}"
                           f"{' ' + _fmt(ev, 'cue:danger') if cues['danger'] else ''}")
        elif (now and (cues["danger"] or cues["injured"])) and not cues["no_injury"]:
            urgency = P1
            reasons.append(f"danger on the road now: {_fmt(ev, 'cue:in_progress')}")
        elif cues["wrong_way"] >= 3 and cues["fast_road"] >= 3 and now and not past:
            urgency = P1
            reasons.append(f"coming the wrong way on a highway now: {_fmt(ev, 'cue:wrong_way', 1)} on "
                           f"{_fmt(ev, 'cue:fast_road', 1)}, {_fmt(ev, 'cue:in_progress', 2)}")
        elif hurt or (cues["death"] >= 2 and not cues["no_injury"]):
            urgency = P2
            reasons.append(f"a victim hurt or killed, the accident is over: {_fmt(ev, 'cue:injured')}"
                           f"{_fmt(ev, 'cue:death')}")
    elif category in (VIOLENCE, WOMEN_SAFETY, THEFT_FRAUD, MISSING_PERSON, OTHER_COMPLAINT):
        threat_only = (cues["threat_only"] and category is VIOLENCE and found.get("violence", 0.0) <= 4
                       and in_progress < 3)
        online_fraud = category is THEFT_FRAUD and cues["cyber"] >= 2 and found.get("violence", 0.0) < 2
        person_found = category is MISSING_PERSON and cues["found"] >= 2
        if now and online_fraud:
            reasons.append(f"online fraud is P2 even minutes later: {_fmt(ev, 'cue:cyber', 2)}")
        elif now and person_found:
            reasons.append(f"the person is found and safe: {_fmt(ev, 'cue:found', 2)}")
        elif now and category is OTHER_COMPLAINT and cues["injured"] >= 2.5 and not past:
            urgency = P1
            reasons.append(f"injured, needs help now: {_fmt(ev, 'cue:injured')}")
        elif now and category is OTHER_COMPLAINT:
            urgency = P2
            reasons.append(f"needs action today: {_fmt(ev, 'cue:in_progress')}")
        elif now and not threat_only and not past:
            urgency = P1
            reasons.append(f"happening now: {_fmt(ev, 'cue:in_progress')}")
        elif category in ONGOING_CATEGORIES and not online_fraud and not threat_only and not past and going_on(cues):
            urgency = P1
            reasons.append(f"an offence going on now: {_fmt(ev, 'urg:ongoing')}")
        elif category is MISSING_PERSON and not cues["found"] and cues["days_ago"] < 2 and not past \
                and cues["peril"] >= 3 and cues["death"] < 2:
            urgency = P1
            reasons.append(f"a missing person in danger now: {_fmt(ev, 'cue:peril')}")
        elif category in (VIOLENCE, WOMEN_SAFETY, MISSING_PERSON) and cues["abduction"] >= 3 \
                and cues["followup"] < 2.5 and (cues["days_ago"] < 2 or ev.has_term("cue:abduction", RANSOM_WORDS)):
            urgency = P1
            reasons.append(f"a person abducted and held: {_fmt(ev, 'cue:abduction')}")
        elif category in (VIOLENCE, WOMEN_SAFETY, MISSING_PERSON) and cues["lured"] >= 3 and cues["followup"] < 2.5 \
                and cues["days_ago"] < 2 and not past and (cues["recent"] >= 2 or in_progress >= 1):
            urgency = P1
            reasons.append(f"lured away within the last hours: {_fmt(ev, 'cue:lured', 1)}, "
                           f"{_fmt(ev, 'cue:recent', 1) or _fmt(ev, 'cue:in_progress', 1)}")
        elif category is VIOLENCE and cues["injured"] >= 3 and in_progress >= 1 and not past:
            urgency = P1
            reasons.append(f"injured, needs help now: {_fmt(ev, 'cue:injured')}")
    elif category in OFFENCE_SETTING_CATEGORIES and (now or going_on(cues)) and not past \
            and (max(found.get(VIOLENCE, 0.0), found.get(THEFT_FRAUD, 0.0), found.get(WOMEN_SAFETY, 0.0)) >= 2
                 or cues["danger"] >= 3):
        # The police not coming, or the nuisance, is the grievance, but the offence or danger behind it is now.
        urgency = P1
        reasons.append(f"an offence in progress: {_fmt(ev, 'cue:in_progress') or _fmt(ev, 'urg:ongoing')}")
    if cues["followup"] >= 2.5 and urgency in (P1, P2) and in_progress < NOW_MIN:
        urgency = P3
        reasons.append(f"a follow-up of an older case: {_fmt(ev, 'cue:followup')}")
    elif old_years and urgency in (P1, P2) and in_progress < NOW_MIN:
        urgency = P3
        reasons.append(f"a follow-up of an older case: names {', '.join(old_years[:2])}")
    if not reasons:
        reasons.append(f"{category} is {urgency} by default")
    if category in NIGHT_RULE_CATEGORIES and is_night(created_at) and urgency is not urgency.raised():
        raised = urgency.raised()
        reasons.append(
            f"night rule: created {created_at.astimezone(IST):%H:%M} IST, {urgency}->{raised}"
        )
        urgency = raised
    return urgency, reasons
