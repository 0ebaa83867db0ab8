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
        UncertaintyCommand.class,
        LearnCommand.class,
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
            // a mistyped option explains a "missing" required one better than the missing one does
            String unknown = unknownOption(ex.getCommandLine(), args);
            String unknownCommand = ex.getCommandLine() == ex.getCommandLine().getCommandSpec().root().commandLine()
                    ? unknownCommand(ex.getCommandLine(), args) : null;
            if (unknownCommand != null) {
                err.println("peierls: " + unknownCommand);
            } else if (unknown != null) {
                err.println("peierls: " + unknown);
            } else {
                err.println("peierls: " + oneLine(ex.getMessage()));
            }
            String sub = ex.getCommandLine().getCommandSpec().qualifiedName().replaceFirst("^peierls ?", "");
            err.println("Try 'peierls " + (sub.isEmpty() ? "" : sub + " ") + "--help'.");
            return 2;
        });
        return cl;
    }

    /**
     * "unknown option '--potental' (did you mean --potential?)" for the first word after the
     * sub-command that looks like an option but is none of its options, or null.
     */
    static String unknownOption(CommandLine cmd, String[] args) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        boolean inCommand = spec.root() == spec;
        for (String a : args) {
            if (!inCommand) {
                inCommand = a.equals(spec.name());
                continue;
            }
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (spec.findOption(name) == null) {
                    String best = closest(name, spec.optionsMap().keySet());
                    return "unknown option '" + name + "'" + (best == null ? "" : " (did you mean " + best + "?)");
                }
            }
        }
        return null;
    }

    /** "unknown command 'exprt' (did you mean export?)" when the first word is no sub-command, or null. */
    static String unknownCommand(CommandLine root, String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            if (root.getSubcommands().containsKey(a)) {
                return null;
            }
            String best = closest(a, root.getSubcommands().keySet());
            return "unknown command '" + a + "'" + (best == null ? "" : " (did you mean " + best + "?)");
        }
        return null;
    }

    /** The candidate nearest to {@code word} in edit distance, if within a third of its length (at least 2). */
    static String closest(String word, java.util.Collection<String> candidates) {
        String best = null;
        int bestD = Math.max(2, word.length() / 3) + 1;
        for (String c : candidates) {
            int d = editDistance(word, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
