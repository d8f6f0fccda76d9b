"""Decoding per record: a bad byte costs one U+FFFD and one warning in its own record,
encodings are chosen on evidence from the whole input, and whether a text reads as
text is decided per article (issue 13). Each test here failed on v0.5.0."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.batch import run_extract
from marsad.io.decode import decode_lines, detect
from marsad.io.readers import ReadError, read_articles

MARSAD = str(Path(sys.executable).parent / "marsad")
CLAIM = "اتهمت روسيا الولايات المتحدة بدعم الإرهاب"
RUSSIAN = "Министерство обороны России заявило, что американские военные поддерживают боевиков в Сирии."
EMOJI = "🔴 عاجل 🔴 🇸🇾🇷🇺 #سوريا 😡😡😡 👇👇"


def articles(items):
    return [x for x in items if not isinstance(x, ReadError)]


def errors(items):
    return [x for x in items if isinstance(x, ReadError)]


@pytest.fixture(scope="module")
def pool_rows(shared):
    with (shared / "corpora" / "pool_2000.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(30), fh)]


def _jsonl(rows) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def test_a_stray_byte_costs_one_replacement_char_and_one_warning_not_the_file(tmp_path):
    """The issue's reproduction: the whole file used to be read as Windows-1256 (0 events)."""
    data = f"عنوان\n\n{CLAIM} ".encode("utf-8") + b"\xff\n"  # printf 'عنوان\n\n... \xff\n'
    at = data.index(b"\xff")
    path = tmp_path / "m.txt"
    path.write_bytes(data)
    run = subprocess.run([MARSAD, "extract", str(path), "--format", "jsonl"], capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.returncode == 0
    (record,) = [json.loads(line) for line in run.stdout.splitlines()]
    assert record["title"] == "عنوان"
    assert record["text"] == f"{CLAIM} \ufffd\n"
    assert [e["type"] for e in record["events"]] == ["ACCUSE"]
    warnings = [line for line in run.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {path}:3: invalid UTF-8 at byte {at} replaced with U+FFFD"]


def test_a_bad_byte_in_one_jsonl_record_touches_no_other(tmp_path, pool_rows):
    rows = pool_rows[:6]
    data = _jsonl(rows)
    line3 = data.index(b"\n", data.index(b"\n") + 1) + 1
    at = data.index("ال".encode("utf-8"), line3) + 2  # the lam's second byte goes: a truncated character
    path = tmp_path / "batch.jsonl"
    path.write_bytes(data[:at + 1] + data[at + 2:])
    got = list(read_articles([str(path)]))
    assert errors(got) == []
    assert [a.text for i, a in enumerate(got) if i != 2] == [r["text"] for i, r in enumerate(rows) if i != 2]
    assert got[2].text == rows[2]["text"].replace("ال", "ا\ufffd", 1)
    assert got[2].warnings == (f"{path}:3: invalid UTF-8 at byte {at} replaced with U+FFFD",)
    assert all(a.warnings == () for i, a in enumerate(got) if i != 2)


def test_one_russian_record_or_an_emoji_line_on_top_rejects_nothing(tmp_path, pool_rows):
    """v0.5.0 judged the whole file on its first 4 KB: 'binary or undecodable data', 0 articles."""
    top = [{"id": "ru", "title": "Новости", "text": RUSSIAN * 60}, {"id": "emoji", "text": EMOJI * 40}]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_jsonl(top + pool_rows))
    got = list(read_articles([str(path)]))
    assert errors(got) == []
    assert [a.id for a in got] == ["ru", "emoji"] + [r["id"] for r in pool_rows]
    assert [a.text for a in got[2:]] == [r["text"] for r in pool_rows]


def test_binary_is_still_refused_per_article(tmp_path, pool_rows):
    path = tmp_path / "b.jsonl"
    junk = bytes(range(1, 32)).decode("latin-1") * 20
    path.write_bytes(_jsonl([pool_rows[0], {"id": "junk", "text": junk}, pool_rows[1]]))
    got = list(read_articles([str(path)]))
    (err,) = errors(got)
    assert err.origin == f"{path}:2" and "binary or undecodable" in err.message
    assert [a.id for a in articles(got)] == [pool_rows[0]["id"], pool_rows[1]["id"]]


def test_windows_1256_is_chosen_on_the_whole_input_and_odd_lines_on_their_own(tmp_path, pool_rows):
    rows = pool_rows[:4]
    # A Windows-1256 file whose ASCII first record would have read as UTF-8 on its own.
    win = [{"id": "ascii", "text": "Reuters - no Arabic here."}] + rows
    path = tmp_path / "win.jsonl"
    path.write_bytes("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in win).encode("cp1256", "replace"))
    assert detect(path.read_bytes())[0] == "cp1256"
    got = list(read_articles([str(path)]))
    assert [a.text for a in got[1:]] == [r["text"].encode("cp1256", "replace").decode("cp1256") for r in rows]
    assert all(a.warnings == () for a in got)
    # A UTF-8 file with one record pasted from a Windows-1256 export: that line is read as such.
    mixed = tmp_path / "mixed.jsonl"
    lines = _jsonl(rows).split(b"\n")
    plain = {"id": "w", "text": "قال الجيش العراقي إن المعارك انتهت في الموصل"}
    lines.insert(1, json.dumps(plain, ensure_ascii=False).encode("cp1256"))
    mixed.write_bytes(b"\n".join(lines))
    got = list(read_articles([str(mixed)]))
    assert [a.text for a in got] == [rows[0]["text"], plain["text"]] + [r["text"] for r in rows[1:]]
    assert got[1].warnings == (f"{mixed}:2: line read as Windows-1256 (not UTF-8, unlike the rest of the input)",)


def test_utf16_without_bom_with_a_lone_surrogate(tmp_path):
    text = f"عنوان الخبر\n\n{CLAIM}.\nوقال المتحدث إن المعارك انتهت."
    data = bytearray(text.encode("utf-16-le"))
    at = data.index("المتحدث".encode("utf-16-le"))
    data[at:at + 2] = "\ud800".encode("utf-16-le", "surrogatepass")
    path = tmp_path / "u16.txt"
    path.write_bytes(bytes(data))
    (a,) = read_articles([str(path)])
    assert a.text == f"{CLAIM}.\nوقال \ufffdلمتحدث إن المعارك انتهت."
    assert a.warnings == (f"{path}:4: invalid UTF-16 at byte {at} replaced with U+FFFD",)


def test_line_ends_inside_json_strings_do_not_split_records(tmp_path, pool_rows):
    """U+2028, U+2029, U+0085, VT, FF and FS/GS/RS written raw inside JSON strings: v0.5.0 split
    on them (str.splitlines), turning one record into two 'invalid JSON' errors."""
    odd = "\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e"
    rows = [dict(r) for r in pool_rows[:len(odd)]]
    for r, ch in zip(rows, odd):
        r["text"] = r["text"].replace(" ", ch, 1)
    # json.dumps escapes the controls (\u000b); written raw as a careless exporter would:
    lines = [json.dumps(r, ensure_ascii=False).replace(json.dumps(ch)[1:-1], ch) for r, ch in zip(rows, odd)]
    assert all(ch in line for line, ch in zip(lines, odd))  # raw, not escaped
    path = tmp_path / "odd.jsonl"
    path.write_bytes(("\r\n".join(lines[:4]) + "\n{broken\n" + "\n".join(lines[4:]) + "\n").encode("utf-8"))
    got = list(read_articles([str(path)]))
    (err,) = errors(got)
    assert err.origin == f"{path}:5"  # the line number as any editor counts it
    good = articles(got)
    assert [a.text for a in good] == [r["text"] for r in rows]
    assert [a.origin for a in good] == [f"{path}:{n}" for n in (1, 2, 3, 4, 6, 7, 8, 9)]


def test_deeply_nested_json_is_one_error_and_the_batch_goes_on(tmp_path, pool_rows):
    deep = '{"id": "deep", "text": "x", "meta": ' + "[" * 5000 + "]" * 5000 + "}"
    path = tmp_path / "deep.jsonl"
    path.write_bytes(_jsonl(pool_rows[:1]) + deep.encode() + b"\n" + ("[" * 100000).encode() + b"\n"
                     + _jsonl(pool_rows[1:3]))
    out, err = io.StringIO(), io.StringIO()
    stats = run_extract([str(path)], out, fmt="jsonl", errors=err)
    assert (stats.ok, stats.errors) == (3, 2)
    assert err.getvalue().splitlines() == [f"error: {path}:2: invalid JSON (nested too deeply)",
                                           f"error: {path}:3: invalid JSON (nested too deeply)"]
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [r["id"] for r in pool_rows[:3]]


def test_a_lone_surrogate_escape_becomes_a_replacement_char_with_a_warning(tmp_path, pool_rows):
    row = dict(pool_rows[0], title="\\ud83d عاجل")
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False).replace("\\\\ud83d", "\\ud83d") + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run_extract([str(path)], out, fmt="jsonl", errors=err).ok == 1
    assert json.loads(out.getvalue())["title"] == "\ufffd عاجل"
    assert err.getvalue() == f"warning: {path}:1: lone surrogate escape in title replaced with U+FFFD\n"


def test_csv_records_are_named_by_their_first_line_and_decoded_alone(tmp_path, pool_rows):
    a, b = pool_rows[0], pool_rows[1]
    assert "\n" in a["text"]  # a quoted field over several lines
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "date", "source", "url", "text"])
    writer.writerow([a["id"], "عنوان", "2018-01-03", "bbc", "", a["text"]])
    first = out.getvalue().encode("utf-8")
    out.seek(0), out.truncate()
    writer.writerow([b["id"], "عنوان", "2018-01-04", "cnn", "", b["text"]])
    data = first + out.getvalue().encode("utf-8").replace(b" ", b" \xff", 1)
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    got = list(read_articles([str(path)]))
    assert [x.origin for x in got] == [f"{path}:2", f"{path}:{2 + a['text'].count(chr(10)) + 1}"]
    assert got[0].text == a["text"] and got[0].warnings == ()
    assert got[1].text == b["text"].replace(" ", " \ufffd", 1)
    assert len(got[1].warnings) == 1 and "invalid UTF-8 at byte" in got[1].warnings[0]


def test_decode_lines_keeps_every_character(tmp_path):
    text = "سطر أول\r\nسطر\u2028ثان\x0c\n\nآخر"
    for encoding in ("utf-8", "utf-16", "cp1256"):
        data = text.encode(encoding) if encoding != "cp1256" else text.replace("\u2028", " ").encode(encoding)
        _, lines = decode_lines(data)
        expect = text if encoding != "cp1256" else text.replace("\u2028", " ")
        assert "\n".join(line.text for line in lines) == expect
        assert [line.number for line in lines] == [1, 2, 3, 4]


def test_paths_may_be_path_objects(tmp_path, pool_rows):
    path = tmp_path / "p.jsonl"
    path.write_bytes(_jsonl(pool_rows[:2]))
    assert [a.id for a in read_articles([path])] == [r["id"] for r in pool_rows[:2]]
