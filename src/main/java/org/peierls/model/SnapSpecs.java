package org.peierls.model;

import java.nio.file.Path;
import org.peierls.potential.PotentialSpecs;

/**
 * Registers the {@code snap:} potential spec: {@code snap:FILE.snapcoeff} (the {@code .snapparam}
 * beside it, every element of the coefficient file) or {@code snap:FILE.snap} (a LAMMPS include
 * file, {@link SnapInclude}, e.g. SNAP + ZBL).
 */
public final class SnapSpecs implements PotentialSpecs.Provider {

    @Override
    public void register() {
        PotentialSpecs.register("snap", arg -> {
            Path p = Path.of(arg);
            String name = p.getFileName() == null ? arg : p.getFileName().toString();
            if (name.endsWith(".snap")) {
                return SnapInclude.load(p);
            }
            return SnapFiles.load(p);
        });
    }
}
