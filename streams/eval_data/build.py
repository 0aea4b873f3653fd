#!/usr/bin/env python3
"""Assemble and validate the Seva hand-labelled evaluation set.

Reads hand-written source batches from ``source/*.jsonl`` (next to this file)
and writes ``dev.jsonl`` and ``test.jsonl`` deterministically, then validates
every output line and prints (and stores in README.md) the distribution.

Standard library only.  Run:  python build.py

Source line keys (one JSON object per line):
  text      tweet text exactly as posted (mentions/hashtags inline)
  cat       category label
  urg       BASE urgency (P1..P4) judged from the content alone, before the
            night rule
  district  district slug or "unknown"
  lang      "hi" | "en" | "hinglish"  (meta.language)
  hour      local IST hour (0-23) at which the tweet was posted
optional:
  loc       author's profile location ("" allowed); if absent a neutral,
            district-free location is drawn ("", "India", "Uttar Pradesh" ...)
  tags      list of coverage tags (tricky case / district-evidence kind)
  note      short reason for tricky cases (copied to meta.note)
  g         "f" to draw a female author name
  reply     true -> the tweet is a reply (conversation_id != id)
  tlang     override for the X "lang" field (e.g. "und")
  date      IST date "YYYY-MM-DD" (otherwise drawn from the date range)
"""
from __future__ import annotations

import collections
import datetime as dt
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "source")
SEED = 20250611

CATEGORIES = [
    "violence", "women_safety", "exam_leak", "missing_person", "theft_fraud",
    "traffic", "police_misconduct", "nuisance", "other_complaint", "not_complaint",
]
URGENCIES = ["P1", "P2", "P3", "P4"]
NIGHT_CATS = {"violence", "women_safety", "missing_person"}
DISTRICTS = (
    "agra aligarh ambedkar_nagar amethi amroha auraiya ayodhya azamgarh baghpat "
    "bahraich ballia balrampur banda barabanki bareilly basti bhadohi bijnor budaun "
    "bulandshahr chandauli chitrakoot deoria etah etawah farrukhabad fatehpur firozabad "
    "gautam_buddh_nagar ghaziabad ghazipur gonda gorakhpur hamirpur hapur hardoi hathras "
    "jalaun jaunpur jhansi kannauj kanpur_dehat kanpur_nagar kasganj kaushambi kushinagar "
    "lakhimpur_kheri lalitpur lucknow maharajganj mahoba mainpuri mathura mau meerut "
    "mirzapur moradabad muzaffarnagar pilibhit pratapgarh prayagraj raebareli rampur "
    "saharanpur sambhal sant_kabir_nagar shahjahanpur shamli shravasti siddharthnagar "
    "sitapur sonbhadra sultanpur unnao varanasi"
).split()
assert len(DISTRICTS) == 75
DISTRICT_SET = set(DISTRICTS) | {"unknown"}
LANGS = {"hi": "hi", "en": "en", "hinglish": "qme"}
IST = dt.timedelta(hours=5, minutes=30)
DATE_START = dt.date(2024, 8, 1)
DATE_DAYS = 365
TWITTER_EPOCH_MS = 1288834974657

MENTION_RE = re.compile(r"(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])")
HASHTAG_RE = re.compile(r"(?<![A-Za-z0-9_&])#([A-Za-z0-9_\u0900-\u097F]*[A-Za-z_\u0900-\u097F][A-Za-z0-9_\u0900-\u097F]*)")

# --- district handles (used only by the consistency checker) -----------------
KNOWN_HANDLES = {
    "noidapolice": "gautam_buddh_nagar", "lkopolice": "lucknow",
    "ghaziabadpolice": "ghaziabad", "agrapolice": "agra", "prayagraj_pol": "prayagraj",
    "varanasipolice": "varanasi", "kanpurnagarpol": "kanpur_nagar",
}
NEUTRAL_HANDLES = {
    "uppolice", "dgpup", "112uttarpradesh", "cmofficeup", "myogiadityanath",
    "wpl1090", "ncwindia", "cyberdost", "upgovt", "railwayseva", "rpf_india", "delhipolice",
}


def handle_district(username: str) -> str | None:
    u = username.lower()
    if u in KNOWN_HANDLES:
        return KNOWN_HANDLES[u]
    flat = {d.replace("_", ""): d for d in DISTRICTS}
    if u.endswith("police") and u[:-6] in flat:
        return flat[u[:-6]]
    for p in ("ssp", "sp"):
        if u.startswith(p) and u[len(p):] in flat:
            return flat[u[len(p):]]
    return None


