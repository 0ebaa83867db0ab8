#!/usr/bin/env bash
# Speed of the core kernels against LAMMPS on this machine (closing notes of issues 2–5).
# Usage: scripts/bench-core.sh [OUT_DIR] [neighbors|eam|md|snap|all]
# Needs `lmp` and /usr/share/lammps/potentials for the LAMMPS side (Debian's lammps package has
# no ML-SNAP: the SNAP rows are ours only). Prints one line per measurement and writes JSON
# beside it. Run on a quiet machine; the load average is printed with every line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
P="$here/bin/peierls"
POT=/usr/share/lammps/potentials
out="${1:-$here/bench-core}"; what="${2:-all}"
mkdir -p "$out"; cd "$out"
load() { cut -d' ' -f1 /proc/loadavg; }

cat > cu.extxyz <<XYZ
4
Lattice="3.615 0 0 0 3.615 0 0 0 3.615" Properties=species:S:1:pos:R:3 pbc="T T T"
Cu 0 0 0
Cu 0 1.8075 1.8075
Cu 1.8075 0 1.8075
Cu 1.8075 1.8075 0
XYZ
cat > ta.extxyz <<XYZ
2
Lattice="3.316 0 0 0 3.316 0 0 0 3.316" Properties=species:S:1:pos:R:3 pbc="T T T"
Ta 0 0 0
Ta 1.658 1.658 1.658
XYZ
cat > w.extxyz <<XYZ
2
Lattice="3.1803 0 0 0 3.1803 0 0 0 3.1803" Properties=species:S:1:pos:R:3 pbc="T T T"
W 0 0 0
W 1.59015 1.59015 1.59015
XYZ

if [[ $what == neighbors || $what == all ]]; then
  for half in "" "--half"; do for t in 1 2; do
    echo "neighbors 10^6 fcc Cu rc 5.5 ${half:-full} threads $t (load $(load)):"
    "$P" bench --structure cu.extxyz --repeat 63x63x63 --neighbors 5.5 $half --steps 5 --warmup 2 --threads $t | tee "nl${half}_t$t.json"
  done; done
fi

lmp_eam() { # steps -> prints Loop time line
  cat > in.eam <<LMP
units metal
lattice fcc 3.615
region box block 0 20 0 20 0 20
create_box 1 box
create_atoms 1 box
pair_style eam
pair_coeff * * $POT/Cu_u3.eam
neighbor 1.0 bin
neigh_modify every 1 delay 0 check yes
velocity all create 300 4928459 mom yes rot yes dist gaussian
fix 1 all nve
thermo 100
run $1
LMP
  lmp -in in.eam -log none -screen none -echo none >/dev/null -log lmp_eam.log; grep -E '^Loop time' lmp_eam.log
}

if [[ $what == eam || $what == all ]]; then
  for t in 1 2; do
    echo "EAM Cu_u3 32k atoms, ours, threads $t (load $(load)):"
    "$P" bench --potential eam:$POT/Cu_u3.eam --structure cu.extxyz --repeat 20x20x20 --steps 100 --warmup 30 --threads $t | tee "eam_t$t.json"
  done
  echo "EAM Cu_u3 32k atoms, lmp 1 rank, 500 NVE steps (load $(load)):"; lmp_eam 500
  if command -v mpirun >/dev/null; then
    echo "lmp 2 ranks:"; sed -i 's/^run .*/run 500/' in.eam
    mpirun --allow-run-as-root -np 2 --oversubscribe lmp -in in.eam -log lmp_eam2.log -screen none >/dev/null; grep -E '^Loop time' lmp_eam2.log
  fi
fi

if [[ $what == md || $what == all ]]; then
  python3 - <<PY
a=3.615; n=20; basis=[(0,0,0),(0,.5,.5),(.5,0,.5),(.5,.5,0)]
with open("cu32k.extxyz","w") as f:
    f.write(f"{4*n**3}\nLattice=\"{a*n} 0 0 0 {a*n} 0 0 0 {a*n}\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n")
    for i in range(n):
        for j in range(n):
            for k in range(n):
                for b in basis:
                    f.write(f"Cu {(i+b[0])*a:.6f} {(j+b[1])*a:.6f} {(k+b[2])*a:.6f}\n")
PY
  for t in 1 2; do
    echo "MD NVE 32k Cu_u3, 500 steps, skin 1 Å, ours threads $t (load $(load)):"
    "$P" md --potential eam:$POT/Cu_u3.eam --structure cu32k.extxyz --ensemble nve --temp 300 --init-velocities --steps 500 \
      --thermo 100 --dump-every 100000 --checkpoint-every 0 --skin 1.0 --threads $t --json "md_t$t.json" --out md_t$t.extxyz >/dev/null 2>&1
    jq -c . "md_t$t.json"
  done
  echo "MD lmp 1 rank (load $(load)):"; lmp_eam 500
fi

if [[ $what == snap || $what == all ]]; then
  for t in 1 2; do
    echo "SNAP Ta06A (2J=6) 16k atoms, threads $t (load $(load)):"
    "$P" bench --potential snap:$POT/Ta06A.snapcoeff --structure ta.extxyz --repeat 20x20x20 --steps 10 --warmup 5 --threads $t | tee "ta_t$t.json"
    echo "SNAP W_2940_2017_2 (2J=8) 16k atoms, threads $t (load $(load)):"
    "$P" bench --potential snap:$POT/W_2940_2017_2.snapcoeff --structure w.extxyz --repeat 20x20x20 --steps 5 --warmup 3 --threads $t | tee "w_t$t.json"
  done
fi
