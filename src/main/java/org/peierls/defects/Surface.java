package org.peierls.defects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.peierls.atoms.Cell;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;

/**
 * Slabs bounded by two parallel crystal planes, with vacuum. The slab is cut from an
 * {@link OrientedCrystal} whose z axis is the surface normal: layers are the distinct atomic
 * heights, and a termination is the layer the slab starts from.
 *
 * <p>Surface energy from the slab: γ = (E_slab − N·ε_bulk) / (2·area).</p>
 */
public final class Surface {

    private Surface() {
    }

    /**
     * The (hkl) slab of a cubic crystal with in-plane axes from {@link PlaneAxes}, starting at
     * layer 0 of the oriented cell, one in-plane cell.
     *
     * @param hkl    Miller indices of the surface plane
     * @param layers number of atomic layers (≥ 1)
     * @param vacuum Å (≥ 0)
     */
    public static Slab cubic(LatticeType type, String[] elements, double a, int[] hkl, int layers, double vacuum) {
        return slab(OrientedCrystal.forPlane(type, elements, a, hkl), layers, vacuum, 0, 1, 1);
    }

    /**
     * The (hkl) slab of a cubic crystal at least {@code thickness} Å thick between its outer layer
     * planes ({@link #layersFor}), starting at layer 0.
     */
    public static Slab cubicWithThickness(LatticeType type, String[] elements, double a, int[] hkl, double thickness, double vacuum) {
        OrientedCrystal crystal = OrientedCrystal.forPlane(type, elements, a, hkl);
        return slab(crystal, layersFor(crystal, thickness), vacuum, 0, 1, 1);
    }