# A small gazetteer used ONLY to warn about possible labelling slips.
GAZ = {
    "agra": ["agra", "आगरा", "taj ganj"],
    "aligarh": ["aligarh", "अलीगढ़", "अलीगढ", "amu "],
    "ayodhya": ["ayodhya", "अयोध्या", "faizabad", "फैजाबाद", "फ़ैज़ाबाद"],
    "bareilly": ["bareilly", "बरेली"],
    "gautam_buddh_nagar": ["noida", "नोएडा", "नोयडा"],
    "ghaziabad": ["ghaziabad", "गाजियाबाद", "ग़ाज़ियाबाद", "indirapuram", "इंदिरापुरम", "vaishali", "loni"],
    "gorakhpur": ["gorakhpur", "गोरखपुर"],
    "kanpur_nagar": ["kanpur", "कानपुर"],
    "lucknow": ["lucknow", "लखनऊ", "hazratganj", "हजरतगंज", "हज़रतगंज", "gomti nagar", "गोमती नगर", "charbagh", "चारबाग"],
    "meerut": ["meerut", "मेरठ"],
    "prayagraj": ["prayagraj", "प्रयागराज", "allahabad", "इलाहाबाद"],
    "varanasi": ["varanasi", "वाराणसी", "banaras", "बनारस", "kashi", "काशी"],
    "mathura": ["mathura", "मथुरा", "vrindavan", "वृंदावन"],
    "jhansi": ["jhansi", "झांसी", "झाँसी"],
    "moradabad": ["moradabad", "मुरादाबाद"],
}
OUTSIDE = ["delhi", "दिल्ली", "gurgaon", "gurugram", "गुड़गांव", "patna", "पटना", "jaipur", "जयपुर",
           "mumbai", "मुंबई", "dehradun", "faridabad", "bhopal", "kolkata", "chandigarh", "haridwar"]

# --- author pools ---------------------------------------------------------------
M_FIRST = ("Rahul Amit Sandeep Vikas Ankit Saurabh Ravi Suresh Ramesh Deepak Pankaj Manoj Arvind Ajay "
           "Vivek Shivam Abhishek Aditya Gaurav Rohit Anuj Sachin Arif Imran Salman Faizan Shahid Wasim "
           "Rizwan Irfan Dinesh Raju Sonu Monu Pintu Harsh Kuldeep Yogesh Satyam Prashant Nitin Brijesh "
           "Shailendra Rakesh Anil Sunil Ashok Mukesh Devendra Akash Himanshu Shubham Utkarsh Ritesh "
           "Naveen Sameer Tanveer Zeeshan Rajesh Mohit Lalit Hariom Omkar Dharmendra").split()
F_FIRST = ("Priya Pooja Neha Anjali Shivani Kajal Sakshi Nisha Ritu Sunita Rekha Kavita Shabana Nazia "
           "Ayesha Muskan Khushboo Preeti Swati Divya Aarti Sneha Shalini Rashmi Komal Tanya Farheen "
           "Simran Payal Archana Meenakshi Jyoti Radhika").split()
LAST = ("Yadav Singh Sharma Mishra Tiwari Pandey Shukla Verma Gupta Maurya Kushwaha Chauhan Rajput "
        "Jatav Pal Nishad Saini Tyagi Chaudhary Khan Ansari Siddiqui Qureshi Srivastava Dubey Tripathi "
        "Upadhyay Rathore Patel Kashyap Prajapati Rawat Agarwal Jaiswal Bind Sonkar Gautam Kumar "
        "Dwivedi Awasthi Bajpai Rastogi Baghel Lodhi Nagar Malik Rana").split()
# (first, last, Devanagari display name) for Hindi-writing authors
HI_NAMES_M = [("Sunil", "Kumar", "सुनील कुमार"), ("Ramprakash", "Yadav", "रामप्रकाश यादव"),
              ("Ankit", "Mishra", "अंकित मिश्रा"), ("Rajesh", "Tiwari", "राजेश तिवारी"),
              ("Manoj", "Maurya", "मनोज कुमार मौर्य"), ("Dharmendra", "Singh", "धर्मेंद्र सिंह"),
              ("Vikas", "Pandey", "विकास पाण्डेय"), ("Arvind", "Shukla", "अरविन्द शुक्ला"),
              ("Arif", "Khan", "मो. आरिफ़ खान"), ("Shivam", "Gupta", "शिवम् गुप्ता"),
              ("Brijesh", "Kushwaha", "बृजेश कुशवाहा"), ("Hariom", "Sharma", "हरिओम शर्मा"),
              ("Deepak", "Sonkar", "दीपक सोनकर"), ("Satyam", "Tripathi", "सत्यम त्रिपाठी"),
              ("Ajay", "Prajapati", "अजय प्रजापति"), ("Rampal", "Nishad", "रामपाल निषाद")]
