package org.hqd.io.grouping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.abstracts.AbstractRowParser;
import org.hqd.io.abstracts.ParsedAbstract;
import org.hqd.io.layout.AbstractFile;
import org.hqd.io.layout.RecordBatch;
import org.hqd.casemix.layout.CodeEdition;
import org.hqd.casemix.layout.LayoutCatalog;
import java.util.List;

/**
 * Groups an abstracts CSV into a results CSV, streaming: the input is cut into chunks of whole records, chunks
 * are parsed and grouped on a pool of threads, and results are written in input order. At most a few chunks
 * are in memory at once, whatever the file's size. Rows that fail an input check are results with status
 * {@code INVALID}, and are also handed to {@code invalidRows} with their line and reason.
 */
public final class GroupFileJob {

    /**
     * @param charset    encoding of a CSV input, empty to detect it (results are always UTF-8)
     * @param threads    worker threads; 0 means one per processor
     * @param chunkBytes target chunk size
     * @param layout     the input's layout, empty to recognise it from the header
     */
    public record Settings(Optional<Charset> charset, GroupingOptions options, int threads, int chunkBytes,
                           Optional<String> layout, LayoutCatalog layouts) {
        /** A CSV input in this charset, its layout recognised among the bundled ones. */
        public Settings(Charset charset, GroupingOptions options, int threads, int chunkBytes) {
            this(Optional.of(charset), options, threads, chunkBytes, Optional.empty(), LayoutCatalog.bundled());
        }

        /** Encoding detected, layout recognised, chunks of 1 MiB, a thread per processor. */
        public static Settings defaults(GroupingOptions options) {
            return new Settings(Optional.empty(), options, 0, 1 << 20, Optional.empty(), LayoutCatalog.bundled());
        }
    }

    private record Outcome(byte[] csv, long[] counts, long warned, List<InvalidRow> invalid,
                           Map<String, Long> unmapped) { }

    private final DrgGrouper grouper;
    private final Settings settings;

    public GroupFileJob(DrgGrouper grouper, Settings settings) {
        this.grouper = grouper;
        this.settings = settings;
    }

    /**
     * Runs the job.
     *
     * @param source name of the input, for messages
     * @throws HqdException when the input has no header or lacks a column grouping needs
     */
    public GroupingSummary run(InputStream in, String source, OutputStream out, Consumer<InvalidRow> invalidRows)
            throws IOException {
        long started = System.nanoTime();
        long[] counts = new long[GroupingStatus.values().length];
        long[] warned = {0};
        Map<String, Long> unmapped = new HashMap<>();
        String readAs;
        try (AbstractFile file = AbstractFile.open(in, source, new AbstractFile.Options(settings.charset(),
                settings.layout(), settings.layouts(), settings.chunkBytes()))) {
            AbstractHeader header = file.header(AbstractColumn.FOR_GROUPING);
            // a front sheet carries clinical-edition codes: they are mapped as with --map-codes
            GroupingOptions options = file.layout().codeEdition() == CodeEdition.CLINICAL
                    ? new GroupingOptions(settings.options().trace(), true) : settings.options();
            boolean trace = options.trace();
            out.write(((trace ? ResultCsv.HEADER_TRACED : ResultCsv.HEADER) + "\n").getBytes(StandardCharsets.UTF_8));
            file.run(settings.threads(), batch -> process(batch, header, options),
                    o -> {
                        out.write(o.csv());
                        for (int i = 0; i < counts.length; i++) {
                            counts[i] += o.counts()[i];
                        }
                        warned[0] += o.warned();
                        o.unmapped().forEach((k, v) -> unmapped.merge(k, v, Long::sum));
                        o.invalid().forEach(invalidRows);
                    });
            readAs = file.describe();
        }
        out.flush();
        Map<GroupingStatus, Long> byStatus = new EnumMap<>(GroupingStatus.class);
        long total = 0;
        for (GroupingStatus s : GroupingStatus.values()) {
            byStatus.put(s, counts[s.ordinal()]);
            total += counts[s.ordinal()];
        }
        return new GroupingSummary(total, byStatus, warned[0], unmapped,
                java.time.Duration.ofNanos(System.nanoTime() - started), readAs);
    }

    private Outcome process(RecordBatch batch, AbstractHeader header, GroupingOptions options) {
        RecordBatch.Rows rows = batch.rows();
        AbstractRowParser parser = new AbstractRowParser(header);
        StringBuilder csv = new StringBuilder(1 << 16);
        long[] counts = new long[GroupingStatus.values().length];
        long warned = 0;
        List<InvalidRow> invalid = new ArrayList<>(0);
        Map<String, Long> unmapped = new HashMap<>(0);
        while (rows.next()) {
            ParsedAbstract row = parser.parse(rows.fields());
            String blocker = row.groupingBlocker();
            GroupingResult r = blocker.isEmpty() ? grouper.group(row.abstract_(), options)
                    : GroupingResult.invalid(row.abstract_().recordId(), blocker,
                    options.trace() ? List.of("读取不通过：" + blocker) : List.of());
            if (r.status() == GroupingStatus.INVALID) {
                invalid.add(new InvalidRow(row.line(), r.recordId(), r.reason()));
            }
            counts[r.status().ordinal()]++;
            if (!r.warnings().isEmpty()) {
                warned++;
            }
            for (String u : r.unmapped()) {
                unmapped.merge(u, 1L, Long::sum);
            }
            ResultCsv.append(csv, r, options.trace());
        }
        return new Outcome(csv.toString().getBytes(StandardCharsets.UTF_8), counts, warned, invalid, unmapped);
    }
}
