package org.hqd.store.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.evaluation.Measure;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;
import org.hqd.hospital.SyntheticData;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSummary;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;
import org.hqd.quality.QualityRule;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.OwnerOnly;
import org.hqd.store.Transaction;

/**
 * Imports a hospital register, a facility-report file or a yearly hospital report (机构年报): small tables keyed by
 * hospital (and period, or year). A row with a
 * missing key or an unreadable value is rejected with its reason; the others replace the stored rows with the
 * same key. One transaction per file; the same content twice changes nothing.
 */
final class TableImport {
    private final DataDirectory dir;
    private final Charset charset;
    private final FileKind kind;
    private final QualityRule rule;
    private final List<String> columns;
    private final List<String> required;
    private final String table;
    /** The second key column: period, year, or empty for the register. */
    private final String second;

    TableImport(DataDirectory dir, QualityRuleCatalog rules, Charset charset, FileKind kind) {
        this.dir = dir;
        this.charset = charset;
        this.kind = kind;
        boolean register = kind == FileKind.HOSPITALS;
        this.rule = rules.rule(register ? "REGISTER_INVALID" : "REPORT_INVALID");
        this.columns = switch (kind) {
            case HOSPITALS -> HospitalColumn.all();
            case ANNUAL_REPORTS -> annualColumns();
            default -> FacilityReportColumn.header();
        };
        this.required = switch (kind) {
            case HOSPITALS -> HospitalColumn.header();
            case ANNUAL_REPORTS -> List.of("hospital_id", "year");
            default -> FacilityReportColumn.header();
        };
        this.table = switch (kind) {
            case HOSPITALS -> "hospital_register";
            case ANNUAL_REPORTS -> "annual_report_rows";
            default -> "facility_report_rows";
        };
        this.second = switch (kind) {
            case HOSPITALS -> "";
            case ANNUAL_REPORTS -> "year";
            default -> "period";
        };
    }

    ImportSummary run(Path csv, String file, Path work) throws IOException {
        byte[] bytes = Files.readAllBytes(csv);
        String hash = HexFormat.of().formatHex(AbstractStaging.sha256().digest(bytes));
        List<String[]> good = new ArrayList<>();
        List<String[]> bad = new ArrayList<>();
        boolean synthetic = read(bytes, file, good, bad);
        Path stage = work.resolve("table.csv");
        Path findings = work.resolve("findings.csv");
        try (OutputStream out = OwnerOnly.newFile(stage); OutputStream f = OwnerOnly.newFile(findings)) {
            StagingLines rows = new StagingLines(bytes.length + bytes.length / 4);
            for (String[] row : good) {
                for (String v : row) {
                    rows.text(v);
                }
                rows.end();
            }
            rows.writeTo(out);
            StagingLines rejected = new StagingLines(1 << 10);
            for (String[] b : bad) {
                rejected.text(file).text(b[0]).text(b[1]).text("").text(b.length > 3 ? b[3] : "")
                        .text(rule.id()).text(rule.dimension()).text(rule.severity().name())
                        .text(rule.message() + "：" + b[2]).end();
            }
            rejected.writeTo(f);
        }
        return merge(file, hash, stage, findings, good.size(), bad.size(), synthetic);
    }

