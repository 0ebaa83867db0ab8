package org.peierls.cli;

import java.nio.file.Path;
import java.util.List;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.IoOptions;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.util.InputException;
import picocli.CommandLine.Option;

/**
 * The options several commands share, as picocli mixins ({@code @Mixin}), so that each is
 * declared, described and checked once.
 */
final class CommonOptions {

    private CommonOptions() {
    }

    /** {@code --potential P} (required). */
    static final class PotentialOption {
        @Option(names = "--potential", required = true, paramLabel = "P",
                description = "Potential spec: eam:FILE, eam/alloy:FILE, zhou2004:EL, snap:FILE.snapcoeff|.snap, mtp:FILE.mtp, lj:…, a fit folder, or A + B (see 'peierls eval --help').")
        String spec;

        /** The potential the spec names. */
        Potential parse() {
            return PotentialSpecs.parse(spec);
        }
    }

    /** {@code --format F} and {@code --types A,B} of structure files. */
    static final class FormatOptions {
        @Option(names = "--format", paramLabel = "F", description = "Format of the structure file (default: from the name).")
        String format;

        @Option(names = "--types", paramLabel = "A,B", description = "Element symbols of LAMMPS atom types 1, 2, … (LAMMPS input and output).")
        String types;

        IoOptions io() {
            return IoOptions.withTypes(types);
        }

        /** Every frame of a file. */
        List<Frame> readAll(Path path) {
            return CliSupport.readAll(path, format, io());
        }

        /** Frame {@code index} of a file (negative counts from the end). */
        Structure read(Path path, int index) {
            return CliSupport.readStructure(path, format, io(), index);
        }
    }

    /** {@code --structure FILE} (required). */
    static final class StructureOption {
        @Option(names = "--structure", required = true, paramLabel = "FILE", description = "Structure file (any readable format).")
        Path path;
    }

    /** {@code --frame K} of a multi-frame file. */
    static final class FrameOption {
        @Option(names = "--frame", paramLabel = "K", defaultValue = "0",
                description = "Frame of a multi-frame file (negative: from the end; default: ${DEFAULT-VALUE}).")
        int index;
    }

    /** {@code --skin A}, the neighbor-list skin of the simulation commands. */
    static final class SkinOption {
        @Option(names = "--skin", paramLabel = "A", defaultValue = "1.0", description = "Neighbor-list skin, Å (default: ${DEFAULT-VALUE}).")
        double skin;

        /** The skin, checked. */
        double value() {
            if (!(skin >= 0) || !Double.isFinite(skin)) {
                throw new InputException("--skin must be ≥ 0 Å, got " + skin);
            }
            return skin;
        }
    }

    /**
     * What a simulation command reads: the potential, one frame of a structure file with its
     * format, the neighbor-list skin, and the threads ({@code relax}, {@code md}).
     */
    static final class SimulationInput {
        @picocli.CommandLine.Mixin
        PotentialOption potential;

        @picocli.CommandLine.Mixin
        StructureOption structure;

        @picocli.CommandLine.Mixin
        FrameOption frame;

        @picocli.CommandLine.Mixin
        FormatOptions formats;

        @picocli.CommandLine.Mixin
        SkinOption skin;

        @picocli.CommandLine.Mixin
        ThreadsOption threads;

        /** The chosen frame of the structure file. */
        Structure read() {
            return formats.read(structure.path, frame.index);
        }
    }
}
