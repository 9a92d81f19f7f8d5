"""The type of a cluster from what the text writes around its mentions, beside the model's labels.

spaCy's label is a guess from the name's shape and the words beside it; news usually says outright what a name is:
a lower-case noun set before it ("drugmaker Halvex", "the rig Sea Lark", "seamstress Ilse Brand", "companies A, B
and C"), a company's words after it ("Halvex AG", "Halvex shares"), "who" after a person, a given name opening a
person's name. ``retype`` reads these cues over every mention of a cluster and changes the majority label's type
only where the cues name one other type and nothing in the text supports the label's (see docs/cast.md).
"""
from __future__ import annotations

import functools
import importlib.util
import re
from collections import Counter
from pathlib import Path

from .profile import HONORIFICS, TITLE_HEADS

# Lower-case nouns written just before a name that say what it is ("the drilling rig X", "drugmakers X and Y").
ORG_NOUNS = {"company", "companies", "firm", "firms", "drugmaker", "drugmakers", "carmaker", "carmakers",
             "automaker", "automakers", "bank", "banks", "lender", "lenders", "insurer", "insurers", "airline",
             "airlines", "carrier", "retailer", "retailers", "subsidiary", "conglomerate", "contractor",
             "contractors", "manufacturer", "manufacturers", "producer", "producers", "supplier", "suppliers",
             "operator", "operators", "broker", "brokerage", "newspaper", "newspapers", "paper", "papers", "daily",
             "tabloid", "broadcaster", "broadcasters", "publisher", "charity", "charities", "band", "watchdog",
             "regulator", "giant", "giants", "startup", "start-up", "group", "driller", "drillers", "foundation",
             "foundations", "parlor", "parlour", "shop", "store", "restaurant", "salon", "bakery", "brewery",
             "website"}
THING_NOUNS = {"drug", "drugs", "antiviral", "antivirals", "vaccine", "vaccines", "medicine", "medicines",
               "rig", "rigs", "drillship", "drillships", "ship", "ships", "vessel", "vessels", "tanker", "tankers",
               "platform", "submarine", "satellite", "spacecraft", "aircraft", "index", "indices", "software",
               "programme", "documentary", "show", "album", "song", "novel", "film", "hurricane", "storm", "boat",
               "boats", "drillship", "barge", "yacht", "ferry", "journal", "dispersant", "chemical", "pesticide",
               "well", "wells", "leaflet", "leaflets", "booklet", "pamphlet", "brochure", "series", "single",
               "track", "cartoon", "sitcom", "musical", "opera", "exercise", "app", "game", "virus",
               "strain", "disease", "classic", "anthem", "ballad", "blog", "podcast", "memoir", "newsletter",
               "column"}
PERSON_NOUNS = {"singer", "actor", "actress", "seamstress", "artist", "painter", "writer", "author", "novelist",
                "poet", "composer", "musician", "player", "striker", "patient", "nurse", "doctor", "surgeon",
                "scientist", "researcher", "economist", "analyst", "journalist", "reporter", "photographer",
                "lawyer", "attorney", "activist", "blogger", "businessman", "businesswoman", "banker", "farmer",
                "teacher", "student", "pupil", "worker", "engineer", "diver", "pilot", "soldier", "officer",
                "spokesman", "spokeswoman", "mother", "father", "son", "daughter", "wife", "husband", "widow",
                "brother", "sister", "boy", "girl", "man", "woman", "founder", "co-founder", "campaigner", "candidate",
                "supermodel", "rapper", "comedian", "presenter", "star", "chef", "designer", "dancer", "guitarist",
                "drummer", "frontman", "director", "virologist", "epidemiologist", "biologist", "geologist",
                "professor", "historian", "photojournalist", "correspondent", "columnist", "philanthropist"}
