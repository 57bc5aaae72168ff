package org.hqd.store.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hqd.HqdException;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;
import org.hqd.quality.AbstractQualityChecks;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * Imports files into a data directory ({@code hqd import}). Each file is one batch and one transaction: either
 * all of it is in the store or none of it (a crash or kill rolls back). A file's kind is recognised by its
 * header; Parquet files are read through DuckDB. Importing the same content again changes nothing; a row whose
 * hospital_id + record_id is already stored replaces the old version when it differs.
 */
public final class Importer {
    /** The setting that holds the data directory's grouping scheme. */
    public static final String SCHEME_SETTING = "scheme";

    /** @param scheme the scheme asked for on the command line, if any */
    public record Settings(Charset charset, int threads, Optional<String> scheme) { }

    private final DataDirectory dir;
    private final RulePackCatalog packs;
    private final QualityRuleCatalog rules;
    private final Settings settings;
    private final RulePack pack;
    private final DrgGrouper grouper;

    public Importer(DataDirectory dir, RulePackCatalog packs, QualityRuleCatalog rules, Settings settings) {
        this.dir = dir;
        this.packs = packs;
        this.rules = rules;
        this.settings = settings;
        this.pack = packs.load(scheme());
        this.grouper = DrgGrouper.of(pack);
        removeStaleWork();
    }

