#!/usr/bin/env python3
"""Extracts articles on a Dask distributed cluster and writes officials, meetings and documents as Parquet tables.

    dask_extract.py INPUT... OUT [--workers N | --scheduler ADDRESS] [--column text] [--batch 64]

INPUT is a folder (every .txt, .text, .html, .htm and .docx under it, read by `hoinghi.decode` as the CLI reads
files) or a Parquet file with a column of texts (`--column`, default `text`) and optionally `source` and
`published` columns. OUT gets one folder per table, `OUT/officials/`, `OUT/meetings/`, `OUT/documents/`, each a
Parquet dataset with one part per batch (`part-00000.parquet`, ...), written by the worker that extracted the
batch, in input order. `pandas.read_parquet("OUT/officials")` reads a table back.

Without --scheduler the script starts a `LocalCluster` of --workers processes (one thread each); with it, it
joins that cluster, whose workers need the `hoinghi` wheel installed and OUT on storage they all see.

`extract_tables` (a batch of articles -> three Arrow tables) and `extract_frame` (a pandas DataFrame of
`source, text[, published]` -> one table as a DataFrame) are the whole job; the README shows them as a Spark
`mapInPandas` or a Ray Data `map_batches` step.
"""

import argparse
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import hoinghi

# The files a folder contributes: what `hoinghi.decode` reads.
EXTENSIONS = {".txt", ".text", ".html", ".htm", ".docx"}
# Columns whose values are lists of strings; every other column is a string (or null).
LIST_COLUMNS = {"titles", "titles_as_written", "roles", "organizers", "chairs", "attendees", "places"}
# One fixed schema per table, so that every part of a dataset agrees, even a batch with no meeting in it.
SCHEMAS: Dict[str, pa.Schema] = {
    name: pa.schema([(c, pa.list_(pa.string()) if c in LIST_COLUMNS else pa.string()) for c in columns])
    for name, columns in hoinghi.COLUMNS.items()
}

# A batch: ("files", [path, ...]) or ("parquet", (path, row_group, column)).
Batch = Tuple[str, object]


def extract_tables(
    texts: Sequence[str], sources: Sequence[Optional[str]], published: Optional[Sequence[Optional[str]]] = None
) -> Dict[str, pa.Table]:
    """The officials, meetings and documents of these articles as Arrow tables (`SCHEMAS`). One thread: the
    cluster's workers are the parallelism."""
    records = hoinghi.extract_many(list(texts), published, threads=1, sources=list(sources), with_text=False)
    rows = hoinghi.tables(records)
    return {name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in SCHEMAS.items()}


def extract_frame(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """One table (`officials`, `meetings` or `documents`) for a DataFrame of `source`, `text` and optionally
    `published`: the shape Spark's `mapInPandas` and Ray Data's `map_batches` call."""
    published = list(frame["published"]) if "published" in frame else None
    return extract_tables(frame["text"], frame["source"], published)[table].to_pandas()


def read_batch(batch: Batch) -> Tuple[List[str], List[str], Optional[List[Optional[str]]], List[str]]:
    """The texts, sources and dates of a batch, read on the worker; and the messages for files it skipped."""
    kind, what = batch
    texts, sources, skipped = [], [], []
    if kind == "files":
        for path in what:
            try:
                texts.append(hoinghi.decode(Path(path).read_bytes(), path))
                sources.append(path)
            except (OSError, hoinghi.DecodeError) as e:
                skipped.append(f"{path}: {e}")
        return texts, sources, None, skipped
    path, row_group, column = what
    part = pq.ParquetFile(path).read_row_group(row_group).to_pydict()
    texts = part[column]
    sources = part.get("source") or [f"{path}:{row_group}:{i}" for i in range(len(texts))]
    return texts, sources, part.get("published"), skipped


def run_batch(index: int, batch: Batch, out: str) -> Dict[str, object]:
    """The task: reads a batch, extracts it, writes its part of each table. Returns counts and skipped files."""
    texts, sources, published, skipped = read_batch(batch)
    counts: Dict[str, object] = {"articles": len(texts), "skipped": skipped}
    for name, table in extract_tables(texts, sources, published).items():
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"part-{index:05d}.parquet")
        counts[name] = table.num_rows
    return counts


def batches(inputs: Sequence[str], column: str, size: int) -> List[Batch]:
    """The batches of every input, in order: files by sorted path, `size` at a time; Parquet by row group."""
    out: List[Batch] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)
            out.extend(("files", files[i : i + size]) for i in range(0, len(files), size))
        elif path.suffix == ".parquet":
            groups = pq.ParquetFile(path).num_row_groups
            out.extend(("parquet", (str(path), g, column)) for g in range(groups))
        else:
            sys.exit(f"dask_extract: {item}: not a folder nor a .parquet file")
    return out


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="folders of articles, or Parquet files of texts")
    parser.add_argument("out", metavar="OUT", help="the folder for officials/, meetings/, documents/")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    where.add_argument("--scheduler", help="a running cluster's scheduler address, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--column", default="text", help="the Parquet column of texts (default text)")
    parser.add_argument("--batch", type=int, default=64, help="files per task (default 64)")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster  # here, so that importing this file needs no Dask

    todo = batches(args.inputs, args.column, args.batch)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:  # a run writes whole tables: no part of an earlier run left behind
        for old in (Path(args.out) / name).glob("part-*.parquet"):
            old.unlink()
    started = time.perf_counter()
    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        up = time.perf_counter()
        futures = client.map(run_batch, range(len(todo)), todo, out=str(Path(args.out).resolve()), pure=False)
        results = client.gather(futures)
        done = time.perf_counter()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    skipped = [m for r in results for m in r["skipped"]]
    for message in skipped:
        print(f"dask_extract: skipped {message}", file=sys.stderr)
    total = {k: sum(r[k] for r in results) for k in ("articles", *SCHEMAS)}
    workers = args.scheduler or f"LocalCluster of {args.workers} workers"
    print(
        f"dask_extract: {total['articles']} articles in {len(todo)} tasks on {workers}: "
        f"{total['officials']} officials, {total['meetings']} meetings, {total['documents']} documents; "
        f"extraction {done - up:.2f} s, wall {done - started:.2f} s with the cluster's start"
    )
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
