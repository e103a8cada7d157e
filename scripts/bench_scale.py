#!/usr/bin/env python3
"""Helpers of scripts/bench-scale.sh (run with the project venv's python).

    bench_scale.py corpus SRC_FOLDER OUT_STEM MB   writes OUT_STEM.jsonl ({"source", "text"} rows) and
                                                   OUT_STEM.parquet (the same, row groups of 1,000), the
                                                   folder's .txt files repeated in sorted order until the
                                                   texts reach MB megabytes (10^6 bytes of UTF-8); prints
                                                   the texts' bytes. Kept when already there.
    bench_scale.py python ROWS.jsonl THREADS       hoinghi.extract_many over the rows, 2,000 at a time;
                                                   prints "MB/s seconds" (extraction only, not reading).
"""

import json
import sys
import time
from pathlib import Path


def corpus(src: str, stem: str, mb: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    import hoinghi

    jsonl, parquet, size = Path(stem + ".jsonl"), Path(stem + ".parquet"), Path(stem + ".bytes")
    if jsonl.exists() and parquet.exists() and size.exists():
        print(size.read_text().strip())
        return
    root = Path(src)
    files = sorted(p for p in root.rglob("*.txt") if p.is_file())
    articles = [(str(p.relative_to(root)), hoinghi.decode(p.read_bytes(), p.name)) for p in files]
    want, total, round_ = float(mb) * 1e6, 0, 0
    schema = pa.schema([("source", pa.string()), ("text", pa.string())])
    with open(jsonl, "w", encoding="utf-8") as rows, pq.ParquetWriter(parquet, schema) as table:
        while total < want:
            batch = []
            for name, text in articles:
                source = f"r{round_:03d}/{name}"
                rows.write(json.dumps({"source": source, "text": text}, ensure_ascii=False) + "\n")
                batch.append({"source": source, "text": text})
                total += len(text.encode("utf-8"))
            for i in range(0, len(batch), 1000):
                table.write_table(pa.Table.from_pylist(batch[i : i + 1000], schema=schema))
            round_ += 1
    size.write_text(f"{total}\n")
    print(total)


def python(rows: str, threads: str) -> None:
    import hoinghi

    spent, size, chunk = 0.0, 0, []

    def run() -> float:
        started = time.perf_counter()
        hoinghi.extract_many(chunk, threads=int(threads), with_text=False)
        return time.perf_counter() - started

    with open(rows, encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            chunk.append(text)
            size += len(text.encode("utf-8"))
            if len(chunk) == 2000:
                spent += run()
                chunk = []
    if chunk:
        spent += run()
    print(f"{size / 1e6 / spent:.2f} {spent:.2f}")


if __name__ == "__main__":
    {"corpus": corpus, "python": python}[sys.argv[1]](*sys.argv[2:])