    /**
     * Reads the rows into good and bad ones; returns whether a register marks an accepted hospital as generated
     * (its optional column {@value SyntheticData#REGISTER_COLUMN} is {@code 1}).
     */
    private boolean read(byte[] bytes, String file, List<String[]> good, List<String[]> bad) throws IOException {
        CsvChunkReader reader = new CsvChunkReader(new java.io.ByteArrayInputStream(bytes), 1 << 16, file);
        Optional<CsvChunk> chunk = reader.next();
        List<String> header = CsvScanner.header(chunk, charset, file);
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            Integer earlier = at.putIfAbsent(name, i);
            if (earlier != null && columns.contains(name)) {
                throw new HqdException(file + "：表头中列 " + name + " 出现两次（第 " + (earlier + 1) + " 列和第 " + (i + 1)
                        + " 列），无法确定用哪一列；请删去重复的列");
            }
        }
        List<String> missing = required.stream().filter(c -> !at.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new HqdException(file + "：" + kind.label() + "缺少列 " + String.join("、", missing));
        }
        Map<String, Long> firstLineOfKey = new HashMap<>();
        Integer mark = kind == FileKind.HOSPITALS ? at.get(SyntheticData.REGISTER_COLUMN) : null;
        boolean synthetic = false;
        CsvScanner s = new CsvScanner(charset);
        boolean headerLine = true;
        for (; chunk.isPresent(); chunk = reader.next()) {
            s.reset(chunk.get());
            while (s.next()) {
                if (headerLine) {
                    headerLine = false;
                    continue;
                }
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    Integer col = at.get(columns.get(i));
                    row[i] = col == null ? "" : s.field(col).strip();
                }
                String shape = s.shapeProblem(header.size());
                String problem = shape.isEmpty() ? problem(row) : shape;
                String key = kind == FileKind.HOSPITALS ? row[0] : row[0] + "|" + row[1];
                if (problem.isEmpty() && firstLineOfKey.containsKey(key)) {
                    problem = "与第 " + firstLineOfKey.get(key) + " 行重复";
                }
                if (problem.isEmpty()) {
                    firstLineOfKey.put(key, s.line());
                    good.add(row);
                    synthetic |= mark != null && "1".equals(s.field(mark).strip());
                } else {
                    bad.add(new String[] {String.valueOf(s.line()), row[0], problem,
                        second.isEmpty() ? "" : row[1]});
                }
            }
        }
        return synthetic;
    }

    /** What is wrong with a row, or empty. */
    private String problem(String[] row) {
        if (row[0].isEmpty()) {
            return "hospital_id 缺失";
        }
        if (kind == FileKind.HOSPITALS) {
            if (HospitalTier.byName(row[5]).isEmpty()) {
                return "tier 取值 '" + row[5] + "' 无效";
            }
            if (HospitalType.byName(row[6]).isEmpty()) {
                return "type 取值 '" + row[6] + "' 无效";
            }
            row[5] = row[5].toUpperCase(Locale.ROOT);
            row[6] = row[6].toUpperCase(Locale.ROOT);
            return whole(row[7], "beds", Integer.MAX_VALUE);
        }
        if (kind == FileKind.ANNUAL_REPORTS) {
            return annualProblem(row);
        }
        try {
            YearMonth.parse(row[1]);
        } catch (DateTimeParseException e) {
            return "period 应为 YYYY-MM：'" + row[1] + "'";
        }
        for (int i = 2; i < row.length; i++) {
            String column = columns.get(i);
            String p = WHOLE_NUMBERS.contains(column)
                    ? whole(row[i], column, column.endsWith("visits") || column.equals("appointments")
                        ? Long.MAX_VALUE : Integer.MAX_VALUE)
                    : amount(row[i], column);
            if (!p.isEmpty()) {
                return p;
            }
        }
        return "";
    }

    /** The yearly report's columns: the key, then the measures of that source in their order. */
    static List<String> annualColumns() {
        List<String> out = new ArrayList<>(List.of("hospital_id", "year"));
        Measure.annualReportColumns().forEach(m -> out.add(m.id()));
        return out;
    }

    /** What is wrong with a yearly-report row: the year, a count that is not whole, a flag that is not 0 or 1. */
    private String annualProblem(String[] row) {
        if (!row[1].matches("(19|20)\\d{2}")) {
            return "year 应为四位年份（如 2024）：'" + row[1] + "'";
        }
        List<Measure> measures = Measure.annualReportColumns();
        for (int i = 2; i < row.length; i++) {
            Measure m = measures.get(i - 2);
            String p;
            if (m.kind() == Measure.Kind.FLAG) {
                p = row[i].isEmpty() || row[i].equals("0") || row[i].equals("1") ? ""
                        : m.id() + " 应为 1（是）或 0（否）：'" + row[i] + "'";
            } else {
                p = m.kind().whole() ? whole(row[i], m.id(), Long.MAX_VALUE) : amount(row[i], m.id());
            }
            if (!p.isEmpty()) {
                return p;
            }
        }
        return "";
    }

    /** Facility-report columns that hold counts (whole numbers); the others are amounts or scores. */
    private static final java.util.Set<String> WHOLE_NUMBERS = java.util.Set.of("beds", "physicians", "nurses",
            "pharmacists", "emr_level", "outpatient_visits", "appointments");

    /** Empty, or what is wrong with a whole number that must be 0..max. */
    private static String whole(String v, String column, long max) {
        if (v.isEmpty()) {
            return "";
        }
        if (v.length() > 18 || !v.chars().allMatch(Character::isDigit) || Long.parseLong(v) > max) {
            return column + " 不是非负整数" + "：'" + v + "'";
        }
        return "";
    }

    /** Empty, or what is wrong with a non-negative decimal amount. */
    private static String amount(String v, String column) {
        if (v.isEmpty() || v.matches("\\d{1,15}(\\.\\d{1,6})?")) {
            return "";
        }
        return column + " 不是非负数值：'" + v + "'";
    }

    private ImportSummary merge(String file, String hash, Path stage, Path findings, long good, long bad,
                                boolean synthetic) {
        ImportSummary merged = Transaction.run(dir.connection(), "导入 " + file, c -> {
            try (Statement s = c.createStatement()) {
                try (var r = s.executeQuery("SELECT batch_id FROM import_batches WHERE content_hash = '" + hash + "'")) {
                    if (r.next()) {
                        return new ImportSummary(file, kind, r.getInt(1), true, good + bad, 0, 0, 0, 0, 0, Map.of(),
                                Optional.empty(), Duration.ZERO);
                    }
                }
                int batch = Batch.nextBatchId(s);
                String key = second.isEmpty() ? "hospital_id" : "hospital_id, " + second;
                StringBuilder cols = new StringBuilder("{");
                for (String col : columns) {
                    cols.append(cols.length() > 1 ? "," : "").append('\'').append(col).append("':'VARCHAR'");
                }
                s.execute("CREATE OR REPLACE TEMP TABLE stage_table AS SELECT * FROM "
                        + StagingTables.reader(stage, cols.append('}').toString()));
                StringBuilder same = new StringBuilder();
                for (String col : columns) {
                    same.append(same.length() > 0 ? " AND " : "").append("s.").append(col)
                            .append(" IS NOT DISTINCT FROM CAST(t.").append(col).append(" AS VARCHAR)");
                }
                String joinOn = second.isEmpty() ? "t.hospital_id = s.hospital_id"
                        : "t.hospital_id = s.hospital_id AND t." + second + " = s." + second;
                // an identical row changes nothing: drop it from the stage and count it as unchanged
                s.execute("CREATE OR REPLACE TEMP TABLE stage_same AS SELECT s.hospital_id"
                        + (second.isEmpty() ? "" : ", s." + second) + " FROM stage_table s JOIN " + table
                        + " t ON " + joinOn + " WHERE " + same);
                long unchanged = Batch.count(s, "SELECT count(*) FROM stage_same");
                s.execute("DELETE FROM stage_table s USING stage_same t WHERE " + joinOn);
                long replaced = Batch.count(s, "SELECT count(*) FROM stage_table JOIN " + table + " USING (" + key + ")");
                s.execute("DELETE FROM " + table + " t USING stage_table s WHERE " + joinOn);
                long added = Batch.count(s, "SELECT count(*) FROM stage_table") - replaced;
                s.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ", batch_id) SELECT "
                        + String.join(", ", columns) + ", " + batch + " FROM stage_table");
                s.execute("INSERT INTO quality_findings SELECT " + batch + ", * FROM "
                        + StagingTables.reader(findings, StagingTables.FINDING_COLUMNS));
                Batch.recordBatch(c, batch, file, kind.name(), hash, null, good + bad, added, replaced, unchanged, bad,
                        0);
                s.execute("DROP TABLE stage_table");
                s.execute("DROP TABLE stage_same");
                if (synthetic) {
                    // a generated register: every page, briefing and export of this directory is labelled 合成数据
                    s.execute("INSERT INTO settings VALUES ('" + DataDirectory.SYNTHETIC_SETTING + "', 'true') "
                            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
                }
                return new ImportSummary(file, kind, batch, false, good + bad, added, replaced, unchanged, bad, 0,
                        bad > 0 ? Map.of(rule.id(), bad) : Map.of(), Optional.empty(), Duration.ZERO);
            }
        });
        if (merged.alreadyImported() || bad == 0) {
            return merged;
        }
        Optional<Path> rejects = new Batch(dir, null).exportFindings(merged.batchId(), file);
        return new ImportSummary(merged.file(), merged.kind(), merged.batchId(), false, merged.read(), merged.imported(),
                merged.replaced(), merged.unchanged(), merged.rejected(), merged.warned(), merged.findingsByRule(),
                rejects, merged.elapsed());
    }

}
