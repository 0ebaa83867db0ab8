package org.peierls.potential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.peierls.util.InputException;

/**
 * Reads the whitespace-separated numbers of a potential file (DYNAMO funcfl/setfl, SNAP
 * coefficients, …) line by line or token by token, so that every error names the file and line:
 * "line 7 of Cu_u3.eam: expected a number for F(rho) value 12, found 'abc'".
 *
 * <p>Tokens flow across line breaks ({@link #doubles} reads n numbers however they are spread over
 * lines, as LAMMPS does); {@link #line()} starts at the next unread line.</p>
 */
public final class PotentialFileReader {

    private final Path file;
    private final List<String> lines;
    private int lineIndex;          // next line to read (0-based)
    private String[] tokens = new String[0];
    private int tokenIndex;
    private int tokenLine;          // 1-based line of the current tokens

    private PotentialFileReader(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * Opens {@code file} (UTF-8 or Latin-1 text).
     *
     * @throws InputException when the file does not exist or cannot be read
     */
    public static PotentialFileReader open(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return new PotentialFileReader(file, text.lines().toList());
        } catch (NoSuchFileException e) {
            throw new InputException("potential file " + file + " does not exist");
        } catch (IOException e) {
            throw new InputException("cannot read potential file " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new InputException("cannot read potential file " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** 1-based number of the line last read. */
    public int lineNumber() {
        return tokenLine;
    }

    /**
     * The next whole line (any unread tokens of the current line are dropped).
     *
     * @param what what the line should hold, for the error message at the end of the file
     */
    public String line(String what) {
        if (lineIndex >= lines.size()) {
            throw InputException.in(file, "file ends early: expected " + what + " on line " + (lineIndex + 1));
        }
        tokenLine = lineIndex + 1;
        String s = lines.get(lineIndex++);
        tokens = new String[0];
        tokenIndex = 0;
        return s;
    }

    /** The whitespace-separated tokens of the next line (possibly empty). */
    public String[] lineTokens(String what) {
        String s = line(what).trim();
        String[] t = s.isEmpty() ? new String[0] : s.split("\\s+");
        tokens = t;
        tokenIndex = t.length;
        return t;
    }

    /** The next token, reading further lines as needed. */
    public String token(String what) {
        while (tokenIndex >= tokens.length) {
            if (lineIndex >= lines.size()) {
                throw InputException.in(file, "file ends early (after line " + lines.size() + "): expected " + what);
            }
            tokenLine = lineIndex + 1;
            String s = lines.get(lineIndex++).trim();
            tokens = s.isEmpty() ? new String[0] : s.split("\\s+");
            tokenIndex = 0;
        }
        return tokens[tokenIndex++];
    }

    /** The next token as a double. */
    public double nextDouble(String what) {
        String t = token(what);
        return parseDouble(t, what);
    }

    /** The next token as an int. */
    public int nextInt(String what) {
        String t = token(what);
        return parseInt(t, what);
    }

    /** Parses a number of the current line, naming the line in the error. */
    public double parseDouble(String t, String what) {
        try {
            double v = Double.parseDouble(t.replace('D', 'E').replace('d', 'e'));
            if (!Double.isFinite(v)) {
                throw error("expected a finite number for " + what + ", found '" + t + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error("expected a number for " + what + ", found '" + t + "'");
        }
    }

    /** Parses an integer of the current line, naming the line in the error. */
    public int parseInt(String t, String what) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("expected a whole number for " + what + ", found '" + t + "'");
        }
    }

    /** Reads {@code n} numbers into a new array, across lines. */
    public double[] doubles(int n, String what) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = nextDouble(what + " value " + (i + 1) + " of " + n);
        }
        return v;
    }

    /** An {@link InputException} naming the current line. */
    public InputException error(String message) {
        return InputException.at(file, tokenLine, message);
    }
}
