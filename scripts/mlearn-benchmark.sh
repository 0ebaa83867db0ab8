#!/usr/bin/env bash
# Reproduces the mlearn tables of docs/benchmarks.md:
#  1. Zuo et al.'s published SNAP and qSNAP coefficient files on the mlearn test sets of all six
#     elements (peierls test, force components in LAMMPS's frame as a LAMMPS run reports them);
#  2. our own SNAP and qSNAP fits of the Ge, Li, Mo and Si training sets, hyper-parameters chosen
#     by 5-fold cross-validation on the training set alone (score E_mae/meV + 10·F_mae/(eV/Å) +
#     S_mae/GPa), evaluated on the test sets.
# Usage: scripts/mlearn-benchmark.sh [OUT_DIR] [zuo|fits|all]   (about 1 h on 2 cores for 'all')
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
P="$here/bin/peierls"
data="${PEIERLS_SHARED_DATA:-$here/../shared/data}"
D="$data/mlearn"
POT="$data/potentials"
out="${1:-$here/bench-mlearn}"
what="${2:-all}"
mkdir -p "$out"
export PEIERLS_PROGRESS=lines

row() { # element kind json
  jq -r --arg el "$1" --arg k "$2" '"| \($el) | \($k) | \(.test.energy_mae_mev_per_atom*1000|round/1000) | \(.test.force_mae_ev_per_a*10000|round/10000) |"' "$3"
}

if [ "$what" = zuo ] || [ "$what" = all ]; then
  echo "| element | model | energy MAE (meV/atom) | force MAE (eV/Å) |" > "$out/zuo.md"
  echo "|---|---|---|---|" >> "$out/zuo.md"
  for el in Ni Cu Li Mo Si Ge; do
    for kind in linear quadratic; do
      suffix=""; [ "$kind" = quadratic ] && suffix=".quadratic"
      "$P" test --potential "snap:$POT/${el}_Zuo_JPCA2020${suffix}.snapcoeff" --data "$D/$el/test.json" \
        --force-frame lammps --json "$out/zuo_${el}_${kind}.json" > "$out/zuo_${el}_${kind}.log"
      row "$el" "$kind" "$out/zuo_${el}_${kind}.json" >> "$out/zuo.md"
    done
  done
  cat "$out/zuo.md"
fi

# cross-validation grids (the selected values are in each fit's cv.json and model.json)
declare -A GRID
GRID[Mo_snap]="--twojmax 6,8 --rcutfac 4.4,4.8,5.2 --energy-weight 100,300,1000,3000"
GRID[Li_snap]="--twojmax 6,8 --rcutfac 4.6,5.0,5.4 --energy-weight 100,300,1000,3000"
GRID[Si_snap]="--twojmax 6,8 --rcutfac 4.4,4.8,5.2 --energy-weight 100,300,1000,3000"
GRID[Ge_snap]="--twojmax 6,8 --rcutfac 4.8,5.2,5.6 --energy-weight 100,300,1000,3000"
GRID[Mo_qsnap]="--twojmax 6 --rcutfac 4.0,4.2,4.4 --energy-weight 300,1000,3000 --stress-weight 0,1,3"
GRID[Li_qsnap]="--twojmax 6 --rcutfac 4.6,4.8,5.0 --energy-weight 100,300,1000 --stress-weight 0,1,3"
GRID[Si_qsnap]="--twojmax 6 --rcutfac 4.4,4.8,5.2 --energy-weight 300,1000 --stress-weight 0,1,3"
GRID[Ge_qsnap]="--twojmax 6 --rcutfac 4.8,5.2 --energy-weight 300,1000 --stress-weight 0,1,3"
CV="--cv 5 --cv-objective energy=1,force=10,stress=1"

if [ "$what" = fits ] || [ "$what" = all ]; then
  echo "| element | model | energy MAE (meV/atom) | force MAE (eV/Å) | selected |" > "$out/fits.md"
  echo "|---|---|---|---|---|" >> "$out/fits.md"
  for el in Ge Li Mo Si; do
    for kind in snap qsnap; do
      dir="$out/fit_${el}_${kind}"
      # shellcheck disable=SC2086
      "$P" fit --data "$D/$el/training.json" --test "$D/$el/test.json" --model "$kind" ${GRID[${el}_${kind}]} $CV \
        --out "$dir" > "$dir.log"
      "$P" test --potential "$dir" --data "$D/$el/test.json" --force-frame lammps --json "$dir/test_lammps_frame.json" > /dev/null
      sel=$(grep '^best:' "$dir.log" | sed 's/^best: //')
      echo "$(row "$el" "$kind" "$dir/test_lammps_frame.json" | sed 's/ |$//') | $sel |" >> "$out/fits.md"
    done
  done
  cat "$out/fits.md"
fi
