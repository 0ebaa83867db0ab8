package org.peierls.properties;

import java.util.List;
import org.peierls.atoms.LatticeType;

/**
 * What the properties of the bcc ½⟨111⟩ screw dislocation share: defined for bcc crystals only,
 * and they need the elastic constants (their fields start from the Stroh solution).
 */
abstract class ScrewDislocationProperty<O> implements BatteryProperty<O> {

    @Override
    public boolean appliesTo(LatticeType lattice) {
        return lattice == LatticeType.BCC;
    }

    @Override
    public List<String> needs() {
        return List.of(ElasticProperty.ID);
    }
}