    /**
     * A slab of {@code layers} consecutive atomic layers of {@code crystal}, the bottom one being
     * layer {@code start} of a period, repeated nx × ny in the plane.
     *
     * @throws IllegalArgumentException for layers &lt; 1, negative vacuum or repeats &lt; 1
     */
    public static Slab slab(OrientedCrystal crystal, int layers, double vacuum, int start, int nx, int ny) {
        if (layers < 1) {
            throw new IllegalArgumentException("a slab needs at least 1 layer, got " + layers);
        }
        if (!(vacuum >= 0) || !Double.isFinite(vacuum)) {
            throw new IllegalArgumentException("vacuum must be ≥ 0 Å, got " + vacuum);
        }
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("in-plane repeats must be ≥ 1, got " + nx + "×" + ny);
        }
        Structure unit = crystal.cell();
        double[] len = crystal.lengths();
        double[] h = crystal.layerHeights();
        int p = h.length;
        int s0 = Math.floorMod(start, p);
        int n = unit.size();
        int[] layerOf = new int[n];
        double[] zWrapped = new double[n];
        for (int i = 0; i < n; i++) {
            double z = unit.position(i, 2);
            if (z >= len[2] - OrientedCrystal.LAYER_TOLERANCE) {
                z -= len[2];
            }
            zWrapped[i] = z;
            layerOf[i] = layerIndex(h, z);
        }
        double zBottom = h[s0];
        List<double[]> xs = new ArrayList<>();
        List<Integer> zs = new ArrayList<>();
        List<Double> ms = new ArrayList<>();
        int[] perLayer = new int[layers];
        String[] formula = new String[layers];
        for (int k = 0; k < layers; k++) {
            int g = s0 + k;
            int l = g % p;
            double shift = (g / p) * len[2];
            int[] counts = new int[119];
            for (int i = 0; i < n; i++) {
                if (layerOf[i] != l) {
                    continue;
                }
                for (int ix = 0; ix < nx; ix++) {
                    for (int iy = 0; iy < ny; iy++) {
                        xs.add(new double[]{unit.position(i, 0) + ix * len[0], unit.position(i, 1) + iy * len[1],
                                            zWrapped[i] + shift - zBottom + 0.5 * vacuum});
                        zs.add(unit.number(i));
                        ms.add(unit.mass(i));
                        perLayer[k]++;
                    }
                }
                counts[unit.number(i)]++;
            }
            formula[k] = formula(counts);
        }
        double thickness = layers == 1 ? 0 : height(h, s0 + layers - 1, len[2]) - zBottom;
        int m = xs.size();
        int[] numbers = new int[m];
        double[] x = new double[3 * m];
        double[] masses = new double[m];
        for (int i = 0; i < m; i++) {
            numbers[i] = zs.get(i);
            masses[i] = ms.get(i);
            System.arraycopy(xs.get(i), 0, x, 3 * i, 3);
        }
        double lz = thickness + vacuum;
        if (lz <= 0) {
            throw new IllegalArgumentException("a one-layer slab needs vacuum > 0 for its cell height");
        }
        Cell cell = Cell.orthorhombic(nx * len[0], ny * len[1], lz);
        Structure s = new Structure(cell, numbers, x, masses, null)
                .withInfo("surface_normal", crystal.zLabel())
                .withInfo("layers", layers);
        double gapBottom = layers > 1 ? height(h, s0 + 1, len[2]) - zBottom : 0;
        double gapTop = layers > 1 ? height(h, s0 + layers - 1, len[2]) - height(h, s0 + layers - 2, len[2]) : 0;
        return new Slab(s, crystal, layers, perLayer, s0, thickness, vacuum, nx * len[0] * ny * len[1],
                        gapBottom, gapTop, formula[0], formula[layers - 1]);
    }

    /**
     * One slab per distinct termination: slabs starting at every layer of a period, keeping the
     * first of each set whose two surfaces (layer composition and spacing to the next layer,
     * either surface first) are alike. E.g. bcc (110): 1 slab; B2 (100) with an odd number of
     * layers: the A- and the B-terminated slab; diamond (111): the shuffle (wide-gap) and the
     * glide (narrow-gap) cut.
     */
    public static List<Slab> terminations(OrientedCrystal crystal, int layers, double vacuum) {
        int p = crystal.layersPerPeriod();
        List<Slab> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int s = 0; s < p; s++) {
            Slab slab = slab(crystal, layers, vacuum, s, 1, 1);
            String bottom = slab.bottomFormula() + String.format(Locale.ROOT, "@%.6f", slab.bottomGap());
            String top = slab.topFormula() + String.format(Locale.ROOT, "@%.6f", slab.topGap());
            String key = bottom.compareTo(top) <= 0 ? bottom + "|" + top : top + "|" + bottom;
            if (seen.add(key)) {
                out.add(slab);
            }
        }
        return out;
    }

    /** {@link #terminations(OrientedCrystal, int, double)} for the (hkl) plane of a cubic crystal. */
    public static List<Slab> terminations(LatticeType type, String[] elements, double a, int[] hkl, int layers, double vacuum) {
        return terminations(OrientedCrystal.forPlane(type, elements, a, hkl), layers, vacuum);
    }

    /**
     * The smallest number of layers whose slab (from layer 0) is at least {@code thickness} Å
     * thick between its outer layer planes.
     */
    public static int layersFor(OrientedCrystal crystal, double thickness) {
        double[] h = crystal.layerHeights();
        double lz = crystal.lengths()[2];
        int k = 1;
        while (height(h, k - 1, lz) - h[0] < thickness - 1e-9) {
            k++;
        }
        return k;
    }

    /** Height of global layer g (layer g mod p of period g / p), Å. */
    static double height(double[] h, int g, double lz) {
        int p = h.length;
        return h[g % p] + (g / p) * lz;
    }

    private static int layerIndex(double[] h, double z) {
        for (int l = 0; l < h.length; l++) {
            if (Math.abs(h[l] - z) <= OrientedCrystal.LAYER_TOLERANCE) {
                return l;
            }
        }
        throw new IllegalStateException("atom at z = " + z + " is in no layer " + Arrays.toString(h));
    }

    private static String formula(int[] counts) {
        // alphabetical element symbols, counts omitted (a layer's chemistry, not its size)
        List<String> symbols = new ArrayList<>();
        for (int z = 1; z < counts.length; z++) {
            if (counts[z] > 0) {
                symbols.add(org.peierls.atoms.Element.symbol(z));
            }
        }
        symbols.sort(null);
        return String.join("", symbols);
    }
}
