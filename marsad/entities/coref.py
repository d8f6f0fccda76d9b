"""In-article coreference for entity mentions.

Mentions that name the same entity are put in one cluster, and each mention
takes the most specific actor its cluster has, so events and claims coded on
`الوزير` or `جيراسيموف` carry the person, not a bare title:

    رئيس هيئة الأركان الروسية العامة … الجنرال فاليري جيراسيموف … جيراسيموف
    الجنرال البريطاني فيليكس غيدني … غيدني
    روسيا … الروسية

Links, each a plain rule:
- the same actor id (a country and its nisba share one);
- a short form and the full name it shortens (a name word seen before);
- apposition: a title right before a name (`وزير الخارجية، سيرغي لافروف`);
- apposition the other way: a name right before its title (`جو بايدن، نائب
  الرئيس الأميركي`);
- a title introducing a name in the next sentences (same country, no other
  named person of that country between, the person not named before and
  not carrying another title of their own);
- a bare title later (`الوزير`, `الجنرال`) and the last named person who
  bore it.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from marsad.doc import Doc
from marsad.text.clitics import without_article
from marsad.text.normalize import without_invisible
from marsad.types import Actor, Mention, evolve

INTRODUCE_REACH = 2  # sentences within which a title may introduce a name
OWN_TITLE_GAP = 3  # tokens between a title and the name it belongs to (commas, آنذاك)
APPOSITION_MARKS = frozenset({"،", ","})


class Coreferencer:
    name = "coref"
    requires = ("tokens", "sentences", "mentions")
    provides = ("clusters",)
    rewrites = ("mentions",)  # each mention's cluster, and its cluster's best actor

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc.mentions
        if not mentions:
            doc.clusters = []
            return doc
        clusters = _Clusters(len(mentions))
        self._link_same_actor(mentions, clusters)
        self._link_names(doc, mentions, clusters)
        self._link_titles(doc, mentions, clusters)
        doc.mentions = _resolve(mentions, clusters)
        doc.clusters = _entities(doc.mentions)
        return doc

    @staticmethod
    def _link_same_actor(mentions: list[Mention], clusters: _Clusters) -> None:
        first: dict[tuple[str, bool], int] = {}
        for i, m in enumerate(mentions):
            if m.actor and m.actor.id and (m.label != "PER" or m.actor.id.startswith("PER-")):
                # a person titled by an institution (رئيس هيئة الأركان → the military)
                # is not the institution itself; and two titled persons of one state
                # (الرئيس الأميركي، نائب الرئيس الأميركي) are not one person
                key = (m.actor.id, m.label == "PER")
                clusters.union(first.setdefault(key, i), i)

    @staticmethod
    def _link_names(doc: Doc, mentions: list[Mention], clusters: _Clusters) -> None:
        """Short forms (`غيدني`) join the earlier name whose words they repeat."""
        seen: dict[str, int] = {}  # name word key → latest mention holding it
        for i, m in enumerate(mentions):
            keys = [doc.tokens[t].key for t in range(*m.tokens)]
            if m.rule == "short-form" and len(keys) == 1 and keys[0] in seen:
                clusters.union(seen[keys[0]], i)
            if m.label == "PER" and _is_named(m):
                for k in keys:
                    seen[k] = i

    @staticmethod
    def _link_titles(doc: Doc, mentions: list[Mention], clusters: _Clusters) -> None:
        tokens = doc.tokens
        bearer: dict[str, int] = {}  # title word key → last named person with that title
        earlier = _Earlier(doc, mentions)
        for i, m in enumerate(mentions):
            if m.label != "PER":
                continue
            title = without_article(tokens[m.tokens[0]].key)  # الوزير and وزير are one title
            if _is_named(m):
                bearer[title] = i
                continue
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is not None and nxt.label == "PER" and _is_named(nxt) and _apposed(doc, m, nxt):
                clusters.union(i, i + 1)  # وزير الخارجية، سيرغي لافروف
                bearer[title] = i
                continue
            prev = mentions[i - 1] if i > 0 else None
            if prev is not None and prev.label == "PER" and _is_named(prev) and _apposed(doc, prev, m):
                clusters.union(i - 1, i)  # جو بايدن، نائب الرئيس الأميركي
                continue
            if m.tokens[1] - m.tokens[0] == 1 and title in bearer:
                clusters.union(bearer[title], i)  # … وقال الوزير
                continue
            named = _introduced_name(doc, mentions, i, earlier)
            if named is not None:
                clusters.union(i, named)


def _is_named(m: Mention) -> bool:
    """A mention that carries a person's name, not only a title."""
    return m.rule in ("title+name", "short-form") or bool(m.actor and m.actor.id and m.actor.id.startswith("PER-"))


def _apposed(doc: Doc, title: Mention, name: Mention) -> bool:
    between = without_invisible(doc.text[title.end:name.start]).strip()
    return between == "" or between in APPOSITION_MARKS


