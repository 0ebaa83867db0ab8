package org.peierls.oracle;

import java.nio.file.Path;
import org.peierls.potential.PotentialSpecs;
import org.peierls.util.InputException;

/**
 * Oracle specs as {@code peierls label --oracle} takes them:
 * <ul>
 * <li>{@code teacher:SPEC} any Peierls potential spec ({@code teacher:zhou2004:Ta});</li>
 * <li>{@code cp2k} CP2K with the settings file ({@code --settings}) or the defaults;</li>
 * <li>{@code command:SCRIPT} an external code behind a script ({@link CommandOracle});</li>
 * <li>{@code lammps:PAIRFILE[:EL,EL…]} LAMMPS with those pair commands ({@link LammpsOracle}).</li>
 * </ul>
 */
public final class Oracles {

    private Oracles() {
    }

    /**
     * @param settings CP2K settings file, or null for the defaults (only {@code cp2k} reads it)
     * @param scratch  folder for run folders, or null for the system temporary folder
     * @throws InputException for an unknown kind or a bad argument
     */
    public static Oracle parse(String spec, Path settings, Path scratch) {
        if (spec == null || spec.isBlank()) {
            throw new InputException("--oracle is empty (expected teacher:SPEC, cp2k, command:SCRIPT or lammps:PAIRFILE)");
        }
        String s = spec.trim();
        if (s.equals("cp2k")) {
            return new Cp2kOracle(settings == null ? Cp2kSettings.defaults() : Cp2kSettings.read(settings), scratch);
        }
        if (settings != null) {
            throw new InputException("--settings is for the cp2k oracle, not '" + s + "'");
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? "" : s.substring(colon + 1).trim();
        if (arg.isEmpty() && !kind.equals("cp2k")) {
            throw new InputException("--oracle " + s + ": unknown oracle (expected teacher:SPEC, cp2k, command:SCRIPT or lammps:PAIRFILE)");
        }
        return switch (kind) {
            case "teacher" -> new TeacherOracle(PotentialSpecs.parse(arg));
            case "command" -> new CommandOracle(Path.of(arg), 24 * 3600, scratch);
            case "lammps" -> LammpsOracle.parse(arg, scratch);
            default -> throw new InputException("--oracle " + s + ": unknown oracle kind '" + kind
                    + "' (expected teacher:SPEC, cp2k, command:SCRIPT or lammps:PAIRFILE)");
        };
    }
}
