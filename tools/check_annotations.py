"""Format check for annotation output: python3 check.py batches/annK.jsonl out/annK.jsonl
Checks every line: known id, types, evidence verbatim in the text, names as lists, dates, flags."""
import json, re, sys
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
batch = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line); batch[r["id"]] = r
problems = 0
seen = set()
def bad(n, msg):
    global problems; problems += 1; print(f"line {n}: {msg}")
def names_ok(n, what, v, text):
    if v is None: return
    if not (isinstance(v, list) and v and all(isinstance(s, str) and s.strip() for s in v)):
        return bad(n, f"{what} must be null or a non-empty list of strings: {v!r}")
    if not any(s in text for s in v):
        bad(n, f"{what}: none of {v} appears verbatim in the text")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
for n, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
    if not line.strip(): continue
    try: a = json.loads(line)
    except ValueError as e: bad(n, f"invalid JSON: {e}"); continue
    if a.get("id") not in batch: bad(n, f"unknown id {a.get('id')!r}"); continue
    if a["id"] in seen: bad(n, f"id {a['id']} annotated twice")
    seen.add(a["id"]); text = batch[a["id"]]["text"]
    for k in ("events", "claims"):
        if not isinstance(a.get(k), list): bad(n, f"{k} must be a list")
    for e in a.get("events", []):
        if e.get("type") not in TYPES: bad(n, f"bad type {e.get('type')!r}")
        if not isinstance(e.get("evidence"), str) or e["evidence"] not in text: bad(n, f"event evidence not verbatim: {e.get('evidence')!r}")
        for k in ("required", "hedged", "negated"):
            if not isinstance(e.get(k), bool): bad(n, f"event {k} must be true/false")
        names_ok(n, "source", e.get("source"), text); names_ok(n, "target", e.get("target"), text)
        if "source" not in e or "target" not in e: bad(n, "event needs source and target (null allowed)")
        d = e.get("date", "missing")
        if d is not None and not (isinstance(d, str) and DATE.match(d)): bad(n, f"event date must be YYYY-MM-DD or null: {d!r}")
        p = e.get("place", "missing")
        if p == "missing": bad(n, "event needs place (null allowed)")
        elif p is not None and not (isinstance(p, list) and p and all(isinstance(s, str) for s in p)): bad(n, f"place must be null or a list of strings: {p!r}")
    for c in a.get("claims", []):
        if not isinstance(c.get("evidence"), str) or c["evidence"] not in text: bad(n, f"claim evidence not verbatim: {c.get('evidence')!r}")
        if not isinstance(c.get("required"), bool): bad(n, "claim required must be true/false")
        names_ok(n, "speaker", c.get("speaker"), text)
        d = c.get("date", "missing")
        if d is not None and not (isinstance(d, str) and DATE.match(d)): bad(n, f"claim date must be YYYY-MM-DD or null: {d!r}")
        q = c.get("quantity")
        if q is not None and not (isinstance(q, dict) and "value" in q and q.get("comparator") in ("=", "<", "<=", ">", ">=", "~")):
            bad(n, f"claim quantity must be null or {{value, comparator}}: {q!r}")
print(f"{len(seen)} articles checked, {problems} problems")
sys.exit(1 if problems else 0)
