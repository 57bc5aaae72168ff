package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.grouping.ClinicalCodes;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.layout.LayoutFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same generated cases as a canonical file, a front sheet (GBK CSV, and DBF) and a settlement list (flat .xlsx,
 * line form): imported, they give the same cases, DRGs, costs and {@code hqd metrics --by hospital}.
 */
final class LayoutEqualityTest {
    /** What the cases view must hold alike (patient ids are pseudonyms: the data directories share the key). */
    private static final String CASES = "SELECT hospital_id, record_id, patient_id, sex, birth_date, age_years, age_days, "
            + "birth_weight_g, admission_date, discharge_date, los_days, admission_route, discharge_method, department, "
            + "attending_physician, principal_dx, secondary_dx, principal_proc, other_procs, day_surgery, payer, "
            + "total_cost, cost_western_drug + cost_herbal + cost_patent_drug AS drugs, cost_material, "
            + "cost_exam + cost_lab AS exam_lab, status, mdc, adrg, drg, cc, mcc FROM cases ORDER BY hospital_id, record_id";

    @TempDir
    static Path dir;
    private static Path canonical;
    private static Path key;

    /**
     * A small province whose cases all have codes the 国家临床版 can say: a 医保版 code that no clinical code maps to
     * (such as B44.900, mapped to B44.900x001) cannot be written in a front sheet and read back unchanged.
     */
    @BeforeAll
    static void province() throws IOException {
        Path gen = dir.resolve("gen");
        CliRun g = CliRun.of("generate", "--hospitals", "3", "--records", "800", "--months", "2", "--seed", "11",
                "--output", gen.toString());
        assertThat(g.exitCode()).as(g.err()).isZero();
        ClinicalCodes codes = new ClinicalCodes(RulePackCatalog.bundled().load("chs-drg-1.1").dictionary());
        Map<String, String> dx = codes.toClinical(true);
        Map<String, String> proc = codes.toClinical(false);
        List<String> lines = Files.readAllLines(gen.resolve("abstracts.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1); // the generator writes no field that needs quotes
            boolean sayable = true;
            for (String col : List.of("principal_dx", "secondary_dx", "principal_proc", "other_procs")) {
                boolean isDx = col.endsWith("dx");
                for (String c : f[header.indexOf(col)].split("\\|")) {
                    String written = (isDx ? dx : proc).getOrDefault(c, c);
                    Optional<String> back = isDx ? codes.diagnosis(written) : codes.procedure(written);
                    sayable &= c.isEmpty() || back.equals(Optional.of(c));
                }
            }
            if (sayable) {
                kept.add(line);
            }
        }
        assertThat(kept.size() - 1).as("cases kept").isGreaterThan(750);
        canonical = dir.resolve("canonical");
        Files.createDirectories(canonical);
        Files.write(canonical.resolve("abstracts.csv"), kept);
        Files.copy(gen.resolve("hospitals.csv"), canonical.resolve("hospitals.csv"));
        Files.copy(gen.resolve("facility_reports.csv"), canonical.resolve("facility_reports.csv"));
        key = imported("canonical", canonical).resolve("pseudonym.key");
    }

    /** The register, reports and one abstracts file imported into a new data directory; returns the directory. */
    private static Path imported(String name, Path folder) throws IOException {
        Path data = dir.resolve("data-" + name);
        Files.createDirectories(data);
        if (key != null) {
            Files.copy(key, data.resolve("pseudonym.key"));
        }
        CliRun imp = CliRun.of("import", "--data", data.toString(), folder.toString());
        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).doesNotContainPattern("拒收 [1-9]");
        return data;
    }

    /** The canonical abstracts written in a layout, beside the register and reports. */
    private static Path inLayout(String layout, LayoutFiles.Form form, Charset charset) throws IOException {
        Path folder = dir.resolve(layout + "-" + form);
        Files.createDirectories(folder);
        Files.copy(canonical.resolve("hospitals.csv"), folder.resolve("hospitals.csv"));
        Map<String, String> orgCodes = new java.util.HashMap<>();
        List<String> reg = Files.readAllLines(canonical.resolve("hospitals.csv"));
        int org = List.of(reg.get(0).split(",")).indexOf("org_code");
        for (String r : reg.subList(1, reg.size())) {
            String[] f = r.split(",");
            orgCodes.put(f[0], f[org]);
        }
        ClinicalCodes codes = new ClinicalCodes(RulePackCatalog.bundled().load("chs-drg-1.1").dictionary());
        LayoutFiles.write(canonical.resolve("abstracts.csv"), LayoutCatalog.bundled().named(layout), orgCodes,
                Optional.of(codes), folder.resolve("abstracts." + form.name().toLowerCase(java.util.Locale.ROOT)), form,
                charset, 2);
        return folder;
    }

    private static void assertSameAsCanonical(Path data) {
        Path c = dir.resolve("data-canonical");
        CliRun a = CliRun.of("sql", "--data", c.toString(), CASES);
        CliRun b = CliRun.of("sql", "--data", data.toString(), CASES);
        assertThat(b.out().lines().count()).isGreaterThan(750);
        assertThat(b.out()).isEqualTo(a.out());
        CliRun ma = CliRun.of("metrics", "--data", c.toString(), "--by", "hospital", "--format", "csv");
        CliRun mb = CliRun.of("metrics", "--data", data.toString(), "--by", "hospital", "--format", "csv");
        assertThat(mb.exitCode()).as(mb.err()).isZero();
        assertThat(mb.out()).isEqualTo(ma.out());
    }

    @Test
    void frontSheetInGbkCsv_givesTheSameCasesGroupsCostsAndMetrics() throws IOException {
        Path data = imported("hqms-chinese", inLayout("hqms-chinese", LayoutFiles.Form.CSV, Charset.forName("GBK")));

        assertSameAsCanonical(data);
        String grades = "SELECT record_id, proc_levels FROM cases ORDER BY hospital_id, record_id";
        assertThat(CliRun.of("sql", "--data", data.toString(), grades).out())
                .isEqualTo(CliRun.of("sql", "--data", dir.resolve("data-canonical").toString(), grades).out());
    }

    @Test
    void frontSheetCodesInDbf_givesTheSameCasesGroupsCostsAndMetrics() throws IOException {
        assertSameAsCanonical(imported("hqms-codes", inLayout("hqms-codes", LayoutFiles.Form.DBF,
                Charset.forName("GBK"))));
    }

    @Test
    void settlementListFlatInXlsx_givesTheSameCasesGroupsCostsAndMetrics() throws IOException {
        assertSameAsCanonical(imported("settlement-flat", inLayout("settlement-flat", LayoutFiles.Form.XLSX,
                StandardCharsets.UTF_8)));
    }

    @Test
    void settlementListLineForm_givesTheSameCasesGroupsCostsAndMetrics() throws IOException {
        assertSameAsCanonical(imported("settlement-lines", inLayout("settlement-lines", LayoutFiles.Form.CSV,
                StandardCharsets.UTF_8)));
    }
}
