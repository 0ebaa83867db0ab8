#!/usr/bin/env bash
# Speed of the structure analysis against LAMMPS on this machine (issue 14): adaptive CNA + the
# centro-symmetry parameter of 10⁶ fcc Cu atoms with Peierls (1 and 2 threads, neighbor lists
# included), and LAMMPS's compute cna/atom + centro/atom on the same crystal (1 and 2 MPI ranks),
# timed as a run with the computes minus the same run without them (LAMMPS's list build removed).
# Usage: scripts/bench-analysis.sh [N]   (N³ conventional cells; default 63 → 1 000 188 atoms)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-63}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
[ -f "$here/target/peierls.jar" ] || (cd "$here" && mvn -q -B -DskipTests package)
cat > Bench.java <<JAVA
import org.peierls.analysis.*;
import org.peierls.atoms.*;
import org.peierls.util.Parallel;
public class Bench {
    public static void main(String[] a) {
        Structure s = Lattice.fcc("Cu", 3.615).repeat($n, $n, $n);
        for (int t : new int[]{1, 2}) {
            Parallel.setThreads(t);
            double best = 1e9;
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                CommonNeighborAnalysis.adaptive(s);
                Centrosymmetry.compute(s, 12);
                best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
            }
            System.out.printf("peierls %d atoms, %d thread(s): a-CNA + CSP %.2f s (best of 3)%n", s.size(), t, best);
        }
    }
}
JAVA
java --add-modules jdk.incubator.vector -Xmx12g -cp "$here/target/peierls.jar" Bench.java 2>&1 | grep -v -i warning
for c in "" "compute cna all cna/atom 3.09
compute csp all centro/atom fcc
compute rc all reduce sum c_cna c_csp
thermo_style custom step c_rc[1] c_rc[2]"; do
  printf 'units metal\nlattice fcc 3.615\nregion box block 0 %s 0 %s 0 %s\ncreate_box 1 box\ncreate_atoms 1 box\nmass 1 63.546\npair_style zero 4.5\npair_coeff * *\nneighbor 0.3 bin\n%s\nrun 0\n' "$n" "$n" "$n" "$c" > "in.$([ -z "$c" ] && echo base || echo cna)"
done
t() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
for np in 1 2; do
  run=(lmp); [ "$np" = 2 ] && run=(mpirun --allow-run-as-root -np 2 lmp)
  base=$(t "${run[@]}" -in in.base -log none -screen none)
  cna=$(t "${run[@]}" -in in.cna -log none -screen none)
  printf 'lammps %d rank(s): cna/atom + centro/atom %.2f s (%.2f − %.2f)\n' "$np" "$(echo "$cna - $base" | bc)" "$cna" "$base"
done
echo "load average: $(cut -d' ' -f1 /proc/loadavg)"
