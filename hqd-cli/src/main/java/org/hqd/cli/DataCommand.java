package org.hqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hqd.app.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on a data directory ({@code --data DIR}) through the application's services: it checks its
 * input first ({@link #check()}, before the directory is opened or created), then opens the directory, runs, and
 * prints to the command line's output (notes such as the weights in use to its error stream); both are flushed.
 */
abstract class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    /** Reads and checks what the command is given (files, option values) before the data directory is opened. */
    void check() throws IOException {
    }

    /** Opens the data directory (for writing, created and migrated when needed; a query overrides it to read only). */
    Workspace open() {
        return data.open();
    }

    /** The command's work on the open data directory, printing to {@code out}. */
    abstract void run(Workspace w, PrintWriter out) throws IOException;

    @Override
    public final Integer call() throws IOException {
        check();
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace w = open()) {
            run(w, out);
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return 0;
    }
}
