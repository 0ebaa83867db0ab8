package org.peierls.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Natural order against hand-sorted lists of the kind FitSNAP and mlearn folders hold. */
class NaturalOrderTest {

    @Test
    void digitRunsCompareAsNumbers() {
        List<String> names = new ArrayList<>(List.of("A15_10.json", "A15_2.json", "A15_1.json", "Bcc_100.json", "Bcc_20.json", "A15_02b.json"));
        names.sort(NaturalOrder.COMPARATOR);
        assertEquals(List.of("A15_1.json", "A15_2.json", "A15_02b.json", "A15_10.json", "Bcc_20.json", "Bcc_100.json"), names);
        assertEquals(0, NaturalOrder.compare("x7", "x7"));
        assertTrue(NaturalOrder.compare("x", "x1") < 0, "a prefix sorts first");
        assertTrue(NaturalOrder.compare("x9y", "x10") < 0);
    }
}
