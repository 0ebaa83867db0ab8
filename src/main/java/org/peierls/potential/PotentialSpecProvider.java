package org.peierls.potential;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Potential specs contributed by a package above this one (SNAP and MTP files by
 * {@code org.peierls.model}, fitted model folders by {@code org.peierls.fit}), found by
 * {@link PotentialSpecs} with {@code ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.peierls.potential.PotentialSpecProvider}. Nothing has to be
 * registered by hand at start-up, and the lower layer never names the higher one.
 * Implementations need a public no-argument constructor that does no work.
 */
public interface PotentialSpecProvider {

    /** Prefix → maker of {@code prefix:ARGUMENT} specs (the maker gets the text after the colon). */
    Map<String, Function<String, Potential>> specs();

    /**
     * The potential of a bare path spec when the path is of this provider's kind (a {@code .mtp}
     * file, a fit folder), else null.
     */
    default Potential fromPath(Path path) {
        return null;
    }
}
