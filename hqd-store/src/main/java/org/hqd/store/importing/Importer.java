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
import java.util.stream.Stream;
import org.hqd.HqdException;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSettings;
import org.hqd.intake.ImportSummary;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;
import org.hqd.io.csv.TextEncoding;
import org.hqd.io.layout.AbstractFile;
import org.hqd.quality.AbstractQualityChecks;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.OwnerOnly;
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

    /** The folder of a data directory whose {@code *.json} layout files the import knows besides the bundled ones. */
    public static final String LAYOUTS_FOLDER = "layouts";

    private final DataDirectory dir;
    private final RulePackCatalog packs;
    private final QualityRuleCatalog rules;
    private final ImportSettings settings;
    private final RulePack pack;
    private final DrgGrouper grouper;
    private final LayoutCatalog layouts;

    public Importer(DataDirectory dir, RulePackCatalog packs, QualityRuleCatalog rules, ImportSettings settings) {
        this.dir = dir;
        this.packs = packs;
        this.rules = rules;
        this.settings = settings;
        this.pack = packs.load(scheme());
        this.grouper = DrgGrouper.of(pack);
        this.layouts = settings.layouts().withFolder(dir.path().resolve(LAYOUTS_FOLDER));
    }

    /**
     * The files of these paths (a directory stands for its .csv, .parquet, .xlsx, .xls and .dbf files), the files of
     * a directory in name order.
     */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Files.isRegularFile(f) && (n.endsWith(".csv") || n.endsWith(".parquet")
                                || n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".dbf"))
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
     * The files in the order to import them: the register first, then facility and yearly reports, then abstracts (so that a
     * summary of the abstracts can already name tiers and match org codes), each kind in the given order. Any file
     * that is neither a register nor facility reports counts as abstracts here, and fails when imported if it is in
     * no known layout.
     */
    public List<Path> inImportOrder(List<Path> files) throws IOException {
        List<Path> ordered = new ArrayList<>(files);
        Map<Path, Integer> rank = new java.util.HashMap<>();
        for (Path f : files) {
            rank.put(f, tableKind(f).map(k -> k == FileKind.HOSPITALS ? 0 : 1).orElse(2));
        }
        ordered.sort(Comparator.comparing(rank::get));
        return ordered;
    }

    /**
     * Imports one file as one batch.
     *
     * @throws org.hqd.HqdException when the file is in no known layout (naming the closest), lacks a required column
     *                              or is not in a readable encoding; nothing is written then
     */
    public ImportSummary importFile(Path file) throws IOException {
        long started = System.nanoTime();
        Path work = dir.scratch("import"); // owner-only; left by a kill, removed at the next opening
        try {
            boolean parquet = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
            Path csv = parquet ? parquetToCsv(file, work) : file;
            String name = file.getFileName().toString();
            Optional<FileKind> table = parquet ? Optional.empty() : tableKind(file);
            ImportSummary s;
            if (table.isPresent()) {
                s = new TableImport(dir, rules, csvCharset(file), table.get()).run(csv, name, work);
            } else {
                // DuckDB writes Parquet as UTF-8 CSV in the canonical columns
                AbstractFile.Options o = parquet ? new AbstractFile.Options(Optional.of(StandardCharsets.UTF_8),
                        Optional.empty(), layouts) : new AbstractFile.Options(settings.charset(), settings.layout(),
                        layouts);
                try (InputStream in = Files.newInputStream(csv);
                     AbstractFile abstracts = AbstractFile.open(in, file.toString(), o)) {
                    s = importAbstracts(abstracts, name, work);
                }
            }
            return withElapsed(s, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            OwnerOnly.deleteTree(work);
        }
    }

    private ImportSummary importAbstracts(AbstractFile file, String name, Path work) throws IOException {
        AbstractQualityChecks checks = new AbstractQualityChecks(rules, grouper::knowsCode);
        Register register = register();
        HospitalBuckets ranges = new HospitalBuckets(register.ids());
        AbstractStaging staging = new AbstractStaging(grouper, checks, dir.pseudonymizer(), ranges, register::resolve,
                register::registered, settings.threads());
        Path findings = work.resolve("findings.csv");
        AbstractStaging.Staged staged = staging.run(file, name, work, findings);
        Optional<Integer> earlier = batchWithHash(staged.contentHash());
        if (earlier.isPresent()) {
            return new ImportSummary(name, FileKind.ABSTRACTS, earlier.get(), true, staged.read(), 0, 0, 0, 0, 0,
                    Map.of(), Optional.empty(), Duration.ZERO, file.describe(), 0);
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
                byRule, rejects, Duration.ZERO, file.describe(), staged.mappedRows());
    }

    /**
     * The register's hospitals, and their org codes: a file's hospital code that is an org code (组织机构代码 or
     * 医保定点编码) stands for its hospital; any other code is kept as it is.
     */
    private record Register(List<String> ids, Map<String, String> byOrgCode, java.util.Set<String> known) {
        Register(List<String> ids, Map<String, String> byOrgCode) {
            this(ids, byOrgCode, java.util.Set.copyOf(ids));
        }

        String resolve(String code) {
            String id = byOrgCode.get(code);
            return id == null ? code : id;
        }

        /** Whether cases of this hospital may be stored: it is in the register, or no register was imported yet. */
        boolean registered(String id) {
            return known.isEmpty() || known.contains(id);
        }
    }

    private Register register() {
        List<String> ids = new ArrayList<>();
        Map<String, String> byOrg = new java.util.HashMap<>();
        try (Statement s = dir.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT hospital_id, org_code FROM hospitals")) {
            while (r.next()) {
                ids.add(r.getString(1));
                if (r.getString(2) != null && !r.getString(2).isBlank()) {
                    byOrg.put(r.getString(2).strip(), r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取医院名册", e);
        }
        ids.forEach(byOrg::remove); // a hospital id is itself, even if another hospital had it as its org code
        return new Register(ids, byOrg);
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

    /**
     * Whether a CSV file is the register or facility reports (their own columns); empty for anything else (abstracts
     * in some layout, Parquet, a workbook, a DBF table).
     */
    private Optional<FileKind> tableKind(Path f) throws IOException {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".parquet") || n.endsWith(".xlsx") || n.endsWith(".xls") || n.endsWith(".dbf")) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(f)) {
            Optional<CsvChunk> first = new CsvChunkReader(in, 1 << 16).next();
            if (first.isEmpty()) {
                return Optional.empty();
            }
            Charset cs = settings.charset().orElseGet(() -> TextEncoding.of(first.get().data(), 0, first.get().length())
                    .charset().orElse(StandardCharsets.UTF_8));
            return FileKind.recognise(CsvScanner.header(first, cs, f.toString()))
                    .filter(k -> k != FileKind.ABSTRACTS);
        }
    }

    /** The charset of a register or facility-report file: the one named, or the one its bytes are valid in. */
    private Charset csvCharset(Path f) throws IOException {
        if (settings.charset().isPresent()) {
            return settings.charset().get();
        }
        byte[] b = Files.readAllBytes(f);
        return TextEncoding.of(b, 0, b.length).charset().orElseThrow(() -> org.hqd.HqdException.withHint(f
                + "：文件既不是 UTF-8 也不是 GBK 编码的文本", "：请用 --encoding 指明它的编码"));
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
                s.replaced(), s.unchanged(), s.rejected(), s.warned(), s.findingsByRule(), s.rejectsFile(), d,
                s.readAs(), s.mappedRows());
    }
}
