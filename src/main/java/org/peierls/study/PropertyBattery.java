package org.peierls.study;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.defects.PointDefects;

/**
 * The defect battery of a study: the properties the experiment asks for, computed with the same
 * cells for the teacher and every student. (Interim: lattice constant and cohesive energy.)
 */
public final class PropertyBattery implements Study.Battery {

    private final Experiment experiment;

    public PropertyBattery(Experiment experiment) {
        this.experiment = experiment;
    }

    @Override
    public Map<String, Object> run(Potential potential, String modelId, Path plots) {
        Map<String, Object> m = new LinkedHashMap<>();
        double guess = experiment.latticeType() == org.peierls.atoms.LatticeType.BCC ? 3.2 : 3.8;
        double a = Study.equilibriumLatticeConstant(potential, experiment.latticeType(), experiment.element(), guess);
        Results r = potential.compute(PointDefects.supercell(experiment.latticeType(), experiment.element(), a, 4));
        m.put("lattice_constant_a", a);
        m.put("cohesive_energy_ev", -r.energy() / (experiment.latticeType() == org.peierls.atoms.LatticeType.BCC ? 128 : 256));
        return m;
    }
}
