import gzip
import io
import json

from marsad.io.readers import ReadError, read_articles

BODY = "أعلن الجيش العراقي السيطرة على المدينة.\nوقال المتحدث إن المعارك انتهت."
SEED = "عنوان الخبر\n\n" + BODY


def articles(items):
    return [x for x in items if not isinstance(x, ReadError)]


def errors(items):
    return [x for x in items if isinstance(x, ReadError)]


def test_seed_layout_text_is_the_body_as_read(tmp_path):
    f = tmp_path / "AL-internationalNews-1-20180509.txt"
    f.write_text(SEED, encoding="utf-8")
    (a,) = articles(read_articles([str(f)]))
    assert a.title == "عنوان الخبر"
    assert a.text == BODY
    assert a.id == "AL-internationalNews-1-20180509"
    assert a.date == "2018-05-09"  # from the file name


def test_date_option_overrides(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(SEED, encoding="utf-8")
    (a,) = articles(read_articles([str(f)], default_date="2017-12-27"))
    assert a.date == "2017-12-27"


def test_encodings_are_detected(tmp_path):
    for name, data in {
        "bom.txt": b"\xef\xbb\xbf" + SEED.encode("utf-8"),
        "u16.txt": SEED.encode("utf-16"),
        "u16le.txt": SEED.encode("utf-16-le"),
        "win.txt": SEED.encode("cp1256"),
    }.items():
        (tmp_path / name).write_bytes(data)
    got = articles(read_articles([str(tmp_path)]))
    assert len(got) == 4
    assert all(a.text == BODY for a in got)


def test_bad_inputs_get_one_error_each_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(gzip.compress(SEED.encode("utf-8") * 5))
    (tmp_path / "c_good.txt").write_text(SEED, encoding="utf-8")
    rows = [json.dumps({"id": "1", "text": BODY}), "{not json", json.dumps({"id": "3", "title": "x"}),
            json.dumps({"id": "4", "text": BODY, "date": "2018-02-30"})]
    (tmp_path / "d.jsonl").write_text("\n".join(rows), encoding="utf-8")
    items = list(read_articles([str(tmp_path), str(tmp_path / "missing.txt")]))
    errs = errors(items)
    assert [e.origin.rsplit("/", 1)[-1] for e in errs] == [
        "a_empty.txt", "b_binary.txt", "d.jsonl:2", "d.jsonl:3", "missing.txt"]
    assert "empty" in errs[0].message
    assert "JSON" in errs[2].message
    assert "text" in errs[3].message
    good = articles(items)
    assert [a.id for a in good] == ["c_good", "1", "4"]
    assert good[2].date is None  # an impossible date is not kept


def test_csv_and_glob(tmp_path):
    f = tmp_path / "batch.csv"
    f.write_text('id,title,date,source,url,text\n7,عنوان,2018-01-03,bbc,,"' + BODY + '"\n', encoding="utf-8")
    (a,) = articles(read_articles([str(tmp_path / "*.csv")]))
    assert (a.id, a.date, a.source, a.text) == ("7", "2018-01-03", "bbc", BODY)


def test_stdin_jsonl_and_text():
    line = json.dumps({"id": "s1", "text": BODY}, ensure_ascii=False).encode("utf-8")
    (a,) = articles(read_articles(["-"], stdin=io.BytesIO(line)))
    assert a.id == "s1"
    (b,) = articles(read_articles(["-"], stdin=io.BytesIO(SEED.encode("utf-8"))))
    assert b.title == "عنوان الخبر" and b.id is None
