package org.peierls.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecProvider;
import org.peierls.util.InputException;

/**
 * The potential specs of this package, found by {@link org.peierls.potential.PotentialSpecs}
 * through {@code ServiceLoader}: {@code snap:FILE.snapcoeff} (SNAP alone, the {@code .snapparam}
 * beside it), {@code snap:FILE.snap} (the whole potential as the LAMMPS include file defines it,
 * e.g. ZBL + SNAP), {@code mtp:FILE.mtp[:EL,…]} ({@link MtpFile}) and a bare path ending in
 * {@code .mtp}.
 */
public final class ModelSpecs implements PotentialSpecProvider {

    @Override
    public Map<String, Function<String, Potential>> specs() {
        return Map.of("snap", ModelSpecs::snap, "mtp", MtpFile::spec);
    }

    @Override
    public Potential fromPath(Path p) {
        boolean mtp = p.getFileName() != null && p.getFileName().toString().endsWith(".mtp") && Files.isRegularFile(p);
        return mtp ? MtpFile.read(p, null).potential(p.toString()) : null;
    }

    static Potential snap(String arg) {
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
