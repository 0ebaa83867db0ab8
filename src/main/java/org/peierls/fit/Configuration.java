package org.peierls.fit;

import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;

/**
 * One labelled configuration of a {@link Dataset}: a structure, its reference labels (DFT or a
 * teacher; never a potential's results), its group, its role and which stress components are
 * trusted.
 *
 * @param name       where it came from ("JSON/GSF_110/GSF_110_1.json", "training.json#17"), for messages
 * @param structure  the structure
 * @param labels     energy (eV), forces (eV/Å), stress (eV/Å³, tensile positive)
 * @param group      group name (never null; "" when none)
 * @param role       train, test or unused
 * @param stressMask bit v set when Voigt component v (xx yy zz yz xz xy) of the stress label is used
 */
public record Configuration(String name, Structure structure, Labels labels, String group, Role role, int stressMask) {

    /** All six stress components. */
    public static final int ALL_STRESS = 0b111111;
    /** xx, yy, zz and xy: the components of mlearn frames whose yz/xz slot order is unknown. */
    public static final int NO_YZ_XZ = 0b100111;

    public Configuration {
        if (group == null) {
            group = "";
        }
        if (role == null) {
            role = Role.TRAIN;
        }
        if (stressMask < 0 || stressMask > ALL_STRESS) {
            throw new IllegalArgumentException("stress mask must be in 0…63, got " + stressMask);
        }
    }

    /** A training configuration from a frame (all stress components used). */
    public static Configuration of(String name, Frame frame) {
        return new Configuration(name, frame.structure(), frame.labels(), frame.group(), Role.TRAIN, ALL_STRESS);
    }

    /** Number of atoms. */
    public int atoms() {
        return structure.size();
    }

    /** Whether Voigt component v of the stress label is used. */
    public boolean usesStress(int v) {
        return (stressMask >> v & 1) != 0;
    }

    public Configuration withRole(Role r) {
        return new Configuration(name, structure, labels, group, r, stressMask);
    }

    public Configuration withGroup(String g) {
        return new Configuration(name, structure, labels, g, role, stressMask);
    }
}
