"""The Python API against the CLI: the same records over every eval file, the same merge, the CLI's messages
as exceptions, and no crash on odd texts."""

import json
import random
from pathlib import Path

import pytest

import hoinghi
from conftest import ROOT, SHARED, cli, cli_records

ARTICLE = (
    "Thứ hai 17/06/2024 17:01\n\nChiều ngày 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban. "
    "Đ/c Nguyễn Thị Phong Vũ - UVBTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy chủ trì Hội nghị."
)
UNDATED = "Sáng nay, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban. Đ/c Lê Văn Hùng, Phó Trưởng Ban chủ trì."


def test_extract_equals_the_cli_over_every_eval_file(eval_paths):
    want = cli_records("--text", *eval_paths)
    assert [r["source"] for r in want] == eval_paths
    for path, record in zip(eval_paths, want):
        text = hoinghi.decode(Path(path).read_bytes(), path)
        assert hoinghi.extract(text, source=path) == record, path
        # Without the text, as the CLI prints by default.
        assert hoinghi.extract(text, source=path, with_text=False) == {**record, "text": ""}, path


def test_extract_many_equals_the_cli_at_any_thread_count(eval_paths):
    want = cli_records("--published", "2024-01-01", *eval_paths)
    texts = [hoinghi.decode(Path(p).read_bytes(), p) for p in eval_paths]
    for threads in (None, 1, 2, 5):
        got = hoinghi.extract_many(texts, "2024-01-01", threads, sources=eval_paths, with_text=False)
        assert got == want, f"threads={threads}"


def test_rows_with_their_own_dates_equal_the_cli_jsonl(tmp_path):
    # (source, text, published): per-row dates, as `hoinghi extract --jsonl` reads them.
    rows = [("a", ARTICLE, None), ("b", UNDATED, "2024-06-20"), ("c", UNDATED, "2025-11-01T18:30:00Z"), ("d", "", None)]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps({"source": s, "text": t, "published": p}) + "\n" for s, t, p in rows), "utf-8")
    want = cli_records("--jsonl", str(path))
    got = hoinghi.extract_many([r[1] for r in rows], [r[2] for r in rows], sources=[r[0] for r in rows], with_text=False)
    assert got == want
    assert [r["published"] for r in got] == ["2024-06-17T17:01", "2024-06-20", "2025-11-02T01:30", None]


def test_merge_equals_the_cli(eval_paths, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(cli("extract", "--format", "jsonl", *eval_paths), "utf-8")
    want = json.loads(cli("merge", "--format", "json", str(records)))
    lines = records.read_text("utf-8").splitlines()
    assert hoinghi.merge([json.loads(line) for line in lines]) == want
    assert hoinghi.merge(lines) == want  # JSON strings, as the CLI reads them


def test_spans_index_the_python_str():
    record = hoinghi.extract("🙂 " + ARTICLE)  # a character outside the BMP before the name
    official = record["officials"][0]
    span = official["mentions"][0]
    assert record["text"][span["start"] : span["end"]] == official["name"] == "Nguyễn Thị Phong Vũ"
    doc = hoinghi.extract("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.")
    span = doc["documents"][0]["span"]
    assert "33/CT-TTg" in doc["text"][span["start"] : span["end"]]


# (what is called, the exception, the start of its message)
BAD = [
    (lambda: hoinghi.extract(ARTICLE, "17/6/2024"), hoinghi.HoinghiError, "published: `17/6/2024` is not a date: write it as YYYY-MM-DD"),
    (lambda: hoinghi.extract(ARTICLE, "2024-02-30"), hoinghi.HoinghiError, "published: `2024-02-30` is not a date"),
    (lambda: hoinghi.extract(b"bytes"), TypeError, ""),
    (lambda: hoinghi.extract(None), TypeError, ""),
    (lambda: hoinghi.extract_many([ARTICLE, 3]), TypeError, "texts[1] is not a str"),
    (lambda: hoinghi.extract_many([ARTICLE], ["2024-06-17", None]), hoinghi.HoinghiError, "published: 2 dates for 1 texts"),
    (lambda: hoinghi.extract_many([ARTICLE, UNDATED], [None, "hôm qua"]), hoinghi.HoinghiError, "published[1]: published: `hôm qua` is not a date"),
    (lambda: hoinghi.extract_many([ARTICLE], sources=["a", "b"]), hoinghi.HoinghiError, "sources: 2 names for 1 texts"),
    (lambda: hoinghi.extract_many([ARTICLE], threads=0), hoinghi.HoinghiError, "threads: give the number of threads"),
    (lambda: hoinghi.decode(b"", "a.txt"), hoinghi.DecodeError, "«a.txt»: Tệp trống"),
    (lambda: hoinghi.decode(b"%PDF-1.7\n...", "a.pdf"), hoinghi.DecodeError, "«a.pdf»: Đây là tệp PDF"),
    (lambda: hoinghi.decode(b"PK\x03\x04broken", "a.docx"), hoinghi.DecodeError, "«a.docx»: "),
    (lambda: hoinghi.merge([{"source": 1}]), hoinghi.HoinghiError, "records[0]: not a record printed by `hoinghi extract`: invalid type: integer `1`"),
    (lambda: hoinghi.merge([hoinghi.extract(ARTICLE), "not json"]), hoinghi.HoinghiError, "records[1]: not a record printed by `hoinghi extract`"),
    (lambda: hoinghi.merge(5), TypeError, ""),
]


@pytest.mark.parametrize("call,error,message", BAD, ids=[m or e.__name__ for _, e, m in BAD])
def test_bad_input_raises_with_the_message(call, error, message):
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value).startswith(message)


