package org.peierls.oracle;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecProvider;

/** The potential specs of this package: {@code cp2k:SETTINGS.yaml} and {@code cp2k:defaults} ({@link Cp2kPotential}). */
public final class OracleSpecs implements PotentialSpecProvider {

    @Override
    public Map<String, Function<String, Potential>> specs() {
        return Map.of("cp2k", arg -> new Cp2kPotential(arg.equals("defaults") ? Cp2kSettings.defaults() : Cp2kSettings.read(Path.of(arg))));
    }
}
