package org.peierls.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peierls.atoms.Distances;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * The Burgers circuit (FS/RH convention: Hirth &amp; Lothe §1-4): a closed loop of
 * nearest-neighbour steps in the dislocated crystal, taken counter-clockwise about the line
 * direction +z around the core. Each step d is matched to the nearest nearest-neighbour vector v
 * of the perfect crystal (its "good crystal" image); the closure failure of the loop mapped into
 * the perfect crystal, b = Σ (d − v), is the Burgers vector (for a loop that closes in the real
 * crystal Σ d = 0 and this is the vector from the end to the start of the mapped loop).
 */
public final class BurgersCircuit {

    /** A closed circuit and its closure failure. */
    public record Result(double[] burgers, int[] atoms, double winding) {
        /** Length of the closure failure, Å. */
        public double magnitude() {
            return Math.sqrt(burgers[0] * burgers[0] + burgers[1] * burgers[1] + burgers[2] * burgers[2]);
        }
    }

    /** Largest mismatch |d − v| / d_nn accepted for a step to count as a good-crystal step. */
    public static final double STEP_TOLERANCE = 0.35;

    private BurgersCircuit() {
    }

    /**
     * The first-shell vectors of atom 0 of a perfect crystal (flat [3K], Å), in that crystal's
     * frame — the "good crystal" steps for {@link #around}.
     */
    public static double[] nearestNeighbourVectors(Structure perfect) {
        double dnn = Distances.nearestNeighbourDistance(perfect, 0);
        NeighborList nl = NeighborList.build(perfect, dnn * (1 + 1e-6), NeighborList.Kind.FULL);
        double[] v = nl.vectors();
        int from = nl.start(0), to = nl.end(0);
        return Arrays.copyOfRange(v, 3 * from, 3 * to);
    }

