package org.peierls.potential;

import java.util.List;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.potential.eam.Zhou2004;

public final class ZhouScratch {
    static Structure fcc(int z, double a) {
        return new Structure(Cell.orthorhombic(a, a, a), new int[]{z, z, z, z},
                new double[]{0, 0, 0, 0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0});
    }
    static Structure bcc(int z, double a) {
        return new Structure(Cell.orthorhombic(a, a, a), new int[]{z, z}, new double[]{0, 0, 0, a / 2, a / 2, a / 2});
    }
    public static void main(String[] args) {
        for (String el : Zhou2004.elements()) {
            Zhou2004.Parameters q = Zhou2004.parameters(el);
            Potential p = Zhou2004.potential(List.of(el));
            int z = Element.number(el);
            for (String lat : new String[]{"fcc", "bcc"}) {
                double a0 = lat.equals("fcc") ? Math.sqrt(2) * q.re() : 2 * q.re() / Math.sqrt(3);
                double best = a0, eb = 1e9;
                for (double a = a0 * 0.97; a < a0 * 1.03; a += a0 * 1e-5) {
                    Structure s = lat.equals("fcc") ? fcc(z, a) : bcc(z, a);
                    double e = p.compute(s).energy() / s.size();
                    if (e < eb) { eb = e; best = a; }
                }
                Structure s0 = lat.equals("fcc") ? fcc(z, a0) : bcc(z, a0);
                System.out.printf("%s %s a0=%.5f amin=%.5f rel=%.2e E(a0)=%.5f Emin=%.5f F0=%.3f%n", el, lat, a0, best, best / a0 - 1,
                        p.compute(s0).energy() / s0.size(), eb, q.f()[0]);
            }
        }
    }
}
