"""Derive marsad/resources/plover_cameo.tsv, the PLOVER (type, mode) -> CAMEO code table used by
the ICEWS-style export, from ../shared/data/events/derived/cameo_codebook.tsv (CAMEO2PLOVER columns).

Rule: for each (PLOVER type, mode) the codebook maps to, take the most general CAMEO code among
the codes mapped to it (fewest digits, then the lowest code); a type without a mode gets the most
general code mapped to the type with an empty mode, counting shared roots ("CONCEDE | RETREAT").
A few choices the rule gets wrong are overridden below, each with its reason. Run:
    python tools/build_plover_cameo.py
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT.parent / "shared" / "data" / "events" / "derived" / "cameo_codebook.tsv"
OUT = ROOT / "marsad" / "resources" / "plover_cameo.tsv"
ONTOLOGY = CODEBOOK.with_name("plover_ontology.json")
SCORES = ROOT / "marsad" / "resources" / "plover_scores.tsv"

# (type, mode) -> (CAMEO code, why the general rule is overridden)
OVERRIDES = {
    ("ACCUSE", ""): ("112", "the rule picks 09 INVESTIGATE; a bare ACCUSE is CAMEO's 'Accuse, not specified below'"),
    ("ACCUSE", "allege"): ("112", "the rule picks 114 'Complain officially'; allege is the generic accusation"),
    ("ASSAULT", "explosives"): ("183", "the rule picks 1832 car bombing; 183 is the unspecified bombing"),
    ("ASSAULT", "targeted"): ("186", "PLOVER 'targeted' (assassination) is CAMEO 186 Assassinate; CAMEO2PLOVER calls it 'assassinate'"),
    ("ASSAULT", "destroy"): ("1712", "PLOVER 'destroy' (property destruction) is CAMEO 1712 Destroy property"),
    ("ASSAULT", "aerial"): ("195", "PLOVER 'aerial' is CAMEO 195 Employ aerial weapons"),
    ("ASSAULT", "drone"): ("195", "drones are aerial weapons (CAMEO 195)"),
    ("COERCE", "restrict"): ("172", "the rule picks 163 embargo; Marsad's restrict triggers are bans, closures, sieges"),
    ("PROTEST", "strike"): ("143", "PLOVER 'strike' is CAMEO 143 Conduct strike or boycott"),
    ("RETREAT", "withdraw"): ("087", "the rule picks 0872 'Ease military blockade'; a withdrawal is 087 De-escalate military engagement"),
    ("REQUEST", "meet"): ("108", "the rule picks 106 'Demand withdrawal'; mode meet is 108 'Demand meeting, negotiation'"),
    ("THREATEN", "relations"): ("1313", "the rule picks 133 'Threaten political dissent'; relations is 1313 'Threaten to reduce or break relations'"),
    ("SANCTION", "convict"): ("116", "no CAMEO SANCTION code; 116 'Find guilty or liable' is a conviction"),
}


def main() -> None:
    with CODEBOOK.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"))
    by_code = {r["cameo_code"]: r for r in rows}
    best: dict[tuple[str, str], str] = {}
    for r in rows:
        for etype in (t.strip() for t in r["plover_event"].split("|")):
            if not etype or etype.startswith("("):
                continue
            key = (etype, r["plover_mode"].strip())
            code = r["cameo_code"]
            if key not in best or (len(code), code) < (len(best[key]), best[key]):
                best[key] = code
    lines = ["# PLOVER (type, mode) -> CAMEO code, derived by tools/build_plover_cameo.py from",
             "# ../shared/data/events/derived/cameo_codebook.tsv (CAMEO2PLOVER-2021 + GDELT CAMEO lookups; CC BY-SA 4.0).",
             "# Lossy: one CAMEO code per PLOVER type/mode; see FORMATS.md.",
             "plover_event\tplover_mode\tcameo_code\tdescription\tgoldstein\tquad_class\tbasis"]
    keys = sorted(set(best) | set(OVERRIDES))
    for key in keys:
        code, basis = OVERRIDES.get(key, (best.get(key), "rule"))
        r = by_code[code]
        lines.append("\t".join([key[0], key[1], code, r["description"].strip('"').replace('""', '"'),
                                r["goldstein"], r["quad_class"], basis]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(keys)} rows -> {OUT}")
    write_scores()


# (type, mode) -> (score, why the manual's value is corrected)
SCORE_FIXES = {
    ("ACCUSE", ""): (-3.0, "the manual's table prints ACCUSE +3, a sign typo: ACCUSE is verbal conflict (quad 3), "
                           "its modes score -2 to -3.5 and the manual's earlier table had -2.0"),
}


def write_scores() -> None:
    """PLOVER quad code and intensity score per type and mode (the manual's table) for the exports."""
    onto = json.loads(ONTOLOGY.read_text(encoding="utf-8"))
    lines = ["# PLOVER quad code and score per event type and mode, from ../shared/data/events/derived/plover_ontology.json",
             "# (PLOVER manual draft 0.8, CC BY-SA 4.0) by tools/build_plover_cameo.py. Empty mode = the type's own score.",
             *(f"# Corrected: {t} {m or '(type)'} = {score} ({why})." for (t, m), (score, why) in SCORE_FIXES.items()),
             "plover_event\tplover_mode\tquad_code\tscore"]
    for t in onto["event_types"]:
        score = SCORE_FIXES.get((t["name"], ""), (t["score"],))[0]
        lines.append(f"{t['name']}\t\t{t['quad_code']}\t{score}")
        for m in t["modes"]:
            if m.get("score") is not None:
                lines.append(f"{t['name']}\t{m['name']}\t{t['quad_code']}\t{m['score']}")
    SCORES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} rows -> {SCORES}")


if __name__ == "__main__":
    main()
