package org.peierls.atoms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.peierls.util.InputException;

/** The move_mask array in both of its extxyz shapes, as builders write it and minimizers read it. */
class MoveMaskTest {

    private static final Structure TWO = new Structure(Cell.orthorhombic(5, 5, 5), new int[]{29, 29}, new double[]{0, 0, 0, 2, 2, 2});

    @Test
    void aPerAtomMaskFreesOrHoldsAllThreeComponents() {
        boolean[] free = MoveMask.of(TWO.withArray(MoveMask.ARRAY, new boolean[]{true, false}));
        assertArrayEquals(new boolean[]{true, true, true, false, false, false}, free);
    }

    @Test
    void aComponentMaskIsReadAsWrittenAndNoMaskIsNull() {
        boolean[] z = MoveMask.onlyComponent(2, 2);
        assertArrayEquals(new boolean[]{false, false, true, false, false, true}, z);
        assertArrayEquals(z, MoveMask.of(TWO.withArray(MoveMask.ARRAY, z)));
        assertNull(MoveMask.of(TWO));
    }

    @Test
    void aMaskOfAnotherTypeIsRefused() {
        InputException e = assertThrows(InputException.class, () -> MoveMask.of(TWO.withArray(MoveMask.ARRAY, new int[]{1, 0})));
        assertEquals("per-atom array 'move_mask' must hold 1 or 3 booleans per atom", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoveMask.onlyComponent(2, 3));
    }
}