HI_NAMES_F = [("Priya", "Singh", "प्रिया सिंह"), ("Sunita", "Devi", "सुनीता देवी"),
              ("Pooja", "Yadav", "पूजा यादव"), ("Neha", "Verma", "नेहा वर्मा"),
              ("Rekha", "Gupta", "रेखा गुप्ता"), ("Shabana", "Khatoon", "शबाना खातून"),
              ("Anjali", "Mishra", "अंजलि मिश्रा"), ("Kavita", "Pal", "कविता पाल")]
MUSLIM_FIRST = {"Arif", "Imran", "Salman", "Faizan", "Shahid", "Wasim", "Rizwan", "Irfan", "Sameer",
                "Tanveer", "Zeeshan", "Shabana", "Nazia", "Ayesha", "Farheen"}
MUSLIM_LAST = ["Khan", "Ansari", "Siddiqui", "Qureshi", "Malik", "Rizvi", "Abbasi", "Saifi"]
NEUTRAL_LOCS = ["", "", "", "", "India", "भारत", "Bharat 🇮🇳", "Uttar Pradesh, India", "उत्तर प्रदेश",
                "UP, India", "Hindustan", "Earth 🌏", "India 🇮🇳", "U.P.", "भारत 🇮🇳"]
NAME_DECOR = ["", "", "", "", "", " 🇮🇳", " (Modi Ka Parivar)", " 🚩", " ✍️", " Advocate", " 🙏"]


def make_user(rng: random.Random, female: bool, hindi: bool) -> tuple[str, str]:
    hi_name = None
    if hindi and rng.random() < 0.5:
        first, last, hi_name = rng.choice(HI_NAMES_F if female else HI_NAMES_M)
    else:
        first = rng.choice(F_FIRST if female else M_FIRST)
        last = rng.choice(MUSLIM_LAST if first in MUSLIM_FIRST
                          else [x for x in LAST if x not in MUSLIM_LAST])
    pat = rng.randrange(7)
    num = str(rng.randrange(1, 9999))
    if pat == 0:
        uname = f"{first}{last}{num}"
    elif pat == 1:
        uname = f"{first.lower()}_{last.lower()}"
    elif pat == 2:
        uname = f"i{first}{last[0]}"
    elif pat == 3:
        uname = f"{first}{last}_{rng.randrange(80, 100)}"
    elif pat == 4:
        uname = f"{last}{first}{rng.randrange(1, 99)}"
    elif pat == 5:
        uname = f"{first.lower()}{last.lower()}{num}"
    else:
        uname = f"The{first}{last}"
    uname = uname[:15]
    if hi_name:
        name = hi_name
    else:
        name = f"{first} {last}{rng.choice(NAME_DECOR)}"
    return uname, name


def snowflake(ts: dt.datetime, rng: random.Random) -> str:
    ms = int(ts.replace(tzinfo=dt.UTC).timestamp() * 1000) + rng.randrange(0, 999)
    return str(((ms - TWITTER_EPOCH_MS) << 22) | rng.getrandbits(22))


def entities(text: str) -> dict:
    ents: dict = {}
    ms = [{"start": m.start(), "end": m.end(), "username": m.group(1)} for m in MENTION_RE.finditer(text)]
    hs = [{"start": m.start(), "end": m.end(), "tag": m.group(1)} for m in HASHTAG_RE.finditer(text)]
    if ms:
        ents["mentions"] = ms
    if hs:
        ents["hashtags"] = hs
    return ents


def is_night(hour: int) -> bool:
    return hour >= 22 or hour < 6


def final_urgency(cat: str, base: str, hour: int) -> str:
    if cat in NIGHT_CATS and is_night(hour):
        return {"P3": "P2", "P2": "P1"}.get(base, base)
    return base


# --- loading -----------------------------------------------------------------
REQ = {"text", "cat", "urg", "district", "lang", "hour"}
OPT = {"loc", "tags", "note", "g", "reply", "tlang", "date"}


