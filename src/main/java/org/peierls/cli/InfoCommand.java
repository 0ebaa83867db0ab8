package org.peierls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced by the io work (issue 2): summary of a structure file. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Summary of a structure file (atoms, composition, cell, density, neighbor counts).")
public final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new org.peierls.util.InputException("info: not implemented yet");
    }
}
