"""Show, per gold item, the system items in its sentence (development aid).

Usage: python tools/debug_gold.py [GOLD] [--claims] [--id ID]
"""
from __future__ import annotations

import sys

from marsad.eval.gold import read_jsonl, system_records
from marsad.eval.scoring import gold_sentence, role_matches
from marsad.pipeline import default_pipeline


def who(r):
    if not r:
        return "-"
    a = r.get("actor") or {}
    return f"{r['text']}[{a.get('name_en', '')}]"


def main() -> None:
    args = sys.argv[1:]
    only = args[args.index("--id") + 1] if "--id" in args else None
    path = next((a for a in args if not a.startswith("--") and a != only), "../shared/data/gold/dev.jsonl")
    gold = [g for g in read_jsonl(path) if not only or g["id"] == only]
    recs = system_records(gold, default_pipeline())
    kind = "claims" if "--claims" in args else "events"
    anchor = "cue" if kind == "claims" else "trigger"
    for g in gold:
        rec = recs[g["id"]]
        print(f"=== {g['id']}")
        for item in g[kind]:
            span = gold_sentence(rec, item["evidence"])
            sys_in = [s for s in rec[kind] if span and span[0] <= s[anchor]["start"] < span[1]]
            req = "" if item.get("required", True) else " (opt)"
            if kind == "events":
                print(f"G {item['type']}{req} {item.get('source')} -> {item.get('target')}  «{item['evidence'][:60]}»")
                for s in sys_in:
                    ok = role_matches(item.get("source"), s["source"]) and role_matches(item.get("target"), s["target"])
                    mark = "✓" if ok and s["type"] == item["type"] else " "
                    print(f"   {mark} {s['type']} {who(s['source'])} -> {who(s['target'])}  trig={s['trigger']['text']}")
            else:
                print(f"G CLAIM{req} {item.get('speaker')} «{item['evidence'][:60]}»")
                for s in sys_in:
                    ok = role_matches(item.get("speaker"), s["speaker"])
                    print(f"   {'✓' if ok else ' '} {who(s['speaker'])} cue={s['cue']['text']}")


if __name__ == "__main__":
    main()
