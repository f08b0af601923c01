#!/usr/bin/env python3
"""NumPy baseline for `metabound heatmap`: the same (alpha, beta) convergence map, computed by
simulating the deterministic N-step MAML iterates of every cell with vectorised NumPy.

Tasks: quadratic f_i(w) = 1/2 (w - c_i)^T H_i (w - c_i) with the same loss for the inner and the
outer step (the task-file contract {"tasks": [{"H": [[..]], "c": [..], "weight": w}, ...]}).

Per outer iteration and task, for all cells at once (arrays of shape cells x d):
  inner GD (Ji2022 eq. 1):    u <- u - alpha * H_i (u - c_i),  N times from u = w
  meta-gradient (Ji2022 (3)): g_i = prod_j (I - alpha H_i) * H_i (u_N - c_i)   (constant Hessian)
  outer step:                 w <- w - beta * sum_i p_i g_i
Classification (as in metabound): diverged if a value is non-finite or |w_j| > cap at any
iteration; converged if ||g(w_T)|| <= tol ||g(w_0)|| (or g(w_0) = 0); else undecided.
Rate: (||g_k*|| / ||g_0||)^(1/k*), k* the first k with ||g_k|| <= 1e-10 ||g_0||, else T.

Methods:
  simulate (default)  the MAML iterates above, O(T m N d^2) per cell: the baseline of the issue;
  affine              NumPy with metabound's trick: A(alpha), b(alpha) precomputed per alpha row,
                      then w <- w - beta (A w - b), O(T d^2) per cell (vectorised over beta).

Grid points: LO + (HI - LO) * (k + 1) / COUNT, k = 0..COUNT-1 (bit-identical to metabound).
CSV: alpha,beta,status,rate, one row per cell, alpha-major (same order as metabound).
"""
import argparse
import json
import sys
import time

import numpy as np

RATE_FLOOR = 1e-10


def grid(spec):
    lo, hi, count = spec.split(":")
    lo, hi, count = float(lo), float(hi), int(count)
    # exactly LO + (HI - LO) * (k + 1) / COUNT in IEEE doubles, as GridAxis.point computes it
    return np.array([lo + (hi - lo) * (k + 1) / count for k in range(count)])


def read_tasks(path):
    with open(path) as f:
        doc = json.load(f)
    hs, cs, ws = [], [], []
    for t in doc["tasks"]:
        if "G" in t or "e" in t:
            sys.exit("numpy_heatmap.py: only tasks with the same inner and outer loss are supported")
        hs.append(np.array(t["H"], dtype=float))
        cs.append(np.array(t["c"], dtype=float))
        ws.append(float(t.get("weight", 1.0)))
    p = np.array(ws) / sum(ws)
    return hs, cs, p


def write_tasks(path, m, d, seed, lo, hi):
    rng = np.random.default_rng(seed)
    tasks = []
    for _ in range(m):
        q, _ = np.linalg.qr(rng.standard_normal((d, d)))
        lam = rng.uniform(lo, hi, d)
        h = (q * lam) @ q.T
        h = 0.5 * (h + h.T)
        tasks.append({"H": h.tolist(), "c": rng.standard_normal(d).tolist()})
    with open(path, "w") as f:
        json.dump({"tasks": tasks}, f, indent=1)


def simulate(hs, cs, p, alphas, betas, n_steps, iters, tol, cap, start):
    d = len(cs[0])
    a = np.repeat(alphas, len(betas))[:, None]  # cell = row * columns + column
    b = np.tile(betas, len(alphas))[:, None]
    cells = a.shape[0]
    w = np.tile(start, (cells, 1))

    def meta_gradient(w):
        g = np.zeros_like(w)
        for h, c, pi in zip(hs, cs, p):
            u = w.copy()
            for _ in range(n_steps):
                u -= a * ((u - c) @ h)  # H symmetric: (u - c) H = (H (u - c))^T
            gi = (u - c) @ h
            for _ in range(n_steps):
                gi -= a * (gi @ h)
            g += pi * gi
        return g

    return iterate(w, meta_gradient, b, iters, tol, cap)


