package org.hqd.cli;

import picocli.CommandLine.Option;

/** The shared {@code --format table|csv} option of the commands that print a table; any other value is a usage error. */
final class FormatOption {
    /** How a command prints its rows. */
    enum OutputFormat { TABLE, CSV }

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv", description = "输出格式；默认 ${DEFAULT-VALUE}")
    OutputFormat format;

    boolean csv() {
        return format == OutputFormat.CSV;
    }
}
