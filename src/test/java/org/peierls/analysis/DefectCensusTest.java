package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.Dislocation;
import org.peierls.defects.GrainBoundary;
import org.peierls.defects.PointDefects;
import org.peierls.defects.ScrewQuadrupole;
import org.peierls.defects.TiltGrainBoundary;

/**
 * The defect census on configurations whose defects are known by construction: vacancies and an
 * interstitial counted by Wigner–Seitz against the perfect lattice (exact integers), a periodic
 * bicrystal's two boundaries as planar clusters of the built boundary area, a screw dipole's two
 * cores as lines of the cell's length along the line, a slab's two surfaces.
 */
class DefectCensusTest {

    private static StructureType[] ptm(Structure s) {
        return PolyhedralTemplateMatching.compute(s).types();
    }

    @Test
    void vacanciesAndInterstitialsAreCountedAgainstTheReference() {
        double a = 3.615;
        Structure perfect = PointDefects.supercell(LatticeType.FCC, "Cu", a, 5);
        boolean[] keep = new boolean[perfect.size()];
        Arrays.fill(keep, true);
        for (double[] f : new double[][]{{0.1, 0.1, 0.1}, {0.6, 0.6, 0.1}, {0.35, 0.35, 0.6}}) {   // three vacancies, far apart
            keep[org.peierls.atoms.Distances.nearestAtom(perfect, perfect.cell().toCartesian(f))] = false;
        }
        Structure vac = perfect.select(keep);
        DefectCensus.Result r = DefectCensus.compute(vac, ptm(vac), perfect);
        assertEquals(3, r.vacancies());
        assertEquals(0, r.interstitials());
        assertEquals(0, r.surfaceAtoms());
        assertEquals(3, r.clusters().stream().filter(c -> c.dimension() == 0).count(), "three point-defect clusters: " + r.clusters());
        // an atom in an octahedral hole: one interstitial, no vacancy
        double[] x = Arrays.copyOf(perfect.positions(), 3 * perfect.size() + 3);
        x[x.length - 3] = a / 2;
        x[x.length - 2] = a / 2;
        x[x.length - 1] = a / 2 + 2 * a;
        int[] z = Arrays.copyOf(perfect.numbers(), perfect.size() + 1);
        z[z.length - 1] = 29;
        Structure inter = new Structure(perfect.cell(), z, x);
        DefectCensus.Result ri = DefectCensus.compute(inter, ptm(inter), perfect);
        assertEquals(0, ri.vacancies());
        assertEquals(1, ri.interstitials());
        // the structure strained by 1 %: sites are matched at fixed fractional coordinates
        Structure strained = vac.withCellScaled(vac.cell().scaled(1.01));
        assertEquals(3, DefectCensus.compute(strained, ptm(strained), perfect).vacancies());
    }

    @Test
    void grainBoundariesArePlanarClustersOfTheirArea() {
        GrainBoundary gb = TiltGrainBoundary.symmetric(LatticeType.FCC, "Cu", 3.615, "[001]", "(310)").grainThickness(15).build();
        DefectCensus.Result r = DefectCensus.compute(gb.structure(), ptm(gb.structure()), null);
        assertEquals(2, r.clusters().stream().filter(c -> c.dimension() == 2).count(), "two boundaries: " + r.clusters());
        for (DefectCensus.Cluster c : r.clusters()) {
            if (c.dimension() == 2) {
                assertEquals(gb.area(), c.area(), 1e-6 * gb.area(), "boundary area");
            }
        }
        assertEquals(-1, r.vacancies());
    }

    @Test
    void screwCoresAreLinesThreadingTheCell() {
        Dislocation d = ScrewQuadrupole.bcc("Fe", BccScrew.A_FE, BccScrew.FE_ANISO, 3, 5, 3, CoreType.EASY);
        Structure s = d.structure();
        DefectCensus.Result r = DefectCensus.compute(s, ptm(s), null);
        double lz = s.cell().norm(2);
        assertEquals(2, r.clusters().stream().filter(c -> c.dimension() == 1).count(), "two cores: " + r.clusters());
        assertEquals(2 * lz, r.dislocationLength(), 1e-9 * lz);
        assertEquals(2 * lz / s.cell().volume(), r.dislocationDensity(), 1e-12);
    }

    @Test
    void slabSurfacesAreSurfaceAtoms() {
        double a = 3.615;
        Structure bulk = PointDefects.supercell(LatticeType.FCC, "Cu", a, 4);
        Structure slab = bulk.withCell(Cell.of(new double[]{4 * a, 0, 0}, new double[]{0, 4 * a, 0}, new double[]{0, 0, 4 * a + 15})
                .withPbc(new boolean[]{true, true, false}));
        DefectCensus.Result r = DefectCensus.compute(slab, ptm(slab), null);
        // (001) layers of 32 atoms, a/2 apart: the outer layer on each side has 8 of 12 neighbours
        assertEquals(64, r.surfaceAtoms());
    }
}