    /**
     * Removes the work folders of imports that were killed: this process holds the directory's write lock, so no
     * other import can be running.
     */
    private void removeStaleWork() {
        try (Stream<Path> s = Files.list(dir.folder("tmp"))) {
            s.filter(p -> p.getFileName().toString().startsWith("import-")).forEach(Importer::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files of these paths (a directory stands for its .csv and .parquet files), the files of a directory in
     * name order.
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Files.isRegularFile(f) && (n.endsWith(".csv") || n.endsWith(".parquet"))
                                && !n.endsWith(".invalid.csv") && !n.endsWith(".rejects.csv");
                    }).sorted(Comparator.comparing(Path::toString)).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new HqdException("文件不存在：" + p);
            }
        }
        return files;
    }

    /**
     * The files in the order to import them: the register first, then facility reports, then abstracts (so that a
     * summary of the abstracts can already name tiers), each kind in the given order. Parquet files count as
     * abstracts here; an unrecognised file keeps its place at the end and fails when imported.
     */
    public List<Path> inImportOrder(List<Path> files) throws IOException {
        List<Path> ordered = new ArrayList<>(files);
        Map<Path, Integer> rank = new java.util.HashMap<>();
        for (Path f : files) {
            boolean parquet = f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
            int r = FileKind.ABSTRACTS.ordinal();
            if (!parquet) {
                try (InputStream in = Files.newInputStream(f)) {
                    r = new CsvChunkReader(in, 1 << 16).next()
                            .flatMap(c -> FileKind.recognise(CsvScanner.header(Optional.of(c), settings.charset(),
                                    f.toString())))
                            .map(k -> k == FileKind.ABSTRACTS ? 2 : k == FileKind.FACILITY_REPORTS ? 1 : 0).orElse(3);
                }
            } else {
                r = 2;
            }
            rank.put(f, r);
        }
        ordered.sort(Comparator.comparing(rank::get));
        return ordered;
    }

    public ImportSummary importFile(Path file) throws IOException {
        long started = System.nanoTime();
        Path work = dir.folder("tmp").resolve("import-" + UUID.randomUUID());
        Files.createDirectories(work);
        try {
            boolean parquet = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
            Path csv = parquet ? parquetToCsv(file, work) : file;
            Charset charset = parquet ? StandardCharsets.UTF_8 : settings.charset(); // DuckDB writes UTF-8
            FileKind kind = kind(csv, file, charset);
            String name = file.getFileName().toString();
            ImportSummary s = switch (kind) {
                case ABSTRACTS -> importAbstracts(csv, name, work, charset);
                case HOSPITALS, FACILITY_REPORTS -> new TableImport(dir, rules, charset, kind).run(csv, name, work);
            };
            return withElapsed(s, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            deleteTree(work);
        }
    }

    private ImportSummary importAbstracts(Path csv, String name, Path work, Charset charset) throws IOException {
        AbstractQualityChecks checks = new AbstractQualityChecks(rules, grouper::knowsCode);
        HospitalBuckets ranges = new HospitalBuckets(registeredHospitals());
        AbstractStaging staging = new AbstractStaging(grouper, checks, dir.pseudonymizer(), ranges, charset,
                settings.threads());
        Path findings = work.resolve("findings.csv");
        AbstractStaging.Staged staged;
        try (InputStream in = Files.newInputStream(csv)) {
            staged = staging.run(in, name, work, findings);
        }
        Optional<Integer> earlier = batchWithHash(staged.contentHash());
        if (earlier.isPresent()) {
            return new ImportSummary(name, FileKind.ABSTRACTS, earlier.get(), true, staged.read(), 0, 0, 0, 0, 0,
                    Map.of(), Optional.empty(), Duration.ZERO);
        }
        Batch b = new Batch(dir, rules);
        BatchCounts counts = b.mergeAbstracts(name, staged, findings, pack.id(), ranges.fromRegister());
        Optional<Path> rejects = b.exportFindings(counts.batchId(), name);
        Map<String, Long> byRule = new java.util.TreeMap<>(staged.findingsByRule());
        if (counts.duplicates() > 0) {
            byRule.merge("DUPLICATE_RECORD", counts.duplicates(), Long::sum);
        }
        return new ImportSummary(name, FileKind.ABSTRACTS, counts.batchId(), false, staged.read(), counts.added(),
                counts.replaced(), counts.unchanged(), staged.rejected() + counts.duplicates(), staged.warned(),
                byRule, rejects, Duration.ZERO);
    }

    private List<String> registeredHospitals() {
        List<String> ids = new ArrayList<>();
        try (Statement s = dir.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT hospital_id FROM hospitals")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("读取医院名册", e);
        }
        return ids;
    }

    private Optional<Integer> batchWithHash(String hash) {
        Connection c = dir.connection();
        try (var s = c.prepareStatement("SELECT batch_id FROM import_batches WHERE content_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("查询导入批次", e);
        }
    }

    private String scheme() {
        Optional<String> stored = dir.setting(SCHEME_SETTING);
        String wanted = settings.scheme().map(packs::canonical).orElse(stored.orElse(RulePackCatalog.DEFAULT_PACK));
        if (stored.isPresent() && !stored.get().equals(wanted)) {
            throw new HqdException("数据目录 " + dir.path() + " 的分组方案是 " + stored.get() + "，不能按 " + wanted
                    + " 导入；请另建数据目录");
        }
        if (stored.isEmpty()) {
            packs.load(wanted);
            dir.putSetting(SCHEME_SETTING, wanted);
        }
        return wanted;
    }

    private FileKind kind(Path csv, Path original, Charset charset) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            List<String> header = CsvScanner.header(new CsvChunkReader(in, 1 << 16).next(), charset,
                    original.toString());
            return FileKind.recognise(header).orElseThrow(() -> new HqdException(original + "：无法识别文件类型。病案首页须有 "
                    + "record_id 和 principal_dx 列，医院名册须有 hospital_id 和 tier 列，机构报表须有 hospital_id 和 period 列"));
        }
    }

    private Path parquetToCsv(Path parquet, Path work) {
        Path out = work.resolve(parquet.getFileName() + ".csv");
        try (Statement s = dir.connection().createStatement()) {
            s.execute("COPY (SELECT * FROM read_parquet('" + parquet.toAbsolutePath().toString().replace("'", "''")
                    + "')) TO '" + out.toAbsolutePath().toString().replace("'", "''") + "' (HEADER, DELIMITER ',')");
        } catch (SQLException e) {
            throw new StoreException("读取 Parquet 文件 " + parquet, e);
        }
        return out;
    }

    private static ImportSummary withElapsed(ImportSummary s, Duration d) {
        return new ImportSummary(s.file(), s.kind(), s.batchId(), s.alreadyImported(), s.read(), s.imported(),
                s.replaced(), s.unchanged(), s.rejected(), s.warned(), s.findingsByRule(), s.rejectsFile(), d);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
