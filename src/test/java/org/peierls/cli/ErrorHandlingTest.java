package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.peierls.util.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Issue 24: only an {@link InputException} is the user's fault (exit 2, one line, no trace); an
 * {@link IllegalArgumentException} that escapes a command is a broken precondition inside
 * Peierls and is reported as an internal error (exit 1), not dressed up as bad input.
 */
class ErrorHandlingTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final RuntimeException thrown;

        Boom(RuntimeException thrown) {
            this.thrown = thrown;
        }

        @Override
        public Integer call() {
            throw thrown;
        }
    }

    private static int run(RuntimeException e, StringWriter err) {
        CommandLine cl = Peierls.commandLine();
        cl.addSubcommand("boom", new Boom(e));
        cl.setErr(new PrintWriter(err));
        return cl.execute("boom");
    }

    @Test
    void badInputIsExitTwoAndABugIsExitOne() {
        StringWriter user = new StringWriter();
        assertEquals(2, run(new InputException("--fmax must be positive, got -1"), user));
        assertEquals("peierls: --fmax must be positive, got -1", user.toString().strip());

        StringWriter bug = new StringWriter();
        assertEquals(1, run(new IllegalArgumentException("3 coefficients for 5 columns"), bug));
        String m = bug.toString().strip();
        assertTrue(m.startsWith("peierls: internal error: java.lang.IllegalArgumentException: 3 coefficients for 5 columns"), m);
        assertTrue(m.contains("--debug"), "says how to get the trace: " + m);
        assertFalse(m.contains("\tat "), "no stack trace without --debug: " + m);
    }

    private static String parseError(int[] code, String... args) {
        CommandLine cl = Peierls.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        code[0] = cl.execute(args);
        return err.toString().strip();
    }

    /**
     * Issue 26: a mistyped option is named with the nearest real one, instead of the "missing
     * required option" that follows from it; a mistyped command likewise. Exit 2 (user's fault).
     */
    @Test
    void mistypedOptionsAndCommandsGetASuggestion() {
        int[] code = new int[1];
        String m = parseError(code, "relax", "--potental", "lj:Ar", "--structure", "x.extxyz");
        assertEquals(2, code[0]);
        assertTrue(m.startsWith("peierls: unknown option '--potental' (did you mean --potential?)"), m);
        assertTrue(m.contains("Try 'peierls relax --help'."), m);

        m = parseError(code, "exprt", "--potential", "lj:Ar");
        assertEquals(2, code[0]);
        assertTrue(m.startsWith("peierls: unknown command 'exprt' (did you mean export?)"), m);

        // nothing near: no guess, still the word itself
        m = parseError(code, "relax", "--zzzzzzzzzz", "1");
        assertTrue(m.startsWith("peierls: unknown option '--zzzzzzzzzz'"), m);
        assertFalse(m.contains("did you mean"), m);
    }

    @Test
    void editDistanceSuggestionsStayNear() {
        assertEquals("--potential", Peierls.closest("--potental", java.util.List.of("--potential", "--structure")));
        assertEquals(null, Peierls.closest("--xyz", java.util.List.of("--potential", "--structure")));
    }
}
