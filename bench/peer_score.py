#!/usr/bin/env python3
"""Helpers for bench/compare.sh (standard library only).

  peer_score.py ner2records     < underthesea_ner.py JSONL  > records JSONL (persons as officials)
  peer_score.py count FIELD     < JSONL   prints the total length of FIELD lists (officials, persons, dates)
  peer_score.py median KEY      < JSON lines   prints the median of KEY
  peer_score.py runchild CMD...  runs CMD, passes its stdout/stderr through, then prints
                                "peak_rss_mb=X" on fd 3 (max resident set size of CMD and its children)
"""
import json, os, resource, statistics, subprocess, sys


def main():
    cmd = sys.argv[1]
    if cmd == "ner2records":
        for line in sys.stdin:
            r = json.loads(line)
            print(json.dumps({"source": r["file"], "officials": [{"name": p, "titles": []} for p in r.get("persons", [])]},
                             ensure_ascii=False))
    elif cmd == "count":
        field = sys.argv[2]
        print(sum(len(json.loads(l).get(field) or []) for l in sys.stdin if l.strip()))
    elif cmd == "median":
        key = sys.argv[2]
        vals = [json.loads(l)[key] for l in sys.stdin if l.strip()]
        print(statistics.median(vals) if vals else "")
    elif cmd == "runchild":
        rc = subprocess.run(sys.argv[2:]).returncode
        kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        with os.fdopen(3, "w") as f:
            f.write(f"peak_rss_mb={kb / 1024:.1f}\n")
        sys.exit(rc)
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
