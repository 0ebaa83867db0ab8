package org.peierls.sim.md;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.io.AtomicWrite;
import org.peierls.util.InputException;

/**
 * Everything needed to continue an MD run exactly: the structure with velocities, the step and
 * time, the integrator's extended variables and description, and the trajectory length at that
 * moment. Saved as JSON (doubles round-trip exactly), written atomically.
 *
 * @param integrator      {@link Integrator#describe()} of the run that wrote it
 * @param step            step number
 * @param time            time, ps
 * @param extended        integrator variables
 * @param cell            cell matrix, row-major {@code [9]}, Å
 * @param pbc             periodic flags {@code [3]}
 * @param numbers         atomic numbers {@code [N]}
 * @param masses          masses {@code [N]}, amu
 * @param positions       positions {@code [3N]} (unwrapped), Å
 * @param velocities      velocities {@code [3N]}, Å/ps
 * @param trajectoryBytes trajectory file length when the checkpoint was written
 */
public record MdCheckpoint(String integrator, long step, double time, double[] extended, double[] cell, boolean[] pbc,
                           int[] numbers, double[] masses, double[] positions, double[] velocities, long trajectoryBytes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The checkpoint of a state. */
    public static MdCheckpoint of(MdState s, Integrator integrator, long trajectoryBytes) {
        Structure st = s.structure();
        return new MdCheckpoint(integrator.describe(), s.step(), s.time(), s.extended().clone(), st.cell().matrix(), st.cell().pbc(),
                st.numbers(), st.masses(), st.positions(), st.velocities(), trajectoryBytes);
    }

    /** The saved structure (positions, velocities, masses, cell). */
    public Structure structure() {
        return new Structure(new Cell(cell, pbc), numbers, positions, masses, velocities);
    }

    /**
     * The state to continue from, after checking that {@code integrator} is the one that wrote
     * the checkpoint.
     *
     * @throws InputException when the integrators differ
     */
    public MdState resume(Integrator integrator) {
        if (!integrator.describe().equals(this.integrator)) {
            throw new InputException("checkpoint was written by '" + this.integrator + "' but this run is '"
                    + integrator.describe() + "'; use the same options to resume");
        }
        return integrator.resume(structure(), step, time, extended);
    }

    /** Writes the checkpoint to {@code path} atomically. */
    public void write(Path path) {
        AtomicWrite.text(path, w -> w.write(JSON.writeValueAsString(this)));
    }

    /** Reads a checkpoint. */
    public static MdCheckpoint read(Path path) {
        try {
            return JSON.readValue(Files.readString(path), MdCheckpoint.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InputException(path + ": not an MD checkpoint (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
