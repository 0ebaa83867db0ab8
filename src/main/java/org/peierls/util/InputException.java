package org.peierls.util;

import java.nio.file.Path;

/**
 * Bad input from the user: a malformed file, an unknown element, an impossible parameter.
 * The message is one line that names the file and line or the parameter and says what was
 * expected; the command line prints it without a stack trace and exits with code 2.
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "line 12 of foo.extxyz: expected 7 columns, found 6". */
    public static InputException at(Path file, int line, String message) {
        return new InputException("line " + line + " of " + file + ": " + message);
    }

    /** "foo.extxyz: message" (when no line applies). */
    public static InputException in(Path file, String message) {
        return new InputException(file + ": " + message);
    }
}
