#!/usr/bin/env bash
# Reproduces the MTP tables of docs/benchmarks.md:
#  fits   MTP level 16 on the Ge, Li, Mo and Si training sets of mlearn (Cu and Ni have test sets
#         only), evaluated on the test sets (force components in LAMMPS's frame, as Zuo et al.
#         report them); then level 20 for Mo, started from the level-16 radial functions (--init).
#         One protocol for every element, no tuning on the test sets: radial basis 8 Chebyshev
#         functions on [2, 5] Å, energy weight 300 per eV/atom, forces 1 per eV/Å, no stress,
#         at most 80 BFGS iterations (level 20: 15 more). About 25 min on 2 cores.
#  speed  peierls bench (µs per atom and force evaluation) on a 2048-atom bcc Mo cell for MTP
#         levels 10, 16, 20 and SNAP 2J = 6 (Zuo's Mo coefficients) and 2J = 8 (a quick fit),
#         1 and 2 threads.
# Usage: scripts/mtp-benchmark.sh [OUT_DIR] [fits|speed|all]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
P="$here/bin/peierls"
data="${PEIERLS_SHARED_DATA:-$here/../shared/data}"
D="$data/mlearn"
POT="$data/potentials"
out="${1:-$here/bench-mtp}"
what="${2:-all}"
mkdir -p "$out"
export PEIERLS_PROGRESS=lines

row() { # element level json seconds iterations
  jq -r --arg el "$1" --arg l "$2" --arg s "$4" --arg it "$5" \
    '"| \($el) | \($l) | \(.test.energy_mae_mev_per_atom*1000|round/1000) | \(.test.force_mae_ev_per_a*10000|round/10000) | \($it) | \($s) |"' "$3"
}

MTP="--model mtp --radial-basis-size 8 --min-dist 2.0 --max-dist 5.0 --energy-weight 300 --force-weight 1 --no-plots"

fit_one() { # element level max_iter dir [init]
  local el=$1 level=$2 iters=$3 dir=$4 init=${5:-}
  local extra=""
  [ -n "$init" ] && extra="--init $init"
  # shellcheck disable=SC2086
  "$P" fit --data "$D/$el/training.json" --test "$D/$el/test.json" $MTP --level "$level" --max-iter "$iters" $extra \
    --out "$dir" > "$dir.log" 2>&1
  "$P" test --potential "$dir" --data "$D/$el/test.json" --force-frame lammps --json "$dir/test_lammps_frame.json" > /dev/null
  local secs its
  secs=$(jq -r '.fit.training_seconds|round' "$dir/model.json")
  its=$(jq -r '.fit.iterations' "$dir/model.json")
  row "$el" "$level" "$dir/test_lammps_frame.json" "$secs" "$its" >> "$out/mtp.md"
}

if [ "$what" = fits ] || [ "$what" = all ]; then
  echo "| element | level | energy MAE (meV/atom) | force MAE (eV/Å) | BFGS iterations | training s |" > "$out/mtp.md"
  echo "|---|---|---|---|---|---|" >> "$out/mtp.md"
  for el in Mo Li Si Ge; do
    fit_one "$el" 16 80 "$out/mtp16_$el"
  done
  fit_one Mo 20 15 "$out/mtp20_Mo" "$out/mtp16_Mo"
  cat "$out/mtp.md"
fi

if [ "$what" = speed ] || [ "$what" = all ]; then
  cell="$data/lammps-reference/mo_zuo_linear_bcc128.extxyz"   # 4×4×4 bcc Mo, rattled; ×(2×2×4) = 2048 atoms
  [ -d "$out/mtp16_Mo" ] || fit_one Mo 16 80 "$out/mtp16_Mo"
  [ -d "$out/mtp20_Mo" ] || fit_one Mo 20 15 "$out/mtp20_Mo" "$out/mtp16_Mo"
  [ -d "$out/mtp10_Mo" ] || "$P" fit --data "$D/Mo/training.json" $MTP --level 10 --max-iter 40 --out "$out/mtp10_Mo" > "$out/mtp10_Mo.log" 2>&1
  [ -d "$out/snap8_Mo" ] || "$P" fit --data "$D/Mo/training.json" --model snap --twojmax 8 --rcutfac 5.2 --energy-weight 300 \
    --no-plots --out "$out/snap8_Mo" > "$out/snap8_Mo.log" 2>&1
  echo "| potential | cutoff (Å) | threads | µs/atom-step | best | cores used |" > "$out/speed.md"
  echo "|---|---|---|---|---|---|" >> "$out/speed.md"
  for spec in "mtp10_Mo|$out/mtp10_Mo|5.0" "mtp16_Mo|$out/mtp16_Mo|5.0" "mtp20_Mo|$out/mtp20_Mo|5.0" \
              "snap 2J=6 (Zuo)|snap:$POT/Mo_Zuo_JPCA2020.snapcoeff|4.6" "snap 2J=8|$out/snap8_Mo|5.2"; do
    IFS='|' read -r label p rc <<< "$spec"
    for t in 1 2; do
      "$P" bench --potential "$p" --structure "$cell" --repeat 2x2x4 --threads "$t" --steps 20 --warmup 5 > "$out/bench.json"
      jq -r --arg l "$label" --arg rc "$rc" --arg t "$t" \
        '"| \($l) | \($rc) | \($t) | \(.us_per_atom_step*10|round/10) | \(.best_us_per_atom_step*10|round/10) | \(.cores_used*100|round/100) |"' \
        "$out/bench.json" >> "$out/speed.md"
    done
  done
  cat "$out/speed.md"
fi
