package org.peierls.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.peierls.util.InputException;

/** Runs an external code (CP2K, a user's script, LAMMPS) in a folder, with a time limit. */
final class ExternalProcess {

    private ExternalProcess() {
    }

    /**
     * Runs {@code cmd} in {@code dir}, its output to {@code dir/log}; returns the output.
     *
     * @throws InputException when it fails, times out or cannot start, with the last output lines
     */
    static String run(List<String> cmd, Path dir, Map<String, String> env, int timeoutSeconds, String log) {
        Path out = dir.resolve(log);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            if ("root".equals(System.getProperty("user.name"))) {
                pb.environment().putIfAbsent("OMPI_ALLOW_RUN_AS_ROOT", "1");
                pb.environment().putIfAbsent("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
            }
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new InputException("cannot start " + cmd.get(0) + ": " + e.getMessage());
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new InputException(cmd.get(0) + " did not finish in " + timeoutSeconds + " s (in " + dir + ")");
            }
            String text = Files.readString(out, StandardCharsets.ISO_8859_1);
            if (p.exitValue() != 0) {
                throw new InputException(cmd.get(0) + " failed with exit " + p.exitValue() + " (in " + dir + "): " + tail(text, 4));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("running " + cmd.get(0) + " in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while " + cmd.get(0) + " ran");
        }
    }

    static String tail(String text, int n) {
        String[] l = text.strip().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int k = Math.max(0, l.length - n); k < l.length; k++) {
            sb.append(sb.length() == 0 ? "" : " | ").append(l[k].strip());
        }
        return sb.toString();
    }

    /** Deletes a work folder and what it holds (best effort). */
    static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover scratch folder is harmless
        }
    }
}
