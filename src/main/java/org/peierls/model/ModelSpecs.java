package org.peierls.model;

import java.nio.file.Path;
import org.peierls.potential.PotentialSpecs;
import org.peierls.util.InputException;

/**
 * Registers the potential specs of this package with {@link PotentialSpecs}:
 * {@code snap:FILE.snapcoeff} (SNAP alone, the {@code .snapparam} beside it) and
 * {@code snap:FILE.snap} (the whole potential as the LAMMPS include file defines it, e.g. ZBL +
 * SNAP), and {@code mtp:FILE.mtp[:EL,…]} ({@link MtpFile}). Called by the command line at
 * start-up; idempotent.
 */
public final class ModelSpecs {

    private ModelSpecs() {
    }

    public static void register() {
        PotentialSpecs.register("snap", ModelSpecs::snap);
        MtpFile.registerSpecs();
    }

    static org.peierls.potential.Potential snap(String arg) {
        Path p = Path.of(arg);
        String name = p.getFileName() == null ? arg : p.getFileName().toString();
        if (name.endsWith(".snapcoeff")) {
            return SnapFiles.load(p);
        }
        if (name.endsWith(".snap")) {
            return SnapInclude.load(p);
        }
        throw new InputException("snap:" + arg + ": expected a .snapcoeff file (with the .snapparam beside it) or a .snap include file");
    }
}
