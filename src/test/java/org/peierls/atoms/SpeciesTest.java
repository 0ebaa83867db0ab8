package org.peierls.atoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.peierls.util.InputException;

/** The element → type map shared by potentials and descriptors, and the one error message both give. */
class SpeciesTest {

    private static Structure atoms(int... z) {
        double[] x = new double[3 * z.length];
        for (int i = 0; i < z.length; i++) {
            x[3 * i] = i;
        }
        return new Structure(Cell.periodic(new double[]{10, 0, 0, 0, 10, 0, 0, 0, 10}), z, x);
    }

    @Test
    void typesFollowTheOrderOfTheElements() {
        assertArrayEquals(new int[]{1, 0, 1, 2}, Species.types(atoms(29, 73, 29, 28), new int[]{73, 29, 28}, "potential p"));
    }

    @Test
    void aMissingElementIsNamedWithTheOwnerAndWhatItDescribes() {
        InputException e = assertThrows(InputException.class,
                () -> Species.types(atoms(73, 26), new int[]{73, 74}, "potential eam/alloy:TaW.set"));
        assertEquals("structure has Fe but potential eam/alloy:TaW.set describes only Ta,W", e.getMessage());
        InputException d = assertThrows(InputException.class, () -> Species.types(atoms(29), new int[]{42}, "SNAP bispectrum 2J=6"));
        assertEquals("structure has Cu but SNAP bispectrum 2J=6 describes only Mo", d.getMessage());
    }
}
