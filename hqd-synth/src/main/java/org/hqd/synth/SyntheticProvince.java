package org.hqd.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.conformance.ConformanceCase;
import org.hqd.io.conformance.ConformanceSuite;

/**
 * A synthetic province: hospitals, their discharges, monthly facility reports and yearly reports, written as the
 * four files HQD imports ({@value #HOSPITALS_FILE}, {@value #ABSTRACTS_FILE}, {@value #FACILITY_REPORTS_FILE},
 * {@value #ANNUAL_REPORTS_FILE}).
 *
 * <p>Every discharge copies the codes of a template case that the grouper puts in a DRG; the templates are grouped
 * once, here. The files are a pure function of the {@link GeneratorSettings} (the thread count aside) and are
 * written streaming, so memory does not grow with the number of records. An instance is immutable and can write
 * any number of provinces, also concurrently.
 *
 * <pre>{@code
 * SyntheticProvince province = SyntheticProvince.standard();
 * GenerationSummary s = province.writeTo(GeneratorSettings.of(200, 1_000_000, 12, 42), Path.of("demo"));
 * }</pre>
 */
public final class SyntheticProvince {
    public static final String HOSPITALS_FILE = "hospitals.csv";
    public static final String ABSTRACTS_FILE = "abstracts.csv";
    public static final String FACILITY_REPORTS_FILE = "facility_reports.csv";
    /** The yearly hospital reports (机构年报), one row per hospital and calendar year of the period. */
    public static final String ANNUAL_REPORTS_FILE = AnnualReportWriter.FILE;
    /** The scheme of {@link #standard()}: its grouper and its conformance cases as templates. */
    public static final String STANDARD_PACK = "chs-drg-1.1";

    private final TemplateLibrary library;

    /**
     * A province whose cases copy these templates; each is grouped once with {@code grouper} and only those that
     * group into a DRG are used.
     *
     * @throws org.hqd.HqdException when none of them groups into a DRG
     */
    public SyntheticProvince(DrgGrouper grouper, List<DischargeAbstract> templates) {
        Objects.requireNonNull(grouper, "grouper");
        Objects.requireNonNull(templates, "templates");
        this.library = TemplateLibrary.build(grouper, templates);
    }

    /** The province of the bundled CHS-DRG 1.1 pack, with its 20,000 conformance cases as templates. */
    public static SyntheticProvince standard() {
        // the pack and the conformance cases are read side by side: most of a run's start-up on a small run
        CompletableFuture<List<DischargeAbstract>> cases = CompletableFuture.supplyAsync(() ->
                ConformanceSuite.bundled(STANDARD_PACK).cases().stream().map(ConformanceCase::input).toList());
        DrgGrouper grouper = DrgGrouper.of(RulePackCatalog.bundled().load(STANDARD_PACK));
        try {
            return new SyntheticProvince(grouper, cases.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** How many distinct DRGs the templates cover. */
    public int drgs() {
        return library.groups().size();
    }

    /**
     * Writes {@value #HOSPITALS_FILE}, {@value #ABSTRACTS_FILE}, {@value #FACILITY_REPORTS_FILE} and
     * {@value #ANNUAL_REPORTS_FILE} into
     * {@code dir} (created if needed; files of these names are replaced).
     *
     * @throws IOException when the folder or a file cannot be written
     */
    public GenerationSummary writeTo(GeneratorSettings settings, Path dir) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dir, "dir");
        long start = System.nanoTime();
        Files.createDirectories(dir);
        List<Hospital> hospitals = HospitalRegister.build(settings.hospitals(), settings.seed());
        Path register = dir.resolve(HOSPITALS_FILE);
        RegisterWriter.write(hospitals, register);
        ReportingPeriod period = new ReportingPeriod(settings.firstMonth(), settings.months());
        MonthlyTotals totals = new MonthlyTotals(hospitals.size(), period.months());
        AbstractBlocks blocks = new AbstractBlocks(library.groups(), hospitals, period, settings.seed(),
                settings.records());
        Path abstracts = dir.resolve(ABSTRACTS_FILE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(abstracts), 1 << 20)) {
            out.write(CsvBytes.utf8(AbstractRowWriter.header() + "\n"));
            OrderedBlocks.run(settings.threads(), blocks.count(), blocks::generate, block -> {
                block.text().writeTo(out);
                totals.add(block);
                blocks.recycle(block.text());
            });
        }
        Path reports = dir.resolve(FACILITY_REPORTS_FILE);
        FacilityMonth[][] months = new FacilityMonth[hospitals.size()][period.months()];
        long reportRows = FacilityReportWriter.write(hospitals, period, totals, settings.seed(), reports, months);
        Path annual = dir.resolve(ANNUAL_REPORTS_FILE);
        long annualRows = AnnualReportWriter.write(hospitals, period, totals, months, settings.seed(), annual);
        long bytes = Files.size(register) + Files.size(abstracts) + Files.size(reports) + Files.size(annual);
        return new GenerationSummary(hospitals.size(), settings.records(), reportRows, annualRows, bytes, dir,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
