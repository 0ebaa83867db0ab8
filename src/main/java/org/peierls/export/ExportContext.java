package org.peierls.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.peierls.atoms.Element;
import org.peierls.util.InputException;

/**
 * What a {@link TermWriter} needs: the export folder, a base name for files, the elements of the
 * LAMMPS atom types, and lists to which it adds the files it wrote and notes for the user.
 */
public final class ExportContext {

    private final Path dir;
    private final String name;
    private final int[] types;
    private final List<String> files = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean mliap;

    /**
     * @param dir   the export folder (must exist)
     * @param name  base name of the potential files (e.g. {@code Ta})
     * @param types atomic numbers of LAMMPS types 1, 2, …
     */
    public ExportContext(Path dir, String name, int[] types) {
        this.dir = dir;
        this.name = name;
        this.types = types.clone();
    }

    /** Writes bispectrum models for LAMMPS's ML-IAP package ({@code pair_style mliap}) instead of {@code pair_style snap}. */
    public ExportContext withMliap(boolean on) {
        this.mliap = on;
        return this;
    }

    /** Whether bispectrum models go to ML-IAP ({@link #withMliap}). */
    public boolean mliap() {
        return mliap;
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    /** Atomic numbers of LAMMPS types 1, 2, …. */
    public int[] types() {
        return types.clone();
    }

    /** The element symbols of types 1, 2, … joined by spaces (as {@code pair_coeff * *} takes them). */
    public String typeSymbols() {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < types.length; t++) {
            sb.append(t == 0 ? "" : " ").append(Element.symbol(types[t]));
        }
        return sb.toString();
    }

    /** A file in the export folder; records it as written. Names must be plain file names. */
    public Path file(String fileName) {
        if (fileName.contains("/") || fileName.isBlank()) {
            throw new IllegalArgumentException("export file names are plain names, got '" + fileName + "'");
        }
        if (!files.contains(fileName)) {
            files.add(fileName);
        }
        return dir.resolve(fileName);
    }

    /** Adds a sentence for the user (shown by the command and written into pair.lmp as a comment). */
    public void note(String text) {
        notes.add(text);
    }

    /** Files written so far, names relative to {@link #dir()}. */
    public List<String> files() {
        return Collections.unmodifiableList(files);
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /**
     * Checks that every LAMMPS type's element is one of {@code species}.
     *
     * @throws InputException naming the first missing element and the potential
     */
    public void requireTypes(int[] species, String potential) {
        for (int z : types) {
            boolean found = false;
            for (int s : species) {
                found |= s == z;
            }
            if (!found) {
                StringBuilder has = new StringBuilder();
                for (int s : species) {
                    has.append(has.length() == 0 ? "" : " ").append(Element.symbol(s));
                }
                throw new InputException("export: the structure holds " + Element.symbol(z) + " but " + potential
                        + " describes only " + has);
            }
        }
    }
}
