"""The generated parts of docs/codebook.md: the types with Arabic cue examples (from
resources/triggers.tsv), the modes, the sectors, and the export columns (from the code's column
lists), each between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.

Rewrite them after a change to the triggers, sectors or columns:
    python -m marsad.export.codebook docs/codebook.md
tests/export/test_codebook.py fails while the file is out of date.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from marsad.resources import read_tsv

CUE_EXAMPLES = 4  # Arabic cue forms shown per type or mode
# Marsad's own one-line glosses of the types (the PLOVER manual's "Event Categories" chapter defines them)
TYPE_GLOSS = {
    "AGREE": "agree to, promise or sign an agreement", "CONSULT": "meet, visit, call or negotiate",
    "SUPPORT": "praise, endorse or express support", "CONCEDE": "yield, apologise, ease or grant a demand",
    "COOPERATE": "cooperate in deeds: joint work, alliances, exchanges", "AID": "give material, military or humanitarian aid",
    "RETREAT": "withdraw, release, disarm, cease fire, resign", "REQUEST": "ask, demand or call for",
    "ACCUSE": "accuse, condemn, investigate, allege", "REJECT": "refuse, deny or reject",
    "THREATEN": "threaten force, sanctions or other harm", "PROTEST": "demonstrate, riot, strike, boycott",
    "SANCTION": "sanction, convict, expel, break off", "MOBILIZE": "deploy or put forces, weapons, militias on alert",
    "COERCE": "arrest, seize, ban, deport, censor: force without violence against persons' bodies",
    "ASSAULT": "attack, kill, bomb, shell, abduct, torture",
}
# Marsad's own names of the sector codes its actor base uses (PLOVER manual, "Sector Codes")
SECTOR_NAMES = {
    "GOV": "government, the state as such", "MIL": "armed forces", "COP": "police and security forces",
    "SPY": "intelligence services", "LEG": "parliament, lawmakers", "JUD": "courts, judges, prosecutors",
    "PTY": "political party", "REB": "armed opposition, rebels", "PRM": "paramilitary forces not opposed to the government",
    "UAF": "unidentified armed actors (gunmen)", "OPP": "political opposition", "CVL": "civilians",
    "ELI": "former officials, royals and other elites", "REL": "religious bodies and figures", "JRN": "journalists and media",
    "MED": "health workers and bodies", "REF": "refugees and displaced people", "EDU": "education",
    "BUS": "business", "LAB": "labour", "AGR": "agriculture", "CRM": "criminals", "SOC": "civil society",
    "UNK": "unidentified", "PRE": "partially recognised entity",
    "IGO": "international governmental organisation", "UNO": "United Nations body", "EUR": "European Union body",
    "NGO": "non-governmental organisation", "IMG": "transnational militarised group", "ISM": "international social movement",
    "MNC": "multinational corporation",
}
BLOCK = re.compile(r"(<!-- generated:(\w+) -->\n)(.*?)(<!-- /generated:\2 -->)", re.S)


def _forms(rows: list[dict]) -> str:
    forms: list[str] = []
    for row in rows:
        for form in row["forms"].split("|"):
            if form and form not in forms:
                forms.append(form)
                break  # one form per row: the examples show different words, not one verb's conjugation
    return "، ".join(forms[:CUE_EXAMPLES])


def types_block() -> str:
    from marsad.export.lookups import plover_scores
    from marsad.grammar.ontology import PLOVER_TYPES

    triggers = read_tsv("triggers.tsv")
    scores = plover_scores()
    lines = ["| type | quad | scale | what | Arabic cues (examples from resources/triggers.tsv) |",
             "|---|---|---|---|---|"]
    for t in PLOVER_TYPES:
        quad, score = scores[(t, "")]
        # the type's own cues first, then its modes'
        rows = sorted((r for r in triggers if r["type"] == t), key=lambda r: bool(r["mode"]))
        lines.append(f"| {t} | {quad} | {score:+g} | {TYPE_GLOSS[t]} | {_forms(rows)} |")
    return "\n".join(lines) + "\n"


def modes_block() -> str:
    from marsad.export.lookups import plover_scores
    from marsad.grammar.ontology import PLOVER_TYPES

    triggers = read_tsv("triggers.tsv")
    scores = plover_scores()
    lines = ["| type | mode | scale | Arabic cues |", "|---|---|---|---|"]
    for t in PLOVER_TYPES:
        modes = dict.fromkeys(m for (tt, m) in scores if tt == t and m)
        for m in modes:
            cues = _forms([r for r in triggers if r["type"] == t and r["mode"] == m])
            lines.append(f"| {t} | {m} | {scores[(t, m)][1]:+g} | {cues or '(not detected by Marsad)'} |")
    return "\n".join(lines) + "\n"


def sectors_block() -> str:
    from marsad.export.lookups import icews_sector_names

    used: dict[str, int] = {}
    for row in read_tsv("actors.tsv"):
        if row["sector"]:
            used[row["sector"]] = used.get(row["sector"], 0) + 1
    icews = icews_sector_names()
    lines = ["| code | meaning | ICEWS export writes | actor-base rows |", "|---|---|---|---|"]
    for code in sorted(set(used) | set(icews)):
        lines.append(f"| {code} | {SECTOR_NAMES.get(code, '')} | {icews.get(code, code) or '(no sector)'} | {used.get(code, 0)} |")
    return "\n".join(lines) + "\n"


def columns_block() -> str:
    from marsad.export.flat import COLUMNS

    lines = ["| column | type | meaning |", "|---|---|---|"]
    lines += [f"| `{c.name}` | {c.kind} | {c.doc} |" for c in COLUMNS]
    return "\n".join(lines) + "\n"


def polecat_block() -> str:
    from marsad.export.polecat import EXTRA_COLUMNS

    meaning = {
        "Negated": "True when the text says the event did not happen (Contexts then holds `negation`)",
        "Hedged": "True when alleged, possible or planned (Contexts then holds `hypothetical`)",
        "Date Precision": "day | month | year | article: what `Event Date` (the period's first day) stands for",
        "Place Precision": "point | admin | country: whether Latitude/Longitude is a point or an area's or country's centroid",
        "Marsad Actor ID": "Marsad's actor id of the actor", "Marsad Recipient ID": "Marsad's actor id of the recipient",
        "URL": "URL of the article",
    }
    lines = ["| column | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {meaning[name]} |" for name in EXTRA_COLUMNS]
    return "\n".join(lines) + "\n"


BLOCKS: dict[str, Callable[[], str]] = {"types": types_block, "modes": modes_block, "sectors": sectors_block,
                                        "columns": columns_block, "polecat": polecat_block}


def update(text: str) -> str:
    """`text` with every generated block rewritten from the code and resources."""
    return BLOCK.sub(lambda m: m.group(1) + BLOCKS[m.group(2)]() + m.group(4), text)


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "docs/codebook.md")
    path.write_text(update(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
