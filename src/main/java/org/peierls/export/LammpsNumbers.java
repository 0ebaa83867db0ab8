package org.peierls.export;

/** Numbers in LAMMPS input lines: the shortest text that reads back as the same double. */
final class LammpsNumbers {

    private LammpsNumbers() {
    }

    static String of(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v);
    }
}
