"""Print article N (1-based) of a batch file: python3 show.py batches/annK.jsonl N"""
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        if i == n:
            r = json.loads(line)
            print(f"item {n}  id: {r['id']}\ndate: {r['date']}  source: {r['source']}\ntitle: {r['title']}\n---")
            print(r["text"])
            break
    else:
        sys.exit(f"no item {n} in {path}")