def affine(hs, cs, p, alphas, betas, n_steps, iters, tol, cap, start):
    d = len(cs[0])
    status = np.empty(len(alphas) * len(betas), dtype=int)
    rate = np.empty(len(alphas) * len(betas))
    bcol = betas[:, None]
    for r, alpha in enumerate(alphas):
        amat = np.zeros((d, d))
        bvec = np.zeros(d)
        for h, c, pi in zip(hs, cs, p):
            m = np.linalg.matrix_power(np.eye(d) - alpha * h, n_steps)
            ai = m @ h @ m
            amat += pi * ai
            bvec += pi * (ai @ c)
        w = np.tile(start, (len(betas), 1))
        s, rt = iterate(w, lambda w: w @ amat.T - bvec, bcol, iters, tol, cap)
        status[r * len(betas):(r + 1) * len(betas)] = s
        rate[r * len(betas):(r + 1) * len(betas)] = rt
    return status, rate


def iterate(w, gradient, beta, iters, tol, cap):
    cells = w.shape[0]
    with np.errstate(all="ignore"):
        diverged = ~(np.abs(w) <= cap).all(axis=1)
        g = gradient(w)
        g0 = np.sqrt((g * g).sum(axis=1))
        diverged |= ~np.isfinite(g0)
        rate_k = np.full(cells, -1)
        rate_norm = np.zeros(cells)
        gn = g0.copy()
        for k in range(1, iters + 1):
            w = w - beta * g
            bad = ~(np.abs(w) <= cap).all(axis=1)
            diverged |= bad
            w[diverged] = 0.0  # frozen: keeps the arithmetic finite, the status is final
            g = gradient(w)
            gn = np.sqrt((g * g).sum(axis=1))
            diverged |= ~np.isfinite(gn)
            hit = (rate_k < 0) & (gn <= RATE_FLOOR * g0)
            rate_k[hit] = k
            rate_norm[hit] = gn[hit]
        none = rate_k < 0
        rate_k[none] = iters
        rate_norm[none] = gn[none]
        converged = (gn <= tol * g0) | (g0 == 0)
        status = np.where(diverged, -1, np.where(converged, 1, 0))
        rate = np.where(g0 == 0, 0.0, (rate_norm / np.where(g0 == 0, 1, g0)) ** (1.0 / rate_k))
        rate[diverged] = np.nan
    return status, rate


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tasks", help="task file (JSON)")
    ap.add_argument("--write-tasks", help="write a seeded random task file and exit")
    ap.add_argument("--tasks-count", type=int, default=8)
    ap.add_argument("--dimension", type=int, default=10)
    ap.add_argument("--eigen-range", default="0.5:5", help="LO:HI of the Hessian eigenvalues")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--alpha", required=False)
    ap.add_argument("--beta", required=False)
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--cap", type=float, default=1e8)
    ap.add_argument("--method", choices=["simulate", "affine"], default="simulate")
    ap.add_argument("--out", help="CSV file")
    args = ap.parse_args()
    if args.write_tasks:
        lo, hi = (float(x) for x in args.eigen_range.split(":"))
        write_tasks(args.write_tasks, args.tasks_count, args.dimension, args.seed, lo, hi)
        return
    if not (args.tasks and args.alpha and args.beta and args.out):
        ap.error("--tasks, --alpha, --beta and --out are required")
    hs, cs, p = read_tasks(args.tasks)
    alphas, betas = grid(args.alpha), grid(args.beta)
    start = np.zeros(len(cs[0]))
    t0 = time.perf_counter()
    method = simulate if args.method == "simulate" else affine
    status, rate = method(hs, cs, p, alphas, betas, args.steps, args.iters, args.tol, args.cap, start)
    elapsed = time.perf_counter() - t0
    with open(args.out, "w") as f:
        f.write("alpha,beta,status,rate\n")
        i = 0
        for al in alphas:
            for be in betas:
                f.write(f"{repr(float(al))},{repr(float(be))},{int(status[i])},{repr(float(rate[i]))}\n")
                i += 1
    cells = len(alphas) * len(betas)
    print(f"numpy {args.method}: {cells} cells in {elapsed:.3f} s compute ({cells / elapsed:.0f} cells/s)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
