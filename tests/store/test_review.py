"""The review loop on a real article (both backends): corrections apply to the queries and the
exports, survive a re-ingest by a new pipeline version, are reported when their event is gone,
and come out as gold the evaluation reads."""
import csv
import io
import json

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.eval.gold import read_jsonl
from marsad.eval.scoring import score
from marsad.export.flat_csv import write_csv
from marsad.export.plover import write_plover
from marsad.store import open_store, schema
from marsad.store.corrections import apply_corrections
from marsad.store.ingest import ingest
from marsad.store.query import ClaimFilter, EventFilter, claims, events
from marsad.store.review import Who, add, change, confirm, listed, reject
from marsad.store.review_gold import write_gold

# pool_2000.jsonl line 1: a joint operation against armed groups in the Sahel (Algeria, Tunisia, Mali, Niger).
ARTICLE = "ant1:JA-politic-285-20131029"
ARMY = "الجيش الوطني الشعبي"   # the Algerian army, which began sweep operations ...
SWEEP = "عمليات تمشيط"          # ... "عمليات تمشيط ومراقبة": a COERCE the reviewer adds
IN_ALGERIA = "في الجزائر"


@pytest.fixture
def reviewed(db_url, slice_file):
    """A store of five articles in which the analyst `amal` rejected the article's first event and
    its first claim, retyped and redated its second event, and added the sweep operations."""
    path = slice_file(0, 5)
    store = open_store(db_url)
    ingest([str(path)], store)
    original = _record(store)
    text = original["text"]
    first, second = original["events"][0], original["events"][1]
    new_type = "COERCE" if second["type"] != "COERCE" else "ASSAULT"
    who = Who("amal", "checked against the article")
    done = [reject(store, f"{ARTICLE}#0", Who("amal", "وأضافت introduces speech, not an act"))]
    done.append(reject(store, f"{ARTICLE}#0", who, claim=True))
    # the reject renumbered the article's events: the second one is now #0
    assert _record(store)["events"][0]["trigger"] == second["trigger"]
    done.append(change(store, f"{ARTICLE}#0", who, type=new_type.lower(), source=ARMY, date="2013-10"))
    place = text.index(IN_ALGERIA) + 3
    # the actor base reads الجيش الوطني as Yemen's army: the reviewer names the actor
    done.append(add(store, ARTICLE, "coerce", SWEEP, who, source=ARMY, source_actor="dza-mil",
                    place=f"{place}:{place + 7}"))
    yield store, path, original, {"rejected": first, "changed": second, "new_type": new_type, "done": done,
                                  "db": db_url}
    store.close()


def _record(store) -> dict:
    return next(r for r in store.iter_records() if r["id"] == ARTICLE)


def _rows(store, **where) -> list[dict]:
    return [r for r in events(store, EventFilter(**where)) if r["article_id"] == ARTICLE]


def _assert_reviewed(store, original: dict, case: dict) -> None:
    """What the analyst decided, as the events query and the exports show it."""
    text = original["text"]
    rows = _rows(store)
    rejected, changed = case["rejected"], case["changed"]
    by_trigger = {(r["trigger_text"], r["type"]): r for r in rows}
    assert (rejected["trigger"]["text"], rejected["type"]) not in by_trigger
    retyped = by_trigger[(changed["trigger"]["text"], case["new_type"])]
    assert (retyped["source_text"], retyped["date"], retyped["date_precision"]) == (ARMY, "2013-10", "month")
    assert retyped["mode"] is None and retyped["reviewed"] is True
    sweep = by_trigger[(SWEEP, "COERCE")]
    assert (sweep["source_text"], sweep["place_text"], sweep["place_country"]) == (ARMY, "الجزائر", "DZA")
    assert sweep["reviewed"] is True and sweep["lat"] is not None and sweep["source_actor_id"] == "DZA-MIL"
    assert [r["reviewed"] for r in rows].count(True) == 2
    # a filter sees the corrected value
    assert retyped["idx"] in {r["idx"] for r in _rows(store, type=case["new_type"])}
    assert "كشفت" not in {c["cue_text"] for c in claims(store, ClaimFilter()) if c["article_id"] == ARTICLE}
    # the exports read the same reviewed records
    out = io.StringIO()
    write_csv(store.iter_records(), out)
    flat = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["article_id"] == ARTICLE]
    assert int(rejected["trigger"]["start"]) not in {int(r["trigger_start"]) for r in flat}
    flagged = {(r["trigger_text"], r["type"]) for r in flat if r["reviewed"] == "True"}
    assert flagged == {(changed["trigger"]["text"], case["new_type"]), (SWEEP, "COERCE")}
    assert {r["reviewed"] for r in flat} == {"True", "False"}
    out = io.StringIO()
    write_plover(store.iter_records(), out)
    plover = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sum(p["reviewed"] for p in plover if p["cite_info"]["citation"] == ARTICLE) == 2
    assert text[sweep["evidence_start"]:sweep["evidence_end"]].count(SWEEP) == 1


