package org.hqd.cli;

import picocli.CommandLine;

/** The {@code hqd} command-line entry point; the only place that exits the process. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // POI logs through the Log4j API; without this it complains on stderr that no implementation is present
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        try {
            System.exit(commandLine().execute(args));
        } catch (OutOfMemoryError e) {
            System.err.println("错误：内存不足（" + e.getMessage() + "）。可用环境变量 HQD_JAVA_OPTS 加大堆内存，例如 "
                    + "HQD_JAVA_OPTS=-Xmx4g ./hqd …");
            System.exit(ErrorReporter.INTERNAL_ERROR);
        }
    }

    /** The configured command line, for tests that call {@code execute(...)}. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new HqdCommand());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new ErrorReporter());
        cmd.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        return cmd;
    }
}
