"""The shipped word lists of the extract stage: place aliases, demonyms, synonyms and stop words.

This module owns data only (plus the small functions that fold text with it). Everything here is
general English news vocabulary; nothing names a particular story. Place keys are lower-case ASCII
("mexico", "us", "uk"); synonyms map a folded word to the canonical term used for alignment.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["PLACE_ALIASES", "DEMONYMS", "NAME_LIKE_COUNTRIES", "SYNONYMS", "IMPLIED_TERMS", "STOPWORDS", "fold", "fold_same_length", "canonical_term",
           "find_places"]

# Canonical key -> names as written (case-sensitive; diacritics are folded before matching).
_PLACES: dict[str, tuple[str, ...]] = {
    "us": ("United States of America", "United States", "U.S.A.", "U.S.", "USA", "US", "America"),
    "uk": ("United Kingdom", "Great Britain", "Britain", "U.K.", "UK"),
    # the UK's nations: "Northern Ireland" is not Ireland
    "northern ireland": ("Northern Ireland",), "scotland": ("Scotland",), "wales": ("Wales",), "england": ("England",),
    "new south wales": ("New South Wales",),
    "vietnam": ("Vietnam", "Viet Nam", "VietNam", "VN", "Socialist Republic of Vietnam"),
    "china": ("People's Republic of China", "China", "PRC", "Mainland China"),
    "taiwan": ("Taiwan",), "hong kong": ("Hong Kong",), "japan": ("Japan",),
    "south korea": ("South Korea", "Republic of Korea", "ROK", "S. Korea"),
    "north korea": ("North Korea", "DPRK", "Democratic People's Republic of Korea"),
    "russia": ("Russian Federation", "Russia"), "ukraine": ("Ukraine",), "india": ("India",), "pakistan": ("Pakistan",),
    "bangladesh": ("Bangladesh",), "sri lanka": ("Sri Lanka",), "nepal": ("Nepal",), "afghanistan": ("Afghanistan",),
    "iran": ("Iran",), "iraq": ("Iraq",), "syria": ("Syria",), "israel": ("Israel",), "palestine": ("Palestine",),
    "lebanon": ("Lebanon",), "jordan": ("Jordan",), "saudi arabia": ("Saudi Arabia",), "uae": ("United Arab Emirates", "UAE", "U.A.E."),
    "qatar": ("Qatar",), "kuwait": ("Kuwait",), "oman": ("Oman",), "yemen": ("Yemen",), "turkey": ("Turkey", "Türkiye", "Turkiye"),
    "egypt": ("Egypt",), "libya": ("Libya",), "tunisia": ("Tunisia",), "algeria": ("Algeria",), "morocco": ("Morocco",),
    "sudan": ("Sudan",), "ethiopia": ("Ethiopia",), "kenya": ("Kenya",), "nigeria": ("Nigeria",), "ghana": ("Ghana",),
    "south africa": ("South Africa",), "somalia": ("Somalia",), "congo": ("Democratic Republic of the Congo", "DR Congo", "DRC", "Congo"),
    "uganda": ("Uganda",), "tanzania": ("Tanzania",), "rwanda": ("Rwanda",), "zimbabwe": ("Zimbabwe",), "senegal": ("Senegal",),
    "germany": ("Germany",), "france": ("France",), "italy": ("Italy",), "spain": ("Spain",), "portugal": ("Portugal",),
    "netherlands": ("Netherlands", "Holland"), "belgium": ("Belgium",), "switzerland": ("Switzerland",), "austria": ("Austria",),
    "sweden": ("Sweden",), "norway": ("Norway",), "denmark": ("Denmark",), "finland": ("Finland",), "iceland": ("Iceland",),
    "ireland": ("Ireland",), "poland": ("Poland",), "czechia": ("Czech Republic", "Czechia"), "hungary": ("Hungary",),
    "romania": ("Romania",), "bulgaria": ("Bulgaria",), "greece": ("Greece",), "serbia": ("Serbia",), "croatia": ("Croatia",),
    "belarus": ("Belarus",), "georgia": ("Georgia",), "armenia": ("Armenia",), "azerbaijan": ("Azerbaijan",),
    "kazakhstan": ("Kazakhstan",), "uzbekistan": ("Uzbekistan",), "mongolia": ("Mongolia",),
    "thailand": ("Thailand",), "cambodia": ("Cambodia",), "laos": ("Laos", "Lao PDR"), "myanmar": ("Myanmar", "Burma"),
    "malaysia": ("Malaysia",), "singapore": ("Singapore",), "indonesia": ("Indonesia",), "philippines": ("Philippines",),
    "brunei": ("Brunei",), "timor-leste": ("Timor-Leste", "East Timor"), "australia": ("Australia",), "new zealand": ("New Zealand",),
    "canada": ("Canada",), "mexico": ("Mexico",), "brazil": ("Brazil",), "argentina": ("Argentina",), "chile": ("Chile",),
    "peru": ("Peru",), "colombia": ("Colombia",), "venezuela": ("Venezuela",), "ecuador": ("Ecuador",), "bolivia": ("Bolivia",),
    "cuba": ("Cuba",), "haiti": ("Haiti",), "guatemala": ("Guatemala",), "honduras": ("Honduras",), "nicaragua": ("Nicaragua",),
    "panama": ("Panama",), "eu": ("European Union", "EU", "E.U."), "asean": ("Association of Southeast Asian Nations", "ASEAN"),
    "un": ("United Nations", "U.N.", "UN"), "nato": ("NATO",),
    # the other sovereign states, and territories news treats as places
    "albania": ("Albania",), "andorra": ("Andorra",), "angola": ("Angola",), "antigua and barbuda": ("Antigua and Barbuda",),
    "bahamas": ("Bahamas", "The Bahamas"), "bahrain": ("Bahrain",), "barbados": ("Barbados",), "belize": ("Belize",),
    "benin": ("Benin",), "bhutan": ("Bhutan",), "bosnia and herzegovina": ("Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"),
    "botswana": ("Botswana",), "burkina faso": ("Burkina Faso",), "burundi": ("Burundi",), "cape verde": ("Cape Verde", "Cabo Verde"),
    "cameroon": ("Cameroon",), "central african republic": ("Central African Republic",), "chad": ("Chad",),
    "comoros": ("Comoros",), "republic of the congo": ("Republic of the Congo", "Congo-Brazzaville"),
    "costa rica": ("Costa Rica",), "ivory coast": ("Ivory Coast", "Cote d'Ivoire"), "cyprus": ("Cyprus",),
    "djibouti": ("Djibouti",), "dominica": ("Dominica",), "dominican republic": ("Dominican Republic",),
    "el salvador": ("El Salvador",), "equatorial guinea": ("Equatorial Guinea",), "eritrea": ("Eritrea",),
    "estonia": ("Estonia",), "eswatini": ("Eswatini", "Swaziland"), "fiji": ("Fiji",), "gabon": ("Gabon",),
    "gambia": ("Gambia", "The Gambia"), "grenada": ("Grenada",), "guinea": ("Guinea",), "guinea-bissau": ("Guinea-Bissau",),
    "guyana": ("Guyana",), "jamaica": ("Jamaica",), "kiribati": ("Kiribati",), "kosovo": ("Kosovo",),
    "kyrgyzstan": ("Kyrgyzstan",), "latvia": ("Latvia",), "lesotho": ("Lesotho",), "liberia": ("Liberia",),
    "liechtenstein": ("Liechtenstein",), "lithuania": ("Lithuania",), "luxembourg": ("Luxembourg",), "macau": ("Macau", "Macao"),
    "madagascar": ("Madagascar",), "malawi": ("Malawi",), "maldives": ("Maldives",), "mali": ("Mali",), "malta": ("Malta",),
    "marshall islands": ("Marshall Islands",), "mauritania": ("Mauritania",), "mauritius": ("Mauritius",),
    "micronesia": ("Micronesia",), "moldova": ("Moldova",), "monaco": ("Monaco",), "montenegro": ("Montenegro",),
    "mozambique": ("Mozambique",), "namibia": ("Namibia",), "nauru": ("Nauru",), "niger": ("Niger",),
    "north macedonia": ("North Macedonia",), "palau": ("Palau",), "papua new guinea": ("Papua New Guinea",),
    "paraguay": ("Paraguay",), "puerto rico": ("Puerto Rico",), "saint kitts and nevis": ("Saint Kitts and Nevis", "St Kitts and Nevis"),
    "saint lucia": ("Saint Lucia", "St Lucia"), "saint vincent and the grenadines": ("Saint Vincent and the Grenadines",),
    "samoa": ("Samoa",), "san marino": ("San Marino",), "sao tome and principe": ("Sao Tome and Principe",),
    "seychelles": ("Seychelles",), "sierra leone": ("Sierra Leone",), "slovakia": ("Slovakia",), "slovenia": ("Slovenia",),
    "solomon islands": ("Solomon Islands",), "south sudan": ("South Sudan",), "suriname": ("Suriname",),
    "tajikistan": ("Tajikistan",), "togo": ("Togo",), "tonga": ("Tonga",), "trinidad and tobago": ("Trinidad and Tobago",),
    "turkmenistan": ("Turkmenistan",), "tuvalu": ("Tuvalu",), "uruguay": ("Uruguay",), "vanuatu": ("Vanuatu",),
    "vatican": ("Vatican City", "Holy See", "Vatican"), "zambia": ("Zambia",), "greenland": ("Greenland",),
    # continents and regions: lists are often drawn up over them ("Africa's 8th-largest economy")
    "africa": ("Africa",), "asia": ("Asia",), "europe": ("Europe",), "latin america": ("Latin America",),
    "middle east": ("Middle East",), "southeast asia": ("Southeast Asia", "South-East Asia"), "oceania": ("Oceania",),
    "north america": ("North America",), "south america": ("South America",),
}
#: Folded alias -> canonical key.
PLACE_ALIASES: dict[str, str] = {alias: key for key, names in _PLACES.items() for alias in names}

#: Demonyms and adjectives -> canonical place key ("Mexican" -> "mexico").
DEMONYMS: dict[str, str] = {
    "American": "us", "Vietnamese": "vietnam", "British": "uk", "Chinese": "china", "Japanese": "japan",
    "South Korean": "south korea", "North Korean": "north korea", "Korean": "south korea", "Russian": "russia",
    "Ukrainian": "ukraine", "Indian": "india", "Pakistani": "pakistan", "German": "germany", "French": "france",
    "Italian": "italy", "Spanish": "spain", "Canadian": "canada", "Mexican": "mexico", "Brazilian": "brazil",
    "Australian": "australia", "Thai": "thailand", "Cambodian": "cambodia", "Lao": "laos", "Laotian": "laos",
    "Malaysian": "malaysia", "Singaporean": "singapore", "Indonesian": "indonesia", "Filipino": "philippines",
    "Philippine": "philippines", "Israeli": "israel", "Palestinian": "palestine", "Iranian": "iran", "Iraqi": "iraq",
    "Syrian": "syria", "Turkish": "turkey", "Egyptian": "egypt", "Saudi": "saudi arabia", "Nigerian": "nigeria",
    "Kenyan": "kenya", "Ethiopian": "ethiopia", "Polish": "poland", "Dutch": "netherlands", "Swedish": "sweden",
    "Norwegian": "norway", "Danish": "denmark", "Finnish": "finland", "Irish": "ireland", "Greek": "greece",
    "Swiss": "switzerland", "Austrian": "austria", "Belgian": "belgium", "Portuguese": "portugal", "Taiwanese": "taiwan",
    "European": "eu", "African": "africa", "Asian": "asia", "Argentine": "argentina", "Chilean": "chile", "Colombian": "colombia", "Venezuelan": "venezuela",
    "Cuban": "cuba", "Afghan": "afghanistan", "Burmese": "myanmar", "Mongolian": "mongolia", "New Zealand": "new zealand",
    "South African": "south africa", "Saudi Arabian": "saudi arabia", "Emirati": "uae", "Albanian": "albania",
    "Algerian": "algeria", "Angolan": "angola", "Armenian": "armenia", "Azerbaijani": "azerbaijan", "Bahraini": "bahrain",
    "Bangladeshi": "bangladesh", "Belarusian": "belarus", "Bolivian": "bolivia", "Bosnian": "bosnia and herzegovina",
    "Bulgarian": "bulgaria", "Cameroonian": "cameroon", "Congolese": "congo", "Costa Rican": "costa rica",
    "Croatian": "croatia", "Cypriot": "cyprus", "Czech": "czechia", "Ecuadorian": "ecuador", "Eritrean": "eritrea",
    "Estonian": "estonia", "Georgian": "georgia", "Ghanaian": "ghana", "Guatemalan": "guatemala", "Haitian": "haiti",
    "Honduran": "honduras", "Hungarian": "hungary", "Icelandic": "iceland", "Ivorian": "ivory coast", "Jamaican": "jamaica",
    "Jordanian": "jordan", "Kazakh": "kazakhstan", "Kuwaiti": "kuwait", "Kyrgyz": "kyrgyzstan", "Latvian": "latvia",
    "Lebanese": "lebanon", "Liberian": "liberia", "Libyan": "libya", "Lithuanian": "lithuania", "Malagasy": "madagascar",
    "Malawian": "malawi", "Malian": "mali", "Maltese": "malta", "Mauritanian": "mauritania", "Moldovan": "moldova",
    "Montenegrin": "montenegro", "Moroccan": "morocco", "Mozambican": "mozambique", "Namibian": "namibia",
    "Nepalese": "nepal", "Nepali": "nepal", "Nicaraguan": "nicaragua", "Nigerien": "niger", "Omani": "oman",
    "Panamanian": "panama", "Paraguayan": "paraguay", "Peruvian": "peru", "Qatari": "qatar", "Romanian": "romania",
    "Rwandan": "rwanda", "Salvadoran": "el salvador", "Senegalese": "senegal", "Serbian": "serbia", "Slovak": "slovakia",
    "Slovenian": "slovenia", "Somali": "somalia", "Sri Lankan": "sri lanka", "Sudanese": "sudan",
    "South Sudanese": "south sudan", "Tajik": "tajikistan", "Tanzanian": "tanzania", "Tunisian": "tunisia",
    "Turkmen": "turkmenistan", "Ugandan": "uganda", "Uruguayan": "uruguay", "Uzbek": "uzbekistan", "Yemeni": "yemen",
    "Zambian": "zambia", "Zimbabwean": "zimbabwe", "Bruneian": "brunei", "Timorese": "timor-leste", "Fijian": "fiji",
    "Sierra Leonean": "sierra leone", "Macedonian": "north macedonia", "Kosovar": "kosovo", "Puerto Rican": "puerto rico",
    "Bhutanese": "bhutan", "Gabonese": "gabon", "Togolese": "togo", "Beninese": "benin", "Burundian": "burundi",
    "Chadian": "chad", "Guinean": "guinea", "Gambian": "gambia", "Trinidadian": "trinidad and tobago",
    "Barbadian": "barbados", "Bahamian": "bahamas", "Guyanese": "guyana", "Surinamese": "suriname",
    "Samoan": "samoa", "Tongan": "tonga", "Mauritian": "mauritius", "Cape Verdean": "cape verde",
    "Papua New Guinean": "papua new guinea", "Luxembourgish": "luxembourg", "Greenlandic": "greenland",
}

#: Folded word -> canonical term, so that wording differences align ("turnover" ~ "trade").
SYNONYMS: dict[str, str] = {
    # trade
    "trade": "trade", "trading": "trade", "traded": "trade", "commerce": "trade", "commercial": "trade",
    "turnover": "trade", "two-way": "trade", "bilateral-trade": "trade",
    "export": "export", "exports": "export", "exported": "export", "exporting": "export", "shipments": "export",
    "import": "import", "imports": "import", "imported": "import", "importing": "import",
    # investment
    "investment": "invest", "investments": "invest", "invested": "invest", "investing": "invest", "invest": "invest",
    "investor": "investor", "investors": "investor", "fdi": "invest", "poured": "invest", "pour": "invest",
    "capital": "invest",
    # partners and markets
    "partner": "partner", "partners": "partner", "partnership": "partnership", "market": "market", "markets": "market",
    # people
    "student": "student", "students": "student", "studying": "student",
    "soldier": "soldier", "soldiers": "soldier", "troop": "soldier", "troops": "soldier", "servicemen": "soldier",
    "serviceman": "soldier", "service": "soldier", "member": "soldier", "members": "soldier", "mia": "soldier",
    "remains": "remains",
    "death": "death", "deaths": "death", "dead": "death", "killed": "death", "fatalities": "death", "died": "death",
    "toll": "death", "victims": "death",
    "hacker": "attacker", "hackers": "attacker", "intruder": "attacker", "intruders": "attacker",
    "attacker": "attacker", "attackers": "attacker",
    "ransom": "demand", "demand": "demand", "demands": "demand", "demanded": "demand", "demanding": "demand",
    "injured": "injury", "wounded": "injury", "injuries": "injury", "hurt": "injury",
    "people": "person", "persons": "person", "person": "person", "adults": "person", "adult": "person",
    "participants": "person", "participant": "person", "volunteers": "person", "individuals": "person",
    "residents": "person", "inhabitants": "person", "citizens": "person", "population": "person",
    "missing": "missing", "displaced": "displaced", "evacuated": "evacuated", "evacuees": "evacuated",
    "project": "project", "projects": "project",
    "sentence": "sentence", "sentences": "sentence", "sentenced": "sentence", "jailed": "sentence",
    "imprisoned": "sentence",
    "company": "company", "companies": "company", "firm": "company", "firms": "company", "business": "company",
    "businesses": "company", "enterprise": "company", "enterprises": "company", "corporation": "company",
    "corporations": "company",
    "vessel": "vessel", "vessels": "vessel", "ship": "vessel", "ships": "vessel", "boat": "vessel", "boats": "vessel",
    "cutter": "vessel", "cutters": "vessel",
    "tourist": "visitor", "tourists": "visitor", "visitor": "visitor", "visitors": "visitor", "arrivals": "visitor",
    "vote": "vote", "votes": "vote", "ballot": "vote", "ballots": "vote",
    "executive": "executive", "executives": "executive", "ceo": "executive", "ceos": "executive",
    "employee": "worker", "employees": "worker", "worker": "worker", "workers": "worker", "staff": "worker", "jobs": "job",
    "job": "job",
    # economy
    "gdp": "gdp", "output": "gdp", "economy": "economy", "economic": "economy", "growth": "growth",
    "inflation": "inflation", "prices": "price", "price": "price", "cost": "price", "costs": "price", "costing": "price",
    "revenue": "revenue", "revenues": "revenue", "sales": "revenue", "profit": "profit", "profits": "profit",
    "earnings": "profit", "unemployment": "unemployment", "jobless": "unemployment",
    "budget": "budget", "spending": "spending", "aid": "aid", "loan": "loan", "loans": "loan", "debt": "debt",
    "facility": "loan", "financing": "loan", "borrowing": "loan", "borrowings": "loan", "borrowed": "loan",
    "lent": "loan", "lending": "loan", "credit": "loan", "maturity": "term", "tenor": "term", "term": "term",
    "lender": "lender", "lenders": "lender", "creditors": "lender", "banks": "lender",
    # fires and faults
    "strike": "strike", "strikes": "strike", "stoppage": "strike", "stoppages": "strike", "walkout": "strike",
    "walkouts": "strike",
    "fire": "fire", "fires": "fire", "blaze": "fire", "blazes": "fire", "wildfire": "fire", "wildfires": "fire",
    "fault": "fault", "faults": "fault", "defect": "fault", "defects": "fault", "flaw": "fault", "problem": "fault",
    "faulty": "fault", "defective": "fault",
    # accidents and disasters, so that "the blast" and "the explosion" meet
    "explosion": "explosion", "explosions": "explosion", "blast": "explosion", "blasts": "explosion",
    "exploded": "explosion", "derailed": "derailment", "derailment": "derailment", "derail": "derailment",
    "quake": "quake", "quakes": "quake", "earthquake": "quake", "earthquakes": "quake", "tremor": "quake",
    "crash": "crash", "crashed": "crash", "collision": "crash", "collided": "crash",
    "capsized": "capsize", "capsize": "capsize", "capsizing": "capsize", "sank": "capsize", "overturned": "capsize",
    "overturn": "capsize", "overturning": "capsize",
    # weather and the earth
    "temperature": "temperature", "temperatures": "temperature", "thermometer": "temperature",
    "thermometers": "temperature", "mercury": "temperature", "heat": "temperature",
}

STOPWORDS = frozenset(
    "a an the and or but of to in on at for from with by as is are was were be been being has have had do does did will "
    "would shall should can could may might must that which who whom whose this these those it its their his her our your "
    "they them he she we you i also already so such than then there here into over about after before between both each "
    "more most other some any all per up down out off very just only while when where what how why not no nor own same "
    "too again further once during through under above below worth said says say told according year years month months "
    "week weeks day days last next this today recently every new two three four five six seven eight nine ten one "
    "us percent billion million thousand trillion times nearly almost around approximately roughly over under "
    "more than less about some total reached hit topped exceeded surpassing surpassed rose fell grew cent against "
    "according bn mn euro euros pound pounds".split()
)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    from unidecode import unidecode

    out = unidecode(c)
    return out[:1] if out else c


def fold_same_length(text: str) -> str:
    """``text`` with each non-ASCII character replaced by one ASCII character ("Côte d'Ivoire" -> "Cote d'Ivoire"),
    so offsets stay valid."""
    if text.isascii():
        return text
    return "".join(c if c.isascii() else _fold_char(c) for c in text)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII with diacritics removed and whitespace collapsed ("Łódź Nguyễn" -> "lodz nguyen")."""
    from unidecode import unidecode

    return re.sub(r"\s+", " ", unidecode(text).lower()).strip()


