"""The gazetteer: UP's 75 districts with Latin and Devanagari names, police X handles, range and zone.

Pure data and exact lookups only. Resolving a place from free text (a tweet, a profile location) is the
triage stage's job; this module gives it the vocabulary. Every alias here belongs to exactly one district:
a name that two districts share (Akbarpur is the seat of both Ambedkar Nagar and Kanpur Dehat; Lalganj,
Nawabganj, Naugarh, Shahganj, Tanda… exist in several) is left out rather than guessed.

`aliases` and `aliases_hi` start with the district's own display name, so a matcher needs only them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

UNKNOWN = "unknown"

# The accounts citizens tag for any district: UP Police HQ and the DGP's office.
HQ_HANDLES: tuple[str, ...] = ("uppolice", "dgpup")

# UP Police's 8 zones (an ADG each), by slug.
ZONES: Mapping[str, str] = MappingProxyType({
    "agra": "Agra",
    "bareilly": "Bareilly",
    "gorakhpur": "Gorakhpur",
    "kanpur": "Kanpur",
    "lucknow": "Lucknow",
    "meerut": "Meerut",
    "prayagraj": "Prayagraj",
    "varanasi": "Varanasi",
})

# The 18 ranges (an IG/DIG each) follow the 18 revenue divisions; each belongs to one zone.
RANGES: Mapping[str, str] = MappingProxyType({
    "agra": "Agra",
    "aligarh": "Aligarh",
    "ayodhya": "Ayodhya",
    "azamgarh": "Azamgarh",
    "bareilly": "Bareilly",
    "basti": "Basti",
    "chitrakoot_dham": "Chitrakoot Dham (Banda)",
    "devipatan": "Devipatan (Gonda)",
    "gorakhpur": "Gorakhpur",
    "jhansi": "Jhansi",
    "kanpur": "Kanpur",
    "lucknow": "Lucknow",
    "meerut": "Meerut",
    "mirzapur": "Mirzapur",
    "moradabad": "Moradabad",
    "prayagraj": "Prayagraj",
    "saharanpur": "Saharanpur",
    "varanasi": "Varanasi",
})

RANGE_ZONE: Mapping[str, str] = MappingProxyType({
    "agra": "agra",
    "aligarh": "agra",
    "bareilly": "bareilly",
    "moradabad": "bareilly",
    "gorakhpur": "gorakhpur",
    "basti": "gorakhpur",
    "devipatan": "gorakhpur",
    "kanpur": "kanpur",
    "jhansi": "kanpur",
    "lucknow": "lucknow",
    "ayodhya": "lucknow",
    "meerut": "meerut",
    "saharanpur": "meerut",
    "prayagraj": "prayagraj",
    "chitrakoot_dham": "prayagraj",
    "varanasi": "varanasi",
    "mirzapur": "varanasi",
    "azamgarh": "varanasi",
})


@dataclass(frozen=True)
class District:
    """One of UP's 75 districts as Seva routes to it."""

    slug: str
    name: str
    name_hi: str
    aliases: tuple[str, ...]  # Latin script: the name first, then spellings, old names, towns, localities
    aliases_hi: tuple[str, ...]  # Devanagari: the name first, then variants, old names, towns
    handles: tuple[str, ...]  # lowercase X usernames of the district's police, without "@"
    range: str  # a key of RANGES
    zone: str  # a key of ZONES


def _d(slug: str, name: str, name_hi: str, range_: str, aliases: str, aliases_hi: str, handles: str) -> District:
    # "|"-separated strings keep each district's row short enough to review against a map.
    return District(
        slug=slug,
        name=name,
        name_hi=name_hi,
        aliases=(name, *(a for a in aliases.split("|") if a)),
        aliases_hi=(name_hi, *(a for a in aliases_hi.split("|") if a)),
        handles=tuple(handles.split("|")),
        range=range_,
        zone=RANGE_ZONE[range_],
    )


