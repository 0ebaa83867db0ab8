package org.peierls.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.peierls.util.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code peierls} command. Sub-commands are listed in {@link #SUBCOMMANDS}; each is a small
 * class in this package whose options mirror a typed record of the library.
 */
@Command(name = "peierls", mixinStandardHelpOptions = true, versionProvider = Peierls.Version.class,
        description = "Machine-learning interatomic potentials for crystal defects.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Peierls implements Runnable {

    /** Every sub-command; add new ones here (one per line). */
    static final Class<?>[] SUBCOMMANDS = {
        InfoCommand.class,
        ConvertCommand.class,
        RunCommand.class,
        EvalCommand.class,
        BenchCommand.class,
        RelaxCommand.class,
        MdCommand.class,
        NebCommand.class,
        FitCommand.class,
        TestCommand.class,
        DefectsCommand.class,
        AnalyzeCommand.class,
        ExportCommand.class,
        LabelCommand.class,
    };

    @Option(names = "--debug", description = "Print stack traces of errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 success, 1 failure, 2 bad input). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Peierls());
        for (Class<?> c : SUBCOMMANDS) {
            cl.addSubcommand(c);
        }
        FitCommand.addKindOptions(cl.getSubcommands().get("fit").getCommandSpec());
        boolean debug = java.util.Arrays.asList(System.getenv().getOrDefault("PEIERLS_DEBUG", "").split(",")).contains("1");
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean dbg = debug || parsed.hasMatchedOption("--debug");
            PrintWriter err = cmd.getErr();
            Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            if (dbg) {
                t.printStackTrace(err);
            }
            // only InputException is the user's fault (exit 2, no trace); an IllegalArgumentException
            // escaping to here is a broken precondition inside Peierls, reported as the bug it is
            if (t instanceof InputException) {
                err.println("peierls: " + oneLine(t.getMessage()));
                return 2;
            }
            if (t instanceof NoSuchFileException nf) {
                err.println("peierls: no such file: " + nf.getFile());
                return 2;
            }
            if (t instanceof java.io.IOException) {
                err.println("peierls: " + t.getClass().getSimpleName() + ": " + oneLine(t.getMessage()));
                return 2;
            }
            err.println("peierls: internal error: " + oneLine(String.valueOf(t)) + (dbg ? "" : " (run with --debug for the stack trace)"));
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("peierls: " + oneLine(ex.getMessage()));
            String sub = ex.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^peierls ?", "");
            err.println("Try 'peierls " + (sub.isEmpty() ? "" : sub + " ") + "--help'.");
            return 2;
        });
        return cl;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        return s.replace('\n', ' ').replace('\r', ' ').trim();
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Peierls.class.getPackage().getImplementationVersion();
            return new String[]{"peierls " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
