#!/usr/bin/env python3
"""Builds the seed corpora of the four fuzz targets (fuzz/corpus/<target>/, not committed).

Run from the repository root: python3 fuzz/seed.py [SHARED_CORPUS] [FIXTURES]
(defaults: ../shared/corpus and tests/fixtures). Deterministic: the same inputs give the same seeds.
Seeds follow each target's input layout (see fuzz/fuzz_targets/*.rs):
  extract        one flag byte (bit 0: pass a publish date) + the article bytes
  merge          up to 8 articles joined by NUL bytes
  decode         one byte picking the file name (0 .txt, 1 .html, 2 .docx) + the file bytes
  repair_pasted  text, including legacy-font files read as Latin-1 / Windows-1252 (mojibake)
"""
import glob, hashlib, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "corpus")
FIXTURES = sys.argv[2] if len(sys.argv) > 2 else os.path.join(REPO, "tests", "fixtures")
OUT = os.path.join(HERE, "corpus")


def put(target, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def read(p):
    with open(p, "rb") as f:
        return f.read()


articles = sorted(glob.glob(os.path.join(SHARED, "*", "*.txt")))
plain = sorted(glob.glob(os.path.join(FIXTURES, "plain", "*.txt")))
texts = sorted(glob.glob(os.path.join(FIXTURES, "text", "*.txt")))
htmls = sorted(glob.glob(os.path.join(FIXTURES, "html", "*.html")))
docxs = sorted(glob.glob(os.path.join(FIXTURES, "docx", "*.docx")))
bad = sorted(glob.glob(os.path.join(FIXTURES, "bad", "*")))
if not articles:
    sys.exit(f"no articles under {SHARED}")

for i, p in enumerate(articles + plain):
    put("extract", bytes([i & 1]) + read(p))
    put("repair_pasted", read(p))
# Merge: neighbouring articles in groups of three (same outlet, often the same events).
for i in range(0, len(articles), 3):
    put("merge", b"\0".join(read(p) for p in articles[i:i + 3]))
put("merge", b"\0".join(read(p) for p in plain))
for p in articles[::10] + plain + texts:
    put("decode", b"\0" + read(p))
for p in htmls:
    put("decode", b"\1" + read(p))
for p in docxs:
    put("decode", b"\2" + read(p))
for p in bad:
    ext = os.path.splitext(p)[1]
    put("decode", bytes([{".html": 1, ".docx": 2}.get(ext, 0)]) + read(p))
# Legacy-font files as a browser would paste them: bytes read as Windows-1252 (Latin-1 fallback).
for p in texts:
    if "tcvn3" in p or "vni" in p:
        raw = read(p)
        try:
            s = raw.decode("cp1252")
        except UnicodeDecodeError:
            s = raw.decode("latin-1")
        put("repair_pasted", s.encode("utf-8"))
for t in sorted(os.listdir(OUT)):
    files = os.listdir(os.path.join(OUT, t))
    size = sum(os.path.getsize(os.path.join(OUT, t, f)) for f in files)
    print(f"{t}: {len(files)} seeds, {size} bytes")
