"""The triage lexicons: words and phrases in English, Hinglish and Hindi (Devanagari) for each category and cue.

Entries are written as people write them; `normalize.fold_token` folds both sides, so one spelling covers
many variants. `word*` matches any word starting with it, `phrase=2` weighs an entry twice. Category lists
hold evidence of what happened; cue lists hold evidence of how (in progress, a request, news, praise…).
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------- categories

CATEGORY_TERMS: dict[str, str] = {
    "violence": """
        मार रहे=3; मार रहा=3; पीट रहा=3; fired at=3; opened fire=3; pulled out a gun=3; pulled a gun=3;
        road rage=2.5; kidnappers=3; kidnapped=3
        beat up=2.5; beaten up=2.5; roughed up=2.5; broke his=2; broke her=2; broken=1; nose=1; gunshot*=2.5; shots=2;
        shot=2; axe=2; hockey=1.5; sharp weapon=2.5; attacked with=3; vaar=2; var kiya=2.5; hamla kiya=2.5;
        kulhadi=2.5; hathiyar=2; dharadar=2.5; ghera=1.5; gher ke=2; ghar me ghus ke=2; goonda tax=3;
        protection money=3;
        demanding money=1.5; ransom=3; paise do tab=3; tab chhodenge=3; chhodenge=1.5; uthwa lenge=3; utha lenge=3;
        utha ke le=2.5; uthakar=2.5; kidnap*=2.5; pulled into=2.5; dragged into=2.5; bundled into=2.5; shouting=1;
        going to kill=3; kill him=3; kill me=3; jaan se maar=3; jaan se marne=3; maar denge=3; mar denge=3;
        maar dalenge=3; goli maar=3; talwar=2; stabbed=3; mob=2; crowd beating=3; bheed=1.5; lynch*=3;
        end his life=3; end her life=3; kill himself=3; kill herself=3; hang himself=3; hang herself=3;
        fansi lagane=3; fanda=2; kerosene=2.5; petrol dal=2.5; aag laga=2.5; self immolat*=3; jump from=2.5;
        वार=2; कुल्हाड़ी=2.5; हथियार=2; धारदार=2.5; घेर=1.5; पीटा=2.5; पीट रही=3; पीट रहे=3; मारा=2.5; चाकू मार=3;
        गोली मार=3; गोली चल=3; मार देंगे=3; जान से मार=3; मार डालेंगे=3; फिरौती=3; उठा लेंगे=3; उठाकर=2.5;
        फांसी लगाने=3; केरोसिन=2.5; आग लगा=2.5; भीड़=1.5; चीख=1.5;
        assault*; attack*; beat; beating; beaten; bashed; thrash*; fight; fighting; fought; brawl; clash*;
        hit me; hitting; punch*; slap*; stab*; knife; knives; sword; gun; guns; gunshot*; shot at; shoot*;
        firing=2; fired; open fire; pistol; revolver; rifle; bullet*; bomb; weapon*; murder*=2; kill*; dead body;
        threat*; threaten*; death threat=2; life threat=2; kidnap*=2; abduct*=2; hostage; mob; lynch*; riot*;
        stone pelting; extortion=2; extort*; ransom=2; goons; goonda*; bully; bullies; rowdy; dabang*; injur*;
        suicide=3; kill myself=3; end my life=3; end my life=3; take my life=3; self harm=3; hang myself=3;
        jump off=2; poison*; acid attack=3; set on fire; burnt alive; burn*; broke his; broken head;
        maar; mar; mara; mari; maro; marte; marne; maarpeet=2; marpit=2; marpeet=2; mar pit=2; peet*; pit rahe;
        pitai=2; pitayi=2; hamla=2; hamle; jhagda; jhagra; jhagde; ladai; larai; danga; goli=2;
        goliyan; tamancha=2; chaku=2; chhura; talwar; lathi; lathiyan; danda; dande; rod se;
        dhamki=2; dhamkiya*; dhamka*; jaan se; jaan ka khatra=2; jan ka khatra=2; khatra hai; hatya=2; qatl;
        katl; agwa*=2; apahar*=2; utha le gaye; utha liya; uthwa; rangdari=2; hafta vasuli=2; fansi; fasi;
        khudkushi=3; khudkhushi=3; atmahatya=3; jaan de dunga=3; jaan de dungi=3; mar jaunga=2; mar jaungi=2;
        zeher; jahar; sir phod*; sar phod*; lahuluhan; ghayal; khoon; khun; dabangon; dabango; gundo; gunde;
        goondo; badmash*=1.5;
        मार; मारा; मारी; मारो; मारने; मारते; मारपीट=2; पीट*; पिटाई=2; हमला=2; हमले; झगड़ा; झगड़े; लड़ाई; दंगा;
        गोली=2; गोलियां; फायरिंग=2; फायर; तमंचा=2; कट्टा=2; चाकू=2; छुरा; तलवार; लाठी; डंडा; डंडे; धमकी=2;
        धमका*; जान से; जान का खतरा=2; खतरा; हत्या=2; कत्ल; अपहरण=2; अगवा=2; उठा ले गए; रंगदारी=2; फिरौती=2;
        वसूली; आत्महत्या=3; खुदकुशी=3; जान दे दूंगा=3; जान दे दूंगी=3; फांसी; जहर; सिर फोड़; लहूलुहान; घायल;
        खून; दबंग*; गुंडे; गुंडों; बदमाश*=1.5; भीड़; जिंदा जला;
        jhadap=2.5; jhadp=2.5; jhagda ho=2; marpeet ki=2.5; maarpeet ki=2.5; lathi dande=2.5; lathi danda=2.5;
        sar phoda=3
        desi katta=3; katta=2; aslaha=2; asleha=2; bandook=2; banduk=2; dunali=2.5; pathrav=3; pathraav=3; bawal=1.5;
        bavaal=1.5
        maarne aa rahe=3; marne aa rahe=3; maarne aaye=3; maarne ki dhamki=3; marne ki dhamki=3; jaan se marne ki=3
        warna maar=3; varna maar=3; nahi diye to=2; nahi diya to=2; extortion call=3; pay or=1.5; hafta=2; hafta mang=3
        mob lynching=3; attacked us=3; attacked me=3; assaulted=3; beat him up=3; beat me up=3; beaten badly=3
        chaku maar=3; chaku se=2.5; stabbing=3; gunpoint=1.5; shot dead=3; gun point=1.5; opened firing=3
        celebratory firing=3; harsh firing=3; harsh fire=3; fired in the air=3; hawai fire=3; hawai firing=3
        jeena nahi chahta=3; jeena nahi chahti=3; marne ja raha=3; marne ja rahi=3; zindagi khatam=3; nas kaat=3
        poison kha=3; zeher kha=3; jahar kha=3; chhat se kood=3; pul se kood=3; nadi me kood=3; train ke aage=3
        cut my wrist=3; slit my=3; on the ledge=3; ledge=2; suicide note=3; end it all=3; jump off=3; jumping off=3
        झड़प=2.5; मारपीट की=2.5; लाठी डंडे=2.5; लाठी-डंडों=2.5; सिर फोड़=3; देसी कट्टा=3; असलहा=2; असलहे=2; बंदूक=2
        दुनाली=2.5; पथराव=3; बवाल=1.5; मारने आ रहे=3; मारने आए=3; मारने की धमकी=3; वरना मार=3; वरना जान=3
        हफ्ता=2; हफ्ता वसूली=3; गोलीबारी=3; चाकू से=2.5; चाकूबाजी=3; हवाई फायरिंग=3; हर्ष फायरिंग=3
        जीना नहीं चाहता=3; जीना नहीं चाहती=3; मरने जा रहा=3; मरने जा रही=3; जिंदगी खत्म=3; नस काट=3; जहर खा=3
        छत से कूद=3; पुल से कूद=3; नदी में कूद=3; ट्रेन के आगे=3; सुसाइड=3; सुसाइड नोट=3; बंधक=3; बंधक बना=3;
        kood jayega=3; kood jayegi=3; कूद जाएगा=3; कूद जाएगी=3; गंगा में कूद=3
    """,
    "women_safety": """
        touching me=3; touch me=3; touched=2; touching=2; groping=3; lewd comment*=3; passing comment*=3;
        stare at me=2; staring=1.5; stares=1.5; follows me=3; followed me=3; following me=3; follow me=1.5;
        following girls=3; following school girls=3; following my=2.5; pull my dupatta=3; dupatta=2.5;
        photos viral=3; photo viral=3; viral kar dunga=3; viral karunga=3; viral kar dega=3; private photo*=3;
        edit karke=2; morph*=3; nude=3; obscene call*=3; vulgar call*=3; dirty call*=3; wrong intention=2;
        galat tarike se=2.5; galat tarah se=2.5; chhuta=3; chhute=2.5; chhu raha=3; chhu rahe=3; chhed=2.5;
        acid=2; throw acid=3; fenk dunga=2; bhaga le gaya=3; bhaga ke le gaya=3; bhaga kar le gaya=3;
        zabardasti le gaye=3; jabardasti le gaye=3; forcibly taken=3; taken away=2.5; took her=2.5; took away=2;
        not safe for girls=3; unsafe for women=3; husband=1; pati=1; sasur=1.5; saas=1.5; devar=1.5; jeth=1.5;
        in law*=2; dowry=3; bhabhi=1; locked her=2.5; beating her=3; beats her=3; beating my wife=3;
        छू रहे=3; छूता=3; छूते=3; छुआ=3; छू=2; गलत तरीके से=2.5; घूरते=2; घूर=2; फोटो वायरल=3; वायरल करने=3;
        निजी फोटो=3; अश्लील=3; भगा ले गया=3; जबरन ले गए=3; जबरदस्ती ले गए=3; ले गए=1; सास=1.5; देवर=1.5; जेठ=1.5;
        भाभी=1; दुपट्टा=2.5; ब्लैकमेल=2
        harass*=2; sexual*=2; molest*=3; stalk*=3; following me=2; follows me=2; follow me home; eve teas*=3;
        obscene=3; vulgar=2; dirty messages=2; dirty photos=2; nude*=2; morphed=2; private photos=2;
        blackmail*=1.5; rape*=3; groped=3; touched me=2; touching; inappropriate*; indecent*; catcall*;
        lewd; flash*; dowry=3; domestic violence=3; husband beats=3; in laws=2; in-laws=2; wife beating=2;
        misbehav* with girl=2; teasing; tease*; comments on girls=2; passing comments=2; women safety=2;
        chhedkhani=3; chedkhani=3; chhed*=2; ched rahe=2; chhedte; chedte; ashlil=3; ashleel=3; gandi baat*=2;
        gande message*=2; gandi photo*=2; gandi video*=2; galat harkat=3; galat nazar; badtamizi=1.5;
        badtameezi=1.5; chhed chhad=3; peecha karta=3; pichha karta=3; picha karta=3; pichha kar=3; peecha kar=3;
        dahej=3; sasural=2; sasuraal=2; sasural wale=2; pati marta=3; pati ne mara=3; pati peet=3; shohde=3;
        sohde=3; mansik utpidan; utpidan=2; yaun=3; balatkar=3; dushkarm=3; izzat; ijjat; ladkiyon ko;
        ladkiyo ko; akeli ladki; akeli hun=1.5; akeli hoon=1.5; i am alone=1.5; alone at home=1.5;
        छेड़छाड़=3; छेड़खानी=3; छेड़*=2; अश्लील=3; गंदी बात*=2; गंदे मैसेज=2; गलत हरकत=3; पीछा=2.5; दहेज=3;
        ससुराल=2; पति मारता=3; पति ने मारा=3; शोहदे=3; शोहदों=3; उत्पीड़न=2; यौन=3; बलात्कार=3; दुष्कर्म=3;
        अकेली=1.5; घरेलू हिंसा=3; महिला सुरक्षा=2; ब्लैकमेल*=1.5;
        fabtiyan=3; fabtiya=3; seeti bajate=3; siti bajate=3; whistling at=2.5; gande ishare=3; ganda ishara=3
        indecent gesture*=3; abhadra tippani=3; ashleel video=3; ashlil video=3; gande video=2.5; nude video call=3
        obscene video*=3; obscene photo*=3; vulgar message*=3; lewd message*=3; sending obscene=3; dirty video*=2.5
        dahej ke liye=3; dahej utpidan=3; dahej ki maang=3; tortured for dowry=3; dowry harassment=3; for dowry=3
        pratadit=2.5; pratadna=2.5; biwi ko mar=3; patni ko mar=3; wife ko mar=3; beats his wife=3; beats my sister=3
        ghar se nikal diya=2; thrown out=1.5; teen talaq=2; triple talaq=2; talaq=1.5
        behla phusla=3; behla phuslakar=3; behla fusla=3; bhaga le gaye=3; bhaga kar le gaye=3; shadi ka jhansa=3
        abducted a girl=3; girl abducted=3; girl kidnapped=3; woman abducted=3; took the girl=3; ladki ko utha=3
        ladki ko le gaye=3; ladki ko bhaga=3; sexually harass*=3; inappropriately=3; groped me=3; touched her=3
        misbehaved with my wife=3; misbehaved with my sister=3; molest=3; outraging modesty=3; video call pe=1.5
        फब्तियां=3; फब्तियाँ=3; सीटी बजाते=3; गंदे इशारे=3; अभद्र इशारे=3; अभद्र टिप्पणी=3; अश्लील वीडियो=3
        अश्लील फोटो=3; अश्लील मैसेज=3; अश्लील कॉल=3; गंदे वीडियो=2.5; दहेज के लिए=3; दहेज उत्पीड़न=3; दहेज की मांग=3
        प्रताड़ित=2.5; प्रताड़ना=2.5; पत्नी को मार=3; पत्नी को पीट=3; घर से निकाल दिया=2; तीन तलाक=2; तलाक=1.5
        बहला फुसला=3; बहला-फुसलाकर=3; बहलाकर=2.5; भगा ले गए=3; शादी का झांसा=3; लड़की को उठा=3; छेड़ते=3
    """,
    "exam_leak": """
        answer keys=3; paper pehle=3; paper mil jayega=3; paper milega=3; paper aa gaya=3; paper viral=3;
        whatsapp group=1.5; exam centre=2; exam center=2; pariksha kendra=2; board exam=2; up board=2;
        setting money=3; jobs for=1.5; job for=1; naukri lagwa*=3; naukri dila*=3; merit list=2.5; fake merit=3;
        candidates=1.5; candidate=1.5; admit card=2; sarkari naukri=2; bharti ke naam=3; recruitment fraud=3;
        परीक्षा केंद्र=2; पेपर=2; बोर्ड परीक्षा=2; यूपी बोर्ड=2; मेरिट लिस्ट=2.5; नौकरी लगवाने=3; भर्ती के नाम=3
        paper leak*=3; paperleak*=3; paper out=3; question paper=2.5; leaked paper=3; exam leak*=3; leak*=1.5;
        answer key=2.5; answer sheet*=1.5; solver gang*=3; solver*=2.5; solvers=2.5; dummy candidate*=3;
        impersonat*=1.5; munna bhai=2.5; cheating racket=3; mass cheating=3; nakal=2.5; nakal mafia=3;
        copying in exam=2.5; exam=1; exams=1; examination=1; recruitment=1.5; bharti=1.5; bharati=1.5;
        vacancy; constable exam=2; si exam=2; upsssc=2.5; uppsc=2.5; uppbpb=2.5; upprpb=2.5; tet=1.5; uptet=2.5;
        pet exam=2; lekhpal=1.5; setting se=2; setting kar=2; paise lekar naukri=2.5; job racket=2.5;
        pariksha=1; pariksha radd=2; re exam=2; reexam=2; cancel exam=2; exam cancel*=2; retest=2; re-test=2;
        पेपर लीक=3; पेपरलीक=3; प्रश्न पत्र=2.5; प्रश्नपत्र=2.5; पर्चा लीक=3; पर्चा=1.5; लीक=1.5; आंसर की=2.5;
        उत्तर कुंजी=2.5; सॉल्वर=2.5; साल्वर=2.5; सॉल्वर गैंग=3; डमी कैंडिडेट=3; मुन्ना भाई=2.5; नकल=2.5;
        नकल माफिया=3; परीक्षा=1; भर्ती=1.5; सिपाही भर्ती=2; आरक्षी भर्ती=2; भर्ती परीक्षा=2; दरोगा भर्ती=2;
        nakal giroh=3; nakal mafia=3; nakal kara=3; nakal karwa=3; samuhik nakal=3; farji abhyarthi=3; farzi abhyarthi=3
        proxy candidate*=3; solver bitha=3; dusre ki jagah=2.5; kisi aur ki jagah=2.5; bluetooth=2; bluetooth device=3
        exam mafia=3; shiksha mafia=3; fake appointment letter*=3; appointment letter=2.5; joining letter=2;
        niyukti patra=3
        home guard=1.5; homeguard=1.5; daroga bharti=2.5; si bharti=2.5; pass karane=2.5; pass karva=2.5;
        number badhva=2.5
        omr=2.5; omr sheet=3; telegram pe paper=3; telegram par paper=3; paper bik raha=3; paper bech=3;
        selling the paper=3
        exam paper=2.5; question paper leak=3; answer key leak=3; answer key viral=3; leaked on telegram=3
        naukri ke naam=2.5; bharti ke naam par=3; naukri lagwane ke naam=3; selection ke naam=3; job in police=2.5
        नकल गिरोह=3; नकल कराई=3; नकल कराने=3; सामूहिक नकल=3; फर्जी अभ्यर्थी=3; दूसरे की जगह=2.5; ब्लूटूथ=2
        शिक्षा माफिया=3; फर्जी नियुक्ति पत्र=3; नियुक्ति पत्र=2.5; होमगार्ड=1.5; दरोगा भर्ती=2.5; पास कराने=2.5
        ओएमआर=2.5; टेलीग्राम पर पेपर=3; पेपर बिक=3; पेपर बेच=3; नौकरी लगवाने के नाम=3; नौकरी के नाम पर=2.5
    """,
    "missing_person": """
        न घर लौटा=3; न घर लौटी=3; नहीं पहुंचा=2.5; नहीं पहुंची=2.5; कोई संपर्क नहीं=2.5; never reached=3;
        didn't reach=2.5; did not reach=2.5
        hasn't returned=3; has not returned=3; hasn't come back=3; has not come back=3; never returned=3;
        didn't come back=3; did not return=3; not come home=3; got lost=2.5; lost in the crowd=3; in the crowd=1;
        separated from=2.5; wandering alone=3; sitting alone=2.5; crying=1; found a little=3; found this child=3;
        help us find=3; help find=2.5; find him=2.5; find her=2.5; search for=2; tracing=2; trace my=2.5;
        phone switched off=2; phone off=1.5; not picking=1.5; nahi utha rahi=2; nahi utha raha=2;
        nahi laute=3; nahi lauta=3; nahi lauti=3; wapas nahi=2.5; ghar nahi pahucha=3; ghar nahi pahuchi=3;
        abhi tak nahi aaya=2.5; abhi tak nahi aayi=2.5; dhundh rahe=2.5; dhoondh rahe=2.5; dhundhne=2.5;
        bheed me kho=3; kho gaya=1.5; haath se chhoot=3; chhoot gayi=2; mila hai=2; mili hai=2; ro rahi=1.5;
        ro raha=1.5; talash=2.5; पता नहीं चल रहा=2.5; वापस नहीं आई=3; वापस नहीं आया=3; नहीं लौटे=3; नहीं लौटी=3;
        नहीं लौटा=3; तलाश=2.5; ढूंढ=2.5; भीड़ में=2; बिछड़=3; मिला है=2; मिली है=2; रो रहा=1.5; रो रही=1.5
        missing=2.5; is missing=3; went missing=3; gone missing=3; not returned=2.5; didn't return=2.5;
        not come back=2.5; has not come home=3; hasn't come home=3; not reached home=3; no trace=2.5;
        untraceable=2.5; unreachable=2; not reachable=2; switched off=1.5; lost child=3; child found=3;
        found a child=3; found a boy=3; found a girl=2; wandering=1.5; stranded=2.5; stuck=1; separated=1.5;
        lost contact=2; cannot contact=2; can't contact=2; whereabouts=2.5; run away=1.5; ran away=1.5;
        lapata=3; laapata=3; gayab=1.5; gum ho=2.5; gumshuda=3; ghar nahi aaya=3; ghar nahi aya=3;
        ghar nahi lauta=3; ghar nahi lauti=3; wapas nahi aaya=3; wapas nahi aayi=3; wapas nahi aya=3;
        nahi mil raha=2.5; nahi mil rahi=2.5; nahi mil rhe=2.5; pata nahi chal=2; kho gaya=1.5; kho gayi=1.5;
        bichad=2.5; bichhad=2.5; phas=1.5; phase=1.5; fase hai=1.5; fanse; sampark nahi=2; baat nahi ho=1.5;
        bhatak=1.5; bhag gayi=1.5; bhag gaya=1.5; mila hai bachcha=3; bachcha mila=3;
        लापता=3; गायब=1.5; गुमशुदा=3; गुम हो=2.5; घर नहीं आया=3; घर नहीं आई=3; घर नहीं लौटा=3; घर नहीं लौटी=3;
        वापस नहीं आया=3; नहीं मिल रहा=2.5; नहीं मिल रही=2.5; कोई पता नहीं=2; खो गया=1.5; खो गई=1.5;
        बिछड़=2.5; फंसे=2; फंसा=2; फंसी=2; संपर्क नहीं=2; भटक=1.5; लावारिस=2; बच्चा मिला=3;
        ghar se nikla tha=2.5; ghar se nikli thi=2.5; tab se=1; koi khabar nahi=2.5; koi pata nahi=2.5; bina bataye=2.5
        phone band aa raha=2.5; phone band hai=2; switch off aa raha=2.5; switch off hai=2; not answering=2
        sampark nahi ho pa raha=3; baat nahi ho pa rahi=2.5; raasta bhatak=3; rasta bhatak=3; mela me bichad=3
        kumbh me bichad=3; khoya paya=3; gumshudgi=3; missing report=2.5; missing since=3; missing from=3
        last seen=2.5; mentally weak=2; mansik sthiti=2; dimagi halat=2; chale gaye=1; kahin chale=2.5; kahin chali=2.5
        stranded at=3; stuck at=2; fanse hue=2.5; fanse hain=2; phase hue=2.5; not reachable since=3;
        unable to contact=3
        crying child=3; child crying=3; lost kid=3; lost boy=3; lost girl=3; found an old=3; mentally challenged=2
        घर से निकला था=2.5; घर से निकली थी=2.5; कोई खबर नहीं=2.5; बिना बताए=2.5; फोन बंद=2; स्विच ऑफ=2
        संपर्क नहीं हो पा रहा=3; बात नहीं हो पा रही=2.5; रास्ता भटक=3; मेले में बिछड़=3; खोया पाया=3; गुमशुदगी=3
        मानसिक स्थिति=2; कहीं चले गए=2.5; कहीं चली गई=2.5; फंसे हुए=2.5; लावारिस बच्चा=3; रोता हुआ=2
    """,
    "theft_fraud": """
        fake app=3; fake phonepe=3; fake upi=3; fake payment=3; payment screenshot=2; posing as=2; vanished=2;
        took the bag=3; thaila le=3; bag le gaye=3; chuna laga=3; chuna lagaya=3; note badal=2.5; nakli note=2;
        fake note*=2; advance liya=2.5; number band=2; paise le liye=2; paise leke=2; naam pe=1; naam par paise=2.5;
        insurance premium=2; collected money=2.5; money and vanished=3; ठग लिया=3; पैसे लेकर फरार=3
        stolen=3; stole=3; steal*=3; theft=3; thief=3; thieves=3; burglar*=3; break in=2; broke into=2;
        robbed=3; robber*=3; loot*=3; snatch*=3; snatched=3; pickpocket*=3; dacoit*=3; chain snatch*=3;
        fraud*=3; scam*=3; cheat*=2; cheated=3; duped=3; conned=2; fake call*=2; fake loan*=3; loan app*=2.5;
        upi=2; otp=2; kyc=2; paytm=1.5; phonepe=1.5; gpay=1.5; bank account=1.5; debited=2.5; deducted=2;
        money transferred=2; transferred money=2; online fraud=3; cyber*=2.5; hacked=2; phishing=3;
        sextortion=3; digital arrest=3; impersonat*=1; fake profile=2; ponzi=2; chit fund=2;
        chori=3; chor=3; choro; chur; churaya=3; chura li=3; chura liya=3; chura le=3; loota=3; lut li=3;
        lut liya=3; luut=3; lut=2; lutere=3; chheen=3; chhin=3; chhina=3; chin liya=2.5; jhapat=3; jhapatmar=3;
        jeb kat*=3; jebkat*=3; dakaiti=3; dakait*=3; thagi=3; thag=2.5; thage=3; thaga=3; thug liya=3;
        dhokha=2.5; dhokhe=2.5; dhokhadhadi=3; farji=2; nakli=1.5; paise kat=2.5; paise nikal=2.5;
        khate se=2.5; account se=2; bhains=2; bhainse; gaay chori=3; mavesh*=2.5; tractor=1; bike=1;
        motorcycle=1; scooty=1; car=0.5; mobile=0.5; phone=0.5; purse=0.5; wallet=0.5; ghar ka tala=2.5;
        tala tod*=3; tala toot*=3;
        चोरी=3; चोर=3; चोरों=3; चुरा=3; चुराया=3; लूट*=3; लुटेरे=3; छीन*=3; झपट*=3; जेब कत*=3; डकैती=3; डकैत*=3;
        ठगी=3; ठग*=2.5; धोखा=2.5; धोखाधड़ी=3; फ्रॉड=3; फर्जी=2; साइबर=2.5; ओटीपी=2; यूपीआई=2; खाते से=2.5;
        पैसे कट=2.5; पैसे निकाल=2.5; भैंस=2; मवेशी=2.5; ताला तोड़=3; ताला टूटा=3; नकबजनी=3; सेंधमारी=3;
        chain kheench=3; chain khinch=3; purse chheen=3; mobile chheen=3; le bhage=3; leke bhaag=2.5; lekar bhaag=2.5
        lootpaat=3; lutpat=3; tamanche ke bal=3; at gunpoint=3; at knifepoint=3; looted=3; robbery=3; dacoity=3
        sendh=3; nakab=3; ghar me chori=3; dukan me chori=3; battery chori=3; motor chori=3; cattle theft=3;
        gaay chura=3
        atm card badal=3; card badal=3; card clone=3; qr code=2; scan karne=2; refund ke naam=3; task fraud=3
        part time job=2; trading app=2.5; investment fraud=3; fake trading=3; cbi officer=2.5; customs officer=2
        parcel me drugs=2.5; courier=1; kyc update=3; bijli bill=1.5; electricity bill=1.5; sim block=2; lottery=2.5
        lucky draw=2.5; olx=2; army officer bata=3; advance payment=2; processing fee=3; loan dilane=3; loan ke naam=3
        fake loan app=3; instant loan=2; jaalsaji=3; jalsaji=3; farjivada=3; farzivada=3; 420=2; paise wapas nahi=2
        hacked and asking money=3; asking for money=2; paise mang raha=1.5; my account hacked=1.5
        impersonating=2; pretending to be=2; posing as a=2.5; fake officer=3; fake police=2.5; nakli police=3
        चेन खींच=3; पर्स छीन=3; मोबाइल छीन=3; ले भागे=3; लेकर भाग=2.5; लूटपाट=3; तमंचे के बल=3; सेंध=3
        दुकान में चोरी=3; घर में चोरी=3; मोटर चोरी=3; बैटरी चोरी=3; एटीएम कार्ड बदल=3; कार्ड बदल=3; क्यूआर कोड=2
        रिफंड के नाम=3; टास्क=1.5; ट्रेडिंग=2; निवेश के नाम=3; सीबीआई=2; केवाईसी=2.5; बिजली बिल=1.5; लॉटरी=2.5
        लोन दिलाने=3; लोन के नाम=3; प्रोसेसिंग फीस=3; जालसाजी=3; फर्जीवाड़ा=3; पैसे वापस नहीं=2; नकली पुलिस=3;
        break into=3; breaking into=3; trying to break=3; trying to steal=3; tod rahe=1.5; todne ki koshish=2.5
        तोड़ने की कोशिश=2.5; चोरी की कोशिश=3; chori ki koshish=3
        gas cutter=2.5; गैस कटर=2.5; atm tod=3; atm kaat=3; atm cut=3; एटीएम तोड़=3; एटीएम काट=3; cut open=2
    """,
    "traffic": """
        uda diya=3; uda di=3; hit by=2.5; ran into=2.5; rammed=3; went off=2; off the road=2.5; into a ditch=3;
        ditch=2; khai me=3; gaddhe me=2; car=1; truck=1.5; bus=1; bolero=1; tractor trolley=2; driver=1;
        swerving=3; drunk driver=3; bhidant=3; kuchla=3; haalat gambhir=1; bike aur=1;
        भिड़ंत=3; खाई=2.5; कार=1; ट्रक=1.5; बस=1; बोलेरो=1; ड्राइवर=1; उड़ा दिया=3; चपेट में=3; कुचला=3;
        एक्सप्रेसवे=1.5; हाईवे=1
        accident*=3; collision=3; collided=3; crash*=2; hit and run=3; overturn*=2.5; run over=3; ran over=3;
        traffic=2.5; jam=2.5; jammed=2.5; congestion=2.5; blocked road=2.5; road blocked=2.5; road block*=2;
        illegal parking=3; wrong parking=3; parked on road=2.5; no parking=2; signal=1.5; signals=1.5;
        traffic light*=2.5; red light=2; rash driving=3; drunk driving=3; drunken driving=3; overspeed*=3;
        speeding=2.5; wrong side=3; stunt*=2.5; triple riding=3; without helmet=2; helmet=1; rickshaw*=1;
        e-rickshaw*=1; e rickshaw*=1; truck=1; dumper=1.5; bus=0.5; tempo=1; diversion=1.5; highway=1;
        expressway=1.5; road=0.5; flyover=1;
        hadsa=3; haadsa=3; durghatna=3; takkar=3; takar=3; palat gayi=2.5; palti=2.5; kuchal=3; jaam=2.5;
        jam laga=3; rasta band=2.5; raasta band=2.5; sadak band=2.5; galat parking=3; avaidh parking=3;
        gadiyan khadi=2; tez raftar=3; tej raftar=3; stunt baaz*=3;
        हादसा=3; हादसे=3; दुर्घटना=3; टक्कर=3; पलट=2.5; कुचल=3; जाम=2.5; ट्रैफिक=2.5; रास्ता बंद=2.5;
        सड़क बंद=2.5; अवैध पार्किंग=3; पार्किंग=2; सिग्नल=1.5; तेज रफ्तार=3; स्टंट=2.5; ओवरलोड=2; रॉन्ग साइड=3;
        signal kharab=3; signal band=2.5; batti kharab=2.5; traffic light not working=3; signal not working=3
        ulti disha=3; galat disha=3; wrong way=3; against traffic=2.5; nashe me gaadi=3; drunk bus driver=3
        rash driver=3; race laga=2.5; racing=2.5; street racing=3; bike race=3; wheelie*=3; pressure horn=2.5
        baraat=1.5; barat=1.5; procession blocking=3; road rok=2.5; rasta rok=2.5; chakka jam=3; blocked the highway=3
        highway block*=3; accident ho gaya=3; akident=3; thok diya=3; thok di=3; takkar maar=3; ambulance stuck=3
        ambulance fas=3; ambulance fansi=3; ambulance phasi=3; overload*=2; hit my=2; knocked down=3; mowed=3
        hit and ran=3; ran away after hitting=3; fled after=2; gaadi bhaga le gaya=2.5; bhidant=3; pal gayi=1
        सिग्नल खराब=3; सिग्नल बंद=2.5; बत्ती खराब=2.5; उल्टी दिशा=3; गलत दिशा=3; नशे में गाड़ी=3; नशे में ड्राइवर=3
        रेस=2; प्रेशर हॉर्न=2.5; बारात=1.5; रास्ता रोक=2.5; चक्का जाम=3; एक्सीडेंट=3; ठोक दिया=3; टक्कर मार=3
        एंबुलेंस फंसी=3; एम्बुलेंस फंसी=3; टकराकर=3; टकरा गई=3; टकराई=3; डिवाइडर=2; पलट गई=3; पलट गया=3
    """,
    "police_misconduct": """
        took money=3; taking money=3; demanded money=3; demanded=2; demanding=1.5; asked for=1; 500 rupees=1;
        refused to lodge=3; refused to file=3; refused to register=3; refuse to lodge=3; refused=1.5;
        won't register=3; will not register=3; not register=2; lost report=1; marked resolved=3; resolved without=3;
        closed without=3; without any action=2.5; nobody called=2.5; no one called=2.5; disgusting language=3;
        abusive language=3; misbehaved=3; rude behaviour=3; rude behavior=3; false case=3; false charges=3;
        book me=2; threatened to book=3; siding with=3; hand in glove=3; no paperwork=2.5; without paperwork=2.5;
        kept at=1; detained=2.5; custody=2; nistarit=3; nistaarit=3; fir nahi likhenge=3; fir nahi hogi=3;
        report nahi likhenge=3; likhne se mana=3; le liye=1.5; maang rahe=2.5; mang rahe=2.5; maangte=2.5;
        ugahte=3; ugahi=3; vasulte=3; vasuli=2.5; vasoolte=3; mujrim=2; badtamiji=2.5; badtameezi=2.5;
        gaali=1.5; gali galoch=2.5; suspend=2.5; line hajir=3; line hazir=3; koi phone nahi aaya=2.5;
        koi police nahi aayi=3; 112 pe call=1.5; 112 par call=1.5; call kiya=1; called 112=2; dial 112=1;
        नहीं होगी=2; एफआईआर नहीं होगी=3; रिपोर्ट नहीं लिखेंगे=3; लिखकर दो=1.5; रुपये लिए=3; रुपये मांग=3;
        वसूलते=3; वसूली=2.5; अपमानित=3; बदतमीजी=2.5; गाली गलौज=2.5; निलंबित=2.5; लाइन हाजिर=3; बिना रसीद=2.5;
        घंटे बाद=2; मिनट बाद गाड़ी=3; सुलझाओ=1.5
        bribe*=3; bribery=3; corrupt*=2.5; extorting money=2; demanding money=2.5; asked for money=2;
        not registering=3; refused to register=3; refuse to register=3; refusing to register=3;
        not lodging=3; refused to lodge=3; fir not registered=3; fir not lodged=3; no fir=2.5;
        not taking complaint=3; didn't register=3; did not register=3; misbehav*=2; abused by police=3;
        police beat=3; beaten by police=3; custodial=3; illegal detention=3; illegally detained=3;
        detained without=3; no response=2; not responding=2; no one came=2.5; nobody came=2.5; no action=1.5;
        inaction=2; sleeping=1; negligence=2; helpless=1; rude=2; threatened by police=3; lockup=2; lock up=2;
        rishwat=3; ghoos mang=3; ghoos li=3; ghoos de=2.5; paise mang=2.5; paise maang=2.5;
        suvidha shulk=3; fir nahi likh=3;
        fir nahi darj=3; fir darj nahi=3; report nahi likh=3; report darj nahi=3; mukadma darj nahi=3;
        likhne se mana=3; bhaga diya=2; bhga diya=2; bhagа diya=2; thane se bhaga=3; sunwai nahi=2.5;
        sunvai nahi=2.5; koi sunwai=2; koi sun nahi=2; koi nahi sun=2; nahi sun rahi=2; nahi sun rahe=2;
        police nahi aayi=2.5; police nahi ayi=2.5; police nahi aai=2.5; koi nahi aaya=2.5; abhadrata=2.5;
        badsuluki=2.5; galiyan di=1.5; gali di=1.5; jabardasti utha=2; band kar diya=1;
        रिश्वत=3; घूस=3; सुविधा शुल्क=3; पैसे मांग=2.5; एफआईआर नहीं=3; एफआईआर दर्ज नहीं=3; मुकदमा दर्ज नहीं=3;
        रिपोर्ट दर्ज नहीं=3; रिपोर्ट नहीं लिख=3; भगा दिया=2; सुनवाई नहीं=2.5; कोई सुनवाई=2; कोई नहीं सुन=2;
        अभद्रता=2.5; बदसलूकी=2.5; गाली=1.5; गालियां=1.5; अवैध हिरासत=3; हिरासत=1.5; पुलिस नहीं आई=2.5;
        कोई नहीं आया=2.5; लापरवाही=2; भ्रष्ट*=2.5;
        fir nahi likhi=3; fir nahi likh rahe=3; report nahi likhi=3; tahrir nahi li=3; tehrir nahi li=3
        application nahi li=3; shikayat nahi li=3; complaint nahi li=3; refused to take my complaint=3;
        refused my complaint=3
        refused to lodge an fir=3; refused to register an fir=3; refused to file an fir=3; police refused=3;
        refusing to file=3
        samjhauta karne ka dabav=3; compromise ka dabav=3; pressure to compromise=3; pressurising me to compromise=3
        mile hue hai=1.5; vipakshi se mil=3; accused se mil=3; ulta hum par=3; ulta case=3; ulta mukadma=3
        thane me band=2.5; bina wajah thane=3; hawalat=2.5; halat me band=1; lockup me=2.5; police ne mara=3;
        police ne peeta=3
        police ne danda=3; police walo ne mara=3; sipahi ne thappad=3; thappad mara=2; dhakke dekar=2.5; dhakka diya=2
        slapped by=3; slapping=2; cop slap*=3; beaten by cops=3; lathicharge=2.5; police brutality=3; custodial death=3
        challan ke naam pe paise=3; challan ke naam par=2.5; entry ke paise=3; paise lekar chhod=3; le dekar=2
        der se aayi=2.5; der se aaye=2.5; ghante baad aayi=3; ghante baad pahunchi=3; hours later=2; came after=1.5
        never came=2.5; didn't come=2; did not come=2; no one responded=3; nobody responded=3; didn't respond=2.5
        call not picked=2.5; phone nahi uthaya=2; phone nahi uthate=2.5; no police came=3; police did not come=3
        farji nistaran=3; farzi nistaran=3; bina jaanch=2.5; without inquiry=2.5; closed the complaint=3
        io is not=2; io not=2; vivechak=1.5; sho ne=1.5; daroga ne=1.5; daroga ji ne=1.5; thanadhyaksh=1.5; kotwal=1.5
        bribe for=3; demanding bribe=3; asked a bribe=3; took a bribe=3; took bribe=3; rishwat li=3; rishwat mang=3
        एफआईआर नहीं लिखी=3; रिपोर्ट नहीं लिखी=3; तहरीर नहीं ली=3; प्रार्थना पत्र नहीं लिया=3; शिकायत नहीं ली=3
        समझौते का दबाव=3; विपक्षी से मिले=3; विपक्षियों से मिले=3; मिले हुए हैं=1.5; उल्टा हम पर=3; उल्टा मुकदमा=3
        थाने में बंद=2.5; बिना वजह थाने=3; हवालात=2.5; पुलिस ने पीटा=3; पुलिस ने मारा=3; पुलिसकर्मियों ने पीटा=3
        सिपाही ने थप्पड़=3; थप्पड़=1.5; धक्के देकर=2.5; धक्का दिया=2; लाठीचार्ज=2.5; चालान के नाम पर=2.5
        देर से आई=2.5; देर से पहुंची=2.5; घंटे बाद आई=3; घंटे बाद पहुंची=3; फोन नहीं उठाया=2; फोन नहीं उठाते=2.5
        फर्जी निस्तारण=3; बिना जांच=2.5; निस्तारित कर दिया=3; थानाध्यक्ष=1.5; थाना प्रभारी=1.5; दरोगा ने=1.5
        रिश्वत मांग=3; रिश्वत ली=3; पैसे लेकर छोड़=3; वसूल रहे=2.5;
        mukadma nahi likh=3; case darj nahi=3; case nahi likh=3; fir darj karne se inkar=3; inkar=1.5; talmatol=2.5
        taal rahe=2; chakkar lagwa=2.5; abhadra vyavhar=3; misbehaviour=3; misbehavior=3; police wale dhamka=3
        not filing=2.5; won't file=3; refuses to file=3; refuses to register=3; asked me to compromise=3
        मुकदमा नहीं लिख=3; मुकदमा दर्ज नहीं कर=3; एफआईआर दर्ज करने से इनकार=3; इनकार=1.5; टालमटोल=2.5
        चक्कर लगवा=2.5; अभद्र व्यवहार=3; समझौता करने को कह=3
    """,
    "nuisance": """
        noise=3; noisy=3; loud music=3; loudspeaker*=3; speaker*=2; dj=3; d j=3; sound system=2.5; party=1;
        drinking=2.5; drunk*=2; drunkards=3; alcohol=2.5; liquor=2.5; illegal liquor=3; country liquor=3;
        hooch=3; wine shop=2; beer=2; gambling=3; gamble*=3; betting=2.5; satta=3; drugs=2.5; drug=2; smack=3;
        ganja=3; charas=3; addicts=2.5; smoking=1.5; hookah=2.5; hukka=2.5; encroach*=3; footpath=2; hawkers=2;
        nuisance=3; hooligan*=2; ruckus=2; creating chaos=2; stray=1; firecracker*=2; crackers=2; burning garbage=2;
        shor=3; shor sharaba=3; hungama=2; daru=3; daaru=3; sharab=3; sharabi*=3; kachchi sharab=3;
        kacchi sharab=3; avaidh sharab=3; theka=2; nasha=2.5; nashe=2.5; nashedi*=3; nasheri=3; jua=3; juaa=3;
        juari=3; sattebaaz*=3; atikraman=3; avaidh kabja=1.5; thele=2; rehdi=2; gutka=1; hulad=2; huddang=2;
        हुड़दंग=3; शोर=3; शोरगुल=3; लाउडस्पीकर=3; डीजे=3; शराब=3; शराबी*=3; दारू=3; कच्ची शराब=3;
        अवैध शराब=3; ठेका=2; नशा=2.5; नशे=2.5; नशेड़ी=3; स्मैक=3; गांजा=3; चरस=3; जुआ=3; जुआरी=3; सट्टा=3;
        अतिक्रमण=3; हुक्का=2.5; पटाखे=2;
        bhonpu=3; tez awaz=2.5; tej aavaj=2.5; full volume=3; gaane bajate=2.5; gane bajate=2.5; loud songs=3; blaring=3
        band baja=2; late night party=3; sharab peekar=3; sharab pikar=3; khule me sharab=3; pee rahe=1.5; peete hai=1.5
        drinking in public=3; public drinking=3; drinking openly=3; bhatti=2.5; jahrili sharab=3; poisonous liquor=3
        tash=2; patte=1.5; teen patti=3; jue ka adda=3; juye ka adda=3; adda=1.5; satta king=3; online satta=3
        footpath pe kabza=3; footpath par kabja=3; sadak par kabza=3; sarkari zameen par kabza=3; public land=2.5
        park pe kabza=3; park par kabja=3; thela=2; thele wale=2.5; rehri=2; encroached=3; squatting=2
        smack=3; injection=1.5; whitener=3; drug peddler*=3; drugs bech=3; ganja bech=3; nashe ka karobar=3; addicts=3
        drug addicts=3; drug users=3; smoking weed=3; chillum=3; nasha karte=3; nashebaaz=3; nashebaj=3
        भोंपू=3; तेज आवाज=2.5; फुल वॉल्यूम=3; गाने बजाते=2.5; बैंड बाजा=2; शराब पीकर=3; खुले में शराब=3
        शराब पीते=3; भट्ठी=2.5; जहरीली शराब=3; ताश=2; जुए का अड्डा=3; अड्डा=1.5; सट्टा किंग=3; फुटपाथ पर कब्जा=3
        सड़क पर कब्जा=3; सरकारी जमीन पर कब्जा=3; पार्क पर कब्जा=3; ठेले=2; ठेला=2; इंजेक्शन=1.5; व्हाइटनर=3
        ड्रग्स=2.5; नशे का कारोबार=3; नशा करते=3; नशेबाज=3; चिलम=3
    """,
    "other_complaint": """
        senior citizen=2; register for=1.5; police picket=3; picket=2.5; patrolling=2.5; gasht=2.5; night patrol=3;
        street light=1.5; reward=2; wanted=2; inami=2.5; spotted=2; hotel me baitha=2; keep watch=2.5; information=1;
        fake notes=2; fake 500=2; application=1.5; prarthna patra=2; raasta band kar=2.5; rasta band kar=2.5;
        khet=1.5; samjhauta=2; fake id=2.5; fake insta*=2.5; fake profile=2.5; fake account=2.5;
        गश्त=2.5; पिकेट=2.5; इनामी=2.5; स्ट्रीट लाइट=1.5; खेत=1.5; प्रार्थना पत्र=2
        verification=3; verify=2; character certificate=3; police clearance=3; pcc=2.5; passport=2.5;
        tenant verification=3; servant verification=3; noc=2.5; arms licence=2.5; arms license=2.5;
        permission=2; land dispute=3; property dispute=3; dispute=1.5; boundary=1.5; plot=1.5; land=1.5;
        illegal possession=2.5; grabbed my land=3; land grab*=3; fir status=3; status of fir=3; status of my fir=3;
        fir copy=3; copy of fir=3; complaint number=2; complaint status=3; investigation status=2.5;
        lost my=2.5; lost his=2; lost her=2; misplaced=3; left my=2; forgot my=2; fell somewhere=2.5;
        documents=1.5; aadhaar=1.5; aadhar=1.5; pan card=1.5; driving licence=1.5; certificate=2; tip=1.5;
        information about=1.5; inform you=1.5; suspicious=1.5; neighbour*=1; neighbor*=1; pending=1;
        charitra praman=3; charitra praman patra=3; satyapan=3; kirayedar=2.5; naukar=1.5; zameen=2.5;
        jamin=2.5; bhumi=2; kabza=2.5; kabja=2.5; nali=1.5; raasta=1; batwara=2.5; vivad=2; mukadma=1.5;
        shikayat ki thi=1.5; kho gaya mera=2.5; kho gayi meri=2.5; kahin gir gaya=3; gir gaya=1.5; gir gayi=1.5;
        सत्यापन=3; चरित्र प्रमाण पत्र=3; चरित्र प्रमाणपत्र=3; पासपोर्ट=2.5; किरायेदार=2.5; अनुमति=2;
        जमीन=2.5; ज़मीन=2.5; भूमि=2; कब्जा=2.5; कब्ज़ा=2.5; विवाद=2; बंटवारा=2.5; नाली=1.5; मुकदमा=1.5;
        कहीं गिर=3; गिर गया=1.5; गिर गई=1.5; कागजात=1.5; आधार=1.5; प्रमाण पत्र=2; सूचना=1.5;
        police verification=3; vetification=1; varification=3; verifikation=3; character certificate=3; noc for=2.5
        arms license=3; shastra license=3; shastra licence=3; med bandi=3; medh=2; chakroad=3; chak road=3;
        nali ka vivad=3
        paitrik=2.5; paternal property=3; ancestral=2.5; tenant not vacating=3; ghar khali nahi=3; makan khali nahi=3
        e challan=3; echallan=3; galat challan=3; wrong challan=3; challan galat=3; fir ki copy=3; case status=3
        kya hua mere case=2; mukhbir=3; suchna dena=3; information dena=3; jankari dena=3; sandigdh=2.5;
        suspicious person=2.5
        suspicious activity=2.5; suspicious people=2.5; wanted criminal=3; vanchit=2.5; jaloos ki anumati=3;
        shobha yatra=2
        permission for=2.5; patrolling badha=3; increase patrolling=3; found a wallet=3; found a purse=3;
        found a phone=3
        purse mila=3; phone mila=2.5; wallet mila=3; khoya hua=2; ceir=3; imei=2.5; block my phone=3; duplicate sim=2.5
        hacked my=2; hack ho gaya=2; hack kar liya=2; id hack=2.5; account hack=2.5; fake page=2.5; fake id bana=3
        unattended bag=3; lavaris bag=3; laawaris=2.5; suspicious bag=3; suspicious object=3; bomb jaisa=3
        पुलिस वेरिफिकेशन=3; वेरिफिकेशन=3; शस्त्र लाइसेंस=3; असलहा लाइसेंस=3; मेड़=2.5; मेड़बंदी=3; चकरोड=3
        नाली का विवाद=3; पैतृक=2.5; मकान खाली नहीं=3; ई-चालान=3; गलत चालान=3; चालान=1.5; एफआईआर की कॉपी=3
        मुखबिर=3; सूचना देना=3; जानकारी देना=3; संदिग्ध=2.5; वांछित=2.5; इनामी बदमाश=3; जुलूस की अनुमति=3
        शोभा यात्रा=2; गश्त बढ़ा=3; पर्स मिला=3; मोबाइल मिला=2.5; सीईआईआर=3; आईएमईआई=2.5; अकाउंट हैक=2.5
        हैक=2; फर्जी आईडी=3; लावारिस बैग=3; लावारिस=2; संदिग्ध बैग=3; संदिग्ध वस्तु=3; बम=2
    """,
}

# -------------------------------------------------------------------------------------------------- cues

CUE_TERMS: dict[str, str] = {
    # An offence or emergency happening now or minutes ago: the P1 evidence.
    "in_progress": """
        just=1; still ongoing=3; ongoing=2.5; hiding=2.5; i am hiding=3; grab my hand=3; tried to grab=3;
        people inside=2.5; right here=2; abhi bhi=2; इस समय=2.5; अभी भी=2; छिपी हूं=3; छिपा हूं=3; बंद हूं=2.5;
        बंद हूँ=2.5; locked myself=3; band hu=2.5
        right now=3; now=1.5; just now=2.5; currently=2; at the moment=2.5; happening=2; going on=2;
        minutes ago=2.5; min ago=2.5; mins ago=2.5; few minutes=2; immediately=2; urgent*=2; emergency=2.5;
        asap=1.5; hurry=2; please come=2.5; come fast=2.5; come quickly=2.5; send help=3; send police=2.5;
        help me=2.5; save me=3; save us=3; save my=3; someone help=2.5; help please=1.5; please help=1.5;
        sos=3; trapped=2.5; outside my door=3; banging=3; knocking=2; broke in=2; breaking in=2.5;
        inside my house=2.5; entered my house=2; still here=2.5; still there=2; are beating=3; is beating=3;
        beating him=3; beating me=3; beating my=3; being beaten=3; shooting=2.5; firing going=3; on fire=2.5;
        bleeding=3; unconscious=3; lying on=2.5; lying there=2.5; dying=3; critical=2; serious condition=2.5;
        is following me=3; following me right=3; being followed=3; chasing=2.5; trying to enter=3;
        abhi=2.5; abhi abhi=3; is waqt=2.5; iss waqt=2.5; turant=2.5; jaldi=2; jldi=2; jaldi aao=3;
        jaldi aaiye=3; jaldi aaye=3; jaldi bheje=3; jaldi bhejo=3; bachao=3; bachaiye=3; bachaye=3; bacha lo=3;
        madad karo=2; madad kijiye=2; help karo=2; ho raha hai=2; ho rahi hai=2; ho rha hai=2; ho rhi hai=2;
        chal rahi hai=2.5; chal rhi hai=2.5; maar rahe=3; mar rahe=3; maar rhe=3; mar rhe=3; peet rahe=3;
        pit rahe=3; peet rhe=3; ghus aaye=3; ghus gaye=3; ghuse hai=3; ghuse hain=3; ghus rahe=3; darwaja=2;
        darwaza=2; darvaja=2; darvaza=2; khade hai=2; khade hain=2; khun beh=3; khoon beh=3; tadap=3; behosh=3;
        sadak par pade=3; pade hai=2; pade hain=2; mar jayega=3; mar jayegi=3; jaan bachao=3; koi bachao=3;
        अभी=2.5; अभी अभी=3; इस वक्त=2.5; तुरंत=2.5; जल्दी=2; जल्द से जल्द=2; बचाओ=3; बचाइए=3; बचा लो=3;
        मदद करो=2; मदद करें=1.5; हो रहा है=2; हो रही है=2; चल रही है=2.5; मार रहे=3; पीट रहे=3; घुस आए=3;
        घुस गए=3; घुसे हैं=3; दरवाजा=2; दरवाज़ा=2; खड़े हैं=2; खून बह=3; तड़प=3; बेहोश=3; सड़क पर पड़े=3;
        पड़े हैं=2; जान बचाओ=3; कोई बचाओ=3;
        abhi tak=-2.5; aaj tak=-1; अभी तक=-2.5; आज तक=-1; abhi tak koi=-0.5
        as we speak=3; as i type=3; happening right now=3; right now=0.5; come now=2.5; hurry up=2.5; help help=3
        please hurry=2.5; being attacked=3; attacking us=3; attacking me=3; they are beating=3; beating us=3
        ghus aye=3; ghus aaya=3; ghus gaya=3; ghar me ghuse=3; ghar me ghus rahe=3; darwaza tod=3; darvaja tod=3
        darwaza peet=3; darwaja peet=3; firing ho rahi=3; goli chal rahi=3; goliyan chal rahi=3; khoon beh raha=3
        maarne aa rahe=3; marne aa rahe=3; mar dalenge=2; maar dalenge abhi=3; gher liya=3; ghera hua=2.5; gher rakha=3
        bandhak=3; kamre me band=2.5; locked in=2.5; locked me=3; le ja rahe=3; leke ja rahe=3; kidnap kar rahe=3
        being taken=3; dragging her=3; dragging him=3; aag lagi=2.5; aag lag gayi=3; jal raha=2.5; saans nahi=3
        not breathing=3; trapped inside=3; fanse hain=2.5; fanse hue=2.5; phase hue=2.5; people inside=1
        madad chahiye=2; police bhejo=2.5; police bhejiye=2.5; force bhejo=3; force bhejiye=3; pcr bhejo=3
        abhi abhi=0.5; minute pehle=2.5; min pehle=2.5; mint pehle=2.5; thodi der pehle=2.5; kuch der pehle=2.5
        just happened=3; moments ago=3; seconds ago=3; live=1; ho raha hai abhi=3; chal raha hai abhi=3
        chase kar rahe=3; peecha kar rahe=3; pichha kar rahe=3; peecha kar raha=3; pichha kar raha=3
        following us=3; followed by a=2.5; chasing us=3; chasing me=3; tried to drag=3; pulling her=3
        घुस आया=3; घर में घुस=3; घर में घुसे=3; दरवाजा तोड़=3; दरवाज़ा तोड़=3; दरवाजा पीट=3; दरवाज़ा पीट=3
        गोली चल रही=3; गोलियां चल रही=3; फायरिंग हो रही=3; खून बह रहा=3; मारने आ रहे=3; घेर लिया=3; घेर रखा=3
        बंधक=3; कमरे में बंद=2.5; ले जा रहे=3; आग लग=2.5; जल रहा=2.5; सांस नहीं=3; फंसे हैं=2.5; फंसे हुए=2.5
        पुलिस भेजो=2.5; पुलिस भेजिए=2.5; पुलिस भेजें=2.5; फोर्स भेज=3; मिनट पहले=2.5; थोड़ी देर पहले=2.5
        कुछ देर पहले=2.5; पीछा कर रहे=3; पीछा कर रहा=3; खींच रहे=3; घसीट=3; तुरंत पहुंचे=3; तुरंत आइए=3
        peecha kar rahi=3; pichha kar rahi=3; peeche chal raha=3; peeche chal rahi=3; piche chal raha=3
        पीछे पीछे चल रहा=3; पीछे चल रहा=3; पीछे चल रही=3; keeps touching=3; is touching=3; touching me=3
        छू रहा है=3; छू रहा=2.5; not stopping=2.5; is not stopping=3; chal rahi hain=2.5; चल रही हैं=2.5
        चल रहे हैं=2.5; पीटे जा रहे=3; पीटे जा रही=3; मारे जा रहे=3; maar bhi rahe=3; maar bhi rhe=3
        are holding=2.5; holding the family=3; at gunpoint=2; kuch galat ho jayega=2.5; kuch ho jayega=2
        इसी समय=2.5; इसी वक्त=2.5; इसी वक़्त=2.5; isi samay=2.5; isi waqt=2.5; isi time=2.5; tod rahe=2.5; तोड़ रहे=2.5
        hamla kar rahe=3; hamla kar rhe=3; हमला कर रहे=3; patthar fenk rahe=3; pathar fenk rahe=3; pathrav kar rahe=3;
        पत्थर फेंक रहे=3; पथराव कर रहे=3; throwing stones=3; pelting stones=3
    """,
    # Over and done: a road accident from last night is P2 (the driver to be traced), not P1; the offenders have
    # fled. "Since last night" (kal raat se) is a state still going on: it cancels "last night".
    "past": """
        last night=3; yesterday=3; yesterday evening=3; last evening=3; kal raat=3; kal sham=3; kal shaam=3;
        kal subah=3; kal dopahar=3; parso=3; din pehle=3; days ago=3; hafte pehle=3; week ago=3;
        कल रात=3; कल शाम=3; कल सुबह=3; कल दोपहर=3; परसों=3; दिन पहले=3; हफ्ते पहले=3
        farar ho chuke=3; faraar ho chuke=3; bhaag chuke=3; bhag chuke=3; फरार हो चुके=3; भाग चुके=3;
        had fled=3; already fled=3; had run away=3;
        since yesterday=-3; since last night=-3; since last evening=-3; kal raat se=-3; kal sham se=-3;
        kal shaam se=-3; kal subah se=-3; kal dopahar se=-3; कल रात से=-3; कल शाम से=-3; कल सुबह से=-3;
        कल दोपहर से=-3
    """,
    # Someone in danger on the road or in a fire now: trapped (in a wreck), unconscious, a drunk driver weaving.
    "danger": """
        trapped=3; people inside=3; stuck inside=3; fanse hain=3; fanse hue=3; phase hue=3; andar log=3;
        with passengers=3; passengers=1.5; savari=1.5; not breathing=3; saans nahi=3; unconscious=3; behosh=3;
        tadap=3; bleeding=3; khoon beh=3; lying on the road=3; sadak par pada=3; sadak pe pada=3;
        फंसे हैं=3; फंसे हुए=3; अंदर लोग=3; सवारियां=1.5; यात्री=1.5; सांस नहीं=3; बेहोश=3; तड़प=3; खून बह=3;
        सड़क पर पड़ा=3; सड़क पर पड़े=3;
        drunk driver=3; driver is drunk=3; driver nashe me=3; swerving=3; ड्राइवर नशे में=3; चालक नशे में=3
        andar fanse=3; andar phase=3; gaadi me fanse=3; gadi me fanse=3; अंदर फंसे=3; गाड़ी में फंसे=3
        zigzag=3; zig zag=3; nashe me chala*=3; नशे में चला*=3; drunk driving=3
    """,
    # A tip to the police (information about someone else's crime) is other_complaint, not the crime.
    "tip": """
        suchna dena=3; suchna de raha=3; information dena=3; jankari dena=3; mukhbir=3; naam gupt=3;
        keep my name secret=3; name secret=2.5; want to inform=3; want to share information=3; tip off=3;
        i have information=3; share information=2.5; सूचना देना=3; सूचना दे रहा=3; जानकारी देना=3; मुखबिर=3;
        नाम गुप्त=3; गुप्त सूचना=3
    """,
    # An unattended bag or a suspected bomb in a crowd: P1 whatever the category.
    "suspicious_object": """
        unattended bag=3; lavaris bag=3; laavaris bag=3; suspicious bag=3; suspicious object=3; bomb=2;
        bomb jaisa=3; लावारिस बैग=3; लावारिस सूटकेस=3; संदिग्ध बैग=3; संदिग्ध वस्तु=3; बम=2;
        lavaris=2; laavaris=2; unattended=2.5; bag=1; suitcase=1; लावारिस=2; बैग=1; सूटकेस=1; थैला=1
    """,
    # Money lost online: fraud is P2 even minutes later, nobody is in physical danger.
    "cyber": """
        upi=2; otp=2; kyc=2; online=1.5; cyber*=2; link=1.5; app=1; account se=2; paytm=2; phonepe=2; gpay=2;
        google pay=2; debited=2; transferred=2; video call=1; digital arrest=3; loan app=2; bank account=1.5;
        telegram=1.5; task=1.5; qr=1.5; khate se=2; ओटीपी=2; यूपीआई=2; ऑनलाइन=1.5; लिंक=1.5; खाते से=2;
        साइबर=2; पेटीएम=2; फोनपे=2; वीडियो कॉल=1; डिजिटल अरेस्ट=3
    """,
    # A found child or person is safe: urgent the same day, not danger now.
    "found": """
        found a=2; found this=2; found an=2; is with us=3; with us now=3; hamare paas hai=3; mere paas hai=3;
        humare paas=3; mila hai=2; mili hai=2; mil gaya=1.5; mil gayi=1.5; हमारे पास है=3; मेरे पास है=3;
        मिला है=2; मिली है=2
    """,
    # Someone alone, and unknown men at the door or following: the 2 a.m. Noida case is women_safety.
    "alone": """
        alone=2; all alone=2; akeli=2; akele=1; akeli hun=2; akeli hoon=2; अकेली=2; अकेले=1
    """,
    "strange_men": """
        men=1.5; some men=2; few men=2; two men=2; drunk men=2.5; boys=1; some boys=2; guys=1; strangers=2;
        unknown men=2.5; ladke=1.5; kuch ladke=2; kuch log=1.5; do ladke=2; anjaan=2; ajnabi=2; shohde=2;
        कुछ लड़के=2; लड़के=1.5; कुछ लोग=1.5; अनजान=2; अजनबी=2
    """,
    # Family members who turn up in domestic violence against a woman.
    "domestic": """
        husband=2; pati=2; my husband=3; her husband=3; sasural=2; sasuraal=2; in law*=2; in-laws=2; saas=1.5;
        devar=1.5; jeth=1.5; nanad=1.5; जेठ=1.5; पति=2; ससुराल=2; सास=1.5; देवर=1.5; ननद=1.5
    """,
    # Hurt people: traffic accidents with injured are P1.
    "injured": """
        halat kharab=3; halat gambhir=3; haalat kharab=3; haalat gambhir=3; sadak pe pada=3; sadak par pada=3;
        lying on the road=3; हालत गंभीर=3; हालत खराब=3; सड़क पर पड़ा=3; गंभीर रूप से=3; जख्मी=3
        injured=3; injuries=3; injury=3; hurt=2; bleeding=3; unconscious=3; ambulance=2.5; critical=2;
        serious=1.5; ghayal=3; jakhmi=3; zakhmi=3; chot=2; chotein=2; khoon=2; khun=2; behosh=3;
        घायल=3; जख्मी=3; चोट=2; चोटें=2; खून=2; बेहोश=3; एंबुलेंस=2.5; एम्बुलेंस=2.5;
        haddi toot=3; haddi tut=3; fracture*=3; icu=3; trauma centre=3; trauma center=3; hospital me bharti=2.5
        admitted to hospital=2.5; in hospital=2; हड्डी टूट=3; फ्रैक्चर=3; आईसीयू=3; ट्रॉमा सेंटर=3; अस्पताल में भर्ती=2.5
    """,
    "no_injury": """
        no one hurt=3; no one injured=3; nobody hurt=3; nobody injured=3; no injuries=3; no injury=3;
        koi ghayal nahi=3; koi chot nahi=3; कोई घायल नहीं=3; कोई हताहत नहीं=3
        chot nahi=3; chot nhi=3; चोट नहीं=3; no one was hurt=3; nobody was hurt=3; no one was injured=3;
        nobody was injured=3; no one got hurt=3; nobody got hurt=3
    """,
    "death": """
        died=2; dead=2; death=1.5; killed=2; passed away=2; maut=2; mout=2; mrityu=2; मौत=2; मृत्यु=2; मृत=2
    """,
    # Suicide threats are always P1.
    "self_harm": """
        suicide=3; kill myself=3; end my life=3; take my life=3; self harm=3; hang myself=3;
        khudkushi=3; khudkhushi=3; atmahatya=3; jaan de dunga=3; jaan de dungi=3; jaan de denge=3;
        apni jaan=2; fansi laga=3; fanda laga=3; आत्महत्या=3; खुदकुशी=3; जान दे दूंगा=3; जान दे दूंगी=3;
        फांसी लगा=3; अपनी जान=2;
        jeena nahi chahta=3; jeena nahi chahti=3; marne ja raha=3; marne ja rahi=3; zindagi khatam=3; nas kaat=3
        poison kha=3; zeher kha=3; jahar kha=3; chhat se kood=3; pul se kood=3; nadi me kood=3; train ke aage=3
        cut my wrist=3; slit my=3; on the ledge=3; suicide note=3; end it all=3; kill himself=3; kill herself=3
        suicide attempt=3; attempted suicide=3; trying to jump=3; threatening to jump=3; kood jaunga=3; kood jaungi=3
        jaan dene=3; khudkushi ki koshish=3; fanda=2; fansi=2; hang himself=3; hang herself=3
        जीना नहीं चाहता=3; जीना नहीं चाहती=3; मरने जा रहा=3; मरने जा रही=3; जिंदगी खत्म=3; नस काट=3; जहर खा=3
        छत से कूद=3; पुल से कूद=3; नदी में कूद=3; ट्रेन के आगे=3; सुसाइड=3; कूद जाऊंगा=3; कूद जाऊंगी=3; जान देने=3
        फंदा=2; फांसी=2;
        kood jayega=3; kood jayegi=3; kud jayega=3; kud jayegi=3; ganga me kood=3; कूद जाएगा=3; कूद जाएगी=3
        गंगा में कूद=3; jump into the river=3; jump into the ganga=3; jump in front=3
        nahi jeena=3; nhi jeena=3; ab jeena nahi=3; नहीं जीना=3; अब जीना नहीं=3; sleeping pills=3;
        neend ki goliyan=3; neend ki goliya=3; neend ki saari goliyan=3; नींद की गोलियां=3; नींद की गोलियाँ=3;
        last goodbye=3; final goodbye=3; goodbye=1.5; sorry for everything=2; maaf kar dena=1.5; maaf kar de=1.5;
        माफ़ करना माँ=2.5; माफ करना मां=2.5; माफ़ कर देना=1.5; किसी को परेशान नहीं करूंगा=2.5; thak gaya hu=1;
        thak gayi hu=1; आज रात के बाद=1.5; aaj raat ke baad=1.5
    """,
    # A threat (not yet an act) is P2 even when written in the continuous tense.
    "threat_only": """
        threat*=2; threaten*=2; dhamki=2; dhamkiyan=2; dhamka=2; धमकी=2; धमका*=2
    """,
    # A request for police action.
    "request": """
        please=1; pls=1; plz=1; kindly=1.5; request=1; help=1; sir=0.5; madam=0.5; action=1.5; take action=2;
        strict action=2; needful=2; look into=1.5; complaint=1.5; complain*=1.5; fir=1.5; report=0.5; police=0.3;
        madad=1.5; sahayata=1.5; karyavahi=2; karwai=2; karvai=2; karwahi=2; kaarwai=2; shikayat=1.5;
        nivedan=1.5; prarthana=1; kripya=1.5; dhyan de=1.5; sangyan=2; sangyan le=2.5;
        कृपया=1.5; निवेदन=1.5; मदद=1.5; सहायता=1.5; कार्रवाई=2; कार्यवाही=2; कारवाई=2; शिकायत=1.5; संज्ञान=2;
        प्रार्थना=1; ध्यान दें=1.5
    """,
    # The writer or someone close is affected: makes a mention of a crime a complaint.
    "first_person": """
        i; me; my; mine; we; us; our; mera; meri; mere; mujhe; mujh; humara; hamara; hamari; hamare; humare;
        hume; hamein; hamen; main; maine; hum; apna;
        मेरा; मेरी; मेरे; मुझे; मैं; मैंने; हमारा; हमारी; हमारे; हमें; हम
    """,
    # Women and girls: abduction of one is women_safety, not violence.
    "female": """
        girl=2; girls=2; woman=2; women=2; lady=2; ladies=2; daughter=2; sister=2; wife=2; mother=1; niece=2;
        she=1; her=1; minor girl=3; student girl=2;
        ladki=2; ladkiyan=2; ladkiyon=2; beti=2; bitiya=2; behen=2; bahan=2; behan=2; patni=2; biwi=2; bivi=2;
        mahila=2; mahilaon=2; aurat=2; chhatra=2; bhanji=2; bhatiji=2; naabalig ladki=3;
        लड़की=2; लड़कियों=2; बेटी=2; बिटिया=2; बहन=2; पत्नी=2; महिला=2; महिलाओं=2; औरत=2; छात्रा=2; भांजी=2;
        भतीजी=2; नाबालिग लड़की=3
    """,
    # People (missing someone) versus things (lost something).
    "person": """
        nephew=2; niece=2; bhatija=2; bhanja=2; bhatiji=2; bhanji=2; भतीजा=2; भांजा=2; भतीजी=2; भांजी=2; यात्री=1
        son=2; daughter=2; child=2; children=2; kid=2; boy=2; girl=2; brother=2; sister=2; father=2; mother=2;
        dad=2; mom=2; papa=2; mummy=2; grandfather=2; grandmother=2; uncle=1.5; wife=2; husband=2; man=1.5;
        woman=1.5; person=2; old man=2; relative*=2; family=1.5; friend=1.5; student=1.5; cousin=2; nephew=2;
        beta=2; beti=2; bachcha=2; bacha=2; bachchi=2; bachche=2; bhai=2; behen=2; pita=2; pitaji=2; mata=2;
        maa=2; dada=2; dadi=2; nana=2; nani=2; chacha=2; patni=2; pati=2; aadmi=1.5; vyakti=2; ladka=2; ladki=2;
        parivar=1.5; rishtedar=2; dost=1.5;
        बेटा=2; बेटी=2; बच्चा=2; बच्चे=2; बच्ची=2; भाई=2; बहन=2; पिता=2; पिताजी=2; माता=2; मां=2; दादा=2;
        दादी=2; पति=2; पत्नी=2; व्यक्ति=2; लड़का=2; लड़की=2; परिवार=1.5; रिश्तेदार=2; युवक=2; युवती=2;
        वृद्ध=2; किशोर=2; किशोरी=2
    """,
    # Things that get lost or stolen.
    "item": """
        phone=2; mobile=2; iphone=2; wallet=2; purse=2; bag=2; laptop=2; documents=2; document=2; aadhaar=2;
        aadhar=2; licence=2; license=2; keys=2; chain=1.5; ring=1.5; jewellery=2; jewelry=2; bike=2; cycle=2;
        suitcase=2; pan card=2; atm card=2; card=1; passport=1.5; certificate=1.5; mobail=2; batua=2;
        फोन=2; मोबाइल=2; पर्स=2; बैग=2; कागजात=2; आधार=2; लाइसेंस=2; चाबी=2; बटुआ=2
    """,
    # Loss by accident, not by a thief.
    "lost_item": """
        lost=1.5; misplaced=3; left behind=2.5; forgot=2; fell=1.5; dropped=2; kho gaya=1.5; kho gayi=1.5;
        kho diya=2; gir gaya=2; gir gayi=2; chhoot gaya=2.5; chhut gaya=2.5; bhul gaya=2; bhool gaya=2;
        खो गया=1.5; खो गई=1.5; गिर गया=2; गिर गई=2; छूट गया=2.5; भूल गया=2
    """,
    # The grievance is police inaction on another matter.
    "police_actor": """
        police=1; policeman=1.5; policemen=1.5; cop=1.5; cops=1.5; constable=1.5; sho=2; si=1; inspector=1.5;
        daroga=2; darogа=2; thana=1.5; thane=1.5; thanedar=2; chowki=1.5; chauki=1.5; station=0.5; dial 112=1;
        prv=1.5; sipahi=1.5; havaldar=1.5; hawaldar=1.5; pulis=1;
        पुलिस=1; पुलिसकर्मी=1.5; सिपाही=1.5; दरोगा=2; दारोगा=2; थाना=1.5; थाने=1.5; थानेदार=2; चौकी=1.5;
        इंस्पेक्टर=1.5; एसएचओ=2; हवलदार=1.5;
        kotwali=1.5; chowki incharge=2; chauki incharge=2; chowki prabhari=2; thanadhyaksh=2; police wale=1.5
        policewala=1.5; policevale=1.5; prv=1.5; 112=1; beat constable=2; traffic police=1.5; traffic cops=1.5
        कोतवाली=1.5; चौकी प्रभारी=2; चौकी इंचार्ज=2; थानाध्यक्ष=2; थाना प्रभारी=2; सिपाहियों=1.5; पुलिसवाले=1.5
        पुलिस वाले=1.5; पीआरवी=1.5; बीट सिपाही=2; ट्रैफिक पुलिस=1.5; कोतवाल=2; एसआई=1.5; उपनिरीक्षक=1.5
    """,
    # The victim is held now: an abduction is a person in immediate danger. Put into a vehicle and taken away,
    # or a ransom ("or you will find the body"); an attempt that failed holds nobody.
    "abduction": """
        kidnap*=3; kidnapped=3; abduct*=3; agwa=3; apaharan=3; utha le gaye=3; utha ke le gaye=3; uthakar le=3;
        ransom=3; firauti=3; dragged into=3; pulled into=3; forcibly taken=3; zabardasti le gaye=3;
        jabardasti le gaye=3; जबरन ले गए=3; अपहरण=3; अगवा=3; उठा ले गए=3; उठाकर ले गए=3; फिरौती=3
        baitha ke le=3; baitha kar le=3; baithakar le=3; bitha ke le=3; bitha kar le=3; bithakar le=3;
        daal ke le=3; daal kar le=3; dalkar le=3; बैठाकर ले=3; बैठा कर ले=3; बिठाकर ले=3; बिठा कर ले=3;
        डालकर ले=3; डाल कर ले=3; dragged a=3; dragged her=3;
        drag a=3; pushed her into=3; pushed him into=3; warna laash=3; varna laash=3; laash milegi=3;
        वरना लाश=3; लाश मिलेगी=3; for his release=3; for her release=3
        ले जाने का प्रयास=-3; ले जाने की कोशिश=-3; le jane ki koshish=-3; le jaane ki koshish=-3;
        le jane ka prayas=-3; tried to kidnap=-3; tried to abduct=-3; attempted to kidnap=-3; kidnapping attempt=-3
    """,
    # A missing person in danger now: water, a flood, the dark, the heat, an illness that leaves them lost.
    "peril": """
        nahar=2.5; nahar kinare=3; canal=2.5; river=2; nadi=1.5; nadi ke paas=2; pond=2; talab=2; ghat=1;
        gotakhor=3; diver=2.5; divers=2.5; drown*=3; doob=3; dooba=3; doob gaya=3; baadh=3; badh ka pani=3;
        flood*=3; boat=2.5; naav=2.5; nav palat=3; roof=1.5; chhat par fanse=3; pani se ghir=3; andhera=2;
        andhera ho gaya=2.5; in the dark=2; landslide=3; alzheimer*=3; dementia=3; bhoolne ki bimari=3;
        नहर=2.5; नहर किनारे=3; नदी=1.5; तालाब=2; घाट=1; गोताखोर=3; डूब=3; बाढ़=3; नाव=2.5; नाव पलट=3;
        छत पर फंसे=3; पानी से घिर=3; अंधेरा=2; अंधेरा होने=2.5; तेज़ धूप=2; तेज धूप=2; दवा भी साथ नहीं=2
    """,
    # Days have passed (parso: two days): an abduction reported days later is urgent (P2) but no longer "now".
    "days_ago": """
        days ago=2; din pehle=2; din se=1.5; dino se=2; दिन पहले=2; दिनों से=2; दिन से=1.5; hafte=2; week=2
        parso=2; परसों=2
    """,
    # Older cases and follow-ups are routine (P3).
    "followup": """
        fir no=2.5; fir number=2.5; complaint no=2.5; crime no=2.5; case no=2.5; months ago=2.5; month ago=2;
        weeks ago=2; week ago=1.5; last year=2.5; last month=2.5; since months=2.5; still no action=2.5;
        still not=1.5; already complained=2.5; complained earlier=2.5; many times=1.5; several times=1.5;
        reminder=2.5; follow up=2.5; followup=2.5; no update=2; any update=2; pending since=2.5; till date=2;
        pichhle mahine=2.5; pichle mahine=2.5; pichle saal=2.5; pichhle saal=2.5; mahino se=2.5; mahine se=2;
        hafte se=1.5; saal se=2; kai baar=1.5; baar baar=1; ab tak=1.5; abhi tak=1.5; pehle bhi=1.5;
        पिछले महीने=2.5; पिछले साल=2.5; महीनों से=2.5; महीने से=2; कई बार=1.5; अब तक=1.5; अभी तक=1.5;
        पहले भी=1.5; मु0अ0सं0=2.5; मुकदमा संख्या=2.5; एफआईआर नंबर=2.5;
        no update=2.5; no progress=2.5; status of=2; what happened to=2; what is the status=3; case status=2.5
        months since=3; month since=2.5; since months=2.5; year ago=2.5; years ago=2.5; since last year=2.5
        charge sheet=2.5; chargesheet=2.5; final report=2.5; investigation=1; investigating officer=2; io=1
        aaj tak kuch nahi=3; aaj tak koi=2.5; abhi tak koi karyavahi=3; kya hua=1.5; mahine ho gaye=3; saal ho gaya=3
        saal se=2; ek saal=2; mahine se=2.5; hafte se=1.5; report no=2.5; missing report no=3; mu a s=2.5; igrs=2
        application di thi=2.5; complaint ki thi=2.5; shikayat ki thi=2.5; already filed=2.5; filed a complaint=2
        आज तक कोई=2.5; आज तक=1.5; महीने हो गए=3; साल हो गया=3; साल से=2; एक साल=2; चार्जशीट=2.5; विवेचना=2
        विवेचक=1.5; शिकायत की थी=2.5; प्रार्थना पत्र दिया था=2.5; क्या हुआ=1.5; आईजीआरएस=2; स्थिति क्या=2.5
        gd no=2.5; gd number=2.5; ack no=2.5; acknowledgement no=2.5; e fir no=2.5; efir no=2.5; case number=2.5
        gumshudgi sankhya=3; गुमशुदगी संख्या=3; मु.अ.सं=2.5; मुअसं=2.5; अपराध संख्या=2.5; मुकदमा अपराध=2.5
        request an update=2.5; requesting an update=2.5; please update=2; kindly update=2; any progress=2.5
        no arrests=1.5; no arrest=1.5; giraftari nahi hui=2; गिरफ्तारी नहीं हुई=2; प्रगति=2; progress of=2.5
        kaha tak pahucha=3; kahan tak pahuncha=3; kaha tak pahuncha=3; कहां तक पहुंची=3; कहाँ तक पहुँची=3
        saal purana=2.5; mahine purana=2.5; साल पुराना=2.5; पूर्व में=1.5; माह पूर्व=2.5; वर्ष पूर्व=2.5
        months=1; over a year=2.5; years on=2.5; a year later=2.5; ek varsh=2; एक वर्ष=2; वर्ष बाद=2.5
    """,
    # News, reports and police press notes: not a complaint from a citizen.
    "news": """
        police ne=1.5; busts=2.5; bust=2; launches=2.5; launched=2; operation=2; campaign=2; drive against=2.5;
        crackdown=2.5; seized=2; recovered=1.5; pakde=2; pakda=2; pakdi=2; dabocha=2.5; abhiyan=2.5; ke tahat=2;
        destroyed=2; nasht=2; milaya=2; reunited=2; as a bus=2.5; rams into=3; fog=1.5; motorists=2.5; advise=2;
        suna hai=2; khabar=2; kab sudhrega=2.5; system=1; sarkar=1.5; government=1.5; leadership=2; zindabad=2.5;
        crime rate=2.5; credit goes=2.5; sharm aani=2; vaada=1.5; notification=1.5; chunav=2; election=2;
        अभियान=2.5; के तहत=2; नष्ट=2; मिलाया=2; बरामद=2; गिरफ्तार=2; जब्त=2; सरकार=1.5; सुधार=1; नोटिफिकेशन=1.5
        breaking=3; news=2; reportedly=2.5; according to=1.5; sources said=2.5; officials said=2.5;
        police said=2.5; arrested=2; arrests=2; busted=2; nabbed=2; held=1; sent to jail=2; probe ordered=2;
        sit formed=2; stf=1.5; press release=3; press note=3; advisory=2.5; awareness=2; be aware=2;
        beware=2; alert=1; stay safe=2; cancelled=1; postponed=1; report says=2; headlines=2; live updates=2;
        via=1; read more=2; watch=1; video viral=1.5; viral video=1.5;
        khabar=2; samachar=2; giraftar=2; giraftaar=2; dhar dabocha=2.5; bhandafod=2.5; khulasa=2; jail bheja=2;
        जागरूक=2; गिरफ्तार=2; गिरफ्तारी=2; खुलासा=2; भंडाफोड़=2.5; दबोचा=2.5; जेल भेजा=2; खबर=2; समाचार=2;
        ब्रेकिंग=3; सावधान=2; एडवाइजरी=2.5;
        badi khabar=3; taza khabar=3; tazaa khabar=3; police ke anusar=2.5; according to police=2.5; bataya ja raha=2.5
        sutron ke anusar=3; encounter=2; muthbhed=2.5; held for=2; were held=2.5; gang busted=3; pardafash=3
        gang ka bhandafod=3; radd kar di=2; radd kiya=2; cancels=2.5; notice jari=2.5; jari kiya=1.5; result jari=2.5
        released=1; announced=2; ghoshna=2; statement=1.5; bayan=2; opposition=2.5; vipaksh=2.5; jungle raj=3
        jungleraj=3; kanoon vyavastha=2; law and order=1.5; cm yogi=1; mukhyamantri=1.5; government has=2
        बड़ी खबर=3; ताजा खबर=3; पुलिस के अनुसार=2.5; बताया जा रहा=2.5; सूत्रों के अनुसार=3; एनकाउंटर=2
        मुठभेड़=2.5; पर्दाफाश=3; रद्द कर दी=2; रद्द की=2; रद्द कर=1.5; नोटिस जारी=2.5; जारी किया=1.5
        घोषणा=2; बयान=2; विपक्ष=2.5; जंगलराज=3; कानून व्यवस्था=2; मुख्यमंत्री=1.5; निर्णय=1.5
    """,
    "praise": """
        badhiya kaam=3; badhiya=2; brilliant=3; great arrangements=3; arrangements=1.5; well organised=3;
        well organized=3; smooth=1.5; respect=2; hats=1; proud of=3; mast=1.5; good job=3; nice work=3;
        सम्मान=2; मुस्तैदी=2.5; अच्छा लगा=2.5; बहुत अच्छे से=2.5; सराहना=3; प्रशंसा=3
        thank you=2.5; thanks=2.5; thank u=2.5; thankyou=2.5; thnx=2.5; thx=2; grateful=2.5; gratitude=2.5;
        salute=2.5; proud=2.5; great work=3; good work=3; great job=3; well done=3; kudos=3; appreciate*=2.5;
        commendable=3; excellent=2; amazing=2; hats off=3; heroes=2; hero=1.5; best police=3; helpful=1.5;
        quick response=2; prompt action=2; timely help=2.5; timely action=2.5;
        dhanyavad=2.5; dhanyawad=2.5; dhanywad=2.5; shukriya=2.5; abhar=2.5; aabhar=2.5; salaam=2; salam=2;
        bahut achha=2; bahut accha=2; shabash=3; sarahniya=3; prashansniya=3; garv=2.5;
        धन्यवाद=2.5; शुक्रिया=2.5; आभार=2.5; सलाम=2; सराहनीय=3; प्रशंसनीय=3; शाबाश=3; गर्व=2.5; बधाई=2;
        बहुत अच्छा=2;
        great initiative=3; good initiative=3; acchi pahal=3; achhi pahal=3; shandar=2.5; zabardast=2.5; kamaal=2
        jai ho=2; naman=2.5; shat shat naman=3; shraddhanjali=3; martyr=2.5; shaheed=2.5; proud moment=3
        dil se=1.5; thanks a lot=3; thank you so much=3; many thanks=3; thanku=2.5; tysm=2.5; bahut shukriya=3
        sakushal mil=2.5; sakushal=1.5; wapas mil gaya=2; vapas mil gaya=2; got back=1.5; recovered my=1.5
        अच्छी पहल=3; सराहनीय पहल=3; शानदार=2.5; जबरदस्त=2.5; कमाल=2; जय हो=2; नमन=2.5; श्रद्धांजलि=3
        शहीद=2.5; सकुशल मिल=2.5; सकुशल=1.5; वापस मिल गया=2; वापस दिला=2.5; भला करे=2.5; बहुत बहुत आभार=3
    """,
    "thanks_in_advance": """
        thanks in advance=3; thank you in advance=3; advance thanks=3; advance me dhanyavad=3;
        अग्रिम धन्यवाद=3; पहले से धन्यवाद=3
    """,
    "greeting": """
        happy diwali=3; happy holi=3; happy new year=3; happy independence day=3; happy republic day=3;
        eid mubarak=3; good morning=2.5; good night=2; greetings=2.5; wishes=2; best wishes=2.5; jai hind=1.5;
        jai shri ram=1.5; congratulations=2.5; congrats=2.5; namaste=1; shubhkamna*=3; shubh=2; badhai=2;
        हार्दिक शुभकामनाएं=3; शुभकामनाएं=3; शुभकामना=3; जय हिंद=1.5; दीपावली=2; होली=2; बधाई=2;
        suprabhat=3; shubh prabhat=3; good evening=2.5; happy dussehra=3; happy navratri=3; happy eid=3
        happy raksha bandhan=3; merry christmas=3; happy chhath=3; chhath puja=2; navratri=2; dussehra=2
        republic day=2; independence day=2; 15 august=2; 26 january=2; jai shree ram=1.5; radhe radhe=2
        har har mahadev=2; ram ram=2; namaskar=1.5; pranam=1.5; shubh deepawali=3; shubh diwali=3
        सुप्रभात=3; शुभ प्रभात=3; दशहरा=2; नवरात्रि=2; ईद मुबारक=3; रक्षाबंधन=2; छठ=2; गणतंत्र दिवस=2
        स्वतंत्रता दिवस=2; जय श्री राम=1.5; राधे राधे=2; हर हर महादेव=2; राम राम=2; नमस्कार=1.5; प्रणाम=1.5
    """,
    "question": """
        difference=2; kya fark=2; kya farak=2; kaunsa=1.5; kaun sa=1.5; kitni=1.5; kitna=1; kab aayega=2;
        kab aaega=2; kab tak=1; koi batao=2; koi bataye=2; is it=1; helpline number=2.5; zaroori hai=2;
        ho jata hai=1.5; फर्क=2; कब आएगा=2; बताएं=1.5; जानकारी हो=2; क्या फर्क=2
        what is=1.5; how to=2; how can=1.5; how do=1.5; which number=2; helpline number=2; is there=1;
        can anyone=1.5; anyone know=2; where is=1; when will=1.5; kya hai=1; kaise=1.5; kaun sa=1.5;
        kab tak=1; kya hota=1.5; kya kare=1; क्या है=1; कैसे=1.5; कौन सा=1.5;
        how do i=2; how can i=2; what is the process=3; process kya=2.5; prakriya kya=2.5; kaise kare=2; kaise karein=2
        kaise karen=2; kaise bhare=2.5; kitne din=1.5; kitne baje tak=3; allowed till=3; is it allowed=3; allowed to=1.5
        kab hoga=2; kab aayegi=2; kab tak aayega=2; kya karna hoga=2.5; what should i do=2; where can i=2
        helpline kya=2.5; number kya hai=2.5; koi bata sakta=2.5; can someone tell=2; anyone tell=2
        कैसे करें=2; कैसे करते=2; प्रक्रिया क्या=2.5; कितने बजे तक=3; कब होगा=2; कब आएगी=2; क्या करना होगा=2.5
        नंबर क्या है=2.5; कोई बता सकता=2.5; बता सकता है=2
    """,
    "spam": """
        kamao=3; kamaye=3; kamaen=3; earn=2.5; daily 2000=3; investment=2; crypto=3; vip group=3; join our=3;
        dm now=3; signals with=3; accuracy=1.5; ghar baithe=2.5; कमाएं=3; घर बैठे=2.5; संपर्क करें=2; रोज़ाना=1.5;
        निवेश=2
        follow back=3; follow karo=3; subscribe=3; click here=3; link in bio=3; discount=3; offer=2; buy now=3;
        earn money=3; work from home=2.5; dm for=3; promo*=2.5; giveaway=3; win prize=3; free recharge=3;
        casino=3; betting app=2.5; followers=2; join my=2; check out my=3; my channel=3; mera channel=3;
        follow for follow=3; f4f=3; like share subscribe=3; link pe click=3; earn daily=3; guaranteed=2;
        100 guaranteed=3
        coaching=1.5; admission open=3; admissions open=3; new batch=3; join now=2.5; contact for=2; call now=2.5
        loan available=3; instant loan available=3; vashikaran=3; love problem=3; satta king result=3; betting tips=3
        ipl tips=3; whatsapp kare=2; whatsapp karein=2
        दैनिक कमाई=3; कोचिंग=1.5; एडमिशन=2; नया बैच=3; बैच=1.5; वशीकरण=3; लोन उपलब्ध=3; अभी कॉल करें=3
    """,
    # A place outside Uttar Pradesh (no district of ours).
    "outside_up": """
        delhi=3; new delhi=3; gurgaon=3; gurugram=3; faridabad=3; mumbai=3; bombay=3; kolkata=3; calcutta=3;
        chennai=3; bangalore=3; bengaluru=3; hyderabad=3; pune=3; patna=3; jaipur=3; bhopal=3; indore=3;
        chandigarh=3; dehradun=3; haridwar=3; ranchi=3; kota=3; ahmedabad=3; surat=3; haryana=3; bihar=3;
        rajasthan=3; uttarakhand=3; punjab=3; mp=1; madhya pradesh=3; maharashtra=3; gujarat=3; nepal=3;
        sonipat=3; panipat=3; rohtak=3; karnal=3; ambala=3; ludhiana=3; amritsar=3; gwalior=3; jabalpur=3;
        दिल्ली=3; गुड़गांव=3; गुरुग्राम=3; फरीदाबाद=3; मुंबई=3; कोलकाता=3; पटना=3; जयपुर=3; भोपाल=3;
        इंदौर=3; चंडीगढ़=3; देहरादून=3; हरिद्वार=3; हरियाणा=3; बिहार=3; राजस्थान=3; उत्तराखंड=3; पंजाब=3;
        मध्य प्रदेश=3; नेपाल=3; ग्वालियर=3
    """,
    # Residence rather than incident place: "I live in X" loses to "in Y".
    "residence": """
        resident of=3; r o=2; r/o=2; i live in=3; i stay in=3; living in=2; native of=3; originally from=3;
        belong to=2; hometown=2; nivasi=3; niwasi=3; rehne wala=3; rehne wali=3; rahne wala=3; rahne wali=3;
        rehta hun=2; rehti hun=2; mool niwasi=3;
        निवासी=3; रहने वाला=3; रहने वाली=3; मूल निवासी=3; रहता हूं=2; रहती हूं=2
    """,
}

# ------------------------------------------------------------------------------------------ urgency cues

# More wording of the cues above that only the urgency rules read: the rules see these terms in the same cues
# (`cue:in_progress` and `urg:in_progress` both add to the cue "in_progress"), but the category model does not
# take them as features (its evidence is CATEGORY_TERMS and CUE_TERMS), so wording added to decide urgency
# cannot move the category model. Measured: the same terms written into CUE_TERMS moved 30-40 category decisions
# of the 2,272 in cross-validation (macro-F1 0.8652-0.8688 for variants that differed in a few weights).
# Live danger the spec makes P1 and the conventions spell out: a wrong-way vehicle on an expressway, a drunk
# driver weaving with passengers, a rider lying unconscious, poison swallowed, a child missing by the water,
# screams heard now, a person held or blocked, armed men back at the door, an attack under way.
URGENCY_CUE_TERMS: dict[str, str] = {
    # Happening now: minutes since, screams heard, a person held or blocked, armed men standing there or back
    # again, forcing a door, cutting open an ATM. Each weighs 2.5, not 3, so that one of them alone does not
    # outweigh "last night" (a past cue wins over in-progress evidence below 3).
    "in_progress": """
        underway=2; under way=2; in progress=1.5; presently=1.5
        min se=2.5; mins se=2.5; minute se=2.5; minutes se=2.5; मिनट से=2.5; min ho gaye=2.5; minute ho gaye=2.5;
        मिनट हो गए=2.5; मिनट हो गये=2.5; minutes now=2.5; for the last few minutes=2.5; पिछले कुछ मिनट=2.5
        chikhen aa rahi=2.5; cheekhen aa rahi=2.5; cheekh rahi=2.5; chikh rahi=2.5; chilla rahi=2.5; चीखें आ रही=2.5;
        चीख रही=2.5; चीखने की आवाज=2.5; चिल्ला रही=2.5; screaming=2.5
        jane nahi de raha=2.5; jaane nahi de raha=2.5; jane nahi de rahe=2.5; jaane nahi de rahe=2.5;
        जाने नहीं दे रहा=2.5; जाने नहीं दे रहे=2.5; not letting me go=2.5; not letting me leave=2.5;
        won't let me go=2.5; won't let me leave=2.5; haath nahi chhod raha=2.5; hath nahi chhod raha=2.5;
        हाथ नहीं छोड़ रहा=2.5; won't let go of my hand=2.5; rasta rok ke khada=2.5; rasta rokkar khada=2.5;
        रास्ता रोककर खड़ा=2.5; रास्ता रोके खड़ा=2.5; blocking my way=2.5; blocking our way=2.5; blocking my path=2.5
        khada hai=2; खड़ा है=2; लेकर खड़ा=2.5; लेकर खड़े=2.5; leke khada=2.5; lekar khada=2.5; le ke khada=2.5;
        leke khade=2.5; lekar khade=2.5; standing outside with=2.5; standing there with=2.5
        fir aa gaya=2; phir aa gaya=2; fir se aa gaye=2.5; फिर आ गया=2; फिर आ गए=2.5; फिर से आ गए=2.5;
        is back again=2.5; are back again=2.5
        koshish kar raha=1.5; koshish kar rahe=1.5; कोशिश कर रहा=1.5; कोशिश कर रहे=1.5; is trying to=1.5;
        are trying to=1.5; trying to break=2.5; trying to open=2.5; trying to force=2.5; trying to get in=2.5
        kaat rahe=2.5; काट रहे=2.5; cutting open=2.5; chakkar kaat rahe=-2.5; चक्कर काट रहे=-2.5;
        chalan kaat rahe=-2.5; challan kaat rahe=-2.5; चालान काट रहे=-2.5
        baitha ke rakha=2.5; bitha ke rakha=2.5; बैठा रखा=2.5; बिठा रखा=2.5; बैठाकर रखा=2.5; baitha ke rakha gaya=-2.5;
        bitha ke rakha gaya=-2.5; बैठाकर रखा गया=-2.5; बैठा रखा गया=-2.5; बिठा रखा गया=-2.5
    """,
    # A harmful act told as going on: the present progressive ("पीट रही है", "chheen rahe", "are breaking") or a
    # present perfect whose state lasts ("घुसे हैं", "gher li h", "are inside", "still at it", "train just left").
    # Read only for violence, women_safety, theft_fraud (and an offence behind a nuisance or police complaint),
    # and outweighed by "habitual" below: a situation of weeks, a daily nuisance, a past continuous.
    "ongoing": """
        पीट रही=3; पीट रहा=3; मार रही=3; मार रहा=3; छीन रहे=3; छीन रहा=3; लूट रहे=3; लूट रहा=3; तोड़ रहे=3; तोड़ रहा=3;
        घुसे हैं=3; घुसे हुए=3; घुस रहे=3; घेर ली=3; घेर रखी=3; घेर रखा=3; घेरे हुए=3; घेरे खड़े=3; छेड़ रहे=3;
        छेड़ रहा=3; छू रहा=3; छू रहे=3; कमेंट कर रहे=3; हाथ लगा रहा=3; हाथ लगा रहे=3; पीछे पीछे=2.5; पीछा कर=3;
        ले जा रहा=3; ले जा रही=3; लाद रहे=3; भागे हैं=3; भाग रहे=3; दिखा रहे=2.5; तान रखा=3; टूट पड़े=3;
        झपटकर भागे=3; गिरे हैं=2.5; गिरे पड़े=3; गाड़ी नहीं रोक=3; रोक नहीं रहा=3; चाकू दिखाकर=2.5
        peet rahi=3; peet raha=3; pit rahi=3; pit raha=3; maar rahi=3; maar raha=3; mar rahi=3; mar raha=3;
        chheen rahe=3; chhin rahe=3; chheen raha=3; chhin raha=3; cheen rahe=3; loot rahe=3; lut rahe=3; loot raha=3;
        tod rahe=3; tod raha=3; ghuse h=3; ghuse hue=3; ghuse huye=3; ghus rahe=3; gher li=3; gher rakhi=3;
        ghere khade=3; ghere hue=3; chhed rahe=3; chhed raha=3; chhoo raha=3; chhu raha=3; chhoo rahe=3;
        comment kar rahe=3; haath laga rahe=3; haath laga raha=3; hath laga rahe=3; peeche peeche=2.5; piche piche=2.5;
        peeche chal rahe=3; piche chal rahe=3; le ja raha=3; le ja rahi=3; leke ja raha=3; lad rahe=3; bhage h=3;
        bhage hai=3; bhage hain=3; bhaag rahe=3; bhag rahe=3; dikha rahe=2.5; taan rakha=3; toot pade=3;
        jhapat ke bhage=3; jhapatkar bhage=3; child lock=3; gaadi nahi rok=3; gadi nahi rok=3; rok nahi raha=3;
        sun nahi raha=2; nahi ruk raha=3; bitha diya=2.5; baitha diya=2.5
        are inside=3; is inside=2.5; still inside=3; still on the=3; still at it=3; still circling=3; still there=1;
        still following=3; are breaking=3; is breaking=3; are snatching=3; is snatching=3; snatching=1.5;
        are hitting=3; is hitting=3; are attacking=3; is attacking=3; are following=3; is following=3;
        have followed=2.5; has followed=2.5; followed her all the way=3; are loading=3; is dragging=3;
        are dragging=3; is exposing=3; exposing himself=3; just left=2.5; just jumped=3; just snatched=3;
        just grabbed=3; just broke=3; have the owner=3; holding them=3; i can see=2; we can hear=2.5;
        won't stop the=3; will not stop the=3; not stopping the=3; child lock on=3; keeps touching=3;
        keeps stepping=3; circling=1.5; right now=1
    """,
    # A situation of weeks or a habit, a threat by phone, a past continuous: not an offence going on now.
    "habitual": """
        roz=2.5; rozana=2.5; roj=2.5; har roz=2.5; har din=2.5; har raat=2.5; daily=2.5; every day=2.5;
        everyday=2.5; every night=2.5; रोज=2.5; रोज़=2.5; रोजाना=2.5; हर दिन=2.5; हर रोज=2.5; हर रात=2.5;
        baar baar=1.5; bar bar=1.5; बार बार=1.5; aksar=2.5; अक्सर=2.5; often=2; usually=2.5; used to=2.5;
        for weeks=3; for months=3; for days=3; for a week=3; for a month=3; weeks now=3; months now=3;
        hafte se=3; hafton se=3; mahine se=3; mahino se=3; dino se=3; din se=2.5; saal se=3;
        हफ्ते से=3; हफ्तों से=3; महीने से=3; महीनों से=3; दिनों से=3; दिन से=2.5; साल से=3;
        raha tha=3; rahe the=3; rahi thi=3; rha tha=3; rhe the=3; rhi thi=3; रहा था=3; रहे थे=3; रही थी=3;
        was following=3; were following=3; was beating=3; were beating=3; was hitting=3; kept following=3;
        phone pe=1.5; phone par=1.5; call karke=2.5; call kar ke=2.5; फोन पर=1.5; फोन करके=2.5; whatsapp=2;
        instagram=2; messages=1.5; on call=1.5; calls me=2.5; keeps calling=2.5
        whenever=2.5; jab bhi=2.5; जब भी=2.5; times this week=3; times a week=3; baar ho chuka=3; बार हो चुका=3
    """,
    # On the road: a rider not conscious, a drunk driver at the wheel, a vehicle weaving.
    "danger": """
        not conscious=3; hosh nahi=3; hosh me nahi=3; होश नहीं=3; होश में नहीं=3; unresponsive=3
        driver ne sharab=3; driver ne daaru=3; driver sharabi=3; ड्राइवर ने शराब=3; चालक ने शराब=3;
        drunk bus driver=3; driver drunk=3; driver was drunk=3; weaving=3; lehra ke chala*=3; lehrakar chala*=3;
        lehrate hue=2.5; लहराकर चला*=3; लहराते हुए=2.5
    """,
    # Burns and a rider not conscious are injuries. "Even an ambulance cannot get through" is a jam, not a
    # patient: it takes back the ambulance's weight.
    "injured": """
        burnt=3; badly burned=3; got burned=3; was burned=3; is burned=3; severe burns=3; burn injuries=3;
        with burns=3; jhulas*=3; झुलस*=3; not conscious=3; hosh nahi=3; होश नहीं=3
        ambulance bhi=-2.5; ambulance tak=-2.5; ambulance ko bhi=-2.5; even an ambulance=-2.5; even the ambulance=-2.5;
        एम्बुलेंस भी=-2.5; एम्बुलेंस तक=-2.5
    """,
    # Dragged off or forced onto a vehicle: taken by force, like "zabardasti le gaye".
    "abduction": """
        kheench ke le=3; kheench kar le=3; kheenchkar le=3; ghasit ke le=3; ghaseet kar le=3; खींचकर ले=3;
        खींच कर ले=3; घसीटकर ले=3; घसीट कर ले=3; dragged her away=3; dragged him away=3; forced onto=3; forced into=3
        kheench ke car=3; kheench ke gaadi=3; kheench kar gaadi=3; kheench ke andar le=3; kheench kar andar le=3;
        खींचकर गाड़ी=3; खींचकर कार=3; खींचकर अंदर ले=3; खींच कर अंदर ले=3; घसीटकर गाड़ी=3
    """,
    # Lured away ("behla-phusla", "bhaga le gaya"): an abduction in the conventions, P1 only within the last hours
    # (with "recent"), P2 when it is a day or more old or undated.
    "lured": """
        bahla fusla*=3; behla fusla*=3; bahla ke le=3; behla ke le=3; बहला फुसला*=3; बहलाकर ले=3; lured away=3;
        lured her away=3; lured him away=3; bhaga le=3; bhaga ke le=3; bhagakar le=3; भगा ले=3; भगाकर ले=3
    """,
    # Within the last hours: today, this morning, hours ago.
    "recent": """
        aaj=2; आज=2; today=2; this morning=2; this afternoon=2; this evening=2; ghante pehle=2; ghanta pehle=2;
        घंटे पहले=2; घंटा पहले=2; hours ago=2; hour ago=2; an hour=2
    """,
    # A missing person by the water: gone bathing or swimming, a pond or canal right by the house, a strong current.
    "peril": """
        nahane=2; nahate=2; naha rahe=2; tairne=2; bathing=2; swimming=2; swim=2; नहाने=2; नहाते=2; तैरने=2;
        pokhra=2.5; pokhar=2.5; jheel=2.5; lake=2; पोखर*=2.5; झील=2.5; kinare=1; किनारे=1;
        ghar ke peeche=0.5; ghar ke piche=0.5; ghar ke paas=0.5; घर के पीछे=0.5; घर के पास=0.5; behind our house=0.5;
        behind the house=0.5; near our house=0.5; paani tez=3; pani tez=3; पानी तेज=3; tez bahav=3; तेज बहाव=3;
        strong current=3; deep water=3
    """,
    # A body found: the person is dead, the danger is over (a drowning with the body recovered is not P1).
    "death": """
        शव=2; laash=2; लाश=2; dead body=2; body was found=2; body found=2
    """,
    # A vehicle coming against the traffic, and a road where it comes at speed: both, now, is P1.
    "wrong_way": """
        wrong way=3; wrong side=3; wrong direction=3; opposite direction=3; against the traffic=3; against traffic=3;
        ulti disha=3; ulti side=3; ulta aa=3; ulta ja=3; ulta chal=3; galat disha=3; galat side=3; ulti taraf=3;
        उल्टी दिशा=3; उल्टी साइड=3; उल्टा आ=3; उल्टा चल=3; गलत दिशा=3; गलत साइड=3; रॉन्ग साइड=3; उल्टी तरफ=3
    """,
    "fast_road": """
        expressway*=3; express way=3; highway=3; national highway=3; nh=3; एक्सप्रेसवे=3; एक्सप्रेस वे=3; हाईवे=3;
        राजमार्ग=3; rajmarg=3
    """,
    # Poison or pesticide swallowed: a person needing help now, unless it is over (a death, a date in the past).
    "poison": """
        keetnashak pi=3; keetnashak kha=3; kitnashak pi=3; kitnashak kha=3; zeher pi=3; jahar pi=3; zehar pi=3;
        sulphas=3; salfas=3; कीटनाशक पी=3; कीटनाशक खा=3; जहर पी=3; सल्फास=3; drank poison=3; drank pesticide=3;
        swallowed poison=3; swallowed pesticide=3; consumed poison=3; consumed pesticide=3; took poison=3;
        munh se jhaag=3; muh se jhag=3; मुंह से झाग=3; foaming at the mouth=3
    """,
}