# A stock code in brackets after a name, as wire copy gives a listed company's ("Halvex (HVX.DE)", "(NYSE: HVX)").
TICKER = r"\(\s*(?:[A-Z0-9]{1,6}\.[A-Z]{1,3}|(?:NYSE|Nasdaq|NASDAQ|LSE|AMEX|TSX)\s*:\s*[A-Z][A-Z.]{0,6})\s*\)"
# Words after a name that only a company is written with ("Halvex AG", "Halvex shares rose").
CORP_AFTER = re.compile(r"^\s*" + TICKER + r"|"
                        r"^(?:'s)?\s+(?:AG|Inc|Plc|PLC|Ltd|Corp|LLC|GmbH|SA|NV|shares|stock|shareholders|"
                        r"subsidiary|employees|users|customers)\b|"
                        # "the Chirper account", "its Chirper feed": a service's name before what users have on it
                        # (no possessive: "Ada Marsh's account" is hers)
                        r"^\s+(?:account|accounts|feed|feeds|page|followers|handle|app|website|updates|post|posts|"
                        r"tweets)\b|"
                        # "Halvex said its ...": a body speaks of itself as "its"
                        r"^\s+(?:said|says|announced|reported|expects|added)\s+(?:that\s+)?its\b")
# "the Sea Lark, a Norwegian vessel": what it is, in apposition
_THING_APPOS = re.compile(r"^\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:" + "|".join(sorted(THING_NOUNS)) + r")\b")
THING_AFTER = re.compile(r"^\s+(?:[a-z]+\s+|\d+\s+)?(?:index|average|Index)\b|"
                         # "the Captain Brisket series": a work's kind written after its title ("the Ada Marsh
                         # song", "the X show" are left out: a singer's or a host's name is written so)
                         r"^\s+(?:series|cartoon|cartoons|sitcom|episode|episodes)\b|"
                         # "the Sea Lark rig", "the Sea Lark' drillship": a craft named before what it is
                         r"^['’\"”]?\s+(?:oil\s+|drilling\s+|exploration\s+)?"
                         r"(?:rig|drillship|tanker|vessel|well)\b|"
                         + _THING_APPOS.pattern)
# "aboard the Sea Lark", "the 280-foot Sea Lark": what is boarded or measured in feet is a craft, not a cast member.
# "codenamed X": a project's or a product's code name.
THING_BEFORE = re.compile(r"(?:\baboard\s+(?:the\s+)?|\b\d[\d,.]*-(?:foot|feet|metre|meter|tonne|ton)\s+|"
                          r"\bcode-?named\s+)$")
_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*"
# "the rig Sea Lark", "the rig 'Sea Lark'": the noun just before the name.
_DESCRIBED = re.compile(r"(?<![\w'’-])([a-z][a-z-]+)\s+(?:(?:called|named)\s+(?:The\s+)?|['‘\"“`]\s*)?$")
# "a campaign group, Ada Watch, has ...": the noun before a name set between commas (not "For the vaccine,
# Halvex needs ...", where the comma ends a clause).
_APPOS_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]+)\s*,\s+$")
# "companies BP, Halvex and Korrin": a plural noun heads a list of names, and says what each one is.
_LISTED = re.compile(r"(?<![\w'’-])([a-z][a-z-]*s)\s+(?:" + _NAME + r"\s*(?:,\s*(?:and\s+)?|\s+and\s+))+$")
# "from Almora in south Veldra", "in Almora in the eastern province of ...": a place within a place.
# (not "in January": a date)
_PLACE_IN = re.compile(r"^\s*,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)[a-z-]*\s+|"
                       r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z])")
_AT_PLACE = re.compile(r"\b(?:in|from|near)\s+$")
_ROUTE = re.compile(r"\bfrom\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s+to\s+(?:the\s+)?$")
# "the suburb of X", "Ada Ek, 41, from X": only a place is written so.
PLACE_BEFORE = re.compile(r"(?:\b(?:towns?|city|cities|villages?|suburbs?|district|region|province|port|capital|"
                          r"municipality|islands?)\s+of\s+(?:[A-Z][\w-]+\s+and\s+)?|"
                          r"(?:\b\d{1,3}\s*,|-year-old)\s+from\s+)$")
