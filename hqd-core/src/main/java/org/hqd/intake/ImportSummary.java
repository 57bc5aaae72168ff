package org.hqd.intake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What importing one file did.
 *
 * @param alreadyImported the same content was imported before (batch {@code batchId}); nothing changed
 * @param imported        rows added (new keys)
 * @param replaced        rows that replaced an earlier, different version of the same hospital_id + record_id
 * @param unchanged       rows identical to the version already stored
 * @param rejected        rows kept out (an ERROR rule failed)
 * @param warned          rows imported with a WARNING flag
 * @param findingsByRule  rule id → number of rows failing it
 * @param rejectsFile     the CSV listing every rejected and warned row, when there is one
 * @param readAs          the layout and form the file was read as (abstracts), e.g. "hqms-codes（…），CSV GBK"
 * @param mappedRows      rows whose 国家临床版 codes were mapped to 医保版 (a front-sheet layout)
 */
public record ImportSummary(String file, FileKind kind, int batchId, boolean alreadyImported, long read,
                            long imported, long replaced, long unchanged, long rejected, long warned,
                            Map<String, Long> findingsByRule, Optional<Path> rejectsFile, Duration elapsed,
                            String readAs, long mappedRows) {
    public ImportSummary {
        findingsByRule = new TreeMap<>(findingsByRule);
    }

    /** A summary of a file read in its only form (register, facility reports), no codes mapped. */
    public ImportSummary(String file, FileKind kind, int batchId, boolean alreadyImported, long read, long imported,
                         long replaced, long unchanged, long rejected, long warned, Map<String, Long> findingsByRule,
                         Optional<Path> rejectsFile, Duration elapsed) {
        this(file, kind, batchId, alreadyImported, read, imported, replaced, unchanged, rejected, warned,
                findingsByRule, rejectsFile, elapsed, "", 0);
    }

    public double rowsPerSecond() {
        double s = elapsed.toNanos() / 1e9;
        return s <= 0 ? 0 : read / s;
    }
}
