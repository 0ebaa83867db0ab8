package org.peierls.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced by the io work (issue 2): format conversion. */
@Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert between structure file formats.")
public final class ConvertCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new org.peierls.util.InputException("convert: not implemented yet");
    }
}
