#!/usr/bin/env python3
"""Writes public/map/province_grid.tsv: each province's seat (latitude, longitude) and a cell of a tile-grid
cartogram, for the page's map, for both eras of provinces.tsv (63 units to 30 June 2025, 34 from 1 July 2025).

Source of the seats: PyPI vietnamadminunits 1.0.4 (MIT licence), data/dataset.db, tables admin_units_legacy
(63 provinces) and admin_units (34), columns provinceCode, provinceLat, provinceLon; joined to
crates/core/data/provinces.tsv by GSO code. The cells are ours: each seat is projected onto a grid of CELL degrees
and takes the free cell nearest to it, the provinces taken from the outside in (farthest from the country's mean
first), so crowded deltas spread into free cells around them and the long coast keeps its shape; rows and
columns left empty are closed up.

    pip download --no-deps vietnamadminunits==1.0.4 && unzip vietnamadminunits-1.0.4-*.whl -d /tmp/vau
    python3 scripts/make-province-grid.py /tmp/vau/vietnamadminunits/data/dataset.db
"""
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Degrees per cell for each era: the 34 merged units are about twice as large.
CELL = {"old": 0.62, "2025": 0.95}
# A tile holds two short lines: a two-word name one word a line; the three longer names as the press shortens them.
LABEL = {"Thừa Thiên Huế": "TT|Huế", "Bà Rịa - Vũng Tàu": "BR|VT", "Thành phố Hồ Chí Minh": "TP|HCM"}


def label(name):
    return LABEL.get(name, "|".join(name.split()))


def provinces():
    rows = [l.split("\t") for l in (ROOT / "crates/core/data/provinces.tsv").read_text().splitlines()
            if l and not l.startswith("#")]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:]]


def seats(db):
    con = sqlite3.connect(db)
    out = {}
    for era, table in (("old", "admin_units_legacy"), ("2025", "admin_units")):
        for code, lat, lon in con.execute(f"select distinct provinceCode, provinceLat, provinceLon from {table}"):
            out[(era, code)] = (float(lat), float(lon))
    return out


def grid(units, cell):
    """units: [(name, lat, lon)] -> {name: (col, row)}; row 0 is the north."""
    mean_lat = sum(u[1] for u in units) / len(units)
    mean_lon = sum(u[2] for u in units) / len(units)
    north, west = max(u[1] for u in units), min(u[2] for u in units)
    order = sorted(units, key=lambda u: -((u[1] - mean_lat) ** 2 + (u[2] - mean_lon) ** 2))
    taken, out = set(), {}
    for name, lat, lon in order:
        want = ((lon - west) / cell, (north - lat) / cell)
        best = None
        for r in range(0, 40):
            for c in range(0, 30):
                if (c, r) in taken:
                    continue
                d = (c - want[0]) ** 2 + (r - want[1]) ** 2
                if best is None or d < best[0]:
                    best = (d, (c, r))
        taken.add(best[1])
        out[name] = best[1]
    # A row or column no province took would only break the map's shape: close it up.
    rows = sorted({r for _, r in out.values()})
    cols = sorted({c for c, _ in out.values()})
    return {n: (cols.index(c), rows.index(r)) for n, (c, r) in out.items()}


def main():
    found = seats(sys.argv[1])
    lines = ["# Each province's seat and its cell in the page's tile-grid map; era and name as in "
             "crates/core/data/provinces.tsv. Seats: PyPI vietnamadminunits 1.0.4 (MIT), data/dataset.db; cells computed "
             "by scripts/make-province-grid.py (col from the west, row from the north; label: the tile's lines, `|`-separated). "
             "Remake with that script.",
             "name\tera\tlat\tlon\tcol\trow\tlabel"]
    for era in ("old", "2025"):
        units = [(p["name"], *found[(era, p["code"])]) for p in provinces() if p["era"] == era]
        cells = grid(units, CELL[era])
        for name, lat, lon in units:
            col, row = cells[name]
            lines.append(f"{name}\t{era}\t{lat:.4f}\t{lon:.4f}\t{col}\t{row}\t{label(name)}")
    out = ROOT / "public/map/province_grid.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    for era in ("old", "2025"):
        rows = [l.split("\t") for l in lines[2:] if l.split("\t")[1] == era]
        w = max(int(r[4]) for r in rows) + 1
        h = max(int(r[5]) for r in rows) + 1
        board = [["  .  "] * w for _ in range(h)]
        for r in rows:
            board[int(r[5])][int(r[4])] = f"{r[0][:5]:5}"
        print(f"{era}: {len(rows)} units, {w} x {h}")
        print("\n".join("".join(line) for line in board))


main()