# "Marsh Point, Alabama, and ...": a town written with the state or country it lies in, the way news places a
# town, and not "Halvex, Veldra's largest bank" (a possessive) or "Ada Ek, Veldra Radio" (a longer name).
_COMMA_REGION = re.compile(r"^\s*,\s+(" + _NAME + r")(?=\s*(?:[.;:)]|$)|,\s+[a-z]|\s+(?:(?:and|or)\s+[a-z]|(?!(?:and|or)\b)[a-z]))")
_SIGNED = re.compile(r"\s*,?\s*(?:e-?mails|writes|wrote|texts|tweets|says|said|asks|adds)\b")
# "Ibadan in Nigeria": a city of the gazetteer written with the country it lies in (the city alone may be a
# person's name too: "Kent", "Florence").
_IN_COUNTRY = re.compile(r"^\s*,?\s+in\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?(" + _NAME + r")")
# "From Ada Berg, Talvor Radio", "By Ada Berg": a byline opening a line names a person.
_BYLINE = re.compile(r"(?:^|\n)\s*(?:From|By)\s+$")
# "published in X" where X is no place: a journal.
_PUBLISHED_IN = re.compile(r"\bpublished\s+in\s+(?:the\s+)?$")
PLACE_AFTER = re.compile(r"^\s+(?:ski\s+)?(?:resort|village|suburb|township|neighbourhood|neighborhood|area|"
                         r"fault|faultline|fault\s+line|fault\s+zone)\b")      # "the Varrow fault": the land it runs through
# A wire dateline: the place the story was filed from, before the outlet's credit ("KESTROW (Reuters) -", "Halvor,
# Veldra (Wire) --"), or a page header's place before its date ("KESTROW | Fri Jul 16, 2010"). The model often tags
# the capitals as a body.
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|-LRB-)\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:\)|-RRB-)\s*(?:-|--|—|–)|"
                             r"^\s*\|\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
# "Halvex, the drilling company that ...", "Halvex, the world's largest offshore driller.": a company's own noun
# heading an apposition after the name (the noun must end its phrase: "Ada Ek, a bank executive" is a person).
_FIRM_APPOS = re.compile(r"^\s*,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?(?:company|firm|bank|lender|insurer|"
                         r"airline|carmaker|automaker|drugmaker|driller|conglomerate|subsidiary|brokerage|retailer|"
                         r"newspaper|broadcaster|charity)(?![\w'’-])"
                         r"\s*(?:[,.;:)]|that\b|which\b|based\b|with\b|in\b)")
# "Upheaval newspaper", "the Halden tabloid": what a title is, written after it in lower case.
_PAPER_AFTER = re.compile(r"^\s+(?:newspaper|tabloid)\b")
# "2007's Silver Heron": a year's possessive is written before an exercise, a season, a film, not a cast member.
_YEARS = re.compile(r"\b(?:1[89]|20)\d\d['’]s\s+$")
# "the Main section": a newspaper's section.
_SECTION_AFTER = re.compile(r"^\s+section\b")
# "aid under the Vehicle Rescue Program": what is done under a programme, a scheme or a plan is the thing, not a
# body ("the UN World Food Programme" itself is a body, so the head word alone decides nothing).
_UNDER = re.compile(r"\bunder\s+(?:the\s+|a\s+|its\s+)?$")
_SCHEME_HEADS = {"program", "programme", "scheme", "plan", "initiative", "policy", "package"}
# "X, who ...", "X, 38, from ...": only a person is written with "who" or an age in apposition.
_WHO = re.compile(r"^\s*,\s*(?:who\b|\d{1,3}\s*,)")
# "Harbour Goods's (HBG) ad", "Tarn Mobile (TRNM) rose": a stock symbol in brackets after the name (the dotted and
# exchange forms are TICKER). Read with _ticker_after, which sets aside an acronym of the name itself ("Veldra
# Relief Agency (VRA)") and a party's letter ("Ada Marsh (D)").
_SYMBOL_AFTER = re.compile(r"^(?:['’]s?)?\s*\(\s*([A-Z]{1,5})\s*\)(?!\s*(?:--?|—|–))")   # not "Halvor (CNN) --"
# A news agency's credit in brackets, after a dateline or a quote ("..., Veldra (CNN)", "said (AP)").
_AGENCY_CODES = {"CNN", "AP", "AFP", "UPI", "BBC", "PA", "DPA", "ANSA", "EFE", "IANS", "PTI", "CNA", "NPR", "ABC",
                 "CBS", "NBC", "MSNBC", "WSJ", "FT", "NYT"}
