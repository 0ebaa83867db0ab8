package org.peierls.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peierls.util.InputException;

/**
 * Reads a text file line by line, counting lines (1-based), and parses tokens with error
 * messages that name the file and line: "line 12 of foo.extxyz: expected a number, found 'x'".
 */
final class LineReader implements Closeable {

    private final Path path;
    private final BufferedReader in;
    private int line;
    private String pushedBack;

    LineReader(Path path) {
        this.path = path;
        try {
            this.in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    /** Number of the line last returned by {@link #next()} (1-based; 0 before the first). */
    int line() {
        return line;
    }

    /** The next line without its terminator, or null at the end of the file. */
    String next() {
        if (pushedBack != null) {
            String s = pushedBack;
            pushedBack = null;
            line++;
            return s;
        }
        try {
            String s = in.readLine();
            if (s != null) {
                line++;
                if (!s.isEmpty() && s.charAt(s.length() - 1) == '\r') {
                    s = s.substring(0, s.length() - 1);
                }
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    /** Gives back the line last returned by {@link #next()}; the next call returns it again. */
    void pushBack(String s) {
        pushedBack = s;
        line--;
    }

    /** The next line, or an error "expected WHAT, found the end of the file". */
    String require(String what) {
        String s = next();
        if (s == null) {
            throw InputException.at(path, line + 1, "expected " + what + ", found the end of the file");
        }
        return s;
    }

    /** The next line that is not blank (or null at the end of the file). */
    String nextNonBlank() {
        String s;
        do {
            s = next();
        } while (s != null && s.isBlank());
        return s;
    }

    /** An error at the current line. */
    InputException error(String message) {
        return InputException.at(path, line, message);
    }

    double parseDouble(String token, String what) {
        return parseDouble(path, line, token, what);
    }

    int parseInt(String token, String what) {
        return parseInt(path, line, token, what);
    }

    /** Tokens of {@code line} split at runs of spaces and tabs. */
    String[] tokens(String s) {
        return split(s);
    }

    /** Splits at runs of whitespace (space, tab), ignoring leading and trailing whitespace. */
    static String[] split(String s) {
        int n = s.length();
        int count = 0;
        int i = 0;
        while (i < n) {
            while (i < n && s.charAt(i) <= ' ') {
                i++;
            }
            if (i < n) {
                count++;
                while (i < n && s.charAt(i) > ' ') {
                    i++;
                }
            }
        }
        String[] out = new String[count];
        i = 0;
        int k = 0;
        while (i < n) {
            while (i < n && s.charAt(i) <= ' ') {
                i++;
            }
            if (i < n) {
                int start = i;
                while (i < n && s.charAt(i) > ' ') {
                    i++;
                }
                out[k++] = s.substring(start, i);
            }
        }
        return out;
    }

    /** The part of {@code s} before a '#' comment. */
    static String stripComment(String s) {
        int h = s.indexOf('#');
        return h < 0 ? s : s.substring(0, h);
    }

    static double parseDouble(Path path, int line, String token, String what) {
        try {
            double v = Double.parseDouble(token);
            char last = token.charAt(token.length() - 1);
            if (last == 'd' || last == 'D' || last == 'f' || last == 'F') {
                throw new NumberFormatException(token);
            }
            return v;
        } catch (NumberFormatException e) {
            throw InputException.at(path, line, "expected " + what + ", found '" + token + "'");
        }
    }

    static int parseInt(Path path, int line, String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw InputException.at(path, line, "expected " + what + ", found '" + token + "'");
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
