package org.peierls.descriptor;

/**
 * Index tables of the bispectrum for one {@code twojmax} = J, built once and shared.
 *
 * <p><b>U layout.</b> The hyperspherical harmonics u^j (j = 0…J in doubled units) are
 * (j+1)×(j+1) complex matrices stored row after row: element (row mb, column ma) of layer j is
 * at {@code uBlock[j] + mb·(j+1) + ma}; {@link #uSize} elements in all. They obey
 * u^j[j−mb][j−ma] = (−1)^(ma+mb) conj(u^j[mb][ma]), so only the rows mb ≤ j/2 are independent
 * (the "half"); sums over the half use the weights {@link #halfWeight} (1 for 2mb &lt; j; for the
 * middle row of even j: 1 left of the diagonal, ½ on it, 0 right of it).</p>
 *
 * <p><b>Z list.</b> Z_{j1 j2 j} = Σ C C u^{j1} u^{j2} (Thompson et al., J. Comput. Phys. 285, 316
 * (2015), eq. 11) for every triangle-valid triple j1 ≥ j2, |j1−j2| ≤ j ≤ min(J, j1+j2),
 * j1+j2+j even, and every half element (mb ≤ j/2, all ma) of layer j; entry {@code z} of the list
 * sums the products u^{j1}[mb1][ma1]·u^{j2}[mb2][ma2] with mb1 = zMb1Min+ib, mb2 = zMb2Max−ib
 * (ib &lt; zNb) and ma1 = zMa1Min+ia, ma2 = zMa2Max−ia (ia &lt; zNa), weighted by the
 * Clebsch–Gordan coefficients {@link #cg} of the block {@code zCg}. The kernels use the same
 * sums flattened ({@link #zTerm}, {@link #termU1}, {@link #termU2}, {@link #termCg}: one product
 * of two U elements and one coefficient per term, equal pairs merged). {@link #zU} is the
 * compact-layout element of layer j that entry z belongs to.</p>
 *
 * <p><b>Compact layout.</b> Per-neighbor and per-atom arrays keep only the rows mb ≤ j/2 of each
 * layer, plus, for odd j &lt; J, the row (j+1)/2 that the recursion of layer j+1 reads
 * ({@link #cBlock}, {@link #cRows}, {@link #cSize}); within a layer the rows are laid out as in
 * the full layout.</p>
 *
 * <p><b>B list.</b> The independent bispectrum components are the triples with j ≥ j1 ≥ j2,
 * ordered j1, then j2, then j ascending — LAMMPS's order, that of the coefficients in a
 * {@code .snapcoeff} file.</p>
 */
final class BispectrumIndex {

    final int twojmax;
    final int uSize;
    final int[] uBlock;
    /** Weight of each U element in a sum over the independent half (0 outside it) {@code [uSize]}. */
    final double[] halfWeight;
    /** Number of U elements in the rows mb ≤ j/2 of every layer (the half, middle rows whole). */
    final int halfSize;

    // Z list
    final int zSize;
    final int[] zJ1, zJ2, zJ, zMa1Min, zMa2Max, zNa, zMb1Min, zMb2Max, zNb, zCg, zU;
    /** First Z entry of triple (j1 ≥ j2, j): {@code zBlock[(j1·(J+1)+j2)·(J+1)+j]}, −1 when invalid. */
    final int[] zBlock;

    // B list
    final int bSize;
    final int[] bJ1, bJ2, bJ;
    /** Block index of each B triple into {@link #bBlock}-style 3-d tables. */
    final int[] bBlock;

    // Clebsch–Gordan coefficients, block per (j1, j2, j): (j1+1)·(j2+1) entries, m1-major
    final double[] cg;
    final int[] cgBlock;

    /** sqrt(p/q) for 1 ≤ p, q ≤ J+1 (recursion coefficients): {@code rootPq[p·(J+2)+q]}. */
    final double[] rootPq;