# "during this year's Harvest Bowl", "last year's Marnfest": a yearly event or an edition of one.
_EDITION = re.compile(r"\b(?:this|last|next)\s+year['’]s\s+$")
# A list of names around the mention ("Cheryl Vance, Alexandra Burke, Zelka, James Morrow and Susan Boyle").
_ITEM = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_ITEMS_BEFORE = re.compile(r"((?:" + _ITEM + r"\s*,\s+)+)$")
_ITEMS_AFTER = re.compile(r"^((?:\s*,\s+(?:and\s+)?" + _ITEM + r"|\s+and\s+" + _ITEM + r")+)")
# "Health Commissioner, Ilse Brand": a title written just before the name, with or without a comma.
_TITLED = re.compile(r"(?<![\w'’-])([A-Za-z]+)\.?\s*,?\s+$")
_PRONOUN_AFTER = re.compile(r"^\s*,?\s*(?:and|with)\s+(?:his|her)\b")
# "The Tarnow Herald's Ada Marsh": a capitalised owner's possessive just before the name.
_OWNED_BY = re.compile(r"(?<![\w'’-])((?:The\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})['’]s?\s+$")
_AUTHORED = re.compile(r"\b(?:writes|presented\s+by|written\s+by|hosted\s+by|interviewed\s+by)\s+$")
_AUTHORS = re.compile(r"^\s+(?:presents|writes|reports\s+from)\b")
# A wire story's credits: "(Reporting by Ann Lee in Kestrow; Ola Berg in Talvor; Editing by ...)": every name up to
# the bracket's or the sentence's end is a journalist's, whatever place follows it.
# "Ivo Rask, director of the Seed Bureau", "Ada Ek, chief executive at Halvex": a role held in apposition, as news
# introduces a person (a body's apposition takes an article: "Halvex, a firm based in ...").
_ROLE_APPOS = re.compile(r"^\s*,\s+(?:(?:deputy|chief|senior|acting|former|executive|managing|vice|general|assistant|"
                         r"associate|regional|national|medical|marketing|research)\s+){0,2}([a-z-]+)\s+(?:of|at|for|with)\b")
_CREDITS = re.compile(r"(?i)\b(?:reporting|writing|editing|compiled|research)\s+by\b(?:[^()\n.]|\b[A-Z]\.)*$")


