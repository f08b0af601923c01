#!/usr/bin/env bash
# Benchmark of issue 5: `metabound heatmap` against the equivalent vectorised NumPy simulation of
# the same iterates, end to end (process start to CSV written; we time the whole process, so the
# JSON sidecar and the overlay report are included on the Java side).
#
#   100 x 100 cells, 8 quadratic tasks in d = 10, exact MAML with N = 5, T = 300.
#
# Usage: bench/heatmap-vs-numpy.sh [RUNS]     (default 3 timed runs of each; the best run counts)
# Needs: JDK 17 + Maven (the launcher builds the jar on first use), python3 with numpy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-3}"
tasks="$here/tasks-8x10.json"
alpha="0:0.2:100"
beta="0:10:100"
steps=5
iters=300
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$tasks" ]; then
  python3 "$here/numpy_heatmap.py" --write-tasks "$tasks" --tasks-count 8 --dimension 10 --seed 2024
fi
# first use builds the jar: not timed
"$root/metabound" --version >/dev/null

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }

best() { sort -n | head -1; }

java_times=()
numpy_times=()
affine_times=()
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the timings assume an otherwise idle machine)"
for i in $(seq "$runs"); do
  # the launcher rebuilds the jar when a source changed (e.g. someone editing the tree): not timed
  "$root/metabound" --version >/dev/null
  t0=$(now)
  "$root/metabound" heatmap --tasks "$tasks" --estimator maml --steps "$steps" --iters "$iters" \
    --alpha "$alpha" --beta "$beta" --format csv --out "$work/java" >"$work/java.log"
  t1=$(now)
  java_times+=("$(elapsed "$t0" "$t1")")

  t0=$(now)
  python3 "$here/numpy_heatmap.py" --method simulate --tasks "$tasks" --steps "$steps" --iters "$iters" \
    --alpha "$alpha" --beta "$beta" --out "$work/numpy.csv" 2>"$work/numpy.log"
  t1=$(now)
  numpy_times+=("$(elapsed "$t0" "$t1")")

  t0=$(now)
  python3 "$here/numpy_heatmap.py" --method affine --tasks "$tasks" --steps "$steps" --iters "$iters" \
    --alpha "$alpha" --beta "$beta" --out "$work/numpy-affine.csv" 2>"$work/numpy-affine.log"
  t1=$(now)
  affine_times+=("$(elapsed "$t0" "$t1")")
done

jbest=$(printf '%s\n' "${java_times[@]}" | best)
nbest=$(printf '%s\n' "${numpy_times[@]}" | best)
abest=$(printf '%s\n' "${affine_times[@]}" | best)
cells=10000
echo "cells: $cells (100 x 100), 8 tasks, d = 10, N = $steps, T = $iters; $(nproc) cores; best of $runs runs"
echo "metabound heatmap (end to end):  ${jbest} s  ($(python3 -c "print(f'{$cells/$jbest:.0f}')") cells/s)   runs: ${java_times[*]}"
echo "  $(sed -n 2p "$work/java.log")"
echo "numpy simulate (end to end):     ${nbest} s  ($(python3 -c "print(f'{$cells/$nbest:.0f}')") cells/s)   runs: ${numpy_times[*]}"
echo "numpy affine map (end to end):   ${abest} s  ($(python3 -c "print(f'{$cells/$abest:.0f}')") cells/s)   runs: ${affine_times[*]}"
echo "speed-up vs numpy simulate:      $(python3 -c "print(f'{$nbest/$jbest:.1f}x')")   (target >= 10x)"
echo "speed-up vs numpy affine map:    $(python3 -c "print(f'{$abest/$jbest:.1f}x')")"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo -n "classification, java vs numpy simulate:   "
python3 "$here/compare_heatmaps.py" "$work/java/heatmap.csv" "$work/numpy.csv"
echo -n "classification, java vs numpy affine map: "
python3 "$here/compare_heatmaps.py" "$work/java/heatmap.csv" "$work/numpy-affine.csv"