    // Flattened Z terms: Z_z = Σ_{t ∈ [zTerm[z], zTerm[z+1])} termCg[t]·U[termU1[t]]·U[termU2[t]]
    // (full U layout; termCg = product of the two Clebsch–Gordan coefficients)
    final int[] zTerm;
    final int[] termU1, termU2;
    final double[] termCg;

    // Compact half layout: layer j keeps rows 0 … cRows[j]−1 (the half, plus for odd j the row
    // (j+1)/2 that the recursion for layer j+1 reads), contiguous, at cBlock[j].
    final int[] cBlock;
    final int[] cRows;
    final int cSize;
    /** {@link #halfWeight} in the compact layout (0 on the extra rows) {@code [cSize]}. */
    final double[] cWeight;
    /** Layer j of each compact element {@code [cSize]}. */
    final int[] cLayer;
    /** Column ma of each compact element {@code [cSize]}. */
    final int[] cColumn;

    BispectrumIndex(int twojmax) {
        if (twojmax < 0 || twojmax > 40) {
            throw new IllegalArgumentException("twojmax must be in 0…40, got " + twojmax);
        }
        this.twojmax = twojmax;
        int jn = twojmax + 1;

        uBlock = new int[jn];
        int count = 0;
        for (int j = 0; j <= twojmax; j++) {
            uBlock[j] = count;
            count += (j + 1) * (j + 1);
        }
        uSize = count;
        halfWeight = new double[uSize];
        int half = 0;
        for (int j = 0; j <= twojmax; j++) {
            for (int mb = 0; 2 * mb <= j; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    double w;
                    if (2 * mb < j) {
                        w = 1.0;
                    } else {
                        w = ma < mb ? 1.0 : (ma == mb ? 0.5 : 0.0);
                    }
                    halfWeight[uBlock[j] + mb * (j + 1) + ma] = w;
                    half++;
                }
            }
        }
        halfSize = half;

