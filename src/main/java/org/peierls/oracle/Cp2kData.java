package org.peierls.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.peierls.util.InputException;

/**
 * The basis sets and pseudopotentials CP2K has ({@code $CP2K_DATA_DIR}, else Debian's
 * {@code /usr/share/cp2k} from {@code cp2k-data}), and the default choice per element: the
 * short-range MOLOPT DZVP basis ({@code DZVP-MOLOPT-SR-GTH}, else {@code DZVP-MOLOPT-GTH}) in
 * {@code BASIS_MOLOPT}, and the PBE GTH pseudopotential with the valence the basis was made for
 * (its {@code -qN} alias) in {@code GTH_POTENTIALS}.
 */
public final class Cp2kData {

    /** The basis set file named in the input. */
    public static final String BASIS_FILE = "BASIS_MOLOPT";
    /** The pseudopotential file named in the input. */
    public static final String POTENTIAL_FILE = "GTH_POTENTIALS";

    private Cp2kData() {
    }

    /** The data folder. */
    public static Path dir() {
        String env = System.getenv("CP2K_DATA_DIR");
        return env != null && !env.isBlank() ? Paths.get(env) : Paths.get("/usr/share/cp2k");
    }

    /** Names of the basis sets of {@code element} in {@link #BASIS_FILE}, with their aliases. */
    static List<String[]> entries(Path file, String element) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("cp2k: " + file + " is missing (apt-get install cp2k-data, or set CP2K_DATA_DIR)");
        }
        List<String[]> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                String t = line.trim();
                if (t.startsWith("#") || t.isEmpty()) {
                    continue;
                }
                String[] tok = t.split("\\s+");
                if (tok.length >= 2 && tok[0].equals(element) && !Character.isDigit(tok[1].charAt(0))) {
                    out.add(tok);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /**
     * The default basis and pseudopotential of an element.
     *
     * @throws InputException when CP2K's data has none for it
     */
    public static Cp2kSettings.Kind defaultKind(String element) {
        List<String[]> basis = entries(dir().resolve(BASIS_FILE), element);
        String chosen = null, q = null;
        for (String want : List.of("DZVP-MOLOPT-SR-GTH", "DZVP-MOLOPT-GTH")) {
            for (String[] b : basis) {
                for (int k = 1; k < b.length; k++) {
                    if (b[k].equals(want)) {
                        chosen = want;
                        for (String alias : b) {
                            int at = alias.lastIndexOf("-q");
                            if (alias.startsWith(want) && at > 0) {
                                q = alias.substring(at);
                            }
                        }
                    }
                }
            }
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            throw new InputException("cp2k: no DZVP MOLOPT basis set for " + element + " in " + dir().resolve(BASIS_FILE)
                    + "; name one under elements: " + element + ": {basis: …, potential: …} in the settings");
        }
        String pot = null;
        for (String[] p : entries(dir().resolve(POTENTIAL_FILE), element)) {
            for (int k = 1; k < p.length; k++) {
                if (p[k].startsWith("GTH-PBE-q") && (q == null || p[k].endsWith(q))) {
                    pot = pot == null ? p[k] : pot;
                }
            }
        }
        if (pot == null) {
            throw new InputException("cp2k: no GTH-PBE pseudopotential" + (q == null ? "" : " with valence " + q.substring(2))
                    + " for " + element + " in " + dir().resolve(POTENTIAL_FILE));
        }
        return new Cp2kSettings.Kind(chosen, pot);
    }

    /** Checks that the named basis and potential exist for the element. */
    public static void check(String element, Cp2kSettings.Kind kind) {
        boolean b = entries(dir().resolve(BASIS_FILE), element).stream().anyMatch(t -> List.of(t).contains(kind.basis()));
        boolean p = entries(dir().resolve(POTENTIAL_FILE), element).stream().anyMatch(t -> List.of(t).contains(kind.potential()));
        if (!b || !p) {
            throw new InputException("cp2k: " + (!b ? "basis set " + kind.basis() : "pseudopotential " + kind.potential())
                    + " of " + element + " is not in " + dir().resolve(!b ? BASIS_FILE : POTENTIAL_FILE));
        }
    }
}
