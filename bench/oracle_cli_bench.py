#!/usr/bin/env python3
"""End-to-end timing of `metabound oracle` (issue 3: every quantity for quadratic task files up to
d = 50 and 100 tasks in under a second each): the `./metabound` launcher from start to exit, JSON
written to stdout.

Tasks (written once, seeded): 100 quadratic tasks in d = 50, H_i = Q_i diag(lambda_i) Q_i^T with
Q_i a random orthogonal matrix and lambda_i uniform in [0.1, 10], centres standard normal;
`--finite-sum` adds a separate test loss (G_i, e_i) of the same kind to every task (a file twice
as large). Every quantity that applies to each estimator is asked at the point (0.5, ..., 0.5):
maml and fomaml with alpha = 0.05, N = 5; hfmaml alpha = 0.05; imaml lambda = 2 with K = 20 inner
GD steps of rate 0.05 and 10 CG steps (and once --exact); maml-prox lambda = 2, K = 10, eta = 0.05.

Usage: bench/oracle_cli_bench.py [--rounds R] [--finite-sum]   (needs python3 with numpy)
Prints the load average, then per case the median, min and max wall time over R rounds and the
median CPU time (user + system over all threads; the machine's other load inflates wall time).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAUNCHER = os.path.join(ROOT, "metabound")

ESTIMATORS = {
    "maml": "--alpha 0.05 --steps 5",
    "fomaml": "--alpha 0.05 --steps 5",
    "hfmaml": "--alpha 0.05",
    "imaml": "--lambda 2 --inner-steps 20 --inner-lr 0.05 --cg-steps 10",
    "maml-prox": "--lambda 2 --inner-steps 10 --inner-lr 0.05",
}
QUANTITIES = ["meta-objective", "meta-gradient", "meta-hessian", "meta-smoothness",
              "fixed-point", "stationary-point", "beta-threshold"]
# the update directions of FO-MAML and HF-MAML are not gradients: these do not apply (exit 2)
NOT_APPLICABLE = {"meta-objective", "meta-hessian", "meta-smoothness", "stationary-point"}


def spd(rng, d):
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    h = (q * rng.uniform(0.1, 10, d)) @ q.T
    return (h + h.T) / 2  # exactly symmetric


def write_tasks(path, d, m, finite_sum, seed=7):
    rng = np.random.default_rng(seed)
    tasks = []
    for _ in range(m):
        task = {"H": spd(rng, d).tolist(), "c": rng.standard_normal(d).tolist()}
        if finite_sum:
            task["G"] = spd(rng, d).tolist()
            task["e"] = rng.standard_normal(d).tolist()
        tasks.append(task)
    with open(path, "w") as f:
        json.dump({"tasks": tasks}, f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--finite-sum", action="store_true")
    parser.add_argument("--dimension", type=int, default=50)
    parser.add_argument("--tasks", type=int, default=100)
    args = parser.parse_args()
    # the launcher builds the jar on first use (or after a source change): not timed
    subprocess.run([LAUNCHER, "--version"], check=True, capture_output=True)
    work = tempfile.mkdtemp()
    tasks = os.path.join(work, "tasks.json")
    write_tasks(tasks, args.dimension, args.tasks, args.finite_sum)
    point = ",".join(["0.5"] * args.dimension)
    cases = [(e, q, a) for e, a in ESTIMATORS.items() for q in QUANTITIES
             if not (e in ("fomaml", "hfmaml") and q in NOT_APPLICABLE)]
    cases.append(("imaml", "meta-gradient --exact", "--lambda 2 --exact"))
    times = {(e, q): [] for e, q, _ in cases}
    cpu = {(e, q): [] for e, q, _ in cases}
    print(f"{args.tasks} tasks, d = {args.dimension}{', finite-sum' if args.finite_sum else ''}"
          f" ({os.path.getsize(tasks) / 1e6:.1f} MB); load average before: {os.getloadavg()}")
    for _ in range(args.rounds):
        for e, q, a in cases:
            cmd = [LAUNCHER, "oracle", "--tasks", tasks,
                   "--estimator", e, "--quantity", q.split()[0], *a.split(), "--point", point, "--json"]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            run = subprocess.run(cmd, capture_output=True, text=True)
            times[(e, q)].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            # CPU seconds of the process (user + system, all threads): less sensitive to other load
            cpu[(e, q)].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if run.returncode != 0:
                sys.exit(f"{' '.join(cmd)}: exit {run.returncode}: {run.stderr}")
            json.loads(run.stdout)
    print(f"load average after: {os.getloadavg()}")
    for (e, q), ts in times.items():
        print(f"{e:10s} {q:24s} wall median {statistics.median(ts):.2f} s   min {min(ts):.2f}"
              f"   max {max(ts):.2f}   cpu median {statistics.median(cpu[(e, q)]):.2f} s")
    medians = [statistics.median(ts) for ts in times.values()]
    print(f"slowest median {max(medians):.2f} s; slowest min {max(min(ts) for ts in times.values()):.2f} s")


if __name__ == "__main__":
    main()
