"""Properties of the readers on generated inputs (issue 13): real Arabic records from the
pool mixed with random bytes, stray invalid bytes, raw line separators inside JSON strings,
deep JSON, non-objects and records without text, joined by "\\n" or "\\r\\n".

- reading never raises;
- each bad record is exactly one error, named FILE:LINE with its own line;
- each good record is kept, with its text exactly (a stray byte: one U+FFFD in its place
  and one warning naming that line), and named by its line;
- an ingest rerun stores nothing twice and rewrites nothing.

Bounded: a few seconds in all (settings below).
"""
from __future__ import annotations

import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.io.readers import ReadError, read_articles

ODD = ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r", "\t"]
MARK = "\ue000"  # a private-use stand-in, replaced in the bytes after json.dumps
STRAY = "\ue001"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def pool_texts(shared: Path) -> list[str]:
    """The first 40 articles of pool_2000.jsonl, each cut at a sentence end near 400
    characters: real text, and quick to extract."""
    with (shared / "corpora" / "pool_2000.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(40), fh)]
    return [r["text"][: r["text"].find(".", 300) + 1 or 400] for r in rows]


@dataclass(frozen=True)
class Record:
    line: bytes              # without its line end
    text: str | None = None  # expected article text; None for a bad record
    stray: bool = False      # a stray invalid byte: expect one warning
    id: str = ""


@st.composite
def good_records(draw, texts: list[str]) -> Record:
    text = draw(st.sampled_from(texts))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=4)))
    odd = [draw(st.sampled_from(ODD)) for _ in cuts]
    stray = draw(st.booleans())
    marked, last = [], 0
    for at, ch in zip(cuts, odd):
        marked += [text[last:at], MARK + ch]
        last = at
    marked.append(text[last:])
    body = "".join(marked)
    if stray:
        at = draw(st.integers(0, len(body)))
        at += body[at - 1:at] == MARK  # not between a mark and its character
        body = body[:at] + STRAY + body[at:]
    row = {"id": "@ID@", "title": draw(st.sampled_from(["", "عاجل", "تقرير: سوريا"])), "text": body}
    line = json.dumps(row, ensure_ascii=False).encode("utf-8")
    for ch in set(odd):  # written raw, as a careless exporter would (json.dumps escapes controls)
        line = line.replace((MARK + json.dumps(ch, ensure_ascii=False)[1:-1]).encode("utf-8"), ch.encode("utf-8"))
    line = line.replace(STRAY.encode("utf-8"), b"\xff")
    expected = "".join(part.replace(MARK, "") for part in marked)
    if stray:
        plain = body.replace(MARK, "")
        expected = plain.replace(STRAY, "\ufffd")
    assert MARK.encode("utf-8") not in line
    return Record(line, expected, stray, "@ID@")


bad_records = st.one_of(
    st.binary(max_size=120).map(lambda b: Record(b"#" + b.replace(b"\n", b""))),   # random bytes
    st.integers(1000, 30000).map(lambda n: Record(b"[" * n)),                       # deep, unclosed
    st.integers(1000, 5000).map(lambda n: Record(b'{"text": ' + b"[" * n + b"]" * n + b"}")),
    st.sampled_from([b"[1, 2]", b'"text"', b"null", b'{"id": "x", "title": "t"}', b'{"text": "   "}',
                     b'{"text": 12}', b"{not json", b'{"text": "\x00\x01\x02\x03\x04\x05"}',
                     b'{"id": 1e999999, "text": 1' + b"0" * 5000 + b"}"]).map(Record),
)
blank = st.sampled_from([b"", b"   ", b"\t"]).map(lambda b: Record(b, text=""))


