package org.peierls.descriptor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the level-based MTP basis ({@link MomentTensorBasis#ofLevel}) in two steps.
 *
 * <p><b>Enumeration.</b> A basis function is a product of 1…4 moments M_{μ,ν} (μ ≤ 5, ν ≤ 10,
 * total level Σ(2 + 4μ + ν) ≤ L) with a full contraction: a loopless multigraph on the factors
 * whose vertex degrees are the ranks ν (an edge of multiplicity e between two factors contracts e
 * of their indices). Graphs are counted up to permutations of equal factors (canonical form: the
 * lexicographically smallest edge list over the label-preserving permutations).</p>
 *
 * <p><b>Program.</b> Disconnected functions are products of the scalars of their components. A
 * connected component is contracted one factor at a time, in the order (among the connected
 * orders) that adds the fewest products given what earlier functions already built. The partial
 * result W after the first m factors keeps its free indices grouped by the later factor they go to
 * and is stored "summed over index tuples": for destination groups with monomials u_d,
 * Ŵ[u] = Σ of W over all Cartesian index tuples whose monomial is u. Because the moments are
 * symmetric tensors, contracting the next factor T (all of its group c, its other indices going to
 * later factors d in monomials w_d) is then</p>
 * <pre>
 *   Ŵ'[u_d + w_d] += Π_d m(w_d) · Ŵ[u_c, u_d] · T[u_c + Σ_d w_d],     m(a,b,c) = (a+b+c)!/(a!b!c!),
 * </pre>
 * <p>and the first two factors A, B (contracted over e indices in monomial s) give
 * Ŵ[w_A + w_B] += m(s)·Π m(w_A)·m(w_B)·A[s + Σw_A]·B[s + Σw_B]: integer multipliers only, as the
 * MLIP format requires. Partial results are shared between functions with the same prefix.</p>
 */
final class LevelBasis {

    static final int MAX_FACTORS = 4;
    static final int MAX_MU = 5;
    static final int MAX_NU = 10;

    private LevelBasis() {
    }

    /** A basis function: factor moments (indices into the moment list, non-decreasing) and edge multiplicities. */
    record Function(int[] factors, int[][] edges, int level) {
    }

    // ------------------------------------------------------------------ moments and monomials

    /** Moments (μ, ν) of level ≤ L within the caps, ordered by μ then ν. */
    static int[][] moments(int level) {
        List<int[]> out = new ArrayList<>();
        for (int mu = 0; mu <= MAX_MU; mu++) {
            for (int nu = 0; nu <= MAX_NU; nu++) {
                if (2 + 4 * mu + nu <= level) {
                    out.add(new int[]{mu, nu});
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    static int momentLevel(int[] m) {
        return 2 + 4 * m[0] + m[1];
    }

    /** Monomials of each size n ≤ MAX_NU: (a, b, c), a descending then b descending. */
    static final int[][][] MONOMIALS = new int[MAX_NU + 1][][];
    /** Index of monomial (a, b, ·) within its size: {@code MONO_INDEX[n][a][b]}. */
    static final int[][][] MONO_INDEX = new int[MAX_NU + 1][MAX_NU + 1][MAX_NU + 1];
    /** Multinomial n!/(a!b!c!) by size and index. */
    static final int[][] MULTINOMIAL = new int[MAX_NU + 1][];

    static {
        long[] fact = new long[MAX_NU + 1];
        fact[0] = 1;
        for (int i = 1; i <= MAX_NU; i++) {
            fact[i] = fact[i - 1] * i;
        }
        for (int n = 0; n <= MAX_NU; n++) {
            List<int[]> list = new ArrayList<>();
            for (int a = n; a >= 0; a--) {
                for (int b = n - a; b >= 0; b--) {
                    list.add(new int[]{a, b, n - a - b});
                }
            }
            MONOMIALS[n] = list.toArray(new int[0][]);
            MULTINOMIAL[n] = new int[list.size()];
            for (int q = 0; q < list.size(); q++) {
                int[] m = list.get(q);
                MONO_INDEX[n][m[0]][m[1]] = q;
                MULTINOMIAL[n][q] = (int) (fact[n] / (fact[m[0]] * fact[m[1]] * fact[m[2]]));
            }
        }
    }

    // ------------------------------------------------------------------ enumeration

    /** Every basis function of level ≤ L, sorted by level, number of factors, factors, edges. */
    static List<Function> enumerate(int level) {
        int[][] moments = moments(level);
        List<Function> out = new ArrayList<>();
        List<int[]> multisets = new ArrayList<>();
        multisets(moments, level, 0, new int[MAX_FACTORS], 0, 0, multisets);
        for (int[] f : multisets) {
            int k = f.length;
            int[] deg = new int[k];
            int lev = 0, sum = 0;
            for (int a = 0; a < k; a++) {
                deg[a] = moments[f[a]][1];
                lev += momentLevel(moments[f[a]]);
                sum += deg[a];
            }
            if (sum % 2 != 0) {
                continue;
            }
            Map<String, int[][]> seen = new LinkedHashMap<>();
            graphs(deg, new int[k][k], 0, 1, deg.clone(), g -> {
                int[][] canon = canonical(f, g);
                seen.putIfAbsent(key(canon), canon);
            });
            for (int[][] g : seen.values()) {
                out.add(new Function(f, g, lev));
            }
        }
        out.sort(LevelBasis::compare);
        return out;
    }

    private static int compare(Function x, Function y) {
        if (x.level != y.level) {
            return Integer.compare(x.level, y.level);
        }
        if (x.factors.length != y.factors.length) {
            return Integer.compare(x.factors.length, y.factors.length);
        }
        int c = Arrays.compare(x.factors, y.factors);
        if (c != 0) {
            return c;
        }
        return key(x.edges).compareTo(key(y.edges));
    }

    private static void multisets(int[][] moments, int level, int start, int[] cur, int n, int lev, List<int[]> out) {
        if (n > 0) {
            out.add(Arrays.copyOf(cur, n));
        }
        if (n == MAX_FACTORS) {
            return;
        }
        for (int m = start; m < moments.length; m++) {
            int l = momentLevel(moments[m]);
            if (lev + l <= level) {
                cur[n] = m;
                multisets(moments, level, m, cur, n + 1, lev + l, out);
            }
        }
    }

    private interface GraphSink {
        void accept(int[][] edges);
    }

    /** All symmetric zero-diagonal non-negative integer matrices with row sums deg. */
    private static void graphs(int[] deg, int[][] e, int a, int b, int[] rem, GraphSink sink) {
        int k = deg.length;
        if (a >= k - 1) {
            for (int r : rem) {
                if (r != 0) {
                    return;
                }
            }
            int[][] copy = new int[k][];
            for (int i = 0; i < k; i++) {
                copy[i] = e[i].clone();
            }
            sink.accept(copy);
            return;
        }
        if (b >= k) {
            if (rem[a] != 0) {
                return;
            }
            graphs(deg, e, a + 1, a + 2, rem, sink);
            return;
        }
        int max = Math.min(rem[a], rem[b]);
        int min = b == k - 1 ? rem[a] : 0; // the last partner of a takes what is left
        if (min > max) {
            return;
        }
        for (int x = min; x <= max; x++) {
            e[a][b] = e[b][a] = x;
            rem[a] -= x;
            rem[b] -= x;
            graphs(deg, e, a, b + 1, rem, sink);
            rem[a] += x;
            rem[b] += x;
        }
        e[a][b] = e[b][a] = 0;
    }

    private static final int[][][] PERMUTATIONS = new int[MAX_FACTORS + 1][][];

    static {
        for (int k = 1; k <= MAX_FACTORS; k++) {
            List<int[]> list = new ArrayList<>();
            permute(new int[k], new boolean[k], 0, list);
            PERMUTATIONS[k] = list.toArray(new int[0][]);
        }
    }

    private static void permute(int[] p, boolean[] used, int i, List<int[]> out) {
        if (i == p.length) {
            out.add(p.clone());
            return;
        }
        for (int v = 0; v < p.length; v++) {
            if (!used[v]) {
                used[v] = true;
                p[i] = v;
                permute(p, used, i + 1, out);
                used[v] = false;
            }
        }
    }

    /** The edge matrix relabelled by the label-preserving permutation with the smallest edge list. */
    static int[][] canonical(int[] labels, int[][] e) {
        int k = labels.length;
        int[][] best = null;
        String bestKey = null;
        for (int[] p : PERMUTATIONS[k]) {
            boolean ok = true;
            for (int i = 0; i < k && ok; i++) {
                ok = labels[p[i]] == labels[i];
            }
            if (!ok) {
                continue;
            }
            int[][] g = new int[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    g[a][b] = e[p[a]][p[b]];
                }
            }
            String key = key(g);
            if (bestKey == null || key.compareTo(bestKey) < 0) {
                bestKey = key;
                best = g;
            }
        }
        return best;
    }

    static String key(int[][] e) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < e.length; a++) {
            for (int b = a + 1; b < e.length; b++) {
                sb.append((char) ('A' + e[a][b]));
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ program

    static MomentTensorBasis build(int level) {
        List<Function> functions = enumerate(level);
        return new Builder(level, moments(level), functions).build();
    }

    /** A partial contraction: its destination groups and one slot per tuple of destination monomials. */
    private record Partial(int[] destSizes, int[] slots) {
    }

    private static final class Builder {
        final int level;
        final int[][] moments;
        final List<Function> functions;
        final int[][] basicSlot; // [moment][monomial]
        final List<int[]> basic = new ArrayList<>();
        final List<int[]> times = new ArrayList<>();
        final Map<String, Partial> partials = new HashMap<>();
        final Map<String, Integer> components = new HashMap<>();
        final Map<String, Integer> products = new HashMap<>();
        int nextSlot;
        int temporary; // negative ids for dry runs

        Builder(int level, int[][] moments, List<Function> functions) {
            this.level = level;
            this.moments = moments;
            this.functions = functions;
            boolean[] used = new boolean[moments.length];
            for (Function f : functions) {
                for (int m : f.factors) {
                    used[m] = true;
                }
            }
            basicSlot = new int[moments.length][];
            for (int m = 0; m < moments.length; m++) {
                if (!used[m]) {
                    continue;
                }
                int nu = moments[m][1];
                basicSlot[m] = new int[MONOMIALS[nu].length];
                for (int q = 0; q < MONOMIALS[nu].length; q++) {
                    int[] mono = MONOMIALS[nu][q];
                    basicSlot[m][q] = basic.size();
                    basic.add(new int[]{moments[m][0], mono[0], mono[1], mono[2]});
                }
            }
            nextSlot = basic.size();
        }

        MomentTensorBasis build() {
            int n = functions.size();
            int[] mapping = new int[n];
            int[] levels = new int[n];
            for (int a = 0; a < n; a++) {
                Function f = functions.get(a);
                mapping[a] = function(f);
                levels[a] = f.level;
            }
            return new MomentTensorBasis(level, nextSlot, basic.toArray(new int[0][]), times.toArray(new int[0][]),
                    mapping, levels);
        }

        /** The slot of a basis function: the product of its components' scalars. */
        int function(Function f) {
            int k = f.factors.length;
            int[] comp = new int[k];
            Arrays.fill(comp, -1);
            int nc = 0;
            for (int v = 0; v < k; v++) {
                if (comp[v] >= 0) {
                    continue;
                }
                // flood fill
                List<Integer> stack = new ArrayList<>(List.of(v));
                comp[v] = nc;
                while (!stack.isEmpty()) {
                    int x = stack.remove(stack.size() - 1);
                    for (int y = 0; y < k; y++) {
                        if (f.edges[x][y] > 0 && comp[y] < 0) {
                            comp[y] = nc;
                            stack.add(y);
                        }
                    }
                }
                nc++;
            }
            int[] scalars = new int[nc];
            for (int c = 0; c < nc; c++) {
                int size = 0;
                for (int v = 0; v < k; v++) {
                    if (comp[v] == c) {
                        size++;
                    }
                }
                int[] verts = new int[size];
                int q = 0;
                for (int v = 0; v < k; v++) {
                    if (comp[v] == c) {
                        verts[q++] = v;
                    }
                }
                int[] labels = new int[size];
                int[][] e = new int[size][size];
                for (int a = 0; a < size; a++) {
                    labels[a] = f.factors[verts[a]];
                    for (int b = 0; b < size; b++) {
                        e[a][b] = f.edges[verts[a]][verts[b]];
                    }
                }
                scalars[c] = component(labels, canonical(labels, e));
            }
            Arrays.sort(scalars);
            int cur = scalars[0];
            StringBuilder key = new StringBuilder().append(cur);
            for (int c = 1; c < nc; c++) {
                key.append('*').append(scalars[c]);
                Integer done = products.get(key.toString());
                if (done != null) {
                    cur = done;
                    continue;
                }
                int slot = nextSlot++;
                times.add(new int[]{Math.min(cur, scalars[c]), Math.max(cur, scalars[c]), 1, slot});
                products.put(key.toString(), slot);
                cur = slot;
            }
            return cur;
        }

        /** The scalar slot of a connected contraction (labels sorted, edges canonical). */
        int component(int[] labels, int[][] e) {
            int k = labels.length;
            if (k == 1) {
                return basicSlot[labels[0]][0]; // ν = 0
            }
            String ckey = Arrays.toString(labels) + key(e);
            Integer done = components.get(ckey);
            if (done != null) {
                return done;
            }
            int[] best = null;
            long bestCost = Long.MAX_VALUE;
            for (int[] p : PERMUTATIONS[k]) {
                if (!connectedOrder(p, e)) {
                    continue;
                }
                long cost = contract(labels, e, p, true);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = p;
                }
            }
            contract(labels, e, best, false);
            int slot = partials.get(prefixKey(labels, e, best, k)).slots[0];
            components.put(ckey, slot);
            return slot;
        }

        private static boolean connectedOrder(int[] p, int[][] e) {
            for (int m = 1; m < p.length; m++) {
                boolean adjacent = false;
                for (int a = 0; a < m && !adjacent; a++) {
                    adjacent = e[p[a]][p[m]] > 0;
                }
                if (!adjacent) {
                    return false;
                }
            }
            return true;
        }

        /** The memo key of the partial result after the first m factors of order p. */
        private static String prefixKey(int[] labels, int[][] e, int[] p, int m) {
            StringBuilder sb = new StringBuilder();
            for (int a = 0; a < m; a++) {
                sb.append(labels[p[a]]).append(',');
            }
            sb.append('|');
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    sb.append(e[p[a]][p[b]]).append(',');
                }
            }
            for (int d = m; d < p.length; d++) {
                int total = 0;
                for (int a = 0; a < m; a++) {
                    total += e[p[a]][p[d]];
                }
                if (total == 0) {
                    continue;
                }
                sb.append('|');
                for (int a = 0; a < m; a++) {
                    sb.append(e[p[a]][p[d]]).append(',');
                }
            }
            return sb.toString();
        }

        /**
         * Contracts the factors in order p. In a dry run nothing is stored and the number of new
         * products is returned; otherwise the partial results are created (or reused).
         */
        long contract(int[] labels, int[][] e, int[] p, boolean dry) {
            int k = labels.length;
            long cost = 0;
            Partial w = null;
            for (int m = 2; m <= k; m++) {
                String key = prefixKey(labels, e, p, m);
                Partial known = partials.get(key);
                if (known != null) {
                    w = known;
                    continue;
                }
                Map<Integer, Map<Long, Integer>> terms = new LinkedHashMap<>();
                int[] destSizes;
                if (m == 2) {
                    destSizes = firstStep(labels, e, p, terms);
                } else {
                    destSizes = nextStep(labels, e, p, m, w, terms);
                }
                int tuples = tupleCount(destSizes);
                int[] slots = new int[tuples];
                for (Map<Long, Integer> t : terms.values()) {
                    cost += t.size();
                }
                if (dry) {
                    for (int q = 0; q < tuples; q++) {
                        slots[q] = --temporary;
                    }
                } else {
                    for (int q = 0; q < tuples; q++) {
                        slots[q] = nextSlot++;
                        Map<Long, Integer> t = terms.get(q);
                        if (t == null) {
                            throw new IllegalStateException("empty component " + q + " of a partial contraction");
                        }
                        for (Map.Entry<Long, Integer> x : t.entrySet()) {
                            int i = (int) (x.getKey() >> 32), j = (int) (long) x.getKey();
                            times.add(new int[]{i, j, x.getValue(), slots[q]});
                        }
                    }
                }
                w = new Partial(destSizes, slots);
                if (!dry) {
                    partials.put(key, w);
                }
            }
            return cost;
        }

        private static int tupleCount(int[] sizes) {
            int n = 1;
            for (int s : sizes) {
                n *= MONOMIALS[s].length;
            }
            return n;
        }

        private static void addTerm(Map<Integer, Map<Long, Integer>> terms, int target, int i, int j, int mult) {
            int lo = Math.min(i, j), hi = Math.max(i, j);
            long pair = ((long) lo << 32) | (hi & 0xffffffffL);
            terms.computeIfAbsent(target, x -> new LinkedHashMap<>()).merge(pair, mult, Integer::sum);
        }

        /** Later factors (positions ≥ from in order p) that receive indices from the factors before {@code upTo}. */
        private static int[] dests(int[][] e, int[] p, int upTo, int from, int extra) {
            List<Integer> out = new ArrayList<>();
            for (int d = from; d < p.length; d++) {
                int total = 0;
                for (int a = 0; a < upTo; a++) {
                    total += e[p[a]][p[d]];
                }
                if (extra >= 0) {
                    total += e[p[extra]][p[d]];
                }
                if (total > 0) {
                    out.add(d);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Ŵ of the first two factors; returns the destination sizes. */
        private int[] firstStep(int[] labels, int[][] e, int[] p, Map<Integer, Map<Long, Integer>> terms) {
            int va = p[0], vb = p[1];
            int ma = labels[va], mb = labels[vb];
            int eab = e[va][vb];
            int[] dest = dests(e, p, 2, 2, -1);
            int nd = dest.length;
            int[] ea = new int[nd], eb = new int[nd], sizes = new int[nd];
            for (int q = 0; q < nd; q++) {
                ea[q] = e[va][p[dest[q]]];
                eb[q] = e[vb][p[dest[q]]];
                sizes[q] = ea[q] + eb[q];
            }
            int[] s = new int[3];
            for (int si = 0; si < MONOMIALS[eab].length; si++) {
                int[] sm = MONOMIALS[eab][si];
                int ms = MULTINOMIAL[eab][si];
                firstSplits(ma, mb, ea, eb, sizes, 0, sm.clone(), sm.clone(), ms, new int[nd][], terms);
            }
            return sizes;
        }

        private void firstSplits(int ma, int mb, int[] ea, int[] eb, int[] sizes, int q, int[] monoA, int[] monoB,
                                 int mult, int[][] u, Map<Integer, Map<Long, Integer>> terms) {
            if (q == sizes.length) {
                int slotA = basicSlot[ma][index(monoA)];
                int slotB = basicSlot[mb][index(monoB)];
                addTerm(terms, tupleIndex(sizes, u), slotA, slotB, mult);
                return;
            }
            for (int wa = 0; wa < MONOMIALS[ea[q]].length; wa++) {
                int[] wA = MONOMIALS[ea[q]][wa];
                for (int wb = 0; wb < MONOMIALS[eb[q]].length; wb++) {
                    int[] wB = MONOMIALS[eb[q]][wb];
                    int[] na = add(monoA, wA), nb = add(monoB, wB);
                    u[q] = add(wA, wB);
                    firstSplits(ma, mb, ea, eb, sizes, q + 1, na, nb,
                            mult * MULTINOMIAL[ea[q]][wa] * MULTINOMIAL[eb[q]][wb], u, terms);
                }
            }
        }

        /** Ŵ' after contracting factor p[m−1] with Ŵ (the partial of the first m−1 factors). */
        private int[] nextStep(int[] labels, int[][] e, int[] p, int m, Partial w,
                               Map<Integer, Map<Long, Integer>> terms) {
            int c = m - 1; // position of the new factor
            int vc = p[c], mc = labels[vc];
            int[] oldDest = dests(e, p, c, c, -1); // includes c itself (first)
            if (oldDest.length == 0 || oldDest[0] != c) {
                throw new IllegalStateException("contraction order is not connected");
            }
            int[] newDest = dests(e, p, c, m, c);
            int nn = newDest.length;
            int[] newSizes = new int[nn];
            int[] fromC = new int[nn];
            int[] oldPos = new int[nn]; // position of the destination in oldDest, −1 when new
            for (int q = 0; q < nn; q++) {
                fromC[q] = e[vc][p[newDest[q]]];
                oldPos[q] = -1;
                for (int r = 0; r < oldDest.length; r++) {
                    if (oldDest[r] == newDest[q]) {
                        oldPos[q] = r;
                    }
                }
                newSizes[q] = fromC[q] + (oldPos[q] >= 0 ? w.destSizes[oldPos[q]] : 0);
            }
            int[] oldSizes = w.destSizes;
            int tuples = tupleCount(oldSizes);
            int[][] u = new int[oldSizes.length][];
            for (int t = 0; t < tuples; t++) {
                decode(oldSizes, t, u);
                int wSlot = w.slots[t];
                nextSplits(mc, fromC, oldPos, newSizes, 0, u[0].clone(), 1, u, new int[nn][], wSlot, terms);
            }
            return newSizes;
        }

        private void nextSplits(int mc, int[] fromC, int[] oldPos, int[] newSizes, int q, int[] monoC, int mult,
                                int[][] u, int[][] unew, int wSlot, Map<Integer, Map<Long, Integer>> terms) {
            if (q == newSizes.length) {
                int slotC = basicSlot[mc][index(monoC)];
                addTerm(terms, tupleIndex(newSizes, unew), wSlot, slotC, mult);
                return;
            }
            for (int wi = 0; wi < MONOMIALS[fromC[q]].length; wi++) {
                int[] wq = MONOMIALS[fromC[q]][wi];
                unew[q] = oldPos[q] >= 0 ? add(u[oldPos[q]], wq) : wq;
                nextSplits(mc, fromC, oldPos, newSizes, q + 1, add(monoC, wq), mult * MULTINOMIAL[fromC[q]][wi], u,
                        unew, wSlot, terms);
            }
        }

        private static int[] add(int[] x, int[] y) {
            return new int[]{x[0] + y[0], x[1] + y[1], x[2] + y[2]};
        }

        private static int index(int[] mono) {
            return MONO_INDEX[mono[0] + mono[1] + mono[2]][mono[0]][mono[1]];
        }

        /** Mixed-radix index of a tuple of monomials (first destination most significant). */
        private static int tupleIndex(int[] sizes, int[][] u) {
            int t = 0;
            for (int q = 0; q < sizes.length; q++) {
                t = t * MONOMIALS[sizes[q]].length + index(u[q]);
            }
            return t;
        }

        private static void decode(int[] sizes, int t, int[][] u) {
            for (int q = sizes.length - 1; q >= 0; q--) {
                int n = MONOMIALS[sizes[q]].length;
                u[q] = MONOMIALS[sizes[q]][t % n];
                t /= n;
            }
        }
    }
}