class _Earlier:
    """What `_introduced_name` asks of the mentions before a title, indexed
    once per article: walking back over all of them for each title made a
    long article quadratic."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.titled: dict[tuple[str, str], list[int]] = defaultdict(list)  # (country, head) → known persons
        self.first: dict[str, int] = {}  # actor id → its first mention
        for j, m in enumerate(mentions):
            if m.actor is None:
                continue
            self.first.setdefault(m.actor.id, j)
            if m.label == "PER" and (m.actor.id or "").startswith("PER-"):
                self.titled[(m.actor.country, without_article(doc.tokens[m.tokens[0]].key))].append(j)

    def last_titled(self, country: str, head: str, before: int) -> int | None:
        """The latest known person of `country` under the title `head` before mention `before`."""
        found = self.titled.get((country, head))
        k = bisect_left(found, before) if found else 0
        return found[k - 1] if k else None

    def known_before(self, i: int, person: Mention) -> bool:
        """Whether the person was already named before mention i: a title cannot introduce them."""
        pid = person.actor.id if person.actor else None
        return bool(pid) and self.first.get(pid, i) < i


def _introduced_name(doc: Doc, mentions: list[Mention], i: int, earlier: _Earlier) -> int | None:
    """`رئيس هيئة الأركان الروسية العامة` … `الجنرال فاليري جيراسيموف`: a title of
    a country introduces the next named person of that country, close by."""
    title = mentions[i]
    country = title.actor.country if title.actor else None
    if not country:
        return None
    head = without_article(doc.tokens[title.tokens[0]].key)
    # الرئيس الروسي فلاديمير بوتين … الرئيس الروسي: the same title again
    again = earlier.last_titled(country, head, i)
    if again is not None:
        return again
    last_sentence = doc.sentence_of_token(title.tokens[0]) + INTRODUCE_REACH
    for j in range(i + 1, len(mentions)):
        m = mentions[j]
        if doc.sentence_of_token(m.tokens[0]) > last_sentence:
            return None
        if m.label == "PER" and m.actor and m.actor.country == country:
            if not _is_named(m) or earlier.known_before(i, m) or _own_title(doc, mentions, j, title):
                return None  # السفير التركي … أردوغان (named before); دبلوماسي … وزير الخارجية، ليبرمان
            return j
    return None


def _own_title(doc: Doc, mentions: list[Mention], j: int, title: Mention) -> bool:
    """Whether the named person at j comes with a title of their own, right
    before the name and other than `title`'s (وزير الخارجية الإسرائيلي،
    آنذاك، أفيغدور ليبرمان is not the دبلوماسي of the sentence before)."""
    prev = mentions[j - 1]
    if prev.label != "PER" or _is_named(prev) or mentions[j].tokens[0] - prev.tokens[1] > OWN_TITLE_GAP:
        return False
    head = without_article(doc.tokens[prev.tokens[0]].key)
    return head != without_article(doc.tokens[title.tokens[0]].key)


def _resolve(mentions: list[Mention], clusters: _Clusters) -> list[Mention]:
    """Each mention gets its cluster id (the index of the cluster's first
    mention) and, when its own actor is vaguer, the cluster's best actor."""
    best: dict[int, tuple[int, Actor]] = {}
    roots = [clusters.find(i) for i in range(len(mentions))]
    ranks = [_specificity(m) for m in mentions]
    for m, root, rank in zip(mentions, roots, ranks):
        if m.actor and rank > best.get(root, (0, None))[0]:
            best[root] = (rank, m.actor)
    first: dict[int, int] = {}
    out = []
    for i, (m, root, own) in enumerate(zip(mentions, roots, ranks)):
        cluster = first.setdefault(root, i)
        actor = m.actor
        rank, top = best.get(root, (0, None))
        if top is not None and rank > own and _compatible(actor, top):
            actor = top
        out.append(evolve(m, actor=actor, cluster=cluster))
    return out


def _entities(mentions: list[Mention]) -> list[tuple[int, ...]]:
    """The mention indices of each entity, in order of first mention."""
    members: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        members.setdefault(m.cluster if m.cluster is not None else i, []).append(i)
    return [tuple(ids) for ids in members.values()]


def _specificity(m: Mention) -> int:
    """A known person, then a named unknown person (الجنرال الأميركي فينسنت بروكس),
    then an institution with an id, then a country, then a bare title."""
    actor = m.actor
    if actor is None:
        return 0
    if actor.id and actor.id.startswith("PER-"):
        return 5
    if m.label == "PER" and m.rule in ("title+name", "short-form") and not actor.id:
        return 4
    if actor.id:
        return 3
    return 2 if actor.country else 1


def _compatible(own: Actor | None, best: Actor) -> bool:
    """A vaguer actor may only be replaced by one of the same country."""
    return own is None or not own.country or not best.country or own.country == best.country


class _Clusters:
    """Union-find over mention indices."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the earliest mention stays the root