#: Terms that imply another ("investor" also speaks of investment).
IMPLIED_TERMS: dict[str, str] = {"investor": "invest", "exporter": "export", "importer": "import", "partner": "partner"}


def canonical_term(word: str) -> str:
    """The alignment term of a folded word: its synonym class, else a rough singular."""
    w = word.lower()
    if w in SYNONYMS:
        return SYNONYMS[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return SYNONYMS.get(w[:-1], w[:-1])
    return w


def _place_regex() -> re.Pattern[str]:
    names = sorted(PLACE_ALIASES, key=len, reverse=True)
    dem = sorted(DEMONYMS, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    alt_dem = "|".join(re.escape(n) for n in dem)
    # "America" only as the country: not "Latin America", "South America", "Bank of America", "Americas"
    return re.compile(
        r"(?<![\w.])(?<![Pp]an-)(?:(?P<place>" + alt + r")|(?P<dem>" + alt_dem + r"))(?![\w$]|\.\w)"
    )


_PLACE_RE = _place_regex()
#: Country names that are also given names or parts of other names ("Chad Smith", "Lake Chad"), lower case.
NAME_LIKE_COUNTRIES = frozenset({"chad", "niger", "mali", "guinea", "jordan", "georgia", "israel", "kenya"})
_CAPITAL_AFTER = re.compile(r" [A-Z][a-z]")
_CAPITAL_BEFORE = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+ $")
_NOT_COUNTRY_BEFORE = re.compile(r"(?:Latin|South|North|Central|Bank\s+of|Captain|Miss|Corporate)\s+$")


def find_places(text: str) -> list[tuple[int, int, str, bool]]:
    """Places named in ``text``: (start, end, canonical key, is_demonym), sorted by start.

    Diacritics are folded first ("Türkiye" is found); "US" must be upper case so the
    pronoun "us" is never a country.
    """
    folded = fold_same_length(text)
    out = []
    for m in _PLACE_RE.finditer(folded):
        if m.group("place"):
            name = m.group("place")
            if name == "America" and _NOT_COUNTRY_BEFORE.search(folded, max(0, m.start() - 12), m.start()):
                continue
            if name.lower() in NAME_LIKE_COUNTRIES and (_CAPITAL_AFTER.match(folded, m.end()) or _CAPITAL_BEFORE.search(
                    folded, max(0, m.start() - 20), m.start())):
                continue  # "Chad Smith", "Lake Chad": part of another name
            if name == "Georgia" or name == "Jordan":
                # also a US state and a given name; keep only with a country cue
                if not re.search(r"(?:country|nation|republic|capital|government)", folded[max(0, m.start() - 40):m.end() + 40], re.I):
                    continue
            out.append((m.start(), m.end(), PLACE_ALIASES[name], False))
        else:
            if re.search(r"[A-Z][\w.]*\s+$", folded[max(0, m.start() - 20):m.start()]) and not re.search(
                    r"(?:^|[.!?]\s+)[A-Z][\w.]*\s+$", folded[max(0, m.start() - 20):m.start()]):
                continue  # inside a name: "Central European Wire", "Royal Thai Navy" (not sentence-initial)
            out.append((m.start(), m.end(), DEMONYMS[m.group("dem")], True))
    return out
