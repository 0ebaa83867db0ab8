package org.peierls.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;

/**
 * Labels kept on disk as soon as each is done, so that an interrupted or repeated labelling never
 * pays twice: one extended-XYZ file per label, named by the SHA-256 of the oracle's description and
 * the structure (cell, periodicity, species and positions to 17 digits), written through a
 * temporary file and renamed.
 */
public final class LabelCache {

    private final Path dir;

    public LabelCache(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("label cache " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The key of a structure labelled by an oracle. */
    public static String key(Oracle oracle, Structure s) {
        StringBuilder sb = new StringBuilder(oracle.describe()).append('\n');
        for (double v : s.cell().matrix()) {
            sb.append(String.format(Locale.ROOT, "%.17g ", v));
        }
        for (boolean p : s.cell().pbc()) {
            sb.append(p ? 'T' : 'F');
        }
        sb.append('\n');
        double[] x = s.positions();
        for (int i = 0; i < s.size(); i++) {
            sb.append(s.number(i)).append(String.format(Locale.ROOT, " %.17g %.17g %.17g%n", x[3 * i], x[3 * i + 1], x[3 * i + 2]));
        }
        return sha256(sb.toString());
    }

    /** The cached label, or null. */
    public Frame get(String key, String group) {
        Path f = dir.resolve(key + ".extxyz");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        List<Frame> frames = Formats.read(f);
        Frame fr = frames.get(0);
        return new Frame(fr.structure(), fr.labels(), group);
    }

    /** Stores a label (atomically). */
    public void put(String key, Frame frame) {
        Formats.write(dir.resolve(key + ".extxyz"), List.of(frame));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