        // Clebsch-Gordan blocks
        cgBlock = new int[jn * jn * jn];
        java.util.Arrays.fill(cgBlock, -1);
        int cgCount = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    cgBlock[block(j1, j2, j)] = cgCount;
                    cgCount += (j1 + 1) * (j2 + 1);
                }
            }
        }
        cg = new double[cgCount];
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    int at = cgBlock[block(j1, j2, j)];
                    for (int m1 = 0; m1 <= j1; m1++) {
                        int aa2 = 2 * m1 - j1;
                        for (int m2 = 0; m2 <= j2; m2++) {
                            int bb2 = 2 * m2 - j2;
                            int m = (aa2 + bb2 + j) / 2;
                            cg[at++] = m < 0 || m > j ? 0.0 : ClebschGordan.coefficient(j1, aa2, j2, bb2, j, aa2 + bb2);
                        }
                    }
                }
            }
        }

        // B list
        int nb = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    if (j >= j1) {
                        nb++;
                    }
                }
            }
        }
        bSize = nb;
        bJ1 = new int[nb];
        bJ2 = new int[nb];
        bJ = new int[nb];
        bBlock = new int[jn * jn * jn];
        java.util.Arrays.fill(bBlock, -1);
        nb = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    if (j >= j1) {
                        bJ1[nb] = j1;
                        bJ2[nb] = j2;
                        bJ[nb] = j;
                        bBlock[block(j1, j2, j)] = nb;
                        nb++;
                    }
                }
            }
        }

        // Z list
        int nz = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    nz += (j / 2 + 1) * (j + 1);
                }
            }
        }
        zSize = nz;
        zJ1 = new int[nz];
        zJ2 = new int[nz];
        zJ = new int[nz];
        zMa1Min = new int[nz];
        zMa2Max = new int[nz];
        zNa = new int[nz];
        zMb1Min = new int[nz];
        zMb2Max = new int[nz];
        zNb = new int[nz];
        zCg = new int[nz];
        zU = new int[nz];
        zBlock = new int[jn * jn * jn];
        java.util.Arrays.fill(zBlock, -1);
        nz = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    zBlock[block(j1, j2, j)] = nz;
                    for (int mb = 0; 2 * mb <= j; mb++) {
                        for (int ma = 0; ma <= j; ma++) {
                            // m1 + m2 = m + (j1 + j2 - j)/2 in 0-based projections; ranges clipped to [0, j1] x [0, j2]
                            int ma1min = Math.max(0, (2 * ma - j - j2 + j1) / 2);
                            int mb1min = Math.max(0, (2 * mb - j - j2 + j1) / 2);
                            zJ1[nz] = j1;
                            zJ2[nz] = j2;
                            zJ[nz] = j;
                            zMa1Min[nz] = ma1min;
                            zMa2Max[nz] = (2 * ma - j - (2 * ma1min - j1) + j2) / 2;
                            zNa[nz] = Math.min(j1, (2 * ma - j + j2 + j1) / 2) - ma1min + 1;
                            zMb1Min[nz] = mb1min;
                            zMb2Max[nz] = (2 * mb - j - (2 * mb1min - j1) + j2) / 2;
                            zNb[nz] = Math.min(j1, (2 * mb - j + j2 + j1) / 2) - mb1min + 1;
                            zCg[nz] = cgBlock[block(j1, j2, j)];
                            zU[nz] = uBlock[j] + (j + 1) * mb + ma; // moved to the compact layout below
                            nz++;
                        }
                    }
                }
            }
        }

        cBlock = new int[jn];
        cRows = new int[jn];
        int cc = 0;
        for (int j = 0; j <= twojmax; j++) {
            cBlock[j] = cc;
            cRows[j] = (j % 2 == 0 || j == twojmax) ? j / 2 + 1 : (j + 3) / 2;
            cc += cRows[j] * (j + 1);
        }
        cSize = cc;
        cWeight = new double[cSize];
        cLayer = new int[cSize];
        cColumn = new int[cSize];
        for (int j = 0; j <= twojmax; j++) {
            for (int mb = 0; mb < cRows[j]; mb++) {
                for (int ma = 0; ma <= j; ma++) {
                    int q = cBlock[j] + mb * (j + 1) + ma;
                    cLayer[q] = j;
                    cColumn[q] = ma;
                    cWeight[q] = 2 * mb <= j ? halfWeight[uBlock[j] + mb * (j + 1) + ma] : 0.0;
                }
            }
        }
        for (int z = 0; z < zSize; z++) {
            int j = zJ[z];
            zU[z] = zU[z] - uBlock[j] + cBlock[j];
        }

        // Terms whose two factors are the same pair of U elements (j1 = j2, swapped factors) are
        // merged by adding their coefficients: 22 % fewer terms at 2J = 6, 18 % at 2J = 8.
        zTerm = new int[zSize + 1];
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        java.util.List<Double> coefs = new java.util.ArrayList<>();
        java.util.Map<Long, Integer> slot = new java.util.HashMap<>();
        for (int z = 0; z < zSize; z++) {
            int j1 = zJ1[z], j2 = zJ2[z];
            slot.clear();
            int start = pairs.size();
            for (int ib = 0; ib < zNb[z]; ib++) {
                int mb1 = zMb1Min[z] + ib, mb2 = zMb2Max[z] - ib;
                double cgb = cg[zCg[z] + mb1 * (j2 + 1) + mb2];
                for (int ia = 0; ia < zNa[z]; ia++) {
                    int ma1 = zMa1Min[z] + ia, ma2 = zMa2Max[z] - ia;
                    int u1 = uBlock[j1] + mb1 * (j1 + 1) + ma1;
                    int u2 = uBlock[j2] + mb2 * (j2 + 1) + ma2;
                    double c = cgb * cg[zCg[z] + ma1 * (j2 + 1) + ma2];
                    long key = (long) Math.min(u1, u2) << 32 | Math.max(u1, u2);
                    Integer at = slot.get(key);
                    if (at == null) {
                        slot.put(key, pairs.size());
                        pairs.add(new int[]{u1, u2});
                        coefs.add(c);
                    } else {
                        coefs.set(at, coefs.get(at) + c);
                    }
                }
            }
            // drop coefficients that vanish (Clebsch-Gordan zeros, cancelling pairs)
            int keep = start;
            for (int q = start; q < pairs.size(); q++) {
                if (Math.abs(coefs.get(q)) > 1e-14) {
                    pairs.set(keep, pairs.get(q));
                    coefs.set(keep, coefs.get(q));
                    keep++;
                }
            }
            while (pairs.size() > keep) {
                pairs.remove(pairs.size() - 1);
                coefs.remove(coefs.size() - 1);
            }
            zTerm[z + 1] = pairs.size();
        }
        int nt = pairs.size();
        termU1 = new int[nt];
        termU2 = new int[nt];
        termCg = new double[nt];
        for (int t = 0; t < nt; t++) {
            termU1[t] = pairs.get(t)[0];
            termU2[t] = pairs.get(t)[1];
            termCg[t] = coefs.get(t);
        }

        rootPq = new double[(twojmax + 2) * (twojmax + 2)];
        for (int p = 1; p <= twojmax + 1; p++) {
            for (int q = 1; q <= twojmax + 1; q++) {
                rootPq[p * (twojmax + 2) + q] = Math.sqrt((double) p / q);
            }
        }
    }

    /**
     * Component of β that carries Z entry {@code z} into the adjoint array Y
     * (Y_j = Σ weight·β·Z_{j1 j2 j}): every triple (j1, j2, j) of the Z list is a permutation of
     * one B triple (j' ≥ j1' ≥ j2'), because B_{j1 j2 j} depends on u^{j1} and u^{j2} through
     * Z_{j j2 j1} and Z_{j j1 j2} (Thompson et al. (2015), eq. 12).
     */
    int[] adjointComponents() {
        int[] comp = new int[zSize];
        for (int z = 0; z < zSize; z++) {
            int j1 = zJ1[z], j2 = zJ2[z], j = zJ[z];
            if (j >= j1) {
                comp[z] = bBlock[block(j1, j2, j)];
            } else if (j >= j2) {
                comp[z] = bBlock[block(j, j2, j1)];
            } else {
                comp[z] = bBlock[block(j2, j, j1)];
            }
            if (comp[z] < 0) {
                throw new IllegalStateException("no B triple for Z triple " + j1 + " " + j2 + " " + j);
            }
        }
        return comp;
    }

    /**
     * Weight of Z entry {@code z} in Y (see {@link #adjointComponents}): the factors (j+1)/(j1+1)
     * of the symmetry relation (1 with bnorm), times 2 or 3 when indices coincide and one Z
     * stands for two or three terms of dB.
     */
    double[] adjointWeights(boolean bnorm) {
        double[] weight = new double[zSize];
        for (int z = 0; z < zSize; z++) {
            int j1 = zJ1[z], j2 = zJ2[z], j = zJ[z];
            if (j >= j1) {
                weight[z] = j1 == j ? (j2 == j ? 3.0 : 2.0) : 1.0;
            } else if (j >= j2) {
                weight[z] = (j2 == j ? 2.0 : 1.0) * (bnorm ? 1.0 : (j1 + 1) / (j + 1.0));
            } else {
                weight[z] = bnorm ? 1.0 : (j1 + 1) / (j + 1.0);
            }
        }
        return weight;
    }

    /** Flat index of a (j1, j2, j) triple in the 3-d block tables. */
    int block(int j1, int j2, int j) {
        return (j1 * (twojmax + 1) + j2) * (twojmax + 1) + j;
    }

    /** sqrt(p/q), 1 ≤ p, q ≤ J+1. */
    double rootPq(int p, int q) {
        return rootPq[p * (twojmax + 2) + q];
    }

    /** Number of bispectrum components for {@code twojmax} (30 for J = 6, 55 for J = 8). */
    static int componentCount(int twojmax) {
        int n = 0;
        for (int j1 = 0; j1 <= twojmax; j1++) {
            for (int j2 = 0; j2 <= j1; j2++) {
                for (int j = j1 - j2; j <= Math.min(twojmax, j1 + j2); j += 2) {
                    if (j >= j1) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
