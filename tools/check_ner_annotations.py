"""Format check for NER annotation output: python3 check_ner.py batches/nerK.jsonl out/nerK.jsonl
Each line: {"id": ..., "entities": [{"text": ..., "label": PER|LOC|ORG|MISC, "n": k}, ...]}
where `text` occurs verbatim in the item's text and `n` is which occurrence (1 = first) it is."""
import json, sys
LABELS = {"PER", "LOC", "ORG", "MISC"}
batch = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")}
problems = 0; seen = set()
def bad(n, msg):
    global problems; problems += 1; print(f"line {n}: {msg}")
for n, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
    if not line.strip(): continue
    try: a = json.loads(line)
    except ValueError as e: bad(n, f"invalid JSON: {e}"); continue
    text = batch.get(a.get("id"))
    if text is None: bad(n, f"unknown id {a.get('id')!r}"); continue
    if a["id"] in seen: bad(n, f"id {a['id']} annotated twice")
    seen.add(a["id"])
    spans = []
    for e in a.get("entities", []):
        if e.get("label") not in LABELS: bad(n, f"bad label {e.get('label')!r}"); continue
        t, k = e.get("text"), e.get("n", 1)
        if not isinstance(t, str) or not t: bad(n, f"empty text"); continue
        pos = -1
        for _ in range(k):
            pos = text.find(t, pos + 1)
            if pos < 0: break
        if pos < 0: bad(n, f"{t!r}: occurrence {k} not in the text"); continue
        spans.append((pos, pos + len(t), t))
    spans.sort()
    for (a1, b1, t1), (a2, b2, t2) in zip(spans, spans[1:]):
        if a2 < b1: bad(n, f"overlapping entities {t1!r} and {t2!r}")
print(f"{len(seen)} items checked, {problems} problems")
sys.exit(1 if problems else 0)