def _nam_dict() -> list[tuple[str, str]]:
    """(sex code, name) for each one-word name of Jörg Michael's list nam_dict.txt (GNU FDL 1.2) as shipped in the
    PyPI package gender-guesser 0.4.0. Only the data file is read: the package's code is not imported."""
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the given-name list needs the package gender-guesser==0.4.0 (see requirements.txt)")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nam_dict.txt"
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line[:1] in "#=" or len(line) < 4:
                continue
            name = line[3:29].strip()
            if name and " " not in name:
                out.append((line[:2].strip(), name))
    return out


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names of many countries (about 45,000), from nam_dict.txt (``_nam_dict``)."""
    return frozenset(n for _code, name in _nam_dict() for n in (name.replace("+", ""), name.replace("+", "-")))


# "members of X": a body with members; "charities like X": the kind, before a name it is given by example.
_MEMBERS_OF = re.compile(r"\bmembers?\s+of\s+(?:the\s+)?$")
_LIKE = re.compile(r"(?<![\w'’-])([A-Za-z][a-z-]*s)\s+(?:like|such\s+as|including)\s+$")
# Said of countries as often as of companies ("emerging giants like China").
_LOOSE = {"giant", "giants", "group", "groups"}
# "a credit analyst with X", "an economist at X": where a professional works is a body, not a person or a place.
_WORKS_AT = re.compile(r"(?<![\w'’-])(?:analyst|economist|strategist|spokesman|spokeswoman|spokesperson|director|"
                       r"executive|researcher|scientist|professor|partner|manager|official|officer|adviser|advisor|"
                       r"lawyer|attorney|consultant|fellow|chief|head)\s+(?:with|at)\s+(?:the\s+)?$")
# "Sea Aid (Ana Pell's charity)": what it is, in brackets after it.
_BRACKET_NOUN = re.compile(r"^\s*\(\s*(?:[\w'’.-]+\s+){0,4}?([a-z][a-z-]+)\s*\)")


def noun_type(word: str) -> str | None:
    """What a lower-case noun says of the name it is set before: organization, other or person."""
    return "organization" if word in ORG_NOUNS else "other" if word in THING_NOUNS else \
        "person" if word in PERSON_NOUNS else None


def noun_before(before: str) -> str | None:
    """The type a lower-case noun set just before the name gives it (or before the list the name ends)."""
    for pat in (_DESCRIBED, _LISTED):
        hit = pat.search(before)
        if hit:
            word = hit.group(1)
            if word in ORG_NOUNS:
                return "organization"
            if word in THING_NOUNS:
                return "other"
            if word in PERSON_NOUNS and pat is _DESCRIBED:
                return "person"
    return None


def mention_cues(text: str, start: int, end: int) -> list[str]:
    """The types the words around one mention point to (several when the text says several things)."""
    before, after = text[max(0, start - 160):start], text[end:end + 40]
    out = []
    noun = noun_before(before)
    appos = _APPOS_BEFORE.search(before)
    # ("a song, Harbour Lights (Tides of Home)": a work's subtitle in brackets closes the apposition too)
    if not noun and appos and re.match(r"\s*[,.(]", after):
        noun = noun_type(appos.group(1))
    like = _LIKE.search(before)
    bracket = _BRACKET_NOUN.match(after)
    kind = (like or bracket).group(1).lower() if like or bracket else None
    if not noun and kind and kind not in _LOOSE:
        noun = noun_type(kind)
    if not noun and (_MEMBERS_OF.search(before) or _WORKS_AT.search(before)):
        noun = "organization"
    if noun:
        out.append(noun)
    if CORP_AFTER.match(after) or _FIRM_APPOS.match(text[end:end + 90]) or _PAPER_AFTER.match(after) or \
            _ticker_after(after, text[start:end]):
        out.append("organization")
    name = text[start:end]
    if THING_AFTER.match(after) or THING_BEFORE.search(before) or _YEARS.search(before) or _EDITION.search(before) or \
            _SECTION_AFTER.match(after) or \
            _UNDER.search(before) and name.split()[-1].lower() in _SCHEME_HEADS and " " in name:
        out.append("other")
    route = _ROUTE.search(before)
    # ("children from Welford Primary School in Handsworth": a body's name with its head word is a body wherever
    # it stands; "from X in Y" places only a name that could be a place.)
    if _AT_PLACE.search(before) and _PLACE_IN.match(after) and not (" " in name and _body_head(name)) or \
            PLACE_AFTER.match(after) or \
            route and route.group(1) in _places() or _DATELINE_AFTER.match(after) and _dateline_place(text, start):
        out.append("place")
    region = _COMMA_REGION.match(after)
    # ("Ada Ek, Norway, e-mails:": a reader's name and country, the way comment pages sign a message)
    if region and region.group(1).rstrip(".") in _regions() and name not in _regions() and "place" not in out \
            and not has_given_name(name) and not _SIGNED.match(text[end + region.end():end + region.end() + 30]):
        out.append("place")
    country = _IN_COUNTRY.match(after)
    if (PLACE_BEFORE.search(before) or country and country.group(1) in _places() and name in _places()) and \
            "place" not in out:
        out.append("place")
    if _BYLINE.search(before) and re.match(r"\s*,", after) and "person" not in out:
        out.append("person")
    if _PUBLISHED_IN.search(before) and name not in _places() and "other" not in out:
        out.append("other")
    role = _ROLE_APPOS.match(text[end:end + 80])
    if "person" not in out and role and role.group(1) in PERSON_NOUNS | TITLE_HEADS and not _body_head(name) and \
            name not in _places() and not re.match(r"(?i)the\s", name):
        out.append("person")
    # ("Ada Ek, the director of the Coastal Research Institute, who has ...": the "who" is the director's; a name
    # with a body's head word is the body)
    if _WHO.match(after) and not _body_head(name) or "person" not in out and _among_people(before, after, name):
        out.append("person")
    titled = _TITLED.search(before)
    if titled and titled.group(1).lower() in TITLE_HEADS | HONORIFICS and "person" not in out:
        out.append("person")
    # "The BBC's Imogen Foulkes in Geneva says", "presented by Kirsty Young", "writes Nick Caistor.": a full name
    # with a given name that a body (not a place) owns, or that presents or writes, is a person's. Without a given
    # name these say nothing ("Halvex's Korrin unit").
    owner = _OWNED_BY.search(before)
    if "person" not in out and has_given_name(name) and not _body_head(name) and (
            owner and owner.group(1) not in _places() | _regions() or _AUTHORED.search(before) or
            _AUTHORS.match(after) or _CREDITS.search(before)):
        out.append("person")
    return out


def _ticker_after(after: str, name: str) -> bool:
    """A stock symbol in brackets after the name: not the name's own initials or capitals (an acronym defined), not
    a news agency's credit, and of two letters or more (no party's letter after a politician's name: "(D)")."""
    hit = _SYMBOL_AFTER.match(after)
    if not hit:
        return False
    sym = hit.group(1)
    capitals = "".join(c for c in name if c.isupper())
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return len(sym) >= 2 and sym not in _AGENCY_CODES | {capitals, initials}