def load_sources(src: str = SRC) -> list[dict]:
    items = []
    errors = []
    for path in sorted(glob.glob(os.path.join(src, "*.jsonl"))):
        with open(path, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                line = line.strip()
                if not line or line.startswith("//"):
                    continue
                where = f"{os.path.relpath(path, HERE)}:{ln}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f"{where}: bad json {e}")
                    continue
                keys = set(obj)
                if not REQ <= keys:
                    errors.append(f"{where}: missing {REQ - keys}")
                    continue
                if keys - REQ - OPT:
                    errors.append(f"{where}: unknown keys {keys - REQ - OPT}")
                if obj["cat"] not in CATEGORIES:
                    errors.append(f"{where}: bad cat {obj['cat']}")
                if obj["urg"] not in URGENCIES:
                    errors.append(f"{where}: bad urg {obj['urg']}")
                if (obj["urg"] == "P4") != (obj["cat"] == "not_complaint"):
                    errors.append(f"{where}: P4 iff not_complaint violated")
                if obj["district"] not in DISTRICT_SET:
                    errors.append(f"{where}: bad district {obj['district']}")
                if obj["lang"] not in LANGS:
                    errors.append(f"{where}: bad lang {obj['lang']}")
                if not (isinstance(obj["hour"], int) and 0 <= obj["hour"] <= 23):
                    errors.append(f"{where}: bad hour {obj['hour']}")
                obj["_where"] = where
                items.append(obj)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    seen = {}
    for it in items:
        k = it["text"].strip().lower()
        if k in seen:
            print(f"duplicate text: {it['_where']} == {seen[k]}")
            sys.exit(1)
        seen[k] = it["_where"]
    return items


# --- building ----------------------------------------------------------------
def build(items: list[dict], seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    out = []
    used_ids = set()
    used_names: set[str] = set()
    for it in items:
        if "date" in it:
            day = dt.date.fromisoformat(it["date"])
        else:
            day = DATE_START + dt.timedelta(days=rng.randrange(DATE_DAYS))
        minute, second = rng.randrange(60), rng.randrange(60)
        local = dt.datetime(day.year, day.month, day.day, it["hour"], minute, second)
        utc = local - IST
        tid = snowflake(utc, rng)
        while tid in used_ids:
            tid = snowflake(utc, rng)
        used_ids.add(tid)
        conv = tid
        refs = None
        if it.get("reply"):
            parent_time = utc - dt.timedelta(minutes=rng.randrange(3, 600))
            conv = snowflake(parent_time, rng)
            refs = [{"type": "replied_to", "id": conv}]
        elif it["text"].startswith("RT @"):
            refs = [{"type": "retweeted", "id": snowflake(utc - dt.timedelta(hours=rng.randrange(1, 30)), rng)}]
        female = it.get("g") == "f"
        uname, name = make_user(rng, female, it["lang"] == "hi")
        while uname.lower() in used_names:
            uname = (uname[:11] + str(rng.randrange(10, 9999)))[:15]
        used_names.add(uname.lower())
        # account age: older accounts have short numeric ids
        author_id = str(rng.choice([rng.randrange(10**8, 10**10), rng.randrange(10**17, 2 * 10**18),
                                    rng.randrange(10**18, 19 * 10**17)]))
        loc = it["loc"] if "loc" in it else rng.choice(NEUTRAL_LOCS)
        tweet = {
            "id": tid,
            "text": it["text"],
            "created_at": utc.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "author_id": author_id,
            "conversation_id": conv,
            "lang": it.get("tlang", LANGS[it["lang"]]),
            "entities": entities(it["text"]),
        }
        if refs:
            tweet["referenced_tweets"] = refs
        meta = {"language": it["lang"]}
        if it.get("note"):
            meta["note"] = it["note"]
        if it.get("tags"):
            meta["tags"] = it["tags"]
        out.append({
            "tweet": tweet,
            "includes": {"users": [{"id": author_id, "username": uname, "name": name, "location": loc}]},
            "label": {"category": it["cat"], "urgency": final_urgency(it["cat"], it["urg"], it["hour"]),
                      "district": it["district"]},
            "meta": meta,
            "_src": it,
        })
    return out


def split(recs: list[dict]) -> tuple[list[dict], list[dict]]:
    """Stratified random split: stratum = first coverage tag, else (category, language).

    Inside each stratum records are shuffled and dealt alternately, so every
    tricky-case tag with >= 2 examples lands in both splits and every category
    is balanced; the starting side alternates globally to keep sizes ~equal.
    """
    rng = random.Random(SEED + 1)
    strata = collections.defaultdict(list)
    for r in recs:
        tags = r["_src"].get("tags") or []
        key = ("tag", tags[0]) if tags else ("cl", r["label"]["category"], r["_src"]["lang"])
        strata[key].append(r)
    dev, test = [], []
    turn = 0
    for key in sorted(strata):
        group = strata[key][:]
        rng.shuffle(group)
        for r in group:
            (dev if turn % 2 == 0 else test).append(r)
            turn += 1
        if rng.random() < 0.5:
            turn += 1
    if abs(len(dev) - len(test)) > 10:
        raise SystemExit(f"unbalanced split {len(dev)}/{len(test)}")
    key = lambda r: r["tweet"]["created_at"]
    return sorted(dev, key=key), sorted(test, key=key)


# --- validation ----------------------------------------------------------------
def validate(recs: list[dict], warn: list[str]) -> None:
    ids = set()
    for r in recs:
        t, lab, src = r["tweet"], r["label"], r["_src"]
        w = src["_where"]
        assert re.fullmatch(r"\d{19}", t["id"]), (w, t["id"])
        assert t["id"] not in ids, w
        ids.add(t["id"])
        assert re.fullmatch(r"\d{19}", t["conversation_id"]), w
        assert (t["conversation_id"] != t["id"]) == bool(src.get("reply")), w
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z", t["created_at"]), w
        assert lab["category"] in CATEGORIES and lab["urgency"] in URGENCIES, w
        assert lab["district"] in DISTRICT_SET, w
        assert (lab["urgency"] == "P4") == (lab["category"] == "not_complaint"), w
        assert t["lang"] in {"hi", "en", "qme", "und"}, w
        assert r["includes"]["users"][0]["id"] == t["author_id"], w
        # night rule re-derived from created_at
        utc = dt.datetime.strptime(t["created_at"], "%Y-%m-%dT%H:%M:%S.000Z")
        ist = utc + IST
        assert ist.hour == src["hour"], w
        assert lab["urgency"] == final_urgency(lab["category"], src["urg"], ist.hour), w
        # entities
        text = t["text"]
        ms = t["entities"].get("mentions", [])
        for m in ms:
            assert text[m["start"]:m["end"]] == "@" + m["username"], (w, m)
            assert 1 <= len(m["username"]) <= 15
        raw_at = len(re.findall(r"(?<![A-Za-z0-9_])@[A-Za-z0-9_]+", text))
        if raw_at != len(ms):
            warn.append(f"{w}: {raw_at} @handles in text but {len(ms)} mention entities")
        for h in t["entities"].get("hashtags", []):
            assert text[h["start"]:h["end"]] == "#" + h["tag"], (w, h)
        if len(text) > 280:
            warn.append(f"{w}: text is {len(text)} chars (>280)")
        # consistency heuristics (warnings only)
        low = MENTION_RE.sub(" ", text).lower()
        hd = {handle_district(m["username"]) for m in ms} - {None}
        unknown_handles = [m["username"] for m in ms
                           if handle_district(m["username"]) is None and m["username"].lower() not in NEUTRAL_HANDLES]
        for uh in unknown_handles:
            warn.append(f"{w}: unrecognised handle @{uh}")
        hits = {d for d, names in GAZ.items()
                if any(re.search(r"(?<![a-z])" + re.escape(n) + r"(?![a-z])", low) if n.isascii() else n in low
                       for n in names)}
        outside = any(o in low for o in OUTSIDE)
        d = lab["district"]
        if d != "unknown" and hits and d not in hits and not src.get("note"):
            warn.append(f"{w}: text names {sorted(hits)} but label {d}")
        if d == "unknown" and (hits or hd) and not outside:
            warn.append(f"{w}: unknown but text/handle suggests {sorted(hits | hd)}")
        if d != "unknown" and not hits and hd and d not in hd and not src.get("note"):
            warn.append(f"{w}: handle says {sorted(hd)} but label {d}")
    json.loads(json.dumps(recs[0]["tweet"]))


def dump(path: str, recs: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in recs:
            obj = {k: r[k] for k in ("tweet", "includes", "label", "meta")}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    # round-trip check of the written file
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            json.loads(line)


# --- stats -----------------------------------------------------------------------
def table(recs: list[dict]) -> str:
    cnt = collections.Counter((r["label"]["category"], r["label"]["urgency"]) for r in recs)
    lines = ["| category | P1 | P2 | P3 | P4 | total |", "|---|---|---|---|---|---|"]
    for c in CATEGORIES:
        row = [cnt[(c, u)] for u in URGENCIES]
        lines.append(f"| {c} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(cnt[(c, u)] for c in CATEGORIES) for u in URGENCIES]
    lines.append("| **total** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
    return "\n".join(lines)


def stats(name: str, recs: list[dict]) -> str:
    n = len(recs)
    langs = collections.Counter(r["meta"]["language"] for r in recs)
    xl = collections.Counter(r["tweet"]["lang"] for r in recs)
    night = sum(is_night(r["_src"]["hour"]) for r in recs)
    bumped = sum(r["label"]["urgency"] != r["_src"]["urg"] for r in recs)
    dists = collections.Counter(r["label"]["district"] for r in recs)
    tags = collections.Counter(t for r in recs for t in r["_src"].get("tags", []))
    replies = sum(bool(r["_src"].get("reply")) for r in recs)
    out = [f"### {name} ({n} tweets)", "", table(recs), ""]
    out.append("- languages (meta.language): " + ", ".join(f"{k} {v} ({100*v/n:.0f}%)" for k, v in sorted(langs.items())))
    out.append("- X `lang` field: " + ", ".join(f"{k} {v}" for k, v in sorted(xl.items())))
    out.append(f"- created at night IST (22:00-05:59): {night} ({100*night/n:.1f}%); "
               f"labels raised by the night rule: {bumped}")
    out.append(f"- replies: {replies}")
    out.append(f"- districts: {len(dists) - (1 if 'unknown' in dists else 0)} distinct slugs + "
               f"unknown {dists.get('unknown', 0)}")
    out.append("- per district: " + ", ".join(f"{k} {v}" for k, v in sorted(dists.items())))
    out.append("- coverage tags: " + ", ".join(f"{k} {v}" for k, v in sorted(tags.items())))
    return "\n".join(out)


def main() -> None:
    items = load_sources()
    recs = build(items)
    warn: list[str] = []
    validate(recs, warn)
    dev, test = split(recs)
    # every tag with >=2 examples must be present in both splits
    for tag in {t for r in recs for t in r["_src"].get("tags", [])}:
        dn = sum(tag in r["_src"].get("tags", []) for r in dev)
        tn = sum(tag in r["_src"].get("tags", []) for r in test)
        if (dn == 0 or tn == 0) and dn + tn >= 2:
            warn.append(f"tag {tag} only in one split (dev {dn}, test {tn})")
    dump(os.path.join(HERE, "dev.jsonl"), dev)
    dump(os.path.join(HERE, "test.jsonl"), test)
    sections = [stats("all", recs), stats("dev", dev), stats("test", test)]
    # Two further sets, written later by other annotators and never split: train.jsonl (training only) and
    # independent.jsonl (a second held-out set, written from the specification alone). Each source tree gets
    # its own seed; a text in two sets would leak, so texts must be unique across all of them.
    texts = {r["tweet"]["text"].strip().lower(): r["_src"]["_where"] for r in recs}
    ids = {r["tweet"]["id"] for r in recs}
    for offset, name in ((1, "train"), (2, "independent")):
        src = os.path.join(HERE, f"{name}_source")
        if not os.path.isdir(src):
            continue
        extra = build(load_sources(src), SEED + offset)
        validate(extra, warn)
        for r in extra:
            key = r["tweet"]["text"].strip().lower()
            if key in texts:
                print(f"duplicate text across sets: {r['_src']['_where']} == {texts[key]}")
                sys.exit(1)
            texts[key] = r["_src"]["_where"]
            if r["tweet"]["id"] in ids:
                print(f"duplicate id across sets: {r['_src']['_where']}")
                sys.exit(1)
            ids.add(r["tweet"]["id"])
        dump(os.path.join(HERE, f"{name}.jsonl"), extra)
        sections.append(stats(name, extra))
    report = "\n\n".join(sections)
    print(report)
    if warn:
        print(f"\n{len(warn)} warnings:")
        print("\n".join(warn))
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        with open(readme, encoding="utf-8") as fh:
            txt = fh.read()
        a, b = "<!-- STATS:BEGIN -->", "<!-- STATS:END -->"
        if a in txt and b in txt:
            txt = txt[: txt.index(a) + len(a)] + "\n" + report + "\n" + txt[txt.index(b):]
            with open(readme, "w", encoding="utf-8") as fh:
                fh.write(txt)


if __name__ == "__main__":
    main()
