"""The code tables the exports map through: state codes (COW, Wikidata), actor QIDs, ICEWS sectors,
place features — every row points at something real, and the QIDs derived from data agree with it."""
from __future__ import annotations

import csv
import re

from marsad.export.lookups import actor_qids, cow_code, icews_sector_names, state_codes, wikidata_id
from marsad.resources import read_tsv

ISO2_TO_ISO3 = {"AE": "ARE", "AF": "AFG", "BH": "BHR", "DZ": "DZA", "EG": "EGY", "IL": "ISR", "IQ": "IRQ",
                "IR": "IRN", "JO": "JOR", "KW": "KWT", "LB": "LBN", "LY": "LBY", "MA": "MAR", "OM": "OMN",
                "PS": "PSE", "QA": "QAT", "SA": "SAU", "SD": "SDN", "SY": "SYR", "TN": "TUN", "TR": "TUR",
                "YE": "YEM"}


def test_every_state_of_the_actor_base_has_its_row():
    from pathlib import Path

    states = Path(__file__).resolve().parents[2] / "tools" / "actor_tables" / "states.tsv"
    lines = [ln for ln in states.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    iso3s = {row["iso3"] for row in csv.DictReader(lines, delimiter="\t")}
    assert set(state_codes()) == iso3s
    cows = [c.cow for c in state_codes().values() if c.cow is not None]
    assert len(cows) == len(set(cows)) > 190  # one COW number per state
    assert (cow_code("USA"), cow_code("SYR"), cow_code("IRQ"), cow_code("PSE")) == (2, 652, 645, None)


def test_state_qids_from_whos_on_first_agree_with_it(shared):
    path = shared / "gazetteers" / "geo" / "wof" / "wof_mena_places.tsv"
    with path.open(encoding="utf-8") as fh:
        wof = {ISO2_TO_ISO3[r["country"]]: r["wd_id"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
               if r["placetype"] == "country" and r["country"] in ISO2_TO_ISO3}
    assert len(wof) == len(ISO2_TO_ISO3)
    rows = {r["iso3"]: r for r in read_tsv("state_codes.tsv")}
    for iso3, qid in wof.items():
        assert rows[iso3]["wikidata"] == qid and rows[iso3]["wikidata_source"] == "wof", iso3
    assert {r["iso3"] for r in rows.values() if r["wikidata_source"] == "wof"} == set(wof)


def test_actor_qids_name_real_actors_and_only_states_own_items():
    actors = {r["id"] for r in read_tsv("actors.tsv")}
    rows = read_tsv("actor_wikidata.tsv")
    assert rows and all(r["id"] in actors and r["source"] in ("PLOVER manual", "known") for r in rows)
    qids = actor_qids()
    assert all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids.values())
    assert len(set(qids.values())) == len(qids)  # no two actors share an item
    # the PLOVER manual's own example: the Islamic State is Q2429253
    assert wikidata_id("GRP-ISIS") == "Q2429253" and wikidata_id("SYR-GOV") == "Q858"
    assert wikidata_id("SYR-MIL") is None and wikidata_id(None) is None


def test_every_sector_of_the_actor_base_has_an_icews_name():
    sectors = {r["sector"] for r in read_tsv("actors.tsv") if r["sector"]}
    sectors |= {r["sector"] for name in ("heads.tsv", "heads_more.tsv") for r in read_tsv(name) if r["sector"]}
    names = icews_sector_names()
    assert sectors <= set(names), sectors - set(names)
    assert all(not re.fullmatch(r"[A-Z]{3}", part) for v in names.values() for part in v.split(","))


def test_every_gazetteer_feature_has_a_geonames_class_and_resolution():
    from marsad.ground.places import Gazetteer

    features = {r["feature"]: r for r in read_tsv("place_features.tsv")}
    assert {p.feature for p in Gazetteer.load().places} <= set(features)
    assert all(r["feature_class"] in "AHLPRSTUV" and r["resolution"] in "12345" for r in features.values())