def _among_people(before: str, after: str, name: str) -> bool:
    """The name is an item of a list whose other items, two or more, are all full names of people (a given name
    and a surname): a list of people ("Cheryl Vance, Alexandra Burke, Zelka, James Morrow and Susan Boyle") holds a
    singer known by one name, where the model may have read a place. Lists of bodies and places mix (so say
    nothing), and one person beside the name is no list."""
    if not name.strip() or _body_head(name) or name in _places():
        return False
    left, right = _ITEMS_BEFORE.search(before), _ITEMS_AFTER.match(after)
    if not left and re.search(r"(?<![\w'’-])[a-z][\w'’-]*\s*$", before):
        return False    # "writers Ada Ek from Kelby, Ola Brekke and ...": after a word in lower case, no list item
    items = (left.group(1).split(",") if left else []) + (re.split(r",|\band\b", right.group(1)) if right else [])
    items = [w.strip() for w in items if w.strip()]
    return len(items) >= 2 and all(has_given_name(w) for w in items)


def _body_head(name: str) -> bool:
    """The name ends with a body's head word or a company's legal form ("Sky News", "Morgan Bank", "Morgan & Co"):
    a given name opens many a body's name."""
    from .nlp import CORP_SUFFIXES, ORG_HEADS
    return name.split()[-1].rstrip(".").lower() in ORG_HEADS | {"co"} | {c.lower() for c in CORP_SUFFIXES}


