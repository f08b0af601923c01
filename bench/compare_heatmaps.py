#!/usr/bin/env python3
"""Compares two heatmap CSVs (alpha,beta,status,rate) of the same grid cell by cell.

A cell is "on the boundary" when, in either file, one of its four grid neighbours has a different
status. Exit 0 when every disagreement is on the boundary (the benchmark's criterion), 1 otherwise.
"""
import sys


def read(path):
    with open(path) as f:
        header = f.readline().strip()
        rows = [line.strip().split(",") for line in f if line.strip()]
    keys = [(float(r[0]), float(r[1])) for r in rows]
    status = [int(r[2]) for r in rows]
    return header, keys, status


def neighbours_differ(status, xs, ys, i):
    nx, ny = len(xs), len(ys)
    r, c = divmod(i, ny)
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        rr, cc = r + dr, c + dc
        if 0 <= rr < nx and 0 <= cc < ny and status[rr * ny + cc] != status[i]:
            return True
    return False


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare_heatmaps.py A.csv B.csv")
    ha, ka, sa = read(sys.argv[1])
    hb, kb, sb = read(sys.argv[2])
    if ha != hb or ka != kb:
        sys.exit("the files are not of the same grid (header or cell coordinates differ)")
    xs = sorted({k[0] for k in ka})
    ys = sorted({k[1] for k in ka})
    differ = [i for i in range(len(sa)) if sa[i] != sb[i]]
    off_boundary = [i for i in differ
                    if not (neighbours_differ(sa, xs, ys, i) or neighbours_differ(sb, xs, ys, i))]
    boundary = sum(1 for i in range(len(sa)) if neighbours_differ(sa, xs, ys, i))
    print(f"{len(sa)} cells, {len(sa) - len(differ)} identical, {len(differ)} differ "
          f"({len(differ) - len(off_boundary)} on the boundary, {len(off_boundary)} off it); "
          f"{boundary} boundary cells in {sys.argv[1]}")
    for i in off_boundary[:10]:
        print(f"  off-boundary disagreement at alpha={ka[i][0]!r} beta={ka[i][1]!r}: {sa[i]} vs {sb[i]}")
    sys.exit(1 if off_boundary else 0)


if __name__ == "__main__":
    main()
