"""One act, one event (marsad/events/acts.py): the sentences of one article that report one act
are linked, and exports and dedup count the act once."""
from __future__ import annotations

from dataclasses import replace

import pytest

from marsad.dedup.cluster import dedup
from marsad.events.acts import link_acts, same_act
from marsad.export.records import act_events, iter_events
from marsad.pipeline import Pipeline
from marsad.types import ArticleInput, DateValue

# Two sentences tell one air raid (the coalition on the Houthis in Saada, on Tuesday); a third
# reports another act (an accusation of no violent act: an accused shelling would be an ASSAULT of
# its own, hedged, as the annotation guide reads an event inside a statement).
RAID = ("شنت طائرات التحالف العربي غارات على مواقع ميليشيات الحوثي في محافظة صعدة يوم الثلاثاء. "
        "وقالت مصادر محلية إن غارات التحالف استهدفت تجمعات للحوثيين في صعدة وقتلت عشرة منهم. "
        "من جهة أخرى، اتهمت الحكومة اليمنية الحوثيين بعرقلة جهود السلام في مدينة تعز.")


@pytest.fixture(scope="module")
def raid():
    doc = Pipeline.default()(ArticleInput(id="raid", title="", text=RAID, date="2018-05-02"))
    return doc, doc.to_dict()


def test_two_sentences_of_one_raid_are_one_act(raid):
    doc, _ = raid
    assaults = [e for e in doc.events if e.type == "ASSAULT"]
    assert [e.sentence for e in assaults] == [0, 1]
    first = doc.events.index(assaults[0])
    assert [e.act for e in assaults] == [first, first]
    accuse = next(e for e in doc.events if e.type == "ACCUSE")
    assert accuse.act == doc.events.index(accuse)  # its own act


def test_each_sentence_keeps_its_evidence(raid):
    doc, rec = raid
    evidence = [e["evidence"]["start"] for e in rec["events"] if e["type"] == "ASSAULT"]
    assert len(set(evidence)) == 2
    assert all(e["act"] is not None for e in rec["events"])


def test_exports_and_dedup_count_the_act_once(raid):
    _, rec = raid
    acts = act_events(rec)
    assert sorted(ev["type"] for _, ev in acts) == ["ACCUSE", "ASSAULT"]
    assault = next(ev for _, ev in acts if ev["type"] == "ASSAULT")
    assert assault["act_sentences"] == 2
    assert len(list(iter_events([rec]))) == 2
    assert len(list(iter_events([rec], per_sentence=True))) == 3
    result = dedup([rec])
    assert len(result.canonical) == 2
    # every sentence of the raid links to the raid's canonical event
    heads = {result.links[("raid", i)] for i, e in enumerate(rec["events"]) if e["type"] == "ASSAULT"}
    assert len(heads) == 1


def test_what_keeps_two_events_apart(raid):
    doc, _ = raid
    a, b = [e for e in doc.events if e.type == "ASSAULT"]
    assert same_act(a, b)
    assert not same_act(a, replace(b, negated=True))  # a denial is not a report of the act
    assert not same_act(a, replace(b, type="COERCE"))
    assert not same_act(a, replace(b, sentence=a.sentence))  # one sentence, one event per act
    assert not same_act(a, replace(b, date=DateValue("2018-04-20", "day")))
    assert same_act(a, replace(b, date=DateValue("2018-05", "month")))  # the day falls in the month
    accuse = next(e for e in doc.events if e.type == "ACCUSE")
    # a different target (the Yemeni government, not the Houthis) is another act
    assert not same_act(a, replace(b, target=accuse.source))
    # with no actor on either side, nothing positive is shared
    bare_a, bare_b = replace(a, source=None, target=None, location=None), replace(b, source=None, target=None)
    assert not same_act(bare_a, bare_b)


def test_link_acts_is_transitive_only_through_agreement(raid):
    doc, _ = raid
    a, b = [e for e in doc.events if e.type == "ASSAULT"]
    c = replace(b, sentence=5, target=None, date=DateValue("2018-04-20", "day"))  # agrees with b on roles, not a's day
    linked = link_acts([a, b, c])
    assert [e.act for e in linked] == [0, 0, 2]


def test_plover_lists_each_sentence_of_the_act(raid):
    from marsad.export.plover import plover_record

    _, rec = raid
    i, assault = next((i, ev) for i, ev in act_events(rec) if ev["type"] == "ASSAULT")
    texts = plover_record(rec, i, assault)["event_text"]
    assert len(texts) == 2 and texts[0].startswith("شنت طائرات التحالف") and "غارات التحالف استهدفت" in texts[1]