def test_reject_change_and_add_apply_to_the_queries_and_the_exports(reviewed):
    store, _, original, case = reviewed
    assert [d.status for d in case["done"]] == ["applied"] * 4
    _assert_reviewed(store, original, case)
    entries = list(listed(store))
    assert [(e.correction.action, e.correction.item, e.correction.reviewer) for e in entries] == [
        ("reject", "event", "amal"), ("reject", "claim", "amal"), ("set", "event", "amal"), ("add", "event", "amal")]
    assert entries[0].correction.note == "وأضافت introduces speech, not an act"
    # other articles are untouched
    assert not [r for r in events(store, EventFilter()) if r["article_id"] != ARTICLE and r["reviewed"]]


def test_a_correction_survives_a_reingest_with_a_bumped_pipeline_version(reviewed):
    store, path, original, case = reviewed
    stats = ingest([str(path)], store, version="9.9.9+test")
    assert (stats.stored, stats.replaced) == (5, 5)
    assert {r["version"] for r in _rows(store)} == {"9.9.9+test"}
    _assert_reviewed(store, original, case)
    assert {e.status for e in listed(store)} == {"applied"}
    assert store.count("reviews") == 4


def test_a_correction_whose_event_is_gone_is_kept_and_listed_as_orphaned(reviewed, tmp_path, runner):
    store, path, original, case = reviewed
    # A corrected text in which the retyped event's trigger words are blanked out (same length,
    # so the other corrections' offsets still hold): ingest re-extracts the article.
    trigger = case["changed"]["trigger"]
    text = original["text"]
    fixed = text[:trigger["start"]] + " " * (trigger["end"] - trigger["start"]) + text[trigger["end"]:]
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [json.dumps(dict(json.loads(ln), text=fixed), ensure_ascii=False) if ARTICLE in ln else ln for ln in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ingest([str(path)], store).replaced == 1
    status = {e.correction.action + " " + e.correction.item: e.status for e in listed(store)}
    assert status == {"reject event": status["reject event"], "reject claim": "applied", "set event": "orphaned",
                      "add event": "applied"}
    rows = _rows(store)
    assert (SWEEP, "COERCE", True) in {(r["trigger_text"], r["type"], r["reviewed"]) for r in rows}
    assert [r["trigger_text"] for r in rows if r["reviewed"]] == [SWEEP]
    result = runner.invoke(app, ["review", "--list", "--db", case["db"]])
    assert result.exit_code == 0, result.stderr
    orphan = [ln for ln in result.stdout.splitlines() if " set " in ln]
    assert orphan and "orphaned" in orphan[0] and ARMY in orphan[0]
    assert "4 correction(s)" in result.stderr


def test_export_gold_reads_back_through_the_gold_loader_and_scores(reviewed, tmp_path, runner):
    store, _, original, case = reviewed
    gold_path = tmp_path / "reviewed_gold.jsonl"
    assert write_gold(store, gold_path) == (1, 2)
    gold = read_jsonl(gold_path, required=("id", "text"))
    assert [g["id"] for g in gold] == [ARTICLE] and gold[0]["text"] == original["text"]
    required = [e for e in gold[0]["events"] if e["required"]]
    assert {(e["type"], ARMY in (e["source"] or [])) for e in required} == {(case["new_type"], True), ("COERCE", True)}
    assert all(e["evidence"] in original["text"] for e in gold[0]["events"])
    assert all(not c["required"] for c in gold[0]["claims"]) and gold[0]["claims"]
    # the reviewed records meet their own gold; the unreviewed extraction misses what was changed or added
    mine = score(gold, {ARTICLE: _record(store)})
    assert (mine.events_strict.tp, mine.events_strict.fp, mine.events_strict.fn) == (2, 0, 0)
    theirs = score(gold, {ARTICLE: original})
    assert theirs.events_strict.fn >= 1 and theirs.events_strict.recall < 1
    # and through the CLI: the export to gold, then `marsad eval` against the store's own records
    db = case["db"]
    cli_gold, system = tmp_path / "cli_gold.jsonl", tmp_path / "system.jsonl"
    result = runner.invoke(app, ["review", "--export-gold", str(cli_gold), "--db", db])
    assert result.exit_code == 0, result.stderr
    assert "1 reviewed article(s), 2 required event(s)" in result.stderr
    assert cli_gold.read_text(encoding="utf-8") == gold_path.read_text(encoding="utf-8")
    assert runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(system)]).exit_code == 0
    result = runner.invoke(app, ["eval", "events", str(cli_gold), "--system", str(system), "--no-misses"])
    assert result.exit_code == 0, result.stderr
    assert "events strict     1.000  1.000  1.000   tp=2 fp=0 fn=0" in result.stdout


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_bad_review_inputs_are_one_line_errors_naming_the_input(runner, tmp_path, slice_file):
    db = str(tmp_path / "review.db")
    assert runner.invoke(app, ["ingest", str(slice_file(0, 5)), "--db", db]).exit_code == 0
    with open_store(db, readonly=True) as store:
        n = len(_record(store)["events"])
        size = len(_record(store)["text"])
    cases = [
        (["reject", "nosuch#0"], f"error: nosuch#0: no article 'nosuch' in the store {db}"),
        (["reject", f"{ARTICLE}#{n}"], f"error: {ARTICLE}#{n}: article '{ARTICLE}' has {n} event(s) (#0 to #{n - 1})"),
        (["reject", ARTICLE], f"error: '{ARTICLE}': not an event or claim id ARTICLE#N"),
        (["set", f"{ARTICLE}#0", "--type", "BOMB"], "error: --type 'BOMB': not a PLOVER type (valid: AGREE, CONSULT,"),
        (["set", f"{ARTICLE}#0"], f"error: {ARTICLE}#0: nothing to change"),
        (["set", f"{ARTICLE}#0", "--date", "2013-13"], "error: --date '2013-13': not a real date"),
        (["set", f"{ARTICLE}#0", "--target", "الجماعات السلفية المسلحة"],
         "error: --target 'الجماعات السلفية المسلحة': occurs 2 times in the article (at 87:111, "),
        (["set", f"{ARTICLE}#0", "--place", "باريس"], "error: --place 'باريس': not in the article's text; give offsets"),
        (["add", ARTICLE, "--type", "COERCE", "--trigger", f"{size}:{size + 4}"],
         f"error: --trigger '{size}:{size + 4}': outside the article's text (offsets 0 to {size}"),
        (["add", "nosuch", "--type", "COERCE", "--trigger", "1:4"], "error: ARTICLE_ID: no article 'nosuch'"),
        (["add", ARTICLE, "--type", "riot", "--trigger", SWEEP], "error: --type 'riot': not a PLOVER type"),
        (["add", ARTICLE, "--type", "COERCE", "--trigger", SWEEP, "--source", ARMY, "--source-actor", "ALG-ARMY"],
         "error: --source-actor 'ALG-ARMY': not an actor id of the actor base"),
        (["add", ARTICLE, "--type", "COERCE", "--trigger", SWEEP, "--source-actor", "DZA-MIL"],
         "error: --source-actor: give the source's words too (--source)"),
    ]
    for args, message in cases:
        result = runner.invoke(app, ["review", *args, "--db", db])
        assert result.exit_code == 2, (args, result.stdout)
        assert result.stderr.startswith(message), (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1
    result = runner.invoke(app, ["review", "--list", "--db", db])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "0 correction(s)\n")
    missing = runner.invoke(app, ["review", "--list", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == 2 and "no such store" in missing.stderr


def test_confirm_marks_an_event_reviewed_and_required_in_gold(db_url, slice_file, tmp_path):
    with open_store(db_url) as store:
        ingest([str(slice_file(0, 5))], store)
        kept = _record(store)["events"][1]
        entry = confirm(store, f"{ARTICLE}#1", Who("amal"))
        assert entry.status == "applied"
        reviewed = _record(store)["events"][1]
        assert reviewed == {**kept, "reviewed": True}
        assert write_gold(store, tmp_path / "g.jsonl") == (1, 1)


def test_a_new_trigger_moves_the_event_and_its_evidence_and_survives_a_reingest(db_url, slice_file):
    path = slice_file(0, 5)
    with open_store(db_url) as store:
        ingest([str(path)], store)
        last = len(_record(store)["events"]) - 1
        # "عمليات التمشيط والبحث التي شنتها قوات فرنسية": the act is stated by شنتها
        entry = change(store, f"{ARTICLE}#{last}", Who("amal"), trigger="شنتها", type="COERCE", date="2013")
        assert (entry.status, entry.item_id) == ("applied", f"{ARTICLE}#{last}")
        for version in (None, "9.9.9+test"):
            if version:
                ingest([str(path)], store, version=version)
            record = _record(store)
            moved = [e for e in record["events"] if e.get("reviewed")]
            assert len(moved) == 1 and (moved[0]["trigger"]["text"], moved[0]["type"]) == ("شنتها", "COERCE")
            evidence = record["text"][moved[0]["evidence"]["start"]:moved[0]["evidence"]["end"]]
            assert "شنتها قوات فرنسية" in evidence and moved[0]["date"] == {"value": "2013", "precision": "year"}


def test_a_rejected_act_head_hands_the_act_to_its_next_sentence(db_url, slice_file):
    """Acts (events/acts.py) point at their first event by index: a reject renumbers them."""
    with open_store(db_url) as store:
        ingest([str(slice_file(0, 5))], store)
        record = _record(store)
    # as acts.py links two sentences that report one act: event 2 belongs to event 1's act
    events_ = [dict(e, act=i) for i, e in enumerate(record["events"])]
    events_[2] = dict(events_[2], act=1)
    from marsad.store.corrections import Anchor, Correction
    trig = events_[1]["trigger"]
    gone = Correction(1, ARTICLE, "event", "reject", Anchor(trig["start"], trig["end"], trig["text"],
                                                            events_[1]["type"]), {}, "amal", "", None, "v")
    out, status = apply_corrections(dict(record, events=events_), [gone])
    assert status == {1: "applied"} and len(out["events"]) == len(events_) - 1
    assert [e["act"] for e in out["events"]] == list(range(len(out["events"])))
    assert out["events"][1]["trigger"] == events_[2]["trigger"]


def test_an_older_store_gets_the_review_tables_when_opened(db_url, slice_file):
    with open_store(db_url) as store:
        ingest([str(slice_file(0, 3))], store)
        # the store as schema 2 left it
        with store.transaction() as cur:
            cur.execute("DROP TABLE reviews")
            cur.execute("DROP TABLE review_status")
            cur.execute("ALTER TABLE events DROP COLUMN reviewed")
            cur.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
    with open_store(db_url, readonly=True) as store:  # a reader: `marsad events` on the old store
        assert next(store.rows("SELECT value FROM meta WHERE key = 'schema'"))[0] == schema.SCHEMA_VERSION
        rows = list(events(store, EventFilter()))
        assert rows and {r["reviewed"] for r in rows} <= {None, False}
        assert store.count("reviews") == 0