def test_decode_errors_are_the_clis_messages(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    import subprocess

    from conftest import CLI

    done = subprocess.run([str(CLI), "extract", str(path)], capture_output=True)
    with pytest.raises(hoinghi.DecodeError) as raised:
        hoinghi.decode(b"", str(path))
    assert done.stderr.decode("utf-8").strip() == f"hoinghi: {raised.value}"


# The pieces the core's property test (crates/core/tests/properties.rs) strings together.
PIECES = [
    "Đồng chí ", "Nguyễn Thị Phong Vũ", " - ", "UVBTV Tỉnh ủy", ", ", "Trưởng Ban Dân vận Tỉnh ủy", " chủ trì ",
    "Hội nghị", "Chiều 13/12", "17/06/2024 17:01", "Chỉ thị số 33/CT-TTg", ", ngày 26/11/2021", "(QCDC)", ".", "\n",
    ";", ":", "(", ")", "Ho\u0300a", "U\u0309y ban", "\U0001F600", "\0", "\x07", "\t", "\u200b", "\ufeff", "é",
    "\r\n", "TP.HCM", "H'Yim", "các Phó Thủ tướng: ", "Lê trí Vũ", "29-10-2021", "ngày 3 tháng 4 năm 2018",
    "Sáng nay", "Ngày mai, 21/12", "năm 2005", "–", "Gửi cho bạn bè", "BÌNH LUẬN", "99/99/9999", "31/2", "1/1/1",
    "Quyết định 935, 936", "\u0301\u0301", "ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "\ud800", "\udfff",
]

ODD = [
    "",
    "\n\n\n",
    "\u0301",
    ".,;:!?…–—()[]\"'",
    "\ud800",  # a lone surrogate: not UTF-8, read as U+FFFD
    "Hội nghị \udc80 giao ban \ud83d",
    "\0" * 1000,
    "Nguyễn Văn An, Bí thư Tỉnh ủy, " * 40_000,  # one line of about 1 MB
    ("Chiều 17/6/2024, Đ/c Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì Hội nghị.\n" * 20_000),
    "a" * (1 << 20),
    "17/6/2024 " * 10_000,
]


def spans(record):
    yield record["body"]
    yield from (m["evidence"] for m in record["meetings"])
    yield from (s for o in record["officials"] for s in o["mentions"])
    yield from (d["span"] for d in record["documents"])


def check(record):
    assert isinstance(record, dict)
    for s in spans(record):
        assert 0 <= s["start"] <= s["end"] <= len(record["text"])


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_texts_do_not_crash(text):
    check(hoinghi.extract(text))


def test_random_texts_do_not_crash():
    rng = random.Random(0x9E3779B97F4A7C15)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(40))) for _ in range(2000)]
    records = hoinghi.extract_many(texts, threads=2)
    assert len(records) == len(texts)
    for record in records:
        check(record)
    assert records[:50] == [hoinghi.extract(t) for t in texts[:50]]


def test_lone_surrogates_keep_the_length():
    assert hoinghi.extract("a\ud800b")["text"] == "a\ufffdb"


def test_tables_rows():
    rows = hoinghi.tables([hoinghi.extract(ARTICLE, source="a.txt")])
    assert list(rows) == ["officials", "meetings", "documents"]
    (official,) = rows["officials"]
    assert list(official) == hoinghi.COLUMNS["officials"]
    assert official["source"] == "a.txt" and official["name"] == "Nguyễn Thị Phong Vũ"
    assert rows["meetings"][0]["chairs"] == ["Nguyễn Thị Phong Vũ"]


def test_the_readme_example_works_as_written(monkeypatch):
    if not list((SHARED / "eval" / "dev").glob("*.txt")):
        pytest.skip(f"no eval sets at {SHARED}/eval (the example reads eval/dev)")
    readme = (ROOT / "README.md").read_text("utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(example.strip().splitlines()) == 5
    monkeypatch.chdir(ROOT)
    printed = []
    exec(example.replace("../shared", str(SHARED)), {"print": printed.append})
    assert printed and printed[0] and all(isinstance(name, str) for name in printed[0])