# Nouns that name only a company (not "producer", "operator", "band": a person or a body).
FIRM_NOUNS = {"company", "firm", "bank", "lender", "insurer", "airline", "carmaker", "drugmaker", "conglomerate",
              "subsidiary", "brokerage", "retailer", "driller", "automaker"}


def _dateline_place(text: str, start: int) -> bool:
    """The name opens its line, or follows a page stamp or a comma (the place's own country or state:
    "Halvor, Veldra (Wire)") on it."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return not line.strip() or bool(re.search(r"(?:,|\b(?:[AP]M|am|pm|EDT|EST|BST|GMT|CET|UTC|CDT|PDT))\s*$", line))


def strong_cue(text: str, start: int, end: int) -> bool:
    """A cue no person's given name outweighs: a stock code after the name ("Halvex (HVX.DE)"), a craft boarded,
    measured in feet or called a vessel in apposition ("the 280-foot Ada Marsh"), or a company's own noun just before a name that closes its phrase ("the investment
    firm Morgan Hale, said"; in "the company Ada Marsh founded" the name opens a clause and may be a person)."""
    before, after = text[max(0, start - 160):start], text[end:end + 40]
    hit = _DESCRIBED.search(before)
    appos = _APPOS_BEFORE.search(before)
    if appos and appos.group(1) in FIRM_NOUNS and re.match(r"\s*[,.]", after) or _FIRM_APPOS.match(text[end:end + 90]):
        return True     # "One big driller, Ruby Offshore Drilling, has": a company's noun in apposition
    return bool(THING_BEFORE.search(before) or _THING_APPOS.match(after) or re.match(r"\s*" + TICKER, after) or
                hit and hit.group(1) in FIRM_NOUNS and re.match(r"\s*[,.;:)]", after))


def _places() -> set[str]:
    from .nlp import gazetteer
    return gazetteer()["countries"] | gazetteer()["cities"]


def _regions() -> set[str]:
    """Countries and US states: what a town is placed in after a comma."""
    from .nlp import gazetteer
    return gazetteer()["countries"] | gazetteer()["us_states"]


def pronoun_after(text: str, end: int) -> bool:
    """"Ilse Brand and her partner": a possessive that can only be the name's own (a pronoun further on, as in
    "told the Houston Herald that he ...", may be anyone's)."""
    return bool(_PRONOUN_AFTER.match(text[end:end + 20]))


def personal_role(role: str) -> bool:
    """A role read before a name ("company", "Veracruz-based paper") says a person only if it is no company's or
    thing's noun."""
    words = role.lower().split()
    return not words or words[-1] not in ORG_NOUNS | THING_NOUNS


@functools.lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name -> "m" or "f" where nam_dict.txt gives it one sex only: its first column says male, mostly male,
    female or mostly female ("?" and unisex names are left out, and so is a name listed both ways for different
    countries)."""
    seen: dict[str, set] = {}
    for code, name in _nam_dict():
        sex = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}.get(code, "?")
        seen.setdefault(name.replace("+", "-"), set()).add(sex)
    return {n: next(iter(s)) for n, s in seen.items() if len(s) == 1 and "?" not in s}


def has_given_name(name: str) -> bool:
    """A name of two or three capitalised words whose first is a known given name ("Ilse Brand")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and len(words[0]) > 2 and \
        words[0] in given_names()


def retype(typ: str, cues: Counter, person_signs: bool, size: int) -> tuple[str, str] | None:
    """The cluster's type and why, when the cues name one other type, none supports ``typ``, and they are not lost
    among the cluster's ``size`` mentions (one "who" after "in Veldra, who ..." does not make a country a person);
    ``person_signs``: an honorific or a role is written with one of its mentions, which no thing has."""
    if cues[typ] or len(cues) != 1:
        return None
    (new, n), = cues.items()
    if n * 4 < size or person_signs and new != "person":
        return None
    return new, f"typed {new}: the words around {n} mention(s) say so, the model's label said {typ}"
