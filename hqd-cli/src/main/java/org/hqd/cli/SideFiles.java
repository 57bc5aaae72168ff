package org.hqd.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hqd.io.grouping.InvalidRow;
import org.hqd.io.grouping.ResultCsv;
import org.jspecify.annotations.Nullable;

/**
 * The files written beside a results file: {@code <name>.invalid.csv} (line, record_id, reason of every row that
 * failed an input check) and {@code <name>.unmapped.csv} (codes that could not be mapped, with case counts).
 * A side file exists only when it has rows; a stale one from an earlier run is removed.
 */
final class SideFiles implements AutoCloseable {
    private static final int SHOWN_ON_CONSOLE = 20;
    private final @Nullable Path invalidPath;
    private final @Nullable Path unmappedPath;
    private final PrintWriter console;
    private @Nullable BufferedWriter invalid;
    private long invalidCount;

    /** Side files next to {@code results}, or, when it is null (results on stdout), reasons on the console. */
    SideFiles(@Nullable Path results, PrintWriter console) throws IOException {
        this.console = console;
        if (results == null) {
            invalidPath = null;
            unmappedPath = null;
        } else {
            String stem = results.getFileName().toString().replaceFirst("\\.csv$", "");
            invalidPath = results.resolveSibling(stem + ".invalid.csv");
            unmappedPath = results.resolveSibling(stem + ".unmapped.csv");
            Files.deleteIfExists(invalidPath);
            Files.deleteIfExists(unmappedPath);
        }
    }

    void invalid(InvalidRow row) {
        invalidCount++;
        try {
            if (invalidPath == null) {
                if (invalidCount <= SHOWN_ON_CONSOLE) {
                    console.println("第 " + row.line() + " 行 " + row.recordId() + "：" + row.reason());
                }
                return;
            }
            if (invalid == null) {
                invalid = Files.newBufferedWriter(invalidPath, StandardCharsets.UTF_8);
                invalid.write("line,record_id,reason\n");
            }
            StringBuilder s = new StringBuilder().append(row.line()).append(',');
            ResultCsv.field(s, row.recordId()).append(',');
            ResultCsv.field(s, row.reason()).append('\n');
            invalid.write(s.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeUnmapped(Map<String, Long> codes) throws IOException {
        if (unmappedPath == null || codes.isEmpty()) {
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(unmappedPath, StandardCharsets.UTF_8)) {
            w.write("code,cases\n");
            for (Map.Entry<String, Long> e : codes.entrySet()) {
                w.write(ResultCsv.field(new StringBuilder(), e.getKey()).append(',').append(e.getValue()).append('\n')
                        .toString());
            }
        }
    }

    @Nullable Path invalidPath() {
        return invalidCount > 0 ? invalidPath : null;
    }

    @Nullable Path unmappedPath() {
        return unmappedPath != null && Files.exists(unmappedPath) ? unmappedPath : null;
    }

    @Override
    public void close() throws IOException {
        if (invalid != null) {
            invalid.close();
        }
    }
}