@st.composite
def jsonl_files(draw, texts: list[str]):
    good = good_records(texts)
    records = draw(st.lists(st.one_of(good, good, bad_records, blank), min_size=1, max_size=12))
    records = [Record(r.line.replace(b"@ID@", f"r{n}".encode()), r.text, r.stray, f"r{n}") if r.id else r
               for n, r in enumerate(records, 1)]  # ids unique by construction
    ends = [draw(st.sampled_from([b"\n", b"\r\n"])) for _ in records]
    last_end = draw(st.booleans())
    data = b"".join(r.line + e for r, e in zip(records, ends))
    if not last_end:
        data = data[: -len(ends[-1])]
    return records, data


def _check(records, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.jsonl"
        path.write_bytes(data)
        items = list(read_articles([str(path)]))  # never raises
    expected_errors = [f"{path}:{n}" for n, r in enumerate(records, 1) if r.text is None]
    expected_good = [(f"{path}:{n}", r) for n, r in enumerate(records, 1) if r.text]
    if not data.strip():
        expected_errors = [str(path)]  # a file of blank lines: one "empty input"
    errors = [x for x in items if isinstance(x, ReadError)]
    good = [x for x in items if not isinstance(x, ReadError)]
    assert [e.origin for e in errors] == expected_errors
    assert all("\n" not in e.message for e in errors)
    assert [(a.origin, a.text) for a in good] == [(o, r.text) for o, r in expected_good]
    for a, (origin, r) in zip(good, expected_good):
        if r.stray:
            assert len(a.warnings) == 1 and a.warnings[0].startswith(f"{origin}: invalid UTF-8 at byte ")
        else:
            assert a.warnings == ()
    return path, items


@SETTINGS
@given(data=st.data())
def test_jsonl_every_good_record_kept_one_error_per_bad_record(pool_texts, data):
    _check(*data.draw(jsonl_files(pool_texts)))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["f.jsonl", "f.csv", "f.txt", "f.html", "f.warc", "f.warc.gz"]))
def test_random_bytes_never_raise(data, name):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        for item in read_articles([str(path)]):
            if isinstance(item, ReadError):
                assert item.origin.startswith(str(path)) and "\n" not in item.message
            else:
                assert isinstance(item.text, str) and item.text.strip()


@settings(max_examples=40, deadline=None)
@given(data=st.data(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"]),
       end=st.sampled_from(["\n", "\r\n"]))
def test_seed_text_in_any_supported_encoding_reads_back(pool_texts, data, encoding, end):
    text = data.draw(st.sampled_from(pool_texts), label="text")
    body = end.join(text.split("\n"))
    data = end.join(["عنوان الخبر", "", body]).encode(encoding, "replace")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.txt"
        path.write_bytes(data)
        (a,) = read_articles([str(path)])
    assert not isinstance(a, ReadError)
    assert a.title == "عنوان الخبر"
    assert a.text == body.encode(encoding, "replace").decode(encoding).lstrip("\ufeff")
    assert a.warnings == ()


@pytest.fixture(scope="module")
def pipeline():
    from marsad.pipeline import default_pipeline

    nlp = default_pipeline()
    nlp.warm_up(freeze=True)
    return nlp


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(case=st.data())
def test_ingest_rerun_never_duplicates_or_rewrites(pipeline, pool_texts, case):
    from marsad.store import open_store
    from marsad.store.ingest import ingest

    records, data = case.draw(jsonl_files(pool_texts))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.jsonl"
        path.write_bytes(data)
        (Path(tmp) / "copy.jsonl").write_bytes(data)
        n_good = sum(1 for r in records if r.text)
        with open_store(str(Path(tmp) / "m.db")) as store:
            first = ingest([str(path)], store, pipeline=pipeline, errors=io.StringIO())
            state = sorted(store.rows("SELECT seq, id, content_hash FROM articles"))
            again = ingest([str(path), str(Path(tmp) / "copy.jsonl")], store, pipeline=pipeline,
                           errors=io.StringIO())
            assert (first.stored, again.stored, again.skipped) == (n_good, 0, 2 * n_good)
            assert sorted(store.rows("SELECT seq, id, content_hash FROM articles")) == state
            assert store.count("articles") == store.count("article_search") == n_good
