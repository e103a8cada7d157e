"""The Dask example, run for real on a LocalCluster of 2 workers: its Parquet tables hold exactly the rows the
CLI's records give, over the eval and corpus files; and a Parquet column of texts works the same."""

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import hoinghi
from conftest import ROOT, SHARED, cli_records

EXAMPLE = ROOT / "python" / "examples" / "dask_extract.py"
sys.path.insert(0, str(EXAMPLE.parent))
import dask_extract  # noqa: E402


def run_example(*args):
    done = subprocess.run([sys.executable, str(EXAMPLE), *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def read_tables(out):
    return {name: pq.read_table(out / name, schema=schema).to_pylist() for name, schema in dask_extract.SCHEMAS.items()}


def test_folders_on_two_workers_equal_the_cli(tmp_path):
    folders = [SHARED / "eval", SHARED / "corpus"]
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"no eval sets or corpus at {SHARED}")
    out = tmp_path / "out"
    printed = run_example(*map(str, folders), str(out), "--workers", "2", "--batch", "100")
    assert "on LocalCluster of 2 workers" in printed
    paths = [p for f in folders for p in dask_extract.batches([str(f)], "text", 10**9)[0][1]]
    assert len(paths) > 1000
    want = hoinghi.tables(cli_records(*paths))
    got = read_tables(out)
    for name in dask_extract.SCHEMAS:
        assert len(got[name]) == len(want[name]), name
        assert got[name] == want[name], name
    assert len(want["officials"]) > 1000 and len(want["meetings"]) > 500 and len(want["documents"]) > 50


def test_a_parquet_column_of_texts(tmp_path, eval_paths):
    texts = [hoinghi.decode(Path(p).read_bytes(), p) for p in eval_paths]
    published = ["2024-01-01" if i % 2 else None for i in range(len(texts))]
    table = pa.table({"source": eval_paths, "text": texts, "published": published})
    pq.write_table(table, tmp_path / "texts.parquet", row_group_size=20)
    out = tmp_path / "out"
    run_example(str(tmp_path / "texts.parquet"), str(out), "--workers", "2")
    want = hoinghi.tables(hoinghi.extract_many(texts, published, sources=eval_paths, with_text=False))
    assert read_tables(out) == want


def test_extract_frame_is_one_table():
    import pandas as pd

    frame = pd.DataFrame({"source": ["a"], "text": ["Đ/c Nguyễn Thị Phong Vũ - Trưởng Ban Dân vận Tỉnh ủy chủ trì Hội nghị."]})
    officials = dask_extract.extract_frame(frame, "officials")
    assert list(officials.columns) == hoinghi.COLUMNS["officials"]
    assert list(officials["name"]) == ["Nguyễn Thị Phong Vũ"]