    /**
     * A circuit around the core at (x, y) through atoms at projected distance about
     * {@code radius} from it, and its closure failure.
     *
     * @param dislocated the dislocated structure, line along z
     * @param steps      perfect nearest-neighbour vectors (flat [3K]) in the same frame
     * @param core       (x, y), Å
     * @param radius     circuit radius, Å (keep it a few d_nn away from the core and from other defects)
     * @throws IllegalStateException when no closed circuit of good steps is found
     */
    public static Result around(Structure dislocated, double[] steps, double[] core, double radius) {
        int nSteps = steps.length / 3;
        double dnn = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nSteps; k++) {
            dnn = Math.min(dnn, Math.sqrt(steps[3 * k] * steps[3 * k] + steps[3 * k + 1] * steps[3 * k + 1] + steps[3 * k + 2] * steps[3 * k + 2]));
        }
        int n = dislocated.size();
        double[] rho = new double[n], theta = new double[n];
        double[] d = new double[3];
        boolean periodicXY = dislocated.cell().periodic(0) && dislocated.cell().periodic(1);
        for (int i = 0; i < n; i++) {
            d[0] = dislocated.position(i, 0) - core[0];
            d[1] = dislocated.position(i, 1) - core[1];
            d[2] = 0;
            if (periodicXY) {
                dislocated.cell().minimumImage(d);
            }
            rho[i] = Math.hypot(d[0], d[1]);
            theta[i] = Math.atan2(d[1], d[0]);
        }
        NeighborList nl = NeighborList.build(dislocated, dnn * (1 + STEP_TOLERANCE), NeighborList.Kind.FULL);
        double[] vec = nl.vectors();
        // good-crystal image of every list entry, or −1
        int[] match = new int[nl.size()];
        for (int e = 0; e < nl.size(); e++) {
            match[e] = -1;
            double best = STEP_TOLERANCE * dnn;
            for (int k = 0; k < nSteps; k++) {
                double dx = vec[3 * e] - steps[3 * k], dy = vec[3 * e + 1] - steps[3 * k + 1], dz = vec[3 * e + 2] - steps[3 * k + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r < best) {
                    best = r;
                    match[e] = k;
                }
            }
        }
        int waypoints = Math.max(8, (int) Math.ceil(2 * Math.PI * radius / (1.5 * dnn)));
        for (double width = 0.6 * dnn; width <= Math.max(0.6 * dnn, 0.8 * radius); width *= 1.4) {
            Result r = tryCircuit(nl, vec, steps, match, rho, theta, radius, width, waypoints);
            if (r != null) {
                return r;
            }
        }
        throw new IllegalStateException("no closed circuit of good-crystal steps at radius " + radius + " Å around ("
                + core[0] + ", " + core[1] + ")");
    }

    private static Result tryCircuit(NeighborList nl, double[] vec, double[] steps, int[] match, double[] rho, double[] theta,
                                     double radius, double width, int waypoints) {
        int n = rho.length;
        int[] wp = new int[waypoints];
        double sector = 2 * Math.PI / waypoints;
        double start = -Math.PI + 0.5 * sector;    // keep waypoints off the cut along −x
        for (int k = 0; k < waypoints; k++) {
            double t = start + k * sector;
            double best = Double.POSITIVE_INFINITY;
            wp[k] = -1;
            for (int i = 0; i < n; i++) {
                if (Math.abs(rho[i] - radius) > width) {
                    continue;
                }
                double dt = Math.abs(angle(theta[i] - t)) * radius;
                double score = dt + Math.abs(rho[i] - radius);
                if (score < best) {
                    best = score;
                    wp[k] = i;
                }
            }
            if (wp[k] < 0) {
                return null;
            }
        }
        List<Integer> entries = new ArrayList<>();
        List<Integer> atoms = new ArrayList<>();
        atoms.add(wp[0]);
        for (int k = 0; k < waypoints; k++) {
            int from = wp[k], to = wp[(k + 1) % waypoints];
            double t0 = start + k * sector;
            List<Integer> path = bfs(nl, match, rho, theta, radius, width, from, to, t0, sector);
            if (path == null) {
                return null;
            }
            for (int e : path) {
                entries.add(e);
                atoms.add(nl.neighbor(e));
            }
        }
        double[] b = new double[3];
        double winding = 0;
        int prev = wp[0];
        for (int e : entries) {
            int k = match[e];
            for (int c = 0; c < 3; c++) {
                b[c] += vec[3 * e + c] - steps[3 * k + c];
            }
            int j = nl.neighbor(e);
            winding += angle(theta[j] - theta[prev]);
            prev = j;
        }
        if (Math.abs(winding - 2 * Math.PI) > 1e-6) {
            return null;
        }
        int[] loop = new int[atoms.size()];
        for (int i = 0; i < loop.length; i++) {
            loop[i] = atoms.get(i);
        }
        return new Result(b, loop, winding);
    }

    /** Shortest path of good steps from one atom to another inside an angular sector of the annulus; list entries. */
    private static List<Integer> bfs(NeighborList nl, int[] match, double[] rho, double[] theta, double radius, double width,
                                     int from, int to, double t0, double sector) {
        int n = rho.length;
        int[] via = new int[n];
        Arrays.fill(via, -2);
        via[from] = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            int i = queue.poll();
            if (i == to) {
                break;
            }
            for (int e = nl.start(i); e < nl.end(i); e++) {
                if (match[e] < 0) {
                    continue;
                }
                int j = nl.neighbor(e);
                if (via[j] != -2 || Math.abs(rho[j] - radius) > width) {
                    continue;
                }
                double phi = angle(theta[j] - t0);
                if (phi < -0.5 * sector || phi > 1.5 * sector) {
                    continue;
                }
                via[j] = e;
                queue.add(j);
            }
        }
        if (via[to] == -2) {
            return null;
        }
        List<Integer> path = new ArrayList<>();
        int at = to;
        while (at != from) {
            int e = via[at];
            path.add(0, e);
            at = owner(nl, e);
        }
        return path;
    }

    private static int owner(NeighborList nl, int e) {
        int lo = 0, hi = nl.atoms() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (nl.start(mid) <= e) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** An angle folded into (−π, π]. */
    private static double angle(double a) {
        double f = a - 2 * Math.PI * Math.floor(a / (2 * Math.PI) + 0.5);
        return f <= -Math.PI ? f + 2 * Math.PI : f;
    }
}
