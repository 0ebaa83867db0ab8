package org.peierls.sim.neb;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.optim.Minimizer;
import org.peierls.sim.ForceField;
import org.peierls.sim.min.AtomsMinimizable;
import org.peierls.sim.min.DofMask;
import org.peierls.util.InputException;

/**
 * NEB for atomic structures: images interpolated between two end states at a fixed cell, each
 * relaxed as an {@link AtomsMinimizable} (frozen atoms from the initial structure's
 * {@code move_mask}), the band relaxed by {@link Neb}.
 */
public final class AtomisticNeb {
    private AtomisticNeb() {
    }

    /**
     * The relaxed band.
     *
     * @param neb    energies, reaction coordinate, barrier
     * @param images every image as a structure, end points included
     */
    public record Result(NebResult neb, List<Structure> images) {
        /** The highest image (the saddle point estimate when climbing). */
        public Structure saddle() {
            return images.get(neb.saddleImage());
        }
    }

    /**
     * Checks that two end states can be joined: same number of atoms, same element at every
     * index, same cell.
     *
     * @throws InputException naming the first difference
     */
    public static void checkCompatible(Structure initial, Structure fin) {
        if (initial.size() != fin.size()) {
            throw new InputException("NEB end states differ in atom count: initial has " + initial.size()
                    + " atoms, final has " + fin.size());
        }
        for (int i = 0; i < initial.size(); i++) {
            if (initial.number(i) != fin.number(i)) {
                throw new InputException("NEB end states differ at atom " + i + ": " + initial.symbol(i) + " in the initial state, "
                        + fin.symbol(i) + " in the final (atoms must be listed in the same order)");
            }
        }
        double[] a = initial.cell().matrix();
        double[] b = fin.cell().matrix();
        for (int k = 0; k < 9; k++) {
            if (Math.abs(a[k] - b[k]) > 1e-6 * Math.max(1, Math.abs(a[k]))) {
                throw new InputException("NEB end states have different cells: " + java.util.Arrays.toString(a) + " and "
                        + java.util.Arrays.toString(b));
            }
        }
    }

    /**
     * {@code images} structures evenly spaced between the end states (end points included, so
     * {@code images + 2} in all): x_k = x_A + (k/(M+1)) · mic(x_B − x_A), with the minimum-image
     * displacement of every atom ({@link Cell#minimumImage}).
     */
    public static List<Structure> interpolate(Structure initial, Structure fin, int images) {
        checkCompatible(initial, fin);
        if (images < 1) {
            throw new InputException("NEB needs at least 1 image between the end points, got " + images);
        }
        Cell cell = initial.cell();
        double[] a = initial.positions();
        double[] b = fin.positions();
        double[] d = new double[a.length];
        double[] v = new double[3];
        for (int i = 0; i < initial.size(); i++) {
            for (int k = 0; k < 3; k++) {
                v[k] = b[3 * i + k] - a[3 * i + k];
            }
            cell.minimumImage(v);
            System.arraycopy(v, 0, d, 3 * i, 3);
        }
        List<Structure> out = new ArrayList<>();
        for (int m = 0; m <= images + 1; m++) {
            double t = (double) m / (images + 1);
            double[] x = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                x[k] = a[k] + t * d[k];
            }
            out.add(initial.withPositions(x).withInfo("neb_image", m));
        }
        return out;
    }

    /** Interpolates {@link NebOptions#images()} images and relaxes the band. */
    public static Result run(Structure initial, Structure fin, ForceField forceField, NebOptions options, Minimizer.Listener listener) {
        return run(interpolate(initial, fin, options.images()), forceField, options, listener);
    }

    /**
     * Relaxes a band given as all its images (end points first and last), e.g. from a checkpoint.
     */
    public static Result run(List<Structure> band, ForceField forceField, NebOptions options, Minimizer.Listener listener) {
        if (band.size() != options.images() + 2) {
            throw new InputException("band has " + band.size() + " structures, expected " + (options.images() + 2)
                    + " (" + options.images() + " images and two end points)");
        }
        checkCompatible(band.get(0), band.get(band.size() - 1));
        DofMask mask = DofMask.of(band.get(0));
        List<AtomsMinimizable> images = new ArrayList<>();
        for (Structure s : band) {
            checkCompatible(band.get(0), s);
            images.add(new AtomsMinimizable(s, forceField, mask));
        }
        NebResult r = Neb.run(images, options, listener);
        List<Structure> structures = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            structures.add(images.get(i).structureAt(r.points().get(i)).withInfo("neb_image", i));
        }
        return new Result(r, structures);
    }

    /**
     * The band's structures at band vector {@code x} (as a {@link Minimizer.Listener} sees it
     * during {@link #run}): the end points of {@code band} and the interior images' free
     * components taken from x. For checkpoints.
     */
    public static List<Structure> imagesAt(List<Structure> band, double[] x) {
        DofMask mask = DofMask.of(band.get(0));
        int[] free = mask.freeIndices();
        List<Structure> out = new ArrayList<>();
        out.add(band.get(0));
        for (int i = 1; i < band.size() - 1; i++) {
            double[] pos = band.get(i).positions();
            int o = (i - 1) * free.length;
            for (int k = 0; k < free.length; k++) {
                pos[free[k]] = x[o + k];
            }
            out.add(band.get(i).withPositions(pos));
        }
        out.add(band.get(band.size() - 1));
        return out;
    }
}
