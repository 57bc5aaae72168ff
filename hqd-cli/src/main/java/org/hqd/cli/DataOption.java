package org.hqd.cli;

import java.nio.file.Path;
import org.hqd.app.Workspace;
import picocli.CommandLine.Option;

/** The shared {@code --data DIR} option: the data directory a command works on. */
final class DataOption {
    @Option(names = "--data", defaultValue = Workspace.DEFAULT, paramLabel = "<目录>",
            description = "数据目录；默认 ${DEFAULT-VALUE}")
    Path data;

    /** The data directory opened for the command's services (created and migrated when needed). */
    Workspace open() {
        return Workspace.open(data);
    }

    /** The data directory opened for reading only (a query beside a running import or server). */
    Workspace openForReading() {
        return Workspace.openForReading(data);
    }
}
