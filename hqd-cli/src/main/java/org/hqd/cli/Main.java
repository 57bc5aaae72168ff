package org.hqd.cli;

import picocli.CommandLine;

/** The {@code hqd} command-line entry point; the only place that exits the process. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that call {@code execute(...)}. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new HqdCommand());
        cmd.setExecutionExceptionHandler(new ErrorReporter());
        cmd.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        return cmd;
    }
}
