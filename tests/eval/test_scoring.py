"""The scorer: sentence anchoring, role containment, greedy one-to-one
matching, `required: false` neutrality, grounding accuracy."""
from marsad.eval.scoring import format_report, role_matches, score

TEXT = "اتهمت روسيا الولايات المتحدة بدعم الإرهاب. وقال الجيش إن الهجوم فشل."
SENTENCES = [{"start": 0, "end": 42}, {"start": 43, "end": len(TEXT)}]


def record(events=(), claims=()):
    return {"id": "a", "text": TEXT, "sentences": SENTENCES, "events": list(events), "claims": list(claims)}


def sys_event(etype, start, source=None, target=None, date=None):
    role = lambda t, name=None: {"text": t, "actor": {"name_en": name}} if t else None  # noqa: E731
    return {"type": etype, "trigger": {"start": start, "end": start + 4, "text": "x"},
            "source": role(*source) if source else None, "target": role(*target) if target else None,
            "date": {"value": date, "precision": "day"}}


def gold(events=(), claims=()):
    return [{"id": "a", "text": TEXT, "events": list(events), "claims": list(claims)}]


def test_role_matches_by_containment_after_folding_or_english_name():
    assert role_matches(["الولايات المتحدة"], {"text": "#الولايات_المتحدة", "actor": None})
    assert role_matches(["Russia"], {"text": "موسكو", "actor": {"name_en": "Russia"}})
    assert role_matches(["الجيش"], {"text": "قوات الجيش اليمني", "actor": None})  # system span contains gold
    assert not role_matches(["الجيش"], {"text": "روسيا", "actor": {"name_en": "Russia"}})
    assert not role_matches(["روسيا"], None)
    assert role_matches(None, None)  # a null gold role asks nothing


def test_strict_needs_roles_type_only_does_not():
    g = gold(events=[{"type": "ACCUSE", "required": True, "evidence": "اتهمت روسيا",
                      "source": ["روسيا"], "target": ["الولايات المتحدة"], "date": "2018-01-01"}])
    wrong_target = record(events=[sys_event("ACCUSE", 0, ("روسيا",), ("الإرهاب",), "2018-01-01")])
    rep = score(g, {"a": wrong_target})
    assert (rep.events_strict.tp, rep.events_strict.fp, rep.events_strict.fn) == (0, 1, 1)
    assert (rep.events_type.tp, rep.events_type.fp, rep.events_type.fn) == (1, 0, 0)
    assert rep.event_dates.right == 1 and rep.event_dates.total == 1


def test_trigger_must_start_in_the_gold_sentence_and_matching_is_one_to_one():
    g = gold(events=[{"type": "ASSAULT", "required": True, "evidence": "الهجوم فشل",
                      "source": None, "target": None, "date": None}])
    other_sentence = record(events=[sys_event("ASSAULT", 5), sys_event("ASSAULT", 60), sys_event("ASSAULT", 62)])
    rep = score(g, {"a": other_sentence})
    assert (rep.events_type.tp, rep.events_type.fp, rep.events_type.fn) == (1, 2, 0)


def test_optional_gold_items_neither_reward_nor_penalise():
    g = gold(events=[{"type": "AID", "required": False, "evidence": "بدعم الإرهاب",
                      "source": None, "target": None, "date": None}])
    rep_found = score(g, {"a": record(events=[sys_event("AID", 30)])})
    rep_missed = score(g, {"a": record()})
    for rep in (rep_found, rep_missed):
        assert (rep.events_type.tp, rep.events_type.fp, rep.events_type.fn) == (0, 0, 0)


def test_claims_speaker_and_counts():
    g = gold(claims=[{"required": True, "evidence": "وقال الجيش", "speaker": ["الجيش", "army"],
                      "quantity": {"value": 1000, "comparator": "<"}, "date": None}])
    claim = {"speaker": {"text": "الجيش", "actor": None}, "cue": {"start": 44, "end": 47, "text": "قال"},
             "content": {"start": 52, "end": 64}, "quantities": [{"value": 1000, "comparator": "<"}],
             "date": {"value": None, "precision": "unknown"}}
    rep = score(g, {"a": record(claims=[claim])})
    assert (rep.claims.tp, rep.claims.fp, rep.claims.fn) == (1, 0, 0)
    assert (rep.claim_counts.right, rep.claim_counts.total) == (1, 1)
    text = format_report(rep)
    assert "claims" in text and "claim counts   1.000  (1/1)" in text
