package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Objects;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;

/** Exact comparison of frames (bit-for-bit doubles unless a tolerance is given). */
final class FrameAssert {

    private FrameAssert() {
    }

    /** Bit-exact equality of two arrays (NaN equal to NaN). */
    static void exact(double[] expected, double[] actual, String what) {
        if (expected == null) {
            assertNull(actual, what + " should be absent");
            return;
        }
        assertArrayEquals(expected, actual, what);
    }

    /** Equality within {@code ulps} units in the last place of each element. */
    static void ulps(double[] expected, double[] actual, int ulps, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double tol = ulps * Math.ulp(expected[i]);
            if (Math.abs(expected[i] - actual[i]) > tol) {
                fail(what + "[" + i + "]: expected " + expected[i] + ", found " + actual[i] + " (> " + ulps + " ulp)");
            }
        }
    }

    static void close(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tol)) {
                fail(what + "[" + i + "]: expected " + expected[i] + ", found " + actual[i] + " (tolerance " + tol + ")");
            }
        }
    }

    static void sameStructure(Structure e, Structure a, boolean infoAndArrays, int velocityUlps) {
        assertEquals(e.size(), a.size(), "atom count");
        assertArrayEquals(e.numbers(), a.numbers(), "atomic numbers");
        exact(e.cell().matrix(), a.cell().matrix(), "cell");
        assertArrayEquals(e.cell().pbc(), a.cell().pbc(), "pbc");
        exact(e.positions(), a.positions(), "positions");
        exact(e.masses(), a.masses(), "masses");
        if (e.hasVelocities()) {
            assertTrue(a.hasVelocities(), "velocities missing");
            ulps(e.velocities(), a.velocities(), velocityUlps, "velocities");
        } else {
            assertNull(a.velocities(), "velocities should be absent");
        }
        if (infoAndArrays) {
            sameMap(e.info(), a.info(), "info");
            sameMap(e.arrays(), a.arrays(), "arrays");
        }
    }

    static void sameLabels(Labels e, Labels a) {
        assertEquals(Double.doubleToLongBits(e.energy()), Double.doubleToLongBits(a.energy()), "energy " + e.energy() + " vs " + a.energy());
        exact(e.forces(), a.forces(), "forces");
        exact(e.stress(), a.stress(), "stress");
    }

    static void sameFrame(Frame e, Frame a, int velocityUlps) {
        sameStructure(e.structure(), a.structure(), true, velocityUlps);
        sameLabels(e.labels(), a.labels());
        assertEquals(e.group(), a.group(), "group");
    }

    static void sameMap(Map<String, Object> e, Map<String, Object> a, String what) {
        assertEquals(e.keySet(), a.keySet(), what + " keys");
        for (String k : e.keySet()) {
            Object x = e.get(k), y = a.get(k);
            boolean eq = Objects.deepEquals(x, y)
                    || (x instanceof Number nx && y instanceof Number ny && nx.doubleValue() == ny.doubleValue()
                        && (x instanceof Double) == (y instanceof Double));
            assertTrue(eq, what + " '" + k + "': expected " + show(x) + ", found " + show(y));
        }
    }

    private static String show(Object o) {
        if (o instanceof double[] d) {
            return java.util.Arrays.toString(d);
        } else if (o instanceof int[] d) {
            return java.util.Arrays.toString(d);
        } else if (o instanceof boolean[] d) {
            return java.util.Arrays.toString(d);
        } else if (o instanceof Object[] d) {
            return java.util.Arrays.toString(d);
        }
        return o + (o == null ? "" : " (" + o.getClass().getSimpleName() + ")");
    }
}