# X usernames are at most 15 characters, so long district names use the abbreviations their police use
# (kanpurnagarpol, muzafarnagarpol…) and the ssp/sp pattern is given only where it fits.
DISTRICTS: tuple[District, ...] = (
    _d("agra", "Agra", "आगरा", "agra",
       "Taj Ganj|Tajganj|Fatehpur Sikri|Kheragarh|Etmadpur|Kirawali|Achhnera|Dayalbagh|Lohamandi|Hari Parvat",
       "ताजगंज|फतेहपुर सीकरी|खेरागढ़|एत्मादपुर|किरावली|अछनेरा|दयालबाग|लोहामंडी",
       "agrapolice"),
    _d("aligarh", "Aligarh", "अलीगढ़", "aligarh",
       "Koil|Atrauli|Iglas|Gabhana|Harduaganj|Jattari",
       "अतरौली|इगलास|गभाना|हरदुआगंज",
       "aligarhpolice|sspaligarh"),
    _d("ambedkar_nagar", "Ambedkar Nagar", "अम्बेडकर नगर", "ayodhya",
       "Ambedkarnagar|Kichhauchha|Baskhari|Jahangirganj|Bhiti",
       "अंबेडकर नगर|अम्बेडकरनगर|किछौछा|बसखारी|जहांगीरगंज",
       "ambnagarpolice|spambedkarnagar"),
    _d("amethi", "Amethi", "अमेठी", "ayodhya",
       "Gauriganj|Musafirkhana|Tiloi|Jais|Chhatrapati Shahuji Maharaj Nagar|Shahuji Maharaj Nagar",
       "गौरीगंज|मुसाफिरखाना|तिलोई|जायस",
       "amethipolice|spamethi"),
    _d("amroha", "Amroha", "अमरोहा", "moradabad",
       "Jyotiba Phule Nagar|Gajraula|Hasanpur|Dhanaura|Naugawan Sadat",
       "ज्योतिबा फुले नगर|गजरौला|हसनपुर|धनौरा",
       "amrohapolice|spamroha"),
    _d("auraiya", "Auraiya", "औरैया", "kanpur",
       "Bidhuna|Dibiyapur|Achalda|Ajitmal|Phaphund",
       "बिधूना|दिबियापुर|अछल्दा|अजीतमल",
       "auraiyapolice|spauraiya"),
    _d("ayodhya", "Ayodhya", "अयोध्या", "ayodhya",
       "Faizabad|Fyzabad|Ayodhya Dham|Rudauli|Milkipur|Bikapur|Sohawal",
       "फैजाबाद|फ़ैज़ाबाद|अयोध्या धाम|रुदौली|मिल्कीपुर|बीकापुर|सोहावल",
       "ayodhya_police|sspayodhya"),
    _d("azamgarh", "Azamgarh", "आज़मगढ़", "azamgarh",
       "Azamgadh|Mubarakpur|Sagri|Mehnagar|Atraulia|Sarai Mir",
       "आजमगढ़|मुबारकपुर|सगड़ी|मेहनगर|अतरौलिया|सरायमीर",
       "azamgarhpolice|spazamgarh"),
    _d("baghpat", "Baghpat", "बागपत", "meerut",
       "Bagpat|Baraut|Khekra|Chhaprauli|Binauli",
       "बड़ौत|खेकड़ा|छपरौली|बिनौली",
       "baghpatpolice|spbaghpat"),
    _d("bahraich", "Bahraich", "बहराइच", "devipatan",
       "Nanpara|Kaiserganj|Mahsi|Payagpur|Mihinpurwa|Rupaidiha",
       "नानपारा|कैसरगंज|महसी|पयागपुर|रुपईडीहा",
       "bahraichpolice|spbahraich"),
    _d("ballia", "Ballia", "बलिया", "azamgarh",
       "Rasra|Bansdih|Belthara Road|Bairia|Sahatwar",
       "रसड़ा|बांसडीह|बेल्थरा रोड|बैरिया",
       "balliapolice|spballia"),
    _d("balrampur", "Balrampur", "बलरामपुर", "devipatan",
       "Tulsipur|Utraula|Pachpedwa|Gainsari",
       "तुलसीपुर|उतरौला|पचपेड़वा",
       "balrampurpolice|spbalrampur"),
    _d("banda", "Banda", "बाँदा", "chitrakoot_dham",
       "Atarra|Baberu|Naraini|Tindwari|Kalinjar",
       "बांदा|अतर्रा|बबेरू|नरैनी|कालिंजर",
       "bandapolice|spbanda"),
    _d("barabanki", "Barabanki", "बाराबंकी", "ayodhya",
       "Bara Banki|Dewa|Haidergarh|Zaidpur|Ramsanehighat|Tikait Nagar",
       "देवा|हैदरगढ़|जैदपुर|रामसनेहीघाट",
       "barabankipolice|spbarabanki"),
    _d("bareilly", "Bareilly", "बरेली", "bareilly",
       "Bareli|Bareily|Baheri|Meerganj|Izzatnagar|Bhojipura|Bareilly Cantt",
       "बहेड़ी|मीरगंज|इज्जतनगर|भोजीपुरा",
       "bareillypolice|sspbareilly"),
    _d("basti", "Basti", "बस्ती", "basti",
       "Harraiya|Rudhauli|Bhanpur|Walterganj",
       "हर्रैया|रुधौली|भानपुर",
       "bastipolice|spbasti"),
    _d("bhadohi", "Bhadohi", "भदोही", "mirzapur",
       "Sant Ravidas Nagar|Sant Ravi Das Nagar|Gyanpur|Aurai|Gopiganj",
       "संत रविदास नगर|ज्ञानपुर|औराई|गोपीगंज",
       "bhadohipolice|spbhadohi"),
    _d("bijnor", "Bijnor", "बिजनौर", "moradabad",
       "Najibabad|Dhampur|Kiratpur|Sherkot|Nehtaur|Seohara",
       "नजीबाबाद|धामपुर|किरतपुर|नहटौर",
       "bijnorpolice|spbijnor"),
    _d("budaun", "Budaun", "बदायूँ", "bareilly",
       "Badaun|Sahaswan|Bisauli|Ujhani|Dataganj|Bilsi",
       "बदायूं|सहसवान|बिसौली|उझानी|दातागंज",
       "budaunpolice|sspbudaun"),
    _d("bulandshahr", "Bulandshahr", "बुलंदशहर", "meerut",
       "Bulandshahar|Khurja|Sikandrabad|Anupshahr|Siyana|Dibai|Jahangirabad|Gulaothi",
       "खुर्जा|अनूपशहर|स्याना|डिबाई|जहांगीराबाद|गुलावठी",
       "bulandshahrpol|sspbulandshahr"),
    _d("chandauli", "Chandauli", "चंदौली", "varanasi",
       "Mughalsarai|Mughal Sarai|DDU Nagar|Pt. Deen Dayal Upadhyaya Nagar|Deen Dayal Upadhyaya Nagar|"
       "Sakaldiha|Chakia|Saiyadraja",
       "मुगलसराय|दीनदयाल उपाध्याय नगर|सकलडीहा|चकिया|सैयदराजा",
       "chandaulipolice|spchandauli"),
    _d("chitrakoot", "Chitrakoot", "चित्रकूट", "chitrakoot_dham",
       "Chitrakoot Dham|Karwi|Manikpur",
       "चित्रकूट धाम|कर्वी|मानिकपुर",
       "chitrakootpol|spchitrakoot"),
    _d("deoria", "Deoria", "देवरिया", "gorakhpur",
       "Devaria|Salempur|Barhaj|Bhatpar Rani",
       "सलेमपुर|बरहज|भाटपार रानी",
       "deoriapolice|spdeoria"),
    _d("etah", "Etah", "एटा", "aligarh",
       "Jalesar|Marhara|Awagarh",
       "जलेसर|मारहरा|अवागढ़",
       "etahpolice|spetah"),
    _d("etawah", "Etawah", "इटावा", "kanpur",
       "Itawa|Jaswantnagar|Bharthana|Saifai|Chakarnagar",
       "जसवंतनगर|भरथना|सैफई|चकरनगर",
       "etawahpolice|sspetawah"),
    _d("farrukhabad", "Farrukhabad", "फ़र्रुख़ाबाद", "kanpur",
       "Farukhabad|Fatehgarh|Kaimganj|Kampil",
       "फर्रुखाबाद|फतेहगढ़|कायमगंज|कम्पिल",
       "farrukhabadpol|spfarrukhabad"),
    _d("fatehpur", "Fatehpur", "फ़तेहपुर", "prayagraj",
       "Bindki|Khaga|Hathgaon|Asothar",
       "फतेहपुर|बिंदकी|खागा",
       "fatehpurpolice|spfatehpur"),
    _d("firozabad", "Firozabad", "फ़िरोज़ाबाद", "agra",
       "Ferozabad|Tundla|Shikohabad|Sirsaganj|Jasrana|Suhag Nagari",
       "फिरोजाबाद|टूंडला|शिकोहाबाद|सिरसागंज|जसराना",
       "firozabadpolice|sspfirozabad"),
    _d("gautam_buddh_nagar", "Gautam Buddh Nagar", "गौतम बुद्ध नगर", "meerut",
       "Gautam Budh Nagar|Gautam Buddha Nagar|GB Nagar|G.B. Nagar|Noida|Greater Noida|Greater Noida West|"
       "Noida Extension|Dadri|Jewar|Dankaur|Bisrakh|Rabupura|Knowledge Park|Pari Chowk",
       "गौतमबुद्धनगर|नोएडा|नोयडा|ग्रेटर नोएडा|दादरी|जेवर|दनकौर",
       "noidapolice|cp_noida"),
    _d("ghaziabad", "Ghaziabad", "ग़ाज़ियाबाद", "meerut",
       "Indirapuram|Vaishali|Loni|Modinagar|Muradnagar|Sahibabad|Vasundhara|Raj Nagar Extension|Khoda|"
       "Crossings Republik|Kavi Nagar|Dasna",
       "गाजियाबाद|इंदिरापुरम|वैशाली|लोनी|मोदीनगर|मुरादनगर|साहिबाबाद|वसुंधरा|राजनगर एक्सटेंशन",
       "ghaziabadpolice"),
    _d("ghazipur", "Ghazipur", "ग़ाज़ीपुर", "varanasi",
       "Zamania|Saidpur|Jakhania|Sevrai|Dildarnagar",
       "गाजीपुर|जमानिया|सैदपुर|जखनिया|दिलदारनगर",
       "ghazipurpolice|spghazipur"),
    _d("gonda", "Gonda", "गोंडा", "devipatan",
       "Colonelganj|Karnailganj|Mankapur|Tarabganj",
       "कर्नलगंज|करनैलगंज|मनकापुर|तरबगंज",
       "gondapolice|spgonda"),
    _d("gorakhpur", "Gorakhpur", "गोरखपुर", "gorakhpur",
       "Gorakhnath|Chauri Chaura|Pipraich|Campierganj|Sahjanwa|Bansgaon|Khorabar|Golghar",
       "गोरखनाथ|चौरी चौरा|पिपराइच|कैंपियरगंज|सहजनवा|बांसगांव",
       "gorakhpurpolice|sspgorakhpur"),
    _d("hamirpur", "Hamirpur", "हमीरपुर", "chitrakoot_dham",
       "Maudaha|Sumerpur|Muskara",
       "राठ|मौदहा|सुमेरपुर",
       "hamirpurpolice|sphamirpur"),
    _d("hapur", "Hapur", "हापुड़", "meerut",
       "Pilkhuwa|Garhmukteshwar|Garh Mukteshwar|Panchsheel Nagar|Babugarh|Dhaulana",
       "पिलखुवा|गढ़मुक्तेश्वर|बाबूगढ़|धौलाना",
       "hapurpolice|sphapur"),
    _d("hardoi", "Hardoi", "हरदोई", "lucknow",
       "Sandila|Bilgram|Mallawan|Sawayajpur|Pihani",
       "संडीला|बिलग्राम|मल्लावां|सवायजपुर|पिहानी",
       "hardoipolice|sphardoi"),
    _d("hathras", "Hathras", "हाथरस", "aligarh",
       "Mahamaya Nagar|Sikandra Rao|Sasni|Sadabad|Mursan",
       "महामाया नगर|सिकंदराराऊ|सासनी|सादाबाद",
       "hathraspolice|sphathras"),
    _d("jalaun", "Jalaun", "जालौन", "jhansi",
       "Orai|Kalpi|Konch|Madhogarh",
       "उरई|कालपी|कोंच|माधौगढ़",
       "jalaunpolice|spjalaun"),
    _d("jaunpur", "Jaunpur", "जौनपुर", "varanasi",
       "Machhlishahr|Mariahu|Kerakat|Mungra Badshahpur",
       "मछलीशहर|मड़ियाहूं|केराकत|मुंगरा बादशाहपुर",
       "jaunpurpolice|spjaunpur"),
    _d("jhansi", "Jhansi", "झाँसी", "jhansi",
       "Jhanshi|Mauranipur|Babina|Garautha|Samthar|Sipri Bazar",
       "झांसी|मऊरानीपुर|बबीना|गरौठा|समथर",
       "jhansipolice|sspjhansi"),
    _d("kannauj", "Kannauj", "कन्नौज", "kanpur",
       "Kanauj|Chhibramau|Tirwa|Gursahaiganj|Talgram",
       "छिबरामऊ|तिर्वा|गुरसहायगंज",
       "kannaujpolice|spkannauj"),
    _d("kanpur_dehat", "Kanpur Dehat", "कानपुर देहात", "kanpur",
       "Ramabai Nagar|Rasulabad|Derapur|Bhognipur|Pukhrayan|Jhinjhak|Rura",
       "रमाबाई नगर|माती|रसूलाबाद|डेरापुर|भोगनीपुर|पुखरायां|झींझक|रूरा",
       "kanpurdehatpol|spkanpurdehat"),
    _d("kanpur_nagar", "Kanpur Nagar", "कानपुर नगर", "kanpur",
       "Kanpur|Cawnpore|Kanpur City|Kalyanpur|Kidwai Nagar|Panki|Chakeri|Bilhaur|Ghatampur|Kakadeo|"
       "Swaroop Nagar|Barra|Armapur|Naubasta|Rawatpur|Bithoor",
       "कानपुर|कल्याणपुर|किदवई नगर|पनकी|चकेरी|बिल्हौर|घाटमपुर|काकादेव|बिठूर|नौबस्ता",
       "kanpurnagarpol"),
    _d("kasganj", "Kasganj", "कासगंज", "aligarh",
       "Kanshiram Nagar|Kanshi Ram Nagar|Soron|Patiyali|Ganjdundwara|Sahawar",
       "कांशीराम नगर|सोरों|पटियाली|गंजडुंडवारा|सहावर",
       "kasganjpolice|spkasganj"),
    _d("kaushambi", "Kaushambi", "कौशाम्बी", "prayagraj",
       "Kausambi|Manjhanpur|Sirathu|Chail|Bharwari",
       "कौशांबी|मंझनपुर|सिराथू|चायल|भरवारी",
       "kaushambipolice|spkaushambi"),
    _d("kushinagar", "Kushinagar", "कुशीनगर", "gorakhpur",
       "Kushi Nagar|Padrauna|Kasia|Kasya|Tamkuhi Raj|Khadda",
       "पडरौना|कसया|तमकुहीराज|खड्डा",
       "kushinagarpol|spkushinagar"),
    _d("lakhimpur_kheri", "Lakhimpur Kheri", "लखीमपुर खीरी", "lucknow",
       "Lakhimpur|Kheri|Gola Gokarannath|Gola Gokaran Nath|Palia Kalan|Mohammadi|Nighasan|Dudhwa|Tikunia|"
       "Dhaurahra",
       "लखीमपुर|खीरी|गोला गोकर्णनाथ|पलिया कलां|मोहम्मदी|निघासन|दुधवा|तिकुनिया",
       "kheripolice|spkheri"),
    _d("lalitpur", "Lalitpur", "ललितपुर", "jhansi",
       "Talbehat|Mehroni|Madawara|Jakhaura",
       "तालबेहट|महरौनी|मड़ावरा",
       "lalitpurpolice|splalitpur"),
    _d("lucknow", "Lucknow", "लखनऊ", "lucknow",
       "Lko|Lakhnau|Hazratganj|Gomti Nagar|Gomtinagar|Aliganj|Chinhat|Indira Nagar|Aminabad|Alambagh|"
       "Charbagh|Mahanagar|Kaiserbagh|Vikas Nagar|Jankipuram|Ashiyana|Telibagh|Vibhuti Khand|Naka Hindola|"
       "Thakurganj|Aishbagh|Hussainganj|Sushant Golf City|Malihabad|Mohanlalganj|Bakshi Ka Talab|Kakori|"
       "Gosainganj|Nigohan",
       "हज़रतगंज|हजरतगंज|गोमती नगर|अलीगंज|चिनहट|इंदिरा नगर|अमीनाबाद|आलमबाग|चारबाग|कैसरबाग|विकास नगर|"
       "जानकीपुरम|आशियाना|ठाकुरगंज|मलिहाबाद|मोहनलालगंज|बख्शी का तालाब|काकोरी",
       "lkopolice|lucknowpolice"),
    _d("maharajganj", "Maharajganj", "महराजगंज", "gorakhpur",
       "Mahrajganj|Nautanwa|Sonauli|Pharenda|Nichlaul|Siswa Bazar",
       "महाराजगंज|नौतनवा|सोनौली|फरेंदा|निचलौल",
       "maharajganjpol|spmaharajganj"),
    _d("mahoba", "Mahoba", "महोबा", "chitrakoot_dham",
       "Charkhari|Kulpahar|Panwari|Kabrai",
       "चरखारी|कुलपहाड़|पनवाड़ी|कबरई",
       "mahobapolice|spmahoba"),
    _d("mainpuri", "Mainpuri", "मैनपुरी", "agra",
       "Bhongaon|Karhal|Kishni|Kurawali|Bewar",
       "भोगांव|करहल|किशनी|कुरावली|बेवर",
       "mainpuripolice|spmainpuri"),
    _d("mathura", "Mathura", "मथुरा", "agra",
       "Vrindavan|Vrindaban|Brindavan|Govardhan|Goverdhan|Barsana|Kosi Kalan|Baldeo",
       "वृंदावन|वृन्दावन|गोवर्धन|बरसाना|कोसीकलां|बलदेव",
       "mathurapolice|sspmathura"),
    _d("mau", "Mau", "मऊ", "azamgarh",
       "Maunath Bhanjan|Mau Nath Bhanjan|Ghosi|Kopaganj|Muhammadabad Gohna|Dohrighat",
       "मऊनाथ भंजन|घोसी|कोपागंज|मुहम्मदाबाद गोहना|दोहरीघाट",
       "maupolice|spmau"),
    _d("meerut", "Meerut", "मेरठ", "meerut",
       "Merut|Sardhana|Mawana|Partapur|Kankerkhera|Lisari Gate|Daurala|Modipuram|Hastinapur|Kithore|"
       "Meerut Cantt",
       "सरधना|मवाना|परतापुर|कंकरखेड़ा|लिसाड़ी गेट|दौराला|मोदीपुरम|हस्तिनापुर|किठौर",
       "meerutpolice|sspmeerut"),
    _d("mirzapur", "Mirzapur", "मिर्ज़ापुर", "mirzapur",
       "Mirjapur|Vindhyachal|Chunar|Marihan|Ahraura|Drummondganj",
       "मिर्जापुर|विंध्याचल|चुनार|मड़िहान|अहरौरा",
       "mirzapurpolice|spmirzapur"),
    _d("moradabad", "Moradabad", "मुरादाबाद", "moradabad",
       "Muradabad|Thakurdwara|Bilari|Kanth|Kundarki|Katghar",
       "ठाकुरद्वारा|बिलारी|कांठ|कुंदरकी",
       "moradabadpolice|sspmoradabad"),
    _d("muzaffarnagar", "Muzaffarnagar", "मुज़फ़्फ़रनगर", "saharanpur",
       "Muzafarnagar|Muzaffar Nagar|Khatauli|Budhana|Jansath|Purkazi|Charthawal|Mirapur",
       "मुजफ्फरनगर|खतौली|बुढ़ाना|जानसठ|पुरकाजी|चरथावल",
       "muzafarnagarpol|sspmuzafarnagar"),
    _d("pilibhit", "Pilibhit", "पीलीभीत", "bareilly",
       "Puranpur|Bisalpur|Amaria|Kalinagar|Barkhera",
       "पूरनपुर|बीसलपुर|अमरिया|कलीनगर",
       "pilibhitpolice|sppilibhit"),
    _d("pratapgarh", "Pratapgarh", "प्रतापगढ़", "prayagraj",
       "Partapgarh|Bela Pratapgarh|Belha",
       "बेल्हा",
       "pratapgarhpol|sppratapgarh"),
    _d("prayagraj", "Prayagraj", "प्रयागराज", "prayagraj",
       "Allahabad|Ilahabad|Prayag|Naini|Jhunsi|Sangam|Handia|Meja|Karchana|Soraon|Kareli|Daraganj|Kydganj|"
       "George Town|Phaphamau|Bamrauli",
       "इलाहाबाद|प्रयाग|नैनी|झूंसी|संगम|हंडिया|मेजा|करछना|सोरांव|दारागंज|फाफामऊ",
       "prayagraj_pol|prayagrajpolice"),
    _d("raebareli", "Raebareli", "रायबरेली", "lucknow",
       "Rae Bareli|Rae Bareilly|Raebareilly|Raibareli|Rai Bareli|Unchahar|Dalmau|Bachhrawan|Harchandpur",
       "राय बरेली|ऊंचाहार|डलमऊ|बछरावां",
       "raebarelipolice|spraebareli"),
    _d("rampur", "Rampur", "रामपुर", "moradabad",
       "Milak|Kemri",
       "मिलक|स्वार",
       "rampurpolice|sprampur"),
    _d("saharanpur", "Saharanpur", "सहारनपुर", "saharanpur",
       "Deoband|Nakur|Gangoh|Sarsawa|Nanauta|Chilkana",
       "देवबंद|नकुड़|बेहट|गंगोह|सरसावा",
       "saharanpurpol|sspsaharanpur"),
    _d("sambhal", "Sambhal", "संभल", "moradabad",
       "Chandausi|Bahjoi|Gunnaur|Bhim Nagar|Asmoli",
       "चंदौसी|बहजोई|गुन्नौर|असमोली",
       "sambhalpolice|spsambhal"),
    _d("sant_kabir_nagar", "Sant Kabir Nagar", "संत कबीर नगर", "basti",
       "Sant Kabirnagar|Khalilabad|Maghar|Mehdawal|Menhdawal|Dhanghata",
       "संतकबीरनगर|खलीलाबाद|मगहर|मेंहदावल|धनघटा",
       "santkabirnagpol"),
    _d("shahjahanpur", "Shahjahanpur", "शाहजहाँपुर", "bareilly",
       "Shajahanpur|Tilhar|Powayan|Puwayan|Khutar|Nigohi",
       "शाहजहांपुर|तिलहर|पुवायां|खुटार",
       "shahjahanpurpol|spshahjahanpur"),
    _d("shamli", "Shamli", "शामली", "saharanpur",
       "Prabuddh Nagar|Prabuddha Nagar|Kairana|Thana Bhawan|Kandhla|Jhinjhana",
       "प्रबुद्ध नगर|कैराना|थानाभवन|कांधला|झिंझाना",
       "shamlipolice|spshamli"),
    _d("shravasti", "Shravasti", "श्रावस्ती", "devipatan",
       "Sravasti|Bhinga|Ikauna|Jamunaha",
       "भिनगा|इकौना|जमुनहा",
       "shravastipol|spshravasti"),
    _d("siddharthnagar", "Siddharthnagar", "सिद्धार्थनगर", "basti",
       "Siddharth Nagar|Siddhartha Nagar|Bansi|Domariyaganj|Dumariyaganj|Itwa|Shohratgarh|Kapilvastu|Barhni",
       "सिद्धार्थ नगर|बांसी|डुमरियागंज|इटवा|शोहरतगढ़|कपिलवस्तु",
       "siddharthnagpol"),
    _d("sitapur", "Sitapur", "सीतापुर", "lucknow",
       "Biswan|Misrikh|Naimisharanya|Neemsar|Mahmudabad|Laharpur|Sidhauli|Hargaon",
       "बिसवां|मिश्रिख|नैमिषारण्य|महमूदाबाद|लहरपुर|सिधौली",
       "sitapurpolice|spsitapur"),
    _d("sonbhadra", "Sonbhadra", "सोनभद्र", "mirzapur",
       "Sonebhadra|Robertsganj|Obra|Renukoot|Anpara|Dudhi|Shaktinagar|Chopan",
       "रॉबर्ट्सगंज|राबर्ट्सगंज|ओबरा|रेणुकूट|अनपरा|दुद्धी|चोपन",
       "sonbhadrapolice|spsonbhadra"),
    _d("sultanpur", "Sultanpur", "सुल्तानपुर", "ayodhya",
       "Kadipur|Lambhua|Jaisinghpur|Kurwar|Dostpur",
       "कादीपुर|लंभुआ|जयसिंहपुर",
       "sultanpurpolice|spsultanpur"),
    _d("unnao", "Unnao", "उन्नाव", "lucknow",
       "Shuklaganj|Gangaghat|Bangarmau|Hasanganj|Safipur|Bighapur|Achalganj",
       "शुक्लागंज|गंगाघाट|बांगरमऊ|हसनगंज|सफीपुर",
       "unnaopolice|spunnao"),
    _d("varanasi", "Varanasi", "वाराणसी", "varanasi",
       "Banaras|Benares|Benaras|Banares|Kashi|Varansi|Sarnath|Dashashwamedh|Bhelupur|Sigra|Lahurabir|"
       "Godowlia|Chetganj|Pindra|Rajatalab|Rohania|Manduadih",
       "बनारस|काशी|सारनाथ|दशाश्वमेध|भेलूपुर|सिगरा|लहुराबीर|गोदौलिया|चेतगंज|पिंडरा|राजातालाब",
       "varanasipolice"),
)

DISTRICT_SLUGS: frozenset[str] = frozenset(d.slug for d in DISTRICTS)

_BY_SLUG: Mapping[str, District] = MappingProxyType({d.slug: d for d in DISTRICTS})
_BY_HANDLE: Mapping[str, District] = MappingProxyType({h: d for d in DISTRICTS for h in d.handles})


def by_slug(slug: str) -> District:
    """The district with this slug; KeyError names the slug when it is not one of the 75."""
    try:
        return _BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"unknown district slug {slug!r}: expected one of the 75 in seva.districts") from None


def by_handle(handle: str) -> District | None:
    """The district whose police owns this X username ('@' and case ignored); None for HQ or others."""
    return _BY_HANDLE.get(handle.lstrip("@").lower())


def all_handles() -> tuple[str, ...]:
    """Every police handle Seva listens to: HQ first, then each district's in slug order, no repeats."""
    return tuple(dict.fromkeys((*HQ_HANDLES, *(h for d in DISTRICTS for h in d.handles))))
